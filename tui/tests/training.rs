//! The Training tab on a `TestBackend`: snapshots of the plan and coverage views, who sees the
//! tab, core's field errors under a catalogue form's field, and the journey of an expert's gap
//! closed by a course (proposed, agreed, enrolled, completed), checked against core.

use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok::keys::Mode;
use kapstok_core::common::Cents;
use kapstok_core::experts::AgreementInput;
use kapstok_core::members::MemberInput;
use kapstok_core::training::{ItemStatus, Source, Step, TaskInput, TrainingSettings};
use kapstok_core::{Kapstok, Session};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

const PASSWORD: &str = "kapstok-test-wachtwoord";

struct Fixture {
    _dir: tempfile::TempDir,
    k: Kapstok,
    jan: u64,
    zoe: u64,
    /// The course "Training voorlichting".
    voorlichting: u64,
}

impl Fixture {
    fn admin(&self) -> Session {
        self.k.login("beheer", PASSWORD).unwrap()
    }
}

fn member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    expert_member(given, prefix, surname, "01-01-1980")
}

/// The kit's agreement (second half of 2026, no allowance), guided by the coordinator.
fn agreement(expert: u64, tasks: &str) -> AgreementInput {
    AgreementInput {
        guidance: "coordinator".into(),
        ..kapstok_testkit::agreement(expert, tasks)
    }
}

/// A store on Monday 23-11-2026, a training budget of € 100,00 per half year, and:
/// - tasks: voorlichting (Voorlichting geven; Motiverende gespreksvoering) and outreach
///   (Naloxon toedienen; EHBO; Straatwerk kennen), Straatwerk kennen taught by no course;
/// - Jan van der Poel (voorlichting; outreach): EHBO from a course on 20-12-2024 (valid 24
///   months: expiring 20-12-2026), the EHBO-cursus agreed (€ 120,00: over the budget), a wish;
/// - Zoë de Wit (voorlichting): nothing held;
/// - Dagmar Bakker (voorlichting): both its skills from experience;
/// - Piet Smit: a member without an agreement.
fn store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store_with_users(dir.path(), PASSWORD);
    let members = admin.members();
    let number = |m: MemberInput| members.create(&m).unwrap().member.number;
    let jan = number(member("Jan", "van der", "Poel"));
    let zoe = number(member("Zoë", "de", "Wit"));
    let dagmar = number(member("Dagmar", "", "Bakker"));
    number(member("Piet", "", "Smit"));
    let ex = admin.experts();
    for (expert, tasks) in [
        (jan, "voorlichting; outreach"),
        (zoe, "voorlichting"),
        (dagmar, "voorlichting"),
    ] {
        let id = ex.create(&agreement(expert, tasks)).unwrap().id;
        ex.sign(id, date(20, 6, 2026)).unwrap();
    }
    let tr = admin.training();
    tr.set_settings(TrainingSettings {
        expiring_weeks: 0,
        budget_per_half_year: Some(Cents(10_000)),
    })
    .unwrap();
    let voorlichting_geven = tr
        .save_skill(None, &skill("Voorlichting geven", ""))
        .unwrap();
    let mgv = tr
        .save_skill(None, &skill("Motiverende gespreksvoering", ""))
        .unwrap();
    tr.save_skill(None, &skill("Naloxon toedienen", "24"))
        .unwrap();
    let ehbo = tr.save_skill(None, &skill("EHBO", "24")).unwrap();
    tr.save_skill(None, &skill("Straatwerk kennen", ""))
        .unwrap();
    tr.save_task(
        None,
        &TaskInput {
            name: "voorlichting".into(),
            description: "voorlichting geven op scholen en in opvangen".into(),
            skills: "Voorlichting geven; Motiverende gespreksvoering".into(),
        },
    )
    .unwrap();
    tr.save_task(
        None,
        &TaskInput {
            name: "outreach".into(),
            description: "gebruiksruimtes en opvangen bezoeken".into(),
            skills: "Naloxon toedienen; EHBO; Straatwerk kennen".into(),
        },
    )
    .unwrap();
    let voorlichting = tr
        .save_course(
            None,
            &course(
                "Training voorlichting",
                "Mainline",
                "Voorlichting geven; Motiverende gespreksvoering",
                "8",
                "95,00",
                "Amsterdam",
            ),
        )
        .unwrap();
    tr.save_course(
        None,
        &course(
            "Naloxontraining",
            "Mainline",
            "Naloxon toedienen",
            "2",
            "0",
            "",
        ),
    )
    .unwrap();
    let ehbo_course = tr
        .save_course(
            None,
            &course(
                "EHBO-cursus",
                "Rode Kruis",
                "EHBO",
                "16",
                "120,00",
                "Utrecht",
            ),
        )
        .unwrap();
    tr.add_held(jan, ehbo, date(20, 12, 2024), Source::Course(ehbo_course))
        .unwrap();
    for s in [voorlichting_geven, mgv] {
        tr.add_held(dagmar, s, date(1, 3, 2025), Source::Experience)
            .unwrap();
    }
    let item = tr
        .propose(jan, Some(ehbo_course), "", date(2, 11, 2026))
        .unwrap();
    tr.advance(item, Step::Agree, date(9, 11, 2026)).unwrap();
    tr.propose(jan, None, "iets met schuldhulp", date(2, 11, 2026))
        .unwrap();
    Fixture {
        _dir: dir,
        k,
        jan,
        zoe,
        voorlichting,
    }
}

fn logged_in(f: &Fixture, user: &str, lang: Lang) -> App {
    log_in_to_first_tab(&f.k, user, PASSWORD, lang)
}

/// The coordinator on the Training tab (the fifth), plans view.
fn coordinator(f: &Fixture) -> App {
    let mut app = logged_in(f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('5'));
    assert_eq!(app.mode(), Mode::Plans);
    app
}

/// Selects an expert in the plans view by the name shown.
fn select_expert(app: &mut App, name: &str) {
    key(app, KeyCode::Home);
    for _ in 0..10 {
        let s = screen(app, 120, 30);
        if s.lines().any(|l| l.contains('▸') && l.contains(name)) {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("{name} not in the list:\n{}", screen(app, 120, 30));
}

#[test]
fn plan_view_at_80x24_and_120x30() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Jan van der Poel");
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("plan_120x30", s);
    for text in [
        "5 Opleiding",
        "Opleidingsplannen (3)",
        "voorlichting; outreach",
        "Ontbreekt: Voorlichting geven; Motiverende gespreksvoering;",
        "Verloopt binnenkort: ⚠ EHBO (20-12-2026)",
        "★ Training voorlichting · € 95,00",
        "Geen cursus gevonden: Straatwerk kennen",
        "Plan 2e halfjaar 2026",
        "EHBO-cursus · € 120,00 · afgesproken 09-11-2026",
        "wens: iets met schuldhulp · € 0,00 · voorgesteld",
        "EHBO · 20-12-2024 · cursus EHBO-cursus · verloopt 20-12-2026",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("plan_80x24", s);
    assert!(s.contains("Ontbreekt: Voorlichting geven"), "{s}");
    // Enter shows the whole plan, with the skills held
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("verloopt 20-12-2026"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Plans);
    // English
    let mut app = logged_in(&f, "beheer", Lang::En);
    key(&mut app, KeyCode::Char('5'));
    select_expert(&mut app, "Jan van der Poel");
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("No course found: Straatwerk kennen"), "{s}");
    assert!(s.contains("agreed 09-11-2026"), "{s}");
}

#[test]
fn coverage_view_at_80x24_and_120x30() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Coverage);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("coverage_80x24", s);
    for text in [
        "Opleidingsbudget 2e halfjaar 2026",
        "Budget € 100,00 · gepland € 120,00 · uitgegeven € 0,00",
        "⚠ Gepland is € 20,00 meer dan het budget.",
        "⚠ 0",
        "Jan van der Poel",
        "20-12-2026",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("coverage_120x30", s);
    let line = s.lines().find(|l| l.contains("voorlichting")).unwrap();
    assert!(line.contains(" 1 "), "Dagmar holds both skills\n{s}");
    let line = s.lines().find(|l| l.contains("outreach")).unwrap();
    assert!(line.contains("⚠ 0"), "{s}");
    // the next half year has nothing planned
    key(&mut app, KeyCode::Char(']'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Opleidingsbudget 1e halfjaar 2027"), "{s}");
    assert!(s.contains("gepland € 0,00"), "{s}");
    assert!(!s.contains("meer dan het budget"), "{s}");
}

#[test]
fn volunteers_do_not_see_the_tab() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Opleiding"), "{s}");
    key(&mut app, KeyCode::Char('5'));
    assert_eq!(app.mode(), Mode::Run, "there is no fifth tab");
    let volunteer = f.k.login("vrijwilliger", PASSWORD).unwrap();
    assert!(volunteer.training().skills().is_err());
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("5 Opleiding"), "{s}");
}

#[test]
fn an_unknown_skill_in_a_course_shows_under_the_field_and_saves_nothing() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Catalogues);
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char(']'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Naloxontraining"), "{s}");
    assert!(
        s.contains("online"),
        "the Naloxontraining has no place\n{s}"
    );
    let before = f.admin().training().courses().unwrap().len();
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, "Naloxon opfrissen");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Mainline");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Naloxon toedienen; Naloxon herkennen");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "2");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "25");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("course_unknown_skill_80x24", s);
    let lines: Vec<&str> = s.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Vaardigheden (scheid met ;)") && l.contains("Naloxon"))
        .unwrap();
    assert!(
        lines[at + 1].contains("⚠ \"Naloxon herkennen\" is onbekend"),
        "{s}"
    );
    assert_eq!(f.admin().training().courses().unwrap().len(), before);
    // corrected ("; Naloxon herkennen" removed), it saves
    for _ in 0..19 {
        key(&mut app, KeyCode::Backspace);
    }
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Catalogues);
    assert_eq!(f.admin().training().courses().unwrap().len(), before + 1);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Cursus Naloxon opfrissen opgeslagen."), "{s}");
}

#[test]
fn journey_a_gap_closed_by_completing_a_course() {
    let f = store();
    let tr = |f: &Fixture| f.admin().training().gap(f.zoe).unwrap();
    let gap = tr(&f);
    assert_eq!(gap.gap.missing.len(), 2);
    assert_eq!(gap.suggestion.courses, [f.voorlichting]);
    let mut app = coordinator(&f);
    select_expert(&mut app, "Zoë de Wit");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Ontbreekt: Voorlichting geven; Motiverende gespreksvoering"),
        "{s}"
    );
    assert!(s.contains("★ Training voorlichting · € 95,00"), "{s}");
    assert!(s.contains("nog niets gepland"), "{s}");
    // a: the suggested course comes first
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Filter);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("▸ ★ Training voorlichting"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Form);
    assert!(screen(&mut app, 80, 24).contains("23-11-2026"));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Plans);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Training voorlichting voorgesteld voor Zoë de Wit."),
        "{s}"
    );
    let plan = f.admin().training().plan(f.zoe).unwrap();
    assert_eq!(plan.len(), 1);
    let (item, planned) = &plan[0];
    assert_eq!(planned.course, Some(f.voorlichting));
    assert_eq!(planned.status, ItemStatus::Proposed);
    assert_eq!(planned.cost, Cents(9_500));
    // o: agreed
    key(&mut app, KeyCode::Char('o'));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Plans);
    let status = |f: &Fixture| {
        f.admin().training().plan(f.zoe).unwrap()[0]
            .1
            .status
            .clone()
    };
    assert_eq!(status(&f), ItemStatus::Agreed(today()));
    // i: enrolled, on a date typed
    key(&mut app, KeyCode::Char('i'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "20-11-2026");
    ctrl(&mut app, 's');
    assert_eq!(status(&f), ItemStatus::Enrolled(date(20, 11, 2026)));
    assert!(screen(&mut app, 80, 24).contains("ingeschreven 20-11-2026"));
    // c: completed, after a question; "no" changes nothing
    key(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Confirm);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Training voorlichting voor Zoë de Wit afgerond op"),
        "{s}"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(status(&f), ItemStatus::Enrolled(date(20, 11, 2026)));
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.mode(), Mode::Plans);
    assert_eq!(status(&f), ItemStatus::Completed(today()));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("vaardigheden toegevoegd"), "{s}");
    assert!(
        s.contains("Ontbreekt: niets: alle vaardigheden voor de taken zijn er"),
        "{s}"
    );
    assert!(!s.contains("★"), "nothing left to suggest\n{s}");
    assert!(s.contains("afgerond 23-11-2026"), "{s}");
    // core agrees: the gap is empty, the skills are held from the course
    let gap = tr(&f);
    assert!(gap.gap.is_empty(), "{gap:?}");
    assert!(gap.suggestion.courses.is_empty());
    let held = f.admin().training().held(f.zoe).unwrap();
    assert_eq!(held.len(), 2);
    assert!(held
        .iter()
        .all(|(_, h)| h.source == Source::Course(f.voorlichting) && h.acquired == today()));
    // a completed item cannot be cancelled: core's answer on the status line
    key(&mut app, KeyCode::Char('x'));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Typed);
    typ(&mut app, "annuleren");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Dat kan niet meer bij dit planitem (afgerond 23-11-2026)."),
        "{s}"
    );
    assert_eq!(app.mode(), Mode::Plans);
    assert_eq!(status(&f), ItemStatus::Completed(today()));
    let _ = item;
}

#[test]
fn a_wish_gets_a_course_and_a_skill_from_experience_is_added() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Jan van der Poel");
    // the wish is the second item of this half year
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.mode(), Mode::Filter);
    typ(&mut app, "nalox");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Plans);
    let plan = f.admin().training().plan(f.jan).unwrap();
    let wish = plan
        .iter()
        .find(|(_, i)| i.wish == "iets met schuldhulp")
        .unwrap();
    assert!(wish.1.course.is_some());
    assert!(screen(&mut app, 80, 24).contains("Cursus Naloxontraining gekozen."));
    // h: Straatwerk kennen, from experience
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, "s");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 120, 30);
    assert!(
        s.contains("Vaardigheid Straatwerk kennen toegevoegd voor Jan van der Poel."),
        "{s}"
    );
    assert!(!s.contains("Geen cursus gevonden"), "{s}");
    assert!(
        s.contains("Straatwerk kennen · 23-11-2026 · ervaring · verloopt niet"),
        "{s}"
    );
}

#[test]
fn a_date_core_refuses_after_the_question_shows_under_the_field_again() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Jan van der Poel");
    // x on the agreed EHBO-cursus, on a day after today: asked first, refused by core after
    key(&mut app, KeyCode::Char('x'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "01-12-2026");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Typed);
    typ(&mut app, "annuleren");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Form, "the form again, not the question");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("ligt in de toekomst"), "{s}");
    assert!(s.contains("01-12-2026"), "what was typed stays\n{s}");
    let plan = f.admin().training().plan(f.jan).unwrap();
    assert!(plan
        .iter()
        .any(|(_, i)| i.status == ItemStatus::Agreed(date(9, 11, 2026))));
    // corrected, asked again, cancelled
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "23-11-2026");
    ctrl(&mut app, 's');
    typ(&mut app, "annuleren");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Plans);
    let plan = f.admin().training().plan(f.jan).unwrap();
    assert!(plan
        .iter()
        .any(|(_, i)| i.status == ItemStatus::Cancelled(today())));
    // Esc in a form over nothing else closes it: the tab again
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Plans);
}

#[test]
fn help_lists_the_keys_of_each_view() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    for text in [
        "cursus voorstellen",
        "afgerond (voegt de vaardigheden toe)",
        "opleidingsplan afdrukken",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('?'));
    assert!(screen(&mut app, 80, 24).contains("vaardigheden / taken / cursussen"));
}

#[test]
fn the_plan_pdf_is_saved_beside_the_store() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Zoë de Wit");
    key(&mut app, KeyCode::Char('p'));
    let path = f
        ._dir
        .path()
        .join(format!("opleidingsplan-{}-zoe-de-wit.pdf", f.zoe));
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Opleidingsplan opgeslagen in"), "{s}");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn no_panic_at_any_size() {
    let f = store();
    let mut app = coordinator(&f);
    for view in 0..3 {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (20, 5),
            (79, 23),
            (80, 24),
            (100, 40),
            (250, 60),
        ] {
            screen(&mut app, w, h);
        }
        key(&mut app, KeyCode::Char('a'));
        screen(&mut app, 80, 24);
        screen(&mut app, 80, 24);
        key(&mut app, KeyCode::Esc);
        let _ = view;
        key(&mut app, KeyCode::Char('v'));
    }
}
