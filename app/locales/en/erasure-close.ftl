# Erasure closes the erased customer's tickets that still wait for an answer.

## The erasure preview (a row of its table: category, then outcome)
erasureclose-preview-waiting = Open or pending tickets
erasureclose-preview-waiting-outcome = Closed, each change recorded in the audit log, so none stays open in the ticket queue

## The final mail to the erased customer, after its first paragraph
erasureclose-mail-tickets-closed = { $count ->
    [one] Your open ticket was closed with your account: it can no longer be answered.
   *[other] Your { $count } open tickets were closed with your account: they can no longer be answered.
}
