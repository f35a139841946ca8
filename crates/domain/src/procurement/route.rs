//! The procurement route: what the law allows for this purchase and what we advise.
//!
//! - Estimated value, excluding VAT, options and extensions included (art. 2.15): services —
//!   monthly value × total months, but × 48 with an indefinite term or more than 48 months in
//!   total (art. 2.17); supplies — the total over the term (indefinite: × 48); works — the total.
//! - The EU threshold is the one in force on the notice date ([`THRESHOLDS`], data); the value is
//!   at or above it when greater than or equal to it.
//! - At or above: open and restricted are always allowed, the competitive dialogue and the
//!   competitive procedure with negotiation on the grounds of art. 2.28, negotiation without
//!   notice on those of art. 2.32. Below: the organisation's procurement policy
//!   ([`PolicyThresholds`]) — single quote, multiple quotes, national open.
//! - The timeline respects the minimum periods of §5 (electronic submission through TenderNed);
//!   where the law sets none, [`Assumptions`] name what is planned.

use crate::{Lang, Problem, ValidationErrors};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// What is bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Diensten,
    Leveringen,
    Werken,
    SocialeDiensten,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Diensten,
        Kind::Leveringen,
        Kind::Werken,
        Kind::SocialeDiensten,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Diensten => "diensten",
            Kind::Leveringen => "leveringen",
            Kind::Werken => "werken",
            Kind::SocialeDiensten => "sociale-diensten",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim().to_lowercase())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Diensten => lang.pick("Diensten", "Services"),
            Kind::Leveringen => lang.pick("Leveringen", "Supplies"),
            Kind::Werken => lang.pick("Werken", "Works"),
            Kind::SocialeDiensten => lang.pick(
                "Sociale en andere specifieke diensten",
                "Social and other specific services",
            ),
        }
    }
}

/// EU thresholds for one period, in euros excluding VAT.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdPeriod {
    pub from: (i32, u32, u32),
    pub to: (i32, u32, u32),
    pub works: f64,
    /// Supplies and services for sub-central authorities (municipalities).
    pub supplies_services: f64,
    pub social: f64,
}

/// The EU thresholds per period (REFERENCE.md §5). Add a row when the Commission publishes new
/// ones; a notice date after the last row uses the last row, with a warning.
pub const THRESHOLDS: [ThresholdPeriod; 3] = [
    ThresholdPeriod {
        from: (2022, 1, 1),
        to: (2023, 12, 31),
        works: 5_382_000.0,
        supplies_services: 215_000.0,
        social: 750_000.0,
    },
    ThresholdPeriod {
        from: (2024, 1, 1),
        to: (2025, 12, 31),
        works: 5_538_000.0,
        supplies_services: 221_000.0,
        social: 750_000.0,
    },
    ThresholdPeriod {
        from: (2026, 1, 1),
        to: (2027, 12, 31),
        works: 5_404_000.0,
        supplies_services: 216_000.0,
        social: 750_000.0,
    },
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The municipality's own thresholds below the EU threshold (its procurement policy).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyThresholds {
    /// Supplies and services: below this a single quote (enkelvoudig onderhands).
    pub diensten_enkelvoudig: f64,
    /// Works: below this a single quote.
    pub werken_enkelvoudig: f64,
    /// Works: below this multiple quotes; from here up to the EU threshold national open.
    pub werken_meervoudig: f64,
}

impl Default for PolicyThresholds {
    fn default() -> Self {
        PolicyThresholds {
            diensten_enkelvoudig: 50_000.0,
            werken_enkelvoudig: 150_000.0,
            werken_meervoudig: 1_500_000.0,
        }
    }
}

impl PolicyThresholds {
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (key, v) in [
            ("dienstenEnkelvoudig", self.diensten_enkelvoudig),
            ("werkenEnkelvoudig", self.werken_enkelvoudig),
            ("werkenMeervoudig", self.werken_meervoudig),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                errors.push(key, Problem::Negative);
            }
        }
        if self.werken_enkelvoudig >= self.werken_meervoudig {
            errors.push(
                "werkenEnkelvoudig",
                Problem::MustBeBelow {
                    other: "werkenMeervoudig",
                },
            );
        }
        errors.into_result(())
    }
}

/// Planning assumptions where the law sets no minimum, in calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assumptions {
    /// From the deadline for tenders to the award decision.
    pub evaluation_days: u64,
    /// From the deadline for requests to participate to the invitation to tender.
    pub selection_days: u64,
    /// The negotiation or dialogue rounds before the final tenders.
    pub negotiation_days: u64,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            evaluation_days: 14,
            selection_days: 14,
            negotiation_days: 30,
        }
    }
}

/// What the route advice needs.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteInput {
    pub kind: Kind,
    /// Value per year, euros excluding VAT.
    pub annual_value: f64,
    /// The term in months, without options.
    pub months: u32,
    /// Option and extension months.
    pub option_months: u32,
    pub indefinite: bool,
    /// The date the notice will be sent (or the invitation, below the threshold).
    pub notice_date: NaiveDate,
    pub policy: PolicyThresholds,
    pub factors: Factors,
    pub assumptions: Assumptions,
}

/// The qualitative factors of the Gids Proportionaliteit and art. 2.28 / 2.32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Factors {
    /// The solution must be adapted to the municipality, or designed.
    pub adapted: bool,
    /// The purchase includes design or innovative solutions.
    pub innovative: bool,
    /// Complex: nature, legal or financial make-up, or risks.
    pub complex: bool,
    /// The specifications cannot be set precisely enough beforehand.
    pub unspecifiable: bool,
    /// How many suppliers could deliver (unknown: `None`).
    pub potential_suppliers: Option<u32>,
    /// Extreme urgency by events the municipality could not foresee and did not cause.
    pub urgent: bool,
}

/// The procedures, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Procedure {
    Openbaar,
    NietOpenbaar,
    ConcurrentiegerichteDialoog,
    MededingingsprocedureMetOnderhandeling,
    OnderhandelingZonderAankondiging,
    NationaalOpenbaar,
    MeervoudigOnderhands,
    EnkelvoudigOnderhands,
}

impl Procedure {
    pub const ALL: [Procedure; 8] = [
        Procedure::Openbaar,
        Procedure::NietOpenbaar,
        Procedure::ConcurrentiegerichteDialoog,
        Procedure::MededingingsprocedureMetOnderhandeling,
        Procedure::OnderhandelingZonderAankondiging,
        Procedure::NationaalOpenbaar,
        Procedure::MeervoudigOnderhands,
        Procedure::EnkelvoudigOnderhands,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Procedure::Openbaar => "openbaar",
            Procedure::NietOpenbaar => "niet-openbaar",
            Procedure::ConcurrentiegerichteDialoog => "concurrentiegerichte-dialoog",
            Procedure::MededingingsprocedureMetOnderhandeling => {
                "mededingingsprocedure-met-onderhandeling"
            }
            Procedure::OnderhandelingZonderAankondiging => {
                "onderhandelingsprocedure-zonder-aankondiging"
            }
            Procedure::NationaalOpenbaar => "nationaal-openbaar",
            Procedure::MeervoudigOnderhands => "meervoudig-onderhands",
            Procedure::EnkelvoudigOnderhands => "enkelvoudig-onderhands",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Procedure::Openbaar => lang.pick("Europese openbare procedure", "EU open procedure"),
            Procedure::NietOpenbaar => lang.pick(
                "Europese niet-openbare procedure",
                "EU restricted procedure",
            ),
            Procedure::ConcurrentiegerichteDialoog => {
                lang.pick("Concurrentiegerichte dialoog", "Competitive dialogue")
            }
            Procedure::MededingingsprocedureMetOnderhandeling => lang.pick(
                "Mededingingsprocedure met onderhandeling",
                "Competitive procedure with negotiation",
            ),
            Procedure::OnderhandelingZonderAankondiging => lang.pick(
                "Onderhandelingsprocedure zonder aankondiging",
                "Negotiated procedure without prior publication",
            ),
            Procedure::NationaalOpenbaar => {
                lang.pick("Nationale openbare procedure", "National open procedure")
            }
            Procedure::MeervoudigOnderhands => lang.pick(
                "Meervoudig onderhandse procedure",
                "Multiple quotes (restricted, national)",
            ),
            Procedure::EnkelvoudigOnderhands => {
                lang.pick("Enkelvoudig onderhandse procedure", "Single quote")
            }
        }
    }

    fn european(self) -> bool {
        matches!(
            self,
            Procedure::Openbaar
                | Procedure::NietOpenbaar
                | Procedure::ConcurrentiegerichteDialoog
                | Procedure::MededingingsprocedureMetOnderhandeling
                | Procedure::OnderhandelingZonderAankondiging
        )
    }
}

/// One procedure: allowed or not, and on what ground.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub procedure: Procedure,
    pub allowed: bool,
    pub ground: String,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// `publicatie`, `aanmelding`, `uitnodiging`, `laatste-nota-van-inlichtingen`,
    /// `inschrijving`, `gunningsbeslissing`, `einde-opschortingstermijn`, `start-contract`.
    pub code: &'static str,
    pub date: NaiveDate,
    /// Why this date: the minimum period or the assumption.
    pub basis: String,
}

/// The route advice.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub estimated_value: f64,
    /// How the value was estimated.
    pub value_basis: String,
    pub threshold: f64,
    pub european: bool,
    pub procedures: Vec<Assessment>,
    pub advice: Procedure,
    pub motivation: Vec<String>,
    pub best_value: (bool, String),
    pub market_consultation: (bool, String),
    pub planning: Vec<Step>,
    pub warnings: Vec<String>,
}

impl RouteInput {
    /// Every problem with the input, by its field name.
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !(self.annual_value.is_finite() && self.annual_value >= 0.0) {
            errors.push("jaarwaarde", Problem::Negative);
        }
        if self.months == 0 && !self.indefinite {
            errors.push("maanden", Problem::OutOfRange { min: 1, max: 600 });
        }
        if self.months > 600 {
            errors.push("maanden", Problem::OutOfRange { min: 1, max: 600 });
        }
        if self.option_months > 600 {
            errors.push("optieMaanden", Problem::OutOfRange { min: 0, max: 600 });
        }
        if self.notice_date < date(THRESHOLDS[0].from) {
            errors.push("publicatiedatum", Problem::NoThreshold);
        }
        if let Err(e) = self.policy.check() {
            for f in e.0 {
                errors.push(format!("beleid.{}", f.name), f.problem);
            }
        }
        errors.into_result(())
    }

    /// The estimated value and how it was reached.
    pub fn estimated_value(&self, lang: Lang) -> (f64, String) {
        let monthly = self.annual_value / 12.0;
        let total = self.months + self.option_months;
        let capped = self.indefinite
            || (matches!(self.kind, Kind::Diensten | Kind::SocialeDiensten) && total > 48);
        let euros = |v: f64| {
            format!(
                "€ {}",
                crate::values::Cents((v * 100.0).round() as i64).to_euro_text()
            )
        };
        if capped {
            let why = if self.indefinite {
                lang.pick("onbepaalde looptijd", "indefinite term")
            } else {
                lang.pick("meer dan 48 maanden", "more than 48 months")
            };
            (
                monthly * 48.0,
                format!(
                    "{} {} × 48 {} ({why}, {})",
                    lang.pick("maandwaarde", "monthly value"),
                    euros(monthly),
                    lang.pick("maanden", "months"),
                    lang.pick("art. 2.17 Aw", "art. 2.17 Procurement Act")
                ),
            )
        } else {
            (
                monthly * f64::from(total),
                format!(
                    "{} {} × {} ({} {} + {} {}; {})",
                    lang.pick("maandwaarde", "monthly value"),
                    euros(monthly),
                    lang.months(total),
                    self.months,
                    lang.pick("looptijd", "term"),
                    self.option_months,
                    lang.pick("opties en verlengingen", "options and extensions"),
                    lang.pick(
                        "art. 2.15 Aw: alles meetellen, excl. btw",
                        "art. 2.15: everything counted, excl. VAT"
                    )
                ),
            )
        }
    }

    /// The EU threshold in force on the notice date, and whether it came from a later period
    /// than the table knows.
    pub fn threshold(&self) -> (f64, bool) {
        let period = THRESHOLDS
            .iter()
            .find(|p| (date(p.from)..=date(p.to)).contains(&self.notice_date));
        let (period, beyond) = match period {
            Some(p) => (p, false),
            None => (&THRESHOLDS[THRESHOLDS.len() - 1], true),
        };
        let value = match self.kind {
            Kind::Werken => period.works,
            Kind::Diensten | Kind::Leveringen => period.supplies_services,
            Kind::SocialeDiensten => period.social,
        };
        (value, beyond && self.notice_date > date(period.to))
    }
}

/// The route advice for a checked input.
pub fn advise(input: &RouteInput, lang: Lang) -> Route {
    let (value, value_basis) = input.estimated_value(lang);
    let (threshold, beyond) = input.threshold();
    let european = value >= threshold;
    let f = input.factors;
    let art_2_28: Vec<&str> = [
        (
            f.adapted,
            lang.pick(
                "de oplossing moet worden aangepast",
                "the solution must be adapted",
            ),
        ),
        (
            f.innovative,
            lang.pick("ontwerp of innovatie", "design or innovation"),
        ),
        (
            f.complex,
            lang.pick("complexiteit of risico's", "complexity or risks"),
        ),
        (
            f.unspecifiable,
            lang.pick(
                "de specificaties zijn niet precies vast te stellen",
                "the specifications cannot be set precisely",
            ),
        ),
    ]
    .into_iter()
    .filter_map(|(on, text)| on.then_some(text))
    .collect();
    let grounds_2_28 = !art_2_28.is_empty();

    // Below the threshold: which national procedure the policy requires at least.
    let policy_minimum = match input.kind {
        Kind::Werken if value < input.policy.werken_enkelvoudig => Procedure::EnkelvoudigOnderhands,
        Kind::Werken if value < input.policy.werken_meervoudig => Procedure::MeervoudigOnderhands,
        Kind::Werken => Procedure::NationaalOpenbaar,
        _ if value < input.policy.diensten_enkelvoudig => Procedure::EnkelvoudigOnderhands,
        _ => Procedure::MeervoudigOnderhands,
    };
    let weight = |p: Procedure| match p {
        Procedure::EnkelvoudigOnderhands => 0,
        Procedure::MeervoudigOnderhands => 1,
        _ => 2,
    };
    let procedures = Procedure::ALL
        .into_iter()
        .map(|procedure| {
            let (allowed, ground) = assess(
                procedure,
                european,
                grounds_2_28,
                &art_2_28,
                f,
                policy_minimum,
                weight,
                lang,
            );
            Assessment {
                procedure,
                allowed,
                ground,
            }
        })
        .collect::<Vec<_>>();

    // The advice along the Gids Proportionaliteit.
    let mut motivation = vec![format!(
        "{}: {} {} {} {}.",
        lang.pick("Omvang", "Size"),
        money(value, lang),
        if european {
            lang.pick("ligt op of boven", "is at or above")
        } else {
            lang.pick("ligt onder", "is below")
        },
        lang.pick("de Europese drempel van", "the EU threshold of"),
        money(threshold, lang)
    )];
    let many = f.potential_suppliers.is_some_and(|n| n > 5);
    let few = f.potential_suppliers.is_some_and(|n| n <= 2);
    let advice = if european {
        if (f.adapted || f.innovative) && f.complex && f.unspecifiable {
            motivation.push(lang.pick(
                "Aard en complexiteit: de oplossing moet samen met de markt worden ontworpen en de specificaties zijn niet vooraf vast te leggen; de concurrentiegerichte dialoog past (art. 2.28).",
                "Nature and complexity: the solution must be designed with the market and cannot be specified beforehand; the competitive dialogue fits (art. 2.28).",
            ).to_string());
            Procedure::ConcurrentiegerichteDialoog
        } else if grounds_2_28 {
            motivation.push(format!(
                "{} {}. {}",
                lang.pick("Aard en complexiteit:", "Nature and complexity:"),
                art_2_28.join(", "),
                lang.pick(
                    "Onderhandelen over de aanbiedingen geeft het beste resultaat; de grond van art. 2.28 is er.",
                    "Negotiating the tenders gives the best result; the ground of art. 2.28 is met.",
                )
            ));
            Procedure::MededingingsprocedureMetOnderhandeling
        } else if many {
            motivation.push(lang.pick(
                "Markt: veel mogelijke aanbieders; met een selectie van de beste 3–5 blijven de transactiekosten voor aanbieders en gemeente beperkt.",
                "Market: many potential suppliers; selecting the best 3–5 keeps the transaction costs of suppliers and municipality down.",
            ).to_string());
            Procedure::NietOpenbaar
        } else {
            motivation.push(lang.pick(
                "Aard: een standaardopdracht zonder grond voor onderhandeling; de openbare procedure is de eenvoudigste en meest transparante.",
                "Nature: a standard purchase without a ground to negotiate; the open procedure is the simplest and most transparent.",
            ).to_string());
            Procedure::Openbaar
        }
    } else {
        match policy_minimum {
            Procedure::EnkelvoudigOnderhands => motivation.push(lang.pick(
                "Transactiekosten: bij deze omvang staat een enkelvoudig onderhandse procedure in verhouding; vraag wel een marktconforme prijs.",
                "Transaction costs: at this size a single quote is proportionate; do check the price against the market.",
            ).to_string()),
            Procedure::MeervoudigOnderhands => motivation.push(lang.pick(
                "Transactiekosten en markt: het inkoopbeleid vraagt hier ten minste meervoudig onderhands; nodig 3 tot 5 aanbieders uit.",
                "Transaction costs and market: the procurement policy requires at least multiple quotes here; invite 3 to 5 suppliers.",
            ).to_string()),
            _ => motivation.push(lang.pick(
                "Omvang: het inkoopbeleid vraagt hier een nationale openbare procedure.",
                "Size: the procurement policy requires a national open procedure here.",
            ).to_string()),
        }
        if many && policy_minimum == Procedure::MeervoudigOnderhands {
            motivation.push(lang.pick(
                "Markt: er zijn veel mogelijke aanbieders; overweeg een nationale openbare procedure zodat iedereen kans maakt.",
                "Market: there are many potential suppliers; consider a national open procedure so everyone has a chance.",
            ).to_string());
        }
        policy_minimum
    };
    if few {
        motivation.push(lang.pick(
            "Markt: weinig mogelijke aanbieders; een marktconsultatie laat zien of er genoeg concurrentie is.",
            "Market: few potential suppliers; a market consultation shows whether there is enough competition.",
        ).to_string());
    }
    motivation.push(if grounds_2_28 {
        lang.pick(
            "Gewenst resultaat: kwaliteit en samenwerking wegen zwaar; gun op beste prijs-kwaliteitverhouding met interviews met sleutelpersonen.",
            "Desired result: quality and cooperation weigh heavily; award on best price-quality ratio with interviews of key persons.",
        )
    } else {
        lang.pick(
            "Gewenst resultaat: een goed omschreven product; gun op beste prijs-kwaliteitverhouding met een beperkt aantal kwaliteitscriteria.",
            "Desired result: a well-described product; award on best price-quality ratio with a few quality criteria.",
        )
    }.to_string());

    let substantial = value >= threshold * 0.5;
    let best_value = if (f.complex || f.innovative || f.adapted) && substantial {
        (true, lang.pick(
            "Best Value past: de opdracht vraagt de expertise van de markt en samenwerking; de beoordeling van prestatieonderbouwing, risico- en kansendossier en interviews maakt de menselijke kant zichtbaar (kwaliteit 70–75 %).",
            "Best Value fits: the purchase needs the market's expertise and cooperation; assessing the performance substantiation, risk and opportunity dossiers and interviews shows the human side (quality 70–75 %).",
        ).to_string())
    } else if !substantial {
        (false, lang.pick(
            "Best Value past minder: bij deze omvang wegen de kosten van dossiers en interviews niet op tegen de winst.",
            "Best Value fits less: at this size the cost of dossiers and interviews outweighs the gain.",
        ).to_string())
    } else {
        (false, lang.pick(
            "Best Value voegt weinig toe bij een standaardopdracht met duidelijke specificaties; eisen en prijs volstaan.",
            "Best Value adds little to a standard purchase with clear specifications; requirements and price suffice.",
        ).to_string())
    };
    let consult = grounds_2_28 || f.potential_suppliers.is_none() || few || value >= 1_000_000.0;
    let market_consultation = if consult {
        (true, lang.pick(
            "Houd eerst een marktconsultatie: toets haalbaarheid, aantal aanbieders en de eisen; deel de uitkomst met iedereen zodat de mededinging niet verstoord wordt.",
            "Hold a market consultation first: test feasibility, the number of suppliers and the requirements; share the outcome with everyone so competition is not distorted.",
        ).to_string())
    } else {
        (
            false,
            lang.pick(
                "Een marktconsultatie is niet nodig: de markt en de specificaties zijn bekend.",
                "A market consultation is not needed: the market and the specifications are known.",
            )
            .to_string(),
        )
    };

    let mut warnings = Vec::new();
    if !european && value >= threshold * 0.9 {
        warnings.push(lang.pick(
            "De waarde ligt net onder de Europese drempel. Opsplitsen om onder de drempel te blijven is niet toegestaan; tel alle opties, verlengingen en samenhangende opdrachten mee.",
            "The value is just below the EU threshold. Splitting to stay below it is not allowed; count every option, extension and related purchase.",
        ).to_string());
    }
    if input.indefinite {
        warnings.push(lang.pick(
            "Onbepaalde looptijd: de waarde is geraamd op 48 maanden. Overweeg een bepaalde looptijd met verlengingsopties en een exitregeling.",
            "Indefinite term: the value is estimated over 48 months. Consider a fixed term with extension options and an exit arrangement.",
        ).to_string());
    }
    if beyond {
        warnings.push(lang.pick(
            "Voor de publicatiedatum is nog geen drempel bekend; de laatst bekende is gebruikt. Controleer de drempel van de Europese Commissie.",
            "No threshold is known yet for the notice date; the last known one is used. Check the European Commission's threshold.",
        ).to_string());
    }
    if input.kind == Kind::SocialeDiensten && european {
        warnings.push(lang.pick(
            "Sociale en andere specifieke diensten: boven de drempel geldt het verlichte regime (art. 2.38–2.39 Aw): aankondigen en transparant gunnen, de procedure mag de gemeente zelf inrichten.",
            "Social and other specific services: above the threshold the light regime applies (art. 2.38–2.39): publish and award transparently; the municipality may design the procedure.",
        ).to_string());
    }
    if f.urgent && european {
        warnings.push(lang.pick(
            "Dwingende spoed (art. 2.32): alleen voor onvoorziene omstandigheden die de gemeente niet te wijten zijn, en alleen voor wat strikt nodig is tot een reguliere aanbesteding mogelijk is.",
            "Extreme urgency (art. 2.32): only for unforeseeable events not attributable to the municipality, and only for what is strictly needed until a regular tender is possible.",
        ).to_string());
    }
    if f.potential_suppliers == Some(1) {
        warnings.push(lang.pick(
            "Eén mogelijke aanbieder: leg vast waarom er technisch of door exclusieve rechten maar één is; anders is dat geen grond om de mededinging over te slaan.",
            "One potential supplier: record why there is only one for technical reasons or exclusive rights; otherwise that is no ground to skip competition.",
        ).to_string());
    }

    Route {
        estimated_value: value,
        value_basis,
        threshold,
        european,
        planning: timeline(advice, input.notice_date, input.assumptions, lang),
        procedures,
        advice,
        motivation,
        best_value,
        market_consultation,
        warnings,
    }
}

fn money(value: f64, lang: Lang) -> String {
    let text = crate::values::Cents((value * 100.0).round() as i64).to_euro_text();
    match lang {
        Lang::Nl => format!("€ {text}"),
        Lang::En => format!(
            "€{}",
            text.replace('.', "_").replace(',', ".").replace('_', ",")
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn assess(
    procedure: Procedure,
    european: bool,
    grounds_2_28: bool,
    art_2_28: &[&str],
    f: Factors,
    policy_minimum: Procedure,
    weight: impl Fn(Procedure) -> u8,
    lang: Lang,
) -> (bool, String) {
    let above = lang.pick(
        "de waarde ligt op of boven de Europese drempel: een Europese procedure is verplicht",
        "the value is at or above the EU threshold: an EU procedure is required",
    );
    match procedure {
        Procedure::Openbaar | Procedure::NietOpenbaar => (
            true,
            if european {
                lang.pick(
                    "Altijd toegestaan boven de drempel (art. 2.26 Aw).",
                    "Always allowed above the threshold (art. 2.26).",
                )
            } else {
                lang.pick(
                    "Vrijwillig Europees aanbesteden mag altijd.",
                    "A voluntary EU procedure is always allowed.",
                )
            }
            .to_string(),
        ),
        Procedure::ConcurrentiegerichteDialoog
        | Procedure::MededingingsprocedureMetOnderhandeling => {
            if grounds_2_28 {
                (
                    true,
                    format!(
                        "{}: {}.",
                        lang.pick("Art. 2.28 Aw", "Art. 2.28"),
                        art_2_28.join(", ")
                    ),
                )
            } else {
                (false, lang.pick(
                    "Alleen op een grond van art. 2.28 Aw (aanpassing, ontwerp of innovatie, complexiteit, niet te specificeren); geen daarvan is aangegeven.",
                    "Only on a ground of art. 2.28 (adaptation, design or innovation, complexity, cannot be specified); none is given.",
                ).to_string())
            }
        }
        Procedure::OnderhandelingZonderAankondiging => {
            if european && f.urgent {
                (true, lang.pick(
                    "Art. 2.32 lid 1 sub c Aw: dwingende spoed door onvoorziene omstandigheden die de gemeente niet te wijten zijn.",
                    "Art. 2.32(1)(c): extreme urgency from unforeseeable events not attributable to the municipality.",
                ).to_string())
            } else if european && f.potential_suppliers == Some(1) {
                (true, lang.pick(
                    "Art. 2.32 lid 1 sub b Aw: slechts één aanbieder om technische redenen of exclusieve rechten — leg dat vast.",
                    "Art. 2.32(1)(b): only one supplier for technical reasons or exclusive rights — record it.",
                ).to_string())
            } else {
                (false, lang.pick(
                    "Alleen op de uitzonderingsgronden van art. 2.32 Aw (o.a. dwingende spoed, één aanbieder); die zijn er niet.",
                    "Only on the exceptional grounds of art. 2.32 (e.g. extreme urgency, a single supplier); they do not apply.",
                ).to_string())
            }
        }
        national => {
            if european {
                (false, format!("{}.", capitalise(above)))
            } else if weight(national) >= weight(policy_minimum) {
                (true, lang.pick(
                    "Toegestaan onder de drempel volgens het inkoopbeleid (een zwaardere procedure mag altijd).",
                    "Allowed below the threshold under the procurement policy (a heavier procedure is always allowed).",
                ).to_string())
            } else {
                (
                    false,
                    lang.pick(
                        "Het inkoopbeleid vraagt bij deze waarde een zwaardere procedure.",
                        "The procurement policy requires a heavier procedure at this value.",
                    )
                    .to_string(),
                )
            }
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The minimum timeline of a procedure from the notice date.
fn timeline(procedure: Procedure, notice: NaiveDate, a: Assumptions, lang: Lang) -> Vec<Step> {
    let add = |d: NaiveDate, days: u64| d.checked_add_days(Days::new(days)).unwrap_or(d);
    let sub = |d: NaiveDate, days: u64| d.checked_sub_days(Days::new(days)).unwrap_or(d);
    let mut steps = vec![Step {
        code: "publicatie",
        date: notice,
        basis: lang
            .pick(
                "aankondiging of uitnodiging verstuurd",
                "notice or invitation sent",
            )
            .into(),
    }];
    let evaluation = format!(
        "{} {}",
        lang.pick("aanname: beoordeling", "assumption: evaluation"),
        lang.days(a.evaluation_days)
    );
    let (tenders, tenders_basis) = match procedure {
        Procedure::Openbaar => (
            add(notice, 40),
            lang.pick(
                "minimaal 40 dagen na de aankondiging (elektronisch)",
                "at least 40 days after the notice (electronic)",
            )
            .to_string(),
        ),
        Procedure::NietOpenbaar
        | Procedure::ConcurrentiegerichteDialoog
        | Procedure::MededingingsprocedureMetOnderhandeling => {
            let requests = add(notice, 30);
            steps.push(Step {
                code: "aanmelding",
                date: requests,
                basis: lang
                    .pick(
                        "minimaal 30 dagen voor aanmelding",
                        "at least 30 days for requests to participate",
                    )
                    .into(),
            });
            let invitation = add(requests, a.selection_days);
            steps.push(Step {
                code: "uitnodiging",
                date: invitation,
                basis: format!(
                    "{} {}",
                    lang.pick("aanname: selectie", "assumption: selection"),
                    lang.days(a.selection_days)
                ),
            });
            if procedure == Procedure::NietOpenbaar {
                (
                    add(invitation, 35),
                    lang.pick(
                        "minimaal 35 dagen na de uitnodiging (elektronisch)",
                        "at least 35 days after the invitation (electronic)",
                    )
                    .to_string(),
                )
            } else {
                let final_round = add(invitation, a.negotiation_days);
                steps.push(Step {
                    code: "onderhandeling",
                    date: final_round,
                    basis: format!(
                        "{} {}",
                        lang.pick(
                            "aanname: dialoog of onderhandeling",
                            "assumption: dialogue or negotiation"
                        ),
                        lang.days(a.negotiation_days)
                    ),
                });
                (
                    add(final_round, 35),
                    lang.pick(
                        "minimaal 35 dagen voor de definitieve inschrijving",
                        "at least 35 days for the final tenders",
                    )
                    .to_string(),
                )
            }
        }
        Procedure::OnderhandelingZonderAankondiging => (
            add(notice, 10),
            lang.pick(
                "aanname: 10 dagen (geen wettelijke termijn)",
                "assumption: 10 days (no statutory period)",
            )
            .to_string(),
        ),
        Procedure::NationaalOpenbaar => (
            add(notice, 30),
            lang.pick(
                "aanname: 30 dagen, een redelijke termijn (Gids Proportionaliteit)",
                "assumption: 30 days, a reasonable period (Gids Proportionaliteit)",
            )
            .to_string(),
        ),
        Procedure::MeervoudigOnderhands => (
            add(notice, 20),
            lang.pick(
                "aanname: 20 dagen, een redelijke termijn",
                "assumption: 20 days, a reasonable period",
            )
            .to_string(),
        ),
        Procedure::EnkelvoudigOnderhands => (
            add(notice, 10),
            lang.pick(
                "aanname: 10 dagen voor de offerte",
                "assumption: 10 days for the quote",
            )
            .to_string(),
        ),
    };
    if procedure != Procedure::EnkelvoudigOnderhands {
        steps.push(Step {
            code: "laatste-nota-van-inlichtingen",
            date: sub(tenders, 10),
            basis: lang
                .pick(
                    "uiterlijk 10 dagen voor de inschrijving",
                    "at the latest 10 days before the deadline",
                )
                .into(),
        });
    }
    steps.push(Step {
        code: "inschrijving",
        date: tenders,
        basis: tenders_basis,
    });
    let award = add(tenders, a.evaluation_days);
    steps.push(Step {
        code: "gunningsbeslissing",
        date: award,
        basis: evaluation,
    });
    let start = if procedure == Procedure::EnkelvoudigOnderhands {
        add(award, 1)
    } else {
        let standstill = add(award, 20);
        steps.push(Step {
            code: "einde-opschortingstermijn",
            date: standstill,
            basis: if procedure.european() {
                lang.pick(
                    "20 dagen opschortingstermijn (art. 2.127 Aw)",
                    "20-day standstill (art. 2.127)",
                )
            } else {
                lang.pick(
                    "20 dagen opschortingstermijn (gebruikelijk, ook onder de drempel)",
                    "20-day standstill (customary, also below the threshold)",
                )
            }
            .into(),
        });
        add(standstill, 1)
    };
    steps.push(Step {
        code: "start-contract",
        date: start,
        basis: lang
            .pick(
                "op zijn vroegst, na ondertekening",
                "at the earliest, after signing",
            )
            .into(),
    });
    steps
}

/// The step's name for people.
pub fn step_label(code: &str, lang: Lang) -> &'static str {
    match code {
        "publicatie" => lang.pick("Publicatie", "Publication"),
        "aanmelding" => lang.pick("Sluiting aanmelding", "Deadline for requests"),
        "uitnodiging" => lang.pick("Uitnodiging tot inschrijving", "Invitation to tender"),
        "onderhandeling" => lang.pick(
            "Einde dialoog of onderhandeling",
            "End of dialogue or negotiation",
        ),
        "laatste-nota-van-inlichtingen" => {
            lang.pick("Laatste nota van inlichtingen", "Last clarification notice")
        }
        "inschrijving" => lang.pick("Sluiting inschrijving", "Deadline for tenders"),
        "gunningsbeslissing" => lang.pick("Gunningsbeslissing", "Award decision"),
        "einde-opschortingstermijn" => lang.pick("Einde opschortingstermijn", "End of standstill"),
        _ => lang.pick("Vroegste start contract", "Earliest contract start"),
    }
}

impl Route {
    /// As `regisseur route --json` prints it.
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({
            "geraamdeWaarde": crate::business_case::cents(self.estimated_value),
            "waardeBerekening": self.value_basis,
            "drempel": self.threshold,
            "europees": self.european,
            "procedures": self.procedures.iter().map(|p| json!({
                "procedure": p.procedure.code(), "naam": p.procedure.label(lang), "toegestaan": p.allowed, "grond": p.ground,
            })).collect::<Vec<_>>(),
            "advies": self.advice.code(),
            "motivering": self.motivation.join(" "),
            "bestValue": {"past": self.best_value.0, "toelichting": self.best_value.1},
            "marktconsultatie": {"aanbevolen": self.market_consultation.0, "toelichting": self.market_consultation.1},
            "planning": self.planning.iter().map(|s| json!({
                "stap": s.code, "naam": step_label(s.code, lang), "datum": s.date.to_string(), "grondslag": s.basis,
            })).collect::<Vec<_>>(),
            "waarschuwingen": self.warnings,
        })
    }
}

#[cfg(test)]
mod tests;
