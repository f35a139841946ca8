//! The interface's texts in Dutch and English. Dutch is the default; the choice comes from the
//! `regisseur_taal` cookie, then `Accept-Language`.

use crate::auth::{LANG_COOKIE, cookie_value};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use regisseur_domain::Lang;

/// (key, Dutch, English)
const TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "Regisseur", "Regisseur"),
    (
        "app.tagline",
        "Regie op uitbesteding van gemeentelijke ICT",
        "Directing the outsourcing of municipal IT",
    ),
    ("skip", "Naar de inhoud", "Skip to content"),
    ("nav.main", "Hoofdnavigatie", "Main navigation"),
    ("nav.dashboard", "Overzicht", "Overview"),
    ("nav.basis", "Basis: landschap", "Basis: landscape"),
    ("nav.audit", "Audittrail", "Audit trail"),
    (
        "nav.kwaliteit",
        "Kwaliteit: basis op orde",
        "Quality: basis in order",
    ),
    (
        "nav.koers",
        "Koers: waar we naartoe willen",
        "Koers: where we want to go",
    ),
    (
        "nav.gereedheid",
        "Gereedheid: klaar om uit te besteden?",
        "Readiness: ready to outsource?",
    ),
    ("koers.title", "Koers", "Koers (direction)"),
    (
        "koers.heading",
        "Koers: doelen en dienstdomeinen",
        "Koers: goals and service domains",
    ),
    (
        "koers.intro",
        "Uitbesteden is een middel, geen doel. Leg vast wat de gemeente wil bereiken, meetbaar met een nulmeting en een streefwaarde, en per dienstdomein wat zelf blijft, wat gedeeld wordt en wat naar de markt gaat.",
        "Outsourcing is a means, not an end. Record what the municipality wants to achieve, measurable with a baseline and a target, and per service domain what stays in-house, what is shared and what goes to the market.",
    ),
    ("koers.goals", "Doelen", "Goals"),
    (
        "koers.goals.none",
        "Nog geen doelen. Zonder doel met meetbare KPI is het advies 'nog niet'.",
        "No goals yet. Without a goal with a measurable KPI the advice is 'not yet'.",
    ),
    ("koers.new", "Nieuw doel", "New goal"),
    ("koers.edit", "Doel wijzigen", "Edit goal"),
    ("koers.delete", "Doel verwijderen", "Delete goal"),
    ("koers.nokpi", "Geen meetbare KPI", "No measurable KPI"),
    ("koers.notmeasurable", "niet meetbaar", "not measurable"),
    ("koers.domains", "Dienstdomeinen", "Service domains"),
    ("koers.domain", "Dienstdomein", "Service domain"),
    ("koers.kpis", "KPI's", "KPIs"),
    (
        "koers.kpis.help",
        "Een KPI is meetbaar met een meting, een nulwaarde met datum en een streefwaarde met datum. Lege rijen worden overgeslagen.",
        "A KPI is measurable with a metric, a baseline with its date and a target with its date. Empty rows are skipped.",
    ),
    ("koers.metric", "Meting", "Metric"),
    ("koers.unit", "Eenheid", "Unit"),
    ("koers.baseline", "Nulwaarde", "Baseline"),
    ("koers.baselinedate", "Datum nulmeting", "Baseline date"),
    ("koers.target", "Streefwaarde", "Target"),
    ("koers.targetdate", "Streefdatum", "Target date"),
    (
        "koers.goal.title",
        "Titel van het doel",
        "Title of the goal",
    ),
    ("koers.rationale", "Motivering", "Rationale"),
    (
        "koers.domainchoices",
        "Sourcing per dienstdomein",
        "Sourcing per service domain",
    ),
    (
        "koers.domainchoices.intro",
        "Per domein hoe het nu geregeld is en wat de gemeente wil: zelf, in een samenwerkingsverband, via de markt of als SaaS. Domeinen die de gemeente (verder) wil overdragen krijgen een eigen advies op de pagina Gereedheid.",
        "Per domain how it is arranged now and what the municipality wants: in-house, in a shared service, through the market or as SaaS. Domains the municipality wants to hand (further) over get their own advice on the Readiness page.",
    ),
    ("koers.current", "Nu", "Now"),
    ("koers.intended", "Beoogd", "Intended"),
    ("koers.handover", "over te dragen", "to hand over"),
    ("ready.title", "Gereedheid", "Readiness"),
    (
        "ready.heading",
        "Gereedheid: klaar om uit te besteden?",
        "Readiness: ready to outsource?",
    ),
    ("ready.verdict", "Advies", "Advice"),
    (
        "ready.quality",
        "Kwaliteit van de basis",
        "Quality of the basis",
    ),
    ("ready.reasons", "Waarom", "Why"),
    ("ready.actions", "Wat het meest helpt", "What helps most"),
    ("ready.goto", "Ga naar", "Go to"),
    (
        "ready.dimensions",
        "Score per dimensie",
        "Score per dimension",
    ),
    (
        "ready.dimensions.table",
        "Score per dimensie (0–4): nodig is 2,0 om niet 'nog niet' te zijn en 3,0 voor 'gereed'",
        "Score per dimension (0–4): 2.0 is needed not to be 'not yet', 3.0 for 'ready'",
    ),
    ("ready.dimension", "Dimensie", "Dimension"),
    ("ready.answeredcol", "Beantwoord", "Answered"),
    ("ready.mean", "Gemiddelde antwoorden", "Mean of answers"),
    (
        "ready.evidence",
        "Bewijs uit register",
        "Evidence from register",
    ),
    ("ready.score", "Score", "Score"),
    ("ready.previous", "Vorige toets", "Previous assessment"),
    (
        "ready.how",
        "Hoe het advies tot stand komt",
        "How the advice is made",
    ),
    (
        "ready.how.1",
        "Een dimensie scoort het gemiddelde van haar beantwoorde vragen (0–4). Voor basis, privacy en contractmanagement is dat hoogstens het bewijs uit het register: de kwaliteitsscore (totaal, gebied gegevens, gebied contracten) gedeeld door 25. Het advies kan dus niet beter zijn dan de documentatie.",
        "A dimension scores the mean of its answered questions (0–4). For basis, privacy and contract management it is at most the evidence from the register: the quality score (overall, the data area, the contracts area) divided by 25. So the advice cannot be better than the documentation.",
    ),
    (
        "ready.how.2",
        "Nog niet: kwaliteit onder 60, geen doel met meetbare KPI, een onbeantwoorde dimensie of een dimensie onder 2,0. Gereed: geen van die, elke dimensie 3,0 of meer en kwaliteit 80 of meer. Anders gereed onder voorwaarden: de dimensies onder 3,0 en de kwaliteitsgebieden onder 80.",
        "Not yet: quality below 60, no goal with a measurable KPI, an unanswered dimension or a dimension below 2.0. Ready: none of those, every dimension 3.0 or more and quality 80 or more. Otherwise ready under conditions: the dimensions below 3.0 and the quality areas below 80.",
    ),
    (
        "ready.domains",
        "Advies per over te dragen dienstdomein",
        "Advice per service domain to hand over",
    ),
    (
        "ready.domain.same",
        "Volgt het totale advies.",
        "Follows the overall advice.",
    ),
    ("ready.history", "Eerdere toetsen", "Earlier assessments"),
    ("ready.by", "Door", "By"),
    ("ready.concept", "In behandeling", "In progress"),
    (
        "ready.open",
        "Toets in behandeling sinds",
        "Assessment in progress since",
    ),
    ("ready.answered", "vragen beantwoord", "questions answered"),
    (
        "ready.answer",
        "Vragenlijst invullen",
        "Answer the questionnaire",
    ),
    (
        "ready.start",
        "Nieuwe toets starten",
        "Start a new assessment",
    ),
    (
        "ready.finalise",
        "Toets vaststellen",
        "Finalise the assessment",
    ),
    (
        "ready.finalise.help",
        "Vaststellen legt de antwoorden en het advies van vandaag vast; een volgende toets begint met deze antwoorden.",
        "Finalising records the answers and today's advice; the next assessment starts from these answers.",
    ),
    (
        "ready.finalised",
        "De toets is vastgesteld.",
        "The assessment is finalised.",
    ),
    ("ready.questions", "Vragenlijst", "Questionnaire"),
    ("ready.back", "Terug naar het advies", "Back to the advice"),
    ("ready.saved", "Antwoorden opgeslagen.", "Answers saved."),
    (
        "ready.closed",
        "Er is geen toets in behandeling: de antwoorden hieronder zijn die van de laatste vastgestelde toets.",
        "No assessment is in progress: the answers below are those of the last finalised one.",
    ),
    ("ready.note", "Toelichting (optioneel)", "Note (optional)"),
    (
        "ready.evidencelink",
        "Bewijs: link of document (optioneel)",
        "Evidence: link or document (optional)",
    ),
    ("ready.lastby", "Laatst beantwoord door", "Last answered by"),
    ("ready.savenext", "Opslaan en volgende", "Save and next"),
    (
        "ready.saveadvice",
        "Opslaan en naar het advies",
        "Save and see the advice",
    ),
    (
        "nav.scope",
        "Scope: een deel of alles?",
        "Scope: one part or all?",
    ),
    ("scope.title", "Scope", "Scope"),
    (
        "scope.heading",
        "Scope: een deel of alles uitbesteden?",
        "Scope: outsource one part or all?",
    ),
    (
        "scope.intro",
        "Kies de dienstdomeinen die naar een partner gaan en zie wat die keuze doorsnijdt: de koppelingen en relaties over de grens (elk een raakvlak om te regisseren), de persoonsgegevens die naar de partner gaan (elk een verwerkersovereenkomst) en wat van de eigen organisatie ervan afhangt.",
        "Choose the service domains that go to a partner and see what that choice cuts through: the interfaces and relations across the line (each one to direct), the personal data going to the partner (each needs a processing agreement) and what the retained organisation depends on.",
    ),
    ("scope.domains", "Dienstdomeinen", "Service domains"),
    ("scope.outsource", "Uitbesteden", "Outsource"),
    ("scope.show", "Toon de snede", "Show the cut"),
    (
        "scope.cut",
        "Wat de keuze doorsnijdt",
        "What the choice cuts through",
    ),
    (
        "scope.none",
        "Kies hierboven een of meer domeinen.",
        "Choose one or more domains above.",
    ),
    (
        "scope.outsourced",
        "elementen uitbesteed",
        "elements outsourced",
    ),
    ("scope.crossings", "over de grens", "across the line"),
    (
        "scope.personal",
        "gegevensverzamelingen met persoonsgegevens naar de partner",
        "data sets with personal data to the partner",
    ),
    (
        "scope.dependent",
        "behouden elementen afhankelijk",
        "retained elements depending",
    ),
    (
        "scope.crossing.title",
        "Koppelingen en relaties over de grens",
        "Interfaces and relations across the line",
    ),
    (
        "scope.crossing.none",
        "Geen: de domeinen staan los van de rest.",
        "None: the domains stand apart from the rest.",
    ),
    ("scope.from", "Waar het van afhangt", "What it depends on"),
    ("scope.via", "Verbinding", "Link"),
    ("scope.to", "Wat ervan afhangt", "What depends on it"),
    (
        "scope.personal.title",
        "Persoonsgegevens naar de partner (verwerkersovereenkomst nodig)",
        "Personal data to the partner (processing agreement needed)",
    ),
    ("scope.personal.none", "Geen.", "None."),
    (
        "scope.dependent.title",
        "Behouden elementen die van het uitbestede afhangen",
        "Retained elements depending on what is outsourced",
    ),
    ("scope.dependent.none", "Geen.", "None."),
    (
        "scope.suppliers",
        "Afhankelijkheid van leveranciers",
        "Dependency on suppliers",
    ),
    (
        "scope.suppliers.intro",
        "Per leverancier het aandeel in de bedrijfskritische applicaties (de balk), de applicaties, contracten en hun jaarwaarde, en de gegevensverzamelingen met persoonsgegevens die hij verwerkt. Grens voor de kwaliteitsregel leverancier-concentratie:",
        "Per supplier its share of the business-critical applications (the bar), its applications, contracts and their annual value, and the data sets with personal data it processes. Limit of the quality rule leverancier-concentratie:",
    ),
    ("scope.supplier", "Leverancier", "Supplier"),
    (
        "scope.share",
        "Aandeel bedrijfskritisch",
        "Share of business-critical",
    ),
    ("scope.critical", "Bedrijfskritisch", "Business-critical"),
    ("scope.applications", "Applicaties", "Applications"),
    ("scope.contracts", "Contracten", "Contracts"),
    ("scope.value", "Jaarwaarde", "Annual value"),
    ("scope.personaldata", "Persoonsgegevens", "Personal data"),
    ("scope.over", "boven de grens", "above the limit"),
    ("impact.title", "Impact", "Impact"),
    (
        "impact.heading",
        "Impact en afhankelijkheden",
        "Impact and dependencies",
    ),
    ("impact.element", "Naar het element", "To the element"),
    (
        "impact.affected",
        "Getroffen als dit uitvalt of verdwijnt",
        "Affected if this fails or disappears",
    ),
    (
        "impact.intro",
        "Alles wat er (via andere) van afhangt, met het aantal stappen en één kortste pad.",
        "Everything that depends on it (through others too), with the number of steps and one shortest path.",
    ),
    (
        "impact.none",
        "Niets hangt hiervan af.",
        "Nothing depends on it.",
    ),
    ("impact.distance", "Stappen", "Steps"),
    ("impact.path", "Pad", "Path"),
    ("impact.critical", "bedrijfskritisch", "business-critical"),
    ("impact.personal", "persoonsgegevens", "personal data"),
    ("impact.map", "Afhankelijkheidskaart", "Dependency map"),
    ("impact.hops", "Aantal stappen rondom", "Steps around it"),
    ("impact.show", "Toon", "Show"),
    (
        "impact.truncated",
        "De kaart toont de 2.000 dichtstbijzijnde elementen.",
        "The map shows the 2,000 nearest elements.",
    ),
    ("impact.legend", "Legenda", "Legend"),
    ("impact.zoomin", "Inzoomen", "Zoom in"),
    ("impact.zoomout", "Uitzoomen", "Zoom out"),
    ("impact.reset", "Passend", "Fit"),
    ("impact.list", "De kaart als tabel", "The map as a table"),
    ("impact.via", "Bereikt via", "Reached from"),
    (
        "detail.impact",
        "Impact en afhankelijkheden",
        "Impact and dependencies",
    ),
    ("detail.default", "standaard", "default"),
    ("quality.title", "Kwaliteit", "Quality"),
    (
        "quality.heading",
        "Kwaliteit: is de basis op orde?",
        "Quality: is the basis in order?",
    ),
    (
        "quality.intro",
        "Regie op uitbesteding begint bij een eigen basis die klopt: documentatie die volledig en actueel is, weten hoe de infrastructuur samenhangt en hoe en waar gegevens worden beheerd. Deze pagina meet dat met regels over het register, en geeft per bevinding aan hoe u die herstelt.",
        "Directing outsourcing starts with your own basis in order: documentation that is complete and current, knowing how the infrastructure fits together and how and where data is managed. This page measures that with rules over the register, and says for each finding how to fix it.",
    ),
    ("quality.overall", "Score", "Score"),
    ("quality.outof", "van 100", "out of 100"),
    ("quality.scored", "elementen beoordeeld", "elements scored"),
    ("quality.asof", "peildatum", "as of"),
    ("quality.areas", "Score per gebied", "Score per area"),
    ("quality.area", "Gebied", "Area"),
    ("quality.score", "Score", "Score"),
    ("quality.completeness", "Volledigheid", "Completeness"),
    ("quality.elements", "Elementen", "Elements"),
    ("quality.errors", "Fouten", "Errors"),
    ("quality.warnings", "Waarschuwingen", "Warnings"),
    ("quality.infos", "Info", "Info"),
    ("quality.trend", "Verloop van de score", "Score over time"),
    (
        "quality.trend.none",
        "Nog geen verloop: de score wordt elke dag vastgelegd waarop hij wordt berekend.",
        "No trend yet: the score is recorded on every day it is computed.",
    ),
    (
        "quality.trend.numbers",
        "Cijfers van het verloop",
        "The numbers behind the chart",
    ),
    ("quality.day", "Dag", "Day"),
    ("quality.findings", "Bevindingen", "Findings"),
    ("quality.findings.count", "bevindingen", "findings"),
    (
        "quality.findings.none",
        "Geen bevindingen met deze filters.",
        "No findings with these filters.",
    ),
    ("quality.filter", "Filteren", "Filter"),
    ("quality.severity", "Ernst", "Severity"),
    ("quality.rule", "Regel", "Rule"),
    ("quality.finding", "Bevinding", "Finding"),
    ("quality.fix", "Zo herstelt u het", "How to fix it"),
    ("quality.fixit", "Herstellen", "Fix"),
    (
        "quality.settings",
        "Instellingen van de regels",
        "Rule settings",
    ),
    (
        "quality.settings.edit",
        "Regels instellen",
        "Configure the rules",
    ),
    (
        "quality.settings.saved",
        "De instellingen zijn opgeslagen.",
        "The settings were saved.",
    ),
    (
        "quality.settings.readonly",
        "Alleen een beheerder wijzigt deze instellingen.",
        "Only an administrator changes these settings.",
    ),
    ("quality.thresholds", "Termijnen", "Thresholds"),
    ("quality.rules", "Regels", "Rules"),
    ("quality.on", "Aan", "On"),
    ("quality.default", "standaard", "default"),
    ("quality.back", "Terug naar Kwaliteit", "Back to Quality"),
    (
        "quality.formula.title",
        "Hoe de score wordt berekend",
        "How the score is computed",
    ),
    (
        "quality.formula.1",
        "Volledigheid: elk soort element heeft gewogen velden en relaties (bij een applicatie bijvoorbeeld eigenaar 3, leverancier 2, BIV 1 per aspect, contract 2, 'draait op' 2 bij eigen hosting). Volledigheid = Σ(gewicht × ingevuld) / Σ(gewicht).",
        "Completeness: each kind of element has weighted fields and relations (for an application, for example, owner 3, supplier 2, BIV 1 per aspect, contract 2, 'runs on' 2 when self-hosted). Completeness = Σ(weight × filled) / Σ(weight).",
    ),
    (
        "quality.formula.2",
        "Elementscore = 100 × volledigheid × (1 − aftrek), met een aftrek van 0,5 per fout, 0,2 per waarschuwing en 0 per info over dat element (samen hoogstens 1).",
        "Element score = 100 × completeness × (1 − deduction), deducting 0.5 per error, 0.2 per warning and 0 per info about that element (at most 1 in total).",
    ),
    (
        "quality.formula.3",
        "De score van een gebied is het gemiddelde van de elementscores in dat gebied (documentatie: applicaties; infrastructuur: componenten en koppelingen; gegevens: gegevensverzamelingen; contracten: leveranciers en contracten); de totale score is het gemiddelde van alle elementscores. Uitgefaseerde elementen tellen niet mee.",
        "An area's score is the mean of the element scores in it (documentation: applications; infrastructure: components and interfaces; data: data sets; contracts: suppliers and contracts); the overall score is the mean of all element scores. Phased-out elements do not count.",
    ),
    ("detail.quality", "Kwaliteit", "Quality"),
    (
        "detail.quality.none",
        "Geen bevindingen: dit element voldoet aan de regels.",
        "No findings: this element meets the rules.",
    ),
    (
        "detail.confirm",
        "Bevestig dat dit klopt",
        "Confirm this is correct",
    ),
    (
        "detail.confirm.never",
        "Nog niet bevestigd door de eigenaar.",
        "Not yet confirmed by its owner.",
    ),
    (
        "detail.confirm.who",
        "De eigenaar (of een beheerder) bevestigt dat de gegevens kloppen; een wijziging door iemand anders trekt de bevestiging in.",
        "The owner (or an administrator) confirms that the data is correct; an edit by someone else withdraws the confirmation.",
    ),
    (
        "detail.confirmed",
        "Bevestigd. Dank u wel.",
        "Confirmed. Thank you.",
    ),
    (
        "dash.quality",
        "Kwaliteit van de basis",
        "Quality of the basis",
    ),
    ("dash.quality.more", "Alle bevindingen", "All findings"),
    ("nav.account", "Mijn account", "My account"),
    ("nav.orgs", "Organisatie wisselen", "Switch organisation"),
    ("logout", "Uitloggen", "Log out"),
    ("lang.switch", "English", "Nederlands"),
    ("lang.other", "en", "nl"),
    ("login.title", "Inloggen", "Log in"),
    ("login.email", "E-mailadres", "E-mail address"),
    ("login.password", "Wachtwoord", "Password"),
    ("login.submit", "Inloggen", "Log in"),
    (
        "login.failed",
        "Het e-mailadres of het wachtwoord klopt niet.",
        "The e-mail address or the password is not right.",
    ),
    (
        "login.throttled",
        "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.",
        "Too many failed attempts. Wait fifteen minutes and try again.",
    ),
    (
        "login.demo",
        "Demo-omgeving: log in als een van deze gebruikers, elk met het wachtwoord",
        "Demo environment: log in as one of these users, each with the password",
    ),
    (
        "orgs.title",
        "Kies een organisatie",
        "Choose an organisation",
    ),
    (
        "orgs.none",
        "U bent nog geen lid van een organisatie. Vraag een beheerder om u toe te voegen.",
        "You are not a member of any organisation yet. Ask an administrator to add you.",
    ),
    ("dash.title", "Overzicht", "Overview"),
    ("dash.register", "Het register", "The register"),
    (
        "dash.attention",
        "Wat nu aandacht vraagt",
        "What needs attention now",
    ),
    (
        "dash.attention.none",
        "Niets dat nu aandacht vraagt.",
        "Nothing needs attention now.",
    ),
    ("dash.attention.more", "en nog", "and"),
    ("dash.recent", "Recente wijzigingen", "Recent changes"),
    ("dash.kind", "Soort", "Kind"),
    ("dash.summary", "Samenvatting", "Summary"),
    ("dash.details", "Eerst aan de beurt", "First in line"),
    ("dash.count", "Aantal", "Number"),
    ("dash.element", "Onderdeel", "Element"),
    ("dash.reason", "Waarom", "Why"),
    ("list.search", "Zoeken", "Search"),
    ("list.search.label", "Zoek op naam", "Search by name"),
    ("list.filter", "Filteren", "Filter"),
    ("list.apply", "Toepassen", "Apply"),
    ("list.reset", "Alles tonen", "Show all"),
    ("list.new", "Nieuw", "New"),
    ("list.total", "gevonden", "found"),
    ("list.empty", "Niets gevonden.", "Nothing found."),
    ("list.page", "Pagina", "Page"),
    ("list.of", "van", "of"),
    ("list.prev", "Vorige", "Previous"),
    ("list.next", "Volgende", "Next"),
    ("list.paging", "Paginering", "Pagination"),
    ("list.sort", "sorteren", "sort"),
    ("list.any", "Alle", "All"),
    (
        "list.badparams",
        "Niet alle zoekopties konden worden gebruikt",
        "Not all search options could be used",
    ),
    ("yes", "Ja", "Yes"),
    ("no", "Nee", "No"),
    ("unknown", "Onbekend", "Unknown"),
    ("none", "—", "—"),
    ("detail.fields", "Gegevens", "Details"),
    ("detail.edit", "Bewerken", "Edit"),
    ("detail.delete", "Verwijderen", "Delete"),
    ("detail.relations", "Samenhang", "How it connects"),
    (
        "detail.relations.none",
        "Nog geen relaties vastgelegd.",
        "No relations recorded yet.",
    ),
    ("detail.referenced", "Verwijst hiernaar", "Refers to this"),
    (
        "detail.outgoing",
        "Relaties vanuit dit element",
        "Relations from this element",
    ),
    (
        "detail.incoming",
        "Relaties naar dit element",
        "Relations to this element",
    ),
    (
        "detail.interfaces.out",
        "Koppelingen naar andere applicaties",
        "Interfaces to other applications",
    ),
    (
        "detail.interfaces.in",
        "Koppelingen van andere applicaties",
        "Interfaces from other applications",
    ),
    ("detail.history", "Geschiedenis", "History"),
    (
        "detail.version",
        "Versie van de registratie",
        "Record version",
    ),
    ("detail.interface", "Koppeling", "Interface"),
    ("detail.other", "Applicatie", "Application"),
    ("detail.standard", "Standaard", "Standard"),
    ("detail.frequency", "Frequentie", "Frequency"),
    ("detail.created", "Aangemaakt", "Created"),
    ("detail.updated", "Gewijzigd", "Changed"),
    ("detail.saved", "Opgeslagen.", "Saved."),
    ("detail.newrelation", "Relatie toevoegen", "Add relation"),
    ("form.new", "Nieuw:", "New:"),
    ("form.edit", "Bewerken:", "Edit:"),
    ("form.save", "Opslaan", "Save"),
    ("form.cancel", "Annuleren", "Cancel"),
    ("form.required", "verplicht", "required"),
    (
        "form.errors",
        "Niet opgeslagen: controleer de gemarkeerde velden.",
        "Not saved: check the marked fields.",
    ),
    (
        "form.conflict",
        "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd. Hieronder staat de nieuwe versie; breng uw wijziging opnieuw aan.",
        "Not saved: someone else changed this meanwhile. The new version is below; make your change again.",
    ),
    ("form.choose", "— kies —", "— choose —"),
    (
        "form.multi",
        "Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen.",
        "Hold Ctrl (or Cmd) to choose more than one.",
    ),
    (
        "form.money",
        "In euro's, bijvoorbeeld 12.345,67",
        "In euros, for example 12,345.67",
    ),
    ("delete.title", "Verwijderen:", "Delete:"),
    (
        "delete.sure",
        "Weet u zeker dat u dit wilt verwijderen? Dit staat in de audittrail, maar is niet ongedaan te maken.",
        "Are you sure you want to delete this? It is recorded in the audit trail but cannot be undone.",
    ),
    (
        "delete.dependents",
        "Deze onderdelen zijn hiervan afhankelijk:",
        "These elements depend on this one:",
    ),
    ("delete.removed", "wordt ook verwijderd", "is deleted too"),
    (
        "delete.cleared",
        "verwijzing wordt gewist",
        "reference is cleared",
    ),
    (
        "delete.cascade",
        "Ja, verwijder ook de afhankelijke onderdelen of wis hun verwijzing",
        "Yes, also delete the dependent elements or clear their reference",
    ),
    (
        "delete.refused",
        "Niets verwijderd: andere onderdelen zijn hiervan afhankelijk. Vink aan dat u ook die wilt aanpassen.",
        "Nothing deleted: other elements depend on this one. Tick the box to change those as well.",
    ),
    (
        "delete.changed",
        "Niets verwijderd: iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de huidige versie hieronder en bevestig opnieuw.",
        "Nothing deleted: someone else changed this element in the meantime. Check the current version below and confirm again.",
    ),
    (
        "delete.submit",
        "Definitief verwijderen",
        "Delete permanently",
    ),
    ("delete.done", "Verwijderd.", "Deleted."),
    ("audit.title", "Audittrail", "Audit trail"),
    ("audit.when", "Tijdstip", "Time"),
    ("audit.who", "Gebruiker", "User"),
    ("audit.action", "Actie", "Action"),
    ("audit.what", "Onderdeel", "Element"),
    ("audit.fields", "Gewijzigde velden", "Changed fields"),
    ("audit.empty", "Nog geen wijzigingen.", "No changes yet."),
    ("account.title", "Mijn account", "My account"),
    (
        "account.orgs",
        "Organisaties en rollen",
        "Organisations and roles",
    ),
    (
        "account.tokens",
        "Persoonlijke API-tokens",
        "Personal API tokens",
    ),
    (
        "account.tokens.help",
        "Een token geeft een script dezelfde rechten als u. Alleen een hash wordt bewaard: het token ziet u één keer.",
        "A token gives a script the same rights as you. Only a hash is kept: you see the token once.",
    ),
    ("account.token.name", "Naam van het token", "Token name"),
    ("account.token.create", "Token maken", "Create token"),
    (
        "account.token.created",
        "Uw nieuwe token (kopieer het nu, het wordt niet opnieuw getoond):",
        "Your new token (copy it now, it will not be shown again):",
    ),
    ("account.token.lastused", "Laatst gebruikt", "Last used"),
    ("account.token.never", "nooit", "never"),
    (
        "error.404",
        "Deze pagina bestaat niet, of u heeft er geen toegang toe.",
        "This page does not exist, or you have no access to it.",
    ),
    (
        "error.403",
        "Uw rol in deze organisatie staat dit niet toe.",
        "Your role in this organisation does not allow this.",
    ),
    (
        "error.500",
        "Er ging iets mis aan onze kant. Er is niets half opgeslagen; probeer het later opnieuw.",
        "Something went wrong on our side. Nothing was half-saved; please try again later.",
    ),
    ("error.title", "Foutmelding", "Error"),
    ("error.home", "Naar het begin", "To the start page"),
    (
        "footer.licence",
        "Regisseur is open source (EUPL-1.2).",
        "Regisseur is open source (EUPL-1.2).",
    ),
    (
        "footer.api",
        "API-documentatie (OpenAPI)",
        "API documentation (OpenAPI)",
    ),
    ("role", "Rol", "Role"),
    (
        "nav.transfer",
        "Importeren en exporteren",
        "Import and export",
    ),
    (
        "transfer.title",
        "Importeren en exporteren",
        "Import and export",
    ),
    ("transfer.export", "Exporteren", "Export"),
    (
        "transfer.export.xlsx",
        "Het hele register als Excel-werkmap (een blad per soort, met keuzelijsten)",
        "The whole register as an Excel workbook (a sheet per kind, with drop-down lists)",
    ),
    (
        "transfer.export.csv",
        "De applicatielijst als CSV (in de kolommen die de import leest)",
        "The application list as CSV (in the columns the import reads)",
    ),
    (
        "transfer.export.ameff",
        "Het register als ArchiMate-model (AMEFF 3.1, voor Archi en BiZZdesign), met de koppeling naar GEMMA",
        "The register as an ArchiMate model (AMEFF 3.1, for Archi and BiZZdesign), linked to GEMMA",
    ),
    ("transfer.import", "Importeren", "Import"),
    (
        "transfer.more",
        "rijen zonder problemen zijn niet getoond; ze worden wel geïmporteerd.",
        "rows without problems are not shown; they are imported all the same.",
    ),
    (
        "transfer.help",
        "Laad uw applicatieoverzicht (Excel of CSV), een geëxporteerde registerwerkmap, of een ArchiMate-model (AMEFF-bestand uit Archi of BiZZdesign, of het GEMMA-model). U ziet eerst wat er verandert en elk probleem per rij (bij een model: per regel); pas na bevestiging wordt alles in één keer opgeslagen. Bestaande applicaties, leveranciers en personen worden op naam herkend, modelonderdelen op hun identificatie; hetzelfde bestand nogmaals importeren verandert niets.",
        "Upload your application overview (Excel or CSV), an exported register workbook, or an ArchiMate model (an AMEFF file from Archi or BiZZdesign, or the GEMMA model). You first see what changes and every problem per row (for a model: per line); only after confirming is everything saved at once. Existing applications, suppliers and people are recognised by name, model concepts by their identifier; importing the same file again changes nothing.",
    ),
    (
        "transfer.columns",
        "Welke kolommen worden gelezen?",
        "Which columns are read?",
    ),
    (
        "transfer.columns.more",
        "Ook synoniemen en Engelse namen worden herkend (zoals pakket, vendor, einde contract, BIV als 2-3-2). Kolommen die Regisseur niet kent, worden bewaard als eigenschap van de applicatie.",
        "Synonyms and English names are recognised too (such as package, vendor, contract end, BIV as 2-3-2). Columns Regisseur does not know are kept as properties of the application.",
    ),
    (
        "transfer.file",
        "Bestand (.xlsx of .csv)",
        "File (.xlsx or .csv)",
    ),
    (
        "transfer.preview",
        "Bekijken wat er verandert",
        "See what changes",
    ),
    (
        "transfer.result",
        "Voorbeeld van de import van",
        "Preview of importing",
    ),
    (
        "transfer.errors",
        "fouten: er wordt niets opgeslagen. Herstel ze in het bestand en laad het opnieuw.",
        "errors: nothing will be saved. Fix them in the file and upload it again.",
    ),
    (
        "transfer.nothing",
        "Niets te doen: het register bevat dit al.",
        "Nothing to do: the register holds this already.",
    ),
    ("transfer.summary", "Wat er verandert", "What changes"),
    ("transfer.rows", "Per rij", "Per row"),
    ("transfer.warnings", "waarschuwingen", "warnings"),
    ("transfer.row", "Rij", "Row"),
    ("transfer.outcome", "Resultaat", "Result"),
    ("transfer.problems", "Problemen", "Problems"),
    ("transfer.confirm", "Importeren", "Import"),
    ("transfer.nieuw", "Nieuw", "New"),
    ("transfer.gewijzigd", "Gewijzigd", "Changed"),
    ("transfer.ongewijzigd", "Ongewijzigd", "Unchanged"),
    ("transfer.skipped", "Niet ingelezen", "Not read"),
    ("transfer.error", "Fout", "Error"),
    ("transfer.warning", "Waarschuwing", "Warning"),
    (
        "transfer.nofile",
        "Kies een bestand om te importeren.",
        "Choose a file to import.",
    ),
    (
        "transfer.conflict",
        "Het register is intussen gewijzigd; er is niets opgeslagen. Laad het bestand opnieuw.",
        "The register changed meanwhile; nothing was saved. Upload the file again.",
    ),
    ("transfer.done", "Geïmporteerd", "Imported"),
    (
        "transfer.progress",
        "Voortgang van het uploaden",
        "Upload progress",
    ),
    (
        "nav.businesscase",
        "Businesscase: wat kost het?",
        "Business case: what does it cost?",
    ),
    ("bc.title", "Businesscase", "Business case"),
    ("bc.heading", "Businesscases", "Business cases"),
    (
        "bc.intro",
        "Wat uitbesteden doet met de begroting, jaar na jaar: kapitaallasten (afschrijving en rente volgens het BBV) die overgaan in exploitatielasten, de netto contante waarde van beide scenario's en hoe zeker dat is. Zet varianten naast elkaar om ze te vergelijken.",
        "What outsourcing does to the budget, year by year: capital charges (depreciation and interest under the BBV rules) turning into operating charges, the net present value of both scenarios, and how sure that is. Put variants side by side to compare them.",
    ),
    (
        "bc.empty",
        "Er is nog geen businesscase. Maak er een of importeer een TOML-bestand.",
        "There is no business case yet. Create one or import a TOML file.",
    ),
    ("bc.compare", "Naast elkaar", "Side by side"),
    (
        "bc.compare.caption",
        "Businesscases vergeleken (bedragen in euro's; NCW = netto contante waarde)",
        "Business cases compared (amounts in euros; NPV = net present value)",
    ),
    (
        "bc.compare.help",
        "Een negatief NCW-verschil betekent dat uitbesteden goedkoper is. P10, P50 en P90 komen uit de Monte Carlo-simulatie over de bandbreedtes.",
        "A negative NPV difference means outsourcing is cheaper. P10, P50 and P90 come from the Monte Carlo simulation over the ranges.",
    ),
    ("bc.new", "Nieuwe businesscase", "New business case"),
    ("bc.edit", "Bewerken", "Edit"),
    ("bc.import", "Importeren uit TOML", "Import from TOML"),
    (
        "bc.import.help",
        "Hetzelfde bestand dat `regisseur business-case` leest. Elk probleem wordt genoemd met sleutel en regel; er wordt dan niets opgeslagen.",
        "The same file `regisseur business-case` reads. Every problem is named with its key and line; nothing is saved then.",
    ),
    (
        "bc.import.failed",
        "Het bestand is niet geïmporteerd:",
        "The file was not imported:",
    ),
    ("bc.import.file", "TOML-bestand", "TOML file"),
    ("bc.import.button", "Importeren", "Import"),
    (
        "bc.import.notutf8",
        "het bestand is geen UTF-8-tekst",
        "the file is not UTF-8 text",
    ),
    (
        "bc.deleted",
        "De businesscase is verwijderd.",
        "The business case was deleted.",
    ),
    (
        "bc.imported",
        "De businesscase is geïmporteerd.",
        "The business case was imported.",
    ),
    ("bc.copied", "Kopie gemaakt.", "Copy made."),
    ("bc.none", "–", "–"),
    ("bc.horizon", "Looptijd", "Horizon"),
    ("bc.years", "jaar", "years"),
    ("bc.npv.own", "NCW eigen beheer", "NPV in-house"),
    ("bc.npv.out", "NCW uitbesteed", "NPV outsourced"),
    (
        "bc.npv.diff",
        "NCW-verschil (uitbesteed − eigen beheer)",
        "NPV difference (outsourced − in-house)",
    ),
    ("bc.payback", "Terugverdienjaar", "Payback year"),
    (
        "bc.payback.none",
        "geen binnen de looptijd",
        "none within the horizon",
    ),
    (
        "bc.last.own",
        "Lasten laatste jaar, eigen beheer",
        "Charges in the last year, in-house",
    ),
    (
        "bc.last.out",
        "Lasten laatste jaar, uitbesteed",
        "Charges in the last year, outsourced",
    ),
    ("bc.p10", "P10 NCW-verschil", "P10 NPV difference"),
    ("bc.p50", "P50 NCW-verschil", "P50 NPV difference"),
    ("bc.p90", "P90 NCW-verschil", "P90 NPV difference"),
    (
        "bc.cheaper",
        "Kans dat uitbesteden goedkoper is",
        "Chance that outsourcing is cheaper",
    ),
    ("bc.runs", "Runs", "Runs"),
    (
        "bc.verdict.cheaper",
        "Over {jaren} jaar is uitbesteden {bedrag} goedkoper dan eigen beheer, in contante waarde.",
        "Over {jaren} years outsourcing is {bedrag} cheaper than in-house, in present value.",
    ),
    (
        "bc.verdict.dearer",
        "Over {jaren} jaar is uitbesteden {bedrag} duurder dan eigen beheer, in contante waarde.",
        "Over {jaren} years outsourcing is {bedrag} more expensive than in-house, in present value.",
    ),
    (
        "bc.verdict.even",
        "Over {jaren} jaar kosten beide scenario's evenveel, in contante waarde.",
        "Over {jaren} years both scenarios cost the same, in present value.",
    ),
    ("bc.updated", "Gewijzigd op", "Changed on"),
    ("bc.by", "door", "by"),
    ("bc.field.name", "Naam", "Name"),
    ("bc.field.start", "Startjaar", "First year"),
    ("bc.field.years", "Looptijd (jaren)", "Horizon (years)"),
    ("bc.field.discount", "Discontovoet (%)", "Discount rate (%)"),
    (
        "bc.field.interest",
        "Omslagrente (%)",
        "Internal interest rate (%)",
    ),
    (
        "bc.field.direction",
        "Regiekosten (% van de uitbestede kosten)",
        "Direction cost (% of the outsourced costs)",
    ),
    (
        "bc.field.depreciationstart",
        "Afschrijving begint",
        "Depreciation starts",
    ),
    (
        "bc.start.next",
        "het jaar na de investering",
        "the year after the investment",
    ),
    (
        "bc.start.same",
        "in het jaar van de investering",
        "in the year of the investment",
    ),
    ("bc.outcome", "Uitkomst", "Outcome"),
    ("bc.uncertainty", "Hoe zeker is dit?", "How sure is this?"),
    (
        "bc.reproduce",
        "Dezelfde cijfers op de opdrachtregel:",
        "The same figures on the command line:",
    ),
    (
        "bc.noranges",
        "Alle bedragen zijn vast. Geef bij onzekere bedragen een minimum en maximum op om de Monte Carlo-simulatie en de tornado te zien.",
        "All amounts are fixed. Give a minimum and maximum for uncertain amounts to see the Monte Carlo simulation and the tornado.",
    ),
    ("bc.table", "De cijfers als tabel", "The figures as a table"),
    (
        "bc.assumptions",
        "Uitgangspunten en invoer",
        "Assumptions and inputs",
    ),
    (
        "bc.delete",
        "Businesscase verwijderen",
        "Delete business case",
    ),
    ("bc.copy", "Kopiëren als variant", "Copy as a variant"),
    ("bc.copy.suffix", "variant", "variant"),
    (
        "bc.export.xlsx",
        "Excel voor de controller",
        "Excel for the controller",
    ),
    ("bc.export.toml", "TOML-bestand", "TOML file"),
    ("bc.all", "Alle businesscases", "All business cases"),
    (
        "bc.list.assets",
        "Bestaande activa (boekwaarde bij de start)",
        "Existing assets (book value at the start)",
    ),
    (
        "bc.list.owncosts",
        "Eigen beheer: kosten per jaar",
        "In-house: yearly costs",
    ),
    (
        "bc.list.investments",
        "Eigen beheer: investeringen",
        "In-house: investments",
    ),
    (
        "bc.list.ownonce",
        "Eigen beheer: eenmalige lasten",
        "In-house: one-off charges",
    ),
    (
        "bc.list.outcosts",
        "Uitbesteed: kosten per jaar",
        "Outsourced: yearly costs",
    ),
    (
        "bc.list.outonce",
        "Uitbesteed: eenmalige lasten",
        "Outsourced: one-off charges",
    ),
    ("bc.col.name", "Naam", "Name"),
    ("bc.col.remove", "Verwijderen", "Remove"),
    ("bc.col.bookvalue", "Boekwaarde (€)", "Book value (€)"),
    ("bc.col.remaining", "Resterende jaren", "Remaining years"),
    ("bc.col.min", "Minimum (€)", "Minimum (€)"),
    ("bc.col.max", "Maximum (€)", "Maximum (€)"),
    (
        "bc.col.yearly",
        "Bedrag per jaar (€)",
        "Amount per year (€)",
    ),
    ("bc.col.amount", "Bedrag (€)", "Amount (€)"),
    ("bc.col.indexation", "Indexatie (%)", "Indexation (%)"),
    ("bc.col.from", "Vanaf jaar", "From year"),
    ("bc.col.to", "Tot en met jaar", "Up to year"),
    ("bc.col.year", "Jaar", "Year"),
    (
        "bc.col.depreciation",
        "Afschrijvingsjaren",
        "Depreciation years",
    ),
    ("bc.col.residual", "Restwaarde (€)", "Residual value (€)"),
    ("bc.col.repeat", "Herhalen", "Recurring"),
    ("bc.kind.depreciation", "Afschrijving", "Depreciation"),
    ("bc.kind.interest", "Rente", "Interest"),
    ("bc.kind.costs", "Kosten per jaar", "Yearly costs"),
    ("bc.kind.once", "Eenmalig", "One-off"),
    ("bc.kind.direction", "Regie", "Direction"),
    ("bc.kind.writedown", "Afwaardering", "Write-down"),
    (
        "bc.chart.charges",
        "Lasten per jaar, naar soort",
        "Charges per year, by kind",
    ),
    (
        "bc.chart.charges.desc",
        "Gestapelde staven per jaar: links eigen beheer (E), rechts uitbesteed (U), opgebouwd uit afschrijving, rente, kosten per jaar, eenmalige lasten, regie en afwaardering. De tabel hieronder bevat dezelfde cijfers.",
        "Stacked bars per year: on the left in-house (I), on the right outsourced (O), built from depreciation, interest, yearly costs, one-off charges, direction and write-down. The table below holds the same figures.",
    ),
    (
        "bc.chart.charges.intro",
        "Wat elk scenario per jaar op de begroting drukt. Kapitaallasten (afschrijving en rente) verdwijnen bij uitbesteden; exploitatielasten komen ervoor in de plaats.",
        "What each scenario charges to the budget per year. Capital charges (depreciation and interest) disappear when outsourcing; operating charges take their place.",
    ),
    ("bc.own.short", "E", "I"),
    ("bc.out.short", "U", "O"),
    ("bc.own", "Eigen beheer", "In-house"),
    ("bc.out", "Uitbesteed", "Outsourced"),
    ("bc.dashed", "gestreept", "dashed"),
    ("bc.scenario", "Scenario", "Scenario"),
    ("bc.total", "Totaal", "Total"),
    ("bc.chart.cash", "Cumulatieve kasstroom", "Cumulative cash"),
    (
        "bc.chart.cash.desc",
        "Twee lijnen: de opgetelde uitgaven van eigen beheer (doorgetrokken) en van uitbesteden (gestreept) per jaar; een verticale lijn markeert het terugverdienjaar. De tabel hieronder bevat dezelfde cijfers.",
        "Two lines: the summed spending of in-house (solid) and of outsourcing (dashed) per year; a vertical line marks the payback year. The table below holds the same figures.",
    ),
    (
        "bc.chart.cash.intro",
        "De uitgaven opgeteld: investeringen tellen in het jaar dat ze betaald worden, afschrijving en afwaardering niet. Vanaf het terugverdienjaar blijft uitbesteden op of onder eigen beheer.",
        "Spending summed up: investments count in the year they are paid, depreciation and write-downs do not. From the payback year on, outsourcing stays at or below in-house.",
    ),
    ("bc.cash.own", "Kasstroom eigen beheer", "Cash in-house"),
    (
        "bc.cum.own",
        "Cumulatief eigen beheer",
        "Cumulative in-house",
    ),
    ("bc.cash.out", "Kasstroom uitbesteed", "Cash outsourced"),
    (
        "bc.cum.out",
        "Cumulatief uitbesteed",
        "Cumulative outsourced",
    ),
    (
        "bc.cum.diff",
        "Verschil cumulatief",
        "Cumulative difference",
    ),
    (
        "bc.chart.mc",
        "Monte Carlo: spreiding van het NCW-verschil",
        "Monte Carlo: spread of the NPV difference",
    ),
    (
        "bc.chart.mc.desc",
        "Histogram van het NCW-verschil over {runs} runs. P10 {p10}, P50 {p50}, P90 {p90}; in {kans} van de runs is uitbesteden goedkoper. De tabel hieronder bevat de klassen.",
        "Histogram of the NPV difference over {runs} runs. P10 {p10}, P50 {p50}, P90 {p90}; outsourcing is cheaper in {kans} of the runs. The table below holds the bins.",
    ),
    (
        "bc.chart.mc.intro",
        "Elk onzeker bedrag volgt een PERT-verdeling tussen minimum en maximum. Links van nul is uitbesteden goedkoper.",
        "Every uncertain amount follows a PERT distribution between its minimum and maximum. Left of zero, outsourcing is cheaper.",
    ),
    (
        "bc.mc.cheaper",
        "Uitbesteden goedkoper",
        "Outsourcing cheaper",
    ),
    (
        "bc.mc.dearer",
        "Uitbesteden duurder",
        "Outsourcing more expensive",
    ),
    (
        "bc.mc.bin",
        "NCW-verschil van – tot",
        "NPV difference from – to",
    ),
    ("bc.mc.count", "Aantal runs", "Runs"),
    ("bc.mc.share", "Aandeel", "Share"),
    (
        "bc.chart.tornado",
        "Tornado: welke invoer telt het zwaarst",
        "Tornado: which inputs weigh most",
    ),
    (
        "bc.chart.tornado.desc",
        "Per onzekere invoer een balk van het NCW-verschil bij het minimum tot bij het maximum, de rest op de meest waarschijnlijke waarde; de grootste spreiding bovenaan. De tabel hieronder bevat dezelfde cijfers.",
        "Per uncertain input a bar from the NPV difference at its minimum to at its maximum, the others at their most likely value; the largest swing on top. The table below holds the same figures.",
    ),
    (
        "bc.chart.tornado.intro",
        "Hier loont het om scherper te ramen: de bovenste invoer bepaalt de uitkomst het meest.",
        "This is where sharper estimates pay off: the top inputs drive the outcome most.",
    ),
    ("bc.at.min", "Bij minimum", "At minimum"),
    ("bc.at.max", "Bij maximum", "At maximum"),
    ("bc.tornado.base", "basis", "base"),
    ("bc.input", "Invoer", "Input"),
    ("bc.swing", "Spreiding", "Swing"),
    ("bc.row", "rij", "row"),
    ("bc.general", "Algemeen", "General"),
    (
        "bc.form.help",
        "Bedragen in euro's, zoals u ze typt (480.000 of 480000,00). Is een bedrag onzeker, vul dan ook een minimum en maximum in. Percentages als 2,25. Lege rijen tellen niet mee.",
        "Amounts in euros, as you type them (480,000 or 480000.00). If an amount is uncertain, also fill in a minimum and maximum. Percentages as 2.25. Empty rows do not count.",
    ),
    ("bc.morerows", "Meer rijen", "More rows"),
    (
        "bc.check.ok",
        "De invoer is compleet.",
        "The input is complete.",
    ),
    (
        "bc.check.problems",
        "Problemen in de invoer",
        "Problems in the input",
    ),
    (
        "nav.aanbesteding",
        "Aanbesteding: route en gunning",
        "Procurement: route and award",
    ),
    ("proc.title", "Aanbesteding", "Procurement"),
    ("proc.heading", "Aanbesteding", "Procurement"),
    (
        "proc.intro",
        "Welke procedure de wet toestaat en wat wij adviseren, en een keuze van partner die iedere inschrijver en rechter kan narekenen — met de menselijke kant (samenwerking, communicatie, kritisch denken, innovatie) in interviews getoetst.",
        "Which procedure the law allows and what we advise, and a choice of partner that any bidder or judge can recompute — with the human side (cooperation, communication, critical thinking, innovation) tested in interviews.",
    ),
    ("proc.route", "Route-advies", "Route advice"),
    ("proc.kind", "Soort opdracht", "Kind of purchase"),
    (
        "proc.annual",
        "Waarde per jaar (€, excl. btw)",
        "Value per year (€, excl. VAT)",
    ),
    ("proc.months", "Looptijd (maanden)", "Term (months)"),
    (
        "proc.options",
        "Opties en verlengingen (maanden)",
        "Options and extensions (months)",
    ),
    ("proc.notice", "Datum aankondiging", "Notice date"),
    (
        "proc.suppliers",
        "Aantal mogelijke aanbieders",
        "Number of potential suppliers",
    ),
    (
        "proc.factors",
        "Kenmerken van de opdracht",
        "Characteristics of the purchase",
    ),
    ("proc.indefinite", "Onbepaalde looptijd", "Indefinite term"),
    (
        "proc.factor.adapted",
        "De oplossing moet worden aangepast aan de gemeente",
        "The solution must be adapted to the municipality",
    ),
    (
        "proc.factor.innovative",
        "Ontwerp of innovatieve oplossingen",
        "Design or innovative solutions",
    ),
    (
        "proc.factor.complex",
        "Complex (aard, juridisch of financieel, risico's)",
        "Complex (nature, legal or financial, risks)",
    ),
    (
        "proc.factor.unspecifiable",
        "De specificaties zijn niet vooraf precies vast te stellen",
        "The specifications cannot be set precisely beforehand",
    ),
    (
        "proc.factor.urgent",
        "Dwingende spoed die de gemeente niet zelf veroorzaakte",
        "Extreme urgency the municipality did not cause",
    ),
    ("proc.advise", "Advies geven", "Advise"),
    ("proc.advice", "Advies", "Advice"),
    ("proc.estimated", "Geraamde waarde", "Estimated value"),
    ("proc.threshold", "Europese drempel", "EU threshold"),
    ("proc.european", "Europees aanbesteden", "EU procedure"),
    (
        "proc.consultation",
        "Marktconsultatie",
        "Market consultation",
    ),
    (
        "proc.procedures",
        "Procedures: toegestaan en waarom",
        "Procedures: allowed and why",
    ),
    ("proc.procedure", "Procedure", "Procedure"),
    ("proc.allowed", "Toegestaan", "Allowed"),
    ("proc.ground", "Grond", "Ground"),
    ("proc.planning", "Minimale planning", "Minimum timeline"),
    ("proc.step", "Stap", "Step"),
    ("proc.date", "Datum", "Date"),
    ("proc.basis", "Termijn", "Period"),
    (
        "proc.json",
        "Dit advies als JSON (API)",
        "This advice as JSON (API)",
    ),
    ("proc.tenders", "Aanbestedingen", "Tenders"),
    (
        "proc.tenders.none",
        "Er is nog geen aanbesteding.",
        "There is no tender yet.",
    ),
    (
        "proc.tender.template",
        "Nieuwe aanbesteding (sjabloon ICT-uitbesteding)",
        "New tender (IT outsourcing template)",
    ),
    (
        "proc.tender.empty",
        "Nieuwe lege aanbesteding",
        "New empty tender",
    ),
    ("proc.tender.new", "Nieuwe aanbesteding", "New tender"),
    ("proc.tender.edit", "Opzet wijzigen", "Edit set-up"),
    ("proc.tender.name", "Naam", "Name"),
    (
        "proc.template.name",
        "Uitbesteding ICT-dienstverlening",
        "Outsourcing IT services",
    ),
    ("proc.stage", "Fase", "Stage"),
    ("proc.method", "Gunningsmethode", "Award method"),
    (
        "proc.policy",
        "Inkoopbeleid: drempels onder de Europese drempel",
        "Procurement policy: thresholds below the EU threshold",
    ),
    (
        "proc.policy.help",
        "De eigen drempels van de gemeente (gebruikelijke waarden vooraf ingevuld). Het route-advies gebruikt ze onder de Europese drempel.",
        "The municipality's own thresholds (common values filled in). The route advice uses them below the EU threshold.",
    ),
    (
        "proc.policy.services",
        "Diensten en leveringen: enkelvoudig tot (€)",
        "Services and supplies: single quote below (€)",
    ),
    (
        "proc.policy.works.single",
        "Werken: enkelvoudig tot (€)",
        "Works: single quote below (€)",
    ),
    (
        "proc.policy.works.multiple",
        "Werken: meervoudig tot (€)",
        "Works: multiple quotes below (€)",
    ),
    ("proc.wq", "Weging kwaliteit (%)", "Quality weight (%)"),
    ("proc.scale", "Schaal", "Scale"),
    ("proc.scale.min", "Laagste score", "Lowest score"),
    ("proc.scale.max", "Hoogste score", "Highest score"),
    (
        "proc.price.max",
        "Plafondprijs / Pmax (€)",
        "Ceiling price / Pmax (€)",
    ),
    ("proc.price.min", "Pmin (€)", "Pmin (€)"),
    (
        "proc.people",
        "Voorzitter en beoordelaars",
        "Chair and evaluators",
    ),
    (
        "proc.people.help",
        "De voorzitter legt de consensus vast; de beoordelaars scoren eerst ieder voor zich.",
        "The chair records the consensus; the evaluators first score on their own.",
    ),
    ("proc.person", "Persoon", "Person"),
    ("proc.chair", "Voorzitter", "Chair"),
    ("proc.evaluator", "Beoordelaar", "Evaluator"),
    ("proc.evaluators", "Beoordelaars", "Evaluators"),
    (
        "proc.requirements",
        "Eisen (knock-out)",
        "Requirements (knock-out)",
    ),
    ("proc.criteria", "Gunningscriteria", "Award criteria"),
    ("proc.col.id", "Code", "Code"),
    ("proc.col.name", "Naam", "Name"),
    ("proc.col.weight", "Weging (%)", "Weight (%)"),
    (
        "proc.col.value",
        "Waarde (€, bij gunnen op waarde)",
        "Value (€, award on value)",
    ),
    ("proc.col.description", "Omschrijving", "Description"),
    (
        "proc.form.help",
        "Wegingen in procenten; samen 100. Lege rijen tellen niet mee. De weging wordt vooraf gepubliceerd.",
        "Weights in percent; together 100. Empty rows do not count. The weights are published beforehand.",
    ),
    (
        "proc.next",
        "Waar staat de aanbesteding?",
        "Where does the tender stand?",
    ),
    (
        "proc.next.setup",
        "Opzet: leg de criteria vast en registreer de inschrijvingen. De prijzen blijven verzegeld. Start daarna de beoordeling; dan liggen opzet en inschrijvingen vast.",
        "Set-up: fix the criteria and register the bids. Prices stay sealed. Then start the evaluation; set-up and bids are fixed from then on.",
    ),
    (
        "proc.next.scoring",
        "Beoordeling: iedere beoordelaar scoort voor zich, met een toelichting bij elke score, en dient in. Daarna legt de voorzitter de consensus vast.",
        "Evaluation: every evaluator scores on their own, with a comment on every score, and submits. Then the chair records the consensus.",
    ),
    (
        "proc.next.final",
        "De consensus is vastgesteld; de prijzen zijn geopend en de rangorde is bekend.",
        "The consensus is final; the prices are open and the ranking is known.",
    ),
    ("proc.start", "Beoordeling starten", "Start the evaluation"),
    ("proc.myscores", "Mijn beoordeling", "My scores"),
    (
        "proc.myscores.intro",
        "Geef per criterium een score met een toelichting. U ziet de scores van anderen niet; na indienen kunt u niets meer wijzigen.",
        "Give a score with a comment per criterion. You do not see others' scores; after submitting nothing can be changed.",
    ),
    ("proc.consensus", "Consensus", "Consensus"),
    (
        "proc.consensus.intro",
        "De scores en toelichtingen van de beoordelaars staan bij elk criterium. Leg de consensusscore en de motivering vast; bij vaststellen worden de prijzen geopend.",
        "The evaluators' scores and comments are shown with each criterion. Record the consensus score and the motivation; finalising opens the prices.",
    ),
    ("proc.comment", "Toelichting", "Comment"),
    ("proc.motivation", "Motivering", "Motivation"),
    ("proc.submit", "Indienen", "Submit"),
    (
        "proc.finalise",
        "Consensus vaststellen en prijzen openen",
        "Finalise the consensus and open the prices",
    ),
    ("proc.score", "Score", "Score"),
    ("proc.submitted", "ingediend op", "submitted on"),
    (
        "proc.notsubmitted",
        "nog niet ingediend",
        "not yet submitted",
    ),
    ("proc.bids", "Inschrijvingen", "Bids"),
    (
        "proc.sealed",
        "Prijzen blijven verzegeld — niet zichtbaar en niet via de API op te vragen — tot de consensus over de kwaliteit is vastgesteld.",
        "Prices stay sealed — not shown and not available through the API — until the consensus on quality is final.",
    ),
    ("proc.bidder", "Inschrijver", "Bidder"),
    ("proc.price", "Prijs", "Price"),
    ("proc.price.sealed", "verzegeld", "sealed"),
    (
        "proc.price.open",
        "geopend: zie de uitslag",
        "open: see the result",
    ),
    (
        "proc.excluded",
        "uitgesloten: voldoet niet aan een eis",
        "excluded: fails a requirement",
    ),
    ("proc.bid.add", "Inschrijving registreren", "Register a bid"),
    ("proc.bid.remove", "Verwijder", "Remove"),
    ("proc.meets", "Voldoet aan", "Meets"),
    (
        "proc.result",
        "Uitslag en gunningsrapport",
        "Result and award report",
    ),
    ("proc.report", "Gunningsrapport", "Award report"),
    ("proc.award", "Voorlopige gunning aan", "Intended award to"),
    (
        "proc.shared",
        "gedeelde eerste plaats",
        "shared first place",
    ),
    (
        "proc.finalised",
        "Consensus vastgesteld op",
        "Consensus finalised on",
    ),
    (
        "proc.formula.absolute",
        "Kwaliteit = Σ weging × (score − laagste)/(hoogste − laagste); prijsscore = (Pmax − prijs)/(Pmax − Pmin), begrensd tot 0–1; totaal = 100 × (weging kwaliteit × kwaliteit + weging prijs × prijsscore). De hoogste totaalscore wint; bij gelijke stand de hoogste kwaliteit.",
        "Quality = Σ weight × (score − lowest)/(highest − lowest); price score = (Pmax − price)/(Pmax − Pmin), limited to 0–1; total = 100 × (quality weight × quality + price weight × price score). The highest total wins; on a tie the higher quality.",
    ),
    (
        "proc.formula.relative",
        "Kwaliteit = Σ weging × (score − laagste)/(hoogste − laagste); prijsscore = laagste prijs / prijs; totaal = 100 × (weging kwaliteit × kwaliteit + weging prijs × prijsscore). De hoogste totaalscore wint; bij gelijke stand de hoogste kwaliteit. Let op: relatieve prijsscores kunnen de rangorde omkeren (zie de controle hieronder).",
        "Quality = Σ weight × (score − lowest)/(highest − lowest); price score = lowest price / price; total = 100 × (quality weight × quality + price weight × price score). The highest total wins; on a tie the higher quality. Note: relative price scores can reverse ranks (see the check below).",
    ),
    (
        "proc.formula.value",
        "Beoordelingsprijs = prijs − Σ waarde × (score − laagste)/(hoogste − laagste). De laagste beoordelingsprijs wint; bij gelijke stand de hoogste kwaliteit.",
        "Assessed price = price − Σ value × (score − lowest)/(highest − lowest). The lowest assessed price wins; on a tie the higher quality.",
    ),
    (
        "proc.reproduce",
        "Iedereen kan elk cijfer narekenen met",
        "Anyone can recompute every figure with",
    ),
    (
        "proc.export",
        "Aanbestedingsbestand downloaden",
        "Download the tender file",
    ),
    ("proc.ranking", "Rangorde", "Ranking"),
    ("proc.rank", "Rang", "Rank"),
    ("proc.quality", "Kwaliteit (0–1)", "Quality (0–1)"),
    ("proc.pricescore", "Prijsscore (0–1)", "Price score (0–1)"),
    ("proc.total", "Totaal (0–100)", "Total (0–100)"),
    ("proc.assessed", "Beoordelingsprijs", "Assessed price"),
    (
        "proc.excludedbids",
        "Uitgesloten inschrijvingen",
        "Excluded bids",
    ),
    (
        "proc.sensitivity",
        "Gevoeligheid van de weging",
        "Sensitivity of the weights",
    ),
    (
        "proc.sensitivity.help",
        "Bij welke weging (de andere naar verhouding aangepast) een andere inschrijver zou winnen, het dichtst bij de gekozen weging. Ligt dat ver weg, dan is de uitslag robuust.",
        "At which weight (the others adjusted proportionally) another bidder would win, nearest to the chosen weight. If that is far away, the result is robust.",
    ),
    ("proc.weight.now", "Weging nu", "Weight now"),
    ("proc.weight.switch", "Omslagpunt", "Switch point"),
    (
        "proc.noswitch",
        "geen binnen 0–100 %",
        "none within 0–100 %",
    ),
    (
        "proc.reversal",
        "Controle op rangomkering",
        "Rank-reversal check",
    ),
    (
        "proc.reversal.none",
        "Het weglaten van een inschrijving verandert de volgorde van de andere niet.",
        "Leaving out any bid does not change the order of the others.",
    ),
    ("proc.reversal.without", "Zonder", "Without"),
    (
        "proc.back",
        "Terug naar de aanbesteding",
        "Back to the tender",
    ),
    (
        "proc.chart",
        "Totaalscore per inschrijver",
        "Total score per bidder",
    ),
    (
        "proc.chart.desc",
        "Liggende staven per inschrijver in volgorde van de rangorde: het deel dat de kwaliteit en het deel dat de prijs bijdraagt (bij gunnen op waarde: de beoordelingsprijs). De tabel hieronder bevat dezelfde cijfers.",
        "Horizontal bars per bidder in ranking order: the part quality contributes and the part price contributes (for award on value: the assessed price). The table below holds the same figures.",
    ),
    ("proc.chart.quality", "Kwaliteit", "Quality"),
    ("proc.chart.price", "Prijs", "Price"),
    (
        "nav.regie",
        "Regie: na het contract",
        "Regie: after the contract",
    ),
    ("regie.title", "Regie", "Direction"),
    ("regie.heading", "Regie-agenda", "Director's agenda"),
    (
        "regie.intro",
        "Wat er per contract aan komt en wat te laat is: uiterste opzegdatums, einddatums en verplichtingen zoals het jaarlijkse assurancerapport, de test van het exitplan en de BIO2-review.",
        "What is coming up per contract and what is late: notice deadlines, end dates and obligations such as the yearly assurance report, the exit plan test and the BIO2 review.",
    ),
    ("regie.agenda", "Agenda", "Agenda"),
    ("regie.overdue", "Te laat", "Overdue"),
    ("regie.upcoming", "De komende 90 dagen", "The next 90 days"),
    ("regie.none", "Niets.", "Nothing."),
    ("regie.what", "Wat", "What"),
    ("regie.description", "Omschrijving", "Description"),
    (
        "regie.feed",
        "Agenda in uw eigen kalender",
        "The agenda in your own calendar",
    ),
    (
        "regie.feed.help",
        "Abonneer uw kalender (Outlook, Google, Apple) op een geheim adres. Iedereen met het adres ziet de agenda; trek het in als het is uitgelekt.",
        "Subscribe your calendar (Outlook, Google, Apple) to a secret address. Anyone with the address sees the agenda; revoke it if it leaks.",
    ),
    (
        "regie.feed.new",
        "Uw nieuwe adres (alleen nu zichtbaar; bewaar het):",
        "Your new address (shown only now; keep it):",
    ),
    ("regie.feed.count", "Actieve adressen", "Active addresses"),
    (
        "regie.feed.create",
        "Nieuw agenda-adres maken",
        "Create a new agenda address",
    ),
    (
        "regie.feed.revoke",
        "Alle agenda-adressen intrekken",
        "Revoke all agenda addresses",
    ),
    ("regie.contracts", "Contracten", "Contracts"),
    ("regie.until", "tot", "until"),
    ("regie.obligations", "Verplichtingen", "Obligations"),
    (
        "regie.obligations.none",
        "Nog geen verplichtingen vastgelegd.",
        "No obligations recorded yet.",
    ),
    ("regie.recurrence", "Herhaling", "Recurrence"),
    ("regie.next", "Volgende keer", "Next due"),
    ("regie.lastmet", "Laatst voldaan", "Last met"),
    ("regie.late", "te laat", "late"),
    ("regie.met", "Voldaan", "Met"),
    ("regie.done", "afgerond", "done"),
    ("regie.due", "Eerste vervaldatum", "First due date"),
    (
        "regie.obligation.add",
        "Verplichting toevoegen",
        "Add an obligation",
    ),
    ("regie.sla", "Service levels", "Service levels"),
    (
        "regie.sla.none",
        "Voor dit contract zijn nog geen SLA-normen vastgelegd (zie regisseur sla voor het formaat).",
        "No SLA norms have been set for this contract yet (see regisseur sla for the format).",
    ),
    ("regie.sla.table", "Gemeten per maand", "Measured per month"),
    ("regie.availability", "Beschikbaarheid", "Availability"),
    ("regie.response", "Reactietijd", "Response time"),
    ("regie.resolution", "Oplostijd", "Resolution time"),
    ("regie.within", "binnen", "within"),
    ("regie.hours", "uur", "hours"),
    ("regie.month", "Maand", "Month"),
    ("regie.credit", "Servicecredit", "Service credit"),
    ("regie.missed", "niet gehaald", "missed"),
    (
        "regie.credits.total",
        "Servicecredits in totaal",
        "Service credits in total",
    ),
    (
        "regie.chronic",
        "Chronisch falen (3 van 6 maanden niet gehaald)",
        "Chronic failure (missed in 3 of 6 months)",
    ),
    (
        "regie.report.upload",
        "Maandrapportage van de leverancier",
        "The supplier's monthly report",
    ),
    (
        "regie.report.help",
        "CSV of XLSX met een kopregel en de kolommen maand (2027-03), norm (de code van de norm) en gemeten (percentage). Met een fout in één rij wordt niets ingelezen; elke foute rij wordt genoemd.",
        "CSV or XLSX with a header row and the columns maand (2027-03), norm (the norm's code) and gemeten (percent). With an error in any row nothing is read; every bad row is named.",
    ),
    ("regie.report.file", "Rapportage", "Report"),
    ("regie.report.button", "Inlezen", "Upload"),
    (
        "regie.health",
        "Gezondheid van de relatie",
        "Health of the relationship",
    ),
    (
        "regie.health.intro",
        "Elk kwartaal beantwoorden beide kanten dezelfde vragen. Een daling van 1,5 punt sinds het begin, of twee kwartalen daling op rij, is het dal der deceptie; alle SLA's gehaald maar tevredenheid onder de 6 is een watermeloen.",
        "Every quarter both sides answer the same questions. A fall of 1.5 points since the start, or two quarters of decline in a row, is the valley of disappointment; every SLA met but satisfaction below 6 is a watermelon.",
    ),
    (
        "regie.health.chart",
        "Tevredenheid per kwartaal",
        "Satisfaction per quarter",
    ),
    (
        "regie.health.chart.desc",
        "Lijnen per kant (gemeente doorgetrokken, leverancier gestreept) met de tevredenheid per kwartaal op een schaal van 1 tot 10; de rode stippellijn is 6. De tabel bevat dezelfde cijfers.",
        "Lines per side (municipality solid, supplier dashed) with the satisfaction per quarter on a scale of 1 to 10; the red dotted line is 6. The table holds the same figures.",
    ),
    ("regie.quarter", "Kwartaal", "Quarter"),
    ("regie.side", "Kant", "Side"),
    ("regie.trust", "Vertrouwen", "Trust"),
    ("regie.recommend", "Aanbevelen", "Recommend"),
    ("regie.satisfaction", "Tevredenheid", "Satisfaction"),
    ("regie.proactivity", "Proactiviteit", "Proactivity"),
    ("regie.comment", "Toelichting", "Comment"),
    ("regie.survey", "Meting invullen", "Fill in the survey"),
    ("regie.survey.save", "Meting opslaan", "Save the survey"),
    ("regie.outage.add", "Storing vastleggen", "Record an outage"),
    (
        "regie.incident.add",
        "Incident vastleggen",
        "Record an incident",
    ),
    ("regie.norm", "Norm", "Norm"),
    ("regie.begin", "Begin", "Start"),
    ("regie.end", "Einde", "End"),
    ("regie.priority", "Prioriteit", "Priority"),
    ("regie.reported", "Gemeld", "Reported"),
    ("regie.answered", "Gereageerd", "Answered"),
    ("regie.resolved", "Opgelost", "Resolved"),
    ("regie.terms", "SLA-normen vastleggen", "Set the SLA norms"),
    ("regie.terms.fee", "Maandbedrag (€)", "Monthly fee (€)"),
    (
        "regie.terms.cap",
        "Maximale credit per maand (% van het maandbedrag)",
        "Maximum credit per month (% of the monthly fee)",
    ),
    (
        "regie.terms.closed",
        "Extra vrije dagen (2027-12-24, …)",
        "Extra closed days (2027-12-24, …)",
    ),
    ("regie.terms.norms", "Normen", "Norms"),
    (
        "regie.terms.help",
        "Doel in procenten. Reactie- en oplostijd gelden per prioriteit binnen het aantal uren van het venster. Staffel: drempel:credit%, gescheiden door puntkomma's, van hoog naar laag — 99,9:10; 99:25 betekent onder 99,9 % een credit van 10 %, onder 99 % 25 %.",
        "Target in percent. Response and resolution times apply per priority within the window's hours. Tiers: threshold:credit%, separated by semicolons, from high to low — 99.9:10; 99:25 means below 99.9 % a credit of 10 %, below 99 % 25 %.",
    ),
    ("regie.terms.save", "Normen opslaan", "Save the norms"),
    ("regie.col.id", "Code", "Code"),
    ("regie.col.kind", "Soort", "Kind"),
    ("regie.col.window", "Venster", "Window"),
    ("regie.col.target", "Doel (%)", "Target (%)"),
    ("regie.col.priority", "Prioriteit", "Priority"),
    ("regie.col.hours", "Binnen (uur)", "Within (hours)"),
    ("regie.col.tiers", "Staffel", "Tiers"),
    (
        "regie.expectations",
        "Verwachtingen bij de start",
        "Expectations at the start",
    ),
    (
        "regie.expectations.intro",
        "Wat beide partijen bij de start verwachtten, hoe dat te meten is en wanneer — later naast de werkelijkheid gelegd.",
        "What both parties expected at the start, how to measure it and by when — later set against reality.",
    ),
    ("regie.by", "uiterlijk", "by"),
    (
        "regie.compare",
        "vergelijk met de werkelijkheid",
        "compare with reality",
    ),
    ("regie.outcome", "Uitkomst", "Outcome"),
    ("regie.reality", "Werkelijkheid", "Reality"),
    (
        "regie.expectation.add",
        "Verwachting vastleggen",
        "Record an expectation",
    ),
    ("regie.expected", "Verwachting", "Expectation"),
    ("regie.measure", "Meetbaar als", "Measured as"),
    (
        "regie.innovations",
        "Innovatieregister",
        "Innovation register",
    ),
    (
        "regie.innovations.none",
        "Nog geen voorstellen.",
        "No proposals yet.",
    ),
    ("regie.value", "Waarde", "Value"),
    (
        "regie.innovation.add",
        "Innovatie voorstellen",
        "Propose an innovation",
    ),
    ("regie.innovation.title", "Voorstel", "Proposal"),
    ("nav.transitie", "Transitie", "Transition"),
    ("transition.title", "Transitie", "Transition"),
    (
        "tr.heading",
        "Transitie: mensen en verandering",
        "Transition: people and change",
    ),
    (
        "tr.intro",
        "Veel van wat verandert is organisatorisch: rollen verdwijnen, andere ontstaan. Verandering kost tijd — plan haar, volg de risico's en vertel het op tijd.",
        "Much of what changes is organisational: roles disappear, others appear. Change takes time — plan it, follow the risks and tell people in time.",
    ),
    (
        "tr.supplier.intro",
        "Hier ziet u de risico's die uw organisatie voor de transitie heeft ingediend, en dient u nieuwe in.",
        "Here you see the risks your organisation submitted for the transition, and submit new ones.",
    ),
    ("tr.parts", "Onderdelen", "Parts"),
    (
        "tr.organisation",
        "De regieorganisatie",
        "The retained organisation",
    ),
    (
        "tr.organisation.help",
        "De rollen van de IT-organisatie nu en na uitbesteding, per dienstdomein: wat verdwijnt, wat verandert en wat ontstaat.",
        "The roles of the IT organisation today and after outsourcing, per service domain: what disappears, what changes and what appears.",
    ),
    (
        "tr.roles.none",
        "Nog geen rollen vastgelegd. Begin met het sjabloon van regierollen (SIAM/BiSL).",
        "No roles recorded yet. Start with the template of directing roles (SIAM/BiSL).",
    ),
    (
        "tr.fte",
        "Fte per rol, nu en na uitbesteding",
        "FTE per role, today and after outsourcing",
    ),
    ("tr.role", "Rol", "Role"),
    ("tr.domain", "Dienstdomein", "Service domain"),
    ("tr.change", "Verandering", "Change"),
    ("tr.fte.before", "Fte nu", "FTE today"),
    ("tr.fte.after", "Fte straks", "FTE after"),
    ("tr.actions", "Acties", "Actions"),
    ("tr.delete", "Verwijderen", "Remove"),
    ("tr.total", "Totaal", "Total"),
    ("tr.role.new", "Rol toevoegen", "Add a role"),
    (
        "tr.template",
        "Regierollen uit het sjabloon toevoegen (SIAM/BiSL)",
        "Add the directing roles from the template (SIAM/BiSL)",
    ),
    (
        "tr.gaps",
        "Competenties: nodig en aanwezig",
        "Competences: needed and available",
    ),
    (
        "tr.gaps.none",
        "Nog geen competenties bij de rollen vastgelegd.",
        "No competences recorded with the roles yet.",
    ),
    (
        "tr.gaps.caption",
        "Competenties in fte, het grootste tekort eerst",
        "Competences in FTE, the largest shortfall first",
    ),
    ("tr.competence", "Competentie", "Competence"),
    ("tr.needed", "Nodig", "Needed"),
    ("tr.available", "Aanwezig", "Available"),
    ("tr.shortfall", "Tekort", "Shortfall"),
    ("tr.people", "Betrokken medewerkers", "People affected"),
    (
        "tr.people.help",
        "Persoonsgegevens: alleen zichtbaar voor beheerders en regisseurs.",
        "Personal data: visible only to administrators and directors.",
    ),
    (
        "tr.people.none",
        "Nog geen medewerkers vastgelegd.",
        "No people recorded yet.",
    ),
    ("tr.name", "Naam", "Name"),
    ("tr.role.now", "Rol nu", "Role today"),
    ("tr.fate", "Wat gebeurt er", "What happens"),
    ("tr.role.new.name", "Nieuwe rol", "New role"),
    ("tr.person.new", "Medewerker toevoegen", "Add a person"),
    ("tr.plan", "Transitieplan", "Transition plan"),
    (
        "tr.plan.none",
        "Nog geen fasen gepland.",
        "No phases planned yet.",
    ),
    ("tr.phases", "Fasen", "Phases"),
    ("tr.phase", "Fase", "Phase"),
    ("tr.start", "Start", "Start"),
    ("tr.end", "Einde", "End"),
    ("tr.days", "Dagen", "Days"),
    (
        "tr.plan.edit",
        "Fasen en instellingen wijzigen",
        "Change phases and settings",
    ),
    ("tr.milestones", "Mijlpalen", "Milestones"),
    (
        "tr.milestones.none",
        "Nog geen mijlpalen.",
        "No milestones yet.",
    ),
    ("tr.milestone", "Mijlpaal", "Milestone"),
    ("tr.late", "te laat", "late"),
    ("tr.date", "Datum", "Date"),
    ("tr.owner", "Eigenaar", "Owner"),
    ("tr.depends", "Hangt af van", "Depends on"),
    ("tr.state", "Status", "Status"),
    ("tr.milestone.new", "Mijlpaal toevoegen", "Add a milestone"),
    ("tr.risks", "Risicodossier", "Risk dossier"),
    (
        "tr.heatmap",
        "Heatmap: aantal risico's (niet gesloten) per kans en impact",
        "Heat map: number of risks (not closed) per probability and impact",
    ),
    (
        "tr.impact.probability",
        "Impact ↓ / kans →",
        "Impact ↓ / probability →",
    ),
    ("tr.weekly", "Wekelijks risicorapport", "Weekly risk report"),
    (
        "tr.weekly.help",
        "Vergeleken met een week geleden, zoals in de uitvoeringsfase van Best Value.",
        "Compared with a week ago, as in Best Value's execution phase.",
    ),
    ("tr.weekly.new", "Nieuw", "New"),
    ("tr.weekly.changed", "Gewijzigd", "Changed"),
    ("tr.weekly.grown", "Gegroeid", "Grown"),
    ("tr.weekly.removed", "Vervallen", "Removed"),
    ("tr.weekly.late", "Maatregelen te laat", "Mitigations late"),
    ("tr.risks.none", "Nog geen risico's.", "No risks yet."),
    (
        "tr.risks.caption",
        "Risico's, de hoogste score eerst",
        "Risks, the highest score first",
    ),
    ("tr.risk", "Risico", "Risk"),
    ("tr.cause.effect", "Oorzaak → gevolg", "Cause → effect"),
    ("tr.score", "Score", "Score"),
    ("tr.mitigation", "Maatregel", "Mitigation"),
    ("tr.due", "gereed vóór", "due"),
    ("tr.by", "Ingediend door", "Submitted by"),
    ("tr.risk.new", "Risico toevoegen", "Add a risk"),
    ("tr.communication", "Communicatieplan", "Communication plan"),
    (
        "tr.messages.none",
        "Nog geen communicatiemomenten.",
        "No messages planned yet.",
    ),
    ("tr.moment", "Moment", "Moment"),
    ("tr.audience", "Doelgroep", "Audience"),
    ("tr.message", "Boodschap", "Message"),
    ("tr.channel", "Kanaal", "Channel"),
    ("tr.done", "Gedaan", "Done"),
    (
        "tr.message.new",
        "Communicatiemoment toevoegen",
        "Add a message",
    ),
    ("tr.yes", "ja", "yes"),
    ("tr.edit", "Wijzigen", "Edit"),
    ("tr.no", "nee", "no"),
    (
        "dash.journey",
        "De reis: waar staan we?",
        "The journey: where are we?",
    ),
    ("report.title", "Dossier", "Dossier"),
    (
        "report.heading",
        "Uitbestedingsdossier voor de raad",
        "Outsourcing dossier for the council",
    ),
    (
        "report.intro",
        "Eén PDF met wat in Regisseur staat: samenvatting en advies, en de hoofdstukken die u kiest. Een hoofdstuk waarvan de gegevens ontbreken zegt dat.",
        "One PDF with what is in Regisseur: the summary and advice, and the chapters you choose. A chapter whose data is missing says so.",
    ),
    ("report.parts", "Hoofdstukken", "Chapters"),
    ("report.lang", "Taal", "Language"),
    ("report.download", "PDF downloaden", "Download the PDF"),
    (
        "form.properties",
        "Eén eigenschap per regel, als naam: waarde (bijvoorbeeld Afdeling: Publiekszaken).",
        "One property per line, as name: value (for example Department: Public affairs).",
    ),
    (
        "report.link",
        "Het uitbestedingsdossier als PDF",
        "The outsourcing dossier as PDF",
    ),
];

/// The texts of one language, for templates: `t.s("key")`.
#[derive(Debug, Clone, Copy)]
pub struct T(pub Lang);

impl T {
    pub fn s(&self, key: &str) -> &'static str {
        TEXTS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, nl, en)| self.0.pick(nl, en))
            .unwrap_or("??")
    }
}

/// The language of a request: the cookie, else the first supported `Accept-Language`, else nl.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookie_value(headers, LANG_COOKIE).and_then(|c| Lang::from_code(&c)) {
        return lang;
    }
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',')
                .map(|part| part.split(';').next().unwrap_or("").trim())
                .find_map(|code| {
                    Lang::from_code(code)
                        .or_else(|| Lang::from_code(code.split('-').next().unwrap_or("")))
                })
        })
        .unwrap_or(Lang::Nl)
}

pub struct ReqLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReqLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ReqLang(request_lang(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn every_key_is_unique_and_found() {
        let mut keys: Vec<&str> = TEXTS.iter().map(|(k, _, _)| *k).collect();
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "duplicate text keys");
        assert_eq!(T(Lang::En).s("login.title"), "Log in");
        assert_eq!(T(Lang::Nl).s("login.title"), "Inloggen");
    }

    /// Every key the code and the templates ask for (`.s("…")`) exists, in both languages:
    /// a missing one would show "??" on a page and be read out by a screen reader.
    #[test]
    fn every_key_used_exists_in_both_languages() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        files(&root.join("src"), &mut paths);
        files(&root.join("templates"), &mut paths);
        let mut missing = Vec::new();
        let mut used = 0;
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("readable");
            for (at, _) in text.match_indices(".s(\"") {
                let rest = &text[at + 4..];
                let Some(end) = rest.find('"') else { continue };
                let key = &rest[..end];
                if !key.contains('.') || key.contains(' ') {
                    continue;
                }
                used += 1;
                match TEXTS.iter().find(|(k, _, _)| *k == key) {
                    Some((_, nl, en)) if !nl.is_empty() && !en.is_empty() => {}
                    _ => missing.push(format!("{}: {key}", path.display())),
                }
            }
        }
        assert!(used > 300, "the scan found only {used} uses");
        assert!(
            missing.is_empty(),
            "keys without a text:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn language_from_cookie_then_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(request_lang(&headers), Lang::Nl);
        headers.insert(
            "accept-language",
            HeaderValue::from_static("en-GB,en;q=0.9,nl;q=0.8"),
        );
        assert_eq!(request_lang(&headers), Lang::En);
        headers.insert("cookie", HeaderValue::from_static("regisseur_taal=nl"));
        assert_eq!(request_lang(&headers), Lang::Nl);
    }
}
