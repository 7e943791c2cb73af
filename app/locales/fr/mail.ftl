# Every mail the portal sends, in the recipient's language.
# Links and codes are variables; a blank line separates paragraphs.

## Passwords
mail-password-changed-subject = Votre mot de passe a été modifié
mail-password-changed-body =
    Le mot de passe de votre compte { -brand } vient d’être modifié, et tous les autres navigateurs connectés à ce compte ont été déconnectés.

    Si ce n’était pas vous, réinitialisez immédiatement votre mot de passe : { $url }/forgot-password
mail-reset-subject = Choisissez un nouveau mot de passe
mail-reset-why-admin = Un administrateur de votre service d’assistance vous a envoyé ce lien pour que vous choisissiez un nouveau mot de passe.
mail-reset-why-self = Quelqu’un – vous, nous l’espérons – a demandé la réinitialisation du mot de passe de votre compte { -brand }.
mail-reset-body =
    { $why }

    Pour choisir un nouveau mot de passe, ouvrez ce lien dans un délai de { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Il ne fonctionne qu’une fois, et seul le lien le plus récent est valable :
    { $link }

    Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.

## Two-factor sign-in, passkeys and recovery codes
mail-two-factor-on-subject = La connexion à deux facteurs est activée
mail-two-factor-on-body = La connexion à votre compte { -brand } exige désormais aussi un code de votre application d’authentification (ou l’un de vos codes de récupération). Si ce n’était pas vous, réinitialisez votre mot de passe et prévenez votre service d’assistance.
mail-two-factor-off-subject = La connexion à deux facteurs est désactivée
mail-two-factor-off-body = La connexion à votre compte { -brand } n’exige de nouveau que votre mot de passe. Si ce n’était pas vous, réinitialisez votre mot de passe et prévenez votre service d’assistance.
mail-passkey-added-subject = Une clé d’accès a été ajoutée à votre compte
mail-passkey-added-body = La clé d’accès « { $name } » permet désormais de se connecter à votre compte { -brand }. Si vous ne l’avez pas ajoutée, supprimez-la sur votre page Sécurité et réinitialisez votre mot de passe.
mail-passkey-removed-subject = Une clé d’accès a été supprimée de votre compte
mail-passkey-removed-body = La clé d’accès « { $name } » ne permet plus de se connecter à votre compte { -brand }. Si vous ne l’avez pas supprimée, réinitialisez votre mot de passe et prévenez votre service d’assistance.
mail-recovery-code-used-subject = Un code de récupération a été utilisé pour se connecter
mail-recovery-code-used-body = Quelqu’un s’est connecté à votre compte { -brand } avec l’un de vos codes de récupération. { $left ->
        [0] Il ne vous reste aucun code inutilisé.
        [one] Il vous reste { $left } code inutilisé.
       *[other] Il vous reste { $left } codes inutilisés.
    } Si ce n’était pas vous, réinitialisez votre mot de passe et prévenez votre service d’assistance.

## Confirming the sign-up address
mail-confirm-address-subject = Confirmez votre adresse e-mail
mail-confirm-address-body =
    Bienvenue sur { -brand }. Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien dans un délai de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } :
    { $link }

    D’ici là, vous pouvez ouvrir et lire vos tickets, mais vous ne pouvez ni télécharger vos données, ni demander la suppression de votre compte, ni modifier votre adresse. Un compte dont l’adresse n’est pas confirmée à temps est supprimé. Si vous ne vous êtes pas inscrit, ignorez cet e-mail.
mail-unconfirmed-removed-subject = Un compte { -brand } non confirmé a été supprimé
mail-unconfirmed-removed-body =
    Un compte a été ouvert auprès de notre service d’assistance avec cette adresse, mais l’adresse n’a jamais été confirmée à l’aide du lien que nous avons envoyé. Nous avons supprimé ce compte et tout son contenu.

    S’il s’agissait du vôtre, vous pouvez tout à fait vous inscrire à nouveau. Ceci est le dernier e-mail à ce sujet ; nous ne conservons aucune copie de cette adresse.
mail-address-released-body = Quelqu’un avait ouvert un compte auprès de notre service d’assistance avec cette adresse, sans jamais la confirmer. Comme vous venez de confirmer cette adresse pour votre propre compte, ce compte et tout son contenu ont été supprimés.

## Email change
mail-email-change-subject = À propos de l’adresse e-mail d’un compte { -brand }
mail-email-change-taken-body =
    Quelqu’un a demandé à transférer un autre compte { -brand } vers cette adresse, mais elle appartient déjà à un compte : rien n’a donc été modifié.

    Si c’était vous et que vous avez oublié le mot de passe du compte associé à cette adresse, réinitialisez-le ici : { $url }/forgot-password
mail-email-change-confirm-body =
    Quelqu’un – vous, nous l’espérons – a demandé à utiliser cette adresse pour son compte { -brand }.

    Pour confirmer, ouvrez ce lien dans un délai de { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    } :
    { $link }

    Une fois votre confirmation reçue, notre équipe examine la modification. Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail.
mail-email-change-notice-subject = Votre adresse e-mail est sur le point d’être modifiée
mail-email-change-notice-body =
    Une personne connectée à votre compte { -brand } a demandé à remplacer son adresse e-mail par { $address }.

    Si c’était vous, vous n’avez rien à faire. Sinon, annulez la modification avec ce lien, qui déconnecte aussi tous les navigateurs, puis réinitialisez votre mot de passe :
    { $link }
mail-email-change-declined-subject = Votre demande de modification d’adresse e-mail a été refusée
mail-email-change-declined-body =
    Nous n’avons pas modifié l’adresse e-mail de votre compte.

    Motif : { $reason }
mail-email-changed-subject = Votre adresse e-mail a été modifiée
mail-email-changed-body = L’adresse e-mail de votre compte { -brand } est désormais { $address }. Vous avez été déconnecté partout ; connectez-vous avec la nouvelle adresse.

## Privacy requests and erasure
mail-request-extended-subject = Nous avons besoin de plus de temps pour votre demande RGPD
mail-request-extended-body =
    Nous avons besoin de plus de temps pour traiter votre demande. Nous vous répondrons au plus tard le { $due }.

    Motif : { $reason }
mail-erasure-received-subject = Nous avons bien reçu votre demande de suppression de compte
mail-erasure-received-body = Nous avons bien reçu votre demande de suppression de votre compte et de vos données. Notre équipe va l’examiner et vous répondra au plus tard le { $due }. Vous pouvez la suivre, ou la retirer, sur votre page Confidentialité.
mail-erasure-declined-subject = Votre demande de suppression de compte a été refusée
mail-erasure-declined-body =
    Nous n’avons pas supprimé votre compte ni vos données.

    Motif : { $reason }

    Vous pouvez renouveler votre demande, ou introduire une réclamation auprès d’une autorité de protection des données.
mail-erased-subject = Vos données ont été effacées
mail-erased-body-intro = Nous avons effacé votre compte { -brand } et vos données personnelles.
mail-erased-note = Note de notre équipe lors de l’approbation de votre demande : { $reason }
mail-erased-body-end = Ceci est le dernier e-mail que vous recevrez de notre part ; nous ne conservons aucune copie de votre adresse. Les informations que nous devons conserver (telles que des statistiques anonymes sur les tickets et la trace de l’exécution de cette demande) ne permettent plus de vous identifier.
