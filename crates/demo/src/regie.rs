//! Gemeente Voorbeeld after signing: the Burgerzaken contract with Centric (the supplier of the
//! `leverancier` demo account) with its obligations, an SLA measured over the past half year,
//! and four quarters of the relationship survey in which the municipality's satisfaction slides
//! into the *dal*.
//!
//! Everything is dated relative to the day the demo is built for, and planned first without a
//! database ([`plan`]), checked as the store checks it, so that it holds on any day.

use crate::{DemoError, data_error};
use chrono::{Datelike, Days, Months, NaiveDate};
use regisseur_domain::regie::calendar::holidays;
use regisseur_domain::regie::health::{Side, Survey, quarter_text};
use regisseur_domain::regie::obligations::{Obligation, ObligationKind, Recurrence};
use regisseur_domain::regie::register::{Expectation, Innovation, InnovationStatus, Outcome};
use regisseur_domain::regie::sla::{Incident, Outage, SlaReport, compute};
use regisseur_store::{Actor, SlaTerms, Store};
use uuid::Uuid;

pub(crate) const CONTRACT: &str = "Burgerzaken (Key2Burgerzaken, Reisdocumenten, Verkiezingen)";
const MANAGER: &str = "regisseur@voorbeeld.nl";
const SUPPLIER: &str = "leverancier@voorbeeld.nl";

fn actor(email: &str) -> Actor {
    Actor {
        user_id: None,
        email: email.into(),
    }
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> String {
    format!("{}T{hour:02}:{minute:02}", day.format("%Y-%m-%d"))
}

/// The working day on or after a day: office hours in the demo fall on days the offices are
/// open (no weekend, no public holiday — the holidays are the domain's, as the SLA counts them).
fn working_day(day: NaiveDate) -> NaiveDate {
    let mut day = day;
    let mut closed = holidays(day.year());
    for _ in 0..14 {
        if day.weekday().number_from_monday() <= 5 && !closed.contains(&day) {
            break;
        }
        day = day.succ_opt().unwrap_or(day);
        if day.ordinal() == 1 {
            closed = holidays(day.year());
        }
    }
    day
}

/// The Burgerzaken contract's direction, as of one day.
#[derive(Debug, Clone)]
pub(crate) struct Regie {
    obligations: Vec<Obligation>,
    terms: SlaTerms,
    outages: Vec<Outage>,
    incidents: Vec<Incident>,
    expectations: Vec<Expectation>,
    innovations: Vec<Innovation>,
    /// Quarter, side and answers.
    surveys: Vec<(String, Side, Survey)>,
}

/// What the contract's direction holds on `today`, checked as the store checks it.
pub(crate) fn plan(today: NaiveDate) -> Result<Regie, DemoError> {
    let month = |n: u32| today.checked_sub_months(Months::new(n)).unwrap_or(today);
    let invalid = |what: &str, e: regisseur_domain::validation::ValidationErrors| {
        data_error("regie.rs", 0, format!("{what} on {today}: {e}"))
    };

    // Obligations: the assurance report is late, the exit plan test comes up, the processing
    // agreement is in place.
    let obligations = vec![
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
    ];
    for o in &obligations {
        o.check().map_err(|e| invalid("obligation", e))?;
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
    .map_err(|e| data_error("regie.rs", 0, e.to_string()))?;
    let first = |n: u32| {
        let m = month(n);
        NaiveDate::from_ymd_opt(m.year(), m.month(), 1).unwrap_or(m)
    };
    // An outage from one working day into the night: it ends the next calendar day, whatever
    // day of the week the first one is.
    let outage = |day: NaiveDate, (bh, bm): (u32, u32), (eh, em): (u32, u32)| {
        let end_day = if (eh, em) < (bh, bm) {
            day + Days::new(1)
        } else {
            day
        };
        Outage {
            norm: "beschikbaarheid-burgerzaken".into(),
            begin: at(day, bh, bm),
            einde: at(end_day, eh, em),
        }
    };
    let outages = vec![
        outage(working_day(first(5) + Days::new(9)), (9, 0), (9, 40)),
        outage(working_day(first(3) + Days::new(14)), (8, 15), (13, 45)),
        outage(working_day(first(2) + Days::new(3)), (22, 0), (1, 30)),
    ];
    let incident = |n: u32, day: u64, hours: u32| {
        let d = working_day(first(n) + Days::new(day));
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
    terms
        .with(outages.clone(), incidents.clone(), Vec::new())
        .prepare()
        .map_err(|e| invalid("SLA measurements", e))?;

    // What was expected at the start, and what the partner proposed since.
    let expectations = vec![
        Expectation {
            wat: "Reisdocumenten binnen 5 werkdagen".into(),
            meetbaar: "95 % van de aanvragen binnen 5 werkdagen verwerkt".into(),
            wanneer: month(6),
            uitkomst: Outcome::Deels,
            werkelijkheid: "88 % binnen 5 werkdagen; achterstand rond de verkiezingen".into(),
        },
        Expectation {
            wat: "Storingen vooraf gemeld".into(),
            meetbaar: "Gepland onderhoud minstens 5 werkdagen vooraf aangekondigd".into(),
            wanneer: today + Days::new(60),
            uitkomst: Outcome::Open,
            werkelijkheid: String::new(),
        },
    ];
    for e in &expectations {
        e.check().map_err(|e| invalid("expectation", e))?;
    }
    let innovations = vec![Innovation {
        titel: "Online afspraak met automatische herinnering".into(),
        omschrijving: "Sms- en e-mailherinnering voor afspraken bij Burgerzaken.".into(),
        waarde: "Minder no-shows (nu 8 %)".into(),
        status: InnovationStatus::InBehandeling,
        voorgesteld: month(2),
    }];
    for i in &innovations {
        i.check().map_err(|e| invalid("innovation", e))?;
    }

    // Four quarters of the survey: the municipality slides, the supplier stays content.
    let quarter = |back: u32| {
        let d = today
            .checked_sub_months(Months::new(3 * back))
            .unwrap_or(today);
        quarter_text((d.year(), ((d.month() - 1) / 3 + 1) as u8))
    };
    let survey = |score: u8, text: &str| Survey {
        vertrouwen: score,
        aanbeveling: score,
        tevredenheid: [(CONTRACT.to_string(), score)].into_iter().collect(),
        proactiviteit: score.saturating_sub(1).max(1),
        toelichting: text.into(),
    };
    let mut surveys = Vec::new();
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
        let q = quarter(back);
        surveys.push((q.clone(), Side::Gemeente, survey(own, remark)));
        surveys.push((
            q,
            Side::Leverancier,
            survey(
                theirs,
                "Samenwerking loopt; graag eerder betrokken bij plannen.",
            ),
        ));
    }
    for (_, _, s) in &surveys {
        s.check().map_err(|e| invalid("survey", e))?;
    }
    Ok(Regie {
        obligations,
        terms,
        outages,
        incidents,
        expectations,
        innovations,
        surveys,
    })
}

impl Regie {
    pub(crate) fn obligations(&self) -> &[Obligation] {
        &self.obligations
    }

    /// The SLA report the contract page shows.
    pub(crate) fn sla_report(&self) -> Option<SlaReport> {
        let input = self
            .terms
            .with(self.outages.clone(), self.incidents.clone(), Vec::new());
        input.prepare().ok().map(|prepared| compute(&prepared))
    }

    /// Writes it all for the contract.
    pub(crate) async fn load(
        &self,
        store: &Store,
        organisation: Uuid,
        contract: Uuid,
    ) -> Result<(), DemoError> {
        let manager = actor(MANAGER);
        let supplier = actor(SUPPLIER);
        for obligation in &self.obligations {
            store
                .save_obligation(&manager, organisation, contract, None, obligation)
                .await?;
        }
        store
            .set_sla_terms(&manager, organisation, contract, &self.terms)
            .await?;
        store
            .record_sla(
                &supplier,
                organisation,
                contract,
                &self.outages,
                &self.incidents,
                &[],
            )
            .await?;
        for expectation in &self.expectations {
            store
                .save_expectation(&manager, organisation, contract, None, expectation)
                .await?;
        }
        for innovation in &self.innovations {
            store
                .save_innovation(&supplier, organisation, contract, None, innovation)
                .await?;
        }
        for (quarter, side, survey) in &self.surveys {
            let who = match side {
                Side::Gemeente => &manager,
                Side::Leverancier => &supplier,
            };
            store
                .save_survey(who, organisation, contract, quarter, *side, survey)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overnight_outage_ends_after_it_begins_on_every_weekday() {
        // 2026-12-07 is the day the defect was found: two months back the month began on a
        // Thursday, and both ends of the night fell on the same Monday.
        for today in [
            NaiveDate::from_ymd_opt(2026, 12, 7),
            NaiveDate::from_ymd_opt(2027, 3, 31),
            NaiveDate::from_ymd_opt(2028, 2, 29),
        ]
        .into_iter()
        .flatten()
        {
            let regie = plan(today).expect("the demo's SLA holds");
            for o in &regie.outages {
                assert!(o.einde > o.begin, "{today}: {o:?}");
            }
        }
    }

    #[test]
    fn office_hours_incidents_fall_on_working_days() {
        let christmas = NaiveDate::from_ymd_opt(2026, 12, 25).expect("date");
        assert_eq!(
            working_day(christmas),
            NaiveDate::from_ymd_opt(2026, 12, 28).expect("date"),
            "Christmas, Boxing Day and the weekend are skipped"
        );
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
        assert_eq!(working_day(monday), monday);
    }
}
