//! Where a signed-in person may go: the settings pages their role opens. The
//! header (one "Settings" entry) and the settings menu both read it.
use crate::{
    i18n::Tr,
    model::{CurrentUser, Permission},
};

/// A menu entry's words, in the page's language.
type Label = fn(Tr) -> &'static str;

/// Every settings page, in the menu's order, with the permission it needs
/// (the server refuses the rest; the menu only mirrors that).
const SETTINGS_PAGES: [(&str, Label, Permission); 11] = [
    ("/admin/users", Tr::nav_team, Permission::ManageUsers),
    ("/admin/roles", Tr::nav_roles, Permission::ManageUsers),
    ("/admin/teams", Tr::nav_teams, Permission::ManageUsers),
    ("/admin/audit", Tr::nav_audit_log, Permission::ViewAuditLog),
    ("/admin/keys", Tr::nav_keys, Permission::ManageSettings),
    ("/admin/fields", Tr::nav_fields, Permission::ManageFields),
    (
        "/admin/permissions",
        Tr::nav_permissions,
        Permission::ManageFields,
    ),
    ("/admin/outbox", Tr::nav_outbox, Permission::ManageSettings),
    ("/admin/export", Tr::nav_export, Permission::ExportAllData),
    (
        "/admin/privacy",
        Tr::nav_privacy_settings,
        Permission::ManageSettings,
    ),
    (
        "/admin/retention",
        Tr::nav_retention,
        Permission::ManageSettings,
    ),
];

/// The settings pages `user` may open; the first is where the header's "Settings" leads.
pub fn settings_pages(user: &CurrentUser) -> impl Iterator<Item = (&'static str, Label)> + '_ {
    SETTINGS_PAGES
        .into_iter()
        .filter(|(_, _, needs)| user.may(*needs))
        .map(|(href, label, _)| (href, label))
}
