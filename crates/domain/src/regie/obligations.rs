//! What the municipality must watch per contract: the notice deadline (end date minus the
//! notice period), the end date, and obligations that fall due, once or again and again — the
//! processing agreement, the exit plan and its test, the yearly assurance report (ISAE 3402 /
//! SOC 2), the audit, the BIO2 supplier review, GIBIT applied.

use crate::{Lang, Problem, ValidationErrors};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The last day notice can be given: the end date minus the notice period in months.
pub fn notice_deadline(end: NaiveDate, notice_months: u32) -> NaiveDate {
    end.checked_sub_months(Months::new(notice_months))
        .unwrap_or(end)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    Verwerkersovereenkomst,
    Exitplan,
    ExitplanTest,
    Assurancerapport,
    Audit,
    Bio2Review,
    Gibit,
    Overig,
}

impl ObligationKind {
    pub const ALL: [ObligationKind; 8] = [
        ObligationKind::Verwerkersovereenkomst,
        ObligationKind::Exitplan,
        ObligationKind::ExitplanTest,
        ObligationKind::Assurancerapport,
        ObligationKind::Audit,
        ObligationKind::Bio2Review,
        ObligationKind::Gibit,
        ObligationKind::Overig,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ObligationKind::Verwerkersovereenkomst => "verwerkersovereenkomst",
            ObligationKind::Exitplan => "exitplan",
            ObligationKind::ExitplanTest => "exitplan-test",
            ObligationKind::Assurancerapport => "assurancerapport",
            ObligationKind::Audit => "audit",
            ObligationKind::Bio2Review => "bio2-review",
            ObligationKind::Gibit => "gibit",
            ObligationKind::Overig => "overig",
        }
    }

    pub fn parse(code: &str) -> Option<ObligationKind> {
        ObligationKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ObligationKind::Verwerkersovereenkomst => {
                lang.pick("Verwerkersovereenkomst", "Processing agreement")
            }
            ObligationKind::Exitplan => lang.pick("Exitplan aanwezig", "Exit plan present"),
            ObligationKind::ExitplanTest => lang.pick("Exitplan getest", "Exit plan tested"),
            ObligationKind::Assurancerapport => lang.pick(
                "Assurancerapport (ISAE 3402 / SOC 2)",
                "Assurance report (ISAE 3402 / SOC 2)",
            ),
            ObligationKind::Audit => lang.pick("Audit", "Audit"),
            ObligationKind::Bio2Review => {
                lang.pick("BIO2-leveranciersreview", "BIO2 supplier review")
            }
            ObligationKind::Gibit => lang.pick("GIBIT toegepast", "GIBIT applied"),
            ObligationKind::Overig => lang.pick("Overige verplichting", "Other obligation"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recurrence {
    Eenmalig,
    Maandelijks,
    Kwartaal,
    Halfjaarlijks,
    Jaarlijks,
}

impl Recurrence {
    pub const ALL: [Recurrence; 5] = [
        Recurrence::Eenmalig,
        Recurrence::Maandelijks,
        Recurrence::Kwartaal,
        Recurrence::Halfjaarlijks,
        Recurrence::Jaarlijks,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Recurrence::Eenmalig => "eenmalig",
            Recurrence::Maandelijks => "maandelijks",
            Recurrence::Kwartaal => "kwartaal",
            Recurrence::Halfjaarlijks => "halfjaarlijks",
            Recurrence::Jaarlijks => "jaarlijks",
        }
    }

    pub fn parse(code: &str) -> Option<Recurrence> {
        Recurrence::ALL
            .into_iter()
            .find(|r| r.code() == code.trim())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Recurrence::Eenmalig => lang.pick("eenmalig", "once"),
            Recurrence::Maandelijks => lang.pick("elke maand", "monthly"),
            Recurrence::Kwartaal => lang.pick("elk kwartaal", "quarterly"),
            Recurrence::Halfjaarlijks => lang.pick("elk halfjaar", "half-yearly"),
            Recurrence::Jaarlijks => lang.pick("elk jaar", "yearly"),
        }
    }

    fn months(self) -> Option<u32> {
        match self {
            Recurrence::Eenmalig => None,
            Recurrence::Maandelijks => Some(1),
            Recurrence::Kwartaal => Some(3),
            Recurrence::Halfjaarlijks => Some(6),
            Recurrence::Jaarlijks => Some(12),
        }
    }
}

/// An obligation of a contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Obligation {
    pub soort: ObligationKind,
    #[serde(default)]
    pub omschrijving: String,
    /// The first time it falls due.
    pub vervaldatum: NaiveDate,
    pub herhaling: Recurrence,
    /// When it was last met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laatst_voldaan: Option<NaiveDate>,
}

impl Obligation {
    pub fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.soort == ObligationKind::Overig && self.omschrijving.trim().is_empty() {
            errors.push("omschrijving", Problem::Required);
        }
        if self.omschrijving.chars().count() > 500 {
            errors.push("omschrijving", Problem::TooLong { max: 500 });
        }
        errors.into_result(())
    }

    /// When it next falls due. Meeting it covers the due date nearest to that day (a report a
    /// little early or late still counts for its year); the next is the one after. Never met:
    /// the first due date. A one-off obligation once met is done.
    pub fn next_due(&self) -> Option<NaiveDate> {
        match (self.herhaling.months(), self.laatst_voldaan) {
            (None, Some(_)) => None,
            (None, None) | (Some(_), None) => Some(self.vervaldatum),
            (Some(step), Some(met))
                if self
                    .vervaldatum
                    .checked_sub_months(Months::new(step))
                    .is_some_and(|before| met < before) =>
            {
                // Met long before it first fell due: that was something else.
                Some(self.vervaldatum)
            }
            (Some(step), Some(met)) => {
                let distance = |d: NaiveDate| (d - met).num_days().abs();
                let mut covered = self.vervaldatum;
                loop {
                    let next = covered.checked_add_months(Months::new(step))?;
                    if distance(next) > distance(covered) && next > met {
                        return Some(next);
                    }
                    covered = next;
                }
            }
        }
    }
}

/// What an agenda line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaKind {
    /// The last day to give notice.
    NoticeDeadline,
    ContractEnd,
    Obligation(ObligationKind),
}

impl AgendaKind {
    pub fn code(self) -> &'static str {
        match self {
            AgendaKind::NoticeDeadline => "opzegdatum",
            AgendaKind::ContractEnd => "einddatum",
            AgendaKind::Obligation(kind) => kind.code(),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            AgendaKind::NoticeDeadline => lang.pick("Uiterste opzegdatum", "Notice deadline"),
            AgendaKind::ContractEnd => lang.pick("Einde contract", "Contract end"),
            AgendaKind::Obligation(kind) => kind.label(lang),
        }
    }
}

/// One line of the director's agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem<K> {
    pub date: NaiveDate,
    pub kind: AgendaKind,
    /// What the line belongs to (a contract).
    pub subject: K,
    pub description: String,
    /// After this day the line no longer matters (a notice deadline once the contract has
    /// ended); `None`: until it is dealt with.
    pub until: Option<NaiveDate>,
}

/// The agenda as of `today`: what is overdue, and what falls due within `days`.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda<K> {
    pub overdue: Vec<AgendaItem<K>>,
    pub upcoming: Vec<AgendaItem<K>>,
}

/// Splits agenda items into overdue (before today, and still mattering) and upcoming (today up
/// to `days` ahead), each by date; later items are left out.
pub fn agenda<K: Clone>(items: Vec<AgendaItem<K>>, today: NaiveDate, days: u64) -> Agenda<K> {
    let horizon = today
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or(NaiveDate::MAX);
    let mut overdue: Vec<AgendaItem<K>> = items
        .iter()
        .filter(|i| i.date < today && i.until.is_none_or(|u| u >= today))
        .cloned()
        .collect();
    let mut upcoming: Vec<AgendaItem<K>> = items
        .into_iter()
        .filter(|i| i.date >= today && i.date <= horizon)
        .collect();
    overdue.sort_by_key(|i| i.date);
    upcoming.sort_by_key(|i| i.date);
    Agenda { overdue, upcoming }
}

/// The agenda lines of one contract: the notice deadline and the end date (which stop mattering
/// once the contract has ended), and the next due date of each obligation.
pub fn contract_items<K: Clone>(
    subject: K,
    name: &str,
    end: Option<NaiveDate>,
    notice_months: u32,
    extension_options: Option<&str>,
    obligations: &[Obligation],
    lang: Lang,
) -> Vec<AgendaItem<K>> {
    let mut items = Vec::new();
    if let Some(end) = end {
        items.push(AgendaItem {
            date: notice_deadline(end, notice_months),
            kind: AgendaKind::NoticeDeadline,
            subject: subject.clone(),
            until: Some(end),
            description: format!(
                "{name}: {} ({}){}",
                lang.pick(
                    "laatste dag om op te zeggen of te verlengen",
                    "last day to give notice or extend"
                ),
                lang.count(
                    notice_months,
                    ("maand opzegtermijn", "maanden opzegtermijn"),
                    ("month's notice", "months' notice")
                ),
                extension_options.filter(|o| !o.trim().is_empty()).map_or(
                    String::new(),
                    |o| format!(
                        "; {}: {o}",
                        lang.pick("verlengingsopties", "options to extend")
                    )
                )
            ),
        });
        items.push(AgendaItem {
            date: end,
            kind: AgendaKind::ContractEnd,
            subject: subject.clone(),
            until: Some(end),
            description: format!(
                "{name}: {}",
                lang.pick("einde van het contract", "end of the contract")
            ),
        });
    }
    for o in obligations {
        if let Some(due) = o.next_due() {
            let what = if o.omschrijving.trim().is_empty() {
                o.soort.label(lang).to_string()
            } else {
                o.omschrijving.clone()
            };
            items.push(AgendaItem {
                date: due,
                kind: AgendaKind::Obligation(o.soort),
                subject: subject.clone(),
                until: None,
                description: format!("{name}: {what} ({})", o.herhaling.label(lang)),
            });
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn notice_deadlines_count_back_whole_months() {
        assert_eq!(notice_deadline(d("2027-12-31"), 6), d("2027-06-30"));
        assert_eq!(
            notice_deadline(d("2027-08-31"), 6),
            d("2027-02-28"),
            "the last day of a shorter month"
        );
        assert_eq!(notice_deadline(d("2027-12-31"), 0), d("2027-12-31"));
    }

    #[test]
    fn recurring_obligations_fall_due_again_after_they_are_met() {
        let yearly = Obligation {
            soort: ObligationKind::Assurancerapport,
            omschrijving: String::new(),
            vervaldatum: d("2026-04-01"),
            herhaling: Recurrence::Jaarlijks,
            laatst_voldaan: None,
        };
        assert_eq!(yearly.next_due(), Some(d("2026-04-01")));
        let met = Obligation {
            laatst_voldaan: Some(d("2026-03-20")),
            ..yearly.clone()
        };
        assert_eq!(met.next_due(), Some(d("2027-04-01")));
        let met_late = Obligation {
            laatst_voldaan: Some(d("2027-05-02")),
            ..yearly.clone()
        };
        assert_eq!(met_late.next_due(), Some(d("2028-04-01")));
        let long_before = Obligation {
            laatst_voldaan: Some(d("2024-01-01")),
            ..yearly.clone()
        };
        assert_eq!(long_before.next_due(), Some(d("2026-04-01")));
        let once = Obligation {
            herhaling: Recurrence::Eenmalig,
            laatst_voldaan: Some(d("2026-01-01")),
            ..yearly
        };
        assert_eq!(once.next_due(), None, "done");
    }

    #[test]
    fn the_agenda_shows_what_is_overdue_and_the_next_ninety_days() {
        let obligations = vec![
            Obligation {
                soort: ObligationKind::ExitplanTest,
                omschrijving: String::new(),
                vervaldatum: d("2026-10-01"),
                herhaling: Recurrence::Jaarlijks,
                laatst_voldaan: None,
            },
            Obligation {
                soort: ObligationKind::Bio2Review,
                omschrijving: String::new(),
                vervaldatum: d("2027-06-01"),
                herhaling: Recurrence::Jaarlijks,
                laatst_voldaan: None,
            },
        ];
        let items = contract_items(
            1,
            "Zaaksysteem",
            Some(d("2027-08-31")),
            6,
            Some("2 × 1 jaar"),
            &obligations,
            Lang::Nl,
        );
        let a = agenda(items, d("2026-12-01"), 90);
        assert_eq!(a.overdue.len(), 1);
        assert_eq!(
            a.overdue[0].kind,
            AgendaKind::Obligation(ObligationKind::ExitplanTest)
        );
        let codes: Vec<(&str, NaiveDate)> =
            a.upcoming.iter().map(|i| (i.kind.code(), i.date)).collect();
        assert_eq!(codes, [("opzegdatum", d("2027-02-28"))]);
        assert!(
            a.upcoming[0]
                .description
                .ends_with("verlengingsopties: 2 × 1 jaar")
        );
        // Once the contract has ended, its passed dates leave the agenda; late obligations stay.
        let ended = contract_items(
            1,
            "Oud",
            Some(d("2026-06-30")),
            3,
            None,
            &obligations[..1],
            Lang::Nl,
        );
        let a = agenda(ended, d("2026-12-01"), 90);
        let late: Vec<&str> = a.overdue.iter().map(|i| i.kind.code()).collect();
        assert_eq!(late, ["exitplan-test"]);
    }
}
