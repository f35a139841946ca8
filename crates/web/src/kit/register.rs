//! Reading the register for pages: every element of an organisation its member may see, and
//! the audit trail's rows — on the overview and on Basis.

use crate::AppState;
use crate::kit::i18n::T;
use crate::kit::view::{changed_fields, element_href};
use chrono::NaiveDate;
use regisseur_domain::Lang;
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::regie::obligations::{Obligation, contract_items};
use regisseur_store::{AuditQuery, Element, ListQuery, Membership, StoreError};
use serde_json::Value;
use uuid::Uuid;

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
    elements_in(&state.store, m.organisation.id, kind, m.supplier_scope()).await
}

/// Every element of one kind of an organisation, or of one supplier's (`scope`), page by page.
pub(crate) async fn elements_in(
    store: &regisseur_store::Store,
    organisation: Uuid,
    kind: EntityKind,
    scope: Option<Uuid>,
) -> Result<Vec<Element>, StoreError> {
    let mut all = Vec::new();
    let mut page = 1;
    loop {
        let query = ListQuery {
            page,
            page_size: 500,
            supplier_scope: scope,
            ..ListQuery::default()
        };
        let result = store.list_elements(organisation, kind, &query).await?;
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
        "aangemaakt" => T(lang).s("agenda-created"),
        "gewijzigd" => T(lang).s("agenda-changed"),
        "verwijderd" => T(lang).s("agenda-deleted"),
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

pub(crate) fn date_field(e: &Element, field: &str) -> Option<NaiveDate> {
    e.record
        .get(field)
        .and_then(|v| v.as_str())
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

pub(crate) fn name_of(e: &Element) -> String {
    e.record.name().unwrap_or_default().to_string()
}

/// The agenda lines of an organisation's contracts (of one supplier's, with `scope`): their
/// notice deadlines and extension options, and their obligations.
pub(crate) async fn agenda_items_in(
    store: &regisseur_store::Store,
    organisation: Uuid,
    scope: Option<Uuid>,
    lang: Lang,
) -> Result<
    (
        Vec<Element>,
        Vec<regisseur_domain::regie::obligations::AgendaItem<Uuid>>,
    ),
    StoreError,
> {
    let contracts = elements_in(store, organisation, EntityKind::Contract, scope).await?;
    let obligations = store.obligations(organisation).await?;
    let mut items = Vec::new();
    for c in &contracts {
        let mine: Vec<Obligation> = obligations
            .iter()
            .filter(|o| o.contract_id == c.id)
            .map(|o| o.obligation.clone())
            .collect();
        let months = c
            .record
            .get("opzegtermijnMaanden")
            .and_then(|v| v.as_u64())
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(0);
        items.extend(contract_items(
            c.id,
            &name_of(c),
            date_field(c, "einddatum"),
            months,
            c.record.get("verlengingsopties").and_then(|v| v.as_str()),
            &mine,
            lang,
        ));
    }
    Ok((contracts, items))
}
