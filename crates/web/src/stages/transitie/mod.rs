//! Transitie in the interface and the API: one page with the retained organisation (FTE before
//! and after per role, the competence gap, the people affected — only for those who may see
//! personal data), the plan (warnings, a Gantt chart with today's line and late milestones, the
//! milestones), the risk dossier (heat map, weekly report, the risks) and the communication
//! plan; a form per item (the shared form template) and one for the plan. A supplier's users see
//! only the risks their supplier submitted, and may submit new ones.

use crate::AppState;
use crate::kit::api::{internal_membership, json_body, json_response};
use crate::kit::auth::{ApiAuth, Auth};
use crate::kit::charts::Chart;
use crate::kit::clock::today;
use crate::kit::figures::gantt::gantt;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{
    Chrome, Fail, FormField, FormPage, OptionGroup, OptionItem, OrPage, fail, form_pairs,
    membership, number_text, render, see_other, store_result,
};
use crate::kit::problem::Problem;
use crate::kit::view::date;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use regisseur_domain::procurement::route::Kind;
use regisseur_domain::sourcing::ServiceDomain;
use regisseur_domain::transition::communication::Audience;
use regisseur_domain::transition::people::{Change, Fate, competence_gaps, fte, template};
use regisseur_domain::transition::plan::{Phase, Plan};
use regisseur_domain::transition::risks::{self, RiskStatus, band, heat_map, weekly_report};
use regisseur_domain::transition::{Dossier, Item, ItemKind};
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{Membership, StoreError};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/transitie", get(dossier_page))
        .route("/o/{slug}/transitie/plan", get(plan_form).post(save_plan))
        .route("/o/{slug}/transitie/sjabloon", post(add_template))
        .route("/o/{slug}/transitie/{soort}/nieuw", get(new_form))
        .route("/o/{slug}/transitie/{soort}", post(create_item))
        .route(
            "/o/{slug}/transitie/{soort}/{id}",
            get(edit_form).post(update_item),
        )
        .route(
            "/o/{slug}/transitie/{soort}/{id}/verwijderen",
            post(delete_item),
        )
}

fn base(slug: &str) -> String {
    format!("/o/{slug}/transitie")
}

fn kind_of(soort: &str) -> Option<ItemKind> {
    ItemKind::ALL.into_iter().find(|k| k.resource() == soort)
}

/// What a member may do with items of a kind: read and write.
fn may_read(m: &Membership, kind: ItemKind) -> bool {
    if kind.personal() {
        m.role.can_see_personal_data()
    } else {
        m.role.is_internal() || kind == ItemKind::Risk
    }
}

fn may_write(m: &Membership, kind: ItemKind) -> bool {
    m.role.can_steer() && may_read(m, kind)
}

/// A supplier's user may submit a risk (never edit or remove one).
fn may_submit(m: &Membership, kind: ItemKind) -> bool {
    may_write(m, kind) || (kind == ItemKind::Risk && m.role.is_supplier())
}

/// The dossier as this member may see it: without people unless allowed, and for a supplier
/// only its own risks.
fn visible(mut dossier: Dossier, m: &Membership) -> Dossier {
    if !m.role.can_see_personal_data() {
        dossier.people.clear();
    }
    if m.role.is_supplier() {
        let own = m.supplier_scope();
        dossier
            .risks
            .retain(|(_, r)| r.leverancier.is_some() && r.leverancier == own);
        dossier.roles.clear();
        dossier.milestones.clear();
        dossier.messages.clear();
        dossier.plan = Plan::default();
    }
    dossier
}

// ---------------------------------------------------------------------------------------------
// Forms: one table of fields per kind, read into the JSON the domain reads (the API's shape).

struct FieldDef {
    key: &'static str,
    nl: &'static str,
    en: &'static str,
    widget: &'static str,
    required: bool,
    help: Option<(&'static str, &'static str)>,
}

const fn field(
    key: &'static str,
    nl: &'static str,
    en: &'static str,
    widget: &'static str,
    required: bool,
) -> FieldDef {
    FieldDef {
        key,
        nl,
        en,
        widget,
        required,
        help: None,
    }
}

const ROLE_FIELDS: [FieldDef; 8] = [
    field("naam", "Naam van de rol", "Name of the role", "text", true),
    field("domein", "Dienstdomein", "Service domain", "select", false),
    field(
        "verandering",
        "Wat gebeurt er met de rol",
        "What happens to the role",
        "select",
        true,
    ),
    field("takenNu", "Taken nu", "Tasks today", "textarea", false),
    field(
        "takenStraks",
        "Taken na uitbesteding",
        "Tasks after outsourcing",
        "textarea",
        false,
    ),
    field("fteNu", "Fte nu", "FTE today", "text", true),
    field(
        "fteStraks",
        "Fte na uitbesteding",
        "FTE after outsourcing",
        "text",
        true,
    ),
    FieldDef {
        key: "competenties",
        nl: "Competenties",
        en: "Competences",
        widget: "textarea",
        required: false,
        help: Some((
            "Eén per regel: naam; benodigde fte; aanwezige fte — bijvoorbeeld: Contractmanagement; 1,0; 0,2",
            "One per line: name; FTE needed; FTE available — for example: Contract management; 1.0; 0.2",
        )),
    },
];

const PERSON_FIELDS: [FieldDef; 5] = [
    field("naam", "Naam", "Name", "text", true),
    field("rol", "Rol nu", "Role today", "select", true),
    field("lot", "Wat gebeurt er", "What happens", "select", true),
    FieldDef {
        key: "nieuweRol",
        nl: "Nieuwe rol",
        en: "New role",
        widget: "select",
        required: false,
        help: Some(("Alleen bij 'nieuwe rol'.", "Only for 'new role'.")),
    },
    field("toelichting", "Toelichting", "Notes", "textarea", false),
];

const MILESTONE_FIELDS: [FieldDef; 6] = [
    field("naam", "Mijlpaal", "Milestone", "text", true),
    field("fase", "Fase", "Phase", "select", true),
    field("datum", "Datum", "Date", "date", true),
    field("eigenaar", "Eigenaar", "Owner", "text", false),
    FieldDef {
        key: "afhankelijkVan",
        nl: "Hangt af van",
        en: "Depends on",
        widget: "multiselect",
        required: false,
        help: Some((
            "De mijlpalen die eerst bereikt moeten zijn (Ctrl of Cmd voor meer dan één).",
            "The milestones to be reached first (Ctrl or Cmd for more than one).",
        )),
    },
    field("gereed", "Bereikt", "Reached", "select", false),
];

const RISK_FIELDS: [FieldDef; 9] = [
    field("titel", "Risico", "Risk", "text", true),
    field("oorzaak", "Oorzaak", "Cause", "textarea", false),
    field("gevolg", "Gevolg", "Effect", "textarea", false),
    field("kans", "Kans (1–5)", "Probability (1–5)", "select", true),
    field("impact", "Impact (1–5)", "Impact (1–5)", "select", true),
    field("eigenaar", "Eigenaar", "Owner", "text", false),
    field(
        "maatregel",
        "Beheersmaatregel",
        "Mitigation",
        "textarea",
        false,
    ),
    field(
        "maatregelVoor",
        "Maatregel gereed vóór",
        "Mitigation due",
        "date",
        false,
    ),
    field("status", "Status", "Status", "select", false),
];

/// What a supplier fills in when it submits a risk.
const SUPPLIER_RISK_FIELDS: [&str; 6] =
    ["titel", "oorzaak", "gevolg", "kans", "impact", "maatregel"];

const MESSAGE_FIELDS: [FieldDef; 6] = [
    field("doelgroep", "Doelgroep", "Audience", "select", true),
    field("boodschap", "Boodschap", "Message", "textarea", true),
    field("moment", "Moment", "Moment", "date", true),
    field("kanaal", "Kanaal", "Channel", "text", false),
    field("eigenaar", "Eigenaar", "Owner", "text", false),
    field("gedaan", "Gedaan", "Done", "select", false),
];

fn fields_of(kind: ItemKind) -> &'static [FieldDef] {
    match kind {
        ItemKind::Role => &ROLE_FIELDS,
        ItemKind::Person => &PERSON_FIELDS,
        ItemKind::Milestone => &MILESTONE_FIELDS,
        ItemKind::Risk => &RISK_FIELDS,
        ItemKind::Message => &MESSAGE_FIELDS,
    }
}

fn form_fields_for(kind: ItemKind, m: &Membership) -> Vec<&'static FieldDef> {
    fields_of(kind)
        .iter()
        .filter(|f| {
            !(kind == ItemKind::Risk && m.role.is_supplier())
                || SUPPLIER_RISK_FIELDS.contains(&f.key)
        })
        .collect()
}

/// The posted fields of a kind as the JSON object the domain reads: several values of a
/// multiple choice become a list, a blank field is left out.
fn form_json(kind: ItemKind, m: &Membership, form: &[(String, String)]) -> Value {
    let mut object = Map::new();
    for f in form_fields_for(kind, m) {
        let values: Vec<&str> = form
            .iter()
            .filter(|(k, v)| k == f.key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
            .collect();
        if f.widget == "multiselect" {
            object.insert(f.key.into(), json!(values));
        } else if let Some(v) = values.first() {
            object.insert(f.key.into(), Value::from(*v));
        }
    }
    Value::Object(object)
}

/// A stored item's fields as the form shows them.
fn form_values(item: &Item, lang: Lang) -> BTreeMap<String, Vec<String>> {
    let mut values = BTreeMap::new();
    if let Value::Object(map) = item.to_json() {
        for (key, value) in map {
            let texts = match (key.as_str(), &value) {
                ("competenties", Value::Array(items)) => vec![
                    items
                        .iter()
                        .map(|c| {
                            let n = |k: &str| number_text(c[k].as_f64().unwrap_or(0.0), lang);
                            format!(
                                "{}; {}; {}",
                                c["naam"].as_str().unwrap_or(""),
                                n("nodig"),
                                n("aanwezig")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                ],
                (_, Value::Array(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                (_, Value::Bool(b)) => vec![if *b { "ja" } else { "nee" }.to_string()],
                (_, Value::Number(n)) if n.is_f64() => {
                    vec![number_text(n.as_f64().unwrap_or(0.0), lang)]
                }
                (_, Value::Number(n)) => vec![n.to_string()],
                (_, Value::String(s)) => vec![s.clone()],
                _ => Vec::new(),
            };
            values.insert(key, texts);
        }
    }
    values
}

fn options(
    pairs: Vec<(String, String)>,
    selected: &[String],
    blank: Option<&str>,
) -> Vec<OptionGroup> {
    let mut items: Vec<OptionItem> = blank
        .map(|label| OptionItem {
            value: String::new(),
            label: label.to_string(),
            selected: selected.iter().all(String::is_empty),
        })
        .into_iter()
        .collect();
    items.extend(pairs.into_iter().map(|(value, label)| OptionItem {
        selected: selected.contains(&value),
        value,
        label,
    }));
    vec![OptionGroup {
        label: String::new(),
        options: items,
    }]
}

/// The choices of a select field.
fn choices(
    key: &str,
    kind: ItemKind,
    dossier: &Dossier,
    editing: Option<Uuid>,
    lang: Lang,
) -> (Vec<(String, String)>, Option<&'static str>) {
    let yes_no = || {
        vec![
            ("nee".to_string(), T(lang).s("tr-no-2").to_string()),
            ("ja".to_string(), T(lang).s("tr-yes-2").to_string()),
        ]
    };
    let roles = |leaving: bool| -> Vec<(String, String)> {
        dossier
            .roles
            .iter()
            .filter(|(_, r)| leaving || r.verandering != Change::Verdwijnt)
            .map(|(id, r)| (id.to_string(), r.naam.clone()))
            .collect()
    };
    let none = Some(T(lang).s("tr-none"));
    match (kind, key) {
        (ItemKind::Role, "domein") => (
            coded(
                &ServiceDomain::ALL,
                ServiceDomain::code,
                ServiceDomain::label,
                lang,
            ),
            Some(T(lang).s("tr-the-whole-organisation")),
        ),
        (ItemKind::Role, "verandering") => {
            (coded(&Change::ALL, Change::code, Change::label, lang), None)
        }
        (ItemKind::Person, "rol") => (roles(true), None),
        (ItemKind::Person, "nieuweRol") => (roles(false), none),
        (ItemKind::Person, "lot") => (coded(&Fate::ALL, Fate::code, Fate::label, lang), None),
        (ItemKind::Milestone, "fase") => {
            (coded(&Phase::ALL, Phase::code, Phase::label, lang), None)
        }
        (ItemKind::Milestone, "afhankelijkVan") => (
            dossier
                .milestones
                .iter()
                .filter(|(id, _)| Some(*id) != editing)
                .map(|(id, m)| (id.to_string(), format!("{} ({})", m.naam, date(m.datum))))
                .collect(),
            None,
        ),
        (ItemKind::Risk, "kans") => (
            (1..=5)
                .map(|n| {
                    (
                        n.to_string(),
                        format!("{n} — {}", probability_label(n, lang)),
                    )
                })
                .collect(),
            None,
        ),
        (ItemKind::Risk, "impact") => (
            (1..=5)
                .map(|n| (n.to_string(), format!("{n} — {}", impact_label(n, lang))))
                .collect(),
            None,
        ),
        (ItemKind::Risk, "status") => (
            coded(&RiskStatus::ALL, RiskStatus::code, RiskStatus::label, lang),
            None,
        ),
        (ItemKind::Message, "doelgroep") => (
            coded(&Audience::ALL, Audience::code, Audience::label, lang),
            None,
        ),
        (_, "gereed" | "gedaan") => (yes_no(), None),
        _ => (Vec::new(), None),
    }
}

/// The choices of a fixed list: each value's code and label.
fn coded<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> Vec<(String, String)> {
    all.iter()
        .map(|x| (code(*x).to_string(), label(*x, lang).to_string()))
        .collect()
}

fn probability_label(n: u8, lang: Lang) -> &'static str {
    match n {
        1 => T(lang).s("tr-rare"),
        2 => T(lang).s("tr-unlikely"),
        3 => T(lang).s("tr-possible"),
        4 => T(lang).s("tr-likely"),
        _ => T(lang).s("tr-almost-certain"),
    }
}

fn impact_label(n: u8, lang: Lang) -> &'static str {
    match n {
        1 => T(lang).s("tr-negligible"),
        2 => T(lang).s("tr-minor"),
        3 => T(lang).s("tr-moderate"),
        4 => T(lang).s("tr-major"),
        _ => T(lang).s("tr-severe"),
    }
}

/// The field a problem belongs to: `competenties[1].nodig` → `competenties`.
fn base_field(name: &str) -> &str {
    name.split(['[', '.']).next().unwrap_or(name)
}

fn summary(
    errors: &ValidationErrors,
    label: impl Fn(&str) -> String,
    lang: Lang,
) -> Vec<(String, String, String)> {
    errors
        .0
        .iter()
        .map(|e| {
            let field = base_field(&e.name);
            let mut what = label(field);
            if e.name != field {
                what = format!("{what} ({})", e.name);
            }
            (format!("veld-{field}"), what, e.problem.message(lang))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn item_form(
    auth: &Auth,
    m: &Membership,
    kind: ItemKind,
    dossier: &Dossier,
    editing: Option<Uuid>,
    values: &BTreeMap<String, Vec<String>>,
    errors: &ValidationErrors,
    lang: Lang,
) -> FormPage {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let defs = form_fields_for(kind, m);
    let fields = defs
        .iter()
        .map(|f| {
            let current = values.get(f.key).cloned().unwrap_or_default();
            let (pairs, blank) = choices(f.key, kind, dossier, editing, lang);
            let problems: Vec<String> = errors
                .0
                .iter()
                .filter(|e| base_field(&e.name) == f.key)
                .map(|e| {
                    if e.name == f.key {
                        e.problem.message(lang)
                    } else {
                        format!("{}: {}", e.name, e.problem.message(lang))
                    }
                })
                .collect();
            FormField {
                name: f.key.to_string(),
                id: format!("veld-{}", f.key),
                label: lang.pick(f.nl, f.en).to_string(),
                widget: f.widget,
                value: current.first().cloned().unwrap_or_default(),
                groups: if f.widget.ends_with("select") {
                    options(pairs, &current, blank)
                } else {
                    Vec::new()
                },
                required: f.required,
                error: (!problems.is_empty()).then(|| problems.join(" ")),
                help: f.help.map(|(nl, en)| lang.pick(nl, en).to_string()),
                maxlength: match f.widget {
                    "text" => 200,
                    _ => 0,
                },
                min: 0,
                max: 0,
            }
        })
        .collect();
    let label = |key: &str| {
        fields_of(kind)
            .iter()
            .find(|f| f.key == key)
            .map_or(key.to_string(), |f| lang.pick(f.nl, f.en).to_string())
    };
    let (heading, action) = match editing {
        Some(id) => (
            format!("{} {}", t.s("form-edit"), kind.label(lang)),
            format!("{}/{}/{id}", base(slug), kind.resource()),
        ),
        None => (
            format!("{} {}", t.s("form-new"), kind.label(lang)),
            format!("{}/{}", base(slug), kind.resource()),
        ),
    };
    FormPage {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some("transitie")),
        heading,
        action,
        cancel_href: format!("{}#{}", base(slug), kind.resource()),
        fields,
        version: None,
        error_summary: summary(errors, label, lang),
        message: (!errors.is_empty()).then(|| t.s("form-errors").to_string()),
    }
}

async fn load(state: &AppState, m: &Membership, headers: &HeaderMap) -> Result<Dossier, Fail> {
    state
        .store
        .transition(m.organisation.id)
        .await
        .or_page(headers)
}

fn page_kind(
    soort: &str,
    m: &Membership,
    headers: &HeaderMap,
    write: bool,
) -> Result<ItemKind, Fail> {
    let Some(kind) = kind_of(soort) else {
        return fail(headers, StatusCode::NOT_FOUND);
    };
    let allowed = if write {
        may_submit(m, kind)
    } else {
        may_read(m, kind)
    };
    if !allowed {
        return fail(headers, StatusCode::FORBIDDEN);
    }
    Ok(kind)
}

async fn new_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = page_kind(&soort, m, &headers, true)?;
    let dossier = load(&state, m, &headers).await?;
    let mut values = BTreeMap::new();
    for (key, value) in [
        ("kans", "3"),
        ("impact", "3"),
        ("gereed", "nee"),
        ("gedaan", "nee"),
    ] {
        values.insert(key.to_string(), vec![value.to_string()]);
    }
    let view = item_form(
        &auth,
        m,
        kind,
        &dossier,
        None,
        &values,
        &ValidationErrors::default(),
        lang,
    );
    Ok(render(StatusCode::OK, &view))
}

async fn edit_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = page_kind(&soort, m, &headers, false)?;
    if !may_write(m, kind) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let dossier = load(&state, m, &headers).await?;
    let id = Uuid::parse_str(&id).ok();
    let Some((id, item)) = id.and_then(|id| dossier.item(kind, id).map(|i| (id, i))) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let view = item_form(
        &auth,
        m,
        kind,
        &dossier,
        Some(id),
        &form_values(&item, lang),
        &ValidationErrors::default(),
        lang,
    );
    Ok(render(StatusCode::OK, &view))
}

/// Reads a posted item and saves it; on a problem the form again, with every problem.
#[allow(clippy::too_many_arguments)]
async fn save_posted(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    kind: ItemKind,
    id: Option<Uuid>,
    body: &Bytes,
    lang: Lang,
    headers: &HeaderMap,
) -> Result<Response, Fail> {
    let form = form_pairs(body);
    let input = form_json(kind, m, &form);
    let dossier = load(state, m, headers).await?;
    let result = match kind.read(&input) {
        Ok(item) => {
            let item = stamped(item, m);
            store_result(
                state
                    .store
                    .save_transition_item(&auth.actor(), m.organisation.id, id, item)
                    .await
                    .map(|_| ()),
            )
            .or_page(headers)?
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "{}#{}",
            base(&m.organisation.slug),
            kind.resource()
        ))),
        Err(errors) => {
            let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (k, v) in form {
                values.entry(k).or_default().push(v);
            }
            let view = item_form(auth, m, kind, &dossier, id, &values, &errors, lang);
            Ok(render(StatusCode::BAD_REQUEST, &view))
        }
    }
}

/// A risk submitted by a supplier's user carries its supplier.
fn stamped(item: Item, m: &Membership) -> Item {
    match item {
        Item::Risk(mut risk) if m.role.is_supplier() => {
            risk.leverancier = m.supplier_scope();
            risk.status = RiskStatus::Open;
            Item::Risk(risk)
        }
        other => other,
    }
}

async fn create_item(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = page_kind(&soort, m, &headers, true)?;
    save_posted(&state, &auth, m, kind, None, &body, lang, &headers).await
}

async fn update_item(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = page_kind(&soort, m, &headers, false)?;
    if !may_write(m, kind) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    save_posted(&state, &auth, m, kind, Some(id), &body, lang, &headers).await
}

async fn delete_item(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = page_kind(&soort, m, &headers, false)?;
    if !may_write(m, kind) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let result = store_result(
        state
            .store
            .delete_transition_item(&auth.actor(), m.organisation.id, kind, id)
            .await,
    )
    .or_page(&headers)?;
    match result {
        Ok(()) => Ok(see_other(&format!("{}#{}", base(&slug), kind.resource()))),
        Err(errors) => {
            let view = dossier_view(&state, &auth, m, lang, &headers, Some(errors)).await?;
            Ok(render(StatusCode::BAD_REQUEST, &view))
        }
    }
}

async fn add_template(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !may_write(m, ItemKind::Role) {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let dossier = load(&state, m, &headers).await?;
    let existing: BTreeSet<String> = dossier
        .roles
        .iter()
        .map(|(_, r)| r.naam.to_lowercase())
        .collect();
    for role in template(lang) {
        if !existing.contains(&role.naam.to_lowercase()) {
            state
                .store
                .save_transition_item(&auth.actor(), m.organisation.id, None, Item::Role(role))
                .await
                .or_page(&headers)?;
        }
    }
    Ok(see_other(&format!("{}#rollen", base(&slug))))
}

// ---------------------------------------------------------------------------------------------
// The plan's form: five phases with their dates, the minimum stabilisation, the tender's size.

const PLAN_SIZE_FIELDS: [FieldDef; 4] = [
    field(
        "aanbesteding.soort",
        "Soort opdracht",
        "Kind of contract",
        "select",
        false,
    ),
    field(
        "aanbesteding.jaarwaarde",
        "Waarde per jaar (euro, excl. btw)",
        "Value per year (euros, excl. VAT)",
        "text",
        false,
    ),
    field(
        "aanbesteding.maanden",
        "Looptijd in maanden",
        "Term in months",
        "number",
        false,
    ),
    field(
        "aanbesteding.optieMaanden",
        "Opties en verlengingen in maanden",
        "Options and extensions in months",
        "number",
        false,
    ),
];

fn plan_json(form: &[(String, String)]) -> (Value, Vec<Phase>) {
    let get = |key: &str| {
        form.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut phases = Vec::new();
    let mut order = Vec::new();
    for phase in Phase::ALL {
        let (start, end) = (
            get(&format!("start-{}", phase.code())),
            get(&format!("eind-{}", phase.code())),
        );
        if start.is_empty() && end.is_empty() {
            continue;
        }
        order.push(phase);
        phases.push(json!({"fase": phase.code(), "start": start, "eind": end}));
    }
    let mut plan =
        json!({"fasen": phases, "minStabilisatieMaanden": get("minStabilisatieMaanden")});
    let size: Map<String, Value> = ["soort", "jaarwaarde", "maanden", "optieMaanden"]
        .into_iter()
        .filter_map(|k| {
            let v = get(&format!("aanbesteding.{k}"));
            (!v.is_empty()).then(|| (k.to_string(), Value::from(v)))
        })
        .collect();
    if !size.is_empty() {
        plan["aanbesteding"] = Value::Object(size);
    }
    (plan, order)
}

fn plan_values(plan: &Plan, lang: Lang) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    for p in &plan.fasen {
        values.insert(format!("start-{}", p.fase.code()), p.start.to_string());
        values.insert(format!("eind-{}", p.fase.code()), p.eind.to_string());
    }
    values.insert(
        "minStabilisatieMaanden".into(),
        plan.min_stabilisatie_maanden.to_string(),
    );
    if let Some(s) = &plan.aanbesteding {
        values.insert("aanbesteding.soort".into(), s.soort.code().into());
        values.insert(
            "aanbesteding.jaarwaarde".into(),
            number_text(s.jaarwaarde, lang),
        );
        values.insert("aanbesteding.maanden".into(), s.maanden.to_string());
        values.insert(
            "aanbesteding.optieMaanden".into(),
            s.optie_maanden.to_string(),
        );
    }
    values
}

fn plan_page(
    auth: &Auth,
    m: &Membership,
    values: &BTreeMap<String, String>,
    errors: &ValidationErrors,
    order: &[Phase],
    lang: Lang,
) -> FormPage {
    let t = T(lang);
    let slug = &m.organisation.slug;
    // A problem of `fasen[i].eind` belongs to the field of that phase's end.
    let field_of = |name: &str| -> String {
        if let Some(rest) = name.strip_prefix("fasen[")
            && let Some((index, field)) = rest.split_once("].")
            && let Some(phase) = index.parse::<usize>().ok().and_then(|i| order.get(i))
        {
            return format!(
                "{}-{}",
                if field == "fase" { "start" } else { field },
                phase.code()
            );
        }
        name.to_string()
    };
    let error_for = |name: &str| -> Option<String> {
        let found: Vec<String> = errors
            .0
            .iter()
            .filter(|e| field_of(&e.name) == name)
            .map(|e| e.problem.message(lang))
            .collect();
        (!found.is_empty()).then(|| found.join(" "))
    };
    let value = |name: &str| values.get(name).cloned().unwrap_or_default();
    let mut fields = Vec::new();
    let mut push = |name: String,
                    label: String,
                    widget: &'static str,
                    groups: Vec<OptionGroup>,
                    help: Option<String>| {
        fields.push(FormField {
            id: format!("veld-{name}"),
            error: error_for(&name),
            value: value(&name),
            name,
            label,
            widget,
            groups,
            required: false,
            help,
            maxlength: 0,
            min: 0,
            max: 600,
        });
    };
    for phase in Phase::ALL {
        for (which, nl, en) in [("start", "start", "start"), ("eind", "einde", "end")] {
            push(
                format!("{which}-{}", phase.code()),
                format!("{} — {}", phase.label(lang), lang.pick(nl, en)),
                "date",
                Vec::new(),
                None,
            );
        }
    }
    push(
        "minStabilisatieMaanden".into(),
        T(lang).s("tr-minimum-stabilisation-months").into(),
        "number",
        Vec::new(),
        Some(T(lang).s("tr-shorter-is-warned-about").into()),
    );
    for f in &PLAN_SIZE_FIELDS {
        let groups = if f.widget == "select" {
            options(
                coded(&Kind::ALL, Kind::code, Kind::label, lang),
                &[value(f.key)],
                Some(T(lang).s("tr-not-known-yet")),
            )
        } else {
            Vec::new()
        };
        push(
            f.key.into(),
            lang.pick(f.nl, f.en).into(),
            f.widget,
            groups,
            None,
        );
    }
    let heading = T(lang).s("tr-transition-plan-phases-and").to_string();
    let action = format!("{}/plan", base(slug));
    FormPage {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some("transitie")),
        heading,
        action,
        cancel_href: format!("{}#plan", base(slug)),
        fields,
        version: None,
        error_summary: errors
            .0
            .iter()
            .map(|e| {
                (
                    format!("veld-{}", field_of(&e.name)),
                    e.name.clone(),
                    e.problem.message(lang),
                )
            })
            .collect(),
        message: (!errors.is_empty()).then(|| t.s("form-errors").to_string()),
    }
}

async fn plan_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.can_steer() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let dossier = load(&state, m, &headers).await?;
    let order: Vec<Phase> = dossier.plan.fasen.iter().map(|p| p.fase).collect();
    let view = plan_page(
        &auth,
        m,
        &plan_values(&dossier.plan, lang),
        &ValidationErrors::default(),
        &order,
        lang,
    );
    Ok(render(StatusCode::OK, &view))
}

async fn save_plan(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    body: Bytes,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.can_steer() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let form = form_pairs(&body);
    let (input, order) = plan_json(&form);
    let result = match Plan::read(&input) {
        Ok(plan) => store_result(
            state
                .store
                .save_transition_plan(&auth.actor(), m.organisation.id, &plan)
                .await,
        )
        .or_page(&headers)?,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("{}#plan", base(&slug)))),
        Err(errors) => {
            let values = form.into_iter().collect();
            let view = plan_page(&auth, m, &values, &errors, &order, lang);
            Ok(render(StatusCode::BAD_REQUEST, &view))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The dossier page.

struct RoleRow {
    name: String,
    domain: String,
    change: &'static str,
    before: String,
    after: String,
    edit: String,
    delete: String,
}

struct GapRow {
    name: String,
    needed: String,
    available: String,
    shortfall: String,
    short: bool,
}

struct PersonRow {
    name: String,
    role: String,
    fate: &'static str,
    new_role: String,
    edit: String,
    delete: String,
}

struct PhaseRow {
    phase: &'static str,
    start: String,
    end: String,
    days: i64,
}

struct MilestoneRow {
    name: String,
    phase: &'static str,
    date: String,
    owner: String,
    depends: String,
    state: &'static str,
    late: bool,
    edit: String,
    delete: String,
}

struct HeatCell {
    count: u32,
    class: &'static str,
    label: String,
}

struct HeatRow {
    impact: String,
    cells: Vec<HeatCell>,
}

struct RiskRow {
    id: String,
    title: String,
    cause: String,
    effect: String,
    score: u8,
    band: &'static str,
    band_class: &'static str,
    probability: u8,
    impact: u8,
    owner: String,
    mitigation: String,
    due: String,
    late: bool,
    status: &'static str,
    by: String,
    edit: String,
    delete: String,
}

struct ReportLine {
    title: String,
    detail: String,
}

struct MessageRow {
    audience: &'static str,
    message: String,
    moment: String,
    channel: String,
    owner: String,
    done: bool,
    overdue: bool,
    edit: String,
    delete: String,
}

#[derive(Template)]
#[template(path = "transitie.html")]
struct DossierPage {
    page: Chrome,
    supplier: bool,
    can_edit: bool,
    sees_people: bool,
    problems: Vec<String>,
    warnings: Vec<String>,
    roles: Vec<RoleRow>,
    fte_before: String,
    fte_after: String,
    gaps: Vec<GapRow>,
    people: Vec<PersonRow>,
    phases: Vec<PhaseRow>,
    gantt: Option<Chart>,
    milestones: Vec<MilestoneRow>,
    late_count: usize,
    heat: Vec<HeatRow>,
    probability_heads: Vec<String>,
    risks: Vec<RiskRow>,
    report_new: Vec<ReportLine>,
    report_changed: Vec<ReportLine>,
    report_grown: Vec<ReportLine>,
    report_removed: Vec<ReportLine>,
    report_late: Vec<ReportLine>,
    messages: Vec<MessageRow>,
    base: String,
    api: String,
}

fn band_class(score: u8) -> &'static str {
    match band(score).0 {
        "laag" => "rg-heat--laag",
        "midden" => "rg-heat--midden",
        "hoog" => "rg-heat--hoog",
        _ => "rg-heat--zeer-hoog",
    }
}

async fn dossier_view(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    lang: Lang,
    headers: &HeaderMap,
    problems: Option<ValidationErrors>,
) -> Result<DossierPage, Fail> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let today = today();
    let dossier = visible(load(state, m, headers).await?, m);
    let policy = state
        .store
        .procurement_policy(m.organisation.id)
        .await
        .or_page(headers)?;
    let can_edit = m.role.can_steer();
    let href = |kind: ItemKind, id: Uuid| format!("{}/{}/{id}", base(slug), kind.resource());
    let role_name = |id: Uuid| {
        dossier
            .roles
            .iter()
            .find(|(r, _)| *r == id)
            .map_or(String::new(), |(_, r)| r.naam.clone())
    };
    let summary = fte(&dossier.roles);
    let roles = dossier
        .roles
        .iter()
        .zip(&summary.roles)
        .map(|((id, r), f)| RoleRow {
            name: r.naam.clone(),
            domain: r
                .domain()
                .map_or(T(lang).s("tr-whole-organisation").to_string(), |d| {
                    d.label(lang).to_string()
                }),
            change: r.verandering.label(lang),
            before: number_text(f.voor, lang),
            after: number_text(f.na, lang),
            edit: href(ItemKind::Role, *id),
            delete: format!("{}/verwijderen", href(ItemKind::Role, *id)),
        })
        .collect();
    let gaps = competence_gaps(&dossier.roles)
        .into_iter()
        .map(|g| GapRow {
            short: g.tekort > 0.0,
            name: g.naam,
            needed: number_text(g.nodig, lang),
            available: number_text(g.aanwezig, lang),
            shortfall: number_text(g.tekort, lang),
        })
        .collect();
    let people = dossier
        .people
        .iter()
        .map(|(id, p)| PersonRow {
            name: p.naam.clone(),
            role: role_name(p.rol),
            fate: p.lot.label(lang),
            new_role: p.nieuwe_rol.map(role_name).unwrap_or_default(),
            edit: href(ItemKind::Person, *id),
            delete: format!("{}/verwijderen", href(ItemKind::Person, *id)),
        })
        .collect();
    let phases = dossier
        .plan
        .fasen
        .iter()
        .map(|p| PhaseRow {
            phase: p.fase.label(lang),
            start: date(p.start),
            end: date(p.eind),
            days: (p.eind - p.start).num_days(),
        })
        .collect();
    let milestone_name = |id: &Uuid| {
        dossier
            .milestones
            .iter()
            .find(|(m, _)| m == id)
            .map_or(String::new(), |(_, m)| m.naam.clone())
    };
    let mut milestone_list: Vec<&(Uuid, regisseur_domain::transition::plan::Milestone)> =
        dossier.milestones.iter().collect();
    milestone_list.sort_by_key(|(_, m)| m.datum);
    let milestones = milestone_list
        .into_iter()
        .map(|(id, ms)| MilestoneRow {
            name: ms.naam.clone(),
            phase: ms.fase.label(lang),
            date: date(ms.datum),
            owner: ms.eigenaar.clone(),
            depends: ms
                .afhankelijk_van
                .iter()
                .map(milestone_name)
                .collect::<Vec<_>>()
                .join(", "),
            state: if ms.gereed {
                T(lang).s("tr-reached")
            } else if ms.late(today) {
                T(lang).s("tr-late-2")
            } else {
                T(lang).s("tr-planned")
            },
            late: ms.late(today),
            edit: href(ItemKind::Milestone, *id),
            delete: format!("{}/verwijderen", href(ItemKind::Milestone, *id)),
        })
        .collect();
    // Heat map: impact from 5 (top) to 1, probability 1 to 5.
    let cells = heat_map(dossier.risks.iter().map(|(_, r)| r));
    let heat = (1..=5u8)
        .rev()
        .map(|impact| HeatRow {
            impact: format!("{impact} — {}", impact_label(impact, lang)),
            cells: (1..=5u8)
                .map(|kans| {
                    let count = cells[usize::from(impact) - 1][usize::from(kans) - 1];
                    let (nl, en) = band(kans * impact);
                    HeatCell {
                        count,
                        class: band_class(kans * impact),
                        label: match lang {
                            Lang::Nl => format!("kans {kans}, impact {impact}, score {} ({nl}): {count} risico's", kans * impact),
                            Lang::En => format!("probability {kans}, impact {impact}, score {} ({en}): {count} risks", kans * impact),
                        },
                    }
                })
                .collect(),
        })
        .collect();
    let supplier_ids: BTreeSet<Uuid> = dossier
        .risks
        .iter()
        .filter_map(|(_, r)| r.leverancier)
        .collect();
    let names = state
        .store
        .element_names(m.organisation.id, &supplier_ids)
        .await
        .or_page(headers)?;
    let mut risk_list: Vec<&(Uuid, risks::Risk)> = dossier.risks.iter().collect();
    risk_list.sort_by(|a, b| {
        b.1.score()
            .cmp(&a.1.score())
            .then(a.1.titel.cmp(&b.1.titel))
    });
    let risk_rows = risk_list
        .iter()
        .map(|(id, r)| RiskRow {
            id: format!("risico-{id}"),
            title: r.titel.clone(),
            cause: r.oorzaak.clone(),
            effect: r.gevolg.clone(),
            score: r.score(),
            band: lang.pick(band(r.score()).0, band(r.score()).1),
            band_class: band_class(r.score()),
            probability: r.kans,
            impact: r.impact,
            owner: r.eigenaar.clone(),
            mitigation: r.maatregel.clone(),
            due: r.maatregel_voor.map(date).unwrap_or_default(),
            late: r.mitigation_late(today),
            status: r.status.label(lang),
            by: r
                .leverancier
                .and_then(|s| names.get(&s).map(|(_, n)| n.clone()))
                .unwrap_or_else(|| m.organisation.name.clone()),
            edit: href(ItemKind::Risk, *id),
            delete: format!("{}/verwijderen", href(ItemKind::Risk, *id)),
        })
        .collect();
    // The weekly report: the dossier now against a week ago.
    let week_ago = crate::kit::clock::now() - chrono::Duration::days(7);
    let mut before = state
        .store
        .risks_as_of(m.organisation.id, week_ago)
        .await
        .or_page(headers)?;
    if m.role.is_supplier() {
        let own = m.supplier_scope();
        before.retain(|_, r| r.leverancier.is_some() && r.leverancier == own);
    }
    let now: BTreeMap<Uuid, risks::Risk> = dossier.risks.iter().cloned().collect();
    let report = weekly_report(&before, &now, today);
    let title = |id: &Uuid| {
        now.get(id)
            .or_else(|| before.get(id))
            .map_or(String::new(), |r| r.titel.clone())
    };
    let line = |id: &Uuid, detail: String| ReportLine {
        title: title(id),
        detail,
    };
    let report_new = report
        .new
        .iter()
        .map(|id| {
            line(
                id,
                now.get(id)
                    .map_or(String::new(), |r| format!("score {}", r.score())),
            )
        })
        .collect();
    let report_changed = report
        .changed
        .iter()
        .map(|c| line(&c.id, c.fields.join(", ")))
        .collect();
    let report_grown = report
        .grown
        .iter()
        .map(|g| line(&g.id, format!("{} → {}", g.before, g.after)))
        .collect();
    let report_removed = report
        .removed
        .iter()
        .map(|id| line(id, String::new()))
        .collect();
    let report_late = report
        .late_mitigations
        .iter()
        .map(|id| {
            line(
                id,
                now.get(id)
                    .and_then(|r| r.maatregel_voor)
                    .map_or(String::new(), |d| {
                        format!("{} {}", T(lang).s("tr-due-2"), date(d))
                    }),
            )
        })
        .collect();
    let mut message_list: Vec<_> = dossier.messages.iter().collect();
    message_list.sort_by_key(|(_, msg)| msg.moment);
    let messages = message_list
        .into_iter()
        .map(|(id, msg)| MessageRow {
            audience: msg.doelgroep.label(lang),
            message: msg.boodschap.clone(),
            moment: date(msg.moment),
            channel: msg.kanaal.clone(),
            owner: msg.eigenaar.clone(),
            done: msg.gedaan,
            overdue: msg.overdue(today),
            edit: href(ItemKind::Message, *id),
            delete: format!("{}/verwijderen", href(ItemKind::Message, *id)),
        })
        .collect();
    let warnings = if m.role.is_supplier() {
        Vec::new()
    } else {
        dossier
            .warnings(policy, lang)
            .iter()
            .map(|w| w.message(lang))
            .collect()
    };
    Ok(DossierPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("transition-title"), m.organisation.name),
            &base(slug),
        )
        .for_org(auth, m, Some("transitie")),
        supplier: m.role.is_supplier(),
        can_edit,
        sees_people: m.role.can_see_personal_data(),
        problems: problems
            .map(|e| e.0.iter().map(|f| f.problem.message(lang)).collect())
            .unwrap_or_default(),
        warnings,
        roles,
        fte_before: number_text(summary.voor, lang),
        fte_after: number_text(summary.na, lang),
        gaps,
        people,
        phases,
        gantt: gantt(&dossier, today, lang),
        late_count: dossier.late_milestones(today).len(),
        milestones,
        heat,
        probability_heads: (1..=5u8)
            .map(|k| format!("{k} — {}", probability_label(k, lang)))
            .collect(),
        risks: risk_rows,
        report_new,
        report_changed,
        report_grown,
        report_removed,
        report_late,
        messages,
        base: base(slug),
        api: format!("/api/v1/organisaties/{slug}/transitie"),
    })
}

async fn dossier_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let view = dossier_view(&state, &auth, m, lang, &headers, None).await?;
    Ok(render(StatusCode::OK, &view))
}

// ---------------------------------------------------------------------------------------------
// The API.

fn item_json(slug: &str, kind: ItemKind, id: Uuid, item: &Item) -> Value {
    let mut value = item.to_json();
    if let Value::Object(map) = &mut value {
        map.insert("id".into(), Value::from(id.to_string()));
        map.insert(
            "_links".into(),
            json!({"self": {"href": format!("/api/v1/organisaties/{slug}/transitie/{}/{id}", kind.resource())}}),
        );
        if let Item::Risk(r) = item {
            map.insert("score".into(), Value::from(r.score()));
        }
    }
    value
}

fn api_member<'a>(
    auth: &'a ApiAuth,
    slug: &str,
    kind: ItemKind,
    write: bool,
) -> Result<&'a Membership, Problem> {
    let m = crate::kit::api::membership(auth, slug)?;
    let allowed = if write {
        may_submit(m, kind)
    } else {
        may_read(m, kind)
    };
    if allowed {
        Ok(m)
    } else {
        Err(Problem::forbidden())
    }
}

/// `GET /api/v1/organisaties/{slug}/transitie`: the summary — FTE per role and in total, the
/// competence gap, the plan with its warnings, milestones late, the top risks, the heat map and
/// the weekly report, messages overdue. No personal data.
pub(crate) async fn api_summary(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, Problem> {
    let m = internal_membership(&auth, &slug)?;
    let lang = Lang::Nl;
    let threshold = match crate::kit::api::query_pairs(query.as_deref())
        .into_iter()
        .find(|(k, _)| k == "drempel")
    {
        None => risks::DEFAULT_THRESHOLD,
        Some((_, v)) => v
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=25).contains(n))
            .ok_or_else(|| {
                Problem::bad_request(format!("drempel: '{v}' is geen score van 1 tot 25."))
            })?,
    };
    let dossier = state.store.transition(m.organisation.id).await?;
    let policy = state.store.procurement_policy(m.organisation.id).await?;
    let before = state
        .store
        .risks_as_of(
            m.organisation.id,
            crate::kit::clock::now() - chrono::Duration::days(7),
        )
        .await?;
    let value = dossier.summary_json(&before, policy, threshold, today(), lang);
    Ok(json_response(StatusCode::OK, value))
}

/// `GET …/transitie/plan`
pub(crate) async fn api_plan(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let m = internal_membership(&auth, &slug)?;
    let dossier = state.store.transition(m.organisation.id).await?;
    Ok(json_response(
        StatusCode::OK,
        serde_json::to_value(&dossier.plan).unwrap_or(Value::Null),
    ))
}

/// `PUT …/transitie/plan`
pub(crate) async fn api_replace_plan(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let m = internal_membership(&auth, &slug)?;
    if !m.role.can_steer() {
        return Err(Problem::forbidden());
    }
    let plan = Plan::read(&json_body(&body)?).map_err(|e| Problem::invalid(&e))?;
    state
        .store
        .save_transition_plan(&auth.0.actor(), m.organisation.id, &plan)
        .await?;
    Ok(json_response(
        StatusCode::OK,
        serde_json::to_value(&plan).unwrap_or(Value::Null),
    ))
}

/// `GET …/transitie/{soort}`
pub(crate) async fn api_list(
    kind: ItemKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let m = api_member(&auth, &slug, kind, false)?;
    let dossier = visible(state.store.transition(m.organisation.id).await?, m);
    let items: Vec<Value> = dossier
        .items(kind)
        .iter()
        .map(|(id, item)| item_json(&slug, kind, *id, item))
        .collect();
    Ok(json_response(
        StatusCode::OK,
        json!({"_embedded": {kind.resource(): items}, "totaal": items.len()}),
    ))
}

/// `GET …/transitie/{soort}/{id}`
pub(crate) async fn api_get(
    kind: ItemKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let m = api_member(&auth, &slug, kind, false)?;
    let dossier = visible(state.store.transition(m.organisation.id).await?, m);
    let id = Uuid::parse_str(&id).map_err(|_| Problem::not_found())?;
    let item = dossier.item(kind, id).ok_or_else(Problem::not_found)?;
    Ok(json_response(
        StatusCode::OK,
        item_json(&slug, kind, id, &item),
    ))
}

/// `POST …/transitie/{soort}` (a supplier's user: risks only, for its own supplier)
pub(crate) async fn api_create(
    kind: ItemKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let m = api_member(&auth, &slug, kind, true)?;
    let item = stamped(
        kind.read(&json_body(&body)?)
            .map_err(|e| Problem::invalid(&e))?,
        m,
    );
    let id = state
        .store
        .save_transition_item(&auth.0.actor(), m.organisation.id, None, item.clone())
        .await?;
    let stored = state
        .store
        .transition(m.organisation.id)
        .await?
        .item(kind, id)
        .unwrap_or(item);
    let mut response = json_response(StatusCode::CREATED, item_json(&slug, kind, id, &stored));
    if let Ok(location) = header::HeaderValue::from_str(&format!(
        "/api/v1/organisaties/{slug}/transitie/{}/{id}",
        kind.resource()
    )) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `PUT …/transitie/{soort}/{id}`
pub(crate) async fn api_replace(
    kind: ItemKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, Problem> {
    let m = api_member(&auth, &slug, kind, false)?;
    if !may_write(m, kind) {
        return Err(Problem::forbidden());
    }
    let id = Uuid::parse_str(&id).map_err(|_| Problem::not_found())?;
    let mut value = json_body(&body)?;
    if let Value::Object(map) = &mut value {
        // What the API gives out may come back: the id, the links, the score.
        for key in ["id", "_links", "score"] {
            map.remove(key);
        }
    }
    let item = kind.read(&value).map_err(|e| Problem::invalid(&e))?;
    state
        .store
        .save_transition_item(&auth.0.actor(), m.organisation.id, Some(id), item.clone())
        .await?;
    let stored = state
        .store
        .transition(m.organisation.id)
        .await?
        .item(kind, id)
        .unwrap_or(item);
    Ok(json_response(
        StatusCode::OK,
        item_json(&slug, kind, id, &stored),
    ))
}

/// `DELETE …/transitie/{soort}/{id}`
pub(crate) async fn api_delete(
    kind: ItemKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let m = api_member(&auth, &slug, kind, false)?;
    if !may_write(m, kind) {
        return Err(Problem::forbidden());
    }
    let id = Uuid::parse_str(&id).map_err(|_| Problem::not_found())?;
    match state
        .store
        .delete_transition_item(&auth.0.actor(), m.organisation.id, kind, id)
        .await
    {
        Ok(()) => Ok(axum::response::IntoResponse::into_response(
            StatusCode::NO_CONTENT,
        )),
        Err(StoreError::Invalid(e)) => {
            Err(Problem::new(StatusCode::CONFLICT, "Nog in gebruik").detail(e.to_string()))
        }
        Err(e) => Err(e.into()),
    }
}
