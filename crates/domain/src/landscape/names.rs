//! When two names mean the same party: exact matches merge, near misses (`Centric B.V.` and
//! `Centric`) are reported with a suggestion and never merged silently.

/// Legal forms and filler that do not tell two organisations apart.
const LEGAL_FORMS: [&str; 16] = [
    "bv", "nv", "vof", "cv", "ua", "ba", "ltd", "limited", "gmbh", "inc", "llc", "sarl", "sa",
    "ag", "plc", "holding",
];

/// The words of a name without case, punctuation or legal form.
pub fn comparable_words(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    // "B.V." and "U.A." lose their dots before splitting, so they match "bv" and "ua".
    let joined = lower.replace('.', "");
    joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w))
        .map(str::to_string)
        .collect()
}

/// The same name, apart from case and surrounding spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Not the same name, but probably the same party: equal without legal form and punctuation,
/// or one name's words begin the other's (`Centric` and `Centric Netherlands B.V.`).
pub fn near_miss(a: &str, b: &str) -> bool {
    if same_name(a, b) {
        return false;
    }
    let (wa, wb) = (comparable_words(a), comparable_words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_found_and_strangers_are_not() {
        assert!(same_name("Centric", " centric "));
        assert!(near_miss("Centric B.V.", "Centric"));
        assert!(near_miss("Centric", "Centric Netherlands B.V."));
        assert!(near_miss(
            "PinkRoccade Local Government",
            "PinkRoccade Local Government B.V."
        ));
        assert!(!near_miss("Centric", "Centric"));
        assert!(!near_miss("Centric", "Cegeka"));
        assert!(!near_miss("KPN", "Visma"));
        assert!(!near_miss("B.V.", "N.V."));
    }
}

/// The candidates closest to `query`, best first, at most `limit`: those containing it or
/// contained in it, and those similar enough (Jaro-Winkler 0.8 or more), without case.
pub fn close_matches<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let similarity = strsim::jaro_winkler(&query, &lower);
            let contains = lower.contains(&query) || query.contains(&lower);
            (contains || similarity >= 0.8)
                .then_some((similarity + f64::from(u8::from(contains)), candidate))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod close_match_tests {
    use super::close_matches;

    #[test]
    fn close_matches_suggest_what_was_meant() {
        let names = ["Zaaksysteem", "Zaakportaal", "Key2Burgerzaken", "Cegeka"];
        assert_eq!(close_matches("zaaksysteam", names, 3)[0], "Zaaksysteem");
        assert!(close_matches("burgerzaken", names, 3).contains(&"Key2Burgerzaken"));
        assert!(close_matches("qwerty", names, 3).is_empty());
        assert!(close_matches("", names, 3).is_empty());
    }
}
