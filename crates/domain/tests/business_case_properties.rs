//! Properties of the business case's uncertainty analysis, over generated cases: ranges of zero
//! width give exactly the deterministic figure at every percentile; symmetric ranges keep the
//! median within 1 % of it.

use proptest::prelude::*;
use regisseur_domain::business_case::{Input, calculate, monte_carlo};
use serde_json::json;

/// A case of 3–8 years with in-house staff, an investment and outsourced fees, each amount the
/// given range around its most likely value (`width` as a share of it; 0: no uncertainty).
fn case(years: u32, staff: f64, investment: f64, fee: f64, width: f64) -> Input {
    let range = |likely: f64| json!({"min": likely * (1.0 - width), "waarschijnlijk": likely, "max": likely * (1.0 + width)});
    serde_json::from_value(json!({
        "naam": "Eigenschap", "startjaar": 2027, "looptijdJaren": years,
        "eigenBeheer": {
            "kosten": [{"naam": "Personeel", "bedragPerJaar": range(staff), "indexatie": 0.03}],
            "investeringen": [{"naam": "Opslag", "jaar": 2028, "bedrag": range(investment), "afschrijvingsjaren": 3}]
        },
        "uitbesteed": {
            "kosten": [{"naam": "Dienst", "bedragPerJaar": range(fee), "indexatie": 0.025}],
            "eenmalig": [{"naam": "Transitie", "jaar": 2027, "bedrag": range(fee / 4.0)}]
        }
    }))
    .expect("a valid case")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn zero_width_ranges_give_the_deterministic_figure(
        years in 3u32..9,
        staff in 100_000.0f64..900_000.0,
        investment in 10_000.0f64..500_000.0,
        fee in 100_000.0f64..900_000.0,
        seed in any::<u64>(),
    ) {
        let input = case(years, staff, investment, fee, 0.0);
        input.check().expect("valid");
        let deterministic = calculate(&input).ncw_verschil;
        let mc = monte_carlo(&input, 200, seed);
        for p in [mc.p10, mc.p50, mc.p90] {
            prop_assert!((p - deterministic).abs() < 1e-6, "{p} vs {deterministic}");
        }
    }

    #[test]
    fn symmetric_ranges_keep_the_median_within_one_percent(
        years in 3u32..9,
        staff in 100_000.0f64..900_000.0,
        investment_share in 0.0f64..0.3,
        ratio in prop_oneof![0.3f64..0.6, 1.5f64..2.0],
        width in 0.05f64..0.25,
        seed in any::<u64>(),
    ) {
        // Outsourcing clearly cheaper or dearer, so that 1 % of the difference is more than the
        // sampling noise of the median.
        let input = case(years, staff, staff * investment_share, staff * ratio, width);
        input.check().expect("valid");
        let deterministic = calculate(&input).ncw_verschil;
        let mc = monte_carlo(&input, 10_000, seed);
        prop_assert!(
            (mc.p50 - deterministic).abs() <= deterministic.abs() * 0.01,
            "P50 {} vs {deterministic}", mc.p50
        );
        prop_assert!(mc.p10 <= mc.p50 && mc.p50 <= mc.p90);
    }
}
