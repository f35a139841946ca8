//! Gemeente Voorbeeld after signing: the Burgerzaken contract with Centric (the supplier of the
//! `leverancier` demo account) with its obligations, an SLA measured over the past half year,
//! and four quarters of the relationship survey in which the municipality's satisfaction slides
//! into the *dal*.

use crate::DemoError;
use chrono::{Datelike, Days, Months, NaiveDate};
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::regie::health::{Side, Survey, quarter_text};
use regisseur_domain::regie::obligations::{Obligation, ObligationKind, Recurrence};
use regisseur_domain::regie::sla::{Incident, Outage};
use regisseur_store::{Actor, ListQuery, SlaTerms, Store};
use uuid::Uuid;

const CONTRACT: &str = "Burgerzaken (Key2Burgerzaken, Reisdocumenten, Verkiezingen)";

fn actor(email: &str) -> Actor {
    Actor {
        user_id: None,
        email: email.into(),
    }
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> String {
    format!("{}T{hour:02}:{minute:02}", day.format("%Y-%m-%d"))
}

/// The weekday on or after a day (office hours in the demo fall on working days).
fn weekday(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        chrono::Weekday::Sat => day + Days::new(2),
        chrono::Weekday::Sun => day + Days::new(1),
        _ => day,
    }
}

pub(crate) async fn load(
    store: &Store,
    organisation: Uuid,
    today: NaiveDate,
) -> Result<(), DemoError> {
    let query = ListQuery {
        search: Some("Burgerzaken".into()),
        ..ListQuery::default()
    };
    let Some(contract) = store
        .list_elements(organisation, EntityKind::Contract, &query)
        .await?
        .items
        .into_iter()
        .find(|c| c.record.name() == Some(CONTRACT))
    else {
        return Err(DemoError::Data {
            file: "regie.rs",
            line: 0,
            message: format!("contract '{CONTRACT}' not found"),
        });
    };
    let manager = actor("regisseur@voorbeeld.nl");
    let month = |n: u32| today.checked_sub_months(Months::new(n)).unwrap_or(today);

    // Obligations: the assurance report is late, the exit plan test comes up, the processing
    // agreement is in place.
    for obligation in [
        Obligation {
            soort: ObligationKind::Assurancerapport,
            omschrijving: String::new(),
            vervaldatum: month(25),
            herhaling: Recurrence::Jaarlijks,
            laatst_voldaan: Some(month(13)),
        },
        Obligation {
            soort: ObligationKind::ExitplanTest,
            omschrijving: "Exitplan testen met een proefmigratie van de gegevens".into(),
            vervaldatum: today + Days::new(40),
            herhaling: Recurrence::Jaarlijks,
            laatst_voldaan: None,
        },
        Obligation {
            soort: ObligationKind::Bio2Review,
            omschrijving: String::new(),
            vervaldatum: today + Days::new(120),
            herhaling: Recurrence::Jaarlijks,
            laatst_voldaan: None,
        },
        Obligation {
            soort: ObligationKind::Verwerkersovereenkomst,
            omschrijving: String::new(),
            vervaldatum: month(30),
            herhaling: Recurrence::Eenmalig,
            laatst_voldaan: Some(month(30)),
        },
    ] {
        store
            .save_obligation(&manager, organisation, contract.id, None, &obligation)
            .await?;
    }

    // The SLA: availability round the clock and P1 incidents within 4 office hours.
    let terms: SlaTerms = serde_json::from_value(serde_json::json!({
        "maandbedrag": 12333.33, "maxCredit": 0.25,
        "normen": [
            {"id": "beschikbaarheid-burgerzaken", "soort": "beschikbaarheid", "venster": "24x7", "doel": 99.8,
             "staffel": [{"onder": 99.8, "credit": 0.05}, {"onder": 99.0, "credit": 0.15}]},
            {"id": "oplostijd-p1", "soort": "oplostijd", "prioriteit": "P1", "venster": "kantooruren", "doelUren": 4, "doel": 90.0,
             "staffel": [{"onder": 90.0, "credit": 0.05}]}
        ]
    }))
    .map_err(|e| DemoError::Data { file: "regie.rs", line: 0, message: e.to_string() })?;
    store
        .set_sla_terms(&manager, organisation, contract.id, &terms)
        .await?;
    let first = |n: u32| {
        let m = month(n);
        NaiveDate::from_ymd_opt(m.year(), m.month(), 1).unwrap_or(m)
    };
    let outages = vec![
        Outage {
            norm: "beschikbaarheid-burgerzaken".into(),
            begin: at(weekday(first(5) + Days::new(9)), 9, 0),
            einde: at(weekday(first(5) + Days::new(9)), 9, 40),
        },
        Outage {
            norm: "beschikbaarheid-burgerzaken".into(),
            begin: at(weekday(first(3) + Days::new(14)), 8, 15),
            einde: at(weekday(first(3) + Days::new(14)), 13, 45),
        },
        Outage {
            norm: "beschikbaarheid-burgerzaken".into(),
            begin: at(weekday(first(2) + Days::new(3)), 22, 0),
            einde: at(weekday(first(2) + Days::new(4)), 1, 30),
        },
    ];
    let incident = |n: u32, day: u64, hours: u32| {
        let d = weekday(first(n) + Days::new(day));
        Incident {
            id: None,
            prioriteit: "P1".into(),
            gemeld: at(d, 9, 0),
            gereageerd: Some(at(d, 9, 20)),
            opgelost: at(d, 9 + hours, 0),
        }
    };
    let incidents = vec![
        incident(5, 9, 2),
        incident(4, 12, 3),
        incident(3, 14, 6),
        incident(3, 20, 2),
        incident(2, 4, 7),
        incident(1, 8, 3),
    ];
    store
        .record_sla(
            &actor("leverancier@voorbeeld.nl"),
            organisation,
            contract.id,
            &outages,
            &incidents,
            &[],
        )
        .await?;

    // What was expected at the start, and what the partner proposed since.
    use regisseur_domain::regie::register::{Expectation, Innovation, InnovationStatus, Outcome};
    store
        .save_expectation(
            &manager,
            organisation,
            contract.id,
            None,
            &Expectation {
                wat: "Reisdocumenten binnen 5 werkdagen".into(),
                meetbaar: "95 % van de aanvragen binnen 5 werkdagen verwerkt".into(),
                wanneer: month(6),
                uitkomst: Outcome::Deels,
                werkelijkheid: "88 % binnen 5 werkdagen; achterstand rond de verkiezingen".into(),
            },
        )
        .await?;
    store
        .save_expectation(
            &manager,
            organisation,
            contract.id,
            None,
            &Expectation {
                wat: "Storingen vooraf gemeld".into(),
                meetbaar: "Gepland onderhoud minstens 5 werkdagen vooraf aangekondigd".into(),
                wanneer: today + Days::new(60),
                uitkomst: Outcome::Open,
                werkelijkheid: String::new(),
            },
        )
        .await?;
    store
        .save_innovation(
            &actor("leverancier@voorbeeld.nl"),
            organisation,
            contract.id,
            None,
            &Innovation {
                titel: "Online afspraak met automatische herinnering".into(),
                omschrijving: "Sms- en e-mailherinnering voor afspraken bij Burgerzaken.".into(),
                waarde: "Minder no-shows (nu 8 %)".into(),
                status: InnovationStatus::InBehandeling,
                voorgesteld: month(2),
            },
        )
        .await?;

    // Four quarters of the survey: the municipality slides, the supplier stays content.
    let quarter = |back: u32| {
        let d = today
            .checked_sub_months(Months::new(3 * back))
            .unwrap_or(today);
        quarter_text((d.year(), ((d.month() - 1) / 3 + 1) as u8))
    };
    for (back, own, theirs, remark) in [
        (
            4u32,
            8u8,
            8u8,
            "Goede start; korte lijnen met de accountmanager.",
        ),
        (3, 7, 8, "Wijzigingen duren langer dan afgesproken."),
        (
            2,
            7,
            8,
            "Storing bij de verkiezingen slecht gecommuniceerd.",
        ),
        (
            1,
            6,
            7,
            "Het gevoel dat we achter de feiten aanlopen; SLA's kloppen op papier.",
        ),
    ] {
        let survey = |score: u8, text: &str| Survey {
            vertrouwen: score,
            aanbeveling: score,
            tevredenheid: [(CONTRACT.to_string(), score)].into_iter().collect(),
            proactiviteit: score.saturating_sub(1).max(1),
            toelichting: text.into(),
        };
        store
            .save_survey(
                &manager,
                organisation,
                contract.id,
                &quarter(back),
                Side::Gemeente,
                &survey(own, remark),
            )
            .await?;
        store
            .save_survey(
                &actor("leverancier@voorbeeld.nl"),
                organisation,
                contract.id,
                &quarter(back),
                Side::Leverancier,
                &survey(
                    theirs,
                    "Samenwerking loopt; graag eerder betrokken bij plannen.",
                ),
            )
            .await?;
    }
    Ok(())
}
