//! The JSON API under `/api/v1`, following the NL API Design Rules. The route table
//! [`api_routes`] is the single source for both the router and the OpenAPI document.

use crate::kit::auth::ApiAuth;
use crate::kit::problem::Problem;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::{Problem as FieldProblem, ValidationErrors};
use regisseur_store::{Element, ListQuery, Membership};
use serde_json::{Map, Value};

pub const API_VERSION: &str = "1.0.0";
/// The base of every path, with the major version: the OpenAPI document's server URL, so that
/// its paths are written without it (as the NL API Design Rules' linter checks).
pub const BASE: &str = "/api/v1";
/// Largest page a list returns.
pub const MAX_PAGE_SIZE: u32 = 500;
pub const DEFAULT_PAGE_SIZE: u32 = 50;

pub(crate) type ApiResult = Result<Response, Problem>;
pub(crate) type Fields = Map<String, Value>;

pub(crate) fn json_response(status: StatusCode, value: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

/// The organisation by slug, if the user belongs to it. Another organisation's objects are
/// answered with 404, so their existence is not revealed.
pub(crate) fn membership<'a>(auth: &'a ApiAuth, slug: &str) -> Result<&'a Membership, Problem> {
    auth.0
        .membership(slug)
        .ok_or_else(|| Problem::not_found().detail("Organisatie niet gevonden."))
}

/// The organisation of an API request about the organisation's own business (quality,
/// readiness, impact, scope): not for a supplier's users.
pub(crate) fn internal_membership<'a>(
    auth: &'a ApiAuth,
    slug: &str,
) -> Result<&'a Membership, Problem> {
    let m = membership(auth, slug)?;
    if !m.role.is_internal() {
        return Err(Problem::forbidden());
    }
    Ok(m)
}

/// The pairs of a query string, decoded.
pub(crate) fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

/// Reads `pagina` and `paginaGrootte`; every other pair is handed back.
pub fn paging(
    pairs: Vec<(String, String)>,
    errors: &mut ValidationErrors,
) -> (u32, u32, Vec<(String, String)>) {
    let mut page = 1;
    let mut size = DEFAULT_PAGE_SIZE;
    let mut rest = Vec::new();
    for (key, value) in pairs {
        match key.as_str() {
            "pagina" => match value.parse::<u32>() {
                Ok(n) if n >= 1 => page = n,
                _ => errors.push(
                    "pagina",
                    FieldProblem::OutOfRange {
                        min: 1,
                        max: i64::from(u32::MAX),
                    },
                ),
            },
            "paginaGrootte" => match value.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => size = n,
                _ => errors.push(
                    "paginaGrootte",
                    FieldProblem::OutOfRange {
                        min: 1,
                        max: i64::from(MAX_PAGE_SIZE),
                    },
                ),
            },
            _ => rest.push((key, value)),
        }
    }
    (page, size, rest)
}

/// Turns list parameters into a store query: paging, `zoek`, `sorteer` and field filters.
pub fn list_query(
    kind: EntityKind,
    pairs: Vec<(String, String)>,
) -> Result<ListQuery, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let (page, page_size, rest) = paging(pairs, &mut errors);
    let mut query = ListQuery {
        page,
        page_size,
        ..ListQuery::default()
    };
    for (key, value) in rest {
        match key.as_str() {
            "zoek" => query.search = Some(value),
            "sorteer" => {
                let (field, desc) = match value.strip_prefix('-') {
                    Some(field) => (field.to_string(), true),
                    None => (value.clone(), false),
                };
                if kind.sortable(&field) {
                    query.sort = Some((field, desc));
                } else {
                    errors.push("sorteer", FieldProblem::UnknownField);
                }
            }
            _ if value.trim().is_empty() => {}
            _ => {
                if kind.field(&key).is_some_and(|f| f.filter) {
                    query.filters.push((key, value));
                } else {
                    errors.push(key, FieldProblem::UnknownField);
                }
            }
        }
    }
    errors.into_result(query)
}

/// Whether this member may see this element (a supplier's user sees only its own).
pub fn visible_to(membership: &Membership, element: &Element) -> bool {
    regisseur_domain::access::may_see(
        membership.role,
        membership.supplier_id,
        element.id,
        &element.record,
    )
}

/// Reads a JSON body, naming where it stops being JSON.
pub(crate) fn json_body(body: &Bytes) -> Result<Value, Problem> {
    serde_json::from_slice(body).map_err(|e| {
        Problem::bad_request(format!(
            "De body is geen geldige JSON (regel {}, kolom {}): {e}",
            e.line(),
            e.column()
        ))
    })
}
