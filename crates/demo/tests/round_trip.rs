//! Every export of the demo register, read back into the same register, changes nothing: not
//! the application list (CSV), not the register workbook, not the ArchiMate exchange file.

use chrono::NaiveDate;
use regisseur_domain::landscape::{Change, Existing};
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_interchange::plan::Plan;
use regisseur_interchange::{applist, archimate, export, sheet};

fn register() -> Vec<Existing> {
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
    regisseur_demo::build(today).expect("demo").register()
}

/// What a plan would change, named, for a failure message that says what went wrong.
fn changes(plan: &Plan, register: &[Existing]) -> Vec<String> {
    plan.changes
        .iter()
        .map(|change| match change {
            Change::Create { kind, fields, .. } => format!("new {}: {fields:?}", kind.code()),
            Change::Update {
                id, kind, fields, ..
            } => {
                let before = register
                    .iter()
                    .find(|e| e.id == *id)
                    .map(|e| e.record.fields().clone())
                    .unwrap_or_default();
                let differs: Vec<String> = fields
                    .iter()
                    .filter(|(k, v)| before.get(*k) != Some(*v))
                    .map(|(k, v)| format!("{k}: {:?} -> {v}", before.get(k)))
                    .chain(
                        before
                            .keys()
                            .filter(|k| !fields.contains_key(*k))
                            .map(|k| format!("{k} removed")),
                    )
                    .collect();
                format!("changed {} {id}: {}", kind.code(), differs.join(", "))
            }
        })
        .collect()
}

fn assert_unchanged(what: &str, plan: &Plan, register: &[Existing]) {
    assert!(plan.errors.is_empty(), "{what}: {:?}", plan.errors);
    let changes = changes(plan, register);
    assert!(
        changes.is_empty(),
        "{what}: {} changes:\n{}",
        changes.len(),
        changes.join("\n")
    );
}

#[test]
fn the_application_list_reads_back_without_changes() {
    let register = register();
    let catalog = ReferenceCatalog::gemma();
    let csv = export::application_list_csv(&register, catalog);
    let grid = sheet::read_grid(sheet::Format::Csv, &csv).expect("grid");
    let list = applist::parse_application_list(&grid, catalog).expect("list");
    let plan = regisseur_interchange::plan::plan_application_list(&list, &register, catalog);
    assert_unchanged("applicaties.csv", &plan, &register);
    assert!(plan.rows.iter().all(|r| r.outcome == "ongewijzigd"));
}

#[test]
fn the_register_workbook_reads_back_without_changes() {
    let register = register();
    let catalog = ReferenceCatalog::gemma();
    let bytes =
        export::register_workbook("Gemeente Voorbeeld", &register, catalog).expect("workbook");
    let sheets = sheet::read_sheets(sheet::Format::Xlsx, &bytes).expect("sheets");
    let list = applist::parse_application_sheets(&sheets, catalog).expect("list");
    let plan = regisseur_interchange::plan::plan_application_list(&list, &register, catalog);
    assert_unchanged("register.xlsx", &plan, &register);
}

#[test]
fn the_archimate_file_reads_back_without_changes() {
    let register = register();
    let catalog = ReferenceCatalog::gemma();
    let xml = archimate::write_model("Gemeente Voorbeeld", &register, catalog);
    let plan = archimate::plan_file(xml.as_bytes(), &register, catalog).expect("read");
    assert_unchanged("register.xml", &plan, &register);
}

/// The counts README.md gives of the demo are the demo's: a newcomer reads what they will see.
#[test]
fn the_readme_counts_are_the_demos() {
    use regisseur_domain::landscape::EntityKind;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    let text = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = text
        .find("inhabitants, ")
        .expect("the demo's counts in README.md");
    let counts = &text[start..start + 300];
    let register = register();
    for (label, kind) in [
        ("applications", EntityKind::Application),
        ("components", EntityKind::Component),
        ("data sets", EntityKind::DataSet),
        ("suppliers", EntityKind::Supplier),
        ("contracts", EntityKind::Contract),
        ("interfaces", EntityKind::Interface),
        ("relations", EntityKind::Relation),
        ("people", EntityKind::Person),
        ("architecture elements", EntityKind::ModelElement),
    ] {
        let at = counts
            .find(&format!(" {label}"))
            .unwrap_or_else(|| panic!("README.md names no count of {label}: {counts}"));
        let number: String = counts[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let actual = register.iter().filter(|e| e.record.kind() == kind).count();
        assert_eq!(
            number.parse::<usize>().ok(),
            Some(actual),
            "README.md says {number} {label}, the demo has {actual}"
        );
    }
}
