//! Relationship health: each quarter both sides — the municipality and the supplier — say how
//! the cooperation goes: trust (1–10), whether they would recommend the other (0–10),
//! satisfaction per service (1–10) and proactivity (1–10), with comments. Two warnings:
//!
//! - the *dal* (the valley of disappointment after the honeymoon): satisfaction has fallen at
//!   least 1.5 points from the first measured quarter, or has declined two quarters in a row;
//! - the *watermelon* (green outside, red inside): every SLA norm met in the quarter while
//!   satisfaction is below 6.

use crate::{Lang, Problem, ValidationErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which side answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Gemeente,
    Leverancier,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Gemeente => "gemeente",
            Side::Leverancier => "leverancier",
        }
    }

    pub fn parse(code: &str) -> Option<Side> {
        [Side::Gemeente, Side::Leverancier]
            .into_iter()
            .find(|s| s.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Side::Gemeente => lang.pick("Gemeente", "Municipality"),
            Side::Leverancier => lang.pick("Leverancier", "Supplier"),
        }
    }
}

/// A quarter as (year, 1–4).
pub type Quarter = (i32, u8);

/// `2027-K1` / `2027-Q1`.
pub fn parse_quarter(text: &str) -> Option<Quarter> {
    let (y, q) = text.trim().split_once('-')?;
    let q = q.trim_start_matches(['K', 'Q', 'k', 'q']);
    let (year, quarter): (i32, u8) = (y.parse().ok()?, q.parse().ok()?);
    (y.len() == 4 && (1..=4).contains(&quarter)).then_some((year, quarter))
}

pub fn quarter_text((y, q): Quarter) -> String {
    format!("{y}-K{q}")
}

/// One side's answers for one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Survey {
    pub vertrouwen: u8,
    pub aanbeveling: u8,
    /// Satisfaction per service (1–10).
    pub tevredenheid: BTreeMap<String, u8>,
    pub proactiviteit: u8,
    #[serde(default)]
    pub toelichting: String,
}

impl Survey {
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (key, value, min) in [
            ("vertrouwen", self.vertrouwen, 1),
            ("aanbeveling", self.aanbeveling, 0),
            ("proactiviteit", self.proactiviteit, 1),
        ] {
            if !(min..=10).contains(&value) {
                errors.push(
                    key,
                    Problem::OutOfRange {
                        min: i64::from(min),
                        max: 10,
                    },
                );
            }
        }
        if self.tevredenheid.is_empty() {
            errors.push("tevredenheid", Problem::Required);
        }
        for (service, value) in &self.tevredenheid {
            if !(1..=10).contains(value) {
                errors.push(
                    format!("tevredenheid.{service}"),
                    Problem::OutOfRange { min: 1, max: 10 },
                );
            }
        }
        if self.toelichting.chars().count() > 4_000 {
            errors.push("toelichting", Problem::TooLong { max: 4_000 });
        }
        errors.into_result(())
    }

    /// Satisfaction: the mean over the services.
    pub fn satisfaction(&self) -> f64 {
        if self.tevredenheid.is_empty() {
            return 0.0;
        }
        self.tevredenheid
            .values()
            .map(|v| f64::from(*v))
            .sum::<f64>()
            / self.tevredenheid.len() as f64
    }
}

/// A warning about one side's series.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Fallen at least 1.5 points since the first quarter.
    DalFall {
        quarter: Quarter,
        first: f64,
        now: f64,
    },
    /// Declined two quarters in a row.
    DalDecline { quarter: Quarter },
    /// Every SLA norm met while satisfaction is below 6.
    Watermelon { quarter: Quarter, satisfaction: f64 },
}

impl Warning {
    pub fn quarter(&self) -> Quarter {
        match self {
            Warning::DalFall { quarter, .. }
            | Warning::DalDecline { quarter }
            | Warning::Watermelon { quarter, .. } => *quarter,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Warning::DalFall { .. } | Warning::DalDecline { .. } => "dal",
            Warning::Watermelon { .. } => "watermeloen",
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let n = |v: f64| match lang {
            Lang::Nl => format!("{v:.1}").replace('.', ","),
            Lang::En => format!("{v:.1}"),
        };
        match self {
            Warning::DalFall {
                quarter,
                first,
                now,
            } => format!(
                "{} {}: {} {} → {}.",
                lang.pick("Dal der deceptie in", "Valley of disappointment in"),
                quarter_text(*quarter),
                lang.pick(
                    "de tevredenheid is minstens 1,5 punt gedaald sinds het eerste kwartaal",
                    "satisfaction has fallen at least 1.5 points since the first quarter"
                ),
                n(*first),
                n(*now)
            ),
            Warning::DalDecline { quarter } => format!(
                "{} {}: {}.",
                lang.pick("Dal der deceptie in", "Valley of disappointment in"),
                quarter_text(*quarter),
                lang.pick(
                    "de tevredenheid daalt twee kwartalen op rij",
                    "satisfaction has declined two quarters in a row"
                )
            ),
            Warning::Watermelon {
                quarter,
                satisfaction,
            } => format!(
                "{} {}: {} ({}).",
                lang.pick("Watermeloen in", "Watermelon in"),
                quarter_text(*quarter),
                lang.pick(
                    "alle SLA-normen gehaald, maar de tevredenheid is lager dan 6",
                    "every SLA norm met, yet satisfaction is below 6"
                ),
                n(*satisfaction)
            ),
        }
    }
}

/// The warnings of one side's satisfaction per quarter (in order), given per quarter whether
/// every SLA norm was met (`None`: no SLA data for that quarter).
pub fn warnings(
    series: &[(Quarter, f64)],
    all_norms_met: impl Fn(Quarter) -> Option<bool>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let Some(&(_, first)) = series.first() else {
        return out;
    };
    for (i, &(quarter, now)) in series.iter().enumerate() {
        if i > 0 && first - now >= 1.5 - 1e-9 {
            out.push(Warning::DalFall {
                quarter,
                first,
                now,
            });
        } else if i >= 2 && now < series[i - 1].1 && series[i - 1].1 < series[i - 2].1 {
            out.push(Warning::DalDecline { quarter });
        }
        if now < 6.0 && all_norms_met(quarter) == Some(true) {
            out.push(Warning::Watermelon {
                quarter,
                satisfaction: now,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_valley_after_the_honeymoon() {
        let q = |i: u8| (2027, i);
        // 8.0 → 7.5 → 7.2: two declines in a row; then 6.4: 1.6 below the first quarter.
        let series = [(q(1), 8.0), (q(2), 7.5), (q(3), 7.2), (q(4), 6.4)];
        let w = warnings(&series, |_| None);
        assert_eq!(
            w,
            [
                Warning::DalDecline { quarter: q(3) },
                Warning::DalFall {
                    quarter: q(4),
                    first: 8.0,
                    now: 6.4
                }
            ]
        );
        // Ups and downs without a trend: nothing.
        let calm = [(q(1), 7.0), (q(2), 6.5), (q(3), 7.2), (q(4), 6.9)];
        assert!(warnings(&calm, |_| None).is_empty());
        // Exactly 1.5 counts.
        assert_eq!(warnings(&[(q(1), 7.5), (q(2), 6.0)], |_| None).len(), 1);
    }

    #[test]
    fn green_outside_red_inside() {
        let series = [((2027, 1), 5.5), ((2027, 2), 5.8)];
        let w = warnings(&series, |q| Some(q.1 == 2));
        assert_eq!(
            w,
            [Warning::Watermelon {
                quarter: (2027, 2),
                satisfaction: 5.8
            }]
        );
        assert!(w[0].text(Lang::Nl).contains("Watermeloen in 2027-K2"));
    }

    #[test]
    fn surveys_are_checked_and_averaged() {
        let mut s = Survey {
            vertrouwen: 7,
            aanbeveling: 8,
            tevredenheid: [("hosting".to_string(), 6), ("servicedesk".to_string(), 8)]
                .into_iter()
                .collect(),
            proactiviteit: 6,
            toelichting: String::new(),
        };
        s.check().expect("valid");
        assert_eq!(s.satisfaction(), 7.0);
        s.vertrouwen = 0;
        s.tevredenheid.insert("werkplek".into(), 11);
        let names: Vec<String> = s
            .check()
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["vertrouwen", "tevredenheid.werkplek"]);
        assert_eq!(parse_quarter("2027-K3"), Some((2027, 3)));
        assert_eq!(parse_quarter("K3"), None);
    }
}
