//! How sure the business case is: Monte Carlo over the ranges (PERT distributions, one draw per
//! input per run, used for all its years) and the tornado (each uncertain input at its min and
//! its max, the others at their most likely value).
//!
//! Runs are spread over the processor's cores; run `r` always draws from a generator seeded with
//! the seed and `r`, so the same seed gives the same figures on any machine and core count.

use super::calculate::calculate_with;
use super::{Amount, Input};
use rand::SeedableRng;
use rand_distr::{Beta, Distribution};
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

/// The Monte Carlo outcome for `ncwVerschil` (outsourced minus in-house).
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarlo {
    pub runs: usize,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// The share of runs in which outsourcing is cheaper (`ncwVerschil` below 0).
    pub cheaper_share: f64,
    /// `ncwVerschil` of every run, sorted (for the histogram).
    pub sorted: Vec<f64>,
}

/// One bar of the tornado: `ncwVerschil` with the input at its min and at its max.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    pub input: String,
    pub low: f64,
    pub high: f64,
}

/// A draw from the PERT distribution of a range: Beta(α, β) scaled to [min, max], with
/// α = 1 + 4(m − a)/(b − a) and β = 1 + 4(b − m)/(b − a). A fixed amount is itself.
fn draw(amount: Amount, rng: &mut Pcg64Mcg) -> f64 {
    match amount {
        Amount::Range {
            min,
            waarschijnlijk,
            max,
        } if max > min => {
            let width = max - min;
            let alpha = 1.0 + 4.0 * (waarschijnlijk - min) / width;
            let beta = 1.0 + 4.0 * (max - waarschijnlijk) / width;
            match Beta::new(alpha, beta) {
                Ok(distribution) => min + width * distribution.sample(rng),
                Err(_) => waarschijnlijk,
            }
        }
        other => other.most_likely(),
    }
}

fn run_seed(seed: u64, run: u64) -> u64 {
    seed ^ run.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// `runs` simulations of the case (at least one).
pub fn monte_carlo(input: &Input, runs: usize, seed: u64) -> MonteCarlo {
    let runs = runs.max(1);
    let amounts: Vec<Amount> = input.amounts().into_iter().map(|(_, a)| a).collect();
    let mut results: Vec<f64> = (0..runs as u64)
        .into_par_iter()
        .map_init(
            || Vec::with_capacity(amounts.len()),
            |values, run| {
                let mut rng = Pcg64Mcg::seed_from_u64(run_seed(seed, run));
                values.clear();
                values.extend(amounts.iter().map(|a| draw(*a, &mut rng)));
                calculate_with(input, values).ncw_verschil
            },
        )
        .collect();
    results.sort_by(f64::total_cmp);
    let at = |p: f64| results[((results.len() - 1) as f64 * p).round() as usize];
    MonteCarlo {
        runs,
        p10: at(0.1),
        p50: at(0.5),
        p90: at(0.9),
        cheaper_share: results.iter().filter(|v| **v < 0.0).count() as f64 / runs as f64,
        sorted: results,
    }
}

/// Each uncertain input at its min and at its max, the largest swing first.
pub fn tornado(input: &Input) -> Vec<TornadoBar> {
    let amounts = input.amounts();
    let likely: Vec<f64> = amounts.iter().map(|(_, a)| a.most_likely()).collect();
    let mut bars: Vec<TornadoBar> = amounts
        .iter()
        .enumerate()
        .filter_map(|(i, (path, amount))| match amount {
            Amount::Range { min, max, .. } if max > min => {
                let at = |value: f64| {
                    let mut values = likely.clone();
                    values[i] = value;
                    calculate_with(input, &values).ncw_verschil
                };
                Some(TornadoBar {
                    input: path.clone(),
                    low: at(*min),
                    high: at(*max),
                })
            }
            _ => None,
        })
        .collect();
    bars.sort_by(|a, b| (b.high - b.low).abs().total_cmp(&(a.high - a.low).abs()));
    bars
}
