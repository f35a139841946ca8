# Regisseur: the texts of the interface in Dutch (the default language).
#
# Fluent (https://projectfluent.org). Every message here also exists in en.ftl, and every one is
# used by the code or the templates; `cargo test -p regisseur-web` checks both.
# { $name } is a value the page fills in; { $count -> ... } picks the form for the number
# (Dutch: [one] for 1, *[other] for the rest).

## app

app-name = Regisseur
app-tagline = Regie op uitbesteding van gemeentelijke ICT

## skip

skip = Naar de inhoud

## nav

nav-main = Hoofdnavigatie
nav-dashboard = Overzicht
nav-basis = Basis: landschap
nav-audit = Audittrail
nav-kwaliteit = Kwaliteit: basis op orde
nav-koers = Koers: waar we naartoe willen
nav-gereedheid = Gereedheid: klaar om uit te besteden?
nav-scope = Scope: een deel of alles?
nav-orgs = Organisatie wisselen
nav-transfer = Importeren en exporteren
nav-businesscase = Businesscase: wat kost het?
nav-aanbesteding = Aanbesteding: route en gunning
nav-regie = Regie: na het contract
nav-transitie = Transitie

## koers

koers-title = Koers
koers-heading = Koers: doelen en dienstdomeinen
koers-intro = Uitbesteden is een middel, geen doel. Leg vast wat de gemeente wil bereiken, meetbaar met een nulmeting en een streefwaarde, en per dienstdomein wat zelf blijft, wat gedeeld wordt en wat naar de markt gaat.
koers-goals = Doelen
koers-goals-none = Nog geen doelen. Zonder doel met meetbare KPI is het advies 'nog niet'.
koers-new = Nieuw doel
koers-edit = Doel wijzigen
koers-delete = Doel verwijderen
koers-nokpi = Geen meetbare KPI
koers-notmeasurable = niet meetbaar
koers-domains = Dienstdomeinen
koers-domain = Dienstdomein
koers-kpis = KPI's
koers-kpis-help = Een KPI is meetbaar met een meting, een nulwaarde met datum en een streefwaarde met datum. Lege rijen worden overgeslagen.
koers-metric = Meting
koers-unit = Eenheid
koers-baseline = Nulwaarde
koers-baselinedate = Datum nulmeting
koers-target = Streefwaarde
koers-targetdate = Streefdatum
koers-goal-title = Titel van het doel
koers-rationale = Motivering
koers-domainchoices = Sourcing per dienstdomein
koers-domainchoices-intro = Per domein hoe het nu geregeld is en wat de gemeente wil: zelf, in een samenwerkingsverband, via de markt of als SaaS. Domeinen die de gemeente (verder) wil overdragen krijgen een eigen advies op de pagina Gereedheid.
koers-current = Nu
koers-intended = Beoogd
koers-handover = over te dragen

## ready

ready-title = Gereedheid
ready-heading = Gereedheid: klaar om uit te besteden?
ready-verdict = Advies
ready-quality = Kwaliteit van de basis
ready-reasons = Waarom
ready-actions = Wat het meest helpt
ready-goto = Ga naar
ready-dimensions = Score per dimensie
ready-dimensions-table = Score per dimensie (0–4): nodig is 2,0 om niet 'nog niet' te zijn en 3,0 voor 'gereed'
ready-dimension = Dimensie
ready-answeredcol = Beantwoord
ready-mean = Gemiddelde antwoorden
ready-evidence = Bewijs uit register
ready-score = Score
ready-previous = Vorige toets
ready-how = Hoe het advies tot stand komt
ready-how-1 = Een dimensie scoort het gemiddelde van haar beantwoorde vragen (0–4). Voor basis, privacy en contractmanagement is dat hoogstens het bewijs uit het register: de kwaliteitsscore (totaal, gebied gegevens, gebied contracten) gedeeld door 25. Het advies kan dus niet beter zijn dan de documentatie.
ready-how-2 = Nog niet: kwaliteit onder 60, geen doel met meetbare KPI, een onbeantwoorde dimensie of een dimensie onder 2,0. Gereed: geen van die, elke dimensie 3,0 of meer en kwaliteit 80 of meer. Anders gereed onder voorwaarden: de dimensies onder 3,0 en de kwaliteitsgebieden onder 80.
ready-domains = Advies per over te dragen dienstdomein
ready-domain-same = Volgt het totale advies.
ready-history = Eerdere toetsen
ready-by = Door
ready-concept = In behandeling
ready-open = Toets in behandeling sinds
ready-answered =
    { $count ->
        [one] { $count } vraag beantwoord
       *[other] { $count } vragen beantwoord
    }
ready-answer = Vragenlijst invullen
ready-start = Nieuwe toets starten
ready-finalise = Toets vaststellen
ready-finalise-help = Vaststellen legt de antwoorden en het advies van vandaag vast; een volgende toets begint met deze antwoorden.
ready-finalised = De toets is vastgesteld.
ready-questions = Vragenlijst
ready-back = Terug naar het advies
ready-saved = Antwoorden opgeslagen.
ready-closed = Er is geen toets in behandeling: de antwoorden hieronder zijn die van de laatste vastgestelde toets.
ready-note = Toelichting (optioneel)
ready-evidencelink = Bewijs: link of document (optioneel)
ready-lastby = Laatst beantwoord door
ready-savenext = Opslaan en volgende
ready-saveadvice = Opslaan en naar het advies

## scope

scope-title = Scope
scope-heading = Scope: een deel of alles uitbesteden?
scope-intro = Kies de dienstdomeinen die naar een partner gaan en zie wat die keuze doorsnijdt: de koppelingen en relaties over de grens (elk een raakvlak om te regisseren), de persoonsgegevens die naar de partner gaan (elk een verwerkersovereenkomst) en wat van de eigen organisatie ervan afhangt.
scope-domains = Dienstdomeinen
scope-outsource = Uitbesteden
scope-show = Toon de snede
scope-cut = Wat de keuze doorsnijdt
scope-none = Kies hierboven een of meer domeinen.
scope-outsourced =
    { $count ->
        [one] { $count } element uitbesteed
       *[other] { $count } elementen uitbesteed
    }
scope-crossings = over de grens
scope-personal =
    { $count ->
        [one] { $count } gegevensverzameling met persoonsgegevens naar de partner
       *[other] { $count } gegevensverzamelingen met persoonsgegevens naar de partner
    }
scope-dependent =
    { $count ->
        [one] { $count } behouden element afhankelijk
       *[other] { $count } behouden elementen afhankelijk
    }
scope-crossing-title = Koppelingen en relaties over de grens
scope-crossing-none = Geen: de domeinen staan los van de rest.
scope-from = Waar het van afhangt
scope-via = Verbinding
scope-to = Wat ervan afhangt
scope-personal-title = Persoonsgegevens naar de partner (verwerkersovereenkomst nodig)
scope-personal-none = Geen.
scope-dependent-title = Behouden elementen die van het uitbestede afhangen
scope-dependent-none = Geen.
scope-suppliers = Afhankelijkheid van leveranciers
scope-suppliers-intro = Per leverancier het aandeel in de bedrijfskritische applicaties (de balk), de applicaties, contracten en hun jaarwaarde, en de gegevensverzamelingen met persoonsgegevens die hij verwerkt. Grens voor de kwaliteitsregel leverancier-concentratie:
scope-supplier = Leverancier
scope-share = Aandeel bedrijfskritisch
scope-critical = Bedrijfskritisch
scope-applications = Applicaties
scope-contracts = Contracten
scope-value = Jaarwaarde
scope-personaldata = Persoonsgegevens
scope-over = boven de grens

## impact

impact-title = Impact
impact-heading = Impact en afhankelijkheden
impact-element = Naar het element
impact-affected = Getroffen als dit uitvalt of verdwijnt
impact-intro = Alles wat er (via andere) van afhangt, met het aantal stappen en één kortste pad.
impact-none = Niets hangt hiervan af.
impact-distance = Stappen
impact-path = Pad
impact-critical = bedrijfskritisch
impact-personal = persoonsgegevens
impact-map = Afhankelijkheidskaart
impact-hops = Aantal stappen rondom
impact-show = Toon
impact-truncated = De kaart toont de 2.000 dichtstbijzijnde elementen.
impact-legend = Legenda
impact-zoomin = Inzoomen
impact-zoomout = Uitzoomen
impact-reset = Passend
impact-list = De kaart als tabel
impact-via = Bereikt via

## detail

detail-impact = Impact en afhankelijkheden
detail-default = standaard
detail-quality = Kwaliteit
detail-quality-none = Geen bevindingen: dit element voldoet aan de regels.
detail-confirm = Bevestig dat dit klopt
detail-confirm-never = Nog niet bevestigd door de eigenaar.
detail-confirm-who = De eigenaar (of een beheerder) bevestigt dat de gegevens kloppen; een wijziging door iemand anders trekt de bevestiging in.
detail-confirmed = Bevestigd. Dank u wel.
detail-fields = Gegevens
detail-edit = Bewerken
detail-delete = Verwijderen
detail-relations = Samenhang
detail-relations-none = Nog geen relaties vastgelegd.
detail-referenced = Verwijst hiernaar
detail-outgoing = Relaties vanuit dit element
detail-incoming = Relaties naar dit element
detail-interfaces-out = Koppelingen naar andere applicaties
detail-interfaces-in = Koppelingen van andere applicaties
detail-history = Geschiedenis
detail-version = Versie van de registratie
detail-interface = Koppeling
detail-other = Applicatie
detail-standard = Standaard
detail-frequency = Frequentie
detail-created = Aangemaakt
detail-updated = Gewijzigd
detail-saved = Opgeslagen.
detail-newrelation = Relatie toevoegen

## quality

quality-title = Kwaliteit
quality-heading = Kwaliteit: is de basis op orde?
quality-intro = Regie op uitbesteding begint bij een eigen basis die klopt: documentatie die volledig en actueel is, weten hoe de infrastructuur samenhangt en hoe en waar gegevens worden beheerd. Deze pagina meet dat met regels over het register, en geeft per bevinding aan hoe u die herstelt.
quality-overall = Score
quality-outof = van 100
quality-scored =
    { $count ->
        [one] { $count } element beoordeeld
       *[other] { $count } elementen beoordeeld
    }
quality-asof = peildatum
quality-areas = Score per gebied
quality-area = Gebied
quality-score = Score
quality-completeness = Volledigheid
quality-elements = Elementen
quality-errors = Fouten
quality-warnings = Waarschuwingen
quality-infos = Info
quality-trend = Verloop van de score
quality-trend-none = Nog geen verloop: de score wordt elke dag vastgelegd waarop hij wordt berekend.
quality-trend-numbers = Cijfers van het verloop
quality-day = Dag
quality-findings = Bevindingen
quality-findings-count =
    { $count ->
        [one] { $count } bevinding
       *[other] { $count } bevindingen
    }
quality-findings-none = Geen bevindingen met deze filters.
quality-filter = Filteren
quality-severity = Ernst
quality-rule = Regel
quality-finding = Bevinding
quality-fix = Zo herstelt u het
quality-fixit = Herstellen
quality-settings = Instellingen van de regels
quality-settings-edit = Regels instellen
quality-settings-saved = De instellingen zijn opgeslagen.
quality-settings-readonly = Alleen een beheerder wijzigt deze instellingen.
quality-thresholds = Termijnen
quality-rules = Regels
quality-on = Aan
quality-default = standaard
quality-back = Terug naar Kwaliteit
quality-formula-title = Hoe de score wordt berekend
quality-formula-1 = Volledigheid: elk soort element heeft gewogen velden en relaties (bij een applicatie bijvoorbeeld eigenaar 3, leverancier 2, BIV 1 per aspect, contract 2, 'draait op' 2 bij eigen hosting). Volledigheid = Σ(gewicht × ingevuld) / Σ(gewicht).
quality-formula-2 = Elementscore = 100 × volledigheid × (1 − aftrek), met een aftrek van 0,5 per fout, 0,2 per waarschuwing en 0 per info over dat element (samen hoogstens 1).
quality-formula-3 = De score van een gebied is het gemiddelde van de elementscores in dat gebied (documentatie: applicaties; infrastructuur: componenten en koppelingen; gegevens: gegevensverzamelingen; contracten: leveranciers en contracten); de totale score is het gemiddelde van alle elementscores. Uitgefaseerde elementen tellen niet mee.

## dash

dash-quality = Kwaliteit van de basis
dash-quality-more = Alle bevindingen
dash-title = Overzicht
dash-register = Het register
dash-attention = Wat nu aandacht vraagt
dash-attention-none = Niets dat nu aandacht vraagt.
dash-attention-more = en nog
dash-recent = Recente wijzigingen
dash-kind = Soort
dash-summary = Samenvatting
dash-details = Eerst aan de beurt
dash-count = Aantal
dash-element = Onderdeel
dash-reason = Waarom
dash-journey = De reis: waar staan we?

## logout

logout = Uitloggen

## lang

lang-switch = English
lang-other = en

## login

login-title = Inloggen
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Inloggen
login-failed = Het e-mailadres of het wachtwoord klopt niet.
login-throttled = Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.
login-demo = Demo-omgeving: log in als een van deze gebruikers, elk met het wachtwoord

## orgs

orgs-title = Kies een organisatie
orgs-none = U bent nog geen lid van een organisatie. Vraag een beheerder om u toe te voegen.

## list

list-search-label = Zoek op naam
list-filter = Filteren
list-apply = Toepassen
list-reset = Alles tonen
list-new = Nieuw
list-total = gevonden
list-empty = Niets gevonden.
list-page = Pagina
list-of = van
list-prev = Vorige
list-next = Volgende
list-paging = Paginering
list-any = Alle
list-badparams = Niet alle zoekopties konden worden gebruikt

## yes

yes = Ja

## no

no = Nee

## none

none = —

## form

form-new = Nieuw:
form-edit = Bewerken:
form-save = Opslaan
form-cancel = Annuleren
form-required = verplicht
form-errors = Niet opgeslagen: controleer de gemarkeerde velden.
form-conflict = Niet opgeslagen: iemand anders heeft dit intussen gewijzigd. Hieronder staat de nieuwe versie; breng uw wijziging opnieuw aan.
form-choose = — kies —
form-multi = Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen.
form-money = In euro's, bijvoorbeeld 12.345,67
form-properties = Eén eigenschap per regel, als naam: waarde (bijvoorbeeld Afdeling: Publiekszaken).

## delete

delete-title = Verwijderen:
delete-sure = Weet u zeker dat u dit wilt verwijderen? Dit staat in de audittrail, maar is niet ongedaan te maken.
delete-dependents = Deze onderdelen zijn hiervan afhankelijk:
delete-removed = wordt ook verwijderd
delete-cleared = verwijzing wordt gewist
delete-cascade = Ja, verwijder ook de afhankelijke onderdelen of wis hun verwijzing
delete-refused = Niets verwijderd: andere onderdelen zijn hiervan afhankelijk. Vink aan dat u ook die wilt aanpassen.
delete-changed = Niets verwijderd: iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de huidige versie hieronder en bevestig opnieuw.
delete-submit = Definitief verwijderen
delete-done = Verwijderd.

## audit

audit-title = Audittrail
audit-when = Tijdstip
audit-who = Gebruiker
audit-action = Actie
audit-what = Onderdeel
audit-fields = Gewijzigde velden
audit-empty = Nog geen wijzigingen.

## account

account-title = Mijn account
account-orgs = Organisaties en rollen
account-tokens = Persoonlijke API-tokens
account-tokens-help = Een token geeft een script dezelfde rechten als u. Alleen een hash wordt bewaard: het token ziet u één keer.
account-token-name = Naam van het token
account-token-create = Token maken
account-token-created = Uw nieuwe token (kopieer het nu, het wordt niet opnieuw getoond):
account-token-lastused = Laatst gebruikt
account-token-never = nooit

## error

error-404 = Deze pagina bestaat niet, of u heeft er geen toegang toe.
error-403 = Uw rol in deze organisatie staat dit niet toe.
error-500 = Er ging iets mis aan onze kant. Er is niets half opgeslagen; probeer het later opnieuw.
error-title = Foutmelding
error-home = Naar het begin

## footer

footer-licence = Regisseur is open source (EUPL-1.2).
footer-api = API-documentatie (OpenAPI)

## transfer

transfer-title = Importeren en exporteren
transfer-export = Exporteren
transfer-export-xlsx = Het hele register als Excel-werkmap (een blad per soort, met keuzelijsten)
transfer-export-csv = De applicatielijst als CSV (in de kolommen die de import leest)
transfer-export-ameff = Het register als ArchiMate-model (AMEFF 3.1, voor Archi en BiZZdesign), met de koppeling naar GEMMA
transfer-import = Importeren
transfer-more =
    { $count ->
        [one] { $count } rij zonder problemen is niet getoond; hij wordt wel geïmporteerd.
       *[other] { $count } rijen zonder problemen zijn niet getoond; ze worden wel geïmporteerd.
    }
transfer-help = Laad uw applicatieoverzicht (Excel of CSV), een geëxporteerde registerwerkmap, of een ArchiMate-model (AMEFF-bestand uit Archi of BiZZdesign, of het GEMMA-model). U ziet eerst wat er verandert en elk probleem per rij (bij een model: per regel); pas na bevestiging wordt alles in één keer opgeslagen. Bestaande applicaties, leveranciers en personen worden op naam herkend, modelonderdelen op hun identificatie; hetzelfde bestand nogmaals importeren verandert niets.
transfer-columns = Welke kolommen worden gelezen?
transfer-columns-more = Ook synoniemen en Engelse namen worden herkend (zoals pakket, vendor, einde contract, BIV als 2-3-2). Kolommen die Regisseur niet kent, worden bewaard als eigenschap van de applicatie.
transfer-file = Bestand (.xlsx of .csv)
transfer-preview = Bekijken wat er verandert
transfer-result = Voorbeeld van de import van
transfer-errors =
    { $count ->
        [one] { $count } fout: er wordt niets opgeslagen. Herstel hem in het bestand en laad het opnieuw.
       *[other] { $count } fouten: er wordt niets opgeslagen. Herstel ze in het bestand en laad het opnieuw.
    }
transfer-nothing = Niets te doen: het register bevat dit al.
transfer-summary = Wat er verandert
transfer-rows = Per rij
transfer-warnings =
    { $count ->
        [one] { $count } waarschuwing
       *[other] { $count } waarschuwingen
    }
transfer-row = Rij
transfer-outcome = Resultaat
transfer-problems = Problemen
transfer-confirm = Importeren
transfer-nieuw = Nieuw
transfer-gewijzigd = Gewijzigd
transfer-ongewijzigd = Ongewijzigd
transfer-skipped = Niet ingelezen
transfer-error = Fout
transfer-warning = Waarschuwing
transfer-nofile = Kies een bestand om te importeren.
transfer-conflict = Het register is intussen gewijzigd; er is niets opgeslagen. Laad het bestand opnieuw.
transfer-progress = Voortgang van het uploaden

## bc

bc-title = Businesscase
bc-heading = Businesscases
bc-intro = Wat uitbesteden doet met de begroting, jaar na jaar: kapitaallasten (afschrijving en rente volgens het BBV) die overgaan in exploitatielasten, de netto contante waarde van beide scenario's en hoe zeker dat is. Zet varianten naast elkaar om ze te vergelijken.
bc-empty = Er is nog geen businesscase. Maak er een of importeer een TOML-bestand.
bc-compare = Naast elkaar
bc-compare-caption = Businesscases vergeleken (bedragen in euro's; NCW = netto contante waarde)
bc-compare-help = Een negatief NCW-verschil betekent dat uitbesteden goedkoper is. P10, P50 en P90 komen uit de Monte Carlo-simulatie over de bandbreedtes.
bc-new = Nieuwe businesscase
bc-edit = Bewerken
bc-import = Importeren uit TOML
bc-import-help = Hetzelfde bestand dat `regisseur business-case` leest. Elk probleem wordt genoemd met sleutel en regel; er wordt dan niets opgeslagen.
bc-import-failed = Het bestand is niet geïmporteerd:
bc-import-file = TOML-bestand
bc-import-button = Importeren
bc-import-notutf8 = het bestand is geen UTF-8-tekst
bc-deleted = De businesscase is verwijderd.
bc-imported = De businesscase is geïmporteerd.
bc-copied = Kopie gemaakt.
bc-none = –
bc-horizon = Looptijd
bc-years = jaar
bc-npv-own = NCW eigen beheer
bc-npv-out = NCW uitbesteed
bc-npv-diff = NCW-verschil (uitbesteed − eigen beheer)
bc-payback = Terugverdienjaar
bc-payback-none = geen binnen de looptijd
bc-last-own = Lasten laatste jaar, eigen beheer
bc-last-out = Lasten laatste jaar, uitbesteed
bc-p10 = P10 NCW-verschil
bc-p50 = P50 NCW-verschil
bc-p90 = P90 NCW-verschil
bc-cheaper = Kans dat uitbesteden goedkoper is
bc-runs = Runs
bc-verdict-cheaper = Over { $jaren } jaar is uitbesteden { $bedrag } goedkoper dan eigen beheer, in contante waarde.
bc-verdict-dearer = Over { $jaren } jaar is uitbesteden { $bedrag } duurder dan eigen beheer, in contante waarde.
bc-verdict-even = Over { $jaren } jaar kosten beide scenario's evenveel, in contante waarde.
bc-updated = Gewijzigd op
bc-by = door
bc-field-name = Naam
bc-field-start = Startjaar
bc-field-years = Looptijd (jaren)
bc-field-discount = Discontovoet (%)
bc-field-interest = Omslagrente (%)
bc-field-direction = Regiekosten (% van de uitbestede kosten)
bc-field-depreciationstart = Afschrijving begint
bc-start-next = het jaar na de investering
bc-start-same = in het jaar van de investering
bc-outcome = Uitkomst
bc-uncertainty = Hoe zeker is dit?
bc-reproduce = Dezelfde cijfers op de opdrachtregel:
bc-noranges = Alle bedragen zijn vast. Geef bij onzekere bedragen een minimum en maximum op om de Monte Carlo-simulatie en de tornado te zien.
bc-table = De cijfers als tabel
bc-assumptions = Uitgangspunten en invoer
bc-delete = Businesscase verwijderen
bc-copy = Kopiëren als variant
bc-copy-suffix = variant
bc-export-xlsx = Excel voor de controller
bc-export-toml = TOML-bestand
bc-all = Alle businesscases
bc-list-assets = Bestaande activa (boekwaarde bij de start)
bc-list-owncosts = Eigen beheer: kosten per jaar
bc-list-investments = Eigen beheer: investeringen
bc-list-ownonce = Eigen beheer: eenmalige lasten
bc-list-outcosts = Uitbesteed: kosten per jaar
bc-list-outonce = Uitbesteed: eenmalige lasten
bc-col-name = Naam
bc-col-remove = Verwijderen
bc-col-bookvalue = Boekwaarde (€)
bc-col-remaining = Resterende jaren
bc-col-min = Minimum (€)
bc-col-max = Maximum (€)
bc-col-yearly = Bedrag per jaar (€)
bc-col-amount = Bedrag (€)
bc-col-indexation = Indexatie (%)
bc-col-from = Vanaf jaar
bc-col-to = Tot en met jaar
bc-col-year = Jaar
bc-col-depreciation = Afschrijvingsjaren
bc-col-residual = Restwaarde (€)
bc-col-repeat = Herhalen
bc-kind-depreciation = Afschrijving
bc-kind-interest = Rente
bc-kind-costs = Kosten per jaar
bc-kind-once = Eenmalig
bc-kind-direction = Regie
bc-kind-writedown = Afwaardering
bc-chart-charges = Lasten per jaar, naar soort
bc-chart-charges-desc = Gestapelde staven per jaar: links eigen beheer (E), rechts uitbesteed (U), opgebouwd uit afschrijving, rente, kosten per jaar, eenmalige lasten, regie en afwaardering. De tabel hieronder bevat dezelfde cijfers.
bc-chart-charges-intro = Wat elk scenario per jaar op de begroting drukt. Kapitaallasten (afschrijving en rente) verdwijnen bij uitbesteden; exploitatielasten komen ervoor in de plaats.
bc-own-short = E
bc-out-short = U
bc-own = Eigen beheer
bc-out = Uitbesteed
bc-dashed = gestreept
bc-scenario = Scenario
bc-total = Totaal
bc-chart-cash = Cumulatieve kasstroom
bc-chart-cash-desc = Twee lijnen: de opgetelde uitgaven van eigen beheer (doorgetrokken) en van uitbesteden (gestreept) per jaar; een verticale lijn markeert het terugverdienjaar. De tabel hieronder bevat dezelfde cijfers.
bc-chart-cash-intro = De uitgaven opgeteld: investeringen tellen in het jaar dat ze betaald worden, afschrijving en afwaardering niet. Vanaf het terugverdienjaar blijft uitbesteden op of onder eigen beheer.
bc-cash-own = Kasstroom eigen beheer
bc-cum-own = Cumulatief eigen beheer
bc-cash-out = Kasstroom uitbesteed
bc-cum-out = Cumulatief uitbesteed
bc-cum-diff = Verschil cumulatief
bc-chart-mc = Monte Carlo: spreiding van het NCW-verschil
bc-chart-mc-desc = Histogram van het NCW-verschil over { $runs } runs. P10 { $p10 }, P50 { $p50 }, P90 { $p90 }; in { $kans } van de runs is uitbesteden goedkoper. De tabel hieronder bevat de klassen.
bc-chart-mc-intro = Elk onzeker bedrag volgt een PERT-verdeling tussen minimum en maximum. Links van nul is uitbesteden goedkoper.
bc-mc-cheaper = Uitbesteden goedkoper
bc-mc-dearer = Uitbesteden duurder
bc-mc-bin = NCW-verschil van – tot
bc-mc-count = Aantal runs
bc-mc-share = Aandeel
bc-chart-tornado = Tornado: welke invoer telt het zwaarst
bc-chart-tornado-desc = Per onzekere invoer een balk van het NCW-verschil bij het minimum tot bij het maximum, de rest op de meest waarschijnlijke waarde; de grootste spreiding bovenaan. De tabel hieronder bevat dezelfde cijfers.
bc-chart-tornado-intro = Hier loont het om scherper te ramen: de bovenste invoer bepaalt de uitkomst het meest.
bc-at-min = Bij minimum
bc-at-max = Bij maximum
bc-tornado-base = basis
bc-input = Invoer
bc-swing = Spreiding
bc-row = rij
bc-general = Algemeen
bc-form-help = Bedragen in euro's, zoals u ze typt (480.000 of 480000,00). Is een bedrag onzeker, vul dan ook een minimum en maximum in. Percentages als 2,25. Lege rijen tellen niet mee.
bc-morerows = Meer rijen
bc-check-ok = De invoer is compleet.
bc-check-problems = Problemen in de invoer
bc-text = ,

## proc

proc-title = Aanbesteding
proc-heading = Aanbesteding
proc-intro = Welke procedure de wet toestaat en wat wij adviseren, en een keuze van partner die iedere inschrijver en rechter kan narekenen — met de menselijke kant (samenwerking, communicatie, kritisch denken, innovatie) in interviews getoetst.
proc-route = Route-advies
proc-kind = Soort opdracht
proc-annual = Waarde per jaar (€, excl. btw)
proc-months = Looptijd (maanden)
proc-options = Opties en verlengingen (maanden)
proc-notice = Datum aankondiging
proc-suppliers = Aantal mogelijke aanbieders
proc-factors = Kenmerken van de opdracht
proc-indefinite = Onbepaalde looptijd
proc-factor-adapted = De oplossing moet worden aangepast aan de gemeente
proc-factor-innovative = Ontwerp of innovatieve oplossingen
proc-factor-complex = Complex (aard, juridisch of financieel, risico's)
proc-factor-unspecifiable = De specificaties zijn niet vooraf precies vast te stellen
proc-factor-urgent = Dwingende spoed die de gemeente niet zelf veroorzaakte
proc-advise = Advies geven
proc-advice = Advies
proc-estimated = Geraamde waarde
proc-threshold = Europese drempel
proc-european = Europees aanbesteden
proc-consultation = Marktconsultatie
proc-procedures = Procedures: toegestaan en waarom
proc-procedure = Procedure
proc-allowed = Toegestaan
proc-ground = Grond
proc-planning = Minimale planning
proc-step = Stap
proc-date = Datum
proc-basis = Termijn
proc-json = Dit advies als JSON (API)
proc-tenders = Aanbestedingen
proc-tenders-none = Er is nog geen aanbesteding.
proc-tender-template = Nieuwe aanbesteding (sjabloon ICT-uitbesteding)
proc-tender-empty = Nieuwe lege aanbesteding
proc-tender-new = Nieuwe aanbesteding
proc-tender-edit = Opzet wijzigen
proc-tender-name = Naam
proc-template-name = Uitbesteding ICT-dienstverlening
proc-stage = Fase
proc-method = Gunningsmethode
proc-policy = Inkoopbeleid: drempels onder de Europese drempel
proc-policy-help = De eigen drempels van de gemeente (gebruikelijke waarden vooraf ingevuld). Het route-advies gebruikt ze onder de Europese drempel.
proc-policy-services = Diensten en leveringen: enkelvoudig tot (€)
proc-policy-works-single = Werken: enkelvoudig tot (€)
proc-policy-works-multiple = Werken: meervoudig tot (€)
proc-wq = Weging kwaliteit (%)
proc-scale = Schaal
proc-scale-min = Laagste score
proc-scale-max = Hoogste score
proc-price-max = Plafondprijs / Pmax (€)
proc-price-min = Pmin (€)
proc-people = Voorzitter en beoordelaars
proc-people-help = De voorzitter legt de consensus vast; de beoordelaars scoren eerst ieder voor zich.
proc-person = Persoon
proc-chair = Voorzitter
proc-evaluator = Beoordelaar
proc-evaluators = Beoordelaars
proc-requirements = Eisen (knock-out)
proc-criteria = Gunningscriteria
proc-col-id = Code
proc-col-name = Naam
proc-col-weight = Weging (%)
proc-col-value = Waarde (€, bij gunnen op waarde)
proc-col-description = Omschrijving
proc-form-help = Wegingen in procenten; samen 100. Lege rijen tellen niet mee. De weging wordt vooraf gepubliceerd.
proc-next = Waar staat de aanbesteding?
proc-next-setup = Opzet: leg de criteria vast en registreer de inschrijvingen. De prijzen blijven verzegeld. Start daarna de beoordeling; dan liggen opzet en inschrijvingen vast.
proc-next-scoring = Beoordeling: iedere beoordelaar scoort voor zich, met een toelichting bij elke score, en dient in. Daarna legt de voorzitter de consensus vast.
proc-next-final = De consensus is vastgesteld; de prijzen zijn geopend en de rangorde is bekend.
proc-start = Beoordeling starten
proc-myscores = Mijn beoordeling
proc-myscores-intro = Geef per criterium een score met een toelichting. U ziet de scores van anderen niet; na indienen kunt u niets meer wijzigen.
proc-consensus = Consensus
proc-consensus-intro = De scores en toelichtingen van de beoordelaars staan bij elk criterium. Leg de consensusscore en de motivering vast; bij vaststellen worden de prijzen geopend.
proc-comment = Toelichting
proc-motivation = Motivering
proc-submit = Indienen
proc-finalise = Consensus vaststellen en prijzen openen
proc-score = Score
proc-submitted = ingediend op
proc-notsubmitted = nog niet ingediend
proc-bids = Inschrijvingen
proc-sealed = Prijzen blijven verzegeld — niet zichtbaar en niet via de API op te vragen — tot de consensus over de kwaliteit is vastgesteld.
proc-bidder = Inschrijver
proc-price = Prijs
proc-price-sealed = verzegeld
proc-price-open = geopend: zie de uitslag
proc-excluded = uitgesloten: voldoet niet aan een eis
proc-bid-add = Inschrijving registreren
proc-bid-remove = Verwijder
proc-meets = Voldoet aan
proc-result = Uitslag en gunningsrapport
proc-report = Gunningsrapport
proc-award = Voorlopige gunning aan
proc-shared = gedeelde eerste plaats
proc-finalised = Consensus vastgesteld op
proc-formula-absolute = Kwaliteit = Σ weging × (score − laagste)/(hoogste − laagste); prijsscore = (Pmax − prijs)/(Pmax − Pmin), begrensd tot 0–1; totaal = 100 × (weging kwaliteit × kwaliteit + weging prijs × prijsscore). De hoogste totaalscore wint; bij gelijke stand de hoogste kwaliteit.
proc-formula-relative = Kwaliteit = Σ weging × (score − laagste)/(hoogste − laagste); prijsscore = laagste prijs / prijs; totaal = 100 × (weging kwaliteit × kwaliteit + weging prijs × prijsscore). De hoogste totaalscore wint; bij gelijke stand de hoogste kwaliteit. Let op: relatieve prijsscores kunnen de rangorde omkeren (zie de controle hieronder).
proc-formula-value = Beoordelingsprijs = prijs − Σ waarde × (score − laagste)/(hoogste − laagste). De laagste beoordelingsprijs wint; bij gelijke stand de hoogste kwaliteit.
proc-reproduce = Iedereen kan elk cijfer narekenen met
proc-export = Aanbestedingsbestand downloaden
proc-ranking = Rangorde
proc-rank = Rang
proc-quality = Kwaliteit (0–1)
proc-pricescore = Prijsscore (0–1)
proc-total = Totaal (0–100)
proc-assessed = Beoordelingsprijs
proc-excludedbids = Uitgesloten inschrijvingen
proc-sensitivity = Gevoeligheid van de weging
proc-sensitivity-help = Bij welke weging (de andere naar verhouding aangepast) een andere inschrijver zou winnen, het dichtst bij de gekozen weging. Ligt dat ver weg, dan is de uitslag robuust.
proc-weight-now = Weging nu
proc-weight-switch = Omslagpunt
proc-noswitch = geen binnen 0–100 %
proc-reversal = Controle op rangomkering
proc-reversal-none = Het weglaten van een inschrijving verandert de volgorde van de andere niet.
proc-reversal-without = Zonder
proc-back = Terug naar de aanbesteding
proc-chart = Totaalscore per inschrijver
proc-chart-desc = Liggende staven per inschrijver in volgorde van de rangorde: het deel dat de kwaliteit en het deel dat de prijs bijdraagt (bij gunnen op waarde: de beoordelingsprijs). De tabel hieronder bevat dezelfde cijfers.
proc-chart-quality = Kwaliteit
proc-chart-price = Prijs
proc-best-price-quality-absolute = Beste prijs-kwaliteit, absolute prijsschaal
proc-best-price-quality-relative = Beste prijs-kwaliteit, relatief t.o.v. de laagste
proc-award-on-value-fictitious = Gunnen op waarde (fictieve korting)

## regie

regie-title = Regie
regie-heading = Regie-agenda
regie-intro = Wat er per contract aan komt en wat te laat is: uiterste opzegdatums, einddatums en verplichtingen zoals het jaarlijkse assurancerapport, de test van het exitplan en de BIO2-review.
regie-agenda = Agenda
regie-overdue = Te laat
regie-upcoming = De komende 90 dagen
regie-none = Niets.
regie-what = Wat
regie-description = Omschrijving
regie-feed = Agenda in uw eigen kalender
regie-feed-help = Abonneer uw kalender (Outlook, Google, Apple) op een geheim adres. Iedereen met het adres ziet de agenda; trek het in als het is uitgelekt.
regie-feed-new = Uw nieuwe adres (alleen nu zichtbaar; bewaar het):
regie-feed-count = Actieve adressen
regie-feed-create = Nieuw agenda-adres maken
regie-feed-revoke = Alle agenda-adressen intrekken
regie-contracts = Contracten
regie-until = tot
regie-obligations = Verplichtingen
regie-obligations-none = Nog geen verplichtingen vastgelegd.
regie-recurrence = Herhaling
regie-next = Volgende keer
regie-lastmet = Laatst voldaan
regie-late = te laat
regie-met = Voldaan
regie-done = afgerond
regie-due = Eerste vervaldatum
regie-obligation-add = Verplichting toevoegen
regie-sla = Service levels
regie-sla-none = Voor dit contract zijn nog geen SLA-normen vastgelegd (zie regisseur sla voor het formaat).
regie-sla-table = Gemeten per maand
regie-availability = Beschikbaarheid
regie-response = Reactietijd
regie-resolution = Oplostijd
regie-within = binnen
regie-hours = uur
regie-month = Maand
regie-credit = Servicecredit
regie-missed = niet gehaald
regie-credits-total = Servicecredits in totaal
regie-chronic = Chronisch falen (3 van 6 maanden niet gehaald)
regie-report-upload = Maandrapportage van de leverancier
regie-report-help = CSV of XLSX met een kopregel en de kolommen maand (2027-03), norm (de code van de norm) en gemeten (percentage). Met een fout in één rij wordt niets ingelezen; elke foute rij wordt genoemd.
regie-report-file = Rapportage
regie-report-button = Inlezen
regie-health = Gezondheid van de relatie
regie-health-intro = Elk kwartaal beantwoorden beide kanten dezelfde vragen. Een daling van 1,5 punt sinds het begin, of twee kwartalen daling op rij, is het dal der deceptie; alle SLA's gehaald maar tevredenheid onder de 6 is een watermeloen.
regie-health-chart = Tevredenheid per kwartaal
regie-health-chart-desc = Lijnen per kant (gemeente doorgetrokken, leverancier gestreept) met de tevredenheid per kwartaal op een schaal van 1 tot 10; de rode stippellijn is 6. De tabel bevat dezelfde cijfers.
regie-quarter = Kwartaal
regie-side = Kant
regie-trust = Vertrouwen
regie-recommend = Aanbevelen
regie-satisfaction = Tevredenheid
regie-proactivity = Proactiviteit
regie-comment = Toelichting
regie-survey = Meting invullen
regie-survey-save = Meting opslaan
regie-outage-add = Storing vastleggen
regie-incident-add = Incident vastleggen
regie-norm = Norm
regie-begin = Begin
regie-end = Einde
regie-priority = Prioriteit
regie-reported = Gemeld
regie-answered = Gereageerd
regie-resolved = Opgelost
regie-terms = SLA-normen vastleggen
regie-terms-fee = Maandbedrag (€)
regie-terms-cap = Maximale credit per maand (% van het maandbedrag)
regie-terms-closed = Extra vrije dagen (2027-12-24, …)
regie-terms-norms = Normen
regie-terms-help = Doel in procenten. Reactie- en oplostijd gelden per prioriteit binnen het aantal uren van het venster. Staffel: drempel:credit%, gescheiden door puntkomma's, van hoog naar laag — 99,9:10; 99:25 betekent onder 99,9 % een credit van 10 %, onder 99 % 25 %.
regie-terms-save = Normen opslaan
regie-col-id = Code
regie-col-kind = Soort
regie-col-window = Venster
regie-col-target = Doel (%)
regie-col-priority = Prioriteit
regie-col-hours = Binnen (uur)
regie-col-tiers = Staffel
regie-expectations = Verwachtingen bij de start
regie-expectations-intro = Wat beide partijen bij de start verwachtten, hoe dat te meten is en wanneer — later naast de werkelijkheid gelegd.
regie-by = uiterlijk
regie-compare = vergelijk met de werkelijkheid
regie-outcome = Uitkomst
regie-reality = Werkelijkheid
regie-expectation-add = Verwachting vastleggen
regie-expected = Verwachting
regie-measure = Meetbaar als
regie-innovations = Innovatieregister
regie-innovations-none = Nog geen voorstellen.
regie-value = Waarde
regie-innovation-add = Innovatie voorstellen
regie-innovation-title = Voorstel

## transition

transition-title = Transitie

## tr

tr-heading = Transitie: mensen en verandering
tr-intro = Veel van wat verandert is organisatorisch: rollen verdwijnen, andere ontstaan. Verandering kost tijd — plan haar, volg de risico's en vertel het op tijd.
tr-supplier-intro = Hier ziet u de risico's die uw organisatie voor de transitie heeft ingediend, en dient u nieuwe in.
tr-parts = Onderdelen
tr-organisation = De regieorganisatie
tr-organisation-help = De rollen van de IT-organisatie nu en na uitbesteding, per dienstdomein: wat verdwijnt, wat verandert en wat ontstaat.
tr-roles-none = Nog geen rollen vastgelegd. Begin met het sjabloon van regierollen (SIAM/BiSL).
tr-fte = Fte per rol, nu en na uitbesteding
tr-role = Rol
tr-domain = Dienstdomein
tr-change = Verandering
tr-fte-before = Fte nu
tr-fte-after = Fte straks
tr-actions = Acties
tr-delete = Verwijderen
tr-total = Totaal
tr-role-new = Rol toevoegen
tr-template = Regierollen uit het sjabloon toevoegen (SIAM/BiSL)
tr-gaps = Competenties: nodig en aanwezig
tr-gaps-none = Nog geen competenties bij de rollen vastgelegd.
tr-gaps-caption = Competenties in fte, het grootste tekort eerst
tr-competence = Competentie
tr-needed = Nodig
tr-available = Aanwezig
tr-shortfall = Tekort
tr-people = Betrokken medewerkers
tr-people-help = Persoonsgegevens: alleen zichtbaar voor beheerders en regisseurs.
tr-people-none = Nog geen medewerkers vastgelegd.
tr-name = Naam
tr-role-now = Rol nu
tr-fate = Wat gebeurt er
tr-role-new-name = Nieuwe rol
tr-person-new = Medewerker toevoegen
tr-plan = Transitieplan
tr-plan-none = Nog geen fasen gepland.
tr-phases = Fasen
tr-phase = Fase
tr-start = Start
tr-end = Einde
tr-days = Dagen
tr-plan-edit = Fasen en instellingen wijzigen
tr-milestones = Mijlpalen
tr-milestones-none = Nog geen mijlpalen.
tr-milestone = Mijlpaal
tr-late = te laat
tr-date = Datum
tr-owner = Eigenaar
tr-depends = Hangt af van
tr-state = Status
tr-milestone-new = Mijlpaal toevoegen
tr-risks = Risicodossier
tr-heatmap = Heatmap: aantal risico's (niet gesloten) per kans en impact
tr-impact-probability = Impact ↓ / kans →
tr-weekly = Wekelijks risicorapport
tr-weekly-help = Vergeleken met een week geleden, zoals in de uitvoeringsfase van Best Value.
tr-weekly-new = Nieuw
tr-weekly-changed = Gewijzigd
tr-weekly-grown = Gegroeid
tr-weekly-removed = Vervallen
tr-weekly-late = Maatregelen te laat
tr-risks-none = Nog geen risico's.
tr-risks-caption = Risico's, de hoogste score eerst
tr-risk = Risico
tr-cause-effect = Oorzaak → gevolg
tr-score = Score
tr-mitigation = Maatregel
tr-due = gereed vóór
tr-by = Ingediend door
tr-risk-new = Risico toevoegen
tr-communication = Communicatieplan
tr-messages-none = Nog geen communicatiemomenten.
tr-moment = Moment
tr-audience = Doelgroep
tr-message = Boodschap
tr-channel = Kanaal
tr-done = Gedaan
tr-message-new = Communicatiemoment toevoegen
tr-yes = ja
tr-edit = Wijzigen
tr-no = nee
tr-no-2 = Nee
tr-yes-2 = Ja
tr-none = (geen)
tr-the-whole-organisation = (de hele organisatie)
tr-rare = zeer klein
tr-unlikely = klein
tr-possible = mogelijk
tr-likely = waarschijnlijk
tr-almost-certain = bijna zeker
tr-negligible = verwaarloosbaar
tr-minor = klein
tr-moderate = merkbaar
tr-major = groot
tr-severe = ernstig
tr-minimum-stabilisation-months = Minimale stabilisatie (maanden)
tr-shorter-is-warned-about = Korter wordt gemeld; standaard 6 maanden.
tr-not-known-yet = (nog niet bekend)
tr-transition-plan-phases-and = Transitieplan: fasen en instellingen
tr-whole-organisation = hele organisatie
tr-reached = bereikt
tr-late-2 = te laat
tr-planned = gepland
tr-due-2 = gereed vóór

## report

report-title = Dossier
report-heading = Uitbestedingsdossier voor de raad
report-intro = Eén PDF met wat in Regisseur staat: samenvatting en advies, en de hoofdstukken die u kiest. Een hoofdstuk waarvan de gegevens ontbreken zegt dat.
report-parts = Hoofdstukken
report-lang = Taal
report-download = PDF downloaden
report-link = Het uitbestedingsdossier als PDF

## chart

chart-thousands-separator = { "." }
chart-million = mln

## gantt

gantt-transition-schedule = Planning van de transitie
gantt-late = { " (te laat)" }
gantt-today = vandaag
gantt-phase = fase
gantt-milestone = mijlpaal
gantt-milestone-reached = mijlpaal bereikt
gantt-milestone-late = mijlpaal te laat

## radar

radar-readiness-per-dimension = Gereedheid per dimensie

## agenda

agenda-created = aangemaakt
agenda-changed = gewijzigd
agenda-deleted = verwijderd

## view

view-unknown = (onbekend)
view-outside-the-eea = { " — buiten de EER" }
view-no-name = (zonder naam)

## basis


## dossier

dossier-as-of = stand
dossier-outsourcing-dossier = Uitbestedingsdossier
dossier-from-basis-to-direction = Van basis tot regie: waar de gemeente staat, wat zij wil, of zij gereed is, wat het kost, hoe zij aanbesteedt en hoe de overgang verloopt.
dossier-summary-and-advice = Samenvatting en advies
dossier-the-readiness-questionnaire-has = De vragenlijst Gereedheid is nog niet ingevuld; het advies hieronder rust alleen op de kwaliteit van de basis.
dossier-advice = Advies
dossier-the-journey-where-does = De reis: waar staat de gemeente?
dossier-stage = Fase
dossier-status = Status
dossier-notes = Toelichting
dossier-summary = Samenvatting
dossier-the-basis-quality-of = De basis: kwaliteit van de documentatie
dossier-reference-date = peildatum
dossier-nothing-has-been-recorded = Er is nog niets in het register vastgelegd.
dossier-score-per-area-now = Score per gebied, nu en een jaar geleden
dossier-area = Gebied
dossier-score = Score
dossier-a-year-ago = Een jaar geleden
dossier-completeness = Volledigheid
dossier-errors = Fouten
dossier-warnings = Waarschuwingen
dossier-the-main-findings = De belangrijkste bevindingen
dossier-severity = Ernst
dossier-rule = Regel
dossier-element = Element
dossier-course-goals-and-kpis = Koers: doelen en KPI's
dossier-no-goals-have-been = Er zijn nog geen doelen vastgelegd.
dossier-no-kpi = (geen KPI)
dossier-goals-with-their-kpis = Doelen met hun KPI's
dossier-goal = Doel
dossier-baseline = Nulmeting
dossier-target = Streefwaarde
dossier-target-date = Streefdatum
dossier-choices-per-service-domain = Keuzes per dienstdomein
dossier-service-domain = Dienstdomein
dossier-today = Nu
dossier-intended = Voornemen
dossier-readiness-the-advice = Gereedheid: het advies
dossier-the-questionnaire-has-not = De vragenlijst is nog niet ingevuld, dus er is nog geen gewogen advies.
dossier-score-per-dimension-0 = Score per dimensie (0–4)
dossier-score-per-dimension = Score per dimensie
dossier-dimension = Dimensie
dossier-answered = Beantwoord
dossier-what-gains-most = Wat het meest oplevert
dossier-scope-what-the-cut = Scope: wat de snede doorsnijdt
dossier-no-service-domain-has = Er is nog geen dienstdomein gekozen om uit te besteden.
dossier-crossing-the-line-the = Over de grens (de eerste twintig)
dossier-from = Van
dossier-to = Naar
dossier-via = Via
dossier-too-much = te veel
dossier-supplier = Leverancier
dossier-business-critical = Bedrijfskritisch
dossier-share = Aandeel
dossier-applications = Applicaties
dossier-contracts = Contracten
dossier-annual-value = Jaarwaarde
dossier-personal-data = Persoonsgegevens
dossier-version = versie
dossier-business-case = Businesscase
dossier-there-is-no-business = Er is nog geen businesscase.
dossier-the-business-cases-side = De businesscases naast elkaar (netto contante waarde)
dossier-npv-in-house = NCW eigen beheer
dossier-npv-outsourced = NCW uitbesteed
dossier-difference = Verschil
dossier-payback-year = Terugverdienjaar
dossier-chance-cheaper = Kans goedkoper
dossier-charges-per-year-in = Lasten per jaar, eigen beheer en uitbesteed
dossier-procurement-route-and-timeline = Aanbesteding: route en planning
dossier-there-is-no-tender = Er is nog geen aanbesteding, en het transitieplan noemt de omvang van de opdracht nog niet.
dossier-advised-procedure = Geadviseerde procedure
dossier-minimum-timeline = Minimale planning
dossier-date = Datum
dossier-step = Stap
dossier-basis = Grond
dossier-the-contract-s-size = De omvang van de opdracht staat nog niet in het transitieplan; daarom ontbreekt de route.
dossier-tenders = Aanbestedingen
dossier-tender = Aanbesteding
dossier-transition-plan-people-and = Transitie: plan, mensen en risico's
dossier-there-is-no-transition = Er is nog geen transitieplan.
dossier-transition-schedule = Planning van de transitie
dossier-phases = Fasen
dossier-phase = Fase
dossier-start = Start
dossier-end = Einde
dossier-days = Dagen
dossier-milestones-late = Mijlpalen te laat
dossier-milestone = Mijlpaal
dossier-owner = Eigenaar
dossier-total = Totaal
dossier-the-retained-organisation-fte = De regieorganisatie: fte per rol
dossier-role = Rol
dossier-change = Verandering
dossier-fte-today = Fte nu
dossier-fte-after = Fte straks
dossier-risk = Risico
dossier-mitigation = Maatregel
dossier-missing = ontbreekt
dossier-readiness-the-advice-with = Gereedheid: het advies met het radardiagram
dossier-business-case-charges-per = Businesscase: lasten per jaar, NCW, onzekerheid
