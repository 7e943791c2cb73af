# The admin's audit log: rows read as labelled values, people and entities
# by name, with links.

## A change on a row: its label, then the value
auditview-field = { $label }:
# A value inside a recorded record, e.g. "Tickets: 3".
auditview-labelled = { $label }: { $value }
auditview-yes = Yes
auditview-no = No

## Tooltips of a person's name, which shows only their events
auditview-only-by = Show only what { $who } did
auditview-only-about = Show only events about the data of { $who }

## Labels of what only the help desk records (settings, keys, fields)
# A field permission changed, e.g. "Agent access to Phone".
auditview-field-access = { $role } access to { $field }
auditview-field-current-key = Current key
auditview-field-data-keys-rewrapped = Data keys re-wrapped
auditview-field-old-keys-removed = Old keys removed
auditview-field-created = Created
auditview-field-encrypted = Encrypted
auditview-field-moved = Moved
auditview-field-label = Label
auditview-field-help-text = Help text
auditview-field-options = Choices
auditview-field-required = Required
auditview-field-archived = Archived
auditview-field-erased-tickets = Tickets of erased customers
auditview-field-staff-two-factor = Two-factor sign-in required for staff
auditview-moved-up = Up
auditview-moved-down = Down
