//! Gemeente Voorbeeld in the middle of its transition: hosting and the service desk go to the
//! market. The IT team's roles today and after (with the directing roles of the SIAM/BiSL
//! template), the six people affected, a plan whose procurement is done and whose stabilisation
//! is planned too short, a milestone that slipped, a risk dossier with a week of history (one
//! risk grew, one is new, one mitigation is late, one submitted by Centric through the supplier
//! portal) and the communication plan.

use crate::DemoError;
use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use regisseur_domain::Lang;
use regisseur_domain::transition::people::template;
use regisseur_domain::transition::plan::Plan;
use regisseur_domain::transition::{Item, ItemKind};
use regisseur_store::{Actor, Store};
use serde_json::{Value, json};
use uuid::Uuid;

fn read(kind: ItemKind, value: Value) -> Result<Item, DemoError> {
    kind.read(&value).map_err(|e| DemoError::Data {
        file: "transition.rs",
        line: 0,
        message: format!("{}: {e}", kind.resource()),
    })
}

/// `months` after `today` (the same day when that does not exist).
fn later(today: NaiveDate) -> impl Fn(u32) -> NaiveDate {
    move |months| {
        today
            .checked_add_months(Months::new(months))
            .unwrap_or(today)
    }
}

/// `months` before `today`.
fn earlier(today: NaiveDate) -> impl Fn(u32) -> NaiveDate {
    move |months| {
        today
            .checked_sub_months(Months::new(months))
            .unwrap_or(today)
    }
}

/// The plan as of `today`: preparation and procurement behind us, transition now,
/// stabilisation four months where six are the minimum.
pub(crate) fn plan(today: NaiveDate) -> Result<Plan, DemoError> {
    let (later, earlier) = (later(today), earlier(today));
    let d = |date: NaiveDate| date.to_string();
    Plan::read(&json!({
        "fasen": [
            {"fase": "voorbereiding", "start": d(earlier(11)), "eind": d(earlier(6))},
            {"fase": "aanbesteding", "start": d(earlier(6)), "eind": d(earlier(1))},
            {"fase": "transitie", "start": d(earlier(1)), "eind": d(later(5))},
            {"fase": "stabilisatie", "start": d(later(5)), "eind": d(later(9))},
            {"fase": "regie", "start": d(later(9)), "eind": d(later(57))},
        ],
        "minStabilisatieMaanden": 6,
        "aanbesteding": {"soort": "diensten", "jaarwaarde": 450000, "maanden": 48, "optieMaanden": 24},
    }))
    .map_err(|e| DemoError::Data {
        file: "transition.rs",
        line: 0,
        message: format!("plan: {e}"),
    })
}

pub(crate) async fn load(
    store: &Store,
    organisation: Uuid,
    supplier: Option<Uuid>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), DemoError> {
    let actor = Actor {
        user_id: None,
        email: "regisseur@voorbeeld.nl".into(),
    };
    let (later, earlier) = (later(today), earlier(today));
    let d = |date: NaiveDate| date.to_string();

    let plan = plan(today)?;
    store
        .save_transition_plan(&actor, organisation, &plan)
        .await?;

    // The roles today, then the directing roles of the template.
    let mut roles = std::collections::HashMap::new();
    for (name, value) in [
        (
            "systeem",
            json!({"naam": "Systeembeheerder", "domein": "hosting-en-datacenter", "verandering": "verdwijnt",
            "takenNu": "Servers, opslag en back-up in het eigen datacenter; patchen; storingen oplossen.", "fteNu": 4.0, "fteStraks": 0}),
        ),
        (
            "servicedesk",
            json!({"naam": "Servicedeskmedewerker", "domein": "servicedesk", "verandering": "verdwijnt",
            "takenNu": "Meldingen aannemen en oplossen, wachtwoorden, werkplekken uitgeven.", "fteNu": 3.2, "fteStraks": 0}),
        ),
        (
            "applicatie",
            json!({"naam": "Applicatiebeheerder", "domein": "technisch-applicatiebeheer-en-integratie", "verandering": "verandert",
            "takenNu": "Installeren en updaten van applicaties op eigen servers.", "takenStraks": "Releases van de partner testen en inplannen; koppelingen bewaken.",
            "fteNu": 3.0, "fteStraks": 2.0,
            "competenties": [{"naam": "Functioneel beheer (BiSL)", "nodig": 2.0, "aanwezig": 1.0}, {"naam": "Servicemanagement (ITIL/SIAM)", "nodig": 1.0, "aanwezig": 0.5}]}),
        ),
        (
            "teamleider",
            json!({"naam": "Teamleider ICT", "domein": "regie-en-service-integratie", "verandering": "verandert",
            "takenNu": "Leidinggeven aan het ICT-team; planning; budget.", "takenStraks": "Leidinggeven aan het regieteam; escalaties met de partner.",
            "fteNu": 1.0, "fteStraks": 1.0,
            "competenties": [{"naam": "Relatiebeheer en onderhandelen", "nodig": 1.0, "aanwezig": 0.5}]}),
        ),
    ] {
        let id = store
            .save_transition_item_at(
                &actor,
                organisation,
                None,
                read(ItemKind::Role, value)?,
                now,
            )
            .await?;
        roles.insert(name, id);
    }
    for mut role in template(Lang::Nl) {
        // What the municipality already has of each competence.
        for c in &mut role.competenties {
            c.aanwezig = match c.naam.as_str() {
                "Contractmanagement" => 0.4,
                "Informatiemanagement (BiSL)" => 0.8,
                "Functioneel beheer (BiSL)" => 1.5,
                "Informatiebeveiliging (BIO)" => 0.3,
                _ => 0.0,
            };
        }
        let key = role.naam.clone();
        let id = store
            .save_transition_item_at(&actor, organisation, None, Item::Role(role), now)
            .await?;
        if key == "Service level manager" {
            roles.insert("slm", id);
        } else if key == "Functioneel beheerder" {
            roles.insert("fb", id);
        }
    }
    let role = |name: &str| roles.get(name).map(Uuid::to_string).unwrap_or_default();

    // The people affected (fictitious).
    for value in [
        json!({"naam": "Jan de Vries", "rol": role("systeem"), "lot": "naar-partner", "toelichting": "Gaat mee naar Rekencentrum Noord (overgang van onderneming besproken)."}),
        json!({"naam": "Kees Jansen", "rol": role("systeem"), "lot": "naar-partner"}),
        json!({"naam": "Fatima El Amrani", "rol": role("systeem"), "lot": "nieuwe-rol", "nieuweRol": role("slm"), "toelichting": "Opleiding SIAM Foundation in het eerste kwartaal."}),
        json!({"naam": "Peter Bakker", "rol": role("servicedesk"), "lot": "vertrekt", "toelichting": "Met pensioen na de migratie."}),
        json!({"naam": "Sanne Visser", "rol": role("servicedesk"), "lot": "nieuwe-rol", "nieuweRol": role("fb")}),
        json!({"naam": "Linda de Boer", "rol": role("applicatie"), "lot": "blijft"}),
    ] {
        store
            .save_transition_item_at(
                &actor,
                organisation,
                None,
                read(ItemKind::Person, value)?,
                now,
            )
            .await?;
    }

    // Milestones, with dependencies; the signed contract slipped.
    let mut milestones: Vec<Uuid> = Vec::new();
    for (name, phase, date, owner, deps, done) in [
        (
            "Collegebesluit uitbesteding hosting en servicedesk",
            "voorbereiding",
            earlier(9),
            "CIO",
            vec![],
            true,
        ),
        (
            "Marktconsultatie afgerond",
            "voorbereiding",
            earlier(7),
            "Inkoper",
            vec![0],
            true,
        ),
        (
            "Gunningsbeslissing",
            "aanbesteding",
            earlier(2),
            "Inkoper",
            vec![1],
            true,
        ),
        (
            "Contract getekend",
            "aanbesteding",
            today - Days::new(10),
            "Contractmanager",
            vec![2],
            false,
        ),
        (
            "Proefmigratie testomgeving",
            "transitie",
            later(2),
            "Projectleider transitie",
            vec![3],
            false,
        ),
        (
            "Migratie productie (weekend)",
            "transitie",
            later(4),
            "Projectleider transitie",
            vec![4],
            false,
        ),
        (
            "Overdracht naar regie",
            "stabilisatie",
            later(9),
            "Informatiemanager",
            vec![5],
            false,
        ),
    ] {
        let value = json!({"naam": name, "fase": phase, "datum": d(date), "eigenaar": owner,
            "afhankelijkVan": deps.iter().filter_map(|i: &usize| milestones.get(*i)).map(Uuid::to_string).collect::<Vec<_>>(),
            "gereed": done});
        milestones.push(
            store
                .save_transition_item_at(
                    &actor,
                    organisation,
                    None,
                    read(ItemKind::Milestone, value)?,
                    now,
                )
                .await?,
        );
    }

    // The risk dossier, with how it stood a week and a day ago.
    let week_ago = now - chrono::Duration::days(8);
    let risk = |title: &str,
                cause: &str,
                effect: &str,
                kans: u8,
                impact: u8,
                owner: &str,
                mitigation: &str,
                due: Option<NaiveDate>,
                status: &str| {
        json!({"titel": title, "oorzaak": cause, "gevolg": effect, "kans": kans, "impact": impact,
            "eigenaar": owner, "maatregel": mitigation, "maatregelVoor": due.map(|x| x.to_string()), "status": status})
    };
    let knowledge = risk(
        "Kennis van de eigen omgeving verdwijnt",
        "Systeembeheerders gaan over naar de partner of vertrekken",
        "Storingen duren langer; niemand kent de uitzonderingen",
        3,
        4,
        "Teamleider ICT",
        "Kennisoverdracht in runbooks vóór de migratie",
        Some(earlier(0) - Days::new(5)),
        "in-behandeling",
    );
    let dip = risk(
        "Dip na de wittebroodsweken",
        "Verwachtingen bij de start hoger dan de dienstverlening in de eerste maanden",
        "Ontevredenheid bij medewerkers en bestuur",
        3,
        3,
        "Informatiemanager",
        "Verwachtingen vastleggen; stabilisatie ruim plannen",
        None,
        "open",
    );
    let lockin = risk(
        "Vendor lock-in bij de hostingpartner",
        "Eigen beheertooling van de partner",
        "Overstappen na het contract wordt duur",
        2,
        4,
        "Contractmanager",
        "Exitplan met proefmigratie in het contract",
        Some(later(6)),
        "open",
    );
    let resistance = risk(
        "Weerstand bij medewerkers",
        "Onzekerheid over plaatsing",
        "Uitval en vertrek van sleutelfiguren",
        3,
        3,
        "Teamleider ICT",
        "Persoonlijke gesprekken; plaatsingsplan",
        None,
        "beheerst",
    );
    let mut ids = Vec::new();
    for value in [&knowledge, &dip, &lockin, &resistance] {
        ids.push(
            store
                .save_transition_item_at(
                    &actor,
                    organisation,
                    None,
                    read(ItemKind::Risk, value.clone())?,
                    week_ago,
                )
                .await?,
        );
    }
    // This week: the dip grew, knowledge loss got a new owner.
    let mut dip_now = dip.clone();
    dip_now["kans"] = json!(4);
    dip_now["impact"] = json!(4);
    store
        .save_transition_item_at(
            &actor,
            organisation,
            ids.get(1).copied(),
            read(ItemKind::Risk, dip_now)?,
            now,
        )
        .await?;
    let mut knowledge_now = knowledge.clone();
    knowledge_now["eigenaar"] = json!("Projectleider transitie");
    store
        .save_transition_item_at(
            &actor,
            organisation,
            ids.first().copied(),
            read(ItemKind::Risk, knowledge_now)?,
            now,
        )
        .await?;
    store
        .save_transition_item_at(
            &actor,
            organisation,
            None,
            read(
                ItemKind::Risk,
                risk(
                    "Gegevens gaan verloren bij de migratie",
                    "Geen volledige proefmigratie",
                    "Dossiers onvolledig na de overgang",
                    2,
                    5,
                    "Projectleider transitie",
                    "Proefmigratie met controle op aantallen en steekproef",
                    Some(later(2)),
                    "open",
                ),
            )?,
            now,
        )
        .await?;
    // Submitted by Centric through the supplier portal: their interfaces move with the hosting.
    if let Some(supplier) = supplier {
        let Item::Risk(mut r) = read(
            ItemKind::Risk,
            risk(
                "Koppelingen Burgerzaken vallen weg bij de verhuizing",
                "Vaste IP-adressen en certificaten in de koppelingen met Key2Burgerzaken",
                "Burgerzaken kan een dag geen paspoorten aanvragen",
                3,
                4,
                "",
                "Koppelingen vooraf testen vanuit de nieuwe omgeving",
                None,
                "open",
            ),
        )?
        else {
            return Ok(());
        };
        r.leverancier = Some(supplier);
        store
            .save_transition_item_at(
                &Actor {
                    user_id: None,
                    email: "leverancier@voorbeeld.nl".into(),
                },
                organisation,
                None,
                Item::Risk(r),
                now,
            )
            .await?;
    }

    // The communication plan.
    for (audience, message, moment, channel, owner, done) in [
        (
            "medewerkers",
            "Waarom we hosting en servicedesk uitbesteden, en wat het voor ieder betekent",
            earlier(9),
            "Teambijeenkomst",
            "CIO",
            true,
        ),
        (
            "raad",
            "Raadsinformatiebrief: besluit tot uitbesteding en de businesscase",
            earlier(8),
            "Raadsinformatiebrief",
            "Wethouder bedrijfsvoering",
            true,
        ),
        (
            "medewerkers",
            "Plaatsingsgesprekken: ieders nieuwe plek",
            today - Days::new(14),
            "Persoonlijk gesprek",
            "Teamleider ICT",
            false,
        ),
        (
            "partner",
            "Kick-off transitie: werkwijze, overleggen, escalatie",
            today - Days::new(20),
            "Startbijeenkomst",
            "Informatiemanager",
            true,
        ),
        (
            "inwoners",
            "Website en balie: digitale diensten een weekend niet beschikbaar",
            later(4),
            "Website en sociale media",
            "Communicatieadviseur",
            false,
        ),
        (
            "raad",
            "Voortgang transitie en eerste ervaringen",
            later(6),
            "Raadsinformatiebrief",
            "Wethouder bedrijfsvoering",
            false,
        ),
    ] {
        let value = json!({"doelgroep": audience, "boodschap": message, "moment": d(moment), "kanaal": channel, "eigenaar": owner, "gedaan": done});
        store
            .save_transition_item_at(
                &actor,
                organisation,
                None,
                read(ItemKind::Message, value)?,
                now,
            )
            .await?;
    }
    Ok(())
}
