# Admin pages: Team (admin-), audit log (audit-), keys (keys-), custom fields and permissions (settings-).

## Team and accounts
admin-title = Équipe et comptes
admin-add-title = Ajouter une personne
admin-add-intro = Les agents répondent aux tickets ; les administrateurs gèrent aussi les comptes. Le mot de passe initial ne sert qu'une fois : à sa première connexion, la personne choisit le sien, que personne d'autre ne voit jamais.
admin-created = Compte de { $name } ({ $role }) créé.
admin-name = Nom
admin-email = E-mail
admin-initial-password = Mot de passe initial
admin-role = Rôle
admin-two-factor-title = Connexion à deux facteurs pour l'équipe
admin-two-factor-required = Obligatoire : les agents et les administrateurs configurent une application d'authentification à leur prochaine connexion, avant de pouvoir faire quoi que ce soit d'autre.
admin-two-factor-optional = Facultative : les agents et les administrateurs peuvent l'activer pour eux-mêmes.
admin-two-factor-stop = Ne plus l'exiger
admin-two-factor-require = L'exiger pour l'équipe
admin-reset-sent = Lien de réinitialisation envoyé. Il est valable 30 minutes.
admin-role-saved = Rôle enregistré.
admin-loading-accounts = Chargement des comptes…
admin-status = Statut
admin-created-at = Créé le
admin-actions = Actions
admin-status-erased = Effacé
admin-status-disabled = Désactivé
admin-status-not-signed-in = Pas encore connecté
admin-status-active = Actif
admin-erase = Effacer…
admin-disable = Désactiver
admin-enable = Activer
admin-send-reset = Envoyer un lien de réinitialisation

## Audit log
audit-title = Journal d'audit
audit-verifying = Vérification de la chaîne…
# Followed by the head event's hash.
audit-chain-ok = { $checked ->
    [one] Chaîne vérifiée : { $checked } événement intact. Dernier événement : { $head }, empreinte
   *[other] Chaîne vérifiée : { $checked } événements intacts. Dernier événement : { $head }, empreinte
}
audit-chain-broken = La chaîne d'audit est rompue à l'événement { $seq } : { $problem }
audit-filter-actor = E-mail de l'auteur
audit-filter-subject = E-mail de la personne concernée
audit-filter-action = Action
audit-filter-any = Indifférent
audit-filter-entity = Objet
audit-filter-from = Du
audit-filter-to = Au
audit-filter-submit = Filtrer
audit-loading = Chargement des événements…
audit-empty = Aucun événement ne correspond.
audit-count = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
# More than the count: the total was not counted to the end.
audit-count-more = { $count }+ événements
audit-col-seq = N°
audit-col-when = Quand
audit-col-who = Qui
audit-col-what = Quoi
audit-col-subject = Données de qui
audit-col-changes = Modifications
# What an event is about (its entity type).
audit-entity-user = compte
audit-entity-session = session
audit-entity-ticket = ticket
audit-entity-message = message
audit-entity-custom-field = champ personnalisé
audit-entity-field-permission = permission de champ
audit-entity-data-export = export de données
audit-entity-erasure-job = tâche d'effacement
audit-entity-legal-hold = conservation légale
audit-entity-mail = e-mail
audit-entity-master-key = clé maîtresse
audit-entity-passkey = clé d'accès
audit-entity-privacy-request = demande RGPD
audit-entity-setting = paramètre

## Encryption keys
keys-title = Clés de chiffrement
keys-intro = Les données personnelles de chaque client sont chiffrées avec sa propre clé de données ; les clés de données sont stockées enveloppées par une clé maîtresse.
# $command is shown as code.
keys-rotate = Pour renouveler la clé maîtresse, utilisez { $command }.
keys-current = Clé maîtresse actuelle :
keys-col-key = Clé maîtresse
keys-col-wrapped = Clés de données enveloppées
keys-col-state = État
keys-state-current = Actuelle
keys-state-old = Ancienne — renouvellement en attente
keys-state-missing = Absente de la configuration

## Custom fields
settings-fields-title = Champs personnalisés
settings-fields-intro = Les champs que vous ajoutez apparaissent sur le profil des clients (contacts) ou sur le formulaire de nouveau ticket et la page du ticket côté agent (tickets), selon les permissions de champ de chaque rôle. Archiver un champ le masque mais conserve toutes les valeurs enregistrées.
settings-field-edit-title = Modifier le champ
settings-field-add-title = Ajouter un champ
settings-field-saved = « { $label } » enregistré.
settings-field-scope = S'applique à
settings-scope-contact = Contacts (profil client)
settings-scope-ticket = Tickets
settings-field-label = Libellé
settings-field-help = Texte d'aide
settings-field-type = Type
settings-field-options = Choix (un par ligne, pour les champs à choix)
settings-field-required = Obligatoire
settings-field-encrypt = Chiffrer ce champ
settings-field-encrypt-help = Les valeurs chiffrées sont stockées avec AES-256-GCM sous la clé propre à chaque client et sont effacées avec elle. Un champ chiffré ne permet ni tri ni filtrage. Le type, la portée et le chiffrement ne peuvent plus changer après la création.
settings-field-save = Enregistrer les modifications
settings-field-add = Ajouter le champ
settings-contact-fields = Champs de contact
settings-ticket-fields = Champs de ticket
settings-fields-empty = Aucun champ pour l'instant.
settings-col-protection = Protection
settings-col-state = État
settings-col-actions = Actions
settings-yes = Oui
settings-no = Non
settings-protection-encrypted = Chiffré — ni tri ni filtrage
settings-protection-plain = En clair — tri et filtrage possibles
settings-state-archived = Archivé
settings-state-active = Actif
settings-move-up = Monter { $label }
settings-move-down = Descendre { $label }
settings-edit-named = Modifier { $label }
settings-restore-named = Restaurer { $label }
settings-archive-named = Archiver { $label }
settings-edit = Modifier
settings-restore = Restaurer
settings-archive = Archiver

## Field permissions
settings-permissions-title = Permissions des champs
settings-permissions-intro = Pour chaque champ et chaque rôle : masqué (jamais envoyé à ce rôle), lecture ou modification. Le serveur l'impose, pas seulement la page. L'adresse e-mail n'est jamais modifiable ici ; l'équipe ne modifie jamais les champs de contact des clients.
settings-permission-saved = Permission enregistrée.
settings-col-field = Champ
settings-ticket-field = champ de ticket
settings-access-label = Accès de { $role } à { $field }
