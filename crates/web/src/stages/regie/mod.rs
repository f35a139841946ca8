//! Regie in the interface: the director's agenda (overdue, the next 90 days) with its secret
//! calendar feed, and per contract its obligations, the SLA report with credits and chronic
//! failure, the measurements (outages, incidents, the supplier's monthly report), and the
//! relationship health of both sides with its warnings. A supplier's users see only their own
//! supplier's contracts, upload the monthly report and answer the supplier's side.

use crate::AppState;
use crate::kit::auth::Auth;
use crate::kit::charts::{Chart, Ink, Legend, PALETTE, Polyline, Scale, euro, percent};
use crate::kit::clock::today;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{
    Chrome, Fail, OrPage, fail, form_field as one, form_pairs as pairs, membership, query_has,
    render, see_other, store_result,
};
use crate::kit::register::agenda_items_in;
use crate::kit::register::date_field;
use crate::kit::register::name_of;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::regie::health::{Side, Survey, quarter_text, warnings};
use regisseur_domain::regie::obligations::{Obligation, ObligationKind, Recurrence, agenda};
use regisseur_domain::regie::register::{Expectation, Innovation, InnovationStatus, Outcome};
use regisseur_domain::regie::sla::{Incident, NormKind, Outage, Reported, compute};
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{Element, Membership, StoreError};
use std::collections::BTreeMap;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/regie", get(agenda_page))
        .route("/o/{slug}/regie/agenda-feed", post(create_feed))
        .route("/o/{slug}/regie/agenda-feed/intrekken", post(revoke_feed))
        .route("/agenda/{file}", get(feed))
        .route("/o/{slug}/regie/{contract}", get(contract_page))
        .route(
            "/o/{slug}/regie/{contract}/verplichtingen",
            post(save_obligation),
        )
        .route(
            "/o/{slug}/regie/{contract}/metingen",
            post(record_measurement),
        )
        .route("/o/{slug}/regie/{contract}/rapportage", post(upload_report))
        .route("/o/{slug}/regie/{contract}/relatie", post(save_survey))
        .route("/o/{slug}/regie/{contract}/normen", post(save_terms))
        .route(
            "/o/{slug}/regie/{contract}/verwachtingen",
            post(save_expectation),
        )
        .route(
            "/o/{slug}/regie/{contract}/innovaties",
            post(save_innovation),
        )
}

fn base(slug: &str) -> String {
    format!("/o/{slug}/regie")
}

fn may_manage(m: &Membership) -> bool {
    m.role.can_write(EntityKind::Contract)
}

fn side_of(m: &Membership) -> Side {
    if m.role.is_supplier() {
        Side::Leverancier
    } else {
        Side::Gemeente
    }
}

/// Every agenda line of the contracts a member sees.
async fn agenda_items(
    state: &AppState,
    m: &Membership,
    lang: Lang,
) -> Result<
    (
        Vec<Element>,
        Vec<regisseur_domain::regie::obligations::AgendaItem<Uuid>>,
    ),
    StoreError,
> {
    agenda_items_in(&state.store, m.organisation.id, m.supplier_scope(), lang).await
}

struct AgendaRow {
    date: String,
    what: &'static str,
    description: String,
    href: String,
}

struct ContractRow {
    name: String,
    href: String,
    end: String,
}

#[derive(Template)]
#[template(path = "regie.html")]
struct AgendaPage {
    page: Chrome,
    overdue: Vec<AgendaRow>,
    upcoming: Vec<AgendaRow>,
    contracts: Vec<ContractRow>,
    feeds: i64,
    new_feed: Option<String>,
    feed_action: String,
    revoke_action: String,
}

fn agenda_rows(
    slug: &str,
    items: &[regisseur_domain::regie::obligations::AgendaItem<Uuid>],
    lang: Lang,
) -> Vec<AgendaRow> {
    items
        .iter()
        .map(|i| AgendaRow {
            date: i.date.format("%d-%m-%Y").to_string(),
            what: i.kind.label(lang),
            description: i.description.clone(),
            href: format!("{}/{}", base(slug), i.subject),
        })
        .collect()
}

async fn agenda_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    new_feed: Option<String>,
) -> Result<AgendaPage, Fail> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let (contracts, items) = agenda_items(state, m, lang).await.or_page(headers)?;
    let a = agenda(items, today(), 90);
    Ok(AgendaPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("regie-title"), m.organisation.name),
            &base(slug),
        )
        .for_org(auth, m, Some("regie")),
        overdue: agenda_rows(slug, &a.overdue, lang),
        upcoming: agenda_rows(slug, &a.upcoming, lang),
        contracts: contracts
            .iter()
            .map(|c| ContractRow {
                name: name_of(c),
                href: format!("{}/{}", base(slug), c.id),
                end: date_field(c, "einddatum")
                    .map_or(String::new(), |d| d.format("%d-%m-%Y").to_string()),
            })
            .collect(),
        feeds: state
            .store
            .calendar_feed_count(auth.user.id, m.organisation.id)
            .await
            .or_page(headers)?,
        new_feed,
        feed_action: format!("{}/agenda-feed", base(slug)),
        revoke_action: format!("{}/agenda-feed/intrekken", base(slug)),
    })
}

async fn agenda_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let view = agenda_view(&state, &auth, m, lang, &headers, None).await?;
    Ok(render(StatusCode::OK, &view))
}

async fn create_feed(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let secret = state
        .store
        .create_calendar_feed(auth.user.id, m.organisation.id)
        .await
        .or_page(&headers)?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let url = format!("webcal://{host}/agenda/{secret}.ics");
    let view = agenda_view(&state, &auth, m, lang, &headers, Some(url)).await?;
    Ok(render(StatusCode::OK, &view))
}

async fn revoke_feed(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    state
        .store
        .revoke_calendar_feeds(auth.user.id, m.organisation.id)
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!("{}#agenda-feed", base(&slug))))
}

/// `GET /agenda/{secret}.ics`: the agenda of the feed's user, without a login; an unknown or
/// revoked secret is 404.
async fn feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let Some(secret) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(Some((user_id, organisation_id))) = state.store.calendar_feed(secret).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok(memberships) = state.store.memberships(user_id).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let Some(m) = memberships
        .into_iter()
        .find(|m| m.organisation.id == organisation_id)
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Ok((_, items)) = agenda_items(&state, &m, Lang::Nl).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    // Each event links back to its contract's page: at the installation's first trusted
    // origin, else where this request came in.
    let origin = state
        .config
        .trusted_origins
        .first()
        .cloned()
        .unwrap_or_else(|| {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("localhost");
            let scheme = if crate::kit::auth::is_https(&headers, &state) {
                "https"
            } else {
                "http"
            };
            format!("{scheme}://{host}")
        });
    let slug = m.organisation.slug.clone();
    let events: Vec<regisseur_interchange::ics::AgendaEvent> = items
        .iter()
        .map(|i| regisseur_interchange::ics::AgendaEvent {
            uid: format!("{}-{}-{}@regisseur", i.kind.code(), i.subject, i.date),
            date: i.date,
            summary: format!(
                "{}: {}",
                i.kind.label(Lang::Nl),
                i.description.split(':').next().unwrap_or_default()
            ),
            description: i.description.clone(),
            url: Some(format!("{origin}{}/{}", base(&slug), i.subject)),
        })
        .collect();
    let text = regisseur_interchange::ics::agenda_feed(
        &format!("Regie-agenda {}", m.organisation.name),
        &events,
        crate::kit::clock::now(),
    );
    let mut response = (StatusCode::OK, text).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    response
}

// ---------------------------------------------------------------------------------------------
// One contract.

struct ObligationRow {
    id: Uuid,
    kind: &'static str,
    description: String,
    recurrence: &'static str,
    next_due: String,
    overdue: bool,
    last_met: String,
}

struct SlaMonthRow {
    month: String,
    cells: Vec<(String, bool)>,
    credit: String,
}

struct ExpectationRow {
    id: Uuid,
    what: String,
    measure: String,
    when: String,
    due: bool,
    outcome: &'static str,
    outcome_code: &'static str,
    reality: String,
    wanneer: String,
}

struct InnovationRow {
    id: Uuid,
    title: String,
    description: String,
    value: String,
    status: &'static str,
    status_code: &'static str,
    proposed: String,
    by: String,
}

struct HealthRow {
    quarter: String,
    side: &'static str,
    trust: u8,
    recommend: u8,
    satisfaction: String,
    proactivity: u8,
    comment: String,
}

#[derive(Template)]
#[template(path = "regie_contract.html")]
struct ContractPage {
    page: Chrome,
    name: String,
    supplier_view: bool,
    can_manage: bool,
    obligations: Vec<ObligationRow>,
    kinds: Vec<(&'static str, &'static str)>,
    recurrences: Vec<(&'static str, &'static str)>,
    obligation_action: String,
    has_terms: bool,
    norms: Vec<(String, String)>,
    terms_action: String,
    expectations: Vec<ExpectationRow>,
    outcomes: Vec<(&'static str, &'static str)>,
    expectation_action: String,
    innovations: Vec<InnovationRow>,
    statuses: Vec<(&'static str, &'static str)>,
    innovation_action: String,
    terms_fields: Vec<(&'static str, &'static str, String)>,
    norm_rows: Vec<Vec<(String, String, String)>>,
    kinds_norm: Vec<&'static str>,
    windows: Vec<&'static str>,
    sla_rows: Vec<SlaMonthRow>,
    total_credits: String,
    chronic: Vec<String>,
    measurement_action: String,
    report_action: String,
    health: Vec<HealthRow>,
    health_chart: Option<Chart>,
    health_warnings: Vec<String>,
    survey_action: String,
    my_side: &'static str,
    services: String,
    errors: Vec<(String, String)>,
    notice: Option<String>,
}

async fn load_contract(
    state: &AppState,
    m: &Membership,
    id: &str,
    headers: &HeaderMap,
) -> Result<Element, Fail> {
    let Ok(id) = Uuid::parse_str(id) else {
        return fail(headers, StatusCode::NOT_FOUND);
    };
    match state
        .store
        .get_element(m.organisation.id, EntityKind::Contract, id)
        .await
        .or_page(headers)?
    {
        Some(e) if crate::kit::api::visible_to(m, &e) => Ok(e),
        _ => fail(headers, StatusCode::NOT_FOUND),
    }
}

fn number(v: f64, lang: Lang) -> String {
    let text = format!("{v:.2}");
    crate::kit::charts::decimal_mark(text.trim_end_matches('0').trim_end_matches('.'), lang)
}

#[allow(clippy::too_many_arguments)]
async fn contract_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    contract: &Element,
    errors: &ValidationErrors,
) -> Result<ContractPage, Fail> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let here = format!("{}/{}", base(slug), contract.id);
    let today = today();
    let obligations: Vec<ObligationRow> = state
        .store
        .obligations(m.organisation.id)
        .await
        .or_page(headers)?
        .into_iter()
        .filter(|o| o.contract_id == contract.id)
        .map(|o| {
            let next = o.obligation.next_due();
            ObligationRow {
                id: o.id,
                kind: o.obligation.soort.label(lang),
                description: o.obligation.omschrijving.clone(),
                recurrence: o.obligation.herhaling.label(lang),
                next_due: next.map_or_else(
                    || t.s("regie-done").to_string(),
                    |d| d.format("%d-%m-%Y").to_string(),
                ),
                overdue: next.is_some_and(|d| d < today),
                last_met: o
                    .obligation
                    .laatst_voldaan
                    .map_or(String::new(), |d| d.format("%d-%m-%Y").to_string()),
            }
        })
        .collect();
    // The SLA report.
    let input = state
        .store
        .sla_input(m.organisation.id, contract.id)
        .await
        .or_page(headers)?;
    let (mut norms, mut sla_rows, mut total_credits, mut chronic) =
        (Vec::new(), Vec::new(), String::new(), Vec::new());
    let mut met_per_quarter: BTreeMap<(i32, u8), bool> = BTreeMap::new();
    if let Some(input) = &input {
        norms = input
            .normen
            .iter()
            .map(|n| {
                let what = match n.soort {
                    NormKind::Beschikbaarheid => {
                        format!("{} ≥ {}%", t.s("regie-availability"), number(n.doel, lang))
                    }
                    NormKind::Reactietijd | NormKind::Oplostijd => format!(
                        "{} {}: {}% {} {} {}",
                        if n.soort == NormKind::Reactietijd {
                            t.s("regie-response")
                        } else {
                            t.s("regie-resolution")
                        },
                        n.prioriteit.clone().unwrap_or_default(),
                        number(n.doel, lang),
                        t.s("regie-within"),
                        number(n.doel_uren.unwrap_or(0.0), lang),
                        t.s("regie-hours")
                    ),
                };
                (n.id.clone(), what)
            })
            .collect();
        if let Ok(prepared) = input.prepare() {
            let report = compute(&prepared);
            met_per_quarter = report.all_met_per_quarter();
            for month in &report.months {
                sla_rows.push(SlaMonthRow {
                    month: format!("{:04}-{:02}", month.month.0, month.month.1),
                    cells: month
                        .norms
                        .iter()
                        .map(|n| {
                            (
                                n.value.map_or_else(
                                    || "–".to_string(),
                                    |v| format!("{}%", number(v, lang)),
                                ),
                                n.met,
                            )
                        })
                        .collect(),
                    credit: format!(
                        "{} ({})",
                        euro(month.credit_amount, lang),
                        percent(month.credit_share, lang)
                    ),
                });
            }
            total_credits = euro(report.total_credits, lang);
            chronic = report.chronic.clone();
        }
    }
    // Relationship health.
    let surveys = state.store.surveys(contract.id).await.or_page(headers)?;
    let health: Vec<HealthRow> = surveys
        .iter()
        .filter(|s| !m.role.is_supplier() || s.side == Side::Leverancier)
        .map(|s| HealthRow {
            quarter: quarter_text(s.quarter),
            side: s.side.label(lang),
            trust: s.survey.vertrouwen,
            recommend: s.survey.aanbeveling,
            satisfaction: number(s.survey.satisfaction(), lang),
            proactivity: s.survey.proactiviteit,
            comment: s.survey.toelichting.clone(),
        })
        .collect();
    let mut health_warnings = Vec::new();
    let mut series_by_side = Vec::new();
    for side in [Side::Gemeente, Side::Leverancier] {
        if m.role.is_supplier() && side == Side::Gemeente {
            continue;
        }
        let series: Vec<((i32, u8), f64)> = surveys
            .iter()
            .filter(|s| s.side == side)
            .map(|s| (s.quarter, s.survey.satisfaction()))
            .collect();
        for w in warnings(&series, |q| met_per_quarter.get(&q).copied()) {
            health_warnings.push(format!("{}: {}", side.label(lang), w.text(lang)));
        }
        series_by_side.push((side, series));
    }
    let health_chart = health_chart(&series_by_side, lang);
    let services = input
        .as_ref()
        .map(|_| name_of(contract))
        .unwrap_or_else(|| name_of(contract));
    Ok(ContractPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", name_of(contract), t.s("regie-title")),
            &here,
        )
        .for_org(auth, m, Some("regie")),
        name: name_of(contract),
        supplier_view: m.role.is_supplier(),
        can_manage: may_manage(m),
        obligations,
        kinds: ObligationKind::ALL
            .iter()
            .map(|k| (k.code(), k.label(lang)))
            .collect(),
        recurrences: Recurrence::ALL
            .iter()
            .map(|r| (r.code(), r.label(lang)))
            .collect(),
        obligation_action: format!("{here}/verplichtingen"),
        has_terms: input.is_some(),
        terms_action: format!("{here}/normen"),
        expectations: state
            .store
            .expectations(contract.id)
            .await
            .or_page(headers)?
            .into_iter()
            .map(|e| ExpectationRow {
                id: e.id,
                what: e.value.wat.clone(),
                measure: e.value.meetbaar.clone(),
                when: e.value.wanneer.format("%d-%m-%Y").to_string(),
                due: e.value.due(today),
                outcome: e.value.uitkomst.label(lang),
                outcome_code: e.value.uitkomst.code(),
                reality: e.value.werkelijkheid.clone(),
                wanneer: e.value.wanneer.to_string(),
            })
            .collect(),
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (o.code(), o.label(lang)))
            .collect(),
        expectation_action: format!("{here}/verwachtingen"),
        innovations: state
            .store
            .innovations(contract.id)
            .await
            .or_page(headers)?
            .into_iter()
            .map(|i| InnovationRow {
                id: i.id,
                title: i.value.titel.clone(),
                description: i.value.omschrijving.clone(),
                value: i.value.waarde.clone(),
                status: i.value.status.label(lang),
                status_code: i.value.status.code(),
                proposed: i.value.voorgesteld.format("%d-%m-%Y").to_string(),
                by: i.updated_by.clone(),
            })
            .collect(),
        statuses: InnovationStatus::ALL
            .iter()
            .map(|s| (s.code(), s.label(lang)))
            .collect(),
        innovation_action: format!("{here}/innovaties"),
        terms_fields: terms_fields(input.as_ref(), lang),
        norm_rows: norm_rows(input.as_ref().map_or(&[][..], |i| &i.normen[..]), lang),
        kinds_norm: vec!["beschikbaarheid", "reactietijd", "oplostijd"],
        windows: vec!["24x7", "kantooruren"],
        norms,
        sla_rows,
        total_credits,
        chronic,
        measurement_action: format!("{here}/metingen"),
        report_action: format!("{here}/rapportage"),
        health,
        health_chart,
        health_warnings,
        survey_action: format!("{here}/relatie"),
        my_side: side_of(m).label(lang),
        services,
        errors: errors
            .0
            .iter()
            .map(|e| (e.name.clone(), e.problem.message(lang)))
            .collect(),
        notice: None,
    })
}

const NORM_COLUMNS: [&str; 7] = [
    "id",
    "soort",
    "venster",
    "doel",
    "prioriteit",
    "doelUren",
    "staffel",
];

/// The terms form's single fields: name, label, value.
fn terms_fields(
    input: Option<&regisseur_domain::regie::sla::SlaInput>,
    lang: Lang,
) -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "maandbedrag",
            "regie-terms-fee",
            input.map_or(String::new(), |i| number(i.maandbedrag, lang)),
        ),
        (
            "maxCredit",
            "regie-terms-cap",
            input.map_or("25".to_string(), |i| number(i.max_credit * 100.0, lang)),
        ),
        (
            "vrijeDagen",
            "regie-terms-closed",
            input.map_or(String::new(), |i| i.vrije_dagen.join(", ")),
        ),
    ]
}

/// The norms as form rows (and two empty ones): (id, name, value) per column. Tiers are written
/// `99,9:10; 99:25` — below 99.9 % a credit of 10 %, below 99 % 25 %.
fn norm_rows(
    norms: &[regisseur_domain::regie::sla::Norm],
    lang: Lang,
) -> Vec<Vec<(String, String, String)>> {
    (0..norms.len() + 2)
        .map(|i| {
            let n = norms.get(i);
            NORM_COLUMNS
                .iter()
                .map(|c| {
                    let value = n.map_or(String::new(), |n| match *c {
                        "id" => n.id.clone(),
                        "soort" => serde_json::to_value(n.soort)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default(),
                        "venster" => serde_json::to_value(n.venster)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default(),
                        "doel" => number(n.doel, lang),
                        "prioriteit" => n.prioriteit.clone().unwrap_or_default(),
                        "doelUren" => n.doel_uren.map_or(String::new(), |h| number(h, lang)),
                        _ => n
                            .staffel
                            .iter()
                            .map(|t| {
                                format!(
                                    "{}:{}",
                                    number(t.onder, lang),
                                    number(t.credit * 100.0, lang)
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    });
                    (format!("normen-{i}-{c}"), format!("normen[{i}].{c}"), value)
                })
                .collect()
        })
        .collect()
}

/// The SLA terms a form describes, or every problem by its key path.
fn terms_from(form: &[(String, String)]) -> Result<regisseur_store::SlaTerms, ValidationErrors> {
    use regisseur_domain::values::parse_decimal;
    let mut errors = ValidationErrors::default();
    let decimal = |key: &str, errors: &mut ValidationErrors| -> Option<f64> {
        let text = one(form, key);
        if text.is_empty() {
            return None;
        }
        parse_decimal(&text).map_err(|p| errors.push(key, p)).ok()
    };
    let fee = regisseur_domain::values::Cents::parse_euros(&one(form, "maandbedrag"))
        .map(|c| c.0 as f64 / 100.0)
        .unwrap_or_else(|p| {
            errors.push("maandbedrag", p);
            0.0
        });
    let cap = decimal("maxCredit", &mut errors).unwrap_or(0.0) / 100.0;
    let closed: Vec<String> = one(form, "vrijeDagen")
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(String::from)
        .collect();
    let mut normen = Vec::new();
    for i in 0..50 {
        let cell = |c: &str| one(form, &format!("normen[{i}].{c}"));
        if NORM_COLUMNS
            .iter()
            .filter(|c| !matches!(**c, "soort" | "venster"))
            .all(|c| cell(c).is_empty())
        {
            continue;
        }
        let mut staffel = Vec::new();
        for (k, part) in cell("staffel")
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let parsed = part
                .split_once(':')
                .and_then(|(o, c)| Some((parse_decimal(o).ok()?, parse_decimal(c).ok()?)));
            match parsed {
                Some((onder, credit)) => {
                    staffel.push(serde_json::json!({"onder": onder, "credit": credit / 100.0}))
                }
                None => errors.push(
                    format!("normen[{i}].staffel[{k}]"),
                    regisseur_domain::Problem::NotANumber,
                ),
            }
        }
        let doel = decimal(&format!("normen[{i}].doel"), &mut errors);
        let uren = decimal(&format!("normen[{i}].doelUren"), &mut errors);
        let priority = cell("prioriteit");
        let norm = serde_json::json!({
            "id": cell("id"), "soort": cell("soort"), "venster": cell("venster"), "doel": doel.unwrap_or(0.0),
            "prioriteit": (!priority.is_empty()).then_some(priority), "doelUren": uren, "staffel": staffel,
        });
        match serde_json::from_value::<regisseur_domain::regie::sla::Norm>(norm) {
            Ok(n) => normen.push(n),
            Err(_) => errors.push(
                format!("normen[{i}].soort"),
                regisseur_domain::Problem::Required,
            ),
        }
    }
    if normen.is_empty() {
        errors.push("normen", regisseur_domain::Problem::Required);
    }
    errors.into_result(regisseur_store::SlaTerms {
        maandbedrag: fee,
        max_credit: cap,
        vrije_dagen: closed,
        normen,
    })
}

async fn save_terms(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_manage(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let result = match terms_from(&pairs(&body)) {
        Ok(terms) => store_result(
            state
                .store
                .set_sla_terms(&auth.actor(), m.organisation.id, contract.id, &terms)
                .await,
        )
        .or_page(&headers)?,
        Err(errors) => Err(errors),
    };
    answer(&state, &auth, m, lang, &headers, &contract, result, "sla").await
}

async fn save_expectation(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_manage(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    let mut errors = ValidationErrors::default();
    let when = NaiveDate::parse_from_str(&one(&form, "wanneer"), "%Y-%m-%d").unwrap_or_else(|_| {
        errors.push("wanneer", regisseur_domain::Problem::NotADate);
        NaiveDate::MIN
    });
    let expectation = Expectation {
        wat: one(&form, "wat"),
        meetbaar: one(&form, "meetbaar"),
        wanneer: when,
        uitkomst: Outcome::parse(&one(&form, "uitkomst")).unwrap_or(Outcome::Open),
        werkelijkheid: one(&form, "werkelijkheid"),
    };
    let existing = Uuid::parse_str(&one(&form, "id")).ok();
    let result = if errors.0.is_empty() {
        store_result(
            state
                .store
                .save_expectation(
                    &auth.actor(),
                    m.organisation.id,
                    contract.id,
                    existing,
                    &expectation,
                )
                .await
                .map(|_| ()),
        )
        .or_page(&headers)?
    } else {
        Err(errors)
    };
    answer(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &contract,
        result,
        "verwachtingen",
    )
    .await
}

/// A proposal: the partner (or the municipality) adds one; the municipality decides on it.
async fn save_innovation(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !(may_manage(m) || m.role.is_supplier()) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    let existing = Uuid::parse_str(&one(&form, "id")).ok();
    let result = match existing {
        Some(entry) => {
            if !may_manage(m) {
                return fail(&headers, StatusCode::FORBIDDEN);
            }
            let all = state
                .store
                .innovations(contract.id)
                .await
                .or_page(&headers)?;
            let Some(found) = all.into_iter().find(|i| i.id == entry) else {
                return fail(&headers, StatusCode::NOT_FOUND);
            };
            let mut innovation = found.value;
            innovation.status =
                InnovationStatus::parse(&one(&form, "status")).unwrap_or(innovation.status);
            store_result(
                state
                    .store
                    .save_innovation(
                        &auth.actor(),
                        m.organisation.id,
                        contract.id,
                        Some(entry),
                        &innovation,
                    )
                    .await
                    .map(|_| ()),
            )
            .or_page(&headers)?
        }
        None => {
            let innovation = Innovation {
                titel: one(&form, "titel"),
                omschrijving: one(&form, "omschrijving"),
                waarde: one(&form, "waarde"),
                status: InnovationStatus::Voorgesteld,
                voorgesteld: today(),
            };
            store_result(
                state
                    .store
                    .save_innovation(
                        &auth.actor(),
                        m.organisation.id,
                        contract.id,
                        None,
                        &innovation,
                    )
                    .await
                    .map(|_| ()),
            )
            .or_page(&headers)?
        }
    };
    answer(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &contract,
        result,
        "innovaties",
    )
    .await
}

/// Satisfaction per quarter, one line per side.
/// One side's satisfaction per quarter.
type Series = (Side, Vec<((i32, u8), f64)>);

fn health_chart(series: &[Series], lang: Lang) -> Option<Chart> {
    let t = T(lang);
    let quarters: std::collections::BTreeSet<(i32, u8)> = series
        .iter()
        .flat_map(|(_, s)| s.iter().map(|(q, _)| *q))
        .collect();
    if quarters.len() < 2 {
        return None;
    }
    let quarters: Vec<(i32, u8)> = quarters.into_iter().collect();
    let (width, height, left, right, top, bottom) = (640.0, 260.0, 40.0, 16.0, 16.0, 220.0);
    let mut chart = Chart::new(
        "relatie",
        t.s("regie-health-chart").to_string(),
        t.s("regie-health-chart-desc").to_string(),
        width,
        height,
    );
    let y = Scale {
        min: 1.0,
        max: 10.0,
        from: bottom,
        to: top,
    };
    for tick in [2.0, 4.0, 6.0, 8.0, 10.0] {
        chart.line(
            (left, y.at(tick)),
            (width - right, y.at(tick)),
            if tick == 6.0 { Ink::Bad } else { Ink::Grid },
            tick == 6.0,
        );
        chart.label(left - 6.0, y.at(tick) + 4.0, format!("{tick:.0}"), "end");
    }
    let step = (width - left - right) / quarters.len() as f64;
    let x_of = |q: (i32, u8)| {
        left + step * (quarters.iter().position(|x| *x == q).unwrap_or(0) as f64 + 0.5)
    };
    for q in &quarters {
        chart.label(x_of(*q), bottom + 18.0, quarter_text(*q), "middle");
    }
    for (i, (side, s)) in series.iter().enumerate() {
        if s.is_empty() {
            continue;
        }
        chart.polylines.push(Polyline {
            points: s
                .iter()
                .map(|(q, v)| format!("{:.1},{:.1}", x_of(*q), y.at(*v)))
                .collect::<Vec<_>>()
                .join(" "),
            ink: Ink::Series(PALETTE[i * 2]),
            dashed: i == 1,
        });
        chart.legend.push(Legend {
            colour: PALETTE[i * 2],
            name: side.label(lang).to_string(),
        });
    }
    Some(chart)
}

async fn contract_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let contract = load_contract(&state, m, &id, &headers).await?;
    let mut view = contract_view(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &contract,
        &ValidationErrors::default(),
    )
    .await?;
    if query_has(raw.as_deref(), "opgeslagen") {
        view.notice = Some(T(lang).s("detail-saved").to_string());
    }
    Ok(render(StatusCode::OK, &view))
}

/// After a form: back to the page, or the page again with the problems.
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    contract: &Element,
    result: Result<(), ValidationErrors>,
    anchor: &str,
) -> Result<Response, Fail> {
    match result {
        Ok(()) => Ok(see_other(&format!(
            "{}/{}?opgeslagen#{anchor}",
            base(&m.organisation.slug),
            contract.id
        ))),
        Err(errors) => {
            let view = contract_view(state, auth, m, lang, headers, contract, &errors).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

async fn save_obligation(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_manage(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    // "Voldaan" on an existing obligation: met today.
    if let Ok(existing) = Uuid::parse_str(&one(&form, "voldaan")) {
        let all = state
            .store
            .obligations(m.organisation.id)
            .await
            .or_page(&headers)?;
        let Some(found) = all
            .into_iter()
            .find(|o| o.id == existing && o.contract_id == contract.id)
        else {
            return fail(&headers, StatusCode::NOT_FOUND);
        };
        let mut obligation = found.obligation;
        obligation.laatst_voldaan = Some(today());
        let result = store_result(
            state
                .store
                .save_obligation(
                    &auth.actor(),
                    m.organisation.id,
                    contract.id,
                    Some(existing),
                    &obligation,
                )
                .await
                .map(|_| ()),
        )
        .or_page(&headers)?;
        return answer(
            &state,
            &auth,
            m,
            lang,
            &headers,
            &contract,
            result,
            "verplichtingen",
        )
        .await;
    }
    let mut errors = ValidationErrors::default();
    let kind = ObligationKind::parse(&one(&form, "soort"));
    let recurrence = Recurrence::parse(&one(&form, "herhaling"));
    let due = NaiveDate::parse_from_str(&one(&form, "vervaldatum"), "%Y-%m-%d").ok();
    if kind.is_none() {
        errors.push("soort", regisseur_domain::Problem::Required);
    }
    if recurrence.is_none() {
        errors.push("herhaling", regisseur_domain::Problem::Required);
    }
    if due.is_none() {
        errors.push("vervaldatum", regisseur_domain::Problem::NotADate);
    }
    let result = match (kind, recurrence, due) {
        (Some(soort), Some(herhaling), Some(vervaldatum)) if errors.0.is_empty() => {
            let obligation = Obligation {
                soort,
                omschrijving: one(&form, "omschrijving"),
                vervaldatum,
                herhaling,
                laatst_voldaan: None,
            };
            store_result(
                state
                    .store
                    .save_obligation(
                        &auth.actor(),
                        m.organisation.id,
                        contract.id,
                        None,
                        &obligation,
                    )
                    .await
                    .map(|_| ()),
            )
            .or_page(&headers)?
        }
        _ => Err(errors),
    };
    answer(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &contract,
        result,
        "verplichtingen",
    )
    .await
}

/// An outage or an incident entered by hand.
async fn record_measurement(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_manage(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    let (outages, incidents) = if one(&form, "soort") == "incident" {
        let answered = one(&form, "gereageerd");
        (
            Vec::new(),
            vec![Incident {
                id: None,
                prioriteit: one(&form, "prioriteit"),
                gemeld: one(&form, "gemeld"),
                gereageerd: (!answered.is_empty()).then_some(answered),
                opgelost: one(&form, "opgelost"),
            }],
        )
    } else {
        (
            vec![Outage {
                norm: one(&form, "norm"),
                begin: one(&form, "begin"),
                einde: one(&form, "einde"),
            }],
            Vec::new(),
        )
    };
    let result = match state
        .store
        .record_sla(
            &auth.actor(),
            m.organisation.id,
            contract.id,
            &outages,
            &incidents,
            &[],
        )
        .await
    {
        Err(StoreError::NotNow(_)) => Err({
            let mut e = ValidationErrors::default();
            e.push("sla", regisseur_domain::Problem::Required);
            e
        }),
        other => store_result(other).or_page(&headers)?,
    };
    answer(&state, &auth, m, lang, &headers, &contract, result, "sla").await
}

/// The supplier's monthly report: a CSV (or XLSX) with the columns `maand`, `norm`, `gemeten`.
/// Every bad row is listed and nothing is imported.
async fn upload_report(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    mut multipart: Multipart,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !(may_manage(m) || m.role.is_supplier()) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let upload = crate::kit::page::uploaded_file(&mut multipart).await;
    let mut errors = ValidationErrors::default();
    let reports = match upload {
        None => {
            errors.push("bestand", regisseur_domain::Problem::Required);
            Vec::new()
        }
        Some((name, bytes)) => {
            let grid = regisseur_interchange::sheet::detect_format(&name, &bytes)
                .and_then(|format| regisseur_interchange::sheet::read_grid(format, &bytes));
            match grid {
                Err(e) => {
                    errors.push(
                        format!("bestand: {e}"),
                        regisseur_domain::Problem::NotAllowed,
                    );
                    Vec::new()
                }
                Ok(grid) => {
                    let rows: Vec<Vec<String>> = grid
                        .rows
                        .iter()
                        .map(|r| r.iter().map(|c| c.text()).collect())
                        .collect();
                    reports_from(&rows, &mut errors)
                }
            }
        }
    };
    let result = if errors.0.is_empty() {
        match state
            .store
            .record_sla(
                &auth.actor(),
                m.organisation.id,
                contract.id,
                &[],
                &[],
                &reports,
            )
            .await
        {
            Err(StoreError::NotNow(_)) => {
                errors.push("sla", regisseur_domain::Problem::Required);
                Err(errors)
            }
            other => store_result(other).or_page(&headers)?,
        }
    } else {
        Err(errors)
    };
    answer(&state, &auth, m, lang, &headers, &contract, result, "sla").await
}

/// Rows of `maand;norm;gemeten` (a header row first), each problem named by its row.
fn reports_from(grid: &[Vec<String>], errors: &mut ValidationErrors) -> Vec<Reported> {
    let mut out = Vec::new();
    for (i, row) in grid.iter().enumerate().skip(1) {
        let cell = |k: usize| row.get(k).map(|c| c.trim().to_string()).unwrap_or_default();
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let measured = cell(2);
        let gemeten = if measured.is_empty() {
            None
        } else {
            match regisseur_domain::values::parse_decimal(&measured) {
                Ok(v) => Some(v),
                Err(p) => {
                    errors.push(format!("rij {}: gemeten", i + 1), p);
                    continue;
                }
            }
        };
        out.push(Reported {
            maand: cell(0),
            norm: cell(1),
            gemeten,
        });
    }
    out
}

async fn save_survey(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !(may_manage(m) || m.role.is_supplier()) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let contract = load_contract(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    let mut errors = ValidationErrors::default();
    let mut score = |key: &str| -> u8 {
        one(&form, key).parse().unwrap_or_else(|_| {
            errors.push(key, regisseur_domain::Problem::NotAnInteger);
            0
        })
    };
    let survey = Survey {
        vertrouwen: score("vertrouwen"),
        aanbeveling: score("aanbeveling"),
        tevredenheid: [(name_of(&contract), score("tevredenheid"))]
            .into_iter()
            .collect(),
        proactiviteit: score("proactiviteit"),
        toelichting: one(&form, "toelichting"),
    };
    let result = if errors.0.is_empty() {
        store_result(
            state
                .store
                .save_survey(
                    &auth.actor(),
                    m.organisation.id,
                    contract.id,
                    &one(&form, "kwartaal"),
                    side_of(m),
                    &survey,
                )
                .await,
        )
        .or_page(&headers)?
    } else {
        Err(errors)
    };
    answer(
        &state, &auth, m, lang, &headers, &contract, result, "relatie",
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// API: the SLA report, the supplier's monthly figures, a side's survey.

async fn api_contract(
    state: &AppState,
    auth: &crate::kit::auth::ApiAuth,
    slug: &str,
    id: &str,
) -> Result<(Membership, Element), crate::kit::problem::Problem> {
    let m = crate::kit::api::membership(auth, slug)?.clone();
    let id = Uuid::parse_str(id).map_err(|_| crate::kit::problem::Problem::not_found())?;
    match state
        .store
        .get_element(m.organisation.id, EntityKind::Contract, id)
        .await?
    {
        Some(e) if crate::kit::api::visible_to(&m, &e) => Ok((m, e)),
        _ => Err(crate::kit::problem::Problem::not_found()),
    }
}

/// `GET /api/v1/organisaties/{slug}/contracten/{id}/sla`: the report as `regisseur sla --json`.
pub(crate) async fn api_sla(
    State(state): State<AppState>,
    auth: crate::kit::auth::ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, crate::kit::problem::Problem> {
    let (m, contract) = api_contract(&state, &auth, &slug, &id).await?;
    let input = state
        .store
        .sla_input(m.organisation.id, contract.id)
        .await?
        .ok_or_else(|| {
            crate::kit::problem::Problem::not_found()
                .detail("Dit contract heeft nog geen SLA-normen.")
        })?;
    let prepared = input
        .prepare()
        .map_err(|e| crate::kit::problem::Problem::invalid(&e))?;
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        compute(&prepared).to_json(),
    ))
}

/// `POST /api/v1/organisaties/{slug}/contracten/{id}/sla-rapportages`: the supplier's monthly
/// figures, `[{maand, norm, gemeten}]` — all or none.
pub(crate) async fn api_reports(
    State(state): State<AppState>,
    auth: crate::kit::auth::ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, crate::kit::problem::Problem> {
    let (m, contract) = api_contract(&state, &auth, &slug, &id).await?;
    if !(may_manage(&m) || m.role.is_supplier()) {
        return Err(crate::kit::problem::Problem::forbidden());
    }
    let value = crate::kit::api::json_body(&body)?;
    let reports: Vec<Reported> = serde_json::from_value(value).map_err(|e| {
        crate::kit::problem::Problem::bad_request(format!(
            "Verwacht een lijst van {{maand, norm, gemeten}}: {e}"
        ))
    })?;
    match state
        .store
        .record_sla(
            &auth.0.actor(),
            m.organisation.id,
            contract.id,
            &[],
            &[],
            &reports,
        )
        .await
    {
        Err(StoreError::Invalid(e)) => Err(crate::kit::problem::Problem::invalid(&e)),
        other => {
            other?;
            Ok(StatusCode::NO_CONTENT.into_response())
        }
    }
}

/// `PUT /api/v1/organisaties/{slug}/contracten/{id}/relatiemetingen/{kwartaal}`: the caller's
/// side of the quarter's survey (a supplier's users answer the supplier's side).
pub(crate) async fn api_survey(
    State(state): State<AppState>,
    auth: crate::kit::auth::ApiAuth,
    Path((slug, id, quarter)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, crate::kit::problem::Problem> {
    let (m, contract) = api_contract(&state, &auth, &slug, &id).await?;
    if !(may_manage(&m) || m.role.is_supplier()) {
        return Err(crate::kit::problem::Problem::forbidden());
    }
    let survey: Survey =
        serde_json::from_value(crate::kit::api::json_body(&body)?).map_err(|e| {
            crate::kit::problem::Problem::bad_request(format!("De meting past niet: {e}"))
        })?;
    match state
        .store
        .save_survey(
            &auth.0.actor(),
            m.organisation.id,
            contract.id,
            &quarter,
            side_of(&m),
            &survey,
        )
        .await
    {
        Err(StoreError::Invalid(e)) => Err(crate::kit::problem::Problem::invalid(&e)),
        other => {
            other?;
            Ok(StatusCode::NO_CONTENT.into_response())
        }
    }
}
