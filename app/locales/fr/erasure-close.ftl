# Erasure closes the erased customer's tickets that still wait for an answer.

## The erasure preview (a row of its table: category, then outcome)
erasureclose-preview-waiting = Tickets ouverts ou en attente
erasureclose-preview-waiting-outcome = Fermés, chaque changement consigné dans le journal d’audit, pour qu’aucun ne reste ouvert dans la file des tickets

## The final mail to the erased customer, after its first paragraph
erasureclose-mail-tickets-closed = { $count ->
    [one] Votre ticket ouvert a été fermé avec votre compte : il ne peut plus recevoir de réponse.
   *[other] Vos { $count } tickets ouverts ont été fermés avec votre compte : ils ne peuvent plus recevoir de réponse.
}
