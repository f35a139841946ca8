//! Small value types that validate themselves: an invalid one cannot be constructed.

use crate::validation::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Money as a whole number of euro cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl Cents {
    /// Largest amount accepted: a trillion euros, far beyond any municipal budget.
    pub const MAX: i64 = 100_000_000_000_000;

    pub fn new(cents: i64) -> Result<Cents, Problem> {
        if (0..=Cents::MAX).contains(&cents) {
            Ok(Cents(cents))
        } else {
            Err(Problem::NotAnAmount)
        }
    }

    /// Parses an amount as people type it in euros: `€ 12.345,67`, `12345`, `12.345`,
    /// `12,345.67`, `1234.5`. A lone separator followed by exactly three digits is read as a
    /// thousands separator (the Dutch habit), otherwise as the decimal mark.
    pub fn parse_euros(text: &str) -> Result<Cents, Problem> {
        let cleaned: String = text
            .trim()
            .trim_start_matches('€')
            .trim_start_matches("EUR")
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        if cleaned.is_empty() || cleaned.starts_with('-') {
            return Err(Problem::NotAnAmount);
        }
        if !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(Problem::NotAnAmount);
        }
        let last_dot = cleaned.rfind('.');
        let last_comma = cleaned.rfind(',');
        let decimal_pos = match (last_dot, last_comma) {
            (Some(d), Some(c)) => Some(d.max(c)),
            (Some(p), None) | (None, Some(p)) => {
                let sep = cleaned.as_bytes()[p] as char;
                let count = cleaned.matches(sep).count();
                let after = cleaned.len() - p - 1;
                if count > 1 || after == 3 {
                    None
                } else {
                    Some(p)
                }
            }
            (None, None) => None,
        };
        let (int_part, frac_part) = match decimal_pos {
            Some(p) => (&cleaned[..p], &cleaned[p + 1..]),
            None => (cleaned.as_str(), ""),
        };
        let int_digits: String = int_part.chars().filter(|c| c.is_ascii_digit()).collect();
        if frac_part.len() > 2 || !frac_part.chars().all(|c| c.is_ascii_digit()) {
            return Err(Problem::NotAnAmount);
        }
        if int_digits.is_empty() && frac_part.is_empty() {
            return Err(Problem::NotAnAmount);
        }
        let euros: i64 = if int_digits.is_empty() {
            0
        } else {
            int_digits.parse().map_err(|_| Problem::NotAnAmount)?
        };
        let mut frac = frac_part.to_string();
        while frac.len() < 2 {
            frac.push('0');
        }
        let cents_part: i64 = frac.parse().map_err(|_| Problem::NotAnAmount)?;
        let total = euros
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents_part))
            .ok_or(Problem::NotAnAmount)?;
        Cents::new(total)
    }

    /// Euros with Dutch separators, without the euro sign: `12.345,67`.
    pub fn to_euro_text(self) -> String {
        let euros = self.0 / 100;
        let cents = self.0 % 100;
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        format!("{grouped},{cents:02}")
    }
}

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "€ {}", self.to_euro_text())
    }
}

/// One level of a BIV classification: 1 = laag, 2 = midden, 3 = hoog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct BivLevel(u8);

impl BivLevel {
    pub fn new(level: i64) -> Result<BivLevel, Problem> {
        if (1..=3).contains(&level) {
            Ok(BivLevel(level as u8))
        } else {
            Err(Problem::OutOfRange { min: 1, max: 3 })
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self.0, lang) {
            (1, crate::Lang::Nl) => "laag",
            (2, crate::Lang::Nl) => "midden",
            (_, crate::Lang::Nl) => "hoog",
            (1, crate::Lang::En) => "low",
            (2, crate::Lang::En) => "medium",
            (_, crate::Lang::En) => "high",
        }
    }
}

impl TryFrom<u8> for BivLevel {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        BivLevel::new(value as i64).map_err(|_| format!("BIV level {value} is not 1, 2 or 3"))
    }
}

impl From<BivLevel> for u8 {
    fn from(value: BivLevel) -> u8 {
        value.0
    }
}

/// A tenant's short name in addresses: lower-case letters, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(text: &str) -> Result<Slug, Problem> {
        let s = text.trim();
        let ok = (2..=63).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.ends_with('-');
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(Problem::InvalidSlug)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The CBS municipality code, `GM` and four digits (e.g. `GM0363` for Amsterdam).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CbsCode(String);

impl CbsCode {
    pub fn parse(text: &str) -> Result<CbsCode, Problem> {
        let s = text.trim().to_ascii_uppercase();
        if s.len() == 6 && s.starts_with("GM") && s[2..].chars().all(|c| c.is_ascii_digit()) {
            Ok(CbsCode(s))
        } else {
            Err(Problem::InvalidCbsCode)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address, normalised to lower case. Only the shape is checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(text: &str) -> Result<Email, Problem> {
        let s = text.trim().to_lowercase();
        let mut parts = s.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(Problem::NotAnEmail);
        };
        let ok = !local.is_empty()
            && s.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>');
        if ok {
            Ok(Email(s))
        } else {
            Err(Problem::NotAnEmail)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// ISO 3166-1 alpha-2 codes, all officially assigned ones.
const ISO_COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// One country as people write it: its ISO 3166-1 codes, its Dutch and English names and
/// whether it is in the European Economic Area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryName {
    pub code: &'static str,
    pub alpha3: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    /// In the European Economic Area (the 27 EU member states, Iceland, Liechtenstein and
    /// Norway), where the GDPR applies without transfer rules. This column is the one place
    /// that says so.
    pub eea: bool,
}

const fn country(
    code: &'static str,
    alpha3: &'static str,
    nl: &'static str,
    en: &'static str,
    eea: bool,
) -> CountryName {
    CountryName {
        code,
        alpha3,
        nl,
        en,
        eea,
    }
}

/// The countries that come up in municipal IT — every EEA country, and where clouds, suppliers
/// and their sub-processors are — for reading, display and choice lists. Another country is
/// known by its ISO code only.
pub const COUNTRIES: [CountryName; 64] = [
    country("NL", "NLD", "Nederland", "Netherlands", true),
    country("BE", "BEL", "België", "Belgium", true),
    country("DE", "DEU", "Duitsland", "Germany", true),
    country("FR", "FRA", "Frankrijk", "France", true),
    country("LU", "LUX", "Luxemburg", "Luxembourg", true),
    country("IE", "IRL", "Ierland", "Ireland", true),
    country("DK", "DNK", "Denemarken", "Denmark", true),
    country("SE", "SWE", "Zweden", "Sweden", true),
    country("FI", "FIN", "Finland", "Finland", true),
    country("NO", "NOR", "Noorwegen", "Norway", true),
    country("IS", "ISL", "IJsland", "Iceland", true),
    country("LI", "LIE", "Liechtenstein", "Liechtenstein", true),
    country("AT", "AUT", "Oostenrijk", "Austria", true),
    country("ES", "ESP", "Spanje", "Spain", true),
    country("PT", "PRT", "Portugal", "Portugal", true),
    country("IT", "ITA", "Italië", "Italy", true),
    country("PL", "POL", "Polen", "Poland", true),
    country("CZ", "CZE", "Tsjechië", "Czechia", true),
    country("SK", "SVK", "Slowakije", "Slovakia", true),
    country("SI", "SVN", "Slovenië", "Slovenia", true),
    country("HR", "HRV", "Kroatië", "Croatia", true),
    country("EE", "EST", "Estland", "Estonia", true),
    country("LT", "LTU", "Litouwen", "Lithuania", true),
    country("LV", "LVA", "Letland", "Latvia", true),
    country("RO", "ROU", "Roemenië", "Romania", true),
    country("BG", "BGR", "Bulgarije", "Bulgaria", true),
    country("GR", "GRC", "Griekenland", "Greece", true),
    country("HU", "HUN", "Hongarije", "Hungary", true),
    country("CY", "CYP", "Cyprus", "Cyprus", true),
    country("MT", "MLT", "Malta", "Malta", true),
    country("CH", "CHE", "Zwitserland", "Switzerland", false),
    country("GB", "GBR", "Verenigd Koninkrijk", "United Kingdom", false),
    country("US", "USA", "Verenigde Staten", "United States", false),
    country("CA", "CAN", "Canada", "Canada", false),
    country("IN", "IND", "India", "India", false),
    country("CN", "CHN", "China", "China", false),
    country("IL", "ISR", "Israël", "Israel", false),
    country("UA", "UKR", "Oekraïne", "Ukraine", false),
    country("AU", "AUS", "Australië", "Australia", false),
    country("NZ", "NZL", "Nieuw-Zeeland", "New Zealand", false),
    country("JP", "JPN", "Japan", "Japan", false),
    country("KR", "KOR", "Zuid-Korea", "South Korea", false),
    country("SG", "SGP", "Singapore", "Singapore", false),
    country("HK", "HKG", "Hongkong", "Hong Kong", false),
    country("TW", "TWN", "Taiwan", "Taiwan", false),
    country("PH", "PHL", "Filipijnen", "Philippines", false),
    country("VN", "VNM", "Vietnam", "Vietnam", false),
    country("MY", "MYS", "Maleisië", "Malaysia", false),
    country("ID", "IDN", "Indonesië", "Indonesia", false),
    country("PK", "PAK", "Pakistan", "Pakistan", false),
    country(
        "AE",
        "ARE",
        "Verenigde Arabische Emiraten",
        "United Arab Emirates",
        false,
    ),
    country("SA", "SAU", "Saoedi-Arabië", "Saudi Arabia", false),
    country("TR", "TUR", "Turkije", "Türkiye", false),
    country("RU", "RUS", "Rusland", "Russia", false),
    country("BY", "BLR", "Wit-Rusland", "Belarus", false),
    country("RS", "SRB", "Servië", "Serbia", false),
    country("MA", "MAR", "Marokko", "Morocco", false),
    country("EG", "EGY", "Egypte", "Egypt", false),
    country("ZA", "ZAF", "Zuid-Afrika", "South Africa", false),
    country("BR", "BRA", "Brazilië", "Brazil", false),
    country("MX", "MEX", "Mexico", "Mexico", false),
    country("AR", "ARG", "Argentinië", "Argentina", false),
    country("SR", "SUR", "Suriname", "Suriname", false),
    country("CW", "CUW", "Curaçao", "Curaçao", false),
];

/// What people write for a country that is neither its name nor its code: abbreviations,
/// older and informal names.
const COUNTRY_ALIASES: [(&str, &str); 26] = [
    ("vs", "US"),
    ("v.s.", "US"),
    ("usa", "US"),
    ("u.s.a.", "US"),
    ("u.s.", "US"),
    ("verenigde staten van amerika", "US"),
    ("amerika", "US"),
    ("united states of america", "US"),
    ("uk", "GB"),
    ("u.k.", "GB"),
    ("vk", "GB"),
    ("engeland", "GB"),
    ("england", "GB"),
    ("groot-brittannië", "GB"),
    ("groot-brittannie", "GB"),
    ("great britain", "GB"),
    ("holland", "NL"),
    ("the netherlands", "NL"),
    ("nederland (nl)", "NL"),
    ("eu", "EU"),
    ("tsjechische republiek", "CZ"),
    ("czech republic", "CZ"),
    ("turkey", "TR"),
    ("korea", "KR"),
    ("zuid korea", "KR"),
    ("emiraten", "AE"),
];

/// A country as an ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Country(String);

impl Country {
    pub fn parse(text: &str) -> Result<Country, Problem> {
        let code = text.trim().to_ascii_uppercase();
        if code.len() == 2 && ISO_COUNTRIES.split(' ').any(|c| c == code) {
            Ok(Country(code))
        } else {
            Err(Problem::NotACountry)
        }
    }
    pub fn code(&self) -> &str {
        &self.0
    }

    /// Reads a country as people write it in a spreadsheet: an ISO code (`NL`, `us`, `USA`), a
    /// Dutch or English name (`Nederland`, `Verenigde Staten`, `Germany`) or a common
    /// abbreviation (`VS`, `UK`, `VK`); case, accents and a trailing remark in brackets
    /// (`Duitsland (Frankfurt)`) do not matter. An unknown country is named with the closest
    /// one it might be.
    pub fn from_name_or_code(text: &str) -> Result<Country, Problem> {
        let written = text.trim().trim_end_matches('.');
        if let Ok(country) = Country::parse(written) {
            return Ok(country);
        }
        let wanted = fold(written);
        // "Duitsland (Frankfurt)", "Ierland - Dublin": the country is what comes first.
        let bare = wanted
            .split(['(', ',', '/', '-'])
            .next()
            .map(str::trim)
            .unwrap_or("");
        for candidate in [wanted.as_str(), bare] {
            if candidate.is_empty() {
                continue;
            }
            let found = COUNTRIES
                .iter()
                .find(|c| {
                    fold(c.nl) == candidate
                        || fold(c.en) == candidate
                        || c.alpha3.eq_ignore_ascii_case(candidate)
                })
                .map(|c| c.code)
                .or_else(|| {
                    COUNTRY_ALIASES
                        .iter()
                        .find(|(alias, _)| fold(alias) == candidate)
                        .map(|(_, code)| *code)
                });
            if let Some(code) = found {
                // "EU" is a region, not a country: where in it is still the question.
                return Country::parse(code).map_err(|_| Problem::UnknownCountry {
                    written: written.to_string(),
                    suggestion: None,
                });
            }
            if candidate.len() == 2 && Country::parse(candidate).is_ok() {
                return Country::parse(candidate);
            }
        }
        Err(Problem::UnknownCountry {
            written: written.to_string(),
            suggestion: closest_country(&wanted),
        })
    }

    /// Inside the European Economic Area, where the GDPR applies without transfer rules.
    pub fn in_eea(&self) -> bool {
        COUNTRIES.iter().any(|c| c.eea && c.code == self.0)
    }

    pub fn name(&self, lang: crate::Lang) -> String {
        COUNTRIES
            .iter()
            .find(|c| c.code == self.0)
            .map(|c| lang.pick(c.nl, c.en).to_string())
            .unwrap_or_else(|| self.0.clone())
    }
}

/// Lower case without accents, so that `Groot-Brittannië`, `groot-brittannie` and
/// `GROOT-BRITTANNIË` are the same.
fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// The known country whose Dutch or English name is nearest to what was written, when it is
/// near enough to be a slip of the keyboard.
fn closest_country(wanted: &str) -> Option<String> {
    COUNTRIES
        .iter()
        .flat_map(|c| [(c, c.nl), (c, c.en)])
        .map(|(c, name)| (strsim::jaro_winkler(wanted, &fold(name)), c, name))
        .filter(|(score, _, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c, name)| format!("{name} ({})", c.code))
}

/// Reads a decimal number as people type it: `2,25`, `2.25`, `-0,5`, `3 %` (the percent sign is
/// ignored; the caller decides what the number means).
pub fn parse_decimal(text: &str) -> Result<f64, Problem> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('−', "-")
        .replace(',', ".");
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(Problem::NotANumber),
    }
}

/// Reads yes/no as people write it: ja/nee, yes/no, true/false, j/n, y/n, x (yes), 1/0, on.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" | "waar" | "x" | "1" | "on" => Some(true),
        "nee" | "n" | "no" | "false" | "onwaar" | "0" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_people_type_them() {
        assert_eq!(parse_decimal("2,25"), Ok(2.25));
        assert_eq!(parse_decimal(" 2.25 % "), Ok(2.25));
        assert_eq!(parse_decimal("−0,5"), Ok(-0.5));
        assert_eq!(parse_decimal("3"), Ok(3.0));
        assert_eq!(parse_decimal("drie"), Err(Problem::NotANumber));
        assert_eq!(parse_decimal(""), Err(Problem::NotANumber));
        assert_eq!(parse_decimal("1e999"), Err(Problem::NotANumber));
    }

    #[test]
    fn euros_as_people_type_them() {
        assert_eq!(Cents::parse_euros("€ 12.345,67"), Ok(Cents(1_234_567)));
        assert_eq!(Cents::parse_euros("12345"), Ok(Cents(1_234_500)));
        assert_eq!(Cents::parse_euros("12.345"), Ok(Cents(1_234_500)));
        assert_eq!(Cents::parse_euros("12,345.67"), Ok(Cents(1_234_567)));
        assert_eq!(Cents::parse_euros("1234.5"), Ok(Cents(123_450)));
        assert_eq!(Cents::parse_euros("1.234.567"), Ok(Cents(123_456_700)));
        assert_eq!(Cents::parse_euros(" 99,95 "), Ok(Cents(9_995)));
        assert!(Cents::parse_euros("").is_err());
        assert!(Cents::parse_euros("-5").is_err());
        assert!(Cents::parse_euros("twaalf").is_err());
        assert!(Cents::parse_euros("1,234").is_ok());
        assert!(Cents::parse_euros("1.2345").is_err());
    }

    #[test]
    fn euro_text_round_trips() {
        for cents in [0, 5, 99, 100, 123_456_789, 1_000_000] {
            let text = Cents(cents).to_euro_text();
            assert_eq!(Cents::parse_euros(&text), Ok(Cents(cents)), "{text}");
        }
        assert_eq!(Cents(1_234_567).to_string(), "€ 12.345,67");
    }

    #[test]
    fn countries_and_eea() {
        assert!(Country::parse("nl").unwrap().in_eea());
        assert!(Country::parse("NO").unwrap().in_eea());
        assert!(!Country::parse("US").unwrap().in_eea());
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("Nederland").is_err());
        assert_eq!(
            Country::from_name_or_code("Nederland").unwrap().code(),
            "NL"
        );
        assert_eq!(
            Country::from_name_or_code(" verenigde staten ")
                .unwrap()
                .code(),
            "US"
        );
        assert_eq!(Country::from_name_or_code("Germany").unwrap().code(), "DE");
        assert_eq!(Country::from_name_or_code("ie").unwrap().code(), "IE");
        assert!(Country::from_name_or_code("Europa").is_err());
    }

    #[test]
    fn slugs_codes_and_emails() {
        assert!(Slug::parse("voorbeeld").is_ok());
        assert!(Slug::parse("gemeente-2").is_ok());
        assert!(Slug::parse("Voorbeeld").is_err());
        assert!(Slug::parse("a").is_err());
        assert!(Slug::parse("-x").is_err());
        assert_eq!(CbsCode::parse("gm0363").unwrap().as_str(), "GM0363");
        assert!(CbsCode::parse("GM363").is_err());
        assert_eq!(
            Email::parse(" Jan@Voorbeeld.NL ").unwrap().as_str(),
            "jan@voorbeeld.nl"
        );
        assert!(Email::parse("jan@").is_err());
        assert!(Email::parse("jan@voorbeeld").is_err());
        assert!(Email::parse("a@b@c.nl").is_err());
    }

    #[test]
    fn yes_no() {
        assert_eq!(parse_yes_no("Ja"), Some(true));
        assert_eq!(parse_yes_no("x"), Some(true));
        assert_eq!(parse_yes_no("nee"), Some(false));
        assert_eq!(parse_yes_no("misschien"), None);
    }
}
