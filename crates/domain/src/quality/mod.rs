//! Kwaliteit: is the basis in order? The documentation rules over the register, the
//! completeness of each element, freshness (owners confirming their elements), and the score a
//! municipality steers on (REFERENCE.md §2). Everything here is computed from the register as
//! given, with "today" as a parameter, so that every answer can be reproduced.

mod check;
mod rules;
mod score;
mod settings;

pub use check::{Detail, Finding, Report, Subject, check, has_personal_data};
pub use rules::{RULES, Rule, RuleId};
pub use score::{AreaScore, Check, Facts, Scores, Weight, completeness, element_score, weights};
pub use settings::{RuleSetting, Settings, Thresholds};

use crate::Lang;
use crate::landscape::EntityKind;

/// How serious a finding is. Ordered from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Fout,
    Waarschuwing,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Fout, Severity::Waarschuwing, Severity::Info];

    pub fn code(self) -> &'static str {
        match self {
            Severity::Fout => "fout",
            Severity::Waarschuwing => "waarschuwing",
            Severity::Info => "info",
        }
    }

    pub fn parse(code: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Fout => lang.pick("Fout", "Error"),
            Severity::Waarschuwing => lang.pick("Waarschuwing", "Warning"),
            Severity::Info => lang.pick("Info", "Info"),
        }
    }

    /// The share of its element's score that one finding of this severity takes away
    /// (see [`score`](crate::quality::Scores)).
    pub fn weight(self) -> f64 {
        match self {
            Severity::Fout => 0.5,
            Severity::Waarschuwing => 0.2,
            Severity::Info => 0.0,
        }
    }

    /// Whether this severity is `threshold` or more serious (`--fail-on`).
    pub fn at_least(self, threshold: Severity) -> bool {
        self <= threshold
    }
}

/// The part of the basis a rule or a score is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Documentatie,
    Infrastructuur,
    Gegevens,
    Contracten,
}

impl Area {
    pub const ALL: [Area; 4] = [
        Area::Documentatie,
        Area::Infrastructuur,
        Area::Gegevens,
        Area::Contracten,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Area::Documentatie => "documentatie",
            Area::Infrastructuur => "infrastructuur",
            Area::Gegevens => "gegevens",
            Area::Contracten => "contracten",
        }
    }

    pub fn parse(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Area::Documentatie => lang.pick("Documentatie", "Documentation"),
            Area::Infrastructuur => lang.pick("Infrastructuur", "Infrastructure"),
            Area::Gegevens => lang.pick("Gegevens", "Data"),
            Area::Contracten => lang.pick("Contracten", "Contracts"),
        }
    }

    /// The area in whose score elements of `kind` count; `None` for the kinds that are not
    /// scored (relations, people and other architecture elements).
    pub fn of_kind(kind: EntityKind) -> Option<Area> {
        match kind {
            EntityKind::Application => Some(Area::Documentatie),
            EntityKind::Component | EntityKind::Interface => Some(Area::Infrastructuur),
            EntityKind::DataSet => Some(Area::Gegevens),
            EntityKind::Supplier | EntityKind::Contract => Some(Area::Contracten),
            EntityKind::Relation | EntityKind::Person | EntityKind::ModelElement => None,
        }
    }
}

/// The kinds whose elements an owner confirms (freshness): those with an owner field.
pub const CONFIRMABLE: [EntityKind; 4] = [
    EntityKind::Application,
    EntityKind::Component,
    EntityKind::DataSet,
    EntityKind::Contract,
];

/// The field that names an element's owner, for the kinds that have one.
pub fn owner_field(kind: EntityKind) -> Option<&'static str> {
    CONFIRMABLE.contains(&kind).then_some("eigenaarId")
}

/// Who may confirm that an element is correct: its owner — the user whose e-mail address is
/// that of the person recorded as the element's owner — or a beheerder of the organisation.
pub fn may_confirm(role: crate::access::Role, user_email: &str, owner_email: Option<&str>) -> bool {
    role == crate::access::Role::Beheerder
        || owner_email.is_some_and(|owner| owner.trim().eq_ignore_ascii_case(user_email.trim()))
}

#[cfg(test)]
mod tests;
