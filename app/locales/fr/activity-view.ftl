# "Activity on my data": who did it, and each recorded change in words
# (the audit log stores field keys such as ticket_id and due_at).

## Who: on its own (the export's "who" column), and as a phrase after the action
activityview-help-desk = Le service client
activityview-mailed-link = Une personne munie d’un lien que nous vous avons envoyé
activityview-by-you = par vous
activityview-by-staff = par { $name } ({ $role })
activityview-by-help-desk = par le service client
activityview-by-not-signed-in = par une personne non connectée
activityview-by-mailed-link = par une personne munie d’un lien que nous vous avons envoyé
activityview-by-someone-else = par quelqu’un d’autre

## Actions read differently by the person they are about
activityview-account-created = Compte créé pour vous

## Labels of recorded changes
activityview-field-ticket = Ticket
activityview-field-due = Échéance
activityview-field-status = Statut
activityview-field-reason = Motif
activityview-field-request = Demande
activityview-field-new-email = Nouvelle adresse e-mail
activityview-field-role = Rôle
activityview-field-passkey-name = Nom de la clé d’accès
activityview-field-ip-address = Adresse IP
activityview-field-network = Réseau
activityview-field-until = Jusqu’au
activityview-field-to = Destinataire
activityview-field-other-devices-signed-out = Autres appareils déconnectés
activityview-field-devices-signed-out = Appareils déconnectés
activityview-field-second-factor = Second facteur
activityview-field-scope = Portée
activityview-field-pseudonym = Pseudonyme
activityview-field-tickets = Tickets
activityview-field-deleted = Supprimé
activityview-field-result = Résultat
activityview-field-findings = Constats
activityview-field-final-check = Vérification finale

## Values recorded as codes or in the log's own words
activityview-second-factor-app = Application d’authentification
activityview-second-factor-passkey = Clé d’accès
activityview-second-factor-recovery-code = Code de récupération
activityview-second-factor-wrong-code = Code erroné
activityview-second-factor-passkey-refused = Clé d’accès refusée
activityview-second-factor-passkey-alone = Clé d’accès (sans mot de passe)
activityview-result-passed = Réussie
activityview-result-needs-attention = À examiner
activityview-final-check-again = Relancée
activityview-reason-never-confirmed = L’adresse n’a jamais été confirmée
activityview-reason-address-taken = Un autre compte a confirmé l’adresse
activityview-scope-command-line = Tous les modules (ligne de commande)
activityview-yes = Oui
activityview-no = Non
activityview-done = Terminé

## Counts an erasure step records ("Tickets: 1, Messages: 3")
activityview-count = { $label } : { $value }
activityview-count-destroyed = Clé détruite
activityview-count-tickets-policy = Tickets
activityview-count-tickets = Tickets
activityview-count-tickets-deleted = Tickets supprimés
activityview-count-messages = Messages
activityview-count-messages-deleted = Messages supprimés
activityview-count-field-values = Valeurs de champs
activityview-count-mails = E-mails
activityview-count-sign-in-failures = Connexions échouées
activityview-count-legal-holds = Conservations légales
activityview-count-index-rows = Entrées de l’index de recherche
activityview-count-sessions = Sessions
activityview-count-links = Liens
activityview-count-sent = Envoyé
activityview-count-queued = En file d’attente
activityview-count-notice-rows = Enregistrements d’avis supprimés
activityview-count-own-exports = Vos exports
activityview-count-all-exports = Exports de tous les modules
activityview-count-ok = Réussie
