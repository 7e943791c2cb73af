# Erasure closes the erased customer's tickets that still wait for an answer.

## The erasure preview (a row of its table: category, then outcome)
erasureclose-preview-waiting = Offene oder wartende Tickets
erasureclose-preview-waiting-outcome = Geschlossen, jede Änderung im Prüfprotokoll vermerkt, damit keines offen in der Ticket-Warteschlange bleibt

## The final mail to the erased customer, after its first paragraph
erasureclose-mail-tickets-closed = { $count ->
    [one] Ihr offenes Ticket wurde mit Ihrem Konto geschlossen und kann nicht mehr beantwortet werden.
   *[other] Ihre { $count } offenen Tickets wurden mit Ihrem Konto geschlossen und können nicht mehr beantwortet werden.
}
