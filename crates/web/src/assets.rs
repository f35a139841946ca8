//! Static files, compiled into the binary so that Regisseur runs without npm or a file tree.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "utrecht-component-library.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/vendor/utrecht-component-library.css"),
    ),
    (
        "voorbeeld-theme.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/vendor/voorbeeld-theme.css"),
    ),
    (
        "htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/vendor/htmx.min.js"),
    ),
    (
        "regisseur.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/regisseur.css"),
    ),
    (
        "regisseur.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/regisseur.js"),
    ),
];

/// A version string for asset addresses, so browsers may cache them for a long time.
pub const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

pub async fn asset(Path((_version, name)): Path<(String, String)>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
