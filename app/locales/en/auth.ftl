# Sign-in, sign-up, the start page and the page for unknown addresses.
# These pages are in the small visitor bundle: keep the messages short.

## Sign-in and sign-up
auth-email = Email
auth-password = Password
auth-own-new-password = Your own new password
auth-password-hint = At least { $min } characters.
auth-password-hint-strong = At least { $min } characters, and hard to guess: a few unrelated words work well.
auth-code = Code from your authenticator app
auth-code-hint = 6 digits, or one of your recovery codes.
auth-use-passkey = Use my passkey
auth-passkey-instead = Sign in with a passkey instead
auth-enter-email-first = Enter your email address first.
auth-forgot-password = Forgot your password?
auth-new-here = New here?
auth-create-an-account = Create an account
auth-sign-up-title = Create your account
auth-sign-up-intro = Your email address is how you sign in. We never share it.
auth-name = Name
auth-phone-optional = Phone (optional)
auth-have-account = Already have an account?

## The start page
auth-home-title = Help, with your privacy in mind
auth-home-lead = { -brand } is our customer portal. Follow your support tickets, answer our team, and stay in control of the personal data we hold about you.
auth-home-welcome = Welcome back, { $name }.
auth-home-go-to-tickets = Go to your tickets
auth-home-tickets-title = Your tickets
auth-home-tickets-text = See every conversation with our team in one place, and reply when it suits you.
auth-home-data-title = Your data
auth-home-data-text = We keep only what we need to help you, and you can see every ticket we hold.
auth-home-session-title = Your session
auth-home-session-text = Sessions end after inactivity, and signing out ends them on our side too.

## An unknown address
auth-not-found-title = Page not found
auth-not-found-text = There is nothing at this address. It may have moved, or you may not have access to it.
auth-not-found-back = Back to the start page
