//! Gereedheid in the interface: the readiness questionnaire (save as you go, several people
//! answer, one finalises), the advice with its radar chart, reasons, actions and per-domain
//! verdicts, the comparison with the previous assessment — and the advice in the API. The advice
//! itself is `regisseur_domain::readiness`.

use crate::AppState;
use crate::kit::auth::ApiAuth;
use crate::kit::figures::radar::Radar;
use crate::kit::figures::radar::radar;
use crate::kit::figures::radar::score_text;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{
    Chrome, OrPage, fail, form_field as one, form_pairs, internal_membership, membership,
    query_has, render, see_other,
};
use crate::kit::problem::Problem;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use regisseur_domain::Lang;
use regisseur_domain::readiness::{AnswerInput, Dimension, QUESTIONS, Target, Verdict};
use regisseur_store::Membership;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/gereedheid", get(advice_page))
        .route("/o/{slug}/gereedheid/start", post(start))
        .route("/o/{slug}/gereedheid/vaststellen", post(finalise))
        .route(
            "/o/{slug}/gereedheid/vragen/{dimensie}",
            get(questions_page).post(save_answers),
        )
}

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
) -> PageResult {
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
        can_answer: m.role.is_internal(),
        can_finalise: m.role.can_steer() && open.is_some(),
        questions_href: format!("{base}/vragen/strategie"),
        start_action: format!("{base}/start"),
        finalise_action: format!("{base}/vaststellen"),
        notice: query_has(raw.as_deref(), "vastgesteld")
            .then(|| t.s("ready-finalised").to_string()),
        today: today.format("%d-%m-%Y").to_string(),
    };
    Ok(render(StatusCode::OK, &page))
}

async fn start(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.is_internal() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    state
        .store
        .start_assessment(&auth.actor(), m.organisation.id)
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!("/o/{slug}/gereedheid/vragen/strategie")))
}

async fn finalise(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.can_steer() {
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
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let Some(dimension) = Dimension::parse(&dimension) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let notice =
        query_has(raw.as_deref(), "opgeslagen").then(|| T(lang).s("ready-saved").to_string());
    let page = questions_view(&state, m, &auth, lang, dimension, &BTreeMap::new(), notice)
        .await
        .or_page(&headers)?;
    Ok(render(StatusCode::OK, &page))
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
        can_answer: m.role.is_internal(),
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
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.is_internal() {
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
                b.level == answer.level && b.note == answer.note && b.evidence == answer.evidence
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
