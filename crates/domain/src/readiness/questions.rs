//! The readiness questionnaire (REFERENCE.md §3): ten dimensions drawn from eSCM-CL, BiSL, SIAM
//! and the BIO2 supplier controls, three or four questions each, every level 0–4 of every
//! question described, in Dutch and English.

use super::Dimension;
use super::Dimension::*;

/// One question: what is asked, and what each level 0–4 looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable id: `<dimension>-<n>`.
    pub id: &'static str,
    pub dimension: Dimension,
    pub nl: &'static str,
    pub en: &'static str,
    pub levels_nl: [&'static str; 5],
    pub levels_en: [&'static str; 5],
}

impl Question {
    pub fn text(&self, lang: crate::Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }

    pub fn level(&self, level: u8, lang: crate::Lang) -> &'static str {
        let i = usize::from(level.min(4));
        lang.pick(self.levels_nl[i], self.levels_en[i])
    }
}

const fn q(
    id: &'static str,
    dimension: Dimension,
    (nl, en): (&'static str, &'static str),
    levels_nl: [&'static str; 5],
    levels_en: [&'static str; 5],
) -> Question {
    Question {
        id,
        dimension,
        nl,
        en,
        levels_nl,
        levels_en,
    }
}

pub const QUESTIONS: &[Question] = &[
    // --- strategie
    q(
        "strategie-1",
        Strategie,
        (
            "Heeft de gemeente een vastgestelde visie op haar informatievoorziening en de rol van uitbesteding daarin?",
            "Does the municipality have an adopted vision on its information provision and the role of outsourcing in it?",
        ),
        [
            "Er is geen visie; uitbesteding wordt overwogen zonder richting.",
            "Er zijn losse ideeën of een verouderd stuk dat niemand gebruikt.",
            "Er is een visie in concept, nog niet bestuurlijk vastgesteld.",
            "De visie is vastgesteld door het college en wordt gebruikt bij keuzes.",
            "De visie wordt jaarlijks getoetst en bijgesteld; keuzes worden ertegen verantwoord.",
        ],
        [
            "There is no vision; outsourcing is considered without direction.",
            "There are loose ideas or an outdated paper nobody uses.",
            "A draft vision exists, not yet adopted by the executive.",
            "The vision is adopted by the executive and used for decisions.",
            "The vision is reviewed and adjusted yearly; decisions are justified against it.",
        ],
    ),
    q(
        "strategie-2",
        Strategie,
        (
            "Is duidelijk wat de gemeente met uitbesteding wil bereiken (doelen met meetbare KPI's)?",
            "Is it clear what the municipality wants to achieve by outsourcing (goals with measurable KPIs)?",
        ),
        [
            "Nee; de aanleiding is vooral een probleem (personeelstekort, storingen).",
            "Er zijn algemene wensen (goedkoper, beter) zonder maat.",
            "Er zijn doelen, maar niet alle met een KPI, nulmeting en streefwaarde.",
            "Alle doelen hebben een KPI met nulmeting, streefwaarde en datum.",
            "De KPI's worden gemeten en gerapporteerd; bijsturing gebeurt op basis ervan.",
        ],
        [
            "No; the reason is mainly a problem (staff shortage, outages).",
            "There are general wishes (cheaper, better) without a measure.",
            "There are goals, but not all with a KPI, baseline and target.",
            "Every goal has a KPI with baseline, target and date.",
            "The KPIs are measured and reported; steering is based on them.",
        ],
    ),
    q(
        "strategie-3",
        Strategie,
        (
            "Is per dienstdomein bepaald wat zelf blijft, wat gedeeld wordt en wat naar de markt gaat?",
            "Has it been decided per service domain what stays in-house, what is shared and what goes to the market?",
        ),
        [
            "Nee, er wordt in één keer 'alles' of 'niets' gedacht.",
            "Er zijn gesprekken, maar geen keuzes per domein.",
            "Voor een deel van de domeinen is een voorkeur vastgelegd.",
            "Voor alle domeinen is de huidige en beoogde sourcing met motivering vastgelegd.",
            "De keuzes per domein zijn getoetst aan afhankelijkheden en worden periodiek herzien.",
        ],
        [
            "No, it is 'everything' or 'nothing'.",
            "There are talks, but no choices per domain.",
            "A preference is recorded for some of the domains.",
            "For every domain the current and intended sourcing is recorded with a rationale.",
            "The choices per domain are checked against dependencies and reviewed periodically.",
        ],
    ),
    q(
        "strategie-4",
        Strategie,
        (
            "Steunt het bestuur (college, directie) de uitbesteding en de benodigde investering in regie?",
            "Do the executive and management support outsourcing and the investment in direction it needs?",
        ),
        [
            "Het bestuur is niet betrokken.",
            "Het bestuur is geïnformeerd maar heeft geen standpunt.",
            "Er is steun voor uitbesteding, maar niet voor de kosten van regie.",
            "Er is een bestuursopdracht met budget voor uitbesteding én regie.",
            "Het bestuur stuurt actief en laat zich periodiek rapporteren over de voortgang.",
        ],
        [
            "The executive is not involved.",
            "The executive is informed but has no position.",
            "There is support for outsourcing, but not for the cost of direction.",
            "There is a mandate with a budget for outsourcing and direction.",
            "The executive steers actively and receives periodic progress reports.",
        ],
    ),
    // --- basis
    q(
        "basis-1",
        Basis,
        (
            "Is er een volledig en actueel overzicht van applicaties met eigenaar, leverancier en contract?",
            "Is there a complete and current overview of applications with owner, supplier and contract?",
        ),
        [
            "Er is geen overzicht.",
            "Er is een Excel-lijst die niet wordt bijgehouden.",
            "Er is een overzicht, maar eigenaren of contracten ontbreken vaak.",
            "Het overzicht is volledig en wordt bij elke wijziging bijgewerkt.",
            "Eigenaren bevestigen hun gegevens periodiek; de kwaliteit wordt gemeten.",
        ],
        [
            "There is no overview.",
            "There is a spreadsheet that is not kept up to date.",
            "There is an overview, but owners or contracts are often missing.",
            "The overview is complete and updated with every change.",
            "Owners confirm their data periodically; its quality is measured.",
        ],
    ),
    q(
        "basis-2",
        Basis,
        (
            "Is bekend hoe de infrastructuur samenhangt (wat draait waarop, welke koppelingen er zijn)?",
            "Is it known how the infrastructure fits together (what runs on what, which interfaces exist)?",
        ),
        [
            "Nee, dat zit in de hoofden van enkele beheerders.",
            "Er zijn losse tekeningen van verschillende jaren.",
            "De belangrijkste systemen en koppelingen zijn vastgelegd.",
            "Alle componenten en koppelingen zijn vastgelegd en actueel.",
            "De samenhang wordt gebruikt voor impactanalyses en is getoetst bij een wijziging of storing.",
        ],
        [
            "No, it lives in the heads of a few administrators.",
            "There are loose drawings from various years.",
            "The main systems and interfaces are recorded.",
            "All components and interfaces are recorded and current.",
            "The structure is used for impact analysis and was tested in a change or outage.",
        ],
    ),
    q(
        "basis-3",
        Basis,
        (
            "Is bekend waar en door wie gegevens worden opgeslagen en verwerkt?",
            "Is it known where and by whom data is stored and processed?",
        ),
        [
            "Nee.",
            "Voor enkele grote systemen.",
            "Voor de meeste gegevensverzamelingen, maar niet voor back-ups en subverwerkers.",
            "Voor alle gegevensverzamelingen, inclusief land van opslag en (sub)verwerkers.",
            "Dit wordt periodiek gecontroleerd en afwijkingen worden gemeld en opgelost.",
        ],
        [
            "No.",
            "For a few large systems.",
            "For most data sets, but not for backups and sub-processors.",
            "For every data set, including country of storage and (sub-)processors.",
            "This is checked periodically and deviations are reported and resolved.",
        ],
    ),
    q(
        "basis-4",
        Basis,
        (
            "Zijn applicaties ingedeeld naar de GEMMA-referentiecomponenten en BIV-geclassificeerd?",
            "Are applications mapped to the GEMMA reference components and given a BIV classification?",
        ),
        [
            "Nee.",
            "Enkele applicaties.",
            "De meeste applicaties, maar zonder vergelijking met de GEMMA-baseline.",
            "Alle applicaties, en afwijkingen van de baseline zijn gemotiveerd.",
            "De classificatie wordt gebruikt in contracten en bij de keuze van maatregelen.",
        ],
        [
            "No.",
            "A few applications.",
            "Most applications, but without comparison to the GEMMA baseline.",
            "All applications, and deviations from the baseline are justified.",
            "The classification is used in contracts and when choosing measures.",
        ],
    ),
    // --- vraagorganisatie
    q(
        "vraagorganisatie-1",
        Vraagorganisatie,
        (
            "Is functioneel beheer per applicatie belegd (BiSL), met voldoende capaciteit?",
            "Is functional management assigned per application (BiSL), with enough capacity?",
        ),
        [
            "Nee, gebruikers lossen het zelf op.",
            "Voor enkele kernapplicaties, vaak als nevenfunctie.",
            "Voor de meeste applicaties, maar met te weinig tijd.",
            "Voor alle applicaties, met taakomschrijving en capaciteit.",
            "Functioneel beheer werkt volgens vaste processen en verbetert die.",
        ],
        [
            "No, users solve things themselves.",
            "For a few core applications, often as a side job.",
            "For most applications, but with too little time.",
            "For every application, with a job description and capacity.",
            "Functional management works to set processes and improves them.",
        ],
    ),
    q(
        "vraagorganisatie-2",
        Vraagorganisatie,
        (
            "Is er informatiemanagement dat de vraag van de organisatie bundelt en vertaalt naar leveranciers?",
            "Is there information management that bundles the organisation's demand and translates it for suppliers?",
        ),
        [
            "Nee, afdelingen gaan rechtstreeks naar leveranciers.",
            "Er is een informatiemanager, maar zonder mandaat.",
            "Informatiemanagement is belegd voor een deel van de organisatie.",
            "Informatiemanagement is organisatiebreed belegd met mandaat en werkwijze.",
            "De vraagorganisatie stuurt op portfolio en levert de leverancier heldere, geprioriteerde vragen.",
        ],
        [
            "No, departments go straight to suppliers.",
            "There is an information manager, but without a mandate.",
            "Information management covers part of the organisation.",
            "Information management is assigned organisation-wide with a mandate and way of working.",
            "The demand organisation steers on a portfolio and gives suppliers clear, prioritised requests.",
        ],
    ),
    q(
        "vraagorganisatie-3",
        Vraagorganisatie,
        (
            "Zijn de regierollen voor na de uitbesteding beschreven (contractmanager, servicemanager, leveranciersmanager)?",
            "Are the direction roles after outsourcing described (contract manager, service manager, supplier manager)?",
        ),
        [
            "Nee.",
            "Men weet dat ze nodig zijn, maar ze zijn niet beschreven.",
            "De rollen zijn beschreven maar niet bemenst.",
            "De rollen zijn beschreven en bemenst of de werving loopt.",
            "De rollen werken al samen volgens een regiemodel (bijvoorbeeld SIAM).",
        ],
        [
            "No.",
            "People know they are needed, but they are not described.",
            "The roles are described but not staffed.",
            "The roles are described and staffed, or recruitment is under way.",
            "The roles already work together to a direction model (for example SIAM).",
        ],
    ),
    q(
        "vraagorganisatie-4",
        Vraagorganisatie,
        (
            "Worden wensen en wijzigingen centraal verzameld, afgewogen en geprioriteerd?",
            "Are wishes and changes collected, weighed and prioritised centrally?",
        ),
        [
            "Nee, wie het hardst roept krijgt het.",
            "Er is een lijst, maar geen afweging.",
            "Er is een wijzigingsoverleg voor de grotere systemen.",
            "Alle wijzigingen lopen via één proces met prioritering.",
            "Prioritering gebeurt op basis van doelen en kosten en wordt teruggekoppeld.",
        ],
        [
            "No, whoever shouts loudest gets it.",
            "There is a list, but no weighing.",
            "There is a change board for the larger systems.",
            "All changes go through one process with prioritisation.",
            "Prioritisation follows goals and cost and is fed back.",
        ],
    ),
    // --- contractmanagement
    q(
        "contractmanagement-1",
        Contractmanagement,
        (
            "Is er een compleet contractregister met einddata, opzegtermijnen en verlengingsopties?",
            "Is there a complete contract register with end dates, notice periods and options to extend?",
        ),
        [
            "Nee, contracten liggen bij afdelingen.",
            "Er is een lijst, maar einddata en opzegtermijnen ontbreken vaak.",
            "De belangrijkste contracten zijn volledig vastgelegd.",
            "Alle contracten zijn vastgelegd; opzegdata worden bewaakt.",
            "Contractbeslissingen worden tijdig en op basis van evaluaties genomen.",
        ],
        [
            "No, contracts sit with departments.",
            "There is a list, but end dates and notice periods are often missing.",
            "The main contracts are recorded in full.",
            "Every contract is recorded; notice dates are watched.",
            "Contract decisions are taken in time and based on evaluations.",
        ],
    ),
    q(
        "contractmanagement-2",
        Contractmanagement,
        (
            "Worden leveranciers gestuurd op afspraken (SLA-rapportages, overleggen, escalatie)?",
            "Are suppliers directed on agreements (SLA reports, meetings, escalation)?",
        ),
        [
            "Nee, er wordt pas gebeld als er iets misgaat.",
            "Met enkele leveranciers is periodiek overleg.",
            "Er zijn SLA's, maar rapportages worden niet besproken.",
            "SLA-rapportages worden besproken; afwijkingen leiden tot afspraken.",
            "Sturing is op relatie én prestatie, met een jaarlijkse evaluatie en verbeterplannen.",
        ],
        [
            "No, people only call when something goes wrong.",
            "There are periodic meetings with a few suppliers.",
            "There are SLAs, but reports are not discussed.",
            "SLA reports are discussed; deviations lead to agreements.",
            "Direction covers relationship and performance, with a yearly evaluation and improvement plans.",
        ],
    ),
    q(
        "contractmanagement-3",
        Contractmanagement,
        (
            "Zijn er exitplannen voor bedrijfskritische diensten?",
            "Are there exit plans for business-critical services?",
        ),
        [
            "Nee.",
            "Het exitrecht staat in enkele contracten, zonder plan.",
            "Voor een deel van de kritische diensten is een exitplan.",
            "Voor alle kritische diensten is een actueel exitplan.",
            "De exitplannen zijn getest (bijvoorbeeld gegevens teruggehaald en gecontroleerd).",
        ],
        [
            "No.",
            "A few contracts have an exit clause, without a plan.",
            "Some critical services have an exit plan.",
            "Every critical service has a current exit plan.",
            "The exit plans have been tested (for example data retrieved and checked).",
        ],
    ),
    q(
        "contractmanagement-4",
        Contractmanagement,
        (
            "Worden assurancerapporten (ISAE 3402, SOC 2) jaarlijks opgevraagd en beoordeeld?",
            "Are assurance reports (ISAE 3402, SOC 2) requested and reviewed every year?",
        ),
        [
            "Nee.",
            "Soms, als een auditor erom vraagt.",
            "Ze worden opgevraagd maar niet beoordeeld.",
            "Ze worden jaarlijks opgevraagd en beoordeeld; bevindingen worden besproken.",
            "Bevindingen worden gevolgd tot ze zijn opgelost en wegen mee in de leveranciersevaluatie.",
        ],
        [
            "No.",
            "Sometimes, when an auditor asks for them.",
            "They are requested but not reviewed.",
            "They are requested and reviewed every year; findings are discussed.",
            "Findings are followed until resolved and count in the supplier evaluation.",
        ],
    ),
    // --- informatiebeveiliging
    q(
        "informatiebeveiliging-1",
        Informatiebeveiliging,
        (
            "Voldoet de gemeente aantoonbaar aan de BIO, inclusief de maatregelen voor leveranciers?",
            "Does the municipality demonstrably comply with the BIO, including the supplier controls?",
        ),
        [
            "Onbekend.",
            "Er is een nulmeting met veel open punten.",
            "De meeste maatregelen zijn genomen; leveranciersmaatregelen nog niet.",
            "De BIO is aantoonbaar ingevoerd, ook voor leveranciers (ENSIA zonder grote bevindingen).",
            "Beveiliging wordt continu verbeterd op basis van risico's en incidenten.",
        ],
        [
            "Unknown.",
            "There is a baseline measurement with many open points.",
            "Most controls are in place; supplier controls not yet.",
            "The BIO is demonstrably in place, for suppliers too (ENSIA without major findings).",
            "Security is improved continuously based on risks and incidents.",
        ],
    ),
    q(
        "informatiebeveiliging-2",
        Informatiebeveiliging,
        (
            "Zijn beveiligingseisen opgesteld die in een aanbesteding kunnen worden meegenomen?",
            "Have security requirements been drawn up that can go into a tender?",
        ),
        [
            "Nee.",
            "Er wordt verwezen naar 'de BIO' zonder uitwerking.",
            "Er zijn eisen voor een deel van de diensten.",
            "Er zijn eisen per dienst, afgeleid van de BIV-classificatie.",
            "De eisen zijn getoetst met de CISO en eerder gebruikt en geëvalueerd.",
        ],
        [
            "No.",
            "There is a reference to 'the BIO' without detail.",
            "There are requirements for some of the services.",
            "There are requirements per service, derived from the BIV classification.",
            "The requirements were checked with the CISO and used and evaluated before.",
        ],
    ),
    q(
        "informatiebeveiliging-3",
        Informatiebeveiliging,
        (
            "Is het afhankelijkheidsrisico van leveranciers in beeld (concentratie, continuïteit, uitwijk)?",
            "Is the dependency risk on suppliers known (concentration, continuity, fallback)?",
        ),
        [
            "Nee.",
            "Alleen bij incidenten.",
            "Voor de grootste leveranciers.",
            "Voor alle kritische leveranciers, met maatregelen.",
            "Het risico wordt periodiek herbeoordeeld en uitwijk is getest.",
        ],
        [
            "No.",
            "Only after incidents.",
            "For the largest suppliers.",
            "For every critical supplier, with measures.",
            "The risk is reassessed periodically and fallback has been tested.",
        ],
    ),
    q(
        "informatiebeveiliging-4",
        Informatiebeveiliging,
        (
            "Is incidentmanagement over de keten afgesproken (melden, opvolgen, oefenen)?",
            "Has incident management across the chain been agreed (reporting, follow-up, exercises)?",
        ),
        [
            "Nee.",
            "Leveranciers melden soms uit zichzelf.",
            "Er zijn meldafspraken met enkele leveranciers.",
            "Met alle kritische leveranciers zijn meld- en opvolgafspraken.",
            "De keten oefent samen en leert van incidenten.",
        ],
        [
            "No.",
            "Suppliers sometimes report on their own initiative.",
            "There are reporting agreements with a few suppliers.",
            "Every critical supplier has reporting and follow-up agreements.",
            "The chain exercises together and learns from incidents.",
        ],
    ),
    // --- privacy
    q(
        "privacy-1",
        Privacy,
        (
            "Is het register van verwerkingsactiviteiten (art. 30 AVG) volledig en actueel?",
            "Is the record of processing activities (Art. 30 GDPR) complete and current?",
        ),
        [
            "Er is geen register.",
            "Er is een register dat niet wordt bijgehouden.",
            "Het register is grotendeels compleet.",
            "Het register is compleet en gekoppeld aan applicaties en verwerkers.",
            "Het register wordt periodiek getoetst door de FG en gebruikt bij wijzigingen.",
        ],
        [
            "There is no record.",
            "There is a record that is not kept up.",
            "The record is mostly complete.",
            "The record is complete and linked to applications and processors.",
            "The record is checked periodically by the DPO and used in changes.",
        ],
    ),
    q(
        "privacy-2",
        Privacy,
        (
            "Zijn er verwerkersovereenkomsten met alle verwerkers?",
            "Are there processing agreements with every processor?",
        ),
        [
            "Onbekend.",
            "Met enkele verwerkers.",
            "Met de meeste verwerkers, niet altijd actueel.",
            "Met alle verwerkers, actueel (bijvoorbeeld volgens het VNG-model).",
            "Naleving wordt gecontroleerd (audits, rapportages) en afwijkingen worden opgevolgd.",
        ],
        [
            "Unknown.",
            "With a few processors.",
            "With most processors, not always current.",
            "With every processor, current (for example on the VNG model).",
            "Compliance is checked (audits, reports) and deviations are followed up.",
        ],
    ),
    q(
        "privacy-3",
        Privacy,
        (
            "Worden DPIA's uitgevoerd voor verwerkingen met een hoog risico?",
            "Are DPIAs carried out for high-risk processing?",
        ),
        [
            "Nee.",
            "Incidenteel, na vragen van de FG.",
            "Voor nieuwe systemen, niet voor bestaande.",
            "Voor alle verwerkingen met hoog risico, ook bestaande.",
            "DPIA's worden herhaald bij wijzigingen en hun maatregelen gevolgd.",
        ],
        [
            "No.",
            "Occasionally, after the DPO asks.",
            "For new systems, not for existing ones.",
            "For all high-risk processing, existing ones included.",
            "DPIAs are repeated with changes and their measures followed.",
        ],
    ),
    q(
        "privacy-4",
        Privacy,
        (
            "Is doorgifte van persoonsgegevens buiten de EER in beeld en geregeld?",
            "Are transfers of personal data outside the EEA known and covered?",
        ),
        [
            "Onbekend.",
            "Vermoedelijk, maar niet onderzocht.",
            "Bekend voor de grote clouddiensten.",
            "Bekend voor alle verwerkingen, met een vastgelegde grondslag.",
            "Wordt periodiek getoetst, ook bij subverwerkers, met een uitwijkscenario.",
        ],
        [
            "Unknown.",
            "Probably, but not investigated.",
            "Known for the large cloud services.",
            "Known for all processing, with a recorded legal basis.",
            "Checked periodically, sub-processors included, with a fallback scenario.",
        ],
    ),
    // --- financieel-inzicht
    q(
        "financieel-inzicht-1",
        FinancieelInzicht,
        (
            "Zijn de huidige totale kosten van de ICT (TCO) bekend, inclusief personeel en kapitaallasten?",
            "Are the current total costs of IT (TCO) known, including staff and capital charges?",
        ),
        [
            "Nee.",
            "Alleen de licentie- en contractkosten.",
            "Kosten zijn bekend, maar niet toe te rekenen aan diensten.",
            "De TCO per dienst is bekend (nulmeting), inclusief personeel en kapitaallasten.",
            "De TCO wordt jaarlijks bijgewerkt en vergeleken met andere gemeenten.",
        ],
        [
            "No.",
            "Only licence and contract costs.",
            "Costs are known, but cannot be attributed to services.",
            "The TCO per service is known (baseline), including staff and capital charges.",
            "The TCO is updated yearly and compared with other municipalities.",
        ],
    ),
    q(
        "financieel-inzicht-2",
        FinancieelInzicht,
        (
            "Is bekend wat uitbesteding doet met de begroting (kapitaallasten naar exploitatielasten, frictiekosten)?",
            "Is it known what outsourcing does to the budget (capital charges to operating charges, transition costs)?",
        ),
        [
            "Nee.",
            "Er is een globale schatting.",
            "Er is een businesscase, maar zonder frictiekosten of boekwaarden.",
            "Er is een meerjarige businesscase volgens het BBV, met boekwaarden en frictiekosten.",
            "De businesscase is getoetst door de controller en heeft een gevoeligheidsanalyse.",
        ],
        [
            "No.",
            "There is a rough estimate.",
            "There is a business case, but without transition costs or book values.",
            "There is a multi-year business case under the BBV rules, with book values and transition costs.",
            "The business case was checked by the controller and has a sensitivity analysis.",
        ],
    ),
    q(
        "financieel-inzicht-3",
        FinancieelInzicht,
        (
            "Is er budget voor de regieorganisatie en de transitie?",
            "Is there a budget for the direction organisation and the transition?",
        ),
        [
            "Nee.",
            "Er wordt verwacht dat het uit de besparing komt.",
            "Voor de transitie wel, voor de regie niet.",
            "Voor transitie en regie is structureel budget.",
            "Het budget is onderbouwd met een benchmark en heeft een risicoreservering.",
        ],
        [
            "No.",
            "It is expected to come out of the savings.",
            "For the transition, not for direction.",
            "There is a structural budget for transition and direction.",
            "The budget is backed by a benchmark and has a risk reserve.",
        ],
    ),
    // --- mensen-en-verandering
    q(
        "mensen-en-verandering-1",
        MensenEnVerandering,
        (
            "Is bekend welke rollen verdwijnen, veranderen en ontstaan, en wat dat betekent voor medewerkers?",
            "Is it known which roles disappear, change and appear, and what that means for staff?",
        ),
        [
            "Nee.",
            "Er is een eerste inschatting.",
            "De rollen zijn in beeld, de gevolgen per medewerker niet.",
            "Per rol en per medewerker is bekend wat er verandert.",
            "Er is een afgesproken sociaal plan of traject met de OR.",
        ],
        [
            "No.",
            "There is a first estimate.",
            "The roles are known, the effect per employee is not.",
            "For every role and employee it is known what changes.",
            "There is an agreed social plan or route with the works council.",
        ],
    ),
    q(
        "mensen-en-verandering-2",
        MensenEnVerandering,
        (
            "Zijn medewerkers en de ondernemingsraad betrokken?",
            "Are staff and the works council involved?",
        ),
        [
            "Nee.",
            "Ze zijn geïnformeerd.",
            "Er is een adviesaanvraag voorbereid.",
            "De OR heeft geadviseerd; medewerkers zijn betrokken bij het ontwerp.",
            "Medewerkers dragen de verandering mee en er is een gedeeld beeld van de nieuwe rol.",
        ],
        [
            "No.",
            "They have been informed.",
            "A request for advice has been prepared.",
            "The works council has advised; staff are involved in the design.",
            "Staff carry the change and share a picture of the new role.",
        ],
    ),
    q(
        "mensen-en-verandering-3",
        MensenEnVerandering,
        (
            "Is er een plan voor verandermanagement en voor de 'dip' na de start?",
            "Is there a plan for change management and for the 'dip' after the start?",
        ),
        [
            "Nee.",
            "Men verwacht dat het vanzelf gaat.",
            "Er is aandacht voor communicatie, niet voor de dip.",
            "Er is een veranderplan met stabilisatiefase en verwachtingenmanagement.",
            "Het plan is gebaseerd op ervaringen van andere gemeenten en wordt bijgestuurd.",
        ],
        [
            "No.",
            "People expect it to happen by itself.",
            "There is attention for communication, not for the dip.",
            "There is a change plan with a stabilisation phase and managed expectations.",
            "The plan draws on other municipalities' experience and is adjusted as it goes.",
        ],
    ),
    q(
        "mensen-en-verandering-4",
        MensenEnVerandering,
        (
            "Zijn de competenties voor de regierol aanwezig of wordt erin geïnvesteerd?",
            "Are the competences for the directing role present, or is there investment in them?",
        ),
        [
            "Nee.",
            "Men gaat ervan uit dat de huidige beheerders het kunnen.",
            "De benodigde competenties zijn beschreven.",
            "Er is een opleidings- en wervingsplan dat wordt uitgevoerd.",
            "De competenties zijn aanwezig en worden onderhouden.",
        ],
        [
            "No.",
            "It is assumed that the current administrators can do it.",
            "The competences needed are described.",
            "There is a training and recruitment plan being carried out.",
            "The competences are in place and maintained.",
        ],
    ),
    // --- inkoop
    q(
        "inkoop-1",
        Inkoop,
        (
            "Heeft de gemeente ervaring met Europese aanbestedingen van ICT-diensten?",
            "Does the municipality have experience with European tenders for IT services?",
        ),
        [
            "Nee.",
            "Alleen met leveringen of kleine opdrachten.",
            "Met één eerdere ICT-aanbesteding, met externe hulp.",
            "Met meerdere ICT-aanbestedingen, ook met gunning op kwaliteit.",
            "Aanbestedingen worden geëvalueerd en de lessen toegepast.",
        ],
        [
            "No.",
            "Only with supplies or small contracts.",
            "With one earlier IT tender, with outside help.",
            "With several IT tenders, award on quality included.",
            "Tenders are evaluated and the lessons applied.",
        ],
    ),
    q(
        "inkoop-2",
        Inkoop,
        (
            "Worden de GIBIT en het inkoopbeleid standaard toegepast?",
            "Are the GIBIT and the procurement policy applied as standard?",
        ),
        [
            "Nee.",
            "Soms.",
            "Bij nieuwe contracten, niet bij verlengingen.",
            "Altijd; afwijkingen worden gemotiveerd.",
            "Naleving wordt gemonitord en gerapporteerd.",
        ],
        [
            "No.",
            "Sometimes.",
            "In new contracts, not in extensions.",
            "Always; deviations are justified.",
            "Compliance is monitored and reported.",
        ],
    ),
    q(
        "inkoop-3",
        Inkoop,
        (
            "Kan de gemeente een partner ook kiezen op samenwerking en cultuur (interviews, dialoog)?",
            "Can the municipality choose a partner on cooperation and culture too (interviews, dialogue)?",
        ),
        [
            "Nee, er wordt alleen op prijs en eisen gegund.",
            "Er is de wens, maar geen werkwijze.",
            "Er is ervaring met presentaties of referenties.",
            "Er is een beproefde werkwijze met interviews en gedragscriteria.",
            "De werkwijze is geëvalueerd en voorspelde de samenwerking goed.",
        ],
        [
            "No, only price and requirements decide.",
            "The wish exists, but no way of working.",
            "There is experience with presentations or references.",
            "There is a proven way of working with interviews and behavioural criteria.",
            "The way of working was evaluated and predicted the cooperation well.",
        ],
    ),
    // --- ervaring
    q(
        "ervaring-1",
        Ervaring,
        (
            "Heeft de gemeente ervaring met het uitbesteden van (delen van) de ICT?",
            "Does the municipality have experience with outsourcing (parts of) its IT?",
        ),
        [
            "Nee.",
            "Met losse SaaS-toepassingen.",
            "Met één uitbesteed domein.",
            "Met meerdere domeinen, geëvalueerd.",
            "Uitbesteding is gangbaar en de lessen zijn vastgelegd en toegepast.",
        ],
        [
            "No.",
            "With separate SaaS applications.",
            "With one outsourced domain.",
            "With several domains, evaluated.",
            "Outsourcing is common and the lessons are recorded and applied.",
        ],
    ),
    q(
        "ervaring-2",
        Ervaring,
        (
            "Is er (ingehuurde of eigen) ervaring met regievoering en transities beschikbaar?",
            "Is (hired or own) experience with direction and transitions available?",
        ),
        [
            "Nee.",
            "Incidenteel advies.",
            "Een adviseur begeleidt de voorbereiding.",
            "Er is een ervaren transitiemanager en regiedeskundige beschikbaar.",
            "Die ervaring is geborgd in de eigen organisatie.",
        ],
        [
            "No.",
            "Occasional advice.",
            "An adviser guides the preparation.",
            "An experienced transition manager and direction expert are available.",
            "That experience is anchored in the own organisation.",
        ],
    ),
    q(
        "ervaring-3",
        Ervaring,
        (
            "Leert de gemeente van andere gemeenten en samenwerkingsverbanden?",
            "Does the municipality learn from other municipalities and shared services?",
        ),
        [
            "Nee.",
            "Via losse contacten.",
            "Via de VNG of de regio, incidenteel.",
            "Structureel, bijvoorbeeld in een kennisnetwerk of gezamenlijke inkoop.",
            "De gemeente deelt zelf ook haar ervaringen en werkt samen waar dat kan.",
        ],
        [
            "No.",
            "Through loose contacts.",
            "Through VNG or the region, occasionally.",
            "Structurally, for example in a knowledge network or joint procurement.",
            "The municipality also shares its own experience and cooperates where it can.",
        ],
    ),
];
