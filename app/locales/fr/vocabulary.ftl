# Labels of the app's closed sets, looked up as <Enum>-<stored name>.

# FieldType
FieldType-text = Texte
FieldType-long_text = Texte long
FieldType-number = Nombre
FieldType-date = Date
FieldType-single_choice = Choix unique
FieldType-multiple_choice = Choix multiple
FieldType-checkbox = Case à cocher

# FieldScope
FieldScope-contact = Contact
FieldScope-ticket = Ticket

# Access
Access-hidden = Masqué
Access-read = Lecture
Access-edit = Modification

# Role
Role-customer = Client
Role-agent = Agent
Role-admin = Administrateur

# AuditAction
AuditAction-sign_up = Compte créé (inscription)
AuditAction-sign_in = Connexion
AuditAction-sign_in_failed = Échec de connexion
AuditAction-sign_out = Déconnexion
AuditAction-user_created = Compte créé par un administrateur
AuditAction-ticket_created = Ticket ouvert
AuditAction-ticket_replied = Réponse ajoutée
AuditAction-internal_note_added = Note interne ajoutée
AuditAction-ticket_status_changed = Statut du ticket modifié
AuditAction-profile_changed = Profil modifié
AuditAction-ticket_fields_changed = Champs du ticket modifiés
AuditAction-custom_field_changed = Champ personnalisé modifié
AuditAction-field_permission_changed = Autorisation de champ modifiée
AuditAction-privacy_request_submitted = Demande RGPD déposée
AuditAction-privacy_request_confirmed = Demande RGPD confirmée
AuditAction-privacy_request_decided = Décision sur une demande RGPD
AuditAction-email_changed = Adresse e-mail modifiée
AuditAction-mail_queued = E-mail qui vous a été envoyé
AuditAction-export_requested = Export de données demandé
AuditAction-export_downloaded = Export de données téléchargé
AuditAction-master_key_rotated = Clé maîtresse renouvelée
AuditAction-privacy_request_extended = Délai de la demande RGPD prolongé
AuditAction-privacy_request_withdrawn = Demande RGPD retirée
AuditAction-legal_hold_placed = Conservation légale posée
AuditAction-legal_hold_lifted = Conservation légale levée
AuditAction-message_redacted = Message caviardé
AuditAction-erasure_scheduled = Effacement planifié
AuditAction-subject_erased = Client effacé
AuditAction-ticket_erased = Ticket supprimé
AuditAction-erasure_verified = Effacement vérifié
AuditAction-setting_changed = Paramètre modifié
AuditAction-erasure_step_done = Étape d’effacement terminée
AuditAction-sign_in_throttled = Connexion refusée : trop de tentatives
AuditAction-reauth_failed = Mauvais mot de passe lors d’une nouvelle demande
AuditAction-sign_in_refused = Connexion refusée : compte désactivé
AuditAction-password_changed = Mot de passe modifié
AuditAction-password_reset_requested = Lien de réinitialisation du mot de passe envoyé
AuditAction-password_reset = Mot de passe réinitialisé par lien
AuditAction-account_disabled = Compte désactivé
AuditAction-account_enabled = Compte réactivé
AuditAction-session_ended = Un appareil déconnecté
AuditAction-email_confirmed = Adresse e-mail confirmée
AuditAction-unconfirmed_account_removed = Compte non confirmé supprimé
AuditAction-email_change_cancelled = Changement d’e-mail annulé depuis l’ancienne adresse
AuditAction-two_factor_enabled = Connexion à deux facteurs activée
AuditAction-two_factor_disabled = Connexion à deux facteurs désactivée
AuditAction-passkey_added = Clé d’accès ajoutée
AuditAction-register_exported = Registre des demandes RGPD téléchargé
AuditAction-passkey_removed = Clé d’accès supprimée

# ExportKind
ExportKind-subject = Vos données
ExportKind-all = Tous les modules

# ExportStatus
ExportStatus-queued = En attente
ExportStatus-building = En préparation
ExportStatus-ready = Prêt
ExportStatus-failed = Échec
ExportStatus-expired = Expiré

# MailStatus
MailStatus-outbox = Dans la boîte d’envoi
MailStatus-queued = En attente
MailStatus-sending = Envoi en cours
MailStatus-sent = Envoyé
MailStatus-failed = Échec

# RequestKind
RequestKind-email_change = Changement d’e-mail
RequestKind-erasure = Effacement

# RequestStatus
RequestStatus-submitted = En attente de confirmation
RequestStatus-in_review = En cours d’examen
RequestStatus-on_hold = Suspendue
RequestStatus-approved = Approuvée
RequestStatus-rejected = Refusée
RequestStatus-executing = En cours d’exécution
RequestStatus-completed = Terminée
RequestStatus-needs_attention = Requiert une intervention
RequestStatus-withdrawn = Retirée

# TicketsPolicy
TicketsPolicy-anonymise = Les conserver anonymisés
TicketsPolicy-delete = Les supprimer

# JobScope
JobScope-customer = Un client et ses données
JobScope-ticket = Un ticket

# JobStatus
JobStatus-queued = En attente
JobStatus-running = En cours
JobStatus-completed = Terminé
JobStatus-needs_attention = Requiert une intervention

# ErasureStep
ErasureStep-destroy_key = détruire la clé
ErasureStep-delete_records = supprimer les enregistrements
ErasureStep-end_sessions = fermer les sessions
ErasureStep-notify = notifier
ErasureStep-pseudonymise = pseudonymiser
ErasureStep-delete_exports = supprimer les exports
ErasureStep-audit = journaliser
ErasureStep-delete_ticket = supprimer le ticket
ErasureStep-compact = compacter
ErasureStep-verify = vérifier

# MentionKind
MentionKind-email = e-mail
MentionKind-phone = téléphone
MentionKind-name = nom

# TicketStatus
TicketStatus-open = Ouvert
TicketStatus-pending = En attente
TicketStatus-solved = Résolu
TicketStatus-closed = Fermé

# RegisterKind
RegisterKind-access = Accès (téléchargement)
RegisterKind-rectification = Rectification (e-mail)
RegisterKind-erasure = Effacement

# RegisterOutcome
RegisterOutcome-open = En cours
RegisterOutcome-overdue = En retard
RegisterOutcome-completed = Traitée
RegisterOutcome-rejected = Refusée
RegisterOutcome-withdrawn = Retirée
RegisterOutcome-failed = Échec
AuditAction-role_created = Rôle créé
AuditAction-role_changed = Rôle modifié
AuditAction-role_deleted = Rôle supprimé
AuditAction-team_created = Équipe créée
AuditAction-team_changed = Équipe modifiée
AuditAction-team_deleted = Équipe supprimée
AuditAction-staff_role_changed = Rôle d'un membre de l'équipe modifié
AuditAction-ticket_assigned = Ticket attribué
AuditAction-erasure_reapplied = Effacement réappliqué après une restauration
AuditAction-backup_taken = Sauvegarde effectuée
AuditAction-backups_expired = Anciennes sauvegardes supprimées
AuditAction-backup_restored = Sauvegarde restaurée
AuditAction-ticket_anonymised = Ticket anonymisé (conservation)
AuditAction-account_closed = Compte fermé (inutilisé)
AuditAction-retention_cleanup = Nettoyage de conservation
AuditAction-closure_notice_sent = Avis de fermeture envoyé
Permission-view_tickets = Voir les tickets
Permission-reply = Répondre aux clients
Permission-internal_notes = Lire et ajouter des notes internes
Permission-change_status = Changer le statut des tickets
Permission-assign = Attribuer les tickets
Permission-delete_tickets = Supprimer des tickets
Permission-view_contact_details = Voir les coordonnées des clients
Permission-review_requests = Examiner les demandes de confidentialité
Permission-approve_erasure = Approuver les effacements
Permission-legal_holds = Lever les conservations légales
Permission-redact_messages = Caviarder des messages
Permission-export_all_data = Exporter toutes les données
Permission-view_audit_log = Consulter le journal d'audit
Permission-manage_fields = Gérer les champs personnalisés et leurs droits
Permission-manage_users = Gérer les utilisateurs, rôles et équipes
Permission-manage_settings = Gérer les paramètres
Sharing-all = Tous les tickets
Sharing-teams = Les tickets de leurs équipes
Sharing-assigned = Seulement les tickets qui leur sont attribués
QueueView-mine = Les miens
QueueView-teams = Mes équipes
QueueView-unassigned = Non attribués
QueueView-all = Tous
TicketSort-updated = Dernière mise à jour
TicketSort-created = Plus récents
