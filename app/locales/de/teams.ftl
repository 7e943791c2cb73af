# Rollen, Teams, Zuweisung und die Suche in der Warteschlange.

## Fehler vom Server
teams-name-required = Geben Sie einen Namen ein.
teams-name-too-long = Ein Name hat höchstens { $max } Zeichen.
teams-unknown-permission = Unbekannte Berechtigung „{ $name }“.
teams-choose-sharing = Wählen Sie, welche Tickets die Rolle sieht.
teams-role-name-taken = Eine Rolle mit diesem Namen gibt es schon.
teams-role-in-use = { $count ->
    [one] Eine Person hat diese Rolle: Geben Sie ihr zuerst eine andere Rolle.
   *[other] { $count } Personen haben diese Rolle: Geben Sie ihnen zuerst eine andere Rolle.
}
teams-staff-role-only = Wählen Sie Agent, Admin oder eine eigene Rolle.
teams-team-name-taken = Ein Team mit diesem Namen gibt es schon.
teams-default-team-kept = Neue Tickets gehen an dieses Team: Machen Sie zuerst ein anderes Team zum Standard.
teams-team-has-tickets = { $count ->
    [one] Ein Ticket gehört zu diesem Team: Verschieben Sie es zuerst in ein anderes Team.
   *[other] { $count } Tickets gehören zu diesem Team: Verschieben Sie sie zuerst in ein anderes Team.
}
teams-choose-team = Wählen Sie ein Team.
teams-assignee-not-in-team = Wählen Sie einen Agenten, der Mitglied des Teams ist.
tickets-search-too-long = Eine Suche hat höchstens { $max } Zeichen.
tickets-search-too-short = Suchen Sie nach einem Wort ab zwei Buchstaben, einer Adresse oder einer Ticketnummer.
tickets-view-not-yours = Ihre Rolle öffnet diese Ansicht der Warteschlange nicht.
tickets-bad-cursor = Dieser Seitenlink ist kaputt: Beginnen Sie wieder auf der ersten Seite.
tickets-choose-sort = Wählen Sie „Zuletzt geändert“ oder „Neueste“.

## Die Ticketliste
tickets-views-label = Ansichten der Warteschlange
tickets-search = Suche
tickets-search-placeholder = Wörter, eine Adresse oder #1A2B3C4D
tickets-team = Team
tickets-team-all = Alle Teams
tickets-sort = Reihenfolge
tickets-assignee = Agent
tickets-nobody = Niemand
tickets-no-match = Kein Ticket passt zu dieser Suche.
tickets-first-page = Erste Seite

## Rollenseite
roles-title = Rollen
roles-intro = Eine Rolle legt fest, was Mitarbeitende tun dürfen und welche Tickets sie sehen. Agent und Admin sind eingebaut; Admins behalten jede Berechtigung, damit immer jemand das Portal verwalten kann.
roles-name = Name
roles-sees = Sieht
roles-may = Darf
roles-people = Personen
roles-built-in = Eingebaut
roles-edit = Bearbeiten
roles-delete = Löschen
roles-new-title = Neue Rolle
roles-edit-title = Rolle bearbeiten
roles-saved = Rolle gespeichert.
roles-save = Rolle speichern
roles-cancel = Abbrechen

## Teamseite
teams-title = Teams
teams-intro = Jedes Ticket gehört zu einem Team; neue Tickets gehen an das Standardteam. Rollen, die „Tickets der eigenen Teams“ sehen, sehen die Tickets der Teams, in denen ihre Personen sind.
teams-new-name = Neues Team
teams-create = Team anlegen
teams-default-badge = Standard
teams-ticket-count = { $count ->
    [one] Ein Ticket
   *[other] { $count } Tickets
}
teams-remove = Entfernen
teams-remove-label = { $name } aus { $team } entfernen
teams-no-members = Noch niemand ist in diesem Team.
teams-add-label = Jemanden zu { $team } hinzufügen
teams-choose-member = Mitarbeitende wählen
teams-add = Hinzufügen
teams-rename-label = Neuer Name für { $team }
teams-rename = Umbenennen
teams-make-default = Zum Standard machen
teams-delete = Team löschen

## Zuweisung eines Tickets
tickets-no-team = Kein Team
tickets-assign = Zuweisen
tickets-assignment = Zuweisung
tickets-assigned-to = Team: { $team } · Agent: { $agent }
tickets-assigned = Zuweisung gespeichert.
admin-role-of = Rolle von { $name }
requests-preview-mentions-elsewhere = { $count ->
    [one] Eine weitere Erwähnung steht in einem Ticket, das Ihre Rolle nicht sieht; jemand, der es sieht, muss sie prüfen.
   *[other] { $count } weitere Erwähnungen stehen in Tickets, die Ihre Rolle nicht sieht; jemand, der sie sieht, muss sie prüfen.
}

## Die Wörter des Audit-Protokolls für Rollen und Teams
auditview-deleted-role = Eine gelöschte Rolle
auditview-field-permissions = Berechtigungen
auditview-field-sharing = Sieht
auditview-field-member-added = Mitglied hinzugefügt
auditview-field-member-removed = Mitglied entfernt

## Limits of managing users
teams-only-admins-make-admins = Nur ein Admin kann die Admin-Rolle vergeben, entziehen oder Admin-Konten ändern.
teams-not-own-role = Sie können Ihre eigene Rolle nicht ändern: Fragen Sie einen anderen Admin.
teams-beyond-own-grant = Eine Rolle, die Sie anlegen oder vergeben, darf nicht mehr erlauben als Ihre eigene.
teams-own-role-locked = Sie können die Rolle, die Sie selbst haben, nicht ändern: Fragen Sie einen Admin.
