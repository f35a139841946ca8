//! Who is asking: a session cookie (the web interface) or a personal API token
//! (`Authorization: Bearer …`, for scripts). Sessions live in the database, so any number of
//! app servers can serve the same users.

use crate::AppState;
use crate::kit::problem::Problem;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use cookie::{Cookie, SameSite};
use regisseur_store::{Actor, Membership, StoreError, User};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const SESSION_COOKIE: &str = "regisseur_sessie";
pub const LANG_COOKIE: &str = "regisseur_taal";

/// An authenticated user and the organisations they belong to.
#[derive(Debug, Clone)]
pub struct Auth {
    pub user: User,
    pub memberships: Vec<Membership>,
}

impl Auth {
    pub fn membership(&self, slug: &str) -> Option<&Membership> {
        self.memberships
            .iter()
            .find(|m| m.organisation.slug == slug)
    }

    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            email: self.user.email.clone(),
        }
    }
}

pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Whether the request reached us over https (directly or through a proxy that says so).
pub fn is_https(headers: &HeaderMap, state: &AppState) -> bool {
    state.config.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The cookie that holds a session: HttpOnly, SameSite=Lax, Secure behind https.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let cookie = Cookie::build((SESSION_COOKIE, token.to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::hours(
            regisseur_store::SESSION_LIFETIME_HOURS,
        ))
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn clear_session_cookie() -> HeaderValue {
    HeaderValue::from_static("regisseur_sessie=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// API tokens recently checked, so that a script reading page after page does not cost two
/// database lookups per request. Entries live [`TOKEN_CACHE_SECONDS`]; a changed role or a
/// removed token therefore takes effect within that time. Sessions are never cached: logging
/// out takes effect at once on every server.
#[derive(Default)]
pub struct TokenCache {
    entries: Mutex<HashMap<String, (Instant, Auth)>>,
}

pub const TOKEN_CACHE_SECONDS: u64 = 10;
const TOKEN_CACHE_MAX: usize = 10_000;

impl TokenCache {
    fn get(&self, token: &str) -> Option<Auth> {
        let entries = self.entries.lock().ok()?;
        let (at, auth) = entries.get(token)?;
        (at.elapsed() < Duration::from_secs(TOKEN_CACHE_SECONDS)).then(|| auth.clone())
    }

    fn put(&self, token: &str, auth: &Auth) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= TOKEN_CACHE_MAX {
                entries
                    .retain(|_, (at, _)| at.elapsed() < Duration::from_secs(TOKEN_CACHE_SECONDS));
                if entries.len() >= TOKEN_CACHE_MAX {
                    entries.clear();
                }
            }
            entries.insert(token.to_string(), (Instant::now(), auth.clone()));
        }
    }
}

pub(crate) async fn authenticate(
    headers: &HeaderMap,
    state: &AppState,
) -> Result<Option<Auth>, StoreError> {
    let store = &state.store;
    if let Some(token) = bearer_token(headers) {
        if let Some(auth) = state.token_cache.get(token) {
            return Ok(Some(auth));
        }
        let Some(user) = store.token_user(token).await? else {
            return Ok(None);
        };
        let auth = Auth {
            memberships: store.memberships(user.id).await?,
            user,
        };
        state.token_cache.put(token, &auth);
        return Ok(Some(auth));
    }
    let Some(token) = cookie_value(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let Some(user) = store.session_user(&token).await? else {
        return Ok(None);
    };
    let memberships = store.memberships(user.id).await?;
    Ok(Some(Auth { user, memberships }))
}

/// Authentication for the API: a missing or wrong session or token is a 401 problem.
pub struct ApiAuth(pub Auth);

impl FromRequestParts<AppState> for ApiAuth {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match authenticate(&parts.headers, state).await? {
            Some(auth) => Ok(ApiAuth(auth)),
            None => Err(Problem::unauthorized()),
        }
    }
}

/// A safe place to return to after login: a local path only, never another site.
pub fn safe_return_path(path: Option<&str>) -> String {
    match path {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p.to_string(),
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_stay_on_this_site() {
        assert_eq!(safe_return_path(Some("/o/voorbeeld")), "/o/voorbeeld");
        assert_eq!(safe_return_path(Some("//evil.example")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(None), "/");
    }
}
