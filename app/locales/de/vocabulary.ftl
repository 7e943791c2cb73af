# Labels of the app's closed sets, looked up as <Enum>-<stored name>.

# FieldType
FieldType-text = Text
FieldType-long_text = Langer Text
FieldType-number = Zahl
FieldType-date = Datum
FieldType-single_choice = Einfachauswahl
FieldType-multiple_choice = Mehrfachauswahl
FieldType-checkbox = Kontrollkästchen

# FieldScope
FieldScope-contact = Kontakt
FieldScope-ticket = Ticket

# Access
Access-hidden = Verborgen
Access-read = Lesen
Access-edit = Bearbeiten

# Role
Role-customer = Kunde
Role-agent = Agent
Role-admin = Admin

# AuditAction
AuditAction-sign_up = Konto erstellt (Registrierung)
AuditAction-sign_in = Angemeldet
AuditAction-sign_in_failed = Fehlgeschlagene Anmeldung
AuditAction-sign_out = Abgemeldet
AuditAction-user_created = Konto von einem Admin erstellt
AuditAction-ticket_created = Ticket eröffnet
AuditAction-ticket_replied = Antwort hinzugefügt
AuditAction-internal_note_added = Interne Notiz hinzugefügt
AuditAction-ticket_status_changed = Ticketstatus geändert
AuditAction-profile_changed = Profil geändert
AuditAction-ticket_fields_changed = Ticketfelder geändert
AuditAction-custom_field_changed = Benutzerdefiniertes Feld geändert
AuditAction-field_permission_changed = Feldberechtigung geändert
AuditAction-privacy_request_submitted = Datenschutzanfrage gestellt
AuditAction-privacy_request_confirmed = Datenschutzanfrage bestätigt
AuditAction-privacy_request_decided = Über Datenschutzanfrage entschieden
AuditAction-email_changed = E-Mail-Adresse geändert
AuditAction-mail_queued = E-Mail an Sie gesendet
AuditAction-export_requested = Datenexport angefordert
AuditAction-export_downloaded = Datenexport heruntergeladen
AuditAction-master_key_rotated = Hauptschlüssel rotiert
AuditAction-privacy_request_extended = Frist der Datenschutzanfrage verlängert
AuditAction-privacy_request_withdrawn = Datenschutzanfrage zurückgezogen
AuditAction-legal_hold_placed = Aufbewahrungspflicht gesetzt
AuditAction-legal_hold_lifted = Aufbewahrungspflicht aufgehoben
AuditAction-message_redacted = Nachricht geschwärzt
AuditAction-erasure_scheduled = Löschung geplant
AuditAction-subject_erased = Kunde gelöscht
AuditAction-ticket_erased = Ticket gelöscht
AuditAction-erasure_verified = Löschung geprüft
AuditAction-setting_changed = Einstellung geändert
AuditAction-erasure_step_done = Löschschritt erledigt
AuditAction-sign_in_throttled = Anmeldung abgelehnt: zu viele Versuche
AuditAction-reauth_failed = Falsches Passwort bei erneuter Abfrage
AuditAction-sign_in_refused = Anmeldung abgelehnt: Konto deaktiviert
AuditAction-password_changed = Passwort geändert
AuditAction-password_reset_requested = Link zum Zurücksetzen des Passworts gesendet
AuditAction-password_reset = Passwort per Link zurückgesetzt
AuditAction-account_disabled = Konto deaktiviert
AuditAction-account_enabled = Konto aktiviert
AuditAction-session_ended = Ein Gerät abgemeldet
AuditAction-email_confirmed = E-Mail-Adresse bestätigt
AuditAction-unconfirmed_account_removed = Unbestätigtes Konto entfernt
AuditAction-email_change_cancelled = E-Mail-Änderung von der alten Adresse aus abgebrochen
AuditAction-two_factor_enabled = Zwei-Faktor-Anmeldung eingeschaltet
AuditAction-two_factor_disabled = Zwei-Faktor-Anmeldung ausgeschaltet
AuditAction-passkey_added = Passkey hinzugefügt
AuditAction-register_exported = Verzeichnis der Datenschutzanfragen heruntergeladen
AuditAction-passkey_removed = Passkey entfernt

# ExportKind
ExportKind-subject = Ihre Daten
ExportKind-all = Alle Module

# ExportStatus
ExportStatus-queued = In der Warteschlange
ExportStatus-building = Wird vorbereitet
ExportStatus-ready = Bereit
ExportStatus-failed = Fehlgeschlagen
ExportStatus-expired = Abgelaufen

# MailStatus
MailStatus-outbox = Im Postausgang
MailStatus-queued = In der Warteschlange
MailStatus-sending = Wird gesendet
MailStatus-sent = Gesendet
MailStatus-failed = Fehlgeschlagen

# RequestKind
RequestKind-email_change = E-Mail-Änderung
RequestKind-erasure = Löschung

# RequestStatus
RequestStatus-submitted = Wartet auf Bestätigung
RequestStatus-in_review = In Prüfung
RequestStatus-on_hold = Zurückgestellt
RequestStatus-approved = Genehmigt
RequestStatus-rejected = Abgelehnt
RequestStatus-executing = Wird ausgeführt
RequestStatus-completed = Abgeschlossen
RequestStatus-needs_attention = Erfordert Aufmerksamkeit
RequestStatus-withdrawn = Zurückgezogen

# TicketsPolicy
TicketsPolicy-anonymise = Anonymisiert behalten
TicketsPolicy-delete = Löschen

# JobScope
JobScope-customer = Ein Kunde und seine Daten
JobScope-ticket = Ein Ticket

# JobStatus
JobStatus-queued = In der Warteschlange
JobStatus-running = Läuft
JobStatus-completed = Abgeschlossen
JobStatus-needs_attention = Erfordert Aufmerksamkeit

# ErasureStep
ErasureStep-destroy_key = Schlüssel vernichten
ErasureStep-delete_records = Datensätze löschen
ErasureStep-end_sessions = Sitzungen beenden
ErasureStep-notify = benachrichtigen
ErasureStep-pseudonymise = pseudonymisieren
ErasureStep-delete_exports = Exporte löschen
ErasureStep-audit = protokollieren
ErasureStep-delete_ticket = Ticket löschen
ErasureStep-compact = verdichten
ErasureStep-verify = prüfen

# MentionKind
MentionKind-email = E-Mail
MentionKind-phone = Telefon
MentionKind-name = Name

# TicketStatus
TicketStatus-open = Offen
TicketStatus-pending = Wartend
TicketStatus-solved = Gelöst
TicketStatus-closed = Geschlossen

# RegisterKind
RegisterKind-access = Auskunft (Download)
RegisterKind-rectification = Berichtigung (E-Mail)
RegisterKind-erasure = Löschung

# RegisterOutcome
RegisterOutcome-open = Offen
RegisterOutcome-overdue = Überfällig
RegisterOutcome-completed = Abgeschlossen
RegisterOutcome-rejected = Abgelehnt
RegisterOutcome-withdrawn = Zurückgezogen
RegisterOutcome-failed = Fehlgeschlagen
AuditAction-role_created = Rolle angelegt
AuditAction-role_changed = Rolle geändert
AuditAction-role_deleted = Rolle gelöscht
AuditAction-team_created = Team angelegt
AuditAction-team_changed = Team geändert
AuditAction-team_deleted = Team gelöscht
AuditAction-staff_role_changed = Rolle eines Mitarbeiters geändert
AuditAction-ticket_assigned = Ticket zugewiesen
AuditAction-erasure_reapplied = Löschung nach Wiederherstellung erneut angewendet
AuditAction-backup_taken = Sicherung erstellt
AuditAction-backups_expired = Alte Sicherungen gelöscht
AuditAction-backup_restored = Sicherung wiederhergestellt
AuditAction-ticket_anonymised = Ticket anonymisiert (Aufbewahrung)
AuditAction-account_closed = Konto geschlossen (ungenutzt)
AuditAction-retention_cleanup = Aufbewahrungs-Bereinigung
AuditAction-closure_notice_sent = Schließungshinweis gesendet
Permission-view_tickets = Tickets ansehen
Permission-reply = Kunden antworten
Permission-internal_notes = Interne Notizen lesen und schreiben
Permission-change_status = Ticketstatus ändern
Permission-assign = Tickets zuweisen
Permission-delete_tickets = Tickets löschen
Permission-view_contact_details = Kontaktdaten der Kunden sehen
Permission-review_requests = Datenschutzanfragen prüfen
Permission-approve_erasure = Löschungen genehmigen
Permission-legal_holds = Aufbewahrungspflichten aufheben
Permission-redact_messages = Nachrichten schwärzen
Permission-export_all_data = Alle Daten exportieren
Permission-view_audit_log = Audit-Protokoll ansehen
Permission-manage_fields = Eigene Felder und Feldrechte verwalten
Permission-manage_users = Benutzer, Rollen und Teams verwalten
Permission-manage_settings = Einstellungen verwalten
Sharing-all = Alle Tickets
Sharing-teams = Tickets der eigenen Teams
Sharing-assigned = Nur zugewiesene Tickets
QueueView-mine = Meine
QueueView-teams = Meine Teams
QueueView-unassigned = Nicht zugewiesen
QueueView-all = Alle
TicketSort-updated = Zuletzt geändert
TicketSort-created = Neueste
