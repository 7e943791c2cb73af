# The ticket list, opening a ticket, and one ticket's page.

tickets-list-title = Tickets
tickets-status = Status
tickets-status-all = All
tickets-filter = Filter
tickets-loading = Loading tickets…
tickets-empty = No tickets here yet.
tickets-column-subject = Subject
tickets-customer = Customer
tickets-column-opened = Opened
tickets-column-updated = Last update
# After the page count; $more is "+" when the count stopped at its cap.
tickets-total = { $count ->
    [one] { $count }{ $more } ticket
   *[other] { $count }{ $more } tickets
}

tickets-new-title = Open a ticket
tickets-new-intro = Tell us what happened. We usually answer within one working day.
tickets-subject = Subject
tickets-message = Message
tickets-send = Send

tickets-loading-one = Loading ticket…
tickets-opened-by = Opened { $time } by { $name }
tickets-support-team = Support team
tickets-internal-note = Internal note
tickets-redacted-note = Redacted by our team.
tickets-update-status = Update status
tickets-closed-note = This ticket is closed. Open a new ticket if you need more help.
tickets-reply-or-note = Reply or add a note
tickets-reply = Reply
tickets-your-message = Your message
tickets-internal-checkbox = Internal note (never shown to the customer)
tickets-add-internal-note = Add internal note
tickets-send-reply = Send reply
tickets-details = Ticket details
tickets-save-details = Save details
tickets-redact = Redact
# “[Redacted]” is the text the portal writes; keep it as it is.
tickets-redact-text = New text (empty: “[Redacted]”)
tickets-redact-reason = Reason (recorded in the audit log)
tickets-redact-submit = Redact this message
tickets-delete = Delete
tickets-deleting = The ticket is being deleted; the audit log records it.
tickets-delete-reason = Reason for deleting this ticket
tickets-delete-submit = Delete this ticket
tickets-erase-customer = Erase this customer and all their data…
