use super::people::{Change, Fate, competence_gaps, fte, template};
use super::plan::{Phase, PlanWarning};
use super::risks::{RiskStatus, heat_map, weekly_report};
use super::*;
use crate::procurement::route::PolicyThresholds;
use serde_json::json;
use std::collections::BTreeMap;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn names(e: &ValidationErrors) -> Vec<String> {
    e.0.iter().map(|f| f.name.clone()).collect()
}

fn role(value: Value) -> Role {
    match ItemKind::Role.read(&value) {
        Ok(Item::Role(r)) => r,
        other => panic!("not a role: {other:?}"),
    }
}

#[test]
fn fte_sums_per_role_and_in_total() {
    let roles = vec![
        (
            id(1),
            role(
                json!({"naam": "Systeembeheerder", "verandering": "verdwijnt", "fteNu": 4.5, "fteStraks": 0}),
            ),
        ),
        (
            id(2),
            role(
                json!({"naam": "Applicatiebeheerder", "verandering": "verandert", "fteNu": "3,2", "fteStraks": "1,5",
                "competenties": "Regievoering; 1,5; 0,5\nFunctioneel beheer (BiSL); 1; 1"}),
            ),
        ),
        (
            id(3),
            role(
                json!({"naam": "Contractmanager", "verandering": "nieuw", "fteNu": 0, "fteStraks": 1,
                "competenties": [{"naam": "regievoering", "nodig": 1, "aanwezig": 0}]}),
            ),
        ),
    ];
    let summary = fte(&roles);
    assert_eq!(summary.roles.len(), 3);
    assert!((summary.voor - 7.7).abs() < 1e-9, "{}", summary.voor);
    assert!((summary.na - 2.5).abs() < 1e-9, "{}", summary.na);
    assert_eq!(summary.roles[1].voor, 3.2);
    assert_eq!(summary.roles[1].na, 1.5);
    // The same competence in two roles is summed, whatever its capitals.
    let gaps = competence_gaps(&roles);
    assert_eq!(gaps[0].naam, "Regievoering");
    assert!((gaps[0].nodig - 2.5).abs() < 1e-9 && (gaps[0].tekort - 2.0).abs() < 1e-9);
    assert_eq!(gaps[1].tekort, 0.0);
}

#[test]
fn the_template_holds_the_six_directing_roles() {
    let roles = template(Lang::Nl);
    assert_eq!(roles.len(), 6);
    assert!(
        roles
            .iter()
            .all(|r| r.verandering == Change::Nieuw && r.fte_nu == 0.0)
    );
    let names: Vec<&str> = roles.iter().map(|r| r.naam.as_str()).collect();
    assert!(
        names.contains(&"Contractmanager") && names.contains(&"Security officer voor de keten")
    );
    // Each template role reads back as valid input.
    for r in roles {
        let back = role(serde_json::to_value(&r).unwrap_or_default());
        assert_eq!(back, r);
    }
}

#[test]
fn bad_roles_are_named() {
    let e = ItemKind::Role
        .read(&json!({"naam": "", "verandering": "weg", "fteNu": -1, "fteStraks": "veel", "kleur": "rood",
            "competenties": "Regie; -2"}))
        .expect_err("invalid");
    assert_eq!(
        names(&e),
        [
            "naam",
            "verandering",
            "fteNu",
            "fteStraks",
            "competenties[0].nodig",
            "competenties[0].aanwezig",
            "kleur"
        ]
    );
    assert_eq!(e.0[2].problem, Problem::Negative);
    // A disappearing role keeps no FTE.
    let e = ItemKind::Role
        .read(&json!({"naam": "Netwerkbeheer", "verandering": "verdwijnt", "fteNu": 2, "fteStraks": 1}))
        .expect_err("inconsistent");
    assert_eq!(names(&e), ["fteStraks"]);
}

fn milestone(name: &str, date: NaiveDate, deps: &[Uuid]) -> Item {
    Item::Milestone(Milestone {
        naam: name.into(),
        fase: Phase::Transitie,
        datum: date,
        eigenaar: "Projectleider".into(),
        afhankelijk_van: deps.to_vec(),
        gereed: false,
    })
}

#[test]
fn a_dependency_cycle_is_named_and_refused() {
    let d = Dossier::default();
    let d = d
        .with(id(1), milestone("Gunning", day(2027, 3, 1), &[]))
        .expect("ok");
    let d = d
        .with(
            id(2),
            milestone("Contract getekend", day(2027, 4, 1), &[id(1)]),
        )
        .expect("ok");
    let d = d
        .with(id(3), milestone("Migratie", day(2027, 9, 1), &[id(2)]))
        .expect("ok");
    // Gunning depending on Migratie closes the circle.
    let e = d
        .with(id(1), milestone("Gunning", day(2027, 3, 1), &[id(3)]))
        .expect_err("cycle");
    assert_eq!(names(&e), ["afhankelijkVan"]);
    let Problem::Cycle { path } = &e.0[0].problem else {
        panic!("{e:?}")
    };
    assert_eq!(path.matches(" → ").count(), 3, "{path}");
    for n in ["Gunning", "Contract getekend", "Migratie"] {
        assert!(path.contains(n), "{path}");
    }
    // Itself, or a milestone that does not exist.
    let e = d
        .with(id(4), milestone("X", day(2027, 1, 1), &[id(4), id(99)]))
        .expect_err("bad");
    assert_eq!(names(&e), ["afhankelijkVan[0]", "afhankelijkVan[1]"]);
    // One that others depend on cannot be removed; the last can.
    let e = d.without(ItemKind::Milestone, id(1)).expect_err("in use");
    assert!(matches!(&e.0[0].problem, Problem::InUse { by } if by == "Contract getekend"));
    assert_eq!(
        d.without(ItemKind::Milestone, id(3))
            .expect("free")
            .milestones
            .len(),
        2
    );
}

#[test]
fn milestones_and_phases_are_checked_on_reading() {
    let e = ItemKind::Milestone
        .read(&json!({"naam": "Go-live", "fase": "later", "datum": "31-02-2027"}))
        .expect_err("bad");
    assert_eq!(names(&e), ["fase", "datum"]);
    let e = Plan::read(&json!({"fasen": [
        {"fase": "transitie", "start": "2027-06-01", "eind": "2027-05-01"},
        {"fase": "transitie", "start": "2027-06-01", "eind": "2027-12-01"}
    ], "minStabilisatieMaanden": 90}))
    .expect_err("bad");
    assert_eq!(
        names(&e),
        ["fasen[0].eind", "fasen[1].fase", "minStabilisatieMaanden"]
    );
    assert_eq!(e.0[0].problem, Problem::DateBefore { other: "start" });
    assert_eq!(
        Plan::read(&json!({}))
            .expect("empty")
            .min_stabilisatie_maanden,
        6
    );
}

fn plan(procurement_days: i64, stabilisation_months: u32) -> Plan {
    let start = day(2027, 1, 4);
    let p_end = start + chrono::Duration::days(procurement_days);
    let s_start = day(2027, 12, 1);
    let s_end = s_start
        .checked_add_months(chrono::Months::new(stabilisation_months))
        .unwrap_or(s_start);
    let phase = |fase, start, eind| plan::PhaseDates { fase, start, eind };
    Plan {
        fasen: vec![
            phase(Phase::Voorbereiding, day(2026, 6, 1), start),
            phase(Phase::Aanbesteding, start, p_end),
            phase(Phase::Transitie, p_end, s_start),
            phase(Phase::Stabilisatie, s_start, s_end),
            phase(Phase::Regie, s_end, day(2032, 1, 1)),
        ],
        min_stabilisatie_maanden: 6,
        aanbesteding: Some(plan::TenderSize {
            soort: route::Kind::Diensten,
            jaarwaarde: 400_000.0,
            maanden: 48,
            optie_maanden: 24,
            onbepaald: false,
        }),
    }
}

#[test]
fn a_plan_shorter_than_the_procurement_timeline_or_the_stabilisation_minimum_is_warned_about() {
    let policy = PolicyThresholds::default();
    let d = Dossier {
        plan: plan(60, 3),
        ..Dossier::default()
    };
    let route = d.route(policy, Lang::Nl).expect("route");
    assert!(route.european);
    let minimum =
        (route.planning.last().map(|s| s.date).unwrap_or_default() - day(2027, 1, 4)).num_days();
    assert!(minimum > 60, "{minimum}");
    let warnings = d.warnings(policy, Lang::Nl);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        matches!(&warnings[0], PlanWarning::ProcurementTooShort { planned_days: 60, minimum_days, .. } if *minimum_days == minimum)
    );
    assert!(matches!(
        warnings[1],
        PlanWarning::StabilisationTooShort {
            minimum_months: 6,
            ..
        }
    ));
    assert!(warnings[0].message(Lang::Nl).contains("niet in een dag"));
    // Long enough: no warnings. Exactly the minimum is enough.
    let d = Dossier {
        plan: plan(minimum, 6),
        ..Dossier::default()
    };
    assert_eq!(d.warnings(policy, Lang::Nl), []);
    // A lower minimum set by the organisation.
    let mut p = plan(minimum, 3);
    p.min_stabilisatie_maanden = 3;
    assert_eq!(
        Dossier {
            plan: p,
            ..Dossier::default()
        }
        .warnings(policy, Lang::Nl),
        []
    );
    // Without the tender's size the phase cannot be checked, and that is said.
    let mut p = plan(minimum, 6);
    p.aanbesteding = None;
    p.fasen.retain(|f| f.fase != Phase::Regie);
    let warnings = Dossier {
        plan: p,
        ..Dossier::default()
    }
    .warnings(policy, Lang::Nl);
    assert_eq!(
        warnings,
        [
            PlanWarning::MissingPhases(vec![Phase::Regie]),
            PlanWarning::NoTenderSize
        ]
    );
}

#[test]
fn late_milestones_and_milestones_before_their_dependencies() {
    let d = Dossier::default()
        .with(id(1), milestone("Gunning", day(2027, 5, 1), &[]))
        .and_then(|d| d.with(id(2), milestone("Contract", day(2027, 4, 1), &[id(1)])))
        .expect("ok");
    let late: Vec<Uuid> = d
        .late_milestones(day(2027, 4, 15))
        .iter()
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(late, [id(2)]);
    let warnings = d.warnings(PolicyThresholds::default(), Lang::Nl);
    assert!(warnings.contains(&PlanWarning::BeforeDependency {
        milestone: "Contract".into(),
        depends_on: "Gunning".into()
    }));
}

fn risk(kans: u8, impact: u8, status: RiskStatus, until: Option<NaiveDate>) -> Risk {
    Risk {
        titel: "Kennis verdwijnt".into(),
        oorzaak: "Beheerders vertrekken".into(),
        gevolg: "Storingen duren langer".into(),
        kans,
        impact,
        eigenaar: "CIO".into(),
        maatregel: "Kennisoverdracht".into(),
        maatregel_voor: until,
        status,
        leverancier: None,
    }
}

#[test]
fn the_weekly_report_names_new_changed_grown_removed_and_late() {
    let today = day(2027, 3, 10);
    let before = BTreeMap::from([
        (id(1), risk(2, 3, RiskStatus::Open, None)),
        (id(2), risk(4, 4, RiskStatus::Open, Some(day(2027, 3, 1)))),
        (id(3), risk(3, 3, RiskStatus::Open, None)),
        (id(4), risk(1, 1, RiskStatus::Open, None)),
    ]);
    let mut grown = risk(4, 3, RiskStatus::InBehandeling, None);
    grown.eigenaar = "Informatiemanager".into();
    let now = BTreeMap::from([
        (id(1), grown),
        (id(2), risk(4, 4, RiskStatus::Open, Some(day(2027, 3, 1)))),
        (id(3), risk(2, 3, RiskStatus::Open, None)),
        (id(5), risk(5, 5, RiskStatus::Open, Some(day(2027, 3, 20)))),
    ]);
    let r = weekly_report(&before, &now, today);
    assert_eq!(r.new, [id(5)]);
    assert_eq!(r.removed, [id(4)]);
    assert_eq!(r.changed.len(), 2);
    assert_eq!(r.changed[0].id, id(1));
    assert_eq!(r.changed[0].fields, ["kans", "eigenaar", "status"]);
    assert_eq!(r.changed[1].fields, ["kans"]);
    // Only risk 1 grew (6 → 12); risk 3 shrank.
    assert_eq!(
        r.grown,
        [risks::Grown {
            id: id(1),
            before: 6,
            after: 12
        }]
    );
    // Risk 2's mitigation was due on 1 March and it is still open; risk 5's is not due yet.
    assert_eq!(r.late_mitigations, [id(2)]);
    // A mitigated risk is not late.
    let now = BTreeMap::from([(
        id(2),
        risk(4, 4, RiskStatus::Beheerst, Some(day(2027, 3, 1))),
    )]);
    assert!(
        weekly_report(&before, &now, today)
            .late_mitigations
            .is_empty()
    );
}

#[test]
fn probability_and_impact_must_be_one_to_five() {
    let e = ItemKind::Risk
        .read(&json!({"titel": "Lock-in", "kans": 0, "impact": 6}))
        .expect_err("bad");
    assert_eq!(names(&e), ["kans", "impact"]);
    assert_eq!(e.0[0].problem, Problem::OutOfRange { min: 1, max: 5 });
    let e = ItemKind::Risk
        .read(&json!({"titel": "Lock-in", "kans": "2,5", "impact": 3}))
        .expect_err("bad");
    assert_eq!(names(&e), ["kans"]);
    // Who submitted a risk is not input: the application sets it.
    let e = ItemKind::Risk
        .read(&json!({"titel": "Lock-in", "kans": "4", "impact": 5, "leverancier": "x"}))
        .expect_err("not input");
    assert_eq!(names(&e), ["leverancier"]);
    let Ok(Item::Risk(r)) =
        ItemKind::Risk.read(&json!({"titel": "Lock-in", "kans": "4", "impact": 5}))
    else {
        panic!()
    };
    assert_eq!((r.score(), r.status), (20, RiskStatus::Open));
    // The heat map counts the risks not closed, by impact and probability.
    let cells = heat_map(&[
        risk(4, 5, RiskStatus::Open, None),
        risk(4, 5, RiskStatus::Beheerst, None),
        risk(1, 1, RiskStatus::Gesloten, None),
    ]);
    assert_eq!(cells[4][3], 2);
    assert_eq!(cells.iter().flatten().sum::<u32>(), 2);
}

#[test]
fn people_need_existing_roles() {
    let d = Dossier::default()
        .with(id(1), Item::Role(role(json!({"naam": "Systeembeheerder", "verandering": "verdwijnt", "fteNu": 2, "fteStraks": 0}))))
        .and_then(|d| d.with(id(2), Item::Role(role(json!({"naam": "Contractmanager", "verandering": "nieuw", "fteNu": 0, "fteStraks": 1})))))
        .expect("ok");
    let person = |value: Value| ItemKind::Person.read(&value);
    let e = person(json!({"naam": "J. de Vries", "rol": id(1).to_string(), "lot": "nieuwe-rol"}))
        .expect_err("no new role");
    assert_eq!(names(&e), ["nieuweRol"]);
    let p = person(json!({"naam": "J. de Vries", "rol": id(1).to_string(), "lot": "nieuwe-rol", "nieuweRol": id(2).to_string()})).expect("ok");
    let d = d.with(id(10), p).expect("ok");
    let Some(Item::Person(stored)) = d.item(ItemKind::Person, id(10)) else {
        panic!()
    };
    assert_eq!(stored.lot, Fate::NieuweRol);
    // Unknown roles, a disappearing new role, removing a role in use.
    let p = person(json!({"naam": "A. Bakker", "rol": id(7).to_string(), "lot": "nieuwe-rol", "nieuweRol": id(1).to_string()})).expect("reads");
    assert_eq!(
        names(&d.with(id(11), p).expect_err("bad")),
        ["rol", "nieuweRol"]
    );
    assert!(d.without(ItemKind::Role, id(2)).is_err());
    assert!(
        d.without(ItemKind::Person, id(10))
            .and_then(|d| d.without(ItemKind::Role, id(2)))
            .is_ok()
    );
}
