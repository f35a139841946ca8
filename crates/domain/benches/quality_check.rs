//! All quality rules and the score over synthetic landscapes of 10,000, 50,000 and 100,000
//! elements with three relations per element (issue 4: 100,000 + 300,000 in under 1 s).
//!
//! Run: `cargo bench -p regisseur-domain --bench quality_check`

use chrono::NaiveDate;
use regisseur_domain::landscape::{EntityKind, Record};
use regisseur_domain::quality::{Settings, check};
use regisseur_domain::reference::ReferenceCatalog;
use std::collections::HashMap;
use std::time::Instant;
use uuid::Uuid;

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::landscape;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("quality_check: benchmark");
        return;
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let catalog = ReferenceCatalog::gemma();
    let settings = Settings::default();
    println!(
        "| elements | relations | findings | rules and score (median of 5) | per 1,000 records |"
    );
    println!("|---|---|---|---|---|");
    for n in [10_000, 50_000, 100_000] {
        let owned = landscape(n);
        let items: Vec<(Uuid, &Record)> = owned.iter().map(|(id, r)| (*id, r)).collect();
        // Confirmations for two thirds of the elements.
        let confirmations: HashMap<Uuid, NaiveDate> = owned
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(i, (id, _))| (*id, today - chrono::Days::new((i % 500) as u64)))
            .collect();
        let relations = owned
            .iter()
            .filter(|(_, r)| r.kind() == EntityKind::Relation)
            .count();
        let mut runs = Vec::new();
        let mut findings = 0;
        for _ in 0..5 {
            let start = Instant::now();
            let report = check(&items, &[], &confirmations, catalog, &settings, today);
            runs.push(start.elapsed().as_secs_f64() * 1000.0);
            findings = report.findings.len();
        }
        runs.sort_by(f64::total_cmp);
        let median = runs[2];
        println!(
            "| {} | {relations} | {findings} | {median:.0} ms | {:.2} ms |",
            owned.len() - relations,
            median / owned.len() as f64 * 1000.0
        );
    }
}
