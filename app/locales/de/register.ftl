# The register of privacy requests (staff who review requests), its CSV and
# the register entry on each request page.
register-title = Verzeichnis der Datenschutzanfragen
register-intro = Jede Anfrage von Kunden, wie sie beantwortet wurde und wie schnell – das, was eine Aufsichtsbehörde zuerst sehen will. Nichts Personenbezogenes außer der Anfrage-ID und einer pseudonymen Kennung der betroffenen Person.
register-download-csv = Verzeichnis herunterladen (CSV)
register-link = Verzeichnis
register-received = Eingegangen
register-completed = Abgeschlossen
register-rejected = Abgelehnt
register-withdrawn = Zurückgezogen
register-overdue = Überfällig
register-open = Offen
register-answered-late = Verspätet beantwortet
register-median = Mittlere Bearbeitungszeit (Median)
register-p90 = 90. Perzentil
register-days = { $days } Tage
register-no-data = —
register-minutes = { $minutes ->
    [one] 1 Minute
   *[other] { $minutes } Minuten
}
register-hours = { $hours ->
    [one] 1 Stunde
   *[other] { $hours } Stunden
}
register-by-month = Nach Monat
register-by-kind = Nach Art
register-month = Monat
register-kind = Art
register-chart-month-desc = Eingegangene und beantwortete Anfragen pro Monat in den letzten zwölf Monaten. Die Tabelle darunter enthält dieselben Zahlen.
register-chart-kind-desc = Anfragen nach Art und wie sie endeten. Die Tabelle darunter enthält dieselben Zahlen.
register-legend-received = eingegangen
register-legend-answered = beantwortet
register-entries = Anfragen
register-entries-shown = Die { $shown } neuesten von { $total }; die CSV-Datei enthält alle.
register-col-request = Anfrage
register-col-subject = Kennung der Person
register-col-kind = Art
register-col-received = Eingegangen
register-col-due = Fällig
register-col-extended-months = Verlängert (Monate)
register-col-extension-reason = Grund der Verlängerung
register-col-extension-told = Kunde über Verlängerung informiert
register-col-decided = Entschieden
register-col-decided-by = Entschieden von (Rolle)
register-col-responded = Beantwortet
register-col-outcome = Ergebnis
register-col-disclosed = Offengelegt
register-col-withheld = Zurückgehalten oder aufbewahrt, und warum
register-col-stores = Durchsuchte Speicher
register-entry-title = Im Verzeichnis
register-entry-none = Diese Anfrage steht noch nicht im Verzeichnis.
register-extended-by = { $reason } (Kunde informiert am { $when })
register-not-extended = Nicht verlängert
register-disclosed-nothing = Nichts (die Anfrage verlangt keine Daten)
register-disclosed-access = Profil und Kontaktfelder, Tickets mit ihren öffentlichen Nachrichten, Datenschutzanfragen mit ihrem Verlauf, die zu den Daten protokollierten Aktivitäten
register-withheld-nothing = Nichts
register-withheld-rejected = Abgelehnt: { $reason }
register-withheld-erasure-kept = Pseudonymisiert aufbewahrt: die Prüfprotokolle (Rechenschaftspflicht); Tickets anonymisiert aufbewahrt oder gelöscht, wie vom Helpdesk eingestellt
register-withheld-access = Interne Notizen (Arbeitsnotizen des Helpdesks, keine Daten des Kunden); personenbezogene Daten anderer Personen
register-stores-access = Konten und Profile, benutzerdefinierte Felder, Tickets und Nachrichten, Datenschutzanfragen, Prüfprotokoll
register-stores-rectification = Konten und Profile
register-stores-erasure = Konten und Profile, benutzerdefinierte Felder, Tickets und Nachrichten, Exportarchive, ausgehende E-Mails, Sitzungen, Suchindex, Prüfprotokoll, Schlüsselspeicher
register-reason-on-request = Dem Kunden wurde ein Grund genannt: Er steht auf der Seite der Anfrage (er kann personenbezogene Daten enthalten und bleibt daher außerhalb des Verzeichnisses).
