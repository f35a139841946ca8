//! Load benchmark of the application list (`paginaGrootte=50` with a `zoek` term) with 10,000
//! applications in the database, on SQLite and (when it answers) PostgreSQL.
//!
//! Starts the release `regisseur` binary, drives it with `wrk` on loopback, and reports
//! requests per second, p50/p99 latency and the server's peak memory (VmHWM). Run with
//! `cargo bench -p regisseur --bench list_load`; needs `wrk` (Debian package `wrk`).

use regisseur_domain::access::Role;
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::organisation::NewOrganisation;
use regisseur_domain::values::Email;
use regisseur_store::testing::{Backend, fresh_database_url};
use regisseur_store::{Actor, NewElement, Store};
use serde_json::{Map, Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Instant;
use uuid::Uuid;

const APPLICATIONS: usize = 10_000;
const SEARCH: &str = "zaak";
const DURATION: &str = "15s";
const CONNECTIONS: &str = "32";

const WORDS: [&str; 20] = [
    "Zaaksysteem",
    "Burgerzaken",
    "Belastingen",
    "Sociaal",
    "Financiën",
    "Personeel",
    "Geo",
    "Vergunningen",
    "Archief",
    "Klantcontact",
    "Documenten",
    "Inkoop",
    "Parkeren",
    "Afval",
    "Onderwijs",
    "Jeugd",
    "Wmo",
    "Subsidies",
    "Raad",
    "Veiligheid",
];

fn seed(url: &str) -> String {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let store = Store::connect(url).await.expect("connect");
        let org = store
            .create_organisation(
                &NewOrganisation::parse("bench", "Gemeente Bench", None).expect("valid"),
            )
            .await
            .expect("org");
        let mut inputs: Vec<NewElement> = Vec::new();
        let suppliers: Vec<Uuid> = (0..50).map(|_| Uuid::now_v7()).collect();
        for (i, id) in suppliers.iter().enumerate() {
            let fields: Map<String, Value> =
                json!({"naam": format!("Leverancier {i:02} B.V."), "land": "NL"})
                    .as_object()
                    .cloned()
                    .unwrap_or_default();
            inputs.push((*id, EntityKind::Supplier, fields));
        }
        for i in 0..APPLICATIONS {
            let word = WORDS[i % WORDS.len()];
            let lifecycle = ["in-gebruik", "gepland", "uitfasering"][i % 3];
            let hosting = ["saas", "on-premises", "private-cloud"][i % 3];
            let fields = json!({
                "naam": format!("{word} {} {i:05}", WORDS[(i / 20) % WORDS.len()].to_lowercase()),
                "softwareversie": format!("{}.{}", 2020 + i % 7, i % 4),
                "levenscyclus": lifecycle,
                "hosting": hosting,
                "bedrijfskritisch": i % 4 == 0,
                "leverancierId": suppliers[i % suppliers.len()].to_string(),
                "jaarkostenCenten": (i as i64 % 100) * 100_000,
            });
            inputs.push((
                Uuid::now_v7(),
                EntityKind::Application,
                fields.as_object().cloned().unwrap_or_default(),
            ));
        }
        let started = Instant::now();
        store
            .create_elements(&Actor::system(), org.id, inputs)
            .await
            .expect("seed");
        eprintln!(
            "  seeded {APPLICATIONS} applications in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let email = Email::parse("bench@voorbeeld.nl").expect("email");
        let user = store
            .create_user(&email, "Bench", "een lang wachtwoord")
            .await
            .expect("user");
        store
            .set_membership(user.id, org.id, Role::Lezer, None)
            .await
            .expect("membership");
        let token = store
            .create_api_token(user.id, "bench")
            .await
            .expect("token");
        store.close().await;
        token
    })
}

fn start_server(url: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regisseur"))
        .args(["--database", url, "serve", "--listen", "127.0.0.1:0"])
        .env("REGISSEUR_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("address line");
    let address = line.trim().rsplit(' ').next().expect("address").to_string();
    (child, address)
}

fn peak_memory_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn wrk(url: &str, token: &str, duration: &str) -> String {
    let output = Command::new("wrk")
        .args([
            "-t2",
            "-c",
            CONNECTIONS,
            "-d",
            duration,
            "--latency",
            "-H",
            &format!("Authorization: Bearer {token}"),
            url,
        ])
        .output()
        .expect("wrk runs (install the Debian package wrk)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn field<'a>(report: &'a str, prefix: &str) -> &'a str {
    report
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("?")
}

fn run(backend: Backend, name: &str) {
    eprintln!("{name}:");
    let url = tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(fresh_database_url(backend));
    let token = seed(&url);
    let (mut server, base) = start_server(&url);
    let target =
        format!("{base}/api/v1/organisaties/bench/applicaties?paginaGrootte=50&zoek={SEARCH}");
    let check = Command::new("curl")
        .args([
            "-s",
            "-H",
            &format!("Authorization: Bearer {token}"),
            &target,
        ])
        .output();
    if let Ok(out) = check {
        let body: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        eprintln!(
            "  {} matches for zoek={SEARCH}, {} on the page",
            body["totaal"],
            body["resultaten"].as_array().map_or(0, Vec::len)
        );
    }
    wrk(&target, &token, "3s");
    let report = wrk(&target, &token, DURATION);
    let memory = peak_memory_mib(server.id());
    let _ = server.kill();
    let _ = server.wait();
    let errors = report
        .lines()
        .find(|l| l.contains("Non-2xx") || l.contains("Socket errors"))
        .unwrap_or("none");
    println!(
        "| {name} | {} | {} | {} | {memory:.0} MiB | {errors} |",
        field(&report, "Requests/sec:"),
        field(&report, "50%"),
        field(&report, "99%"),
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("list_load: benchmark");
        return;
    }
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("list_load needs wrk: apt-get install wrk");
        std::process::exit(2);
    }
    println!("| backend | requests/s | p50 | p99 | server peak memory | errors |");
    println!("|---|---|---|---|---|---|");
    run(Backend::Sqlite, "SQLite");
    let pg = regisseur_store::testing::postgres_admin_url();
    let answers = tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(regisseur_store::testing::postgres_answers());
    if answers {
        run(Backend::Postgres, "PostgreSQL");
    } else {
        eprintln!("PostgreSQL at {pg} does not answer: skipped");
    }
}
