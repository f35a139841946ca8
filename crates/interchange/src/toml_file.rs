//! TOML files people write by hand (the business case, the tender): read with every problem
//! named by its key path and line, written back in the same structure.

use regisseur_domain::{Lang, ValidationErrors};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// One problem in a file: the key path (empty when the file cannot be read as this structure
/// at all), the line when known, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyProblem {
    #[serde(rename = "sleutel")]
    pub path: String,
    #[serde(rename = "regel")]
    pub line: Option<usize>,
    #[serde(rename = "melding")]
    pub message: String,
}

impl std::fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let line = self.line.map_or(String::new(), |l| format!(" (line {l})"));
        if self.path.is_empty() {
            write!(f, "{}{line}", self.message)
        } else {
            write!(f, "{}{line}: {}", self.path, self.message)
        }
    }
}

impl KeyProblem {
    /// The problem for people, in their language: `pad (regel 12): melding`.
    pub fn text(&self, lang: Lang) -> String {
        let line = self.line.map_or(String::new(), |l| {
            format!(" ({} {l})", lang.pick("regel", "line"))
        });
        if self.path.is_empty() {
            format!("{}{line}", self.message)
        } else {
            format!("{}{line}: {}", self.path, self.message)
        }
    }
}

/// Reads a structure from TOML and checks it; every problem with its key path and line.
pub fn read<T: DeserializeOwned>(
    text: &str,
    check: impl Fn(&T) -> Result<(), ValidationErrors>,
    lang: Lang,
) -> Result<T, Vec<KeyProblem>> {
    let value: T = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|span| {
            text.as_bytes()[..span.start.min(text.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1
        });
        vec![KeyProblem {
            path: String::new(),
            line,
            message: e.message().trim().to_string(),
        }]
    })?;
    check(&value).map_err(|errors| {
        errors
            .0
            .iter()
            .map(|e| KeyProblem {
                line: line_of(text, &e.name),
                path: e.name.clone(),
                message: e.problem.message(lang),
            })
            .collect::<Vec<_>>()
    })?;
    Ok(value)
}

/// A structure as TOML.
pub fn write<T: Serialize>(value: &T) -> Result<String, String> {
    toml::to_string_pretty(value).map_err(|e| e.to_string())
}

/// The line (from 1) where a key path such as `eigenBeheer.kosten[1].bedragPerJaar` is written in
/// a TOML text: within the right `[[eigenBeheer.kosten]]` table (or `[section]`), the line of the
/// key (for `inschrijvingen[0].scores.a`, the line of `scores`); a whole list or table (`criteria`)
/// is found at its first header. `None` when the key is not written (a default).
pub fn line_of(text: &str, path: &str) -> Option<usize> {
    // Split into the table (with the index of the array element) and the key inside it.
    let (table, index, key) = match path.rfind(']') {
        Some(close) => {
            let open = path[..close].rfind('[')?;
            let index: usize = path[open + 1..close].parse().ok()?;
            let key = path[close + 1..].trim_start_matches('.');
            (&path[..open], Some(index), key)
        }
        None => match path.rsplit_once('.') {
            Some((table, key)) => (table, None, key),
            None => ("", None, path),
        },
    };
    let key = key.split('.').next().unwrap_or(key);
    let mut seen = 0usize;
    let mut inside = table.is_empty();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(header) = trimmed
            .strip_prefix("[[")
            .and_then(|h| h.split("]]").next())
        {
            let current = header.trim();
            inside = current == table && index == Some(seen);
            if current == table {
                seen += 1;
            }
            continue;
        }
        if let Some(header) = trimmed.strip_prefix('[').and_then(|h| h.split(']').next()) {
            inside = index.is_none() && header.trim() == table;
            continue;
        }
        if inside
            && let Some((name, _)) = trimmed.split_once('=')
            && name.trim() == key
        {
            return Some(i + 1);
        }
    }
    // A whole list or table: its first header.
    let header = format!("[[{path}]]");
    let section = format!("[{path}]");
    text.lines()
        .position(|l| l.trim() == header || l.trim() == section)
        .map(|i| i + 1)
}
