# Sign-in, sign-up, the start page and the page for unknown addresses.
# These pages are in the small visitor bundle: keep the messages short.

## Sign-in and sign-up
auth-email = Adresse e-mail
auth-password = Mot de passe
auth-own-new-password = Votre nouveau mot de passe personnel
auth-password-hint = Au moins { $min } caractères.
auth-password-hint-strong = Au moins { $min } caractères, et difficile à deviner : quelques mots sans rapport entre eux font très bien l’affaire.
auth-code = Code de votre application d’authentification
auth-code-hint = 6 chiffres, ou l’un de vos codes de récupération.
auth-use-passkey = Utiliser ma clé d’accès
auth-passkey-instead = Se connecter plutôt avec une clé d’accès
auth-enter-email-first = Saisissez d’abord votre adresse e-mail.
auth-forgot-password = Mot de passe oublié ?
auth-new-here = Première visite ?
auth-create-an-account = Créer un compte
auth-sign-up-title = Créez votre compte
auth-sign-up-intro = Votre adresse e-mail vous sert à vous connecter. Nous ne la communiquons jamais.
auth-name = Nom
auth-phone-optional = Téléphone (facultatif)
auth-have-account = Vous avez déjà un compte ?

## The start page
auth-home-title = De l’aide, dans le respect de votre vie privée
auth-home-lead = { -brand } est notre portail client. Suivez vos tickets d’assistance, répondez à notre équipe et gardez la maîtrise des données personnelles que nous détenons à votre sujet.
auth-home-welcome = Bon retour parmi nous, { $name }.
auth-home-go-to-tickets = Accéder à vos tickets
auth-home-tickets-title = Vos tickets
auth-home-tickets-text = Retrouvez toutes vos conversations avec notre équipe au même endroit, et répondez quand cela vous convient.
auth-home-data-title = Vos données
auth-home-data-text = Nous ne conservons que ce dont nous avons besoin pour vous aider, et vous pouvez consulter chaque ticket que nous détenons.
auth-home-session-title = Votre session
auth-home-session-text = Les sessions expirent après une période d’inactivité, et la déconnexion y met fin de notre côté aussi.

## An unknown address
auth-not-found-title = Page introuvable
auth-not-found-text = Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou vous n’y avez pas accès.
auth-not-found-back = Retour à la page d’accueil
