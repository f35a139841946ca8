//! Every key the code and the templates use has a text in both languages, and every text is
//! used: a scan over the web crate's sources (`kit/i18n.rs` holds the files' own checks).

use fluent_bundle::FluentResource;
use regisseur_web::kit::i18n::{NL_FTL, message_ids};
use std::collections::BTreeSet;

/// The message ids of the Dutch file (the English one holds the same, `kit/i18n.rs` checks).
fn ids() -> Vec<String> {
    match FluentResource::try_new(NL_FTL.to_string()) {
        Ok(resource) => message_ids(&resource),
        Err((_, errors)) => panic!("nl.ftl does not parse: {errors:?}"),
    }
}

/// The source files of the web crate (code and templates), this file aside.
fn sources() -> Vec<(std::path::PathBuf, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html")
                && !path.ends_with("i18n.rs")
            {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    walk(&root.join("src"), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (p, text)
        })
        .collect()
}

/// The quoted literals of a source that look like a text key (`group-rest`).
fn literals(text: &str) -> impl Iterator<Item = &str> {
    text.split('"').skip(1).step_by(2).filter(|l| {
        l.len() > 1
            && l.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// Every key the code and the templates use exists in both languages (a missing one would
/// show "??" on a page and be read out by a screen reader), and every message in the files is
/// used somewhere (a translator should not translate what no one sees).
#[test]
fn every_key_used_exists_and_every_message_is_used() {
    let known: BTreeSet<String> = ids().into_iter().collect();
    let groups: BTreeSet<&str> = known
        .iter()
        .filter_map(|id| id.split_once('-').map(|(group, _)| group))
        .collect();
    let mut used = BTreeSet::new();
    let mut missing = Vec::new();
    for (path, text) in sources() {
        for call in [".s(\"", ".n(\"", ".f(\""] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let key = &rest[..rest.find('"').unwrap_or(0)];
                if known.contains(key) {
                    used.insert(key.to_string());
                } else if !key.contains(' ') && !key.is_empty() {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        for literal in literals(&text) {
            if known.contains(literal) {
                used.insert(literal.to_string());
            } else if path.extension().is_some_and(|e| e == "rs")
                && literal
                    .split_once('-')
                    .is_some_and(|(group, _)| groups.contains(group))
            {
                // A key held in code as data (a label, a heading) that has no text.
                missing.push(format!("{}: {literal}", path.display()));
            }
        }
    }
    assert!(used.len() > 600, "the scan found only {} keys", used.len());
    assert!(
        missing.is_empty(),
        "keys without a text:\n{}",
        missing.join("\n")
    );
    let unused: Vec<&String> = known.difference(&used).collect();
    assert!(unused.is_empty(), "messages no page uses: {unused:?}");
}
