# The account's own security: forgotten and new passwords, two-factor
# sign-in, passkeys, signed-in devices, confirming the sign-up address.

## Forgotten password and reset
account-forgot-sent = Si un compte utilise cette adresse, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Le lien ne fonctionne qu’une fois, pendant 30 minutes.
account-back-to-sign-in = Retour à la connexion
account-forgot-intro = Saisissez l’adresse avec laquelle vous vous connectez. Nous y envoyons un lien pour choisir un nouveau mot de passe.
account-send-link = Envoyer le lien
account-reset-title = Choisissez un nouveau mot de passe
account-reset-done = Votre mot de passe a été modifié, et tous les navigateurs connectés à votre compte ont été déconnectés.
account-new-password = Nouveau mot de passe
account-save-new-password = Enregistrer le nouveau mot de passe

## Security page: password and devices
account-security-title = Connexion et sécurité
account-change-password-title = Modifier mon mot de passe
account-change-password-intro = Tous les autres navigateurs connectés à votre compte sont déconnectés, et nous vous en informons par e-mail.
account-change-password-done = Votre mot de passe a été modifié. Les autres navigateurs ont été déconnectés.
account-current-password = Mot de passe actuel
account-change-password = Modifier le mot de passe
account-your-password = Votre mot de passe
account-devices-title = Appareils connectés
account-devices-browser = Navigateur
account-devices-system = Système
account-devices-network = Réseau
account-devices-signed-in = Connexion
account-devices-last-active = Dernière activité
account-devices-actions = Actions
account-devices-this-browser = Ce navigateur
account-devices-sign-out-others = Déconnecter tous les autres appareils

## Two-factor sign-in with an authenticator app
account-two-factor-title = Connexion à deux facteurs
account-two-factor-on = La connexion à deux facteurs est activée.
account-two-factor-save-codes = Conservez dès maintenant ces codes de récupération en lieu sûr : chacun vous permet de vous connecter une fois si vous perdez votre téléphone, et ils ne seront plus jamais affichés.
account-two-factor-since = Activée depuis le { $date }. { $left ->
    [one] { $left } code de récupération restant.
   *[other] { $left } codes de récupération restants.
}
account-two-factor-stays-on = Votre service d’assistance l’exige pour le personnel : elle reste donc activée.
account-two-factor-off-code = Code de l’application, ou un code de récupération
account-two-factor-turn-off = Désactiver la connexion à deux facteurs
account-two-factor-required = Votre service d’assistance exige la connexion à deux facteurs pour le personnel : configurez-la pour continuer.
account-two-factor-intro = La connexion vous demandera aussi un code à 6 chiffres fourni par une application d’authentification sur votre téléphone (toute application de codes « TOTP »), afin qu’un mot de passe volé ne suffise pas à ouvrir votre compte.
account-two-factor-scan = Scannez ce code avec l’application, ou saisissez la clé à la main :
account-two-factor-qr-alt = Code QR de votre clé d’authentification
account-two-factor-code = Code de l’application
account-two-factor-turn-on = Activer
account-two-factor-set-up = Configurer une application d’authentification

## Confirming the sign-up address
account-confirm-title = Confirmez votre adresse e-mail
account-confirm-done = Merci — votre adresse est confirmée.
account-go-to-my-tickets = Accéder à mes tickets
account-confirm-intro = Confirmez que cette adresse est bien la vôtre et qu’elle appartient à votre compte { -brand }.
account-confirm-button = Confirmer mon adresse
account-confirm-reminder = Veuillez confirmer votre adresse e-mail à l’aide du lien que nous vous avons envoyé. D’ici là, vous ne pouvez ni télécharger vos données, ni demander l’effacement de votre compte, ni modifier votre adresse.
account-confirm-resent = Nous avons envoyé un nouveau lien. Seul le lien le plus récent fonctionne.
account-confirm-resend = Renvoyer le lien

## Passkeys and security keys
account-passkeys-title = Clés d’accès et clés de sécurité
account-passkeys-intro = Une clé d’accès vous connecte grâce au verrouillage d’écran de votre appareil ou à une clé de sécurité — seule, ou après votre mot de passe à la place d’un code.
account-passkeys-added = « { $name } » a été ajoutée.
account-passkeys-empty = Aucune clé d’accès pour l’instant.
# After the passkey's name, separated by " · ".
account-passkeys-added-on = ajoutée le { $time }
account-passkeys-last-used = dernière utilisation le { $time }
account-passkeys-remove = Supprimer
account-passkeys-name = Nom de la nouvelle clé d’accès
account-passkeys-name-placeholder = Ordinateur portable pro
account-passkeys-password = Votre mot de passe (pour ajouter ou supprimer une clé d’accès)
account-passkeys-add = Ajouter une clé d’accès

## The browser's part of a passkey ceremony (also at sign-in)
account-passkey-unsupported = Ce navigateur ne prend pas en charge les clés d’accès.
account-passkey-too-old = Ce navigateur est trop ancien pour les clés d’accès.
account-passkey-cannot-read-request = Ce navigateur n’a pas pu lire la requête du serveur.
account-passkey-cannot-prepare = Ce navigateur n’a pas pu préparer la requête.
account-passkey-cannot-reach = Ce navigateur n’a pas pu accéder à ses clés d’accès.
account-passkey-cannot-start = Ce navigateur n’a pas pu lancer la clé d’accès.
account-passkey-cannot-use = Ce navigateur n’a pas pu utiliser la clé d’accès.
account-passkey-cannot-read-answer = Ce navigateur n’a pas pu lire la réponse de la clé d’accès.
account-passkey-not-used = La clé d’accès n’a pas été utilisée (demande annulée, délai dépassé ou clé absente de cet appareil).
account-passkey-browser-only = Les clés d’accès ne fonctionnent que dans le navigateur.
