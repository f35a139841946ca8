//! Charts drawn on the server as SVG from a few primitives (rectangles, lines, polylines and
//! labels), so every chart looks alike, needs no script and prints. One template draws any
//! [`Chart`]; each chart on a page comes with a table of the same figures.

use crate::kit::i18n::T;
use regisseur_domain::Lang;

/// The colours of the series, distinguishable for the common colour-vision deficiencies
/// (Okabe–Ito), in a fixed order.
pub const PALETTE: [&str; 7] = [
    "#0072b2", "#56b4e9", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#555555",
];

/// What a line is drawn with: a series colour from [`PALETTE`], or the structural ink of axes,
/// grid lines and the limits a chart marks. Structural ink carries a class that the theme colours
/// through its tokens (`regisseur.css`, `.rg-ink--…`); its colour here is what the PDF draws and
/// what a page shows before the style sheet arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// A series: one of the [`PALETTE`] colours, the same in every theme.
    Series(&'static str),
    /// The zero line and the axes.
    Axis,
    /// Grid lines and radar spokes.
    Grid,
    /// A line that marks what is good: "ready", the break-even year.
    Good,
    /// A line that marks a limit not to cross: "not yet", a late threshold.
    Bad,
}

impl Ink {
    pub fn colour(&self) -> &'static str {
        match self {
            Ink::Series(colour) => colour,
            Ink::Axis => "#333333",
            Ink::Grid => "#d0d0d0",
            Ink::Good => "#1a7f37",
            Ink::Bad => "#b40000",
        }
    }

    /// The class the theme styles; empty for a series.
    pub fn class(&self) -> &'static str {
        match self {
            Ink::Series(_) => "",
            Ink::Axis => "rg-ink--axis",
            Ink::Grid => "rg-ink--grid",
            Ink::Good => "rg-ink--good",
            Ink::Bad => "rg-ink--bad",
        }
    }
}

pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub fill: &'static str,
    /// Shown as a tooltip (`<title>`).
    pub title: String,
}

pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub ink: Ink,
    pub width: f64,
    pub dashed: bool,
}

pub struct Polyline {
    pub points: String,
    pub ink: Ink,
    pub dashed: bool,
}

pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub bold: bool,
}

/// A legend entry: a swatch and its name.
pub struct Legend {
    pub colour: &'static str,
    pub name: String,
}

/// One chart: what the template draws, with its title and a description for screen readers.
pub struct Chart {
    pub id: String,
    pub title: String,
    pub description: String,
    pub width: f64,
    pub height: f64,
    pub rects: Vec<Rect>,
    pub lines: Vec<Line>,
    pub polylines: Vec<Polyline>,
    pub labels: Vec<Label>,
    pub legend: Vec<Legend>,
}

impl Chart {
    pub fn new(id: &str, title: String, description: String, width: f64, height: f64) -> Chart {
        Chart {
            id: id.to_string(),
            title,
            description,
            width,
            height,
            rects: Vec::new(),
            lines: Vec::new(),
            polylines: Vec::new(),
            labels: Vec::new(),
            legend: Vec::new(),
        }
    }

    pub fn label(&mut self, x: f64, y: f64, text: impl Into<String>, anchor: &'static str) {
        self.labels.push(Label {
            x,
            y,
            text: text.into(),
            anchor,
            bold: false,
        });
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), ink: Ink, dashed: bool) {
        self.lines.push(Line {
            x1,
            y1,
            x2,
            y2,
            ink,
            width: if dashed { 1.5 } else { 1.0 },
            dashed,
        });
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Chart {
    /// The chart as a standalone SVG document (for the PDF): the same drawing as the page's,
    /// with its legend drawn below it.
    pub fn to_svg(&self) -> String {
        let legend_height = if self.legend.is_empty() { 0.0 } else { 28.0 };
        let height = self.height + legend_height;
        let mut svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {height}" width="{w}" height="{height}" font-family="sans-serif" font-size="12"><title>{title}</title><desc>{desc}</desc>"#,
            w = self.width,
            title = escape(&self.title),
            desc = escape(&self.description),
        );
        for l in &self.lines {
            svg.push_str(&format!(
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>"#,
                l.x1,
                l.y1,
                l.x2,
                l.y2,
                l.ink.colour(),
                l.width,
                if l.dashed {
                    r#" stroke-dasharray="5 4""#
                } else {
                    ""
                }
            ));
        }
        for r in &self.rects {
            svg.push_str(&format!(
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                r.x,
                r.y,
                r.w.max(0.0),
                r.h.max(0.0),
                r.fill
            ));
        }
        for p in &self.polylines {
            svg.push_str(&format!(
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"{}/>"#,
                p.points,
                p.ink.colour(),
                if p.dashed {
                    r#" stroke-dasharray="7 4""#
                } else {
                    ""
                }
            ));
        }
        for t in &self.labels {
            svg.push_str(&format!(
                r#"<text x="{}" y="{}" text-anchor="{}"{}>{}</text>"#,
                t.x,
                t.y,
                t.anchor,
                if t.bold { r#" font-weight="bold""# } else { "" },
                escape(&t.text)
            ));
        }
        let mut x = 10.0;
        for e in &self.legend {
            let y = self.height + 8.0;
            svg.push_str(&format!(
                r#"<rect x="{x}" y="{y}" width="12" height="12" fill="{}"/><text x="{}" y="{}">{}</text>"#,
                e.colour,
                x + 17.0,
                y + 11.0,
                escape(&e.name)
            ));
            x += 30.0 + 7.0 * e.name.chars().count() as f64;
        }
        svg.push_str("</svg>");
        svg
    }
}

/// A linear scale from values to pixels.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub from: f64,
    pub to: f64,
}

impl Scale {
    pub fn at(&self, value: f64) -> f64 {
        if self.max <= self.min {
            return self.from;
        }
        self.from + (value - self.min) / (self.max - self.min) * (self.to - self.from)
    }
}

/// Round grid values covering [min, max] (about five steps of 1, 2 or 5 × 10^n), with the
/// extended range they span.
pub fn nice_ticks(min: f64, max: f64) -> (Vec<f64>, f64, f64) {
    let (min, max) = if max <= min {
        (min, min + 1.0)
    } else {
        (min, max)
    };
    let raw = (max - min) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let low = (min / step).floor() * step;
    let high = (max / step).ceil() * step;
    let count = ((high - low) / step).round() as usize;
    let ticks = (0..=count).map(|i| low + step * i as f64).collect();
    (ticks, low, high)
}

/// Euros, whole, with the language's grouping: `€ 1.234.567` / `€1,234,567`, negative with a
/// minus sign.
pub fn euro(value: f64, lang: Lang) -> String {
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let separator = T(lang).s("chart-thousands-separator");
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(ch);
    }
    let sign = if rounded < 0.0 { "−" } else { "" };
    match lang {
        Lang::Nl => format!("{sign}€ {grouped}"),
        Lang::En => format!("{sign}€{grouped}"),
    }
}

/// Euros in short form for axes: `€ 1,2 mln`, `€ 350k`.
pub fn euro_short(value: f64, lang: Lang) -> String {
    let abs = value.abs();
    let sign = if value < 0.0 { "−" } else { "" };
    let text = if abs >= 1_000_000.0 {
        let v = format!("{:.1}", abs / 1_000_000.0);
        let v = v.trim_end_matches(".0").to_string();
        format!("{} {}", decimal_mark(&v, lang), T(lang).s("chart-million"))
    } else if abs >= 1_000.0 {
        format!("{:.0}k", abs / 1_000.0)
    } else {
        format!("{abs:.0}")
    };
    format!("{sign}€ {text}")
}

/// A number written out (`2.5`) with the language's decimal mark: `2,5` in Dutch.
pub(crate) fn decimal_mark(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text.to_string(),
    }
}

/// A score with a fixed number of decimals, "–" when there is none: `3,25`.
pub(crate) fn score_text(score: Option<f64>, decimals: usize, lang: Lang) -> String {
    score.map_or_else(
        || "–".to_string(),
        |s| decimal_mark(&format!("{s:.decimals$}"), lang),
    )
}

/// A percentage with one decimal: `62,5%`.
pub fn percent(share: f64, lang: Lang) -> String {
    decimal_mark(&format!("{:.1}%", share * 100.0), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let (ticks, low, high) = nice_ticks(0.0, 1_234_567.0);
        assert_eq!(low, 0.0);
        assert!(high >= 1_234_567.0);
        assert_eq!(ticks.len(), ticks.len().min(8));
        assert!(
            ticks
                .windows(2)
                .all(|w| (w[1] - w[0] - (ticks[1] - ticks[0])).abs() < 1e-6)
        );
        let (_, low, high) = nice_ticks(-320.0, 80.0);
        assert!(low <= -320.0 && high >= 80.0);
        let (ticks, ..) = nice_ticks(5.0, 5.0);
        assert!(ticks.len() >= 2);
    }

    #[test]
    fn amounts_read_as_people_expect() {
        assert_eq!(euro(1_234_567.49, Lang::Nl), "€ 1.234.567");
        assert_eq!(euro(-950.5, Lang::Nl), "−€ 951");
        assert_eq!(euro(1_234_567.0, Lang::En), "€1,234,567");
        assert_eq!(euro_short(1_260_000.0, Lang::Nl), "€ 1,3 mln");
        assert_eq!(euro_short(2_000_000.0, Lang::Nl), "€ 2 mln");
        assert_eq!(euro_short(-350_000.0, Lang::Nl), "−€ 350k");
        assert_eq!(percent(0.625, Lang::Nl), "62,5%");
    }
}
