//! The completeness of each element and the scores (REFERENCE.md §2).
//!
//! - **Completeness** of an element: Σ(weight × filled) / Σ(weight) over the weighted fields and
//!   relations of its kind ([`weights`]); a check that does not apply (a "runs on" relation for a
//!   SaaS application) counts in neither sum.
//! - **Element score** = 100 × completeness × (1 − min(1, Σ severity weight of its findings)),
//!   with `fout` 0.5, `waarschuwing` 0.2 and `info` 0: an element with every field filled and one
//!   warning scores 80; with two errors, 0.
//! - **Area score** = mean of the element scores of the kinds in that area; **overall score** =
//!   mean of all element scores. Phased-out elements, relations, people and other architecture
//!   elements are not scored. An area without elements has no score; a register without scored
//!   elements scores 0.

use super::Area;
use super::Severity;
use crate::landscape::{EntityKind, Record};

/// What a weight checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The field has a value (for yes/no fields: the question is answered).
    Field(&'static str),
    /// The element is covered by a contract: its Contract field or a `valt-onder` relation.
    Contract,
    /// A `draait-op` relation records what the element runs on; applies to applications hosted
    /// on-premises, in a private cloud or on IaaS.
    RunsOn,
}

/// One weighted item of an element kind's completeness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weight {
    pub check: Check,
    pub weight: u32,
}

const fn w(field: &'static str, weight: u32) -> Weight {
    Weight {
        check: Check::Field(field),
        weight,
    }
}

const APPLICATION: &[Weight] = &[
    w("eigenaarId", 3),
    w("leverancierId", 2),
    w("functioneelBeheerderId", 2),
    w("technischBeheerderId", 1),
    w("referentiecomponentIds", 2),
    w("beschikbaarheid", 1),
    w("integriteit", 1),
    w("vertrouwelijkheid", 1),
    w("hosting", 1),
    w("bedrijfskritisch", 1),
    w("persoonsgegevens", 1),
    w("softwareversie", 1),
    w("omschrijving", 1),
    w("jaarkostenCenten", 1),
    Weight {
        check: Check::Contract,
        weight: 2,
    },
    Weight {
        check: Check::RunsOn,
        weight: 2,
    },
];

const COMPONENT: &[Weight] = &[
    w("eigenaarId", 2),
    w("leverancierId", 2),
    w("levenscyclus", 2),
    w("eindeOndersteuning", 2),
    w("locatie", 1),
    w("omschrijving", 1),
];

const DATA_SET: &[Weight] = &[
    w("eigenaarId", 2),
    w("doel", 2),
    w("persoonsgegevens", 1),
    w("grondslag", 2),
    w("bewaartermijn", 1),
    w("opslaglocatie", 2),
    w("dpiaUitgevoerd", 1),
];

const SUPPLIER: &[Weight] = &[
    w("kvkNummer", 2),
    w("land", 1),
    w("contactpersoon", 1),
    w("email", 1),
    w("telefoon", 1),
];

const CONTRACT: &[Weight] = &[
    w("eigenaarId", 2),
    w("contractnummer", 1),
    w("startdatum", 1),
    w("einddatum", 2),
    w("opzegtermijnMaanden", 2),
    w("jaarwaardeCenten", 1),
    w("gibitToegepast", 1),
    w("exitplan", 1),
    w("auditrecht", 1),
    w("slaAanwezig", 1),
];

const INTERFACE: &[Weight] = &[
    w("naam", 1),
    w("standaard", 2),
    w("frequentie", 1),
    w("omschrijving", 1),
];

/// The weighted fields and relations of a kind; empty for kinds that are not scored.
pub fn weights(kind: EntityKind) -> &'static [Weight] {
    match kind {
        EntityKind::Application => APPLICATION,
        EntityKind::Component => COMPONENT,
        EntityKind::DataSet => DATA_SET,
        EntityKind::Supplier => SUPPLIER,
        EntityKind::Contract => CONTRACT,
        EntityKind::Interface => INTERFACE,
        EntityKind::Relation | EntityKind::Person | EntityKind::ModelElement => &[],
    }
}

/// What the register knows about an element beyond its own fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub covered_by_contract: bool,
    pub runs_on: bool,
}

/// The completeness of one element, 0–1; `None` for kinds that are not scored.
pub fn completeness(record: &Record, facts: Facts) -> Option<f64> {
    let weights = weights(record.kind());
    if weights.is_empty() {
        return None;
    }
    let self_hosted = matches!(
        record.text("hosting"),
        Some("on-premises" | "private-cloud" | "iaas")
    );
    let (mut filled, mut total) = (0u32, 0u32);
    for weight in weights {
        let present = match weight.check {
            Check::Field(name) => Some(record.get(name).is_some()),
            Check::Contract => {
                Some(facts.covered_by_contract || record.get("contractId").is_some())
            }
            Check::RunsOn => self_hosted.then_some(facts.runs_on),
        };
        if let Some(present) = present {
            total += weight.weight;
            if present {
                filled += weight.weight;
            }
        }
    }
    Some(if total == 0 {
        1.0
    } else {
        f64::from(filled) / f64::from(total)
    })
}

/// An element's score from its completeness and the severities of its findings, 0–100.
pub fn element_score(completeness: f64, findings: impl IntoIterator<Item = Severity>) -> f64 {
    let penalty: f64 = findings.into_iter().map(Severity::weight).sum();
    100.0 * completeness * (1.0 - penalty.min(1.0))
}

/// One area's score.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AreaScore {
    /// Mean element score, 0–100; `None` when the area has no scored elements.
    pub score: Option<f64>,
    /// Mean completeness, 0–100.
    pub completeness: Option<f64>,
    pub elements: usize,
    /// Findings of the rules of this area, per severity (fout, waarschuwing, info).
    pub findings: [usize; 3],
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    /// 0–100, one decimal.
    pub overall: f64,
    pub per_area: Vec<(Area, AreaScore)>,
    pub elements: usize,
}

impl Scores {
    pub fn area(&self, area: Area) -> AreaScore {
        self.per_area
            .iter()
            .find(|(a, _)| *a == area)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }
}

/// Rounds a score to one decimal, as it is shown and stored.
pub fn round(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}
