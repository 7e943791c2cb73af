# Admin pages: Team (admin-), audit log (audit-), keys (keys-), custom fields and permissions (settings-).

## Team and accounts
admin-title = Team und Konten
admin-add-title = Person hinzufügen
admin-add-intro = Agents beantworten Tickets; Admins verwalten zusätzlich die Konten. Das Anfangspasswort gilt nur einmal: Bei der ersten Anmeldung wählt die Person ein eigenes, das sonst niemand je zu sehen bekommt.
admin-created = { $name } ({ $role }) wurde angelegt.
admin-name = Name
admin-email = E-Mail
admin-initial-password = Anfangspasswort
admin-role = Rolle
admin-two-factor-title = Zwei-Faktor-Anmeldung für Mitarbeitende
admin-two-factor-required = Erforderlich: Agents und Admins richten bei ihrer nächsten Anmeldung eine Authenticator-App ein, bevor sie etwas anderes tun können.
admin-two-factor-optional = Nicht erforderlich: Agents und Admins können sie für sich selbst aktivieren.
admin-two-factor-stop = Nicht mehr verlangen
admin-two-factor-require = Für Mitarbeitende verlangen
admin-reset-sent = Link zum Zurücksetzen gesendet. Er ist 30 Minuten lang gültig.
admin-role-saved = Rolle gespeichert.
admin-loading-accounts = Konten werden geladen…
admin-status = Status
admin-created-at = Angelegt
admin-actions = Aktionen
admin-status-erased = Gelöscht
admin-status-disabled = Deaktiviert
admin-status-not-signed-in = Noch nicht angemeldet
admin-status-active = Aktiv
admin-erase = Löschen…
admin-disable = Deaktivieren
admin-enable = Aktivieren
admin-send-reset = Link zum Zurücksetzen senden

## Audit log
audit-title = Audit-Protokoll
audit-verifying = Die Kette wird geprüft…
# Followed by the head event's hash.
audit-chain-ok = { $checked ->
    [one] Kette geprüft: { $checked } Ereignis unversehrt. Letztes Ereignis: { $head }, Hash
   *[other] Kette geprüft: { $checked } Ereignisse unversehrt. Letztes Ereignis: { $head }, Hash
}
audit-chain-broken = Die Audit-Kette ist bei Ereignis { $seq } unterbrochen: { $problem }
audit-filter-actor = E-Mail der handelnden Person
audit-filter-subject = E-Mail der betroffenen Person
audit-filter-action = Aktion
audit-filter-any = Alle
audit-filter-entity = Objekt
audit-filter-from = Von
audit-filter-to = Bis
audit-filter-submit = Filtern
audit-loading = Ereignisse werden geladen…
audit-empty = Keine passenden Ereignisse.
audit-count = { $count ->
    [one] { $count } Ereignis
   *[other] { $count } Ereignisse
}
# More than the count: the total was not counted to the end.
audit-count-more = { $count }+ Ereignisse
audit-col-seq = Nr.
audit-col-when = Wann
audit-col-who = Wer
audit-col-what = Was
audit-col-subject = Wessen Daten
audit-col-changes = Änderungen
# What an event is about (its entity type).
audit-entity-user = Konto
audit-entity-session = Sitzung
audit-entity-ticket = Ticket
audit-entity-message = Nachricht
audit-entity-custom-field = benutzerdefiniertes Feld
audit-entity-field-permission = Feldberechtigung
audit-entity-data-export = Datenexport
audit-entity-erasure-job = Löschauftrag
audit-entity-legal-hold = Aufbewahrungspflicht
audit-entity-mail = E-Mail
audit-entity-master-key = Hauptschlüssel
audit-entity-passkey = Passkey
audit-entity-privacy-request = Datenschutzanfrage
audit-entity-setting = Einstellung

## Encryption keys
keys-title = Verschlüsselungsschlüssel
keys-intro = Die personenbezogenen Daten jeder Kundin und jedes Kunden sind mit einem eigenen Datenschlüssel verschlüsselt; die Datenschlüssel werden mit einem Hauptschlüssel umschlossen gespeichert.
# $command is shown as code.
keys-rotate = Den Hauptschlüssel erneuern Sie mit { $command }.
keys-current = Aktueller Hauptschlüssel:
keys-col-key = Hauptschlüssel
keys-col-wrapped = Umschlossene Datenschlüssel
keys-col-state = Zustand
keys-state-current = Aktuell
keys-state-old = Alt — Erneuerung ausstehend
keys-state-missing = Fehlt in der Konfiguration

## Custom fields
settings-fields-title = Benutzerdefinierte Felder
settings-fields-intro = Felder, die Sie hinzufügen, erscheinen im Profil der Kundschaft (Kontakte) oder im Formular für neue Tickets und auf der Ticketseite der Agents (Tickets), soweit die Feldberechtigungen der jeweiligen Rolle es erlauben. Archivieren blendet ein Feld aus, behält aber alle gespeicherten Werte.
settings-field-edit-title = Feld bearbeiten
settings-field-add-title = Feld hinzufügen
settings-field-saved = „{ $label }“ gespeichert.
settings-field-scope = Gilt für
settings-scope-contact = Kontakte (Kundenprofil)
settings-scope-ticket = Tickets
settings-field-label = Bezeichnung
settings-field-help = Hilfetext
settings-field-type = Typ
settings-field-options = Auswahlmöglichkeiten (eine pro Zeile, für Auswahlfelder)
settings-field-required = Pflichtfeld
settings-field-encrypt = Dieses Feld verschlüsseln
settings-field-encrypt-help = Verschlüsselte Werte werden mit AES-256-GCM unter dem eigenen Schlüssel der jeweiligen Kundin oder des jeweiligen Kunden gespeichert und mit diesem gelöscht. Nach einem verschlüsselten Feld kann weder sortiert noch gefiltert werden. Typ, Geltungsbereich und Verschlüsselung lassen sich nach dem Anlegen nicht mehr ändern.
settings-field-save = Änderungen speichern
settings-field-add = Feld hinzufügen
settings-contact-fields = Kontaktfelder
settings-ticket-fields = Ticketfelder
settings-fields-empty = Noch keine Felder.
settings-col-protection = Schutz
settings-col-state = Zustand
settings-col-actions = Aktionen
settings-yes = Ja
settings-no = Nein
settings-protection-encrypted = Verschlüsselt — nicht sortier- oder filterbar
settings-protection-plain = Unverschlüsselt — sortier- und filterbar
settings-state-archived = Archiviert
settings-state-active = Aktiv
settings-move-up = { $label } nach oben verschieben
settings-move-down = { $label } nach unten verschieben
settings-edit-named = { $label } bearbeiten
settings-restore-named = { $label } wiederherstellen
settings-archive-named = { $label } archivieren
settings-edit = Bearbeiten
settings-restore = Wiederherstellen
settings-archive = Archivieren

## Field permissions
settings-permissions-title = Feldberechtigungen
settings-permissions-intro = Für jedes Feld und jede Rolle: verborgen (wird dieser Rolle nie gesendet), lesen oder bearbeiten. Das erzwingt der Server, nicht nur die Seite. Die E-Mail-Adresse ist hier nie bearbeitbar; Mitarbeitende bearbeiten nie die Kontaktfelder der Kundschaft.
settings-permission-saved = Berechtigung gespeichert.
settings-col-field = Feld
settings-ticket-field = Ticketfeld
settings-access-label = Zugriff von { $role } auf { $field }
