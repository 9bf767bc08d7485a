//! BaseMail through the service: stays, runs, permissions, and the demo data.

mod common;

use chrono::Days;
use common::{
    add_member, add_user, d, detain, member_since_2020, new_store, stay, today, ADMIN, PASSWORD,
};
use kapstok_core::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use kapstok_core::basemail::{CardReason, LeftOutReason, Who};
use kapstok_core::common::IsoWeek;
use kapstok_core::{Error, FieldError, Permission, Reason, Role, Session};

/// PI Lelystad asking for the registration number and the unit, with house rules.
fn lelystad() -> InstitutionInput {
    InstitutionInput {
        needs_registration_number: true,
        needs_unit: true,
        house_rules: "Alleen kaarten.".into(),
        ..common::lelystad()
    }
}

fn member(admin: &Session, given: &str, surname: &str) -> u64 {
    add_member(admin, &member_since_2020(given, "", surname))
}

fn this_week() -> IsoWeek {
    IsoWeek::of(today())
}

#[test]
fn detained_member_appears_in_the_run_and_drops_out_after_release() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let number = member(&admin, "Łukasz", "Wiśniewski");
    let r = bm.recipient_for_member(number).unwrap();
    assert_eq!(
        bm.recipient_for_member(number).unwrap(),
        r,
        "one recipient per member"
    );
    let s = bm.start_stay(r, &stay(pi, d(2026, 10, 1))).unwrap();

    let run = bm.compose(this_week()).unwrap();
    assert_eq!(run.cards.len(), 1);
    let card = &run.cards[0];
    assert_eq!(card.who, Who::Member(number));
    assert_eq!(card.reasons, [CardReason::Detained]);
    assert_eq!(
        card.address,
        [
            "Łukasz Wiśniewski",
            "Reg.nr. 1234567",
            "Afdeling B",
            "PI Lelystad",
            "Postbus 2170",
            "8203 AD  LELYSTAD"
        ]
    );
    assert_eq!(card.house_rules, "Alleen kaarten.");

    bm.end_stay(s, today()).unwrap();
    let next = bm.compose(this_week().next()).unwrap();
    assert_eq!(next.cards, []);
    assert_eq!(next.left_out.len(), 1);
    assert_eq!(next.left_out[0].reason, LeftOutReason::StayEnded);
    // The snapshot of this week's card is history: it keeps the address it used.
    assert_eq!(
        bm.run(this_week()).unwrap().unwrap().cards[0].address[0],
        "Łukasz Wiśniewski"
    );
}

#[test]
fn stays_do_not_overlap_and_moving_keeps_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let mut other = lelystad();
    other.name = "PI Zwolle".into();
    let zwolle = bm.add_institution(&other).unwrap();
    let r = bm
        .recipient_for_member(member(&admin, "Jan", "Smit"))
        .unwrap();
    bm.start_stay(r, &stay(pi, d(2026, 6, 1))).unwrap();
    let err = bm.start_stay(r, &stay(zwolle, d(2026, 9, 1))).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(e) if e == &[FieldError::new("from", Reason::Overlaps)]),
        "{err:?}"
    );
    let err = bm.start_stay(r, &stay(zwolle, d(2026, 5, 1))).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(_)),
        "a stay before an open stay overlaps it"
    );
    bm.move_to(r, &stay(zwolle, d(2026, 9, 1))).unwrap();
    let stays = bm.stays(r).unwrap();
    assert_eq!(stays.len(), 2);
    assert_eq!(stays[0].1.ended_on, Some(d(2026, 9, 1)));
    assert_eq!(stays[1].1.institution, zwolle);
    assert_eq!(stays[1].1.ended_on, None);
    let run = bm.compose(this_week()).unwrap();
    assert_eq!(run.cards[0].institution_name, "PI Zwolle");
    // Bad input names the field.
    let bad = StayInput {
        from: "31-02-2026".into(),
        expected_release: "gisteren".into(),
        ..stay(pi, d(2026, 1, 1))
    };
    match bm.start_stay(r, &bad) {
        Err(Error::Invalid(e)) => {
            let fields: Vec<&str> = e.iter().map(|f| f.field).collect();
            assert_eq!(fields, ["from", "expected_release"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_returned_card_stops_cards_until_the_stay_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let number = member(&admin, "Kees", "Kok");
    let r = bm.recipient_for_member(number).unwrap();
    let s = bm.start_stay(r, &stay(pi, d(2026, 1, 1))).unwrap();
    let week = this_week().previous();
    bm.compose(week).unwrap();
    let who = Who::Member(number);
    assert!(
        matches!(bm.mark_returned(week, who, today()), Err(Error::Invalid(_))),
        "not posted yet"
    );
    let posted = bm.post(week, today() - Days::new(3)).unwrap();
    assert!(posted.closed_on.is_some());
    assert!(matches!(bm.compose(week), Err(Error::Invalid(e)) if e[0].reason == Reason::Closed));
    assert!(matches!(
        bm.mark_written(week, who, false),
        Err(Error::Invalid(_))
    ));
    bm.mark_returned(week, who, today()).unwrap();
    let run = bm.compose(this_week()).unwrap();
    assert_eq!(run.cards, []);
    assert_eq!(run.left_out[0].reason, LeftOutReason::Returned);
    bm.checked(s).unwrap();
    assert_eq!(bm.compose(this_week()).unwrap().cards.len(), 1);
    let stats = bm.stats(week.year()).unwrap();
    assert_eq!(stats.total, 1);
    assert_eq!(stats.returned, 1);
    assert_eq!(stats.per_week.get(&week.week()), Some(&1));
    assert_eq!(stats.by_reason.get(&CardReason::Detained), Some(&1));
}

#[test]
fn changes_by_hand_and_marks_survive_composing_again() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let a = member(&admin, "Anna", "Bos");
    let ra = bm.recipient_for_member(a).unwrap();
    bm.start_stay(ra, &stay(pi, d(2026, 1, 1))).unwrap();
    let friend = bm
        .add_recipient(&RecipientInput {
            given: "Şükrü".into(),
            surname: "Yılmaz".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    bm.start_stay(friend, &stay(pi, d(2026, 1, 1))).unwrap();
    let week = this_week();
    bm.compose(week).unwrap();
    bm.assign_writer(week, Who::Member(a), "Henk").unwrap();
    bm.mark_written(week, Who::Member(a), true).unwrap();
    assert!(matches!(
        bm.remove_by_hand(week, Who::Recipient(friend), " "),
        Err(Error::Invalid(_))
    ));
    bm.remove_by_hand(week, Who::Recipient(friend), "zit in isolatie")
        .unwrap();
    let run = bm.compose(week).unwrap();
    assert_eq!(run.cards.len(), 1);
    assert_eq!(run.cards[0].writer, "Henk");
    assert!(run.cards[0].written);
    assert_eq!(
        run.left_out[0].reason,
        LeftOutReason::RemovedByHand("zit in isolatie".into())
    );
}

#[test]
fn volunteers_run_basemail_but_manage_nothing_and_see_no_members() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    add_user(&admin, Role::Volunteer, PASSWORD);
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let r = bm
        .recipient_for_member(member(&admin, "Els", "Vos"))
        .unwrap();
    bm.start_stay(r, &stay(pi, d(2026, 1, 1))).unwrap();
    let v = k.login("vrijwilliger", PASSWORD).unwrap();
    let vb = v.basemail();
    let run = vb.compose(this_week()).unwrap();
    assert_eq!(run.cards.len(), 1);
    assert_eq!(vb.recipient_names().unwrap().len(), 1);
    let denied = |e: Error| {
        assert!(
            matches!(e, Error::Denied(Permission::BaseMailManage)),
            "{e:?}"
        )
    };
    denied(vb.add_institution(&lelystad()).unwrap_err());
    denied(vb.recipients().unwrap_err());
    denied(vb.stays(r).unwrap_err());
    denied(vb.start_stay(r, &stay(pi, d(2026, 2, 1))).unwrap_err());
    denied(vb.set_ill(r, None).unwrap_err());
    assert!(matches!(
        v.members().list(),
        Err(Error::Denied(Permission::MembersRead))
    ));
    let _ = ADMIN;
}

#[test]
fn the_demo_has_this_weeks_cards_and_posted_history() {
    let dir = tempfile::tempdir().unwrap();
    let k = common::demo_store(dir.path());
    let admin = common::demo_admin(&k);
    let bm = admin.basemail();
    assert!(bm.institutions().unwrap().len() >= 5);
    let run = bm.compose(this_week()).unwrap();
    assert!(run.cards.len() >= 10, "{} cards", run.cards.len());
    for reason in [CardReason::Detained, CardReason::Clinic, CardReason::Ill] {
        assert!(
            run.cards.iter().any(|c| c.reasons.contains(&reason)),
            "{reason:?}"
        );
    }
    assert!(run
        .left_out
        .iter()
        .any(|l| l.reason == LeftOutReason::ReleasePassed));
    assert!(run
        .left_out
        .iter()
        .any(|l| l.reason == LeftOutReason::StayEnded));
    assert!(run
        .left_out
        .iter()
        .any(|l| l.reason == LeftOutReason::Returned));
    assert!(run
        .cards
        .iter()
        .any(|c| c.address.last().map(String::as_str) == Some("GERMANY")));
    let runs = bm.runs().unwrap();
    assert_eq!(runs.iter().filter(|r| r.closed_on.is_some()).count(), 4);
    assert!(runs
        .iter()
        .any(|r| r.cards.iter().any(|c| c.returned.is_some())));
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

#[test]
fn labels_print_the_weeks_cards_and_report_what_does_not_fit() {
    use kapstok_core::basemail::LabelOrder;
    use kapstok_core::print::{Calibration, FitReason};
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    add_user(&admin, Role::Volunteer, PASSWORD);
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    for (given, surname) in [
        ("Łukasz", "Wiśniewski"),
        ("Zoë", "de Wit"),
        ("Şükrü", "Yılmaz"),
    ] {
        let r = bm
            .recipient_for_member(member(&admin, given, surname))
            .unwrap();
        bm.start_stay(r, &stay(pi, d(2026, 1, 1))).unwrap();
    }
    let v = k.login("vrijwilliger", PASSWORD).unwrap();
    let vb = v.basemail();
    // Not composed yet: printing composes it.
    let job = vb
        .labels(this_week(), "avery-l7160", 20, LabelOrder::Name)
        .unwrap()
        .ready()
        .unwrap();
    assert_eq!(
        (job.labels, job.pages),
        (3, 2),
        "cells 20 and 21, then a new sheet"
    );
    let text = pdf_text(&job.pdf);
    for name in [
        "Łukasz Wiśniewski",
        "Zoë de Wit",
        "Şükrü Yılmaz",
        "8203 AD  LELYSTAD",
    ] {
        assert!(text.contains(name), "{name} in {text}");
    }
    // Unknown sheet, bad start, bad calibration: clear errors.
    assert!(
        matches!(vb.labels(this_week(), "avery-9999", 1, LabelOrder::Name), Err(Error::Invalid(e)) if e[0].field == "sheet")
    );
    assert!(
        matches!(vb.labels(this_week(), "avery-l7160", 22, LabelOrder::Name), Err(Error::Invalid(e)) if e[0].field == "start")
    );
    let bad = Calibration {
        offset_x_mm: 5.5,
        offset_y_mm: 0.0,
    };
    assert!(
        matches!(vb.set_calibration(bad), Err(Error::Invalid(e)) if e[0].field == "offset_x_mm")
    );
    vb.set_calibration(Calibration {
        offset_x_mm: 1.5,
        offset_y_mm: -0.5,
    })
    .unwrap();
    assert_eq!(vb.print_settings().unwrap().calibration().offset_x_mm, 1.5);
    assert!(vb.test_print("herma-4677").unwrap().starts_with(b"%PDF"));

    // A unit far too long for a label: the card is named, nothing printed.
    let long = bm
        .recipient_for_member(member(&admin, "Piet", "Langenaam"))
        .unwrap();
    bm.start_stay(
        long,
        &StayInput {
            unit: "Afdeling ".repeat(9),
            ..stay(pi, d(2026, 1, 1))
        },
    )
    .unwrap();
    bm.compose(this_week()).unwrap();
    match vb.labels(this_week(), "avery-l7160", 1, LabelOrder::Institution) {
        Err(Error::Unfit(list)) => {
            assert_eq!(list.len(), 1, "{list:?}");
            assert_eq!(list[0].name, "Piet Langenaam");
            assert!(matches!(list[0].reason, FitReason::TooWide { .. }));
            assert!(list[0]
                .line
                .as_deref()
                .unwrap_or("")
                .starts_with("Afdeling Afdeling"));
        }
        other => panic!("{other:?}"),
    }

    // The run sheet holds every card with its house rules.
    let sheet = vb
        .run_sheet(this_week(), kapstok_text::Lang::Nl)
        .unwrap()
        .ready()
        .unwrap();
    let text = pdf_text(&sheet);
    assert!(
        text.contains(&format!("BaseMail-ronde {}", this_week())),
        "{text}"
    );
    assert!(text.contains("Zoë de Wit (gedetineerd)"), "{text}");
    assert!(text.contains("Huisregels: Alleen kaarten."), "{text}");
    for dutch in ["geschreven", "gepost", "Schrijver"] {
        assert!(text.contains(dutch), "{dutch} in {text}");
    }

    // In English the same sheet carries the English words and none of the Dutch.
    let sheet = vb
        .run_sheet(this_week(), kapstok_text::Lang::En)
        .unwrap()
        .ready()
        .unwrap();
    let text = pdf_text(&sheet);
    assert!(
        text.contains(&format!("BaseMail run {}", this_week())),
        "{text}"
    );
    assert!(text.contains("Zoë de Wit (detained)"), "{text}");
    assert!(text.contains("House rules: Alleen kaarten."), "{text}");
    for english in ["written", "posted", "Writer"] {
        assert!(text.contains(english), "{english} in {text}");
    }
    for dutch in [
        "BaseMail-ronde",
        "gedetineerd",
        "Huisregels",
        "geschreven",
        "gepost",
        "Schrijver",
    ] {
        assert!(
            !text.contains(dutch),
            "{dutch} in the English sheet: {text}"
        );
    }
}

#[test]
fn custom_sheets_are_validated_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let mut sheet = kapstok_core::print::sheets::find("avery-l7163").unwrap();
    assert!(
        matches!(bm.save_sheet(&sheet), Err(Error::Invalid(e)) if e[0].reason == Reason::Taken)
    );
    sheet.id = "kantoor-2x7".into();
    sheet.name = "Kantoorvel 2 x 7".into();
    sheet.rows = 9;
    assert!(matches!(bm.save_sheet(&sheet), Err(Error::Invalid(e)) if e[0].field == "rows"));
    sheet.rows = 7;
    sheet.left_mm = 5.2;
    bm.save_sheet(&sheet).unwrap();
    assert_eq!(bm.sheet("KANTOOR-2x7").unwrap().left_mm, 5.2);
    assert_eq!(
        bm.sheets().unwrap().len(),
        kapstok_core::print::sheets::builtin().len() + 1
    );
}

#[test]
fn an_institution_without_an_address_gets_one_error_per_missing_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let empty = InstitutionInput {
        address_kind: "postbus".into(),
        ..lelystad()
    };
    let empty = InstitutionInput {
        house_number: String::new(),
        postcode: String::new(),
        ..empty
    };
    match bm.add_institution(&empty) {
        Err(Error::Invalid(e)) => {
            let fields: Vec<&str> = e.iter().map(|f| f.field).collect();
            assert_eq!(fields, ["house_number", "postcode"]);
        }
        other => panic!("{other:?}"),
    }
    let care_of = InstitutionInput {
        address_kind: "care_of".into(),
        ..lelystad()
    };
    match bm.add_institution(&care_of) {
        Err(Error::Invalid(e)) => assert_eq!(
            e,
            [FieldError::new(
                "address_kind",
                Reason::NotOneOf(&["postbus", "street", "foreign"])
            )]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_refused_printer_name_saves_nothing() {
    use kapstok_core::print::Calibration;
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let c = Calibration {
        offset_x_mm: 1.0,
        offset_y_mm: 1.0,
    };
    match bm.configure_printer("kantoor printer", c) {
        Err(Error::Invalid(e)) => assert_eq!(e, [FieldError::new("printer", Reason::BadId)]),
        other => panic!("{other:?}"),
    }
    assert_eq!(bm.print_settings().unwrap(), Default::default());
    bm.configure_printer("kantoor", c).unwrap();
    bm.set_printer("").unwrap();
    assert_eq!(
        bm.print_settings().unwrap().calibration(),
        Calibration::default()
    );
    bm.set_printer("kantoor").unwrap();
    assert_eq!(
        bm.print_settings().unwrap().calibration(),
        c,
        "each printer keeps its own calibration"
    );
}

fn clinic(
    name: &str,
    kind: &str,
    needs_registration_number: bool,
    needs_unit: bool,
) -> InstitutionInput {
    InstitutionInput {
        name: name.into(),
        kind: kind.into(),
        needs_registration_number,
        needs_unit,
        ..lelystad()
    }
}

fn detained_at(
    admin: &Session,
    institution: u64,
    given: &str,
    surname: &str,
    reg: &str,
    unit: &str,
) -> u64 {
    let number = member(admin, given, surname);
    detain(
        admin,
        number,
        &StayInput {
            registration_number: reg.into(),
            unit: unit.into(),
            ..stay(institution, d(2026, 1, 1))
        },
    );
    number
}

#[test]
fn envelopes_carry_only_what_the_institution_asks_for_on_labels_and_the_run_sheet() {
    use kapstok_core::basemail::LabelOrder;
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let detox = bm
        .add_institution(&clinic("Detoxkliniek Oost", "detox_clinic", false, false))
        .unwrap();
    let beilen = bm
        .add_institution(&clinic(
            "Kliniek voor Duurzaam Verblijf",
            "long_stay_clinic",
            false,
            true,
        ))
        .unwrap();
    let pi = bm.add_institution(&lelystad()).unwrap();
    // Every stay has both a registration number and a unit stored.
    detained_at(
        &admin,
        detox,
        "Anna",
        "Oost",
        "1228262",
        "Afdeling A, cel 292",
    );
    detained_at(&admin, beilen, "Bert", "Beilen", "2228262", "Paviljoen 3");
    detained_at(&admin, pi, "Cor", "Lely", "3228262", "Afdeling B, cel 214");

    let job = bm
        .labels(this_week(), "avery-l7160", 1, LabelOrder::Institution)
        .unwrap()
        .ready()
        .unwrap();
    assert_eq!(job.labels, 3);
    let sheet = bm
        .run_sheet(this_week(), kapstok_text::Lang::Nl)
        .unwrap()
        .ready()
        .unwrap();
    for text in [pdf_text(&job.pdf), pdf_text(&sheet)] {
        // The detox clinic asks for nothing extra; the long-stay clinic for the unit only.
        for leak in ["1228262", "cel 292", "2228262"] {
            assert!(!text.contains(leak), "{leak} printed: {text}");
        }
        for wanted in [
            "Detoxkliniek Oost",
            "Paviljoen 3",
            "Reg.nr. 3228262",
            "Afdeling B, cel 214",
        ] {
            assert!(text.contains(wanted), "{wanted} missing: {text}");
        }
    }
    // The card's address snapshot holds no more than the envelope either.
    let run = bm.run(this_week()).unwrap().unwrap();
    let oost = run.cards.iter().find(|c| c.name == "Anna Oost").unwrap();
    assert_eq!(
        oost.address,
        [
            "Anna Oost",
            "Detoxkliniek Oost",
            "Postbus 2170",
            "8203 AD  LELYSTAD"
        ]
    );
}

/// Where each name first appears in a PDF's text.
fn order_in(text: &str, names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("{n} not in {text}")))
        .collect()
}

#[test]
fn labels_follow_the_registers_dutch_order() {
    use kapstok_core::basemail::LabelOrder;
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let pi = bm.add_institution(&lelystad()).unwrap();
    for (given, prefix, surname) in [
        ("Anouk", "", "Zwart"),
        ("Jan", "van der", "Poel"),
        ("Zoë", "", "Bakker"),
        ("Anouk", "", "Pieters"),
        ("Bas", "", "Öztürk"),
        ("Émile", "", "Poel"),
    ] {
        let number = admin
            .members()
            .create(&common::member(given, prefix, surname))
            .unwrap()
            .member
            .number;
        let r = bm.recipient_for_member(number).unwrap();
        bm.start_stay(r, &stay(pi, d(2026, 1, 1))).unwrap();
    }
    let register = [
        "Zoë Bakker",
        "Bas Öztürk",
        "Anouk Pieters",
        "Émile Poel",
        "Jan van der Poel",
        "Anouk Zwart",
    ];
    for order in [LabelOrder::Name, LabelOrder::Institution] {
        let job = bm
            .labels(this_week(), "avery-l7160", 1, order)
            .unwrap()
            .ready()
            .unwrap();
        let at = order_in(&pdf_text(&job.pdf), &register);
        let mut sorted = at.clone();
        sorted.sort_unstable();
        assert_eq!(at, sorted, "{order:?}: {register:?} at {at:?}");
    }
}

#[test]
fn labels_compose_an_open_run_again_keeping_marks_and_print_a_posted_run_as_it_was() {
    use kapstok_core::basemail::{LabelOrder, Printout};
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let week = this_week();
    // Composed before anyone was in the register: an empty run.
    assert_eq!(bm.compose(week).unwrap().cards, []);
    let print = |bm: &kapstok_core::basemail::BaseMail<'_>| {
        bm.labels(week, "avery-l7160", 1, LabelOrder::Institution)
            .unwrap()
    };
    assert!(matches!(print(&bm), Printout::NoCards(n) if n.total() == 0));

    // Members imported with a birthday this week and consent, and a detainee added.
    let csv = "number;given;surname;birth_date;address_kind;street;house_number;postcode;city;joined;consent_birthday_card\n\
               ;Els;Jarig;25-11-1980;street;Keizersgracht;12;1015CS;Amsterdam;01-01-2020;01-01-2024\n";
    admin.members().import_csv(csv.as_bytes(), false).unwrap();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let jan = detained_at(&admin, pi, "Jan", "Smit", "1234567", "Afdeling B");
    let job = print(&bm).ready().expect("the new cards");
    assert_eq!(job.labels, 2);
    let text = pdf_text(&job.pdf);
    assert!(
        text.contains("Els Jarig") && text.contains("Jan Smit"),
        "{text}"
    );

    // Marks and changes by hand are kept when labels compose the run again.
    bm.assign_writer(week, Who::Member(jan), "Henk").unwrap();
    bm.mark_written(week, Who::Member(jan), true).unwrap();
    let els = bm
        .run(week)
        .unwrap()
        .unwrap()
        .cards
        .iter()
        .find(|c| c.name == "Els Jarig")
        .unwrap()
        .who;
    bm.remove_by_hand(week, els, "verhuisd").unwrap();
    let piet = detained_at(&admin, pi, "Piet", "Nieuw", "7654321", "Afdeling C");
    assert_eq!(print(&bm).ready().unwrap().labels, 2);
    let run = bm.run(week).unwrap().unwrap();
    let names: Vec<&str> = run.cards.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Piet Nieuw", "Jan Smit"]);
    let card = run
        .cards
        .iter()
        .find(|c| c.who == Who::Member(jan))
        .unwrap();
    assert_eq!((card.writer.as_str(), card.written), ("Henk", true));
    assert!(run
        .left_out
        .iter()
        .any(|l| l.who == els && l.reason == LeftOutReason::RemovedByHand("verhuisd".into())));
    assert!(run.cards.iter().any(|c| c.who == Who::Member(piet)));

    // A posted run is printed as it was: someone detained since is not added.
    bm.post(week, today()).unwrap();
    detained_at(&admin, pi, "Kees", "Later", "1111111", "Afdeling D");
    let job = print(&bm).ready().unwrap();
    assert_eq!(job.labels, 2);
    assert!(!pdf_text(&job.pdf).contains("Kees Later"));
    assert_eq!(bm.run(week).unwrap().unwrap().cards.len(), 2);
}

#[test]
fn an_empty_week_says_who_was_left_out_and_why() {
    use kapstok_core::basemail::{LabelOrder, Printout};
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    // Two birthdays this week without consent, one stay ended this week.
    let csv = "number;given;surname;birth_date;address_kind;joined\n\
               ;Els;Jarig;25-11-1980;care_of;01-01-2020\n\
               ;Kim;Jarig;26-11-1985;care_of;01-01-2020\n";
    admin.members().import_csv(csv.as_bytes(), false).unwrap();
    let pi = bm.add_institution(&lelystad()).unwrap();
    let number = member(&admin, "Jan", "Vrij");
    let r = bm.recipient_for_member(number).unwrap();
    let s = bm.start_stay(r, &stay(pi, d(2026, 1, 1))).unwrap();
    bm.end_stay(s, today()).unwrap();

    let Printout::NoCards(none) = bm
        .labels(this_week(), "avery-l7160", 1, LabelOrder::Name)
        .unwrap()
    else {
        panic!("an empty week prints nothing");
    };
    assert_eq!(none.week, this_week());
    assert_eq!(none.total(), 3);
    assert_eq!(
        none.left_out,
        [(LeftOutReason::NoConsent, 2), (LeftOutReason::StayEnded, 1)]
    );
    assert!(matches!(
        bm.run_sheet(this_week(), kapstok_text::Lang::Nl).unwrap(),
        Printout::NoCards(n) if n == none
    ));
}
