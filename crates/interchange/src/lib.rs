//! File formats in and out of Regisseur: the application list municipalities keep in Excel
//! (XLSX and CSV, in and out) and the register as a workbook.
//!
//! What lives here: reading and writing formats, turning rows into planned changes, and every
//! problem with row, column and value. What must not: storage (the store applies a plan in one
//! transaction) and rules about the register (they are in `regisseur-domain`).

pub mod applist;
pub mod export;
pub mod plan;
pub mod sheet;

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
