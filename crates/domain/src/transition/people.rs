//! The retained organisation: the roles of the IT organisation today and after outsourcing, per
//! service domain, with their FTE and competences; the template of the roles a director's
//! organisation needs (after SIAM and BiSL); and the people affected, with what happens to each.

use super::fields::{Fields, ListInput};
use crate::sourcing::ServiceDomain;
use crate::values::parse_decimal;
use crate::{Lang, Problem, ValidationErrors};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// Largest FTE of one role or competence.
pub const MAX_FTE: f64 = 10_000.0;

/// What happens to a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Stays as it is.
    Blijft,
    /// Stays with other tasks.
    Verandert,
    /// Goes: the work moves to the partner.
    Verdwijnt,
    /// Is new: the work of directing the partner.
    Nieuw,
}

impl Change {
    pub const ALL: [Change; 4] = [
        Change::Blijft,
        Change::Verandert,
        Change::Verdwijnt,
        Change::Nieuw,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Change::Blijft => "blijft",
            Change::Verandert => "verandert",
            Change::Verdwijnt => "verdwijnt",
            Change::Nieuw => "nieuw",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Change::Blijft => lang.pick("blijft", "stays"),
            Change::Verandert => lang.pick("verandert", "changes"),
            Change::Verdwijnt => lang.pick("verdwijnt", "disappears"),
            Change::Nieuw => lang.pick("nieuw", "new"),
        }
    }
}

/// A competence a role needs: how many FTE must have it after the change, and how many have it
/// now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Competence {
    pub naam: String,
    pub nodig: f64,
    pub aanwezig: f64,
}

/// A role of the IT organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    pub naam: String,
    /// The service domain (code), or none for the organisation as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domein: Option<String>,
    pub verandering: Change,
    #[serde(default)]
    pub taken_nu: String,
    #[serde(default)]
    pub taken_straks: String,
    pub fte_nu: f64,
    pub fte_straks: f64,
    #[serde(default)]
    pub competenties: Vec<Competence>,
}

fn competence_line(line: &str, index: usize, errors: &mut ValidationErrors) -> Competence {
    // `Contractmanagement; 1,0; 0,2` — the name, needed FTE, available FTE.
    let parts: Vec<&str> = line.split(';').map(str::trim).collect();
    let key = |field: &str| format!("competenties[{index}].{field}");
    let number = |at: usize, field: &str, errors: &mut ValidationErrors| -> f64 {
        match parts.get(at).map(|t| parse_decimal(t)) {
            Some(Ok(v)) if v < 0.0 => {
                errors.push(key(field), Problem::Negative);
                0.0
            }
            Some(Ok(v)) if v > MAX_FTE => {
                errors.push(
                    key(field),
                    Problem::OutOfRange {
                        min: 0,
                        max: MAX_FTE as i64,
                    },
                );
                0.0
            }
            Some(Ok(v)) => v,
            Some(Err(p)) => {
                errors.push(key(field), p);
                0.0
            }
            None => {
                errors.push(key(field), Problem::Required);
                0.0
            }
        }
    };
    let naam = parts.first().copied().unwrap_or_default().to_string();
    if naam.is_empty() {
        errors.push(key("naam"), Problem::Required);
    }
    Competence {
        naam,
        nodig: number(1, "nodig", errors),
        aanwezig: number(2, "aanwezig", errors),
    }
}

fn competence_object(value: &Value, index: usize, errors: &mut ValidationErrors) -> Competence {
    let prefix = |e: crate::FieldError| {
        crate::FieldError::new(
            format!(
                "competenties[{index}]{}{}",
                if e.name.is_empty() { "" } else { "." },
                e.name
            ),
            e.problem,
        )
    };
    let read = || -> Result<Competence, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let c = Competence {
            naam: f.text("naam", true, 200),
            nodig: f.amount("nodig", MAX_FTE),
            aanwezig: f.amount("aanwezig", MAX_FTE),
        };
        f.finish(c)
    };
    match read() {
        Ok(c) => c,
        Err(e) => {
            errors.0.extend(e.0.into_iter().map(prefix));
            Competence {
                naam: String::new(),
                nodig: 0.0,
                aanwezig: 0.0,
            }
        }
    }
}

impl Role {
    /// Reads a role, naming every problem.
    pub fn read(value: &Value) -> Result<Role, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let naam = f.text("naam", true, 200);
        let domein = f
            .code("domein", &ServiceDomain::ALL, ServiceDomain::code, false)
            .map(|d| d.code().to_string());
        let verandering = f.code("verandering", &Change::ALL, Change::code, true);
        let taken_nu = f.text("takenNu", false, 4_000);
        let taken_straks = f.text("takenStraks", false, 4_000);
        let fte_nu = f.amount("fteNu", MAX_FTE);
        let fte_straks = f.amount("fteStraks", MAX_FTE);
        let mut competenties = Vec::new();
        match f.list("competenties") {
            ListInput::Objects(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    competenties.push(competence_object(item, i, &mut f.errors));
                }
            }
            ListInput::Lines(text) => {
                for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                    competenties.push(competence_line(line, i, &mut f.errors));
                }
            }
        }
        match verandering {
            Some(Change::Verdwijnt) if fte_straks > 0.0 => f.errors.push(
                "fteStraks",
                Problem::Inconsistent {
                    nl: "een rol die verdwijnt heeft straks 0 fte",
                    en: "a role that disappears has 0 FTE afterwards",
                },
            ),
            Some(Change::Nieuw) if fte_nu > 0.0 => f.errors.push(
                "fteNu",
                Problem::Inconsistent {
                    nl: "een nieuwe rol heeft nu 0 fte",
                    en: "a new role has 0 FTE today",
                },
            ),
            _ => {}
        }
        let role = Role {
            naam,
            domein,
            verandering: verandering.unwrap_or(Change::Blijft),
            taken_nu,
            taken_straks,
            fte_nu,
            fte_straks,
            competenties,
        };
        f.finish(role)
    }

    pub fn domain(&self) -> Option<ServiceDomain> {
        self.domein.as_deref().and_then(ServiceDomain::parse)
    }
}

/// The roles a municipality needs to direct its partners, drawn from SIAM (the service
/// integration roles) and BiSL (the demand side: information management and functional
/// management). Added as new roles with a proposed FTE; the municipality adjusts them.
pub fn template(lang: Lang) -> Vec<Role> {
    let role = |naam: (&str, &str),
                taken: (&str, &str),
                fte: f64,
                competenties: &[((&str, &str), f64)]| Role {
        naam: lang.pick(naam.0, naam.1).to_string(),
        domein: None,
        verandering: Change::Nieuw,
        taken_nu: String::new(),
        taken_straks: lang.pick(taken.0, taken.1).to_string(),
        fte_nu: 0.0,
        fte_straks: fte,
        competenties: competenties
            .iter()
            .map(|(n, nodig)| Competence {
                naam: lang.pick(n.0, n.1).to_string(),
                nodig: *nodig,
                aanwezig: 0.0,
            })
            .collect(),
    };
    vec![
        role(
            ("Contractmanager", "Contract manager"),
            (
                "Bewaakt het contract: verplichtingen, wijzigingen, verlengen en opzeggen, facturen tegen afspraken (SIAM: contractbeheer).",
                "Guards the contract: obligations, changes, extending and terminating, invoices against agreements (SIAM: contract management).",
            ),
            1.0,
            &[
                (("Contractmanagement", "Contract management"), 1.0),
                (("Inkoop en aanbestedingsrecht", "Procurement law"), 0.5),
            ],
        ),
        role(
            ("Service level manager", "Service level manager"),
            (
                "Stuurt op de afgesproken dienstverlening: SLA-rapportages, servicecredits, verbeterplannen (SIAM: service level management).",
                "Steers on the agreed service: SLA reports, service credits, improvement plans (SIAM: service level management).",
            ),
            1.0,
            &[
                (
                    (
                        "Servicemanagement (ITIL/SIAM)",
                        "Service management (ITIL/SIAM)",
                    ),
                    1.0,
                ),
                (
                    (
                        "Rapportages lezen en duiden",
                        "Reading and interpreting reports",
                    ),
                    1.0,
                ),
            ],
        ),
        role(
            ("Leveranciersmanager", "Supplier manager"),
            (
                "Onderhoudt de relatie met de partner: overleg, escalatie, relatiemetingen, innovatie (SIAM: supplier management).",
                "Keeps the relationship with the partner: meetings, escalation, relationship surveys, innovation (SIAM: supplier management).",
            ),
            0.5,
            &[(
                (
                    "Relatiebeheer en onderhandelen",
                    "Relationship management and negotiation",
                ),
                0.5,
            )],
        ),
        role(
            ("Informatiemanager", "Information manager"),
            (
                "Vertaalt de koers en de vraag van de organisatie naar de partner; bewaakt de architectuur (BiSL: informatiemanagement).",
                "Translates the course and the needs of the organisation for the partner; guards the architecture (BiSL: information management).",
            ),
            1.0,
            &[
                (
                    (
                        "Informatiemanagement (BiSL)",
                        "Information management (BiSL)",
                    ),
                    1.0,
                ),
                (
                    (
                        "Enterprise-architectuur (GEMMA)",
                        "Enterprise architecture (GEMMA)",
                    ),
                    0.5,
                ),
            ],
        ),
        role(
            ("Security officer voor de keten", "Chain security officer"),
            (
                "Bewaakt informatiebeveiliging en privacy over de hele keten, ook bij de partner: BIO, verwerkersovereenkomsten, audits.",
                "Guards information security and privacy across the whole chain, including the partner: BIO, processing agreements, audits.",
            ),
            0.5,
            &[(
                ("Informatiebeveiliging (BIO)", "Information security (BIO)"),
                0.5,
            )],
        ),
        role(
            ("Functioneel beheerder", "Functional manager"),
            (
                "Beheert de applicaties vanuit de gebruikers: wensen, inrichting, testen van releases, gebruikersvragen (BiSL: functioneel beheer).",
                "Manages the applications for their users: requirements, configuration, release testing, user questions (BiSL: functional management).",
            ),
            2.0,
            &[(
                ("Functioneel beheer (BiSL)", "Functional management (BiSL)"),
                2.0,
            )],
        ),
    ]
}

/// What happens to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fate {
    Blijft,
    NieuweRol,
    NaarPartner,
    Vertrekt,
}

impl Fate {
    pub const ALL: [Fate; 4] = [
        Fate::Blijft,
        Fate::NieuweRol,
        Fate::NaarPartner,
        Fate::Vertrekt,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Fate::Blijft => "blijft",
            Fate::NieuweRol => "nieuwe-rol",
            Fate::NaarPartner => "naar-partner",
            Fate::Vertrekt => "vertrekt",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Fate::Blijft => lang.pick("blijft in de rol", "stays in the role"),
            Fate::NieuweRol => lang.pick("nieuwe rol", "new role"),
            Fate::NaarPartner => lang.pick("gaat over naar de partner", "moves to the partner"),
            Fate::Vertrekt => lang.pick("vertrekt", "leaves"),
        }
    }
}

/// A person affected by the change: personal data, seen only by those who may steer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub naam: String,
    /// The role today.
    pub rol: Uuid,
    pub lot: Fate,
    /// The new role, when the fate is a new role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nieuwe_rol: Option<Uuid>,
    #[serde(default)]
    pub toelichting: String,
}

impl Person {
    /// Reads a person; the roles are checked against the dossier.
    pub fn read(value: &Value) -> Result<Person, ValidationErrors> {
        let mut f = Fields::of(value)?;
        let naam = f.text("naam", true, 200);
        let rol = f.id("rol", true);
        let lot = f.code("lot", &Fate::ALL, Fate::code, true);
        let nieuwe_rol = f.id("nieuweRol", false);
        let toelichting = f.text("toelichting", false, 2_000);
        if lot == Some(Fate::NieuweRol) && nieuwe_rol.is_none() {
            f.errors.push("nieuweRol", Problem::Required);
        }
        let person = Person {
            naam,
            rol: rol.unwrap_or_default(),
            lot: lot.unwrap_or(Fate::Blijft),
            nieuwe_rol: nieuwe_rol.filter(|_| lot == Some(Fate::NieuweRol)),
            toelichting,
        };
        f.finish(person)
    }
}

/// FTE to a hundredth, so that sums read as people add them (0,2, not 0,19999999999999996).
fn hundredths(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// FTE before and after for one role.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleFte {
    pub id: Uuid,
    pub naam: String,
    pub verandering: Change,
    pub voor: f64,
    pub na: f64,
}

/// FTE per role and in total, before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct FteSummary {
    pub roles: Vec<RoleFte>,
    pub voor: f64,
    pub na: f64,
}

/// The FTE of every role and the totals.
pub fn fte(roles: &[(Uuid, Role)]) -> FteSummary {
    let rows: Vec<RoleFte> = roles
        .iter()
        .map(|(id, r)| RoleFte {
            id: *id,
            naam: r.naam.clone(),
            verandering: r.verandering,
            voor: r.fte_nu,
            na: r.fte_straks,
        })
        .collect();
    FteSummary {
        voor: hundredths(rows.iter().map(|r| r.voor).sum()),
        na: hundredths(rows.iter().map(|r| r.na).sum()),
        roles: rows,
    }
}

/// One competence over all roles: needed, available and the shortfall (FTE).
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub naam: String,
    pub nodig: f64,
    pub aanwezig: f64,
    pub tekort: f64,
}

/// The competences of every role after the change, summed by name (case-insensitive), the
/// largest shortfall first.
pub fn competence_gaps(roles: &[(Uuid, Role)]) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = Vec::new();
    for c in roles
        .iter()
        .filter(|(_, r)| r.verandering != Change::Verdwijnt)
        .flat_map(|(_, r)| &r.competenties)
    {
        match gaps
            .iter_mut()
            .find(|g| g.naam.to_lowercase() == c.naam.to_lowercase())
        {
            Some(g) => {
                g.nodig += c.nodig;
                g.aanwezig += c.aanwezig;
            }
            None => gaps.push(Gap {
                naam: c.naam.clone(),
                nodig: c.nodig,
                aanwezig: c.aanwezig,
                tekort: 0.0,
            }),
        }
    }
    for g in &mut gaps {
        g.nodig = hundredths(g.nodig);
        g.aanwezig = hundredths(g.aanwezig);
        g.tekort = hundredths((g.nodig - g.aanwezig).max(0.0));
    }
    gaps.sort_by(|a, b| b.tekort.total_cmp(&a.tekort).then(a.naam.cmp(&b.naam)));
    gaps
}
