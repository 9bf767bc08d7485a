//! Layout and PDF of 10,000 BaseMail labels (Avery L7160, 21 per sheet): the size of a large
//! weekly run done in one go. Prints the PDF's size per label once before measuring.

use criterion::{criterion_group, criterion_main, Criterion};
use kapstok_core::print::{layout, pdf, sheets, Calibration};
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
    let mut group = c.benchmark_group("labels");
    group.sample_size(10);
    group.bench_function("layout 10k", |b| {
        b.iter(|| layout::layout(&sheet, Calibration::default(), 1, black_box(&input)))
    });
    group.bench_function("layout + pdf 10k", |b| {
        b.iter(|| render_all(&sheet, black_box(&input)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
