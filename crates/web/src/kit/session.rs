//! Signing in and out, the choice of language and organisation, and the account page with its
//! API tokens: the pages around the stages.

use crate::AppState;
use crate::kit::api::query_pairs;
use crate::kit::auth::{
    Auth, LANG_COOKIE, clear_session_cookie, is_https, safe_return_path, session_cookie,
};
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::Chrome;
use crate::kit::page::OrgLink;
use crate::kit::page::error_page;
use crate::kit::page::render;
use crate::kit::page::see_other;
use crate::kit::page::{MaybeAuth, PageAuth};
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{Duration, Utc};
use regisseur_domain::Lang;
use regisseur_domain::access::{LOGIN_WINDOW_MINUTES, login_throttled};
use regisseur_store::StoreError;
use std::collections::BTreeMap;
use std::net::SocketAddr;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/inloggen", get(login_form).post(login))
        .route("/uitloggen", post(logout))
        .route("/taal", post(set_language))
        .route("/account", get(account))
        .route("/account/tokens", post(create_token))
}

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
