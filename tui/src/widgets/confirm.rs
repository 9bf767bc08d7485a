//! Questions before a change, as a popup: a yes/no question for what is harmless, and a typed
//! confirmation for what is destructive.
//!
//! A typed confirmation ([`Question::typed`]) is only answered yes when the user types the text
//! it names (a member number, a count, a word such as `wissen`) and presses Enter; it can have
//! several steps ([`Question::then`]). Enter alone, `y`, `j` or any key that moves or does
//! something else elsewhere never confirms it: in [`Mode::Typed`] every letter is just typed. A
//! wrong text says so under the question, is cleared and changes nothing; Esc cancels.
//!
//! A yes/no question ([`Question::yes_no`]) takes `y`, `Y` or `J` as yes (not `j`, which moves
//! down, nor Enter, which moves to the next field of the form under the question).

use super::centered;
use crate::i18n::{args, Lang, Msg};
use crate::keys::{Action, Mode};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// One step of a typed confirmation: what it asks and the text that must be typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    text: String,
    expected: String,
}

/// A question before a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The steps; a yes/no question has one with an empty expected text.
    steps: Vec<Step>,
    typed_kind: bool,
    step: usize,
    typed: String,
    /// The text typed at the last wrong attempt.
    wrong: Option<String>,
}

/// What the user answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Yes (for a typed confirmation: every step typed right).
    Yes,
    /// No, or Esc.
    No,
    /// Not answered yet: show the question again.
    Open(Question),
}

impl Question {
    /// A yes/no question, for changes that lose nothing.
    pub fn yes_no(text: impl Into<String>) -> Question {
        Question {
            steps: vec![Step {
                text: text.into(),
                expected: String::new(),
            }],
            typed_kind: false,
            step: 0,
            typed: String::new(),
            wrong: None,
        }
    }

    /// A typed confirmation: `text` says what will be lost; the user must type `expected`
    /// (compared without case and surrounding spaces) and press Enter.
    pub fn typed(text: impl Into<String>, expected: impl Into<String>) -> Question {
        Question {
            steps: vec![Step {
                text: text.into(),
                expected: expected.into(),
            }],
            typed_kind: true,
            step: 0,
            typed: String::new(),
            wrong: None,
        }
    }

    /// A typed confirmation that asks for the word of a destructive action (`word` in the
    /// user's language) after `text`.
    pub fn typed_word(text: &str, word: Msg, lang: Lang) -> Question {
        Question::typed(text, word.text(lang))
    }

    /// A further step of a typed confirmation, asked after the steps before were typed right.
    pub fn then(mut self, text: impl Into<String>, expected: impl Into<String>) -> Question {
        self.steps.push(Step {
            text: text.into(),
            expected: expected.into(),
        });
        self.typed_kind = true;
        self
    }

    /// Whether the question wants a text typed.
    pub fn is_typed(&self) -> bool {
        self.typed_kind
    }

    /// The text the current step expects ("" for a yes/no question).
    pub fn expected(&self) -> &str {
        self.steps
            .get(self.step)
            .map_or("", |s| s.expected.as_str())
    }

    /// The question of the current step.
    pub fn text(&self) -> &str {
        self.steps.get(self.step).map_or("", |s| s.text.as_str())
    }

    /// Where the keyboard is while the question shows.
    pub fn mode(&self) -> Mode {
        if self.typed_kind {
            Mode::Typed
        } else {
            Mode::Confirm
        }
    }

    /// Applies a key's action.
    pub fn answer(mut self, action: Action) -> Answer {
        if !self.typed_kind {
            return match action {
                Action::Yes => Answer::Yes,
                Action::No | Action::Back => Answer::No,
                _ => Answer::Open(self),
            };
        }
        match action {
            Action::Back | Action::No => Answer::No,
            Action::Char(c) if !c.is_control() => {
                // Longer than anything expected is never right; it need not grow further.
                if self.typed.chars().count() < 64 {
                    self.typed.push(c);
                }
                Answer::Open(self)
            }
            Action::Backspace => {
                self.typed.pop();
                Answer::Open(self)
            }
            Action::Enter => {
                let typed = std::mem::take(&mut self.typed);
                let right = same(&typed, self.expected()) && !self.expected().trim().is_empty();
                if !right {
                    self.wrong = Some(typed);
                    return Answer::Open(self);
                }
                self.wrong = None;
                self.step += 1;
                if self.step >= self.steps.len() {
                    Answer::Yes
                } else {
                    Answer::Open(self)
                }
            }
            _ => Answer::Open(self),
        }
    }

    /// Draws the question centred in `body`, tall enough for the text when it wraps (a `\n`
    /// starts a new line).
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        if !self.typed_kind {
            render(frame, body, self.text(), lang);
            return;
        }
        let mut text = self.text().to_string();
        text.push_str("\n\n");
        text.push_str(
            &args::TypedPrompt {
                text: &self.expected(),
            }
            .text(lang),
        );
        let mut extra = 1;
        if let Some(wrong) = &self.wrong {
            text.push('\n');
            text.push_str(
                &args::TypedWrong {
                    typed: &wrong,
                    text: &self.expected(),
                }
                .text(lang),
            );
            extra += 1;
        }
        let width = 64u16.min(body.width);
        let height = height_for(&text, width).saturating_add(extra);
        let r = centered(body, width, height);
        frame.render_widget(Clear, r);
        let title = if self.steps.len() > 1 {
            format!(
                " {} ({}/{}) ",
                Msg::ConfirmTitle.text(lang),
                self.step + 1,
                self.steps.len()
            )
        } else {
            format!(" {} ", Msg::ConfirmTitle.text(lang))
        };
        let block = Block::bordered()
            .title(title)
            .title_bottom(format!(" {} ", Msg::TypedHint.text(lang)));
        let mut lines: Vec<Line> = text
            .split('\n')
            .map(|l| Line::from(l.to_string()))
            .collect();
        lines.push(Line::from(vec![
            Span::raw("> "),
            Span::styled(
                self.typed.clone(),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
            Span::styled("_", Style::new().add_modifier(Modifier::SLOW_BLINK)),
        ]));
        if self.wrong.is_some() {
            if let Some(line) = lines.iter_mut().rev().nth(1) {
                *line = line.clone().style(Style::new().fg(Color::Red));
            }
        }
        frame.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
            r,
        );
    }
}

/// Whether the typed text is the expected one: case, surrounding spaces and the accents on an
/// `e` (`beëindigen`, typed as `beeindigen`) do not matter.
fn same(typed: &str, expected: &str) -> bool {
    let plain = |t: &str| -> String {
        t.trim()
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'ë' | 'é' | 'è' | 'ê' => 'e',
                c => c,
            })
            .collect()
    };
    plain(typed) == plain(expected)
}

/// The height of a bordered popup `width` wide holding `text`, with room for word wrapping.
fn height_for(text: &str, width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Each line of the text wraps on its own, with a spare line for word wrapping per line
    // that wraps (at least one).
    let parts: Vec<usize> = text.split('\n').map(|l| l.chars().count()).collect();
    let wrapped = parts.iter().filter(|n| **n > inner).count().max(1);
    let lines = parts
        .iter()
        .map(|n| n.div_ceil(inner).max(1))
        .sum::<usize>()
        + wrapped;
    u16::try_from(lines + 3).unwrap_or(u16::MAX).max(7)
}

/// Draws a yes/no question centred in `body`, tall enough for the text when it wraps (a `\n`
/// starts a new line).
pub fn render(frame: &mut Frame, body: Rect, text: &str, lang: Lang) {
    let width = 60u16.min(body.width);
    let r = centered(body, width, height_for(text, width));
    frame.render_widget(Clear, r);
    let block = Block::bordered()
        .title(format!(" {} ", Msg::ConfirmTitle.text(lang)))
        .title_bottom(format!(" {} ", Msg::ConfirmHint.text(lang)));
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(q: Question, text: &str) -> Answer {
        let mut q = q;
        for c in text.chars() {
            match q.answer(Action::Char(c)) {
                Answer::Open(next) => q = next,
                other => return other,
            }
        }
        q.answer(Action::Enter)
    }

    #[test]
    fn a_typed_confirmation_wants_every_step_typed() {
        let q = Question::typed("Wissen?", "17").then("Zeker?", "wissen");
        // Enter alone, y and j are no yes.
        for action in [Action::Enter, Action::Yes, Action::Char('y'), Action::Down] {
            match q.clone().answer(action) {
                Answer::Open(next) => assert_eq!(next.step, 0, "{action:?}"),
                other => panic!("{action:?}: {other:?}"),
            }
        }
        let Answer::Open(q2) = typed(q.clone(), "18") else {
            panic!("a wrong number is no answer")
        };
        assert_eq!((q2.step, q2.wrong.as_deref()), (0, Some("18")));
        let Answer::Open(q2) = typed(q2, " 17 ") else {
            panic!("one step of two")
        };
        assert_eq!(q2.step, 1);
        assert!(matches!(typed(q2.clone(), "wisse"), Answer::Open(_)));
        assert_eq!(typed(q2.clone(), "WISSEN"), Answer::Yes);
        assert_eq!(q2.answer(Action::Back), Answer::No);
        assert!(matches!(
            typed(Question::typed("?", ""), ""),
            Answer::Open(_)
        ));
        assert_eq!(
            typed(Question::typed("?", "beëindigen"), "beeindigen"),
            Answer::Yes
        );
    }

    #[test]
    fn a_yes_no_question_takes_no_key_that_moves() {
        let q = Question::yes_no("Opslaan?");
        assert_eq!(q.mode(), Mode::Confirm);
        assert_eq!(q.clone().answer(Action::Yes), Answer::Yes);
        assert_eq!(q.clone().answer(Action::No), Answer::No);
        assert!(matches!(q.answer(Action::Down), Answer::Open(_)));
    }
}
