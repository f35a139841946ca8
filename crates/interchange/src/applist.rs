//! The application list as municipalities keep it in Excel: one row per application, a header
//! row somewhere in the first ten rows, column names in Dutch or English with synonyms, values
//! as people type them.

use crate::sheet::{Cell, Grid, excel_date};
use crate::{FileError, Issue};
use chrono::NaiveDate;
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_domain::values::{Cents, Country, parse_yes_no};
use unicode_normalization::UnicodeNormalization;

/// The columns the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Supplier,
    ReferenceComponent,
    Owner,
    FunctionalManager,
    TechnicalManager,
    Hosting,
    Lifecycle,
    Version,
    Critical,
    Availability,
    Integrity,
    Confidentiality,
    Biv,
    PersonalData,
    AnnualCost,
    ContractEnd,
    NoticePeriod,
    ProcessingAgreement,
    DataLocation,
}

/// Column names, normalised (lower case, no accents, letters and digits only).
const SYNONYMS: &[(Column, &[&str])] = &[
    (
        Column::Name,
        &[
            "naam",
            "applicatie",
            "applicatienaam",
            "naamapplicatie",
            "pakket",
            "pakketnaam",
            "application",
            "applicationname",
            "name",
            "softwarepakket",
        ],
    ),
    (
        Column::Supplier,
        &[
            "leverancier",
            "leveranciernaam",
            "supplier",
            "vendor",
            "leverancierpakket",
        ],
    ),
    (
        Column::ReferenceComponent,
        &[
            "referentiecomponent",
            "referentiecomponenten",
            "gemmacomponent",
            "gemmareferentiecomponent",
            "gemmareferentiecomponenten",
            "gemma",
            "referencecomponent",
        ],
    ),
    (
        Column::Owner,
        &[
            "eigenaar",
            "proceseigenaar",
            "owner",
            "businessowner",
            "applicatieeigenaar",
            "systeemeigenaar",
        ],
    ),
    (
        Column::FunctionalManager,
        &[
            "functioneelbeheerder",
            "functioneelbeheer",
            "functionalmanager",
            "functionalowner",
            "fb",
        ],
    ),
    (
        Column::TechnicalManager,
        &[
            "technischbeheerder",
            "technischbeheer",
            "technicalmanager",
            "tb",
            "applicatiebeheerder",
        ],
    ),
    (
        Column::Hosting,
        &["hosting", "hostingmodel", "hostingvorm", "hostingtype"],
    ),
    (
        Column::Lifecycle,
        &["status", "levenscyclus", "lifecycle", "levensfase", "fase"],
    ),
    (
        Column::Version,
        &["versie", "version", "versienummer", "release"],
    ),
    (
        Column::Critical,
        &[
            "bedrijfskritisch",
            "businesscritical",
            "kritisch",
            "kritischeapplicatie",
        ],
    ),
    (
        Column::Availability,
        &["beschikbaarheid", "availability", "b"],
    ),
    (Column::Integrity, &["integriteit", "integrity", "i"]),
    (
        Column::Confidentiality,
        &["vertrouwelijkheid", "confidentiality", "v"],
    ),
    (
        Column::Biv,
        &[
            "biv",
            "bivclassificatie",
            "bivscore",
            "classificatie",
            "bic",
            "cia",
        ],
    ),
    (
        Column::PersonalData,
        &[
            "persoonsgegevens",
            "personaldata",
            "verwerktpersoonsgegevens",
            "bevatpersoonsgegevens",
            "avg",
        ],
    ),
    (
        Column::AnnualCost,
        &[
            "jaarkosten",
            "kostenperjaar",
            "annualcost",
            "kosten",
            "jaarlijksekosten",
            "kostenjaar",
        ],
    ),
    (
        Column::ContractEnd,
        &[
            "contracteinddatum",
            "eindecontract",
            "einddatumcontract",
            "einddatum",
            "contractend",
            "contracteinde",
            "looptijdtot",
        ],
    ),
    (
        Column::NoticePeriod,
        &[
            "opzegtermijn",
            "opzegtermijnmaanden",
            "opzegtermijninmaanden",
            "noticeperiod",
            "noticeperiodmonths",
        ],
    ),
    (
        Column::ProcessingAgreement,
        &[
            "verwerkersovereenkomst",
            "vwo",
            "dpa",
            "dataprocessingagreement",
            "verwerkersovereenkomstaanwezig",
        ],
    ),
    (
        Column::DataLocation,
        &[
            "datalocatie",
            "opslaglocatie",
            "datalocation",
            "landopslag",
            "locatiegegevens",
            "land",
        ],
    ),
];

/// Lower case, accents removed, only letters and digits: `Functioneel beheerder` →
/// `functioneelbeheerder`, `Contract einddatum` → `contracteinddatum`.
pub fn normalise(header: &str) -> String {
    header
        .nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

pub fn column_for(header: &str) -> Option<Column> {
    let key = normalise(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(c, _)| *c)
}

/// One application as the file describes it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppRow {
    /// Row number in the file (1-based).
    pub row: usize,
    pub name: String,
    pub supplier: Option<String>,
    pub reference_components: Option<Vec<String>>,
    pub owner: Option<String>,
    pub functional_manager: Option<String>,
    pub technical_manager: Option<String>,
    pub hosting: Option<&'static str>,
    pub lifecycle: Option<&'static str>,
    pub version: Option<String>,
    pub critical: Option<bool>,
    pub biv: [Option<i64>; 3],
    pub personal_data: Option<bool>,
    pub annual_cost: Option<i64>,
    pub contract_end: Option<NaiveDate>,
    pub notice_months: Option<i64>,
    pub processing_agreement: Option<bool>,
    pub data_location: Option<String>,
    /// Columns without a field of their own: kept as properties, never dropped.
    pub properties: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedList {
    pub rows: Vec<AppRow>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// The header of each recognised column, as the file wrote it.
    pub headers: Vec<(Column, String)>,
}

/// How many rows from the top the header row may be.
pub const HEADER_SEARCH_ROWS: usize = 10;

fn find_header(grid: &Grid) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in grid.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let columns: Vec<Column> = row.iter().filter_map(|c| column_for(&c.text())).collect();
        if columns.contains(&Column::Name) && best.is_none_or(|(_, n)| columns.len() > n) {
            best = Some((i, columns.len()));
        }
    }
    best.map(|(i, _)| i)
}

fn lifecycle(text: &str) -> Option<&'static str> {
    Some(match normalise(text).as_str() {
        "gepland" | "planned" | "nieuw" | "toekomstig" | "plan" => "gepland",
        "ininvoering" | "invoering" | "implementatie" | "beingintroduced" | "introductie"
        | "inimplementatie" => "in-invoering",
        "ingebruik" | "gebruik" | "productie" | "actief" | "inuse" | "active" | "live" => {
            "in-gebruik"
        }
        "uitfasering" | "uitfaseren" | "tevervangen" | "endoflife" | "phasingout" | "retiring"
        | "afbouw" => "uitfasering",
        "uitgefaseerd" | "vervallen" | "buitengebruik" | "retired" | "phasedout" | "gestopt" => {
            "uitgefaseerd"
        }
        _ => return None,
    })
}

fn hosting(text: &str) -> Option<&'static str> {
    Some(match normalise(text).as_str() {
        "saas" | "softwareasaservice" | "cloudsaas" => "saas",
        "onpremise" | "onpremises" | "onprem" | "lokaal" | "eigenrekencentrum" | "intern"
        | "eigenbeheer" => "on-premises",
        "privatecloud" | "privecloud" | "hosted" | "gehost" | "extern" | "externehosting" => {
            "private-cloud"
        }
        "iaas" | "publiccloud" | "infrastructureasaservice" => "iaas",
        "sharedservice" | "samenwerkingsverband" | "gemeenschappelijkeregeling" | "ssc" => {
            "shared-service"
        }
        _ => return None,
    })
}

fn biv_level(text: &str) -> Option<i64> {
    match normalise(text).as_str() {
        "1" | "laag" | "low" | "l" => Some(1),
        "2" | "midden" | "middel" | "medium" | "m" | "gemiddeld" => Some(2),
        "3" | "hoog" | "high" | "h" => Some(3),
        _ => None,
    }
}

/// `2-3-2`, `232`, `2/3/2` or `Midden/Hoog/Midden`.
fn biv_triple(text: &str) -> Option<[i64; 3]> {
    let t = text.trim();
    let parts: Vec<&str> = if t.chars().all(|c| c.is_ascii_digit()) && t.len() == 3 {
        t.char_indices().map(|(i, _)| &t[i..i + 1]).collect()
    } else {
        t.split(|c: char| {
            c == '-' || c == '/' || c == ',' || c == ';' || c == '|' || c.is_whitespace()
        })
        .filter(|p| !p.is_empty())
        .collect()
    };
    match parts.as_slice() {
        [b, i, v] => Some([biv_level(b)?, biv_level(i)?, biv_level(v)?]),
        _ => None,
    }
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// English month names, for lists written in English ("31 Mar 2027", "1 October 2026").
const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (0-based) of a name or abbreviation as people type it: the whole name or its first
/// three letters or more, in Dutch or English, and the Dutch abbreviation "mrt" for maart.
fn month_index(month: &str) -> Option<usize> {
    if month == "mrt" {
        return Some(2);
    }
    [MONTHS, MONTHS_EN].iter().find_map(|names| {
        names
            .iter()
            .position(|m| *m == month || (month.len() >= 3 && m.starts_with(month)))
    })
}

/// `31-12-2027`, `31-12-27`, `31/12/2027`, `2027-12-31`, `31 december 2027`, `31 dec 2027`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    for format in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d"] {
        // A two-digit year is not year 27: that is for the %y formats below.
        if let Ok(date) = NaiveDate::parse_from_str(t, format)
            .map_err(|_| ())
            .and_then(|d| {
                use chrono::Datelike;
                if d.year() >= 1000 { Ok(d) } else { Err(()) }
            })
        {
            return Some(date);
        }
    }
    for format in ["%d-%m-%y", "%d/%m/%y"] {
        if let Ok(date) = NaiveDate::parse_from_str(t, format) {
            return Some(date);
        }
    }
    let words: Vec<String> = t.split_whitespace().map(str::to_lowercase).collect();
    if let [day, month, year] = words.as_slice() {
        let month = month.trim_end_matches('.');
        let index = month_index(month)?;
        return NaiveDate::from_ymd_opt(year.parse().ok()?, index as u32 + 1, day.parse().ok()?);
    }
    None
}

struct RowReader<'a> {
    row: usize,
    errors: &'a mut Vec<Issue>,
}

impl RowReader<'_> {
    fn error(&mut self, column: &str, value: &str, message: impl Into<String>) {
        self.errors.push(Issue {
            row: self.row,
            column: column.to_string(),
            value: value.to_string(),
            message: message.into(),
        });
    }
}

/// Reads the application list from a file: the first sheet with a header row.
pub fn parse_application_file(
    format: crate::sheet::Format,
    bytes: &[u8],
    catalog: &ReferenceCatalog,
) -> Result<ParsedList, FileError> {
    let grid = crate::sheet::first_sheet_where(format, bytes, &|grid| find_header(grid).is_some())?
        .ok_or(FileError::NoHeader)?;
    parse_application_list(&grid, catalog)
}

/// Reads the application list from the first sheet that has a header row (a workbook exported
/// by Regisseur starts with an explanation sheet).
pub fn parse_application_sheets(
    sheets: &[(String, Grid)],
    catalog: &ReferenceCatalog,
) -> Result<ParsedList, FileError> {
    let grid = sheets
        .iter()
        .map(|(_, grid)| grid)
        .find(|grid| find_header(grid).is_some())
        .ok_or(FileError::NoHeader)?;
    parse_application_list(grid, catalog)
}

/// Reads the application list from a grid. Every problem is reported with row, column and
/// value; rows with problems are left out of `rows`.
pub fn parse_application_list(
    grid: &Grid,
    catalog: &ReferenceCatalog,
) -> Result<ParsedList, FileError> {
    let header_index = find_header(grid).ok_or(FileError::NoHeader)?;
    let header_row = &grid.rows[header_index];
    let mut list = ParsedList::default();
    // Which column each cell position holds: a known column, or a property named by its header.
    let mut layout: Vec<(Option<Column>, String)> = Vec::new();
    for cell in header_row {
        let header = cell.text();
        let column = column_for(&header);
        if let Some(c) = column {
            if list.headers.iter().any(|(known, _)| *known == c) {
                list.warnings.push(Issue {
                    row: header_index + 1,
                    column: header.clone(),
                    value: header.clone(),
                    message: "Deze kolom komt twee keer voor; alleen de eerste wordt gebruikt."
                        .into(),
                });
                layout.push((None, String::new()));
                continue;
            }
            list.headers.push((c, header.clone()));
        }
        layout.push((column, header));
    }
    // Names seen so far (as `same_name` compares them) and the row they were first on.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let key = |name: &str| name.trim().to_lowercase();
    for (index, cells) in grid.rows.iter().enumerate().skip(header_index + 1) {
        let row_number = index + 1;
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let errors_before = list.errors.len();
        let mut app = AppRow {
            row: row_number,
            ..AppRow::default()
        };
        let mut reader = RowReader {
            row: row_number,
            errors: &mut list.errors,
        };
        for (position, cell) in cells.iter().enumerate() {
            let Some((column, header)) = layout.get(position) else {
                if !cell.is_empty() {
                    reader.error(
                        &format!("kolom {}", position + 1),
                        &cell.text(),
                        "Waarde in een kolom zonder kop.",
                    );
                }
                continue;
            };
            let text = cell.text();
            if cell.is_empty() {
                continue;
            }
            let Some(column) = column else {
                if !header.is_empty() {
                    app.properties.push((header.clone(), text));
                }
                continue;
            };
            read_cell(&mut app, &mut reader, *column, header, cell, &text, catalog);
        }
        if app.name.is_empty() {
            let header = list
                .headers
                .iter()
                .find(|(c, _)| *c == Column::Name)
                .map_or("naam", |(_, h)| h.as_str())
                .to_string();
            reader.error(&header, "", "De naam ontbreekt.");
        } else if let Some(first) = seen.get(&key(&app.name)) {
            let header = list
                .headers
                .iter()
                .find(|(c, _)| *c == Column::Name)
                .map_or("naam", |(_, h)| h.as_str())
                .to_string();
            let first = *first;
            reader.error(
                &header,
                &app.name.clone(),
                format!("Deze applicatie staat ook al in rij {first}."),
            );
        }
        if !app.name.is_empty() {
            seen.entry(key(&app.name)).or_insert(row_number);
        }
        if list.errors.len() == errors_before {
            list.rows.push(app);
        }
    }
    Ok(list)
}

fn person(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && t != "-" && normalise(t) != "onbekend").then(|| t.to_string())
}

fn read_cell(
    app: &mut AppRow,
    reader: &mut RowReader<'_>,
    column: Column,
    header: &str,
    cell: &Cell,
    text: &str,
    catalog: &ReferenceCatalog,
) {
    let yes_no = |reader: &mut RowReader<'_>| -> Option<bool> {
        let value = match cell {
            Cell::Bool(b) => Some(*b),
            _ => parse_yes_no(text),
        };
        if value.is_none() {
            reader.error(header, text, "Verwacht ja of nee.");
        }
        value
    };
    match column {
        Column::Name => {
            if text.chars().count() > 200 {
                reader.error(header, text, "Te lang: hoogstens 200 tekens.");
            } else {
                app.name = text.to_string();
            }
        }
        Column::Supplier => app.supplier = person(text),
        Column::Owner => app.owner = person(text),
        Column::FunctionalManager => app.functional_manager = person(text),
        Column::TechnicalManager => app.technical_manager = person(text),
        Column::Version => app.version = Some(text.to_string()),
        Column::ReferenceComponent => {
            let mut ids = Vec::new();
            for name in text.split(['\n', ';', ',']).map(str::trim).filter(|n| !n.is_empty()) {
                match catalog.by_name(name) {
                    Some(component) => ids.push(component.id.clone()),
                    None => reader.error(header, name, "Geen GEMMA-referentiecomponent met deze naam."),
                }
            }
            app.reference_components = Some(ids);
        }
        Column::Hosting => match hosting(text) {
            Some(h) => app.hosting = Some(h),
            None => reader.error(header, text, "Onbekende hosting; verwacht on-premises, private cloud, IaaS, SaaS of shared service."),
        },
        Column::Lifecycle => match lifecycle(text) {
            Some(l) => app.lifecycle = Some(l),
            None => reader.error(header, text, "Onbekende status; verwacht gepland, in invoering, in gebruik, uitfasering of uitgefaseerd."),
        },
        Column::Critical => app.critical = yes_no(reader),
        Column::PersonalData => app.personal_data = yes_no(reader),
        Column::ProcessingAgreement => app.processing_agreement = yes_no(reader),
        Column::Availability | Column::Integrity | Column::Confidentiality => {
            let index = match column {
                Column::Availability => 0,
                Column::Integrity => 1,
                _ => 2,
            };
            match biv_level(text) {
                Some(level) => app.biv[index] = Some(level),
                None => reader.error(header, text, "Verwacht 1, 2 of 3 (laag, midden, hoog)."),
            }
        }
        Column::Biv => match biv_triple(text) {
            Some([b, i, v]) => app.biv = [Some(b), Some(i), Some(v)],
            None => reader.error(header, text, "Verwacht een BIV-classificatie als 2-3-2, 232 of Midden/Hoog/Midden."),
        },
        Column::AnnualCost => {
            let cents = match cell {
                Cell::Number(n) if *n >= 0.0 && *n < 1e12 => Cents::new((n * 100.0).round() as i64).ok(),
                _ => Cents::parse_euros(text).ok(),
            };
            match cents {
                Some(c) => app.annual_cost = Some(c.0),
                None => reader.error(header, text, "Geen geldig bedrag (bijvoorbeeld € 12.345,67)."),
            }
        }
        Column::ContractEnd => {
            let date = match cell {
                Cell::Date(d) => Some(*d),
                Cell::Number(n) => excel_date(*n),
                _ => parse_date(text),
            };
            match date {
                Some(d) => app.contract_end = Some(d),
                None => reader.error(header, text, "Geen geldige datum (bijvoorbeeld 31-12-2027)."),
            }
        }
        Column::NoticePeriod => {
            let months = text
                .trim()
                .trim_end_matches("maanden")
                .trim_end_matches("mnd")
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|m| m.fract() == 0.0 && (0.0..=60.0).contains(m));
            match months {
                Some(m) => app.notice_months = Some(m as i64),
                None => reader.error(header, text, "Verwacht een aantal maanden van 0 tot 60."),
            }
        }
        Column::DataLocation => match Country::from_name_or_code(text) {
            Ok(country) => app.data_location = Some(country.code().to_string()),
            Err(problem) => reader.error(header, text, problem.message(regisseur_domain::Lang::Nl)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{Format, read_grid};

    fn parse(csv: &str) -> ParsedList {
        let grid = read_grid(Format::Csv, csv.as_bytes()).expect("grid");
        parse_application_list(&grid, ReferenceCatalog::gemma()).expect("parsed")
    }

    #[test]
    fn headers_are_found_below_a_title_and_matched_loosely() {
        let list = parse(
            "Applicatieoverzicht Gemeente Voorbeeld;;\n;;\nPakket;Leverancier;Functioneel Beheerder;BIV;Kosten per jaar;Einde contract;Opmerking\n\
             Zaaksysteem ; Centric ;Jan;Midden/Hoog/Midden;€ 12.345,67;31 december 2027;loopt goed\n;;\n\
             Burgerzaken;PinkRoccade;;232;12345;31-12-27;\n",
        );
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        assert_eq!(list.rows.len(), 2);
        let first = &list.rows[0];
        assert_eq!(first.row, 4);
        assert_eq!(first.name, "Zaaksysteem");
        assert_eq!(first.supplier.as_deref(), Some("Centric"));
        assert_eq!(first.functional_manager.as_deref(), Some("Jan"));
        assert_eq!(first.biv, [Some(2), Some(3), Some(2)]);
        assert_eq!(first.annual_cost, Some(1_234_567));
        assert_eq!(first.contract_end, NaiveDate::from_ymd_opt(2027, 12, 31));
        assert_eq!(
            first.properties,
            vec![("Opmerking".to_string(), "loopt goed".to_string())]
        );
        assert_eq!(list.rows[1].annual_cost, Some(1_234_500));
        assert_eq!(
            list.rows[1].contract_end,
            NaiveDate::from_ymd_opt(2027, 12, 31)
        );
    }

    #[test]
    fn every_bad_value_is_reported_with_row_column_and_value() {
        let list = parse(
            "naam,status,hosting,bedrijfskritisch,datalocatie,referentiecomponent\n\
             A,kapot,wolk,misschien,Atlantis,Geen component\nA,in gebruik,SaaS,ja,NL,Zaakregistratiecomponent\nB,in gebruik,SaaS,x,VS,\nB,,,,,\n",
        );
        let columns: Vec<&str> = list
            .errors
            .iter()
            .filter(|e| e.row == 2)
            .map(|e| e.column.as_str())
            .collect();
        assert_eq!(
            columns,
            vec![
                "status",
                "hosting",
                "bedrijfskritisch",
                "datalocatie",
                "referentiecomponent"
            ]
        );
        assert_eq!(
            list.errors
                .iter()
                .find(|e| e.column == "hosting")
                .map(|e| e.value.as_str()),
            Some("wolk")
        );
        assert_eq!(list.rows.len(), 1, "only row 4 is valid");
        assert!(
            list.errors
                .iter()
                .any(|e| e.row == 3 && e.message.contains("rij 2")),
            "duplicate named: {:?}",
            list.errors
        );
        assert!(
            list.errors
                .iter()
                .any(|e| e.row == 5 && e.message.contains("rij 4")),
            "duplicate named: {:?}",
            list.errors
        );
        assert_eq!(list.rows[0].data_location.as_deref(), Some("US"));
        assert_eq!(list.rows[0].critical, Some(true));
    }

    #[test]
    fn dates_and_names() {
        assert_eq!(
            parse_date("31-12-2027"),
            NaiveDate::from_ymd_opt(2027, 12, 31)
        );
        assert_eq!(
            parse_date("2027-12-31"),
            NaiveDate::from_ymd_opt(2027, 12, 31)
        );
        assert_eq!(
            parse_date("31 dec. 2027"),
            NaiveDate::from_ymd_opt(2027, 12, 31)
        );
        assert_eq!(
            parse_date("1 maart 2026"),
            NaiveDate::from_ymd_opt(2026, 3, 1)
        );
        // Dates as people type them, with the abbreviations Dutch and English calendars use.
        for (text, (y, m, d)) in [
            ("31 mrt 2027", (2027, 3, 31)),
            ("31 mrt. 2027", (2027, 3, 31)),
            ("1 okt 2026", (2026, 10, 1)),
            ("15 mei 2027", (2027, 5, 15)),
            ("31 Mar 2027", (2027, 3, 31)),
            ("1 October 2026", (2026, 10, 1)),
            ("29 feb 2028", (2028, 2, 29)),
        ] {
            assert_eq!(parse_date(text), NaiveDate::from_ymd_opt(y, m, d), "{text}");
        }
        assert_eq!(parse_date("29 feb 2027"), None, "no leap day in 2027");
        assert_eq!(parse_date("morgen"), None);
        assert_eq!(normalise("Functioneel beheerder"), "functioneelbeheerder");
        assert_eq!(
            column_for("Vertrouwelijkheid"),
            Some(Column::Confidentiality)
        );
        assert_eq!(column_for("Contract einddatum"), Some(Column::ContractEnd));
        assert_eq!(
            column_for("Verwerkersovereenkomst?"),
            Some(Column::ProcessingAgreement)
        );
        assert_eq!(column_for("Prioriteit"), None);
    }

    #[test]
    fn no_header_is_a_clear_error() {
        let grid = read_grid(Format::Csv, b"a;b\n1;2\n").expect("grid");
        assert_eq!(
            parse_application_list(&grid, ReferenceCatalog::gemma()),
            Err(FileError::NoHeader)
        );
    }
}
