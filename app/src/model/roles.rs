//! Roles as permission sets, teams, and the agent's queue, as the pages see them.
use super::{TicketStatus, TicketSummary};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// One thing a staff role may be allowed to do. The policy maps every
    /// action of the portal to one of these (or to none, for one's own data).
    pub enum Permission {
        ViewTickets = "view_tickets",
        Reply = "reply",
        InternalNotes = "internal_notes",
        ChangeStatus = "change_status",
        Assign = "assign",
        DeleteTickets = "delete_tickets",
        ViewContactDetails = "view_contact_details",
        ReviewRequests = "review_requests",
        ApproveErasure = "approve_erasure",
        LegalHolds = "legal_holds",
        RedactMessages = "redact_messages",
        ExportAllData = "export_all_data",
        ViewAuditLog = "view_audit_log",
        ManageFields = "manage_fields",
        ManageUsers = "manage_users",
        ManageSettings = "manage_settings",
    }
}

vocabulary! {
    /// Which tickets a staff role sees.
    pub enum Sharing {
        /// Every ticket.
        All = "all",
        /// The tickets of the teams the person belongs to, and those assigned to them.
        Teams = "teams",
        /// Only the tickets assigned to them.
        Assigned = "assigned",
    }
}

/// A set of permissions (one bit per `Permission`, in `Permission::ALL` order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Permissions(u32);

impl Permissions {
    pub const NONE: Permissions = Permissions(0);

    fn bit(p: Permission) -> u32 {
        let index = Permission::ALL.iter().position(|x| *x == p).unwrap_or(0);
        1 << index
    }

    pub fn all() -> Self {
        Self::of(Permission::ALL)
    }

    pub fn of(list: impl IntoIterator<Item = Permission>) -> Self {
        Permissions(list.into_iter().fold(0, |bits, p| bits | Self::bit(p)))
    }

    pub fn has(self, p: Permission) -> bool {
        self.0 & Self::bit(p) != 0
    }

    pub fn with(self, p: Permission) -> Self {
        Permissions(self.0 | Self::bit(p))
    }

    pub fn iter(self) -> impl Iterator<Item = Permission> {
        Permission::ALL.into_iter().filter(move |p| self.has(*p))
    }

    /// As stored: the permissions' names, comma-separated, in a fixed order.
    pub fn to_stored(self) -> String {
        self.iter()
            .map(Permission::as_str)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The stored form back; an unknown name is `Err` with that name.
    pub fn parse_stored(stored: &str) -> Result<Self, String> {
        stored
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| Permission::parse(s).ok_or_else(|| s.to_owned()))
            .collect::<Result<Vec<_>, _>>()
            .map(Self::of)
    }
}

/// What an agent role is: a built-in one, or one an admin defined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleView {
    /// `None` for the built-in roles (agent, admin).
    pub id: Option<Uuid>,
    /// A built-in role's stored name (`agent`, `admin`), for its label.
    pub built_in: Option<super::Role>,
    pub name: String,
    pub permissions: Permissions,
    pub sharing: Sharing,
    /// How many people have it.
    pub members: u64,
}

/// A role: a built-in one or one an admin defined (by id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoleRef {
    BuiltIn(super::Role),
    Custom(Uuid),
}

impl From<super::Role> for RoleRef {
    fn from(role: super::Role) -> Self {
        RoleRef::BuiltIn(role)
    }
}

impl RoleRef {
    /// The built-in role whose limits apply (custom roles are agents' roles).
    pub fn base(self) -> super::Role {
        match self {
            RoleRef::BuiltIn(role) => role,
            RoleRef::Custom(_) => super::Role::Agent,
        }
    }

    /// A stored account's role: its custom role if it is an agent with one.
    pub fn of(role: super::Role, custom: Option<Uuid>) -> Self {
        match custom.filter(|_| role == super::Role::Agent) {
            Some(id) => RoleRef::Custom(id),
            None => RoleRef::BuiltIn(role),
        }
    }

    /// As a form sends it: `agent`, `admin` or `role:<uuid>`.
    pub fn to_form(&self) -> String {
        match self {
            RoleRef::BuiltIn(role) => role.as_str().to_owned(),
            RoleRef::Custom(id) => format!("role:{id}"),
        }
    }

    pub fn parse_form(value: &str) -> Option<Self> {
        match value.strip_prefix("role:") {
            Some(id) => Uuid::parse_str(id).ok().map(RoleRef::Custom),
            None => super::Role::parse(value).map(RoleRef::BuiltIn),
        }
    }
}

/// A team with its members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub id: Uuid,
    pub name: String,
    pub is_default: bool,
    pub members: Vec<StaffMember>,
    pub tickets: u64,
}

/// A staff member as a team or an assignment names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: Uuid,
    pub name: String,
}

/// Where a ticket is: its team and agent, and who it could go to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub team: Option<StaffMember>,
    pub assignee: Option<StaffMember>,
    /// Filled only for someone who may reassign: every team with its members.
    pub choices: Vec<TeamView>,
}

vocabulary! {
    /// A slice of the agent's queue.
    pub enum QueueView {
        Mine = "mine",
        Teams = "teams",
        Unassigned = "unassigned",
        All = "all",
    }
}

vocabulary! {
    /// The order of a ticket list (newest first either way).
    pub enum TicketSort {
        Updated = "updated",
        Created = "created",
    }
}

/// What a ticket list is asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketQuery {
    /// Staff: which slice of the queue (the sharing rule's widest by default).
    pub view: Option<QueueView>,
    pub status: Option<TicketStatus>,
    pub team: Option<Uuid>,
    pub sort: Option<TicketSort>,
    /// Words, an address, a phone number or a ticket reference.
    pub search: Option<String>,
    /// Where the previous page ended (keyset pagination).
    pub after: Option<String>,
}

/// One page of a ticket list, read by keyset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketPage {
    pub items: Vec<TicketSummary>,
    /// The cursor of the next (older) page, if there is one.
    pub next: Option<String>,
    /// For staff: the views they may open, each with its count (capped at 10,000).
    pub views: Vec<(QueueView, u64)>,
    /// The view shown.
    pub view: Option<QueueView>,
    /// For staff: the teams to filter by.
    pub teams: Vec<StaffMember>,
}

/// A ticket's short reference, shown as `#1A2B3C4D`: the end of its (random) id.
pub fn ticket_reference(id: &Uuid) -> String {
    let hex = id.simple().to_string();
    format!("#{}", hex[hex.len() - 8..].to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_round_trip_through_their_stored_form() {
        let set = Permissions::of([Permission::Reply, Permission::ViewTickets]);
        assert_eq!(set.to_stored(), "view_tickets,reply");
        assert_eq!(Permissions::parse_stored(&set.to_stored()), Ok(set));
        assert_eq!(Permissions::parse_stored(""), Ok(Permissions::NONE));
        assert_eq!(Permissions::parse_stored("reply,fly"), Err("fly".into()));
        assert!(Permissions::all().iter().count() == Permission::ALL.len());
        assert!(!set.has(Permission::InternalNotes));
    }

    #[test]
    fn staff_roles_round_trip_through_forms() {
        let id = Uuid::now_v7();
        for role in [
            RoleRef::BuiltIn(super::super::Role::Agent),
            RoleRef::Custom(id),
        ] {
            assert_eq!(RoleRef::parse_form(&role.to_form()), Some(role));
        }
        assert_eq!(RoleRef::parse_form("role:nope"), None);
    }

    #[test]
    fn references_are_the_ids_random_end() {
        let id = Uuid::parse_str("0192f0e6-3c5e-7a00-8000-00000000abcd").unwrap();
        assert_eq!(ticket_reference(&id), "#0000ABCD");
    }
}
