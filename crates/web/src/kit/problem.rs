//! API errors as `application/problem+json` (RFC 9457), with every invalid field listed in
//! `invalidParams`, as the NL API Design Rules ask.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{Dependent, StoreError};
use serde_json::{Map, Value, json};

#[derive(Debug)]
pub struct Problem {
    pub status: StatusCode,
    pub title: String,
    pub detail: Option<String>,
    pub invalid_params: Vec<Value>,
    pub extra: Map<String, Value>,
}

impl Problem {
    pub fn new(status: StatusCode, title: impl Into<String>) -> Problem {
        Problem {
            status,
            title: title.into(),
            detail: None,
            invalid_params: Vec::new(),
            extra: Map::new(),
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }

    pub fn unauthorized() -> Problem {
        Problem::new(StatusCode::UNAUTHORIZED, "Niet ingelogd")
            .detail("Log in, of stuur een API-token mee als 'Authorization: Bearer <token>'.")
    }

    pub fn forbidden() -> Problem {
        Problem::new(StatusCode::FORBIDDEN, "Geen toegang")
            .detail("Uw rol in deze organisatie staat dit niet toe.")
    }

    pub fn not_found() -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "Niet gevonden")
    }

    pub fn invalid(errors: &ValidationErrors) -> Problem {
        let mut problem =
            Problem::new(StatusCode::BAD_REQUEST, "Ongeldige invoer").detail(format!(
                "{} {} ongeldig.",
                errors.0.len(),
                if errors.0.len() == 1 {
                    "veld is"
                } else {
                    "velden zijn"
                }
            ));
        problem.invalid_params = errors
            .0
            .iter()
            .map(|e| json!({"name": e.name, "reason": e.problem.message(Lang::Nl)}))
            .collect();
        problem
    }

    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, "Ongeldig verzoek").detail(detail)
    }

    pub fn conflict(current: i64) -> Problem {
        let mut problem = Problem::new(StatusCode::CONFLICT, "Versieconflict").detail(format!(
            "Dit object is intussen door iemand anders gewijzigd (huidige versie {current}). Haal het opnieuw op en breng uw wijziging opnieuw aan."
        ));
        problem
            .extra
            .insert("huidigeVersie".into(), Value::from(current));
        problem
    }

    pub fn dependents(dependents: &[Dependent]) -> Problem {
        let names: Vec<String> = dependents
            .iter()
            .map(|d| {
                format!(
                    "{} '{}'",
                    d.kind.singular(Lang::Nl),
                    d.name.as_deref().unwrap_or("(zonder naam)")
                )
            })
            .collect();
        let mut problem = Problem::new(StatusCode::CONFLICT, "Andere objecten zijn hiervan afhankelijk").detail(format!(
            "Niets verwijderd. Afhankelijk: {}. Verwijder met ?trapsgewijs=true om ook de afhankelijke objecten te verwijderen of hun verwijzing te wissen.",
            names.join(", ")
        ));
        problem.extra.insert(
            "afhankelijken".into(),
            Value::Array(
                dependents
                    .iter()
                    .map(|d| {
                        json!({"soort": d.kind.resource(), "id": d.id.to_string(), "naam": d.name,
                               "veld": d.field, "wordtVerwijderd": d.required})
                    })
                    .collect(),
            ),
        );
        problem
    }

    pub fn internal() -> Problem {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "Interne fout")
            .detail("Er ging iets mis aan onze kant. Er is niets half opgeslagen; probeer het later opnieuw.")
    }
}

impl From<StoreError> for Problem {
    fn from(error: StoreError) -> Problem {
        match error {
            StoreError::Invalid(errors) => Problem::invalid(&errors),
            StoreError::NotFound => Problem::not_found(),
            StoreError::Conflict { current } => Problem::conflict(current),
            StoreError::HasDependents(deps) => Problem::dependents(&deps),
            StoreError::NotNow(why) => {
                Problem::new(StatusCode::CONFLICT, "Nu niet mogelijk").detail(why)
            }
            other => {
                tracing::error!(error = %other, "store error");
                Problem::internal()
            }
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut body = Map::new();
        body.insert("type".into(), Value::from("about:blank"));
        body.insert("status".into(), Value::from(self.status.as_u16()));
        body.insert("title".into(), Value::from(self.title));
        if let Some(detail) = self.detail {
            body.insert("detail".into(), Value::from(detail));
        }
        if !self.invalid_params.is_empty() {
            body.insert("invalidParams".into(), Value::Array(self.invalid_params));
        }
        body.extend(self.extra);
        let mut response = (self.status, Value::Object(body).to_string()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
