//! What encryption at rest costs: the demo association (3,000 members with everything the demo
//! makes) in an unencrypted and in an encrypted store, measured side by side: reading the whole
//! member register, one change (transaction, sealing, flush to disk) and a full backup (dump).
//! Unlocking costs one argon2 derivation per login on a locked store (not measured here: sled
//! cannot reopen a store in the same process at once).

use criterion::{criterion_group, criterion_main, Criterion};
use kapstok_core::{demo, Kapstok};
use std::hint::black_box;
use std::path::Path;

const MEMBERS: usize = 3_000;
const PASSPHRASE: &str = "wachtwoordzin van de benchmark";

fn store(dir: &Path, encrypted: bool) -> Kapstok {
    let path = dir.join(if encrypted { "sealed" } else { "plain" });
    let k = if encrypted {
        Kapstok::create_encrypted(&path, PASSPHRASE).unwrap()
    } else {
        Kapstok::open(&path).unwrap()
    };
    demo::fill(&k, MEMBERS, 2026).unwrap();
    k
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for encrypted in [false, true] {
        let kind = if encrypted { "encrypted" } else { "plain" };
        let k = store(dir.path(), encrypted);
        let admin = k.login(demo::DEMO_USERS[0].0, demo::DEMO_PASSWORD).unwrap();
        let mut group = c.benchmark_group(format!("store_{kind}"));
        group.sample_size(20);
        group.bench_function("list 3000 members", |b| {
            b.iter(|| black_box(admin.members().list().unwrap().len()))
        });
        let today = admin.today();
        group.bench_function("one change (record a contact)", |b| {
            b.iter(|| black_box(admin.members().record_contact(1, today).unwrap()))
        });
        let file = dir.path().join(format!("{kind}.jsonl"));
        group.bench_function("backup of the whole store", |b| {
            b.iter(|| black_box(admin.backup(&file).unwrap()))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
