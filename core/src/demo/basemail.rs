//! The demo's BaseMail: institutions, recipients and their stays, and the past weeks' card runs.

use super::Rng;
use crate::access::Session;
use crate::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use crate::common::{format_date, IsoWeek};
use crate::common::{Address, Postcode};
use crate::error::{Error, Result};
use crate::members::Member;
use crate::settings::Settings;
use chrono::Days;

fn institution(
    name: &str,
    kind: &str,
    address: [&str; 6],
    needs: (bool, bool, bool),
    house_rules: &str,
) -> InstitutionInput {
    let [address_kind, street, house_number, postcode, city, country] = address;
    InstitutionInput {
        name: name.into(),
        kind: kind.into(),
        address_kind: address_kind.into(),
        street: street.into(),
        house_number: house_number.into(),
        postcode: postcode.into(),
        city: city.into(),
        country: country.into(),
        needs_registration_number: needs.0,
        needs_unit: needs.1,
        needs_sender: needs.2,
        house_rules: house_rules.into(),
        ..InstitutionInput::default()
    }
}

/// BaseMail demo data: the office, institutions (the two prisons with the Postbus addresses
/// FACTS.md gives; the others are marked as demo addresses), detainees and clinic residents with
/// stays relative to today, ill members, non-members from the scene, and four past runs, posted,
/// with one returned card.
pub(super) fn fill(admin: &Session, members: &[Member], seed: u64) -> Result<()> {
    let today = admin.today();
    admin.set_settings(&Settings {
        office_name: "Vereniging Kapstok (demo)".into(),
        office_address: Address::Street {
            street: "Hartenstraat".into(),
            number: 10,
            addition: String::new(),
            postcode: Postcode::parse("1016 CB").ok_or(Error::Storage("demo postcode".into()))?,
            city: "Amsterdam".into(),
        },
        ..admin.settings()?
    })?;
    let bm = admin.basemail();
    let plain =
        "Alleen gewone kaarten; niets insluiten: geen stickers, foto's, postzegels of parfum.";
    let ids = [
        bm.add_institution(&institution(
            "PI Lelystad",
            "prison",
            ["postbus", "", "2170", "8203 AD", "Lelystad", ""],
            (true, true, false),
            &format!("Volledige naam, celnummer en registratienummer vermelden. {plain}"),
        ))?,
        bm.add_institution(&institution(
            "Justitieel Complex Schiphol",
            "detention_centre",
            ["postbus", "", "7518", "1118 ZG", "Luchthaven Schiphol", ""],
            (true, false, true),
            &format!("Afzender op de envelop. Post wordt geopend; soms alleen een fotokopie. {plain}"),
        ))?,
        bm.add_institution(&institution(
            "Kliniek voor Duurzaam Verblijf",
            "long_stay_clinic",
            ["postbus", "", "100", "9410 AA", "Beilen", ""],
            (false, true, false),
            "Demo-adres: controleer het adres voor gebruik. Kaarten worden op de afdeling uitgereikt.",
        ))?,
        bm.add_institution(&institution(
            "Detoxkliniek Oost (demo)",
            "detox_clinic",
            ["street", "Kliniekweg", "5", "1091 AA", "Amsterdam", ""],
            (false, false, false),
            "Demo-adres. Geen eten of snoep meesturen.",
        ))?,
        bm.add_institution(&institution(
            "JVA Moabit (demo)",
            "prison_abroad",
            ["foreign", "Alt-Moabit 12a", "", "10559", "Berlin", "Germany"],
            (true, false, true),
            "Demo-adres. Buchnummer vermelden; afzender in Nederland.",
        ))?,
    ];
    let mut rng = Rng::new(seed ^ 0xBA5E);
    let living: Vec<&Member> = members.iter().filter(|m| m.status().is_member()).collect();
    let mut used = std::collections::HashSet::new();
    let mut pick = |rng: &mut Rng| -> Option<u64> {
        for _ in 0..50 {
            let m = living.get(rng.below(living.len() as u64) as usize)?;
            if used.insert(m.number) {
                return Some(m.number);
            }
        }
        None
    };
    let days_ago = |n: u64| today - Days::new(n);
    // Detainees and clinic residents, some moved once.
    for i in 0..14u64 {
        let Some(number) = pick(&mut rng) else { break };
        let recipient = bm.recipient_for_member(number)?;
        let inst = ids[(i % ids.len() as u64) as usize];
        let from = days_ago(20 + rng.below(300));
        let stay = StayInput {
            institution: inst,
            unit: format!(
                "Afdeling {}, cel {}",
                ["A", "B", "C", "D"][(i % 4) as usize],
                100 + rng.below(200)
            ),
            registration_number: format!("{}", 1_000_000 + rng.below(8_999_999)),
            from: format_date(from),
            expected_release: match i {
                3 | 9 => format_date(days_ago(10)),
                5 => format_date(today + Days::new(120)),
                _ => String::new(),
            },
        };
        let stay_id = bm.start_stay(recipient, &stay)?;
        if i == 7 {
            let moved = StayInput {
                institution: ids[0],
                from: format_date(days_ago(12)),
                ..stay.clone()
            };
            let _ = stay_id;
            bm.move_to(recipient, &moved)?;
        }
    }
    // Released a few weeks ago: drops out and shows as "stay ended".
    if let Some(number) = pick(&mut rng) {
        let recipient = bm.recipient_for_member(number)?;
        let stay = bm.start_stay(
            recipient,
            &StayInput {
                institution: ids[1],
                registration_number: "4455667".into(),
                from: format_date(days_ago(200)),
                ..StayInput::default()
            },
        )?;
        bm.end_stay(stay, days_ago(15))?;
    }
    // Ill members.
    for _ in 0..3 {
        if let Some(number) = pick(&mut rng) {
            let recipient = bm.recipient_for_member(number)?;
            bm.set_ill(recipient, Some(days_ago(rng.below(30))))?;
        }
    }
    // Friends from the scene who are not members.
    for (given, surname, known_as, inst) in [
        ("Şükrü", "Yılmaz", "Sjoekie", ids[0]),
        ("Łukasz", "Kowalczyk", "Luk", ids[4]),
    ] {
        let recipient = bm.add_recipient(&RecipientInput {
            given: given.into(),
            surname: surname.into(),
            known_as: known_as.into(),
            ..RecipientInput::default()
        })?;
        bm.start_stay(
            recipient,
            &StayInput {
                institution: inst,
                registration_number: format!("{}", 2_000_000 + rng.below(999_999)),
                unit: "Afdeling E".into(),
                from: format_date(days_ago(90)),
                ..StayInput::default()
            },
        )?;
    }
    Ok(())
}

/// Four past runs, posted on their Friday, with writers; one card came back last week. Composed
/// after every other area, so that they hold everyone. The writers and written marks go into the
/// run in one transaction per run (the service's one card per call would rewrite a run of
/// thousands of cards thousands of times at scale).
pub(super) fn past_runs(admin: &Session) -> Result<()> {
    use crate::basemail::Run;
    let today = admin.today();
    let bm = admin.basemail();
    let writers = ["Henk", "Els", "Mo", "Ans"];
    let this_week = IsoWeek::of(today);
    let mut week = this_week;
    let mut weeks = Vec::new();
    for _ in 0..4 {
        week = week.previous();
        weeks.push(week);
    }
    for week in weeks.into_iter().rev() {
        let mut run = bm.compose(week)?;
        for (i, card) in run.cards.iter_mut().enumerate() {
            card.writer = writers[i % writers.len()].into();
            card.written = true;
        }
        let now = admin.now();
        admin.store().transact(|tx| {
            tx.put(Run::key(week), &run)?;
            admin.audit(
                tx,
                now,
                "run.written",
                &format!("run/{week}"),
                &format!("{} cards", run.cards.len()),
            )
        })?;
        let friday = week.monday() + Days::new(4);
        let run = bm.post(week, friday.min(today))?;
        if week == this_week.previous() {
            if let Some(card) = run.cards.iter().find(|c| c.stay.is_some()) {
                bm.mark_returned(week, card.who, today.min(friday + Days::new(3)))?;
            }
        }
    }
    Ok(())
}
