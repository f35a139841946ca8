//! The SLA engine (REFERENCE.md §7): norms per contract measured per month, service credits,
//! chronic failure.
//!
//! - `beschikbaarheid`: the percentage of the window's minutes in the month without an outage of
//!   that norm. Overlapping outages count once; an outage crossing a month boundary is split.
//! - `reactietijd` / `oplostijd`: the share (percent) of the priority's incidents answered /
//!   resolved within `doelUren` hours of the window. Only window time counts; an incident counts
//!   in the month it was resolved. A month without such incidents meets the norm (`gemeten` is
//!   null).
//! - Reported monthly figures (`rapportages`) take the place of what would be computed.
//! - A norm is met when `gemeten ≥ doel`. Its credit in a month is the highest credit among the
//!   tiers whose `onder` the measured value is below; the month's total is capped at `maxCredit`
//!   × the monthly fee.
//! - Chronic failure: a norm missed in at least 3 months of any 6 consecutive months.

use super::calendar::{Window, WindowKind, month_start, next_month};
use crate::{Problem, ValidationErrors};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NormKind {
    Beschikbaarheid,
    Reactietijd,
    Oplostijd,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tier {
    pub onder: f64,
    pub credit: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Norm {
    pub id: String,
    pub soort: NormKind,
    pub venster: WindowKind,
    /// Percent: availability, or the share of incidents within target.
    pub doel: f64,
    /// Incident norms: the priority they are about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prioriteit: Option<String>,
    /// Incident norms: hours of the window within which to answer or resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doel_uren: Option<f64>,
    #[serde(default)]
    pub staffel: Vec<Tier>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Outage {
    pub norm: String,
    /// Local time, Europe/Amsterdam: `2027-03-04T10:00`.
    pub begin: String,
    pub einde: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Incident {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub prioriteit: String,
    pub gemeld: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gereageerd: Option<String>,
    pub opgelost: String,
}

/// A figure the supplier reported for a month, in place of computing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reported {
    pub maand: String,
    pub norm: String,
    pub gemeten: Option<f64>,
}

/// The SLA of a contract with its measurements, as `regisseur sla` reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SlaInput {
    pub maandbedrag: f64,
    pub max_credit: f64,
    /// Extra closed days of the contract (`YYYY-MM-DD`).
    #[serde(default)]
    pub vrije_dagen: Vec<String>,
    /// The months to compute (`YYYY-MM`); default from the first to the last month with data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maanden: Option<Vec<String>>,
    pub normen: Vec<Norm>,
    #[serde(default)]
    pub storingen: Vec<Outage>,
    #[serde(default)]
    pub incidenten: Vec<Incident>,
    #[serde(default)]
    pub rapportages: Vec<Reported>,
}

/// A month as (year, month).
pub type Month = (i32, u32);

/// `YYYY-MM-DDTHH:MM` read digit by digit (a million of them must be quick), else the other
/// forms people write.
fn parse_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let b = text.as_bytes();
    if b.len() == 16
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b' ')
        && b[13] == b':'
    {
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let date =
            NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)?;
        return date.and_hms_opt(num(11..13)?, num(14..16)?, 0);
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
        .ok()
}

/// `YYYY-MM`.
pub fn parse_month(text: &str) -> Option<Month> {
    let (y, m) = text.trim().split_once('-')?;
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

fn month_of(t: NaiveDateTime) -> Month {
    (t.year(), t.month())
}

fn month_text((y, m): Month) -> String {
    format!("{y:04}-{m:02}")
}

fn month_number((y, m): Month) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

/// The input with its times read: what the computation works on.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    input: &'a SlaInput,
    outages: Vec<(usize, NaiveDateTime, NaiveDateTime)>,
    incidents: Vec<(NaiveDateTime, Option<NaiveDateTime>, NaiveDateTime)>,
    reported: Vec<(Month, usize, Option<f64>)>,
    months: Vec<Month>,
    closed: Vec<NaiveDate>,
}

impl SlaInput {
    /// Reads every time and checks everything; each problem named by its key path.
    pub fn prepare(&self) -> Result<Prepared<'_>, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !(self.maandbedrag.is_finite() && self.maandbedrag >= 0.0) {
            errors.push("maandbedrag", Problem::Negative);
        }
        if !(0.0..=1.0).contains(&self.max_credit) {
            errors.push("maxCredit", Problem::OutOfRange { min: 0, max: 1 });
        }
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, n) in self.normen.iter().enumerate() {
            let place = |key: &str| format!("normen[{i}].{key}");
            if n.id.trim().is_empty() {
                errors.push(place("id"), Problem::Required);
            } else if index.insert(n.id.as_str(), i).is_some() {
                errors.push(place("id"), Problem::Duplicate);
            }
            if !(0.0..=100.0).contains(&n.doel) {
                errors.push(place("doel"), Problem::OutOfRange { min: 0, max: 100 });
            }
            if n.soort != NormKind::Beschikbaarheid {
                if n.prioriteit.as_deref().is_none_or(|p| p.trim().is_empty()) {
                    errors.push(place("prioriteit"), Problem::Required);
                }
                match n.doel_uren {
                    None => errors.push(place("doelUren"), Problem::Required),
                    Some(h) if !(h.is_finite() && h > 0.0) => errors.push(
                        place("doelUren"),
                        Problem::OutOfRange {
                            min: 0,
                            max: 10_000,
                        },
                    ),
                    _ => {}
                }
            }
            if n.staffel.windows(2).any(|w| w[1].onder >= w[0].onder) {
                errors.push(place("staffel"), Problem::NotDescending);
            }
            for (k, t) in n.staffel.iter().enumerate() {
                if !(0.0..=1.0).contains(&t.credit) {
                    errors.push(
                        format!("normen[{i}].staffel[{k}].credit"),
                        Problem::OutOfRange { min: 0, max: 1 },
                    );
                }
            }
        }
        let time = |key: String, text: &str, errors: &mut ValidationErrors| {
            let parsed = parse_time(text);
            if parsed.is_none() {
                errors.push(key, Problem::NotADate);
            }
            parsed
        };
        let mut outages = Vec::with_capacity(self.storingen.len());
        for (i, o) in self.storingen.iter().enumerate() {
            let norm = index.get(o.norm.as_str()).copied();
            match norm {
                None => errors.push(format!("storingen[{i}].norm"), Problem::UnknownReference),
                Some(n) if self.normen[n].soort != NormKind::Beschikbaarheid => errors.push(
                    format!("storingen[{i}].norm"),
                    Problem::WrongKind {
                        expected: "beschikbaarheid",
                    },
                ),
                _ => {}
            }
            let begin = time(format!("storingen[{i}].begin"), &o.begin, &mut errors);
            let end = time(format!("storingen[{i}].einde"), &o.einde, &mut errors);
            if let (Some(b), Some(e)) = (begin, end) {
                if e < b {
                    errors.push(
                        format!("storingen[{i}].einde"),
                        Problem::DateBefore { other: "begin" },
                    );
                } else if let Some(n) = norm {
                    outages.push((n, b, e));
                }
            }
        }
        let mut incidents = Vec::with_capacity(self.incidenten.len());
        for (i, inc) in self.incidenten.iter().enumerate() {
            let reported = time(format!("incidenten[{i}].gemeld"), &inc.gemeld, &mut errors);
            let resolved = time(
                format!("incidenten[{i}].opgelost"),
                &inc.opgelost,
                &mut errors,
            );
            let answered = inc
                .gereageerd
                .as_deref()
                .and_then(|t| time(format!("incidenten[{i}].gereageerd"), t, &mut errors));
            if let (Some(r), Some(s)) = (reported, resolved) {
                if s < r {
                    errors.push(
                        format!("incidenten[{i}].opgelost"),
                        Problem::DateBefore { other: "gemeld" },
                    );
                } else if answered.is_some_and(|a| a < r) {
                    errors.push(
                        format!("incidenten[{i}].gereageerd"),
                        Problem::DateBefore { other: "gemeld" },
                    );
                } else {
                    incidents.push((r, answered, s));
                }
            }
        }
        let mut reported = Vec::new();
        for (i, r) in self.rapportages.iter().enumerate() {
            let month = parse_month(&r.maand);
            if month.is_none() {
                errors.push(format!("rapportages[{i}].maand"), Problem::NotADate);
            }
            let norm = index.get(r.norm.as_str()).copied();
            if norm.is_none() {
                errors.push(format!("rapportages[{i}].norm"), Problem::UnknownReference);
            }
            if r.gemeten.is_some_and(|g| !(0.0..=100.0).contains(&g)) {
                errors.push(
                    format!("rapportages[{i}].gemeten"),
                    Problem::OutOfRange { min: 0, max: 100 },
                );
            }
            if let (Some(m), Some(n)) = (month, norm) {
                reported.push((m, n, r.gemeten));
            }
        }
        let mut closed = Vec::new();
        for (i, d) in self.vrije_dagen.iter().enumerate() {
            match NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d") {
                Ok(day) => closed.push(day),
                Err(_) => errors.push(format!("vrijeDagen[{i}]"), Problem::NotADate),
            }
        }
        let months: Vec<Month> = match &self.maanden {
            Some(list) => {
                let mut set = BTreeSet::new();
                for (i, m) in list.iter().enumerate() {
                    match parse_month(m) {
                        Some(month) => {
                            set.insert(month);
                        }
                        None => errors.push(format!("maanden[{i}]"), Problem::NotADate),
                    }
                }
                set.into_iter().collect()
            }
            None => {
                let seen = outages
                    .iter()
                    .flat_map(|(_, b, e)| [month_of(*b), month_of(*e)])
                    .chain(incidents.iter().map(|(_, _, s)| month_of(*s)))
                    .chain(reported.iter().map(|(m, ..)| *m));
                match (seen.clone().min(), seen.max()) {
                    (Some(first), Some(last)) => {
                        let mut out = vec![first];
                        let mut m = first;
                        while m < last {
                            m = next_month(m.0, m.1);
                            out.push(m);
                        }
                        out
                    }
                    _ => Vec::new(),
                }
            }
        };
        errors.into_result(Prepared {
            input: self,
            outages,
            incidents,
            reported,
            months,
            closed,
        })
    }
}

/// One norm in one month.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub norm: String,
    /// Percent; `None` for an incident norm without incidents that month.
    pub value: Option<f64>,
    pub met: bool,
    /// The credit share of the monthly fee before the cap.
    pub credit: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthReport {
    pub month: Month,
    pub norms: Vec<Measured>,
    /// The month's credit as a share of the monthly fee, capped at `maxCredit`.
    pub credit_share: f64,
    pub credit_amount: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SlaReport {
    pub months: Vec<MonthReport>,
    pub total_credits: f64,
    pub chronic: Vec<String>,
}

/// Merges intervals that overlap or touch.
fn merged(mut spans: Vec<(NaiveDateTime, NaiveDateTime)>) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    spans.sort_unstable();
    let mut out: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::with_capacity(spans.len());
    for (b, e) in spans {
        match out.last_mut() {
            Some(last) if b <= last.1 => last.1 = last.1.max(e),
            _ => out.push((b, e)),
        }
    }
    out
}

/// Computes the report of a prepared input.
pub fn compute(p: &Prepared<'_>) -> SlaReport {
    let input = p.input;
    let n_months = p.months.len();
    let position: HashMap<Month, usize> =
        p.months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    // The days the windows must cover: every time in the input and every month computed.
    let mut first = p.months.first().map(|m| month_start(m.0, m.1).date());
    let mut last = p.months.last().map(|m| {
        let (y, mo) = next_month(m.0, m.1);
        month_start(y, mo).date()
    });
    for t in p
        .outages
        .iter()
        .flat_map(|(_, b, e)| [*b, *e])
        .chain(p.incidents.iter().flat_map(|(r, _, s)| [*r, *s]))
    {
        let d = t.date();
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    let (Some(first), Some(last)) = (first, last) else {
        return SlaReport {
            months: Vec::new(),
            total_credits: 0.0,
            chronic: Vec::new(),
        };
    };
    let windows: HashMap<WindowKind, Window> = [WindowKind::AllHours, WindowKind::OfficeHours]
        .into_iter()
        .map(|k| (k, Window::new(k, first, last, &p.closed)))
        .collect();
    let bounds: Vec<(NaiveDateTime, NaiveDateTime)> = p
        .months
        .iter()
        .map(|m| {
            let (y, mo) = next_month(m.0, m.1);
            (month_start(m.0, m.1), month_start(y, mo))
        })
        .collect();

    // values[norm][month]
    let mut values: Vec<Vec<Option<f64>>> = vec![vec![None; n_months]; input.normen.len()];
    let mut by_norm: Vec<Vec<(NaiveDateTime, NaiveDateTime)>> =
        vec![Vec::new(); input.normen.len()];
    for (n, b, e) in &p.outages {
        by_norm[*n].push((*b, *e));
    }
    // Incidents by priority, once.
    let mut by_priority: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, inc) in input.incidenten.iter().enumerate() {
        by_priority
            .entry(inc.prioriteit.trim())
            .or_default()
            .push(i);
    }
    for (n, norm) in input.normen.iter().enumerate() {
        let window = &windows[&norm.venster];
        match norm.soort {
            NormKind::Beschikbaarheid => {
                let spans = merged(std::mem::take(&mut by_norm[n]));
                for (m, (ms, me)) in bounds.iter().enumerate() {
                    let total = window.minutes_between(*ms, *me);
                    if total == 0 {
                        continue;
                    }
                    // Spans are sorted: find those touching the month.
                    let start = spans.partition_point(|(_, e)| e <= ms);
                    let down: u64 = spans[start..]
                        .iter()
                        .take_while(|(b, _)| b < me)
                        .map(|(b, e)| window.minutes_between((*b).max(*ms), (*e).min(*me)))
                        .sum();
                    values[n][m] = Some(100.0 * (total.saturating_sub(down)) as f64 / total as f64);
                }
            }
            kind => {
                let target = norm.doel_uren.unwrap_or(0.0) * 60.0;
                let mut counts = vec![(0u64, 0u64); n_months];
                let priority = norm.prioriteit.as_deref().unwrap_or("").trim();
                // `prepare` succeeds only when every incident is valid, so `p.incidents` lines up
                // with `input.incidenten`.
                for i in by_priority.get(priority).into_iter().flatten() {
                    let Some(&(reported, answered, resolved)) = p.incidents.get(*i) else {
                        continue;
                    };
                    let Some(&m) = position.get(&month_of(resolved)) else {
                        continue;
                    };
                    let end = match kind {
                        NormKind::Reactietijd => answered.unwrap_or(resolved),
                        _ => resolved,
                    };
                    let minutes = window.minutes_between(reported, end) as f64;
                    counts[m].0 += 1;
                    if minutes <= target {
                        counts[m].1 += 1;
                    }
                }
                for (m, (count, within)) in counts.iter().enumerate() {
                    if *count > 0 {
                        values[n][m] = Some(100.0 * *within as f64 / *count as f64);
                    }
                }
            }
        }
    }
    for (month, n, value) in &p.reported {
        if let Some(&m) = position.get(month) {
            values[*n][m] = *value;
        }
    }

    let mut months = Vec::with_capacity(n_months);
    let mut total_credits = 0.0;
    let mut missed: Vec<Vec<bool>> = vec![vec![false; n_months]; input.normen.len()];
    for (m, month) in p.months.iter().enumerate() {
        let norms: Vec<Measured> = input
            .normen
            .iter()
            .enumerate()
            .map(|(n, norm)| {
                let value = values[n][m];
                let met = value.is_none_or(|v| v >= norm.doel - 1e-9);
                missed[n][m] = !met;
                let credit = value.map_or(0.0, |v| {
                    norm.staffel
                        .iter()
                        .filter(|t| v < t.onder)
                        .map(|t| t.credit)
                        .fold(0.0, f64::max)
                });
                Measured {
                    norm: norm.id.clone(),
                    value,
                    met,
                    credit,
                }
            })
            .collect();
        let share = norms
            .iter()
            .map(|x| x.credit)
            .sum::<f64>()
            .min(input.max_credit);
        let amount = share * input.maandbedrag;
        total_credits += amount;
        months.push(MonthReport {
            month: *month,
            norms,
            credit_share: share,
            credit_amount: amount,
        });
    }
    // Chronic failure: at least 3 misses within any 6 consecutive calendar months.
    let numbers: Vec<i64> = p.months.iter().map(|m| month_number(*m)).collect();
    let chronic = input
        .normen
        .iter()
        .enumerate()
        .filter(|(n, _)| {
            numbers.iter().any(|start| {
                numbers
                    .iter()
                    .zip(&missed[*n])
                    .filter(|(num, miss)| **miss && (*start..*start + 6).contains(*num))
                    .count()
                    >= 3
            })
        })
        .map(|(_, norm)| norm.id.clone())
        .collect();
    SlaReport {
        months,
        total_credits,
        chronic,
    }
}

fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

impl SlaReport {
    /// Per quarter whether every norm was met in every month of it (the watermelon check of
    /// `health::warnings` needs this).
    pub fn all_met_per_quarter(&self) -> std::collections::BTreeMap<(i32, u8), bool> {
        let mut out = std::collections::BTreeMap::new();
        for m in &self.months {
            let quarter = (m.month.0, ((m.month.1 - 1) / 3 + 1) as u8);
            let met = m.norms.iter().all(|n| n.met);
            let entry = out.entry(quarter).or_insert(true);
            *entry = *entry && met;
        }
        out
    }

    /// As `regisseur sla --json` prints it.
    pub fn to_json(&self) -> Value {
        json!({
            "maanden": self.months.iter().map(|m| json!({
                "maand": month_text(m.month),
                "normen": m.norms.iter().map(|n| json!({"norm": n.norm, "gemeten": n.value.map(|v| round(v, 4)), "gehaald": n.met, "credit": round(n.credit, 4)})).collect::<Vec<_>>(),
                "creditPercentage": round(m.credit_share * 100.0, 2),
                "creditBedrag": round(m.credit_amount, 2),
            })).collect::<Vec<_>>(),
            "totaalCredits": round(self.total_credits, 2),
            "chronischFalen": self.chronic,
        })
    }
}

#[cfg(test)]
mod tests;
