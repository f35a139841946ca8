//! The architecture as the code has it: in the web crate dependencies run one way, router →
//! stages → kit (→ domain), and a stage never imports another stage; in no crate of the workspace
//! do modules import each other in a circle.
//!
//! A module is a file (`a/b.rs` or `a/b/mod.rs` is `a::b`); it depends on every module it names
//! with `crate::…` or `super::…`. A folder and what is inside it count as one: a module that names
//! its own parent or child is no edge (a stage's `mod.rs` and its `form.rs` belong together).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/a/b.rs` and `src/a/b/mod.rs` → `a::b`; `lib.rs`/`main.rs` → the crate root, "".
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

fn parent(module: &str) -> String {
    module
        .rsplit_once("::")
        .map_or(String::new(), |(p, _)| p.to_string())
}

/// One path after `crate::` or `super::`, or each of a `{…}` group, as lists of segments.
fn paths_after(text: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(prefix) {
        let before = text[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[at + prefix.len()..];
        collect(rest, Vec::new(), &mut found);
    }
    found
}

fn collect(rest: &str, mut base: Vec<String>, found: &mut Vec<Vec<String>>) {
    let mut rest = rest;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            // Split the group at its top-level commas.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        collect(group[start..i].trim(), base.clone(), found);
                        return;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        collect(group[start..i].trim(), base.clone(), found);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            return;
        }
        let segment: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if segment.is_empty() {
            break;
        }
        base.push(segment.clone());
        rest = &rest[segment.len()..];
        match rest.strip_prefix("::") {
            Some(more) => rest = more,
            None => break,
        }
    }
    if !base.is_empty() {
        found.push(base);
    }
}

/// The module a path names: its longest prefix that is a module of the crate.
fn resolve(modules: &BTreeSet<String>, from: &str, segments: &[String]) -> Option<String> {
    let mut best = None;
    for n in 1..=segments.len() {
        let candidate = if from.is_empty() {
            segments[..n].join("::")
        } else {
            format!("{from}::{}", segments[..n].join("::"))
        };
        if modules.contains(&candidate) {
            best = Some(candidate);
        }
    }
    best
}

fn related(a: &str, b: &str) -> bool {
    let inside = |outer: &str, inner: &str| {
        outer.is_empty() || inner == outer || inner.starts_with(&format!("{outer}::"))
    };
    inside(a, b) || inside(b, a)
}

/// The modules of one crate and what each depends on (parents and children left out).
fn graph(krate: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let src = krate.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).expect("readable");
        // Tests inside a file name their own file with `super::`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut targets = Vec::new();
        for path in paths_after(code, "crate::") {
            targets.extend(resolve(&modules, "", &path));
        }
        // `super` in `a/b.rs` and in `a/b/mod.rs` is `a`.
        for path in paths_after(code, "super::") {
            targets.extend(resolve(&modules, &parent(&module), &path));
        }
        let entry = edges.entry(module.clone()).or_default();
        for target in targets {
            if !related(&module, &target) {
                entry.insert(target);
            }
        }
    }
    edges
}

/// The groups of modules that reach each other (Tarjan's strongly connected components) with
/// more than one member.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(targets) = s.edges.get(v) {
            for w in targets {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

fn workspace_crates() -> Vec<PathBuf> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&crates)
        .expect("crates folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("src").is_dir())
        .collect();
    found.sort();
    found
}

#[test]
fn no_crate_has_modules_in_a_circle() {
    let crates = workspace_crates();
    assert!(crates.len() >= 5, "found {crates:?}");
    let mut found = Vec::new();
    for krate in crates {
        for circle in circles(&graph(&krate)) {
            found.push(format!("{}: {}", krate.display(), circle.join(" ⇄ ")));
        }
    }
    assert!(
        found.is_empty(),
        "modules in a circle:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_web_crate_depends_one_way_router_stages_kit() {
    let web = Path::new(env!("CARGO_MANIFEST_DIR"));
    let edges = graph(web);
    let stage = |m: &str| {
        m.strip_prefix("stages::")
            .map(|rest| rest.split("::").next().unwrap_or_default().to_string())
    };
    let mut wrong = Vec::new();
    for (from, targets) in &edges {
        for to in targets {
            let reason = if from.starts_with("kit") && !to.starts_with("kit") {
                Some("the kit imports only the kit")
            } else if let (Some(a), Some(b)) = (stage(from), stage(to))
                && a != b
            {
                Some("a stage never imports another stage")
            } else if stage(from).is_some() && !to.starts_with("kit") && stage(to).is_none() {
                Some("a stage imports the kit, not the router")
            } else {
                None
            };
            if let Some(reason) = reason {
                wrong.push(format!("{from} → {to}: {reason}"));
            }
        }
    }
    assert!(
        edges.keys().filter(|m| stage(m).is_some()).count() >= 10,
        "the stages were not found: {:?}",
        edges.keys().collect::<Vec<_>>()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The stages are the journey's, each a folder with its templates beside its code, and askama
/// looks in every one of those folders.
#[test]
fn every_stage_is_a_folder_of_the_journey_with_its_templates() {
    let web = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stages: Vec<String> = std::fs::read_dir(web.join("src/stages"))
        .expect("src/stages")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    stages.sort();
    assert_eq!(
        stages,
        [
            "aanbesteding",
            "basis",
            "businesscase",
            "gereedheid",
            "koers",
            "kwaliteit",
            "overzicht",
            "rapportage",
            "regie",
            "scope",
            "transitie"
        ]
    );
    let askama = std::fs::read_to_string(web.join("askama.toml")).expect("askama.toml");
    for stage in &stages {
        let folder = format!("src/stages/{stage}/templates");
        assert!(web.join(&folder).is_dir(), "{folder} is missing");
        assert!(
            askama.contains(&format!("\"{folder}\"")),
            "askama.toml lacks {folder}"
        );
    }
    assert!(askama.contains("\"src/kit/templates\""));
    assert!(!web.join("templates").exists(), "templates/ is back");
}
