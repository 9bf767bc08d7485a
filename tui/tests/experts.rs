//! The experts tab on a `TestBackend`: snapshots of the experts and reviews views, the
//! allowance question, core's errors under the fields, and the journey of a review from the due
//! list to the next signed agreement, each step checked against what core stored.

use chrono::{NaiveDate, NaiveDateTime};
use kapstok::app::App;
use kapstok::i18n::Lang;
use kapstok::keys::Mode;
use kapstok_core::clock::FixedClock;
use kapstok_core::experts::{AgreementInput, Outcome, ReviewStatus, Slot};
use kapstok_core::members::MemberInput;
use kapstok_core::{Kapstok, Role, Session};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

mod common;
use common::*;

const PASSWORD: &str = "kapstok-test-wachtwoord";

fn at(d: u32, m: u32, y: i32, h: u32, min: u32) -> NaiveDateTime {
    date(d, m, y).and_hms_opt(h, min, 0).unwrap()
}

struct Fixture {
    dir: tempfile::TempDir,
    clock: Arc<FixedClock>,
    k: Kapstok,
    /// Member numbers.
    jan: u64,
    zoe: u64,
    piet: u64,
    /// Jan's running agreement (second half of 2026), due for a review.
    jan_now: u64,
}

impl Fixture {
    fn admin(&self) -> Session {
        self.k.login("beheer", PASSWORD).unwrap()
    }
}

fn member(given: &str, prefix: &str, surname: &str, born: &str) -> MemberInput {
    expert_member(given, prefix, surname, born)
}

fn agreement(expert: u64, period: &str, year: &str, allowance: (&str, &str)) -> AgreementInput {
    AgreementInput {
        expert: expert.to_string(),
        period: period.into(),
        year: year.into(),
        tasks: "voorlichting; outreach".into(),
        hours_per_week: "4".into(),
        allowance: allowance.0.into(),
        amount: allowance.1.into(),
        guidance: "coordinator".into(),
        expenses: "reiskosten OV".into(),
        ..AgreementInput::default()
    }
}

/// A store on Monday 23-11-2026 with an administrator (whose setup seeds the allowance limits),
/// a coordinator and a volunteer; four experts and a member without an agreement:
/// - Jan van der Poel: the first half of 2026 (ended) and the second half (running, due);
/// - Zoë de Wit (20): the second half of 2026 (due), a review planned Monday 30-11 10:00;
/// - Dagmar Bakker: six months from 01-10-2026 (running, not due), a review Wednesday 25-11;
/// - Kees Visser: a draft for the first half of 2027;
/// - Piet Smit: no agreement.
fn store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let clock = kapstok_testkit::clock();
    let k = Kapstok::open_with_clock(&dir.path().join("store"), clock.clone()).unwrap();
    let admin = k.setup("beheer", PASSWORD).unwrap();
    add_user(&admin, Role::Coordinator, PASSWORD);
    add_user(&admin, Role::Volunteer, PASSWORD);
    let members = admin.members();
    let number = |m: MemberInput| members.create(&m).unwrap().member.number;
    let jan = number(member("Jan", "van der", "Poel", "01-01-1980"));
    let zoe = number(member("Zoë", "de", "Wit", "01-03-2006"));
    let dagmar = number(member("Dagmar", "", "Bakker", "15-05-1975"));
    let kees = number(member("Kees", "", "Visser", "02-02-1990"));
    let piet = number(member("Piet", "", "Smit", "03-03-1985"));
    let ex = admin.experts();
    let signed = |input: AgreementInput, on: NaiveDate| {
        let id = ex.create(&input).unwrap().id;
        ex.sign(id, on).unwrap();
        id
    };
    signed(
        agreement(jan, "first_half", "2026", ("per_hour", "5,50")),
        date(15, 12, 2025),
    );
    let jan_now = signed(
        agreement(jan, "second_half", "2026", ("per_hour", "5,75")),
        date(20, 6, 2026),
    );
    let zoe_now = signed(
        AgreementInput {
            hours_per_week: "4,5".into(),
            ..agreement(zoe, "second_half", "2026", ("per_hour", "3,40"))
        },
        date(25, 6, 2026),
    );
    let dagmar_now = signed(
        AgreementInput {
            period: "custom".into(),
            start: "01-10-2026".into(),
            tasks: "klusjes; ledenblad Spuit 11 rondbrengen".into(),
            ..agreement(dagmar, "", "", ("per_month", "100"))
        },
        date(28, 9, 2026),
    );
    ex.create(&agreement(kees, "first_half", "2027", ("none", "")))
        .unwrap();
    ex.schedule(zoe_now, slot(at(30, 11, 2026, 10, 0), "coordinator"))
        .unwrap();
    ex.schedule(dagmar_now, slot(at(25, 11, 2026, 14, 0), "beheer"))
        .unwrap();
    Fixture {
        dir,
        clock,
        k,
        jan,
        zoe,
        piet,
        jan_now,
    }
}

fn keys(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        key(app, code);
    }
}

/// Empties the focused text field.
fn clear(app: &mut App) {
    keys(app, KeyCode::Backspace, 40);
}

fn logged_in(f: &Fixture, user: &str, lang: Lang) -> App {
    log_in_to_first_tab(&f.k, user, PASSWORD, lang)
}

/// The coordinator on the experts tab (the fourth), experts view.
fn coordinator(f: &Fixture) -> App {
    let mut app = logged_in(f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('4'));
    assert_eq!(app.mode(), Mode::Experts);
    app
}

/// Selects an expert in the experts view by the name shown (the list is by surname).
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

/// Selects the line of an agreement in the due list of the reviews view.
fn select_due(app: &mut App, f: &Fixture, agreement: u64) {
    let due = f.admin().experts().due().unwrap();
    let at = due
        .iter()
        .position(|d| d.agreement_id == agreement)
        .unwrap();
    key(app, KeyCode::Home);
    keys(app, KeyCode::Down, at);
}

fn agreement_count(f: &Fixture) -> usize {
    f.admin().experts().agreements().unwrap().len()
}

#[test]
fn experts_view_at_80x24_and_120x30() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Jan van der Poel");
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("experts_80x24", s);
    for text in [
        "4 Vrijwilligers",
        "Ervaringsdeskundigen (4)",
        "01-07-2026 – 31-12-2026",
        "€ 5,75 per uur",
        "lopend",
        "nr 1 afgelopen",
        "Taken: voorlichting; outreach",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    let s = screen(&mut app, 120, 30);
    insta::assert_snapshot!("experts_120x30", s);
    assert!(s.contains("€ 100,00 per maand"), "{s}");
    assert!(s.contains("concept"), "Kees's draft\n{s}");
    // ←: the agreement before; Enter: everything, with the history
    key(&mut app, KeyCode::Left);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("01-01-2026 – 30-06-2026 · 1e halfjaar"), "{s}");
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("▸ nr 1  01-01-2026 – 30-06-2026  afgelopen"),
        "{s}"
    );
    assert!(s.contains("  nr 2  01-07-2026 – 31-12-2026  lopend"), "{s}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Experts);
}

#[test]
fn reviews_view_at_80x24_and_120x30() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Reviews);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("reviews_80x24", s);
    for text in [
        "Te houden gesprekken (lopen af binnen 6 weken)",
        "gepland ma 30-11 10:00 met coordinator",
        "nog niet gepland",
        "Week 2026-W48: 23-11-2026 – 29-11-2026",
        "14:00–15:00  Dagmar Bakker · met beheer · kantoor · gepland",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    assert!(!s.contains("Kees"), "a draft is not due\n{s}");
    insta::assert_snapshot!("reviews_120x30", screen(&mut app, 120, 30));
    key(&mut app, KeyCode::Char(']'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Week 2026-W49"), "{s}");
    assert!(s.contains("10:00–11:00  Zoë de Wit"), "{s}");
    // the English words
    let mut app = logged_in(&f, "beheer", Lang::En);
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("planned Mon 30-11 10:00 with coordinator"),
        "{s}"
    );
    assert!(s.contains("not planned yet"), "{s}");
}

#[test]
fn volunteers_do_not_see_the_tab() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("1 BaseMail"), "{s}");
    assert!(!s.contains("Vrijwilligers") && !s.contains("2 "), "{s}");
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.mode(), Mode::Run, "there is no second tab");
    let volunteer = f.k.login("vrijwilliger", PASSWORD).unwrap();
    assert!(volunteer.experts().agreements().is_err());
    // the administrator and the coordinator do
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("4 Vrijwilligers"), "{s}");
}

#[test]
fn an_hourly_allowance_over_the_limit_asks_first_and_no_saves_nothing() {
    let f = store();
    let mut app = coordinator(&f);
    let before = agreement_count(&f);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, &f.piet.to_string());
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // first half 2027 -> second half
    key(&mut app, KeyCode::Tab);
    clear(&mut app);
    typ(&mut app, "2026");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "outreach; voorlichting");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "4");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // no allowance -> per hour
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "6,50");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Confirm);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("allowance_warning_80x24", s);
    assert!(s.contains("niet meer belastingvrij"), "{s}");
    assert!(s.contains("€ 6,50 per uur is meer dan de grens van"), "{s}");
    assert!(s.contains("€ 5,75 per uur"), "{s}");
    assert!(s.contains("voor 21 jaar en ouder."), "{s}");
    assert!(s.contains("Toch opslaan?"), "{s}");
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(agreement_count(&f), before, "no saves nothing");
    assert_eq!(app.mode(), Mode::Form, "back to the form to change it");
    // yes saves the draft, with the amount as typed
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.mode(), Mode::Experts);
    assert_eq!(agreement_count(&f), before + 1);
    let (id, saved) = f
        .admin()
        .experts()
        .agreements()
        .unwrap()
        .into_iter()
        .find(|(_, a)| a.expert == f.piet)
        .unwrap();
    assert_eq!(
        saved.allowance,
        kapstok_core::experts::Allowance::PerHour(kapstok_core::common::Cents(650))
    );
    assert_eq!(saved.signed_on, None);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!(
            "Overeenkomst nr {id} voor Piet Smit opgeslagen als concept."
        )),
        "{s}"
    );
}

#[test]
fn an_overlapping_agreement_shows_the_error_under_the_start_date() {
    let f = store();
    let mut app = coordinator(&f);
    let before = agreement_count(&f);
    key(&mut app, KeyCode::Char('n'));
    typ(&mut app, &f.jan.to_string());
    key(&mut app, KeyCode::Tab);
    keys(&mut app, KeyCode::Right, 2); // six months from a date
    key(&mut app, KeyCode::Tab);
    clear(&mut app);
    typ(&mut app, "01-12-2026");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "voorlichting");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "2");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("overlap_error_80x24", s);
    let lines: Vec<&str> = s.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains("Begindatum") && l.contains("01-12-2026"))
        .unwrap();
    assert!(
        lines[start + 1].contains("⚠ overlapt met een andere periode"),
        "{s}"
    );
    assert_eq!(agreement_count(&f), before);
    // a half year that overlaps shows it under the year (the focus is on the start date)
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Right); // back to the first half
    key(&mut app, KeyCode::Tab);
    clear(&mut app);
    typ(&mut app, "2026");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    let lines: Vec<&str> = s.lines().collect();
    let year = lines.iter().position(|l| l.contains("Jaar")).unwrap();
    assert!(
        lines[year + 1].contains("⚠ overlapt met een andere periode"),
        "{s}"
    );
    assert_eq!(agreement_count(&f), before);
}

#[test]
fn scheduling_outside_office_hours_shows_the_error() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    select_due(&mut app, &f, f.jan_now);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.mode(), Mode::Form);
    keys(&mut app, KeyCode::Tab, 2); // past the suggestion and the date, to the time
    clear(&mut app);
    typ(&mut app, "18:00");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("schedule_outside_hours_80x24", s);
    assert!(s.contains("⚠ valt buiten de openingstijden"), "{s}");
    let reviews = f.admin().experts().reviews().unwrap();
    assert!(
        reviews.iter().all(|(_, r)| r.agreement != f.jan_now),
        "nothing saved"
    );
    // a time that is not a time says so
    clear(&mut app);
    typ(&mut app, "half elf");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("⚠ is geen tijd (uu:mm)"), "{s}");
    // Zoë's time is taken: the coordinator cannot see Jan then
    clear(&mut app);
    typ(&mut app, "10:30");
    key(&mut app, KeyCode::BackTab);
    clear(&mut app);
    typ(&mut app, "30-11-2026");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("⚠ de gespreksleider heeft dan al een afspraak"),
        "{s}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Reviews);
}

#[test]
fn another_staff_member_gets_their_own_free_slots() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    let zoe_now = f.admin().experts().due().unwrap()[1].agreement_id;
    select_due(&mut app, &f, f.jan_now);
    key(&mut app, KeyCode::Char('g'));
    keys(&mut app, KeyCode::Tab, 4); // to the staff member
    key(&mut app, KeyCode::Char('b')); // beheer
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Eerste vrije tijden met beheer"), "{s}");
    assert!(s.contains("Gespreksleider ◀ beheer ▶"), "{s}");
    assert!(s.contains("▸ 1. di 24-11-2026 10:00"), "{s}");
    // a length typed asks again; a time typed by hand is "own time"
    key(&mut app, KeyCode::BackTab);
    clear(&mut app);
    typ(&mut app, "90");
    key(&mut app, KeyCode::BackTab);
    clear(&mut app);
    typ(&mut app, "13:15");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Vrije tijd ◀ eigen tijd ▶"), "{s}");
    ctrl(&mut app, 's');
    let review = f
        .admin()
        .experts()
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(_, r)| r.agreement == f.jan_now)
        .unwrap()
        .1;
    assert_eq!(review.slot.start, at(24, 11, 2026, 13, 15));
    assert_eq!(
        (review.slot.minutes, review.slot.staff.as_str()),
        (90, "beheer")
    );
    // scheduling a second review for an agreement that has one is refused before asking core
    select_due(&mut app, &f, f.jan_now);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.mode(), Mode::Reviews);
    assert!(screen(&mut app, 80, 24).contains("Er is al een gesprek gepland"));
    assert_ne!(zoe_now, f.jan_now);
}

/// The journey of the issue: from the due list, schedule a review (a suggested slot), record it
/// with the outcome "continue" the day it is held, and sign the next agreement.
#[test]
fn journey_from_the_due_list_to_the_next_signed_agreement() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    select_due(&mut app, &f, f.jan_now);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.lines()
            .any(|l| l.contains("▸Jan van der Poel") && l.contains("nog niet gepland")),
        "{s}"
    );

    // 1. schedule: the first free slots from tomorrow; the second one is picked
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("schedule_80x24", s);
    assert!(s.contains("Eerste vrije tijden met coordinator"), "{s}");
    assert!(s.contains("▸ 1. di 24-11-2026 10:00"), "{s}");
    key(&mut app, KeyCode::Right);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("▸ 2. di 24-11-2026 10:30"), "{s}");
    assert!(s.contains("Begintijd (uu:mm) 10:30"), "{s}");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Reviews);
    let reviews = f.admin().experts().reviews().unwrap();
    let (review_id, review) = reviews
        .iter()
        .find(|(_, r)| r.agreement == f.jan_now)
        .cloned()
        .unwrap();
    assert_eq!(review.status, ReviewStatus::Scheduled);
    assert_eq!(review.slot.start, at(24, 11, 2026, 10, 30));
    assert_eq!(
        (review.slot.minutes, review.slot.staff.as_str()),
        (60, "coordinator")
    );
    assert_eq!(review.slot.place, "kantoor");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Gesprek met Jan van der Poel gepland op di 24-11 10:30."),
        "{s}"
    );
    assert!(s.contains("gepland di 24-11 10:30 met coordinator"), "{s}");

    // 2. the next day the review is held and recorded: continue
    f.clock.set(at(24, 11, 2026, 12, 0));
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.mode(), Mode::Form);
    for (i, text) in [
        "gaat goed",
        "veel plezier in de outreach",
        "soms zwaar na een overlijden",
        "zo doorgaan",
        "motiverende gespreksvoering",
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            key(&mut app, KeyCode::Tab);
        }
        typ(&mut app, text);
    }
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("record_80x24", s);
    assert!(s.contains("Gehouden op 24-11-2026"), "{s}");
    assert!(s.contains("◀ voortzetten ▶"), "{s}");
    ctrl(&mut app, 's');
    let admin = f.admin();
    let ex = admin.experts();
    let review = ex
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(id, _)| *id == review_id)
        .unwrap()
        .1;
    assert_eq!(review.status, ReviewStatus::Held(date(24, 11, 2026)));
    assert_eq!(review.outcome, Some(Outcome::Continue));
    let said = review.conversation.unwrap();
    assert_eq!(said.difficulties, "soms zwaar na een overlijden");
    assert_eq!(said.training_wishes, "motiverende gespreksvoering");
    let next = review.next_agreement.unwrap();
    let drafted = ex.agreement(next).unwrap();
    assert_eq!(drafted.continues, Some(f.jan_now));
    assert_eq!(drafted.from_review, Some(review_id));
    assert_eq!(
        (drafted.start, drafted.end),
        (date(1, 1, 2027), date(30, 6, 2027))
    );
    assert_eq!(drafted.signed_on, None);
    assert_eq!(
        ex.agreement(f.jan_now).unwrap().outcome,
        Some(Outcome::Continue)
    );
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!(
            "Voortzetten: volgende overeenkomst klaargezet (nr {next})."
        )),
        "{s}"
    );
    assert!(!s.contains("▸Jan van der Poel"), "no longer due\n{s}");

    // 3. sign the next agreement in the experts view: it is the one selected
    key(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains(&format!("nr {next} concept")), "{s}");
    assert!(s.contains("vervolg op nr"), "{s}");
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Confirm);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!("Overeenkomst nr {next} met Jan van der Poel")),
        "{s}"
    );
    assert!(s.contains("01-01-2027 – 30-06-2027"), "{s}");
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(
        ex.agreement(next).unwrap().signed_on,
        Some(date(24, 11, 2026))
    );
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains(&format!(
            "Overeenkomst nr {next} ondertekend op 24-11-2026."
        )),
        "{s}"
    );
    assert!(s.contains(&format!("nr {next} ondertekend")), "{s}");
    // signing again is refused before asking
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Experts);
    assert!(screen(&mut app, 80, 24).contains("is al ondertekend"));
}

#[test]
fn adjust_opens_the_new_draft_and_stop_says_when_it_ends() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    let zoe_now = f
        .admin()
        .experts()
        .due()
        .unwrap()
        .into_iter()
        .find(|d| d.agreement.expert == f.zoe)
        .unwrap()
        .agreement_id;
    select_due(&mut app, &f, zoe_now);
    f.clock.set(at(30, 11, 2026, 12, 0));
    key(&mut app, KeyCode::Enter); // planned: Enter records
    assert_eq!(app.mode(), Mode::Form);
    keys(&mut app, KeyCode::Tab, 6);
    key(&mut app, KeyCode::Right); // continue -> adjust
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form, "the new draft opens right away");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Nieuwe overeenkomst aanpassen"), "{s}");
    assert!(
        s.contains("Aanpassen: pas de nieuwe overeenkomst nr"),
        "{s}"
    );
    keys(&mut app, KeyCode::Tab, 4); // expert, period, year, tasks -> hours
    clear(&mut app);
    typ(&mut app, "6");
    ctrl(&mut app, 's');
    // 2027 has no limits in the table yet: core warns, the coordinator saves anyway
    assert_eq!(app.mode(), Mode::Confirm);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Voor 2027 zijn geen grenzen"), "{s}");
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.mode(), Mode::Reviews);
    let admin = f.admin();
    let ex = admin.experts();
    let next = ex
        .agreements()
        .unwrap()
        .into_iter()
        .find(|(_, a)| a.continues == Some(zoe_now))
        .unwrap()
        .1;
    assert_eq!(next.minutes_per_week, 6 * 60);
    assert_eq!(next.signed_on, None);

    // stop: the agreement ends on its end date, nothing is drafted
    let admin = f.admin();
    let ex = admin.experts();
    let review = ex
        .schedule(
            f.jan_now,
            Slot {
                start: at(1, 12, 2026, 11, 0),
                minutes: 60,
                staff: "coordinator".into(),
                place: "kantoor".into(),
            },
        )
        .unwrap();
    f.clock.set(at(1, 12, 2026, 12, 0));
    key(&mut app, KeyCode::Char('4')); // reads the lists again
    select_due(&mut app, &f, f.jan_now);
    key(&mut app, KeyCode::Char('o'));
    keys(&mut app, KeyCode::Tab, 6);
    key(&mut app, KeyCode::Left); // continue -> stop
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Stoppen: de overeenkomst eindigt op 31-12-2026."),
        "{s}"
    );
    let held = ex
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(id, _)| *id == review)
        .unwrap()
        .1;
    assert_eq!(held.outcome, Some(Outcome::Stop));
    assert_eq!(held.next_agreement, None);
}

#[test]
fn reschedule_cancel_and_no_show_ask_first() {
    let f = store();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    // Dagmar's review this week is the line after the due list
    let due = f.admin().experts().due().unwrap().len();
    key(&mut app, KeyCode::Home);
    keys(&mut app, KeyCode::Down, due);
    key(&mut app, KeyCode::Char('r'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Gesprek verzetten"), "{s}");
    assert!(s.contains("25-11-2026") && s.contains("14:00"), "{s}");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    clear(&mut app);
    typ(&mut app, "15:00");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(screen(&mut app, 80, 24)
        .contains("Gesprek met Dagmar Bakker verzetten naar wo 25-11 15:00?"));
    key(&mut app, KeyCode::Char('y'));
    let moved = |f: &Fixture| {
        f.admin()
            .experts()
            .reviews()
            .unwrap()
            .into_iter()
            .find(|(_, r)| r.slot.start.date() == date(25, 11, 2026))
            .unwrap()
            .1
    };
    assert_eq!(moved(&f).slot.start, at(25, 11, 2026, 15, 0));
    // cancel: no keeps it, yes cancels
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode(), Mode::Typed);
    key(&mut app, KeyCode::Esc);
    assert_eq!(moved(&f).status, ReviewStatus::Scheduled);
    key(&mut app, KeyCode::Char('n')); // no-show
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Dagmar Bakker is niet gekomen op wo 25-11 15:00?"),
        "{s}"
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(moved(&f).status, ReviewStatus::NoShow);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("niet gekomen"), "{s}");
    // a review that is no longer planned cannot be cancelled
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode(), Mode::Reviews);
    assert!(screen(&mut app, 80, 24).contains("Dit gesprek is niet (meer) gepland."));
}

#[test]
fn the_agreement_pdf_is_saved_beside_the_store() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Jan van der Poel");
    key(&mut app, KeyCode::Char('p'));
    let path = f
        .dir
        .path()
        .join(format!("overeenkomst-{}-jan-van-der-poel.pdf", f.jan_now));
    let s = screen(&mut app, 200, 24);
    assert!(s.contains(&path.display().to_string()), "{s}");
    let bytes = std::fs::read(&path).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains("Jan van der Poel"), "{text}");
    assert!(text.contains("01-07-2026"), "{text}");
}

#[test]
fn editing_is_for_drafts_only() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Jan van der Poel");
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Experts);
    assert!(screen(&mut app, 80, 24).contains("Alleen een concept kan gewijzigd worden"));
    select_expert(&mut app, "Kees Visser");
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Concept wijzigen"), "{s}");
    assert!(s.contains("voorlichting; outreach"), "{s}");
    key(&mut app, KeyCode::Esc);
    // ending early asks for the date and then whether to go on
    select_expert(&mut app, "Bakker");
    key(&mut app, KeyCode::Char('x'));
    clear(&mut app);
    typ(&mut app, "31-12-2026");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' ')); // none -> continue
    key(&mut app, KeyCode::Char(' ')); // -> adjust
    key(&mut app, KeyCode::Char(' ')); // -> stop
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Typed);
    key(&mut app, KeyCode::Char('y'));
    typ(&mut app, "beeindigen");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("niet beëindigen"));
    typ(&mut app, "beëindigen");
    key(&mut app, KeyCode::Enter);
    let ended = f
        .admin()
        .experts()
        .agreements()
        .unwrap()
        .into_iter()
        .find(|(_, a)| a.ended_on.is_some())
        .unwrap()
        .1;
    assert_eq!(ended.ended_on, Some(date(31, 12, 2026)));
    assert_eq!(ended.outcome, Some(Outcome::Stop));
}

#[test]
fn help_lists_the_keys_of_each_view() {
    let f = store();
    let mut app = logged_in(&f, "beheer", Lang::En);
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 30);
    for text in [
        "new agreement",
        "record the signing",
        "end early",
        "other view",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 30);
    for text in [
        "schedule a review",
        "did not come",
        "record the review",
        "previous/next week",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
}

#[test]
fn no_panic_at_any_size() {
    let f = store();
    let mut app = coordinator(&f);
    let sizes = [
        (0, 0),
        (1, 1),
        (20, 5),
        (79, 23),
        (80, 24),
        (100, 30),
        (200, 60),
    ];
    let check = |app: &mut App| {
        for (w, h) in sizes {
            screen(app, w, h);
        }
    };
    select_expert(&mut app, "Jan van der Poel");
    check(&mut app);
    key(&mut app, KeyCode::Enter);
    check(&mut app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    check(&mut app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('v'));
    check(&mut app);
    key(&mut app, KeyCode::Char('g'));
    check(&mut app);
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('o'));
    check(&mut app);
    key(&mut app, KeyCode::Esc);
    keys(&mut app, KeyCode::Down, 5);
    keys(&mut app, KeyCode::Char(']'), 3);
    check(&mut app);
    keys(&mut app, KeyCode::Char('['), 6);
    key(&mut app, KeyCode::End);
    check(&mut app);
}

#[test]
fn a_review_held_before_its_day_stays_in_its_slot_and_says_when_it_was_held() {
    let f = store();
    let admin = f.admin();
    let ex = admin.experts();
    let (zoe_review, _) = ex
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(_, r)| r.expert == f.zoe)
        .unwrap();
    // Planned for Monday 30-11, held today (23-11).
    ex.record(
        zoe_review,
        today(),
        kapstok_core::experts::Conversation::default(),
        Outcome::Stop,
    )
    .unwrap();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char(']'));
    let s = screen(&mut app, 100, 24);
    assert!(
        s.contains("10:00–11:00  Zoë de Wit · met coordinator · kantoor · gehouden op 23-11-2026"),
        "{s}"
    );
    // One held on its own day says only "gehouden" (the day is above it).
    let dagmar = ex
        .reviews()
        .unwrap()
        .into_iter()
        .find(|(_, r)| r.slot.start == at(25, 11, 2026, 14, 0))
        .unwrap()
        .0;
    f.clock.set(at(25, 11, 2026, 16, 0));
    ex.record(
        dagmar,
        date(25, 11, 2026),
        kapstok_core::experts::Conversation::default(),
        Outcome::Stop,
    )
    .unwrap();
    let mut app = coordinator(&f);
    key(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 100, 24);
    let line = s.lines().find(|l| l.contains("Dagmar Bakker")).unwrap();
    assert!(
        line.contains("14:00–15:00  Dagmar Bakker · met beheer · kantoor · gehouden"),
        "{s}"
    );
    assert!(!line.contains("gehouden op"), "{s}");
}

#[test]
fn a_signing_date_core_refuses_after_the_question_shows_under_the_field() {
    let f = store();
    let mut app = coordinator(&f);
    select_expert(&mut app, "Kees Visser");
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Form);
    clear(&mut app);
    typ(&mut app, "01-12-2026");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Confirm);
    key(&mut app, KeyCode::Char('y'));
    // core refuses a date in the future: the form again, the date as typed, the error under it
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("01-12-2026"), "{s}");
    assert!(s.contains("ligt in de toekomst"), "{s}");
    assert!(s.contains("Niet opgeslagen: verbeter"), "{s}");
    let field = s.lines().position(|l| l.contains("01-12-2026")).unwrap();
    let error = s
        .lines()
        .position(|l| l.contains("ligt in de toekomst"))
        .unwrap();
    assert_eq!(error, field + 1, "under the field\n{s}");
    let kees = f
        .admin()
        .experts()
        .agreements()
        .unwrap()
        .into_iter()
        .find(|(_, a)| a.signed_on.is_none())
        .unwrap();
    assert_eq!(kees.1.signed_on, None, "nothing signed");
    // corrected, the question again; yes signs and closes the form
    clear(&mut app);
    typ(&mut app, "23-11-2026");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.mode(), Mode::Experts);
    let signed = f.admin().experts().agreement(kees.0).unwrap().signed_on;
    assert_eq!(signed, Some(date(23, 11, 2026)));
    let s = screen(&mut app, 120, 30);
    assert!(
        s.lines()
            .any(|l| l.contains('▸') && l.contains("Kees Visser")),
        "{s}"
    );
}
