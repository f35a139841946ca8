//! The SLA engine against hand-computed cases.

use super::*;

fn input(json: serde_json::Value) -> SlaInput {
    serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
}

fn report(i: &SlaInput) -> SlaReport {
    compute(&i.prepare().unwrap_or_else(|e| panic!("{e:?}")))
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

fn example() -> serde_json::Value {
    json!({
        "maandbedrag": 40000.0, "maxCredit": 0.5,
        "normen": [
            {"id": "beschikbaarheid-zaaksysteem", "soort": "beschikbaarheid", "venster": "24x7", "doel": 99.9,
             "staffel": [{"onder": 99.9, "credit": 0.10}, {"onder": 99.0, "credit": 0.25}, {"onder": 95.0, "credit": 0.50}]},
            {"id": "oplostijd-p1", "soort": "oplostijd", "prioriteit": "P1", "venster": "kantooruren", "doelUren": 4, "doel": 90.0,
             "staffel": [{"onder": 90.0, "credit": 0.05}]}
        ],
        "storingen": [{"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-03-04T10:00", "einde": "2027-03-04T12:30"}],
        "incidenten": [{"prioriteit": "P1", "gemeld": "2027-03-05T17:00", "opgelost": "2027-03-08T10:00"}]
    })
}

#[test]
fn the_example_of_the_issue() {
    let r = report(&input(example()));
    assert_eq!(r.months.len(), 1);
    let march = &r.months[0];
    assert_eq!(march.month, (2027, 3));
    // March 2027 has 31 × 24 − 1 hours (summer time); 150 minutes down.
    let total = ((31 * 24 - 1) * 60) as f64;
    close(
        march.norms[0].value.unwrap_or(0.0),
        100.0 * (total - 150.0) / total,
    );
    assert!(!march.norms[0].met);
    close(march.norms[0].credit, 0.10);
    // The P1 incident: Friday 17–18 and Monday 08–10 = 3 office hours, within 4.
    assert_eq!(march.norms[1].value, Some(100.0));
    assert!(march.norms[1].met);
    close(march.credit_share, 0.10);
    close(march.credit_amount, 4_000.0);
    close(r.total_credits, 4_000.0);
    assert!(r.chronic.is_empty());
    let json = r.to_json();
    assert_eq!(json["maanden"][0]["maand"], "2027-03");
    assert_eq!(json["maanden"][0]["creditPercentage"], json!(10.0));
    assert_eq!(json["totaalCredits"], json!(4000.0));
}

#[test]
fn overlapping_outages_count_once_and_month_boundaries_split() {
    let mut v = example();
    v["storingen"] = json!([
        {"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-04-30T23:00", "einde": "2027-05-01T01:00"},
        {"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-04-30T23:30", "einde": "2027-04-30T23:45"},
        {"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-05-10T09:00", "einde": "2027-05-10T09:30"},
        {"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-05-10T09:15", "einde": "2027-05-10T10:00"}
    ]);
    v["incidenten"] = json!([]);
    let r = report(&input(v));
    assert_eq!(
        r.months.iter().map(|m| m.month).collect::<Vec<_>>(),
        [(2027, 4), (2027, 5)]
    );
    let april = (30 * 24 * 60) as f64;
    close(
        r.months[0].norms[0].value.unwrap_or(0.0),
        100.0 * (april - 60.0) / april,
    );
    let may = (31 * 24 * 60) as f64;
    // 60 minutes after midnight, and 09:00–10:00 once.
    close(
        r.months[1].norms[0].value.unwrap_or(0.0),
        100.0 * (may - 120.0) / may,
    );
    // No incidents: the P1 norm is met, measured as nothing.
    assert_eq!(r.months[0].norms[1].value, None);
    assert!(r.months[0].norms[1].met);
    assert_eq!(
        r.to_json()["maanden"][0]["normen"][1]["gemeten"],
        serde_json::Value::Null
    );
}

#[test]
fn office_hours_outages_and_incidents_in_the_month_they_are_resolved() {
    let v = json!({
        "maandbedrag": 10000.0, "maxCredit": 0.5,
        "normen": [
            {"id": "werkplek", "soort": "beschikbaarheid", "venster": "kantooruren", "doel": 99.0,
             "staffel": [{"onder": 99.0, "credit": 0.1}]},
            {"id": "reactie-p2", "soort": "reactietijd", "prioriteit": "P2", "venster": "kantooruren", "doelUren": 1, "doel": 50.0,
             "staffel": [{"onder": 50.0, "credit": 0.05}]}
        ],
        "storingen": [{"norm": "werkplek", "begin": "2027-06-04T16:00", "einde": "2027-06-07T10:00"}],
        "incidenten": [
            {"prioriteit": "P2", "gemeld": "2027-06-30T17:30", "gereageerd": "2027-07-01T08:15", "opgelost": "2027-07-01T12:00"},
            {"prioriteit": "P2", "gemeld": "2027-07-02T09:00", "gereageerd": "2027-07-02T11:00", "opgelost": "2027-07-02T12:00"}
        ]
    });
    let r = report(&input(v));
    // June 2027: 22 working days (no holidays) × 600 minutes; down Friday 16–18 and Monday 08–10.
    let june = (22 * 600) as f64;
    close(
        r.months[0].norms[0].value.unwrap_or(0.0),
        100.0 * (june - 240.0) / june,
    );
    assert!(!r.months[0].norms[0].met);
    // Both incidents count in July (resolved there): answered in 30 + 15 office minutes (within
    // the hour) and in 120 (not).
    assert_eq!(r.months[0].norms[1].value, None);
    assert_eq!(r.months[1].norms[1].value, Some(50.0));
    assert!(r.months[1].norms[1].met);
}

#[test]
fn credits_take_the_highest_tier_and_the_month_is_capped() {
    let mut v = example();
    v["maxCredit"] = json!(0.3);
    // 40 hours down in March: below 95 % → 0.50 for this norm alone, capped at 0.30.
    v["storingen"] = json!([{"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-03-01T00:00", "einde": "2027-03-02T16:00"}]);
    let r = report(&input(v));
    close(r.months[0].norms[0].credit, 0.50);
    close(r.months[0].credit_share, 0.30);
    close(r.months[0].credit_amount, 12_000.0);
}

#[test]
fn chronic_failure_is_three_misses_in_six_consecutive_months() {
    let reported = |misses: &[&str]| -> serde_json::Value {
        let mut v = example();
        v["storingen"] = json!([]);
        v["incidenten"] = json!([]);
        v["maanden"] = json!([
            "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08"
        ]);
        v["rapportages"] = misses
            .iter()
            .map(|m| json!({"maand": m, "norm": "beschikbaarheid-zaaksysteem", "gemeten": 99.5}))
            .collect();
        v
    };
    let r = report(&input(reported(&["2027-01", "2027-03", "2027-06"])));
    assert_eq!(r.chronic, ["beschikbaarheid-zaaksysteem"]);
    let quarters = r.all_met_per_quarter();
    assert_eq!(quarters.get(&(2027, 1)), Some(&false));
    assert_eq!(quarters.get(&(2027, 2)), Some(&false));
    assert_eq!(quarters.get(&(2027, 3)), Some(&true));
    assert_eq!(r.months.len(), 8);
    assert_eq!(
        r.months[0].norms[0].value,
        Some(99.5),
        "the reported figure counts"
    );
    assert_eq!(
        r.months[1].norms[0].value,
        Some(100.0),
        "no outage, full availability"
    );
    let r = report(&input(reported(&["2027-01", "2027-04", "2027-07"])));
    assert!(r.chronic.is_empty(), "never three within six months");
}

#[test]
fn bad_input_is_named_by_its_key_path() {
    let mut v = example();
    v["normen"][0]["staffel"] =
        json!([{"onder": 95.0, "credit": 0.5}, {"onder": 99.0, "credit": 0.25}]);
    v["storingen"] = json!([
        {"norm": "beschikbaarheid-zaaksysteem", "begin": "2027-03-04T12:00", "einde": "2027-03-04T10:00"},
        {"norm": "onbekend", "begin": "2027-03-04T12:00", "einde": "2027-03-04T13:00"}
    ]);
    v["incidenten"] =
        json!([{"prioriteit": "P1", "gemeld": "2027-03-05T17:00", "opgelost": "2027-03-05T10:00"}]);
    v["maanden"] = json!(["03"]);
    let i = input(v);
    let errors = i.prepare().expect_err("invalid");
    let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "normen[0].staffel",
            "storingen[0].einde",
            "storingen[1].norm",
            "incidenten[0].opgelost",
            "maanden[0]"
        ]
    );
}
