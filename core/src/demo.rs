//! A realistic synthetic association for trying kapstok out and for tests: members with Dutch
//! names, surname prefixes, diacritics, known-as names, Postbus, care-of and foreign addresses,
//! some suspended, ended and deceased; and one user per role. Deterministic for a given seed and
//! day.

use crate::access::{Role, Session};
use crate::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use crate::common::{format_date, IsoWeek};
use crate::common::{Address, PersonName, Postcode};
use crate::error::{Error, Result};
use crate::members::{Consents, Member, Status, StatusEntry};
use crate::settings::Settings;
use crate::store::{Store, TreeId};
use crate::Kapstok;
use chrono::{Datelike, Days, NaiveDate};

pub mod scale;
pub use scale::Scale;

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "kapstok-demo";

/// The demo users: name and role.
pub const DEMO_USERS: [(&str, Role); 3] = [
    ("beheer", Role::Administrator),
    ("coordinator", Role::Coordinator),
    ("vrijwilliger", Role::Volunteer),
];

/// What was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    /// The number of members.
    pub members: usize,
    /// The users with their roles; all have [`DEMO_PASSWORD`].
    pub users: Vec<(String, Role)>,
}

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// True with the given chance in percent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

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

/// Fills an empty store: the demo users and `count` members. Refused when the store has users.
///
/// A demo is written in many transactions. The first sets the meta key
/// [`DEMO_INCOMPLETE`](crate::store::keys::meta::DEMO_INCOMPLETE), the last removes it: a store
/// that carries it holds a half-written demo (the process was killed, the disk was full), which
/// counts as empty ([`Kapstok::needs_setup`]) and which the next `fill` (or
/// [`Kapstok::setup`]) clears before it starts again.
pub fn fill(k: &Kapstok, count: usize, seed: u64) -> Result<DemoReport> {
    if is_incomplete(k.store())? {
        clear_incomplete(k.store())?;
    }
    if !k.needs_setup()? {
        return Err(Error::NotEmpty);
    }
    mark_incomplete(k.store(), true)?;
    let report = fill_marked(k, count, seed)?;
    mark_incomplete(k.store(), false)?;
    Ok(report)
}

/// True when the store holds a half-written demo (see [`fill`]).
pub(crate) fn is_incomplete(store: &Store) -> Result<bool> {
    Ok(store
        .tree(TreeId::Meta)
        .get(crate::store::keys::meta::DEMO_INCOMPLETE)?
        .is_some())
}

/// Sets or removes the marker, flushed before this returns (the first and the last write of a
/// demo).
pub(crate) fn mark_incomplete(store: &Store, on: bool) -> Result<()> {
    store.usable()?;
    let meta = store.tree(TreeId::Meta);
    let key = crate::store::keys::meta::DEMO_INCOMPLETE;
    let written = if on {
        meta.insert(key, &[1u8][..]).map(|_| ())
    } else {
        meta.remove(key).map(|_| ())
    };
    if let Err(e) = written {
        return Err(store.fail(e.into()));
    }
    store.flush()
}

/// Removes what a half-written demo wrote: every record, counter, user key wrap and settings
/// reset note, keeping the format version, the encryption header and the passphrase's wrap, the
/// backup setting and the marker itself (so a kill amid the clearing is cleared again).
pub(crate) fn clear_incomplete(store: &Store) -> Result<()> {
    use crate::store::keys::meta;
    store.usable()?;
    for tree in TreeId::ALL {
        if tree != TreeId::Meta {
            store.tree(tree).clear()?;
        }
    }
    let meta_tree = store.tree(TreeId::Meta);
    for prefix in [meta::CRYPT_USER, meta::SEQ, meta::SETTINGS_RESET] {
        for key in meta_tree.scan_prefix(prefix).keys() {
            meta_tree.remove(key?)?;
        }
    }
    store.flush()
}

fn fill_marked(k: &Kapstok, count: usize, seed: u64) -> Result<DemoReport> {
    let (admin_name, _) = DEMO_USERS[0];
    let admin = k.setup_now(admin_name, DEMO_PASSWORD)?;
    for (name, role) in &DEMO_USERS[1..] {
        admin.users().add(name, *role, DEMO_PASSWORD)?;
    }
    let members = members(count, seed, k.today());
    admin.members().insert_all(&members, "member.demo")?;
    // The hand-made part, through the services; then the same proportions for the members
    // beyond it, in batches (see `scale`); the runs last, so that they hold everyone.
    let scale = Scale::for_members(count);
    basemail(&admin, &members, seed)?;
    experts(&admin, &members, seed)?;
    training(&admin, seed)?;
    crate::meetings::demo::fill(&admin, &members, seed)?;
    scale::basemail(&admin, &members, &scale, seed)?;
    scale::experts(&admin, &members, &scale, seed)?;
    past_runs(&admin)?;
    Ok(DemoReport {
        members: members.len(),
        users: DEMO_USERS
            .iter()
            .map(|(n, r)| (n.to_string(), *r))
            .collect(),
    })
}

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
fn basemail(admin: &Session, members: &[Member], seed: u64) -> Result<()> {
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
fn past_runs(admin: &Session) -> Result<()> {
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

/// The first day of the half year (January or July) a day lies in.
fn half_year_start(day: NaiveDate) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year(), if day.month() <= 6 { 1 } else { 7 }, 1)
        .ok_or(Error::Storage("demo date".into()))
}

/// Experts demo data: about ten experts with agreements in their second or later half year,
/// some ending within six weeks, reviews held with each outcome, and reviews planned in the
/// coming weeks.
fn experts(admin: &Session, members: &[Member], seed: u64) -> Result<()> {
    use crate::volunteers::{AgreementInput, Conversation, Outcome, Slot};
    let today = admin.today();
    let ex = admin.experts();
    let mut rng = Rng::new(seed ^ 0xED);
    let adults: Vec<&Member> = members
        .iter()
        .filter(|m| {
            m.status() == &crate::members::Status::Active
                && m.birth_date.is_some_and(|b| today.year() - b.year() > 25)
        })
        .collect();
    let tasks = [
        "individuele cliëntondersteuning; outreach",
        "voorlichting",
        "outreach; klussen voor de vereniging",
        "verspreiding ledenblad Spuit 11",
        "onderzoek en interviews; voorlichting",
    ];
    let staff = ["coordinator", "beheer"];
    let half = |date: NaiveDate| {
        if date.month() <= 6 {
            "first_half"
        } else {
            "second_half"
        }
    };
    let current_start = if today.month() <= 6 {
        NaiveDate::from_ymd_opt(today.year(), 1, 1)
    } else {
        NaiveDate::from_ymd_opt(today.year(), 7, 1)
    }
    .ok_or(Error::Storage("demo date".into()))?;
    let previous_start = current_start
        .checked_sub_months(chrono::Months::new(6))
        .ok_or(Error::Storage("demo date".into()))?;
    let mut slot_day = today + Days::new(1);
    for i in 0..10usize {
        let Some(m) = adults.get((rng.below(adults.len() as u64)) as usize) else {
            break;
        };
        if ex.agreements()?.iter().any(|(_, a)| a.expert == m.number) {
            continue;
        }
        let hourly = i % 3 != 2;
        let input = |start: NaiveDate| AgreementInput {
            expert: m.number.to_string(),
            period: half(start).into(),
            year: start.year().to_string(),
            tasks: tasks[i % tasks.len()].into(),
            hours_per_week: ["4", "6", "8", "3,5"][i % 4].into(),
            allowance: if hourly {
                "per_hour".into()
            } else {
                "per_month".into()
            },
            amount: if hourly { "5,00".into() } else { "150".into() },
            expenses: "reiskosten openbaar vervoer".into(),
            guidance: staff[i % 2].into(),
            ..AgreementInput::default()
        };
        // The previous half year, reviewed with "continue" or "adjust": the current agreement is
        // the one drafted from that review, signed.
        let previous = ex.create(&input(previous_start))?;
        ex.sign(previous.id, previous.agreement.start - Days::new(14))?;
        let held_on = previous.agreement.end - Days::new(20 + rng.below(10));
        let held_at = next_workday(held_on)
            .and_hms_opt(10 + (i % 5) as u32, 0, 0)
            .unwrap_or_default();
        let review = ex.schedule(
            previous.id,
            Slot {
                start: held_at,
                minutes: 60,
                staff: staff[i % 2].into(),
                place: "kantoor".into(),
            },
        )?;
        let outcome = if i % 4 == 3 {
            Outcome::Adjust
        } else {
            Outcome::Continue
        };
        let talk = Conversation {
            work: "Gaat goed; vaste kracht op de inloop.".into(),
            enjoyment: "Veel plezier in het contact met bezoekers.".into(),
            difficulties: if i % 2 == 0 {
                "Soms zwaar na een incident.".into()
            } else {
                String::new()
            },
            agreed: "Doorgaan met dezelfde taken.".into(),
            training_wishes: if i % 3 == 0 {
                "naloxon-training".into()
            } else {
                String::new()
            },
        };
        let (_, next) = ex.record(review, held_at.date().min(today), talk, outcome)?;
        let Some(current) = next else { continue };
        ex.sign(current, current_start - Days::new(7))?;
        // Reviews of the current half year: one held with "stop", some planned, the rest due.
        match i % 5 {
            0 => {
                // Experts 0 and 5 both come here: each with their own staff member, so that
                // nobody has two reviews at once (a held review keeps its slot).
                let at = next_workday(today - Days::new(3))
                    .and_hms_opt(11, 0, 0)
                    .unwrap_or_default();
                let r = ex.schedule(
                    current,
                    Slot {
                        start: at,
                        minutes: 60,
                        staff: staff[i / 5 % 2].into(),
                        place: "kantoor".into(),
                    },
                )?;
                ex.record(
                    r,
                    at.date().min(today),
                    Conversation {
                        agreed: "Stoppen na dit halfjaar.".into(),
                        ..Conversation::default()
                    },
                    Outcome::Stop,
                )?;
            }
            1 | 2 => {
                slot_day = next_workday(slot_day + Days::new(2));
                let at = slot_day
                    .and_hms_opt(10 + (i as u32 % 3), 30, 0)
                    .unwrap_or_default();
                ex.schedule(
                    current,
                    Slot {
                        start: at,
                        minutes: 60,
                        staff: staff[i % 2].into(),
                        place: "kantoor, spreekkamer".into(),
                    },
                )?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn next_workday(mut day: NaiveDate) -> NaiveDate {
    while matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
        day = day + Days::new(1);
    }
    day
}

/// Training demo data: the task descriptions of FACTS.md with their skills, a course catalogue,
/// skills held by the experts (some expiring soon), a plan per expert, and a budget.
fn training(admin: &Session, seed: u64) -> Result<()> {
    use crate::training::{CourseInput, SkillInput, Source, Step, TaskInput, TrainingSettings};
    let t = admin.training();
    let today = admin.today();
    let mut rng = Rng::new(seed ^ 0x7A);
    t.set_settings(TrainingSettings {
        expiring_weeks: 6,
        budget_per_half_year: Some(crate::common::Cents(250_000)),
    })?;
    let skills = [
        ("EHBO", "Eerste hulp bij ongelukken", "24"),
        (
            "Naloxon toedienen",
            "Overdosis herkennen en naloxon geven",
            "12",
        ),
        ("Gespreksvoering", "Motiverende gespreksvoering", ""),
        (
            "Omgaan met agressie",
            "De-escalatie en grenzen stellen",
            "36",
        ),
        (
            "Voorlichting geven",
            "Een groep voorlichten over veilig gebruik",
            "",
        ),
        (
            "Privacy en beroepsgeheim",
            "AVG en geheimhouding in het werk",
            "",
        ),
        ("Interviewtechniek", "Interviews afnemen voor onderzoek", ""),
        ("Hygiënecode", "Veilig werken met voedsel", "60"),
        (
            "Begeleiden bij afspraken",
            "Mee naar instanties en zorgverleners",
            "",
        ),
    ];
    for (name, description, months) in skills {
        t.save_skill(
            None,
            &SkillInput {
                name: name.into(),
                description: description.into(),
                validity_months: months.into(),
            },
        )?;
    }
    let tasks = [
        (
            "individuele cliëntondersteuning",
            "Mensen begeleiden naar afspraken",
            "Begeleiden bij afspraken; Gespreksvoering; Privacy en beroepsgeheim",
        ),
        (
            "voorlichting",
            "Voorlichting over veilig gebruik",
            "Voorlichting geven; Gespreksvoering; Naloxon toedienen",
        ),
        (
            "outreach",
            "Inloophuizen, gebruiksruimtes, opvang, parken, stations, leden thuis",
            "EHBO; Naloxon toedienen; Omgaan met agressie; Gespreksvoering",
        ),
        (
            "klussen voor de vereniging",
            "Schoonmaak, inkoop en catering, reparaties",
            "Hygiënecode",
        ),
        (
            "verspreiding ledenblad Spuit 11",
            "Het ledenblad rondbrengen",
            "Privacy en beroepsgeheim",
        ),
        (
            "onderzoek en interviews",
            "Meewerken aan onderzoek",
            "Interviewtechniek; Privacy en beroepsgeheim",
        ),
    ];
    for (name, description, needs) in tasks {
        t.save_task(
            None,
            &TaskInput {
                name: name.into(),
                description: description.into(),
                skills: needs.into(),
            },
        )?;
    }
    let courses = [
        (
            "EHBO-diploma",
            "Rode Kruis",
            "EHBO",
            "16",
            "195",
            "Amsterdam",
        ),
        (
            "Naloxon-training",
            "GGD Amsterdam",
            "Naloxon toedienen",
            "3",
            "0",
            "Amsterdam",
        ),
        (
            "Eerste hulp bij drugsnoodgevallen",
            "Trimbos-instituut",
            "EHBO; Naloxon toedienen",
            "8",
            "150",
            "",
        ),
        (
            "Motiverende gespreksvoering",
            "Trimbos-instituut",
            "Gespreksvoering",
            "12",
            "275",
            "Utrecht",
        ),
        (
            "Omgaan met agressie",
            "Rode Kruis",
            "Omgaan met agressie",
            "6",
            "120",
            "Amsterdam",
        ),
        (
            "Voorlichter worden",
            "GGD Amsterdam",
            "Voorlichting geven; Gespreksvoering",
            "10",
            "90",
            "Amsterdam",
        ),
        (
            "Privacy in de praktijk",
            "Vereniging (intern)",
            "Privacy en beroepsgeheim",
            "2",
            "0",
            "",
        ),
        (
            "Interviewen voor onderzoek",
            "Universiteit van Amsterdam",
            "Interviewtechniek",
            "6",
            "60",
            "Amsterdam",
        ),
        (
            "Hygiënecode vrijwilligers",
            "Voedingscentrum",
            "Hygiënecode",
            "2",
            "25",
            "",
        ),
    ];
    for (name, provider, teaches, hours, cost, place) in courses {
        t.save_course(
            None,
            &CourseInput {
                name: name.into(),
                provider: provider.into(),
                skills: teaches.into(),
                hours: hours.into(),
                cost: cost.into(),
                place: place.into(),
            },
        )?;
    }
    let experts: std::collections::BTreeSet<u64> = admin
        .experts()
        .agreements()?
        .into_iter()
        .map(|(_, a)| a.expert)
        .collect();
    let all_skills = t.skills()?;
    for (i, expert) in experts.iter().enumerate() {
        // Some skills from experience; for every third expert one that expires in the coming
        // weeks (acquired its validity ago, less 10 to 30 days).
        for (j, (skill, s)) in all_skills.iter().enumerate() {
            let expiring_soon = i % 3 == 0 && s.validity_months.is_some() && j % 2 == 0;
            let months = s.validity_months.unwrap_or(24);
            let acquired = if expiring_soon {
                today
                    .checked_sub_months(chrono::Months::new(months))
                    .map(|d| d + Days::new(10 + rng.below(20)))
            } else if rng.chance(45) {
                today.checked_sub_months(chrono::Months::new(
                    1 + rng.below(u64::from(months.saturating_sub(2).max(1))) as u32,
                ))
            } else {
                None
            };
            if let Some(acquired) = acquired.filter(|d| *d <= today) {
                t.add_held(*expert, *skill, acquired, Source::Experience)?;
            }
        }
        // A plan: the first suggested course, moved along some steps.
        let gap = t.gap(*expert)?;
        if let Some(course) = gap.suggestion.courses.first() {
            let item = t.propose(*expert, Some(*course), "", today)?;
            let steps: &[Step] = match i % 4 {
                0 => &[],
                1 => &[Step::Agree],
                2 => &[Step::Agree, Step::Enroll],
                _ => &[Step::Agree, Step::Enroll, Step::Complete],
            };
            for (k, step) in steps.iter().enumerate() {
                t.advance(item, *step, today - Days::new(20 - 5 * k as u64))?;
            }
        }
    }
    Ok(())
}
