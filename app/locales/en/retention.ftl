# Retention: the policy, its cleanup, and what customers are told.

## Settings page
retention-title = Retention
retention-intro = How long the portal keeps what. A cleanup applies this on its cycle; legal holds are respected (held customers and their tickets are skipped).
retention-tickets-legend = Solved and closed tickets
retention-tickets-after = Remove their content this many months after the last update (0 keeps them)
retention-tickets-anonymise = Anonymise: subject and messages go, the record (status, dates, team) stays
retention-tickets-delete = Delete the ticket
retention-accounts-legend = Unused customer accounts
retention-inactive-after = Close accounts not signed in to for this many months (0 never closes them)
retention-notice-days = Mail the customer this many days before (signing in keeps the account)
retention-purge-closed = Erase closed accounts at the next cleanup
retention-exports-legend = Data export archives
retention-export-hours = Hours an archive can be downloaded (empty: the server's default, { $hours })
retention-cycle-legend = Cleanup
retention-cycle = The cleanup runs
retention-cycle-1 = daily
retention-cycle-7 = weekly
retention-cycle-30 = monthly
retention-cycle-91 = every three months
retention-cycle-182 = every six months
retention-cycle-365 = yearly
retention-backups-legend = Backups (custodian backup)
retention-backup-main-days = Days a main database copy is kept
retention-backup-keys-days = Days a key store copy is kept (at most 90: after that no backup can be read for an erased customer)
retention-saved = Retention saved.

## The next cleanup
retention-preview-title = The next cleanup
retention-preview-date = The next cleanup runs on { $date }.
retention-preview-tickets-anonymise = { $count ->
    [one] It will anonymise one ticket.
   *[other] It will anonymise { $count } tickets.
}
retention-preview-tickets-delete = { $count ->
    [one] It will delete one ticket.
   *[other] It will delete { $count } tickets.
}
retention-preview-close = { $count ->
    [one] It will close one unused account (notices go out on { $date }).
   *[other] It will close { $count } unused accounts (notices go out on { $date }).
}
retention-preview-close-later = { $count ->
    [one] One more unused account is closed a cleanup later: its notice cannot go out in time.
   *[other] { $count } more unused accounts are closed a cleanup later: their notice cannot go out in time.
}
retention-preview-purge = { $count ->
    [one] It will erase one closed account.
   *[other] It will erase { $count } closed accounts.
}
retention-preview-nothing = As things stand it will change nothing.
retention-preview-held = Skipped because of a legal hold:
retention-preview-more = … and { $count } more.
retention-preview-tickets-heading = Tickets
retention-preview-close-heading = Accounts to close
retention-preview-purge-heading = Accounts to erase
retention-last-run = Last cleanup: { $date }.
retention-never-run = No cleanup has run yet.
retention-last-active = last active { $date }

## Errors
retention-number-between = “{ $field }”: enter a whole number from { $min } to { $max }.
retention-choose-cycle = Choose how often the cleanup runs.
retention-notice-shorter = The notice must go out before the account could be closed: make it shorter than the months unused.

## The notice mail
retention-notice-mail-subject = Your account will be closed
retention-notice-mail-body = { $count ->
    [one] Your account has not been used since { $since }. Accounts unused for a month are closed and then erased, as our retention policy says.
   *[other] Your account has not been used since { $since }. Accounts unused for { $count } months are closed and then erased, as our retention policy says.
}

    It will be closed on { $closing }. To keep it, sign in before then: { $url }

    If you no longer need it, do nothing.

## The customer's privacy page
retention-customer-title = How long we keep your data
retention-customer-tickets = { $count ->
    [one] Solved and closed tickets lose their content (subject and messages) a month after their last update.
   *[other] Solved and closed tickets lose their content (subject and messages) { $count } months after their last update.
}
retention-customer-tickets-kept = Your tickets are kept until you ask us to erase your data.
retention-customer-accounts = { $count ->
    [one] An account nobody signs in to for a month is closed, and erased at the next cleanup. We write to you { $days } days before; signing in keeps it.
   *[other] An account nobody signs in to for { $count } months is closed, and erased at the next cleanup. We write to you { $days } days before; signing in keeps it.
}
retention-customer-accounts-kept = Your account is kept until you ask us to erase it.
retention-customer-exports = { $count ->
    [one] A download of your data can be fetched for one hour, then it is deleted.
   *[other] A download of your data can be fetched for { $count } hours, then it is deleted.
}
retention-customer-backups = Backups are kept { $main } days. The keys that read your data in them are kept { $keys } days, so once you are erased nothing of yours can be read from any backup after that.
retention-customer-why = Why: we keep what we need to answer you and to show what happened to your data, and no longer.

## Where the data lives
region-title = Where the data lives
region-intro = Customers see the region on their privacy page and the privacy notice linked at the foot of every page. Moving the data to another region: custodian transfer (README).
region-label = Region (for example “EU — Frankfurt”)
region-notice-url = Privacy notice link (https://… or a path on this site; empty: no link)
region-database = Main database: { $location }
region-keystore = Key store: { $location }
region-saved = Saved.
region-label-too-long = The region is one line of at most 80 characters.
region-notice-invalid = The privacy notice link starts with https://, http:// or / and has no spaces.
retention-customer-region = Your data is kept in this region: { $region }.
