//! Businesscase in the interface and the API: an organisation's business cases side by side,
//! one case with its yearly charges, cumulative cash, Monte Carlo histogram and tornado (each
//! chart with its table), the editor with inline validation, TOML import and export, and the
//! workbook for the controller. The calculation is `regisseur_domain::business_case`; the files
//! are `regisseur_interchange::business_case`.

pub mod form;

use crate::AppState;
use crate::kit::auth::{ApiAuth, Auth};
use crate::kit::charts::{euro, percent};
use crate::kit::figures::business_case::Analysis;
use crate::kit::figures::business_case::ChartSection;
use crate::kit::figures::business_case::cash_section;
use crate::kit::figures::business_case::charges_section;
use crate::kit::figures::business_case::histogram_section;
use crate::kit::figures::business_case::tornado_section;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{Chrome, OrPage, fail, internal_membership, query_has, render, see_other};
use crate::kit::precondition::{self, IfMatch};
use crate::kit::problem::Problem;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use form::{
    DEPRECIATION_START, FIELDS, Kind, LISTS, Values, input_from, row_filled, row_indices,
    values_from_pairs, values_of,
};
use regisseur_domain::business_case::{
    DEFAULT_RUNS, DEFAULT_SEED, Input, MonteCarlo, calculate, cents,
};
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_interchange::business_case::{Uncertainty, read_toml, to_toml, to_xlsx};
use regisseur_store::{Membership, StoreError, StoredBusinessCase};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Analyses per case and version: the Monte Carlo runs once per saved version.
#[derive(Default)]
pub struct AnalysisCache(Mutex<HashMap<(Uuid, i64), Arc<Analysis>>>);

/// Most analyses kept; beyond that the cache starts afresh.
const CACHE_LIMIT: usize = 64;

async fn analysis(
    state: &AppState,
    case: &StoredBusinessCase,
) -> Result<Arc<Analysis>, StoreError> {
    let key = (case.id, case.version);
    if let Ok(cache) = state.business_cases.0.lock()
        && let Some(found) = cache.get(&key)
    {
        return Ok(found.clone());
    }
    let input = case.input.clone();
    let computed = Arc::new(
        tokio::task::spawn_blocking(move || Analysis::of(&input))
            .await
            .map_err(|e| StoreError::Other(format!("business case analysis: {e}")))?,
    );
    if let Ok(mut cache) = state.business_cases.0.lock() {
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, computed.clone());
    }
    Ok(computed)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/businesscase", get(list_page))
        .route("/o/{slug}/businesscase/nieuw", get(new_form).post(create))
        .route("/o/{slug}/businesscase/controle", post(check))
        .route("/o/{slug}/businesscase/importeren", post(import_toml))
        .route("/o/{slug}/businesscase/{id}", get(detail_page))
        .route(
            "/o/{slug}/businesscase/{id}/bewerken",
            get(edit_form).post(update),
        )
        .route("/o/{slug}/businesscase/{id}/kopie", post(copy))
        .route("/o/{slug}/businesscase/{id}/verwijderen", post(delete))
        .route("/o/{slug}/businesscase/{id}/{file}", get(export))
}

fn may_edit(m: &Membership) -> bool {
    m.role.can_steer()
}

fn base(slug: &str) -> String {
    format!("/o/{slug}/businesscase")
}

async fn load(
    state: &AppState,
    m: &Membership,
    id: &str,
    headers: &HeaderMap,
) -> Result<StoredBusinessCase, crate::kit::page::Fail> {
    let Ok(id) = Uuid::parse_str(id) else {
        return fail(headers, StatusCode::NOT_FOUND);
    };
    match state
        .store
        .business_case(m.organisation.id, id)
        .await
        .or_page(headers)?
    {
        Some(case) => Ok(case),
        None => fail(headers, StatusCode::NOT_FOUND),
    }
}

// ---------------------------------------------------------------------------------------------
// The cases side by side.

struct CompareRow {
    label: &'static str,
    values: Vec<String>,
}

struct CaseColumn {
    name: String,
    href: String,
}

#[derive(Template)]
#[template(path = "businesscases.html")]
struct ListPage {
    page: Chrome,
    cases: Vec<CaseColumn>,
    rows: Vec<CompareRow>,
    can_edit: bool,
    new_href: String,
    import_action: String,
    import_problems: Vec<String>,
    notice: Option<String>,
}

async fn list_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
) -> Result<ListPage, crate::kit::page::Fail> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let cases = state
        .store
        .business_cases(m.organisation.id)
        .await
        .or_page(headers)?;
    let mut analyses = Vec::with_capacity(cases.len());
    for case in &cases {
        analyses.push(analysis(state, case).await.or_page(headers)?);
    }
    let row =
        |label: &'static str, f: &dyn Fn(&StoredBusinessCase, &Analysis) -> String| CompareRow {
            label,
            values: cases.iter().zip(&analyses).map(|(c, a)| f(c, a)).collect(),
        };
    let none = || t.s("bc-none").to_string();
    let mc = |a: &Analysis, f: &dyn Fn(&MonteCarlo) -> String| {
        a.monte_carlo.as_ref().map_or_else(none, f)
    };
    let last = |a: &Analysis, out: bool| {
        a.outcome.jaren.last().map_or_else(none, |y| {
            euro(
                if out {
                    y.uitbesteed.totaal
                } else {
                    y.eigen_beheer.totaal
                },
                lang,
            )
        })
    };
    let rows = vec![
        row("bc-horizon", &|c, _| {
            let years = c.input.years();
            format!("{}–{}", years.start, years.end - 1)
        }),
        row("bc-npv-own", &|_, a| euro(a.outcome.ncw_eigen_beheer, lang)),
        row("bc-npv-out", &|_, a| euro(a.outcome.ncw_uitbesteed, lang)),
        row("bc-npv-diff", &|_, a| euro(a.outcome.ncw_verschil, lang)),
        row("bc-payback", &|_, a| {
            a.outcome
                .terugverdienjaar
                .map_or_else(none, |y| y.to_string())
        }),
        row("bc-last-own", &|_, a| last(a, false)),
        row("bc-last-out", &|_, a| last(a, true)),
        row("bc-p10", &|_, a| mc(a, &|m| euro(m.p10, lang))),
        row("bc-p50", &|_, a| mc(a, &|m| euro(m.p50, lang))),
        row("bc-p90", &|_, a| mc(a, &|m| euro(m.p90, lang))),
        row("bc-cheaper", &|_, a| {
            mc(a, &|m| percent(m.cheaper_share, lang))
        }),
    ];
    let base = base(slug);
    Ok(ListPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("bc-title"), m.organisation.name),
            &base,
        )
        .for_org(auth, m, Some("businesscase")),
        cases: cases
            .iter()
            .map(|c| CaseColumn {
                name: c.input.naam.clone(),
                href: format!("{base}/{}", c.id),
            })
            .collect(),
        rows,
        can_edit: may_edit(m),
        new_href: format!("{base}/nieuw"),
        import_action: format!("{base}/importeren"),
        import_problems: Vec::new(),
        notice: None,
    })
}

async fn list_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let mut view = list_view(&state, &auth, m, lang, &headers).await?;
    if query_has(raw.as_deref(), "verwijderd") {
        view.notice = Some(T(lang).s("bc-deleted").to_string());
    }
    Ok(render(StatusCode::OK, &view))
}

async fn import_toml(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    mut multipart: Multipart,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let t = T(lang);
    let problems: Vec<String> = match crate::kit::page::uploaded_file(&mut multipart).await {
        None => vec![t.s("transfer-nofile").to_string()],
        Some((name, bytes)) => match String::from_utf8(bytes) {
            Err(_) => vec![format!("{name}: {}", t.s("bc-import-notutf8"))],
            Ok(text) => match read_toml(&text, lang) {
                Ok(input) => {
                    let stored = state
                        .store
                        .create_business_case(&auth.actor(), m.organisation.id, &input)
                        .await
                        .or_page(&headers)?;
                    return Ok(see_other(&format!(
                        "{}/{}?geimporteerd",
                        base(&slug),
                        stored.id
                    )));
                }
                Err(found) => found
                    .iter()
                    .map(|p| format!("{name}: {}", p.text(lang)))
                    .collect(),
            },
        },
    };
    let mut view = list_view(&state, &auth, m, lang, &headers).await?;
    view.import_problems = problems;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
}

// ---------------------------------------------------------------------------------------------
// One case: figures, charts and tables.

struct Figure {
    label: &'static str,
    value: String,
}

struct InputList {
    title: &'static str,
    headings: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "businesscase.html")]
struct DetailPage {
    page: Chrome,
    name: String,
    updated: String,
    figures: Vec<Figure>,
    verdict: String,
    uncertainty: Vec<Figure>,
    reproduce: String,
    sections: Vec<ChartSection>,
    assumptions: Vec<Figure>,
    inputs: Vec<InputList>,
    can_edit: bool,
    edit_href: String,
    copy_action: String,
    delete_action: String,
    xlsx_href: String,
    toml_href: String,
    list_href: String,
    notice: Option<String>,
}

async fn detail_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let t = T(lang);
    let case = load(&state, m, &id, &headers).await?;
    let a = analysis(&state, &case).await.or_page(&headers)?;
    let input = &case.input;
    let o = &a.outcome;
    let here = format!("{}/{}", base(&slug), case.id);
    let years = input.years();
    let verdict = t.f(
        if o.ncw_verschil < 0.0 {
            "bc-verdict-cheaper"
        } else if o.ncw_verschil > 0.0 {
            "bc-verdict-dearer"
        } else {
            "bc-verdict-even"
        },
        &[
            ("bedrag", &euro(o.ncw_verschil.abs(), lang)),
            ("jaren", &input.looptijd_jaren.to_string()),
        ],
    );
    let mut sections = vec![charges_section(o, lang), cash_section(o, lang)];
    let mut uncertainty = Vec::new();
    if let Some(mc) = &a.monte_carlo {
        uncertainty = vec![
            Figure {
                label: "bc-p10",
                value: euro(mc.p10, lang),
            },
            Figure {
                label: "bc-p50",
                value: euro(mc.p50, lang),
            },
            Figure {
                label: "bc-p90",
                value: euro(mc.p90, lang),
            },
            Figure {
                label: "bc-cheaper",
                value: percent(mc.cheaper_share, lang),
            },
            Figure {
                label: "bc-runs",
                value: format!("{} (seed {DEFAULT_SEED})", mc.runs),
            },
        ];
        sections.push(histogram_section(mc, o.ncw_verschil, lang));
        sections.push(tornado_section(input, &a.tornado, o.ncw_verschil, lang));
    }
    let page =
        DetailPage {
            page: Chrome::new(lang, format!("{} — {}", input.naam, t.s("bc-title")), &here)
                .for_org(&auth, m, Some("businesscase")),
            name: input.naam.clone(),
            updated: format!(
                "{} {} {} {}",
                t.s("bc-updated"),
                case.updated_at.format("%d-%m-%Y %H:%M"),
                t.s("bc-by"),
                case.updated_by
            ),
            figures: vec![
                Figure {
                    label: "bc-npv-own",
                    value: euro(o.ncw_eigen_beheer, lang),
                },
                Figure {
                    label: "bc-npv-out",
                    value: euro(o.ncw_uitbesteed, lang),
                },
                Figure {
                    label: "bc-npv-diff",
                    value: euro(o.ncw_verschil, lang),
                },
                Figure {
                    label: "bc-payback",
                    value: o
                        .terugverdienjaar
                        .map_or_else(|| t.s("bc-payback-none").to_string(), |y| y.to_string()),
                },
            ],
            verdict,
            uncertainty,
            reproduce: format!(
                "regisseur business-case {}.toml --runs {DEFAULT_RUNS} --seed {DEFAULT_SEED}",
                file_stem(&input.naam)
            ),
            sections,
            assumptions: vec![
                Figure {
                    label: "bc-horizon",
                    value: format!(
                        "{}–{} ({} {})",
                        years.start,
                        years.end - 1,
                        input.looptijd_jaren,
                        t.s("bc-years")
                    ),
                },
                Figure {
                    label: "bc-field-discount",
                    value: percent(input.discontovoet, lang),
                },
                Figure {
                    label: "bc-field-interest",
                    value: percent(input.omslagrente, lang),
                },
                Figure {
                    label: "bc-field-depreciationstart",
                    value: t
                        .s(match input.afschrijving_start {
                            regisseur_domain::business_case::DepreciationStart::VolgendJaar => {
                                "bc-start-next"
                            }
                            regisseur_domain::business_case::DepreciationStart::ZelfdeJaar => {
                                "bc-start-same"
                            }
                        })
                        .to_string(),
                },
                Figure {
                    label: "bc-field-direction",
                    value: percent(input.uitbesteed.regie_percentage, lang),
                },
            ],
            inputs: input_lists(input, lang),
            can_edit: may_edit(m),
            edit_href: format!("{here}/bewerken"),
            copy_action: format!("{here}/kopie"),
            delete_action: format!("{here}/verwijderen"),
            xlsx_href: format!("{here}/businesscase.xlsx"),
            toml_href: format!("{here}/businesscase.toml"),
            list_href: base(&slug),
            notice: if query_has(raw.as_deref(), "opgeslagen") {
                Some(t.s("detail-saved").to_string())
            } else if query_has(raw.as_deref(), "geimporteerd") {
                Some(t.s("bc-imported").to_string())
            } else if query_has(raw.as_deref(), "kopie") {
                Some(t.s("bc-copied").to_string())
            } else {
                None
            },
        };
    Ok(render(StatusCode::OK, &page))
}

/// The inputs as read-only tables, in the editor's columns.
fn input_lists(input: &Input, lang: Lang) -> Vec<InputList> {
    let t = T(lang);
    let values = values_of(input, lang);
    LISTS
        .iter()
        .filter_map(|list| {
            let rows: Vec<Vec<String>> = row_indices(&values, list.key)
                .into_iter()
                .map(|i| {
                    list.columns
                        .iter()
                        .filter(|c| c.key != "weg")
                        .map(|c| {
                            let v = values
                                .get(&format!("{}[{i}].{}", list.key, c.key))
                                .cloned()
                                .unwrap_or_default();
                            match c.kind {
                                Kind::Euros if !v.is_empty() => euros_display(&v, lang),
                                Kind::Percent if !v.is_empty() => format!("{v}%"),
                                Kind::Check => {
                                    if v.is_empty() { t.s("no") } else { t.s("yes") }.to_string()
                                }
                                _ => v,
                            }
                        })
                        .collect()
                })
                .collect();
            (!rows.is_empty()).then(|| InputList {
                title: list.title,
                headings: list
                    .columns
                    .iter()
                    .filter(|c| c.key != "weg")
                    .map(|c| t.s(c.heading))
                    .collect(),
                rows,
            })
        })
        .collect()
}

/// An amount from the form's text, as shown in a table: `€ 12.500,50`.
fn euros_display(text: &str, lang: Lang) -> String {
    match regisseur_domain::values::Cents::parse_euros(text) {
        Ok(c) if c.0 % 100 == 0 => euro(c.0 as f64 / 100.0, lang),
        Ok(c) => {
            let whole = euro((c.0 / 100) as f64, lang);
            format!("{whole}{}{:02}", T(lang).s("bc-text"), c.0 % 100)
        }
        Err(_) => text.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The editor.

struct FieldView {
    id: String,
    name: String,
    label: String,
    value: String,
    kind: &'static str,
    error: Option<String>,
}

struct RowView {
    number: usize,
    cells: Vec<FieldView>,
}

struct ListView {
    title: &'static str,
    headings: Vec<&'static str>,
    rows: Vec<RowView>,
}

#[derive(Template)]
#[template(path = "businesscase_form.html")]
struct FormPage {
    page: Chrome,
    heading: String,
    action: String,
    check_action: String,
    cancel_href: String,
    version: Option<i64>,
    fields: Vec<FieldView>,
    start_next: bool,
    lists: Vec<ListView>,
    errors: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "businesscase_check.html")]
struct CheckFragment {
    t: T,
    errors: Vec<(String, String, String)>,
    slots: Vec<(String, Option<String>)>,
    figures: Vec<(String, String)>,
}

fn field_id(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .replace("--", "-")
        .trim_end_matches('-')
        .to_string()
}

fn error_of(errors: &ValidationErrors, name: &str, lang: Lang) -> Option<String> {
    errors
        .0
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.problem.message(lang))
}

/// The form's fields and lists for these values, with `extra` empty rows after the last filled
/// row of each list.
fn form_model(
    values: &Values,
    errors: &ValidationErrors,
    extra: usize,
    lang: Lang,
) -> (Vec<FieldView>, Vec<ListView>) {
    let t = T(lang);
    let fields = FIELDS
        .iter()
        .map(|(key, label, kind)| FieldView {
            id: field_id(key),
            name: key.to_string(),
            label: t.s(label).to_string(),
            value: values.get(*key).cloned().unwrap_or_default(),
            kind: kind.code(),
            error: error_of(errors, key, lang),
        })
        .collect();
    let lists = LISTS
        .iter()
        .map(|list| {
            let last_filled = row_indices(values, list.key)
                .into_iter()
                .filter(|i| row_filled(values, list, *i))
                .max();
            let count = (last_filled.map_or(0, |i| i + 1) + extra).min(form::MAX_ROWS);
            ListView {
                title: list.title,
                headings: list.columns.iter().map(|c| t.s(c.heading)).collect(),
                rows: (0..count)
                    .map(|i| RowView {
                        number: i + 1,
                        cells: list
                            .columns
                            .iter()
                            .map(|c| {
                                let name = format!("{}[{i}].{}", list.key, c.key);
                                FieldView {
                                    id: field_id(&name),
                                    label: format!(
                                        "{}, {} {}",
                                        t.s(c.heading),
                                        t.s("bc-row"),
                                        i + 1
                                    ),
                                    value: values.get(&name).cloned().unwrap_or_default(),
                                    kind: c.kind.code(),
                                    error: error_of(errors, &name, lang),
                                    name,
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    (fields, lists)
}

fn summary(errors: &ValidationErrors, lang: Lang) -> Vec<(String, String, String)> {
    errors
        .0
        .iter()
        .map(|e| (field_id(&e.name), e.name.clone(), e.problem.message(lang)))
        .collect()
}

fn form_page(
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    values: &Values,
    errors: &ValidationErrors,
    existing: Option<&StoredBusinessCase>,
    extra: usize,
) -> FormPage {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let (heading, action) = match existing {
        Some(c) => (
            format!("{}: {}", t.s("bc-edit"), c.input.naam),
            format!("{}/{}/bewerken", base(slug), c.id),
        ),
        None => (t.s("bc-new").to_string(), format!("{}/nieuw", base(slug))),
    };
    let (fields, lists) = form_model(values, errors, extra, lang);
    FormPage {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some("businesscase")),
        heading,
        check_action: format!("{}/controle", base(slug)),
        cancel_href: existing.map_or_else(|| base(slug), |c| format!("{}/{}", base(slug), c.id)),
        version: existing.map(|c| c.version),
        fields,
        start_next: values
            .get(DEPRECIATION_START)
            .is_none_or(|v| v != "zelfde-jaar"),
        lists,
        errors: summary(errors, lang),
        action,
    }
}

/// A new case starts from next year, ten years, the default rates.
fn blank_values(lang: Lang) -> Values {
    let next = chrono::Datelike::year(&crate::kit::clock::today()) + 1;
    let mut values = Values::new();
    values.insert("startjaar".into(), next.to_string());
    values.insert("looptijdJaren".into(), "10".into());
    for (key, value) in [
        ("discontovoet", 2.25),
        ("omslagrente", 2.0),
        ("uitbesteed.regiePercentage", 4.0),
    ] {
        values.insert(
            key.into(),
            crate::kit::charts::decimal_mark(&format!("{value}"), lang),
        );
    }
    values.insert(DEPRECIATION_START.into(), "volgend-jaar".into());
    values
}

const EMPTY_ROWS: usize = 2;

async fn new_form(
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let view = form_page(
        &auth,
        m,
        lang,
        &blank_values(lang),
        &ValidationErrors::default(),
        None,
        EMPTY_ROWS,
    );
    Ok(render(StatusCode::OK, &view))
}

async fn edit_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let case = load(&state, m, &id, &headers).await?;
    let view = form_page(
        &auth,
        m,
        lang,
        &values_of(&case.input, lang),
        &ValidationErrors::default(),
        Some(&case),
        EMPTY_ROWS,
    );
    Ok(render(StatusCode::OK, &view))
}

fn posted(body: &Bytes) -> (Values, bool) {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let more = pairs.iter().any(|(k, v)| k == "actie" && v == "meer");
    (values_from_pairs(&pairs), more)
}

async fn create(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let (values, more) = posted(&body);
    if more {
        let view = form_page(
            &auth,
            m,
            lang,
            &values,
            &ValidationErrors::default(),
            None,
            EMPTY_ROWS + 3,
        );
        return Ok(render(StatusCode::OK, &view));
    }
    match input_from(&values) {
        Ok(input) => {
            let stored = state
                .store
                .create_business_case(&auth.actor(), m.organisation.id, &input)
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!(
                "{}/{}?opgeslagen",
                base(&slug),
                stored.id
            )))
        }
        Err(errors) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&auth, m, lang, &values, &errors, None, EMPTY_ROWS),
        )),
    }
}

async fn update(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let case = load(&state, m, &id, &headers).await?;
    let (values, more) = posted(&body);
    if more {
        let view = form_page(
            &auth,
            m,
            lang,
            &values,
            &ValidationErrors::default(),
            Some(&case),
            EMPTY_ROWS + 3,
        );
        return Ok(render(StatusCode::OK, &view));
    }
    let version = values
        .get("versie")
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(case.version);
    match input_from(&values) {
        Ok(input) => {
            state
                .store
                .update_business_case(&auth.actor(), m.organisation.id, case.id, version, &input)
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!(
                "{}/{}?opgeslagen",
                base(&slug),
                case.id
            )))
        }
        Err(errors) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&auth, m, lang, &values, &errors, Some(&case), EMPTY_ROWS),
        )),
    }
}

/// Inline validation while editing: the problems on every field of the posted form (as
/// out-of-band swaps of the fields' message slots) and, when the input is complete, its key
/// figures.
async fn check(
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let (values, _) = posted(&body);
    let result = input_from(&values);
    let errors = result.as_ref().err().cloned().unwrap_or_default();
    let mut slots: Vec<(String, Option<String>)> = FIELDS
        .iter()
        .map(|(key, ..)| (field_id(key), error_of(&errors, key, lang)))
        .collect();
    for list in &LISTS {
        for i in row_indices(&values, list.key) {
            for c in list.columns {
                let name = format!("{}[{i}].{}", list.key, c.key);
                slots.push((field_id(&name), error_of(&errors, &name, lang)));
            }
        }
    }
    let t = T(lang);
    let figures = match &result {
        Ok(input) => {
            let o = calculate(input);
            vec![
                (t.s("bc-npv-diff").to_string(), euro(o.ncw_verschil, lang)),
                (
                    t.s("bc-payback").to_string(),
                    o.terugverdienjaar
                        .map_or_else(|| t.s("bc-payback-none").to_string(), |y| y.to_string()),
                ),
            ]
        }
        Err(_) => Vec::new(),
    };
    Ok(render(
        StatusCode::OK,
        &CheckFragment {
            t,
            errors: summary(&errors, lang),
            slots,
            figures,
        },
    ))
}

async fn copy(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let case = load(&state, m, &id, &headers).await?;
    let mut input = case.input.clone();
    input.naam = format!("{} ({})", input.naam, T(lang).s("bc-copy-suffix"))
        .chars()
        .take(200)
        .collect();
    let stored = state
        .store
        .create_business_case(&auth.actor(), m.organisation.id, &input)
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!(
        "{}/{}/bewerken",
        base(&slug),
        stored.id
    )))
}

async fn delete(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_edit(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let case = load(&state, m, &id, &headers).await?;
    state
        .store
        .delete_business_case(&auth.actor(), m.organisation.id, case.id, None)
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!("{}?verwijderd", base(&slug))))
}

/// A file name from the case's name: letters, digits and dashes.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "businesscase".into()
    } else {
        stem.chars().take(60).collect()
    }
}

async fn export(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id, file)): Path<(String, String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let case = load(&state, m, &id, &headers).await?;
    let stem = file_stem(&case.input.naam);
    match file.as_str() {
        "businesscase.toml" => {
            let text = to_toml(&case.input)
                .map_err(StoreError::Other)
                .or_page(&headers)?;
            Ok(crate::kit::page::download(
                text.into_bytes(),
                "application/toml; charset=utf-8",
                format!("{stem}.toml"),
            ))
        }
        "businesscase.xlsx" => {
            let a = analysis(&state, &case).await.or_page(&headers)?;
            let uncertainty = a.monte_carlo.as_ref().map(|mc| Uncertainty {
                monte_carlo: mc,
                seed: DEFAULT_SEED,
                tornado: &a.tornado,
            });
            let bytes = to_xlsx(&case.input, &a.outcome, uncertainty.as_ref(), lang)
                .map_err(|e| StoreError::Other(e.to_string()))
                .or_page(&headers)?;
            Ok(crate::kit::page::download(
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                format!("{stem}.xlsx"),
            ))
        }
        _ => fail(&headers, StatusCode::NOT_FOUND),
    }
}

// ---------------------------------------------------------------------------------------------
// API.

fn case_json(slug: &str, case: &StoredBusinessCase, a: &Analysis) -> Value {
    let mut outcome = a.outcome.to_json();
    if let Some(mc) = &a.monte_carlo {
        outcome["monteCarlo"] = json!({
            "runs": mc.runs, "seed": DEFAULT_SEED, "p10": cents(mc.p10), "p50": cents(mc.p50), "p90": cents(mc.p90),
            "kansGoedkoper": (mc.cheaper_share * 10_000.0).round() / 10_000.0,
        });
        outcome["tornado"] = a
            .tornado
            .iter()
            .map(|b| json!({"invoer": b.input, "laag": cents(b.low), "hoog": cents(b.high)}))
            .collect();
    }
    json!({
        "id": case.id.to_string(),
        "versie": case.version,
        "gewijzigdOp": case.updated_at.to_rfc3339(),
        "gewijzigdDoor": case.updated_by,
        "invoer": serde_json::to_value(&case.input).unwrap_or(Value::Null),
        "uitkomst": outcome,
        "_links": {"self": {"href": format!("/api/v1/organisaties/{slug}/businesscases/{}", case.id)}},
    })
}

/// The input from an API body: the structure of the TOML file as JSON (an `invoer` object, or
/// the structure itself); `versie` may accompany it.
fn api_input(body: &Bytes) -> Result<(Input, Option<i64>), Problem> {
    let value = crate::kit::api::json_body(body)?;
    let Value::Object(mut object) = value else {
        return Err(Problem::bad_request("De body moet een JSON-object zijn."));
    };
    let version = object.remove("versie").and_then(|v| v.as_i64());
    object.remove("id");
    let data = match object.remove("invoer") {
        Some(inner) => inner,
        None => Value::Object(object),
    };
    let input: Input = serde_json::from_value(data).map_err(|e| {
        Problem::bad_request(format!("De invoer past niet op de businesscase: {e}"))
    })?;
    input.check().map_err(|e| Problem::invalid(&e))?;
    Ok((input, version))
}

fn api_editor<'a>(auth: &'a ApiAuth, slug: &str) -> Result<&'a Membership, Problem> {
    let m = crate::kit::api::internal_membership(auth, slug)?;
    if may_edit(m) {
        Ok(m)
    } else {
        Err(Problem::forbidden())
    }
}

async fn api_load(
    state: &AppState,
    m: &Membership,
    id: &str,
) -> Result<StoredBusinessCase, Problem> {
    let id = Uuid::parse_str(id).map_err(|_| Problem::not_found())?;
    state
        .store
        .business_case(m.organisation.id, id)
        .await?
        .ok_or_else(Problem::not_found)
}

/// `GET /api/v1/organisaties/{slug}/businesscases`
pub(crate) async fn api_list(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let cases = state.store.business_cases(m.organisation.id).await?;
    let mut items = Vec::with_capacity(cases.len());
    for case in &cases {
        items.push(case_json(
            &slug,
            case,
            analysis(&state, case).await?.as_ref(),
        ));
    }
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        json!({"_embedded": {"businesscases": items}, "totaal": cases.len()}),
    ))
}

/// `POST /api/v1/organisaties/{slug}/businesscases`
pub(crate) async fn api_create(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let m = api_editor(&auth, &slug)?;
    let (input, _) = api_input(&body)?;
    let stored = state
        .store
        .create_business_case(&auth.0.actor(), m.organisation.id, &input)
        .await?;
    let json = case_json(&slug, &stored, analysis(&state, &stored).await?.as_ref());
    let mut response = crate::kit::api::json_response(StatusCode::CREATED, json);
    if let Ok(location) = header::HeaderValue::from_str(&format!(
        "/api/v1/organisaties/{slug}/businesscases/{}",
        stored.id
    )) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /api/v1/organisaties/{slug}/businesscases/{id}`, with its `ETag`; 304 on a matching
/// `If-None-Match`.
pub(crate) async fn api_get(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let case = api_load(&state, m, &id).await?;
    if precondition::not_modified(&headers, case.version) {
        return Ok(precondition::with_etag(
            axum::response::IntoResponse::into_response(StatusCode::NOT_MODIFIED),
            case.version,
        ));
    }
    Ok(precondition::with_etag(
        crate::kit::api::json_response(
            StatusCode::OK,
            case_json(&slug, &case, analysis(&state, &case).await?.as_ref()),
        ),
        case.version,
    ))
}

/// `PUT /api/v1/organisaties/{slug}/businesscases/{id}`: `versie` in the body or `If-Match`.
pub(crate) async fn api_replace(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Problem> {
    let m = api_editor(&auth, &slug)?;
    let case = api_load(&state, m, &id).await?;
    let (input, version) = api_input(&body)?;
    let condition = IfMatch::from_headers(&headers);
    condition.check(case.version)?;
    let version = match version {
        Some(version) => version,
        None if condition.present() => case.version,
        None => {
            let mut errors = ValidationErrors::default();
            errors.push("versie", regisseur_domain::Problem::Required);
            return Err(Problem::invalid(&errors));
        }
    };
    let stored = state
        .store
        .update_business_case(&auth.0.actor(), m.organisation.id, case.id, version, &input)
        .await
        .map_err(|e| precondition::store_error(&condition, e))?;
    Ok(precondition::with_etag(
        crate::kit::api::json_response(
            StatusCode::OK,
            case_json(&slug, &stored, analysis(&state, &stored).await?.as_ref()),
        ),
        stored.version,
    ))
}

/// `DELETE /api/v1/organisaties/{slug}/businesscases/{id}`; with `If-Match`, only while the
/// business case is at that version (412 otherwise).
pub(crate) async fn api_delete(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let m = api_editor(&auth, &slug)?;
    let case = api_load(&state, m, &id).await?;
    let condition = IfMatch::from_headers(&headers);
    condition.check(case.version)?;
    state
        .store
        .delete_business_case(
            &auth.0.actor(),
            m.organisation.id,
            case.id,
            condition.present().then_some(case.version),
        )
        .await
        .map_err(|e| precondition::store_error(&condition, e))?;
    Ok(axum::response::IntoResponse::into_response(
        StatusCode::NO_CONTENT,
    ))
}
