//! Scope in the interface and the API: the scope cut of a set of service domains, supplier
//! dependency with its concentration chart, the impact of an element, and the dependency map
//! around it (server-side SVG layout, pan and zoom in the browser, the same neighbourhood as a
//! table). The graph is `regisseur_domain::sourcing::Graph`, cached per register revision.

use crate::AppState;
use crate::kit::auth::ApiAuth;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::{Chrome, OrPage, fail, internal_membership, render};
use crate::kit::problem::Problem;
use crate::kit::view::element_href;
use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use regisseur_domain::Lang;
use regisseur_domain::landscape::{EntityKind, Record};
use regisseur_domain::sourcing::{Graph, ServiceDomain, parse_domains, supplier_dependency};
use regisseur_store::StoreError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Graphs per organisation with the register revision they were built from.
#[derive(Default)]
pub struct GraphCache(Mutex<HashMap<Uuid, (i64, Arc<Graph>)>>);

/// The most nodes the map draws.
pub(crate) const MAP_LIMIT: usize = 2_000;

pub(crate) async fn organisation_graph(
    state: &AppState,
    organisation_id: Uuid,
) -> Result<Arc<Graph>, StoreError> {
    let revision = state.store.revision(organisation_id).await?;
    if let Ok(cache) = state.graphs.0.lock()
        && let Some((r, graph)) = cache.get(&organisation_id)
        && *r == revision
    {
        return Ok(graph.clone());
    }
    let graph = Arc::new(state.store.dependency_graph(organisation_id).await?);
    if let Ok(mut cache) = state.graphs.0.lock() {
        cache.insert(organisation_id, (revision, graph.clone()));
    }
    Ok(graph)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/o/{slug}/scope", get(scope_page))
        .route("/o/{slug}/impact/{id}", get(impact_page))
}

fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    crate::kit::api::query_pairs(raw)
}

// ---------------------------------------------------------------------------------------------
// API.

/// `GET /api/v1/organisaties/{slug}/impact/{id}`
pub(crate) async fn api_impact(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let graph = organisation_graph(&state, m.organisation.id).await?;
    // The element's id, or the ArchiMate identifier it had in an imported model.
    let node = Uuid::parse_str(&id)
        .ok()
        .and_then(|id| graph.node(id))
        .or_else(|| graph.by_archimate_id(&id))
        .ok_or_else(|| Problem::not_found().detail("Element niet gevonden."))?;
    let affected = graph.impact(node.id).unwrap_or_default();
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        graph.impact_json(node, &affected),
    ))
}

/// `GET /api/v1/organisaties/{slug}/scope?domeinen=a,b`
pub(crate) async fn api_scope(
    State(state): State<AppState>,
    auth: ApiAuth,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Problem> {
    let m = crate::kit::api::internal_membership(&auth, &slug)?;
    let mut list = String::new();
    let mut errors = regisseur_domain::ValidationErrors::default();
    for (key, value) in pairs(raw.as_deref()) {
        match key.as_str() {
            "domeinen" => list = value,
            _ => errors.push(key, regisseur_domain::Problem::UnknownField),
        }
    }
    errors.into_result(()).map_err(|e| Problem::invalid(&e))?;
    let domains = parse_domains(&list).map_err(Problem::bad_request)?;
    if domains.is_empty() {
        return Err(Problem::bad_request(
            "Noem minstens één dienstdomein in 'domeinen'.",
        ));
    }
    let graph = organisation_graph(&state, m.organisation.id).await?;
    let cut = graph.scope(&domains);
    Ok(crate::kit::api::json_response(
        StatusCode::OK,
        graph.scope_json(&domains, &cut),
    ))
}

// ---------------------------------------------------------------------------------------------
// The scope page.

struct Named {
    name: String,
    kind: String,
    href: String,
}

struct CrossingRow {
    from: Named,
    to: Named,
    via: String,
}

struct DomainRow {
    code: &'static str,
    label: &'static str,
    checked: bool,
    elements: usize,
    current: String,
    intended: String,
}

struct SupplierRow {
    name: String,
    href: String,
    critical: usize,
    share: String,
    applications: usize,
    contracts: usize,
    value: String,
    personal: usize,
    bar: f64,
    over: bool,
}

#[derive(Template)]
#[template(path = "scope.html")]
struct ScopePage {
    page: Chrome,
    domains: Vec<DomainRow>,
    chosen: Vec<&'static str>,
    outsourced: usize,
    crossing: Vec<CrossingRow>,
    personal: Vec<Named>,
    dependent: Vec<Named>,
    suppliers: Vec<SupplierRow>,
    limit: String,
    error: Option<String>,
}

fn named(graph: &Graph, slug: &str, id: Uuid, lang: Lang) -> Named {
    match graph.node(id) {
        Some(n) => Named {
            name: n.name.clone(),
            kind: n.kind.singular(lang).to_string(),
            href: element_href(slug, n.kind, n.id),
        },
        None => Named {
            name: id.to_string(),
            kind: String::new(),
            href: String::new(),
        },
    }
}

async fn scope_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let t = T(lang);
    let graph = organisation_graph(&state, m.organisation.id)
        .await
        .or_page(&headers)?;
    let choices = state
        .store
        .domain_choices(m.organisation.id)
        .await
        .or_page(&headers)?;
    let query = pairs(raw.as_deref());
    let asked: Vec<String> = query
        .iter()
        .filter(|(k, _)| k == "domein")
        .map(|(_, v)| v.clone())
        .collect();
    // Without a choice: the domains the municipality intends to hand over (Koers).
    let (domains, error) = if query.iter().any(|(k, _)| k == "domein" || k == "bekijk") {
        match parse_domains(&asked.join(",")) {
            Ok(d) => (d, None),
            Err(e) => (Vec::new(), Some(e)),
        }
    } else {
        (
            choices
                .iter()
                .filter(|c| c.outsourcing())
                .map(|c| c.domain)
                .collect(),
            None,
        )
    };
    let cut = graph.scope(&domains);
    let mut counts: HashMap<ServiceDomain, usize> = HashMap::new();
    for node in graph.nodes() {
        if let Some(d) = node.domain {
            *counts.entry(d).or_default() += 1;
        }
    }
    let elements = state
        .store
        .all_elements(m.organisation.id)
        .await
        .or_page(&headers)?;
    let items: Vec<(Uuid, &Record)> = elements.iter().map(|e| (e.id, &e.record)).collect();
    let settings = state
        .store
        .quality_settings(m.organisation.id)
        .await
        .or_page(&headers)?;
    let suppliers = supplier_dependency(&items)
        .into_iter()
        .filter(|d| d.involved())
        .map(|d| SupplierRow {
            over: d.too_concentrated(settings.thresholds.concentration_percent),
            href: element_href(&slug, EntityKind::Supplier, d.supplier),
            name: d.name,
            critical: d.critical_applications,
            share: format!("{:.0}%", d.critical_share * 100.0),
            applications: d.applications,
            contracts: d.contracts,
            value: regisseur_domain::values::Cents(d.annual_value_cents).to_euro_text(),
            personal: d.personal_data_sets,
            bar: d.critical_share * 100.0,
        })
        .collect();
    let page = ScopePage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("scope-title"), m.organisation.name),
            &format!("/o/{slug}/scope"),
        )
        .for_org(&auth, m, Some("scope")),
        domains: ServiceDomain::ALL
            .into_iter()
            .map(|d| {
                let choice = choices.iter().find(|c| c.domain == d);
                DomainRow {
                    code: d.code(),
                    label: d.label(lang),
                    checked: domains.contains(&d),
                    elements: counts.get(&d).copied().unwrap_or(0),
                    current: choice.map_or(String::new(), |c| c.current.label(lang).to_string()),
                    intended: choice.map_or(String::new(), |c| c.intended.label(lang).to_string()),
                }
            })
            .collect(),
        chosen: domains.iter().map(|d| d.label(lang)).collect(),
        outsourced: cut.outsourced.len(),
        crossing: cut
            .crossing
            .iter()
            .map(|c| CrossingRow {
                from: named(&graph, &slug, c.from, lang),
                to: named(&graph, &slug, c.to, lang),
                via: c.via.code().to_string(),
            })
            .collect(),
        personal: cut
            .personal_data
            .iter()
            .map(|id| named(&graph, &slug, *id, lang))
            .collect(),
        dependent: cut
            .dependent
            .iter()
            .map(|id| named(&graph, &slug, *id, lang))
            .collect(),
        suppliers,
        limit: format!("{}%", settings.thresholds.concentration_percent),
        error,
    };
    Ok(render(StatusCode::OK, &page))
}

// ---------------------------------------------------------------------------------------------
// Impact and the map.

struct AffectedRow {
    name: String,
    href: String,
    map_href: String,
    distance: u32,
    path: String,
    critical: bool,
    personal: bool,
}

struct MapNode {
    x: f64,
    y: f64,
    colour: &'static str,
    critical: bool,
    label: String,
    title: String,
    href: String,
    show_label: bool,
}

struct MapLink {
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
}

struct ListRow {
    distance: u32,
    name: String,
    kind: String,
    href: String,
    via: String,
    critical: bool,
}

#[derive(Template)]
#[template(path = "impact.html")]
struct ImpactPage {
    page: Chrome,
    name: String,
    kind: String,
    href: String,
    groups: Vec<(String, Vec<AffectedRow>)>,
    total: usize,
    hops: u32,
    hop_options: Vec<u32>,
    map_nodes: Vec<MapNode>,
    map_links: Vec<MapLink>,
    map_size: f64,
    legend: Vec<(&'static str, String)>,
    list: Vec<ListRow>,
    truncated: bool,
    description: String,
}

fn colour(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Application => "#1a4480",
        EntityKind::Component => "#5a6b00",
        EntityKind::DataSet => "#7a3e9d",
        EntityKind::Supplier => "#a35f00",
        EntityKind::Contract => "#0f6e6e",
        EntityKind::Person => "#595959",
        _ => "#8a8a8a",
    }
}

async fn impact_page(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let m = internal_membership(&auth, &slug, &headers)?;
    let t = T(lang);
    let graph = organisation_graph(&state, m.organisation.id)
        .await
        .or_page(&headers)?;
    let Some(node) = Uuid::parse_str(&id).ok().and_then(|id| graph.node(id)) else {
        return fail(&headers, StatusCode::NOT_FOUND);
    };
    let hops = pairs(raw.as_deref())
        .iter()
        .find(|(k, _)| k == "stappen")
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .unwrap_or(2)
        .clamp(1, 6);
    let affected = graph.impact(node.id).unwrap_or_default();
    let name_of = |id: &Uuid| graph.node(*id).map_or(String::new(), |n| n.name.clone());
    let mut groups: Vec<(String, Vec<AffectedRow>)> = Vec::new();
    for a in &affected {
        let n = a.node(&graph);
        let label = n.kind.plural(lang).to_string();
        let row = AffectedRow {
            name: n.name.clone(),
            href: element_href(&slug, n.kind, n.id),
            map_href: format!("/o/{slug}/impact/{}", n.id),
            distance: a.distance,
            path: a.path.iter().map(name_of).collect::<Vec<_>>().join(" → "),
            critical: n.critical,
            personal: n.personal,
        };
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((label, vec![row])),
        }
    }
    let around = graph.neighbourhood(node.id, hops, MAP_LIMIT).unwrap_or(
        regisseur_domain::sourcing::Neighbourhood {
            nodes: Vec::new(),
            links: Vec::new(),
        },
    );
    let (map_nodes, map_links, map_size) = layout(&around, &slug, lang);
    let list = around
        .nodes
        .iter()
        .map(|(n, distance, parent)| ListRow {
            distance: *distance,
            name: n.name.clone(),
            kind: n.kind.singular(lang).to_string(),
            href: format!("/o/{slug}/impact/{}", n.id),
            via: parent.map(|p| name_of(&p)).unwrap_or_default(),
            critical: n.critical,
        })
        .collect();
    let page = ImpactPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("impact-title"), node.name),
            &format!("/o/{slug}/impact/{}", node.id),
        )
        .for_org(&auth, m, Some("scope")),
        name: node.name.clone(),
        kind: node.kind.singular(lang).to_string(),
        href: element_href(&slug, node.kind, node.id),
        total: affected.len(),
        groups,
        hops,
        hop_options: (1..=6).collect(),
        description: match lang {
            Lang::Nl => format!(
                "Afhankelijkheden binnen {hops} stappen van {}: {} elementen, {} verbindingen.",
                node.name,
                around.nodes.len(),
                around.links.len()
            ),
            Lang::En => format!(
                "Dependencies within {hops} steps of {}: {} elements, {} links.",
                node.name,
                around.nodes.len(),
                around.links.len()
            ),
        },
        truncated: around.nodes.len() >= MAP_LIMIT,
        map_nodes,
        map_links,
        map_size,
        legend: [
            EntityKind::Application,
            EntityKind::Component,
            EntityKind::DataSet,
            EntityKind::Supplier,
            EntityKind::Contract,
        ]
        .into_iter()
        .map(|k| (colour(k), k.plural(lang).to_string()))
        .collect(),
        list,
    };
    Ok(render(StatusCode::OK, &page))
}

/// A radial layout: the chosen element in the middle, each ring one step further, nodes on a
/// ring in the order of the node they were reached from.
fn layout(
    around: &regisseur_domain::sourcing::Neighbourhood,
    slug: &str,
    lang: Lang,
) -> (Vec<MapNode>, Vec<MapLink>, f64) {
    let rings = around.nodes.iter().map(|(_, d, _)| *d).max().unwrap_or(0);
    let gap = 140.0;
    let size = 2.0 * gap * f64::from(rings.max(1)) + 240.0;
    let centre = size / 2.0;
    let mut angle_of: HashMap<Uuid, f64> = HashMap::new();
    let mut position: HashMap<Uuid, (f64, f64)> = HashMap::new();
    let mut nodes = Vec::with_capacity(around.nodes.len());
    for ring in 0..=rings {
        let mut members: Vec<&(regisseur_domain::sourcing::Node, u32, Option<Uuid>)> =
            around.nodes.iter().filter(|(_, d, _)| *d == ring).collect();
        members.sort_by(|a, b| {
            let pa = a.2.and_then(|p| angle_of.get(&p)).copied().unwrap_or(0.0);
            let pb = b.2.and_then(|p| angle_of.get(&p)).copied().unwrap_or(0.0);
            pa.total_cmp(&pb).then(a.0.name.cmp(&b.0.name))
        });
        let count = members.len().max(1) as f64;
        let few = around.nodes.len() <= 80;
        for (i, (node, distance, _)) in members.into_iter().enumerate() {
            let angle = std::f64::consts::TAU * (i as f64 + 0.5) / count;
            let radius = gap * f64::from(*distance);
            let (x, y) = (centre + radius * angle.cos(), centre + radius * angle.sin());
            angle_of.insert(node.id, angle);
            position.insert(node.id, (x, y));
            nodes.push(MapNode {
                x,
                y,
                colour: colour(node.kind),
                critical: node.critical,
                label: node.name.chars().take(28).collect(),
                title: format!("{} ({})", node.name, node.kind.singular(lang)),
                href: format!("/o/{slug}/impact/{}", node.id),
                show_label: few || *distance <= 1,
            });
        }
    }
    let links = around
        .links
        .iter()
        .filter_map(|(from, to, _)| {
            let (x1, y1) = *position.get(from)?;
            let (x2, y2) = *position.get(to)?;
            Some(MapLink { x1, y1, x2, y2 })
        })
        .collect();
    (nodes, links, size)
}
