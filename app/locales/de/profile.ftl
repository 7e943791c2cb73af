# The customer's profile page, and the activity on their data.

profile-title = Mein Profil
profile-intro = Halten Sie Ihre Angaben aktuell. Jede Änderung wird in Ihrer Aktivität festgehalten.
profile-saved = Ihr Profil wurde gespeichert.
profile-email-help = Mit Ihrer E-Mail-Adresse melden Sie sich an, daher kann sie hier nicht geändert werden.
profile-email-change-link = Änderung der E-Mail-Adresse beantragen
profile-save = Profil speichern

activity-title = Aktivität zu meinen Daten
activity-intro = Jede Änderung an Ihrem Konto, Ihren Tickets und Ihren Nachrichten sowie jede Anmeldung wird hier festgehalten – ob Sie sie vorgenommen haben oder unser Team. Einträge können nachträglich nicht verändert werden.
activity-loading = Aktivität wird geladen …
activity-empty = Noch nichts erfasst.
# Who made the change.
activity-by = von { $who }
