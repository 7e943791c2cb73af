# Profile and custom fields: the standard fields' labels, value checks
# (shared by the forms and the server) and the field controls.

fields-label-email = E-Mail-Adresse
fields-label-name = Name
fields-label-phone = Telefon
fields-label-twitter = Twitter/X-Name
fields-label-language = Bevorzugte Sprache
fields-label-time-zone = Zeitzone
fields-label-subject = Betreff
fields-label-message = Nachricht

# A field's label with its "required" mark.
fields-required-label = { $label } (Pflichtfeld)
fields-hint-encrypted = Wird verschlüsselt gespeichert.
fields-hint-read-only = Nur lesbar.
fields-yes = Ja
fields-no = Nein

# Value checks; $label is the field's label.
fields-required = „{ $label }“ ist ein Pflichtfeld.
fields-too-long = „{ $label }“ darf höchstens { $max } Zeichen lang sein.
fields-bad-characters = „{ $label }“ enthält unzulässige Zeichen.
fields-one-line = „{ $label }“ muss in einer Zeile stehen.
fields-one-value = „{ $label }“ nimmt nur einen Wert an.
fields-not-a-number = „{ $label }“ muss eine Zahl sein, z. B. 42 oder 3.5 (mit Punkt).
fields-not-a-date = „{ $label }“ muss ein Datum im Format JJJJ-MM-TT sein.
fields-choose-option = Bitte wählen Sie eine der Optionen für „{ $label }“.
fields-not-an-option = „{ $value }“ ist keine Option für „{ $label }“.
fields-not-a-checkbox = „{ $label }“ ist ein Kontrollkästchen.
fields-email-invalid = Bitte geben Sie eine E-Mail-Adresse wie name@example.com ein.
fields-phone-invalid = Bitte geben Sie eine Telefonnummer mit 5 bis 20 Ziffern ein, z. B. +49 30 901820.
fields-twitter-invalid = Ein Twitter/X-Name besteht aus bis zu 15 Buchstaben, Ziffern oder Unterstrichen, z. B. @custodian_help.
fields-password-too-short = Das Passwort muss mindestens { $min } Zeichen lang sein.
fields-password-too-long = Das Passwort darf höchstens { $max } Zeichen lang sein.
