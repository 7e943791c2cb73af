//! Every permission decision of the portal, in one place, so it can be read and
//! tested as a matrix. Services call `can` before they touch data.
use super::{Actor, Viewer};
use crate::error::AppError;
use crate::model::Role;
use uuid::Uuid;

/// Something an actor wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    OpenTicket,
    ViewTicket,
    ReplyToTicket,
    AddInternalNote,
    ChangeTicketStatus,
    /// See every customer's tickets (the queue), not only one's own.
    ViewTicketQueue,
    ManageUsers,
    /// Read the whole audit log and verify its chain.
    ViewAuditLog,
    /// See the events about one's own data.
    ViewOwnActivity,
    /// See master key status and data key counts.
    ManageKeys,
    /// Custom fields, field permissions, the mail outbox.
    ManageSettings,
    /// Work the privacy requests queue.
    ReviewPrivacyRequests,
    /// Download a copy of one's own data.
    ExportOwnData,
    /// Export every module's data (admins).
    ExportAllData,
    /// Approve an erasure request, or erase a customer or a ticket directly.
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

/// Whoever a decision is about: a signed-in `Actor`, or a `Viewer` a background
/// job reads for.
pub trait Principal {
    fn user_id(&self) -> Uuid;
    fn role(&self) -> Role;
    /// Must set up two-factor sign-in before doing anything else.
    fn needs_two_factor_setup(&self) -> bool {
        false
    }
    /// Has proved the sign-in address is theirs.
    fn email_confirmed(&self) -> bool {
        true
    }
}

impl Principal for Actor {
    fn user_id(&self) -> Uuid {
        self.user_id
    }
    fn role(&self) -> Role {
        self.role
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
}

/// What the action is about.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    Nothing,
    Ticket { customer_id: Uuid },
}

/// Which tickets a query may return for an actor: the policy's answer as a
/// filter that every ticket list and lookup applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TicketScope {
    /// Every customer's (staff working the queue).
    Every,
    /// Only this customer's own.
    CustomerOf(Uuid),
}

/// The tickets `actor` may see.
pub fn ticket_scope(actor: &impl Principal) -> TicketScope {
    if can(actor, Action::ViewTicketQueue, Target::Nothing) {
        TicketScope::Every
    } else {
        TicketScope::CustomerOf(actor.user_id())
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

/// May `actor` do `action` to `target`?
pub fn can(actor: &impl Principal, action: Action, target: Target) -> bool {
    use Action::*;
    let owns = |target: Target| match target {
        Target::Ticket { customer_id } => customer_id == actor.user_id(),
        Target::Nothing => false,
    };
    // Explicit lists for every role: a new action is denied to everyone until it is placed here.
    match actor.role() {
        Role::Customer => match action {
            OpenTicket | ViewOwnActivity | ExportOwnData | RequestOwnErasure
            | RequestEmailChange => true,
            ViewTicket | ReplyToTicket => owns(target),
            _ => false,
        },
        Role::Agent => matches!(
            action,
            ViewTicket
                | ReplyToTicket
                | AddInternalNote
                | ChangeTicketStatus
                | ViewTicketQueue
                | ViewOwnActivity
                | ReviewPrivacyRequests
                | ApproveErasure
                | RedactMessage
                | ExportOwnData
                | ReadInternalNotes
                | ViewCustomerDetails
                | ReadLegalHoldReasons
        ),
        Role::Admin => matches!(
            action,
            ViewTicket
                | ReplyToTicket
                | AddInternalNote
                | ChangeTicketStatus
                | ViewTicketQueue
                | ManageUsers
                | ViewAuditLog
                | ViewOwnActivity
                | ManageKeys
                | ManageSettings
                | ReviewPrivacyRequests
                | ExportOwnData
                | ExportAllData
                | ApproveErasure
                | RedactMessage
                | LiftLegalHold
                | ReadInternalNotes
                | ViewCustomerDetails
                | ReadLegalHoldReasons
        ),
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
}
