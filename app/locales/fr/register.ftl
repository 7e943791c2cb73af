# The register of privacy requests (staff who review requests), its CSV and
# the register entry on each request page.
register-title = Registre des demandes RGPD
register-intro = Chaque demande de client, la réponse apportée et son délai — ce qu’une autorité de contrôle demande à voir en premier. Aucune donnée personnelle hormis l’identifiant de la demande et une référence pseudonyme de la personne concernée.
register-download-csv = Télécharger le registre (CSV)
register-link = Registre
register-received = Reçues
register-completed = Traitées
register-rejected = Refusées
register-withdrawn = Retirées
register-overdue = En retard
register-open = En cours
register-answered-late = Répondues en retard
register-median = Délai médian de traitement
register-p90 = 90e centile
register-days = { $days } jours
register-no-data = —
register-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
register-hours = { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
}
register-by-month = Par mois
register-by-kind = Par type
register-month = Mois
register-kind = Type
register-chart-month-desc = Demandes reçues et répondues chaque mois au cours des douze derniers mois. Le tableau ci-dessous reprend les mêmes chiffres.
register-chart-kind-desc = Demandes par type et leur issue. Le tableau ci-dessous reprend les mêmes chiffres.
register-legend-received = reçues
register-legend-answered = répondues
register-entries = Demandes
register-entries-shown = Les { $shown } plus récentes sur { $total } ; le fichier CSV les contient toutes.
register-col-request = Demande
register-col-subject = Référence de la personne
register-col-kind = Type
register-col-received = Reçue
register-col-due = Échéance
register-col-extended-months = Prolongée (mois)
register-col-extension-reason = Motif de la prolongation
register-col-extension-told = Client informé de la prolongation
register-col-decided = Décidée
register-col-decided-by = Décidée par (rôle)
register-col-responded = Répondue
register-col-outcome = Issue
register-col-disclosed = Communiqué
register-col-withheld = Retenu ou conservé, et pourquoi
register-col-stores = Stockages consultés
register-entry-title = Au registre
register-entry-none = Cette demande ne figure pas encore au registre.
register-extended-by = { $reason } (client informé le { $when })
register-not-extended = Non prolongée
register-disclosed-nothing = Rien (la demande ne porte pas sur des données)
register-disclosed-access = Profil et champs de contact, tickets avec leurs messages publics, demandes RGPD avec leur historique, l’activité enregistrée sur les données
register-withheld-nothing = Rien
register-withheld-rejected = Refusée : { $reason }
register-withheld-erasure-kept = Conservés sous pseudonyme : les enregistrements d’audit (responsabilité) ; tickets conservés anonymisés ou supprimés selon le réglage du service d’assistance
register-withheld-access = Notes internes (notes de travail du service d’assistance, pas des données du client) ; données personnelles d’autres personnes
register-stores-access = Comptes et profils, champs personnalisés, tickets et messages, demandes RGPD, journal d’audit
register-stores-rectification = Comptes et profils
register-stores-erasure = Comptes et profils, champs personnalisés, tickets et messages, archives d’export, e-mails sortants, sessions, index de recherche, journal d’audit, magasin de clés
register-reason-on-request = Un motif a été donné au client : il figure sur la page de la demande (il peut contenir des données personnelles, il reste donc hors du registre).
