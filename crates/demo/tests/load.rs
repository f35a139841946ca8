//! Gemeente Voorbeeld loads whole, on both backends.

use regisseur_domain::landscape::EntityKind;
use regisseur_store::Store;
use regisseur_store::testing::{Backend, fresh_database_url};

async fn loads_whole(backend: Backend) {
    let store = Store::connect(&fresh_database_url(backend).await)
        .await
        .expect("store");
    let loaded = regisseur_demo::load(&store).await.expect("the demo loads");
    let counts = store
        .element_counts(loaded.organisation.id)
        .await
        .expect("counts");
    assert_eq!(counts.values().sum::<i64>() as usize, loaded.elements);
    assert!(counts[&EntityKind::Application] >= 120);
    assert!(counts[&EntityKind::ModelElement] >= 15);
    store.close().await;
}

#[tokio::test]
async fn loads_whole_on_sqlite() {
    loads_whole(Backend::Sqlite).await;
}

#[tokio::test]
async fn loads_whole_on_postgres() {
    loads_whole(Backend::Postgres).await;
}
