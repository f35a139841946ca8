//! Organisations (tenants): a municipality or a shared service organisation.

use crate::validation::{Problem, ValidationErrors};
use crate::values::{CbsCode, Slug};

/// A new organisation's validated data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub slug: Slug,
    pub name: String,
    pub cbs_code: Option<CbsCode>,
}

impl NewOrganisation {
    pub fn parse(slug: &str, name: &str, cbs_code: Option<&str>) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let slug = Slug::parse(slug).map_err(|p| errors.push("slug", p)).ok();
        let name = name.trim();
        if name.is_empty() {
            errors.push("naam", Problem::Required);
        } else if name.chars().count() > 200 {
            errors.push("naam", Problem::TooLong { max: 200 });
        }
        let cbs_code = match cbs_code.map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => CbsCode::parse(code)
                .map_err(|p| errors.push("cbsCode", p))
                .ok(),
            None => None,
        };
        match (slug, errors.is_empty()) {
            (Some(slug), true) => Ok(NewOrganisation {
                slug,
                name: name.to_string(),
                cbs_code,
            }),
            _ => Err(errors),
        }
    }
}

/// Shortest password accepted for a local account.
pub const MIN_PASSWORD_LENGTH: usize = 12;

/// Checks a new password: long enough, not just spaces.
pub fn check_password(password: &str) -> Result<(), Problem> {
    if password.trim().chars().count() < MIN_PASSWORD_LENGTH {
        Err(Problem::TooShort {
            min: MIN_PASSWORD_LENGTH,
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_fields_are_all_checked() {
        let err = NewOrganisation::parse("Bad Slug", "", Some("XX12")).unwrap_err();
        assert!(err.has("slug") && err.has("naam") && err.has("cbsCode"));
        let ok = NewOrganisation::parse("voorbeeld", "Gemeente Voorbeeld", Some("gm9999")).unwrap();
        assert_eq!(
            ok.cbs_code.map(|c| c.as_str().to_string()),
            Some("GM9999".into())
        );
        assert!(check_password("kort").is_err());
        assert!(check_password("een lang genoeg wachtwoord").is_ok());
    }
}
