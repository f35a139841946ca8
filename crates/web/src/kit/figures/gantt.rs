//! The transition's timeline: the phases as bars, the milestones (late ones marked) and today —
//! on the Transitie page and in the council dossier.

use crate::kit::charts::{Chart, Ink, Legend, PALETTE, Rect, Scale};
use crate::kit::i18n::T;
use crate::kit::view::date;
use chrono::{Datelike, NaiveDate};
use regisseur_domain::Lang;
use regisseur_domain::transition::Dossier;
use regisseur_domain::transition::plan::Phase;

/// The Gantt chart: a bar per phase, its milestones on it (late ones in red), today's line.
pub(crate) fn gantt(dossier: &Dossier, today: NaiveDate, lang: Lang) -> Option<Chart> {
    let (mut start, plan_end) = dossier.plan.span()?;
    // Regie goes on for years: the chart runs to six months past the last phase before it (or
    // the last milestone, or today), and the regie bar runs off its edge.
    let mut end = dossier
        .plan
        .fasen
        .iter()
        .filter(|p| p.fase != Phase::Regie)
        .map(|p| p.eind)
        .max()
        .unwrap_or(plan_end)
        .max(today);
    for (_, m) in &dossier.milestones {
        start = start.min(m.datum);
        end = end.max(m.datum);
    }
    let end = end
        .checked_add_months(chrono::Months::new(6))
        .unwrap_or(end)
        .min(plan_end)
        .max(end);
    let start = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    let days = |d: NaiveDate| (d - start).num_days() as f64;
    let (left, width) = (130.0, 820.0);
    let x = Scale {
        min: 0.0,
        max: days(end).max(1.0),
        from: left,
        to: left + width - 10.0,
    };
    let row = 34.0;
    let top = 30.0;
    let height = top + row * Phase::ALL.len() as f64 + 20.0;
    let late = dossier.late_milestones(today).len();
    let mut chart = Chart::new(
        "gantt",
        T(lang).s("gantt-transition-schedule").into(),
        match lang {
            Lang::Nl => format!(
                "Gantt-diagram van {} tot {}: de vijf fasen als balken met hun mijlpalen; {} mijlpaal/mijlpalen te laat. De tabellen hieronder geven dezelfde gegevens.",
                date(start),
                date(end),
                late
            ),
            Lang::En => format!(
                "Gantt chart from {} to {}: the five phases as bars with their milestones; {} milestone(s) late. The tables below give the same data.",
                date(start),
                date(end),
                late
            ),
        },
        left + width,
        height,
    );
    // Month or quarter ticks.
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
    let step = if months > 30 {
        6
    } else if months > 12 {
        3
    } else {
        1
    };
    let mut tick = start;
    while tick <= end {
        let tx = x.at(days(tick));
        chart.line((tx, top - 6.0), (tx, height - 20.0), Ink::Grid, false);
        chart.label(
            tx + 2.0,
            top - 10.0,
            tick.format("%m-%Y").to_string(),
            "start",
        );
        match tick.checked_add_months(chrono::Months::new(step)) {
            Some(next) => tick = next,
            None => break,
        }
    }
    for (i, phase) in Phase::ALL.iter().enumerate() {
        let y = top + row * i as f64;
        chart.label(left - 8.0, y + row / 2.0 + 4.0, phase.label(lang), "end");
        if let Some(p) = dossier.plan.phase(*phase) {
            let (x1, x2) = (x.at(days(p.start)), x.at(days(p.eind.min(end))));
            chart.rects.push(Rect {
                x: x1,
                y: y + 8.0,
                w: (x2 - x1).max(2.0),
                h: row - 16.0,
                fill: PALETTE[1],
                title: format!(
                    "{}: {} – {}",
                    phase.label(lang),
                    date(p.start),
                    date(p.eind)
                ),
            });
        }
        for (_, m) in dossier.milestones.iter().filter(|(_, m)| m.fase == *phase) {
            let is_late = m.late(today);
            let mx = x.at(days(m.datum));
            chart.rects.push(Rect {
                x: mx - 5.0,
                y: y + row / 2.0 - 5.0,
                w: 10.0,
                h: 10.0,
                fill: if is_late {
                    PALETTE[5]
                } else if m.gereed {
                    PALETTE[3]
                } else {
                    PALETTE[0]
                },
                title: format!(
                    "{} — {}{}",
                    m.naam,
                    date(m.datum),
                    if is_late { T(lang).s("gantt-late") } else { "" }
                ),
            });
        }
    }
    if today >= start && today <= end {
        let tx = x.at(days(today));
        chart.line(
            (tx, top - 4.0),
            (tx, height - 16.0),
            Ink::Series(PALETTE[6]),
            true,
        );
        chart.label(tx, height - 4.0, T(lang).s("gantt-today"), "middle");
    }
    chart.legend = vec![
        Legend {
            colour: PALETTE[1],
            name: T(lang).s("gantt-phase").into(),
        },
        Legend {
            colour: PALETTE[0],
            name: T(lang).s("gantt-milestone").into(),
        },
        Legend {
            colour: PALETTE[3],
            name: T(lang).s("gantt-milestone-reached").into(),
        },
        Legend {
            colour: PALETTE[5],
            name: T(lang).s("gantt-milestone-late").into(),
        },
    ];
    Some(chart)
}
