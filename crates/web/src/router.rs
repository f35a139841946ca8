//! The router: it mounts every stage's pages and API handlers, the assets and the layers every
//! response passes (CSRF, security headers, API conventions, compression). The API's route table
//! [`api_routes`] is the single source for both the router and the OpenAPI document.

use crate::AppState;
use crate::kit::api::API_VERSION;
use crate::kit::api::json_response;
use crate::kit::problem::Problem;
use crate::kit::{assets, conventions, page, session};
use crate::stages::{
    aanbesteding, basis, businesscase, gereedheid, koers, kwaliteit, overzicht, rapportage, regie,
    scope, transitie,
};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use axum::routing::{MethodRouter, get, on};
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::transition::ItemKind;
use tower_http::csrf::CsrfLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Content Security Policy: no inline script or style, nothing from elsewhere, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The whole application: API, pages, assets and the layers every response passes.
pub fn app(state: AppState) -> Result<Router, String> {
    let mut csrf = CsrfLayer::new();
    for origin in &state.config.trusted_origins {
        csrf = csrf
            .add_trusted_origin(origin)
            .map_err(|e| format!("trusted origin '{origin}': {e:?}"))?;
    }
    let router = Router::new()
        .merge(session::router())
        .merge(overzicht::router())
        .merge(basis::router())
        .merge(api_router())
        .merge(kwaliteit::router())
        .merge(koers::router())
        .merge(gereedheid::router())
        .merge(scope::router())
        .merge(businesscase::router())
        .merge(aanbesteding::router())
        .merge(regie::router())
        .merge(transitie::router())
        .merge(rapportage::router())
        .route("/static/{version}/{name}", get(assets::asset))
        .route("/health", get(health))
        .fallback(page::not_found_page)
        .with_state(state)
        .layer(axum::middleware::from_fn(conventions::api_conventions))
        .layer(csrf)
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("api-version"),
            HeaderValue::from_static(API_VERSION),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            16 * 1024 * 1024,
        ))
        // About 700 KiB of CSS and JavaScript on a first visit is about 100 KiB compressed.
        .layer(tower_http::compression::CompressionLayer::new());
    Ok(router)
}

async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::http::StatusCode {
    match state.store.ping().await {
        Ok(()) => axum::http::StatusCode::OK,
        Err(_) => axum::http::StatusCode::SERVICE_UNAVAILABLE,
    }
}

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
        Endpoint::Organisations => on(filter, basis::api::organisations),
        Endpoint::Organisation => on(filter, basis::api::organisation),
        Endpoint::ReferenceComponents => on(filter, basis::api::reference_components),
        Endpoint::ReferenceComponent => on(filter, basis::api::reference_component),
        Endpoint::Audit => on(filter, basis::api::audit),
        Endpoint::Quality => on(filter, kwaliteit::api_report),
        Endpoint::QualitySettings => on(filter, kwaliteit::api_settings),
        Endpoint::ReplaceQualitySettings => on(filter, kwaliteit::api_replace_settings),
        Endpoint::Readiness => on(filter, gereedheid::api_advice),
        Endpoint::Impact => on(filter, scope::api_impact),
        Endpoint::Scope => on(filter, scope::api_scope),
        Endpoint::BusinessCases => on(filter, businesscase::api_list),
        Endpoint::CreateBusinessCase => on(filter, businesscase::api_create),
        Endpoint::BusinessCase => on(filter, businesscase::api_get),
        Endpoint::ReplaceBusinessCase => on(filter, businesscase::api_replace),
        Endpoint::DeleteBusinessCase => on(filter, businesscase::api_delete),
        Endpoint::ProcurementRoute => on(filter, aanbesteding::api_route),
        Endpoint::Tenders => on(filter, aanbesteding::api_list),
        Endpoint::Tender => on(filter, aanbesteding::api_get),
        Endpoint::TenderResult => on(filter, aanbesteding::api_result),
        Endpoint::SlaReport => on(filter, regie::api_sla),
        Endpoint::SlaReports => on(filter, regie::api_reports),
        Endpoint::Survey => on(filter, regie::api_survey),
        Endpoint::Transition => on(filter, transitie::api_summary),
        Endpoint::TransitionPlan => on(filter, transitie::api_plan),
        Endpoint::ReplaceTransitionPlan => on(filter, transitie::api_replace_plan),
        Endpoint::TransitionItems(kind) => {
            on(filter, move |s, a, p| transitie::api_list(kind, s, a, p))
        }
        Endpoint::CreateTransitionItem(kind) => on(filter, move |s, a, p, b| {
            transitie::api_create(kind, s, a, p, b)
        }),
        Endpoint::TransitionItem(kind) => {
            on(filter, move |s, a, p| transitie::api_get(kind, s, a, p))
        }
        Endpoint::ReplaceTransitionItem(kind) => on(filter, move |s, a, p, b| {
            transitie::api_replace(kind, s, a, p, b)
        }),
        Endpoint::DeleteTransitionItem(kind) => {
            on(filter, move |s, a, p| transitie::api_delete(kind, s, a, p))
        }
        Endpoint::Confirm(kind) => on(filter, move |s, a, p| kwaliteit::api_confirm(kind, s, a, p)),
        Endpoint::List(kind) => on(filter, move |s, a, p, q| basis::api::list(kind, s, a, p, q)),
        Endpoint::Create(kind) => on(filter, move |s, a, p, b| {
            basis::api::create(kind, s, a, p, b)
        }),
        Endpoint::Get(kind) => on(filter, move |s, a, p, h| {
            basis::api::get_one(kind, s, a, p, h)
        }),
        Endpoint::Replace(kind) => on(filter, move |s, a, p, h, b| {
            basis::api::replace(kind, s, a, p, h, b)
        }),
        Endpoint::Patch(kind) => on(filter, move |s, a, p, h, b| {
            basis::api::patch(kind, s, a, p, h, b)
        }),
        Endpoint::Delete(kind) => on(filter, move |s, a, p, q, h| {
            basis::api::delete(kind, s, a, p, q, h)
        }),
    }
}

/// The API's routes, from [`api_routes`].
fn api_router() -> Router<AppState> {
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

async fn openapi(State(state): State<AppState>) -> Response {
    json_response(StatusCode::OK, state.openapi.as_ref().clone())
}
