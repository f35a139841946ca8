//! Gemeente Voorbeeld holds on every day, and tells the same story on every day: built (without a
//! database, checked as the store checks it) for each day from 2026 to 2029, it has the same
//! findings per rule, the same agenda for the Burgerzaken contract, the same SLA months met and
//! missed, and the same warnings about the transition plan as on the day its tables are written
//! for.

use chrono::{Days, NaiveDate};
use regisseur_demo::{REFERENCE_DAY, Story, build};

fn story(day: NaiveDate) -> Story {
    build(day)
        .unwrap_or_else(|e| panic!("the demo does not build on {day}: {e}"))
        .story()
}

#[test]
fn the_story_on_the_reference_day() {
    let story = story(REFERENCE_DAY);
    let count = |rule: &str| story.findings.get(rule).copied().unwrap_or(0);
    // What the demo is there to show: contracts near or past their notice date, late
    // assurance reports, personal data outside the EEA, the dal in the relationship.
    assert!(story.findings.len() >= 10, "{:?}", story.findings);
    assert!(
        count("contract-opzegtermijn-nadert") >= 1,
        "{:?}",
        story.findings
    );
    assert!(count("contract-verlopen") >= 1, "{:?}", story.findings);
    assert!(
        count("contract-zonder-assurance") >= 1,
        "{:?}",
        story.findings
    );
    assert!(count("gegevens-buiten-eer") >= 1, "{:?}", story.findings);
    assert_eq!(
        story.overdue,
        ["assurancerapport"],
        "the late assurance report"
    );
    assert_eq!(
        story.upcoming,
        ["opzegdatum", "exitplan-test"],
        "the notice deadline of the Burgerzaken contract comes up"
    );
    assert_eq!(
        story.sla_met.len(),
        5,
        "five months measured: {:?}",
        story.sla_met
    );
    assert!(story.sla_met.iter().any(|m| !m), "a month with credit");
    assert!(story.sla_met.iter().any(|m| *m), "a month without");
    assert_eq!(story.plan_warnings, 1, "stabilisation planned too short");
}

#[test]
fn the_same_story_on_every_day_from_2026_to_2029() {
    let reference = story(REFERENCE_DAY);
    let (first, last) = (
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
        NaiveDate::from_ymd_opt(2029, 12, 31).expect("date"),
    );
    let mut day = first;
    let mut differs = Vec::new();
    while day <= last {
        let told = story(day);
        if told != reference {
            differs.push(format!("{day}: {told:?}"));
        }
        day = day + Days::new(1);
    }
    assert!(
        differs.is_empty(),
        "{} of the days tell another story than {REFERENCE_DAY} ({reference:?}):\n{}",
        differs.len(),
        differs
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
