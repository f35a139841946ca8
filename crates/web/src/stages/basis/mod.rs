//! Basis: the register of the landscape (applications, components, data sets, suppliers,
//! contracts, people), its import and export.

pub mod api;
pub mod transfer;

use crate::AppState;
use crate::kit::api::{list_query, query_pairs, visible_to};
use crate::kit::auth::Auth;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::Chrome;
use crate::kit::page::Fail;
use crate::kit::page::FormField;
use crate::kit::page::FormPage;
use crate::kit::page::OptionGroup;
use crate::kit::page::OptionItem;
use crate::kit::page::OrPage;
use crate::kit::page::PageAuth;
use crate::kit::page::PageError;
use crate::kit::page::PageResult;
use crate::kit::page::fail;
use crate::kit::page::membership;
use crate::kit::page::query_has;
use crate::kit::page::render;
use crate::kit::page::see_other;
use crate::kit::register::AuditRow;
use crate::kit::register::all_elements;
use crate::kit::register::audit_rows;
use crate::kit::view::{Part, display, element_href, element_label, form_value, referenced_ids};
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use regisseur_domain::landscape::{
    EntityKind, FieldSpec, FieldType, InputMode, RELATION_TYPE, choice_label,
};
use regisseur_domain::values::COUNTRIES;
use regisseur_domain::{Lang, ValidationErrors};
use regisseur_store::{AuditQuery, Dependent, Element, ListQuery, Membership, StoreError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/audit", get(audit_page))
        .merge(transfer::router())
        .route("/o/{slug}/{soort}", get(list_page).post(create_submit))
        .route("/o/{slug}/{soort}/nieuw", get(new_form))
        .route(
            "/o/{slug}/{soort}/{id}",
            get(detail_page).post(update_submit),
        )
        .route("/o/{slug}/{soort}/{id}/bewerken", get(edit_form))
        .route(
            "/o/{slug}/{soort}/{id}/verwijderen",
            get(delete_confirm).post(delete_submit),
        )
}

fn kind_of(soort: &str, m: &Membership, headers: &HeaderMap) -> Result<EntityKind, Fail> {
    let kind = EntityKind::from_resource(soort)
        .ok_or_else(|| Fail::new(headers, PageError(StatusCode::NOT_FOUND, None)))?;
    if !m.role.can_read(kind) {
        return fail(headers, StatusCode::FORBIDDEN);
    }
    Ok(kind)
}

/// The notice after an import: `geimporteerd=new-changed-unchanged`.
fn import_notice(raw: Option<&str>, lang: Lang) -> Option<String> {
    let value = query_pairs(raw)
        .into_iter()
        .find(|(k, _)| k == "geimporteerd")?
        .1;
    let counts: Vec<u64> = value.split('-').filter_map(|n| n.parse().ok()).collect();
    let [new, changed, unchanged] = counts.as_slice() else {
        return None;
    };
    Some(match lang {
        Lang::Nl => {
            format!("Geïmporteerd: {new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd.")
        }
        Lang::En => format!("Imported: {new} new, {changed} changed, {unchanged} unchanged."),
    })
}

struct Column {
    label: String,
    sort_href: Option<String>,
    aria_sort: &'static str,
}

struct Row {
    href: String,
    label: String,
    cells: Vec<Vec<Part>>,
}

struct FilterOption {
    value: String,
    label: String,
    selected: bool,
}

struct Filter {
    name: String,
    label: String,
    options: Vec<FilterOption>,
    text: Option<String>,
}

struct PageLink {
    href: String,
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    page: Chrome,
    heading: String,
    name_column: bool,
    base: String,
    search: String,
    filters: Vec<Filter>,
    columns: Vec<Column>,
    rows: Vec<Row>,
    total: i64,
    page_number: u32,
    page_count: u32,
    prev: Option<PageLink>,
    next: Option<PageLink>,
    can_write: bool,
    new_href: String,
    problems: Vec<String>,
    notice: Option<String>,
}

fn rebuild_query(pairs: &[(String, String)], set: &[(&str, Option<String>)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if set.iter().any(|(key, _)| key == k) || v.is_empty() {
            continue;
        }
        out.append_pair(k, v);
    }
    for (key, value) in set {
        if let Some(value) = value {
            out.append_pair(key, value);
        }
    }
    let query = out.finish();
    if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    }
}

async fn list_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = kind_of(&soort, m, &headers)?;
    let t = T(lang);
    let pairs: Vec<(String, String)> = query_pairs(raw.as_deref())
        .into_iter()
        .filter(|(k, _)| k != "verwijderd" && k != "geimporteerd")
        .collect();
    let mut problems = Vec::new();
    let mut query = match list_query(kind, pairs.clone()) {
        Ok(query) => query,
        Err(errors) => {
            problems = errors
                .0
                .iter()
                .map(|e| format!("{}: {}", e.name, e.problem.message(lang)))
                .collect();
            ListQuery::default()
        }
    };
    query.supplier_scope = m.supplier_scope();
    let result = match state
        .store
        .list_elements(m.organisation.id, kind, &query)
        .await
    {
        Ok(result) => result,
        Err(StoreError::Invalid(errors)) => {
            problems.extend(
                errors
                    .0
                    .iter()
                    .map(|e| format!("{}: {}", e.name, e.problem.message(lang))),
            );
            query.filters.clear();
            state
                .store
                .list_elements(m.organisation.id, kind, &query)
                .await
                .or_page(&headers)?
        }
        Err(other) => return Err(other).or_page(&headers),
    };
    let ids = referenced_ids(result.items.iter().map(|e| &e.record));
    let names = state
        .store
        .element_names(m.organisation.id, &ids)
        .await
        .or_page(&headers)?;
    let catalog = state.store.catalog();
    let base = format!("/o/{slug}/{soort}");
    let column_specs: Vec<&FieldSpec> = kind
        .list_columns()
        .iter()
        .filter_map(|f| kind.field(f))
        .collect();
    let sort_link = |field: &str| -> (Option<String>, &'static str) {
        let current = query.sort.as_ref();
        let (asc, aria) = match current {
            Some((f, desc)) if f == field => {
                (*desc, if *desc { "descending" } else { "ascending" })
            }
            None if field == "naam" => (false, "ascending"),
            _ => (true, "none"),
        };
        let value = if asc {
            field.to_string()
        } else {
            format!("-{field}")
        };
        (
            Some(format!(
                "{base}{}",
                rebuild_query(&pairs, &[("sorteer", Some(value)), ("pagina", None)])
            )),
            aria,
        )
    };
    let mut columns = Vec::new();
    if kind.has_name() {
        let (href, aria) = sort_link("naam");
        let name_label = kind.field("naam").map_or("Naam", |f| f.label(lang));
        columns.push(Column {
            label: name_label.to_string(),
            sort_href: href,
            aria_sort: aria,
        });
    }
    for spec in &column_specs {
        let (href, aria) = if kind.sortable(spec.name) {
            sort_link(spec.name)
        } else {
            (None, "none")
        };
        columns.push(Column {
            label: spec.label(lang).to_string(),
            sort_href: href,
            aria_sort: aria,
        });
    }
    let rows = result
        .items
        .iter()
        .map(|e| Row {
            href: element_href(&slug, kind, e.id),
            label: element_label(&e.record, &names, lang),
            cells: column_specs
                .iter()
                .map(|spec| display(spec, e.record.get(spec.name), &slug, &names, catalog, lang))
                .collect(),
        })
        .collect();
    let filters = list_filters(&state, m, kind, &query, lang)
        .await
        .or_page(&headers)?;
    let page_count = ((result.total + i64::from(result.page_size) - 1)
        / i64::from(result.page_size))
    .max(1) as u32;
    let link = |n: u32| PageLink {
        href: format!(
            "{base}{}",
            rebuild_query(&pairs, &[("pagina", Some(n.to_string()))])
        ),
    };
    let page = ListPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", kind.plural(lang), m.organisation.name),
            &format!("{base}{}", rebuild_query(&pairs, &[])),
        )
        .for_org(&auth, m, Some(kind.resource())),
        heading: kind.plural(lang).to_string(),
        name_column: kind.has_name(),
        search: query.search.clone().unwrap_or_default(),
        filters,
        columns,
        rows,
        total: result.total,
        page_number: result.page,
        page_count,
        prev: (result.page > 1).then(|| link(result.page - 1)),
        next: (result.page < page_count).then(|| link(result.page + 1)),
        can_write: m.role.can_write(kind),
        new_href: format!("{base}/nieuw"),
        base,
        problems,
        notice: import_notice(raw.as_deref(), lang).or_else(|| {
            query_has(raw.as_deref(), "verwijderd").then(|| t.s("delete-done").to_string())
        }),
    };
    Ok(render(StatusCode::OK, &page))
}

async fn list_filters(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
    query: &ListQuery,
    lang: Lang,
) -> Result<Vec<Filter>, StoreError> {
    let mut filters = Vec::new();
    let current = |name: &str| {
        query
            .filters
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    for spec in kind.fields().iter().filter(|f| f.filter) {
        let selected = current(spec.name);
        let option = |value: &str, label: String| FilterOption {
            selected: selected.as_deref() == Some(value),
            value: value.to_string(),
            label,
        };
        let options: Vec<FilterOption> = match spec.ty {
            FieldType::Choice(choices) => choices
                .iter()
                .map(|c| option(c.value, lang.pick(c.nl, c.en).to_string()))
                .collect(),
            FieldType::Bool => vec![
                option("true", T(lang).s("yes").into()),
                option("false", T(lang).s("no").into()),
            ],
            FieldType::Country => COUNTRIES
                .iter()
                .map(|c| option(c.code, lang.pick(c.nl, c.en).to_string()))
                .collect(),
            FieldType::Ref(target) if m.role.can_read(target) && !m.role.is_supplier() => {
                all_elements(state, m, target)
                    .await?
                    .iter()
                    .map(|e| option(&e.id.to_string(), e.record.name().unwrap_or("").to_string()))
                    .collect()
            }
            FieldType::Text { .. } => {
                filters.push(Filter {
                    name: spec.name.into(),
                    label: spec.label(lang).into(),
                    options: Vec::new(),
                    text: Some(selected.unwrap_or_default()),
                });
                continue;
            }
            _ => continue,
        };
        filters.push(Filter {
            name: spec.name.into(),
            label: spec.label(lang).into(),
            options,
            text: None,
        });
    }
    Ok(filters)
}

struct FieldRow {
    label: String,
    parts: Vec<Part>,
}

struct LinkRow {
    label: String,
    parts: Vec<Part>,
}

struct InterfaceRow {
    other: Part,
    standard: String,
    frequency: String,
    link: Part,
}

#[derive(Template)]
#[template(path = "detail.html")]
struct DetailPage {
    page: Chrome,
    kind_label: String,
    heading: String,
    fields: Vec<FieldRow>,
    link_sections: Vec<(String, Vec<LinkRow>)>,
    interface_sections: Vec<(String, Vec<InterfaceRow>)>,
    audit_list: Vec<AuditRow>,
    show_history: bool,
    can_write: bool,
    edit_href: String,
    delete_href: String,
    new_relation_href: Option<String>,
    version: i64,
    created: String,
    updated: String,
    notice: Option<String>,
    quality: Option<crate::kit::quality::ElementQuality>,
    impact_href: Option<String>,
}

async fn load_visible(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
    id: &str,
    headers: &HeaderMap,
) -> Result<Element, Fail> {
    let Ok(id) = Uuid::parse_str(id) else {
        return fail(headers, StatusCode::NOT_FOUND);
    };
    match state
        .store
        .get_element(m.organisation.id, kind, id)
        .await
        .or_page(headers)?
    {
        Some(element) if visible_to(m, &element) => Ok(element),
        _ => fail(headers, StatusCode::NOT_FOUND),
    }
}

async fn detail_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let kind = kind_of(&soort, m, &headers)?;
    let element = load_visible(&state, m, kind, &id, &headers).await?;
    let t = T(lang);
    let referring = if m.role.is_supplier() {
        Vec::new()
    } else {
        state
            .store
            .referring_elements(m.organisation.id, element.id)
            .await
            .or_page(&headers)?
    };
    let mut ids =
        referenced_ids(std::iter::once(&element.record).chain(referring.iter().map(|e| &e.record)));
    ids.extend(referring.iter().map(|e| e.id));
    let names = state
        .store
        .element_names(m.organisation.id, &ids)
        .await
        .or_page(&headers)?;
    let catalog = state.store.catalog();
    // Reference components link to their place in the imported GEMMA model, if any.
    let gemma = match element.record.get("referentiecomponentIds") {
        Some(_) if kind != EntityKind::ModelElement => state
            .store
            .reference_component_elements(m.organisation.id)
            .await
            .or_page(&headers)?,
        _ => std::collections::HashMap::new(),
    };
    let fields = kind
        .fields()
        .iter()
        .map(|spec| {
            let value = element.record.get(spec.name);
            let mut parts = display(spec, value, &slug, &names, catalog, lang);
            // Without a choice of its own, an element's service domain is a default.
            if spec.name == "dienstdomein"
                && value.is_none()
                && let Some(domain) = regisseur_domain::sourcing::domain_of(&element.record, |id| {
                    catalog.get(id).map(|c| c.naam.clone())
                })
            {
                parts = vec![Part::plain(format!(
                    "{} ({})",
                    domain.label(lang),
                    t.s("detail-default")
                ))];
            }
            if spec.ty == FieldType::ReferenceComponents {
                let ids = value.and_then(Value::as_array).into_iter().flatten();
                for (part, id) in parts.iter_mut().zip(ids) {
                    part.href = id
                        .as_str()
                        .and_then(|id| gemma.get(id))
                        .map(|uuid| element_href(&slug, EntityKind::ModelElement, *uuid));
                }
            }
            FieldRow {
                label: spec.label(lang).to_string(),
                parts,
            }
        })
        .collect();
    let this = element.id.to_string();
    let link_to = |id: Option<&str>| -> Part {
        match id
            .and_then(|s| Uuid::parse_str(s).ok())
            .and_then(|u| names.get(&u).map(|n| (u, n)))
        {
            Some((u, (k, name))) => Part {
                text: format!("{name} ({})", k.singular(lang)),
                href: Some(element_href(&slug, *k, u)),
            },
            None => Part::plain("?"),
        }
    };
    let (mut outgoing, mut incoming, mut interfaces_out, mut interfaces_in, mut referenced_by) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut grouped: BTreeMap<String, Vec<Part>> = BTreeMap::new();
    for other in &referring {
        let record = &other.record;
        let self_link = Part {
            text: element_label(record, &names, lang),
            href: Some(element_href(&slug, other.kind(), other.id)),
        };
        match other.kind() {
            EntityKind::Relation => {
                let soort = choice_label(RELATION_TYPE, record.text("soort").unwrap_or(""), lang);
                if record.text("bronId") == Some(this.as_str()) {
                    outgoing.push(LinkRow {
                        label: soort,
                        parts: vec![link_to(record.text("doelId"))],
                    });
                } else {
                    incoming.push(LinkRow {
                        label: soort,
                        parts: vec![link_to(record.text("bronId"))],
                    });
                }
            }
            EntityKind::Interface => {
                let label = |field: &str, choices| {
                    record
                        .text(field)
                        .map(|v| choice_label(choices, v, lang))
                        .unwrap_or_default()
                };
                let outgoing = record.text("vanApplicatieId") == Some(this.as_str());
                let other_end = if outgoing {
                    "naarApplicatieId"
                } else {
                    "vanApplicatieId"
                };
                let row = InterfaceRow {
                    other: link_to(record.text(other_end)),
                    standard: label("standaard", regisseur_domain::landscape::INTERFACE_STANDARD),
                    frequency: label("frequentie", regisseur_domain::landscape::FREQUENCY),
                    link: Part {
                        text: record
                            .text("omschrijving")
                            .or(record.name())
                            .unwrap_or(t.s("detail-interface"))
                            .to_string(),
                        href: self_link.href.clone(),
                    },
                };
                if outgoing {
                    interfaces_out.push(row);
                } else {
                    interfaces_in.push(row);
                }
            }
            other_kind => {
                for reference in record
                    .references()
                    .into_iter()
                    .filter(|r| r.target == element.id)
                {
                    let field = other_kind
                        .field(reference.field)
                        .map_or(reference.field, |f| f.label(lang));
                    grouped
                        .entry(format!(
                            "{} ({})",
                            other_kind.plural(lang),
                            field.to_lowercase()
                        ))
                        .or_default()
                        .push(self_link.clone());
                }
            }
        }
    }
    for (label, parts) in grouped {
        referenced_by.push(LinkRow { label, parts });
    }
    let show_history = m.role.can_read_audit();
    let audit_list = if show_history {
        let query = AuditQuery {
            entity_id: Some(element.id),
            page_size: 10,
            ..AuditQuery::default()
        };
        audit_rows(&state, m, &query, lang)
            .await
            .or_page(&headers)?
            .0
    } else {
        Vec::new()
    };
    let quality = crate::kit::quality::element_quality(
        &state,
        &auth,
        m,
        kind,
        element.id,
        &element.record,
        lang,
    )
    .await
    .or_page(&headers)?;
    let heading = element_label(&element.record, &names, lang);
    let base = element_href(&slug, kind, element.id);
    let can_write = m.role.can_write(kind);
    let page = DetailPage {
        page: Chrome::new(lang, format!("{heading} — {}", kind.singular(lang)), &base).for_org(
            &auth,
            m,
            Some(kind.resource()),
        ),
        kind_label: kind.singular(lang).to_string(),
        heading,
        fields,
        link_sections: [
            ("detail-outgoing", outgoing),
            ("detail-incoming", incoming),
            ("detail-referenced", referenced_by),
        ]
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .map(|(key, rows)| (t.s(key).to_string(), rows))
        .collect(),
        interface_sections: [
            ("detail-interfaces-out", interfaces_out),
            ("detail-interfaces-in", interfaces_in),
        ]
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .map(|(key, rows)| (t.s(key).to_string(), rows))
        .collect(),
        audit_list,
        show_history,
        can_write,
        edit_href: format!("{base}/bewerken"),
        delete_href: format!("{base}/verwijderen"),
        new_relation_href: (m.role.can_write(EntityKind::Relation) && kind != EntityKind::Relation)
            .then(|| format!("/o/{slug}/relaties/nieuw?bronId={}", element.id)),
        version: element.version,
        created: element.created_at.format("%d-%m-%Y %H:%M").to_string(),
        updated: element.updated_at.format("%d-%m-%Y %H:%M").to_string(),
        notice: if query_has(raw.as_deref(), "opgeslagen") {
            Some(t.s("detail-saved").to_string())
        } else {
            query_has(raw.as_deref(), "bevestigd").then(|| t.s("detail-confirmed").to_string())
        },
        quality,
        impact_href: (!m.role.is_supplier()
            && !matches!(kind, EntityKind::Relation | EntityKind::Interface))
        .then(|| format!("/o/{slug}/impact/{}", element.id)),
    };
    Ok(render(StatusCode::OK, &page))
}

/// The values a form shows: per field, one or more texts.
type FormValues = BTreeMap<String, Vec<String>>;

fn values_from_record(kind: EntityKind, element: &Element) -> FormValues {
    kind.fields()
        .iter()
        .map(|spec| {
            (
                spec.name.to_string(),
                form_value(spec, element.record.get(spec.name)),
            )
        })
        .collect()
}

fn parse_form(
    kind: EntityKind,
    body: &[u8],
) -> (
    Map<String, Value>,
    FormValues,
    Option<i64>,
    BTreeMap<String, String>,
) {
    let mut values: FormValues = BTreeMap::new();
    let mut other = BTreeMap::new();
    let mut version = None;
    for (key, value) in form_urlencoded::parse(body).into_owned() {
        if key == "versie" {
            version = value.trim().parse().ok();
        } else if kind.field(&key).is_some() {
            values.entry(key).or_default().push(value);
        } else {
            other.insert(key, value);
        }
    }
    let mut input = Map::new();
    for spec in kind.fields() {
        let Some(texts) = values.get(spec.name) else {
            continue;
        };
        let value = match spec.ty {
            FieldType::RefList(_) | FieldType::ReferenceComponents => Value::Array(
                texts
                    .iter()
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| Value::from(t.clone()))
                    .collect(),
            ),
            _ => Value::from(texts.last().cloned().unwrap_or_default()),
        };
        input.insert(spec.name.to_string(), value);
    }
    (input, values, version, other)
}

async fn form_fields(
    state: &AppState,
    m: &Membership,
    kind: EntityKind,
    values: &FormValues,
    errors: &ValidationErrors,
    lang: Lang,
) -> Result<Vec<FormField>, StoreError> {
    let t = T(lang);
    let catalog = state.store.catalog();
    let mut fields = Vec::new();
    for spec in kind.fields() {
        let current: Vec<String> = values.get(spec.name).cloned().unwrap_or_default();
        let first = current.first().cloned().unwrap_or_default();
        let opt = |value: &str, label: String| OptionItem {
            selected: current.iter().any(|c| c == value),
            value: value.to_string(),
            label,
        };
        let choose = || OptionItem {
            value: String::new(),
            label: t.s("form-choose").to_string(),
            selected: current.is_empty(),
        };
        let single = |options: Vec<OptionItem>| {
            vec![OptionGroup {
                label: String::new(),
                options,
            }]
        };
        let elements_of = |target: EntityKind| all_elements(state, m, target);
        let (widget, groups, help): (&'static str, Vec<OptionGroup>, Option<String>) = match spec.ty
        {
            FieldType::Text { .. } | FieldType::Kvk => ("text", Vec::new(), None),
            FieldType::LongText => ("textarea", Vec::new(), None),
            FieldType::Properties => (
                "textarea",
                Vec::new(),
                Some(t.s("form-properties").to_string()),
            ),
            FieldType::Email => ("email", Vec::new(), None),
            FieldType::Date => ("date", Vec::new(), None),
            FieldType::Integer { .. } => ("number", Vec::new(), None),
            FieldType::Money => ("text", Vec::new(), Some(t.s("form-money").to_string())),
            FieldType::Choice(choices) => {
                let mut options = vec![choose()];
                options.extend(
                    choices
                        .iter()
                        .map(|c| opt(c.value, lang.pick(c.nl, c.en).to_string())),
                );
                ("select", single(options), None)
            }
            FieldType::Bool => (
                "select",
                single(vec![
                    choose(),
                    opt("ja", t.s("yes").into()),
                    opt("nee", t.s("no").into()),
                ]),
                None,
            ),
            FieldType::Biv => {
                let mut options = vec![choose()];
                for n in 1..=3 {
                    let label = regisseur_domain::values::BivLevel::new(n)
                        .map(|l| format!("{n} — {}", l.label(lang)))
                        .unwrap_or_default();
                    options.push(opt(&n.to_string(), label));
                }
                ("select", single(options), None)
            }
            FieldType::Country => {
                let mut options = vec![choose()];
                options.extend(
                    COUNTRIES
                        .iter()
                        .map(|c| opt(c.code, format!("{} ({})", lang.pick(c.nl, c.en), c.code))),
                );
                if !first.is_empty()
                    && !COUNTRIES
                        .iter()
                        .any(|c| c.code.eq_ignore_ascii_case(&first))
                {
                    options.push(opt(&first, first.clone()));
                }
                ("select", single(options), None)
            }
            FieldType::Ref(target) => {
                let mut options = vec![choose()];
                options.extend(
                    elements_of(target)
                        .await?
                        .iter()
                        .map(|e| opt(&e.id.to_string(), e.record.name().unwrap_or("").to_string())),
                );
                ("select", single(options), None)
            }
            FieldType::RefList(target) => {
                let options = elements_of(target)
                    .await?
                    .iter()
                    .map(|e| opt(&e.id.to_string(), e.record.name().unwrap_or("").to_string()))
                    .collect();
                (
                    "multiselect",
                    single(options),
                    Some(t.s("form-multi").to_string()),
                )
            }
            FieldType::ReferenceComponents => {
                let options = catalog
                    .all()
                    .iter()
                    .map(|c| opt(&c.id, c.naam.clone()))
                    .collect();
                (
                    "multiselect",
                    single(options),
                    Some(t.s("form-multi").to_string()),
                )
            }
            FieldType::AnyRef => {
                let mut groups = vec![OptionGroup {
                    label: String::new(),
                    options: vec![choose()],
                }];
                let mut names = crate::kit::view::Names::new();
                for target in EntityKind::ALL
                    .into_iter()
                    .filter(|k| *k != EntityKind::Relation)
                {
                    let elements = elements_of(target).await?;
                    let options: Vec<OptionItem> = elements
                        .iter()
                        .map(|e| opt(&e.id.to_string(), e.record.name().unwrap_or("").to_string()))
                        .collect();
                    let labelled: Vec<_> = elements
                        .into_iter()
                        .map(|e| {
                            let label = crate::kit::view::element_label(&e.record, &names, lang);
                            (e.id, (target, label))
                        })
                        .collect();
                    names.extend(labelled);
                    if !options.is_empty() {
                        groups.push(OptionGroup {
                            label: target.plural(lang).to_string(),
                            options,
                        });
                    }
                }
                // A relation may point at a relation (from an ArchiMate model); the one it
                // points at now stays selectable, so that editing keeps it.
                let mut relations = Vec::new();
                for id in current.iter().filter_map(|c| Uuid::parse_str(c).ok()) {
                    if let Some(relation) = state
                        .store
                        .get_element(m.organisation.id, EntityKind::Relation, id)
                        .await?
                    {
                        let label = crate::kit::view::element_label(&relation.record, &names, lang);
                        relations.push(opt(&id.to_string(), label));
                    }
                }
                if !relations.is_empty() {
                    groups.push(OptionGroup {
                        label: EntityKind::Relation.plural(lang).to_string(),
                        options: relations,
                    });
                }
                ("select", groups, None)
            }
        };
        let (min, max) = match spec.ty {
            FieldType::Integer { min, max } => (min, max),
            _ => (0, 0),
        };
        fields.push(FormField {
            name: spec.name.to_string(),
            id: format!("veld-{}", spec.name),
            label: spec.label(lang).to_string(),
            widget,
            value: first,
            groups,
            required: spec.required,
            error: errors.for_field(spec.name).map(|e| e.problem.message(lang)),
            help,
            maxlength: match spec.ty {
                FieldType::Text { max } => max,
                FieldType::Kvk => 8,
                _ => 0,
            },
            min,
            max,
        });
    }
    Ok(fields)
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    kind: EntityKind,
    lang: Lang,
    editing: Option<&Element>,
    values: &FormValues,
    errors: &ValidationErrors,
    message: Option<String>,
) -> Result<FormPage, StoreError> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let fields = form_fields(state, m, kind, values, errors, lang).await?;
    let error_summary = errors
        .0
        .iter()
        .map(|e| {
            let label = kind
                .field(&e.name)
                .map_or(e.name.clone(), |f| f.label(lang).to_string());
            (format!("veld-{}", e.name), label, e.problem.message(lang))
        })
        .collect();
    let (heading, action, cancel) = match editing {
        Some(element) => {
            let names = state
                .store
                .element_names(m.organisation.id, &referenced_ids([&element.record]))
                .await?;
            let href = element_href(slug, kind, element.id);
            (
                format!(
                    "{} {}",
                    t.s("form-edit"),
                    element_label(&element.record, &names, lang)
                ),
                href.clone(),
                href,
            )
        }
        None => (
            format!("{} {}", t.s("form-new"), kind.singular(lang)),
            format!("/o/{slug}/{}", kind.resource()),
            format!("/o/{slug}/{}", kind.resource()),
        ),
    };
    Ok(FormPage {
        page: Chrome::new(lang, heading.clone(), &action).for_org(auth, m, Some(kind.resource())),
        heading,
        action,
        cancel_href: cancel,
        fields,
        version: editing.map(|e| e.version),
        error_summary,
        message,
    })
}

/// The organisation and kind a page that writes is about, after checking the role.
fn kind_for_write<'a>(
    auth: &'a Auth,
    headers: &HeaderMap,
    slug: &str,
    soort: &str,
) -> Result<(&'a Membership, EntityKind), Fail> {
    let m = membership(auth, slug, headers)?;
    let kind = kind_of(soort, m, headers)?;
    require_write(m, kind, headers)?;
    Ok((m, kind))
}

/// The organisation, kind and element a page that writes is about, after checking the role.
async fn element_for_write<'a>(
    state: &AppState,
    auth: &'a Auth,
    headers: &HeaderMap,
    slug: &str,
    soort: &str,
    id: &str,
) -> Result<(&'a Membership, EntityKind, Element), Fail> {
    let (m, kind) = kind_for_write(auth, headers, slug, soort)?;
    let element = load_visible(state, m, kind, id, headers).await?;
    Ok((m, kind, element))
}

fn require_write(m: &Membership, kind: EntityKind, headers: &HeaderMap) -> Result<(), Fail> {
    if m.role.can_write(kind) {
        Ok(())
    } else {
        fail(headers, StatusCode::FORBIDDEN)
    }
}

async fn new_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let (m, kind) = kind_for_write(&auth, &headers, &slug, &soort)?;
    // Prefill from the address, e.g. a new relation from a detail page.
    let values: FormValues = query_pairs(raw.as_deref())
        .into_iter()
        .filter(|(k, _)| kind.field(k).is_some())
        .map(|(k, v)| (k, vec![v]))
        .collect();
    let page = form_page(
        &state,
        &auth,
        m,
        kind,
        lang,
        None,
        &values,
        &ValidationErrors::default(),
        None,
    )
    .await
    .or_page(&headers)?;
    Ok(render(StatusCode::OK, &page))
}

async fn create_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort)): Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let (m, kind) = kind_for_write(&auth, &headers, &slug, &soort)?;
    let (input, values, _, _) = parse_form(kind, &body);
    match state
        .store
        .create_element(
            &auth.actor(),
            m.organisation.id,
            kind,
            &input,
            InputMode::Form,
        )
        .await
    {
        Ok(element) => Ok(see_other(&format!(
            "{}?opgeslagen=1",
            element_href(&slug, kind, element.id)
        ))),
        Err(StoreError::Invalid(errors)) => {
            let page = form_page(
                &state,
                &auth,
                m,
                kind,
                lang,
                None,
                &values,
                &errors,
                Some(T(lang).s("form-errors").to_string()),
            )
            .await
            .or_page(&headers)?;
            Ok(render(StatusCode::BAD_REQUEST, &page))
        }
        Err(other) => Err(other).or_page(&headers),
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> PageResult {
    let (m, kind, element) = element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
    let values = values_from_record(kind, &element);
    let page = form_page(
        &state,
        &auth,
        m,
        kind,
        lang,
        Some(&element),
        &values,
        &ValidationErrors::default(),
        None,
    )
    .await
    .or_page(&headers)?;
    Ok(render(StatusCode::OK, &page))
}

async fn update_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    body: Bytes,
) -> PageResult {
    let (m, kind, element) = element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
    let (input, values, version, _) = parse_form(kind, &body);
    let t = T(lang);
    let version = version.unwrap_or(element.version);
    match state
        .store
        .update_element(
            &auth.actor(),
            m.organisation.id,
            kind,
            element.id,
            version,
            &input,
            InputMode::Form,
        )
        .await
    {
        Ok(updated) => Ok(see_other(&format!(
            "{}?opgeslagen=1",
            element_href(&slug, kind, updated.id)
        ))),
        Err(StoreError::Invalid(errors)) => {
            let mut shown = element.clone();
            shown.version = version;
            let page = form_page(
                &state,
                &auth,
                m,
                kind,
                lang,
                Some(&shown),
                &values,
                &errors,
                Some(t.s("form-errors").to_string()),
            )
            .await
            .or_page(&headers)?;
            Ok(render(StatusCode::BAD_REQUEST, &page))
        }
        Err(StoreError::Conflict { .. }) => {
            let current = load_visible(&state, m, kind, &id, &headers).await?;
            let values = values_from_record(kind, &current);
            let page = form_page(
                &state,
                &auth,
                m,
                kind,
                lang,
                Some(&current),
                &values,
                &ValidationErrors::default(),
                Some(t.s("form-conflict").to_string()),
            )
            .await
            .or_page(&headers)?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(other) => Err(other).or_page(&headers),
    }
}

struct DependentRow {
    kind: String,
    name: String,
    href: String,
    effect: String,
}

#[derive(Template)]
#[template(path = "delete.html")]
struct DeletePage {
    page: Chrome,
    heading: String,
    action: String,
    cancel_href: String,
    dependents: Vec<DependentRow>,
    refused: bool,
    /// Someone changed the element since this page was shown: nothing was deleted.
    changed: bool,
    /// The version the confirmation is for: the delete is refused when it is no longer current.
    version: i64,
}

fn dependent_rows(slug: &str, dependents: &[Dependent], lang: Lang) -> Vec<DependentRow> {
    let t = T(lang);
    dependents
        .iter()
        .map(|d| DependentRow {
            kind: d.kind.singular(lang).to_string(),
            name: d
                .name
                .clone()
                .unwrap_or_else(|| T(lang).s("view-no-name").to_string()),
            href: element_href(slug, d.kind, d.id),
            effect: if d.required {
                t.s("delete-removed")
            } else {
                t.s("delete-cleared")
            }
            .to_string(),
        })
        .collect()
}

/// Why a delete was refused, if it was.
#[derive(Clone, Copy, PartialEq)]
enum Refused {
    No,
    Dependents,
    Changed,
}

async fn delete_page(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    kind: EntityKind,
    element: &Element,
    lang: Lang,
    refused: Refused,
) -> Result<DeletePage, StoreError> {
    let t = T(lang);
    let slug = &m.organisation.slug;
    let dependents = state
        .store
        .dependents(m.organisation.id, element.id)
        .await?;
    let names = state
        .store
        .element_names(m.organisation.id, &referenced_ids([&element.record]))
        .await?;
    let heading = format!(
        "{} {}",
        t.s("delete-title"),
        element_label(&element.record, &names, lang)
    );
    let href = element_href(slug, kind, element.id);
    Ok(DeletePage {
        page: Chrome::new(lang, heading.clone(), &href).for_org(auth, m, Some(kind.resource())),
        heading,
        action: format!("{href}/verwijderen"),
        cancel_href: href,
        dependents: dependent_rows(slug, &dependents, lang),
        refused: refused == Refused::Dependents,
        changed: refused == Refused::Changed,
        version: element.version,
    })
}

async fn delete_confirm(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
) -> PageResult {
    let (m, kind, element) = element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
    let page = delete_page(&state, &auth, m, kind, &element, lang, Refused::No)
        .await
        .or_page(&headers)?;
    Ok(render(StatusCode::OK, &page))
}

async fn delete_submit(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, soort, id)): Path<(String, String, String)>,
    body: Bytes,
) -> PageResult {
    let (m, kind, element) = element_for_write(&state, &auth, &headers, &slug, &soort, &id).await?;
    let cascade = form_urlencoded::parse(&body).any(|(k, v)| k == "trapsgewijs" && v == "ja");
    let version = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "versie")
        .and_then(|(_, v)| v.parse::<i64>().ok());
    match state
        .store
        .delete_element(
            &auth.actor(),
            m.organisation.id,
            kind,
            element.id,
            cascade,
            version,
        )
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/o/{slug}/{}?verwijderd=1",
            kind.resource()
        ))),
        Err(StoreError::HasDependents(_)) => {
            let page = delete_page(&state, &auth, m, kind, &element, lang, Refused::Dependents)
                .await
                .or_page(&headers)?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(StoreError::Conflict { .. }) => {
            let page = delete_page(&state, &auth, m, kind, &element, lang, Refused::Changed)
                .await
                .or_page(&headers)?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(other) => Err(other).or_page(&headers),
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Chrome,
    audit_list: Vec<AuditRow>,
    total: i64,
    page_number: u32,
    page_count: u32,
    prev: Option<PageLink>,
    next: Option<PageLink>,
}

async fn audit_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    if !m.role.can_read_audit() {
        return fail(&headers, StatusCode::FORBIDDEN);
    }
    let page_number = query_pairs(raw.as_deref())
        .iter()
        .find(|(k, _)| k == "pagina")
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    let query = AuditQuery {
        page: page_number,
        page_size: 50,
        ..AuditQuery::default()
    };
    let (audit_list, total) = audit_rows(&state, m, &query, lang)
        .await
        .or_page(&headers)?;
    let page_count = ((total + 49) / 50).max(1) as u32;
    let link = |n: u32| PageLink {
        href: format!("/o/{slug}/audit?pagina={n}"),
    };
    let t = T(lang);
    let page = AuditPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("audit-title"), m.organisation.name),
            &format!("/o/{slug}/audit"),
        )
        .for_org(&auth, m, Some("audit")),
        audit_list,
        total,
        page_number,
        page_count,
        prev: (page_number > 1).then(|| link(page_number - 1)),
        next: (page_number < page_count).then(|| link(page_number + 1)),
    };
    Ok(render(StatusCode::OK, &page))
}
