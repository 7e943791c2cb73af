# The account's own security: forgotten and new passwords, two-factor
# sign-in, passkeys, signed-in devices, confirming the sign-up address.

## Forgotten password and reset
account-forgot-sent = If an account uses this address, we sent it a link to choose a new password. The link works once, for 30 minutes.
account-back-to-sign-in = Back to sign in
account-forgot-intro = Enter the address you sign in with. We mail it a link to choose a new password.
account-send-link = Send the link
account-reset-title = Choose a new password
account-reset-done = Your password is changed, and every browser signed in to your account was signed out.
account-new-password = New password
account-save-new-password = Save the new password

## Security page: password and devices
account-security-title = Sign-in and security
account-change-password-title = Change my password
account-change-password-intro = Every other browser signed in to your account is signed out, and we mail you a note.
account-change-password-done = Your password is changed. Other browsers were signed out.
account-current-password = Current password
account-change-password = Change password
account-your-password = Your password
account-devices-title = Signed-in devices
account-devices-browser = Browser
account-devices-system = System
account-devices-network = Network
account-devices-signed-in = Signed in
account-devices-last-active = Last active
account-devices-actions = Actions
account-devices-this-browser = This browser
account-devices-sign-out-others = Sign out all other devices

## Two-factor sign-in with an authenticator app
account-two-factor-title = Two-factor sign-in
account-two-factor-on = Two-factor sign-in is on.
account-two-factor-save-codes = Save these recovery codes somewhere safe now: each one signs you in once if you lose your phone, and they are never shown again.
account-two-factor-since = On since { $date }. { $left ->
    [one] { $left } recovery code left.
   *[other] { $left } recovery codes left.
}
account-two-factor-stays-on = Your help desk requires it for staff, so it stays on.
account-two-factor-off-code = Code from the app, or a recovery code
account-two-factor-turn-off = Turn off two-factor sign-in
account-two-factor-required = Your help desk requires two-factor sign-in for staff: set it up to continue.
account-two-factor-intro = Signing in will also ask for a 6-digit code from an authenticator app on your phone (any app for “TOTP” codes), so a stolen password alone cannot open your account.
account-two-factor-scan = Scan this code with the app, or type the key in by hand:
account-two-factor-qr-alt = QR code of your authenticator key
account-two-factor-code = Code from the app
account-two-factor-turn-on = Turn on
account-two-factor-set-up = Set up an authenticator app

## Confirming the sign-up address
account-confirm-title = Confirm your email address
account-confirm-done = Thank you — your address is confirmed.
account-go-to-my-tickets = Go to my tickets
account-confirm-intro = Confirm that this address is yours and belongs to your { -brand } account.
account-confirm-button = Confirm my address
account-confirm-reminder = Please confirm your email address with the link we mailed you. Until then you cannot download your data, ask for your account to be deleted, or change your address.
account-confirm-resent = We sent a new link. Only the newest link works.
account-confirm-resend = Send the link again

## Passkeys and security keys
account-passkeys-title = Passkeys and security keys
account-passkeys-intro = A passkey signs you in with your device's screen lock or a security key — on its own, or after your password instead of a code.
account-passkeys-added = Added “{ $name }”.
account-passkeys-empty = No passkeys yet.
# After the passkey's name, separated by " · ".
account-passkeys-added-on = added { $time }
account-passkeys-last-used = last used { $time }
account-passkeys-remove = Remove
account-passkeys-name = Name for a new passkey
account-passkeys-name-placeholder = Work laptop
account-passkeys-password = Your password (to add or remove a passkey)
account-passkeys-add = Add a passkey

## The browser's part of a passkey ceremony (also at sign-in)
account-passkey-unsupported = This browser does not support passkeys.
account-passkey-too-old = This browser is too old for passkeys.
account-passkey-cannot-read-request = This browser could not read the server's request.
account-passkey-cannot-prepare = This browser could not prepare the request.
account-passkey-cannot-reach = This browser could not reach its passkeys.
account-passkey-cannot-start = This browser could not start the passkey.
account-passkey-cannot-use = This browser could not use the passkey.
account-passkey-cannot-read-answer = This browser could not read the passkey's answer.
account-passkey-not-used = The passkey was not used (cancelled, timed out, or not on this device).
account-passkey-browser-only = Passkeys work in the browser only.
