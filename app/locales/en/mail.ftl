# Every mail the portal sends, in the recipient's language.
# Links and codes are variables; a blank line separates paragraphs.

## Passwords
mail-password-changed-subject = Your password was changed
mail-password-changed-body =
    The password of your { -brand } account was just changed, and every other browser signed in to it was signed out.

    If this was not you, reset your password at once: { $url }/forgot-password
mail-reset-subject = Choose a new password
# The first paragraph of the reset mail, when an administrator sent the link.
mail-reset-why-admin = An administrator of your help desk sent you this link to choose a new password.
# The first paragraph of the reset mail, when the "forgot your password" form was used.
mail-reset-why-self = Someone — hopefully you — asked to reset the password of your { -brand } account.
# $why is one of the two paragraphs above.
mail-reset-body =
    { $why }

    To choose a new password, open this link within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. It works once, and only the newest link works:
    { $link }

    If you did not ask for this, ignore this mail: your password stays as it is.

## Two-factor sign-in, passkeys and recovery codes
mail-two-factor-on-subject = Two-factor sign-in is on
mail-two-factor-on-body = Signing in to your { -brand } account now also needs a code from your authenticator app (or one of your recovery codes). If you did not do this, reset your password and tell your help desk.
mail-two-factor-off-subject = Two-factor sign-in is off
mail-two-factor-off-body = Signing in to your { -brand } account needs only your password again. If you did not do this, reset your password and tell your help desk.
mail-passkey-added-subject = A passkey was added to your account
mail-passkey-added-body = The passkey “{ $name }” can now be used to sign in to your { -brand } account. If you did not add it, remove it on your security page and reset your password.
mail-passkey-removed-subject = A passkey was removed from your account
mail-passkey-removed-body = The passkey “{ $name }” can no longer sign in to your { -brand } account. If you did not remove it, reset your password and tell your help desk.
mail-recovery-code-used-subject = A recovery code was used to sign in
mail-recovery-code-used-body = Someone signed in to your { -brand } account with one of your recovery codes. { $left ->
        [one] { $left } unused code is left.
       *[other] { $left } unused codes are left.
    } If this was not you, reset your password and tell your help desk.

## Confirming the sign-up address
mail-confirm-address-subject = Confirm your email address
mail-confirm-address-body =
    Welcome to { -brand }. To confirm that this address is yours, open this link within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }:
    { $link }

    Until then you can open and read your tickets, but not download your data, ask for your account to be deleted or change your address. An account whose address is not confirmed in time is removed. If you did not sign up, ignore this mail.
# Sent when an account whose address was never confirmed is removed.
mail-unconfirmed-removed-subject = An unconfirmed { -brand } account was removed
# To the address of an unconfirmed account the portal removed.
mail-unconfirmed-removed-body =
    An account was opened at our help desk with this address, but the address was never confirmed with the link we sent. We have removed that account and everything in it.

    If it was yours, you are welcome to sign up again. This is the last mail about it; we keep no copy of this address.
# To someone who confirmed an address an unconfirmed account had used.
mail-address-released-body = Someone had opened an account at our help desk with this address but never confirmed it. Since you have now confirmed the address for your own account, that account and everything in it were removed.

## Email change
# One subject for both mails to the new address.
mail-email-change-subject = About the email address of a { -brand } account
mail-email-change-taken-body =
    Someone asked to move another { -brand } account to this address, but it already belongs to an account, so nothing was changed.

    If that was you and you forgot the password of this address's account, reset it here: { $url }/forgot-password
mail-email-change-confirm-body =
    Someone — hopefully you — asked to use this address for their { -brand } account.

    To confirm, open this link within { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }:
    { $link }

    After you confirm, our team reviews the change. If you did not ask for this, ignore this mail.
mail-email-change-notice-subject = Your email address is about to change
mail-email-change-notice-body =
    Someone signed in to your { -brand } account asked to change its email address to { $address }.

    If that was you, there is nothing to do. If it was not, cancel the change with this link, which also signs out every browser, then reset your password:
    { $link }
mail-email-change-declined-subject = Your email change request was declined
mail-email-change-declined-body =
    We did not change the email address of your account.

    Reason: { $reason }
mail-email-changed-subject = Your email address was changed
mail-email-changed-body = The email address of your { -brand } account is now { $address }. You have been signed out everywhere; sign in with the new address.

## Privacy requests and erasure
mail-request-extended-subject = We need more time for your privacy request
mail-request-extended-body =
    We need more time to handle your request. We will answer by { $due } at the latest.

    Reason: { $reason }
mail-erasure-received-subject = We received your request to delete your account
mail-erasure-received-body = We received your request to delete your account and your data. Our team will review it and answer by { $due } at the latest. You can follow it, or withdraw it, on your privacy page.
mail-erasure-declined-subject = Your request to delete your account was declined
mail-erasure-declined-body =
    We did not delete your account and data.

    Reason: { $reason }

    You may ask again, or lodge a complaint with a data protection authority.
mail-erased-subject = Your data has been erased
# The final mail: this paragraph, the note (if staff wrote one), then mail-erased-body-end.
mail-erased-body-intro = We have erased your { -brand } account and your personal data.
mail-erased-note = Our team's note when approving your request: { $reason }
mail-erased-body-end = This is the last mail you will get from us; we keep no copy of your address. Records we must keep (such as anonymous ticket statistics and the fact that this request was carried out) no longer identify you.
