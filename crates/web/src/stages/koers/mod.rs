//! Koers in the interface: the goals with their KPIs (a baseline and a target), and the sourcing
//! choice per service domain — what stays in-house, what is shared, what goes to the market. The
//! rules are `regisseur_domain::goals` and `regisseur_domain::sourcing`.

use crate::AppState;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{
    Chrome, OrPage, fail, form_field as one, form_pairs, internal_membership, membership,
    number_text, query_has, render, see_other,
};
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use regisseur_domain::goals::Goal;
use regisseur_domain::sourcing::{DomainChoice, ServiceDomain, Sourcing};
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{Membership, StoredGoal};
use serde_json::{Value, json};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/koers", get(koers_page))
        .route("/o/{slug}/koers/nieuw", get(new_goal).post(create_goal))
        .route("/o/{slug}/koers/domeinen", post(save_domains))
        .route("/o/{slug}/koers/{id}", get(goal_anchor))
        .route(
            "/o/{slug}/koers/{id}/bewerken",
            get(edit_goal).post(update_goal),
        )
        .route("/o/{slug}/koers/{id}/verwijderen", post(delete_goal))
}

fn may_steer(m: &Membership) -> bool {
    m.role.can_steer()
}

// ---------------------------------------------------------------------------------------------
// Koers.

struct KpiRow {
    metric: String,
    unit: String,
    baseline: String,
    baseline_date: String,
    target: String,
    target_date: String,
    measurable: bool,
}

struct GoalRow {
    id: Uuid,
    title: String,
    domains: String,
    rationale: String,
    kpis: Vec<KpiRow>,
    measurable: bool,
    edit_href: String,
}

struct DomainRow {
    code: &'static str,
    label: &'static str,
    current: Vec<(&'static str, String, bool)>,
    intended: Vec<(&'static str, String, bool)>,
    rationale: String,
    outsourcing: bool,
}

#[derive(Template)]
#[template(path = "koers.html")]
struct KoersPage {
    page: Chrome,
    goals: Vec<GoalRow>,
    domains: Vec<DomainRow>,
    can_edit: bool,
    new_href: String,
    domains_action: String,
    notice: Option<String>,
}

fn kpi_row(kpi: &regisseur_domain::goals::Kpi, lang: Lang) -> KpiRow {
    let date = |d: Option<chrono::NaiveDate>| {
        d.map_or(String::new(), |d| d.format("%d-%m-%Y").to_string())
    };
    KpiRow {
        metric: kpi.metric.clone(),
        unit: kpi.unit.clone(),
        baseline: kpi.baseline.map_or(String::new(), |v| number_text(v, lang)),
        baseline_date: date(kpi.baseline_date),
        target: kpi.target.map_or(String::new(), |v| number_text(v, lang)),
        target_date: date(kpi.target_date),
        measurable: kpi.measurable(),
    }
}

fn sourcing_options(selected: Option<Sourcing>, lang: Lang) -> Vec<(&'static str, String, bool)> {
    Sourcing::ALL
        .into_iter()
        .map(|s| (s.code(), s.label(lang).to_string(), Some(s) == selected))
        .collect()
}

async fn koers_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let t = T(lang);
    let goals = state
        .store
        .goals(m.organisation.id)
        .await
        .or_page(&headers)?;
    let choices = state
        .store
        .domain_choices(m.organisation.id)
        .await
        .or_page(&headers)?;
    let base = format!("/o/{slug}/koers");
    let page = KoersPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("koers-title"), m.organisation.name),
            &base,
        )
        .for_org(&auth, m, Some("koers")),
        goals: goals
            .iter()
            .map(|g| GoalRow {
                id: g.id,
                title: g.goal.title.clone(),
                domains: g
                    .goal
                    .domains
                    .iter()
                    .map(|d| d.label(lang))
                    .collect::<Vec<_>>()
                    .join(", "),
                rationale: g.goal.rationale.clone(),
                kpis: g.goal.kpis.iter().map(|k| kpi_row(k, lang)).collect(),
                measurable: g.goal.has_measurable_kpi(),
                edit_href: format!("{base}/{}/bewerken", g.id),
            })
            .collect(),
        domains: ServiceDomain::ALL
            .into_iter()
            .map(|domain| {
                let choice = choices.iter().find(|c| c.domain == domain);
                DomainRow {
                    code: domain.code(),
                    label: domain.label(lang),
                    current: sourcing_options(choice.map(|c| c.current), lang),
                    intended: sourcing_options(choice.map(|c| c.intended), lang),
                    rationale: choice.map(|c| c.rationale.clone()).unwrap_or_default(),
                    outsourcing: choice.is_some_and(DomainChoice::outsourcing),
                }
            })
            .collect(),
        can_edit: may_steer(m),
        new_href: format!("{base}/nieuw"),
        domains_action: format!("{base}/domeinen"),
        notice: query_has(raw.as_deref(), "opgeslagen").then(|| t.s("detail-saved").to_string()),
    };
    Ok(render(StatusCode::OK, &page))
}

async fn save_domains(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_steer(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = form_pairs(&body);
    let current = state
        .store
        .domain_choices(m.organisation.id)
        .await
        .or_page(&headers)?;
    for domain in ServiceDomain::ALL {
        let code = domain.code();
        let (Some(now), Some(then)) = (
            Sourcing::parse(&one(&form, &format!("huidig.{code}"))),
            Sourcing::parse(&one(&form, &format!("beoogd.{code}"))),
        ) else {
            continue; // not filled in: nothing to record
        };
        let rationale: String = one(&form, &format!("motivering.{code}"))
            .chars()
            .take(1_000)
            .collect();
        let choice = DomainChoice {
            domain,
            current: now,
            intended: then,
            rationale,
        };
        if current.contains(&choice) {
            continue;
        }
        state
            .store
            .set_domain_choice(&auth.actor(), m.organisation.id, &choice)
            .await
            .or_page(&headers)?;
    }
    Ok(see_other(&format!("/o/{slug}/koers?opgeslagen#domeinen")))
}

async fn goal_anchor(Path((slug, id)): Path<(String, String)>) -> Response {
    let id = Uuid::parse_str(&id).map_or(String::new(), |id| format!("#doel-{id}"));
    see_other(&format!("/o/{slug}/koers{id}"))
}

/// One input of a KPI row.
struct KpiField {
    id: String,
    name: String,
    label: &'static str,
    value: String,
    date: bool,
    error: Option<String>,
}

/// A KPI row of the form: its six inputs.
struct KpiInputs {
    number: usize,
    fields: Vec<KpiField>,
}

const KPI_FIELDS: [&str; 6] = [
    "meting",
    "eenheid",
    "nulwaarde",
    "nulmetingDatum",
    "streefwaarde",
    "streefdatum",
];

#[derive(Template)]
#[template(path = "goal_form.html")]
struct GoalForm {
    page: Chrome,
    heading: String,
    action: String,
    cancel_href: String,
    delete_action: Option<String>,
    title: String,
    rationale: String,
    domains: Vec<(&'static str, &'static str, bool)>,
    kpis: Vec<KpiInputs>,
    version: Option<i64>,
    errors: Vec<(String, String)>,
}

impl GoalForm {
    fn error(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.as_str())
    }
}

/// The goal a form describes, as the JSON `Goal::parse` reads; empty KPI rows left out.
fn goal_from_form(form: &[(String, String)]) -> Value {
    let domains: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "domeinen")
        .map(|(_, v)| v.clone())
        .collect();
    let mut kpis = Vec::new();
    for i in 0..regisseur_domain::goals::KPIS_MAX {
        let values: Vec<String> = KPI_FIELDS
            .iter()
            .map(|f| one(form, &format!("kpis[{i}].{f}")))
            .collect();
        if values.iter().all(String::is_empty) {
            continue;
        }
        let mut kpi = serde_json::Map::new();
        for (field, value) in KPI_FIELDS.iter().zip(values) {
            if !value.is_empty() {
                kpi.insert(field.to_string(), Value::String(value));
            }
        }
        kpis.push(Value::Object(kpi));
    }
    json!({"titel": one(form, "titel"), "motivering": one(form, "motivering"),
           "domeinen": domains, "kpis": kpis})
}

/// The form for a goal: its values (from the stored goal or the posted form) and errors.
fn goal_form(
    m: &Membership,
    auth: &crate::kit::auth::Auth,
    lang: Lang,
    value: &Value,
    existing: Option<&StoredGoal>,
    errors: &ValidationErrors,
) -> GoalForm {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) => n.as_f64().map_or(String::new(), |v| number_text(v, lang)),
        other => other.to_string(),
    };
    let chosen: Vec<&str> = value["domeinen"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let given: Vec<&Value> = value["kpis"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    // The KPIs given, plus two empty rows to add more without script.
    let labels = [
        t.s("koers-metric"),
        t.s("koers-unit"),
        t.s("koers-baseline"),
        t.s("koers-baselinedate"),
        t.s("koers-target"),
        t.s("koers-targetdate"),
    ];
    let error_of = |name: &str| {
        errors
            .0
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.problem.message(lang))
    };
    let kpis = (0..given.len() + 2)
        .map(|index| KpiInputs {
            number: index + 1,
            fields: KPI_FIELDS
                .iter()
                .zip(labels)
                .map(|(field, label)| {
                    let name = format!("kpis[{index}].{field}");
                    let value = given
                        .get(index)
                        .map(|k| text(&k[*field]))
                        .unwrap_or_default();
                    KpiField {
                        id: format!("kpi-{index}-{field}"),
                        error: error_of(&name),
                        name,
                        label,
                        value,
                        date: field.to_lowercase().ends_with("datum"),
                    }
                })
                .collect(),
        })
        .collect();
    let (heading, action) = match existing {
        Some(g) => (
            format!("{}: {}", t.s("koers-edit"), g.goal.title),
            format!("/o/{slug}/koers/{}/bewerken", g.id),
        ),
        None => (
            t.s("koers-new").to_string(),
            format!("/o/{slug}/koers/nieuw"),
        ),
    };
    GoalForm {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some("koers")),
        heading,
        cancel_href: format!("/o/{slug}/koers"),
        delete_action: existing.map(|g| format!("/o/{slug}/koers/{}/verwijderen", g.id)),
        title: text(&value["titel"]),
        rationale: text(&value["motivering"]),
        domains: ServiceDomain::ALL
            .into_iter()
            .map(|d| (d.code(), d.label(lang), chosen.contains(&d.code())))
            .collect(),
        kpis,
        version: existing.map(|g| g.version),
        errors: errors
            .0
            .iter()
            .map(|e| (e.name.clone(), e.problem.message(lang)))
            .collect(),
        action,
    }
}

async fn new_goal(
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_steer(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = goal_form(
        m,
        &auth,
        lang,
        &json!({}),
        None,
        &ValidationErrors::default(),
    );
    Ok(render(StatusCode::OK, &form))
}

async fn create_goal(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_steer(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let value = goal_from_form(&form_pairs(&body));
    match Goal::parse(&value) {
        Ok(goal) => {
            let stored = state
                .store
                .create_goal(&auth.actor(), m.organisation.id, &goal)
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!(
                "/o/{slug}/koers?opgeslagen#doel-{}",
                stored.id
            )))
        }
        Err(errors) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &goal_form(m, &auth, lang, &value, None, &errors),
        )),
    }
}

async fn edit_goal(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_steer(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let Some(goal) = state
        .store
        .goal(m.organisation.id, id)
        .await
        .or_page(&headers)?
    else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let form = goal_form(
        m,
        &auth,
        lang,
        &goal.goal.to_json(),
        Some(&goal),
        &ValidationErrors::default(),
    );
    Ok(render(StatusCode::OK, &form))
}

async fn update_goal(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_steer(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let Some(existing) = state
        .store
        .goal(m.organisation.id, id)
        .await
        .or_page(&headers)?
    else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let form = form_pairs(&body);
    let version = one(&form, "versie")
        .parse::<i64>()
        .unwrap_or(existing.version);
    let value = goal_from_form(&form);
    match Goal::parse(&value) {
        Ok(goal) => {
            state
                .store
                .update_goal(&auth.actor(), m.organisation.id, id, version, &goal)
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!("/o/{slug}/koers?opgeslagen#doel-{id}")))
        }
        Err(errors) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &goal_form(m, &auth, lang, &value, Some(&existing), &errors),
        )),
    }
}

async fn delete_goal(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_steer(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    state
        .store
        .delete_goal(&auth.actor(), m.organisation.id, id)
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!("/o/{slug}/koers?opgeslagen")))
}

// ---------------------------------------------------------------------------------------------
// Gereedheid.
