//! The readiness radar: the score per dimension against the lines "not yet" and "ready" — on
//! the Gereedheid page and in the council dossier.

use crate::kit::charts::Ink;
use crate::kit::i18n::T;
use regisseur_domain::Lang;
use regisseur_domain::readiness::{Advice, KNOCK_OUT_DIMENSION, READY_DIMENSION};

/// The radar chart of the dimension scores against the 2.0 and 3.0 lines.
pub(crate) struct Radar {
    pub width: u32,
    pub height: u32,
    pub cx: f64,
    pub cy: f64,
    pub polygon: String,
    pub rings: Vec<(String, Ink, f64)>,
    pub axes: Vec<(f64, f64, f64, f64, &'static str, String)>,
    pub description: String,
}

/// The radar as a chart of the shared primitives (for the dossier PDF): the rings, the axes
/// with their labels, and the scores as a closed line.
pub(crate) fn radar_chart(advice: &Advice, lang: Lang) -> crate::kit::charts::Chart {
    let r = radar(advice, lang);
    let mut chart = crate::kit::charts::Chart::new(
        "radar",
        T(lang).s("radar-readiness-per-dimension").to_string(),
        r.description.clone(),
        f64::from(r.width),
        f64::from(r.height),
    );
    let closed = |points: &str| {
        let first = points.split(' ').next().unwrap_or_default();
        format!("{points} {first}")
    };
    for (points, colour, dash) in &r.rings {
        chart.polylines.push(crate::kit::charts::Polyline {
            points: closed(points),
            ink: *colour,
            dashed: *dash > 0.0,
        });
    }
    for (x, y, lx, ly, anchor, label) in &r.axes {
        chart.line((r.cx, r.cy), (*x, *y), Ink::Grid, false);
        chart.label(*lx, *ly, label.clone(), anchor);
    }
    chart.polylines.push(crate::kit::charts::Polyline {
        points: closed(&r.polygon),
        ink: Ink::Series(crate::kit::charts::PALETTE[0]),
        dashed: false,
    });
    chart
}

pub(crate) fn radar(advice: &Advice, lang: Lang) -> Radar {
    let (width, height) = (820u32, 520u32);
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
    let radius = 200.0;
    let n = advice.dimensions.len() as f64;
    let at = |i: usize, value: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n;
        let r = radius * value.clamp(0.0, 4.0) / 4.0;
        (cx + r * angle.cos(), cy + r * angle.sin())
    };
    let ring = |value: f64| {
        (0..advice.dimensions.len())
            .map(|i| {
                let (x, y) = at(i, value);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let polygon = advice
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (x, y) = at(i, d.score.unwrap_or(0.0));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let axes = advice
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (x, y) = at(i, 4.0);
            let (lx, ly) = at(i, 4.45);
            let anchor = if (lx - cx).abs() < 10.0 {
                "middle"
            } else if lx > cx {
                "start"
            } else {
                "end"
            };
            (x, y, lx, ly, anchor, d.dimension.label(lang).to_string())
        })
        .collect();
    let scores: Vec<String> = advice
        .dimensions
        .iter()
        .map(|d| format!("{} {}", d.dimension.label(lang), score_text(d.score, lang)))
        .collect();
    Radar {
        width,
        height,
        cx,
        cy,
        polygon,
        rings: vec![
            (ring(4.0), Ink::Grid, 0.0),
            (ring(READY_DIMENSION), Ink::Good, 6.0),
            (ring(KNOCK_OUT_DIMENSION), Ink::Bad, 6.0),
        ],
        axes,
        description: match lang {
            Lang::Nl => format!(
                "Score per dimensie (0–4), met de grens 2,0 (nog niet) en 3,0 (gereed): {}.",
                scores.join("; ")
            ),
            Lang::En => format!(
                "Score per dimension (0–4), with the lines 2.0 (not yet) and 3.0 (ready): {}.",
                scores.join("; ")
            ),
        },
    }
}

pub(crate) fn score_text(score: Option<f64>, lang: Lang) -> String {
    crate::kit::charts::score_text(score, 2, lang)
}
