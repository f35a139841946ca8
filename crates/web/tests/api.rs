//! API integration tests: the real server on port 0 against a fresh database, on SQLite and on
//! PostgreSQL.

use regisseur_domain::access::Role;
use regisseur_domain::landscape::{EntityKind, InputMode};
use regisseur_domain::organisation::NewOrganisation;
use regisseur_domain::values::Email;
use regisseur_store::testing::{Backend, fresh_database_url};
use regisseur_store::{Actor, Store};
use regisseur_web::{AppState, WebConfig};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { super::$name(super::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { super::$name(super::Backend::Postgres).await })*
        }
    };
}

on_both_backends!(
    openapi_documents_every_route_without_login,
    no_login_gets_401_problem_everywhere,
    crud_on_every_resource,
    invalid_input_names_every_field,
    other_organisations_see_nothing,
    readers_may_not_write,
    suppliers_see_only_their_own,
    stale_versions_conflict,
    conditional_requests_as_rfc_9110_says,
    patch_is_a_json_merge_patch,
    http_as_its_standards_say,
    deleting_with_dependents,
    cross_site_posts_are_refused,
    login_is_throttled,
    a_burst_of_logins_gets_no_more_tries_than_a_sequence,
    paging_and_parameters_are_checked,
    audit_trail_records_changes,
    forms_work_without_javascript,
    import_page_previews_then_imports,
    import_page_takes_the_gemma_model,
    quality_report_settings_and_confirmations,
    quality_pages_work_without_javascript,
    koers_and_gereedheid_work_without_javascript,
    impact_scope_and_the_map,
    business_cases_in_the_api,
    business_case_pages_work_without_javascript,
    procurement_route_and_a_sealed_evaluation,
    regie_agenda_feed_sla_report_and_the_supplier_portal,
    a_supplier_sees_nothing_of_others_on_any_route,
    transition_dossier_api_pages_and_personal_data,
);

const PASSWORD: &str = "een lang genoeg wachtwoord";

struct TestApp {
    base: String,
    store: Arc<Store>,
    org_a: Uuid,
    org_b: Uuid,
    tokens: HashMap<&'static str, String>,
    supplier_a: Uuid,
    other_supplier_a: Uuid,
}

impl TestApp {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client (cookies, no redirects followed) logged in as `who@test.nl`.
    async fn logged_in(&self, who: &str) -> reqwest::Client {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let login = client
            .post(self.url("/inloggen"))
            .form(&[
                ("email", format!("{who}@test.nl").as_str()),
                ("wachtwoord", PASSWORD),
            ])
            .send()
            .await
            .expect("login");
        assert_eq!(login.status(), StatusCode::SEE_OTHER, "{who} logs in");
        client
    }

    fn client(&self, who: &str) -> RequestBuilderFactory {
        RequestBuilderFactory {
            client: reqwest::Client::new(),
            token: self.tokens.get(who).cloned(),
            base: self.base.clone(),
        }
    }

    async fn create(&self, org: Uuid, kind: EntityKind, fields: Value) -> Uuid {
        self.store
            .create_element(
                &Actor::system(),
                org,
                kind,
                fields.as_object().expect("object"),
                InputMode::Api,
            )
            .await
            .expect("created")
            .id
    }
}

struct RequestBuilderFactory {
    client: reqwest::Client,
    token: Option<String>,
    base: String,
}

impl RequestBuilderFactory {
    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self.client.request(method, format!("{}{path}", self.base));
        match &self.token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }
    async fn get(&self, path: &str) -> (StatusCode, Value) {
        send(self.request(reqwest::Method::GET, path)).await
    }
    async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> (StatusCode, Value) {
        send(self.request(method, path).json(&body)).await
    }
    async fn delete(&self, path: &str) -> (StatusCode, Value) {
        send(self.request(reqwest::Method::DELETE, path)).await
    }
}

async fn send(builder: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let response = builder.send().await.expect("server answers");
    let status = response.status();
    assert_eq!(
        response
            .headers()
            .get("api-version")
            .and_then(|v| v.to_str().ok()),
        Some("1.0.0"),
        "API-Version header missing"
    );
    if status.is_client_error() || status.is_server_error() {
        assert_eq!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/problem+json"),
            "errors are problem+json ({status})"
        );
    }
    let text = response.text().await.expect("body");
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("JSON body")
    };
    (status, value)
}

/// The day the application runs as of in these tests: no test depends on the day it runs.
const TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 12, 7) {
    Some(day) => day,
    None => chrono::NaiveDate::MIN,
};

async fn spawn_app(backend: Backend) -> TestApp {
    regisseur_web::kit::clock::run_as_of(TODAY);
    let store = Arc::new(
        Store::connect(&fresh_database_url(backend).await)
            .await
            .expect("store"),
    );
    let org_a = store
        .create_organisation(
            &NewOrganisation::parse("gemeente-a", "Gemeente A", None).expect("valid"),
        )
        .await
        .expect("org a");
    let org_b = store
        .create_organisation(
            &NewOrganisation::parse("gemeente-b", "Gemeente B", None).expect("valid"),
        )
        .await
        .expect("org b");
    let new_supplier = |name: &str| json!({"naam": name});
    let supplier_a = store
        .create_element(
            &Actor::system(),
            org_a.id,
            EntityKind::Supplier,
            new_supplier("Leverancier Eigen").as_object().expect("o"),
            InputMode::Api,
        )
        .await
        .expect("supplier")
        .id;
    let other_supplier_a = store
        .create_element(
            &Actor::system(),
            org_a.id,
            EntityKind::Supplier,
            new_supplier("Leverancier Ander").as_object().expect("o"),
            InputMode::Api,
        )
        .await
        .expect("supplier")
        .id;
    let mut tokens = HashMap::new();
    for (who, org, role, supplier) in [
        ("beheerder", org_a.id, Role::Beheerder, None),
        ("regisseur", org_a.id, Role::Regisseur, None),
        ("inkoper", org_a.id, Role::Inkoper, None),
        ("lezer", org_a.id, Role::Lezer, None),
        ("leverancier", org_a.id, Role::Leverancier, Some(supplier_a)),
        ("regisseur-b", org_b.id, Role::Regisseur, None),
    ] {
        let email = Email::parse(&format!("{who}@test.nl")).expect("email");
        let user = store
            .create_user(&email, who, PASSWORD)
            .await
            .expect("user");
        store
            .set_membership(user.id, org, role, supplier)
            .await
            .expect("membership");
        tokens.insert(
            who,
            store
                .create_api_token(user.id, "test")
                .await
                .expect("token"),
        );
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let state = AppState::new(store.clone(), WebConfig::default());
    tokio::spawn(async move {
        let _ = regisseur_web::serve(listener, state).await;
    });
    TestApp {
        base,
        store,
        org_a: org_a.id,
        org_b: org_b.id,
        tokens,
        supplier_a,
        other_supplier_a,
    }
}

/// A valid new element of each kind, referring to elements it creates first where needed.
async fn valid_input(app: &TestApp, org: Uuid, kind: EntityKind) -> Value {
    let supplier = app
        .create(
            org,
            EntityKind::Supplier,
            json!({"naam": format!("Lev {}", Uuid::now_v7())}),
        )
        .await;
    let app_one = app
        .create(
            org,
            EntityKind::Application,
            json!({"naam": "Bron", "levenscyclus": "in-gebruik"}),
        )
        .await;
    let app_two = app
        .create(
            org,
            EntityKind::Application,
            json!({"naam": "Doel", "levenscyclus": "in-gebruik"}),
        )
        .await;
    match kind {
        EntityKind::Application => {
            json!({"naam": "Zaaksysteem Testfase", "levenscyclus": "gepland", "leverancierId": supplier.to_string(),
            "bedrijfskritisch": true, "beschikbaarheid": 2, "jaarkostenCenten": 1_250_000})
        }
        EntityKind::Component => {
            json!({"naam": "VM-TEST-01", "soort": "virtuele-machine", "eindeOndersteuning": "2030-01-01"})
        }
        EntityKind::DataSet => {
            json!({"naam": "Testgegevens", "opslaglocatie": "NL", "verwerkerId": supplier.to_string(), "verwerkersovereenkomst": true})
        }
        EntityKind::Supplier => {
            json!({"naam": "Nieuwe Leverancier B.V.", "kvkNummer": "12345678", "land": "NL"})
        }
        EntityKind::Contract => {
            json!({"naam": "Testcontract", "leverancierId": supplier.to_string(), "startdatum": "2026-01-01",
            "einddatum": "2028-12-31", "opzegtermijnMaanden": 6})
        }
        EntityKind::Interface => {
            json!({"naam": "Testkoppeling", "vanApplicatieId": app_one.to_string(), "naarApplicatieId": app_two.to_string(), "standaard": "zgw-api"})
        }
        EntityKind::Relation => {
            json!({"soort": "gebruikt", "bronId": app_one.to_string(), "doelId": app_two.to_string()})
        }
        EntityKind::Person => {
            json!({"naam": "Test Persoon", "email": "test.persoon@gemeente-a.nl", "afdeling": "ICT"})
        }
        EntityKind::ModelElement => {
            json!({"naam": "Behandelen aanvraag", "archimateType": "BusinessProcess",
            "eigenschappen": {"GEMMA type": "Bedrijfsproces"}})
        }
    }
}

fn collection(slug: &str, kind: EntityKind) -> String {
    format!("/api/v1/organisaties/{slug}/{}", kind.resource())
}

async fn openapi_documents_every_route_without_login(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, doc) = app.client("nobody").get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(regisseur_web::openapi::missing_routes(&doc).is_empty());
    // The version in the server URL, a contact to ask (the NL API Design Rules' linter).
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert!(
        ["name", "email", "url"]
            .iter()
            .all(|f| doc["info"]["contact"][*f].is_string())
    );
    // Any site may read the document (GET only); the rest of the API stays same-origin.
    let nobody = app.client("nobody");
    let cross = |method: reqwest::Method, path: &str| {
        nobody
            .request(method, path)
            .header("Origin", "https://developer.example.org")
    };
    let read = cross(reqwest::Method::GET, "/api/v1/openapi.json")
        .send()
        .await
        .expect("answer");
    assert_eq!(read.headers()["access-control-allow-origin"], "*");
    let preflight = cross(reqwest::Method::OPTIONS, "/api/v1/openapi.json")
        .header("Access-Control-Request-Method", "GET")
        .send()
        .await
        .expect("answer");
    assert_eq!(preflight.headers()["access-control-allow-methods"], "GET");
    let other = cross(reqwest::Method::GET, "/api/v1/organisaties")
        .send()
        .await
        .expect("answer");
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // And every route in the table answers something other than "no such route".
    let regisseur = app.client("regisseur");
    for route in regisseur_web::router::api_routes() {
        let path = route
            .path
            .replace("{slug}", "gemeente-a")
            .replace("{id}", &Uuid::now_v7().to_string());
        let response = regisseur
            .request(route.method.clone(), &path)
            .send()
            .await
            .expect("answer");
        assert_ne!(
            response.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{} {path}",
            route.method
        );
        if route.path.ends_with("{id}")
            && matches!(route.method, reqwest::Method::PUT | reqwest::Method::PATCH)
        {
            // No body: refused as bad input or as unknown; either way the route exists.
            assert!(
                matches!(
                    response.status(),
                    StatusCode::NOT_FOUND | StatusCode::BAD_REQUEST
                ),
                "{} {path}",
                route.method
            );
        } else if route.path.contains("{id}") {
            // An unknown id (also for actions on one, such as a confirmation).
            assert_eq!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{} {path}",
                route.method
            );
        } else {
            assert_ne!(
                response.status(),
                StatusCode::NOT_FOUND,
                "{} {path}",
                route.method
            );
        }
    }
    let (status, problem) = regisseur.get("/api/v1/bestaat-niet").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(problem["status"], 404);
    // No trailing slashes.
    let (status, _) = regisseur.get("/api/v1/organisaties/").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn no_login_gets_401_problem_everywhere(backend: Backend) {
    let app = spawn_app(backend).await;
    let anonymous = app.client("nobody");
    for kind in EntityKind::ALL {
        let (status, problem) = anonymous.get(&collection("gemeente-a", kind)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(problem["status"], 401);
        assert!(problem["title"].is_string() && problem["detail"].is_string());
        let (status, _) = anonymous
            .send_json(
                reqwest::Method::POST,
                &collection("gemeente-a", kind),
                json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let bad_token = RequestBuilderFactory {
        client: reqwest::Client::new(),
        token: Some("rgs_fout".into()),
        base: app.base.clone(),
    };
    let (status, _) = bad_token.get("/api/v1/organisaties").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = anonymous.get("/api/v1/referentiecomponenten").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn crud_on_every_resource(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    for kind in EntityKind::ALL {
        let input = valid_input(&app, app.org_a, kind).await;
        let response = client
            .request(reqwest::Method::POST, &collection("gemeente-a", kind))
            .json(&input)
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), StatusCode::CREATED, "{kind:?}");
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .expect("Location")
            .to_string();
        let created: Value = response.json().await.expect("json");
        let id = created["id"].as_str().expect("id").to_string();
        assert_eq!(location, format!("{}/{id}", collection("gemeente-a", kind)));
        assert_eq!(created["versie"], 1);
        if kind.has_name() && input.get("naam").is_some() {
            assert_eq!(created["naam"], input["naam"]);
        }

        let (status, fetched) = client.get(&location).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(fetched["id"], created["id"]);

        let (status, list) = client.get(&collection("gemeente-a", kind)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(list["totaal"].as_i64().expect("totaal") >= 1);
        assert!(
            list["resultaten"]
                .as_array()
                .expect("array")
                .iter()
                .any(|e| e["id"] == created["id"])
        );

        let mut changed = input.as_object().cloned().expect("object");
        changed.insert("versie".into(), json!(1));
        if kind == EntityKind::Relation {
            changed.insert("omschrijving".into(), json!("Gewijzigd"));
        } else {
            changed.insert("naam".into(), json!("Gewijzigde naam"));
        }
        let (status, updated) = client
            .send_json(reqwest::Method::PUT, &location, Value::Object(changed))
            .await;
        assert_eq!(status, StatusCode::OK, "{kind:?}: {updated}");
        assert_eq!(updated["versie"], 2);

        let patch_field = if kind == EntityKind::Relation {
            "omschrijving"
        } else {
            "naam"
        };
        let (status, patched) = client
            .send_json(
                reqwest::Method::PATCH,
                &location,
                json!({"versie": 2, patch_field: "Gepatcht"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{kind:?}: {patched}");
        assert_eq!(patched[patch_field], "Gepatcht");
        assert_eq!(patched["versie"], 3);

        let (status, _) = client.delete(&location).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{kind:?}");
        let (status, _) = client.get(&location).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // Search is case-insensitive and the same on both backends.
    app.create(
        app.org_a,
        EntityKind::Application,
        json!({"naam": "Suite4Sociaal Domein", "levenscyclus": "in-gebruik"}),
    )
    .await;
    let (_, found) = client
        .get("/api/v1/organisaties/gemeente-a/applicaties?zoek=SOCIAAL")
        .await;
    assert_eq!(found["totaal"], 1);
    assert_eq!(found["resultaten"][0]["naam"], "Suite4Sociaal Domein");
    let (_, filtered) = client
        .get("/api/v1/organisaties/gemeente-a/applicaties?levenscyclus=in-gebruik&sorteer=-naam")
        .await;
    let names: Vec<&str> = filtered["resultaten"]
        .as_array()
        .expect("a")
        .iter()
        .filter_map(|e| e["naam"].as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| std::cmp::Reverse(n.to_lowercase()));
    assert_eq!(names, sorted);
    let (status, refs) = client.get("/api/v1/referentiecomponenten?zoek=zaak").await;
    assert_eq!(status, StatusCode::OK);
    assert!(refs["totaal"].as_i64().expect("totaal") >= 2);
}

async fn invalid_input_names_every_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let (status, problem) = client
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/applicaties",
            json!({"naam": "", "levenscyclus": "stuk", "beschikbaarheid": 7, "leverancierId": Uuid::now_v7().to_string(),
                   "jaarkostenCenten": "veel", "kleur": "rood"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let names: Vec<&str> = problem["invalidParams"]
        .as_array()
        .expect("invalidParams")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for field in [
        "naam",
        "levenscyclus",
        "beschikbaarheid",
        "leverancierId",
        "jaarkostenCenten",
        "kleur",
    ] {
        assert!(names.contains(&field), "{field} not named in {problem}");
    }
    assert!(problem["invalidParams"][0]["reason"].is_string());
    let (status, _) = client
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/applicaties",
            json!([1, 2]),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let response = client
        .request(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/applicaties",
        )
        .body("{niet json")
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let (_, list) = client
        .get("/api/v1/organisaties/gemeente-a/applicaties")
        .await;
    assert_eq!(list["totaal"], 0, "nothing written");
}

async fn other_organisations_see_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let outsider = app.client("regisseur-b");
    for kind in EntityKind::ALL {
        let input = valid_input(&app, app.org_a, kind).await;
        let id = app.create(app.org_a, kind, input).await;
        // Through A's address: A is not theirs.
        let (status, _) = outsider
            .get(&format!("{}/{id}", collection("gemeente-a", kind)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{kind:?}");
        let (status, _) = outsider.get(&collection("gemeente-a", kind)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // Through B's address with A's id.
        let (status, _) = outsider
            .get(&format!("{}/{id}", collection("gemeente-b", kind)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{kind:?}");
        let (status, _) = outsider
            .send_json(
                reqwest::Method::PUT,
                &format!("{}/{id}", collection("gemeente-b", kind)),
                json!({"versie": 1, "naam": "x"}),
            )
            .await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{kind:?}: {status}"
        );
        let (status, _) = outsider
            .delete(&format!("{}/{id}", collection("gemeente-b", kind)))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, list) = outsider.get(&collection("gemeente-b", kind)).await;
        assert!(
            list["resultaten"]
                .as_array()
                .expect("a")
                .iter()
                .all(|e| e["id"] != id.to_string()),
            "{kind:?} leaks"
        );
    }
    // A reference into another organisation is refused as unknown.
    let supplier_a = app.supplier_a;
    let (status, problem) = outsider
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-b/contracten",
            json!({"naam": "C", "leverancierId": supplier_a.to_string()}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["invalidParams"][0]["name"], "leverancierId");
    let (_, audit) = outsider.get("/api/v1/organisaties/gemeente-b/audit").await;
    assert_eq!(audit["totaal"], 0);
    let (_, orgs) = outsider.get("/api/v1/organisaties").await;
    assert_eq!(orgs["totaal"], 1);
    assert_eq!(orgs["resultaten"][0]["slug"], "gemeente-b");
    assert_ne!(app.org_a, app.org_b);
}

async fn readers_may_not_write(backend: Backend) {
    let app = spawn_app(backend).await;
    let reader = app.client("lezer");
    for kind in EntityKind::ALL {
        let input = valid_input(&app, app.org_a, kind).await;
        let id = app.create(app.org_a, kind, input.clone()).await;
        let item = format!("{}/{id}", collection("gemeente-a", kind));
        let (status, _) = reader
            .send_json(
                reqwest::Method::POST,
                &collection("gemeente-a", kind),
                input.clone(),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "POST {kind:?}");
        let mut body = input.as_object().cloned().unwrap_or_default();
        body.insert("versie".into(), json!(1));
        let (status, _) = reader
            .send_json(reqwest::Method::PUT, &item, Value::Object(body))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "PUT {kind:?}");
        let (status, _) = reader
            .send_json(reqwest::Method::PATCH, &item, json!({"versie": 1}))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "PATCH {kind:?}");
        let (status, _) = reader.delete(&item).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "DELETE {kind:?}");
        let (status, _) = reader.get(&item).await;
        assert_eq!(status, StatusCode::OK, "a reader reads {kind:?}");
    }
    let (status, _) = reader.get("/api/v1/organisaties/gemeente-a/audit").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A procurement officer keeps contracts but not applications.
    let buyer = app.client("inkoper");
    let contract = valid_input(&app, app.org_a, EntityKind::Contract).await;
    let (status, _) = buyer
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/contracten",
            contract,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let application = valid_input(&app, app.org_a, EntityKind::Application).await;
    let (status, _) = buyer
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/applicaties",
            application,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn suppliers_see_only_their_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let own = app
        .create(
            app.org_a,
            EntityKind::Contract,
            json!({"naam": "Eigen contract", "leverancierId": app.supplier_a.to_string()}),
        )
        .await;
    let other = app
        .create(
            app.org_a,
            EntityKind::Contract,
            json!({"naam": "Ander contract", "leverancierId": app.other_supplier_a.to_string()}),
        )
        .await;
    let own_app = app.create(app.org_a, EntityKind::Application, json!({"naam": "Eigen pakket", "levenscyclus": "in-gebruik", "leverancierId": app.supplier_a.to_string()})).await;
    app.create(app.org_a, EntityKind::Application, json!({"naam": "Ander pakket", "levenscyclus": "in-gebruik", "leverancierId": app.other_supplier_a.to_string()})).await;
    let supplier = app.client("leverancier");
    let (status, contracts) = supplier
        .get("/api/v1/organisaties/gemeente-a/contracten")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(contracts["totaal"], 1);
    assert_eq!(contracts["resultaten"][0]["id"], own.to_string());
    let (status, _) = supplier
        .get(&format!(
            "/api/v1/organisaties/gemeente-a/contracten/{other}"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = supplier
        .get(&format!("/api/v1/organisaties/gemeente-a/contracten/{own}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, apps) = supplier
        .get("/api/v1/organisaties/gemeente-a/applicaties?zoek=pakket")
        .await;
    assert_eq!(apps["totaal"], 1);
    assert_eq!(apps["resultaten"][0]["id"], own_app.to_string());
    let (_, suppliers) = supplier
        .get("/api/v1/organisaties/gemeente-a/leveranciers")
        .await;
    assert_eq!(suppliers["totaal"], 1);
    for kind in [
        EntityKind::DataSet,
        EntityKind::Component,
        EntityKind::Person,
        EntityKind::Relation,
        EntityKind::Interface,
    ] {
        let (status, _) = supplier.get(&collection("gemeente-a", kind)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{kind:?}");
    }
    let (status, _) = supplier
        .send_json(
            reqwest::Method::PATCH,
            &format!("/api/v1/organisaties/gemeente-a/contracten/{own}"),
            json!({"versie": 1, "naam": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn stale_versions_conflict(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let id = app
        .create(app.org_a, EntityKind::Person, json!({"naam": "Jan"}))
        .await;
    let item = format!("/api/v1/organisaties/gemeente-a/personen/{id}");
    let (status, _) = client
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 1, "naam": "Jan de Vries"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, problem) = client
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 1, "naam": "Jan Jansen"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["huidigeVersie"], 2);
    let (_, now) = client.get(&item).await;
    assert_eq!(now["naam"], "Jan de Vries");
    let (status, problem) = client
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"naam": "Zonder versie"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["invalidParams"][0]["name"], "versie");
    // If-Match works as well.
    let response = client
        .request(reqwest::Method::PUT, &item)
        .header("If-Match", "\"2\"")
        .json(&json!({"naam": "Via If-Match"}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::OK);
    let (status, _) = client
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 3, "id": Uuid::now_v7().to_string(), "naam": "x"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an id that differs from the address is refused"
    );
}

/// ETags on reads and writes, 304 on `If-None-Match`, and a write or delete with an `If-Match`
/// that is not the current version refused with 412 while nothing changes; `If-Match: *`
/// writes whatever is current.
async fn conditional_requests_as_rfc_9110_says(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let id = app
        .create(app.org_a, EntityKind::Person, json!({"naam": "Jan"}))
        .await;
    let item = format!("/api/v1/organisaties/gemeente-a/personen/{id}");
    let etag = |r: &reqwest::Response| {
        r.headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    // Three writes: version 4.
    for (n, name) in ["Jan de Vries", "Jan Jansen", "Jan Pietersen"]
        .iter()
        .enumerate()
    {
        let response = client
            .request(reqwest::Method::PUT, &item)
            .header("If-Match", format!("\"{}\"", n + 1))
            .json(&json!({"naam": name}))
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            etag(&response),
            format!("\"{}\"", n + 2),
            "a write answers its ETag"
        );
    }
    let response = client
        .request(reqwest::Method::GET, &item)
        .send()
        .await
        .expect("get");
    assert_eq!(etag(&response), "\"4\"");
    let not_modified = client
        .request(reqwest::Method::GET, &item)
        .header("If-None-Match", "\"4\"")
        .send()
        .await
        .expect("get");
    assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(etag(&not_modified), "\"4\"");
    let modified = client
        .request(reqwest::Method::GET, &item)
        .header("If-None-Match", "\"3\"")
        .send()
        .await
        .expect("get");
    assert_eq!(modified.status(), StatusCode::OK);

    // A stale If-Match: 412 problem+json, and nothing is written or deleted.
    for method in [
        reqwest::Method::PUT,
        reqwest::Method::PATCH,
        reqwest::Method::DELETE,
    ] {
        let response = client
            .request(method.clone(), &item)
            .header("If-Match", "\"1\"")
            .json(&json!({"naam": "Te laat"}))
            .send()
            .await
            .expect("send");
        assert_eq!(
            response.status(),
            StatusCode::PRECONDITION_FAILED,
            "{method}"
        );
        assert!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|c| c.starts_with("application/problem+json")),
            "{method}"
        );
        let problem: Value = response.json().await.expect("json");
        assert_eq!(problem["huidigeVersie"], 4, "{method}");
    }
    let (status, person) = client.get(&item).await;
    assert_eq!(status, StatusCode::OK, "the stale DELETE deleted nothing");
    assert_eq!(
        (person["naam"].as_str(), person["versie"].as_i64()),
        (Some("Jan Pietersen"), Some(4))
    );

    // A weak tag never matches a write (strong comparison); one of a list does.
    let weak = client
        .request(reqwest::Method::PUT, &item)
        .header("If-Match", "W/\"4\"")
        .json(&json!({"naam": "Zwak"}))
        .send()
        .await
        .expect("send");
    assert_eq!(weak.status(), StatusCode::PRECONDITION_FAILED);
    let listed = client
        .request(reqwest::Method::PUT, &item)
        .header("If-Match", "\"3\", \"4\"")
        .json(&json!({"naam": "Uit de lijst"}))
        .send()
        .await
        .expect("send");
    assert_eq!(listed.status(), StatusCode::OK);
    // A body's stale versie stays 409, also with a matching If-Match.
    let (status, _) = client
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 2, "naam": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // If-Match: * writes and deletes whatever version is current.
    let any = client
        .request(reqwest::Method::PATCH, &item)
        .header("If-Match", "*")
        .json(&json!({"naam": "Wat er ook staat"}))
        .send()
        .await
        .expect("send");
    assert_eq!(any.status(), StatusCode::OK);
    assert_eq!(etag(&any), "\"6\"");
    let deleted = client
        .request(reqwest::Method::DELETE, &item)
        .header("If-Match", "\"6\"")
        .send()
        .await
        .expect("send");
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let (status, _) = client.get(&item).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Business cases the same.
    let (status, created) = client
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/businesscases",
            business_case_body("Conditioneel"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let case = format!(
        "/api/v1/organisaties/gemeente-a/businesscases/{}",
        created["id"].as_str().unwrap_or("")
    );
    let response = client
        .request(reqwest::Method::GET, &case)
        .send()
        .await
        .expect("get");
    assert_eq!(etag(&response), "\"1\"");
    let body = business_case_body("Conditioneel, herzien");
    let replaced = client
        .request(reqwest::Method::PUT, &case)
        .header("If-Match", "\"1\"")
        .json(&body)
        .send()
        .await
        .expect("send");
    assert_eq!(replaced.status(), StatusCode::OK);
    assert_eq!(etag(&replaced), "\"2\"");
    let stale = client
        .request(reqwest::Method::DELETE, &case)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .expect("send");
    assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
    let (status, _) = client.get(&case).await;
    assert_eq!(status, StatusCode::OK, "the stale DELETE deleted nothing");
}

fn business_case_body(name: &str) -> Value {
    json!({
        "naam": name, "startjaar": 2027, "looptijdJaren": 5,
        "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": 200000.0}]},
        "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": 170000.0}]}
    })
}

/// RFC 7396: an object merges into the object it patches, a null removes the member at any
/// depth, anything else replaces.
async fn patch_is_a_json_merge_patch(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let id = app
        .create(
            app.org_a,
            EntityKind::Application,
            json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik", "softwareversie": "8.4",
                "eigenschappen": {"x": "1", "y": "2"}}),
        )
        .await;
    let item = format!("/api/v1/organisaties/gemeente-a/applicaties/{id}");
    let (status, patched) = client
        .send_json(
            reqwest::Method::PATCH,
            &item,
            json!({"versie": 1, "eigenschappen": {"z": "3"}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(
        patched["eigenschappen"],
        json!({"x": "1", "y": "2", "z": "3"})
    );
    let (status, patched) = client
        .send_json(
            reqwest::Method::PATCH,
            &item,
            json!({"versie": 2, "eigenschappen": {"x": null}, "softwareversie": null}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["eigenschappen"], json!({"y": "2", "z": "3"}));
    assert!(
        patched.get("softwareversie").is_none_or(Value::is_null),
        "{patched}"
    );
    assert_eq!(patched["naam"], "Zaaksysteem");
}

/// Below /api/v1 every error is problem+json (an unknown address, a method a route does not
/// take, with `Allow`), a body that is not JSON is 415, and pages and assets are compressed,
/// the assets cached for a year at their versioned address.
async fn http_as_its_standards_say(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let problem_json = |r: &reqwest::Response| {
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("application/problem+json"))
    };
    let unknown = client
        .request(reqwest::Method::GET, "/api/v1/bestaat-niet")
        .send()
        .await
        .expect("send");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(problem_json(&unknown));
    let body: Value = unknown.json().await.expect("a problem body");
    assert_eq!(body["status"], 404);
    let wrong_method = client
        .request(reqwest::Method::DELETE, "/api/v1/organisaties")
        .send()
        .await
        .expect("send");
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(problem_json(&wrong_method));
    assert!(wrong_method.headers().get("allow").is_some());
    let body: Value = wrong_method.json().await.expect("a problem body");
    assert_eq!(body["status"], 405);
    let text = client
        .request(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/personen",
        )
        .header("content-type", "text/plain")
        .body("naam=Jan")
        .send()
        .await
        .expect("send");
    assert_eq!(text.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(problem_json(&text));
    let merge = client
        .request(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/personen",
        )
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"naam": "Jan"}"#)
        .send()
        .await
        .expect("send");
    assert_eq!(merge.status(), StatusCode::CREATED, "+json is JSON");
    let count = app.store.element_counts(app.org_a).await.expect("counts");
    assert_eq!(
        count.get(&EntityKind::Person),
        Some(&1),
        "the text/plain body wrote nothing"
    );

    // Compression and caching of the vendored assets, at the address the pages use.
    let page = reqwest::get(app.url("/inloggen")).await.expect("page");
    let html = page.text().await.expect("html");
    let start = html.find("/static/").expect("an asset address");
    let css: String = html[start..].chars().take_while(|c| *c != '"').collect();
    let plain = reqwest::Client::new();
    let asset = plain
        .get(app.url(&css))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("asset");
    assert_eq!(asset.status(), StatusCode::OK);
    assert_eq!(
        asset
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    assert_eq!(
        asset
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("public, max-age=31536000, immutable")
    );
    let stale = plain
        .get(app.url(&css.replacen("/static/", "/static/oud-", 1)))
        .send()
        .await
        .expect("asset");
    assert_eq!(
        stale
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-cache"),
        "an old address is not cached as if it were current"
    );
}

async fn deleting_with_dependents(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let contract = app
        .create(
            app.org_a,
            EntityKind::Contract,
            json!({"naam": "Hosting", "leverancierId": app.other_supplier_a.to_string()}),
        )
        .await;
    let item = format!(
        "/api/v1/organisaties/gemeente-a/leveranciers/{}",
        app.other_supplier_a
    );
    let (status, problem) = client.delete(&item).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["afhankelijken"][0]["id"], contract.to_string());
    assert_eq!(problem["afhankelijken"][0]["soort"], "contracten");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("Hosting")
    );
    let (status, _) = client
        .get(&format!(
            "/api/v1/organisaties/gemeente-a/contracten/{contract}"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "nothing deleted");
    let (status, _) = client.delete(&format!("{item}?trapsgewijs=true")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = client
        .get(&format!(
            "/api/v1/organisaties/gemeente-a/contracten/{contract}"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = client.delete(&format!("{item}?onbekend=1")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

async fn cross_site_posts_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let login = client
        .post(app.url("/inloggen"))
        .form(&[
            ("email", "regisseur@test.nl"),
            ("wachtwoord", PASSWORD),
            ("terug", "/"),
        ])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    let set_cookie = login
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("cookie")
        .to_string();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    let cross = client
        .post(app.url("/api/v1/organisaties/gemeente-a/personen"))
        .header("Sec-Fetch-Site", "cross-site")
        .header("Origin", "https://kwaadaardig.example")
        .json(&json!({"naam": "Ingeschoven"}))
        .send()
        .await
        .expect("send");
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    let form = client
        .post(app.url("/o/gemeente-a/personen"))
        .header("Origin", "https://kwaadaardig.example")
        .form(&[("naam", "Ingeschoven")])
        .send()
        .await
        .expect("send");
    assert_eq!(form.status(), StatusCode::FORBIDDEN);
    let same = client
        .post(app.url("/api/v1/organisaties/gemeente-a/personen"))
        .header("Sec-Fetch-Site", "same-origin")
        .json(&json!({"naam": "Eigen site"}))
        .send()
        .await
        .expect("send");
    assert_eq!(
        same.status(),
        StatusCode::CREATED,
        "the session cookie authenticates the API"
    );
    let count = app.store.element_counts(app.org_a).await.expect("counts");
    assert_eq!(count.get(&EntityKind::Person), Some(&1));
}

async fn login_is_throttled(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for _ in 0..5 {
        let response = client
            .post(app.url("/inloggen"))
            .form(&[("email", "lezer@test.nl"), ("wachtwoord", "fout")])
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let blocked = client
        .post(app.url("/inloggen"))
        .form(&[("email", "lezer@test.nl"), ("wachtwoord", PASSWORD)])
        .send()
        .await
        .expect("send");
    assert_eq!(
        blocked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(blocked.headers().get("retry-after").is_some());
    let other = client
        .post(app.url("/inloggen"))
        .form(&[("email", "regisseur@test.nl"), ("wachtwoord", PASSWORD)])
        .send()
        .await
        .expect("send");
    assert_eq!(
        other.status(),
        StatusCode::SEE_OTHER,
        "another account is not blocked"
    );
}

/// Forty wrong passwords sent at once: no more of them are checked than five in a row, and
/// together with the ones after it no more than a sequence gets; then even the right password
/// waits.
async fn a_burst_of_logins_gets_no_more_tries_than_a_sequence(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let url = app.url("/inloggen");
    let attempts = (0..40).map(|_| {
        let client = client.clone();
        let url = url.clone();
        tokio::spawn(async move {
            client
                .post(url)
                .form(&[("email", "lezer@test.nl"), ("wachtwoord", "fout")])
                .send()
                .await
                .map(|r| r.status())
        })
    });
    let mut statuses = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        statuses.push(attempt.await.expect("task").expect("send"));
    }
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked + refused, 40, "{statuses:?}");
    assert!(
        checked <= regisseur_domain::access::LOGIN_MAX_FAILURES_PER_ACCOUNT as usize,
        "{checked} passwords checked in a burst"
    );
    // What the burst left of the five tries, a sequence may still use; then the account waits.
    let mut more = 0;
    loop {
        let status = client
            .post(app.url("/inloggen"))
            .form(&[("email", "lezer@test.nl"), ("wachtwoord", "fout")])
            .send()
            .await
            .expect("send")
            .status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        more += 1;
        assert!(checked + more <= 5, "more tries than a sequence gets");
    }
    assert_eq!(checked + more, 5);
    let blocked = client
        .post(app.url("/inloggen"))
        .form(&[("email", "lezer@test.nl"), ("wachtwoord", PASSWORD)])
        .send()
        .await
        .expect("send");
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
}

async fn paging_and_parameters_are_checked(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    for i in 0..7 {
        app.create(
            app.org_a,
            EntityKind::Person,
            json!({"naam": format!("Persoon {i}")}),
        )
        .await;
    }
    let (_, page) = client
        .get("/api/v1/organisaties/gemeente-a/personen?pagina=2&paginaGrootte=3")
        .await;
    assert_eq!(page["totaal"], 7);
    assert_eq!(page["pagina"], 2);
    assert_eq!(page["resultaten"].as_array().map(Vec::len), Some(3));
    assert_eq!(page["resultaten"][0]["naam"], "Persoon 3");
    let (_, default) = client.get("/api/v1/organisaties/gemeente-a/personen").await;
    assert_eq!(default["paginaGrootte"], 50);
    for bad in [
        "paginaGrootte=501",
        "paginaGrootte=0",
        "pagina=0",
        "pagina=x",
        "onbekend=1",
        "sorteer=kleur",
        "bedrijfskritisch=misschien",
    ] {
        let (status, problem) = client
            .get(&format!(
                "/api/v1/organisaties/gemeente-a/applicaties?{bad}"
            ))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            problem["invalidParams"]
                .as_array()
                .is_some_and(|p| !p.is_empty()),
            "{bad}: {problem}"
        );
    }
    let (status, _) = client
        .get("/api/v1/organisaties/gemeente-a/applicaties?paginaGrootte=500")
        .await;
    assert_eq!(status, StatusCode::OK);
}

async fn audit_trail_records_changes(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client("regisseur");
    let (_, created) = client
        .send_json(
            reqwest::Method::POST,
            "/api/v1/organisaties/gemeente-a/personen",
            json!({"naam": "Aud It"}),
        )
        .await;
    let id = created["id"].as_str().expect("id").to_string();
    client
        .send_json(
            reqwest::Method::PATCH,
            &format!("/api/v1/organisaties/gemeente-a/personen/{id}"),
            json!({"versie": 1, "functie": "CIO"}),
        )
        .await;
    client
        .delete(&format!("/api/v1/organisaties/gemeente-a/personen/{id}"))
        .await;
    let (status, audit) = client
        .get(&format!(
            "/api/v1/organisaties/gemeente-a/audit?entiteitId={id}"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(audit["totaal"], 3);
    let actions: Vec<&str> = audit["resultaten"]
        .as_array()
        .expect("a")
        .iter()
        .filter_map(|e| e["actie"].as_str())
        .collect();
    assert_eq!(actions, vec!["verwijderd", "gewijzigd", "aangemaakt"]);
    let change = &audit["resultaten"][1];
    assert_eq!(change["entiteit"], "persoon");
    assert_eq!(change["entiteitId"], id);
    assert_eq!(change["gebruiker"], "regisseur@test.nl");
    assert!(change["tijdstip"].is_string());
    assert_eq!(change["oudeWaarde"]["functie"], Value::Null);
    assert_eq!(change["nieuweWaarde"]["functie"], "CIO");
    let (status, _) = client
        .get("/api/v1/organisaties/gemeente-a/audit?entiteit=kleur")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

async fn forms_work_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let page = client
        .get(app.url("/o/gemeente-a/applicaties"))
        .send()
        .await
        .expect("get");
    assert_eq!(page.status(), StatusCode::SEE_OTHER, "login first");
    let login_page = client.get(app.url("/inloggen")).send().await.expect("get");
    let csp = login_page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(
        login_page
            .headers()
            .get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    client
        .post(app.url("/inloggen"))
        .form(&[("email", "regisseur@test.nl"), ("wachtwoord", PASSWORD)])
        .send()
        .await
        .expect("login");
    let bad = client
        .post(app.url("/o/gemeente-a/applicaties"))
        .form(&[
            ("naam", ""),
            ("levenscyclus", "in-gebruik"),
            ("jaarkostenCenten", "veel geld"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let html = bad.text().await.expect("html");
    assert!(
        html.contains("Dit veld is verplicht.") && html.contains("Geen geldig bedrag"),
        "field errors shown"
    );
    assert!(html.contains("aria-invalid=\"true\""));
    let good = client
        .post(app.url("/o/gemeente-a/applicaties"))
        .form(&[
            ("naam", "Formulierpakket"),
            ("levenscyclus", "in-gebruik"),
            ("jaarkostenCenten", "€ 12.345,67"),
            ("bedrijfskritisch", "ja"),
            ("leverancierId", &app.supplier_a.to_string()),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let location = good
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string();
    let detail = client
        .get(app.url(&location))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(
        detail.contains("Formulierpakket")
            && detail.contains("€ 12.345,67")
            && detail.contains("Leverancier Eigen")
    );
    let list = client
        .get(app.url("/o/gemeente-a/applicaties?zoek=formulier"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(list.contains("Formulierpakket"));
    let supplier_page = client
        .get(app.url(&format!("/o/gemeente-a/leveranciers/{}", app.supplier_a)))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(
        supplier_page.contains("Formulierpakket"),
        "relations both ways: the supplier shows its application"
    );
    let delete = client
        .post(app.url(&format!(
            "/o/gemeente-a/leveranciers/{}/verwijderen",
            app.supplier_a
        )))
        .form(&[("x", "y")])
        .send()
        .await
        .expect("post");
    assert_eq!(
        delete.status(),
        StatusCode::CONFLICT,
        "dependents block the delete"
    );
    let switch = client
        .post(app.url("/taal"))
        .form(&[("taal", "en"), ("terug", "/o/gemeente-a")])
        .send()
        .await
        .expect("post");
    assert_eq!(switch.status(), StatusCode::SEE_OTHER);
    let english = client
        .get(app.url("/o/gemeente-a"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(english.contains("lang=\"en\"") && english.contains("What needs attention now"));
}

async fn import_page_previews_then_imports(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in("regisseur").await;
    let upload = |csv: &'static str| {
        let part = reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("lijst.csv");
        reqwest::multipart::Form::new().part("bestand", part)
    };
    // A bad row: the preview names it and offers nothing to confirm.
    let bad = client
        .post(app.url("/o/gemeente-a/importeren"))
        .multipart(upload("naam;status\nZaaksysteem;kapot\n"))
        .send()
        .await
        .expect("post");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let html = bad.text().await.expect("html");
    assert!(
        html.contains("kapot")
            && html.contains("Onbekende status")
            && !html.contains("/importeren/0"),
        "problem on its row"
    );
    // A good file: preview, then confirm.
    let good = client
        .post(app.url("/o/gemeente-a/importeren"))
        .multipart(upload("naam;leverancier;status\nZaaksysteem;Leverancier Eigen;in gebruik\nWebsite;SIMgroep;gepland\n"))
        .send()
        .await
        .expect("post");
    assert_eq!(good.status(), StatusCode::OK);
    let html = good.text().await.expect("html");
    let action = html
        .split("action=\"")
        .filter_map(|p| p.split('"').next())
        .find(|a| a.starts_with("/o/gemeente-a/importeren/"))
        .expect("confirm form")
        .to_string();
    assert_eq!(
        app.store
            .element_counts(app.org_a)
            .await
            .expect("counts")
            .get(&EntityKind::Application),
        None,
        "the preview wrote nothing"
    );
    let confirmed = client.post(app.url(&action)).send().await.expect("confirm");
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let counts = app.store.element_counts(app.org_a).await.expect("counts");
    assert_eq!(counts.get(&EntityKind::Application), Some(&2));
    assert_eq!(
        counts.get(&EntityKind::Supplier),
        Some(&3),
        "the existing supplier is reused, SIMgroep is new"
    );
    let again = client
        .post(app.url(&action))
        .send()
        .await
        .expect("confirm twice");
    assert_eq!(
        again.status(),
        StatusCode::NOT_FOUND,
        "an upload is imported once"
    );
    // Downloads.
    let xlsx = client
        .get(app.url("/o/gemeente-a/exporteren/register.xlsx"))
        .send()
        .await
        .expect("get");
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(
        xlsx.headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("register-gemeente-a"))
    );
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"));
    let csv = client
        .get(app.url("/o/gemeente-a/exporteren/applicaties.csv"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(csv.contains("Zaaksysteem;") && csv.contains("Website;"));
    let unknown = client
        .get(app.url("/o/gemeente-a/exporteren/register.pdf"))
        .send()
        .await
        .expect("get");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    // Readers may export but not import; suppliers may do neither.
    let reader = app.client("lezer");
    let response = reader
        .request(
            reqwest::Method::GET,
            "/o/gemeente-a/exporteren/applicaties.csv",
        )
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    let response = reader
        .request(reqwest::Method::POST, "/o/gemeente-a/importeren")
        .multipart(upload("naam\nX\n"))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let supplier = app.client("leverancier");
    let response = supplier
        .request(
            reqwest::Method::GET,
            "/o/gemeente-a/exporteren/register.xlsx",
        )
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

async fn import_page_takes_the_gemma_model(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in("regisseur").await;
    let gemma = std::fs::read(format!(
        "{}/../../tests/fixtures/gemma-ameff.xml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    assert!(
        gemma.len() > 2 * 1024 * 1024,
        "larger than axum's default limit"
    );
    let part = reqwest::multipart::Part::bytes(gemma).file_name("gemma.xml");
    let preview = client
        .post(app.url("/o/gemeente-a/importeren"))
        .multipart(reqwest::multipart::Form::new().part("bestand", part))
        .send()
        .await
        .expect("post");
    assert_eq!(preview.status(), StatusCode::OK);
    let html = preview.text().await.expect("html");
    assert!(html.contains("<td class=\"utrecht-table__cell\">Architectuurelementen</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data\">3006</td>"), "counts per kind");
    assert!(html.contains("rijen zonder problemen zijn niet getoond"));
    let action = html
        .split("action=\"")
        .filter_map(|p| p.split('"').next())
        .find(|a| a.starts_with("/o/gemeente-a/importeren/"))
        .expect("confirm form")
        .to_string();
    let confirmed = client.post(app.url(&action)).send().await.expect("confirm");
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let counts = app.store.element_counts(app.org_a).await.expect("counts");
    assert_eq!(counts.get(&EntityKind::ModelElement), Some(&3006));
    assert!(counts.get(&EntityKind::Relation) >= Some(&6253));

    let model = client
        .get(app.url("/o/gemeente-a/exporteren/model.xml"))
        .send()
        .await
        .expect("get");
    assert_eq!(model.status(), StatusCode::OK);
    assert!(
        model
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/xml"))
    );
    let xml = model.text().await.expect("text");
    assert!(xml.starts_with("<?xml") && xml.contains("Zaakregistratiecomponent"));

    // The reference data is enriched: an application's reference component now links to its
    // place in the GEMMA model.
    let zaak = regisseur_domain::reference::ReferenceCatalog::gemma()
        .by_name("Zaakregistratiecomponent")
        .expect("in the catalogue")
        .id
        .clone();
    let gemma_elements = app
        .store
        .reference_component_elements(app.org_a)
        .await
        .expect("elements");
    assert_eq!(
        gemma_elements.len(),
        regisseur_domain::reference::ReferenceCatalog::gemma()
            .all()
            .len()
    );
    let application = app
        .create(
            app.org_a,
            EntityKind::Application,
            json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik", "referentiecomponentIds": [zaak]}),
        )
        .await;
    let page = client
        .get(app.url(&format!("/o/gemeente-a/applicaties/{application}")))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    let link = format!(
        "/o/gemeente-a/architectuurelementen/{}",
        gemma_elements[&zaak]
    );
    assert!(page.contains(&link), "links to the GEMMA element");
}

async fn quality_report_settings_and_confirmations(backend: Backend) {
    let app = spawn_app(backend).await;
    let path = "/api/v1/organisaties/gemeente-a/kwaliteit";
    // The owner of the application is the reader (a person with the reader's e-mail address).
    let owner = app
        .create(
            app.org_a,
            EntityKind::Person,
            json!({"naam": "Lies Lezer", "email": "lezer@test.nl"}),
        )
        .await;
    let application = app
        .create(
            app.org_a,
            EntityKind::Application,
            json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik", "eigenaarId": owner.to_string()}),
        )
        .await;
    app.create(
        app.org_a,
        EntityKind::Application,
        json!({"naam": "Zonder eigenaar", "levenscyclus": "in-gebruik"}),
    )
    .await;

    let (status, report) = app.client("lezer").get(path).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert!(report["score"].is_number());
    assert!(report["scorePerGebied"]["documentatie"].is_number());
    let findings = report["bevindingen"].as_array().expect("bevindingen");
    let rules_of = |report: &Value, name: &str| -> Vec<String> {
        report["bevindingen"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["elementNaam"] == name)
            .filter_map(|f| f["regel"].as_str().map(str::to_string))
            .collect()
    };
    assert!(
        findings
            .iter()
            .all(|f| f["melding"].is_string() && f["gebied"].is_string())
    );
    assert!(rules_of(&report, "Zonder eigenaar").contains(&"applicatie-zonder-eigenaar".into()));
    assert!(!rules_of(&report, "Zaaksysteem").contains(&"applicatie-zonder-eigenaar".into()));
    assert!(rules_of(&report, "Zaaksysteem").contains(&"gegevens-niet-bevestigd".into()));
    // As of another day; a bad day is named.
    let (status, dated) = app
        .client("lezer")
        .get(&format!("{path}?peildatum=2030-01-01"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(dated["peildatum"], "2030-01-01");
    let (status, problem) = app
        .client("lezer")
        .get(&format!("{path}?peildatum=morgen"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["invalidParams"][0]["name"], "peildatum");
    // Suppliers do not see the organisation's quality; other organisations do not exist.
    assert_eq!(
        app.client("leverancier").get(path).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.client("regisseur-b").get(path).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.client("anonymous").get(path).await.0,
        StatusCode::UNAUTHORIZED
    );

    // Settings: only a beheerder changes them; an unknown rule is named and nothing changes.
    let settings = "/api/v1/organisaties/gemeente-a/kwaliteit/instellingen";
    let (status, current) = app.client("lezer").get(settings).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(current["opzegtermijnDagen"], 90);
    let off = json!({"regels": {"applicatie-zonder-eigenaar": {"aan": false}}});
    let (status, _) = app
        .client("regisseur")
        .send_json(reqwest::Method::PUT, settings, off.clone())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, problem) = app
        .client("beheerder")
        .send_json(
            reqwest::Method::PUT,
            settings,
            json!({"regels": {"bestaat-niet": {"aan": false}}, "opzegtermijnDagen": 0}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    let names: Vec<&str> = problem["invalidParams"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        names.contains(&"regels.bestaat-niet") && names.contains(&"opzegtermijnDagen"),
        "{problem}"
    );
    assert_eq!(
        app.client("lezer").get(settings).await.1,
        current,
        "nothing changed"
    );
    let (status, saved) = app
        .client("beheerder")
        .send_json(reqwest::Method::PUT, settings, off)
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, report) = app.client("lezer").get(path).await;
    assert!(!rules_of(&report, "Zonder eigenaar").contains(&"applicatie-zonder-eigenaar".into()));

    // Confirmation: not by someone else; by the owner; withdrawn by someone else's edit.
    let confirm = format!("/api/v1/organisaties/gemeente-a/applicaties/{application}/bevestiging");
    let (status, _) = app
        .client("regisseur")
        .send_json(reqwest::Method::POST, &confirm, json!({}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, confirmed) = app
        .client("lezer")
        .send_json(reqwest::Method::POST, &confirm, json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(confirmed["bevestigdDoor"], "lezer@test.nl");
    let (_, report) = app.client("lezer").get(path).await;
    assert!(!rules_of(&report, "Zaaksysteem").contains(&"gegevens-niet-bevestigd".into()));
    let item = format!("/api/v1/organisaties/gemeente-a/applicaties/{application}");
    let (status, changed) = app
        .client("regisseur")
        .send_json(
            reqwest::Method::PATCH,
            &item,
            json!({"versie": 1, "softwareversie": "2.0"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    let (_, report) = app.client("lezer").get(path).await;
    assert!(
        rules_of(&report, "Zaaksysteem").contains(&"gegevens-niet-bevestigd".into()),
        "withdrawn"
    );
    // Only kinds with an owner can be confirmed.
    let supplier = format!(
        "/api/v1/organisaties/gemeente-a/leveranciers/{}/bevestiging",
        app.supplier_a
    );
    let (status, _) = app
        .client("beheerder")
        .send_json(reqwest::Method::POST, &supplier, json!({}))
        .await;
    assert!(
        status == StatusCode::NOT_FOUND || status == StatusCode::METHOD_NOT_ALLOWED,
        "{status}"
    );
    // The report's score was recorded for today's trend.
    let history = app
        .store
        .score_history(app.org_a, 10)
        .await
        .expect("history");
    assert_eq!(history.len(), 1);
}

async fn quality_pages_work_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create(
        app.org_a,
        EntityKind::Application,
        json!({"naam": "Zonder eigenaar", "levenscyclus": "in-gebruik"}),
    )
    .await;
    let client = app.logged_in("beheerder").await;
    let get = |path: &str| {
        let client = client.clone();
        let url = app.url(path);
        async move {
            let response = client.get(url).send().await.expect("get");
            let status = response.status();
            (status, response.text().await.expect("html"))
        }
    };
    let (status, html) = get("/o/gemeente-a/kwaliteit").await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "Kwaliteit: is de basis op orde?",
        "Applicatie zonder eigenaar",
        "Score per gebied",
        "Hoe de score wordt berekend",
        "/bewerken",
    ] {
        assert!(html.contains(expected), "{expected} missing");
    }
    let (_, filtered) =
        get("/o/gemeente-a/kwaliteit?ernst=info&regel=applicatie-zonder-eigenaar").await;
    assert!(filtered.contains("Geen bevindingen met deze filters."));
    let (_, dashboard) = get("/o/gemeente-a").await;
    assert!(
        dashboard.contains("Kwaliteit van de basis")
            && dashboard.contains("Applicatie zonder eigenaar")
    );
    // Settings through the form: switch the owner rule off, then the finding is gone.
    let (status, form) = get("/o/gemeente-a/kwaliteit/instellingen").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("name=\"aan.applicatie-zonder-eigenaar\""));
    let mut fields: Vec<(String, String)> = regisseur_domain::quality::RULES
        .iter()
        .filter(|r| r.code != "applicatie-zonder-eigenaar")
        .map(|r| (format!("aan.{}", r.code), "ja".to_string()))
        .collect();
    fields.push(("opzegtermijnDagen".into(), "nul".into()));
    let bad = client
        .post(app.url("/o/gemeente-a/kwaliteit/instellingen"))
        .form(&fields)
        .send()
        .await
        .expect("post");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text()
            .await
            .expect("html")
            .contains("aria-invalid=\"true\"")
    );
    fields.pop();
    fields.push(("opzegtermijnDagen".into(), "120".into()));
    let saved = client
        .post(app.url("/o/gemeente-a/kwaliteit/instellingen"))
        .form(&fields)
        .send()
        .await
        .expect("post");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let settings = app
        .store
        .quality_settings(app.org_a)
        .await
        .expect("settings");
    assert!(!settings.enabled(regisseur_domain::quality::RuleId::ApplicationWithoutOwner));
    assert_eq!(settings.thresholds.notice_days, 120);
    let (_, html) = get("/o/gemeente-a/kwaliteit").await;
    assert!(!html.contains("Applicatie in gebruik zonder eigenaar."));
    // The element page shows its own findings and lets a beheerder confirm it.
    let id = app
        .store
        .list_elements(
            app.org_a,
            EntityKind::Application,
            &regisseur_store::ListQuery::default(),
        )
        .await
        .expect("list")
        .items[0]
        .id;
    let (_, detail) = get(&format!("/o/gemeente-a/applicaties/{id}")).await;
    assert!(
        detail.contains("Nog niet bevestigd door de eigenaar.") && detail.contains("/bevestigen")
    );
    let confirmed = client
        .post(app.url(&format!("/o/gemeente-a/applicaties/{id}/bevestigen")))
        .send()
        .await
        .expect("post");
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let (_, detail) = get(&format!("/o/gemeente-a/applicaties/{id}?bevestigd")).await;
    assert!(detail.contains("Bevestigd op") && detail.contains("beheerder@test.nl"));
}

async fn koers_and_gereedheid_work_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in("regisseur").await;
    let get = |path: &str| {
        let client = client.clone();
        let url = app.url(path);
        async move {
            let response = client.get(url).send().await.expect("get");
            let status = response.status();
            (status, response.text().await.expect("html"))
        }
    };
    let post = |path: &str, form: Vec<(String, String)>| {
        let client = client.clone();
        let url = app.url(path);
        async move {
            let response = client.post(url).form(&form).send().await.expect("post");
            let status = response.status();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            (status, location, response.text().await.expect("html"))
        }
    };
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    // No goals yet: the advice says not yet, and why.
    let (status, html) = get("/o/gemeente-a/gereedheid").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Nog niet uitbesteden"), "verdict shown");
    assert!(html.contains("geen doel met een meetbare KPI"));
    assert!(
        html.contains("<svg class=\"rg-radar\"")
            && html.contains("<desc id=\"radar-beschrijving\">")
    );
    // A goal with a bad KPI date is refused with the field named; then saved.
    let (status, _, html) = post(
        "/o/gemeente-a/koers/nieuw",
        pairs(&[
            ("titel", "Werkplek 99,8%"),
            ("domeinen", "werkplek"),
            ("kpis[0].meting", "Beschikbaarheid"),
            ("kpis[0].nulwaarde", "98,6"),
            ("kpis[0].nulmetingDatum", "2026-01-01"),
            ("kpis[0].streefwaarde", "99,8"),
            ("kpis[0].streefdatum", "gisteren"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("kpis[0].streefdatum") && html.contains("aria-invalid=\"true\""));
    assert!(
        html.contains("value=\"Werkplek 99,8%\""),
        "what was typed stays"
    );
    let (status, location, _) = post(
        "/o/gemeente-a/koers/nieuw",
        pairs(&[
            ("titel", "Werkplek 99,8%"),
            ("domeinen", "werkplek"),
            ("kpis[0].meting", "Beschikbaarheid"),
            ("kpis[0].nulwaarde", "98,6"),
            ("kpis[0].nulmetingDatum", "2026-01-01"),
            ("kpis[0].streefwaarde", "99,8"),
            ("kpis[0].streefdatum", "2027-12-31"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let goals = app.store.goals(app.org_a).await.expect("goals");
    assert_eq!(goals.len(), 1);
    assert!(goals[0].goal.has_measurable_kpi());
    assert_eq!(goals[0].goal.kpis[0].target, Some(99.8));
    let (_, html) = get("/o/gemeente-a/koers").await;
    assert!(html.contains("Werkplek 99,8%") && html.contains("99,8"));
    // Domain choices through the table form.
    let (status, _, _) = post(
        "/o/gemeente-a/koers/domeinen",
        pairs(&[
            ("huidig.hosting-en-datacenter", "zelf"),
            ("beoogd.hosting-en-datacenter", "markt"),
            ("motivering.hosting-en-datacenter", "Serverruimte sluit"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store
            .domain_choices(app.org_a)
            .await
            .expect("choices")
            .len(),
        1
    );
    // Start an assessment, answer a dimension (one bad level is named), finalise.
    let (status, location, _) = post("/o/gemeente-a/gereedheid/start", vec![]).await;
    assert_eq!(
        (status, location.as_str()),
        (
            StatusCode::SEE_OTHER,
            "/o/gemeente-a/gereedheid/vragen/strategie"
        )
    );
    let (_, html) = get("/o/gemeente-a/gereedheid/vragen/strategie").await;
    assert!(html.contains("name=\"niveau.strategie-1\"") && html.contains("0</strong> —"));
    let (status, _, html) = post(
        "/o/gemeente-a/gereedheid/vragen/strategie",
        pairs(&[("niveau.strategie-1", "3"), ("niveau.strategie-2", "9")]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("niveau"));
    let (status, location, _) = post(
        "/o/gemeente-a/gereedheid/vragen/strategie",
        pairs(&[
            ("niveau.strategie-1", "3"),
            ("toelichting.strategie-1", "Visie vastgesteld"),
            ("niveau.strategie-2", "2"),
            ("volgende", "ja"),
        ]),
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (
            StatusCode::SEE_OTHER,
            "/o/gemeente-a/gereedheid/vragen/basis"
        )
    );
    let open = app
        .store
        .open_assessment(app.org_a)
        .await
        .expect("open")
        .expect("one");
    assert_eq!(
        open.answers.len(),
        2,
        "nothing of the refused form, then both"
    );
    let (_, html) = get("/o/gemeente-a/gereedheid").await;
    assert!(html.contains("2 van 37"), "progress shown");
    assert!(
        html.contains("Hosting en datacenter"),
        "the domain to hand over has its advice"
    );
    let (status, _, _) = post("/o/gemeente-a/gereedheid/vaststellen", vec![]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        app.store
            .open_assessment(app.org_a)
            .await
            .expect("open")
            .is_none()
    );
    let (_, html) = get("/o/gemeente-a/gereedheid?vastgesteld").await;
    assert!(html.contains("De toets is vastgesteld.") && html.contains("Eerdere toetsen"));
    // A reader answers but does not finalise or keep goals; a supplier sees none of it.
    let reader = app.logged_in("lezer").await;
    let response = reader
        .post(app.url("/o/gemeente-a/koers/nieuw"))
        .form(&[("titel", "x")])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = reader
        .post(app.url("/o/gemeente-a/gereedheid/start"))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = reader
        .post(app.url("/o/gemeente-a/gereedheid/vaststellen"))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // The API gives the same advice the page shows.
    let (status, advice) = app
        .client("lezer")
        .get("/api/v1/organisaties/gemeente-a/gereedheid")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(advice["oordeel"], "nog-niet");
    assert_eq!(advice["scorePerDimensie"]["strategie"], 2.5);
    assert!(advice["redenen"].as_array().is_some_and(|r| !r.is_empty()));
    assert!(
        advice["acties"]
            .as_array()
            .is_some_and(|a| !a.is_empty() && a.len() <= 10)
    );
    assert_eq!(advice["toets"]["status"], "concept");
    assert_eq!(advice["domeinen"][0]["domein"], "hosting-en-datacenter");
    assert_eq!(
        app.client("leverancier")
            .get("/api/v1/organisaties/gemeente-a/gereedheid")
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.client("regisseur-b")
            .get("/api/v1/organisaties/gemeente-a/gereedheid")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
}

async fn impact_scope_and_the_map(backend: Backend) {
    let app = spawn_app(backend).await;
    let server = app
        .create(
            app.org_a,
            EntityKind::Component,
            json!({"naam": "Server", "soort": "server", "archimateId": "id-server-01"}),
        )
        .await;
    let zaak = app
        .create(
            app.org_a,
            EntityKind::Application,
            json!({"naam": "Zaaksysteem", "levenscyclus": "in-gebruik", "bedrijfskritisch": true}),
        )
        .await;
    app.create(
        app.org_a,
        EntityKind::Relation,
        json!({"soort": "draait-op", "bronId": zaak.to_string(), "doelId": server.to_string()}),
    )
    .await;
    let other = app
        .create(
            app.org_b,
            EntityKind::Component,
            json!({"naam": "Elders", "soort": "server"}),
        )
        .await;
    let (status, impact) = app
        .client("lezer")
        .get(&format!("/api/v1/organisaties/gemeente-a/impact/{server}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{impact}");
    assert_eq!(impact["element"]["naam"], "Server");
    assert_eq!(impact["getroffen"][0]["naam"], "Zaaksysteem");
    assert_eq!(impact["getroffen"][0]["afstand"], 1);
    assert_eq!(impact["getroffen"][0]["bedrijfskritisch"], true);
    assert_eq!(
        impact["getroffen"][0]["pad"],
        json!([server.to_string(), zaak.to_string()])
    );
    // The same by the ArchiMate identifier the architect knows the server by.
    let (status, by_archimate) = app
        .client("lezer")
        .get("/api/v1/organisaties/gemeente-a/impact/id-server-01")
        .await;
    assert_eq!(status, StatusCode::OK, "{by_archimate}");
    assert_eq!(by_archimate, impact);
    let (status, _) = app
        .client("lezer")
        .get("/api/v1/organisaties/gemeente-a/impact/id-onbekend")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Another organisation's element is not found; a supplier sees none of this.
    let (status, _) = app
        .client("lezer")
        .get(&format!("/api/v1/organisaties/gemeente-a/impact/{other}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.client("leverancier")
            .get(&format!("/api/v1/organisaties/gemeente-a/impact/{server}"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // The graph follows the register: a new application on the server shows at once.
    app.create(
        app.org_a,
        EntityKind::Application,
        json!({"naam": "Tweede", "levenscyclus": "in-gebruik"}),
    )
    .await;
    let (status, scope) = app
        .client("lezer")
        .get("/api/v1/organisaties/gemeente-a/scope?domeinen=hosting-en-datacenter")
        .await;
    assert_eq!(status, StatusCode::OK, "{scope}");
    assert_eq!(scope["aantal"], 1);
    assert_eq!(scope["grensoverschrijdend"][0]["soort"], "draait-op");
    let (status, problem) = app
        .client("lezer")
        .get("/api/v1/organisaties/gemeente-a/scope?domeinen=hosting")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("hosting-en-datacenter")),
        "{problem}"
    );
    // The pages: scope with the cut and suppliers, impact with the map and its table.
    let client = app.logged_in("regisseur").await;
    let page = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move {
            let response = client.get(url).send().await.expect("get");
            (response.status(), response.text().await.expect("html"))
        }
    };
    let (status, html) = page("/o/gemeente-a/scope?domein=hosting-en-datacenter".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Koppelingen en relaties over de grens") && html.contains("Zaaksysteem"));
    let (status, html) = page(format!("/o/gemeente-a/impact/{server}?stappen=3")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("class=\"rg-map__svg\"") && html.contains("De kaart als tabel"));
    assert!(html.contains("Zaaksysteem"));
    let (status, _) = page(format!("/o/gemeente-a/impact/{other}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn business_cases_in_the_api(backend: Backend) {
    let app = spawn_app(backend).await;
    let collection = "/api/v1/organisaties/gemeente-a/businesscases";
    let input = json!({
        "naam": "Hosting", "startjaar": 2027, "looptijdJaren": 5,
        "bestaandeActiva": [{"naam": "Servers", "boekwaarde": 90000.0, "resterendeJaren": 3}],
        "eigenBeheer": {"kosten": [{"naam": "Personeel", "bedragPerJaar": {"min": 180000.0, "waarschijnlijk": 200000.0, "max": 260000.0}}]},
        "uitbesteed": {"kosten": [{"naam": "Dienst", "bedragPerJaar": 170000.0}],
                       "eenmalig": [{"naam": "Transitie", "jaar": 2027, "bedrag": 60000.0}]}
    });
    // Readers read, but only a regisseur or beheerder writes; suppliers see nothing.
    let (status, _) = app
        .client("lezer")
        .send_json(reqwest::Method::POST, collection, input.clone())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.client("leverancier").get(collection).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, created) = app
        .client("regisseur")
        .send_json(reqwest::Method::POST, collection, input.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_string();
    let outcome = &created["uitkomst"];
    assert_eq!(outcome["jaren"].as_array().map(Vec::len), Some(5));
    // Outsourced 2027: fee 170,000 + 4 % direction + transition + write-down of 90,000.
    assert_eq!(
        outcome["jaren"][0]["uitbesteed"]["exploitatielasten"],
        json!(326800.0)
    );
    assert_eq!(
        outcome["jaren"][0]["uitbesteed"]["opbouw"]["afwaardering"],
        json!(90000.0)
    );
    assert_eq!(outcome["monteCarlo"]["runs"], json!(10000));
    assert_eq!(
        outcome["tornado"][0]["invoer"],
        json!("eigenBeheer.kosten[0].bedragPerJaar")
    );
    // The same figures as the calculation itself.
    let expected: regisseur_domain::business_case::Input =
        serde_json::from_value(input.clone()).expect("input");
    assert_eq!(
        outcome["ncwVerschil"],
        expected.report_json(10_000, 1)["ncwVerschil"]
    );
    let (status, list) = app.client("lezer").get(collection).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["totaal"], json!(1));
    let (status, _) = app
        .client("regisseur-b")
        .get(&format!(
            "/api/v1/organisaties/gemeente-b/businesscases/{id}"
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another organisation's case is not there"
    );

    // Bad input: every problem named by its key path; unknown keys refused; nothing saved.
    let mut wrong = input.clone();
    wrong["uitbesteed"]["eenmalig"][0]["jaar"] = json!(2040);
    wrong["eigenBeheer"]["kosten"][0]["bedragPerJaar"]["min"] = json!(300000.0);
    let item = format!("{collection}/{id}");
    let (status, problem) = app
        .client("regisseur")
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 1, "invoer": wrong}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    let names: Vec<&str> = problem["invalidParams"]
        .as_array()
        .expect("params")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(names.contains(&"uitbesteed.eenmalig[0].jaar"), "{names:?}");
    assert!(
        names.contains(&"eigenBeheer.kosten[0].bedragPerJaar"),
        "{names:?}"
    );
    let mut unknown = input.clone();
    unknown["kleur"] = json!("rood");
    let (status, problem) = app
        .client("regisseur")
        .send_json(reqwest::Method::POST, collection, unknown)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        problem["detail"].as_str().unwrap_or("").contains("kleur"),
        "{problem}"
    );
    // Replacing needs the version read; a stale one conflicts.
    let mut longer = input.clone();
    longer["looptijdJaren"] = json!(8);
    let (status, _) = app
        .client("regisseur")
        .send_json(reqwest::Method::PUT, &item, longer.clone())
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "no version");
    let (status, _) = app
        .client("regisseur")
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 7, "invoer": longer}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, replaced) = app
        .client("regisseur")
        .send_json(
            reqwest::Method::PUT,
            &item,
            json!({"versie": 1, "invoer": longer}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{replaced}");
    assert_eq!(replaced["versie"], json!(2));
    assert_eq!(
        replaced["uitkomst"]["jaren"].as_array().map(Vec::len),
        Some(8)
    );
    let (status, _) = app.client("regisseur").delete(&item).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app.client("regisseur").get(&item).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn business_case_pages_work_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.logged_in("regisseur").await;
    let post = |path: &str, form: Vec<(&str, &str)>| {
        let client = client.clone();
        let url = app.url(path);
        let form: Vec<(String, String)> = form
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        async move {
            let response = client.post(url).form(&form).send().await.expect("post");
            let status = response.status();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            (status, location, response.text().await.expect("html"))
        }
    };
    let get = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move {
            let response = client.get(url).send().await.expect("get");
            let status = response.status();
            let kind = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            (status, kind, response.bytes().await.expect("body").to_vec())
        }
    };
    let (status, _, html) = get("/o/gemeente-a/businesscase/nieuw".into()).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(html).expect("utf-8");
    assert!(html.contains("name=\"eigenBeheer.kosten[0].bedragPerJaar.waarschijnlijk\""));
    assert!(html.contains("data-hx-post=\"/o/gemeente-a/businesscase/controle\""));
    let mut form = vec![
        ("naam", "Hosting en werkplek"),
        ("startjaar", "2027"),
        ("looptijdJaren", "6"),
        ("discontovoet", "2,25"),
        ("omslagrente", "2"),
        ("uitbesteed.regiePercentage", "4"),
        ("afschrijvingStart", "volgend-jaar"),
        ("eigenBeheer.kosten[0].naam", "Personeel"),
        ("eigenBeheer.kosten[0].bedragPerJaar.min", "450.000"),
        (
            "eigenBeheer.kosten[0].bedragPerJaar.waarschijnlijk",
            "480.000",
        ),
        ("eigenBeheer.kosten[0].bedragPerJaar.max", "540.000"),
        ("eigenBeheer.investeringen[0].naam", "Opslag"),
        ("eigenBeheer.investeringen[0].jaar", "2028"),
        (
            "eigenBeheer.investeringen[0].bedrag.waarschijnlijk",
            "250.000",
        ),
        ("eigenBeheer.investeringen[0].afschrijvingsjaren", "0"),
        ("uitbesteed.kosten[0].naam", "Dienstverlening"),
        (
            "uitbesteed.kosten[0].bedragPerJaar.waarschijnlijk",
            "430.000",
        ),
        ("uitbesteed.eenmalig[0].naam", "Transitie"),
        ("uitbesteed.eenmalig[0].jaar", "2027"),
        ("uitbesteed.eenmalig[0].bedrag.waarschijnlijk", "300.000"),
    ];
    // Inline check: the problem lands in the field's own message slot.
    let (status, _, fragment) = post("/o/gemeente-a/businesscase/controle", form.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        fragment.contains("id=\"eigenBeheer-investeringen-0-afschrijvingsjaren-fout\" data-hx-swap-oob=\"true\">Moet tussen 1 en 100 liggen."),
        "{fragment}"
    );
    assert!(
        fragment.contains("id=\"naam-fout\" data-hx-swap-oob=\"true\"></span>"),
        "other slots are cleared"
    );
    // Saving refuses it with the field marked; what was typed stays.
    let (status, _, html) = post("/o/gemeente-a/businesscase/nieuw", form.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("href=\"#eigenBeheer-investeringen-0-afschrijvingsjaren\""),
        "summary links to the field"
    );
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("value=\"450.000\""));
    assert!(
        app.store
            .business_cases(app.org_a)
            .await
            .expect("list")
            .is_empty(),
        "nothing saved"
    );
    form.retain(|(k, _)| *k != "eigenBeheer.investeringen[0].afschrijvingsjaren");
    form.push(("eigenBeheer.investeringen[0].afschrijvingsjaren", "5"));
    let (status, _, fragment) = post("/o/gemeente-a/businesscase/controle", form.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(fragment.contains("De invoer is compleet."), "{fragment}");
    let (status, location, _) = post("/o/gemeente-a/businesscase/nieuw", form.clone()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cases = app.store.business_cases(app.org_a).await.expect("list");
    assert_eq!(cases.len(), 1);
    assert_eq!(
        cases[0].input.eigen_beheer.investeringen[0].afschrijvingsjaren,
        5
    );
    let here = location.split('?').next().unwrap_or_default().to_string();

    // The case: four charts, each with its table, and the outcome in words.
    let (status, _, html) = get(here.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(html).expect("utf-8");
    for chart in ["lasten", "kasstroom", "montecarlo", "tornado"] {
        assert!(
            html.contains(&format!(
                "aria-labelledby=\"{chart}-titel {chart}-beschrijving\""
            )),
            "{chart} chart"
        );
        assert!(
            html.contains(&format!("id=\"tabel-{chart}\"")),
            "{chart} table"
        );
    }
    assert!(
        html.contains("goedkoper dan eigen beheer") || html.contains("duurder dan eigen beheer")
    );
    assert!(
        html.contains("regisseur business-case hosting-en-werkplek.toml --runs 10000 --seed 1")
    );

    // A variant side by side.
    let (status, location, _) = post(&format!("{here}/kopie"), vec![]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("/bewerken"));
    let (_, _, html) = get("/o/gemeente-a/businesscase".into()).await;
    let html = String::from_utf8(html).expect("utf-8");
    assert!(html.contains("Hosting en werkplek (variant)") && html.contains("id=\"vergelijking\""));

    // Exports: the workbook and the TOML, which reads back as the same input.
    let (status, kind, bytes) = get(format!("{here}/businesscase.xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.contains("spreadsheetml"));
    assert!(bytes.starts_with(b"PK"), "an XLSX (zip) file");
    let (status, _, toml) = get(format!("{here}/businesscase.toml")).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(toml).expect("utf-8");
    let read = regisseur_interchange::business_case::read_toml(&text, regisseur_domain::Lang::Nl)
        .expect("reads back");
    assert_eq!(read, cases[0].input);

    // Import: a broken file names key and line and saves nothing; a good one is saved.
    let upload = |text: String| {
        reqwest::multipart::Form::new().part(
            "bestand",
            reqwest::multipart::Part::bytes(text.into_bytes()).file_name("case.toml"),
        )
    };
    let broken = text.replace("afschrijvingsjaren = 5", "afschrijvingsjaren = 0");
    let line = broken
        .lines()
        .position(|l| l.contains("afschrijvingsjaren = 0"))
        .expect("line")
        + 1;
    let response = client
        .post(app.url("/o/gemeente-a/businesscase/importeren"))
        .multipart(upload(broken))
        .send()
        .await
        .expect("import");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(
        html.contains(&format!(
            "eigenBeheer.investeringen[0].afschrijvingsjaren (regel {line})"
        )),
        "{html}"
    );
    assert_eq!(
        app.store
            .business_cases(app.org_a)
            .await
            .expect("list")
            .len(),
        2
    );
    let response = client
        .post(app.url("/o/gemeente-a/businesscase/importeren"))
        .multipart(upload(text))
        .send()
        .await
        .expect("import");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.store
            .business_cases(app.org_a)
            .await
            .expect("list")
            .len(),
        3
    );

    // A reader sees the cases but cannot change them.
    let reader = app.logged_in("lezer").await;
    let response = reader.get(app.url(&here)).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    let response = reader
        .post(app.url(&format!("{here}/verwijderen")))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let (status, location, _) = post(&format!("{here}/verwijderen"), vec![]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?verwijderd"));
}

async fn procurement_route_and_a_sealed_evaluation(backend: Backend) {
    let app = spawn_app(backend).await;
    let chair = app.logged_in("inkoper").await;
    let post = |client: &reqwest::Client, path: &str, form: Vec<(String, String)>| {
        let client = client.clone();
        let url = app.url(path);
        async move {
            let response = client.post(url).form(&form).send().await.expect("post");
            let status = response.status();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            (status, location, response.text().await.expect("html"))
        }
    };
    let get = |client: &reqwest::Client, path: &str| {
        let client = client.clone();
        let url = app.url(path);
        async move {
            let response = client.get(url).send().await.expect("get");
            (response.status(), response.text().await.expect("body"))
        }
    };
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    // The route advice on the page and in the API.
    let (status, html) = get(&chair, "/o/gemeente-a/aanbesteding?soort=diensten&jaarwaarde=120000&maanden=48&optieMaanden=24&publicatiedatum=2026-03-01").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("€ 480.000") && html.contains("Europese openbare procedure"),
        "advice shown"
    );
    let (status, route) = app.client("lezer").get("/api/v1/organisaties/gemeente-a/aanbestedingsroute?soort=diensten&jaarwaarde=120000&maanden=48&optieMaanden=24&publicatiedatum=2026-03-01").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(route["advies"], "openbaar");
    let (status, problem) = app.client("lezer").get("/api/v1/organisaties/gemeente-a/aanbestedingsroute?soort=kantoor&jaarwaarde=x&publicatiedatum=2026-03-01").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let names: Vec<&str> = problem["invalidParams"]
        .as_array()
        .expect("params")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(names, ["soort", "jaarwaarde"]);
    // The policy: named problems, then saved; the advice below the threshold follows it.
    let (status, _, html) = post(
        &chair,
        "/o/gemeente-a/aanbesteding/beleid",
        pairs(&[
            ("dienstenEnkelvoudig", "30000"),
            ("werkenEnkelvoudig", "2000000"),
            ("werkenMeervoudig", "1500000"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("werkenEnkelvoudig"));
    let (status, _, _) = post(
        &chair,
        "/o/gemeente-a/aanbesteding/beleid",
        pairs(&[
            ("dienstenEnkelvoudig", "30000"),
            ("werkenEnkelvoudig", "150000"),
            ("werkenMeervoudig", "1500000"),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, route) = app.client("lezer").get("/api/v1/organisaties/gemeente-a/aanbestedingsroute?soort=diensten&jaarwaarde=20000&maanden=24&publicatiedatum=2026-03-01").await;
    assert_eq!(
        route["advies"], "meervoudig-onderhands",
        "40,000 is above this policy's 30,000"
    );

    // A tender: weights must add up to 100 %.
    let mut form = pairs(&[
        ("naam", "Werkplek"),
        ("methode", "absoluut"),
        ("kwaliteitGewicht", "70"),
        ("schaalMin", "0"),
        ("schaalMax", "10"),
        ("prijsMax", "5.000.000"),
        ("prijsMin", "3.000.000"),
        ("voorzitter", "inkoper@test.nl"),
        ("beoordelaars", "regisseur@test.nl"),
        ("beoordelaars", "beheerder@test.nl"),
        ("eisen[0].id", "iso27001"),
        ("eisen[0].naam", "ISO 27001"),
        ("criteria[0].id", "plan"),
        ("criteria[0].naam", "Plan van aanpak"),
        ("criteria[0].gewicht", "60"),
        ("criteria[1].id", "team"),
        ("criteria[1].naam", "Samenwerking (interview)"),
        ("criteria[1].gewicht", "30"),
    ]);
    let (status, _, html) = post(&chair, "/o/gemeente-a/aanbesteding/nieuw", form.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("De gewichten moeten samen 1 zijn"),
        "the weights are named"
    );
    form.retain(|(k, _)| k != "criteria[1].gewicht");
    form.push(("criteria[1].gewicht".into(), "40".into()));
    let (status, location, _) = post(&chair, "/o/gemeente-a/aanbesteding/nieuw", form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let here = location.split('?').next().unwrap_or_default().to_string();
    let tender = app.store.tenders(app.org_a).await.expect("tenders")[0].clone();
    for (bidder, price, iso) in [
        ("Partner A", "4.200.000", true),
        ("Partner B", "3.600.000", true),
        ("Partner C", "3.100.000", false),
    ] {
        let mut bid = pairs(&[("inschrijver", bidder), ("prijs", price)]);
        if iso {
            bid.push(("eisen".into(), "iso27001".into()));
        }
        let (status, _, _) = post(&chair, &format!("{here}/inschrijvingen"), bid).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{bidder}");
    }
    // Sealed: no price through any API route, for any role, nor on the page.
    let api_paths = [
        "/api/v1/organisaties/gemeente-a/aanbestedingen".to_string(),
        format!(
            "/api/v1/organisaties/gemeente-a/aanbestedingen/{}",
            tender.id
        ),
        format!(
            "/api/v1/organisaties/gemeente-a/aanbestedingen/{}/uitslag",
            tender.id
        ),
    ];
    let sealed_everywhere = |stage: &'static str| {
        let app = &app;
        let api_paths = &api_paths;
        async move {
            for who in [
                "beheerder",
                "regisseur",
                "inkoper",
                "lezer",
                "leverancier",
                "regisseur-b",
            ] {
                for path in api_paths {
                    let (status, body) = app.client(who).get(path).await;
                    let text = body.to_string();
                    assert!(
                        !text.contains("4200000") && !text.contains("prijs\":"),
                        "{stage}: {who} reads a price at {path}: {text}"
                    );
                    if path.ends_with("/uitslag")
                        && matches!(who, "beheerder" | "regisseur" | "inkoper" | "lezer")
                    {
                        assert_eq!(status, StatusCode::CONFLICT, "{stage}: {who} {path}");
                    }
                    if matches!(who, "leverancier") {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{who} {path}");
                    }
                    if who == "regisseur-b" {
                        assert_ne!(status, StatusCode::OK, "{who} {path}");
                    }
                }
            }
        }
    };
    sealed_everywhere("set-up").await;
    let (_, html) = get(&chair, &here).await;
    assert!(!html.contains("4.200.000") && html.contains("verzegeld"));
    let (status, _) = get(&chair, &format!("{here}/aanbesteding.toml")).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "no export before the consensus"
    );

    let (status, _, _) = post(&chair, &format!("{here}/start"), vec![]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    sealed_everywhere("evaluation").await;
    let bids = app.store.sealed_bids(tender.id).await.expect("bids");
    let id_of = |name: &str| {
        bids.iter()
            .find(|b| b.bidder == name)
            .map(|b| b.id)
            .expect("bid")
    };
    let (a, b) = (id_of("Partner A"), id_of("Partner B"));
    let scores = |plan_a: &str,
                  team_a: &str,
                  plan_b: &str,
                  team_b: &str,
                  comment: &str|
     -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (bid, crit, score) in [
            (a, "plan", plan_a),
            (a, "team", team_a),
            (b, "plan", plan_b),
            (b, "team", team_b),
        ] {
            out.push((format!("score.{bid}.{crit}"), score.to_string()));
            out.push((format!("toelichting.{bid}.{crit}"), comment.to_string()));
        }
        out.push(("actie".into(), "indienen".into()));
        out
    };
    // The chair is no evaluator; an evaluator needs a comment with every score.
    let (status, _, _) = post(
        &chair,
        &format!("{here}/beoordelen"),
        scores("8", "7", "6", "5", "x"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let regisseur = app.logged_in("regisseur").await;
    let (status, _, html) = post(
        &regisseur,
        &format!("{here}/beoordelen"),
        scores("8", "7", "6", "5", ""),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Dit veld is verplicht"));
    let (status, _, _) = post(
        &regisseur,
        &format!("{here}/beoordelen"),
        scores("8", "7", "6", "5", "Onderbouwd"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // Not before everyone has submitted: the consensus page waits.
    let (status, _) = get(&chair, &format!("{here}/consensus")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let beheerder = app.logged_in("beheerder").await;
    let (status, _, _) = post(
        &beheerder,
        &format!("{here}/beoordelen"),
        scores("9", "8", "5", "5", "Eigen oordeel"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = get(&chair, &format!("{here}/consensus")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Eigen oordeel") && html.contains("Onderbouwd"),
        "the chair sees every score and comment"
    );
    let mut consensus = scores("8", "7", "6", "5", "Consensus na bespreking");
    let (status, location, _) = post(&chair, &format!("{here}/consensus"), consensus.clone()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("/uitslag"));
    consensus.clear();

    // Final: the prices open, the ranking follows the formulas, the file reproduces it.
    let (status, html) = get(&chair, &format!("{here}/uitslag")).await;
    assert_eq!(status, StatusCode::OK);
    // A: q 0.6×0.8 + 0.4×0.7 = 0.76, price score 0.4 → 100 × (0.532 + 0.12) = 65.2;
    // B: q 0.56, price score 0.7 → 100 × (0.392 + 0.21) = 60.2.
    assert!(
        html.contains("65,2") && html.contains("60,2"),
        "totals shown"
    );
    assert!(html.contains("Voorlopige gunning aan: Partner A"));
    let (status, item) = app.client("lezer").get(&api_paths[1]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(item["fase"], "vastgesteld");
    assert!(
        item["inschrijvingen"]
            .as_array()
            .is_some_and(|b| b.iter().all(|b| b["prijs"].is_number()))
    );
    let (status, result) = app.client("lezer").get(&api_paths[2]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(result["ranking"][0]["inschrijver"], "Partner A");
    assert_eq!(result["ranking"][0]["totaal"], json!(65.2));
    assert_eq!(result["uitgesloten"][0]["inschrijver"], "Partner C");
    let (status, file) = get(&chair, &format!("{here}/aanbesteding.toml")).await;
    assert_eq!(status, StatusCode::OK);
    use sha2::Digest as _;
    assert_eq!(
        result["sha256"],
        json!(hex::encode(sha2::Sha256::digest(file.as_bytes())))
    );
    assert!(
        html.contains(result["sha256"].as_str().unwrap_or("-")),
        "the report states the hash"
    );
    let tender_file: regisseur_domain::procurement::evaluation::Tender =
        regisseur_interchange::toml_file::read(
            &file,
            regisseur_domain::procurement::evaluation::Tender::check,
            regisseur_domain::Lang::Nl,
        )
        .expect("the exported file reads");
    let mut again = regisseur_domain::procurement::evaluation::evaluate(&tender_file).to_json();
    again["sha256"] = result["sha256"].clone();
    assert_eq!(again, result, "the file reproduces every figure");
}

async fn regie_agenda_feed_sla_report_and_the_supplier_portal(backend: Backend) {
    let app = spawn_app(backend).await;
    let soon = (TODAY + chrono::Months::new(8))
        .format("%Y-%m-%d")
        .to_string();
    let own = app.create(app.org_a, EntityKind::Contract, json!({"naam": "Hosting eigen", "leverancierId": app.supplier_a.to_string(), "einddatum": soon, "opzegtermijnMaanden": 6})).await;
    let others = app
        .create(
            app.org_a,
            EntityKind::Contract,
            json!({"naam": "Werkplek ander", "leverancierId": app.other_supplier_a.to_string()}),
        )
        .await;
    let terms: regisseur_store::SlaTerms = serde_json::from_value(json!({
        "maandbedrag": 40000.0, "maxCredit": 0.5,
        "normen": [{"id": "beschikbaarheid", "soort": "beschikbaarheid", "venster": "24x7", "doel": 99.9,
                    "staffel": [{"onder": 99.9, "credit": 0.1}]}]
    })).expect("terms");
    app.store
        .set_sla_terms(&Actor::system(), app.org_a, own, &terms)
        .await
        .expect("terms");
    let regisseur = app.logged_in("regisseur").await;
    let post = |client: &reqwest::Client, path: String, form: Vec<(&str, &str)>| {
        let client = client.clone();
        let url = app.url(&path);
        let form: Vec<(String, String)> = form
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        async move {
            let response = client.post(url).form(&form).send().await.expect("post");
            let status = response.status();
            (status, response.text().await.expect("html"))
        }
    };
    let get = |client: &reqwest::Client, path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move {
            let response = client.get(url).send().await.expect("get");
            (response.status(), response.text().await.expect("body"))
        }
    };
    // The agenda: the notice deadline of the contract is within 90 days (8 months − 6).
    let (status, html) = get(&regisseur, "/o/gemeente-a/regie".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Uiterste opzegdatum") && html.contains("Hosting eigen"),
        "the deadline is on the agenda"
    );
    // An obligation: a bad date is named; then added, overdue, and met.
    let here = format!("/o/gemeente-a/regie/{own}");
    let (status, html) = post(
        &regisseur,
        format!("{here}/verplichtingen"),
        vec![
            ("soort", "assurancerapport"),
            ("herhaling", "jaarlijks"),
            ("vervaldatum", "morgen"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("vervaldatum"));
    let (status, _) = post(
        &regisseur,
        format!("{here}/verplichtingen"),
        vec![
            ("soort", "assurancerapport"),
            ("herhaling", "jaarlijks"),
            ("vervaldatum", "2026-01-15"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = get(&regisseur, "/o/gemeente-a/regie".into()).await;
    assert!(html.contains("Assurancerapport"), "overdue on the agenda");
    let obligation = app.store.obligations(app.org_a).await.expect("obligations")[0]
        .id
        .to_string();
    let (status, _) = post(
        &regisseur,
        format!("{here}/verplichtingen"),
        vec![("voldaan", obligation.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        app.store.obligations(app.org_a).await.expect("obligations")[0]
            .obligation
            .laatst_voldaan
            .is_some()
    );

    // The SLA norms in the browser: tiers must run from high to low; then saved.
    let terms_form = |tiers: &'static str| {
        vec![
            ("maandbedrag", "40.000"),
            ("maxCredit", "50"),
            ("vrijeDagen", ""),
            ("normen[0].id", "beschikbaarheid"),
            ("normen[0].soort", "beschikbaarheid"),
            ("normen[0].venster", "24x7"),
            ("normen[0].doel", "99,9"),
            ("normen[0].prioriteit", ""),
            ("normen[0].doelUren", ""),
            ("normen[0].staffel", tiers),
            ("normen[1].soort", "beschikbaarheid"),
            ("normen[1].venster", "24x7"),
        ]
    };
    let (status, html) = post(
        &regisseur,
        format!("{here}/normen"),
        terms_form("95:50; 99:25"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("normen[0].staffel") && html.contains("van hoog naar laag"),
        "the tiers are named"
    );
    let (status, _) = post(&regisseur, format!("{here}/normen"), terms_form("99,9:10")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let saved = app
        .store
        .sla_terms(app.org_a, own)
        .await
        .expect("terms")
        .expect("set");
    assert_eq!(saved.normen[0].staffel[0].credit, 0.1);
    assert_eq!(saved.max_credit, 0.5);

    // The calendar feed: a secret address that works without a login, until revoked.
    let (status, html) = post(&regisseur, "/o/gemeente-a/regie/agenda-feed".into(), vec![]).await;
    assert_eq!(status, StatusCode::OK);
    let start = html.find("/agenda/").expect("an address");
    let path: String = html[start..].chars().take_while(|c| *c != '<').collect();
    let feed = reqwest::get(app.url(&path)).await.expect("feed");
    assert_eq!(feed.status(), StatusCode::OK);
    assert!(
        feed.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/calendar"))
    );
    let text = feed.text().await.expect("ics");
    assert!(
        text.contains("BEGIN:VCALENDAR") && text.contains("Uiterste opzegdatum"),
        "{text}"
    );
    assert_valid_feed(&text, &app.base);
    let (status, _) = post(
        &regisseur,
        "/o/gemeente-a/regie/agenda-feed/intrekken".into(),
        vec![],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        reqwest::get(app.url(&path)).await.expect("feed").status(),
        StatusCode::NOT_FOUND
    );

    // The supplier portal: only its own contract; the monthly report all or nothing.
    let supplier = app.logged_in("leverancier").await;
    let (_, html) = get(&supplier, "/o/gemeente-a/regie".into()).await;
    assert!(html.contains("Hosting eigen") && !html.contains("Werkplek ander"));
    let (status, _) = get(&supplier, format!("/o/gemeente-a/regie/{others}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(
        &supplier,
        format!("{here}/verplichtingen"),
        vec![
            ("soort", "audit"),
            ("herhaling", "jaarlijks"),
            ("vervaldatum", "2027-01-01"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let upload = |text: &str| {
        reqwest::multipart::Form::new().part(
            "bestand",
            reqwest::multipart::Part::bytes(text.as_bytes().to_vec()).file_name("rapportage.csv"),
        )
    };
    let response = supplier.post(app.url(&format!("{here}/rapportage"))).multipart(upload("maand;norm;gemeten\n2027-03;beschikbaarheid;99,5\n2027-04;onbekend;99,9\n2027-05;beschikbaarheid;veel\n")).send().await.expect("upload");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(html.contains("rij 4: gemeten"), "every bad row named");
    assert!(
        app.store
            .sla_events(own)
            .await
            .expect("events")
            .2
            .is_empty(),
        "nothing imported"
    );
    let response = supplier
        .post(app.url(&format!("{here}/rapportage")))
        .multipart(upload(
            "maand;norm;gemeten\n2027-03;beschikbaarheid;99,5\n2027-04;beschikbaarheid;99,95\n",
        ))
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&regisseur, here.clone()).await;
    assert!(
        html.contains("id=\"credits\">€ 4.000"),
        "March missed: 10 % of 40,000"
    );
    // Expectations (the municipality) and innovations (proposed by the partner).
    let (status, _) = post(
        &regisseur,
        format!("{here}/verwachtingen"),
        vec![
            ("wat", ""),
            ("meetbaar", "P1 < 2"),
            ("wanneer", "2027-06-30"),
            ("uitkomst", "open"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = post(
        &regisseur,
        format!("{here}/verwachtingen"),
        vec![
            ("wat", "Minder storingen"),
            ("meetbaar", "P1 < 2 per maand"),
            ("wanneer", "2027-06-30"),
            ("uitkomst", "open"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = post(
        &supplier,
        format!("{here}/verwachtingen"),
        vec![("wat", "x"), ("meetbaar", "y"), ("wanneer", "2027-06-30")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(
        &supplier,
        format!("{here}/innovaties"),
        vec![
            ("titel", "Zelfherstellende monitoring"),
            ("waarde", "Minder nachtelijke storingen"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let proposal = app.store.innovations(own).await.expect("innovations")[0]
        .id
        .to_string();
    let (status, _) = post(
        &supplier,
        format!("{here}/innovaties"),
        vec![("id", proposal.as_str()), ("status", "geaccepteerd")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the municipality decides");
    let (status, _) = post(
        &regisseur,
        format!("{here}/innovaties"),
        vec![("id", proposal.as_str()), ("status", "geaccepteerd")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.innovations(own).await.expect("innovations")[0]
            .value
            .status,
        regisseur_domain::regie::register::InnovationStatus::Geaccepteerd
    );

    // The same through the API: the report, the supplier's figures (own contract only), a survey.
    let sla_path = format!("/api/v1/organisaties/gemeente-a/contracten/{own}/sla");
    let (status, report) = app.client("lezer").get(&sla_path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["totaalCredits"], json!(4000.0));
    let reports = json!([{"maand": "2027-05", "norm": "beschikbaarheid", "gemeten": 98.0}]);
    let (status, _) = app
        .client("lezer")
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/organisaties/gemeente-a/contracten/{own}/sla-rapportages"),
            reports.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .client("leverancier")
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/organisaties/gemeente-a/contracten/{others}/sla-rapportages"),
            reports.clone(),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another supplier's contract is not there"
    );
    let (status, problem) = app
        .client("leverancier")
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/organisaties/gemeente-a/contracten/{own}/sla-rapportages"),
            json!([{"maand": "05", "norm": "beschikbaarheid", "gemeten": 98.0}]),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["invalidParams"][0]["name"], "rapportages[0].maand");
    let (status, _) = app
        .client("leverancier")
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/organisaties/gemeente-a/contracten/{own}/sla-rapportages"),
            reports,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, report) = app.client("leverancier").get(&sla_path).await;
    assert_eq!(
        report["totaalCredits"],
        json!(8000.0),
        "May below 99.9 % too"
    );
    let (status, _) = app
        .client("leverancier")
        .get(&format!(
            "/api/v1/organisaties/gemeente-a/contracten/{others}/sla"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.client("leverancier").send_json(reqwest::Method::PUT, &format!("/api/v1/organisaties/gemeente-a/contracten/{own}/relatiemetingen/2027-K3"),
        json!({"vertrouwen": 8, "aanbeveling": 8, "tevredenheid": {"hosting": 8}, "proactiviteit": 7})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // Both sides answer the survey; the supplier sees only its own side.
    let survey = |q: &'static str, s: &'static str| {
        vec![
            ("kwartaal", q),
            ("vertrouwen", "7"),
            ("aanbeveling", "7"),
            ("tevredenheid", s),
            ("proactiviteit", "6"),
            ("toelichting", "Prima"),
        ]
    };
    let (status, _) = post(
        &regisseur,
        format!("{here}/relatie"),
        survey("2027-K1", "8"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = post(
        &regisseur,
        format!("{here}/relatie"),
        survey("2027-K2", "6"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = post(&supplier, format!("{here}/relatie"), survey("2027-K1", "9")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = post(&regisseur, format!("{here}/relatie"), survey("K3", "6")).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a quarter without a year"
    );
    assert!(html.contains("kwartaal"));
    let surveys = app.store.surveys(own).await.expect("surveys");
    assert_eq!(surveys.len(), 4);
    let (_, html) = get(&regisseur, here.clone()).await;
    assert!(
        html.contains("Dal der deceptie in 2027-K2"),
        "a fall of 2 points since the first quarter"
    );
    let (_, html) = get(&supplier, here.clone()).await;
    assert!(
        !html.contains("Dal der deceptie") && html.contains("Leverancier"),
        "the supplier sees its own side only"
    );
}

/// Every GET route of the API, and the pages of every stage, as a supplier's account manager:
/// nothing of another supplier's contract and nothing of the organisation's own business.
async fn a_supplier_sees_nothing_of_others_on_any_route(backend: Backend) {
    let app = spawn_app(backend).await;
    let own = app.create(app.org_a, EntityKind::Contract, json!({"naam": "Contract eigen leverancier", "leverancierId": app.supplier_a.to_string()})).await;
    let other = app.create(app.org_a, EntityKind::Contract, json!({"naam": "Geheim contract ander", "leverancierId": app.other_supplier_a.to_string()})).await;
    let case: regisseur_domain::business_case::Input = serde_json::from_value(
        json!({"naam": "Geheime businesscase", "startjaar": 2027, "looptijdJaren": 3}),
    )
    .expect("case");
    let case = app
        .store
        .create_business_case(&Actor::system(), app.org_a, &case)
        .await
        .expect("case")
        .id;
    let setup = regisseur_domain::procurement::workflow::Setup::it_outsourcing(2.0, 1.0);
    let tender = app
        .store
        .create_tender(
            &Actor::system(),
            app.org_a,
            "Geheime aanbesteding",
            &setup,
            "inkoper@test.nl",
            &["regisseur@test.nl".to_string()],
        )
        .await
        .expect("tender")
        .id;
    use regisseur_domain::transition::ItemKind;
    let role = app
        .store
        .save_transition_item(&Actor::system(), app.org_a, None, ItemKind::Role.read(&json!({"naam": "Geheime rol", "verandering": "blijft", "fteNu": 1, "fteStraks": 1})).expect("role"))
        .await
        .expect("role");
    app.store
        .save_transition_item(&Actor::system(), app.org_a, None, ItemKind::Person.read(&json!({"naam": "Geheime medewerker", "rol": role.to_string(), "lot": "blijft"})).expect("person"))
        .await
        .expect("person");
    app.store
        .save_transition_item(
            &Actor::system(),
            app.org_a,
            None,
            ItemKind::Risk
                .read(&json!({"titel": "Geheim risico", "kans": 5, "impact": 5}))
                .expect("risk"),
        )
        .await
        .expect("risk");
    let secrets = [
        "Geheim contract ander",
        "Geheime businesscase",
        "Geheime aanbesteding",
        "Geheime rol",
        "Geheime medewerker",
        "Geheim risico",
        &app.other_supplier_a.to_string(),
    ];
    // Every GET route of the API.
    for route in regisseur_web::router::api_routes()
        .into_iter()
        .filter(|r| r.method == reqwest::Method::GET)
    {
        if route.path.ends_with("openapi.json") {
            continue;
        }
        let path = route
            .path
            .replace("{slug}", "gemeente-a")
            .replace("{id}", &other.to_string())
            .replace("{kwartaal}", "2027-K1");
        let path = if path.ends_with("/scope") {
            format!("{path}?domeinen=werkplek")
        } else {
            path
        };
        let (status, body) = app.client("leverancier").get(&path).await;
        let text = body.to_string();
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{path} shows '{secret}' to a supplier: {text}"
            );
        }
        if route.path.contains("{id}") {
            assert_ne!(status, StatusCode::OK, "{path}");
        }
    }
    // The pages of every stage.
    let supplier = app.logged_in("leverancier").await;
    let ids = [
        ("{own}", own.to_string()),
        ("{other}", other.to_string()),
        ("{case}", case.to_string()),
        ("{tender}", tender.to_string()),
    ];
    for (page, expected) in [
        ("/o/gemeente-a/kwaliteit", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/koers", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/gereedheid", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/scope", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/businesscase", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/businesscase/{case}", StatusCode::FORBIDDEN),
        (
            "/o/gemeente-a/businesscase/{case}/businesscase.xlsx",
            StatusCode::FORBIDDEN,
        ),
        ("/o/gemeente-a/aanbesteding", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/aanbesteding/{tender}", StatusCode::FORBIDDEN),
        (
            "/o/gemeente-a/aanbesteding/{tender}/uitslag",
            StatusCode::FORBIDDEN,
        ),
        ("/o/gemeente-a/contracten/{other}", StatusCode::NOT_FOUND),
        ("/o/gemeente-a/regie/{other}", StatusCode::NOT_FOUND),
        ("/o/gemeente-a/regie/{own}", StatusCode::OK),
        ("/o/gemeente-a/regie", StatusCode::OK),
        ("/o/gemeente-a/contracten", StatusCode::OK),
        ("/o/gemeente-a/transitie", StatusCode::OK),
        ("/o/gemeente-a/transitie/plan", StatusCode::FORBIDDEN),
        (
            "/o/gemeente-a/transitie/rollen/nieuw",
            StatusCode::FORBIDDEN,
        ),
        ("/o/gemeente-a/transitie/risicos/nieuw", StatusCode::OK),
        ("/o/gemeente-a/rapport", StatusCode::FORBIDDEN),
        ("/o/gemeente-a/rapport.pdf", StatusCode::FORBIDDEN),
    ] {
        let mut path = page.to_string();
        for (key, value) in &ids {
            path = path.replace(key, value);
        }
        let response = supplier.get(app.url(&path)).send().await.expect("get");
        assert_eq!(response.status(), expected, "{path}");
        let text = response.text().await.unwrap_or_default();
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{path} shows '{secret}' to a supplier"
            );
        }
    }
}

async fn transition_dossier_api_pages_and_personal_data(backend: Backend) {
    let app = spawn_app(backend).await;
    let api = "/api/v1/organisaties/gemeente-a/transitie";
    let regisseur = app.client("regisseur");
    let names = |body: &Value| -> Vec<String> {
        body["invalidParams"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| p["name"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let (status, role) = regisseur
        .send_json(reqwest::Method::POST, &format!("{api}/rollen"), json!({"naam": "Systeembeheerder", "domein": "hosting-en-datacenter", "verandering": "verdwijnt", "fteNu": 4.5, "fteStraks": 0}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{role}");
    let role_id = role["id"].as_str().unwrap_or_default().to_string();
    let (status, _) = regisseur
        .send_json(reqwest::Method::POST, &format!("{api}/rollen"), json!({"naam": "Contractmanager", "verandering": "nieuw", "fteNu": 0, "fteStraks": "1,5"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, person) = regisseur
        .send_json(
            reqwest::Method::POST,
            &format!("{api}/betrokkenen"),
            json!({"naam": "Geheime Medewerker", "rol": role_id, "lot": "naar-partner"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{person}");

    // Bad input is named, and nothing is saved.
    for (resource, body, expected) in [
        (
            "rollen",
            json!({"naam": "X", "verandering": "blijft", "fteNu": -1, "fteStraks": 1}),
            vec!["fteNu"],
        ),
        (
            "risicos",
            json!({"titel": "X", "kans": 0, "impact": 6}),
            vec!["kans", "impact"],
        ),
        (
            "mijlpalen",
            json!({"naam": "X", "fase": "transitie", "datum": "2027-02-30"}),
            vec!["datum"],
        ),
    ] {
        let (status, body) = regisseur
            .send_json(reqwest::Method::POST, &format!("{api}/{resource}"), body)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{resource}: {body}");
        assert_eq!(names(&body), expected, "{resource}");
    }
    let (_, roles) = regisseur.get(&format!("{api}/rollen")).await;
    assert_eq!(roles["totaal"], 2, "nothing half-saved");
    let (_, a) = regisseur
        .send_json(
            reqwest::Method::POST,
            &format!("{api}/mijlpalen"),
            json!({"naam": "Gunning", "fase": "aanbesteding", "datum": "2027-03-01"}),
        )
        .await;
    let a = a["id"].as_str().unwrap_or_default().to_string();
    let (_, b) = regisseur
        .send_json(reqwest::Method::POST, &format!("{api}/mijlpalen"), json!({"naam": "Migratie", "fase": "transitie", "datum": "2027-06-01", "afhankelijkVan": [a]}))
        .await;
    let b = b["id"].as_str().unwrap_or_default().to_string();
    let (status, body) = regisseur
        .send_json(reqwest::Method::PUT, &format!("{api}/mijlpalen/{a}"), json!({"naam": "Gunning", "fase": "aanbesteding", "datum": "2027-03-01", "afhankelijkVan": [b]}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(names(&body), ["afhankelijkVan"]);
    assert!(
        body.to_string().contains("Gunning → Migratie → Gunning")
            || body.to_string().contains("Migratie → Gunning → Migratie"),
        "{body}"
    );
    let (status, body) = regisseur
        .send_json(
            reqwest::Method::PUT,
            &format!("{api}/plan"),
            json!({"fasen": [{"fase": "transitie", "start": "2027-06-01", "eind": "2027-05-01"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(names(&body), ["fasen[0].eind"]);
    let (status, _) = regisseur
        .send_json(reqwest::Method::PUT, &format!("{api}/plan"), json!({"fasen": [{"fase": "stabilisatie", "start": "2027-06-01", "eind": "2027-08-01"}]}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = regisseur.delete(&format!("{api}/rollen/{role_id}")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // The summary: FTE before and after, the warning about a short stabilisation.
    let (status, summary) = regisseur.get(api).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(summary["fte"]["totaalVoor"], 4.5);
    assert_eq!(summary["fte"]["totaalNa"], 1.5);
    assert!(
        summary["waarschuwingen"]
            .to_string()
            .contains("stabilisatie duurt 61 dagen"),
        "{summary}"
    );

    // Personal data: only beheerder and regisseur see the people.
    for (who, allowed) in [
        ("beheerder", true),
        ("regisseur", true),
        ("inkoper", false),
        ("lezer", false),
        ("leverancier", false),
    ] {
        let (status, body) = app.client(who).get(&format!("{api}/betrokkenen")).await;
        if allowed {
            assert_eq!(status, StatusCode::OK, "{who}");
            assert!(body.to_string().contains("Geheime Medewerker"), "{who}");
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
        }
        let (_, summary) = app.client(who).get(api).await;
        assert!(
            !summary.to_string().contains("Geheime Medewerker"),
            "{who}: {summary}"
        );
        let page = app
            .logged_in(who)
            .await
            .get(app.url("/o/gemeente-a/transitie"))
            .send()
            .await
            .expect("page");
        assert_eq!(page.status(), StatusCode::OK, "{who}");
        let text = page.text().await.unwrap_or_default();
        assert_eq!(
            text.contains("Geheime Medewerker"),
            allowed,
            "{who} on the page"
        );
    }
    assert_eq!(
        app.client("lezer").get(&format!("{api}/rollen")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        app.client("leverancier")
            .get(&format!("{api}/rollen"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.client("lezer")
            .send_json(
                reqwest::Method::POST,
                &format!("{api}/risicos"),
                json!({"titel": "X", "kans": 1, "impact": 1})
            )
            .await
            .0,
        StatusCode::FORBIDDEN
    );

    // The partner submits a risk; it sees only its own, the municipality sees both.
    let (status, _) = regisseur
        .send_json(
            reqwest::Method::POST,
            &format!("{api}/risicos"),
            json!({"titel": "Intern budgetrisico", "kans": 2, "impact": 3}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let supplier = app.client("leverancier");
    let (status, risk) = supplier
        .send_json(
            reqwest::Method::POST,
            &format!("{api}/risicos"),
            json!({"titel": "Koppelingen vallen weg", "kans": 3, "impact": 4}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{risk}");
    assert_eq!(risk["leverancier"], app.supplier_a.to_string());
    let (_, own) = supplier.get(&format!("{api}/risicos")).await;
    assert_eq!(own["totaal"], 1, "{own}");
    assert!(!own.to_string().contains("Intern budgetrisico"));
    let (_, all) = regisseur.get(&format!("{api}/risicos")).await;
    assert_eq!(all["totaal"], 2);
    // The municipality edits it; who submitted it stays.
    let risk_id = risk["id"].as_str().unwrap_or_default();
    let (status, edited) = regisseur
        .send_json(reqwest::Method::PUT, &format!("{api}/risicos/{risk_id}"), json!({"titel": "Koppelingen vallen weg", "kans": 4, "impact": 4, "status": "in-behandeling"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["leverancier"], app.supplier_a.to_string());
    assert_eq!(edited["score"], 16);
    assert_eq!(
        supplier
            .send_json(
                reqwest::Method::PUT,
                &format!("{api}/risicos/{risk_id}"),
                json!({"titel": "X", "kans": 1, "impact": 1})
            )
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // Through the portal page too: a bad probability is named on the form, nothing saved.
    let portal = app.logged_in("leverancier").await;
    let bad = portal
        .post(app.url("/o/gemeente-a/transitie/risicos"))
        .form(&[("titel", "Te hoge kans"), ("kans", "9"), ("impact", "2")])
        .send()
        .await
        .expect("post");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(
        bad.text()
            .await
            .unwrap_or_default()
            .contains("Moet tussen 1 en 5 liggen")
    );
    let good = portal
        .post(app.url("/o/gemeente-a/transitie/risicos"))
        .form(&[
            ("titel", "Certificaten verlopen"),
            ("kans", "2"),
            ("impact", "3"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let page = portal
        .get(app.url("/o/gemeente-a/transitie"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(page.contains("Certificaten verlopen") && page.contains("Koppelingen vallen weg"));
    assert!(!page.contains("Intern budgetrisico") && !page.contains("Systeembeheerder"));
    let (_, all) = regisseur.get(&format!("{api}/risicos")).await;
    assert_eq!(all["totaal"], 3, "the rejected one was not saved");

    // The dossier: a page to choose, the PDF, an unknown chapter named.
    let reader = app.logged_in("lezer").await;
    let page = reader
        .get(app.url("/o/gemeente-a/rapport"))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .unwrap_or_default()
            .contains("deel-transitie")
    );
    let pdf = reader
        .get(app.url("/o/gemeente-a/rapport.pdf?deel=transitie&deel=basis&taal=en"))
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(
        pdf.headers()[reqwest::header::CONTENT_TYPE],
        "application/pdf"
    );
    assert!(pdf.bytes().await.unwrap_or_default().starts_with(b"%PDF-"));
    let bad = reader
        .get(app.url("/o/gemeente-a/rapport.pdf?deel=begroting"))
        .send()
        .await
        .expect("pdf");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(bad.text().await.unwrap_or_default().contains("'begroting'"));
}

/// An agenda feed as RFC 5545 asks, read by the icalendar crate's parser: Regisseur's PRODID,
/// lines of at most 75 octets ending in CRLF, and every event with UID, DTSTAMP, a URL back to
/// its page, and an all-day DTEND after its DTSTART (§3.6.1: the end is exclusive).
fn assert_valid_feed(text: &str, base: &str) {
    use icalendar::{Calendar, Component, DatePerhapsTime};
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n'), "a bare LF: {line:?}");
        assert!(
            line.len() <= 75,
            "a line of {} octets: {line:?}",
            line.len()
        );
    }
    let calendar: Calendar = text.parse().expect("parses");
    assert_eq!(
        calendar.property_value("PRODID"),
        Some("-//Regisseur//Regie-agenda//NL")
    );
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    let mut events = 0;
    for event in calendar.events() {
        events += 1;
        assert!(event.get_uid().is_some_and(|u| u.ends_with("@regisseur")));
        assert!(event.get_timestamp().is_some(), "DTSTAMP");
        assert!(
            event
                .get_url()
                .is_some_and(|u| u.starts_with(base) && u.contains("/o/gemeente-a/regie/")),
            "URL {:?}",
            event.get_url()
        );
        let (Some(DatePerhapsTime::Date(start)), Some(DatePerhapsTime::Date(end))) =
            (event.get_start(), event.get_end())
        else {
            panic!(
                "all-day DTSTART and DTEND: {:?} {:?}",
                event.get_start(),
                event.get_end()
            );
        };
        assert_eq!(
            end,
            start + chrono::Days::new(1),
            "{:?}",
            event.get_summary()
        );
        let description = event.get_description().unwrap_or_default();
        assert!(!description.contains(" 1 maanden"), "{description}");
    }
    assert!(events > 0);
}
