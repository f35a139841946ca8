//! Transitie in the database: the plan of an organisation and the items of its dossier. Every
//! change is checked against the whole dossier by the domain (`Dossier::with`/`without`) inside
//! the transaction that writes it, so nothing inconsistent is saved; each saved state of a risk
//! is also written to `risk_history` for the weekly report.

use crate::audit::{AuditAction, write_audit};
use crate::db::bump_revision;
use crate::db::corrupt;
use crate::db::{Col, Tx};
use crate::{Actor, Store, StoreError, now_text, time_text};
use chrono::{DateTime, Utc};
use regisseur_domain::transition::plan::Plan;
use regisseur_domain::transition::risks::Risk;
use regisseur_domain::transition::{Dossier, Item, ItemKind};
use std::collections::BTreeMap;
use uuid::Uuid;

async fn load(tx: &mut Tx, organisation_id: Uuid) -> Result<Dossier, StoreError> {
    let mut dossier = Dossier::default();
    if let Some(row) = tx
        .fetch_one(
            "SELECT data FROM transition_plans WHERE organisation_id = $1",
            &[organisation_id.into()],
            &[Col::Text],
        )
        .await?
    {
        dossier.plan = row.json(0, "transition plan")?;
    }
    let rows = tx
        .fetch(
            "SELECT id, kind, data FROM transition_items WHERE organisation_id = $1 ORDER BY created_at, id",
            &[organisation_id.into()],
            &[Col::Text, Col::Text, Col::Text],
        )
        .await?;
    for row in rows {
        let kind = row.text(1)?;
        let kind = ItemKind::from_code(&kind).ok_or_else(|| corrupt("transition item", &kind))?;
        let value = row.json(2, "transition item")?;
        let item = Item::from_stored(kind, value).map_err(|e| corrupt("transition item", e))?;
        dossier.put(row.uuid(0)?, item);
    }
    Ok(dossier)
}

async fn record_risk(
    tx: &mut Tx,
    organisation_id: Uuid,
    id: Uuid,
    risk: Option<&Risk>,
    at: &str,
    by: &str,
) -> Result<(), StoreError> {
    let data = risk
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Other(e.to_string()))?;
    tx.execute(
        "INSERT INTO risk_history (risk_id, organisation_id, data, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5)",
        &[id.into(), organisation_id.into(), data.into(), at.into(), by.into()],
    )
    .await?;
    Ok(())
}

impl Store {
    /// The transition dossier of an organisation (an empty one when nothing is filled in).
    pub async fn transition(&self, organisation_id: Uuid) -> Result<Dossier, StoreError> {
        let mut tx = self.db.begin().await?;
        let dossier = load(&mut tx, organisation_id).await?;
        tx.commit().await?;
        Ok(dossier)
    }

    /// Saves the plan (phases and settings); it must pass `Plan::read`'s checks, which the
    /// caller has made by reading it.
    pub async fn save_transition_plan(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        plan: &Plan,
    ) -> Result<(), StoreError> {
        let data = serde_json::to_value(plan).map_err(|e| StoreError::Other(e.to_string()))?;
        Plan::read(&data).map_err(StoreError::Invalid)?;
        let mut tx = self.db.begin().await?;
        bump_revision(&mut tx, organisation_id).await?;
        let before = load(&mut tx, organisation_id).await?.plan;
        let now = now_text();
        tx.execute(
            "DELETE FROM transition_plans WHERE organisation_id = $1",
            &[organisation_id.into()],
        )
        .await?;
        tx.execute(
            "INSERT INTO transition_plans (organisation_id, data, updated_by, updated_at) VALUES ($1, $2, $3, $4)",
            &[organisation_id.into(), data.to_string().into(), (&actor.email).into(), now.into()],
        )
        .await?;
        let before = serde_json::to_value(&before).ok();
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "transitieplan",
            organisation_id,
            before.as_ref(),
            Some(&data),
        )
        .await?;
        tx.commit().await
    }

    /// Adds (no `id`) or replaces an item of the dossier; refused with every problem when the
    /// dossier would become inconsistent (`Invalid`), `NotFound` for an unknown id.
    pub async fn save_transition_item(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Option<Uuid>,
        item: Item,
    ) -> Result<Uuid, StoreError> {
        self.save_transition_item_at(actor, organisation_id, id, item, Utc::now())
            .await
    }

    /// As [`Store::save_transition_item`], recorded at `at` (the demo's history of last week).
    pub async fn save_transition_item_at(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Option<Uuid>,
        item: Item,
        at: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let kind = item.kind();
        let mut tx = self.db.begin().await?;
        bump_revision(&mut tx, organisation_id).await?;
        let dossier = load(&mut tx, organisation_id).await?;
        let before = match id {
            Some(id) => Some(dossier.item(kind, id).ok_or(StoreError::NotFound)?),
            None => None,
        };
        let id = id.unwrap_or_else(Uuid::now_v7);
        let item = dossier
            .with(id, item)
            .map_err(StoreError::Invalid)?
            .item(kind, id)
            .ok_or(StoreError::NotFound)?;
        let now = time_text(at);
        let data = item.to_json();
        if before.is_some() {
            tx.execute(
                "UPDATE transition_items SET data = $1, updated_by = $2, updated_at = $3 WHERE organisation_id = $4 AND id = $5",
                &[data.to_string().into(), (&actor.email).into(), (&now).into(), organisation_id.into(), id.into()],
            )
            .await?;
        } else {
            tx.execute(
                "INSERT INTO transition_items (id, organisation_id, kind, data, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $5)",
                &[id.into(), organisation_id.into(), kind.code().into(), data.to_string().into(), (&now).into(), (&actor.email).into()],
            )
            .await?;
        }
        if let Item::Risk(risk) = &item {
            record_risk(&mut tx, organisation_id, id, Some(risk), &now, &actor.email).await?;
        }
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            if before.is_some() {
                AuditAction::Updated
            } else {
                AuditAction::Created
            },
            kind.code(),
            id,
            before.map(|b| b.to_json()).as_ref(),
            Some(&data),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes an item; refused (`Invalid`) while something refers to it.
    pub async fn delete_transition_item(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        kind: ItemKind,
        id: Uuid,
    ) -> Result<(), StoreError> {
        let mut tx = self.db.begin().await?;
        bump_revision(&mut tx, organisation_id).await?;
        let dossier = load(&mut tx, organisation_id).await?;
        let before = dossier.item(kind, id).ok_or(StoreError::NotFound)?;
        dossier.without(kind, id).map_err(StoreError::Invalid)?;
        tx.execute(
            "DELETE FROM transition_items WHERE organisation_id = $1 AND id = $2",
            &[organisation_id.into(), id.into()],
        )
        .await?;
        let now = now_text();
        if kind == ItemKind::Risk {
            record_risk(&mut tx, organisation_id, id, None, &now, &actor.email).await?;
        }
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Deleted,
            kind.code(),
            id,
            Some(&before.to_json()),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// The risks as they were at `at`: for each, its last state recorded up to then.
    pub async fn risks_as_of(
        &self,
        organisation_id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<BTreeMap<Uuid, Risk>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT risk_id, data FROM risk_history WHERE organisation_id = $1 AND recorded_at <= $2 ORDER BY recorded_at",
                &[organisation_id.into(), time_text(at).into()],
                &[Col::Text, Col::Text],
            )
            .await?;
        let mut risks = BTreeMap::new();
        for row in rows {
            let id = row.uuid(0)?;
            match row.opt_text(1)? {
                Some(data) => {
                    risks.insert(
                        id,
                        serde_json::from_str(&data).map_err(|e| corrupt("risk", e))?,
                    );
                }
                None => {
                    risks.remove(&id);
                }
            }
        }
        Ok(risks)
    }
}
