# The customer's privacy page, confirming or cancelling an email change,
# "Download my data", and what every privacy request shows (due date, history).

## A request's due date and history
privacy-due = Due { $date }
privacy-due-extended = Due { $date } (extended by { $months ->
        [one] { $months } month
       *[other] { $months } months
    })
privacy-due-overdue = — overdue
privacy-due-soon = — due within 7 days
privacy-history-reason = Reason: { $reason }

## The customer's privacy page
privacy-title = Privacy
privacy-password = Your password
privacy-email-title = Change my email address
privacy-email-intro = Your email is how you sign in. We send a confirmation link to the new address and a note with a cancel link to your current one; after you confirm, our team applies the change and you sign in with the new address.
privacy-email-sent = We sent a confirmation link to the new address. Open it to continue. (If that address cannot be used, its mailbox is told instead.)
privacy-email-new = New email address
privacy-email-submit = Request the change
privacy-my-requests = My requests
privacy-no-requests = You have no requests.
privacy-received = Received { $date }
privacy-withdraw = Withdraw this request

## Deleting one's account (erasure, GDPR Art. 17)
privacy-delete-title = Delete my account and data
privacy-delete-intro = When our team approves your request (within one month), we:
privacy-delete-key = destroy the key that encrypts your personal data — from then on nothing of yours that we hold can be read, not even in our backups (a copy you downloaded to your own device stays yours);
privacy-delete-records = delete your profile, your custom details, your sessions, your data downloads and the mail we kept for you;
privacy-delete-last-mail = send you one last mail to confirm, then remove your email address.
privacy-delete-kept-tickets-deleted = What we keep, and why: the record that you asked for erasure and that we carried it out, which the law requires us to be able to show. Your tickets are deleted. None of it identifies you.
privacy-delete-kept-tickets-anonymised = What we keep, and why: your tickets' status and dates, without any content or name, so our support statistics stay correct; the record that you asked for erasure and that we carried it out, which the law requires us to be able to show. None of it identifies you.
privacy-delete-legal-obligation = If a legal obligation requires us to keep your data for longer, we tell you.
privacy-delete-withdraw-note = You can withdraw the request until we start carrying it out. Download your data first if you want a copy.
privacy-delete-received = We received your request. We will answer by { $date } at the latest.
privacy-delete-open = Your request is open: follow it, or withdraw it, under “My requests” below.
privacy-delete-reason = Why are you leaving? (optional)
privacy-delete-submit = Ask to delete my account

## Confirming or cancelling an email change (the mailed links)
privacy-confirm-email-title = Confirm your new email address
privacy-confirm-email-done = Thank you — the address is confirmed. Our team will review the change; you can follow it on your privacy page.
privacy-confirm-email-intro = Confirm that you want to use this address for your { -brand } account.
privacy-confirm-email-submit = Confirm this address
privacy-cancel-email-title = Cancel the email change
privacy-cancel-email-done = The change is cancelled, and every browser signed in to your account was signed out. If you did not ask for it, someone may know your password: choose a new one now.
privacy-cancel-email-new-password = Choose a new password
privacy-cancel-email-intro = Cancel the change of your account's email address. This also signs out every browser signed in to your account.
privacy-cancel-email-submit = Cancel the change

## "Download my data" (data export, GDPR Art. 15 and 20)
privacy-export-title = Download my data
privacy-export-intro = A ZIP with everything we hold about you: a structured data.json, spreadsheets (CSV), and a page you can open in your browser. We build it in the background — you can leave and come back. For your safety, enter your password again.
privacy-export-submit = Prepare my download
privacy-export-requested = Requested { $date }
privacy-export-preparing = Preparing… { $percent }%
privacy-export-percent = { $percent }%
privacy-export-download = Download ZIP
privacy-export-ready = { $size } KB · available until { $date }
privacy-export-expired = Expired
privacy-export-failed = Could not be prepared — please ask again.
