//! The director's agenda as an iCalendar feed (RFC 5545) that calendars subscribe to: one
//! all-day event per line, with a stable UID so a calendar updates rather than duplicates.

use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike};

/// One event of the feed.
pub struct AgendaEvent {
    /// Stable across fetches: the same line keeps its UID.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// The feed as text.
pub fn agenda_feed(name: &str, events: &[AgendaEvent]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for e in events {
        let mut event = Event::new();
        event
            .uid(&e.uid)
            .summary(&e.summary)
            .description(&e.description)
            .all_day(e.date);
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

    #[test]
    fn one_all_day_event_per_line_with_a_stable_uid() {
        let date = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap_or(NaiveDate::MIN);
        let text = agenda_feed(
            "Regie-agenda Gemeente Voorbeeld",
            &[AgendaEvent {
                uid: "opzegdatum-1234@regisseur".into(),
                date,
                summary: "Uiterste opzegdatum: Hosting".into(),
                description: "Laatste dag om op te zeggen of te verlengen".into(),
                url: Some("https://regisseur.example/o/voorbeeld/regie".into()),
            }],
        );
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(text.contains("BEGIN:VEVENT"));
        assert!(text.contains("UID:opzegdatum-1234@regisseur"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270228"));
        assert!(text.contains("SUMMARY:Uiterste opzegdatum: Hosting"));
        assert!(text.contains("\r\n"), "CRLF line ends");
    }
}
