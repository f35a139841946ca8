//! The documentation rules: id, default severity, area, name and fix hint in Dutch and English.
//! What each rule checks is in `check.rs`; the table here is what the UI, the API, the CLI and
//! the settings list.

use super::{Area, Severity};
use crate::Lang;

/// Every rule, in the order of [`RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    ApplicationWithoutOwner,
    ApplicationWithoutSupplier,
    ApplicationWithoutContract,
    ApplicationWithoutBiv,
    BivBelowGemma,
    ApplicationWithoutReferenceComponent,
    ApplicationWithoutInfrastructure,
    ComponentUnused,
    ComponentEndOfSupport,
    DataWithoutLocation,
    DataOutsideEea,
    ProcessorWithoutAgreement,
    PersonalDataWithoutProcessing,
    ContractExpired,
    ContractNoticeApproaching,
    ContractWithoutExitPlan,
    ContractWithoutAssurance,
    InterfaceToPhasedOut,
    DependencyCycle,
    NotConfirmed,
    GoalWithoutKpi,
    NoGoals,
    SupplierConcentration,
}

/// One rule as people see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    /// The stable kebab-case id, used in settings, the API and the CLI.
    pub code: &'static str,
    pub severity: Severity,
    pub area: Area,
    pub nl: &'static str,
    pub en: &'static str,
    pub fix_nl: &'static str,
    pub fix_en: &'static str,
}

impl Rule {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }

    pub fn fix(&self, lang: Lang) -> &'static str {
        lang.pick(self.fix_nl, self.fix_en)
    }
}

impl RuleId {
    pub fn rule(self) -> &'static Rule {
        &RULES[self as usize]
    }

    pub fn code(self) -> &'static str {
        self.rule().code
    }

    pub fn parse(code: &str) -> Option<RuleId> {
        RULES.iter().find(|r| r.code == code.trim()).map(|r| r.id)
    }
}

use Area::*;
use RuleId::*;
use Severity::*;

const fn rule(
    id: RuleId,
    code: &'static str,
    severity: Severity,
    area: Area,
    (nl, en): (&'static str, &'static str),
    (fix_nl, fix_en): (&'static str, &'static str),
) -> Rule {
    Rule {
        id,
        code,
        severity,
        area,
        nl,
        en,
        fix_nl,
        fix_en,
    }
}

pub const RULES: &[Rule] = &[
    rule(
        ApplicationWithoutOwner,
        "applicatie-zonder-eigenaar",
        Fout,
        Documentatie,
        ("Applicatie zonder eigenaar", "Application without an owner"),
        (
            "Leg in het veld Eigenaar vast wie in de organisatie verantwoordelijk is voor de applicatie (de proceseigenaar).",
            "Record in the Owner field who in the organisation is accountable for the application (the business owner).",
        ),
    ),
    rule(
        ApplicationWithoutSupplier,
        "applicatie-zonder-leverancier",
        Waarschuwing,
        Documentatie,
        (
            "Applicatie zonder leverancier",
            "Application without a supplier",
        ),
        (
            "Vul de leverancier in; is de applicatie zelf gebouwd, leg de eigen organisatie dan vast als leverancier.",
            "Fill in the supplier; if the application was built in-house, record your own organisation as its supplier.",
        ),
    ),
    rule(
        ApplicationWithoutContract,
        "applicatie-zonder-contract",
        Waarschuwing,
        Contracten,
        (
            "Ingekochte applicatie zonder contract",
            "Bought application without a contract",
        ),
        (
            "Koppel het contract met de leverancier aan de applicatie (veld Contract of een relatie 'valt onder contract').",
            "Link the contract with the supplier to the application (the Contract field or a 'covered by contract' relation).",
        ),
    ),
    rule(
        ApplicationWithoutBiv,
        "applicatie-zonder-biv",
        Waarschuwing,
        Documentatie,
        (
            "Applicatie zonder BIV-classificatie",
            "Application without a BIV classification",
        ),
        (
            "Classificeer beschikbaarheid, integriteit en vertrouwelijkheid (1 laag – 3 hoog), bijvoorbeeld met de BIV-baseline van de GEMMA-referentiecomponent.",
            "Classify availability, integrity and confidentiality (1 low – 3 high), for example starting from the BIV baseline of the GEMMA reference component.",
        ),
    ),
    rule(
        BivBelowGemma,
        "biv-lager-dan-gemma",
        Waarschuwing,
        Documentatie,
        (
            "BIV lager dan de GEMMA-baseline",
            "BIV below the GEMMA baseline",
        ),
        (
            "Verhoog de classificatie tot de baseline van de referentiecomponent, of leg in de omschrijving vast waarom een lager niveau volstaat.",
            "Raise the classification to the baseline of the reference component, or record in the description why a lower level suffices.",
        ),
    ),
    rule(
        ApplicationWithoutReferenceComponent,
        "applicatie-zonder-referentiecomponent",
        Info,
        Documentatie,
        (
            "Applicatie zonder GEMMA-referentiecomponent",
            "Application without a GEMMA reference component",
        ),
        (
            "Kies de GEMMA-referentiecomponent(en) die de applicatie invult; dan zijn BIV-baseline en vergelijking met andere gemeenten mogelijk.",
            "Choose the GEMMA reference component(s) the application implements; this gives a BIV baseline and comparison with other municipalities.",
        ),
    ),
    rule(
        ApplicationWithoutInfrastructure,
        "applicatie-zonder-infrastructuur",
        Waarschuwing,
        Infrastructuur,
        (
            "Applicatie in eigen beheer draait nergens op",
            "Self-hosted application runs on nothing",
        ),
        (
            "Leg met een relatie 'draait op' vast op welke server, virtuele machine of database de applicatie draait.",
            "Record with a 'runs on' relation which server, virtual machine or database the application runs on.",
        ),
    ),
    rule(
        ComponentUnused,
        "component-zonder-gebruik",
        Info,
        Infrastructuur,
        ("Component zonder gebruik", "Component not in use"),
        (
            "Leg vast wat op dit component draait of het gebruikt, of zet de levenscyclus op uitgefaseerd als het weg kan.",
            "Record what runs on or uses this component, or set its lifecycle to phased out if it can go.",
        ),
    ),
    rule(
        ComponentEndOfSupport,
        "component-einde-ondersteuning",
        Waarschuwing,
        Infrastructuur,
        (
            "Component (bijna) buiten ondersteuning",
            "Component (nearly) out of support",
        ),
        (
            "Plan vervanging of een upgrade, of leg een verlengde ondersteuning vast met de nieuwe einddatum.",
            "Plan a replacement or an upgrade, or record extended support with its new end date.",
        ),
    ),
    rule(
        DataWithoutLocation,
        "gegevens-zonder-locatie",
        Waarschuwing,
        Gegevens,
        (
            "Gegevensverzameling zonder opslaglocatie",
            "Data set without a storage location",
        ),
        (
            "Leg vast in welk land de gegevens zijn opgeslagen (ook back-ups en uitwijk).",
            "Record the country where the data is stored (including backups and fallback).",
        ),
    ),
    rule(
        DataOutsideEea,
        "gegevens-buiten-eer",
        Fout,
        Gegevens,
        (
            "Persoonsgegevens buiten de EU/EER zonder grondslag voor doorgifte",
            "Personal data outside the EU/EEA without a transfer basis",
        ),
        (
            "Leg de grondslag voor doorgifte vast (adequaatheidsbesluit, modelcontractbepalingen, bindende bedrijfsvoorschriften) of kies opslag binnen de EER.",
            "Record the basis for the transfer (adequacy decision, standard contractual clauses, binding corporate rules) or choose storage inside the EEA.",
        ),
    ),
    rule(
        ProcessorWithoutAgreement,
        "verwerker-zonder-verwerkersovereenkomst",
        Fout,
        Gegevens,
        (
            "Verwerker zonder verwerkersovereenkomst",
            "Processor without a processing agreement",
        ),
        (
            "Sluit een verwerkersovereenkomst (art. 28 AVG) met de verwerker en leg de datum vast.",
            "Conclude a data processing agreement (Art. 28 GDPR) with the processor and record its date.",
        ),
    ),
    rule(
        PersonalDataWithoutProcessing,
        "persoonsgegevens-zonder-verwerking",
        Waarschuwing,
        Gegevens,
        (
            "Persoonsgegevens zonder vastgelegde verwerking",
            "Personal data without a recorded processing",
        ),
        (
            "Leg met een relatie 'verwerkt' of 'slaat op' vast welke gegevensverzameling de applicatie verwerkt (register van verwerkingen, art. 30 AVG).",
            "Record with a 'processes' or 'stores' relation which data set the application processes (record of processing activities, Art. 30 GDPR).",
        ),
    ),
    rule(
        ContractExpired,
        "contract-verlopen",
        Fout,
        Contracten,
        (
            "Contract verlopen maar in gebruik",
            "Contract expired but in use",
        ),
        (
            "Verleng het contract, sluit een nieuw contract of leg de juiste einddatum vast.",
            "Extend the contract, conclude a new one or record the correct end date.",
        ),
    ),
    rule(
        ContractNoticeApproaching,
        "contract-opzegtermijn-nadert",
        Waarschuwing,
        Contracten,
        ("Opzegdatum nadert", "Notice deadline approaching"),
        (
            "Besluit vóór de uiterste opzegdatum of het contract wordt verlengd, opgezegd of opnieuw aanbesteed.",
            "Decide before the notice deadline whether the contract is extended, terminated or tendered again.",
        ),
    ),
    rule(
        ContractWithoutExitPlan,
        "contract-zonder-exitplan",
        Waarschuwing,
        Contracten,
        (
            "Contract voor bedrijfskritische applicatie zonder exitplan",
            "Contract for a business-critical application without an exit plan",
        ),
        (
            "Spreek met de leverancier een exitplan af (gegevens terug, overdracht, termijnen) en leg vast dat het er is.",
            "Agree an exit plan with the supplier (data returned, handover, terms) and record that it exists.",
        ),
    ),
    rule(
        ContractWithoutAssurance,
        "contract-zonder-assurance",
        Waarschuwing,
        Contracten,
        ("Geen recent assurancerapport", "No recent assurance report"),
        (
            "Vraag de leverancier om een actueel ISAE 3402- of SOC 2-rapport en leg de ontvangstdatum vast.",
            "Ask the supplier for a current ISAE 3402 or SOC 2 report and record the date it was received.",
        ),
    ),
    rule(
        InterfaceToPhasedOut,
        "koppeling-naar-uitgefaseerd",
        Waarschuwing,
        Infrastructuur,
        (
            "Koppeling met een uitgefaseerde applicatie",
            "Interface with a phased-out application",
        ),
        (
            "Verwijder de koppeling of sluit haar aan op de applicatie die de uitgefaseerde vervangt.",
            "Remove the interface or connect it to the application that replaces the phased-out one.",
        ),
    ),
    rule(
        DependencyCycle,
        "afhankelijkheidscyclus",
        Fout,
        Infrastructuur,
        (
            "Kringloop in 'draait op'-relaties",
            "Cycle of 'runs on' relations",
        ),
        (
            "Een element kan niet (via andere) op zichzelf draaien: corrigeer de richting of het doel van een van de relaties.",
            "An element cannot run on itself (through others): correct the direction or the target of one of the relations.",
        ),
    ),
    rule(
        NotConfirmed,
        "gegevens-niet-bevestigd",
        Waarschuwing,
        Documentatie,
        (
            "Niet (recent) bevestigd door de eigenaar",
            "Not (recently) confirmed by its owner",
        ),
        (
            "Laat de eigenaar de gegevens nalopen en op de pagina van het element bevestigen dat ze kloppen.",
            "Have the owner review the data and confirm on the element's page that it is correct.",
        ),
    ),
    rule(
        GoalWithoutKpi,
        "doelen-zonder-kpi",
        Waarschuwing,
        Documentatie,
        ("Doel zonder meetbare KPI", "Goal without a measurable KPI"),
        (
            "Geef het doel een KPI met een meting, een nulwaarde met datum en een streefwaarde met datum.",
            "Give the goal a KPI with a metric, a baseline with its date and a target with its date.",
        ),
    ),
    rule(
        NoGoals,
        "geen-doelen",
        Fout,
        Documentatie,
        ("Geen doelen vastgelegd", "No goals recorded"),
        (
            "Leg in Koers vast wat de gemeente met (uitbesteding van) haar ICT wil bereiken, met meetbare KPI's.",
            "Record in Koers what the municipality wants to achieve with (outsourcing) its IT, with measurable KPIs.",
        ),
    ),
    rule(
        SupplierConcentration,
        "leverancier-concentratie",
        Waarschuwing,
        Contracten,
        (
            "Te veel bedrijfskritische applicaties bij één leverancier",
            "Too many business-critical applications with one supplier",
        ),
        (
            "Weeg bij vervanging en aanbesteding spreiding mee, en zorg voor een getest exitplan en uitwijk bij deze leverancier.",
            "Weigh spreading the risk in replacements and tenders, and make sure of a tested exit plan and fallback with this supplier.",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_ids_and_codes_are_unique_kebab_case() {
        let mut codes = std::collections::HashSet::new();
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(rule.id as usize, i, "{} is out of place", rule.code);
            assert!(codes.insert(rule.code), "{} twice", rule.code);
            assert!(
                rule.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.code
            );
            assert_eq!(RuleId::parse(rule.code), Some(rule.id));
            assert!(!rule.fix_nl.is_empty() && !rule.fix_en.is_empty());
        }
        assert_eq!(RULES.len(), 23);
    }
}
