//! HTTP as the standards and the NL API Design Rules say, for every route at once: below
//! `/api/v1` every error is `application/problem+json` (also a 404 of an address no route has
//! and a 405 of a method a route does not take, with its `Allow`), and a body that is not JSON
//! is refused with 415 before a handler reads it.

use crate::kit::api::BASE;
use crate::kit::problem::Problem;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether a Content-Type names JSON: `application/json`, `application/merge-patch+json` or
/// any other `+json` type.
fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn is_api(path: &str) -> bool {
    path == BASE || path.starts_with(&format!("{BASE}/"))
}

pub async fn api_conventions(request: Request<Body>, next: Next) -> Response {
    if !is_api(request.uri().path()) {
        return next.run(request).await;
    }
    if matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH
    ) {
        let has_body = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(
                request.headers().contains_key(header::TRANSFER_ENCODING),
                |n| n > 0,
            );
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        if has_body && let Some(content_type) = content_type.filter(|c| !is_json(c)) {
            return Problem::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Geen JSON")
                .detail(format!(
                    "De body heeft Content-Type '{content_type}'; deze API neemt alleen JSON aan (application/json, of application/merge-patch+json bij PATCH)."
                ))
                .into_response();
        }
    }
    let method = request.method().clone();
    let response = next.run(request).await;
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/problem+json"));
    match response.status() {
        StatusCode::NOT_FOUND if !is_problem => Problem::not_found()
            .detail("Dit adres bestaat niet in de API; zie /api/v1/openapi.json voor wat er is.")
            .into_response(),
        StatusCode::METHOD_NOT_ALLOWED if !is_problem => {
            let allow = response.headers().get(header::ALLOW).cloned();
            let mut problem =
                Problem::new(StatusCode::METHOD_NOT_ALLOWED, "Methode niet toegestaan")
                    .detail(format!(
                        "{method} is hier niet mogelijk{}.",
                        allow
                            .as_ref()
                            .and_then(|a| a.to_str().ok())
                            .map(|a| format!("; wel: {a}"))
                            .unwrap_or_default()
                    ))
                    .into_response();
            if let Some(allow) = allow {
                problem.headers_mut().insert(header::ALLOW, allow);
            }
            problem
        }
        _ => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_its_suffix_types_are_json() {
        assert!(is_json("application/json"));
        assert!(is_json("application/json; charset=utf-8"));
        assert!(is_json("application/merge-patch+json"));
        assert!(!is_json("text/plain"));
        assert!(!is_json("application/x-www-form-urlencoded"));
        assert!(is_api("/api/v1/organisaties"));
        assert!(!is_api("/api/v10"));
    }
}
