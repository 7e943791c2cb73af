# Words the server writes for the person making a request: form errors,
# conflicts, and the texts of read models (activity, privacy requests, fields).


## Choices in forms
server-choose-scope = Choose contacts or tickets.
server-unknown-role = Unknown role.
server-choose-role = Choose a role.
server-choose-access = Choose hidden, read or edit.
server-unknown-status = Unknown status “{ $status }”.
server-choose-status = Choose a status.

## Audit chain verification (shown to admins after “The audit chain is broken at event …:”)
server-audit-event-missing = event { $seq } is missing
server-audit-event-unlinked = event { $seq } does not follow from the event before it
server-audit-event-changed = event { $seq } was changed after it was written
server-audit-events-missing = events { $first } to { $last } are missing
server-audit-events-unrecorded = events after { $seq } are not recorded in the chain head
server-audit-head-mismatch = the chain head does not match event { $seq }

## Audit log and “Activity on my data”
server-enter-date = Enter a date as YYYY-MM-DD.
server-unknown-action = Unknown action.
server-end-before-start = The end date is before the start date.
server-activity-you = You
server-activity-staff = { $name } ({ $role })
server-activity-someone-else = Someone else
server-activity-not-signed-in = Someone who was not signed in

## Privacy requests as the customer and staff read them
server-request-summary-erasure-reason = Delete my account and data — "{ $reason }"
server-request-summary-erasure = Delete my account and data
server-request-summary-email-to = Change email to { $email }
server-request-summary-email = Change email address
server-request-step-received = Received
server-request-step-extended = { $status } (deadline extended)
server-request-by-password = Identity confirmed by password
server-request-by-customer = The customer
server-request-by-team = Our team ({ $name })
server-request-by-link = Confirmation link
server-request-by-job = Erasure job
server-choose-status-from-list = Choose a status from the list.
server-choose-kind-from-list = Choose a kind from the list.

## Privacy requests: withdrawing, extending, reasons
server-reason-too-long = The reason must be at most 2000 characters.
server-request-not-withdrawable = This request can no longer be withdrawn: it is { $status }.
server-extension-reason-required = Give the customer a reason for the extension; they will see it.
server-extension-not-open = Only a request that is still waiting for a decision can be extended.
server-extension-at-most = This request was already extended by the most the law allows (two months).
server-extension-one-more-month = It can be extended by one more month only.
server-extension-months = Extend by one or two months.

## Notes the portal writes on a request’s steps
server-note-on-hold = A legal obligation requires us to keep your data for now. We will continue as soon as it ends.
server-note-closed-by-erasure = Closed: the account is being erased.
server-note-link-expired = The confirmation link expired.
server-note-cancelled-from-old-address = Cancelled with the link sent to the old address.
server-note-extended =
    { $months ->
        [one] Deadline extended by { $months } month to { $due }: { $reason }
       *[other] Deadline extended by { $months } months to { $due }: { $reason }
    }

## Erasure, redaction
server-redaction-reason-required = Give the reason for the redaction.
server-redaction-too-long = The new text is too long.
server-redaction-held = A legal hold is placed on this ticket's customer: their messages must be kept as they are until it is lifted.
server-redaction-erased = This ticket's customer was erased: the message is already unreadable.
server-erasure-already-asked = You have already asked us to delete your account. You can follow that request below; there is no need to ask again.
server-approval-reason-required = Give the reason for the approval; the customer sees it.
server-rejection-reason-required = Give the customer a reason for the rejection.
server-request-already-decided = This request has already been decided.
server-erase-customer-reason-required = Give the reason for erasing this customer.
server-customer-already-erased-or-erasing = This customer has already been erased (or is being erased).
server-erase-ticket-reason-required = Give the reason for deleting this ticket.
server-ticket-already-deleting = This ticket is already being deleted.
server-recheck-not-needed = Only an erasure that needs attention can be checked again.
server-choose-tickets-policy = Choose whether erased customers' tickets are deleted or kept anonymised.

## What erasing a customer will do (preview for staff)
server-preview-profile = Profile (name, phone, profile fields)
server-preview-profile-outcome = Deleted; the account keeps only the pseudonym
server-preview-key = Personal data key
server-preview-key-outcome = Destroyed first: everything sealed under it becomes unreadable, in backups and old exports too
server-preview-tickets = Tickets
server-preview-deleted = Deleted
server-preview-tickets-kept = Kept anonymised for reporting (status and dates)
server-preview-messages = Messages in their tickets
server-preview-messages-kept = Kept as unreadable ciphertext
server-preview-field-values = Custom field values
server-preview-sessions = Sessions
server-preview-ended = Ended
server-preview-their-exports = Their data exports
server-preview-admin-exports = Admin exports of every module
server-preview-admin-exports-outcome = Deleted (they contain this customer)
server-preview-mail = Mail to them
server-preview-mail-outcome = Deleted, with the address; a last mail tells them it is done
server-preview-requests = Privacy requests
server-preview-requests-outcome = Kept as a record of what was asked and done; details unreadable
server-preview-audit-events = Audit events about them
server-preview-audit-events-outcome = Kept (the chain stays valid); their personal values shredded
server-mentions-block-approval =
    { $count ->
        [one] { $count } message in other customers' tickets still contain this customer's email or phone. Redact them first (see "Mentions" on this page), then approve.
       *[other] { $count } messages in other customers' tickets still contain this customer's email or phone. Redact them first (see "Mentions" on this page), then approve.
    }

## The final check of an erasure: what is still there
server-check-ticket-exists = The ticket still exists.
server-check-ticket-messages =
    { $count ->
        [one] { $count } messages of the ticket still exist.
       *[other] { $count } messages of the ticket still exist.
    }
server-check-key-exists = The personal data key still exists in the key store.
server-check-profile-data = The account still holds profile data.
server-check-sessions =
    { $count ->
        [one] { $count } sessions are still open.
       *[other] { $count } sessions are still open.
    }
server-check-links =
    { $count ->
        [one] { $count } reset or confirmation links still work.
       *[other] { $count } reset or confirmation links still work.
    }
server-check-passkeys =
    { $count ->
        [one] { $count } passkeys are still registered.
       *[other] { $count } passkeys are still registered.
    }
server-check-exports =
    { $count ->
        [one] { $count } data exports still exist.
       *[other] { $count } data exports still exist.
    }
server-check-archive-files =
    { $count ->
        [one] { $count } copy of archives that held their data is still stored (on disk or in the database).
       *[other] { $count } copies of archives that held their data are still stored (on disk or in the database).
    }
server-check-tickets =
    { $count ->
        [one] { $count } tickets still exist.
       *[other] { $count } tickets still exist.
    }
server-check-identifiers-unreadable = The identifiers to check for are unreadable; the check cannot run.
server-check-index-entries =
    { $count ->
        [one] { $count } entry of their texts are still in the search index.
       *[other] { $count } entries of their texts are still in the search index.
    }
server-check-email-on-account = The email address is still on an account.
server-check-mails =
    { $count ->
        [one] { $count } mail still hold the email address.
       *[other] { $count } mails still hold the email address.
    }
server-check-sign-in-records =
    { $count ->
        [one] { $count } sign-in records still hold the email address.
       *[other] { $count } sign-in records still hold the email address.
    }
server-check-field-values =
    { $count ->
        [one] { $count } custom field value of other records still name them.
       *[other] { $count } custom field values of other records still name them.
    }
server-check-subjects-email =
    { $count ->
        [one] { $count } subject line of other customers' tickets contain their email.
       *[other] { $count } subject lines of other customers' tickets contain their email.
    }
server-check-subjects-phone =
    { $count ->
        [one] { $count } subject line of other customers' tickets contain their phone.
       *[other] { $count } subject lines of other customers' tickets contain their phone.
    }
server-check-subjects-name =
    { $count ->
        [one] { $count } subject line of other customers' tickets contain their name.
       *[other] { $count } subject lines of other customers' tickets contain their name.
    }
server-check-messages-email =
    { $count ->
        [one] { $count } message in other customers' tickets contain their email.
       *[other] { $count } messages in other customers' tickets contain their email.
    }
server-check-messages-phone =
    { $count ->
        [one] { $count } message in other customers' tickets contain their phone.
       *[other] { $count } messages in other customers' tickets contain their phone.
    }
server-check-messages-name =
    { $count ->
        [one] { $count } message in other customers' tickets contain their name.
       *[other] { $count } messages in other customers' tickets contain their name.
    }

## Legal holds
server-hold-blocks-erasure = A legal hold is placed on this customer: nothing of theirs may be erased until it is lifted.
server-hold-reason-required = Give the reason for the hold (e.g. the proceedings it is for).
server-hold-enter-end-date = Enter the end date as YYYY-MM-DD, or leave it empty.
server-date-does-not-exist = That date does not exist.
server-end-date-in-future = The end date must be in the future.
server-hold-already-placed = This customer is already under a legal hold.
server-customer-already-erased = This customer has already been erased.
server-hold-not-placed = This customer is not under a legal hold.

## Placeholders for values that cannot be shown
server-erased = [erased]
server-unreadable = [unreadable]

## Passkeys and two-factor sign-in
server-passkeys-need-domain = Passkeys need the portal to be reached by a domain name, not the address { $address }: set CUSTODIAN_PUBLIC_URL to a name such as http://localhost:3000.
server-passkeys-at-most = You have { $max } passkeys: remove one before adding another.
server-passkey-name-required = Give the passkey a name of at most 100 characters, such as “Work laptop”.
server-passkey-answer-unreadable = The browser's answer could not be read. Try again.
server-passkey-registration-expired = This registration has expired. Start again.
server-passkey-not-verified = The passkey could not be verified. Try again.
server-passkey-already-registered = This passkey is already registered.
server-passkey-last-factor = Your help desk requires two-factor sign-in for staff: add another passkey or an authenticator app before removing this one.
server-second-factor-not-recent = To add another way of signing in, sign out and sign in again with your passkey or authenticator app, then come back within { $minutes } minutes.
server-two-factor-already-on-move = Two-factor sign-in is already on. Turn it off first to move it to another app.
server-two-factor-no-pending-secret = Start the set-up again: there is no pending authenticator secret.
server-two-factor-already-on = Two-factor sign-in is already on.
server-two-factor-wrong-code = That code is not right. Check the time on your phone and enter the code the app shows now.
server-two-factor-required-for-staff = Your help desk requires two-factor sign-in for staff: add a passkey before turning the app off.
server-wrong-or-used-code = That code is not right, or was used already. Enter the code your app shows now, or a recovery code.

## Passwords and sign-in
server-passkey-not-accepted-use-code = That passkey was not accepted. Try again, or use a code from your authenticator app.
server-passkey-not-accepted-use-password = That passkey was not accepted. Try again, or sign in with your password.
server-password-same-as-old = Choose a password different from the old one.
server-password-too-easy = This password is too easy to guess.
server-password-warning-straight-rows = Straight rows of keys are easy to guess.
server-password-warning-short-patterns = Short keyboard patterns are easy to guess.
server-password-warning-repeats = Repeats like "aaa" are easy to guess.
server-password-warning-repeated-groups = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
server-password-warning-top10 = This is a top-10 common password.
server-password-warning-top100 = This is a top-100 common password.
server-password-warning-common = This is a very common password.
server-password-warning-similar = This is similar to a commonly used password.
server-password-warning-sequences = Sequences like abc or 6543 are easy to guess.
server-password-warning-recent-years = Recent years are easy to guess.
server-password-warning-word = A word by itself is easy to guess.
server-password-warning-dates = Dates are often easy to guess.
server-password-warning-names = Names and surnames by themselves are easy to guess.
server-password-warning-common-names = Common names and surnames are easy to guess.
server-password-suggest-few-words = Use a few words, avoid common phrases.
server-password-suggest-no-symbols = No need for symbols, digits, or uppercase letters.
server-password-suggest-another-word = Add another word or two. Uncommon words are better.
server-password-suggest-capitalization = Capitalization doesn't help very much.
server-password-suggest-uppercase = All-uppercase is almost as easy to guess as all-lowercase.
server-password-suggest-reversed = Reversed words aren't much harder to guess.
server-password-suggest-substitutions = Predictable substitutions like '@' instead of 'a' don't help very much.
server-password-suggest-longer-pattern = Use a longer keyboard pattern with more turns.
server-password-suggest-avoid-repeats = Avoid repeated words and characters.
server-password-suggest-avoid-sequences = Avoid sequences.
server-password-suggest-avoid-recent-years = Avoid recent years.
server-password-suggest-avoid-your-years = Avoid years that are associated with you.
server-password-suggest-avoid-your-dates = Avoid dates and years that are associated with you.
server-enter-current-password = Enter your current password.
server-reset-link-expired = This reset link has expired. Ask for a new one.
server-reset-link-invalid = This reset link is not valid (any more): it works once, and only the newest one works. Ask for a new one.
server-password-not-correct = That password is not correct.

## Confirming the sign-up address
server-confirm-link-expired = This confirmation link has expired. Sign in and ask for a new one on the Privacy page.
server-confirm-link-invalid = This confirmation link is not valid (any more): only the newest one works, once. Sign in to see whether your address is confirmed.
server-confirm-sign-in-first = Sign in to the account you created with this address, then open the link again.
server-confirm-other-account = This link belongs to another account. Sign out, sign in to the account you created with this address, then open the link again.
server-address-already-confirmed = Your address is already confirmed.
server-address-unavailable = That address cannot be used right now. Choose another one.

## Changing the email address
server-email-change-in-progress = You already have an email change in progress. Wait for it to finish before asking for another.
server-email-already-yours = That is already your email address.
server-email-change-password-required = Enter your password to change your email address.
server-cancel-link-invalid = This cancel link is not valid (any more): the change was already cancelled, carried out or rejected.
server-email-confirm-link-invalid = This confirmation link is not valid (any more). Ask for the change again.
server-email-confirm-link-expired = This confirmation link has expired. Ask for the change again.
server-email-change-unconfirmed = The customer has not confirmed the new address yet; it can only be rejected.
server-email-change-address-taken = The new address now belongs to another account; reject this request.

## Profile fields and custom fields
server-fields-twitter-help = Optional, like @custodian_help.
server-fields-phone-help = Optional. Digits with spaces, + - ( ) allowed.
server-fields-label-required = Label is required, at most 120 characters.
server-fields-help-too-long = Help text must be at most 500 characters.
server-fields-choice-too-long = Each choice must be at most 100 characters.
server-fields-choices-required = A choice field needs at least one choice, one per line.
server-fields-choose-type = Choose a field type.
server-fields-label-needs-letter = The label needs at least one letter or digit.
server-fields-label-taken = A field with this label already exists here.
server-fields-ticket-label = Ticket: { $label }
server-fields-unknown = Unknown field.
server-fields-email-never-editable = The email address is the login identifier: it is never editable here. Customers change it through a confirmed request.
server-fields-access-at-most = { $role }s can at most { $access } this field.
server-email-read-only = Your email address is how you sign in, so it cannot be changed on this page. Use “Request an email change” on your privacy page: we confirm the new address with you, then our team applies it.
server-field-not-available = This field does not exist or is not available to you.
server-field-read-only = { $field } is read-only for you.
server-field-required = { $field } is required.

## Tickets
server-ticket-closed = This ticket is closed. Please open a new ticket.
server-ticket-customer-erased = This ticket's customer was erased: the ticket is kept only for reporting and takes no more replies.

## Staff accounts
server-staff-only = Only agent and admin accounts are managed here; customers reset their own password.
server-cannot-disable-self = You cannot disable your own account.
server-last-admin = This is the last active admin: enable or create another admin first.
server-account-disabled-no-reset = This account is disabled: enable it before sending a reset link.

## Signed-in devices
server-device-unknown-browser = Unknown browser
server-device-unknown-system = Unknown system
server-device-unknown-network = unknown

## Outbox
server-outbox-token-hidden = [hidden]
