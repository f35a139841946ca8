//! End-to-end tests of the `regisseur` binary: the real program, a fresh database, both
//! backends where the command touches storage.

use regisseur_store::testing::{Backend, fresh_database_url};
use std::io::Write;

/// The day every command of these tests runs as of (`--today` through `REGISSEUR_TODAY`), and
/// the demo is built for: no test depends on the day it runs.
const TODAY: &str = "2026-12-07";

fn today() -> chrono::NaiveDate {
    TODAY.parse().expect("a date")
}
use std::process::{Command, Output, Stdio};

fn regisseur(database: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regisseur"))
        .env("REGISSEUR_TODAY", TODAY)
        .arg("--database")
        .arg(database)
        .args(args)
        .env("REGISSEUR_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("write stdin");
    }
    drop(input);
    child.wait_with_output().expect("finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() { super::$name(super::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() { super::$name(super::Backend::Postgres).await })*
        }
    };
}

on_both_backends!(
    organisations_users_and_tokens,
    bad_input_exits_1_and_names_every_problem,
    import_and_export_the_application_list,
    import_and_export_archimate_models,
    check_an_organisation_and_a_file,
    personal_data_abroad_in_a_list_is_flagged,
    readiness_of_an_organisation,
    impact_and_scope,
    transition_fte_late_milestones_and_top_risks,
    the_dossier_of_the_demo_municipality_as_pdf,
    every_export_of_the_demo_reimports_without_changes,
);

/// An application list as people fill it in Excel, with personal data in the United States,
/// India and Ireland and one application without a processing agreement: `check --file` and
/// the check after importing it flag the same data sets.
async fn personal_data_abroad_in_a_list_is_flagged(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let dir = std::env::temp_dir().join(format!("regisseur-abroad-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let list = dir.join("applicaties.csv").display().to_string();
    std::fs::write(
        &list,
        "Applicatieoverzicht;;;;\n\
         Applicatie;Leverancier;Persoonsgegevens;Datalocatie;Verwerkersovereenkomst\n\
         Klantportaal;SaaSCo;ja;Verenigde Staten;nee\n\
         Callcenter;OffshoreCo;Ja;India;ja\n\
         Kantoorsuite;Microsoft;ja;Ierland;ja\n\
         Plattegrond;KaartCo;nee;VS;\n",
    )
    .expect("write");
    let flagged = |report: &serde_json::Value, rule: &str| {
        let mut names: Vec<String> = report["bevindingen"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["regel"] == rule)
            .filter_map(|f| f["elementNaam"].as_str().map(str::to_string))
            .collect();
        names.sort();
        names
    };
    let abroad = ["Gegevens in Callcenter", "Gegevens in Klantportaal"];
    let out = regisseur(&db, &["check", "--file", &list, "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let from_file = json_of(&out);
    assert_eq!(flagged(&from_file, "gegevens-buiten-eer"), abroad);
    assert_eq!(
        flagged(&from_file, "verwerker-zonder-verwerkersovereenkomst"),
        ["Gegevens in Klantportaal"]
    );
    assert!(
        regisseur(&db, &["org", "add", "--slug", "een", "--name", "Een"], None)
            .status
            .success()
    );
    let out = regisseur(&db, &["import", &list, "--org", "een"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = regisseur(&db, &["check", "--org", "een", "--json"], None);
    let imported = json_of(&out);
    assert_eq!(flagged(&imported, "gegevens-buiten-eer"), abroad);
    assert_eq!(
        flagged(&imported, "verwerker-zonder-verwerkersovereenkomst"),
        ["Gegevens in Klantportaal"]
    );
    // An unknown country is named on its row, with the closest one; nothing is imported.
    std::fs::write(&list, "Applicatie;Datalocatie\nZaaksysteem;Duitsladn\n").expect("write");
    let out = regisseur(&db, &["import", &list, "--org", "een"], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let said = text(&out.stderr) + &text(&out.stdout);
    assert!(said.contains("bedoelt u Duitsland (DE)?"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

async fn organisations_users_and_tokens(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let out = regisseur(&db, &["migrate"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = regisseur(
        &db,
        &[
            "org",
            "add",
            "--slug",
            "voorbeeld",
            "--name",
            "Gemeente Voorbeeld",
            "--cbs-code",
            "gm9999",
            "--json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let org: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(org["slug"], "voorbeeld");
    assert_eq!(org["cbsCode"], "GM9999");

    let out = regisseur(
        &db,
        &[
            "user",
            "add",
            "--org",
            "voorbeeld",
            "--email",
            "Rita@Voorbeeld.nl",
            "--role",
            "regisseur",
        ],
        Some("een lang wachtwoord\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("rita@voorbeeld.nl is regisseur in voorbeeld"));

    let out = regisseur(
        &db,
        &["token", "create", "--email", "rita@voorbeeld.nl"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let token = stdout.trim();
    assert!(
        token.starts_with("rgs_") && !token.contains(' ') && stdout.lines().count() == 1,
        "only the token: {stdout:?}"
    );

    let store = regisseur_store::Store::connect(&db).await.expect("connect");
    let user = store
        .token_user(token)
        .await
        .expect("lookup")
        .expect("token belongs to rita");
    assert_eq!(user.email, "rita@voorbeeld.nl");
    let memberships = store.memberships(user.id).await.expect("memberships");
    assert_eq!(memberships[0].role.code(), "regisseur");
    assert!(
        store
            .verify_login("rita@voorbeeld.nl", "een lang wachtwoord")
            .await
            .expect("login")
            .is_some()
    );

    let out = regisseur(&db, &["org", "list", "--json"], None);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(list["totaal"], 1);
}

async fn bad_input_exits_1_and_names_every_problem(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let out = regisseur(
        &db,
        &[
            "org",
            "add",
            "--slug",
            "Geen Slug",
            "--name",
            "",
            "--cbs-code",
            "X1",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    for field in ["slug", "naam", "cbsCode"] {
        assert!(stderr.contains(field), "{field} not named: {stderr}");
    }
    let out = regisseur(
        &db,
        &[
            "user",
            "add",
            "--org",
            "bestaat-niet",
            "--email",
            "geen-adres",
            "--role",
            "baas",
        ],
        Some("kort"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    for field in ["email", "role", "password", "org"] {
        assert!(stderr.contains(field), "{field} not named: {stderr}");
    }
    let out = regisseur(
        &db,
        &["token", "create", "--email", "niemand@voorbeeld.nl"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no token printed");
}

#[tokio::test]
async fn usage_errors_exit_2() {
    let db = fresh_database_url(Backend::Sqlite).await;
    let out = regisseur(&db, &["vliegen"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = regisseur("mysql://nergens", &["migrate"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("sqlite://"),
        "says what is supported"
    );
    let pg = fresh_database_url(Backend::Postgres).await;
    let out = regisseur(&pg, &["backup", "/tmp/nooit.db"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("pg_dump"),
        "PostgreSQL: says how"
    );
}

#[tokio::test]
async fn backup_and_restore_sqlite() {
    let db = fresh_database_url(Backend::Sqlite).await;
    let path = db.trim_start_matches("sqlite://").to_string();
    assert!(
        regisseur(
            &db,
            &["org", "add", "--slug", "een", "--name", "Gemeente Een"],
            None
        )
        .status
        .success()
    );
    let backup = format!("{path}.backup");
    let out = regisseur(&db, &["backup", &backup], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = regisseur(&db, &["backup", &backup], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an existing file is not overwritten"
    );
    assert!(
        regisseur(
            &db,
            &["org", "add", "--slug", "twee", "--name", "Gemeente Twee"],
            None
        )
        .status
        .success()
    );
    let out = regisseur(&db, &["restore", &backup], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = regisseur(&db, &["org", "list"], None);
    let listed = text(&out.stdout);
    assert!(
        listed.contains("een") && !listed.contains("twee"),
        "{listed}"
    );
    // A file that is not a database is refused and nothing is replaced.
    let junk = format!("{path}.junk");
    std::fs::write(&junk, b"dit is geen database").expect("write");
    let out = regisseur(&db, &["restore", &junk], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&regisseur(&db, &["org", "list"], None).stdout).contains("een"));
}

const LIST: &str = "Applicatieoverzicht 2026;;;;;;\n\
Pakket;Leverancier;Status;Kosten per jaar;Einde contract;Opzegtermijn;Datalocatie;Afdeling\n\
Zaaksysteem;Centric;in gebruik;€ 12.345,67;31-12-2027;12;Nederland;Publiekszaken\n\
Burgerzaken;Centric B.V.;in gebruik;10000;;;;Publiekszaken\n\
Nieuwsbrief;Mailchimp;gepland;100;;;VS;Communicatie\n";

fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON expected ({e}): {}", text(&out.stdout)))
}

async fn import_and_export_the_application_list(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let dir = std::env::temp_dir().join(format!("regisseur-import-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = |name: &str| dir.join(name).display().to_string();
    assert!(
        regisseur(
            &db,
            &["org", "add", "--slug", "een", "--name", "Gemeente Een"],
            None
        )
        .status
        .success()
    );
    assert!(
        regisseur(
            &db,
            &["org", "add", "--slug", "twee", "--name", "Gemeente Twee"],
            None
        )
        .status
        .success()
    );

    // A file with a bad row imports nothing and names every problem.
    let bad = file("fout.csv");
    std::fs::write(
        &bad,
        LIST.replace("31-12-2027", "ooit")
            .replace("gepland", "misschien"),
    )
    .expect("write");
    let out = regisseur(&db, &["import", &bad, "--org", "een", "--json"], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = json_of(&out);
    let errors = report["fouten"].as_array().expect("fouten");
    assert_eq!(errors.len(), 2, "{report}");
    assert_eq!(errors[0]["rij"], 3);
    assert_eq!(errors[0]["kolom"], "Einde contract");
    assert_eq!(errors[0]["waarde"], "ooit");
    assert!(errors[0]["melding"].is_string());
    assert_eq!(errors[1]["rij"], 5);

    let good = file("lijst.csv");
    std::fs::write(&good, LIST).expect("write");
    let out = regisseur(
        &db,
        &["import", &good, "--org", "een", "--dry-run", "--json"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = json_of(&out);
    assert_eq!(report["perSoort"]["applicaties"]["nieuw"], 3);
    assert_eq!(
        report["perSoort"]["leveranciers"]["nieuw"], 3,
        "the near miss is not merged"
    );
    assert_eq!(report["waarschuwingen"].as_array().map(Vec::len), Some(1));
    let out = regisseur(&db, &["export", &file("leeg.csv"), "--org", "een"], None);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(file("leeg.csv"))
            .expect("read")
            .lines()
            .count(),
        1,
        "the dry run wrote nothing"
    );

    let out = regisseur(&db, &["import", &good, "--org", "een", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = json_of(&out);
    assert_eq!(first["gewijzigd"], 0);
    let created = first["nieuw"].as_i64().expect("nieuw");
    let out = regisseur(&db, &["import", &good, "--org", "een", "--json"], None);
    let again = json_of(&out);
    assert_eq!(
        (
            again["nieuw"].as_i64(),
            again["gewijzigd"].as_i64(),
            again["ongewijzigd"].as_i64()
        ),
        (Some(0), Some(0), Some(created))
    );

    // Export, then import into an empty organisation: the same list comes back.
    for name in ["export.xlsx", "export.csv"] {
        let out = regisseur(&db, &["export", &file(name), "--org", "een"], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let out = regisseur(
        &db,
        &["import", &file("export.xlsx"), "--org", "twee", "--json"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = regisseur(&db, &["export", &file("twee.csv"), "--org", "twee"], None);
    assert!(out.status.success());
    let count = |out: &Output| {
        text(&out.stderr)
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string()
    };
    let een = regisseur(&db, &["export", &file("een.xlsx"), "--org", "een"], None);
    assert_eq!(
        count(&out),
        count(&een),
        "every element came along: {}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(file("twee.csv")).expect("read"),
        std::fs::read_to_string(file("export.csv")).expect("read"),
        "the application list survives export and import"
    );

    // Files that are not what they say are named as such.
    let fake = file("lijst.xlsx");
    std::fs::write(&fake, LIST).expect("write");
    let out = regisseur(&db, &["import", &fake, "--org", "een"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("geen Excel-werkmap"),
        "{}",
        text(&out.stderr)
    );
    let out = regisseur(
        &db,
        &["import", &file("bestaat-niet.csv"), "--org", "een"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    std::fs::write(file("leeg2.csv"), "").expect("write");
    let out = regisseur(&db, &["import", &file("leeg2.csv"), "--org", "een"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("leeg"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

async fn import_and_export_archimate_models(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let dir = std::env::temp_dir().join(format!("regisseur-ameff-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = |name: &str| dir.join(name).display().to_string();
    for (slug, name) in [("een", "Gemeente Een"), ("twee", "Gemeente Twee")] {
        let out = regisseur(&db, &["org", "add", "--slug", slug, "--name", name], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let archisurance = fixture("archisurance.xml");

    // A dry run tells what would come in, and writes nothing.
    let out = regisseur(
        &db,
        &[
            "import",
            &archisurance,
            "--org",
            "een",
            "--dry-run",
            "--json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = json_of(&out);
    assert_eq!(report["nieuw"], 122 + 179, "{report}");
    assert!(report["perSoort"]["architectuurelementen"]["nieuw"].as_i64() > Some(0));
    assert!(report["perSoort"]["applicaties"]["nieuw"].as_i64() > Some(0));

    // The real import, then the same file again: nothing changes the second time.
    let out = regisseur(
        &db,
        &[
            "import",
            &archisurance,
            "--org",
            "een",
            "--format",
            "ameff",
            "--json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(json_of(&out)["nieuw"], 301);
    let out = regisseur(
        &db,
        &["import", &archisurance, "--org", "een", "--json"],
        None,
    );
    let again = json_of(&out);
    assert_eq!(
        (again["nieuw"].as_i64(), again["ongewijzigd"].as_i64()),
        (Some(0), Some(301))
    );

    // Export as AMEFF, import that into another organisation, export again: the same model.
    let first = file("een.xml");
    let out = regisseur(&db, &["export", &first, "--org", "een"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = regisseur(&db, &["import", &first, "--org", "twee", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(json_of(&out)["nieuw"], 301);
    let second = file("twee.xml");
    let out = regisseur(
        &db,
        &["export", &second, "--org", "twee", "--format", "ameff"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines = |path: &str| {
        let mut lines: Vec<String> = std::fs::read_to_string(path)
            .expect("read")
            .lines()
            .filter(|l| !l.contains("<name xml:lang=\"nl\">Gemeente"))
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    };
    assert_eq!(lines(&first), lines(&second));

    // A model with a problem writes nothing and names it with its line.
    let bad = file("fout.xml");
    std::fs::write(
        &bad,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name>Fout</name>
  <elements>
    <element identifier="e1" xsi:type="BusinessProcess"><name>Nieuw proces</name></element>
    <element identifier="e2" xsi:type="ApplicationComponent"><name>Pakket</name>
      <properties><property propertyDefinitionRef="p1"><value>heel hoog</value></property></properties></element>
  </elements>
  <relationships>
    <relationship identifier="r1" xsi:type="Serving" source="e2" target="e1"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name>beschikbaarheid</name></propertyDefinition>
  </propertyDefinitions>
</model>"#,
    )
    .expect("write");
    let out = regisseur(&db, &["import", &bad, "--org", "twee", "--json"], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = json_of(&out);
    assert_eq!(report["fouten"][0]["rij"], 6, "{report}");
    assert_eq!(report["fouten"][0]["waarde"], "heel hoog");
    let out = regisseur(
        &db,
        &["export", &file("na-fout.xml"), "--org", "twee"],
        None,
    );
    assert!(out.status.success());
    assert!(
        !std::fs::read_to_string(file("na-fout.xml"))
            .expect("read")
            .contains("Nieuw proces"),
        "nothing of the bad model was written"
    );

    // An XML file that is not a model, and a model asked for as CSV, are refused with exit 2.
    let html = file("pagina.xml");
    std::fs::write(&html, "<html><body>geen model</body></html>").expect("write");
    let out = regisseur(&db, &["import", &html, "--org", "een"], None);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let out = regisseur(
        &db,
        &["import", &archisurance, "--org", "een", "--format", "csv"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not in csv format"));
    let _ = std::fs::remove_dir_all(&dir);
}

async fn check_an_organisation_and_a_file(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let dir = std::env::temp_dir().join(format!("regisseur-check-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = |name: &str| dir.join(name).display().to_string();
    let list = file("lijst.csv");
    std::fs::write(&list, LIST).expect("write");
    assert!(
        regisseur(&db, &["org", "add", "--slug", "een", "--name", "Een"], None)
            .status
            .success()
    );

    // An empty register scores 0 and finds only that there are no goals.
    let out = regisseur(
        &db,
        &["check", "--org", "een", "--json", "--fail-on", "fout"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = json_of(&out);
    assert_eq!(report["score"], 0.0);
    assert_eq!(report["bevindingen"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["bevindingen"][0]["regel"], "geen-doelen");

    let out = regisseur(&db, &["import", &list, "--org", "een"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--org", "een", "--json", "--today", "2026-11-29"];
        args.extend_from_slice(extra);
        regisseur(&db, &args, None)
    };
    let out = check(&[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = json_of(&out);
    assert_eq!(report["peildatum"], "2026-11-29");
    let score = report["score"].as_f64().expect("a score");
    assert!(score > 0.0 && score < 100.0, "{score}");
    for area in ["documentatie", "infrastructuur", "gegevens", "contracten"] {
        assert!(
            report["scorePerGebied"].get(area).is_some(),
            "{area} missing"
        );
    }
    let findings = report["bevindingen"].as_array().expect("bevindingen");
    let owner = findings
        .iter()
        .find(|f| f["regel"] == "applicatie-zonder-eigenaar" && f["elementNaam"] == "Zaaksysteem")
        .unwrap_or_else(|| panic!("no owner finding in {report}"));
    for key in ["ernst", "gebied", "elementSoort", "elementId", "melding"] {
        assert!(owner[key].is_string(), "{key} in {owner}");
    }
    assert_eq!(owner["ernst"], "fout");
    assert_eq!(owner["elementSoort"], "applicatie");

    // --fail-on: exit 1 when a finding at or above the level exists.
    assert_eq!(check(&["--fail-on", "fout"]).status.code(), Some(1));
    assert_eq!(check(&["--fail-on", "waarschuwing"]).status.code(), Some(1));
    // Own settings: the owner rule as a warning leaves no errors.
    let settings = file("instellingen.json");
    std::fs::write(
        &settings,
        r#"{"regels": {"applicatie-zonder-eigenaar": {"ernst": "waarschuwing"}, "geen-doelen": {"aan": false}}}"#,
    )
    .expect("write");
    let out = check(&["--fail-on", "fout", "--settings", &settings]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(
        check(&["--fail-on", "waarschuwing", "--settings", &settings])
            .status
            .code(),
        Some(1)
    );

    // The text report names the score and every finding with its rule.
    let out = regisseur(&db, &["check", "--org", "een", "--lang", "en"], None);
    let printed = text(&out.stdout);
    assert!(printed.contains("score"), "{printed}");
    assert!(printed.contains("applicatie-zonder-eigenaar"), "{printed}");
    assert!(printed.contains("without an owner"), "{printed}");

    // A file is checked as it would be after importing it, without any database set up.
    let out = Command::new(env!("CARGO_BIN_EXE_regisseur"))
        .env("REGISSEUR_TODAY", TODAY)
        .args(["check", "--file", &list, "--json", "--today", "2026-11-29"])
        .env("REGISSEUR_LOG", "error")
        .env_remove("REGISSEUR_DATABASE_URL")
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let from_file = json_of(&out);
    assert_eq!(
        from_file["score"], report["score"],
        "same register, same score"
    );
    assert_eq!(
        from_file["bevindingen"].as_array().map(Vec::len),
        report["bevindingen"].as_array().map(|f| f.len() - 1),
        "the same findings but the one about goals"
    );
    assert!(
        !dir.join("regisseur.db").exists(),
        "no database file was made"
    );
    let model = fixture("archisurance.xml");
    let out = regisseur(&db, &["check", "--file", &model, "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        json_of(&out)["aantalElementen"]
            .as_u64()
            .is_some_and(|n| n > 0)
    );

    // Bad input: a clear message, exit 2.
    let bad_settings = file("fout.json");
    std::fs::write(
        &bad_settings,
        r#"{"regels": {"bestaat-niet": {"aan": false}}}"#,
    )
    .expect("write");
    for (args, expected) in [
        (vec!["check", "--org", "nergens"], "nergens"),
        (vec!["check", "--file", "/bestaat/niet.xlsx"], "niet.xlsx"),
        (
            vec!["check", "--org", "een", "--settings", &bad_settings],
            "regels.bestaat-niet",
        ),
        (
            vec!["check", "--org", "een", "--fail-on", "ernstig"],
            "--fail-on",
        ),
        (vec!["check", "--org", "een", "--today", "31-12"], "--today"),
        (vec!["check"], "--org"),
    ] {
        let out = regisseur(&db, &args, None);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

/// An answers file with every question of every dimension at `level` (counts per dimension as
/// the questionnaire has them).
fn answers_file(level: u8, kpi: bool) -> String {
    let mut text = String::from("[antwoorden]\n");
    for d in regisseur_domain::readiness::Dimension::ALL {
        let n = d.questions().count();
        text.push_str(&format!("{} = {:?}\n", d.code(), vec![level; n]));
    }
    text.push_str(&format!(
        "\n[[doelen]]\ntitel = \"Werkplek 99,8%\"\nkpi = {kpi}\n"
    ));
    text
}

#[test]
fn readiness_from_an_answers_file() {
    let dir = std::env::temp_dir().join(format!("regisseur-readiness-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
    };
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_regisseur"))
            .env("REGISSEUR_TODAY", TODAY)
            .args(args)
            .env("REGISSEUR_LOG", "error")
            .output()
            .expect("runs")
    };
    let ready = write("gereed.toml", &answers_file(3, true));
    let out = run(&[
        "readiness",
        "--answers",
        &ready,
        "--quality-score",
        "80",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let advice = json_of(&out);
    assert_eq!(advice["oordeel"], "gereed");
    assert_eq!(advice["scorePerDimensie"]["strategie"], 3.0);
    assert!(advice["redenen"].as_array().is_some_and(|r| !r.is_empty()));
    assert!(advice["acties"].is_array());
    let out = run(&[
        "readiness",
        "--answers",
        &ready,
        "--quality-score",
        "79",
        "--json",
    ]);
    assert_eq!(json_of(&out)["oordeel"], "gereed-onder-voorwaarden");
    let out = run(&[
        "readiness",
        "--answers",
        &ready,
        "--quality-score",
        "59.9",
        "--json",
    ]);
    let advice = json_of(&out);
    assert_eq!(advice["oordeel"], "nog-niet");
    assert!(advice["acties"][0]["omschrijving"].is_string());
    let no_goal = write("zonder-doel.toml", &answers_file(4, false));
    let out = run(&["readiness", "--answers", &no_goal, "--quality-score", "95"]);
    assert!(
        text(&out.stdout).contains("nog-niet"),
        "{}",
        text(&out.stdout)
    );

    // Bad input: named, exit 2, no advice printed.
    let too_high = write(
        "te-hoog.toml",
        &answers_file(3, true).replacen("basis = [3", "basis = [5", 1),
    );
    let unknown = write(
        "onbekend.toml",
        &answers_file(3, true).replacen("[antwoorden]\n", "[antwoorden]\nruimtevaart = [1]\n", 1),
    );
    let missing = write(
        "ontbreekt.toml",
        &answers_file(3, true)
            .lines()
            .filter(|l| !l.starts_with("inkoop"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for (args, expected) in [
        (
            vec![
                "readiness",
                "--answers",
                too_high.as_str(),
                "--quality-score",
                "80",
            ],
            "antwoorden.basis[0]",
        ),
        (
            vec![
                "readiness",
                "--answers",
                unknown.as_str(),
                "--quality-score",
                "80",
            ],
            "ruimtevaart",
        ),
        (
            vec![
                "readiness",
                "--answers",
                missing.as_str(),
                "--quality-score",
                "80",
            ],
            "antwoorden.inkoop",
        ),
        (
            vec![
                "readiness",
                "--answers",
                ready.as_str(),
                "--quality-score",
                "120",
            ],
            "--quality-score",
        ),
        (
            vec![
                "readiness",
                "--answers",
                "/bestaat/niet.toml",
                "--quality-score",
                "80",
            ],
            "niet.toml",
        ),
        (
            vec!["readiness", "--answers", ready.as_str()],
            "--quality-score",
        ),
    ] {
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?}: no advice printed");
    }
}

async fn readiness_of_an_organisation(backend: Backend) {
    let db = fresh_database_url(backend).await;
    assert!(
        regisseur(&db, &["org", "add", "--slug", "een", "--name", "Een"], None)
            .status
            .success()
    );
    let out = regisseur(&db, &["readiness", "--org", "een", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let advice = json_of(&out);
    assert_eq!(advice["oordeel"], "nog-niet", "nothing answered, no goals");
    assert!(advice["redenen"].as_array().is_some_and(|r| r.len() >= 2));
    let out = regisseur(&db, &["readiness", "--org", "nergens"], None);
    assert_eq!(out.status.code(), Some(2));
}

async fn impact_and_scope(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let dir = std::env::temp_dir().join(format!("regisseur-scope-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let model = dir.join("model.xml");
    // A small landscape as an ArchiMate model: a node, an application on it, a data object.
    std::fs::write(
        &model,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name xml:lang="nl">Klein</name>
  <elements>
    <element identifier="n1" xsi:type="Node"><name xml:lang="nl">Server Noord</name></element>
    <element identifier="a1" xsi:type="ApplicationComponent"><name xml:lang="nl">Zaaksysteem</name></element>
    <element identifier="a2" xsi:type="ApplicationComponent"><name xml:lang="nl">Portaal</name></element>
    <element identifier="d1" xsi:type="DataObject"><name xml:lang="nl">Zaken</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="n1" target="a1" xsi:type="Serving"/>
    <relationship identifier="r2" source="a1" target="a2" xsi:type="Flow"/>
    <relationship identifier="r3" source="a1" target="d1" xsi:type="Access"/>
  </relationships>
</model>"#,
    )
    .expect("write");
    assert!(
        regisseur(&db, &["org", "add", "--slug", "een", "--name", "Een"], None)
            .status
            .success()
    );
    assert!(
        regisseur(
            &db,
            &["org", "add", "--slug", "twee", "--name", "Twee"],
            None
        )
        .status
        .success()
    );
    let out = regisseur(
        &db,
        &["import", &model.display().to_string(), "--org", "een"],
        None,
    );
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );

    let out = regisseur(
        &db,
        &[
            "impact",
            "--org",
            "een",
            "--element",
            "server noord",
            "--json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let impact = json_of(&out);
    assert_eq!(impact["element"]["naam"], "Server Noord");
    assert_eq!(impact["element"]["soort"], "component");
    let affected: Vec<(String, u64)> = impact["getroffen"]
        .as_array()
        .expect("getroffen")
        .iter()
        .map(|a| {
            (
                a["naam"].as_str().unwrap_or("").to_string(),
                a["afstand"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(
        affected.contains(&("Zaaksysteem".to_string(), 1)),
        "{affected:?}"
    );
    assert!(
        affected.contains(&("Portaal".to_string(), 2)),
        "{affected:?}"
    );
    let portal = impact["getroffen"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["naam"] == "Portaal"))
        .expect("portal");
    assert_eq!(
        portal["pad"].as_array().map(Vec::len),
        Some(3),
        "server → zaaksysteem → portaal"
    );
    // By id too; a near miss suggests; another organisation's element is not found.
    let id = impact["element"]["id"].as_str().expect("id").to_string();
    assert!(
        regisseur(&db, &["impact", "--org", "een", "--element", &id], None)
            .status
            .success()
    );
    let out = regisseur(
        &db,
        &["impact", "--org", "een", "--element", "Zaaksysteeem"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("did you mean: Zaaksysteem"),
        "{}",
        text(&out.stderr)
    );
    let out = regisseur(&db, &["impact", "--org", "twee", "--element", &id], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no element"),
        "{}",
        text(&out.stderr)
    );

    let out = regisseur(
        &db,
        &[
            "scope",
            "--org",
            "een",
            "--domains",
            "hosting-en-datacenter",
            "--json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let scope = json_of(&out);
    assert_eq!(scope["aantal"], 1, "{scope}");
    assert_eq!(
        scope["grensoverschrijdend"][0]["van"]["naam"],
        "Server Noord"
    );
    assert_eq!(
        scope["grensoverschrijdend"][0]["naar"]["naam"],
        "Zaaksysteem"
    );
    assert!(scope["persoonsgegevensNaarPartner"].is_array());
    let out = regisseur(
        &db,
        &["scope", "--org", "een", "--domains", "hostingendatacenter"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("hosting-en-datacenter"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn business_case_from_a_toml_file() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_regisseur"))
            .env("REGISSEUR_TODAY", TODAY)
            .args(args)
            .env("REGISSEUR_LOG", "error")
            .output()
            .expect("runs")
    };
    let case = fixture("businesscase-hosting.toml");
    let out = run(&[
        "business-case",
        &case,
        "--json",
        "--runs",
        "2000",
        "--seed",
        "7",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = json_of(&out);
    let years = report["jaren"].as_array().expect("jaren");
    assert_eq!(years.len(), 8);
    // 2027 in-house: staff 480,000 plus the existing servers' charges (100,000 + 2 % of 300,000).
    assert_eq!(years[0]["jaar"], 2027);
    assert_eq!(years[0]["eigenBeheer"]["totaal"], 586_000.0);
    assert_eq!(years[0]["eigenBeheer"]["kapitaallasten"], 106_000.0);
    // Outsourced: service 610,000, direction 4 %, transition 300,000, write-down 300,000.
    assert_eq!(years[0]["uitbesteed"]["exploitatielasten"], 1_234_400.0);
    assert_eq!(years[0]["uitbesteed"]["kasstroom"], 934_400.0);
    assert_eq!(
        years[1]["eigenBeheer"]["kasstroom"], 744_400.0,
        "staff plus the storage paid"
    );
    for key in ["ncwEigenBeheer", "ncwUitbesteed", "ncwVerschil"] {
        assert!(report[key].is_number(), "{key}");
    }
    assert!(report["terugverdienjaar"].is_null());
    assert_eq!(report["monteCarlo"]["runs"], 2000);
    assert!(report["tornado"][0]["invoer"].is_string());
    let again = json_of(&run(&[
        "business-case",
        &case,
        "--json",
        "--runs",
        "2000",
        "--seed",
        "7",
    ]));
    assert_eq!(
        again["monteCarlo"], report["monteCarlo"],
        "same seed, same figures"
    );

    // Bad input: key path and line, exit 2.
    let dir = std::env::temp_dir().join(format!("regisseur-bc-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let original = std::fs::read_to_string(&case).expect("read");
    let bad = dir.join("fout.toml");
    std::fs::write(
        &bad,
        original
            .replace("afschrijvingsjaren = 5", "afschrijvingsjaren = 0")
            .replace("bedrag = 40000.00", "bedrag = -40000.00"),
    )
    .expect("write");
    let out = run(&["business-case", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(
        message.contains("eigenBeheer.investeringen[0].afschrijvingsjaren (line 25)"),
        "{message}"
    );
    assert!(
        message.contains("eigenBeheer.eenmalig[0].bedrag (line 32)"),
        "{message}"
    );
    assert!(out.stdout.is_empty());
    std::fs::write(&bad, format!("{original}\nkleur = \"rood\"\n")).expect("write");
    let out = run(&["business-case", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("kleur"), "{}", text(&out.stderr));
    let out = run(&["business-case", "/bestaat/niet.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

fn run_plain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regisseur"))
        .env("REGISSEUR_TODAY", TODAY)
        .args(args)
        .env("REGISSEUR_LOG", "error")
        .output()
        .expect("runs")
}

#[test]
fn route_advice_from_the_command_line() {
    let out = run_plain(&[
        "route",
        "--type",
        "diensten",
        "--annual-value",
        "120000",
        "--months",
        "48",
        "--option-months",
        "24",
        "--notice-date",
        "2026-03-01",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["geraamdeWaarde"], serde_json::json!(480000.0));
    assert_eq!(json["drempel"], serde_json::json!(216000.0));
    assert_eq!(json["europees"], serde_json::json!(true));
    assert_eq!(json["advies"], "openbaar");
    assert!(
        json["motivering"]
            .as_str()
            .is_some_and(|m| m.contains("Omvang"))
    );
    let procedures = json["procedures"].as_array().expect("procedures");
    let allowed = |code: &str| {
        procedures
            .iter()
            .find(|p| p["procedure"] == code)
            .map(|p| p["toegestaan"].clone())
    };
    assert_eq!(allowed("openbaar"), Some(serde_json::json!(true)));
    assert_eq!(
        allowed("meervoudig-onderhands"),
        Some(serde_json::json!(false))
    );
    assert!(
        procedures
            .iter()
            .all(|p| p["grond"].as_str().is_some_and(|g| !g.is_empty()))
    );
    let steps: Vec<(&str, &str)> = json["planning"]
        .as_array()
        .expect("planning")
        .iter()
        .map(|s| {
            (
                s["stap"].as_str().unwrap_or(""),
                s["datum"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(steps[0], ("publicatie", "2026-03-01"));
    assert!(steps.contains(&("inschrijving", "2026-04-10")), "{steps:?}");
    assert!(
        steps.contains(&("einde-opschortingstermijn", "2026-05-14")),
        "{steps:?}"
    );
    // Below the threshold the policy decides; bad input is named, exit 2.
    let out = run_plain(&[
        "route",
        "--type",
        "diensten",
        "--annual-value",
        "20.000",
        "--months",
        "24",
        "--notice-date",
        "2026-03-01",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["advies"], "enkelvoudig-onderhands");
    let out = run_plain(&[
        "route",
        "--type",
        "kantoor",
        "--annual-value",
        "1000",
        "--months",
        "12",
        "--notice-date",
        "2026-03-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--type kantoor"),
        "{}",
        text(&out.stderr)
    );
    let out = run_plain(&[
        "route",
        "--type",
        "werken",
        "--annual-value",
        "1000",
        "--months",
        "12",
        "--notice-date",
        "2019-03-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--notice-date"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn evaluate_a_tender_file() {
    let tender = fixture("tender-werkplek.toml");
    let out = run_plain(&["evaluate", &tender, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["methode"], "absoluut");
    let ranking: Vec<(&str, f64, u64)> = json["ranking"]
        .as_array()
        .expect("ranking")
        .iter()
        .map(|r| {
            (
                r["inschrijver"].as_str().unwrap_or(""),
                r["totaal"].as_f64().unwrap_or(0.0),
                r["rang"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // A: q 0.74, price score (5.0 − 4.2)/2.0 = 0.4 → 100 × (0.7 × 0.74 + 0.3 × 0.4) = 63.8.
    assert_eq!(
        ranking,
        [
            ("Partner A", 63.8, 1),
            ("Partner B", 62.3, 2),
            ("Partner D", 61.7, 3)
        ]
    );
    assert_eq!(json["ranking"][0]["kwaliteit"], serde_json::json!(0.74));
    assert_eq!(json["ranking"][0]["prijsScore"], serde_json::json!(0.4));
    assert_eq!(json["uitgesloten"][0]["inschrijver"], "Partner C");
    // WQ: A (40 + 34 w) and B (70 − 11 w) meet at w = 2/3.
    let wq = json["gevoeligheid"]
        .as_array()
        .expect("sensitivity")
        .iter()
        .find(|s| s["criterium"] == "kwaliteitGewicht")
        .cloned()
        .expect("WQ");
    assert_eq!(wq["omslagGewicht"], serde_json::json!(0.6667));
    assert!(
        json["rangomkering"]
            .as_array()
            .is_some_and(|r| r.len() == 3)
    );

    // Bad input: key path and line, exit 2, nothing printed.
    let dir = std::env::temp_dir().join(format!("regisseur-tender-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let original = std::fs::read_to_string(&tender).expect("read");
    let bad = dir.join("fout.toml");
    std::fs::write(
        &bad,
        original
            .replace(
                "gewicht = 0.2\n\n[[criteria]]\nid = \"samenwerking\"",
                "gewicht = 0.25\n\n[[criteria]]\nid = \"samenwerking\"",
            )
            .replace("prijsMin = 3000000.00", "prijsMin = 6000000.00")
            .replace("samenwerking = 5,", "samenwerking = 11,"),
    )
    .expect("write");
    let out = run_plain(&["evaluate", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(message.contains("prijsMin (line 7)"), "{message}");
    assert!(message.contains("criteria (line 17)"), "{message}");
    assert!(
        message.contains("inschrijvingen[1].scores.samenwerking (line 47)"),
        "{message}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn sla_report_from_a_toml_file() {
    let file = fixture("sla-zaaksysteem.toml");
    let out = run_plain(&["sla", &file, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // March 2027 (summer time from the 28th): 44,580 minutes, 150 down → 99.6635 % < 99.9.
    assert_eq!(json["maanden"][0]["maand"], "2027-03");
    assert_eq!(
        json["maanden"][0]["normen"][0]["gemeten"],
        serde_json::json!(99.6635)
    );
    assert_eq!(
        json["maanden"][0]["normen"][0]["gehaald"],
        serde_json::json!(false)
    );
    assert_eq!(
        json["maanden"][0]["normen"][1]["gemeten"],
        serde_json::json!(100.0)
    );
    assert_eq!(
        json["maanden"][0]["creditPercentage"],
        serde_json::json!(10.0)
    );
    assert_eq!(
        json["maanden"][0]["creditBedrag"],
        serde_json::json!(4000.0)
    );
    assert_eq!(json["totaalCredits"], serde_json::json!(4000.0));
    assert_eq!(json["chronischFalen"], serde_json::json!([]));

    // Bad input: key path and line, exit 2, nothing printed.
    let dir = std::env::temp_dir().join(format!("regisseur-sla-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let original = std::fs::read_to_string(&file).expect("read");
    let bad = dir.join("fout.toml");
    std::fs::write(
        &bad,
        original
            .replace(
                "einde = \"2027-03-04T12:30\"",
                "einde = \"2027-03-04T09:30\"",
            )
            .replace(
                "opgelost = \"2027-03-08T10:00\"",
                "opgelost = \"2027-03-01T10:00\"",
            )
            .replace(
                "{ onder = 99.0, credit = 0.25 }",
                "{ onder = 99.95, credit = 0.25 }",
            ),
    )
    .expect("write");
    let out = run_plain(&["sla", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(message.contains("from high to low"), "{message}");
    assert!(message.contains("normen[0].staffel (line 11)"), "{message}");
    assert!(
        message.contains("storingen[0].einde (line 25)"),
        "{message}"
    );
    assert!(
        message.contains("incidenten[0].opgelost (line 30)"),
        "{message}"
    );
    assert!(out.stdout.is_empty());
}

async fn transition_fte_late_milestones_and_top_risks(backend: Backend) {
    use regisseur_domain::transition::ItemKind;
    let db = fresh_database_url(backend).await;
    let out = regisseur(
        &db,
        &["org", "add", "--slug", "een", "--name", "Gemeente Een"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store = regisseur_store::Store::connect(&db).await.expect("connect");
    let org = store
        .organisation_by_slug("een")
        .await
        .expect("lookup")
        .expect("organisation")
        .id;
    let actor = regisseur_store::Actor {
        user_id: None,
        email: "test@een.nl".into(),
    };
    let yesterday = today() - chrono::Days::new(1);
    for (kind, value) in [
        (
            ItemKind::Role,
            serde_json::json!({"naam": "Systeembeheerder", "verandering": "verdwijnt", "fteNu": 3.5, "fteStraks": 0}),
        ),
        (
            ItemKind::Role,
            serde_json::json!({"naam": "Contractmanager", "verandering": "nieuw", "fteNu": 0, "fteStraks": 1.2}),
        ),
        (
            ItemKind::Milestone,
            serde_json::json!({"naam": "Contract getekend", "fase": "aanbesteding", "datum": yesterday.to_string()}),
        ),
        (
            ItemKind::Milestone,
            serde_json::json!({"naam": "Marktconsultatie", "fase": "voorbereiding", "datum": yesterday.to_string(), "gereed": true}),
        ),
        (
            ItemKind::Risk,
            serde_json::json!({"titel": "Kennisverlies", "kans": 4, "impact": 4}),
        ),
        (
            ItemKind::Risk,
            serde_json::json!({"titel": "Kleine vertraging", "kans": 2, "impact": 2}),
        ),
    ] {
        store
            .save_transition_item(&actor, org, None, kind.read(&value).expect("valid"))
            .await
            .expect("saved");
    }
    let out = regisseur(&db, &["transition", "--org", "een"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Systeembeheerder") && stdout.contains("3.5 ->    0.0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("total") && stdout.contains("3.5 ->    1.2"),
        "{stdout}"
    );
    assert!(
        stdout.contains("milestones late: 1") && stdout.contains("Contract getekend"),
        "{stdout}"
    );
    assert!(
        stdout.contains("risks with score >= 12: 1") && stdout.contains("Kennisverlies"),
        "{stdout}"
    );
    assert!(!stdout.contains("Kleine vertraging"), "{stdout}");
    let out = regisseur(
        &db,
        &["transition", "--org", "een", "--threshold", "4", "--json"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = json_of(&out);
    assert_eq!(summary["fte"]["totaalVoor"], 3.5);
    assert_eq!(summary["fte"]["totaalNa"], 1.2);
    assert_eq!(summary["mijlpalenTeLaat"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        summary["risicosBovenDrempel"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(summary["risicosBovenDrempel"][0]["titel"], "Kennisverlies");
    // Wrong usage: exit 2, named.
    let out = regisseur(
        &db,
        &["transition", "--org", "een", "--threshold", "30"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("threshold"),
        "{}",
        text(&out.stderr)
    );
    let out = regisseur(&db, &["transition", "--org", "geen"], None);
    assert_eq!(out.status.code(), Some(2));
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", &path.to_string_lossy(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The commands a municipality runs: `export` and then `import --dry-run` into the same
/// organisation, in every format, plan nothing new and nothing changed.
async fn every_export_of_the_demo_reimports_without_changes(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let store = regisseur_store::Store::connect(&db).await.expect("connect");
    regisseur_demo::load(&store, today()).await.expect("demo");
    let dir = std::env::temp_dir().join(format!("regisseur-roundtrip-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    for name in ["applicaties.csv", "register.xlsx", "register.xml"] {
        let path = dir.join(name).to_string_lossy().to_string();
        let out = regisseur(&db, &["export", &path, "--org", "voorbeeld"], None);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let out = regisseur(
            &db,
            &["import", &path, "--org", "voorbeeld", "--dry-run", "--json"],
            None,
        );
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("the report is JSON");
        assert_eq!(
            (report["nieuw"].as_i64(), report["gewijzigd"].as_i64()),
            (Some(0), Some(0)),
            "{name}: {}",
            report["perSoort"]
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

async fn the_dossier_of_the_demo_municipality_as_pdf(backend: Backend) {
    let db = fresh_database_url(backend).await;
    let store = regisseur_store::Store::connect(&db).await.expect("connect");
    regisseur_demo::load(&store, today()).await.expect("demo");
    let dir = std::env::temp_dir().join(format!("regisseur-dossier-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).expect("dir");
    let pdf = dir.join("dossier.pdf");
    let out = regisseur(
        &db,
        &[
            "report",
            "--org",
            "voorbeeld",
            "--out",
            &pdf.to_string_lossy(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&pdf).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = text(&info.stdout);
    assert!(info.contains("Uitbestedingsdossier"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.trim_end().ends_with("yes")),
        "{info}"
    );
    let body = pdf_text(&pdf);
    for title in [
        "Uitbestedingsdossier",
        "Gemeente Voorbeeld",
        "Samenvatting en advies",
        "Advies: Gereed onder voorwaarden",
        "De basis: kwaliteit van de documentatie",
        "Koers: doelen en KPI",
        "Gereedheid: het advies",
        "Scope: wat de snede doorsnijdt",
        "Afhankelijkheid van leveranciers",
        "Businesscase",
        "Aanbesteding: route en planning",
        "Transitie: plan, mensen en risico",
        "De stabilisatie duurt",
    ] {
        assert!(
            body.contains(title),
            "'{title}' not in the dossier:\n{body}"
        );
    }
    // English, two chapters.
    let english = dir.join("dossier-en.pdf");
    let out = regisseur(
        &db,
        &[
            "report",
            "--org",
            "voorbeeld",
            "--out",
            &english.to_string_lossy(),
            "--lang",
            "en",
            "--parts",
            "transitie,businesscase",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let body = pdf_text(&english);
    assert!(
        body.contains("Outsourcing dossier") && body.contains("Transition: plan, people and risks"),
        "{body}"
    );
    assert!(
        !body.contains("Scope: what the cut crosses"),
        "only the chosen chapters"
    );
    // A chapter without data says so.
    let out = regisseur(
        &db,
        &["org", "add", "--slug", "leeg", "--name", "Gemeente Leeg"],
        None,
    );
    assert!(out.status.success());
    let empty = dir.join("leeg.pdf");
    let out = regisseur(
        &db,
        &["report", "--org", "leeg", "--out", &empty.to_string_lossy()],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let body = pdf_text(&empty);
    assert!(
        body.contains("Er is nog geen businesscase.")
            && body.contains("Er is nog geen transitieplan."),
        "{body}"
    );
    // Bad input: exit 2, named, no file left behind.
    let bad = dir.join("fout.pdf");
    let out = regisseur(
        &db,
        &[
            "report",
            "--org",
            "voorbeeld",
            "--out",
            &bad.to_string_lossy(),
            "--parts",
            "basis,begroting",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("'begroting'"),
        "{}",
        text(&out.stderr)
    );
    let nowhere = dir.join("bestaat-niet").join("dossier.pdf");
    let out = regisseur(
        &db,
        &[
            "report",
            "--org",
            "voorbeeld",
            "--out",
            &nowhere.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("does not exist"),
        "{}",
        text(&out.stderr)
    );
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    left.sort();
    assert_eq!(left, ["dossier-en.pdf", "dossier.pdf", "leeg.pdf"]);
    let _ = std::fs::remove_dir_all(&dir);
    // Every chart has its alt text (typst refuses PDF/UA-1 without it; here the text is checked).
    let org = store
        .organisation_by_slug("voorbeeld")
        .await
        .expect("lookup")
        .expect("demo");
    let dossier = regisseur_web::stages::rapportage::build(
        &store,
        &org,
        &regisseur_domain::report::Part::ALL,
        regisseur_domain::Lang::Nl,
        today(),
    )
    .await
    .expect("dossier");
    let figures: Vec<(String, usize)> = dossier
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .filter_map(|b| match b {
            regisseur_interchange::pdf::Block::Figure { alt, svg, .. } => {
                Some((alt.clone(), svg.len()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        figures.len(),
        3,
        "radar, yearly charges, Gantt: {figures:?}"
    );
    assert!(
        figures
            .iter()
            .all(|(alt, svg)| alt.len() > 40 && *svg > 500),
        "{figures:?}"
    );
    store.close().await;
}
