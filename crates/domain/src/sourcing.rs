//! Scope: the service domains of municipal IT (REFERENCE.md §8) and the sourcing choices per
//! domain — in-house, a shared service with other municipalities, the market, or SaaS.

use crate::Lang;
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

/// (domain, id, Dutch, English, the quality areas its documentation lives in)
const DOMAINS: [(ServiceDomain, &str, &str, &str, &[Area]); 14] = [
    (
        D::Werkplek,
        "werkplek",
        "Werkplek",
        "Workplace",
        &[Area::Infrastructuur],
    ),
    (
        D::Servicedesk,
        "servicedesk",
        "Servicedesk",
        "Service desk",
        &[Area::Documentatie],
    ),
    (
        D::HostingEnDatacenter,
        "hosting-en-datacenter",
        "Hosting en datacenter",
        "Hosting and data centre",
        &[Area::Infrastructuur],
    ),
    (
        D::Netwerk,
        "netwerk",
        "Netwerk",
        "Network",
        &[Area::Infrastructuur],
    ),
    (
        D::Telefonie,
        "telefonie",
        "Telefonie",
        "Telephony",
        &[Area::Infrastructuur],
    ),
    (
        D::ApplicatiesEnSaas,
        "applicaties-en-saas",
        "Applicaties en SaaS",
        "Applications and SaaS",
        &[Area::Documentatie, Area::Contracten],
    ),
    (
        D::TechnischApplicatiebeheerEnIntegratie,
        "technisch-applicatiebeheer-en-integratie",
        "Technisch applicatiebeheer en integratie",
        "Technical application management and integration",
        &[Area::Documentatie, Area::Infrastructuur],
    ),
    (
        D::FunctioneelBeheerEnInformatiemanagement,
        "functioneel-beheer-en-informatiemanagement",
        "Functioneel beheer en informatiemanagement",
        "Functional management and information management",
        &[Area::Documentatie],
    ),
    (
        D::SecurityOperations,
        "security-operations",
        "Security operations",
        "Security operations",
        &[Area::Infrastructuur, Area::Gegevens],
    ),
    (
        D::IdentiteitEnToegang,
        "identiteit-en-toegang",
        "Identiteit en toegang",
        "Identity and access",
        &[Area::Infrastructuur],
    ),
    (
        D::PrintEnDocument,
        "print-en-document",
        "Print en document",
        "Print and documents",
        &[Area::Infrastructuur],
    ),
    (
        D::ArchiefEnEDepot,
        "archief-en-e-depot",
        "Archief en e-depot",
        "Archive and e-depot",
        &[Area::Gegevens],
    ),
    (
        D::DataEnBi,
        "data-en-bi",
        "Data en BI",
        "Data and BI",
        &[Area::Gegevens],
    ),
    (
        D::RegieEnServiceIntegratie,
        "regie-en-service-integratie",
        "Regie en service-integratie",
        "Direction and service integration",
        &[Area::Contracten],
    ),
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

    fn entry(
        self,
    ) -> &'static (
        ServiceDomain,
        &'static str,
        &'static str,
        &'static str,
        &'static [Area],
    ) {
        &DOMAINS[self as usize]
    }

    pub fn code(self) -> &'static str {
        self.entry().1
    }

    pub fn parse(code: &str) -> Option<ServiceDomain> {
        DOMAINS.iter().find(|d| d.1 == code.trim()).map(|d| d.0)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.entry().2, self.entry().3)
    }

    /// The quality areas in which this domain's documentation lives: outsourcing the domain
    /// hands over what those areas describe.
    pub fn areas(self) -> &'static [Area] {
        self.entry().4
    }
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
            assert_eq!(DOMAINS[i].0, domain);
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
