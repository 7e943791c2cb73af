# Staff pages of the privacy area: the request queue, one request, erasing a
# customer, legal holds, the outbox, the admin export and the privacy settings.

## The request queue
requests-queue-title = Datenschutzanfragen
requests-filter-kind = Art
requests-filter-every-kind = Alle Arten
requests-filter-status = Status
requests-filter-every-open = Alle offenen Anfragen
requests-filter-closed = Abgeschlossen (erledigt, abgelehnt, zurückgezogen)
requests-filter-all = Alle
requests-filter-submit = Filtern
requests-counts-label = Offene Anfragen
# After a number in bold: "3 open".
requests-count-open = { $count ->
    [one] offen
   *[other] offen
}
requests-count-overdue = { $count ->
    [one] überfällig
   *[other] überfällig
}
requests-count-due-soon = { $count ->
    [one] innerhalb von 7 Tagen fällig
   *[other] innerhalb von 7 Tagen fällig
}
requests-count-on-hold = { $count ->
    [one] zurückgestellt
   *[other] zurückgestellt
}
requests-count-needs-attention = { $count ->
    [one] erfordert Aufmerksamkeit
   *[other] erfordern Aufmerksamkeit
}
requests-none-match = Keine Anfragen gefunden.
requests-column-request = Anfrage
requests-column-customer = Kunde
requests-column-status = Status
requests-column-due = Fällig

## One request
# After the customer's email: "ann@example.org · received 30 Nov 2026, 14:05".
requests-received = eingegangen am { $date }
requests-check-passed = Abschlussprüfung bestanden: Von diesem Kunden ist nichts Lesbares mehr vorhanden.
requests-check-failed = Abschlussprüfung fehlgeschlagen: Diese Löschung erfordert Aufmerksamkeit.
requests-check-warnings = Einen Blick wert:
requests-check-checked = Geprüft am { $date }
# The erasure steps that ran, joined by commas.
requests-check-steps = erledigte Schritte: { $steps }
requests-recheck = Prüfung erneut ausführen
requests-fully-extended = Die Frist wurde bereits um die gesetzlich zulässigen zwei Monate verlängert.
requests-on-hold-note = Solange die Aufbewahrungspflicht (rechtliche Sperre) besteht, ist keine Genehmigung möglich; die Anfrage kann weiterhin abgelehnt werden.
requests-extend-title = Frist verlängern
requests-extend-intro = Um insgesamt bis zu zwei weitere Monate, wenn die Anfrage komplex ist oder viele Anfragen vorliegen. Der Kunde sieht die Begründung und erhält sie per E-Mail.
requests-extend-by = Verlängern um
requests-extend-months = { $months ->
    [one] { $months } Monat
   *[other] { $months } Monate
}
requests-extend-reason = Begründung (für den Kunden sichtbar)
requests-extend-submit = Verlängern
requests-decision-title = Entscheidung
requests-decision-reason-erasure = Begründung (für den Kunden sichtbar; erforderlich)
requests-decision-reason = Begründung (für den Kunden sichtbar; zum Ablehnen erforderlich)
requests-approve-erase = Genehmigen und löschen
requests-approve-apply = Genehmigen und übernehmen
requests-reject = Ablehnen

## What an erasure does (the preview)
requests-preview-title-erased = Löschung von { $email }
requests-preview-title = Was die Löschung von { $email } bewirkt
# The pseudonym is shown in bold.
requests-preview-pseudonym = In aufbewahrten Datensätzen heißt die Person { $pseudonym }.
requests-preview-column-data = Daten
requests-preview-column-records = Datensätze
requests-preview-column-outcome = Was geschieht
requests-preview-mentions-title = Erwähnungen in Tickets anderer Kunden
requests-preview-mentions-none-erased = Nichts mehr anzuzeigen: Nach Abschluss der Löschung bleibt nichts, wonach gesucht werden könnte.
requests-preview-mentions-none = Nichts gefunden: Keine andere Unterhaltung enthält die E-Mail-Adresse, Telefonnummer oder den Namen der Person.
requests-preview-mentions-intro = Diese Nachrichten anderer Kunden nennen die Person. Schwärzen Sie sie im Ticket, bevor Sie genehmigen; die Abschlussprüfung schlägt fehl, solange eine E-Mail-Adresse oder Telefonnummer noch lesbar ist.
# Before the link "Open the ticket" when the ticket's subject names them.
requests-preview-in-subject = in der Betreffzeile
requests-preview-open-ticket = Ticket öffnen

## Erasing a customer directly
requests-erase-title = Kunden löschen
requests-erase-erased-notice = Dieser Kunde wurde gelöscht (oder die Löschung läuft). In aufbewahrten Datensätzen trägt er das unten stehende Pseudonym.
requests-erase-started = Die Löschung hat begonnen. Sie läuft im Hintergrund; das Prüfprotokoll hält jeden Schritt fest.
requests-erase-card-title = Diesen Kunden löschen
requests-erase-warning = Dies kann nicht rückgängig gemacht werden. Zuerst wird der Schlüssel des Kunden vernichtet; alles oben Genannte geschieht im Hintergrund.
requests-erase-reason = Begründung (wird protokolliert)
requests-erase-submit = Kunden löschen

## Legal holds
requests-hold-title = Aufbewahrungspflicht (rechtliche Sperre)
requests-hold-active = Rechtliche Sperre seit { $date } ({ $by }): { $reason }. Solange sie besteht, darf nichts von diesem Kunden gelöscht werden oder ablaufen.
requests-hold-active-until = Rechtliche Sperre seit { $date } ({ $by }): { $reason } — bis { $until }. Solange sie besteht, darf nichts von diesem Kunden gelöscht werden oder ablaufen.
requests-hold-lift = Sperre aufheben
requests-hold-admin-only = Nur ein Admin kann sie aufheben.
requests-hold-intro = Eine Sperre verhindert die Löschung dieses Kunden und das Löschen seiner Daten nach Ablauf der Aufbewahrungsfristen, z. B. während eines Gerichtsverfahrens.
requests-hold-reason = Begründung
requests-hold-until = Bis (optional)
requests-hold-place = Rechtliche Sperre setzen

## The outbox
requests-outbox-title = Postausgang
requests-outbox-intro = E-Mails, die das Portal gesendet hat oder gleich senden wird. Ist kein SMTP-Server eingerichtet, bleiben die E-Mails hier.
requests-outbox-empty = Noch keine E-Mails.
requests-outbox-to = An { $to }

## The admin's export of every module
requests-export-title = Export
requests-export-all-title = Alle Daten des Dienstes exportieren
# "[withheld]" is what the files really contain: keep it as is.
requests-export-all-intro = Eine ZIP-Datei mit je einer CSV- und einer JSON-Lines-Datei pro Modul: Kontakte, Agenten, Tickets, Nachrichten, Teams, benutzerdefinierte Felder, Datenschutzanfragen und das Prüfprotokoll. Felder, die Ihre Berechtigungen verbergen, lauten [withheld]. Die Erstellung läuft im Hintergrund; geben Sie Ihr Passwort erneut ein.
requests-export-all-submit = Export vorbereiten

## Privacy settings (admins)
requests-settings-title = Datenschutzeinstellungen
requests-settings-saved = Gespeichert.
requests-settings-tickets-legend = Tickets gelöschter Kunden
requests-settings-tickets-anonymise = Anonymisiert für Auswertungen behalten (Status und Daten; Inhalt unlesbar)
requests-settings-tickets-delete = Löschen
