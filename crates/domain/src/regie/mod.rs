//! Regie: directing the partner after signing (REFERENCE.md §7). `calendar` knows the service
//! windows (24×7, or office hours on Dutch working days in Europe/Amsterdam); `sla` measures the
//! norms per month from outages and incidents, grants service credits and finds chronic failure.

pub mod calendar;
pub mod sla;
