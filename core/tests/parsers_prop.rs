//! Property tests over every parser of user text (dates, postcodes, ISO weeks, money, hours,
//! addresses) and the CSV import: no panic on any input, what is accepted round-trips, what is
//! refused gets an error naming the field (and the line), and nothing is written.

mod common;

use common::{new_store, today};
use kapstok_core::access::AuditFilter;
use kapstok_core::common::{
    format_date, parse_address, parse_date, AddressFields, Cents, IsoWeek, Postcode,
};
use kapstok_core::experts::service::parse_hours;
use kapstok_core::{Error, Session};
use proptest::prelude::*;

/// Text that looks a bit like what people type: digits, separators, letters, spaces, odd
/// characters; and anything at all.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 ,.:/€WwA-Za-z-]{0,24}",
        "[0-9]{1,30}[,.:][0-9]{0,30}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn dates_never_panic_and_round_trip(text in typed()) {
        if let Some(d) = parse_date(&text) {
            prop_assert_eq!(parse_date(&format_date(d)), Some(d));
            prop_assert_eq!(parse_date(&d.to_string()), Some(d));
        }
    }

    #[test]
    fn real_dates_parse_in_both_forms(y in 1900i32..2100, ord in 1u32..366) {
        if let Some(d) = chrono::NaiveDate::from_yo_opt(y, ord) {
            prop_assert_eq!(parse_date(&format_date(d)), Some(d));
            prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Some(d));
        }
    }

    #[test]
    fn postcodes_never_panic_and_are_normalised(text in prop_oneof![
        "[0-9]{4} ?[a-zA-Z]{2}",
        typed(),
    ]) {
        if let Some(p) = Postcode::parse(&text) {
            let s = p.as_str().to_string();
            prop_assert_eq!(s.len(), 7, "{}", s);
            prop_assert!(s[..4].bytes().all(|b| b.is_ascii_digit()));
            prop_assert!(s[5..].bytes().all(|b| b.is_ascii_uppercase()));
            prop_assert_eq!(Postcode::parse(&s), Some(p));
        }
    }

    #[test]
    fn weeks_never_panic_and_round_trip(text in prop_oneof![
        "[0-9]{4}-?[Ww]?[0-9]{1,3}",
        typed(),
    ]) {
        if let Some(w) = IsoWeek::parse(&text) {
            prop_assert_eq!(IsoWeek::parse(&w.to_string()), Some(w));
            prop_assert!(w.week() >= 1 && w.week() <= 53);
            prop_assert_eq!(IsoWeek::of(w.monday()), w);
        }
    }

    #[test]
    fn money_never_panics_and_round_trips(text in typed()) {
        if let Some(c) = Cents::parse(&text) {
            prop_assert!(c.0 >= 0);
            prop_assert_eq!(Cents::parse(&c.to_string()), Some(c));
        }
    }

    #[test]
    fn amounts_round_trip(cents in 0i64..10_000_000_000) {
        prop_assert_eq!(Cents::parse(&Cents(cents).to_string()), Some(Cents(cents)));
    }

    #[test]
    fn hours_never_panic(text in typed()) {
        let _ = parse_hours(&text);
    }

    #[test]
    fn addresses_never_panic_and_name_the_field(
        kind in prop_oneof![
            Just("street".to_string()), Just("postbus".to_string()),
            Just("foreign".to_string()), Just("care_of".to_string()), typed()
        ],
        street in typed(), number in typed(), postcode in typed(), city in typed(),
    ) {
        let fields = AddressFields {
            kind: &kind,
            street: &street,
            house_number: &number,
            addition: "",
            postcode: &postcode,
            city: &city,
            country: "",
        };
        if let Err(errors) = parse_address(&fields) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(!e.field.is_empty());
            }
        }
    }
}

fn counts(admin: &Session) -> (usize, usize) {
    (
        admin.members().list().unwrap().len(),
        admin
            .audit_log()
            .entries(&AuditFilter::default())
            .unwrap()
            .len(),
    )
}

const HEADER: &str = "number;given;surname;birth_date;postcode;city;address_kind;street;house_number;joined;consent_birthday_card;notes";

/// A CSV row with each field either valid or garbage.
fn row() -> impl Strategy<Value = String> {
    let field = |good: &'static str| prop_oneof![3 => Just(good.to_string()), 1 => typed()];
    (
        field(""),
        field("Jan"),
        field("Poel"),
        field("01-02-1970"),
        field("1015 CJ"),
        field("Amsterdam"),
        field("street"),
        field("Keizersgracht"),
        field("12"),
        field("01-01-2020"),
        field(""),
        typed(),
    )
        .prop_map(|f| {
            [f.0, f.1, f.2, f.3, f.4, f.5, f.6, f.7, f.8, f.9, f.10, f.11]
                .iter()
                .map(|v| format!("\"{}\"", v.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(";")
        })
}

#[test]
fn csv_import_is_all_or_nothing_on_any_input() {
    let dir = tempfile::tempdir().unwrap();
    let (_k, admin) = new_store(dir.path());
    assert_eq!(today(), admin.today());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(96));
    // Random bytes, random text, and files of rows mixing good and bad fields.
    let input = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        any::<String>().prop_map(String::into_bytes),
        proptest::collection::vec(row(), 1..6).prop_map(|rows| format!(
            "{HEADER}\n{}\n",
            rows.join("\n")
        )
        .into_bytes()),
    ];
    runner
        .run(&input, |data| {
            let before = counts(&admin);
            let dry = admin.members().import_csv(&data, true);
            prop_assert_eq!(counts(&admin), before, "a dry run writes nothing");
            match admin.members().import_csv(&data, false) {
                Ok(report) => {
                    prop_assert_eq!(dry.map(|r| r.rows).ok(), Some(report.rows));
                    prop_assert_eq!(counts(&admin).0, before.0 + report.rows);
                }
                Err(Error::Import(rows)) => {
                    prop_assert_eq!(counts(&admin), before, "nothing half-written");
                    prop_assert!(!rows.is_empty());
                    // Lines end in \n, \r\n or a lone \r (as the CSV reader counts them).
                    let breaks = data
                        .iter()
                        .enumerate()
                        .filter(|(i, b)| {
                            **b == b'\n' || (**b == b'\r' && data.get(i + 1) != Some(&b'\n'))
                        })
                        .count();
                    let lines = breaks as u64 + 1;
                    for r in rows {
                        prop_assert!(r.line >= 1 && r.line <= lines.max(1), "line {}", r.line);
                    }
                    prop_assert!(matches!(dry, Err(Error::Import(_))));
                }
                Err(other) => {
                    prop_assert!(false, "an import error must name its lines: {:?}", other)
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn what_the_properties_found() {
    // Hours that overflow a u32 of minutes were a panic (attempt to multiply with overflow).
    assert_eq!(parse_hours("99999999:00"), None);
    assert_eq!(parse_hours("999999999999999,5"), None);
    assert_eq!(parse_hours("4:30"), Some(270));
    // Week numbers of years below 1000 did not round-trip through their text.
    let w = IsoWeek::parse("0000W1").unwrap();
    assert_eq!(w.to_string(), "0000-W01");
    assert_eq!(IsoWeek::parse(&w.to_string()), Some(w));
}
