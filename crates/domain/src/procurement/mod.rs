//! Aanbesteding: the lawful procurement route (REFERENCE.md §5) and a transparent,
//! reproducible evaluation of the bids (§6).
//!
//! - `route`: the estimated value (art. 2.15–2.17), the EU threshold in force on the notice date,
//!   every procedure with whether it is allowed and on what ground, the advice with its
//!   motivation along the Gids Proportionaliteit, Best Value and market consultation, the
//!   minimum timeline and warnings.
//! - `evaluation`: knock-out requirements, quality scores, the three price methods (absolute
//!   scale, relative to the lowest bid, value in euros), ties, sensitivity of the weights and the
//!   rank-reversal check.

pub mod evaluation;
pub mod route;
pub mod workflow;
