//! Gemeente Voorbeeld: a realistic demo municipality of about 40,000 inhabitants, with its
//! whole IT landscape — and, as the product grows, every later stage filled in too.
//!
//! The landscape is kept as readable text tables next to this file (one line per element,
//! fields separated by `|`), so that people who know municipalities can check and extend it.
//! Everything is loaded through the store in one transaction, validated like any other input.

mod regie;
mod tenders;
mod transition;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use regisseur_domain::access::Role;
use regisseur_domain::goals::Goal;
use regisseur_domain::landscape::EntityKind;
use regisseur_domain::landscape::{InputMode, Record, validate};
use regisseur_domain::organisation::NewOrganisation;
use regisseur_domain::readiness::AnswerInput;
use regisseur_domain::sourcing::{DomainChoice, ServiceDomain, Sourcing};
use regisseur_domain::values::Email;
use regisseur_store::{Actor, NewElement, Organisation, Store, StoreError};
use serde_json::{Map, Value};
use std::collections::HashMap;
use uuid::Uuid;

pub const SLUG: &str = "voorbeeld";
pub const NAME: &str = "Gemeente Voorbeeld";
/// The password of every demo account. Demo only: printed at start and in the README.
pub const PASSWORD: &str = "regisseur-demo";
/// The supplier whose account manager has the `leverancier` demo account.
pub const DEMO_SUPPLIER: &str = "Centric Netherlands B.V.";

const SUPPLIERS: &str = include_str!("suppliers.txt");
const PEOPLE: &str = include_str!("people.txt");
const CONTRACTS: &str = include_str!("contracts.txt");
const COMPONENTS: &str = include_str!("components.txt");
const APPLICATIONS: &str = include_str!("applications.txt");
const DATA_SETS: &str = include_str!("datasets.txt");
const INTERFACES: &str = include_str!("interfaces.txt");
const MODEL: &str = include_str!("model.txt");
const INFRASTRUCTURE: &str = include_str!("infrastructure.txt");
const GOALS: &str = include_str!("goals.txt");
const DOMAINS: &str = include_str!("domains.txt");
const READINESS: &str = include_str!("readiness.txt");
/// The business cases, as the TOML files `regisseur business-case` reads.
const BUSINESS_CASES: [(&str, &str); 3] = [
    (
        "businesscases/hosting-en-servicedesk.toml",
        include_str!("businesscases/hosting-en-servicedesk.toml"),
    ),
    (
        "businesscases/alleen-hosting.toml",
        include_str!("businesscases/alleen-hosting.toml"),
    ),
    (
        "businesscases/soc-dienst.toml",
        include_str!("businesscases/soc-dienst.toml"),
    ),
];

/// The demo's business cases, read and checked like an uploaded file.
pub fn business_cases() -> Result<Vec<regisseur_domain::business_case::Input>, DemoError> {
    BUSINESS_CASES
        .iter()
        .map(|(file, text)| {
            regisseur_interchange::business_case::read_toml(text, regisseur_domain::Lang::En)
                .map_err(|problems| DemoError::Data {
                    file,
                    line: problems.first().and_then(|p| p.line).unwrap_or(0),
                    message: problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                })
        })
        .collect()
}
/// The contract manager, owner of every contract.
const CONTRACT_OWNER: &str = "Mirjam de Boer";
/// The system administrator, owner of the infrastructure in use.
const INFRASTRUCTURE_OWNER: &str = "Bart Timmermans";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo data, {file} line {line}: {message}")]
    Data {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The demo accounts, one per role: `<role>@voorbeeld.nl`.
pub fn demo_users() -> Vec<(String, Role)> {
    Role::ALL
        .iter()
        .map(|r| (format!("{}@voorbeeld.nl", r.code()), *r))
        .collect()
}

struct Table {
    file: &'static str,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn parse(file: &'static str, text: &'static str, columns: usize) -> Result<Table, DemoError> {
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<String> = line.split('|').map(|c| c.trim().to_string()).collect();
            if cells.len() != columns {
                return Err(DemoError::Data {
                    file,
                    line: i + 1,
                    message: format!("{} columns instead of {columns}", cells.len()),
                });
            }
            rows.push((i + 1, cells));
        }
        Ok(Table { file, rows })
    }
}

/// Builds the inputs in dependency order, with ids assigned up front so that later elements
/// refer to earlier ones by name.
struct Builder {
    inputs: Vec<NewElement>,
    ids: Ids,
}

/// The id of every element of the demo by its kind and name.
type Ids = HashMap<(EntityKind, String), Uuid>;

fn text(map: &mut Map<String, Value>, field: &str, value: &str) {
    if !value.is_empty() && value != "-" {
        map.insert(field.into(), Value::from(value));
    }
}

fn flag(map: &mut Map<String, Value>, field: &str, value: &str) {
    match value {
        "j" => {
            map.insert(field.into(), Value::Bool(true));
        }
        "n" => {
            map.insert(field.into(), Value::Bool(false));
        }
        _ => {}
    }
}

impl Builder {
    fn add(&mut self, kind: EntityKind, key: &str, fields: Map<String, Value>) -> Uuid {
        let id = Uuid::now_v7();
        self.ids.insert((kind, key.to_string()), id);
        self.inputs.push((id, kind, fields));
        id
    }

    fn reference(
        &self,
        table: &Table,
        line: usize,
        kind: EntityKind,
        name: &str,
    ) -> Result<Option<String>, DemoError> {
        if name.is_empty() || name == "-" {
            return Ok(None);
        }
        self.ids
            .get(&(kind, name.to_string()))
            .map(|id| Some(id.to_string()))
            .ok_or_else(|| DemoError::Data {
                file: table.file,
                line,
                message: format!("no {} named '{name}'", kind.code()),
            })
    }

    fn set_ref(
        &self,
        map: &mut Map<String, Value>,
        field: &str,
        table: &Table,
        line: usize,
        kind: EntityKind,
        name: &str,
    ) -> Result<(), DemoError> {
        if let Some(id) = self.reference(table, line, kind, name)? {
            map.insert(field.into(), Value::from(id));
        }
        Ok(())
    }

    fn money(table: &Table, line: usize, euros: &str) -> Result<Option<i64>, DemoError> {
        if euros.is_empty() {
            return Ok(None);
        }
        euros
            .parse::<i64>()
            .map(|e| Some(e * 100))
            .map_err(|_| DemoError::Data {
                file: table.file,
                line,
                message: format!("not an amount: {euros}"),
            })
    }

    /// A field of an element added earlier.
    fn field(&self, id: Uuid, field: &str) -> Option<Value> {
        self.inputs
            .iter()
            .find(|(i, _, _)| *i == id)
            .and_then(|(_, _, fields)| fields.get(field).cloned())
    }

    fn relation(&mut self, kind: &str, from: Uuid, to: Uuid) {
        let mut fields = Map::new();
        fields.insert("soort".into(), Value::from(kind));
        fields.insert("bronId".into(), Value::from(from.to_string()));
        fields.insert("doelId".into(), Value::from(to.to_string()));
        self.add(EntityKind::Relation, &format!("{kind}:{from}:{to}"), fields);
    }
}

/// Every element of the demo landscape, in an order in which each refers only to earlier ones,
/// with its dates moved to the day the demo is built for; and the ids by kind and name.
fn landscape(shift: &Shift) -> Result<(Vec<NewElement>, Ids), DemoError> {
    let catalog = regisseur_domain::reference::ReferenceCatalog::gemma();
    let mut b = Builder {
        inputs: Vec::new(),
        ids: HashMap::new(),
    };

    let suppliers = Table::parse("suppliers.txt", SUPPLIERS, 5)?;
    for (_, c) in &suppliers.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        text(&mut f, "kvkNummer", &c[1]);
        text(&mut f, "land", &c[2]);
        text(&mut f, "contactpersoon", &c[3]);
        text(&mut f, "email", &c[4]);
        b.add(EntityKind::Supplier, &c[0], f);
    }
    let people = Table::parse("people.txt", PEOPLE, 4)?;
    for (_, c) in &people.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        text(&mut f, "functie", &c[1]);
        text(&mut f, "afdeling", &c[2]);
        text(&mut f, "email", &c[3]);
        b.add(EntityKind::Person, &c[0], f);
    }
    let contracts = Table::parse("contracts.txt", CONTRACTS, 13)?;
    for (line, c) in &contracts.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        b.set_ref(
            &mut f,
            "leverancierId",
            &contracts,
            *line,
            EntityKind::Supplier,
            &c[1],
        )?;
        text(&mut f, "contractnummer", &c[2]);
        text(&mut f, "startdatum", &shift.date(&contracts, *line, &c[3])?);
        text(&mut f, "einddatum", &shift.date(&contracts, *line, &c[4])?);
        if let Ok(months) = c[5].parse::<i64>() {
            f.insert("opzegtermijnMaanden".into(), Value::from(months));
        }
        if let Some(cents) = Builder::money(&contracts, *line, &c[6])? {
            f.insert("jaarwaardeCenten".into(), Value::from(cents));
        }
        flag(&mut f, "gibitToegepast", &c[7]);
        flag(&mut f, "exitplan", &c[8]);
        flag(&mut f, "auditrecht", &c[9]);
        flag(&mut f, "assuranceVereist", &c[10]);
        text(
            &mut f,
            "assuranceLaatstOntvangen",
            &shift.date(&contracts, *line, &c[11])?,
        );
        flag(&mut f, "slaAanwezig", &c[12]);
        b.set_ref(
            &mut f,
            "eigenaarId",
            &contracts,
            *line,
            EntityKind::Person,
            CONTRACT_OWNER,
        )?;
        b.add(EntityKind::Contract, &c[0], f);
    }
    let components = Table::parse("components.txt", COMPONENTS, 6)?;
    for (line, c) in &components.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        text(&mut f, "soort", &c[1]);
        b.set_ref(
            &mut f,
            "leverancierId",
            &components,
            *line,
            EntityKind::Supplier,
            &c[2],
        )?;
        text(&mut f, "levenscyclus", &c[3]);
        text(
            &mut f,
            "eindeOndersteuning",
            &shift.date(&components, *line, &c[4])?,
        );
        text(&mut f, "locatie", &c[5]);
        // What is being phased out has lost its owner: nobody feels responsible any more.
        if !matches!(c[3].as_str(), "uitfasering" | "uitgefaseerd") {
            b.set_ref(
                &mut f,
                "eigenaarId",
                &components,
                *line,
                EntityKind::Person,
                INFRASTRUCTURE_OWNER,
            )?;
        }
        b.add(EntityKind::Component, &c[0], f);
    }
    let infrastructure = Table::parse("infrastructure.txt", INFRASTRUCTURE, 2)?;
    for (line, c) in &infrastructure.rows {
        let from = b.reference(&infrastructure, *line, EntityKind::Component, &c[0])?;
        let to = b.reference(&infrastructure, *line, EntityKind::Component, &c[1])?;
        if let (Some(from), Some(to)) = (from, to)
            && let (Ok(from), Ok(to)) = (Uuid::parse_str(&from), Uuid::parse_str(&to))
        {
            b.relation("draait-op", from, to);
        }
    }
    let applications = Table::parse("applications.txt", APPLICATIONS, 15)?;
    let mut runs_on = Vec::new();
    for (line, c) in &applications.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        text(&mut f, "softwareversie", &c[1]);
        let mut components = Vec::new();
        for name in c[2].split(';').map(str::trim).filter(|n| !n.is_empty()) {
            let component = catalog.by_name(name).ok_or_else(|| DemoError::Data {
                file: applications.file,
                line: *line,
                message: format!("no GEMMA reference component '{name}'"),
            })?;
            components.push(Value::from(component.id.clone()));
        }
        if !components.is_empty() {
            f.insert("referentiecomponentIds".into(), Value::Array(components));
        }
        b.set_ref(
            &mut f,
            "leverancierId",
            &applications,
            *line,
            EntityKind::Supplier,
            &c[3],
        )?;
        b.set_ref(
            &mut f,
            "contractId",
            &applications,
            *line,
            EntityKind::Contract,
            &c[4],
        )?;
        text(&mut f, "levenscyclus", &c[5]);
        text(&mut f, "hosting", &c[6]);
        flag(&mut f, "bedrijfskritisch", &c[7]);
        let levels: Vec<&str> = c[8].split('-').collect();
        if let [b_, i, v] = levels.as_slice() {
            for (field, level) in [
                ("beschikbaarheid", b_),
                ("integriteit", i),
                ("vertrouwelijkheid", v),
            ] {
                if let Ok(n) = level.parse::<i64>() {
                    f.insert(field.into(), Value::from(n));
                }
            }
        }
        flag(&mut f, "persoonsgegevens", &c[9]);
        if let Some(cents) = Builder::money(&applications, *line, &c[10])? {
            f.insert("jaarkostenCenten".into(), Value::from(cents));
        }
        b.set_ref(
            &mut f,
            "eigenaarId",
            &applications,
            *line,
            EntityKind::Person,
            &c[11],
        )?;
        b.set_ref(
            &mut f,
            "functioneelBeheerderId",
            &applications,
            *line,
            EntityKind::Person,
            &c[12],
        )?;
        b.set_ref(
            &mut f,
            "technischBeheerderId",
            &applications,
            *line,
            EntityKind::Person,
            &c[13],
        )?;
        let app = b.add(EntityKind::Application, &c[0], f);
        for name in c[14].split(';').map(str::trim).filter(|n| !n.is_empty()) {
            runs_on.push((*line, app, name.to_string()));
        }
    }
    for (line, app, component) in runs_on {
        let id = b.reference(&applications, line, EntityKind::Component, &component)?;
        if let Some(id) = id.and_then(|s| Uuid::parse_str(&s).ok()) {
            b.relation("draait-op", app, id);
        }
    }
    let data_sets = Table::parse("datasets.txt", DATA_SETS, 13)?;
    for (line, c) in &data_sets.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        text(&mut f, "doel", &c[1]);
        text(&mut f, "categorieenPersoonsgegevens", &c[2]);
        flag(&mut f, "bijzonderePersoonsgegevens", &c[3]);
        text(&mut f, "grondslag", &c[4]);
        text(&mut f, "bewaartermijn", &c[5]);
        text(&mut f, "opslaglocatie", &c[6]);
        b.set_ref(
            &mut f,
            "verwerkerId",
            &data_sets,
            *line,
            EntityKind::Supplier,
            &c[7],
        )?;
        let mut subs = Vec::new();
        for name in c[8].split(';').map(str::trim).filter(|n| !n.is_empty()) {
            if let Some(id) = b.reference(&data_sets, *line, EntityKind::Supplier, name)? {
                subs.push(Value::from(id));
            }
        }
        if !subs.is_empty() {
            f.insert("subverwerkerIds".into(), Value::Array(subs));
        }
        flag(&mut f, "verwerkersovereenkomst", &c[9]);
        text(
            &mut f,
            "verwerkersovereenkomstDatum",
            &shift.date(&data_sets, *line, &c[10])?,
        );
        flag(&mut f, "dpiaUitgevoerd", &c[11]);
        let personal = !c[2].is_empty() || c[3] == "j";
        f.insert("persoonsgegevens".into(), Value::Bool(personal));
        let mut stored_in = Vec::new();
        for name in c[12].split(';').map(str::trim).filter(|n| !n.is_empty()) {
            if let Some(app) = b
                .reference(&data_sets, *line, EntityKind::Application, name)?
                .and_then(|s| Uuid::parse_str(&s).ok())
            {
                stored_in.push(app);
            }
        }
        // The data owner is the owner of the process: of the first application storing it.
        if let Some(owner) = stored_in
            .first()
            .and_then(|app| b.field(*app, "eigenaarId"))
        {
            f.insert("eigenaarId".into(), owner);
        }
        let data_set = b.add(EntityKind::DataSet, &c[0], f);
        for app in stored_in {
            b.relation("slaat-op", app, data_set);
        }
    }
    let interfaces = Table::parse("interfaces.txt", INTERFACES, 5)?;
    for (line, c) in &interfaces.rows {
        let mut f = Map::new();
        b.set_ref(
            &mut f,
            "vanApplicatieId",
            &interfaces,
            *line,
            EntityKind::Application,
            &c[0],
        )?;
        b.set_ref(
            &mut f,
            "naarApplicatieId",
            &interfaces,
            *line,
            EntityKind::Application,
            &c[1],
        )?;
        text(&mut f, "standaard", &c[2]);
        text(&mut f, "frequentie", &c[3]);
        text(&mut f, "omschrijving", &c[4]);
        b.add(
            EntityKind::Interface,
            &format!("{}→{}:{line}", c[0], c[1]),
            f,
        );
    }
    let model = Table::parse("model.txt", MODEL, 4)?;
    for (line, c) in &model.rows {
        let mut f = Map::new();
        text(&mut f, "naam", &c[0]);
        text(&mut f, "archimateType", &c[1]);
        text(&mut f, "omschrijving", &c[2]);
        let element = b.add(EntityKind::ModelElement, &c[0], f);
        for name in c[3].split(';').map(str::trim).filter(|n| !n.is_empty()) {
            if let Some(app) = b
                .reference(&model, *line, EntityKind::Application, name)?
                .and_then(|s| Uuid::parse_str(&s).ok())
            {
                b.relation("gebruikt", element, app);
            }
        }
    }
    // The people the goals and services serve, and what the municipality wants.
    let pairs = [
        ("Inwoners", "Digitaal loket inwoners", "gebruikt"),
        (
            "Cloud first, tenzij",
            "Regie op leveranciers versterken",
            "invloed",
        ),
        (
            "Aanvragen reisdocument behandelen",
            "Dienstverlening Burgerzaken",
            "realisatie",
        ),
    ];
    for (from, to, kind) in pairs {
        let id = |name: &str| {
            b.reference(&model, 0, EntityKind::ModelElement, name)
                .map(|id| id.and_then(|s| Uuid::parse_str(&s).ok()))
        };
        if let (Some(from), Some(to)) = (id(from)?, id(to)?) {
            b.relation(kind, from, to);
        }
    }
    Ok((b.inputs, b.ids))
}

/// Which elements their owners confirmed, and how many days ago: most within the last ten
/// months, some more than a year ago (expired), some never — a register kept up, not perfectly.
fn confirmations_to_make(inputs: &[NewElement]) -> Vec<(Uuid, String, u64)> {
    let emails: HashMap<String, String> = inputs
        .iter()
        .filter(|(_, kind, _)| *kind == EntityKind::Person)
        .filter_map(|(id, _, f)| {
            f.get("email")
                .and_then(Value::as_str)
                .map(|e| (id.to_string(), e.to_string()))
        })
        .collect();
    inputs
        .iter()
        .filter(|(_, kind, _)| regisseur_domain::quality::CONFIRMABLE.contains(kind))
        .filter_map(|(id, _, f)| {
            let owner = f.get("eigenaarId").and_then(Value::as_str)?;
            emails.get(owner).map(|email| (*id, email.clone()))
        })
        .enumerate()
        .filter(|(i, _)| i % 6 != 0)
        .map(|(i, (id, email))| {
            let days_ago = if i % 9 == 0 {
                380 + (i as u64 % 60)
            } else {
                5 + (i as u64 * 37) % 300
            };
            (id, email, days_ago)
        })
        .collect()
}

pub(crate) fn data_error(file: &'static str, line: usize, message: impl Into<String>) -> DemoError {
    DemoError::Data {
        file,
        line,
        message: message.into(),
    }
}

/// Koers and Gereedheid: the goals with their KPIs, the sourcing choice per service domain, the
/// readiness assessment finalised half a year ago and the one being answered now.
struct Koers {
    goals: Vec<Goal>,
    domains: Vec<DomainChoice>,
    previous: Vec<AnswerInput>,
    previous_finalised: DateTime<Utc>,
    /// Each answer with who gave it.
    current: Vec<(AnswerInput, String)>,
}

fn koers(shift: &Shift, now: DateTime<Utc>) -> Result<Koers, DemoError> {
    let goals = Table::parse("goals.txt", GOALS, 9)?;
    let mut grouped: Vec<(usize, String, Value)> = Vec::new();
    for (line, c) in &goals.rows {
        let kpi = serde_json::json!({"meting": c[3], "eenheid": c[4], "nulwaarde": c[5],
            "nulmetingDatum": shift.date(&goals, *line, &c[6])?, "streefwaarde": c[7],
            "streefdatum": shift.date(&goals, *line, &c[8])?});
        match grouped.iter_mut().find(|(_, title, _)| *title == c[0]) {
            Some((_, _, goal)) => {
                if let Some(kpis) = goal["kpis"].as_array_mut() {
                    kpis.push(kpi);
                }
            }
            None => {
                let domains: Vec<&str> = c[1].split(';').map(str::trim).collect();
                grouped.push((
                    *line,
                    c[0].clone(),
                    serde_json::json!({"titel": c[0], "domeinen": domains, "motivering": c[2], "kpis": [kpi]}),
                ));
            }
        }
    }
    let goals = grouped
        .into_iter()
        .map(|(line, _, value)| {
            Goal::parse(&value).map_err(|e| data_error("goals.txt", line, e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let table = Table::parse("domains.txt", DOMAINS, 4)?;
    let mut domains = Vec::new();
    for (line, c) in &table.rows {
        let bad = |what: &str| data_error("domains.txt", *line, format!("unknown {what}"));
        domains.push(DomainChoice {
            domain: ServiceDomain::parse(&c[0]).ok_or_else(|| bad("domain"))?,
            current: Sourcing::parse(&c[1]).ok_or_else(|| bad("sourcing"))?,
            intended: Sourcing::parse(&c[2]).ok_or_else(|| bad("sourcing"))?,
            rationale: c[3].clone(),
        });
    }
    let answers = Table::parse("readiness.txt", READINESS, 6)?;
    let answer = |line: usize, id: &str, level: &str, note: &str, evidence: &str| {
        AnswerInput::parse(id, level, note, evidence)
            .map_err(|e| data_error("readiness.txt", line, e.to_string()))
    };
    let mut previous = Vec::new();
    let mut current = Vec::new();
    for (line, c) in &answers.rows {
        previous.push(answer(*line, &c[0], &c[1], "", "")?);
        current.push((answer(*line, &c[0], &c[2], &c[3], &c[4])?, c[5].clone()));
    }
    Ok(Koers {
        goals,
        domains,
        previous,
        previous_finalised: now
            .checked_sub_months(chrono::Months::new(6))
            .unwrap_or(now),
        current,
    })
}

impl Koers {
    async fn load(&self, store: &Store, organisation: Uuid) -> Result<(), DemoError> {
        let manager = Actor {
            user_id: None,
            email: "r.vermeulen@voorbeeld.nl".into(),
        };
        for goal in &self.goals {
            store.create_goal(&manager, organisation, goal).await?;
        }
        for choice in &self.domains {
            store
                .set_domain_choice(&manager, organisation, choice)
                .await?;
        }
        let previous = store.start_assessment(&manager, organisation).await?;
        for input in &self.previous {
            store
                .save_answer(&manager, organisation, previous.id, input)
                .await?;
        }
        store
            .finalise_assessment(&manager, organisation, previous.id, self.previous_finalised)
            .await?;
        let current = store.start_assessment(&manager, organisation).await?;
        for (input, email) in &self.current {
            let who = Actor {
                user_id: None,
                email: email.clone(),
            };
            store
                .save_answer(&who, organisation, current.id, input)
                .await?;
        }
        Ok(())
    }
}

/// The day the demo's tables are written for. On any other day every date in them moves by as
/// many days (and the business cases' years by as many whole years), so the demo tells the same
/// story on every day: the same contracts near their notice date, the same late assurance
/// reports, the same findings.
pub const REFERENCE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 7) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

/// How far the demo's written dates move to the day it is built for.
#[derive(Debug, Clone, Copy)]
struct Shift {
    days: i64,
    years: i32,
}

impl Shift {
    fn to(today: NaiveDate) -> Shift {
        let mut years = today.year() - REFERENCE_DAY.year();
        // Whole years: the anniversary of the reference day must have passed.
        if (today.month(), today.day()) < (REFERENCE_DAY.month(), REFERENCE_DAY.day()) {
            years -= 1;
        }
        Shift {
            days: (today - REFERENCE_DAY).num_days(),
            years,
        }
    }

    /// A date of a table (`2027-12-31`, or empty), moved.
    fn date(&self, table: &Table, line: usize, text: &str) -> Result<String, DemoError> {
        if text.is_empty() || text == "-" {
            return Ok(String::new());
        }
        let day = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| data_error(table.file, line, format!("not a date: {text}")))?;
        day.checked_add_signed(chrono::Duration::days(self.days))
            .map(|d| d.to_string())
            .ok_or_else(|| data_error(table.file, line, format!("{text} cannot be moved")))
    }
}

/// Gemeente Voorbeeld as of one day, planned whole and checked as the store checks it before
/// anything is written: every element, every reference, the goals, the answers, the business
/// cases, the contract's direction and the transition plan.
pub struct Demo {
    today: NaiveDate,
    now: DateTime<Utc>,
    elements: Vec<NewElement>,
    confirmations: Vec<(Uuid, String, NaiveDate)>,
    koers: Koers,
    business_cases: Vec<regisseur_domain::business_case::Input>,
    supplier: Option<Uuid>,
    contract: Uuid,
    regie: regie::Regie,
    transition_plan: regisseur_domain::transition::plan::Plan,
}

/// What the demo shows on its day: the findings per rule, the director's agenda and the SLA.
/// The same on every day is what "the demo does not age" means.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// How many findings each rule has, by rule code.
    pub findings: std::collections::BTreeMap<&'static str, usize>,
    /// The Burgerzaken contract's agenda: overdue and due within 90 days, by kind.
    pub overdue: Vec<&'static str>,
    pub upcoming: Vec<&'static str>,
    /// Per month of the SLA report whether every norm was met, and the months with credit.
    pub sla_met: Vec<bool>,
    pub chronic: Vec<String>,
    /// The transition plan's warnings and its late milestones.
    pub plan_warnings: usize,
}

/// Plans the demo for `today` without a database; every problem is named with its file.
pub fn build(today: NaiveDate) -> Result<Demo, DemoError> {
    // The demo's moment is the start of its day: never after the real now on today's date, so
    // this week's changes to the transition are in the past too. The clock is not read here.
    let now = today.and_time(chrono::NaiveTime::MIN).and_utc();
    let shift = Shift::to(today);
    let (elements, ids) = landscape(&shift)?;
    check_landscape(&elements)?;
    let supplier = ids
        .get(&(EntityKind::Supplier, DEMO_SUPPLIER.to_string()))
        .copied();
    let contract = ids
        .get(&(EntityKind::Contract, regie::CONTRACT.to_string()))
        .copied()
        .ok_or_else(|| data_error("regie.rs", 0, "the Burgerzaken contract is missing"))?;
    let confirmations = confirmations_to_make(&elements)
        .into_iter()
        .map(|(id, email, days_ago)| (id, email, today - chrono::Days::new(days_ago)))
        .collect();
    let business_cases = business_cases()?
        .into_iter()
        .map(|case| case.moved_by_years(shift.years))
        .collect::<Vec<_>>();
    for case in &business_cases {
        case.check()
            .map_err(|e| data_error("businesscases", 0, format!("{}: {e}", case.naam)))?;
    }
    Ok(Demo {
        today,
        now,
        koers: koers(&shift, now)?,
        elements,
        confirmations,
        business_cases,
        supplier,
        contract,
        regie: regie::plan(today)?,
        transition_plan: transition::plan(today)?,
    })
}

/// Every element as the store validates it, and every reference to an element of the demo of
/// the kind the field asks for.
fn check_landscape(elements: &[NewElement]) -> Result<(), DemoError> {
    let catalog = regisseur_domain::reference::ReferenceCatalog::gemma();
    let kinds: HashMap<Uuid, EntityKind> = elements.iter().map(|(id, k, _)| (*id, *k)).collect();
    for (_, kind, fields) in elements {
        let name = fields.get("naam").and_then(Value::as_str).unwrap_or("");
        let (record, errors) = validate(*kind, fields, InputMode::Api, &|id| catalog.contains(id));
        if !errors.is_empty() {
            return Err(data_error(
                "lib.rs",
                0,
                format!("{} '{name}': {errors}", kind.code()),
            ));
        }
        for reference in record.references() {
            let found = kinds.get(&reference.target);
            if found.is_none() || reference.expected.is_some_and(|e| found != Some(&e)) {
                return Err(data_error(
                    "lib.rs",
                    0,
                    format!(
                        "{} '{name}': {} refers to nothing",
                        kind.code(),
                        reference.field
                    ),
                ));
            }
        }
    }
    Ok(())
}

impl Demo {
    /// The day the demo is built for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The register as the store would hold it after loading the demo: every element at its
    /// first version, in the order they are written.
    pub fn register(&self) -> Vec<regisseur_domain::landscape::Existing> {
        let catalog = regisseur_domain::reference::ReferenceCatalog::gemma();
        self.elements
            .iter()
            .map(|(id, kind, fields)| regisseur_domain::landscape::Existing {
                id: *id,
                version: 1,
                record: validate(*kind, fields, InputMode::Api, &|id| catalog.contains(id)).0,
            })
            .collect()
    }

    /// What the demo shows on its day (see [`Story`]).
    pub fn story(&self) -> Story {
        let catalog = regisseur_domain::reference::ReferenceCatalog::gemma();
        let records: Vec<(Uuid, Record)> = self
            .elements
            .iter()
            .map(|(id, kind, fields)| {
                let (record, _) =
                    validate(*kind, fields, InputMode::Api, &|id| catalog.contains(id));
                (*id, record)
            })
            .collect();
        let items: Vec<(Uuid, &Record)> = records.iter().map(|(id, r)| (*id, r)).collect();
        let goals: Vec<(Uuid, &Goal)> = self.koers.goals.iter().map(|g| (Uuid::nil(), g)).collect();
        let confirmations: HashMap<Uuid, NaiveDate> = self
            .confirmations
            .iter()
            .map(|(id, _, on)| (*id, *on))
            .collect();
        let report = regisseur_domain::quality::check(
            &items,
            &goals,
            &confirmations,
            catalog,
            &regisseur_domain::quality::Settings::default(),
            self.today,
        );
        let mut findings = std::collections::BTreeMap::new();
        for f in &report.findings {
            *findings.entry(f.rule.code()).or_insert(0) += 1;
        }
        let contract = records.iter().find(|(id, _)| *id == self.contract);
        let end = contract
            .and_then(|(_, r)| r.text("einddatum"))
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok());
        let months = contract
            .and_then(|(_, r)| r.get("opzegtermijnMaanden"))
            .and_then(Value::as_u64)
            .and_then(|m| u32::try_from(m).ok())
            .unwrap_or(0);
        use regisseur_domain::regie::obligations::{agenda, contract_items};
        let a = agenda(
            contract_items(
                self.contract,
                regie::CONTRACT,
                end,
                months,
                None,
                self.regie.obligations(),
                regisseur_domain::Lang::Nl,
            ),
            self.today,
            90,
        );
        let sla = self.regie.sla_report();
        let policy = regisseur_domain::procurement::route::PolicyThresholds::default();
        let dossier = regisseur_domain::transition::Dossier {
            plan: self.transition_plan.clone(),
            ..Default::default()
        };
        Story {
            findings,
            overdue: a.overdue.iter().map(|i| i.kind.code()).collect(),
            upcoming: a.upcoming.iter().map(|i| i.kind.code()).collect(),
            sla_met: sla
                .as_ref()
                .map(|s| {
                    s.months
                        .iter()
                        .map(|m| m.norms.iter().all(|n| n.met))
                        .collect()
                })
                .unwrap_or_default(),
            chronic: sla.map(|s| s.chronic).unwrap_or_default(),
            plan_warnings: dossier.warnings(policy, regisseur_domain::Lang::Nl).len(),
        }
    }

    /// Writes Gemeente Voorbeeld with its landscape and one account per role. The landscape is
    /// one transaction: a problem in the data leaves nothing half-loaded.
    pub async fn load(&self, store: &Store) -> Result<Loaded, DemoError> {
        let today = self.today;
        let new =
            NewOrganisation::parse(SLUG, NAME, Some("GM9999")).map_err(|e| DemoError::Data {
                file: "lib.rs",
                line: 0,
                message: e.to_string(),
            })?;
        let organisation = store.create_organisation(&new).await?;
        let actor = Actor {
            user_id: None,
            email: "demo".into(),
        };
        let elements = store
            .create_elements(&actor, organisation.id, self.elements.clone())
            .await?;
        for (id, owner_email, on) in &self.confirmations {
            let owner = Actor {
                user_id: None,
                email: owner_email.clone(),
            };
            store
                .confirm_element(&owner, organisation.id, *id, *on)
                .await?;
        }
        self.koers.load(store, organisation.id).await?;
        for case in &self.business_cases {
            store
                .create_business_case(&actor, organisation.id, case)
                .await?;
        }
        tenders::load(store, organisation.id).await?;
        self.regie
            .load(store, organisation.id, self.contract)
            .await?;
        transition::load(store, organisation.id, self.supplier, today, self.now).await?;
        // The score of the past year, month by month: the rules as of each day over this
        // register, with the confirmations made by then.
        for months_ago in (1..=12).rev() {
            if let Some(day) = today.checked_sub_months(chrono::Months::new(months_ago)) {
                let report = store.quality_report(organisation.id, day, None).await?;
                store
                    .record_score(organisation.id, day, &report.scores, report.findings.len())
                    .await?;
            }
        }
        for (email, role) in demo_users() {
            let email = Email::parse(&email).map_err(|p| DemoError::Data {
                file: "lib.rs",
                line: 0,
                message: p.message(regisseur_domain::Lang::En),
            })?;
            let user = match store.user_by_email(email.as_str()).await? {
                Some(user) => user,
                None => {
                    store
                        .create_user(
                            &email,
                            &format!("Demo {}", role.label(regisseur_domain::Lang::Nl)),
                            PASSWORD,
                        )
                        .await?
                }
            };
            let supplier = if role == Role::Leverancier {
                self.supplier
            } else {
                None
            };
            store
                .set_membership(user.id, organisation.id, role, supplier)
                .await?;
        }
        Ok(Loaded {
            organisation,
            elements,
        })
    }
}

/// What loading the demo created.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub organisation: Organisation,
    pub elements: usize,
}

/// Loads Gemeente Voorbeeld as of `today`: planned and checked whole first, then written.
pub async fn load(store: &Store, today: NaiveDate) -> Result<Loaded, DemoError> {
    build(today)?.load(store).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_landscape_is_large_and_consistent() {
        let (inputs, _) = landscape(&Shift::to(REFERENCE_DAY)).expect("demo data parses");
        let count = |kind: EntityKind| inputs.iter().filter(|(_, k, _)| *k == kind).count();
        assert!(
            count(EntityKind::Application) >= 120,
            "{}",
            count(EntityKind::Application)
        );
        assert!(count(EntityKind::Component) >= 40);
        assert!(count(EntityKind::DataSet) >= 30);
        assert!(count(EntityKind::Supplier) >= 25);
        assert!(count(EntityKind::Contract) >= 40);
        assert!(count(EntityKind::Interface) + count(EntityKind::Relation) >= 80);
        assert!(
            count(EntityKind::ModelElement) >= 15,
            "an architecture model to export"
        );
        let apps_with_gemma = inputs
            .iter()
            .filter(|(_, k, f)| {
                *k == EntityKind::Application && f.contains_key("referentiecomponentIds")
            })
            .count();
        assert_eq!(
            apps_with_gemma,
            count(EntityKind::Application),
            "every application maps to GEMMA"
        );
    }
}
