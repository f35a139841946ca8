//! Impact, scope and supplier dependency on small hand-built registers with known answers.

use super::*;
use crate::landscape::{EntityKind, InputMode, Record, validate};
use serde_json::{Value, json};
use uuid::Uuid;

#[derive(Default)]
struct Register {
    items: Vec<(Uuid, Record)>,
}

impl Register {
    fn add(&mut self, kind: EntityKind, fields: Value) -> Uuid {
        let (record, errors) = validate(
            kind,
            fields.as_object().expect("object"),
            InputMode::Api,
            &|_| true,
        );
        assert!(errors.is_empty(), "{fields}: {errors}");
        let id = Uuid::now_v7();
        self.items.push((id, record));
        id
    }
    fn app(&mut self, name: &str, extra: Value) -> Uuid {
        let mut fields = json!({"naam": name, "levenscyclus": "in-gebruik"});
        if let (Some(t), Value::Object(e)) = (fields.as_object_mut(), extra) {
            t.extend(e);
        }
        self.add(EntityKind::Application, fields)
    }
    fn component(&mut self, name: &str, soort: &str) -> Uuid {
        self.add(EntityKind::Component, json!({"naam": name, "soort": soort}))
    }
    fn relation(&mut self, soort: &str, from: Uuid, to: Uuid) -> Uuid {
        self.add(
            EntityKind::Relation,
            json!({"soort": soort, "bronId": from.to_string(), "doelId": to.to_string()}),
        )
    }
    fn graph(&self) -> Graph {
        let items: Vec<(Uuid, &Record)> = self.items.iter().map(|(id, r)| (*id, r)).collect();
        Graph::build(&items, |_| None)
    }
}

fn names(graph: &Graph, affected: &[Affected]) -> Vec<(String, u32)> {
    affected
        .iter()
        .map(|a| (a.node(graph).name.clone(), a.distance))
        .collect()
}

#[test]
fn impact_follows_the_direction_of_dependency_through_chains() {
    let mut r = Register::default();
    let dc = r.component("Rekencentrum", "datacenter");
    let host = r.component("Cluster", "server");
    let vm = r.component("VM", "virtuele-machine");
    let app = r.app("Zaaksysteem", json!({"bedrijfskritisch": true}));
    let portal = r.app("Portaal", json!({}));
    let data = r.add(
        EntityKind::DataSet,
        json!({"naam": "Zaken", "persoonsgegevens": true}),
    );
    r.relation("draait-op", host, dc);
    r.relation("draait-op", vm, host);
    r.relation("draait-op", app, vm);
    r.relation("slaat-op", app, data);
    r.add(
        EntityKind::Interface,
        json!({"vanApplicatieId": app.to_string(), "naarApplicatieId": portal.to_string()}),
    );
    let graph = r.graph();
    let affected = graph.impact(dc).expect("known");
    assert_eq!(
        names(&graph, &affected),
        vec![
            ("Zaaksysteem".to_string(), 3),
            ("Portaal".to_string(), 4),
            ("Cluster".to_string(), 1),
            ("VM".to_string(), 2),
            ("Zaken".to_string(), 4),
        ],
        "grouped by kind (applications, components, data sets), then by distance"
    );
    let zaken = affected
        .iter()
        .find(|a| a.node(&graph).name == "Zaken")
        .expect("reached");
    assert_eq!(
        zaken.path,
        vec![dc, host, vm, app, data],
        "one shortest path"
    );
    assert!(zaken.node(&graph).personal);
    assert!(affected.iter().any(|a| a.node(&graph).critical));
    // Nothing depends on the portal; the data centre does not depend on the application.
    assert!(graph.impact(portal).expect("known").is_empty());
    assert!(
        !names(&graph, &graph.impact(app).expect("known"))
            .iter()
            .any(|(n, _)| n == "Rekencentrum")
    );
    assert!(graph.impact(Uuid::now_v7()).is_none());
}

#[test]
fn cycles_end_and_the_shortest_path_wins() {
    let mut r = Register::default();
    let a = r.component("A", "server");
    let b = r.component("B", "server");
    let c = r.component("C", "server");
    r.relation("draait-op", b, a);
    r.relation("draait-op", c, b);
    r.relation("draait-op", a, c); // a cycle: a → b → c → a
    r.relation("draait-op", c, a); // and a shortcut: c runs on a directly
    let graph = r.graph();
    let affected = graph.impact(a).expect("known");
    assert_eq!(
        names(&graph, &affected),
        vec![("B".to_string(), 1), ("C".to_string(), 1)]
    );
}

#[test]
fn suppliers_and_contracts_reach_what_they_supply_and_cover() {
    let mut r = Register::default();
    let supplier = r.add(EntityKind::Supplier, json!({"naam": "Leverancier"}));
    let contract = r.add(
        EntityKind::Contract,
        json!({"naam": "Contract", "leverancierId": supplier.to_string()}),
    );
    let app = r.app("Via contract", json!({"contractId": contract.to_string()}));
    let data = r.add(
        EntityKind::DataSet,
        json!({"naam": "Verwerkt", "verwerkerId": supplier.to_string()}),
    );
    let graph = r.graph();
    let affected = graph.impact(supplier).expect("known");
    let reached: Vec<Uuid> = affected.iter().map(|a| a.node(&graph).id).collect();
    assert!(reached.contains(&contract) && reached.contains(&app) && reached.contains(&data));
    let via = affected
        .iter()
        .find(|a| a.node(&graph).id == app)
        .expect("app");
    assert_eq!(via.path, vec![supplier, contract, app]);
}

#[test]
fn the_scope_cut_lists_crossings_personal_data_and_dependent_retained_elements() {
    let mut r = Register::default();
    let server = r.component("Server", "server"); // hosting-en-datacenter
    let laptop = r.component("Laptops", "werkplek"); // werkplek
    let app = r.app("Zaaksysteem", json!({})); // applicaties-en-saas
    let data = r.add(
        EntityKind::DataSet,
        json!({"naam": "Zaken", "persoonsgegevens": true}),
    );
    let other = r.add(EntityKind::DataSet, json!({"naam": "Statistiek"}));
    let runs = r.relation("draait-op", app, server);
    r.relation("gebruikt", laptop, server);
    r.relation("slaat-op", server, data);
    r.relation("slaat-op", server, other);
    let graph = r.graph();
    let cut = graph.scope(&[ServiceDomain::HostingEnDatacenter]);
    assert_eq!(cut.outsourced, vec![server]);
    let connectors: Vec<Uuid> = cut.crossing.iter().map(|c| c.connector).collect();
    assert_eq!(
        connectors.len(),
        2,
        "the application and the workplace cross the line"
    );
    assert!(connectors.contains(&runs));
    let crossing = cut
        .crossing
        .iter()
        .find(|c| c.connector == runs)
        .expect("runs on");
    assert_eq!(
        (crossing.from, crossing.to, crossing.via.code()),
        (server, app, "draait-op")
    );
    assert_eq!(
        cut.personal_data,
        vec![data],
        "only the data set with personal data"
    );
    let mut dependent = vec![app, laptop];
    dependent.sort();
    assert_eq!(cut.dependent, dependent);
    // Outsourcing nothing cuts nothing.
    let none = graph.scope(&[]);
    assert!(none.crossing.is_empty() && none.personal_data.is_empty() && none.dependent.is_empty());
}

#[test]
fn the_domain_of_an_element_is_its_own_choice_or_a_default() {
    let mut r = Register::default();
    r.component("Laptops", "werkplek");
    r.add(
        EntityKind::Component,
        json!({"naam": "Switch", "soort": "netwerk", "dienstdomein": "security-operations"}),
    );
    r.app("Archief", json!({"referentiecomponentIds": ["x"]}));
    r.app("Gewoon", json!({}));
    let items: Vec<(Uuid, &Record)> = r.items.iter().map(|(id, r)| (*id, r)).collect();
    let graph = Graph::build(&items, |id| {
        (id == "x").then(|| "E-depotcomponent".to_string())
    });
    let domains: Vec<Option<ServiceDomain>> = graph.nodes().iter().map(|n| n.domain).collect();
    assert_eq!(
        domains,
        vec![
            Some(ServiceDomain::Werkplek),
            Some(ServiceDomain::SecurityOperations),
            Some(ServiceDomain::ArchiefEnEDepot),
            Some(ServiceDomain::ApplicatiesEnSaas),
        ]
    );
}

#[test]
fn supplier_dependency_counts_and_shares() {
    let mut r = Register::default();
    let big = r.add(EntityKind::Supplier, json!({"naam": "Groot"}));
    let small = r.add(EntityKind::Supplier, json!({"naam": "Klein"}));
    r.add(EntityKind::Supplier, json!({"naam": "Alleen genoemd"}));
    for i in 0..3 {
        r.app(
            &format!("Kritisch {i}"),
            json!({"bedrijfskritisch": true, "leverancierId": big.to_string()}),
        );
    }
    r.app(
        "Kritisch klein",
        json!({"bedrijfskritisch": true, "leverancierId": small.to_string()}),
    );
    r.app("Gewoon", json!({"leverancierId": small.to_string()}));
    r.add(
        EntityKind::Contract,
        json!({"naam": "C", "leverancierId": big.to_string(), "jaarwaardeCenten": 1_000_000}),
    );
    r.add(
        EntityKind::DataSet,
        json!({"naam": "D", "persoonsgegevens": true, "verwerkerId": small.to_string()}),
    );
    let items: Vec<(Uuid, &Record)> = r.items.iter().map(|(id, r)| (*id, r)).collect();
    let deps = supplier_dependency(&items);
    assert_eq!(deps[0].name, "Groot");
    assert_eq!(
        (deps[0].critical_applications, deps[0].critical_share),
        (3, 0.75)
    );
    assert_eq!(
        (deps[0].contracts, deps[0].annual_value_cents),
        (1, 1_000_000)
    );
    assert_eq!((deps[1].applications, deps[1].personal_data_sets), (2, 1));
    let involved: Vec<&str> = deps
        .iter()
        .filter(|d| d.involved())
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(
        involved,
        ["Groot", "Klein"],
        "a supplier only named is not one we depend on"
    );
    // The quality rule flags the supplier above 30 %, not the one at 25 %.
    let report = crate::quality::check(
        &items,
        &[],
        &Default::default(),
        crate::reference::ReferenceCatalog::gemma(),
        &crate::quality::Settings::default(),
        chrono::NaiveDate::from_ymd_opt(2026, 6, 15).expect("date"),
    );
    let flagged: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == crate::quality::RuleId::SupplierConcentration)
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(flagged, ["Groot"]);
}

/// An element is found by the identifier its architect knows it by in Archi, as well as by its
/// own id and its name; an identifier no element kept is not found.
#[test]
fn an_element_is_found_by_its_archimate_identifier() {
    let mut r = Register::default();
    let zaken = r.app("Zaaksysteem", json!({"archimateId": "id-4f1c2e8a9b7d4c3e"}));
    let portal = r.app("Portaal", json!({}));
    r.relation("gebruikt", portal, zaken);
    let graph = r.graph();
    assert_eq!(graph.find("id-4f1c2e8a9b7d4c3e").map(|n| n.id), Ok(zaken));
    assert_eq!(graph.find(" id-4f1c2e8a9b7d4c3e ").map(|n| n.id), Ok(zaken));
    assert_eq!(graph.find("Zaaksysteem").map(|n| n.id), Ok(zaken));
    assert_eq!(graph.find(&zaken.to_string()).map(|n| n.id), Ok(zaken));
    assert_eq!(
        graph.by_archimate_id("id-4f1c2e8a9b7d4c3e").map(|n| n.id),
        Some(zaken)
    );
    assert!(graph.by_archimate_id("id-onbekend").is_none());
    assert!(graph.find("id-onbekend").is_err());
    // What depends on the element found that way is affected by it.
    let affected = graph.impact(zaken).unwrap_or_default();
    assert!(affected.iter().any(|a| a.node(&graph).id == portal));
}
