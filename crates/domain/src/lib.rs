//! The domain of Regisseur: the model and the rules of every stage of the journey (Basis,
//! Kwaliteit, Koers, Gereedheid, Scope, Businesscase, Aanbesteding, Transitie, Regie).
//!
//! What lives here: types that validate themselves on construction, and every rule, score and
//! formula — each exactly once. What must not: I/O, async, databases, HTTP, templates. The
//! store, the web interface and the CLI call these functions; they never recompute them.

pub mod access;
pub mod business_case;
pub mod goals;
pub mod idmap;
pub mod journey;
pub mod landscape;
pub mod organisation;
pub mod procurement;
pub mod quality;
pub mod readiness;
pub mod reference;
pub mod regie;
pub mod report;
pub mod sourcing;
pub mod transition;
pub mod validation;
pub mod values;

pub use validation::{FieldError, Lang, Problem, ValidationErrors};
