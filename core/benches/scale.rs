//! The store-backed figures at 100,000 members: everything read from sled, as the program does.
//!
//! Before measuring it fills a store with `demo::fill(100_000)` (the proportional demo: about
//! 5,600 recipients with stays, 1,000 ill, 3,300 experts, four past runs) in a temporary folder,
//! and prints how long that took, the store's size on disk and the size of its CSV export.
//!
//! ```sh
//! cargo bench -p kapstok-core --bench scale
//! ```

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kapstok_core::basemail::LabelOrder;
use kapstok_core::common::IsoWeek;
use kapstok_core::members::search::{Query, SearchIndex};
use kapstok_core::{demo, Kapstok, Session};
use std::hint::black_box;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const MEMBERS: usize = 100_000;

struct Fixture {
    _dir: tempfile::TempDir,
    _k: Kapstok,
    admin: Session,
    csv: Vec<u8>,
}

fn size_on_disk(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return std::fs::metadata(path).map_or(0, |m| m.len());
    };
    entries
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                size_on_disk(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store");
        let k = Kapstok::open(&path).expect("open");
        let started = Instant::now();
        demo::fill(&k, MEMBERS, 2026).expect("demo");
        eprintln!(
            "demo::fill({MEMBERS}) took {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let admin = k.login("beheer", demo::DEMO_PASSWORD).expect("login");
        let csv = admin.members().export_csv().expect("export");
        let disk = size_on_disk(&path);
        eprintln!(
            "store on disk {:.1} MB, CSV export of the members {:.1} MB: {:.1}x",
            disk as f64 / 1e6,
            csv.len() as f64 / 1e6,
            disk as f64 / csv.len() as f64
        );
        Fixture {
            _dir: dir,
            _k: k,
            admin,
            csv,
        }
    })
}

fn reads(c: &mut Criterion) {
    let f = fixture();
    let mut g = c.benchmark_group("store_100k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("members list (scan, decode, sort)", |b| {
        b.iter(|| black_box(f.admin.members().list().expect("list")))
    });
    let list = f.admin.members().list().expect("list");
    g.bench_function("search index of the list", |b| {
        b.iter(|| black_box(SearchIndex::new(&list)))
    });
    let index = SearchIndex::new(&list);
    for q in ["b", "bakker", "bakker jan", "12"] {
        g.bench_function(format!("filter '{q}'"), |b| {
            b.iter(|| black_box(index.filter(&Query::new(q))))
        });
    }
    g.bench_function("out of sight", |b| {
        b.iter(|| black_box(f.admin.members().out_of_sight().expect("out of sight")))
    });
    let week = IsoWeek::of(f.admin.today());
    g.bench_function(
        "compose the week's run (read, compose, write, flush)",
        |b| b.iter(|| black_box(f.admin.basemail().compose(week).expect("compose"))),
    );
    let cards = f
        .admin
        .basemail()
        .compose(week)
        .expect("compose")
        .cards
        .len();
    eprintln!("the week's run has {cards} cards");
    g.bench_function(
        format!("labels PDF of the week's run ({cards} labels)"),
        |b| {
            b.iter(|| {
                black_box(
                    f.admin
                        .basemail()
                        .labels(week, "avery-l7160", 1, LabelOrder::Institution)
                        .expect("labels"),
                )
            })
        },
    );
    g.bench_function("CSV export of the members", |b| {
        b.iter(|| black_box(f.admin.members().export_csv().expect("export")))
    });
    g.finish();
}

fn import(c: &mut Criterion) {
    let f = fixture();
    let mut g = c.benchmark_group("store_100k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(60));
    g.bench_function("CSV import of 100,000 members into an empty store", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let k = Kapstok::open(&dir.path().join("store")).expect("open");
                let admin = k.setup("beheer", "bench-wachtwoord").expect("setup");
                (dir, k, admin)
            },
            |(dir, k, admin)| {
                let report = admin.members().import_csv(&f.csv, false).expect("import");
                assert_eq!(report.rows, MEMBERS);
                (dir, k, admin)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, reads, import);
criterion_main!(benches);
