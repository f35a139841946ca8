//! Regie: directing the partner after signing (REFERENCE.md §7). `calendar` knows the service
//! windows (24×7, or office hours on Dutch working days in Europe/Amsterdam); `sla` measures the
//! norms per month from outages and incidents, grants service credits and finds chronic failure;
//! `obligations` holds the notice deadline, the obligations that fall due and the agenda;
//! `health` the quarterly survey of both sides with the *dal* and *watermelon* warnings.

pub mod calendar;
pub mod health;
pub mod obligations;
pub mod register;
pub mod sla;
