//! The theme a municipality brings, checked before it is used, and Regisseur's own stylesheet,
//! which must name no colour of its own so that the theme reaches every part.

use regisseur_web::assets::{MAX_THEME_BYTES, Theme, ThemeError};

#[test]
fn the_example_theme_is_a_valid_theme() {
    let example = Theme::example();
    let checked = Theme::new(example.css().to_vec(), "voorbeeld-theme").expect("valid");
    assert_eq!(checked.class(), "voorbeeld-theme");
}

#[test]
fn a_theme_file_that_does_not_fit_is_refused_with_its_reason() {
    let css = b".gemeente-theme { --basis-color-accent-1-bg-default: #eee; }".to_vec();
    assert_eq!(
        Theme::new(css.clone(), ".gemeente-theme").unwrap().class(),
        "gemeente-theme"
    );
    assert_eq!(
        Theme::new(css.clone(), "andere-theme").unwrap_err(),
        ThemeError::ClassMissing("andere-theme".into())
    );
    // A class that only starts like ours is another class.
    assert_eq!(
        Theme::new(css.clone(), "gemeente").unwrap_err(),
        ThemeError::ClassMissing("gemeente".into())
    );
    assert_eq!(
        Theme::new(css.clone(), "1gemeente").unwrap_err(),
        ThemeError::BadClass("1gemeente".into())
    );
    assert_eq!(
        Theme::new(css, "x{}").unwrap_err(),
        ThemeError::BadClass("x{}".into())
    );
    assert_eq!(
        Theme::new(b".t { color: red; }".to_vec(), "t").unwrap_err(),
        ThemeError::NoTokens
    );
    assert_eq!(
        Theme::new(vec![b'.', b't', 0xff], "t").unwrap_err(),
        ThemeError::NotText(2)
    );
    let big = vec![b' '; MAX_THEME_BYTES + 1];
    assert_eq!(
        Theme::new(big, "t").unwrap_err(),
        ThemeError::TooLarge(MAX_THEME_BYTES + 1)
    );
    let message = ThemeError::ClassMissing("x".into()).to_string();
    assert!(message.contains(".x"), "{message}");
}

/// Every colour of Regisseur's own stylesheet is a design token of the theme, so that a
/// municipality's theme restyles every part; no colour of its own, also not as a fallback.
#[test]
fn regisseur_css_names_no_colour_of_its_own() {
    let css = include_str!("../static/regisseur.css");
    let mut found = Vec::new();
    for (number, line) in css.lines().enumerate() {
        let code = line.split("/*").next().unwrap_or_default();
        let lower = code.to_ascii_lowercase();
        let hex = lower.match_indices('#').any(|(at, _)| {
            let digits = lower[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            matches!(digits, 3 | 4 | 6 | 8)
        });
        let function = ["rgb(", "rgba(", "hsl(", "hsla(", "oklch(", "color-mix("]
            .iter()
            .any(|f| lower.contains(f));
        let named = [
            ":white", ": white", ":black", ": black", " #fff", "red;", "grey", "gray",
        ]
        .iter()
        .any(|n| lower.contains(n));
        if hex || function || named {
            found.push(format!("line {}: {}", number + 1, line.trim()));
        }
    }
    assert!(
        found.is_empty(),
        "colours that are no token:\n{}",
        found.join("\n")
    );
    assert!(css.matches("var(--").count() > 60);
}
