//! The figures of a business case: the calculation with its Monte Carlo and tornado, and the
//! charts with their tables (yearly charges, cumulative cash, the histogram, the tornado) — on
//! the Businesscase page and in the council dossier.

use crate::kit::charts::{
    Chart, Ink, Legend, PALETTE, Rect, Scale, euro, euro_short, nice_ticks, percent,
};
use crate::kit::i18n::T;
use regisseur_domain::Lang;
use regisseur_domain::business_case::{
    DEFAULT_RUNS, DEFAULT_SEED, Input, MonteCarlo, Outcome, TornadoBar, calculate, monte_carlo,
    tornado,
};

/// The figures of one case: the calculation, and for a case with ranges the Monte Carlo and
/// the tornado.
pub struct Analysis {
    pub outcome: Outcome,
    pub monte_carlo: Option<MonteCarlo>,
    pub tornado: Vec<TornadoBar>,
}

impl Analysis {
    pub(crate) fn of(input: &Input) -> Analysis {
        let ranges = input.has_ranges();
        Analysis {
            outcome: calculate(input),
            monte_carlo: ranges.then(|| monte_carlo(input, DEFAULT_RUNS, DEFAULT_SEED)),
            tornado: if ranges { tornado(input) } else { Vec::new() },
        }
    }
}

/// A table next to a chart: headings and rows of text.
pub(crate) struct Table {
    pub(crate) caption: String,
    pub(crate) headings: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

pub(crate) struct ChartSection {
    pub(crate) id: &'static str,
    pub(crate) heading: &'static str,
    pub(crate) intro: &'static str,
    pub(crate) chart: Chart,
    pub(crate) table: Table,
}

pub(crate) const CHART_WIDTH: f64 = 760.0;

pub(crate) const LEFT: f64 = 86.0;

pub(crate) const RIGHT: f64 = 16.0;

pub(crate) const TOP: f64 = 16.0;

/// A value axis with grid lines and labels, from `bottom` up to `TOP`.
pub(crate) fn value_axis(chart: &mut Chart, min: f64, max: f64, bottom: f64, lang: Lang) -> Scale {
    let (ticks, low, high) = nice_ticks(min, max);
    let scale = Scale {
        min: low,
        max: high,
        from: bottom,
        to: TOP,
    };
    for tick in ticks {
        let y = scale.at(tick);
        chart.line(
            (LEFT, y),
            (CHART_WIDTH - RIGHT, y),
            if tick == 0.0 { Ink::Axis } else { Ink::Grid },
            false,
        );
        chart.label(LEFT - 6.0, y + 4.0, euro_short(tick, lang), "end");
    }
    scale
}

pub(crate) fn kind_label(code: &str, lang: Lang) -> &'static str {
    T(lang).s(match code {
        "afschrijving" => "bc-kind-depreciation",
        "rente" => "bc-kind-interest",
        "kosten" => "bc-kind-costs",
        "eenmalig" => "bc-kind-once",
        "regie" => "bc-kind-direction",
        _ => "bc-kind-writedown",
    })
}

/// The anchor of an axis label: at the ends of the axis the text stays inside the chart.
pub(crate) fn edge_anchor(scale: Scale, value: f64) -> &'static str {
    let x = scale.at(value);
    if x > CHART_WIDTH - RIGHT - 30.0 {
        "end"
    } else if x < scale.from.min(scale.to) + 30.0 {
        "start"
    } else {
        "middle"
    }
}

/// Yearly charges stacked by kind, the in-house bar beside the outsourced one.
pub(crate) fn charges_section(o: &Outcome, lang: Lang) -> ChartSection {
    let t = T(lang);
    let height = 340.0;
    let bottom = height - 44.0;
    let max = o
        .jaren
        .iter()
        .map(|y| y.eigen_beheer.totaal.max(y.uitbesteed.totaal))
        .fold(0.0, f64::max);
    let mut chart = Chart::new(
        "lasten",
        t.s("bc-chart-charges").to_string(),
        t.s("bc-chart-charges-desc").to_string(),
        CHART_WIDTH,
        height,
    );
    let scale = value_axis(&mut chart, 0.0, max, bottom, lang);
    let n = o.jaren.len().max(1) as f64;
    let group = (CHART_WIDTH - LEFT - RIGHT) / n;
    let bar = (group * 0.36).min(36.0);
    let mut rows = Vec::new();
    for (i, year) in o.jaren.iter().enumerate() {
        let centre = LEFT + group * (i as f64 + 0.5);
        for (side, scenario, x) in [
            (t.s("bc-own-short"), &year.eigen_beheer, centre - bar - 1.0),
            (t.s("bc-out-short"), &year.uitbesteed, centre + 1.0),
        ] {
            let mut base = 0.0;
            for (k, (code, amount)) in scenario.charges_by_kind().iter().enumerate() {
                if *amount <= 0.0 {
                    continue;
                }
                let (y0, y1) = (scale.at(base), scale.at(base + amount));
                chart.rects.push(Rect {
                    x,
                    y: y1,
                    w: bar,
                    h: (y0 - y1).max(0.5),
                    fill: PALETTE[k],
                    title: format!(
                        "{} · {side} · {}: {}",
                        year.jaar,
                        kind_label(code, lang),
                        euro(*amount, lang)
                    ),
                });
                base += amount;
            }
            chart.label(x + bar / 2.0, bottom + 14.0, side, "middle");
            let mut row = vec![year.jaar.to_string(), side.to_string()];
            row.extend(
                scenario
                    .charges_by_kind()
                    .iter()
                    .map(|(_, v)| euro(*v, lang)),
            );
            row.push(euro(scenario.totaal, lang));
            rows.push(row);
        }
        chart.label(centre, bottom + 32.0, year.jaar.to_string(), "middle");
    }
    chart.legend = [
        "afschrijving",
        "rente",
        "kosten",
        "eenmalig",
        "regie",
        "afwaardering",
    ]
    .iter()
    .enumerate()
    .map(|(k, code)| Legend {
        colour: PALETTE[k],
        name: kind_label(code, lang).to_string(),
    })
    .collect();
    let mut headings = vec![
        t.s("bc-col-year").to_string(),
        t.s("bc-scenario").to_string(),
    ];
    headings.extend(
        [
            "afschrijving",
            "rente",
            "kosten",
            "eenmalig",
            "regie",
            "afwaardering",
        ]
        .iter()
        .map(|c| kind_label(c, lang).to_string()),
    );
    headings.push(t.s("bc-total").to_string());
    ChartSection {
        id: "lasten",
        heading: "bc-chart-charges",
        intro: "bc-chart-charges-intro",
        chart,
        table: Table {
            caption: t.s("bc-chart-charges").to_string(),
            headings,
            rows,
        },
    }
}

/// Cumulative cash of both scenarios, with the payback year marked.
pub(crate) fn cash_section(o: &Outcome, lang: Lang) -> ChartSection {
    let t = T(lang);
    let height = 320.0;
    let bottom = height - 36.0;
    let mut own = Vec::new();
    let mut out = Vec::new();
    let (mut a, mut b) = (0.0, 0.0);
    for y in &o.jaren {
        a += y.eigen_beheer.kasstroom;
        b += y.uitbesteed.kasstroom;
        own.push(a);
        out.push(b);
    }
    let max = own.iter().chain(&out).copied().fold(0.0, f64::max);
    let min = own.iter().chain(&out).copied().fold(0.0, f64::min);
    let mut chart = Chart::new(
        "kasstroom",
        t.s("bc-chart-cash").to_string(),
        t.s("bc-chart-cash-desc").to_string(),
        CHART_WIDTH,
        height,
    );
    let scale = value_axis(&mut chart, min, max, bottom, lang);
    let n = o.jaren.len().max(1) as f64;
    let step = (CHART_WIDTH - LEFT - RIGHT) / n;
    let x_of = |i: usize| LEFT + step * (i as f64 + 0.5);
    for (series, colour, dashed) in [(&own, PALETTE[0], false), (&out, PALETTE[2], true)] {
        chart.polylines.push(crate::kit::charts::Polyline {
            points: series
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{:.1},{:.1}", x_of(i), scale.at(*v)))
                .collect::<Vec<_>>()
                .join(" "),
            ink: Ink::Series(colour),
            dashed,
        });
    }
    for (i, y) in o.jaren.iter().enumerate() {
        chart.label(x_of(i), bottom + 18.0, y.jaar.to_string(), "middle");
    }
    if let Some(year) = o.terugverdienjaar
        && let Some(i) = o.jaren.iter().position(|y| y.jaar == year)
    {
        chart.line((x_of(i), TOP), (x_of(i), bottom), Ink::Good, true);
        chart.label(
            x_of(i) + 4.0,
            TOP + 12.0,
            format!("{} {year}", t.s("bc-payback")),
            "start",
        );
    }
    chart.legend = vec![
        Legend {
            colour: PALETTE[0],
            name: t.s("bc-own").to_string(),
        },
        Legend {
            colour: PALETTE[2],
            name: format!("{} ({})", t.s("bc-out"), t.s("bc-dashed")),
        },
    ];
    let rows = o
        .jaren
        .iter()
        .enumerate()
        .map(|(i, y)| {
            vec![
                y.jaar.to_string(),
                euro(y.eigen_beheer.kasstroom, lang),
                euro(own[i], lang),
                euro(y.uitbesteed.kasstroom, lang),
                euro(out[i], lang),
                euro(out[i] - own[i], lang),
            ]
        })
        .collect();
    ChartSection {
        id: "kasstroom",
        heading: "bc-chart-cash",
        intro: "bc-chart-cash-intro",
        chart,
        table: Table {
            caption: t.s("bc-chart-cash").to_string(),
            headings: [
                "bc-col-year",
                "bc-cash-own",
                "bc-cum-own",
                "bc-cash-out",
                "bc-cum-out",
                "bc-cum-diff",
            ]
            .iter()
            .map(|k| t.s(k).to_string())
            .collect(),
            rows,
        },
    }
}

/// Bins of the Monte Carlo results: (from, to, count).
pub(crate) fn bins(sorted: &[f64], count: usize) -> Vec<(f64, f64, usize)> {
    let (Some(first), Some(last)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    if last <= first {
        return vec![(*first, *last, sorted.len())];
    }
    let width = (last - first) / count as f64;
    let mut out: Vec<(f64, f64, usize)> = (0..count)
        .map(|i| (first + width * i as f64, first + width * (i + 1) as f64, 0))
        .collect();
    for v in sorted {
        let i = (((v - first) / width) as usize).min(count - 1);
        out[i].2 += 1;
    }
    out
}

pub(crate) fn histogram_section(mc: &MonteCarlo, deterministic: f64, lang: Lang) -> ChartSection {
    let t = T(lang);
    let height = 320.0;
    let bottom = height - 40.0;
    let bins = bins(&mc.sorted, 30);
    let mut chart = Chart::new(
        "montecarlo",
        t.s("bc-chart-mc").to_string(),
        t.f(
            "bc-chart-mc-desc",
            &[
                ("runs", &mc.runs.to_string()),
                ("p10", &euro(mc.p10, lang)),
                ("p50", &euro(mc.p50, lang)),
                ("p90", &euro(mc.p90, lang)),
                ("kans", &percent(mc.cheaper_share, lang)),
            ],
        ),
        CHART_WIDTH,
        height,
    );
    let lo = bins
        .first()
        .map_or(0.0, |b| b.0)
        .min(0.0_f64.min(deterministic));
    let hi = bins
        .last()
        .map_or(0.0, |b| b.1)
        .max(0.0_f64.max(deterministic));
    let (ticks, low, high) = nice_ticks(lo, hi);
    let x = Scale {
        min: low,
        max: high,
        from: LEFT,
        to: CHART_WIDTH - RIGHT,
    };
    let most = bins.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    let y = Scale {
        min: 0.0,
        max: most as f64,
        from: bottom,
        to: TOP + 24.0,
    };
    chart.line(
        (LEFT, bottom),
        (CHART_WIDTH - RIGHT, bottom),
        Ink::Axis,
        false,
    );
    for tick in ticks {
        chart.line(
            (x.at(tick), bottom),
            (x.at(tick), bottom + 5.0),
            Ink::Axis,
            false,
        );
        chart.label(
            x.at(tick),
            bottom + 18.0,
            euro_short(tick, lang),
            edge_anchor(x, tick),
        );
    }
    for (from, to, count) in &bins {
        let (x0, x1) = (x.at(*from), x.at(*to));
        chart.rects.push(Rect {
            x: x0,
            y: y.at(*count as f64),
            w: (x1 - x0 - 1.0).max(1.0),
            h: bottom - y.at(*count as f64),
            fill: if *to <= 0.0 { PALETTE[3] } else { PALETTE[1] },
            title: format!("{} – {}: {count}", euro(*from, lang), euro(*to, lang)),
        });
    }
    chart.line((x.at(0.0), TOP), (x.at(0.0), bottom), Ink::Axis, false);
    for (name, value, dy) in [
        ("P10", mc.p10, 0.0),
        ("P50", mc.p50, 12.0),
        ("P90", mc.p90, 0.0),
    ] {
        chart.line(
            (x.at(value), TOP + 16.0),
            (x.at(value), bottom),
            Ink::Bad,
            true,
        );
        chart.label(x.at(value), TOP + 10.0 + dy, name, "middle");
    }
    chart.legend = vec![
        Legend {
            colour: PALETTE[3],
            name: t.s("bc-mc-cheaper").to_string(),
        },
        Legend {
            colour: PALETTE[1],
            name: t.s("bc-mc-dearer").to_string(),
        },
    ];
    let rows = bins
        .iter()
        .map(|(from, to, count)| {
            vec![
                format!("{} – {}", euro(*from, lang), euro(*to, lang)),
                count.to_string(),
                percent(*count as f64 / mc.runs as f64, lang),
            ]
        })
        .collect();
    ChartSection {
        id: "montecarlo",
        heading: "bc-chart-mc",
        intro: "bc-chart-mc-intro",
        chart,
        table: Table {
            caption: t.s("bc-chart-mc").to_string(),
            headings: ["bc-mc-bin", "bc-mc-count", "bc-mc-share"]
                .iter()
                .map(|k| t.s(k).to_string())
                .collect(),
            rows,
        },
    }
}

pub(crate) fn tornado_section(
    input: &Input,
    bars: &[TornadoBar],
    base: f64,
    lang: Lang,
) -> ChartSection {
    let t = T(lang);
    let shown = &bars[..bars.len().min(15)];
    let row_height = 26.0;
    let label_width = 280.0;
    let height = TOP + 30.0 + row_height * shown.len() as f64 + 30.0;
    let mut chart = Chart::new(
        "tornado",
        t.s("bc-chart-tornado").to_string(),
        t.s("bc-chart-tornado-desc").to_string(),
        CHART_WIDTH,
        height,
    );
    let lo = shown.iter().map(|b| b.low.min(b.high)).fold(base, f64::min);
    let hi = shown.iter().map(|b| b.low.max(b.high)).fold(base, f64::max);
    let (ticks, low, high) = nice_ticks(lo, hi);
    let x = Scale {
        min: low,
        max: high,
        from: label_width,
        to: CHART_WIDTH - RIGHT,
    };
    let bottom = TOP + 20.0 + row_height * shown.len() as f64;
    for tick in ticks {
        chart.line(
            (x.at(tick), TOP + 14.0),
            (x.at(tick), bottom),
            Ink::Grid,
            false,
        );
        chart.label(
            x.at(tick),
            bottom + 16.0,
            euro_short(tick, lang),
            edge_anchor(x, tick),
        );
    }
    for (i, bar) in shown.iter().enumerate() {
        let y = TOP + 20.0 + row_height * i as f64;
        let mut name = input.amount_label(&bar.input, lang);
        if name.chars().count() > 44 {
            name = name.chars().take(43).collect::<String>() + "…";
        }
        chart.label(label_width - 8.0, y + 16.0, name, "end");
        for (value, colour, which) in [
            (bar.low, PALETTE[0], "bc-at-min"),
            (bar.high, PALETTE[2], "bc-at-max"),
        ] {
            let (a, b) = (x.at(base.min(value)), x.at(base.max(value)));
            chart.rects.push(Rect {
                x: a,
                y: y + 3.0,
                w: (b - a).max(1.0),
                h: row_height - 8.0,
                fill: colour,
                title: format!("{}: {}", t.s(which), euro(value, lang)),
            });
        }
    }
    chart.line(
        (x.at(base), TOP + 6.0),
        (x.at(base), bottom),
        Ink::Axis,
        true,
    );
    chart.label(x.at(base), TOP + 4.0, t.s("bc-tornado-base"), "middle");
    chart.legend = vec![
        Legend {
            colour: PALETTE[0],
            name: t.s("bc-at-min").to_string(),
        },
        Legend {
            colour: PALETTE[2],
            name: t.s("bc-at-max").to_string(),
        },
    ];
    let rows = bars
        .iter()
        .map(|b| {
            vec![
                input.amount_label(&b.input, lang),
                euro(b.low, lang),
                euro(b.high, lang),
                euro((b.high - b.low).abs(), lang),
            ]
        })
        .collect();
    ChartSection {
        id: "tornado",
        heading: "bc-chart-tornado",
        intro: "bc-chart-tornado-intro",
        chart,
        table: Table {
            caption: t.s("bc-chart-tornado").to_string(),
            headings: ["bc-input", "bc-at-min", "bc-at-max", "bc-swing"]
                .iter()
                .map(|k| t.s(k).to_string())
                .collect(),
            rows,
        },
    }
}
