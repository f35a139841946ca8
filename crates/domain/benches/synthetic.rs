//! A deterministic synthetic landscape for the benchmarks: applications, components, data
//! sets, suppliers, contracts, koppelingen and people, with three relations per element and the
//! gaps and problems of a real register.

use regisseur_domain::landscape::{EntityKind, InputMode, Record, validate};
use regisseur_domain::reference::ReferenceCatalog;
use serde_json::{Value, json};
use uuid::Uuid;

const HOSTING: [&str; 4] = ["on-premises", "saas", "private-cloud", "iaas"];
const COUNTRIES: [&str; 4] = ["NL", "DE", "US", "IE"];

/// A deterministic landscape of `n` elements (applications, components, data sets, suppliers,
/// contracts, interfaces, people) and `3 × n` relations between them, with the gaps and
/// problems a real register has.
pub fn landscape(n: usize) -> Vec<(Uuid, Record)> {
    let catalog = ReferenceCatalog::gemma();
    let references: Vec<&str> = catalog.all().iter().map(|c| c.id.as_str()).collect();
    let mut items: Vec<(Uuid, Record)> = Vec::with_capacity(4 * n);
    let add = |items: &mut Vec<(Uuid, Record)>, kind: EntityKind, fields: Value| {
        let (record, errors) = validate(
            kind,
            fields.as_object().expect("object"),
            InputMode::Api,
            &|id| catalog.contains(id),
        );
        assert!(errors.is_empty(), "{fields}: {errors}");
        let id = Uuid::now_v7();
        items.push((id, record));
        id
    };
    let share = |percent: usize| n * percent / 100;
    let mut people = Vec::new();
    for i in 0..share(5) {
        people.push(add(
            &mut items,
            EntityKind::Person,
            json!({"naam": format!("Persoon {i}"), "email": format!("p{i}@voorbeeld.nl")}),
        ));
    }
    let mut suppliers = Vec::new();
    for i in 0..share(5) {
        suppliers.push(add(
            &mut items,
            EntityKind::Supplier,
            json!({"naam": format!("Leverancier {i}"), "land": "NL"}),
        ));
    }
    let mut contracts = Vec::new();
    for i in 0..share(10) {
        let year = 2025 + (i % 5);
        contracts.push(add(&mut items, EntityKind::Contract, json!({
            "naam": format!("Contract {i}"), "leverancierId": suppliers[i % suppliers.len()].to_string(),
            "einddatum": format!("{year}-0{}-15", 1 + i % 9), "opzegtermijnMaanden": i % 13,
            "exitplan": i % 3 == 0, "assuranceLaatstOntvangen": if i % 4 == 0 { Value::Null } else { json!("2026-01-10") },
            "eigenaarId": people[i % people.len()].to_string()})));
    }
    let mut components = Vec::new();
    for i in 0..share(20) {
        components.push(add(&mut items, EntityKind::Component, json!({
            "naam": format!("Server {i}"), "soort": if i % 2 == 0 { "server" } else { "virtuele-machine" },
            "levenscyclus": if i % 17 == 0 { "uitgefaseerd" } else { "in-gebruik" },
            "eindeOndersteuning": format!("{}-06-30", 2025 + i % 6),
            "eigenaarId": people[i % people.len()].to_string()})));
    }
    let mut applications = Vec::new();
    for i in 0..share(40) {
        let mut fields = json!({
            "naam": format!("Applicatie {i}"), "levenscyclus": if i % 23 == 0 { "uitgefaseerd" } else { "in-gebruik" },
            "hosting": HOSTING[i % 4],
            "bedrijfskritisch": i % 5 == 0, "persoonsgegevens": i % 3 == 0,
            "referentiecomponentIds": [references[i % references.len()]],
            "beschikbaarheid": 1 + i % 3, "integriteit": 1 + (i / 3) % 3});
        if i % 7 != 0 {
            fields["eigenaarId"] = json!(people[i % people.len()].to_string());
        }
        if i % 11 != 0 {
            fields["leverancierId"] = json!(suppliers[i % suppliers.len()].to_string());
        }
        if i % 2 == 0 {
            fields["contractId"] = json!(contracts[i % contracts.len()].to_string());
        }
        applications.push(add(&mut items, EntityKind::Application, fields));
    }
    let mut data_sets = Vec::new();
    for i in 0..share(10) {
        data_sets.push(add(&mut items, EntityKind::DataSet, json!({
            "naam": format!("Gegevens {i}"), "persoonsgegevens": i % 2 == 0,
            "opslaglocatie": COUNTRIES[i % 4],
            "verwerkerId": suppliers[i % suppliers.len()].to_string(), "verwerkersovereenkomst": i % 5 != 0,
            "eigenaarId": people[i % people.len()].to_string()})));
    }
    for i in 0..share(10) {
        let from = applications[i % applications.len()];
        let to = applications[(i * 7 + 1) % applications.len()];
        if from != to {
            add(
                &mut items,
                EntityKind::Interface,
                json!({"vanApplicatieId": from.to_string(), "naarApplicatieId": to.to_string(), "standaard": "stuf"}),
            );
        }
    }
    // Three relations per element: applications run on components, components on components
    // (with the odd cycle), applications store data sets, elements fall under contracts.
    let relation = |items: &mut Vec<(Uuid, Record)>, soort: &str, from: Uuid, to: Uuid| {
        add(
            items,
            EntityKind::Relation,
            json!({"soort": soort, "bronId": from.to_string(), "doelId": to.to_string()}),
        );
    };
    let mut made = 0;
    let mut i = 0;
    while made < 3 * n {
        let app = applications[i % applications.len()];
        let component = components[(i * 13) % components.len()];
        let next = components[(i * 13 + 1) % components.len()];
        match i % 4 {
            0 => relation(&mut items, "draait-op", app, component),
            1 if component != next && i % 1000 != 1 => {
                relation(&mut items, "draait-op", component, next)
            }
            1 => relation(&mut items, "gebruikt", app, component),
            2 => relation(&mut items, "slaat-op", app, data_sets[i % data_sets.len()]),
            _ => relation(
                &mut items,
                "valt-onder",
                app,
                contracts[(i * 3) % contracts.len()],
            ),
        }
        made += 1;
        i += 1;
    }
    items
}
