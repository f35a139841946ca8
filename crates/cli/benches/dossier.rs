//! The outsourcing dossier of the demo municipality (every chapter) as one PDF, as the page
//! `/o/{slug}/rapport.pdf` and `regisseur report` make it: everything read from the store and
//! composed (the journey, the quality report, the readiness advice, three business cases with
//! their Monte Carlo runs, the procurement route, the transition plan), then typeset by typst
//! into a tagged PDF/UA-1 document. On a fresh SQLite database with Gemeente Voorbeeld loaded,
//! and on PostgreSQL when it answers (`REGISSEUR_TEST_POSTGRES`, default 127.0.0.1:5432).
//! Run with `cargo bench -p regisseur --bench dossier`.

use regisseur_domain::Lang;
use regisseur_domain::report::Part;
use regisseur_interchange::pdf;
use regisseur_store::Store;
use regisseur_store::testing::{Backend, fresh_database_url, postgres_answers};
use std::time::{Duration, Instant};

/// The allocator the `regisseur` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 7;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

/// One dossier: the time to gather and compose it, the time to typeset it, and the PDF.
struct Run {
    compose: f64,
    typeset: f64,
    pdf: Vec<u8>,
}

impl Run {
    fn total(&self) -> f64 {
        self.compose + self.typeset
    }
}

fn dossier(
    runtime: &tokio::runtime::Runtime,
    store: &Store,
    organisation: &regisseur_store::Organisation,
    lang: Lang,
) -> Run {
    let today = chrono::Utc::now().date_naive();
    let start = Instant::now();
    let composed = runtime
        .block_on(regisseur_web::stages::rapportage::build(
            store,
            organisation,
            &Part::ALL,
            lang,
            today,
        ))
        .expect("the dossier is composed");
    let compose = ms(start.elapsed());
    let start = Instant::now();
    let pdf = pdf::render(&composed).expect("the dossier is typeset");
    let typeset = ms(start.elapsed());
    assert!(pdf.starts_with(b"%PDF-"));
    Run {
        compose,
        typeset,
        pdf,
    }
}

/// The number of pages as `pdfinfo` (poppler-utils) reads them, when it is installed.
fn pages(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("regisseur-dossier-{}.pdf", std::process::id()));
    let counted = std::fs::write(&path, pdf).ok().and_then(|()| {
        let out = std::process::Command::new("pdfinfo")
            .arg(&path)
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
    });
    let _ = std::fs::remove_file(&path);
    counted.unwrap_or_else(|| "?".into())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("dossier: benchmark");
        return;
    }
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut backends = vec![("SQLite", Backend::Sqlite)];
    if runtime.block_on(postgres_answers()) {
        backends.push(("PostgreSQL", Backend::Postgres));
    }

    println!(
        "The demo municipality's dossier, every chapter; median of {RUNS} runs after one cold run\n"
    );
    println!(
        "| backend | language | compose (store + charts + Monte Carlo) | typeset (typst → PDF/UA-1) | total | first run (cold) | PDF |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, backend) in backends {
        let url = runtime.block_on(fresh_database_url(backend));
        let store = runtime.block_on(Store::connect(&url)).expect("store");
        let loaded = runtime
            .block_on(regisseur_demo::load(
                &store,
                chrono::Utc::now().date_naive(),
            ))
            .expect("the demo municipality loads");
        for lang in [Lang::Nl, Lang::En] {
            let cold = dossier(&runtime, &store, &loaded.organisation, lang);
            let runs: Vec<Run> = (0..RUNS)
                .map(|_| dossier(&runtime, &store, &loaded.organisation, lang))
                .collect();
            let phase = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
            println!(
                "| {name} | {} | {:.0} ms | {:.0} ms | **{:.0} ms** | {:.0} ms | {} pages, {} KiB |",
                match lang {
                    Lang::Nl => "Nederlands",
                    Lang::En => "English",
                },
                phase(|r| r.compose),
                phase(|r| r.typeset),
                phase(Run::total),
                cold.total(),
                pages(&runs[0].pdf),
                runs[0].pdf.len() / 1024,
            );
        }
        runtime.block_on(store.close());
    }
    println!("\nAim (issue 11): the full demo dossier in under 2 s.");
}
