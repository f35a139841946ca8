//! Koers and Gereedheid in the interface: the goals with their KPIs and the sourcing choice per
//! service domain; the readiness questionnaire (save as you go, several people answer, one
//! finalises), the advice with its radar chart, reasons, actions and per-domain verdicts, the
//! comparison with the previous assessment — and the advice in the API. The advice itself is
//! `regisseur_domain::readiness`.

use crate::AppState;
use crate::kit::auth::ApiAuth;
use crate::kit::figures::radar::Radar;
use crate::kit::figures::radar::radar;
use crate::kit::figures::radar::score_text;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::{
    Chrome, OrPage, fail, form_field as one, form_pairs, internal_membership, membership,
    number_text, page_result, query_has, render, see_other,
};
use crate::kit::problem::Problem;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use regisseur_domain::goals::Goal;
use regisseur_domain::readiness::{AnswerInput, Dimension, QUESTIONS, Target, Verdict};
use regisseur_domain::sourcing::{DomainChoice, ServiceDomain, Sourcing};
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{Membership, StoredGoal};
use serde_json::{Value, json};
use std::collections::BTreeMap;
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
        .route("/o/{slug}/gereedheid", get(advice_page))
        .route("/o/{slug}/gereedheid/start", post(start))
        .route("/o/{slug}/gereedheid/vaststellen", post(finalise))
        .route(
            "/o/{slug}/gereedheid/vragen/{dimensie}",
            get(questions_page).post(save_answers),
        )
}

fn may_steer(m: &Membership) -> bool {
    m.role.can_steer()
}

fn may_answer(m: &Membership) -> bool {
    m.role.is_internal()
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
) -> Response {
    page_result(
        async {
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
                notice: query_has(raw.as_deref(), "opgeslagen")
                    .then(|| t.s("detail-saved").to_string()),
            };
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn save_domains(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    page_result(
        async {
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
        .await,
    )
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
) -> Response {
    page_result(
        async {
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
        .await,
    )
}

async fn create_goal(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    page_result(
        async {
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
        .await,
    )
}

async fn edit_goal(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    page_result(
        async {
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
        .await,
    )
}

async fn update_goal(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    page_result(
        async {
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
        .await,
    )
}

async fn delete_goal(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    page_result(
        async {
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
        .await,
    )
}

// ---------------------------------------------------------------------------------------------
// Gereedheid.

struct DimensionRow {
    label: &'static str,
    href: String,
    answered: String,
    answers_mean: String,
    evidence: String,
    score: String,
    previous: String,
    status: &'static str,
}

struct ActionRow {
    text: String,
    href: String,
}

struct DomainAdviceRow {
    label: &'static str,
    verdict: &'static str,
    verdict_code: &'static str,
    reasons: Vec<String>,
}

struct HistoryRow {
    when: String,
    who: String,
    verdict: String,
}

#[derive(Template)]
#[template(path = "gereedheid.html")]
struct AdvicePage {
    page: Chrome,
    verdict: &'static str,
    verdict_code: &'static str,
    quality: String,
    reasons: Vec<String>,
    actions: Vec<ActionRow>,
    dimensions: Vec<DimensionRow>,
    radar: Radar,
    domains: Vec<DomainAdviceRow>,
    history: Vec<HistoryRow>,
    open: Option<(String, usize, usize)>,
    has_previous: bool,
    previous_verdict: Option<String>,
    can_answer: bool,
    can_finalise: bool,
    questions_href: String,
    start_action: String,
    finalise_action: String,
    notice: Option<String>,
    today: String,
}

fn verdict_of(code: &str) -> Option<Verdict> {
    [
        Verdict::NogNiet,
        Verdict::GereedOnderVoorwaarden,
        Verdict::Gereed,
    ]
    .into_iter()
    .find(|v| v.code() == code)
}

fn action_href(slug: &str, target: &Target) -> String {
    match target {
        Target::Question(id) => {
            let dimension = regisseur_domain::readiness::question(id)
                .map_or("strategie", |q| q.dimension.code());
            format!("/o/{slug}/gereedheid/vragen/{dimension}#{id}")
        }
        Target::Dimension(d) => format!("/o/{slug}/gereedheid/vragen/{}", d.code()),
        Target::Goals => format!("/o/{slug}/koers"),
        Target::Rule(rule) => format!("/o/{slug}/kwaliteit?regel={}#bevindingen", rule.code()),
        Target::Area(Some(area)) => {
            format!("/o/{slug}/kwaliteit?gebied={}#bevindingen", area.code())
        }
        Target::Area(None) => format!("/o/{slug}/kwaliteit"),
    }
}

async fn advice_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Response {
    page_result(
        async {
            let m = internal_membership(&auth, &slug, &headers)?;
            let t = T(lang);
            let today = crate::kit::clock::today();
            let (current, advice) = state
                .store
                .readiness(m.organisation.id, today)
                .await
                .or_page(&headers)?;
            let history = state
                .store
                .assessments(m.organisation.id)
                .await
                .or_page(&headers)?;
            // Compare with the last finalised assessment before the one shown.
            let previous = history
                .iter()
                .filter(|a| a.finalised && Some(a.id) != current.as_ref().map(|c| c.id))
                .find(|a| {
                    current
                        .as_ref()
                        .is_none_or(|c| a.started_at <= c.started_at)
                });
            let previous_scores: BTreeMap<String, Option<f64>> = previous
                .and_then(|p| p.result.as_ref())
                .and_then(|r| r["scorePerDimensie"].as_object())
                .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_f64())).collect())
                .unwrap_or_default();
            let base = format!("/o/{slug}/gereedheid");
            let open = current.as_ref().filter(|c| !c.finalised);
            let page = AdvicePage {
                page: Chrome::new(
                    lang,
                    format!("{} — {}", t.s("ready-title"), m.organisation.name),
                    &base,
                )
                .for_org(&auth, m, Some("gereedheid")),
                verdict: advice.verdict.label(lang),
                verdict_code: advice.verdict.code(),
                quality: crate::kit::quality::score_text(Some(advice.quality), lang),
                reasons: advice.reasons.iter().map(|r| r.text(lang)).collect(),
                actions: advice
                    .actions
                    .iter()
                    .map(|a| ActionRow {
                        text: a.description(lang).to_string(),
                        href: action_href(&slug, &a.target),
                    })
                    .collect(),
                dimensions: advice
                    .dimensions
                    .iter()
                    .map(|d| DimensionRow {
                        label: d.dimension.label(lang),
                        href: format!("{base}/vragen/{}", d.dimension.code()),
                        answered: format!("{}/{}", d.answered, d.questions),
                        answers_mean: score_text(d.answers_mean, lang),
                        evidence: score_text(d.evidence, lang),
                        score: score_text(d.score, lang),
                        previous: score_text(
                            previous_scores.get(d.dimension.code()).copied().flatten(),
                            lang,
                        ),
                        status: d.standing().map_or("onbeantwoord", Verdict::code),
                    })
                    .collect(),
                radar: radar(&advice, lang),
                domains: advice
                    .domains
                    .iter()
                    .map(|d| DomainAdviceRow {
                        label: d.domain.label(lang),
                        verdict: d.verdict.label(lang),
                        verdict_code: d.verdict.code(),
                        reasons: d.reasons.iter().map(|r| r.text(lang)).collect(),
                    })
                    .collect(),
                history: history
                    .iter()
                    .map(|a| HistoryRow {
                        when: a
                            .finalised_at
                            .unwrap_or(a.started_at)
                            .format("%d-%m-%Y")
                            .to_string(),
                        who: a
                            .finalised_by
                            .clone()
                            .unwrap_or_else(|| a.started_by.clone()),
                        verdict: match &a.result {
                            Some(r) => r["oordeel"]
                                .as_str()
                                .and_then(verdict_of)
                                .map_or(String::new(), |v| v.label(lang).to_string()),
                            None => t.s("ready-concept").to_string(),
                        },
                    })
                    .collect(),
                open: open.map(|o| {
                    (
                        o.started_at.format("%d-%m-%Y").to_string(),
                        o.answers.len(),
                        QUESTIONS.len(),
                    )
                }),
                has_previous: previous.is_some(),
                previous_verdict: previous
                    .and_then(|p| p.result.as_ref())
                    .and_then(|r| r["oordeel"].as_str())
                    .and_then(verdict_of)
                    .map(|v| v.label(lang).to_string()),
                can_answer: may_answer(m),
                can_finalise: may_steer(m) && open.is_some(),
                questions_href: format!("{base}/vragen/strategie"),
                start_action: format!("{base}/start"),
                finalise_action: format!("{base}/vaststellen"),
                notice: query_has(raw.as_deref(), "vastgesteld")
                    .then(|| t.s("ready-finalised").to_string()),
                today: today.format("%d-%m-%Y").to_string(),
            };
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn start(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            if !may_answer(m) {
                return fail(&headers, StatusCode::FORBIDDEN);
            }
            state
                .store
                .start_assessment(&auth.actor(), m.organisation.id)
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!("/o/{slug}/gereedheid/vragen/strategie")))
        }
        .await,
    )
}

async fn finalise(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            if !may_steer(m) {
                return fail(&headers, StatusCode::FORBIDDEN);
            }
            let Some(open) = state
                .store
                .open_assessment(m.organisation.id)
                .await
                .or_page(&headers)?
            else {
                return fail(&headers, StatusCode::CONFLICT);
            };
            state
                .store
                .finalise_assessment(
                    &auth.actor(),
                    m.organisation.id,
                    open.id,
                    crate::kit::clock::now(),
                )
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!("/o/{slug}/gereedheid?vastgesteld")))
        }
        .await,
    )
}

struct LevelOption {
    value: u8,
    text: &'static str,
    checked: bool,
}

struct QuestionView {
    id: &'static str,
    text: &'static str,
    levels: Vec<LevelOption>,
    note: String,
    evidence: String,
    answered_by: Option<String>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "vragen.html")]
struct QuestionsPage {
    page: Chrome,
    dimension: &'static str,
    dimensions: Vec<(&'static str, String, bool, String)>,
    questions: Vec<QuestionView>,
    action: String,
    open: bool,
    can_answer: bool,
    start_action: String,
    next_href: Option<String>,
    advice_href: String,
    notice: Option<String>,
}

async fn questions_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, dimension)): Path<(String, String)>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Response {
    page_result(
        async {
            let m = internal_membership(&auth, &slug, &headers)?;
            let Some(dimension) = Dimension::parse(&dimension) else {
                return fail(&headers, StatusCode::NOT_FOUND);
            };
            let notice = query_has(raw.as_deref(), "opgeslagen")
                .then(|| T(lang).s("ready-saved").to_string());
            let page = questions_view(&state, m, &auth, lang, dimension, &BTreeMap::new(), notice)
                .await
                .or_page(&headers)?;
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn questions_view(
    state: &AppState,
    m: &Membership,
    auth: &crate::kit::auth::Auth,
    lang: Lang,
    dimension: Dimension,
    errors: &BTreeMap<&'static str, String>,
    notice: Option<String>,
) -> Result<QuestionsPage, regisseur_store::StoreError> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let current = state.store.current_assessment(m.organisation.id).await?;
    let answers = current
        .as_ref()
        .map(|c| c.answers.clone())
        .unwrap_or_default();
    let open = current.as_ref().is_some_and(|c| !c.finalised);
    let base = format!("/o/{slug}/gereedheid/vragen");
    let position = Dimension::ALL
        .iter()
        .position(|d| *d == dimension)
        .unwrap_or(0);
    Ok(QuestionsPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("ready-questions"), dimension.label(lang)),
            &format!("{base}/{}", dimension.code()),
        )
        .for_org(auth, m, Some("gereedheid")),
        dimension: dimension.label(lang),
        dimensions: Dimension::ALL
            .into_iter()
            .map(|d| {
                let answered = d
                    .questions()
                    .filter(|q| answers.iter().any(|a| a.question_id == q.id))
                    .count();
                (
                    d.label(lang),
                    format!("{base}/{}", d.code()),
                    d == dimension,
                    format!("{answered}/{}", d.questions().count()),
                )
            })
            .collect(),
        questions: dimension
            .questions()
            .map(|q| {
                let answer = answers.iter().find(|a| a.question_id == q.id);
                QuestionView {
                    id: q.id,
                    text: q.text(lang),
                    levels: (0..=4u8)
                        .map(|level| LevelOption {
                            value: level,
                            text: q.level(level, lang),
                            checked: answer.is_some_and(|a| a.level == level),
                        })
                        .collect(),
                    note: answer.map(|a| a.note.clone()).unwrap_or_default(),
                    evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
                    answered_by: answer.map(|a| {
                        format!("{} ({})", a.answered_by, a.answered_at.format("%d-%m-%Y"))
                    }),
                    error: errors.get(q.id).cloned(),
                }
            })
            .collect(),
        action: format!("{base}/{}", dimension.code()),
        open,
        can_answer: may_answer(m),
        start_action: format!("/o/{slug}/gereedheid/start"),
        next_href: Dimension::ALL
            .get(position + 1)
            .map(|d| format!("{base}/{}", d.code())),
        advice_href: format!("/o/{slug}/gereedheid"),
        notice,
    })
}

async fn save_answers(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, dimension)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            if !may_answer(m) {
                return fail(&headers, StatusCode::FORBIDDEN);
            }
            let Some(dimension) = Dimension::parse(&dimension) else {
                return fail(&headers, StatusCode::NOT_FOUND);
            };
            let Some(open) = state
                .store
                .open_assessment(m.organisation.id)
                .await
                .or_page(&headers)?
            else {
                return fail(&headers, StatusCode::CONFLICT);
            };
            let form = form_pairs(&body);
            // Every answer of the form is checked first; with a problem, nothing is saved.
            let mut errors = BTreeMap::new();
            let mut valid = Vec::new();
            for q in dimension.questions() {
                let level = one(&form, &format!("niveau.{}", q.id));
                if level.is_empty() {
                    continue; // not answered (yet)
                }
                match AnswerInput::parse(
                    q.id,
                    &level,
                    &one(&form, &format!("toelichting.{}", q.id)),
                    &one(&form, &format!("bewijs.{}", q.id)),
                ) {
                    Ok(answer) => valid.push(answer),
                    Err(e) => {
                        errors.insert(q.id, e.to_string());
                    }
                }
            }
            if errors.is_empty() {
                for answer in &valid {
                    let before = open
                        .answers
                        .iter()
                        .find(|a| a.question_id == answer.question.id);
                    let same = before.is_some_and(|b| {
                        b.level == answer.level
                            && b.note == answer.note
                            && b.evidence == answer.evidence
                    });
                    if !same {
                        state
                            .store
                            .save_answer(&auth.actor(), m.organisation.id, open.id, answer)
                            .await
                            .or_page(&headers)?;
                    }
                }
            }
            if errors.is_empty() {
                let next = if one(&form, "volgende").is_empty() {
                    format!(
                        "/o/{slug}/gereedheid/vragen/{}?opgeslagen",
                        dimension.code()
                    )
                } else {
                    let position = Dimension::ALL
                        .iter()
                        .position(|d| *d == dimension)
                        .unwrap_or(0);
                    Dimension::ALL
                        .get(position + 1)
                        .map_or(format!("/o/{slug}/gereedheid"), |d| {
                            format!("/o/{slug}/gereedheid/vragen/{}", d.code())
                        })
                };
                return Ok(see_other(&next));
            }
            let page = questions_view(&state, m, &auth, lang, dimension, &errors, None)
                .await
                .or_page(&headers)?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        .await,
    )
}

/// `GET /api/v1/organisaties/{slug}/gereedheid`: the advice of the assessment being answered
/// (else the last finalised one) against today's register.
pub(crate) async fn api_advice(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let (current, advice) = state
        .store
        .readiness(m.organisation.id, crate::kit::clock::today())
        .await?;
    let mut value = advice.to_json(Lang::Nl);
    value["toets"] = match current {
        Some(a) => {
            json!({"id": a.id, "status": if a.finalised { "vastgesteld" } else { "concept" },
                          "beantwoord": a.answers.len(), "vragen": QUESTIONS.len()})
        }
        None => Value::Null,
    };
    Ok(crate::kit::api::json_response(StatusCode::OK, value))
}
