//! BaseMail at size: composing a week's run over 100,000 members of whom 10,000 are detained,
//! then layout and PDF of its 10,000 labels (Avery L7160, 21 per sheet). Prints the PDF's size
//! per label once before measuring.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use kapstok_core::basemail::rules::{compose, Office, World};
use kapstok_core::basemail::{Institution, InstitutionKind, Recipient, Stay};
use kapstok_core::common::{Address, IsoWeek, Postcode};
use kapstok_core::members::Member;
use kapstok_core::print::{layout, pdf, sheets, Calibration};
use std::collections::HashMap;
use std::hint::black_box;

const LABELS: usize = 10_000;

fn labels() -> Vec<Vec<String>> {
    let names = [
        "Łukasz Wiśniewski",
        "Şükrü Yılmaz",
        "Zoë van der Berg",
        "Jan de Vries",
    ];
    (0..LABELS)
        .map(|i| {
            vec![
                names[i % names.len()].to_string(),
                format!("Reg.nr. {:07}", 1_000_000 + i),
                format!(
                    "Afdeling {}, cel {}",
                    (b'A' + (i % 6) as u8) as char,
                    100 + i % 300
                ),
                "Postbus 2170".to_string(),
                "8203 AD  LELYSTAD".to_string(),
            ]
        })
        .collect()
}

fn render_all(sheet: &sheets::LabelSheet, input: &[Vec<String>]) -> Vec<u8> {
    let placed = match layout::layout(sheet, Calibration::default(), 1, input) {
        Ok(placed) => placed,
        Err(e) => panic!("layout failed: {e}"),
    };
    match pdf::render(&placed, "BaseMail") {
        Ok(bytes) => bytes,
        Err(e) => panic!("render failed: {e}"),
    }
}

struct Association {
    members: HashMap<u64, Member>,
    recipients: Vec<(u64, Recipient)>,
    stays: Vec<(u64, Stay)>,
    institutions: HashMap<u64, Institution>,
    office: Office,
}

fn association() -> Association {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let members: HashMap<u64, Member> = kapstok_core::demo::members(100_000, 7, today)
        .into_iter()
        .map(|m| (m.number, m))
        .collect();
    let postbus = |n: u32, code: &str, city: &str| Address::Postbus {
        number: n,
        postcode: Postcode::parse(code).unwrap_or_else(|| panic!("{code}")),
        city: city.into(),
    };
    let institutions: HashMap<u64, Institution> = (1..=40)
        .map(|id| {
            let inst = Institution {
                name: format!("PI Demo {id}"),
                kind: InstitutionKind::Prison,
                address: postbus(2000 + id as u32, "8203 AD", "Lelystad"),
                needs_registration_number: true,
                needs_unit: false,
                needs_sender: false,
                house_rules: "Alleen kaarten.".into(),
            };
            (id, inst)
        })
        .collect();
    let mut recipients = Vec::new();
    let mut stays = Vec::new();
    for (i, number) in (1..=100_000u64).step_by(10).enumerate() {
        let id = i as u64 + 1;
        recipients.push((
            id,
            Recipient {
                member: Some(number),
                name: Default::default(),
                known_as: String::new(),
                birthday: None,
                ill_since: None,
                notes: String::new(),
            },
        ));
        stays.push((
            id,
            Stay {
                recipient: id,
                institution: 1 + id % 40,
                unit: format!("Afdeling {}", id % 9),
                registration_number: format!("{:07}", 1_000_000 + id),
                from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
                expected_release: None,
                ended_on: None,
                confirmed_on: None,
                check_needed: false,
            },
        ));
    }
    let office = Office {
        name: "Kantoor".into(),
        address: postbus(1000, "1000 AB", "Amsterdam"),
    };
    Association {
        members,
        recipients,
        stays,
        institutions,
        office,
    }
}

fn bench(c: &mut Criterion) {
    let Some(sheet) = sheets::find("avery-l7160") else {
        panic!("avery-l7160 is built in");
    };
    let input = labels();
    let bytes = render_all(&sheet, &input);
    println!(
        "{LABELS} labels: {} bytes of PDF, {:.1} bytes per label",
        bytes.len(),
        bytes.len() as f64 / LABELS as f64
    );
    let a = association();
    let week = IsoWeek::parse("2026-W48").unwrap_or_else(|| panic!("week"));
    let world = World {
        members: &a.members,
        recipients: &a.recipients,
        stays: &a.stays,
        institutions: &a.institutions,
        office: &a.office,
    };
    let (cards, left_out) = compose(week, world, &[]);
    println!(
        "composed: {} cards, {} left out, from {} members",
        cards.len(),
        left_out.len(),
        a.members.len()
    );
    let mut group = c.benchmark_group("labels");
    group.sample_size(10);
    group.bench_function("layout 10k", |b| {
        b.iter(|| layout::layout(&sheet, Calibration::default(), 1, black_box(&input)))
    });
    group.bench_function("layout + pdf 10k", |b| {
        b.iter(|| render_all(&sheet, black_box(&input)))
    });
    group.bench_function("compose run, 100k members", |b| {
        b.iter(|| compose(week, black_box(world), &[]))
    });
    group.bench_function("compose + labels + pdf, the composed run", |b| {
        b.iter(|| {
            let (cards, _) = compose(week, black_box(world), &[]);
            let texts: Vec<Vec<String>> = cards.into_iter().map(|c| c.address).collect();
            render_all(&sheet, &texts)
        })
    });

    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
