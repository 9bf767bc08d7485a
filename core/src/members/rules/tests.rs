use super::*;
use crate::common::AddressKind;
use crate::members::model::MemberInput;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 23)
}

pub(crate) fn input() -> MemberInput {
    MemberInput {
        given: "Jan".into(),
        prefix: "van der".into(),
        surname: "Poel".into(),
        birth_date: "01-02-1970".into(),
        address_kind: "street".into(),
        street: "Keizersgracht".into(),
        house_number: "12".into(),
        postcode: "1015cs".into(),
        city: "Amsterdam".into(),
        joined: "2020-03-01".into(),
        ..MemberInput::default()
    }
}

fn fields(input: &MemberInput) -> Vec<(&'static str, Reason)> {
    validate(input, today())
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.field, e.reason))
        .collect()
}

#[test]
fn a_good_member_validates_and_normalises() {
    let v = validate(&input(), today()).unwrap();
    assert_eq!(v.name.sorted(), "Poel, Jan van der");
    assert_eq!(v.address.lines().unwrap()[1], "1015 CS  AMSTERDAM");
    assert_eq!(v.joined, d(2020, 3, 1));
    assert_eq!(v.birth_date, Some(d(1970, 2, 1)));
}

#[test]
fn every_bad_field_is_named() {
    let mut i = input();
    i.surname = " ".into();
    i.postcode = "123 AB".into();
    i.email = "jan@".into();
    i.birth_date = "31-02-1970".into();
    let errors = fields(&i);
    assert!(
        errors.contains(&("surname", Reason::Required)),
        "{errors:?}"
    );
    assert!(errors.contains(&("postcode", Reason::BadPostcode)));
    assert!(errors.contains(&("email", Reason::BadEmail)));
    assert!(errors.contains(&("birth_date", Reason::BadDate)));
    assert_eq!(errors.len(), 4);
}

#[test]
fn dates_in_order() {
    let mut i = input();
    i.birth_date = "24-11-2026".into();
    assert!(fields(&i).contains(&("birth_date", Reason::InFuture)));
    let mut i = input();
    i.joined = "01-01-1960".into();
    assert_eq!(fields(&i), [("joined", Reason::Before("birth_date"))]);
    let mut i = input();
    i.joined = String::new();
    assert_eq!(fields(&i), [("joined", Reason::Required)]);
    let mut i = input();
    i.birth_date = "23-11-2026".into();
    i.joined = "23-11-2026".into();
    assert_eq!(fields(&i), []);
}

#[test]
fn address_kinds() {
    let mut i = input();
    i.address_kind = "care_of".into();
    i.postcode = "nonsense".into();
    assert_eq!(
        validate(&i, today()).unwrap().address,
        Address::CareOfOffice
    );
    i.address_kind = "postbus".into();
    i.house_number = "2170".into();
    i.postcode = "8203AD".into();
    i.city = "Lelystad".into();
    assert_eq!(
        validate(&i, today()).unwrap().address.lines().unwrap(),
        ["Postbus 2170", "8203 AD  LELYSTAD"]
    );
    i.address_kind = "foreign".into();
    i.country = String::new();
    assert_eq!(fields(&i), [("country", Reason::Required)]);
    i.address_kind = "moon".into();
    assert_eq!(
        fields(&i),
        [("address_kind", Reason::NotOneOf(AddressKind::NAMES))]
    );
    i.address_kind = "street".into();
    i.house_number = "0".into();
    assert_eq!(fields(&i), [("house_number", Reason::BadNumber)]);
}

#[test]
fn consents_and_notes() {
    let mut i = input();
    i.consent_birthday_card = "01-01-2027".into();
    assert_eq!(fields(&i), [("consent_birthday_card", Reason::InFuture)]);
    i.consent_birthday_card = "01-01-2025".into();
    i.notes = "x".repeat(MAX_NOTES + 1);
    assert_eq!(fields(&i), [("notes", Reason::TooLong(MAX_NOTES))]);
    i.notes = "line one\nline two".into();
    let v = validate(&i, today()).unwrap();
    assert_eq!(v.consents.birthday_card, Some(d(2025, 1, 1)));
    assert_eq!(v.notes, "line one\nline two");
    i.known_as = "Lange\nJan".into();
    assert_eq!(fields(&i), [("known_as", Reason::Multiline)]);
}

fn member() -> Member {
    validate(&input(), today()).unwrap().into_member(7)
}

#[test]
fn status_changes_follow_the_history() {
    let m = member();
    let ended = Status::Ended {
        reason: "moved away".into(),
    };
    assert_eq!(
        check_status_change(&m, &ended, d(2026, 1, 1), today()),
        Ok(())
    );
    let errs = check_status_change(&m, &Status::Active, d(2026, 1, 1), today()).unwrap_err();
    assert_eq!(errs[0].reason, Reason::Unchanged);
    let errs = check_status_change(
        &m,
        &Status::Ended { reason: " ".into() },
        d(2026, 1, 1),
        today(),
    )
    .unwrap_err();
    assert_eq!(errs[0].field, "status_reason");
    let errs = check_status_change(&m, &Status::Deceased, d(2019, 1, 1), today()).unwrap_err();
    assert_eq!(errs[0].reason, Reason::Before("joined"));
    let errs = check_status_change(&m, &Status::Deceased, d(2026, 11, 24), today()).unwrap_err();
    assert_eq!(errs[0].reason, Reason::InFuture);
    let mut m = m;
    m.status_history.push(StatusEntry {
        since: d(2025, 1, 1),
        status: Status::Suspended,
    });
    let errs = check_status_change(&m, &Status::Active, d(2024, 12, 31), today()).unwrap_err();
    assert_eq!(errs[0].reason, Reason::Before("status_since"));
    assert_eq!(
        check_status_change(&m, &Status::Active, d(2025, 1, 1), today()),
        Ok(())
    );
    assert_eq!(m.status_on(d(2024, 12, 31)), Some(&Status::Active));
    assert_eq!(m.status_on(d(2025, 1, 1)), Some(&Status::Suspended));
    assert_eq!(m.status_on(d(2019, 1, 1)), None);
}

#[test]
fn duplicate_warning_needs_name_and_birth_date() {
    let existing = member();
    let mut i = input();
    i.given = "JAN".into();
    let v = validate(&i, today()).unwrap();
    assert_eq!(
        warnings(&v, None, [&existing]),
        [Warning::PossibleDuplicate { number: 7 }]
    );
    assert_eq!(warnings(&v, Some(7), [&existing]), []);
    i.birth_date = "02-02-1970".into();
    assert_eq!(
        warnings(&validate(&i, today()).unwrap(), None, [&existing]),
        []
    );
    i.birth_date = String::new();
    assert_eq!(
        warnings(&validate(&i, today()).unwrap(), None, [&existing]),
        []
    );
}

#[test]
fn out_of_sight_boundary() {
    let mut a = member();
    a.last_contact = Some(today() - chrono::Days::new(8 * 7));
    let mut b = member();
    b.number = 8;
    b.last_contact = Some(today() - chrono::Days::new(8 * 7 + 1));
    let mut c = member();
    c.number = 9;
    c.last_contact = None; // joined 2020: long out of sight
    let mut gone = member();
    gone.number = 10;
    gone.status_history.push(StatusEntry {
        since: d(2021, 1, 1),
        status: Status::Deceased,
    });
    let all = [a, b, c, gone];
    let list: Vec<(u64, i64)> = out_of_sight(&all, today(), 8)
        .into_iter()
        .map(|(m, days)| (m.number, days))
        .collect();
    assert_eq!(list.iter().map(|x| x.0).collect::<Vec<_>>(), [9, 8]);
    assert_eq!(list[1].1, 57);
}
