# What an error says to people, by its code (AppError). Validation and
# conflict messages are written by the server in the request's language.
error-not-signed-in = Veuillez vous connecter pour continuer.
error-forbidden = Vous n’avez pas l’autorisation de faire cela.
error-not-found = Nous n’avons pas trouvé cet élément.
error-invalid-fields = Certains champs sont à corriger :
error-invalid-credentials = L’adresse e-mail ou le mot de passe est incorrect.
error-password-change-required = Choisissez votre propre mot de passe pour continuer : celui qui vous a été donné ne sert qu’à la première connexion.
error-second-factor-both = Utilisez votre clé d’accès, ou saisissez le code à 6 chiffres de votre application d’authentification (ou un code de récupération).
error-second-factor-passkey = Utilisez votre clé d’accès pour terminer la connexion.
error-second-factor-code = Saisissez le code à 6 chiffres de votre application d’authentification, ou l’un de vos codes de récupération.
error-two-factor-setup-required = Configurez d’abord la connexion à deux facteurs : votre service d’assistance l’exige pour le personnel. Ouvrez « Sécurité » dans le menu.
error-email-not-confirmed = Confirmez d’abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé lors de l’inscription (la page Confidentialité peut le renvoyer).
error-account-disabled = Ce compte a été désactivé. Demandez à un administrateur de votre service d’assistance de le réactiver.
error-rate-limited = { $minutes ->
    [one] Trop de tentatives. Veuillez patienter une minute et réessayer.
   *[other] Trop de tentatives. Veuillez patienter { $minutes } minutes et réessayer.
}
error-email-taken = Un compte existe déjà avec cette adresse e-mail. Connectez-vous plutôt.
error-cross-site = Cette requête provenait d’un autre site et a été bloquée. Veuillez utiliser le portail directement.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer ; si cela se reproduit, communiquez cette référence à notre équipe.
error-busy = Le portail est très sollicité en ce moment. Veuillez réessayer dans un instant.
error-storage-full = Le portail n’a plus d’espace de stockage, rien n’a donc été enregistré. Veuillez réessayer plus tard ; si cela se reproduit, communiquez cette référence à notre équipe.
error-unavailable = Le portail ne parvient pas à joindre sa base de données pour le moment. Veuillez réessayer dans un instant ; si cela se reproduit, communiquez cette référence à notre équipe.
error-moving = Le portail déménage vers une nouvelle base de données ; les modifications sont suspendues. Réessayez dans un instant.
error-transport = La requête n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.
error-invalid-request = La requête n’a pas été comprise. Rechargez la page et réessayez.
