//! Businesscase: what outsourcing does to the municipal budget, year by year (REFERENCE.md §4).
//! Capital charges (depreciation and interest on investments, under the BBV rules) in the
//! in-house scenario turn into operating charges (service fees, transition, the retained
//! direction organisation, the write-down of idle assets) when outsourcing; both are compared
//! on the yearly budget and on the net present value of the cash flows.
//!
//! The input is the structure of the TOML file the CLI reads and the editor writes. Amounts are
//! euros; they may be ranges (`{ min, waarschijnlijk, max }`), of which the deterministic figures
//! use the most likely value.

use serde::{Deserialize, Serialize};

mod calculate;
mod uncertainty;

pub use calculate::{Outcome, Scenario, Year, calculate, calculate_with, cents};
pub use uncertainty::{MonteCarlo, TornadoBar, monte_carlo, tornado};

/// Monte Carlo runs when none are asked for (the CLI's `--runs` and the web app).
pub const DEFAULT_RUNS: usize = 10_000;
/// The seed when none is given: the CLI and the web app give the same figures.
pub const DEFAULT_SEED: u64 = 1;

/// An amount: a number of euros, or a range for the uncertainty analysis.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Amount {
    Fixed(f64),
    Range {
        min: f64,
        waarschijnlijk: f64,
        max: f64,
    },
}

impl Amount {
    pub fn most_likely(self) -> f64 {
        match self {
            Amount::Fixed(v) => v,
            Amount::Range { waarschijnlijk, .. } => waarschijnlijk,
        }
    }

    /// Whether the amount is a range of some width.
    pub fn uncertain(self) -> bool {
        matches!(self, Amount::Range { min, max, .. } if max > min)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DepreciationStart {
    /// Depreciation starts the year after the investment (the usual BBV practice).
    #[default]
    VolgendJaar,
    ZelfdeJaar,
}

fn default_discount() -> f64 {
    0.0225
}
fn default_interest() -> f64 {
    0.02
}
fn default_direction() -> f64 {
    0.04
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Input {
    pub naam: String,
    pub startjaar: i32,
    pub looptijd_jaren: u32,
    #[serde(default = "default_discount")]
    pub discontovoet: f64,
    #[serde(default = "default_interest")]
    pub omslagrente: f64,
    #[serde(default)]
    pub afschrijving_start: DepreciationStart,
    #[serde(default)]
    pub bestaande_activa: Vec<ExistingAsset>,
    #[serde(default)]
    pub eigen_beheer: InHouse,
    #[serde(default)]
    pub uitbesteed: Outsourced,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExistingAsset {
    pub naam: String,
    pub boekwaarde: f64,
    pub resterende_jaren: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cost {
    pub naam: String,
    pub bedrag_per_jaar: Amount,
    #[serde(default)]
    pub indexatie: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vanaf: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tot: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Investment {
    pub naam: String,
    pub jaar: i32,
    pub bedrag: Amount,
    pub afschrijvingsjaren: u32,
    #[serde(default)]
    pub restwaarde: f64,
    #[serde(default)]
    pub herhalen: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OneOff {
    pub naam: String,
    pub jaar: i32,
    pub bedrag: Amount,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InHouse {
    #[serde(default)]
    pub kosten: Vec<Cost>,
    #[serde(default)]
    pub investeringen: Vec<Investment>,
    #[serde(default)]
    pub eenmalig: Vec<OneOff>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Outsourced {
    #[serde(default = "default_direction")]
    pub regie_percentage: f64,
    #[serde(default)]
    pub kosten: Vec<Cost>,
    #[serde(default)]
    pub eenmalig: Vec<OneOff>,
}

impl Default for Outsourced {
    fn default() -> Self {
        Outsourced {
            regie_percentage: default_direction(),
            kosten: Vec::new(),
            eenmalig: Vec::new(),
        }
    }
}

impl Input {
    /// Whether any amount is a range.
    pub fn has_ranges(&self) -> bool {
        self.amounts()
            .iter()
            .any(|(_, a)| matches!(a, Amount::Range { .. }))
    }

    /// The calculation with, when any amount is a range, the Monte Carlo over `runs` runs and
    /// the tornado, as `regisseur business-case --json` prints it.
    pub fn report_json(&self, runs: usize, seed: u64) -> serde_json::Value {
        let mut json = calculate(self).to_json();
        if self.has_ranges() {
            let mc = monte_carlo(self, runs, seed);
            json["monteCarlo"] = serde_json::json!({
                "runs": mc.runs, "p10": cents(mc.p10), "p50": cents(mc.p50), "p90": cents(mc.p90),
                "kansGoedkoper": (mc.cheaper_share * 10_000.0).round() / 10_000.0,
            });
            json["tornado"] = tornado(self)
                .iter()
                .map(|b| serde_json::json!({"invoer": b.input, "laag": cents(b.low), "hoog": cents(b.high)}))
                .collect();
        }
        json
    }

    /// The same case `years` later (or earlier when negative): every year in it moves, the
    /// amounts stay. A case written for next year stays a case for next year.
    pub fn moved_by_years(mut self, years: i32) -> Input {
        let by = |year: &mut i32| *year = year.saturating_add(years);
        by(&mut self.startjaar);
        for cost in self
            .eigen_beheer
            .kosten
            .iter_mut()
            .chain(self.uitbesteed.kosten.iter_mut())
        {
            cost.vanaf.as_mut().map(by);
            cost.tot.as_mut().map(by);
        }
        for investment in &mut self.eigen_beheer.investeringen {
            by(&mut investment.jaar);
        }
        for one_off in self
            .eigen_beheer
            .eenmalig
            .iter_mut()
            .chain(self.uitbesteed.eenmalig.iter_mut())
        {
            by(&mut one_off.jaar);
        }
        self
    }

    /// The years of the horizon.
    pub fn years(&self) -> std::ops::Range<i32> {
        let end = self
            .startjaar
            .saturating_add(i32::try_from(self.looptijd_jaren).unwrap_or(i32::MAX));
        self.startjaar..end
    }

    /// Every amount with its key path (`eigenBeheer.kosten[0].bedragPerJaar`), in the order
    /// [`Input::with_values`] reads values.
    pub fn amounts(&self) -> Vec<(String, Amount)> {
        let mut out = Vec::new();
        for (side, costs, once) in [
            (
                "eigenBeheer",
                &self.eigen_beheer.kosten,
                &self.eigen_beheer.eenmalig,
            ),
            (
                "uitbesteed",
                &self.uitbesteed.kosten,
                &self.uitbesteed.eenmalig,
            ),
        ] {
            for (i, c) in costs.iter().enumerate() {
                out.push((
                    format!("{side}.kosten[{i}].bedragPerJaar"),
                    c.bedrag_per_jaar,
                ));
            }
            for (i, o) in once.iter().enumerate() {
                out.push((format!("{side}.eenmalig[{i}].bedrag"), o.bedrag));
            }
        }
        for (i, inv) in self.eigen_beheer.investeringen.iter().enumerate() {
            out.push((format!("eigenBeheer.investeringen[{i}].bedrag"), inv.bedrag));
        }
        out
    }

    /// What the amount at a key path of [`Input::amounts`] is, for people: the scenario, the
    /// list and the item's name, e.g. `eigen beheer · kosten · Personeel`.
    pub fn amount_label(&self, path: &str, lang: crate::Lang) -> String {
        let index = |list: &str| -> Option<usize> {
            path.strip_prefix(list)?
                .strip_prefix('[')?
                .split(']')
                .next()?
                .parse()
                .ok()
        };
        let (side, list, name) = if let Some(i) = index("eigenBeheer.kosten") {
            (
                true,
                "kosten",
                self.eigen_beheer.kosten.get(i).map(|c| &c.naam),
            )
        } else if let Some(i) = index("eigenBeheer.eenmalig") {
            (
                true,
                "eenmalig",
                self.eigen_beheer.eenmalig.get(i).map(|c| &c.naam),
            )
        } else if let Some(i) = index("eigenBeheer.investeringen") {
            (
                true,
                "investeringen",
                self.eigen_beheer.investeringen.get(i).map(|c| &c.naam),
            )
        } else if let Some(i) = index("uitbesteed.kosten") {
            (
                false,
                "kosten",
                self.uitbesteed.kosten.get(i).map(|c| &c.naam),
            )
        } else if let Some(i) = index("uitbesteed.eenmalig") {
            (
                false,
                "eenmalig",
                self.uitbesteed.eenmalig.get(i).map(|c| &c.naam),
            )
        } else {
            return path.to_string();
        };
        let side = if side {
            lang.pick("eigen beheer", "in-house")
        } else {
            lang.pick("uitbesteed", "outsourced")
        };
        let list = match list {
            "kosten" => lang.pick("kosten", "costs"),
            "eenmalig" => lang.pick("eenmalig", "one-off"),
            _ => lang.pick("investeringen", "investments"),
        };
        match name {
            Some(name) => format!("{side} · {list} · {name}"),
            None => path.to_string(),
        }
    }

    /// The same input with every amount fixed to the given values, in the order of
    /// [`Input::amounts`] (missing values keep the most likely one).
    pub fn with_values(&self, values: &[f64]) -> Input {
        let mut next = values.iter().copied();
        let mut fixed = self.clone();
        let mut take = |a: &mut Amount| {
            let v = next.next().unwrap_or(a.most_likely());
            *a = Amount::Fixed(v);
        };
        for c in &mut fixed.eigen_beheer.kosten {
            take(&mut c.bedrag_per_jaar);
        }
        for o in &mut fixed.eigen_beheer.eenmalig {
            take(&mut o.bedrag);
        }
        for c in &mut fixed.uitbesteed.kosten {
            take(&mut c.bedrag_per_jaar);
        }
        for o in &mut fixed.uitbesteed.eenmalig {
            take(&mut o.bedrag);
        }
        for inv in &mut fixed.eigen_beheer.investeringen {
            take(&mut inv.bedrag);
        }
        fixed
    }

    /// Every problem with the input, named by its key path: negative amounts, ranges out of
    /// order, years outside the horizon, zero depreciation years, rates out of range.
    pub fn check(&self) -> Result<(), crate::ValidationErrors> {
        use crate::Problem;
        let mut errors = crate::ValidationErrors::default();
        if self.naam.trim().is_empty() {
            errors.push("naam", Problem::Required);
        }
        if !(1..=50).contains(&self.looptijd_jaren) {
            errors.push("looptijdJaren", Problem::OutOfRange { min: 1, max: 50 });
        }
        if !(1900..=2200).contains(&self.startjaar) {
            errors.push(
                "startjaar",
                Problem::OutOfRange {
                    min: 1900,
                    max: 2200,
                },
            );
        }
        for (key, rate) in [
            ("discontovoet", self.discontovoet),
            ("omslagrente", self.omslagrente),
            (
                "uitbesteed.regiePercentage",
                self.uitbesteed.regie_percentage,
            ),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                errors.push(key, Problem::OutOfRange { min: 0, max: 1 });
            }
        }
        let years = self.years();
        let in_horizon = |year: i32| years.contains(&year);
        for (path, amount) in self.amounts() {
            match amount {
                Amount::Fixed(v) if v < 0.0 || !v.is_finite() => {
                    errors.push(path, Problem::Negative);
                }
                Amount::Range {
                    min,
                    waarschijnlijk,
                    max,
                } => {
                    if min < 0.0 || !(min.is_finite() && max.is_finite()) {
                        errors.push(format!("{path}.min"), Problem::Negative);
                    }
                    if !(min <= waarschijnlijk && waarschijnlijk <= max) {
                        errors.push(path, Problem::RangeOutOfOrder);
                    }
                }
                Amount::Fixed(_) => {}
            }
        }
        for (i, a) in self.bestaande_activa.iter().enumerate() {
            if a.boekwaarde < 0.0 {
                errors.push(
                    format!("bestaandeActiva[{i}].boekwaarde"),
                    Problem::Negative,
                );
            }
            if a.resterende_jaren == 0 {
                errors.push(
                    format!("bestaandeActiva[{i}].resterendeJaren"),
                    Problem::OutOfRange { min: 1, max: 100 },
                );
            }
        }
        for (side, costs, once) in [
            (
                "eigenBeheer",
                &self.eigen_beheer.kosten,
                &self.eigen_beheer.eenmalig,
            ),
            (
                "uitbesteed",
                &self.uitbesteed.kosten,
                &self.uitbesteed.eenmalig,
            ),
        ] {
            for (i, c) in costs.iter().enumerate() {
                let place = |key: &str| format!("{side}.kosten[{i}].{key}");
                if let Some(from) = c.vanaf
                    && !in_horizon(from)
                {
                    errors.push(place("vanaf"), Problem::OutsideHorizon);
                }
                if let Some(to) = c.tot
                    && (!in_horizon(to) || c.vanaf.is_some_and(|from| to < from))
                {
                    errors.push(place("tot"), Problem::OutsideHorizon);
                }
                if c.indexatie <= -1.0 || c.indexatie > 1.0 {
                    errors.push(place("indexatie"), Problem::OutOfRange { min: -1, max: 1 });
                }
            }
            for (i, o) in once.iter().enumerate() {
                if !in_horizon(o.jaar) {
                    errors.push(
                        format!("{side}.eenmalig[{i}].jaar"),
                        Problem::OutsideHorizon,
                    );
                }
            }
        }
        for (i, inv) in self.eigen_beheer.investeringen.iter().enumerate() {
            let place = |key: &str| format!("eigenBeheer.investeringen[{i}].{key}");
            if !in_horizon(inv.jaar) {
                errors.push(place("jaar"), Problem::OutsideHorizon);
            }
            if inv.afschrijvingsjaren == 0 {
                errors.push(
                    place("afschrijvingsjaren"),
                    Problem::OutOfRange { min: 1, max: 100 },
                );
            }
            if inv.restwaarde < 0.0 {
                errors.push(place("restwaarde"), Problem::Negative);
            } else if inv.restwaarde > inv.bedrag.most_likely() {
                errors.push(
                    place("restwaarde"),
                    Problem::OutOfRange {
                        min: 0,
                        max: inv.bedrag.most_likely() as i64,
                    },
                );
            }
        }
        errors.into_result(())
    }
}

#[cfg(test)]
mod tests;
