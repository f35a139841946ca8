//! What was expected at the start and what the partner brings later: expectations recorded when
//! the contract began (what, how it is measured, by when), compared with reality afterwards; and
//! the innovation register of proposals by the partner with their value and status.

use crate::{Lang, Problem, ValidationErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Open,
    Waargemaakt,
    Deels,
    NietWaargemaakt,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Open,
        Outcome::Waargemaakt,
        Outcome::Deels,
        Outcome::NietWaargemaakt,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Waargemaakt => "waargemaakt",
            Outcome::Deels => "deels",
            Outcome::NietWaargemaakt => "niet-waargemaakt",
        }
    }

    pub fn parse(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Open => lang.pick("nog te beoordelen", "to be assessed"),
            Outcome::Waargemaakt => lang.pick("waargemaakt", "met"),
            Outcome::Deels => lang.pick("deels waargemaakt", "partly met"),
            Outcome::NietWaargemaakt => lang.pick("niet waargemaakt", "not met"),
        }
    }
}

/// An expectation recorded at the start of a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expectation {
    pub wat: String,
    /// How it is measured.
    pub meetbaar: String,
    pub wanneer: NaiveDate,
    pub uitkomst: Outcome,
    /// What reality turned out to be.
    #[serde(default)]
    pub werkelijkheid: String,
}

impl Expectation {
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (key, text) in [("wat", &self.wat), ("meetbaar", &self.meetbaar)] {
            if text.trim().is_empty() {
                errors.push(key, Problem::Required);
            } else if text.chars().count() > 1_000 {
                errors.push(key, Problem::TooLong { max: 1_000 });
            }
        }
        if self.uitkomst != Outcome::Open && self.werkelijkheid.trim().is_empty() {
            errors.push("werkelijkheid", Problem::Required);
        }
        errors.into_result(())
    }

    /// Past its date and not yet compared with reality.
    pub fn due(&self, today: NaiveDate) -> bool {
        self.uitkomst == Outcome::Open && self.wanneer <= today
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InnovationStatus {
    Voorgesteld,
    InBehandeling,
    Geaccepteerd,
    Afgewezen,
    Gerealiseerd,
}

impl InnovationStatus {
    pub const ALL: [InnovationStatus; 5] = [
        InnovationStatus::Voorgesteld,
        InnovationStatus::InBehandeling,
        InnovationStatus::Geaccepteerd,
        InnovationStatus::Afgewezen,
        InnovationStatus::Gerealiseerd,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InnovationStatus::Voorgesteld => "voorgesteld",
            InnovationStatus::InBehandeling => "in-behandeling",
            InnovationStatus::Geaccepteerd => "geaccepteerd",
            InnovationStatus::Afgewezen => "afgewezen",
            InnovationStatus::Gerealiseerd => "gerealiseerd",
        }
    }

    pub fn parse(code: &str) -> Option<InnovationStatus> {
        InnovationStatus::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            InnovationStatus::Voorgesteld => lang.pick("voorgesteld", "proposed"),
            InnovationStatus::InBehandeling => lang.pick("in behandeling", "under review"),
            InnovationStatus::Geaccepteerd => lang.pick("geaccepteerd", "accepted"),
            InnovationStatus::Afgewezen => lang.pick("afgewezen", "declined"),
            InnovationStatus::Gerealiseerd => lang.pick("gerealiseerd", "realised"),
        }
    }
}

/// A proposal by the partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Innovation {
    pub titel: String,
    #[serde(default)]
    pub omschrijving: String,
    /// The value for the municipality, in words (savings, quality, risk).
    #[serde(default)]
    pub waarde: String,
    pub status: InnovationStatus,
    pub voorgesteld: NaiveDate,
}

impl Innovation {
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.titel.trim().is_empty() {
            errors.push("titel", Problem::Required);
        } else if self.titel.chars().count() > 200 {
            errors.push("titel", Problem::TooLong { max: 200 });
        }
        for (key, text) in [
            ("omschrijving", &self.omschrijving),
            ("waarde", &self.waarde),
        ] {
            if text.chars().count() > 2_000 {
                errors.push(key, Problem::TooLong { max: 2_000 });
            }
        }
        errors.into_result(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_need_substance_and_reality_once_assessed() {
        let day = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap_or(NaiveDate::MIN);
        let mut e = Expectation {
            wat: "Minder storingen".into(),
            meetbaar: "P1-incidenten per maand < 2".into(),
            wanneer: day,
            uitkomst: Outcome::Open,
            werkelijkheid: String::new(),
        };
        e.check().expect("valid");
        assert!(e.due(day) && !e.due(day.pred_opt().unwrap_or(day)));
        e.uitkomst = Outcome::Deels;
        let names: Vec<String> = e
            .check()
            .expect_err("reality missing")
            .0
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, ["werkelijkheid"]);
        e.werkelijkheid = "Gemiddeld 2,5 per maand".into();
        e.check().expect("valid");
        assert!(!e.due(day));
    }

    #[test]
    fn innovations_need_a_title() {
        let i = Innovation {
            titel: " ".into(),
            omschrijving: String::new(),
            waarde: String::new(),
            status: InnovationStatus::Voorgesteld,
            voorgesteld: NaiveDate::MIN,
        };
        assert_eq!(i.check().expect_err("no title").0[0].name, "titel");
        assert_eq!(
            InnovationStatus::parse("in-behandeling"),
            Some(InnovationStatus::InBehandeling)
        );
    }
}
