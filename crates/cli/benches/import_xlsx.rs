//! Import of an XLSX application list of 10,000 rows into a fresh SQLite database, end to end:
//! read the workbook, parse and check every row, plan against the register, write it all in one
//! transaction. Run with `cargo bench -p regisseur --bench import_xlsx`.

use regisseur_domain::landscape::{EntityKind, InputMode, validate};
use regisseur_domain::organisation::NewOrganisation;
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_interchange::applist::parse_application_file;
use regisseur_interchange::export::register_workbook;
use regisseur_interchange::plan::{Existing, plan_application_list};
use regisseur_interchange::sheet::Format;
use regisseur_store::testing::{Backend, fresh_database_url};
use regisseur_store::{Actor, Store};
use serde_json::json;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// The allocator the `regisseur` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROWS: usize = 10_000;

/// A workbook with 10,000 applications, 200 suppliers and 300 people, made by the exporter.
fn workbook() -> Vec<u8> {
    let catalog = ReferenceCatalog::gemma();
    let components: Vec<String> = catalog.all().iter().map(|c| c.id.clone()).collect();
    let record = |kind, value: serde_json::Value| {
        let (record, errors) = validate(
            kind,
            value.as_object().expect("object"),
            InputMode::Api,
            &|id| catalog.contains(id),
        );
        assert!(errors.is_empty(), "{errors}");
        Existing {
            id: Uuid::now_v7(),
            version: 1,
            record,
        }
    };
    let suppliers: Vec<Existing> = (0..200)
        .map(|i| {
            record(
                EntityKind::Supplier,
                json!({"naam": format!("Leverancier {i:03} B.V.")}),
            )
        })
        .collect();
    let people: Vec<Existing> = (0..300)
        .map(|i| {
            record(
                EntityKind::Person,
                json!({"naam": format!("Medewerker {i:03}")}),
            )
        })
        .collect();
    let mut all: Vec<Existing> = Vec::new();
    for i in 0..ROWS {
        let lifecycle = ["in-gebruik", "gepland", "uitfasering"][i % 3];
        let hosting = ["saas", "on-premises", "private-cloud"][i % 3];
        let component = components[i % components.len()].clone();
        all.push(record(
            EntityKind::Application,
            json!({
                "naam": format!("Applicatie {i:05}"),
                "softwareversie": format!("{}.{}", 2020 + i % 7, i % 10),
                "levenscyclus": lifecycle,
                "hosting": hosting,
                "bedrijfskritisch": i % 4 == 0,
                "beschikbaarheid": 1 + (i % 3) as i64, "integriteit": 2, "vertrouwelijkheid": 1 + (i % 2) as i64,
                "jaarkostenCenten": (i as i64 % 500) * 10_000,
                "leverancierId": suppliers[i % 200].id.to_string(),
                "eigenaarId": people[i % 300].id.to_string(),
                "referentiecomponentIds": [component],
                "eigenschappen": {"Afdeling": format!("Afdeling {}", i % 12)},
            }),
        ));
    }
    all.extend(suppliers);
    all.extend(people);
    register_workbook("Gemeente Bench", &all, catalog).expect("workbook")
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("import_xlsx: benchmark");
        return;
    }
    let bytes = workbook();
    let t = Instant::now();
    let sheets = regisseur_interchange::sheet::read_sheets(Format::Xlsx, &bytes).expect("read");
    println!(
        "reading every sheet of the workbook: {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let grid = regisseur_interchange::sheet::first_sheet_where(Format::Xlsx, &bytes, &|g| {
        g.rows.len() > 100
    })
    .expect("read");
    println!(
        "reading up to the list: {:.2} s ({} rows)",
        t.elapsed().as_secs_f64(),
        grid.map_or(0, |g| g.rows.len())
    );
    drop(sheets);
    println!(
        "workbook of {ROWS} application rows: {:.1} MiB",
        bytes.len() as f64 / 1_048_576.0
    );
    println!("| run | read + parse | plan | write (SQLite, one transaction) | end to end |");
    println!("|---|---|---|---|---|");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut totals: Vec<Duration> = Vec::new();
    for run in 1..=3 {
        let url = runtime.block_on(fresh_database_url(Backend::Sqlite));
        let store = runtime.block_on(Store::connect(&url)).expect("store");
        let org = runtime
            .block_on(store.create_organisation(
                &NewOrganisation::parse("bench", "Gemeente Bench", None).expect("valid"),
            ))
            .expect("org");
        let start = Instant::now();
        let list = parse_application_file(Format::Xlsx, &bytes, store.catalog()).expect("parse");
        assert!(list.errors.is_empty(), "{:?}", &list.errors[..1]);
        let parsed = start.elapsed();
        let plan = plan_application_list(&list, &[], store.catalog());
        assert!(plan.errors.is_empty());
        let planned = start.elapsed();
        runtime
            .block_on(store.apply_changes(&Actor::system(), org.id, &plan.changes))
            .expect("apply");
        let total = start.elapsed();
        assert_eq!(plan.totals().nieuw, ROWS + 500);
        println!(
            "| {run} | {:.2} s | {:.2} s | {:.2} s | **{:.2} s** |",
            parsed.as_secs_f64(),
            (planned - parsed).as_secs_f64(),
            (total - planned).as_secs_f64(),
            total.as_secs_f64()
        );
        totals.push(total);
        runtime.block_on(store.close());
    }
    totals.sort();
    println!(
        "median end to end: {:.2} s (aim: under 2 s)",
        totals[1].as_secs_f64()
    );
}
