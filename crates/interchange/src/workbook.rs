//! Import of the register workbook that Regisseur exports: one sheet per kind, an `id` column,
//! a column per field and, hidden, the ids behind every reference. Importing it into an empty
//! organisation reproduces the register; importing it into the same organisation updates the
//! elements it names by id.

use crate::Issue;
use crate::export::{KindColumn, kind_columns};
use crate::plan::{Counts, Existing, Plan, RowOutcome};
use crate::sheet::{Cell, Grid};
use regisseur_domain::Lang;
use regisseur_domain::landscape::{Change, EntityKind, FieldType, InputMode, validate};
use regisseur_domain::reference::ReferenceCatalog;
use serde_json::{Map, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// The order in which kinds are read: each refers only to kinds read before it.
const ORDER: [EntityKind; 9] = [
    EntityKind::Person,
    EntityKind::Supplier,
    EntityKind::Contract,
    EntityKind::Component,
    EntityKind::Application,
    EntityKind::DataSet,
    EntityKind::ModelElement,
    EntityKind::Interface,
    EntityKind::Relation,
];

fn kind_sheet(sheets: &[(String, Grid)], kind: EntityKind) -> Option<&Grid> {
    sheets
        .iter()
        .find(|(name, grid)| {
            name == kind.plural(Lang::Nl)
                && grid
                    .rows
                    .first()
                    .and_then(|r| r.first())
                    .is_some_and(|c| c.text() == "id")
        })
        .map(|(_, grid)| grid)
}

/// Whether the sheets are a register workbook (as exported), not an application list.
pub fn is_register_workbook(sheets: &[(String, Grid)]) -> bool {
    ORDER.iter().any(|kind| kind_sheet(sheets, *kind).is_some())
}

struct Mapping {
    /// Old id (in the file) → id in this organisation.
    ids: HashMap<Uuid, Uuid>,
    /// (kind, lower-cased name) → id in this organisation, for cells without an id.
    names: HashMap<(EntityKind, String), Uuid>,
}

impl Mapping {
    fn resolve_id(&self, text: &str) -> Option<Uuid> {
        Uuid::parse_str(text.trim())
            .ok()
            .and_then(|old| self.ids.get(&old).copied())
    }

    fn resolve_name(&self, kinds: &[EntityKind], name: &str) -> Option<Uuid> {
        let key = name.trim().to_lowercase();
        kinds
            .iter()
            .find_map(|k| self.names.get(&(*k, key.clone())).copied())
    }
}

/// Plans the import of a register workbook against the register as it is.
pub fn plan_register_workbook(
    sheets: &[(String, Grid)],
    existing: &[Existing],
    catalog: &ReferenceCatalog,
) -> Plan {
    let mut plan = Plan::default();
    let current: HashMap<Uuid, &Existing> = existing.iter().map(|e| (e.id, e)).collect();
    let mut mapping = Mapping {
        ids: HashMap::new(),
        names: HashMap::new(),
    };
    // Existing elements by kind and name (several may share one), and those a row already is.
    let mut by_name: HashMap<(EntityKind, String), Vec<Uuid>> = HashMap::new();
    for e in existing {
        if let Some(name) = e.record.name() {
            by_name
                .entry((e.record.kind(), name.trim().to_lowercase()))
                .or_default()
                .push(e.id);
        }
    }
    let mut by_content: HashMap<(EntityKind, String), Vec<Uuid>> = HashMap::new();
    for e in existing.iter().filter(|e| e.record.name().is_none()) {
        by_content
            .entry((e.record.kind(), content_key(&e.record)))
            .or_default()
            .push(e.id);
    }
    let mut claimed: std::collections::HashSet<Uuid> = std::collections::HashSet::new();
    for e in existing {
        mapping.ids.insert(e.id, e.id);
        if let Some(name) = e.record.name() {
            mapping
                .names
                .insert((e.record.kind(), name.trim().to_lowercase()), e.id);
        }
    }
    for kind in ORDER {
        let Some(grid) = kind_sheet(sheets, kind) else {
            continue;
        };
        let header: Vec<String> = grid
            .rows
            .first()
            .map(|r| r.iter().map(Cell::text).collect())
            .unwrap_or_default();
        let columns = kind_columns(kind);
        // Where each column is in this sheet (people may move or drop columns).
        let position = |column: &KindColumn| header.iter().position(|h| *h == column.header());
        let counts = plan.per_kind.entry(kind).or_default();
        for (index, row) in grid.rows.iter().enumerate().skip(1) {
            if row.iter().all(Cell::is_empty) {
                continue;
            }
            let row_number = index + 1;
            let cell = |at: Option<usize>| {
                at.and_then(|i| row.get(i))
                    .map(Cell::text)
                    .unwrap_or_default()
            };
            let old_id_text = cell(Some(0));
            let old_id = match Uuid::parse_str(old_id_text.trim()) {
                Ok(old) => Some(old),
                Err(_) if old_id_text.trim().is_empty() => None,
                Err(_) => {
                    plan.errors.push(Issue {
                        row: row_number,
                        column: format!("{} / id", kind.plural(Lang::Nl)),
                        value: old_id_text,
                        message: "geen geldige id".into(),
                    });
                    continue;
                }
            };
            let mut fields = Map::new();
            let mut problems: Vec<(String, String, String)> = Vec::new();
            for column in columns.iter().filter(|c| !c.ids) {
                let text = cell(position(column));
                let ids_text = columns
                    .iter()
                    .find(|c| c.ids && c.field.name == column.field.name)
                    .map(|c| cell(position(c)))
                    .unwrap_or_default();
                let value = match field_value(column, &text, &ids_text, &mapping, catalog) {
                    Ok(Some(value)) => value,
                    Ok(None) => continue,
                    Err(message) => {
                        problems.push((column.header(), text.clone(), message));
                        continue;
                    }
                };
                fields.insert(column.field.name.to_string(), value);
            }
            let (record, errors) =
                validate(kind, &fields, InputMode::Form, &|id| catalog.contains(id));
            for error in &errors.0 {
                let label = kind
                    .field(&error.name)
                    .map_or(error.name.clone(), |f| f.nl.to_string());
                let value = fields
                    .get(&error.name)
                    .map(|v| v.as_str().map_or(v.to_string(), str::to_string))
                    .unwrap_or_default();
                problems.push((label, value, error.problem.message(Lang::Nl)));
            }
            for (column, value, message) in &problems {
                plan.errors.push(Issue {
                    row: row_number,
                    column: format!("{} / {column}", kind.plural(Lang::Nl)),
                    value: value.clone(),
                    message: message.clone(),
                });
            }
            if !problems.is_empty() {
                continue;
            }
            // The element this row is: the same id in this organisation, else one with the same
            // name, else (for elements without a name) one with the same content; else new.
            let unclaimed = |id: &Uuid| !claimed.contains(id);
            let id = old_id
                .filter(|old| current.contains_key(old) && unclaimed(old))
                .or_else(|| match record.name() {
                    // Of the elements with this name, the one with the same content, else the first.
                    Some(name) => {
                        let candidates: Vec<Uuid> = by_name
                            .get(&(kind, name.trim().to_lowercase()))?
                            .iter()
                            .copied()
                            .filter(unclaimed)
                            .collect();
                        candidates
                            .iter()
                            .copied()
                            .find(|id| current[id].record == record)
                            .or(candidates.first().copied())
                    }
                    // Without a name (relations, most interfaces): the one with the same content.
                    None => by_content
                        .get(&(kind, content_key(&record)))?
                        .iter()
                        .copied()
                        .find(unclaimed),
                })
                .unwrap_or_else(Uuid::now_v7);
            claimed.insert(id);
            if let Some(old) = old_id {
                mapping.ids.insert(old, id);
            }
            if let Some(name) = record.name() {
                mapping
                    .names
                    .entry((kind, name.trim().to_lowercase()))
                    .or_insert(id);
            }
            let name = record.name().unwrap_or("").to_string();
            let outcome = match current.get(&id) {
                Some(existing) if existing.record == record => {
                    counts.ongewijzigd += 1;
                    "ongewijzigd"
                }
                Some(existing) => {
                    counts.gewijzigd += 1;
                    plan.changes.push(Change::Update {
                        id,
                        kind,
                        version: existing.version,
                        fields: record.into_json(),
                    });
                    "gewijzigd"
                }
                None => {
                    counts.nieuw += 1;
                    plan.changes.push(Change::Create {
                        id,
                        kind,
                        fields: record.into_json(),
                    });
                    "nieuw"
                }
            };
            if kind == EntityKind::Application {
                plan.rows.push(RowOutcome {
                    row: row_number,
                    name,
                    outcome,
                });
            }
        }
    }
    plan.per_kind.retain(|_, c| *c != Counts::default());
    plan
}

/// The content of a record as one comparable text.
fn content_key(record: &regisseur_domain::landscape::Record) -> String {
    Value::Object(record.fields().clone()).to_string()
}

/// The value of one field from its cell (and, for references, the hidden id cell), in the form
/// the domain's form validation reads.
fn field_value(
    column: &KindColumn,
    text: &str,
    ids_text: &str,
    mapping: &Mapping,
    catalog: &ReferenceCatalog,
) -> Result<Option<Value>, String> {
    let text = text.trim();
    let targets: Vec<EntityKind> = match column.field.ty {
        FieldType::Ref(kind) | FieldType::RefList(kind) => vec![kind],
        FieldType::AnyRef => EntityKind::ALL.to_vec(),
        _ => Vec::new(),
    };
    let one = |id_text: &str, name: &str| -> Result<String, String> {
        mapping
            .resolve_id(id_text)
            .or_else(|| mapping.resolve_name(&targets, name))
            .map(|id| id.to_string())
            .ok_or_else(|| {
                format!("verwijst naar '{name}', dat niet in het register of de werkmap staat")
            })
    };
    match column.field.ty {
        FieldType::Ref(_) | FieldType::AnyRef => {
            if text.is_empty() && ids_text.trim().is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::from(one(ids_text, text)?)))
        }
        FieldType::RefList(_) => {
            let names: Vec<&str> = text
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            let ids: Vec<&str> = ids_text
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            let count = names.len().max(ids.len());
            let resolved = (0..count)
                .map(|i| {
                    one(
                        ids.get(i).copied().unwrap_or(""),
                        names.get(i).copied().unwrap_or(""),
                    )
                    .map(Value::from)
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((!resolved.is_empty()).then_some(Value::Array(resolved)))
        }
        FieldType::ReferenceComponents => {
            let ids = text
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|name| {
                    catalog
                        .by_name(name)
                        .map(|c| Value::from(c.id.clone()))
                        .ok_or_else(|| format!("geen GEMMA-referentiecomponent '{name}'"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((!ids.is_empty()).then_some(Value::Array(ids)))
        }
        FieldType::Date if !text.is_empty() => crate::applist::parse_date(text)
            .map(|d| Some(Value::from(d.format("%Y-%m-%d").to_string())))
            .ok_or_else(|| "geen geldige datum (dd-mm-jjjj)".to_string()),
        _ if text.is_empty() => Ok(None),
        _ => Ok(Some(Value::from(text.to_string()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ID_SUFFIX, register_workbook};
    use crate::sheet::{Format, read_sheets};
    use serde_json::json;

    fn element(kind: EntityKind, value: Value) -> Existing {
        let (record, errors) = validate(
            kind,
            value.as_object().expect("object"),
            InputMode::Api,
            &|id| ReferenceCatalog::gemma().contains(id),
        );
        assert!(errors.is_empty(), "{errors}");
        Existing {
            id: Uuid::now_v7(),
            version: 1,
            record,
        }
    }

    /// A small register with every kind and every kind of field.
    fn register() -> Vec<Existing> {
        let zaak = ReferenceCatalog::gemma()
            .by_name("Zaakregistratiecomponent")
            .expect("gemma")
            .id
            .clone();
        let person = element(
            EntityKind::Person,
            json!({"naam": "Petra", "email": "petra@voorbeeld.nl", "afdeling": "KCC"}),
        );
        let supplier = element(
            EntityKind::Supplier,
            json!({"naam": "Centric", "kvkNummer": "24255367", "land": "NL"}),
        );
        let twin = element(
            EntityKind::Supplier,
            json!({"naam": "Centric", "land": "BE"}),
        );
        let contract = element(
            EntityKind::Contract,
            json!({"naam": "Burgerzaken", "leverancierId": supplier.id.to_string(),
            "startdatum": "2019-01-01", "einddatum": "2027-12-31", "opzegtermijnMaanden": 12, "jaarwaardeCenten": 14_800_000, "gibitToegepast": true}),
        );
        let vm = element(
            EntityKind::Component,
            json!({"naam": "VM-01", "soort": "virtuele-machine", "eindeOndersteuning": "2028-01-31"}),
        );
        let app = element(
            EntityKind::Application,
            json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik", "leverancierId": twin.id.to_string(),
            "contractId": contract.id.to_string(), "eigenaarId": person.id.to_string(), "referentiecomponentIds": [zaak],
            "beschikbaarheid": 2, "bedrijfskritisch": false, "jaarkostenCenten": 1_234_567, "eigenschappen": {"Afdeling": "Publiekszaken"}}),
        );
        let other = element(
            EntityKind::Application,
            json!({"naam": "Website", "levenscyclus": "gepland"}),
        );
        let data = element(
            EntityKind::DataSet,
            json!({"naam": "Zaakdossiers", "opslaglocatie": "IE", "verwerkerId": supplier.id.to_string(),
            "subverwerkerIds": [supplier.id.to_string(), twin.id.to_string()], "verwerkersovereenkomst": true}),
        );
        let interface = element(
            EntityKind::Interface,
            json!({"vanApplicatieId": app.id.to_string(), "naarApplicatieId": other.id.to_string(), "standaard": "zgw-api"}),
        );
        let relation = element(
            EntityKind::Relation,
            json!({"soort": "draait-op", "bronId": app.id.to_string(), "doelId": vm.id.to_string()}),
        );
        vec![
            person, supplier, twin, contract, vm, app, other, data, interface, relation,
        ]
    }

    /// Every kind's sheet without the id columns: what a person reads.
    fn visible(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
        read_sheets(Format::Xlsx, bytes)
            .expect("sheets")
            .into_iter()
            .filter(|(name, _)| name != "Toelichting")
            .map(|(name, grid)| {
                let header: Vec<String> = grid
                    .rows
                    .first()
                    .map(|r| r.iter().map(Cell::text).collect())
                    .unwrap_or_default();
                let keep: Vec<usize> = (0..header.len())
                    .filter(|i| header[*i] != "id" && !header[*i].ends_with(ID_SUFFIX))
                    .collect();
                let mut rows: Vec<Vec<String>> = grid
                    .rows
                    .iter()
                    .map(|r| {
                        keep.iter()
                            .map(|i| r.get(*i).map(Cell::text).unwrap_or_default())
                            .collect()
                    })
                    .collect();
                rows[1..].sort();
                (name, rows)
            })
            .collect()
    }

    #[test]
    fn export_then_import_into_an_empty_register_reproduces_it() {
        let original = register();
        let bytes = register_workbook("Gemeente Een", &original, ReferenceCatalog::gemma())
            .expect("workbook");
        let sheets = read_sheets(Format::Xlsx, &bytes).expect("sheets");
        assert!(is_register_workbook(&sheets));
        let plan = plan_register_workbook(&sheets, &[], ReferenceCatalog::gemma());
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        assert_eq!(plan.totals().nieuw, original.len());
        let copy = crate::plan::applied(&[], &plan);
        assert!(
            copy.iter().all(|c| original.iter().all(|o| o.id != c.id)),
            "new ids in the new organisation"
        );
        // The same workbook again into the copy: nothing changes.
        let second = plan_register_workbook(&sheets, &copy, ReferenceCatalog::gemma());
        assert!(second.changes.is_empty(), "{:?}", second.changes);
        let again =
            register_workbook("Gemeente Een", &copy, ReferenceCatalog::gemma()).expect("workbook");
        assert_eq!(
            visible(&again),
            visible(&bytes),
            "the same register, sheet by sheet"
        );
        // The application still belongs to the second "Centric", the Belgian one.
        let app = copy
            .iter()
            .find(|e| e.record.name() == Some("Zaaksysteem"))
            .expect("app");
        let supplier = copy
            .iter()
            .find(|e| Some(e.id.to_string().as_str()) == app.record.text("leverancierId"))
            .expect("supplier");
        assert_eq!(supplier.record.text("land"), Some("BE"));
    }

    #[test]
    fn importing_into_the_same_register_changes_nothing_or_what_was_edited() {
        let original = register();
        let bytes = register_workbook("Gemeente Een", &original, ReferenceCatalog::gemma())
            .expect("workbook");
        let sheets = read_sheets(Format::Xlsx, &bytes).expect("sheets");
        let plan = plan_register_workbook(&sheets, &original, ReferenceCatalog::gemma());
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        assert!(plan.changes.is_empty(), "{:?}", plan.changes);
        assert_eq!(plan.totals().ongewijzigd, original.len());
        // An edited cell and a bad one.
        let mut edited = sheets.clone();
        let (_, people) = edited
            .iter_mut()
            .find(|(n, _)| n == "Personen")
            .expect("sheet");
        people.rows[1][1] = Cell::Text("Petra Veenstra".into());
        let (_, contracts) = edited
            .iter_mut()
            .find(|(n, _)| n == "Contracten")
            .expect("sheet");
        let column = contracts.rows[0]
            .iter()
            .position(|c| c.text() == "Einddatum")
            .expect("column");
        contracts.rows[1][column] = Cell::Text("ooit".into());
        let plan = plan_register_workbook(&edited, &original, ReferenceCatalog::gemma());
        assert_eq!(plan.errors.len(), 1);
        assert_eq!(plan.errors[0].column, "Contracten / Einddatum");
        assert_eq!(plan.errors[0].value, "ooit");
        assert_eq!(plan.per_kind[&EntityKind::Person].gewijzigd, 1);
    }
}
