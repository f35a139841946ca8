//! The chapters of the outsourcing dossier a user can choose. The cover and the summary with
//! the advice are always there; a chapter whose data is missing says so instead of vanishing.

/// A chapter of the dossier, in the order of the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Basis,
    Koers,
    Gereedheid,
    Scope,
    Businesscase,
    Aanbesteding,
    Transitie,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Basis,
        Part::Koers,
        Part::Gereedheid,
        Part::Scope,
        Part::Businesscase,
        Part::Aanbesteding,
        Part::Transitie,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Part::Basis => "basis",
            Part::Koers => "koers",
            Part::Gereedheid => "gereedheid",
            Part::Scope => "scope",
            Part::Businesscase => "businesscase",
            Part::Aanbesteding => "aanbesteding",
            Part::Transitie => "transitie",
        }
    }
}

/// `basis,koers,…` (spaces and case ignored, each at most once, in the journey's order); an
/// unknown name is the error, with the names that exist.
pub fn parse_parts(text: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    for name in text
        .split(',')
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
    {
        match Part::ALL.into_iter().find(|p| p.code() == name) {
            Some(p) if !parts.contains(&p) => parts.push(p),
            Some(_) => {}
            None => {
                return Err(format!(
                    "unknown part '{name}'; choose from {}",
                    Part::ALL.map(Part::code).join(", ")
                ));
            }
        }
    }
    if parts.is_empty() {
        return Err(format!(
            "no parts named; choose from {}",
            Part::ALL.map(Part::code).join(", ")
        ));
    }
    parts.sort();
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_named_or_refused() {
        assert_eq!(
            parse_parts(" Transitie,basis ,basis").expect("known"),
            [Part::Basis, Part::Transitie]
        );
        let e = parse_parts("basis,begroting").expect_err("unknown");
        assert!(
            e.contains("'begroting'") && e.contains("aanbesteding"),
            "{e}"
        );
        assert!(parse_parts(" , ").is_err());
    }
}
