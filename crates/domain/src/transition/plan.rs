//! The transition plan: five phases with their dates, milestones with owners and dependencies,
//! and the warnings that say a plan is too optimistic — a procurement phase shorter than the
//! minimum timeline of the advised procedure, a stabilisation shorter than the minimum, a
//! milestone before one it depends on.

use super::fields::Fields;
use crate::procurement::route::{self, Assumptions, Factors, Kind, PolicyThresholds, RouteInput};
use crate::{Lang, Problem, ValidationErrors};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use uuid::Uuid;

/// Stabilisation shorter than this many months is warned about unless the organisation sets
/// another minimum: after the honeymoon comes the dip.
pub const DEFAULT_MIN_STABILISATION_MONTHS: u32 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Voorbereiding,
    Aanbesteding,
    Transitie,
    Stabilisatie,
    Regie,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Voorbereiding,
        Phase::Aanbesteding,
        Phase::Transitie,
        Phase::Stabilisatie,
        Phase::Regie,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Phase::Voorbereiding => "voorbereiding",
            Phase::Aanbesteding => "aanbesteding",
            Phase::Transitie => "transitie",
            Phase::Stabilisatie => "stabilisatie",
            Phase::Regie => "regie",
        }
    }

    pub fn parse(code: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Phase::Voorbereiding => lang.pick("Voorbereiding", "Preparation"),
            Phase::Aanbesteding => lang.pick("Aanbesteding", "Procurement"),
            Phase::Transitie => lang.pick("Transitie", "Transition"),
            Phase::Stabilisatie => lang.pick("Stabilisatie", "Stabilisation"),
            Phase::Regie => lang.pick("Regie", "Direction"),
        }
    }
}

/// A phase and its dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseDates {
    pub fase: Phase,
    pub start: NaiveDate,
    pub eind: NaiveDate,
}

/// What is tendered, so the plan can be held against the advised procedure's minimum timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TenderSize {
    pub soort: Kind,
    pub jaarwaarde: f64,
    pub maanden: u32,
    #[serde(default)]
    pub optie_maanden: u32,
    #[serde(default)]
    pub onbepaald: bool,
}

/// The phases and the settings of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub fasen: Vec<PhaseDates>,
    pub min_stabilisatie_maanden: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aanbesteding: Option<TenderSize>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            fasen: Vec::new(),
            min_stabilisatie_maanden: DEFAULT_MIN_STABILISATION_MONTHS,
            aanbesteding: None,
        }
    }
}

fn prefixed(errors: &mut ValidationErrors, prefix: &str, inner: ValidationErrors) {
    for e in inner.0 {
        let name = if e.name.is_empty() {
            prefix.to_string()
        } else {
            format!("{prefix}.{}", e.name)
        };
        errors.push(name, e.problem);
    }
}

impl Plan {
    /// Reads the plan: `fasen` (each phase at most once, its end not before its start),
    /// `minStabilisatieMaanden` (0–60, default 6) and optionally `aanbesteding`.
    pub fn read(value: &Value) -> Result<Plan, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let mut fasen: Vec<PhaseDates> = Vec::new();
        let mut seen: Vec<Phase> = Vec::new();
        if let super::fields::ListInput::Objects(items) = f.list("fasen") {
            for (i, item) in items.into_iter().enumerate() {
                let read = || -> Result<PhaseDates, ValidationErrors> {
                    let mut p = Fields::of(item)?;
                    let fase = p.code("fase", &Phase::ALL, Phase::code, true);
                    let start = p.date("start", true);
                    let eind = p.date("eind", true);
                    if let (Some(s), Some(e)) = (start, eind)
                        && e < s
                    {
                        p.errors
                            .push("eind", Problem::DateBefore { other: "start" });
                    }
                    let dates = PhaseDates {
                        fase: fase.unwrap_or(Phase::Voorbereiding),
                        start: start.unwrap_or_default(),
                        eind: eind.unwrap_or_default(),
                    };
                    p.finish(dates)
                };
                let result = read();
                if let Some(phase) = item
                    .get("fase")
                    .and_then(Value::as_str)
                    .and_then(Phase::parse)
                {
                    if seen.contains(&phase) {
                        f.errors
                            .push(format!("fasen[{i}].fase"), Problem::Duplicate);
                    }
                    seen.push(phase);
                }
                match result {
                    Ok(d) => fasen.push(d),
                    Err(e) => prefixed(&mut f.errors, &format!("fasen[{i}]"), e),
                }
            }
        } else {
            f.errors.push("fasen", Problem::NotAList);
        }
        fasen.sort_by_key(|p| p.fase);
        let min = if f.present("minStabilisatieMaanden") {
            f.whole("minStabilisatieMaanden", 0, 60) as u32
        } else {
            DEFAULT_MIN_STABILISATION_MONTHS
        };
        let aanbesteding = match f.value("aanbesteding") {
            None => None,
            Some(inner) => match TenderSize::read(inner) {
                Ok(s) => Some(s),
                Err(e) => {
                    prefixed(&mut f.errors, "aanbesteding", e);
                    None
                }
            },
        };
        f.finish(Plan {
            fasen,
            min_stabilisatie_maanden: min,
            aanbesteding,
        })
    }

    pub fn phase(&self, phase: Phase) -> Option<&PhaseDates> {
        self.fasen.iter().find(|p| p.fase == phase)
    }

    /// The first and last day of the plan.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let start = self.fasen.iter().map(|p| p.start).min()?;
        let end = self.fasen.iter().map(|p| p.eind).max()?;
        Some((start, end))
    }

    /// The route advice's input: the tender's size, published on the first day of the
    /// procurement phase. `None` without both.
    pub fn route_input(&self, policy: PolicyThresholds) -> Option<RouteInput> {
        let size = self.aanbesteding.as_ref()?;
        let phase = self.phase(Phase::Aanbesteding)?;
        Some(RouteInput {
            kind: size.soort,
            annual_value: size.jaarwaarde,
            months: size.maanden,
            option_months: size.optie_maanden,
            indefinite: size.onbepaald,
            notice_date: phase.start,
            policy,
            factors: Factors::default(),
            assumptions: Assumptions::default(),
        })
    }
}

impl TenderSize {
    fn read(value: &Value) -> Result<TenderSize, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let soort = f.code("soort", &Kind::ALL, Kind::code, true);
        let jaarwaarde = f.amount("jaarwaarde", 1e12);
        let onbepaald = f.yes_no("onbepaald");
        let maanden = if onbepaald && !f.present("maanden") {
            0
        } else {
            f.whole("maanden", if onbepaald { 0 } else { 1 }, 600) as u32
        };
        let optie_maanden = if f.present("optieMaanden") {
            f.whole("optieMaanden", 0, 600) as u32
        } else {
            0
        };
        f.finish(TenderSize {
            soort: soort.unwrap_or(Kind::Diensten),
            jaarwaarde,
            maanden,
            optie_maanden,
            onbepaald,
        })
    }
}

/// A milestone of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub naam: String,
    pub fase: Phase,
    pub datum: NaiveDate,
    #[serde(default)]
    pub eigenaar: String,
    /// The milestones that must be reached first.
    #[serde(default)]
    pub afhankelijk_van: Vec<Uuid>,
    #[serde(default)]
    pub gereed: bool,
}

impl Milestone {
    /// Reads a milestone; its dependencies are checked against the plan's other milestones by
    /// [`check_milestones`].
    pub fn read(value: &Value) -> Result<Milestone, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let m = Milestone {
            naam: f.text("naam", true, 200),
            fase: f
                .code("fase", &Phase::ALL, Phase::code, true)
                .unwrap_or(Phase::Voorbereiding),
            datum: f.date("datum", true).unwrap_or_default(),
            eigenaar: f.text("eigenaar", false, 200),
            afhankelijk_van: f.ids("afhankelijkVan"),
            gereed: f.yes_no("gereed"),
        };
        f.finish(m)
    }

    /// Not reached while its date has passed.
    pub fn late(&self, today: NaiveDate) -> bool {
        !self.gereed && self.datum < today
    }
}

/// Checks the dependencies of `id` (just saved) against all milestones: each must exist, must
/// not be itself, and together they must not run in a cycle — the cycle is named.
pub fn check_milestones(all: &[(Uuid, Milestone)], id: Uuid) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let index: HashMap<Uuid, usize> = all
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    if let Some((_, m)) = all.iter().find(|(m_id, _)| *m_id == id) {
        for (i, dep) in m.afhankelijk_van.iter().enumerate() {
            if *dep == id {
                errors.push(
                    format!("afhankelijkVan[{i}]"),
                    Problem::SameAs {
                        other: "de mijlpaal zelf",
                    },
                );
            } else if !index.contains_key(dep) {
                errors.push(format!("afhankelijkVan[{i}]"), Problem::UnknownReference);
            }
        }
    }
    if errors.is_empty()
        && let Some(cycle) = find_cycle(all, &index)
    {
        errors.push(
            "afhankelijkVan",
            Problem::Cycle {
                path: cycle
                    .iter()
                    .map(|i| all[*i].1.naam.clone())
                    .collect::<Vec<_>>()
                    .join(" → "),
            },
        );
    }
    errors.into_result(())
}

/// A cycle of dependencies as positions (first repeated at the end), if there is one: Kahn's
/// algorithm removes everything not on or behind a cycle; from what is left, following
/// dependencies must come back to a milestone already seen.
fn find_cycle(all: &[(Uuid, Milestone)], index: &HashMap<Uuid, usize>) -> Option<Vec<usize>> {
    let deps: Vec<Vec<usize>> = all
        .iter()
        .map(|(_, m)| {
            m.afhankelijk_van
                .iter()
                .filter_map(|d| index.get(d).copied())
                .collect()
        })
        .collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); all.len()];
    let mut waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
    for (i, ds) in deps.iter().enumerate() {
        for d in ds {
            dependents[*d].push(i);
        }
    }
    let mut ready: Vec<usize> = (0..all.len()).filter(|i| waiting[*i] == 0).collect();
    let mut done = vec![false; all.len()];
    while let Some(i) = ready.pop() {
        done[i] = true;
        for j in &dependents[i] {
            waiting[*j] -= 1;
            if waiting[*j] == 0 {
                ready.push(*j);
            }
        }
    }
    let start = (0..all.len()).find(|i| !done[*i])?;
    let mut path = vec![start];
    let mut seen = vec![usize::MAX; all.len()];
    seen[start] = 0;
    let mut at = start;
    loop {
        let next = *deps[at].iter().find(|d| !done[**d])?;
        if seen[next] != usize::MAX {
            let mut cycle = path.split_off(seen[next]);
            cycle.push(next);
            return Some(cycle);
        }
        seen[next] = path.len();
        path.push(next);
        at = next;
    }
}

/// Why a plan is too optimistic, or incomplete.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanWarning {
    /// Phases without dates.
    MissingPhases(Vec<Phase>),
    /// The tender's size is not given, so the procurement phase cannot be checked.
    NoTenderSize,
    /// The procurement phase is shorter than the minimum timeline of the advised procedure.
    ProcurementTooShort {
        planned_days: i64,
        minimum_days: i64,
        procedure: String,
    },
    /// Stabilisation is shorter than the minimum.
    StabilisationTooShort {
        planned_days: i64,
        minimum_months: u32,
    },
    /// A milestone falls before one it depends on.
    BeforeDependency {
        milestone: String,
        depends_on: String,
    },
}

impl PlanWarning {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanWarning::MissingPhases(phases) => {
                let names: Vec<&str> = phases.iter().map(|p| p.label(lang)).collect();
                match lang {
                    Lang::Nl => format!("Nog niet gepland: {}.", names.join(", ")),
                    Lang::En => format!("Not yet planned: {}.", names.join(", ")),
                }
            }
            PlanWarning::NoTenderSize => lang
                .pick(
                    "Vul de omvang van de opdracht in (soort, jaarwaarde, looptijd): dan wordt de aanbestedingsfase getoetst aan de minimale doorlooptijd van de geadviseerde procedure.",
                    "Fill in the size of the contract (kind, annual value, term): then the procurement phase is checked against the minimum timeline of the advised procedure.",
                )
                .to_string(),
            PlanWarning::ProcurementTooShort {
                planned_days,
                minimum_days,
                procedure,
            } => match lang {
                Lang::Nl => format!(
                    "De aanbestedingsfase duurt {}, maar de {procedure} vraagt minstens {} van aankondiging tot start van het contract. Uitbesteden regel je niet in een dag.",
                    lang.days(*planned_days),
                    lang.days(*minimum_days)
                ),
                Lang::En => format!(
                    "The procurement phase takes {}, but the {procedure} needs at least {} from notice to the start of the contract. Outsourcing is not arranged in a day.",
                    lang.days(*planned_days),
                    lang.days(*minimum_days)
                ),
            },
            PlanWarning::StabilisationTooShort {
                planned_days,
                minimum_months,
            } => match lang {
                Lang::Nl => format!(
                    "De stabilisatie duurt {}, korter dan het minimum van {}: na de wittebroodsweken komt de dip, en die vraagt tijd.",
                    lang.days(*planned_days),
                    lang.months(*minimum_months)
                ),
                Lang::En => format!(
                    "Stabilisation takes {}, shorter than the minimum of {}: after the honeymoon comes the dip, and that takes time.",
                    lang.days(*planned_days),
                    lang.months(*minimum_months)
                ),
            },
            PlanWarning::BeforeDependency {
                milestone,
                depends_on,
            } => match lang {
                Lang::Nl => format!(
                    "Mijlpaal '{milestone}' valt vóór '{depends_on}', waarvan hij afhangt."
                ),
                Lang::En => format!(
                    "Milestone '{milestone}' falls before '{depends_on}', on which it depends."
                ),
            },
        }
    }
}

/// Every warning about the plan. `route` is the route advice for the plan's tender (see
/// [`Plan::route_input`]).
pub fn warnings(
    plan: &Plan,
    milestones: &[(Uuid, Milestone)],
    route: Option<&route::Route>,
    lang: Lang,
) -> Vec<PlanWarning> {
    let mut out = Vec::new();
    let missing: Vec<Phase> = Phase::ALL
        .into_iter()
        .filter(|p| plan.phase(*p).is_none())
        .collect();
    if !missing.is_empty() {
        out.push(PlanWarning::MissingPhases(missing));
    }
    if let Some(phase) = plan.phase(Phase::Aanbesteding) {
        match (route, &plan.aanbesteding) {
            (Some(route), _) => {
                if let Some(last) = route.planning.last() {
                    let minimum_days = (last.date - phase.start).num_days();
                    let planned_days = (phase.eind - phase.start).num_days();
                    if planned_days < minimum_days {
                        out.push(PlanWarning::ProcurementTooShort {
                            planned_days,
                            minimum_days,
                            procedure: route.advice.label(lang).to_lowercase(),
                        });
                    }
                }
            }
            (None, None) => out.push(PlanWarning::NoTenderSize),
            (None, Some(_)) => {}
        }
    }
    if let Some(phase) = plan.phase(Phase::Stabilisatie) {
        let minimum_end = phase
            .start
            .checked_add_months(Months::new(plan.min_stabilisatie_maanden))
            .unwrap_or(NaiveDate::MAX);
        if phase.eind < minimum_end {
            out.push(PlanWarning::StabilisationTooShort {
                planned_days: (phase.eind - phase.start).num_days(),
                minimum_months: plan.min_stabilisatie_maanden,
            });
        }
    }
    let by_id: HashMap<Uuid, &Milestone> = milestones.iter().map(|(id, m)| (*id, m)).collect();
    for (_, m) in milestones {
        for dep in m.afhankelijk_van.iter().filter_map(|d| by_id.get(d)) {
            if m.datum < dep.datum {
                out.push(PlanWarning::BeforeDependency {
                    milestone: m.naam.clone(),
                    depends_on: dep.naam.clone(),
                });
            }
        }
    }
    out
}
