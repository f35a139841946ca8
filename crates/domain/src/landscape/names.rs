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
