//! Each rule with an element that breaks it and one that just does not; the score formula
//! against a hand-computed example.

use super::*;
use crate::landscape::{InputMode, Record, validate};
use crate::reference::ReferenceCatalog;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::collections::HashMap;
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("valid date")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
}

struct Register {
    items: Vec<(Uuid, Record)>,
    goals: Vec<(Uuid, crate::goals::Goal)>,
    confirmations: HashMap<Uuid, NaiveDate>,
    settings: Settings,
}

impl Default for Register {
    /// A register with one measurable goal, so that only the rules under test find something.
    fn default() -> Self {
        let goal = crate::goals::Goal::parse(&json!({"titel": "Doel", "kpis": [{
            "meting": "m", "nulwaarde": 1, "nulmetingDatum": "2026-01-01",
            "streefwaarde": 2, "streefdatum": "2027-01-01"}]}))
        .expect("valid goal");
        Register {
            items: Vec::new(),
            goals: vec![(Uuid::now_v7(), goal)],
            confirmations: HashMap::new(),
            settings: Settings::default(),
        }
    }
}

impl Register {
    fn add(&mut self, kind: EntityKind, fields: Value) -> Uuid {
        let catalog = ReferenceCatalog::gemma();
        let (record, errors) = validate(
            kind,
            fields.as_object().expect("an object"),
            InputMode::Api,
            &|id| catalog.contains(id),
        );
        assert!(errors.is_empty(), "{fields}: {errors}");
        let id = Uuid::now_v7();
        self.items.push((id, record));
        id
    }

    fn app(&mut self, name: &str, extra: Value) -> Uuid {
        let mut fields = json!({"naam": name, "levenscyclus": "in-gebruik"});
        merge(&mut fields, extra);
        self.add(EntityKind::Application, fields)
    }

    fn relation(&mut self, soort: &str, from: Uuid, to: Uuid) -> Uuid {
        self.add(
            EntityKind::Relation,
            json!({"soort": soort, "bronId": from.to_string(), "doelId": to.to_string()}),
        )
    }

    fn supplier(&mut self, name: &str) -> Uuid {
        self.add(EntityKind::Supplier, json!({"naam": name}))
    }

    fn report(&self) -> Report {
        let items: Vec<(Uuid, &Record)> = self.items.iter().map(|(id, r)| (*id, r)).collect();
        let goals: Vec<(Uuid, &crate::goals::Goal)> =
            self.goals.iter().map(|(id, g)| (*id, g)).collect();
        check(
            &items,
            &goals,
            &self.confirmations,
            ReferenceCatalog::gemma(),
            &self.settings,
            today(),
        )
    }

    /// The names of the elements `rule` finds.
    fn found(&self, rule: RuleId) -> Vec<String> {
        self.report()
            .findings
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.name)
            .collect()
    }
}

fn merge(into: &mut Value, extra: Value) {
    if let (Some(target), Value::Object(extra)) = (into.as_object_mut(), extra) {
        target.extend(extra);
    }
}

fn id(id: Uuid) -> String {
    id.to_string()
}

#[test]
fn applicatie_zonder_eigenaar() {
    let mut r = Register::default();
    let owner = r.add(EntityKind::Person, json!({"naam": "Eigenaar"}));
    r.app("Zonder", json!({}));
    r.app("Met", json!({"eigenaarId": id(owner)}));
    r.app("Gepland", json!({"levenscyclus": "gepland"}));
    assert_eq!(r.found(RuleId::ApplicationWithoutOwner), ["Zonder"]);
}

#[test]
fn applicatie_zonder_leverancier() {
    let mut r = Register::default();
    let supplier = r.supplier("Leverancier");
    r.app("Zonder", json!({}));
    r.app("Met", json!({"leverancierId": id(supplier)}));
    assert_eq!(r.found(RuleId::ApplicationWithoutSupplier), ["Zonder"]);
}

#[test]
fn applicatie_zonder_contract() {
    let mut r = Register::default();
    let supplier = r.supplier("Centric");
    let contract = r.add(
        EntityKind::Contract,
        json!({"naam": "Contract", "leverancierId": id(supplier)}),
    );
    r.app("Zonder", json!({"leverancierId": id(supplier)}));
    r.app(
        "Met veld",
        json!({"leverancierId": id(supplier), "contractId": id(contract)}),
    );
    let related = r.app("Met relatie", json!({"leverancierId": id(supplier)}));
    r.relation("valt-onder", related, contract);
    assert_eq!(r.found(RuleId::ApplicationWithoutContract), ["Zonder"]);
    let report = r.report();
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::ApplicationWithoutContract)
        .expect("found");
    assert!(finding.message(Lang::Nl).contains("Centric"));
}

#[test]
fn applicatie_zonder_biv() {
    let mut r = Register::default();
    r.app(
        "Twee van drie",
        json!({"beschikbaarheid": 2, "integriteit": 2}),
    );
    r.app(
        "Alle drie",
        json!({"beschikbaarheid": 2, "integriteit": 2, "vertrouwelijkheid": 1}),
    );
    assert_eq!(r.found(RuleId::ApplicationWithoutBiv), ["Twee van drie"]);
    let report = r.report();
    let message = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::ApplicationWithoutBiv)
        .expect("found")
        .message(Lang::Nl);
    assert!(message.contains("vertrouwelijkheid"), "{message}");
}

#[test]
fn biv_lager_dan_gemma() {
    let catalog = ReferenceCatalog::gemma();
    let component = catalog
        .all()
        .iter()
        .find(|c| c.beschikbaarheid.map(|l| l.get()) == Some(3))
        .expect("GEMMA has a component with availability 3");
    let mut r = Register::default();
    let levels = |b: u8| {
        json!({"referentiecomponentIds": [component.id], "beschikbaarheid": b,
               "integriteit": 3, "vertrouwelijkheid": 3})
    };
    r.app("Lager", levels(2));
    r.app("Gelijk", levels(3));
    r.app("Zonder referentie", json!({"beschikbaarheid": 1}));
    assert_eq!(r.found(RuleId::BivBelowGemma), ["Lager"]);
}

#[test]
fn applicatie_zonder_referentiecomponent() {
    let catalog = ReferenceCatalog::gemma();
    let mut r = Register::default();
    r.app("Zonder", json!({}));
    r.app(
        "Met",
        json!({"referentiecomponentIds": [catalog.all()[0].id]}),
    );
    assert_eq!(
        r.found(RuleId::ApplicationWithoutReferenceComponent),
        ["Zonder"]
    );
}

#[test]
fn applicatie_zonder_infrastructuur() {
    let mut r = Register::default();
    let server = r.add(
        EntityKind::Component,
        json!({"naam": "Server", "soort": "server"}),
    );
    r.app("Eigen rekencentrum", json!({"hosting": "on-premises"}));
    r.app("Private cloud", json!({"hosting": "private-cloud"}));
    let runs = r.app("Draait ergens op", json!({"hosting": "on-premises"}));
    r.relation("draait-op", runs, server);
    r.app("SaaS", json!({"hosting": "saas"}));
    assert_eq!(
        r.found(RuleId::ApplicationWithoutInfrastructure),
        ["Eigen rekencentrum", "Private cloud"]
    );
}

#[test]
fn component_zonder_gebruik() {
    let mut r = Register::default();
    let server = |name: &str| json!({"naam": name, "soort": "server"});
    r.add(EntityKind::Component, server("Ongebruikt"));
    let used = r.add(EntityKind::Component, server("Gebruikt"));
    let app = r.app("App", json!({}));
    r.relation("draait-op", app, used);
    let mut gone = server("Uitgefaseerd");
    merge(&mut gone, json!({"levenscyclus": "uitgefaseerd"}));
    r.add(EntityKind::Component, gone);
    assert_eq!(r.found(RuleId::ComponentUnused), ["Ongebruikt"]);
}

#[test]
fn component_einde_ondersteuning() {
    let mut r = Register::default();
    let component =
        |name: &str, end: &str| json!({"naam": name, "soort": "server", "eindeOndersteuning": end});
    // Today is 15 June 2026; the window is six months: up to 15 December 2026.
    r.add(EntityKind::Component, component("Verlopen", "2026-06-14"));
    r.add(EntityKind::Component, component("Rand", "2026-12-15"));
    r.add(EntityKind::Component, component("Net niet", "2026-12-16"));
    assert_eq!(r.found(RuleId::ComponentEndOfSupport), ["Rand", "Verlopen"]);
    let report = r.report();
    let messages: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::ComponentEndOfSupport)
        .map(|f| f.message(Lang::Nl))
        .collect();
    assert!(messages.iter().any(|m| m.contains("eindigt op 15-12-2026")));
    assert!(messages.iter().any(|m| m.contains("sinds 14-06-2026")));
}

#[test]
fn gegevens_zonder_locatie() {
    let mut r = Register::default();
    r.add(EntityKind::DataSet, json!({"naam": "Zonder"}));
    r.add(
        EntityKind::DataSet,
        json!({"naam": "Met", "opslaglocatie": "NL"}),
    );
    assert_eq!(r.found(RuleId::DataWithoutLocation), ["Zonder"]);
}

#[test]
fn gegevens_buiten_eer() {
    let mut r = Register::default();
    let set = |name: &str, extra: Value| {
        let mut v = json!({"naam": name, "persoonsgegevens": true, "opslaglocatie": "US"});
        merge(&mut v, extra);
        v
    };
    r.add(EntityKind::DataSet, set("VS zonder grondslag", json!({})));
    r.add(
        EntityKind::DataSet,
        set(
            "VS met grondslag",
            json!({"doorgifteGrondslag": "modelcontractbepalingen"}),
        ),
    );
    r.add(
        EntityKind::DataSet,
        set("Noorwegen", json!({"opslaglocatie": "NO"})),
    );
    r.add(
        EntityKind::DataSet,
        json!({"naam": "Geen persoonsgegevens", "opslaglocatie": "US"}),
    );
    assert_eq!(r.found(RuleId::DataOutsideEea), ["VS zonder grondslag"]);
}

#[test]
fn verwerker_zonder_verwerkersovereenkomst() {
    let mut r = Register::default();
    let processor = r.supplier("Verwerker BV");
    let set = |name: &str, agreement: bool| {
        json!({"naam": name, "categorieenPersoonsgegevens": "NAW",
               "verwerkerId": id(processor), "verwerkersovereenkomst": agreement})
    };
    r.add(EntityKind::DataSet, set("Zonder", false));
    r.add(EntityKind::DataSet, set("Met", true));
    r.add(
        EntityKind::DataSet,
        json!({"naam": "Geen persoonsgegevens", "verwerkerId": id(processor)}),
    );
    assert_eq!(r.found(RuleId::ProcessorWithoutAgreement), ["Zonder"]);
}

#[test]
fn persoonsgegevens_zonder_verwerking() {
    let mut r = Register::default();
    let data = r.add(EntityKind::DataSet, json!({"naam": "Gegevens"}));
    r.app("Zonder", json!({"persoonsgegevens": true}));
    let with = r.app("Met", json!({"persoonsgegevens": true}));
    r.relation("verwerkt", with, data);
    r.app("Geen persoonsgegevens", json!({"persoonsgegevens": false}));
    assert_eq!(r.found(RuleId::PersonalDataWithoutProcessing), ["Zonder"]);
}

fn contract(r: &mut Register, name: &str, extra: Value) -> Uuid {
    let supplier = r.supplier(&format!("Leverancier van {name}"));
    let mut fields = json!({"naam": name, "leverancierId": id(supplier)});
    merge(&mut fields, extra);
    r.add(EntityKind::Contract, fields)
}

#[test]
fn contract_verlopen() {
    let mut r = Register::default();
    let expired = contract(
        &mut r,
        "Gisteren verlopen",
        json!({"einddatum": "2026-06-14"}),
    );
    let today_ = contract(
        &mut r,
        "Loopt vandaag af",
        json!({"einddatum": "2026-06-15"}),
    );
    let unused = contract(
        &mut r,
        "Niet in gebruik",
        json!({"einddatum": "2026-01-01"}),
    );
    r.app("A", json!({"contractId": id(expired)}));
    r.app("B", json!({"contractId": id(today_)}));
    r.app(
        "C",
        json!({"contractId": id(unused), "levenscyclus": "uitgefaseerd"}),
    );
    assert_eq!(r.found(RuleId::ContractExpired), ["Gisteren verlopen"]);
}

#[test]
fn contract_opzegtermijn_nadert() {
    let mut r = Register::default();
    // Deadline = end date minus the notice period; warn from 90 days before it.
    contract(
        &mut r,
        "Over 90 dagen",
        json!({"einddatum": "2026-12-13", "opzegtermijnMaanden": 3}),
    );
    contract(
        &mut r,
        "Over 91 dagen",
        json!({"einddatum": "2026-12-14", "opzegtermijnMaanden": 3}),
    );
    contract(
        &mut r,
        "Verstreken",
        json!({"einddatum": "2026-08-01", "opzegtermijnMaanden": 3}),
    );
    assert_eq!(
        r.found(RuleId::ContractNoticeApproaching),
        ["Over 90 dagen"]
    );
    let report = r.report();
    assert!(
        report.findings[0]
            .message(Lang::Nl)
            .contains("13-09-2026 (over 90 dagen)")
    );
}

#[test]
fn contract_zonder_exitplan() {
    let mut r = Register::default();
    let without = contract(&mut r, "Zonder", json!({"exitplan": false}));
    let with = contract(&mut r, "Met", json!({"exitplan": true}));
    let not_critical = contract(&mut r, "Niet kritisch", json!({}));
    r.app(
        "Kritisch 1",
        json!({"bedrijfskritisch": true, "contractId": id(without)}),
    );
    r.app(
        "Kritisch 2",
        json!({"bedrijfskritisch": true, "contractId": id(with)}),
    );
    r.app(
        "Gewoon",
        json!({"bedrijfskritisch": false, "contractId": id(not_critical)}),
    );
    assert_eq!(r.found(RuleId::ContractWithoutExitPlan), ["Zonder"]);
}

#[test]
fn contract_zonder_assurance() {
    let mut r = Register::default();
    let old = contract(
        &mut r,
        "Te oud",
        json!({"assuranceLaatstOntvangen": "2025-06-14"}),
    );
    let recent = contract(
        &mut r,
        "Net op tijd",
        json!({"assuranceLaatstOntvangen": "2025-06-15"}),
    );
    let never = contract(&mut r, "Nooit", json!({}));
    let plain = contract(&mut r, "Niets bijzonders", json!({}));
    r.app(
        "Kritisch",
        json!({"bedrijfskritisch": true, "contractId": id(old)}),
    );
    r.app(
        "Kritisch 2",
        json!({"bedrijfskritisch": true, "contractId": id(recent)}),
    );
    r.app(
        "Persoonsgegevens",
        json!({"persoonsgegevens": true, "contractId": id(never)}),
    );
    r.app("Gewoon", json!({"contractId": id(plain)}));
    assert_eq!(
        r.found(RuleId::ContractWithoutAssurance),
        ["Nooit", "Te oud"]
    );
}

#[test]
fn koppeling_naar_uitgefaseerd() {
    let mut r = Register::default();
    let a = r.app("A", json!({}));
    let b = r.app("B", json!({}));
    let old = r.app("Oud", json!({"levenscyclus": "uitgefaseerd"}));
    let older = r.app("Ouder", json!({"levenscyclus": "uitgefaseerd"}));
    let link = |name: &str, from: Uuid, to: Uuid| json!({"naam": name, "vanApplicatieId": id(from), "naarApplicatieId": id(to)});
    r.add(EntityKind::Interface, link("Naar oud", a, old));
    r.add(EntityKind::Interface, link("Tussen actieve", a, b));
    r.add(EntityKind::Interface, link("Tussen oude", old, older));
    assert_eq!(r.found(RuleId::InterfaceToPhasedOut), ["Naar oud"]);
}

#[test]
fn afhankelijkheidscyclus() {
    let mut r = Register::default();
    let component = |r: &mut Register, name: &str| {
        r.add(
            EntityKind::Component,
            json!({"naam": name, "soort": "virtuele-machine"}),
        )
    };
    let (a, b, c) = (
        component(&mut r, "VM a"),
        component(&mut r, "VM b"),
        component(&mut r, "VM c"),
    );
    r.relation("draait-op", a, b);
    r.relation("draait-op", b, c);
    r.relation("draait-op", c, a);
    let (x, y, z) = (
        component(&mut r, "VM x"),
        component(&mut r, "VM y"),
        component(&mut r, "VM z"),
    );
    r.relation("draait-op", x, y);
    r.relation("draait-op", y, z);
    r.relation("draait-op", x, z);
    assert_eq!(r.found(RuleId::DependencyCycle), ["VM a"]);
    let report = r.report();
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::DependencyCycle)
        .expect("found");
    assert_eq!(
        finding.detail,
        Detail::Cycle(vec![
            "VM a".into(),
            "VM b".into(),
            "VM c".into(),
            "VM a".into()
        ])
    );
}

#[test]
fn gegevens_niet_bevestigd() {
    let mut r = Register::default();
    let on_time = r.app("Net op tijd", json!({}));
    let late = r.app("Verlopen", json!({}));
    r.app("Nooit", json!({}));
    r.app("Gepland", json!({"levenscyclus": "gepland"}));
    r.add(EntityKind::Supplier, json!({"naam": "Leverancier"}));
    let later = r.app("Pas later bevestigd", json!({}));
    r.confirmations.insert(on_time, day("2025-06-15"));
    r.confirmations.insert(late, day("2025-06-14"));
    r.confirmations.insert(later, day("2026-06-16"));
    assert_eq!(
        r.found(RuleId::NotConfirmed),
        ["Nooit", "Pas later bevestigd", "Verlopen"]
    );
}

#[test]
fn settings_switch_off_rules_change_severity_and_thresholds() {
    let mut r = Register::default();
    r.add(
        EntityKind::Component,
        json!({"naam": "Server", "soort": "server", "eindeOndersteuning": "2027-03-01"}),
    );
    assert!(r.found(RuleId::ComponentEndOfSupport).is_empty());
    r.settings = Settings::parse(&json!({
        "eindeOndersteuningMaanden": 12,
        "regels": {
            "component-zonder-gebruik": {"aan": false},
            "component-einde-ondersteuning": {"ernst": "fout"}
        }
    }))
    .expect("valid");
    let report = r.report();
    assert!(r.found(RuleId::ComponentUnused).is_empty());
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::ComponentEndOfSupport)
        .expect("found with the longer window");
    assert_eq!(finding.severity, Severity::Fout);
}

#[test]
fn the_score_as_computed_by_hand() {
    let mut r = Register::default();
    let owner = r.add(EntityKind::Person, json!({"naam": "Eigenaar"}));
    // Supplier: kvkNummer (2) and land (1) of 2+1+1+1+1 = 6 → 0.5; no findings → 50.
    r.add(
        EntityKind::Supplier,
        json!({"naam": "Leverancier", "kvkNummer": "12345678", "land": "NL"}),
    );
    // Data set: every weighted field → 1.0; not confirmed (waarschuwing, 0.2) → 80.
    r.add(
        EntityKind::DataSet,
        json!({"naam": "Gegevens", "eigenaarId": id(owner), "doel": "Taak",
               "persoonsgegevens": false, "grondslag": "wettelijke-verplichting",
               "bewaartermijn": "7 jaar", "opslaglocatie": "NL", "dpiaUitgevoerd": false}),
    );
    // Component: levenscyclus (2) and eindeOndersteuning (2) of 10 → 0.4; out of support
    // (0.2), unused (info, 0) and not confirmed (0.2) → 100 × 0.4 × 0.6 = 24.
    r.add(
        EntityKind::Component,
        json!({"naam": "Server", "soort": "server", "levenscyclus": "in-gebruik",
               "eindeOndersteuning": "2026-01-01"}),
    );
    // Phased out: not scored.
    r.add(
        EntityKind::Component,
        json!({"naam": "Oud", "soort": "server", "levenscyclus": "uitgefaseerd"}),
    );
    let scores = r.report().scores;
    assert_eq!(scores.elements, 3);
    assert_eq!(scores.overall, 51.3, "(50 + 80 + 24) / 3");
    assert_eq!(scores.area(Area::Contracten).score, Some(50.0));
    assert_eq!(scores.area(Area::Gegevens).score, Some(80.0));
    assert_eq!(scores.area(Area::Gegevens).completeness, Some(100.0));
    assert_eq!(scores.area(Area::Infrastructuur).score, Some(24.0));
    assert_eq!(scores.area(Area::Infrastructuur).completeness, Some(40.0));
    assert_eq!(scores.area(Area::Documentatie).score, None);
    assert_eq!(
        scores.area(Area::Infrastructuur).findings,
        [0, 1, 1],
        "out of support and unused; not confirmed counts under documentatie"
    );
}

#[test]
fn an_empty_register_scores_zero_and_finds_nothing() {
    let report = Register::default().report();
    assert_eq!(report.scores.overall, 0.0);
    assert!(report.findings.is_empty());
}

#[test]
fn doelen_zonder_kpi_and_geen_doelen() {
    let mut r = Register::default();
    let vague = crate::goals::Goal::parse(&json!({"titel": "Beter en goedkoper",
        "kpis": [{"meting": "Tevredenheid", "streefwaarde": 8}]}))
    .expect("valid");
    r.goals.push((Uuid::now_v7(), vague));
    assert_eq!(r.found(RuleId::GoalWithoutKpi), ["Beter en goedkoper"]);
    assert!(r.found(RuleId::NoGoals).is_empty());
    r.goals.clear();
    let report = r.report();
    let none = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::NoGoals)
        .expect("no goals at all");
    assert_eq!(none.severity, Severity::Fout);
    assert_eq!(none.subject, Subject::Organisation);
    assert_eq!(
        report.to_json(Lang::Nl)["bevindingen"][0]["elementSoort"],
        "organisatie"
    );
}

#[test]
fn a_self_hosted_application_needs_what_it_runs_on_for_completeness() {
    let mut r = Register::default();
    r.app("SaaS", json!({"hosting": "saas"}));
    r.app("Eigen", json!({"hosting": "on-premises"}));
    let items: Vec<(Uuid, &Record)> = r.items.iter().map(|(id, r)| (*id, r)).collect();
    let saas = completeness(items[0].1, Facts::default()).expect("scored");
    let own = completeness(items[1].1, Facts::default()).expect("scored");
    // Both fill levenscyclus-less weights equally: hosting (1) of the total; the self-hosted
    // one also misses "runs on" (2).
    let total: u32 = weights(EntityKind::Application)
        .iter()
        .map(|w| w.weight)
        .sum();
    assert_eq!(saas, 1.0 / f64::from(total - 2));
    assert_eq!(own, 1.0 / f64::from(total));
}

#[test]
fn the_owner_or_a_beheerder_may_confirm() {
    use crate::access::Role;
    let owner = Some("Eigenaar@Voorbeeld.nl");
    assert!(may_confirm(Role::Lezer, "eigenaar@voorbeeld.nl", owner));
    assert!(!may_confirm(Role::Regisseur, "ander@voorbeeld.nl", owner));
    assert!(may_confirm(Role::Beheerder, "ander@voorbeeld.nl", None));
    assert!(!may_confirm(Role::Regisseur, "ander@voorbeeld.nl", None));
}

#[test]
fn the_report_as_json_names_every_finding() {
    let mut r = Register::default();
    r.app("Zaaksysteem", json!({}));
    let report = r.report();
    let json = report.to_json(Lang::Nl);
    assert_eq!(json["peildatum"], "2026-06-15");
    assert!(json["score"].is_number());
    assert!(json["scorePerGebied"]["documentatie"].is_number());
    assert!(json["scorePerGebied"]["gegevens"].is_null());
    let findings = json["bevindingen"].as_array().expect("array");
    assert_eq!(findings.len(), report.findings.len());
    let owner = findings
        .iter()
        .find(|f| f["regel"] == "applicatie-zonder-eigenaar")
        .expect("found");
    assert_eq!(owner["ernst"], "fout");
    assert_eq!(owner["gebied"], "documentatie");
    assert_eq!(owner["elementSoort"], "applicatie");
    assert_eq!(owner["elementNaam"], "Zaaksysteem");
    assert!(
        owner["melding"]
            .as_str()
            .is_some_and(|m| m.contains("eigenaar"))
    );
    assert!(report.fails_on(Severity::Fout));
    assert!(report.fails_on(Severity::Waarschuwing));
}
