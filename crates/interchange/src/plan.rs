//! From rows to changes: what an import would create, change and leave alone, computed against
//! the register as it is. The store applies a plan in one transaction; a dry run only shows it.

use crate::Issue;
use crate::applist::{AppRow, ParsedList};
use regisseur_domain::Lang;
use regisseur_domain::landscape::data::{DATA_RELATIONS, data_set_of, own_data_set_name};
use regisseur_domain::landscape::names::near_miss;
use regisseur_domain::landscape::{Change, EntityKind, InputMode, validate};
use regisseur_domain::reference::ReferenceCatalog;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub use regisseur_domain::landscape::Existing;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub nieuw: usize,
    pub gewijzigd: usize,
    pub ongewijzigd: usize,
}

/// What an import does with one row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowOutcome {
    #[serde(rename = "rij")]
    pub row: usize,
    #[serde(rename = "naam")]
    pub name: String,
    /// `nieuw`, `gewijzigd` or `ongewijzigd`: the application, or anything the row touches.
    #[serde(rename = "resultaat")]
    pub outcome: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Per row of the file that could be read, what happens.
    pub rows: Vec<RowOutcome>,
    /// In an order in which every change refers only to what exists or comes earlier.
    pub changes: Vec<Change>,
    pub per_kind: BTreeMap<EntityKind, Counts>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

impl Plan {
    pub fn totals(&self) -> Counts {
        self.per_kind
            .values()
            .fold(Counts::default(), |acc, c| Counts {
                nieuw: acc.nieuw + c.nieuw,
                gewijzigd: acc.gewijzigd + c.gewijzigd,
                ongewijzigd: acc.ongewijzigd + c.ongewijzigd,
            })
    }

    /// The report as the CLI (`--json`) and the import page show it.
    pub fn report(&self) -> Value {
        let totals = self.totals();
        let per_kind: Map<String, Value> = self
            .per_kind
            .iter()
            .map(|(kind, counts)| (kind.resource().to_string(), json!(counts)))
            .collect();
        json!({
            "nieuw": totals.nieuw,
            "gewijzigd": totals.gewijzigd,
            "ongewijzigd": totals.ongewijzigd,
            "perSoort": per_kind,
            "fouten": self.errors,
            "waarschuwingen": self.warnings,
        })
    }
}

struct Working {
    id: Uuid,
    kind: EntityKind,
    version: Option<i64>,
    original: Option<Map<String, Value>>,
    fields: Map<String, Value>,
    /// The first row of the file that touched this element, for problems found later.
    row: Option<usize>,
}

struct State {
    elements: Vec<Working>,
    by_id: HashMap<Uuid, usize>,
    /// Elements by kind and lower-cased name, for matching rows to what exists.
    by_name: HashMap<(EntityKind, String), usize>,
}

/// A name as `same_name` compares it: without case and surrounding spaces.
fn comparable(name: &str) -> String {
    name.trim().to_lowercase()
}

impl State {
    fn new(existing: &[Existing]) -> State {
        let mut state = State {
            elements: Vec::new(),
            by_id: HashMap::new(),
            by_name: HashMap::new(),
        };
        for e in existing {
            state.by_id.insert(e.id, state.elements.len());
            if let Some(name) = e.record.name() {
                state
                    .by_name
                    .entry((e.record.kind(), comparable(name)))
                    .or_insert(state.elements.len());
            }
            state.elements.push(Working {
                id: e.id,
                kind: e.record.kind(),
                version: Some(e.version),
                original: Some(e.record.fields().clone()),
                fields: e.record.fields().clone(),
                row: None,
            });
        }
        state
    }

    /// The element of `kind` with this name (the same name: see `same_name`).
    fn find(&self, kind: EntityKind, name: &str) -> Option<usize> {
        self.by_name.get(&(kind, comparable(name))).copied()
    }

    fn add(&mut self, kind: EntityKind, fields: Map<String, Value>, row: usize) -> usize {
        let id = Uuid::now_v7();
        self.by_id.insert(id, self.elements.len());
        if let Some(name) = fields.get("naam").and_then(Value::as_str) {
            self.by_name
                .entry((kind, comparable(name)))
                .or_insert(self.elements.len());
        }
        self.elements.push(Working {
            id,
            kind,
            version: None,
            original: None,
            fields,
            row: Some(row),
        });
        self.elements.len() - 1
    }

    fn touch(&mut self, index: usize, row: usize) -> &mut Working {
        let element = &mut self.elements[index];
        element.row.get_or_insert(row);
        element
    }

    fn named(&mut self, kind: EntityKind, name: &str, row: usize) -> usize {
        match self.find(kind, name) {
            Some(index) => index,
            None => {
                let mut fields = Map::new();
                fields.insert("naam".into(), Value::from(name));
                self.add(kind, fields, row)
            }
        }
    }
}

fn set(fields: &mut Map<String, Value>, field: &str, value: Option<Value>) {
    if let Some(value) = value {
        fields.insert(field.to_string(), value);
    }
}

/// Plans the import of an application list against the register as it is (`existing`: every
/// element of the organisation).
pub fn plan_application_list(
    list: &ParsedList,
    existing: &[Existing],
    catalog: &ReferenceCatalog,
) -> Plan {
    let mut plan = Plan {
        errors: list.errors.clone(),
        warnings: list.warnings.clone(),
        ..Plan::default()
    };
    let mut state = State::new(existing);
    let header = |column| {
        list.headers
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(String::new(), |(_, h)| h.clone())
    };
    let mut touched_by_row: Vec<(usize, String, usize, Vec<usize>)> = Vec::new();
    for row in &list.rows {
        let (app, touched) = plan_row(&mut state, &mut plan, row, &header);
        touched_by_row.push((row.row, row.name.clone(), app, touched));
    }
    for (row, name, app, touched) in touched_by_row {
        let is_new = |i: usize| state.elements[i].original.is_none();
        let is_changed = |i: usize| {
            state.elements[i]
                .original
                .as_ref()
                .is_some_and(|o| *o != state.elements[i].fields)
        };
        let outcome = if is_new(app) {
            "nieuw"
        } else if touched.iter().any(|i| is_new(*i) || is_changed(*i)) {
            "gewijzigd"
        } else {
            "ongewijzigd"
        };
        plan.rows.push(RowOutcome { row, name, outcome });
    }
    // Turn the working state into changes, in dependency order, and check every result with the
    // domain's own validation.
    const ORDER: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Supplier,
        EntityKind::Contract,
        EntityKind::Application,
        EntityKind::DataSet,
        EntityKind::Relation,
    ];
    for kind in ORDER {
        for element in state.elements.iter().filter(|w| w.kind == kind) {
            let counts = plan.per_kind.entry(kind).or_default();
            let changed = match &element.original {
                None => {
                    counts.nieuw += 1;
                    true
                }
                Some(original) if *original != element.fields => {
                    counts.gewijzigd += 1;
                    true
                }
                Some(_) => {
                    counts.ongewijzigd += 1;
                    false
                }
            };
            if !changed {
                continue;
            }
            let (_, errors) = validate(kind, &element.fields, InputMode::Api, &|id| {
                catalog.contains(id)
            });
            for error in errors.0 {
                plan.errors.push(Issue {
                    row: element.row.unwrap_or(0),
                    column: error.name.clone(),
                    value: element
                        .fields
                        .get(&error.name)
                        .map(value_text)
                        .unwrap_or_default(),
                    message: format!(
                        "{} '{}': {}",
                        kind.singular(Lang::Nl),
                        element
                            .fields
                            .get("naam")
                            .and_then(Value::as_str)
                            .unwrap_or(""),
                        error.problem.message(Lang::Nl)
                    ),
                });
            }
            plan.changes.push(match element.version {
                None => Change::Create {
                    id: element.id,
                    kind,
                    fields: element.fields.clone(),
                },
                Some(version) => Change::Update {
                    id: element.id,
                    kind,
                    version,
                    fields: element.fields.clone(),
                },
            });
        }
    }
    plan.errors.sort_by_key(|e| e.row);
    plan
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Plans one row; answers the application's index and every element the row touched.
fn plan_row(
    state: &mut State,
    plan: &mut Plan,
    row: &AppRow,
    header: &dyn Fn(crate::applist::Column) -> String,
) -> (usize, Vec<usize>) {
    use crate::applist::Column;
    let mut touched = Vec::new();
    let r = row.row;
    let person_id = |state: &mut State, name: &Option<String>| -> Option<(usize, Value)> {
        name.as_ref().map(|n| {
            let index = state.named(EntityKind::Person, n, r);
            (index, Value::from(state.elements[index].id.to_string()))
        })
    };
    let mut person = |state: &mut State, name: &Option<String>| {
        person_id(state, name).map(|(index, id)| {
            touched.push(index);
            id
        })
    };
    let owner = person(state, &row.owner);
    let functional = person(state, &row.functional_manager);
    let technical = person(state, &row.technical_manager);

    let supplier = row.supplier.as_ref().map(|name| {
        if state.find(EntityKind::Supplier, name).is_none() {
            let similar = state
                .elements
                .iter()
                .filter(|w| w.kind == EntityKind::Supplier)
                .filter_map(|w| w.fields.get("naam").and_then(Value::as_str))
                .find(|existing| near_miss(existing, name))
                .map(str::to_string);
            if let Some(similar) = similar {
                plan.warnings.push(Issue {
                    row: r,
                    column: header(Column::Supplier),
                    value: name.clone(),
                    message: format!("Lijkt op de bestaande leverancier '{similar}'; aangemaakt als nieuwe leverancier. Gebruik dezelfde schrijfwijze om ze samen te voegen."),
                });
            }
        }
        let index = state.named(EntityKind::Supplier, name, r);
        touched.push(index);
        state.elements[index].id
    });

    let app_index = match state.find(EntityKind::Application, &row.name) {
        Some(index) => index,
        None => {
            let mut fields = Map::new();
            fields.insert("naam".into(), Value::from(row.name.clone()));
            fields.insert("levenscyclus".into(), Value::from("in-gebruik"));
            state.add(EntityKind::Application, fields, r)
        }
    };
    let app_name = state.elements[app_index]
        .fields
        .get("naam")
        .and_then(Value::as_str)
        .unwrap_or(&row.name)
        .to_string();
    let app_id = state.elements[app_index].id;
    let existing_contract = state.elements[app_index]
        .fields
        .get("contractId")
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        .and_then(|id| state.by_id.get(&id).copied());

    // The contract: the application's own, or one named after it at its supplier.
    let mut contract_id = None;
    if row.contract_end.is_some() || row.notice_months.is_some() {
        let index = match (existing_contract, supplier) {
            (Some(index), _) => Some(index),
            (None, Some(supplier)) => {
                let name = format!("Contract {app_name}");
                let index = state.named(EntityKind::Contract, &name, r);
                state.elements[index]
                    .fields
                    .insert("leverancierId".into(), Value::from(supplier.to_string()));
                Some(index)
            }
            (None, None) => {
                plan.warnings.push(Issue {
                    row: r,
                    column: header(Column::ContractEnd),
                    value: row.contract_end.map(|d| d.to_string()).unwrap_or_default(),
                    message:
                        "Contractgegevens niet vastgelegd: de applicatie heeft geen leverancier."
                            .into(),
                });
                None
            }
        };
        if let Some(index) = index {
            touched.push(index);
            let contract = state.touch(index, r);
            set(
                &mut contract.fields,
                "einddatum",
                row.contract_end
                    .map(|d| Value::from(d.format("%Y-%m-%d").to_string())),
            );
            set(
                &mut contract.fields,
                "opzegtermijnMaanden",
                row.notice_months.map(Value::from),
            );
            contract_id = Some(contract.id);
        }
    }

    let original_personal_data = state.elements[app_index]
        .original
        .as_ref()
        .and_then(|o| o.get("persoonsgegevens"))
        .and_then(Value::as_bool);
    let app = state.touch(app_index, r);
    let f = &mut app.fields;
    set(
        f,
        "leverancierId",
        supplier.map(|s| Value::from(s.to_string())),
    );
    set(
        f,
        "contractId",
        contract_id.map(|c| Value::from(c.to_string())),
    );
    set(f, "eigenaarId", owner);
    set(f, "functioneelBeheerderId", functional);
    set(f, "technischBeheerderId", technical);
    set(f, "softwareversie", row.version.clone().map(Value::from));
    set(f, "levenscyclus", row.lifecycle.map(Value::from));
    set(f, "hosting", row.hosting.map(Value::from));
    set(f, "bedrijfskritisch", row.critical.map(Value::from));
    set(f, "persoonsgegevens", row.personal_data.map(Value::from));
    set(f, "jaarkostenCenten", row.annual_cost.map(Value::from));
    for (field, level) in ["beschikbaarheid", "integriteit", "vertrouwelijkheid"]
        .iter()
        .zip(row.biv)
    {
        set(f, field, level.map(Value::from));
    }
    match &row.reference_components {
        Some(ids) if ids.is_empty() => {
            f.remove("referentiecomponentIds");
        }
        Some(ids) => set(f, "referentiecomponentIds", Some(Value::from(ids.clone()))),
        None => {}
    }
    if !row.properties.is_empty() {
        let mut properties = f
            .get("eigenschappen")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (name, value) in &row.properties {
            properties.insert(name.clone(), Value::from(value.clone()));
        }
        f.insert("eigenschappen".into(), Value::Object(properties));
    }

    // The data set: the one the export writes this row's data location and agreement from
    // (`data_set_of`), so that a list read back changes nothing. A new one is made only when
    // the row says where the data lives or whether there is a processing agreement: those live
    // on a data set alone. A field the file has no column for (the processor) is never
    // overwritten; a new data set gets the application's supplier as its processor.
    let data_set = data_set_of(
        app_id,
        &app_name,
        state.elements.iter().map(|w| (w.id, w.kind, &w.fields)),
    )
    .and_then(|id| state.by_id.get(&id).copied());
    let says_where = row.data_location.is_some() || row.processing_agreement.is_some();
    let index = match data_set {
        Some(index) => {
            // Personal data is read into the application; its data set follows only when the
            // list changes it there (an unchanged value says nothing new of the data set).
            let changed =
                row.personal_data.is_some() && row.personal_data != original_personal_data;
            if changed {
                let data_set = state.touch(index, r);
                set(
                    &mut data_set.fields,
                    "persoonsgegevens",
                    row.personal_data.map(Value::from),
                );
            }
            Some(index)
        }
        None if says_where => {
            let index = state.named(EntityKind::DataSet, &own_data_set_name(&app_name), r);
            let data_set = state.touch(index, r);
            set(
                &mut data_set.fields,
                "persoonsgegevens",
                row.personal_data.map(Value::from),
            );
            if !data_set.fields.contains_key("verwerkerId") {
                set(
                    &mut data_set.fields,
                    "verwerkerId",
                    supplier.map(|s| Value::from(s.to_string())),
                );
            }
            Some(index)
        }
        None => None,
    };
    if let Some(index) = index {
        touched.push(index);
        let data_set = state.touch(index, r);
        set(
            &mut data_set.fields,
            "opslaglocatie",
            row.data_location.clone().map(Value::from),
        );
        set(
            &mut data_set.fields,
            "verwerkersovereenkomst",
            row.processing_agreement.map(Value::from),
        );
        let data_set_id = data_set.id;
        let linked = state.elements.iter().any(|w| {
            w.kind == EntityKind::Relation
                && w.fields
                    .get("soort")
                    .and_then(Value::as_str)
                    .is_some_and(|s| DATA_RELATIONS.contains(&s))
                && w.fields.get("bronId").and_then(Value::as_str)
                    == Some(app_id.to_string().as_str())
                && w.fields.get("doelId").and_then(Value::as_str)
                    == Some(data_set_id.to_string().as_str())
        });
        if !linked {
            let mut fields = Map::new();
            fields.insert("soort".into(), Value::from("slaat-op"));
            fields.insert("bronId".into(), Value::from(app_id.to_string()));
            fields.insert("doelId".into(), Value::from(data_set_id.to_string()));
            touched.push(state.add(EntityKind::Relation, fields, r));
        }
    }
    (app_index, touched)
}

/// What the register would hold after applying the plan (for tests).
#[cfg(test)]
pub(crate) fn applied(existing: &[Existing], plan: &Plan) -> Vec<Existing> {
    let mut out: Vec<Existing> = existing.to_vec();
    for change in &plan.changes {
        match change {
            Change::Create { id, kind, fields } => {
                let (record, errors) = validate(*kind, fields, InputMode::Api, &|_| true);
                assert!(errors.is_empty(), "{errors}");
                out.push(Existing {
                    id: *id,
                    version: 1,
                    record,
                });
            }
            Change::Update {
                id, kind, fields, ..
            } => {
                let (record, _) = validate(*kind, fields, InputMode::Api, &|_| true);
                let e = out.iter_mut().find(|e| e.id == *id).expect("exists");
                e.version += 1;
                e.record = record;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::applied;
    use super::*;
    use crate::applist::parse_application_list;
    use crate::sheet::{Format, read_grid};

    fn plan(csv: &str, existing: &[Existing]) -> Plan {
        let grid = read_grid(Format::Csv, csv.as_bytes()).expect("grid");
        let list = parse_application_list(&grid, ReferenceCatalog::gemma()).expect("list");
        plan_application_list(&list, existing, ReferenceCatalog::gemma())
    }

    const LIST: &str = "naam;leverancier;eigenaar;status;contract einddatum;opzegtermijn;persoonsgegevens;datalocatie;verwerkersovereenkomst;Afdeling\n\
        Zaaksysteem;Centric;Petra;in gebruik;31-12-2027;12;ja;NL;ja;Publiekszaken\n\
        Burgerzaken;Centric B.V.;Petra;;;;nee;;;\n";

    #[test]
    fn a_row_creates_the_application_supplier_contract_and_data_set() {
        let plan = plan(LIST, &[]);
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        let counts = |kind| plan.per_kind.get(&kind).copied().unwrap_or_default();
        assert_eq!(counts(EntityKind::Application).nieuw, 2);
        assert_eq!(
            counts(EntityKind::Supplier).nieuw,
            2,
            "a near miss is not merged"
        );
        assert_eq!(counts(EntityKind::Person).nieuw, 1, "the same owner once");
        assert_eq!(counts(EntityKind::Contract).nieuw, 1);
        assert_eq!(counts(EntityKind::DataSet).nieuw, 1);
        assert_eq!(counts(EntityKind::Relation).nieuw, 1);
        assert_eq!(plan.warnings.len(), 1);
        assert!(
            plan.warnings[0].message.contains("'Centric'"),
            "{:?}",
            plan.warnings
        );
        assert_eq!(plan.warnings[0].row, 3);
        let report = plan.report();
        assert_eq!(report["nieuw"], 8);
        assert_eq!(
            plan.rows.iter().map(|r| r.outcome).collect::<Vec<_>>(),
            vec!["nieuw", "nieuw"]
        );
        assert_eq!(report["perSoort"]["applicaties"]["nieuw"], 2);
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing() {
        let first = plan(LIST, &[]);
        let register = applied(&[], &first);
        let second = plan(LIST, &register);
        assert!(second.changes.is_empty(), "{:?}", second.changes);
        assert_eq!(second.totals().nieuw + second.totals().gewijzigd, 0);
        assert_eq!(second.totals().ongewijzigd, register.len());
    }

    #[test]
    fn an_existing_data_set_of_the_application_is_used() {
        let mut register = applied(
            &[],
            &plan(
                "naam;persoonsgegevens;datalocatie\nZaaksysteem;ja;NL\n",
                &[],
            ),
        );
        // Rename the data set: the import finds it through the relation, not by name.
        let data_set = register
            .iter_mut()
            .find(|e| e.record.kind() == EntityKind::DataSet)
            .expect("made");
        let mut fields = data_set.record.fields().clone();
        fields.insert("naam".into(), Value::from("Zaakdossiers"));
        data_set.record = validate(EntityKind::DataSet, &fields, InputMode::Api, &|_| true).0;
        let second = plan(
            "naam;persoonsgegevens;datalocatie\nZaaksysteem;ja;DE\n",
            &register,
        );
        assert_eq!(
            second.per_kind[&EntityKind::DataSet],
            Counts {
                nieuw: 0,
                gewijzigd: 1,
                ongewijzigd: 0
            }
        );
        assert_eq!(second.per_kind[&EntityKind::Relation].nieuw, 0);
    }

    /// The processor is not a column of the list: an import never changes it, also when the
    /// application's supplier is another party (a cloud provider, a shared service).
    #[test]
    fn the_processor_of_an_existing_data_set_is_left_alone() {
        let mut register = applied(&[], &plan(LIST, &[]));
        let processor = applied(&[], &plan("naam;leverancier\nX;Amazon Web Services\n", &[]))
            .into_iter()
            .find(|e| e.record.kind() == EntityKind::Supplier)
            .expect("supplier");
        let data_set = register
            .iter_mut()
            .find(|e| e.record.kind() == EntityKind::DataSet)
            .expect("made");
        let mut fields = data_set.record.fields().clone();
        fields.insert("verwerkerId".into(), Value::from(processor.id.to_string()));
        data_set.record = validate(EntityKind::DataSet, &fields, InputMode::Api, &|_| true).0;
        register.push(processor.clone());
        let second = plan(&LIST.replace(";NL;ja;", ";IE;ja;"), &register);
        let Some(Change::Update { fields, .. }) = second.changes.iter().find(|c| {
            matches!(
                c,
                Change::Update {
                    kind: EntityKind::DataSet,
                    ..
                }
            )
        }) else {
            panic!("the location changes: {:?}", second.changes);
        };
        assert_eq!(fields["opslaglocatie"], "IE");
        assert_eq!(fields["verwerkerId"], processor.id.to_string().as_str());
        assert_eq!(second.changes.len(), 1, "{:?}", second.changes);
    }

    /// "Persoonsgegevens: ja" is said of the application; a data set is made only when the row
    /// says where the data lives or whether there is a processing agreement.
    #[test]
    fn personal_data_alone_makes_no_data_set() {
        let plan = plan("naam;persoonsgegevens\nZaaksysteem;ja\n", &[]);
        assert!(
            !plan.per_kind.contains_key(&EntityKind::DataSet),
            "{:?}",
            plan.per_kind
        );
        let Change::Create { fields, .. } = &plan.changes[0] else {
            panic!("{:?}", plan.changes);
        };
        assert_eq!(fields["persoonsgegevens"], true);
    }

    /// A data set the list changes the application's personal data for follows it; one that
    /// already says otherwise while the list does not change it is left alone.
    #[test]
    fn the_data_set_follows_personal_data_only_when_the_list_changes_it() {
        let register = applied(&[], &plan(LIST, &[]));
        let unchanged = plan(LIST, &register);
        assert!(unchanged.changes.is_empty());
        let changed = plan(&LIST.replace(";12;ja;NL;", ";12;nee;NL;"), &register);
        let kinds: Vec<EntityKind> = changed
            .changes
            .iter()
            .map(|c| match c {
                Change::Update { kind, .. } | Change::Create { kind, .. } => *kind,
            })
            .collect();
        assert_eq!(kinds, [EntityKind::Application, EntityKind::DataSet]);
    }

    #[test]
    fn a_changed_value_updates_only_what_changed() {
        let register = applied(&[], &plan(LIST, &[]));
        let changed = LIST.replace("31-12-2027;12", "31-12-2028;12");
        let second = plan(&changed, &register);
        assert_eq!(second.per_kind[&EntityKind::Contract].gewijzigd, 1);
        assert_eq!(second.totals().gewijzigd, 1);
        assert_eq!(
            second.rows.iter().map(|r| r.outcome).collect::<Vec<_>>(),
            vec!["gewijzigd", "ongewijzigd"]
        );
        assert!(matches!(
            &second.changes[0],
            Change::Update {
                kind: EntityKind::Contract,
                version: 1,
                ..
            }
        ));
    }

    /// Personal data abroad, as an Excel list says it: the data sets the import makes carry
    /// it, so the rules on data outside the EEA and on processing agreements see it — in the
    /// United States and India, not in Ireland, and the one without an agreement.
    #[test]
    fn personal_data_abroad_from_a_list_is_flagged() {
        let list = "Applicatie;Leverancier;Persoonsgegevens;Datalocatie;Verwerkersovereenkomst\n\
            Klantportaal;SaaSCo;ja;Verenigde Staten;nee\n\
            Callcenter;OffshoreCo;ja;India;ja\n\
            Kantoorsuite;Microsoft;ja;Ierland;ja\n\
            Roosters;PlanCo;ja;VS;ja\n\
            Plattegrond;KaartCo;nee;USA;\n";
        let register = applied(&[], &plan(list, &[]));
        let personal: Vec<String> = register
            .iter()
            .filter(|e| e.record.kind() == EntityKind::DataSet)
            .filter(|e| e.record.get("persoonsgegevens") == Some(&Value::Bool(true)))
            .map(|e| e.record.name().unwrap_or("").to_string())
            .collect();
        assert_eq!(personal.len(), 4, "{personal:?}");
        let records: Vec<(Uuid, &regisseur_domain::landscape::Record)> =
            register.iter().map(|e| (e.id, &e.record)).collect();
        let report = regisseur_domain::quality::check(
            &records,
            &[],
            &Default::default(),
            ReferenceCatalog::gemma(),
            &regisseur_domain::quality::Settings::default(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"),
        );
        let flagged = |rule: &str| {
            let mut names: Vec<&str> = report
                .findings
                .iter()
                .filter(|f| f.rule.code() == rule)
                .map(|f| f.name.as_str())
                .collect();
            names.sort_unstable();
            names
        };
        assert_eq!(
            flagged("gegevens-buiten-eer"),
            [
                "Gegevens in Callcenter",
                "Gegevens in Klantportaal",
                "Gegevens in Roosters"
            ]
        );
        assert_eq!(
            flagged("verwerker-zonder-verwerkersovereenkomst"),
            ["Gegevens in Klantportaal"]
        );
    }

    #[test]
    fn an_unknown_country_is_named_with_the_closest_one() {
        let grid = read_grid(
            Format::Csv,
            "naam;datalocatie\nZaaksysteem;Verenigde Staaten\nPortaal;Atlantis\n".as_bytes(),
        )
        .expect("grid");
        let issues = parse_application_list(&grid, ReferenceCatalog::gemma())
            .expect("read")
            .errors;
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(
            (issues[0].row, issues[0].column.as_str()),
            (2, "datalocatie")
        );
        assert!(
            issues[0]
                .message
                .contains("bedoelt u Verenigde Staten (US)?"),
            "{}",
            issues[0].message
        );
        assert!(issues[1].message.contains("Onbekend land 'Atlantis'"));
    }
}
