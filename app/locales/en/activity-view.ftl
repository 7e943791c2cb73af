# "Activity on my data": who did it, and each recorded change in words
# (the audit log stores field keys such as ticket_id and due_at).

## Who: on its own (the export's "who" column), and as a phrase after the action
activityview-help-desk = The help desk
activityview-mailed-link = Someone with a link we mailed to you
activityview-by-you = by you
activityview-by-staff = by { $name } ({ $role })
activityview-by-help-desk = by the help desk
activityview-by-not-signed-in = by someone who was not signed in
activityview-by-mailed-link = by someone with a link we mailed to you
activityview-by-someone-else = by someone else

## Actions read differently by the person they are about
activityview-account-created = Account created for you

## Labels of recorded changes
activityview-field-ticket = Ticket
activityview-field-due = Due
activityview-field-status = Status
activityview-field-reason = Reason
activityview-field-request = Request
activityview-field-new-email = New email address
activityview-field-role = Role
activityview-field-passkey-name = Passkey name
activityview-field-ip-address = IP address
activityview-field-network = Network
activityview-field-until = Until
activityview-field-to = To
activityview-field-other-devices-signed-out = Other devices signed out
activityview-field-devices-signed-out = Devices signed out
activityview-field-second-factor = Second factor
activityview-field-scope = Scope
activityview-field-pseudonym = Pseudonym
activityview-field-tickets = Tickets
activityview-field-deleted = Deleted
activityview-field-result = Result
activityview-field-findings = Findings
activityview-field-final-check = Final check

## Values recorded as codes or in the log's own words
activityview-second-factor-app = Authenticator app
activityview-second-factor-passkey = Passkey
activityview-second-factor-recovery-code = Recovery code
activityview-second-factor-wrong-code = Wrong code
activityview-second-factor-passkey-refused = Passkey not accepted
activityview-second-factor-passkey-alone = Passkey (no password)
activityview-result-passed = Passed
activityview-result-needs-attention = Needs attention
activityview-final-check-again = Runs again
activityview-reason-never-confirmed = The address was never confirmed
activityview-reason-address-taken = Another account confirmed the address
activityview-scope-command-line = Every module (command line)
activityview-yes = Yes
activityview-no = No
activityview-done = Done

## Counts an erasure step records ("Tickets: 1, Messages: 3")
activityview-count = { $label }: { $value }
activityview-count-destroyed = Key destroyed
activityview-count-tickets-policy = Tickets
activityview-count-tickets = Tickets
activityview-count-tickets-deleted = Tickets deleted
activityview-count-messages = Messages
activityview-count-messages-deleted = Messages deleted
activityview-count-field-values = Field values
activityview-count-mails = Emails
activityview-count-sign-in-failures = Failed sign-ins
activityview-count-legal-holds = Legal holds
activityview-count-index-rows = Search index entries
activityview-count-sessions = Sessions
activityview-count-links = Links
activityview-count-sent = Sent
activityview-count-queued = Queued
activityview-count-notice-rows = Notice records removed
activityview-count-own-exports = Your exports
activityview-count-all-exports = Exports of every module
activityview-count-ok = Passed
