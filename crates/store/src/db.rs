//! The two backends behind one small interface: run a statement with text or integer
//! parameters and read back text or integer cells. Everything above this module is written
//! once and runs on both SQLite and PostgreSQL; the few SQL differences live in [`Dialect`].

use crate::StoreError;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Postgres, Row, Sqlite, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// A statement parameter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Param {
    Text(String),
    Int(i64),
    Bytes(Vec<u8>),
    Null,
}

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Param::Text(value.to_string())
    }
}
impl From<String> for Param {
    fn from(value: String) -> Self {
        Param::Text(value)
    }
}
impl From<&String> for Param {
    fn from(value: &String) -> Self {
        Param::Text(value.clone())
    }
}
impl From<i64> for Param {
    fn from(value: i64) -> Self {
        Param::Int(value)
    }
}
impl From<Option<String>> for Param {
    fn from(value: Option<String>) -> Self {
        value.map_or(Param::Null, Param::Text)
    }
}
impl From<Option<&str>> for Param {
    fn from(value: Option<&str>) -> Self {
        value.map_or(Param::Null, |s| Param::Text(s.to_string()))
    }
}
impl From<uuid::Uuid> for Param {
    fn from(value: uuid::Uuid) -> Self {
        Param::Text(value.to_string())
    }
}

/// The type of a column read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Col {
    Text,
    Int,
    Bytes,
}

/// One cell read back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Int(i64),
    Bytes(Vec<u8>),
    Null,
}

/// A row read back, with typed accessors that fail with a clear error instead of panicking.
#[derive(Debug, Clone)]
pub(crate) struct DbRow(Vec<Cell>);

/// A stored value that does not read back: what it is, and why.
pub(crate) fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

impl DbRow {
    /// A column holding JSON, read into `T`; `what` names it in the error.
    pub(crate) fn json<T: serde::de::DeserializeOwned>(
        &self,
        i: usize,
        what: &str,
    ) -> Result<T, StoreError> {
        serde_json::from_str(&self.text(i)?).map_err(|e| corrupt(what, e))
    }

    pub(crate) fn text(&self, i: usize) -> Result<String, StoreError> {
        match self.0.get(i) {
            Some(Cell::Text(s)) => Ok(s.clone()),
            other => Err(StoreError::Corrupt(format!(
                "column {i}: expected text, found {other:?}"
            ))),
        }
    }
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        match self.0.get(i) {
            Some(Cell::Text(s)) => Ok(Some(s.clone())),
            Some(Cell::Null) => Ok(None),
            other => Err(StoreError::Corrupt(format!(
                "column {i}: expected text, found {other:?}"
            ))),
        }
    }
    pub(crate) fn int(&self, i: usize) -> Result<i64, StoreError> {
        match self.0.get(i) {
            Some(Cell::Int(n)) => Ok(*n),
            other => Err(StoreError::Corrupt(format!(
                "column {i}: expected integer, found {other:?}"
            ))),
        }
    }
    pub(crate) fn bytes(&self, i: usize) -> Result<Vec<u8>, StoreError> {
        match self.0.get(i) {
            Some(Cell::Bytes(b)) => Ok(b.clone()),
            other => Err(StoreError::Corrupt(format!(
                "column {i}: expected bytes, found {other:?}"
            ))),
        }
    }
    pub(crate) fn uuid(&self, i: usize) -> Result<uuid::Uuid, StoreError> {
        let text = self.text(i)?;
        uuid::Uuid::parse_str(&text)
            .map_err(|_| StoreError::Corrupt(format!("column {i}: not an id: {text}")))
    }
}

/// Where SQLite and PostgreSQL differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The element data column as JSON text.
    pub(crate) fn data_text(self) -> &'static str {
        match self {
            Dialect::Sqlite => "data",
            Dialect::Postgres => "data::text",
        }
    }
    /// A JSON text parameter as a value for the data column.
    pub(crate) fn data_param(self, n: usize) -> String {
        match self {
            Dialect::Sqlite => format!("${n}"),
            Dialect::Postgres => format!("${n}::jsonb"),
        }
    }
    /// The VALUES of a multi-row INSERT: `rows` copies of `row`, whose every `?` is the next
    /// parameter (`?::jsonb` a JSON one). PostgreSQL numbers them (`$n`); SQLite gets anonymous
    /// `?`, bound in order: with numbered names SQLite looks each name up in a list, which makes
    /// binding a wide statement quadratic.
    pub(crate) fn values_rows(self, rows: usize, row: &str) -> String {
        let mut out = String::with_capacity(rows * (row.len() + 8));
        let mut n = 0;
        for i in 0..rows {
            if i > 0 {
                out.push_str(", ");
            }
            match self {
                Dialect::Sqlite => out.push_str(&row.replace("?::jsonb", "?")),
                Dialect::Postgres => {
                    for part in row.split_inclusive('?') {
                        match part.strip_suffix('?') {
                            Some(before) => {
                                n += 1;
                                out.push_str(before);
                                out.push('$');
                                out.push_str(&n.to_string());
                            }
                            None => out.push_str(part),
                        }
                    }
                }
            }
        }
        out
    }
    /// A top-level field of the element data as text; booleans as `true`/`false`.
    /// `field` must come from the domain's field tables, never from input.
    pub(crate) fn json_text(self, field: &str) -> String {
        match self {
            Dialect::Sqlite => format!(
                "(CASE json_type(data, '$.{field}') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_extract(data, '$.{field}') END)"
            ),
            Dialect::Postgres => format!("(data ->> '{field}')"),
        }
    }
    /// A top-level field of the element data as a sortable value (numbers as numbers).
    pub(crate) fn json_sort(self, field: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_extract(data, '$.{field}')"),
            Dialect::Postgres => format!("(data -> '{field}')"),
        }
    }
}

pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Binds the parameters to a query, borrowed (`&[Param]`: each text is copied once, as the
/// driver keeps its own) or owned (`Vec<Param>`: each text is handed over without a copy, which
/// is what bulk inserts of megabytes of JSON use).
macro_rules! bind_all {
    ($query:ident, $params:expr) => {
        for param in $params {
            $query = match param {
                Param::Text(s) => $query.bind(String::from(s)),
                Param::Int(n) => $query.bind(n.to_owned()),
                Param::Bytes(b) => $query.bind(Vec::from(b.as_slice())),
                Param::Null => $query.bind(None::<String>),
            };
        }
    };
}

/// Binds the parameters, runs a fetch and decodes the rows; the same code for both backends.
macro_rules! fetch_rows {
    ($exec:expr, $sql:expr, $params:expr, $cols:expr) => {{
        let mut query = sqlx::query(AssertSqlSafe($sql.to_string()));
        bind_all!(query, $params);
        let rows = query.fetch_all($exec).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut cells = Vec::with_capacity($cols.len());
            for (i, col) in $cols.iter().enumerate() {
                cells.push(match col {
                    Col::Text => row
                        .try_get::<Option<String>, _>(i)?
                        .map_or(Cell::Null, Cell::Text),
                    Col::Int => row
                        .try_get::<Option<i64>, _>(i)?
                        .map_or(Cell::Null, Cell::Int),
                    Col::Bytes => row
                        .try_get::<Option<Vec<u8>>, _>(i)?
                        .map_or(Cell::Null, Cell::Bytes),
                });
            }
            out.push(DbRow(cells));
        }
        Ok::<Vec<DbRow>, StoreError>(out)
    }};
}

macro_rules! execute {
    ($exec:expr, $sql:expr, $params:expr) => {{
        let mut query = sqlx::query(AssertSqlSafe($sql.to_string()));
        bind_all!(query, $params);
        Ok::<u64, StoreError>(query.execute($exec).await?.rows_affected())
    }};
}

/// How often the SQLite write-ahead log is copied back into the database.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(5);

/// Copies the write-ahead log into the database now and then, without blocking readers or
/// writers (a passive checkpoint), until the pool closes; closing checkpoints the rest.
async fn checkpoint_regularly(pool: SqlitePool) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await;
    loop {
        tick.tick().await;
        if pool.is_closed() {
            return;
        }
        if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            tracing::warn!(%error, "checkpoint of the SQLite log failed; retrying later");
        }
    }
}

impl Db {
    pub(crate) async fn connect(url: &str) -> Result<Db, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            sqlx::migrate!("./migrations/postgres").run(&pool).await?;
            Ok(Db::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Read pages through a memory map instead of a read() per page: lists touch
                // many pages of the same few indexes.
                .pragma("mmap_size", "268435456")
                // Room for a large import in one transaction without spilling pages midway.
                .pragma("cache_size", "-65536")
                // Commits do not copy the log back into the database; a background task does,
                // so that a large import does not wait for it.
                .pragma("wal_autocheckpoint", "0")
                // Statement journals (a multi-row insert keeps the pages it changes until it
                // has succeeded) and temporary sort tables in memory, not in temporary files:
                // each is small and short-lived, and writing them cost a system call per page.
                .pragma("temp_store", "memory")
                // 16 KiB pages for a new database (an existing one keeps its own): elements
                // carry JSON of a few hundred bytes, so more of them fit on a page, the B-trees
                // are shallower and a large import commits a quarter of the log frames.
                .pragma("page_size", "16384");
            // SQLite works in the calling thread's time: more connections than cores only adds
            // switching between them.
            let connections =
                std::thread::available_parallelism().map_or(4, |n| n.get().clamp(2, 8) as u32 * 2);
            let pool = SqlitePoolOptions::new()
                .max_connections(connections)
                .min_connections(1)
                .connect_with(options)
                .await?;
            sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
            tokio::spawn(checkpoint_regularly(pool.clone()));
            Ok(Db::Sqlite(pool))
        } else {
            Err(StoreError::BadUrl(url.to_string()))
        }
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    pub(crate) async fn fetch(
        &self,
        sql: &str,
        params: &[Param],
        cols: &[Col],
    ) -> Result<Vec<DbRow>, StoreError> {
        match self {
            Db::Sqlite(pool) => fetch_rows!(pool, sql, params, cols),
            Db::Postgres(pool) => fetch_rows!(pool, sql, params, cols),
        }
    }

    pub(crate) async fn fetch_one(
        &self,
        sql: &str,
        params: &[Param],
        cols: &[Col],
    ) -> Result<Option<DbRow>, StoreError> {
        Ok(self.fetch(sql, params, cols).await?.into_iter().next())
    }

    pub(crate) async fn execute(&self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        match self {
            Db::Sqlite(pool) => execute!(pool, sql, params),
            Db::Postgres(pool) => execute!(pool, sql, params),
        }
    }

    /// Begins a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so that a transaction that reads and then writes waits instead of failing.
    pub(crate) async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub(crate) async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }

    pub(crate) fn sqlite_pool(&self) -> Option<&SqlitePool> {
        match self {
            Db::Sqlite(pool) => Some(pool),
            Db::Postgres(_) => None,
        }
    }
}

/// A write transaction on either backend. Dropped without `commit`, it rolls back.
pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Tx::Sqlite(_) => Dialect::Sqlite,
            Tx::Postgres(_) => Dialect::Postgres,
        }
    }

    pub(crate) async fn fetch(
        &mut self,
        sql: &str,
        params: &[Param],
        cols: &[Col],
    ) -> Result<Vec<DbRow>, StoreError> {
        match self {
            Tx::Sqlite(tx) => fetch_rows!(&mut **tx, sql, params, cols),
            Tx::Postgres(tx) => fetch_rows!(&mut **tx, sql, params, cols),
        }
    }

    pub(crate) async fn fetch_one(
        &mut self,
        sql: &str,
        params: &[Param],
        cols: &[Col],
    ) -> Result<Option<DbRow>, StoreError> {
        Ok(self.fetch(sql, params, cols).await?.into_iter().next())
    }

    pub(crate) async fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        match self {
            Tx::Sqlite(tx) => execute!(&mut **tx, sql, params),
            Tx::Postgres(tx) => execute!(&mut **tx, sql, params),
        }
    }

    /// [`Tx::execute`] with parameters it may keep: their texts go to the driver uncopied.
    pub(crate) async fn execute_owned(
        &mut self,
        sql: &str,
        params: Vec<Param>,
    ) -> Result<u64, StoreError> {
        match self {
            Tx::Sqlite(tx) => execute!(&mut **tx, sql, params),
            Tx::Postgres(tx) => execute!(&mut **tx, sql, params),
        }
    }

    pub(crate) async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

/// Marks the organisation's register as changed, in the same transaction as the change.
pub(crate) async fn bump_revision(
    tx: &mut Tx,
    organisation_id: uuid::Uuid,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE organisations SET revision = revision + 1 WHERE id = $1",
        &[organisation_id.into()],
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Dialect;

    #[test]
    fn multi_row_values_per_dialect() {
        assert_eq!(
            Dialect::Postgres.values_rows(2, "(?, ?::jsonb, 1)"),
            "($1, $2::jsonb, 1), ($3, $4::jsonb, 1)"
        );
        assert_eq!(
            Dialect::Sqlite.values_rows(2, "(?, ?::jsonb, 1)"),
            "(?, ?, 1), (?, ?, 1)"
        );
    }
}
