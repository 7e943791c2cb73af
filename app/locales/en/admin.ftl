# Admin pages: Team (admin-), audit log (audit-), keys (keys-), custom fields and permissions (settings-).

## Team and accounts
admin-title = Team and accounts
admin-add-title = Add a person
admin-add-intro = Agents answer tickets; admins also manage accounts. The initial password works once: at their first sign-in they choose their own, which nobody else ever sees.
admin-created = Created { $name } ({ $role }).
admin-name = Name
admin-email = Email
admin-initial-password = Initial password
admin-role = Role
admin-two-factor-title = Two-factor sign-in for staff
admin-two-factor-required = Required: agents and admins set up an authenticator app at their next sign-in before they can do anything else.
admin-two-factor-optional = Not required: agents and admins may turn it on for themselves.
admin-two-factor-stop = Stop requiring it
admin-two-factor-require = Require it for staff
admin-reset-sent = Reset link sent. It works for 30 minutes.
admin-role-saved = Role saved.
admin-loading-accounts = Loading accounts…
admin-status = Status
admin-created-at = Created
admin-actions = Actions
admin-status-erased = Erased
admin-status-disabled = Disabled
admin-status-not-signed-in = Not signed in yet
admin-status-active = Active
admin-erase = Erase…
admin-disable = Disable
admin-enable = Enable
admin-send-reset = Send reset link

## Audit log
audit-title = Audit log
audit-verifying = Verifying the chain…
# Followed by the head event's hash.
audit-chain-ok = { $checked ->
    [one] Chain verified: { $checked } event intact. Head: event { $head }, hash
   *[other] Chain verified: { $checked } events intact. Head: event { $head }, hash
}
audit-chain-broken = The audit chain is broken at event { $seq }: { $problem }
audit-filter-actor = Actor email
audit-filter-subject = Subject email
audit-filter-action = Action
audit-filter-any = Any
audit-filter-entity = Entity
audit-filter-from = From
audit-filter-to = To
audit-filter-submit = Filter
audit-loading = Loading events…
audit-empty = No events match.
audit-count = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
# More than the count: the total was not counted to the end.
audit-count-more = { $count }+ events
audit-col-seq = #
audit-col-when = When
audit-col-who = Who
audit-col-what = What
audit-col-subject = Whose data
audit-col-changes = Changes
# What an event is about (its entity type).
audit-entity-user = user
audit-entity-session = session
audit-entity-ticket = ticket
audit-entity-message = message
audit-entity-custom-field = custom field
audit-entity-field-permission = field permission
audit-entity-data-export = data export
audit-entity-erasure-job = erasure job
audit-entity-legal-hold = legal hold
audit-entity-mail = email
audit-entity-master-key = master key
audit-entity-passkey = passkey
audit-entity-privacy-request = privacy request
audit-entity-setting = setting

## Encryption keys
keys-title = Encryption keys
keys-intro = Each customer's personal data is encrypted with their own data key; data keys are stored wrapped by a master key.
# $command is shown as code.
keys-rotate = Rotate the master key with { $command }.
keys-current = Current master key:
keys-col-key = Master key
keys-col-wrapped = Data keys wrapped
keys-col-state = State
keys-state-current = Current
keys-state-old = Old — rotation pending
keys-state-missing = Missing from configuration

## Custom fields
settings-fields-title = Custom fields
settings-fields-intro = Fields you add appear on customers' profiles (contacts) or on the new-ticket form and the agent's ticket page (tickets), as each role's field permissions allow. Archiving hides a field but keeps every stored value.
settings-field-edit-title = Edit field
settings-field-add-title = Add a field
settings-field-saved = Saved “{ $label }”.
settings-field-scope = Applies to
settings-scope-contact = Contacts (customer profile)
settings-scope-ticket = Tickets
settings-field-label = Label
settings-field-help = Help text
settings-field-type = Type
settings-field-options = Choices (one per line, for choice fields)
settings-field-required = Required
settings-field-encrypt = Encrypt this field
settings-field-encrypt-help = Encrypted values are stored with AES-256-GCM under each customer's own key and are erased with them. An encrypted field cannot be used for sorting or filtering. Type, scope and encryption cannot change after creation.
settings-field-save = Save changes
settings-field-add = Add field
settings-contact-fields = Contact fields
settings-ticket-fields = Ticket fields
settings-fields-empty = No fields yet.
settings-col-protection = Protection
settings-col-state = State
settings-col-actions = Actions
settings-yes = Yes
settings-no = No
settings-protection-encrypted = Encrypted — not sortable or filterable
settings-protection-plain = Plain — sortable and filterable
settings-state-archived = Archived
settings-state-active = Active
settings-move-up = Move { $label } up
settings-move-down = Move { $label } down
settings-edit-named = Edit { $label }
settings-restore-named = Restore { $label }
settings-archive-named = Archive { $label }
settings-edit = Edit
settings-restore = Restore
settings-archive = Archive

## Field permissions
settings-permissions-title = Field permissions
settings-permissions-intro = For every field and role: hidden (never sent to that role), read, or edit. The server enforces this, not just the page. The email address is never editable here; staff never edit customers' contact fields.
settings-permission-saved = Permission saved.
settings-col-field = Field
settings-ticket-field = ticket field
settings-access-label = { $role } access to { $field }
