//! The birthday index (`members::birthdays`): every member write keeps it in step, an older store
//! gets it when migrated, a broken one is reported, and a run composed through it is the run
//! composed over the whole register.

mod common;

use chrono::Duration;
use common::{d, new_store, raw_sled, set_raw_format_version};
use kapstok_core::basemail::rules::{self, Office, World};
use kapstok_core::basemail::{CardReason, Institution, Recipient, Run, Stay, Who};
use kapstok_core::common::IsoWeek;
use kapstok_core::members::birthdays::{self, day_key, BornOn};
use kapstok_core::members::{Member, MemberInput, Status};
use kapstok_core::store::{codec, Opened, Record, Store};
use kapstok_core::{demo, Error, Session};
use std::collections::HashMap;
use std::path::Path;

/// Opens the store itself (after every kapstok handle on it was dropped).
fn store(path: &Path) -> Store {
    common::open_store(path).0
}

fn born(given: &str, surname: &str, birth: &str) -> MemberInput {
    MemberInput {
        birth_date: birth.into(),
        consent_birthday_card: "01-01-2020".into(),
        ..common::member(given, "", surname)
    }
}

fn create(admin: &Session, input: &MemberInput) -> u64 {
    admin.members().create(input).unwrap().member.number
}

fn set_birth(admin: &Session, number: u64, birth: &str) {
    let m = admin.members().get(number).unwrap();
    let mut input = MemberInput::from_member(&m);
    input.birth_date = birth.into();
    admin.members().update(number, &input).unwrap();
}

fn listed(store: &Store, day: u64) -> Vec<u64> {
    store
        .get::<BornOn>(day)
        .unwrap()
        .map(|b| b.members)
        .unwrap_or_default()
}

#[test]
fn every_member_write_keeps_the_index_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let (k, admin) = new_store(dir.path());
    let leap = create(&admin, &born("Sam", "Schrikkel", "29-02-1980"));
    let june = create(&admin, &born("Juni", "Zomer", "15-06-1990"));
    let none = create(&admin, &born("Geen", "Datum", ""));
    let gone = create(&admin, &born("Weg", "Gegaan", "15-06-1970"));
    set_birth(&admin, june, "16-06-1990");
    set_birth(&admin, leap, "");
    set_birth(&admin, none, "01-01-2001");

    // An import goes through the same writes.
    let csv = admin.members().export_csv().unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other_path = other_dir.path().join("store");
    let (other_k, other_admin) = new_store(other_dir.path());
    let report = other_admin.members().import_csv(&csv, false).unwrap();
    assert_eq!(report.numbers.len(), 4, "{report:?}");

    admin
        .members()
        .change_status(
            gone,
            Status::Ended {
                reason: "verhuisd".into(),
            },
            common::today(),
        )
        .unwrap();
    admin.privacy().erase(gone).unwrap();

    drop((admin, k, other_admin, other_k));

    let s = store(&path);
    assert_eq!(listed(&s, 229), Vec::<u64>::new(), "the cleared date left");
    assert_eq!(
        listed(&s, 615),
        Vec::<u64>::new(),
        "moved, and the erased member left"
    );
    assert_eq!(listed(&s, 616), vec![june]);
    assert_eq!(listed(&s, 101), vec![none]);
    birthdays::check(&s).unwrap();
    drop(s);
    let other = store(&other_path);
    birthdays::check(&other).unwrap();
    assert_eq!(listed(&other, 616).len(), 1);
    assert_eq!(listed(&other, 615).len(), 1, "the member erased later");
    assert_eq!(listed(&other, 101).len(), 1);
}

#[test]
fn a_broken_index_is_reported_with_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let (k, admin) = new_store(dir.path());
    create(&admin, &born("Juni", "Zomer", "15-06-1990"));
    drop((admin, k));
    {
        let raw = raw_sled(&path);
        raw.open_tree("birthdays")
            .unwrap()
            .remove(615u64.to_be_bytes())
            .unwrap();
        raw.flush().unwrap();
    }
    let s = store(&path);
    match birthdays::check(&s) {
        Err(Error::Corrupt { tree, key, detail }) => {
            assert_eq!(tree, "birthdays");
            assert_eq!(key, "06-15");
            assert!(detail.contains("[1]"), "{detail}");
        }
        other => panic!("expected the index to be reported, got {other:?}"),
    }
}

#[test]
fn a_format2_store_gets_its_index_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let (k, admin) = new_store(dir.path());
    let number = create(
        &admin,
        &MemberInput {
            address_kind: "street".into(),
            street: "Keizersgracht".into(),
            house_number: "12".into(),
            postcode: "1015 CJ".into(),
            city: "Amsterdam".into(),
            ..born("Nov", "Ember", "24-11-1985")
        },
    );
    drop((admin, k));
    {
        // A store of format 2 had no birthday index.
        let raw = raw_sled(&path);
        assert!(raw.drop_tree("birthdays").unwrap());
        set_raw_format_version(&raw, 2);
        raw.flush().unwrap();
    }
    let k = common::open(&path);
    let Opened::Migrated { from, backup } = k.opened().clone() else {
        panic!("not migrated: {:?}", k.opened());
    };
    assert_eq!(from, 2);
    assert!(backup.exists(), "a backup before the migration");
    let admin = k.login(common::ADMIN, common::PASSWORD).unwrap();
    let run = admin
        .basemail()
        .compose(IsoWeek::of(d(2026, 11, 23)))
        .unwrap();
    assert!(
        run.cards
            .iter()
            .any(|c| c.who == Who::Member(number) && c.reasons == [CardReason::Birthday]),
        "the birthday is found through the new index: {run:?}"
    );
    drop((admin, k));
    birthdays::check(&store(&path)).unwrap();
}

#[test]
fn a_run_composed_through_the_index_is_the_run_over_the_whole_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let k = common::open(&path);
    // Above 300 members the demo writes in bulk: the index must follow that path too.
    demo::fill(&k, 900, 2026).unwrap();
    let admin = k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    // The edges of the calendar: 29 February (the 28th in other years), and its neighbours.
    for (given, birth) in [
        ("Schrikkel", "29-02-1992"),
        ("Februari", "28-02-1993"),
        ("Maart", "01-03-1994"),
        ("Oudjaar", "31-12-1995"),
        ("Nieuwjaar", "01-01-1996"),
    ] {
        create(&admin, &born(given, "Rand", birth));
    }
    // Every week of a common year and of a leap year, across both new years.
    let mut weeks = Vec::new();
    let mut day = d(2027, 1, 4);
    while day <= d(2029, 1, 7) {
        weeks.push(IsoWeek::of(day));
        day += Duration::days(7);
    }
    for week in &weeks {
        admin.basemail().compose(*week).unwrap();
    }
    let settings = admin.settings().unwrap();
    let office = Office {
        name: settings.office_name,
        address: settings.office_address,
    };
    drop((admin, k));

    let s = store(&path);
    birthdays::check(&s).unwrap();
    let members: HashMap<u64, Member> = s.scan::<Member>().unwrap().into_iter().collect();
    let recipients = s.scan::<Recipient>().unwrap();
    let stays = s.scan::<Stay>().unwrap();
    let institutions: HashMap<u64, Institution> =
        s.scan::<Institution>().unwrap().into_iter().collect();
    let world = World {
        members: &members,
        recipients: &recipients,
        stays: &stays,
        institutions: &institutions,
        office: &office,
    };
    let mut birthday_cards = 0;
    for week in weeks {
        let run = s.get::<Run>(Run::key(week)).unwrap().unwrap();
        let (cards, left_out) = rules::compose(week, world, &run.manual);
        assert_eq!(
            run.encode().unwrap(),
            codec::encode(&run.to_stored()).unwrap(),
            "a run encodes borrowed as it would cloned"
        );
        assert_eq!(run.cards, cards, "the cards of {week}");
        assert_eq!(run.left_out, left_out, "who was left out in {week}");
        birthday_cards += cards
            .iter()
            .filter(|c| c.reasons.contains(&CardReason::Birthday))
            .count();
    }
    for m in members.values().take(50) {
        assert_eq!(m.encode().unwrap(), codec::encode(&m.to_stored()).unwrap());
    }
    assert!(birthday_cards > 100, "{birthday_cards} birthday cards");
    let leap = IsoWeek::of(d(2028, 2, 29));
    let run = s.get::<Run>(Run::key(leap)).unwrap().unwrap();
    assert!(run.cards.iter().any(|c| c.name.contains("Schrikkel")));
    let common_year = IsoWeek::of(d(2027, 2, 28));
    let run = s.get::<Run>(Run::key(common_year)).unwrap().unwrap();
    assert!(
        run.cards.iter().any(|c| c.name.contains("Schrikkel")),
        "born on 29 February: the card goes in the week of the 28th"
    );
    assert_eq!(day_key(d(1992, 2, 29)), 229);
}
