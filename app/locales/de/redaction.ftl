# Redacting on the ticket page: a message's text or the ticket's subject line.

## The ticket page (staff)
redaction-subject-summary = Betreff schwärzen
# “[Redacted]” is the text the portal writes; keep it as it is.
redaction-subject-text = Neuer Betreff (leer: „[Redacted]“)
redaction-subject-submit = Diesen Betreff schwärzen
# Shown where the form was, once it has closed.
redaction-message-done = Nachricht geschwärzt.
redaction-subject-done = Betreff geschwärzt.

## Answers of the server
redaction-subject-one-line = Der neue Betreff muss einzeilig sein.
redaction-subject-held = Für den Kunden dieses Tickets gilt eine Aufbewahrungspflicht: Seine Tickets müssen unverändert bleiben, bis sie aufgehoben wird.
redaction-subject-erased = Der Kunde dieses Tickets wurde gelöscht: Der Betreff ist bereits unlesbar.
