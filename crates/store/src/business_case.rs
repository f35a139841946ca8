//! Business cases in the database: per organisation any number of cases (scenarios side by
//! side), each stored as the input structure the CLI reads. The figures are always computed
//! from the input by `regisseur_domain::business_case`, so they cannot go stale.

use crate::audit::{AuditAction, record_change};
use crate::db::{Col, DbRow};
use crate::{Actor, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, Utc};
use regisseur_domain::business_case::Input;
use serde_json::Value;
use uuid::Uuid;

/// A business case as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredBusinessCase {
    pub id: Uuid,
    pub version: i64,
    pub input: Input,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

fn case_from(row: &DbRow) -> Result<StoredBusinessCase, StoreError> {
    let input: Input = row.json(2, "business case")?;
    Ok(StoredBusinessCase {
        id: row.uuid(0)?,
        version: row.int(1)?,
        input,
        updated_at: parse_time(&row.text(3)?)?,
        updated_by: row.text(4)?,
    })
}

fn as_json(input: &Input) -> Result<Value, StoreError> {
    serde_json::to_value(input).map_err(|e| StoreError::Other(format!("business case: {e}")))
}

const COLUMNS: &str = "id, version, data, updated_at, updated_by";
const COLS: [Col; 5] = [Col::Text, Col::Int, Col::Text, Col::Text, Col::Text];

impl Store {
    /// The organisation's business cases, by name.
    pub async fn business_cases(
        &self,
        organisation_id: Uuid,
    ) -> Result<Vec<StoredBusinessCase>, StoreError> {
        let rows = self
            .db
            .fetch(
                &format!("SELECT {COLUMNS} FROM business_cases WHERE organisation_id = $1 ORDER BY name, id"),
                &[organisation_id.into()],
                &COLS,
            )
            .await?;
        rows.iter().map(case_from).collect()
    }

    pub async fn business_case(
        &self,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<Option<StoredBusinessCase>, StoreError> {
        self.db
            .fetch_one(
                &format!(
                    "SELECT {COLUMNS} FROM business_cases WHERE organisation_id = $1 AND id = $2"
                ),
                &[organisation_id.into(), id.into()],
                &COLS,
            )
            .await?
            .as_ref()
            .map(case_from)
            .transpose()
    }

    /// Stores a new business case; the input must pass `Input::check` (`Invalid` otherwise).
    pub async fn create_business_case(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        input: &Input,
    ) -> Result<StoredBusinessCase, StoreError> {
        input.check().map_err(StoreError::Invalid)?;
        let id = Uuid::now_v7();
        let now = now_text();
        let data = as_json(input)?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO business_cases (id, organisation_id, name, data, version, created_at, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, 1, $5, $5, $6)",
            &[
                id.into(),
                organisation_id.into(),
                (&input.naam).into(),
                data.to_string().into(),
                (&now).into(),
                (&actor.email).into(),
            ],
        )
        .await?;
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Created,
            "businesscase",
            id,
            None,
            Some(&data),
        )
        .await?;
        tx.commit().await?;
        Ok(StoredBusinessCase {
            id,
            version: 1,
            input: input.clone(),
            updated_at: parse_time(&now)?,
            updated_by: actor.email.clone(),
        })
    }

    /// Replaces a business case; `version` is the one the caller read (`Conflict` otherwise).
    pub async fn update_business_case(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Uuid,
        version: i64,
        input: &Input,
    ) -> Result<StoredBusinessCase, StoreError> {
        input.check().map_err(StoreError::Invalid)?;
        let current = self
            .business_case(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if current.version != version {
            return Err(StoreError::Conflict {
                current: current.version,
            });
        }
        let now = now_text();
        let data = as_json(input)?;
        let mut tx = self.db.begin().await?;
        let changed = tx
            .execute(
                "UPDATE business_cases SET name = $1, data = $2, version = version + 1, updated_at = $3, updated_by = $4
                 WHERE organisation_id = $5 AND id = $6 AND version = $7",
                &[
                    (&input.naam).into(),
                    data.to_string().into(),
                    (&now).into(),
                    (&actor.email).into(),
                    organisation_id.into(),
                    id.into(),
                    version.into(),
                ],
            )
            .await?;
        if changed != 1 {
            return Err(StoreError::Conflict {
                current: version + 1,
            });
        }
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "businesscase",
            id,
            Some(&as_json(&current.input)?),
            Some(&data),
        )
        .await?;
        tx.commit().await?;
        Ok(StoredBusinessCase {
            id,
            version: version + 1,
            input: input.clone(),
            updated_at: parse_time(&now)?,
            updated_by: actor.email.clone(),
        })
    }

    /// Deletes a business case; with `expected`, only while it is still at that version
    /// (`Conflict` otherwise, and nothing is deleted).
    pub async fn delete_business_case(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Uuid,
        expected: Option<i64>,
    ) -> Result<(), StoreError> {
        let current = self
            .business_case(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let version = expected.unwrap_or(current.version);
        if current.version != version {
            return Err(StoreError::Conflict {
                current: current.version,
            });
        }
        let mut tx = self.db.begin().await?;
        let deleted = tx
            .execute(
                "DELETE FROM business_cases WHERE organisation_id = $1 AND id = $2 AND version = $3",
                &[organisation_id.into(), id.into(), version.into()],
            )
            .await?;
        if deleted != 1 {
            return Err(StoreError::Conflict {
                current: version + 1,
            });
        }
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Deleted,
            "businesscase",
            id,
            Some(&as_json(&current.input)?),
            None,
        )
        .await?;
        tx.commit().await
    }
}
