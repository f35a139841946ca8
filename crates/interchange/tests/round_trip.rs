//! Property: exporting any register and importing the export into the same register changes
//! nothing — the application list (CSV), the register workbook and the ArchiMate exchange file.
//! The registers are generated the way municipalities have them: applications with and without a
//! supplier, contract and data sets, data sets processed by another party than the supplier,
//! linked by `slaat-op` or `verwerkt`, several per application, personal data said of the
//! application and not of its data set, and the other way round.

use proptest::prelude::*;
use regisseur_domain::landscape::{Change, EntityKind, Existing, InputMode, validate};
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_interchange::plan::{Plan, plan_application_list};
use regisseur_interchange::{applist, archimate, export, sheet};
use serde_json::{Map, Value, json};
use uuid::Uuid;

#[derive(Debug, Clone)]
struct DataSetSpec {
    own_name: bool,
    relation: &'static str,
    processor: Option<usize>,
    location: Option<&'static str>,
    agreement: Option<bool>,
    personal: Option<bool>,
}

#[derive(Debug, Clone)]
struct AppSpec {
    supplier: Option<usize>,
    owner: Option<usize>,
    lifecycle: &'static str,
    hosting: Option<&'static str>,
    personal: Option<bool>,
    critical: Option<bool>,
    availability: Option<i64>,
    cost: Option<i64>,
    contract: Option<(u32, Option<i64>)>,
    department: Option<&'static str>,
    data_sets: Vec<DataSetSpec>,
}

fn data_set_spec() -> impl Strategy<Value = DataSetSpec> {
    (
        any::<bool>(),
        prop::sample::select(vec!["slaat-op", "verwerkt"]),
        prop::option::of(0..3usize),
        prop::option::of(prop::sample::select(vec!["NL", "IE", "US", "DE"])),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(own_name, relation, processor, location, agreement, personal)| DataSetSpec {
                own_name,
                relation,
                processor,
                location,
                agreement,
                personal,
            },
        )
}

fn app_spec() -> impl Strategy<Value = AppSpec> {
    (
        (
            prop::option::of(0..3usize),
            prop::option::of(0..3usize),
            prop::sample::select(vec!["gepland", "in-gebruik", "uitfasering"]),
            prop::option::of(prop::sample::select(vec!["saas", "on-premises", "iaas"])),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(1..4i64),
            prop::option::of(0..10_000_000i64),
            prop::option::of((0..2000u32, prop::option::of(0..36i64))),
            prop::option::of(prop::sample::select(vec![
                "Publiekszaken",
                "Sociaal domein",
            ])),
            prop::collection::vec(data_set_spec(), 0..3),
        ),
    )
        .prop_map(
            |(
                (supplier, owner, lifecycle, hosting, personal, critical),
                (availability, cost, contract, department, data_sets),
            )| AppSpec {
                supplier,
                owner,
                lifecycle,
                hosting,
                personal,
                critical,
                availability,
                cost,
                contract,
                department,
                data_sets,
            },
        )
}

fn element(kind: EntityKind, value: Value) -> Existing {
    let fields: Map<String, Value> = value.as_object().cloned().unwrap_or_default();
    let catalog = ReferenceCatalog::gemma();
    let (record, errors) = validate(kind, &fields, InputMode::Api, &|id| catalog.contains(id));
    assert!(errors.is_empty(), "{kind:?} {fields:?}: {errors}");
    Existing {
        id: Uuid::new_v4(),
        version: 3,
        record,
    }
}

fn register(apps: &[AppSpec]) -> Vec<Existing> {
    let mut out = Vec::new();
    let suppliers: Vec<Existing> = ["Centric", "PinkRoccade", "Amazon Web Services EMEA SARL"]
        .iter()
        .map(|n| element(EntityKind::Supplier, json!({"naam": n})))
        .collect();
    let people: Vec<Existing> = ["Petra", "Jan", "Fatima"]
        .iter()
        .map(|n| element(EntityKind::Person, json!({"naam": n})))
        .collect();
    out.extend(suppliers.iter().cloned());
    out.extend(people.iter().cloned());
    let id = |e: &Existing| Value::from(e.id.to_string());
    for (i, spec) in apps.iter().enumerate() {
        let name = format!("Applicatie {i}");
        let mut app = json!({"naam": name, "levenscyclus": spec.lifecycle});
        let fields = app.as_object_mut().expect("object");
        if let Some(s) = spec.supplier {
            fields.insert("leverancierId".into(), id(&suppliers[s]));
        }
        if let Some(p) = spec.owner {
            fields.insert("eigenaarId".into(), id(&people[p]));
        }
        if let Some(h) = spec.hosting {
            fields.insert("hosting".into(), h.into());
        }
        if let Some(p) = spec.personal {
            fields.insert("persoonsgegevens".into(), p.into());
        }
        if let Some(c) = spec.critical {
            fields.insert("bedrijfskritisch".into(), c.into());
        }
        if let Some(a) = spec.availability {
            fields.insert("beschikbaarheid".into(), a.into());
        }
        if let Some(c) = spec.cost {
            fields.insert("jaarkostenCenten".into(), c.into());
        }
        if let Some(d) = spec.department {
            fields.insert("eigenschappen".into(), json!({ "Afdeling": d }));
        }
        if let (Some((days, notice)), Some(s)) = (spec.contract, spec.supplier) {
            let end = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")
                + chrono::Days::new(u64::from(days));
            let mut contract = json!({"naam": format!("Overeenkomst {i}"),
                "leverancierId": suppliers[s].id.to_string(),
                "einddatum": end.format("%Y-%m-%d").to_string()});
            if let Some(n) = notice {
                contract["opzegtermijnMaanden"] = n.into();
            }
            let contract = element(EntityKind::Contract, contract);
            fields.insert("contractId".into(), id(&contract));
            out.push(contract);
        }
        let app = element(EntityKind::Application, app);
        for (j, d) in spec.data_sets.iter().enumerate() {
            let name = if d.own_name && j == 0 {
                format!("Gegevens in {name}")
            } else {
                format!("Dossiers {i}.{j}")
            };
            let mut data = json!({ "naam": name });
            let fields = data.as_object_mut().expect("object");
            if let Some(p) = d.processor {
                fields.insert("verwerkerId".into(), id(&suppliers[p]));
            }
            if let Some(l) = d.location {
                fields.insert("opslaglocatie".into(), l.into());
            }
            if let Some(a) = d.agreement {
                fields.insert("verwerkersovereenkomst".into(), a.into());
            }
            if let Some(p) = d.personal {
                fields.insert("persoonsgegevens".into(), p.into());
            }
            let data = element(EntityKind::DataSet, data);
            out.push(element(
                EntityKind::Relation,
                json!({"soort": d.relation, "bronId": app.id.to_string(), "doelId": data.id.to_string()}),
            ));
            out.push(data);
        }
        out.push(app);
    }
    out
}

fn describe(plan: &Plan, register: &[Existing]) -> String {
    let mut lines: Vec<String> = plan
        .changes
        .iter()
        .map(|change| match change {
            Change::Create { kind, fields, .. } => format!("new {}: {fields:?}", kind.code()),
            Change::Update { id, fields, .. } => {
                let before = register
                    .iter()
                    .find(|e| e.id == *id)
                    .map(|e| e.record.fields());
                format!("changed {before:?}\n     to {fields:?}")
            }
        })
        .collect();
    lines.extend(plan.errors.iter().map(|e| format!("error {e:?}")));
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_export_reads_back_into_the_same_register_without_changes(
        apps in prop::collection::vec(app_spec(), 1..8)
    ) {
        let register = register(&apps);
        let catalog = ReferenceCatalog::gemma();

        let csv = export::application_list_csv(&register, catalog);
        let grid = sheet::read_grid(sheet::Format::Csv, &csv).expect("grid");
        let list = applist::parse_application_list(&grid, catalog).expect("list");
        let plan = plan_application_list(&list, &register, catalog);
        prop_assert!(plan.changes.is_empty() && plan.errors.is_empty(),
            "CSV:\n{}\n{}", describe(&plan, &register), String::from_utf8_lossy(&csv));

        let bytes = export::register_workbook("Gemeente", &register, catalog).expect("workbook");
        let sheets = sheet::read_sheets(sheet::Format::Xlsx, &bytes).expect("sheets");
        let list = applist::parse_application_sheets(&sheets, catalog).expect("list");
        let plan = plan_application_list(&list, &register, catalog);
        prop_assert!(plan.changes.is_empty() && plan.errors.is_empty(),
            "workbook:\n{}", describe(&plan, &register));

        let xml = archimate::write_model("Gemeente", &register, catalog);
        let plan = archimate::plan_file(xml.as_bytes(), &register, catalog).expect("read");
        prop_assert!(plan.changes.is_empty() && plan.errors.is_empty(),
            "ArchiMate:\n{}", describe(&plan, &register));
    }
}
