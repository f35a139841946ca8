//! "Today" for the whole application: the real date, or the day it was told to run as
//! (`regisseur --today YYYY-MM-DD`), so that a demonstration, a training or a test runs as of a
//! fixed day. Nothing below the web layer asks the clock for a date: the domain gets the day as
//! a parameter, from here.
//!
//! Only dates follow the chosen day. Times that guard security — sessions, login throttling,
//! tokens, upload expiry — always use the real clock.

use chrono::{DateTime, NaiveDate, Utc};
use std::sync::OnceLock;

static TODAY: OnceLock<NaiveDate> = OnceLock::new();

/// Runs the application as of `day` from now on. The first call wins (the day is fixed for the
/// life of the process); answers whether this call set it.
pub fn run_as_of(day: NaiveDate) -> bool {
    TODAY.set(day).is_ok()
}

/// The day the application computes with.
pub fn today() -> NaiveDate {
    TODAY
        .get()
        .copied()
        .unwrap_or_else(|| Utc::now().date_naive())
}

/// Now, on [`today`]: the real time of day on the day the application runs as of.
pub fn now() -> DateTime<Utc> {
    let real = Utc::now();
    match TODAY.get() {
        Some(day) => day.and_time(real.time()).and_utc(),
        None => real,
    }
}
