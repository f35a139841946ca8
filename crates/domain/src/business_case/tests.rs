//! The calculation against hand-computed cases.

use super::*;

fn input(text: &str) -> Input {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn base(extra: &str) -> Input {
    input(&format!(
        r#"{{"naam": "Test", "startjaar": 2027, "looptijdJaren": 5, "omslagrente": 0.02 {extra}}}"#
    ))
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} ≠ {b}");
}

#[test]
fn depreciation_starts_the_next_year_with_interest_on_the_book_value() {
    let case = base(
        r#", "eigenBeheer": {"investeringen": [{"naam": "Opslag", "jaar": 2027, "bedrag": 100000, "afschrijvingsjaren": 5}]}"#,
    );
    case.check().expect("valid");
    let out = calculate(&case);
    let capital: Vec<f64> = out
        .jaren
        .iter()
        .map(|y| y.eigen_beheer.kapitaallasten)
        .collect();
    // 20,000 depreciation a year; interest 2 % of 100,000, 80,000, 60,000, 40,000.
    for (got, want) in capital
        .iter()
        .zip([0.0, 22_000.0, 21_600.0, 21_200.0, 20_800.0])
    {
        close(*got, want);
    }
    close(out.jaren[0].eigen_beheer.kasstroom, 100_000.0);
    close(out.jaren[1].eigen_beheer.kasstroom, 0.0);
}

#[test]
fn depreciation_can_start_the_same_year() {
    let case = base(
        r#", "afschrijvingStart": "zelfde-jaar", "eigenBeheer": {"investeringen": [{"naam": "Opslag", "jaar": 2027, "bedrag": 100000, "afschrijvingsjaren": 5, "restwaarde": 0}]}"#,
    );
    let out = calculate(&case);
    let capital: Vec<f64> = out
        .jaren
        .iter()
        .map(|y| y.eigen_beheer.kapitaallasten)
        .collect();
    for (got, want) in capital
        .iter()
        .zip([22_000.0, 21_600.0, 21_200.0, 20_800.0, 20_400.0])
    {
        close(*got, want);
    }
}

#[test]
fn existing_assets_keep_their_charges_in_house_and_are_written_down_when_outsourcing() {
    let case = base(
        r#", "bestaandeActiva": [{"naam": "Servers", "boekwaarde": 300000, "resterendeJaren": 3}]"#,
    );
    let out = calculate(&case);
    let own: Vec<f64> = out
        .jaren
        .iter()
        .map(|y| y.eigen_beheer.kapitaallasten)
        .collect();
    for (got, want) in own.iter().zip([106_000.0, 104_000.0, 102_000.0, 0.0, 0.0]) {
        close(*got, want);
    }
    close(out.jaren[0].uitbesteed.exploitatielasten, 300_000.0);
    close(out.jaren[0].uitbesteed.kapitaallasten, 0.0);
    close(out.jaren[0].uitbesteed.kasstroom, 0.0);
    close(out.jaren[0].uitbesteed.totaal, 300_000.0);
}

#[test]
fn yearly_costs_are_indexed_within_their_years_and_direction_is_a_share() {
    let case = base(
        r#", "eigenBeheer": {"kosten": [{"naam": "Licenties", "bedragPerJaar": 50000, "indexatie": 0.1, "vanaf": 2028, "tot": 2029}]},
            "uitbesteed": {"regiePercentage": 0.04, "kosten": [{"naam": "Dienst", "bedragPerJaar": 100000, "indexatie": 0.03}],
                           "eenmalig": [{"naam": "Transitie", "jaar": 2027, "bedrag": 30000}]}"#,
    );
    case.check().expect("valid");
    let out = calculate(&case);
    let own: Vec<f64> = out
        .jaren
        .iter()
        .map(|y| y.eigen_beheer.exploitatielasten)
        .collect();
    for (got, want) in own.iter().zip([0.0, 50_000.0, 55_000.0, 0.0, 0.0]) {
        close(*got, want);
    }
    // 2027: 100,000 + 4 % direction + 30,000 transition; 2028: 103,000 + 4,120.
    close(out.jaren[0].uitbesteed.exploitatielasten, 134_000.0);
    close(out.jaren[1].uitbesteed.exploitatielasten, 107_120.0);
    close(out.jaren[1].uitbesteed.kasstroom, 107_120.0);
}

#[test]
fn repeated_investments_recur_within_the_horizon() {
    let case = base(
        r#", "eigenBeheer": {"investeringen": [{"naam": "Laptops", "jaar": 2027, "bedrag": 10000, "afschrijvingsjaren": 2, "herhalen": true}]}"#,
    );
    let cash: Vec<f64> = calculate(&case)
        .jaren
        .iter()
        .map(|y| y.eigen_beheer.kasstroom)
        .collect();
    for (got, want) in cash.iter().zip([10_000.0, 0.0, 10_000.0, 0.0, 10_000.0]) {
        close(*got, want);
    }
}

#[test]
fn net_present_value_and_payback() {
    // In-house 100 a year; outsourced 150 in the first year, then 50: cumulative 150 ≤ 100? no;
    // 200 ≤ 200 yes; then lower to the end → payback in 2028.
    let case = input(
        r#"{"naam": "NCW", "startjaar": 2027, "looptijdJaren": 3, "discontovoet": 0.0225, "uitbesteed": {"regiePercentage": 0,
            "kosten": [{"naam": "Dienst", "bedragPerJaar": 50}], "eenmalig": [{"naam": "Start", "jaar": 2027, "bedrag": 100}]},
            "eigenBeheer": {"kosten": [{"naam": "Zelf", "bedragPerJaar": 100}]}}"#,
    );
    let out = calculate(&case);
    let d = 1.0225_f64;
    close(out.ncw_eigen_beheer, 100.0 + 100.0 / d + 100.0 / (d * d));
    close(out.ncw_uitbesteed, 150.0 + 50.0 / d + 50.0 / (d * d));
    close(out.ncw_verschil, out.ncw_uitbesteed - out.ncw_eigen_beheer);
    assert_eq!(out.terugverdienjaar, Some(2028));
    // Never paid back: outsourcing stays dearer.
    let dearer = input(
        r#"{"naam": "Duur", "startjaar": 2027, "looptijdJaren": 3, "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": 120}]},
            "eigenBeheer": {"kosten": [{"naam": "Zelf", "bedragPerJaar": 100}]}}"#,
    );
    assert_eq!(calculate(&dearer).terugverdienjaar, None);
    // Cheaper at first, dearer in the middle, cheaper again: the payback is the last turn.
    let turns = input(
        r#"{"naam": "Wisselend", "startjaar": 2027, "looptijdJaren": 3, "uitbesteed": {"regiePercentage": 0,
            "eenmalig": [{"naam": "a", "jaar": 2027, "bedrag": 90}, {"naam": "b", "jaar": 2028, "bedrag": 200}, {"naam": "c", "jaar": 2029, "bedrag": 0}]},
            "eigenBeheer": {"kosten": [{"naam": "Zelf", "bedragPerJaar": 100}]}}"#,
    );
    assert_eq!(calculate(&turns).terugverdienjaar, Some(2029));
}

#[test]
fn ranges_count_their_most_likely_value_and_values_replace_them_in_order() {
    let case = base(
        r#", "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": {"min": 450000, "waarschijnlijk": 480000, "max": 540000}}]},
            "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": 600000}]}"#,
    );
    case.check().expect("valid");
    close(
        calculate(&case).jaren[0].eigen_beheer.exploitatielasten,
        480_000.0,
    );
    let amounts = case.amounts();
    assert_eq!(amounts[0].0, "eigenBeheer.kosten[0].bedragPerJaar");
    assert!(amounts[0].1.uncertain() && !amounts[1].1.uncertain());
    let fixed = case.with_values(&[450_000.0, 610_000.0]);
    let out = calculate(&fixed);
    close(out.jaren[0].eigen_beheer.exploitatielasten, 450_000.0);
    close(out.jaren[0].uitbesteed.kasstroom, 610_000.0 * 1.04);
}

#[test]
fn every_problem_is_named_by_its_key_path() {
    let case = base(
        r#", "eigenBeheer": {"kosten": [{"naam": "K", "bedragPerJaar": -5, "vanaf": 2040}],
                             "investeringen": [{"naam": "I", "jaar": 2020, "bedrag": {"min": 10, "waarschijnlijk": 5, "max": 20}, "afschrijvingsjaren": 0}]},
            "uitbesteed": {"eenmalig": [{"naam": "E", "jaar": 2035, "bedrag": 1}]}"#,
    );
    let errors = case.check().expect_err("invalid");
    let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
    for expected in [
        "eigenBeheer.kosten[0].bedragPerJaar",
        "eigenBeheer.kosten[0].vanaf",
        "eigenBeheer.investeringen[0].bedrag",
        "eigenBeheer.investeringen[0].jaar",
        "eigenBeheer.investeringen[0].afschrijvingsjaren",
        "uitbesteed.eenmalig[0].jaar",
    ] {
        assert!(names.contains(&expected), "{expected} missing in {names:?}");
    }
    // Unknown keys are refused when reading.
    assert!(
        serde_json::from_str::<Input>(
            r#"{"naam": "x", "startjaar": 2027, "looptijdJaren": 1, "kleur": 1}"#
        )
        .is_err()
    );
}

#[test]
fn the_outcome_as_json_rounds_to_cents() {
    let case = base(
        r#", "eigenBeheer": {"kosten": [{"naam": "K", "bedragPerJaar": 100.005, "indexatie": 0.0333}]}"#,
    );
    let json = calculate(&case).to_json();
    assert_eq!(json["jaren"].as_array().map(Vec::len), Some(5));
    assert_eq!(json["jaren"][0]["jaar"], 2027);
    let value = json["jaren"][1]["eigenBeheer"]["exploitatielasten"]
        .as_f64()
        .expect("number");
    assert_eq!(value, (value * 100.0).round() / 100.0);
    assert!(json["ncwVerschil"].is_number());
}

#[test]
fn monte_carlo_is_reproducible_and_zero_width_ranges_give_the_deterministic_figure() {
    let case = base(
        r#", "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": {"min": 480000, "waarschijnlijk": 480000, "max": 480000}}]},
            "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": {"min": 400000, "waarschijnlijk": 400000, "max": 400000}}]}"#,
    );
    let deterministic = calculate(&case).ncw_verschil;
    let mc = monte_carlo(&case, 500, 7);
    for p in [mc.p10, mc.p50, mc.p90] {
        close(p, deterministic);
    }
    assert_eq!(mc.cheaper_share, 1.0);
    assert!(tornado(&case).is_empty(), "no range has width");
    // Symmetric ranges: the median stays within 1 % of the deterministic figure.
    let symmetric = base(
        r#", "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": {"min": 400000, "waarschijnlijk": 480000, "max": 560000}}]},
            "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": {"min": 300000, "waarschijnlijk": 400000, "max": 500000}}]}"#,
    );
    let deterministic = calculate(&symmetric).ncw_verschil;
    let mc = monte_carlo(&symmetric, 10_000, 42);
    assert!(
        (mc.p50 - deterministic).abs() <= deterministic.abs() * 0.01,
        "{} vs {deterministic}",
        mc.p50
    );
    assert!(mc.p10 < mc.p50 && mc.p50 < mc.p90);
    assert_eq!(
        monte_carlo(&symmetric, 10_000, 42),
        mc,
        "same seed, same figures"
    );
    assert_ne!(monte_carlo(&symmetric, 10_000, 43).p10, mc.p10);
    // The tornado: the wider outsourced range swings most.
    let bars = tornado(&symmetric);
    assert_eq!(bars[0].input, "uitbesteed.kosten[0].bedragPerJaar");
    assert!(bars[0].low < bars[0].high);
    let json = symmetric.report_json(1_000, 1);
    assert_eq!(json["monteCarlo"]["runs"], 1_000);
    assert!(
        json["monteCarlo"]["kansGoedkoper"]
            .as_f64()
            .is_some_and(|p| (0.0..=1.0).contains(&p))
    );
    assert_eq!(json["tornado"].as_array().map(Vec::len), Some(2));
    assert!(
        base("").report_json(10, 1).get("monteCarlo").is_none(),
        "no ranges, no simulation"
    );
}

#[test]
fn values_read_in_place_give_the_same_as_a_fixed_copy() {
    let case = base(
        r#", "bestaandeActiva": [{"naam": "A", "boekwaarde": 1000, "resterendeJaren": 2}],
            "eigenBeheer": {"kosten": [{"naam": "K", "bedragPerJaar": 100, "indexatie": 0.1}],
                            "investeringen": [{"naam": "I", "jaar": 2028, "bedrag": 500, "afschrijvingsjaren": 2, "herhalen": true}],
                            "eenmalig": [{"naam": "E", "jaar": 2029, "bedrag": 70}]},
            "uitbesteed": {"kosten": [{"naam": "D", "bedragPerJaar": 90}], "eenmalig": [{"naam": "T", "jaar": 2027, "bedrag": 40}]}"#,
    );
    let values = [111.0, 77.0, 95.0, 44.0, 555.0];
    assert_eq!(
        calculate_with(&case, &values),
        calculate(&case.with_values(&values))
    );
}

#[test]
fn every_charge_is_broken_down_by_kind_and_the_parts_add_up() {
    let case = base(
        r#", "bestaandeActiva": [{"naam": "Servers", "boekwaarde": 30000, "resterendeJaren": 3}],
            "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": 100000}],
                            "investeringen": [{"naam": "Opslag", "jaar": 2027, "bedrag": 50000, "afschrijvingsjaren": 5}],
                            "eenmalig": [{"naam": "Upgrade", "jaar": 2028, "bedrag": 7000}]},
            "uitbesteed": {"regiePercentage": 0.05, "kosten": [{"naam": "Dienst", "bedragPerJaar": 120000}],
                           "eenmalig": [{"naam": "Transitie", "jaar": 2027, "bedrag": 40000}]}"#,
    );
    case.check().expect("valid");
    let out = calculate(&case);
    let first = &out.jaren[0];
    // In-house 2027: existing assets 10,000 depreciation + 2 % of 30,000 interest; the
    // investment is paid (cash) but depreciates from 2028.
    close(first.eigen_beheer.afschrijving, 10_000.0);
    close(first.eigen_beheer.rente, 600.0);
    close(first.eigen_beheer.kosten, 100_000.0);
    close(first.eigen_beheer.investeringen, 50_000.0);
    close(first.eigen_beheer.kasstroom, 150_000.0);
    // Outsourced 2027: the write-down of 30,000, the transition, the fee and 5 % direction.
    close(first.uitbesteed.afwaardering, 30_000.0);
    close(first.uitbesteed.eenmalig, 40_000.0);
    close(first.uitbesteed.regie, 6_000.0);
    close(first.uitbesteed.exploitatielasten, 196_000.0);
    close(first.uitbesteed.kasstroom, 166_000.0);
    close(out.jaren[1].eigen_beheer.eenmalig, 7_000.0);
    for year in &out.jaren {
        for s in [&year.eigen_beheer, &year.uitbesteed] {
            let kinds: f64 = s.charges_by_kind().iter().map(|(_, v)| v).sum();
            close(kinds, s.totaal);
            close(s.afschrijving + s.rente, s.kapitaallasten);
        }
    }
    assert_eq!(
        case.amount_label("eigenBeheer.investeringen[0].bedrag", crate::Lang::Nl),
        "eigen beheer · investeringen · Opslag"
    );
    assert_eq!(
        case.amount_label("uitbesteed.kosten[0].bedragPerJaar", crate::Lang::En),
        "outsourced · costs · Dienst"
    );
}

#[test]
fn a_case_moved_by_years_has_the_same_figures_in_later_years() {
    let case = base(
        r#", "eigenBeheer": {"investeringen": [{"naam": "Opslag", "jaar": 2028, "bedrag": 100000, "afschrijvingsjaren": 5}],
             "kosten": [{"naam": "Beheer", "bedragPerJaar": 50000, "indexatie": 0.02, "vanaf": 2028, "tot": 2030}],
             "eenmalig": [{"naam": "Migratie", "jaar": 2027, "bedrag": 20000}]},
           "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": 90000, "tot": 2029}],
             "eenmalig": [{"naam": "Transitie", "jaar": 2027, "bedrag": 40000}]}"#,
    );
    case.check().expect("valid");
    let moved = case.clone().moved_by_years(3);
    moved.check().expect("still valid");
    assert_eq!(moved.startjaar, 2030);
    assert_eq!(moved.eigen_beheer.investeringen[0].jaar, 2031);
    assert_eq!(
        (
            moved.eigen_beheer.kosten[0].vanaf,
            moved.eigen_beheer.kosten[0].tot
        ),
        (Some(2031), Some(2033))
    );
    assert_eq!(moved.uitbesteed.eenmalig[0].jaar, 2030);
    let (before, after) = (calculate(&case), calculate(&moved));
    close(before.ncw_verschil, after.ncw_verschil);
    assert_eq!(
        before.terugverdienjaar.map(|y| y + 3),
        after.terugverdienjaar
    );
    for (a, b) in before.jaren.iter().zip(&after.jaren) {
        assert_eq!(a.jaar + 3, b.jaar);
        close(a.eigen_beheer.totaal, b.eigen_beheer.totaal);
        close(a.uitbesteed.totaal, b.uitbesteed.totaal);
    }
}
