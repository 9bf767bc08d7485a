use super::*;
use crate::basemail::model::InstitutionKind;
use crate::common::{PersonName, Postcode};
use crate::members::{Consents, StatusEntry};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn week() -> IsoWeek {
    IsoWeek::parse("2026-W48").unwrap() // 23-29 Nov 2026
}

fn member(number: u64, given: &str, surname: &str) -> Member {
    let joined = d(2020, 1, 1);
    Member {
        number,
        name: PersonName::new(given, "", surname),
        known_as: String::new(),
        birth_date: Some(d(1980, 6, 1)),
        phone: String::new(),
        email: String::new(),
        address: Address::CareOfOffice,
        status_history: vec![StatusEntry {
            since: joined,
            status: Status::Active,
        }],
        joined,
        consents: Consents::default(),
        last_contact: None,
        notes: String::new(),
    }
}

fn lelystad() -> Institution {
    Institution {
        name: "PI Lelystad".into(),
        kind: InstitutionKind::Prison,
        address: Address::Postbus {
            number: 2170,
            postcode: Postcode::parse("8203AD").unwrap(),
            city: "Lelystad".into(),
        },
        // PI Lelystad wants the full name, the cell and the registration number.
        needs_registration_number: true,
        needs_unit: true,
        needs_sender: true,
        house_rules: "Alleen kaarten, niets insluiten.".into(),
    }
}

fn office() -> Office {
    Office {
        name: "Vereniging Kantoor".into(),
        address: Address::Street {
            street: "Hartenstraat".into(),
            number: 10,
            addition: String::new(),
            postcode: Postcode::parse("1016CB").unwrap(),
            city: "Amsterdam".into(),
        },
    }
}

fn recipient_for(member: u64) -> Recipient {
    Recipient {
        member: Some(member),
        name: PersonName::default(),
        known_as: String::new(),
        birthday: None,
        ill_since: None,
        notes: String::new(),
    }
}

fn stay(recipient: u64, from: NaiveDate) -> Stay {
    Stay {
        recipient,
        institution: 1,
        unit: "Afdeling B, cel 214".into(),
        registration_number: "1234567".into(),
        from,
        expected_release: None,
        ended_on: None,
        confirmed_on: None,
        check_needed: false,
    }
}

struct Setup {
    members: HashMap<u64, Member>,
    recipients: Vec<(u64, Recipient)>,
    stays: Vec<(u64, Stay)>,
    institutions: HashMap<u64, Institution>,
    office: Office,
}

impl Setup {
    fn new() -> Setup {
        Setup {
            members: HashMap::new(),
            recipients: Vec::new(),
            stays: Vec::new(),
            institutions: HashMap::from([(1, lelystad())]),
            office: office(),
        }
    }

    fn compose(&self, week: IsoWeek, manual: &[ManualChange]) -> (Vec<Card>, Vec<LeftOut>) {
        compose(
            week,
            World {
                members: &self.members,
                recipients: &self.recipients,
                stays: &self.stays,
                institutions: &self.institutions,
                office: &self.office,
            },
            manual,
        )
    }

    fn detained(&mut self, number: u64, from: NaiveDate) -> &mut Stay {
        self.members
            .insert(number, member(number, "Jan", &format!("Jansen{number}")));
        self.recipients.push((number * 10, recipient_for(number)));
        self.stays.push((number * 100, stay(number * 10, from)));
        &mut self.stays.last_mut().unwrap().1
    }
}

fn left(list: &[LeftOut]) -> Vec<(Who, LeftOutReason)> {
    list.iter().map(|l| (l.who, l.reason.clone())).collect()
}

#[test]
fn a_detainee_gets_a_card_at_the_prison_with_the_prison_lines() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 10, 1));
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(out, []);
    assert_eq!(cards.len(), 1);
    let c = &cards[0];
    assert_eq!(c.who, Who::Member(1));
    assert_eq!(c.reasons, [CardReason::Detained]);
    assert_eq!(
        c.address,
        [
            "Jan Jansen1",
            "Reg.nr. 1234567",
            "Afdeling B, cel 214",
            "PI Lelystad",
            "Postbus 2170",
            "8203 AD  LELYSTAD"
        ]
    );
    assert_eq!(c.house_rules, "Alleen kaarten, niets insluiten.");
    assert!(c.needs_sender);
}

#[test]
fn stay_boundaries_within_the_week() {
    let mut s = Setup::new();
    s.detained(1, week().sunday()); // starts on Sunday: in
    s.detained(2, week().sunday() + Days::new(1)); // starts next Monday: out, nothing to say
    s.detained(3, d(2026, 1, 1)).ended_on = Some(week().sunday()); // ends on Sunday: out
    s.detained(4, d(2026, 1, 1)).ended_on = Some(week().sunday() + Days::new(1)); // ends next week: in
    s.detained(5, d(2026, 1, 1)).ended_on =
        Some(week().monday() - Days::new(RECENTLY_ENDED_DAYS + 1)); // long gone
    let (cards, out) = s.compose(week(), &[]);
    let who: Vec<Who> = cards.iter().map(|c| c.who).collect();
    assert_eq!(who.len(), 2);
    assert!(who.contains(&Who::Member(1)) && who.contains(&Who::Member(4)));
    assert_eq!(left(&out), [(Who::Member(3), LeftOutReason::StayEnded)]);
}

#[test]
fn moving_is_ending_one_stay_and_starting_another() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 1, 1)).ended_on = Some(d(2026, 11, 1));
    let mut new = stay(10, d(2026, 11, 1));
    new.registration_number = "7654321".into();
    s.stays.push((999, new));
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(out, [], "the old stay is not a reason to leave out");
    assert_eq!(cards[0].address[1], "Reg.nr. 7654321");
    assert_eq!(cards[0].stay, Some(999));
}

#[test]
fn release_date_passed_without_confirmation_is_a_warning() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 1, 1)).expected_release = Some(week().monday() - Days::new(1));
    s.detained(2, d(2026, 1, 1)).expected_release = Some(week().monday());
    let confirmed = s.detained(3, d(2026, 1, 1));
    confirmed.expected_release = Some(d(2026, 11, 1));
    confirmed.confirmed_on = Some(d(2026, 11, 2));
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(left(&out), [(Who::Member(1), LeftOutReason::ReleasePassed)]);
    assert_eq!(cards.len(), 2);
}

#[test]
fn a_returned_card_stops_cards_until_the_stay_is_checked() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 1, 1)).check_needed = true;
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(cards, []);
    assert_eq!(left(&out), [(Who::Member(1), LeftOutReason::Returned)]);
    s.stays[0].1.check_needed = false;
    assert_eq!(s.compose(week(), &[]).0.len(), 1);
}

#[test]
fn birthdays_need_consent_and_a_detainee_birthday_is_one_card() {
    let mut s = Setup::new();
    let mut with = member(1, "Zoë", "de Wit");
    with.birth_date = Some(d(1990, 11, 29)); // Sunday of the week
    with.consents.birthday_card = Some(d(2024, 1, 1));
    let mut without = member(2, "Kees", "Kok");
    without.birth_date = Some(d(1970, 11, 23)); // Monday
    let mut later = member(3, "Piet", "Bos");
    later.birth_date = Some(d(1970, 11, 30)); // next Monday
    later.consents.birthday_card = Some(d(2024, 1, 1));
    for m in [with, without, later] {
        s.members.insert(m.number, m);
    }
    s.detained(4, d(2026, 1, 1));
    let m4 = s.members.get_mut(&4).unwrap();
    m4.birth_date = Some(d(1985, 11, 25));
    m4.consents.birthday_card = Some(d(2025, 1, 1));
    let (cards, out) = s.compose(week(), &[]);
    let by_who: HashMap<Who, &Card> = cards.iter().map(|c| (c.who, c)).collect();
    assert_eq!(cards.len(), 2);
    assert_eq!(by_who[&Who::Member(1)].reasons, [CardReason::Birthday]);
    assert_eq!(by_who[&Who::Member(1)].address[1], "p/a Vereniging Kantoor");
    assert_eq!(
        by_who[&Who::Member(4)].reasons,
        [CardReason::Detained, CardReason::Birthday]
    );
    assert_eq!(left(&out), [(Who::Member(2), LeftOutReason::NoConsent)]);
}

#[test]
fn deceased_ended_and_addressless_are_left_out_with_their_reason() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 1, 1));
    s.members
        .get_mut(&1)
        .unwrap()
        .status_history
        .push(StatusEntry {
            since: d(2026, 5, 1),
            status: Status::Deceased,
        });
    s.detained(2, d(2026, 1, 1));
    s.members
        .get_mut(&2)
        .unwrap()
        .status_history
        .push(StatusEntry {
            since: d(2026, 5, 1),
            status: Status::Ended {
                reason: "opgezegd".into(),
            },
        });
    s.detained(3, d(2026, 1, 1)).registration_number = String::new();
    let mut ill = member(4, "Els", "Vos");
    ill.address = Address::Unknown;
    s.members.insert(4, ill);
    s.recipients.push((
        40,
        Recipient {
            ill_since: Some(d(2026, 11, 1)),
            ..recipient_for(4)
        },
    ));
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(cards, []);
    let mut got = left(&out);
    got.sort_by_key(|(w, _)| *w);
    assert_eq!(
        got,
        [
            (Who::Member(1), LeftOutReason::Deceased),
            (Who::Member(2), LeftOutReason::Ended),
            (
                Who::Member(3),
                LeftOutReason::NoAddress("registration_number".into())
            ),
            (Who::Member(4), LeftOutReason::NoAddress("address".into())),
        ]
    );
}

#[test]
fn ill_members_and_non_members_from_the_scene() {
    let mut s = Setup::new();
    let mut ill = member(1, "Els", "Vos");
    ill.address = Address::Foreign {
        street: "Hauptstraße 5".into(),
        postcode: "10115".into(),
        city: "Berlin".into(),
        country: "Germany".into(),
    };
    s.members.insert(1, ill);
    s.recipients.push((
        10,
        Recipient {
            ill_since: Some(d(2026, 11, 20)),
            ..recipient_for(1)
        },
    ));
    s.recipients.push((
        20,
        Recipient {
            member: None,
            name: PersonName::new("Şükrü", "", "Yılmaz"),
            known_as: "Sjoekie".into(),
            birthday: Some(d(1975, 11, 24)),
            ill_since: None,
            notes: String::new(),
        },
    ));
    s.stays.push((200, stay(20, d(2026, 3, 1))));
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(out, []);
    let by_who: HashMap<Who, &Card> = cards.iter().map(|c| (c.who, c)).collect();
    assert_eq!(by_who[&Who::Member(1)].reasons, [CardReason::Ill]);
    assert_eq!(
        by_who[&Who::Member(1)].address,
        ["Els Vos", "Hauptstraße 5", "10115  Berlin", "GERMANY"]
    );
    assert_eq!(
        by_who[&Who::Recipient(20)].reasons,
        [CardReason::Detained, CardReason::Birthday]
    );
    assert_eq!(by_who[&Who::Recipient(20)].address[0], "Şükrü Yılmaz");
    // A non-member without a stay has no address: nothing to send, and nothing to say when
    // there is no reason either.
    s.stays.clear();
    let (cards, out) = s.compose(week(), &[]);
    assert_eq!(cards.len(), 1);
    assert_eq!(
        left(&out),
        [(
            Who::Recipient(20),
            LeftOutReason::NoAddress("address".into())
        )]
    );
}

#[test]
fn changes_by_hand_survive_composing_again() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 1, 1));
    let mut other = member(2, "Anna", "Smit");
    other.address = Address::CareOfOffice;
    s.members.insert(2, other);
    s.recipients.push((20, recipient_for(2)));
    let manual = [
        ManualChange::Add {
            recipient: 20,
            reason: "net uit de kliniek".into(),
        },
        ManualChange::Remove {
            who: Who::Member(1),
            reason: "zit in isolatie".into(),
        },
    ];
    let (cards, out) = s.compose(week(), &manual);
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].who, Who::Member(2));
    assert_eq!(cards[0].reasons, [CardReason::Manual]);
    assert_eq!(cards[0].manual_reason, "net uit de kliniek");
    assert_eq!(
        left(&out),
        [(
            Who::Member(1),
            LeftOutReason::RemovedByHand("zit in isolatie".into())
        )]
    );
}

#[test]
fn marks_carry_over_and_orders() {
    let mut s = Setup::new();
    s.detained(1, d(2026, 1, 1));
    s.detained(2, d(2026, 1, 1));
    let (mut old, _) = s.compose(week(), &[]);
    old[0].writer = "Henk".into();
    old[0].written = true;
    let (mut new, _) = s.compose(week(), &[]);
    carry_marks(&old, &mut new);
    assert_eq!(new[0].writer, "Henk");
    assert!(new[0].written);
    assert!(!new[1].written);
    sort_by_name(&mut new, &SortNames::new());
    assert!(new[0].name <= new[1].name);
}

/// Members detained at two prisons, with tussenvoegsels and diacritics in their names.
fn dutch_names() -> Setup {
    let mut s = Setup::new();
    let mut zwolle = lelystad();
    zwolle.name = "PI Zwolle".into();
    s.institutions.insert(2, zwolle);
    let people = [
        (1, "Jan", "van der", "Poel", 1),
        (2, "Anouk", "", "Zwart", 1),
        (3, "Bas", "", "Öztürk", 1),
        (4, "Anouk", "de", "Boer", 2),
        (5, "Zoë", "", "Bakker", 1),
        (6, "Piet", "'t", "Hart", 2),
        (7, "Anouk", "", "Pieters", 1),
        (8, "Émile", "", "Poel", 1),
    ];
    for (number, given, prefix, surname, institution) in people {
        let mut m = member(number, given, surname);
        m.name = PersonName::new(given, prefix, surname);
        s.members.insert(number, m);
        s.recipients.push((number * 10, recipient_for(number)));
        let mut st = stay(number * 10, d(2026, 1, 1));
        st.institution = institution;
        s.stays.push((number * 100, st));
    }
    s
}

fn names_of(s: &Setup) -> SortNames {
    sort_names(s.members.values().map(|m| (Who::Member(m.number), &m.name)))
}

#[test]
fn cards_follow_the_registers_dutch_order_within_each_institution() {
    let s = dutch_names();
    let (cards, _) = s.compose(week(), &[]);
    let order: Vec<(&str, &str)> = cards
        .iter()
        .map(|c| (c.institution_name.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("PI Lelystad", "Zoë Bakker"),
            ("PI Lelystad", "Bas Öztürk"),
            ("PI Lelystad", "Anouk Pieters"),
            ("PI Lelystad", "Émile Poel"),
            ("PI Lelystad", "Jan van der Poel"),
            ("PI Lelystad", "Anouk Zwart"),
            ("PI Zwolle", "Anouk de Boer"),
            ("PI Zwolle", "Piet 't Hart"),
        ]
    );
    // Sorting again by institution gives the same order, from any order.
    let mut again = cards.clone();
    again.reverse();
    sort_by_institution(&mut again, &names_of(&s));
    assert_eq!(again, cards);
}

#[test]
fn name_order_is_the_registers_dutch_order() {
    let s = dutch_names();
    let (mut cards, _) = s.compose(week(), &[]);
    sort_by_name(&mut cards, &names_of(&s));
    let names: Vec<&str> = cards.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Zoë Bakker",
            "Anouk de Boer",
            "Piet 't Hart",
            "Bas Öztürk",
            "Anouk Pieters",
            "Émile Poel",
            "Jan van der Poel",
            "Anouk Zwart",
        ]
    );
    // The same rule as the member register's.
    let mut members: Vec<Member> = s.members.values().cloned().collect();
    crate::members::rules::sort_members(&mut members);
    let register: Vec<String> = members.iter().map(|m| m.name.full()).collect();
    assert_eq!(names, register);
}

#[test]
fn a_53_week_year_and_its_new_year_week() {
    let mut s = Setup::new();
    let mut m = member(1, "Noëlle", "Bakker");
    m.birth_date = Some(d(1999, 1, 2));
    m.consents.birthday_card = Some(d(2020, 1, 1));
    s.members.insert(1, m);
    let w53 = IsoWeek::parse("2026-W53").unwrap();
    assert_eq!(
        s.compose(w53, &[]).0.len(),
        1,
        "2 January 2027 lies in 2026-W53"
    );
    assert_eq!(s.compose(w53.next(), &[]).0.len(), 0);
    assert_eq!(s.compose(w53.previous(), &[]).0.len(), 0);
}

/// The envelope of a card at an institution with these requirements, for a stay with these
/// fields stored: the lines of the label as laid out on a sheet (the layout model), or the field
/// the card is left out for.
fn envelope(
    needs_registration_number: bool,
    needs_unit: bool,
    registration_number: &str,
    unit: &str,
) -> Result<Vec<String>, LeftOutReason> {
    let mut s = Setup::new();
    let clinic = s.institutions.get_mut(&1).unwrap();
    clinic.name = "Detoxkliniek Oost".into();
    clinic.kind = InstitutionKind::DetoxClinic;
    clinic.needs_registration_number = needs_registration_number;
    clinic.needs_unit = needs_unit;
    let stay = s.detained(1, d(2026, 10, 1));
    stay.registration_number = registration_number.into();
    stay.unit = unit.into();
    let (cards, out) = s.compose(week(), &[]);
    if let Some(left) = out.first() {
        assert!(cards.is_empty());
        return Err(left.reason.clone());
    }
    assert_eq!(cards.len(), 1);
    let sheet = crate::print::sheets::find("avery-l7160").unwrap();
    let placed = crate::print::layout(
        &sheet,
        crate::print::Calibration::default(),
        1,
        &[cards[0].address.clone()],
    )
    .unwrap();
    let label = &placed.pages[0].labels[0];
    let lines: Vec<String> = label.lines.iter().map(|l| l.text.clone()).collect();
    // The snapshot on the card is what the label prints.
    assert_eq!(lines, cards[0].address);
    Ok(lines)
}

const REG: &str = "1228262";
const UNIT: &str = "Afdeling A, cel 292";

fn lines(extra: &[&str]) -> Result<Vec<String>, LeftOutReason> {
    let mut all = vec!["Jan Jansen1".to_string()];
    all.extend(extra.iter().map(|l| l.to_string()));
    all.extend(
        ["Detoxkliniek Oost", "Postbus 2170", "8203 AD  LELYSTAD"]
            .iter()
            .map(|l| l.to_string()),
    );
    Ok(all)
}

macro_rules! envelope_cases {
    ($($name:ident: ($needs_reg:expr, $needs_unit:expr, $reg:expr, $unit:expr) => $want:expr;)*) => {
        $(
            #[test]
            fn $name() {
                assert_eq!(envelope($needs_reg, $needs_unit, $reg, $unit), $want);
            }
        )*
    };
}

envelope_cases! {
    // Nothing extra asked (a detox clinic): nothing extra printed, whatever is stored.
    envelope_nothing_asked_nothing_stored: (false, false, "", "") => lines(&[]);
    envelope_nothing_asked_reg_stored: (false, false, REG, "") => lines(&[]);
    envelope_nothing_asked_unit_stored: (false, false, "", UNIT) => lines(&[]);
    envelope_nothing_asked_both_stored: (false, false, REG, UNIT) => lines(&[]);
    // Registration number only (most prisons).
    envelope_reg_asked_nothing_stored: (true, false, "", "") =>
        Err(LeftOutReason::NoAddress("registration_number".into()));
    envelope_reg_asked_reg_stored: (true, false, REG, "") => lines(&["Reg.nr. 1228262"]);
    envelope_reg_asked_unit_stored: (true, false, "", UNIT) =>
        Err(LeftOutReason::NoAddress("registration_number".into()));
    envelope_reg_asked_both_stored: (true, false, REG, UNIT) => lines(&["Reg.nr. 1228262"]);
    // Unit only (the long-stay clinic).
    envelope_unit_asked_nothing_stored: (false, true, "", "") =>
        Err(LeftOutReason::NoAddress("unit".into()));
    envelope_unit_asked_reg_stored: (false, true, REG, "") =>
        Err(LeftOutReason::NoAddress("unit".into()));
    envelope_unit_asked_unit_stored: (false, true, "", UNIT) => lines(&[UNIT]);
    envelope_unit_asked_both_stored: (false, true, REG, UNIT) => lines(&[UNIT]);
    // Both (PI Lelystad).
    envelope_both_asked_nothing_stored: (true, true, "", "") =>
        Err(LeftOutReason::NoAddress("registration_number".into()));
    envelope_both_asked_reg_stored: (true, true, REG, "") =>
        Err(LeftOutReason::NoAddress("unit".into()));
    envelope_both_asked_unit_stored: (true, true, "", UNIT) =>
        Err(LeftOutReason::NoAddress("registration_number".into()));
    envelope_both_asked_both_stored: (true, true, REG, UNIT) =>
        lines(&["Reg.nr. 1228262", UNIT]);
}
