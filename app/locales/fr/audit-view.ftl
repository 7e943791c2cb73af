# The admin's audit log: rows read as labelled values, people and entities
# by name, with links.

## A change on a row: its label, then the value
auditview-field = { $label } :
# A value inside a recorded record, e.g. "Tickets: 3".
auditview-labelled = { $label } : { $value }
auditview-yes = Oui
auditview-no = Non

## Tooltips of a person's name, which shows only their events
auditview-only-by = N'afficher que les actions de { $who }
auditview-only-about = N'afficher que les événements concernant les données de { $who }

## Labels of what only the help desk records (settings, keys, fields)
# A field permission changed, e.g. "Agent access to Phone".
auditview-field-access = Accès { $role } à { $field }
auditview-field-current-key = Clé actuelle
auditview-field-data-keys-rewrapped = Clés de données ré-enveloppées
auditview-field-old-keys-removed = Anciennes clés supprimées
auditview-field-created = Créé
auditview-field-encrypted = Chiffré
auditview-field-moved = Déplacé
auditview-field-label = Libellé
auditview-field-help-text = Texte d'aide
auditview-field-options = Choix
auditview-field-required = Obligatoire
auditview-field-archived = Archivé
auditview-field-erased-tickets = Tickets des clients effacés
auditview-field-staff-two-factor = Connexion à deux facteurs exigée pour le personnel
auditview-moved-up = Vers le haut
auditview-moved-down = Vers le bas
