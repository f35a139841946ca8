//! The stages of the journey, one folder each, named as the interface names them: each holds
//! its pages, its API handlers and its templates. A stage imports the kit and the domain, never
//! another stage; what two stages share lives in the kit or the domain.

pub mod aanbesteding;
pub mod basis;
pub mod businesscase;
pub mod gereedheid;
pub mod koers;
pub mod kwaliteit;
pub mod overzicht;
pub mod rapportage;
pub mod regie;
pub mod scope;
pub mod transitie;
