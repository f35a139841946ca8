# Regisseur: the texts of the interface in English.
#
# Fluent (https://projectfluent.org). Every message here also exists in nl.ftl, and every one is
# used by the code or the templates; `cargo test -p regisseur-web` checks both.
# { $name } is a value the page fills in; { $count -> ... } picks the form for the number
# (English: [one] for 1, *[other] for the rest).

## app

app-name = Regisseur
app-tagline = Directing the outsourcing of municipal IT

## skip

skip = Skip to content

## nav

nav-main = Main navigation
nav-dashboard = Overview
nav-basis = Basis: landscape
nav-audit = Audit trail
nav-kwaliteit = Quality: basis in order
nav-koers = Koers: where we want to go
nav-gereedheid = Readiness: ready to outsource?
nav-scope = Scope: one part or all?
nav-orgs = Switch organisation
nav-transfer = Import and export
nav-businesscase = Business case: what does it cost?
nav-aanbesteding = Procurement: route and award
nav-regie = Regie: after the contract
nav-transitie = Transition

## koers

koers-title = Koers (direction)
koers-heading = Koers: goals and service domains
koers-intro = Outsourcing is a means, not an end. Record what the municipality wants to achieve, measurable with a baseline and a target, and per service domain what stays in-house, what is shared and what goes to the market.
koers-goals = Goals
koers-goals-none = No goals yet. Without a goal with a measurable KPI the advice is 'not yet'.
koers-new = New goal
koers-edit = Edit goal
koers-delete = Delete goal
koers-nokpi = No measurable KPI
koers-notmeasurable = not measurable
koers-domains = Service domains
koers-domain = Service domain
koers-kpis = KPIs
koers-kpis-help = A KPI is measurable with a metric, a baseline with its date and a target with its date. Empty rows are skipped.
koers-metric = Metric
koers-unit = Unit
koers-baseline = Baseline
koers-baselinedate = Baseline date
koers-target = Target
koers-targetdate = Target date
koers-goal-title = Title of the goal
koers-rationale = Rationale
koers-domainchoices = Sourcing per service domain
koers-domainchoices-intro = Per domain how it is arranged now and what the municipality wants: in-house, in a shared service, through the market or as SaaS. Domains the municipality wants to hand (further) over get their own advice on the Readiness page.
koers-current = Now
koers-intended = Intended
koers-handover = to hand over

## ready

ready-title = Readiness
ready-heading = Readiness: ready to outsource?
ready-verdict = Advice
ready-quality = Quality of the basis
ready-reasons = Why
ready-actions = What helps most
ready-goto = Go to
ready-dimensions = Score per dimension
ready-dimensions-table = Score per dimension (0–4): 2.0 is needed not to be 'not yet', 3.0 for 'ready'
ready-dimension = Dimension
ready-answeredcol = Answered
ready-mean = Mean of answers
ready-evidence = Evidence from register
ready-score = Score
ready-previous = Previous assessment
ready-how = How the advice is made
ready-how-1 = A dimension scores the mean of its answered questions (0–4). For basis, privacy and contract management it is at most the evidence from the register: the quality score (overall, the data area, the contracts area) divided by 25. So the advice cannot be better than the documentation.
ready-how-2 = Not yet: quality below 60, no goal with a measurable KPI, an unanswered dimension or a dimension below 2.0. Ready: none of those, every dimension 3.0 or more and quality 80 or more. Otherwise ready under conditions: the dimensions below 3.0 and the quality areas below 80.
ready-domains = Advice per service domain to hand over
ready-domain-same = Follows the overall advice.
ready-history = Earlier assessments
ready-by = By
ready-concept = In progress
ready-open = Assessment in progress since
ready-answered =
    { $count ->
        [one] { $count } question answered
       *[other] { $count } questions answered
    }
ready-answer = Answer the questionnaire
ready-start = Start a new assessment
ready-finalise = Finalise the assessment
ready-finalise-help = Finalising records the answers and today's advice; the next assessment starts from these answers.
ready-finalised = The assessment is finalised.
ready-questions = Questionnaire
ready-back = Back to the advice
ready-saved = Answers saved.
ready-closed = No assessment is in progress: the answers below are those of the last finalised one.
ready-note = Note (optional)
ready-evidencelink = Evidence: link or document (optional)
ready-lastby = Last answered by
ready-savenext = Save and next
ready-saveadvice = Save and see the advice

## scope

scope-title = Scope
scope-heading = Scope: outsource one part or all?
scope-intro = Choose the service domains that go to a partner and see what that choice cuts through: the interfaces and relations across the line (each one to direct), the personal data going to the partner (each needs a processing agreement) and what the retained organisation depends on.
scope-domains = Service domains
scope-outsource = Outsource
scope-show = Show the cut
scope-cut = What the choice cuts through
scope-none = Choose one or more domains above.
scope-outsourced =
    { $count ->
        [one] { $count } element outsourced
       *[other] { $count } elements outsourced
    }
scope-crossings = across the line
scope-personal =
    { $count ->
        [one] { $count } data set with personal data to the partner
       *[other] { $count } data sets with personal data to the partner
    }
scope-dependent =
    { $count ->
        [one] { $count } retained element depending
       *[other] { $count } retained elements depending
    }
scope-crossing-title = Interfaces and relations across the line
scope-crossing-none = None: the domains stand apart from the rest.
scope-from = What it depends on
scope-via = Link
scope-to = What depends on it
scope-personal-title = Personal data to the partner (processing agreement needed)
scope-personal-none = None.
scope-dependent-title = Retained elements depending on what is outsourced
scope-dependent-none = None.
scope-suppliers = Dependency on suppliers
scope-suppliers-intro = Per supplier its share of the business-critical applications (the bar), its applications, contracts and their annual value, and the data sets with personal data it processes. Limit of the quality rule leverancier-concentratie:
scope-supplier = Supplier
scope-share = Share of business-critical
scope-critical = Business-critical
scope-applications = Applications
scope-contracts = Contracts
scope-value = Annual value
scope-personaldata = Personal data
scope-over = above the limit

## impact

impact-title = Impact
impact-heading = Impact and dependencies
impact-element = To the element
impact-affected = Affected if this fails or disappears
impact-intro = Everything that depends on it (through others too), with the number of steps and one shortest path.
impact-none = Nothing depends on it.
impact-distance = Steps
impact-path = Path
impact-critical = business-critical
impact-personal = personal data
impact-map = Dependency map
impact-hops = Steps around it
impact-show = Show
impact-truncated = The map shows the 2,000 nearest elements.
impact-legend = Legend
impact-zoomin = Zoom in
impact-zoomout = Zoom out
impact-reset = Fit
impact-list = The map as a table
impact-via = Reached from

## detail

detail-impact = Impact and dependencies
detail-default = default
detail-quality = Quality
detail-quality-none = No findings: this element meets the rules.
detail-confirm = Confirm this is correct
detail-confirm-never = Not yet confirmed by its owner.
detail-confirm-who = The owner (or an administrator) confirms that the data is correct; an edit by someone else withdraws the confirmation.
detail-confirmed = Confirmed. Thank you.
detail-fields = Details
detail-edit = Edit
detail-delete = Delete
detail-relations = How it connects
detail-relations-none = No relations recorded yet.
detail-referenced = Refers to this
detail-outgoing = Relations from this element
detail-incoming = Relations to this element
detail-interfaces-out = Interfaces to other applications
detail-interfaces-in = Interfaces from other applications
detail-history = History
detail-version = Record version
detail-interface = Interface
detail-other = Application
detail-standard = Standard
detail-frequency = Frequency
detail-created = Created
detail-updated = Changed
detail-saved = Saved.
detail-newrelation = Add relation

## quality

quality-title = Quality
quality-heading = Quality: is the basis in order?
quality-intro = Directing outsourcing starts with your own basis in order: documentation that is complete and current, knowing how the infrastructure fits together and how and where data is managed. This page measures that with rules over the register, and says for each finding how to fix it.
quality-overall = Score
quality-outof = out of 100
quality-scored =
    { $count ->
        [one] { $count } element scored
       *[other] { $count } elements scored
    }
quality-asof = as of
quality-areas = Score per area
quality-area = Area
quality-score = Score
quality-completeness = Completeness
quality-elements = Elements
quality-errors = Errors
quality-warnings = Warnings
quality-infos = Info
quality-trend = Score over time
quality-trend-none = No trend yet: the score is recorded on every day it is computed.
quality-trend-numbers = The numbers behind the chart
quality-day = Day
quality-findings = Findings
quality-findings-count =
    { $count ->
        [one] { $count } finding
       *[other] { $count } findings
    }
quality-findings-none = No findings with these filters.
quality-filter = Filter
quality-severity = Severity
quality-rule = Rule
quality-finding = Finding
quality-fix = How to fix it
quality-fixit = Fix
quality-settings = Rule settings
quality-settings-edit = Configure the rules
quality-settings-saved = The settings were saved.
quality-settings-readonly = Only an administrator changes these settings.
quality-thresholds = Thresholds
quality-rules = Rules
quality-on = On
quality-default = default
quality-back = Back to Quality
quality-formula-title = How the score is computed
quality-formula-1 = Completeness: each kind of element has weighted fields and relations (for an application, for example, owner 3, supplier 2, BIV 1 per aspect, contract 2, 'runs on' 2 when self-hosted). Completeness = Σ(weight × filled) / Σ(weight).
quality-formula-2 = Element score = 100 × completeness × (1 − deduction), deducting 0.5 per error, 0.2 per warning and 0 per info about that element (at most 1 in total).
quality-formula-3 = An area's score is the mean of the element scores in it (documentation: applications; infrastructure: components and interfaces; data: data sets; contracts: suppliers and contracts); the overall score is the mean of all element scores. Phased-out elements do not count.

## dash

dash-quality = Quality of the basis
dash-quality-more = All findings
dash-title = Overview
dash-register = The register
dash-attention = What needs attention now
dash-attention-none = Nothing needs attention now.
dash-attention-more = and
dash-recent = Recent changes
dash-kind = Kind
dash-summary = Summary
dash-details = First in line
dash-count = Number
dash-element = Element
dash-reason = Why
dash-journey = The journey: where are we?

## logout

logout = Log out

## lang

lang-switch = Nederlands
lang-other = nl

## login

login-title = Log in
login-email = E-mail address
login-password = Password
login-submit = Log in
login-failed = The e-mail address or the password is not right.
login-throttled = Too many failed attempts. Wait fifteen minutes and try again.
login-demo = Demo environment: log in as one of these users, each with the password

## orgs

orgs-title = Choose an organisation
orgs-none = You are not a member of any organisation yet. Ask an administrator to add you.

## list

list-search-label = Search by name
list-filter = Filter
list-apply = Apply
list-reset = Show all
list-new = New
list-total = found
list-empty = Nothing found.
list-page = Page
list-of = of
list-prev = Previous
list-next = Next
list-paging = Pagination
list-any = All
list-badparams = Not all search options could be used

## yes

yes = Yes

## no

no = No

## none

none = —

## form

form-new = New:
form-edit = Edit:
form-save = Save
form-cancel = Cancel
form-required = required
form-errors = Not saved: check the marked fields.
form-conflict = Not saved: someone else changed this meanwhile. The new version is below; make your change again.
form-choose = — choose —
form-multi = Hold Ctrl (or Cmd) to choose more than one.
form-money = In euros, for example 12,345.67
form-properties = One property per line, as name: value (for example Department: Public affairs).

## delete

delete-title = Delete:
delete-sure = Are you sure you want to delete this? It is recorded in the audit trail but cannot be undone.
delete-dependents = These elements depend on this one:
delete-removed = is deleted too
delete-cleared = reference is cleared
delete-cascade = Yes, also delete the dependent elements or clear their reference
delete-refused = Nothing deleted: other elements depend on this one. Tick the box to change those as well.
delete-changed = Nothing deleted: someone else changed this element in the meantime. Check the current version below and confirm again.
delete-submit = Delete permanently
delete-done = Deleted.

## audit

audit-title = Audit trail
audit-when = Time
audit-who = User
audit-action = Action
audit-what = Element
audit-fields = Changed fields
audit-empty = No changes yet.

## account

account-title = My account
account-orgs = Organisations and roles
account-tokens = Personal API tokens
account-tokens-help = A token gives a script the same rights as you. Only a hash is kept: you see the token once.
account-token-name = Token name
account-token-create = Create token
account-token-created = Your new token (copy it now, it will not be shown again):
account-token-lastused = Last used
account-token-never = never

## error

error-404 = This page does not exist, or you have no access to it.
error-403 = Your role in this organisation does not allow this.
error-500 = Something went wrong on our side. Nothing was half-saved; please try again later.
error-title = Error
error-home = To the start page

## footer

footer-licence = Regisseur is open source (EUPL-1.2).
footer-api = API documentation (OpenAPI)

## transfer

transfer-title = Import and export
transfer-export = Export
transfer-export-xlsx = The whole register as an Excel workbook (a sheet per kind, with drop-down lists)
transfer-export-csv = The application list as CSV (in the columns the import reads)
transfer-export-ameff = The register as an ArchiMate model (AMEFF 3.1, for Archi and BiZZdesign), linked to GEMMA
transfer-import = Import
transfer-more =
    { $count ->
        [one] { $count } row without problems is not shown; it is imported all the same.
       *[other] { $count } rows without problems are not shown; they are imported all the same.
    }
transfer-help = Upload your application overview (Excel or CSV), an exported register workbook, or an ArchiMate model (an AMEFF file from Archi or BiZZdesign, or the GEMMA model). You first see what changes and every problem per row (for a model: per line); only after confirming is everything saved at once. Existing applications, suppliers and people are recognised by name, model concepts by their identifier; importing the same file again changes nothing.
transfer-columns = Which columns are read?
transfer-columns-more = Synonyms and English names are recognised too (such as package, vendor, contract end, BIV as 2-3-2). Columns Regisseur does not know are kept as properties of the application.
transfer-file = File (.xlsx or .csv)
transfer-preview = See what changes
transfer-result = Preview of importing
transfer-errors =
    { $count ->
        [one] { $count } error: nothing will be saved. Fix it in the file and upload it again.
       *[other] { $count } errors: nothing will be saved. Fix them in the file and upload it again.
    }
transfer-nothing = Nothing to do: the register holds this already.
transfer-summary = What changes
transfer-rows = Per row
transfer-warnings =
    { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
transfer-row = Row
transfer-outcome = Result
transfer-problems = Problems
transfer-confirm = Import
transfer-nieuw = New
transfer-gewijzigd = Changed
transfer-ongewijzigd = Unchanged
transfer-skipped = Not read
transfer-error = Error
transfer-warning = Warning
transfer-nofile = Choose a file to import.
transfer-conflict = The register changed meanwhile; nothing was saved. Upload the file again.
transfer-progress = Upload progress

## bc

bc-title = Business case
bc-heading = Business cases
bc-intro = What outsourcing does to the budget, year by year: capital charges (depreciation and interest under the BBV rules) turning into operating charges, the net present value of both scenarios, and how sure that is. Put variants side by side to compare them.
bc-empty = There is no business case yet. Create one or import a TOML file.
bc-compare = Side by side
bc-compare-caption = Business cases compared (amounts in euros; NPV = net present value)
bc-compare-help = A negative NPV difference means outsourcing is cheaper. P10, P50 and P90 come from the Monte Carlo simulation over the ranges.
bc-new = New business case
bc-edit = Edit
bc-import = Import from TOML
bc-import-help = The same file `regisseur business-case` reads. Every problem is named with its key and line; nothing is saved then.
bc-import-failed = The file was not imported:
bc-import-file = TOML file
bc-import-button = Import
bc-import-notutf8 = the file is not UTF-8 text
bc-deleted = The business case was deleted.
bc-imported = The business case was imported.
bc-copied = Copy made.
bc-none = –
bc-horizon = Horizon
bc-years = years
bc-npv-own = NPV in-house
bc-npv-out = NPV outsourced
bc-npv-diff = NPV difference (outsourced − in-house)
bc-payback = Payback year
bc-payback-none = none within the horizon
bc-last-own = Charges in the last year, in-house
bc-last-out = Charges in the last year, outsourced
bc-p10 = P10 NPV difference
bc-p50 = P50 NPV difference
bc-p90 = P90 NPV difference
bc-cheaper = Chance that outsourcing is cheaper
bc-runs = Runs
bc-verdict-cheaper = Over { $jaren } years outsourcing is { $bedrag } cheaper than in-house, in present value.
bc-verdict-dearer = Over { $jaren } years outsourcing is { $bedrag } more expensive than in-house, in present value.
bc-verdict-even = Over { $jaren } years both scenarios cost the same, in present value.
bc-updated = Changed on
bc-by = by
bc-field-name = Name
bc-field-start = First year
bc-field-years = Horizon (years)
bc-field-discount = Discount rate (%)
bc-field-interest = Internal interest rate (%)
bc-field-direction = Direction cost (% of the outsourced costs)
bc-field-depreciationstart = Depreciation starts
bc-start-next = the year after the investment
bc-start-same = in the year of the investment
bc-outcome = Outcome
bc-uncertainty = How sure is this?
bc-reproduce = The same figures on the command line:
bc-noranges = All amounts are fixed. Give a minimum and maximum for uncertain amounts to see the Monte Carlo simulation and the tornado.
bc-table = The figures as a table
bc-assumptions = Assumptions and inputs
bc-delete = Delete business case
bc-copy = Copy as a variant
bc-copy-suffix = variant
bc-export-xlsx = Excel for the controller
bc-export-toml = TOML file
bc-all = All business cases
bc-list-assets = Existing assets (book value at the start)
bc-list-owncosts = In-house: yearly costs
bc-list-investments = In-house: investments
bc-list-ownonce = In-house: one-off charges
bc-list-outcosts = Outsourced: yearly costs
bc-list-outonce = Outsourced: one-off charges
bc-col-name = Name
bc-col-remove = Remove
bc-col-bookvalue = Book value (€)
bc-col-remaining = Remaining years
bc-col-min = Minimum (€)
bc-col-max = Maximum (€)
bc-col-yearly = Amount per year (€)
bc-col-amount = Amount (€)
bc-col-indexation = Indexation (%)
bc-col-from = From year
bc-col-to = Up to year
bc-col-year = Year
bc-col-depreciation = Depreciation years
bc-col-residual = Residual value (€)
bc-col-repeat = Recurring
bc-kind-depreciation = Depreciation
bc-kind-interest = Interest
bc-kind-costs = Yearly costs
bc-kind-once = One-off
bc-kind-direction = Direction
bc-kind-writedown = Write-down
bc-chart-charges = Charges per year, by kind
bc-chart-charges-desc = Stacked bars per year: on the left in-house (I), on the right outsourced (O), built from depreciation, interest, yearly costs, one-off charges, direction and write-down. The table below holds the same figures.
bc-chart-charges-intro = What each scenario charges to the budget per year. Capital charges (depreciation and interest) disappear when outsourcing; operating charges take their place.
bc-own-short = I
bc-out-short = O
bc-own = In-house
bc-out = Outsourced
bc-dashed = dashed
bc-scenario = Scenario
bc-total = Total
bc-chart-cash = Cumulative cash
bc-chart-cash-desc = Two lines: the summed spending of in-house (solid) and of outsourcing (dashed) per year; a vertical line marks the payback year. The table below holds the same figures.
bc-chart-cash-intro = Spending summed up: investments count in the year they are paid, depreciation and write-downs do not. From the payback year on, outsourcing stays at or below in-house.
bc-cash-own = Cash in-house
bc-cum-own = Cumulative in-house
bc-cash-out = Cash outsourced
bc-cum-out = Cumulative outsourced
bc-cum-diff = Cumulative difference
bc-chart-mc = Monte Carlo: spread of the NPV difference
bc-chart-mc-desc = Histogram of the NPV difference over { $runs } runs. P10 { $p10 }, P50 { $p50 }, P90 { $p90 }; outsourcing is cheaper in { $kans } of the runs. The table below holds the bins.
bc-chart-mc-intro = Every uncertain amount follows a PERT distribution between its minimum and maximum. Left of zero, outsourcing is cheaper.
bc-mc-cheaper = Outsourcing cheaper
bc-mc-dearer = Outsourcing more expensive
bc-mc-bin = NPV difference from – to
bc-mc-count = Runs
bc-mc-share = Share
bc-chart-tornado = Tornado: which inputs weigh most
bc-chart-tornado-desc = Per uncertain input a bar from the NPV difference at its minimum to at its maximum, the others at their most likely value; the largest swing on top. The table below holds the same figures.
bc-chart-tornado-intro = This is where sharper estimates pay off: the top inputs drive the outcome most.
bc-at-min = At minimum
bc-at-max = At maximum
bc-tornado-base = base
bc-input = Input
bc-swing = Swing
bc-row = row
bc-general = General
bc-form-help = Amounts in euros, as you type them (480,000 or 480000.00). If an amount is uncertain, also fill in a minimum and maximum. Percentages as 2.25. Empty rows do not count.
bc-morerows = More rows
bc-check-ok = The input is complete.
bc-check-problems = Problems in the input
bc-text = { "." }

## proc

proc-title = Procurement
proc-heading = Procurement
proc-intro = Which procedure the law allows and what we advise, and a choice of partner that any bidder or judge can recompute — with the human side (cooperation, communication, critical thinking, innovation) tested in interviews.
proc-route = Route advice
proc-kind = Kind of purchase
proc-annual = Value per year (€, excl. VAT)
proc-months = Term (months)
proc-options = Options and extensions (months)
proc-notice = Notice date
proc-suppliers = Number of potential suppliers
proc-factors = Characteristics of the purchase
proc-indefinite = Indefinite term
proc-factor-adapted = The solution must be adapted to the municipality
proc-factor-innovative = Design or innovative solutions
proc-factor-complex = Complex (nature, legal or financial, risks)
proc-factor-unspecifiable = The specifications cannot be set precisely beforehand
proc-factor-urgent = Extreme urgency the municipality did not cause
proc-advise = Advise
proc-advice = Advice
proc-estimated = Estimated value
proc-threshold = EU threshold
proc-european = EU procedure
proc-consultation = Market consultation
proc-procedures = Procedures: allowed and why
proc-procedure = Procedure
proc-allowed = Allowed
proc-ground = Ground
proc-planning = Minimum timeline
proc-step = Step
proc-date = Date
proc-basis = Period
proc-json = This advice as JSON (API)
proc-tenders = Tenders
proc-tenders-none = There is no tender yet.
proc-tender-template = New tender (IT outsourcing template)
proc-tender-empty = New empty tender
proc-tender-new = New tender
proc-tender-edit = Edit set-up
proc-tender-name = Name
proc-template-name = Outsourcing IT services
proc-stage = Stage
proc-method = Award method
proc-policy = Procurement policy: thresholds below the EU threshold
proc-policy-help = The municipality's own thresholds (common values filled in). The route advice uses them below the EU threshold.
proc-policy-services = Services and supplies: single quote below (€)
proc-policy-works-single = Works: single quote below (€)
proc-policy-works-multiple = Works: multiple quotes below (€)
proc-wq = Quality weight (%)
proc-scale = Scale
proc-scale-min = Lowest score
proc-scale-max = Highest score
proc-price-max = Ceiling price / Pmax (€)
proc-price-min = Pmin (€)
proc-people = Chair and evaluators
proc-people-help = The chair records the consensus; the evaluators first score on their own.
proc-person = Person
proc-chair = Chair
proc-evaluator = Evaluator
proc-evaluators = Evaluators
proc-requirements = Requirements (knock-out)
proc-criteria = Award criteria
proc-col-id = Code
proc-col-name = Name
proc-col-weight = Weight (%)
proc-col-value = Value (€, award on value)
proc-col-description = Description
proc-form-help = Weights in percent; together 100. Empty rows do not count. The weights are published beforehand.
proc-next = Where does the tender stand?
proc-next-setup = Set-up: fix the criteria and register the bids. Prices stay sealed. Then start the evaluation; set-up and bids are fixed from then on.
proc-next-scoring = Evaluation: every evaluator scores on their own, with a comment on every score, and submits. Then the chair records the consensus.
proc-next-final = The consensus is final; the prices are open and the ranking is known.
proc-start = Start the evaluation
proc-myscores = My scores
proc-myscores-intro = Give a score with a comment per criterion. You do not see others' scores; after submitting nothing can be changed.
proc-consensus = Consensus
proc-consensus-intro = The evaluators' scores and comments are shown with each criterion. Record the consensus score and the motivation; finalising opens the prices.
proc-comment = Comment
proc-motivation = Motivation
proc-submit = Submit
proc-finalise = Finalise the consensus and open the prices
proc-score = Score
proc-submitted = submitted on
proc-notsubmitted = not yet submitted
proc-bids = Bids
proc-sealed = Prices stay sealed — not shown and not available through the API — until the consensus on quality is final.
proc-bidder = Bidder
proc-price = Price
proc-price-sealed = sealed
proc-price-open = open: see the result
proc-excluded = excluded: fails a requirement
proc-bid-add = Register a bid
proc-bid-remove = Remove
proc-meets = Meets
proc-result = Result and award report
proc-report = Award report
proc-award = Intended award to
proc-shared = shared first place
proc-finalised = Consensus finalised on
proc-formula-absolute = Quality = Σ weight × (score − lowest)/(highest − lowest); price score = (Pmax − price)/(Pmax − Pmin), limited to 0–1; total = 100 × (quality weight × quality + price weight × price score). The highest total wins; on a tie the higher quality.
proc-formula-relative = Quality = Σ weight × (score − lowest)/(highest − lowest); price score = lowest price / price; total = 100 × (quality weight × quality + price weight × price score). The highest total wins; on a tie the higher quality. Note: relative price scores can reverse ranks (see the check below).
proc-formula-value = Assessed price = price − Σ value × (score − lowest)/(highest − lowest). The lowest assessed price wins; on a tie the higher quality.
proc-reproduce = Anyone can recompute every figure with
proc-export = Download the tender file
proc-ranking = Ranking
proc-rank = Rank
proc-quality = Quality (0–1)
proc-pricescore = Price score (0–1)
proc-total = Total (0–100)
proc-assessed = Assessed price
proc-excludedbids = Excluded bids
proc-sensitivity = Sensitivity of the weights
proc-sensitivity-help = At which weight (the others adjusted proportionally) another bidder would win, nearest to the chosen weight. If that is far away, the result is robust.
proc-weight-now = Weight now
proc-weight-switch = Switch point
proc-noswitch = none within 0–100 %
proc-reversal = Rank-reversal check
proc-reversal-none = Leaving out any bid does not change the order of the others.
proc-reversal-without = Without
proc-back = Back to the tender
proc-chart = Total score per bidder
proc-chart-desc = Horizontal bars per bidder in ranking order: the part quality contributes and the part price contributes (for award on value: the assessed price). The table below holds the same figures.
proc-chart-quality = Quality
proc-chart-price = Price
proc-best-price-quality-absolute = Best price-quality, absolute price scale
proc-best-price-quality-relative = Best price-quality, relative to the lowest
proc-award-on-value-fictitious = Award on value (fictitious discount)

## regie

regie-title = Direction
regie-heading = Director's agenda
regie-intro = What is coming up per contract and what is late: notice deadlines, end dates and obligations such as the yearly assurance report, the exit plan test and the BIO2 review.
regie-agenda = Agenda
regie-overdue = Overdue
regie-upcoming = The next 90 days
regie-none = Nothing.
regie-what = What
regie-description = Description
regie-feed = The agenda in your own calendar
regie-feed-help = Subscribe your calendar (Outlook, Google, Apple) to a secret address. Anyone with the address sees the agenda; revoke it if it leaks.
regie-feed-new = Your new address (shown only now; keep it):
regie-feed-count = Active addresses
regie-feed-create = Create a new agenda address
regie-feed-revoke = Revoke all agenda addresses
regie-contracts = Contracts
regie-until = until
regie-obligations = Obligations
regie-obligations-none = No obligations recorded yet.
regie-recurrence = Recurrence
regie-next = Next due
regie-lastmet = Last met
regie-late = late
regie-met = Met
regie-done = done
regie-due = First due date
regie-obligation-add = Add an obligation
regie-sla = Service levels
regie-sla-none = No SLA norms have been set for this contract yet (see regisseur sla for the format).
regie-sla-table = Measured per month
regie-availability = Availability
regie-response = Response time
regie-resolution = Resolution time
regie-within = within
regie-hours = hours
regie-month = Month
regie-credit = Service credit
regie-missed = missed
regie-credits-total = Service credits in total
regie-chronic = Chronic failure (missed in 3 of 6 months)
regie-report-upload = The supplier's monthly report
regie-report-help = CSV or XLSX with a header row and the columns maand (2027-03), norm (the norm's code) and gemeten (percent). With an error in any row nothing is read; every bad row is named.
regie-report-file = Report
regie-report-button = Upload
regie-health = Health of the relationship
regie-health-intro = Every quarter both sides answer the same questions. A fall of 1.5 points since the start, or two quarters of decline in a row, is the valley of disappointment; every SLA met but satisfaction below 6 is a watermelon.
regie-health-chart = Satisfaction per quarter
regie-health-chart-desc = Lines per side (municipality solid, supplier dashed) with the satisfaction per quarter on a scale of 1 to 10; the red dotted line is 6. The table holds the same figures.
regie-quarter = Quarter
regie-side = Side
regie-trust = Trust
regie-recommend = Recommend
regie-satisfaction = Satisfaction
regie-proactivity = Proactivity
regie-comment = Comment
regie-survey = Fill in the survey
regie-survey-save = Save the survey
regie-outage-add = Record an outage
regie-incident-add = Record an incident
regie-norm = Norm
regie-begin = Start
regie-end = End
regie-priority = Priority
regie-reported = Reported
regie-answered = Answered
regie-resolved = Resolved
regie-terms = Set the SLA norms
regie-terms-fee = Monthly fee (€)
regie-terms-cap = Maximum credit per month (% of the monthly fee)
regie-terms-closed = Extra closed days (2027-12-24, …)
regie-terms-norms = Norms
regie-terms-help = Target in percent. Response and resolution times apply per priority within the window's hours. Tiers: threshold:credit%, separated by semicolons, from high to low — 99.9:10; 99:25 means below 99.9 % a credit of 10 %, below 99 % 25 %.
regie-terms-save = Save the norms
regie-col-id = Code
regie-col-kind = Kind
regie-col-window = Window
regie-col-target = Target (%)
regie-col-priority = Priority
regie-col-hours = Within (hours)
regie-col-tiers = Tiers
regie-expectations = Expectations at the start
regie-expectations-intro = What both parties expected at the start, how to measure it and by when — later set against reality.
regie-by = by
regie-compare = compare with reality
regie-outcome = Outcome
regie-reality = Reality
regie-expectation-add = Record an expectation
regie-expected = Expectation
regie-measure = Measured as
regie-innovations = Innovation register
regie-innovations-none = No proposals yet.
regie-value = Value
regie-innovation-add = Propose an innovation
regie-innovation-title = Proposal

## transition

transition-title = Transition

## tr

tr-heading = Transition: people and change
tr-intro = Much of what changes is organisational: roles disappear, others appear. Change takes time — plan it, follow the risks and tell people in time.
tr-supplier-intro = Here you see the risks your organisation submitted for the transition, and submit new ones.
tr-parts = Parts
tr-organisation = The retained organisation
tr-organisation-help = The roles of the IT organisation today and after outsourcing, per service domain: what disappears, what changes and what appears.
tr-roles-none = No roles recorded yet. Start with the template of directing roles (SIAM/BiSL).
tr-fte = FTE per role, today and after outsourcing
tr-role = Role
tr-domain = Service domain
tr-change = Change
tr-fte-before = FTE today
tr-fte-after = FTE after
tr-actions = Actions
tr-delete = Remove
tr-total = Total
tr-role-new = Add a role
tr-template = Add the directing roles from the template (SIAM/BiSL)
tr-gaps = Competences: needed and available
tr-gaps-none = No competences recorded with the roles yet.
tr-gaps-caption = Competences in FTE, the largest shortfall first
tr-competence = Competence
tr-needed = Needed
tr-available = Available
tr-shortfall = Shortfall
tr-people = People affected
tr-people-help = Personal data: visible only to administrators and directors.
tr-people-none = No people recorded yet.
tr-name = Name
tr-role-now = Role today
tr-fate = What happens
tr-role-new-name = New role
tr-person-new = Add a person
tr-plan = Transition plan
tr-plan-none = No phases planned yet.
tr-phases = Phases
tr-phase = Phase
tr-start = Start
tr-end = End
tr-days = Days
tr-plan-edit = Change phases and settings
tr-milestones = Milestones
tr-milestones-none = No milestones yet.
tr-milestone = Milestone
tr-late = late
tr-date = Date
tr-owner = Owner
tr-depends = Depends on
tr-state = Status
tr-milestone-new = Add a milestone
tr-risks = Risk dossier
tr-heatmap = Heat map: number of risks (not closed) per probability and impact
tr-impact-probability = Impact ↓ / probability →
tr-weekly = Weekly risk report
tr-weekly-help = Compared with a week ago, as in Best Value's execution phase.
tr-weekly-new = New
tr-weekly-changed = Changed
tr-weekly-grown = Grown
tr-weekly-removed = Removed
tr-weekly-late = Mitigations late
tr-risks-none = No risks yet.
tr-risks-caption = Risks, the highest score first
tr-risk = Risk
tr-cause-effect = Cause → effect
tr-score = Score
tr-mitigation = Mitigation
tr-due = due
tr-by = Submitted by
tr-risk-new = Add a risk
tr-communication = Communication plan
tr-messages-none = No messages planned yet.
tr-moment = Moment
tr-audience = Audience
tr-message = Message
tr-channel = Channel
tr-done = Done
tr-message-new = Add a message
tr-yes = yes
tr-edit = Edit
tr-no = no
tr-no-2 = No
tr-yes-2 = Yes
tr-none = (none)
tr-the-whole-organisation = (the whole organisation)
tr-rare = rare
tr-unlikely = unlikely
tr-possible = possible
tr-likely = likely
tr-almost-certain = almost certain
tr-negligible = negligible
tr-minor = minor
tr-moderate = moderate
tr-major = major
tr-severe = severe
tr-minimum-stabilisation-months = Minimum stabilisation (months)
tr-shorter-is-warned-about = Shorter is warned about; 6 months by default.
tr-not-known-yet = (not known yet)
tr-transition-plan-phases-and = Transition plan: phases and settings
tr-whole-organisation = whole organisation
tr-reached = reached
tr-late-2 = late
tr-planned = planned
tr-due-2 = due

## report

report-title = Dossier
report-heading = Outsourcing dossier for the council
report-intro = One PDF with what is in Regisseur: the summary and advice, and the chapters you choose. A chapter whose data is missing says so.
report-parts = Chapters
report-lang = Language
report-download = Download the PDF
report-link = The outsourcing dossier as PDF

## chart

chart-thousands-separator = ,
chart-million = m

## gantt

gantt-transition-schedule = Transition schedule
gantt-late = { " (late)" }
gantt-today = today
gantt-phase = phase
gantt-milestone = milestone
gantt-milestone-reached = milestone reached
gantt-milestone-late = milestone late

## radar

radar-readiness-per-dimension = Readiness per dimension

## agenda

agenda-created = created
agenda-changed = changed
agenda-deleted = deleted

## view

view-unknown = (unknown)
view-outside-the-eea = { " — outside the EEA" }
view-no-name = (no name)

## basis


## dossier

dossier-as-of = as of
dossier-outsourcing-dossier = Outsourcing dossier
dossier-from-basis-to-direction = From basis to direction: where the municipality stands, what it wants, whether it is ready, what it costs, how it procures and how the transition goes.
dossier-summary-and-advice = Summary and advice
dossier-the-readiness-questionnaire-has = The readiness questionnaire has not been answered yet; the advice below rests on the quality of the basis alone.
dossier-advice = Advice
dossier-the-journey-where-does = The journey: where does the municipality stand?
dossier-stage = Stage
dossier-status = Status
dossier-notes = Notes
dossier-summary = Summary
dossier-the-basis-quality-of = The basis: quality of the documentation
dossier-reference-date = reference date
dossier-nothing-has-been-recorded = Nothing has been recorded in the register yet.
dossier-score-per-area-now = Score per area, now and a year ago
dossier-area = Area
dossier-score = Score
dossier-a-year-ago = A year ago
dossier-completeness = Completeness
dossier-errors = Errors
dossier-warnings = Warnings
dossier-the-main-findings = The main findings
dossier-severity = Severity
dossier-rule = Rule
dossier-element = Element
dossier-course-goals-and-kpis = Course: goals and KPIs
dossier-no-goals-have-been = No goals have been recorded yet.
dossier-no-kpi = (no KPI)
dossier-goals-with-their-kpis = Goals with their KPIs
dossier-goal = Goal
dossier-baseline = Baseline
dossier-target = Target
dossier-target-date = Target date
dossier-choices-per-service-domain = Choices per service domain
dossier-service-domain = Service domain
dossier-today = Today
dossier-intended = Intended
dossier-readiness-the-advice = Readiness: the advice
dossier-the-questionnaire-has-not = The questionnaire has not been answered, so there is no weighed advice yet.
dossier-score-per-dimension-0 = Score per dimension (0–4)
dossier-score-per-dimension = Score per dimension
dossier-dimension = Dimension
dossier-answered = Answered
dossier-what-gains-most = What gains most
dossier-scope-what-the-cut = Scope: what the cut crosses
dossier-no-service-domain-has = No service domain has been chosen to outsource yet.
dossier-crossing-the-line-the = Crossing the line (the first twenty)
dossier-from = From
dossier-to = To
dossier-via = Via
dossier-too-much = too much
dossier-supplier = Supplier
dossier-business-critical = Business-critical
dossier-share = Share
dossier-applications = Applications
dossier-contracts = Contracts
dossier-annual-value = Annual value
dossier-personal-data = Personal data
dossier-version = version
dossier-business-case = Business case
dossier-there-is-no-business = There is no business case yet.
dossier-the-business-cases-side = The business cases side by side (net present value)
dossier-npv-in-house = NPV in-house
dossier-npv-outsourced = NPV outsourced
dossier-difference = Difference
dossier-payback-year = Payback year
dossier-chance-cheaper = Chance cheaper
dossier-charges-per-year-in = Charges per year, in-house and outsourced
dossier-procurement-route-and-timeline = Procurement: route and timeline
dossier-there-is-no-tender = There is no tender yet, and the transition plan does not give the contract's size yet.
dossier-advised-procedure = Advised procedure
dossier-minimum-timeline = Minimum timeline
dossier-date = Date
dossier-step = Step
dossier-basis = Basis
dossier-the-contract-s-size = The contract's size is not in the transition plan yet, so the route is missing.
dossier-tenders = Tenders
dossier-tender = Tender
dossier-transition-plan-people-and = Transition: plan, people and risks
dossier-there-is-no-transition = There is no transition plan yet.
dossier-transition-schedule = Transition schedule
dossier-phases = Phases
dossier-phase = Phase
dossier-start = Start
dossier-end = End
dossier-days = Days
dossier-milestones-late = Milestones late
dossier-milestone = Milestone
dossier-owner = Owner
dossier-total = Total
dossier-the-retained-organisation-fte = The retained organisation: FTE per role
dossier-role = Role
dossier-change = Change
dossier-fte-today = FTE today
dossier-fte-after = FTE after
dossier-risk = Risk
dossier-mitigation = Mitigation
dossier-missing = missing
dossier-readiness-the-advice-with = Readiness: the advice with the radar chart
dossier-business-case-charges-per = Business case: charges per year, NPV, uncertainty
