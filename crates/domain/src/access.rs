//! Who may do what: the roles a user holds in an organisation and what each allows.

use crate::Lang;
use crate::landscape::EntityKind;
use serde::{Deserialize, Serialize};

/// A user's role in one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Manages the organisation: users, and everything a regisseur may do.
    Beheerder,
    /// Keeps the register: creates, edits and deletes every element.
    Regisseur,
    /// Procurement: reads the register, keeps suppliers and contracts.
    Inkoper,
    /// Reads the register.
    Lezer,
    /// A supplier's account manager: sees only the contracts and applications of its own
    /// supplier, and that supplier itself.
    Leverancier,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Beheerder,
        Role::Regisseur,
        Role::Inkoper,
        Role::Lezer,
        Role::Leverancier,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Beheerder => "beheerder",
            Role::Regisseur => "regisseur",
            Role::Inkoper => "inkoper",
            Role::Lezer => "lezer",
            Role::Leverancier => "leverancier",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == code.trim().to_lowercase())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Beheerder => lang.pick("Beheerder", "Administrator"),
            Role::Regisseur => lang.pick("Regisseur", "Director"),
            Role::Inkoper => lang.pick("Inkoper", "Procurement officer"),
            Role::Lezer => lang.pick("Lezer", "Reader"),
            Role::Leverancier => lang.pick("Leverancier", "Supplier"),
        }
    }

    /// Whether this role sees elements of `kind` at all (a supplier sees only some kinds).
    pub fn can_read(self, kind: EntityKind) -> bool {
        match self {
            Role::Leverancier => supplier_scope_field(kind).is_some(),
            _ => true,
        }
    }

    pub fn can_write(self, kind: EntityKind) -> bool {
        match self {
            Role::Beheerder | Role::Regisseur => true,
            Role::Inkoper => matches!(kind, EntityKind::Supplier | EntityKind::Contract),
            Role::Lezer | Role::Leverancier => false,
        }
    }

    /// Sets up tenders, registers bids, chairs the evaluation and keeps the procurement policy.
    pub fn can_procure(self) -> bool {
        matches!(self, Role::Beheerder | Role::Regisseur | Role::Inkoper)
    }

    /// Keeps the goals, the sourcing choices and finalises readiness assessments.
    pub fn can_steer(self) -> bool {
        matches!(self, Role::Beheerder | Role::Regisseur)
    }

    /// Sees personal data: the people affected by the transition, by name.
    pub fn can_see_personal_data(self) -> bool {
        matches!(self, Role::Beheerder | Role::Regisseur)
    }

    /// Answers the readiness questionnaire and sees quality, course, readiness and scope: the
    /// organisation's own people, not a supplier's.
    pub fn is_internal(self) -> bool {
        self != Role::Leverancier
    }

    /// Changes the organisation's quality rule settings.
    pub fn can_configure_quality(self) -> bool {
        self == Role::Beheerder
    }

    pub fn can_read_audit(self) -> bool {
        matches!(self, Role::Beheerder | Role::Regisseur)
    }

    pub fn can_manage_users(self) -> bool {
        self == Role::Beheerder
    }

    /// Whether this role's view is limited to one supplier.
    pub fn is_supplier(self) -> bool {
        self == Role::Leverancier
    }
}

/// For a supplier's user: the field of `kind` that must equal the supplier's id for the user to
/// see the element (`id` for the supplier itself); `None` when the user sees no element of it.
pub fn supplier_scope_field(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Application | EntityKind::Contract => Some("leverancierId"),
        EntityKind::Supplier => Some("id"),
        _ => None,
    }
}

/// Whether a user with `role` (tied to `supplier` when the role is `leverancier`) may see the
/// element `id` with this record. Everyone else in the organisation sees everything; a supplier's
/// user sees only what [`supplier_scope_field`] ties to its own supplier.
pub fn may_see(
    role: Role,
    supplier: Option<uuid::Uuid>,
    id: uuid::Uuid,
    record: &crate::landscape::Record,
) -> bool {
    if !role.is_supplier() {
        return true;
    }
    let Some(supplier) = supplier else {
        return false;
    };
    match supplier_scope_field(record.kind()) {
        Some("id") => id == supplier,
        Some(field) => record.text(field) == Some(supplier.to_string().as_str()),
        None => false,
    }
}

/// Failed logins for one account within [`LOGIN_WINDOW_MINUTES`] after which logging in to it
/// is refused for a while.
pub const LOGIN_MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed logins from one client address within the window after which it is refused.
pub const LOGIN_MAX_FAILURES_PER_ADDRESS: i64 = 20;
pub const LOGIN_WINDOW_MINUTES: i64 = 15;

/// Whether a login attempt must be refused because of earlier failures.
pub fn login_throttled(account_failures: i64, address_failures: i64) -> bool {
    account_failures >= LOGIN_MAX_FAILURES_PER_ACCOUNT
        || address_failures >= LOGIN_MAX_FAILURES_PER_ADDRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_rights() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert!(Role::Regisseur.can_write(EntityKind::Application));
        assert!(!Role::Lezer.can_write(EntityKind::Person));
        assert!(Role::Inkoper.can_write(EntityKind::Contract));
        assert!(!Role::Inkoper.can_write(EntityKind::Application));
        assert!(Role::Leverancier.can_read(EntityKind::Contract));
        assert!(!Role::Leverancier.can_read(EntityKind::DataSet));
        assert!(!Role::Leverancier.can_write(EntityKind::Contract));
        assert!(!Role::Lezer.can_read_audit());
    }

    #[test]
    fn suppliers_see_only_their_own() {
        use crate::landscape::{InputMode, validate};
        let supplier = uuid::Uuid::now_v7();
        let other = uuid::Uuid::now_v7();
        let input = serde_json::json!({"naam": "C", "leverancierId": supplier.to_string()});
        let (contract, _) = validate(
            EntityKind::Contract,
            input.as_object().expect("object"),
            InputMode::Api,
            &|_| false,
        );
        let id = uuid::Uuid::now_v7();
        assert!(may_see(Role::Leverancier, Some(supplier), id, &contract));
        assert!(!may_see(Role::Leverancier, Some(other), id, &contract));
        assert!(!may_see(Role::Leverancier, None, id, &contract));
        assert!(may_see(Role::Lezer, None, id, &contract));
    }
}
