//! The quality report of an organisation's register, computed by the domain and cached per
//! register revision, and the rows and chart it is shown with: on Kwaliteit, on the overview,
//! on an element's page and in the readiness advice.

use crate::AppState;
use crate::kit::auth::Auth;
use crate::kit::clock::today;
use crate::kit::view::element_href;
use chrono::NaiveDate;
use regisseur_domain::Lang;
use regisseur_domain::landscape::{EntityKind, Record};
use regisseur_domain::quality::{CONFIRMABLE, Finding, Report, Subject, may_confirm};
use regisseur_store::{Membership, ScorePoint, StoreError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// A report with the register revision and the day it holds for.
pub(crate) type CachedReport = (i64, NaiveDate, Arc<Report>);

/// Reports per organisation, valid while the register's revision and the day stay the same.
#[derive(Default)]
pub struct QualityCache(pub(crate) Mutex<HashMap<Uuid, CachedReport>>);

/// How many days of score history the trend shows.
pub(crate) const TREND_DAYS: u32 = 400;

/// The organisation's quality report as of `on`: from the cache when nothing changed since it
/// was made; otherwise computed, and today's score recorded for the trend.
pub(crate) async fn organisation_report(
    state: &AppState,
    organisation_id: Uuid,
    on: NaiveDate,
) -> Result<Arc<Report>, StoreError> {
    let revision = state.store.revision(organisation_id).await?;
    if let Ok(cache) = state.quality.0.lock()
        && let Some((r, day, report)) = cache.get(&organisation_id)
        && *r == revision
        && *day == on
    {
        return Ok(report.clone());
    }
    let report = state
        .store
        .quality_report(organisation_id, on, None)
        .await?;
    let report = Arc::new(report);
    if on == today() {
        state
            .store
            .record_score(organisation_id, on, &report.scores, report.findings.len())
            .await?;
    }
    if let Ok(mut cache) = state.quality.0.lock() {
        cache.insert(organisation_id, (revision, on, report.clone()));
    }
    Ok(report)
}

/// A score as people read it: one decimal, Dutch or English decimal sign.
pub(crate) fn score_text(score: Option<f64>, lang: Lang) -> String {
    crate::kit::charts::score_text(score, 1, lang)
}

pub(crate) struct FindingRow {
    pub severity: &'static str,
    pub severity_label: &'static str,
    pub rule: &'static str,
    pub area: &'static str,
    pub name: String,
    pub kind: String,
    pub href: String,
    pub edit_href: Option<String>,
    pub message: String,
    pub fix: &'static str,
}

pub(crate) fn finding_row(f: &Finding, slug: &str, m: &Membership, lang: Lang) -> FindingRow {
    let may_write_goals = m.role.can_steer();
    let (href, edit_href) = match f.subject {
        Subject::Element(kind) => {
            let href = element_href(slug, kind, f.element);
            let edit = m.role.can_write(kind).then(|| format!("{href}/bewerken"));
            (href, edit)
        }
        Subject::Goal => {
            let href = format!("/o/{slug}/koers/{}", f.element);
            let edit = may_write_goals.then(|| format!("{href}/bewerken"));
            (href, edit)
        }
        Subject::Organisation => {
            let href = format!("/o/{slug}/koers");
            let edit = may_write_goals.then(|| format!("/o/{slug}/koers/nieuw"));
            (href, edit)
        }
    };
    FindingRow {
        severity: f.severity.code(),
        severity_label: f.severity.label(lang),
        rule: f.rule.rule().title(lang),
        area: f.area().label(lang),
        name: if f.name.is_empty() {
            capitalised(f.subject.label(lang))
        } else {
            f.name.clone()
        },
        kind: f.subject.label(lang).to_string(),
        edit_href,
        href,
        message: f.message(lang),
        fix: f.rule.rule().fix(lang),
    }
}

pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(crate) struct AreaRow {
    pub label: &'static str,
    pub score: String,
    pub completeness: String,
    pub elements: usize,
    pub counts: [usize; 3],
    pub href: String,
}

pub(crate) fn area_rows(report: &Report, slug: &str, lang: Lang) -> Vec<AreaRow> {
    report
        .scores
        .per_area
        .iter()
        .map(|(area, s)| AreaRow {
            label: area.label(lang),
            score: score_text(s.score, lang),
            completeness: score_text(s.completeness, lang),
            elements: s.elements,
            counts: s.findings,
            href: format!("/o/{slug}/kwaliteit?gebied={}#bevindingen", area.code()),
        })
        .collect()
}

pub(crate) struct HistoryRow {
    pub(crate) day: String,
    pub(crate) score: String,
    pub(crate) findings: i64,
}

/// A line chart of the overall score, drawn on the server (no script needed).
pub(crate) struct Chart {
    pub width: u32,
    pub height: u32,
    pub points: String,
    pub dots: Vec<(f64, f64)>,
    pub grid: Vec<(f64, u32)>,
    pub first: String,
    pub last: String,
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub description: String,
}

pub(crate) fn chart(history: &[ScorePoint], lang: Lang) -> Option<Chart> {
    if history.len() < 2 {
        return None;
    }
    let (width, height) = (640u32, 220u32);
    let (left, right, top, bottom) = (40.0, 620.0, 10.0, 190.0);
    let first_day = history.first()?.day;
    let last_day = history.last()?.day;
    let span = ((last_day - first_day).num_days().max(1)) as f64;
    let x = |day: NaiveDate| left + (right - left) * ((day - first_day).num_days() as f64) / span;
    let y = |score: f64| bottom - (bottom - top) * score.clamp(0.0, 100.0) / 100.0;
    let dots: Vec<(f64, f64)> = history.iter().map(|p| (x(p.day), y(p.overall))).collect();
    let points = dots
        .iter()
        .map(|(a, b)| format!("{a:.1},{b:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let date = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
    let (low, high) = history.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.overall), hi.max(p.overall))
    });
    let description = match lang {
        Lang::Nl => format!(
            "Score van {} tot {}: van {} naar {} (laagste {}, hoogste {}).",
            date(first_day),
            date(last_day),
            score_text(Some(history[0].overall), lang),
            score_text(history.last().map(|p| p.overall), lang),
            score_text(Some(low), lang),
            score_text(Some(high), lang)
        ),
        Lang::En => format!(
            "Score from {} to {}: from {} to {} (lowest {}, highest {}).",
            date(first_day),
            date(last_day),
            score_text(Some(history[0].overall), lang),
            score_text(history.last().map(|p| p.overall), lang),
            score_text(Some(low), lang),
            score_text(Some(high), lang)
        ),
    };
    Some(Chart {
        width,
        height,
        points,
        dots,
        grid: [0u32, 25, 50, 75, 100]
            .into_iter()
            .map(|v| (y(f64::from(v)), v))
            .collect(),
        first: date(first_day),
        last: date(last_day),
        left,
        right,
        bottom,
        description,
    })
}

/// The e-mail address of the person recorded as the element's owner.
pub(crate) async fn owner_email(
    state: &AppState,
    organisation_id: Uuid,
    record: &Record,
) -> Result<Option<String>, StoreError> {
    let Some(owner) = record
        .text("eigenaarId")
        .and_then(|s| Uuid::parse_str(s).ok())
    else {
        return Ok(None);
    };
    Ok(state
        .store
        .get_element(organisation_id, EntityKind::Person, owner)
        .await?
        .and_then(|p| p.record.text("email").map(str::to_string)))
}

/// What an element's page shows about its quality.
pub(crate) struct ElementQuality {
    pub findings: Vec<FindingRow>,
    pub confirmable: bool,
    /// "bevestigd op … door …", when confirmed.
    pub confirmed: Option<String>,
    pub can_confirm: bool,
    pub confirm_href: String,
}

pub(crate) async fn element_quality(
    state: &AppState,
    auth: &Auth,
    m: &Membership,
    kind: EntityKind,
    id: Uuid,
    record: &Record,
    lang: Lang,
) -> Result<Option<ElementQuality>, StoreError> {
    if m.role.is_supplier() {
        return Ok(None);
    }
    let slug = &m.organisation.slug;
    let report = organisation_report(state, m.organisation.id, today()).await?;
    let findings = report
        .findings_for(id)
        .map(|f| finding_row(f, slug, m, lang))
        .collect();
    let confirmable = CONFIRMABLE.contains(&kind);
    let (confirmed, can_confirm) = if confirmable {
        let confirmation = state.store.confirmation(m.organisation.id, id).await?;
        let owner = owner_email(state, m.organisation.id, record).await?;
        (
            confirmation.map(|c| {
                let on = c.on.format("%d-%m-%Y");
                match lang {
                    Lang::Nl => format!("Bevestigd op {on} door {}", c.user_email),
                    Lang::En => format!("Confirmed on {on} by {}", c.user_email),
                }
            }),
            may_confirm(m.role, &auth.user.email, owner.as_deref()),
        )
    } else {
        (None, false)
    };
    Ok(Some(ElementQuality {
        findings,
        confirmable,
        confirmed,
        can_confirm,
        confirm_href: format!("{}/bevestigen", element_href(slug, kind, id)),
    }))
}
