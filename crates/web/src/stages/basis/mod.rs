//! Basis: the register of the landscape (applications, components, data sets, suppliers,
//! contracts, people), its import and export.

pub mod transfer;
