//! The HTTP side of Regisseur: the JSON API under `/api/v1` (NL API Design Rules) and the
//! server-rendered Dutch/English interface (askama templates, NL Design System CSS, htmx).
//!
//! What lives here: routing, authentication, sessions, request parsing, rendering. What must
//! not: rules, scores and formulas (they are in `regisseur-domain`) or SQL (in
//! `regisseur-store`). A handler parses, calls the store and the domain, and renders.

pub mod kit;
pub mod openapi;
pub mod router;
pub mod stages;

use regisseur_store::Store;
use std::net::SocketAddr;
use std::sync::Arc;

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
    pub quality: Arc<kit::quality::QualityCache>,
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
            quality: Arc::new(kit::quality::QualityCache::default()),
            graphs: Arc::new(stages::scope::GraphCache::default()),
            business_cases: Arc::new(stages::businesscase::AnalysisCache::default()),
        }
    }
}

/// Serves until ctrl-c or SIGTERM; `on_ready` is told the bound address.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let router = router::app(state).map_err(std::io::Error::other)?;
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
