//! Persistence for Regisseur: SQLite (the embedded default) and PostgreSQL (for one
//! installation that serves many organisations from several app servers).
//!
//! What lives here: the schema and migrations (one folder per backend), reading and writing
//! organisations, accounts, sessions, API tokens and register elements, and the audit trail,
//! written in the same transaction as the change it records. What must not: rules and
//! validation (they are in `regisseur-domain`, which this crate calls), HTTP, templates.

mod accounts;
mod audit;
mod business_case;
mod db;
mod elements;
mod koers;
mod procurement;
mod quality;
mod regie;
mod scope;
pub mod testing;
mod transition;
mod uploads;

pub use accounts::{ApiToken, Membership, Organisation, SESSION_LIFETIME_HOURS, User};
pub use audit::{AuditEntry, AuditQuery};
pub use business_case::StoredBusinessCase;
pub use db::Dialect;
pub use elements::{DeleteOutcome, Dependent, Element, ListQuery, NewElement, Page, Planned};
pub use koers::{Assessment, StoredAnswer, StoredGoal};
pub use procurement::{Consensus, EvaluatorScore, SealedBid, StoredTender};
pub use quality::{Confirmation, ScorePoint};
pub use regie::{Entry, SlaTerms, StoredObligation, StoredSurvey};

use db::Db;
use regisseur_domain::ValidationErrors;
use regisseur_domain::reference::ReferenceCatalog;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database address '{0}': use sqlite://FILE or postgres://…")]
    BadUrl(String),
    #[error("invalid input: {0}")]
    Invalid(ValidationErrors),
    #[error("not found")]
    NotFound,
    #[error("the element was changed by someone else (current version {current})")]
    Conflict { current: i64 },
    #[error("other elements depend on this one")]
    HasDependents(Vec<Dependent>),
    /// The action does not fit where the process stands (e.g. prices are still sealed).
    #[error("not possible now: {0}")]
    NotNow(String),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Other(String),
}

/// Who makes a change, as recorded in the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub email: String,
}

impl Actor {
    /// Changes made by the program itself (demo data, command-line imports without a user).
    pub fn system() -> Actor {
        Actor {
            user_id: None,
            email: "systeem".into(),
        }
    }
}

/// The connection to the database and everything read from and written to it.
pub struct Store {
    db: Db,
    catalog: &'static ReferenceCatalog,
    counts: elements::CountCache,
}

impl Store {
    /// Connects to `sqlite://FILE` (created when missing) or `postgres://…`, and brings the
    /// schema up to date.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let db = Db::connect(url).await?;
        Ok(Store {
            db,
            catalog: ReferenceCatalog::gemma(),
            counts: elements::CountCache::default(),
        })
    }

    pub fn dialect(&self) -> Dialect {
        self.db.dialect()
    }

    pub fn catalog(&self) -> &'static ReferenceCatalog {
        self.catalog
    }

    pub async fn close(&self) {
        self.db.close().await
    }

    /// Writes a consistent copy of a SQLite database to `path` while it is in use
    /// (`VACUUM INTO`). PostgreSQL is backed up with its own tools.
    pub async fn backup_sqlite(&self, path: &str) -> Result<(), StoreError> {
        let Some(pool) = self.db.sqlite_pool() else {
            return Err(StoreError::Other(
                "backup of PostgreSQL: use pg_dump (see README)".into(),
            ));
        };
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(pool)
            .await?;
        Ok(())
    }

    /// Checks that the database answers; used by the health endpoint.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db
            .fetch("SELECT 1", &[], &[db::Col::Int])
            .await
            .map(|_| ())
    }
}

/// The current time as stored: UTC, microseconds, one fixed format that sorts as text.
pub(crate) fn now_text() -> String {
    time_text(chrono::Utc::now())
}

pub(crate) fn time_text(time: chrono::DateTime<chrono::Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub(crate) fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| StoreError::Corrupt(format!("not a time: {text}")))
}
