# Conservation : la politique, son nettoyage et ce que les clients en savent.

## Page des paramètres
retention-title = Conservation
retention-intro = Combien de temps le portail conserve quoi. Un nettoyage l’applique à son rythme ; les gels juridiques sont respectés (les clients gelés et leurs tickets sont ignorés).
retention-tickets-legend = Tickets résolus et fermés
retention-tickets-after = Retirer leur contenu ce nombre de mois après la dernière modification (0 les garde)
retention-tickets-anonymise = Anonymiser : l’objet et les messages partent, la fiche (statut, dates, équipe) reste
retention-tickets-delete = Supprimer le ticket
retention-accounts-legend = Comptes clients inutilisés
retention-inactive-after = Fermer les comptes sans connexion depuis ce nombre de mois (0 ne ferme jamais)
retention-notice-days = Écrire au client ce nombre de jours avant (se connecter garde le compte)
retention-purge-closed = Effacer les comptes fermés au nettoyage suivant
retention-exports-legend = Archives d’export de données
retention-export-hours = Heures pendant lesquelles une archive peut être téléchargée (vide : la valeur du serveur, { $hours })
retention-cycle-legend = Nettoyage
retention-cycle = Le nettoyage a lieu
retention-cycle-1 = chaque jour
retention-cycle-7 = chaque semaine
retention-cycle-30 = chaque mois
retention-cycle-91 = tous les trois mois
retention-cycle-182 = tous les six mois
retention-cycle-365 = chaque année
retention-backups-legend = Sauvegardes (custodian backup)
retention-backup-main-days = Jours de conservation d’une copie de la base principale
retention-backup-keys-days = Jours de conservation d’une copie du magasin de clés (90 au plus : ensuite aucune sauvegarde n’est lisible pour un client effacé)
retention-saved = Conservation enregistrée.

## Le prochain nettoyage
retention-preview-title = Le prochain nettoyage
retention-preview-date = Le prochain nettoyage a lieu le { $date }.
retention-preview-tickets-anonymise = { $count ->
    [one] Il anonymisera un ticket.
   *[other] Il anonymisera { $count } tickets.
}
retention-preview-tickets-delete = { $count ->
    [one] Il supprimera un ticket.
   *[other] Il supprimera { $count } tickets.
}
retention-preview-close = { $count ->
    [one] Il fermera un compte inutilisé (les avis partent le { $date }).
   *[other] Il fermera { $count } comptes inutilisés (les avis partent le { $date }).
}
retention-preview-close-later = { $count ->
    [one] Un autre compte inutilisé sera fermé un nettoyage plus tard : son avis ne peut partir à temps.
   *[other] { $count } autres comptes inutilisés seront fermés un nettoyage plus tard : leur avis ne peut partir à temps.
}
retention-preview-purge = { $count ->
    [one] Il effacera un compte fermé.
   *[other] Il effacera { $count } comptes fermés.
}
retention-preview-nothing = En l’état, il ne changera rien.
retention-preview-held = Ignorés en raison d’un gel juridique :
retention-preview-more = … et { $count } de plus.
retention-preview-tickets-heading = Tickets
retention-preview-close-heading = Comptes à fermer
retention-preview-purge-heading = Comptes à effacer
retention-last-run = Dernier nettoyage : { $date }.
retention-never-run = Aucun nettoyage n’a encore eu lieu.
retention-last-active = dernière activité { $date }

## Erreurs
retention-number-between = « { $field } » : saisissez un nombre entier de { $min } à { $max }.
retention-choose-cycle = Choisissez la fréquence du nettoyage.
retention-notice-shorter = L’avis doit partir avant que le compte puisse être fermé : choisissez moins de jours que de mois d’inactivité.

## Le courriel d’avis
retention-notice-mail-subject = Votre compte va être fermé
retention-notice-mail-body = { $count ->
    [one] Votre compte n’a pas été utilisé depuis le { $since }. Les comptes inutilisés depuis un mois sont fermés puis effacés, selon notre politique de conservation.
   *[other] Votre compte n’a pas été utilisé depuis le { $since }. Les comptes inutilisés depuis { $count } mois sont fermés puis effacés, selon notre politique de conservation.
}

    Il sera fermé le { $closing }. Pour le garder, connectez-vous avant : { $url }

    Si vous n’en avez plus besoin, vous n’avez rien à faire.

## La page de confidentialité du client
retention-customer-title = Combien de temps nous gardons vos données
retention-customer-tickets = { $count ->
    [one] Les tickets résolus et fermés perdent leur contenu (objet et messages) un mois après leur dernière modification.
   *[other] Les tickets résolus et fermés perdent leur contenu (objet et messages) { $count } mois après leur dernière modification.
}
retention-customer-tickets-kept = Vos tickets sont conservés jusqu’à ce que vous demandiez l’effacement de vos données.
retention-customer-accounts = { $count ->
    [one] Un compte sans connexion pendant un mois est fermé, puis effacé au nettoyage suivant. Nous vous écrivons { $days } jours avant ; vous connecter le garde.
   *[other] Un compte sans connexion pendant { $count } mois est fermé, puis effacé au nettoyage suivant. Nous vous écrivons { $days } jours avant ; vous connecter le garde.
}
retention-customer-accounts-kept = Votre compte est conservé jusqu’à ce que vous demandiez son effacement.
retention-customer-exports = { $count ->
    [one] Un téléchargement de vos données reste disponible une heure, puis il est supprimé.
   *[other] Un téléchargement de vos données reste disponible { $count } heures, puis il est supprimé.
}
retention-customer-backups = Les sauvegardes sont conservées { $main } jours. Les clés qui y lisent vos données le sont { $keys } jours : une fois effacé, plus rien de vous n’est lisible dans aucune sauvegarde passé ce délai.
retention-customer-why = Pourquoi : nous gardons ce qu’il faut pour vous répondre et montrer ce qu’il est advenu de vos données, pas plus longtemps.

## Où sont les données
region-title = Où sont les données
region-intro = Les clients voient la région sur leur page de confidentialité et la politique de confidentialité en lien au bas de chaque page. Déplacer les données vers une autre région : custodian transfer (README).
region-label = Région (par exemple « UE — Francfort »)
region-notice-url = Lien vers la politique de confidentialité (https://… ou un chemin sur ce site ; vide : pas de lien)
region-database = Base principale : { $location }
region-keystore = Magasin de clés : { $location }
region-saved = Enregistré.
region-label-too-long = La région tient sur une ligne d’au plus 80 caractères.
region-notice-invalid = Le lien vers la politique de confidentialité commence par https://, http:// ou / et ne contient pas d’espace.
retention-customer-region = Vos données sont conservées dans cette région : { $region }.
