//! The business case editor: the input structure as form fields named by their key path
//! (`eigenBeheer.kosten[0].bedragPerJaar.waarschijnlijk`), read back into an `Input` with every
//! problem named on the field it belongs to — the same key paths the TOML file and the CLI use.
//! Rates are shown as percentages; amounts are euros as people type them; an amount with a
//! min or max is a range.

use regisseur_domain::business_case::{
    Amount, Cost, DepreciationStart, ExistingAsset, InHouse, Input, Investment, OneOff, Outsourced,
};
use regisseur_domain::values::{Cents, parse_decimal};
use regisseur_domain::{Lang, Problem, ValidationErrors};
use std::collections::BTreeMap;

/// How a field is typed and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Euros, not negative.
    Euros,
    /// A rate shown as a percentage (the input holds the fraction).
    Percent,
    /// A year or a whole number of years.
    Whole,
    /// A tick box.
    Check,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Euros => "euros",
            Kind::Percent => "percent",
            Kind::Whole => "whole",
            Kind::Check => "check",
        }
    }
}

/// A column of a list: the key inside a row and its heading (i18n key).
pub struct Column {
    pub key: &'static str,
    pub heading: &'static str,
    pub kind: Kind,
}

const fn col(key: &'static str, heading: &'static str, kind: Kind) -> Column {
    Column { key, heading, kind }
}

/// A list of the input: its key path, title and columns.
pub struct List {
    pub key: &'static str,
    pub title: &'static str,
    pub columns: &'static [Column],
}

const NAME: Column = col("naam", "bc-col-name", Kind::Text);
const REMOVE: Column = col("weg", "bc-col-remove", Kind::Check);

pub const LISTS: [List; 6] = [
    List {
        key: "bestaandeActiva",
        title: "bc-list-assets",
        columns: &[
            NAME,
            col("boekwaarde", "bc-col-bookvalue", Kind::Euros),
            col("resterendeJaren", "bc-col-remaining", Kind::Whole),
            REMOVE,
        ],
    },
    List {
        key: "eigenBeheer.kosten",
        title: "bc-list-owncosts",
        columns: &[
            NAME,
            col("bedragPerJaar.min", "bc-col-min", Kind::Euros),
            col("bedragPerJaar.waarschijnlijk", "bc-col-yearly", Kind::Euros),
            col("bedragPerJaar.max", "bc-col-max", Kind::Euros),
            col("indexatie", "bc-col-indexation", Kind::Percent),
            col("vanaf", "bc-col-from", Kind::Whole),
            col("tot", "bc-col-to", Kind::Whole),
            REMOVE,
        ],
    },
    List {
        key: "eigenBeheer.investeringen",
        title: "bc-list-investments",
        columns: &[
            NAME,
            col("jaar", "bc-col-year", Kind::Whole),
            col("bedrag.min", "bc-col-min", Kind::Euros),
            col("bedrag.waarschijnlijk", "bc-col-amount", Kind::Euros),
            col("bedrag.max", "bc-col-max", Kind::Euros),
            col("afschrijvingsjaren", "bc-col-depreciation", Kind::Whole),
            col("restwaarde", "bc-col-residual", Kind::Euros),
            col("herhalen", "bc-col-repeat", Kind::Check),
            REMOVE,
        ],
    },
    List {
        key: "eigenBeheer.eenmalig",
        title: "bc-list-ownonce",
        columns: &[
            NAME,
            col("jaar", "bc-col-year", Kind::Whole),
            col("bedrag.min", "bc-col-min", Kind::Euros),
            col("bedrag.waarschijnlijk", "bc-col-amount", Kind::Euros),
            col("bedrag.max", "bc-col-max", Kind::Euros),
            REMOVE,
        ],
    },
    List {
        key: "uitbesteed.kosten",
        title: "bc-list-outcosts",
        columns: &[
            NAME,
            col("bedragPerJaar.min", "bc-col-min", Kind::Euros),
            col("bedragPerJaar.waarschijnlijk", "bc-col-yearly", Kind::Euros),
            col("bedragPerJaar.max", "bc-col-max", Kind::Euros),
            col("indexatie", "bc-col-indexation", Kind::Percent),
            col("vanaf", "bc-col-from", Kind::Whole),
            col("tot", "bc-col-to", Kind::Whole),
            REMOVE,
        ],
    },
    List {
        key: "uitbesteed.eenmalig",
        title: "bc-list-outonce",
        columns: &[
            NAME,
            col("jaar", "bc-col-year", Kind::Whole),
            col("bedrag.min", "bc-col-min", Kind::Euros),
            col("bedrag.waarschijnlijk", "bc-col-amount", Kind::Euros),
            col("bedrag.max", "bc-col-max", Kind::Euros),
            REMOVE,
        ],
    },
];

/// The single fields: key, label (i18n key), kind.
pub const FIELDS: [(&str, &str, Kind); 6] = [
    ("naam", "bc-field-name", Kind::Text),
    ("startjaar", "bc-field-start", Kind::Whole),
    ("looptijdJaren", "bc-field-years", Kind::Whole),
    ("discontovoet", "bc-field-discount", Kind::Percent),
    ("omslagrente", "bc-field-interest", Kind::Percent),
    (
        "uitbesteed.regiePercentage",
        "bc-field-direction",
        Kind::Percent,
    ),
];
pub const DEPRECIATION_START: &str = "afschrijvingStart";

/// Most rows a list takes.
pub const MAX_ROWS: usize = 200;

/// The form's values: field name → text as typed.
pub type Values = BTreeMap<String, String>;

/// The form's values from posted pairs (trimmed; the last value of a name counts).
pub fn values_from_pairs(pairs: &[(String, String)]) -> Values {
    pairs
        .iter()
        .map(|(k, v)| (k.clone(), v.trim().to_string()))
        .collect()
}

fn number_text(value: f64, lang: Lang) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let t = format!("{value:.6}");
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    crate::kit::charts::decimal_mark(&text, lang)
}

fn euros_text(value: f64, lang: Lang) -> String {
    let text = format!("{value:.2}");
    let text = text.strip_suffix(".00").unwrap_or(&text).to_string();
    crate::kit::charts::decimal_mark(&text, lang)
}

fn put_amount(values: &mut Values, key: &str, amount: Amount, lang: Lang) {
    match amount {
        Amount::Fixed(v) => {
            values.insert(format!("{key}.waarschijnlijk"), euros_text(v, lang));
        }
        Amount::Range {
            min,
            waarschijnlijk,
            max,
        } => {
            values.insert(format!("{key}.min"), euros_text(min, lang));
            values.insert(
                format!("{key}.waarschijnlijk"),
                euros_text(waarschijnlijk, lang),
            );
            values.insert(format!("{key}.max"), euros_text(max, lang));
        }
    }
}

/// The form's values for a stored input.
pub fn values_of(input: &Input, lang: Lang) -> Values {
    let mut v = Values::new();
    let percent = |rate: f64| number_text((rate * 100.0 * 1e6).round() / 1e6, lang);
    v.insert("naam".into(), input.naam.clone());
    v.insert("startjaar".into(), input.startjaar.to_string());
    v.insert("looptijdJaren".into(), input.looptijd_jaren.to_string());
    v.insert("discontovoet".into(), percent(input.discontovoet));
    v.insert("omslagrente".into(), percent(input.omslagrente));
    v.insert(
        "uitbesteed.regiePercentage".into(),
        percent(input.uitbesteed.regie_percentage),
    );
    v.insert(
        DEPRECIATION_START.into(),
        match input.afschrijving_start {
            DepreciationStart::VolgendJaar => "volgend-jaar",
            DepreciationStart::ZelfdeJaar => "zelfde-jaar",
        }
        .into(),
    );
    for (i, a) in input.bestaande_activa.iter().enumerate() {
        let p = format!("bestaandeActiva[{i}]");
        v.insert(format!("{p}.naam"), a.naam.clone());
        v.insert(format!("{p}.boekwaarde"), euros_text(a.boekwaarde, lang));
        v.insert(
            format!("{p}.resterendeJaren"),
            a.resterende_jaren.to_string(),
        );
    }
    for (list, costs) in [
        ("eigenBeheer.kosten", &input.eigen_beheer.kosten),
        ("uitbesteed.kosten", &input.uitbesteed.kosten),
    ] {
        for (i, c) in costs.iter().enumerate() {
            let p = format!("{list}[{i}]");
            v.insert(format!("{p}.naam"), c.naam.clone());
            put_amount(
                &mut v,
                &format!("{p}.bedragPerJaar"),
                c.bedrag_per_jaar,
                lang,
            );
            if c.indexatie != 0.0 {
                v.insert(format!("{p}.indexatie"), percent(c.indexatie));
            }
            if let Some(from) = c.vanaf {
                v.insert(format!("{p}.vanaf"), from.to_string());
            }
            if let Some(to) = c.tot {
                v.insert(format!("{p}.tot"), to.to_string());
            }
        }
    }
    for (i, inv) in input.eigen_beheer.investeringen.iter().enumerate() {
        let p = format!("eigenBeheer.investeringen[{i}]");
        v.insert(format!("{p}.naam"), inv.naam.clone());
        v.insert(format!("{p}.jaar"), inv.jaar.to_string());
        put_amount(&mut v, &format!("{p}.bedrag"), inv.bedrag, lang);
        v.insert(
            format!("{p}.afschrijvingsjaren"),
            inv.afschrijvingsjaren.to_string(),
        );
        if inv.restwaarde != 0.0 {
            v.insert(format!("{p}.restwaarde"), euros_text(inv.restwaarde, lang));
        }
        if inv.herhalen {
            v.insert(format!("{p}.herhalen"), "ja".into());
        }
    }
    for (list, once) in [
        ("eigenBeheer.eenmalig", &input.eigen_beheer.eenmalig),
        ("uitbesteed.eenmalig", &input.uitbesteed.eenmalig),
    ] {
        for (i, o) in once.iter().enumerate() {
            let p = format!("{list}[{i}]");
            v.insert(format!("{p}.naam"), o.naam.clone());
            v.insert(format!("{p}.jaar"), o.jaar.to_string());
            put_amount(&mut v, &format!("{p}.bedrag"), o.bedrag, lang);
        }
    }
    v
}

/// The row numbers of a list present in the form, in order (at most [`MAX_ROWS`]).
pub fn row_indices(values: &Values, list: &str) -> Vec<usize> {
    let prefix = format!("{list}[");
    let mut rows: Vec<usize> = values
        .range(prefix.clone()..)
        .take_while(|(k, _)| k.starts_with(&prefix))
        .filter_map(|(k, _)| k[prefix.len()..].split(']').next()?.parse().ok())
        .filter(|i| *i < MAX_ROWS)
        .collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Whether a row holds anything (a ticked box alone does not count).
pub fn row_filled(values: &Values, list: &List, row: usize) -> bool {
    list.columns.iter().any(|c| {
        c.kind != Kind::Check
            && values
                .get(&format!("{}[{row}].{}", list.key, c.key))
                .is_some_and(|v| !v.is_empty())
    })
}

/// Reads typed fields, collecting every problem under the field's name.
struct Reader<'a> {
    values: &'a Values,
    errors: ValidationErrors,
}

impl Reader<'_> {
    fn text(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    fn given(&self, name: &str) -> bool {
        !self.text(name).is_empty()
    }

    fn required_text(&mut self, name: &str) -> String {
        let text = self.text(name).to_string();
        if text.is_empty() {
            self.errors.push(name, Problem::Required);
        } else if text.chars().count() > 200 {
            self.errors.push(name, Problem::TooLong { max: 200 });
        }
        text
    }

    fn euros(&mut self, name: &str) -> Option<f64> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        if text.trim_start().starts_with(['-', '−']) {
            self.errors.push(name, Problem::Negative);
            return None;
        }
        match Cents::parse_euros(text) {
            Ok(c) => Some(c.0 as f64 / 100.0),
            Err(problem) => {
                self.errors.push(name, problem);
                None
            }
        }
    }

    fn percent(&mut self, name: &str) -> Option<f64> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        match parse_decimal(text) {
            Ok(v) => Some(v / 100.0),
            Err(problem) => {
                self.errors.push(name, problem);
                None
            }
        }
    }

    fn whole<T: TryFrom<i64>>(&mut self, name: &str, min: i64, max: i64) -> Option<T> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        match text.parse::<i64>() {
            Ok(v) if (min..=max).contains(&v) => T::try_from(v).ok(),
            Ok(_) => {
                self.errors.push(name, Problem::OutOfRange { min, max });
                None
            }
            Err(_) => {
                self.errors.push(name, Problem::NotAnInteger);
                None
            }
        }
    }

    fn required_whole<T: TryFrom<i64>>(&mut self, name: &str, min: i64, max: i64) -> Option<T> {
        if !self.given(name) {
            self.errors.push(name, Problem::Required);
            return None;
        }
        self.whole(name, min, max)
    }

    fn check(&self, name: &str) -> bool {
        regisseur_domain::values::parse_yes_no(self.text(name)).unwrap_or(false)
    }

    /// An amount: the most likely value alone, or min, most likely and max for a range.
    fn amount(&mut self, key: &str) -> Option<Amount> {
        let (min_name, likely_name, max_name) = (
            format!("{key}.min"),
            format!("{key}.waarschijnlijk"),
            format!("{key}.max"),
        );
        let likely = self.euros(&likely_name);
        if !self.given(&likely_name) {
            self.errors.push(likely_name.as_str(), Problem::Required);
        }
        if !self.given(&min_name) && !self.given(&max_name) {
            return likely.map(Amount::Fixed);
        }
        for name in [&min_name, &max_name] {
            if !self.given(name) {
                self.errors.push(name.as_str(), Problem::Required);
            }
        }
        match (self.euros(&min_name), likely, self.euros(&max_name)) {
            (Some(min), Some(waarschijnlijk), Some(max)) => Some(Amount::Range {
                min,
                waarschijnlijk,
                max,
            }),
            _ => None,
        }
    }
}

/// The input a form describes, or every problem with the field it belongs to. Empty rows and
/// rows ticked for removal are left out; problems found by `Input::check` are named on the
/// form's own rows.
pub fn input_from(values: &Values) -> Result<Input, ValidationErrors> {
    let mut r = Reader {
        values,
        errors: ValidationErrors::default(),
    };
    let naam = r.required_text("naam");
    let startjaar: Option<i32> = r.required_whole("startjaar", 1900, 2200);
    let looptijd: Option<u32> = r.required_whole("looptijdJaren", 1, 50);
    let discontovoet = r.percent("discontovoet").unwrap_or(0.0225);
    let omslagrente = r.percent("omslagrente").unwrap_or(0.02);
    let regie = r.percent("uitbesteed.regiePercentage").unwrap_or(0.04);
    let afschrijving_start = match r.text(DEPRECIATION_START) {
        "zelfde-jaar" => DepreciationStart::ZelfdeJaar,
        "" | "volgend-jaar" => DepreciationStart::VolgendJaar,
        _ => {
            r.errors.push(
                DEPRECIATION_START,
                Problem::NotInList {
                    allowed: vec!["volgend-jaar", "zelfde-jaar"],
                },
            );
            DepreciationStart::VolgendJaar
        }
    };
    // Per list: the form's row number of each item taken, to name problems on the form's rows.
    let mut taken: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    let mut rows = |r: &Reader<'_>, list: &List| -> Vec<usize> {
        let kept: Vec<usize> = row_indices(r.values, list.key)
            .into_iter()
            .filter(|i| {
                row_filled(r.values, list, *i) && !r.check(&format!("{}[{i}].weg", list.key))
            })
            .collect();
        taken.insert(list.key, kept.clone());
        kept
    };
    let mut bestaande_activa = Vec::new();
    for i in rows(&r, &LISTS[0]) {
        let p = format!("bestaandeActiva[{i}]");
        let naam = r.required_text(&format!("{p}.naam"));
        let boekwaarde = r.euros(&format!("{p}.boekwaarde"));
        if !r.given(&format!("{p}.boekwaarde")) {
            r.errors.push(format!("{p}.boekwaarde"), Problem::Required);
        }
        let resterend = r.required_whole(&format!("{p}.resterendeJaren"), 0, 100);
        if let (Some(boekwaarde), Some(resterende_jaren)) = (boekwaarde, resterend) {
            bestaande_activa.push(ExistingAsset {
                naam,
                boekwaarde,
                resterende_jaren,
            });
        }
    }
    let mut costs = |r: &mut Reader<'_>, list: &List| -> Vec<Cost> {
        let mut out = Vec::new();
        for i in rows(r, list) {
            let p = format!("{}[{i}]", list.key);
            let naam = r.required_text(&format!("{p}.naam"));
            let amount = r.amount(&format!("{p}.bedragPerJaar"));
            let indexatie = r.percent(&format!("{p}.indexatie")).unwrap_or(0.0);
            let vanaf = r.whole(&format!("{p}.vanaf"), 1900, 2200);
            let tot = r.whole(&format!("{p}.tot"), 1900, 2200);
            if let Some(bedrag_per_jaar) = amount {
                out.push(Cost {
                    naam,
                    bedrag_per_jaar,
                    indexatie,
                    vanaf,
                    tot,
                });
            }
        }
        out
    };
    let own_costs = costs(&mut r, &LISTS[1]);
    let out_costs = costs(&mut r, &LISTS[4]);
    let mut investeringen = Vec::new();
    for i in rows(&r, &LISTS[2]) {
        let p = format!("eigenBeheer.investeringen[{i}]");
        let naam = r.required_text(&format!("{p}.naam"));
        let jaar = r.required_whole(&format!("{p}.jaar"), 1900, 2200);
        let bedrag = r.amount(&format!("{p}.bedrag"));
        let jaren = r.required_whole(&format!("{p}.afschrijvingsjaren"), 0, 100);
        let restwaarde = r.euros(&format!("{p}.restwaarde")).unwrap_or(0.0);
        let herhalen = r.check(&format!("{p}.herhalen"));
        if let (Some(jaar), Some(bedrag), Some(afschrijvingsjaren)) = (jaar, bedrag, jaren) {
            investeringen.push(Investment {
                naam,
                jaar,
                bedrag,
                afschrijvingsjaren,
                restwaarde,
                herhalen,
            });
        }
    }
    let mut once = |r: &mut Reader<'_>, list: &List| -> Vec<OneOff> {
        let mut out = Vec::new();
        for i in rows(r, list) {
            let p = format!("{}[{i}]", list.key);
            let naam = r.required_text(&format!("{p}.naam"));
            let jaar = r.required_whole(&format!("{p}.jaar"), 1900, 2200);
            if let (Some(jaar), Some(bedrag)) = (jaar, r.amount(&format!("{p}.bedrag"))) {
                out.push(OneOff { naam, jaar, bedrag });
            }
        }
        out
    };
    let own_once = once(&mut r, &LISTS[3]);
    let out_once = once(&mut r, &LISTS[5]);
    let Reader { mut errors, .. } = r;
    let (Some(startjaar), Some(looptijd_jaren)) = (startjaar, looptijd) else {
        return Err(errors);
    };
    if !errors.0.is_empty() {
        return Err(errors);
    }
    let input = Input {
        naam,
        startjaar,
        looptijd_jaren,
        discontovoet,
        omslagrente,
        afschrijving_start,
        bestaande_activa,
        eigen_beheer: InHouse {
            kosten: own_costs,
            investeringen,
            eenmalig: own_once,
        },
        uitbesteed: Outsourced {
            regie_percentage: regie,
            kosten: out_costs,
            eenmalig: out_once,
        },
    };
    if let Err(found) = input.check() {
        for e in found.0 {
            let (name, problem) = on_form(&e.name, e.problem, &taken);
            errors.push(name, problem);
        }
        return Err(errors);
    }
    Ok(input)
}

/// A problem `Input::check` names by the input's key path, named on the form's field instead:
/// the form's row number, an amount on its most likely value, rates in percent.
fn on_form(
    path: &str,
    problem: Problem,
    taken: &BTreeMap<&'static str, Vec<usize>>,
) -> (String, Problem) {
    let mut name = path.to_string();
    for list in &LISTS {
        let prefix = format!("{}[", list.key);
        if let Some(rest) = path.strip_prefix(&prefix)
            && let Some((index, tail)) = rest.split_once(']')
            && let Ok(index) = index.parse::<usize>()
        {
            let row = taken
                .get(list.key)
                .and_then(|rows| rows.get(index))
                .copied()
                .unwrap_or(index);
            name = format!("{}[{row}]{tail}", list.key);
        }
    }
    if name.ends_with(".bedragPerJaar") || name.ends_with(".bedrag") {
        name.push_str(".waarschijnlijk");
    }
    let percent = [
        "discontovoet",
        "omslagrente",
        "regiePercentage",
        "indexatie",
    ]
    .iter()
    .any(|k| name.ends_with(k));
    let problem = match problem {
        Problem::OutOfRange { min, max } if percent => Problem::OutOfRange {
            min: min * 100,
            max: max * 100,
        },
        other => other,
    };
    (name, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Values {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn base() -> Vec<(&'static str, &'static str)> {
        vec![
            ("naam", "Hosting"),
            ("startjaar", "2027"),
            ("looptijdJaren", "5"),
            ("discontovoet", "2,25"),
            ("omslagrente", "2"),
            ("uitbesteed.regiePercentage", "4"),
            ("afschrijvingStart", "volgend-jaar"),
        ]
    }

    #[test]
    fn a_filled_form_reads_as_the_input_and_back() {
        let mut pairs = base();
        pairs.extend([
            ("eigenBeheer.kosten[0].naam", "Personeel"),
            ("eigenBeheer.kosten[0].bedragPerJaar.min", "450.000"),
            (
                "eigenBeheer.kosten[0].bedragPerJaar.waarschijnlijk",
                "€ 480.000,00",
            ),
            ("eigenBeheer.kosten[0].bedragPerJaar.max", "540000"),
            ("eigenBeheer.kosten[0].indexatie", "3"),
            // An empty row in between, and a row ticked for removal: both left out.
            ("eigenBeheer.kosten[1].naam", ""),
            ("eigenBeheer.kosten[2].naam", "Licenties"),
            (
                "eigenBeheer.kosten[2].bedragPerJaar.waarschijnlijk",
                "12.500,50",
            ),
            ("eigenBeheer.kosten[3].naam", "Weg"),
            ("eigenBeheer.kosten[3].bedragPerJaar.waarschijnlijk", "1"),
            ("eigenBeheer.kosten[3].weg", "ja"),
            ("eigenBeheer.investeringen[0].naam", "Opslag"),
            ("eigenBeheer.investeringen[0].jaar", "2028"),
            (
                "eigenBeheer.investeringen[0].bedrag.waarschijnlijk",
                "250000",
            ),
            ("eigenBeheer.investeringen[0].afschrijvingsjaren", "5"),
            ("eigenBeheer.investeringen[0].herhalen", "ja"),
            ("uitbesteed.eenmalig[0].naam", "Transitie"),
            ("uitbesteed.eenmalig[0].jaar", "2027"),
            ("uitbesteed.eenmalig[0].bedrag.waarschijnlijk", "300000"),
        ]);
        let input = input_from(&form(&pairs)).expect("valid");
        assert_eq!(input.discontovoet, 0.0225);
        assert_eq!(input.eigen_beheer.kosten.len(), 2);
        assert_eq!(
            input.eigen_beheer.kosten[0].bedrag_per_jaar,
            Amount::Range {
                min: 450_000.0,
                waarschijnlijk: 480_000.0,
                max: 540_000.0
            }
        );
        assert!((input.eigen_beheer.kosten[0].indexatie - 0.03).abs() < 1e-12);
        assert_eq!(
            input.eigen_beheer.kosten[1].bedrag_per_jaar,
            Amount::Fixed(12_500.5)
        );
        assert!(input.eigen_beheer.investeringen[0].herhalen);
        // The stored input shown in the form reads back the same.
        let again = input_from(&values_of(&input, Lang::Nl)).expect("round trip");
        assert_eq!(again, input);
        let again = input_from(&values_of(&input, Lang::En)).expect("round trip in English");
        assert_eq!(again, input);
    }

    #[test]
    fn problems_are_named_on_the_forms_own_fields() {
        let mut pairs = base();
        pairs.retain(|(k, _)| *k != "naam");
        pairs.extend([
            ("discontovoet", "250"),
            ("eigenBeheer.kosten[0].naam", ""),
            ("eigenBeheer.kosten[1].naam", "Personeel"),
            ("eigenBeheer.kosten[1].bedragPerJaar.waarschijnlijk", "veel"),
            ("eigenBeheer.kosten[2].naam", "Min zonder max"),
            ("eigenBeheer.kosten[2].bedragPerJaar.min", "10"),
            ("eigenBeheer.kosten[2].bedragPerJaar.waarschijnlijk", "20"),
            ("eigenBeheer.eenmalig[0].naam", "Negatief"),
            ("eigenBeheer.eenmalig[0].jaar", "2027"),
            ("eigenBeheer.eenmalig[0].bedrag.waarschijnlijk", "-5"),
        ]);
        let errors = input_from(&form(&pairs)).expect_err("invalid");
        let names: Vec<&str> = errors.0.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"naam"), "{names:?}");
        assert!(
            names.contains(&"eigenBeheer.kosten[1].bedragPerJaar.waarschijnlijk"),
            "{names:?}"
        );
        assert!(
            names.contains(&"eigenBeheer.kosten[2].bedragPerJaar.max"),
            "{names:?}"
        );
        assert!(
            names.contains(&"eigenBeheer.eenmalig[0].bedrag.waarschijnlijk"),
            "{names:?}"
        );

        // Problems the domain finds land on the form's row and in percent.
        let mut pairs = base();
        pairs.extend([
            ("discontovoet", "250"),
            ("eigenBeheer.eenmalig[3].naam", "Buiten de horizon"),
            ("eigenBeheer.eenmalig[3].jaar", "2040"),
            ("eigenBeheer.eenmalig[3].bedrag.min", "30"),
            ("eigenBeheer.eenmalig[3].bedrag.waarschijnlijk", "20"),
            ("eigenBeheer.eenmalig[3].bedrag.max", "40"),
        ]);
        let errors = input_from(&form(&pairs)).expect_err("invalid");
        let found: Vec<(String, Problem)> = errors
            .0
            .iter()
            .map(|e| (e.name.clone(), e.problem.clone()))
            .collect();
        assert!(
            found.contains(&(
                "discontovoet".into(),
                Problem::OutOfRange { min: 0, max: 100 }
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "eigenBeheer.eenmalig[3].jaar".into(),
                Problem::OutsideHorizon
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "eigenBeheer.eenmalig[3].bedrag.waarschijnlijk".into(),
                Problem::RangeOutOfOrder
            )),
            "{found:?}"
        );
    }
}
