//! Aanbesteding in the database: the procurement policy per organisation, tenders with their
//! set-up, bids (the price sealed: [`Store::sealed_bids`] never returns it, and
//! [`Store::opened_bids`] refuses until the consensus is final), the evaluators' own scores and
//! submissions, and the consensus. Every step is in the audit trail.

use crate::audit::{AuditAction, record_change, write_audit};
use crate::db::bump_revision;
use crate::db::corrupt;
use crate::db::{Col, DbRow, Tx};
use crate::{Actor, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, Utc};
use regisseur_domain::procurement::route::PolicyThresholds;
use regisseur_domain::procurement::workflow::{Registered, Setup, Stage, check_score};
use regisseur_domain::{Problem, ValidationErrors};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A tender as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTender {
    pub id: Uuid,
    pub name: String,
    pub setup: Setup,
    pub stage: Stage,
    /// Who records the consensus (e-mail address).
    pub chair: String,
    /// Who score (e-mail addresses).
    pub evaluators: Vec<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub finalised_at: Option<DateTime<Utc>>,
}

/// A bid without its price.
#[derive(Debug, Clone, PartialEq)]
pub struct SealedBid {
    pub id: Uuid,
    pub bidder: String,
    pub requirements: BTreeMap<String, bool>,
}

/// One evaluator's score on one criterion of one bid.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluatorScore {
    pub bid_id: Uuid,
    pub criterion: String,
    pub evaluator: String,
    pub score: f64,
    pub comment: String,
}

/// The agreed score on one criterion of one bid.
#[derive(Debug, Clone, PartialEq)]
pub struct Consensus {
    pub bid_id: Uuid,
    pub criterion: String,
    pub score: f64,
    pub motivation: String,
    pub decided_by: String,
    pub decided_at: DateTime<Utc>,
}

const TENDER_COLUMNS: &str =
    "id, name, setup, stage, chair, evaluators, version, updated_at, finalised_at";
const TENDER_COLS: [Col; 9] = [
    Col::Text,
    Col::Text,
    Col::Text,
    Col::Text,
    Col::Text,
    Col::Text,
    Col::Int,
    Col::Text,
    Col::Text,
];

fn tender_from(row: &DbRow) -> Result<StoredTender, StoreError> {
    let stage = row.text(3)?;
    Ok(StoredTender {
        id: row.uuid(0)?,
        name: row.text(1)?,
        setup: row.json(2, "tender set-up")?,
        stage: Stage::parse(&stage).ok_or_else(|| corrupt("tender stage", &stage))?,
        chair: row.text(4)?,
        evaluators: row.json(5, "tender evaluators")?,
        version: row.int(6)?,
        updated_at: parse_time(&row.text(7)?)?,
        finalised_at: row.opt_text(8)?.map(|t| parse_time(&t)).transpose()?,
    })
}

fn hundredths(score: f64) -> i64 {
    (score * 100.0).round() as i64
}

fn setup_json(setup: &Setup) -> Result<Value, StoreError> {
    serde_json::to_value(setup).map_err(|e| StoreError::Other(format!("tender set-up: {e}")))
}

fn invalid(name: impl Into<String>, problem: Problem) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(name, problem);
    StoreError::Invalid(errors)
}

/// The set-up, chair and evaluators checked together: a name, a valid set-up, a chair, at
/// least one evaluator.
fn check_tender(
    name: &str,
    setup: &Setup,
    chair: &str,
    evaluators: &[String],
) -> Result<(), StoreError> {
    let mut errors = match setup.check(name) {
        Ok(()) => ValidationErrors::default(),
        Err(e) => e,
    };
    if chair.trim().is_empty() {
        errors.push("voorzitter", Problem::Required);
    }
    if evaluators.is_empty() {
        errors.push("beoordelaars", Problem::Required);
    }
    errors.into_result(()).map_err(StoreError::Invalid)
}

impl Store {
    /// The organisation's procurement policy thresholds (the common defaults when none is set).
    pub async fn procurement_policy(
        &self,
        organisation_id: Uuid,
    ) -> Result<PolicyThresholds, StoreError> {
        match self
            .db
            .fetch_one(
                "SELECT data FROM procurement_policies WHERE organisation_id = $1",
                &[organisation_id.into()],
                &[Col::Text],
            )
            .await?
        {
            Some(row) => row.json(0, "policy"),
            None => Ok(PolicyThresholds::default()),
        }
    }

    pub async fn set_procurement_policy(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        policy: &PolicyThresholds,
    ) -> Result<(), StoreError> {
        policy.check().map_err(StoreError::Invalid)?;
        let old = self.procurement_policy(organisation_id).await?;
        let data = serde_json::to_value(policy).map_err(|e| StoreError::Other(e.to_string()))?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "DELETE FROM procurement_policies WHERE organisation_id = $1",
            &[organisation_id.into()],
        )
        .await?;
        tx.execute(
            "INSERT INTO procurement_policies (organisation_id, data, updated_at) VALUES ($1, $2, $3)",
            &[organisation_id.into(), data.to_string().into(), now_text().into()],
        )
        .await?;
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "inkoopbeleid",
            organisation_id,
            serde_json::to_value(old).ok().as_ref(),
            Some(&data),
        )
        .await?;
        tx.commit().await
    }

    /// The organisation's tenders, by name.
    pub async fn tenders(&self, organisation_id: Uuid) -> Result<Vec<StoredTender>, StoreError> {
        let rows = self
            .db
            .fetch(
                &format!("SELECT {TENDER_COLUMNS} FROM tenders WHERE organisation_id = $1 ORDER BY name, id"),
                &[organisation_id.into()],
                &TENDER_COLS,
            )
            .await?;
        rows.iter().map(tender_from).collect()
    }

    pub async fn tender(
        &self,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<Option<StoredTender>, StoreError> {
        self.db
            .fetch_one(
                &format!(
                    "SELECT {TENDER_COLUMNS} FROM tenders WHERE organisation_id = $1 AND id = $2"
                ),
                &[organisation_id.into(), id.into()],
                &TENDER_COLS,
            )
            .await?
            .as_ref()
            .map(tender_from)
            .transpose()
    }

    async fn tender_at(
        &self,
        organisation_id: Uuid,
        id: Uuid,
        stage: Stage,
    ) -> Result<StoredTender, StoreError> {
        let tender = self
            .tender(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if tender.stage != stage {
            return Err(StoreError::NotNow(format!(
                "the tender is in stage '{}', this needs '{}'",
                tender.stage.code(),
                stage.code()
            )));
        }
        Ok(tender)
    }

    pub async fn create_tender(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        name: &str,
        setup: &Setup,
        chair: &str,
        evaluators: &[String],
    ) -> Result<StoredTender, StoreError> {
        check_tender(name, setup, chair, evaluators)?;
        let id = Uuid::now_v7();
        let now = now_text();
        let data = setup_json(setup)?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO tenders (id, organisation_id, name, setup, stage, chair, evaluators, version, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)",
            &[
                id.into(),
                organisation_id.into(),
                name.into(),
                data.to_string().into(),
                Stage::Opzet.code().into(),
                chair.into(),
                json!(evaluators).to_string().into(),
                (&now).into(),
            ],
        )
        .await?;
        let logged =
            json!({"naam": name, "opzet": data, "voorzitter": chair, "beoordelaars": evaluators});
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Created,
            "aanbesteding",
            id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await?;
        self.tender(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Changes the set-up while the tender is being set up; `version` as read.
    #[allow(clippy::too_many_arguments)]
    pub async fn update_tender(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Uuid,
        version: i64,
        name: &str,
        setup: &Setup,
        chair: &str,
        evaluators: &[String],
    ) -> Result<StoredTender, StoreError> {
        check_tender(name, setup, chair, evaluators)?;
        let current = self.tender_at(organisation_id, id, Stage::Opzet).await?;
        if current.version != version {
            return Err(StoreError::Conflict {
                current: current.version,
            });
        }
        let data = setup_json(setup)?;
        let mut tx = self.db.begin().await?;
        let changed = tx
            .execute(
                "UPDATE tenders SET name = $1, setup = $2, chair = $3, evaluators = $4, version = version + 1, updated_at = $5
                 WHERE organisation_id = $6 AND id = $7 AND version = $8 AND stage = $9",
                &[
                    name.into(),
                    data.to_string().into(),
                    chair.into(),
                    json!(evaluators).to_string().into(),
                    now_text().into(),
                    organisation_id.into(),
                    id.into(),
                    version.into(),
                    Stage::Opzet.code().into(),
                ],
            )
            .await?;
        if changed != 1 {
            return Err(StoreError::Conflict {
                current: version + 1,
            });
        }
        let old = json!({"naam": current.name, "opzet": setup_json(&current.setup)?, "voorzitter": current.chair, "beoordelaars": current.evaluators});
        let new =
            json!({"naam": name, "opzet": data, "voorzitter": chair, "beoordelaars": evaluators});
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "aanbesteding",
            id,
            Some(&old),
            Some(&new),
        )
        .await?;
        tx.commit().await?;
        self.tender(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The bids of a tender, without their prices.
    pub async fn sealed_bids(&self, tender_id: Uuid) -> Result<Vec<SealedBid>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT id, bidder, requirements FROM tender_bids WHERE tender_id = $1 ORDER BY bidder",
                &[tender_id.into()],
                &[Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(SealedBid {
                    id: row.uuid(0)?,
                    bidder: row.text(1)?,
                    requirements: row.json(2, "bid requirements")?,
                })
            })
            .collect()
    }

    /// The bids with their prices: only when the consensus is final (`NotNow` before).
    pub async fn opened_bids(
        &self,
        organisation_id: Uuid,
        tender_id: Uuid,
    ) -> Result<Vec<Registered>, StoreError> {
        let tender = self
            .tender(organisation_id, tender_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !tender.stage.prices_open() {
            return Err(StoreError::NotNow(
                "prices stay sealed until the consensus is final".into(),
            ));
        }
        let rows = self
            .db
            .fetch(
                "SELECT bidder, price_cents, requirements FROM tender_bids WHERE tender_id = $1 ORDER BY bidder",
                &[tender_id.into()],
                &[Col::Text, Col::Int, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Registered {
                    bidder: row.text(0)?,
                    price: row.int(1)? as f64 / 100.0,
                    requirements: row.json(2, "bid requirements")?,
                })
            })
            .collect()
    }

    /// Registers a bid while the tender is being set up. The price is written once and not
    /// shown again until the consensus is final; the audit trail records that a price was
    /// registered, not the price.
    pub async fn add_bid(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        tender_id: Uuid,
        bidder: &str,
        price: f64,
        requirements: &BTreeMap<String, bool>,
    ) -> Result<Uuid, StoreError> {
        let tender = self
            .tender_at(organisation_id, tender_id, Stage::Opzet)
            .await?;
        let bidder = bidder.trim();
        if bidder.is_empty() {
            return Err(invalid("inschrijver", Problem::Required));
        }
        if !(price.is_finite() && price >= 0.0) {
            return Err(invalid("prijs", Problem::Negative));
        }
        if self
            .sealed_bids(tender_id)
            .await?
            .iter()
            .any(|b| b.bidder.to_lowercase() == bidder.to_lowercase())
        {
            return Err(invalid("inschrijver", Problem::Duplicate));
        }
        let requirements: BTreeMap<String, bool> = tender
            .setup
            .eisen
            .iter()
            .map(|e| (e.id.clone(), requirements.get(&e.id) == Some(&true)))
            .collect();
        let id = Uuid::now_v7();
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO tender_bids (id, tender_id, bidder, price_cents, requirements, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                id.into(),
                tender_id.into(),
                bidder.into(),
                ((price * 100.0).round() as i64).into(),
                json!(requirements).to_string().into(),
                now_text().into(),
            ],
        )
        .await?;
        let logged = json!({"aanbesteding": tender_id.to_string(), "inschrijver": bidder, "eisen": requirements, "prijs": "verzegeld"});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Created,
            "inschrijving",
            id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn remove_bid(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        tender_id: Uuid,
        bid_id: Uuid,
    ) -> Result<(), StoreError> {
        self.tender_at(organisation_id, tender_id, Stage::Opzet)
            .await?;
        let bid = self
            .sealed_bids(tender_id)
            .await?
            .into_iter()
            .find(|b| b.id == bid_id)
            .ok_or(StoreError::NotFound)?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "DELETE FROM tender_bids WHERE tender_id = $1 AND id = $2",
            &[tender_id.into(), bid_id.into()],
        )
        .await?;
        let logged = json!({"aanbesteding": tender_id.to_string(), "inschrijver": bid.bidder});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Deleted,
            "inschrijving",
            bid_id,
            Some(&logged),
            None,
        )
        .await?;
        tx.commit().await
    }

    async fn set_stage(
        &self,
        tx: &mut Tx,
        organisation_id: Uuid,
        tender: &StoredTender,
        to: Stage,
    ) -> Result<(), StoreError> {
        let now = now_text();
        let finalised: Option<String> = (to == Stage::Vastgesteld).then(|| now.clone());
        let changed = tx
            .execute(
                "UPDATE tenders SET stage = $1, version = version + 1, updated_at = $2, finalised_at = $3
                 WHERE organisation_id = $4 AND id = $5 AND stage = $6",
                &[
                    to.code().into(),
                    (&now).into(),
                    finalised.into(),
                    organisation_id.into(),
                    tender.id.into(),
                    tender.stage.code().into(),
                ],
            )
            .await?;
        if changed != 1 {
            return Err(StoreError::Conflict {
                current: tender.version + 1,
            });
        }
        bump_revision(tx, organisation_id).await
    }

    /// From set-up to evaluation: the set-up and the bids are fixed from now on.
    pub async fn start_evaluation(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        tender_id: Uuid,
    ) -> Result<(), StoreError> {
        let tender = self
            .tender_at(organisation_id, tender_id, Stage::Opzet)
            .await?;
        if self.sealed_bids(tender_id).await?.is_empty() {
            return Err(invalid("inschrijvingen", Problem::Required));
        }
        let mut tx = self.db.begin().await?;
        self.set_stage(&mut tx, organisation_id, &tender, Stage::Beoordeling)
            .await?;
        let logged = json!({"fase": Stage::Beoordeling.code()});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "aanbesteding",
            tender_id,
            Some(&json!({"fase": tender.stage.code()})),
            Some(&logged),
        )
        .await?;
        tx.commit().await
    }

    /// An evaluator's scores on the bids that meet the requirements; with `submit` they are
    /// final for this evaluator. Every score needs a comment and the scale.
    pub async fn save_scores(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        tender_id: Uuid,
        scores: &[(Uuid, String, f64, String)],
        submit: bool,
    ) -> Result<(), StoreError> {
        let tender = self
            .tender_at(organisation_id, tender_id, Stage::Beoordeling)
            .await?;
        let evaluator = actor.email.as_str();
        if !tender.evaluators.iter().any(|e| e == evaluator) {
            return Err(StoreError::NotNow(
                "only the tender's evaluators score".into(),
            ));
        }
        if self
            .submissions(tender_id)
            .await?
            .iter()
            .any(|(e, _)| e == evaluator)
        {
            return Err(StoreError::NotNow(
                "your scores are already submitted".into(),
            ));
        }
        let bids = self.sealed_bids(tender_id).await?;
        let mut errors = ValidationErrors::default();
        for (bid, criterion, score, comment) in scores {
            let name = format!("score.{bid}.{criterion}");
            if !bids.iter().any(|b| b.id == *bid)
                || !tender.setup.criteria.iter().any(|c| &c.id == criterion)
            {
                errors.push(name, Problem::UnknownField);
            } else if let Err(problem) = check_score(&tender.setup, *score, comment) {
                errors.push(name, problem);
            }
        }
        if submit {
            let given: Vec<(Uuid, &str)> =
                scores.iter().map(|(b, c, ..)| (*b, c.as_str())).collect();
            let mut stored: Vec<(Uuid, String)> = self
                .scores(tender_id, Some(evaluator))
                .await?
                .into_iter()
                .map(|s| (s.bid_id, s.criterion))
                .collect();
            stored.extend(given.iter().map(|(b, c)| (*b, c.to_string())));
            for bid in bids.iter().filter(|b| b_passes(&tender.setup, b)) {
                for c in &tender.setup.criteria {
                    if !stored.iter().any(|(b, id)| *b == bid.id && id == &c.id) {
                        errors.push(format!("score.{}.{}", bid.id, c.id), Problem::Required);
                    }
                }
            }
        }
        errors.into_result(()).map_err(StoreError::Invalid)?;
        let now = now_text();
        let mut tx = self.db.begin().await?;
        for (bid, criterion, score, comment) in scores {
            tx.execute(
                "DELETE FROM tender_scores WHERE bid_id = $1 AND criterion = $2 AND evaluator = $3",
                &[(*bid).into(), criterion.into(), evaluator.into()],
            )
            .await?;
            tx.execute(
                "INSERT INTO tender_scores (tender_id, bid_id, criterion, evaluator, score_hundredths, comment, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    tender_id.into(),
                    (*bid).into(),
                    criterion.into(),
                    evaluator.into(),
                    hundredths(*score).into(),
                    comment.trim().into(),
                    (&now).into(),
                ],
            )
            .await?;
        }
        if submit {
            tx.execute(
                "INSERT INTO tender_submissions (tender_id, evaluator, submitted_at) VALUES ($1, $2, $3)",
                &[tender_id.into(), evaluator.into(), (&now).into()],
            )
            .await?;
        }
        let logged = json!({
            "beoordelaar": evaluator, "ingediend": submit,
            "scores": scores.iter().map(|(b, c, s, m)| json!({"inschrijving": b.to_string(), "criterium": c, "score": s, "toelichting": m})).collect::<Vec<_>>(),
        });
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "beoordeling",
            tender_id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await
    }

    /// Scores of a tender, of one evaluator or of all.
    pub async fn scores(
        &self,
        tender_id: Uuid,
        evaluator: Option<&str>,
    ) -> Result<Vec<EvaluatorScore>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT bid_id, criterion, evaluator, score_hundredths, comment FROM tender_scores
                 WHERE tender_id = $1 AND ($2 = '' OR evaluator = $2) ORDER BY evaluator, criterion",
                &[tender_id.into(), evaluator.unwrap_or("").into()],
                &[Col::Text, Col::Text, Col::Text, Col::Int, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(EvaluatorScore {
                    bid_id: row.uuid(0)?,
                    criterion: row.text(1)?,
                    evaluator: row.text(2)?,
                    score: row.int(3)? as f64 / 100.0,
                    comment: row.text(4)?,
                })
            })
            .collect()
    }

    /// Who submitted their scores, and when.
    pub async fn submissions(
        &self,
        tender_id: Uuid,
    ) -> Result<Vec<(String, DateTime<Utc>)>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT evaluator, submitted_at FROM tender_submissions WHERE tender_id = $1 ORDER BY submitted_at",
                &[tender_id.into()],
                &[Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| Ok((row.text(0)?, parse_time(&row.text(1)?)?)))
            .collect()
    }

    /// The chair records consensus scores with their motivation, once every evaluator has
    /// submitted.
    pub async fn save_consensus(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        tender_id: Uuid,
        entries: &[(Uuid, String, f64, String)],
    ) -> Result<(), StoreError> {
        let tender = self
            .tender_at(organisation_id, tender_id, Stage::Beoordeling)
            .await?;
        if tender.chair != actor.email {
            return Err(StoreError::NotNow(
                "only the chair records the consensus".into(),
            ));
        }
        let submitted = self.submissions(tender_id).await?;
        if tender
            .evaluators
            .iter()
            .any(|e| !submitted.iter().any(|(s, _)| s == e))
        {
            return Err(StoreError::NotNow(
                "not every evaluator has submitted yet".into(),
            ));
        }
        let bids = self.sealed_bids(tender_id).await?;
        let mut errors = ValidationErrors::default();
        for (bid, criterion, score, motivation) in entries {
            let name = format!("consensus.{bid}.{criterion}");
            if !bids.iter().any(|b| b.id == *bid)
                || !tender.setup.criteria.iter().any(|c| &c.id == criterion)
            {
                errors.push(name, Problem::UnknownField);
            } else if let Err(problem) = check_score(&tender.setup, *score, motivation) {
                errors.push(name, problem);
            }
        }
        errors.into_result(()).map_err(StoreError::Invalid)?;
        let now = now_text();
        let mut tx = self.db.begin().await?;
        for (bid, criterion, score, motivation) in entries {
            tx.execute(
                "DELETE FROM tender_consensus WHERE bid_id = $1 AND criterion = $2",
                &[(*bid).into(), criterion.into()],
            )
            .await?;
            tx.execute(
                "INSERT INTO tender_consensus (tender_id, bid_id, criterion, score_hundredths, motivation, decided_by, decided_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    tender_id.into(),
                    (*bid).into(),
                    criterion.into(),
                    hundredths(*score).into(),
                    motivation.trim().into(),
                    actor.email.as_str().into(),
                    (&now).into(),
                ],
            )
            .await?;
        }
        let logged = json!({"consensus": entries.iter().map(|(b, c, s, m)| json!({"inschrijving": b.to_string(), "criterium": c, "score": s, "motivering": m})).collect::<Vec<_>>()});
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "consensus",
            tender_id,
            None,
            Some(&logged),
        )
        .await?;
        tx.commit().await
    }

    pub async fn consensus(&self, tender_id: Uuid) -> Result<Vec<Consensus>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT bid_id, criterion, score_hundredths, motivation, decided_by, decided_at FROM tender_consensus WHERE tender_id = $1",
                &[tender_id.into()],
                &[Col::Text, Col::Text, Col::Int, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Consensus {
                    bid_id: row.uuid(0)?,
                    criterion: row.text(1)?,
                    score: row.int(2)? as f64 / 100.0,
                    motivation: row.text(3)?,
                    decided_by: row.text(4)?,
                    decided_at: parse_time(&row.text(5)?)?,
                })
            })
            .collect()
    }

    /// The chair makes the consensus final when it is complete: the prices open.
    pub async fn finalise_tender(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        tender_id: Uuid,
    ) -> Result<(), StoreError> {
        let tender = self
            .tender_at(organisation_id, tender_id, Stage::Beoordeling)
            .await?;
        if tender.chair != actor.email {
            return Err(StoreError::NotNow(
                "only the chair makes the consensus final".into(),
            ));
        }
        let bids = self.sealed_bids(tender_id).await?;
        let consensus: BTreeMap<(String, String), f64> = self
            .consensus(tender_id)
            .await?
            .into_iter()
            .filter_map(|c| {
                let bidder = bids.iter().find(|b| b.id == c.bid_id)?.bidder.clone();
                Some(((bidder, c.criterion), c.score))
            })
            .collect();
        let flags: Vec<(String, bool)> = bids
            .iter()
            .map(|b| (b.bidder.clone(), b_passes(&tender.setup, b)))
            .collect();
        let missing = regisseur_domain::procurement::workflow::consensus_missing(
            &tender.setup,
            &flags,
            &consensus,
        );
        if !missing.is_empty() {
            let mut errors = ValidationErrors::default();
            for (bidder, criterion) in missing {
                errors.push(format!("consensus.{bidder}.{criterion}"), Problem::Required);
            }
            return Err(StoreError::Invalid(errors));
        }
        let mut tx = self.db.begin().await?;
        self.set_stage(&mut tx, organisation_id, &tender, Stage::Vastgesteld)
            .await?;
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "aanbesteding",
            tender_id,
            Some(&json!({"fase": tender.stage.code()})),
            Some(&json!({"fase": Stage::Vastgesteld.code(), "prijzen": "geopend"})),
        )
        .await?;
        tx.commit().await
    }
}

fn b_passes(setup: &Setup, bid: &SealedBid) -> bool {
    setup.passes(&bid.requirements)
}
