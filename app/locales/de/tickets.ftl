# The ticket list, opening a ticket, and one ticket's page.

tickets-list-title = Tickets
tickets-status = Status
tickets-status-all = Alle
tickets-filter = Filtern
tickets-loading = Tickets werden geladen …
tickets-empty = Hier gibt es noch keine Tickets.
tickets-column-subject = Betreff
tickets-customer = Kunde
tickets-column-opened = Eröffnet
tickets-column-updated = Letzte Änderung
# After the page count; $more is "+" when the count stopped at its cap.
tickets-total = { $count ->
    [one] { $count }{ $more } Ticket
   *[other] { $count }{ $more } Tickets
}

tickets-new-title = Ticket eröffnen
tickets-new-intro = Schildern Sie uns, was passiert ist. Wir antworten in der Regel innerhalb eines Werktags.
tickets-subject = Betreff
tickets-message = Nachricht
tickets-send = Senden

tickets-loading-one = Ticket wird geladen …
tickets-opened-by = Eröffnet am { $time } von { $name }
tickets-support-team = Support-Team
tickets-internal-note = Interne Notiz
tickets-redacted-note = Von unserem Team geschwärzt.
tickets-update-status = Status ändern
tickets-closed-note = Dieses Ticket ist geschlossen. Bitte eröffnen Sie ein neues Ticket, wenn Sie weitere Hilfe benötigen.
tickets-reply-or-note = Antworten oder Notiz hinzufügen
tickets-reply = Antworten
tickets-your-message = Ihre Nachricht
tickets-internal-checkbox = Interne Notiz (wird dem Kunden nie angezeigt)
tickets-add-internal-note = Interne Notiz hinzufügen
tickets-send-reply = Antwort senden
tickets-details = Ticketdetails
tickets-save-details = Details speichern
tickets-redact = Schwärzen
# “[Redacted]” is the text the portal writes; keep it as it is.
tickets-redact-text = Neuer Text (leer: „[Redacted]“)
tickets-redact-reason = Grund (wird im Prüfprotokoll vermerkt)
tickets-redact-submit = Diese Nachricht schwärzen
tickets-delete = Löschen
tickets-deleting = Das Ticket wird gelöscht; das Prüfprotokoll vermerkt die Löschung.
tickets-delete-reason = Grund für die Löschung dieses Tickets
tickets-delete-submit = Dieses Ticket löschen
tickets-erase-customer = Diesen Kunden und alle seine Daten löschen …
