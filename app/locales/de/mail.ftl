# Every mail the portal sends, in the recipient's language.
# Links and codes are variables; a blank line separates paragraphs.

## Passwords
mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-body =
    Das Passwort Ihres { -brand }-Kontos wurde soeben geändert, und alle anderen Browser, die bei diesem Konto angemeldet waren, wurden abgemeldet.

    Falls Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück: { $url }/forgot-password
mail-reset-subject = Wählen Sie ein neues Passwort
mail-reset-why-admin = Ein Administrator Ihres Helpdesks hat Ihnen diesen Link geschickt, damit Sie ein neues Passwort wählen können.
mail-reset-why-self = Jemand – hoffentlich Sie – hat darum gebeten, das Passwort Ihres { -brand }-Kontos zurückzusetzen.
mail-reset-body =
    { $why }

    Um ein neues Passwort zu wählen, öffnen Sie diesen Link innerhalb { $minutes ->
        [one] einer Minute
       *[other] von { $minutes } Minuten
    }. Er funktioniert nur einmal, und nur der neueste Link ist gültig:
    { $link }

    Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.

## Two-factor sign-in, passkeys and recovery codes
mail-two-factor-on-subject = Die Zwei-Faktor-Anmeldung ist aktiviert
mail-two-factor-on-body = Für die Anmeldung bei Ihrem { -brand }-Konto ist jetzt zusätzlich ein Code aus Ihrer Authenticator-App (oder einer Ihrer Wiederherstellungscodes) erforderlich. Falls Sie das nicht waren, setzen Sie Ihr Passwort zurück und informieren Sie Ihren Helpdesk.
mail-two-factor-off-subject = Die Zwei-Faktor-Anmeldung ist deaktiviert
mail-two-factor-off-body = Für die Anmeldung bei Ihrem { -brand }-Konto genügt wieder allein Ihr Passwort. Falls Sie das nicht waren, setzen Sie Ihr Passwort zurück und informieren Sie Ihren Helpdesk.
mail-passkey-added-subject = Ihrem Konto wurde ein Passkey hinzugefügt
mail-passkey-added-body = Mit dem Passkey „{ $name }“ können Sie sich jetzt bei Ihrem { -brand }-Konto anmelden. Falls Sie ihn nicht hinzugefügt haben, entfernen Sie ihn auf Ihrer Sicherheitsseite und setzen Sie Ihr Passwort zurück.
mail-passkey-removed-subject = Ein Passkey wurde von Ihrem Konto entfernt
mail-passkey-removed-body = Mit dem Passkey „{ $name }“ ist keine Anmeldung bei Ihrem { -brand }-Konto mehr möglich. Falls Sie ihn nicht entfernt haben, setzen Sie Ihr Passwort zurück und informieren Sie Ihren Helpdesk.
mail-recovery-code-used-subject = Bei einer Anmeldung wurde ein Wiederherstellungscode verwendet
mail-recovery-code-used-body = Jemand hat sich mit einem Ihrer Wiederherstellungscodes bei Ihrem { -brand }-Konto angemeldet. { $left ->
        [0] Es ist kein unbenutzter Code mehr übrig.
        [one] Es ist noch { $left } unbenutzter Code übrig.
       *[other] Es sind noch { $left } unbenutzte Codes übrig.
    } Falls Sie das nicht waren, setzen Sie Ihr Passwort zurück und informieren Sie Ihren Helpdesk.

## Confirming the sign-up address
mail-confirm-address-subject = Bestätigen Sie Ihre E-Mail-Adresse
mail-confirm-address-body =
    Willkommen bei { -brand }. Um zu bestätigen, dass diese Adresse Ihnen gehört, öffnen Sie diesen Link innerhalb { $days ->
        [one] eines Tages
       *[other] von { $days } Tagen
    }:
    { $link }

    Bis dahin können Sie Ihre Tickets öffnen und lesen, aber weder Ihre Daten herunterladen noch die Löschung Ihres Kontos beantragen oder Ihre Adresse ändern. Ein Konto, dessen Adresse nicht rechtzeitig bestätigt wird, wird entfernt. Falls Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.
mail-unconfirmed-removed-subject = Ein unbestätigtes { -brand }-Konto wurde entfernt
mail-unconfirmed-removed-body =
    Bei unserem Helpdesk wurde mit dieser Adresse ein Konto eröffnet, die Adresse wurde jedoch nie über den von uns geschickten Link bestätigt. Wir haben dieses Konto mit allen seinen Inhalten entfernt.

    Falls es Ihr Konto war, können Sie sich gerne erneut registrieren. Dies ist die letzte E-Mail dazu; wir bewahren keine Kopie dieser Adresse auf.
mail-address-released-body = Jemand hatte bei unserem Helpdesk mit dieser Adresse ein Konto eröffnet, sie aber nie bestätigt. Da Sie die Adresse nun für Ihr eigenes Konto bestätigt haben, wurde jenes Konto mit allen seinen Inhalten entfernt.

## Email change
mail-email-change-subject = Zur E-Mail-Adresse eines { -brand }-Kontos
mail-email-change-taken-body =
    Jemand hat darum gebeten, ein anderes { -brand }-Konto auf diese Adresse umzustellen. Sie gehört jedoch bereits zu einem Konto, daher wurde nichts geändert.

    Falls Sie das waren und das Passwort des Kontos mit dieser Adresse vergessen haben, setzen Sie es hier zurück: { $url }/forgot-password
mail-email-change-confirm-body =
    Jemand – hoffentlich Sie – hat darum gebeten, diese Adresse für sein { -brand }-Konto zu verwenden.

    Zur Bestätigung öffnen Sie diesen Link innerhalb { $hours ->
        [one] einer Stunde
       *[other] von { $hours } Stunden
    }:
    { $link }

    Nach Ihrer Bestätigung prüft unser Team die Änderung. Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.
mail-email-change-notice-subject = Ihre E-Mail-Adresse wird bald geändert
mail-email-change-notice-body =
    Jemand, der bei Ihrem { -brand }-Konto angemeldet ist, hat darum gebeten, dessen E-Mail-Adresse in { $address } zu ändern.

    Falls Sie das waren, müssen Sie nichts tun. Falls nicht, brechen Sie die Änderung mit diesem Link ab – dabei werden auch alle Browser abgemeldet – und setzen Sie anschließend Ihr Passwort zurück:
    { $link }
mail-email-change-declined-subject = Ihre Anfrage zur Änderung der E-Mail-Adresse wurde abgelehnt
mail-email-change-declined-body =
    Wir haben die E-Mail-Adresse Ihres Kontos nicht geändert.

    Begründung: { $reason }
mail-email-changed-subject = Ihre E-Mail-Adresse wurde geändert
mail-email-changed-body = Die E-Mail-Adresse Ihres { -brand }-Kontos lautet jetzt { $address }. Sie wurden überall abgemeldet; melden Sie sich mit der neuen Adresse an.

## Privacy requests and erasure
mail-request-extended-subject = Wir benötigen mehr Zeit für Ihre Datenschutzanfrage
mail-request-extended-body =
    Wir benötigen mehr Zeit, um Ihre Anfrage zu bearbeiten. Wir antworten Ihnen bis spätestens { $due }.

    Begründung: { $reason }
mail-erasure-received-subject = Wir haben Ihre Anfrage zur Löschung Ihres Kontos erhalten
mail-erasure-received-body = Wir haben Ihre Anfrage zur Löschung Ihres Kontos und Ihrer Daten erhalten. Unser Team prüft sie und antwortet Ihnen bis spätestens { $due }. Auf Ihrer Datenschutzseite können Sie die Anfrage verfolgen oder zurückziehen.
mail-erasure-declined-subject = Ihre Anfrage zur Löschung Ihres Kontos wurde abgelehnt
mail-erasure-declined-body =
    Wir haben Ihr Konto und Ihre Daten nicht gelöscht.

    Begründung: { $reason }

    Sie können die Anfrage erneut stellen oder sich bei einer Datenschutzaufsichtsbehörde beschweren.
mail-erased-subject = Ihre Daten wurden gelöscht
mail-erased-body-intro = Wir haben Ihr { -brand }-Konto und Ihre personenbezogenen Daten gelöscht.
mail-erased-note = Anmerkung unseres Teams zur Genehmigung Ihrer Anfrage: { $reason }
mail-erased-body-end = Dies ist die letzte E-Mail, die Sie von uns erhalten; wir bewahren keine Kopie Ihrer Adresse auf. Aufzeichnungen, die wir aufbewahren müssen (etwa anonyme Ticketstatistiken und den Nachweis, dass diese Anfrage ausgeführt wurde), lassen keinen Rückschluss mehr auf Sie zu.
