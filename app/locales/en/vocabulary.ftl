# Labels of the app's closed sets, looked up as <Enum>-<stored name>.

# FieldType
FieldType-text = Text
FieldType-long_text = Long text
FieldType-number = Number
FieldType-date = Date
FieldType-single_choice = Single choice
FieldType-multiple_choice = Multiple choice
FieldType-checkbox = Checkbox

# FieldScope
FieldScope-contact = Contact
FieldScope-ticket = Ticket

# Access
Access-hidden = Hidden
Access-read = Read
Access-edit = Edit

# Role
Role-customer = Customer
Role-agent = Agent
Role-admin = Admin

# AuditAction
AuditAction-sign_up = Account created (sign-up)
AuditAction-sign_in = Signed in
AuditAction-sign_in_failed = Failed sign-in
AuditAction-sign_out = Signed out
AuditAction-user_created = Account created by an admin
AuditAction-ticket_created = Ticket opened
AuditAction-ticket_replied = Reply added
AuditAction-internal_note_added = Internal note added
AuditAction-ticket_status_changed = Ticket status changed
AuditAction-profile_changed = Profile changed
AuditAction-ticket_fields_changed = Ticket fields changed
AuditAction-custom_field_changed = Custom field changed
AuditAction-field_permission_changed = Field permission changed
AuditAction-privacy_request_submitted = Privacy request submitted
AuditAction-privacy_request_confirmed = Privacy request confirmed
AuditAction-privacy_request_decided = Privacy request decided
AuditAction-email_changed = Email address changed
AuditAction-mail_queued = Email sent to you
AuditAction-export_requested = Data export requested
AuditAction-export_downloaded = Data export downloaded
AuditAction-master_key_rotated = Master key rotated
AuditAction-privacy_request_extended = Privacy request deadline extended
AuditAction-privacy_request_withdrawn = Privacy request withdrawn
AuditAction-legal_hold_placed = Legal hold placed
AuditAction-legal_hold_lifted = Legal hold lifted
AuditAction-message_redacted = Message redacted
AuditAction-erasure_scheduled = Erasure scheduled
AuditAction-subject_erased = Customer erased
AuditAction-ticket_erased = Ticket deleted
AuditAction-erasure_verified = Erasure checked
AuditAction-setting_changed = Setting changed
AuditAction-erasure_step_done = Erasure step done
AuditAction-sign_in_throttled = Sign-in refused: too many attempts
AuditAction-reauth_failed = Wrong password when asked again
AuditAction-sign_in_refused = Sign-in refused: account disabled
AuditAction-password_changed = Password changed
AuditAction-password_reset_requested = Password reset link sent
AuditAction-password_reset = Password reset with a link
AuditAction-account_disabled = Account disabled
AuditAction-account_enabled = Account enabled
AuditAction-session_ended = Signed out a device
AuditAction-email_confirmed = Email address confirmed
AuditAction-unconfirmed_account_removed = Unconfirmed account removed
AuditAction-email_change_cancelled = Email change cancelled from the old address
AuditAction-two_factor_enabled = Two-factor sign-in turned on
AuditAction-two_factor_disabled = Two-factor sign-in turned off
AuditAction-passkey_added = Passkey added
AuditAction-register_exported = Register of privacy requests downloaded
AuditAction-passkey_removed = Passkey removed

# ExportKind
ExportKind-subject = Your data
ExportKind-all = Every module

# ExportStatus
ExportStatus-queued = Queued
ExportStatus-building = Being prepared
ExportStatus-ready = Ready
ExportStatus-failed = Failed
ExportStatus-expired = Expired

# MailStatus
MailStatus-outbox = In the outbox
MailStatus-queued = Queued
MailStatus-sending = Sending
MailStatus-sent = Sent
MailStatus-failed = Failed

# RequestKind
RequestKind-email_change = Email change
RequestKind-erasure = Erasure

# RequestStatus
RequestStatus-submitted = Waiting for confirmation
RequestStatus-in_review = In review
RequestStatus-on_hold = On hold
RequestStatus-approved = Approved
RequestStatus-rejected = Rejected
RequestStatus-executing = Being carried out
RequestStatus-completed = Completed
RequestStatus-needs_attention = Needs attention
RequestStatus-withdrawn = Withdrawn

# TicketsPolicy
TicketsPolicy-anonymise = Keep them anonymised
TicketsPolicy-delete = Delete them

# JobScope
JobScope-customer = A customer and their data
JobScope-ticket = One ticket

# JobStatus
JobStatus-queued = Queued
JobStatus-running = Running
JobStatus-completed = Completed
JobStatus-needs_attention = Needs attention

# ErasureStep
ErasureStep-destroy_key = destroy key
ErasureStep-delete_records = delete records
ErasureStep-end_sessions = end sessions
ErasureStep-notify = notify
ErasureStep-pseudonymise = pseudonymise
ErasureStep-delete_exports = delete exports
ErasureStep-audit = audit
ErasureStep-delete_ticket = delete ticket
ErasureStep-compact = compact
ErasureStep-verify = verify

# MentionKind
MentionKind-email = email
MentionKind-phone = phone
MentionKind-name = name

# TicketStatus
TicketStatus-open = Open
TicketStatus-pending = Pending
TicketStatus-solved = Solved
TicketStatus-closed = Closed

# RegisterKind
RegisterKind-access = Access (download)
RegisterKind-rectification = Rectification (email)
RegisterKind-erasure = Erasure

# RegisterOutcome
RegisterOutcome-open = Open
RegisterOutcome-overdue = Overdue
RegisterOutcome-completed = Completed
RegisterOutcome-rejected = Rejected
RegisterOutcome-withdrawn = Withdrawn
RegisterOutcome-failed = Failed
AuditAction-role_created = Role created
AuditAction-role_changed = Role changed
AuditAction-role_deleted = Role deleted
AuditAction-team_created = Team created
AuditAction-team_changed = Team changed
AuditAction-team_deleted = Team deleted
AuditAction-staff_role_changed = Staff member's role changed
AuditAction-ticket_assigned = Ticket assigned
AuditAction-erasure_reapplied = Erasure applied again after a restore
AuditAction-backup_taken = Backup taken
AuditAction-backups_expired = Old backups deleted
AuditAction-backup_restored = Backup restored
AuditAction-ticket_anonymised = Ticket anonymised (retention)
AuditAction-account_closed = Account closed (unused)
AuditAction-retention_cleanup = Retention cleanup
AuditAction-closure_notice_sent = Closure notice sent
Permission-view_tickets = View tickets
Permission-reply = Reply to customers
Permission-internal_notes = Read and add internal notes
Permission-change_status = Change ticket status
Permission-assign = Assign tickets
Permission-delete_tickets = Delete tickets
Permission-view_contact_details = View customers' contact details
Permission-review_requests = Review privacy requests
Permission-approve_erasure = Approve erasure
Permission-legal_holds = Lift legal holds
Permission-redact_messages = Redact messages
Permission-export_all_data = Export all data
Permission-view_audit_log = View the audit log
Permission-manage_fields = Manage custom fields and field permissions
Permission-manage_users = Manage users, roles and teams
Permission-manage_settings = Manage settings
Sharing-all = All tickets
Sharing-teams = Their teams' tickets
Sharing-assigned = Only tickets assigned to them
QueueView-mine = Mine
QueueView-teams = My teams
QueueView-unassigned = Unassigned
QueueView-all = All
TicketSort-updated = Last updated
TicketSort-created = Newest
