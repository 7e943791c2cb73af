# Profile and custom fields: the standard fields' labels, value checks
# (shared by the forms and the server) and the field controls.

fields-label-email = Adresse e-mail
fields-label-name = Nom
fields-label-phone = Téléphone
fields-label-twitter = Identifiant Twitter/X
fields-label-language = Langue préférée
fields-label-time-zone = Fuseau horaire
fields-label-subject = Objet
fields-label-message = Message

# A field's label with its "required" mark.
fields-required-label = { $label } (obligatoire)
fields-hint-encrypted = Stocké de manière chiffrée.
fields-hint-read-only = Lecture seule.
fields-yes = Oui
fields-no = Non

# Value checks; $label is the field's label.
fields-required = Le champ « { $label } » est obligatoire.
fields-too-long = Le champ « { $label } » ne doit pas dépasser { $max } caractères.
fields-bad-characters = Le champ « { $label } » contient des caractères non autorisés.
fields-one-line = Le champ « { $label } » doit tenir sur une seule ligne.
fields-one-value = Le champ « { $label } » n’accepte qu’une seule valeur.
fields-not-a-number = Le champ « { $label } » doit être un nombre, par exemple 42 ou 3.5 (avec un point).
fields-not-a-date = Le champ « { $label } » doit être une date au format AAAA-MM-JJ.
fields-choose-option = Veuillez choisir l’une des options pour « { $label } ».
fields-not-an-option = « { $value } » n’est pas une option valable pour « { $label } ».
fields-not-a-checkbox = Le champ « { $label } » est une case à cocher.
fields-email-invalid = Veuillez saisir une adresse e-mail comme nom@example.com.
fields-phone-invalid = Veuillez saisir un numéro de téléphone de 5 à 20 chiffres, par exemple +33 1 42 68 53 00.
fields-twitter-invalid = Un identifiant Twitter/X comporte jusqu’à 15 lettres, chiffres ou traits de soulignement, par exemple @custodian_help.
fields-password-too-short = Le mot de passe doit contenir au moins { $min } caractères.
fields-password-too-long = Le mot de passe ne doit pas dépasser { $max } caractères.
