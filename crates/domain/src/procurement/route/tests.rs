//! The route advice against hand-computed cases.

use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn input(kind: Kind, annual: f64, months: u32, options: u32) -> RouteInput {
    RouteInput {
        kind,
        annual_value: annual,
        months,
        option_months: options,
        indefinite: false,
        notice_date: day("2026-03-02"),
        policy: PolicyThresholds::default(),
        factors: Factors::default(),
        assumptions: Assumptions::default(),
    }
}

fn allowed(route: &Route, procedure: Procedure) -> bool {
    route
        .procedures
        .iter()
        .find(|p| p.procedure == procedure)
        .is_some_and(|p| p.allowed)
}

#[test]
fn the_estimated_value_counts_options_and_caps_services_at_48_months() {
    let value = |i: &RouteInput| i.estimated_value(Lang::Nl).0;
    // Services: 10,000 a month; 48 + 24 months is more than 48: × 48.
    assert_eq!(value(&input(Kind::Diensten, 120_000.0, 48, 24)), 480_000.0);
    assert_eq!(value(&input(Kind::Diensten, 120_000.0, 36, 0)), 360_000.0);
    assert_eq!(value(&input(Kind::Diensten, 120_000.0, 36, 12)), 480_000.0);
    let mut indefinite = input(Kind::Diensten, 120_000.0, 12, 0);
    indefinite.indefinite = true;
    assert_eq!(value(&indefinite), 480_000.0);
    // Supplies and works: the total over the term, options included.
    assert_eq!(
        value(&input(Kind::Leveringen, 120_000.0, 48, 24)),
        720_000.0
    );
    assert_eq!(value(&input(Kind::Werken, 1_200_000.0, 30, 0)), 3_000_000.0);
    let mut leased = input(Kind::Leveringen, 60_000.0, 12, 0);
    leased.indefinite = true;
    assert_eq!(value(&leased), 240_000.0);
}

#[test]
fn the_threshold_is_the_one_in_force_on_the_notice_date_and_equal_counts_as_above() {
    let mut i = input(Kind::Diensten, 54_000.0, 48, 0); // 216,000 exactly
    assert_eq!(i.threshold(), (216_000.0, false));
    let route = advise(&i, Lang::Nl);
    assert!(route.european, "equal to the threshold is at or above it");
    i.notice_date = day("2025-12-31");
    assert_eq!(i.threshold(), (221_000.0, false));
    assert!(!advise(&i, Lang::Nl).european);
    i.kind = Kind::Werken;
    assert_eq!(i.threshold().0, 5_538_000.0);
    i.kind = Kind::SocialeDiensten;
    assert_eq!(i.threshold().0, 750_000.0);
    // After the table: the last known threshold, with a warning.
    let mut later = input(Kind::Diensten, 100_000.0, 48, 0);
    later.notice_date = day("2028-02-01");
    assert_eq!(later.threshold(), (216_000.0, true));
    assert!(
        advise(&later, Lang::Nl)
            .warnings
            .iter()
            .any(|w| w.contains("nog geen drempel"))
    );
    // Before the table: bad input.
    later.notice_date = day("2021-06-01");
    let errors = later.check().expect_err("no threshold");
    assert_eq!(errors.0[0].name, "publicatiedatum");
}

#[test]
fn above_the_threshold_the_procedures_follow_the_grounds() {
    let plain = input(Kind::Diensten, 120_000.0, 48, 24);
    let route = advise(&plain, Lang::Nl);
    assert!(route.european);
    assert_eq!(route.estimated_value, 480_000.0);
    assert!(allowed(&route, Procedure::Openbaar) && allowed(&route, Procedure::NietOpenbaar));
    assert!(!allowed(
        &route,
        Procedure::MededingingsprocedureMetOnderhandeling
    ));
    assert!(!allowed(&route, Procedure::ConcurrentiegerichteDialoog));
    assert!(!allowed(
        &route,
        Procedure::OnderhandelingZonderAankondiging
    ));
    for national in [
        Procedure::NationaalOpenbaar,
        Procedure::MeervoudigOnderhands,
        Procedure::EnkelvoudigOnderhands,
    ] {
        assert!(!allowed(&route, national), "{national:?}");
    }
    assert_eq!(route.advice, Procedure::Openbaar);
    assert!(!route.best_value.0, "a standard purchase");

    let mut complex = plain.clone();
    complex.factors.complex = true;
    let route = advise(&complex, Lang::Nl);
    assert!(allowed(
        &route,
        Procedure::MededingingsprocedureMetOnderhandeling
    ));
    assert_eq!(
        route.advice,
        Procedure::MededingingsprocedureMetOnderhandeling
    );
    assert!(route.best_value.0 && route.market_consultation.0);

    let mut designed = complex.clone();
    designed.factors.adapted = true;
    designed.factors.unspecifiable = true;
    assert_eq!(
        advise(&designed, Lang::Nl).advice,
        Procedure::ConcurrentiegerichteDialoog
    );

    let mut crowded = plain.clone();
    crowded.factors.potential_suppliers = Some(12);
    assert_eq!(advise(&crowded, Lang::Nl).advice, Procedure::NietOpenbaar);

    let mut urgent = plain;
    urgent.factors.urgent = true;
    let route = advise(&urgent, Lang::Nl);
    assert!(allowed(&route, Procedure::OnderhandelingZonderAankondiging));
    assert_ne!(
        route.advice,
        Procedure::OnderhandelingZonderAankondiging,
        "never the advice"
    );
}

#[test]
fn below_the_threshold_the_policy_decides() {
    let single = advise(&input(Kind::Diensten, 20_000.0, 24, 0), Lang::Nl); // 40,000
    assert!(!single.european);
    assert_eq!(single.advice, Procedure::EnkelvoudigOnderhands);
    assert!(
        allowed(&single, Procedure::MeervoudigOnderhands),
        "heavier is allowed"
    );
    let multiple = advise(&input(Kind::Diensten, 50_000.0, 24, 0), Lang::Nl); // 100,000
    assert_eq!(multiple.advice, Procedure::MeervoudigOnderhands);
    assert!(!allowed(&multiple, Procedure::EnkelvoudigOnderhands));
    assert!(allowed(&multiple, Procedure::Openbaar), "voluntary EU");
    let works = advise(&input(Kind::Werken, 1_000_000.0, 24, 0), Lang::Nl); // 2,000,000
    assert_eq!(works.advice, Procedure::NationaalOpenbaar);
    assert!(!allowed(&works, Procedure::MeervoudigOnderhands));
    // Just under the threshold: splitting is not allowed.
    let near = advise(&input(Kind::Diensten, 53_000.0, 48, 0), Lang::Nl); // 212,000
    assert!(!near.european);
    assert!(near.warnings.iter().any(|w| w.contains("Opsplitsen")));
    // A stricter policy of one's own.
    let mut strict = input(Kind::Diensten, 15_000.0, 24, 0); // 30,000
    strict.policy.diensten_enkelvoudig = 25_000.0;
    assert_eq!(
        advise(&strict, Lang::Nl).advice,
        Procedure::MeervoudigOnderhands
    );
}

#[test]
fn the_timeline_respects_the_minimum_periods() {
    let dates = |route: &Route| -> Vec<(&str, String)> {
        route
            .planning
            .iter()
            .map(|s| (s.code, s.date.to_string()))
            .collect()
    };
    let open = advise(&input(Kind::Diensten, 120_000.0, 48, 24), Lang::Nl);
    assert_eq!(
        dates(&open),
        [
            ("publicatie", "2026-03-02".to_string()),
            ("laatste-nota-van-inlichtingen", "2026-04-01".into()),
            ("inschrijving", "2026-04-11".into()),
            ("gunningsbeslissing", "2026-04-25".into()),
            ("einde-opschortingstermijn", "2026-05-15".into()),
            ("start-contract", "2026-05-16".into()),
        ]
    );
    let mut crowded = input(Kind::Diensten, 120_000.0, 48, 24);
    crowded.factors.potential_suppliers = Some(12);
    let restricted = advise(&crowded, Lang::Nl);
    assert_eq!(
        dates(&restricted),
        [
            ("publicatie", "2026-03-02".to_string()),
            ("aanmelding", "2026-04-01".into()),
            ("uitnodiging", "2026-04-15".into()),
            ("laatste-nota-van-inlichtingen", "2026-05-10".into()),
            ("inschrijving", "2026-05-20".into()),
            ("gunningsbeslissing", "2026-06-03".into()),
            ("einde-opschortingstermijn", "2026-06-23".into()),
            ("start-contract", "2026-06-24".into()),
        ]
    );
    let single = advise(&input(Kind::Diensten, 20_000.0, 24, 0), Lang::Nl);
    assert!(
        single
            .planning
            .iter()
            .all(|s| s.code != "einde-opschortingstermijn")
    );
}

#[test]
fn bad_input_is_named() {
    let mut i = input(Kind::Diensten, -5.0, 0, 700);
    i.policy.werken_enkelvoudig = 2_000_000.0;
    let errors = i.check().expect_err("invalid");
    let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "jaarwaarde",
            "maanden",
            "optieMaanden",
            "beleid.werkenEnkelvoudig"
        ]
    );
}
