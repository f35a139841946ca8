//! The HTTP side of Regisseur: the JSON API under `/api/v1` (NL API Design Rules) and the
//! server-rendered Dutch/English interface (askama templates, NL Design System CSS, htmx).
//!
//! What lives here: routing, authentication, sessions, request parsing, rendering. What must
//! not: rules, scores and formulas (they are in `regisseur-domain`) or SQL (in
//! `regisseur-store`). A handler parses, calls the store and the domain, and renders.

pub mod kit;
pub mod openapi;
pub mod stages;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::get;
use regisseur_store::Store;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::csrf::CsrfLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// Settings of the web server.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when the server is reached over https).
    pub secure_cookies: bool,
    /// Origins (scheme://host[:port]) trusted for state-changing requests, for a reverse proxy
    /// that rewrites `Host`.
    pub trusted_origins: Vec<String>,
    /// Demo mode: the login page shows these accounts and their password.
    pub demo_login: Option<DemoLogin>,
    /// Who answers questions about this installation's API (the OpenAPI document's contact).
    pub api_contact: openapi::Contact,
}

/// The demo accounts shown on the login page of a demo installation.
#[derive(Debug, Clone, Default)]
pub struct DemoLogin {
    pub users: Vec<String>,
    pub password: String,
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub config: Arc<WebConfig>,
    pub openapi: Arc<serde_json::Value>,
    pub token_cache: Arc<kit::auth::TokenCache>,
    pub quality: Arc<stages::kwaliteit::QualityCache>,
    pub graphs: Arc<stages::scope::GraphCache>,
    pub business_cases: Arc<stages::businesscase::AnalysisCache>,
}

impl AppState {
    pub fn new(store: Arc<Store>, config: WebConfig) -> AppState {
        AppState {
            store,
            openapi: Arc::new(openapi::document(&config.api_contact)),
            config: Arc::new(config),
            token_cache: Arc::new(kit::auth::TokenCache::default()),
            quality: Arc::new(stages::kwaliteit::QualityCache::default()),
            graphs: Arc::new(stages::scope::GraphCache::default()),
            business_cases: Arc::new(stages::businesscase::AnalysisCache::default()),
        }
    }
}

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
        .merge(kit::page::router())
        .merge(kit::api::router())
        .merge(stages::kwaliteit::router())
        .merge(stages::koers::router())
        .merge(stages::scope::router())
        .merge(stages::businesscase::router())
        .merge(stages::aanbesteding::router())
        .merge(stages::regie::router())
        .merge(stages::transitie::router())
        .merge(stages::rapportage::router())
        .route("/static/{version}/{name}", get(kit::assets::asset))
        .route("/health", get(health))
        .with_state(state)
        .layer(axum::middleware::from_fn(kit::conventions::api_conventions))
        .layer(csrf)
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("api-version"),
            HeaderValue::from_static(kit::api::API_VERSION),
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

/// Serves until ctrl-c or SIGTERM; `on_ready` is told the bound address.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let router = app(state).map_err(std::io::Error::other)?;
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
