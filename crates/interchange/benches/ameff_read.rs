//! Reading the GEMMA model (AMEFF, 5.9 MB, 3,006 elements, 6,253 relationships): our streaming
//! reader against the raw quick-xml tokenising speed (the limit) and, when it is installed,
//! the Python library pyArchimate (`Model().read(path)`); and a 20× larger synthetic model
//! (GEMMA copied with suffixed identifiers) to show how the cost grows.
//! Run with `cargo bench -p regisseur-interchange --bench ameff_read`.

use quick_xml::Reader;
use quick_xml::events::Event;
use regisseur_interchange::ameff::read_model;
use std::process::Command;
use std::time::{Duration, Instant};

const GEMMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/gemma-ameff.xml"
);

fn median(mut runs: Vec<Duration>) -> f64 {
    runs.sort();
    runs[runs.len() / 2].as_secs_f64() * 1000.0
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

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("ameff_read: benchmark");
        return;
    }
    let bytes = std::fs::read(GEMMA).expect("the GEMMA fixture");
    let runs = 7;
    let raw = median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                tokenise(&bytes);
                t.elapsed()
            })
            .collect(),
    );
    let ours = median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                read_model(&bytes).expect("reads");
                t.elapsed()
            })
            .collect(),
    );
    println!("| what | GEMMA (5.9 MB) |");
    println!("|---|---|");
    println!("| quick-xml tokenising only (the limit) | {raw:.0} ms |");
    println!(
        "| Regisseur `read_model` (elements, relationships, properties, checks) | {ours:.0} ms |"
    );
    let script = format!(
        "import time\nfrom pyArchimate import Model\nruns=[]\nfor _ in range(5):\n    t=time.perf_counter(); m=Model('g'); m.read('{GEMMA}'); runs.append(time.perf_counter()-t)\nruns.sort(); print(runs[2]*1000)"
    );
    match Command::new("python3").arg("-c").arg(&script).output() {
        Ok(out) if out.status.success() => {
            let ms: f64 = String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .unwrap_or(f64::NAN);
            println!("| pyArchimate 2.0 `Model().read(path)` | {ms:.0} ms |");
        }
        _ => println!("| pyArchimate 2.0 | not installed (pip install pyArchimate==2.0.0) |"),
    }
    let big = enlarged(&bytes, 20);
    let model = read_model(&big).expect("the enlarged model reads");
    let raw_big = median(
        (0..3)
            .map(|_| {
                let t = Instant::now();
                tokenise(&big);
                t.elapsed()
            })
            .collect(),
    );
    let ours_big = median(
        (0..3)
            .map(|_| {
                let t = Instant::now();
                read_model(&big).expect("reads");
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "\n20× GEMMA ({:.0} MB, {} elements, {} relationships): tokenising {raw_big:.0} ms, read_model {ours_big:.0} ms ({:.1}× the time of 1×)",
        big.len() as f64 / 1_048_576.0,
        model.elements.len(),
        model.relationships.len(),
        ours_big / ours
    );
}
