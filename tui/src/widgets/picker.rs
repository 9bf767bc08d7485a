//! A list to choose one item from, filtered as you type (case and accents ignored).

use crate::i18n::{Lang, Msg};
use crate::keys::Action;
use kapstok_core::common::fold;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};
use ratatui::Frame;

/// What a key did to the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// Nothing for the caller to do.
    None,
    /// The user chose the item with this id.
    Chosen(u64),
    /// The user went back.
    Cancel,
}

/// A filtered list of `(id, label)` items.
#[derive(Debug, Clone)]
pub struct Picker {
    title: Msg,
    items: Vec<(u64, String)>,
    folded: Vec<String>,
    filter: String,
    visible: Vec<usize>,
    state: ListState,
}

impl Picker {
    /// A picker over the items, in their order, the first selected.
    pub fn new(title: Msg, items: Vec<(u64, String)>) -> Picker {
        let folded = items.iter().map(|(_, label)| fold(label)).collect();
        let mut picker = Picker {
            title,
            items,
            folded,
            filter: String::new(),
            visible: Vec::new(),
            state: ListState::default(),
        };
        picker.refilter();
        picker
    }

    fn refilter(&mut self) {
        let want = fold(&self.filter);
        self.visible = (0..self.items.len())
            .filter(|&i| self.folded[i].contains(&want))
            .collect();
        self.state.select((!self.visible.is_empty()).then_some(0));
    }

    fn move_by(&mut self, delta: i64) {
        if self.visible.is_empty() {
            return;
        }
        let last = self.visible.len() as i64 - 1;
        let at = self.state.selected().unwrap_or(0) as i64;
        self.state
            .select(Some((at + delta).clamp(0, last) as usize));
    }

    /// The item selected now.
    pub fn selected(&self) -> Option<&(u64, String)> {
        self.items.get(*self.visible.get(self.state.selected()?)?)
    }

    /// Applies a key's action.
    pub fn handle(&mut self, action: Action) -> Picked {
        match action {
            Action::Back => return Picked::Cancel,
            Action::Enter => {
                if let Some((id, _)) = self.selected() {
                    return Picked::Chosen(*id);
                }
            }
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-10),
            Action::PageDown => self.move_by(10),
            Action::Char(c) => {
                self.filter.push(c);
                self.refilter();
            }
            Action::Backspace => {
                self.filter.pop();
                self.refilter();
            }
            _ => {}
        }
        Picked::None
    }

    /// Draws the picker as a popup in `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(format!(" {} ", self.title.text(lang)))
            .title_bottom(
                Line::from(format!(" {} ", Msg::PickHint.text(lang)))
                    .style(Style::new().fg(Color::DarkGray)),
            );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [search, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!("{}: ", Msg::Filter.text(lang)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::styled(format!("{}▏", self.filter), Style::new().fg(Color::Yellow)),
            ])),
            search,
        );
        if self.visible.is_empty() {
            frame.render_widget(Paragraph::new(Msg::PickNone.text(lang)), list);
            return;
        }
        let items: Vec<ListItem> = self
            .visible
            .iter()
            .map(|&i| ListItem::new(self.items[i].1.as_str()))
            .collect();
        let widget = List::new(items)
            .highlight_symbol("▸ ")
            .highlight_style(Style::new().bg(Color::Blue).fg(Color::White));
        let mut state = self.state;
        frame.render_stateful_widget(widget, list, &mut state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> Picker {
        Picker::new(
            Msg::PickRecipient,
            vec![
                (4, "Zoë de Wit".into()),
                (9, "Jan van der Poel".into()),
                (2, "Şükrü Yılmaz".into()),
            ],
        )
    }

    #[test]
    fn typing_filters_ignoring_case_and_accents() {
        let mut p = picker();
        for c in "zoe".chars() {
            p.handle(Action::Char(c));
        }
        assert_eq!(p.handle(Action::Enter), Picked::Chosen(4));
        p.handle(Action::Backspace);
        p.handle(Action::Backspace);
        p.handle(Action::Backspace);
        p.handle(Action::Down);
        assert_eq!(p.handle(Action::Enter), Picked::Chosen(9));
        p.handle(Action::Char('q'));
        assert_eq!(p.handle(Action::Enter), Picked::None, "nothing matches");
        assert_eq!(p.handle(Action::Back), Picked::Cancel);
    }
}
