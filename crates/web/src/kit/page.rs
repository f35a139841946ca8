//! The server-rendered interface. Every form works without JavaScript; htmx only makes
//! searching and filtering quicker by swapping the result table.

use crate::AppState;
use crate::kit::api::{list_query, query_pairs, visible_to};
use crate::kit::auth::{
    Auth, LANG_COOKIE, MaybeAuth, PageAuth, clear_session_cookie, is_https, safe_return_path,
    session_cookie,
};
use crate::kit::i18n::{ReqLang, T, request_lang};
use crate::kit::view::{
    Part, changed_fields, display, element_href, element_label, form_value, referenced_ids,
};
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{Duration, Utc};
use regisseur_domain::access::{LOGIN_WINDOW_MINUTES, login_throttled};
use regisseur_domain::landscape::{
    EntityKind, FieldSpec, FieldType, InputMode, RELATION_TYPE, choice_label,
};
use regisseur_domain::values::COUNTRIES;
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{AuditQuery, Dependent, Element, ListQuery, Membership, StoreError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/inloggen", get(login_form).post(login))
        .route("/uitloggen", post(logout))
        .route("/taal", post(set_language))
        .route("/account", get(account))
        .route("/account/tokens", post(create_token))
        .route("/o/{slug}", get(dashboard))
        .route("/o/{slug}/audit", get(audit_page))
        .merge(crate::stages::basis::transfer::router())
        .route("/o/{slug}/{soort}", get(list_page).post(create_submit))
        .route("/o/{slug}/{soort}/nieuw", get(new_form))
        .route(
            "/o/{slug}/{soort}/{id}",
            get(detail_page).post(update_submit),
        )
        .route("/o/{slug}/{soort}/{id}/bewerken", get(edit_form))
        .route(
            "/o/{slug}/{soort}/{id}/verwijderen",
            get(delete_confirm).post(delete_submit),
        )
        .fallback(not_found_page)
}

// ---------------------------------------------------------------------------------------------
// Page chrome shared by every page.

pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// One stage of the journey in the navigation, with its pages.
pub struct NavSection {
    pub title: String,
    pub links: Vec<NavLink>,
}

pub struct OrgLink {
    pub slug: String,
    pub name: String,
    pub current: bool,
}

pub struct Chrome {
    pub lang: &'static str,
    pub t: T,
    pub title: String,
    pub user_name: Option<String>,
    pub org_name: Option<String>,
    pub org_slug: Option<String>,
    pub role: Option<String>,
    pub orgs: Vec<OrgLink>,
    pub nav: Vec<NavSection>,
    pub current_path: String,
    pub asset_version: &'static str,
    pub theme: &'static str,
}

impl Chrome {
    pub(crate) fn new(lang: Lang, title: impl Into<String>, path: &str) -> Chrome {
        Chrome {
            lang: lang.code(),
            t: T(lang),
            title: title.into(),
            user_name: None,
            org_name: None,
            org_slug: None,
            role: None,
            orgs: Vec::new(),
            nav: Vec::new(),
            current_path: path.to_string(),
            asset_version: crate::kit::assets::asset_version(),
            theme: crate::kit::assets::theme().class(),
        }
    }

    fn for_user(mut self, auth: &Auth) -> Chrome {
        self.user_name = Some(auth.user.name.clone());
        self
    }

    /// The chrome inside an organisation: its name, the switcher and the stage navigation.
    pub(crate) fn for_org(mut self, auth: &Auth, m: &Membership, current: Option<&str>) -> Chrome {
        let lang = self.t.0;
        let slug = &m.organisation.slug;
        self.user_name = Some(auth.user.name.clone());
        self.org_name = Some(m.organisation.name.clone());
        self.org_slug = Some(slug.clone());
        self.role = Some(m.role.label(lang).to_string());
        self.orgs = auth
            .memberships
            .iter()
            .map(|o| OrgLink {
                slug: o.organisation.slug.clone(),
                name: o.organisation.name.clone(),
                current: o.organisation.id == m.organisation.id,
            })
            .collect();
        let mut nav = vec![NavLink {
            href: format!("/o/{slug}"),
            label: self.t.s("nav-dashboard").to_string(),
            current: current == Some("dashboard"),
        }];
        for kind in EntityKind::ALL {
            if m.role.can_read(kind) {
                nav.push(NavLink {
                    href: format!("/o/{slug}/{}", kind.resource()),
                    label: kind.plural(lang).to_string(),
                    current: current == Some(kind.resource()),
                });
            }
        }
        if !m.role.is_supplier() {
            nav.push(NavLink {
                href: format!("/o/{slug}/importeren"),
                label: self.t.s("nav-transfer").to_string(),
                current: current == Some("importeren"),
            });
        }
        if m.role.can_read_audit() {
            nav.push(NavLink {
                href: format!("/o/{slug}/audit"),
                label: self.t.s("nav-audit").to_string(),
                current: current == Some("audit"),
            });
        }
        let mut sections = vec![NavSection {
            title: self.t.s("nav-basis").to_string(),
            links: nav,
        }];
        if !m.role.is_supplier() {
            for (title, label, page) in [
                ("nav-kwaliteit", "quality-title", "kwaliteit"),
                ("nav-koers", "koers-title", "koers"),
                ("nav-gereedheid", "ready-title", "gereedheid"),
                ("nav-scope", "scope-title", "scope"),
                ("nav-businesscase", "bc-title", "businesscase"),
                ("nav-aanbesteding", "proc-title", "aanbesteding"),
            ] {
                sections.push(NavSection {
                    title: self.t.s(title).to_string(),
                    links: vec![NavLink {
                        href: format!("/o/{slug}/{page}"),
                        label: self.t.s(label).to_string(),
                        current: current == Some(page),
                    }],
                });
            }
        }
        sections.push(NavSection {
            title: self.t.s("nav-transitie").to_string(),
            links: vec![NavLink {
                href: format!("/o/{slug}/transitie"),
                label: self.t.s("transition-title").to_string(),
                current: current == Some("transitie"),
            }],
        });
        sections.push(NavSection {
            title: self.t.s("nav-regie").to_string(),
            links: vec![NavLink {
                href: format!("/o/{slug}/regie"),
                label: self.t.s("regie-heading").to_string(),
                current: current == Some("regie"),
            }],
        });
        self.nav = sections;
        self
    }
}

pub(crate) fn render<T: Template>(status: StatusCode, template: &T) -> Response {
    match template.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "Interne fout").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Chrome,
    message: String,
    status: u16,
}

pub fn error_page(headers: &HeaderMap, status: StatusCode, error: Option<StoreError>) -> Response {
    if let Some(error) = &error {
        tracing::error!(%error, "request failed");
    }
    let lang = request_lang(headers);
    let t = T(lang);
    let key = match status {
        StatusCode::NOT_FOUND => "error-404",
        StatusCode::FORBIDDEN => "error-403",
        _ => "error-500",
    };
    let page = ErrorPage {
        page: Chrome::new(lang, t.s("error-title"), "/"),
        message: t.s(key).to_string(),
        status: status.as_u16(),
    };
    render(status, &page)
}

async fn not_found_page(headers: HeaderMap) -> Response {
    error_page(&headers, StatusCode::NOT_FOUND, None)
}

/// What a page handler may fail with: an error page.
pub struct PageError(StatusCode, Option<StoreError>);

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => PageError(StatusCode::NOT_FOUND, None),
            StoreError::NotNow(_) => PageError(StatusCode::CONFLICT, None),
            other => PageError(StatusCode::INTERNAL_SERVER_ERROR, Some(other)),
        }
    }
}

/// A failed page: the request's headers (for the language) and what went wrong.
pub(crate) type Fail = Box<(HeaderMap, PageError)>;

pub(crate) type PageResult = Result<Response, Fail>;

pub(crate) trait OrPage<T> {
    fn or_page(self, headers: &HeaderMap) -> Result<T, Fail>;
}

impl<T, E: Into<PageError>> OrPage<T> for Result<T, E> {
    fn or_page(self, headers: &HeaderMap) -> Result<T, Fail> {
        self.map_err(|e| Box::new((headers.clone(), e.into())))
    }
}

pub(crate) fn fail<T>(headers: &HeaderMap, status: StatusCode) -> Result<T, Fail> {
    Err(Box::new((headers.clone(), PageError(status, None))))
}

pub(crate) fn page_result(result: PageResult) -> Response {
    match result {
        Ok(response) => response,
        Err(failed) => {
            let (headers, PageError(status, error)) = *failed;
            error_page(&headers, status, error)
        }
    }
}

pub(crate) fn membership<'a>(
    auth: &'a Auth,
    slug: &str,
    headers: &HeaderMap,
) -> Result<&'a Membership, Fail> {
    auth.membership(slug)
        .ok_or_else(|| Box::new((headers.clone(), PageError(StatusCode::NOT_FOUND, None))))
}

fn kind_of(soort: &str, m: &Membership, headers: &HeaderMap) -> Result<EntityKind, Fail> {
    let kind = EntityKind::from_resource(soort)
        .ok_or_else(|| Box::new((headers.clone(), PageError(StatusCode::NOT_FOUND, None))))?;
    if !m.role.can_read(kind) {
        return fail(headers, StatusCode::FORBIDDEN);
    }
    Ok(kind)
}

/// The organisation of a page that is the organisation's own business (quality, course,
/// readiness, scope): not for a supplier's users.
pub(crate) fn internal_membership<'a>(
    auth: &'a Auth,
    slug: &str,
    headers: &HeaderMap,
) -> Result<&'a Membership, Fail> {
    let m = membership(auth, slug, headers)?;
    if !m.role.is_internal() {
        return fail(headers, StatusCode::FORBIDDEN);
    }
    Ok(m)
}

pub(crate) fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}

/// The notice after an import: `geimporteerd=new-changed-unchanged`.
fn import_notice(raw: Option<&str>, lang: Lang) -> Option<String> {
    let value = query_pairs(raw)
        .into_iter()
        .find(|(k, _)| k == "geimporteerd")?
        .1;
    let counts: Vec<u64> = value.split('-').filter_map(|n| n.parse().ok()).collect();
    let [new, changed, unchanged] = counts.as_slice() else {
        return None;
    };
    Some(match lang {
        Lang::Nl => {
            format!("Geïmporteerd: {new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd.")
        }
        Lang::En => format!("Imported: {new} new, {changed} changed, {unchanged} unchanged."),
    })
}

/// The file uploaded in the form field `bestand`: its name and bytes, `None` when no file (or
/// an empty one) came.
pub(crate) async fn uploaded_file(
    multipart: &mut axum::extract::Multipart,
) -> Option<(String, Vec<u8>)> {
    let mut upload = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("bestand") {
            let name = field.file_name().unwrap_or("bestand").to_string();
            match field.bytes().await {
                Ok(bytes) => upload = Some((name, bytes.to_vec())),
                Err(_) => break,
            }
        }
    }
    upload.filter(|(_, bytes)| !bytes.is_empty())
}

/// The fields of a posted form, in order.
pub(crate) fn form_pairs(body: &axum::body::Bytes) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// The first value of a form field, trimmed (empty when absent).
pub(crate) fn form_field(form: &[(String, String)], key: &str) -> String {
    form.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

/// A number as a form shows it: whole without decimals, the language's decimal mark.
pub(crate) fn number_text(value: f64, lang: Lang) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    };
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A store result whose invalid input is the page's to show: `Ok(Err(problems))`.
pub(crate) fn store_result(
    result: Result<(), StoreError>,
) -> Result<Result<(), ValidationErrors>, StoreError> {
    match result {
        Ok(()) => Ok(Ok(())),
        Err(StoreError::Invalid(e)) => Ok(Err(e)),
        Err(other) => Err(other),
    }
}

pub(crate) fn query_has(raw: Option<&str>, key: &str) -> bool {
    query_pairs(raw).iter().any(|(k, _)| k == key)
}

// ---------------------------------------------------------------------------------------------
// Login, logout, language, home.

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Chrome,
    email: String,
    back: String,
    error: Option<String>,
    demo: bool,
    demo_users: Vec<String>,
    demo_password: String,
}

fn login_page(
    state: &AppState,
    lang: Lang,
    email: String,
    back: String,
    error: Option<String>,
) -> LoginPage {
    let t = T(lang);
    LoginPage {
        page: Chrome::new(lang, t.s("login-title"), "/inloggen"),
        email,
        back,
        error,
        demo: state.config.demo_login.is_some(),
        demo_users: state
            .config
            .demo_login
            .as_ref()
            .map(|d| d.users.clone())
            .unwrap_or_default(),
        demo_password: state
            .config
            .demo_login
            .as_ref()
            .map(|d| d.password.clone())
            .unwrap_or_default(),
    }
}

async fn login_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    MaybeAuth(auth): MaybeAuth,
    RawQuery(raw): RawQuery,
) -> Response {
    let back = safe_return_path(
        query_pairs(raw.as_deref())
            .iter()
            .find(|(k, _)| k == "terug")
            .map(|(_, v)| v.as_str()),
    );
    if auth.is_some() {
        return see_other(&back);
    }
    render(
        StatusCode::OK,
        &login_page(&state, lang, String::new(), back, None),
    )
}

async fn login(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form: BTreeMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let email = form
        .get("email")
        .map(|e| e.trim().to_lowercase())
        .unwrap_or_default();
    let password = form.get("wachtwoord").cloned().unwrap_or_default();
    let back = safe_return_path(form.get("terug").map(String::as_str));
    let t = T(lang);
    let since = Utc::now() - Duration::minutes(LOGIN_WINDOW_MINUTES);
    let account_key = format!("account:{email}");
    let address_key = format!("adres:{}", peer.ip());
    // The attempt is counted before the password is checked, so that attempts sent at once
    // count each other (see `begin_login_attempt`); the counts include this one.
    let (attempt, counts) = match state
        .store
        .begin_login_attempt(&[&account_key, &address_key], since)
        .await
    {
        Ok(counted) => counted,
        Err(error) => return error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error)),
    };
    let earlier = |i: usize| counts.get(i).copied().unwrap_or(0) - 1;
    if login_throttled(earlier(0), earlier(1)) {
        if let Err(error) = state.store.take_back_login_attempt(attempt).await {
            return error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error));
        }
        let mut response = render(
            StatusCode::TOO_MANY_REQUESTS,
            &login_page(
                &state,
                lang,
                email,
                back,
                Some(t.s("login-throttled").to_string()),
            ),
        );
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(LOGIN_WINDOW_MINUTES as u64 * 60),
        );
        return response;
    }
    let user = match state.store.verify_login(&email, &password).await {
        Ok(user) => user,
        Err(error) => return error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error)),
    };
    let Some(user) = user else {
        // The attempt's rows stay: they are its failure.
        return render(
            StatusCode::UNAUTHORIZED,
            &login_page(
                &state,
                lang,
                email,
                back,
                Some(t.s("login-failed").to_string()),
            ),
        );
    };
    let session = async {
        state.store.take_back_login_attempt(attempt).await?;
        state
            .store
            .clear_login_failures(&account_key, since)
            .await?;
        state.store.create_session(user.id).await
    };
    match session.await {
        Ok(token) => {
            let mut response = see_other(&back);
            response.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(&token, is_https(&headers, &state)),
            );
            response
        }
        Err(error) => error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error)),
    }
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = crate::kit::auth::cookie_value(&headers, crate::kit::auth::SESSION_COOKIE)
        && let Err(error) = state.store.delete_session(&token).await
    {
        return error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error));
    }
    let mut response = see_other("/inloggen");
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_session_cookie());
    response
}

async fn set_language(body: Bytes) -> Response {
    let form: BTreeMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let lang = form
        .get("taal")
        .and_then(|l| Lang::from_code(l))
        .unwrap_or(Lang::Nl);
    let back = safe_return_path(form.get("terug").map(String::as_str));
    let mut response = see_other(&back);
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    )) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

#[derive(Template)]
#[template(path = "orgs.html")]
struct OrgsPage {
    page: Chrome,
    orgs: Vec<OrgLink>,
}

async fn home(ReqLang(lang): ReqLang, PageAuth(auth): PageAuth) -> Response {
    if let [only] = auth.memberships.as_slice() {
        return see_other(&format!("/o/{}", only.organisation.slug));
    }
    let t = T(lang);
    let page = OrgsPage {
        page: Chrome::new(lang, t.s("orgs-title"), "/").for_user(&auth),
        orgs: auth
            .memberships
            .iter()
            .map(|m| OrgLink {
                slug: m.organisation.slug.clone(),
                name: m.organisation.name.clone(),
                current: false,
            })
            .collect(),
    };
    render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------------
// Dashboard.

struct CountRow {
    label: String,
    href: String,
    count: i64,
}

struct CategoryRow {
    label: String,
    count: usize,
}

struct AuditRow {
    when: String,
    who: String,
    action: String,
    what: String,
    href: Option<String>,
    fields: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Chrome,
    counts: Vec<CountRow>,
    score: Option<String>,
    areas: Vec<crate::stages::kwaliteit::AreaRow>,
    findings: Vec<crate::stages::kwaliteit::FindingRow>,
    findings_more: usize,
    quality_href: Option<String>,
    chart: Option<crate::stages::kwaliteit::Chart>,
    categories: Vec<CategoryRow>,
    audit_list: Vec<AuditRow>,
    show_recent: bool,
    journey: Vec<JourneyRow>,
}

/// One stage of the journey on the dashboard.
struct JourneyRow {
    stage: &'static str,
    href: String,
    status: &'static str,
    code: &'static str,
    reason: String,
}

/// Shown on the dashboard at most; the rest is counted.
const DASHBOARD_ATTENTION_ROWS: usize = 25;

/// Every element of a kind, page by page.
async fn all_elements(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
) -> Result<Vec<Element>, StoreError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let query = ListQuery {
            page,
            page_size: 500,
            supplier_scope: m.supplier_scope(),
            ..ListQuery::default()
        };
        let result = state
            .store
            .list_elements(m.organisation.id, kind, &query)
            .await?;
        let done = result.items.len() < 500;
        all.extend(result.items);
        if done {
            return Ok(all);
        }
        page += 1;
    }
}

async fn dashboard(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            let t = T(lang);
            let counts_by_kind = state
                .store
                .element_counts(m.organisation.id)
                .await
                .or_page(&headers)?;
            let mut counts = Vec::new();
            let mut elements = Vec::new();
            for kind in EntityKind::ALL.into_iter().filter(|k| m.role.can_read(*k)) {
                let count = if m.role.is_supplier() {
                    let mine = all_elements(&state, m, kind).await.or_page(&headers)?;
                    let n = mine.len() as i64;
                    elements.extend(mine);
                    n
                } else {
                    counts_by_kind.get(&kind).copied().unwrap_or(0)
                };
                counts.push(CountRow {
                    label: kind.plural(lang).to_string(),
                    href: format!("/o/{slug}/{}", kind.resource()),
                    count,
                });
            }
            let report = crate::stages::kwaliteit::organisation_report(
                &state,
                m.organisation.id,
                crate::kit::clock::today(),
            )
            .await
            .or_page(&headers)?;
            // A supplier's user sees only the findings about what it may see.
            let visible: Option<std::collections::HashSet<Uuid>> = m
                .role
                .is_supplier()
                .then(|| elements.iter().map(|e| e.id).collect());
            let shown: Vec<&regisseur_domain::quality::Finding> = report
                .findings
                .iter()
                .filter(|f| f.severity != regisseur_domain::quality::Severity::Info)
                .filter(|f| visible.as_ref().is_none_or(|v| v.contains(&f.element)))
                .collect();
            let findings_more = shown.len().saturating_sub(DASHBOARD_ATTENTION_ROWS);
            let mut categories: Vec<CategoryRow> = Vec::new();
            for finding in &shown {
                let label = finding.rule.rule().title(lang);
                match categories.iter_mut().find(|c| c.label == label) {
                    Some(row) => row.count += 1,
                    None => categories.push(CategoryRow {
                        label: label.to_string(),
                        count: 1,
                    }),
                }
            }
            let findings = shown
                .iter()
                .take(DASHBOARD_ATTENTION_ROWS)
                .map(|f| crate::stages::kwaliteit::finding_row(f, &slug, m, lang))
                .collect();
            let supplier = m.role.is_supplier();
            let score = (!supplier)
                .then(|| crate::stages::kwaliteit::score_text(Some(report.scores.overall), lang));
            let (areas, chart) = if supplier {
                (Vec::new(), None)
            } else {
                let history = state
                    .store
                    .score_history(m.organisation.id, crate::stages::kwaliteit::TREND_DAYS)
                    .await
                    .or_page(&headers)?;
                (
                    crate::stages::kwaliteit::area_rows(&report, &slug, lang),
                    crate::stages::kwaliteit::chart(&history, lang),
                )
            };
            let journey = if supplier {
                Vec::new()
            } else {
                crate::kit::journey::stages(
                    &state,
                    m,
                    &counts_by_kind,
                    Some(report.scores.overall),
                    lang,
                )
                .await
                .or_page(&headers)?
                .into_iter()
                .map(|s| JourneyRow {
                    stage: s.stage.label(),
                    href: format!("/o/{slug}/{}", s.stage.page()),
                    status: s.status.label(lang),
                    code: s.status.code(),
                    reason: s.reason,
                })
                .collect()
            };
            let show_recent = m.role.can_read_audit();
            let audit_list = if show_recent {
                let query = AuditQuery {
                    page_size: 10,
                    ..AuditQuery::default()
                };
                audit_rows(&state, m, &query, lang)
                    .await
                    .or_page(&headers)?
                    .0
            } else {
                Vec::new()
            };
            let page = DashboardPage {
                page: Chrome::new(
                    lang,
                    format!("{} — {}", t.s("dash-title"), m.organisation.name),
                    &format!("/o/{slug}"),
                )
                .for_org(&auth, m, Some("dashboard")),
                counts,
                score,
                areas,
                findings,
                findings_more,
                quality_href: (!supplier).then(|| format!("/o/{slug}/kwaliteit")),
                chart,
                categories,
                journey,
                audit_list,
                show_recent,
            };
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

fn action_label(action: &str, lang: Lang) -> String {
    match action {
        "aangemaakt" => lang.pick("aangemaakt", "created"),
        "gewijzigd" => lang.pick("gewijzigd", "changed"),
        "verwijderd" => lang.pick("verwijderd", "deleted"),
        other => other,
    }
    .to_string()
}

async fn audit_rows(
    state: &AppState,
    m: &Membership,
    query: &AuditQuery,
    lang: Lang,
) -> Result<(Vec<AuditRow>, i64), StoreError> {
    let result = state.store.audit_log(m.organisation.id, query).await?;
    let rows = result
        .items
        .iter()
        .map(|entry| {
            let kind = EntityKind::from_code(&entry.entity);
            let value = entry.new_value.as_ref().or(entry.old_value.as_ref());
            let name = value
                .and_then(|v| v.get("naam"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            AuditRow {
                when: entry.at.format("%d-%m-%Y %H:%M:%S UTC").to_string(),
                who: entry.user_email.clone(),
                action: action_label(&entry.action, lang),
                what: format!(
                    "{} {}",
                    kind.map_or(entry.entity.as_str(), |k| k.singular(lang)),
                    name
                )
                .trim()
                .to_string(),
                href: match (kind, entry.action.as_str()) {
                    (Some(kind), "aangemaakt" | "gewijzigd") => {
                        Some(element_href(&m.organisation.slug, kind, entry.entity_id))
                    }
                    _ => None,
                },
                fields: changed_fields(entry.old_value.as_ref(), entry.new_value.as_ref())
                    .join(", "),
            }
        })
        .collect();
    Ok((rows, result.total))
}

// ---------------------------------------------------------------------------------------------
// Lists.

struct Column {
    label: String,
    sort_href: Option<String>,
    aria_sort: &'static str,
}

struct Row {
    href: String,
    label: String,
    cells: Vec<Vec<Part>>,
}

struct FilterOption {
    value: String,
    label: String,
    selected: bool,
}

struct Filter {
    name: String,
    label: String,
    options: Vec<FilterOption>,
    text: Option<String>,
}

struct PageLink {
    href: String,
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    page: Chrome,
    heading: String,
    name_column: bool,
    base: String,
    search: String,
    filters: Vec<Filter>,
    columns: Vec<Column>,
    rows: Vec<Row>,
    total: i64,
    page_number: u32,
    page_count: u32,
    prev: Option<PageLink>,
    next: Option<PageLink>,
    can_write: bool,
    new_href: String,
    problems: Vec<String>,
    notice: Option<String>,
}

fn rebuild_query(pairs: &[(String, String)], set: &[(&str, Option<String>)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if set.iter().any(|(key, _)| key == k) || v.is_empty() {
            continue;
        }
        out.append_pair(k, v);
    }
    for (key, value) in set {
        if let Some(value) = value {
            out.append_pair(key, value);
        }
    }
    let query = out.finish();
    if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    }
}

async fn list_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            let kind = kind_of(&soort, m, &headers)?;
            let t = T(lang);
            let pairs: Vec<(String, String)> = query_pairs(raw.as_deref())
                .into_iter()
                .filter(|(k, _)| k != "verwijderd" && k != "geimporteerd")
                .collect();
            let mut problems = Vec::new();
            let mut query = match list_query(kind, pairs.clone()) {
                Ok(query) => query,
                Err(errors) => {
                    problems = errors
                        .0
                        .iter()
                        .map(|e| format!("{}: {}", e.name, e.problem.message(lang)))
                        .collect();
                    ListQuery::default()
                }
            };
            query.supplier_scope = m.supplier_scope();
            let result = match state
                .store
                .list_elements(m.organisation.id, kind, &query)
                .await
            {
                Ok(result) => result,
                Err(StoreError::Invalid(errors)) => {
                    problems.extend(
                        errors
                            .0
                            .iter()
                            .map(|e| format!("{}: {}", e.name, e.problem.message(lang))),
                    );
                    query.filters.clear();
                    state
                        .store
                        .list_elements(m.organisation.id, kind, &query)
                        .await
                        .or_page(&headers)?
                }
                Err(other) => return Err(other).or_page(&headers),
            };
            let ids = referenced_ids(result.items.iter().map(|e| &e.record));
            let names = state
                .store
                .element_names(m.organisation.id, &ids)
                .await
                .or_page(&headers)?;
            let catalog = state.store.catalog();
            let base = format!("/o/{slug}/{soort}");
            let column_specs: Vec<&FieldSpec> = kind
                .list_columns()
                .iter()
                .filter_map(|f| kind.field(f))
                .collect();
            let sort_link = |field: &str| -> (Option<String>, &'static str) {
                let current = query.sort.as_ref();
                let (asc, aria) = match current {
                    Some((f, desc)) if f == field => {
                        (*desc, if *desc { "descending" } else { "ascending" })
                    }
                    None if field == "naam" => (false, "ascending"),
                    _ => (true, "none"),
                };
                let value = if asc {
                    field.to_string()
                } else {
                    format!("-{field}")
                };
                (
                    Some(format!(
                        "{base}{}",
                        rebuild_query(&pairs, &[("sorteer", Some(value)), ("pagina", None)])
                    )),
                    aria,
                )
            };
            let mut columns = Vec::new();
            if kind.has_name() {
                let (href, aria) = sort_link("naam");
                let name_label = kind.field("naam").map_or("Naam", |f| f.label(lang));
                columns.push(Column {
                    label: name_label.to_string(),
                    sort_href: href,
                    aria_sort: aria,
                });
            }
            for spec in &column_specs {
                let (href, aria) = if kind.sortable(spec.name) {
                    sort_link(spec.name)
                } else {
                    (None, "none")
                };
                columns.push(Column {
                    label: spec.label(lang).to_string(),
                    sort_href: href,
                    aria_sort: aria,
                });
            }
            let rows = result
                .items
                .iter()
                .map(|e| Row {
                    href: element_href(&slug, kind, e.id),
                    label: element_label(&e.record, &names, lang),
                    cells: column_specs
                        .iter()
                        .map(|spec| {
                            display(spec, e.record.get(spec.name), &slug, &names, catalog, lang)
                        })
                        .collect(),
                })
                .collect();
            let filters = list_filters(&state, m, kind, &query, lang)
                .await
                .or_page(&headers)?;
            let page_count = ((result.total + i64::from(result.page_size) - 1)
                / i64::from(result.page_size))
            .max(1) as u32;
            let link = |n: u32| PageLink {
                href: format!(
                    "{base}{}",
                    rebuild_query(&pairs, &[("pagina", Some(n.to_string()))])
                ),
            };
            let page = ListPage {
                page: Chrome::new(
                    lang,
                    format!("{} — {}", kind.plural(lang), m.organisation.name),
                    &format!("{base}{}", rebuild_query(&pairs, &[])),
                )
                .for_org(&auth, m, Some(kind.resource())),
                heading: kind.plural(lang).to_string(),
                name_column: kind.has_name(),
                search: query.search.clone().unwrap_or_default(),
                filters,
                columns,
                rows,
                total: result.total,
                page_number: result.page,
                page_count,
                prev: (result.page > 1).then(|| link(result.page - 1)),
                next: (result.page < page_count).then(|| link(result.page + 1)),
                can_write: m.role.can_write(kind),
                new_href: format!("{base}/nieuw"),
                base,
                problems,
                notice: import_notice(raw.as_deref(), lang).or_else(|| {
                    query_has(raw.as_deref(), "verwijderd").then(|| t.s("delete-done").to_string())
                }),
            };
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn list_filters(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
    query: &ListQuery,
    lang: Lang,
) -> Result<Vec<Filter>, StoreError> {
    let mut filters = Vec::new();
    let current = |name: &str| {
        query
            .filters
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    for spec in kind.fields().iter().filter(|f| f.filter) {
        let selected = current(spec.name);
        let option = |value: &str, label: String| FilterOption {
            selected: selected.as_deref() == Some(value),
            value: value.to_string(),
            label,
        };
        let options: Vec<FilterOption> = match spec.ty {
            FieldType::Choice(choices) => choices
                .iter()
                .map(|c| option(c.value, lang.pick(c.nl, c.en).to_string()))
                .collect(),
            FieldType::Bool => vec![
                option("true", T(lang).s("yes").into()),
                option("false", T(lang).s("no").into()),
            ],
            FieldType::Country => COUNTRIES
                .iter()
                .map(|c| option(c.code, lang.pick(c.nl, c.en).to_string()))
                .collect(),
            FieldType::Ref(target) if m.role.can_read(target) && !m.role.is_supplier() => {
                all_elements(state, m, target)
                    .await?
                    .iter()
                    .map(|e| option(&e.id.to_string(), e.record.name().unwrap_or("").to_string()))
                    .collect()
            }
            FieldType::Text { .. } => {
                filters.push(Filter {
                    name: spec.name.into(),
                    label: spec.label(lang).into(),
                    options: Vec::new(),
                    text: Some(selected.unwrap_or_default()),
                });
                continue;
            }
            _ => continue,
        };
        filters.push(Filter {
            name: spec.name.into(),
            label: spec.label(lang).into(),
            options,
            text: None,
        });
    }
    Ok(filters)
}

// ---------------------------------------------------------------------------------------------
// Detail pages.

struct FieldRow {
    label: String,
    parts: Vec<Part>,
}

struct LinkRow {
    label: String,
    parts: Vec<Part>,
}

struct InterfaceRow {
    other: Part,
    standard: String,
    frequency: String,
    link: Part,
}

#[derive(Template)]
#[template(path = "detail.html")]
struct DetailPage {
    page: Chrome,
    kind_label: String,
    heading: String,
    fields: Vec<FieldRow>,
    link_sections: Vec<(String, Vec<LinkRow>)>,
    interface_sections: Vec<(String, Vec<InterfaceRow>)>,
    audit_list: Vec<AuditRow>,
    show_history: bool,
    can_write: bool,
    edit_href: String,
    delete_href: String,
    new_relation_href: Option<String>,
    version: i64,
    created: String,
    updated: String,
    notice: Option<String>,
    quality: Option<crate::stages::kwaliteit::ElementQuality>,
    impact_href: Option<String>,
}

async fn load_visible(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
    id: &str,
    headers: &HeaderMap,
) -> Result<Element, Fail> {
    let Ok(id) = Uuid::parse_str(id) else {
        return fail(headers, StatusCode::NOT_FOUND);
    };
    match state
        .store
        .get_element(m.organisation.id, kind, id)
        .await
        .or_page(headers)?
    {
        Some(element) if visible_to(m, &element) => Ok(element),
        _ => fail(headers, StatusCode::NOT_FOUND),
    }
}

async fn detail_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    RawQuery(raw): RawQuery,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            let kind = kind_of(&soort, m, &headers)?;
            let element = load_visible(&state, m, kind, &id, &headers).await?;
            let t = T(lang);
            let referring = if m.role.is_supplier() {
                Vec::new()
            } else {
                state
                    .store
                    .referring_elements(m.organisation.id, element.id)
                    .await
                    .or_page(&headers)?
            };
            let mut ids = referenced_ids(
                std::iter::once(&element.record).chain(referring.iter().map(|e| &e.record)),
            );
            ids.extend(referring.iter().map(|e| e.id));
            let names = state
                .store
                .element_names(m.organisation.id, &ids)
                .await
                .or_page(&headers)?;
            let catalog = state.store.catalog();
            // Reference components link to their place in the imported GEMMA model, if any.
            let gemma = match element.record.get("referentiecomponentIds") {
                Some(_) if kind != EntityKind::ModelElement => state
                    .store
                    .reference_component_elements(m.organisation.id)
                    .await
                    .or_page(&headers)?,
                _ => std::collections::HashMap::new(),
            };
            let fields =
                kind.fields()
                    .iter()
                    .map(|spec| {
                        let value = element.record.get(spec.name);
                        let mut parts = display(spec, value, &slug, &names, catalog, lang);
                        // Without a choice of its own, an element's service domain is a default.
                        if spec.name == "dienstdomein"
                            && value.is_none()
                            && let Some(domain) =
                                regisseur_domain::sourcing::domain_of(&element.record, |id| {
                                    catalog.get(id).map(|c| c.naam.clone())
                                })
                        {
                            parts = vec![Part::plain(format!(
                                "{} ({})",
                                domain.label(lang),
                                t.s("detail-default")
                            ))];
                        }
                        if spec.ty == FieldType::ReferenceComponents {
                            let ids = value.and_then(Value::as_array).into_iter().flatten();
                            for (part, id) in parts.iter_mut().zip(ids) {
                                part.href = id.as_str().and_then(|id| gemma.get(id)).map(|uuid| {
                                    element_href(&slug, EntityKind::ModelElement, *uuid)
                                });
                            }
                        }
                        FieldRow {
                            label: spec.label(lang).to_string(),
                            parts,
                        }
                    })
                    .collect();
            let this = element.id.to_string();
            let link_to = |id: Option<&str>| -> Part {
                match id
                    .and_then(|s| Uuid::parse_str(s).ok())
                    .and_then(|u| names.get(&u).map(|n| (u, n)))
                {
                    Some((u, (k, name))) => Part {
                        text: format!("{name} ({})", k.singular(lang)),
                        href: Some(element_href(&slug, *k, u)),
                    },
                    None => Part::plain("?"),
                }
            };
            let (
                mut outgoing,
                mut incoming,
                mut interfaces_out,
                mut interfaces_in,
                mut referenced_by,
            ) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let mut grouped: BTreeMap<String, Vec<Part>> = BTreeMap::new();
            for other in &referring {
                let record = &other.record;
                let self_link = Part {
                    text: element_label(record, &names, lang),
                    href: Some(element_href(&slug, other.kind(), other.id)),
                };
                match other.kind() {
                    EntityKind::Relation => {
                        let soort =
                            choice_label(RELATION_TYPE, record.text("soort").unwrap_or(""), lang);
                        if record.text("bronId") == Some(this.as_str()) {
                            outgoing.push(LinkRow {
                                label: soort,
                                parts: vec![link_to(record.text("doelId"))],
                            });
                        } else {
                            incoming.push(LinkRow {
                                label: soort,
                                parts: vec![link_to(record.text("bronId"))],
                            });
                        }
                    }
                    EntityKind::Interface => {
                        let label = |field: &str, choices| {
                            record
                                .text(field)
                                .map(|v| choice_label(choices, v, lang))
                                .unwrap_or_default()
                        };
                        let outgoing = record.text("vanApplicatieId") == Some(this.as_str());
                        let other_end = if outgoing {
                            "naarApplicatieId"
                        } else {
                            "vanApplicatieId"
                        };
                        let row = InterfaceRow {
                            other: link_to(record.text(other_end)),
                            standard: label(
                                "standaard",
                                regisseur_domain::landscape::INTERFACE_STANDARD,
                            ),
                            frequency: label("frequentie", regisseur_domain::landscape::FREQUENCY),
                            link: Part {
                                text: record
                                    .text("omschrijving")
                                    .or(record.name())
                                    .unwrap_or(t.s("detail-interface"))
                                    .to_string(),
                                href: self_link.href.clone(),
                            },
                        };
                        if outgoing {
                            interfaces_out.push(row);
                        } else {
                            interfaces_in.push(row);
                        }
                    }
                    other_kind => {
                        for reference in record
                            .references()
                            .into_iter()
                            .filter(|r| r.target == element.id)
                        {
                            let field = other_kind
                                .field(reference.field)
                                .map_or(reference.field, |f| f.label(lang));
                            grouped
                                .entry(format!(
                                    "{} ({})",
                                    other_kind.plural(lang),
                                    field.to_lowercase()
                                ))
                                .or_default()
                                .push(self_link.clone());
                        }
                    }
                }
            }
            for (label, parts) in grouped {
                referenced_by.push(LinkRow { label, parts });
            }
            let show_history = m.role.can_read_audit();
            let audit_list = if show_history {
                let query = AuditQuery {
                    entity_id: Some(element.id),
                    page_size: 10,
                    ..AuditQuery::default()
                };
                audit_rows(&state, m, &query, lang)
                    .await
                    .or_page(&headers)?
                    .0
            } else {
                Vec::new()
            };
            let quality = crate::stages::kwaliteit::element_quality(
                &state,
                &auth,
                m,
                kind,
                element.id,
                &element.record,
                lang,
            )
            .await
            .or_page(&headers)?;
            let heading = element_label(&element.record, &names, lang);
            let base = element_href(&slug, kind, element.id);
            let can_write = m.role.can_write(kind);
            let page = DetailPage {
                page: Chrome::new(lang, format!("{heading} — {}", kind.singular(lang)), &base)
                    .for_org(&auth, m, Some(kind.resource())),
                kind_label: kind.singular(lang).to_string(),
                heading,
                fields,
                link_sections: [
                    ("detail-outgoing", outgoing),
                    ("detail-incoming", incoming),
                    ("detail-referenced", referenced_by),
                ]
                .into_iter()
                .filter(|(_, rows)| !rows.is_empty())
                .map(|(key, rows)| (t.s(key).to_string(), rows))
                .collect(),
                interface_sections: [
                    ("detail-interfaces-out", interfaces_out),
                    ("detail-interfaces-in", interfaces_in),
                ]
                .into_iter()
                .filter(|(_, rows)| !rows.is_empty())
                .map(|(key, rows)| (t.s(key).to_string(), rows))
                .collect(),
                audit_list,
                show_history,
                can_write,
                edit_href: format!("{base}/bewerken"),
                delete_href: format!("{base}/verwijderen"),
                new_relation_href: (m.role.can_write(EntityKind::Relation)
                    && kind != EntityKind::Relation)
                    .then(|| format!("/o/{slug}/relaties/nieuw?bronId={}", element.id)),
                version: element.version,
                created: element.created_at.format("%d-%m-%Y %H:%M").to_string(),
                updated: element.updated_at.format("%d-%m-%Y %H:%M").to_string(),
                notice: if query_has(raw.as_deref(), "opgeslagen") {
                    Some(t.s("detail-saved").to_string())
                } else {
                    query_has(raw.as_deref(), "bevestigd")
                        .then(|| t.s("detail-confirmed").to_string())
                },
                quality,
                impact_href: (!m.role.is_supplier()
                    && !matches!(kind, EntityKind::Relation | EntityKind::Interface))
                .then(|| format!("/o/{slug}/impact/{}", element.id)),
            };
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

// ---------------------------------------------------------------------------------------------
// Forms.

pub(crate) struct OptionItem {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

pub(crate) struct OptionGroup {
    pub(crate) label: String,
    pub(crate) options: Vec<OptionItem>,
}

/// One field of the shared form template (`form.html`).
pub(crate) struct FormField {
    pub(crate) name: String,
    pub(crate) id: String,
    pub(crate) label: String,
    /// `text`, `textarea`, `date`, `number`, `email`, `select` or `multiselect`.
    pub(crate) widget: &'static str,
    pub(crate) value: String,
    pub(crate) groups: Vec<OptionGroup>,
    pub(crate) required: bool,
    pub(crate) error: Option<String>,
    pub(crate) help: Option<String>,
    pub(crate) maxlength: usize,
    pub(crate) min: i64,
    pub(crate) max: i64,
}

impl FormField {
    /// A required single choice whose first option is a real value: HTML asks for an empty
    /// first option (a placeholder), or a browser would submit the first value unchosen.
    pub(crate) fn needs_placeholder(&self) -> bool {
        self.required
            && self.widget == "select"
            && self
                .groups
                .iter()
                .flat_map(|g| g.options.iter())
                .next()
                .is_some_and(|o| !o.value.is_empty())
    }
}

/// A page with one form: a heading, the fields, and the summary of what is wrong (each linking
/// to its field).
#[derive(Template)]
#[template(path = "form.html")]
pub(crate) struct FormPage {
    pub(crate) page: Chrome,
    pub(crate) heading: String,
    pub(crate) action: String,
    pub(crate) cancel_href: String,
    pub(crate) fields: Vec<FormField>,
    pub(crate) version: Option<i64>,
    pub(crate) error_summary: Vec<(String, String, String)>,
    pub(crate) message: Option<String>,
}

/// The values a form shows: per field, one or more texts.
type FormValues = BTreeMap<String, Vec<String>>;

fn values_from_record(kind: EntityKind, element: &Element) -> FormValues {
    kind.fields()
        .iter()
        .map(|spec| {
            (
                spec.name.to_string(),
                form_value(spec, element.record.get(spec.name)),
            )
        })
        .collect()
}

fn parse_form(
    kind: EntityKind,
    body: &[u8],
) -> (
    Map<String, Value>,
    FormValues,
    Option<i64>,
    BTreeMap<String, String>,
) {
    let mut values: FormValues = BTreeMap::new();
    let mut other = BTreeMap::new();
    let mut version = None;
    for (key, value) in form_urlencoded::parse(body).into_owned() {
        if key == "versie" {
            version = value.trim().parse().ok();
        } else if kind.field(&key).is_some() {
            values.entry(key).or_default().push(value);
        } else {
            other.insert(key, value);
        }
    }
    let mut input = Map::new();
    for spec in kind.fields() {
        let Some(texts) = values.get(spec.name) else {
            continue;
        };
        let value = match spec.ty {
            FieldType::RefList(_) | FieldType::ReferenceComponents => Value::Array(
                texts
                    .iter()
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| Value::from(t.clone()))
                    .collect(),
            ),
            _ => Value::from(texts.last().cloned().unwrap_or_default()),
        };
        input.insert(spec.name.to_string(), value);
    }
    (input, values, version, other)
}

async fn form_fields(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
    values: &FormValues,
    errors: &ValidationErrors,
    lang: Lang,
) -> Result<Vec<FormField>, StoreError> {
    let t = T(lang);
    let catalog = state.store.catalog();
    let mut fields = Vec::new();
    for spec in kind.fields() {
        let current: Vec<String> = values.get(spec.name).cloned().unwrap_or_default();
        let first = current.first().cloned().unwrap_or_default();
        let opt = |value: &str, label: String| OptionItem {
            selected: current.iter().any(|c| c == value),
            value: value.to_string(),
            label,
        };
        let choose = || OptionItem {
            value: String::new(),
            label: t.s("form-choose").to_string(),
            selected: current.is_empty(),
        };
        let single = |options: Vec<OptionItem>| {
            vec![OptionGroup {
                label: String::new(),
                options,
            }]
        };
        let elements_of = |target: EntityKind| all_elements(state, m, target);
        let (widget, groups, help): (&'static str, Vec<OptionGroup>, Option<String>) = match spec.ty
        {
            FieldType::Text { .. } | FieldType::Kvk => ("text", Vec::new(), None),
            FieldType::LongText => ("textarea", Vec::new(), None),
            FieldType::Properties => (
                "textarea",
                Vec::new(),
                Some(t.s("form-properties").to_string()),
            ),
            FieldType::Email => ("email", Vec::new(), None),
            FieldType::Date => ("date", Vec::new(), None),
            FieldType::Integer { .. } => ("number", Vec::new(), None),
            FieldType::Money => ("text", Vec::new(), Some(t.s("form-money").to_string())),
            FieldType::Choice(choices) => {
                let mut options = vec![choose()];
                options.extend(
                    choices
                        .iter()
                        .map(|c| opt(c.value, lang.pick(c.nl, c.en).to_string())),
                );
                ("select", single(options), None)
            }
            FieldType::Bool => (
                "select",
                single(vec![
                    choose(),
                    opt("ja", t.s("yes").into()),
                    opt("nee", t.s("no").into()),
                ]),
                None,
            ),
            FieldType::Biv => {
                let mut options = vec![choose()];
                for n in 1..=3 {
                    let label = regisseur_domain::values::BivLevel::new(n)
                        .map(|l| format!("{n} — {}", l.label(lang)))
                        .unwrap_or_default();
                    options.push(opt(&n.to_string(), label));
                }
                ("select", single(options), None)
            }
            FieldType::Country => {
                let mut options = vec![choose()];
                options.extend(
                    COUNTRIES
                        .iter()
                        .map(|c| opt(c.code, format!("{} ({})", lang.pick(c.nl, c.en), c.code))),
                );
                if !first.is_empty()
                    && !COUNTRIES
                        .iter()
                        .any(|c| c.code.eq_ignore_ascii_case(&first))
                {
                    options.push(opt(&first, first.clone()));
                }
                ("select", single(options), None)
            }
            FieldType::Ref(target) => {
                let mut options = vec![choose()];
                options.extend(
                    elements_of(target)
                        .await?
                        .iter()
                        .map(|e| opt(&e.id.to_string(), e.record.name().unwrap_or("").to_string())),
                );
                ("select", single(options), None)
            }
            FieldType::RefList(target) => {
                let options = elements_of(target)
                    .await?
                    .iter()
                    .map(|e| opt(&e.id.to_string(), e.record.name().unwrap_or("").to_string()))
                    .collect();
                (
                    "multiselect",
                    single(options),
                    Some(t.s("form-multi").to_string()),
                )
            }
            FieldType::ReferenceComponents => {
                let options = catalog
                    .all()
                    .iter()
                    .map(|c| opt(&c.id, c.naam.clone()))
                    .collect();
                (
                    "multiselect",
                    single(options),
                    Some(t.s("form-multi").to_string()),
                )
            }
            FieldType::AnyRef => {
                let mut groups = vec![OptionGroup {
                    label: String::new(),
                    options: vec![choose()],
                }];
                let mut names = crate::kit::view::Names::new();
                for target in EntityKind::ALL
                    .into_iter()
                    .filter(|k| *k != EntityKind::Relation)
                {
                    let elements = elements_of(target).await?;
                    let options: Vec<OptionItem> = elements
                        .iter()
                        .map(|e| opt(&e.id.to_string(), e.record.name().unwrap_or("").to_string()))
                        .collect();
                    let labelled: Vec<_> = elements
                        .into_iter()
                        .map(|e| {
                            let label = crate::kit::view::element_label(&e.record, &names, lang);
                            (e.id, (target, label))
                        })
                        .collect();
                    names.extend(labelled);
                    if !options.is_empty() {
                        groups.push(OptionGroup {
                            label: target.plural(lang).to_string(),
                            options,
                        });
                    }
                }
                // A relation may point at a relation (from an ArchiMate model); the one it
                // points at now stays selectable, so that editing keeps it.
                let mut relations = Vec::new();
                for id in current.iter().filter_map(|c| Uuid::parse_str(c).ok()) {
                    if let Some(relation) = state
                        .store
                        .get_element(m.organisation.id, EntityKind::Relation, id)
                        .await?
                    {
                        let label = crate::kit::view::element_label(&relation.record, &names, lang);
                        relations.push(opt(&id.to_string(), label));
                    }
                }
                if !relations.is_empty() {
                    groups.push(OptionGroup {
                        label: EntityKind::Relation.plural(lang).to_string(),
                        options: relations,
                    });
                }
                ("select", groups, None)
            }
        };
        let (min, max) = match spec.ty {
            FieldType::Integer { min, max } => (min, max),
            _ => (0, 0),
        };
        fields.push(FormField {
            name: spec.name.to_string(),
            id: format!("veld-{}", spec.name),
            label: spec.label(lang).to_string(),
            widget,
            value: first,
            groups,
            required: spec.required,
            error: errors.for_field(spec.name).map(|e| e.problem.message(lang)),
            help,
            maxlength: match spec.ty {
                FieldType::Text { max } => max,
                FieldType::Kvk => 8,
                _ => 0,
            },
            min,
            max,
        });
    }
    Ok(fields)
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    kind: EntityKind,
    lang: Lang,
    editing: Option<&Element>,
    values: &FormValues,
    errors: &ValidationErrors,
    message: Option<String>,
) -> Result<FormPage, StoreError> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let fields = form_fields(state, m, kind, values, errors, lang).await?;
    let error_summary = errors
        .0
        .iter()
        .map(|e| {
            let label = kind
                .field(&e.name)
                .map_or(e.name.clone(), |f| f.label(lang).to_string());
            (format!("veld-{}", e.name), label, e.problem.message(lang))
        })
        .collect();
    let (heading, action, cancel) = match editing {
        Some(element) => {
            let names = state
                .store
                .element_names(m.organisation.id, &referenced_ids([&element.record]))
                .await?;
            let href = element_href(slug, kind, element.id);
            (
                format!(
                    "{} {}",
                    t.s("form-edit"),
                    element_label(&element.record, &names, lang)
                ),
                href.clone(),
                href,
            )
        }
        None => (
            format!("{} {}", t.s("form-new"), kind.singular(lang)),
            format!("/o/{slug}/{}", kind.resource()),
            format!("/o/{slug}/{}", kind.resource()),
        ),
    };
    Ok(FormPage {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some(kind.resource())),
        heading,
        action,
        cancel_href: cancel,
        fields,
        version: editing.map(|e| e.version),
        error_summary,
        message,
    })
}

/// The organisation and kind a page that writes is about, after checking the role.
fn kind_for_write<'a>(
    auth: &'a Auth,
    headers: &HeaderMap,
    slug: &str,
    soort: &str,
) -> Result<(&'a Membership, EntityKind), Fail> {
    let m = membership(auth, slug, headers)?;
    let kind = kind_of(soort, m, headers)?;
    require_write(m, kind, headers)?;
    Ok((m, kind))
}

/// The organisation, kind and element a page that writes is about, after checking the role.
async fn element_for_write<'a>(
    state: &AppState,
    auth: &'a Auth,
    headers: &HeaderMap,
    slug: &str,
    soort: &str,
    id: &str,
) -> Result<(&'a Membership, EntityKind, Element), Fail> {
    let (m, kind) = kind_for_write(auth, headers, slug, soort)?;
    let element = load_visible(state, m, kind, id, headers).await?;
    Ok((m, kind, element))
}

fn require_write(m: &Membership, kind: EntityKind, headers: &HeaderMap) -> Result<(), Fail> {
    if m.role.can_write(kind) {
        Ok(())
    } else {
        fail(headers, StatusCode::FORBIDDEN)
    }
}

async fn new_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Response {
    page_result(
        async {
            let (m, kind) = kind_for_write(&auth, &headers, &slug, &soort)?;
            // Prefill from the address, e.g. a new relation from a detail page.
            let values: FormValues = query_pairs(raw.as_deref())
                .into_iter()
                .filter(|(k, _)| kind.field(k).is_some())
                .map(|(k, v)| (k, vec![v]))
                .collect();
            let page = form_page(
                &state,
                &auth,
                m,
                kind,
                lang,
                None,
                &values,
                &ValidationErrors::default(),
                None,
            )
            .await
            .or_page(&headers)?;
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn create_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    page_result(
        async {
            let (m, kind) = kind_for_write(&auth, &headers, &slug, &soort)?;
            let (input, values, _, _) = parse_form(kind, &body);
            match state
                .store
                .create_element(
                    &auth.actor(),
                    m.organisation.id,
                    kind,
                    &input,
                    InputMode::Form,
                )
                .await
            {
                Ok(element) => Ok(see_other(&format!(
                    "{}?opgeslagen=1",
                    element_href(&slug, kind, element.id)
                ))),
                Err(StoreError::Invalid(errors)) => {
                    let page = form_page(
                        &state,
                        &auth,
                        m,
                        kind,
                        lang,
                        None,
                        &values,
                        &errors,
                        Some(T(lang).s("form-errors").to_string()),
                    )
                    .await
                    .or_page(&headers)?;
                    Ok(render(StatusCode::BAD_REQUEST, &page))
                }
                Err(other) => Err(other).or_page(&headers),
            }
        }
        .await,
    )
}

async fn edit_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> Response {
    page_result(
        async {
            let (m, kind, element) =
                element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
            let values = values_from_record(kind, &element);
            let page = form_page(
                &state,
                &auth,
                m,
                kind,
                lang,
                Some(&element),
                &values,
                &ValidationErrors::default(),
                None,
            )
            .await
            .or_page(&headers)?;
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn update_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    page_result(
        async {
            let (m, kind, element) =
                element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
            let (input, values, version, _) = parse_form(kind, &body);
            let t = T(lang);
            let version = version.unwrap_or(element.version);
            match state
                .store
                .update_element(
                    &auth.actor(),
                    m.organisation.id,
                    kind,
                    element.id,
                    version,
                    &input,
                    InputMode::Form,
                )
                .await
            {
                Ok(updated) => Ok(see_other(&format!(
                    "{}?opgeslagen=1",
                    element_href(&slug, kind, updated.id)
                ))),
                Err(StoreError::Invalid(errors)) => {
                    let mut shown = element.clone();
                    shown.version = version;
                    let page = form_page(
                        &state,
                        &auth,
                        m,
                        kind,
                        lang,
                        Some(&shown),
                        &values,
                        &errors,
                        Some(t.s("form-errors").to_string()),
                    )
                    .await
                    .or_page(&headers)?;
                    Ok(render(StatusCode::BAD_REQUEST, &page))
                }
                Err(StoreError::Conflict { .. }) => {
                    let current = load_visible(&state, m, kind, &id, &headers).await?;
                    let values = values_from_record(kind, &current);
                    let page = form_page(
                        &state,
                        &auth,
                        m,
                        kind,
                        lang,
                        Some(&current),
                        &values,
                        &ValidationErrors::default(),
                        Some(t.s("form-conflict").to_string()),
                    )
                    .await
                    .or_page(&headers)?;
                    Ok(render(StatusCode::CONFLICT, &page))
                }
                Err(other) => Err(other).or_page(&headers),
            }
        }
        .await,
    )
}

// ---------------------------------------------------------------------------------------------
// Deleting.

struct DependentRow {
    kind: String,
    name: String,
    href: String,
    effect: String,
}

#[derive(Template)]
#[template(path = "delete.html")]
struct DeletePage {
    page: Chrome,
    heading: String,
    action: String,
    cancel_href: String,
    dependents: Vec<DependentRow>,
    refused: bool,
    /// Someone changed the element since this page was shown: nothing was deleted.
    changed: bool,
    /// The version the confirmation is for: the delete is refused when it is no longer current.
    version: i64,
}

fn dependent_rows(slug: &str, dependents: &[Dependent], lang: Lang) -> Vec<DependentRow> {
    let t = T(lang);
    dependents
        .iter()
        .map(|d| DependentRow {
            kind: d.kind.singular(lang).to_string(),
            name: d
                .name
                .clone()
                .unwrap_or_else(|| lang.pick("(zonder naam)", "(no name)").to_string()),
            href: element_href(slug, d.kind, d.id),
            effect: if d.required {
                t.s("delete-removed")
            } else {
                t.s("delete-cleared")
            }
            .to_string(),
        })
        .collect()
}

/// Why a delete was refused, if it was.
#[derive(Clone, Copy, PartialEq)]
enum Refused {
    No,
    Dependents,
    Changed,
}

async fn delete_page(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    kind: EntityKind,
    element: &Element,
    lang: Lang,
    refused: Refused,
) -> Result<DeletePage, StoreError> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let dependents = state
        .store
        .dependents(m.organisation.id, element.id)
        .await?;
    let names = state
        .store
        .element_names(m.organisation.id, &referenced_ids([&element.record]))
        .await?;
    let heading = format!(
        "{} {}",
        t.s("delete-title"),
        element_label(&element.record, &names, lang)
    );
    let href = element_href(slug, kind, element.id);
    Ok(DeletePage {
        page: Chrome::new(lang, heading.clone(), &href).for_org(auth, m, Some(kind.resource())),
        heading,
        action: format!("{href}/verwijderen"),
        cancel_href: href,
        dependents: dependent_rows(slug, &dependents, lang),
        refused: refused == Refused::Dependents,
        changed: refused == Refused::Changed,
        version: element.version,
    })
}

async fn delete_confirm(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> Response {
    page_result(
        async {
            let (m, kind, element) =
                element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
            let page = delete_page(&state, &auth, m, kind, &element, lang, Refused::No)
                .await
                .or_page(&headers)?;
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

async fn delete_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    body: Bytes,
) -> Response {
    page_result(
        async {
            let (m, kind, element) =
                element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
            let cascade =
                form_urlencoded::parse(&body).any(|(k, v)| k == "trapsgewijs" && v == "ja");
            let version = form_urlencoded::parse(&body)
                .find(|(k, _)| k == "versie")
                .and_then(|(_, v)| v.parse::<i64>().ok());
            match state
                .store
                .delete_element(
                    &auth.actor(),
                    m.organisation.id,
                    kind,
                    element.id,
                    cascade,
                    version,
                )
                .await
            {
                Ok(_) => Ok(see_other(&format!(
                    "/o/{slug}/{}?verwijderd=1",
                    kind.resource()
                ))),
                Err(StoreError::HasDependents(_)) => {
                    let page =
                        delete_page(&state, &auth, m, kind, &element, lang, Refused::Dependents)
                            .await
                            .or_page(&headers)?;
                    Ok(render(StatusCode::CONFLICT, &page))
                }
                Err(StoreError::Conflict { .. }) => {
                    let page =
                        delete_page(&state, &auth, m, kind, &element, lang, Refused::Changed)
                            .await
                            .or_page(&headers)?;
                    Ok(render(StatusCode::CONFLICT, &page))
                }
                Err(other) => Err(other).or_page(&headers),
            }
        }
        .await,
    )
}

// ---------------------------------------------------------------------------------------------
// Audit trail and account.

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Chrome,
    audit_list: Vec<AuditRow>,
    total: i64,
    page_number: u32,
    page_count: u32,
    prev: Option<PageLink>,
    next: Option<PageLink>,
}

async fn audit_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    page_result(
        async {
            let m = membership(&auth, &slug, &headers)?;
            if !m.role.can_read_audit() {
                return fail(&headers, StatusCode::FORBIDDEN);
            }
            let page_number = query_pairs(raw.as_deref())
                .iter()
                .find(|(k, _)| k == "pagina")
                .and_then(|(_, v)| v.parse::<u32>().ok())
                .unwrap_or(1)
                .max(1);
            let query = AuditQuery {
                page: page_number,
                page_size: 50,
                ..AuditQuery::default()
            };
            let (audit_list, total) = audit_rows(&state, m, &query, lang)
                .await
                .or_page(&headers)?;
            let page_count = ((total + 49) / 50).max(1) as u32;
            let link = |n: u32| PageLink {
                href: format!("/o/{slug}/audit?pagina={n}"),
            };
            let t = T(lang);
            let page = AuditPage {
                page: Chrome::new(
                    lang,
                    format!("{} — {}", t.s("audit-title"), m.organisation.name),
                    &format!("/o/{slug}/audit"),
                )
                .for_org(&auth, m, Some("audit")),
                audit_list,
                total,
                page_number,
                page_count,
                prev: (page_number > 1).then(|| link(page_number - 1)),
                next: (page_number < page_count).then(|| link(page_number + 1)),
            };
            Ok(render(StatusCode::OK, &page))
        }
        .await,
    )
}

struct TokenRow {
    name: String,
    created: String,
    last_used: String,
}

struct MembershipRow {
    name: String,
    href: String,
    role: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Chrome,
    email: String,
    memberships: Vec<MembershipRow>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
    error: Option<String>,
}

async fn account_page(
    state: &AppState,
    auth: &Auth,
    lang: Lang,
    new_token: Option<String>,
    error: Option<String>,
) -> Result<AccountPage, StoreError> {
    let t = T(lang);
    let tokens = state
        .store
        .api_tokens(auth.user.id)
        .await?
        .into_iter()
        .map(|tok| TokenRow {
            name: tok.name,
            created: tok.created_at.format("%d-%m-%Y %H:%M").to_string(),
            last_used: tok
                .last_used_at
                .map_or(t.s("account-token-never").to_string(), |d| {
                    d.format("%d-%m-%Y %H:%M").to_string()
                }),
        })
        .collect();
    let mut page = Chrome::new(lang, t.s("account-title"), "/account").for_user(auth);
    if let Some(first) = auth.memberships.first() {
        page = page.for_org(auth, first, None);
    }
    Ok(AccountPage {
        page,
        email: auth.user.email.clone(),
        memberships: auth
            .memberships
            .iter()
            .map(|m| MembershipRow {
                name: m.organisation.name.clone(),
                href: format!("/o/{}", m.organisation.slug),
                role: m.role.label(lang).to_string(),
            })
            .collect(),
        tokens,
        new_token,
        error,
    })
}

async fn account(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
) -> Response {
    match account_page(&state, &auth, lang, None, None).await {
        Ok(page) => render(StatusCode::OK, &page),
        Err(error) => error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error)),
    }
}

async fn create_token(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let name = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "naam")
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    let result = if name.is_empty() || name.chars().count() > 100 {
        let error = regisseur_domain::Problem::Required.message(lang);
        account_page(&state, &auth, lang, None, Some(error))
            .await
            .map(|p| (StatusCode::BAD_REQUEST, p))
    } else {
        match state.store.create_api_token(auth.user.id, &name).await {
            Ok(token) => account_page(&state, &auth, lang, Some(token), None)
                .await
                .map(|p| (StatusCode::OK, p)),
            Err(error) => Err(error),
        }
    };
    match result {
        Ok((status, page)) => {
            let mut response = render(status, &page);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => error_page(&headers, StatusCode::INTERNAL_SERVER_ERROR, Some(error)),
    }
}
