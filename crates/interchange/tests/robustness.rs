//! Whatever bytes arrive — truncated, corrupted, empty, binary — the readers answer with an
//! error or a result, never a panic.

use proptest::prelude::*;
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_interchange::applist::parse_application_sheets;
use regisseur_interchange::export::register_workbook;
use regisseur_interchange::sheet::{Format, detect_format, read_sheets};

fn read_anything(name: &str, bytes: &[u8]) {
    let _ = regisseur_interchange::ameff::read_model(bytes);
    if let Ok(format) = detect_format(name, bytes)
        && let Ok(sheets) = read_sheets(format, bytes)
    {
        let _ = parse_application_sheets(&sheets, ReferenceCatalog::gemma());
    }
    for format in [Format::Csv, Format::Xlsx] {
        if let Ok(sheets) = read_sheets(format, bytes) {
            let _ = parse_application_sheets(&sheets, ReferenceCatalog::gemma());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        read_anything("lijst.csv", &bytes);
        read_anything("lijst.xlsx", &bytes);
    }

    #[test]
    fn csv_like_text_never_panics(text in "([a-zA-Z0-9 ;,\"\n€.-]{0,30}\n){0,12}") {
        let with_header = format!("naam;status;jaarkosten;biv;einde contract\n{text}");
        read_anything("lijst.csv", with_header.as_bytes());
    }

    #[test]
    fn damaged_archimate_files_never_panic(cut in 0usize..20_000, flip in 0usize..20_000, byte in any::<u8>()) {
        let model = include_bytes!("../../../tests/fixtures/archisurance.xml");
        let _ = regisseur_interchange::ameff::read_model(&model[..cut.min(model.len())]);
        let mut corrupted = model.to_vec();
        corrupted[flip % model.len()] ^= byte;
        let _ = regisseur_interchange::ameff::read_model(&corrupted);
    }

    #[test]
    fn damaged_workbooks_never_panic(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let workbook = register_workbook("Gemeente Test", &[], ReferenceCatalog::gemma()).expect("workbook");
        let mut truncated = workbook.clone();
        truncated.truncate(cut.min(workbook.len()));
        read_anything("lijst.xlsx", &truncated);
        let mut corrupted = workbook;
        let at = flip % corrupted.len();
        corrupted[at] ^= byte;
        read_anything("lijst.xlsx", &corrupted);
    }
}
