//! The OpenAPI 3 document, generated from the route table and the domain's field tables, so it
//! cannot drift from what the server does.

use crate::kit::api::{API_VERSION, BASE, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use crate::router::{ApiRoute, Endpoint, api_routes};
use axum::http::Method;
use regisseur_domain::landscape::{EntityKind, FieldSpec, FieldType, LONG_TEXT_MAX};
use regisseur_domain::transition::ItemKind;
use serde_json::{Map, Value, json};

fn field_schema(spec: &FieldSpec) -> Value {
    let mut schema = match spec.ty {
        FieldType::Text { max } => json!({"type": "string", "maxLength": max}),
        FieldType::LongText => json!({"type": "string", "maxLength": LONG_TEXT_MAX}),
        FieldType::Choice(choices) => {
            json!({"type": "string", "enum": choices.iter().map(|c| c.value).collect::<Vec<_>>()})
        }
        FieldType::Bool => json!({"type": "boolean"}),
        FieldType::Money => {
            json!({"type": "integer", "format": "int64", "minimum": 0, "description": "Bedrag in eurocenten"})
        }
        FieldType::Date => json!({"type": "string", "format": "date"}),
        FieldType::Integer { min, max } => {
            json!({"type": "integer", "minimum": min, "maximum": max})
        }
        FieldType::Biv => {
            json!({"type": "integer", "minimum": 1, "maximum": 3, "description": "1 = laag, 2 = midden, 3 = hoog"})
        }
        FieldType::Ref(kind) => {
            json!({"type": "string", "format": "uuid", "description": format!("id van een {}", kind.code())})
        }
        FieldType::RefList(kind) => {
            json!({"type": "array", "items": {"type": "string", "format": "uuid"}, "description": format!("ids van {}", kind.resource())})
        }
        FieldType::AnyRef => {
            json!({"type": "string", "format": "uuid", "description": "id van een element (geen relatie)"})
        }
        FieldType::ReferenceComponents => {
            json!({"type": "array", "items": {"type": "string"}, "description": "ids van GEMMA-referentiecomponenten"})
        }
        FieldType::Country => {
            json!({"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"})
        }
        FieldType::Email => json!({"type": "string", "format": "email"}),
        FieldType::Kvk => json!({"type": "string", "pattern": "^[0-9]{8}$"}),
        FieldType::Properties => {
            json!({"type": "object", "additionalProperties": {"type": "string"}})
        }
    };
    if let Value::Object(map) = &mut schema {
        map.insert("title".into(), Value::from(spec.nl));
    }
    schema
}

fn kind_schemas(kind: EntityKind) -> (Value, Value) {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for spec in kind.fields() {
        properties.insert(spec.name.into(), field_schema(spec));
        if spec.required {
            required.push(spec.name);
        }
    }
    let input = json!({"type": "object", "additionalProperties": false, "properties": properties, "required": required});
    let mut output_props = properties.clone();
    output_props.insert(
        "id".into(),
        json!({"type": "string", "format": "uuid", "readOnly": true}),
    );
    output_props.insert(
        "versie".into(),
        json!({"type": "integer", "description": "Versie; stuur mee bij wijzigen"}),
    );
    output_props.insert(
        "aangemaaktOp".into(),
        json!({"type": "string", "format": "date-time", "readOnly": true}),
    );
    output_props.insert(
        "gewijzigdOp".into(),
        json!({"type": "string", "format": "date-time", "readOnly": true}),
    );
    let mut out_required: Vec<&str> = vec!["id", "versie"];
    out_required.extend(required);
    let output = json!({"type": "object", "properties": output_props, "required": out_required});
    (input, output)
}

fn schema_name(kind: EntityKind) -> String {
    let code = kind.code();
    let mut name = code[..1].to_uppercase();
    name.push_str(&code[1..]);
    name
}

fn problem_responses(codes: &[&str]) -> Map<String, Value> {
    let mut responses = Map::new();
    for code in codes {
        let description = match *code {
            "400" => "Ongeldige invoer; invalidParams noemt elk ongeldig veld",
            "401" => "Niet ingelogd",
            "403" => "Geen toegang met deze rol",
            "404" => "Niet gevonden",
            "412" => "If-Match noemt niet de huidige versie (ETag); er is niets gewijzigd",
            "415" => "De body is geen JSON (Content-Type application/json)",
            _ => "Conflict: verouderde versie in de body of afhankelijke objecten",
        };
        responses.insert(
            code.to_string(),
            json!({"description": description, "headers": api_version_header(),
                   "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}}),
        );
    }
    responses
}

fn api_version_header() -> Value {
    json!({"API-Version": {"$ref": "#/components/headers/API-Version"}})
}

fn paging_parameters() -> Vec<Value> {
    vec![
        json!({"name": "pagina", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}}),
        json!({"name": "paginaGrootte", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE}}),
    ]
}

fn path_parameter(name: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}})
}

fn list_of(item_ref: &str) -> Value {
    json!({"type": "object", "required": ["resultaten", "totaal", "pagina", "paginaGrootte"], "properties": {
        "resultaten": {"type": "array", "items": {"$ref": item_ref}},
        "totaal": {"type": "integer"}, "pagina": {"type": "integer"}, "paginaGrootte": {"type": "integer"}}})
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn transition_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Role => "TransitieRol",
        ItemKind::Person => "TransitieBetrokkene",
        ItemKind::Milestone => "TransitieMijlpaal",
        ItemKind::Risk => "TransitieRisico",
        ItemKind::Message => "TransitieCommunicatie",
    }
}

fn transition_ref(kind: ItemKind) -> String {
    format!("#/components/schemas/{}", transition_name(kind))
}

/// The schema of an item of the transition dossier (as read by `ItemKind::read`).
fn transition_schema(kind: ItemKind) -> Value {
    let text = json!({"type": "string"});
    let date = json!({"type": "string", "format": "date"});
    let id = json!({"type": "string", "format": "uuid"});
    let fte = json!({"type": "number", "minimum": 0});
    let codes = |list: Vec<&str>| json!({"type": "string", "enum": list});
    use regisseur_domain::transition::{communication, people, plan, risks};
    let (required, properties): (Vec<&str>, Value) = match kind {
        ItemKind::Role => (
            vec!["naam", "verandering", "fteNu", "fteStraks"],
            json!({
            "naam": text, "domein": codes(regisseur_domain::sourcing::ServiceDomain::ALL.iter().map(|d| d.code()).collect()),
            "verandering": codes(people::Change::ALL.iter().map(|c| c.code()).collect()),
            "takenNu": text, "takenStraks": text, "fteNu": fte, "fteStraks": fte,
            "competenties": {"type": "array", "items": {"type": "object", "required": ["naam", "nodig", "aanwezig"], "properties": {"naam": text, "nodig": fte, "aanwezig": fte}}}}),
        ),
        ItemKind::Person => (
            vec!["naam", "rol", "lot"],
            json!({
            "naam": text, "rol": id, "lot": codes(people::Fate::ALL.iter().map(|f| f.code()).collect()),
            "nieuweRol": id, "toelichting": text}),
        ),
        ItemKind::Milestone => (
            vec!["naam", "fase", "datum"],
            json!({
            "naam": text, "fase": codes(plan::Phase::ALL.iter().map(|p| p.code()).collect()), "datum": date,
            "eigenaar": text, "afhankelijkVan": {"type": "array", "items": id}, "gereed": {"type": "boolean"}}),
        ),
        ItemKind::Risk => (
            vec!["titel", "kans", "impact"],
            json!({
            "titel": text, "oorzaak": text, "gevolg": text,
            "kans": {"type": "integer", "minimum": 1, "maximum": 5}, "impact": {"type": "integer", "minimum": 1, "maximum": 5},
            "eigenaar": text, "maatregel": text, "maatregelVoor": date,
            "status": codes(risks::RiskStatus::ALL.iter().map(|s| s.code()).collect()),
            "leverancier": {"type": "string", "format": "uuid", "readOnly": true, "description": "De leverancier die het risico via het leveranciersportaal indiende"},
            "score": {"type": "integer", "readOnly": true}}),
        ),
        ItemKind::Message => (
            vec!["doelgroep", "boodschap", "moment"],
            json!({
            "doelgroep": codes(communication::Audience::ALL.iter().map(|a| a.code()).collect()),
            "boodschap": text, "moment": date, "kanaal": text, "eigenaar": text, "gedaan": {"type": "boolean"}}),
        ),
    };
    json!({"type": "object", "required": required, "properties": properties})
}

fn ok(schema: Value, description: &str) -> Value {
    json!({"description": description, "headers": api_version_header(), "content": {"application/json": {"schema": schema}}})
}

fn operation(route: &ApiRoute) -> Value {
    let mut parameters: Vec<Value> = Vec::new();
    if route.path.contains("{slug}") {
        parameters.push(path_parameter("slug"));
    }
    if route.path.contains("{id}") {
        parameters.push(path_parameter("id"));
    }
    let (summary, operation_id, mut responses, body): (
        String,
        String,
        Map<String, Value>,
        Option<Value>,
    ) = match route.endpoint {
        Endpoint::OpenApi => (
            "Dit OpenAPI-document".into(),
            "openapi".into(),
            Map::from_iter([("200".into(), ok(json!({"type": "object"}), "OpenAPI 3"))]),
            None,
        ),
        Endpoint::Organisations => {
            parameters.extend(paging_parameters());
            (
                "Organisaties waar u lid van bent".into(),
                "organisatiesLijst".into(),
                Map::from_iter([(
                    "200".into(),
                    ok(list_of("#/components/schemas/Organisatie"), "Lijst"),
                )]),
                None,
            )
        }
        Endpoint::Organisation => (
            "Eén organisatie".into(),
            "organisatieOphalen".into(),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": "#/components/schemas/Organisatie"}),
                    "Organisatie",
                ),
            )]),
            None,
        ),
        Endpoint::ReferenceComponents => {
            parameters.extend(paging_parameters());
            parameters.push(json!({"name": "zoek", "in": "query", "schema": {"type": "string"}}));
            (
                "GEMMA-referentiecomponenten".into(),
                "referentiecomponentenLijst".into(),
                Map::from_iter([(
                    "200".into(),
                    ok(list_of("#/components/schemas/Referentiecomponent"), "Lijst"),
                )]),
                None,
            )
        }
        Endpoint::ReferenceComponent => (
            "Eén GEMMA-referentiecomponent".into(),
            "referentiecomponentOphalen".into(),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": "#/components/schemas/Referentiecomponent"}),
                    "Referentiecomponent",
                ),
            )]),
            None,
        ),
        Endpoint::Audit => {
            parameters.extend(paging_parameters());
            parameters.push(json!({"name": "entiteitId", "in": "query", "schema": {"type": "string", "format": "uuid"}}));
            parameters.push(json!({"name": "entiteit", "in": "query", "schema": {"type": "string", "enum": EntityKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>()}}));
            (
                "Audittrail van de organisatie, nieuwste eerst".into(),
                "auditLijst".into(),
                Map::from_iter([(
                    "200".into(),
                    ok(list_of("#/components/schemas/AuditRegel"), "Lijst"),
                )]),
                None,
            )
        }
        Endpoint::Quality => {
            parameters.push(json!({"name": "peildatum", "in": "query", "description": "De dag waarop de regels worden toegepast (standaard vandaag)", "schema": {"type": "string", "format": "date"}}));
            (
                "Kwaliteit van de basis: score, score per gebied en bevindingen".into(),
                "kwaliteitOphalen".into(),
                Map::from_iter([(
                    "200".into(),
                    ok(json!({"$ref": "#/components/schemas/Kwaliteit"}), "Rapport"),
                )]),
                None,
            )
        }
        Endpoint::QualitySettings => (
            "Instellingen van de kwaliteitsregels".into(),
            "kwaliteitsinstellingenOphalen".into(),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": "#/components/schemas/Kwaliteitsinstellingen"}),
                    "Instellingen",
                ),
            )]),
            None,
        ),
        Endpoint::ReplaceQualitySettings => (
            "Instellingen van de kwaliteitsregels vervangen (beheerder)".into(),
            "kwaliteitsinstellingenVervangen".into(),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": "#/components/schemas/Kwaliteitsinstellingen"}),
                    "Opgeslagen",
                ),
            )]),
            Some(json!({"$ref": "#/components/schemas/Kwaliteitsinstellingen"})),
        ),
        Endpoint::Readiness => (
            "Gereedheidsadvies: nu, onder voorwaarden of nog niet — met redenen en acties".into(),
            "gereedheidOphalen".into(),
            Map::from_iter([(
                "200".into(),
                ok(json!({"$ref": "#/components/schemas/Gereedheid"}), "Advies"),
            )]),
            None,
        ),
        Endpoint::Impact => (
            "Impact: alles wat getroffen wordt als dit element uitvalt, met afstand en pad. Het element bij zijn id of bij de ArchiMate-identificatie uit een geïmporteerd model".into(),
            "impactOphalen".into(),
            Map::from_iter([(
                "200".into(),
                ok(json!({"$ref": "#/components/schemas/Impact"}), "Impact"),
            )]),
            None,
        ),
        Endpoint::Scope => {
            parameters.push(json!({"name": "domeinen", "in": "query", "required": true, "description": "Dienstdomeinen, komma-gescheiden", "schema": {"type": "string"}}));
            (
                "Scope: wat het uitbesteden van deze dienstdomeinen doorsnijdt".into(),
                "scopeOphalen".into(),
                Map::from_iter([(
                    "200".into(),
                    ok(json!({"$ref": "#/components/schemas/Scope"}), "Snede"),
                )]),
                None,
            )
        }
        Endpoint::BusinessCases => (
            "Businesscases van de organisatie, met hun uitkomst (naast elkaar te vergelijken)".into(),
            "businesscasesLijst".into(),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"type": "object", "properties": {"_embedded": {"type": "object", "properties": {
                        "businesscases": {"type": "array", "items": {"$ref": "#/components/schemas/Businesscase"}}}},
                        "totaal": {"type": "integer"}}}),
                    "Lijst",
                ),
            )]),
            None,
        ),
        Endpoint::CreateBusinessCase => (
            "Businesscase aanmaken (beheerder, regisseur); de invoer is de structuur van het TOML-bestand".into(),
            "businesscaseAanmaken".into(),
            Map::from_iter([(
                "201".into(),
                ok(json!({"$ref": "#/components/schemas/Businesscase"}), "Aangemaakt"),
            )]),
            Some(json!({"$ref": "#/components/schemas/BusinesscaseInvoer"})),
        ),
        Endpoint::BusinessCase => (
            "Eén businesscase: invoer, lasten per jaar, NCW, terugverdienjaar en onzekerheid".into(),
            "businesscaseOphalen".into(),
            Map::from_iter([(
                "200".into(),
                ok(json!({"$ref": "#/components/schemas/Businesscase"}), "Businesscase"),
            )]),
            None,
        ),
        Endpoint::ReplaceBusinessCase => (
            "Businesscase vervangen; versie in de body of If-Match".into(),
            "businesscaseVervangen".into(),
            Map::from_iter([(
                "200".into(),
                ok(json!({"$ref": "#/components/schemas/Businesscase"}), "Opgeslagen"),
            )]),
            Some(json!({"allOf": [{"$ref": "#/components/schemas/BusinesscaseInvoer"},
                {"type": "object", "properties": {"versie": {"type": "integer"}}}]})),
        ),
        Endpoint::DeleteBusinessCase => (
            "Businesscase verwijderen".into(),
            "businesscaseVerwijderen".into(),
            Map::from_iter([(
                "204".into(),
                json!({"description": "Verwijderd", "headers": api_version_header()}),
            )]),
            None,
        ),
        Endpoint::ProcurementRoute => {
            for (name, description, schema, required) in [
                ("soort", "diensten, leveringen, werken of sociale-diensten", json!({"type": "string", "enum": ["diensten", "leveringen", "werken", "sociale-diensten"]}), true),
                ("jaarwaarde", "Waarde per jaar in euro's, excl. btw", json!({"type": "string"}), true),
                ("maanden", "Looptijd in maanden, zonder opties", json!({"type": "integer"}), false),
                ("optieMaanden", "Opties en verlengingen in maanden", json!({"type": "integer"}), false),
                ("onbepaald", "Onbepaalde looptijd (ja/nee)", json!({"type": "string"}), false),
                ("publicatiedatum", "Datum van de aankondiging", json!({"type": "string", "format": "date"}), true),
                ("aangepast", "De oplossing moet worden aangepast (ja/nee)", json!({"type": "string"}), false),
                ("innovatief", "Ontwerp of innovatie (ja/nee)", json!({"type": "string"}), false),
                ("complex", "Complex (ja/nee)", json!({"type": "string"}), false),
                ("onspecificeerbaar", "Specificaties niet vooraf vast te stellen (ja/nee)", json!({"type": "string"}), false),
                ("aanbieders", "Aantal mogelijke aanbieders", json!({"type": "integer"}), false),
                ("spoed", "Dwingende spoed, niet door de gemeente veroorzaakt (ja/nee)", json!({"type": "string"}), false),
            ] {
                parameters.push(json!({"name": name, "in": "query", "required": required, "description": description, "schema": schema}));
            }
            (
                "Aanbestedingsroute: geraamde waarde, drempel, toegestane procedures, advies en planning".into(),
                "aanbestedingsrouteOphalen".into(),
                Map::from_iter([("200".into(), ok(json!({"$ref": "#/components/schemas/Aanbestedingsroute"}), "Advies"))]),
                None,
            )
        }
        Endpoint::Tenders => (
            "Aanbestedingen van de organisatie".into(),
            "aanbestedingenLijst".into(),
            Map::from_iter([("200".into(), ok(json!({"type": "object"}), "Lijst"))]),
            None,
        ),
        Endpoint::Tender => (
            "Eén aanbesteding: opzet, fase en inschrijvingen; prijzen pas als de consensus is vastgesteld".into(),
            "aanbestedingOphalen".into(),
            Map::from_iter([("200".into(), ok(json!({"type": "object", "properties": {
                "id": {"type": "string", "format": "uuid"}, "naam": {"type": "string"},
                "fase": {"type": "string", "enum": ["opzet", "beoordeling", "vastgesteld"]},
                "inschrijvingen": {"type": "array", "items": {"type": "object", "properties": {
                    "inschrijver": {"type": "string"}, "eisen": {"type": "object"},
                    "prijs": {"type": "number", "description": "Alleen in fase vastgesteld"}}}}}}), "Aanbesteding"))]),
            None,
        ),
        Endpoint::TenderResult => (
            "Uitslag: rangorde, uitsluitingen, gevoeligheid, rangomkering en de SHA-256 van het aanbestedingsbestand (409 zolang de consensus niet is vastgesteld)".into(),
            "aanbestedingUitslag".into(),
            Map::from_iter([("200".into(), ok(json!({"type": "object", "properties": {
                "methode": {"type": "string"}, "ranking": {"type": "array", "items": {"type": "object"}},
                "uitgesloten": {"type": "array", "items": {"type": "object"}}, "gevoeligheid": {"type": "array", "items": {"type": "object"}},
                "rangomkering": {"type": "array", "items": {"type": "object"}}, "sha256": {"type": "string"}}}), "Uitslag"))]),
            None,
        ),
        Endpoint::SlaReport => (
            "SLA-rapport van een contract per maand: gemeten, gehaald, servicecredits, chronisch falen".into(),
            "slaRapportOphalen".into(),
            Map::from_iter([("200".into(), ok(json!({"type": "object", "properties": {
                "maanden": {"type": "array", "items": {"type": "object"}}, "totaalCredits": {"type": "number"},
                "chronischFalen": {"type": "array", "items": {"type": "string"}}}}), "Rapport"))]),
            None,
        ),
        Endpoint::SlaReports => (
            "Maandcijfers van de leverancier aanleveren (alles of niets; een nieuw cijfer vervangt het oude)".into(),
            "slaRapportagesAanleveren".into(),
            Map::from_iter([("204".into(), json!({"description": "Vastgelegd", "headers": api_version_header()}))]),
            Some(json!({"type": "array", "items": {"type": "object", "required": ["maand", "norm"], "properties": {
                "maand": {"type": "string", "example": "2027-03"}, "norm": {"type": "string"}, "gemeten": {"type": ["number", "null"]}}}})),
        ),
        Endpoint::Survey => {
            parameters.push(json!({"name": "kwartaal", "in": "path", "required": true, "schema": {"type": "string", "example": "2027-K1"}}));
            (
                "Relatiemeting van een kwartaal, voor de eigen kant (gemeente of leverancier)".into(),
                "relatiemetingOpslaan".into(),
                Map::from_iter([("204".into(), json!({"description": "Opgeslagen", "headers": api_version_header()}))]),
                Some(json!({"type": "object", "required": ["vertrouwen", "aanbeveling", "tevredenheid", "proactiviteit"], "properties": {
                    "vertrouwen": {"type": "integer", "minimum": 1, "maximum": 10}, "aanbeveling": {"type": "integer", "minimum": 0, "maximum": 10},
                    "tevredenheid": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 10}},
                    "proactiviteit": {"type": "integer", "minimum": 1, "maximum": 10}, "toelichting": {"type": "string"}}})),
            )
        }
        Endpoint::Transition => {
            parameters.push(json!({"name": "drempel", "in": "query", "required": false, "description": "Risico's vanaf deze score (kans × impact, 1–25; standaard 12)", "schema": {"type": "integer", "minimum": 1, "maximum": 25}}));
            (
                "Transitie in één overzicht: fte per rol voor en na, competentietekort, plan met waarschuwingen, mijlpalen te laat, risico's boven de drempel, heatmap, weekrapport, communicatie te laat (zonder persoonsgegevens)".into(),
                "transitieOverzicht".into(),
                Map::from_iter([("200".into(), ok(json!({"type": "object", "properties": {
                    "fte": {"type": "object", "properties": {"rollen": {"type": "array", "items": {"type": "object"}}, "totaalVoor": {"type": "number"}, "totaalNa": {"type": "number"}}},
                    "competenties": {"type": "array", "items": {"type": "object"}}, "plan": {"$ref": "#/components/schemas/Transitieplan"},
                    "waarschuwingen": {"type": "array", "items": {"type": "string"}}, "mijlpalenTeLaat": {"type": "array", "items": {"type": "object"}},
                    "drempel": {"type": "integer"}, "risicosBovenDrempel": {"type": "array", "items": {"type": "object"}},
                    "heatmap": {"type": "array", "description": "[impact - 1][kans - 1]: aantal risico's", "items": {"type": "array", "items": {"type": "integer"}}},
                    "weekrapport": {"type": "object", "properties": {"nieuw": {"type": "array"}, "gewijzigd": {"type": "array"}, "gegroeid": {"type": "array"}, "verwijderd": {"type": "array"}, "maatregelenTeLaat": {"type": "array"}}},
                    "communicatieTeLaat": {"type": "array", "items": {"type": "object"}}}}), "Overzicht"))]),
                None,
            )
        }
        Endpoint::TransitionPlan => (
            "Transitieplan: fasen met data, minimale stabilisatie, omvang van de opdracht".into(),
            "transitieplanOphalen".into(),
            Map::from_iter([("200".into(), ok(json!({"$ref": "#/components/schemas/Transitieplan"}), "Plan"))]),
            None,
        ),
        Endpoint::ReplaceTransitionPlan => (
            "Transitieplan vervangen (elke fase hoogstens één keer, einde niet vóór start)".into(),
            "transitieplanVervangen".into(),
            Map::from_iter([("200".into(), ok(json!({"$ref": "#/components/schemas/Transitieplan"}), "Opgeslagen"))]),
            Some(json!({"$ref": "#/components/schemas/Transitieplan"})),
        ),
        Endpoint::TransitionItems(kind) => (
            format!("Transitie: {} (lijst)", kind.resource()),
            format!("transitie{}Lijst", capitalised(kind.resource())),
            Map::from_iter([("200".into(), ok(json!({"type": "object", "properties": {
                "_embedded": {"type": "object", "properties": {kind.resource(): {"type": "array", "items": {"$ref": transition_ref(kind)}}}},
                "totaal": {"type": "integer"}}}), "Lijst"))]),
            None,
        ),
        Endpoint::CreateTransitionItem(kind) => (
            format!("Transitie: {} toevoegen (de hele transitie wordt gecontroleerd; niets wordt half opgeslagen)", kind.label(regisseur_domain::Lang::Nl)),
            format!("transitie{}Toevoegen", capitalised(kind.resource())),
            Map::from_iter([("201".into(), ok(json!({"$ref": transition_ref(kind)}), "Toegevoegd"))]),
            Some(json!({"$ref": transition_ref(kind)})),
        ),
        Endpoint::TransitionItem(kind) => (
            format!("Transitie: één {}", kind.label(regisseur_domain::Lang::Nl)),
            format!("transitie{}Ophalen", capitalised(kind.resource())),
            Map::from_iter([("200".into(), ok(json!({"$ref": transition_ref(kind)}), "Gevonden"))]),
            None,
        ),
        Endpoint::ReplaceTransitionItem(kind) => (
            format!("Transitie: {} vervangen", kind.label(regisseur_domain::Lang::Nl)),
            format!("transitie{}Vervangen", capitalised(kind.resource())),
            Map::from_iter([("200".into(), ok(json!({"$ref": transition_ref(kind)}), "Opgeslagen"))]),
            Some(json!({"$ref": transition_ref(kind)})),
        ),
        Endpoint::DeleteTransitionItem(kind) => (
            format!("Transitie: {} verwijderen (409 zolang er nog naar verwezen wordt)", kind.label(regisseur_domain::Lang::Nl)),
            format!("transitie{}Verwijderen", capitalised(kind.resource())),
            Map::from_iter([("204".into(), json!({"description": "Verwijderd", "headers": api_version_header()}))]),
            None,
        ),
        Endpoint::Confirm(kind) => (
            format!(
                "{} bevestigen als juist (eigenaar of beheerder)",
                kind.singular(regisseur_domain::Lang::Nl)
            ),
            format!("{}Bevestigen", kind.resource()),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"type": "object", "properties": {
                        "elementId": {"type": "string", "format": "uuid"},
                        "bevestigdOp": {"type": "string", "format": "date"},
                        "bevestigdDoor": {"type": "string"}}}),
                    "Bevestigd",
                ),
            )]),
            None,
        ),
        Endpoint::List(kind) => {
            parameters.extend(paging_parameters());
            parameters.push(json!({"name": "zoek", "in": "query", "description": "Zoekt hoofdletterongevoelig in naam en andere tekstvelden", "schema": {"type": "string"}}));
            let sortable: Vec<String> = kind
                .fields()
                .iter()
                .filter(|f| kind.sortable(f.name))
                .flat_map(|f| [f.name.to_string(), format!("-{}", f.name)])
                .collect();
            parameters.push(json!({"name": "sorteer", "in": "query", "schema": {"type": "string", "enum": sortable}}));
            for spec in kind.fields().iter().filter(|f| f.filter) {
                let schema = match spec.ty {
                    FieldType::Bool => json!({"type": "boolean"}),
                    _ => field_schema(spec),
                };
                parameters.push(json!({"name": spec.name, "in": "query", "description": format!("Filter op {}", spec.nl.to_lowercase()), "schema": schema}));
            }
            (
                format!(
                    "{} zoeken en bladeren",
                    kind.plural(regisseur_domain::Lang::Nl)
                ),
                format!("{}Lijst", kind.resource()),
                Map::from_iter([(
                    "200".into(),
                    ok(
                        list_of(&format!("#/components/schemas/{}", schema_name(kind))),
                        "Lijst",
                    ),
                )]),
                None,
            )
        }
        Endpoint::Create(kind) => {
            let mut created = ok(
                json!({"$ref": format!("#/components/schemas/{}", schema_name(kind))}),
                "Aangemaakt",
            );
            created["headers"]["Location"] = json!({"schema": {"type": "string"}});
            (
                format!("Nieuwe {}", kind.singular(regisseur_domain::Lang::Nl)),
                format!("{}Aanmaken", kind.resource()),
                Map::from_iter([("201".into(), created)]),
                Some(json!({"$ref": format!("#/components/schemas/{}Invoer", schema_name(kind))})),
            )
        }
        Endpoint::Get(kind) => (
            format!("Eén {}", kind.singular(regisseur_domain::Lang::Nl)),
            format!("{}Ophalen", kind.resource()),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": format!("#/components/schemas/{}", schema_name(kind))}),
                    "Gevonden",
                ),
            )]),
            None,
        ),
        Endpoint::Replace(kind) => (
            format!(
                "{} vervangen (versie in de body of If-Match)",
                kind.singular(regisseur_domain::Lang::Nl)
            ),
            format!("{}Vervangen", kind.resource()),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": format!("#/components/schemas/{}", schema_name(kind))}),
                    "Gewijzigd",
                ),
            )]),
            Some(
                json!({"allOf": [{"$ref": format!("#/components/schemas/{}Invoer", schema_name(kind))}, {"type": "object", "properties": {"versie": {"type": "integer", "description": "De versie waarop de wijziging berust (409 als die niet meer de huidige is); nodig zonder If-Match"}}}]}),
            ),
        ),
        Endpoint::Patch(kind) => (
            format!(
                "{} deels wijzigen (JSON merge patch, RFC 7396; versie in de body of If-Match)",
                kind.singular(regisseur_domain::Lang::Nl)
            ),
            format!("{}Wijzigen", kind.resource()),
            Map::from_iter([(
                "200".into(),
                ok(
                    json!({"$ref": format!("#/components/schemas/{}", schema_name(kind))}),
                    "Gewijzigd",
                ),
            )]),
            Some(json!({"type": "object"})),
        ),
        Endpoint::Delete(kind) => {
            parameters.push(json!({"name": "trapsgewijs", "in": "query", "description": "Ook afhankelijke objecten verwijderen of hun verwijzing wissen", "schema": {"type": "boolean", "default": false}}));
            (
                format!("{} verwijderen", kind.singular(regisseur_domain::Lang::Nl)),
                format!("{}Verwijderen", kind.resource()),
                Map::from_iter([(
                    "204".into(),
                    json!({"description": "Verwijderd", "headers": api_version_header()}),
                )]),
                None,
            )
        }
    };
    let mut codes = vec!["400"];
    if route.endpoint != Endpoint::OpenApi {
        codes.extend(["401", "403", "404"]);
    }
    // Conditional requests (RFC 9110 §13): the version as a strong ETag.
    let etag_header =
        json!({"description": "De versie van het object", "schema": {"type": "string"}});
    let versioned_read = matches!(route.endpoint, Endpoint::Get(_) | Endpoint::BusinessCase);
    let versioned_write = matches!(
        route.endpoint,
        Endpoint::Replace(_)
            | Endpoint::Patch(_)
            | Endpoint::Delete(_)
            | Endpoint::ReplaceBusinessCase
            | Endpoint::DeleteBusinessCase
    );
    if versioned_read {
        parameters.push(json!({"name": "If-None-Match", "in": "header", "required": false,
            "description": "ETag die u al heeft: 304 als het object niet gewijzigd is", "schema": {"type": "string"}}));
        responses.insert(
            "304".into(),
            json!({"description": "Niet gewijzigd sinds de ETag in If-None-Match",
                   "headers": {"ETag": etag_header.clone(), "API-Version": {"$ref": "#/components/headers/API-Version"}}}),
        );
    }
    if versioned_write {
        parameters.push(json!({"name": "If-Match", "in": "header", "required": false,
            "description": "Alleen als het object nog deze ETag heeft (412 anders), of * voor elke versie; in plaats van of naast versie in de body", "schema": {"type": "string"}}));
        codes.push("412");
    }
    if versioned_read || versioned_write || matches!(route.endpoint, Endpoint::Create(_)) {
        for (code, response) in responses.iter_mut() {
            if code.starts_with('2') && code != "204" {
                response["headers"]["ETag"] = etag_header.clone();
            }
        }
    }
    if matches!(route.method, Method::POST | Method::PUT | Method::PATCH) {
        codes.push("415");
    }
    if matches!(
        route.endpoint,
        Endpoint::Replace(_)
            | Endpoint::Patch(_)
            | Endpoint::Delete(_)
            | Endpoint::ReplaceBusinessCase
            | Endpoint::DeleteTransitionItem(_)
    ) {
        codes.push("409");
    }
    responses.extend(problem_responses(&codes));
    let mut op = json!({"summary": summary, "operationId": operation_id, "parameters": parameters, "responses": responses});
    if route.endpoint == Endpoint::OpenApi {
        op["security"] = json!([]);
    }
    if let Some(schema) = body {
        op["requestBody"] = if matches!(route.endpoint, Endpoint::Patch(_)) {
            json!({"required": true, "content": {
                "application/merge-patch+json": {"schema": schema.clone()},
                "application/json": {"schema": schema}}})
        } else {
            json!({"required": true, "content": {"application/json": {"schema": schema}}})
        };
    }
    op
}

/// Who answers questions about the API of this installation (`info.contact`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub url: String,
}

impl Default for Contact {
    /// The project's own, until the installation names its own (`--api-contact-*`).
    fn default() -> Self {
        Contact {
            name: "Regisseur".into(),
            email: "regisseur@example.invalid".into(),
            url: "https://example.invalid/regisseur".into(),
        }
    }
}

/// A route's path as the document writes it: below [`BASE`].
fn documented_path(path: &str) -> &str {
    path.strip_prefix(BASE).unwrap_or(path)
}

pub fn document(contact: &Contact) -> Value {
    let mut paths = Map::new();
    for route in api_routes() {
        let method = route.method.as_str().to_lowercase();
        let entry = paths
            .entry(documented_path(&route.path).to_string())
            .or_insert_with(|| json!({}));
        entry[method] = operation(&route);
    }
    let mut schemas = Map::new();
    for kind in EntityKind::ALL {
        let (input, output) = kind_schemas(kind);
        schemas.insert(format!("{}Invoer", schema_name(kind)), input);
        schemas.insert(schema_name(kind), output);
    }
    for kind in ItemKind::ALL {
        schemas.insert(transition_name(kind).into(), transition_schema(kind));
    }
    schemas.insert("Transitieplan".into(), json!({"type": "object", "properties": {
        "fasen": {"type": "array", "items": {"type": "object", "required": ["fase", "start", "eind"], "properties": {
            "fase": {"type": "string", "enum": regisseur_domain::transition::plan::Phase::ALL.iter().map(|p| p.code()).collect::<Vec<_>>()},
            "start": {"type": "string", "format": "date"}, "eind": {"type": "string", "format": "date"}}}},
        "minStabilisatieMaanden": {"type": "integer", "minimum": 0, "maximum": 60, "default": 6},
        "aanbesteding": {"type": "object", "required": ["soort", "jaarwaarde", "maanden"], "properties": {
            "soort": {"type": "string", "enum": ["diensten", "leveringen", "werken", "sociale-diensten"]},
            "jaarwaarde": {"type": "number"}, "maanden": {"type": "integer"}, "optieMaanden": {"type": "integer"}, "onbepaald": {"type": "boolean"}}}}}));
    schemas.insert("Organisatie".into(), json!({"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"}, "slug": {"type": "string"}, "naam": {"type": "string"},
        "cbsCode": {"type": ["string", "null"]}, "rol": {"type": "string", "enum": ["beheerder", "regisseur", "inkoper", "lezer", "leverancier"]}}}));
    schemas.insert("Referentiecomponent".into(), json!({"type": "object", "properties": {
        "id": {"type": "string"}, "naam": {"type": "string"}, "beschrijving": {"type": "string"}, "gemmaStatus": {"type": "string"},
        "beschikbaarheid": {"type": ["integer", "null"]}, "integriteit": {"type": ["integer", "null"]},
        "vertrouwelijkheid": {"type": ["integer", "null"]}, "bbn": {"type": "string"}}}));
    schemas.insert("AuditRegel".into(), json!({"type": "object", "properties": {
        "id": {"type": "string", "format": "uuid"}, "actie": {"type": "string", "enum": ["aangemaakt", "gewijzigd", "verwijderd", "bevestigd"]},
        "entiteit": {"type": "string"}, "entiteitId": {"type": "string", "format": "uuid"}, "gebruiker": {"type": "string"},
        "tijdstip": {"type": "string", "format": "date-time"}, "oudeWaarde": {"type": ["object", "null"]}, "nieuweWaarde": {"type": ["object", "null"]}}}));
    let rule_codes: Vec<&str> = regisseur_domain::quality::RULES
        .iter()
        .map(|r| r.code)
        .collect();
    let severities = ["fout", "waarschuwing", "info"];
    let areas = ["documentatie", "infrastructuur", "gegevens", "contracten"];
    let per_area = json!({"type": "object", "properties": areas.iter().map(|a| (a.to_string(), json!({"type": ["number", "null"]}))).collect::<Map<String, Value>>()});
    schemas.insert("Kwaliteit".into(), json!({"type": "object",
        "required": ["peildatum", "score", "scorePerGebied", "bevindingen"], "properties": {
        "peildatum": {"type": "string", "format": "date"},
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "scorePerGebied": per_area, "volledigheidPerGebied": per_area,
        "aantalElementen": {"type": "integer"},
        "aantalPerErnst": {"type": "object", "properties": {"fout": {"type": "integer"}, "waarschuwing": {"type": "integer"}, "info": {"type": "integer"}}},
        "bevindingen": {"type": "array", "items": {"type": "object", "properties": {
            "regel": {"type": "string", "enum": rule_codes}, "ernst": {"type": "string", "enum": severities},
            "gebied": {"type": "string", "enum": areas}, "elementSoort": {"type": "string"},
            "elementId": {"type": "string", "format": "uuid"}, "elementNaam": {"type": "string"},
            "melding": {"type": "string"}, "herstel": {"type": "string"}}}}}}));
    schemas.insert("Kwaliteitsinstellingen".into(), json!({"type": "object", "additionalProperties": false, "properties": {
        "regels": {"type": "object", "propertyNames": {"enum": rule_codes}, "additionalProperties": {"type": "object", "additionalProperties": false, "properties": {
            "aan": {"type": "boolean"}, "ernst": {"type": "string", "enum": severities}}}},
        "opzegtermijnDagen": {"type": "integer", "minimum": 1, "maximum": 730, "default": 90},
        "eindeOndersteuningMaanden": {"type": "integer", "minimum": 0, "maximum": 60, "default": 6},
        "bevestigingMaanden": {"type": "integer", "minimum": 1, "maximum": 60, "default": 12},
        "assuranceMaanden": {"type": "integer", "minimum": 1, "maximum": 60, "default": 12}}}));
    let dimensions: Vec<&str> = regisseur_domain::readiness::Dimension::ALL
        .iter()
        .map(|d| d.code())
        .collect();
    let verdicts = ["nog-niet", "gereed-onder-voorwaarden", "gereed"];
    let per_dimension: Map<String, Value> = dimensions
        .iter()
        .map(|d| {
            (
                d.to_string(),
                json!({"type": ["number", "null"], "minimum": 0, "maximum": 4}),
            )
        })
        .collect();
    schemas.insert("Gereedheid".into(), json!({"type": "object",
        "required": ["oordeel", "scorePerDimensie", "redenen", "acties"], "properties": {
        "oordeel": {"type": "string", "enum": verdicts},
        "kwaliteitsscore": {"type": "number"},
        "scorePerDimensie": {"type": "object", "properties": per_dimension},
        "dimensies": {"type": "array", "items": {"type": "object"}},
        "redenen": {"type": "array", "items": {"type": "string"}},
        "acties": {"type": "array", "maxItems": 10, "items": {"type": "object", "required": ["omschrijving"], "properties": {
            "omschrijving": {"type": "string"}, "verwijzing": {"type": "object"}, "winst": {"type": "number"}}}},
        "domeinen": {"type": "array", "items": {"type": "object", "properties": {
            "domein": {"type": "string"}, "oordeel": {"type": "string", "enum": verdicts}, "redenen": {"type": "array", "items": {"type": "string"}}}}},
        "toets": {"type": ["object", "null"]}}}));
    let element = json!({"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}, "naam": {"type": "string"}, "soort": {"type": "string"}}});
    schemas.insert("Impact".into(), json!({"type": "object", "required": ["element", "getroffen"], "properties": {
        "element": element,
        "getroffen": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string", "format": "uuid"}, "naam": {"type": "string"}, "soort": {"type": "string"},
            "afstand": {"type": "integer"}, "pad": {"type": "array", "items": {"type": "string", "format": "uuid"}},
            "bedrijfskritisch": {"type": "boolean"}, "persoonsgegevens": {"type": "boolean"}}}},
        "aantal": {"type": "integer"}}}));
    schemas.insert("Scope".into(), json!({"type": "object", "required": ["grensoverschrijdend", "persoonsgegevensNaarPartner", "aantal"], "properties": {
        "domeinen": {"type": "array", "items": {"type": "string"}},
        "uitbesteed": {"type": "integer"},
        "grensoverschrijdend": {"type": "array", "items": {"type": "object", "properties": {
            "van": element, "naar": element, "soort": {"type": "string"}, "relatieId": {"type": "string", "format": "uuid"}}}},
        "persoonsgegevensNaarPartner": {"type": "array", "items": element},
        "afhankelijkBehouden": {"type": "array", "items": element},
        "aantal": {"type": "integer"}}}));
    let amount = json!({"oneOf": [{"type": "number", "minimum": 0}, {"type": "object", "required": ["min", "waarschijnlijk", "max"], "properties": {
        "min": {"type": "number"}, "waarschijnlijk": {"type": "number"}, "max": {"type": "number"}}}]});
    let cost = json!({"type": "object", "required": ["naam", "bedragPerJaar"], "properties": {
        "naam": {"type": "string"}, "bedragPerJaar": amount, "indexatie": {"type": "number"},
        "vanaf": {"type": "integer"}, "tot": {"type": "integer"}}});
    let once = json!({"type": "object", "required": ["naam", "jaar", "bedrag"], "properties": {
        "naam": {"type": "string"}, "jaar": {"type": "integer"}, "bedrag": amount}});
    schemas.insert("BusinesscaseInvoer".into(), json!({"type": "object", "required": ["naam", "startjaar", "looptijdJaren"],
        "description": "De structuur van het TOML-bestand dat `regisseur business-case` leest (REFERENCE.md §4).",
        "properties": {
        "naam": {"type": "string"}, "startjaar": {"type": "integer"}, "looptijdJaren": {"type": "integer", "minimum": 1, "maximum": 50},
        "discontovoet": {"type": "number", "default": 0.0225}, "omslagrente": {"type": "number", "default": 0.02},
        "afschrijvingStart": {"type": "string", "enum": ["volgend-jaar", "zelfde-jaar"]},
        "bestaandeActiva": {"type": "array", "items": {"type": "object", "properties": {
            "naam": {"type": "string"}, "boekwaarde": {"type": "number"}, "resterendeJaren": {"type": "integer"}}}},
        "eigenBeheer": {"type": "object", "properties": {
            "kosten": {"type": "array", "items": cost},
            "investeringen": {"type": "array", "items": {"type": "object", "properties": {
                "naam": {"type": "string"}, "jaar": {"type": "integer"}, "bedrag": amount, "afschrijvingsjaren": {"type": "integer"},
                "restwaarde": {"type": "number"}, "herhalen": {"type": "boolean"}}}},
            "eenmalig": {"type": "array", "items": once}}},
        "uitbesteed": {"type": "object", "properties": {
            "regiePercentage": {"type": "number", "default": 0.04},
            "kosten": {"type": "array", "items": cost},
            "eenmalig": {"type": "array", "items": once}}}}}));
    let scenario = json!({"type": "object", "properties": {
        "kapitaallasten": {"type": "number"}, "exploitatielasten": {"type": "number"}, "totaal": {"type": "number"},
        "kasstroom": {"type": "number"}, "opbouw": {"type": "object", "additionalProperties": {"type": "number"}}}});
    schemas.insert("Businesscase".into(), json!({"type": "object", "required": ["id", "versie", "invoer", "uitkomst"], "properties": {
        "id": {"type": "string", "format": "uuid"}, "versie": {"type": "integer"},
        "gewijzigdOp": {"type": "string", "format": "date-time"}, "gewijzigdDoor": {"type": "string"},
        "invoer": {"$ref": "#/components/schemas/BusinesscaseInvoer"},
        "uitkomst": {"type": "object", "properties": {
            "jaren": {"type": "array", "items": {"type": "object", "properties": {
                "jaar": {"type": "integer"}, "eigenBeheer": scenario, "uitbesteed": scenario}}},
            "ncwEigenBeheer": {"type": "number"}, "ncwUitbesteed": {"type": "number"}, "ncwVerschil": {"type": "number"},
            "terugverdienjaar": {"type": ["integer", "null"]},
            "monteCarlo": {"type": "object", "properties": {"runs": {"type": "integer"}, "seed": {"type": "integer"},
                "p10": {"type": "number"}, "p50": {"type": "number"}, "p90": {"type": "number"}, "kansGoedkoper": {"type": "number"}}},
            "tornado": {"type": "array", "items": {"type": "object", "properties": {
                "invoer": {"type": "string"}, "laag": {"type": "number"}, "hoog": {"type": "number"}}}}}}}}));
    schemas.insert("Aanbestedingsroute".into(), json!({"type": "object", "required": ["geraamdeWaarde", "drempel", "europees", "procedures", "advies", "motivering", "planning"], "properties": {
        "geraamdeWaarde": {"type": "number"}, "waardeBerekening": {"type": "string"}, "drempel": {"type": "number"}, "europees": {"type": "boolean"},
        "procedures": {"type": "array", "items": {"type": "object", "properties": {"procedure": {"type": "string"}, "naam": {"type": "string"}, "toegestaan": {"type": "boolean"}, "grond": {"type": "string"}}}},
        "advies": {"type": "string"}, "motivering": {"type": "string"},
        "bestValue": {"type": "object"}, "marktconsultatie": {"type": "object"},
        "planning": {"type": "array", "items": {"type": "object", "properties": {"stap": {"type": "string"}, "naam": {"type": "string"}, "datum": {"type": "string", "format": "date"}, "grondslag": {"type": "string"}}}},
        "waarschuwingen": {"type": "array", "items": {"type": "string"}}}}));
    schemas.insert("Probleem".into(), json!({"type": "object", "required": ["status", "title"], "properties": {
        "type": {"type": "string"}, "status": {"type": "integer"}, "title": {"type": "string"}, "detail": {"type": "string"},
        "invalidParams": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "reason": {"type": "string"}}}}}}));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Regisseur API",
            "version": API_VERSION,
            "description": "Het landschapsregister van een gemeente: applicaties, componenten, gegevensverzamelingen, leveranciers, contracten, koppelingen, relaties en personen.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
            "contact": {"name": contact.name, "email": contact.email, "url": contact.url}
        },
        "servers": [{"url": BASE, "description": "Deze installatie"}],
        "security": [{"bearer": []}, {"sessie": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "headers": {"API-Version": {"description": "De versie van de API", "schema": {"type": "string", "example": API_VERSION}}},
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "Persoonlijk API-token (regisseur token create)"},
                "sessie": {"type": "apiKey", "in": "cookie", "name": crate::kit::auth::SESSION_COOKIE}
            }
        }
    })
}

/// Every route of the table is in the document, with its method.
pub fn missing_routes(document: &Value) -> Vec<String> {
    api_routes()
        .into_iter()
        .filter(|r| {
            document["paths"][documented_path(&r.path)][r.method.as_str().to_lowercase()].is_null()
        })
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_documented() {
        let doc = document(&Contact::default());
        assert!(
            missing_routes(&doc).is_empty(),
            "{:?}",
            missing_routes(&doc)
        );
        assert_eq!(doc["openapi"], "3.1.0");
        assert_eq!(doc["servers"][0]["url"], "/api/v1");
        for field in ["name", "email", "url"] {
            assert!(doc["info"]["contact"][field].is_string(), "{field}");
        }
        let paths = doc["paths"].as_object().map_or(0, Map::len);
        let confirmable = regisseur_domain::quality::CONFIRMABLE.len();
        assert_eq!(
            paths,
            20 + 2
                + regisseur_domain::transition::ItemKind::ALL.len() * 2
                + EntityKind::ALL.len() * 2
                + confirmable
        );
        assert!(
            doc["paths"]["/organisaties/{slug}/applicaties"]["get"]["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["name"] == "levenscyclus"))
        );
    }
}
