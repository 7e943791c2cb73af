# Roles, teams, assignment and the queue's search.

## Errors the server gives
teams-name-required = Enter a name.
teams-name-too-long = A name has at most { $max } characters.
teams-unknown-permission = Unknown permission “{ $name }”.
teams-choose-sharing = Choose which tickets the role sees.
teams-role-name-taken = A role with this name exists already.
teams-role-in-use = { $count ->
    [one] One person has this role: give them another role first.
   *[other] { $count } people have this role: give them another role first.
}
teams-staff-role-only = Choose agent, admin or a custom role.
teams-team-name-taken = A team with this name exists already.
teams-default-team-kept = New tickets go to this team: make another team the default first.
teams-team-has-tickets = { $count ->
    [one] One ticket belongs to this team: move it to another team first.
   *[other] { $count } tickets belong to this team: move them to another team first.
}
teams-choose-team = Choose a team.
teams-assignee-not-in-team = Choose an agent who is a member of the team.
tickets-search-too-long = A search has at most { $max } characters.
tickets-search-too-short = Search for a word of two letters or more, an address or a ticket number.
tickets-view-not-yours = Your role does not open this view of the queue.
tickets-bad-cursor = This page link is broken: start again from the first page.
tickets-choose-sort = Choose “last updated” or “newest”.

## The ticket list
tickets-views-label = Views of the queue
tickets-search = Search
tickets-search-placeholder = Words, an address or #1A2B3C4D
tickets-team = Team
tickets-team-all = All teams
tickets-sort = Order
tickets-assignee = Agent
tickets-nobody = Nobody
tickets-no-match = No ticket matches this search.
tickets-first-page = First page

## Roles page
roles-title = Roles
roles-intro = A role is what a staff member may do and which tickets they see. Agent and admin are built in; admins keep every permission, so the portal always has someone who can manage it.
roles-name = Name
roles-sees = Sees
roles-may = May
roles-people = People
roles-built-in = Built in
roles-edit = Edit
roles-delete = Delete
roles-new-title = New role
roles-edit-title = Edit role
roles-saved = Role saved.
roles-save = Save role
roles-cancel = Cancel

## Teams page
teams-title = Teams
teams-intro = Every ticket belongs to a team; new tickets go to the default team. Roles that see “their teams' tickets” see the tickets of the teams their people are in.
teams-new-name = New team
teams-create = Create team
teams-default-badge = Default
teams-ticket-count = { $count ->
    [one] One ticket
   *[other] { $count } tickets
}
teams-remove = Remove
teams-remove-label = Remove { $name } from { $team }
teams-no-members = Nobody is in this team yet.
teams-add-label = Add someone to { $team }
teams-choose-member = Choose a staff member
teams-add = Add
teams-rename-label = New name for { $team }
teams-rename = Rename
teams-make-default = Make default
teams-delete = Delete team

## A ticket's assignment
tickets-no-team = No team
tickets-assign = Assign
tickets-assignment = Assignment
tickets-assigned-to = Team: { $team } · Agent: { $agent }
tickets-assigned = Assignment saved.
admin-role-of = Role of { $name }
requests-preview-mentions-elsewhere = { $count ->
    [one] One more mention is in a ticket your role does not see; a colleague who sees it reviews it.
   *[other] { $count } more mentions are in tickets your role does not see; a colleague who sees them reviews them.
}

## The audit log's words for roles and teams
auditview-deleted-role = A deleted role
auditview-field-permissions = Permissions
auditview-field-sharing = Sees
auditview-field-member-added = Member added
auditview-field-member-removed = Member removed

## Limits of managing users
teams-only-admins-make-admins = Only an admin can give, take or change the admin role and admins’ accounts.
teams-not-own-role = You cannot change your own role: ask another admin.
teams-beyond-own-grant = A role you make or give cannot allow more than your own role does.
teams-own-role-locked = You cannot change the role you hold: ask an admin.
