//! Kwaliteit: the quality page (scores per area with their trend, the findings filterable by
//! severity, area and rule), the organisation's rule settings, owners' confirmations, and the
//! same report in the API. The rules and the score are `regisseur_domain::quality`; this module
//! loads the register, caches the report per register revision and renders it.

use crate::AppState;
use crate::kit::api::query_pairs;
use crate::kit::auth::{ApiAuth, Auth};
use crate::kit::clock::today;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{
    Chrome, OrPage, fail, internal_membership, membership, query_has, render, see_other,
};
use crate::kit::problem::Problem;
use crate::kit::quality::TREND_DAYS;
use crate::kit::quality::area_rows;
use crate::kit::quality::chart;
use crate::kit::quality::finding_row;
use crate::kit::quality::organisation_report;
use crate::kit::quality::owner_email;
use crate::kit::quality::score_text;
use crate::kit::quality::{AreaRow, Chart, FindingRow, HistoryRow};
use crate::kit::view::element_href;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::NaiveDate;
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::quality::{
    Area, CONFIRMABLE, Finding, RULES, RuleId, RuleSetting, Settings, Severity, may_confirm,
};
use regisseur_domain::{Lang, Problem as FieldProblem, ValidationErrors};
use regisseur_store::Membership;
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// Findings per page on the quality page.
const FINDINGS_PER_PAGE: usize = 200;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/kwaliteit", get(quality_page))
        .route(
            "/o/{slug}/kwaliteit/instellingen",
            get(settings_page).post(settings_submit),
        )
        .route("/o/{slug}/{soort}/{id}/bevestigen", post(confirm_submit))
}

// ---------------------------------------------------------------------------------------------
// The quality page.

struct SelectOption {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "quality.html")]
struct QualityPage {
    page: Chrome,
    overall: String,
    elements: usize,
    areas: Vec<AreaRow>,
    chart: Option<Chart>,
    history: Vec<HistoryRow>,
    findings: Vec<FindingRow>,
    total: usize,
    filtered: usize,
    severities: Vec<SelectOption>,
    area_options: Vec<SelectOption>,
    rule_options: Vec<SelectOption>,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_number: usize,
    page_count: usize,
    can_configure: bool,
    settings_href: String,
    today: String,
}

fn options<T: Copy + PartialEq>(
    all: impl IntoIterator<Item = T>,
    selected: Option<T>,
    value: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Vec<SelectOption> {
    all.into_iter()
        .map(|item| SelectOption {
            value: value(item),
            label: label(item),
            selected: selected == Some(item),
        })
        .collect()
}

async fn quality_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let t = T(lang);
    let pairs = query_pairs(raw.as_deref());
    let param = |key: &str| {
        pairs
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    let severity = param("ernst").and_then(Severity::parse);
    let area = param("gebied").and_then(Area::parse);
    let rule = param("regel").and_then(RuleId::parse);
    let page_number = param("pagina")
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    let today = today();
    let report = organisation_report(&state, m.organisation.id, today)
        .await
        .or_page(&headers)?;
    let history = state
        .store
        .score_history(m.organisation.id, TREND_DAYS)
        .await
        .or_page(&headers)?;
    let matching: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| severity.is_none_or(|s| f.severity == s))
        .filter(|f| area.is_none_or(|a| f.area() == a))
        .filter(|f| rule.is_none_or(|r| f.rule == r))
        .collect();
    let page_count = matching.len().div_ceil(FINDINGS_PER_PAGE).max(1);
    let page_number = page_number.min(page_count);
    let findings = matching
        .iter()
        .skip((page_number - 1) * FINDINGS_PER_PAGE)
        .take(FINDINGS_PER_PAGE)
        .map(|f| finding_row(f, &slug, m, lang))
        .collect();
    let page_href = |n: usize| {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (key, value) in &pairs {
            if key != "pagina" {
                out.append_pair(key, value);
            }
        }
        out.append_pair("pagina", &n.to_string());
        format!("/o/{slug}/kwaliteit?{}#bevindingen", out.finish())
    };
    let base = format!("/o/{slug}/kwaliteit");
    let page = QualityPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("quality-title"), m.organisation.name),
            &base,
        )
        .for_org(&auth, m, Some("kwaliteit")),
        overall: score_text(Some(report.scores.overall), lang),
        elements: report.scores.elements,
        areas: area_rows(&report, &slug, lang),
        chart: chart(&history, lang),
        history: history
            .iter()
            .rev()
            .map(|p| HistoryRow {
                day: p.day.format("%d-%m-%Y").to_string(),
                score: score_text(Some(p.overall), lang),
                findings: p.findings,
            })
            .collect(),
        findings,
        total: report.findings.len(),
        filtered: matching.len(),
        severities: options(Severity::ALL, severity, Severity::code, |s| {
            s.label(lang).to_string()
        }),
        area_options: options(Area::ALL, area, Area::code, |a| a.label(lang).to_string()),
        rule_options: options(RULES.iter().map(|r| r.id), rule, RuleId::code, |r| {
            r.rule().title(lang).to_string()
        }),
        prev_href: (page_number > 1).then(|| page_href(page_number - 1)),
        next_href: (page_number < page_count).then(|| page_href(page_number + 1)),
        page_number,
        page_count,
        can_configure: m.role.can_configure_quality(),
        settings_href: format!("{base}/instellingen"),
        today: today.format("%d-%m-%Y").to_string(),
    };
    Ok(render(StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Settings.

struct RuleRow {
    code: &'static str,
    title: &'static str,
    area: &'static str,
    default_severity: &'static str,
    enabled: bool,
    severities: Vec<SelectOption>,
}

struct ThresholdRow {
    name: &'static str,
    label: &'static str,
    value: String,
    min: i64,
    max: i64,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "quality_settings.html")]
struct SettingsPage {
    page: Chrome,
    rules: Vec<RuleRow>,
    thresholds: Vec<ThresholdRow>,
    errors: Vec<String>,
    saved: bool,
    can_edit: bool,
    action: String,
    back: String,
}

/// The threshold fields of the settings: name, Dutch and English label, range.
const THRESHOLD_FIELDS: [(&str, &str, &str, i64, i64); 5] = [
    (
        "opzegtermijnDagen",
        "Waarschuwen vanaf … dagen vóór de uiterste opzegdatum",
        "Warn from … days before the notice deadline",
        1,
        730,
    ),
    (
        "eindeOndersteuningMaanden",
        "Waarschuwen vanaf … maanden vóór het einde van de ondersteuning",
        "Warn from … months before the end of support",
        0,
        60,
    ),
    (
        "bevestigingMaanden",
        "Een bevestiging door de eigenaar geldt … maanden",
        "An owner's confirmation holds for … months",
        1,
        60,
    ),
    (
        "assuranceMaanden",
        "Een assurancerapport mag … maanden oud zijn",
        "An assurance report may be … months old",
        1,
        60,
    ),
    (
        "concentratiePercentage",
        "Eén leverancier mag … % van de bedrijfskritische applicaties leveren",
        "One supplier may supply … % of the business-critical applications",
        1,
        100,
    ),
];

fn settings_view(
    settings_json: &Value,
    settings: &Settings,
    errors: &ValidationErrors,
    lang: Lang,
) -> (Vec<RuleRow>, Vec<ThresholdRow>) {
    let rules = RULES
        .iter()
        .map(|rule| RuleRow {
            code: rule.code,
            title: rule.title(lang),
            area: rule.area.label(lang),
            default_severity: rule.severity.label(lang),
            enabled: settings.enabled(rule.id),
            severities: options(
                Severity::ALL,
                Some(settings.severity(rule.id)),
                Severity::code,
                |s| s.label(lang).to_string(),
            ),
        })
        .collect();
    let thresholds = THRESHOLD_FIELDS
        .iter()
        .map(|(name, nl, en, min, max)| ThresholdRow {
            name,
            label: lang.pick(nl, en),
            value: match &settings_json[*name] {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            },
            min: *min,
            max: *max,
            error: errors.for_field(name).map(|e| e.problem.message(lang)),
        })
        .collect();
    (rules, thresholds)
}

async fn settings_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let settings = state
        .store
        .quality_settings(m.organisation.id)
        .await
        .or_page(&headers)?;
    let saved = query_has(raw.as_deref(), "opgeslagen");
    Ok(settings_response(
        &auth,
        m,
        lang,
        &settings.to_json(),
        &settings,
        &ValidationErrors::default(),
        saved,
    ))
}

fn settings_response(
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    json: &Value,
    settings: &Settings,
    errors: &ValidationErrors,
    saved: bool,
) -> Response {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let action = format!("/o/{slug}/kwaliteit/instellingen");
    let (rules, thresholds) = settings_view(json, settings, errors, lang);
    let page = SettingsPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("quality-settings"), m.organisation.name),
            &action,
        )
        .for_org(auth, m, Some("kwaliteit")),
        rules,
        thresholds,
        errors: errors
            .0
            .iter()
            .map(|e| format!("{}: {}", e.name, e.problem.message(lang)))
            .collect(),
        saved,
        can_edit: m.role.can_configure_quality(),
        back: format!("/o/{slug}/kwaliteit"),
        action,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(status, &page)
}

/// The settings a form describes, as the JSON [`Settings::parse`] reads: only the rules that
/// differ from their default.
fn settings_from_form(form: &[(String, String)]) -> Value {
    let value = |key: &str| {
        form.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
    };
    let mut rules = Map::new();
    for rule in RULES {
        let enabled = value(&format!("aan.{}", rule.code)).is_some();
        let severity = value(&format!("ernst.{}", rule.code));
        let mut entry = Map::new();
        if !enabled {
            entry.insert("aan".into(), Value::Bool(false));
        }
        if let Some(severity) = severity
            && severity != rule.severity.code()
        {
            entry.insert("ernst".into(), Value::String(severity));
        }
        if !entry.is_empty() {
            rules.insert(rule.code.into(), Value::Object(entry));
        }
    }
    let mut object = Map::new();
    object.insert("regels".into(), Value::Object(rules));
    for (name, ..) in THRESHOLD_FIELDS {
        if let Some(text) = value(name).filter(|t| !t.is_empty()) {
            object.insert(
                name.into(),
                text.parse::<i64>().map_or(Value::String(text), Value::from),
            );
        }
    }
    Value::Object(object)
}

async fn settings_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.can_configure_quality() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let json = settings_from_form(&form);
    match Settings::parse(&json) {
        Ok(settings) => {
            state
                .store
                .set_quality_settings(&auth.actor(), m.organisation.id, &settings)
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!(
                "/o/{slug}/kwaliteit/instellingen?opgeslagen"
            )))
        }
        Err(errors) => {
            let current = state
                .store
                .quality_settings(m.organisation.id)
                .await
                .or_page(&headers)?;
            // Show what was entered, with the rules' current state.
            let mut shown = current.clone();
            for (code, setting) in json["regels"].as_object().into_iter().flatten() {
                if let Some(rule) = RuleId::parse(code) {
                    shown.rules.insert(
                        rule,
                        RuleSetting {
                            enabled: setting["aan"].as_bool().unwrap_or(true),
                            severity: setting["ernst"].as_str().and_then(Severity::parse),
                        },
                    );
                }
            }
            Ok(settings_response(
                &auth, m, lang, &json, &shown, &errors, false,
            ))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Confirmations.

async fn confirm_submit(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let Some(kind) = EntityKind::from_resource(&soort).filter(|k| CONFIRMABLE.contains(k)) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let Some(element) = state
        .store
        .get_element(m.organisation.id, kind, id)
        .await
        .or_page(&headers)?
    else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let owner = owner_email(&state, m.organisation.id, &element.record)
        .await
        .or_page(&headers)?;
    if m.role.is_supplier() || !may_confirm(m.role, &auth.user.email, owner.as_deref()) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    state
        .store
        .confirm_element(&auth.actor(), m.organisation.id, id, today())
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!(
        "{}?bevestigd",
        element_href(&slug, kind, id)
    )))
}

// ---------------------------------------------------------------------------------------------
// The API.

fn json_ok(value: Value) -> Response {
    crate::kit::api::json_response(StatusCode::OK, value)
}

/// `GET /api/v1/organisaties/{slug}/kwaliteit[?peildatum=YYYY-MM-DD]`
pub(crate) async fn api_report(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let mut errors = ValidationErrors::default();
    let mut on = today();
    for (key, value) in raw
        .as_deref()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    {
        match key.as_str() {
            "peildatum" => match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
                Ok(day) => on = day,
                Err(_) => errors.push("peildatum", FieldProblem::NotADate),
            },
            _ => errors.push(key, FieldProblem::UnknownField),
        }
    }
    errors.into_result(()).map_err(|e| Problem::invalid(&e))?;
    let report = organisation_report(&state, m.organisation.id, on).await?;
    Ok(json_ok(report.to_json(Lang::Nl)))
}

/// `GET /api/v1/organisaties/{slug}/kwaliteit/instellingen`
pub(crate) async fn api_settings(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let settings = state.store.quality_settings(m.organisation.id).await?;
    Ok(json_ok(settings.to_json()))
}

/// `PUT /api/v1/organisaties/{slug}/kwaliteit/instellingen` (beheerder)
pub(crate) async fn api_replace_settings(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    if !m.role.can_configure_quality() {
        return Err(Problem::forbidden().detail("Alleen een beheerder wijzigt de instellingen."));
    }
    let settings =
        Settings::parse(&crate::kit::api::json_body(&body)?).map_err(|e| Problem::invalid(&e))?;
    state
        .store
        .set_quality_settings(&auth.0.actor(), m.organisation.id, &settings)
        .await?;
    Ok(json_ok(settings.to_json()))
}

/// `POST /api/v1/organisaties/{slug}/{resource}/{id}/bevestiging`: the owner (or a beheerder)
/// confirms that the element is correct today.
pub(crate) async fn api_confirm(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let id = Uuid::parse_str(&id).map_err(|_| Problem::not_found())?;
    let element = state
        .store
        .get_element(m.organisation.id, kind, id)
        .await?
        .ok_or_else(Problem::not_found)?;
    let owner = owner_email(&state, m.organisation.id, &element.record).await?;
    if !may_confirm(m.role, &auth.0.user.email, owner.as_deref()) {
        return Err(Problem::forbidden()
            .detail("Alleen de eigenaar van het element (of een beheerder) bevestigt het."));
    }
    let confirmation = state
        .store
        .confirm_element(&auth.0.actor(), m.organisation.id, id, today())
        .await?;
    Ok(json_ok(json!({
        "elementId": confirmation.element_id,
        "bevestigdOp": confirmation.on.format("%Y-%m-%d").to_string(),
        "bevestigdDoor": confirmation.user_email,
    })))
}
