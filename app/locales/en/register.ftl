# The register of privacy requests (staff who review requests), its CSV and
# the register entry on each request page.
register-title = Register of privacy requests
register-intro = Every request customers made, how it was answered and how fast — what a regulator asks to see first. Nothing personal beyond the request id and a pseudonymous subject reference.
register-download-csv = Download the register (CSV)
register-link = Register
register-received = Received
register-completed = Completed
register-rejected = Rejected
register-withdrawn = Withdrawn
register-overdue = Overdue
register-open = Open
register-answered-late = Answered late
register-median = Median time to complete
register-p90 = 90th percentile
register-days = { $days } days
register-no-data = —
register-minutes = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
register-hours = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
register-by-month = By month
register-by-kind = By kind
register-month = Month
register-kind = Kind
register-chart-month-desc = Requests received and answered each month over the last twelve months. The table below has the same figures.
register-chart-kind-desc = Requests by kind and how they ended. The table below has the same figures.
register-legend-received = received
register-legend-answered = answered
register-entries = Requests
register-entries-shown = { $shown } newest of { $total }; the CSV has every one.
register-col-request = Request
register-col-subject = Subject reference
register-col-kind = Kind
register-col-received = Received
register-col-due = Due
register-col-extended-months = Extended (months)
register-col-extension-reason = Why extended
register-col-extension-told = Customer told of extension
register-col-decided = Decided
register-col-decided-by = Decided by (role)
register-col-responded = Answered
register-col-outcome = Outcome
register-col-disclosed = Disclosed
register-col-withheld = Withheld or kept, and why
register-col-stores = Stores searched
register-entry-title = In the register
register-entry-none = This request is not in the register yet.
register-extended-by = { $reason } (customer told { $when })
register-not-extended = Not extended
register-disclosed-nothing = Nothing (the request does not ask for data)
register-disclosed-access = Profile and contact fields, tickets with their public messages, privacy requests with their history, the activity recorded about the data
register-withheld-nothing = Nothing
register-withheld-rejected = Refused: { $reason }
register-withheld-erasure-kept = Kept, pseudonymised: the audit records (accountability); tickets kept anonymised or deleted as set by the help desk
register-withheld-access = Internal notes (the help desk's own working notes, not the customer's data); other people's personal data
register-stores-access = Accounts and profile, custom fields, tickets and messages, privacy requests, audit log
register-stores-rectification = Accounts and profile
register-stores-erasure = Accounts and profile, custom fields, tickets and messages, export archives, outgoing mail, sessions, search index, audit log, key store
register-reason-on-request = A reason was given to the customer: it is on the request page (it may hold personal data, so it stays out of the register).
