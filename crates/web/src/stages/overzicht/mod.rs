//! Overzicht: an organisation's home — the journey from Basis to Regie with where each stage
//! stands, the quality of the basis, what needs attention and the latest changes.

use crate::AppState;
use crate::kit::i18n::{ReqLang, T};
use crate::kit::page::Chrome;
use crate::kit::page::OrPage;
use crate::kit::page::PageAuth;
use crate::kit::page::PageResult;
use crate::kit::page::membership;
use crate::kit::page::render;
use crate::kit::register::AuditRow;
use crate::kit::register::all_elements;
use crate::kit::register::audit_rows;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use regisseur_domain::landscape::EntityKind;
use regisseur_store::AuditQuery;
use uuid::Uuid;

pub fn router() -> Router<AppState> {
    Router::new().route("/o/{slug}", get(dashboard))
}

struct CountRow {
    label: String,
    href: String,
    count: i64,
}

struct CategoryRow {
    label: String,
    count: usize,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Chrome,
    counts: Vec<CountRow>,
    score: Option<String>,
    areas: Vec<crate::kit::quality::AreaRow>,
    findings: Vec<crate::kit::quality::FindingRow>,
    findings_more: usize,
    quality_href: Option<String>,
    chart: Option<crate::kit::quality::Chart>,
    categories: Vec<CategoryRow>,
    audit_list: Vec<AuditRow>,
    show_recent: bool,
    journey: Vec<JourneyRow>,
}

/// One stage of the journey on the dashboard.
struct JourneyRow {
    stage: &'static str,
    href: String,
    status: &'static str,
    code: &'static str,
    reason: String,
}

/// Shown on the dashboard at most; the rest is counted.
const DASHBOARD_ATTENTION_ROWS: usize = 25;

async fn dashboard(
    State(state): State<AppState>,
    ReqLang(lang): ReqLang,
    PageAuth(auth): PageAuth,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> PageResult {
    let m = membership(&auth, &slug, &headers)?;
    let t = T(lang);
    let counts_by_kind = state
        .store
        .element_counts(m.organisation.id)
        .await
        .or_page(&headers)?;
    let mut counts = Vec::new();
    let mut elements = Vec::new();
    for kind in EntityKind::ALL.into_iter().filter(|k| m.role.can_read(*k)) {
        let count = if m.role.is_supplier() {
            let mine = all_elements(&state, m, kind).await.or_page(&headers)?;
            let n = mine.len() as i64;
            elements.extend(mine);
            n
        } else {
            counts_by_kind.get(&kind).copied().unwrap_or(0)
        };
        counts.push(CountRow {
            label: kind.plural(lang).to_string(),
            href: format!("/o/{slug}/{}", kind.resource()),
            count,
        });
    }
    let report = crate::kit::quality::organisation_report(
        &state,
        m.organisation.id,
        crate::kit::clock::today(),
    )
    .await
    .or_page(&headers)?;
    // A supplier's user sees only the findings about what it may see.
    let visible: Option<std::collections::HashSet<Uuid>> = m
        .role
        .is_supplier()
        .then(|| elements.iter().map(|e| e.id).collect());
    let shown: Vec<&regisseur_domain::quality::Finding> = report
        .findings
        .iter()
        .filter(|f| f.severity != regisseur_domain::quality::Severity::Info)
        .filter(|f| visible.as_ref().is_none_or(|v| v.contains(&f.element)))
        .collect();
    let findings_more = shown.len().saturating_sub(DASHBOARD_ATTENTION_ROWS);
    let mut categories: Vec<CategoryRow> = Vec::new();
    for finding in &shown {
        let label = finding.rule.rule().title(lang);
        match categories.iter_mut().find(|c| c.label == label) {
            Some(row) => row.count += 1,
            None => categories.push(CategoryRow {
                label: label.to_string(),
                count: 1,
            }),
        }
    }
    let findings = shown
        .iter()
        .take(DASHBOARD_ATTENTION_ROWS)
        .map(|f| crate::kit::quality::finding_row(f, &slug, m, lang))
        .collect();
    let supplier = m.role.is_supplier();
    let score =
        (!supplier).then(|| crate::kit::quality::score_text(Some(report.scores.overall), lang));
    let (areas, chart) = if supplier {
        (Vec::new(), None)
    } else {
        let history = state
            .store
            .score_history(m.organisation.id, crate::kit::quality::TREND_DAYS)
            .await
            .or_page(&headers)?;
        (
            crate::kit::quality::area_rows(&report, &slug, lang),
            crate::kit::quality::chart(&history, lang),
        )
    };
    let journey = if supplier {
        Vec::new()
    } else {
        crate::kit::journey::stages(
            &state,
            m,
            &counts_by_kind,
            Some(report.scores.overall),
            lang,
        )
        .await
        .or_page(&headers)?
        .into_iter()
        .map(|s| JourneyRow {
            stage: s.stage.label(),
            href: format!("/o/{slug}/{}", s.stage.page()),
            status: s.status.label(lang),
            code: s.status.code(),
            reason: s.reason,
        })
        .collect()
    };
    let show_recent = m.role.can_read_audit();
    let audit_list = if show_recent {
        let query = AuditQuery {
            page_size: 10,
            ..AuditQuery::default()
        };
        audit_rows(&state, m, &query, lang)
            .await
            .or_page(&headers)?
            .0
    } else {
        Vec::new()
    };
    let page = DashboardPage {
        page: Chrome::new(
            lang,
            format!("{} — {}", t.s("dash-title"), m.organisation.name),
            &format!("/o/{slug}"),
        )
        .for_org(&auth, m, Some("dashboard")),
        counts,
        score,
        areas,
        findings,
        findings_more,
        quality_href: (!supplier).then(|| format!("/o/{slug}/kwaliteit")),
        chart,
        categories,
        journey,
        audit_list,
        show_recent,
    };
    Ok(render(StatusCode::OK, &page))
}
