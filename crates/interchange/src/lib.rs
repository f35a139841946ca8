//! File formats in and out of Regisseur: the application list municipalities keep in Excel
//! (XLSX and CSV, in and out), the register as a workbook, and the register as an ArchiMate
//! model (AMEFF, in and out), and the business case (TOML in and out, the workbook a controller
//! checks).
//!
//! What lives here: reading and writing formats, turning rows into planned changes, and every
//! problem with row, column and value. What must not: storage (the store applies a plan in one
//! transaction) and rules about the register (they are in `regisseur-domain`).

pub mod ameff;
pub mod applist;
pub mod archimate;
pub mod business_case;
pub mod export;
pub mod ics;
pub mod pdf;
pub mod plan;
pub mod sheet;
pub mod toml_file;
pub mod workbook;

use serde::Serialize;

/// A file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("het bestand is leeg")]
    Empty,
    #[error("{0}")]
    WrongFormat(String),
    #[error("{0}")]
    Unreadable(String),
    /// The file holds more than a spreadsheet may: what, how much, and the limit.
    #[error("{0}")]
    TooLarge(String),
    #[error(
        "geen kopregel gevonden: geen kolom 'naam', 'applicatie' of 'pakket' in de eerste 10 rijen"
    )]
    NoHeader,
}

/// One problem in a file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    #[serde(rename = "rij")]
    pub row: usize,
    #[serde(rename = "kolom")]
    pub column: String,
    #[serde(rename = "waarde")]
    pub value: String,
    #[serde(rename = "melding")]
    pub message: String,
}

/// Reads a file and plans its import against the register: an ArchiMate model by the mapping of
/// [`archimate`], a register workbook (as exported, with a sheet per kind) whole, anything else
/// as an application list.
pub fn plan_import(
    format: sheet::Format,
    bytes: &[u8],
    existing: &[plan::Existing],
    catalog: &regisseur_domain::reference::ReferenceCatalog,
) -> Result<plan::Plan, FileError> {
    if format == sheet::Format::Ameff {
        return archimate::plan_file(bytes, existing, catalog);
    }
    if format == sheet::Format::Xlsx {
        let sheets = sheet::read_sheets(format, bytes)?;
        if workbook::is_register_workbook(&sheets) {
            return Ok(workbook::plan_register_workbook(&sheets, existing, catalog));
        }
        let list = applist::parse_application_sheets(&sheets, catalog)?;
        return Ok(plan::plan_application_list(&list, existing, catalog));
    }
    let list = applist::parse_application_file(format, bytes, catalog)?;
    Ok(plan::plan_application_list(&list, existing, catalog))
}
