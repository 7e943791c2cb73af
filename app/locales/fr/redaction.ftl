# Redacting on the ticket page: a message's text or the ticket's subject line.

## The ticket page (staff)
redaction-subject-summary = Masquer l’objet
# “[Redacted]” is the text the portal writes; keep it as it is.
redaction-subject-text = Nouvel objet (vide : « [Redacted] »)
redaction-subject-submit = Masquer cet objet
# Shown where the form was, once it has closed.
redaction-message-done = Message masqué.
redaction-subject-done = Objet masqué.

## Answers of the server
redaction-subject-one-line = Le nouvel objet doit tenir sur une ligne.
redaction-subject-held = Une conservation légale s’applique au client de ce ticket : ses tickets doivent rester tels quels jusqu’à sa levée.
redaction-subject-erased = Le client de ce ticket a été effacé : l’objet est déjà illisible.
