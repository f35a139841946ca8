//! Service windows in Europe/Amsterdam time.
//!
//! - `24x7`: every minute counts; local times are turned into real instants, so a night in which
//!   the clocks change is an hour shorter or longer.
//! - `kantooruren`: Monday to Friday 08:00–18:00 local time, except Dutch public holidays: New
//!   Year's Day, Easter Sunday and Monday, King's Day (27 April, or 26 April when the 27th is a
//!   Sunday), Liberation Day (5 May) in years divisible by 5, Ascension Day, Whit Sunday and
//!   Monday, Christmas Day and Boxing Day — plus extra days per contract. The clocks change on
//!   Sunday nights, outside office hours, so local times measure office minutes exactly.
//!
//! [`Window::minutes_between`] is O(1): office minutes come from a running total per day.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Weekday};
use chrono_tz::Europe::Amsterdam;
use std::collections::HashSet;

/// Which minutes count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum WindowKind {
    #[serde(rename = "24x7")]
    AllHours,
    #[serde(rename = "kantooruren")]
    OfficeHours,
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The Dutch public holidays of a year that close offices.
pub fn holidays(year: i32) -> Vec<NaiveDate> {
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let e = easter(year);
    let plus = |n: u64| e.checked_add_days(Days::new(n));
    let kings = match day(4, 27) {
        Some(d) if d.weekday() == Weekday::Sun => day(4, 26),
        other => other,
    };
    let mut days: Vec<NaiveDate> = [
        day(1, 1),
        Some(e),
        plus(1),
        kings,
        (year % 5 == 0).then(|| day(5, 5)).flatten(),
        plus(39),
        plus(49),
        plus(50),
        day(12, 25),
        day(12, 26),
    ]
    .into_iter()
    .flatten()
    .collect();
    days.sort_unstable();
    days
}

const OPEN: u32 = 8 * 60;
const CLOSE: u32 = 18 * 60;

/// A local time as a real instant, in minutes since the epoch. A time that does not exist (the
/// hour skipped in spring) counts as the moment the clocks jumped; a time that occurs twice
/// (autumn) as its first occurrence.
pub fn instant(local: NaiveDateTime) -> i64 {
    match Amsterdam.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.timestamp() / 60,
        chrono::LocalResult::Ambiguous(first, _) => first.timestamp() / 60,
        chrono::LocalResult::None => {
            // Spring forward: 02:xx does not exist; the clocks showed 03:00 at 01:00 UTC.
            let later = local + chrono::Duration::hours(1);
            Amsterdam
                .from_local_datetime(&later)
                .earliest()
                .map_or(local.and_utc().timestamp() / 60, |t| {
                    t.timestamp() / 60 - 60
                })
        }
    }
}

/// A service window over a range of days, with the office minutes before each day and each
/// day's UTC offset (from the time zone database, once per day).
#[derive(Debug, Clone)]
pub struct Window {
    pub kind: WindowKind,
    first: NaiveDate,
    /// Office minutes from `first` up to the start of day `i`.
    before: Vec<u64>,
    open: Vec<bool>,
    /// Minutes ahead of UTC all day, or `None` on a day the clocks change.
    offset: Vec<Option<i64>>,
}

/// Minutes ahead of UTC at a local time (the first occurrence when it is ambiguous).
fn offset_at(local: NaiveDateTime) -> Option<i64> {
    Amsterdam
        .from_local_datetime(&local)
        .earliest()
        .map(|t| (local.and_utc().timestamp() - t.timestamp()) / 60)
}

impl Window {
    /// The window for `kind` over the days `first..=last` (times outside them are clamped),
    /// with the contract's extra closed days.
    pub fn new(
        kind: WindowKind,
        first: NaiveDate,
        last: NaiveDate,
        extra_closed: &[NaiveDate],
    ) -> Window {
        let mut closed: HashSet<NaiveDate> = extra_closed.iter().copied().collect();
        for year in first.year()..=last.year() {
            closed.extend(holidays(year));
        }
        let days = (last - first).num_days().max(0) as usize + 2;
        let mut before = Vec::with_capacity(days + 1);
        let mut open = Vec::with_capacity(days);
        let mut offset = Vec::with_capacity(days);
        let mut total = 0u64;
        let mut day = first;
        for _ in 0..days {
            before.push(total);
            let is_open =
                !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !closed.contains(&day);
            open.push(is_open);
            let (start, end) = (day.and_time(NaiveTime::MIN), day.and_hms_opt(23, 59, 0));
            let at_start = offset_at(start);
            offset.push(at_start.filter(|o| end.and_then(offset_at) == Some(*o)));
            if is_open {
                total += u64::from(CLOSE - OPEN);
            }
            day = day.succ_opt().unwrap_or(day);
        }
        before.push(total);
        Window {
            kind,
            first,
            before,
            open,
            offset,
        }
    }

    /// A local time as a real instant in minutes (see [`instant`]), from the day's offset when
    /// the clocks do not change that day.
    fn instant(&self, t: NaiveDateTime) -> i64 {
        match self.index(t.date()).and_then(|i| self.offset[i]) {
            Some(offset) => t.and_utc().timestamp() / 60 - offset,
            None => instant(t),
        }
    }

    /// Whether offices are open on this day (false outside the range).
    pub fn is_open(&self, day: NaiveDate) -> bool {
        self.index(day).is_some_and(|i| self.open[i])
    }

    fn index(&self, day: NaiveDate) -> Option<usize> {
        usize::try_from((day - self.first).num_days())
            .ok()
            .filter(|i| *i < self.open.len())
    }

    /// Office minutes from the start of the range up to a local time.
    fn office_upto(&self, t: NaiveDateTime) -> u64 {
        let Ok(i) = usize::try_from((t.date() - self.first).num_days()) else {
            return 0;
        };
        if i >= self.open.len() {
            return self.before[self.open.len()];
        }
        let minute = t.hour() * 60 + t.minute();
        let today = if self.open[i] {
            minute.clamp(OPEN, CLOSE) - OPEN
        } else {
            0
        };
        self.before[i] + u64::from(today)
    }

    /// The window's minutes between two local times (0 when `to` is not after `from`).
    pub fn minutes_between(&self, from: NaiveDateTime, to: NaiveDateTime) -> u64 {
        if to <= from {
            return 0;
        }
        match self.kind {
            WindowKind::AllHours => {
                u64::try_from(self.instant(to) - self.instant(from)).unwrap_or(0)
            }
            WindowKind::OfficeHours => self.office_upto(to).saturating_sub(self.office_upto(from)),
        }
    }
}

/// The first moment of a month, local time.
pub fn month_start(year: i32, month: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_time(NaiveTime::MIN)
}

/// The month after (year, month).
pub fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn easter_and_the_holidays_that_follow_it() {
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2026), d(2026, 4, 5));
        assert_eq!(easter(2027), d(2027, 3, 28));
        assert_eq!(easter(2030), d(2030, 4, 21));
        let h = holidays(2027);
        for day in [
            d(2027, 1, 1),
            d(2027, 3, 28),
            d(2027, 3, 29),
            d(2027, 4, 27),
            d(2027, 5, 6),
            d(2027, 5, 16),
            d(2027, 5, 17),
            d(2027, 12, 25),
            d(2027, 12, 26),
        ] {
            assert!(h.contains(&day), "{day}");
        }
        assert!(
            !h.contains(&d(2027, 5, 5)),
            "Liberation Day only in lustrum years"
        );
        assert!(holidays(2030).contains(&d(2030, 5, 5)));
        // King's Day on a Sunday moves to Saturday the 26th (2025, 2031).
        assert!(holidays(2025).contains(&d(2025, 4, 26)));
        assert!(!holidays(2025).contains(&d(2025, 4, 27)));
        assert!(holidays(2031).contains(&d(2031, 4, 26)));
    }

    #[test]
    fn office_minutes_skip_nights_weekends_and_holidays() {
        let w = Window::new(WindowKind::OfficeHours, d(2027, 1, 1), d(2027, 12, 31), &[]);
        // Friday 5 March 17:00 to Monday 8 March 10:00: one hour Friday, two Monday.
        assert_eq!(
            w.minutes_between(at("2027-03-05T17:00"), at("2027-03-08T10:00")),
            180
        );
        // Easter Monday (29 March 2027) is closed: Thursday 25 March 17:00 → Tuesday 30 March 09:00
        // = 1 h Thu + 10 h Fri (Good Friday is a working day) + 1 h Tue.
        assert_eq!(
            w.minutes_between(at("2027-03-25T17:00"), at("2027-03-30T09:00")),
            12 * 60
        );
        // Before opening and after closing count nothing.
        assert_eq!(
            w.minutes_between(at("2027-03-04T06:00"), at("2027-03-04T07:59")),
            0
        );
        assert_eq!(
            w.minutes_between(at("2027-03-04T18:30"), at("2027-03-05T08:00")),
            0
        );
        // An extra closed day of the contract.
        let closed = Window::new(
            WindowKind::OfficeHours,
            d(2027, 1, 1),
            d(2027, 12, 31),
            &[d(2027, 12, 24)],
        );
        assert!(!closed.is_open(d(2027, 12, 24)) && w.is_open(d(2027, 12, 24)));
        // Month ends: Wednesday 31 March 17:00 → Thursday 1 April 09:00.
        assert_eq!(
            w.minutes_between(at("2027-03-31T17:00"), at("2027-04-01T09:00")),
            120
        );
    }

    #[test]
    fn round_the_clock_minutes_follow_the_clocks_changing() {
        let w = Window::new(WindowKind::AllHours, d(2027, 1, 1), d(2027, 12, 31), &[]);
        // Spring forward on 28 March 2027: 01:00 → 04:00 local is two real hours.
        assert_eq!(
            w.minutes_between(at("2027-03-28T01:00"), at("2027-03-28T04:00")),
            120
        );
        // Fall back on 31 October 2027: 01:00 → 04:00 local is four real hours.
        assert_eq!(
            w.minutes_between(at("2027-10-31T01:00"), at("2027-10-31T04:00")),
            240
        );
        // March 2027 has 31 × 24 − 1 hours.
        let march = w.minutes_between(month_start(2027, 3), month_start(2027, 4));
        assert_eq!(march, (31 * 24 - 1) * 60);
        // The office window does not notice (the change is on a Sunday night).
        let office = Window::new(WindowKind::OfficeHours, d(2027, 1, 1), d(2027, 12, 31), &[]);
        assert_eq!(
            office.minutes_between(at("2027-03-26T17:00"), at("2027-03-29T09:00")),
            60,
            "Fri 17–18 (Mon is Easter Monday)"
        );
    }
}
