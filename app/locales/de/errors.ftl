# What an error says to people, by its code (AppError). Validation and
# conflict messages are written by the server in the request's language.
error-not-signed-in = Bitte melden Sie sich an, um fortzufahren.
error-forbidden = Dazu haben Sie keine Berechtigung.
error-not-found = Das konnten wir nicht finden.
error-invalid-fields = Einige Felder müssen korrigiert werden:
error-invalid-credentials = E-Mail-Adresse oder Passwort ist nicht korrekt.
error-password-change-required = Wählen Sie ein eigenes Passwort, um fortzufahren: Das erhaltene gilt nur für die erste Anmeldung.
error-second-factor-both = Verwenden Sie Ihren Passkey oder geben Sie den 6-stelligen Code aus Ihrer Authenticator-App (oder einen Wiederherstellungscode) ein.
error-second-factor-passkey = Verwenden Sie Ihren Passkey, um die Anmeldung abzuschließen.
error-second-factor-code = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.
error-two-factor-setup-required = Richten Sie zuerst die Zwei-Faktor-Anmeldung ein: Ihr Helpdesk verlangt sie für Mitarbeitende. Öffnen Sie „Sicherheit“ im Menü.
error-email-not-confirmed = Bestätigen Sie zuerst Ihre E-Mail-Adresse: Öffnen Sie den Link, den wir Ihnen bei der Registrierung geschickt haben (die Datenschutzseite kann ihn erneut senden).
error-account-disabled = Dieses Konto wurde deaktiviert. Bitten Sie eine Administratorin oder einen Administrator Ihres Helpdesks, es wieder zu aktivieren.
error-rate-limited = { $minutes ->
    [one] Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es erneut.
   *[other] Zu viele Versuche. Bitte warten Sie { $minutes } Minuten und versuchen Sie es erneut.
}
error-email-taken = Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Melden Sie sich stattdessen an.
error-cross-site = Diese Anfrage kam von einer anderen Website und wurde blockiert. Bitte verwenden Sie das Portal direkt.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut; wenn es wieder passiert, nennen Sie unserem Team diese Referenz.
error-busy = Das Portal ist gerade stark ausgelastet. Bitte versuchen Sie es gleich noch einmal.
error-storage-full = Der Speicherplatz des Portals ist erschöpft, daher wurde nichts gespeichert. Bitte versuchen Sie es später erneut; wenn es wieder passiert, nennen Sie unserem Team diese Referenz.
error-unavailable = Das Portal erreicht seine Datenbank gerade nicht. Bitte versuchen Sie es gleich noch einmal; wenn es wieder passiert, nennen Sie unserem Team diese Referenz.
error-moving = Das Portal zieht in eine neue Datenbank um; Änderungen sind angehalten. Bitte versuchen Sie es gleich noch einmal.
error-transport = Die Anfrage konnte nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-invalid-request = Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.
