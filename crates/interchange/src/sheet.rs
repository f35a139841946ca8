//! Reading a spreadsheet — XLSX, or CSV as people save it (`;` or `,`, UTF-8 with or without
//! BOM, or Windows-1252) — into a grid of cells.

use crate::FileError;
use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

/// The file formats an import reads: the application list or register workbook (XLSX, CSV),
/// and an ArchiMate model exchange file (AMEFF, XML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
    Ameff,
}

/// Whether the bytes begin like an XML document (after a byte order mark and white space).
fn looks_like_xml(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<')
}

fn not_a_sheet() -> FileError {
    FileError::WrongFormat("een ArchiMate-bestand (XML) is geen spreadsheet".into())
}

/// One cell, typed as the file gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text, as a person would read it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// What one spreadsheet file may hold. A file beyond any of these is refused while it is read —
/// before the memory is taken — with a message that names what, how much, and the limit, so
/// that one upload cannot take the server down. Together they bound what reading a workbook
/// takes; `tests/bombs.rs` measures the peak.
pub mod limits {
    /// What the parts of a workbook may inflate to together (a CSV file may be this large).
    pub const INFLATED_BYTES: u64 = 100 * 1024 * 1024;
    /// Rows of one sheet, counted up to its last non-empty cell.
    pub const ROWS: usize = 200_000;
    /// Cells of one file, its shared strings included.
    pub const CELLS: usize = 2_000_000;
}

/// The refusal of a file beyond a limit: what it holds, and the limit.
fn too_large(what: String, limit: String) -> FileError {
    FileError::TooLarge(format!(
        "Het bestand is te groot: {what}; de grens is {limit}. Er is niets ingelezen. Splits het bestand of laat overbodige rijen, kolommen en opmaak weg."
    ))
}

/// A count as Dutch writes it: 2.000.000.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(1024 * 1024))
}

/// Rows of cells; `rows[0]` is row 1 of the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The format of a file, from its name and its first bytes. A file whose content does not fit
/// its extension is named as such.
pub fn detect_format(name: &str, bytes: &[u8]) -> Result<Format, FileError> {
    let lower = name.to_lowercase();
    let is_zip = bytes.starts_with(ZIP_MAGIC);
    let looks_binary = bytes.iter().take(4096).any(|b| *b == 0);
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
        if is_zip {
            Ok(Format::Xlsx)
        } else {
            Err(FileError::WrongFormat(format!(
                "{name} heeft de extensie .xlsx maar is geen Excel-werkmap{}",
                if looks_binary {
                    ""
                } else {
                    " (het lijkt tekst, zoals CSV)"
                }
            )))
        }
    } else if lower.ends_with(".xml") {
        if is_zip {
            Err(FileError::WrongFormat(format!(
                "{name} heeft de extensie .xml maar is een Excel-werkmap (XLSX)"
            )))
        } else if looks_like_xml(bytes) {
            Ok(Format::Ameff)
        } else {
            Err(FileError::WrongFormat(format!(
                "{name} heeft de extensie .xml maar is geen XML-bestand"
            )))
        }
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
        if looks_like_xml(bytes) {
            Err(FileError::WrongFormat(format!(
                "{name} heeft de extensie .csv maar is een XML-bestand (ArchiMate?); gebruik .xml"
            )))
        } else if is_zip {
            Err(FileError::WrongFormat(format!(
                "{name} heeft de extensie .csv maar is een Excel-werkmap (XLSX)"
            )))
        } else if looks_binary {
            Err(FileError::WrongFormat(format!(
                "{name} heeft de extensie .csv maar is geen tekstbestand"
            )))
        } else {
            Ok(Format::Csv)
        }
    } else if lower.ends_with(".xls") {
        Err(FileError::WrongFormat(format!(
            "{name} is een oud Excel-bestand (.xls); sla het op als .xlsx of .csv"
        )))
    } else if is_zip {
        Ok(Format::Xlsx)
    } else if looks_like_xml(bytes) {
        Ok(Format::Ameff)
    } else if !looks_binary {
        Ok(Format::Csv)
    } else {
        Err(FileError::WrongFormat(format!(
            "{name}: onbekend bestandsformaat; gebruik .xlsx, .csv of .xml (ArchiMate)"
        )))
    }
}

/// The first sheet of a file.
pub fn read_grid(format: Format, bytes: &[u8]) -> Result<Grid, FileError> {
    read_sheets(format, bytes)?
        .into_iter()
        .next()
        .map(|(_, grid)| grid)
        .ok_or(FileError::Empty)
}

/// Every sheet of a file, in order, with its name; a CSV file is one sheet.
pub fn read_sheets(format: Format, bytes: &[u8]) -> Result<Vec<(String, Grid)>, FileError> {
    match format {
        Format::Xlsx => read_xlsx(bytes, &|_| false),
        Format::Csv => Ok(vec![(String::new(), read_csv(bytes)?)]),
        Format::Ameff => Err(not_a_sheet()),
    }
}

/// The first sheet for which `wanted` holds, reading no further sheets than needed.
pub fn first_sheet_where(
    format: Format,
    bytes: &[u8],
    wanted: &dyn Fn(&Grid) -> bool,
) -> Result<Option<Grid>, FileError> {
    let sheets = match format {
        Format::Xlsx => read_xlsx(bytes, wanted)?,
        Format::Csv => vec![(String::new(), read_csv(bytes)?)],
        Format::Ameff => return Err(not_a_sheet()),
    };
    Ok(sheets
        .into_iter()
        .map(|(_, grid)| grid)
        .find(|grid| wanted(grid)))
}

/// Decodes text: UTF-8 (a BOM is dropped), otherwise Windows-1252, as Excel saves CSV on
/// Dutch Windows.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The delimiter of a CSV text: the one of `;`, `,` and tab that splits the first records
/// (read as CSV, so quoted delimiters do not count) into the same number of fields most often.
fn detect_delimiter(text: &str) -> u8 {
    let score = |delimiter: u8| -> (usize, usize) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(20)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .filter(|n| *n > 1)
            .collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        (counts.iter().filter(|c| **c == most).count(), most)
    };
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| score(*d))
        .unwrap_or(b';')
}

fn read_csv(bytes: &[u8]) -> Result<Grid, FileError> {
    if bytes.len() as u64 > limits::INFLATED_BYTES {
        return Err(too_large(
            format!("het CSV-bestand is {}", mib(bytes.len() as u64)),
            mib(limits::INFLATED_BYTES),
        ));
    }
    let text = decode_text(bytes);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut cells = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| {
            FileError::Unreadable(format!(
                "CSV-fout{}: {e}",
                e.position()
                    .map(|p| format!(" in regel {}", p.line()))
                    .unwrap_or_default()
            ))
        })?;
        cells += record.len();
        if cells > limits::CELLS {
            return Err(too_large(
                format!(
                    "regel {} brengt het aantal cellen boven de grens",
                    grid.rows.len() + 1
                ),
                format!("{} cellen", count(limits::CELLS)),
            ));
        }
        if grid.rows.len() >= limits::ROWS {
            return Err(too_large(
                format!("meer dan {} regels", count(limits::ROWS)),
                format!("{} rijen", count(limits::ROWS)),
            ));
        }
        grid.rows.push(
            record
                .iter()
                .map(|v| {
                    if v.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(v.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(grid)
}

/// The date of an Excel serial number (days since 1899-12-30 in the 1900 system).
pub fn excel_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// What every part of a workbook really inflates to, read through without keeping it, and how
/// many shared strings it holds: refused before calamine reads the parts into memory when it
/// is more than `limits` allow. The sizes the archive declares are not trusted.
fn check_workbook_size(bytes: &[u8]) -> Result<(), FileError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        FileError::Unreadable(format!("de Excel-werkmap is niet te lezen: {e}"))
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| unreadable(&e))?;
        let name = entry.name().map_err(|e| unreadable(&e))?.to_string();
        let left = limits::INFLATED_BYTES - total;
        let is_strings = name.eq_ignore_ascii_case("xl/sharedStrings.xml");
        let mut counter = Counter {
            strings: 0,
            tail: Vec::new(),
            count_strings: is_strings,
        };
        let read = std::io::copy(&mut std::io::Read::take(&mut entry, left + 1), &mut counter)
            .map_err(|e| unreadable(&format!("{name}: {e}")))?;
        if read > left {
            return Err(too_large(
                format!(
                    "uitgepakt is de werkmap groter dan {} (bij onderdeel {name})",
                    mib(limits::INFLATED_BYTES)
                ),
                format!("{} uitgepakt", mib(limits::INFLATED_BYTES)),
            ));
        }
        total += read;
        if counter.strings > limits::CELLS {
            return Err(too_large(
                format!(
                    "de werkmap heeft {} gedeelde teksten",
                    count(counter.strings)
                ),
                format!("{} cellen", count(limits::CELLS)),
            ));
        }
    }
    Ok(())
}

/// A sink that counts `<si` (a shared string) in what passes through it.
struct Counter {
    strings: usize,
    /// The last two bytes of the previous write: a tag split over two writes is counted once.
    tail: Vec<u8>,
    count_strings: bool,
}

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.count_strings {
            let mut joined = std::mem::take(&mut self.tail);
            joined.extend_from_slice(buf);
            self.strings += memchr::memmem::find_iter(&joined, b"<si").count();
            self.tail = joined[joined.len().saturating_sub(2)..].to_vec();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads the sheets in order; stops after the first for which `enough` holds. Cells are read
/// one by one (never a whole sheet's rectangle at once), empty ones cost nothing, and the
/// limits hold while reading.
fn read_xlsx(
    bytes: &[u8],
    enough: &dyn Fn(&Grid) -> bool,
) -> Result<Vec<(String, Grid)>, FileError> {
    check_workbook_size(bytes)?;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| FileError::Unreadable(format!("de Excel-werkmap is niet te lezen: {e}")))?;
    let mut sheets = Vec::new();
    let mut cells_used = 0usize;
    for name in workbook.sheet_names() {
        let unreadable = |e: &dyn std::fmt::Display| {
            FileError::Unreadable(format!("werkblad '{name}' is niet te lezen: {e}"))
        };
        let mut grid = Grid::default();
        {
            let mut reader = workbook
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                let value = cell_of(cell.get_value());
                if value.is_empty() {
                    continue;
                }
                let (row, column) = cell.get_position();
                let (row, column) = (row as usize, column as usize);
                if row >= limits::ROWS {
                    return Err(too_large(
                        format!(
                            "werkblad '{name}' heeft een waarde in rij {}",
                            count(row + 1)
                        ),
                        format!("{} rijen", count(limits::ROWS)),
                    ));
                }
                if grid.rows.len() <= row {
                    grid.rows.resize_with(row + 1, Vec::new);
                }
                let cells = &mut grid.rows[row];
                if cells.len() <= column {
                    cells_used += column + 1 - cells.len();
                    if cells_used > limits::CELLS {
                        return Err(too_large(
                            format!(
                                "werkblad '{name}' brengt bij rij {} het aantal cellen boven de grens",
                                count(row + 1)
                            ),
                            format!("{} cellen", count(limits::CELLS)),
                        ));
                    }
                    cells.resize(column + 1, Cell::Empty);
                }
                cells[column] = value;
            }
        }
        let done = enough(&grid);
        sheets.push((name, grid));
        if done {
            break;
        }
    }
    if sheets
        .iter()
        .all(|(_, g)| g.rows.iter().all(|r| r.iter().all(Cell::is_empty)))
    {
        return Err(FileError::Empty);
    }
    Ok(sheets)
}

fn cell_of(data: &DataRef) -> Cell {
    match data {
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => {
            excel_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        DataRef::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
            .map_or_else(|_| Cell::Text(s.clone()), Cell::Date),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_content() {
        assert_eq!(
            detect_format("lijst.csv", b"naam;leverancier\n"),
            Ok(Format::Csv)
        );
        assert_eq!(
            detect_format("lijst.xlsx", b"PK\x03\x04rest"),
            Ok(Format::Xlsx)
        );
        assert!(
            matches!(detect_format("lijst.xlsx", b"naam;leverancier"), Err(FileError::WrongFormat(m)) if m.contains("CSV"))
        );
        assert!(
            matches!(detect_format("lijst.csv", b"PK\x03\x04"), Err(FileError::WrongFormat(m)) if m.contains("XLSX"))
        );
        assert!(matches!(
            detect_format("lijst.csv", b"\x00\x01\x02"),
            Err(FileError::WrongFormat(_))
        ));
    }

    #[test]
    fn csv_with_semicolons_bom_and_windows_1252() {
        let mut bytes = b"\xEF\xBB\xBFnaam;kosten\nZaaksysteem;\xE2\x82\xAC 12.345,67\n".to_vec();
        let grid = read_grid(Format::Csv, &bytes).expect("reads");
        assert_eq!(grid.rows[0][0], Cell::Text("naam".into()));
        assert_eq!(grid.rows[1][1], Cell::Text("€ 12.345,67".into()));
        bytes = b"naam,leverancier\nBurgerzaken,Centric\nR\xE9gie,Visma\n".to_vec();
        let grid = read_grid(Format::Csv, &bytes).expect("reads");
        assert_eq!(grid.rows[2][0], Cell::Text("Régie".into()));
        assert_eq!(grid.rows[1][1], Cell::Text("Centric".into()));
        // Commas inside amounts and quoted semicolons do not confuse the delimiter.
        let grid = read_grid(
            Format::Csv,
            b"naam;kosten;gemma\nA;4.500,00;\"X; Y\"\nB;1,00;Z\n",
        )
        .expect("reads");
        assert_eq!(
            grid.rows[1],
            vec![
                Cell::Text("A".into()),
                Cell::Text("4.500,00".into()),
                Cell::Text("X; Y".into())
            ]
        );
    }

    #[test]
    fn empty_and_broken_files_are_named() {
        assert_eq!(read_grid(Format::Csv, b"  \n"), Err(FileError::Empty));
        assert!(matches!(
            read_grid(Format::Xlsx, b"PK\x03\x04kapot"),
            Err(FileError::Unreadable(_))
        ));
        assert_eq!(excel_date(46022.0), NaiveDate::from_ymd_opt(2025, 12, 31));
    }
}
