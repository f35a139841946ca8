//! Property tests: the parsers and the validation never panic, whatever they are given, and
//! what they accept survives a round trip.

use proptest::prelude::*;
use regisseur_domain::landscape::{EntityKind, InputMode, validate};
use regisseur_domain::values::{Cents, Country, Email, Slug};
use serde_json::{Map, Value};

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        "[0-9a-f-]{0,40}".prop_map(Value::String),
        prop::collection::vec(".{0,10}".prop_map(Value::String), 0..4).prop_map(Value::Array),
    ]
}

fn field_names() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = EntityKind::ALL
        .iter()
        .flat_map(|k| k.fields().iter().map(|f| f.name.to_string()))
        .collect();
    names.push("onbekend".into());
    prop::sample::select(names)
}

proptest! {
    #[test]
    fn euro_parsing_never_panics(text in ".{0,30}") {
        let _ = Cents::parse_euros(&text);
    }

    #[test]
    fn euro_text_round_trips(cents in 0i64..Cents::MAX) {
        let text = Cents(cents).to_euro_text();
        prop_assert_eq!(Cents::parse_euros(&text), Ok(Cents(cents)));
    }

    #[test]
    fn value_parsers_never_panic(text in ".{0,60}") {
        let _ = Country::parse(&text);
        let _ = Email::parse(&text);
        let _ = Slug::parse(&text);
    }

    #[test]
    fn validation_never_panics_and_accepts_its_own_output(
        kind in prop::sample::select(EntityKind::ALL.to_vec()),
        fields in prop::collection::btree_map(field_names(), json_leaf(), 0..12),
        form in any::<bool>(),
    ) {
        let input: Map<String, Value> = fields.into_iter().collect();
        let mode = if form { InputMode::Form } else { InputMode::Api };
        let (record, errors) = validate(kind, &input, mode, &|_| true);
        if errors.is_empty() {
            // What validation accepted is canonical: validating it again changes nothing.
            let (again, errors) = validate(kind, record.fields(), InputMode::Api, &|_| true);
            prop_assert!(errors.is_empty(), "{}", errors);
            prop_assert_eq!(again, record);
        }
    }
}
