//! The journey overview of the dashboard: the facts of every stage gathered from the store, the
//! status decided by `domain::journey`.

use crate::AppState;
use regisseur_domain::journey::{Facts, StageStatus, journey};
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::procurement::workflow::Stage as TenderStage;
use regisseur_domain::transition::plan::PlanWarning;
use regisseur_domain::{Lang, regie::obligations::agenda};
use regisseur_store::{Membership, StoreError};
use std::collections::HashMap;

/// The status of the nine stages for an organisation's own people, with its quality score (the
/// dashboard has computed it already).
pub(crate) async fn stages(
    state: &AppState,
    m: &Membership,
    counts: &HashMap<EntityKind, i64>,
    quality_score: Option<f64>,
    lang: Lang,
) -> Result<Vec<StageStatus>, StoreError> {
    let org = m.organisation.id;
    let today = chrono::Utc::now().date_naive();
    let core = [
        EntityKind::Application,
        EntityKind::Component,
        EntityKind::DataSet,
        EntityKind::Supplier,
        EntityKind::Contract,
    ];
    let goals = state.store.goals(org).await?;
    let (assessment, advice) = state.store.readiness(org, today).await?;
    let domains = state.store.domain_choices(org).await?;
    let tenders = state.store.tenders(org).await?;
    let dossier = state.store.transition(org).await?;
    let policy = state.store.procurement_policy(org).await?;
    let plan_issues = dossier
        .warnings(policy, lang)
        .iter()
        .filter(|w| !matches!(w, PlanWarning::MissingPhases(_) | PlanWarning::NoTenderSize))
        .count();
    let late_mitigations = dossier
        .risks
        .iter()
        .filter(|(_, r)| r.mitigation_late(today))
        .count();
    let (_, items) = crate::regie::agenda_items(state, m, lang).await?;
    let answered = assessment.as_ref().map_or(0, |a| a.answers.len());
    let facts = Facts {
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
        business_cases: state.store.business_cases(org).await?.len(),
        tenders: tenders.len(),
        tenders_final: tenders
            .iter()
            .filter(|t| t.stage == TenderStage::Vastgesteld)
            .count(),
        transition_started: !dossier.is_empty(),
        transition_phases: dossier.plan.fasen.len(),
        transition_issues: plan_issues + dossier.late_milestones(today).len() + late_mitigations,
        obligations: state.store.obligations(org).await?.len(),
        agenda_overdue: agenda(items, today, 90).overdue.len(),
    };
    Ok(journey(&facts, lang))
}
