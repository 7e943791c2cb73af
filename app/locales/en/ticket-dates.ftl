# The ticket list on a phone: each date says which it is (the table's
# column headers are not shown there). Followed by the date and time.
ticketdates-opened = Opened
ticketdates-updated = Updated
