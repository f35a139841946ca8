//! Gemeente Voorbeeld's tenders: hosting and the servicedesk awarded (the consensus final, so
//! the result and the award report show), and the SOC service halfway through the evaluation
//! (one evaluator submitted, the other not yet).

use crate::DemoError;
use regisseur_domain::procurement::workflow::Setup;
use regisseur_store::{Actor, Store};
use std::collections::BTreeMap;
use uuid::Uuid;

const CHAIR: &str = "inkoper@voorbeeld.nl";
const EVALUATORS: [&str; 2] = ["regisseur@voorbeeld.nl", "beheerder@voorbeeld.nl"];

fn actor(email: &str) -> Actor {
    Actor {
        user_id: None,
        email: email.into(),
    }
}

/// Per bid: name, price, meets every requirement, and per evaluator the scores in the order of
/// the template's criteria.
type BidData = (&'static str, f64, bool, [[f64; 7]; 2]);

const HOSTING_BIDS: [BidData; 4] = [
    (
        "Rekencentrum Noord B.V.",
        4_380_000.0,
        true,
        [
            [8.0, 7.0, 6.0, 8.0, 8.0, 7.0, 6.0],
            [7.0, 7.0, 7.0, 8.0, 7.0, 8.0, 6.0],
        ],
    ),
    (
        "CloudPartners Nederland",
        3_900_000.0,
        true,
        [
            [6.0, 5.0, 7.0, 5.0, 6.0, 5.0, 8.0],
            [6.0, 6.0, 6.0, 5.0, 5.0, 6.0, 7.0],
        ],
    ),
    (
        "Hosting Groep Oost",
        4_910_000.0,
        true,
        [
            [9.0, 8.0, 8.0, 9.0, 8.0, 8.0, 7.0],
            [8.0, 8.0, 7.0, 9.0, 9.0, 8.0, 8.0],
        ],
    ),
    (
        "Budget IT Services",
        2_950_000.0,
        false,
        [[0.0; 7], [0.0; 7]],
    ),
];

const COMMENTS: [&str; 7] = [
    "De beloofde prestaties zijn onderbouwd met metingen bij twee vergelijkbare gemeenten.",
    "Het risicodossier noemt de transitie en de kennisoverdracht; de beheersmaatregelen zijn concreet.",
    "Het kansendossier biedt automatisering van de servicedesk, met de gevolgen voor de prijs.",
    "In het interview reageerde het team open op de casus met een verstoring; samenwerking voelt gelijkwaardig.",
    "Duidelijke taal, ook over wat niet kan; de accountmanager noemde zelf de zwakke punten.",
    "Het team stelde vragen bij onze eisen aan de back-up en kwam met een beter alternatief.",
    "Concrete voorbeelden van verbeteringen tijdens de looptijd bij andere klanten.",
];

async fn tender_with_bids(
    store: &Store,
    organisation: Uuid,
    name: &str,
    setup: &Setup,
    bids: &[BidData],
) -> Result<(Uuid, Vec<(Uuid, BidData)>), DemoError> {
    let chair = actor(CHAIR);
    let evaluators: Vec<String> = EVALUATORS.iter().map(ToString::to_string).collect();
    let tender = store
        .create_tender(&chair, organisation, name, setup, CHAIR, &evaluators)
        .await?;
    let mut ids = Vec::new();
    for bid in bids {
        let requirements: BTreeMap<String, bool> = setup
            .eisen
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), bid.2 || i > 0))
            .collect();
        let id = store
            .add_bid(&chair, organisation, tender.id, bid.0, bid.1, &requirements)
            .await?;
        ids.push((id, *bid));
    }
    store
        .start_evaluation(&chair, organisation, tender.id)
        .await?;
    Ok((tender.id, ids))
}

async fn score(
    store: &Store,
    organisation: Uuid,
    tender: Uuid,
    setup: &Setup,
    bids: &[(Uuid, BidData)],
    evaluator: usize,
) -> Result<(), DemoError> {
    let scores: Vec<(Uuid, String, f64, String)> = bids
        .iter()
        .filter(|(_, b)| b.2)
        .flat_map(|(id, b)| {
            setup.criteria.iter().enumerate().map(move |(k, c)| {
                (
                    *id,
                    c.id.clone(),
                    b.3[evaluator][k],
                    COMMENTS[k].to_string(),
                )
            })
        })
        .collect();
    store
        .save_scores(
            &actor(EVALUATORS[evaluator]),
            organisation,
            tender,
            &scores,
            true,
        )
        .await?;
    Ok(())
}

pub(crate) async fn load(store: &Store, organisation: Uuid) -> Result<(), DemoError> {
    // Hosting and servicedesk: scored, agreed and final.
    let setup = Setup::it_outsourcing(5_000_000.0, 3_000_000.0);
    let (tender, bids) = tender_with_bids(
        store,
        organisation,
        "Hosting en servicedesk 2027–2036",
        &setup,
        &HOSTING_BIDS,
    )
    .await?;
    for evaluator in 0..2 {
        score(store, organisation, tender, &setup, &bids, evaluator).await?;
    }
    // The consensus: the mean of both, rounded to a half, with the discussion as motivation.
    let consensus: Vec<(Uuid, String, f64, String)> = bids
        .iter()
        .filter(|(_, b)| b.2)
        .flat_map(|(id, b)| {
            setup.criteria.iter().enumerate().map(move |(k, c)| {
                let mean = (b.3[0][k] + b.3[1][k]) / 2.0;
                let agreed = (mean * 2.0).round() / 2.0;
                (
                    *id,
                    c.id.clone(),
                    agreed,
                    format!("Besproken; beide beoordelaars herkennen zich in {agreed}."),
                )
            })
        })
        .collect();
    let chair = actor(CHAIR);
    store
        .save_consensus(&chair, organisation, tender, &consensus)
        .await?;
    store.finalise_tender(&chair, organisation, tender).await?;

    // The SOC service: one evaluator has submitted, the other is still scoring.
    let soc = Setup::it_outsourcing(1_800_000.0, 1_100_000.0);
    let soc_bids: [BidData; 3] = [
        (
            "SecureOps Benelux",
            1_420_000.0,
            true,
            [[7.0, 8.0, 6.0, 7.0, 7.0, 8.0, 7.0], [0.0; 7]],
        ),
        (
            "Waakzaam SOC",
            1_260_000.0,
            true,
            [[6.0, 6.0, 7.0, 8.0, 8.0, 6.0, 6.0], [0.0; 7]],
        ),
        (
            "Cyber Defence Holland",
            1_650_000.0,
            true,
            [[8.0, 7.0, 8.0, 6.0, 7.0, 7.0, 8.0], [0.0; 7]],
        ),
    ];
    let (tender, bids) =
        tender_with_bids(store, organisation, "SOC als dienst", &soc, &soc_bids).await?;
    score(store, organisation, tender, &soc, &bids, 0).await
}
