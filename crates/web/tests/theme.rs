//! The theme a municipality brings, checked before it is used, and Regisseur's own stylesheet,
//! which must name no colour of its own so that the theme reaches every part.

use regisseur_web::kit::assets::{MAX_THEME_BYTES, Theme, ThemeError};

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

/// Every colour an SVG element in a template names itself (axes, grid lines, limits, the accent of
/// a single series) comes with a class that regisseur.css colours from the theme's tokens; the
/// attribute is only what the element shows before the style sheet arrives.
#[test]
fn every_literal_colour_in_a_template_is_overridden_by_a_token_class() {
    fn templates(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                templates(&path, out);
            } else if path.extension().is_some_and(|e| e == "html") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    templates(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut paths,
    );
    assert!(paths.len() >= 40, "only {} templates found", paths.len());
    let css = include_str!("../static/regisseur.css");
    let mut found = Vec::new();
    let mut checked = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("template");
        for tag in text.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or_default();
            let literal = ["fill=\"#", "stroke=\"#"].iter().any(|a| tag.contains(a))
                || (tag.contains("{%") && tag.contains("}#"));
            if !literal {
                continue;
            }
            checked += 1;
            let classes: Vec<&str> = tag
                .split("class=\"")
                .skip(1)
                .flat_map(|c| c.split('"').next().unwrap_or_default().split_whitespace())
                .collect();
            let themed = classes.iter().any(|c| {
                (c.starts_with("rg-ink--") || c.starts_with("rg-fill--"))
                    && css.contains(&format!(".{c} {{"))
            });
            if !themed {
                found.push(format!("{}: <{tag}>", path.display()));
            }
        }
    }
    assert!(checked >= 8, "only {checked} coloured elements found");
    assert!(
        found.is_empty(),
        "colours no theme reaches:\n{}",
        found.join("\n")
    );
}

/// The structural ink of the server-drawn charts carries a class the theme styles; only the
/// series keep the fixed Okabe–Ito palette.
#[test]
fn chart_ink_other_than_a_series_is_themed() {
    use regisseur_web::kit::charts::{Ink, PALETTE};
    let css = include_str!("../static/regisseur.css");
    for ink in [Ink::Axis, Ink::Grid, Ink::Good, Ink::Bad] {
        assert!(!ink.class().is_empty(), "{ink:?}");
        assert!(
            css.contains(&format!(".{} {{ stroke: var(--", ink.class())),
            "{ink:?}"
        );
        assert!(ink.colour().starts_with('#'));
    }
    assert_eq!(Ink::Series(PALETTE[2]).class(), "");
    assert_eq!(Ink::Series(PALETTE[2]).colour(), PALETTE[2]);
}
