# Words every page shares: the header, footer, dates, pager and notices.
-brand = Custodian

brand = { -brand }
footer-tagline = { -brand } — Ihre Daten in guten Händen.
footer-privacy-notice = Datenschutzerklärung
footer-language = Sprache
footer-language-change = Ändern
nav-main = Hauptmenü
nav-ticket-queue = Ticket-Warteschlange
nav-my-tickets = Meine Tickets
nav-new-ticket = Neues Ticket
nav-profile = Profil
nav-privacy = Datenschutz
nav-activity = Aktivität
nav-privacy-requests = Datenschutzanfragen
nav-team = Mitarbeitende
nav-roles = Rollen
nav-teams = Teams
nav-audit-log = Prüfprotokoll
nav-keys = Schlüssel
nav-fields = Felder
nav-permissions = Berechtigungen
nav-outbox = Postausgang
nav-export = Export
nav-privacy-settings = Datenschutzeinstellungen
nav-retention = Aufbewahrung
nav-security = Sicherheit
nav-settings = Einstellungen
sign-in = Anmelden
sign-out = Abmelden
create-account = Konto erstellen
loading = Wird geladen …
saving = Wird gespeichert …
save = Speichern
cancel = Abbrechen
removed-value = (entfernt)
pager-label = Seiten
pager-newer = ← Neuere
pager-older = Ältere →
pager-position = Seite { $page } von { $total }
error-reference = Referenz: { $request-id }

# Dates: "30. Nov. 2026, 14:05".
date = { $day }. { $month } { $year }
date-time = { $date }, { $time }
month-short = { $month ->
    [1] Jan.
    [2] Feb.
    [3] März
    [4] Apr.
    [5] Mai
    [6] Juni
    [7] Juli
    [8] Aug.
    [9] Sept.
    [10] Okt.
    [11] Nov.
   *[12] Dez.
}
