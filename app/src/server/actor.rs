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
}
