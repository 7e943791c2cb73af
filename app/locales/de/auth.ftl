# Sign-in, sign-up, the start page and the page for unknown addresses.
# These pages are in the small visitor bundle: keep the messages short.

## Sign-in and sign-up
auth-email = E-Mail
auth-password = Passwort
auth-own-new-password = Ihr eigenes neues Passwort
auth-password-hint = Mindestens { $min } Zeichen.
auth-password-hint-strong = Mindestens { $min } Zeichen und schwer zu erraten: Einige Wörter ohne Zusammenhang eignen sich gut.
auth-code = Code aus Ihrer Authenticator-App
auth-code-hint = 6 Ziffern oder einer Ihrer Wiederherstellungscodes.
auth-use-passkey = Meinen Passkey verwenden
auth-passkey-instead = Stattdessen mit einem Passkey anmelden
auth-enter-email-first = Geben Sie zuerst Ihre E-Mail-Adresse ein.
auth-forgot-password = Passwort vergessen?
auth-new-here = Neu hier?
auth-create-an-account = Konto erstellen
auth-sign-up-title = Erstellen Sie Ihr Konto
auth-sign-up-intro = Mit Ihrer E-Mail-Adresse melden Sie sich an. Wir geben sie niemals weiter.
auth-name = Name
auth-phone-optional = Telefon (optional)
auth-have-account = Sie haben bereits ein Konto?

## The start page
auth-home-title = Hilfe, die Ihre Privatsphäre achtet
auth-home-lead = { -brand } ist unser Kundenportal. Verfolgen Sie Ihre Support-Tickets, antworten Sie unserem Team und behalten Sie die Kontrolle über die personenbezogenen Daten, die wir über Sie speichern.
auth-home-welcome = Willkommen zurück, { $name }.
auth-home-go-to-tickets = Zu Ihren Tickets
auth-home-tickets-title = Ihre Tickets
auth-home-tickets-text = Alle Gespräche mit unserem Team an einem Ort – antworten Sie, wann es Ihnen passt.
auth-home-data-title = Ihre Daten
auth-home-data-text = Wir speichern nur, was wir brauchen, um Ihnen zu helfen, und Sie können jedes Ticket einsehen, das wir speichern.
auth-home-session-title = Ihre Sitzung
auth-home-session-text = Sitzungen enden nach Inaktivität, und wenn Sie sich abmelden, beenden wir sie auch auf unserer Seite.

## An unknown address
auth-not-found-title = Seite nicht gefunden
auth-not-found-text = Unter dieser Adresse gibt es nichts. Die Seite wurde vielleicht verschoben, oder Sie haben keinen Zugriff darauf.
auth-not-found-back = Zurück zur Startseite
