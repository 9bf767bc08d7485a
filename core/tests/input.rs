//! Control characters are refused at input, in every area: each text field of each input struct
//! (and each text argument of a service call) gets a control character, and the call must refuse
//! it for that field with [`Reason::ControlCharacter`] (free text) or another refusal on that
//! field (typed values: dates, numbers, kinds), and write nothing.
//!
//! The input structs are taken apart without `..`, so a new text field does not compile until it
//! is added here.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{lelystad, member, new_store};
use kapstok_core::access::AuditFilter;
use kapstok_core::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use kapstok_core::common::{Address, IsoWeek, Postcode};
use kapstok_core::experts::{AgreementInput, Conversation, Outcome, Slot};
use kapstok_core::meetings::{ItemInput, MeetingInput};
use kapstok_core::members::{MemberInput, Status};
use kapstok_core::settings::Settings;
use kapstok_core::training::{CourseInput, SkillInput, TaskInput};
use kapstok_core::{Error, FieldError, Reason, Role, Session};

/// An escape sequence that sets the terminal's title, as an imported name once did.
const TITLE: &str = "\u{1b}]0;pwned\u{7}";
/// The characters tried in every field: NUL, ESC, DEL, a C1 code (CSI), and (one-line fields)
/// a tab.
const CONTROLS: [char; 4] = ['\0', '\u{1b}', '\u{7f}', '\u{9b}'];

fn audit_len(s: &Session) -> usize {
    s.audit_log()
        .entries(&AuditFilter::default())
        .unwrap()
        .len()
}

fn fields(result: Result<impl std::fmt::Debug, Error>) -> Vec<FieldError> {
    match result {
        Err(Error::Invalid(errors)) => errors,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

/// `call` must refuse `field` because of the control character `c` (free text), writing nothing.
fn refuses_text<T: std::fmt::Debug>(
    s: &Session,
    field: &str,
    c: char,
    call: impl FnOnce() -> Result<T, Error>,
) {
    let before = audit_len(s);
    let errors = fields(call());
    assert!(
        errors
            .iter()
            .any(|e| e.field == field && e.reason == Reason::ControlCharacter(c)),
        "{field} with {c:?}: {errors:?}"
    );
    assert_eq!(audit_len(s), before, "{field}: something was written");
}

/// `call` must refuse `field` (a typed value: any reason), writing nothing.
fn refuses_typed<T: std::fmt::Debug>(
    s: &Session,
    field: &str,
    call: impl FnOnce() -> Result<T, Error>,
) {
    let before = audit_len(s);
    let errors = fields(call());
    assert!(
        errors.iter().any(|e| e.field == field),
        "{field}: {errors:?}"
    );
    assert_eq!(audit_len(s), before, "{field}: something was written");
}

/// A value with the control character in the middle (surrounding white space is trimmed).
fn with(base: &str, c: char) -> String {
    format!("{base}{c}x")
}

#[test]
fn the_shared_check_names_the_character() {
    use kapstok_core::common::plain_text;
    assert_eq!(
        plain_text("notes", "regel 1\nregel 2\tinspringen", true),
        Ok(())
    );
    assert_eq!(
        plain_text("surname", &format!("Jansen{TITLE}"), false),
        Err(FieldError::new(
            "surname",
            Reason::ControlCharacter('\u{1b}')
        ))
    );
    assert_eq!(
        plain_text("notes", "a\u{9b}b", true),
        Err(FieldError::new("notes", Reason::ControlCharacter('\u{9b}')))
    );
    assert_eq!(
        plain_text("city", "a\tb", false),
        Err(FieldError::new("city", Reason::ControlCharacter('\t')))
    );
}

#[test]
fn members_refuse_control_characters_in_every_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let base = MemberInput {
        given: "Jan".into(),
        prefix: "van der".into(),
        surname: "Poel".into(),
        known_as: "Poolse Jan".into(),
        birth_date: "01-01-1970".into(),
        phone: "020-1234567".into(),
        email: "jan@example.nl".into(),
        address_kind: "street".into(),
        street: "Damrak".into(),
        house_number: "1".into(),
        addition: "A".into(),
        postcode: "1012 LG".into(),
        city: "Amsterdam".into(),
        country: String::new(),
        joined: "01-03-2024".into(),
        consent_convocation_email: "01-03-2024".into(),
        consent_birthday_card: "01-03-2024".into(),
        consent_magazine: "01-03-2024".into(),
        last_contact: "01-03-2024".into(),
        notes: "Komt op dinsdag.\nBelt eerst.".into(),
    };
    admin.members().check(&base, None).unwrap();
    let foreign = MemberInput {
        address_kind: "foreign".into(),
        street: "Rue 1".into(),
        postcode: "1000".into(),
        city: "Bruxelles".into(),
        country: "Belgium".into(),
        house_number: String::new(),
        addition: String::new(),
        ..base.clone()
    };
    admin.members().check(&foreign, None).unwrap();
    for c in CONTROLS {
        let MemberInput {
            given,
            prefix,
            surname,
            known_as,
            birth_date,
            phone,
            email,
            address_kind,
            street,
            house_number,
            addition,
            postcode,
            city,
            country,
            joined,
            consent_convocation_email,
            consent_birthday_card,
            consent_magazine,
            last_contact,
            notes,
        } = base.clone();
        let text: Vec<(&str, MemberInput)> = vec![
            (
                "given",
                MemberInput {
                    given: with(&given, c),
                    ..base.clone()
                },
            ),
            (
                "prefix",
                MemberInput {
                    prefix: with(&prefix, c),
                    ..base.clone()
                },
            ),
            (
                "surname",
                MemberInput {
                    surname: with(&surname, c),
                    ..base.clone()
                },
            ),
            (
                "known_as",
                MemberInput {
                    known_as: with(&known_as, c),
                    ..base.clone()
                },
            ),
            (
                "phone",
                MemberInput {
                    phone: with(&phone, c),
                    ..base.clone()
                },
            ),
            (
                "email",
                MemberInput {
                    email: with(&email, c),
                    ..base.clone()
                },
            ),
            (
                "street",
                MemberInput {
                    street: with(&street, c),
                    ..base.clone()
                },
            ),
            (
                "addition",
                MemberInput {
                    addition: with(&addition, c),
                    ..base.clone()
                },
            ),
            (
                "city",
                MemberInput {
                    city: with(&city, c),
                    ..base.clone()
                },
            ),
            (
                "notes",
                MemberInput {
                    notes: with(&notes, c),
                    ..base.clone()
                },
            ),
            (
                "country",
                MemberInput {
                    country: with(&country, c),
                    ..foreign.clone()
                },
            ),
            (
                "postcode",
                MemberInput {
                    postcode: with("1000", c),
                    ..foreign.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || admin.members().create(&input));
        }
        let typed: Vec<(&str, MemberInput)> = vec![
            (
                "birth_date",
                MemberInput {
                    birth_date: with(&birth_date, c),
                    ..base.clone()
                },
            ),
            (
                "address_kind",
                MemberInput {
                    address_kind: with(&address_kind, c),
                    ..base.clone()
                },
            ),
            (
                "house_number",
                MemberInput {
                    house_number: with(&house_number, c),
                    ..base.clone()
                },
            ),
            (
                "postcode",
                MemberInput {
                    postcode: with(&postcode, c),
                    ..base.clone()
                },
            ),
            (
                "joined",
                MemberInput {
                    joined: with(&joined, c),
                    ..base.clone()
                },
            ),
            (
                "consent_convocation_email",
                MemberInput {
                    consent_convocation_email: with(&consent_convocation_email, c),
                    ..base.clone()
                },
            ),
            (
                "consent_birthday_card",
                MemberInput {
                    consent_birthday_card: with(&consent_birthday_card, c),
                    ..base.clone()
                },
            ),
            (
                "consent_magazine",
                MemberInput {
                    consent_magazine: with(&consent_magazine, c),
                    ..base.clone()
                },
            ),
            (
                "last_contact",
                MemberInput {
                    last_contact: with(&last_contact, c),
                    ..base.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || admin.members().create(&input));
        }
    }
    // A status change's reason is one line of free text.
    let number = admin.members().create(&base).unwrap().member.number;
    for c in CONTROLS.into_iter().chain(['\t']) {
        refuses_text(&admin, "status_reason", c, || {
            admin.members().change_status(
                number,
                Status::Ended {
                    reason: with("verhuisd", c),
                },
                common::today(),
            )
        });
    }
}

#[test]
fn import_refuses_control_characters_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let header = "number;given;prefix;surname;known_as;phone;email;address_kind;street;house_number;addition;postcode;city;country;joined;status;status_since;status_reason;status_history;notes";
    let good = "1;Jan;van;Dijk;Jantje;020-1234567;jan@example.nl;street;Damrak;1;A;1012 LG;Amsterdam;;01-03-2024;ended;01-06-2024;verhuisd;;notities";
    admin
        .members()
        .import_csv(format!("{header}\n{good}\n").as_bytes(), true)
        .unwrap();
    let columns: Vec<&str> = header.split(';').collect();
    let values: Vec<&str> = good.split(';').collect();
    for c in CONTROLS {
        for (i, column) in columns.iter().enumerate() {
            if matches!(
                *column,
                "number"
                    | "status"
                    | "status_since"
                    | "joined"
                    | "address_kind"
                    | "house_number"
                    | "postcode"
            ) {
                continue; // typed values, refused as such
            }
            let mut row = values.clone();
            let bad = if *column == "status_history" {
                format!("2024-03-01 active{c}")
            } else {
                with(values[i], c)
            };
            row[i] = &bad;
            let data = format!("{header}\n{}\n", row.join(";"));
            let result = admin.members().import_csv(data.as_bytes(), false);
            match result {
                Err(Error::Import(rows)) => {
                    assert_eq!(rows.len(), 1, "{column}: {rows:?}");
                    assert_eq!(rows[0].line, 2, "{column}");
                    assert!(
                        rows[0]
                            .errors
                            .iter()
                            .any(|e| e.field == *column && e.reason == Reason::ControlCharacter(c)),
                        "{column} with {c:?}: {:?}",
                        rows[0].errors
                    );
                }
                other => panic!("{column} with {c:?}: {other:?}"),
            }
        }
    }
    assert!(admin.members().list().unwrap().is_empty());
}

fn institution() -> InstitutionInput {
    InstitutionInput {
        house_rules: "Geen stickers.\nAlleen kaarten.".into(),
        ..lelystad()
    }
}

#[test]
fn basemail_refuses_control_characters_in_every_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let bm = admin.basemail();
    let base = institution();
    let street = InstitutionInput {
        address_kind: "street".into(),
        street: "Larserweg".into(),
        house_number: "1".into(),
        addition: "B".into(),
        ..institution()
    };
    let abroad = InstitutionInput {
        address_kind: "foreign".into(),
        street: "Rue 1".into(),
        postcode: "1000".into(),
        city: "Bruxelles".into(),
        country: "Belgium".into(),
        house_number: String::new(),
        ..institution()
    };
    let inst = bm.add_institution(&base).unwrap();
    bm.add_institution(&street).unwrap();
    bm.add_institution(&abroad).unwrap();
    let number = admin
        .members()
        .create(&member("Jan", "", "Dijk"))
        .unwrap()
        .member
        .number;
    let recipient = RecipientInput {
        given: "Els".into(),
        prefix: "de".into(),
        surname: "Vries".into(),
        known_as: "Elsje".into(),
        birthday: "01-01-1980".into(),
        notes: "Schrijft graag terug.\nOver katten.".into(),
        member: String::new(),
    };
    let rid = bm.add_recipient(&recipient).unwrap();
    let stay = StayInput {
        institution: inst,
        unit: "B-12".into(),
        registration_number: "123456".into(),
        from: "01-11-2026".into(),
        expected_release: "01-11-2027".into(),
    };
    for c in CONTROLS {
        let InstitutionInput {
            name,
            kind,
            address_kind,
            street: _,
            house_number,
            addition: _,
            postcode,
            city,
            country: _,
            needs_registration_number: _,
            needs_unit: _,
            needs_sender: _,
            house_rules,
        } = base.clone();
        let text = [
            (
                "name",
                InstitutionInput {
                    name: with(&name, c),
                    ..base.clone()
                },
            ),
            (
                "city",
                InstitutionInput {
                    city: with(&city, c),
                    ..base.clone()
                },
            ),
            (
                "house_rules",
                InstitutionInput {
                    house_rules: with(&house_rules, c),
                    ..base.clone()
                },
            ),
            (
                "street",
                InstitutionInput {
                    street: with(&street.street, c),
                    ..street.clone()
                },
            ),
            (
                "addition",
                InstitutionInput {
                    addition: with(&street.addition, c),
                    ..street.clone()
                },
            ),
            (
                "country",
                InstitutionInput {
                    country: with(&abroad.country, c),
                    ..abroad.clone()
                },
            ),
            (
                "postcode",
                InstitutionInput {
                    postcode: with(&abroad.postcode, c),
                    ..abroad.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || bm.add_institution(&input));
            refuses_text(&admin, field, c, || bm.update_institution(inst, &input));
        }
        let typed = [
            (
                "kind",
                InstitutionInput {
                    kind: with(&kind, c),
                    ..base.clone()
                },
            ),
            (
                "address_kind",
                InstitutionInput {
                    address_kind: with(&address_kind, c),
                    ..base.clone()
                },
            ),
            (
                "house_number",
                InstitutionInput {
                    house_number: with(&house_number, c),
                    ..base.clone()
                },
            ),
            (
                "postcode",
                InstitutionInput {
                    postcode: with(&postcode, c),
                    ..base.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || bm.add_institution(&input));
        }

        let RecipientInput {
            member: _,
            given,
            prefix,
            surname,
            known_as,
            birthday,
            notes,
        } = recipient.clone();
        let text = [
            (
                "given",
                RecipientInput {
                    given: with(&given, c),
                    ..recipient.clone()
                },
            ),
            (
                "prefix",
                RecipientInput {
                    prefix: with(&prefix, c),
                    ..recipient.clone()
                },
            ),
            (
                "surname",
                RecipientInput {
                    surname: with(&surname, c),
                    ..recipient.clone()
                },
            ),
            (
                "known_as",
                RecipientInput {
                    known_as: with(&known_as, c),
                    ..recipient.clone()
                },
            ),
            (
                "notes",
                RecipientInput {
                    notes: with(&notes, c),
                    ..recipient.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || bm.add_recipient(&input));
            refuses_text(&admin, field, c, || bm.update_recipient(rid, &input));
        }
        let typed = [
            (
                "birthday",
                RecipientInput {
                    birthday: with(&birthday, c),
                    ..recipient.clone()
                },
            ),
            (
                "member",
                RecipientInput {
                    member: with(&number.to_string(), c),
                    ..recipient.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || bm.add_recipient(&input));
        }

        let StayInput {
            institution: _,
            unit,
            registration_number,
            from,
            expected_release,
        } = stay.clone();
        let text = [
            (
                "unit",
                StayInput {
                    unit: with(&unit, c),
                    ..stay.clone()
                },
            ),
            (
                "registration_number",
                StayInput {
                    registration_number: with(&registration_number, c),
                    ..stay.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || bm.start_stay(rid, &input));
            refuses_text(&admin, field, c, || bm.move_to(rid, &input));
        }
        let typed = [
            (
                "from",
                StayInput {
                    from: with(&from, c),
                    ..stay.clone()
                },
            ),
            (
                "expected_release",
                StayInput {
                    expected_release: with(&expected_release, c),
                    ..stay.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || bm.start_stay(rid, &input));
        }
    }

    // The week's run: reasons and writers typed by the volunteers.
    bm.start_stay(rid, &stay).unwrap();
    let week = IsoWeek::of(common::today());
    let run = bm.compose(week).unwrap();
    let who = run.cards[0].who;
    for c in CONTROLS {
        refuses_text(&admin, "reason", c, || {
            bm.add_by_hand(week, rid, &with("jarig", c))
        });
        refuses_text(&admin, "reason", c, || {
            bm.remove_by_hand(week, who, &with("verhuisd", c))
        });
        refuses_text(&admin, "writer", c, || {
            bm.assign_writer(week, who, &with("Els", c))
        });
    }
    // A custom label sheet's name.
    let mut sheet = kapstok_core::print::sheets::find("avery-l7160").unwrap();
    sheet.id = "eigen-vel".into();
    for c in CONTROLS {
        sheet.name = with("Eigen vel", c);
        refuses_text(&admin, "name", c, || bm.save_sheet(&sheet));
    }
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, day)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

#[test]
fn experts_refuse_control_characters_in_every_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let ex = admin.experts();
    let expert = admin
        .members()
        .create(&member("Jan", "", "Dijk"))
        .unwrap()
        .member
        .number;
    let base = AgreementInput {
        expert: expert.to_string(),
        period: "custom".into(),
        year: String::new(),
        start: "01-11-2026".into(),
        tasks: "voorlichting\noutreach".into(),
        hours_per_week: "4".into(),
        allowance: "per_hour".into(),
        amount: "5,00".into(),
        expenses: "Reiskosten OV.\nLunch op kantoor.".into(),
        guidance: "coordinator".into(),
    };
    ex.check(&base, None).unwrap();
    let id = ex.create(&base).unwrap().id;
    for c in CONTROLS {
        let AgreementInput {
            expert,
            period,
            year: _,
            start,
            tasks,
            hours_per_week,
            allowance,
            amount,
            expenses,
            guidance,
        } = base.clone();
        let text = [
            (
                "tasks",
                AgreementInput {
                    tasks: with(&tasks, c),
                    ..base.clone()
                },
            ),
            (
                "expenses",
                AgreementInput {
                    expenses: with(&expenses, c),
                    ..base.clone()
                },
            ),
            (
                "guidance",
                AgreementInput {
                    guidance: with(&guidance, c),
                    ..base.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || ex.create(&input));
            refuses_text(&admin, field, c, || ex.update(id, &input));
        }
        let typed = [
            (
                "expert",
                AgreementInput {
                    expert: with(&expert, c),
                    ..base.clone()
                },
            ),
            (
                "period",
                AgreementInput {
                    period: with(&period, c),
                    ..base.clone()
                },
            ),
            (
                "start",
                AgreementInput {
                    start: with(&start, c),
                    ..base.clone()
                },
            ),
            (
                "hours_per_week",
                AgreementInput {
                    hours_per_week: with(&hours_per_week, c),
                    ..base.clone()
                },
            ),
            (
                "allowance",
                AgreementInput {
                    allowance: with(&allowance, c),
                    ..base.clone()
                },
            ),
            (
                "amount",
                AgreementInput {
                    amount: with(&amount, c),
                    ..base.clone()
                },
            ),
            (
                "year",
                AgreementInput {
                    period: "first_half".into(),
                    year: with("2027", c),
                    ..base.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || ex.create(&input));
        }
    }
    ex.sign(id, common::today()).unwrap();
    let slot = Slot {
        start: at(2026, 11, 30, 10, 0),
        minutes: 60,
        staff: "beheer".into(),
        place: "kantoor".into(),
    };
    for c in CONTROLS {
        let Slot {
            start: _,
            minutes: _,
            staff,
            place,
        } = slot.clone();
        refuses_text(&admin, "place", c, || {
            ex.schedule(
                id,
                Slot {
                    place: with(&place, c),
                    ..slot.clone()
                },
            )
        });
        refuses_typed(&admin, "staff", || {
            ex.schedule(
                id,
                Slot {
                    staff: with(&staff, c),
                    ..slot.clone()
                },
            )
        });
    }
    let review = ex.schedule(id, slot.clone()).unwrap();
    for c in CONTROLS {
        refuses_text(&admin, "place", c, || {
            ex.reschedule(
                review,
                Slot {
                    place: with("kamer 2", c),
                    ..slot.clone()
                },
            )
        });
    }
    let said = Conversation {
        work: "Goed.\nDruk.".into(),
        enjoyment: "Veel.".into(),
        difficulties: "Geen.".into(),
        agreed: "Doorgaan.".into(),
        training_wishes: "EHBO".into(),
    };
    for c in CONTROLS {
        let Conversation {
            work,
            enjoyment,
            difficulties,
            agreed,
            training_wishes,
        } = said.clone();
        let text = [
            (
                "work",
                Conversation {
                    work: with(&work, c),
                    ..said.clone()
                },
            ),
            (
                "enjoyment",
                Conversation {
                    enjoyment: with(&enjoyment, c),
                    ..said.clone()
                },
            ),
            (
                "difficulties",
                Conversation {
                    difficulties: with(&difficulties, c),
                    ..said.clone()
                },
            ),
            (
                "agreed",
                Conversation {
                    agreed: with(&agreed, c),
                    ..said.clone()
                },
            ),
            (
                "training_wishes",
                Conversation {
                    training_wishes: with(&training_wishes, c),
                    ..said.clone()
                },
            ),
        ];
        for (field, conversation) in text {
            refuses_text(&admin, field, c, || {
                ex.record(review, common::today(), conversation, Outcome::Stop)
            });
        }
    }
    // Line breaks and tabs are fine in what was said.
    let tabbed = Conversation {
        work: "Goed:\n\t- voorlichting".into(),
        ..said
    };
    ex.record(review, common::today(), tabbed, Outcome::Stop)
        .unwrap();
}

#[test]
fn training_refuses_control_characters_in_every_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let tr = admin.training();
    let skill = SkillInput {
        name: "EHBO".into(),
        description: "Eerste hulp.\nMet reanimatie.".into(),
        validity_months: "24".into(),
    };
    let skill_id = tr.save_skill(None, &skill).unwrap();
    let task = TaskInput {
        name: "Outreach".into(),
        description: "Op straat.\nIn parken.".into(),
        skills: "EHBO".into(),
    };
    tr.save_task(None, &task).unwrap();
    let course = CourseInput {
        name: "EHBO-cursus".into(),
        provider: "Rode Kruis".into(),
        skills: "EHBO".into(),
        hours: "8".into(),
        cost: "95,00".into(),
        place: "Amsterdam".into(),
    };
    tr.save_course(None, &course).unwrap();
    let expert = admin
        .members()
        .create(&member("Jan", "", "Dijk"))
        .unwrap()
        .member
        .number;
    for c in CONTROLS {
        let SkillInput {
            name,
            description,
            validity_months,
        } = skill.clone();
        refuses_text(&admin, "name", c, || {
            tr.save_skill(
                None,
                &SkillInput {
                    name: with(&name, c),
                    ..skill.clone()
                },
            )
        });
        refuses_text(&admin, "description", c, || {
            tr.save_skill(
                Some(skill_id),
                &SkillInput {
                    description: with(&description, c),
                    ..skill.clone()
                },
            )
        });
        refuses_typed(&admin, "validity_months", || {
            tr.save_skill(
                None,
                &SkillInput {
                    validity_months: with(&validity_months, c),
                    ..skill.clone()
                },
            )
        });

        let TaskInput {
            name,
            description,
            skills,
        } = task.clone();
        refuses_text(&admin, "name", c, || {
            tr.save_task(
                None,
                &TaskInput {
                    name: with(&name, c),
                    ..task.clone()
                },
            )
        });
        refuses_text(&admin, "description", c, || {
            tr.save_task(
                None,
                &TaskInput {
                    description: with(&description, c),
                    ..task.clone()
                },
            )
        });
        refuses_typed(&admin, "skills", || {
            tr.save_task(
                None,
                &TaskInput {
                    skills: with(&skills, c),
                    ..task.clone()
                },
            )
        });

        let CourseInput {
            name,
            provider,
            skills,
            hours,
            cost,
            place,
        } = course.clone();
        let text = [
            (
                "name",
                CourseInput {
                    name: with(&name, c),
                    ..course.clone()
                },
            ),
            (
                "provider",
                CourseInput {
                    provider: with(&provider, c),
                    ..course.clone()
                },
            ),
            (
                "place",
                CourseInput {
                    place: with(&place, c),
                    ..course.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || tr.save_course(None, &input));
        }
        let typed = [
            (
                "skills",
                CourseInput {
                    skills: with(&skills, c),
                    ..course.clone()
                },
            ),
            (
                "hours",
                CourseInput {
                    hours: with(&hours, c),
                    ..course.clone()
                },
            ),
            (
                "cost",
                CourseInput {
                    cost: with(&cost, c),
                    ..course.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || tr.save_course(None, &input));
        }
        refuses_text(&admin, "wish", c, || {
            tr.propose(expert, None, &with("Naloxon", c), common::today())
        });
    }
}

#[test]
fn meetings_refuse_control_characters_in_every_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    let mt = admin.meetings();
    let meeting = MeetingInput {
        kind: "autumn".into(),
        date: "10-12-2026".into(),
        time: "19:30".into(),
        place: "Kantoor".into(),
    };
    let id = mt.plan(&meeting).unwrap();
    let item = ItemInput {
        title: "Begroting".into(),
        decision: true,
        motion: "De ALV stelt de begroting vast.\nZie bijlage.".into(),
        statute_change: false,
        topic: String::new(),
        documents: "Begroting 2027\nToelichting".into(),
    };
    mt.add_item(id, &item).unwrap();
    for c in CONTROLS {
        let MeetingInput {
            kind,
            date,
            time,
            place,
        } = meeting.clone();
        refuses_text(&admin, "place", c, || {
            mt.plan(&MeetingInput {
                place: with(&place, c),
                ..meeting.clone()
            })
        });
        refuses_text(&admin, "place", c, || {
            mt.update(
                id,
                &MeetingInput {
                    place: with(&place, c),
                    ..meeting.clone()
                },
            )
        });
        let typed = [
            (
                "kind",
                MeetingInput {
                    kind: with(&kind, c),
                    ..meeting.clone()
                },
            ),
            (
                "date",
                MeetingInput {
                    date: with(&date, c),
                    ..meeting.clone()
                },
            ),
            (
                "time",
                MeetingInput {
                    time: with(&time, c),
                    ..meeting.clone()
                },
            ),
        ];
        for (field, input) in typed {
            refuses_typed(&admin, field, || mt.plan(&input));
        }

        let ItemInput {
            title,
            decision: _,
            motion,
            statute_change: _,
            topic,
            documents,
        } = item.clone();
        let text = [
            (
                "title",
                ItemInput {
                    title: with(&title, c),
                    ..item.clone()
                },
            ),
            (
                "motion",
                ItemInput {
                    motion: with(&motion, c),
                    ..item.clone()
                },
            ),
            (
                "documents",
                ItemInput {
                    documents: with(&documents, c),
                    ..item.clone()
                },
            ),
        ];
        for (field, input) in text {
            refuses_text(&admin, field, c, || mt.add_item(id, &input));
            refuses_text(&admin, field, c, || mt.update_item(id, 0, &input));
        }
        refuses_typed(&admin, "topic", || {
            mt.add_item(
                id,
                &ItemInput {
                    topic: with(&topic, c),
                    ..item.clone()
                },
            )
        });
        refuses_text(&admin, "minutes", c, || {
            mt.set_minutes(id, 0, &with("Aangenomen.\nMet algemene stemmen.", c))
        });
    }
    mt.set_minutes(id, 0, "Aangenomen.\n\tMet algemene stemmen.")
        .unwrap();
}

#[test]
fn users_and_settings_refuse_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    for c in CONTROLS {
        refuses_typed(&admin, "user", || {
            admin
                .users()
                .add(&with("els", c), Role::Volunteer, "lang-genoeg-wachtwoord")
        });
    }
    let settings = Settings {
        office_name: "Kantoor".into(),
        office_address: Address::Street {
            street: "Damrak".into(),
            number: 1,
            addition: String::new(),
            postcode: Postcode::parse("1012 LG").unwrap(),
            city: "Amsterdam".into(),
        },
        ..Settings::default()
    };
    admin.set_settings(&settings).unwrap();
    for c in CONTROLS {
        refuses_text(&admin, "office_name", c, || {
            admin.set_settings(&Settings {
                office_name: with("Kantoor", c),
                ..settings.clone()
            })
        });
        refuses_text(&admin, "city", c, || {
            admin.set_settings(&Settings {
                office_address: Address::Foreign {
                    street: "Rue 1".into(),
                    postcode: "1000".into(),
                    city: with("Bruxelles", c),
                    country: "Belgium".into(),
                },
                ..settings.clone()
            })
        });
        refuses_text(&admin, "street", c, || {
            admin.set_settings(&Settings {
                office_address: Address::Street {
                    street: with("Damrak", c),
                    number: 1,
                    addition: String::new(),
                    postcode: Postcode::parse("1012 LG").unwrap(),
                    city: "Amsterdam".into(),
                },
                ..settings.clone()
            })
        });
    }
    assert_eq!(admin.settings().unwrap(), settings);
}
