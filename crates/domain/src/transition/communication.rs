//! The communication plan: who hears what, when, through which channel, from whom — and whether
//! it has happened.

use super::fields::Fields;
use crate::{Lang, ValidationErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Medewerkers,
    Raad,
    Partner,
    Inwoners,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Medewerkers,
        Audience::Raad,
        Audience::Partner,
        Audience::Inwoners,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Audience::Medewerkers => "medewerkers",
            Audience::Raad => "raad",
            Audience::Partner => "partner",
            Audience::Inwoners => "inwoners",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Audience::Medewerkers => lang.pick("Medewerkers", "Staff"),
            Audience::Raad => lang.pick("Gemeenteraad", "Council"),
            Audience::Partner => lang.pick("Partner", "Partner"),
            Audience::Inwoners => lang.pick("Inwoners", "Residents"),
        }
    }
}

/// One message of the communication plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub doelgroep: Audience,
    pub boodschap: String,
    pub moment: NaiveDate,
    #[serde(default)]
    pub kanaal: String,
    #[serde(default)]
    pub eigenaar: String,
    #[serde(default)]
    pub gedaan: bool,
}

impl Message {
    pub fn read(value: &Value) -> Result<Message, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let message = Message {
            doelgroep: f
                .code("doelgroep", &Audience::ALL, Audience::code, true)
                .unwrap_or(Audience::Medewerkers),
            boodschap: f.text("boodschap", true, 2_000),
            moment: f.date("moment", true).unwrap_or_default(),
            kanaal: f.text("kanaal", false, 200),
            eigenaar: f.text("eigenaar", false, 200),
            gedaan: f.yes_no("gedaan"),
        };
        f.finish(message)
    }

    /// Its moment has passed and it has not been done.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        !self.gedaan && self.moment < today
    }
}
