//! What needs attention in the register now: the short list the dashboard shows. The full
//! documentation checks of the Kwaliteit stage build on these.

use super::{EntityKind, Record};
use crate::Lang;
use crate::values::Country;
use chrono::{Months, NaiveDate};
use uuid::Uuid;

/// How far ahead a notice deadline counts as approaching.
pub const NOTICE_WARNING_DAYS: u64 = 120;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum AttentionReason {
    /// A contract whose end date has passed.
    ContractExpired { end: NaiveDate },
    /// The last day to give notice on a contract is near.
    NoticeDeadline { deadline: NaiveDate },
    /// The last day to give notice has passed; the contract runs until `end` (and may renew).
    NoticePassed { deadline: NaiveDate, end: NaiveDate },
    /// Personal data stored outside the European Economic Area.
    DataOutsideEea { country: String },
    /// A data set with a processor but no data processing agreement on record.
    NoProcessingAgreement,
    /// A component past its end of support.
    OutOfSupport { since: NaiveDate },
    /// An application in use without a business owner.
    NoOwner,
    /// A business-critical application without a BIV classification.
    NoClassification,
}

impl AttentionReason {
    /// A short name for the kind of problem, to count them on the dashboard.
    pub fn category(&self, lang: Lang) -> &'static str {
        match self {
            Self::ContractExpired { .. } => lang.pick("Contract verlopen", "Contract expired"),
            Self::NoticeDeadline { .. } => lang.pick("Opzegdatum nadert", "Notice date near"),
            Self::NoticePassed { .. } => lang.pick("Opzegdatum verstreken", "Notice date passed"),
            Self::DataOutsideEea { .. } => {
                lang.pick("Gegevens buiten de EER", "Data outside the EEA")
            }
            Self::NoProcessingAgreement => lang.pick(
                "Verwerkersovereenkomst ontbreekt",
                "Processing agreement missing",
            ),
            Self::OutOfSupport { .. } => lang.pick("Buiten ondersteuning", "Out of support"),
            Self::NoOwner => lang.pick("Geen eigenaar", "No owner"),
            Self::NoClassification => lang.pick("Geen BIV-classificatie", "No BIV classification"),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let date = |d: &NaiveDate| d.format("%d-%m-%Y").to_string();
        match (self, lang) {
            (Self::ContractExpired { end }, Lang::Nl) => {
                format!("Contract verlopen op {}", date(end))
            }
            (Self::ContractExpired { end }, Lang::En) => {
                format!("Contract expired on {}", date(end))
            }
            (Self::NoticeDeadline { deadline }, Lang::Nl) => {
                format!("Uiterste opzegdatum {}", date(deadline))
            }
            (Self::NoticeDeadline { deadline }, Lang::En) => {
                format!("Last day to give notice {}", date(deadline))
            }
            (Self::NoticePassed { deadline, end }, Lang::Nl) => {
                format!(
                    "Opzegdatum {} verstreken; loopt tot {}",
                    date(deadline),
                    date(end)
                )
            }
            (Self::NoticePassed { deadline, end }, Lang::En) => {
                format!(
                    "Notice date {} passed; runs until {}",
                    date(deadline),
                    date(end)
                )
            }
            (Self::DataOutsideEea { country }, Lang::Nl) => {
                format!("Gegevens opgeslagen buiten de EER ({country})")
            }
            (Self::DataOutsideEea { country }, Lang::En) => {
                format!("Data stored outside the EEA ({country})")
            }
            (Self::NoProcessingAgreement, Lang::Nl) => {
                "Verwerker zonder verwerkersovereenkomst".into()
            }
            (Self::NoProcessingAgreement, Lang::En) => {
                "Processor without a processing agreement".into()
            }
            (Self::OutOfSupport { since }, Lang::Nl) => {
                format!("Buiten ondersteuning sinds {}", date(since))
            }
            (Self::OutOfSupport { since }, Lang::En) => {
                format!("Out of support since {}", date(since))
            }
            (Self::NoOwner, Lang::Nl) => "In gebruik zonder eigenaar".into(),
            (Self::NoOwner, Lang::En) => "In use without a business owner".into(),
            (Self::NoClassification, Lang::Nl) => {
                "Bedrijfskritisch zonder BIV-classificatie".into()
            }
            (Self::NoClassification, Lang::En) => {
                "Business critical without a BIV classification".into()
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttentionPoint {
    pub kind: EntityKind,
    pub id: Uuid,
    pub name: String,
    pub reason: AttentionReason,
}

fn date(record: &Record, field: &str) -> Option<NaiveDate> {
    record.text(field).and_then(|s| super::parse_date(s).ok())
}

fn flag(record: &Record, field: &str) -> Option<bool> {
    record.get(field).and_then(|v| v.as_bool())
}

/// The attention points of one element, as of `today`.
pub fn attention_for(record: &Record, today: NaiveDate) -> Vec<AttentionReason> {
    let mut reasons = Vec::new();
    match record.kind() {
        EntityKind::Contract => {
            if let Some(end) = date(record, "einddatum") {
                if end < today {
                    reasons.push(AttentionReason::ContractExpired { end });
                } else {
                    let months = record
                        .get("opzegtermijnMaanden")
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0);
                    let deadline = end
                        .checked_sub_months(Months::new(u32::try_from(months).unwrap_or(u32::MAX)))
                        .unwrap_or(end);
                    if deadline < today {
                        reasons.push(AttentionReason::NoticePassed { deadline, end });
                    } else if deadline <= today + chrono::Days::new(NOTICE_WARNING_DAYS) {
                        reasons.push(AttentionReason::NoticeDeadline { deadline });
                    }
                }
            }
        }
        EntityKind::DataSet => {
            if let Some(country) = record
                .text("opslaglocatie")
                .and_then(|c| Country::parse(c).ok())
                && !country.in_eea()
            {
                reasons.push(AttentionReason::DataOutsideEea {
                    country: country.code().to_string(),
                });
            }
            if record.get("verwerkerId").is_some()
                && flag(record, "verwerkersovereenkomst") != Some(true)
            {
                reasons.push(AttentionReason::NoProcessingAgreement);
            }
        }
        EntityKind::Component => {
            if let Some(since) = date(record, "eindeOndersteuning")
                && since < today
                && record.text("levenscyclus") != Some("uitgefaseerd")
            {
                reasons.push(AttentionReason::OutOfSupport { since });
            }
        }
        EntityKind::Application => {
            let in_use = record.text("levenscyclus") == Some("in-gebruik");
            if in_use && record.get("eigenaarId").is_none() {
                reasons.push(AttentionReason::NoOwner);
            }
            let classified = ["beschikbaarheid", "integriteit", "vertrouwelijkheid"]
                .iter()
                .all(|f| record.get(f).is_some());
            if flag(record, "bedrijfskritisch") == Some(true) && !classified {
                reasons.push(AttentionReason::NoClassification);
            }
        }
        _ => {}
    }
    reasons
}

/// Every attention point of the given elements, most urgent kinds first.
pub fn attention_points<'a>(
    elements: impl IntoIterator<Item = (Uuid, &'a Record)>,
    today: NaiveDate,
) -> Vec<AttentionPoint> {
    let mut points: Vec<AttentionPoint> = elements
        .into_iter()
        .flat_map(|(id, record)| {
            attention_for(record, today)
                .into_iter()
                .map(move |reason| AttentionPoint {
                    kind: record.kind(),
                    id,
                    name: record.name().unwrap_or("").to_string(),
                    reason,
                })
        })
        .collect();
    points.sort_by(|a, b| a.reason.cmp(&b.reason).then_with(|| a.name.cmp(&b.name)));
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::landscape::{InputMode, validate};
    use serde_json::json;

    fn record(kind: EntityKind, value: serde_json::Value) -> Record {
        let (record, errors) = validate(
            kind,
            value.as_object().expect("object"),
            InputMode::Api,
            &|_| false,
        );
        assert!(errors.is_empty(), "{errors}");
        record
    }

    fn day(text: &str) -> NaiveDate {
        super::super::parse_date(text).expect("date")
    }

    #[test]
    fn contracts_expired_and_notice_deadlines() {
        let supplier = Uuid::now_v7().to_string();
        let today = day("2026-11-28");
        let expired = record(
            EntityKind::Contract,
            json!({"naam": "A", "leverancierId": supplier, "einddatum": "2026-06-30"}),
        );
        assert_eq!(
            attention_for(&expired, today),
            vec![AttentionReason::ContractExpired {
                end: day("2026-06-30")
            }]
        );
        let notice = record(
            EntityKind::Contract,
            json!({"naam": "B", "leverancierId": supplier,
            "einddatum": "2027-12-31", "opzegtermijnMaanden": 12}),
        );
        assert_eq!(
            attention_for(&notice, today),
            vec![AttentionReason::NoticeDeadline {
                deadline: day("2026-12-31")
            }]
        );
        let calm = record(
            EntityKind::Contract,
            json!({"naam": "C", "leverancierId": supplier,
            "einddatum": "2029-12-31", "opzegtermijnMaanden": 6}),
        );
        assert!(attention_for(&calm, today).is_empty());
        let passed = record(
            EntityKind::Contract,
            json!({"naam": "D", "leverancierId": supplier,
            "einddatum": "2027-03-31", "opzegtermijnMaanden": 6}),
        );
        assert_eq!(
            attention_for(&passed, today),
            vec![AttentionReason::NoticePassed {
                deadline: day("2026-09-30"),
                end: day("2027-03-31")
            }]
        );
    }

    #[test]
    fn data_outside_the_eea_and_missing_agreements() {
        let today = day("2026-11-28");
        let data = record(
            EntityKind::DataSet,
            json!({"naam": "Klantcontacten", "opslaglocatie": "US",
            "verwerkerId": Uuid::now_v7().to_string()}),
        );
        let reasons = attention_for(&data, today);
        assert!(reasons.contains(&AttentionReason::DataOutsideEea {
            country: "US".into()
        }));
        assert!(reasons.contains(&AttentionReason::NoProcessingAgreement));
        let fine = record(
            EntityKind::DataSet,
            json!({"naam": "BRP", "opslaglocatie": "NL"}),
        );
        assert!(attention_for(&fine, today).is_empty());
    }

    #[test]
    fn applications_without_owner_or_classification() {
        let today = day("2026-11-28");
        let app = record(
            EntityKind::Application,
            json!({"naam": "X", "levenscyclus": "in-gebruik", "bedrijfskritisch": true}),
        );
        assert_eq!(
            attention_for(&app, today),
            vec![AttentionReason::NoOwner, AttentionReason::NoClassification]
        );
        let points = attention_points([(Uuid::now_v7(), &app)], today);
        assert_eq!(points.len(), 2);
        assert_eq!(points[0].name, "X");
    }
}
