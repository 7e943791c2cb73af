# Textes que le serveur rédige pour la personne qui fait la demande : erreurs de
# formulaire, conflits et textes des modèles de lecture (activité, demandes, champs).


## Choices in forms
server-choose-scope = Choisissez contacts ou tickets.
server-unknown-role = Rôle inconnu.
server-choose-role = Choisissez un rôle.
server-choose-access = Choisissez « masqué », « lecture » ou « modification ».
server-unknown-status = Statut « { $status } » inconnu.
server-choose-status = Choisissez un statut.

## Audit chain verification (shown to admins after “The audit chain is broken at event …:”)
server-audit-event-missing = l’événement { $seq } est manquant
server-audit-event-unlinked = l’événement { $seq } ne découle pas de l’événement précédent
server-audit-event-changed = l’événement { $seq } a été modifié après son écriture
server-audit-events-missing = les événements { $first } à { $last } sont manquants
server-audit-events-unrecorded = les événements après { $seq } ne sont pas enregistrés dans la tête de chaîne
server-audit-head-mismatch = la tête de chaîne ne correspond pas à l’événement { $seq }

## Audit log and “Activity on my data”
server-enter-date = Saisissez une date au format AAAA-MM-JJ.
server-unknown-action = Action inconnue.
server-end-before-start = La date de fin est antérieure à la date de début.
server-activity-you = Vous
server-activity-staff = { $name } ({ $role })
server-activity-someone-else = Quelqu’un d’autre
server-activity-not-signed-in = Une personne non connectée

## Privacy requests as the customer and staff read them
server-request-summary-erasure-reason = Supprimer mon compte et mes données — « { $reason } »
server-request-summary-erasure = Supprimer mon compte et mes données
server-request-summary-email-to = Changer l’adresse e-mail pour { $email }
server-request-summary-email = Changer d’adresse e-mail
server-request-step-received = Reçue
server-request-step-extended = { $status } (délai prolongé)
server-request-by-password = Identité confirmée par mot de passe
server-request-by-customer = Le client
server-request-by-team = Notre équipe ({ $name })
server-request-by-link = Lien de confirmation
server-request-by-job = Tâche d’effacement
server-choose-status-from-list = Choisissez un statut dans la liste.
server-choose-kind-from-list = Choisissez un type dans la liste.

## Privacy requests: withdrawing, extending, reasons
server-reason-too-long = Le motif ne doit pas dépasser 2000 caractères.
server-request-not-withdrawable = Cette demande ne peut plus être retirée (statut : { $status }).
server-extension-reason-required = Indiquez au client le motif de la prolongation ; il le verra.
server-extension-not-open = Seule une demande encore en attente de décision peut être prolongée.
server-extension-at-most = Cette demande a déjà été prolongée du maximum autorisé par la loi (deux mois).
server-extension-one-more-month = Elle ne peut plus être prolongée que d’un mois.
server-extension-months = Prolongez d’un ou deux mois.

## Notes the portal writes on a request’s steps
server-note-on-hold = Une obligation légale nous impose de conserver vos données pour le moment. Nous reprendrons dès qu’elle prendra fin.
server-note-closed-by-erasure = Clôturée : le compte est en cours d’effacement.
server-note-link-expired = Le lien de confirmation a expiré.
server-note-cancelled-from-old-address = Annulée avec le lien envoyé à l’ancienne adresse.
server-note-extended =
    { $months ->
        [one] Délai prolongé de { $months } mois, jusqu’au { $due } : { $reason }
       *[other] Délai prolongé de { $months } mois, jusqu’au { $due } : { $reason }
    }

## Erasure, redaction
server-redaction-reason-required = Indiquez le motif du caviardage.
server-redaction-too-long = Le nouveau texte est trop long.
server-redaction-held = Une conservation légale s’applique au client de ce ticket : ses messages doivent rester tels quels jusqu’à sa levée.
server-redaction-erased = Le client de ce ticket a été effacé : le message est déjà illisible.
server-erasure-already-asked = Vous nous avez déjà demandé de supprimer votre compte. Vous pouvez suivre cette demande ci-dessous ; inutile de la renouveler.
server-approval-reason-required = Indiquez le motif de l’approbation ; le client le verra.
server-rejection-reason-required = Indiquez au client le motif du refus.
server-request-already-decided = Cette demande a déjà fait l’objet d’une décision.
server-erase-customer-reason-required = Indiquez le motif de l’effacement de ce client.
server-customer-already-erased-or-erasing = Ce client a déjà été effacé (ou est en cours d’effacement).
server-erase-ticket-reason-required = Indiquez le motif de la suppression de ce ticket.
server-ticket-already-deleting = Ce ticket est déjà en cours de suppression.
server-recheck-not-needed = Seul un effacement qui requiert une intervention peut être vérifié à nouveau.
server-choose-tickets-policy = Choisissez si les tickets des clients effacés sont supprimés ou conservés anonymisés.

## What erasing a customer will do (preview for staff)
server-preview-profile = Profil (nom, téléphone, champs du profil)
server-preview-profile-outcome = Supprimé ; le compte ne garde que le pseudonyme
server-preview-key = Clé des données personnelles
server-preview-key-outcome = Détruite en premier : tout ce qui est chiffré avec elle devient illisible, y compris dans les sauvegardes et les anciens exports
server-preview-tickets = Tickets
server-preview-deleted = Suppression
server-preview-tickets-kept = Conservés anonymisés pour les statistiques (statut et dates)
server-preview-messages = Messages de ses tickets
server-preview-messages-kept = Conservés sous forme chiffrée illisible
server-preview-field-values = Valeurs des champs personnalisés
server-preview-sessions = Sessions
server-preview-ended = Fermées
server-preview-their-exports = Ses exports de données
server-preview-admin-exports = Exports administrateur de tous les modules
server-preview-admin-exports-outcome = Supprimés (ils contiennent ce client)
server-preview-mail = E-mails qui lui sont adressés
server-preview-mail-outcome = Supprimés, avec l’adresse ; un dernier e-mail l’informe que c’est fait
server-preview-requests = Demandes RGPD
server-preview-requests-outcome = Conservées comme trace de ce qui a été demandé et fait ; détails illisibles
server-preview-audit-events = Événements d’audit le concernant
server-preview-audit-events-outcome = Conservés (la chaîne reste valide) ; ses valeurs personnelles détruites
server-mentions-block-approval =
    { $count ->
        [one] { $count } message dans les tickets d’autres clients contient encore l’e-mail ou le téléphone de ce client. Caviardez-le d’abord (voir « Mentions » sur cette page), puis approuvez.
       *[other] { $count } messages dans les tickets d’autres clients contiennent encore l’e-mail ou le téléphone de ce client. Caviardez-les d’abord (voir « Mentions » sur cette page), puis approuvez.
    }

## The final check of an erasure: what is still there
server-check-ticket-exists = Le ticket existe encore.
server-check-ticket-messages =
    { $count ->
        [one] { $count } message du ticket existe encore.
       *[other] { $count } messages du ticket existent encore.
    }
server-check-key-exists = La clé des données personnelles existe encore dans le magasin de clés.
server-check-profile-data = Le compte contient encore des données de profil.
server-check-sessions =
    { $count ->
        [one] { $count } session est encore ouverte.
       *[other] { $count } sessions sont encore ouvertes.
    }
server-check-links =
    { $count ->
        [one] { $count } lien de réinitialisation ou de confirmation fonctionne encore.
       *[other] { $count } liens de réinitialisation ou de confirmation fonctionnent encore.
    }
server-check-passkeys =
    { $count ->
        [one] { $count } clé d’accès est encore enregistrée.
       *[other] { $count } clés d’accès sont encore enregistrées.
    }
server-check-exports =
    { $count ->
        [one] { $count } export de données existe encore.
       *[other] { $count } exports de données existent encore.
    }
server-check-archive-files =
    { $count ->
        [one] { $count } copie d’archives contenant ses données est encore conservée (sur le disque ou dans la base de données).
       *[other] { $count } copies d’archives contenant ses données sont encore conservées (sur le disque ou dans la base de données).
    }
server-check-tickets =
    { $count ->
        [one] { $count } ticket existe encore.
       *[other] { $count } tickets existent encore.
    }
server-check-identifiers-unreadable = Les identifiants à rechercher sont illisibles ; la vérification ne peut pas s’exécuter.
server-check-index-entries =
    { $count ->
        [one] { $count } entrée de ses textes est encore dans l’index de recherche.
       *[other] { $count } entrées de ses textes sont encore dans l’index de recherche.
    }
server-check-email-on-account = L’adresse e-mail figure encore sur un compte.
server-check-mails =
    { $count ->
        [one] { $count } e-mail contient encore l’adresse e-mail.
       *[other] { $count } e-mails contiennent encore l’adresse e-mail.
    }
server-check-sign-in-records =
    { $count ->
        [one] { $count } enregistrement de connexion contient encore l’adresse e-mail.
       *[other] { $count } enregistrements de connexion contiennent encore l’adresse e-mail.
    }
server-check-field-values =
    { $count ->
        [one] { $count } valeur de champ personnalisé d’autres enregistrements le nomme encore.
       *[other] { $count } valeurs de champs personnalisés d’autres enregistrements le nomment encore.
    }
server-check-subjects-email =
    { $count ->
        [one] { $count } objet de tickets d’autres clients contient son e-mail.
       *[other] { $count } objets de tickets d’autres clients contiennent son e-mail.
    }
server-check-subjects-phone =
    { $count ->
        [one] { $count } objet de tickets d’autres clients contient son téléphone.
       *[other] { $count } objets de tickets d’autres clients contiennent son téléphone.
    }
server-check-subjects-name =
    { $count ->
        [one] { $count } objet de tickets d’autres clients contient son nom.
       *[other] { $count } objets de tickets d’autres clients contiennent son nom.
    }
server-check-messages-email =
    { $count ->
        [one] { $count } message dans les tickets d’autres clients contient son e-mail.
       *[other] { $count } messages dans les tickets d’autres clients contiennent son e-mail.
    }
server-check-messages-phone =
    { $count ->
        [one] { $count } message dans les tickets d’autres clients contient son téléphone.
       *[other] { $count } messages dans les tickets d’autres clients contiennent son téléphone.
    }
server-check-messages-name =
    { $count ->
        [one] { $count } message dans les tickets d’autres clients contient son nom.
       *[other] { $count } messages dans les tickets d’autres clients contiennent son nom.
    }

## Legal holds
server-hold-blocks-erasure = Une conservation légale s’applique à ce client : rien de ce qui le concerne ne peut être effacé avant sa levée.
server-hold-reason-required = Indiquez le motif de la conservation (par exemple la procédure concernée).
server-hold-enter-end-date = Saisissez la date de fin au format AAAA-MM-JJ, ou laissez le champ vide.
server-date-does-not-exist = Cette date n’existe pas.
server-end-date-in-future = La date de fin doit être dans le futur.
server-hold-already-placed = Ce client fait déjà l’objet d’une conservation légale.
server-customer-already-erased = Ce client a déjà été effacé.
server-hold-not-placed = Ce client ne fait l’objet d’aucune conservation légale.

## Placeholders for values that cannot be shown
server-erased = [effacé]
server-unreadable = [illisible]

## Passkeys and two-factor sign-in
server-passkeys-need-domain = Les clés d’accès exigent que le portail soit joignable par un nom de domaine, et non par l’adresse { $address } : définissez CUSTODIAN_PUBLIC_URL sur un nom tel que http://localhost:3000.
server-passkeys-at-most = Vous avez { $max } clés d’accès : supprimez-en une avant d’en ajouter une autre.
server-passkey-name-required = Donnez à la clé d’accès un nom de 100 caractères au plus, par exemple « Ordinateur du bureau ».
server-passkey-answer-unreadable = La réponse du navigateur n’a pas pu être lue. Réessayez.
server-passkey-registration-expired = Cet enregistrement a expiré. Recommencez.
server-passkey-not-verified = La clé d’accès n’a pas pu être vérifiée. Réessayez.
server-passkey-already-registered = Cette clé d’accès est déjà enregistrée.
server-passkey-last-factor = Votre service d’assistance exige la connexion à deux facteurs pour le personnel : ajoutez une autre clé d’accès ou une application d’authentification avant de supprimer celle-ci.
server-second-factor-not-recent = Pour ajouter un autre moyen de connexion, déconnectez-vous puis reconnectez-vous avec votre clé d’accès ou votre application d’authentification, et revenez dans les { $minutes } minutes.
server-two-factor-already-on-move = La connexion à deux facteurs est déjà activée. Désactivez-la d’abord pour la transférer vers une autre application.
server-two-factor-no-pending-secret = Recommencez la configuration : aucun secret d’authentification n’est en attente.
server-two-factor-already-on = La connexion à deux facteurs est déjà activée.
server-two-factor-wrong-code = Ce code n’est pas correct. Vérifiez l’heure de votre téléphone et saisissez le code que l’application affiche maintenant.
server-two-factor-required-for-staff = Votre service d’assistance exige la connexion à deux facteurs pour le personnel : ajoutez une clé d’accès avant de désactiver l’application.
server-wrong-or-used-code = Ce code n’est pas correct ou a déjà été utilisé. Saisissez le code que votre application affiche maintenant, ou un code de récupération.

## Passwords and sign-in
server-passkey-not-accepted-use-code = Cette clé d’accès n’a pas été acceptée. Réessayez, ou utilisez un code de votre application d’authentification.
server-passkey-not-accepted-use-password = Cette clé d’accès n’a pas été acceptée. Réessayez, ou connectez-vous avec votre mot de passe.
server-password-same-as-old = Choisissez un mot de passe différent de l’ancien.
server-password-too-easy = Ce mot de passe est trop facile à deviner.
server-password-warning-straight-rows = Les rangées de touches sont faciles à deviner.
server-password-warning-short-patterns = Les motifs de clavier courts sont faciles à deviner.
server-password-warning-repeats = Les répétitions comme « aaa » sont faciles à deviner.
server-password-warning-repeated-groups = Les répétitions comme « abcabcabc » sont à peine plus difficiles à deviner que « abc ».
server-password-warning-top10 = C’est l’un des 10 mots de passe les plus courants.
server-password-warning-top100 = C’est l’un des 100 mots de passe les plus courants.
server-password-warning-common = C’est un mot de passe très courant.
server-password-warning-similar = Il ressemble à un mot de passe couramment utilisé.
server-password-warning-sequences = Les suites comme abc ou 6543 sont faciles à deviner.
server-password-warning-recent-years = Les années récentes sont faciles à deviner.
server-password-warning-word = Un mot seul est facile à deviner.
server-password-warning-dates = Les dates sont souvent faciles à deviner.
server-password-warning-names = Les prénoms et noms seuls sont faciles à deviner.
server-password-warning-common-names = Les prénoms et noms courants sont faciles à deviner.
server-password-suggest-few-words = Utilisez quelques mots et évitez les expressions courantes.
server-password-suggest-no-symbols = Inutile d’ajouter des symboles, des chiffres ou des majuscules.
server-password-suggest-another-word = Ajoutez un ou deux mots. Les mots peu courants sont préférables.
server-password-suggest-capitalization = Les majuscules n’aident pas beaucoup.
server-password-suggest-uppercase = Tout en majuscules est presque aussi facile à deviner que tout en minuscules.
server-password-suggest-reversed = Les mots écrits à l’envers ne sont guère plus difficiles à deviner.
server-password-suggest-substitutions = Les substitutions prévisibles comme « @ » au lieu de « a » n’aident pas beaucoup.
server-password-suggest-longer-pattern = Utilisez un motif de clavier plus long avec davantage de changements de direction.
server-password-suggest-avoid-repeats = Évitez les mots et caractères répétés.
server-password-suggest-avoid-sequences = Évitez les suites.
server-password-suggest-avoid-recent-years = Évitez les années récentes.
server-password-suggest-avoid-your-years = Évitez les années qui vous sont associées.
server-password-suggest-avoid-your-dates = Évitez les dates et années qui vous sont associées.
server-enter-current-password = Saisissez votre mot de passe actuel.
server-reset-link-expired = Ce lien de réinitialisation a expiré. Demandez-en un nouveau.
server-reset-link-invalid = Ce lien de réinitialisation n’est pas (ou plus) valide : il ne fonctionne qu’une fois, et seul le plus récent fonctionne. Demandez-en un nouveau.
server-password-not-correct = Ce mot de passe n’est pas correct.

## Confirming the sign-up address
server-confirm-link-expired = Ce lien de confirmation a expiré. Connectez-vous et demandez-en un nouveau sur la page Confidentialité.
server-confirm-link-invalid = Ce lien de confirmation n’est pas (ou plus) valide : seul le plus récent fonctionne, une seule fois. Connectez-vous pour voir si votre adresse est confirmée.
server-confirm-sign-in-first = Connectez-vous au compte que vous avez créé avec cette adresse, puis rouvrez le lien.
server-confirm-other-account = Ce lien appartient à un autre compte. Déconnectez-vous, connectez-vous au compte que vous avez créé avec cette adresse, puis rouvrez le lien.
server-address-already-confirmed = Votre adresse est déjà confirmée.
server-address-unavailable = Cette adresse ne peut pas être utilisée pour le moment. Choisissez-en une autre.

## Changing the email address
server-email-change-in-progress = Vous avez déjà un changement d’adresse e-mail en cours. Attendez qu’il soit terminé avant d’en demander un autre.
server-email-already-yours = C’est déjà votre adresse e-mail.
server-email-change-password-required = Saisissez votre mot de passe pour changer votre adresse e-mail.
server-cancel-link-invalid = Ce lien d’annulation n’est pas (ou plus) valide : le changement a déjà été annulé, effectué ou refusé.
server-email-confirm-link-invalid = Ce lien de confirmation n’est pas (ou plus) valide. Demandez à nouveau le changement.
server-email-confirm-link-expired = Ce lien de confirmation a expiré. Demandez à nouveau le changement.
server-email-change-unconfirmed = Le client n’a pas encore confirmé la nouvelle adresse ; la demande ne peut qu’être refusée.
server-email-change-address-taken = La nouvelle adresse appartient désormais à un autre compte ; refusez cette demande.

## Profile fields and custom fields
server-fields-twitter-help = Facultatif, par exemple @custodian_help.
server-fields-phone-help = Facultatif. Chiffres avec espaces, + - ( ) autorisés.
server-fields-label-required = Le libellé est obligatoire, 120 caractères au plus.
server-fields-help-too-long = Le texte d’aide ne doit pas dépasser 500 caractères.
server-fields-choice-too-long = Chaque choix ne doit pas dépasser 100 caractères.
server-fields-choices-required = Un champ à choix nécessite au moins un choix, un par ligne.
server-fields-choose-type = Choisissez un type de champ.
server-fields-label-needs-letter = Le libellé doit contenir au moins une lettre ou un chiffre.
server-fields-label-taken = Un champ portant ce libellé existe déjà ici.
server-fields-ticket-label = Ticket : { $label }
server-fields-unknown = Champ inconnu.
server-fields-email-never-editable = L’adresse e-mail est l’identifiant de connexion : elle n’est jamais modifiable ici. Les clients la changent par une demande confirmée.
server-fields-access-at-most = Le rôle « { $role } » peut au plus avoir l’accès « { $access } » à ce champ.
server-email-read-only = Votre adresse e-mail vous sert à vous connecter : elle ne peut donc pas être modifiée sur cette page. Utilisez « Demander un changement d’adresse e-mail » sur votre page Confidentialité : nous confirmons la nouvelle adresse avec vous, puis notre équipe l’applique.
server-field-not-available = Ce champ n’existe pas ou ne vous est pas accessible.
server-field-read-only = « { $field } » est en lecture seule pour vous.
server-field-required = « { $field } » est obligatoire.

## Tickets
server-ticket-closed = Ce ticket est fermé. Veuillez ouvrir un nouveau ticket.
server-ticket-customer-erased = Le client de ce ticket a été effacé : le ticket n’est conservé que pour les statistiques et n’accepte plus de réponses.

## Staff accounts
server-staff-only = Seuls les comptes d’agents et d’administrateurs sont gérés ici ; les clients réinitialisent eux-mêmes leur mot de passe.
server-cannot-disable-self = Vous ne pouvez pas désactiver votre propre compte.
server-last-admin = C’est le dernier administrateur actif : activez ou créez d’abord un autre administrateur.
server-account-disabled-no-reset = Ce compte est désactivé : réactivez-le avant d’envoyer un lien de réinitialisation.

## Signed-in devices
server-device-unknown-browser = Navigateur inconnu
server-device-unknown-system = Système inconnu
server-device-unknown-network = inconnu

## Outbox
server-outbox-token-hidden = [masqué]
