# Aufbewahrung: die Richtlinie, ihre Bereinigung und was Kunden erfahren.

## Einstellungsseite
retention-title = Aufbewahrung
retention-intro = Wie lange das Portal was aufbewahrt. Eine Bereinigung wendet dies in ihrem Rhythmus an; rechtliche Sperren werden beachtet (gesperrte Kunden und ihre Tickets werden übersprungen).
retention-tickets-legend = Gelöste und geschlossene Tickets
retention-tickets-after = Ihren Inhalt so viele Monate nach der letzten Änderung entfernen (0 behält sie)
retention-tickets-anonymise = Anonymisieren: Betreff und Nachrichten werden entfernt, der Datensatz (Status, Daten, Team) bleibt
retention-tickets-delete = Das Ticket löschen
retention-accounts-legend = Ungenutzte Kundenkonten
retention-inactive-after = Konten schließen, bei denen sich so viele Monate niemand angemeldet hat (0 schließt nie)
retention-notice-days = Den Kunden so viele Tage vorher anschreiben (eine Anmeldung behält das Konto)
retention-purge-closed = Geschlossene Konten bei der nächsten Bereinigung löschen
retention-exports-legend = Archive von Datenexporten
retention-export-hours = Stunden, die ein Archiv heruntergeladen werden kann (leer: Standard des Servers, { $hours })
retention-cycle-legend = Bereinigung
retention-cycle = Die Bereinigung läuft
retention-cycle-1 = täglich
retention-cycle-7 = wöchentlich
retention-cycle-30 = monatlich
retention-cycle-91 = alle drei Monate
retention-cycle-182 = alle sechs Monate
retention-cycle-365 = jährlich
retention-backups-legend = Sicherungen (custodian backup)
retention-backup-main-days = Tage, die eine Kopie der Hauptdatenbank aufbewahrt wird
retention-backup-keys-days = Tage, die eine Kopie des Schlüsselspeichers aufbewahrt wird (höchstens 90: danach ist für gelöschte Kunden keine Sicherung mehr lesbar)
retention-saved = Aufbewahrung gespeichert.

## Die nächste Bereinigung
retention-preview-title = Die nächste Bereinigung
retention-preview-date = Die nächste Bereinigung läuft am { $date }.
retention-preview-tickets-anonymise = { $count ->
    [one] Sie wird ein Ticket anonymisieren.
   *[other] Sie wird { $count } Tickets anonymisieren.
}
retention-preview-tickets-delete = { $count ->
    [one] Sie wird ein Ticket löschen.
   *[other] Sie wird { $count } Tickets löschen.
}
retention-preview-close = { $count ->
    [one] Sie wird ein ungenutztes Konto schließen (Hinweise gehen am { $date } hinaus).
   *[other] Sie wird { $count } ungenutzte Konten schließen (Hinweise gehen am { $date } hinaus).
}
retention-preview-close-later = { $count ->
    [one] Ein weiteres ungenutztes Konto wird eine Bereinigung später geschlossen: sein Hinweis kann nicht rechtzeitig hinausgehen.
   *[other] { $count } weitere ungenutzte Konten werden eine Bereinigung später geschlossen: ihr Hinweis kann nicht rechtzeitig hinausgehen.
}
retention-preview-purge = { $count ->
    [one] Sie wird ein geschlossenes Konto löschen.
   *[other] Sie wird { $count } geschlossene Konten löschen.
}
retention-preview-nothing = Nach jetzigem Stand ändert sie nichts.
retention-preview-held = Wegen einer rechtlichen Sperre übersprungen:
retention-preview-more = … und { $count } weitere.
retention-preview-tickets-heading = Tickets
retention-preview-close-heading = Zu schließende Konten
retention-preview-purge-heading = Zu löschende Konten
retention-last-run = Letzte Bereinigung: { $date }.
retention-never-run = Noch keine Bereinigung gelaufen.
retention-last-active = zuletzt aktiv { $date }

## Fehler
retention-number-between = „{ $field }“: Geben Sie eine ganze Zahl von { $min } bis { $max } ein.
retention-choose-cycle = Wählen Sie, wie oft die Bereinigung läuft.
retention-notice-shorter = Der Hinweis muss vor der Schließung hinausgehen: wählen Sie weniger Tage als die Monate ohne Nutzung.

## Die Hinweis-Mail
retention-notice-mail-subject = Ihr Konto wird geschlossen
retention-notice-mail-body = { $count ->
    [one] Ihr Konto wurde seit { $since } nicht genutzt. Konten, die einen Monat ungenutzt sind, werden laut unserer Aufbewahrungsrichtlinie geschlossen und dann gelöscht.
   *[other] Ihr Konto wurde seit { $since } nicht genutzt. Konten, die { $count } Monate ungenutzt sind, werden laut unserer Aufbewahrungsrichtlinie geschlossen und dann gelöscht.
}

    Es wird am { $closing } geschlossen. Um es zu behalten, melden Sie sich vorher an: { $url }

    Wenn Sie es nicht mehr brauchen, müssen Sie nichts tun.

## Die Datenschutzseite des Kunden
retention-customer-title = Wie lange wir Ihre Daten aufbewahren
retention-customer-tickets = { $count ->
    [one] Gelöste und geschlossene Tickets verlieren ihren Inhalt (Betreff und Nachrichten) einen Monat nach der letzten Änderung.
   *[other] Gelöste und geschlossene Tickets verlieren ihren Inhalt (Betreff und Nachrichten) { $count } Monate nach der letzten Änderung.
}
retention-customer-tickets-kept = Ihre Tickets werden aufbewahrt, bis Sie die Löschung Ihrer Daten verlangen.
retention-customer-accounts = { $count ->
    [one] Ein Konto, bei dem sich einen Monat niemand anmeldet, wird geschlossen und bei der nächsten Bereinigung gelöscht. Wir schreiben Ihnen { $days } Tage vorher; eine Anmeldung behält es.
   *[other] Ein Konto, bei dem sich { $count } Monate niemand anmeldet, wird geschlossen und bei der nächsten Bereinigung gelöscht. Wir schreiben Ihnen { $days } Tage vorher; eine Anmeldung behält es.
}
retention-customer-accounts-kept = Ihr Konto wird aufbewahrt, bis Sie seine Löschung verlangen.
retention-customer-exports = { $count ->
    [one] Ein Download Ihrer Daten kann eine Stunde lang abgerufen werden, dann wird er gelöscht.
   *[other] Ein Download Ihrer Daten kann { $count } Stunden lang abgerufen werden, dann wird er gelöscht.
}
retention-customer-backups = Sicherungen werden { $main } Tage aufbewahrt. Die Schlüssel, die Ihre Daten darin lesen, { $keys } Tage: nach Ihrer Löschung ist danach aus keiner Sicherung mehr etwas von Ihnen lesbar.
retention-customer-why = Warum: Wir bewahren auf, was wir brauchen, um Ihnen zu antworten und zu zeigen, was mit Ihren Daten geschah, und nicht länger.

## Wo die Daten liegen
region-title = Wo die Daten liegen
region-intro = Kunden sehen die Region auf ihrer Datenschutzseite und die Datenschutzerklärung unten auf jeder Seite verlinkt. Umzug der Daten in eine andere Region: custodian transfer (README).
region-label = Region (zum Beispiel „EU — Frankfurt“)
region-notice-url = Link zur Datenschutzerklärung (https://… oder ein Pfad auf dieser Website; leer: kein Link)
region-database = Hauptdatenbank: { $location }
region-keystore = Schlüsselspeicher: { $location }
region-saved = Gespeichert.
region-label-too-long = Die Region ist eine Zeile mit höchstens 80 Zeichen.
region-notice-invalid = Der Link zur Datenschutzerklärung beginnt mit https://, http:// oder / und enthält keine Leerzeichen.
retention-customer-region = Ihre Daten werden in dieser Region aufbewahrt: { $region }.
