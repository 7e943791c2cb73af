# Redacting on the ticket page: a message's text or the ticket's subject line.

## The ticket page (staff)
redaction-subject-summary = Redact subject
# “[Redacted]” is the text the portal writes; keep it as it is.
redaction-subject-text = New subject (empty: “[Redacted]”)
redaction-subject-submit = Redact this subject
# Shown where the form was, once it has closed.
redaction-message-done = Message redacted.
redaction-subject-done = Subject redacted.

## Answers of the server
redaction-subject-one-line = The new subject must be one line.
redaction-subject-held = A legal hold is placed on this ticket's customer: their tickets must be kept as they are until it is lifted.
redaction-subject-erased = This ticket's customer was erased: the subject is already unreadable.
