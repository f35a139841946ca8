//! Scope: the dependency graph of an organisation's register, built from what the store holds
//! (`regisseur_domain::sourcing::Graph`).

use crate::{Store, StoreError};
use regisseur_domain::landscape::Record;
use regisseur_domain::sourcing::Graph;
use uuid::Uuid;

impl Store {
    /// The dependency graph of the organisation's register as it is now.
    pub async fn dependency_graph(&self, organisation_id: Uuid) -> Result<Graph, StoreError> {
        let elements = self.all_elements(organisation_id).await?;
        let catalog = self.catalog;
        // Building over a large register takes a moment: off the async threads.
        tokio::task::spawn_blocking(move || {
            let items: Vec<(Uuid, &Record)> = elements.iter().map(|e| (e.id, &e.record)).collect();
            Graph::build(&items, |id| catalog.get(id).map(|c| c.naam.clone()))
        })
        .await
        .map_err(|e| StoreError::Other(format!("building the graph stopped: {e}")))
    }
}
