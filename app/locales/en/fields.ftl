# Profile and custom fields: the standard fields' labels, value checks
# (shared by the forms and the server) and the field controls.

fields-label-email = Email
fields-label-name = Name
fields-label-phone = Phone
fields-label-twitter = Twitter/X handle
fields-label-language = Preferred language
fields-label-time-zone = Time zone
fields-label-subject = Subject
fields-label-message = Message

# A field's label with its "required" mark.
fields-required-label = { $label } (required)
fields-hint-encrypted = Stored encrypted.
fields-hint-read-only = Read-only.
fields-yes = Yes
fields-no = No

# Value checks; $label is the field's label.
fields-required = { $label } is required.
fields-too-long = { $label } must be at most { $max } characters.
fields-bad-characters = { $label } contains characters that are not allowed.
fields-one-line = { $label } must be on one line.
fields-one-value = { $label } takes one value.
fields-not-a-number = { $label } must be a number, like 42 or 3.5.
fields-not-a-date = { $label } must be a date as YYYY-MM-DD.
fields-choose-option = Choose one of the options for { $label }.
fields-not-an-option = “{ $value }” is not an option for { $label }.
fields-not-a-checkbox = { $label } is a checkbox.
fields-email-invalid = Enter an email address like name@example.com.
fields-phone-invalid = Enter a phone number with 5 to 20 digits, like +44 20 7946 0958.
fields-twitter-invalid = A Twitter/X handle has up to 15 letters, digits or underscores, like @custodian_help.
fields-password-too-short = Password must be at least { $min } characters.
fields-password-too-long = Password must be at most { $max } characters.
