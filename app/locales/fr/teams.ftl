# Rôles, équipes, attribution et recherche dans la file.

## Erreurs du serveur
teams-name-required = Saisissez un nom.
teams-name-too-long = Un nom compte au plus { $max } caractères.
teams-unknown-permission = Permission inconnue « { $name } ».
teams-choose-sharing = Choisissez les tickets que le rôle voit.
teams-role-name-taken = Un rôle porte déjà ce nom.
teams-role-in-use = { $count ->
    [one] Une personne a ce rôle : donnez-lui d'abord un autre rôle.
   *[other] { $count } personnes ont ce rôle : donnez-leur d'abord un autre rôle.
}
teams-staff-role-only = Choisissez agent, administrateur ou un rôle personnalisé.
teams-team-name-taken = Une équipe porte déjà ce nom.
teams-default-team-kept = Les nouveaux tickets vont à cette équipe : choisissez d'abord une autre équipe par défaut.
teams-team-has-tickets = { $count ->
    [one] Un ticket appartient à cette équipe : déplacez-le d'abord vers une autre équipe.
   *[other] { $count } tickets appartiennent à cette équipe : déplacez-les d'abord vers une autre équipe.
}
teams-choose-team = Choisissez une équipe.
teams-assignee-not-in-team = Choisissez un agent membre de l'équipe.
tickets-search-too-long = Une recherche compte au plus { $max } caractères.
tickets-search-too-short = Cherchez un mot de deux lettres ou plus, une adresse ou un numéro de ticket.
tickets-view-not-yours = Votre rôle n'ouvre pas cette vue de la file.
tickets-bad-cursor = Ce lien de page est cassé : recommencez à la première page.
tickets-choose-sort = Choisissez « dernière mise à jour » ou « plus récents ».

## La liste des tickets
tickets-views-label = Vues de la file
tickets-search = Recherche
tickets-search-placeholder = Des mots, une adresse ou #1A2B3C4D
tickets-team = Équipe
tickets-team-all = Toutes les équipes
tickets-sort = Ordre
tickets-assignee = Agent
tickets-nobody = Personne
tickets-no-match = Aucun ticket ne correspond à cette recherche.
tickets-first-page = Première page

## Page des rôles
roles-title = Rôles
roles-intro = Un rôle dit ce qu'un membre de l'équipe peut faire et quels tickets il voit. Agent et administrateur sont intégrés ; les administrateurs gardent toutes les permissions, pour que quelqu'un puisse toujours gérer le portail.
roles-name = Nom
roles-sees = Voit
roles-may = Peut
roles-people = Personnes
roles-built-in = Intégré
roles-edit = Modifier
roles-delete = Supprimer
roles-new-title = Nouveau rôle
roles-edit-title = Modifier le rôle
roles-saved = Rôle enregistré.
roles-save = Enregistrer le rôle
roles-cancel = Annuler

## Page des équipes
teams-title = Équipes
teams-intro = Chaque ticket appartient à une équipe ; les nouveaux tickets vont à l'équipe par défaut. Les rôles qui voient « les tickets de leurs équipes » voient les tickets des équipes dont leurs membres font partie.
teams-new-name = Nouvelle équipe
teams-create = Créer l'équipe
teams-default-badge = Par défaut
teams-ticket-count = { $count ->
    [one] Un ticket
   *[other] { $count } tickets
}
teams-remove = Retirer
teams-remove-label = Retirer { $name } de { $team }
teams-no-members = Personne n'est encore dans cette équipe.
teams-add-label = Ajouter quelqu'un à { $team }
teams-choose-member = Choisir un membre de l'équipe
teams-add = Ajouter
teams-rename-label = Nouveau nom pour { $team }
teams-rename = Renommer
teams-make-default = Définir par défaut
teams-delete = Supprimer l'équipe

## L'attribution d'un ticket
tickets-no-team = Aucune équipe
tickets-assign = Attribuer
tickets-assignment = Attribution
tickets-assigned-to = Équipe : { $team } · Agent : { $agent }
tickets-assigned = Attribution enregistrée.
admin-role-of = Rôle de { $name }
requests-preview-mentions-elsewhere = { $count ->
    [one] Une autre mention se trouve dans un ticket que votre rôle ne voit pas ; un collègue qui le voit doit l'examiner.
   *[other] { $count } autres mentions se trouvent dans des tickets que votre rôle ne voit pas ; un collègue qui les voit doit les examiner.
}

## Les mots du journal d'audit pour les rôles et les équipes
auditview-deleted-role = Un rôle supprimé
auditview-field-permissions = Permissions
auditview-field-sharing = Voit
auditview-field-member-added = Membre ajouté
auditview-field-member-removed = Membre retiré

## Limits of managing users
teams-only-admins-make-admins = Seul un administrateur peut donner ou retirer le rôle d'administrateur, ou modifier le compte d'un administrateur.
teams-not-own-role = Vous ne pouvez pas changer votre propre rôle : demandez à un autre administrateur.
teams-beyond-own-grant = Un rôle que vous créez ou attribuez ne peut pas permettre plus que le vôtre.
teams-own-role-locked = Vous ne pouvez pas modifier le rôle que vous avez : demandez à un administrateur.
