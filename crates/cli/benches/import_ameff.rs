//! The GEMMA model (AMEFF, 5.9 MB, 3,006 elements, 6,253 relationships) into the register:
//! the raw quick-xml tokenising speed of the file (the limit), our streaming reader, the Python
//! library pyArchimate 2.0 merely reading the file into memory (`Model().read(path)`, when it is
//! installed), and the import end to end into a fresh SQLite database (read, map, plan, write in
//! one transaction). Then models 5× and 20× as large (GEMMA copied with suffixed identifiers)
//! to show how the cost grows. Run with `cargo bench -p regisseur --bench import_ameff`.

use quick_xml::Reader;
use quick_xml::events::Event;
use regisseur_domain::organisation::NewOrganisation;
use regisseur_interchange::ameff::read_model;
use regisseur_interchange::archimate::plan_file_streaming;
use regisseur_store::testing::{Backend, fresh_database_url};
use regisseur_store::{Actor, Planned, Store};
use std::process::Command;
use std::time::{Duration, Instant};

/// The allocator the `regisseur` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GEMMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/gemma-ameff.xml"
);

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn tokenise(bytes: &[u8]) -> usize {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return events,
            Ok(_) => events += 1,
        }
        buf.clear();
    }
}

/// GEMMA `times` over: the elements and relationships repeated with suffixed identifiers.
fn enlarged(bytes: &[u8], times: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let section = |open: &str, close: &str| -> (usize, usize) {
        let start = text.find(open).map_or(0, |i| i + open.len());
        let end = text.find(close).unwrap_or(start);
        (start, end)
    };
    let (es, ee) = section("<elements>", "</elements>");
    let (rs, re) = section("<relationships>", "</relationships>");
    let elements = &text[es..ee];
    let relationships = &text[rs..re];
    let mut out = String::with_capacity(text.len() * times);
    out.push_str(&text[..es]);
    for i in 0..times {
        out.push_str(&elements.replace("identifier=\"id-", &format!("identifier=\"id-{i}-")));
    }
    out.push_str(&text[ee..rs]);
    for i in 0..times {
        out.push_str(
            &relationships
                .replace("identifier=\"id-", &format!("identifier=\"id-{i}-"))
                .replace("source=\"id-", &format!("source=\"id-{i}-"))
                .replace("target=\"id-", &format!("target=\"id-{i}-")),
        );
    }
    out.push_str(&text[re..]);
    out.into_bytes()
}

/// One import into a fresh SQLite database, as `regisseur import` does it: the file read,
/// mapped and planned on one core while what is planned is written on the other.
struct Phases {
    /// Reading and planning alone, on the planning thread (overlapping the writing).
    planning: f64,
    total: f64,
    concepts: usize,
}

fn import(runtime: &tokio::runtime::Runtime, bytes: &[u8]) -> Phases {
    let url = runtime.block_on(fresh_database_url(Backend::Sqlite));
    let store = runtime.block_on(Store::connect(&url)).expect("store");
    let org = runtime
        .block_on(store.create_organisation(
            &NewOrganisation::parse("bench", "Gemeente Bench", None).expect("valid"),
        ))
        .expect("org");
    let bytes = bytes.to_vec();
    let start = Instant::now();
    let existing = runtime.block_on(store.register(org.id)).expect("register");
    let catalog = store.catalog();
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let planning = runtime.spawn_blocking(move || {
        let begun = Instant::now();
        let plan = plan_file_streaming(&bytes, &existing, catalog, &mut |changes| {
            sender
                .blocking_send(Planned::Changes(changes))
                .expect("the writer listens");
        })
        .expect("reads");
        assert!(plan.errors.is_empty(), "{:?}", &plan.errors[..1]);
        sender
            .blocking_send(Planned::Finish)
            .expect("the writer listens");
        (plan, ms(begun.elapsed()))
    });
    let committed = runtime
        .block_on(store.apply_planned(&Actor::system(), org.id, receiver))
        .expect("apply");
    assert!(committed);
    let (plan, planning) = runtime.block_on(planning).expect("planned");
    let total = start.elapsed();
    runtime.block_on(store.close());
    Phases {
        planning,
        total: ms(total),
        concepts: plan.totals().nieuw,
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("import_ameff: benchmark");
        return;
    }
    let bytes = std::fs::read(GEMMA).expect("the GEMMA fixture");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    // `IMPORT_ONLY=N`: only N end-to-end imports of GEMMA, for profiling the import alone.
    if let Some(n) = std::env::var("IMPORT_ONLY")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let runs: Vec<f64> = (0..n).map(|_| import(&runtime, &bytes).total).collect();
        println!(
            "GEMMA import end to end, median of {n}: {:.0} ms",
            median(runs)
        );
        return;
    }
    let runs = 7;
    let raw = median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                tokenise(&bytes);
                ms(t.elapsed())
            })
            .collect(),
    );
    let read = median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                read_model(&bytes).expect("reads");
                ms(t.elapsed())
            })
            .collect(),
    );
    let script = format!(
        "import time\nfrom pyArchimate import Model\nruns=[]\nfor _ in range(5):\n    t=time.perf_counter(); m=Model('g'); m.read('{GEMMA}'); runs.append(time.perf_counter()-t)\nruns.sort(); print(runs[2]*1000)"
    );
    let python = match Command::new("python3").arg("-c").arg(&script).output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse::<f64>()
            .ok(),
        _ => None,
    };
    let imports: Vec<Phases> = (0..runs).map(|_| import(&runtime, &bytes)).collect();
    let phase = |f: fn(&Phases) -> f64| median(imports.iter().map(f).collect());
    let end_to_end = phase(|p| p.total);

    println!(
        "GEMMA ({:.1} MB), median of {runs} runs\n",
        bytes.len() as f64 / 1_048_576.0
    );
    println!("| what | time |");
    println!("|---|---|");
    println!("| quick-xml tokenising only (the limit) | {raw:.0} ms |");
    println!(
        "| Regisseur `read_model` (elements, relationships, properties, checks) | {read:.0} ms |"
    );
    match python {
        Some(ms) => println!("| pyArchimate 2.0 `Model().read(path)` (median of 5) | {ms:.0} ms |"),
        None => println!("| pyArchimate 2.0 | not installed (pip install pyArchimate==2.0.0) |"),
    }
    println!(
        "| Regisseur import end to end into a fresh SQLite database ({} concepts; reading and planning {:.0} ms of it, alongside the writing) | **{end_to_end:.0} ms** |",
        imports[0].concepts,
        phase(|p| p.planning),
    );
    if let Some(python) = python {
        println!(
            "\nEnd to end is {:.0}% of pyArchimate's read time (aim: under 50%).",
            100.0 * end_to_end / python
        );
    }

    println!(
        "\n| size | MB | concepts | tokenising | read_model | import end to end | per 1,000 concepts |"
    );
    println!("|---|---|---|---|---|---|---|");
    for times in [1, 5, 20] {
        let big = if times == 1 {
            bytes.clone()
        } else {
            enlarged(&bytes, times)
        };
        let samples = if times == 20 { 1 } else { 3 };
        let tok = median(
            (0..samples)
                .map(|_| {
                    let t = Instant::now();
                    tokenise(&big);
                    ms(t.elapsed())
                })
                .collect(),
        );
        let rd = median(
            (0..samples)
                .map(|_| {
                    let t = Instant::now();
                    read_model(&big).expect("reads");
                    ms(t.elapsed())
                })
                .collect(),
        );
        let runs: Vec<Phases> = (0..samples).map(|_| import(&runtime, &big)).collect();
        let total = median(runs.iter().map(|p| p.total).collect());
        let concepts = runs[0].concepts;
        println!(
            "| {times}× | {:.0} | {concepts} | {tok:.0} ms | {rd:.0} ms | {total:.0} ms | {:.1} ms |",
            big.len() as f64 / 1_048_576.0,
            total / concepts as f64 * 1000.0
        );
    }
}
