//! Import and export pages: upload an application list, a register workbook or an ArchiMate
//! model, see what would change with every problem on its row, confirm; download the register
//! as a workbook, the list as CSV, or the register as an ArchiMate model.

use crate::AppState;
use crate::kit::auth::Auth;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{Chrome, Fail, OrPage, fail, membership, page_result, render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use regisseur_domain::Lang;
use regisseur_domain::landscape::EntityKind;
use regisseur_interchange::plan::Plan;
use regisseur_interchange::{FileError, export, sheet};
use regisseur_store::{Actor, Membership, StoreError};
use std::collections::BTreeMap;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/o/{slug}/importeren",
            get(import_form).post(import_preview),
        )
        .route("/o/{slug}/importeren/{upload}", post(import_confirm))
        .route("/o/{slug}/exporteren/{bestand}", get(export_download))
        // Models such as GEMMA are several megabytes; the server's overall limit still holds.
        .layer(axum::extract::DefaultBodyLimit::disable())
}

/// Importing writes applications and what they bring with them, or a whole model.
const IMPORT_KINDS: [EntityKind; 9] = EntityKind::ALL;

/// Rows of the preview shown without a problem; rows with a problem are always shown.
const PREVIEW_ROWS: usize = 300;

fn may_import(m: &Membership) -> bool {
    IMPORT_KINDS.iter().all(|k| m.role.can_write(*k))
}

struct KindCount {
    label: String,
    new: usize,
    changed: usize,
    unchanged: usize,
}

struct RowView {
    row: usize,
    name: String,
    outcome: String,
    problems: Vec<String>,
    has_error: bool,
}

struct Preview {
    file_name: String,
    counts: Vec<KindCount>,
    rows: Vec<RowView>,
    /// Rows without a problem not shown.
    hidden_rows: usize,
    error_count: usize,
    warning_count: usize,
    confirm_action: Option<String>,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    page: Chrome,
    action: String,
    may_import: bool,
    export_xlsx: String,
    export_csv: String,
    export_model: String,
    file_error: Option<String>,
    preview: Option<Preview>,
    columns: Vec<&'static str>,
}

fn page(auth: &Auth, m: &Membership, lang: Lang) -> ImportPage {
    let slug = &m.organisation.slug;
    let t = T(lang);
    ImportPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("transfer-title"), m.organisation.name),
            &format!("/o/{slug}/importeren"),
        )
        .for_org(auth, m, Some("importeren")),
        action: format!("/o/{slug}/importeren"),
        may_import: may_import(m),
        export_xlsx: format!("/o/{slug}/exporteren/register.xlsx"),
        export_csv: format!("/o/{slug}/exporteren/applicaties.csv"),
        export_model: format!("/o/{slug}/exporteren/model.xml"),
        file_error: None,
        preview: None,
        columns: export::LIST_COLUMNS.to_vec(),
    }
}

fn readable(auth: &Auth, slug: &str, headers: &HeaderMap) -> Result<Membership, Fail> {
    let m = membership(auth, slug, headers)?;
    if m.role.is_supplier() {
        return fail(headers, StatusCode::FORBIDDEN);
    }
    Ok(m.clone())
}

async fn import_form(
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = readable(&auth, &slug, &headers)?;
    Ok(render(StatusCode::OK, &page(&auth, &m, lang)))
}

/// Reads and plans an uploaded file; a file that cannot be read at all is the error.
async fn plan_file(
    state: &AppState,
    m: &Membership,
    name: &str,
    bytes: &[u8],
) -> Result<Result<Plan, FileError>, StoreError> {
    let format = match sheet::detect_format(name, bytes) {
        Ok(format) => format,
        Err(error) => return Ok(Err(error)),
    };
    let existing = state.store.register(m.organisation.id).await?;
    Ok(regisseur_interchange::plan_import(
        format,
        bytes,
        &existing,
        state.store.catalog(),
    ))
}

fn preview(plan: &Plan, file_name: &str, lang: Lang, confirm_action: Option<String>) -> Preview {
    let t = T(lang);
    let counts = plan
        .per_kind
        .iter()
        .map(|(kind, c)| KindCount {
            label: kind.plural(lang).to_string(),
            new: c.nieuw,
            changed: c.gewijzigd,
            unchanged: c.ongewijzigd,
        })
        .collect();
    let mut rows: BTreeMap<usize, RowView> = BTreeMap::new();
    for outcome in &plan.rows {
        rows.insert(
            outcome.row,
            RowView {
                row: outcome.row,
                name: outcome.name.clone(),
                outcome: t
                    .s(match outcome.outcome {
                        "nieuw" => "transfer-nieuw",
                        "gewijzigd" => "transfer-gewijzigd",
                        "ongewijzigd" => "transfer-ongewijzigd",
                        _ => "transfer-skipped",
                    })
                    .to_string(),
                problems: Vec::new(),
                has_error: false,
            },
        );
    }
    for (issues, is_error) in [(&plan.errors, true), (&plan.warnings, false)] {
        for issue in issues {
            let view = rows.entry(issue.row).or_insert_with(|| RowView {
                row: issue.row,
                name: String::new(),
                outcome: t.s("transfer-skipped").to_string(),
                problems: Vec::new(),
                has_error: false,
            });
            view.has_error |= is_error;
            let kind = if is_error {
                t.s("transfer-error")
            } else {
                t.s("transfer-warning")
            };
            view.problems.push(format!(
                "{kind}: {} '{}' — {}",
                issue.column, issue.value, issue.message
            ));
        }
    }
    // A model has thousands of rows: every row with a problem, and the first others.
    let mut shown = 0;
    let mut hidden_rows = 0;
    let rows: Vec<RowView> = rows
        .into_values()
        .filter(|r| {
            if !r.problems.is_empty() {
                return true;
            }
            shown += 1;
            if shown > PREVIEW_ROWS {
                hidden_rows += 1;
            }
            shown <= PREVIEW_ROWS
        })
        .collect();
    Preview {
        file_name: file_name.to_string(),
        counts,
        rows,
        hidden_rows,
        error_count: plan.errors.len(),
        warning_count: plan.warnings.len(),
        confirm_action: if plan.errors.is_empty() {
            confirm_action
        } else {
            None
        },
    }
}

async fn import_preview(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    mut multipart: Multipart,
) -> PageResult {
    let m = readable(&auth, &slug, &headers)?;
    if !may_import(&m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let t = T(lang);
    let upload = crate::kit::page::uploaded_file(&mut multipart).await;
    let mut view = page(&auth, &m, lang);
    let Some((name, bytes)) = upload else {
        view.file_error = Some(t.s("transfer-nofile").to_string());
        return Ok(render(StatusCode::BAD_REQUEST, &view));
    };
    match plan_file(&state, &m, &name, &bytes)
        .await
        .or_page(&headers)?
    {
        Err(error) => {
            view.file_error = Some(format!("{name}: {error}"));
            Ok(render(StatusCode::BAD_REQUEST, &view))
        }
        Ok(plan) => {
            let confirm = if plan.errors.is_empty() && !plan.changes.is_empty() {
                let id = state
                    .store
                    .save_upload(m.organisation.id, auth.user.id, &name, &bytes)
                    .await
                    .or_page(&headers)?;
                Some(format!("/o/{slug}/importeren/{id}"))
            } else {
                None
            };
            let status = if plan.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::BAD_REQUEST
            };
            view.preview = Some(preview(&plan, &name, lang, confirm));
            Ok(render(status, &view))
        }
    }
}

async fn import_confirm(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, upload)): Path<(String, String)>,
) -> PageResult {
    let m = readable(&auth, &slug, &headers)?;
    if !may_import(&m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let Ok(upload_id) = Uuid::parse_str(&upload) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let Some((name, bytes)) = state
        .store
        .upload(m.organisation.id, auth.user.id, upload_id)
        .await
        .or_page(&headers)?
    else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    // Planned again: the register may have changed since the preview.
    let plan = match plan_file(&state, &m, &name, &bytes)
        .await
        .or_page(&headers)?
    {
        Ok(plan) if plan.errors.is_empty() => plan,
        Ok(plan) => {
            let mut view = page(&auth, &m, lang);
            view.preview = Some(preview(&plan, &name, lang, None));
            return Ok(render(StatusCode::BAD_REQUEST, &view));
        }
        Err(error) => {
            let mut view = page(&auth, &m, lang);
            view.file_error = Some(format!("{name}: {error}"));
            return Ok(render(StatusCode::BAD_REQUEST, &view));
        }
    };
    let actor = Actor {
        user_id: Some(auth.user.id),
        email: auth.user.email.clone(),
    };
    match state
        .store
        .apply_changes(&actor, m.organisation.id, &plan.changes)
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict { .. }) => {
            let mut view = page(&auth, &m, lang);
            view.file_error = Some(T(lang).s("transfer-conflict").to_string());
            return Ok(render(StatusCode::CONFLICT, &view));
        }
        Err(other) => return Err(other).or_page(&headers),
    }
    state
        .store
        .delete_upload(upload_id)
        .await
        .or_page(&headers)?;
    let totals = plan.totals();
    Ok(see_other(&format!(
        "/o/{slug}/applicaties?geimporteerd={}-{}-{}",
        totals.nieuw, totals.gewijzigd, totals.ongewijzigd
    )))
}

/// What an export download holds, by the file name in its address.
#[derive(Clone, Copy)]
enum Export {
    Workbook,
    ApplicationList,
    Model,
}

impl Export {
    fn from_file(name: &str) -> Option<Export> {
        match name {
            "register.xlsx" => Some(Export::Workbook),
            "applicaties.csv" => Some(Export::ApplicationList),
            "model.xml" => Some(Export::Model),
            _ => None,
        }
    }
}

async fn export_download(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let (state, auth, headers, slug) = (&state, &auth, &headers, slug.as_str());
    page_result(
        async {
            let m = readable(auth, slug, headers)?;
            let Some(what) = Export::from_file(&file) else {
                return fail(headers, StatusCode::NOT_FOUND);
            };
            let existing = state
                .store
                .register(m.organisation.id)
                .await
                .or_page(headers)?;
            let catalog = state.store.catalog();
            let date = crate::kit::clock::today().format("%Y-%m-%d");
            Ok(match what {
                Export::Workbook => crate::kit::page::download(
                    export::register_workbook(&m.organisation.name, &existing, catalog)
                        .map_err(|e| StoreError::Other(format!("workbook: {e}")))
                        .or_page(headers)?,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    format!("register-{slug}-{date}.xlsx"),
                ),
                Export::ApplicationList => crate::kit::page::download(
                    export::application_list_csv(&existing, catalog),
                    "text/csv; charset=utf-8",
                    format!("applicaties-{slug}-{date}.csv"),
                ),
                Export::Model => crate::kit::page::download(
                    regisseur_interchange::archimate::write_model(
                        &m.organisation.name,
                        &existing,
                        catalog,
                    )
                    .into_bytes(),
                    "application/xml; charset=utf-8",
                    format!("archimate-{slug}-{date}.xml"),
                ),
            })
        }
        .await,
    )
}
