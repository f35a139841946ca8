//! Regie in the database: per contract its obligations, its SLA (settings and norms; outages,
//! incidents and reported monthly figures), the quarterly surveys of both sides; and the secret
//! calendar feeds (only a hash of the secret is kept; revoking deletes it).

use crate::accounts::{random_secret, token_hash};
use crate::audit::{AuditAction, write_audit};
use crate::db::Col;
use crate::db::corrupt;
use crate::{Actor, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, Utc};
use regisseur_domain::regie::health::{Side, Survey, parse_quarter, quarter_text};
use regisseur_domain::regie::obligations::Obligation;
use regisseur_domain::regie::register::{Expectation, Innovation};
use regisseur_domain::regie::sla::{Incident, Norm, Outage, Reported, SlaInput};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

/// An obligation as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredObligation {
    pub id: Uuid,
    pub contract_id: Uuid,
    pub obligation: Obligation,
}

/// A contract's SLA terms: the monthly fee, the credit cap, extra closed days and the norms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SlaTerms {
    pub maandbedrag: f64,
    pub max_credit: f64,
    #[serde(default)]
    pub vrije_dagen: Vec<String>,
    pub normen: Vec<Norm>,
}

impl SlaTerms {
    /// The SLA input with these measurements, as the domain computes it.
    pub fn with(
        &self,
        storingen: Vec<Outage>,
        incidenten: Vec<Incident>,
        rapportages: Vec<Reported>,
    ) -> SlaInput {
        SlaInput {
            maandbedrag: self.maandbedrag,
            max_credit: self.max_credit,
            vrije_dagen: self.vrije_dagen.clone(),
            maanden: None,
            normen: self.normen.clone(),
            storingen,
            incidenten,
            rapportages,
        }
    }
}

/// A survey as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSurvey {
    pub quarter: (i32, u8),
    pub side: Side,
    pub survey: Survey,
    pub answered_by: String,
    pub answered_at: DateTime<Utc>,
}

fn to_text<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Other(e.to_string()))
}

/// An expectation or an innovation of a contract, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    pub id: Uuid,
    pub value: T,
    pub updated_by: String,
}

const EXPECTATION: &str = "verwachting";
const INNOVATION: &str = "innovatie";

const OUTAGE: &str = "storing";
const INCIDENT: &str = "incident";
const REPORT: &str = "rapportage";

impl Store {
    pub async fn obligations(
        &self,
        organisation_id: Uuid,
    ) -> Result<Vec<StoredObligation>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT id, contract_id, data FROM obligations WHERE organisation_id = $1 ORDER BY id",
                &[organisation_id.into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(StoredObligation {
                    id: row.uuid(0)?,
                    contract_id: row.uuid(1)?,
                    obligation: row.json(2, "obligation")?,
                })
            })
            .collect()
    }

    /// Adds or replaces (`id`) an obligation of a contract of the organisation.
    pub async fn save_obligation(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        id: Option<Uuid>,
        obligation: &Obligation,
    ) -> Result<Uuid, StoreError> {
        obligation.check().map_err(StoreError::Invalid)?;
        self.contract_of(organisation_id, contract_id).await?;
        let data =
            serde_json::to_value(obligation).map_err(|e| StoreError::Other(e.to_string()))?;
        let mut tx = self.db.begin().await?;
        let (id, action) = match id {
            Some(id) => {
                let changed = tx
                    .execute(
                        "UPDATE obligations SET data = $1, updated_at = $2 WHERE organisation_id = $3 AND contract_id = $4 AND id = $5",
                        &[data.to_string().into(), now_text().into(), organisation_id.into(), contract_id.into(), id.into()],
                    )
                    .await?;
                if changed != 1 {
                    return Err(StoreError::NotFound);
                }
                (id, AuditAction::Updated)
            }
            None => {
                let id = Uuid::now_v7();
                tx.execute(
                    "INSERT INTO obligations (id, organisation_id, contract_id, data, updated_at) VALUES ($1, $2, $3, $4, $5)",
                    &[id.into(), organisation_id.into(), contract_id.into(), data.to_string().into(), now_text().into()],
                )
                .await?;
                (id, AuditAction::Created)
            }
        };
        let logged = json!({"contract": contract_id.to_string(), "verplichting": data});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            action,
            "verplichting",
            id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn contract_of(
        &self,
        organisation_id: Uuid,
        contract_id: Uuid,
    ) -> Result<(), StoreError> {
        self.get_element(
            organisation_id,
            regisseur_domain::landscape::EntityKind::Contract,
            contract_id,
        )
        .await?
        .map(|_| ())
        .ok_or(StoreError::NotFound)
    }

    /// The contract's SLA terms, if any were set.
    pub async fn sla_terms(
        &self,
        organisation_id: Uuid,
        contract_id: Uuid,
    ) -> Result<Option<SlaTerms>, StoreError> {
        self.db
            .fetch_one(
                "SELECT data FROM sla_settings WHERE organisation_id = $1 AND contract_id = $2",
                &[organisation_id.into(), contract_id.into()],
                &[Col::Text],
            )
            .await?
            .map(|row| row.json(0, "sla terms"))
            .transpose()
    }

    /// Sets the SLA terms, checked together with the measurements already recorded.
    pub async fn set_sla_terms(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        terms: &SlaTerms,
    ) -> Result<(), StoreError> {
        self.contract_of(organisation_id, contract_id).await?;
        let (outages, incidents, reports) = self.sla_events(contract_id).await?;
        terms
            .with(outages, incidents, reports)
            .prepare()
            .map_err(StoreError::Invalid)?;
        let data = to_text(terms)?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "DELETE FROM sla_settings WHERE contract_id = $1",
            &[contract_id.into()],
        )
        .await?;
        tx.execute(
            "INSERT INTO sla_settings (contract_id, organisation_id, data, updated_at) VALUES ($1, $2, $3, $4)",
            &[contract_id.into(), organisation_id.into(), (&data).into(), now_text().into()],
        )
        .await?;
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "sla",
            contract_id,
            None,
            serde_json::from_str::<Value>(&data).ok().as_ref(),
        )
        .await?;
        tx.commit().await
    }

    /// The outages, incidents and reported figures recorded for a contract, oldest first.
    pub async fn sla_events(
        &self,
        contract_id: Uuid,
    ) -> Result<(Vec<Outage>, Vec<Incident>, Vec<Reported>), StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT kind, data FROM sla_events WHERE contract_id = $1 ORDER BY recorded_at, id",
                &[contract_id.into()],
                &[Col::Text, Col::Text],
            )
            .await?;
        let (mut outages, mut incidents, mut reports) = (Vec::new(), Vec::new(), Vec::new());
        for row in &rows {
            let data = row.text(1)?;
            match row.text(0)?.as_str() {
                OUTAGE => {
                    outages.push(serde_json::from_str(&data).map_err(|e| corrupt("outage", e))?)
                }
                INCIDENT => {
                    incidents.push(serde_json::from_str(&data).map_err(|e| corrupt("incident", e))?)
                }
                REPORT => {
                    reports.push(serde_json::from_str(&data).map_err(|e| corrupt("report", e))?)
                }
                other => return Err(corrupt("sla event", other)),
            }
        }
        Ok((outages, incidents, reports))
    }

    /// Records measurements for a contract in one transaction: all of them, checked together
    /// with the terms and what is recorded already, or none. A reported figure replaces an
    /// earlier one for the same month and norm.
    pub async fn record_sla(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        outages: &[Outage],
        incidents: &[Incident],
        reports: &[Reported],
    ) -> Result<(), StoreError> {
        let terms = self
            .sla_terms(organisation_id, contract_id)
            .await?
            .ok_or_else(|| StoreError::NotNow("the contract has no SLA terms yet".into()))?;
        // Checked alone first, so problems are named by the rows of this batch.
        terms
            .with(outages.to_vec(), incidents.to_vec(), reports.to_vec())
            .prepare()
            .map_err(StoreError::Invalid)?;
        let now = now_text();
        let mut tx = self.db.begin().await?;
        let report_key = |r: &Reported| format!("{}|{}", r.maand.trim(), r.norm);
        for r in reports {
            tx.execute(
                "DELETE FROM sla_events WHERE contract_id = $1 AND kind = $2 AND report_key = $3",
                &[contract_id.into(), REPORT.into(), report_key(r).into()],
            )
            .await?;
        }
        let rows = outages
            .iter()
            .map(|o| to_text(o).map(|t| (OUTAGE, None, t)))
            .chain(
                incidents
                    .iter()
                    .map(|i| to_text(i).map(|t| (INCIDENT, None, t))),
            )
            .chain(
                reports
                    .iter()
                    .map(|r| to_text(r).map(|t| (REPORT, Some(report_key(r)), t))),
            );
        let mut count = 0usize;
        for row in rows {
            let (kind, key, data) = row?;
            tx.execute(
                "INSERT INTO sla_events (id, contract_id, kind, report_key, data, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[Uuid::now_v7().into(), contract_id.into(), kind.into(), key.into(), data.into(), actor.email.as_str().into(), (&now).into()],
            )
            .await?;
            count += 1;
        }
        let logged = json!({"storingen": outages.len(), "incidenten": incidents.len(), "rapportages": reports.len()});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Created,
            "sla-meting",
            contract_id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await?;
        tracing::debug!(count, "sla measurements recorded");
        Ok(())
    }

    /// The contract's SLA input with everything recorded, if it has terms.
    pub async fn sla_input(
        &self,
        organisation_id: Uuid,
        contract_id: Uuid,
    ) -> Result<Option<SlaInput>, StoreError> {
        let Some(terms) = self.sla_terms(organisation_id, contract_id).await? else {
            return Ok(None);
        };
        let (outages, incidents, reports) = self.sla_events(contract_id).await?;
        Ok(Some(terms.with(outages, incidents, reports)))
    }

    /// One side's answers for a quarter (replacing earlier answers of that side).
    pub async fn save_survey(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        quarter: &str,
        side: Side,
        survey: &Survey,
    ) -> Result<(), StoreError> {
        survey.check().map_err(StoreError::Invalid)?;
        let Some(q) = parse_quarter(quarter) else {
            let mut errors = regisseur_domain::ValidationErrors::default();
            errors.push("kwartaal", regisseur_domain::Problem::NotADate);
            return Err(StoreError::Invalid(errors));
        };
        self.contract_of(organisation_id, contract_id).await?;
        let data = to_text(survey)?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "DELETE FROM surveys WHERE contract_id = $1 AND quarter = $2 AND side = $3",
            &[
                contract_id.into(),
                quarter_text(q).into(),
                side.code().into(),
            ],
        )
        .await?;
        tx.execute(
            "INSERT INTO surveys (contract_id, quarter, side, data, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[contract_id.into(), quarter_text(q).into(), side.code().into(), (&data).into(), actor.email.as_str().into(), now_text().into()],
        )
        .await?;
        let logged = json!({"kwartaal": quarter_text(q), "kant": side.code(), "antwoorden": serde_json::from_str::<Value>(&data).unwrap_or(Value::Null)});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "relatiemeting",
            contract_id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await
    }

    /// A contract's surveys, by quarter and side.
    pub async fn surveys(&self, contract_id: Uuid) -> Result<Vec<StoredSurvey>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT quarter, side, data, answered_by, answered_at FROM surveys WHERE contract_id = $1 ORDER BY quarter, side",
                &[contract_id.into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let quarter = row.text(0)?;
                let side = row.text(1)?;
                Ok(StoredSurvey {
                    quarter: parse_quarter(&quarter).ok_or_else(|| corrupt("quarter", &quarter))?,
                    side: Side::parse(&side).ok_or_else(|| corrupt("side", &side))?,
                    survey: row.json(2, "survey")?,
                    answered_by: row.text(3)?,
                    answered_at: parse_time(&row.text(4)?)?,
                })
            })
            .collect()
    }

    async fn register_entries<T: serde::de::DeserializeOwned>(
        &self,
        contract_id: Uuid,
        kind: &str,
    ) -> Result<Vec<Entry<T>>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT id, data, updated_by FROM contract_register WHERE contract_id = $1 AND kind = $2 ORDER BY id",
                &[contract_id.into(), kind.into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Entry {
                    id: row.uuid(0)?,
                    value: row.json(1, kind)?,
                    updated_by: row.text(2)?,
                })
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    async fn save_register_entry(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        kind: &str,
        id: Option<Uuid>,
        data: String,
    ) -> Result<Uuid, StoreError> {
        self.contract_of(organisation_id, contract_id).await?;
        let mut tx = self.db.begin().await?;
        let id = match id {
            Some(id) => {
                let changed = tx
                    .execute(
                        "UPDATE contract_register SET data = $1, updated_by = $2, updated_at = $3 WHERE contract_id = $4 AND kind = $5 AND id = $6",
                        &[(&data).into(), actor.email.as_str().into(), now_text().into(), contract_id.into(), kind.into(), id.into()],
                    )
                    .await?;
                if changed != 1 {
                    return Err(StoreError::NotFound);
                }
                id
            }
            None => {
                let id = Uuid::now_v7();
                tx.execute(
                    "INSERT INTO contract_register (id, organisation_id, contract_id, kind, data, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    &[id.into(), organisation_id.into(), contract_id.into(), kind.into(), (&data).into(), actor.email.as_str().into(), now_text().into()],
                )
                .await?;
                id
            }
        };
        let logged = json!({"contract": contract_id.to_string(), kind: serde_json::from_str::<Value>(&data).unwrap_or(Value::Null)});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            kind,
            id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn expectations(
        &self,
        contract_id: Uuid,
    ) -> Result<Vec<Entry<Expectation>>, StoreError> {
        self.register_entries(contract_id, EXPECTATION).await
    }

    /// Records (or, with `id`, updates) an expectation of a contract.
    pub async fn save_expectation(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        id: Option<Uuid>,
        expectation: &Expectation,
    ) -> Result<Uuid, StoreError> {
        expectation.check().map_err(StoreError::Invalid)?;
        self.save_register_entry(
            actor,
            organisation_id,
            contract_id,
            EXPECTATION,
            id,
            to_text(expectation)?,
        )
        .await
    }

    pub async fn innovations(
        &self,
        contract_id: Uuid,
    ) -> Result<Vec<Entry<Innovation>>, StoreError> {
        self.register_entries(contract_id, INNOVATION).await
    }

    /// Records (or, with `id`, updates) an innovation proposal of a contract.
    pub async fn save_innovation(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        contract_id: Uuid,
        id: Option<Uuid>,
        innovation: &Innovation,
    ) -> Result<Uuid, StoreError> {
        innovation.check().map_err(StoreError::Invalid)?;
        self.save_register_entry(
            actor,
            organisation_id,
            contract_id,
            INNOVATION,
            id,
            to_text(innovation)?,
        )
        .await
    }

    /// A new secret calendar feed for a user in an organisation; returns the secret for the
    /// address (only its hash is kept).
    pub async fn create_calendar_feed(
        &self,
        user_id: Uuid,
        organisation_id: Uuid,
    ) -> Result<String, StoreError> {
        let secret = random_secret()?;
        self.db
            .execute(
                "INSERT INTO calendar_feeds (token_hash, user_id, organisation_id, created_at) VALUES ($1, $2, $3, $4)",
                &[token_hash(&secret).into(), user_id.into(), organisation_id.into(), now_text().into()],
            )
            .await?;
        Ok(secret)
    }

    /// Revokes every calendar feed of a user in an organisation.
    pub async fn revoke_calendar_feeds(
        &self,
        user_id: Uuid,
        organisation_id: Uuid,
    ) -> Result<u64, StoreError> {
        self.db
            .execute(
                "DELETE FROM calendar_feeds WHERE user_id = $1 AND organisation_id = $2",
                &[user_id.into(), organisation_id.into()],
            )
            .await
    }

    /// How many feeds a user has in an organisation.
    pub async fn calendar_feed_count(
        &self,
        user_id: Uuid,
        organisation_id: Uuid,
    ) -> Result<i64, StoreError> {
        self.db
            .fetch_one(
                "SELECT COUNT(*) FROM calendar_feeds WHERE user_id = $1 AND organisation_id = $2",
                &[user_id.into(), organisation_id.into()],
                &[Col::Int],
            )
            .await?
            .map_or(Ok(0), |r| r.int(0))
    }

    /// The user and organisation of a feed secret, if it is valid.
    pub async fn calendar_feed(&self, secret: &str) -> Result<Option<(Uuid, Uuid)>, StoreError> {
        self.db
            .fetch_one(
                "SELECT user_id, organisation_id FROM calendar_feeds WHERE token_hash = $1",
                &[token_hash(secret).into()],
                &[Col::Text, Col::Text],
            )
            .await?
            .map(|row| Ok((row.uuid(0)?, row.uuid(1)?)))
            .transpose()
    }
}
