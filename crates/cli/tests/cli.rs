//! End-to-end tests of the `regisseur` binary: the real program, a fresh database, both
//! backends where the command touches storage.

use regisseur_store::testing::{Backend, fresh_database_url};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn regisseur(database: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regisseur"))
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
    bad_input_exits_1_and_names_every_problem
);

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
