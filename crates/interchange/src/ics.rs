//! The director's agenda as an iCalendar feed (RFC 5545) that calendars subscribe to: one
//! all-day event per line, with a stable UID so a calendar updates rather than duplicates.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

/// The product identifier of the feed (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//Regisseur//Regie-agenda//NL";

/// One event of the feed.
pub struct AgendaEvent {
    /// Stable across fetches: the same line keeps its UID.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// The page the line comes from.
    pub url: Option<String>,
}

/// The feed as text, made at `now` (each event's DTSTAMP). An all-day event lasts its day:
/// `DTEND;VALUE=DATE` is the next day, since RFC 5545 §3.6.1 makes DTEND exclusive.
pub fn agenda_feed(name: &str, events: &[AgendaEvent], now: DateTime<Utc>) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(name);
    for e in events {
        let mut event = Event::new();
        event
            .uid(&e.uid)
            .timestamp(now)
            .summary(&e.summary)
            .description(&e.description)
            .starts(e.date)
            .ends(e.date.succ_opt().unwrap_or(e.date))
            .append_property(Property::new("TRANSP", "TRANSPARENT"));
        if let Some(url) = &e.url {
            event.url(url);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(date: NaiveDate) -> String {
        agenda_feed(
            "Regie-agenda Gemeente Voorbeeld",
            &[AgendaEvent {
                uid: "opzegdatum-1234@regisseur".into(),
                date,
                summary: "Uiterste opzegdatum: Hosting".into(),
                description: "Laatste dag om op te zeggen of te verlengen (1 maand opzegtermijn)"
                    .into(),
                url: Some("https://regisseur.example/o/voorbeeld/regie".into()),
            }],
            DateTime::from_timestamp(1_796_601_600, 0).unwrap_or_default(),
        )
    }

    #[test]
    fn one_all_day_event_per_line_with_a_stable_uid() {
        let date = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap_or(NaiveDate::MIN);
        let text = feed(date);
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(text.contains("BEGIN:VEVENT"));
        assert!(text.contains("UID:opzegdatum-1234@regisseur"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270228"));
        assert!(text.contains("DTEND;VALUE=DATE:20270301"), "{text}");
        assert!(text.contains("PRODID:-//Regisseur//Regie-agenda//NL"));
        assert!(text.contains("URL:https://regisseur.example/o/voorbeeld/regie"));
        assert!(text.contains("DTSTAMP:20261207T000000Z"), "{text}");
        assert!(text.contains("SUMMARY:Uiterste opzegdatum: Hosting"));
        assert!(text.contains("\r\n"), "CRLF line ends");
        assert!(!text.contains("ICALENDAR-RS"));
    }

    /// The year's last day and a leap day end on the next day of the calendar.
    #[test]
    fn the_end_is_the_next_day_across_months_years_and_leap_days() {
        for (day, next) in [
            ((2026, 12, 31), "20270101"),
            ((2028, 2, 28), "20280229"),
            ((2028, 2, 29), "20280301"),
            ((2027, 2, 28), "20270301"),
        ] {
            let date = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap_or(NaiveDate::MIN);
            assert!(
                feed(date).contains(&format!("DTEND;VALUE=DATE:{next}")),
                "{day:?}"
            );
        }
    }
}
