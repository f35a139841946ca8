//! Kwaliteit in the database: an organisation's rule settings, owners' confirmations of their
//! elements, and the score per day. The rules and the score themselves are in
//! `regisseur_domain::quality`.

use crate::audit::{AuditAction, record_change};
use crate::db::{Col, Tx};
use crate::{Actor, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, NaiveDate, Utc};
use regisseur_domain::landscape::Record;
use regisseur_domain::quality::{Report, Scores, Settings, check};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use uuid::Uuid;

/// The audit trail's name for the settings.
const SETTINGS_ENTITY: &str = "kwaliteitsinstellingen";

/// An owner's confirmation that an element is still correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub element_id: Uuid,
    pub user_email: String,
    pub on: NaiveDate,
    pub at: DateTime<Utc>,
}

/// The score of one day, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorePoint {
    pub day: NaiveDate,
    pub overall: f64,
    /// Area code → score (`None`: the area had no elements).
    pub areas: Vec<(String, Option<f64>)>,
    pub findings: i64,
}

fn parse_day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("not a day: {text}")))
}

/// Withdraws the confirmation of an element that someone other than the confirming user edits.
pub(crate) async fn withdraw_confirmation(
    tx: &mut Tx,
    actor: &Actor,
    element_id: Uuid,
) -> Result<(), StoreError> {
    match actor.user_id {
        Some(user) => {
            tx.execute(
                "DELETE FROM confirmations WHERE element_id = $1 AND (user_id IS NULL OR user_id <> $2)",
                &[element_id.into(), user.into()],
            )
            .await?
        }
        None => {
            tx.execute(
                "DELETE FROM confirmations WHERE element_id = $1",
                &[element_id.into()],
            )
            .await?
        }
    };
    Ok(())
}

impl Store {
    /// The organisation's rule settings; the defaults when it never changed them.
    pub async fn quality_settings(&self, organisation_id: Uuid) -> Result<Settings, StoreError> {
        let row = self
            .db
            .fetch_one(
                "SELECT settings FROM quality_settings WHERE organisation_id = $1",
                &[organisation_id.into()],
                &[Col::Text],
            )
            .await?;
        let Some(row) = row else {
            return Ok(Settings::default());
        };
        let value: Value = row.json(0, "quality settings")?;
        Settings::parse(&value).map_err(|e| StoreError::Corrupt(format!("quality settings: {e}")))
    }

    /// Replaces the organisation's rule settings, with an audit record.
    pub async fn set_quality_settings(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        settings: &Settings,
    ) -> Result<(), StoreError> {
        let old = self.quality_settings(organisation_id).await?;
        let mut tx = self.db.begin().await?;
        let new_value = settings.to_json();
        tx.execute(
            "INSERT INTO quality_settings (organisation_id, settings, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (organisation_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
            &[
                organisation_id.into(),
                new_value.to_string().into(),
                now_text().into(),
            ],
        )
        .await?;
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            SETTINGS_ENTITY,
            organisation_id,
            Some(&old.to_json()),
            Some(&new_value),
        )
        .await?;
        tx.commit().await
    }

    /// Records that `actor` confirms the element is correct as of `on`; replaces an earlier
    /// confirmation. `NotFound` when the organisation has no such element.
    pub async fn confirm_element(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        element_id: Uuid,
        on: NaiveDate,
    ) -> Result<Confirmation, StoreError> {
        let mut tx = self.db.begin().await?;
        let exists = tx
            .fetch_one(
                "SELECT kind FROM elements WHERE organisation_id = $1 AND id = $2",
                &[organisation_id.into(), element_id.into()],
                &[Col::Text],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let entity = exists.text(0)?;
        let at = now_text();
        let day = on.format("%Y-%m-%d").to_string();
        tx.execute(
            "INSERT INTO confirmations (element_id, organisation_id, user_id, user_email, confirmed_on, confirmed_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (element_id) DO UPDATE SET user_id = excluded.user_id, user_email = excluded.user_email,
                 confirmed_on = excluded.confirmed_on, confirmed_at = excluded.confirmed_at",
            &[
                element_id.into(),
                organisation_id.into(),
                actor.user_id.map(|u| u.to_string()).into(),
                (&actor.email).into(),
                (&day).into(),
                (&at).into(),
            ],
        )
        .await?;
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Confirmed,
            &entity,
            element_id,
            None,
            Some(&json!({ "bevestigdOp": day })),
        )
        .await?;
        tx.commit().await?;
        Ok(Confirmation {
            element_id,
            user_email: actor.email.clone(),
            on,
            at: parse_time(&at)?,
        })
    }

    /// The standing confirmation of one element, if any.
    pub async fn confirmation(
        &self,
        organisation_id: Uuid,
        element_id: Uuid,
    ) -> Result<Option<Confirmation>, StoreError> {
        let row = self
            .db
            .fetch_one(
                "SELECT user_email, confirmed_on, confirmed_at FROM confirmations WHERE organisation_id = $1 AND element_id = $2",
                &[organisation_id.into(), element_id.into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?;
        row.map(|row| {
            Ok(Confirmation {
                element_id,
                user_email: row.text(0)?,
                on: parse_day(&row.text(1)?)?,
                at: parse_time(&row.text(2)?)?,
            })
        })
        .transpose()
    }

    /// Runs the quality rules over the organisation's register as of `on`, with its own settings
    /// or the ones given.
    pub async fn quality_report(
        &self,
        organisation_id: Uuid,
        on: NaiveDate,
        settings: Option<Settings>,
    ) -> Result<Report, StoreError> {
        let elements = self.all_elements(organisation_id).await?;
        let confirmations: HashMap<Uuid, NaiveDate> = self
            .confirmations(organisation_id)
            .await?
            .into_iter()
            .map(|(id, c)| (id, c.on))
            .collect();
        let settings = match settings {
            Some(settings) => settings,
            None => self.quality_settings(organisation_id).await?,
        };
        let goals = self.goals(organisation_id).await?;
        let catalog = self.catalog;
        // Over a large register the rules take a good part of a second: off the async threads.
        tokio::task::spawn_blocking(move || {
            let items: Vec<(Uuid, &Record)> = elements.iter().map(|e| (e.id, &e.record)).collect();
            let goals: Vec<(Uuid, &regisseur_domain::goals::Goal)> =
                goals.iter().map(|g| (g.id, &g.goal)).collect();
            check(&items, &goals, &confirmations, catalog, &settings, on)
        })
        .await
        .map_err(|e| StoreError::Other(format!("the quality check stopped: {e}")))
    }

    /// Every standing confirmation in the organisation, by element.
    pub async fn confirmations(
        &self,
        organisation_id: Uuid,
    ) -> Result<HashMap<Uuid, Confirmation>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT element_id, user_email, confirmed_on, confirmed_at FROM confirmations WHERE organisation_id = $1",
                &[organisation_id.into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let confirmation = Confirmation {
                    element_id: row.uuid(0)?,
                    user_email: row.text(1)?,
                    on: parse_day(&row.text(2)?)?,
                    at: parse_time(&row.text(3)?)?,
                };
                Ok((confirmation.element_id, confirmation))
            })
            .collect()
    }

    /// Records the scores of `day` (the last computation of a day counts).
    pub async fn record_score(
        &self,
        organisation_id: Uuid,
        day: NaiveDate,
        scores: &Scores,
        findings: usize,
    ) -> Result<(), StoreError> {
        let areas: Map<String, Value> = scores
            .per_area
            .iter()
            .map(|(area, s)| (area.code().to_string(), json!(s.score)))
            .collect();
        self.db
            .execute(
                "INSERT INTO quality_scores (organisation_id, day, score_tenths, areas, findings) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (organisation_id, day) DO UPDATE SET score_tenths = excluded.score_tenths,
                     areas = excluded.areas, findings = excluded.findings",
                &[
                    organisation_id.into(),
                    day.format("%Y-%m-%d").to_string().into(),
                    tenths(scores.overall).into(),
                    Value::Object(areas).to_string().into(),
                    i64::try_from(findings).unwrap_or(i64::MAX).into(),
                ],
            )
            .await?;
        Ok(())
    }

    /// The recorded scores, oldest first, at most `days` of the most recent ones.
    pub async fn score_history(
        &self,
        organisation_id: Uuid,
        days: u32,
    ) -> Result<Vec<ScorePoint>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT day, score_tenths, areas, findings FROM quality_scores WHERE organisation_id = $1
                 ORDER BY day DESC LIMIT $2",
                &[organisation_id.into(), i64::from(days).into()],
                &[Col::Text, Col::Int, Col::Text, Col::Int],
            )
            .await?;
        let mut points = rows
            .iter()
            .map(|row| {
                let areas: Map<String, Value> = row.json(2, "score areas")?;
                Ok(ScorePoint {
                    day: parse_day(&row.text(0)?)?,
                    overall: row.int(1)? as f64 / 10.0,
                    areas: areas
                        .into_iter()
                        .map(|(area, score)| (area, score.as_f64()))
                        .collect(),
                    findings: row.int(3)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        points.reverse();
        Ok(points)
    }
}

fn tenths(score: f64) -> i64 {
    (score * 10.0).round() as i64
}
