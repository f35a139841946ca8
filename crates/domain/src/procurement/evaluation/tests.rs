//! The evaluation against hand-computed cases.

use super::*;

fn tender(json: serde_json::Value) -> Tender {
    let t: Tender = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
    t.check().unwrap_or_else(|e| panic!("{e:?}"));
    t
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} ≠ {b}");
}

fn absolute_case() -> Tender {
    tender(json!({
        "naam": "Werkplek", "methode": "absoluut", "kwaliteitGewicht": 0.6, "schaal": [0, 10],
        "prijsMax": 1_000_000.0, "prijsMin": 500_000.0,
        "eisen": [{"id": "iso27001"}],
        "criteria": [{"id": "plan", "naam": "Plan van aanpak", "gewicht": 0.5},
                     {"id": "samenwerking", "naam": "Samenwerking (interview)", "gewicht": 0.5}],
        "inschrijvingen": [
            {"inschrijver": "A", "prijs": 800_000.0, "eisen": {"iso27001": true}, "scores": {"plan": 8, "samenwerking": 6}},
            {"inschrijver": "B", "prijs": 600_000.0, "eisen": {"iso27001": true}, "scores": {"plan": 6, "samenwerking": 6}},
            {"inschrijver": "C", "prijs": 450_000.0, "eisen": {"iso27001": true}, "scores": {"plan": 4, "samenwerking": 4}},
            {"inschrijver": "D", "prijs": 1_100_000.0, "eisen": {"iso27001": true}, "scores": {"plan": 10, "samenwerking": 10}},
            {"inschrijver": "E", "prijs": 300_000.0, "eisen": {"iso27001": false}, "scores": {"plan": 9, "samenwerking": 9}}
        ]
    }))
}

#[test]
fn absolute_price_scale_ranks_by_total_and_excludes_first() {
    let e = evaluate(&absolute_case());
    let order: Vec<&str> = e.ranking.iter().map(|r| r.bidder.as_str()).collect();
    assert_eq!(order, ["B", "C", "A"]);
    // B: q 0.6, price score (1,000,000 − 600,000)/500,000 = 0.8, total 100 × (0.36 + 0.32).
    close(e.ranking[0].quality, 0.6);
    close(e.ranking[0].price_score.unwrap_or(0.0), 0.8);
    close(e.ranking[0].total.unwrap_or(0.0), 68.0);
    // C is below Pmin: the full price score, no more.
    close(e.ranking[1].price_score.unwrap_or(0.0), 1.0);
    close(e.ranking[1].total.unwrap_or(0.0), 64.0);
    close(e.ranking[2].total.unwrap_or(0.0), 58.0);
    // D above the ceiling and E failing a requirement are out, and E's low price counts nowhere.
    assert_eq!(e.excluded.len(), 2);
    assert!(
        e.excluded
            .iter()
            .any(|(who, why)| who == "D" && why.contains("plafond"))
    );
    assert!(
        e.excluded
            .iter()
            .any(|(who, why)| who == "E" && why.contains("iso27001"))
    );
    // Sensitivity: WQ 0.6 → C overtakes at 0.5 (and A at 0.8, further away); the criteria
    // weights cannot change the winner.
    let wq = e
        .sensitivity
        .iter()
        .find(|s| s.criterion == "kwaliteitGewicht")
        .expect("WQ");
    assert_eq!((wq.current, wq.switch), (0.6, Some(0.5)));
    for id in ["plan", "samenwerking"] {
        let s = e
            .sensitivity
            .iter()
            .find(|s| s.criterion == id)
            .expect("criterion");
        assert_eq!((s.current, s.switch), (0.5, None), "{id}");
    }
    // An absolute scale never reverses ranks.
    assert!(e.rank_reversal.iter().all(|r| r.pairs.is_empty()));
    let json = e.to_json();
    assert_eq!(json["ranking"][0]["totaal"], json!(68.0));
    assert_eq!(json["gevoeligheid"][2]["omslagGewicht"], json!(0.5));
}

#[test]
fn relative_scoring_can_reverse_ranks_and_the_check_finds_it() {
    let t = tender(json!({
        "naam": "Hosting", "methode": "relatief", "kwaliteitGewicht": 0.5, "schaal": [0, 10],
        "criteria": [{"id": "kwaliteit", "naam": "Kwaliteit", "gewicht": 1.0}],
        "inschrijvingen": [
            {"inschrijver": "X", "prijs": 100.0, "scores": {"kwaliteit": 5}},
            {"inschrijver": "Y", "prijs": 130.0, "scores": {"kwaliteit": 7}},
            {"inschrijver": "Z", "prijs": 50.0, "scores": {"kwaliteit": 0}}
        ]
    }));
    let e = evaluate(&t);
    // With Z the lowest price is 50: Y 100 × (0.35 + 0.5 × 50/130), X and Z 50 (X ahead on quality).
    let order: Vec<&str> = e.ranking.iter().map(|r| r.bidder.as_str()).collect();
    assert_eq!(order, ["Y", "X", "Z"]);
    close(
        e.ranking[0].total.unwrap_or(0.0),
        100.0 * (0.35 + 0.5 * 50.0 / 130.0),
    );
    close(e.ranking[1].total.unwrap_or(0.0), 50.0);
    assert_eq!(
        (e.ranking[1].rank, e.ranking[2].rank),
        (2, 3),
        "the tie is broken by quality"
    );
    // Without Z the lowest is 100: X 75 beats Y 73.46 — leaving out an irrelevant bid flips X and Y.
    let z = e
        .rank_reversal
        .iter()
        .find(|r| r.without == "Z")
        .expect("Z");
    assert_eq!(z.pairs, [("Y".to_string(), "X".to_string())]);
    assert!(
        e.rank_reversal
            .iter()
            .filter(|r| r.without != "Z")
            .all(|r| r.pairs.is_empty())
    );
}

#[test]
fn value_in_euros_subtracts_the_earned_quality_from_the_price() {
    let t = tender(json!({
        "naam": "SOC", "methode": "waarde", "schaal": [1, 10],
        "criteria": [{"id": "aanpak", "naam": "Aanpak", "gewicht": 0.6, "waarde": 100_000.0},
                     {"id": "team", "naam": "Team (interview)", "gewicht": 0.4, "waarde": 50_000.0}],
        "inschrijvingen": [
            {"inschrijver": "P", "prijs": 1_000_000.0, "scores": {"aanpak": 10, "team": 1}},
            {"inschrijver": "Q", "prijs": 950_000.0, "scores": {"aanpak": 5.5, "team": 10}},
            {"inschrijver": "R", "prijs": 980_000.0, "scores": {"aanpak": 7, "team": 4}}
        ]
    }));
    let e = evaluate(&t);
    let got: Vec<(&str, f64)> = e
        .ranking
        .iter()
        .map(|r| (r.bidder.as_str(), r.assessed_price.unwrap_or(0.0)))
        .collect();
    assert_eq!(got[0].0, "Q");
    close(got[0].1, 850_000.0);
    assert_eq!(got[1].0, "R");
    close(
        got[1].1,
        980_000.0 - 100_000.0 * 6.0 / 9.0 - 50_000.0 * 3.0 / 9.0,
    );
    assert_eq!(got[2].0, "P");
    close(got[2].1, 900_000.0);
    assert!(
        e.ranking
            .iter()
            .all(|r| r.total.is_none() && r.price_score.is_none())
    );
    close(e.ranking[0].quality, 0.6 * 0.5 + 0.4 * 1.0);
    // Sensitivity on aanpak's share s of the total value (150,000; 2/3 now):
    // P = 1,000,000 − 150,000 s; Q = 800,000 + 75,000 s; R = 930,000 − 50,000 s.
    // Q = P at s = 200,000 / 225,000 = 0.8889; Q = R at s = 1.04 (outside [0, 1]).
    let aanpak = e
        .sensitivity
        .iter()
        .find(|s| s.criterion == "aanpak")
        .expect("aanpak");
    assert_eq!(aanpak.current, 0.6667);
    assert_eq!(aanpak.switch, Some(0.8889));
    assert!(
        e.sensitivity
            .iter()
            .all(|s| s.criterion != "kwaliteitGewicht")
    );
}

#[test]
fn ties_are_broken_by_quality_then_shared() {
    let t = tender(json!({
        "naam": "Gelijk", "methode": "absoluut", "kwaliteitGewicht": 0.5, "schaal": [0, 10],
        "prijsMax": 200.0, "prijsMin": 100.0,
        "criteria": [{"id": "k", "naam": "K", "gewicht": 1.0}],
        "inschrijvingen": [
            {"inschrijver": "N", "prijs": 130.0, "scores": {"k": 4}},
            {"inschrijver": "M", "prijs": 150.0, "scores": {"k": 6}},
            {"inschrijver": "O", "prijs": 150.0, "scores": {"k": 6}}
        ]
    }));
    let e = evaluate(&t);
    let got: Vec<(&str, usize, bool)> = e
        .ranking
        .iter()
        .map(|r| (r.bidder.as_str(), r.rank, r.shared))
        .collect();
    // All three total 55; M and O have the higher quality and share rank 1.
    assert_eq!(got[2], ("N", 3, false));
    assert_eq!((got[0].1, got[0].2, got[1].1, got[1].2), (1, true, 1, true));
    assert!(
        e.to_json()["ranking"][0]["gedeeld"]
            .as_bool()
            .unwrap_or(false)
    );
}

#[test]
fn bad_input_is_named_by_its_key_path() {
    let t: Tender = serde_json::from_value(json!({
        "naam": "Fout", "methode": "waarde", "schaal": [0, 10], "prijsMax": 100.0, "prijsMin": 100.0,
        "eisen": [{"id": "iso"}, {"id": "iso"}],
        "criteria": [{"id": "a", "naam": "A", "gewicht": 0.5, "waarde": 10.0},
                     {"id": "a", "naam": "B", "gewicht": 0.4}],
        "inschrijvingen": [
            {"inschrijver": "X", "prijs": 90.0, "eisen": {"iso": true}, "scores": {"a": 11, "c": 3}},
            {"inschrijver": "x", "prijs": -1.0, "scores": {}}
        ]
    }))
    .expect("parses");
    let errors = t.check().expect_err("invalid");
    let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
    for expected in [
        "prijsMin",
        "eisen[1].id",
        "criteria[1].id",
        "criteria[1].waarde",
        "criteria",
        "inschrijvingen[0].scores.a",
        "inschrijvingen[0].scores.c",
        "inschrijvingen[1].inschrijver",
        "inschrijvingen[1].prijs",
        "inschrijvingen[1].eisen.iso",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let relative: Tender = serde_json::from_value(json!({
        "naam": "Zonder WQ", "methode": "absoluut", "schaal": [0, 10],
        "criteria": [{"id": "a", "naam": "A", "gewicht": 1.0}]
    }))
    .expect("parses");
    let names: Vec<String> = relative
        .check()
        .expect_err("invalid")
        .0
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["kwaliteitGewicht", "prijsMax", "prijsMin"]);
}
