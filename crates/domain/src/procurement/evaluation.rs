//! Tender evaluation (REFERENCE.md §6), exactly these formulas:
//!
//! - A bid failing a knock-out requirement, or above `prijsMax`, is excluded (with the reason)
//!   before anything is computed; excluded bids do not count as the lowest price.
//! - kwaliteit = Σ gewicht_k × (s_k − min)/(max − min), in [0, 1].
//! - `absoluut`: prijsScore = clamp((Pmax − P)/(Pmax − Pmin), 0, 1); `relatief`: prijsScore =
//!   Plowest/P; totaal = 100 × (WQ × kwaliteit + WP × prijsScore), WP = 1 − WQ; highest wins.
//! - `waarde`: beoordelingsprijs = P − Σ waarde_k × (s_k − min)/(max − min); lowest wins.
//! - A tie is broken by the higher kwaliteit; if still tied, the bids share the rank.
//! - Sensitivity: per criterion the weight (the others rescaled proportionally so all sum to 1)
//!   at which the winner would change, nearest to the current weight, or none within [0, 1]; the
//!   same for WQ. For `waarde` the criterion's share of the total value, the total kept.
//! - Rank reversal: for each bid, whether leaving it out changes the order of two others.

use crate::{Problem, ValidationErrors};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};

/// How price and quality are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Absolute price scale between Pmin and Pmax, fixed before the bids are opened.
    Absoluut,
    /// Relative to the lowest admitted bid (can reverse ranks).
    Relatief,
    /// Value in euros: quality earns a fictitious discount on the price.
    Waarde,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Absoluut => "absoluut",
            Method::Relatief => "relatief",
            Method::Waarde => "waarde",
        }
    }
}

/// A knock-out requirement (pass or fail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
}

/// A quality criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub naam: String,
    pub gewicht: f64,
    /// `waarde` only: the euro value at the top of the scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waarde: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omschrijving: Option<String>,
}

/// A bid: its price, whether it meets each requirement, and the consensus score per criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bid {
    pub inschrijver: String,
    pub prijs: f64,
    #[serde(default)]
    pub eisen: BTreeMap<String, bool>,
    #[serde(default)]
    pub scores: BTreeMap<String, f64>,
}

/// A tender as the TOML file `regisseur evaluate` reads (the web app exports the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tender {
    pub naam: String,
    pub methode: Method,
    /// WQ (`absoluut`, `relatief`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kwaliteit_gewicht: Option<f64>,
    /// The lowest and highest score on every criterion.
    pub schaal: [f64; 2],
    /// Ceiling price (a higher bid is excluded); Pmax of `absoluut`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prijs_max: Option<f64>,
    /// Pmin of `absoluut` (a lower bid gets the full price score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prijs_min: Option<f64>,
    #[serde(default)]
    pub eisen: Vec<Requirement>,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub inschrijvingen: Vec<Bid>,
}

/// How much the weights may differ from 1 in total.
pub const WEIGHT_TOLERANCE: f64 = 0.0001;

fn whole(v: f64) -> i64 {
    v.round() as i64
}

impl Tender {
    /// Every problem, named by its key path (`inschrijvingen[1].scores.samenwerking`).
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.naam.trim().is_empty() {
            errors.push("naam", Problem::Required);
        }
        let [low, high] = self.schaal;
        if !(low.is_finite() && high.is_finite()) || low >= high {
            errors.push(
                "schaal",
                Problem::MustBeBelow {
                    other: "het hoogste punt van de schaal",
                },
            );
        }
        match (self.methode, self.kwaliteit_gewicht) {
            (Method::Waarde, _) => {}
            (_, None) => errors.push("kwaliteitGewicht", Problem::Required),
            (_, Some(w)) if !(0.0..=1.0).contains(&w) => {
                errors.push("kwaliteitGewicht", Problem::OutOfRange { min: 0, max: 1 })
            }
            _ => {}
        }
        for (key, price) in [("prijsMax", self.prijs_max), ("prijsMin", self.prijs_min)] {
            if price.is_some_and(|p| !(p.is_finite() && p >= 0.0)) {
                errors.push(key, Problem::Negative);
            }
        }
        if self.methode == Method::Absoluut {
            if self.prijs_max.is_none() {
                errors.push("prijsMax", Problem::Required);
            }
            if self.prijs_min.is_none() {
                errors.push("prijsMin", Problem::Required);
            }
        }
        if let (Some(min), Some(max)) = (self.prijs_min, self.prijs_max)
            && min >= max
        {
            errors.push("prijsMin", Problem::MustBeBelow { other: "prijsMax" });
        }
        let mut seen = HashSet::new();
        for (i, e) in self.eisen.iter().enumerate() {
            if e.id.trim().is_empty() {
                errors.push(format!("eisen[{i}].id"), Problem::Required);
            } else if !seen.insert(e.id.as_str()) {
                errors.push(format!("eisen[{i}].id"), Problem::Duplicate);
            }
        }
        if self.criteria.is_empty() {
            errors.push("criteria", Problem::Required);
        }
        let mut seen = HashSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            if c.id.trim().is_empty() {
                errors.push(format!("criteria[{i}].id"), Problem::Required);
            } else if !seen.insert(c.id.as_str()) {
                errors.push(format!("criteria[{i}].id"), Problem::Duplicate);
            }
            if !(c.gewicht.is_finite() && c.gewicht >= 0.0) {
                errors.push(format!("criteria[{i}].gewicht"), Problem::Negative);
            }
            if self.methode == Method::Waarde {
                match c.waarde {
                    None => errors.push(format!("criteria[{i}].waarde"), Problem::Required),
                    Some(v) if !v.is_finite() => {
                        errors.push(format!("criteria[{i}].waarde"), Problem::NotANumber)
                    }
                    _ => {}
                }
            }
        }
        let sum: f64 = self.criteria.iter().map(|c| c.gewicht).sum();
        if !self.criteria.is_empty() && (sum - 1.0).abs() > WEIGHT_TOLERANCE {
            errors.push("criteria", Problem::WeightsSum);
        }
        let mut seen = HashSet::new();
        for (i, bid) in self.inschrijvingen.iter().enumerate() {
            let place = |key: &str| format!("inschrijvingen[{i}].{key}");
            if bid.inschrijver.trim().is_empty() {
                errors.push(place("inschrijver"), Problem::Required);
            } else if !seen.insert(bid.inschrijver.trim().to_lowercase()) {
                errors.push(place("inschrijver"), Problem::Duplicate);
            }
            if !(bid.prijs.is_finite() && bid.prijs >= 0.0) {
                errors.push(place("prijs"), Problem::Negative);
            }
            for c in &self.criteria {
                match bid.scores.get(&c.id) {
                    None => errors.push(place(&format!("scores.{}", c.id)), Problem::Required),
                    Some(s) if !(s.is_finite() && (low..=high).contains(s)) => errors.push(
                        place(&format!("scores.{}", c.id)),
                        Problem::OutOfRange {
                            min: whole(low),
                            max: whole(high),
                        },
                    ),
                    _ => {}
                }
            }
            for id in bid.scores.keys() {
                if !self.criteria.iter().any(|c| &c.id == id) {
                    errors.push(place(&format!("scores.{id}")), Problem::UnknownField);
                }
            }
            for e in &self.eisen {
                if !bid.eisen.contains_key(&e.id) {
                    errors.push(place(&format!("eisen.{}", e.id)), Problem::Required);
                }
            }
            for id in bid.eisen.keys() {
                if !self.eisen.iter().any(|e| &e.id == id) {
                    errors.push(place(&format!("eisen.{id}")), Problem::UnknownField);
                }
            }
        }
        errors.into_result(())
    }

    fn normalised(&self, score: f64) -> f64 {
        let [low, high] = self.schaal;
        (score - low) / (high - low)
    }
}

/// A bid that takes part, with its normalised scores in the order of the criteria.
#[derive(Debug, Clone)]
struct Admitted<'a> {
    bid: &'a Bid,
    normalised: Vec<f64>,
}

/// One line of the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub bidder: String,
    pub price: f64,
    pub quality: f64,
    /// `absoluut` and `relatief`.
    pub price_score: Option<f64>,
    /// `absoluut` and `relatief`: 0–100.
    pub total: Option<f64>,
    /// `waarde`.
    pub assessed_price: Option<f64>,
    pub rank: usize,
    /// Tied on the total and on quality with another bid.
    pub shared: bool,
    /// Per criterion: the consensus score and what it adds (to kwaliteit, or in euros for
    /// `waarde`).
    pub breakdown: Vec<(String, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    /// The criterion id, or `kwaliteitGewicht` for WQ.
    pub criterion: String,
    pub current: f64,
    /// The weight nearest to the current one at which the winner changes, if any in [0, 1].
    pub switch: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reversal {
    pub without: String,
    /// Pairs of other bids whose order flips when `without` is left out (first was ahead).
    pub pairs: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub method: Method,
    pub ranking: Vec<Ranked>,
    pub excluded: Vec<(String, String)>,
    pub sensitivity: Vec<Sensitivity>,
    pub rank_reversal: Vec<Reversal>,
}

/// The weights with criterion `k` set to `w` and the others rescaled proportionally.
fn reweighted(weights: &[f64], k: usize, w: f64) -> Vec<f64> {
    let rest = 1.0 - weights[k];
    let n = weights.len();
    weights
        .iter()
        .enumerate()
        .map(|(j, wj)| {
            if j == k {
                w
            } else if rest.abs() < 1e-12 {
                (1.0 - w) / (n - 1).max(1) as f64
            } else {
                wj * (1.0 - w) / rest
            }
        })
        .collect()
}

/// What decides the order, for given weights and WQ: the score to compare (higher is better)
/// and the quality (the tie-breaker).
fn scores(tender: &Tender, bids: &[Admitted<'_>], weights: &[f64], wq: f64) -> Vec<(f64, f64)> {
    let quality =
        |b: &Admitted<'_>| -> f64 { b.normalised.iter().zip(weights).map(|(n, w)| n * w).sum() };
    let lowest = bids
        .iter()
        .map(|b| b.bid.prijs)
        .fold(f64::INFINITY, f64::min);
    bids.iter()
        .map(|b| {
            let q = quality(b);
            let key = match tender.methode {
                Method::Waarde => {
                    let total_value: f64 = tender.criteria.iter().filter_map(|c| c.waarde).sum();
                    let earned: f64 = if weights_are_values(tender) {
                        b.normalised
                            .iter()
                            .zip(weights)
                            .map(|(n, w)| n * w * total_value)
                            .sum()
                    } else {
                        b.normalised
                            .iter()
                            .zip(&tender.criteria)
                            .map(|(n, c)| n * c.waarde.unwrap_or(0.0))
                            .sum()
                    };
                    -(b.bid.prijs - earned)
                }
                method => {
                    100.0 * (wq * q + (1.0 - wq) * price_score(tender, method, b.bid.prijs, lowest))
                }
            };
            (key, q)
        })
        .collect()
}

/// Whether `waarde` sensitivity can work on shares of the total value (all values ≥ 0, some > 0).
fn weights_are_values(tender: &Tender) -> bool {
    let values: Vec<f64> = tender.criteria.iter().filter_map(|c| c.waarde).collect();
    values.len() == tender.criteria.len()
        && values.iter().all(|v| *v >= 0.0)
        && values.iter().sum::<f64>() > 0.0
}

fn price_score(tender: &Tender, method: Method, price: f64, lowest: f64) -> f64 {
    match method {
        Method::Absoluut => {
            let (max, min) = (
                tender.prijs_max.unwrap_or(price),
                tender.prijs_min.unwrap_or(0.0),
            );
            if max > min {
                ((max - price) / (max - min)).clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
        Method::Relatief => {
            if price > 0.0 {
                lowest / price
            } else {
                1.0
            }
        }
        Method::Waarde => 0.0,
    }
}

const EPS: f64 = 1e-9;

/// The order of the bids (indices), best first, and the rank of each in that order.
fn order(keys: &[(f64, f64)]) -> (Vec<usize>, Vec<usize>) {
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    idx.sort_by(|a, b| {
        let (ka, qa) = keys[*a];
        let (kb, qb) = keys[*b];
        if (ka - kb).abs() > EPS {
            kb.total_cmp(&ka)
        } else {
            qb.total_cmp(&qa)
        }
    });
    let mut ranks = vec![0; idx.len()];
    for (pos, i) in idx.iter().enumerate() {
        ranks[pos] = if pos > 0 && tied(keys[idx[pos - 1]], keys[*i]) {
            ranks[pos - 1]
        } else {
            pos + 1
        };
    }
    (idx, ranks)
}

fn tied(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() <= EPS && (a.1 - b.1).abs() <= EPS
}

/// The weight in [0, 1] nearest to `current` where the winner's lead over some bid is zero,
/// given the lead as a linear function sampled at 0 and 1.
fn nearest_switch(current: f64, leads: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let mut best: Option<f64> = None;
    for (at0, at1) in leads {
        let slope = at1 - at0;
        if slope.abs() < 1e-12 {
            continue;
        }
        let root = -at0 / slope;
        if !(-1e-12..=1.0 + 1e-12).contains(&root) || (root - current).abs() < 1e-12 {
            continue;
        }
        // Beyond the root the other bid must lead.
        let beyond = if root > current { at1 } else { at0 };
        if beyond >= -EPS {
            continue;
        }
        if best.is_none_or(|b| (root - current).abs() < (b - current).abs()) {
            best = Some(root.clamp(0.0, 1.0));
        }
    }
    best.map(|w| (w * 10_000.0).round() / 10_000.0)
}

/// Evaluates a checked tender.
pub fn evaluate(tender: &Tender) -> Evaluation {
    let mut excluded = Vec::new();
    let mut admitted = Vec::new();
    for bid in &tender.inschrijvingen {
        let failed: Vec<&str> = tender
            .eisen
            .iter()
            .filter(|e| bid.eisen.get(&e.id) != Some(&true))
            .map(|e| e.id.as_str())
            .collect();
        if !failed.is_empty() {
            excluded.push((
                bid.inschrijver.clone(),
                format!("voldoet niet aan eis: {}", failed.join(", ")),
            ));
        } else if tender.prijs_max.is_some_and(|max| bid.prijs > max) {
            excluded.push((
                bid.inschrijver.clone(),
                "prijs boven het plafond (prijsMax)".to_string(),
            ));
        } else {
            admitted.push(Admitted {
                bid,
                normalised: tender
                    .criteria
                    .iter()
                    .map(|c| {
                        tender
                            .normalised(bid.scores.get(&c.id).copied().unwrap_or(tender.schaal[0]))
                    })
                    .collect(),
            });
        }
    }
    let weights: Vec<f64> = if tender.methode == Method::Waarde && weights_are_values(tender) {
        let total: f64 = tender.criteria.iter().filter_map(|c| c.waarde).sum();
        tender
            .criteria
            .iter()
            .map(|c| c.waarde.unwrap_or(0.0) / total)
            .collect()
    } else {
        tender.criteria.iter().map(|c| c.gewicht).collect()
    };
    let quality_weights: Vec<f64> = tender.criteria.iter().map(|c| c.gewicht).collect();
    let wq = tender.kwaliteit_gewicht.unwrap_or(1.0);
    let keys = scores(tender, &admitted, &weights, wq);
    let (idx, ranks) = order(&keys);
    let lowest = admitted
        .iter()
        .map(|b| b.bid.prijs)
        .fold(f64::INFINITY, f64::min);
    let ranking: Vec<Ranked> = idx
        .iter()
        .zip(&ranks)
        .map(|(i, rank)| {
            let b = &admitted[*i];
            let quality: f64 = b
                .normalised
                .iter()
                .zip(&quality_weights)
                .map(|(n, w)| n * w)
                .sum();
            let shared = ranks.iter().filter(|r| *r == rank).count() > 1;
            let breakdown = tender
                .criteria
                .iter()
                .zip(&b.normalised)
                .map(|(c, n)| {
                    let adds = match tender.methode {
                        Method::Waarde => n * c.waarde.unwrap_or(0.0),
                        _ => n * c.gewicht,
                    };
                    (
                        c.id.clone(),
                        b.bid.scores.get(&c.id).copied().unwrap_or(0.0),
                        adds,
                    )
                })
                .collect();
            let (price_score, total, assessed_price) = match tender.methode {
                Method::Waarde => (None, None, Some(-keys[*i].0)),
                method => {
                    let ps = price_score(tender, method, b.bid.prijs, lowest);
                    (
                        Some(ps),
                        Some(100.0 * (wq * quality + (1.0 - wq) * ps)),
                        None,
                    )
                }
            };
            Ranked {
                bidder: b.bid.inschrijver.clone(),
                price: b.bid.prijs,
                quality,
                price_score,
                total,
                assessed_price,
                rank: *rank,
                shared,
                breakdown,
            }
        })
        .collect();

    // Sensitivity: the winner's lead over each other bid is linear in the weight.
    let mut sensitivity = Vec::new();
    if let Some(&winner) = idx.first()
        && admitted.len() > 1
        && (tender.methode != Method::Waarde || weights_are_values(tender))
    {
        let lead_at = |w_set: &[f64], wq: f64| -> Vec<f64> {
            let k = scores(tender, &admitted, w_set, wq);
            k.iter().map(|(key, _)| k[winner].0 - key).collect()
        };
        for (k, c) in tender.criteria.iter().enumerate() {
            let at0 = lead_at(&reweighted(&weights, k, 0.0), wq);
            let at1 = lead_at(&reweighted(&weights, k, 1.0), wq);
            let leads = (0..admitted.len())
                .filter(|b| *b != winner)
                .map(|b| (at0[b], at1[b]));
            sensitivity.push(Sensitivity {
                criterion: c.id.clone(),
                current: (weights[k] * 10_000.0).round() / 10_000.0,
                switch: nearest_switch(weights[k], leads),
            });
        }
        if tender.methode != Method::Waarde {
            let at0 = lead_at(&weights, 0.0);
            let at1 = lead_at(&weights, 1.0);
            let leads = (0..admitted.len())
                .filter(|b| *b != winner)
                .map(|b| (at0[b], at1[b]));
            sensitivity.push(Sensitivity {
                criterion: "kwaliteitGewicht".into(),
                current: wq,
                switch: nearest_switch(wq, leads),
            });
        }
    }

    // Rank reversal: leave each bid out and compare the order of the others.
    let position: Vec<usize> = {
        let mut p = vec![0; admitted.len()];
        for (pos, i) in idx.iter().enumerate() {
            p[*i] = pos;
        }
        p
    };
    let rank_reversal = (0..admitted.len())
        .map(|out| {
            let rest: Vec<Admitted<'_>> = admitted
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != out)
                .map(|(_, b)| b.clone())
                .collect();
            let original: Vec<usize> = (0..admitted.len()).filter(|i| *i != out).collect();
            let keys_without = scores(tender, &rest, &weights, wq);
            let mut pairs = Vec::new();
            for a in 0..rest.len() {
                for b in 0..rest.len() {
                    let (oa, ob) = (original[a], original[b]);
                    let before = position[oa] < position[ob] && !tied(keys[oa], keys[ob]);
                    let (ka, kb) = (keys_without[a], keys_without[b]);
                    let after_b_first =
                        (kb.0 - ka.0) > EPS || ((kb.0 - ka.0).abs() <= EPS && kb.1 - ka.1 > EPS);
                    if before && after_b_first {
                        pairs.push((
                            rest[a].bid.inschrijver.clone(),
                            rest[b].bid.inschrijver.clone(),
                        ));
                    }
                }
            }
            Reversal {
                without: admitted[out].bid.inschrijver.clone(),
                pairs,
            }
        })
        .collect();

    Evaluation {
        method: tender.methode,
        ranking,
        excluded,
        sensitivity,
        rank_reversal,
    }
}

fn round(value: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (value * f).round() / f
}

impl Evaluation {
    /// As `regisseur evaluate --json` prints it.
    pub fn to_json(&self) -> Value {
        json!({
            "methode": self.method.code(),
            "ranking": self.ranking.iter().map(|r| {
                let mut line = json!({
                    "inschrijver": r.bidder, "prijs": round(r.price, 2), "kwaliteit": round(r.quality, 6), "rang": r.rank,
                    "gedeeld": r.shared,
                    "criteria": r.breakdown.iter().map(|(id, score, adds)| json!({"criterium": id, "score": score, "bijdrage": round(*adds, 6)})).collect::<Vec<_>>(),
                });
                if let Some(ps) = r.price_score { line["prijsScore"] = json!(round(ps, 6)); }
                if let Some(t) = r.total { line["totaal"] = json!(round(t, 4)); }
                if let Some(a) = r.assessed_price { line["beoordelingsprijs"] = json!(round(a, 2)); }
                line
            }).collect::<Vec<_>>(),
            "uitgesloten": self.excluded.iter().map(|(who, why)| json!({"inschrijver": who, "reden": why})).collect::<Vec<_>>(),
            "gevoeligheid": self.sensitivity.iter().map(|s| json!({"criterium": s.criterion, "huidigGewicht": s.current, "omslagGewicht": s.switch})).collect::<Vec<_>>(),
            "rangomkering": self.rank_reversal.iter().map(|r| json!({"zonder": r.without, "paren": r.pairs.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests;
