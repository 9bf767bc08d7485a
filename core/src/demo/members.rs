//! The demo's members: Dutch names with prefixes and diacritics, known-as names, street,
//! Postbus, care-of and foreign addresses, some suspended, ended or deceased.

use super::Rng;
use crate::common::{Address, PersonName, Postcode};
use crate::members::{Consents, Member, Status, StatusEntry};
use chrono::{Datelike, Days, NaiveDate};

const GIVEN: &[&str] = &[
    "Jan",
    "Piet",
    "Kees",
    "Henk",
    "Gerrit",
    "Willem",
    "Johan",
    "Ruud",
    "Sander",
    "Dennis",
    "Marco",
    "Ricardo",
    "Mohamed",
    "Youssef",
    "Ömer",
    "Şükrü",
    "Łukasz",
    "Tomasz",
    "Ahmet",
    "Dirk",
    "Bram",
    "Thijs",
    "Joost",
    "Erik",
    "Maria",
    "Anna",
    "Els",
    "Ingrid",
    "Petra",
    "Sandra",
    "Anouk",
    "Fatima",
    "Zoë",
    "Chloë",
    "Noëlle",
    "Renée",
    "Jolanda",
    "Mirjam",
    "Sylvia",
    "Naima",
    "Agnieszka",
    "Dagmar",
    "Linda",
    "Monique",
    "J.",
    "P.J.",
    "A.M.",
    "R.",
];
const SURNAMES: &[(&str, &str)] = &[
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("van", "Dijk"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("de", "Jong"),
    ("van der", "Poel"),
    ("'t", "Hart"),
    ("ten", "Cate"),
    ("", "Müller"),
    ("", "Öztürk"),
    ("", "Yılmaz"),
    ("", "Kowalski"),
    ("", "Nowak"),
    ("", "El Amrani"),
    ("", "Citroën"),
    ("", "Ekström"),
    ("", "Gonçalves"),
    ("", "Janssens"),
    ("van 't", "Zand"),
    ("in 't", "Veld"),
];
const KNOWN_AS: &[&str] = &[
    "Lange Jan",
    "Rooie",
    "Kleine Piet",
    "Blonde Els",
    "Professor",
    "Tante Rie",
    "Stille Willem",
    "Zeeuw",
    "Gitaar-Kees",
    "Mama Fatima",
    "de Dokter",
    "Ome Henk",
    "Poolse Tom",
    "Zus",
    "Fietsen-Bram",
    "Spin",
];
const STREETS: &[(&str, &str, &str)] = &[
    ("Keizersgracht", "1015 CS", "Amsterdam"),
    ("Javastraat", "1094 HE", "Amsterdam"),
    ("Bijlmerdreef", "1102 CT", "Amsterdam"),
    ("Kinkerstraat", "1053 DV", "Amsterdam"),
    ("Van Woustraat", "1074 AD", "Amsterdam"),
    ("Oudegracht", "3511 AP", "Utrecht"),
    ("Coolsingel", "3011 AD", "Rotterdam"),
    ("Grote Markt", "9711 LV", "Groningen"),
    ("Stationsplein", "1012 AB", "Amsterdam"),
    ("Damrak", "1012 LG", "Amsterdam"),
];
const FOREIGN: &[(&str, &str, &str, &str)] = &[
    ("Hauptstraße 12", "10115", "Berlin", "Germany"),
    ("Rue de la Loi 44", "1040", "Bruxelles", "Belgium"),
    ("ul. Długa 7", "80-831", "Gdańsk", "Poland"),
    ("Calle Mayor 3", "28013", "Madrid", "Spain"),
];
const END_REASONS: &[&str] = &[
    "verhuisd",
    "lidmaatschap opgezegd",
    "jaren geen contact",
    "op eigen verzoek",
];

fn mail_part(text: &str) -> String {
    crate::common::fold(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Days::new(rng.below(span + 1))
}

/// Generates `count` members relative to `today`; numbers from 1.
pub fn members(count: usize, seed: u64, today: NaiveDate) -> Vec<Member> {
    let mut rng = Rng::new(seed);
    let office_start = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap_or(today);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let (prefix, surname) = *rng.pick(SURNAMES);
        let given = *rng.pick(GIVEN);
        let birth_year = today.year() - 19 - rng.below(55) as i32;
        let birth = NaiveDate::from_ymd_opt(
            birth_year,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        );
        let earliest_join = birth
            .and_then(|b| b.checked_add_days(Days::new(18 * 366)))
            .map_or(office_start, |d| d.max(office_start));
        let joined = date_between(&mut rng, earliest_join.min(today), today);
        let known_as = if rng.chance(30) {
            rng.pick(KNOWN_AS).to_string()
        } else {
            String::new()
        };
        let address = match rng.below(100) {
            0..=39 => Address::CareOfOffice,
            40..=74 => {
                let (street, postcode, city) = *rng.pick(STREETS);
                let number = 1 + rng.below(300) as u32;
                let addition = if rng.chance(25) {
                    rng.pick(&["A", "B", "-2", "huis"]).to_string()
                } else {
                    String::new()
                };
                match Postcode::parse(postcode) {
                    Some(postcode) => Address::Street {
                        street: street.into(),
                        number,
                        addition,
                        postcode,
                        city: city.into(),
                    },
                    None => Address::CareOfOffice,
                }
            }
            75..=79 => match Postcode::parse("1000 AB") {
                Some(postcode) => Address::Postbus {
                    number: 100 + rng.below(9000) as u32,
                    postcode,
                    city: "Amsterdam".into(),
                },
                None => Address::CareOfOffice,
            },
            80..=86 => {
                let (street, postcode, city, country) = *rng.pick(FOREIGN);
                Address::Foreign {
                    street: street.into(),
                    postcode: postcode.into(),
                    city: city.into(),
                    country: country.into(),
                }
            }
            _ => Address::Unknown,
        };
        let mut history = vec![StatusEntry {
            since: joined,
            status: Status::Active,
        }];
        let roll = rng.below(100);
        let change = date_between(&mut rng, joined, today);
        match roll {
            0..=5 => history.push(StatusEntry {
                since: change,
                status: Status::Suspended,
            }),
            6..=15 => history.push(StatusEntry {
                since: change,
                status: Status::Ended {
                    reason: rng.pick(END_REASONS).to_string(),
                },
            }),
            16..=19 => history.push(StatusEntry {
                since: change,
                status: Status::Deceased,
            }),
            _ => {}
        }
        let consent = |rng: &mut Rng, p: u64| {
            if rng.chance(p) {
                Some(date_between(rng, joined, today))
            } else {
                None
            }
        };
        let email = if rng.chance(35) {
            format!("{}.{}@example.nl", mail_part(given), mail_part(surname))
        } else {
            String::new()
        };
        let consents = Consents {
            convocation_email: if email.is_empty() {
                None
            } else {
                consent(&mut rng, 70)
            },
            birthday_card: consent(&mut rng, 60),
            magazine: consent(&mut rng, 50),
        };
        let last_contact = if rng.chance(85) {
            Some(date_between(
                &mut rng,
                joined.max(today - Days::new(300)),
                today,
            ))
        } else {
            None
        };
        let phone = if rng.chance(50) {
            format!("06-{:08}", rng.below(100_000_000))
        } else {
            String::new()
        };
        out.push(Member {
            number: i as u64 + 1,
            name: PersonName::new(given, prefix, surname),
            known_as,
            birth_date: birth,
            phone,
            email,
            address,
            status_history: history,
            joined,
            consents,
            last_contact,
            notes: if rng.chance(10) {
                "Komt vaak op dinsdag langs bij de inloop.".into()
            } else {
                String::new()
            },
        });
    }
    out
}
