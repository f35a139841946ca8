//! Basis: the landscape register — applications, components, data sets, suppliers, contracts,
//! interfaces (koppelingen), typed relations and people — and the rules for valid elements.

pub mod data;
mod kind;
pub mod names;
mod record;
mod spec;

pub use kind::EntityKind;
pub use record::{
    InputMode, LONG_TEXT_MAX, Record, Reference, parse_date, parse_id, relation_allowed, validate,
};
pub use spec::{
    ACCESS_TYPE, ARCHIMATE_ELEMENT, ARCHIMATE_RELATION_TYPE, ARCHIMATE_RELATIONSHIP,
    COMPONENT_KIND, Choice, FREQUENCY, FieldSpec, FieldType, HOSTING, INTERFACE_STANDARD,
    LEGAL_BASIS, LIFECYCLE, META_FIELDS, RELATION_TYPE, TRANSFER_BASIS, choice_label,
};

/// One change to the register, planned before it is made (an import, a batch).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Create {
        id: uuid::Uuid,
        kind: EntityKind,
        fields: serde_json::Map<String, serde_json::Value>,
    },
    /// Replace the fields of an element whose version is still `version`.
    Update {
        id: uuid::Uuid,
        kind: EntityKind,
        version: i64,
        fields: serde_json::Map<String, serde_json::Value>,
    },
}

/// An element as the register holds it now: what imports plan against and exports write.
#[derive(Debug, Clone, PartialEq)]
pub struct Existing {
    pub id: uuid::Uuid,
    pub version: i64,
    pub record: Record,
}
