//! Scope: the service domains of municipal IT (REFERENCE.md §8) and the sourcing choices per
//! domain — in-house, a shared service with other municipalities, the market, or SaaS.

mod graph;

pub use graph::{
    Affected, Crossing, Graph, Lookup, Neighbourhood, Node, ScopeCut, Via, parse_domains,
};

use crate::Lang;
use crate::landscape::Choice;
use crate::quality::Area;

/// A service domain: a part of the IT that can be sourced on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServiceDomain {
    Werkplek,
    Servicedesk,
    HostingEnDatacenter,
    Netwerk,
    Telefonie,
    ApplicatiesEnSaas,
    TechnischApplicatiebeheerEnIntegratie,
    FunctioneelBeheerEnInformatiemanagement,
    SecurityOperations,
    IdentiteitEnToegang,
    PrintEnDocument,
    ArchiefEnEDepot,
    DataEnBi,
    RegieEnServiceIntegratie,
}

use ServiceDomain as D;

/// The domains' ids and labels, in the order of [`ServiceDomain::ALL`]: the single source for
/// the enum, the `dienstdomein` field of applications and components, and the interface.
pub const SERVICE_DOMAIN: &[Choice] = &[
    Choice {
        value: "werkplek",
        nl: "Werkplek",
        en: "Workplace",
    },
    Choice {
        value: "servicedesk",
        nl: "Servicedesk",
        en: "Service desk",
    },
    Choice {
        value: "hosting-en-datacenter",
        nl: "Hosting en datacenter",
        en: "Hosting and data centre",
    },
    Choice {
        value: "netwerk",
        nl: "Netwerk",
        en: "Network",
    },
    Choice {
        value: "telefonie",
        nl: "Telefonie",
        en: "Telephony",
    },
    Choice {
        value: "applicaties-en-saas",
        nl: "Applicaties en SaaS",
        en: "Applications and SaaS",
    },
    Choice {
        value: "technisch-applicatiebeheer-en-integratie",
        nl: "Technisch applicatiebeheer en integratie",
        en: "Technical application management and integration",
    },
    Choice {
        value: "functioneel-beheer-en-informatiemanagement",
        nl: "Functioneel beheer en informatiemanagement",
        en: "Functional management and information management",
    },
    Choice {
        value: "security-operations",
        nl: "Security operations",
        en: "Security operations",
    },
    Choice {
        value: "identiteit-en-toegang",
        nl: "Identiteit en toegang",
        en: "Identity and access",
    },
    Choice {
        value: "print-en-document",
        nl: "Print en document",
        en: "Print and documents",
    },
    Choice {
        value: "archief-en-e-depot",
        nl: "Archief en e-depot",
        en: "Archive and e-depot",
    },
    Choice {
        value: "data-en-bi",
        nl: "Data en BI",
        en: "Data and BI",
    },
    Choice {
        value: "regie-en-service-integratie",
        nl: "Regie en service-integratie",
        en: "Direction and service integration",
    },
];

impl ServiceDomain {
    pub const ALL: [ServiceDomain; 14] = [
        D::Werkplek,
        D::Servicedesk,
        D::HostingEnDatacenter,
        D::Netwerk,
        D::Telefonie,
        D::ApplicatiesEnSaas,
        D::TechnischApplicatiebeheerEnIntegratie,
        D::FunctioneelBeheerEnInformatiemanagement,
        D::SecurityOperations,
        D::IdentiteitEnToegang,
        D::PrintEnDocument,
        D::ArchiefEnEDepot,
        D::DataEnBi,
        D::RegieEnServiceIntegratie,
    ];

    fn choice(self) -> &'static Choice {
        &SERVICE_DOMAIN[self as usize]
    }

    pub fn code(self) -> &'static str {
        self.choice().value
    }

    pub fn parse(code: &str) -> Option<ServiceDomain> {
        ServiceDomain::ALL
            .into_iter()
            .find(|d| d.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.choice().nl, self.choice().en)
    }

    /// The quality areas in which this domain's documentation lives: outsourcing the domain
    /// hands over what those areas describe.
    pub fn areas(self) -> &'static [Area] {
        use Area::*;
        match self {
            D::Werkplek
            | D::HostingEnDatacenter
            | D::Netwerk
            | D::Telefonie
            | D::IdentiteitEnToegang
            | D::PrintEnDocument => &[Infrastructuur],
            D::Servicedesk | D::FunctioneelBeheerEnInformatiemanagement => &[Documentatie],
            D::ApplicatiesEnSaas => &[Documentatie, Contracten],
            D::TechnischApplicatiebeheerEnIntegratie => &[Documentatie, Infrastructuur],
            D::SecurityOperations => &[Infrastructuur, Gegevens],
            D::ArchiefEnEDepot | D::DataEnBi => &[Gegevens],
            D::RegieEnServiceIntegratie => &[Contracten],
        }
    }
}

/// Words in a GEMMA reference component's name that place an application in a domain other
/// than "applications and SaaS".
const DOMAIN_WORDS: &[(&str, ServiceDomain)] = &[
    ("archief", D::ArchiefEnEDepot),
    ("depot", D::ArchiefEnEDepot),
    ("datawarehouse", D::DataEnBi),
    ("business intelligence", D::DataEnBi),
    ("analyse", D::DataEnBi),
    ("rapportage", D::DataEnBi),
    ("identiteit", D::IdentiteitEnToegang),
    ("toegang", D::IdentiteitEnToegang),
    ("authenticatie", D::IdentiteitEnToegang),
    ("servicebus", D::TechnischApplicatiebeheerEnIntegratie),
    ("gegevensmakelaar", D::TechnischApplicatiebeheerEnIntegratie),
    ("integratie", D::TechnischApplicatiebeheerEnIntegratie),
    ("berichten", D::TechnischApplicatiebeheerEnIntegratie),
    ("telefon", D::Telefonie),
    ("printen", D::PrintEnDocument),
    ("documentcreatie", D::PrintEnDocument),
    ("beveiliging", D::SecurityOperations),
    ("security", D::SecurityOperations),
    ("servicedesk", D::Servicedesk),
    ("incident", D::Servicedesk),
    ("regie", D::RegieEnServiceIntegratie),
    ("contractbeheer", D::RegieEnServiceIntegratie),
];

/// The service domain an application or component belongs to: its `dienstdomein` field, else a
/// default — for a component from its kind, for an application from the name of its first GEMMA
/// reference component (archive → archief-en-e-depot, …; otherwise applicaties-en-saas).
/// `None` for the other kinds.
pub fn domain_of(
    record: &crate::landscape::Record,
    reference_name: impl Fn(&str) -> Option<String>,
) -> Option<ServiceDomain> {
    use crate::landscape::EntityKind;
    if let Some(domain) = record.text("dienstdomein").and_then(ServiceDomain::parse) {
        return Some(domain);
    }
    match record.kind() {
        EntityKind::Component => Some(match record.text("soort") {
            Some("werkplek") => D::Werkplek,
            Some("netwerk") => D::Netwerk,
            _ => D::HostingEnDatacenter,
        }),
        EntityKind::Application => {
            let name = record
                .get("referentiecomponentIds")
                .and_then(|v| v.as_array())
                .and_then(|ids| ids.first())
                .and_then(|id| id.as_str())
                .and_then(reference_name)
                .unwrap_or_default()
                .to_lowercase();
            Some(
                DOMAIN_WORDS
                    .iter()
                    .find(|(word, _)| name.contains(word))
                    .map_or(D::ApplicatiesEnSaas, |(_, d)| *d),
            )
        }
        _ => None,
    }
}

/// How dependent the municipality is on one supplier.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplierDependency {
    pub supplier: uuid::Uuid,
    pub name: String,
    /// Business-critical applications in use supplied by it, and their share of all of them.
    pub critical_applications: usize,
    pub critical_share: f64,
    pub applications: usize,
    pub contracts: usize,
    pub annual_value_cents: i64,
    /// Data sets with personal data it processes.
    pub personal_data_sets: usize,
}

impl SupplierDependency {
    /// Whether the municipality depends on it at all: an application, a contract or personal
    /// data with it (a supplier only named in the register does not count).
    pub fn involved(&self) -> bool {
        self.applications + self.contracts + self.personal_data_sets > 0
    }

    /// Whether the supplier carries more than `percent` % of the business-critical applications
    /// (quality rule `leverancier-concentratie`).
    pub fn too_concentrated(&self, percent: u32) -> bool {
        self.critical_share > f64::from(percent) / 100.0
    }
}

/// Per supplier its applications (critical ones counted apart), contracts and their annual
/// value, and the data sets with personal data it processes; most critical share first.
pub fn supplier_dependency(
    elements: &[(uuid::Uuid, &crate::landscape::Record)],
) -> Vec<SupplierDependency> {
    use crate::landscape::EntityKind;
    let mut by_id: crate::idmap::IdMap<SupplierDependency> = crate::idmap::IdMap::default();
    for (id, record) in elements {
        if record.kind() == EntityKind::Supplier {
            by_id.insert(
                *id,
                SupplierDependency {
                    supplier: *id,
                    name: record.name().unwrap_or("").to_string(),
                    critical_applications: 0,
                    critical_share: 0.0,
                    applications: 0,
                    contracts: 0,
                    annual_value_cents: 0,
                    personal_data_sets: 0,
                },
            );
        }
    }
    let of = |record: &crate::landscape::Record, field: &str| {
        record
            .text(field)
            .and_then(|s| uuid::Uuid::parse_str(s).ok())
    };
    let mut critical_total = 0usize;
    for (_, record) in elements {
        match record.kind() {
            EntityKind::Application => {
                let critical = record.business_critical();
                critical_total += usize::from(critical);
                if let Some(d) = of(record, "leverancierId").and_then(|s| by_id.get_mut(&s)) {
                    d.applications += 1;
                    d.critical_applications += usize::from(critical);
                }
            }
            EntityKind::Contract => {
                if let Some(d) = of(record, "leverancierId").and_then(|s| by_id.get_mut(&s)) {
                    d.contracts += 1;
                    d.annual_value_cents += record
                        .get("jaarwaardeCenten")
                        .and_then(|v| v.as_i64())
                        .unwrap_or(0);
                }
            }
            EntityKind::DataSet if crate::quality::has_personal_data(record) => {
                if let Some(d) = of(record, "verwerkerId").and_then(|s| by_id.get_mut(&s)) {
                    d.personal_data_sets += 1;
                }
            }
            _ => {}
        }
    }
    let mut all: Vec<SupplierDependency> = by_id
        .into_values()
        .map(|mut d| {
            if critical_total > 0 {
                d.critical_share = d.critical_applications as f64 / critical_total as f64;
            }
            d
        })
        .collect();
    all.sort_by(|a, b| {
        b.critical_share
            .total_cmp(&a.critical_share)
            .then(b.annual_value_cents.cmp(&a.annual_value_cents))
            .then(a.name.cmp(&b.name))
    });
    all
}

/// How a service domain is (or will be) provided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sourcing {
    Zelf,
    Samenwerkingsverband,
    Markt,
    Saas,
}

impl Sourcing {
    pub const ALL: [Sourcing; 4] = [
        Sourcing::Zelf,
        Sourcing::Samenwerkingsverband,
        Sourcing::Markt,
        Sourcing::Saas,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sourcing::Zelf => "zelf",
            Sourcing::Samenwerkingsverband => "samenwerkingsverband",
            Sourcing::Markt => "markt",
            Sourcing::Saas => "saas",
        }
    }

    pub fn parse(code: &str) -> Option<Sourcing> {
        Sourcing::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Sourcing::Zelf => lang.pick("Zelf (eigen organisatie)", "In-house"),
            Sourcing::Samenwerkingsverband => lang.pick(
                "Samenwerkingsverband (met andere gemeenten)",
                "Shared service (with other municipalities)",
            ),
            Sourcing::Markt => lang.pick("Markt (uitbesteed)", "Market (outsourced)"),
            Sourcing::Saas => lang.pick("SaaS", "SaaS"),
        }
    }
}

/// The current and intended sourcing of one domain, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainChoice {
    pub domain: ServiceDomain,
    pub current: Sourcing,
    pub intended: Sourcing,
    pub rationale: String,
}

impl DomainChoice {
    /// Whether the municipality intends to hand this domain (further) to others.
    pub fn outsourcing(&self) -> bool {
        self.intended != Sourcing::Zelf && self.intended != self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_enum_and_ids_round_trip() {
        for (i, domain) in ServiceDomain::ALL.into_iter().enumerate() {
            assert_eq!(domain as usize, i);
            assert_eq!(SERVICE_DOMAIN[i].value, domain.code());
            assert_eq!(ServiceDomain::parse(domain.code()), Some(domain));
            assert!(!domain.areas().is_empty());
        }
        for s in Sourcing::ALL {
            assert_eq!(Sourcing::parse(s.code()), Some(s));
        }
        let keep = DomainChoice {
            domain: ServiceDomain::Werkplek,
            current: Sourcing::Markt,
            intended: Sourcing::Markt,
            rationale: String::new(),
        };
        assert!(!keep.outsourcing(), "already outsourced: nothing changes");
        let hand_over = DomainChoice {
            current: Sourcing::Zelf,
            ..keep.clone()
        };
        assert!(hand_over.outsourcing());
    }
}

#[cfg(test)]
mod scope_tests;
