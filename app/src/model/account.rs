//! Who people are to the help desk: roles, the signed-in user, the team, keys.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

vocabulary! {
    /// What a signed-in person is to the help desk.
    pub enum Role {
        Customer = "customer",
        Agent = "agent",
        Admin = "admin",
    }
}

impl Role {
    /// Agents and admins work the help desk; customers are its data subjects.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Agent | Role::Admin)
    }
}

/// The signed-in user, as the pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// What their role allows: the pages show only what they can use.
    #[serde(default)]
    pub permissions: super::Permissions,
    /// An agent's custom role, if they have one.
    #[serde(default)]
    pub role_id: Option<Uuid>,
}

impl CurrentUser {
    pub fn may(&self, permission: super::Permission) -> bool {
        self.permissions.has(permission)
    }
}

/// A user as the admin's team page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// An agent's custom role, if they have one.
    #[serde(default)]
    pub role_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// Disabled by an admin: cannot sign in.
    pub disabled: bool,
    /// Has not chosen their own password yet (created by an admin).
    pub must_change_password: bool,
}

/// One signed-in browser of the person, for their devices page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceView {
    /// Names the session to end it; the SHA-256 of its cookie, which cannot be replayed.
    pub id: String,
    pub started_at: DateTime<Utc>,
    pub last_active_at: DateTime<Utc>,
    /// "Firefox 128", or "Unknown browser".
    pub browser: String,
    /// "Linux", "iOS 17.5", or "Unknown system".
    pub system: String,
    /// The network it signed in from, coarsely: "203.0.113.0/24".
    pub network: String,
    /// The browser this page is shown in.
    pub current: bool,
}

/// How many data keys each master key wraps (admin keys page, `keys status`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyStatus {
    pub current_key_id: String,
    pub keys: Vec<KeyUsage>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyUsage {
    pub key_id: String,
    pub data_keys: u64,
    pub current: bool,
    /// Whether this server has the key (an unconfigured key in use is an error).
    pub configured: bool,
}

/// The person's own two-factor sign-in, for their security page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    /// When the authenticator app was set up; `None` while off.
    pub enabled_at: Option<DateTime<Utc>>,
    pub recovery_codes_left: u64,
    /// The help desk requires it of this person (staff, by the admins' setting).
    pub required: bool,
}

/// What the security page shows while an authenticator app is being set up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorEnrolment {
    /// The shared secret in base32, to type in when the QR code cannot be scanned.
    pub secret: String,
    pub otpauth_url: String,
    /// The QR code of `otpauth_url`, an SVG drawn by the server, as a data URL.
    pub qr_svg_data_url: String,
}

/// A registered passkey, as its owner's security page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A WebAuthn ceremony the browser is asked to perform: the options for
/// `navigator.credentials` (JSON, as the standard's `...FromJSON` reads them)
/// and the id the answer goes back with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyChallenge {
    pub challenge_id: Uuid,
    pub options: String,
}
