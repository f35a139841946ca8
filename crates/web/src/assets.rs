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

/// The version in asset addresses: a digest of every asset, so that browsers may keep them a
/// year (`immutable`) and still get a changed stylesheet the moment it changes — also between
/// two builds of the same release.
pub fn asset_version() -> &'static str {
    static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        for (name, _, bytes) in ASSETS {
            hasher.update(name.as_bytes());
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
        hex::encode(&hasher.finalize()[..6])
    });
    &VERSION
}

/// An asset; kept a year at its current address, revalidated at any other (an old page).
pub async fn asset(Path((version, name)): Path<(String, String)>) -> Response {
    let cache = if version == asset_version() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, cache),
            ],
            *bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
