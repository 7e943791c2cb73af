# The customer's profile page, and the activity on their data.

profile-title = My profile
profile-intro = Keep your details correct. Every change is recorded in your activity.
profile-saved = Your profile was saved.
profile-email-help = Your email is how you sign in, so it can't be changed here.
profile-email-change-link = Request an email change
profile-save = Save profile

activity-title = Activity on my data
activity-intro = Every change to your account, your tickets and your messages, and every sign-in, is recorded here — whether you made it or our team did. Entries cannot be altered afterwards.
activity-loading = Loading activity…
activity-empty = Nothing recorded yet.
# Who made the change.
activity-by = by { $who }
