//! Export: the application list in the import's own columns (CSV, and the first sheet of the
//! workbook), and the whole register as an XLSX workbook with one sheet per kind.

use crate::plan::Existing;
use regisseur_domain::Lang;
use regisseur_domain::landscape::{EntityKind, FieldType};
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_domain::values::Cents;
use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, XlsxError};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// The hidden sheet with the value lists too long for Excel's own drop-down lists.
const LISTS_SHEET: &str = "Keuzelijsten";

/// The application list columns, in the order the import reads them back.
pub const LIST_COLUMNS: [&str; 19] = [
    "Naam",
    "Versie",
    "Referentiecomponent",
    "Leverancier",
    "Eigenaar",
    "Functioneel beheerder",
    "Technisch beheerder",
    "Hosting",
    "Status",
    "Bedrijfskritisch",
    "Beschikbaarheid",
    "Integriteit",
    "Vertrouwelijkheid",
    "Persoonsgegevens",
    "Jaarkosten",
    "Contract einddatum",
    "Opzegtermijn",
    "Verwerkersovereenkomst",
    "Datalocatie",
];

struct Register<'a> {
    by_id: HashMap<Uuid, &'a Existing>,
    elements: &'a [Existing],
}

impl<'a> Register<'a> {
    fn new(elements: &'a [Existing]) -> Self {
        Register {
            by_id: elements.iter().map(|e| (e.id, e)).collect(),
            elements,
        }
    }

    fn get(&self, id: Option<&str>) -> Option<&'a Existing> {
        id.and_then(|s| Uuid::parse_str(s).ok())
            .and_then(|id| self.by_id.get(&id).copied())
    }

    fn name(&self, id: Option<&str>) -> String {
        self.get(id)
            .and_then(|e| e.record.name())
            .unwrap_or("")
            .to_string()
    }

    fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = &'a Existing> {
        self.elements
            .iter()
            .filter(move |e| e.record.kind() == kind)
    }

    /// The data set an application's row speaks of: the domain's `data_set_of`, the same one
    /// the import reads the row back into.
    fn data_set_of(&self, app: &Existing) -> Option<&'a Existing> {
        let id = regisseur_domain::landscape::data::data_set_of(
            app.id,
            app.record.name().unwrap_or(""),
            self.elements
                .iter()
                .map(|e| (e.id, e.record.kind(), e.record.fields())),
        )?;
        self.by_id.get(&id).copied()
    }
}

fn yes_no(value: Option<&Value>) -> String {
    match value.and_then(Value::as_bool) {
        Some(true) => "ja".into(),
        Some(false) => "nee".into(),
        None => String::new(),
    }
}

fn date_text(value: Option<&str>) -> String {
    value
        .and_then(|s| regisseur_domain::landscape::parse_date(s).ok())
        .map(|d| d.format("%d-%m-%Y").to_string())
        .unwrap_or_default()
}

/// The application list as rows of text: the header (the import's columns, then one column per
/// property name in use) and one row per application.
pub fn application_list_rows(
    elements: &[Existing],
    catalog: &ReferenceCatalog,
) -> Vec<Vec<String>> {
    let register = Register::new(elements);
    let properties: BTreeSet<String> = register
        .of_kind(EntityKind::Application)
        .filter_map(|a| a.record.get("eigenschappen").and_then(Value::as_object))
        .flat_map(|p| p.keys().cloned())
        .collect();
    let mut rows = vec![
        LIST_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .chain(properties.iter().cloned())
            .collect::<Vec<_>>(),
    ];
    let mut apps: Vec<&Existing> = register.of_kind(EntityKind::Application).collect();
    apps.sort_by_key(|a| a.record.name().unwrap_or("").to_lowercase());
    for app in apps {
        let r = &app.record;
        let contract = register.get(r.text("contractId"));
        let data_set = register.data_set_of(app);
        let components = r
            .get("referentiecomponentIds")
            .and_then(Value::as_array)
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .filter_map(|id| catalog.get(id).map(|c| c.naam.clone()))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        let level = |f: &str| {
            r.get(f)
                .and_then(Value::as_i64)
                .map(|n| n.to_string())
                .unwrap_or_default()
        };
        let mut row = vec![
            r.name().unwrap_or("").to_string(),
            r.text("softwareversie").unwrap_or("").to_string(),
            components,
            register.name(r.text("leverancierId")),
            register.name(r.text("eigenaarId")),
            register.name(r.text("functioneelBeheerderId")),
            register.name(r.text("technischBeheerderId")),
            r.text("hosting").unwrap_or("").to_string(),
            r.text("levenscyclus").unwrap_or("").to_string(),
            yes_no(r.get("bedrijfskritisch")),
            level("beschikbaarheid"),
            level("integriteit"),
            level("vertrouwelijkheid"),
            yes_no(r.get("persoonsgegevens")),
            r.get("jaarkostenCenten")
                .and_then(Value::as_i64)
                .map(|c| Cents(c).to_euro_text())
                .unwrap_or_default(),
            date_text(contract.and_then(|c| c.record.text("einddatum"))),
            contract
                .and_then(|c| c.record.get("opzegtermijnMaanden"))
                .and_then(Value::as_i64)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            yes_no(data_set.and_then(|d| d.record.get("verwerkersovereenkomst"))),
            data_set
                .and_then(|d| d.record.text("opslaglocatie"))
                .unwrap_or("")
                .to_string(),
        ];
        let own = r.get("eigenschappen").and_then(Value::as_object);
        for name in &properties {
            row.push(
                own.and_then(|p| p.get(name))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            );
        }
        rows.push(row);
    }
    rows
}

/// The application list as CSV: `;`-separated with a BOM, as Excel in the Netherlands opens it.
pub fn application_list_csv(elements: &[Existing], catalog: &ReferenceCatalog) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        for row in application_list_rows(elements, catalog) {
            // Writing to memory cannot fail.
            let _ = writer.write_record(&row);
        }
        let _ = writer.flush();
    }
    out
}

/// How a field reads in a sheet cell.
fn cell_text(
    kind: EntityKind,
    field: &str,
    value: Option<&Value>,
    register: &Register<'_>,
    catalog: &ReferenceCatalog,
) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let Some(spec) = kind.field(field) else {
        return String::new();
    };
    match spec.ty {
        FieldType::Ref(_) | FieldType::AnyRef => register.name(value.as_str()),
        FieldType::RefList(_) => value
            .as_array()
            .map(|ids| {
                ids.iter()
                    .map(|id| register.name(id.as_str()))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        FieldType::ReferenceComponents => value
            .as_array()
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| {
                        id.as_str()
                            .and_then(|i| catalog.get(i))
                            .map(|c| c.naam.clone())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        FieldType::Money => value
            .as_i64()
            .map(|c| Cents(c).to_euro_text())
            .unwrap_or_default(),
        FieldType::Bool => yes_no(Some(value)),
        FieldType::Date => date_text(value.as_str()),
        FieldType::Properties => value
            .as_object()
            .map(|p| {
                p.iter()
                    .map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or("")))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
        _ => match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        },
    }
}

const SHEET_ROWS_MAX: u32 = 1_048_575;

/// One column of a kind's sheet: a field as people read it, or the ids behind a reference.
pub struct KindColumn {
    pub field: &'static regisseur_domain::landscape::FieldSpec,
    pub ids: bool,
}

/// The suffix of the hidden column that holds the ids behind a reference column.
pub const ID_SUFFIX: &str = " (id)";

impl KindColumn {
    pub fn header(&self) -> String {
        if self.ids {
            format!("{}{ID_SUFFIX}", self.field.nl)
        } else {
            self.field.nl.to_string()
        }
    }
}

/// The columns of a kind's sheet, after the `id` column: every field, each reference followed
/// by the ids behind it.
pub fn kind_columns(kind: EntityKind) -> Vec<KindColumn> {
    let mut columns = Vec::new();
    for field in kind.fields() {
        columns.push(KindColumn { field, ids: false });
        if matches!(
            field.ty,
            FieldType::Ref(_) | FieldType::RefList(_) | FieldType::AnyRef
        ) {
            columns.push(KindColumn { field, ids: true });
        }
    }
    columns
}

fn id_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(id)) => id.clone(),
        Some(Value::Array(ids)) => ids
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// The register as a workbook: an explanation, the application list in the import's columns,
/// and one sheet per kind. Headers are styled and frozen, every sheet has a filter, and fixed
/// value lists have a drop-down.
pub fn register_workbook(
    organisation: &str,
    elements: &[Existing],
    catalog: &ReferenceCatalog,
) -> Result<Vec<u8>, XlsxError> {
    let register = Register::new(elements);
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1A4480));
    let title = Format::new().set_bold().set_font_size(14);

    let sheet = workbook.add_worksheet();
    sheet.set_name("Toelichting")?;
    sheet.set_column_width(0, 110)?;
    let lines = [
        format!("Register van {organisation}, uit Regisseur"),
        String::new(),
        "Blad 'Applicatielijst': één rij per applicatie, in de kolommen die de import leest. Pas dit blad aan en".into(),
        "importeer het opnieuw (regisseur import of de importpagina) om applicaties bij te werken.".into(),
        "De andere bladen tonen elk soort onderdeel van het register met al zijn velden; verwijzingen staan er als naam.".into(),
        "Bedragen in euro's (12.345,67), datums als dd-mm-jjjj, ja/nee-velden als ja of nee; BIV 1 = laag, 2 = midden, 3 = hoog.".into(),
        "Kolommen met vaste waarden hebben een keuzelijst.".into(),
    ];
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            sheet.write_string_with_format(0, 0, line, &title)?;
        } else {
            sheet.write_string(i as u32, 0, line)?;
        }
    }

    let list = application_list_rows(elements, catalog);
    let sheet = workbook.add_worksheet();
    sheet.set_name("Applicatielijst")?;
    write_table(sheet, &list, &header)?;
    let lists: [(usize, Vec<&str>); 7] = [
        (
            7,
            regisseur_domain::landscape::HOSTING
                .iter()
                .map(|c| c.value)
                .collect(),
        ),
        (
            8,
            regisseur_domain::landscape::LIFECYCLE
                .iter()
                .map(|c| c.value)
                .collect(),
        ),
        (9, vec!["ja", "nee"]),
        (10, vec!["1", "2", "3"]),
        (11, vec!["1", "2", "3"]),
        (12, vec!["1", "2", "3"]),
        (13, vec!["ja", "nee"]),
    ];
    for (col, values) in lists {
        let validation = DataValidation::new().allow_list_strings(&values)?;
        sheet.add_data_validation(1, col as u16, SHEET_ROWS_MAX, col as u16, &validation)?;
    }
    let validation = DataValidation::new().allow_list_strings(&["ja", "nee"])?;
    sheet.add_data_validation(1, 17, SHEET_ROWS_MAX, 17, &validation)?;

    let mut long_lists: Vec<Vec<String>> = Vec::new();
    for kind in EntityKind::ALL {
        let sheet = workbook.add_worksheet();
        sheet.set_name(kind.plural(Lang::Nl))?;
        let columns = kind_columns(kind);
        let mut rows = vec![
            std::iter::once("id".to_string())
                .chain(columns.iter().map(KindColumn::header))
                .collect::<Vec<_>>(),
        ];
        let items: Vec<&Existing> = if kind == EntityKind::Relation {
            // Each relation after the relations it points at, so that the import can resolve it.
            crate::archimate::relations_in_order(elements)
        } else {
            let mut items: Vec<&Existing> = register.of_kind(kind).collect();
            items.sort_by_key(|e| e.record.name().unwrap_or("").to_lowercase());
            items
        };
        for element in items {
            let mut row = vec![element.id.to_string()];
            row.extend(columns.iter().map(|column| {
                let value = element.record.get(column.field.name);
                if column.ids {
                    id_text(value)
                } else {
                    cell_text(kind, column.field.name, value, &register, catalog)
                }
            }));
            rows.push(row);
        }
        write_table(sheet, &rows, &header)?;
        for (i, column) in columns.iter().enumerate() {
            let col = (i + 1) as u16;
            if column.ids {
                // The ids behind the names: hidden, so an import reproduces every reference
                // exactly, also where two elements share a name.
                sheet.set_column_hidden(col)?;
                continue;
            }
            let values: Vec<String> = match column.field.ty {
                FieldType::Choice(choices) => choices.iter().map(|c| c.value.to_string()).collect(),
                FieldType::Bool => vec!["ja".into(), "nee".into()],
                FieldType::Biv => vec!["1".into(), "2".into(), "3".into()],
                _ => continue,
            };
            // Excel takes at most 255 characters in a list; longer ones come from a sheet.
            let validation = if values.iter().map(|v| v.len() + 1).sum::<usize>() <= 255 {
                DataValidation::new().allow_list_strings(&values)?
            } else {
                let letter = char::from(b'A' + long_lists.len() as u8);
                let range = format!("'{LISTS_SHEET}'!${letter}$1:${letter}${}", values.len());
                long_lists.push(values);
                DataValidation::new().allow_list_formula(range.as_str().into())
            };
            sheet.add_data_validation(1, col, SHEET_ROWS_MAX, col, &validation)?;
        }
    }
    if !long_lists.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(LISTS_SHEET)?;
        for (col, values) in long_lists.iter().enumerate() {
            for (row, value) in values.iter().enumerate() {
                sheet.write_string(row as u32, col as u16, value)?;
            }
        }
        sheet.set_hidden(true);
    }
    workbook.save_to_buffer()
}

fn write_table(
    sheet: &mut rust_xlsxwriter::Worksheet,
    rows: &[Vec<String>],
    header: &Format,
) -> Result<(), XlsxError> {
    let columns = rows.first().map_or(0, Vec::len);
    let mut widths = vec![8usize; columns];
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if r == 0 {
                sheet.write_string_with_format(0, c as u16, value, header)?;
            } else if !value.is_empty() {
                sheet.write_string(r as u32, c as u16, value)?;
            }
            let longest_line = value.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            widths[c] = widths[c].max(longest_line + 2);
        }
    }
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*width).min(60) as f64)?;
    }
    if columns > 0 {
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(
            0,
            0,
            rows.len().saturating_sub(1).max(1) as u32,
            (columns - 1) as u16,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applist::parse_application_list;
    use crate::plan::plan_application_list;
    use crate::sheet::{Format as FileFormat, read_grid};
    use regisseur_domain::landscape::{Change, InputMode, validate};

    fn register_from(csv: &str) -> Vec<Existing> {
        let grid = read_grid(FileFormat::Csv, csv.as_bytes()).expect("grid");
        let list = parse_application_list(&grid, ReferenceCatalog::gemma()).expect("list");
        let plan = plan_application_list(&list, &[], ReferenceCatalog::gemma());
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        plan.changes
            .iter()
            .map(|c| match c {
                Change::Create { id, kind, fields } => {
                    let (record, _) = validate(*kind, fields, InputMode::Api, &|_| true);
                    Existing {
                        id: *id,
                        version: 1,
                        record,
                    }
                }
                Change::Update { .. } => unreachable!("an empty register has nothing to update"),
            })
            .collect()
    }

    const LIST: &str = "naam;versie;referentiecomponent;leverancier;eigenaar;status;hosting;bedrijfskritisch;biv;persoonsgegevens;jaarkosten;contract einddatum;opzegtermijn;verwerkersovereenkomst;datalocatie;Afdeling\n\
        Zaaksysteem;8.4;Zaakregistratiecomponent;Centric;Petra;in gebruik;SaaS;ja;2-3-2;ja;€ 12.345,67;31-12-2027;12;ja;Ierland;Publiekszaken\n\
        Burgerzaken;2026.1;Burgerzakencomponent;PinkRoccade;;uitfasering;on premise;nee;;nee;1000;;;;;\n";

    #[test]
    fn exported_list_imports_back_without_changes() {
        let register = register_from(LIST);
        let csv = application_list_csv(&register, ReferenceCatalog::gemma());
        let grid = read_grid(FileFormat::Csv, &csv).expect("grid");
        let list = parse_application_list(&grid, ReferenceCatalog::gemma()).expect("list");
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        let plan = plan_application_list(&list, &register, ReferenceCatalog::gemma());
        assert!(plan.changes.is_empty(), "{:?}", plan.changes);
        let text = String::from_utf8_lossy(&csv);
        assert!(text.contains("Zaaksysteem;8.4;Zaakregistratiecomponent;Centric;Petra;;;saas;in-gebruik;ja;2;3;2;ja;12.345,67;31-12-2027;12;ja;IE;Publiekszaken"), "{text}");
    }

    #[test]
    fn the_workbook_has_a_sheet_per_kind_and_reads_back() {
        let register = register_from(LIST);
        let bytes = register_workbook("Gemeente Voorbeeld", &register, ReferenceCatalog::gemma())
            .expect("workbook");
        let grid = read_grid(FileFormat::Xlsx, &bytes).expect("the first sheet reads");
        assert!(
            grid.rows[0][0]
                .text()
                .starts_with("Register van Gemeente Voorbeeld")
        );
        // The workbook imports back as an application list without changes.
        let sheets = crate::sheet::read_sheets(FileFormat::Xlsx, &bytes).expect("sheets");
        let list = crate::applist::parse_application_sheets(&sheets, ReferenceCatalog::gemma())
            .expect("list");
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        let plan = plan_application_list(&list, &register, ReferenceCatalog::gemma());
        assert!(plan.changes.is_empty(), "{:?}", plan.changes);
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("open");
        let names = workbook.sheet_names();
        // Explanation, application list, a sheet per kind, and the hidden long value lists.
        assert_eq!(names.len(), 3 + EntityKind::ALL.len());
        assert!(names.contains(&LISTS_SHEET.to_string()));
        assert!(
            names.contains(&"Applicatielijst".to_string())
                && names.contains(&"Leveranciers".to_string())
        );
        let range = workbook.worksheet_range("Applicatielijst").expect("sheet");
        assert_eq!(range.height(), 3);
    }
}
