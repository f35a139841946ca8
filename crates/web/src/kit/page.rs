//! The server-rendered interface. Every form works without JavaScript; htmx only makes
//! searching and filtering quicker by swapping the result table.

use crate::AppState;
use crate::kit::api::query_pairs;
use crate::kit::auth::Auth;
use crate::kit::auth::authenticate;
use crate::kit::i18n::{T, request_lang};
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{Membership, StoreError};

/// Authentication for pages: without a session, the browser goes to the login page and comes
/// back afterwards.
pub struct PageAuth(pub Auth);

pub struct LoginRedirect(pub(crate) String);

impl IntoResponse for LoginRedirect {
    fn into_response(self) -> Response {
        Redirect::to(&self.0).into_response()
    }
}

impl FromRequestParts<AppState> for PageAuth {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match authenticate(&parts.headers, state).await {
            Ok(Some(auth)) => Ok(PageAuth(auth)),
            Ok(None) => {
                let back = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                let target = format!(
                    "/inloggen?terug={}",
                    form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
                );
                Err(LoginRedirect(target).into_response())
            }
            Err(error) => Err(error_page(
                &parts.headers,
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                Some(error),
            )),
        }
    }
}

/// A login session if there is one; for pages that anyone may see.
pub struct MaybeAuth(pub Option<Auth>);

impl FromRequestParts<AppState> for MaybeAuth {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        authenticate(&parts.headers, state)
            .await
            .map(MaybeAuth)
            .map_err(|e| {
                error_page(
                    &parts.headers,
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                    Some(e),
                )
            })
    }
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

    pub(crate) fn for_user(mut self, auth: &Auth) -> Chrome {
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
pub(crate) struct ErrorPage {
    pub(crate) page: Chrome,
    pub(crate) message: String,
    pub(crate) status: u16,
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

pub(crate) async fn not_found_page(headers: HeaderMap) -> Response {
    error_page(&headers, StatusCode::NOT_FOUND, None)
}

/// What a page handler may fail with: an error page.
pub struct PageError(pub(crate) StatusCode, pub(crate) Option<StoreError>);

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => PageError(StatusCode::NOT_FOUND, None),
            StoreError::NotNow(_) => PageError(StatusCode::CONFLICT, None),
            other => PageError(StatusCode::INTERNAL_SERVER_ERROR, Some(other)),
        }
    }
}

/// A failed page: the request's headers (for the language) and what went wrong. A handler that
/// returns [`PageResult`] shows it as the error page.
pub(crate) struct Fail(Box<(HeaderMap, PageError)>);

impl Fail {
    pub(crate) fn new(headers: &HeaderMap, error: PageError) -> Fail {
        Fail(Box::new((headers.clone(), error)))
    }
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        let (headers, PageError(status, error)) = *self.0;
        error_page(&headers, status, error)
    }
}

pub(crate) type PageResult = Result<Response, Fail>;

pub(crate) trait OrPage<T> {
    fn or_page(self, headers: &HeaderMap) -> Result<T, Fail>;
}

impl<T, E: Into<PageError>> OrPage<T> for Result<T, E> {
    fn or_page(self, headers: &HeaderMap) -> Result<T, Fail> {
        self.map_err(|e| Fail::new(headers, e.into()))
    }
}

pub(crate) fn fail<T>(headers: &HeaderMap, status: StatusCode) -> Result<T, Fail> {
    Err(Fail::new(headers, PageError(status, None)))
}

pub(crate) fn page_result(result: PageResult) -> Response {
    result.unwrap_or_else(IntoResponse::into_response)
}

pub(crate) fn membership<'a>(
    auth: &'a Auth,
    slug: &str,
    headers: &HeaderMap,
) -> Result<&'a Membership, Fail> {
    auth.membership(slug)
        .ok_or_else(|| Fail::new(headers, PageError(StatusCode::NOT_FOUND, None)))
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
    crate::kit::charts::decimal_mark(&text, lang)
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

// ---------------------------------------------------------------------------------------------
// Dashboard.

// ---------------------------------------------------------------------------------------------
// Lists.

// ---------------------------------------------------------------------------------------------
// Detail pages.

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

// ---------------------------------------------------------------------------------------------
// Deleting.

// ---------------------------------------------------------------------------------------------
// Audit trail and account.

/// A file to download: its bytes, its media type and the name the browser saves it under.
pub(crate) fn download(bytes: Vec<u8>, content_type: &'static str, file_name: String) -> Response {
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
