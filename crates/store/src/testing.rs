//! Fresh databases for tests, on both backends. Every test gets its own database, so tests
//! run in parallel without seeing each other's data.
//!
//! Test support only: a database that cannot be made is a broken test setup, so these
//! functions panic with a message that says what is missing instead of returning an error.
//!
//! PostgreSQL is reached at `REGISSEUR_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`); `.ci/run` starts a server when none answers.

use sqlx::Connection;
use sqlx::postgres::PgConnection;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server used by tests.
pub fn postgres_admin_url() -> String {
    std::env::var("REGISSEUR_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

/// Whether the PostgreSQL server for tests answers (benchmarks skip PostgreSQL when it does not).
pub async fn postgres_answers() -> bool {
    PgConnection::connect(&postgres_admin_url()).await.is_ok()
}

/// Creates an empty database and answers its address.
pub async fn fresh_database_url(backend: Backend) -> String {
    let name = format!("regisseur_test_{}", Uuid::now_v7().simple());
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("regisseur-tests");
            std::fs::create_dir_all(&dir).expect("temporary directory is writable");
            format!("sqlite://{}", dir.join(format!("{name}.db")).display())
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            let mut conn = PgConnection::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL for tests does not answer at {admin}: {e}"));
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut conn)
                .await
                .expect("can create a test database");
            let base = admin
                .rsplit_once('/')
                .map_or(admin.as_str(), |(base, _)| base);
            format!("{base}/{name}")
        }
    }
}
