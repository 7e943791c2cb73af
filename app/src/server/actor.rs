use crate::model::Role;
use uuid::Uuid;

/// Who is asking: resolved once per request from the session cookie.
/// Every service call takes one, so every query can be scoped by it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Uuid,
    pub role: Role,
    pub email: String,
    /// Hash of the session token this request came with (for sign-out and rotation).
    pub session_token_hash: String,
    /// The client address this request came from, as the server trusts it
    /// (the socket peer, or the proxy's header). Set by the server's
    /// middleware; keys throttles that must not be shared between people.
    pub client: String,
    /// A staff member without two-factor sign-in where the admins require it:
    /// every policy decision answers "set it up first" until they have.
    pub needs_two_factor_setup: bool,
    /// The person proved the sign-in address is theirs (the sign-up link, or
    /// an admin created the account). Exports, erasure and email changes wait for it.
    pub email_confirmed: bool,
    /// When this session's sign-in used a second factor; adding another
    /// factor to an account that has one asks for it to be recent.
    pub second_factor_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The language and time zone of the person's profile, as their session copied them.
    pub locale: PreferredLocale,
    /// What their role allows (a custom role's permissions and sharing rule, for agents with one).
    pub grant: super::policy::Grant,
}

impl Actor {
    /// The role field permissions are looked up by (a custom role, for agents with one).
    pub fn role_ref(&self) -> crate::model::RoleRef {
        crate::model::RoleRef::of(self.role, self.grant.custom_role)
    }
}

/// A person's chosen language and time zone (none chosen: the browser's
/// language, and UTC).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreferredLocale {
    pub language: Option<crate::i18n::Lang>,
    pub time_zone: Option<String>,
}

/// Whose eyes a read model renders for: a person and their role. Background
/// work (an export build) reads as its subject through this, without a
/// session and without a permission check of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Viewer {
    pub user_id: Uuid,
    pub role: Role,
    pub grant: super::policy::Grant,
}

impl From<&Actor> for Viewer {
    fn from(actor: &Actor) -> Self {
        Viewer {
            user_id: actor.user_id,
            role: actor.role,
            grant: actor.grant,
        }
    }
}
