//! Figures that a stage shows and the council dossier shows again, drawn once from the domain's
//! results.

pub mod business_case;
pub mod gantt;
pub mod radar;
