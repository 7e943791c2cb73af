# The ticket list, opening a ticket, and one ticket's page.

tickets-list-title = Tickets
tickets-status = Statut
tickets-status-all = Tous
tickets-filter = Filtrer
tickets-loading = Chargement des tickets…
tickets-empty = Aucun ticket pour l’instant.
tickets-column-subject = Objet
tickets-customer = Client
tickets-column-opened = Ouvert le
tickets-column-updated = Dernière mise à jour
# After the page count; $more is "+" when the count stopped at its cap.
tickets-total = { $count ->
    [one] { $count }{ $more } ticket
   *[other] { $count }{ $more } tickets
}

tickets-new-title = Ouvrir un ticket
tickets-new-intro = Dites-nous ce qui s’est passé. Nous répondons généralement sous un jour ouvré.
tickets-subject = Objet
tickets-message = Message
tickets-send = Envoyer

tickets-loading-one = Chargement du ticket…
tickets-opened-by = Ouvert le { $time } par { $name }
tickets-support-team = Équipe d’assistance
tickets-internal-note = Note interne
tickets-redacted-note = Masqué par notre équipe.
tickets-update-status = Mettre à jour le statut
tickets-closed-note = Ce ticket est fermé. Ouvrez un nouveau ticket si vous avez encore besoin d’aide.
tickets-reply-or-note = Répondre ou ajouter une note
tickets-reply = Répondre
tickets-your-message = Votre message
tickets-internal-checkbox = Note interne (jamais montrée au client)
tickets-add-internal-note = Ajouter une note interne
tickets-send-reply = Envoyer la réponse
tickets-details = Détails du ticket
tickets-save-details = Enregistrer les détails
tickets-redact = Masquer
# “[Redacted]” is the text the portal writes; keep it as it is.
tickets-redact-text = Nouveau texte (vide : « [Redacted] »)
tickets-redact-reason = Motif (consigné dans le journal d’audit)
tickets-redact-submit = Masquer ce message
tickets-delete = Supprimer
tickets-deleting = Le ticket est en cours de suppression ; le journal d’audit l’enregistre.
tickets-delete-reason = Motif de la suppression de ce ticket
tickets-delete-submit = Supprimer ce ticket
tickets-erase-customer = Effacer ce client et toutes ses données…
