# What an error says to people, by its code (AppError). Validation and
# conflict messages are written by the server in the request's language.
error-not-signed-in = Please sign in to continue.
error-forbidden = You do not have permission to do that.
error-not-found = We could not find that.
error-invalid-fields = Some fields need attention:
error-invalid-credentials = The email or password is not correct.
error-password-change-required = Choose your own password to continue: the one you were given is only for the first sign-in.
error-second-factor-both = Use your passkey, or enter the 6-digit code from your authenticator app (or a recovery code).
error-second-factor-passkey = Use your passkey to finish signing in.
error-second-factor-code = Enter the 6-digit code from your authenticator app, or one of your recovery codes.
error-two-factor-setup-required = Set up two-factor sign-in first: your help desk requires it for staff. Go to Security in the menu.
error-email-not-confirmed = Confirm your email address first: open the link we mailed you when you signed up (the Privacy page can send it again).
error-account-disabled = This account has been disabled. Ask an administrator of your help desk to enable it again.
error-rate-limited = { $minutes ->
    [one] Too many attempts. Please wait a minute and try again.
   *[other] Too many attempts. Please wait { $minutes } minutes and try again.
}
error-email-taken = An account with this email address already exists. Sign in instead.
error-cross-site = This request came from another site and was blocked. Please use the portal directly.
error-internal = Something went wrong on our side. Please try again; if it keeps happening, give our team this reference.
error-busy = The portal is very busy right now. Please try again in a moment.
error-storage-full = The portal has run out of storage space, so nothing was saved. Please try again later; if it keeps happening, give our team this reference.
error-unavailable = The portal cannot reach its database right now. Please try again in a moment; if it keeps happening, give our team this reference.
error-moving = The portal is moving to a new database; changes are paused. Please try again in a moment.
error-transport = The request could not be sent. Check your connection and try again.
error-invalid-request = The request was not understood. Reload the page and try again.
