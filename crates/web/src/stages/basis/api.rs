//! Basis in the API: the organisations, the GEMMA reference components, the audit trail and the
//! register's elements (list, read, create, replace, patch, delete), with ETags and
//! `If-Match`.

use crate::AppState;
use crate::kit::api::ApiResult;
use crate::kit::api::Fields;
use crate::kit::api::json_body;
use crate::kit::api::json_response;
use crate::kit::api::membership;
use crate::kit::api::paging;
use crate::kit::auth::ApiAuth;
use crate::kit::precondition::{self, IfMatch};
use crate::kit::problem::Problem;
use crate::stages::basis::list_query;
use crate::stages::basis::query_pairs;
use crate::stages::basis::visible_to;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use regisseur_domain::landscape::{EntityKind, InputMode};
use regisseur_domain::{Problem as FieldProblem, ValidationErrors};
use regisseur_store::{AuditQuery, Element, Membership};
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// The API representation of an element.
pub fn element_json(element: &Element) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), Value::from(element.id.to_string()));
    object.insert("versie".into(), Value::from(element.version));
    for (key, value) in element.record.fields() {
        object.insert(key.clone(), value.clone());
    }
    object.insert(
        "aangemaaktOp".into(),
        Value::from(
            element
                .created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ),
    );
    object.insert(
        "gewijzigdOp".into(),
        Value::from(
            element
                .updated_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ),
    );
    Value::Object(object)
}

fn parse_uuid(text: &str) -> Result<Uuid, Problem> {
    Uuid::parse_str(text).map_err(|_| Problem::not_found())
}

/// Reads a JSON object body; separates the fields every element carries (id, versie, times),
/// which a client may send back but cannot change.
fn body_object(body: &Bytes) -> Result<(Fields, Fields), Problem> {
    let value = json_body(body)?;
    let Value::Object(mut fields) = value else {
        return Err(Problem::bad_request("De body moet een JSON-object zijn."));
    };
    let mut meta = Map::new();
    for key in regisseur_domain::landscape::META_FIELDS {
        if let Some(value) = fields.remove(key) {
            meta.insert(key.to_string(), value);
        }
    }
    Ok((fields, meta))
}

/// The version the body says an update is based on (`versie`, optional when `If-Match` is
/// sent), checking that an `id` in the body is the one in the address.
fn body_version(
    meta: &Map<String, Value>,
    id: Uuid,
    conditional: bool,
) -> Result<Option<i64>, Problem> {
    let mut errors = ValidationErrors::default();
    if let Some(body_id) = meta.get("id")
        && body_id.as_str() != Some(id.to_string().as_str())
    {
        errors.push(
            "id",
            FieldProblem::SameAs {
                other: "de id in het adres",
            },
        );
    }
    let version = match meta.get("versie") {
        Some(v) => {
            let v = v.as_i64();
            if v.is_none() {
                errors.push("versie", FieldProblem::NotAnInteger);
            }
            v
        }
        None if conditional => None,
        None => {
            errors.push("versie", FieldProblem::Required);
            None
        }
    };
    errors
        .into_result(version)
        .map_err(|e| Problem::invalid(&e))
}

fn require_read(membership: &Membership, kind: EntityKind) -> Result<(), Problem> {
    if membership.role.can_read(kind) {
        Ok(())
    } else {
        Err(Problem::forbidden())
    }
}

fn require_write(membership: &Membership, kind: EntityKind) -> Result<(), Problem> {
    if membership.role.can_write(kind) {
        Ok(())
    } else {
        Err(Problem::forbidden())
    }
}

fn item_location(slug: &str, kind: EntityKind, id: Uuid) -> String {
    format!("/api/v1/organisaties/{slug}/{}/{id}", kind.resource())
}

fn organisation_json(m: &Membership) -> Value {
    json!({
        "id": m.organisation.id.to_string(),
        "slug": m.organisation.slug,
        "naam": m.organisation.name,
        "cbsCode": m.organisation.cbs_code,
        "rol": m.role.code(),
    })
}

pub(crate) async fn organisations(auth: ApiAuth, RawQuery(raw): RawQuery) -> ApiResult {
    let mut errors = ValidationErrors::default();
    let (page, size, rest) = paging(query_pairs(raw.as_deref()), &mut errors);
    for (key, _) in rest {
        errors.push(key, FieldProblem::UnknownField);
    }
    errors.into_result(()).map_err(|e| Problem::invalid(&e))?;
    let all: Vec<Value> = auth.0.memberships.iter().map(organisation_json).collect();
    Ok(json_response(StatusCode::OK, page_json(all, page, size)))
}

fn page_json(all: Vec<Value>, page: u32, size: u32) -> Value {
    let total = all.len() as i64;
    let start = ((page - 1) as usize).saturating_mul(size as usize);
    let items: Vec<Value> = all.into_iter().skip(start).take(size as usize).collect();
    list_json(items, total, page, size)
}

/// A list answer as every list of the API gives it.
fn list_json(items: Vec<Value>, total: i64, page: u32, size: u32) -> Value {
    json!({"resultaten": items, "totaal": total, "pagina": page, "paginaGrootte": size})
}

pub(crate) async fn organisation(auth: ApiAuth, Path(slug): Path<String>) -> ApiResult {
    let m = membership(&auth, &slug)?;
    Ok(json_response(StatusCode::OK, organisation_json(m)))
}

pub(crate) async fn reference_components(
    State(state): State<AppState>,
    _auth: ApiAuth,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let mut errors = ValidationErrors::default();
    let (page, size, rest) = paging(query_pairs(raw.as_deref()), &mut errors);
    let mut search = None;
    for (key, value) in rest {
        if key == "zoek" {
            search = Some(value.to_lowercase());
        } else {
            errors.push(key, FieldProblem::UnknownField);
        }
    }
    errors.into_result(()).map_err(|e| Problem::invalid(&e))?;
    let all: Vec<Value> = state
        .store
        .catalog()
        .all()
        .iter()
        .filter(|c| {
            search.as_deref().is_none_or(|s| {
                c.naam.to_lowercase().contains(s) || c.beschrijving.to_lowercase().contains(s)
            })
        })
        .map(|c| serde_json::to_value(c).unwrap_or(Value::Null))
        .collect();
    Ok(json_response(StatusCode::OK, page_json(all, page, size)))
}

pub(crate) async fn reference_component(
    State(state): State<AppState>,
    _auth: ApiAuth,
    Path(id): Path<String>,
) -> ApiResult {
    let component = state
        .store
        .catalog()
        .get(&id)
        .ok_or_else(Problem::not_found)?;
    Ok(json_response(
        StatusCode::OK,
        serde_json::to_value(component).unwrap_or(Value::Null),
    ))
}

pub(crate) async fn audit(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let m = membership(&auth, &slug)?;
    if !m.role.can_read_audit() {
        return Err(Problem::forbidden());
    }
    let mut errors = ValidationErrors::default();
    let (page, page_size, rest) = paging(query_pairs(raw.as_deref()), &mut errors);
    let mut query = AuditQuery {
        page,
        page_size,
        ..AuditQuery::default()
    };
    for (key, value) in rest {
        match key.as_str() {
            "entiteitId" => match Uuid::parse_str(&value) {
                Ok(id) => query.entity_id = Some(id),
                Err(_) => errors.push("entiteitId", FieldProblem::NotAnId),
            },
            "entiteit" => {
                match EntityKind::from_code(&value).or_else(|| EntityKind::from_resource(&value)) {
                    Some(kind) => query.entity = Some(kind.code().to_string()),
                    None => errors.push(
                        "entiteit",
                        FieldProblem::NotInList {
                            allowed: EntityKind::ALL.iter().map(|k| k.code()).collect(),
                        },
                    ),
                }
            }
            _ => errors.push(key, FieldProblem::UnknownField),
        }
    }
    errors.into_result(()).map_err(|e| Problem::invalid(&e))?;
    let result = state.store.audit_log(m.organisation.id, &query).await?;
    let items: Vec<Value> = result
        .items
        .iter()
        .map(|e| {
            json!({
                "id": e.id.to_string(),
                "actie": e.action,
                "entiteit": e.entity,
                "entiteitId": e.entity_id.to_string(),
                "gebruiker": e.user_email,
                "tijdstip": e.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                "oudeWaarde": e.old_value,
                "nieuweWaarde": e.new_value,
            })
        })
        .collect();
    Ok(json_response(
        StatusCode::OK,
        list_json(items, result.total, result.page, result.page_size),
    ))
}

pub(crate) async fn list(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let m = membership(&auth, &slug)?;
    require_read(m, kind)?;
    let mut query =
        list_query(kind, query_pairs(raw.as_deref())).map_err(|e| Problem::invalid(&e))?;
    query.supplier_scope = m.supplier_scope();
    let page = state
        .store
        .list_elements(m.organisation.id, kind, &query)
        .await?;
    let items: Vec<Value> = page.items.iter().map(element_json).collect();
    Ok(json_response(
        StatusCode::OK,
        list_json(items, page.total, page.page, page.page_size),
    ))
}

pub(crate) async fn get_one(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult {
    let m = membership(&auth, &slug)?;
    require_read(m, kind)?;
    let id = parse_uuid(&id)?;
    let element = state
        .store
        .get_element(m.organisation.id, kind, id)
        .await?
        .filter(|e| visible_to(m, e))
        .ok_or_else(Problem::not_found)?;
    Ok(precondition::read(&headers, element.version, || {
        json_response(StatusCode::OK, element_json(&element))
    }))
}

pub(crate) async fn create(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    body: Bytes,
) -> ApiResult {
    let m = membership(&auth, &slug)?;
    require_write(m, kind)?;
    let (fields, _) = body_object(&body)?;
    let element = state
        .store
        .create_element(
            &auth.0.actor(),
            m.organisation.id,
            kind,
            &fields,
            InputMode::Api,
        )
        .await?;
    let mut response = precondition::with_etag(
        json_response(StatusCode::CREATED, element_json(&element)),
        element.version,
    );
    if let Ok(location) = item_location(&slug, kind, element.id).parse() {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

pub(crate) async fn replace(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    update(kind, &state, &auth, &slug, &id, &headers, &body, false).await
}

pub(crate) async fn patch(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    update(kind, &state, &auth, &slug, &id, &headers, &body, true).await
}

/// PUT replaces every field; PATCH is a JSON merge patch (RFC 7396) on the current fields: a
/// member set to null is removed, at any depth, and an object merges into the object it
/// patches. The version it is based on is `versie` in the body (stale: 409) or `If-Match`
/// (stale: 412); with both, both must hold. `If-Match: *` writes whatever version is current.
#[allow(clippy::too_many_arguments)] // the parts of one request
pub(crate) async fn update(
    kind: EntityKind,
    state: &AppState,
    auth: &ApiAuth,
    slug: &str,
    id: &str,
    headers: &HeaderMap,
    body: &Bytes,
    merge: bool,
) -> ApiResult {
    let m = membership(auth, slug)?;
    require_write(m, kind)?;
    let id = parse_uuid(id)?;
    let (fields, meta) = body_object(body)?;
    let condition = IfMatch::from_headers(headers);
    let current = state
        .store
        .get_element(m.organisation.id, kind, id)
        .await?
        .filter(|e| visible_to(m, e))
        .ok_or_else(Problem::not_found)?;
    condition.check(current.version)?;
    let version = body_version(&meta, id, condition.present())?.unwrap_or(current.version);
    let fields = if merge {
        let mut document = Value::Object(current.record.fields().clone());
        json_patch::merge(&mut document, &Value::Object(fields));
        match document {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    } else {
        fields
    };
    let element = state
        .store
        .update_element(
            &auth.0.actor(),
            m.organisation.id,
            kind,
            id,
            version,
            &fields,
            InputMode::Api,
        )
        .await
        .map_err(|e| precondition::store_error(&condition, e))?;
    Ok(precondition::with_etag(
        json_response(StatusCode::OK, element_json(&element)),
        element.version,
    ))
}

pub(crate) async fn delete(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> ApiResult {
    let m = membership(&auth, &slug)?;
    require_write(m, kind)?;
    let id = parse_uuid(&id)?;
    let mut cascade = false;
    let mut errors = ValidationErrors::default();
    for (key, value) in query_pairs(raw.as_deref()) {
        match (key.as_str(), regisseur_domain::values::parse_yes_no(&value)) {
            ("trapsgewijs", Some(b)) => cascade = b,
            ("trapsgewijs", None) => errors.push("trapsgewijs", FieldProblem::NotABoolean),
            _ => errors.push(key, FieldProblem::UnknownField),
        }
    }
    errors.into_result(()).map_err(|e| Problem::invalid(&e))?;
    let condition = IfMatch::from_headers(&headers);
    let expected = if condition.present() {
        let current = state
            .store
            .get_element(m.organisation.id, kind, id)
            .await?
            .filter(|e| visible_to(m, e))
            .ok_or_else(Problem::not_found)?;
        condition.check(current.version)?;
        Some(current.version)
    } else {
        None
    };
    state
        .store
        .delete_element(
            &auth.0.actor(),
            m.organisation.id,
            kind,
            id,
            cascade,
            expected,
        )
        .await
        .map_err(|e| precondition::store_error(&condition, e))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
