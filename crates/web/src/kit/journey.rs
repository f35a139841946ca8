//! The journey overview of the dashboard: the facts of every stage gathered from the store, the
//! status decided by `domain::journey`.

use crate::AppState;
use chrono::NaiveDate;
use regisseur_domain::journey::{Facts, StageStatus, journey};
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::procurement::workflow::Stage as TenderStage;
use regisseur_domain::{Lang, regie::obligations::agenda};
use regisseur_store::{Membership, Store, StoreError};
use std::collections::HashMap;
use uuid::Uuid;

/// The status of the nine stages for an organisation's own people, with its quality score (the
/// dashboard has computed it already).
pub(crate) async fn stages(
    state: &AppState,
    m: &Membership,
    counts: &HashMap<EntityKind, i64>,
    quality_score: Option<f64>,
    lang: Lang,
) -> Result<Vec<StageStatus>, StoreError> {
    let today = crate::kit::clock::today();
    let facts = facts(
        &state.store,
        m.organisation.id,
        counts,
        quality_score,
        today,
        lang,
    )
    .await?;
    Ok(journey(&facts, lang))
}

/// What the store knows about every stage of an organisation (all of it: for its own people).
pub(crate) async fn facts(
    store: &Store,
    org: Uuid,
    counts: &HashMap<EntityKind, i64>,
    quality_score: Option<f64>,
    today: NaiveDate,
    lang: Lang,
) -> Result<Facts, StoreError> {
    let core = [
        EntityKind::Application,
        EntityKind::Component,
        EntityKind::DataSet,
        EntityKind::Supplier,
        EntityKind::Contract,
    ];
    let goals = store.goals(org).await?;
    let (assessment, advice) = store.readiness(org, today).await?;
    let domains = store.domain_choices(org).await?;
    let tenders = store.tenders(org).await?;
    let dossier = store.transition(org).await?;
    let policy = store.procurement_policy(org).await?;
    let (_, items) = crate::kit::register::agenda_items_in(store, org, None, lang).await?;
    let answered = assessment.as_ref().map_or(0, |a| a.answers.len());
    Ok(Facts {
        elements: counts.values().sum(),
        core_kinds_present: core
            .iter()
            .filter(|k| counts.get(k).copied().unwrap_or(0) > 0)
            .count(),
        quality_score,
        goals: goals.len(),
        goals_with_kpi: goals.iter().filter(|g| g.goal.has_measurable_kpi()).count(),
        readiness_answered: answered,
        readiness_verdict: (answered > 0).then_some(advice.verdict),
        domains_chosen: domains.len(),
        domains_to_outsource: domains.iter().filter(|d| d.outsourcing()).count(),
        business_cases: store.business_cases(org).await?.len(),
        tenders: tenders.len(),
        tenders_final: tenders
            .iter()
            .filter(|t| t.stage == TenderStage::Vastgesteld)
            .count(),
        transition_started: !dossier.is_empty(),
        transition_phases: dossier.plan.fasen.len(),
        transition_issues: dossier.attention_count(policy, today, lang),
        obligations: store.obligations(org).await?.len(),
        agenda_overdue: agenda(items, today, 90).overdue.len(),
    })
}
