//! The deterministic calculation: per year and scenario the capital charges, the operating
//! charges, their total and the cash flow; the net present value of both cash flows, their
//! difference and the payback year.
//!
//! - Depreciation of an investment: (bedrag − restwaarde) / afschrijvingsjaren per year, for
//!   afschrijvingsjaren years from jaar + 1 (`volgend-jaar`) or jaar (`zelfde-jaar`); interest
//!   each of those years = omslagrente × the book value at the start of the year. With
//!   `herhalen` the investment recurs every afschrijvingsjaren years within the horizon.
//! - Existing assets: boekwaarde / resterendeJaren per year from startjaar, with interest on the
//!   book value at the start of each year — in-house. Outsourced, their whole book value is
//!   written down as a one-off operating charge in startjaar.
//! - Yearly costs: bedrag × (1 + indexatie)^(jaar − vanaf), from vanaf (default startjaar) up to
//!   and including tot. The direction organisation costs regiePercentage × that year's
//!   outsourced yearly costs.
//! - Cash = yearly costs + one-off charges + direction + investments paid that year (interest
//!   and write-downs are not cash). NPV = Σ cash / (1 + discontovoet)^t, t = jaar − startjaar.

use super::{DepreciationStart, Input};

/// One scenario's figures for one year, in euros, with what they are made of: capital charges
/// = depreciation + interest; operating charges = yearly costs + one-off charges + direction +
/// write-down; cash = yearly costs + one-off charges + direction + investments paid.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scenario {
    pub kapitaallasten: f64,
    pub exploitatielasten: f64,
    pub totaal: f64,
    pub kasstroom: f64,
    pub afschrijving: f64,
    pub rente: f64,
    /// Yearly (structural) costs.
    pub kosten: f64,
    /// One-off operating charges.
    pub eenmalig: f64,
    /// The retained direction organisation (outsourced only).
    pub regie: f64,
    /// Write-down of existing assets (outsourced only, first year).
    pub afwaardering: f64,
    /// Investments paid this year (in-house only).
    pub investeringen: f64,
}

impl Scenario {
    /// The charges by kind, as the stacked chart and the export show them: (code, amount).
    pub fn charges_by_kind(&self) -> [(&'static str, f64); 6] {
        [
            ("afschrijving", self.afschrijving),
            ("rente", self.rente),
            ("kosten", self.kosten),
            ("eenmalig", self.eenmalig),
            ("regie", self.regie),
            ("afwaardering", self.afwaardering),
        ]
    }

    fn close(&mut self) {
        self.kapitaallasten = self.afschrijving + self.rente;
        self.exploitatielasten = self.kosten + self.eenmalig + self.regie + self.afwaardering;
        self.totaal = self.kapitaallasten + self.exploitatielasten;
        self.kasstroom = self.kosten + self.eenmalig + self.regie + self.investeringen;
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year {
    pub jaar: i32,
    pub eigen_beheer: Scenario,
    pub uitbesteed: Scenario,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub jaren: Vec<Year>,
    pub ncw_eigen_beheer: f64,
    pub ncw_uitbesteed: f64,
    /// Outsourced minus in-house: negative when outsourcing is cheaper.
    pub ncw_verschil: f64,
    /// The first year from which the cumulative cash of outsourcing stays at or below that of
    /// in-house until the end of the horizon.
    pub terugverdienjaar: Option<i32>,
}

/// Depreciation and interest of an asset charged from `first` for `years` years, as
/// (year, depreciation, interest) within the horizon.
fn capital_charges(
    amount: f64,
    residual: f64,
    first: i32,
    years: u32,
    rate: f64,
) -> impl Iterator<Item = (i32, f64, f64)> {
    let yearly = if years == 0 {
        0.0
    } else {
        (amount - residual) / f64::from(years)
    };
    (0..years).map(move |k| {
        let book = amount - yearly * f64::from(k);
        (first + k as i32, yearly, rate * book)
    })
}

/// The calculation over the input's most likely values (ranges count as their most likely
/// value). The input must have passed [`Input::check`].
pub fn calculate(input: &Input) -> Outcome {
    let values: Vec<f64> = input
        .amounts()
        .iter()
        .map(|(_, a)| a.most_likely())
        .collect();
    calculate_with(input, &values)
}

/// The calculation with every amount taken from `values`, in the order of
/// [`Input::amounts`] (a missing value counts as the most likely one): what each Monte Carlo
/// run does, without copying the input.
pub fn calculate_with(input: &Input, values: &[f64]) -> Outcome {
    let own_costs_at = 0;
    let own_once_at = own_costs_at + input.eigen_beheer.kosten.len();
    let out_costs_at = own_once_at + input.eigen_beheer.eenmalig.len();
    let out_once_at = out_costs_at + input.uitbesteed.kosten.len();
    let investments_at = out_once_at + input.uitbesteed.eenmalig.len();
    let value =
        |at: usize, amount: super::Amount| values.get(at).copied().unwrap_or(amount.most_likely());
    let years: Vec<i32> = input.years().collect();
    let n = years.len();
    let start = input.startjaar;
    let slot =
        |year: i32| -> Option<usize> { usize::try_from(year - start).ok().filter(|i| *i < n) };
    let mut own = vec![Scenario::default(); n];
    let mut out = vec![Scenario::default(); n];

    // Existing assets: in-house they keep their capital charges; outsourced they are written
    // down in the first year.
    for asset in &input.bestaande_activa {
        for (year, depreciation, interest) in capital_charges(
            asset.boekwaarde,
            0.0,
            start,
            asset.resterende_jaren,
            input.omslagrente,
        ) {
            if let Some(i) = slot(year) {
                own[i].afschrijving += depreciation;
                own[i].rente += interest;
            }
        }
        if n > 0 {
            out[0].afwaardering += asset.boekwaarde;
        }
    }

    // Investments in-house: paid in their year, charged over their depreciation years.
    for (k, investment) in input.eigen_beheer.investeringen.iter().enumerate() {
        let amount = value(investments_at + k, investment.bedrag);
        let mut year = investment.jaar;
        loop {
            if let Some(i) = slot(year) {
                own[i].investeringen += amount;
            }
            let first = match input.afschrijving_start {
                DepreciationStart::VolgendJaar => year + 1,
                DepreciationStart::ZelfdeJaar => year,
            };
            for (y, depreciation, interest) in capital_charges(
                amount,
                investment.restwaarde,
                first,
                investment.afschrijvingsjaren,
                input.omslagrente,
            ) {
                if let Some(i) = slot(y) {
                    own[i].afschrijving += depreciation;
                    own[i].rente += interest;
                }
            }
            let step = i32::try_from(investment.afschrijvingsjaren).unwrap_or(i32::MAX);
            year = year.saturating_add(step);
            if !investment.herhalen || step == 0 || slot(year).is_none() {
                break;
            }
        }
    }

    // Yearly costs and one-off charges of both scenarios; direction as a share of the
    // outsourced yearly costs.
    let yearly = |costs: &[super::Cost], at: usize, year: i32| -> f64 {
        costs
            .iter()
            .enumerate()
            .filter(|(_, c)| year >= c.vanaf.unwrap_or(start) && c.tot.is_none_or(|t| year <= t))
            .map(|(k, c)| {
                let from = c.vanaf.unwrap_or(start);
                value(at + k, c.bedrag_per_jaar) * (1.0 + c.indexatie).powi(year - from)
            })
            .sum()
    };
    for (i, year) in years.iter().enumerate() {
        let own_costs = yearly(&input.eigen_beheer.kosten, own_costs_at, *year);
        own[i].kosten += own_costs;
        let out_costs = yearly(&input.uitbesteed.kosten, out_costs_at, *year);
        out[i].kosten += out_costs;
        out[i].regie += input.uitbesteed.regie_percentage * out_costs;
    }
    for (scenario, once, at) in [
        (&mut own, &input.eigen_beheer.eenmalig, own_once_at),
        (&mut out, &input.uitbesteed.eenmalig, out_once_at),
    ] {
        for (k, charge) in once.iter().enumerate() {
            if let Some(i) = slot(charge.jaar) {
                scenario[i].eenmalig += value(at + k, charge.bedrag);
            }
        }
    }

    let discount = |t: usize| (1.0 + input.discontovoet).powi(t as i32);
    let mut jaren = Vec::with_capacity(n);
    let (mut npv_own, mut npv_out) = (0.0, 0.0);
    for (t, year) in years.iter().enumerate() {
        own[t].close();
        out[t].close();
        npv_own += own[t].kasstroom / discount(t);
        npv_out += out[t].kasstroom / discount(t);
        jaren.push(Year {
            jaar: *year,
            eigen_beheer: own[t],
            uitbesteed: out[t],
        });
    }
    // Payback: the first year from which outsourcing's cumulative cash stays at or below.
    let mut cumulative = Vec::with_capacity(n);
    let (mut sum_own, mut sum_out) = (0.0, 0.0);
    for year in &jaren {
        sum_own += year.eigen_beheer.kasstroom;
        sum_out += year.uitbesteed.kasstroom;
        cumulative.push(sum_out <= sum_own + 1e-6);
    }
    let mut terugverdienjaar = None;
    for (i, year) in jaren.iter().enumerate().rev() {
        if cumulative[i] {
            terugverdienjaar = Some(year.jaar);
        } else {
            break;
        }
    }
    Outcome {
        jaren,
        ncw_eigen_beheer: npv_own,
        ncw_uitbesteed: npv_out,
        ncw_verschil: npv_out - npv_own,
        terugverdienjaar,
    }
}

/// Euros rounded to cents, as amounts are shown and exported.
pub fn cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

impl Outcome {
    /// The yearly table and the totals as `regisseur business-case --json` prints them.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let scenario = |s: &Scenario| {
            let mut parts: serde_json::Map<String, serde_json::Value> = s
                .charges_by_kind()
                .iter()
                .map(|(code, v)| (code.to_string(), json!(cents(*v))))
                .collect();
            parts.insert("investeringen".into(), json!(cents(s.investeringen)));
            json!({"kapitaallasten": cents(s.kapitaallasten), "exploitatielasten": cents(s.exploitatielasten),
                   "totaal": cents(s.totaal), "kasstroom": cents(s.kasstroom), "opbouw": parts})
        };
        json!({
            "jaren": self.jaren.iter().map(|y| json!({
                "jaar": y.jaar, "eigenBeheer": scenario(&y.eigen_beheer), "uitbesteed": scenario(&y.uitbesteed),
            })).collect::<Vec<_>>(),
            "ncwEigenBeheer": cents(self.ncw_eigen_beheer),
            "ncwUitbesteed": cents(self.ncw_uitbesteed),
            "ncwVerschil": cents(self.ncw_verschil),
            "terugverdienjaar": self.terugverdienjaar,
        })
    }
}
