//! Koers: where the municipality wants to go — goals, each with the service domains it concerns,
//! a rationale, and KPIs with a baseline and a target. A goal without a measurable KPI is not a
//! goal yet (quality rule `doelen-zonder-kpi`).

use crate::sourcing::ServiceDomain;
use crate::{Problem, ValidationErrors};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

/// One key performance indicator: what is measured, in what unit, from where to where.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub metric: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub baseline_date: Option<NaiveDate>,
    pub target: Option<f64>,
    pub target_date: Option<NaiveDate>,
}

impl Kpi {
    /// Measurable: a metric with a baseline (value and date) and a target (value and date).
    pub fn measurable(&self) -> bool {
        !self.metric.trim().is_empty()
            && self.baseline.is_some()
            && self.baseline_date.is_some()
            && self.target.is_some()
            && self.target_date.is_some()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub title: String,
    pub domains: Vec<ServiceDomain>,
    pub rationale: String,
    pub kpis: Vec<Kpi>,
}

pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 5_000;
pub const KPIS_MAX: usize = 20;

fn text(
    object: &Map<String, Value>,
    key: &str,
    place: &str,
    max: usize,
    required: bool,
    errors: &mut ValidationErrors,
) -> String {
    match object.get(key) {
        None | Some(Value::Null) => {
            if required {
                errors.push(place, Problem::Required);
            }
            String::new()
        }
        Some(Value::String(s)) => {
            let s = s.trim();
            if required && s.is_empty() {
                errors.push(place, Problem::Required);
            } else if s.chars().count() > max {
                errors.push(place, Problem::TooLong { max });
            }
            s.to_string()
        }
        Some(_) => {
            errors.push(place, Problem::NotText);
            String::new()
        }
    }
}

fn number(
    object: &Map<String, Value>,
    key: &str,
    place: &str,
    errors: &mut ValidationErrors,
) -> Option<f64> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()),
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => match crate::values::parse_decimal(s) {
            Ok(f) => Some(f),
            Err(_) => {
                errors.push(place, Problem::NotANumber);
                None
            }
        },
        Some(_) => {
            errors.push(place, Problem::NotANumber);
            None
        }
    }
}

fn date(
    object: &Map<String, Value>,
    key: &str,
    place: &str,
    errors: &mut ValidationErrors,
) -> Option<NaiveDate> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(place, Problem::NotADate);
                None
            }
        },
        Some(_) => {
            errors.push(place, Problem::NotADate);
            None
        }
    }
}

impl Goal {
    /// Whether at least one KPI is measurable.
    pub fn has_measurable_kpi(&self) -> bool {
        self.kpis.iter().any(Kpi::measurable)
    }

    /// Reads a goal as the API and the form give it:
    /// `{titel, domeinen: [...], motivering, kpis: [{meting, eenheid, nulwaarde, nulmetingDatum,
    /// streefwaarde, streefdatum}]}`, naming every problem by its place (`kpis[1].streefdatum`).
    pub fn parse(value: &Value) -> Result<Goal, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let Some(object) = value.as_object() else {
            errors.push("doel", Problem::NotAnObject);
            return Err(errors);
        };
        for key in object.keys() {
            if !["titel", "domeinen", "motivering", "kpis"].contains(&key.as_str()) {
                errors.push(key.clone(), Problem::UnknownField);
            }
        }
        let title = text(object, "titel", "titel", TITLE_MAX, true, &mut errors);
        let rationale = text(
            object,
            "motivering",
            "motivering",
            TEXT_MAX,
            false,
            &mut errors,
        );
        let mut domains = Vec::new();
        match object.get("domeinen") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    match item.as_str().and_then(ServiceDomain::parse) {
                        Some(d) if !domains.contains(&d) => domains.push(d),
                        Some(_) => {}
                        None => errors.push(
                            format!("domeinen[{i}]"),
                            Problem::NotInList {
                                allowed: ServiceDomain::ALL.iter().map(|d| d.code()).collect(),
                            },
                        ),
                    }
                }
            }
            Some(_) => errors.push("domeinen", Problem::NotAList),
        }
        let mut kpis = Vec::new();
        match object.get("kpis") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) if items.len() > KPIS_MAX => errors.push(
                "kpis",
                Problem::OutOfRange {
                    min: 0,
                    max: KPIS_MAX as i64,
                },
            ),
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let place = |key: &str| format!("kpis[{i}].{key}");
                    let Some(kpi) = item.as_object() else {
                        errors.push(format!("kpis[{i}]"), Problem::NotAnObject);
                        continue;
                    };
                    for key in kpi.keys() {
                        if ![
                            "meting",
                            "eenheid",
                            "nulwaarde",
                            "nulmetingDatum",
                            "streefwaarde",
                            "streefdatum",
                        ]
                        .contains(&key.as_str())
                        {
                            errors.push(place(key), Problem::UnknownField);
                        }
                    }
                    let parsed = Kpi {
                        metric: text(
                            kpi,
                            "meting",
                            &place("meting"),
                            TITLE_MAX,
                            true,
                            &mut errors,
                        ),
                        unit: text(kpi, "eenheid", &place("eenheid"), 50, false, &mut errors),
                        baseline: number(kpi, "nulwaarde", &place("nulwaarde"), &mut errors),
                        baseline_date: date(
                            kpi,
                            "nulmetingDatum",
                            &place("nulmetingDatum"),
                            &mut errors,
                        ),
                        target: number(kpi, "streefwaarde", &place("streefwaarde"), &mut errors),
                        target_date: date(kpi, "streefdatum", &place("streefdatum"), &mut errors),
                    };
                    if let (Some(from), Some(to)) = (parsed.baseline_date, parsed.target_date)
                        && to < from
                    {
                        errors.push(
                            place("streefdatum"),
                            Problem::DateBefore {
                                other: "nulmetingDatum",
                            },
                        );
                    }
                    kpis.push(parsed);
                }
            }
            Some(_) => errors.push("kpis", Problem::NotAList),
        }
        errors.into_result(Goal {
            title,
            domains,
            rationale,
            kpis,
        })
    }

    /// The goal as [`Goal::parse`] reads it.
    pub fn to_json(&self) -> Value {
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        json!({
            "titel": self.title,
            "domeinen": self.domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
            "motivering": self.rationale,
            "kpis": self.kpis.iter().map(|k| json!({
                "meting": k.metric,
                "eenheid": k.unit,
                "nulwaarde": k.baseline,
                "nulmetingDatum": date(k.baseline_date),
                "streefwaarde": k.target,
                "streefdatum": date(k.target_date),
            })).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_with_a_measurable_kpi_round_trips() {
        let input = json!({
            "titel": "Beschikbaarheid werkplek 99,8%",
            "domeinen": ["werkplek", "servicedesk"],
            "motivering": "Medewerkers werken hybride",
            "kpis": [{"meting": "Beschikbaarheid werkplekdienst", "eenheid": "%",
                      "nulwaarde": 98.9, "nulmetingDatum": "2026-01-01",
                      "streefwaarde": "99,8", "streefdatum": "2027-12-31"}]
        });
        let goal = Goal::parse(&input).expect("valid");
        assert!(goal.has_measurable_kpi());
        assert_eq!(goal.kpis[0].target, Some(99.8));
        assert_eq!(goal.domains.len(), 2);
        assert_eq!(Goal::parse(&goal.to_json()), Ok(goal));
    }

    #[test]
    fn without_a_baseline_or_target_a_kpi_is_not_measurable() {
        let goal = Goal::parse(&json!({"titel": "Beter", "kpis": [{"meting": "Tevredenheid"}]}))
            .expect("valid, but not measurable");
        assert!(!goal.has_measurable_kpi());
        let none = Goal::parse(&json!({"titel": "Beter"})).expect("valid");
        assert!(!none.has_measurable_kpi());
    }

    #[test]
    fn every_problem_is_named_by_its_place() {
        let errors = Goal::parse(&json!({
            "titel": "",
            "domeinen": ["werkplek", "ruimtevaart"],
            "kpis": [{"meting": "x", "nulwaarde": "veel", "nulmetingDatum": "2027-01-01",
                      "streefdatum": "2026-01-01", "kleur": "rood"}],
            "extra": 1
        }))
        .expect_err("invalid");
        let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
        for expected in [
            "titel",
            "domeinen[1]",
            "kpis[0].nulwaarde",
            "kpis[0].streefdatum",
            "kpis[0].kleur",
            "extra",
        ] {
            assert!(names.contains(&expected), "{expected} missing in {names:?}");
        }
    }
}
