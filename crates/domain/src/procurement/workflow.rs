//! The evaluation as people carry it out (REFERENCE.md §6): the tender is set up (method,
//! weights, requirements, criteria), bids are registered with their price sealed, evaluators
//! score on their own with a comment on every score, the chair records the consensus with its
//! motivation, and only when the consensus is final are the prices opened and the ranking made.

use super::evaluation::{Bid, Criterion, Method, Requirement, Tender};
use crate::{Lang, Problem, ValidationErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a tender's evaluation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Method, weights, requirements, criteria and bids are set up.
    Opzet,
    /// Evaluators score; the chair records the consensus. Setup and bids are fixed.
    Beoordeling,
    /// The consensus is final: prices are open and the ranking is made.
    Vastgesteld,
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Stage::Opzet => "opzet",
            Stage::Beoordeling => "beoordeling",
            Stage::Vastgesteld => "vastgesteld",
        }
    }

    pub fn parse(code: &str) -> Option<Stage> {
        [Stage::Opzet, Stage::Beoordeling, Stage::Vastgesteld]
            .into_iter()
            .find(|s| s.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::Opzet => lang.pick("Opzet", "Set-up"),
            Stage::Beoordeling => lang.pick("Beoordeling", "Evaluation"),
            Stage::Vastgesteld => lang.pick("Vastgesteld", "Final"),
        }
    }

    /// Prices stay sealed — not shown, not returned — until the consensus is final.
    pub fn prices_open(self) -> bool {
        self == Stage::Vastgesteld
    }
}

/// A tender's set-up: everything of the tender file except the bids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Setup {
    pub methode: Method,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kwaliteit_gewicht: Option<f64>,
    pub schaal: [f64; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prijs_max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prijs_min: Option<f64>,
    #[serde(default)]
    pub eisen: Vec<Requirement>,
    pub criteria: Vec<Criterion>,
}

impl Setup {
    /// The tender with these bids.
    pub fn tender(&self, name: &str, bids: Vec<Bid>) -> Tender {
        Tender {
            naam: name.to_string(),
            methode: self.methode,
            kwaliteit_gewicht: self.kwaliteit_gewicht,
            schaal: self.schaal,
            prijs_max: self.prijs_max,
            prijs_min: self.prijs_min,
            eisen: self.eisen.clone(),
            criteria: self.criteria.clone(),
            inschrijvingen: bids,
        }
    }

    /// Whether a bid meeting these requirements passes every knock-out (it is scored only then).
    pub fn passes(&self, requirements: &BTreeMap<String, bool>) -> bool {
        self.eisen
            .iter()
            .all(|e| requirements.get(&e.id) == Some(&true))
    }

    /// Every problem with the set-up, by key path (as in the tender file).
    pub fn check(&self, name: &str) -> Result<(), ValidationErrors> {
        self.tender(name, Vec::new()).check()
    }

    /// A set-up for outsourcing IT: the usual knock-outs, and quality judged on the Best Value
    /// documents and on interviews about cooperation, communication, critical thinking and
    /// innovation — outsourcing is people's work. Quality 70 %, an absolute price scale.
    pub fn it_outsourcing(price_max: f64, price_min: f64) -> Setup {
        let requirement = |id: &str, naam: &str| Requirement {
            id: id.into(),
            naam: Some(naam.into()),
        };
        let criterion = |id: &str, naam: &str, gewicht: f64, omschrijving: &str| Criterion {
            id: id.into(),
            naam: naam.into(),
            gewicht,
            waarde: None,
            omschrijving: Some(omschrijving.into()),
        };
        Setup {
            methode: Method::Absoluut,
            kwaliteit_gewicht: Some(0.7),
            schaal: [0.0, 10.0],
            prijs_max: Some(price_max),
            prijs_min: Some(price_min),
            eisen: vec![
                requirement("iso27001", "ISO 27001-certificaat voor de dienstverlening"),
                requirement(
                    "bio",
                    "Voldoet aantoonbaar aan de BIO (ISAE 3402 type II of gelijkwaardig)",
                ),
                requirement(
                    "verwerkersovereenkomst",
                    "Tekent de verwerkersovereenkomst (AVG art. 28)",
                ),
                requirement(
                    "exitplan",
                    "Levert binnen drie maanden een exitplan en test het jaarlijks",
                ),
                requirement("gibit", "Aanvaardt de GIBIT-voorwaarden"),
            ],
            criteria: vec![
                criterion(
                    "prestatieonderbouwing",
                    "Prestatieonderbouwing",
                    0.20,
                    "Wat de partner belooft te bereiken, met verifieerbare prestaties uit eerdere opdrachten (Best Value).",
                ),
                criterion(
                    "risicodossier",
                    "Risicodossier",
                    0.15,
                    "De risico's die de partner niet kan beheersen, en hoe hij ze samen met de gemeente beperkt.",
                ),
                criterion(
                    "kansendossier",
                    "Kansendossier",
                    0.10,
                    "Wat de partner extra kan bieden, met de gevolgen voor prijs en planning.",
                ),
                criterion(
                    "samenwerking",
                    "Samenwerking en klik (interview)",
                    0.15,
                    "Interview met de sleutelpersonen: hoe werken ze samen met de regieorganisatie, ook als het tegenzit?",
                ),
                criterion(
                    "communicatie",
                    "Communicatie (interview)",
                    0.15,
                    "Helder, tijdig en eerlijk communiceren, ook over slecht nieuws.",
                ),
                criterion(
                    "kritisch-denken",
                    "Kritisch denken (interview)",
                    0.125,
                    "Durft de partner de gemeente tegen te spreken waar dat beter is?",
                ),
                criterion(
                    "innovatie",
                    "Innovatie (interview)",
                    0.125,
                    "Verbeteren en vernieuwen gedurende de looptijd, niet alleen leveren wat gevraagd is.",
                ),
            ],
        }
    }
}

/// A registered bid: its price and whether it meets each requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    pub bidder: String,
    pub price: f64,
    pub requirements: BTreeMap<String, bool>,
}

impl Registered {
    /// Whether the bid meets every requirement of the set-up (it is scored only then).
    pub fn passes(&self, setup: &Setup) -> bool {
        setup.passes(&self.requirements)
    }
}

/// One evaluator's score on one criterion of one bid; a comment is required.
pub fn check_score(setup: &Setup, score: f64, comment: &str) -> Result<(), Problem> {
    let [low, high] = setup.schaal;
    if !(score.is_finite() && (low..=high).contains(&score)) {
        return Err(Problem::OutOfRange {
            min: low.round() as i64,
            max: high.round() as i64,
        });
    }
    if comment.trim().is_empty() {
        return Err(Problem::Required);
    }
    Ok(())
}

/// The (bid, criterion) pairs that still need a consensus score: every criterion of every bid
/// that meets the requirements.
pub fn consensus_missing(
    setup: &Setup,
    bids: &[(String, bool)],
    consensus: &BTreeMap<(String, String), f64>,
) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    for (bidder, passes) in bids {
        if !passes {
            continue;
        }
        for c in &setup.criteria {
            if !consensus.contains_key(&(bidder.clone(), c.id.clone())) {
                missing.push((bidder.clone(), c.id.clone()));
            }
        }
    }
    missing
}

/// The tender file of a final evaluation: the set-up, and per bid its price, requirements and
/// consensus scores. A bid that fails a requirement was not scored; it carries the lowest score
/// of the scale, which changes nothing, since it is excluded before anything is computed.
pub fn tender_file(
    name: &str,
    setup: &Setup,
    bids: &[Registered],
    consensus: &BTreeMap<(String, String), f64>,
) -> Tender {
    let bids = bids
        .iter()
        .map(|b| Bid {
            inschrijver: b.bidder.clone(),
            prijs: b.price,
            eisen: setup
                .eisen
                .iter()
                .map(|e| (e.id.clone(), b.requirements.get(&e.id) == Some(&true)))
                .collect(),
            scores: setup
                .criteria
                .iter()
                .map(|c| {
                    let score = consensus
                        .get(&(b.bidder.clone(), c.id.clone()))
                        .copied()
                        .unwrap_or(setup.schaal[0]);
                    (c.id.clone(), score)
                })
                .collect(),
        })
        .collect();
    setup.tender(name, bids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procurement::evaluation::evaluate;

    #[test]
    fn the_template_is_a_valid_setup_that_weighs_the_human_side() {
        let setup = Setup::it_outsourcing(5_000_000.0, 3_000_000.0);
        setup.check("Werkplek").expect("valid");
        let interviews: f64 = setup
            .criteria
            .iter()
            .filter(|c| c.naam.contains("interview"))
            .map(|c| c.gewicht)
            .sum();
        assert!((interviews - 0.55).abs() < 1e-9, "{interviews}");
        assert!(setup.criteria.iter().any(|c| c.id == "risicodossier"));
    }

    #[test]
    fn scores_need_a_comment_and_the_scale() {
        let setup = Setup::it_outsourcing(2.0, 1.0);
        assert_eq!(check_score(&setup, 7.0, "Sterk plan"), Ok(()));
        assert_eq!(check_score(&setup, 7.0, "  "), Err(Problem::Required));
        assert_eq!(
            check_score(&setup, 11.0, "Te hoog"),
            Err(Problem::OutOfRange { min: 0, max: 10 })
        );
    }

    #[test]
    fn only_bids_that_pass_need_a_consensus_and_the_file_evaluates() {
        let mut setup = Setup::it_outsourcing(5_000_000.0, 3_000_000.0);
        setup.criteria.truncate(2);
        setup.criteria[0].gewicht = 0.5;
        setup.criteria[1].gewicht = 0.5;
        setup.eisen.truncate(1);
        let pass = |bidder: &str, ok: bool, price: f64| Registered {
            bidder: bidder.into(),
            price,
            requirements: [("iso27001".to_string(), ok)].into_iter().collect(),
        };
        let bids = vec![pass("A", true, 4_000_000.0), pass("B", false, 3_500_000.0)];
        let mut consensus = BTreeMap::new();
        consensus.insert(("A".to_string(), "prestatieonderbouwing".to_string()), 8.0);
        let flags: Vec<(String, bool)> = bids
            .iter()
            .map(|b| (b.bidder.clone(), b.passes(&setup)))
            .collect();
        assert_eq!(
            consensus_missing(&setup, &flags, &consensus),
            [("A".to_string(), "risicodossier".to_string())]
        );
        consensus.insert(("A".to_string(), "risicodossier".to_string()), 6.0);
        assert!(consensus_missing(&setup, &flags, &consensus).is_empty());
        let file = tender_file("Werkplek", &setup, &bids, &consensus);
        file.check().expect("a valid tender file");
        let result = evaluate(&file);
        assert_eq!(result.ranking.len(), 1);
        assert_eq!(result.excluded[0].0, "B");
        assert!(Stage::Vastgesteld.prices_open() && !Stage::Beoordeling.prices_open());
    }
}
