//! The journey at a glance: the nine stages from Basis to Regie, each with a status — not
//! started, in progress, in order, or needing attention — and a short reason, from a few facts
//! the store gathers. One place decides what "in order" means for each stage.

use crate::Lang;
use crate::readiness::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Basis,
    Kwaliteit,
    Koers,
    Gereedheid,
    Scope,
    Businesscase,
    Aanbesteding,
    Transitie,
    Regie,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Basis,
        Stage::Kwaliteit,
        Stage::Koers,
        Stage::Gereedheid,
        Stage::Scope,
        Stage::Businesscase,
        Stage::Aanbesteding,
        Stage::Transitie,
        Stage::Regie,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Basis => "Basis",
            Stage::Kwaliteit => "Kwaliteit",
            Stage::Koers => "Koers",
            Stage::Gereedheid => "Gereedheid",
            Stage::Scope => "Scope",
            Stage::Businesscase => "Businesscase",
            Stage::Aanbesteding => "Aanbesteding",
            Stage::Transitie => "Transitie",
            Stage::Regie => "Regie",
        }
    }

    /// The page of the stage under `/o/{slug}/` (Basis: the applications).
    pub fn page(self) -> &'static str {
        match self {
            Stage::Basis => "applicaties",
            Stage::Kwaliteit => "kwaliteit",
            Stage::Koers => "koers",
            Stage::Gereedheid => "gereedheid",
            Stage::Scope => "scope",
            Stage::Businesscase => "businesscase",
            Stage::Aanbesteding => "aanbesteding",
            Stage::Transitie => "transitie",
            Stage::Regie => "regie",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    InOrder,
    Attention,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "niet-gestart",
            Status::InProgress => "bezig",
            Status::InOrder => "op-orde",
            Status::Attention => "aandacht",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::NotStarted => lang.pick("niet gestart", "not started"),
            Status::InProgress => lang.pick("bezig", "in progress"),
            Status::InOrder => lang.pick("op orde", "in order"),
            Status::Attention => lang.pick("aandacht nodig", "needs attention"),
        }
    }
}

/// A quality score from this is in order; below the lower one it needs attention.
pub const QUALITY_IN_ORDER: f64 = 80.0;
pub const QUALITY_ATTENTION: f64 = 60.0;

/// What the store knows about each stage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    pub elements: i64,
    /// How many of the core kinds (applications, components, data sets, suppliers, contracts)
    /// have at least one element.
    pub core_kinds_present: usize,
    pub quality_score: Option<f64>,
    pub goals: usize,
    pub goals_with_kpi: usize,
    /// Questions answered in the current readiness assessment, and the verdict.
    pub readiness_answered: usize,
    pub readiness_verdict: Option<Verdict>,
    /// Service domains with an intended sourcing other than in-house.
    pub domains_to_outsource: usize,
    pub domains_chosen: usize,
    pub business_cases: usize,
    pub tenders: usize,
    pub tenders_final: usize,
    pub transition_started: bool,
    pub transition_phases: usize,
    /// Plan warnings, late milestones and late mitigations.
    pub transition_issues: usize,
    pub obligations: usize,
    pub agenda_overdue: usize,
}

/// One stage: its status and why.
#[derive(Debug, Clone, PartialEq)]
pub struct StageStatus {
    pub stage: Stage,
    pub status: Status,
    pub reason: String,
}

/// The status of every stage.
pub fn journey(f: &Facts, lang: Lang) -> Vec<StageStatus> {
    let say = |nl: String, en: String| match lang {
        Lang::Nl => nl,
        Lang::En => en,
    };
    Stage::ALL
        .into_iter()
        .map(|stage| {
            let (status, reason) = match stage {
                Stage::Basis => match (f.elements, f.core_kinds_present) {
                    (0, _) => (
                        Status::NotStarted,
                        say(
                            "Nog niets vastgelegd.".into(),
                            "Nothing recorded yet.".into(),
                        ),
                    ),
                    (n, 5) => (
                        Status::InOrder,
                        say(
                            format!("{n} elementen; alle kernsoorten vastgelegd."),
                            format!("{n} elements; every core kind recorded."),
                        ),
                    ),
                    (n, k) => (
                        Status::InProgress,
                        say(
                            format!("{n} elementen; {k} van 5 kernsoorten."),
                            format!("{n} elements; {k} of 5 core kinds."),
                        ),
                    ),
                },
                Stage::Kwaliteit => match f.quality_score.filter(|_| f.elements > 0) {
                    None => (
                        Status::NotStarted,
                        say(
                            "Eerst de basis vastleggen.".into(),
                            "Record the basis first.".into(),
                        ),
                    ),
                    Some(s) => {
                        let status = if s >= QUALITY_IN_ORDER {
                            Status::InOrder
                        } else if s < QUALITY_ATTENTION {
                            Status::Attention
                        } else {
                            Status::InProgress
                        };
                        (
                            status,
                            say(
                                format!("Score {s:.0} van 100."),
                                format!("Score {s:.0} out of 100."),
                            ),
                        )
                    }
                },
                Stage::Koers => match (f.goals, f.goals_with_kpi) {
                    (0, _) => (
                        Status::NotStarted,
                        say("Nog geen doelen.".into(), "No goals yet.".into()),
                    ),
                    (g, k) if k == g => (
                        Status::InOrder,
                        say(
                            format!("{g} doelen, alle met een meetbare KPI."),
                            format!("{g} goals, each with a measurable KPI."),
                        ),
                    ),
                    (g, k) => (
                        Status::InProgress,
                        say(
                            format!("{g} doelen, {k} met een meetbare KPI."),
                            format!("{g} goals, {k} with a measurable KPI."),
                        ),
                    ),
                },
                Stage::Gereedheid => match (f.readiness_answered, f.readiness_verdict) {
                    (0, _) | (_, None) => (
                        Status::NotStarted,
                        say(
                            "De vragenlijst is nog niet ingevuld.".into(),
                            "The questionnaire has not been answered.".into(),
                        ),
                    ),
                    (_, Some(v)) => (
                        match v {
                            Verdict::Gereed => Status::InOrder,
                            Verdict::GereedOnderVoorwaarden => Status::InProgress,
                            Verdict::NogNiet => Status::Attention,
                        },
                        format!("{}.", v.label(lang)),
                    ),
                },
                Stage::Scope => match (f.domains_chosen, f.domains_to_outsource) {
                    (0, _) => (
                        Status::NotStarted,
                        say(
                            "Nog geen keuzes per dienstdomein.".into(),
                            "No choices per service domain yet.".into(),
                        ),
                    ),
                    (_, 0) => (
                        Status::InProgress,
                        say(
                            "Nog geen domein om uit te besteden gekozen.".into(),
                            "No domain to outsource chosen yet.".into(),
                        ),
                    ),
                    (_, n) => (
                        Status::InOrder,
                        say(
                            format!("{n} dienstdomein(en) om uit te besteden."),
                            format!("{n} service domain(s) to outsource."),
                        ),
                    ),
                },
                Stage::Businesscase => match f.business_cases {
                    0 => (
                        Status::NotStarted,
                        say(
                            "Nog geen businesscase.".into(),
                            "No business case yet.".into(),
                        ),
                    ),
                    n => (
                        Status::InOrder,
                        say(
                            format!("{n} businesscase(s)."),
                            format!("{n} business case(s)."),
                        ),
                    ),
                },
                Stage::Aanbesteding => match (f.tenders, f.tenders_final) {
                    (0, _) => (
                        Status::NotStarted,
                        say("Nog geen aanbesteding.".into(), "No tender yet.".into()),
                    ),
                    (t, 0) => (
                        Status::InProgress,
                        say(
                            format!("{t} aanbesteding(en), nog geen gunning."),
                            format!("{t} tender(s), none awarded yet."),
                        ),
                    ),
                    (t, g) => (
                        Status::InOrder,
                        say(
                            format!("{t} aanbesteding(en), {g} vastgesteld."),
                            format!("{t} tender(s), {g} final."),
                        ),
                    ),
                },
                Stage::Transitie => match (f.transition_started, f.transition_issues) {
                    (false, _) => (
                        Status::NotStarted,
                        say(
                            "Nog geen transitieplan.".into(),
                            "No transition plan yet.".into(),
                        ),
                    ),
                    (true, 0) if f.transition_phases == 5 => (
                        Status::InOrder,
                        say(
                            "Plan compleet, niets te laat.".into(),
                            "Plan complete, nothing late.".into(),
                        ),
                    ),
                    (true, 0) => (
                        Status::InProgress,
                        say(
                            format!("{} van 5 fasen gepland.", f.transition_phases),
                            format!("{} of 5 phases planned.", f.transition_phases),
                        ),
                    ),
                    (true, n) => (
                        Status::Attention,
                        say(
                            format!("{n} waarschuwing(en) of te late punten."),
                            format!("{n} warning(s) or late items."),
                        ),
                    ),
                },
                Stage::Regie => match (f.obligations, f.agenda_overdue) {
                    (0, 0) => (
                        Status::NotStarted,
                        say(
                            "Nog geen verplichtingen bijgehouden.".into(),
                            "No obligations tracked yet.".into(),
                        ),
                    ),
                    (_, 0) => (
                        Status::InOrder,
                        say(
                            "Niets te laat op de agenda.".into(),
                            "Nothing overdue on the agenda.".into(),
                        ),
                    ),
                    (_, n) => (
                        Status::Attention,
                        say(
                            format!("{n} punt(en) te laat op de agenda."),
                            format!("{n} item(s) overdue on the agenda."),
                        ),
                    ),
                },
            };
            StageStatus {
                stage,
                status,
                reason,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_organisation_has_started_nothing() {
        let stages = journey(&Facts::default(), Lang::Nl);
        assert_eq!(stages.len(), 9);
        assert!(
            stages.iter().all(|s| s.status == Status::NotStarted),
            "{stages:?}"
        );
    }

    #[test]
    fn each_stage_reads_its_own_facts() {
        let facts = Facts {
            elements: 575,
            core_kinds_present: 5,
            quality_score: Some(55.0),
            goals: 3,
            goals_with_kpi: 2,
            readiness_answered: 37,
            readiness_verdict: Some(Verdict::NogNiet),
            domains_chosen: 14,
            domains_to_outsource: 2,
            business_cases: 3,
            tenders: 2,
            tenders_final: 1,
            transition_started: true,
            transition_phases: 5,
            transition_issues: 3,
            obligations: 4,
            agenda_overdue: 0,
        };
        let status: Vec<Status> = journey(&facts, Lang::Nl).iter().map(|s| s.status).collect();
        use Status::*;
        assert_eq!(
            status,
            [
                InOrder, Attention, InProgress, Attention, InOrder, InOrder, InOrder, Attention,
                InOrder
            ]
        );
        let mut better = facts;
        better.quality_score = Some(80.0);
        better.transition_issues = 0;
        better.agenda_overdue = 2;
        let stages = journey(&better, Lang::En);
        assert_eq!(stages[1].status, InOrder);
        assert_eq!(stages[7].status, InOrder);
        assert_eq!(
            (stages[8].status, stages[8].reason.as_str()),
            (Attention, "2 item(s) overdue on the agenda.")
        );
    }
}
