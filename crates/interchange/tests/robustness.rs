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
        let _ = regisseur_interchange::archimate::plan_file(&corrupted, &[], ReferenceCatalog::gemma());
    }

    /// Models of any shape — unknown types, relationships on relationships, cycles, concepts
    /// related to themselves, properties that name fields with nonsense in them — are mapped
    /// with problems reported, never a panic.
    #[test]
    fn any_model_maps_without_panic(
        types in prop::collection::vec(0usize..ELEMENT_TYPES.len(), 1..12),
        links in prop::collection::vec((0usize..40, 0usize..40, 0usize..RELATIONSHIP_TYPES.len()), 0..25),
        properties in prop::collection::vec((0usize..12, 0usize..PROPERTY_NAMES.len(), "[a-z0-9 ;-]{0,12}"), 0..20),
    ) {
        let xml = model(&types, &links, &properties);
        if let Ok(plan) = regisseur_interchange::archimate::plan_file(xml.as_bytes(), &[], ReferenceCatalog::gemma()) {
            // What is planned without errors is a complete set of changes.
            prop_assert!(!plan.errors.is_empty() || plan.totals().nieuw == plan.changes.len());
        }
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

const ELEMENT_TYPES: [&str; 10] = [
    "ApplicationComponent",
    "Node",
    "DataObject",
    "BusinessActor",
    "BusinessRole",
    "Contract",
    "BusinessProcess",
    "Grouping",
    "SystemSoftware",
    "Unknown",
];
const RELATIONSHIP_TYPES: [&str; 8] = [
    "Serving",
    "Flow",
    "Access",
    "Association",
    "Specialization",
    "Assignment",
    "Realization",
    "Nonsense",
];
const PROPERTY_NAMES: [&str; 8] = [
    "levenscyclus",
    "soort",
    "leverancierId",
    "regisseurSoort",
    "Object ID",
    "beschikbaarheid",
    "rol",
    "GEMMA type",
];

/// An exchange file with elements `e0…`, relationships `r0…` between any two concepts
/// (relationships included) and properties on elements.
fn model(
    types: &[usize],
    links: &[(usize, usize, usize)],
    properties: &[(usize, usize, String)],
) -> String {
    let concepts = types.len() + links.len();
    let id = |n: usize| {
        let n = n % concepts;
        if n < types.len() {
            format!("e{n}")
        } else {
            format!("r{}", n - types.len())
        }
    };
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>Test</name><elements>"#,
    );
    for (i, t) in types.iter().enumerate() {
        xml.push_str(&format!(
            r#"<element identifier="e{i}" xsi:type="{}"><name>E {i}</name><properties>"#,
            ELEMENT_TYPES[*t]
        ));
        for (on, name, value) in properties.iter().filter(|(on, _, _)| on % types.len() == i) {
            let _ = on;
            xml.push_str(&format!(
                r#"<property propertyDefinitionRef="p{name}"><value>{}</value></property>"#,
                value.replace('<', "")
            ));
        }
        xml.push_str("</properties></element>");
    }
    xml.push_str("</elements><relationships>");
    for (i, (from, to, t)) in links.iter().enumerate() {
        xml.push_str(&format!(
            r#"<relationship identifier="r{i}" xsi:type="{}" source="{}" target="{}"/>"#,
            RELATIONSHIP_TYPES[*t],
            id(*from),
            id(*to)
        ));
    }
    xml.push_str("</relationships><propertyDefinitions>");
    for (i, name) in PROPERTY_NAMES.iter().enumerate() {
        xml.push_str(&format!(
            r#"<propertyDefinition identifier="p{i}" type="string"><name>{name}</name></propertyDefinition>"#
        ));
    }
    xml.push_str("</propertyDefinitions></model>");
    xml
}
