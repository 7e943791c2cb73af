# The account's own security: forgotten and new passwords, two-factor
# sign-in, passkeys, signed-in devices, confirming the sign-up address.

## Forgotten password and reset
account-forgot-sent = Falls ein Konto diese Adresse verwendet, haben wir dorthin einen Link geschickt, mit dem Sie ein neues Passwort wählen können. Der Link funktioniert einmal und ist 30 Minuten gültig.
account-back-to-sign-in = Zurück zur Anmeldung
account-forgot-intro = Geben Sie die Adresse ein, mit der Sie sich anmelden. Wir schicken dorthin einen Link, mit dem Sie ein neues Passwort wählen können.
account-send-link = Link senden
account-reset-title = Neues Passwort wählen
account-reset-done = Ihr Passwort wurde geändert, und alle Browser, die bei Ihrem Konto angemeldet waren, wurden abgemeldet.
account-new-password = Neues Passwort
account-save-new-password = Neues Passwort speichern

## Security page: password and devices
account-security-title = Anmeldung und Sicherheit
account-change-password-title = Mein Passwort ändern
account-change-password-intro = Alle anderen bei Ihrem Konto angemeldeten Browser werden abgemeldet, und wir benachrichtigen Sie per E-Mail.
account-change-password-done = Ihr Passwort wurde geändert. Andere Browser wurden abgemeldet.
account-current-password = Aktuelles Passwort
account-change-password = Passwort ändern
account-your-password = Ihr Passwort
account-devices-title = Angemeldete Geräte
account-devices-browser = Browser
account-devices-system = System
account-devices-network = Netzwerk
account-devices-signed-in = Anmeldung
account-devices-last-active = Zuletzt aktiv
account-devices-actions = Aktionen
account-devices-this-browser = Dieser Browser
account-devices-sign-out-others = Alle anderen Geräte abmelden

## Two-factor sign-in with an authenticator app
account-two-factor-title = Zwei-Faktor-Anmeldung
account-two-factor-on = Die Zwei-Faktor-Anmeldung ist aktiviert.
account-two-factor-save-codes = Bewahren Sie diese Wiederherstellungscodes jetzt an einem sicheren Ort auf: Mit jedem können Sie sich einmal anmelden, falls Sie Ihr Telefon verlieren, und sie werden nie wieder angezeigt.
account-two-factor-since = Aktiviert seit { $date }. { $left ->
    [one] Noch { $left } Wiederherstellungscode übrig.
   *[other] Noch { $left } Wiederherstellungscodes übrig.
}
account-two-factor-stays-on = Ihr Helpdesk verlangt sie für Mitarbeitende, daher bleibt sie aktiviert.
account-two-factor-off-code = Code aus der App oder ein Wiederherstellungscode
account-two-factor-turn-off = Zwei-Faktor-Anmeldung ausschalten
account-two-factor-required = Ihr Helpdesk verlangt die Zwei-Faktor-Anmeldung für Mitarbeitende: Richten Sie sie ein, um fortzufahren.
account-two-factor-intro = Bei der Anmeldung wird dann zusätzlich ein 6-stelliger Code aus einer Authenticator-App auf Ihrem Telefon abgefragt (jede App für „TOTP“-Codes), sodass ein gestohlenes Passwort allein Ihr Konto nicht öffnen kann.
account-two-factor-scan = Scannen Sie diesen Code mit der App oder geben Sie den Schlüssel von Hand ein:
account-two-factor-qr-alt = QR-Code Ihres Authenticator-Schlüssels
account-two-factor-code = Code aus der App
account-two-factor-turn-on = Einschalten
account-two-factor-set-up = Authenticator-App einrichten

## Confirming the sign-up address
account-confirm-title = Bestätigen Sie Ihre E-Mail-Adresse
account-confirm-done = Vielen Dank – Ihre Adresse ist bestätigt.
account-go-to-my-tickets = Zu meinen Tickets
account-confirm-intro = Bestätigen Sie, dass diese Adresse Ihnen gehört und zu Ihrem { -brand }-Konto gehört.
account-confirm-button = Meine Adresse bestätigen
account-confirm-reminder = Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben. Bis dahin können Sie weder Ihre Daten herunterladen noch die Löschung Ihres Kontos beantragen oder Ihre Adresse ändern.
account-confirm-resent = Wir haben einen neuen Link gesendet. Nur der neueste Link funktioniert.
account-confirm-resend = Link erneut senden

## Passkeys and security keys
account-passkeys-title = Passkeys und Sicherheitsschlüssel
account-passkeys-intro = Mit einem Passkey melden Sie sich über die Bildschirmsperre Ihres Geräts oder einen Sicherheitsschlüssel an – allein oder nach Ihrem Passwort anstelle eines Codes.
account-passkeys-added = „{ $name }“ wurde hinzugefügt.
account-passkeys-empty = Noch keine Passkeys.
# After the passkey's name, separated by " · ".
account-passkeys-added-on = hinzugefügt am { $time }
account-passkeys-last-used = zuletzt verwendet am { $time }
account-passkeys-remove = Entfernen
account-passkeys-name = Name für einen neuen Passkey
account-passkeys-name-placeholder = Arbeitslaptop
account-passkeys-password = Ihr Passwort (zum Hinzufügen oder Entfernen eines Passkeys)
account-passkeys-add = Passkey hinzufügen

## The browser's part of a passkey ceremony (also at sign-in)
account-passkey-unsupported = Dieser Browser unterstützt keine Passkeys.
account-passkey-too-old = Dieser Browser ist für Passkeys zu alt.
account-passkey-cannot-read-request = Dieser Browser konnte die Anfrage des Servers nicht lesen.
account-passkey-cannot-prepare = Dieser Browser konnte die Anfrage nicht vorbereiten.
account-passkey-cannot-reach = Dieser Browser konnte nicht auf seine Passkeys zugreifen.
account-passkey-cannot-start = Dieser Browser konnte den Passkey nicht starten.
account-passkey-cannot-use = Dieser Browser konnte den Passkey nicht verwenden.
account-passkey-cannot-read-answer = Dieser Browser konnte die Antwort des Passkeys nicht lesen.
account-passkey-not-used = Der Passkey wurde nicht verwendet (abgebrochen, Zeit abgelaufen oder nicht auf diesem Gerät).
account-passkey-browser-only = Passkeys funktionieren nur im Browser.
