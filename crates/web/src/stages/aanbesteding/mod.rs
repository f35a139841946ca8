//! Aanbesteding in the interface and the API: the route advice (with the organisation's
//! procurement policy), tenders from set-up to award — bids registered with the price sealed,
//! evaluators scoring on their own with a comment on every score, the chair's consensus — and
//! the result with the award report. The rules are `regisseur_domain::procurement`; sealing is
//! enforced by the store, which returns prices only once the consensus is final.

use crate::AppState;
use crate::kit::auth::{ApiAuth, Auth};
use crate::kit::charts::{Chart, Ink, Legend, PALETTE, Rect, Scale, euro, nice_ticks};
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{
    Chrome, Fail, OrPage, fail, form_field as one, form_pairs as pairs, internal_membership,
    number_text, query_has, render, see_other,
};
use crate::kit::problem::Problem;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use regisseur_domain::procurement::evaluation::{
    Criterion, Evaluation, Method, Requirement, evaluate,
};
use regisseur_domain::procurement::route::{
    self, Assumptions, Factors, Kind, PolicyThresholds, RouteInput, advise, step_label,
};
use regisseur_domain::procurement::workflow::{Registered, Setup, Stage, tender_file};
use regisseur_domain::values::{Cents, parse_decimal, parse_yes_no};
use regisseur_domain::{Lang, Problem as FieldProblem, ValidationErrors};
use regisseur_store::{Membership, SealedBid, StoreError, StoredTender};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/aanbesteding", get(overview))
        .route("/o/{slug}/aanbesteding/beleid", post(save_policy))
        .route(
            "/o/{slug}/aanbesteding/nieuw",
            get(new_tender).post(create_tender),
        )
        .route("/o/{slug}/aanbesteding/{id}", get(tender_page))
        .route(
            "/o/{slug}/aanbesteding/{id}/bewerken",
            get(edit_tender).post(update_tender),
        )
        .route("/o/{slug}/aanbesteding/{id}/inschrijvingen", post(add_bid))
        .route(
            "/o/{slug}/aanbesteding/{id}/inschrijvingen/{bid}/verwijderen",
            post(remove_bid),
        )
        .route("/o/{slug}/aanbesteding/{id}/start", post(start))
        .route(
            "/o/{slug}/aanbesteding/{id}/beoordelen",
            get(scores_page).post(save_scores),
        )
        .route(
            "/o/{slug}/aanbesteding/{id}/consensus",
            get(consensus_page).post(save_consensus),
        )
        .route("/o/{slug}/aanbesteding/{id}/uitslag", get(result_page))
        .route("/o/{slug}/aanbesteding/{id}/aanbesteding.toml", get(export))
}

fn may_procure(m: &Membership) -> bool {
    m.role.can_procure()
}

fn base(slug: &str) -> String {
    format!("/o/{slug}/aanbesteding")
}

fn messages(errors: &ValidationErrors, lang: Lang) -> Vec<(String, String)> {
    errors
        .0
        .iter()
        .map(|e| (e.name.clone(), e.problem.message(lang)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The route advice, the policy and the list of tenders.

struct Field {
    name: &'static str,
    label: &'static str,
    value: String,
}

struct RouteView {
    value: String,
    value_basis: String,
    threshold: String,
    european: bool,
    procedures: Vec<(&'static str, bool, String)>,
    advice: &'static str,
    motivation: Vec<String>,
    best_value: (bool, String),
    consultation: (bool, String),
    planning: Vec<(&'static str, String, String)>,
    warnings: Vec<String>,
    json_href: String,
}

struct TenderRow {
    name: String,
    href: String,
    stage: &'static str,
    stage_code: &'static str,
    method: &'static str,
}

#[derive(Template)]
#[template(path = "aanbesteding.html")]
struct OverviewPage {
    page: Chrome,
    kinds: Vec<(&'static str, &'static str, bool)>,
    form: Vec<Field>,
    indefinite: bool,
    factors: Vec<(&'static str, &'static str, bool)>,
    suppliers: String,
    route: Option<RouteView>,
    route_errors: Vec<(String, String)>,
    policy: Vec<Field>,
    policy_action: String,
    policy_errors: Vec<(String, String)>,
    can_procure: bool,
    tenders: Vec<TenderRow>,
    new_href: String,
    template_href: String,
    notice: Option<String>,
}

const FACTORS: [(&str, &str); 5] = [
    ("aangepast", "proc-factor-adapted"),
    ("innovatief", "proc-factor-innovative"),
    ("complex", "proc-factor-complex"),
    ("onspecificeerbaar", "proc-factor-unspecifiable"),
    ("spoed", "proc-factor-urgent"),
];

/// The route input from query or form pairs, or every problem by field name.
pub(crate) fn route_input(
    q: &[(String, String)],
    policy: PolicyThresholds,
) -> Result<RouteInput, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let kind = Kind::parse(&one(q, "soort")).unwrap_or_else(|| {
        errors.push(
            "soort",
            FieldProblem::NotInList {
                allowed: Kind::ALL.iter().map(|k| k.code()).collect(),
            },
        );
        Kind::Diensten
    });
    let annual = match Cents::parse_euros(&one(q, "jaarwaarde")) {
        Ok(c) => c.0 as f64 / 100.0,
        Err(p) => {
            errors.push("jaarwaarde", p);
            0.0
        }
    };
    let whole = |key: &str, errors: &mut ValidationErrors| -> u32 {
        let text = one(q, key);
        if text.is_empty() {
            return 0;
        }
        text.parse().unwrap_or_else(|_| {
            errors.push(key, FieldProblem::NotAnInteger);
            0
        })
    };
    let months = whole("maanden", &mut errors);
    let option_months = whole("optieMaanden", &mut errors);
    let notice = chrono::NaiveDate::parse_from_str(&one(q, "publicatiedatum"), "%Y-%m-%d")
        .unwrap_or_else(|_| {
            errors.push("publicatiedatum", FieldProblem::NotADate);
            chrono::NaiveDate::MIN
        });
    let flag = |key: &str| parse_yes_no(&one(q, key)).unwrap_or(false);
    let suppliers = one(q, "aanbieders");
    let potential_suppliers = if suppliers.is_empty() {
        None
    } else {
        suppliers.parse().map(Some).unwrap_or_else(|_| {
            errors.push("aanbieders", FieldProblem::NotAnInteger);
            None
        })
    };
    let input = RouteInput {
        kind,
        annual_value: annual,
        months,
        option_months,
        indefinite: flag("onbepaald"),
        notice_date: notice,
        policy,
        factors: Factors {
            adapted: flag("aangepast"),
            innovative: flag("innovatief"),
            complex: flag("complex"),
            unspecifiable: flag("onspecificeerbaar"),
            potential_suppliers,
            urgent: flag("spoed"),
        },
        assumptions: Assumptions::default(),
    };
    if errors.0.is_empty() {
        input.check()?;
        Ok(input)
    } else {
        Err(errors)
    }
}

fn route_view(route: &route::Route, lang: Lang, json_href: String) -> RouteView {
    RouteView {
        value: euro(route.estimated_value, lang),
        value_basis: route.value_basis.clone(),
        threshold: euro(route.threshold, lang),
        european: route.european,
        procedures: route
            .procedures
            .iter()
            .map(|p| (p.procedure.label(lang), p.allowed, p.ground.clone()))
            .collect(),
        advice: route.advice.label(lang),
        motivation: route.motivation.clone(),
        best_value: route.best_value.clone(),
        consultation: route.market_consultation.clone(),
        planning: route
            .planning
            .iter()
            .map(|s| {
                (
                    step_label(s.code, lang),
                    s.date.format("%d-%m-%Y").to_string(),
                    s.basis.clone(),
                )
            })
            .collect(),
        warnings: route.warnings.clone(),
        json_href,
    }
}

fn policy_fields(policy: &PolicyThresholds, lang: Lang) -> Vec<Field> {
    vec![
        Field {
            name: "dienstenEnkelvoudig",
            label: "proc-policy-services",
            value: number_text(policy.diensten_enkelvoudig, lang),
        },
        Field {
            name: "werkenEnkelvoudig",
            label: "proc-policy-works-single",
            value: number_text(policy.werken_enkelvoudig, lang),
        },
        Field {
            name: "werkenMeervoudig",
            label: "proc-policy-works-multiple",
            value: number_text(policy.werken_meervoudig, lang),
        },
    ]
}

#[allow(clippy::too_many_arguments)]
async fn overview_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    q: &[(String, String)],
    policy_errors: Vec<(String, String)>,
) -> Result<OverviewPage, Fail> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let policy = state
        .store
        .procurement_policy(m.organisation.id)
        .await
        .or_page(headers)?;
    let asked = q.iter().any(|(k, _)| k == "soort");
    let (route, route_errors) = if asked {
        match route_input(q, policy) {
            Ok(input) => {
                let query: String = form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(q.iter())
                    .finish();
                let json_href = format!("/api/v1/organisaties/{slug}/aanbestedingsroute?{query}");
                (
                    Some(route_view(&advise(&input, lang), lang, json_href)),
                    Vec::new(),
                )
            }
            Err(errors) => (None, messages(&errors, lang)),
        }
    } else {
        (None, Vec::new())
    };
    let chosen = Kind::parse(&one(q, "soort")).unwrap_or(Kind::Diensten);
    let default_date = (crate::kit::clock::today() + chrono::Days::new(60))
        .format("%Y-%m-%d")
        .to_string();
    let value = |key: &str, default: &str| {
        let v = one(q, key);
        if v.is_empty() && !asked {
            default.to_string()
        } else {
            v
        }
    };
    let tenders = state
        .store
        .tenders(m.organisation.id)
        .await
        .or_page(headers)?;
    Ok(OverviewPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("proc-title"), m.organisation.name),
            &base(slug),
        )
        .for_org(auth, m, Some("aanbesteding")),
        kinds: Kind::ALL
            .into_iter()
            .map(|k| (k.code(), k.label(lang), k == chosen))
            .collect(),
        form: vec![
            Field {
                name: "jaarwaarde",
                label: "proc-annual",
                value: value("jaarwaarde", ""),
            },
            Field {
                name: "maanden",
                label: "proc-months",
                value: value("maanden", "48"),
            },
            Field {
                name: "optieMaanden",
                label: "proc-options",
                value: value("optieMaanden", "0"),
            },
            Field {
                name: "publicatiedatum",
                label: "proc-notice",
                value: value("publicatiedatum", &default_date),
            },
        ],
        indefinite: parse_yes_no(&one(q, "onbepaald")).unwrap_or(false),
        factors: FACTORS
            .iter()
            .map(|(key, label)| {
                (
                    *key,
                    t.s(label),
                    parse_yes_no(&one(q, key)).unwrap_or(false),
                )
            })
            .collect(),
        suppliers: one(q, "aanbieders"),
        route,
        route_errors,
        policy: policy_fields(&policy, lang),
        policy_action: format!("{}/beleid", base(slug)),
        policy_errors,
        can_procure: may_procure(m),
        tenders: tenders
            .iter()
            .map(|tender| TenderRow {
                name: tender.name.clone(),
                href: format!("{}/{}", base(slug), tender.id),
                stage: tender.stage.label(lang),
                stage_code: tender.stage.code(),
                method: method_label(tender.setup.methode, lang),
            })
            .collect(),
        new_href: format!("{}/nieuw", base(slug)),
        template_href: format!("{}/nieuw?sjabloon=it", base(slug)),
        notice: None,
    })
}

fn method_label(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::Absoluut => T(lang).s("proc-best-price-quality-absolute"),
        Method::Relatief => T(lang).s("proc-best-price-quality-relative"),
        Method::Waarde => T(lang).s("proc-award-on-value-fictitious"),
    }
}

async fn overview(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let q = crate::kit::api::query_pairs(raw.as_deref());
    let mut view = overview_view(&state, &auth, m, lang, &headers, &q, Vec::new()).await?;
    if query_has(raw.as_deref(), "opgeslagen") {
        view.notice = Some(T(lang).s("detail-saved").to_string());
    }
    let status = if view.route_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render(status, &view))
}

async fn save_policy(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = pairs(&body);
    let mut errors = ValidationErrors::default();
    let mut amount = |key: &'static str| match Cents::parse_euros(&one(&form, key)) {
        Ok(c) => c.0 as f64 / 100.0,
        Err(p) => {
            errors.push(key, p);
            0.0
        }
    };
    let policy = PolicyThresholds {
        diensten_enkelvoudig: amount("dienstenEnkelvoudig"),
        werken_enkelvoudig: amount("werkenEnkelvoudig"),
        werken_meervoudig: amount("werkenMeervoudig"),
    };
    let result = if errors.0.is_empty() {
        match state
            .store
            .set_procurement_policy(&auth.actor(), m.organisation.id, &policy)
            .await
        {
            Err(StoreError::Invalid(e)) => Err(e),
            other => Ok(other.or_page(&headers)?),
        }
    } else {
        Err(errors)
    };
    match result {
        Ok(()) => Ok(see_other(&format!("{}?opgeslagen#beleid", base(&slug)))),
        Err(errors) => {
            let mut view = overview_view(
                &state,
                &auth,
                m,
                lang,
                &headers,
                &[],
                messages(&errors, lang),
            )
            .await?;
            view.policy = form_policy_fields(&form, lang);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

fn form_policy_fields(form: &[(String, String)], lang: Lang) -> Vec<Field> {
    policy_fields(&PolicyThresholds::default(), lang)
        .into_iter()
        .map(|mut f| {
            f.value = one(form, f.name);
            f
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Setting up a tender.

struct Row {
    cells: Vec<(String, String, String)>,
}

struct EditTable {
    title: &'static str,
    headings: Vec<&'static str>,
    rows: Vec<Row>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "tender_form.html")]
struct TenderForm {
    page: Chrome,
    heading: String,
    action: String,
    cancel_href: String,
    version: Option<i64>,
    name: String,
    methods: Vec<(&'static str, &'static str, bool)>,
    fields: Vec<Field>,
    members: Vec<(String, String, bool, bool)>,
    tables: Vec<EditTable>,
    errors: Vec<(String, String)>,
}

impl TenderForm {
    fn error(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.as_str())
    }
}

const REQUIREMENT_COLUMNS: [&str; 2] = ["id", "naam"];
const CRITERION_COLUMNS: [&str; 5] = ["id", "naam", "gewicht", "waarde", "omschrijving"];

/// The form's text per field for a set-up (weights and WQ in percent).
fn setup_values(
    name: &str,
    setup: &Setup,
    chair: &str,
    evaluators: &[String],
    lang: Lang,
) -> Vec<(String, String)> {
    let mut v = vec![
        ("naam".to_string(), name.to_string()),
        ("methode".into(), setup.methode.code().into()),
        ("schaalMin".into(), number_text(setup.schaal[0], lang)),
        ("schaalMax".into(), number_text(setup.schaal[1], lang)),
        ("voorzitter".into(), chair.into()),
    ];
    if let Some(w) = setup.kwaliteit_gewicht {
        v.push((
            "kwaliteitGewicht".into(),
            number_text((w * 1e6).round() / 1e4, lang),
        ));
    }
    if let Some(p) = setup.prijs_max {
        v.push(("prijsMax".into(), number_text(p, lang)));
    }
    if let Some(p) = setup.prijs_min {
        v.push(("prijsMin".into(), number_text(p, lang)));
    }
    for e in evaluators {
        v.push(("beoordelaars".into(), e.clone()));
    }
    for (i, e) in setup.eisen.iter().enumerate() {
        v.push((format!("eisen[{i}].id"), e.id.clone()));
        v.push((
            format!("eisen[{i}].naam"),
            e.naam.clone().unwrap_or_default(),
        ));
    }
    for (i, c) in setup.criteria.iter().enumerate() {
        v.push((format!("criteria[{i}].id"), c.id.clone()));
        v.push((format!("criteria[{i}].naam"), c.naam.clone()));
        v.push((
            format!("criteria[{i}].gewicht"),
            number_text((c.gewicht * 1e6).round() / 1e4, lang),
        ));
        if let Some(w) = c.waarde {
            v.push((format!("criteria[{i}].waarde"), number_text(w, lang)));
        }
        v.push((
            format!("criteria[{i}].omschrijving"),
            c.omschrijving.clone().unwrap_or_default(),
        ));
    }
    v
}

fn rows_of(form: &[(String, String)], list: &str, columns: &[&str], extra: usize) -> Vec<Row> {
    let filled = (0..100)
        .filter(|i| {
            columns
                .iter()
                .any(|c| !one(form, &format!("{list}[{i}].{c}")).is_empty())
        })
        .max()
        .map_or(0, |i| i + 1);
    (0..filled + extra)
        .map(|i| Row {
            cells: columns
                .iter()
                .map(|c| {
                    let name = format!("{list}[{i}].{c}");
                    (format!("{list}-{i}-{c}"), one(form, &name), name)
                })
                .collect(),
        })
        .collect()
}

/// The tender a form describes: name, set-up, chair, evaluators — or every problem by name.
fn tender_from_form(
    form: &[(String, String)],
) -> Result<(String, Setup, String, Vec<String>), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let name = one(form, "naam");
    let method = match one(form, "methode").as_str() {
        "relatief" => Method::Relatief,
        "waarde" => Method::Waarde,
        _ => Method::Absoluut,
    };
    let mut decimal = |key: &str, percent: bool| -> Option<f64> {
        let text = one(form, key);
        if text.is_empty() {
            return None;
        }
        match parse_decimal(&text) {
            Ok(v) => Some(if percent { v / 100.0 } else { v }),
            Err(p) => {
                errors.push(key, p);
                None
            }
        }
    };
    let wq = decimal("kwaliteitGewicht", true);
    let low = decimal("schaalMin", false).unwrap_or(0.0);
    let high = decimal("schaalMax", false).unwrap_or(10.0);
    let mut euros = |key: &str| -> Option<f64> {
        let text = one(form, key);
        if text.is_empty() {
            return None;
        }
        match Cents::parse_euros(&text) {
            Ok(c) => Some(c.0 as f64 / 100.0),
            Err(p) => {
                errors.push(key, p);
                None
            }
        }
    };
    let price_max = euros("prijsMax");
    let price_min = euros("prijsMin");
    let requirements: Vec<Requirement> = (0..100)
        .filter_map(|i| {
            let id = one(form, &format!("eisen[{i}].id"));
            let naam = one(form, &format!("eisen[{i}].naam"));
            (!id.is_empty() || !naam.is_empty()).then(|| Requirement {
                id,
                naam: (!naam.is_empty()).then_some(naam),
            })
        })
        .collect();
    let mut criteria = Vec::new();
    for i in 0..100 {
        let cell = |c: &str| one(form, &format!("criteria[{i}].{c}"));
        if CRITERION_COLUMNS.iter().all(|c| cell(c).is_empty()) {
            continue;
        }
        let gewicht = match parse_decimal(&cell("gewicht")) {
            Ok(v) => v / 100.0,
            Err(p) => {
                errors.push(format!("criteria[{i}].gewicht"), p);
                0.0
            }
        };
        let waarde = if cell("waarde").is_empty() {
            None
        } else {
            match parse_decimal(&cell("waarde").replace('.', "").replace(',', ".")) {
                Ok(v) => Some(v),
                Err(p) => {
                    errors.push(format!("criteria[{i}].waarde"), p);
                    None
                }
            }
        };
        let omschrijving = cell("omschrijving");
        criteria.push(Criterion {
            id: cell("id"),
            naam: cell("naam"),
            gewicht,
            waarde,
            omschrijving: (!omschrijving.is_empty()).then_some(omschrijving),
        });
    }
    let setup = Setup {
        methode: method,
        kwaliteit_gewicht: if method == Method::Waarde { None } else { wq },
        schaal: [low, high],
        prijs_max: price_max,
        prijs_min: price_min,
        eisen: requirements,
        criteria,
    };
    if let Err(found) = setup.check(&name) {
        for e in found.0 {
            errors.push(e.name, e.problem);
        }
    }
    let chair = one(form, "voorzitter");
    let evaluators: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "beoordelaars")
        .map(|(_, v)| v.trim().to_string())
        .collect();
    if chair.is_empty() {
        errors.push("voorzitter", FieldProblem::Required);
    }
    if evaluators.is_empty() {
        errors.push("beoordelaars", FieldProblem::Required);
    }
    errors.into_result((name, setup, chair, evaluators))
}

#[allow(clippy::too_many_arguments)]
async fn tender_form(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    form: &[(String, String)],
    errors: &ValidationErrors,
    existing: Option<&StoredTender>,
) -> Result<TenderForm, Fail> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let members = state
        .store
        .organisation_members(m.organisation.id)
        .await
        .or_page(headers)?;
    let chair = one(form, "voorzitter");
    let evaluators: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "beoordelaars")
        .map(|(_, v)| v.clone())
        .collect();
    let method = one(form, "methode");
    let (heading, action) = match existing {
        Some(tender) => (
            format!("{}: {}", t.s("proc-tender-edit"), tender.name),
            format!("{}/{}/bewerken", base(slug), tender.id),
        ),
        None => (
            t.s("proc-tender-new").to_string(),
            format!("{}/nieuw", base(slug)),
        ),
    };
    Ok(TenderForm {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some("aanbesteding")),
        heading,
        cancel_href: existing.map_or_else(
            || base(slug),
            |tender| format!("{}/{}", base(slug), tender.id),
        ),
        version: existing.map(|tender| tender.version),
        name: one(form, "naam"),
        methods: [Method::Absoluut, Method::Relatief, Method::Waarde]
            .into_iter()
            .map(|x| {
                (
                    x.code(),
                    method_label(x, lang),
                    x.code() == method || (method.is_empty() && x == Method::Absoluut),
                )
            })
            .collect(),
        fields: vec![
            Field {
                name: "kwaliteitGewicht",
                label: "proc-wq",
                value: one(form, "kwaliteitGewicht"),
            },
            Field {
                name: "schaalMin",
                label: "proc-scale-min",
                value: one(form, "schaalMin"),
            },
            Field {
                name: "schaalMax",
                label: "proc-scale-max",
                value: one(form, "schaalMax"),
            },
            Field {
                name: "prijsMax",
                label: "proc-price-max",
                value: one(form, "prijsMax"),
            },
            Field {
                name: "prijsMin",
                label: "proc-price-min",
                value: one(form, "prijsMin"),
            },
        ],
        members: members
            .into_iter()
            .filter(|(_, _, role)| role.is_internal())
            .map(|(email, name, _)| {
                let is_chair = email == chair;
                let evaluates = evaluators.contains(&email);
                (email, name, is_chair, evaluates)
            })
            .collect(),
        tables: vec![
            EditTable {
                title: "proc-requirements",
                headings: vec!["proc-col-id", "proc-col-name"],
                rows: rows_of(form, "eisen", &REQUIREMENT_COLUMNS, 2),
                error: None,
            },
            EditTable {
                title: "proc-criteria",
                headings: vec![
                    "proc-col-id",
                    "proc-col-name",
                    "proc-col-weight",
                    "proc-col-value",
                    "proc-col-description",
                ],
                rows: rows_of(form, "criteria", &CRITERION_COLUMNS, 2),
                error: errors
                    .0
                    .iter()
                    .find(|e| e.name == "criteria")
                    .map(|e| e.problem.message(lang)),
            },
        ],
        errors: messages(errors, lang),
        action,
    })
}

async fn new_tender(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = if query_has(raw.as_deref(), "sjabloon") {
        let setup = Setup::it_outsourcing(5_000_000.0, 3_000_000.0);
        setup_values(
            T(lang).s("proc-template-name"),
            &setup,
            &auth.user.email,
            &[],
            lang,
        )
    } else {
        vec![
            ("methode".into(), "absoluut".into()),
            ("kwaliteitGewicht".into(), "70".into()),
            ("schaalMin".into(), "0".into()),
            ("schaalMax".into(), "10".into()),
            ("voorzitter".into(), auth.user.email.clone()),
        ]
    };
    let view = tender_form(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &form,
        &ValidationErrors::default(),
        None,
    )
    .await?;
    Ok(render(StatusCode::OK, &view))
}

async fn create_tender(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = pairs(&body);
    match tender_from_form(&form) {
        Ok((name, setup, chair, evaluators)) => {
            let tender = state
                .store
                .create_tender(
                    &auth.actor(),
                    m.organisation.id,
                    &name,
                    &setup,
                    &chair,
                    &evaluators,
                )
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!(
                "{}/{}?opgeslagen",
                base(&slug),
                tender.id
            )))
        }
        Err(errors) => {
            let view = tender_form(&state, &auth, m, lang, &headers, &form, &errors, None).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

async fn load(
    state: &AppState,
    m: &Membership,
    id: &str,
    headers: &HeaderMap,
) -> Result<StoredTender, Fail> {
    let Ok(id) = Uuid::parse_str(id) else {
        return fail(headers, StatusCode::NOT_FOUND);
    };
    match state
        .store
        .tender(m.organisation.id, id)
        .await
        .or_page(headers)?
    {
        Some(tender) => Ok(tender),
        None => fail(headers, StatusCode::NOT_FOUND),
    }
}

async fn edit_tender(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let tender = load(&state, m, &id, &headers).await?;
    if tender.stage != Stage::Opzet {
        return fail(&headers, StatusCode::CONFLICT);
    }
    let form = setup_values(
        &tender.name,
        &tender.setup,
        &tender.chair,
        &tender.evaluators,
        lang,
    );
    let view = tender_form(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &form,
        &ValidationErrors::default(),
        Some(&tender),
    )
    .await?;
    Ok(render(StatusCode::OK, &view))
}

async fn update_tender(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let tender = load(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    let version = one(&form, "versie").parse().unwrap_or(tender.version);
    match tender_from_form(&form) {
        Ok((name, setup, chair, evaluators)) => {
            state
                .store
                .update_tender(
                    &auth.actor(),
                    m.organisation.id,
                    tender.id,
                    version,
                    &name,
                    &setup,
                    &chair,
                    &evaluators,
                )
                .await
                .or_page(&headers)?;
            Ok(see_other(&format!(
                "{}/{}?opgeslagen",
                base(&slug),
                tender.id
            )))
        }
        Err(errors) => {
            let view = tender_form(
                &state,
                &auth,
                m,
                lang,
                &headers,
                &form,
                &errors,
                Some(&tender),
            )
            .await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One tender.

struct BidRow {
    bidder: String,
    requirements: Vec<(String, bool)>,
    passes: bool,
    remove_action: String,
}

#[derive(Template)]
#[template(path = "tender.html")]
struct TenderPage {
    page: Chrome,
    name: String,
    stage: &'static str,
    stage_code: &'static str,
    method: &'static str,
    wq: Option<String>,
    scale: String,
    prices: Vec<(&'static str, String)>,
    chair: String,
    evaluators: Vec<(String, Option<String>)>,
    requirements: Vec<(String, String)>,
    criteria: Vec<(String, String, String, String)>,
    bids: Vec<BidRow>,
    can_procure: bool,
    setting_up: bool,
    evaluating: bool,
    final_: bool,
    is_evaluator: bool,
    has_submitted: bool,
    is_chair: bool,
    all_submitted: bool,
    edit_href: String,
    bid_action: String,
    start_action: String,
    scores_href: String,
    consensus_href: String,
    result_href: String,
    bid_errors: Vec<(String, String)>,
    notice: Option<String>,
}

async fn tender_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    tender: &StoredTender,
) -> Result<TenderPage, Fail> {
    let t = T(lang);
    let here = format!("{}/{}", base(&m.organisation.slug), tender.id);
    let bids = state.store.sealed_bids(tender.id).await.or_page(headers)?;
    let submissions = state.store.submissions(tender.id).await.or_page(headers)?;
    let me = auth.user.email.as_str();
    let setup = &tender.setup;
    Ok(TenderPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", tender.name, t.s("proc-title")),
            &here,
        )
        .for_org(auth, m, Some("aanbesteding")),
        name: tender.name.clone(),
        stage: tender.stage.label(lang),
        stage_code: tender.stage.code(),
        method: method_label(setup.methode, lang),
        wq: setup
            .kwaliteit_gewicht
            .map(|w| crate::kit::charts::percent(w, lang)),
        scale: format!(
            "{} – {}",
            number_text(setup.schaal[0], lang),
            number_text(setup.schaal[1], lang)
        ),
        prices: [
            ("proc-price-max", setup.prijs_max),
            ("proc-price-min", setup.prijs_min),
        ]
        .into_iter()
        .filter_map(|(k, p)| p.map(|p| (k, euro(p, lang))))
        .collect(),
        chair: tender.chair.clone(),
        evaluators: tender
            .evaluators
            .iter()
            .map(|e| {
                (
                    e.clone(),
                    submissions
                        .iter()
                        .find(|(s, _)| s == e)
                        .map(|(_, at)| at.format("%d-%m-%Y %H:%M").to_string()),
                )
            })
            .collect(),
        requirements: setup
            .eisen
            .iter()
            .map(|e| (e.id.clone(), e.naam.clone().unwrap_or_default()))
            .collect(),
        criteria: setup
            .criteria
            .iter()
            .map(|c| {
                let weight = match setup.methode {
                    Method::Waarde => c.waarde.map_or(String::new(), |v| euro(v, lang)),
                    _ => crate::kit::charts::percent(c.gewicht, lang),
                };
                (
                    c.id.clone(),
                    c.naam.clone(),
                    weight,
                    c.omschrijving.clone().unwrap_or_default(),
                )
            })
            .collect(),
        bids: bids
            .iter()
            .map(|b| BidRow {
                bidder: b.bidder.clone(),
                requirements: setup
                    .eisen
                    .iter()
                    .map(|e| (e.id.clone(), b.requirements.get(&e.id) == Some(&true)))
                    .collect(),
                passes: passes(setup, b),
                remove_action: format!("{here}/inschrijvingen/{}/verwijderen", b.id),
            })
            .collect(),
        can_procure: may_procure(m),
        setting_up: tender.stage == Stage::Opzet,
        evaluating: tender.stage == Stage::Beoordeling,
        final_: tender.stage == Stage::Vastgesteld,
        is_evaluator: tender.evaluators.iter().any(|e| e == me),
        has_submitted: submissions.iter().any(|(e, _)| e == me),
        is_chair: tender.chair == me,
        all_submitted: tender
            .evaluators
            .iter()
            .all(|e| submissions.iter().any(|(s, _)| s == e)),
        edit_href: format!("{here}/bewerken"),
        bid_action: format!("{here}/inschrijvingen"),
        start_action: format!("{here}/start"),
        scores_href: format!("{here}/beoordelen"),
        consensus_href: format!("{here}/consensus"),
        result_href: format!("{here}/uitslag"),
        bid_errors: Vec::new(),
        notice: None,
    })
}

fn passes(setup: &Setup, bid: &SealedBid) -> bool {
    setup.passes(&bid.requirements)
}

async fn tender_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    let mut view = tender_view(&state, &auth, m, lang, &headers, &tender).await?;
    if query_has(raw.as_deref(), "opgeslagen") {
        view.notice = Some(T(lang).s("detail-saved").to_string());
    }
    Ok(render(StatusCode::OK, &view))
}

async fn add_bid(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let tender = load(&state, m, &id, &headers).await?;
    let form = pairs(&body);
    let requirements: BTreeMap<String, bool> = tender
        .setup
        .eisen
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                form.iter().any(|(k, v)| k == "eisen" && v == &e.id),
            )
        })
        .collect();
    let price = Cents::parse_euros(&one(&form, "prijs")).map(|c| c.0 as f64 / 100.0);
    let result = match price {
        Err(p) => {
            let mut errors = ValidationErrors::default();
            errors.push("prijs", p);
            Err(errors)
        }
        Ok(price) => match state
            .store
            .add_bid(
                &auth.actor(),
                m.organisation.id,
                tender.id,
                &one(&form, "inschrijver"),
                price,
                &requirements,
            )
            .await
        {
            Err(StoreError::Invalid(e)) => Err(e),
            other => Ok(other.or_page(&headers)?),
        },
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "{}/{}?opgeslagen#inschrijvingen",
            base(&slug),
            tender.id
        ))),
        Err(errors) => {
            let mut view = tender_view(&state, &auth, m, lang, &headers, &tender).await?;
            view.bid_errors = messages(&errors, lang);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

async fn remove_bid(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id, bid)): Path<(String, String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let tender = load(&state, m, &id, &headers).await?;
    let Ok(bid) = Uuid::parse_str(&bid) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    state
        .store
        .remove_bid(&auth.actor(), m.organisation.id, tender.id, bid)
        .await
        .or_page(&headers)?;
    Ok(see_other(&format!(
        "{}/{}#inschrijvingen",
        base(&slug),
        tender.id
    )))
}

async fn start(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    if !may_procure(m) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let tender = load(&state, m, &id, &headers).await?;
    match state
        .store
        .start_evaluation(&auth.actor(), m.organisation.id, tender.id)
        .await
    {
        Err(StoreError::Invalid(_)) => fail(&headers, StatusCode::CONFLICT),
        other => {
            other.or_page(&headers)?;
            Ok(see_other(&format!("{}/{}", base(&slug), tender.id)))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scoring and consensus: one form per bid and criterion, a score and a comment.

struct ScoreCell {
    criterion_name: String,
    score_name: String,
    comment_name: String,
    id: String,
    score: String,
    comment: String,
    others: Vec<(String, String, String)>,
    error: Option<String>,
}

struct ScoreBid {
    bidder: String,
    cells: Vec<ScoreCell>,
}

#[derive(Template)]
#[template(path = "tender_scores.html")]
struct ScoresPage {
    page: Chrome,
    heading: String,
    intro: &'static str,
    action: String,
    back_href: String,
    comment_label: &'static str,
    submit_label: &'static str,
    bids: Vec<ScoreBid>,
    scale: String,
    errors: Vec<(String, String)>,
    notice: Option<String>,
}

/// Posted scores: (bid, criterion, score, comment) for every cell with something in it, and
/// the problems of cells that cannot be read.
fn posted_scores(
    form: &[(String, String)],
    bids: &[SealedBid],
    setup: &Setup,
) -> (Vec<(Uuid, String, f64, String)>, ValidationErrors) {
    let mut errors = ValidationErrors::default();
    let mut out = Vec::new();
    for b in bids.iter().filter(|b| passes(setup, b)) {
        for c in &setup.criteria {
            let score = one(form, &format!("score.{}.{}", b.id, c.id));
            let comment = one(form, &format!("toelichting.{}.{}", b.id, c.id));
            if score.is_empty() && comment.is_empty() {
                continue;
            }
            match parse_decimal(&score) {
                Ok(v) => out.push((b.id, c.id.clone(), v, comment)),
                Err(p) => errors.push(format!("score.{}.{}", b.id, c.id), p),
            }
        }
    }
    (out, errors)
}

#[allow(clippy::too_many_arguments)]
async fn scores_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    tender: &StoredTender,
    consensus: bool,
    form: Option<&[(String, String)]>,
    errors: &ValidationErrors,
) -> Result<ScoresPage, Fail> {
    let t = T(lang);
    let here = format!("{}/{}", base(&m.organisation.slug), tender.id);
    let bids = state.store.sealed_bids(tender.id).await.or_page(headers)?;
    let mine = state
        .store
        .scores(tender.id, Some(&auth.user.email))
        .await
        .or_page(headers)?;
    let all = if consensus {
        state.store.scores(tender.id, None).await.or_page(headers)?
    } else {
        Vec::new()
    };
    let agreed = state.store.consensus(tender.id).await.or_page(headers)?;
    let lookup = |b: Uuid, c: &str| -> (String, String) {
        if consensus {
            agreed
                .iter()
                .find(|x| x.bid_id == b && x.criterion == c)
                .map_or_else(Default::default, |x| {
                    (number_text(x.score, lang), x.motivation.clone())
                })
        } else {
            mine.iter()
                .find(|x| x.bid_id == b && x.criterion == c)
                .map_or_else(Default::default, |x| {
                    (number_text(x.score, lang), x.comment.clone())
                })
        }
    };
    let heading = if consensus {
        t.s("proc-consensus")
    } else {
        t.s("proc-myscores")
    };
    Ok(ScoresPage {
        page: Chrome::new(lang, format!("{heading} — {}", tender.name), &here).for_org(
            auth,
            m,
            Some("aanbesteding"),
        ),
        heading: format!("{heading}: {}", tender.name),
        intro: if consensus {
            "proc-consensus-intro"
        } else {
            "proc-myscores-intro"
        },
        action: format!(
            "{here}/{}",
            if consensus { "consensus" } else { "beoordelen" }
        ),
        back_href: here.clone(),
        comment_label: if consensus {
            "proc-motivation"
        } else {
            "proc-comment"
        },
        submit_label: if consensus {
            "proc-finalise"
        } else {
            "proc-submit"
        },
        bids: bids
            .iter()
            .filter(|b| passes(&tender.setup, b))
            .map(|b| ScoreBid {
                bidder: b.bidder.clone(),
                cells: tender
                    .setup
                    .criteria
                    .iter()
                    .map(|c| {
                        let score_name = format!("score.{}.{}", b.id, c.id);
                        let comment_name = format!("toelichting.{}.{}", b.id, c.id);
                        let (score, comment) = match form {
                            Some(f) => (one(f, &score_name), one(f, &comment_name)),
                            None => lookup(b.id, &c.id),
                        };
                        let error = errors
                            .0
                            .iter()
                            .find(|e| {
                                e.name == score_name
                                    || e.name == format!("consensus.{}.{}", b.id, c.id)
                                    || e.name == format!("consensus.{}.{}", b.bidder, c.id)
                            })
                            .map(|e| e.problem.message(lang));
                        ScoreCell {
                            criterion_name: c.naam.clone(),
                            id: format!("s-{}-{}", b.id.simple(), c.id),
                            score_name,
                            comment_name,
                            score,
                            comment,
                            others: all
                                .iter()
                                .filter(|s| s.bid_id == b.id && s.criterion == c.id)
                                .map(|s| {
                                    (
                                        s.evaluator.clone(),
                                        number_text(s.score, lang),
                                        s.comment.clone(),
                                    )
                                })
                                .collect(),
                            error,
                        }
                    })
                    .collect(),
            })
            .collect(),
        scale: format!(
            "{} – {}",
            number_text(tender.setup.schaal[0], lang),
            number_text(tender.setup.schaal[1], lang)
        ),
        errors: messages(errors, lang),
        notice: None,
    })
}

async fn scores_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    if tender.stage != Stage::Beoordeling || !tender.evaluators.contains(&auth.user.email) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let mut view = scores_view(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &tender,
        false,
        None,
        &ValidationErrors::default(),
    )
    .await?;
    if query_has(raw.as_deref(), "opgeslagen") {
        view.notice = Some(T(lang).s("detail-saved").to_string());
    }
    Ok(render(StatusCode::OK, &view))
}

async fn save_scores(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    if !tender.evaluators.contains(&auth.user.email) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = pairs(&body);
    let submit = one(&form, "actie") == "indienen";
    let bids = state.store.sealed_bids(tender.id).await.or_page(&headers)?;
    let (scores, errors) = posted_scores(&form, &bids, &tender.setup);
    let result = if errors.0.is_empty() {
        match state
            .store
            .save_scores(&auth.actor(), m.organisation.id, tender.id, &scores, submit)
            .await
        {
            Err(StoreError::Invalid(e)) => Err(e),
            other => Ok(other.or_page(&headers)?),
        }
    } else {
        Err(errors)
    };
    match result {
        Ok(()) if submit => Ok(see_other(&format!(
            "{}/{}?opgeslagen",
            base(&slug),
            tender.id
        ))),
        Ok(()) => Ok(see_other(&format!(
            "{}/{}/beoordelen?opgeslagen",
            base(&slug),
            tender.id
        ))),
        Err(errors) => {
            let view = scores_view(
                &state,
                &auth,
                m,
                lang,
                &headers,
                &tender,
                false,
                Some(&form),
                &errors,
            )
            .await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

async fn consensus_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    if tender.stage != Stage::Beoordeling || tender.chair != auth.user.email {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let submitted = state.store.submissions(tender.id).await.or_page(&headers)?;
    if tender
        .evaluators
        .iter()
        .any(|e| !submitted.iter().any(|(s, _)| s == e))
    {
        return fail(&headers, StatusCode::CONFLICT);
    }
    let mut view = scores_view(
        &state,
        &auth,
        m,
        lang,
        &headers,
        &tender,
        true,
        None,
        &ValidationErrors::default(),
    )
    .await?;
    if query_has(raw.as_deref(), "opgeslagen") {
        view.notice = Some(T(lang).s("detail-saved").to_string());
    }
    Ok(render(StatusCode::OK, &view))
}

async fn save_consensus(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    if tender.chair != auth.user.email {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = pairs(&body);
    let finalise = one(&form, "actie") == "indienen";
    let bids = state.store.sealed_bids(tender.id).await.or_page(&headers)?;
    let (entries, errors) = posted_scores(&form, &bids, &tender.setup);
    let mut result = if errors.0.is_empty() {
        match state
            .store
            .save_consensus(&auth.actor(), m.organisation.id, tender.id, &entries)
            .await
        {
            Err(StoreError::Invalid(e)) => Err(e),
            other => Ok(other.or_page(&headers)?),
        }
    } else {
        Err(errors)
    };
    if finalise && result.is_ok() {
        result = match state
            .store
            .finalise_tender(&auth.actor(), m.organisation.id, tender.id)
            .await
        {
            Err(StoreError::Invalid(e)) => Err(e),
            other => Ok(other.or_page(&headers)?),
        };
    }
    match result {
        Ok(()) if finalise => Ok(see_other(&format!("{}/{}/uitslag", base(&slug), tender.id))),
        Ok(()) => Ok(see_other(&format!(
            "{}/{}/consensus?opgeslagen",
            base(&slug),
            tender.id
        ))),
        Err(errors) => {
            let view = scores_view(
                &state,
                &auth,
                m,
                lang,
                &headers,
                &tender,
                true,
                Some(&form),
                &errors,
            )
            .await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The result and the award report.

/// The tender file of a final tender, as TOML, and the evaluation of it.
async fn final_file(
    state: &AppState,
    m: &Membership,
    tender: &StoredTender,
) -> Result<(String, Evaluation), StoreError> {
    let bids: Vec<Registered> = state
        .store
        .opened_bids(m.organisation.id, tender.id)
        .await?;
    let sealed = state.store.sealed_bids(tender.id).await?;
    let consensus: BTreeMap<(String, String), f64> = state
        .store
        .consensus(tender.id)
        .await?
        .into_iter()
        .filter_map(|c| {
            Some((
                (
                    sealed.iter().find(|b| b.id == c.bid_id)?.bidder.clone(),
                    c.criterion,
                ),
                c.score,
            ))
        })
        .collect();
    let file = tender_file(&tender.name, &tender.setup, &bids, &consensus);
    let text = regisseur_interchange::toml_file::write(&file).map_err(StoreError::Other)?;
    Ok((text, evaluate(&file)))
}

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

struct ResultRow {
    rank: String,
    bidder: String,
    price: String,
    quality: String,
    price_score: String,
    total: String,
    criteria: Vec<String>,
}

#[derive(Template)]
#[template(path = "tender_result.html")]
struct ResultPage {
    page: Chrome,
    name: String,
    method: &'static str,
    formula: &'static str,
    waarde: bool,
    criteria: Vec<String>,
    rows: Vec<ResultRow>,
    excluded: Vec<(String, String)>,
    sensitivity: Vec<(String, String, String)>,
    reversals: Vec<(String, String)>,
    chart: Chart,
    winner: String,
    shared: bool,
    sha: String,
    file_name: String,
    export_href: String,
    finalised: String,
    back_href: String,
}

async fn result_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    let (text, result) = final_file(&state, m, &tender).await.or_page(&headers)?;
    let t = T(lang);
    let names: BTreeMap<&str, &str> = tender
        .setup
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.naam.as_str()))
        .collect();
    let waarde = tender.setup.methode == Method::Waarde;
    let here = format!("{}/{}", base(&slug), tender.id);
    let page = ResultPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("proc-result"), tender.name),
            &here,
        )
        .for_org(&auth, m, Some("aanbesteding")),
        name: tender.name.clone(),
        method: method_label(tender.setup.methode, lang),
        formula: match tender.setup.methode {
            Method::Absoluut => "proc-formula-absolute",
            Method::Relatief => "proc-formula-relative",
            Method::Waarde => "proc-formula-value",
        },
        waarde,
        criteria: tender
            .setup
            .criteria
            .iter()
            .map(|c| c.naam.clone())
            .collect(),
        rows: result
            .ranking
            .iter()
            .map(|r| ResultRow {
                rank: if r.shared {
                    format!("{}=", r.rank)
                } else {
                    r.rank.to_string()
                },
                bidder: r.bidder.clone(),
                price: euro(r.price, lang),
                quality: number_text((r.quality * 10_000.0).round() / 10_000.0, lang),
                price_score: r.price_score.map_or(String::new(), |p| {
                    number_text((p * 10_000.0).round() / 10_000.0, lang)
                }),
                total: match (r.total, r.assessed_price) {
                    (Some(total), _) => number_text((total * 100.0).round() / 100.0, lang),
                    (_, Some(price)) => euro(price, lang),
                    _ => String::new(),
                },
                criteria: r
                    .breakdown
                    .iter()
                    .map(|(_, score, _)| number_text(*score, lang))
                    .collect(),
            })
            .collect(),
        excluded: result.excluded.clone(),
        sensitivity: result
            .sensitivity
            .iter()
            .map(|s| {
                let name = if s.criterion == "kwaliteitGewicht" {
                    t.s("proc-wq").to_string()
                } else {
                    names
                        .get(s.criterion.as_str())
                        .map_or(s.criterion.clone(), |n| n.to_string())
                };
                (
                    name,
                    crate::kit::charts::percent(s.current, lang),
                    s.switch.map_or_else(
                        || t.s("proc-noswitch").to_string(),
                        |w| crate::kit::charts::percent(w, lang),
                    ),
                )
            })
            .collect(),
        reversals: result
            .rank_reversal
            .iter()
            .filter(|r| !r.pairs.is_empty())
            .map(|r| {
                (
                    r.without.clone(),
                    r.pairs
                        .iter()
                        .map(|(a, b)| format!("{a} ↔ {b}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
            .collect(),
        chart: result_chart(&result, lang),
        winner: result
            .ranking
            .first()
            .map(|r| r.bidder.clone())
            .unwrap_or_default(),
        shared: result.ranking.first().is_some_and(|r| r.shared),
        sha: sha256(&text),
        file_name: "aanbesteding.toml".into(),
        export_href: format!("{here}/aanbesteding.toml"),
        finalised: tender
            .finalised_at
            .map(|d| d.format("%d-%m-%Y %H:%M").to_string())
            .unwrap_or_default(),
        back_href: here,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The totals as bars, split into what quality and what price contribute (for `waarde`, the
/// assessed price).
fn result_chart(result: &Evaluation, lang: Lang) -> Chart {
    let t = T(lang);
    let width = 760.0;
    let row = 30.0;
    let left = 200.0;
    let height = 40.0 + row * result.ranking.len() as f64 + 30.0;
    let mut chart = Chart::new(
        "uitslag",
        t.s("proc-chart").to_string(),
        t.s("proc-chart-desc").to_string(),
        width,
        height,
    );
    let waarde = result.method == Method::Waarde;
    let max = result
        .ranking
        .iter()
        .map(|r| {
            if waarde {
                r.assessed_price.unwrap_or(0.0)
            } else {
                r.total.unwrap_or(0.0)
            }
        })
        .fold(0.0, f64::max);
    let (ticks, low, high) = nice_ticks(0.0, if waarde { max } else { 100.0f64.max(max) });
    let x = Scale {
        min: low,
        max: high,
        from: left,
        to: width - 20.0,
    };
    let bottom = 30.0 + row * result.ranking.len() as f64;
    for tick in ticks {
        chart.line((x.at(tick), 20.0), (x.at(tick), bottom), Ink::Grid, false);
        let label = if waarde {
            crate::kit::charts::euro_short(tick, lang)
        } else {
            format!("{tick:.0}")
        };
        chart.label(x.at(tick), bottom + 16.0, label, "middle");
    }
    for (i, r) in result.ranking.iter().enumerate() {
        let y = 30.0 + row * i as f64;
        chart.label(
            left - 8.0,
            y + 15.0,
            format!("{}. {}", r.rank, r.bidder),
            "end",
        );
        if waarde {
            let v = r.assessed_price.unwrap_or(0.0);
            chart.rects.push(Rect {
                x: left,
                y: y + 3.0,
                w: (x.at(v) - left).max(1.0),
                h: row - 8.0,
                fill: PALETTE[0],
                title: euro(v, lang),
            });
        } else {
            let total = r.total.unwrap_or(0.0);
            let quality_part =
                total - 100.0 * (1.0 - quality_weight(result)) * r.price_score.unwrap_or(0.0);
            chart.rects.push(Rect {
                x: left,
                y: y + 3.0,
                w: (x.at(quality_part) - left).max(0.0),
                h: row - 8.0,
                fill: PALETTE[0],
                title: format!("{}: {quality_part:.2}", t.s("proc-chart-quality")),
            });
            chart.rects.push(Rect {
                x: x.at(quality_part),
                y: y + 3.0,
                w: (x.at(total) - x.at(quality_part)).max(0.0),
                h: row - 8.0,
                fill: PALETTE[2],
                title: format!("{}: {:.2}", t.s("proc-chart-price"), total - quality_part),
            });
        }
    }
    chart.legend = if waarde {
        vec![Legend {
            colour: PALETTE[0],
            name: t.s("proc-assessed").to_string(),
        }]
    } else {
        vec![
            Legend {
                colour: PALETTE[0],
                name: t.s("proc-chart-quality").to_string(),
            },
            Legend {
                colour: PALETTE[2],
                name: t.s("proc-chart-price").to_string(),
            },
        ]
    };
    chart
}

fn quality_weight(result: &Evaluation) -> f64 {
    result
        .sensitivity
        .iter()
        .find(|s| s.criterion == "kwaliteitGewicht")
        .map_or(1.0, |s| s.current)
}

async fn export(
    State(state): State<AppState>,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let tender = load(&state, m, &id, &headers).await?;
    let (text, _) = final_file(&state, m, &tender).await.or_page(&headers)?;
    Ok(crate::kit::page::download(
        text.into_bytes(),
        "application/toml; charset=utf-8",
        "aanbesteding.toml".into(),
    ))
}

// ---------------------------------------------------------------------------------------------
// API.

/// `GET /api/v1/organisaties/{slug}/aanbestedingsroute?soort=…&jaarwaarde=…&maanden=…&publicatiedatum=…`
pub(crate) async fn api_route(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let policy = state.store.procurement_policy(m.organisation.id).await?;
    let q = crate::kit::api::query_pairs(raw.as_deref());
    let input = route_input(&q, policy).map_err(|e| Problem::invalid(&e))?;
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        advise(&input, Lang::Nl).to_json(Lang::Nl),
    ))
}

fn tender_json(
    slug: &str,
    tender: &StoredTender,
    bids: &[SealedBid],
    prices: Option<&[Registered]>,
) -> Value {
    json!({
        "id": tender.id.to_string(),
        "naam": tender.name,
        "fase": tender.stage.code(),
        "versie": tender.version,
        "opzet": serde_json::to_value(&tender.setup).unwrap_or(Value::Null),
        "voorzitter": tender.chair,
        "beoordelaars": tender.evaluators,
        "inschrijvingen": bids.iter().map(|b| {
            let mut bid = json!({"id": b.id.to_string(), "inschrijver": b.bidder, "eisen": b.requirements});
            if let Some(price) = prices.and_then(|p| p.iter().find(|r| r.bidder == b.bidder)) {
                bid["prijs"] = json!(price.price);
            }
            bid
        }).collect::<Vec<_>>(),
        "_links": {"self": {"href": format!("/api/v1/organisaties/{slug}/aanbestedingen/{}", tender.id)}},
    })
}

/// `GET /api/v1/organisaties/{slug}/aanbestedingen`
pub(crate) async fn api_list(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let tenders = state.store.tenders(m.organisation.id).await?;
    let items: Vec<Value> = tenders
        .iter()
        .map(|t| json!({"id": t.id.to_string(), "naam": t.name, "fase": t.stage.code(), "methode": t.setup.methode.code()}))
        .collect();
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        json!({"_embedded": {"aanbestedingen": items}, "totaal": tenders.len()}),
    ))
}

async fn api_tender(state: &AppState, m: &Membership, id: &str) -> Result<StoredTender, Problem> {
    let id = Uuid::parse_str(id).map_err(|_| Problem::not_found())?;
    state
        .store
        .tender(m.organisation.id, id)
        .await?
        .ok_or_else(Problem::not_found)
}

/// `GET /api/v1/organisaties/{slug}/aanbestedingen/{id}`: prices only once the consensus is final.
pub(crate) async fn api_get(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let tender = api_tender(&state, m, &id).await?;
    let bids = state.store.sealed_bids(tender.id).await?;
    let prices = if tender.stage.prices_open() {
        Some(
            state
                .store
                .opened_bids(m.organisation.id, tender.id)
                .await?,
        )
    } else {
        None
    };
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        tender_json(&slug, &tender, &bids, prices.as_deref()),
    ))
}

/// `GET /api/v1/organisaties/{slug}/aanbestedingen/{id}/uitslag`: 409 until the consensus is final.
pub(crate) async fn api_result(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let tender = api_tender(&state, m, &id).await?;
    let (text, result) = final_file(&state, m, &tender).await?;
    let mut json = result.to_json();
    json["sha256"] = json!(sha256(&text));
    Ok(crate::kit::api::json_response(StatusCode::OK, json))
}
