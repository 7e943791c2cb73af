# Staff pages of the privacy area: the request queue, one request, erasing a
# customer, legal holds, the outbox, the admin export and the privacy settings.

## The request queue
requests-queue-title = Privacy requests
requests-filter-kind = Kind
requests-filter-every-kind = Every kind
requests-filter-status = Status
requests-filter-every-open = Every open request
requests-filter-closed = Closed (done, rejected, withdrawn)
requests-filter-all = All
requests-filter-submit = Filter
requests-counts-label = Open requests
# After a number in bold: "3 open".
requests-count-open = { $count ->
    [one] open
   *[other] open
}
requests-count-overdue = { $count ->
    [one] overdue
   *[other] overdue
}
requests-count-due-soon = { $count ->
    [one] due within 7 days
   *[other] due within 7 days
}
requests-count-on-hold = { $count ->
    [one] on hold
   *[other] on hold
}
requests-count-needs-attention = { $count ->
    [one] needs attention
   *[other] need attention
}
requests-none-match = No requests match.
requests-column-request = Request
requests-column-customer = Customer
requests-column-status = Status
requests-column-due = Due

## One request
# After the customer's email: "ann@example.org · received 30 Nov 2026, 14:05".
requests-received = received { $date }
requests-check-passed = Final check passed: nothing readable of this customer is left.
requests-check-failed = Final check failed: this erasure needs attention.
requests-check-warnings = Worth a look:
requests-check-checked = Checked { $date }
# The erasure steps that ran, joined by commas.
requests-check-steps = steps done: { $steps }
requests-recheck = Run the check again
requests-fully-extended = The deadline was already extended by the two months the law allows.
requests-on-hold-note = Approval is blocked while the legal hold lasts; the request can still be rejected.
requests-extend-title = Extend the deadline
requests-extend-intro = By up to two further months in all, when the request is complex or there are many. The customer sees the reason and gets it by mail.
requests-extend-by = Extend by
requests-extend-months = { $months ->
    [one] { $months } month
   *[other] { $months } months
}
requests-extend-reason = Reason (the customer sees it)
requests-extend-submit = Extend
requests-decision-title = Decision
requests-decision-reason-erasure = Reason (the customer sees it; required)
requests-decision-reason = Reason (the customer sees it; required to reject)
requests-approve-erase = Approve and erase
requests-approve-apply = Approve and apply
requests-reject = Reject

## What an erasure does (the preview)
requests-preview-title-erased = Erasure of { $email }
requests-preview-title = What erasing { $email } will do
# The pseudonym is shown in bold.
requests-preview-pseudonym = Kept records will name them { $pseudonym }.
requests-preview-column-data = Data
requests-preview-column-records = Records
requests-preview-column-outcome = What happens
requests-preview-mentions-title = Mentions in other customers' tickets
requests-preview-mentions-none-erased = None left to show: once the erasure is complete, nothing remains to search for.
requests-preview-mentions-none = None found: no other conversation contains their email, phone or name.
requests-preview-mentions-intro = These messages of other customers name them. Redact them on the ticket before approving; the final check fails while an email or phone is still readable.
# Before the link "Open the ticket" when the ticket's subject names them.
requests-preview-in-subject = in the subject line
requests-preview-open-ticket = Open the ticket

## Erasing a customer directly
requests-erase-title = Erase a customer
requests-erase-erased-notice = This customer has been erased (or the erasure is under way). Kept records name them by the pseudonym below.
requests-erase-started = The erasure has started. It runs in the background; the audit log records each step.
requests-erase-card-title = Erase this customer
requests-erase-warning = This cannot be undone. Their key is destroyed first; everything above happens in the background.
requests-erase-reason = Reason (recorded)
requests-erase-submit = Erase the customer

## Legal holds
requests-hold-title = Legal hold
requests-hold-active = On legal hold since { $date } ({ $by }): { $reason }. Nothing of this customer may be erased or expire while it lasts.
requests-hold-active-until = On legal hold since { $date } ({ $by }): { $reason } — until { $until }. Nothing of this customer may be erased or expire while it lasts.
requests-hold-lift = Lift the hold
requests-hold-admin-only = Only an admin can lift it.
requests-hold-intro = A hold blocks erasure and retention deletion of this customer, e.g. during legal proceedings.
requests-hold-reason = Reason
requests-hold-until = Until (optional)
requests-hold-place = Place a legal hold

## The outbox
requests-outbox-title = Outbox
requests-outbox-intro = Mail the portal sent or is about to send. Without an SMTP server configured, mail stays here.
requests-outbox-empty = No mail yet.
requests-outbox-to = To { $to }

## The admin's export of every module
requests-export-title = Export
requests-export-all-title = Export all service data
# "[withheld]" is what the files really contain: keep it as is.
requests-export-all-intro = One ZIP with a CSV and a JSON Lines file per module: contacts, agents, tickets, messages, teams, custom fields, privacy requests and the audit log. Fields your permissions hide read [withheld]. Built in the background; enter your password again.
requests-export-all-submit = Prepare the export

## Privacy settings (admins)
requests-settings-title = Privacy settings
requests-settings-saved = Saved.
requests-settings-tickets-legend = Tickets of erased customers
requests-settings-tickets-anonymise = Keep them anonymised for reporting (status and dates; content unreadable)
requests-settings-tickets-delete = Delete them
