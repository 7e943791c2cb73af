# Texte, die der Server für die anfragende Person schreibt: Formularfehler,
# Konflikte und die Texte der Lesemodelle (Aktivität, Datenschutzanfragen, Felder).


## Choices in forms
server-choose-scope = Wählen Sie Kontakte oder Tickets.
server-unknown-role = Unbekannte Rolle.
server-choose-role = Wählen Sie eine Rolle.
server-choose-access = Wählen Sie „Verborgen“, „Lesen“ oder „Bearbeiten“.
server-unknown-status = Unbekannter Status „{ $status }“.
server-choose-status = Wählen Sie einen Status.

## Audit chain verification (shown to admins after “The audit chain is broken at event …:”)
server-audit-event-missing = Ereignis { $seq } fehlt
server-audit-event-unlinked = Ereignis { $seq } schließt nicht an das vorherige Ereignis an
server-audit-event-changed = Ereignis { $seq } wurde nach dem Schreiben verändert
server-audit-events-missing = die Ereignisse { $first } bis { $last } fehlen
server-audit-events-unrecorded = Ereignisse nach { $seq } sind im Kettenkopf nicht verzeichnet
server-audit-head-mismatch = der Kettenkopf stimmt nicht mit Ereignis { $seq } überein

## Audit log and “Activity on my data”
server-enter-date = Geben Sie ein Datum im Format JJJJ-MM-TT ein.
server-unknown-action = Unbekannte Aktion.
server-end-before-start = Das Enddatum liegt vor dem Startdatum.
server-activity-you = Sie
server-activity-staff = { $name } ({ $role })
server-activity-someone-else = Eine andere Person
server-activity-not-signed-in = Eine nicht angemeldete Person

## Privacy requests as the customer and staff read them
server-request-summary-erasure-reason = Mein Konto und meine Daten löschen – „{ $reason }“
server-request-summary-erasure = Mein Konto und meine Daten löschen
server-request-summary-email-to = E-Mail-Adresse ändern in { $email }
server-request-summary-email = E-Mail-Adresse ändern
server-request-step-received = Eingegangen
server-request-step-extended = { $status } (Frist verlängert)
server-request-by-password = Identität per Passwort bestätigt
server-request-by-customer = Der Kunde
server-request-by-team = Unser Team ({ $name })
server-request-by-link = Bestätigungslink
server-request-by-job = Löschauftrag
server-choose-status-from-list = Wählen Sie einen Status aus der Liste.
server-choose-kind-from-list = Wählen Sie eine Art aus der Liste.

## Privacy requests: withdrawing, extending, reasons
server-reason-too-long = Die Begründung darf höchstens 2000 Zeichen lang sein.
server-request-not-withdrawable = Diese Anfrage kann nicht mehr zurückgezogen werden (Status: { $status }).
server-extension-reason-required = Nennen Sie dem Kunden einen Grund für die Verlängerung; er wird ihn sehen.
server-extension-not-open = Nur eine Anfrage, über die noch nicht entschieden wurde, kann verlängert werden.
server-extension-at-most = Diese Anfrage wurde bereits um das gesetzlich zulässige Maximum (zwei Monate) verlängert.
server-extension-one-more-month = Sie kann nur noch um einen Monat verlängert werden.
server-extension-months = Verlängern Sie um einen oder zwei Monate.

## Notes the portal writes on a request’s steps
server-note-on-hold = Eine gesetzliche Pflicht verlangt, dass wir Ihre Daten vorerst aufbewahren. Wir fahren fort, sobald sie endet.
server-note-closed-by-erasure = Geschlossen: Das Konto wird gelöscht.
server-note-link-expired = Der Bestätigungslink ist abgelaufen.
server-note-cancelled-from-old-address = Mit dem an die alte Adresse gesendeten Link abgebrochen.
server-note-extended =
    { $months ->
        [one] Frist um { $months } Monat verlängert bis { $due }: { $reason }
       *[other] Frist um { $months } Monate verlängert bis { $due }: { $reason }
    }

## Erasure, redaction
server-redaction-reason-required = Geben Sie den Grund für die Schwärzung an.
server-redaction-too-long = Der neue Text ist zu lang.
server-redaction-held = Für den Kunden dieses Tickets gilt eine Aufbewahrungspflicht: Seine Nachrichten müssen unverändert bleiben, bis sie aufgehoben wird.
server-redaction-erased = Der Kunde dieses Tickets wurde gelöscht: Die Nachricht ist bereits unlesbar.
server-erasure-already-asked = Sie haben uns bereits gebeten, Ihr Konto zu löschen. Sie können diese Anfrage unten verfolgen; eine erneute Anfrage ist nicht nötig.
server-approval-reason-required = Geben Sie den Grund für die Genehmigung an; der Kunde sieht ihn.
server-rejection-reason-required = Nennen Sie dem Kunden einen Grund für die Ablehnung.
server-request-already-decided = Über diese Anfrage wurde bereits entschieden.
server-erase-customer-reason-required = Geben Sie den Grund für die Löschung dieses Kunden an.
server-customer-already-erased-or-erasing = Dieser Kunde wurde bereits gelöscht (oder wird gerade gelöscht).
server-erase-ticket-reason-required = Geben Sie den Grund für die Löschung dieses Tickets an.
server-ticket-already-deleting = Dieses Ticket wird bereits gelöscht.
server-recheck-not-needed = Nur eine Löschung, die Aufmerksamkeit erfordert, kann erneut geprüft werden.
server-choose-tickets-policy = Wählen Sie, ob die Tickets gelöschter Kunden gelöscht oder anonymisiert aufbewahrt werden.

## What erasing a customer will do (preview for staff)
server-preview-profile = Profil (Name, Telefon, Profilfelder)
server-preview-profile-outcome = Gelöscht; das Konto behält nur das Pseudonym
server-preview-key = Schlüssel für personenbezogene Daten
server-preview-key-outcome = Wird zuerst vernichtet: Alles damit Verschlüsselte wird unlesbar, auch in Sicherungen und alten Exporten
server-preview-tickets = Tickets
server-preview-deleted = Gelöscht
server-preview-tickets-kept = Anonymisiert für Auswertungen aufbewahrt (Status und Daten)
server-preview-messages = Nachrichten in seinen Tickets
server-preview-messages-kept = Als unlesbarer Geheimtext aufbewahrt
server-preview-field-values = Werte benutzerdefinierter Felder
server-preview-sessions = Sitzungen
server-preview-ended = Beendet
server-preview-their-exports = Seine Datenexporte
server-preview-admin-exports = Admin-Exporte aller Module
server-preview-admin-exports-outcome = Gelöscht (sie enthalten diesen Kunden)
server-preview-mail = E-Mails an ihn
server-preview-mail-outcome = Gelöscht, samt Adresse; eine letzte E-Mail teilt ihm den Abschluss mit
server-preview-requests = Datenschutzanfragen
server-preview-requests-outcome = Als Nachweis des Verlangten und Erledigten aufbewahrt; Einzelheiten unlesbar
server-preview-audit-events = Audit-Ereignisse über ihn
server-preview-audit-events-outcome = Aufbewahrt (die Kette bleibt gültig); seine persönlichen Werte vernichtet
server-mentions-block-approval =
    { $count ->
        [one] { $count } Nachricht in Tickets anderer Kunden enthält noch die E-Mail-Adresse oder Telefonnummer dieses Kunden. Schwärzen Sie sie zuerst (siehe „Erwähnungen“ auf dieser Seite) und genehmigen Sie dann.
       *[other] { $count } Nachrichten in Tickets anderer Kunden enthalten noch die E-Mail-Adresse oder Telefonnummer dieses Kunden. Schwärzen Sie sie zuerst (siehe „Erwähnungen“ auf dieser Seite) und genehmigen Sie dann.
    }

## The final check of an erasure: what is still there
server-check-ticket-exists = Das Ticket existiert noch.
server-check-ticket-messages =
    { $count ->
        [one] { $count } Nachricht des Tickets existiert noch.
       *[other] { $count } Nachrichten des Tickets existieren noch.
    }
server-check-key-exists = Der Schlüssel für personenbezogene Daten ist noch im Schlüsselspeicher.
server-check-profile-data = Das Konto enthält noch Profildaten.
server-check-sessions =
    { $count ->
        [one] { $count } Sitzung ist noch offen.
       *[other] { $count } Sitzungen sind noch offen.
    }
server-check-links =
    { $count ->
        [one] { $count } Link zum Zurücksetzen oder Bestätigen funktioniert noch.
       *[other] { $count } Links zum Zurücksetzen oder Bestätigen funktionieren noch.
    }
server-check-passkeys =
    { $count ->
        [one] { $count } Passkey ist noch registriert.
       *[other] { $count } Passkeys sind noch registriert.
    }
server-check-exports =
    { $count ->
        [one] { $count } Datenexport existiert noch.
       *[other] { $count } Datenexporte existieren noch.
    }
server-check-archive-files =
    { $count ->
        [one] { $count } Kopie von Archiven mit seinen Daten ist noch gespeichert (auf dem Datenträger oder in der Datenbank).
       *[other] { $count } Kopien von Archiven mit seinen Daten sind noch gespeichert (auf dem Datenträger oder in der Datenbank).
    }
server-check-tickets =
    { $count ->
        [one] { $count } Ticket existiert noch.
       *[other] { $count } Tickets existieren noch.
    }
server-check-identifiers-unreadable = Die zu suchenden Kennungen sind unlesbar; die Prüfung kann nicht laufen.
server-check-index-entries =
    { $count ->
        [one] { $count } Eintrag seiner Texte ist noch im Suchindex.
       *[other] { $count } Einträge seiner Texte sind noch im Suchindex.
    }
server-check-email-on-account = Die E-Mail-Adresse ist noch einem Konto zugeordnet.
server-check-mails =
    { $count ->
        [one] { $count } E-Mail enthält noch die E-Mail-Adresse.
       *[other] { $count } E-Mails enthalten noch die E-Mail-Adresse.
    }
server-check-sign-in-records =
    { $count ->
        [one] { $count } Anmeldeeintrag enthält noch die E-Mail-Adresse.
       *[other] { $count } Anmeldeeinträge enthalten noch die E-Mail-Adresse.
    }
server-check-field-values =
    { $count ->
        [one] { $count } Wert eines benutzerdefinierten Felds anderer Datensätze nennt ihn noch.
       *[other] { $count } Werte benutzerdefinierter Felder anderer Datensätze nennen ihn noch.
    }
server-check-subjects-email =
    { $count ->
        [one] { $count } Betreffzeile von Tickets anderer Kunden enthält seine E-Mail-Adresse.
       *[other] { $count } Betreffzeilen von Tickets anderer Kunden enthalten seine E-Mail-Adresse.
    }
server-check-subjects-phone =
    { $count ->
        [one] { $count } Betreffzeile von Tickets anderer Kunden enthält seine Telefonnummer.
       *[other] { $count } Betreffzeilen von Tickets anderer Kunden enthalten seine Telefonnummer.
    }
server-check-subjects-name =
    { $count ->
        [one] { $count } Betreffzeile von Tickets anderer Kunden enthält seinen Namen.
       *[other] { $count } Betreffzeilen von Tickets anderer Kunden enthalten seinen Namen.
    }
server-check-messages-email =
    { $count ->
        [one] { $count } Nachricht in Tickets anderer Kunden enthält seine E-Mail-Adresse.
       *[other] { $count } Nachrichten in Tickets anderer Kunden enthalten seine E-Mail-Adresse.
    }
server-check-messages-phone =
    { $count ->
        [one] { $count } Nachricht in Tickets anderer Kunden enthält seine Telefonnummer.
       *[other] { $count } Nachrichten in Tickets anderer Kunden enthalten seine Telefonnummer.
    }
server-check-messages-name =
    { $count ->
        [one] { $count } Nachricht in Tickets anderer Kunden enthält seinen Namen.
       *[other] { $count } Nachrichten in Tickets anderer Kunden enthalten seinen Namen.
    }

## Legal holds
server-hold-blocks-erasure = Für diesen Kunden gilt eine Aufbewahrungspflicht: Nichts von seinen Daten darf gelöscht werden, bis sie aufgehoben ist.
server-hold-reason-required = Geben Sie den Grund für die Aufbewahrungspflicht an (z. B. das betreffende Verfahren).
server-hold-enter-end-date = Geben Sie das Enddatum im Format JJJJ-MM-TT ein oder lassen Sie das Feld leer.
server-date-does-not-exist = Dieses Datum gibt es nicht.
server-end-date-in-future = Das Enddatum muss in der Zukunft liegen.
server-hold-already-placed = Für diesen Kunden gilt bereits eine Aufbewahrungspflicht.
server-customer-already-erased = Dieser Kunde wurde bereits gelöscht.
server-hold-not-placed = Für diesen Kunden gilt keine Aufbewahrungspflicht.

## Placeholders for values that cannot be shown
server-erased = [gelöscht]
server-unreadable = [unlesbar]

## Passkeys and two-factor sign-in
server-passkeys-need-domain = Passkeys setzen voraus, dass das Portal über einen Domainnamen erreichbar ist, nicht über die Adresse { $address }: Setzen Sie CUSTODIAN_PUBLIC_URL auf einen Namen wie http://localhost:3000.
server-passkeys-at-most = Sie haben { $max } Passkeys: Entfernen Sie einen, bevor Sie einen weiteren hinzufügen.
server-passkey-name-required = Geben Sie dem Passkey einen Namen mit höchstens 100 Zeichen, etwa „Arbeitslaptop“.
server-passkey-answer-unreadable = Die Antwort des Browsers konnte nicht gelesen werden. Versuchen Sie es erneut.
server-passkey-registration-expired = Diese Registrierung ist abgelaufen. Beginnen Sie von vorn.
server-passkey-not-verified = Der Passkey konnte nicht überprüft werden. Versuchen Sie es erneut.
server-passkey-already-registered = Dieser Passkey ist bereits registriert.
server-passkey-last-factor = Ihr Helpdesk verlangt die Zwei-Faktor-Anmeldung für Mitarbeitende: Fügen Sie einen weiteren Passkey oder eine Authenticator-App hinzu, bevor Sie diesen entfernen.
server-second-factor-not-recent = Um eine weitere Anmeldemethode hinzuzufügen, melden Sie sich ab und mit Ihrem Passkey oder Ihrer Authenticator-App erneut an; kommen Sie dann innerhalb von { $minutes } Minuten zurück.
server-two-factor-already-on-move = Die Zwei-Faktor-Anmeldung ist bereits eingeschaltet. Schalten Sie sie zuerst aus, um sie in eine andere App zu übertragen.
server-two-factor-no-pending-secret = Beginnen Sie die Einrichtung erneut: Es gibt kein ausstehendes Authenticator-Geheimnis.
server-two-factor-already-on = Die Zwei-Faktor-Anmeldung ist bereits eingeschaltet.
server-two-factor-wrong-code = Dieser Code ist nicht richtig. Prüfen Sie die Uhrzeit auf Ihrem Telefon und geben Sie den Code ein, den die App jetzt anzeigt.
server-two-factor-required-for-staff = Ihr Helpdesk verlangt die Zwei-Faktor-Anmeldung für Mitarbeitende: Fügen Sie einen Passkey hinzu, bevor Sie die App ausschalten.
server-wrong-or-used-code = Dieser Code ist nicht richtig oder wurde bereits verwendet. Geben Sie den Code ein, den Ihre App jetzt anzeigt, oder einen Wiederherstellungscode.

## Passwords and sign-in
server-passkey-not-accepted-use-code = Dieser Passkey wurde nicht akzeptiert. Versuchen Sie es erneut oder verwenden Sie einen Code aus Ihrer Authenticator-App.
server-passkey-not-accepted-use-password = Dieser Passkey wurde nicht akzeptiert. Versuchen Sie es erneut oder melden Sie sich mit Ihrem Passwort an.
server-password-same-as-old = Wählen Sie ein anderes Passwort als das bisherige.
server-password-too-easy = Dieses Passwort ist zu leicht zu erraten.
server-password-warning-straight-rows = Gerade Tastenreihen sind leicht zu erraten.
server-password-warning-short-patterns = Kurze Tastaturmuster sind leicht zu erraten.
server-password-warning-repeats = Wiederholungen wie „aaa“ sind leicht zu erraten.
server-password-warning-repeated-groups = Wiederholungen wie „abcabcabc“ sind nur wenig schwerer zu erraten als „abc“.
server-password-warning-top10 = Dies ist eines der 10 häufigsten Passwörter.
server-password-warning-top100 = Dies ist eines der 100 häufigsten Passwörter.
server-password-warning-common = Dies ist ein sehr häufiges Passwort.
server-password-warning-similar = Dies ähnelt einem häufig verwendeten Passwort.
server-password-warning-sequences = Folgen wie abc oder 6543 sind leicht zu erraten.
server-password-warning-recent-years = Jüngere Jahreszahlen sind leicht zu erraten.
server-password-warning-word = Ein einzelnes Wort ist leicht zu erraten.
server-password-warning-dates = Daten sind oft leicht zu erraten.
server-password-warning-names = Vor- und Nachnamen allein sind leicht zu erraten.
server-password-warning-common-names = Häufige Vor- und Nachnamen sind leicht zu erraten.
server-password-suggest-few-words = Verwenden Sie mehrere Wörter und vermeiden Sie gängige Redewendungen.
server-password-suggest-no-symbols = Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.
server-password-suggest-another-word = Fügen Sie ein oder zwei weitere Wörter hinzu. Ungewöhnliche Wörter sind besser.
server-password-suggest-capitalization = Großschreibung hilft nicht viel.
server-password-suggest-uppercase = Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.
server-password-suggest-reversed = Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.
server-password-suggest-substitutions = Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen nicht viel.
server-password-suggest-longer-pattern = Verwenden Sie ein längeres Tastaturmuster mit mehr Richtungswechseln.
server-password-suggest-avoid-repeats = Vermeiden Sie wiederholte Wörter und Zeichen.
server-password-suggest-avoid-sequences = Vermeiden Sie Folgen.
server-password-suggest-avoid-recent-years = Vermeiden Sie jüngere Jahreszahlen.
server-password-suggest-avoid-your-years = Vermeiden Sie Jahreszahlen, die mit Ihnen in Verbindung stehen.
server-password-suggest-avoid-your-dates = Vermeiden Sie Daten und Jahreszahlen, die mit Ihnen in Verbindung stehen.
server-enter-current-password = Geben Sie Ihr aktuelles Passwort ein.
server-reset-link-expired = Dieser Link zum Zurücksetzen ist abgelaufen. Fordern Sie einen neuen an.
server-reset-link-invalid = Dieser Link zum Zurücksetzen ist (nicht mehr) gültig: Er funktioniert nur einmal, und nur der neueste funktioniert. Fordern Sie einen neuen an.
server-password-not-correct = Dieses Passwort ist nicht korrekt.

## Confirming the sign-up address
server-confirm-link-expired = Dieser Bestätigungslink ist abgelaufen. Melden Sie sich an und fordern Sie auf der Datenschutzseite einen neuen an.
server-confirm-link-invalid = Dieser Bestätigungslink ist (nicht mehr) gültig: Nur der neueste funktioniert, und nur einmal. Melden Sie sich an, um zu sehen, ob Ihre Adresse bestätigt ist.
server-confirm-sign-in-first = Melden Sie sich bei dem Konto an, das Sie mit dieser Adresse erstellt haben, und öffnen Sie den Link dann erneut.
server-confirm-other-account = Dieser Link gehört zu einem anderen Konto. Melden Sie sich ab, melden Sie sich bei dem Konto an, das Sie mit dieser Adresse erstellt haben, und öffnen Sie den Link dann erneut.
server-address-already-confirmed = Ihre Adresse ist bereits bestätigt.
server-address-unavailable = Diese Adresse kann derzeit nicht verwendet werden. Wählen Sie eine andere.

## Changing the email address
server-email-change-in-progress = Sie haben bereits eine laufende E-Mail-Änderung. Warten Sie, bis sie abgeschlossen ist, bevor Sie eine weitere beantragen.
server-email-already-yours = Das ist bereits Ihre E-Mail-Adresse.
server-email-change-password-required = Geben Sie Ihr Passwort ein, um Ihre E-Mail-Adresse zu ändern.
server-cancel-link-invalid = Dieser Abbruchlink ist (nicht mehr) gültig: Die Änderung wurde bereits abgebrochen, durchgeführt oder abgelehnt.
server-email-confirm-link-invalid = Dieser Bestätigungslink ist (nicht mehr) gültig. Beantragen Sie die Änderung erneut.
server-email-confirm-link-expired = Dieser Bestätigungslink ist abgelaufen. Beantragen Sie die Änderung erneut.
server-email-change-unconfirmed = Der Kunde hat die neue Adresse noch nicht bestätigt; die Anfrage kann nur abgelehnt werden.
server-email-change-address-taken = Die neue Adresse gehört inzwischen zu einem anderen Konto; lehnen Sie diese Anfrage ab.

## Profile fields and custom fields
server-fields-twitter-help = Optional, etwa @custodian_help.
server-fields-phone-help = Optional. Ziffern mit Leerzeichen, + - ( ) erlaubt.
server-fields-label-required = Eine Bezeichnung ist erforderlich, höchstens 120 Zeichen.
server-fields-help-too-long = Der Hilfetext darf höchstens 500 Zeichen lang sein.
server-fields-choice-too-long = Jede Auswahlmöglichkeit darf höchstens 100 Zeichen lang sein.
server-fields-choices-required = Ein Auswahlfeld braucht mindestens eine Auswahlmöglichkeit, eine pro Zeile.
server-fields-choose-type = Wählen Sie einen Feldtyp.
server-fields-label-needs-letter = Die Bezeichnung braucht mindestens einen Buchstaben oder eine Ziffer.
server-fields-label-taken = Hier gibt es bereits ein Feld mit dieser Bezeichnung.
server-fields-ticket-label = Ticket: { $label }
server-fields-unknown = Unbekanntes Feld.
server-fields-email-never-editable = Die E-Mail-Adresse ist die Anmeldekennung: Sie ist hier nie bearbeitbar. Kunden ändern sie über eine bestätigte Anfrage.
server-fields-access-at-most = Die Rolle „{ $role }“ kann für dieses Feld höchstens „{ $access }“ erhalten.
server-email-read-only = Mit Ihrer E-Mail-Adresse melden Sie sich an, daher kann sie auf dieser Seite nicht geändert werden. Verwenden Sie „Änderung der E-Mail-Adresse beantragen“ auf Ihrer Datenschutzseite: Wir bestätigen die neue Adresse mit Ihnen, dann übernimmt unser Team sie.
server-field-not-available = Dieses Feld existiert nicht oder steht Ihnen nicht zur Verfügung.
server-field-read-only = „{ $field }“ können Sie nur lesen.
server-field-required = „{ $field }“ ist erforderlich.

## Tickets
server-ticket-closed = Dieses Ticket ist geschlossen. Bitte eröffnen Sie ein neues Ticket.
server-ticket-customer-erased = Der Kunde dieses Tickets wurde gelöscht: Das Ticket wird nur noch für Auswertungen aufbewahrt und nimmt keine Antworten mehr an.

## Staff accounts
server-staff-only = Hier werden nur Agent- und Admin-Konten verwaltet; Kunden setzen ihr Passwort selbst zurück.
server-cannot-disable-self = Sie können Ihr eigenes Konto nicht deaktivieren.
server-last-admin = Dies ist der letzte aktive Admin: Aktivieren oder erstellen Sie zuerst einen weiteren Admin.
server-account-disabled-no-reset = Dieses Konto ist deaktiviert: Aktivieren Sie es, bevor Sie einen Link zum Zurücksetzen senden.

## Signed-in devices
server-device-unknown-browser = Unbekannter Browser
server-device-unknown-system = Unbekanntes System
server-device-unknown-network = unbekannt

## Outbox
server-outbox-token-hidden = [verborgen]
