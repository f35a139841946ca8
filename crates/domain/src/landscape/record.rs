//! Validation of an element's fields into a [`Record`]: the one place where input from the API,
//! a form or a file becomes a valid element. Every problem is collected, none stops the others.

use super::kind::EntityKind;
use super::spec::{Choice, FieldSpec, FieldType};
use crate::validation::{Problem, ValidationErrors};
use crate::values::{BivLevel, Cents, Country, Email, parse_yes_no};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use uuid::Uuid;

/// Where input comes from: the API sends typed JSON, a form sends text for everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Api,
    Form,
}

/// Longest free text accepted in a multi-line field.
pub const LONG_TEXT_MAX: usize = 1_000_000;

/// A valid element: its kind and its fields in canonical JSON form (money in cents, dates as
/// `YYYY-MM-DD`, ids as lower-case UUIDs; absent optional fields are left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    kind: EntityKind,
    fields: Map<String, Value>,
}

/// A reference from one field of a record to another element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub field: &'static str,
    pub target: Uuid,
    /// The kind the target must have; `None` for any kind but a relation.
    pub expected: Option<EntityKind>,
}

impl Record {
    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    pub fn fields(&self) -> &Map<String, Value> {
        &self.fields
    }

    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field)
    }

    pub fn text(&self, field: &str) -> Option<&str> {
        self.fields.get(field).and_then(Value::as_str)
    }

    pub fn name(&self) -> Option<&str> {
        self.text("naam")
    }

    /// Being introduced, in use or being phased out: counts as in use for the rules.
    pub fn in_use(&self) -> bool {
        matches!(
            self.text("levenscyclus"),
            Some("in-invoering" | "in-gebruik" | "uitfasering")
        )
    }

    /// A business-critical application in use.
    pub fn business_critical(&self) -> bool {
        self.kind == EntityKind::Application
            && self.in_use()
            && self.get("bedrijfskritisch").and_then(Value::as_bool) == Some(true)
    }

    pub fn into_json(self) -> Map<String, Value> {
        self.fields
    }

    /// Rebuilds a record from data this program stored earlier. Stored data was validated when
    /// it was written; it is validated again here so that a damaged row cannot pass unnoticed.
    pub fn from_stored(
        kind: EntityKind,
        fields: Map<String, Value>,
        is_reference_component: &dyn Fn(&str) -> bool,
    ) -> Result<Record, ValidationErrors> {
        let (record, errors) = validate(kind, &fields, InputMode::Api, is_reference_component);
        errors.into_result(record)
    }

    /// Every reference this record makes to another element.
    pub fn references(&self) -> Vec<Reference> {
        let mut refs = Vec::new();
        for spec in self.kind.fields() {
            let Some(value) = self.fields.get(spec.name) else {
                continue;
            };
            let expected = match spec.ty {
                FieldType::Ref(kind) | FieldType::RefList(kind) => Some(kind),
                FieldType::AnyRef => None,
                _ => continue,
            };
            let ids: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for id in ids {
                if let Some(target) = id.as_str().and_then(|s| Uuid::parse_str(s).ok()) {
                    refs.push(Reference {
                        field: spec.name,
                        target,
                        expected,
                    });
                }
            }
        }
        refs
    }

    /// The lower-cased text that `zoek` searches: the searchable fields, one per line.
    pub fn search_text(&self) -> String {
        self.kind
            .fields()
            .iter()
            .filter(|f| f.search)
            .filter_map(|f| self.text(f.name))
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Removes every reference to `target`. Returns `Err` with the field name when a required
    /// field refers to it: then this record cannot exist without the target.
    pub fn without_reference_to(&self, target: Uuid) -> Result<Record, &'static str> {
        let target_text = target.to_string();
        let mut fields = self.fields.clone();
        for spec in self.kind.fields() {
            match (spec.ty, fields.get_mut(spec.name)) {
                (FieldType::Ref(_) | FieldType::AnyRef, Some(Value::String(id)))
                    if *id == target_text =>
                {
                    if spec.required {
                        return Err(spec.name);
                    }
                    fields.remove(spec.name);
                }
                (FieldType::RefList(_), Some(Value::Array(items))) => {
                    items.retain(|v| v.as_str() != Some(target_text.as_str()));
                    if items.is_empty() {
                        fields.remove(spec.name);
                    }
                }
                _ => {}
            }
        }
        Ok(Record {
            kind: self.kind,
            fields,
        })
    }
}

/// Validates input for an element of `kind`. Returns the record made of every valid field and
/// the errors of every invalid one; the record may only be used when there are no errors.
/// `is_reference_component` says whether a GEMMA reference component id exists.
pub fn validate(
    kind: EntityKind,
    input: &Map<String, Value>,
    mode: InputMode,
    is_reference_component: &dyn Fn(&str) -> bool,
) -> (Record, ValidationErrors) {
    let mut errors = ValidationErrors::default();
    let mut fields = Map::new();
    for key in input.keys() {
        if kind.field(key).is_none() {
            errors.push(key.clone(), Problem::UnknownField);
        }
    }
    for spec in kind.fields() {
        let raw = input.get(spec.name).filter(|v| !is_blank(v, mode));
        match raw {
            None if spec.required => errors.push(spec.name, Problem::Required),
            None => {}
            Some(value) => match parse_field(spec, value, mode, is_reference_component) {
                Ok(Some(parsed)) => {
                    fields.insert(spec.name.to_string(), parsed);
                }
                Ok(None) if spec.required => errors.push(spec.name, Problem::Required),
                Ok(None) => {}
                Err(problem) => errors.push(spec.name, problem),
            },
        }
    }
    check_across_fields(kind, &fields, &mut errors);
    (Record { kind, fields }, errors)
}

fn is_blank(value: &Value, mode: InputMode) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => mode == InputMode::Form && s.trim().is_empty(),
        Value::Array(items) => mode == InputMode::Form && items.is_empty(),
        _ => false,
    }
}

fn parse_field(
    spec: &FieldSpec,
    value: &Value,
    mode: InputMode,
    is_reference_component: &dyn Fn(&str) -> bool,
) -> Result<Option<Value>, Problem> {
    let text = || value.as_str().map(str::trim).ok_or(Problem::NotText);
    Ok(Some(match spec.ty {
        FieldType::Text { max } => return bounded_text(text()?, max),
        FieldType::LongText => return bounded_text(text()?, LONG_TEXT_MAX),
        FieldType::Choice(choices) => Value::String(choice(choices, text()?)?.to_string()),
        FieldType::Bool => Value::Bool(match (value, mode) {
            (Value::Bool(b), _) => *b,
            (Value::String(s), InputMode::Form) => parse_yes_no(s).ok_or(Problem::NotABoolean)?,
            _ => return Err(Problem::NotABoolean),
        }),
        FieldType::Money => {
            let cents = match (value, mode) {
                (Value::Number(n), _) => Cents::new(n.as_i64().ok_or(Problem::NotAnAmount)?)?,
                (Value::String(s), InputMode::Form) => Cents::parse_euros(s)?,
                _ => return Err(Problem::NotAnAmount),
            };
            Value::from(cents.0)
        }
        FieldType::Date => Value::String(parse_date(text()?)?.format("%Y-%m-%d").to_string()),
        FieldType::Integer { min, max } => {
            let n = integer(value, mode)?;
            if !(min..=max).contains(&n) {
                return Err(Problem::OutOfRange { min, max });
            }
            Value::from(n)
        }
        FieldType::Biv => Value::from(BivLevel::new(integer(value, mode)?)?.get()),
        FieldType::Ref(_) | FieldType::AnyRef => Value::String(parse_id(text()?)?),
        FieldType::RefList(_) => {
            let ids = list(value, mode)?
                .into_iter()
                .map(parse_id)
                .collect::<Result<Vec<_>, _>>()?;
            if ids.is_empty() {
                return Ok(None);
            }
            Value::from(dedup(ids))
        }
        FieldType::ReferenceComponents => {
            let ids: Vec<String> = list(value, mode)?
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect();
            if ids.iter().any(|id| !is_reference_component(id)) {
                return Err(Problem::NotAReferenceComponent);
            }
            if ids.is_empty() {
                return Ok(None);
            }
            Value::from(dedup(ids))
        }
        FieldType::Country => Value::String(Country::parse(text()?)?.code().to_string()),
        FieldType::Email => Value::String(Email::parse(text()?)?.as_str().to_string()),
        FieldType::Properties => {
            let pairs = properties(value, mode)?;
            if pairs.is_empty() {
                return Ok(None);
            }
            Value::Object(pairs)
        }
        FieldType::Kvk => {
            let kvk = text()?;
            if kvk.len() != 8 || !kvk.chars().all(|c| c.is_ascii_digit()) {
                return Err(Problem::InvalidKvk);
            }
            Value::String(kvk.to_string())
        }
    }))
}

/// Text without surrounding spaces; empty text counts as absent.
/// Most name–value pairs one element may carry, and their lengths.
pub const MAX_PROPERTIES: usize = 200;
const PROPERTY_NAME_MAX: usize = 100;
const PROPERTY_VALUE_MAX: usize = LONG_TEXT_MAX;

/// Name–value pairs: a JSON object of texts, or in a form one `name: value` per line.
fn properties(value: &Value, mode: InputMode) -> Result<Map<String, Value>, Problem> {
    let pairs: Vec<(String, String)> = match (value, mode) {
        (Value::Object(map), _) => map
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k.trim().to_string(), s.trim().to_string())),
                Value::Number(n) => Ok((k.trim().to_string(), n.to_string())),
                Value::Bool(b) => Ok((k.trim().to_string(), b.to_string())),
                _ => Err(Problem::NotText),
            })
            .collect::<Result<_, _>>()?,
        (Value::String(text), InputMode::Form) => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| match line.split_once(':') {
                Some((k, v)) => Ok((k.trim().to_string(), v.trim().to_string())),
                None => Err(Problem::NotAProperty),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(Problem::NotAProperty),
    };
    if pairs.len() > MAX_PROPERTIES {
        return Err(Problem::TooLong {
            max: MAX_PROPERTIES,
        });
    }
    let mut map = Map::new();
    for (name, value) in pairs {
        if name.is_empty()
            || name.chars().count() > PROPERTY_NAME_MAX
            || value.chars().count() > PROPERTY_VALUE_MAX
        {
            return Err(Problem::NotAProperty);
        }
        if !value.is_empty() {
            map.insert(name, Value::String(value));
        }
    }
    Ok(map)
}

fn bounded_text(text: &str, max: usize) -> Result<Option<Value>, Problem> {
    if text.chars().count() > max {
        Err(Problem::TooLong { max })
    } else if text.is_empty() {
        Ok(None)
    } else {
        Ok(Some(Value::String(text.to_string())))
    }
}

fn choice(choices: &'static [Choice], text: &str) -> Result<&'static str, Problem> {
    choices
        .iter()
        .find(|c| c.value.eq_ignore_ascii_case(text))
        .map(|c| c.value)
        .ok_or_else(|| Problem::NotInList {
            allowed: choices.iter().map(|c| c.value).collect(),
        })
}

fn integer(value: &Value, mode: InputMode) -> Result<i64, Problem> {
    match (value, mode) {
        (Value::Number(n), _) => n.as_i64().ok_or(Problem::NotAnInteger),
        (Value::String(s), InputMode::Form) => s.trim().parse().map_err(|_| Problem::NotAnInteger),
        _ => Err(Problem::NotAnInteger),
    }
}

fn list(value: &Value, mode: InputMode) -> Result<Vec<&str>, Problem> {
    match (value, mode) {
        (Value::Array(items), _) => items
            .iter()
            .map(|v| v.as_str().map(str::trim).ok_or(Problem::NotAnId))
            .filter(|r| r.as_ref().map_or(true, |s| !s.is_empty()))
            .collect(),
        (Value::String(s), InputMode::Form) => Ok(vec![s.trim()]),
        _ => Err(Problem::NotAList),
    }
}

fn dedup(mut ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    ids
}

/// Parses an id; answers it in the canonical lower-case hyphenated form.
pub fn parse_id(text: &str) -> Result<String, Problem> {
    Uuid::parse_str(text.trim())
        .map(|id| id.to_string())
        .map_err(|_| Problem::NotAnId)
}

/// Parses a calendar date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Problem::NotADate)
}

fn check_across_fields(
    kind: EntityKind,
    fields: &Map<String, Value>,
    errors: &mut ValidationErrors,
) {
    let text = |name: &str| fields.get(name).and_then(Value::as_str);
    // Two ends that must differ.
    let same_ends = match kind {
        EntityKind::Interface => Some(("vanApplicatieId", "naarApplicatieId")),
        // An ArchiMate relationship may relate an element to itself; a dependency may not.
        EntityKind::Relation
            if !text("soort").is_some_and(|soort| {
                super::spec::ARCHIMATE_RELATION_TYPE
                    .iter()
                    .any(|(t, _)| *t == soort)
            }) =>
        {
            Some(("bronId", "doelId"))
        }
        _ => None,
    };
    if let Some((first, second)) = same_ends
        && text(first).is_some()
        && text(first) == text(second)
    {
        errors.push(second, Problem::SameAs { other: first });
    }
    if kind == EntityKind::Contract
        && let (Some(start), Some(end)) = (text("startdatum"), text("einddatum"))
        && end < start
    {
        errors.push(
            "einddatum",
            Problem::DateBefore {
                other: "startdatum",
            },
        );
    }
}

/// Whether a relation of type `relation_type` may run from an element of kind `from` to one of
/// kind `to` (REFERENCE.md §1). The six typed dependencies never point at relations; the
/// ArchiMate relationship types may run between any two elements, relations included, as an
/// architecture model may have them.
pub fn relation_allowed(relation_type: &str, from: EntityKind, to: EntityKind) -> bool {
    use EntityKind::*;
    if super::spec::ARCHIMATE_RELATION_TYPE
        .iter()
        .any(|(t, _)| *t == relation_type)
    {
        return true;
    }
    if from == Relation || to == Relation {
        return false;
    }
    match relation_type {
        "draait-op" => matches!(from, Application | Component) && to == Component,
        "gebruikt" => true,
        "slaat-op" => matches!(from, Application | Component) && to == DataSet,
        "geleverd-door" => {
            matches!(from, Application | Component | DataSet | Contract) && to == Supplier
        }
        "valt-onder" => matches!(from, Application | Component | DataSet) && to == Contract,
        "verwerkt" => matches!(from, Application | Supplier) && to == DataSet,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn no_gemma(_: &str) -> bool {
        false
    }

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn collects_every_problem_at_once() {
        let input = obj(json!({
            "naam": "",
            "levenscyclus": "kapot",
            "beschikbaarheid": 4,
            "jaarkostenCenten": "12,50",
            "leverancierId": "geen-uuid",
            "kleur": "blauw"
        }));
        let (_, errors) = validate(EntityKind::Application, &input, InputMode::Api, &no_gemma);
        for field in [
            "naam",
            "levenscyclus",
            "beschikbaarheid",
            "jaarkostenCenten",
            "leverancierId",
            "kleur",
        ] {
            assert!(errors.has(field), "{field} not reported: {errors}");
        }
        assert_eq!(
            errors.for_field("kleur").map(|e| &e.problem),
            Some(&Problem::UnknownField)
        );
        assert_eq!(errors.0.len(), 6);
    }

    #[test]
    fn form_input_is_read_as_people_type_it() {
        let input = obj(json!({
            "naam": "  Zaaksysteem  ",
            "levenscyclus": "in-gebruik",
            "bedrijfskritisch": "ja",
            "jaarkostenCenten": "€ 12.345,67",
            "beschikbaarheid": "3",
            "softwareversie": ""
        }));
        let (record, errors) =
            validate(EntityKind::Application, &input, InputMode::Form, &no_gemma);
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(record.name(), Some("Zaaksysteem"));
        assert_eq!(record.get("bedrijfskritisch"), Some(&json!(true)));
        assert_eq!(record.get("jaarkostenCenten"), Some(&json!(1_234_567)));
        assert_eq!(record.get("beschikbaarheid"), Some(&json!(3)));
        assert_eq!(record.get("softwareversie"), None);
    }

    #[test]
    fn api_input_is_strict_about_types() {
        let input =
            obj(json!({"naam": "X", "levenscyclus": "in-gebruik", "bedrijfskritisch": "ja"}));
        let (_, errors) = validate(EntityKind::Application, &input, InputMode::Api, &no_gemma);
        assert!(errors.has("bedrijfskritisch"));
    }

    #[test]
    fn contract_end_before_start_is_refused() {
        let supplier = Uuid::now_v7().to_string();
        let input = obj(json!({"naam": "Hosting", "leverancierId": supplier,
            "startdatum": "2025-01-01", "einddatum": "2024-12-31"}));
        let (_, errors) = validate(EntityKind::Contract, &input, InputMode::Api, &no_gemma);
        assert!(errors.has("einddatum"));
    }

    #[test]
    fn reference_components_are_checked_against_the_catalogue() {
        let known = |id: &str| id == "abc";
        let input =
            obj(json!({"naam": "X", "levenscyclus": "gepland", "referentiecomponentIds": ["ABC"]}));
        let (record, errors) = validate(EntityKind::Application, &input, InputMode::Api, &known);
        assert!(errors.is_empty());
        assert_eq!(record.get("referentiecomponentIds"), Some(&json!(["abc"])));
        let input =
            obj(json!({"naam": "X", "levenscyclus": "gepland", "referentiecomponentIds": ["xyz"]}));
        let (_, errors) = validate(EntityKind::Application, &input, InputMode::Api, &known);
        assert!(errors.has("referentiecomponentIds"));
    }

    #[test]
    fn references_and_removal() {
        let supplier = Uuid::now_v7();
        let person = Uuid::now_v7();
        let input = obj(json!({"naam": "X", "levenscyclus": "gepland",
            "leverancierId": supplier.to_string(), "eigenaarId": person.to_string()}));
        let (record, errors) = validate(EntityKind::Application, &input, InputMode::Api, &no_gemma);
        assert!(errors.is_empty());
        let refs = record.references();
        assert_eq!(refs.len(), 2);
        assert!(
            refs.iter()
                .any(|r| r.target == supplier && r.expected == Some(EntityKind::Supplier))
        );
        let cleared = record
            .without_reference_to(supplier)
            .expect("optional reference");
        assert_eq!(cleared.get("leverancierId"), None);
        assert!(cleared.get("eigenaarId").is_some());

        let contract = obj(json!({"naam": "C", "leverancierId": supplier.to_string()}));
        let (contract, _) = validate(EntityKind::Contract, &contract, InputMode::Api, &no_gemma);
        assert_eq!(
            contract.without_reference_to(supplier),
            Err("leverancierId")
        );
    }

    #[test]
    fn properties_from_forms_and_the_api() {
        let form = obj(
            json!({"naam": "X", "levenscyclus": "gepland", "eigenschappen": "Afdeling: Burgerzaken\n\nSLA-niveau : Goud"}),
        );
        let (record, errors) = validate(EntityKind::Application, &form, InputMode::Form, &no_gemma);
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(
            record.get("eigenschappen"),
            Some(&json!({"Afdeling": "Burgerzaken", "SLA-niveau": "Goud"}))
        );
        let bad = obj(
            json!({"naam": "X", "levenscyclus": "gepland", "eigenschappen": "zonder dubbele punt"}),
        );
        let (_, errors) = validate(EntityKind::Application, &bad, InputMode::Form, &no_gemma);
        assert!(errors.has("eigenschappen"));
        let api = obj(
            json!({"naam": "X", "levenscyclus": "gepland", "eigenschappen": {"Kolom": ["geen tekst"]}}),
        );
        let (_, errors) = validate(EntityKind::Application, &api, InputMode::Api, &no_gemma);
        assert!(errors.has("eigenschappen"));
    }

    #[test]
    fn relation_rules() {
        use EntityKind::*;
        assert!(relation_allowed("draait-op", Application, Component));
        assert!(!relation_allowed("draait-op", Component, Application));
        assert!(relation_allowed("slaat-op", Application, DataSet));
        assert!(!relation_allowed("valt-onder", Application, Supplier));
        assert!(!relation_allowed("gebruikt", Relation, Application));
        assert!(relation_allowed("associatie", Relation, Application));
        assert!(relation_allowed("aggregatie", ModelElement, Relation));
        assert!(!relation_allowed("onbekend", Application, Component));
    }

    #[test]
    fn search_text_is_lower_case() {
        let input = obj(
            json!({"naam": "Suite4Sociaal Domein", "softwareversie": "R2026", "levenscyclus": "in-gebruik"}),
        );
        let (record, _) = validate(EntityKind::Application, &input, InputMode::Api, &no_gemma);
        assert_eq!(record.search_text(), "suite4sociaal domein\nr2026");
    }
}
