//! The dependency graph of the register: elements as nodes, relations, koppelingen and the
//! references to suppliers and contracts as edges, in the direction in which a failure spreads
//! (from what is depended on to what depends on it). Compact adjacency — positions instead of
//! ids, one array of edges — built once per register revision; impact and scope questions walk
//! it without a query per hop.

use super::{ServiceDomain, domain_of};
use crate::idmap::IdMap;
use crate::landscape::{EntityKind, Record};
use crate::quality::has_personal_data;
use std::collections::VecDeque;
use uuid::Uuid;

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Via {
    /// A relation of this type (`draait-op`, …).
    Relation(&'static str),
    Interface,
    /// A reference field (`leverancierId`, `contractId`, `verwerkerId`, `subverwerkerIds`).
    Field(&'static str),
}

impl Via {
    pub fn code(self) -> &'static str {
        match self {
            Via::Relation(kind) => kind,
            Via::Interface => "koppeling",
            Via::Field(field) => field,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: Uuid,
    pub kind: EntityKind,
    pub name: String,
    /// A business-critical application in use.
    pub critical: bool,
    /// An application processing personal data, or a data set holding it.
    pub personal: bool,
    pub domain: Option<ServiceDomain>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edge {
    to: u32,
    via: Via,
    /// The relation or koppeling the edge comes from (its id), if any.
    connector: Option<Uuid>,
}

/// The relation types whose dependency runs from the source to the target (the source depends
/// on the target: a failure of the target reaches the source), and those the other way.
const DEPENDS_ON_TARGET: [&str; 4] = ["draait-op", "gebruikt", "geleverd-door", "valt-onder"];
const TARGET_DEPENDS: [&str; 3] = ["slaat-op", "verwerkt", "bediening"];

/// The fields through which an element depends on a supplier or a contract.
const DEPENDENCY_FIELDS: [&str; 4] = [
    "leverancierId",
    "contractId",
    "verwerkerId",
    "subverwerkerIds",
];

pub struct Graph {
    nodes: Vec<Node>,
    index: IdMap<u32>,
    /// `edges[offsets[n]..offsets[n + 1]]` leave node `n`.
    offsets: Vec<u32>,
    edges: Vec<Edge>,
    /// The same edges the other way, for the neighbourhood of an element on the map.
    reverse_offsets: Vec<u32>,
    reverse: Vec<u32>,
    /// The node of each ArchiMate identifier an imported element kept (`archimateId`): what its
    /// architect knows it by in Archi.
    archimate: std::collections::HashMap<String, u32>,
}

fn ids_of(record: &Record, field: &str) -> Vec<Uuid> {
    match record.get(field) {
        Some(serde_json::Value::String(s)) => Uuid::parse_str(s).ok().into_iter().collect(),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().and_then(|s| Uuid::parse_str(s).ok()))
            .collect(),
        _ => Vec::new(),
    }
}

impl Graph {
    /// Builds the graph. `reference_name` gives a GEMMA reference component's name by id (for
    /// the default service domain of an application).
    pub fn build(
        elements: &[(Uuid, &Record)],
        reference_name: impl Fn(&str) -> Option<String>,
    ) -> Graph {
        let mut nodes = Vec::with_capacity(elements.len() / 2);
        let mut index: IdMap<u32> =
            IdMap::with_capacity_and_hasher(elements.len(), Default::default());
        let mut archimate = std::collections::HashMap::new();
        for (id, record) in elements {
            let kind = record.kind();
            if matches!(kind, EntityKind::Relation | EntityKind::Interface) {
                continue;
            }
            let critical = record.business_critical();
            let personal = match kind {
                EntityKind::Application => {
                    record.get("persoonsgegevens").and_then(|v| v.as_bool()) == Some(true)
                }
                EntityKind::DataSet => has_personal_data(record),
                _ => false,
            };
            if let Some(identifier) = record.text("archimateId").filter(|a| !a.is_empty()) {
                archimate.insert(identifier.to_string(), nodes.len() as u32);
            }
            index.insert(*id, nodes.len() as u32);
            nodes.push(Node {
                id: *id,
                kind,
                name: record.name().unwrap_or("").to_string(),
                critical,
                personal,
                domain: domain_of(record, &reference_name),
            });
        }
        let mut pairs: Vec<(u32, Edge)> = Vec::with_capacity(elements.len());
        let at = |id: Uuid| index.get(&id).copied();
        for (id, record) in elements {
            match record.kind() {
                EntityKind::Relation => {
                    let (Some(from), Some(to)) = (
                        ids_of(record, "bronId").first().and_then(|i| at(*i)),
                        ids_of(record, "doelId").first().and_then(|i| at(*i)),
                    ) else {
                        continue; // an end that is a relation: not a dependency between elements
                    };
                    let Some(soort) = record.text("soort") else {
                        continue;
                    };
                    let via = |kind: &'static str| Edge {
                        to: 0,
                        via: Via::Relation(kind),
                        connector: Some(*id),
                    };
                    if let Some(kind) = DEPENDS_ON_TARGET.iter().find(|k| **k == soort) {
                        pairs.push((
                            to,
                            Edge {
                                to: from,
                                ..via(kind)
                            },
                        ));
                    } else if let Some(kind) = TARGET_DEPENDS.iter().find(|k| **k == soort) {
                        pairs.push((from, Edge { to, ..via(kind) }));
                    }
                }
                EntityKind::Interface => {
                    if let (Some(from), Some(to)) = (
                        ids_of(record, "vanApplicatieId")
                            .first()
                            .and_then(|i| at(*i)),
                        ids_of(record, "naarApplicatieId")
                            .first()
                            .and_then(|i| at(*i)),
                    ) {
                        pairs.push((
                            from,
                            Edge {
                                to,
                                via: Via::Interface,
                                connector: Some(*id),
                            },
                        ));
                    }
                }
                _ => {
                    let Some(me) = at(*id) else { continue };
                    for field in DEPENDENCY_FIELDS {
                        for target in ids_of(record, field) {
                            if let Some(on) = at(target) {
                                pairs.push((
                                    on,
                                    Edge {
                                        to: me,
                                        via: Via::Field(field),
                                        connector: None,
                                    },
                                ));
                            }
                        }
                    }
                }
            }
        }
        let n = nodes.len();
        let (offsets, edges) = compact(n, pairs.iter().map(|(from, e)| (*from, *e)));
        let (reverse_offsets, reverse) = compact(n, pairs.iter().map(|(from, e)| (e.to, *from)));
        Graph {
            nodes,
            index,
            offsets,
            edges,
            reverse_offsets,
            reverse,
            archimate,
        }
    }

    /// The element an imported ArchiMate model knew by this identifier (`id-…` in Archi).
    pub fn by_archimate_id(&self, identifier: &str) -> Option<&Node> {
        self.archimate
            .get(identifier.trim())
            .and_then(|i| self.nodes.get(*i as usize))
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: Uuid) -> Option<&Node> {
        self.index.get(&id).map(|i| &self.nodes[*i as usize])
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    fn out(&self, n: u32) -> &[Edge] {
        let n = n as usize;
        &self.edges[self.offsets[n] as usize..self.offsets[n + 1] as usize]
    }

    fn incoming(&self, n: u32) -> &[u32] {
        let n = n as usize;
        &self.reverse[self.reverse_offsets[n] as usize..self.reverse_offsets[n + 1] as usize]
    }

    /// The bytes the graph occupies (nodes, names, edges, index), for the benchmark.
    pub fn memory(&self) -> usize {
        use std::mem::size_of;
        self.nodes.len() * size_of::<Node>()
            + self.nodes.iter().map(|n| n.name.capacity()).sum::<usize>()
            + self.edges.len() * size_of::<Edge>()
            + (self.offsets.len() + self.reverse_offsets.len() + self.reverse.len()) * 4
            + self.index.capacity() * (size_of::<Uuid>() + 4 + 1)
    }

    /// Everything affected when `id` fails or disappears, transitively, with its distance and
    /// one shortest path (ids from `id` to it). `None` when the graph has no such element.
    pub fn impact(&self, id: Uuid) -> Option<Vec<Affected>> {
        let start = *self.index.get(&id)?;
        let reached = self.walk(&[start]);
        let mut affected: Vec<Affected> = reached
            .order
            .iter()
            .filter(|n| **n != start)
            .map(|n| Affected {
                node: *n,
                distance: reached.info[*n as usize].1,
                path: reached
                    .path(*n)
                    .iter()
                    .map(|p| self.nodes[*p as usize].id)
                    .collect(),
            })
            .collect();
        affected.sort_by(|a, b| {
            let (x, y) = (&self.nodes[a.node as usize], &self.nodes[b.node as usize]);
            (x.kind, a.distance, &x.name).cmp(&(y.kind, b.distance, &y.name))
        });
        Some(affected)
    }

    /// Breadth-first from `starts` along the edges.
    fn walk(&self, starts: &[u32]) -> Reached {
        let mut reached = Reached {
            info: vec![(UNSEEN, 0); self.nodes.len()],
            order: Vec::new(),
        };
        let mut queue = VecDeque::new();
        for s in starts {
            if reached.info[*s as usize].0 == UNSEEN {
                reached.info[*s as usize] = (START, 0);
                reached.order.push(*s);
                queue.push_back(*s);
            }
        }
        while let Some(n) = queue.pop_front() {
            let distance = reached.info[n as usize].1;
            for edge in self.out(n) {
                let slot = &mut reached.info[edge.to as usize];
                if slot.0 == UNSEEN {
                    *slot = (n, distance + 1);
                    reached.order.push(edge.to);
                    queue.push_back(edge.to);
                }
            }
        }
        reached
    }

    /// What outsourcing `domains` cuts through.
    pub fn scope(&self, domains: &[ServiceDomain]) -> ScopeCut {
        let outsourced = |n: u32| {
            self.nodes[n as usize]
                .domain
                .is_some_and(|d| domains.contains(&d))
        };
        let retained = |n: u32| {
            self.nodes[n as usize]
                .domain
                .is_some_and(|d| !domains.contains(&d))
        };
        let mut crossing = Vec::new();
        let mut personal_data = Vec::new();
        for from in 0..self.nodes.len() as u32 {
            for edge in self.out(from) {
                let crosses = (outsourced(from) && retained(edge.to))
                    || (retained(from) && outsourced(edge.to));
                if crosses && let Some(connector) = edge.connector {
                    crossing.push(Crossing {
                        connector,
                        via: edge.via,
                        from: self.nodes[from as usize].id,
                        to: self.nodes[edge.to as usize].id,
                    });
                }
                let target = &self.nodes[edge.to as usize];
                if outsourced(from)
                    && target.kind == EntityKind::DataSet
                    && target.personal
                    && matches!(edge.via, Via::Relation("slaat-op" | "verwerkt"))
                    && !personal_data.contains(&target.id)
                {
                    personal_data.push(target.id);
                }
            }
        }
        crossing.sort_by_key(|c| c.connector);
        crossing.dedup_by_key(|c| c.connector);
        let starts: Vec<u32> = (0..self.nodes.len() as u32)
            .filter(|n| outsourced(*n))
            .collect();
        let reached = self.walk(&starts);
        let mut dependent: Vec<Uuid> = reached
            .order
            .iter()
            .filter(|n| retained(**n))
            .map(|n| self.nodes[*n as usize].id)
            .collect();
        dependent.sort();
        personal_data.sort();
        ScopeCut {
            outsourced: starts.iter().map(|n| self.nodes[*n as usize].id).collect(),
            crossing,
            personal_data,
            dependent,
        }
    }

    /// The elements within `hops` of `id`, both ways, with their distance: the neighbourhood the
    /// map shows. At most `limit` nodes, nearest first.
    pub fn neighbourhood(&self, id: Uuid, hops: u32, limit: usize) -> Option<Neighbourhood> {
        let start = *self.index.get(&id)?;
        let mut seen: IdMapU32 = IdMapU32::default();
        seen.insert(start, (u32::MAX, 0));
        let mut queue = VecDeque::from([start]);
        let mut order = vec![start];
        while let Some(n) = queue.pop_front() {
            let distance = seen.get(&n).map_or(0, |(_, d)| *d);
            if distance >= hops || order.len() >= limit {
                continue;
            }
            let next = self
                .out(n)
                .iter()
                .map(|e| e.to)
                .chain(self.incoming(n).iter().copied());
            for m in next {
                if order.len() >= limit {
                    break;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = seen.entry(m) {
                    e.insert((n, distance + 1));
                    queue.push_back(m);
                    order.push(m);
                }
            }
        }
        let mut links = Vec::new();
        for n in &order {
            for edge in self.out(*n) {
                if seen.contains_key(&edge.to) {
                    links.push((
                        self.nodes[*n as usize].id,
                        self.nodes[edge.to as usize].id,
                        edge.via,
                    ));
                }
            }
        }
        Some(Neighbourhood {
            nodes: order
                .iter()
                .map(|n| {
                    let (parent, distance) = seen.get(n).copied().unwrap_or((u32::MAX, 0));
                    (
                        self.nodes[*n as usize].clone(),
                        distance,
                        (parent != u32::MAX).then(|| self.nodes[parent as usize].id),
                    )
                })
                .collect(),
            links,
        })
    }
}

type IdMapU32 = std::collections::HashMap<u32, (u32, u32)>;

const UNSEEN: u32 = u32::MAX;
const START: u32 = u32::MAX - 1;

/// What a walk reached: per node the node it was reached from and its distance, and the nodes
/// in the order reached.
struct Reached {
    info: Vec<(u32, u32)>,
    order: Vec<u32>,
}

impl Reached {
    fn path(&self, n: u32) -> Vec<u32> {
        let mut path = vec![n];
        let mut at = n;
        loop {
            let parent = self.info[at as usize].0;
            if parent == START || parent == UNSEEN {
                break;
            }
            path.push(parent);
            at = parent;
        }
        path.reverse();
        path
    }
}

/// Compressed adjacency: offsets per node into one array of targets.
fn compact<T: Copy>(n: usize, pairs: impl Iterator<Item = (u32, T)> + Clone) -> (Vec<u32>, Vec<T>) {
    let mut offsets = vec![0u32; n + 1];
    for (from, _) in pairs.clone() {
        offsets[from as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut slots: Vec<Option<T>> = vec![None; offsets[n] as usize];
    for (from, item) in pairs {
        let slot = &mut fill[from as usize];
        slots[*slot as usize] = Some(item);
        *slot += 1;
    }
    (offsets, slots.into_iter().flatten().collect())
}

/// One element an impact reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affected {
    node: u32,
    pub distance: u32,
    /// Ids from the failing element to this one.
    pub path: Vec<Uuid>,
}

impl Affected {
    pub fn node<'g>(&self, graph: &'g Graph) -> &'g Node {
        &graph.nodes[self.node as usize]
    }
}

/// A relation or koppeling across the line between outsourced and retained parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crossing {
    pub connector: Uuid,
    pub via: Via,
    /// The end that fails first (what is depended on) and the one that depends on it.
    pub from: Uuid,
    pub to: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeCut {
    /// The elements in the outsourced domains.
    pub outsourced: Vec<Uuid>,
    /// Every koppeling and relation that crosses the line: an interface to direct.
    pub crossing: Vec<Crossing>,
    /// Data sets with personal data stored or processed by outsourced elements: each needs a
    /// processing agreement with the partner.
    pub personal_data: Vec<Uuid>,
    /// Elements of retained domains that depend (transitively) on outsourced ones.
    pub dependent: Vec<Uuid>,
}

/// The neighbourhood of an element: nodes with distance and the node they were reached from,
/// nearest first, and the edges among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbourhood {
    pub nodes: Vec<(Node, u32, Option<Uuid>)>,
    pub links: Vec<(Uuid, Uuid, Via)>,
}

/// A name or id that does not lead to exactly one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    NotFound { suggestions: Vec<String> },
    Ambiguous { candidates: Vec<(Uuid, EntityKind)> },
}

impl std::fmt::Display for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Lookup::NotFound { suggestions } if suggestions.is_empty() => {
                write!(f, "no element with that id or name")
            }
            Lookup::NotFound { suggestions } => write!(
                f,
                "no element with that id or name; did you mean: {}?",
                suggestions.join(", ")
            ),
            Lookup::Ambiguous { candidates } => {
                let list: Vec<String> = candidates
                    .iter()
                    .map(|(id, kind)| format!("{} ({id})", kind.code()))
                    .collect();
                write!(
                    f,
                    "several elements have that name; give the id of one: {}",
                    list.join(", ")
                )
            }
        }
    }
}

impl Graph {
    /// The element with this id, or the only one with this name (without case).
    pub fn find(&self, id_or_name: &str) -> Result<&Node, Lookup> {
        if let Ok(id) = Uuid::parse_str(id_or_name.trim()) {
            return self.node(id).ok_or(Lookup::NotFound {
                suggestions: Vec::new(),
            });
        }
        if let Some(node) = self.by_archimate_id(id_or_name) {
            return Ok(node);
        }
        let wanted = id_or_name.trim().to_lowercase();
        let matching: Vec<&Node> = self
            .nodes
            .iter()
            .filter(|n| n.name.to_lowercase() == wanted)
            .collect();
        match matching.as_slice() {
            [one] => Ok(one),
            [] => Err(Lookup::NotFound {
                suggestions: crate::landscape::names::close_matches(
                    id_or_name,
                    self.nodes.iter().map(|n| n.name.as_str()),
                    5,
                )
                .into_iter()
                .map(str::to_string)
                .collect(),
            }),
            many => Err(Lookup::Ambiguous {
                candidates: many.iter().map(|n| (n.id, n.kind)).collect(),
            }),
        }
    }

    fn node_json(node: &Node) -> serde_json::Value {
        serde_json::json!({"id": node.id, "naam": node.name, "soort": node.kind.code()})
    }

    /// The impact of an element as the API returns it and `regisseur impact --json` prints it.
    pub fn impact_json(&self, node: &Node, affected: &[Affected]) -> serde_json::Value {
        serde_json::json!({
            "element": Graph::node_json(node),
            "getroffen": affected.iter().map(|a| {
                let n = a.node(self);
                serde_json::json!({
                    "id": n.id, "naam": n.name, "soort": n.kind.code(),
                    "afstand": a.distance, "pad": a.path,
                    "bedrijfskritisch": n.critical, "persoonsgegevens": n.personal,
                })
            }).collect::<Vec<_>>(),
            "aantal": affected.len(),
        })
    }

    /// A scope cut as the API returns it and `regisseur scope --json` prints it.
    pub fn scope_json(&self, domains: &[ServiceDomain], cut: &ScopeCut) -> serde_json::Value {
        let named = |id: &Uuid| {
            self.node(*id)
                .map_or(serde_json::json!({"id": id}), Graph::node_json)
        };
        serde_json::json!({
            "domeinen": domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
            "uitbesteed": cut.outsourced.len(),
            "grensoverschrijdend": cut.crossing.iter().map(|c| serde_json::json!({
                "van": named(&c.from), "naar": named(&c.to), "soort": c.via.code(), "relatieId": c.connector,
            })).collect::<Vec<_>>(),
            "persoonsgegevensNaarPartner": cut.personal_data.iter().map(named).collect::<Vec<_>>(),
            "afhankelijkBehouden": cut.dependent.iter().map(named).collect::<Vec<_>>(),
            "aantal": cut.crossing.len(),
        })
    }
}

/// Reads a list of domain ids (`hosting-en-datacenter,werkplek`); an unknown one is named with
/// the closest ids.
pub fn parse_domains(list: &str) -> Result<Vec<ServiceDomain>, String> {
    let mut domains = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match ServiceDomain::parse(part) {
            Some(d) if !domains.contains(&d) => domains.push(d),
            Some(_) => {}
            None => {
                let close = crate::landscape::names::close_matches(
                    part,
                    ServiceDomain::ALL.iter().map(|d| d.code()),
                    3,
                );
                return Err(if close.is_empty() {
                    format!(
                        "unknown service domain '{part}'; known: {}",
                        ServiceDomain::ALL.map(|d| d.code()).join(", ")
                    )
                } else {
                    format!(
                        "unknown service domain '{part}'; did you mean: {}?",
                        close.join(", ")
                    )
                });
            }
        }
    }
    Ok(domains)
}
