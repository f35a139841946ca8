//! Turning stored values into what people read, and back into form values.

use crate::kit::i18n::T;
use regisseur_domain::Lang;
use regisseur_domain::landscape::{EntityKind, FieldSpec, FieldType, Record, choice_label};
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_domain::values::{BivLevel, Cents, Country};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// A piece of text, with a link when it names another element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub href: Option<String>,
}

impl Part {
    pub fn plain(text: impl Into<String>) -> Part {
        Part {
            text: text.into(),
            href: None,
        }
    }
}

pub type Names = HashMap<Uuid, (EntityKind, String)>;

pub fn element_href(slug: &str, kind: EntityKind, id: Uuid) -> String {
    format!("/o/{slug}/{}/{id}", kind.resource())
}

/// A date as the tables write it: `31-03-2027`.
pub fn date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A stored date (`2027-03-31`) as the tables write it; anything else as it is.
pub fn date_text(text: &str) -> String {
    regisseur_domain::landscape::parse_date(text)
        .map(date)
        .unwrap_or_else(|_| text.to_string())
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        T(lang).s("yes")
    } else {
        T(lang).s("no")
    }
}

/// How a field's value reads on a page; empty when the field is empty.
pub fn display(
    spec: &FieldSpec,
    value: Option<&Value>,
    slug: &str,
    names: &Names,
    catalog: &ReferenceCatalog,
    lang: Lang,
) -> Vec<Part> {
    let Some(value) = value else {
        return Vec::new();
    };
    let reference = |id: &str| -> Part {
        match Uuid::parse_str(id)
            .ok()
            .and_then(|u| names.get(&u).map(|n| (u, n)))
        {
            Some((uuid, (kind, name))) => Part {
                text: name.clone(),
                href: Some(element_href(slug, *kind, uuid)),
            },
            None => Part::plain(T(lang).s("view-unknown")),
        }
    };
    match spec.ty {
        FieldType::Text { .. } | FieldType::LongText | FieldType::Email | FieldType::Kvk => {
            vec![Part::plain(value.as_str().unwrap_or(""))]
        }
        FieldType::Choice(choices) => vec![Part::plain(choice_label(
            choices,
            value.as_str().unwrap_or(""),
            lang,
        ))],
        FieldType::Bool => vec![Part::plain(yes_no(value.as_bool().unwrap_or(false), lang))],
        FieldType::Money => vec![Part::plain(Cents(value.as_i64().unwrap_or(0)).to_string())],
        FieldType::Date => vec![Part::plain(date_text(value.as_str().unwrap_or("")))],
        FieldType::Integer { .. } => vec![Part::plain(value.to_string())],
        FieldType::Biv => {
            let level = value.as_i64().and_then(|n| BivLevel::new(n).ok());
            vec![Part::plain(level.map_or_else(String::new, |l| {
                format!("{} ({})", l.get(), l.label(lang))
            }))]
        }
        FieldType::Ref(_) | FieldType::AnyRef => vec![reference(value.as_str().unwrap_or(""))],
        FieldType::RefList(_) => value
            .as_array()
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .map(reference)
                    .collect()
            })
            .unwrap_or_default(),
        FieldType::ReferenceComponents => value
            .as_array()
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .map(|id| {
                        Part::plain(catalog.get(id).map_or(id.to_string(), |c| c.naam.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        FieldType::Properties => value
            .as_object()
            .map(|pairs| {
                pairs
                    .iter()
                    .map(|(k, v)| Part::plain(format!("{k}: {}", v.as_str().unwrap_or(""))))
                    .collect()
            })
            .unwrap_or_default(),
        FieldType::Country => {
            let code = value.as_str().unwrap_or("");
            let name = Country::parse(code).map(|c| {
                let eea = if c.in_eea() {
                    ""
                } else {
                    T(lang).s("view-outside-the-eea")
                };
                format!("{}{eea}", c.name(lang))
            });
            vec![Part::plain(name.unwrap_or_else(|_| code.to_string()))]
        }
    }
}

/// The ids a record refers to, to look up their names in one go.
pub fn referenced_ids<'a>(records: impl IntoIterator<Item = &'a Record>) -> BTreeSet<Uuid> {
    records
        .into_iter()
        .flat_map(|r| r.references().into_iter().map(|reference| reference.target))
        .collect()
}

/// The form value of a stored field: euros in Dutch notation, ja/nee, plain text.
pub fn form_value(spec: &FieldSpec, value: Option<&Value>) -> Vec<String> {
    let Some(value) = value else {
        return Vec::new();
    };
    match (spec.ty, value) {
        (FieldType::Money, Value::Number(n)) => vec![Cents(n.as_i64().unwrap_or(0)).to_euro_text()],
        (FieldType::Bool, Value::Bool(b)) => vec![if *b { "ja".into() } else { "nee".into() }],
        (FieldType::Properties, Value::Object(pairs)) => vec![
            pairs
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or("")))
                .collect::<Vec<_>>()
                .join("\n"),
        ],
        (_, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        (_, Value::String(s)) => vec![s.clone()],
        (_, other) => vec![other.to_string()],
    }
}

/// The name of an element as lists and links show it; a relation reads as its two ends.
pub fn element_label(record: &Record, names: &Names, lang: Lang) -> String {
    if let Some(name) = record.name() {
        return name.to_string();
    }
    let end = |field: &str| {
        record
            .text(field)
            .and_then(|s| Uuid::parse_str(s).ok())
            .and_then(|id| names.get(&id))
            .map_or("?".to_string(), |(_, n)| n.clone())
    };
    match record.kind() {
        EntityKind::Relation => format!(
            "{} {} {}",
            end("bronId"),
            choice_label(
                regisseur_domain::landscape::RELATION_TYPE,
                record.text("soort").unwrap_or(""),
                lang
            ),
            end("doelId")
        ),
        EntityKind::Interface => {
            format!("{} → {}", end("vanApplicatieId"), end("naarApplicatieId"))
        }
        _ => T(lang).s("view-no-name").to_string(),
    }
}

/// Which fields differ between two audit values; nothing for a creation or a deletion.
pub fn changed_fields(old: Option<&Value>, new: Option<&Value>) -> Vec<String> {
    if old.is_none() || new.is_none() {
        return Vec::new();
    }
    let keys = |v: Option<&Value>| -> BTreeSet<String> {
        v.and_then(Value::as_object)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let all: BTreeSet<String> = keys(old).union(&keys(new)).cloned().collect();
    all.into_iter()
        .filter(|k| k != "versie" && k != "id")
        .filter(|k| old.and_then(|o| o.get(k)) != new.and_then(|n| n.get(k)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changed_fields_ignores_version() {
        let old = json!({"naam": "A", "versie": 1, "x": 1});
        let new = json!({"naam": "B", "versie": 2, "x": 1, "y": true});
        assert_eq!(changed_fields(Some(&old), Some(&new)), vec!["naam", "y"]);
        assert!(changed_fields(None, Some(&new)).is_empty());
    }

    #[test]
    fn money_and_booleans_in_forms() {
        let spec = EntityKind::Application
            .field("jaarkostenCenten")
            .expect("field");
        assert_eq!(form_value(spec, Some(&json!(1_234_567))), vec!["12.345,67"]);
        let spec = EntityKind::Application
            .field("bedrijfskritisch")
            .expect("field");
        assert_eq!(form_value(spec, Some(&json!(false))), vec!["nee"]);
    }
}
