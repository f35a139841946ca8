//! Reading the register for pages: every element of an organisation its member may see, and
//! the audit trail's rows — on the overview and on Basis.

use crate::AppState;
use crate::kit::view::{changed_fields, element_href};
use regisseur_domain::Lang;
use regisseur_domain::landscape::EntityKind;
use regisseur_store::{AuditQuery, Element, ListQuery, Membership, StoreError};
use serde_json::Value;

pub(crate) struct AuditRow {
    pub(crate) when: String,
    pub(crate) who: String,
    pub(crate) action: String,
    pub(crate) what: String,
    pub(crate) href: Option<String>,
    pub(crate) fields: String,
}

/// Every element of a kind, page by page.
pub(crate) async fn all_elements(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
) -> Result<Vec<Element>, StoreError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let query = ListQuery {
            page,
            page_size: 500,
            supplier_scope: m.supplier_scope(),
            ..ListQuery::default()
        };
        let result = state
            .store
            .list_elements(m.organisation.id, kind, &query)
            .await?;
        let done = result.items.len() < 500;
        all.extend(result.items);
        if done {
            return Ok(all);
        }
        page += 1;
    }
}

pub(crate) fn action_label(action: &str, lang: Lang) -> String {
    match action {
        "aangemaakt" => lang.pick("aangemaakt", "created"),
        "gewijzigd" => lang.pick("gewijzigd", "changed"),
        "verwijderd" => lang.pick("verwijderd", "deleted"),
        other => other,
    }
    .to_string()
}

pub(crate) async fn audit_rows(
    state: &AppState,
    m: &Membership,
    query: &AuditQuery,
    lang: Lang,
) -> Result<(Vec<AuditRow>, i64), StoreError> {
    let result = state.store.audit_log(m.organisation.id, query).await?;
    let rows = result
        .items
        .iter()
        .map(|entry| {
            let kind = EntityKind::from_code(&entry.entity);
            let value = entry.new_value.as_ref().or(entry.old_value.as_ref());
            let name = value
                .and_then(|v| v.get("naam"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            AuditRow {
                when: entry.at.format("%d-%m-%Y %H:%M:%S UTC").to_string(),
                who: entry.user_email.clone(),
                action: action_label(&entry.action, lang),
                what: format!(
                    "{} {}",
                    kind.map_or(entry.entity.as_str(), |k| k.singular(lang)),
                    name
                )
                .trim()
                .to_string(),
                href: match (kind, entry.action.as_str()) {
                    (Some(kind), "aangemaakt" | "gewijzigd") => {
                        Some(element_href(&m.organisation.slug, kind, entry.entity_id))
                    }
                    _ => None,
                },
                fields: changed_fields(entry.old_value.as_ref(), entry.new_value.as_ref())
                    .join(", "),
            }
        })
        .collect();
    Ok((rows, result.total))
}
