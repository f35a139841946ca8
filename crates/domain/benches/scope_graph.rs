//! The dependency graph over synthetic landscapes of 10,000, 50,000 and 100,000 elements with
//! three relations each (issue 6: at 100,000 + 300,000 — build under 1 s, one impact query under
//! 10 ms (median of 1,000 random elements), one scope cut under 200 ms, graph under 200 MB).
//!
//! Run: `cargo bench -p regisseur-domain --bench scope_graph`

use regisseur_domain::landscape::{EntityKind, Record};
use regisseur_domain::sourcing::{Graph, ServiceDomain};
use std::time::Instant;
use uuid::Uuid;

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::landscape;

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("scope_graph: benchmark");
        return;
    }
    println!(
        "| elements | relations | build | impact (median of 1,000) | impact (slowest) | scope cut | graph memory |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in [10_000, 50_000, 100_000] {
        let owned = landscape(n);
        let items: Vec<(Uuid, &Record)> = owned.iter().map(|(id, r)| (*id, r)).collect();
        let relations = owned
            .iter()
            .filter(|(_, r)| r.kind() == EntityKind::Relation)
            .count();
        let builds: Vec<f64> = (0..3)
            .map(|_| {
                let start = Instant::now();
                let graph = Graph::build(&items, |_| None);
                std::hint::black_box(graph.edge_count());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        let graph = Graph::build(&items, |_| None);
        // 1,000 elements spread over the register, every kind that is a node.
        let nodes = graph.nodes();
        let step = (nodes.len() / 1000).max(1);
        let mut impacts = Vec::new();
        for i in (0..nodes.len()).step_by(step).take(1000) {
            let start = Instant::now();
            let affected = graph.impact(nodes[i].id).unwrap_or_default();
            std::hint::black_box(affected.len());
            impacts.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let slowest = impacts.iter().copied().fold(0.0, f64::max);
        let scopes: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let cut = graph.scope(&[ServiceDomain::HostingEnDatacenter]);
                std::hint::black_box(cut.crossing.len());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        println!(
            "| {} | {relations} | {:.0} ms | {:.3} ms | {:.1} ms | {:.0} ms | {:.0} MB |",
            owned.len() - relations,
            median(builds),
            median(impacts),
            slowest,
            median(scopes),
            graph.memory() as f64 / 1_048_576.0
        );
    }
}
