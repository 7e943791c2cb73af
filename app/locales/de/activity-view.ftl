# "Activity on my data": who did it, and each recorded change in words
# (the audit log stores field keys such as ticket_id and due_at).

## Who: on its own (the export's "who" column), and as a phrase after the action
activityview-help-desk = Der Kundenservice
activityview-mailed-link = Jemand mit einem Link, den wir Ihnen gesendet haben
activityview-by-you = von Ihnen
activityview-by-staff = von { $name } ({ $role })
activityview-by-help-desk = vom Kundenservice
activityview-by-not-signed-in = von einer nicht angemeldeten Person
activityview-by-mailed-link = von jemandem mit einem Link, den wir Ihnen gesendet haben
activityview-by-someone-else = von einer anderen Person

## Actions read differently by the person they are about
activityview-account-created = Konto für Sie angelegt

## Labels of recorded changes
activityview-field-ticket = Ticket
activityview-field-due = Fällig am
activityview-field-status = Status
activityview-field-reason = Begründung
activityview-field-request = Anfrage
activityview-field-new-email = Neue E-Mail-Adresse
activityview-field-role = Rolle
activityview-field-passkey-name = Name des Passkeys
activityview-field-ip-address = IP-Adresse
activityview-field-network = Netzwerk
activityview-field-until = Bis
activityview-field-to = An
activityview-field-other-devices-signed-out = Andere Geräte abgemeldet
activityview-field-devices-signed-out = Geräte abgemeldet
activityview-field-second-factor = Zweiter Faktor
activityview-field-scope = Umfang
activityview-field-pseudonym = Pseudonym
activityview-field-tickets = Tickets
activityview-field-deleted = Gelöscht
activityview-field-result = Ergebnis
activityview-field-findings = Befunde
activityview-field-final-check = Abschlussprüfung

## Values recorded as codes or in the log's own words
activityview-second-factor-app = Authenticator-App
activityview-second-factor-passkey = Passkey
activityview-second-factor-recovery-code = Wiederherstellungscode
activityview-second-factor-wrong-code = Falscher Code
activityview-second-factor-passkey-refused = Passkey nicht akzeptiert
activityview-second-factor-passkey-alone = Passkey (ohne Passwort)
activityview-result-passed = Bestanden
activityview-result-needs-attention = Erfordert Aufmerksamkeit
activityview-final-check-again = Wird wiederholt
activityview-reason-never-confirmed = Die Adresse wurde nie bestätigt
activityview-reason-address-taken = Ein anderes Konto hat die Adresse bestätigt
activityview-scope-command-line = Alle Module (Kommandozeile)
activityview-yes = Ja
activityview-no = Nein
activityview-done = Erledigt

## Counts an erasure step records ("Tickets: 1, Messages: 3")
activityview-count = { $label }: { $value }
activityview-count-destroyed = Schlüssel vernichtet
activityview-count-tickets-policy = Tickets
activityview-count-tickets = Tickets
activityview-count-tickets-deleted = Gelöschte Tickets
activityview-count-messages = Nachrichten
activityview-count-messages-deleted = Gelöschte Nachrichten
activityview-count-field-values = Feldwerte
activityview-count-mails = E-Mails
activityview-count-sign-in-failures = Fehlgeschlagene Anmeldungen
activityview-count-legal-holds = Aufbewahrungspflichten
activityview-count-index-rows = Suchindex-Einträge
activityview-count-sessions = Sitzungen
activityview-count-links = Links
activityview-count-sent = Gesendet
activityview-count-queued = In der Warteschlange
activityview-count-notice-rows = Entfernte Benachrichtigungsdatensätze
activityview-count-own-exports = Ihre Exporte
activityview-count-all-exports = Exporte aller Module
activityview-count-ok = Bestanden
