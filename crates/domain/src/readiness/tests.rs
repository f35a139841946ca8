//! Every branch of the advice, at its boundaries (exactly 2.0, 3.0, 60 and 80).

use super::*;
use crate::quality::Area;
use crate::sourcing::{DomainChoice, ServiceDomain, Sourcing};

/// Every question answered at `level`.
fn all(level: u8) -> Answers {
    QUESTIONS
        .iter()
        .map(|q| (q.id.to_string(), level))
        .collect()
}

/// The answers of one dimension replaced by `levels` (in question order; fewer leaves the rest
/// unanswered).
fn with(mut answers: Answers, dimension: Dimension, levels: &[u8]) -> Answers {
    for q in dimension.questions() {
        answers.remove(q.id);
    }
    for (q, level) in dimension.questions().zip(levels) {
        answers.insert(q.id.to_string(), *level);
    }
    answers
}

fn advice(answers: &Answers, quality: f64, goals: usize) -> Advice {
    advise(Inputs {
        answers,
        quality: &QualityEvidence::uniform(quality),
        goals_with_kpi: goals,
        domains: &[],
    })
}

#[test]
fn the_questionnaire_has_three_to_six_questions_per_dimension_with_unique_ids() {
    for d in Dimension::ALL {
        let n = d.questions().count();
        assert!((3..=6).contains(&n), "{} has {n}", d.code());
        assert_eq!(Dimension::parse(d.code()), Some(d));
    }
    let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    ids.sort();
    let count = ids.len();
    ids.dedup();
    assert_eq!(count, ids.len(), "question ids are unique");
    for q in QUESTIONS {
        assert!(q.id.starts_with(q.dimension.code()), "{}", q.id);
        assert!(
            q.levels_nl
                .iter()
                .chain(&q.levels_en)
                .all(|l| !l.is_empty())
        );
    }
}

#[test]
fn gereed_at_exactly_three_and_eighty() {
    let a = advice(&all(3), 80.0, 1);
    assert_eq!(a.verdict, Verdict::Gereed);
    assert_eq!(a.reasons, vec![Reason::AllMet]);
    assert!(a.dimensions.iter().all(|d| d.score == Some(3.0)));
}

#[test]
fn just_below_eighty_is_under_conditions_naming_the_areas() {
    let a = advice(&all(3), 79.9, 1);
    assert_eq!(a.verdict, Verdict::GereedOnderVoorwaarden);
    assert!(
        a.reasons
            .iter()
            .any(|r| matches!(r, Reason::QualityBelow { threshold, .. } if *threshold == 80.0))
    );
    assert_eq!(
        a.reasons
            .iter()
            .filter(|r| matches!(r, Reason::AreaBelow { .. }))
            .count(),
        4
    );
    // 79.9 / 25 = 3.2 does not cap answers of 3; 74.9 would.
    let basis = a.dimension(Dimension::Basis).expect("basis");
    assert_eq!(basis.score, Some(3.0));
    let capped = advice(&all(3), 74.9, 1);
    let basis = capped.dimension(Dimension::Basis).expect("basis");
    assert!(basis.score.is_some_and(|s| s < 3.0));
}

#[test]
fn a_dimension_just_below_three_is_a_condition() {
    let answers = with(all(3), Dimension::Inkoop, &[3, 3, 2]);
    let a = advice(&answers, 90.0, 1);
    assert_eq!(a.verdict, Verdict::GereedOnderVoorwaarden);
    assert_eq!(a.reasons.len(), 1);
    assert!(matches!(
        a.reasons[0],
        Reason::DimensionBelow { dimension: Dimension::Inkoop, threshold, .. } if threshold == 3.0
    ));
}

#[test]
fn exactly_two_is_not_a_knock_out_but_just_below_is() {
    let two = with(all(3), Dimension::Strategie, &[2, 2, 2, 2]);
    assert_eq!(
        advice(&two, 90.0, 1).verdict,
        Verdict::GereedOnderVoorwaarden
    );
    let below = with(all(3), Dimension::Strategie, &[2, 2, 2, 1]);
    let a = advice(&below, 90.0, 1);
    assert_eq!(a.verdict, Verdict::NogNiet);
    assert!(matches!(
        a.reasons[0],
        Reason::DimensionBelow { dimension: Dimension::Strategie, score, threshold, capped: false }
            if score == 1.75 && threshold == 2.0
    ));
}

#[test]
fn quality_exactly_sixty_is_not_a_knock_out_but_just_below_is() {
    // 60 / 25 = 2.4 caps basis: a condition, not a knock-out.
    assert_eq!(
        advice(&all(4), 60.0, 1).verdict,
        Verdict::GereedOnderVoorwaarden
    );
    let a = advice(&all(4), 59.9, 1);
    assert_eq!(a.verdict, Verdict::NogNiet);
    assert!(matches!(a.reasons[0], Reason::QualityBelow { threshold, .. } if threshold == 60.0));
}

#[test]
fn no_goal_with_a_kpi_is_a_knock_out() {
    let a = advice(&all(4), 95.0, 0);
    assert_eq!(a.verdict, Verdict::NogNiet);
    assert_eq!(a.reasons, vec![Reason::NoGoalWithKpi]);
    assert_eq!(a.actions[0].target, Target::Goals);
}

#[test]
fn an_unanswered_dimension_is_a_knock_out_and_partial_answers_count_as_given() {
    let unanswered = with(all(4), Dimension::Ervaring, &[]);
    let a = advice(&unanswered, 95.0, 1);
    assert_eq!(a.verdict, Verdict::NogNiet);
    assert_eq!(a.reasons, vec![Reason::Unanswered(Dimension::Ervaring)]);
    assert_eq!(a.actions[0].target, Target::Dimension(Dimension::Ervaring));
    // One answer of three: the mean of that one.
    let partial = with(all(4), Dimension::Ervaring, &[3]);
    let a = advice(&partial, 95.0, 1);
    let ervaring = a.dimension(Dimension::Ervaring).expect("ervaring");
    assert_eq!((ervaring.answered, ervaring.score), (1, Some(3.0)));
    assert_eq!(a.verdict, Verdict::Gereed);
}

#[test]
fn the_register_caps_the_dimensions_it_documents() {
    // Everything answered at 4, the data area documented poorly: privacy cannot be better.
    let quality = QualityEvidence {
        overall: 85.0,
        areas: vec![
            (Area::Documentatie, Some(90.0)),
            (Area::Infrastructuur, Some(90.0)),
            (Area::Gegevens, Some(45.0)),
            (Area::Contracten, Some(85.0)),
        ],
        findings: vec![(
            Area::Gegevens,
            RuleId::ProcessorWithoutAgreement,
            Severity::Fout,
            7,
        )],
    };
    let answers = all(4);
    let a = advise(Inputs {
        answers: &answers,
        quality: &quality,
        goals_with_kpi: 1,
        domains: &[],
    });
    let privacy = a.dimension(Dimension::Privacy).expect("privacy");
    assert_eq!(privacy.answers_mean, Some(4.0));
    assert_eq!(privacy.score, Some(1.8));
    assert_eq!(a.verdict, Verdict::NogNiet);
    assert!(matches!(
        a.reasons[0],
        Reason::DimensionBelow {
            dimension: Dimension::Privacy,
            capped: true,
            ..
        }
    ));
    assert!(a.reasons[0].text(Lang::Nl).contains("begrensd"));
    // The first action is the documentation, pointing at the findings behind it.
    assert_eq!(
        a.actions[0].target,
        Target::Rule(RuleId::ProcessorWithoutAgreement)
    );
    assert!(a.actions[0].description(Lang::Nl).contains("gegevens"));
    assert_eq!(
        a.dimension(Dimension::Basis).and_then(|d| d.score),
        Some(3.4),
        "85 / 25"
    );
}

#[test]
fn actions_are_at_most_ten_with_the_largest_gain_first() {
    let mut answers = all(1);
    answers = with(answers, Dimension::Inkoop, &[2, 2, 2]);
    let a = advice(&answers, 70.0, 1);
    assert_eq!(a.verdict, Verdict::NogNiet);
    assert_eq!(a.actions.len(), MAX_ACTIONS);
    assert!(a.actions.windows(2).all(|w| w[0].gain >= w[1].gain));
    // Raising a question of a knock-out dimension counts more than one of a dimension at 2.0.
    let first = &a.actions[0];
    assert!(matches!(first.target, Target::Question(id) if !id.starts_with("inkoop")));
    assert!(first.description(Lang::Nl).contains("naar 3"));
}

#[test]
fn a_domain_to_outsource_is_judged_on_its_own_documentation() {
    let quality = QualityEvidence {
        overall: 85.0,
        areas: vec![
            (Area::Documentatie, Some(90.0)),
            (Area::Infrastructuur, Some(55.0)),
            (Area::Gegevens, Some(90.0)),
            (Area::Contracten, Some(90.0)),
        ],
        findings: Vec::new(),
    };
    let choice = |domain, current, intended| DomainChoice {
        domain,
        current,
        intended,
        rationale: String::new(),
    };
    let domains = [
        choice(
            ServiceDomain::HostingEnDatacenter,
            Sourcing::Zelf,
            Sourcing::Markt,
        ),
        choice(ServiceDomain::DataEnBi, Sourcing::Zelf, Sourcing::Saas),
        choice(ServiceDomain::Werkplek, Sourcing::Markt, Sourcing::Markt),
        choice(ServiceDomain::Servicedesk, Sourcing::Zelf, Sourcing::Zelf),
    ];
    let answers = all(3);
    let a = advise(Inputs {
        answers: &answers,
        quality: &quality,
        goals_with_kpi: 1,
        domains: &domains,
    });
    assert_eq!(
        a.verdict,
        Verdict::GereedOnderVoorwaarden,
        "infrastructure below 80"
    );
    let verdicts: Vec<(ServiceDomain, Verdict)> =
        a.domains.iter().map(|d| (d.domain, d.verdict)).collect();
    assert_eq!(
        verdicts,
        vec![
            (ServiceDomain::HostingEnDatacenter, Verdict::NogNiet),
            (ServiceDomain::DataEnBi, Verdict::GereedOnderVoorwaarden),
        ],
        "only the domains to hand over; hosting waits for its documentation"
    );
    assert!(
        a.domains[0].reasons[0]
            .text(Lang::Nl)
            .contains("infrastructuur")
    );
}

#[test]
fn the_advice_as_json() {
    let a = advice(&all(3), 80.0, 1);
    let json = a.to_json(Lang::Nl);
    assert_eq!(json["oordeel"], "gereed");
    assert_eq!(json["scorePerDimensie"]["financieel-inzicht"], 3.0);
    assert_eq!(
        json["scorePerDimensie"].as_object().map(|o| o.len()),
        Some(10)
    );
    assert!(json["redenen"][0].is_string());
    let b = advice(&with(all(3), Dimension::Inkoop, &[1, 1, 1]), 80.0, 1);
    let json = b.to_json(Lang::En);
    assert_eq!(json["oordeel"], "nog-niet");
    assert!(json["acties"][0]["omschrijving"].is_string());
    assert_eq!(json["acties"][0]["verwijzing"]["soort"], "vraag");
}

#[test]
fn an_answer_is_checked_field_by_field() {
    let ok = AnswerInput::parse(
        "basis-2",
        "3",
        " Tekening van 2025 ",
        "https://intranet/arch",
    )
    .expect("valid");
    assert_eq!((ok.level, ok.note.as_str()), (3, "Tekening van 2025"));
    let errors =
        AnswerInput::parse("basis-99", "5", &"x".repeat(NOTE_MAX + 1), "").expect_err("invalid");
    let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["vraag", "niveau", "toelichting"]);
}

#[test]
fn the_answers_file_names_every_problem() {
    let mut antwoorden: BTreeMap<String, Vec<i64>> = Dimension::ALL
        .iter()
        .map(|d| (d.code().to_string(), vec![3; d.questions().count()]))
        .collect();
    let file = AnswersFile {
        antwoorden: antwoorden.clone(),
        doelen: vec![FileGoal {
            titel: "Werkplek 99,8%".into(),
            kpi: true,
        }],
    };
    let (answers, goals) = file.check().expect("valid");
    assert_eq!((answers.len(), goals), (QUESTIONS.len(), 1));
    antwoorden.insert("basis".into(), vec![3, 5]);
    antwoorden.insert("ervaring".into(), vec![3, 3, 3, 3, 3, 3, 3]);
    antwoorden.remove("inkoop");
    antwoorden.insert("ruimtevaart".into(), vec![1]);
    antwoorden.insert("privacy".into(), vec![]);
    let errors = AnswersFile {
        antwoorden,
        doelen: vec![],
    }
    .check()
    .expect_err("invalid");
    let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
    for expected in [
        "antwoorden.ruimtevaart",
        "antwoorden.basis[1]",
        "antwoorden.ervaring",
        "antwoorden.inkoop",
    ] {
        assert!(names.contains(&expected), "{expected} missing in {names:?}");
    }
    assert!(
        !names.contains(&"antwoorden.privacy"),
        "an empty list is allowed"
    );
}
