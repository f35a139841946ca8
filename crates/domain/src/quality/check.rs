//! What each rule checks, and the report: every finding and the scores. The register is read
//! once into a compact index (positions instead of ids, flags instead of queries), so that all
//! rules over 400,000 elements take well under a second.

use super::score::{self, AreaScore, Facts, Scores};
use super::{Area, CONFIRMABLE, RuleId, Settings, Severity};
use crate::Lang;
use crate::goals::Goal;
use crate::landscape::{EntityKind, Record, parse_date};
use crate::reference::ReferenceCatalog;
use crate::values::Country;
use chrono::{Days, Months, NaiveDate};
use std::collections::HashMap;
use uuid::Uuid;

/// What a finding says beyond its rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    None,
    /// Another element involved (supplier, processor, application).
    Name(String),
    /// The BIV aspects (field names) that are missing.
    Missing(Vec<&'static str>),
    /// BIV aspects below the baseline: field name, level, baseline.
    Below(Vec<(&'static str, u8, u8)>),
    /// The elements along a cycle, back to the first.
    Cycle(Vec<String>),
    Country(String),
    /// A date that has passed.
    Since(NaiveDate),
    /// A date still to come.
    Until(NaiveDate),
    Deadline {
        date: NaiveDate,
        days: i64,
    },
    /// The last time something happened (a confirmation, an assurance report).
    LastOn(NaiveDate),
    Never,
    /// How many of the business-critical applications, and which share.
    Share {
        count: usize,
        percent: u32,
    },
}

/// What a finding is about: an element of the register, a goal, or the organisation as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Element(EntityKind),
    Goal,
    Organisation,
}

impl Subject {
    pub fn code(self) -> &'static str {
        match self {
            Subject::Element(kind) => kind.code(),
            Subject::Goal => "doel",
            Subject::Organisation => "organisatie",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Subject::Element(kind) => kind.singular(lang),
            Subject::Goal => lang.pick("doel", "goal"),
            Subject::Organisation => lang.pick("organisatie", "organisation"),
        }
    }
}

/// One rule that one element (or goal, or the organisation) breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    /// The severity the organisation gives the rule.
    pub severity: Severity,
    /// The element's or goal's id; nil for the organisation.
    pub element: Uuid,
    pub subject: Subject,
    pub name: String,
    pub detail: Detail,
}

impl Finding {
    pub fn area(&self) -> Area {
        self.rule.rule().area
    }

    /// What is wrong with this element, in a sentence.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let date = |d: &NaiveDate| d.format("%d-%m-%Y").to_string();
        let pick = |a: String, b: String| if nl { a } else { b };
        let label = |field: &str| match self.subject {
            Subject::Element(kind) => kind
                .field(field)
                .map_or(field.to_string(), |f| f.label(lang).to_string()),
            _ => field.to_string(),
        };
        use Detail as D;
        use RuleId as R;
        match (self.rule, &self.detail) {
            (R::ApplicationWithoutOwner, _) => pick(
                "Applicatie in gebruik zonder eigenaar.".into(),
                "Application in use without an owner.".into(),
            ),
            (R::ApplicationWithoutSupplier, _) => pick(
                "Geen leverancier vastgelegd.".into(),
                "No supplier recorded.".into(),
            ),
            (R::ApplicationWithoutContract, D::Name(supplier)) => pick(
                format!("Geleverd door {supplier}, maar niet gekoppeld aan een contract."),
                format!("Supplied by {supplier}, but not linked to a contract."),
            ),
            (R::ApplicationWithoutBiv, D::Missing(fields)) => {
                let names: Vec<String> = fields.iter().map(|f| label(f).to_lowercase()).collect();
                pick(
                    format!("BIV-classificatie onvolledig: {} ontbreekt.", names.join(", ")),
                    format!("BIV classification incomplete: {} missing.", names.join(", ")),
                )
            }
            (R::BivBelowGemma, D::Below(gaps)) => {
                let parts: Vec<String> = gaps
                    .iter()
                    .map(|(f, level, base)| format!("{} {level} < {base}", label(f)))
                    .collect();
                pick(
                    format!(
                        "Lager dan de baseline van de GEMMA-referentiecomponent: {}.",
                        parts.join("; ")
                    ),
                    format!(
                        "Below the baseline of the GEMMA reference component: {}.",
                        parts.join("; ")
                    ),
                )
            }
            (R::ApplicationWithoutReferenceComponent, _) => pick(
                "Geen GEMMA-referentiecomponent gekozen.".into(),
                "No GEMMA reference component chosen.".into(),
            ),
            (R::ApplicationWithoutInfrastructure, D::Name(hosting)) => pick(
                format!("Hosting {hosting}, maar niet vastgelegd waarop de applicatie draait."),
                format!("Hosted {hosting}, but nothing recorded that it runs on."),
            ),
            (R::ComponentUnused, _) => pick(
                "Niets draait op dit component of gebruikt het.".into(),
                "Nothing runs on or uses this component.".into(),
            ),
            (R::ComponentEndOfSupport, D::Since(d)) => pick(
                format!("Buiten ondersteuning sinds {}.", date(d)),
                format!("Out of support since {}.", date(d)),
            ),
            (R::ComponentEndOfSupport, D::Until(d)) => pick(
                format!("Ondersteuning eindigt op {}.", date(d)),
                format!("Support ends on {}.", date(d)),
            ),
            (R::DataWithoutLocation, _) => pick(
                "Niet vastgelegd in welk land de gegevens zijn opgeslagen.".into(),
                "Not recorded in which country the data is stored.".into(),
            ),
            (R::DataOutsideEea, D::Country(country)) => pick(
                format!(
                    "Persoonsgegevens opgeslagen in {country}, buiten de EU/EER, zonder grondslag voor doorgifte."
                ),
                format!(
                    "Personal data stored in {country}, outside the EU/EEA, without a transfer basis."
                ),
            ),
            (R::ProcessorWithoutAgreement, D::Name(processor)) => pick(
                format!("{processor} verwerkt persoonsgegevens zonder verwerkersovereenkomst."),
                format!("{processor} processes personal data without a processing agreement."),
            ),
            (R::PersonalDataWithoutProcessing, _) => pick(
                "Verwerkt persoonsgegevens, maar er is geen gegevensverzameling aan gekoppeld."
                    .into(),
                "Processes personal data, but no data set is linked to it.".into(),
            ),
            (R::ContractExpired, D::Since(d)) => pick(
                format!("Verlopen op {}, terwijl wat eronder valt nog in gebruik is.", date(d)),
                format!("Expired on {}, while what it covers is still in use.", date(d)),
            ),
            (R::ContractNoticeApproaching, D::Deadline { date: d, days }) => pick(
                format!("Uiterste opzegdatum {} (over {}).", date(d), Lang::Nl.days(*days)),
                format!("Notice deadline {} (in {}).", date(d), Lang::En.days(*days)),
            ),
            (R::ContractWithoutExitPlan, D::Name(application)) => pick(
                format!("Dekt bedrijfskritische applicatie {application}, maar er is geen exitplan."),
                format!("Covers business-critical application {application}, but has no exit plan."),
            ),
            (R::ContractWithoutAssurance, D::LastOn(d)) => pick(
                format!(
                    "Laatste assurancerapport ontvangen op {}; voor bedrijfskritische toepassingen of persoonsgegevens is een recent rapport nodig.",
                    date(d)
                ),
                format!(
                    "Last assurance report received on {}; business-critical use or personal data needs a recent one.",
                    date(d)
                ),
            ),
            (R::ContractWithoutAssurance, _) => pick(
                "Nooit een assurancerapport ontvangen, terwijl het contract bedrijfskritische toepassingen of persoonsgegevens dekt.".into(),
                "No assurance report ever received, while the contract covers business-critical use or personal data.".into(),
            ),
            (R::InterfaceToPhasedOut, D::Name(application)) => pick(
                format!("{application} is uitgefaseerd."),
                format!("{application} is phased out."),
            ),
            (R::DependencyCycle, D::Cycle(names)) => pick(
                format!("Draait via andere op zichzelf: {}.", names.join(" → ")),
                format!("Runs on itself through others: {}.", names.join(" → ")),
            ),
            (R::NotConfirmed, D::LastOn(d)) => pick(
                format!("Laatst bevestigd op {}; de bevestiging is verlopen.", date(d)),
                format!("Last confirmed on {}; the confirmation has expired.", date(d)),
            ),
            (R::NotConfirmed, _) => pick(
                "Nog nooit door de eigenaar bevestigd.".into(),
                "Never confirmed by its owner.".into(),
            ),
            (R::SupplierConcentration, D::Share { count, percent }) => pick(
                format!("Levert {count} bedrijfskritische applicaties: {percent}% van alle."),
                format!("Supplies {count} business-critical applications: {percent}% of all."),
            ),
            (R::GoalWithoutKpi, _) => pick(
                "Het doel heeft geen KPI met nulmeting en streefwaarde (met data).".into(),
                "The goal has no KPI with a baseline and a target (with dates).".into(),
            ),
            (R::NoGoals, _) => pick(
                "De gemeente heeft nog geen doelen vastgelegd: waar wil ze naartoe?".into(),
                "The municipality has recorded no goals yet: where does it want to go?".into(),
            ),
            (rule, _) => rule.rule().title(lang).to_string(),
        }
    }
}

/// Every finding, most serious first, and the scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub today: NaiveDate,
    pub findings: Vec<Finding>,
    pub scores: Scores,
}

impl Report {
    pub fn findings_for(&self, element: Uuid) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.element == element)
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The distinct rules that found something.
    pub fn rules_found(&self) -> Vec<RuleId> {
        let mut rules: Vec<RuleId> = self.findings.iter().map(|f| f.rule).collect();
        rules.sort();
        rules.dedup();
        rules
    }
}

use crate::idmap::IdMap;

/// The register as the rules read it.
struct Index<'a> {
    items: &'a [(Uuid, &'a Record)],
    pos: IdMap<u32>,
    /// Has a `draait-op` relation to something.
    runs_on: Vec<bool>,
    /// Something runs on it or uses it.
    used: Vec<bool>,
    /// An application with a `verwerkt` or `slaat-op` relation to a data set.
    processes_data: Vec<bool>,
    covered: Vec<bool>,
    /// Contract position -> the positions of what it covers.
    covers: HashMap<u32, Vec<u32>>,
    /// Suppliers that process a data set with personal data.
    processes_personal_data: Vec<bool>,
    runs_on_edges: Vec<(u32, u32)>,
}

fn lifecycle(record: &Record) -> Option<&str> {
    record.text("levenscyclus")
}

fn phased_out(record: &Record) -> bool {
    lifecycle(record) == Some("uitgefaseerd")
}

fn in_use(record: &Record) -> bool {
    record.in_use()
}

fn yes(record: &Record, field: &str) -> bool {
    record.get(field).and_then(|v| v.as_bool()) == Some(true)
}

fn date(record: &Record, field: &str) -> Option<NaiveDate> {
    record.text(field).and_then(|s| parse_date(s).ok())
}

/// Whether a data set holds personal data: marked so, or with categories or special
/// categories of personal data recorded.
pub fn has_personal_data(record: &Record) -> bool {
    yes(record, "persoonsgegevens")
        || yes(record, "bijzonderePersoonsgegevens")
        || record
            .text("categorieenPersoonsgegevens")
            .is_some_and(|s| !s.trim().is_empty())
}

impl<'a> Index<'a> {
    fn build(items: &'a [(Uuid, &'a Record)]) -> Index<'a> {
        let n = items.len();
        let mut pos: IdMap<u32> = IdMap::with_capacity_and_hasher(n, Default::default());
        for (i, (id, _)) in items.iter().enumerate() {
            pos.insert(*id, i as u32);
        }
        let mut index = Index {
            items,
            pos,
            runs_on: vec![false; n],
            used: vec![false; n],
            processes_data: vec![false; n],
            covered: vec![false; n],
            covers: HashMap::new(),
            processes_personal_data: vec![false; n],
            runs_on_edges: Vec::new(),
        };
        for (i, (_, record)) in items.iter().enumerate() {
            let i = i as u32;
            match record.kind() {
                EntityKind::Relation => {
                    let (Some(from), Some(to)) =
                        (index.at(record, "bronId"), index.at(record, "doelId"))
                    else {
                        continue;
                    };
                    let to_kind = items[to as usize].1.kind();
                    match record.text("soort") {
                        Some("draait-op") => {
                            index.runs_on[from as usize] = true;
                            index.used[to as usize] = true;
                            index.runs_on_edges.push((from, to));
                        }
                        Some("gebruikt") => index.used[to as usize] = true,
                        Some("verwerkt" | "slaat-op") if to_kind == EntityKind::DataSet => {
                            index.processes_data[from as usize] = true;
                        }
                        Some("valt-onder") if to_kind == EntityKind::Contract => {
                            index.covered[from as usize] = true;
                            index.covers.entry(to).or_default().push(from);
                        }
                        _ => {}
                    }
                }
                EntityKind::Application => {
                    if let Some(contract) = index.at(record, "contractId") {
                        index.covered[i as usize] = true;
                        index.covers.entry(contract).or_default().push(i);
                    }
                }
                EntityKind::DataSet if has_personal_data(record) => {
                    if let Some(processor) = index.at(record, "verwerkerId") {
                        index.processes_personal_data[processor as usize] = true;
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The position of the element a reference field points at.
    fn at(&self, record: &Record, field: &str) -> Option<u32> {
        let id = Uuid::parse_str(record.text(field)?).ok()?;
        self.pos.get(&id).copied()
    }

    fn record(&self, at: u32) -> &'a Record {
        self.items[at as usize].1
    }

    fn name(&self, at: u32) -> String {
        self.record(at).name().unwrap_or("").to_string()
    }

    /// The positions of what a contract covers.
    fn covered_by(&self, contract: u32) -> &[u32] {
        self.covers.get(&contract).map_or(&[], Vec::as_slice)
    }
}

/// Every cycle of `draait-op` relations, each as the positions along it (strongly connected
/// components of more than one element, found with Tarjan's algorithm without recursion).
fn cycles(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut sorted = edges.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut start = vec![0u32; n + 1];
    for (from, _) in &sorted {
        start[*from as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let targets: Vec<u32> = sorted.iter().map(|(_, to)| *to).collect();
    const UNSEEN: u32 = u32::MAX;
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut counter = 0u32;
    let mut found = Vec::new();
    for (root, _) in &sorted {
        if order[*root as usize] != UNSEEN {
            continue;
        }
        // (node, next edge to look at)
        let mut work: Vec<(u32, u32)> = vec![(*root, start[*root as usize])];
        order[*root as usize] = counter;
        low[*root as usize] = counter;
        counter += 1;
        stack.push(*root);
        on_stack[*root as usize] = true;
        while let Some(&mut (node, ref mut edge)) = work.last_mut() {
            let v = node as usize;
            if *edge < start[v + 1] {
                let w = targets[*edge as usize];
                *edge += 1;
                let wu = w as usize;
                if order[wu] == UNSEEN {
                    order[wu] = counter;
                    low[wu] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[wu] = true;
                    work.push((w, start[wu]));
                } else if on_stack[wu] {
                    low[v] = low[v].min(order[wu]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent as usize] = low[parent as usize].min(low[v]);
                }
                if low[v] == order[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w as usize] = false;
                        component.push(w);
                        if w == node {
                            break;
                        }
                    }
                    if component.len() > 1 {
                        found.push(component);
                    }
                }
            }
        }
    }
    found
}

/// One cycle through a strongly connected set, as names from its first element by name back to
/// it, following `draait-op` relations within the set.
fn cycle_names(index: &Index, component: &[u32]) -> (u32, Vec<String>) {
    let inside: std::collections::HashSet<u32> = component.iter().copied().collect();
    let first = component
        .iter()
        .copied()
        .min_by(|a, b| index.name(*a).cmp(&index.name(*b)).then(a.cmp(b)))
        .unwrap_or(component[0]);
    let next: HashMap<u32, Vec<u32>> = index
        .runs_on_edges
        .iter()
        .filter(|(f, t)| inside.contains(f) && inside.contains(t))
        .fold(HashMap::new(), |mut map, (f, t)| {
            map.entry(*f).or_insert_with(Vec::new).push(*t);
            map
        });
    // Breadth-first from `first` back to `first`: the shortest cycle through it.
    let mut came_from: HashMap<u32, u32> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([first]);
    let mut closing = None;
    'search: while let Some(at) = queue.pop_front() {
        for &to in next.get(&at).map_or(&[][..], Vec::as_slice) {
            if to == first {
                closing = Some(at);
                break 'search;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = came_from.entry(to) {
                e.insert(at);
                queue.push_back(to);
            }
        }
    }
    let mut path = vec![first];
    let mut at = closing.unwrap_or(first);
    while at != first {
        path.push(at);
        at = came_from.get(&at).copied().unwrap_or(first);
    }
    path[1..].reverse();
    path.push(first);
    (first, path.iter().map(|p| index.name(*p)).collect())
}

/// Runs every rule the organisation has switched on over the register as of `today`, and
/// computes the scores. `confirmations` holds, per element, the day its owner last confirmed it
/// (withdrawn confirmations are not in it).
pub fn check(
    elements: &[(Uuid, &Record)],
    goals: &[(Uuid, &Goal)],
    confirmations: &HashMap<Uuid, NaiveDate>,
    catalog: &ReferenceCatalog,
    settings: &Settings,
    today: NaiveDate,
) -> Report {
    let index = Index::build(elements);
    let thresholds = settings.thresholds;
    let mut findings: Vec<Finding> = Vec::new();
    let mut found = |rule: RuleId, at: u32, detail: Detail| {
        if settings.enabled(rule) {
            let (id, record) = elements[at as usize];
            findings.push(Finding {
                rule,
                severity: settings.severity(rule),
                element: id,
                subject: Subject::Element(record.kind()),
                name: record.name().unwrap_or("").to_string(),
                detail,
            });
        }
    };
    let support_horizon = today
        .checked_add_months(Months::new(thresholds.end_of_support_months))
        .unwrap_or(NaiveDate::MAX);
    for (i, (id, record)) in elements.iter().enumerate() {
        let at = i as u32;
        match record.kind() {
            EntityKind::Application => {
                if !in_use(record) {
                    continue;
                }
                if record.get("eigenaarId").is_none() {
                    found(RuleId::ApplicationWithoutOwner, at, Detail::None);
                }
                match index.at(record, "leverancierId") {
                    None => found(RuleId::ApplicationWithoutSupplier, at, Detail::None),
                    Some(supplier) if !index.covered[i] => found(
                        RuleId::ApplicationWithoutContract,
                        at,
                        Detail::Name(index.name(supplier)),
                    ),
                    Some(_) => {}
                }
                let biv = ["beschikbaarheid", "integriteit", "vertrouwelijkheid"];
                let missing: Vec<&'static str> = biv
                    .into_iter()
                    .filter(|f| record.get(f).is_none())
                    .collect();
                if !missing.is_empty() {
                    found(RuleId::ApplicationWithoutBiv, at, Detail::Missing(missing));
                }
                let components: Vec<&str> = record
                    .get("referentiecomponentIds")
                    .and_then(|v| v.as_array())
                    .map(|ids| ids.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                if components.is_empty() {
                    found(
                        RuleId::ApplicationWithoutReferenceComponent,
                        at,
                        Detail::None,
                    );
                } else {
                    let below = below_baseline(record, &components, catalog);
                    if !below.is_empty() {
                        found(RuleId::BivBelowGemma, at, Detail::Below(below));
                    }
                }
                if let Some(hosting @ ("on-premises" | "private-cloud")) = record.text("hosting")
                    && !index.runs_on[i]
                {
                    found(
                        RuleId::ApplicationWithoutInfrastructure,
                        at,
                        Detail::Name(hosting.to_string()),
                    );
                }
                if yes(record, "persoonsgegevens") && !index.processes_data[i] {
                    found(RuleId::PersonalDataWithoutProcessing, at, Detail::None);
                }
            }
            EntityKind::Component => {
                if phased_out(record) {
                    continue;
                }
                if !index.used[i] {
                    found(RuleId::ComponentUnused, at, Detail::None);
                }
                if let Some(end) = date(record, "eindeOndersteuning")
                    && end <= support_horizon
                {
                    let detail = if end < today {
                        Detail::Since(end)
                    } else {
                        Detail::Until(end)
                    };
                    found(RuleId::ComponentEndOfSupport, at, detail);
                }
            }
            EntityKind::DataSet => {
                let country = record.text("opslaglocatie");
                if country.is_none() {
                    found(RuleId::DataWithoutLocation, at, Detail::None);
                }
                let personal = has_personal_data(record);
                if personal
                    && let Some(country) = country.and_then(|c| Country::parse(c).ok())
                    && !country.in_eea()
                    && record.get("doorgifteGrondslag").is_none()
                {
                    found(
                        RuleId::DataOutsideEea,
                        at,
                        Detail::Country(country.name(Lang::Nl)),
                    );
                }
                if personal
                    && let Some(processor) = index.at(record, "verwerkerId")
                    && !yes(record, "verwerkersovereenkomst")
                {
                    found(
                        RuleId::ProcessorWithoutAgreement,
                        at,
                        Detail::Name(index.name(processor)),
                    );
                }
            }
            EntityKind::Contract => {
                let covered = index.covered_by(at);
                let active = |p: &&u32| {
                    let r = index.record(**p);
                    match r.kind() {
                        EntityKind::Application => in_use(r),
                        _ => !phased_out(r),
                    }
                };
                let in_use_by: Vec<u32> = covered.iter().filter(active).copied().collect();
                let end = date(record, "einddatum");
                if let Some(end) = end
                    && end < today
                    && !in_use_by.is_empty()
                {
                    found(RuleId::ContractExpired, at, Detail::Since(end));
                }
                if let Some(end) = end {
                    let months = record
                        .get("opzegtermijnMaanden")
                        .and_then(|v| v.as_u64())
                        .and_then(|m| u32::try_from(m).ok())
                        .unwrap_or(0);
                    let deadline = crate::regie::obligations::notice_deadline(end, months);
                    let horizon = today
                        .checked_add_days(Days::new(u64::from(thresholds.notice_days)))
                        .unwrap_or(NaiveDate::MAX);
                    if today <= deadline && deadline <= horizon {
                        found(
                            RuleId::ContractNoticeApproaching,
                            at,
                            Detail::Deadline {
                                date: deadline,
                                days: (deadline - today).num_days(),
                            },
                        );
                    }
                }
                let critical = in_use_by.iter().copied().find(|p| {
                    let r = index.record(*p);
                    r.kind() == EntityKind::Application && yes(r, "bedrijfskritisch")
                });
                if let Some(application) = critical
                    && !yes(record, "exitplan")
                {
                    found(
                        RuleId::ContractWithoutExitPlan,
                        at,
                        Detail::Name(index.name(application)),
                    );
                }
                let personal = in_use_by.iter().any(|p| {
                    let r = index.record(*p);
                    match r.kind() {
                        EntityKind::Application => yes(r, "persoonsgegevens"),
                        EntityKind::DataSet => has_personal_data(r),
                        _ => false,
                    }
                }) || index
                    .at(record, "leverancierId")
                    .is_some_and(|s| index.processes_personal_data[s as usize]);
                if critical.is_some() || personal {
                    let last = date(record, "assuranceLaatstOntvangen");
                    let recent = last.is_some_and(|d| {
                        d.checked_add_months(Months::new(thresholds.assurance_months))
                            .is_none_or(|until| today <= until)
                    });
                    if !recent {
                        let detail = last.map_or(Detail::Never, Detail::LastOn);
                        found(RuleId::ContractWithoutAssurance, at, detail);
                    }
                }
            }
            EntityKind::Interface => {
                let ends = [
                    index.at(record, "vanApplicatieId"),
                    index.at(record, "naarApplicatieId"),
                ];
                let out: Vec<u32> = ends
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|p| phased_out(index.record(*p)))
                    .collect();
                if out.len() == 1 {
                    found(
                        RuleId::InterfaceToPhasedOut,
                        at,
                        Detail::Name(index.name(out[0])),
                    );
                }
            }
            _ => {}
        }
        if CONFIRMABLE.contains(&record.kind()) && active(record) {
            // A confirmation counts from its day on: checked as of an earlier day, it was not
            // there yet.
            let last = confirmations.get(id).copied().filter(|d| *d <= today);
            let valid = last.is_some_and(|d| {
                d.checked_add_months(Months::new(thresholds.confirmation_months))
                    .is_none_or(|until| today <= until)
            });
            if !valid {
                found(
                    RuleId::NotConfirmed,
                    at,
                    last.map_or(Detail::Never, Detail::LastOn),
                );
            }
        }
    }
    for component in cycles(elements.len(), &index.runs_on_edges) {
        let (first, names) = cycle_names(&index, &component);
        found(RuleId::DependencyCycle, first, Detail::Cycle(names));
    }
    // One supplier carrying too large a share of the business-critical applications.
    for dependency in crate::sourcing::supplier_dependency(elements) {
        if dependency.too_concentrated(thresholds.concentration_percent)
            && let Some(at) = index.pos.get(&dependency.supplier)
        {
            found(
                RuleId::SupplierConcentration,
                *at,
                Detail::Share {
                    count: dependency.critical_applications,
                    percent: (dependency.critical_share * 100.0).round() as u32,
                },
            );
        }
    }
    // Koers: goals need a measurable KPI, and an organisation needs goals.
    let mut about = |rule: RuleId, element: Uuid, subject: Subject, name: &str| {
        if settings.enabled(rule) {
            findings.push(Finding {
                rule,
                severity: settings.severity(rule),
                element,
                subject,
                name: name.to_string(),
                detail: Detail::None,
            });
        }
    };
    for (id, goal) in goals {
        if !goal.has_measurable_kpi() {
            about(RuleId::GoalWithoutKpi, *id, Subject::Goal, &goal.title);
        }
    }
    if goals.is_empty() {
        about(RuleId::NoGoals, Uuid::nil(), Subject::Organisation, "");
    }
    findings.sort_by(|a, b| {
        (a.severity, a.rule, &a.name, a.element).cmp(&(b.severity, b.rule, &b.name, b.element))
    });
    let scores = scores(&index, &findings);
    Report {
        today,
        findings,
        scores,
    }
}

/// Whether an element counts as current: applications not phased out or planned-and-gone,
/// other kinds not phased out.
fn active(record: &Record) -> bool {
    match record.kind() {
        EntityKind::Application => in_use(record),
        _ => !phased_out(record),
    }
}

/// The BIV aspects of an application below the strictest baseline of its reference components.
fn below_baseline(
    record: &Record,
    components: &[&str],
    catalog: &ReferenceCatalog,
) -> Vec<(&'static str, u8, u8)> {
    let mut gaps = Vec::new();
    for (field, pick) in [
        ("beschikbaarheid", 0usize),
        ("integriteit", 1),
        ("vertrouwelijkheid", 2),
    ] {
        let Some(level) = record
            .get(field)
            .and_then(|v| v.as_u64())
            .and_then(|l| u8::try_from(l).ok())
        else {
            continue;
        };
        let baseline = components
            .iter()
            .filter_map(|id| catalog.get(id))
            .filter_map(|c| [c.beschikbaarheid, c.integriteit, c.vertrouwelijkheid][pick])
            .map(|l| l.get())
            .max();
        if let Some(baseline) = baseline
            && level < baseline
        {
            gaps.push((field, level, baseline));
        }
    }
    gaps
}

fn scores(index: &Index, findings: &[Finding]) -> Scores {
    let mut penalties: IdMap<Vec<Severity>> = IdMap::default();
    for finding in findings {
        penalties
            .entry(finding.element)
            .or_default()
            .push(finding.severity);
    }
    let mut sums: HashMap<Area, (f64, f64, usize)> = HashMap::new();
    let (mut total, mut count) = (0.0, 0usize);
    for (i, (id, record)) in index.items.iter().enumerate() {
        let Some(area) = Area::of_kind(record.kind()) else {
            continue;
        };
        if phased_out(record) {
            continue;
        }
        let facts = Facts {
            covered_by_contract: index.covered[i],
            runs_on: index.runs_on[i],
        };
        let Some(completeness) = score::completeness(record, facts) else {
            continue;
        };
        let element = score::element_score(
            completeness,
            penalties.get(id).into_iter().flatten().copied(),
        );
        let sum = sums.entry(area).or_default();
        sum.0 += element;
        sum.1 += completeness * 100.0;
        sum.2 += 1;
        total += element;
        count += 1;
    }
    let per_area = Area::ALL
        .into_iter()
        .map(|area| {
            let (score, completeness, elements) = sums.get(&area).copied().unwrap_or_default();
            let mut counts = [0usize; 3];
            for finding in findings.iter().filter(|f| f.area() == area) {
                counts[finding.severity as usize] += 1;
            }
            let mean = |sum: f64| (elements > 0).then(|| score::round(sum / elements as f64));
            (
                area,
                AreaScore {
                    score: mean(score),
                    completeness: mean(completeness),
                    elements,
                    findings: counts,
                },
            )
        })
        .collect();
    Scores {
        overall: if count == 0 {
            0.0
        } else {
            score::round(total / count as f64)
        },
        per_area,
        elements: count,
    }
}

impl Report {
    /// The report as the API returns it and `regisseur check --json` prints it.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        use serde_json::{Map, Value, json};
        let per_area = |pick: fn(&AreaScore) -> Option<f64>| -> Map<String, Value> {
            self.scores
                .per_area
                .iter()
                .map(|(area, s)| (area.code().to_string(), json!(pick(s))))
                .collect()
        };
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|f| {
                json!({
                    "regel": f.rule.code(),
                    "ernst": f.severity.code(),
                    "gebied": f.area().code(),
                    "elementSoort": f.subject.code(),
                    "elementId": f.element,
                    "elementNaam": f.name,
                    "melding": f.message(lang),
                    "herstel": f.rule.rule().fix(lang),
                })
            })
            .collect();
        json!({
            "peildatum": self.today.format("%Y-%m-%d").to_string(),
            "score": self.scores.overall,
            "scorePerGebied": per_area(|s| s.score),
            "volledigheidPerGebied": per_area(|s| s.completeness),
            "aantalElementen": self.scores.elements,
            "aantalPerErnst": {
                "fout": self.count(Severity::Fout),
                "waarschuwing": self.count(Severity::Waarschuwing),
                "info": self.count(Severity::Info),
            },
            "bevindingen": findings,
        })
    }

    /// Whether a finding of `threshold` or more serious exists (`--fail-on`).
    pub fn fails_on(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity.at_least(threshold))
    }
}
