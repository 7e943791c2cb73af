//! Every permission decision of the portal, in one place, so it can be read and
//! tested as a matrix. Services call `can` before they touch data.
use super::{Actor, Viewer};
use crate::error::AppError;
use crate::model::{Permission, Permissions, Role, RoleRef, Sharing};
use uuid::Uuid;

/// Something an actor wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    OpenTicket,
    ViewTicket,
    ReplyToTicket,
    AddInternalNote,
    ChangeTicketStatus,
    /// Move a ticket to another team or agent.
    AssignTicket,
    /// Delete (erase) one ticket directly.
    DeleteTicket,
    /// Work the ticket queue (as far as the sharing rule reaches), not only one's own tickets.
    ViewTicketQueue,
    /// Staff accounts, roles and teams.
    ManageUsers,
    /// Read the whole audit log and verify its chain.
    ViewAuditLog,
    /// See the events about one's own data.
    ViewOwnActivity,
    /// See master key status and data key counts.
    ManageKeys,
    /// Portal settings and the mail outbox.
    ManageSettings,
    /// Custom fields and field permissions.
    ManageFields,
    /// Work the privacy requests queue (and place legal holds on it).
    ReviewPrivacyRequests,
    /// Download a copy of one's own data.
    ExportOwnData,
    /// Export every module's data (admins).
    ExportAllData,
    /// Approve an erasure request, or erase a customer directly.
    ApproveErasure,
    /// Replace the text of a message (e.g. another customer's data in it).
    RedactMessage,
    /// File an erasure request about oneself.
    RequestOwnErasure,
    /// Lift a legal hold (placing one only needs `ReviewPrivacyRequests`).
    LiftLegalHold,
    /// Read the help desk's internal notes (on tickets and in activity).
    ReadInternalNotes,
    /// See who a customer is beside their ticket or request (email, id, contact fields).
    ViewCustomerDetails,
    /// Read why a legal hold was placed (the customer only sees that one exists).
    ReadLegalHoldReasons,
    /// Ask to change one's own sign-in address (customers; staff addresses are the admin's).
    RequestEmailChange,
}

impl Action {
    /// The permission a staff member needs for this action; `None` when no
    /// staff role can be given it (customers' own requests) or every staff
    /// member has it (their own data).
    pub fn permission(self) -> Option<Permission> {
        use Action::*;
        Some(match self {
            ViewTicket | ViewTicketQueue => Permission::ViewTickets,
            ReplyToTicket => Permission::Reply,
            AddInternalNote | ReadInternalNotes => Permission::InternalNotes,
            ChangeTicketStatus => Permission::ChangeStatus,
            AssignTicket => Permission::Assign,
            DeleteTicket => Permission::DeleteTickets,
            ViewCustomerDetails => Permission::ViewContactDetails,
            ReviewPrivacyRequests | ReadLegalHoldReasons => Permission::ReviewRequests,
            ApproveErasure => Permission::ApproveErasure,
            LiftLegalHold => Permission::LegalHolds,
            RedactMessage => Permission::RedactMessages,
            ExportAllData => Permission::ExportAllData,
            ViewAuditLog => Permission::ViewAuditLog,
            ManageFields => Permission::ManageFields,
            ManageUsers => Permission::ManageUsers,
            ManageSettings | ManageKeys => Permission::ManageSettings,
            OpenTicket | ViewOwnActivity | ExportOwnData | RequestOwnErasure
            | RequestEmailChange => return None,
        })
    }
}

/// What the built-in roles may do. Admins may do everything and see every
/// ticket, always: no change to custom roles can lock the portal.
pub fn built_in_permissions(role: Role) -> Permissions {
    use Permission::*;
    match role {
        Role::Customer => Permissions::NONE,
        Role::Agent => Permissions::of([
            ViewTickets,
            Reply,
            InternalNotes,
            ChangeStatus,
            Assign,
            DeleteTickets,
            ViewContactDetails,
            ReviewRequests,
            ApproveErasure,
            RedactMessages,
        ]),
        Role::Admin => Permissions::all(),
    }
}

/// What a person's role grants: the built-in role's, or the custom role's
/// (loaded with the session).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    pub permissions: Permissions,
    pub sharing: Sharing,
    /// The custom role the grant comes from (agents only).
    pub custom_role: Option<Uuid>,
}

impl Grant {
    pub fn built_in(role: Role) -> Self {
        Grant {
            permissions: built_in_permissions(role),
            sharing: Sharing::All,
            custom_role: None,
        }
    }
}

/// Whoever a decision is about: a signed-in `Actor`, or a `Viewer` a background
/// job reads for.
pub trait Principal {
    fn user_id(&self) -> Uuid;
    fn role(&self) -> Role;
    fn grant(&self) -> Grant;
    /// Must set up two-factor sign-in before doing anything else.
    fn needs_two_factor_setup(&self) -> bool {
        false
    }
    /// Has proved the sign-in address is theirs.
    fn email_confirmed(&self) -> bool {
        true
    }
    /// The role field permissions are looked up by.
    fn role_ref(&self) -> RoleRef {
        match self.grant().custom_role {
            Some(id) => RoleRef::Custom(id),
            None => RoleRef::BuiltIn(self.role()),
        }
    }
}

impl Principal for Actor {
    fn user_id(&self) -> Uuid {
        self.user_id
    }
    fn role(&self) -> Role {
        self.role
    }
    fn grant(&self) -> Grant {
        self.grant
    }
    fn needs_two_factor_setup(&self) -> bool {
        self.needs_two_factor_setup
    }
    fn email_confirmed(&self) -> bool {
        self.email_confirmed
    }
}

impl Principal for Viewer {
    fn user_id(&self) -> Uuid {
        self.user_id
    }
    fn role(&self) -> Role {
        self.role
    }
    fn grant(&self) -> Grant {
        self.grant
    }
}

/// What the action is about.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    Nothing,
    Ticket { customer_id: Uuid },
}

/// Which tickets a query may return for an actor: the policy's answer as a
/// filter that every ticket list, count, search, export and lookup applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TicketScope {
    /// Every customer's (staff whose role sees all tickets).
    Every,
    /// Only this customer's own.
    CustomerOf(Uuid),
    /// The tickets of this staff member's teams, and those assigned to them.
    TeamsOf(Uuid),
    /// Only the tickets assigned to this staff member.
    AssignedTo(Uuid),
    /// None (a staff role without "view tickets").
    Nothing,
}

/// The tickets `actor` may see.
pub fn ticket_scope(actor: &impl Principal) -> TicketScope {
    if actor.role() == Role::Customer {
        return TicketScope::CustomerOf(actor.user_id());
    }
    if !can(actor, Action::ViewTicketQueue, Target::Nothing) {
        return TicketScope::Nothing;
    }
    match actor.grant().sharing {
        Sharing::All => TicketScope::Every,
        Sharing::Teams => TicketScope::TeamsOf(actor.user_id()),
        Sharing::Assigned => TicketScope::AssignedTo(actor.user_id()),
    }
}

/// `can`, as the answer a service returns: `Forbidden` when it is no. The one
/// entry point services use; `can` alone is for deciding what a page shows.
pub fn require(actor: &impl Principal, action: Action, target: Target) -> Result<(), AppError> {
    require_ready(actor)?;
    // The address is not treated as theirs until confirmed: nothing leaves by
    // it (an export, the erasure notice) and it cannot be swapped for another.
    let needs_address = matches!(
        action,
        Action::ExportOwnData | Action::RequestOwnErasure | Action::RequestEmailChange
    );
    if needs_address && !actor.email_confirmed() {
        return Err(AppError::EmailNotConfirmed);
    }
    if can(actor, action, target) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Refuses a staff member who must set up two-factor sign-in first. `require`
/// runs it; queries scoped by `ticket_scope` alone run it themselves.
pub fn require_ready(actor: &impl Principal) -> Result<(), AppError> {
    if actor.needs_two_factor_setup() {
        return Err(AppError::TwoFactorSetupRequired);
    }
    Ok(())
}

/// May `actor` do `action` to `target`? For staff, which tickets they reach is
/// the scope's part (`ticket_scope`, applied by every ticket query); this
/// answers whether their role allows the action at all.
pub fn can(actor: &impl Principal, action: Action, target: Target) -> bool {
    use Action::*;
    let owns = |target: Target| match target {
        Target::Ticket { customer_id } => customer_id == actor.user_id(),
        Target::Nothing => false,
    };
    match actor.role() {
        // Customers' rights are fixed: their own tickets and data.
        Role::Customer => match action {
            OpenTicket | ViewOwnActivity | ExportOwnData | RequestOwnErasure
            | RequestEmailChange => true,
            ViewTicket | ReplyToTicket => owns(target),
            _ => false,
        },
        Role::Agent | Role::Admin => match action.permission() {
            Some(permission) => actor.grant().permissions.has(permission),
            None => matches!(action, ViewOwnActivity | ExportOwnData),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor {
            user_id: Uuid::new_v4(),
            role,
            email: "e@example.org".into(),
            session_token_hash: String::new(),
            client: "local".to_owned(),
            needs_two_factor_setup: false,
            email_confirmed: true,
            second_factor_at: None,
            locale: Default::default(),
            grant: Grant::built_in(role),
        }
    }

    #[test]
    fn permission_matrix() {
        use Action::*;
        let customer = actor(Role::Customer);
        let own = Target::Ticket {
            customer_id: customer.user_id,
        };
        let other = Target::Ticket {
            customer_id: Uuid::new_v4(),
        };
        // (action, target, customer, agent, admin)
        let rows = [
            (OpenTicket, Target::Nothing, true, false, false),
            (ViewTicket, own, true, true, true),
            (ViewTicket, other, false, true, true),
            (ReplyToTicket, own, true, true, true),
            (ReplyToTicket, other, false, true, true),
            (AddInternalNote, own, false, true, true),
            (ChangeTicketStatus, own, false, true, true),
            (ViewTicketQueue, Target::Nothing, false, true, true),
            (ManageUsers, Target::Nothing, false, false, true),
            (ViewAuditLog, Target::Nothing, false, false, true),
            (ViewOwnActivity, Target::Nothing, true, true, true),
            (ManageKeys, Target::Nothing, false, false, true),
            (ManageSettings, Target::Nothing, false, false, true),
            (ReviewPrivacyRequests, Target::Nothing, false, true, true),
            (ExportOwnData, Target::Nothing, true, true, true),
            (ExportAllData, Target::Nothing, false, false, true),
            (ApproveErasure, Target::Nothing, false, true, true),
            (RedactMessage, Target::Nothing, false, true, true),
            (RequestOwnErasure, Target::Nothing, true, false, false),
            (LiftLegalHold, Target::Nothing, false, false, true),
            (ReadInternalNotes, Target::Nothing, false, true, true),
            (ViewCustomerDetails, Target::Nothing, false, true, true),
            (ReadLegalHoldReasons, Target::Nothing, false, true, true),
            (RequestEmailChange, Target::Nothing, true, false, false),
            (AssignTicket, own, false, true, true),
            (DeleteTicket, own, false, true, true),
            (ManageFields, Target::Nothing, false, false, true),
        ];
        let agent = actor(Role::Agent);
        let admin = actor(Role::Admin);
        for (action, target, c, ag, ad) in rows {
            assert_eq!(
                can(&customer, action, target),
                c,
                "customer {action:?} {target:?}"
            );
            assert_eq!(
                can(&agent, action, target),
                ag,
                "agent {action:?} {target:?}"
            );
            assert_eq!(
                can(&admin, action, target),
                ad,
                "admin {action:?} {target:?}"
            );
        }
    }

    #[test]
    fn a_custom_role_gets_exactly_its_permissions_and_its_scope() {
        let mut billing = actor(Role::Agent);
        billing.grant = Grant {
            permissions: Permissions::of([Permission::ViewTickets, Permission::Reply]),
            sharing: Sharing::Teams,
            custom_role: Some(Uuid::new_v4()),
        };
        let ticket = Target::Ticket {
            customer_id: Uuid::new_v4(),
        };
        assert!(can(&billing, Action::ReplyToTicket, ticket));
        assert!(!can(&billing, Action::AddInternalNote, ticket));
        assert!(!can(&billing, Action::ReadInternalNotes, Target::Nothing));
        assert!(!can(
            &billing,
            Action::ReviewPrivacyRequests,
            Target::Nothing
        ));
        assert!(can(&billing, Action::ExportOwnData, Target::Nothing));
        assert!(!can(&billing, Action::OpenTicket, Target::Nothing));
        assert_eq!(
            ticket_scope(&billing),
            TicketScope::TeamsOf(billing.user_id)
        );
        billing.grant.sharing = Sharing::Assigned;
        assert_eq!(
            ticket_scope(&billing),
            TicketScope::AssignedTo(billing.user_id)
        );
        billing.grant.permissions = Permissions::NONE;
        assert_eq!(ticket_scope(&billing), TicketScope::Nothing);
        assert!(matches!(billing.role_ref(), RoleRef::Custom(_)));
        let customer = actor(Role::Customer);
        assert_eq!(
            ticket_scope(&customer),
            TicketScope::CustomerOf(customer.user_id)
        );
        assert_eq!(ticket_scope(&actor(Role::Admin)), TicketScope::Every);
    }
}
