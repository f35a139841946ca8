//! Koers and Gereedheid in the database: goals, the sourcing choice per service domain, and
//! readiness assessments with their answers. The advice itself is
//! `regisseur_domain::readiness::advise`; [`Store::readiness`] gathers what it needs.

use crate::audit::{AuditAction, record_change, write_audit};
use crate::db::{Col, DbRow};
use crate::{Actor, Store, StoreError, now_text, parse_time};
use chrono::{DateTime, NaiveDate, Utc};
use regisseur_domain::goals::Goal;
use regisseur_domain::readiness::{Advice, AnswerInput, Answers, Inputs, QualityEvidence, advise};
use regisseur_domain::sourcing::{DomainChoice, ServiceDomain, Sourcing};
use serde_json::{Value, json};
use uuid::Uuid;

/// A goal as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredGoal {
    pub id: Uuid,
    pub version: i64,
    pub goal: Goal,
    pub updated_at: DateTime<Utc>,
}

/// One answer in an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub question_id: String,
    pub level: u8,
    pub note: String,
    pub evidence: String,
    pub answered_by: String,
    pub answered_at: DateTime<Utc>,
}

/// A readiness assessment: a concept while people answer, then finalised with its advice.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub id: Uuid,
    pub finalised: bool,
    pub started_at: DateTime<Utc>,
    pub started_by: String,
    pub finalised_at: Option<DateTime<Utc>>,
    pub finalised_by: Option<String>,
    /// The advice as it was when finalised (`Advice::to_json` in Dutch).
    pub result: Option<Value>,
    pub answers: Vec<StoredAnswer>,
}

impl Assessment {
    pub fn levels(&self) -> Answers {
        self.answers
            .iter()
            .map(|a| (a.question_id.clone(), a.level))
            .collect()
    }
}

const CONCEPT: &str = "concept";
const FINAL: &str = "vastgesteld";

fn goal_from(row: &DbRow) -> Result<StoredGoal, StoreError> {
    let data: Value = row.json(2, "goal")?;
    Ok(StoredGoal {
        id: row.uuid(0)?,
        version: row.int(1)?,
        goal: Goal::parse(&data).map_err(|e| StoreError::Corrupt(format!("goal: {e}")))?,
        updated_at: parse_time(&row.text(3)?)?,
    })
}

impl Store {
    /// The organisation's goals, by title.
    pub async fn goals(&self, organisation_id: Uuid) -> Result<Vec<StoredGoal>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT id, version, data, updated_at FROM goals WHERE organisation_id = $1 ORDER BY title, id",
                &[organisation_id.into()],
                &[Col::Text, Col::Int, Col::Text, Col::Text],
            )
            .await?;
        rows.iter().map(goal_from).collect()
    }

    pub async fn goal(
        &self,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<Option<StoredGoal>, StoreError> {
        self.db
            .fetch_one(
                "SELECT id, version, data, updated_at FROM goals WHERE organisation_id = $1 AND id = $2",
                &[organisation_id.into(), id.into()],
                &[Col::Text, Col::Int, Col::Text, Col::Text],
            )
            .await?
            .as_ref()
            .map(goal_from)
            .transpose()
    }

    pub async fn create_goal(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        goal: &Goal,
    ) -> Result<StoredGoal, StoreError> {
        let id = Uuid::now_v7();
        let now = now_text();
        let data = goal.to_json();
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO goals (id, organisation_id, title, data, version, created_at, updated_at)
             VALUES ($1, $2, $3, $4, 1, $5, $5)",
            &[
                id.into(),
                organisation_id.into(),
                (&goal.title).into(),
                data.to_string().into(),
                (&now).into(),
            ],
        )
        .await?;
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Created,
            "doel",
            id,
            None,
            Some(&data),
        )
        .await?;
        tx.commit().await?;
        Ok(StoredGoal {
            id,
            version: 1,
            goal: goal.clone(),
            updated_at: parse_time(&now)?,
        })
    }

    /// Replaces a goal; `version` is the one the caller read (`Conflict` otherwise).
    pub async fn update_goal(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Uuid,
        version: i64,
        goal: &Goal,
    ) -> Result<StoredGoal, StoreError> {
        let current = self
            .goal(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if current.version != version {
            return Err(StoreError::Conflict {
                current: current.version,
            });
        }
        let now = now_text();
        let data = goal.to_json();
        let mut tx = self.db.begin().await?;
        let changed = tx
            .execute(
                "UPDATE goals SET title = $1, data = $2, version = version + 1, updated_at = $3
                 WHERE organisation_id = $4 AND id = $5 AND version = $6",
                &[
                    (&goal.title).into(),
                    data.to_string().into(),
                    (&now).into(),
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
            "doel",
            id,
            Some(&current.goal.to_json()),
            Some(&data),
        )
        .await?;
        tx.commit().await?;
        Ok(StoredGoal {
            id,
            version: version + 1,
            goal: goal.clone(),
            updated_at: parse_time(&now)?,
        })
    }

    pub async fn delete_goal(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<(), StoreError> {
        let current = self
            .goal(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut tx = self.db.begin().await?;
        tx.execute(
            "DELETE FROM goals WHERE organisation_id = $1 AND id = $2",
            &[organisation_id.into(), id.into()],
        )
        .await?;
        record_change(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Deleted,
            "doel",
            id,
            Some(&current.goal.to_json()),
            None,
        )
        .await?;
        tx.commit().await
    }

    /// The sourcing choice per service domain, for the domains that have one.
    pub async fn domain_choices(
        &self,
        organisation_id: Uuid,
    ) -> Result<Vec<DomainChoice>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT domain, current_sourcing, intended_sourcing, rationale FROM domain_choices WHERE organisation_id = $1",
                &[organisation_id.into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        let corrupt = |what: &str, value: String| StoreError::Corrupt(format!("{what}: {value}"));
        let mut choices = rows
            .iter()
            .map(|row| {
                Ok(DomainChoice {
                    domain: ServiceDomain::parse(&row.text(0)?).ok_or_else(|| {
                        corrupt("service domain", row.text(0).unwrap_or_default())
                    })?,
                    current: Sourcing::parse(&row.text(1)?)
                        .ok_or_else(|| corrupt("sourcing", row.text(1).unwrap_or_default()))?,
                    intended: Sourcing::parse(&row.text(2)?)
                        .ok_or_else(|| corrupt("sourcing", row.text(2).unwrap_or_default()))?,
                    rationale: row.text(3)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        choices.sort_by_key(|c| c.domain);
        Ok(choices)
    }

    /// Records (or replaces) the sourcing choice of one domain, with an audit record.
    pub async fn set_domain_choice(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        choice: &DomainChoice,
    ) -> Result<(), StoreError> {
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO domain_choices (organisation_id, domain, current_sourcing, intended_sourcing, rationale, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (organisation_id, domain) DO UPDATE SET current_sourcing = excluded.current_sourcing,
                 intended_sourcing = excluded.intended_sourcing, rationale = excluded.rationale, updated_at = excluded.updated_at",
            &[
                organisation_id.into(),
                choice.domain.code().into(),
                choice.current.code().into(),
                choice.intended.code().into(),
                (&choice.rationale).into(),
                now_text().into(),
            ],
        )
        .await?;
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "dienstdomein",
            organisation_id,
            None,
            Some(
                &json!({"domein": choice.domain.code(), "huidig": choice.current.code(),
                         "beoogd": choice.intended.code(), "motivering": choice.rationale}),
            ),
        )
        .await?;
        tx.commit().await
    }

    /// Every assessment, newest first, without answers.
    pub async fn assessments(&self, organisation_id: Uuid) -> Result<Vec<Assessment>, StoreError> {
        let rows = self
            .db
            .fetch(
                "SELECT id, status, started_at, started_by, finalised_at, finalised_by, result FROM assessments
                 WHERE organisation_id = $1 ORDER BY started_at DESC, id DESC",
                &[organisation_id.into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        rows.iter().map(assessment_from).collect()
    }

    /// One assessment with its answers.
    pub async fn assessment(
        &self,
        organisation_id: Uuid,
        id: Uuid,
    ) -> Result<Option<Assessment>, StoreError> {
        let Some(row) = self
            .db
            .fetch_one(
                "SELECT id, status, started_at, started_by, finalised_at, finalised_by, result FROM assessments
                 WHERE organisation_id = $1 AND id = $2",
                &[organisation_id.into(), id.into()],
                &[Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?
        else {
            return Ok(None);
        };
        let mut assessment = assessment_from(&row)?;
        let answers = self
            .db
            .fetch(
                "SELECT question_id, level, note, evidence, answered_by, answered_at FROM assessment_answers
                 WHERE assessment_id = $1 ORDER BY question_id",
                &[id.into()],
                &[Col::Text, Col::Int, Col::Text, Col::Text, Col::Text, Col::Text],
            )
            .await?;
        assessment.answers = answers
            .iter()
            .map(|r| {
                Ok(StoredAnswer {
                    question_id: r.text(0)?,
                    level: u8::try_from(r.int(1)?)
                        .map_err(|_| StoreError::Corrupt("answer level".into()))?,
                    note: r.text(2)?,
                    evidence: r.text(3)?,
                    answered_by: r.text(4)?,
                    answered_at: parse_time(&r.text(5)?)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(assessment))
    }

    /// The assessment people are answering now, if any.
    pub async fn open_assessment(
        &self,
        organisation_id: Uuid,
    ) -> Result<Option<Assessment>, StoreError> {
        let open = self
            .assessments(organisation_id)
            .await?
            .into_iter()
            .find(|a| !a.finalised);
        match open {
            Some(a) => self.assessment(organisation_id, a.id).await,
            None => Ok(None),
        }
    }

    /// Starts a new assessment, with the answers of the last finalised one to start from (so
    /// people only change what changed). An open one is returned as it is.
    pub async fn start_assessment(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
    ) -> Result<Assessment, StoreError> {
        if let Some(open) = self.open_assessment(organisation_id).await? {
            return Ok(open);
        }
        let previous = match self
            .assessments(organisation_id)
            .await?
            .into_iter()
            .find(|a| a.finalised)
        {
            Some(a) => self.assessment(organisation_id, a.id).await?,
            None => None,
        };
        let id = Uuid::now_v7();
        let now = now_text();
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO assessments (id, organisation_id, status, started_at, started_by) VALUES ($1, $2, $3, $4, $5)",
            &[
                id.into(),
                organisation_id.into(),
                CONCEPT.into(),
                (&now).into(),
                (&actor.email).into(),
            ],
        )
        .await?;
        for answer in previous.iter().flat_map(|p| &p.answers) {
            tx.execute(
                "INSERT INTO assessment_answers (assessment_id, question_id, level, note, evidence, answered_by, answered_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    id.into(),
                    (&answer.question_id).into(),
                    i64::from(answer.level).into(),
                    (&answer.note).into(),
                    (&answer.evidence).into(),
                    (&answer.answered_by).into(),
                    crate::time_text(answer.answered_at).into(),
                ],
            )
            .await?;
        }
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Created,
            "gereedheidstoets",
            id,
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        self.assessment(organisation_id, id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Saves one answer of an open assessment (save as you go; the last answer counts).
    pub async fn save_answer(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        assessment_id: Uuid,
        answer: &AnswerInput,
    ) -> Result<(), StoreError> {
        let assessment = self
            .assessment(organisation_id, assessment_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if assessment.finalised {
            return Err(StoreError::Other(
                "deze toets is vastgesteld; start een nieuwe om antwoorden te wijzigen".into(),
            ));
        }
        let mut tx = self.db.begin().await?;
        tx.execute(
            "INSERT INTO assessment_answers (assessment_id, question_id, level, note, evidence, answered_by, answered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (assessment_id, question_id) DO UPDATE SET level = excluded.level, note = excluded.note,
                 evidence = excluded.evidence, answered_by = excluded.answered_by, answered_at = excluded.answered_at",
            &[
                assessment_id.into(),
                answer.question.id.into(),
                i64::from(answer.level).into(),
                (&answer.note).into(),
                (&answer.evidence).into(),
                (&actor.email).into(),
                now_text().into(),
            ],
        )
        .await?;
        tx.commit().await
    }

    /// Finalises an open assessment with its advice as of `at` (the register's quality of that
    /// day).
    pub async fn finalise_assessment(
        &self,
        actor: &Actor,
        organisation_id: Uuid,
        assessment_id: Uuid,
        at: DateTime<Utc>,
    ) -> Result<Advice, StoreError> {
        let today = at.date_naive();
        let assessment = self
            .assessment(organisation_id, assessment_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if assessment.finalised {
            return Err(StoreError::Other("deze toets is al vastgesteld".into()));
        }
        let advice = self
            .advice_for(organisation_id, &assessment.levels(), today)
            .await?;
        let result = advice.to_json(regisseur_domain::Lang::Nl);
        let mut tx = self.db.begin().await?;
        tx.execute(
            "UPDATE assessments SET status = $1, finalised_at = $2, finalised_by = $3, result = $4
             WHERE organisation_id = $5 AND id = $6 AND status = $7",
            &[
                FINAL.into(),
                crate::time_text(at).into(),
                (&actor.email).into(),
                result.to_string().into(),
                organisation_id.into(),
                assessment_id.into(),
                CONCEPT.into(),
            ],
        )
        .await?;
        write_audit(
            &mut tx,
            actor,
            organisation_id,
            AuditAction::Updated,
            "gereedheidstoets",
            assessment_id,
            None,
            Some(&json!({"oordeel": advice.verdict.code()})),
        )
        .await?;
        tx.commit().await?;
        Ok(advice)
    }

    /// The advice for these answers as of `today`, with the register's quality, the goals and
    /// the domain choices as they are now.
    pub async fn advice_for(
        &self,
        organisation_id: Uuid,
        answers: &Answers,
        today: NaiveDate,
    ) -> Result<Advice, StoreError> {
        let report = self.quality_report(organisation_id, today, None).await?;
        let quality = QualityEvidence::from_report(&report);
        let goals = self.goals(organisation_id).await?;
        let domains = self.domain_choices(organisation_id).await?;
        Ok(advise(Inputs {
            answers,
            quality: &quality,
            goals_with_kpi: goals.iter().filter(|g| g.goal.has_measurable_kpi()).count(),
            domains: &domains,
        }))
    }

    /// The assessment being answered, else the last finalised one, with its answers.
    pub async fn current_assessment(
        &self,
        organisation_id: Uuid,
    ) -> Result<Option<Assessment>, StoreError> {
        let all = self.assessments(organisation_id).await?;
        let current = all
            .iter()
            .find(|a| !a.finalised)
            .or_else(|| all.iter().find(|a| a.finalised));
        match current {
            Some(a) => self.assessment(organisation_id, a.id).await,
            None => Ok(None),
        }
    }

    /// The advice of the assessment being answered, else of the last finalised one, else of no
    /// answers at all — always against today's register.
    pub async fn readiness(
        &self,
        organisation_id: Uuid,
        today: NaiveDate,
    ) -> Result<(Option<Assessment>, Advice), StoreError> {
        let current = self.current_assessment(organisation_id).await?;
        let answers = current.as_ref().map(Assessment::levels).unwrap_or_default();
        let advice = self.advice_for(organisation_id, &answers, today).await?;
        Ok((current, advice))
    }
}

fn assessment_from(row: &DbRow) -> Result<Assessment, StoreError> {
    let time = |i: usize| -> Result<Option<DateTime<Utc>>, StoreError> {
        row.opt_text(i)?.map(|t| parse_time(&t)).transpose()
    };
    Ok(Assessment {
        id: row.uuid(0)?,
        finalised: row.text(1)? == FINAL,
        started_at: parse_time(&row.text(2)?)?,
        started_by: row.text(3)?,
        finalised_at: time(4)?,
        finalised_by: row.opt_text(5)?,
        result: row
            .opt_text(6)?
            .map(|t| serde_json::from_str(&t))
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("assessment result: {e}")))?,
        answers: Vec::new(),
    })
}
