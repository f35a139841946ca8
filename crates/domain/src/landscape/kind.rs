//! The kinds of element in the landscape register, with their names in the API, the database
//! and the interface.

use crate::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Application,
    Component,
    DataSet,
    Supplier,
    Contract,
    Interface,
    Relation,
    Person,
    /// Any other element of an imported architecture model, with its ArchiMate type.
    ModelElement,
}

impl EntityKind {
    pub const ALL: [EntityKind; 9] = [
        EntityKind::Application,
        EntityKind::Component,
        EntityKind::DataSet,
        EntityKind::Supplier,
        EntityKind::Contract,
        EntityKind::Interface,
        EntityKind::Relation,
        EntityKind::Person,
        EntityKind::ModelElement,
    ];

    /// The plural Dutch resource name used in the API and in web addresses.
    pub fn resource(self) -> &'static str {
        match self {
            EntityKind::Application => "applicaties",
            EntityKind::Component => "componenten",
            EntityKind::DataSet => "gegevensverzamelingen",
            EntityKind::Supplier => "leveranciers",
            EntityKind::Contract => "contracten",
            EntityKind::Interface => "koppelingen",
            EntityKind::Relation => "relaties",
            EntityKind::Person => "personen",
            EntityKind::ModelElement => "architectuurelementen",
        }
    }

    pub fn from_resource(resource: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.resource() == resource)
    }

    /// The singular Dutch name, used as the stored kind and in the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Application => "applicatie",
            EntityKind::Component => "component",
            EntityKind::DataSet => "gegevensverzameling",
            EntityKind::Supplier => "leverancier",
            EntityKind::Contract => "contract",
            EntityKind::Interface => "koppeling",
            EntityKind::Relation => "relatie",
            EntityKind::Person => "persoon",
            EntityKind::ModelElement => "architectuurelement",
        }
    }

    pub fn from_code(code: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn singular(self, lang: Lang) -> &'static str {
        match self {
            EntityKind::Application => lang.pick("applicatie", "application"),
            EntityKind::Component => lang.pick("component", "component"),
            EntityKind::DataSet => lang.pick("gegevensverzameling", "data set"),
            EntityKind::Supplier => lang.pick("leverancier", "supplier"),
            EntityKind::Contract => lang.pick("contract", "contract"),
            EntityKind::Interface => lang.pick("koppeling", "interface"),
            EntityKind::Relation => lang.pick("relatie", "relation"),
            EntityKind::Person => lang.pick("persoon", "person"),
            EntityKind::ModelElement => lang.pick("architectuurelement", "architecture element"),
        }
    }

    pub fn plural(self, lang: Lang) -> &'static str {
        match self {
            EntityKind::Application => lang.pick("Applicaties", "Applications"),
            EntityKind::Component => lang.pick("Componenten", "Components"),
            EntityKind::DataSet => lang.pick("Gegevensverzamelingen", "Data sets"),
            EntityKind::Supplier => lang.pick("Leveranciers", "Suppliers"),
            EntityKind::Contract => lang.pick("Contracten", "Contracts"),
            EntityKind::Interface => lang.pick("Koppelingen", "Interfaces"),
            EntityKind::Relation => lang.pick("Relaties", "Relations"),
            EntityKind::Person => lang.pick("Personen", "People"),
            EntityKind::ModelElement => lang.pick("Architectuurelementen", "Architecture elements"),
        }
    }

    /// Whether elements of this kind carry a `naam`. Relations are named by their ends.
    pub fn has_name(self) -> bool {
        !matches!(self, EntityKind::Relation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::from_resource(kind.resource()), Some(kind));
            assert_eq!(EntityKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(EntityKind::from_resource("applicatie"), None);
    }
}
