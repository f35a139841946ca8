//! Read-only reference data: the GEMMA reference components (referentiecomponenten), shipped
//! with the program and compiled in.

use crate::values::BivLevel;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const GEMMA_CSV: &str = include_str!("../data/gemma-referentiecomponenten.csv");

/// One GEMMA reference component with its baseline BIV classification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceComponent {
    pub id: String,
    pub naam: String,
    pub beschrijving: String,
    pub gemma_status: String,
    /// Baseline levels; a few abstract components in GEMMA have none.
    pub beschikbaarheid: Option<BivLevel>,
    pub integriteit: Option<BivLevel>,
    pub vertrouwelijkheid: Option<BivLevel>,
    pub bbn: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogError {
    #[error("regel {line}: {message}")]
    Row { line: u64, message: String },
}

/// The reference components, in name order, looked up by id or by name.
#[derive(Debug, Clone)]
pub struct ReferenceCatalog {
    items: Vec<ReferenceComponent>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl ReferenceCatalog {
    /// The catalogue shipped with Regisseur (171 components).
    pub fn gemma() -> &'static ReferenceCatalog {
        static CATALOG: OnceLock<ReferenceCatalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            // The shipped file is checked by the test `shipped_catalogue_parses`, so this
            // cannot fail in a build whose tests pass.
            ReferenceCatalog::parse_csv(GEMMA_CSV).expect("the shipped GEMMA catalogue is valid")
        })
    }

    /// Parses the CSV layout of `gemma-referentiecomponenten.csv`:
    /// `object_id,naam,beschrijving,gemma_status,beschikbaarheid,integriteit,vertrouwelijkheid,bbn`.
    pub fn parse_csv(text: &str) -> Result<ReferenceCatalog, CatalogError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut items = Vec::new();
        for row in reader.records() {
            let row = row.map_err(|e| CatalogError::Row {
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
            let line = row.position().map_or(0, |p| p.line());
            let field = |i: usize| row.get(i).unwrap_or("").trim().to_string();
            let level = |i: usize| {
                let text = field(i);
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse::<i64>()
                    .ok()
                    .and_then(|n| BivLevel::new(n).ok())
                    .map(Some)
                    .ok_or_else(|| CatalogError::Row {
                        line,
                        message: format!("kolom {}: geen BIV-niveau 1–3", i + 1),
                    })
            };
            let id = field(0).to_lowercase();
            if id.is_empty() || field(1).is_empty() {
                return Err(CatalogError::Row {
                    line,
                    message: "id of naam ontbreekt".into(),
                });
            }
            items.push(ReferenceComponent {
                id,
                naam: field(1),
                beschrijving: field(2),
                gemma_status: field(3),
                beschikbaarheid: level(4)?,
                integriteit: level(5)?,
                vertrouwelijkheid: level(6)?,
                bbn: field(7),
            });
        }
        items.sort_by_key(|c| c.naam.to_lowercase());
        let by_id = items
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let by_name = items
            .iter()
            .enumerate()
            .map(|(i, c)| (c.naam.to_lowercase(), i))
            .collect();
        Ok(ReferenceCatalog {
            items,
            by_id,
            by_name,
        })
    }

    pub fn all(&self) -> &[ReferenceComponent] {
        &self.items
    }

    pub fn get(&self, id: &str) -> Option<&ReferenceComponent> {
        self.by_id.get(&id.to_lowercase()).map(|&i| &self.items[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Finds a component by its exact name, ignoring case.
    pub fn by_name(&self, name: &str) -> Option<&ReferenceComponent> {
        self.by_name
            .get(&name.trim().to_lowercase())
            .map(|&i| &self.items[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalogue_parses() {
        let catalog = ReferenceCatalog::parse_csv(GEMMA_CSV).expect("valid");
        assert_eq!(catalog.all().len(), 171);
        let zaak = catalog
            .by_name("zaakregistratiecomponent")
            .expect("present");
        assert!(catalog.contains(&zaak.id));
        assert_eq!(
            catalog.get(&zaak.id.to_uppercase()).map(|c| &c.naam),
            Some(&zaak.naam)
        );
    }

    #[test]
    fn bad_rows_are_named() {
        let text = "object_id,naam,beschrijving,gemma_status,beschikbaarheid,integriteit,vertrouwelijkheid,bbn\nx,Naam,,In gebruik,1,9,1,BBN 1\n";
        let err = ReferenceCatalog::parse_csv(text).unwrap_err();
        assert!(matches!(err, CatalogError::Row { line: 2, .. }), "{err:?}");
    }
}
