//! The SLA report of a year with 1,000,000 incidents and 100,000 outages (issue 9: aim under
//! 1 s on this machine): two availability norms (24×7 and office hours), resolution times for
//! P1–P3 and a response time for P1, measured per month.
//!
//! Run: `cargo bench -p regisseur-domain --bench sla`

use regisseur_domain::regie::sla::{SlaInput, compute};
use std::time::Instant;

/// A small deterministic generator (xorshift), so every run measures the same year.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn time(minute_of_year: u64) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a date");
    (start + chrono::Duration::minutes(minute_of_year as i64))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn year() -> SlaInput {
    use serde_json::json;
    let mut rng = Rng(0x5EED_2027);
    let minutes = 365 * 24 * 60 - 600;
    let storingen: Vec<serde_json::Value> = (0..100_000)
        .map(|i| {
            let begin = rng.below(minutes);
            let norm = if i % 2 == 0 {
                "beschikbaarheid-zaaksysteem"
            } else {
                "beschikbaarheid-werkplek"
            };
            json!({"norm": norm, "begin": time(begin), "einde": time(begin + 1 + rng.below(90))})
        })
        .collect();
    let incidenten: Vec<serde_json::Value> = (0..1_000_000)
        .map(|i| {
            let reported = rng.below(minutes);
            let answered = reported + rng.below(120);
            let resolved = answered + rng.below(3 * 24 * 60);
            let priority = ["P1", "P2", "P3"][i % 3];
            json!({"prioriteit": priority, "gemeld": time(reported), "gereageerd": time(answered), "opgelost": time(resolved)})
        })
        .collect();
    let staffel = json!([{"onder": 99.9, "credit": 0.1}, {"onder": 99.0, "credit": 0.25}]);
    let input: SlaInput = serde_json::from_value(json!({
        "maandbedrag": 40000.0, "maxCredit": 0.5,
        "maanden": (1..=12).map(|m| format!("2027-{m:02}")).collect::<Vec<_>>(),
        "normen": [
            {"id": "beschikbaarheid-zaaksysteem", "soort": "beschikbaarheid", "venster": "24x7", "doel": 99.9, "staffel": staffel},
            {"id": "beschikbaarheid-werkplek", "soort": "beschikbaarheid", "venster": "kantooruren", "doel": 99.5, "staffel": staffel},
            {"id": "reactie-p1", "soort": "reactietijd", "prioriteit": "P1", "venster": "24x7", "doelUren": 1, "doel": 95.0},
            {"id": "oplostijd-p1", "soort": "oplostijd", "prioriteit": "P1", "venster": "24x7", "doelUren": 4, "doel": 90.0},
            {"id": "oplostijd-p2", "soort": "oplostijd", "prioriteit": "P2", "venster": "kantooruren", "doelUren": 8, "doel": 90.0},
            {"id": "oplostijd-p3", "soort": "oplostijd", "prioriteit": "P3", "venster": "kantooruren", "doelUren": 24, "doel": 80.0}
        ],
        "storingen": storingen,
        "incidenten": incidenten,
    }))
    .expect("a valid year");
    input
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("sla: benchmark");
        return;
    }
    let input = year();
    let mut times = Vec::new();
    let mut credits = 0.0;
    for _ in 0..5 {
        let start = Instant::now();
        let prepared = input.prepare().expect("valid");
        let report = compute(&prepared);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        credits = report.total_credits;
    }
    times.sort_by(f64::total_cmp);
    println!(
        "1,000,000 incidents, 100,000 outages, 6 norms, 12 months (read and compute): median {:.0} ms (min {:.0}, max {:.0}); credits {credits:.2}",
        times[2], times[0], times[4]
    );
}
