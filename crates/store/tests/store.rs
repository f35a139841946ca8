//! The repository tests: every test runs on SQLite and on PostgreSQL.

use regisseur_domain::Problem;
use regisseur_domain::access::Role;
use regisseur_domain::landscape::{EntityKind, InputMode};
use regisseur_domain::organisation::NewOrganisation;
use regisseur_domain::values::Email;
use regisseur_store::testing::{Backend, fresh_database_url};
use regisseur_store::{Actor, AuditQuery, ListQuery, Store, StoreError};
use serde_json::{Map, Value, json};
use uuid::Uuid;

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() { super::$name(super::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() { super::$name(super::Backend::Postgres).await })*
        }
    };
}

on_both_backends!(
    elements_round_trip_with_audit,
    lists_search_filter_sort_and_page,
    references_must_exist_in_the_same_organisation,
    stale_version_conflicts_and_writes_nothing,
    delete_with_dependents_needs_cascade,
    accounts_sessions_and_tokens,
    relation_types_fit_their_ends,
    planned_changes_are_all_or_nothing,
    changes_arriving_in_parts_commit_only_when_finished,
    large_parts_are_written_whole_across_chunks_and_parts,
    quality_settings_confirmations_and_score_history,
    goals_domains_and_assessments,
    business_cases_round_trip_with_versions_and_audit,
    tenders_keep_prices_sealed_until_the_consensus_is_final,
    regie_obligations_sla_surveys_and_calendar_feeds,
    transition_dossier_is_checked_whole_and_keeps_risk_history,
);

async fn store(backend: Backend) -> Store {
    Store::connect(&fresh_database_url(backend).await)
        .await
        .expect("connect")
}

fn obj(value: Value) -> Map<String, Value> {
    value.as_object().cloned().expect("object")
}

async fn org(store: &Store, slug: &str) -> Uuid {
    let new = NewOrganisation::parse(slug, &format!("Gemeente {slug}"), None).expect("valid");
    store.create_organisation(&new).await.expect("created").id
}

fn actor() -> Actor {
    Actor {
        user_id: None,
        email: "test@voorbeeld.nl".into(),
    }
}

async fn create(store: &Store, org: Uuid, kind: EntityKind, input: Value) -> Uuid {
    store
        .create_element(&actor(), org, kind, &obj(input), InputMode::Api)
        .await
        .unwrap_or_else(|e| panic!("create {kind:?}: {e:?}"))
        .id
}

async fn elements_round_trip_with_audit(backend: Backend) {
    let store = store(backend).await;
    let org = org(&store, "een").await;
    let supplier = create(
        &store,
        org,
        EntityKind::Supplier,
        json!({"naam": "Centric", "land": "nl"}),
    )
    .await;
    let app = create(
        &store,
        org,
        EntityKind::Application,
        json!({"naam": "Key2Burgerzaken", "levenscyclus": "in-gebruik", "leverancierId": supplier.to_string(),
               "jaarkostenCenten": 4_500_000, "bedrijfskritisch": true, "beschikbaarheid": 3}),
    )
    .await;
    let element = store
        .get_element(org, EntityKind::Application, app)
        .await
        .unwrap()
        .expect("found");
    assert_eq!(element.version, 1);
    assert_eq!(element.record.name(), Some("Key2Burgerzaken"));
    assert_eq!(
        element.record.get("jaarkostenCenten"),
        Some(&json!(4_500_000))
    );
    assert_eq!(element.record.get("bedrijfskritisch"), Some(&json!(true)));
    // Not visible as another kind.
    assert!(
        store
            .get_element(org, EntityKind::Supplier, app)
            .await
            .unwrap()
            .is_none()
    );

    let updated = store
        .update_element(
            &actor(),
            org,
            EntityKind::Application,
            app,
            1,
            &obj(json!({"naam": "Key2Burgerzaken", "levenscyclus": "uitfasering"})),
            InputMode::Api,
        )
        .await
        .expect("updated");
    assert_eq!(updated.version, 2);
    assert_eq!(updated.record.get("leverancierId"), None);

    let audit = store
        .audit_log(
            org,
            &AuditQuery {
                entity_id: Some(app),
                ..AuditQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(audit.total, 2);
    let change = &audit.items[0];
    assert_eq!(change.action, "gewijzigd");
    assert_eq!(change.entity, "applicatie");
    assert_eq!(change.user_email, "test@voorbeeld.nl");
    assert_eq!(
        change
            .old_value
            .as_ref()
            .and_then(|v| v.get("levenscyclus")),
        Some(&json!("in-gebruik"))
    );
    assert_eq!(
        change
            .new_value
            .as_ref()
            .and_then(|v| v.get("levenscyclus")),
        Some(&json!("uitfasering"))
    );
    assert_eq!(audit.items[1].action, "aangemaakt");
}

async fn lists_search_filter_sort_and_page(backend: Backend) {
    let store = store(backend).await;
    let org = org(&store, "lijst").await;
    let other = self::org(&store, "ander").await;
    for (name, lifecycle, critical, cost) in [
        ("Zaaksysteem", "in-gebruik", true, 300),
        ("Suite4Sociaal Domein", "in-gebruik", true, 100),
        ("ZAAKregistratie oud", "uitgefaseerd", false, 200),
        ("Ümlaut Zaak", "gepland", false, 50),
        ("Percentage 100%_tool", "gepland", false, 10),
    ] {
        create(&store, org, EntityKind::Application,
            json!({"naam": name, "levenscyclus": lifecycle, "bedrijfskritisch": critical, "jaarkostenCenten": cost})).await;
    }
    create(
        &store,
        other,
        EntityKind::Application,
        json!({"naam": "Zaak elders", "levenscyclus": "gepland"}),
    )
    .await;

    let list = |query: ListQuery| {
        let store = &store;
        async move {
            store
                .list_elements(org, EntityKind::Application, &query)
                .await
                .expect("list")
                .items
                .iter()
                .map(|e| e.record.name().unwrap_or("").to_string())
                .collect::<Vec<_>>()
        }
    };
    let search = |term: &str| ListQuery {
        search: Some(term.into()),
        ..ListQuery::default()
    };
    let found = list(search("ZAAK")).await;
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        !found.contains(&"Zaak elders".to_string()),
        "other organisation leaks"
    );
    assert_eq!(list(search("ümlaut")).await, vec!["Ümlaut Zaak"]);
    assert_eq!(list(search("100%_")).await, vec!["Percentage 100%_tool"]);
    assert_eq!(list(search("%")).await, vec!["Percentage 100%_tool"]);

    let filtered = list(ListQuery {
        filters: vec![
            ("levenscyclus".into(), "in-gebruik".into()),
            ("bedrijfskritisch".into(), "ja".into()),
        ],
        ..ListQuery::default()
    })
    .await;
    assert_eq!(filtered, vec!["Suite4Sociaal Domein", "Zaaksysteem"]);

    let by_cost = list(ListQuery {
        sort: Some(("jaarkostenCenten".into(), true)),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(by_cost[0], "Zaaksysteem");
    assert_eq!(by_cost[4], "Percentage 100%_tool");

    let page = store
        .list_elements(
            org,
            EntityKind::Application,
            &ListQuery {
                page: 2,
                page_size: 2,
                ..ListQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.items.len(), 2);

    let bad = store
        .list_elements(
            org,
            EntityKind::Application,
            &ListQuery {
                filters: vec![("kleur".into(), "x".into())],
                ..ListQuery::default()
            },
        )
        .await;
    assert!(matches!(bad, Err(StoreError::Invalid(e)) if e.has("kleur")));
}

async fn references_must_exist_in_the_same_organisation(backend: Backend) {
    let store = store(backend).await;
    let a = org(&store, "org-a").await;
    let b = org(&store, "org-b").await;
    let supplier_b = create(
        &store,
        b,
        EntityKind::Supplier,
        json!({"naam": "Leverancier B"}),
    )
    .await;
    let person_a = create(&store, a, EntityKind::Person, json!({"naam": "Jan"})).await;
    let result = store
        .create_element(&actor(), a, EntityKind::Application,
            &obj(json!({"naam": "X", "levenscyclus": "gepland", "leverancierId": supplier_b.to_string(),
                        "eigenaarId": Uuid::now_v7().to_string(), "contractId": person_a.to_string(), "softwareversie": 3})),
            InputMode::Api)
        .await;
    let Err(StoreError::Invalid(errors)) = result else {
        panic!("expected invalid, got {result:?}")
    };
    assert_eq!(
        errors.for_field("leverancierId").map(|e| &e.problem),
        Some(&Problem::UnknownReference)
    );
    assert_eq!(
        errors.for_field("eigenaarId").map(|e| &e.problem),
        Some(&Problem::UnknownReference)
    );
    assert!(matches!(
        errors.for_field("contractId").map(|e| &e.problem),
        Some(Problem::WrongKind { .. })
    ));
    assert!(errors.has("softwareversie"));
    let count = store.element_counts(a).await.unwrap();
    assert_eq!(
        count.get(&EntityKind::Application),
        None,
        "nothing half-written"
    );
}

async fn stale_version_conflicts_and_writes_nothing(backend: Backend) {
    let store = store(backend).await;
    let org = org(&store, "versie").await;
    let id = create(&store, org, EntityKind::Person, json!({"naam": "Piet"})).await;
    let update = |version: i64, name: &str| {
        let store = &store;
        let input = obj(json!({"naam": name}));
        async move {
            store
                .update_element(
                    &actor(),
                    org,
                    EntityKind::Person,
                    id,
                    version,
                    &input,
                    InputMode::Api,
                )
                .await
        }
    };
    update(1, "Piet de Vries").await.expect("first update");
    let stale = update(1, "Piet Jansen").await;
    assert!(
        matches!(stale, Err(StoreError::Conflict { current: 2 })),
        "{stale:?}"
    );
    let now = store
        .get_element(org, EntityKind::Person, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.record.name(), Some("Piet de Vries"));
    // Saving without a change keeps the version and writes no audit record.
    let same = update(2, "Piet de Vries").await.unwrap();
    assert_eq!(same.version, 2);
    assert_eq!(
        store
            .audit_log(org, &AuditQuery::default())
            .await
            .unwrap()
            .total,
        2
    );
    let missing = store
        .update_element(
            &actor(),
            org,
            EntityKind::Person,
            Uuid::now_v7(),
            1,
            &obj(json!({"naam": "X"})),
            InputMode::Api,
        )
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));
}

async fn delete_with_dependents_needs_cascade(backend: Backend) {
    let store = store(backend).await;
    let org = org(&store, "weg").await;
    let supplier = create(
        &store,
        org,
        EntityKind::Supplier,
        json!({"naam": "PinkRoccade"}),
    )
    .await;
    let contract = create(
        &store,
        org,
        EntityKind::Contract,
        json!({"naam": "Burgerzaken", "leverancierId": supplier.to_string()}),
    )
    .await;
    let app = create(
        &store,
        org,
        EntityKind::Application,
        json!({"naam": "iBurgerzaken", "levenscyclus": "in-gebruik",
        "leverancierId": supplier.to_string(), "contractId": contract.to_string()}),
    )
    .await;
    let other = create(
        &store,
        org,
        EntityKind::Application,
        json!({"naam": "GBA-V", "levenscyclus": "in-gebruik"}),
    )
    .await;
    let interface = create(&store, org, EntityKind::Interface, json!({"vanApplicatieId": app.to_string(), "naarApplicatieId": other.to_string(), "standaard": "stuf"})).await;

    let refused = store
        .delete_element(&actor(), org, EntityKind::Supplier, supplier, false, None)
        .await;
    let Err(StoreError::HasDependents(deps)) = refused else {
        panic!("expected dependents, got {refused:?}")
    };
    let mut names: Vec<_> = deps
        .iter()
        .map(|d| (d.kind, d.field.clone(), d.required))
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            (EntityKind::Application, "leverancierId".to_string(), false),
            (EntityKind::Contract, "leverancierId".to_string(), true),
        ]
    );
    assert!(
        store
            .get_element(org, EntityKind::Supplier, supplier)
            .await
            .unwrap()
            .is_some(),
        "nothing deleted"
    );

    let outcome = store
        .delete_element(&actor(), org, EntityKind::Supplier, supplier, true, None)
        .await
        .expect("cascade");
    assert!(outcome.deleted.contains(&(EntityKind::Supplier, supplier)));
    assert!(outcome.deleted.contains(&(EntityKind::Contract, contract)));
    assert_eq!(outcome.updated, vec![(EntityKind::Application, app)]);
    let app_now = store
        .get_element(org, EntityKind::Application, app)
        .await
        .unwrap()
        .expect("app stays");
    assert_eq!(app_now.record.get("leverancierId"), None);
    assert_eq!(app_now.record.get("contractId"), None);
    assert_eq!(app_now.version, 2);

    // Deleting an application removes the interface that cannot exist without it.
    let outcome = store
        .delete_element(&actor(), org, EntityKind::Application, other, true, None)
        .await
        .expect("cascade");
    assert!(
        outcome
            .deleted
            .contains(&(EntityKind::Interface, interface))
    );
    let audit = store
        .audit_log(
            org,
            &AuditQuery {
                entity_id: Some(interface),
                ..AuditQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(audit.items[0].action, "verwijderd");
}

async fn relation_types_fit_their_ends(backend: Backend) {
    let store = store(backend).await;
    let org = org(&store, "rel").await;
    let app = create(
        &store,
        org,
        EntityKind::Application,
        json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik"}),
    )
    .await;
    let server = create(
        &store,
        org,
        EntityKind::Component,
        json!({"naam": "VM-ZAAK-01", "soort": "virtuele-machine"}),
    )
    .await;
    create(
        &store,
        org,
        EntityKind::Relation,
        json!({"soort": "draait-op", "bronId": app.to_string(), "doelId": server.to_string()}),
    )
    .await;
    let wrong = store
        .create_element(&actor(), org, EntityKind::Relation,
            &obj(json!({"soort": "draait-op", "bronId": server.to_string(), "doelId": app.to_string()})), InputMode::Api)
        .await;
    assert!(matches!(wrong, Err(StoreError::Invalid(e)) if e.has("soort")));
    let deps = store.dependents(org, server).await.unwrap();
    assert_eq!(deps.len(), 1);
    assert_eq!(deps[0].kind, EntityKind::Relation);
    let runs_on = deps[0].id;

    // An ArchiMate relationship may point at a relation; a typed dependency may not.
    let process = create(
        &store,
        org,
        EntityKind::ModelElement,
        json!({"naam": "Zaak behandelen", "archimateType": "BusinessProcess"}),
    )
    .await;
    let about = create(
        &store,
        org,
        EntityKind::Relation,
        json!({"soort": "associatie", "bronId": process.to_string(), "doelId": runs_on.to_string()}),
    )
    .await;
    let typed = store
        .create_element(&actor(), org, EntityKind::Relation,
            &obj(json!({"soort": "gebruikt", "bronId": process.to_string(), "doelId": runs_on.to_string()})), InputMode::Api)
        .await;
    assert!(matches!(typed, Err(StoreError::Invalid(e)) if e.has("soort")));
    // The model's own type reads back, and filters, as ArchiMate spells it.
    let query = regisseur_store::ListQuery {
        filters: vec![("archimateType".into(), "businessprocess".into())],
        ..Default::default()
    };
    let list = store
        .list_elements(org, EntityKind::ModelElement, &query)
        .await
        .unwrap();
    assert_eq!(list.items.len(), 1);
    assert_eq!(
        list.items[0].record.text("archimateType"),
        Some("BusinessProcess")
    );
    // Removing the server takes the relation on it and the relation on that relation along.
    store
        .delete_element(&actor(), org, EntityKind::Component, server, true, None)
        .await
        .unwrap();
    for gone in [runs_on, about] {
        assert!(
            store
                .get_element(org, EntityKind::Relation, gone)
                .await
                .unwrap()
                .is_none()
        );
    }
}

async fn accounts_sessions_and_tokens(backend: Backend) {
    let store = store(backend).await;
    let org = org(&store, "acc").await;
    let email = Email::parse("Regisseur@Voorbeeld.nl").unwrap();
    let user = store
        .create_user(&email, "Rita Regisseur", "een lang wachtwoord")
        .await
        .expect("user");
    assert!(matches!(
        store
            .create_user(&email, "Dubbel", "een lang wachtwoord")
            .await,
        Err(StoreError::Invalid(_))
    ));
    store
        .set_membership(user.id, org, Role::Regisseur, None)
        .await
        .unwrap();
    store
        .set_membership(user.id, org, Role::Lezer, None)
        .await
        .unwrap();
    let memberships = store.memberships(user.id).await.unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].role, Role::Lezer);

    assert!(
        store
            .verify_login("regisseur@voorbeeld.nl", "fout wachtwoord")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .verify_login("niemand@voorbeeld.nl", "een lang wachtwoord")
            .await
            .unwrap()
            .is_none()
    );
    let logged_in = store
        .verify_login(" REGISSEUR@voorbeeld.nl", "een lang wachtwoord")
        .await
        .unwrap();
    assert_eq!(logged_in.map(|u| u.id), Some(user.id));

    let session = store.create_session(user.id).await.unwrap();
    assert_eq!(
        store.session_user(&session).await.unwrap().map(|u| u.id),
        Some(user.id)
    );
    store.delete_session(&session).await.unwrap();
    assert!(store.session_user(&session).await.unwrap().is_none());

    let token = store.create_api_token(user.id, "script").await.unwrap();
    assert!(token.starts_with("rgs_"));
    assert_eq!(
        store.token_user(&token).await.unwrap().map(|u| u.id),
        Some(user.id)
    );
    assert!(store.token_user("rgs_fout").await.unwrap().is_none());
    let tokens = store.api_tokens(user.id).await.unwrap();
    assert_eq!(tokens.len(), 1);
    assert!(tokens[0].last_used_at.is_some());

    let since = chrono::Utc::now() - chrono::Duration::minutes(15);
    for _ in 0..3 {
        store.record_login_failure("x@voorbeeld.nl").await.unwrap();
    }
    assert_eq!(
        store
            .login_failures_since("x@voorbeeld.nl", since)
            .await
            .unwrap(),
        3
    );
    store
        .clear_login_failures("x@voorbeeld.nl", since)
        .await
        .unwrap();
    assert_eq!(
        store
            .login_failures_since("x@voorbeeld.nl", since)
            .await
            .unwrap(),
        0
    );
}

async fn planned_changes_are_all_or_nothing(backend: Backend) {
    use regisseur_domain::landscape::Change;
    let store = store(backend).await;
    let org = org(&store, "batch").await;
    let person = create(&store, org, EntityKind::Person, json!({"naam": "Anja"})).await;
    let supplier = Uuid::now_v7();
    let app = Uuid::now_v7();
    let changes = vec![
        Change::Create {
            id: supplier,
            kind: EntityKind::Supplier,
            fields: obj(json!({"naam": "Nieuw B.V."})),
        },
        Change::Create {
            id: app,
            kind: EntityKind::Application,
            fields: obj(json!({"naam": "Nieuw pakket", "levenscyclus": "gepland",
            "leverancierId": supplier.to_string(), "eigenaarId": person.to_string()})),
        },
        Change::Update {
            id: person,
            kind: EntityKind::Person,
            version: 1,
            fields: obj(json!({"naam": "Anja Kuipers"})),
        },
    ];
    // A stale version anywhere: nothing at all is written.
    let mut stale = changes.clone();
    if let Change::Update { version, .. } = &mut stale[2] {
        *version = 7;
    }
    assert!(matches!(
        store.apply_changes(&actor(), org, &stale).await,
        Err(StoreError::Conflict { current: 1 })
    ));
    assert!(
        store
            .get_element(org, EntityKind::Supplier, supplier)
            .await
            .unwrap()
            .is_none(),
        "nothing half-written"
    );
    // A reference to something that does not exist: refused by name.
    let mut dangling = changes.clone();
    dangling.remove(0);
    assert!(
        matches!(store.apply_changes(&actor(), org, &dangling).await, Err(StoreError::Invalid(e)) if e.has("leverancierId"))
    );
    store
        .apply_changes(&actor(), org, &changes)
        .await
        .expect("applied");
    let created = store
        .get_element(org, EntityKind::Application, app)
        .await
        .unwrap()
        .expect("created");
    assert_eq!(
        created.record.text("leverancierId"),
        Some(supplier.to_string().as_str())
    );
    assert_eq!(
        store.dependents(org, supplier).await.unwrap().len(),
        1,
        "references indexed"
    );
    let audit = store
        .audit_log(
            org,
            &AuditQuery {
                entity_id: Some(app),
                ..AuditQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(audit.items[0].action, "aangemaakt");
    assert_eq!(
        store
            .get_element(org, EntityKind::Person, person)
            .await
            .unwrap()
            .unwrap()
            .version,
        2
    );
}

/// SQLite commits leave the write-ahead log to a background checkpoint; it does come.
#[tokio::test]
async fn sqlite_log_is_checkpointed_in_the_background() {
    let url = fresh_database_url(Backend::Sqlite).await;
    let store = Store::connect(&url).await.expect("store");
    let org = org(&store, "log").await;
    let path = url.trim_start_matches("sqlite://").to_string();
    let size = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    // Let a first checkpoint take the schema in, then measure from there.
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    let before = size();
    for i in 0..300 {
        create(
            &store,
            org,
            EntityKind::Person,
            json!({"naam": format!("Medewerker {i:03}"), "functie": "x".repeat(190)}),
        )
        .await;
    }
    assert_eq!(size(), before, "a commit does not copy the log back");
    let mut waited = 0;
    while size() == before && waited < 15 {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        waited += 1;
    }
    assert!(
        size() > before,
        "the background checkpoint copied the log back"
    );
    store.close().await;
}

async fn changes_arriving_in_parts_commit_only_when_finished(backend: Backend) {
    use regisseur_domain::landscape::Change;
    use regisseur_store::Planned;
    let store = store(backend).await;
    let org = org(&store, "parts").await;
    let supplier = Uuid::now_v7();
    let contract = Uuid::now_v7();
    let first = vec![Change::Create {
        id: supplier,
        kind: EntityKind::Supplier,
        fields: obj(json!({"naam": "Deel B.V."})),
    }];
    // The second part refers to what the first one created.
    let second = vec![Change::Create {
        id: contract,
        kind: EntityKind::Contract,
        fields: obj(json!({"naam": "Hosting", "leverancierId": supplier.to_string()})),
    }];
    for (ending, committed) in [
        (Some(Planned::Abort), false),
        (None, false),
        (Some(Planned::Finish), true),
    ] {
        let (sender, receiver) = tokio::sync::mpsc::channel(4);
        sender.send(Planned::Changes(first.clone())).await.unwrap();
        sender.send(Planned::Changes(second.clone())).await.unwrap();
        if let Some(ending) = ending {
            sender.send(ending).await.unwrap();
        }
        drop(sender);
        let answer = store.apply_planned(&actor(), org, receiver).await.unwrap();
        assert_eq!(answer, committed);
        let found = store
            .get_element(org, EntityKind::Contract, contract)
            .await
            .unwrap();
        assert_eq!(found.is_some(), committed, "written only when finished");
    }
    // A part that does not hold ends it all with the problem, writing nothing.
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let dangling = vec![Change::Create {
        id: Uuid::now_v7(),
        kind: EntityKind::Contract,
        fields: obj(json!({"naam": "Zwevend", "leverancierId": Uuid::now_v7().to_string()})),
    }];
    sender.send(Planned::Changes(dangling)).await.unwrap();
    sender.send(Planned::Finish).await.unwrap();
    let answer = store.apply_planned(&actor(), org, receiver).await;
    assert!(matches!(answer, Err(StoreError::Invalid(e)) if e.has("leverancierId")));
    let counts = store.element_counts(org).await.unwrap();
    assert_eq!(counts.get(&EntityKind::Contract), Some(&1));
}

/// Parts larger than one multi-row statement, the next part arriving while the last statement
/// of the one before is still being written, references from one part to another, and a change
/// to an existing element in between: every element, reference and audit record written once.
async fn large_parts_are_written_whole_across_chunks_and_parts(backend: Backend) {
    use regisseur_domain::landscape::Change;
    use regisseur_store::Planned;
    let store = store(backend).await;
    let org = org(&store, "groot").await;
    let existing = store
        .create_element(
            &actor(),
            org,
            EntityKind::Supplier,
            &obj(json!({"naam": "Bestaand B.V."})),
            InputMode::Api,
        )
        .await
        .unwrap();
    let suppliers: Vec<Uuid> = (0..450).map(|_| Uuid::now_v7()).collect();
    let mut first: Vec<Change> = suppliers
        .iter()
        .enumerate()
        .map(|(i, id)| Change::Create {
            id: *id,
            kind: EntityKind::Supplier,
            fields: obj(json!({"naam": format!("Leverancier {i:03}")})),
        })
        .collect();
    first.insert(
        300,
        Change::Update {
            id: existing.id,
            kind: EntityKind::Supplier,
            version: 1,
            fields: obj(json!({"naam": "Bestaand en hernoemd B.V."})),
        },
    );
    // Every contract of the second part refers to a supplier of the first.
    let second: Vec<Change> = (0..250)
        .map(|i| Change::Create {
            id: Uuid::now_v7(),
            kind: EntityKind::Contract,
            fields: obj(json!({
                "naam": format!("Contract {i:03}"),
                "leverancierId": suppliers[i % 5].to_string(),
            })),
        })
        .collect();
    let (sender, receiver) = tokio::sync::mpsc::channel(1);
    let planner = tokio::spawn(async move {
        sender.send(Planned::Changes(first)).await.unwrap();
        sender.send(Planned::Changes(second)).await.unwrap();
        sender.send(Planned::Finish).await.unwrap();
    });
    assert!(store.apply_planned(&actor(), org, receiver).await.unwrap());
    planner.await.unwrap();
    let counts = store.element_counts(org).await.unwrap();
    assert_eq!(counts.get(&EntityKind::Supplier), Some(&451));
    assert_eq!(counts.get(&EntityKind::Contract), Some(&250));
    for (i, supplier) in suppliers.iter().enumerate() {
        let expected = if i < 5 { 50 } else { 0 };
        assert_eq!(
            store.dependents(org, *supplier).await.unwrap().len(),
            expected,
            "references to supplier {i}"
        );
    }
    let renamed = store
        .get_element(org, EntityKind::Supplier, existing.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(renamed.version, 2);
    assert_eq!(renamed.record.name(), Some("Bestaand en hernoemd B.V."));
    // One audit record per element created (the first by hand), and one for the change.
    let audit = store.audit_log(org, &AuditQuery::default()).await.unwrap();
    assert_eq!(audit.total, 1 + 450 + 250 + 1);
    let last = store
        .audit_log(
            org,
            &AuditQuery {
                entity_id: Some(suppliers[449]),
                ..AuditQuery::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(last.total, 1);
    assert_eq!(
        last.items[0]
            .new_value
            .as_ref()
            .and_then(|v| v["naam"].as_str()),
        Some("Leverancier 449")
    );
}

async fn quality_settings_confirmations_and_score_history(backend: Backend) {
    use chrono::NaiveDate;
    use regisseur_domain::quality::{RuleId, Scores, Settings, Severity};
    let store = store(backend).await;
    let org = org(&store, "kwaliteit").await;
    let other = org_other(&store).await;

    // Settings: defaults until set; set once, read back the same, audited, per organisation.
    assert_eq!(
        store.quality_settings(org).await.expect("read"),
        Settings::default()
    );
    let settings = Settings::parse(&json!({
        "regels": {"component-zonder-gebruik": {"aan": false},
                   "contract-zonder-exitplan": {"ernst": "fout"}},
        "opzegtermijnDagen": 120
    }))
    .expect("valid");
    let revision = store.revision(org).await.expect("revision");
    store
        .set_quality_settings(&actor(), org, &settings)
        .await
        .expect("saved");
    assert_eq!(store.quality_settings(org).await.expect("read"), settings);
    assert!(store.revision(org).await.expect("revision") > revision);
    let read = store.quality_settings(org).await.expect("read");
    assert!(!read.enabled(RuleId::ComponentUnused));
    assert_eq!(
        read.severity(RuleId::ContractWithoutExitPlan),
        Severity::Fout
    );
    assert_eq!(
        store.quality_settings(other).await.expect("read"),
        Settings::default()
    );
    let audit = store
        .audit_log(
            org,
            &AuditQuery {
                entity: Some("kwaliteitsinstellingen".into()),
                ..AuditQuery::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(audit.total, 1);

    // Confirmations: by the owner; an edit by the same user keeps it, by someone else withdraws it.
    let owner = Actor {
        user_id: Some(Uuid::now_v7()),
        email: "eigenaar@voorbeeld.nl".into(),
    };
    let app = create(
        &store,
        org,
        EntityKind::Application,
        json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik"}),
    )
    .await;
    let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let confirmation = store
        .confirm_element(&owner, org, app, day)
        .await
        .expect("confirmed");
    assert_eq!(confirmation.on, day);
    let all = store.confirmations(org).await.expect("read");
    assert_eq!(
        all.get(&app).map(|c| c.user_email.as_str()),
        Some("eigenaar@voorbeeld.nl")
    );
    assert!(store.confirmations(other).await.expect("read").is_empty());
    let edit = |name: &str| obj(json!({"naam": name, "levenscyclus": "in-gebruik"}));
    let input = edit("Zaaksysteem 2");
    store
        .update_element(
            &owner,
            org,
            EntityKind::Application,
            app,
            1,
            &input,
            InputMode::Api,
        )
        .await
        .expect("owner edits");
    assert!(
        store
            .confirmations(org)
            .await
            .expect("read")
            .contains_key(&app),
        "own edit keeps it"
    );
    let input = edit("Zaaksysteem 3");
    store
        .update_element(
            &actor(),
            org,
            EntityKind::Application,
            app,
            2,
            &input,
            InputMode::Api,
        )
        .await
        .expect("someone else edits");
    assert!(
        store.confirmations(org).await.expect("read").is_empty(),
        "withdrawn"
    );
    // Unknown element or another organisation's: not found, nothing written.
    assert!(matches!(
        store.confirm_element(&owner, other, app, day).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .confirm_element(&owner, org, Uuid::now_v7(), day)
            .await,
        Err(StoreError::NotFound)
    ));
    // Deleting the element removes its confirmation.
    store
        .confirm_element(&owner, org, app, day)
        .await
        .expect("confirmed again");
    // A delete based on a version that is no longer current deletes nothing.
    let current = store
        .get_element(org, EntityKind::Application, app)
        .await
        .expect("read")
        .expect("there")
        .version;
    assert!(matches!(
        store
            .delete_element(&actor(), org, EntityKind::Application, app, false, Some(current + 1))
            .await,
        Err(StoreError::Conflict { current: c }) if c == current
    ));
    assert!(!store.confirmations(org).await.expect("read").is_empty());
    store
        .delete_element(
            &actor(),
            org,
            EntityKind::Application,
            app,
            false,
            Some(current),
        )
        .await
        .expect("deleted");
    assert!(store.confirmations(org).await.expect("read").is_empty());

    // Score history: one row per day, the last computation of the day counts, oldest first.
    let scores = |overall: f64| Scores {
        overall,
        ..Scores::default()
    };
    let d = |n: u32| NaiveDate::from_ymd_opt(2026, 11, n).expect("date");
    store
        .record_score(org, d(2), &scores(40.0), 9)
        .await
        .expect("recorded");
    store
        .record_score(org, d(1), &scores(35.5), 12)
        .await
        .expect("recorded");
    store
        .record_score(org, d(2), &scores(42.3), 8)
        .await
        .expect("replaced");
    let history = store.score_history(org, 30).await.expect("history");
    assert_eq!(
        history
            .iter()
            .map(|p| (p.day, p.overall, p.findings))
            .collect::<Vec<_>>(),
        vec![(d(1), 35.5, 12), (d(2), 42.3, 8)]
    );
    assert_eq!(store.score_history(org, 1).await.expect("history").len(), 1);
    assert!(
        store
            .score_history(other, 30)
            .await
            .expect("history")
            .is_empty()
    );
}

async fn org_other(store: &Store) -> Uuid {
    org(store, "andere").await
}

async fn goals_domains_and_assessments(backend: Backend) {
    use chrono::NaiveDate;
    use regisseur_domain::goals::Goal;
    use regisseur_domain::readiness::{AnswerInput, Verdict};
    use regisseur_domain::sourcing::{DomainChoice, ServiceDomain, Sourcing};
    let store = store(backend).await;
    let org = org(&store, "koers").await;
    let other = org_other(&store).await;
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");

    // Goals: created, read back, changed with the version read, deleted; audited.
    let goal = Goal::parse(&json!({"titel": "Werkplek 99,8%", "domeinen": ["werkplek"],
        "kpis": [{"meting": "Beschikbaarheid", "eenheid": "%", "nulwaarde": 98.9,
                  "nulmetingDatum": "2026-01-01", "streefwaarde": 99.8, "streefdatum": "2027-12-31"}]}))
    .expect("valid");
    let stored = store
        .create_goal(&actor(), org, &goal)
        .await
        .expect("created");
    assert_eq!(store.goals(org).await.expect("goals")[0].goal, goal);
    assert!(store.goals(other).await.expect("goals").is_empty());
    let vague = Goal::parse(&json!({"titel": "Beter"})).expect("valid");
    assert!(matches!(
        store.update_goal(&actor(), org, stored.id, 7, &vague).await,
        Err(StoreError::Conflict { current: 1 })
    ));
    let updated = store
        .update_goal(&actor(), org, stored.id, 1, &vague)
        .await
        .expect("updated");
    assert_eq!(updated.version, 2);
    assert!(matches!(
        store
            .update_goal(&actor(), other, stored.id, 2, &goal)
            .await,
        Err(StoreError::NotFound)
    ));
    // The quality report sees the goals: one without a KPI now.
    let report = store
        .quality_report(org, today, None)
        .await
        .expect("report");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule.code() == "doelen-zonder-kpi")
    );
    store
        .update_goal(&actor(), org, stored.id, 2, &goal)
        .await
        .expect("back");
    let audit = store
        .audit_log(
            org,
            &AuditQuery {
                entity: Some("doel".into()),
                ..AuditQuery::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(audit.total, 3);

    // Domain choices: one per domain, replaced in place.
    let choice = DomainChoice {
        domain: ServiceDomain::HostingEnDatacenter,
        current: Sourcing::Zelf,
        intended: Sourcing::Markt,
        rationale: "Eigen serverruimte sluit".into(),
    };
    store
        .set_domain_choice(&actor(), org, &choice)
        .await
        .expect("saved");
    let changed = DomainChoice {
        intended: Sourcing::Samenwerkingsverband,
        ..choice.clone()
    };
    store
        .set_domain_choice(&actor(), org, &changed)
        .await
        .expect("saved");
    assert_eq!(
        store.domain_choices(org).await.expect("choices"),
        vec![changed]
    );
    assert!(
        store
            .domain_choices(other)
            .await
            .expect("choices")
            .is_empty()
    );

    // An assessment: answered by two people, finalised once; the next starts from its answers.
    let first = store
        .start_assessment(&actor(), org)
        .await
        .expect("started");
    assert!(!first.finalised && first.answers.is_empty());
    let again = store
        .start_assessment(&actor(), org)
        .await
        .expect("the open one");
    assert_eq!(again.id, first.id);
    let other_person = Actor {
        user_id: None,
        email: "collega@voorbeeld.nl".into(),
    };
    let answer = |id: &str, level: &str| AnswerInput::parse(id, level, "", "").expect("valid");
    store
        .save_answer(&actor(), org, first.id, &answer("basis-1", "2"))
        .await
        .expect("saved");
    store
        .save_answer(&other_person, org, first.id, &answer("basis-1", "3"))
        .await
        .expect("saved");
    store
        .save_answer(&other_person, org, first.id, &answer("inkoop-1", "1"))
        .await
        .expect("saved");
    let read = store
        .assessment(org, first.id)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(read.answers.len(), 2);
    assert_eq!(read.answers[0].level, 3, "the last answer counts");
    assert_eq!(read.answers[0].answered_by, "collega@voorbeeld.nl");
    assert!(
        store
            .assessment(other, first.id)
            .await
            .expect("read")
            .is_none()
    );
    let advice = store
        .finalise_assessment(&actor(), org, first.id, chrono::Utc::now())
        .await
        .expect("finalised");
    assert_eq!(
        advice.verdict,
        Verdict::NogNiet,
        "most dimensions are unanswered"
    );
    let finalised = store
        .assessment(org, first.id)
        .await
        .expect("read")
        .expect("found");
    assert!(finalised.finalised);
    assert_eq!(
        finalised.result.as_ref().map(|r| r["oordeel"].clone()),
        Some(json!("nog-niet"))
    );
    assert!(
        store
            .save_answer(&actor(), org, first.id, &answer("basis-1", "4"))
            .await
            .is_err()
    );
    assert!(
        store
            .finalise_assessment(&actor(), org, first.id, chrono::Utc::now())
            .await
            .is_err()
    );
    let second = store
        .start_assessment(&actor(), org)
        .await
        .expect("started");
    assert_ne!(second.id, first.id);
    assert_eq!(
        second.levels(),
        finalised.levels(),
        "starts from the last answers"
    );
    let history = store.assessments(org).await.expect("history");
    assert_eq!(
        history.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![second.id, first.id]
    );
    // The advice now: of the open assessment.
    let (current, advice) = store.readiness(org, today).await.expect("readiness");
    assert_eq!(current.map(|a| a.id), Some(second.id));
    assert_eq!(advice.domains.len(), 1, "the domain to hand over");
    store
        .delete_goal(&actor(), org, stored.id)
        .await
        .expect("deleted");
    assert!(store.goals(org).await.expect("goals").is_empty());
}

async fn business_cases_round_trip_with_versions_and_audit(backend: Backend) {
    use regisseur_domain::business_case::{Amount, Input};
    let store = store(backend).await;
    let org = org(&store, "bc").await;
    let other = org_other(&store).await;
    let mut input: Input = serde_json::from_value(json!({
        "naam": "Hosting", "startjaar": 2027, "looptijdJaren": 5,
        "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": {"min": 90000.0, "waarschijnlijk": 100000.0, "max": 120000.0}, "vanaf": 2028}]},
        "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": 95000.0}]}
    }))
    .expect("input");
    let stored = store
        .create_business_case(&actor(), org, &input)
        .await
        .expect("created");
    assert_eq!(stored.version, 1);
    let read = store
        .business_case(org, stored.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(
        read.input, input,
        "ranges, options and defaults survive the round trip"
    );
    assert_eq!(read.updated_by, "test@voorbeeld.nl");
    assert!(
        store
            .business_case(other, stored.id)
            .await
            .expect("read")
            .is_none()
    );
    assert!(store.business_cases(other).await.expect("list").is_empty());

    // A second scenario side by side, listed by name.
    let mut variant = input.clone();
    variant.naam = "Alleen hosting".into();
    store
        .create_business_case(&actor(), org, &variant)
        .await
        .expect("second");
    let names: Vec<String> = store
        .business_cases(org)
        .await
        .expect("list")
        .into_iter()
        .map(|c| c.input.naam)
        .collect();
    assert_eq!(names, ["Alleen hosting", "Hosting"]);

    // Invalid input and stale versions write nothing.
    let mut wrong = input.clone();
    wrong.uitbesteed.kosten[0].bedrag_per_jaar = Amount::Fixed(-1.0);
    assert!(matches!(
        store.update_business_case(&actor(), org, stored.id, 1, &wrong).await,
        Err(StoreError::Invalid(e)) if e.0[0].name == "uitbesteed.kosten[0].bedragPerJaar"
    ));
    input.looptijd_jaren = 8;
    assert!(matches!(
        store
            .update_business_case(&actor(), org, stored.id, 9, &input)
            .await,
        Err(StoreError::Conflict { current: 1 })
    ));
    let updated = store
        .update_business_case(&actor(), org, stored.id, 1, &input)
        .await
        .expect("updated");
    assert_eq!(updated.version, 2);
    assert_eq!(
        store
            .business_case(org, stored.id)
            .await
            .expect("read")
            .expect("there")
            .input
            .looptijd_jaren,
        8
    );
    let trail = store
        .audit_log(
            org,
            &AuditQuery {
                entity_id: Some(stored.id),
                ..AuditQuery::default()
            },
        )
        .await
        .expect("audit");
    let actions: Vec<&str> = trail.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["gewijzigd", "aangemaakt"]);
    assert_eq!(trail.items[0].entity, "businesscase");
    assert_eq!(
        trail.items[0]
            .old_value
            .as_ref()
            .map(|v| v["looptijdJaren"].clone()),
        Some(json!(5))
    );
    assert!(matches!(
        store
            .delete_business_case(&actor(), other, stored.id, None)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .delete_business_case(&actor(), org, stored.id, Some(1))
            .await,
        Err(StoreError::Conflict { .. })
    ));
    assert!(
        store
            .business_case(org, stored.id)
            .await
            .expect("read")
            .is_some()
    );
    store
        .delete_business_case(&actor(), org, stored.id, None)
        .await
        .expect("deleted");
    assert_eq!(store.business_cases(org).await.expect("list").len(), 1);
}

async fn tenders_keep_prices_sealed_until_the_consensus_is_final(backend: Backend) {
    use regisseur_domain::procurement::workflow::{Setup, Stage};
    use std::collections::BTreeMap;
    let store = store(backend).await;
    let org = org(&store, "aanbesteding").await;
    let who = |email: &str| Actor {
        user_id: None,
        email: email.into(),
    };
    let (chair, anna, bob) = (
        who("voorzitter@test.nl"),
        who("anna@test.nl"),
        who("bob@test.nl"),
    );
    let mut setup = Setup::it_outsourcing(5_000_000.0, 3_000_000.0);
    setup.criteria.truncate(2);
    setup.criteria[0].gewicht = 0.6;
    setup.criteria[1].gewicht = 0.4;
    setup.eisen.truncate(1);
    let evaluators = vec![anna.email.clone(), bob.email.clone()];
    // The policy: defaults until set.
    assert_eq!(
        store
            .procurement_policy(org)
            .await
            .expect("policy")
            .diensten_enkelvoudig,
        50_000.0
    );
    let mut policy = store.procurement_policy(org).await.expect("policy");
    policy.diensten_enkelvoudig = 30_000.0;
    store
        .set_procurement_policy(&chair, org, &policy)
        .await
        .expect("policy set");
    assert_eq!(store.procurement_policy(org).await.expect("policy"), policy);

    let mut bad = setup.clone();
    bad.criteria[0].gewicht = 0.9;
    assert!(matches!(
        store.create_tender(&chair, org, "Werkplek", &bad, &chair.email, &evaluators).await,
        Err(StoreError::Invalid(e)) if e.0[0].name == "criteria"
    ));
    let tender = store
        .create_tender(&chair, org, "Werkplek", &setup, &chair.email, &evaluators)
        .await
        .expect("created");
    assert_eq!(tender.stage, Stage::Opzet);
    let ok: BTreeMap<String, bool> = [("iso27001".to_string(), true)].into_iter().collect();
    let fails: BTreeMap<String, bool> = [("iso27001".to_string(), false)].into_iter().collect();
    let a = store
        .add_bid(&chair, org, tender.id, "Partner A", 4_200_000.0, &ok)
        .await
        .expect("bid A");
    let b = store
        .add_bid(&chair, org, tender.id, "Partner B", 3_600_000.0, &ok)
        .await
        .expect("bid B");
    store
        .add_bid(&chair, org, tender.id, "Partner C", 3_100_000.0, &fails)
        .await
        .expect("bid C");
    assert!(matches!(
        store.add_bid(&chair, org, tender.id, "partner a", 1.0, &ok).await,
        Err(StoreError::Invalid(e)) if e.0[0].problem == Problem::Duplicate
    ));
    // Sealed: no price anywhere before the consensus is final.
    assert!(matches!(
        store.opened_bids(org, tender.id).await,
        Err(StoreError::NotNow(_))
    ));
    assert_eq!(store.sealed_bids(tender.id).await.expect("bids").len(), 3);
    let trail = store
        .audit_log(
            org,
            &AuditQuery {
                entity: Some("inschrijving".into()),
                ..AuditQuery::default()
            },
        )
        .await
        .expect("audit");
    assert!(trail.items.iter().all(|e| {
        e.new_value
            .as_ref()
            .is_some_and(|v| v["prijs"] == "verzegeld")
    }));

    store
        .start_evaluation(&chair, org, tender.id)
        .await
        .expect("started");
    assert!(
        matches!(
            store
                .add_bid(&chair, org, tender.id, "Partner D", 1.0, &ok)
                .await,
            Err(StoreError::NotNow(_))
        ),
        "bids are fixed once scoring starts"
    );
    let crit = |i: usize| setup.criteria[i].id.clone();
    // Only evaluators score; a comment is required; submitting needs every score.
    assert!(matches!(
        store
            .save_scores(
                &chair,
                org,
                tender.id,
                &[(a, crit(0), 7.0, "Goed".into())],
                false
            )
            .await,
        Err(StoreError::NotNow(_))
    ));
    assert!(matches!(
        store.save_scores(&anna, org, tender.id, &[(a, crit(0), 7.0, " ".into())], false).await,
        Err(StoreError::Invalid(e)) if e.0[0].problem == Problem::Required
    ));
    store
        .save_scores(
            &anna,
            org,
            tender.id,
            &[(a, crit(0), 7.0, "Helder plan".into())],
            false,
        )
        .await
        .expect("draft");
    assert!(
        matches!(
            store.save_scores(&anna, org, tender.id, &[], true).await,
            Err(StoreError::Invalid(e)) if e.0.len() == 3
        ),
        "three scores still missing (C fails a requirement and is not scored)"
    );
    let all = |who: &str| -> Vec<(Uuid, String, f64, String)> {
        vec![
            (a, crit(0), 8.0, format!("{who}: sterk")),
            (a, crit(1), 7.0, format!("{who}: goed")),
            (b, crit(0), 6.0, format!("{who}: redelijk")),
            (b, crit(1), 5.0, format!("{who}: matig")),
        ]
    };
    store
        .save_scores(&anna, org, tender.id, &all("anna"), true)
        .await
        .expect("anna submits");
    assert!(
        matches!(
            store
                .save_scores(&anna, org, tender.id, &all("anna"), false)
                .await,
            Err(StoreError::NotNow(_))
        ),
        "submitted scores are final"
    );
    // The chair cannot record a consensus before everyone has submitted.
    let consensus: Vec<(Uuid, String, f64, String)> = vec![
        (a, crit(0), 8.0, "Beide beoordelaars sterk".into()),
        (a, crit(1), 7.0, "Overeenstemming".into()),
        (b, crit(0), 6.0, "Overeenstemming".into()),
    ];
    assert!(matches!(
        store
            .save_consensus(&chair, org, tender.id, &consensus)
            .await,
        Err(StoreError::NotNow(_))
    ));
    store
        .save_scores(&bob, org, tender.id, &all("bob"), true)
        .await
        .expect("bob submits");
    assert_eq!(
        store
            .scores(tender.id, Some("anna@test.nl"))
            .await
            .expect("scores")
            .len(),
        4
    );
    assert_eq!(
        store.scores(tender.id, None).await.expect("scores").len(),
        8
    );
    assert!(
        matches!(
            store
                .save_consensus(&anna, org, tender.id, &consensus)
                .await,
            Err(StoreError::NotNow(_))
        ),
        "only the chair"
    );
    store
        .save_consensus(&chair, org, tender.id, &consensus)
        .await
        .expect("consensus");
    assert!(
        matches!(
            store.finalise_tender(&chair, org, tender.id).await,
            Err(StoreError::Invalid(e)) if e.0.len() == 1
        ),
        "one consensus score missing"
    );
    store
        .save_consensus(
            &chair,
            org,
            tender.id,
            &[(b, crit(1), 5.0, "Overeenstemming".into())],
        )
        .await
        .expect("last consensus");
    store
        .finalise_tender(&chair, org, tender.id)
        .await
        .expect("final");
    let opened = store.opened_bids(org, tender.id).await.expect("opened");
    assert_eq!(
        opened.iter().map(|b| b.price).collect::<Vec<_>>(),
        [4_200_000.0, 3_600_000.0, 3_100_000.0]
    );
    let final_tender = store
        .tender(org, tender.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(final_tender.stage, Stage::Vastgesteld);
    assert!(final_tender.finalised_at.is_some());
    assert_eq!(
        store.consensus(tender.id).await.expect("consensus").len(),
        4
    );
}

async fn regie_obligations_sla_surveys_and_calendar_feeds(backend: Backend) {
    use regisseur_domain::regie::health::{Side, Survey};
    use regisseur_domain::regie::obligations::{Obligation, ObligationKind, Recurrence};
    use regisseur_domain::regie::sla::{Incident, Outage, Reported, compute};
    use regisseur_store::SlaTerms;
    let store = store(backend).await;
    let org = org(&store, "regie").await;
    let other = org_other(&store).await;
    let supplier = create(
        &store,
        org,
        EntityKind::Supplier,
        json!({"naam": "Partner"}),
    )
    .await;
    let contract = create(&store, org, EntityKind::Contract, json!({"naam": "Hosting", "leverancierId": supplier.to_string(), "einddatum": "2028-12-31", "opzegtermijnMaanden": 6})).await;
    let day = |t: &str| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").expect("date");

    // Obligations: added, changed, not for another organisation's contract.
    let mut obligation = Obligation {
        soort: ObligationKind::Assurancerapport,
        omschrijving: String::new(),
        vervaldatum: day("2027-04-01"),
        herhaling: Recurrence::Jaarlijks,
        laatst_voldaan: None,
    };
    let id = store
        .save_obligation(&actor(), org, contract, None, &obligation)
        .await
        .expect("saved");
    obligation.laatst_voldaan = Some(day("2027-03-28"));
    store
        .save_obligation(&actor(), org, contract, Some(id), &obligation)
        .await
        .expect("updated");
    let stored = store.obligations(org).await.expect("list");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].obligation.next_due(), Some(day("2028-04-01")));
    assert!(matches!(
        store
            .save_obligation(&actor(), other, contract, None, &obligation)
            .await,
        Err(StoreError::NotFound)
    ));

    // SLA: no measurements before terms; a bad batch is named and writes nothing.
    let terms: SlaTerms = serde_json::from_value(json!({
        "maandbedrag": 40000.0, "maxCredit": 0.5,
        "normen": [{"id": "beschikbaarheid", "soort": "beschikbaarheid", "venster": "24x7", "doel": 99.9,
                    "staffel": [{"onder": 99.9, "credit": 0.1}]},
                   {"id": "oplostijd-p1", "soort": "oplostijd", "prioriteit": "P1", "venster": "kantooruren", "doelUren": 4, "doel": 90.0}]
    })).expect("terms");
    let outage = |b: &str, e: &str| Outage {
        norm: "beschikbaarheid".into(),
        begin: b.into(),
        einde: e.into(),
    };
    assert!(matches!(
        store
            .record_sla(
                &actor(),
                org,
                contract,
                &[outage("2027-03-04T10:00", "2027-03-04T12:30")],
                &[],
                &[]
            )
            .await,
        Err(StoreError::NotNow(_))
    ));
    store
        .set_sla_terms(&actor(), org, contract, &terms)
        .await
        .expect("terms set");
    assert_eq!(
        store.sla_terms(org, contract).await.expect("terms"),
        Some(terms.clone())
    );
    let bad = store
        .record_sla(
            &actor(),
            org,
            contract,
            &[
                outage("2027-03-04T10:00", "2027-03-04T12:30"),
                outage("2027-03-05T12:00", "2027-03-05T10:00"),
            ],
            &[],
            &[],
        )
        .await;
    assert!(matches!(bad, Err(StoreError::Invalid(e)) if e.0[0].name == "storingen[1].einde"));
    assert!(
        store
            .sla_events(contract)
            .await
            .expect("events")
            .0
            .is_empty(),
        "nothing half-written"
    );
    let incident = Incident {
        id: None,
        prioriteit: "P1".into(),
        gemeld: "2027-03-05T17:00".into(),
        gereageerd: None,
        opgelost: "2027-03-08T10:00".into(),
    };
    store
        .record_sla(
            &actor(),
            org,
            contract,
            &[outage("2027-03-04T10:00", "2027-03-04T12:30")],
            &[incident],
            &[],
        )
        .await
        .expect("recorded");
    let report = |value: f64| Reported {
        maand: "2027-04".into(),
        norm: "beschikbaarheid".into(),
        gemeten: Some(value),
    };
    store
        .record_sla(&actor(), org, contract, &[], &[], &[report(99.5)])
        .await
        .expect("report");
    store
        .record_sla(&actor(), org, contract, &[], &[], &[report(99.95)])
        .await
        .expect("report replaced");
    let input = store
        .sla_input(org, contract)
        .await
        .expect("input")
        .expect("terms");
    assert_eq!(input.rapportages.len(), 1);
    let result = compute(&input.prepare().expect("valid"));
    assert_eq!(result.months.len(), 2);
    assert!(
        (result.total_credits - 4_000.0).abs() < 1e-9,
        "March misses, April's report meets"
    );

    // Surveys of both sides; a bad one is named.
    let survey = |satisfaction: u8| Survey {
        vertrouwen: 7,
        aanbeveling: 7,
        tevredenheid: [("hosting".to_string(), satisfaction)]
            .into_iter()
            .collect(),
        proactiviteit: 6,
        toelichting: "Goed overleg".into(),
    };
    store
        .save_survey(
            &actor(),
            org,
            contract,
            "2027-K1",
            Side::Gemeente,
            &survey(8),
        )
        .await
        .expect("survey");
    store
        .save_survey(
            &actor(),
            org,
            contract,
            "2027-K1",
            Side::Leverancier,
            &survey(7),
        )
        .await
        .expect("survey");
    store
        .save_survey(
            &actor(),
            org,
            contract,
            "2027-K1",
            Side::Gemeente,
            &survey(6),
        )
        .await
        .expect("replaced");
    assert!(matches!(
        store
            .save_survey(&actor(), org, contract, "K1", Side::Gemeente, &survey(6))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .save_survey(
                &actor(),
                org,
                contract,
                "2027-K2",
                Side::Gemeente,
                &survey(11)
            )
            .await,
        Err(StoreError::Invalid(_))
    ));
    let surveys = store.surveys(contract).await.expect("surveys");
    assert_eq!(surveys.len(), 2);
    assert_eq!(surveys[0].survey.satisfaction(), 6.0);

    // Expectations and innovations of the contract.
    use regisseur_domain::regie::register::{Expectation, Innovation, InnovationStatus, Outcome};
    let mut expectation = Expectation {
        wat: "Minder storingen".into(),
        meetbaar: "P1 per maand < 2".into(),
        wanneer: day("2027-06-30"),
        uitkomst: Outcome::Open,
        werkelijkheid: String::new(),
    };
    let id = store
        .save_expectation(&actor(), org, contract, None, &expectation)
        .await
        .expect("expectation");
    expectation.uitkomst = Outcome::Deels;
    assert!(
        matches!(
            store
                .save_expectation(&actor(), org, contract, Some(id), &expectation)
                .await,
            Err(StoreError::Invalid(_))
        ),
        "reality needed"
    );
    expectation.werkelijkheid = "2,5 per maand".into();
    store
        .save_expectation(&actor(), org, contract, Some(id), &expectation)
        .await
        .expect("assessed");
    assert_eq!(
        store.expectations(contract).await.expect("list")[0].value,
        expectation
    );
    let innovation = Innovation {
        titel: "Zelfherstellende monitoring".into(),
        omschrijving: String::new(),
        waarde: "Minder nachtelijke storingen".into(),
        status: InnovationStatus::Voorgesteld,
        voorgesteld: day("2027-02-01"),
    };
    store
        .save_innovation(&actor(), org, contract, None, &innovation)
        .await
        .expect("innovation");
    assert_eq!(store.innovations(contract).await.expect("list").len(), 1);
    assert!(
        store.expectations(contract).await.expect("list").len() == 1,
        "kinds apart"
    );
    assert!(matches!(
        store
            .save_innovation(&actor(), other, contract, None, &innovation)
            .await,
        Err(StoreError::NotFound)
    ));

    // Calendar feeds: a secret that works until revoked.
    let email = Email::parse("agenda@test.nl").expect("email");
    let user = store
        .create_user(&email, "Agenda", "een lang genoeg wachtwoord")
        .await
        .expect("user");
    let secret = store
        .create_calendar_feed(user.id, org)
        .await
        .expect("feed");
    assert_eq!(
        store.calendar_feed(&secret).await.expect("lookup"),
        Some((user.id, org))
    );
    assert_eq!(store.calendar_feed("geraden").await.expect("lookup"), None);
    assert_eq!(
        store
            .revoke_calendar_feeds(user.id, org)
            .await
            .expect("revoked"),
        1
    );
    assert_eq!(store.calendar_feed(&secret).await.expect("lookup"), None);
}

async fn transition_dossier_is_checked_whole_and_keeps_risk_history(backend: Backend) {
    use regisseur_domain::transition::ItemKind;
    use regisseur_domain::transition::plan::Plan;
    let store = store(backend).await;
    let org = org(&store, "transitie").await;
    let other = org_other(&store).await;
    let read = |kind: ItemKind, value: Value| kind.read(&value).expect("valid input");
    let old_role = store
        .save_transition_item(
            &actor(),
            org,
            None,
            read(ItemKind::Role, json!({"naam": "Systeembeheerder", "verandering": "verdwijnt", "fteNu": 3, "fteStraks": 0})),
        )
        .await
        .expect("role");
    let person = json!({"naam": "P. Jansen", "rol": old_role.to_string(), "lot": "naar-partner"});
    let person_id = store
        .save_transition_item(&actor(), org, None, read(ItemKind::Person, person.clone()))
        .await
        .expect("person");
    // A role of another organisation does not exist here; nothing is saved.
    let elsewhere = store
        .save_transition_item(
            &actor(),
            other,
            None,
            read(
                ItemKind::Role,
                json!({"naam": "Elders", "verandering": "blijft", "fteNu": 1, "fteStraks": 1}),
            ),
        )
        .await
        .expect("role elsewhere");
    let wrong = json!({"naam": "Q", "rol": elsewhere.to_string(), "lot": "blijft"});
    match store
        .save_transition_item(&actor(), org, None, read(ItemKind::Person, wrong))
        .await
    {
        Err(StoreError::Invalid(e)) => assert_eq!(e.0[0].name, "rol"),
        other => panic!("{other:?}"),
    }
    // A role in use cannot go; an unknown id is not found.
    assert!(matches!(
        store
            .delete_transition_item(&actor(), org, ItemKind::Role, old_role)
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store
            .save_transition_item(
                &actor(),
                org,
                Some(Uuid::now_v7()),
                read(ItemKind::Person, person)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let dossier = store.transition(org).await.expect("dossier");
    assert_eq!((dossier.roles.len(), dossier.people.len()), (1, 1));
    assert_eq!(dossier.people[0].0, person_id);

    // Milestones in a cycle are refused as a whole.
    let m1 = store
        .save_transition_item(
            &actor(),
            org,
            None,
            read(
                ItemKind::Milestone,
                json!({"naam": "Gunning", "fase": "aanbesteding", "datum": "2027-03-01"}),
            ),
        )
        .await
        .expect("m1");
    let m2 = store
        .save_transition_item(&actor(), org, None, read(ItemKind::Milestone, json!({"naam": "Start transitie", "fase": "transitie", "datum": "2027-05-01", "afhankelijkVan": [m1.to_string()]})))
        .await
        .expect("m2");
    let cycle = read(
        ItemKind::Milestone,
        json!({"naam": "Gunning", "fase": "aanbesteding", "datum": "2027-03-01", "afhankelijkVan": [m2.to_string()]}),
    );
    match store
        .save_transition_item(&actor(), org, Some(m1), cycle)
        .await
    {
        Err(StoreError::Invalid(e)) => assert!(matches!(e.0[0].problem, Problem::Cycle { .. })),
        other => panic!("{other:?}"),
    }
    let dossier = store.transition(org).await.expect("dossier");
    assert!(
        dossier
            .milestones
            .iter()
            .all(|(_, m)| m.afhankelijk_van.len() <= 1)
    );
    assert!(
        dossier.milestones[0].1.afhankelijk_van.is_empty(),
        "nothing half-saved"
    );

    // The plan round-trips; a bad one is refused.
    let plan = Plan::read(&json!({"fasen": [{"fase": "stabilisatie", "start": "2027-10-01", "eind": "2028-04-01"}], "minStabilisatieMaanden": 4})).expect("plan");
    store
        .save_transition_plan(&actor(), org, &plan)
        .await
        .expect("saved");
    assert_eq!(store.transition(org).await.expect("dossier").plan, plan);
    assert_eq!(
        store.transition(other).await.expect("dossier").plan,
        Plan::default()
    );

    // Risk history: the state at each moment, removal included.
    let before = chrono::Utc::now() - chrono::Duration::days(8);
    let risk = |kans: u8| {
        read(
            ItemKind::Risk,
            json!({"titel": "Kennisverlies", "kans": kans, "impact": 4}),
        )
    };
    let r = store
        .save_transition_item_at(&actor(), org, None, risk(2), before)
        .await
        .expect("risk a week ago");
    store
        .save_transition_item(&actor(), org, Some(r), risk(4))
        .await
        .expect("grown");
    let week_ago = store
        .risks_as_of(org, chrono::Utc::now() - chrono::Duration::days(7))
        .await
        .expect("then");
    assert_eq!(week_ago[&r].kans, 2);
    let now = store
        .risks_as_of(org, chrono::Utc::now())
        .await
        .expect("now");
    assert_eq!(now[&r].kans, 4);
    assert!(
        store
            .risks_as_of(other, chrono::Utc::now())
            .await
            .expect("other")
            .is_empty()
    );
    store
        .delete_transition_item(&actor(), org, ItemKind::Risk, r)
        .await
        .expect("removed");
    assert!(
        store
            .risks_as_of(org, chrono::Utc::now())
            .await
            .expect("now")
            .is_empty()
    );
    assert!(
        store
            .transition(org)
            .await
            .expect("dossier")
            .risks
            .is_empty()
    );
    let trail = store
        .audit_log(org, &AuditQuery::default())
        .await
        .expect("audit");
    assert!(trail.items.iter().any(|e| e.entity == "risico"));
}
