//! Transitie: people and change. The retained organisation (roles today and after, FTE,
//! competences, the people affected), the transition plan (phases, milestones, the warnings of
//! an optimistic plan), the risk dossier with its weekly report, and the communication plan.
//!
//! The dossier of one organisation is a [`Dossier`]; a change to it is checked as a whole
//! ([`Dossier::with`], [`Dossier::without`]) so that nothing inconsistent is ever saved: a
//! person's role must exist, milestones must not depend on each other in a cycle, a role in use
//! cannot be removed.

pub mod communication;
pub mod fields;
pub mod people;
pub mod plan;
pub mod risks;
#[cfg(test)]
mod tests;

use crate::procurement::route::{self, PolicyThresholds};
use crate::{Lang, Problem, ValidationErrors};
use chrono::NaiveDate;
use communication::Message;
use people::{Person, Role};
use plan::{Milestone, Plan, PlanWarning};
use risks::Risk;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The kinds of item in the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Role,
    Person,
    Milestone,
    Risk,
    Message,
}

impl ItemKind {
    pub const ALL: [ItemKind; 5] = [
        ItemKind::Role,
        ItemKind::Person,
        ItemKind::Milestone,
        ItemKind::Risk,
        ItemKind::Message,
    ];

    /// The API's resource name.
    pub fn resource(self) -> &'static str {
        match self {
            ItemKind::Role => "rollen",
            ItemKind::Person => "betrokkenen",
            ItemKind::Milestone => "mijlpalen",
            ItemKind::Risk => "risicos",
            ItemKind::Message => "communicatie",
        }
    }

    /// How the store names it.
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Role => "rol",
            ItemKind::Person => "betrokkene",
            ItemKind::Milestone => "mijlpaal",
            ItemKind::Risk => "risico",
            ItemKind::Message => "bericht",
        }
    }

    pub fn from_code(code: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ItemKind::Role => lang.pick("rol", "role"),
            ItemKind::Person => lang.pick("betrokkene", "person affected"),
            ItemKind::Milestone => lang.pick("mijlpaal", "milestone"),
            ItemKind::Risk => lang.pick("risico", "risk"),
            ItemKind::Message => lang.pick("communicatiemoment", "message"),
        }
    }

    /// Reads an item of this kind from JSON (the API's body or a form's fields), every problem
    /// named by its key.
    pub fn read(self, value: &Value) -> Result<Item, ValidationErrors> {
        Ok(match self {
            ItemKind::Role => Item::Role(Role::read(value)?),
            ItemKind::Person => Item::Person(Person::read(value)?),
            ItemKind::Milestone => Item::Milestone(Milestone::read(value)?),
            ItemKind::Risk => Item::Risk(Risk::read(value)?),
            ItemKind::Message => Item::Message(Message::read(value)?),
        })
    }

    /// Personal data: only those who may steer see it.
    pub fn personal(self) -> bool {
        self == ItemKind::Person
    }
}

/// One item of the dossier.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Role(Role),
    Person(Person),
    Milestone(Milestone),
    Risk(Risk),
    Message(Message),
}

impl Item {
    pub fn kind(&self) -> ItemKind {
        match self {
            Item::Role(_) => ItemKind::Role,
            Item::Person(_) => ItemKind::Person,
            Item::Milestone(_) => ItemKind::Milestone,
            Item::Risk(_) => ItemKind::Risk,
            Item::Message(_) => ItemKind::Message,
        }
    }

    /// The item as JSON (as stored and as the API shows it, without its id).
    pub fn to_json(&self) -> Value {
        let value = match self {
            Item::Role(x) => serde_json::to_value(x),
            Item::Person(x) => serde_json::to_value(x),
            Item::Milestone(x) => serde_json::to_value(x),
            Item::Risk(x) => serde_json::to_value(x),
            Item::Message(x) => serde_json::to_value(x),
        };
        value.unwrap_or(Value::Null)
    }

    /// The item from its stored JSON.
    pub fn from_stored(kind: ItemKind, value: Value) -> Result<Item, serde_json::Error> {
        Ok(match kind {
            ItemKind::Role => Item::Role(serde_json::from_value(value)?),
            ItemKind::Person => Item::Person(serde_json::from_value(value)?),
            ItemKind::Milestone => Item::Milestone(serde_json::from_value(value)?),
            ItemKind::Risk => Item::Risk(serde_json::from_value(value)?),
            ItemKind::Message => Item::Message(serde_json::from_value(value)?),
        })
    }

    /// A short name for lists and the audit trail.
    pub fn title(&self) -> &str {
        match self {
            Item::Role(x) => &x.naam,
            Item::Person(x) => &x.naam,
            Item::Milestone(x) => &x.naam,
            Item::Risk(x) => &x.titel,
            Item::Message(x) => &x.boodschap,
        }
    }
}

/// The transition dossier of one organisation, in the order the items were made.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dossier {
    pub plan: Plan,
    pub roles: Vec<(Uuid, Role)>,
    pub people: Vec<(Uuid, Person)>,
    pub milestones: Vec<(Uuid, Milestone)>,
    pub risks: Vec<(Uuid, Risk)>,
    pub messages: Vec<(Uuid, Message)>,
}

fn upsert<T>(list: &mut Vec<(Uuid, T)>, id: Uuid, value: T) {
    match list.iter_mut().find(|(i, _)| *i == id) {
        Some(slot) => slot.1 = value,
        None => list.push((id, value)),
    }
}

impl Dossier {
    /// Adds a stored item as it is (loading; nothing is checked).
    pub fn put(&mut self, id: Uuid, item: Item) {
        match item {
            Item::Role(x) => upsert(&mut self.roles, id, x),
            Item::Person(x) => upsert(&mut self.people, id, x),
            Item::Milestone(x) => upsert(&mut self.milestones, id, x),
            Item::Risk(x) => upsert(&mut self.risks, id, x),
            Item::Message(x) => upsert(&mut self.messages, id, x),
        }
    }

    pub fn contains(&self, kind: ItemKind, id: Uuid) -> bool {
        self.item(kind, id).is_some()
    }

    /// The item with this id, if any.
    pub fn item(&self, kind: ItemKind, id: Uuid) -> Option<Item> {
        fn find<T: Clone>(list: &[(Uuid, T)], id: Uuid) -> Option<T> {
            list.iter().find(|(i, _)| *i == id).map(|(_, x)| x.clone())
        }
        match kind {
            ItemKind::Role => find(&self.roles, id).map(Item::Role),
            ItemKind::Person => find(&self.people, id).map(Item::Person),
            ItemKind::Milestone => find(&self.milestones, id).map(Item::Milestone),
            ItemKind::Risk => find(&self.risks, id).map(Item::Risk),
            ItemKind::Message => find(&self.messages, id).map(Item::Message),
        }
    }

    /// Every item of a kind, with its id.
    pub fn items(&self, kind: ItemKind) -> Vec<(Uuid, Item)> {
        fn all<T: Clone>(list: &[(Uuid, T)], wrap: fn(T) -> Item) -> Vec<(Uuid, Item)> {
            list.iter().map(|(i, x)| (*i, wrap(x.clone()))).collect()
        }
        match kind {
            ItemKind::Role => all(&self.roles, Item::Role),
            ItemKind::Person => all(&self.people, Item::Person),
            ItemKind::Milestone => all(&self.milestones, Item::Milestone),
            ItemKind::Risk => all(&self.risks, Item::Risk),
            ItemKind::Message => all(&self.messages, Item::Message),
        }
    }

    /// The dossier with `item` saved under `id` — or every problem that saving it would cause.
    pub fn with(&self, id: Uuid, item: Item) -> Result<Dossier, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        match &item {
            Item::Person(p) => {
                let role = |id: Uuid| self.roles.iter().find(|(r, _)| *r == id).map(|(_, r)| r);
                if role(p.rol).is_none() {
                    errors.push("rol", Problem::UnknownReference);
                }
                if let Some(new) = p.nieuwe_rol {
                    match role(new) {
                        None => errors.push("nieuweRol", Problem::UnknownReference),
                        Some(r) if r.verandering == people::Change::Verdwijnt => errors.push(
                            "nieuweRol",
                            Problem::Inconsistent {
                                nl: "die rol verdwijnt",
                                en: "that role disappears",
                            },
                        ),
                        Some(_) => {}
                    }
                }
            }
            Item::Role(r)
                if r.verandering == people::Change::Verdwijnt
                    && self.people.iter().any(|(_, p)| p.nieuwe_rol == Some(id)) =>
            {
                errors.push(
                    "verandering",
                    Problem::Inconsistent {
                        nl: "iemand krijgt deze rol als nieuwe rol",
                        en: "someone gets this role as a new role",
                    },
                );
            }
            _ => {}
        }
        // Who submitted a risk stays with it when the municipality edits it.
        let item = match (item, self.item(ItemKind::Risk, id)) {
            (Item::Risk(mut risk), Some(Item::Risk(old))) if risk.leverancier.is_none() => {
                risk.leverancier = old.leverancier;
                Item::Risk(risk)
            }
            (item, _) => item,
        };
        let mut next = self.clone();
        next.put(id, item);
        if next.milestones.iter().any(|(m, _)| *m == id)
            && let Err(e) = plan::check_milestones(&next.milestones, id)
        {
            errors.0.extend(e.0);
        }
        errors.into_result(next)
    }

    /// The dossier without the item — refused while something refers to it.
    pub fn without(&self, kind: ItemKind, id: Uuid) -> Result<Dossier, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let users: Vec<String> = match kind {
            ItemKind::Role => self
                .people
                .iter()
                .filter(|(_, p)| p.rol == id || p.nieuwe_rol == Some(id))
                .map(|(_, p)| p.naam.clone())
                .collect(),
            ItemKind::Milestone => self
                .milestones
                .iter()
                .filter(|(_, m)| m.afhankelijk_van.contains(&id))
                .map(|(_, m)| m.naam.clone())
                .collect(),
            _ => Vec::new(),
        };
        if !users.is_empty() {
            errors.push(
                "id",
                Problem::InUse {
                    by: users.join(", "),
                },
            );
        }
        let mut next = self.clone();
        next.roles
            .retain(|(i, _)| !(kind == ItemKind::Role && *i == id));
        next.people
            .retain(|(i, _)| !(kind == ItemKind::Person && *i == id));
        next.milestones
            .retain(|(i, _)| !(kind == ItemKind::Milestone && *i == id));
        next.risks
            .retain(|(i, _)| !(kind == ItemKind::Risk && *i == id));
        next.messages
            .retain(|(i, _)| !(kind == ItemKind::Message && *i == id));
        errors.into_result(next)
    }

    /// The route advice for the plan's tender, when the plan has both a procurement phase and
    /// the tender's size.
    pub fn route(&self, policy: PolicyThresholds, lang: Lang) -> Option<route::Route> {
        let input = self.plan.route_input(policy)?;
        input.check().ok()?;
        Some(route::advise(&input, lang))
    }

    /// Every warning about the plan.
    pub fn warnings(&self, policy: PolicyThresholds, lang: Lang) -> Vec<PlanWarning> {
        let route = self.route(policy, lang);
        plan::warnings(&self.plan, &self.milestones, route.as_ref(), lang)
    }

    /// What makes the transition need attention: warnings about the plan's content (not the
    /// phases or the tender's size still to fill in), late milestones and late mitigations.
    pub fn attention_count(&self, policy: PolicyThresholds, today: NaiveDate, lang: Lang) -> usize {
        let plan = self
            .warnings(policy, lang)
            .iter()
            .filter(|w| !matches!(w, PlanWarning::MissingPhases(_) | PlanWarning::NoTenderSize))
            .count();
        let mitigations = self
            .risks
            .iter()
            .filter(|(_, r)| r.mitigation_late(today))
            .count();
        plan + self.late_milestones(today).len() + mitigations
    }

    /// The milestones not reached while their date has passed, earliest first.
    pub fn late_milestones(&self, today: NaiveDate) -> Vec<&(Uuid, Milestone)> {
        let mut late: Vec<&(Uuid, Milestone)> = self
            .milestones
            .iter()
            .filter(|(_, m)| m.late(today))
            .collect();
        late.sort_by_key(|(_, m)| m.datum);
        late
    }

    /// The risks not closed scoring at least `threshold`, highest first.
    pub fn risks_above(&self, threshold: u8) -> Vec<&(Uuid, Risk)> {
        let mut top: Vec<&(Uuid, Risk)> = self
            .risks
            .iter()
            .filter(|(_, r)| r.status != risks::RiskStatus::Gesloten && r.score() >= threshold)
            .collect();
        top.sort_by(|a, b| {
            b.1.score()
                .cmp(&a.1.score())
                .then(a.1.titel.cmp(&b.1.titel))
        });
        top
    }

    /// The summary of the dossier, as the API and the CLI give it: FTE per role and in total,
    /// the competence gap, the plan and its warnings, milestones late, the risks at or above
    /// `threshold`, the heat map, the weekly report against `before` (the risks a week ago) and
    /// messages overdue. No personal data.
    pub fn summary_json(
        &self,
        before: &BTreeMap<Uuid, risks::Risk>,
        policy: PolicyThresholds,
        threshold: u8,
        today: NaiveDate,
        lang: Lang,
    ) -> Value {
        let summary = people::fte(&self.roles);
        let now: BTreeMap<Uuid, risks::Risk> = self.risks.iter().cloned().collect();
        let report = risks::weekly_report(before, &now, today);
        let ids = |ids: &[Uuid]| ids.iter().map(|i| i.to_string()).collect::<Vec<_>>();
        json!({
            "fte": {
                "rollen": summary.roles.iter().map(|r| json!({"id": r.id.to_string(), "naam": r.naam, "verandering": r.verandering.code(), "voor": r.voor, "na": r.na})).collect::<Vec<_>>(),
                "totaalVoor": summary.voor,
                "totaalNa": summary.na,
            },
            "competenties": people::competence_gaps(&self.roles).iter().map(|g| json!({"naam": g.naam, "nodig": g.nodig, "aanwezig": g.aanwezig, "tekort": g.tekort})).collect::<Vec<_>>(),
            "plan": serde_json::to_value(&self.plan).unwrap_or(Value::Null),
            "waarschuwingen": self.warnings(policy, lang).iter().map(|w| w.message(lang)).collect::<Vec<_>>(),
            "mijlpalenTeLaat": self.late_milestones(today).iter().map(|(id, m)| json!({"id": id.to_string(), "naam": m.naam, "datum": m.datum, "eigenaar": m.eigenaar})).collect::<Vec<_>>(),
            "drempel": threshold,
            "risicosBovenDrempel": self.risks_above(threshold).iter().map(|(id, r)| json!({"id": id.to_string(), "titel": r.titel, "kans": r.kans, "impact": r.impact, "score": r.score(), "eigenaar": r.eigenaar, "status": r.status.code()})).collect::<Vec<_>>(),
            "heatmap": risks::heat_map(self.risks.iter().map(|(_, r)| r)),
            "weekrapport": {
                "nieuw": ids(&report.new),
                "gewijzigd": report.changed.iter().map(|c| json!({"id": c.id.to_string(), "velden": c.fields})).collect::<Vec<_>>(),
                "gegroeid": report.grown.iter().map(|g| json!({"id": g.id.to_string(), "van": g.before, "naar": g.after})).collect::<Vec<_>>(),
                "verwijderd": ids(&report.removed),
                "maatregelenTeLaat": ids(&report.late_mitigations),
            },
            "communicatieTeLaat": self.messages.iter().filter(|(_, msg)| msg.overdue(today)).map(|(id, msg)| json!({"id": id.to_string(), "doelgroep": msg.doelgroep.code(), "boodschap": msg.boodschap, "moment": msg.moment})).collect::<Vec<_>>(),
        })
    }

    /// Whether anything of the dossier has been filled in.
    pub fn is_empty(&self) -> bool {
        self.plan.fasen.is_empty()
            && self.roles.is_empty()
            && self.people.is_empty()
            && self.milestones.is_empty()
            && self.risks.is_empty()
            && self.messages.is_empty()
    }
}
