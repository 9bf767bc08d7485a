//! The Meetings tab on a `TestBackend`: snapshots of the list with the convocation deadlines
//! and the agenda, the warning before a late convocation is recorded, attendance with a proxy
//! and the voting power, a vote's result with its reason, the decision register filtered, and
//! the coordinator who may only look. Each is checked against core as well as on the screen.

use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok::keys::Mode;
use kapstok_core::meetings::{ItemInput, MeetingInput, Tally};
use kapstok_core::members::{MemberInput, Status};
use kapstok_core::{Kapstok, Role, Session};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

const PASSWORD: &str = "kapstok-test-wachtwoord";

struct Fixture {
    _dir: tempfile::TempDir,
    k: Kapstok,
    jan: u64,
    zoe: u64,
    dagmar: u64,
    piet: u64,
    /// The autumn meeting on 10-12-2026: an ordinary item and a statute change.
    autumn: u64,
    /// The extraordinary meeting on 01-12-2026, whose convocation deadline has passed.
    extra: u64,
}

impl Fixture {
    fn admin(&self) -> Session {
        self.k.login("beheer", PASSWORD).unwrap()
    }
}

fn member(given: &str, prefix: &str, surname: &str, known_as: &str) -> MemberInput {
    MemberInput {
        given: given.into(),
        prefix: prefix.into(),
        surname: surname.into(),
        known_as: known_as.into(),
        birth_date: "01-01-1980".into(),
        joined: "01-01-2020".into(),
        address_kind: "street".into(),
        street: "Ferdinand Bolstraat".into(),
        house_number: "10".into(),
        postcode: "1072 LK".into(),
        city: "Amsterdam".into(),
        ..MemberInput::default()
    }
}

fn meeting(kind: &str, date: &str, place: &str) -> MeetingInput {
    MeetingInput {
        kind: kind.into(),
        date: date.into(),
        time: "19:30".into(),
        place: place.into(),
    }
}

fn item(title: &str, motion: &str, statute_change: bool, topic: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        decision: !motion.is_empty(),
        motion: motion.into(),
        statute_change,
        topic: topic.into(),
        documents: String::new(),
    }
}

/// A store on Monday 23-11-2026 (noon) with five members: Jan van der Poel (convocation by
/// e-mail), Zoë de Wit (known as Zo), Dagmar Bakker, Kees Jansen, and Piet Smit, suspended;
/// four voting members. The meetings:
/// - the spring meeting of 20-03-2026, held: its annual report adopted 2-0;
/// - the extraordinary meeting of 01-12-2026 (statute change: its deadline 17-11-2026 passed);
/// - the autumn meeting of 10-12-2026 (deadline 26-11-2026): an information item, the budget,
///   a statute change.
fn store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let k = kapstok_testkit::open(&dir.path().join("store"));
    let admin = k.setup("beheer", PASSWORD).unwrap();
    add_user(&admin, Role::Coordinator, PASSWORD);
    let members = admin.members();
    let number = |m: MemberInput| members.create(&m).unwrap().member.number;
    let jan = number(MemberInput {
        email: "jan@example.org".into(),
        consent_convocation_email: "01-01-2024".into(),
        ..member("Jan", "van der", "Poel", "")
    });
    let zoe = number(member("Zoë", "de", "Wit", "Zo"));
    let dagmar = number(member("Dagmar", "", "Bakker", ""));
    number(member("Kees", "", "Jansen", ""));
    let piet = number(member("Piet", "", "Smit", ""));
    members
        .change_status(piet, Status::Suspended, date(1, 6, 2026))
        .unwrap();
    let mt = admin.meetings();
    let spring = mt
        .plan(&meeting("spring", "20-03-2026", "Buurthuis De Pijp"))
        .unwrap();
    mt.add_item(
        spring,
        &item(
            "Jaarverslag 2025",
            "Het jaarverslag 2025 vaststellen",
            false,
            "annual_report",
        ),
    )
    .unwrap();
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    mt.arrive(spring, jan, t(19, 20)).unwrap();
    mt.arrive(spring, zoe, t(19, 25)).unwrap();
    mt.vote_counts(
        spring,
        0,
        Tally {
            for_votes: 2,
            ..Tally::default()
        },
        t(20, 0),
    )
    .unwrap();
    let extra = mt
        .plan(&meeting(
            "extraordinary",
            "01-12-2026",
            "Mainline, Amsterdam",
        ))
        .unwrap();
    mt.add_item(
        extra,
        &item(
            "Naamswijziging",
            "De naam van de vereniging wijzigen",
            true,
            "",
        ),
    )
    .unwrap();
    let autumn = mt
        .plan(&meeting("autumn", "10-12-2026", "Buurthuis De Pijp"))
        .unwrap();
    mt.add_item(autumn, &item("Opening en mededelingen", "", false, ""))
        .unwrap();
    mt.add_item(
        autumn,
        &item(
            "Begroting 2027",
            "De begroting 2027 vaststellen",
            false,
            "budget",
        ),
    )
    .unwrap();
    mt.add_item(
        autumn,
        &item(
            "Statutenwijziging",
            "Artikel 7 van de statuten wijzigen",
            true,
            "",
        ),
    )
    .unwrap();
    Fixture {
        _dir: dir,
        k,
        jan,
        zoe,
        dagmar,
        piet,
        autumn,
        extra,
    }
}

fn logged_in(f: &Fixture, user: &str, lang: Lang) -> App {
    log_in(&f.k, user, PASSWORD, lang)
}

/// A user on the Meetings tab (the sixth), meetings view.
fn on_tab(f: &Fixture, user: &str, lang: Lang) -> App {
    let mut app = logged_in(f, user, lang);
    key(&mut app, KeyCode::Char('6'));
    assert_eq!(app.mode(), Mode::Meetings);
    app
}

/// Selects the meeting of a date in the list.
fn select_meeting(app: &mut App, date: &str) {
    key(app, KeyCode::Home);
    for _ in 0..10 {
        let s = screen(app, 120, 30);
        if s.lines().any(|l| l.contains('▸') && l.contains(date)) {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("{date} not in the list:\n{}", screen(app, 120, 30));
}

/// The line of the screen holding `text`.
fn line_with<'a>(s: &'a str, text: &str) -> &'a str {
    s.lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text}:\n{s}"))
}

#[test]
fn the_list_shows_each_deadline_and_the_agenda() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    // the next meeting is selected first
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("list_80x24", s);
    assert!(s.contains("6 ALV"), "{s}");
    assert!(
        line_with(&s, "▸01-12-2026").contains("⚠ verlopen: 17-11-2026"),
        "{s}"
    );
    assert!(line_with(&s, "10-12-2026").contains("uiterlijk 26-11-2026"));
    assert!(line_with(&s, "20-03-2026").contains("niet verstuurd"));
    select_meeting(&mut app, "10-12-2026");
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("agenda_120x30", s);
    for text in [
        "uiterlijk 26-11-2026 versturen (14 dagen van tevoren)",
        "het voorstel ligt ter inzage vanaf 05-12-2026",
        "▸ 1. Opening en mededelingen · mededeling",
        "2. Begroting 2027 · besluit · nog niet gestemd",
        "3. Statutenwijziging · statutenwijziging · nog niet gestemd",
        "Jaarverslag en jaarrekening vóór 30-06-2026: ✓ gedaan (voorjaarsvergadering 20-03-2026)",
        "Kascommissie benoemd vóór 31-12-2026: nog niet gepland",
        "Najaarsvergadering vóór 31-12-2026: gepland (najaarsvergadering 10-12-2026)",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    // →: the next item; Enter: the whole meeting with the motions
    key(&mut app, KeyCode::Right);
    assert!(screen(&mut app, 120, 30).contains("▸ 2. Begroting 2027"));
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Voorstel: Artikel 7 van de statuten wijzigen"),
        "{s}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Meetings);
    // English
    let mut app = on_tab(&f, "beheer", Lang::En);
    select_meeting(&mut app, "10-12-2026");
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("6 Meetings"), "{s}");
    assert!(s.contains("send by 26-11-2026 (14 days before)"), "{s}");
    assert!(s.contains("open for inspection from 05-12-2026"), "{s}");
}

#[test]
fn a_meeting_with_a_bad_date_is_refused_under_the_field_and_nothing_is_saved() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    let before = f.admin().meetings().list().unwrap().len();
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "31-02-2027");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Buurthuis De Pijp");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    let lines: Vec<&str> = s.lines().collect();
    let at = lines.iter().position(|l| l.contains("31-02-2027")).unwrap();
    assert!(
        lines[at + 1].contains("⚠ is geen datum (dd-mm-jjjj)"),
        "{s}"
    );
    assert!(s.contains("Niet opgeslagen"), "{s}");
    assert_eq!(f.admin().meetings().list().unwrap().len(), before);
    // corrected, it is planned and selected
    for _ in 0..20 {
        key(&mut app, KeyCode::BackTab);
        if screen(&mut app, 80, 24)
            .lines()
            .any(|l| l.contains("▸") && l.contains("Datum"))
        {
            break;
        }
    }
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "03-03-2027");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Meetings);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Vergadering gepland op 03-03-2027 om 19:30."),
        "{s}"
    );
    assert!(
        line_with(&s, "▸03-03-2027").contains("uiterlijk 17-02-2027"),
        "{s}"
    );
    assert_eq!(f.admin().meetings().list().unwrap().len(), before + 1);
}

#[test]
fn a_late_convocation_is_asked_about_before_it_is_recorded() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "01-12-2026");
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("uiterlijk 17-11-2026 versturen"), "{s}");
    // today suggested; Enter saves
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Confirm);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("late_convocation_80x24", s);
    assert!(
        s.contains("Let op: verstuurd op 23-11-2026 is te laat"),
        "{s}"
    );
    assert!(s.contains("datum was 17-11-2026"), "{s}");
    assert!(s.contains("Toch"), "{s}");
    // no: back to the form, nothing recorded
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    let get = |f: &Fixture| f.admin().meetings().get(f.extra).unwrap();
    assert!(get(&f).convocation.is_none());
    // yes: recorded as late
    key(&mut app, KeyCode::Enter);
    // Enter and j are no yes (they move elsewhere); y is.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    assert!(get(&f).convocation.is_none());
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.mode(), Mode::Meetings);
    let c = get(&f).convocation.unwrap();
    assert!(c.late());
    assert_eq!(c.sent, today());
    assert_eq!(c.by_email, [f.jan]);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("(te laat, uiterlijk 17-11-2026)"), "{s}");
    assert!(
        line_with(&s, "▸01-12-2026").contains("⚠ te laat: 23-11-2026"),
        "{s}"
    );
    // in time, no question: the autumn meeting's deadline is 26-11-2026
    select_meeting(&mut app, "10-12-2026");
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Meetings);
    let c = f.admin().meetings().get(f.autumn).unwrap().convocation;
    assert!(c.is_some_and(|c| !c.late()));
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Oproeping verstuurd op 23-11-2026: 1 per e-mail, 4 per brief."),
        "{s}"
    );
}

#[test]
fn the_convocation_files_are_written_beside_the_store() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    key(&mut app, KeyCode::Char('c'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Oproeping: 1 per e-mail, 4 per brief"), "{s}");
    let dir = f.k.path().parent().unwrap();
    let pdf = std::fs::read(dir.join("alv-2026-12-10-brieven.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let csv = std::fs::read_to_string(dir.join("alv-2026-12-10-email.csv")).unwrap();
    assert!(
        csv.contains(&format!("{};Jan van der Poel;jan@example.org", f.jan)),
        "{csv}"
    );
}

#[test]
fn members_the_convocation_cannot_reach_open_in_a_list_not_the_status_line() {
    let f = store();
    let admin = f.admin();
    let members = admin.members();
    for (given, surname) in [("Piet", "Zonderadres"), ("Ria", "Ookzonder")] {
        let mut m = member(given, "", surname, "");
        m.address_kind = "unknown".into();
        m.birth_date = String::new();
        members.create(&m).unwrap();
    }
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    key(&mut app, KeyCode::Char('c'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("onbereikbaar (geen adres): 2 leden"), "{s}");
    assert_eq!(app.mode(), Mode::Help, "the list is open over the tab");
    assert!(s.contains("Zonderadres") && s.contains("Ookzonder"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Meetings);
    assert!(!screen(&mut app, 120, 30).contains("Zonderadres"));
}

#[test]
fn attendance_with_a_proxy_shows_the_voting_power() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Attendance);
    assert!(screen(&mut app, 80, 24).contains("Nog niemand aanwezig"));
    // Zoë found by her known-as, Jan by his number; the time suggested is now
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Filter);
    typ(&mut app, "(zo)");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Form);
    assert!(screen(&mut app, 80, 24).contains("12:00"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Attendance);
    assert!(screen(&mut app, 80, 24).contains("Zoë de Wit binnen om 12:00 · stemrecht aanwezig: 1"));
    key(&mut app, KeyCode::Char('a'));
    typ(&mut app, &format!("nr {}", f.jan));
    key(&mut app, KeyCode::Enter);
    for _ in 0..5 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "19:25");
    key(&mut app, KeyCode::Enter);
    // Piet is suspended: he attends without a vote, and cannot give a proxy
    key(&mut app, KeyCode::Char('a'));
    typ(&mut app, "piet");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!("Piet Smit · nr {} · geen stemrecht", f.piet)),
        "{s}"
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    // Dagmar gives Jan a proxy
    key(&mut app, KeyCode::Char('g'));
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Piet Smit · nr"), "suspended: no proxy\n{s}");
    typ(&mut app, "dagmar");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!(
            "Jan van der Poel · nr {} · houdt 0 van max. 1",
            f.jan
        )),
        "{s}"
    );
    assert!(
        !s.contains("Piet Smit · nr"),
        "suspended: cannot hold one\n{s}"
    );
    typ(&mut app, "jan");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Attendance);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("attendance_80x24", s);
    let wide = screen(&mut app, 120, 30);
    assert!(
        wide.contains("Volmacht: Dagmar Bakker → Jan van der Poel · stemrecht aanwezig: 3"),
        "{wide}"
    );
    assert!(
        s.contains("Stemrecht aanwezig: 3 (2 aanwezig + 1 volmacht) van 4 stemgerechtigde leden"),
        "{s}"
    );
    assert!(
        line_with(&s, "Jan van der Poel  ").contains("stemt, ook voor Dagmar Bakker"),
        "{s}"
    );
    assert!(line_with(&s, "Piet Smit").contains("geen stemrecht"), "{s}");
    let m = f.admin().meetings().get(f.autumn).unwrap();
    assert_eq!(kapstok_core::meetings::rules::voting_power(&m), 3);
    assert_eq!(m.proxies.len(), 1);
    assert_eq!((m.proxies[0].giver, m.proxies[0].holder), (f.dagmar, f.jan));
    // a second proxy for Jan is over the limit: core's reason on the status line
    key(&mut app, KeyCode::Char('g'));
    typ(&mut app, "kees");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "jan");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Gemachtigde: heeft al het maximum aantal volmachten (1)"),
        "{s}"
    );
    assert_eq!(f.admin().meetings().get(f.autumn).unwrap().proxies.len(), 1);
    // Jan leaves: his vote and the proxy he holds leave with him
    key(&mut app, KeyCode::Home);
    let s = screen(&mut app, 80, 24);
    assert!(line_with(&s, "▸").contains("Zoë de Wit"), "{s}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.mode(), Mode::Form);
    // the time suggested (now, 12:00) lies before he arrived: said under the field
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("⚠ ligt vóór aankomst"), "{s}");
    for _ in 0..5 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "21:05");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Jan van der Poel weg om 21:05 · stemrecht aanwezig: 1"),
        "{s}"
    );
    assert!(s.contains("telt niet"), "{s}");
    let _ = (f.zoe, f.piet);
}

#[test]
fn a_vote_shows_its_result_with_the_reason() {
    let f = store();
    let admin = f.admin();
    let mt = admin.meetings();
    let noon = chrono::NaiveTime::from_hms_opt(19, 30, 0).unwrap();
    mt.arrive(f.autumn, f.jan, noon).unwrap();
    mt.arrive(f.autumn, f.zoe, noon).unwrap();
    mt.give_proxy(f.autumn, f.dagmar, f.jan).unwrap();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    // an information item has no vote
    key(&mut app, KeyCode::Char('b'));
    assert!(screen(&mut app, 80, 24).contains("Dit agendapunt is een mededeling"));
    assert_eq!(app.mode(), Mode::Meetings);
    // the budget: 1 for, 2 against
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(app.mode(), Mode::Form);
    assert!(screen(&mut app, 80, 24).contains("stemrecht aanwezig: 3"));
    // more votes than the voting power present: refused, nothing recorded
    typ(&mut app, "3");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "2");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("meer stemmen dan het aanwezige stemrecht (3)"),
        "{s}"
    );
    assert!(mt.get(f.autumn).unwrap().agenda[1].vote.is_none());
    // the error is under the counts, which have the focus
    let lines: Vec<&str> = s.lines().collect();
    let at = lines.iter().position(|l| l.contains("Voor 3")).unwrap();
    assert!(
        lines[at + 1].contains("⚠ meer stemmen dan het aanwezige stemrecht (3)"),
        "{s}"
    );
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "1");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Meetings);
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("vote_120x30", s);
    let expected = "2. Begroting 2027 · besluit · verworpen: meer dan de helft van de uitgebrachte stemmen nodig, 33% voor (1 voor, 2";
    assert!(s.contains(expected), "{s}");
    // the statute change: 2 for, 1 against is 2/3, enough with 3 of the 4 voting members there
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('b'));
    typ(&mut app, "2");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "1");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("aangenomen: 2/3 van de uitgebrachte stemmen nodig, 67% voor"),
        "{s}"
    );
    let m = mt.get(f.autumn).unwrap();
    assert!(!m.agenda[1].vote.as_ref().unwrap().decision.adopted);
    assert!(m.agenda[2].vote.as_ref().unwrap().decision.adopted);
    // a second vote on the same item is not offered
    key(&mut app, KeyCode::Char('b'));
    assert!(screen(&mut app, 80, 24).contains("Over dit agendapunt is al gestemd."));
}

#[test]
fn the_decision_register_is_searched_as_you_type() {
    let f = store();
    let admin = f.admin();
    let mt = admin.meetings();
    let at = chrono::NaiveTime::from_hms_opt(20, 0, 0).unwrap();
    mt.arrive(f.autumn, f.jan, at).unwrap();
    mt.arrive(f.autumn, f.zoe, at).unwrap();
    mt.arrive(f.autumn, f.dagmar, at).unwrap();
    let tally = |f, a| Tally {
        for_votes: f,
        against: a,
        ..Tally::default()
    };
    mt.vote_counts(f.autumn, 1, tally(3, 0), at).unwrap();
    mt.vote_counts(f.autumn, 2, tally(1, 2), at).unwrap();
    let mut app = on_tab(&f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Register);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Besluitenregister (3)"), "{s}");
    assert!(s.contains("Jaarverslag 2025"), "{s}");
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Filter);
    typ(&mut app, "statuten");
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("register_filtered_80x24", s);
    assert!(s.contains("Besluitenregister (1)"), "{s}");
    assert!(!s.contains("Jaarverslag 2025"), "{s}");
    assert!(
        line_with(&s, "Statutenwijziging").contains("verworpen"),
        "{s}"
    );
    assert!(
        s.contains("verworpen: 2/3 van de uitgebrachte stemmen nodig, 33% voor"),
        "{s}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Register);
    key(&mut app, KeyCode::Esc);
    assert!(screen(&mut app, 80, 24).contains("Besluitenregister (3)"));
}

#[test]
fn coordinators_see_the_meetings_and_change_nothing() {
    let f = store();
    let mut app = on_tab(&f, "coordinator", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    let before = f.admin().meetings().list().unwrap();
    for c in [
        'n', 'e', 'a', 'b', 'B', 's', 'c', 'l', 'm', 'o', 't', 'd', 'i',
    ] {
        key(&mut app, KeyCode::Char(c));
        assert_eq!(app.mode(), Mode::Meetings, "{c} opened something");
        let s = screen(&mut app, 80, 24);
        assert!(
            s.contains("Uw rol mag de ledenvergaderingen alleen inzien."),
            "{c}\n{s}"
        );
    }
    // The attendance sheet is a read of the meeting (core: MeetingsRead): coordinators print it.
    key(&mut app, KeyCode::Char('p'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Presentielijst opgeslagen in"), "{s}");
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Attendance);
    assert_eq!(f.admin().meetings().list().unwrap(), before);
    // and core refuses them too
    let coordinator = f.k.login("coordinator", PASSWORD).unwrap();
    assert!(coordinator
        .meetings()
        .arrive(f.autumn, f.jan, chrono::NaiveTime::MIN)
        .is_err());
    // reading is fine: Enter shows the meeting in full
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("Artikel 7 van de statuten wijzigen"));
}

#[test]
fn agenda_items_are_changed_moved_and_removed() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    let agenda = |f: &Fixture| {
        f.admin()
            .meetings()
            .get(f.autumn)
            .unwrap()
            .agenda
            .iter()
            .map(|i| i.title.clone())
            .collect::<Vec<_>>()
    };
    // the statute change one place up, then it stays selected
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('['));
    assert_eq!(
        agenda(&f),
        [
            "Opening en mededelingen",
            "Statutenwijziging",
            "Begroting 2027"
        ]
    );
    assert!(screen(&mut app, 120, 30).contains("▸ 2. Statutenwijziging"));
    // a title emptied is refused under the field
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(app.mode(), Mode::Form);
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace);
    }
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("⚠ is verplicht"), "{s}");
    typ(&mut app, "Statuten artikel 7");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Meetings);
    assert_eq!(agenda(&f)[1], "Statuten artikel 7");
    // removed after typing the word; Esc or a wrong word keeps it
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.mode(), Mode::Typed);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Agendapunt 2. Statuten artikel 7"), "{s}");
    assert!(s.contains("Typ verwijderen"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(agenda(&f).len(), 3);
    key(&mut app, KeyCode::Char('d'));
    for k in [KeyCode::Enter, KeyCode::Char('j'), KeyCode::Enter] {
        key(&mut app, k);
    }
    assert_eq!(agenda(&f).len(), 3);
    typ(&mut app, "verwijderen");
    key(&mut app, KeyCode::Enter);
    assert_eq!(agenda(&f), ["Opening en mededelingen", "Begroting 2027"]);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Agendapunt verwijderd."), "{s}");
    // without the statute change the notice is 14 days and there is no inspection date
    assert!(!s.contains("ter inzage"), "{s}");
}

#[test]
fn minutes_are_written_and_adopted_at_a_later_meeting() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    // the extra meeting has no minutes: they cannot be adopted yet
    select_meeting(&mut app, "01-12-2026");
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.mode(), Mode::Form);
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Deze vergadering heeft nog geen notulen"), "{s}");
    assert_eq!(app.mode(), Mode::Meetings);
    // the spring meeting: minutes of its item, adopted at the extra meeting (the first later)
    select_meeting(&mut app, "20-03-2026");
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.mode(), Mode::Form);
    typ(
        &mut app,
        "Het jaarverslag is toegelicht door de penningmeester.",
    );
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Notulen opgeslagen."), "{s}");
    assert!(
        s.contains("1. Jaarverslag 2025 · besluit · aangenomen"),
        "{s}"
    );
    assert!(s.contains("notulen ✓"), "{s}");
    key(&mut app, KeyCode::Char('o'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("buitengewone vergadering 01-12-2026"), "{s}");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Notulen vastgesteld."), "{s}");
    assert!(
        s.contains("Notulen vastgesteld: buitengewone vergadering 01-12-2026"),
        "{s}"
    );
    let spring = &f.admin().meetings().list().unwrap()[2].1;
    assert_eq!(spring.minutes_adopted.map(|a| a.meeting), Some(f.extra));
    assert_eq!(
        spring.agenda[0].minutes,
        "Het jaarverslag is toegelicht door de penningmeester."
    );
    // adopted minutes stay as they are
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.mode(), Mode::Meetings);
    assert!(
        screen(&mut app, 120, 30).contains("De notulen van deze vergadering zijn al vastgesteld.")
    );
}

#[test]
fn a_second_meeting_is_planned_from_a_failed_quorum() {
    let f = store();
    let admin = f.admin();
    let mt = admin.meetings();
    let at = chrono::NaiveTime::from_hms_opt(19, 45, 0).unwrap();
    mt.arrive(f.extra, f.jan, at).unwrap();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "01-12-2026");
    // no vote yet: nothing failed
    key(&mut app, KeyCode::Char('t'));
    assert!(screen(&mut app, 120, 30)
        .contains("Geen agendapunt van deze vergadering haalde het quorum niet."));
    key(&mut app, KeyCode::Char('b'));
    typ(&mut app, "1");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "0");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("verworpen: quorum niet gehaald: 1 van 4 stemgerechtigden aanwezig of"),
        "{s}"
    );
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("De tweede vergadering uiterlijk op 29-12-2026"),
        "{s}"
    );
    // after the term: refused under the date
    typ(&mut app, "05-01-2027");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("⚠ ligt na de termijn voor de tweede vergadering"),
        "{s}"
    );
    assert_eq!(mt.list().unwrap().len(), 3);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "15-12-2026");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Meetings);
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Tweede vergadering gepland op 15-12-2026."),
        "{s}"
    );
    assert!(line_with(&s, "▸15-12-2026").contains("tweede"), "{s}");
    assert!(
        s.contains("1. Naamswijziging · statutenwijziging · nog niet gestemd"),
        "{s}"
    );
    assert_eq!(mt.list().unwrap().len(), 4);
}

#[test]
fn envelope_labels_and_the_attendance_sheet_are_saved_beside_the_store() {
    let f = store();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.mode(), Mode::Form);
    // a start cell that is not a number
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "x");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("⚠ is geen geheel positief getal"), "{s}");
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "3");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Meetings);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("4 etiketten op 1 vel opgeslagen in"), "{s}");
    let dir = f.k.path().parent().unwrap();
    let labels = std::fs::read(dir.join("alv-2026-12-10-etiketten.pdf")).unwrap();
    assert!(labels.starts_with(b"%PDF"));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('p'));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Presentielijst opgeslagen in"), "{s}");
    let sheet = std::fs::read(dir.join("alv-2026-12-10-presentielijst.pdf")).unwrap();
    assert!(sheet.starts_with(b"%PDF"));
}

#[test]
fn a_roll_call_records_each_voter_and_the_proxy_through_its_holder() {
    let f = store();
    let admin = f.admin();
    let mt = admin.meetings();
    let at = chrono::NaiveTime::from_hms_opt(19, 35, 0).unwrap();
    mt.arrive(f.autumn, f.jan, at).unwrap();
    mt.arrive(f.autumn, f.zoe, at).unwrap();
    mt.give_proxy(f.autumn, f.dagmar, f.jan).unwrap();
    let mut app = on_tab(&f, "beheer", Lang::Nl);
    select_meeting(&mut app, "10-12-2026");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('B'));
    assert_eq!(app.mode(), Mode::Form);
    // Jan and Zoë for, Dagmar (through Jan) against
    typ(&mut app, "vvt");
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("roll_call_80x24", s);
    assert!(
        s.contains("voor 2 · tegen 1 · onthouding 0 · blanco 0 · nog niet gestemd 0"),
        "{s}"
    );
    assert!(
        s.contains("Dagmar Bakker · nr 3 (volmacht, stemt via Jan van der Poel)"),
        "{s}"
    );
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Meetings);
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("3. Statutenwijziging · statutenwijziging · aangenomen: 2/3 van de uitgebrachte stemmen nodig, 67% voor"),
        "{s}"
    );
    let vote = mt.get(f.autumn).unwrap().agenda[2].vote.clone().unwrap();
    assert_eq!(vote.at.format("%H:%M").to_string(), "12:00");
    assert_eq!(
        vote.ballots,
        kapstok_core::meetings::Ballots::RollCall(vec![
            (f.jan, kapstok_core::meetings::Choice::For),
            (f.zoe, kapstok_core::meetings::Choice::For),
            (f.dagmar, kapstok_core::meetings::Choice::Against),
        ])
    );
}
