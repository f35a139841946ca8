//! An organisation's own settings for the rules: a rule switched off, another severity, other
//! thresholds. Stored and exchanged as JSON:
//!
//! ```json
//! { "regels": { "component-zonder-gebruik": { "aan": false },
//!               "contract-zonder-exitplan": { "ernst": "fout" } },
//!   "opzegtermijnDagen": 90, "eindeOndersteuningMaanden": 6,
//!   "bevestigingMaanden": 12, "assuranceMaanden": 12 }
//! ```

use super::{RuleId, Severity};
use crate::{Problem, ValidationErrors};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The thresholds the rules use, with their defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// `contract-opzegtermijn-nadert`: how many days before the notice deadline to warn.
    pub notice_days: u32,
    /// `component-einde-ondersteuning`: how many months before the end of support to warn.
    pub end_of_support_months: u32,
    /// `gegevens-niet-bevestigd`: how long an owner's confirmation holds.
    pub confirmation_months: u32,
    /// `contract-zonder-assurance`: how old the last assurance report may be.
    pub assurance_months: u32,
    /// `leverancier-concentratie`: the share (percent) of the business-critical applications one
    /// supplier may carry.
    pub concentration_percent: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            notice_days: 90,
            end_of_support_months: 6,
            confirmation_months: 12,
            assurance_months: 12,
            concentration_percent: 30,
        }
    }
}

/// What an organisation changed about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSetting {
    pub enabled: bool,
    /// Another severity than the rule's default.
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub rules: BTreeMap<RuleId, RuleSetting>,
    pub thresholds: Thresholds,
}

/// Where a threshold lives in [`Thresholds`].
type Slot = fn(&mut Thresholds) -> &mut u32;

/// The threshold fields: JSON name, allowed range, and where the value lives.
const THRESHOLDS: [(&str, i64, i64, Slot); 5] = [
    ("opzegtermijnDagen", 1, 730, |t| &mut t.notice_days),
    ("eindeOndersteuningMaanden", 0, 60, |t| {
        &mut t.end_of_support_months
    }),
    ("bevestigingMaanden", 1, 60, |t| &mut t.confirmation_months),
    ("assuranceMaanden", 1, 60, |t| &mut t.assurance_months),
    ("concentratiePercentage", 1, 100, |t| {
        &mut t.concentration_percent
    }),
];

impl Settings {
    pub fn enabled(&self, rule: RuleId) -> bool {
        self.rules.get(&rule).is_none_or(|s| s.enabled)
    }

    /// The severity the organisation gives the rule.
    pub fn severity(&self, rule: RuleId) -> Severity {
        self.rules
            .get(&rule)
            .and_then(|s| s.severity)
            .unwrap_or(rule.rule().severity)
    }

    /// Reads settings, naming every problem by its place (`regels.<id>.ernst`, …). Anything
    /// left out keeps its default.
    pub fn parse(value: &Value) -> Result<Settings, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut settings = Settings::default();
        let Some(object) = value.as_object() else {
            errors.push("instellingen", Problem::NotAnObject);
            return Err(errors);
        };
        for key in object.keys() {
            if key != "regels" && !THRESHOLDS.iter().any(|(name, ..)| name == key) {
                errors.push(key.clone(), Problem::UnknownField);
            }
        }
        for (name, min, max, slot) in THRESHOLDS {
            match object.get(name) {
                None | Some(Value::Null) => {}
                Some(v) => match v.as_i64() {
                    Some(n) if (min..=max).contains(&n) => {
                        *slot(&mut settings.thresholds) = u32::try_from(n).unwrap_or(0);
                    }
                    Some(_) => errors.push(name, Problem::OutOfRange { min, max }),
                    None => errors.push(name, Problem::NotAnInteger),
                },
            }
        }
        match object.get("regels") {
            None | Some(Value::Null) => {}
            Some(Value::Object(rules)) => {
                for (code, setting) in rules {
                    let place = format!("regels.{code}");
                    let Some(rule) = RuleId::parse(code) else {
                        errors.push(place, Problem::UnknownRule);
                        continue;
                    };
                    if let Some(parsed) = parse_rule(&place, setting, &mut errors) {
                        settings.rules.insert(rule, parsed);
                    }
                }
            }
            Some(_) => errors.push("regels", Problem::NotAnObject),
        }
        errors.into_result(settings)
    }

    /// The settings as [`Settings::parse`] reads them, with every threshold written out and
    /// only the rules that differ from their default.
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        let mut rules = Map::new();
        for (rule, setting) in &self.rules {
            let mut entry = Map::new();
            entry.insert("aan".into(), Value::Bool(setting.enabled));
            if let Some(severity) = setting.severity {
                entry.insert("ernst".into(), Value::from(severity.code()));
            }
            rules.insert(rule.code().into(), Value::Object(entry));
        }
        object.insert("regels".into(), Value::Object(rules));
        let mut thresholds = self.thresholds;
        for (name, _, _, slot) in THRESHOLDS {
            object.insert(name.into(), json!(*slot(&mut thresholds)));
        }
        Value::Object(object)
    }
}

fn parse_rule(place: &str, value: &Value, errors: &mut ValidationErrors) -> Option<RuleSetting> {
    let Some(object) = value.as_object() else {
        errors.push(place, Problem::NotAnObject);
        return None;
    };
    let before = errors.0.len();
    let mut setting = RuleSetting {
        enabled: true,
        severity: None,
    };
    for (key, v) in object {
        match key.as_str() {
            "aan" => match v.as_bool() {
                Some(on) => setting.enabled = on,
                None => errors.push(format!("{place}.aan"), Problem::NotABoolean),
            },
            "ernst" => match v.as_str().and_then(Severity::parse) {
                Some(severity) => setting.severity = Some(severity),
                None if v.is_null() => {}
                None => errors.push(
                    format!("{place}.ernst"),
                    Problem::NotInList {
                        allowed: Severity::ALL.iter().map(|s| s.code()).collect(),
                    },
                ),
            },
            _ => errors.push(format!("{place}.{key}"), Problem::UnknownField),
        }
    }
    (errors.0.len() == before).then_some(setting)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_a_full_round_trip() {
        let settings = Settings::parse(&json!({})).expect("empty is fine");
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.thresholds.notice_days, 90);
        let input = json!({
            "regels": {
                "component-zonder-gebruik": { "aan": false },
                "contract-zonder-exitplan": { "ernst": "fout" }
            },
            "opzegtermijnDagen": 120,
            "bevestigingMaanden": 6
        });
        let settings = Settings::parse(&input).expect("valid");
        assert!(!settings.enabled(RuleId::ComponentUnused));
        assert!(settings.enabled(RuleId::ContractExpired));
        assert_eq!(
            settings.severity(RuleId::ContractWithoutExitPlan),
            Severity::Fout
        );
        assert_eq!(
            settings.severity(RuleId::ContractExpired),
            Severity::Fout,
            "default kept"
        );
        assert_eq!(settings.thresholds.notice_days, 120);
        assert_eq!(settings.thresholds.confirmation_months, 6);
        assert_eq!(settings.thresholds.end_of_support_months, 6);
        assert_eq!(Settings::parse(&settings.to_json()), Ok(settings));
    }

    #[test]
    fn every_problem_is_named_by_its_place() {
        let errors = Settings::parse(&json!({
            "regels": {
                "bestaat-niet": { "aan": false },
                "contract-verlopen": { "ernst": "rampzalig", "kleur": "rood" }
            },
            "opzegtermijnDagen": 0,
            "bevestigingMaanden": "twaalf",
            "onbekend": 1
        }))
        .expect_err("invalid");
        let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
        for expected in [
            "regels.bestaat-niet",
            "regels.contract-verlopen.ernst",
            "regels.contract-verlopen.kleur",
            "opzegtermijnDagen",
            "bevestigingMaanden",
            "onbekend",
        ] {
            assert!(names.contains(&expected), "{expected} missing in {names:?}");
        }
        assert!(
            errors
                .for_field("regels.bestaat-niet")
                .is_some_and(|e| e.problem == Problem::UnknownRule)
        );
        assert!(Settings::parse(&json!([1])).is_err());
    }
}
