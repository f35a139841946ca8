//! Conditional requests (RFC 9110 §13): the version of an object as its strong `ETag`, writes
//! refused with 412 when `If-Match` does not match the current version (nothing changes), and
//! 304 for a read whose `If-None-Match` matches.
//!
//! A stale `versie` in a request body stays 409 (`Versieconflict`): that is the body's own
//! check, documented in the OpenAPI document.

use crate::kit::problem::Problem;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use regisseur_store::StoreError;

/// What an `If-Match` header asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// No header: the request is not conditional.
    Absent,
    /// `*`: any current version.
    Any,
    /// The versions named by strong entity tags (a weak tag never matches, RFC 9110 §13.1.1).
    Versions(Vec<i64>),
}

/// The entity tag of a version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The tags of a list header (`"1", W/"2", *`), `None` for `*`. Each tag with whether it is weak.
fn tags(value: &str) -> Option<Vec<(bool, &str)>> {
    let mut out = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part == "*" {
            return None;
        }
        let (weak, tag) = match part.strip_prefix("W/") {
            Some(rest) => (true, rest),
            None => (false, part),
        };
        out.push((weak, tag.trim_matches('"')));
    }
    Some(out)
}

impl IfMatch {
    pub fn from_headers(headers: &HeaderMap) -> IfMatch {
        let values: Vec<&str> = headers
            .get_all(header::IF_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        if values.is_empty() {
            return IfMatch::Absent;
        }
        let mut versions = Vec::new();
        for value in values {
            match tags(value) {
                None => return IfMatch::Any,
                Some(tags) => versions.extend(
                    tags.into_iter()
                        .filter(|(weak, _)| !weak)
                        .filter_map(|(_, tag)| tag.parse::<i64>().ok()),
                ),
            }
        }
        IfMatch::Versions(versions)
    }

    /// Whether the request is conditional.
    pub fn present(&self) -> bool {
        *self != IfMatch::Absent
    }

    /// Refuses with 412 when the current version does not match; nothing may change then.
    pub fn check(&self, current: i64) -> Result<(), Problem> {
        match self {
            IfMatch::Absent | IfMatch::Any => Ok(()),
            IfMatch::Versions(versions) if versions.contains(&current) => Ok(()),
            IfMatch::Versions(_) => Err(failed(current)),
        }
    }
}

/// 412: the object is no longer at the version the request was based on.
pub fn failed(current: i64) -> Problem {
    let mut problem = Problem::new(StatusCode::PRECONDITION_FAILED, "Voorwaarde niet vervuld")
        .detail(format!(
            "If-Match noemt niet de huidige versie van dit object (huidige versie {current}, ETag {}). Er is niets gewijzigd; haal het opnieuw op.",
            etag(current)
        ));
    problem
        .extra
        .insert("huidigeVersie".into(), serde_json::Value::from(current));
    problem
}

/// A store error after a conditional write: a version conflict is the precondition failing
/// (someone wrote between the check and the write).
pub fn store_error(condition: &IfMatch, error: StoreError) -> Problem {
    match (condition.present(), error) {
        (true, StoreError::Conflict { current }) => failed(current),
        (_, other) => Problem::from(other),
    }
}

/// Whether `If-None-Match` names the current version (or `*`): then a read answers 304.
pub fn not_modified(headers: &HeaderMap, current: i64) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|value| match tags(value) {
            None => true,
            // Weak comparison (RFC 9110 §13.1.2): a weak tag matches too.
            Some(tags) => tags
                .iter()
                .any(|(_, tag)| tag.parse::<i64>() == Ok(current)),
        })
}

/// Sets the `ETag` of `version` on a response.
pub fn with_etag(mut response: Response, version: i64) -> Response {
    if let Ok(value) = HeaderValue::from_str(&etag(version)) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// A read: 304 with the `ETag` when the client has this version, else the response with it.
pub fn read(headers: &HeaderMap, version: i64, response: impl FnOnce() -> Response) -> Response {
    if not_modified(headers, version) {
        with_etag(StatusCode::NOT_MODIFIED.into_response(), version)
    } else {
        with_etag(response(), version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(name, HeaderValue::from_str(value).expect("header"));
        map
    }

    #[test]
    fn if_match_is_read_as_rfc_9110_says() {
        let read = |v: &str| IfMatch::from_headers(&headers(header::IF_MATCH, v));
        assert_eq!(IfMatch::from_headers(&HeaderMap::new()), IfMatch::Absent);
        assert_eq!(read("*"), IfMatch::Any);
        assert_eq!(read("\"4\""), IfMatch::Versions(vec![4]));
        assert_eq!(read("\"1\", \"4\""), IfMatch::Versions(vec![1, 4]));
        assert_eq!(
            read("W/\"4\""),
            IfMatch::Versions(vec![]),
            "weak never matches"
        );
        assert!(read("\"1\"").check(4).is_err());
        assert_eq!(
            read("\"1\"").check(4).err().map(|p| p.status),
            Some(StatusCode::PRECONDITION_FAILED)
        );
        assert!(read("\"1\", \"4\"").check(4).is_ok());
        assert!(read("*").check(4).is_ok());
        assert!(read("garbage").check(4).is_err());
    }

    #[test]
    fn if_none_match_compares_weakly() {
        assert!(not_modified(&headers(header::IF_NONE_MATCH, "\"3\""), 3));
        assert!(not_modified(&headers(header::IF_NONE_MATCH, "W/\"3\""), 3));
        assert!(not_modified(&headers(header::IF_NONE_MATCH, "*"), 3));
        assert!(!not_modified(&headers(header::IF_NONE_MATCH, "\"2\""), 3));
        assert!(!not_modified(&HeaderMap::new(), 3));
    }
}
