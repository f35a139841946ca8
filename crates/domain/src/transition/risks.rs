//! The risk dossier: risks with cause, effect, probability and impact (1–5), owner, mitigation
//! and status; the heat map; and the weekly risk report of Best Value's execution phase — what
//! is new or changed since last week, which risks grew, which mitigations are late.

use super::fields::Fields;
use crate::{Lang, ValidationErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Risks scoring at least this (probability × impact) are the "top" risks, unless asked
/// otherwise.
pub const DEFAULT_THRESHOLD: u8 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskStatus {
    Open,
    InBehandeling,
    Beheerst,
    Gesloten,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] = [
        RiskStatus::Open,
        RiskStatus::InBehandeling,
        RiskStatus::Beheerst,
        RiskStatus::Gesloten,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::InBehandeling => "in-behandeling",
            RiskStatus::Beheerst => "beheerst",
            RiskStatus::Gesloten => "gesloten",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RiskStatus::Open => lang.pick("open", "open"),
            RiskStatus::InBehandeling => lang.pick("in behandeling", "being handled"),
            RiskStatus::Beheerst => lang.pick("beheerst", "under control"),
            RiskStatus::Gesloten => lang.pick("gesloten", "closed"),
        }
    }

    /// Still needs its mitigation.
    pub fn active(self) -> bool {
        matches!(self, RiskStatus::Open | RiskStatus::InBehandeling)
    }
}

/// One risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Risk {
    pub titel: String,
    #[serde(default)]
    pub oorzaak: String,
    #[serde(default)]
    pub gevolg: String,
    /// Probability, 1 (rare) to 5 (almost certain).
    pub kans: u8,
    /// Impact, 1 (negligible) to 5 (severe).
    pub impact: u8,
    #[serde(default)]
    pub eigenaar: String,
    #[serde(default)]
    pub maatregel: String,
    /// When the mitigation must be in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maatregel_voor: Option<NaiveDate>,
    pub status: RiskStatus,
    /// The supplier (id) that submitted the risk through the supplier portal; set by the
    /// application, never by the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leverancier: Option<Uuid>,
}

impl Risk {
    /// Reads a risk, naming every problem (probability and impact must be 1–5).
    pub fn read(value: &Value) -> Result<Risk, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let risk = Risk {
            titel: f.text("titel", true, 200),
            oorzaak: f.text("oorzaak", false, 2_000),
            gevolg: f.text("gevolg", false, 2_000),
            kans: f.whole("kans", 1, 5) as u8,
            impact: f.whole("impact", 1, 5) as u8,
            eigenaar: f.text("eigenaar", false, 200),
            maatregel: f.text("maatregel", false, 2_000),
            maatregel_voor: f.date("maatregelVoor", false),
            status: f
                .code("status", &RiskStatus::ALL, RiskStatus::code, false)
                .unwrap_or(RiskStatus::Open),
            leverancier: None,
        };
        f.finish(risk)
    }

    /// Probability × impact, 1–25.
    pub fn score(&self) -> u8 {
        self.kans * self.impact
    }

    /// The mitigation's date has passed while the risk still needs it.
    pub fn mitigation_late(&self, today: NaiveDate) -> bool {
        self.status.active() && self.maatregel_voor.is_some_and(|d| d < today)
    }
}

/// The band of a score: 1–4 low, 5–9 medium, 10–14 high, 15–25 very high.
pub fn band(score: u8) -> (&'static str, &'static str) {
    match score {
        0..=4 => ("laag", "low"),
        5..=9 => ("midden", "medium"),
        10..=14 => ("hoog", "high"),
        _ => ("zeer hoog", "very high"),
    }
}

/// How many active risks fall in each cell: `[impact - 1][kans - 1]`.
pub fn heat_map<'a>(risks: impl IntoIterator<Item = &'a Risk>) -> [[u32; 5]; 5] {
    let mut cells = [[0u32; 5]; 5];
    for r in risks
        .into_iter()
        .filter(|r| r.status != RiskStatus::Gesloten)
    {
        let (i, k) = (
            usize::from(r.impact.clamp(1, 5)) - 1,
            usize::from(r.kans.clamp(1, 5)) - 1,
        );
        cells[i][k] += 1;
    }
    cells
}

/// One risk whose fields changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub id: Uuid,
    /// The API names of the fields that changed.
    pub fields: Vec<&'static str>,
}

/// A risk whose score went up.
#[derive(Debug, Clone, PartialEq)]
pub struct Grown {
    pub id: Uuid,
    pub before: u8,
    pub after: u8,
}

/// The weekly risk report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeeklyReport {
    pub new: Vec<Uuid>,
    pub changed: Vec<Changed>,
    pub grown: Vec<Grown>,
    pub removed: Vec<Uuid>,
    pub late_mitigations: Vec<Uuid>,
}

fn changed_fields(a: &Risk, b: &Risk) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut differs = |name: &'static str, different: bool| {
        if different {
            fields.push(name);
        }
    };
    differs("titel", a.titel != b.titel);
    differs("oorzaak", a.oorzaak != b.oorzaak);
    differs("gevolg", a.gevolg != b.gevolg);
    differs("kans", a.kans != b.kans);
    differs("impact", a.impact != b.impact);
    differs("eigenaar", a.eigenaar != b.eigenaar);
    differs("maatregel", a.maatregel != b.maatregel);
    differs("maatregelVoor", a.maatregel_voor != b.maatregel_voor);
    differs("status", a.status != b.status);
    fields
}

/// What changed between the dossier a week ago (`before`) and now.
pub fn weekly_report(
    before: &BTreeMap<Uuid, Risk>,
    now: &BTreeMap<Uuid, Risk>,
    today: NaiveDate,
) -> WeeklyReport {
    let mut report = WeeklyReport::default();
    for (id, risk) in now {
        match before.get(id) {
            None => report.new.push(*id),
            Some(old) => {
                let fields = changed_fields(old, risk);
                if !fields.is_empty() {
                    report.changed.push(Changed { id: *id, fields });
                }
                if risk.score() > old.score() {
                    report.grown.push(Grown {
                        id: *id,
                        before: old.score(),
                        after: risk.score(),
                    });
                }
            }
        }
        if risk.mitigation_late(today) {
            report.late_mitigations.push(*id);
        }
    }
    report.removed = before
        .keys()
        .filter(|id| !now.contains_key(id))
        .copied()
        .collect();
    report
}
