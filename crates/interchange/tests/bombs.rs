//! Files made to take a server down: workbooks that inflate to far more than they are, sheets
//! with a value a million rows down, a million shared strings, a CSV of nothing but
//! separators. Each is refused while it is read, with a message that names the limit, and the
//! peak memory of reading it — measured by this test binary's own allocator — stays under
//! `PEAK_BOUND`, the bound README.md documents for one upload.

use regisseur_interchange::FileError;
use regisseur_interchange::sheet::{Format, limits, read_sheets};
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What reading one spreadsheet may take at its peak, on top of the file itself.
const PEAK_BOUND: usize = 256 * 1024 * 1024;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the layout is the caller's, passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement at a time: the tests of this binary run one after the other through it.
static MEASURING: Mutex<()> = Mutex::new(());

/// Reads `bytes` and answers the outcome and the peak memory above what was in use before.
fn measured(format: Format, bytes: &[u8]) -> (Result<usize, FileError>, usize) {
    let _one = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let before = CURRENT.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let outcome = read_sheets(format, bytes).map(|sheets| {
        sheets
            .iter()
            .map(|(_, g)| g.rows.iter().map(Vec::len).sum::<usize>())
            .sum()
    });
    let peak = PEAK.load(Ordering::SeqCst) - before;
    (outcome, peak)
}

/// Writes the XML of one part into the archive.
type Part<'a> = &'a dyn Fn(&mut dyn Write);

/// A workbook with these parts besides the ones every workbook has; `sheet` writes the XML of
/// `xl/worksheets/sheet1.xml` straight into the archive, so that a bomb is never in memory.
fn workbook(shared_strings: Option<Part>, sheet: Part) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    let part = |zip: &mut zip::ZipWriter<_>, name: &str, body: &dyn Fn(&mut dyn Write)| {
        zip.start_file(name, options).expect("part");
        body(zip);
    };
    let strings_type = if shared_strings.is_some() {
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
    } else {
        ""
    };
    let content_types = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{strings_type}</Types>"#
    );
    part(&mut zip, "[Content_Types].xml", &|w| {
        let _ = w.write_all(content_types.as_bytes());
    });
    part(&mut zip, "_rels/.rels", &|w| {
        let _ = w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
    });
    part(&mut zip, "xl/workbook.xml", &|w| {
        let _ = w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Applicatielijst" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
    });
    let strings_rel = if shared_strings.is_some() {
        r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
    } else {
        ""
    };
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{strings_rel}</Relationships>"#
    );
    part(&mut zip, "xl/_rels/workbook.xml.rels", &|w| {
        let _ = w.write_all(rels.as_bytes());
    });
    if let Some(strings) = shared_strings {
        part(&mut zip, "xl/sharedStrings.xml", strings);
    }
    part(&mut zip, "xl/worksheets/sheet1.xml", sheet);
    zip.finish().expect("zip").into_inner()
}

const SHEET_START: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_END: &[u8] = b"</sheetData></worksheet>";

fn header_row(w: &mut dyn Write) {
    let _ = w.write_all(SHEET_START);
    let _ = w.write_all(br#"<row r="1"><c r="A1" t="inlineStr"><is><t>naam</t></is></c><c r="B1" t="inlineStr"><is><t>leverancier</t></is></c></row>"#);
}

fn assert_refused(what: &str, outcome: Result<usize, FileError>, peak: usize, limit_text: &str) {
    match outcome {
        Err(FileError::TooLarge(message)) => {
            assert!(message.contains(limit_text), "{what}: {message}");
        }
        other => panic!("{what}: not refused as too large: {other:?}"),
    }
    assert!(
        peak < PEAK_BOUND,
        "{what}: reading took {} MiB at its peak",
        peak / (1024 * 1024)
    );
    eprintln!("{what}: refused, peak {} MiB", peak / (1024 * 1024));
}

/// 200 MiB of white space inside the sheet: the archive is a few hundred kilobytes.
#[test]
fn a_whitespace_bomb_is_refused_before_it_is_inflated_into_memory() {
    let bytes = workbook(None, &|w| {
        header_row(w);
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..200 {
            let _ = w.write_all(&spaces);
        }
        let _ = w.write_all(SHEET_END);
    });
    assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
    let (outcome, peak) = measured(Format::Xlsx, &bytes);
    assert_refused("white space", outcome, peak, "100 MiB");
}

/// A value in the last row Excel has: reading it as a rectangle would take gigabytes.
#[test]
fn a_value_a_million_rows_down_is_refused() {
    let bytes = workbook(None, &|w| {
        header_row(w);
        let _ = w.write_all(br#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
        let _ = w.write_all(SHEET_END);
    });
    let (outcome, peak) = measured(Format::Xlsx, &bytes);
    assert_refused("far cell", outcome, peak, "200.000 rijen");
}

/// 300,000 rows of one cell each: 300,000 rows is more than a sheet may have.
#[test]
fn too_many_rows_are_refused() {
    let bytes = workbook(None, &|w| {
        header_row(w);
        for row in 2..=300_000u32 {
            let _ = write!(w, r#"<row r="{row}"><c r="A{row}"><v>{row}</v></c></row>"#);
        }
        let _ = w.write_all(SHEET_END);
    });
    let (outcome, peak) = measured(Format::Xlsx, &bytes);
    assert_refused("rows", outcome, peak, "200.000 rijen");
}

/// Three million shared strings, each a few bytes.
#[test]
fn a_shared_strings_bomb_is_refused() {
    let bytes = workbook(
        Some(&|w| {
            let _ = w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
            for _ in 0..3_000_000 {
                let _ = w.write_all(b"<si><t>a</t></si>");
            }
            let _ = w.write_all(b"</sst>");
        }),
        &|w| {
            header_row(w);
            let _ = w.write_all(SHEET_END);
        },
    );
    let (outcome, peak) = measured(Format::Xlsx, &bytes);
    assert_refused("shared strings", outcome, peak, "2.000.000 cellen");
}

/// Wide rows: 2,500 columns in 1,000 rows is more cells than a file may have.
#[test]
fn too_many_cells_are_refused() {
    let bytes = workbook(None, &|w| {
        header_row(w);
        for row in 2..=1_000u32 {
            let _ = write!(w, r#"<row r="{row}">"#);
            for column in 0..2_500u32 {
                let name = column_name(column);
                let _ = write!(w, r#"<c r="{name}{row}"><v>1</v></c>"#);
            }
            let _ = w.write_all(b"</row>");
        }
        let _ = w.write_all(SHEET_END);
    });
    let (outcome, peak) = measured(Format::Xlsx, &bytes);
    assert_refused("cells", outcome, peak, "2.000.000 cellen");
}

/// A CSV file of separators only: three million empty cells.
#[test]
fn a_csv_of_separators_is_refused() {
    let mut csv = b"naam;leverancier\n".to_vec();
    for _ in 0..3_000 {
        csv.extend(std::iter::repeat_n(b';', 1_000));
        csv.push(b'\n');
    }
    let (outcome, peak) = measured(Format::Csv, &csv);
    assert_refused("CSV", outcome, peak, "2.000.000 cellen");
}

/// What the limits still let in reads, and within the bound: 150,000 rows of six cells with a
/// formatted but empty cell in Excel's last column (a real sheet's stray formatting).
#[test]
fn the_largest_file_the_limits_allow_reads_within_the_bound() {
    let bytes = workbook(None, &|w| {
        header_row(w);
        for row in 2..=150_000u32 {
            let _ = write!(
                w,
                r#"<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>Applicatie {row}</t></is></c><c r="B{row}"><v>{row}</v></c><c r="C{row}"><v>1</v></c><c r="D{row}"><v>2</v></c><c r="E{row}"><v>3</v></c><c r="F{row}"><v>4</v></c><c r="XFD{row}" s="1"/></row>"#
            );
        }
        let _ = w.write_all(SHEET_END);
    });
    let (outcome, peak) = measured(Format::Xlsx, &bytes);
    let cells = outcome.expect("within the limits");
    assert_eq!(cells, 2 + 149_999 * 6);
    assert!(peak < PEAK_BOUND, "peak {} MiB", peak / (1024 * 1024));
    eprintln!("largest allowed: peak {} MiB", peak / (1024 * 1024));
    assert!(limits::CELLS >= cells);
}

fn column_name(mut index: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}
