//! Reading one item of the transition dossier from a JSON object — the API's body, or a form's
//! fields turned into one — with every problem named by its key. Numbers, dates and yes/no may
//! come as text (as a form sends them) or as JSON values (as the API sends them).

use crate::values::{parse_decimal, parse_yes_no};
use crate::{Problem, ValidationErrors};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use uuid::Uuid;

/// The fields of one object being read; what is taken is remembered, so that what is left over
/// can be named as unknown.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    taken: BTreeSet<&'static str>,
    pub errors: ValidationErrors,
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "ja" } else { "nee" }.to_string()),
        _ => None,
    }
}

impl<'a> Fields<'a> {
    /// The object's fields; anything else is one problem on the whole input.
    pub fn of(value: &'a Value) -> Result<Fields<'a>, ValidationErrors> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                taken: BTreeSet::new(),
                errors: ValidationErrors::default(),
            }),
            _ => {
                let mut errors = ValidationErrors::default();
                errors.push("", Problem::NotAnObject);
                Err(errors)
            }
        }
    }

    fn raw(&mut self, key: &'static str) -> Option<&'a Value> {
        self.taken.insert(key);
        self.map.get(key).filter(|v| match v {
            Value::Null => false,
            Value::String(s) => !s.trim().is_empty(),
            _ => true,
        })
    }

    /// Whether the field is given (not null, not blank).
    pub fn present(&mut self, key: &'static str) -> bool {
        self.raw(key).is_some()
    }

    /// The field's value as it came, when given.
    pub fn value(&mut self, key: &'static str) -> Option<&'a Value> {
        self.raw(key)
    }

    /// Text of at most `max` characters; `required` makes an empty one a problem.
    pub fn text(&mut self, key: &'static str, required: bool, max: usize) -> String {
        match self.raw(key) {
            None => {
                if required {
                    self.errors.push(key, Problem::Required);
                }
                String::new()
            }
            Some(Value::String(s)) => {
                let s = s.trim().to_string();
                if s.chars().count() > max {
                    self.errors.push(key, Problem::TooLong { max });
                }
                s
            }
            Some(_) => {
                self.errors.push(key, Problem::NotText);
                String::new()
            }
        }
    }

    /// A number, not negative, at most `max`.
    pub fn amount(&mut self, key: &'static str, max: f64) -> f64 {
        let parsed = match self.raw(key) {
            None => {
                self.errors.push(key, Problem::Required);
                return 0.0;
            }
            Some(Value::Number(n)) => n.as_f64().ok_or(Problem::NotANumber),
            Some(Value::String(s)) => parse_decimal(s),
            Some(_) => Err(Problem::NotANumber),
        };
        match parsed {
            Ok(v) if v < 0.0 => {
                self.errors.push(key, Problem::Negative);
                0.0
            }
            Ok(v) if !v.is_finite() || v > max => {
                self.errors.push(
                    key,
                    Problem::OutOfRange {
                        min: 0,
                        max: max as i64,
                    },
                );
                0.0
            }
            Ok(v) => v,
            Err(p) => {
                self.errors.push(key, p);
                0.0
            }
        }
    }

    /// A whole number from `min` to `max`.
    pub fn whole(&mut self, key: &'static str, min: i64, max: i64) -> i64 {
        let parsed = match self.raw(key) {
            None => {
                self.errors.push(key, Problem::Required);
                return min;
            }
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
            Some(_) => None,
        };
        match parsed {
            Some(v) if (min..=max).contains(&v) => v,
            Some(_) => {
                self.errors.push(key, Problem::OutOfRange { min, max });
                min
            }
            None => {
                self.errors.push(key, Problem::NotAnInteger);
                min
            }
        }
    }

    /// A date (`2027-03-31` or `31-03-2027`); `None` when absent and not required.
    pub fn date(&mut self, key: &'static str, required: bool) -> Option<NaiveDate> {
        match self.raw(key).map(text_of) {
            None => {
                if required {
                    self.errors.push(key, Problem::Required);
                }
                None
            }
            Some(text) => {
                let text = text.unwrap_or_default();
                let parsed = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(&text, "%d-%m-%Y"))
                    .ok();
                if parsed.is_none() {
                    self.errors.push(key, Problem::NotADate);
                }
                parsed
            }
        }
    }

    /// Yes or no; absent is no.
    pub fn yes_no(&mut self, key: &'static str) -> bool {
        match self.raw(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => match text_of(v).as_deref().and_then(parse_yes_no) {
                Some(b) => b,
                None => {
                    self.errors.push(key, Problem::NotABoolean);
                    false
                }
            },
        }
    }

    /// One of a fixed list of codes; `None` when absent (a problem when `required`) or unknown.
    pub fn code<T: Copy>(
        &mut self,
        key: &'static str,
        all: &[T],
        code: fn(T) -> &'static str,
        required: bool,
    ) -> Option<T> {
        let Some(value) = self.raw(key) else {
            if required {
                self.errors.push(key, Problem::Required);
            }
            return None;
        };
        let text = text_of(value).unwrap_or_default();
        let found = all.iter().copied().find(|c| code(*c) == text);
        if found.is_none() {
            self.errors.push(
                key,
                Problem::NotInList {
                    allowed: all.iter().map(|c| code(*c)).collect(),
                },
            );
        }
        found
    }

    /// An id; `None` when absent and not required.
    pub fn id(&mut self, key: &'static str, required: bool) -> Option<Uuid> {
        match self.raw(key) {
            None => {
                if required {
                    self.errors.push(key, Problem::Required);
                }
                None
            }
            Some(v) => {
                let parsed = text_of(v).and_then(|t| Uuid::parse_str(&t).ok());
                if parsed.is_none() {
                    self.errors.push(key, Problem::NotAnId);
                }
                parsed
            }
        }
    }

    /// A list of ids (a JSON array, or one id as a form sends a single choice).
    pub fn ids(&mut self, key: &'static str) -> Vec<Uuid> {
        let items: Vec<&Value> = match self.raw(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(v @ Value::String(_)) => vec![v],
            Some(_) => {
                self.errors.push(key, Problem::NotAList);
                return Vec::new();
            }
        };
        let mut ids = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            match text_of(item).and_then(|t| Uuid::parse_str(&t).ok()) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => self.errors.push(format!("{key}[{i}]"), Problem::NotAnId),
            }
        }
        ids
    }

    /// A list of objects (a JSON array), or from a form a text of one item per line.
    pub fn list(&mut self, key: &'static str) -> ListInput<'a> {
        match self.raw(key) {
            None => ListInput::Objects(Vec::new()),
            Some(Value::Array(items)) => ListInput::Objects(items.iter().collect()),
            Some(Value::String(text)) => ListInput::Lines(text.as_str()),
            Some(_) => {
                self.errors.push(key, Problem::NotAList);
                ListInput::Objects(Vec::new())
            }
        }
    }

    /// Names every field that was not asked for, and returns the problems found.
    pub fn finish<T>(mut self, value: T) -> Result<T, ValidationErrors> {
        for key in self.map.keys() {
            if !self.taken.contains(key.as_str()) {
                self.errors.push(key.clone(), Problem::UnknownField);
            }
        }
        self.errors.into_result(value)
    }
}

/// A list field as it came.
pub enum ListInput<'a> {
    Objects(Vec<&'a Value>),
    Lines(&'a str),
}
