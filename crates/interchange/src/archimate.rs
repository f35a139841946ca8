//! The register as an ArchiMate model and back (REFERENCE.md §1): how an exchange file's
//! elements and relationships map onto the register's kinds, the import plan, and the AMEFF 3.1
//! export.
//!
//! The mapping, in one place:
//! - `ApplicationComponent` → application; `Node`, `Device`, `SystemSoftware`,
//!   `TechnologyService` → component; `DataObject`, `BusinessObject`, `Artifact` → data set;
//!   `BusinessActor` with a supplier role → supplier; `Contract` (with a supplier) → contract;
//!   everything else → architecture element, with its type, documentation and properties.
//! - An `ApplicationComponent` whose `Object ID` is a GEMMA reference component is that
//!   reference component: an application specialising it gets the link.
//! - A model that carries GEMMA's own classification (`GEMMA type` on elements other than
//!   reference components) is the reference architecture itself, not the municipality's
//!   landscape: all its elements are kept as architecture elements.
//! - `Serving`, `Flow`, `Triggering` between two applications → koppeling; `Serving`,
//!   `Realization`, `Assignment` from a component → *draait op*, from a supplier →
//!   *geleverd door*; `Access` → *verwerkt* (from an application or supplier) or *slaat op*
//!   (from a component); `Association` to a contract → *valt onder*; other `Serving` →
//!   *gebruikt*; every other relationship keeps its ArchiMate type.
//! - What the register names differently is remembered (`archimateId`, `archimateType`), and
//!   fields without an ArchiMate counterpart travel as properties named after the field, so that
//!   export after import, and import after export, lose nothing.

use crate::ameff::{Concept, Model, Relationship};
use crate::plan::{Counts, Existing, Plan, RowOutcome};
use crate::{FileError, Issue};
use regisseur_domain::Lang;
use regisseur_domain::landscape::{
    ARCHIMATE_RELATION_TYPE, Change, EntityKind, FieldType, InputMode, validate,
};
use regisseur_domain::reference::ReferenceCatalog;
use regisseur_domain::values::parse_yes_no;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use uuid::Uuid;

/// The property that tells what an exported element or relationship is in the register.
pub const KIND_PROPERTY: &str = "regisseurSoort";
/// The marker for a GEMMA reference component written only to carry the links to it.
const REFERENCE_COMPONENT_MARK: &str = "referentiecomponent";
/// GEMMA's property with the reference component's id, and its classification.
const OBJECT_ID: &str = "Object ID";
const GEMMA_TYPE: &str = "GEMMA type";
const GEMMA_REFERENCE_COMPONENT: &str = "Referentiecomponent";

/// Fields that an element's name, documentation and bookkeeping fill, never a property.
const NOT_FROM_PROPERTIES: [&str; 6] = [
    "naam",
    "omschrijving",
    "doel",
    "eigenschappen",
    "archimateId",
    "archimateType",
];

/// The kind an ArchiMate element type maps to by itself (suppliers and contracts need more).
fn kind_for_type(archimate_type: &str) -> EntityKind {
    match archimate_type {
        "ApplicationComponent" => EntityKind::Application,
        "Node" | "Device" | "SystemSoftware" | "TechnologyService" => EntityKind::Component,
        "DataObject" | "BusinessObject" | "Artifact" => EntityKind::DataSet,
        "Contract" => EntityKind::Contract,
        _ => EntityKind::ModelElement,
    }
}

/// The kind of component an ArchiMate type means, when the model does not say.
fn component_kind_for_type(archimate_type: &str) -> &'static str {
    match archimate_type {
        "SystemSoftware" => "systeemsoftware",
        "TechnologyService" => "clouddienst",
        _ => "server",
    }
}

/// The ArchiMate type an element of the register is exported as, unless it remembers another.
fn default_element_type(kind: EntityKind, soort: Option<&str>) -> &'static str {
    match kind {
        EntityKind::Application => "ApplicationComponent",
        EntityKind::Component => match soort.unwrap_or("").to_lowercase().as_str() {
            "database" | "systeemsoftware" => "SystemSoftware",
            "opslag" | "werkplek" => "Device",
            "netwerk" => "CommunicationNetwork",
            "clouddienst" => "TechnologyService",
            "datacenter" => "Facility",
            _ => "Node",
        },
        EntityKind::DataSet => "DataObject",
        EntityKind::Supplier | EntityKind::Person => "BusinessActor",
        EntityKind::Contract => "Contract",
        EntityKind::ModelElement => "Grouping",
        EntityKind::Interface => "Flow",
        EntityKind::Relation => "Association",
    }
}

/// The ArchiMate relationship a relation type is written as, and whether it runs the other way
/// (a node *serves* the application that *runs on* it).
fn relation_canon(soort: &str) -> (&'static str, bool) {
    match soort {
        "draait-op" | "gebruikt" | "geleverd-door" => ("Serving", true),
        "slaat-op" | "verwerkt" => ("Access", false),
        "valt-onder" => ("Association", false),
        other => (
            ARCHIMATE_RELATION_TYPE
                .iter()
                .find(|(t, _)| *t == other)
                .map_or("Association", |(_, a)| *a),
            false,
        ),
    }
}

/// The relation type an ArchiMate relationship becomes between elements of these kinds, and
/// whether its ends swap.
fn relation_for(archimate_type: &str, from: EntityKind, to: EntityKind) -> (&'static str, bool) {
    use EntityKind::*;
    let structural = from == Relation || to == Relation;
    let inferred = match archimate_type {
        _ if structural => None,
        "Serving" | "Realization" | "Assignment"
            if from == Component && matches!(to, Application | Component) =>
        {
            Some("draait-op")
        }
        "Serving" | "Realization" | "Assignment"
            if from == Supplier && matches!(to, Application | Component | DataSet | Contract) =>
        {
            Some("geleverd-door")
        }
        "Access" if matches!(from, Application | Supplier) && to == DataSet => Some("verwerkt"),
        "Access" if from == Component && to == DataSet => Some("slaat-op"),
        "Association" if matches!(from, Application | Component | DataSet) && to == Contract => {
            Some("valt-onder")
        }
        "Serving" => Some("gebruikt"),
        _ => None,
    };
    match inferred {
        Some(soort) => (soort, relation_canon(soort).1),
        None => (structural_type(archimate_type), false),
    }
}

/// The relation type that keeps an ArchiMate relationship type as such (`Composition` →
/// `samenstelling`), in the relationship's own direction.
fn structural_type(archimate_type: &str) -> &'static str {
    ARCHIMATE_RELATION_TYPE
        .iter()
        .find(|(_, a)| *a == archimate_type)
        .map_or("associatie", |(t, _)| *t)
}

fn own_identifier(id: Uuid) -> String {
    format!("id-{id}")
}

/// The identifier an element of the register has in an exchange file.
fn identifier_of(e: &Existing) -> String {
    e.record
        .text("archimateId")
        .map_or_else(|| own_identifier(e.id), str::to_string)
}

/// What one concept of the file is, once the whole model has been looked at.
#[derive(Debug, Clone)]
enum Role {
    Element(EntityKind),
    /// A GEMMA reference component: kept as an architecture element linked to the catalogue,
    /// or (`kept == false`, written by an export only to carry links) not kept at all.
    ReferenceComponent {
        id: String,
        kept: bool,
    },
    Interface,
    Relation {
        soort: &'static str,
        reversed: bool,
        /// Why a relationship that reads as a koppeling or a dependency of the register is
        /// kept as an ArchiMate relation instead (a warning for the user).
        kept: Option<&'static str>,
    },
    /// An application's link to its reference component.
    ReferenceLink {
        application: usize,
        component: String,
    },
}

struct Named<'a> {
    concept: &'a Concept,
    /// Property name (from its definition) and value.
    properties: Vec<(&'a str, &'a str)>,
}

impl Named<'_> {
    fn property(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
    fn property_ci(&self, names: &[&str]) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| names.iter().any(|w| n.eq_ignore_ascii_case(w)))
            .map(|(_, v)| *v)
    }
}

fn is_supplier_word(text: &str) -> bool {
    let t = text.to_lowercase();
    ["leverancier", "supplier", "vendor"]
        .iter()
        .any(|w| t.contains(w))
}

/// Plans the import of an ArchiMate model against the register as it is. The plan's rows are
/// the file's elements and relationships (row = line number).
pub fn plan_model(model: &Model, existing: &[Existing], catalog: &ReferenceCatalog) -> Plan {
    plan_model_in_parts(model, existing, catalog, None)
}

/// [`plan_model`] handing over the changes as they are planned — those to elements first, then
/// those to koppelingen and relations — so that they can be written while the rest is planned.
/// The plan returned has no changes left; its errors say whether the parts may be kept.
pub fn plan_model_streaming(
    model: &Model,
    existing: &[Existing],
    catalog: &ReferenceCatalog,
    sink: &mut dyn FnMut(Vec<Change>),
) -> Plan {
    plan_model_in_parts(model, existing, catalog, Some(sink))
}

fn plan_model_in_parts<'a>(
    model: &'a Model,
    existing: &'a [Existing],
    catalog: &'a ReferenceCatalog,
    sink: Option<&'a mut dyn FnMut(Vec<Change>)>,
) -> Plan {
    let definitions: HashMap<&str, &str> = model
        .property_definitions
        .iter()
        .map(|d| (d.identifier.as_str(), d.name.as_str()))
        .collect();
    let named = |c: &'a Concept| -> Vec<(&'a str, &'a str)> {
        c.properties
            .iter()
            .map(|(reference, value)| {
                let name = definitions
                    .get(reference.as_str())
                    .map_or(reference.as_str(), |n| *n);
                (name, value.as_str())
            })
            .collect()
    };
    let elements: Vec<Named> = model
        .elements
        .iter()
        .map(|c| Named {
            concept: c,
            properties: named(c),
        })
        .collect();
    let relationships: Vec<(Named, &Relationship)> = model
        .relationships
        .iter()
        .map(|r| {
            (
                Named {
                    concept: &r.concept,
                    properties: named(&r.concept),
                },
                r,
            )
        })
        .collect();
    let element_index: HashMap<&str, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.concept.identifier.as_str(), i))
        .collect();
    let relationship_index: HashMap<&str, usize> = relationships
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (r.concept.identifier.as_str(), i))
        .collect();

    let reference_architecture = elements.iter().any(|e| {
        e.property(GEMMA_TYPE)
            .is_some_and(|t| !t.is_empty() && t != GEMMA_REFERENCE_COMPONENT)
    });

    // Elements: what each one is.
    let supplier_roles: HashSet<&str> = elements
        .iter()
        .filter(|e| {
            e.concept.archimate_type == "BusinessRole"
                && e.concept.name.as_deref().is_some_and(is_supplier_word)
        })
        .map(|e| e.concept.identifier.as_str())
        .collect();
    let assigned_supplier_role: HashSet<&str> = relationships
        .iter()
        .filter(|(r, rel)| {
            r.concept.archimate_type == "Assignment" && supplier_roles.contains(rel.target.as_str())
        })
        .map(|(_, rel)| rel.source.as_str())
        .collect();
    let mut roles: Vec<Role> = elements
        .iter()
        .map(|e| {
            let c = e.concept;
            let explicit = e.property(KIND_PROPERTY);
            if c.archimate_type == "ApplicationComponent"
                && matches!(
                    explicit,
                    None | Some(REFERENCE_COMPONENT_MARK) | Some("architectuurelement")
                )
                && let Some(id) = e.property(OBJECT_ID).map(str::to_lowercase)
                && catalog.contains(&id)
            {
                let kept = explicit != Some(REFERENCE_COMPONENT_MARK);
                return Role::ReferenceComponent { id, kept };
            }
            if let Some(kind) = explicit
                .and_then(EntityKind::from_code)
                .filter(|k| !matches!(k, EntityKind::Relation | EntityKind::Interface))
            {
                return Role::Element(kind);
            }
            if reference_architecture {
                return Role::Element(EntityKind::ModelElement);
            }
            if c.archimate_type == "BusinessActor"
                && (assigned_supplier_role.contains(c.identifier.as_str())
                    || e.property_ci(&["rol", "role"])
                        .is_some_and(is_supplier_word))
            {
                return Role::Element(EntityKind::Supplier);
            }
            Role::Element(kind_for_type(&c.archimate_type))
        })
        .collect();
    let element_kind = |roles: &[Role], i: usize| match &roles[i] {
        Role::Element(kind) => Some(*kind),
        Role::ReferenceComponent { kept: true, .. } => Some(EntityKind::ModelElement),
        _ => None,
    };
    // A contract needs its supplier: from a property, else a relationship with a supplier. The
    // relationships touching each element, in the file's order, so that finding them is a lookup
    // and not a scan of every relationship per contract.
    let mut touching: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (_, rel)) in relationships.iter().enumerate() {
        touching.entry(rel.source.as_str()).or_default().push(k);
        if rel.target != rel.source {
            touching.entry(rel.target.as_str()).or_default().push(k);
        }
    }
    let mut contract_supplier: HashMap<usize, usize> = HashMap::new();
    for (i, e) in elements.iter().enumerate() {
        if element_kind(&roles, i) != Some(EntityKind::Contract) {
            continue;
        }
        let from_property = e
            .property("leverancierId")
            .and_then(|id| element_index.get(id).copied());
        let from_relationship = || {
            let mine = touching.get(e.concept.identifier.as_str())?;
            mine.iter().find_map(|k| {
                let rel = relationships[*k].1;
                let other = if rel.source == e.concept.identifier {
                    &rel.target
                } else if rel.target == e.concept.identifier {
                    &rel.source
                } else {
                    return None;
                };
                element_index
                    .get(other.as_str())
                    .copied()
                    .filter(|j| element_kind(&roles, *j) == Some(EntityKind::Supplier))
            })
        };
        match from_property.or_else(from_relationship) {
            Some(supplier) => {
                contract_supplier.insert(i, supplier);
            }
            None => roles[i] = Role::Element(EntityKind::ModelElement),
        }
    }

    // Relationships: what each one is, now that the ends are known.
    let referenced: HashSet<&str> = relationships
        .iter()
        .flat_map(|(_, rel)| [rel.source.as_str(), rel.target.as_str()])
        .filter(|id| relationship_index.contains_key(id))
        .collect();
    let mut relationship_roles: Vec<Option<Role>> = vec![None; relationships.len()];
    // Relationships can point at relationships: settle those whose ends are settled, repeatedly.
    let mut pending: Vec<usize> = (0..relationships.len()).collect();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|&i| {
            let (r, rel) = &relationships[i];
            let end_kind = |id: &str| -> Option<Option<EntityKind>> {
                if let Some(j) = element_index.get(id) {
                    return Some(element_kind(&roles, *j));
                }
                let j = relationship_index.get(id)?;
                match relationship_roles[*j].as_ref()? {
                    Role::Interface => Some(Some(EntityKind::Interface)),
                    Role::Relation { .. } => Some(Some(EntityKind::Relation)),
                    _ => Some(None),
                }
            };
            let (Some(from), Some(to)) = (end_kind(&rel.source), end_kind(&rel.target)) else {
                return true; // an end not settled yet
            };
            let archimate_type = r.concept.archimate_type.as_str();
            let explicit = r.property(KIND_PROPERTY);
            // A link from an application to a reference component is a link, nothing more.
            let target_component =
                element_index
                    .get(rel.target.as_str())
                    .and_then(|j| match &roles[*j] {
                        Role::ReferenceComponent { id, .. } => Some(id.clone()),
                        _ => None,
                    });
            let role = match (from, target_component) {
                (Some(EntityKind::Application), Some(component))
                    if archimate_type == "Specialization"
                        && !referenced.contains(r.concept.identifier.as_str()) =>
                {
                    Some(Role::ReferenceLink {
                        application: element_index[rel.source.as_str()],
                        component,
                    })
                }
                _ => None,
            };
            let role = role.or_else(|| {
                let (Some(from), Some(to)) = (from, to) else {
                    return None;
                };
                let between_applications =
                    from == EntityKind::Application && to == EntityKind::Application;
                let koppeling = explicit == Some(EntityKind::Interface.code())
                    || (explicit.is_none()
                        && matches!(archimate_type, "Serving" | "Flow" | "Triggering"));
                let to_itself = rel.source == rel.target;
                if koppeling && between_applications && !to_itself {
                    return Some(Role::Interface);
                }
                let stated = r
                    .property("soort")
                    .filter(|_| explicit == Some(EntityKind::Relation.code()))
                    .and_then(|s| {
                        regisseur_domain::landscape::RELATION_TYPE
                            .iter()
                            .find(|c| c.value == s)
                    });
                let (soort, reversed) = match stated {
                    Some(choice) => (choice.value, relation_canon(choice.value).1),
                    None => relation_for(archimate_type, from, to),
                };
                let (a, b) = if reversed { (to, from) } else { (from, to) };
                // Valid ArchiMate that is no koppeling or dependency of the register: kept as
                // the ArchiMate relationship it is, with a word to the user.
                const SELF_EXCHANGE: &str = "Een applicatie die met zichzelf gegevens uitwisselt is geen koppeling; bewaard als ArchiMate-relatie.";
                let self_exchange = koppeling && between_applications && to_itself;
                let is_dependency = !ARCHIMATE_RELATION_TYPE.iter().any(|(t, _)| *t == soort);
                if regisseur_domain::landscape::relation_allowed(soort, a, b)
                    && !(is_dependency && to_itself)
                {
                    return Some(Role::Relation {
                        soort,
                        reversed,
                        kept: self_exchange.then_some(SELF_EXCHANGE),
                    });
                }
                let kept = if self_exchange {
                    SELF_EXCHANGE
                } else if to_itself {
                    "Een element dat van zichzelf afhangt is geen afhankelijkheid in het register; bewaard als ArchiMate-relatie."
                } else {
                    "Het opgegeven soort relatie past niet bij de uiteinden; bewaard als ArchiMate-relatie."
                };
                Some(Role::Relation {
                    soort: structural_type(archimate_type),
                    reversed: false,
                    kept: Some(kept),
                })
            });
            relationship_roles[i] = role;
            false
        });
        if pending.len() == before {
            break; // a cycle of relationships on relationships: left as errors below
        }
    }

    Planner::new(existing, catalog, sink).run(
        &elements,
        &roles,
        &contract_supplier,
        &relationships,
        &relationship_roles,
        &pending,
    )
}

/// How many planned changes are handed over at a time when streaming.
const HAND_OVER_EVERY: usize = 1_000;

/// Matching the file's concepts to the register, building and checking their fields.
struct Planner<'a> {
    existing: HashMap<Uuid, &'a Existing>,
    by_archimate_id: HashMap<&'a str, Uuid>,
    by_name: HashMap<(EntityKind, String), Vec<Uuid>>,
    claimed: HashSet<Uuid>,
    catalog: &'a ReferenceCatalog,
    plan: Plan,
    /// Where planned changes go part by part, if not into the plan.
    sink: Option<&'a mut dyn FnMut(Vec<Change>)>,
}

impl<'a> Planner<'a> {
    fn new(
        existing: &'a [Existing],
        catalog: &'a ReferenceCatalog,
        sink: Option<&'a mut dyn FnMut(Vec<Change>)>,
    ) -> Self {
        let mut by_name: HashMap<(EntityKind, String), Vec<Uuid>> = HashMap::new();
        for e in existing {
            if matches!(
                e.record.kind(),
                EntityKind::Application | EntityKind::Supplier
            ) && e.record.text("archimateId").is_none()
                && let Some(name) = e.record.name()
            {
                by_name
                    .entry((e.record.kind(), name.trim().to_lowercase()))
                    .or_default()
                    .push(e.id);
            }
        }
        Planner {
            existing: existing.iter().map(|e| (e.id, e)).collect(),
            by_archimate_id: existing
                .iter()
                .filter_map(|e| Some((e.record.text("archimateId")?, e.id)))
                .collect(),
            by_name,
            claimed: HashSet::new(),
            catalog,
            plan: Plan::default(),
            sink,
        }
    }

    /// The element of the register a concept of the file is: by the identifier it had, by the
    /// identifier the register gave it on export, by its name (applications and suppliers whose
    /// name the file has once), else a new one.
    fn match_id(&mut self, kind: EntityKind, identifier: &str, name: Option<&str>) -> Uuid {
        let fits = |id: &Uuid, this: &Self| {
            !this.claimed.contains(id)
                && this
                    .existing
                    .get(id)
                    .is_some_and(|e| e.record.kind() == kind)
        };
        let found = self
            .by_archimate_id
            .get(identifier)
            .copied()
            .filter(|id| fits(id, self))
            .or_else(|| {
                identifier
                    .strip_prefix("id-")
                    .and_then(|u| Uuid::parse_str(u).ok())
                    .filter(|id| fits(id, self))
            })
            .or_else(|| {
                let key = (kind, name?.trim().to_lowercase());
                self.by_name
                    .get(&key)?
                    .iter()
                    .copied()
                    .find(|id| fits(id, self))
            })
            .unwrap_or_else(Uuid::now_v7);
        self.claimed.insert(found);
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        mut self,
        elements: &[Named],
        roles: &[Role],
        contract_supplier: &HashMap<usize, usize>,
        relationships: &[(Named, &Relationship)],
        relationship_roles: &[Option<Role>],
        unsettled: &[usize],
    ) -> Plan {
        // Names that occur once per kind in the file may match by name.
        let mut name_count: HashMap<(EntityKind, String), usize> = HashMap::new();
        for (e, role) in elements.iter().zip(roles) {
            if let (Role::Element(kind), Some(name)) = (role, &e.concept.name) {
                *name_count
                    .entry((*kind, name.trim().to_lowercase()))
                    .or_default() += 1;
            }
        }
        // Ids first, so that fields can refer to anything in the file.
        let mut ids: HashMap<&str, Uuid> = HashMap::new();
        for (e, role) in elements.iter().zip(roles) {
            let kind = match role {
                Role::Element(kind) => *kind,
                Role::ReferenceComponent { kept: true, .. } => EntityKind::ModelElement,
                _ => continue,
            };
            let name =
                e.concept.name.as_deref().filter(|n| {
                    name_count.get(&(kind, n.trim().to_lowercase())).copied() == Some(1)
                });
            let id = self.match_id(kind, &e.concept.identifier, name);
            ids.insert(e.concept.identifier.as_str(), id);
        }
        for ((r, _), role) in relationships.iter().zip(relationship_roles) {
            let kind = match role {
                Some(Role::Interface) => EntityKind::Interface,
                Some(Role::Relation { .. }) => EntityKind::Relation,
                _ => continue,
            };
            let id = self.match_id(kind, &r.concept.identifier, None);
            ids.insert(r.concept.identifier.as_str(), id);
        }
        // Links from applications to reference components.
        let mut links: HashMap<usize, Vec<String>> = HashMap::new();
        for role in relationship_roles.iter().flatten() {
            if let Role::ReferenceLink {
                application,
                component,
            } = role
            {
                links
                    .entry(*application)
                    .or_default()
                    .push(component.clone());
            }
        }
        for i in unsettled {
            let r = &relationships[*i].0;
            self.error(
                r.concept,
                "source/target",
                "",
                "de relatie hoort bij een kring van relaties die naar elkaar verwijzen",
            );
        }

        // Elements, in an order in which references point backwards.
        let mut order: Vec<usize> = (0..elements.len()).collect();
        let rank = |kind: EntityKind| match kind {
            EntityKind::Person => 0,
            EntityKind::Supplier => 1,
            EntityKind::Contract => 2,
            EntityKind::Component => 3,
            EntityKind::Application => 4,
            EntityKind::DataSet => 5,
            _ => 6,
        };
        let role_kind = |role: &Role| match role {
            Role::Element(kind) => Some(*kind),
            Role::ReferenceComponent { kept: true, .. } => Some(EntityKind::ModelElement),
            _ => None,
        };
        order.sort_by_key(|i| role_kind(&roles[*i]).map_or(9, rank));
        for i in order {
            let Some(kind) = role_kind(&roles[i]) else {
                continue;
            };
            let e = &elements[i];
            let c = e.concept;
            let mut fields = Map::new();
            let name = c.name.as_deref().map(str::trim).unwrap_or("");
            let name = if name.is_empty() {
                self.warning(
                    c,
                    "name",
                    "",
                    "element zonder naam: het krijgt zijn identifier als naam",
                );
                c.identifier.as_str()
            } else {
                name
            };
            fields.insert("naam".into(), Value::from(name));
            if let Some(doc) = c.documentation.as_deref() {
                let field = if kind == EntityKind::DataSet {
                    "doel"
                } else {
                    "omschrijving"
                };
                fields.insert(field.into(), Value::from(doc));
            }
            let mut properties = Map::new();
            let mut problems = Vec::new();
            for (prop, value) in &e.properties {
                if *prop == KIND_PROPERTY {
                    continue;
                }
                let spec = kind
                    .field(prop)
                    .filter(|_| kind != EntityKind::ModelElement)
                    .filter(|s| !NOT_FROM_PROPERTIES.contains(&s.name));
                match spec {
                    Some(spec) => match property_value(spec.ty, value, &ids) {
                        Ok(v) => {
                            fields.insert(spec.name.to_string(), v);
                        }
                        Err(message) => {
                            problems.push((prop.to_string(), value.to_string(), message))
                        }
                    },
                    None => {
                        keep_property(&mut properties, prop, value);
                    }
                }
            }
            if !properties.is_empty() {
                fields.insert("eigenschappen".into(), Value::Object(properties));
            }
            match kind {
                EntityKind::Application => {
                    fields
                        .entry("levenscyclus")
                        .or_insert_with(|| Value::from("in-gebruik"));
                    if let Some(components) = links.get(&i) {
                        let mut all: Vec<Value> = fields
                            .get("referentiecomponentIds")
                            .and_then(Value::as_array)
                            .cloned()
                            .unwrap_or_default();
                        all.extend(components.iter().map(|c| Value::from(c.as_str())));
                        fields.insert("referentiecomponentIds".into(), Value::Array(all));
                    }
                }
                EntityKind::Component => {
                    fields
                        .entry("soort")
                        .or_insert_with(|| Value::from(component_kind_for_type(&c.archimate_type)));
                }
                EntityKind::Contract => {
                    if let Some(supplier) = contract_supplier
                        .get(&i)
                        .and_then(|s| ids.get(elements[*s].concept.identifier.as_str()))
                    {
                        fields
                            .entry("leverancierId")
                            .or_insert_with(|| Value::from(supplier.to_string()));
                    }
                }
                EntityKind::ModelElement => {
                    fields.insert(
                        "archimateType".into(),
                        Value::from(c.archimate_type.as_str()),
                    );
                    if let Role::ReferenceComponent { id, .. } = &roles[i] {
                        fields.insert(
                            "referentiecomponentIds".into(),
                            Value::from(vec![id.as_str()]),
                        );
                    }
                }
                _ => {}
            }
            let id = ids[c.identifier.as_str()];
            self.finish(kind, id, c, fields, problems, Some(&c.archimate_type));
            self.hand_over_some();
        }

        self.hand_over();
        // Koppelingen and relations, each after the relationships it points at.
        for i in relationship_order(relationships) {
            self.relationship(&relationships[i], relationship_roles[i].as_ref(), &ids);
            self.hand_over_some();
        }
        self.hand_over();
        self.plan.per_kind.retain(|_, c| *c != Counts::default());
        self.plan
    }

    /// Hands the changes planned so far over once there are enough of them to be worth a
    /// round of writing, so that the writing starts early.
    fn hand_over_some(&mut self) {
        if self.plan.changes.len() >= HAND_OVER_EVERY {
            self.hand_over();
        }
    }

    /// Hands the changes planned so far to the sink, if there is one.
    fn hand_over(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            let changes = std::mem::take(&mut self.plan.changes);
            if !changes.is_empty() {
                sink(changes);
            }
        }
    }

    fn relationship(
        &mut self,
        (r, rel): &(Named, &Relationship),
        role: Option<&Role>,
        ids: &HashMap<&str, Uuid>,
    ) {
        let c = r.concept;
        let (kind, ends, soort) = match role {
            Some(Role::Interface) => (
                EntityKind::Interface,
                ("vanApplicatieId", "naarApplicatieId", false),
                None,
            ),
            Some(Role::Relation {
                soort,
                reversed,
                kept,
            }) => {
                if let Some(why) = kept {
                    self.warning(c, "type", &c.archimate_type, why);
                }
                (
                    EntityKind::Relation,
                    ("bronId", "doelId", *reversed),
                    Some(*soort),
                )
            }
            _ => return,
        };
        let (Some(source), Some(target)) =
            (ids.get(rel.source.as_str()), ids.get(rel.target.as_str()))
        else {
            self.error(
                c,
                "source/target",
                "",
                "verwijst naar iets dat niet wordt ingelezen",
            );
            return;
        };
        let (from, to) = if ends.2 {
            (target, source)
        } else {
            (source, target)
        };
        let mut fields = Map::new();
        fields.insert(ends.0.into(), Value::from(from.to_string()));
        fields.insert(ends.1.into(), Value::from(to.to_string()));
        if let Some(soort) = soort {
            fields.insert("soort".into(), Value::from(soort));
        }
        if let Some(name) = c.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            fields.insert("naam".into(), Value::from(name));
        }
        if let Some(doc) = c.documentation.as_deref() {
            fields.insert("omschrijving".into(), Value::from(doc));
        }
        if let Some(access) = &rel.access_type {
            fields.insert("toegangssoort".into(), Value::from(access.as_str()));
        }
        let mut properties = Map::new();
        let mut problems = Vec::new();
        for (prop, value) in &r.properties {
            if *prop == KIND_PROPERTY || (*prop == "soort" && kind == EntityKind::Relation) {
                continue;
            }
            match kind
                .field(prop)
                .filter(|s| !NOT_FROM_PROPERTIES.contains(&s.name))
                .filter(|s| !matches!(s.ty, FieldType::Ref(_) | FieldType::AnyRef))
            {
                Some(spec) => match property_value(spec.ty, value, ids) {
                    Ok(v) => {
                        fields.insert(spec.name.to_string(), v);
                    }
                    Err(message) => problems.push((prop.to_string(), value.to_string(), message)),
                },
                None => {
                    keep_property(&mut properties, prop, value);
                }
            }
        }
        if !properties.is_empty() {
            fields.insert("eigenschappen".into(), Value::Object(properties));
        }
        let id = ids[c.identifier.as_str()];
        self.finish(kind, id, c, fields, problems, Some(&c.archimate_type));
    }

    /// Remembers the file's identifier and type where the register would not give them back,
    /// checks the fields, and plans the change.
    fn finish(
        &mut self,
        kind: EntityKind,
        id: Uuid,
        c: &Concept,
        mut fields: Map<String, Value>,
        problems: Vec<(String, String, String)>,
        archimate_type: Option<&str>,
    ) {
        if c.identifier != own_identifier(id) {
            fields.insert("archimateId".into(), Value::from(c.identifier.as_str()));
        }
        let existing = self.existing.get(&id).copied();
        // What the file does not say stays as the register has it.
        let mut merged = existing.map_or_else(Map::new, |e| e.record.fields().clone());
        merged.remove("archimateType");
        if existing.is_some() && !fields.contains_key("archimateId") {
            merged.remove("archimateId");
        }
        merged.extend(fields);
        if kind != EntityKind::ModelElement
            && let Some(actual) = archimate_type
        {
            let soort = merged.get("soort").and_then(Value::as_str);
            let default = match kind {
                EntityKind::Relation => relation_canon(soort.unwrap_or("associatie")).0,
                _ => default_element_type(kind, soort),
            };
            if actual != default {
                merged.insert("archimateType".into(), Value::from(actual));
            }
        }
        let (record, errors) = validate(kind, &merged, InputMode::Api, &|id| {
            self.catalog.contains(id)
        });
        let mut failed = !problems.is_empty();
        for (prop, value, message) in problems {
            self.error(c, &prop, &value, &message);
        }
        for error in &errors.0 {
            let label = kind
                .field(&error.name)
                .map_or(error.name.clone(), |f| f.nl.to_string());
            let value = merged
                .get(&error.name)
                .map(|v| v.as_str().map_or(v.to_string(), str::to_string))
                .unwrap_or_default();
            self.error(c, &label, &value, &error.problem.message(Lang::Nl));
            failed = true;
        }
        if failed {
            return;
        }
        let counts = self.plan.per_kind.entry(kind).or_default();
        let outcome = match existing {
            Some(e) if e.record == record => {
                counts.ongewijzigd += 1;
                "ongewijzigd"
            }
            Some(e) => {
                counts.gewijzigd += 1;
                self.plan.changes.push(Change::Update {
                    id,
                    kind,
                    version: e.version,
                    fields: record.into_json(),
                });
                "gewijzigd"
            }
            None => {
                counts.nieuw += 1;
                self.plan.changes.push(Change::Create {
                    id,
                    kind,
                    fields: record.into_json(),
                });
                "nieuw"
            }
        };
        if kind != EntityKind::Relation {
            self.plan.rows.push(RowOutcome {
                row: c.line,
                name: c.name.clone().unwrap_or_default(),
                outcome,
            });
        }
    }

    fn error(&mut self, c: &Concept, column: &str, value: &str, message: &str) {
        self.plan.errors.push(issue(c, column, value, message));
    }

    fn warning(&mut self, c: &Concept, column: &str, value: &str, message: &str) {
        self.plan.warnings.push(issue(c, column, value, message));
    }
}

/// Keeps a property; a name the concept already has gets a number (`Toelichting [2]`), which
/// the export takes off again.
fn keep_property(properties: &mut Map<String, Value>, name: &str, value: &str) {
    let mut key = name.to_string();
    let mut n = 1;
    while properties.contains_key(&key) {
        n += 1;
        key = format!("{name} [{n}]");
    }
    properties.insert(key, Value::from(value));
}

/// The name a kept property is written under: without the number a repeat was given, when
/// the unnumbered name is there too.
fn written_name<'a>(name: &'a str, all: &Map<String, Value>) -> &'a str {
    name.strip_suffix(']')
        .and_then(|rest| rest.rsplit_once(" ["))
        .filter(|(base, n)| n.parse::<u32>().is_ok() && all.contains_key(*base))
        .map_or(name, |(base, _)| base)
}

fn issue(c: &Concept, column: &str, value: &str, message: &str) -> Issue {
    Issue {
        row: c.line,
        column: format!("{} {} / {column}", c.archimate_type, c.identifier),
        value: value.to_string(),
        message: message.to_string(),
    }
}

/// A property's text as the value of a field, in the API's types; references are identifiers
/// in the file.
fn property_value(ty: FieldType, text: &str, ids: &HashMap<&str, Uuid>) -> Result<Value, String> {
    let text = text.trim();
    let reference = |identifier: &str| {
        ids.get(identifier.trim())
            .map(|id| Value::from(id.to_string()))
            .ok_or_else(|| format!("verwijst naar '{identifier}', dat niet in het bestand staat"))
    };
    Ok(match ty {
        FieldType::Bool => Value::Bool(parse_yes_no(text).ok_or("geen ja of nee")?),
        FieldType::Money | FieldType::Biv | FieldType::Integer { .. } => Value::from(
            text.parse::<i64>()
                .map_err(|_| "geen geheel getal".to_string())?,
        ),
        FieldType::Ref(_) | FieldType::AnyRef => reference(text)?,
        FieldType::RefList(_) => Value::Array(
            text.split(';')
                .filter(|s| !s.trim().is_empty())
                .map(reference)
                .collect::<Result<_, _>>()?,
        ),
        FieldType::ReferenceComponents => Value::Array(
            text.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Value::from)
                .collect(),
        ),
        _ => Value::from(text),
    })
}

/// Reads an exchange file and plans its import.
pub fn plan_file(
    bytes: &[u8],
    existing: &[Existing],
    catalog: &ReferenceCatalog,
) -> Result<Plan, FileError> {
    let model = crate::ameff::read_model(bytes)?;
    let mut plan = plan_model(&model, existing, catalog);
    let mut warnings = model.warnings;
    warnings.append(&mut plan.warnings);
    plan.warnings = warnings;
    Ok(plan)
}

/// The file's relationships in an order in which each comes after the relationships it points
/// at (a cycle, reported as an error, is cut anywhere).
fn relationship_order(relationships: &[(Named, &Relationship)]) -> Vec<usize> {
    let index: HashMap<&str, usize> = relationships
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (r.concept.identifier.as_str(), i))
        .collect();
    let ends: Vec<[Option<usize>; 2]> = relationships
        .iter()
        .map(|(_, rel)| {
            [
                index.get(rel.source.as_str()).copied(),
                index.get(rel.target.as_str()).copied(),
            ]
        })
        .collect();
    let mut depth: Vec<Option<usize>> = vec![None; relationships.len()];
    // Depth-first without recursion; a relationship met again while it is being visited closes
    // a cycle, which is cut there.
    let mut visiting = vec![false; relationships.len()];
    let mut stack = Vec::new();
    for start in 0..relationships.len() {
        stack.push(start);
        while let Some(&i) = stack.last() {
            if depth[i].is_some() {
                stack.pop();
                continue;
            }
            visiting[i] = true;
            let before = stack.len();
            stack.extend(
                ends[i]
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|j| depth[*j].is_none() && !visiting[*j]),
            );
            if stack.len() == before {
                let d = ends[i]
                    .iter()
                    .flatten()
                    .filter_map(|j| depth[*j])
                    .max()
                    .map_or(0, |d| d + 1);
                depth[i] = Some(d);
                stack.pop();
            }
        }
    }
    let mut order: Vec<usize> = (0..relationships.len()).collect();
    order.sort_by_key(|i| depth[*i]);
    order
}

/// [`plan_file`] handing over the changes as they are planned (see [`plan_model_streaming`]).
pub fn plan_file_streaming(
    bytes: &[u8],
    existing: &[Existing],
    catalog: &ReferenceCatalog,
    sink: &mut dyn FnMut(Vec<Change>),
) -> Result<Plan, FileError> {
    let model = crate::ameff::read_model(bytes)?;
    let mut plan = plan_model_streaming(&model, existing, catalog, sink);
    let mut warnings = model.warnings;
    warnings.append(&mut plan.warnings);
    plan.warnings = warnings;
    Ok(plan)
}

// ---------------------------------------------------------------------------------------------
// Export

fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(text)
}

/// A property's text for a field's value, the way the import reads it back.
fn property_text(ty: FieldType, value: &Value, identifiers: &HashMap<Uuid, String>) -> String {
    let identifier = |v: &Value| {
        v.as_str()
            .and_then(|s| Uuid::parse_str(s).ok())
            .and_then(|id| identifiers.get(&id).cloned())
            .unwrap_or_default()
    };
    match (ty, value) {
        (FieldType::Bool, Value::Bool(b)) => if *b { "ja" } else { "nee" }.to_string(),
        (FieldType::Ref(_) | FieldType::AnyRef, v) => identifier(v),
        (FieldType::RefList(_), Value::Array(items)) => {
            items.iter().map(identifier).collect::<Vec<_>>().join(";")
        }
        (FieldType::ReferenceComponents, Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(";"),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// Writes the register as an ArchiMate 3.1 exchange file (valid against the Open Group's
/// `archimate3_Diagram.xsd`): every element with its type, documentation and the fields that
/// have no ArchiMate counterpart as properties; koppelingen and relations as relationships;
/// applications linked to the GEMMA reference components they specialise.
pub fn write_model(model_name: &str, register: &[Existing], catalog: &ReferenceCatalog) -> String {
    let identifiers: HashMap<Uuid, String> =
        register.iter().map(|e| (e.id, identifier_of(e))).collect();
    let kinds: HashMap<Uuid, EntityKind> =
        register.iter().map(|e| (e.id, e.record.kind())).collect();
    let by_identifier: HashMap<&str, EntityKind> = register
        .iter()
        .filter_map(|e| Some((e.record.text("archimateId")?, e.record.kind())))
        .collect();
    // Reference components: the architecture element that is one, else one written for the links.
    let mut reference_identifier: HashMap<String, String> = HashMap::new();
    for e in register
        .iter()
        .filter(|e| e.record.kind() == EntityKind::ModelElement)
    {
        if let Some(Value::Array(ids)) = e.record.get("referentiecomponentIds") {
            for id in ids.iter().filter_map(Value::as_str) {
                reference_identifier
                    .entry(id.to_string())
                    .or_insert_with(|| identifiers[&e.id].clone());
            }
        }
    }
    let mut written_components: Vec<&str> = Vec::new();
    for e in register
        .iter()
        .filter(|e| e.record.kind() == EntityKind::Application)
    {
        if let Some(Value::Array(ids)) = e.record.get("referentiecomponentIds") {
            for id in ids.iter().filter_map(Value::as_str) {
                if !reference_identifier.contains_key(id) && catalog.contains(id) {
                    reference_identifier.insert(id.to_string(), format!("id-{id}"));
                    written_components.push(catalog.get(id).map_or(id, |c| c.id.as_str()));
                }
            }
        }
    }
    written_components.sort_unstable();

    let mut definitions: Vec<String> = Vec::new();
    let mut definition_index: HashMap<String, usize> = HashMap::new();
    let mut define = |name: &str| -> String {
        let n = *definition_index.entry(name.to_string()).or_insert_with(|| {
            definitions.push(name.to_string());
            definitions.len()
        });
        format!("propid-{n}")
    };
    let mut out = String::with_capacity(register.len() * 400 + 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(concat!(
        "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/ ",
        "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd\" ",
        "identifier=\"id-regisseur-model\">\n"
    ));
    let _ = writeln!(out, "  <name xml:lang=\"nl\">{}</name>", escape(model_name));

    let concepts = |kinds: &[EntityKind]| -> Vec<&Existing> {
        register
            .iter()
            .filter(|e| kinds.contains(&e.record.kind()))
            .collect()
    };
    let elements = concepts(&[
        EntityKind::Application,
        EntityKind::Component,
        EntityKind::DataSet,
        EntityKind::Supplier,
        EntityKind::Contract,
        EntityKind::Person,
        EntityKind::ModelElement,
    ]);
    let mut body = String::new();
    let write_properties = |body: &mut String,
                            define: &mut dyn FnMut(&str) -> String,
                            pairs: &[(String, String)]| {
        if pairs.is_empty() {
            return;
        }
        body.push_str("      <properties>\n");
        for (name, value) in pairs {
            let _ = writeln!(
                body,
                "        <property propertyDefinitionRef=\"{}\"><value xml:lang=\"nl\">{}</value></property>",
                define(name),
                escape(value)
            );
        }
        body.push_str("      </properties>\n");
    };
    // The fields of a record that travel as properties, then its own properties.
    let field_properties = |e: &Existing, skip: &[&str]| -> Vec<(String, String)> {
        let kind = e.record.kind();
        let mut pairs = Vec::new();
        if let Some(marker) = kind_marker(e) {
            pairs.push((KIND_PROPERTY.to_string(), marker.to_string()));
        }
        // An architecture element's fields are its name, type and documentation; the rest of
        // the register's kinds carry theirs as properties.
        let fields = if kind == EntityKind::ModelElement {
            &[][..]
        } else {
            kind.fields()
        };
        for spec in fields {
            if NOT_FROM_PROPERTIES.contains(&spec.name) || skip.contains(&spec.name) {
                continue;
            }
            if let Some(value) = e.record.get(spec.name) {
                pairs.push((
                    spec.name.to_string(),
                    property_text(spec.ty, value, &identifiers),
                ));
            }
        }
        if let Some(Value::Object(own)) = e.record.get("eigenschappen") {
            for (name, value) in own {
                pairs.push((
                    written_name(name, own).to_string(),
                    value.as_str().unwrap_or_default().to_string(),
                ));
            }
        }
        pairs
    };
    // The schema wants at least one element in <elements> (and one relationship in
    // <relationships>): an empty collection is left out, not written empty.
    let elements_start = body.len();
    body.push_str("  <elements>\n");
    let elements_inner = body.len();
    for e in &elements {
        let kind = e.record.kind();
        let archimate_type = e
            .record
            .text("archimateType")
            .unwrap_or_else(|| default_element_type(e.record.kind(), e.record.text("soort")));
        let _ = writeln!(
            body,
            "    <element identifier=\"{}\" xsi:type=\"{}\">",
            escape(&identifiers[&e.id]),
            archimate_type
        );
        let _ = writeln!(
            body,
            "      <name xml:lang=\"nl\">{}</name>",
            escape(e.record.name().unwrap_or(""))
        );
        let documentation = if kind == EntityKind::DataSet {
            "doel"
        } else {
            "omschrijving"
        };
        if let Some(doc) = e.record.text(documentation) {
            let _ = writeln!(
                body,
                "      <documentation xml:lang=\"nl\">{}</documentation>",
                escape(doc)
            );
        }
        let skip: &[&str] = if kind == EntityKind::Application {
            &["referentiecomponentIds"]
        } else {
            &[]
        };
        write_properties(&mut body, &mut define, &field_properties(e, skip));
        body.push_str("    </element>\n");
    }
    for id in &written_components {
        let Some(component) = catalog.get(id) else {
            continue;
        };
        let _ = writeln!(
            body,
            "    <element identifier=\"{}\" xsi:type=\"ApplicationComponent\">\n      <name xml:lang=\"nl\">{}</name>",
            escape(&reference_identifier[*id]),
            escape(&component.naam)
        );
        if !component.beschrijving.is_empty() {
            let _ = writeln!(
                body,
                "      <documentation xml:lang=\"nl\">{}</documentation>",
                escape(&component.beschrijving)
            );
        }
        write_properties(
            &mut body,
            &mut define,
            &[
                (
                    KIND_PROPERTY.to_string(),
                    REFERENCE_COMPONENT_MARK.to_string(),
                ),
                (OBJECT_ID.to_string(), component.id.clone()),
                (
                    GEMMA_TYPE.to_string(),
                    GEMMA_REFERENCE_COMPONENT.to_string(),
                ),
            ],
        );
        body.push_str("    </element>\n");
    }
    if body.len() == elements_inner {
        body.truncate(elements_start);
    } else {
        body.push_str("  </elements>\n");
    }

    // Relationships: koppelingen, relations (each after those it points at), reference links.
    let mut relationships = concepts(&[EntityKind::Interface]);
    relationships.extend(relations_in_order(register));
    let relationships_start = body.len();
    body.push_str("  <relationships>\n");
    let relationships_inner = body.len();
    for e in &relationships {
        let kind = e.record.kind();
        let (source_field, target_field, archimate_type, reversed) = match kind {
            EntityKind::Interface => (
                "vanApplicatieId",
                "naarApplicatieId",
                e.record.text("archimateType").unwrap_or("Flow"),
                false,
            ),
            _ => {
                let (canon, reversed) = relation_canon(e.record.text("soort").unwrap_or(""));
                (
                    "bronId",
                    "doelId",
                    e.record.text("archimateType").unwrap_or(canon),
                    reversed,
                )
            }
        };
        let end = |field: &str| {
            e.record
                .text(field)
                .and_then(|s| Uuid::parse_str(s).ok())
                .and_then(|id| identifiers.get(&id))
                .cloned()
                .unwrap_or_default()
        };
        let (mut source, mut target) = (end(source_field), end(target_field));
        if reversed {
            std::mem::swap(&mut source, &mut target);
        }
        let access = match (archimate_type, e.record.text("toegangssoort")) {
            ("Access", Some(access)) => format!(" accessType=\"{access}\""),
            _ => String::new(),
        };
        let _ = writeln!(
            body,
            "    <relationship identifier=\"{}\" xsi:type=\"{archimate_type}\" source=\"{}\" target=\"{}\"{access}>",
            escape(&identifiers[&e.id]),
            escape(&source),
            escape(&target)
        );
        if let Some(name) = e.record.text("naam") {
            let _ = writeln!(body, "      <name xml:lang=\"nl\">{}</name>", escape(name));
        }
        if let Some(doc) = e.record.text("omschrijving") {
            let _ = writeln!(
                body,
                "      <documentation xml:lang=\"nl\">{}</documentation>",
                escape(doc)
            );
        }
        let skip = [
            "vanApplicatieId",
            "naarApplicatieId",
            "bronId",
            "doelId",
            "toegangssoort",
            "soort",
        ];
        let mut pairs = field_properties(e, &skip);
        // Say what the relationship is only where reading it back would not tell.
        let kind_at = |identifier: &str| {
            identifier
                .strip_prefix("id-")
                .and_then(|u| Uuid::parse_str(u).ok())
                .and_then(|id| kinds.get(&id).copied())
                .or_else(|| by_identifier.get(identifier).copied())
                .unwrap_or(EntityKind::ModelElement)
        };
        let (file_from, file_to) = (kind_at(&source), kind_at(&target));
        let reads_as_interface = matches!(archimate_type, "Serving" | "Flow" | "Triggering")
            && file_from == EntityKind::Application
            && file_to == EntityKind::Application;
        let marker = match (kind, e.record.text("soort")) {
            (EntityKind::Interface, _) if !reads_as_interface => {
                vec![(KIND_PROPERTY.to_string(), kind.code().to_string())]
            }
            (EntityKind::Relation, Some(soort))
                if reads_as_interface
                    || relation_for(archimate_type, file_from, file_to) != (soort, reversed) =>
            {
                vec![
                    (KIND_PROPERTY.to_string(), kind.code().to_string()),
                    ("soort".to_string(), soort.to_string()),
                ]
            }
            _ => Vec::new(),
        };
        pairs.splice(0..0, marker);
        write_properties(&mut body, &mut define, &pairs);
        body.push_str("    </relationship>\n");
    }
    for e in register
        .iter()
        .filter(|e| e.record.kind() == EntityKind::Application)
    {
        if let Some(Value::Array(ids)) = e.record.get("referentiecomponentIds") {
            for id in ids.iter().filter_map(Value::as_str) {
                let Some(target) = reference_identifier.get(id) else {
                    continue;
                };
                let _ = writeln!(
                    body,
                    "    <relationship identifier=\"{}\" xsi:type=\"Specialization\" source=\"{}\" target=\"{}\"/>",
                    escape(&format!("{}-{id}", identifiers[&e.id])),
                    escape(&identifiers[&e.id]),
                    escape(target)
                );
            }
        }
    }
    if body.len() == relationships_inner {
        body.truncate(relationships_start);
    } else {
        body.push_str("  </relationships>\n");
    }
    out.push_str(&body);
    if !definitions.is_empty() {
        out.push_str("  <propertyDefinitions>\n");
        for (i, name) in definitions.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <propertyDefinition identifier=\"propid-{}\" type=\"string\">\n      <name xml:lang=\"nl\">{}</name>\n    </propertyDefinition>",
                i + 1,
                escape(name)
            );
        }
        out.push_str("  </propertyDefinitions>\n");
    }
    out.push_str("</model>\n");
    out
}

/// The kind an exported element must state, because its ArchiMate type would be read as
/// another kind.
fn kind_marker(e: &Existing) -> Option<&'static str> {
    let kind = e.record.kind();
    if matches!(kind, EntityKind::Relation | EntityKind::Interface) {
        return None;
    }
    let archimate_type = e
        .record
        .text("archimateType")
        .unwrap_or_else(|| default_element_type(e.record.kind(), e.record.text("soort")));
    let linked = kind == EntityKind::ModelElement
        && archimate_type == "ApplicationComponent"
        && e.record.get("referentiecomponentIds").is_some();
    (kind_for_type(archimate_type) != kind && !linked).then_some(kind.code())
}

/// The relations of the register, each after the relations it points at.
pub fn relations_in_order(register: &[Existing]) -> Vec<&Existing> {
    let relations: HashMap<Uuid, &Existing> = register
        .iter()
        .filter(|e| e.record.kind() == EntityKind::Relation)
        .map(|e| (e.id, e))
        .collect();
    let mut depth: HashMap<Uuid, usize> = HashMap::new();
    fn depth_of(
        id: Uuid,
        relations: &HashMap<Uuid, &Existing>,
        depth: &mut HashMap<Uuid, usize>,
        guard: usize,
    ) -> usize {
        if let Some(d) = depth.get(&id) {
            return *d;
        }
        let Some(e) = relations.get(&id) else {
            return 0;
        };
        if guard > relations.len() {
            return 0;
        }
        let d = ["bronId", "doelId"]
            .iter()
            .filter_map(|f| e.record.text(f).and_then(|s| Uuid::parse_str(s).ok()))
            .filter(|t| relations.contains_key(t))
            .map(|t| depth_of(t, relations, depth, guard + 1) + 1)
            .max()
            .unwrap_or(0);
        depth.insert(id, d);
        d
    }
    let mut ordered: Vec<&Existing> = register
        .iter()
        .filter(|e| e.record.kind() == EntityKind::Relation)
        .collect();
    for e in &ordered {
        depth_of(e.id, &relations, &mut depth, 0);
    }
    ordered.sort_by_key(|e| depth[&e.id]);
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ameff::read_model;
    use crate::plan::applied;
    use serde_json::json;
    use std::collections::{BTreeMap, BTreeSet};

    use crate::ameff::tests::fixture;

    fn catalog() -> &'static ReferenceCatalog {
        ReferenceCatalog::gemma()
    }

    /// Validates a file against the Open Group's schema with `xmllint` (installed by the test
    /// command).
    fn assert_valid_ameff(xml: &str, name: &str) {
        let dir = std::env::temp_dir().join(format!("regisseur-ameff-{}", Uuid::now_v7()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join(format!("{name}.xml"));
        std::fs::write(&file, xml).expect("write");
        let schema = format!(
            "{}/../../tests/fixtures/ameff-xsd/archimate3_Diagram.xsd",
            env!("CARGO_MANIFEST_DIR")
        );
        let output = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema", &schema])
            .arg(&file)
            .output()
            .expect("xmllint must be installed (Debian package libxml2-utils)");
        assert!(
            output.status.success(),
            "{name} does not validate: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .take(10)
                .collect::<Vec<_>>()
                .join("\n")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Everything a model says about one concept: type, name, documentation, ends and access
    /// type, and its properties by name (without the register's own marker).
    type Described = (String, BTreeSet<String>);

    fn content(model: &Model) -> BTreeMap<String, Described> {
        let names: HashMap<&str, &str> = model
            .property_definitions
            .iter()
            .map(|d| (d.identifier.as_str(), d.name.as_str()))
            .collect();
        let describe = |c: &Concept, extra: String| {
            let properties: BTreeSet<String> = c
                .properties
                .iter()
                // A property without a value says nothing; the register does not keep it.
                .filter(|(r, v)| names.get(r.as_str()) != Some(&KIND_PROPERTY) && !v.is_empty())
                .map(|(r, v)| format!("{}={v}", names.get(r.as_str()).unwrap_or(&"?")))
                .collect();
            (
                format!(
                    "{} {:?} {:?} {extra}",
                    c.archimate_type, c.name, c.documentation
                ),
                properties,
            )
        };
        let mut out: BTreeMap<String, Described> = model
            .elements
            .iter()
            .map(|c| (c.identifier.clone(), describe(c, String::new())))
            .collect();
        for r in &model.relationships {
            let extra = format!("{} -> {} {:?}", r.source, r.target, r.access_type);
            out.insert(r.concept.identifier.clone(), describe(&r.concept, extra));
        }
        out
    }

    /// Everything the original says, the export says too (it may add what the register
    /// requires, such as an application's lifecycle).
    fn assert_nothing_lost(original: &[u8], exported: &str) {
        let before = content(&read_model(original).expect("original"));
        let after = content(&read_model(exported.as_bytes()).expect("export"));
        assert_eq!(before.len(), after.len());
        for (identifier, (described, properties)) in &before {
            let Some((again, kept)) = after.get(identifier) else {
                panic!("{identifier} is lost");
            };
            assert_eq!(described, again, "{identifier}");
            let lost: Vec<&String> = properties.difference(kept).collect();
            assert!(lost.is_empty(), "{identifier} lost {lost:?}");
        }
    }

    fn import(bytes: &[u8], existing: &[Existing]) -> Plan {
        let plan = plan_file(bytes, existing, catalog()).expect("reads");
        assert!(
            plan.errors.is_empty(),
            "{:#?}",
            &plan.errors[..plan.errors.len().min(5)]
        );
        plan
    }

    #[test]
    fn archisurance_imports_whole_and_exports_without_loss() {
        let original = fixture("archisurance.xml");
        let plan = import(&original, &[]);
        let totals = plan.totals();
        assert_eq!(totals.nieuw, 122 + 179, "every element and relationship");
        assert!(plan.per_kind[&EntityKind::Application].nieuw > 0);
        assert!(plan.per_kind[&EntityKind::ModelElement].nieuw > 0);
        let register = applied(&[], &plan);

        // Importing the same file again changes nothing.
        let again = import(&original, &register);
        assert!(again.changes.is_empty(), "{:?}", &again.changes[..1]);
        assert_eq!(again.totals().ongewijzigd, 301);

        // The export validates and says everything the original said.
        let exported = write_model("ArchiSurance", &register, catalog());
        assert_valid_ameff(&exported, "archisurance-export");
        assert_nothing_lost(&original, &exported);

        // Into another organisation and out again: the same file.
        let elsewhere = applied(&[], &import(exported.as_bytes(), &[]));
        let twice = write_model("ArchiSurance", &elsewhere, catalog());
        assert_eq!(
            content(&read_model(exported.as_bytes()).expect("first")),
            content(&read_model(twice.as_bytes()).expect("second"))
        );
    }

    #[test]
    fn gemma_is_kept_as_reference_architecture_and_exports_without_loss() {
        let original = fixture("gemma-ameff.xml");
        let plan = import(&original, &[]);
        assert_eq!(plan.per_kind[&EntityKind::ModelElement].nieuw, 3006);
        assert_eq!(plan.per_kind[&EntityKind::Relation].nieuw, 6253);
        assert!(!plan.per_kind.contains_key(&EntityKind::Application));
        let register = applied(&[], &plan);
        // Every reference component of the catalogue is linked to its element in the model.
        let linked: HashSet<&str> = register
            .iter()
            .filter_map(|e| e.record.get("referentiecomponentIds")?.as_array())
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(linked.len(), catalog().all().len());
        let exported = write_model("GEMMA", &register, catalog());
        assert_valid_ameff(&exported, "gemma-export");
        assert_nothing_lost(&original, &exported);
        let again = import(exported.as_bytes(), &register);
        assert!(again.changes.is_empty());
    }

    fn element(kind: EntityKind, value: serde_json::Value) -> Existing {
        let (record, errors) = validate(
            kind,
            value.as_object().expect("object"),
            InputMode::Api,
            &|id| catalog().contains(id),
        );
        assert!(errors.is_empty(), "{errors}");
        Existing {
            id: Uuid::now_v7(),
            version: 1,
            record,
        }
    }

    #[test]
    fn the_register_exports_as_valid_ameff_and_reads_back_unchanged() {
        let zaak = catalog()
            .by_name("Zaakregistratiecomponent")
            .expect("gemma")
            .id
            .clone();
        let supplier = element(
            EntityKind::Supplier,
            json!({"naam": "Centric & Co", "kvkNummer": "24255367", "land": "NL"}),
        );
        let contract = element(
            EntityKind::Contract,
            json!({"naam": "Burgerzaken", "leverancierId": supplier.id.to_string(),
                "einddatum": "2027-12-31", "opzegtermijnMaanden": 12, "jaarwaardeCenten": 14_800_000}),
        );
        let person = element(EntityKind::Person, json!({"naam": "Petra"}));
        let vm = element(
            EntityKind::Component,
            json!({"naam": "VM-01", "soort": "virtuele-machine", "eindeOndersteuning": "2028-01-31"}),
        );
        let app = element(
            EntityKind::Application,
            json!({"naam": "Zaaksysteem <kern>", "levenscyclus": "in-gebruik",
                "leverancierId": supplier.id.to_string(), "contractId": contract.id.to_string(),
                "eigenaarId": person.id.to_string(), "referentiecomponentIds": [zaak],
                "beschikbaarheid": 2, "bedrijfskritisch": true, "jaarkostenCenten": 1_234_567,
                "eigenschappen": {"Afdeling": "Publiekszaken"}}),
        );
        let website = element(
            EntityKind::Application,
            json!({"naam": "Website", "levenscyclus": "gepland"}),
        );
        let data = element(
            EntityKind::DataSet,
            json!({"naam": "Zaakdossiers", "doel": "Zaakgericht werken", "opslaglocatie": "IE",
                "verwerkerId": supplier.id.to_string(), "verwerkersovereenkomst": false}),
        );
        let interface = element(
            EntityKind::Interface,
            json!({"vanApplicatieId": app.id.to_string(), "naarApplicatieId": website.id.to_string(),
                "standaard": "zgw-api"}),
        );
        let runs_on = element(
            EntityKind::Relation,
            json!({"soort": "draait-op", "bronId": app.id.to_string(), "doelId": vm.id.to_string()}),
        );
        let stores = element(
            EntityKind::Relation,
            json!({"soort": "verwerkt", "bronId": app.id.to_string(), "doelId": data.id.to_string()}),
        );
        let about = element(
            EntityKind::Relation,
            json!({"soort": "associatie", "bronId": person.id.to_string(), "doelId": runs_on.id.to_string(),
                "naam": "beheert"}),
        );
        let register = vec![
            about, supplier, contract, person, vm, app, website, data, interface, runs_on, stores,
        ];
        let exported = write_model("Gemeente Een", &register, catalog());
        assert_valid_ameff(&exported, "register-export");
        assert!(exported.contains("xsi:type=\"Specialization\""));
        assert!(exported.contains(&format!("<value xml:lang=\"nl\">{zaak}</value>")));

        // Read back into the same register: nothing to do.
        let again = import(exported.as_bytes(), &register);
        assert!(again.changes.is_empty(), "{:#?}", again.changes);
        assert_eq!(again.totals().ongewijzigd, register.len());
        assert!(!again.per_kind.contains_key(&EntityKind::ModelElement));

        // Into an empty register: the same records, under new ids.
        let elsewhere = applied(&[], &import(exported.as_bytes(), &[]));
        assert_eq!(elsewhere.len(), register.len());
        let app_there = elsewhere
            .iter()
            .find(|e| e.record.name() == Some("Zaaksysteem <kern>"))
            .expect("application");
        assert_eq!(
            app_there.record.get("referentiecomponentIds"),
            Some(&json!([zaak]))
        );
        assert_eq!(app_there.record.get("bedrijfskritisch"), Some(&json!(true)));
        let relation_on_relation = elsewhere
            .iter()
            .find(|e| e.record.text("naam") == Some("beheert"))
            .expect("relation on a relation");
        let target = relation_on_relation.record.text("doelId").expect("target");
        assert!(
            elsewhere
                .iter()
                .any(|e| e.id.to_string() == target && e.record.text("soort") == Some("draait-op"))
        );
    }

    #[test]
    fn suppliers_contracts_and_bad_properties() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
  <name xml:lang="nl">Test</name>
  <elements>
    <element identifier="a1" xsi:type="BusinessActor"><name>Centric</name></element>
    <element identifier="r1" xsi:type="BusinessRole"><name>Leverancier</name></element>
    <element identifier="a2" xsi:type="BusinessActor"><name>Burger</name></element>
    <element identifier="c1" xsi:type="Contract"><name>Hosting</name></element>
    <element identifier="c2" xsi:type="Contract"><name>Zonder partij</name></element>
    <element identifier="app" xsi:type="ApplicationComponent"><name>Suite</name>
      <properties><property propertyDefinitionRef="p1"><value>heel hoog</value></property></properties></element>
  </elements>
  <relationships>
    <relationship identifier="x1" xsi:type="Assignment" source="a1" target="r1"/>
    <relationship identifier="x2" xsi:type="Association" source="c1" target="a1"/>
    <relationship identifier="x3" xsi:type="Association" source="a2" target="c3"/>
    <relationship identifier="x4" xsi:type="Association" source="c2" target="c2"/>
    <relationship identifier="x5" xsi:type="Association" source="a1" target="c3"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p1" type="string"><name>beschikbaarheid</name></propertyDefinition>
  </propertyDefinitions>
</model>"#;
        // A contract at the target end, whose first relationship is with no supplier, and one
        // related only to itself.
        let xml = xml.replace(
            "<element identifier=\"app\"",
            "<element identifier=\"c3\" xsi:type=\"Contract\"><name>Beheer</name></element>\n    <element identifier=\"app\"",
        );
        let plan = plan_file(xml.as_bytes(), &[], catalog()).expect("reads");
        // The application's availability is not a level: one error, naming where.
        assert_eq!(plan.errors.len(), 1, "{:?}", plan.errors);
        assert_eq!(plan.errors[0].row, 11);
        assert!(plan.errors[0].column.contains("app"));
        assert_eq!(plan.errors[0].value, "heel hoog");
        let kinds: HashMap<String, EntityKind> = plan
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::Create { kind, fields, .. } => {
                    Some((fields.get("naam")?.as_str()?.to_string(), *kind))
                }
                _ => None,
            })
            .collect();
        assert_eq!(kinds["Centric"], EntityKind::Supplier);
        assert_eq!(kinds["Burger"], EntityKind::ModelElement);
        assert_eq!(kinds["Hosting"], EntityKind::Contract);
        assert_eq!(kinds["Zonder partij"], EntityKind::ModelElement);
        assert_eq!(kinds["Beheer"], EntityKind::Contract);
    }

    /// Archi's own exchange test files, as the tool writes them: each imports whole, its export
    /// validates against the schema and says everything the original said, and importing it
    /// again changes nothing.
    #[test]
    fn archis_own_exchange_test_files_import_and_export_valid() {
        for name in [
            "Sample1.xml",
            "bendpoint.test.xml",
            "archisurance-exchange-tests.xml",
        ] {
            let original = fixture(&format!("archi-tests/{name}"));
            let plan = import(&original, &[]);
            assert!(plan.totals().nieuw > 0, "{name}");
            let register = applied(&[], &plan);
            let exported = write_model(name, &register, catalog());
            assert_valid_ameff(&exported, name);
            assert_nothing_lost(&original, &exported);
            let again = import(&original, &register);
            assert!(
                again.changes.is_empty(),
                "{name}: {:?}",
                again.changes.first()
            );
        }
    }

    /// What a ministry's published domain architecture looks like as Archi writes it: whole
    /// chapters of HTML documentation, an application exchanging data with itself, a flow to a
    /// node and an access to a relationship. Valid ArchiMate imports whole; what does not fit a
    /// register kind is kept as an ArchiMate relation with a warning.
    #[test]
    fn a_real_domain_architecture_imports_whole() {
        let chapter =
            "<p>Dit hoofdstuk beschrijft de <b>gegevensuitwisseling</b> &amp; de afspraken.</p>\n"
                .repeat(400);
        assert!(chapter.chars().count() > 31_000);
        let escaped = chapter
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <name xml:lang="nl">Domeinarchitectuur</name>
  <elements>
    <element identifier="id-a" xsi:type="ApplicationComponent">
      <name xml:lang="nl">Registratievoorziening</name>
      <documentation xml:lang="nl">{escaped}</documentation>
    </element>
    <element identifier="id-b" xsi:type="ApplicationComponent"><name xml:lang="nl">Portaal</name></element>
    <element identifier="id-n" xsi:type="Node"><name xml:lang="nl">Rekencentrum</name></element>
    <element identifier="id-d" xsi:type="DataObject"><name xml:lang="nl">Dossier</name></element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" source="id-a" target="id-a" xsi:type="Flow"><name xml:lang="nl">intern</name></relationship>
    <relationship identifier="id-r2" source="id-b" target="id-a" xsi:type="Flow"/>
    <relationship identifier="id-r3" source="id-a" target="id-n" xsi:type="Flow"/>
    <relationship identifier="id-r4" source="id-b" target="id-r2" xsi:type="Association"/>
    <relationship identifier="id-r5" source="id-a" target="id-r2" xsi:type="Access"/>
    <relationship identifier="id-r6" source="id-b" target="id-b" xsi:type="Serving"/>
  </relationships>
</model>
"#
        );
        let plan = import(xml.as_bytes(), &[]);
        assert_eq!(plan.totals().nieuw, 10, "every element and relationship");
        assert_eq!(plan.per_kind[&EntityKind::Interface].nieuw, 1, "b → a only");
        let kept: Vec<&str> = plan.warnings.iter().map(|w| w.value.as_str()).collect();
        assert_eq!(kept, ["Flow", "Serving"], "{:?}", plan.warnings);
        assert!(plan.warnings[0].message.contains("geen koppeling"));
        let register = applied(&[], &plan);
        let documented = register
            .iter()
            .find(|e| e.record.name() == Some("Registratievoorziening"))
            .and_then(|e| e.record.text("omschrijving"))
            .expect("the documentation is kept");
        assert!(
            documented == chapter.trim(),
            "whole, HTML and all: {} of {} characters kept",
            documented.chars().count(),
            chapter.trim().chars().count()
        );
        let exported = write_model("Domeinarchitectuur", &register, catalog());
        assert_valid_ameff(&exported, "domeinarchitectuur");
        assert_nothing_lost(xml.as_bytes(), &exported);
        assert!(import(xml.as_bytes(), &register).changes.is_empty());
    }

    /// A register without relations, and one without anything, export as valid files.
    #[test]
    fn an_empty_collection_exports_valid() {
        assert_valid_ameff(&write_model("Leeg", &[], catalog()), "leeg");
        let alone = [element(EntityKind::Supplier, json!({"naam": "Alleen"}))];
        let exported = write_model("Alleen", &alone, catalog());
        assert!(!exported.contains("<relationships"), "{exported}");
        assert_valid_ameff(&exported, "zonder-relaties");
        let back = import(exported.as_bytes(), &[]);
        assert_eq!(back.totals().nieuw, 1);
    }
}
