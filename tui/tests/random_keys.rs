//! Random keys erase no one: thousands of random key presses (letters including the erase and
//! anonymise keys D, L, A, v, x, Enter, Esc, arrows, Tab, digits, Ctrl keys) and random sizes,
//! with fixed seeds, on a demo store as administrator and as coordinator. Afterwards core is
//! asked whether anything happened that needs a typed confirmation: an erasure, an anonymised
//! retention list, a status change, a posted run, a card removed by hand, an agenda item
//! removed, a review cancelled, an agreement ended early, a plan item cancelled.
//!
//! Run with `--nocapture` to see how many keys were pressed.

use kapstok::i18n::Lang;
use kapstok_core::access::AuditFilter;
use kapstok_core::basemail::ManualChange;
use kapstok_core::training::ItemStatus;
use kapstok_core::{demo, Kapstok};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::{BTreeMap, BTreeSet};

mod common;
use common::*;

/// The audit actions of changes that must be confirmed by typing.
const TYPED: &[&str] = &[
    "person.erase",
    "member.status",
    "run.post",
    "meeting.item.remove",
    "review.cancel",
    "agreement.end",
];

/// A small, fixed pseudo-random generator (xorshift64*): the same seed gives the same keys.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Everything a typed confirmation guards, as core reports it.
#[derive(Debug, PartialEq, Eq)]
struct Guarded {
    erased: BTreeSet<u64>,
    actions: BTreeMap<String, usize>,
    removed_by_hand: usize,
    cancelled_items: usize,
}

fn guarded(k: &Kapstok) -> Guarded {
    let s = k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    let erased = s
        .members()
        .list()
        .unwrap()
        .iter()
        .map(|m| m.number)
        .filter(|n| s.privacy().erasure(*n).unwrap().is_some())
        .collect();
    let mut actions = BTreeMap::new();
    for e in s.audit_log().entries(&AuditFilter::default()).unwrap() {
        if TYPED.contains(&e.action.as_str()) {
            *actions.entry(e.action).or_insert(0) += 1;
        }
    }
    let removed_by_hand = s
        .basemail()
        .runs()
        .unwrap()
        .iter()
        .flat_map(|r| r.manual.iter())
        .filter(|m| matches!(m, ManualChange::Remove { .. }))
        .count();
    let experts: BTreeSet<u64> = s
        .experts()
        .agreements()
        .unwrap()
        .iter()
        .map(|(_, a)| a.expert)
        .collect();
    let cancelled_items = experts
        .iter()
        .flat_map(|e| s.training().plan(*e).unwrap())
        .filter(|(_, i)| matches!(i.status, ItemStatus::Cancelled(_)))
        .count();
    Guarded {
        erased,
        actions,
        removed_by_hand,
        cancelled_items,
    }
}

/// A random key, weighted towards the keys that start and answer destructive actions: the
/// erase and retention keys (D, L, A, v) and Enter come often.
fn random_key(rng: &mut Rng) -> KeyEvent {
    const LETTERS: &[char] = &[
        'D', 'L', 'A', 'v', 'x', 'd', 'p', 'c', 's', 'n', 'e', 'j', 'k', 'y', 'Y', 'J', 'N', 'w',
        'i', 'o', 'a', 'b', 'B', 'm', 't', 'r', 'R', 'g', 'h', 'l', 'q', ' ', '/', '?', '[', ']',
        'u', 'f',
    ];
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match rng.below(100) {
        0..=9 => plain(KeyCode::Char(['D', 'L', 'A', 'v'][rng.below(4)])),
        10..=29 => plain(KeyCode::Char(LETTERS[rng.below(LETTERS.len())])),
        30..=44 => plain(KeyCode::Enter),
        45..=49 => plain(KeyCode::Esc),
        50..=59 => plain(KeyCode::Char(char::from(b'0' + rng.below(10) as u8))),
        60..=71 => plain(
            [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
            ][rng.below(8)],
        ),
        72..=77 => plain(KeyCode::Tab),
        78..=79 => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        80..=84 => plain(KeyCode::Backspace),
        85..=92 => {
            let c = ['s', 't', 'a', 'd', 'e', 'x', 'u', 'c'][rng.below(8)];
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        _ => plain(KeyCode::Char(char::from(b'a' + rng.below(26) as u8))),
    }
}

/// Presses `count` random keys as `user`; after a quit (q, Ctrl+C) the keys go on to the same
/// app (logging in again costs a second per time in a debug build). Now and then the screen is
/// drawn, at a random size. Returns the keys pressed.
fn press(k: &Kapstok, user: &str, seed: u64, count: usize) -> usize {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut app = log_in_to_first_tab(k, user, demo::DEMO_PASSWORD, Lang::Nl);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    for i in 0..count {
        app.handle_key(random_key(&mut rng));
        app.quit = false;
        if i % 97 == 0 {
            // Mostly sizes the UI works at; one draw in ten below 80x24, where only q and
            // Ctrl+C act, so most keys reach the screens.
            let (w, h) = if rng.below(10) == 0 {
                (20 + rng.below(60) as u16, 5 + rng.below(19) as u16)
            } else {
                (80 + rng.below(80) as u16, 24 + rng.below(32) as u16)
            };
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            terminal.draw(|f| app.draw(f)).unwrap();
        }
    }
    count
}

fn demo_store() -> (tempfile::TempDir, Kapstok) {
    let dir = tempfile::tempdir().unwrap();
    let k = kapstok_testkit::demo_store(dir.path());
    (dir, k)
}

#[test]
fn random_keys_erase_no_one_and_change_nothing_that_must_be_typed() {
    let (_dir, k) = demo_store();
    let before = guarded(&k);
    let admin = k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    assert!(
        !admin.privacy().retention().unwrap().is_empty(),
        "the demo has a retention list to anonymise"
    );
    let mut pressed = 0;
    for (user, seeds) in [("beheer", [1u64, 2]), ("coordinator", [3, 4])] {
        for seed in seeds {
            pressed += press(&k, user, seed, 2_000);
            assert_eq!(
                guarded(&k),
                before,
                "random keys as {user} (seed {seed}) changed what needs typing"
            );
        }
    }
    println!("{pressed} random keys pressed; nothing erased, nothing typed-only changed");
}
