//! Tests of the translations.

use super::*;
use kapstok_core::basemail::{CardReason, InstitutionKind, LeftOutReason};
use kapstok_core::common::Cents;
use kapstok_core::error::{Error, FieldError, Permission, Reason, RowError};
use kapstok_core::experts::{Allowance, AllowanceWarning};

#[test]
fn dutch_by_default_and_english_on_request() {
    assert_eq!(Lang::default(), Lang::Nl);
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Msg::TabMembers.text(Lang::Nl), "Leden");
    assert_eq!(Msg::TabMembers.text(Lang::En), "Members");
}

#[test]
fn errors_name_field_and_reason() {
    let e = Error::Import(vec![RowError {
        line: 5,
        errors: vec![FieldError::new("postcode", Reason::BadPostcode)],
    }]);
    assert!(error(&e, Lang::Nl).contains("regel 5: Postcode: is geen Nederlandse postcode"));
    assert!(error(&e, Lang::En).contains("line 5: Postcode: is not a Dutch postcode"));
    let e = Error::AlreadyOpen { path: "/x".into() };
    assert!(error(&e, Lang::En).contains("already open in another kapstok window"));
}

/// Debug output and English internals of the decoder and the storage engine.
fn internals(text: &str) -> bool {
    [
        "UnexpectedEnd",
        "additional",
        "left over",
        "bytes",
        "{",
        "}",
        "Error",
        "os error",
    ]
    .iter()
    .any(|w| text.contains(w))
}

#[test]
fn damaged_records_are_explained_without_internals() {
    for detail in [
        "UnexpectedEnd { additional: 1 }",
        "15 bytes left over after the record",
        "unknown codec tag 7",
    ] {
        let e = Error::Corrupt {
            tree: "members".into(),
            key: "12".into(),
            detail: detail.into(),
        };
        let nl = error(&e, Lang::Nl);
        assert_eq!(
            nl,
            "Gegevens in de opslag zijn beschadigd (tabel leden (members), record 12); er is \
             niets gewijzigd. Herstel een back-up (kapstok restore) of vraag hulp."
        );
        let en = error(&e, Lang::En);
        assert!(en.contains("table members, record 12"), "{en}");
        assert!(en.contains("kapstok restore"), "{en}");
        assert!(!internals(&nl) && !internals(&en), "{nl} / {en}");
        // The detail is kept for whoever helps.
        assert_eq!(error_detail(&e), Some(format!("members/12: {detail}")));
    }
}

#[test]
fn no_error_shows_debug_output_or_english_internals_in_dutch() {
    let errors = [
        Error::Storage("cannot encode a record: UnexpectedEnd { additional: 1 }".into()),
        Error::ReadOnly {
            detail: "read-only filesystem or storage medium".into(),
        },
        Error::ReadOnly {
            detail: "some new kind".into(),
        },
        Error::Io {
            path: "/tmp/x.csv".into(),
            detail: "No such file or directory (os error 2)".into(),
        },
        Error::Io {
            path: "/tmp/x.csv".into(),
            detail: "Permission denied (os error 13)".into(),
        },
        Error::NotFound {
            kind: "member",
            id: 12,
        },
        Error::NotFound {
            kind: "card run",
            id: 3,
        },
        Error::Denied(Permission::MembersExport),
        Error::Invalid(vec![FieldError::new(
            "surname",
            Reason::ControlCharacter('\u{1b}'),
        )]),
        Error::Import(vec![RowError {
            line: 2,
            errors: vec![FieldError::new(
                "header",
                Reason::CsvSyntax("CSV error: x".into()),
            )],
        }]),
    ];
    for e in &errors {
        let nl = error(e, Lang::Nl);
        assert!(!internals(&nl), "{nl}");
        for english in [
            "member",
            "card run",
            "read-only",
            "such file",
            "Permission",
            "CSV error",
        ] {
            assert!(!nl.contains(english), "{english} in {nl}");
        }
    }
    assert_eq!(error(&errors[5], Lang::Nl), "Bestaat niet: lid 12");
    assert_eq!(
        error(&errors[3], Lang::Nl),
        "/tmp/x.csv: bestaat niet; controleer de naam en de map"
    );
    assert_eq!(
        error_detail(&errors[0]).as_deref(),
        Some("cannot encode a record: UnexpectedEnd { additional: 1 }")
    );
}

#[test]
fn new_reasons_say_what_and_what_to_do() {
    let nl = reason(&Reason::ControlCharacter('\u{1b}'), Lang::Nl);
    assert!(
        nl.contains("U+001B, Escape") && nl.contains("haal het weg"),
        "{nl}"
    );
    let en = reason(&Reason::ControlCharacter('\0'), Lang::En);
    assert!(
        en.contains("U+0000, NUL") && en.contains("remove it"),
        "{en}"
    );
    let nl = reason(&Reason::ControlCharacter('\t'), Lang::Nl);
    assert!(nl.contains("U+0009, tab"), "{nl}");
    let nl = row_error(
        &RowError {
            line: 2,
            errors: vec![FieldError::new("surname", Reason::UnclosedQuote)],
        },
        Lang::Nl,
    );
    assert!(
        nl.starts_with("regel 2: Achternaam: hier opent een \" die niet wordt gesloten"),
        "{nl}"
    );
    let names: Vec<String> = (0..5).map(|i| format!("k{i}")).collect();
    assert_eq!(
        reason(&Reason::UnknownColumns(names.clone(), 100_000), Lang::Nl),
        "100000 onbekende kolommen: \"k0\", \"k1\", \"k2\", \"k3\", \"k4\" en nog 99995"
    );
    assert_eq!(
        reason(
            &Reason::UnknownColumns(vec!["telefoon".into()], 1),
            Lang::En
        ),
        "unknown column \"telefoon\""
    );
    let nl = reason(&Reason::NoNumberLeft, Lang::Nl);
    assert!(nl.contains("999999999"), "{nl}");
}

#[test]
fn basemail_words_in_both_languages() {
    assert_eq!(
        card_reasons(&[CardReason::Detained, CardReason::Birthday], Lang::Nl),
        "gedetineerd, verjaardag"
    );
    let missing = LeftOutReason::NoAddress("registration_number".into());
    assert_eq!(
        left_out_reason(&missing, Lang::En),
        "no address; missing: registration number"
    );
    for k in InstitutionKind::ALL {
        assert_ne!(
            institution_kind(k).text(Lang::Nl),
            institution_kind(k).text(Lang::En)
        );
    }
    assert_eq!(
        args::RunPosted {
            week: &"2026-W48",
            date: &"23-11-2026"
        }
        .text(Lang::Nl),
        "Ronde 2026-W48 gepost en afgesloten op 23-11-2026."
    );
}

#[test]
fn allowance_warnings_are_sentences_with_the_amounts() {
    let hour = AllowanceWarning::PerHour {
        amount: Cents(600),
        limit: Cents(575),
        under_21: false,
    };
    assert_eq!(
        allowance_warnings(&[hour], Lang::Nl),
        ["€ 6,00 per uur is meer dan de grens van € 5,75 per uur voor 21 jaar en ouder."]
    );
    let month = |month, amount| AllowanceWarning::PerMonth {
        year: 2026,
        month,
        amount: Cents(amount),
        limit: Cents(22_000),
    };
    assert_eq!(
        allowance_warnings(&[month(7, 24_000)], Lang::En),
        [
            "In July 2026 the allowance comes to € 240,00, more than the monthly limit of \
          € 220,00."
        ]
    );
    let both = allowance_warnings(&[month(7, 24_000), month(8, 23_000)], Lang::Nl);
    assert_eq!(
        both,
        [
            "In juli 2026 (€ 240,00), augustus 2026 (€ 230,00) komt de vergoeding boven de \
          maandgrens van € 220,00 (maanden tellen apart)."
        ]
    );
    let all: Vec<AllowanceWarning> = (7..=12).map(|m| month(m, 40_000)).collect();
    assert_eq!(
        allowance_warnings(&all, Lang::Nl),
        [
            "In juli–december 2026 (€ 400,00) komt de vergoeding boven de maandgrens van \
          € 220,00 (maanden tellen apart)."
        ]
    );
    let year = AllowanceWarning::PerYear {
        year: 2026,
        amount: Cents(123_450),
        limit: Cents(110_000),
        months: 6,
    };
    assert!(allowance_warnings(&[year], Lang::Nl)[0].contains("€ 1.234,50"));
    assert!(
        allowance_warnings(&[AllowanceWarning::NoLimits { year: 2027 }], Lang::En)[0]
            .contains("No allowance limits are known for 2027")
    );
    assert_eq!(
        allowance(Allowance::PerHour(Cents(575)), Lang::Nl),
        "€ 5,75 per uur"
    );
}

#[test]
fn the_field_names_of_the_printer_are_in_words() {
    assert_eq!(field_name("offset_x_mm", Lang::Nl), "Verschuiving x (mm)");
}
