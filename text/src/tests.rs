//! Tests of the catalogue as a whole.

use crate::{args, count, Lang, Msg, Noun};

#[test]
fn every_message_has_both_languages() {
    let all: Vec<Msg> = Msg::all().collect();
    assert!(all.len() > 900, "{} messages", all.len());
    for m in &all {
        for lang in Lang::ALL {
            assert!(
                !m.text(lang).trim().is_empty(),
                "{m:?} is empty in {lang:?}"
            );
        }
    }
}

/// Texts that are the same word in both languages, on purpose.
const SAME_IN_BOTH: &[&str] = &["WeekKeys", "WeekTitle", "CliLabelsSummary", "VoteResult"];

#[test]
fn sentences_are_translated() {
    let mut same = Vec::new();
    for m in Msg::all() {
        let (nl, en) = (m.text(Lang::Nl), m.text(Lang::En));
        // A sentence (three words or more) that reads the same in both is a missed translation.
        if nl == en && nl.split_whitespace().count() >= 3 && !SAME_IN_BOTH.contains(&m.name()) {
            same.push(m.name());
        }
    }
    assert!(same.is_empty(), "not translated: {same:?}");
}

#[test]
fn names_are_unique_and_found_back() {
    let mut names: Vec<&str> = Msg::all().map(Msg::name).collect();
    let n = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), n);
    assert_eq!(format!("{:?}", Msg::TabMembers), "TabMembers");
    assert_eq!(Msg::TabMembers.text(Lang::Nl), "Leden");
    assert_eq!(Msg::TabMembers.text(Lang::En), "Members");
}

#[test]
fn messages_with_arguments_fill_every_placeholder() {
    let saved = |labels: usize, sheets: usize, lang| {
        args::LabelsSaved {
            labels: &count(labels, Noun::Label, lang),
            sheets: &count(sheets, Noun::Sheet, lang),
            path: &"/tmp/x.pdf",
        }
        .text(lang)
    };
    assert_eq!(
        saved(3, 1, Lang::Nl),
        "3 etiketten op 1 vel opgeslagen in /tmp/x.pdf"
    );
    assert_eq!(
        saved(1, 2, Lang::Nl),
        "1 etiket op 2 vellen opgeslagen in /tmp/x.pdf"
    );
    assert_eq!(
        saved(3, 1, Lang::En),
        "3 labels on 1 sheet saved in /tmp/x.pdf"
    );
    assert_eq!(
        saved(1, 2, Lang::En),
        "1 label on 2 sheets saved in /tmp/x.pdf"
    );
}

#[test]
fn no_filled_text_keeps_a_brace() {
    // Every typed message's text has its placeholders replaced: none keeps a `{`.
    let t = args::Composed {
        week: &"2026-W48",
        cards: &2,
        left: &0,
    };
    for lang in Lang::ALL {
        assert!(!t.text(lang).contains('{'));
    }
}

#[test]
fn only_typed_messages_have_placeholders() {
    // A `{name}` in a plain message would reach the user as it is: there is no run-time fill.
    let mut untyped = Vec::new();
    for m in Msg::all().filter(|m| !m.typed()) {
        for lang in Lang::ALL {
            let t = m.text(lang);
            let placeholder = t.split('{').skip(1).any(|rest| {
                rest.split_once('}').is_some_and(|(name, _)| {
                    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
                })
            });
            if placeholder {
                untyped.push((m.name(), lang));
            }
        }
    }
    assert!(
        untyped.is_empty(),
        "placeholders in plain messages: {untyped:?}"
    );
    assert!(Msg::LabelsSaved.typed() && !Msg::TabMembers.typed());
}

#[test]
fn counted_nouns_in_messages() {
    let composed = |cards: usize, lang| {
        args::Composed {
            week: &"2026-W48",
            cards: &count(cards, Noun::Card, lang),
            left: &0,
        }
        .text(lang)
    };
    assert_eq!(
        composed(1, Lang::Nl),
        "Week 2026-W48 samengesteld: 1 kaartje, 0 weggelaten."
    );
    assert_eq!(
        composed(2, Lang::Nl),
        "Week 2026-W48 samengesteld: 2 kaartjes, 0 weggelaten."
    );
    assert_eq!(
        composed(1, Lang::En),
        "Week 2026-W48 composed: 1 card, 0 left out."
    );
    assert_eq!(
        composed(2, Lang::En),
        "Week 2026-W48 composed: 2 cards, 0 left out."
    );
    let due = |weeks: u32, lang| {
        args::DueTitle {
            weeks: &count(weeks, Noun::Week, lang),
        }
        .text(lang)
    };
    assert_eq!(
        due(1, Lang::Nl),
        "Te houden gesprekken (lopen af binnen 1 week)"
    );
    assert_eq!(due(6, Lang::En), "Reviews due (ending within 6 weeks)");
}
