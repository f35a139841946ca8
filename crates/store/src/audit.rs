//! The audit trail: who changed what, when, with the old and the new value. Written in the
//! same transaction as the change; never updated or deleted by the program.

use crate::db::{Col, Param, Tx};
use crate::{Actor, Page, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuditAction {
    Created,
    Updated,
    Deleted,
    /// An owner confirmed that an element is still correct.
    Confirmed,
}

impl AuditAction {
    pub(crate) fn code(self) -> &'static str {
        match self {
            AuditAction::Created => "aangemaakt",
            AuditAction::Updated => "gewijzigd",
            AuditAction::Deleted => "verwijderd",
            AuditAction::Confirmed => "bevestigd",
        }
    }
}

/// One change in the audit trail.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub user_email: String,
    /// `aangemaakt`, `gewijzigd` or `verwijderd`.
    pub action: String,
    /// The kind's singular name, e.g. `applicatie`.
    pub entity: String,
    pub entity_id: Uuid,
    pub old_value: Option<Value>,
    pub new_value: Option<Value>,
}

/// Which part of the audit trail to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditQuery {
    pub entity_id: Option<Uuid>,
    pub entity: Option<String>,
    pub page: u32,
    pub page_size: u32,
}

impl Default for AuditQuery {
    fn default() -> Self {
        AuditQuery {
            entity_id: None,
            entity: None,
            page: 1,
            page_size: 50,
        }
    }
}

/// A change to an organisation's data, in the transaction that makes it: its audit record, and
/// the organisation's revision up (so cached reports are computed afresh).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record_change(
    tx: &mut Tx,
    actor: &Actor,
    organisation_id: Uuid,
    action: AuditAction,
    entity: &str,
    entity_id: Uuid,
    old_value: Option<&Value>,
    new_value: Option<&Value>,
) -> Result<(), StoreError> {
    write_audit(
        tx,
        actor,
        organisation_id,
        action,
        entity,
        entity_id,
        old_value,
        new_value,
    )
    .await?;
    crate::db::bump_revision(tx, organisation_id).await
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_audit(
    tx: &mut Tx,
    actor: &Actor,
    organisation_id: Uuid,
    action: AuditAction,
    entity: &str,
    entity_id: Uuid,
    old_value: Option<&Value>,
    new_value: Option<&Value>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO audit_log (id, organisation_id, at, user_id, user_email, action, entity, entity_id, old_value, new_value)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            Uuid::now_v7().into(),
            organisation_id.into(),
            now_text().into(),
            actor.user_id.map(|u| u.to_string()).into(),
            (&actor.email).into(),
            action.code().into(),
            entity.into(),
            entity_id.into(),
            old_value.map(Value::to_string).into(),
            new_value.map(Value::to_string).into(),
        ],
    )
    .await?;
    Ok(())
}

fn json_column(text: Option<String>) -> Result<Option<Value>, StoreError> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| StoreError::Corrupt(format!("audit value: {e}")))
    })
    .transpose()
}

impl Store {
    /// The organisation's audit trail, newest first.
    pub async fn audit_log(
        &self,
        organisation_id: Uuid,
        query: &AuditQuery,
    ) -> Result<Page<AuditEntry>, StoreError> {
        let mut clause = String::from("organisation_id = $1");
        let mut params: Vec<Param> = vec![organisation_id.into()];
        if let Some(id) = query.entity_id {
            params.push(id.into());
            clause.push_str(&format!(" AND entity_id = ${}", params.len()));
        }
        if let Some(entity) = &query.entity {
            params.push(entity.into());
            clause.push_str(&format!(" AND entity = ${}", params.len()));
        }
        let total = self
            .db
            .fetch_one(
                &format!("SELECT COUNT(*) FROM audit_log WHERE {clause}"),
                &params,
                &[Col::Int],
            )
            .await?
            .map_or(Ok(0), |r| r.int(0))?;
        let page_size = query.page_size.clamp(1, 500);
        let page = query.page.max(1);
        params.push(i64::from(page_size).into());
        params.push((i64::from(page - 1) * i64::from(page_size)).into());
        let sql = format!(
            "SELECT id, at, user_email, action, entity, entity_id, old_value, new_value FROM audit_log
             WHERE {clause} ORDER BY at DESC, id DESC LIMIT ${} OFFSET ${}",
            params.len() - 1,
            params.len()
        );
        let rows = self
            .db
            .fetch(
                &sql,
                &params,
                &[
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                    Col::Text,
                ],
            )
            .await?;
        let items = rows
            .iter()
            .map(|row| {
                Ok(AuditEntry {
                    id: row.uuid(0)?,
                    at: parse_time(&row.text(1)?)?,
                    user_email: row.text(2)?,
                    action: row.text(3)?,
                    entity: row.text(4)?,
                    entity_id: row.uuid(5)?,
                    old_value: json_column(row.opt_text(6)?)?,
                    new_value: json_column(row.opt_text(7)?)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Page {
            items,
            total,
            page,
            page_size,
        })
    }
}
