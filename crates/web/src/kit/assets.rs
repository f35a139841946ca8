//! Static files, compiled into the binary so that Regisseur runs without npm or a file tree.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "utrecht-component-library.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/vendor/utrecht-component-library.css"),
    ),
    (
        "htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/vendor/htmx.min.js"),
    ),
    (
        "regisseur.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/regisseur.css"),
    ),
    (
        "regisseur.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/regisseur.js"),
    ),
];

/// A municipality's NL Design System theme: the stylesheet its design-tokens package builds
/// (`dist/theme.css` or `dist/index.css`) and the class that scopes its tokens. Every colour,
/// font and size of Regisseur's pages reads those tokens, so the theme restyles all of them.
#[derive(Debug, Clone)]
pub struct Theme {
    class: String,
    css: Vec<u8>,
}

/// Why a theme file cannot be used; each names the file's problem.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ThemeError {
    #[error(
        "the theme class {0:?} is not a CSS class name (letters, digits, '-' and '_', not starting with a digit)"
    )]
    BadClass(String),
    #[error("the theme file is {0} bytes; a theme stylesheet is at most {MAX_THEME_BYTES} bytes")]
    TooLarge(usize),
    #[error("the theme file is not UTF-8 text (byte {0})")]
    NotText(usize),
    #[error(
        "the theme file has no rule for the class .{0}: is it the theme.css of a design-tokens package, and is .{0} the class it scopes its tokens to?"
    )]
    ClassMissing(String),
    #[error("the theme file sets no design tokens (--basis-… or --utrecht-… custom properties)")]
    NoTokens,
}

/// Themes are a few hundred kilobytes at most; this keeps a wrong file (a font, a bundle) out.
pub const MAX_THEME_BYTES: usize = 4 * 1024 * 1024;

impl Theme {
    /// The NL Design System example theme, vendored; the default.
    pub fn example() -> Theme {
        Theme {
            class: "voorbeeld-theme".to_string(),
            css: include_bytes!("../../static/vendor/voorbeeld-theme.css").to_vec(),
        }
    }

    /// A theme from its stylesheet and class, checked: the class must be a class name the
    /// stylesheet has a rule for, and the stylesheet must set design tokens.
    pub fn new(css: Vec<u8>, class: &str) -> Result<Theme, ThemeError> {
        let class = class.trim().trim_start_matches('.');
        let valid = class
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && class.chars().next().is_some_and(|c| !c.is_ascii_digit());
        if !valid {
            return Err(ThemeError::BadClass(class.to_string()));
        }
        if css.len() > MAX_THEME_BYTES {
            return Err(ThemeError::TooLarge(css.len()));
        }
        let text = std::str::from_utf8(&css).map_err(|e| ThemeError::NotText(e.valid_up_to()))?;
        let selector = format!(".{class}");
        let has_rule = text.match_indices(&selector).any(|(at, _)| {
            let next = text[at + selector.len()..].chars().next();
            !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        if !has_rule {
            return Err(ThemeError::ClassMissing(class.to_string()));
        }
        if !text.contains("--basis-") && !text.contains("--utrecht-") {
            return Err(ThemeError::NoTokens);
        }
        Ok(Theme {
            class: class.to_string(),
            css,
        })
    }

    pub fn class(&self) -> &str {
        &self.class
    }

    pub fn css(&self) -> &[u8] {
        &self.css
    }
}

static THEME: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();

/// Installs the installation's theme; once, at start-up, before the first page is served.
/// Returns false when a theme was already in use.
pub fn install_theme(theme: Theme) -> bool {
    THEME.set(theme).is_ok()
}

/// The theme pages are drawn in: the installed one, else the example theme.
pub fn theme() -> &'static Theme {
    THEME.get_or_init(Theme::example)
}

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
        let theme = theme();
        hasher.update(theme.class.as_bytes());
        hasher.update(&theme.css);
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
    let found = if name == "theme.css" {
        Some(("text/css; charset=utf-8", theme().css.as_slice()))
    } else {
        ASSETS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, content_type, bytes)| (*content_type, *bytes))
    };
    match found {
        Some((content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, cache),
            ],
            bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
