//! Validation errors: every problem with an input is collected and named by its field, so that
//! one answer can list them all (API `invalidParams`, field messages in forms).

use serde::Serialize;
use std::fmt;

/// A language the product speaks. Dutch is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks between a Dutch and an English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// A count with its noun in the number the language asks for — the one place plurals are
    /// made: in Dutch and English the singular is for exactly one ("1 maand", "2 maanden",
    /// "0 maanden"). `nl` and `en` are each (singular, plural).
    pub fn count<N>(self, n: N, nl: (&str, &str), en: (&str, &str)) -> String
    where
        N: std::fmt::Display + PartialEq + From<u8>,
    {
        let (one, many) = match self {
            Lang::Nl => nl,
            Lang::En => en,
        };
        let noun = if n == N::from(1) { one } else { many };
        format!("{n} {noun}")
    }

    /// `count` of days.
    pub fn days<N: std::fmt::Display + PartialEq + From<u8>>(self, n: N) -> String {
        self.count(n, ("dag", "dagen"), ("day", "days"))
    }

    /// `count` of months.
    pub fn months<N: std::fmt::Display + PartialEq + From<u8>>(self, n: N) -> String {
        self.count(n, ("maand", "maanden"), ("month", "months"))
    }
}

#[cfg(test)]
mod count_tests {
    use super::Lang;

    #[test]
    fn the_singular_is_for_exactly_one() {
        assert_eq!(Lang::Nl.months(1), "1 maand");
        assert_eq!(Lang::Nl.months(0), "0 maanden");
        assert_eq!(Lang::Nl.months(12), "12 maanden");
        assert_eq!(Lang::En.days(1), "1 day");
        assert_eq!(Lang::En.days(40), "40 days");
        assert_eq!(Lang::Nl.days(-1i64), "-1 dagen");
        assert_eq!(Lang::Nl.days(1usize), "1 dag");
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    NotInList {
        allowed: Vec<&'static str>,
    },
    NotText,
    NotABoolean,
    NotAnInteger,
    OutOfRange {
        min: i64,
        max: i64,
    },
    NotAnAmount,
    NotADate,
    DateBefore {
        other: &'static str,
    },
    NotACountry,
    /// A country written as a name that is not known, with the nearest known one.
    UnknownCountry {
        written: String,
        suggestion: Option<String>,
    },
    NotAnEmail,
    NotAnId,
    NotAList,
    UnknownField,
    UnknownReference,
    WrongKind {
        expected: &'static str,
    },
    NotAReferenceComponent,
    SameAs {
        other: &'static str,
    },
    RelationNotAllowed {
        kind: String,
        from: &'static str,
        to: &'static str,
    },
    InvalidSlug,
    InvalidCbsCode,
    InvalidKvk,
    Duplicate,
    TooShort {
        min: usize,
    },
    NotAllowed,
    NotAProperty,
    NotAnObject,
    UnknownRule,
    NotANumber,
    Negative,
    RangeOutOfOrder,
    OutsideHorizon,
    /// The weights of a list do not add up to 1 (±0.0001).
    WeightsSum,
    /// Must be smaller than another field.
    MustBeBelow {
        other: &'static str,
    },
    /// No EU threshold is known for this date.
    NoThreshold,
    /// A list must run from high to low.
    NotDescending,
    /// Dependencies run in a circle (the names, first repeated at the end).
    Cycle {
        path: String,
    },
    /// Does not fit with another field; why, in Dutch and English.
    Inconsistent {
        nl: &'static str,
        en: &'static str,
    },
    /// Something still refers to it (its names).
    InUse {
        by: String,
    },
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Required, Lang::Nl) => "Dit veld is verplicht.".into(),
            (Problem::Required, Lang::En) => "This field is required.".into(),
            (Problem::TooLong { max }, Lang::Nl) => format!("Te lang: hoogstens {max} tekens."),
            (Problem::TooLong { max }, Lang::En) => format!("Too long: at most {max} characters."),
            (Problem::TooShort { min }, Lang::Nl) => format!("Te kort: minstens {min} tekens."),
            (Problem::TooShort { min }, Lang::En) => format!("Too short: at least {min} characters."),
            (Problem::NotInList { allowed }, Lang::Nl) => {
                format!("Kies een van: {}.", allowed.join(", "))
            }
            (Problem::NotInList { allowed }, Lang::En) => {
                format!("Choose one of: {}.", allowed.join(", "))
            }
            (Problem::NotText, Lang::Nl) => "Moet tekst zijn.".into(),
            (Problem::NotText, Lang::En) => "Must be text.".into(),
            (Problem::NotABoolean, Lang::Nl) => "Moet ja of nee zijn.".into(),
            (Problem::NotABoolean, Lang::En) => "Must be yes or no.".into(),
            (Problem::NotAnInteger, Lang::Nl) => "Moet een geheel getal zijn.".into(),
            (Problem::NotAnInteger, Lang::En) => "Must be a whole number.".into(),
            (Problem::OutOfRange { min, max }, Lang::Nl) => {
                format!("Moet tussen {min} en {max} liggen.")
            }
            (Problem::OutOfRange { min, max }, Lang::En) => {
                format!("Must be between {min} and {max}.")
            }
            (Problem::NotAnAmount, Lang::Nl) => {
                "Geen geldig bedrag (bijvoorbeeld 12.345,67; in de API een geheel aantal centen)."
                    .into()
            }
            (Problem::NotAnAmount, Lang::En) => {
                "Not a valid amount (for example 12,345.67; in the API a whole number of cents)."
                    .into()
            }
            (Problem::NotADate, Lang::Nl) => "Geen geldige datum (JJJJ-MM-DD).".into(),
            (Problem::NotADate, Lang::En) => "Not a valid date (YYYY-MM-DD).".into(),
            (Problem::DateBefore { other }, Lang::Nl) => format!("Mag niet vóór {other} liggen."),
            (Problem::DateBefore { other }, Lang::En) => format!("Must not be before {other}."),
            (Problem::NotACountry, Lang::Nl) => {
                "Geen bekende landcode (ISO 3166-1, twee letters, zoals NL).".into()
            }
            (Problem::NotACountry, Lang::En) => {
                "Not a known country code (ISO 3166-1, two letters, such as NL).".into()
            }
            (
                Problem::UnknownCountry {
                    written,
                    suggestion,
                },
                Lang::Nl,
            ) => match suggestion {
                Some(s) => format!("Onbekend land '{written}'; bedoelt u {s}?"),
                None => format!(
                    "Onbekend land '{written}'; gebruik een landnaam (Nederland, Verenigde Staten) of ISO-code (NL, US)."
                ),
            },
            (
                Problem::UnknownCountry {
                    written,
                    suggestion,
                },
                Lang::En,
            ) => match suggestion {
                Some(s) => format!("Unknown country '{written}'; did you mean {s}?"),
                None => format!(
                    "Unknown country '{written}'; use a country name (Netherlands, United States) or ISO code (NL, US)."
                ),
            },
            (Problem::NotAnEmail, Lang::Nl) => "Geen geldig e-mailadres.".into(),
            (Problem::NotAnEmail, Lang::En) => "Not a valid e-mail address.".into(),
            (Problem::NotAnId, Lang::Nl) => "Geen geldige id (UUID).".into(),
            (Problem::NotAnId, Lang::En) => "Not a valid id (UUID).".into(),
            (Problem::NotAList, Lang::Nl) => "Moet een lijst zijn.".into(),
            (Problem::NotAList, Lang::En) => "Must be a list.".into(),
            (Problem::UnknownField, Lang::Nl) => "Onbekend veld.".into(),
            (Problem::UnknownField, Lang::En) => "Unknown field.".into(),
            (Problem::UnknownReference, Lang::Nl) => {
                "Verwijst naar iets dat in deze organisatie niet bestaat.".into()
            }
            (Problem::UnknownReference, Lang::En) => {
                "Refers to something that does not exist in this organisation.".into()
            }
            (Problem::WrongKind { expected }, Lang::Nl) => {
                format!("Moet verwijzen naar een {expected}.")
            }
            (Problem::WrongKind { expected }, Lang::En) => format!("Must refer to a {expected}."),
            (Problem::NotAReferenceComponent, Lang::Nl) => {
                "Onbekende GEMMA-referentiecomponent.".into()
            }
            (Problem::NotAReferenceComponent, Lang::En) => {
                "Unknown GEMMA reference component.".into()
            }
            (Problem::SameAs { other }, Lang::Nl) => format!("Mag niet gelijk zijn aan {other}."),
            (Problem::SameAs { other }, Lang::En) => format!("Must differ from {other}."),
            (Problem::RelationNotAllowed { kind, from, to }, Lang::Nl) => {
                format!("Een relatie '{kind}' van een {from} naar een {to} is niet toegestaan.")
            }
            (Problem::RelationNotAllowed { kind, from, to }, Lang::En) => {
                format!("A '{kind}' relation from a {from} to a {to} is not allowed.")
            }
            (Problem::InvalidSlug, Lang::Nl) => {
                "Alleen kleine letters, cijfers en streepjes; 2 tot 63 tekens, beginnend met een letter.".into()
            }
            (Problem::InvalidSlug, Lang::En) => {
                "Only lower-case letters, digits and hyphens; 2 to 63 characters, starting with a letter.".into()
            }
            (Problem::InvalidCbsCode, Lang::Nl) => "Een CBS-code is GM gevolgd door vier cijfers.".into(),
            (Problem::InvalidCbsCode, Lang::En) => "A CBS code is GM followed by four digits.".into(),
            (Problem::InvalidKvk, Lang::Nl) => "Een KvK-nummer heeft acht cijfers.".into(),
            (Problem::InvalidKvk, Lang::En) => "A KvK number has eight digits.".into(),
            (Problem::Duplicate, Lang::Nl) => "Bestaat al.".into(),
            (Problem::Duplicate, Lang::En) => "Already exists.".into(),
            (Problem::Negative, Lang::Nl) => "Mag niet negatief zijn.".into(),
            (Problem::Negative, Lang::En) => "Must not be negative.".into(),
            (Problem::RangeOutOfOrder, Lang::Nl) => {
                "Moet gelden: min ≤ waarschijnlijk ≤ max.".into()
            }
            (Problem::RangeOutOfOrder, Lang::En) => {
                "Must hold: min ≤ waarschijnlijk ≤ max.".into()
            }
            (Problem::OutsideHorizon, Lang::Nl) => {
                "Valt buiten de looptijd (startjaar tot startjaar + looptijdJaren).".into()
            }
            (Problem::OutsideHorizon, Lang::En) => {
                "Falls outside the horizon (startjaar up to startjaar + looptijdJaren).".into()
            }
            (Problem::WeightsSum, Lang::Nl) => {
                "De gewichten moeten samen 1 zijn (±0,0001).".into()
            }
            (Problem::WeightsSum, Lang::En) => "The weights must add up to 1 (±0.0001).".into(),
            (Problem::MustBeBelow { other }, Lang::Nl) => format!("Moet kleiner zijn dan {other}."),
            (Problem::MustBeBelow { other }, Lang::En) => format!("Must be smaller than {other}."),
            (Problem::NoThreshold, Lang::Nl) => {
                "Voor deze datum is geen Europese drempel bekend (de tabel begint op 1 januari 2022).".into()
            }
            (Problem::NoThreshold, Lang::En) => {
                "No EU threshold is known for this date (the table starts on 1 January 2022).".into()
            }
            (Problem::NotDescending, Lang::Nl) => {
                "De drempels moeten van hoog naar laag lopen.".into()
            }
            (Problem::NotDescending, Lang::En) => "The thresholds must run from high to low.".into(),
            (Problem::Cycle { path }, Lang::Nl) => {
                format!("De afhankelijkheden vormen een kring: {path}.")
            }
            (Problem::Cycle { path }, Lang::En) => {
                format!("The dependencies form a cycle: {path}.")
            }
            (Problem::Inconsistent { nl, .. }, Lang::Nl) => format!("Klopt niet: {nl}."),
            (Problem::Inconsistent { en, .. }, Lang::En) => format!("Inconsistent: {en}."),
            (Problem::InUse { by }, Lang::Nl) => {
                format!("Kan niet weg: hier wordt nog naar verwezen door {by}.")
            }
            (Problem::InUse { by }, Lang::En) => {
                format!("Cannot be removed: still referred to by {by}.")
            }
            (Problem::NotANumber, Lang::Nl) => "Moet een getal zijn.".into(),
            (Problem::NotANumber, Lang::En) => "Must be a number.".into(),
            (Problem::NotAnObject, Lang::Nl) => "Moet een object ({ … }) zijn.".into(),
            (Problem::NotAnObject, Lang::En) => "Must be an object ({ … }).".into(),
            (Problem::UnknownRule, Lang::Nl) => {
                "Onbekende regel; zie de lijst van regels op de pagina Kwaliteit.".into()
            }
            (Problem::UnknownRule, Lang::En) => {
                "Unknown rule; see the list of rules on the Quality page.".into()
            }
            (Problem::NotAllowed, Lang::Nl) => "Niet toegestaan.".into(),
            (Problem::NotAllowed, Lang::En) => "Not allowed.".into(),
            (Problem::NotAProperty, Lang::Nl) => {
                "Schrijf elke eigenschap als 'naam: waarde' (naam hoogstens 100, waarde hoogstens 10.000 tekens).".into()
            }
            (Problem::NotAProperty, Lang::En) => {
                "Write each property as 'name: value' (name at most 100, value at most 10,000 characters).".into()
            }
        }
    }
}

/// One invalid field: its name (as in the API) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub name: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(name: impl Into<String>, problem: Problem) -> Self {
        FieldError {
            name: name.into(),
            problem,
        }
    }
}

/// Every invalid field of one input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, name: impl Into<String>, problem: Problem) {
        self.0.push(FieldError::new(name, problem));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|e| e.name == name)
    }
    pub fn for_field(&self, name: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.name == name)
    }
    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.name, e.problem.message(Lang::Nl)))
            .collect();
        write!(f, "{}", parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}
