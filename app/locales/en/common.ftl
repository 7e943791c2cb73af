# Words every page shares: the header, footer, dates, pager and notices.
-brand = Custodian

brand = { -brand }
footer-tagline = { -brand } — your data, handled with care.
footer-privacy-notice = Privacy notice
footer-language = Language
footer-language-change = Change
nav-main = Main
nav-ticket-queue = Ticket queue
nav-my-tickets = My tickets
nav-new-ticket = New ticket
nav-profile = Profile
nav-privacy = Privacy
nav-activity = Activity on my data
nav-privacy-requests = Privacy requests
nav-team = Staff
nav-roles = Roles
nav-teams = Teams
nav-audit-log = Audit log
nav-keys = Keys
nav-fields = Fields
nav-permissions = Permissions
nav-outbox = Outbox
nav-export = Export
nav-privacy-settings = Privacy settings
nav-retention = Retention
nav-security = Security
nav-settings = Settings
sign-in = Sign in
sign-out = Sign out
create-account = Create account
loading = Loading…
saving = Saving…
save = Save
cancel = Cancel
removed-value = (removed)
pager-label = Pages
pager-newer = ← Newer
pager-older = Older →
pager-position = Page { $page } of { $total }
error-reference = Reference: { $request-id }

# Dates: "30 Nov 2026, 14:05".
date = { $day } { $month } { $year }
date-time = { $date }, { $time }
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
