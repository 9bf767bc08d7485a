//! The forms declared from core's input structs: each struct survives the form unchanged, the
//! address block shows the fields of its kind, core's errors land under their fields, and a
//! multi-line field takes line breaks.

use super::*;
use crate::field_name;
use kapstok_core::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use kapstok_core::common::AddressKind;
use kapstok_core::error::Reason;
use kapstok_core::experts::{AgreementInput, Conversation};
use kapstok_core::meetings::{ItemInput, MeetingInput};
use kapstok_core::members::{rules, MemberInput};
use kapstok_core::training::{CourseInput, SkillInput, TaskInput};

/// The struct, through a form with all its fields shown, and back.
fn round_trip<T: FormInput + std::fmt::Debug + PartialEq>(input: &T) {
    let form = Form::new(Msg::FormNewMember, input.fields());
    assert!(form.fields.iter().all(|f| f.visible));
    assert_eq!(&T::from_form(&form), input);
}

/// The names of the fields shown.
fn shown(form: &Form) -> Vec<&'static str> {
    form.fields
        .iter()
        .filter(|f| f.visible)
        .map(|f| f.name)
        .collect()
}

/// A member with every field but the address set, each to its own value, with the address
/// given for `kind` (the fields that kind uses, each its own value; the others empty).
fn member(kind: AddressKind) -> MemberInput {
    let part = |name: &str, value: &str| {
        let wanted: &[&str] = match kind {
            AddressKind::Street => &["street", "house_number", "addition", "postcode", "city"],
            AddressKind::Postbus => &["house_number", "postcode", "city"],
            AddressKind::Foreign => &["street", "postcode", "city", "country"],
            AddressKind::CareOfOffice | AddressKind::Unknown => &[],
        };
        if wanted.contains(&name) {
            value.to_string()
        } else {
            String::new()
        }
    };
    MemberInput {
        given: "Zoë".into(),
        prefix: "de".into(),
        surname: "Wit".into(),
        known_as: "Blonde Els".into(),
        birth_date: "14-02-1971".into(),
        phone: "06-12345678".into(),
        email: "zoe@example.org".into(),
        address_kind: kind.name().into(),
        street: part("street", "Coolsingel"),
        house_number: part("house_number", "31"),
        addition: part("addition", "bis"),
        postcode: part("postcode", "3011 AD"),
        city: part("city", "Rotterdam"),
        country: part("country", "Duitsland"),
        joined: "19-10-2023".into(),
        consent_convocation_email: "01-01-2024".into(),
        consent_birthday_card: "24-06-2025".into(),
        consent_magazine: "02-02-2025".into(),
        last_contact: "28-09-2026".into(),
        notes: "methadon\nbelt liever niet".into(),
    }
}

#[test]
fn a_member_survives_the_form_for_every_address_kind() {
    for kind in address::MEMBER_KINDS {
        let input = member(*kind);
        let form = input.form(Msg::FormEditMember);
        assert_eq!(MemberInput::from_form(&form), input, "{kind:?}");
    }
}

#[test]
fn an_institution_survives_the_form_for_every_address_kind() {
    for (kind, yes) in address::INSTITUTION_KINDS.iter().zip([true, false, true]) {
        let m = member(*kind);
        let input = InstitutionInput {
            name: "PI Lelystad".into(),
            kind: "prison_abroad".into(),
            address_kind: m.address_kind,
            street: m.street,
            house_number: m.house_number,
            addition: m.addition,
            postcode: m.postcode,
            city: m.city,
            country: m.country,
            needs_registration_number: yes,
            needs_unit: !yes,
            needs_sender: yes,
            house_rules: "Volledige naam\nGeen stickers".into(),
        };
        let form = input.form(Msg::FormEditInstitution);
        assert_eq!(InstitutionInput::from_form(&form), input, "{kind:?}");
    }
}

#[test]
fn every_other_input_struct_survives_the_form() {
    round_trip(&RecipientInput {
        member: "12".into(),
        given: "Jan".into(),
        prefix: "van der".into(),
        surname: "Poel".into(),
        known_as: "Jantje".into(),
        birthday: "03-04".into(),
        notes: "schrijft terug\nin het Pools".into(),
    });
    round_trip(&AgreementInput {
        expert: "7".into(),
        period: "custom".into(),
        year: "2026".into(),
        start: "01-12-2026".into(),
        tasks: "voorlichting; outreach".into(),
        hours_per_week: "4,5".into(),
        allowance: "per_hour".into(),
        amount: "5,75".into(),
        expenses: "reiskosten OV".into(),
        guidance: "coordinator".into(),
    });
    round_trip(&Conversation {
        work: "gaat goed".into(),
        enjoyment: "veel\nplezier".into(),
        difficulties: "soms zwaar".into(),
        agreed: "zo doorgaan".into(),
        training_wishes: "motiverende gespreksvoering".into(),
    });
    round_trip(&MeetingInput {
        kind: "autumn".into(),
        date: "12-12-2026".into(),
        time: "19:30".into(),
        place: "De Kapstok, Amsterdam".into(),
    });
    round_trip(&ItemInput {
        title: "Huisregels".into(),
        decision: true,
        motion: "De huisregels vaststellen.\nZie bijlage.".into(),
        statute_change: false,
        topic: "policy_plan".into(),
        documents: "huisregels.pdf".into(),
    });
    round_trip(&SkillInput {
        name: "EHBO".into(),
        description: "Eerste hulp\nbij ongelukken".into(),
        validity_months: "24".into(),
    });
    round_trip(&TaskInput {
        name: "Outreach".into(),
        description: "Op straat\nen in de opvang".into(),
        skills: "EHBO; Naloxon".into(),
    });
    round_trip(&CourseInput {
        name: "EHBO".into(),
        provider: "Rode Kruis".into(),
        skills: "EHBO; Reanimatie".into(),
        hours: "16".into(),
        cost: "120,50".into(),
        place: "online".into(),
    });
}

#[test]
fn a_stay_keeps_the_institution_chosen_from_options_made_at_run_time() {
    let input = StayInput {
        institution: 3,
        unit: "B-vleugel".into(),
        registration_number: "0123456".into(),
        from: "01-11-2026".into(),
        expected_release: "01-05-2027".into(),
    };
    let mut form = input.form(Msg::FormStartStay);
    let options = vec![
        ("7".to_string(), "JVA Moabit".to_string()),
        ("3".to_string(), "PI Lelystad".to_string()),
    ];
    form.set_options(field_name!(StayInput, institution), options, "3");
    assert_eq!(StayInput::from_form(&form), input);
    form.focus = 0;
    form.handle(Action::Right);
    assert_eq!(StayInput::from_form(&form).institution, 7);
}

#[test]
fn the_address_block_shows_the_fields_of_its_kind() {
    let fields = |kind: &[&'static str]| {
        let mut all = vec!["address_kind"];
        all.extend_from_slice(kind);
        all
    };
    let mut form = member(AddressKind::CareOfOffice).form(Msg::FormNewMember);
    let kinds: Vec<&str> = match &form.fields[7].kind {
        Kind::Choice(options) => options.iter().map(|(v, _)| *v).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        kinds,
        ["street", "care_of", "postbus", "foreign", "unknown"]
    );
    let member_address = |form: &Form| -> Vec<&'static str> {
        shown(form)
            .into_iter()
            .filter(|n| {
                [
                    "address_kind",
                    "street",
                    "house_number",
                    "addition",
                    "postcode",
                    "city",
                    "country",
                ]
                .contains(n)
            })
            .collect()
    };
    assert_eq!(member_address(&form), fields(&[]), "post via the office");
    let expected = [
        (
            "postbus",
            fields(&["house_number", "postcode", "city"]),
            Msg::FieldPostbusNumber,
        ),
        (
            "foreign",
            fields(&["street", "postcode", "city", "country"]),
            Msg::FieldHouseNumber,
        ),
        ("unknown", fields(&[]), Msg::FieldHouseNumber),
        (
            "street",
            fields(&["street", "house_number", "addition", "postcode", "city"]),
            Msg::FieldHouseNumber,
        ),
    ];
    form.focus = 7;
    for (kind, wanted, number_label) in expected {
        assert_eq!(form.handle(Action::Right), Outcome::Changed);
        MemberInput::show(&mut form);
        assert_eq!(form.value("address_kind"), kind);
        assert_eq!(member_address(&form), wanted, "{kind}");
        let number = form.fields.iter().find(|f| f.name == "house_number");
        assert_eq!(number.map(|f| f.label), Some(number_label), "{kind}");
    }

    // An institution: a Postbus first, no care-of or unknown address.
    let mut form = InstitutionInput {
        address_kind: "postbus".into(),
        ..InstitutionInput::default()
    }
    .form(Msg::FormNewInstitution);
    let kinds: Vec<&str> = match &form.fields[2].kind {
        Kind::Choice(options) => options.iter().map(|(v, _)| *v).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(kinds, ["postbus", "street", "foreign"]);
    let address = |form: &Form| shown(form)[2..shown(form).len() - 4].to_vec();
    assert_eq!(
        address(&form),
        fields(&["house_number", "postcode", "city"])
    );
    form.focus = 2;
    form.handle(Action::Right);
    InstitutionInput::show(&mut form);
    assert_eq!(
        address(&form),
        fields(&["street", "house_number", "addition", "postcode", "city"])
    );
    form.handle(Action::Right);
    InstitutionInput::show(&mut form);
    assert_eq!(
        address(&form),
        fields(&["street", "postcode", "city", "country"])
    );
    assert_eq!(
        shown(&form)[shown(&form).len() - 4..],
        [
            "needs_registration_number",
            "needs_unit",
            "needs_sender",
            "house_rules"
        ]
    );
}

#[test]
fn core_errors_land_under_their_fields() {
    let mut input = member(AddressKind::Street);
    input.postcode = "12345".into();
    input.surname = String::new();
    input.birth_date = "31-02-1980".into();
    let errors = rules::validate(&input, kapstok_testkit::today()).unwrap_err();
    let mut form = input.form(Msg::FormEditMember);
    let rest = form.show_errors(&errors, Lang::Nl);
    assert!(rest.is_empty(), "{rest:?}");
    let error = |name: &str| {
        form.fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| f.error.clone())
    };
    assert_eq!(error("surname").as_deref(), Some("is verplicht"));
    assert_eq!(
        error("postcode").as_deref(),
        Some("is geen Nederlandse postcode (1234 AB)")
    );
    assert!(error("birth_date").is_some());
    assert_eq!(error("given"), None);
    assert_eq!(form.focused().map(|f| f.name), Some("surname"), "the first");
}

#[test]
fn a_multi_line_field_takes_line_breaks_and_tab_leaves_it() {
    let mut form = Form::new(
        Msg::FormMinutes,
        vec![
            Field::text("title", Msg::FieldTitle, ""),
            Field::multiline("minutes", Msg::FieldMinutesText, "Opening"),
            Field::text("place", Msg::FieldPlace, ""),
        ],
    );
    form.handle(Action::Down);
    assert_eq!(form.focused().map(|f| f.name), Some("minutes"));
    assert_eq!(form.hint_now(), Msg::MultilineHint);
    for action in [Action::Enter, Action::Char('-'), Action::Char(' ')] {
        assert_eq!(form.handle(action), Outcome::None);
    }
    for c in "Jan zit voor".chars() {
        form.handle(Action::Char(c));
    }
    form.handle(Action::Up);
    form.handle(Action::End);
    form.handle(Action::Char('.'));
    assert_eq!(form.value("minutes"), "Opening.\n- Jan zit voor");
    assert_eq!(
        form.focused().map(|f| f.name),
        Some("minutes"),
        "Up moved inside"
    );
    form.handle(Action::Up);
    assert_eq!(
        form.focused().map(|f| f.name),
        Some("title"),
        "up from the top"
    );
    form.handle(Action::NextField);
    form.handle(Action::NextField);
    assert_eq!(
        form.focused().map(|f| f.name),
        Some("place"),
        "Tab leaves it"
    );
    assert_eq!(form.hint_now(), Msg::FormHint);
    form.set_value("minutes", "Sluiting");
    form.focus = 1;
    form.handle(Action::Backspace);
    assert_eq!(
        form.value("minutes"),
        "Sluitin",
        "the editor follows set_value"
    );
    assert_eq!(form.handle(Action::Save), Outcome::Save);
    assert_eq!(form.handle(Action::Back), Outcome::Cancel);
    assert_eq!(form.height(40), 2 + 1 + 4 + 1);
}

fn form() -> Form {
    Form::new(
        Msg::FormNewMember,
        vec![
            Field::text("surname", Msg::FieldSurname, ""),
            Field::choice(
                "address_kind",
                Msg::FieldAddressKind,
                vec![("street", Msg::AddrStreet), ("care_of", Msg::AddrCareOf)],
                "street",
            ),
            Field::text("postcode", Msg::FieldPostcode, ""),
        ],
    )
}

#[test]
fn typing_editing_and_moving() {
    let mut f = form();
    for c in "Zoe".chars() {
        f.handle(Action::Char(c));
    }
    f.handle(Action::Left);
    f.handle(Action::Backspace);
    f.handle(Action::Char('ö'));
    assert_eq!(f.value("surname"), "Zöe");
    f.handle(Action::NextField);
    assert_eq!(f.handle(Action::Right), Outcome::Changed);
    assert_eq!(f.value("address_kind"), "care_of");
    f.handle(Action::Right);
    assert_eq!(f.value("address_kind"), "street");
    f.set_visible("postcode", false);
    f.handle(Action::NextField);
    assert_eq!(f.focus, 0, "hidden fields are skipped");
    assert_eq!(f.handle(Action::Save), Outcome::Save);
    assert_eq!(f.handle(Action::Back), Outcome::Cancel);
}

#[test]
fn options_made_at_run_time_cycle_and_jump_by_letter() {
    let options = vec![
        ("3".to_string(), "PI Lelystad".to_string()),
        ("1".to_string(), "Justitieel Complex Schiphol".to_string()),
        ("7".to_string(), "JVA Moabit".to_string()),
    ];
    let mut f = Form::new(
        Msg::FormStartStay,
        vec![Field::options(
            "institution",
            Msg::FieldInstitution,
            options,
            "",
        )],
    );
    assert_eq!(f.value("institution"), "3", "the first option by default");
    assert_eq!(f.handle(Action::Left), Outcome::Changed);
    assert_eq!(f.value("institution"), "7");
    f.handle(Action::Char('j'));
    assert_eq!(f.value("institution"), "1", "next label starting with j");
    f.handle(Action::Char('J'));
    assert_eq!(f.value("institution"), "7");
    assert_eq!(f.handle(Action::Char('z')), Outcome::None);
    f.handle(Action::Backspace);
    assert_eq!(
        f.value("institution"),
        "7",
        "backspace leaves a choice alone"
    );
    assert_eq!(f.height(40), 3);
    f.note = Some("x".repeat(50));
    assert_eq!(f.height(40), 3 + 3);
    f.note = Some("Volledige naam\nGeen stickers\nGeen foto's".into());
    assert_eq!(f.height(40), 3 + 4, "a line of the note each");
}

#[test]
fn errors_land_on_their_fields() {
    let mut f = form();
    let rest = f.show_errors(
        &[
            FieldError::new("postcode", Reason::BadPostcode),
            FieldError::new("number", Reason::Taken),
        ],
        Lang::Nl,
    );
    assert_eq!(f.focus, 2);
    assert_eq!(
        f.fields[2].error.as_deref(),
        Some("is geen Nederlandse postcode (1234 AB)")
    );
    assert_eq!(rest, ["Lidnummer: is al in gebruik"]);
}
