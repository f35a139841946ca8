//! The fields of every element kind, in one table per kind. This table is the single source for
//! validation, the API schema, the forms, the list columns and the filters.

use super::kind::EntityKind;
use crate::Lang;

/// One allowed value of a choice field: the stored value and its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
}

const fn c(value: &'static str, nl: &'static str, en: &'static str) -> Choice {
    Choice { value, nl, en }
}

pub fn choice_label(choices: &[Choice], value: &str, lang: Lang) -> String {
    choices
        .iter()
        .find(|c| c.value == value)
        .map(|c| lang.pick(c.nl, c.en).to_string())
        .unwrap_or_else(|| value.to_string())
}

pub const LIFECYCLE: &[Choice] = &[
    c("gepland", "Gepland", "Planned"),
    c("in-invoering", "In invoering", "Being introduced"),
    c("in-gebruik", "In gebruik", "In use"),
    c("uitfasering", "Uitfasering", "Being phased out"),
    c("uitgefaseerd", "Uitgefaseerd", "Phased out"),
];

pub const HOSTING: &[Choice] = &[
    c(
        "on-premises",
        "On-premises (eigen rekencentrum)",
        "On-premises",
    ),
    c("private-cloud", "Private cloud", "Private cloud"),
    c("iaas", "IaaS", "IaaS"),
    c("saas", "SaaS", "SaaS"),
    c(
        "shared-service",
        "Shared service (samenwerkingsverband)",
        "Shared service",
    ),
];

pub const COMPONENT_KIND: &[Choice] = &[
    c("server", "Server", "Server"),
    c("virtuele-machine", "Virtuele machine", "Virtual machine"),
    c("database", "Database", "Database"),
    c("opslag", "Opslag", "Storage"),
    c("netwerk", "Netwerk", "Network"),
    c("werkplek", "Werkplek", "Workplace"),
    c("clouddienst", "Clouddienst", "Cloud service"),
    c(
        "datacenter",
        "Datacenter / locatie",
        "Datacentre / location",
    ),
    c(
        "systeemsoftware",
        "Systeemsoftware (besturingssysteem, middleware)",
        "System software (operating system, middleware)",
    ),
];

pub const LEGAL_BASIS: &[Choice] = &[
    c("toestemming", "Toestemming", "Consent"),
    c(
        "overeenkomst",
        "Uitvoering overeenkomst",
        "Performance of a contract",
    ),
    c(
        "wettelijke-verplichting",
        "Wettelijke verplichting",
        "Legal obligation",
    ),
    c("vitaal-belang", "Vitaal belang", "Vital interest"),
    c(
        "algemeen-belang",
        "Taak van algemeen belang / openbaar gezag",
        "Public task",
    ),
    c(
        "gerechtvaardigd-belang",
        "Gerechtvaardigd belang",
        "Legitimate interest",
    ),
];

/// The ground on which personal data may be transferred outside the EU/EEA (AVG chapter V).
pub const TRANSFER_BASIS: &[Choice] = &[
    c(
        "adequaatheidsbesluit",
        "Adequaatheidsbesluit (art. 45 AVG)",
        "Adequacy decision (Art. 45 GDPR)",
    ),
    c(
        "modelcontractbepalingen",
        "Modelcontractbepalingen / SCC (art. 46 AVG)",
        "Standard contractual clauses (Art. 46 GDPR)",
    ),
    c(
        "bindende-bedrijfsvoorschriften",
        "Bindende bedrijfsvoorschriften (art. 47 AVG)",
        "Binding corporate rules (Art. 47 GDPR)",
    ),
    c(
        "uitzondering",
        "Uitzondering voor specifieke situaties (art. 49 AVG)",
        "Derogation for specific situations (Art. 49 GDPR)",
    ),
];

pub const INTERFACE_STANDARD: &[Choice] = &[
    c("stuf", "StUF", "StUF"),
    c("zgw-api", "ZGW API's", "ZGW APIs"),
    c("haal-centraal", "Haal Centraal", "Haal Centraal"),
    c("digikoppeling", "Digikoppeling", "Digikoppeling"),
    c("rest-api", "REST-API (overig)", "REST API (other)"),
    c("soap", "SOAP-webservice", "SOAP web service"),
    c("bestand", "Bestandsuitwisseling", "File transfer"),
    c("database", "Databasekoppeling", "Database link"),
    c("anders", "Anders", "Other"),
];

pub const FREQUENCY: &[Choice] = &[
    c("realtime", "Realtime", "Real time"),
    c("uurlijks", "Elk uur", "Hourly"),
    c("dagelijks", "Dagelijks", "Daily"),
    c("wekelijks", "Wekelijks", "Weekly"),
    c("maandelijks", "Maandelijks", "Monthly"),
    c("op-verzoek", "Op verzoek", "On demand"),
];

/// The six typed dependencies of the register (REFERENCE.md §1), then the ArchiMate
/// relationship types for what an architecture model holds beyond them.
pub const RELATION_TYPE: &[Choice] = &[
    c("draait-op", "draait op", "runs on"),
    c("gebruikt", "gebruikt", "uses"),
    c("slaat-op", "slaat op", "stores"),
    c("geleverd-door", "geleverd door", "supplied by"),
    c("valt-onder", "valt onder contract", "covered by contract"),
    c("verwerkt", "verwerkt", "processes"),
    c(
        "samenstelling",
        "samenstelling (ArchiMate)",
        "composition (ArchiMate)",
    ),
    c(
        "aggregatie",
        "aggregatie (ArchiMate)",
        "aggregation (ArchiMate)",
    ),
    c(
        "toewijzing",
        "toewijzing (ArchiMate)",
        "assignment (ArchiMate)",
    ),
    c(
        "realisatie",
        "realisatie (ArchiMate)",
        "realization (ArchiMate)",
    ),
    c("bediening", "bediening (ArchiMate)", "serving (ArchiMate)"),
    c("toegang", "toegang (ArchiMate)", "access (ArchiMate)"),
    c("invloed", "invloed (ArchiMate)", "influence (ArchiMate)"),
    c(
        "triggering",
        "triggering (ArchiMate)",
        "triggering (ArchiMate)",
    ),
    c("stroom", "stroom (ArchiMate)", "flow (ArchiMate)"),
    c(
        "specialisatie",
        "specialisatie (ArchiMate)",
        "specialization (ArchiMate)",
    ),
    c(
        "associatie",
        "associatie (ArchiMate)",
        "association (ArchiMate)",
    ),
];

/// The relation types that carry an ArchiMate relationship type as such, with that type.
pub const ARCHIMATE_RELATION_TYPE: &[(&str, &str)] = &[
    ("samenstelling", "Composition"),
    ("aggregatie", "Aggregation"),
    ("toewijzing", "Assignment"),
    ("realisatie", "Realization"),
    ("bediening", "Serving"),
    ("toegang", "Access"),
    ("invloed", "Influence"),
    ("triggering", "Triggering"),
    ("stroom", "Flow"),
    ("specialisatie", "Specialization"),
    ("associatie", "Association"),
];

/// The ArchiMate relationship types, as a relation or koppeling remembers which one it was.
pub const ARCHIMATE_RELATIONSHIP: &[Choice] = &[
    c("Composition", "Samenstelling", "Composition"),
    c("Aggregation", "Aggregatie", "Aggregation"),
    c("Assignment", "Toewijzing", "Assignment"),
    c("Realization", "Realisatie", "Realization"),
    c("Serving", "Bediening", "Serving"),
    c("Access", "Toegang", "Access"),
    c("Influence", "Invloed", "Influence"),
    c("Triggering", "Triggering", "Triggering"),
    c("Flow", "Stroom", "Flow"),
    c("Specialization", "Specialisatie", "Specialization"),
    c("Association", "Associatie", "Association"),
];

/// How an ArchiMate access relationship accesses its data (`accessType`).
pub const ACCESS_TYPE: &[Choice] = &[
    c("Access", "Toegang", "Access"),
    c("Read", "Lezen", "Read"),
    c("Write", "Schrijven", "Write"),
    c("ReadWrite", "Lezen en schrijven", "Read and write"),
];

/// The element types of ArchiMate 3.1, as the exchange format names them.
pub const ARCHIMATE_ELEMENT: &[Choice] = &[
    c("BusinessActor", "Bedrijfsactor", "Business actor"),
    c("BusinessRole", "Bedrijfsrol", "Business role"),
    c(
        "BusinessCollaboration",
        "Bedrijfssamenwerking",
        "Business collaboration",
    ),
    c(
        "BusinessInterface",
        "Bedrijfsinterface",
        "Business interface",
    ),
    c("BusinessProcess", "Bedrijfsproces", "Business process"),
    c("BusinessFunction", "Bedrijfsfunctie", "Business function"),
    c(
        "BusinessInteraction",
        "Bedrijfsinteractie",
        "Business interaction",
    ),
    c("BusinessEvent", "Bedrijfsgebeurtenis", "Business event"),
    c("BusinessService", "Bedrijfsdienst", "Business service"),
    c("BusinessObject", "Bedrijfsobject", "Business object"),
    c("Contract", "Contract", "Contract"),
    c("Representation", "Representatie", "Representation"),
    c("Product", "Product", "Product"),
    c(
        "ApplicationComponent",
        "Applicatiecomponent",
        "Application component",
    ),
    c(
        "ApplicationCollaboration",
        "Applicatiesamenwerking",
        "Application collaboration",
    ),
    c(
        "ApplicationInterface",
        "Applicatie-interface",
        "Application interface",
    ),
    c(
        "ApplicationFunction",
        "Applicatiefunctie",
        "Application function",
    ),
    c(
        "ApplicationInteraction",
        "Applicatie-interactie",
        "Application interaction",
    ),
    c(
        "ApplicationProcess",
        "Applicatieproces",
        "Application process",
    ),
    c(
        "ApplicationEvent",
        "Applicatiegebeurtenis",
        "Application event",
    ),
    c(
        "ApplicationService",
        "Applicatiedienst",
        "Application service",
    ),
    c("DataObject", "Dataobject", "Data object"),
    c("Node", "Node", "Node"),
    c("Device", "Apparaat", "Device"),
    c("SystemSoftware", "Systeemsoftware", "System software"),
    c(
        "TechnologyCollaboration",
        "Technologiesamenwerking",
        "Technology collaboration",
    ),
    c(
        "TechnologyInterface",
        "Technologie-interface",
        "Technology interface",
    ),
    c("Path", "Pad", "Path"),
    c(
        "CommunicationNetwork",
        "Communicatienetwerk",
        "Communication network",
    ),
    c(
        "TechnologyFunction",
        "Technologiefunctie",
        "Technology function",
    ),
    c(
        "TechnologyProcess",
        "Technologieproces",
        "Technology process",
    ),
    c(
        "TechnologyInteraction",
        "Technologie-interactie",
        "Technology interaction",
    ),
    c(
        "TechnologyEvent",
        "Technologiegebeurtenis",
        "Technology event",
    ),
    c(
        "TechnologyService",
        "Technologiedienst",
        "Technology service",
    ),
    c("Artifact", "Artefact", "Artifact"),
    c("Equipment", "Uitrusting", "Equipment"),
    c("Facility", "Faciliteit", "Facility"),
    c(
        "DistributionNetwork",
        "Distributienetwerk",
        "Distribution network",
    ),
    c("Material", "Materiaal", "Material"),
    c("Stakeholder", "Belanghebbende", "Stakeholder"),
    c("Driver", "Drijfveer", "Driver"),
    c("Assessment", "Beoordeling", "Assessment"),
    c("Goal", "Doel", "Goal"),
    c("Outcome", "Uitkomst", "Outcome"),
    c("Principle", "Principe", "Principle"),
    c("Requirement", "Eis", "Requirement"),
    c("Constraint", "Beperking", "Constraint"),
    c("Meaning", "Betekenis", "Meaning"),
    c("Value", "Waarde", "Value"),
    c("Resource", "Middel", "Resource"),
    c("Capability", "Vermogen", "Capability"),
    c("CourseOfAction", "Handelwijze", "Course of action"),
    c("ValueStream", "Waardestroom", "Value stream"),
    c("WorkPackage", "Werkpakket", "Work package"),
    c("Deliverable", "Product (op te leveren)", "Deliverable"),
    c(
        "ImplementationEvent",
        "Implementatiegebeurtenis",
        "Implementation event",
    ),
    c("Plateau", "Plateau", "Plateau"),
    c("Gap", "Kloof", "Gap"),
    c("Grouping", "Groepering", "Grouping"),
    c("Location", "Locatie", "Location"),
    c("AndJunction", "En-splitsing", "And junction"),
    c("OrJunction", "Of-splitsing", "Or junction"),
];

/// Fields every element carries besides its own, in the API and forms: no kind may use these
/// names for a field of its own.
pub const META_FIELDS: [&str; 4] = ["id", "versie", "aangemaaktOp", "gewijzigdOp"];

/// What a field holds, and so how it is validated, stored and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// One line of text with a maximum length.
    Text {
        max: usize,
    },
    /// Free text over several lines.
    LongText,
    Choice(&'static [Choice]),
    Bool,
    /// Euro cents in the API; euros as people type them in forms.
    Money,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    Integer {
        min: i64,
        max: i64,
    },
    /// A BIV level: 1 = laag, 2 = midden, 3 = hoog.
    Biv,
    /// The id of another element of the given kind in the same organisation.
    Ref(EntityKind),
    /// Ids of other elements of the given kind.
    RefList(EntityKind),
    /// The id of any element (not a relation) in the same organisation.
    AnyRef,
    /// GEMMA reference component ids.
    ReferenceComponents,
    /// ISO 3166-1 alpha-2 country code.
    Country,
    Email,
    /// A Dutch Chamber of Commerce number: eight digits.
    Kvk,
    /// Free name–value pairs, such as the columns of an imported list that have no field of
    /// their own: nothing a municipality keeps is dropped.
    Properties,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's name in the API (camelCase Dutch).
    pub name: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    pub ty: FieldType,
    pub required: bool,
    /// Offered as a filter on lists.
    pub filter: bool,
    /// Included in the `zoek` search.
    pub search: bool,
}

impl FieldSpec {
    const fn new(name: &'static str, nl: &'static str, en: &'static str, ty: FieldType) -> Self {
        FieldSpec {
            name,
            nl,
            en,
            ty,
            required: false,
            filter: false,
            search: false,
        }
    }
    const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    const fn filter(mut self) -> Self {
        self.filter = true;
        self
    }
    const fn search(mut self) -> Self {
        self.search = true;
        self
    }
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }
}

use EntityKind as K;
use FieldType as T;

const NAME: FieldSpec = FieldSpec::new("naam", "Naam", "Name", T::Text { max: 200 })
    .required()
    .search();
const DESCRIPTION: FieldSpec =
    FieldSpec::new("omschrijving", "Omschrijving", "Description", T::LongText);
const PROPERTIES: FieldSpec = FieldSpec::new(
    "eigenschappen",
    "Overige eigenschappen",
    "Other properties",
    T::Properties,
);
/// The identifier the element had in an imported ArchiMate model: kept so that exporting the
/// register gives the architects their own identifiers back and a second import matches.
const ARCHIMATE_ID: FieldSpec = FieldSpec::new(
    "archimateId",
    "ArchiMate-identificatie",
    "ArchiMate identifier",
    T::Text { max: 200 },
);
/// The ArchiMate element type an imported element had, when it is not the one its kind and
/// kind of component are exported as by default.
const ARCHIMATE_ELEMENT_TYPE: FieldSpec = FieldSpec::new(
    "archimateType",
    "ArchiMate-type",
    "ArchiMate type",
    T::Choice(ARCHIMATE_ELEMENT),
);

/// The service domain an application or component belongs to, when it differs from the one
/// its reference component or kind suggests (`sourcing::default_domain`).
const SERVICE_DOMAIN_FIELD: FieldSpec = FieldSpec::new(
    "dienstdomein",
    "Dienstdomein",
    "Service domain",
    T::Choice(crate::sourcing::SERVICE_DOMAIN),
)
.filter();

const APPLICATION: &[FieldSpec] = &[
    NAME,
    FieldSpec::new("softwareversie", "Versie", "Version", T::Text { max: 50 }).search(),
    DESCRIPTION,
    FieldSpec::new(
        "referentiecomponentIds",
        "GEMMA-referentiecomponenten",
        "GEMMA reference components",
        T::ReferenceComponents,
    ),
    FieldSpec::new(
        "leverancierId",
        "Leverancier",
        "Supplier",
        T::Ref(K::Supplier),
    )
    .filter(),
    FieldSpec::new("contractId", "Contract", "Contract", T::Ref(K::Contract)),
    FieldSpec::new(
        "levenscyclus",
        "Levenscyclus",
        "Lifecycle",
        T::Choice(LIFECYCLE),
    )
    .required()
    .filter(),
    FieldSpec::new(
        "eigenaarId",
        "Eigenaar",
        "Business owner",
        T::Ref(K::Person),
    ),
    FieldSpec::new(
        "functioneelBeheerderId",
        "Functioneel beheerder",
        "Functional manager",
        T::Ref(K::Person),
    ),
    FieldSpec::new(
        "technischBeheerderId",
        "Technisch beheerder",
        "Technical manager",
        T::Ref(K::Person),
    ),
    FieldSpec::new("hosting", "Hosting", "Hosting model", T::Choice(HOSTING)).filter(),
    SERVICE_DOMAIN_FIELD,
    FieldSpec::new(
        "bedrijfskritisch",
        "Bedrijfskritisch",
        "Business critical",
        T::Bool,
    )
    .filter(),
    FieldSpec::new("beschikbaarheid", "Beschikbaarheid", "Availability", T::Biv),
    FieldSpec::new("integriteit", "Integriteit", "Integrity", T::Biv),
    FieldSpec::new(
        "vertrouwelijkheid",
        "Vertrouwelijkheid",
        "Confidentiality",
        T::Biv,
    ),
    FieldSpec::new(
        "persoonsgegevens",
        "Verwerkt persoonsgegevens",
        "Processes personal data",
        T::Bool,
    )
    .filter(),
    FieldSpec::new("jaarkostenCenten", "Jaarkosten", "Annual cost", T::Money),
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_ELEMENT_TYPE,
];

const COMPONENT: &[FieldSpec] = &[
    NAME,
    FieldSpec::new("soort", "Soort", "Kind", T::Choice(COMPONENT_KIND))
        .required()
        .filter(),
    DESCRIPTION,
    FieldSpec::new(
        "leverancierId",
        "Leverancier / beheerder",
        "Supplier / operator",
        T::Ref(K::Supplier),
    )
    .filter(),
    FieldSpec::new(
        "levenscyclus",
        "Levenscyclus",
        "Lifecycle",
        T::Choice(LIFECYCLE),
    )
    .filter(),
    FieldSpec::new(
        "eindeOndersteuning",
        "Einde ondersteuning",
        "End of support",
        T::Date,
    ),
    FieldSpec::new("locatie", "Locatie", "Location", T::Text { max: 200 }).search(),
    FieldSpec::new("eigenaarId", "Eigenaar", "Owner", T::Ref(K::Person)),
    SERVICE_DOMAIN_FIELD,
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_ELEMENT_TYPE,
];

const DATA_SET: &[FieldSpec] = &[
    NAME,
    FieldSpec::new("doel", "Doel", "Purpose", T::LongText),
    FieldSpec::new(
        "eigenaarId",
        "Eigenaar (gegevenseigenaar)",
        "Data owner",
        T::Ref(K::Person),
    ),
    FieldSpec::new(
        "persoonsgegevens",
        "Bevat persoonsgegevens",
        "Contains personal data",
        T::Bool,
    )
    .filter(),
    FieldSpec::new(
        "categorieenPersoonsgegevens",
        "Categorieën persoonsgegevens",
        "Categories of personal data",
        T::Text { max: 500 },
    ),
    FieldSpec::new(
        "bijzonderePersoonsgegevens",
        "Bijzondere persoonsgegevens",
        "Special categories of personal data",
        T::Bool,
    )
    .filter(),
    FieldSpec::new(
        "grondslag",
        "Grondslag",
        "Legal basis",
        T::Choice(LEGAL_BASIS),
    )
    .filter(),
    FieldSpec::new(
        "bewaartermijn",
        "Bewaartermijn",
        "Retention period",
        T::Text { max: 200 },
    ),
    FieldSpec::new(
        "opslaglocatie",
        "Opslaglocatie (land)",
        "Storage location (country)",
        T::Country,
    )
    .filter(),
    FieldSpec::new(
        "doorgifteGrondslag",
        "Grondslag doorgifte buiten de EER",
        "Basis for transfer outside the EEA",
        T::Choice(TRANSFER_BASIS),
    ),
    FieldSpec::new("verwerkerId", "Verwerker", "Processor", T::Ref(K::Supplier)).filter(),
    FieldSpec::new(
        "subverwerkerIds",
        "Subverwerkers",
        "Sub-processors",
        T::RefList(K::Supplier),
    ),
    FieldSpec::new(
        "verwerkersovereenkomst",
        "Verwerkersovereenkomst aanwezig",
        "Data processing agreement present",
        T::Bool,
    )
    .filter(),
    FieldSpec::new(
        "verwerkersovereenkomstDatum",
        "Datum verwerkersovereenkomst",
        "Date of processing agreement",
        T::Date,
    ),
    FieldSpec::new("dpiaUitgevoerd", "DPIA uitgevoerd", "DPIA done", T::Bool).filter(),
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_ELEMENT_TYPE,
];

const SUPPLIER: &[FieldSpec] = &[
    NAME,
    FieldSpec::new(
        "kvkNummer",
        "KvK-nummer",
        "Chamber of Commerce number",
        T::Kvk,
    )
    .search(),
    FieldSpec::new("land", "Land", "Country", T::Country).filter(),
    FieldSpec::new(
        "contactpersoon",
        "Contactpersoon",
        "Contact person",
        T::Text { max: 200 },
    ),
    FieldSpec::new("email", "E-mail", "E-mail", T::Email).search(),
    FieldSpec::new("telefoon", "Telefoon", "Telephone", T::Text { max: 50 }),
    FieldSpec::new("website", "Website", "Website", T::Text { max: 300 }),
    DESCRIPTION,
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_ELEMENT_TYPE,
];

const CONTRACT: &[FieldSpec] = &[
    FieldSpec::new("naam", "Onderwerp", "Subject", T::Text { max: 200 })
        .required()
        .search(),
    FieldSpec::new(
        "leverancierId",
        "Leverancier",
        "Supplier",
        T::Ref(K::Supplier),
    )
    .required()
    .filter(),
    FieldSpec::new(
        "contractnummer",
        "Contractnummer",
        "Contract number",
        T::Text { max: 100 },
    )
    .search(),
    FieldSpec::new(
        "eigenaarId",
        "Contracteigenaar",
        "Contract owner",
        T::Ref(K::Person),
    ),
    FieldSpec::new("startdatum", "Startdatum", "Start date", T::Date),
    FieldSpec::new("einddatum", "Einddatum", "End date", T::Date),
    FieldSpec::new(
        "opzegtermijnMaanden",
        "Opzegtermijn (maanden)",
        "Notice period (months)",
        T::Integer { min: 0, max: 60 },
    ),
    FieldSpec::new(
        "verlengingsopties",
        "Verlengingsopties",
        "Options to extend",
        T::Text { max: 300 },
    ),
    FieldSpec::new("jaarwaardeCenten", "Jaarwaarde", "Annual value", T::Money),
    FieldSpec::new(
        "gibitToegepast",
        "GIBIT toegepast",
        "GIBIT applied",
        T::Bool,
    )
    .filter(),
    FieldSpec::new(
        "exitplan",
        "Exitplan aanwezig",
        "Exit plan present",
        T::Bool,
    )
    .filter(),
    FieldSpec::new("auditrecht", "Auditrecht", "Audit right", T::Bool),
    FieldSpec::new(
        "assuranceVereist",
        "Assurancerapport vereist (ISAE 3402 / SOC 2)",
        "Assurance report required (ISAE 3402 / SOC 2)",
        T::Bool,
    ),
    FieldSpec::new(
        "assuranceLaatstOntvangen",
        "Assurancerapport laatst ontvangen",
        "Assurance report last received",
        T::Date,
    ),
    FieldSpec::new("slaAanwezig", "SLA aanwezig", "SLA attached", T::Bool),
    DESCRIPTION,
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_ELEMENT_TYPE,
];

const INTERFACE: &[FieldSpec] = &[
    FieldSpec::new("naam", "Naam", "Name", T::Text { max: 200 }).search(),
    FieldSpec::new(
        "vanApplicatieId",
        "Van applicatie",
        "From application",
        T::Ref(K::Application),
    )
    .required()
    .filter(),
    FieldSpec::new(
        "naarApplicatieId",
        "Naar applicatie",
        "To application",
        T::Ref(K::Application),
    )
    .required()
    .filter(),
    FieldSpec::new(
        "standaard",
        "Standaard",
        "Standard",
        T::Choice(INTERFACE_STANDARD),
    )
    .filter(),
    FieldSpec::new(
        "frequentie",
        "Frequentie",
        "Frequency",
        T::Choice(FREQUENCY),
    ),
    DESCRIPTION,
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_RELATIONSHIP_TYPE,
];

const RELATION: &[FieldSpec] = &[
    FieldSpec::new(
        "soort",
        "Soort relatie",
        "Relation type",
        T::Choice(RELATION_TYPE),
    )
    .required()
    .filter(),
    FieldSpec::new("bronId", "Van", "From", T::AnyRef)
        .required()
        .filter(),
    FieldSpec::new("doelId", "Naar", "To", T::AnyRef)
        .required()
        .filter(),
    FieldSpec::new("naam", "Naam", "Name", T::Text { max: 200 }).search(),
    DESCRIPTION,
    FieldSpec::new(
        "toegangssoort",
        "Soort toegang",
        "Access type",
        T::Choice(ACCESS_TYPE),
    ),
    PROPERTIES,
    ARCHIMATE_ID,
    ARCHIMATE_RELATIONSHIP_TYPE,
];

/// The ArchiMate relationship type an imported relation or koppeling had, when it is not the
/// one its type is exported as by default.
const ARCHIMATE_RELATIONSHIP_TYPE: FieldSpec = FieldSpec::new(
    "archimateType",
    "ArchiMate-relatietype",
    "ArchiMate relationship type",
    T::Choice(ARCHIMATE_RELATIONSHIP),
);

/// Any other element of an architecture model (a business process, an application service, a
/// GEMMA reference component…), kept with its ArchiMate type and properties so that nothing of
/// an imported model is lost.
const MODEL_ELEMENT: &[FieldSpec] = &[
    NAME,
    FieldSpec::new(
        "archimateType",
        "ArchiMate-type",
        "ArchiMate type",
        T::Choice(ARCHIMATE_ELEMENT),
    )
    .required()
    .filter(),
    DESCRIPTION,
    FieldSpec::new(
        "referentiecomponentIds",
        "Is GEMMA-referentiecomponent",
        "Is GEMMA reference component",
        T::ReferenceComponents,
    ),
    PROPERTIES,
    ARCHIMATE_ID,
];

const PERSON: &[FieldSpec] = &[
    NAME,
    FieldSpec::new("email", "E-mail", "E-mail", T::Email).search(),
    FieldSpec::new("functie", "Functie", "Position", T::Text { max: 200 }).search(),
    FieldSpec::new("afdeling", "Afdeling", "Department", T::Text { max: 200 })
        .filter()
        .search(),
    ARCHIMATE_ID,
    ARCHIMATE_ELEMENT_TYPE,
];

impl EntityKind {
    /// The fields of this kind, in the order forms and detail pages show them.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            K::Application => APPLICATION,
            K::Component => COMPONENT,
            K::DataSet => DATA_SET,
            K::Supplier => SUPPLIER,
            K::Contract => CONTRACT,
            K::Interface => INTERFACE,
            K::Relation => RELATION,
            K::Person => PERSON,
            K::ModelElement => MODEL_ELEMENT,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// The columns a list of this kind shows, after the name.
    pub fn list_columns(self) -> &'static [&'static str] {
        match self {
            K::Application => &[
                "leverancierId",
                "levenscyclus",
                "hosting",
                "bedrijfskritisch",
            ],
            K::Component => &[
                "soort",
                "leverancierId",
                "levenscyclus",
                "eindeOndersteuning",
            ],
            K::DataSet => &[
                "verwerkerId",
                "opslaglocatie",
                "verwerkersovereenkomst",
                "dpiaUitgevoerd",
            ],
            K::Supplier => &["kvkNummer", "land", "contactpersoon"],
            K::Contract => &[
                "leverancierId",
                "einddatum",
                "opzegtermijnMaanden",
                "jaarwaardeCenten",
            ],
            K::Interface => &[
                "vanApplicatieId",
                "naarApplicatieId",
                "standaard",
                "frequentie",
            ],
            K::Relation => &["bronId", "soort", "doelId"],
            K::Person => &["functie", "afdeling", "email"],
            K::ModelElement => &["archimateType", "omschrijving"],
        }
    }

    /// Fields a list may be sorted on (besides `naam`).
    pub fn sortable(self, field: &str) -> bool {
        field == "naam"
            || self.field(field).is_some_and(|f| {
                matches!(
                    f.ty,
                    T::Text { .. }
                        | T::Choice(_)
                        | T::Date
                        | T::Integer { .. }
                        | T::Money
                        | T::Biv
                        | T::Bool
                        | T::Country
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_field_takes_a_meta_name_and_names_are_unique() {
        for kind in EntityKind::ALL {
            let mut names: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
            for meta in META_FIELDS {
                assert!(!names.contains(&meta), "{kind:?} has a field named {meta}");
            }
            names.sort();
            let count = names.len();
            names.dedup();
            assert_eq!(count, names.len(), "{kind:?} has a duplicate field");
            for column in kind.list_columns() {
                assert!(
                    kind.field(column).is_some(),
                    "{kind:?} lists unknown column {column}"
                );
            }
        }
    }
}
