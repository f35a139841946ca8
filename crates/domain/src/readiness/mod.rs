//! Gereedheid: is the municipality ready to outsource? The questionnaire over ten dimensions
//! (REFERENCE.md §3), evidence from the register's quality, and the advice — `gereed`,
//! `gereed-onder-voorwaarden` or `nog-niet` — with its reasons and the actions that raise
//! readiness most. Deterministic: the same answers, quality and goals give the same advice.
//!
//! - **Dimension score** = the mean of its answered questions (0–4). For `basis`, `privacy` and
//!   `contractmanagement` it is at most the register's evidence: the overall quality score, the
//!   `gegevens` area and the `contracten` area respectively, divided by 25 (so 75 → 3.0; an area
//!   without elements counts as 0). The advice can never be better than the documentation.
//! - **`nog-niet`** when a knock-out holds — overall quality below 60, no goal with a measurable
//!   KPI, a dimension without any answer — or a dimension scores below 2.0.
//! - **`gereed`** when no knock-out holds, every dimension scores 3.0 or more and the quality
//!   score is 80 or more.
//! - Otherwise **`gereed-onder-voorwaarden`**: the conditions are the dimensions below 3.0 and
//!   the quality areas below 80.

mod questions;

pub use questions::{QUESTIONS, Question};

use crate::Lang;
use crate::quality::{Area, Report, RuleId, Severity};
use crate::sourcing::{DomainChoice, ServiceDomain};
use std::collections::BTreeMap;

/// A dimension of readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Strategie,
    Basis,
    Vraagorganisatie,
    Contractmanagement,
    Informatiebeveiliging,
    Privacy,
    FinancieelInzicht,
    MensenEnVerandering,
    Inkoop,
    Ervaring,
}

impl Dimension {
    pub const ALL: [Dimension; 10] = [
        Dimension::Strategie,
        Dimension::Basis,
        Dimension::Vraagorganisatie,
        Dimension::Contractmanagement,
        Dimension::Informatiebeveiliging,
        Dimension::Privacy,
        Dimension::FinancieelInzicht,
        Dimension::MensenEnVerandering,
        Dimension::Inkoop,
        Dimension::Ervaring,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Dimension::Strategie => "strategie",
            Dimension::Basis => "basis",
            Dimension::Vraagorganisatie => "vraagorganisatie",
            Dimension::Contractmanagement => "contractmanagement",
            Dimension::Informatiebeveiliging => "informatiebeveiliging",
            Dimension::Privacy => "privacy",
            Dimension::FinancieelInzicht => "financieel-inzicht",
            Dimension::MensenEnVerandering => "mensen-en-verandering",
            Dimension::Inkoop => "inkoop",
            Dimension::Ervaring => "ervaring",
        }
    }

    pub fn parse(code: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Dimension::Strategie => lang.pick("Strategie en doelen", "Strategy and goals"),
            Dimension::Basis => lang.pick("Basis op orde", "Basis in order"),
            Dimension::Vraagorganisatie => lang.pick("Vraagorganisatie", "Demand organisation"),
            Dimension::Contractmanagement => lang.pick(
                "Contract- en leveranciersmanagement",
                "Contract and supplier management",
            ),
            Dimension::Informatiebeveiliging => {
                lang.pick("Informatiebeveiliging", "Information security")
            }
            Dimension::Privacy => lang.pick("Privacy", "Privacy"),
            Dimension::FinancieelInzicht => lang.pick("Financieel inzicht", "Financial insight"),
            Dimension::MensenEnVerandering => {
                lang.pick("Mensen en verandering", "People and change")
            }
            Dimension::Inkoop => lang.pick("Inkoop", "Procurement"),
            Dimension::Ervaring => lang.pick("Ervaring", "Experience"),
        }
    }

    pub fn questions(self) -> impl Iterator<Item = &'static Question> {
        QUESTIONS.iter().filter(move |q| q.dimension == self)
    }

    /// Where the register gives evidence for this dimension: the overall quality score (`None`
    /// inside) or one area.
    pub fn evidence(self) -> Option<Option<Area>> {
        match self {
            Dimension::Basis => Some(None),
            Dimension::Privacy => Some(Some(Area::Gegevens)),
            Dimension::Contractmanagement => Some(Some(Area::Contracten)),
            _ => None,
        }
    }
}

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

pub const NOTE_MAX: usize = 2_000;
pub const EVIDENCE_MAX: usize = 500;

/// One answer as a person gives it: a level, an optional note and an optional evidence link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerInput {
    pub question: &'static Question,
    pub level: u8,
    pub note: String,
    pub evidence: String,
}

impl AnswerInput {
    /// Checks an answer, naming every problem by its field (`niveau`, `toelichting`, `bewijs`).
    pub fn parse(
        question_id: &str,
        level: &str,
        note: &str,
        evidence: &str,
    ) -> Result<AnswerInput, crate::ValidationErrors> {
        use crate::Problem;
        let mut errors = crate::ValidationErrors::default();
        let question = self::question(question_id);
        if question.is_none() {
            errors.push("vraag", Problem::NotAllowed);
        }
        let level = match level.trim().parse::<u8>() {
            Ok(l) if l <= 4 => Some(l),
            _ => {
                errors.push("niveau", Problem::OutOfRange { min: 0, max: 4 });
                None
            }
        };
        let (note, evidence) = (note.trim(), evidence.trim());
        if note.chars().count() > NOTE_MAX {
            errors.push("toelichting", Problem::TooLong { max: NOTE_MAX });
        }
        if evidence.chars().count() > EVIDENCE_MAX {
            errors.push("bewijs", Problem::TooLong { max: EVIDENCE_MAX });
        }
        match (question, level) {
            (Some(question), Some(level)) if errors.is_empty() => Ok(AnswerInput {
                question,
                level,
                note: note.to_string(),
                evidence: evidence.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// The answers file of `regisseur readiness --answers`: per dimension the levels of its
/// questions in order, and the goals (only whether each has a measurable KPI counts).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    pub antwoorden: BTreeMap<String, Vec<i64>>,
    #[serde(default)]
    pub doelen: Vec<FileGoal>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileGoal {
    pub titel: String,
    #[serde(default)]
    pub kpi: bool,
}

impl AnswersFile {
    /// The answers and the number of goals with a KPI; every problem named by its place
    /// (`antwoorden.basis[4]`, `antwoorden.ervaring`). A list may be shorter than its
    /// dimension's questions, not longer; an empty list leaves the dimension unanswered.
    pub fn check(&self) -> Result<(Answers, usize), crate::ValidationErrors> {
        use crate::Problem;
        let mut errors = crate::ValidationErrors::default();
        let mut answers = Answers::new();
        for key in self.antwoorden.keys() {
            if Dimension::parse(key).is_none() {
                errors.push(
                    format!("antwoorden.{key}"),
                    Problem::NotInList {
                        allowed: Dimension::ALL.iter().map(|d| d.code()).collect(),
                    },
                );
            }
        }
        for dimension in Dimension::ALL {
            let place = format!("antwoorden.{}", dimension.code());
            let Some(levels) = self.antwoorden.get(dimension.code()) else {
                errors.push(place, Problem::Required);
                continue;
            };
            let questions: Vec<&Question> = dimension.questions().collect();
            if levels.len() > questions.len() {
                errors.push(
                    place.clone(),
                    Problem::OutOfRange {
                        min: 0,
                        max: questions.len() as i64,
                    },
                );
            }
            for (i, (level, q)) in levels.iter().zip(&questions).enumerate() {
                match u8::try_from(*level) {
                    Ok(l) if l <= 4 => {
                        answers.insert(q.id.to_string(), l);
                    }
                    _ => errors.push(
                        format!("{place}[{i}]"),
                        Problem::OutOfRange { min: 0, max: 4 },
                    ),
                }
            }
        }
        let goals = self.doelen.iter().filter(|g| g.kpi).count();
        errors.into_result((answers, goals))
    }
}

/// The thresholds of the advice.
pub const KNOCK_OUT_QUALITY: f64 = 60.0;
pub const READY_QUALITY: f64 = 80.0;
pub const KNOCK_OUT_DIMENSION: f64 = 2.0;
pub const READY_DIMENSION: f64 = 3.0;

/// What the register says about the quality of the basis, as the advice uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct QualityEvidence {
    pub overall: f64,
    /// Area scores; `None`: the area has no elements.
    pub areas: Vec<(Area, Option<f64>)>,
    /// Per area the rules that found most, most serious first: rule, severity, count.
    pub findings: Vec<(Area, RuleId, Severity, usize)>,
}

impl QualityEvidence {
    pub fn from_report(report: &Report) -> QualityEvidence {
        let mut counts: BTreeMap<(RuleId, Severity), usize> = BTreeMap::new();
        for finding in &report.findings {
            *counts.entry((finding.rule, finding.severity)).or_default() += 1;
        }
        let mut findings: Vec<(Area, RuleId, Severity, usize)> = counts
            .into_iter()
            .map(|((rule, severity), n)| (rule.rule().area, rule, severity, n))
            .collect();
        findings.sort_by(|a, b| {
            (a.2, std::cmp::Reverse(a.3), a.1).cmp(&(b.2, std::cmp::Reverse(b.3), b.1))
        });
        QualityEvidence {
            overall: report.scores.overall,
            areas: report
                .scores
                .per_area
                .iter()
                .map(|(a, s)| (*a, s.score))
                .collect(),
            findings,
        }
    }

    /// One score standing in for the overall score and every area (`--quality-score`).
    pub fn uniform(score: f64) -> QualityEvidence {
        QualityEvidence {
            overall: score,
            areas: Area::ALL.into_iter().map(|a| (a, Some(score))).collect(),
            findings: Vec::new(),
        }
    }

    pub fn area(&self, area: Area) -> Option<f64> {
        self.areas
            .iter()
            .find(|(a, _)| *a == area)
            .and_then(|(_, s)| *s)
    }

    /// The evidence for a dimension on the 0–4 scale.
    fn for_dimension(&self, dimension: Dimension) -> Option<f64> {
        dimension.evidence().map(|area| {
            let score = match area {
                None => self.overall,
                Some(area) => self.area(area).unwrap_or(0.0),
            };
            (score / 25.0).clamp(0.0, 4.0)
        })
    }

    fn top_findings(&self, area: Option<Area>) -> Vec<(RuleId, usize)> {
        self.findings
            .iter()
            .filter(|(a, _, s, _)| area.is_none_or(|area| *a == area) && *s != Severity::Info)
            .take(3)
            .map(|(_, rule, _, n)| (*rule, *n))
            .collect()
    }
}

/// The answers of one assessment: question id → level 0–4.
pub type Answers = BTreeMap<String, u8>;

/// Everything the advice is made from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub answers: &'a Answers,
    pub quality: &'a QualityEvidence,
    /// How many goals have a measurable KPI.
    pub goals_with_kpi: usize,
    pub domains: &'a [DomainChoice],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    NogNiet,
    GereedOnderVoorwaarden,
    Gereed,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::NogNiet => "nog-niet",
            Verdict::GereedOnderVoorwaarden => "gereed-onder-voorwaarden",
            Verdict::Gereed => "gereed",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::NogNiet => lang.pick("Nog niet uitbesteden", "Do not outsource yet"),
            Verdict::GereedOnderVoorwaarden => {
                lang.pick("Gereed onder voorwaarden", "Ready under conditions")
            }
            Verdict::Gereed => lang.pick("Gereed om uit te besteden", "Ready to outsource"),
        }
    }
}

/// One dimension's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore {
    pub dimension: Dimension,
    pub questions: usize,
    pub answered: usize,
    /// Mean of the answers.
    pub answers_mean: Option<f64>,
    /// The register's evidence on the same scale, for the dimensions that have it.
    pub evidence: Option<f64>,
    /// The score the advice uses: the mean, capped by the evidence.
    pub score: Option<f64>,
}

impl DimensionScore {
    /// Where the dimension stands against the advice's lines: `None` while unanswered.
    pub fn standing(&self) -> Option<Verdict> {
        self.score.map(|s| {
            if s < KNOCK_OUT_DIMENSION {
                Verdict::NogNiet
            } else if s < READY_DIMENSION {
                Verdict::GereedOnderVoorwaarden
            } else {
                Verdict::Gereed
            }
        })
    }
}

/// Why the advice is what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    QualityBelow {
        score: f64,
        threshold: f64,
        findings: Vec<(RuleId, usize)>,
    },
    NoGoalWithKpi,
    Unanswered(Dimension),
    DimensionBelow {
        dimension: Dimension,
        score: f64,
        threshold: f64,
        capped: bool,
    },
    AreaBelow {
        area: Area,
        score: f64,
        threshold: f64,
        findings: Vec<(RuleId, usize)>,
    },
    AllMet,
}

fn number(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

fn findings_text(findings: &[(RuleId, usize)], lang: Lang) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = findings
        .iter()
        .map(|(rule, n)| format!("{n}× '{}'", rule.rule().title(lang)))
        .collect();
    match lang {
        Lang::Nl => format!(" (vooral: {})", parts.join(", ")),
        Lang::En => format!(" (mainly: {})", parts.join(", ")),
    }
}

impl Reason {
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Reason::QualityBelow {
                score,
                threshold,
                findings,
            } => {
                let f = findings_text(findings, lang);
                if nl {
                    format!(
                        "De kwaliteit van de basis scoort {} (nodig: {}){f}.",
                        number(*score, lang),
                        number(*threshold, lang)
                    )
                } else {
                    format!(
                        "The quality of the basis scores {} (needed: {}){f}.",
                        number(*score, lang),
                        number(*threshold, lang)
                    )
                }
            }
            Reason::NoGoalWithKpi => if nl {
                "Er is geen doel met een meetbare KPI: de gemeente weet nog niet waar ze naartoe wil."
            } else {
                "There is no goal with a measurable KPI: the municipality does not know yet where it wants to go."
            }
            .into(),
            Reason::Unanswered(d) => {
                if nl {
                    format!("De dimensie '{}' is niet beantwoord.", d.label(lang))
                } else {
                    format!("The dimension '{}' has not been answered.", d.label(lang))
                }
            }
            Reason::DimensionBelow {
                dimension,
                score,
                threshold,
                capped,
            } => {
                let cap = match (capped, nl) {
                    (true, true) => " (begrensd door de kwaliteit van het register)",
                    (true, false) => " (capped by the quality of the register)",
                    _ => "",
                };
                if nl {
                    format!(
                        "'{}' scoort {}{cap}; nodig is {}.",
                        dimension.label(lang),
                        number(*score, lang),
                        number(*threshold, lang)
                    )
                } else {
                    format!(
                        "'{}' scores {}{cap}; {} is needed.",
                        dimension.label(lang),
                        number(*score, lang),
                        number(*threshold, lang)
                    )
                }
            }
            Reason::AreaBelow {
                area,
                score,
                threshold,
                findings,
            } => {
                let f = findings_text(findings, lang);
                if nl {
                    format!(
                        "Het gebied {} scoort {} (nodig: {}){f}.",
                        area.label(lang).to_lowercase(),
                        number(*score, lang),
                        number(*threshold, lang)
                    )
                } else {
                    format!(
                        "The area {} scores {} (needed: {}){f}.",
                        area.label(lang).to_lowercase(),
                        number(*score, lang),
                        number(*threshold, lang)
                    )
                }
            }
            Reason::AllMet => if nl {
                "Alle dimensies scoren 3,0 of meer en de kwaliteit van de basis 80 of meer."
            } else {
                "Every dimension scores 3.0 or more and the quality of the basis 80 or more."
            }
            .into(),
        }
    }
}

/// What an action points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Question(&'static str),
    Dimension(Dimension),
    Goals,
    /// Findings of one rule.
    Rule(RuleId),
    /// The findings of an area (`None`: all).
    Area(Option<Area>),
}

/// One thing to do, with how much it raises readiness.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub target: Target,
    /// Points on the dimension scale, weighted by how far the dimension is from the advice's
    /// next step (knock-outs count most).
    pub gain: f64,
    nl: String,
    en: String,
}

impl Action {
    pub fn description(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

/// The advice for one service domain the municipality intends to outsource.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainAdvice {
    pub domain: ServiceDomain,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub verdict: Verdict,
    pub dimensions: Vec<DimensionScore>,
    pub quality: f64,
    pub reasons: Vec<Reason>,
    /// At most ten, the largest gain first.
    pub actions: Vec<Action>,
    pub domains: Vec<DomainAdvice>,
}

/// How much a point on a dimension counts: most while the dimension is a knock-out.
fn weight(score: f64) -> f64 {
    if score < KNOCK_OUT_DIMENSION {
        3.0
    } else if score < READY_DIMENSION {
        2.0
    } else {
        0.0
    }
}

pub const MAX_ACTIONS: usize = 10;

/// The advice. Pure: everything it needs is in `inputs`.
pub fn advise(inputs: Inputs) -> Advice {
    let quality = inputs.quality;
    let dimensions: Vec<DimensionScore> = Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let levels: Vec<u8> = dimension
                .questions()
                .filter_map(|q| inputs.answers.get(q.id).copied())
                .collect();
            let answers_mean = (!levels.is_empty())
                .then(|| levels.iter().map(|l| f64::from(*l)).sum::<f64>() / levels.len() as f64);
            let evidence = quality.for_dimension(dimension);
            let score = answers_mean.map(|m| evidence.map_or(m, |e| m.min(e)));
            DimensionScore {
                dimension,
                questions: dimension.questions().count(),
                answered: levels.len(),
                answers_mean,
                evidence,
                score,
            }
        })
        .collect();

    let mut knock_outs = Vec::new();
    if quality.overall < KNOCK_OUT_QUALITY {
        knock_outs.push(Reason::QualityBelow {
            score: quality.overall,
            threshold: KNOCK_OUT_QUALITY,
            findings: quality.top_findings(None),
        });
    }
    if inputs.goals_with_kpi == 0 {
        knock_outs.push(Reason::NoGoalWithKpi);
    }
    for d in &dimensions {
        match d.score {
            None => knock_outs.push(Reason::Unanswered(d.dimension)),
            Some(score) if score < KNOCK_OUT_DIMENSION => knock_outs.push(Reason::DimensionBelow {
                dimension: d.dimension,
                score,
                threshold: KNOCK_OUT_DIMENSION,
                capped: d.answers_mean.is_some_and(|m| m > score),
            }),
            Some(_) => {}
        }
    }
    let (verdict, reasons) = if !knock_outs.is_empty() {
        (Verdict::NogNiet, knock_outs)
    } else {
        let mut conditions: Vec<Reason> = dimensions
            .iter()
            .filter_map(|d| {
                d.score
                    .filter(|s| *s < READY_DIMENSION)
                    .map(|score| Reason::DimensionBelow {
                        dimension: d.dimension,
                        score,
                        threshold: READY_DIMENSION,
                        capped: d.answers_mean.is_some_and(|m| m > score),
                    })
            })
            .collect();
        if quality.overall < READY_QUALITY {
            conditions.push(Reason::QualityBelow {
                score: quality.overall,
                threshold: READY_QUALITY,
                findings: Vec::new(),
            });
        }
        for (area, score) in &quality.areas {
            if let Some(score) = score
                && *score < READY_QUALITY
            {
                conditions.push(Reason::AreaBelow {
                    area: *area,
                    score: *score,
                    threshold: READY_QUALITY,
                    findings: quality.top_findings(Some(*area)),
                });
            }
        }
        if conditions.is_empty() {
            (Verdict::Gereed, vec![Reason::AllMet])
        } else {
            (Verdict::GereedOnderVoorwaarden, conditions)
        }
    };
    let actions = actions(&inputs, &dimensions);
    let domains = inputs
        .domains
        .iter()
        .filter(|c| c.outsourcing())
        .map(|choice| domain_advice(choice.domain, verdict, quality))
        .collect();
    Advice {
        verdict,
        quality: quality.overall,
        dimensions,
        reasons,
        actions,
        domains,
    }
}

fn domain_advice(
    domain: ServiceDomain,
    overall: Verdict,
    quality: &QualityEvidence,
) -> DomainAdvice {
    let mut verdict = overall;
    let mut reasons = Vec::new();
    for area in domain.areas() {
        let score = quality.area(*area).unwrap_or(0.0);
        let limit = if score < KNOCK_OUT_QUALITY {
            Verdict::NogNiet
        } else if score < READY_QUALITY {
            Verdict::GereedOnderVoorwaarden
        } else {
            continue;
        };
        verdict = verdict.min(limit);
        reasons.push(Reason::AreaBelow {
            area: *area,
            score,
            threshold: if limit == Verdict::NogNiet {
                KNOCK_OUT_QUALITY
            } else {
                READY_QUALITY
            },
            findings: quality.top_findings(Some(*area)),
        });
    }
    DomainAdvice {
        domain,
        verdict,
        reasons,
    }
}

fn actions(inputs: &Inputs, dimensions: &[DimensionScore]) -> Vec<Action> {
    let quality = inputs.quality;
    let mut actions: Vec<Action> = Vec::new();
    if inputs.goals_with_kpi == 0 {
        actions.push(Action {
            target: Target::Goals,
            gain: 12.0,
            nl: "Leg in Koers minstens één doel vast met een meetbare KPI (nulmeting en streefwaarde met datum).".into(),
            en: "Record in Koers at least one goal with a measurable KPI (baseline and target with dates).".into(),
        });
    }
    for d in dimensions {
        let label = |lang| d.dimension.label(lang);
        let Some(score) = d.score else {
            actions.push(Action {
                target: Target::Dimension(d.dimension),
                gain: 12.0,
                nl: format!("Beantwoord de vragen over '{}'.", label(Lang::Nl)),
                en: format!("Answer the questions on '{}'.", label(Lang::En)),
            });
            continue;
        };
        let w = weight(score);
        if w == 0.0 {
            continue;
        }
        let mean = d.answers_mean.unwrap_or(0.0);
        let cap = d.evidence.unwrap_or(f64::INFINITY);
        // Raising one answer to level 3 raises the mean by (3 − level) / answered, as far as
        // the register's evidence lets it.
        for q in d.dimension.questions() {
            let Some(level) = inputs.answers.get(q.id).copied() else {
                continue;
            };
            if level >= 3 {
                continue;
            }
            let raised = mean + f64::from(3 - level) / d.answered as f64;
            let gain = raised.min(cap) - mean.min(cap);
            if gain <= 0.0 {
                continue;
            }
            actions.push(Action {
                target: Target::Question(q.id),
                gain: gain * w,
                nl: format!("{} — van niveau {level} naar 3: {}", q.nl, q.levels_nl[3]),
                en: format!("{} — from level {level} to 3: {}", q.en, q.levels_en[3]),
            });
        }
        // Where the register caps the dimension, the documentation is the action.
        if let (Some(evidence), Some(area)) = (d.evidence, d.dimension.evidence())
            && evidence < mean.min(READY_DIMENSION)
        {
            let gain = (mean.min(READY_DIMENSION) - evidence) * w;
            let target_score = mean.min(READY_DIMENSION) * 25.0;
            let (nl_where, en_where) = match area {
                None => ("de basis".to_string(), "the basis".to_string()),
                Some(a) => (
                    format!("het gebied {}", a.label(Lang::Nl).to_lowercase()),
                    format!("the area {}", a.label(Lang::En).to_lowercase()),
                ),
            };
            let top = quality.top_findings(area);
            let target = top
                .first()
                .map_or(Target::Area(area), |(rule, _)| Target::Rule(*rule));
            actions.push(Action {
                target,
                gain,
                nl: format!(
                    "Breng de documentatie van {nl_where} op orde: de kwaliteit scoort {}, voor '{}' is {} nodig{}.",
                    number(evidence * 25.0, Lang::Nl),
                    d.dimension.label(Lang::Nl),
                    number(target_score, Lang::Nl),
                    findings_text(&top, Lang::Nl)
                ),
                en: format!(
                    "Put the documentation of {en_where} in order: its quality scores {}, '{}' needs {}{}.",
                    number(evidence * 25.0, Lang::En),
                    d.dimension.label(Lang::En),
                    number(target_score, Lang::En),
                    findings_text(&top, Lang::En)
                ),
            });
        }
    }
    // The quality knock-out and the areas below 80, by their most frequent serious findings.
    if quality.overall < READY_QUALITY {
        let knock_out = quality.overall < KNOCK_OUT_QUALITY;
        for (area, rule, severity, count) in quality
            .findings
            .iter()
            .filter(|f| f.2 != Severity::Info)
            .take(5)
        {
            let share = *count as f64 * severity.weight();
            let gain = if knock_out { 3.0 } else { 1.0 } * share.min(20.0) / 10.0;
            actions.push(Action {
                target: Target::Rule(*rule),
                gain,
                nl: format!(
                    "Los de {count} bevindingen '{}' op ({}): {}",
                    rule.rule().title(Lang::Nl),
                    area.label(Lang::Nl).to_lowercase(),
                    rule.rule().fix(Lang::Nl)
                ),
                en: format!(
                    "Resolve the {count} findings '{}' ({}): {}",
                    rule.rule().title(Lang::En),
                    area.label(Lang::En).to_lowercase(),
                    rule.rule().fix(Lang::En)
                ),
            });
        }
    }
    // One action per target: the largest gain counts.
    actions.sort_by(|a, b| b.gain.total_cmp(&a.gain));
    let mut seen: Vec<Target> = Vec::new();
    actions.retain(|a| {
        if seen.contains(&a.target) {
            false
        } else {
            seen.push(a.target.clone());
            true
        }
    });
    actions.truncate(MAX_ACTIONS);
    actions
}

impl Advice {
    pub fn dimension(&self, dimension: Dimension) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.dimension == dimension)
    }

    /// The advice as the API returns it and `regisseur readiness --json` prints it.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        use serde_json::{Map, Value, json};
        let round = |v: f64| (v * 100.0).round() / 100.0;
        let scores: Map<String, Value> = self
            .dimensions
            .iter()
            .map(|d| (d.dimension.code().to_string(), json!(d.score.map(round))))
            .collect();
        let target = |t: &Target| match t {
            Target::Question(id) => json!({"soort": "vraag", "id": id}),
            Target::Dimension(d) => json!({"soort": "dimensie", "id": d.code()}),
            Target::Goals => json!({"soort": "doelen"}),
            Target::Rule(rule) => json!({"soort": "regel", "id": rule.code()}),
            Target::Area(area) => {
                json!({"soort": "gebied", "id": area.map(|a| a.code())})
            }
        };
        json!({
            "oordeel": self.verdict.code(),
            "kwaliteitsscore": self.quality,
            "scorePerDimensie": scores,
            "dimensies": self.dimensions.iter().map(|d| json!({
                "id": d.dimension.code(),
                "vragen": d.questions,
                "beantwoord": d.answered,
                "gemiddeldeAntwoorden": d.answers_mean.map(round),
                "bewijsUitRegister": d.evidence.map(round),
                "score": d.score.map(round),
            })).collect::<Vec<_>>(),
            "redenen": self.reasons.iter().map(|r| r.text(lang)).collect::<Vec<_>>(),
            "acties": self.actions.iter().map(|a| json!({
                "omschrijving": a.description(lang),
                "verwijzing": target(&a.target),
                "winst": round(a.gain),
            })).collect::<Vec<_>>(),
            "domeinen": self.domains.iter().map(|d| json!({
                "domein": d.domain.code(),
                "oordeel": d.verdict.code(),
                "redenen": d.reasons.iter().map(|r| r.text(lang)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests;
