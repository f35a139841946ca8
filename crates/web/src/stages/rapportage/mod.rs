//! The outsourcing dossier for the council: built from what is in Regisseur — the journey and
//! the advice, the basis, goals and KPIs, readiness with its radar chart, the scope, the
//! business case, the procurement route and the transition — as an `interchange::pdf::Dossier`
//! that `interchange::pdf::render` typesets. Used by the page (`/o/{slug}/rapport`) and by
//! `regisseur report`. A chosen chapter whose data is missing says so.

use crate::kit::charts::Chart;
use crate::kit::page::number_text;
use crate::kit::view::date;
use chrono::NaiveDate;
use regisseur_domain::Lang;
use regisseur_domain::journey::{Facts, journey};
use regisseur_domain::procurement::route::{advise, step_label};
use regisseur_domain::readiness::Advice;
use regisseur_domain::report::Part;
use regisseur_interchange::pdf::{Block, Chapter, Dossier, PartVersion};
use regisseur_store::{Organisation, Store, StoreError};

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

fn table(
    caption: impl Into<String>,
    head: &[&str],
    rows: Vec<Vec<String>>,
    numeric: &[bool],
) -> Block {
    Block::Table {
        caption: caption.into(),
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
        numeric: numeric.to_vec(),
    }
}

fn figure(chart: &Chart, caption: impl Into<String>) -> Block {
    Block::Figure {
        caption: caption.into(),
        alt: format!("{}. {}", chart.title, chart.description),
        svg: chart.to_svg(),
    }
}

fn chapter(title: &str, version: String) -> Chapter {
    Chapter {
        title: title.to_string(),
        version,
        missing: None,
        blocks: Vec::new(),
    }
}

fn missing(mut c: Chapter, text: &str) -> Chapter {
    c.missing = Some(text.to_string());
    c
}

/// Everything the dossier needs from the store, read once.
struct Data {
    advice: Advice,
    answered: usize,
    facts: Facts,
}

/// The dossier of an organisation with the chosen chapters, as of `today`.
pub async fn build(
    store: &Store,
    org: &Organisation,
    parts: &[Part],
    lang: Lang,
    today: NaiveDate,
) -> Result<Dossier, StoreError> {
    let id = org.id;
    let stand = format!("{} {}", T(lang).s("dossier-as-of"), date(today));
    let mut dossier = Dossier::new(
        T(lang).s("dossier-outsourcing-dossier").to_string(),
        org.name.clone(),
        lang,
    );
    dossier.subtitle = T(lang).s("dossier-from-basis-to-direction").to_string();
    dossier.dateline = match lang {
        Lang::Nl => format!("Opgesteld met Regisseur op {}", date(today)),
        Lang::En => format!("Prepared with Regisseur on {}", date(today)),
    };

    // What the summary needs in any case.
    let counts = store.element_counts(id).await?;
    let report = store.quality_report(id, today, None).await?;
    let (assessment, advice) = store.readiness(id, today).await?;
    let answered = assessment.as_ref().map_or(0, |a| a.answers.len());
    let goals = store.goals(id).await?;
    let domains = store.domain_choices(id).await?;
    let cases = store.business_cases(id).await?;
    let tenders = store.tenders(id).await?;
    let transition = store.transition(id).await?;
    let policy = store.procurement_policy(id).await?;
    let facts =
        crate::kit::journey::facts(store, id, &counts, Some(report.scores.overall), today, lang)
            .await?;
    let data = Data {
        advice,
        answered,
        facts,
    };

    // Summary with the advice.
    let mut summary = chapter(T(lang).s("dossier-summary-and-advice"), stand.clone());
    if data.answered == 0 {
        summary.blocks.push(Block::Note {
            text: T(lang)
                .s("dossier-the-readiness-questionnaire-has")
                .to_string(),
        });
    }
    summary.blocks.push(para(format!(
        "{}: {}.",
        T(lang).s("dossier-advice"),
        data.advice.verdict.label(lang)
    )));
    let reasons: Vec<String> = data.advice.reasons.iter().map(|r| r.text(lang)).collect();
    if !reasons.is_empty() {
        summary.blocks.push(Block::List { items: reasons });
    }
    summary.blocks.push(table(
        T(lang).s("dossier-the-journey-where-does"),
        &[
            T(lang).s("dossier-stage"),
            T(lang).s("dossier-status"),
            T(lang).s("dossier-notes"),
        ],
        journey(&data.facts, lang)
            .into_iter()
            .map(|s| {
                vec![
                    s.stage.label().to_string(),
                    s.status.label(lang).to_string(),
                    s.reason,
                ]
            })
            .collect(),
        &[false, false, false],
    ));
    dossier.chapters.push(summary);
    dossier.versions.push(PartVersion {
        part: T(lang).s("dossier-summary").to_string(),
        version: stand.clone(),
    });

    for part in parts {
        let c = match part {
            Part::Basis => {
                let mut c = chapter(
                    T(lang).s("dossier-the-basis-quality-of"),
                    format!("{} {}", T(lang).s("dossier-reference-date"), date(today)),
                );
                if data.facts.elements == 0 {
                    missing(c, T(lang).s("dossier-nothing-has-been-recorded"))
                } else {
                    let history = store.score_history(id, 365).await?;
                    c.blocks.push(para(match (lang, history.first()) {
                        (Lang::Nl, Some(first)) => format!(
                            "Kwaliteitsscore {:.0} van 100 over {} elementen (op {}: {:.0}).",
                            report.scores.overall,
                            report.scores.elements,
                            date(first.day),
                            first.overall
                        ),
                        (Lang::En, Some(first)) => format!(
                            "Quality score {:.0} out of 100 over {} elements (on {}: {:.0}).",
                            report.scores.overall,
                            report.scores.elements,
                            date(first.day),
                            first.overall
                        ),
                        (Lang::Nl, None) => format!(
                            "Kwaliteitsscore {:.0} van 100 over {} elementen.",
                            report.scores.overall, report.scores.elements
                        ),
                        (Lang::En, None) => format!(
                            "Quality score {:.0} out of 100 over {} elements.",
                            report.scores.overall, report.scores.elements
                        ),
                    }));
                    let trend = |code: &str| -> String {
                        history
                            .first()
                            .and_then(|p| {
                                p.areas
                                    .iter()
                                    .find(|(a, _)| a == code)
                                    .and_then(|(_, s)| *s)
                            })
                            .map_or(String::new(), |s| format!("{s:.0}"))
                    };
                    c.blocks.push(table(
                        T(lang).s("dossier-score-per-area-now"),
                        &[
                            T(lang).s("dossier-area"),
                            T(lang).s("dossier-score"),
                            T(lang).s("dossier-a-year-ago"),
                            T(lang).s("dossier-completeness"),
                            T(lang).s("dossier-errors"),
                            T(lang).s("dossier-warnings"),
                        ],
                        report
                            .scores
                            .per_area
                            .iter()
                            .map(|(area, s)| {
                                vec![
                                    area.label(lang).to_string(),
                                    s.score.map_or("—".into(), |v| format!("{v:.0}")),
                                    trend(area.code()),
                                    s.completeness.map_or("—".into(), |v| format!("{v:.0}%")),
                                    s.findings[0].to_string(),
                                    s.findings[1].to_string(),
                                ]
                            })
                            .collect(),
                        &[false, true, true, true, true, true],
                    ));
                    let top: Vec<Vec<String>> = report
                        .findings
                        .iter()
                        .filter(|f| f.severity != regisseur_domain::quality::Severity::Info)
                        .take(12)
                        .map(|f| {
                            vec![
                                f.severity.label(lang).to_string(),
                                f.rule.rule().title(lang).to_string(),
                                f.name.clone(),
                            ]
                        })
                        .collect();
                    if !top.is_empty() {
                        c.blocks.push(table(
                            T(lang).s("dossier-the-main-findings"),
                            &[
                                T(lang).s("dossier-severity"),
                                T(lang).s("dossier-rule"),
                                T(lang).s("dossier-element"),
                            ],
                            top,
                            &[false, false, false],
                        ));
                    }
                    c
                }
            }
            Part::Koers => {
                let mut c = chapter(T(lang).s("dossier-course-goals-and-kpis"), stand.clone());
                if goals.is_empty() {
                    missing(c, T(lang).s("dossier-no-goals-have-been"))
                } else {
                    let mut rows = Vec::new();
                    for g in &goals {
                        if g.goal.kpis.is_empty() {
                            rows.push(vec![
                                g.goal.title.clone(),
                                T(lang).s("dossier-no-kpi").to_string(),
                                String::new(),
                                String::new(),
                                String::new(),
                            ]);
                        }
                        for k in &g.goal.kpis {
                            let value = |v: Option<f64>| {
                                v.map_or(String::new(), |v| {
                                    format!("{} {}", number_text(v, lang), k.unit)
                                })
                            };
                            rows.push(vec![
                                g.goal.title.clone(),
                                k.metric.clone(),
                                value(k.baseline),
                                value(k.target),
                                k.target_date.map(date).unwrap_or_default(),
                            ]);
                        }
                    }
                    c.blocks.push(table(
                        T(lang).s("dossier-goals-with-their-kpis"),
                        &[
                            T(lang).s("dossier-goal"),
                            "KPI",
                            T(lang).s("dossier-baseline"),
                            T(lang).s("dossier-target"),
                            T(lang).s("dossier-target-date"),
                        ],
                        rows,
                        &[false, false, true, true, false],
                    ));
                    if !domains.is_empty() {
                        c.blocks.push(table(
                            T(lang).s("dossier-choices-per-service-domain"),
                            &[
                                T(lang).s("dossier-service-domain"),
                                T(lang).s("dossier-today"),
                                T(lang).s("dossier-intended"),
                            ],
                            domains
                                .iter()
                                .map(|d| {
                                    vec![
                                        d.domain.label(lang).to_string(),
                                        d.current.label(lang).to_string(),
                                        d.intended.label(lang).to_string(),
                                    ]
                                })
                                .collect(),
                            &[false, false, false],
                        ));
                    }
                    c
                }
            }
            Part::Gereedheid => {
                let version =
                    assessment
                        .as_ref()
                        .map_or(stand.clone(), |a| match (lang, a.finalised_at) {
                            (Lang::Nl, Some(t)) => {
                                format!("vastgestelde meting van {}", date(t.date_naive()))
                            }
                            (Lang::En, Some(t)) => {
                                format!("assessment finalised on {}", date(t.date_naive()))
                            }
                            (Lang::Nl, None) => format!(
                                "meting in behandeling sinds {}",
                                date(a.started_at.date_naive())
                            ),
                            (Lang::En, None) => format!(
                                "assessment in progress since {}",
                                date(a.started_at.date_naive())
                            ),
                        });
                let mut c = chapter(T(lang).s("dossier-readiness-the-advice"), version);
                if data.answered == 0 {
                    missing(c, T(lang).s("dossier-the-questionnaire-has-not"))
                } else {
                    c.blocks.push(para(format!(
                        "{}: {}.",
                        T(lang).s("dossier-advice"),
                        data.advice.verdict.label(lang)
                    )));
                    let radar = crate::kit::figures::radar::radar_chart(&data.advice, lang);
                    c.blocks
                        .push(figure(&radar, T(lang).s("dossier-score-per-dimension-0")));
                    c.blocks.push(table(
                        T(lang).s("dossier-score-per-dimension"),
                        &[
                            T(lang).s("dossier-dimension"),
                            T(lang).s("dossier-answered"),
                            T(lang).s("dossier-score"),
                        ],
                        data.advice
                            .dimensions
                            .iter()
                            .map(|d| {
                                vec![
                                    d.dimension.label(lang).to_string(),
                                    format!("{}/{}", d.answered, d.questions),
                                    d.score.map_or("—".into(), |s| {
                                        number_text((s * 10.0).round() / 10.0, lang)
                                    }),
                                ]
                            })
                            .collect(),
                        &[false, true, true],
                    ));
                    let actions: Vec<String> = data
                        .advice
                        .actions
                        .iter()
                        .take(5)
                        .map(|a| a.description(lang).to_string())
                        .collect();
                    if !actions.is_empty() {
                        c.blocks.push(Block::Heading {
                            text: T(lang).s("dossier-what-gains-most").to_string(),
                        });
                        c.blocks.push(Block::List { items: actions });
                    }
                    c
                }
            }
            Part::Scope => {
                let mut c = chapter(T(lang).s("dossier-scope-what-the-cut"), stand.clone());
                let chosen: Vec<_> = domains
                    .iter()
                    .filter(|d| d.outsourcing())
                    .map(|d| d.domain)
                    .collect();
                if chosen.is_empty() {
                    missing(c, T(lang).s("dossier-no-service-domain-has"))
                } else {
                    let graph = store.dependency_graph(id).await?;
                    let cut = graph.scope(&chosen);
                    let name = |id: &uuid::Uuid| {
                        graph.node(*id).map_or(id.to_string(), |n| n.name.clone())
                    };
                    c.blocks.push(para(match lang {
                        Lang::Nl => format!(
                            "Uit te besteden: {}. Daarin vallen {} elementen; {} koppelingen en relaties gaan over de grens, {} gegevensverzamelingen met persoonsgegevens gaan naar de partner (elk een verwerkersovereenkomst) en {} elementen die blijven hangen af van wat uitbesteed wordt.",
                            chosen.iter().map(|d| d.label(lang)).collect::<Vec<_>>().join(", "),
                            cut.outsourced.len(), cut.crossing.len(), cut.personal_data.len(), cut.dependent.len()
                        ),
                        Lang::En => format!(
                            "To outsource: {}. They hold {} elements; {} interfaces and relations cross the line, {} data sets with personal data go to the partner (each needing a processing agreement) and {} retained elements depend on what is outsourced.",
                            chosen.iter().map(|d| d.label(lang)).collect::<Vec<_>>().join(", "),
                            cut.outsourced.len(), cut.crossing.len(), cut.personal_data.len(), cut.dependent.len()
                        ),
                    }));
                    if !cut.crossing.is_empty() {
                        c.blocks.push(table(
                            T(lang).s("dossier-crossing-the-line-the"),
                            &[
                                T(lang).s("dossier-from"),
                                T(lang).s("dossier-to"),
                                T(lang).s("dossier-via"),
                            ],
                            cut.crossing
                                .iter()
                                .take(20)
                                .map(|x| vec![name(&x.from), name(&x.to), x.via.code().to_string()])
                                .collect(),
                            &[false, false, false],
                        ));
                    }
                    let elements = store.all_elements(id).await?;
                    let items: Vec<_> = elements.iter().map(|e| (e.id, &e.record)).collect();
                    let limit = store
                        .quality_settings(id)
                        .await?
                        .thresholds
                        .concentration_percent;
                    let suppliers: Vec<Vec<String>> =
                        regisseur_domain::sourcing::supplier_dependency(&items)
                            .into_iter()
                            .filter(|d| d.involved())
                            .map(|d| {
                                let share = format!("{:.0}%", d.critical_share * 100.0);
                                vec![
                                    d.name.clone(),
                                    d.critical_applications.to_string(),
                                    if d.too_concentrated(limit) {
                                        format!("{share} ({})", T(lang).s("dossier-too-much"))
                                    } else {
                                        share
                                    },
                                    d.applications.to_string(),
                                    d.contracts.to_string(),
                                    regisseur_domain::values::Cents(d.annual_value_cents)
                                        .to_euro_text(),
                                    d.personal_data_sets.to_string(),
                                ]
                            })
                            .collect();
                    if !suppliers.is_empty() {
                        c.blocks.push(table(
                            match lang {
                                Lang::Nl => format!(
                                    "Afhankelijkheid van leveranciers (meer dan {limit}% van de bedrijfskritische applicaties bij één leverancier is te veel)"
                                ),
                                Lang::En => format!(
                                    "Dependency on suppliers (more than {limit}% of the business-critical applications with one supplier is too much)"
                                ),
                            },
                            &[
                                T(lang).s("dossier-supplier"),
                                T(lang).s("dossier-business-critical"),
                                T(lang).s("dossier-share"),
                                T(lang).s("dossier-applications"),
                                T(lang).s("dossier-contracts"),
                                T(lang).s("dossier-annual-value"),
                                T(lang).s("dossier-personal-data"),
                            ],
                            suppliers,
                            &[false, true, true, true, true, true, true],
                        ));
                    }
                    c
                }
            }
            Part::Businesscase => {
                let version = cases.first().map_or(stand.clone(), |b| {
                    format!(
                        "{} {} ({})",
                        T(lang).s("dossier-version"),
                        b.version,
                        date(b.updated_at.date_naive())
                    )
                });
                let mut c = chapter(T(lang).s("dossier-business-case"), version);
                if cases.is_empty() {
                    missing(c, T(lang).s("dossier-there-is-no-business"))
                } else {
                    let mut rows = Vec::new();
                    let mut first = None;
                    for case in &cases {
                        let input = case.input.clone();
                        let analysis = tokio::task::spawn_blocking(move || {
                            crate::kit::figures::business_case::Analysis::of(&input)
                        })
                        .await
                        .map_err(|e| StoreError::Other(format!("business case: {e}")))?;
                        let o = &analysis.outcome;
                        rows.push(vec![
                            case.input.naam.clone(),
                            crate::kit::charts::euro(o.ncw_eigen_beheer, lang),
                            crate::kit::charts::euro(o.ncw_uitbesteed, lang),
                            crate::kit::charts::euro(o.ncw_verschil, lang),
                            o.terugverdienjaar.map_or("—".into(), |y| y.to_string()),
                            analysis.monte_carlo.as_ref().map_or("—".into(), |m| {
                                crate::kit::charts::percent(m.cheaper_share, lang)
                            }),
                        ]);
                        if first.is_none() {
                            first = Some((case.input.naam.clone(), analysis));
                        }
                    }
                    c.blocks.push(table(
                        T(lang).s("dossier-the-business-cases-side"),
                        &[
                            T(lang).s("dossier-business-case"),
                            T(lang).s("dossier-npv-in-house"),
                            T(lang).s("dossier-npv-outsourced"),
                            T(lang).s("dossier-difference"),
                            T(lang).s("dossier-payback-year"),
                            T(lang).s("dossier-chance-cheaper"),
                        ],
                        rows,
                        &[false, true, true, true, true, true],
                    ));
                    if let Some((name, analysis)) = first {
                        c.blocks.push(Block::Heading { text: name });
                        let section = crate::kit::figures::business_case::charges_section(
                            &analysis.outcome,
                            lang,
                        );
                        c.blocks.push(figure(
                            &section.chart,
                            T(lang).s("dossier-charges-per-year-in"),
                        ));
                        c.blocks.push(table(
                            section.table.caption.clone(),
                            &section
                                .table
                                .headings
                                .iter()
                                .map(String::as_str)
                                .collect::<Vec<_>>(),
                            section.table.rows.clone(),
                            &section
                                .table
                                .headings
                                .iter()
                                .enumerate()
                                .map(|(i, _)| i > 0)
                                .collect::<Vec<_>>(),
                        ));
                        if let Some(m) = &analysis.monte_carlo {
                            c.blocks.push(para(match lang {
                                Lang::Nl => format!("Onzekerheid ({} trekkingen): het verschil in netto contante waarde ligt met 80% zekerheid tussen {} (P10) en {} (P90), mediaan {}; in {} van de trekkingen is uitbesteden goedkoper.", m.runs, crate::kit::charts::euro(m.p10, lang), crate::kit::charts::euro(m.p90, lang), crate::kit::charts::euro(m.p50, lang), crate::kit::charts::percent(m.cheaper_share, lang)),
                                Lang::En => format!("Uncertainty ({} runs): the difference in net present value lies between {} (P10) and {} (P90) with 80% certainty, median {}; outsourcing is cheaper in {} of the runs.", m.runs, crate::kit::charts::euro(m.p10, lang), crate::kit::charts::euro(m.p90, lang), crate::kit::charts::euro(m.p50, lang), crate::kit::charts::percent(m.cheaper_share, lang)),
                            }));
                        }
                    }
                    c
                }
            }
            Part::Aanbesteding => {
                let mut c = chapter(
                    T(lang).s("dossier-procurement-route-and-timeline"),
                    stand.clone(),
                );
                let route = transition
                    .plan
                    .route_input(policy)
                    .filter(|i| i.check().is_ok())
                    .map(|i| advise(&i, lang));
                if route.is_none() && tenders.is_empty() {
                    missing(c, T(lang).s("dossier-there-is-no-tender"))
                } else {
                    match &route {
                        Some(r) => {
                            c.blocks.push(para(format!(
                                "{}: {}. {}",
                                T(lang).s("dossier-advised-procedure"),
                                r.advice.label(lang),
                                r.motivation.join(" ")
                            )));
                            c.blocks.push(table(
                                T(lang).s("dossier-minimum-timeline"),
                                &[
                                    T(lang).s("dossier-date"),
                                    T(lang).s("dossier-step"),
                                    T(lang).s("dossier-basis"),
                                ],
                                r.planning
                                    .iter()
                                    .map(|s| {
                                        vec![
                                            date(s.date),
                                            step_label(s.code, lang).to_string(),
                                            s.basis.clone(),
                                        ]
                                    })
                                    .collect(),
                                &[false, false, false],
                            ));
                            for w in &r.warnings {
                                c.blocks.push(Block::Note { text: w.clone() });
                            }
                        }
                        None => c.blocks.push(Block::Note {
                            text: T(lang).s("dossier-the-contract-s-size").to_string(),
                        }),
                    }
                    if !tenders.is_empty() {
                        c.blocks.push(table(
                            T(lang).s("dossier-tenders"),
                            &[T(lang).s("dossier-tender"), T(lang).s("dossier-stage")],
                            tenders
                                .iter()
                                .map(|t| vec![t.name.clone(), t.stage.label(lang).to_string()])
                                .collect(),
                            &[false, false],
                        ));
                    }
                    c
                }
            }
            Part::Transitie => {
                let mut c = chapter(
                    T(lang).s("dossier-transition-plan-people-and"),
                    stand.clone(),
                );
                if transition.is_empty() {
                    missing(c, T(lang).s("dossier-there-is-no-transition"))
                } else {
                    for w in transition.warnings(policy, lang) {
                        c.blocks.push(Block::Note {
                            text: w.message(lang),
                        });
                    }
                    if let Some(chart) = crate::kit::figures::gantt::gantt(&transition, today, lang)
                    {
                        c.blocks
                            .push(figure(&chart, T(lang).s("dossier-transition-schedule")));
                    }
                    if !transition.plan.fasen.is_empty() {
                        c.blocks.push(table(
                            T(lang).s("dossier-phases"),
                            &[
                                T(lang).s("dossier-phase"),
                                T(lang).s("dossier-start"),
                                T(lang).s("dossier-end"),
                                T(lang).s("dossier-days"),
                            ],
                            transition
                                .plan
                                .fasen
                                .iter()
                                .map(|p| {
                                    vec![
                                        p.fase.label(lang).to_string(),
                                        date(p.start),
                                        date(p.eind),
                                        (p.eind - p.start).num_days().to_string(),
                                    ]
                                })
                                .collect(),
                            &[false, false, false, true],
                        ));
                    }
                    let late = transition.late_milestones(today);
                    if !late.is_empty() {
                        c.blocks.push(table(
                            T(lang).s("dossier-milestones-late"),
                            &[
                                T(lang).s("dossier-milestone"),
                                T(lang).s("dossier-date"),
                                T(lang).s("dossier-owner"),
                            ],
                            late.iter()
                                .map(|(_, m)| {
                                    vec![m.naam.clone(), date(m.datum), m.eigenaar.clone()]
                                })
                                .collect(),
                            &[false, false, false],
                        ));
                    }
                    let fte = regisseur_domain::transition::people::fte(&transition.roles);
                    if !fte.roles.is_empty() {
                        let mut rows: Vec<Vec<String>> = fte
                            .roles
                            .iter()
                            .map(|r| {
                                vec![
                                    r.naam.clone(),
                                    r.verandering.label(lang).to_string(),
                                    number_text(r.voor, lang),
                                    number_text(r.na, lang),
                                ]
                            })
                            .collect();
                        rows.push(vec![
                            T(lang).s("dossier-total").to_string(),
                            String::new(),
                            number_text(fte.voor, lang),
                            number_text(fte.na, lang),
                        ]);
                        c.blocks.push(table(
                            T(lang).s("dossier-the-retained-organisation-fte"),
                            &[
                                T(lang).s("dossier-role"),
                                T(lang).s("dossier-change"),
                                T(lang).s("dossier-fte-today"),
                                T(lang).s("dossier-fte-after"),
                            ],
                            rows,
                            &[false, false, true, true],
                        ));
                    }
                    let threshold = regisseur_domain::transition::risks::DEFAULT_THRESHOLD;
                    let top = transition.risks_above(threshold);
                    if !top.is_empty() {
                        c.blocks.push(table(
                            match lang {
                                Lang::Nl => {
                                    format!("De grootste risico's (score {threshold} of meer)")
                                }
                                Lang::En => {
                                    format!("The largest risks (score {threshold} or more)")
                                }
                            },
                            &[
                                T(lang).s("dossier-risk"),
                                T(lang).s("dossier-score"),
                                T(lang).s("dossier-owner"),
                                T(lang).s("dossier-mitigation"),
                                T(lang).s("dossier-status"),
                            ],
                            top.iter()
                                .map(|(_, r)| {
                                    vec![
                                        r.titel.clone(),
                                        format!("{} ({} × {})", r.score(), r.kans, r.impact),
                                        r.eigenaar.clone(),
                                        r.maatregel.clone(),
                                        r.status.label(lang).to_string(),
                                    ]
                                })
                                .collect(),
                            &[false, true, false, false, false],
                        ));
                    }
                    c
                }
            }
        };
        dossier.versions.push(PartVersion {
            part: c.title.clone(),
            version: if c.missing.is_some() {
                T(lang).s("dossier-missing").to_string()
            } else {
                c.version.clone()
            },
        });
        dossier.chapters.push(c);
    }
    Ok(dossier)
}

// ---------------------------------------------------------------------------------------------
// The page: choose the chapters and the language, download the PDF.

use crate::AppState;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{Chrome, OrPage, fail, membership, render};
use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/rapport", get(report_page))
        .route("/o/{slug}/rapport.pdf", get(report_pdf))
}

struct PartChoice {
    code: &'static str,
    label: &'static str,
}

#[derive(Template)]
#[template(path = "rapport.html")]
struct ReportPage {
    page: Chrome,
    action: String,
    parts: Vec<PartChoice>,
}

fn part_label(part: Part, lang: Lang) -> &'static str {
    match part {
        Part::Basis => T(lang).s("dossier-the-basis-quality-of"),
        Part::Koers => T(lang).s("dossier-course-goals-and-kpis"),
        Part::Gereedheid => T(lang).s("dossier-readiness-the-advice-with"),
        Part::Scope => T(lang).s("dossier-scope-what-the-cut"),
        Part::Businesscase => T(lang).s("dossier-business-case-charges-per"),
        Part::Aanbesteding => T(lang).s("dossier-procurement-route-and-timeline"),
        Part::Transitie => T(lang).s("dossier-transition-plan-people-and"),
    }
}

async fn report_page(
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.is_internal() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let t = T(lang);
    let view = ReportPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("report-title"), m.organisation.name),
            &format!("/o/{slug}/rapport"),
        )
        .for_org(&auth, m, Some("rapport")),
        action: format!("/o/{slug}/rapport.pdf"),
        parts: Part::ALL
            .into_iter()
            .map(|p| PartChoice {
                code: p.code(),
                label: part_label(p, lang),
            })
            .collect(),
    };
    Ok(render(StatusCode::OK, &view))
}

/// `GET /o/{slug}/rapport.pdf?deel=basis&deel=…&taal=nl`: the dossier (all chapters when none
/// is chosen); an unknown chapter is 400 with its name.
async fn report_pdf(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.is_internal() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let pairs = crate::kit::api::query_pairs(query.as_deref());
    let lang = pairs
        .iter()
        .find(|(k, _)| k == "taal")
        .and_then(|(_, v)| Lang::from_code(v))
        .unwrap_or(Lang::Nl);
    let names: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "deel")
        .map(|(_, v)| v.as_str())
        .collect();
    let parts = if names.is_empty() {
        Part::ALL.to_vec()
    } else {
        match regisseur_domain::report::parse_parts(&names.join(",")) {
            Ok(p) => p,
            Err(e) => return Ok((StatusCode::BAD_REQUEST, e).into_response()),
        }
    };
    let today = crate::kit::clock::today();
    let dossier = build(&state.store, &m.organisation, &parts, lang, today)
        .await
        .or_page(&headers)?;
    let pdf = tokio::task::spawn_blocking(move || regisseur_interchange::pdf::render(&dossier))
        .await
        .map_err(|e| StoreError::Other(format!("typesetting: {e}")))
        .and_then(|r| r.map_err(|e| StoreError::Other(e.to_string())))
        .or_page(&headers)?;
    let file = format!("uitbestedingsdossier-{slug}-{today}.pdf");
    Ok(crate::kit::page::download(pdf, "application/pdf", file))
}
