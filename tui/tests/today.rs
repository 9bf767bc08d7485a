//! The Today tab, the start screen after login, on the demo at a fixed day: what each role sees,
//! where each line leads, and the year's figures with their charts and files.

use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok::i18n::Msg;
use kapstok::keys::Mode;
use kapstok_core::{demo, Kapstok};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

struct Fixture {
    dir: tempfile::TempDir,
    k: Kapstok,
}

fn store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let k = demo_store(dir.path());
    Fixture { dir, k }
}

/// Logged in, on the start screen.
fn logged_in(f: &Fixture, user: &str, lang: Lang) -> App {
    log_in(&f.k, user, demo::DEMO_PASSWORD, lang)
}

/// The selected line of the Today list (marked `▸`), without the marker.
fn selected(screen: &str) -> Option<String> {
    screen.lines().find_map(|l| {
        let l = l.trim_matches('"');
        l.find('▸')
            .map(|i| l[i + '▸'.len_utf8()..].trim().to_string())
    })
}

/// Walks every line of the Today list: Enter must open the tab and the view (the keyboard's
/// mode) `expected(line)`, and tab 0 leads back. Each line names its view: a line after one that
/// opened another view of the same tab still lands on its own.
fn every_line_leads(app: &mut App, expected: impl Fn(&str) -> (Msg, Mode)) -> usize {
    let mut seen = Vec::new();
    key(app, KeyCode::Home);
    loop {
        let s = screen(app, 120, 40);
        let line = selected(&s).unwrap_or_else(|| panic!("a line is selected:\n{s}"));
        if seen.contains(&line) {
            break;
        }
        key(app, KeyCode::Enter);
        let (tab, mode) = expected(&line);
        assert_eq!((app.tab(), app.mode()), (Some(tab), mode), "{line}");
        if app.mode() == Mode::Retention {
            // The retention list is a popup over the register: closed first.
            key(app, KeyCode::Esc);
        }
        key(app, KeyCode::Char('0'));
        assert_eq!(app.tab(), Some(Msg::TabToday));
        seen.push(line);
        key(app, KeyCode::Down);
    }
    seen.len()
}

#[test]
fn the_coordinator_starts_on_today_and_each_line_opens_its_tab() {
    let f = store();
    let mut app = logged_in(&f, "coordinator", Lang::Nl);
    assert_eq!(app.tab(), Some(Msg::TabToday));
    assert_eq!(app.mode(), Mode::Today);
    insta::assert_snapshot!("today_coordinator_80x24", screen(&mut app, 80, 24));
    // Put the tabs on other views first: each line opens its own.
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Reviews);
    key(&mut app, KeyCode::Char('5'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Catalogues);
    key(&mut app, KeyCode::Char('0'));
    let lines = every_line_leads(&mut app, |line| {
        let reviews = line.starts_with("Functioneringsgesprekken")
            || line.starts_with("Gesprekken deze week")
            // a review of this week: its date and time
            || line.chars().next().is_some_and(|c| c.is_ascii_digit());
        if reviews {
            (Msg::TabExperts, Mode::Reviews)
        } else if line.starts_with("Overeenkomsten") || line.starts_with("Nog niet ondertekende") {
            (Msg::TabExperts, Mode::Experts)
        } else if line.starts_with("Punten in opleidingsplannen") {
            (Msg::TabTraining, Mode::Plans)
        } else if line.starts_with("Vaardigheden") || line.starts_with("Budget") {
            (Msg::TabTraining, Mode::Coverage)
        } else {
            panic!("a line the test does not know: {line}")
        }
    });
    assert!(lines >= 8, "{lines} lines");
}

#[test]
fn the_volunteer_sees_this_weeks_run() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::En);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("today_volunteer_80x24_en", s);
    assert!(s.contains("Cards week 2026-W48: not composed yet"), "{s}");
    assert_eq!(
        every_line_leads(&mut app, |_| (Msg::TabBaseMail, Mode::Run)),
        1
    );
    // Composed: how many cards, written and posted, and what is left.
    let week = kapstok_core::common::IsoWeek::of(today());
    let admin = f.k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let run = admin.basemail().compose(week).unwrap();
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('0'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!(
            "Cards week 2026-W48: {} cards, 0 written, 0 posted",
            run.cards.len()
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "Still to write (label and card): {}",
            run.cards.len()
        )),
        "{s}"
    );
    // From the statistics view of BaseMail too, the lines open the week's cards.
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Stats);
    key(&mut app, KeyCode::Char('0'));
    assert_eq!(
        every_line_leads(&mut app, |_| (Msg::TabBaseMail, Mode::Run)),
        2
    );
    // The year's figures are not for volunteers: not offered, and `v` does nothing (no refusal
    // about the member register, which the volunteer never asked for).
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("v year's figures") && !s.contains("v: "), "{s}");
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Today);
    let s = screen(&mut app, 80, 24);
    let status = s.lines().last().unwrap_or_default();
    assert!(status.contains("Logged in as vrijwilliger"), "{s}");
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("open where this is done"), "{s}");
    assert!(!s.contains("year's figures"), "{s}");
}

#[test]
fn the_administrator_sees_the_meeting_members_and_returned_cards() {
    let f = store();
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    let s = screen(&mut app, 120, 40);
    insta::assert_snapshot!("today_admin_120x40", s);
    assert!(
        s.contains("Volgende ALV 17-12-2026 (najaarsvergadering): convocatie uiterlijk 03-12-2026 versturen"),
        "{s}"
    );
    assert!(s.contains("Leden uit beeld: "), "{s}");
    assert!(s.contains("Jarig deze week: "), "{s}");
    // The retention line opens the retention list over the register.
    key(&mut app, KeyCode::Home);
    for _ in 0..20 {
        let s = screen(&mut app, 120, 40);
        if selected(&s).is_some_and(|l| l.starts_with("Oud-leden voorbij de bewaartermijn")) {
            break;
        }
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab(), Some(Msg::TabMembers));
    assert_eq!(app.mode(), Mode::Retention);
    key(&mut app, KeyCode::Esc);
    // The meetings on their attendance view, BaseMail on its statistics: each line opens its own.
    key(&mut app, KeyCode::Char('6'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Attendance);
    key(&mut app, KeyCode::Char('3'));
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('v'));
    }
    assert_eq!(app.mode(), Mode::Stats);
    key(&mut app, KeyCode::Char('0'));
    assert!(screen(&mut app, 120, 40).contains("Teruggekomen kaarten"));
    // Every line leads to its tab and view.
    let lines = every_line_leads(&mut app, |line| {
        let meeting = [
            "Volgende ALV",
            "Statutenwijziging",
            "Jaarverslag",
            "Kascommissie",
            "Najaarsvergadering",
        ];
        if meeting.iter().any(|m| line.starts_with(m)) {
            (Msg::TabMeetings, Mode::Meetings)
        } else if line.starts_with("Leden uit beeld") {
            (Msg::TabOutOfSight, Mode::Browse)
        } else if line.starts_with("Teruggekomen") {
            // The stays to check are in the recipients view.
            (Msg::TabBaseMail, Mode::Recipients)
        } else if line.starts_with("Oud-leden voorbij de bewaartermijn") {
            (Msg::TabMembers, Mode::Retention)
        } else {
            // Birthdays (the count and each name): the register.
            (Msg::TabMembers, Mode::Browse)
        }
    });
    assert!(lines >= 8, "{lines} lines");
}

#[test]
fn the_years_figures_with_charts_and_files() {
    let f = store();
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Figures);
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("figures_120x30", s);
    assert!(s.contains("Jaarcijfers 2026"), "{s}");
    assert!(
        s.contains("Kaarten per maand") && s.contains("Kaarten per week"),
        "{s}"
    );
    key(&mut app, KeyCode::Char('['));
    assert!(screen(&mut app, 120, 30).contains("Jaarcijfers 2025"));
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char(']'));
    assert!(
        screen(&mut app, 120, 30).contains("Jaarcijfers 2026"),
        "not beyond this year"
    );
    key(&mut app, KeyCode::Char('p'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Opgeslagen: "), "{s}");
    let pdf = f.dir.path().join("jaarcijfers-2026.pdf");
    let csv = f.dir.path().join("jaarcijfers-2026.csv");
    assert!(lopdf::Document::load(&pdf).is_ok());
    assert!(std::fs::read_to_string(csv)
        .unwrap()
        .starts_with("section;item;value"));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Today);
}

#[test]
fn in_english_the_figures_are_saved_as_english_files() {
    let f = store();
    let mut app = logged_in(&f, "beheer", Lang::En);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('p'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("annual-figures-2026.pdf"), "{s}");
    let pdf = f.dir.path().join("annual-figures-2026.pdf");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap_or_default();
    assert!(
        text.contains("Figures 2026")
            && text.contains("Decisions taken")
            && !text.contains("Jaarcijfers"),
        "the document is English: {text}"
    );
    assert!(f.dir.path().join("annual-figures-2026.csv").exists());
    assert!(!f.dir.path().join("jaarcijfers-2026.pdf").exists());
}
