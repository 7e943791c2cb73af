# The customer's privacy page, confirming or cancelling an email change,
# "Download my data", and what every privacy request shows (due date, history).

## A request's due date and history
privacy-due = Fällig am { $date }
privacy-due-extended = Fällig am { $date } (verlängert um { $months ->
        [one] { $months } Monat
       *[other] { $months } Monate
    })
privacy-due-overdue = — überfällig
privacy-due-soon = — fällig innerhalb von 7 Tagen
privacy-history-reason = Begründung: { $reason }

## The customer's privacy page
privacy-title = Datenschutz
privacy-password = Ihr Passwort
privacy-email-title = Meine E-Mail-Adresse ändern
privacy-email-intro = Mit Ihrer E-Mail-Adresse melden Sie sich an. Wir senden einen Bestätigungslink an die neue Adresse und einen Hinweis mit einem Link zum Abbrechen an Ihre bisherige; nachdem Sie bestätigt haben, nimmt unser Team die Änderung vor, und Sie melden sich mit der neuen Adresse an.
privacy-email-sent = Wir haben einen Bestätigungslink an die neue Adresse gesendet. Öffnen Sie ihn, um fortzufahren. (Falls diese Adresse nicht verwendet werden kann, wird stattdessen ihr Postfach benachrichtigt.)
privacy-email-new = Neue E-Mail-Adresse
privacy-email-submit = Änderung beantragen
privacy-my-requests = Meine Anfragen
privacy-no-requests = Sie haben keine Anfragen.
privacy-received = Eingegangen am { $date }
privacy-withdraw = Diese Anfrage zurückziehen

## Deleting one's account (erasure, GDPR Art. 17)
privacy-delete-title = Mein Konto und meine Daten löschen
privacy-delete-intro = Sobald unser Team Ihre Anfrage genehmigt (innerhalb eines Monats), werden wir:
privacy-delete-key = den Schlüssel vernichten, der Ihre personenbezogenen Daten verschlüsselt — ab dann kann nichts, was wir von Ihnen gespeichert haben, mehr gelesen werden, nicht einmal in unseren Sicherungen (eine Kopie, die Sie auf Ihr eigenes Gerät heruntergeladen haben, bleibt Ihre);
privacy-delete-records = Ihr Profil, Ihre benutzerdefinierten Angaben, Ihre Sitzungen, Ihre Datendownloads und die für Sie aufbewahrten E-Mails löschen;
privacy-delete-last-mail = Ihnen eine letzte E-Mail zur Bestätigung senden und dann Ihre E-Mail-Adresse entfernen.
privacy-delete-kept-tickets-deleted = Was wir behalten, und warum: den Nachweis, dass Sie die Löschung beantragt und wir sie durchgeführt haben, denn das müssen wir gesetzlich belegen können. Ihre Tickets werden gelöscht. Nichts davon lässt auf Sie schließen.
privacy-delete-kept-tickets-anonymised = Was wir behalten, und warum: Status und Daten Ihrer Tickets, ohne Inhalt oder Namen, damit unsere Support-Statistiken stimmen; den Nachweis, dass Sie die Löschung beantragt und wir sie durchgeführt haben, denn das müssen wir gesetzlich belegen können. Nichts davon lässt auf Sie schließen.
privacy-delete-legal-obligation = Falls uns eine gesetzliche Pflicht vorschreibt, Ihre Daten länger aufzubewahren, teilen wir Ihnen das mit.
privacy-delete-withdraw-note = Sie können die Anfrage zurückziehen, bis wir mit der Durchführung beginnen. Laden Sie Ihre Daten vorher herunter, wenn Sie eine Kopie möchten.
privacy-delete-received = Wir haben Ihre Anfrage erhalten. Wir antworten Ihnen bis spätestens { $date }.
privacy-delete-open = Ihre Anfrage ist offen: Sie können sie unten unter „Meine Anfragen“ verfolgen oder zurückziehen.
privacy-delete-reason = Warum möchten Sie uns verlassen? (optional)
privacy-delete-submit = Löschung meines Kontos beantragen

## Confirming or cancelling an email change (the mailed links)
privacy-confirm-email-title = Neue E-Mail-Adresse bestätigen
privacy-confirm-email-done = Vielen Dank — die Adresse ist bestätigt. Unser Team prüft die Änderung; Sie können sie auf Ihrer Datenschutzseite verfolgen.
privacy-confirm-email-intro = Bestätigen Sie, dass Sie diese Adresse für Ihr { -brand }-Konto verwenden möchten.
privacy-confirm-email-submit = Diese Adresse bestätigen
privacy-cancel-email-title = E-Mail-Änderung abbrechen
privacy-cancel-email-done = Die Änderung ist abgebrochen, und alle Browser, die bei Ihrem Konto angemeldet waren, wurden abgemeldet. Falls Sie die Änderung nicht beantragt haben, kennt möglicherweise jemand Ihr Passwort: Wählen Sie jetzt ein neues.
privacy-cancel-email-new-password = Neues Passwort wählen
privacy-cancel-email-intro = Brechen Sie die Änderung der E-Mail-Adresse Ihres Kontos ab. Dabei werden auch alle Browser abgemeldet, die bei Ihrem Konto angemeldet sind.
privacy-cancel-email-submit = Änderung abbrechen

## "Download my data" (data export, GDPR Art. 15 and 20)
privacy-export-title = Meine Daten herunterladen
privacy-export-intro = Eine ZIP-Datei mit allem, was wir über Sie gespeichert haben: eine strukturierte data.json, Tabellen (CSV) und eine Seite, die Sie in Ihrem Browser öffnen können. Wir erstellen sie im Hintergrund — Sie können die Seite verlassen und später wiederkommen. Geben Sie zu Ihrer Sicherheit Ihr Passwort erneut ein.
privacy-export-submit = Meinen Download vorbereiten
privacy-export-requested = Angefordert am { $date }
privacy-export-preparing = Wird vorbereitet … { $percent } %
privacy-export-percent = { $percent } %
privacy-export-download = ZIP herunterladen
privacy-export-ready = { $size } KB · verfügbar bis { $date }
privacy-export-expired = Abgelaufen
privacy-export-failed = Konnte nicht erstellt werden — bitte fordern Sie den Download erneut an.
