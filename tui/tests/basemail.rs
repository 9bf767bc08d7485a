//! The BaseMail tab on a `TestBackend`: snapshots of the run view, and the main journeys through
//! keys, checked against what core stored.

use kapstok::app::App;
use kapstok::i18n::{Lang, Msg};
use kapstok::keys::{self, Mode};
use kapstok_core::basemail::service::{InstitutionInput, RecipientInput, StayInput};
use kapstok_core::basemail::Who;
use kapstok_core::common::{Address, IsoWeek, Postcode};
use kapstok_core::members::MemberInput;
use kapstok_core::settings::Settings;
use kapstok_core::{Kapstok, Session};
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

const PASSWORD: &str = "kapstok-test-wachtwoord";

fn week() -> IsoWeek {
    IsoWeek::of(today())
}

struct Fixture {
    _dir: tempfile::TempDir,
    k: Kapstok,
    /// Recipient ids: Jan van der Poel (member, at PI Lelystad), Şükrü Yılmaz (non-member, at
    /// the clinic), Kees Visser (non-member, ill, no address).
    jan: u64,
    kees: u64,
    jan_number: u64,
}

impl Fixture {
    fn admin(&self) -> Session {
        self.k.login("beheer", PASSWORD).unwrap()
    }
}

fn member(given: &str, prefix: &str, surname: &str) -> MemberInput {
    member_since_2020(given, prefix, surname)
}

fn institution(name: &str, kind: &str, postbus: (&str, &str, &str)) -> InstitutionInput {
    InstitutionInput {
        name: name.into(),
        kind: kind.into(),
        address_kind: "postbus".into(),
        house_number: postbus.0.into(),
        postcode: postbus.1.into(),
        city: postbus.2.into(),
        ..InstitutionInput::default()
    }
}

/// A store on 23-11-2026 (week 48) with three users, the office, two institutions, three
/// members (a detainee, a birthday with consent, a birthday without) and two non-members.
fn store() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store_with_users(dir.path(), PASSWORD);
    admin
        .set_settings(&Settings {
            office_name: "Vereniging Kapstok".into(),
            office_address: Address::Street {
                street: "Hartenstraat".into(),
                number: 10,
                addition: String::new(),
                postcode: Postcode::parse("1016 CB").unwrap(),
                city: "Amsterdam".into(),
            },
            ..admin.settings().unwrap()
        })
        .unwrap();
    let members = admin.members();
    let jan_number = members
        .create(&member("Jan", "van der", "Poel"))
        .unwrap()
        .member
        .number;
    members
        .create(&MemberInput {
            birth_date: "25-11-1980".into(),
            consent_birthday_card: "01-01-2025".into(),
            ..member("Zoë", "de", "Wit")
        })
        .unwrap();
    members
        .create(&MemberInput {
            birth_date: "24-11-1970".into(),
            ..member("Dagmar", "", "Bakker")
        })
        .unwrap();
    let bm = admin.basemail();
    let lelystad = bm
        .add_institution(&InstitutionInput {
            needs_registration_number: true,
            needs_unit: true,
            house_rules: "Volledige naam, celnummer en registratienummer vermelden. Alleen gewone \
                          kaarten, niets insluiten."
                .into(),
            ..institution("PI Lelystad", "prison", ("2170", "8203 AD", "Lelystad"))
        })
        .unwrap();
    let beilen = bm
        .add_institution(&InstitutionInput {
            // The long-stay clinic wants the unit on the envelope, nothing else.
            needs_unit: true,
            needs_sender: true,
            house_rules: "Kaarten worden op de afdeling uitgereikt.".into(),
            ..institution(
                "Kliniek voor Duurzaam Verblijf",
                "long_stay_clinic",
                ("100", "9410 AA", "Beilen"),
            )
        })
        .unwrap();
    let jan = bm.recipient_for_member(jan_number).unwrap();
    bm.start_stay(
        jan,
        &StayInput {
            institution: lelystad,
            unit: "Afdeling B, cel 214".into(),
            registration_number: "1234567".into(),
            from: "01-10-2026".into(),
            expected_release: String::new(),
        },
    )
    .unwrap();
    let sukru = bm
        .add_recipient(&RecipientInput {
            given: "Şükrü".into(),
            surname: "Yılmaz".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    bm.start_stay(
        sukru,
        &StayInput {
            institution: beilen,
            unit: "Paviljoen 3".into(),
            from: "01-06-2026".into(),
            ..StayInput::default()
        },
    )
    .unwrap();
    let kees = bm
        .add_recipient(&RecipientInput {
            given: "Kees".into(),
            surname: "Visser".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    bm.set_ill(kees, Some(date(20, 11, 2026))).unwrap();
    Fixture {
        _dir: dir,
        k,
        jan,
        kees,
        jan_number,
    }
}

/// Where `lp` is installed, saving a PDF asks whether to send it to the printer: say no.
fn decline_printer(app: &mut App) {
    if app.mode() == Mode::Confirm {
        let s = screen(app, 200, 24);
        assert!(s.contains("lp?"), "{s}");
        key(app, KeyCode::Char('n'));
    }
}

/// The text of a PDF, read back.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// The files in a folder, by name.
fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "store" && n != "store.lock")
        .collect();
    names.sort();
    names
}

fn logged_in(f: &Fixture, user: &str, lang: Lang) -> App {
    log_in_to_first_tab(&f.k, user, PASSWORD, lang)
}

/// The volunteer, on the only tab there is, after composing the week.
fn volunteer_composed(f: &Fixture) -> App {
    let mut app = logged_in(f, "vrijwilliger", Lang::Nl);
    key(&mut app, KeyCode::Char('r'));
    app
}

/// Selects a card by the name on it (cards are ordered by institution, then name).
fn select_card(app: &mut App, f: &Fixture, name: &str) {
    let run = f.admin().basemail().run(week()).unwrap().unwrap();
    let at = run.cards.iter().position(|c| c.name == name).unwrap();
    key(app, KeyCode::Home);
    for _ in 0..at {
        key(app, KeyCode::Down);
    }
}

fn jan_card(f: &Fixture) -> kapstok_core::basemail::Card {
    let run = f.admin().basemail().run(week()).unwrap().unwrap();
    run.cards
        .into_iter()
        .find(|c| c.who == Who::Member(f.jan_number))
        .unwrap()
}

#[test]
fn run_view_before_and_after_composing() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("run_empty_80x24", s);
    assert!(s.contains("nog niet samengesteld: druk op r"), "{s}");
    key(&mut app, KeyCode::Char('r'));
    select_card(&mut app, &f, "Jan van der Poel");
    insta::assert_snapshot!("run_80x24", screen(&mut app, 80, 24));
    insta::assert_snapshot!("run_120x30", screen(&mut app, 120, 30));
    key(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("left_out_80x24", s);
    assert!(
        s.contains("geen toestemming voor een verjaardagskaart"),
        "{s}"
    );
}

#[test]
fn volunteer_sees_only_the_basemail_tab() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("1 BaseMail"), "{s}");
    assert!(!s.contains("Leden") && !s.contains("2 "), "{s}");
    assert!(
        !s.contains("Inrichtingen") && !s.contains("Ontvangers"),
        "{s}"
    );
    // `v` only switches between the cards, the left-out list and the statistics
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Stats);
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Run);
    // keys of the member register do nothing here
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Run);
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("Nieuw lid"), "{s}");
}

#[test]
fn administrator_finds_basemail_after_the_member_tabs() {
    let f = store();
    let mut app = logged_in(&f, "beheer", Lang::En);
    // with the Meetings tab too, the titles fit side by side from 100 columns
    let s = screen(&mut app, 100, 24);
    assert!(s.contains("1 Members │ 2 Out of sight │ 3 BaseMail"), "{s}");
    key(&mut app, KeyCode::Char('3'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Cards"), "{s}");
    assert!(s.contains("Institutions (2)"), "{s}");
    assert!(
        s.contains("This week has not been composed yet: press r."),
        "{s}"
    );
}

#[test]
fn compose_shows_the_detainee_card_with_the_house_rules() {
    let f = store();
    let mut app = volunteer_composed(&f);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Week 2026-W48 samengesteld: 3 kaartjes, 2 weggelaten."),
        "{s}"
    );
    select_card(&mut app, &f, "Jan van der Poel");
    let s = screen(&mut app, 120, 30);
    for text in [
        "Reg.nr. 1234567",
        "Afdeling B, cel 214",
        "Postbus 2170",
        "8203 AD  LELYSTAD",
        "⚠ Huisregels: Volledige naam, celnummer",
        "gedetineerd",
    ] {
        assert!(s.contains(text), "{text}\n{s}");
    }
    select_card(&mut app, &f, "Şükrü Yılmaz");
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("⚠ Afzender op de envelop verplicht"), "{s}");
    // Enter opens the card in full
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Kaarten worden op de afdeling uitgereikt."),
        "{s}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Run);
}

#[test]
fn toggling_written_and_the_writer_persist_in_core() {
    let f = store();
    let mut app = volunteer_composed(&f);
    select_card(&mut app, &f, "Jan van der Poel");
    key(&mut app, KeyCode::Char('x'));
    assert!(jan_card(&f).written);
    assert!(screen(&mut app, 80, 24).contains("Gemarkeerd als geschreven."));
    key(&mut app, KeyCode::Char(' '));
    assert!(!jan_card(&f).written);
    key(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Schrijver toewijzen"), "{s}");
    assert!(
        s.contains("⚠ Huisregels"),
        "the writer sees the house rules\n{s}"
    );
    typ(&mut app, "Els");
    key(&mut app, KeyCode::Enter);
    assert_eq!(jan_card(&f).writer, "Els");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Schrijver opgeslagen."), "{s}");
    assert!(s.contains("Els"), "{s}");
}

#[test]
fn posting_closes_the_run_and_a_returned_card_stops_the_next() {
    let f = store();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char('p'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Ronde 2026-W48 posten op 23-11-2026?"), "{s}");
    key(&mut app, KeyCode::Char('n'));
    assert!(f
        .admin()
        .basemail()
        .run(week())
        .unwrap()
        .unwrap()
        .closed_on
        .is_none());
    key(&mut app, KeyCode::Char('p'));
    // Posting closes the run for good: Enter or y alone is no yes, the word is typed.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Enter);
    assert!(screen(&mut app, 80, 24).contains("niet posten"));
    assert!(f
        .admin()
        .basemail()
        .run(week())
        .unwrap()
        .unwrap()
        .closed_on
        .is_none());
    typ(&mut app, "posten");
    key(&mut app, KeyCode::Enter);
    let run = f.admin().basemail().run(week()).unwrap().unwrap();
    assert_eq!(run.closed_on, Some(today()));
    assert!(run.cards.iter().all(|c| c.posted == Some(today())));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("gepost en afgesloten op 23-11-2026"), "{s}");
    // composing a closed run again is refused by core, and said so
    key(&mut app, KeyCode::Char('r'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Week: is afgesloten"), "{s}");
    // the card came back: its stay needs a check
    select_card(&mut app, &f, "Jan van der Poel");
    key(&mut app, KeyCode::Char('t'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Kaartje voor Jan van der Poel teruggekomen op"),
        "{s}"
    );
    // j moves down elsewhere, so it is no yes; y is.
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(jan_card(&f).returned, None);
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(jan_card(&f).returned, Some(today()));
    let stays = f.admin().basemail().stays(f.jan).unwrap();
    assert!(stays[0].1.check_needed);
}

#[test]
fn returned_needs_a_posted_card() {
    let f = store();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char('t'));
    assert!(screen(&mut app, 80, 24).contains("Dit kaartje is nog niet gepost."));
    assert_eq!(app.mode(), Mode::Run);
}

#[test]
fn cards_by_hand_need_a_reason() {
    let f = store();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::Filter);
    typ(&mut app, "vis");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Zoeken: vis▏"), "{s}");
    assert!(s.contains("│▸ Kees Visser"), "{s}");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("is verplicht"),
        "an empty reason is refused inline\n{s}"
    );
    typ(&mut app, "adres via de straat");
    key(&mut app, KeyCode::Enter);
    let run = f.admin().basemail().run(week()).unwrap().unwrap();
    assert!(run.manual.iter().any(|m| matches!(
        m,
        kapstok_core::basemail::ManualChange::Add { recipient, .. } if *recipient == f.kees
    )));
    assert!(screen(&mut app, 80, 24).contains("Kaartje met de hand toegevoegd."));

    select_card(&mut app, &f, "Jan van der Poel");
    key(&mut app, KeyCode::Char('d'));
    typ(&mut app, "vrijgelaten");
    key(&mut app, KeyCode::Enter);
    // Removing the card is a typed confirmation.
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Typ weglaten"), "{s}");
    let run = f.admin().basemail().run(week()).unwrap().unwrap();
    assert!(run.cards.iter().any(|c| c.name == "Jan van der Poel"));
    typ(&mut app, "weglaten");
    key(&mut app, KeyCode::Enter);
    let run = f.admin().basemail().run(week()).unwrap().unwrap();
    assert!(run.cards.iter().all(|c| c.name != "Jan van der Poel"));
    key(&mut app, KeyCode::Char('v'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("met de hand weggelaten: vrijgelaten"), "{s}");
}

#[test]
fn labels_print_to_a_pdf_beside_the_store() {
    let f = store();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.mode(), Mode::Form);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "99");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("moet tussen 1 en 21 liggen"), "{s}");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "3");
    let dir = f._dir.path().display().to_string();
    let s = screen(&mut app, 80, 24).replace(&dir, "<dir>");
    insta::assert_snapshot!("labels_80x24", s);
    assert!(s.contains("3 etiketten op 1 vel"), "{s}");
    ctrl(&mut app, 's');
    let pdf = f._dir.path().join("etiketten-2026-W48.pdf");
    let s = screen(&mut app, 200, 24);
    assert!(
        s.contains(&format!(
            "3 etiketten op 1 vel opgeslagen in {}",
            pdf.display()
        )),
        "{s}"
    );
    decline_printer(&mut app);
    assert_eq!(app.mode(), Mode::Run);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_text(&bytes);
    for name in ["Jan van der Poel", "Şükrü Yılmaz", "8203 AD  LELYSTAD"] {
        assert!(text.contains(name), "{name} not in {text:?}");
    }
    assert_eq!(files(f._dir.path()), ["etiketten-2026-W48.pdf"]);
}

#[test]
fn labels_go_where_the_user_says_on_a_custom_sheet_by_name() {
    let f = store();
    let admin = f.admin();
    let mut sheet = kapstok_core::print::sheets::find("avery-l7163").unwrap();
    sheet.id = "eigen-vel".into();
    sheet.name = "Eigen vel".into();
    admin.basemail().save_sheet(&sheet).unwrap();
    let mut app = logged_in(&f, "beheer", Lang::En);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('l'));
    // the custom sheet is offered after the built-in ones
    key(&mut app, KeyCode::Char('e'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("◀ Eigen vel (2 x 7) ▶"), "{s}");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // by name
    key(&mut app, KeyCode::Tab);
    let elsewhere = f._dir.path().join("printed");
    std::fs::create_dir(&elsewhere).unwrap();
    let path = elsewhere.join("week48.pdf");
    for _ in 0..200 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, &path.display().to_string());
    ctrl(&mut app, 's');
    let s = screen(&mut app, 200, 24);
    assert!(s.contains(&format!("saved in {}", path.display())), "{s}");
    decline_printer(&mut app);
    let text = pdf_text(&std::fs::read(&path).unwrap());
    let jan = text.find("Jan van der Poel").unwrap();
    let sukru = text.find("Şükrü Yılmaz").unwrap();
    assert!(jan < sukru, "by name: {text:?}");
    // the run sheet goes beside the labels, in English with an English name
    key(&mut app, KeyCode::Char('R'));
    let run_sheet = elsewhere.join("run-sheet-2026-W48.pdf");
    let s = screen(&mut app, 200, 24);
    assert!(
        s.contains(&format!("Run sheet saved in {}", run_sheet.display())),
        "{s}"
    );
    decline_printer(&mut app);
    let text = pdf_text(&std::fs::read(&run_sheet).unwrap());
    assert!(text.contains("BaseMail run"), "{text:?}");
    assert!(text.contains("detained"), "{text:?}");
}

#[test]
fn a_card_that_does_not_fit_is_named_and_nothing_is_written() {
    let f = store();
    let admin = f.admin();
    let bm = admin.basemail();
    let long = bm
        .add_recipient(&RecipientInput {
            given: "Maximiliaan Alexander Christoffel Bartholomeus".into(),
            surname: "Vanderhoogstratenbroek-Oppenheimer".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    let lelystad = bm.institutions().unwrap()[0].0;
    bm.start_stay(
        long,
        &StayInput {
            institution: lelystad,
            unit: "Afdeling A".into(),
            registration_number: "7777777".into(),
            from: "01-11-2026".into(),
            ..StayInput::default()
        },
    )
    .unwrap();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char('l'));
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form, "the dialog stays open");
    let s = screen(&mut app, 250, 24);
    assert!(
        s.contains("Deze etiketten passen niet, er is niets gedrukt: Maximiliaan Alexander"),
        "{s}"
    );
    assert!(s.contains("regel te breed"), "{s}");
    let dir = f._dir.path().display().to_string();
    let s = screen(&mut app, 80, 24).replace(&dir, "<dir>");
    insta::assert_snapshot!("labels_unfit_80x24", s);
    assert!(files(f._dir.path()).is_empty(), "no file is written");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Run);
}

#[test]
fn the_run_sheet_is_saved_beside_the_labels() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    key(&mut app, KeyCode::Char('R'));
    assert!(screen(&mut app, 80, 24).contains("Stel de week eerst samen"));
    key(&mut app, KeyCode::Char('r'));
    select_card(&mut app, &f, "Jan van der Poel");
    key(&mut app, KeyCode::Char('w'));
    typ(&mut app, "Els");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('R'));
    let path = f._dir.path().join("rondelijst-2026-W48.pdf");
    let s = screen(&mut app, 200, 24);
    assert!(
        s.contains(&format!("Rondelijst opgeslagen in {}", path.display())),
        "{s}"
    );
    decline_printer(&mut app);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_text(&bytes);
    for words in [
        "BaseMail-ronde 2026-W48",
        "Jan van der Poel (gedetineerd)",
        "Schrijver: Els",
        "Huisregels: Volledige naam",
        "Afzender op de envelop verplicht",
        "geschreven",
        "gepost",
    ] {
        assert!(text.contains(words), "{words} not in {text:?}");
    }
}

#[test]
fn calibration_is_checked_by_core_and_the_test_print_saved() {
    let f = store();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.mode(), Mode::Form);
    typ(&mut app, "kantoor-laser");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "7,5");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "twee");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("⚠ is geen getal"), "{s}");
    // the number format is fixed; the range is core's to check
    for _ in 0.."twee".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "-1.25");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("calibration_errors", s);
    assert!(s.contains("⚠ moet tussen -5 en 5 mm liggen"), "{s}");
    let settings = f.admin().basemail().print_settings().unwrap();
    assert_eq!(settings.printer, "", "nothing saved");
    assert!(settings.calibrations.is_empty());
    // the first field in error has the focus
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "1,5");
    ctrl(&mut app, 't');
    let settings = f.admin().basemail().print_settings().unwrap();
    assert_eq!(settings.printer, "kantoor-laser");
    let c = settings.calibration();
    assert_eq!((c.offset_x_mm, c.offset_y_mm), (1.5, -1.25));
    let path = f._dir.path().join("testafdruk-avery-l7160.pdf");
    let s = screen(&mut app, 200, 24);
    assert!(
        s.contains(&format!("Testafdruk opgeslagen in {}", path.display())),
        "{s}"
    );
    decline_printer(&mut app);
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    // the print dialog names the printer and its calibration
    key(&mut app, KeyCode::Char('l'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Printer: kantoor-laser · x +1,5 mm · y -1,25 mm"),
        "{s}"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('c'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Verschuiving x (mm) 1,5"), "{s}");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Printer opgeslagen: kantoor-laser"), "{s}");
}

#[test]
fn statistics_show_posted_cards_per_week_and_reason() {
    let f = store();
    let admin = f.admin();
    let bm = admin.basemail();
    for weeks_back in [3, 1, 0] {
        let mut w = week();
        for _ in 0..weeks_back {
            w = w.previous();
        }
        bm.compose(w).unwrap();
        bm.post(w, w.monday()).unwrap();
    }
    bm.mark_returned(week(), Who::Member(f.jan_number), today())
        .unwrap();
    let mut app = logged_in(&f, "vrijwilliger", Lang::Nl);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Stats);
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("stats_80x24", s);
    let stats = bm.stats(2026).unwrap();
    assert!(
        s.contains(&format!(
            "2026: {} kaartjes gepost · 1 teruggekomen",
            stats.total
        )),
        "{s}"
    );
    assert!(s.contains("W37") && s.contains("W48"), "{s}");
    assert!(s.contains("gedetineerd"), "{s}");
    insta::assert_snapshot!("stats_120x30", screen(&mut app, 120, 30));
    key(&mut app, KeyCode::Char('['));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("2025: 0 kaartjes gepost"), "{s}");
    assert!(s.contains("Nog geen geposte kaartjes in 2025."), "{s}");
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char(']'));
    assert!(
        screen(&mut app, 80, 24).contains("2026: "),
        "not past this year"
    );
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains(Msg::KeyYear.text(Lang::Nl)), "{s}");
    assert!(!s.contains(Msg::KeyCompose.text(Lang::Nl)), "{s}");
}

#[test]
fn weeks_go_back_and_forth() {
    let f = store();
    let mut app = volunteer_composed(&f);
    key(&mut app, KeyCode::Char(']'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("2026-W49"), "{s}");
    assert!(s.contains("Deze week is nog niet samengesteld"), "{s}");
    key(&mut app, KeyCode::Left);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("2026-W48"), "{s}");
    assert!(s.contains("Jan van der Poel"), "{s}");
}

#[test]
fn coordinator_adds_a_stay_through_the_screens() {
    let f = store();
    let mut app = logged_in(&f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Recipients);
    // recipients by name: Jan van der Poel, Kees Visser, Şükrü Yılmaz
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('s'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Verblijf beginnen"), "{s}");
    key(&mut app, KeyCode::Char('p')); // jump to PI Lelystad
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Afdeling C");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "7654321");
    key(&mut app, KeyCode::Tab);
    for _ in 0.."23-11-2026".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "31-02-2026");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("is geen datum"),
        "core's error shows under the field\n{s}"
    );
    assert!(f.admin().basemail().stays(f.kees).unwrap().is_empty());
    for _ in 0.."31-02-2026".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "16-11-2026");
    ctrl(&mut app, 's');
    let stays = f.admin().basemail().stays(f.kees).unwrap();
    assert_eq!(stays.len(), 1);
    let lelystad = f.admin().basemail().institutions().unwrap();
    let lelystad = lelystad
        .iter()
        .find(|(_, i)| i.name == "PI Lelystad")
        .unwrap();
    assert_eq!(stays[0].1.institution, lelystad.0);
    assert_eq!(stays[0].1.registration_number, "7654321");
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("Verblijf begonnen."), "{s}");
    assert!(
        s.contains("16-11-2026 – nu  PI Lelystad · Afdeling C"),
        "{s}"
    );
    // the next composition sends Kees a card there
    let run = f.admin().basemail().compose(week()).unwrap();
    let kees = run.cards.iter().find(|c| c.name == "Kees Visser").unwrap();
    assert!(kees.address.contains(&"Reg.nr. 7654321".to_string()));
}

#[test]
fn coordinator_moves_ends_and_checks_stays() {
    let f = store();
    let admin = f.admin();
    let bm = admin.basemail();
    bm.compose(week()).unwrap();
    bm.post(week(), today()).unwrap();
    bm.mark_returned(week(), Who::Member(f.jan_number), today())
        .unwrap();
    let mut app = logged_in(&f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('3'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('v'));
    }
    // Jan is first; his stay needs a check after the returned card
    let s = screen(&mut app, 120, 30);
    assert!(s.contains("kaartje kwam terug: controleren (o)"), "{s}");
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('y'));
    assert!(!bm.stays(f.jan).unwrap()[0].1.check_needed);
    // move to the clinic, keeping the registration number
    key(&mut app, KeyCode::Char('m'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Kliniek voor Duurzaam Verblijf"), "{s}");
    assert!(s.contains("1234567"), "{s}");
    ctrl(&mut app, 's');
    let stays = bm.stays(f.jan).unwrap();
    assert_eq!(stays.len(), 2);
    assert_eq!(stays[0].1.ended_on, Some(today()));
    // confirm still there, then end the stay
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(bm.stays(f.jan).unwrap()[1].1.confirmed_on, Some(today()));
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(bm.stays(f.jan).unwrap()[1].1.ended_on, Some(today()));
    key(&mut app, KeyCode::Char('x'));
    assert!(screen(&mut app, 80, 24).contains("Geen lopend verblijf."));
}

#[test]
fn coordinator_creates_an_institution_and_a_recipient() {
    let f = store();
    let mut app = logged_in(&f, "coordinator", Lang::Nl);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('v'));
    assert_eq!(app.mode(), Mode::Institutions);
    key(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 30);
    insta::assert_snapshot!("institution_errors", s);
    assert!(s.contains("is verplicht"), "{s}");
    typ(&mut app, "Justitieel Complex Schiphol");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // detention centre
    key(&mut app, KeyCode::Tab); // address kind: Postbus
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "7518");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "1118 ZG");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Luchthaven Schiphol");
    ctrl(&mut app, 's');
    let all = f.admin().basemail().institutions().unwrap();
    let (_, jcs) = all
        .iter()
        .find(|(_, i)| i.name == "Justitieel Complex Schiphol")
        .unwrap();
    assert_eq!(jcs.kind.name(), "detention_centre");
    assert!(jcs.needs_registration_number);
    assert_eq!(
        jcs.address.lines().unwrap(),
        ["Postbus 7518", "1118 ZG  LUCHTHAVEN SCHIPHOL"]
    );
    assert!(screen(&mut app, 80, 24).contains("Inrichting opgeslagen."));

    // a member recipient by number
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "9999");
    ctrl(&mut app, 's');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("9999 bestaat niet"), "{s}");
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, &f.jan_number.to_string());
    ctrl(&mut app, 's');
    assert!(
        screen(&mut app, 80, 24).contains("is al in gebruik"),
        "Jan already is a recipient"
    );
    key(&mut app, KeyCode::Esc);
    // mark ill, and well again
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    let jan = |f: &Fixture| {
        f.admin()
            .basemail()
            .recipients()
            .unwrap()
            .into_iter()
            .find(|(id, _, _)| *id == f.jan)
            .unwrap()
            .1
    };
    assert_eq!(jan(&f).ill_since, Some(today()));
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(jan(&f).ill_since, None);
}

#[test]
fn help_shows_the_keys_of_the_current_view() {
    let f = store();
    let mut app = logged_in(&f, "vrijwilliger", Lang::En);
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    insta::assert_snapshot!("help_run_en", s);
    for b in keys::help(Mode::Run, |_| true) {
        assert!(s.contains(b.help.text(Lang::En)), "{}\n{s}", b.keys);
    }
    assert!(!s.contains(Msg::KeyFilter.text(Lang::En)), "{s}");
    key(&mut app, KeyCode::Esc);
    let mut app = logged_in(&f, "coordinator", Lang::En);
    key(&mut app, KeyCode::Char('3'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('v'));
    }
    key(&mut app, KeyCode::Char('?'));
    let s = screen(&mut app, 80, 24);
    for b in keys::help(Mode::Recipients, |_| true) {
        assert!(s.contains(b.help.text(Lang::En)), "{}\n{s}", b.keys);
    }
    assert!(!s.contains(Msg::KeyCompose.text(Lang::En)), "{s}");
}

#[test]
fn no_panic_at_any_size() {
    let f = store();
    let mut app = logged_in(&f, "beheer", Lang::Nl);
    let sizes = |app: &mut App| {
        for w in (0..=140).step_by(7) {
            for h in (0..=50).step_by(5) {
                screen(app, w, h);
            }
        }
        for (w, h) in [(80, 24), (81, 25), (1, 1), (200, 60)] {
            screen(app, w, h);
        }
    };
    key(&mut app, KeyCode::Char('3'));
    sizes(&mut app);
    key(&mut app, KeyCode::Char('r'));
    for view in 0..5 {
        sizes(&mut app);
        key(&mut app, KeyCode::Enter);
        sizes(&mut app);
        key(&mut app, KeyCode::Esc);
        if view == 0 {
            key(&mut app, KeyCode::Char('w'));
            sizes(&mut app);
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Char('a'));
            sizes(&mut app);
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Char('p'));
            sizes(&mut app);
            key(&mut app, KeyCode::Char('n'));
            key(&mut app, KeyCode::Char('l'));
            sizes(&mut app);
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Char('c'));
            sizes(&mut app);
            key(&mut app, KeyCode::Esc);
        }
        if view == 2 || view == 3 {
            key(&mut app, KeyCode::Char('n'));
            sizes(&mut app);
            key(&mut app, KeyCode::Esc);
        }
        key(&mut app, KeyCode::Char('v'));
    }
}

#[test]
fn labels_compose_an_open_run_again_with_the_marks_kept() {
    let f = store();
    let mut app = volunteer_composed(&f);
    let admin = f.admin();
    let bm = admin.basemail();
    bm.mark_written(week(), Who::Member(f.jan_number), true)
        .unwrap();
    // Detained after the run was composed.
    let number = admin
        .members()
        .create(&member("Anouk", "de", "Boer"))
        .unwrap()
        .member
        .number;
    let r = bm.recipient_for_member(number).unwrap();
    let lelystad = bm.institutions().unwrap()[1].0;
    bm.start_stay(
        r,
        &StayInput {
            institution: lelystad,
            unit: "Afdeling C".into(),
            registration_number: "7654321".into(),
            from: "01-11-2026".into(),
            expected_release: String::new(),
        },
    )
    .unwrap();
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.mode(), Mode::Form);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("4 etiketten op 1 vel"), "{s}");
    let run = bm.run(week()).unwrap().unwrap();
    assert!(run.cards.iter().any(|c| c.who == Who::Member(number)));
    let jan = run
        .cards
        .iter()
        .find(|c| c.who == Who::Member(f.jan_number))
        .unwrap();
    assert!(jan.written, "the mark is kept");
}

#[test]
fn an_empty_run_says_who_was_left_out_and_why() {
    let f = store();
    let mut app = volunteer_composed(&f);
    let admin = f.admin();
    let bm = admin.basemail();
    for card in bm.run(week()).unwrap().unwrap().cards {
        bm.remove_by_hand(week(), card.who, "zit in isolatie")
            .unwrap();
    }
    for (k, lang_text) in [
        ('l', "Geen kaartjes in week 2026-W48, er is niets gedrukt. 5 weggelaten: 3 × met de hand weggelaten: zit in isolatie"),
        ('R', "Geen kaartjes in week 2026-W48, er is niets gedrukt. 5 weggelaten: 3 × met de hand weggelaten: zit in isolatie"),
    ] {
        key(&mut app, KeyCode::Char(k));
        assert_eq!(app.mode(), Mode::Run, "no dialog for an empty run");
        let s = screen(&mut app, 250, 24);
        assert!(s.contains(lang_text), "{s}");
    }
    assert_eq!(files(f._dir.path()), Vec::<String>::new());
}
