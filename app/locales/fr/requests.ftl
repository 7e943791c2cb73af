# Staff pages of the privacy area: the request queue, one request, erasing a
# customer, legal holds, the outbox, the admin export and the privacy settings.

## The request queue
requests-queue-title = Demandes RGPD
requests-filter-kind = Type
requests-filter-every-kind = Tous les types
requests-filter-status = Statut
requests-filter-every-open = Toutes les demandes en cours
requests-filter-closed = Clôturées (terminées, refusées, retirées)
requests-filter-all = Toutes
requests-filter-submit = Filtrer
requests-counts-label = Demandes en cours
# After a number in bold: "3 open".
requests-count-open = { $count ->
    [one] en cours
   *[other] en cours
}
requests-count-overdue = { $count ->
    [one] en retard
   *[other] en retard
}
requests-count-due-soon = { $count ->
    [one] à échéance dans moins de 7 jours
   *[other] à échéance dans moins de 7 jours
}
requests-count-on-hold = { $count ->
    [one] suspendue
   *[other] suspendues
}
requests-count-needs-attention = { $count ->
    [one] requiert une intervention
   *[other] requièrent une intervention
}
requests-none-match = Aucune demande ne correspond.
requests-column-request = Demande
requests-column-customer = Client
requests-column-status = Statut
requests-column-due = Échéance

## One request
# After the customer's email: "ann@example.org · received 30 Nov 2026, 14:05".
requests-received = reçue le { $date }
requests-check-passed = Vérification finale réussie : plus rien de lisible ne subsiste de ce client.
requests-check-failed = Échec de la vérification finale : cet effacement requiert une intervention.
requests-check-warnings = À examiner :
requests-check-checked = Vérifié le { $date }
# The erasure steps that ran, joined by commas.
requests-check-steps = étapes effectuées : { $steps }
requests-recheck = Relancer la vérification
requests-fully-extended = Le délai a déjà été prolongé des deux mois autorisés par la loi.
requests-on-hold-note = L’approbation est bloquée tant que dure la conservation légale ; la demande peut toujours être refusée.
requests-extend-title = Prolonger le délai
requests-extend-intro = De deux mois supplémentaires au plus au total, lorsque la demande est complexe ou que les demandes sont nombreuses. Le client voit le motif et le reçoit par e-mail.
requests-extend-by = Prolonger de
requests-extend-months = { $months } mois
requests-extend-reason = Motif (visible par le client)
requests-extend-submit = Prolonger
requests-decision-title = Décision
requests-decision-reason-erasure = Motif (visible par le client ; obligatoire)
requests-decision-reason = Motif (visible par le client ; obligatoire en cas de refus)
requests-approve-erase = Approuver et effacer
requests-approve-apply = Approuver et appliquer
requests-reject = Refuser

## What an erasure does (the preview)
requests-preview-title-erased = Effacement de { $email }
requests-preview-title = Ce que l’effacement de { $email } va entraîner
# The pseudonym is shown in bold.
requests-preview-pseudonym = Dans les enregistrements conservés, cette personne sera désignée sous le nom { $pseudonym }.
requests-preview-column-data = Données
requests-preview-column-records = Enregistrements
requests-preview-column-outcome = Ce qu’il advient
requests-preview-mentions-title = Mentions dans les tickets d’autres clients
requests-preview-mentions-none-erased = Plus rien à afficher : une fois l’effacement terminé, il ne reste rien à rechercher.
requests-preview-mentions-none = Aucune trouvée : aucune autre conversation ne contient son adresse e-mail, son téléphone ou son nom.
requests-preview-mentions-intro = Ces messages d’autres clients mentionnent cette personne. Caviardez-les dans le ticket avant d’approuver ; la vérification finale échoue tant qu’une adresse e-mail ou un numéro de téléphone reste lisible.
# Before the link "Open the ticket" when the ticket's subject names them.
requests-preview-in-subject = dans l’objet
requests-preview-open-ticket = Ouvrir le ticket

## Erasing a customer directly
requests-erase-title = Effacer un client
requests-erase-erased-notice = Ce client a été effacé (ou l’effacement est en cours). Les enregistrements conservés le désignent par le pseudonyme ci-dessous.
requests-erase-started = L’effacement a commencé. Il s’exécute en arrière-plan ; le journal d’audit enregistre chaque étape.
requests-erase-card-title = Effacer ce client
requests-erase-warning = Cette action est irréversible. Sa clé est détruite en premier ; tout ce qui précède se fait en arrière-plan.
requests-erase-reason = Motif (enregistré)
requests-erase-submit = Effacer le client

## Legal holds
requests-hold-title = Conservation légale
requests-hold-active = Sous conservation légale depuis le { $date } ({ $by }) : { $reason }. Rien de ce client ne peut être effacé ni expirer tant qu’elle dure.
requests-hold-active-until = Sous conservation légale depuis le { $date } ({ $by }) : { $reason } — jusqu’au { $until }. Rien de ce client ne peut être effacé ni expirer tant qu’elle dure.
requests-hold-lift = Lever la conservation
requests-hold-admin-only = Seul un administrateur peut la lever.
requests-hold-intro = Une conservation légale bloque l’effacement de ce client et la suppression de ses données à l’expiration des durées de conservation, par exemple pendant une procédure judiciaire.
requests-hold-reason = Motif
requests-hold-until = Jusqu’au (facultatif)
requests-hold-place = Placer sous conservation légale

## The outbox
requests-outbox-title = Boîte d’envoi
requests-outbox-intro = Les e-mails que le portail a envoyés ou s’apprête à envoyer. Sans serveur SMTP configuré, les e-mails restent ici.
requests-outbox-empty = Aucun e-mail pour le moment.
requests-outbox-to = À : { $to }

## The admin's export of every module
requests-export-title = Export
requests-export-all-title = Exporter toutes les données du service
# "[withheld]" is what the files really contain: keep it as is.
requests-export-all-intro = Un fichier ZIP avec un fichier CSV et un fichier JSON Lines par module : contacts, agents, tickets, messages, équipes, champs personnalisés, demandes RGPD et journal d’audit. Les champs que vos autorisations masquent indiquent [withheld]. Préparé en arrière-plan ; saisissez à nouveau votre mot de passe.
requests-export-all-submit = Préparer l’export

## Privacy settings (admins)
requests-settings-title = Paramètres de confidentialité
requests-settings-saved = Enregistré.
requests-settings-tickets-legend = Tickets des clients effacés
requests-settings-tickets-anonymise = Les conserver anonymisés pour les statistiques (statut et dates ; contenu illisible)
requests-settings-tickets-delete = Les supprimer
