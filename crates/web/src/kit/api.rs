//! The JSON API under `/api/v1`, following the NL API Design Rules. The route table
//! [`api_routes`] is the single source for both the router and the OpenAPI document.

use crate::AppState;
use crate::kit::auth::ApiAuth;
use crate::kit::precondition::{self, IfMatch};
use crate::kit::problem::Problem;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, on};
use regisseur_domain::landscape::{EntityKind, InputMode};
use regisseur_domain::transition::ItemKind;
use regisseur_domain::{Problem as FieldProblem, ValidationErrors};
use regisseur_store::{AuditQuery, Element, ListQuery, Membership};
use serde_json::{Map, Value, json};
use uuid::Uuid;

pub const API_VERSION: &str = "1.0.0";
/// Largest page a list returns.
pub const MAX_PAGE_SIZE: u32 = 500;
pub const DEFAULT_PAGE_SIZE: u32 = 50;

/// What a route does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    OpenApi,
    Organisations,
    Organisation,
    ReferenceComponents,
    ReferenceComponent,
    Audit,
    Quality,
    QualitySettings,
    ReplaceQualitySettings,
    Readiness,
    Impact,
    Scope,
    BusinessCases,
    CreateBusinessCase,
    BusinessCase,
    ReplaceBusinessCase,
    DeleteBusinessCase,
    ProcurementRoute,
    Tenders,
    Tender,
    TenderResult,
    SlaReport,
    SlaReports,
    Survey,
    Transition,
    TransitionPlan,
    ReplaceTransitionPlan,
    TransitionItems(ItemKind),
    CreateTransitionItem(ItemKind),
    TransitionItem(ItemKind),
    ReplaceTransitionItem(ItemKind),
    DeleteTransitionItem(ItemKind),
    List(EntityKind),
    Create(EntityKind),
    Get(EntityKind),
    Replace(EntityKind),
    Patch(EntityKind),
    Delete(EntityKind),
    /// The owner confirms the element is correct (kinds with an owner).
    Confirm(EntityKind),
}

#[derive(Debug, Clone)]
pub struct ApiRoute {
    pub method: Method,
    pub path: String,
    pub endpoint: Endpoint,
}

/// Every API route. The router and the OpenAPI document are both built from this list.
pub fn api_routes() -> Vec<ApiRoute> {
    let route = |method: Method, path: &str, endpoint| ApiRoute {
        method,
        path: path.to_string(),
        endpoint,
    };
    let mut routes = vec![
        route(Method::GET, "/api/v1/openapi.json", Endpoint::OpenApi),
        route(Method::GET, "/api/v1/organisaties", Endpoint::Organisations),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}",
            Endpoint::Organisation,
        ),
        route(
            Method::GET,
            "/api/v1/referentiecomponenten",
            Endpoint::ReferenceComponents,
        ),
        route(
            Method::GET,
            "/api/v1/referentiecomponenten/{id}",
            Endpoint::ReferenceComponent,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/audit",
            Endpoint::Audit,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/kwaliteit",
            Endpoint::Quality,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/kwaliteit/instellingen",
            Endpoint::QualitySettings,
        ),
        route(
            Method::PUT,
            "/api/v1/organisaties/{slug}/kwaliteit/instellingen",
            Endpoint::ReplaceQualitySettings,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/gereedheid",
            Endpoint::Readiness,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/impact/{id}",
            Endpoint::Impact,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/scope",
            Endpoint::Scope,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/businesscases",
            Endpoint::BusinessCases,
        ),
        route(
            Method::POST,
            "/api/v1/organisaties/{slug}/businesscases",
            Endpoint::CreateBusinessCase,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/businesscases/{id}",
            Endpoint::BusinessCase,
        ),
        route(
            Method::PUT,
            "/api/v1/organisaties/{slug}/businesscases/{id}",
            Endpoint::ReplaceBusinessCase,
        ),
        route(
            Method::DELETE,
            "/api/v1/organisaties/{slug}/businesscases/{id}",
            Endpoint::DeleteBusinessCase,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/aanbestedingsroute",
            Endpoint::ProcurementRoute,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/aanbestedingen",
            Endpoint::Tenders,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/aanbestedingen/{id}",
            Endpoint::Tender,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/aanbestedingen/{id}/uitslag",
            Endpoint::TenderResult,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/contracten/{id}/sla",
            Endpoint::SlaReport,
        ),
        route(
            Method::POST,
            "/api/v1/organisaties/{slug}/contracten/{id}/sla-rapportages",
            Endpoint::SlaReports,
        ),
        route(
            Method::PUT,
            "/api/v1/organisaties/{slug}/contracten/{id}/relatiemetingen/{kwartaal}",
            Endpoint::Survey,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/transitie",
            Endpoint::Transition,
        ),
        route(
            Method::GET,
            "/api/v1/organisaties/{slug}/transitie/plan",
            Endpoint::TransitionPlan,
        ),
        route(
            Method::PUT,
            "/api/v1/organisaties/{slug}/transitie/plan",
            Endpoint::ReplaceTransitionPlan,
        ),
    ];
    for kind in ItemKind::ALL {
        let collection = format!(
            "/api/v1/organisaties/{{slug}}/transitie/{}",
            kind.resource()
        );
        let item = format!("{collection}/{{id}}");
        routes.push(route(
            Method::GET,
            &collection,
            Endpoint::TransitionItems(kind),
        ));
        routes.push(route(
            Method::POST,
            &collection,
            Endpoint::CreateTransitionItem(kind),
        ));
        routes.push(route(Method::GET, &item, Endpoint::TransitionItem(kind)));
        routes.push(route(
            Method::PUT,
            &item,
            Endpoint::ReplaceTransitionItem(kind),
        ));
        routes.push(route(
            Method::DELETE,
            &item,
            Endpoint::DeleteTransitionItem(kind),
        ));
    }
    for kind in EntityKind::ALL {
        let collection = format!("/api/v1/organisaties/{{slug}}/{}", kind.resource());
        let item = format!("{collection}/{{id}}");
        routes.push(route(Method::GET, &collection, Endpoint::List(kind)));
        routes.push(route(Method::POST, &collection, Endpoint::Create(kind)));
        routes.push(route(Method::GET, &item, Endpoint::Get(kind)));
        routes.push(route(Method::PUT, &item, Endpoint::Replace(kind)));
        routes.push(route(Method::PATCH, &item, Endpoint::Patch(kind)));
        routes.push(route(Method::DELETE, &item, Endpoint::Delete(kind)));
        if regisseur_domain::quality::CONFIRMABLE.contains(&kind) {
            routes.push(route(
                Method::POST,
                &format!("{item}/bevestiging"),
                Endpoint::Confirm(kind),
            ));
        }
    }
    routes
}

fn handler(method: Method, endpoint: Endpoint) -> MethodRouter<AppState> {
    let filter =
        axum::routing::MethodFilter::try_from(method).unwrap_or(axum::routing::MethodFilter::GET);
    match endpoint {
        // Anyone may read the document, from any site (GET only): tools and portals such as
        // the API register fetch it from the browser.
        Endpoint::OpenApi => on(filter, openapi).layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(tower_http::cors::Any)
                .allow_methods([Method::GET]),
        ),
        Endpoint::Organisations => on(filter, organisations),
        Endpoint::Organisation => on(filter, organisation),
        Endpoint::ReferenceComponents => on(filter, reference_components),
        Endpoint::ReferenceComponent => on(filter, reference_component),
        Endpoint::Audit => on(filter, audit),
        Endpoint::Quality => on(filter, crate::stages::kwaliteit::api_report),
        Endpoint::QualitySettings => on(filter, crate::stages::kwaliteit::api_settings),
        Endpoint::ReplaceQualitySettings => {
            on(filter, crate::stages::kwaliteit::api_replace_settings)
        }
        Endpoint::Readiness => on(filter, crate::stages::koers::api_advice),
        Endpoint::Impact => on(filter, crate::stages::scope::api_impact),
        Endpoint::Scope => on(filter, crate::stages::scope::api_scope),
        Endpoint::BusinessCases => on(filter, crate::stages::businesscase::api_list),
        Endpoint::CreateBusinessCase => on(filter, crate::stages::businesscase::api_create),
        Endpoint::BusinessCase => on(filter, crate::stages::businesscase::api_get),
        Endpoint::ReplaceBusinessCase => on(filter, crate::stages::businesscase::api_replace),
        Endpoint::DeleteBusinessCase => on(filter, crate::stages::businesscase::api_delete),
        Endpoint::ProcurementRoute => on(filter, crate::stages::aanbesteding::api_route),
        Endpoint::Tenders => on(filter, crate::stages::aanbesteding::api_list),
        Endpoint::Tender => on(filter, crate::stages::aanbesteding::api_get),
        Endpoint::TenderResult => on(filter, crate::stages::aanbesteding::api_result),
        Endpoint::SlaReport => on(filter, crate::stages::regie::api_sla),
        Endpoint::SlaReports => on(filter, crate::stages::regie::api_reports),
        Endpoint::Survey => on(filter, crate::stages::regie::api_survey),
        Endpoint::Transition => on(filter, crate::stages::transitie::api_summary),
        Endpoint::TransitionPlan => on(filter, crate::stages::transitie::api_plan),
        Endpoint::ReplaceTransitionPlan => on(filter, crate::stages::transitie::api_replace_plan),
        Endpoint::TransitionItems(kind) => on(filter, move |s, a, p| {
            crate::stages::transitie::api_list(kind, s, a, p)
        }),
        Endpoint::CreateTransitionItem(kind) => on(filter, move |s, a, p, b| {
            crate::stages::transitie::api_create(kind, s, a, p, b)
        }),
        Endpoint::TransitionItem(kind) => on(filter, move |s, a, p| {
            crate::stages::transitie::api_get(kind, s, a, p)
        }),
        Endpoint::ReplaceTransitionItem(kind) => on(filter, move |s, a, p, b| {
            crate::stages::transitie::api_replace(kind, s, a, p, b)
        }),
        Endpoint::DeleteTransitionItem(kind) => on(filter, move |s, a, p| {
            crate::stages::transitie::api_delete(kind, s, a, p)
        }),
        Endpoint::Confirm(kind) => on(filter, move |s, a, p| {
            crate::stages::kwaliteit::api_confirm(kind, s, a, p)
        }),
        Endpoint::List(kind) => on(filter, move |s, a, p, q| list(kind, s, a, p, q)),
        Endpoint::Create(kind) => on(filter, move |s, a, p, b| create(kind, s, a, p, b)),
        Endpoint::Get(kind) => on(filter, move |s, a, p, h| get_one(kind, s, a, p, h)),
        Endpoint::Replace(kind) => on(filter, move |s, a, p, h, b| replace(kind, s, a, p, h, b)),
        Endpoint::Patch(kind) => on(filter, move |s, a, p, h, b| patch(kind, s, a, p, h, b)),
        Endpoint::Delete(kind) => on(filter, move |s, a, p, q, h| delete(kind, s, a, p, q, h)),
    }
}

pub fn router() -> Router<AppState> {
    let mut grouped: Vec<(String, MethodRouter<AppState>)> = Vec::new();
    for route in api_routes() {
        let method_router = handler(route.method.clone(), route.endpoint);
        match grouped.iter_mut().find(|(path, _)| *path == route.path) {
            Some((_, existing)) => *existing = std::mem::take(existing).merge(method_router),
            None => grouped.push((route.path, method_router)),
        }
    }
    let mut router = Router::new();
    for (path, method_router) in grouped {
        router = router.route(&path, method_router);
    }
    router.route(
        "/api/v1/{*rest}",
        axum::routing::any(|| async {
            Problem::not_found().detail("Dit adres bestaat niet in de API.")
        }),
    )
}

type ApiResult = Result<Response, Problem>;
type Fields = Map<String, Value>;

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

/// Whether this member may see this element (a supplier's user sees only its own).
pub fn visible_to(membership: &Membership, element: &Element) -> bool {
    regisseur_domain::access::may_see(
        membership.role,
        membership.supplier_id,
        element.id,
        &element.record,
    )
}

fn parse_uuid(text: &str) -> Result<Uuid, Problem> {
    Uuid::parse_str(text).map_err(|_| Problem::not_found())
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

async fn openapi(State(state): State<AppState>) -> Response {
    json_response(StatusCode::OK, state.openapi.as_ref().clone())
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

async fn organisations(auth: ApiAuth, RawQuery(raw): RawQuery) -> ApiResult {
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

async fn organisation(auth: ApiAuth, Path(slug): Path<String>) -> ApiResult {
    let m = membership(&auth, &slug)?;
    Ok(json_response(StatusCode::OK, organisation_json(m)))
}

async fn reference_components(
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

async fn reference_component(
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

async fn audit(
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

async fn list(
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

async fn get_one(
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

async fn create(
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

async fn replace(
    kind: EntityKind,
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    update(kind, &state, &auth, &slug, &id, &headers, &body, false).await
}

async fn patch(
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
async fn update(
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

async fn delete(
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
