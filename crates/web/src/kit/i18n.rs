//! The interface's texts in Dutch and English. Dutch is the default; the choice comes from the
//! `regisseur_taal` cookie, then `Accept-Language`.
//!
//! The texts are Fluent files a translator edits, `i18n/nl.ftl` and `i18n/en.ftl`, compiled
//! into the binary; plurals follow each language's rules (`{ $count -> [one] … *[other] … }`).

use crate::kit::auth::{LANG_COOKIE, cookie_value};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use regisseur_domain::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The Dutch texts, as a translator edits them.
pub const NL_FTL: &str = include_str!("../../i18n/nl.ftl");
/// The English texts, as a translator edits them.
pub const EN_FTL: &str = include_str!("../../i18n/en.ftl");

/// What is shown for a key that has no text: visible, so a missing text is noticed (and a test
/// keeps it from happening).
const MISSING: &str = "??";

/// The texts of one language: the Fluent bundle, and every message without variables formatted
/// once, so templates borrow them for the life of the program.
struct Texts {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, String>,
}

fn load(source: &str, lang: unic_langid::LanguageIdentifier) -> Texts {
    // A syntax error is caught by the tests; what parses is still used.
    let resource =
        FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let ids = message_ids(&resource);
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks around values: every text is left-to-right.
    bundle.set_use_isolating(false);
    // Ids are unique (tested), so adding cannot fail; a duplicate would keep the first.
    let _ = bundle.add_resource(resource);
    let mut plain = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            plain.insert(id, text.into_owned());
        }
    }
    Texts { bundle, plain }
}

/// The ids of the messages in a Fluent file, in order.
pub fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

static NL: LazyLock<Texts> = LazyLock::new(|| load(NL_FTL, unic_langid::langid!("nl")));
static EN: LazyLock<Texts> = LazyLock::new(|| load(EN_FTL, unic_langid::langid!("en")));

/// A number of things, as templates hold it (by value or by reference).
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
count!(usize, u32, u64, i32, i64);

impl<C: Count> Count for &C {
    fn count(&self) -> i64 {
        (*self).count()
    }
}

/// The texts of one language, for templates: `t.s("key")`, `t.n("key", count)`.
#[derive(Debug, Clone, Copy)]
pub struct T(pub Lang);

impl T {
    fn texts(&self) -> &'static Texts {
        match self.0 {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// A text without values.
    pub fn s(&self, key: &str) -> &'static str {
        self.texts().plain.get(key).map_or(MISSING, String::as_str)
    }

    /// A text for a number of things (`$count`), in the plural form the language wants for it.
    pub fn n(&self, key: &str, count: impl Count) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count.count()));
        self.format(key, &args)
    }

    /// A text with named values (`{ $name }`).
    pub fn f(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(*name, FluentValue::from(*value));
        }
        self.format(key, &args)
    }

    fn format(&self, key: &str, args: &FluentArgs) -> String {
        let bundle = &self.texts().bundle;
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return MISSING.to_string();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned()
    }
}

/// The language of a request: the cookie, else the first supported `Accept-Language`, else nl.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookie_value(headers, LANG_COOKIE).and_then(|c| Lang::from_code(&c)) {
        return lang;
    }
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .map(|part| part.split(';').next().unwrap_or("").trim())
                .find_map(|code| {
                    Lang::from_code(code)
                        .or_else(|| Lang::from_code(code.split('-').next().unwrap_or("")))
                })
        })
        .unwrap_or(Lang::Nl)
}

pub struct ReqLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReqLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ReqLang(request_lang(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use std::collections::BTreeSet;

    fn ids(source: &str, file: &str) -> Vec<String> {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{file} does not parse: {errors:?}"),
        };
        message_ids(&resource)
    }

    #[test]
    fn both_files_parse_and_hold_the_same_messages() {
        let nl = ids(NL_FTL, "nl.ftl");
        let en = ids(EN_FTL, "en.ftl");
        let unique: BTreeSet<&String> = nl.iter().collect();
        assert_eq!(unique.len(), nl.len(), "a message id twice in nl.ftl");
        let nl: BTreeSet<String> = nl.into_iter().collect();
        let en: BTreeSet<String> = en.into_iter().collect();
        assert_eq!(
            nl.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "in nl.ftl only"
        );
        assert_eq!(
            en.difference(&nl).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "in en.ftl only"
        );
        assert!(nl.len() > 700);
        assert_eq!(T(Lang::En).s("login-title"), "Log in");
        assert_eq!(T(Lang::Nl).s("login-title"), "Inloggen");
        assert_eq!(T(Lang::Nl).s("no-such-text"), "??");
    }

    #[test]
    fn counts_take_the_plural_form_of_the_language() {
        let nl = T(Lang::Nl);
        let en = T(Lang::En);
        assert_eq!(nl.n("quality-scored", 1), "1 element beoordeeld");
        assert_eq!(nl.n("quality-scored", 0), "0 elementen beoordeeld");
        assert_eq!(nl.n("quality-scored", 12), "12 elementen beoordeeld");
        assert_eq!(en.n("ready-answered", 1), "1 question answered");
        assert_eq!(en.n("ready-answered", 2), "2 questions answered");
        assert_eq!(nl.n("transfer-warnings", 1), "1 waarschuwing");
        assert!(nl.n("transfer-errors", 1).starts_with("1 fout:"));
        assert!(nl.n("transfer-errors", 3).starts_with("3 fouten:"));
        assert_eq!(nl.n("no-such-text", 3), "??");
        // A text with a count is no plain text.
        assert_eq!(nl.s("quality-scored"), "??");
    }

    #[test]
    fn values_fill_their_place() {
        assert_eq!(
            T(Lang::Nl).f(
                "bc-verdict-cheaper",
                &[("jaren", "10"), ("bedrag", "€ 1.000")]
            ),
            "Over 10 jaar is uitbesteden € 1.000 goedkoper dan eigen beheer, in contante waarde."
        );
    }

    #[test]
    fn language_from_cookie_then_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(request_lang(&headers), Lang::Nl);
        headers.insert(
            "accept-language",
            HeaderValue::from_static("en-GB,en;q=0.9,nl;q=0.8"),
        );
        assert_eq!(request_lang(&headers), Lang::En);
        headers.insert("cookie", HeaderValue::from_static("regisseur_taal=nl"));
        assert_eq!(request_lang(&headers), Lang::Nl);
    }
}
