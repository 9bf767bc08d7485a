//! `kapstok report year` against the real binary on a demo store: the figures as a table, the PDF
//! with charts and the CSV; a volunteer is refused.

mod common;

use chrono::{Datelike, Local};
use common::{assert_failure, assert_success, Store, DEMO_PASSWORD};
use kapstok_tests::stdout;

#[test]
fn the_years_figures_as_table_pdf_and_csv() {
    let store = Store::demo();
    let year = Local::now().year().to_string();
    let pdf = store.dir().join("jaarcijfers.pdf");
    let csv = store.dir().join("jaarcijfers.csv");
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &[
            "report",
            "year",
            &year,
            "-o",
            pdf.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert_success(&out, "kapstok report year");
    let text = stdout(&out);
    let value = |label: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{label}\t")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{label} in {text}"))
    };
    assert!(value("Leden op 1 januari") > 200, "{text}");
    assert!(value("Kaarten verstuurd") > 0, "{text}");
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.starts_with("section;item;value\r\n"));
    assert!(table.contains(&format!(
        "members;at_start;{}\r\n",
        value("Leden op 1 januari")
    )));
    assert!(table.contains(&format!("cards;posted;{}\r\n", value("Kaarten verstuurd"))));
    let doc = lopdf::Document::load(&pdf).unwrap();
    let first = doc.extract_text(&[1]).unwrap();
    assert!(first.contains(&format!("Jaarcijfers {year}")), "{first}");

    let out = store.run_as("vrijwilliger", DEMO_PASSWORD, &["report", "year", &year]);
    assert!(assert_failure(&out, "a volunteer's report").contains("Dit mag uw rol niet"));
    let out = store.run_as("beheer", DEMO_PASSWORD, &["report", "year", "1850"]);
    assert!(assert_failure(&out, "a year out of range").contains("2000"));
}
