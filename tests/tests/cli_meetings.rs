//! `kapstok meeting ...` against the real binary on a demo store: the list with the deadline, the
//! convocation's letters and e-mail list, the date sent (late only when accepted), the decision
//! register, the rules, and a coordinator who may read but not convene.

mod common;

use chrono::{Days, Local};
use common::{assert_failure, assert_success, Store, DEMO_PASSWORD};
use kapstok_tests::stdout;

fn dmy(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

#[test]
fn the_administrator_convenes_the_next_meeting() {
    let store = Store::demo();
    let today = Local::now().date_naive();
    let next = today + Days::new(24);
    let deadline = next - Days::new(14);

    let out = store.run_as("beheer", DEMO_PASSWORD, &["meeting", "list"]);
    assert_success(&out, "kapstok meeting list");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].contains(&format!("{} 19:30", dmy(next))), "{text}");
    assert!(
        lines[0].ends_with(&format!(
            "Convocatie uiterlijk versturen op {}",
            dmy(deadline)
        )),
        "{text}"
    );
    assert!(lines[1..]
        .iter()
        .all(|l| l.contains("Convocatie verstuurd op")));
    let id = lines[0].split('\t').next().unwrap().to_string();

    let dir = store.dir().join("convocatie");
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &[
            "meeting",
            "convocation",
            &id,
            "--dir",
            dir.to_str().unwrap(),
            "--labels",
            "avery-l7160",
        ],
    );
    assert_success(&out, "kapstok meeting convocation");
    let text = stdout(&out);
    let count = |what: &str| -> usize {
        text.lines()
            .find(|l| l.contains(what))
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{what} in {text}"))
    };
    let letters = count("per brief");
    let emails = count("per e-mail");
    assert!(letters > 100 && emails > 0, "{text}");
    assert_eq!(count("etiketten"), letters);
    let csv = std::fs::read_to_string(dir.join(format!("convocatie-{id}-email.csv"))).unwrap();
    assert!(csv.starts_with("number;name;email\r\n"));
    assert_eq!(csv.lines().count(), emails + 1);
    let pdf = std::fs::read(dir.join(format!("convocatie-{id}-brieven.pdf"))).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    assert!(
        doc.get_pages().len() >= letters,
        "one letter (or more pages) each"
    );
    assert!(text.contains(&format!(
        "Convocatie uiterlijk versturen op {}",
        dmy(deadline)
    )));

    // Sending after the deadline is refused unless accepted.
    let late = dmy(deadline + Days::new(1));
    let args = [
        "meeting",
        "convocation",
        &id,
        "--dir",
        dir.to_str().unwrap(),
        "--sent",
        &late,
    ];
    let out = store.run_as("beheer", DEMO_PASSWORD, &args);
    let err = assert_failure(&out, "a late convocation");
    assert!(
        err.contains(&format!(
            "ligt na de uiterste oproepingsdatum {}",
            dmy(deadline)
        )),
        "{err}"
    );
    assert!(err.contains("--late"), "{err}");
    let out = store.run_as("beheer", DEMO_PASSWORD, &[&args[..], &["--late"]].concat());
    assert_success(&out, "a late convocation, accepted");
    assert!(stdout(&out).contains(&format!("Convocatie verstuurd op {late} (te laat")));
    let out = store.run_as("beheer", DEMO_PASSWORD, &["meeting", "list"]);
    assert!(stdout(&out)
        .lines()
        .next()
        .unwrap()
        .contains(&format!("verstuurd op {late}")));

    let sheet = store.dir().join("presentielijst.pdf");
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &[
            "meeting",
            "attendance-sheet",
            &id,
            "-o",
            sheet.to_str().unwrap(),
        ],
    );
    assert_success(&out, "kapstok meeting attendance-sheet");
    assert!(lopdf::Document::load(&sheet).unwrap().get_pages().len() >= 2);
}

#[test]
fn the_decision_register_and_the_rules() {
    let store = Store::demo();
    let out = store.run_as("coordinator", DEMO_PASSWORD, &["meeting", "decisions"]);
    assert_success(&out, "kapstok meeting decisions");
    let all = stdout(&out);
    assert!(all.lines().count() >= 7, "{all}");
    assert!(all.contains("verworpen: de stemmen staken"), "{all}");
    assert!(all.contains("quorum niet gehaald"), "{all}");
    let out = store.run_as(
        "coordinator",
        DEMO_PASSWORD,
        &[
            "--lang",
            "en",
            "meeting",
            "decisions",
            "--search",
            "jaarrekening",
        ],
    );
    let found = stdout(&out);
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(
        found.contains("adopted: more than half of votes cast needed"),
        "{found}"
    );

    // Coordinators read; they do not convene or change the rules.
    let out = store.run_as(
        "coordinator",
        DEMO_PASSWORD,
        &["meeting", "convocation", "1"],
    );
    assert!(assert_failure(&out, "a coordinator's convocation").contains("Dit mag uw rol niet"));
    let out = store.run_as(
        "coordinator",
        DEMO_PASSWORD,
        &["meeting", "rules", "--notice-days", "21"],
    );
    assert!(assert_failure(&out, "a coordinator's rules").contains("Dit mag uw rol niet"));

    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &[
            "meeting",
            "rules",
            "--notice-days",
            "21",
            "--max-proxies",
            "2",
        ],
    );
    assert_success(&out, "kapstok meeting rules");
    let rules = stdout(&out);
    assert!(rules.contains("Oproepingstermijn: 21 dagen"), "{rules}");
    assert!(
        rules.contains("Volmachten: hoogstens 2 per persoon"),
        "{rules}"
    );
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["meeting", "rules", "--quorum-statute", "drie"],
    );
    assert!(assert_failure(&out, "a bad quorum").contains("quorum_statute"));
    let out = store.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["meeting", "rules", "--statute-notice-days", "6"],
    );
    assert!(assert_failure(&out, "too short a statute notice").contains("tussen 7 en 90"));
}
