//! Which data set an application's data is in: the one answer the application list's export
//! writes and its import reads back, so that a round trip through a list changes nothing.

use super::EntityKind;
use serde_json::{Map, Value};
use uuid::Uuid;

/// The relation kinds by which an application (or component) keeps or processes a data set.
pub const DATA_RELATIONS: [&str; 2] = ["slaat-op", "verwerkt"];

/// The name the import gives the data set it makes for the data of an application.
pub fn own_data_set_name(application: &str) -> String {
    format!("Gegevens in {application}")
}

/// An element as `data_set_of` reads it: id, kind and fields.
pub type ElementView<'a> = (Uuid, EntityKind, &'a Map<String, Value>);

/// The data set a row of the application list speaks of for `application` (its id and name):
/// the data set the import made for it (`own_data_set_name`), else the first data set it has a
/// `slaat-op` or `verwerkt` relation to, in register order.
pub fn data_set_of<'a, I>(application: Uuid, name: &str, elements: I) -> Option<Uuid>
where
    I: IntoIterator<Item = ElementView<'a>>,
{
    let own = own_data_set_name(name);
    let app = application.to_string();
    let mut data_sets = std::collections::HashSet::new();
    let mut named = None;
    let mut linked = Vec::new();
    for (id, kind, fields) in elements {
        let text = |field: &str| fields.get(field).and_then(Value::as_str);
        match kind {
            EntityKind::DataSet => {
                data_sets.insert(id);
                if named.is_none() && text("naam") == Some(own.as_str()) {
                    named = Some(id);
                }
            }
            EntityKind::Relation
                if text("soort").is_some_and(|s| DATA_RELATIONS.contains(&s))
                    && text("bronId") == Some(app.as_str()) =>
            {
                if let Some(target) = text("doelId").and_then(|s| Uuid::parse_str(s).ok()) {
                    linked.push(target);
                }
            }
            _ => {}
        }
    }
    named.or_else(|| linked.into_iter().find(|id| data_sets.contains(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn the_own_data_set_comes_before_a_linked_one_and_a_link_to_something_else_is_not_one() {
        let (app, linked, own, server) = (
            Uuid::from_u128(1),
            Uuid::from_u128(2),
            Uuid::from_u128(3),
            Uuid::from_u128(4),
        );
        let linked_fields = fields(json!({"naam": "Zaakdossiers"}));
        let own_fields = fields(json!({"naam": "Gegevens in Zaaksysteem"}));
        let server_fields = fields(json!({"naam": "Server"}));
        let to_server = fields(
            json!({"soort": "slaat-op", "bronId": app.to_string(), "doelId": server.to_string()}),
        );
        let to_linked = fields(
            json!({"soort": "verwerkt", "bronId": app.to_string(), "doelId": linked.to_string()}),
        );
        let mut elements = vec![
            (server, EntityKind::Component, &server_fields),
            (Uuid::from_u128(10), EntityKind::Relation, &to_server),
            (linked, EntityKind::DataSet, &linked_fields),
            (Uuid::from_u128(11), EntityKind::Relation, &to_linked),
        ];
        assert_eq!(
            data_set_of(app, "Zaaksysteem", elements.clone()),
            Some(linked)
        );
        elements.push((own, EntityKind::DataSet, &own_fields));
        assert_eq!(data_set_of(app, "Zaaksysteem", elements.clone()), Some(own));
        assert_eq!(data_set_of(app, "Anders", elements.clone()), Some(linked));
        assert_eq!(data_set_of(Uuid::from_u128(99), "Anders", elements), None);
    }
}
