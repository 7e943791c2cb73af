# The admin's audit log: rows read as labelled values, people and entities
# by name, with links.

## A change on a row: its label, then the value
auditview-field = { $label }:
# A value inside a recorded record, e.g. "Tickets: 3".
auditview-labelled = { $label }: { $value }
auditview-yes = Ja
auditview-no = Nein

## Tooltips of a person's name, which shows only their events
auditview-only-by = Nur zeigen, was { $who } getan hat
auditview-only-about = Nur Ereignisse zu den Daten von { $who } zeigen

## Labels of what only the help desk records (settings, keys, fields)
# A field permission changed, e.g. "Agent access to Phone".
auditview-field-access = Zugriff für { $role } auf { $field }
auditview-field-current-key = Aktueller Schlüssel
auditview-field-data-keys-rewrapped = Neu umschlossene Datenschlüssel
auditview-field-old-keys-removed = Entfernte alte Schlüssel
auditview-field-created = Angelegt
auditview-field-encrypted = Verschlüsselt
auditview-field-moved = Verschoben
auditview-field-label = Bezeichnung
auditview-field-help-text = Hilfetext
auditview-field-options = Auswahlmöglichkeiten
auditview-field-required = Pflichtfeld
auditview-field-archived = Archiviert
auditview-field-erased-tickets = Tickets gelöschter Kunden
auditview-field-staff-two-factor = Zwei-Faktor-Anmeldung für Mitarbeitende erforderlich
auditview-moved-up = Nach oben
auditview-moved-down = Nach unten
