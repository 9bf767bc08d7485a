//! A vote by roll call: every voter present, and every member represented by a proxy holder,
//! with their choice. Typing a choice's letter (v voor, t tegen, o onthouding, b blanco)
//! records it and moves to the next voter, so a secretary can follow the room; ←/→ or Space
//! cycle a choice, `-` clears it. The last row is the time of the vote (now suggested).

use crate::i18n::{args, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::layers::{Layer, Next};
use crate::present::meeting_text;
use crate::screen::{Cx, Effects, Status};
use crate::widgets::centered;
use kapstok_core::common::parse_time;
use kapstok_core::error::Reason;
use kapstok_core::meetings::{Choice, Tally};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use std::any::Any;

/// What a key did to the roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing for the caller to do.
    None,
    /// Save the votes.
    Save,
    /// The user went back.
    Cancel,
}

/// The roll call being taken.
#[derive(Debug, Clone)]
pub struct RollCall {
    /// The meeting.
    pub meeting: u64,
    /// The agenda item's index.
    pub index: usize,
    /// "2. Begroting 2027".
    pub title: String,
    /// Each voter: member number and how they are shown.
    voters: Vec<(u64, String)>,
    choices: Vec<Option<Choice>>,
    /// The row with the focus: a voter, or the time (the last row).
    at: usize,
    /// The time of the vote, as typed.
    pub time: String,
}

const CYCLE: [Option<Choice>; 5] = [
    None,
    Some(Choice::For),
    Some(Choice::Against),
    Some(Choice::Abstain),
    Some(Choice::Blank),
];

impl RollCall {
    /// A roll call over the voters, nobody's choice given yet.
    pub fn new(
        meeting: u64,
        index: usize,
        title: String,
        voters: Vec<(u64, String)>,
        time: String,
    ) -> RollCall {
        let choices = vec![None; voters.len()];
        RollCall {
            meeting,
            index,
            title,
            voters,
            choices,
            at: 0,
            time,
        }
    }

    /// The choices given: member and choice.
    pub fn votes(&self) -> Vec<(u64, Choice)> {
        self.voters
            .iter()
            .zip(&self.choices)
            .filter_map(|((m, _), c)| c.map(|c| (*m, c)))
            .collect()
    }

    fn on_time(&self) -> bool {
        self.at == self.voters.len()
    }

    fn step(&mut self, forward: bool) {
        let rows = self.voters.len() + 1;
        self.at = if forward {
            (self.at + 1) % rows
        } else {
            (self.at + rows - 1) % rows
        };
    }

    /// A character typed on the time row: digits and separators only.
    fn type_time(&mut self, c: char) {
        if c.is_ascii_digit() || c == ':' || c == '.' {
            self.time.push(c);
        }
    }

    /// Applies a key's action (keys as in a form).
    pub fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Back => return Outcome::Cancel,
            Action::Save => return Outcome::Save,
            Action::NextField | Action::Down | Action::Enter => self.step(true),
            Action::PrevField | Action::Up => self.step(false),
            Action::Char(c) if self.on_time() => self.type_time(c),
            Action::Backspace if self.on_time() => {
                self.time.pop();
            }
            Action::Left | Action::Right | Action::Char(' ') if !self.on_time() => {
                let now = self.choices[self.at];
                let i = CYCLE.iter().position(|c| *c == now).unwrap_or(0);
                let step = if action == Action::Left { 4 } else { 1 };
                self.choices[self.at] = CYCLE[(i + step) % CYCLE.len()];
            }
            Action::Char('-') | Action::Backspace if !self.on_time() => {
                self.choices[self.at] = None;
            }
            Action::Char(c) => {
                if let Some(choice) = Choice::from_name(&c.to_string()) {
                    self.choices[self.at] = Some(choice);
                    self.step(true);
                }
            }
            _ => {}
        }
        Outcome::None
    }

    /// Draws the roll call as a popup over `body`.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        let height = u16::try_from(self.voters.len() + 6).unwrap_or(u16::MAX);
        let r = centered(body, 76, height.min(body.height));
        frame.render_widget(Clear, r);
        let t = Tally::of(&self.votes());
        let open = self.choices.iter().filter(|c| c.is_none()).count();
        let mut lines = vec![
            Line::from(Span::styled(
                args::RollCallCounts {
                    yes: &t.for_votes,
                    against: &t.against,
                    abstain: &t.abstain,
                    blank: &t.blank,
                    open: &open,
                }
                .text(lang),
                Style::new().fg(Color::Yellow),
            )),
            Line::from(""),
        ];
        let focus = Style::new().add_modifier(Modifier::REVERSED);
        for (i, ((_, label), choice)) in self.voters.iter().zip(&self.choices).enumerate() {
            let text = match choice {
                Some(c) => choice_text(*c, lang).to_string(),
                None => "—".to_string(),
            };
            let mut line = Line::from(vec![
                Span::raw(if i == self.at { "▸ " } else { "  " }),
                Span::styled(
                    format!("{text:<11}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(label.clone()),
            ]);
            if i == self.at {
                line = line.style(focus);
            }
            lines.push(line);
        }
        let mut time = Line::from(vec![
            Span::raw(if self.on_time() { "▸ " } else { "  " }),
            Span::styled(
                format!("{}: ", Msg::FieldClock.text(lang)),
                Style::new().fg(Color::Cyan),
            ),
            Span::raw(self.time.clone()),
        ]);
        if self.on_time() {
            time = time.style(focus);
        }
        lines.push(time);
        // keep the focused row in sight
        let inner = usize::from(r.height.saturating_sub(2));
        let scroll = (self.at + 3).saturating_sub(inner);
        let block = Block::bordered()
            .title(format!(
                " {} ",
                args::FormRollCall { item: &self.title }.text(lang)
            ))
            .title_bottom(format!(" {} ", Msg::RollCallHint.text(lang)));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((u16::try_from(scroll).unwrap_or(0), 0)),
            r,
        );
    }
}

/// The roll call over the tab: its keys as in a form; Ctrl+S records the votes given (core
/// tallies them), Esc leaves without a vote.
pub struct RollCallLayer(RollCall);

impl RollCallLayer {
    /// The roll call as a layer.
    pub fn new(roll_call: RollCall) -> RollCallLayer {
        RollCallLayer(roll_call)
    }
}

impl Layer for RollCallLayer {
    fn mode(&self) -> Mode {
        Mode::Form
    }

    fn handle(mut self: Box<Self>, action: Action, _: &mut dyn Any, cx: &Cx) -> (Next, Effects) {
        let lang = cx.lang;
        match self.0.handle(action) {
            Outcome::Cancel => (None, Effects::cancelled(lang)),
            Outcome::None => (Some(self), Effects::none()),
            Outcome::Save => {
                let r = &self.0;
                let Some(at) = parse_time(&r.time) else {
                    let status = Status {
                        text: format!(
                            "{}: {}",
                            Msg::FieldClock.text(lang),
                            crate::i18n::reason(&Reason::BadTime, lang)
                        ),
                        error: true,
                    };
                    return (Some(self), Effects::status(status));
                };
                match cx
                    .session
                    .meetings()
                    .vote_roll_call(r.meeting, r.index, r.votes(), at)
                {
                    Ok(d) => (None, Effects::info(meeting_text::decision(&d, lang))),
                    Err(e) => (Some(self), Effects::error(&e, lang)),
                }
            }
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.0.render(frame, body, cx.lang);
    }
}

/// A choice in words.
fn choice_text(c: Choice, lang: Lang) -> &'static str {
    match c {
        Choice::For => Msg::ChoiceFor,
        Choice::Against => Msg::ChoiceAgainst,
        Choice::Abstain => Msg::ChoiceAbstain,
        Choice::Blank => Msg::ChoiceBlank,
    }
    .text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_records_the_choice_and_moves_on() {
        let voters = vec![(1, "Jan".into()), (2, "Zoë".into()), (3, "Dagmar".into())];
        let mut r = RollCall::new(7, 1, "Begroting".into(), voters, "20:15".into());
        r.handle(Action::Char('v'));
        r.handle(Action::Char('t'));
        assert_eq!(r.votes(), [(1, Choice::For), (2, Choice::Against)]);
        // Dagmar: cycled to "for", back to nothing
        r.handle(Action::Right);
        r.handle(Action::Left);
        assert_eq!(r.votes().len(), 2);
        r.handle(Action::Char('b'));
        assert_eq!(r.votes()[2], (3, Choice::Blank));
        // now on the time: letters are not choices there
        r.handle(Action::Backspace);
        r.handle(Action::Char('x'));
        r.handle(Action::Char('0'));
        assert_eq!(r.time, "20:10");
        r.handle(Action::Enter);
        r.handle(Action::Char('-'));
        assert_eq!(r.votes()[0], (2, Choice::Against), "Jan cleared");
        assert_eq!(r.handle(Action::Save), Outcome::Save);
        assert_eq!(r.handle(Action::Back), Outcome::Cancel);
    }
}
