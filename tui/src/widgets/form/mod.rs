//! A form: labelled fields, one focused, with the validation error of each field shown under it.
//! The forms of core's input structs are declared with [`form_input!`](crate::form_input)
//! ([`input`]); the address block is [`address`]'s; multi-line text is [`multiline`]'s.

pub mod address;
mod input;
pub mod multiline;
#[cfg(test)]
mod tests;

pub use input::{yes_no, FormInput, FormValue};

use crate::i18n::{self, Lang, Msg};
use crate::keys::Action;
use kapstok_core::error::FieldError;
use multiline::Edit;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;
use ratatui_textarea::TextArea;

/// What kind of input a field takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// Text of several lines (Enter makes a new line).
    Multiline,
    /// Text shown as dots.
    Secret,
    /// One of a list: stable value and label.
    Choice(Vec<(&'static str, Msg)>),
    /// One of a list made at run time (institutions): value and label.
    Options(Vec<(String, String)>),
}

impl Kind {
    /// The values to choose from, for the choice kinds.
    fn values(&self) -> Option<Vec<&str>> {
        match self {
            Kind::Choice(options) => Some(options.iter().map(|(v, _)| *v).collect()),
            Kind::Options(options) => Some(options.iter().map(|(v, _)| v.as_str()).collect()),
            Kind::Text | Kind::Multiline | Kind::Secret => None,
        }
    }
}

/// One field.
#[derive(Debug, Clone)]
pub struct Field {
    /// The stable name (as core names the field).
    pub name: &'static str,
    /// The label.
    pub label: Msg,
    /// The text (for a choice: the stable value).
    pub value: String,
    /// The kind.
    pub kind: Kind,
    /// The error shown under the field.
    pub error: Option<String>,
    /// Hidden fields are skipped and not drawn.
    pub visible: bool,
    cursor: usize,
    /// The editor of a multi-line field (its text is kept in `value` too).
    editor: Option<Box<TextArea<'static>>>,
}

impl Field {
    /// A text field.
    pub fn text(name: &'static str, label: Msg, value: &str) -> Field {
        Field {
            name,
            label,
            value: value.to_string(),
            kind: Kind::Text,
            error: None,
            visible: true,
            cursor: value.chars().count(),
            editor: None,
        }
    }

    /// A multi-line text field.
    pub fn multiline(name: &'static str, label: Msg, value: &str) -> Field {
        Field {
            kind: Kind::Multiline,
            editor: Some(multiline::editor(value)),
            ..Field::text(name, label, value)
        }
    }

    /// Whether the field takes several lines.
    pub fn is_multiline(&self) -> bool {
        self.kind == Kind::Multiline
    }

    /// The lines the field takes in the form, its error not counted.
    fn rows(&self) -> usize {
        if self.is_multiline() {
            usize::from(multiline::ROWS)
        } else {
            1
        }
    }

    /// Sets the text, the cursor at its end.
    fn set_text(&mut self, value: &str) {
        self.value = value.to_string();
        self.cursor = value.chars().count();
        if let Some(editor) = &mut self.editor {
            *editor = multiline::editor(value);
        }
    }

    /// A secret field.
    pub fn secret(name: &'static str, label: Msg) -> Field {
        Field {
            kind: Kind::Secret,
            ..Field::text(name, label, "")
        }
    }

    /// A choice field.
    pub fn choice(
        name: &'static str,
        label: Msg,
        options: Vec<(&'static str, Msg)>,
        value: &str,
    ) -> Field {
        let value = if options.iter().any(|(v, _)| *v == value) {
            value.to_string()
        } else {
            options
                .first()
                .map(|(v, _)| v.to_string())
                .unwrap_or_default()
        };
        Field {
            kind: Kind::Choice(options),
            ..Field::text(name, label, &value)
        }
    }

    /// A choice among options made at run time: value and label. Typing a letter jumps to the
    /// next option whose label starts with it.
    pub fn options(
        name: &'static str,
        label: Msg,
        options: Vec<(String, String)>,
        value: &str,
    ) -> Field {
        let value = if options.iter().any(|(v, _)| v == value) {
            value.to_string()
        } else {
            options.first().map(|(v, _)| v.clone()).unwrap_or_default()
        };
        Field {
            kind: Kind::Options(options),
            ..Field::text(name, label, &value)
        }
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.set_text("");
    }

    fn shown(&self, lang: Lang) -> String {
        match &self.kind {
            Kind::Text => self.value.clone(),
            Kind::Multiline => self.value.lines().next().unwrap_or("").to_string(),
            Kind::Secret => "•".repeat(self.value.chars().count()),
            Kind::Choice(options) => {
                let label = options
                    .iter()
                    .find(|(v, _)| *v == self.value)
                    .map(|(_, m)| m.text(lang))
                    .unwrap_or("");
                format!("◀ {label} ▶")
            }
            Kind::Options(options) => {
                let label = options
                    .iter()
                    .find(|(v, _)| *v == self.value)
                    .map(|(_, l)| l.as_str())
                    .unwrap_or("");
                format!("◀ {label} ▶")
            }
        }
    }

    fn is_choice(&self) -> bool {
        self.kind.values().is_some()
    }

    /// Moves a choice one step forward or back; false for other kinds.
    fn step_choice(&mut self, forward: bool) -> bool {
        let Some(values) = self.kind.values() else {
            return false;
        };
        let n = values.len().max(1);
        let i = values.iter().position(|v| *v == self.value).unwrap_or(0);
        let j = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        if let Some(v) = values.get(j) {
            self.value = v.to_string();
        }
        true
    }

    /// Jumps to the next option whose label starts with `c`; true when one was found.
    fn jump_to(&mut self, c: char) -> bool {
        let Kind::Options(options) = &self.kind else {
            return false;
        };
        let want = kapstok_core::common::fold(&c.to_string());
        let at = options
            .iter()
            .position(|(v, _)| *v == self.value)
            .unwrap_or(0);
        let n = options.len();
        let found = (1..=n)
            .map(|step| &options[(at + step) % n])
            .find(|(_, label)| kapstok_core::common::fold(label).starts_with(&want));
        match found {
            Some((v, _)) => {
                self.value = v.clone();
                true
            }
            None => false,
        }
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing for the caller to do.
    None,
    /// The user wants to save.
    Save,
    /// The user cancelled.
    Cancel,
    /// A choice changed (the caller may show or hide fields).
    Changed,
}

/// A form.
#[derive(Debug, Clone)]
pub struct Form {
    /// The title.
    pub title: Msg,
    /// The fields.
    pub fields: Vec<Field>,
    /// The focused field.
    pub focus: usize,
    /// A message above the fields (e.g. "not saved: ...").
    pub message: Option<String>,
    /// A note above the fields, wrapped and shown in yellow (e.g. an institution's house rules).
    pub note: Option<String>,
    /// Enter on the last field saves (login); otherwise only Ctrl+S saves.
    pub enter_saves_on_last: bool,
    /// The key hint in the bottom border.
    pub hint: Msg,
}

impl Form {
    /// A form with fields, the first focused.
    pub fn new(title: Msg, fields: Vec<Field>) -> Form {
        Form {
            title,
            fields,
            focus: 0,
            message: None,
            note: None,
            enter_saves_on_last: false,
            hint: Msg::FormHint,
        }
    }

    /// The value of a field ("" when there is no such field or it is hidden).
    pub fn value(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name && f.visible)
            .map(|f| f.value.clone())
            .unwrap_or_default()
    }

    /// Shows or hides a field.
    pub fn set_visible(&mut self, name: &str, visible: bool) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == name) {
            f.visible = visible;
        }
    }

    /// Sets a field's value, the cursor at its end, and clears its error.
    pub fn set_value(&mut self, name: &str, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == name) {
            f.set_text(value);
            f.error = None;
        }
    }

    /// Gives a field the options made at run time (value and label) and chooses `value` among
    /// them (the first when it is not one of them).
    pub fn set_options(&mut self, name: &'static str, options: Vec<(String, String)>, value: &str) {
        if let Some(f) = self.fields.iter().find(|f| f.name == name) {
            let label = f.label;
            self.replace(Field::options(name, label, options, value));
        }
    }

    /// The key hint in the bottom border: a multi-line field's while it has the focus.
    fn hint_now(&self) -> Msg {
        match self.focused() {
            Some(f) if f.is_multiline() => Msg::MultilineHint,
            _ => self.hint,
        }
    }

    /// Replaces a field (found by name) keeping its visibility, e.g. to change the options of a
    /// choice made at run time.
    pub fn replace(&mut self, field: Field) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == field.name) {
            let visible = f.visible;
            *f = Field { visible, ..field };
        }
    }

    /// Relabels a field.
    pub fn set_label(&mut self, name: &str, label: Msg) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == name) {
            f.label = label;
        }
    }

    /// The focused field.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        for step in 1..=n {
            let i = if forward {
                (self.focus + step) % n
            } else {
                (self.focus + n - step % n) % n
            };
            if self.fields[i].visible {
                self.focus = i;
                return;
            }
        }
    }

    fn is_last_visible(&self) -> bool {
        !self.fields.iter().skip(self.focus + 1).any(|f| f.visible)
    }

    /// Applies a key's action.
    pub fn handle(&mut self, action: Action) -> Outcome {
        let last = self.is_last_visible();
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Outcome::None;
        };
        if let Some(editor) = field.editor.as_deref_mut() {
            match multiline::apply(editor, action) {
                Some(Edit::Done) => {
                    let text = multiline::text(editor);
                    if text != field.value {
                        field.value = text;
                        field.error = None;
                    }
                    return Outcome::None;
                }
                Some(Edit::LeaveUp) => return self.handle(Action::PrevField),
                Some(Edit::LeaveDown) => return self.handle(Action::NextField),
                None => {}
            }
        }
        match action {
            Action::Back => return Outcome::Cancel,
            Action::Save => return Outcome::Save,
            Action::Enter if last && self.enter_saves_on_last => return Outcome::Save,
            Action::Enter | Action::NextField | Action::Down => self.move_focus(true),
            Action::PrevField | Action::Up => self.move_focus(false),
            Action::Home if !field.is_choice() => field.cursor = 0,
            Action::End if !field.is_choice() => field.cursor = field.value.chars().count(),
            Action::Delete if field.cursor < field.value.chars().count() && !field.is_choice() => {
                let at = byte_index(&field.value, field.cursor);
                field.value.remove(at);
                field.error = None;
            }
            Action::Left | Action::Right => {
                let forward = action == Action::Right;
                if field.step_choice(forward) {
                    return Outcome::Changed;
                } else if forward {
                    field.cursor = (field.cursor + 1).min(field.value.chars().count());
                } else {
                    field.cursor = field.cursor.saturating_sub(1);
                }
            }
            Action::Char(c) => {
                if field.is_choice() {
                    let moved = if c == ' ' {
                        field.step_choice(true)
                    } else {
                        field.jump_to(c)
                    };
                    return if moved {
                        Outcome::Changed
                    } else {
                        Outcome::None
                    };
                }
                let at = byte_index(&field.value, field.cursor);
                field.value.insert(at, c);
                field.cursor += 1;
                field.error = None;
            }
            Action::Backspace if field.cursor > 0 && !field.is_choice() => {
                let at = byte_index(&field.value, field.cursor - 1);
                field.value.remove(at);
                field.cursor -= 1;
                field.error = None;
            }
            _ => {}
        }
        Outcome::None
    }

    /// Shows validation errors under their fields and focuses the first; errors about fields
    /// the form does not show are returned as sentences.
    pub fn show_errors(&mut self, errors: &[FieldError], lang: Lang) -> Vec<String> {
        let texts = errors
            .iter()
            .map(|e| (e.field, i18n::reason(&e.reason, lang)))
            .collect();
        let rest = self.show_notes(texts, Msg::FormHasErrors.text(lang).to_string());
        errors
            .iter()
            .filter(|e| rest.contains(&e.field))
            .map(|e| i18n::field_error(e, lang))
            .collect()
    }

    /// Shows each text under the field it names (several for one field joined by "; "), the
    /// focus on the first such field and `message` above the fields; answers the names of the
    /// fields the form does not show.
    pub fn show_notes(
        &mut self,
        notes: Vec<(&'static str, String)>,
        message: String,
    ) -> Vec<&'static str> {
        for f in &mut self.fields {
            f.error = None;
        }
        let mut rest = Vec::new();
        let mut first = None;
        for (name, text) in notes {
            match self.fields.iter().position(|f| f.name == name && f.visible) {
                Some(i) => {
                    let field = &mut self.fields[i];
                    field.error = Some(match field.error.take() {
                        Some(before) => format!("{before}; {text}"),
                        None => text,
                    });
                    first = Some(first.map_or(i, |f: usize| f.min(i)));
                }
                None => rest.push(name),
            }
        }
        if let Some(i) = first {
            self.focus = i;
        }
        self.message = Some(message);
        rest
    }

    /// A field's value as its field shows it: a choice's label instead of its stable value.
    pub fn shown_value(&self, name: &str, value: &str, lang: Lang) -> String {
        let Some(field) = self.fields.iter().find(|f| f.name == name) else {
            return value.to_string();
        };
        match &field.kind {
            Kind::Choice(options) => options
                .iter()
                .find(|(v, _)| *v == value)
                .map(|(_, m)| m.text(lang).to_string())
                .unwrap_or_else(|| value.to_string()),
            Kind::Options(options) => options
                .iter()
                .find(|(v, _)| v == value)
                .map(|(_, label)| label.clone())
                .unwrap_or_else(|| value.to_string()),
            Kind::Text | Kind::Multiline | Kind::Secret => value.to_string(),
        }
    }

    /// The height the form needs in a popup `width` wide to show the note and every visible
    /// field with its error, borders included.
    pub fn height(&self, width: u16) -> u16 {
        let lines: usize = self
            .fields
            .iter()
            .filter(|f| f.visible)
            .map(|f| f.rows() + usize::from(f.error.is_some()))
            .sum();
        let message = usize::from(self.message.is_some());
        let note = self.note_lines(width.saturating_sub(2));
        u16::try_from(lines + message + usize::from(note) + 2).unwrap_or(u16::MAX)
    }

    /// The height the form needs in a popup `width` wide and at most `max` high: every field
    /// with all its lines where that fits, else multi-line fields but the focused one take one
    /// line (room kept for one to show all its lines).
    pub fn height_within(&self, width: u16, max: u16) -> u16 {
        let full = self.height(width);
        if full <= max {
            return full;
        }
        let multiline = self
            .fields
            .iter()
            .filter(|f| f.visible && f.is_multiline())
            .count();
        let saved = multiline.saturating_sub(1) * (usize::from(multiline::ROWS) - 1);
        full.saturating_sub(u16::try_from(saved).unwrap_or(u16::MAX))
    }

    /// The lines the note takes when wrapped to `width` (one spare for word wrapping).
    fn note_lines(&self, width: u16) -> u16 {
        match &self.note {
            None => 0,
            Some(note) => {
                // Each of its lines (house rules may have several) wraps on its own.
                let width = usize::from(width.max(1));
                let lines: usize = note
                    .split('\n')
                    .map(|line| line.chars().count().max(1).div_ceil(width))
                    .sum::<usize>()
                    + 1;
                u16::try_from(lines).unwrap_or(u16::MAX)
            }
        }
    }

    /// Draws the form as a popup in `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(format!(" {} ", self.title.text(lang)))
            .title_bottom(
                Line::from(format!(" {} ", self.hint_now().text(lang)))
                    .style(Style::new().fg(Color::DarkGray)),
            );
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [message_area, note_area, fields_area] = Layout::vertical([
            Constraint::Length(if self.message.is_some() { 1 } else { 0 }),
            Constraint::Length(self.note_lines(inner.width).min(inner.height / 2)),
            Constraint::Min(0),
        ])
        .areas(inner);
        if let Some(note) = &self.note {
            frame.render_widget(
                Paragraph::new(note.as_str())
                    .style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD))
                    .wrap(Wrap { trim: true }),
                note_area,
            );
        }
        if let Some(m) = &self.message {
            frame.render_widget(
                Paragraph::new(m.as_str()).style(Style::new().fg(Color::Red)),
                message_area,
            );
        }
        let label_width = self
            .fields
            .iter()
            .filter(|f| f.visible)
            .map(|f| f.label.text(lang).chars().count())
            .max()
            .unwrap_or(0)
            .min(usize::from(fields_area.width / 2));
        // Where not every multi-line field fits with all its lines, only the focused one shows
        // them; the others show their first line.
        let compact = self.height(area.width) > area.height;
        let rows = |i: usize, f: &Field| {
            if compact && i != self.focus {
                1
            } else {
                f.rows()
            }
        };
        let mut lines: Vec<Line> = Vec::new();
        let mut focus_line = 0usize;
        let mut focus_rows = 1usize;
        let mut cursor = None;
        let mut editor = None;
        for (i, f) in self.fields.iter().enumerate().filter(|(_, f)| f.visible) {
            let focused = i == self.focus;
            if focused {
                focus_line = lines.len();
                focus_rows = rows(i, f);
            }
            let label = format!(
                "{:>w$} ",
                super::ellipsize(f.label.text(lang), label_width),
                w = label_width
            );
            let label_style = if f.error.is_some() {
                Style::new().fg(Color::Red)
            } else if focused {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let value_style = if focused {
                Style::new().bg(Color::DarkGray).fg(Color::White)
            } else {
                Style::new()
            };
            let marker = if focused { "▸" } else { " " };
            if let (true, Some(e)) = (focused, f.editor.as_deref()) {
                editor = Some((e, lines.len()));
            } else if focused && !f.is_choice() {
                cursor = Some((
                    label_width + 2 + f.cursor.min(f.value.chars().count()),
                    lines.len(),
                ));
            }
            if f.is_multiline() {
                // The first lines of the text, the label beside the first (the focused field's
                // editor is drawn over them).
                let blank = " ".repeat(label_width + 2);
                let mut text = f.value.split('\n');
                let shown = rows(i, f);
                for row in 0..shown {
                    let head = if row == 0 {
                        vec![
                            Span::styled(marker, label_style),
                            Span::styled(label.clone(), label_style),
                        ]
                    } else {
                        vec![Span::raw(blank.clone())]
                    };
                    let mut line = text.next().unwrap_or("").replace('\t', "    ");
                    if row + 1 == shown && text.clone().next().is_some() {
                        line.push_str(" …");
                    }
                    lines.push(Line::from(
                        [head, vec![Span::styled(line, value_style)]].concat(),
                    ));
                }
            } else {
                lines.push(Line::from(vec![
                    Span::styled(marker, label_style),
                    Span::styled(label, label_style),
                    Span::styled(f.shown(lang), value_style),
                ]));
            }
            if let Some(e) = &f.error {
                lines.push(Line::from(Span::styled(
                    format!("{:w$}  ⚠ {e}", "", w = label_width),
                    Style::new().fg(Color::Red),
                )));
            }
        }
        let height = usize::from(fields_area.height);
        let offset = if height == 0 {
            0
        } else {
            (focus_line + focus_rows - 1).saturating_sub(height.saturating_sub(2))
        };
        let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(visible), fields_area);
        if let Some((x, y)) = cursor {
            let y = y.saturating_sub(offset);
            if y < height && x < usize::from(fields_area.width) {
                frame.set_cursor_position((fields_area.x + x as u16, fields_area.y + y as u16));
            }
        }
        if let Some((e, y)) = editor {
            // The editor over the value column of its lines, as many as are on screen.
            let x = u16::try_from(label_width + 2).unwrap_or(u16::MAX);
            let top = y.saturating_sub(offset);
            if y >= offset && top < height && x < fields_area.width {
                let rows = (height - top).min(usize::from(multiline::ROWS));
                let area = Rect {
                    x: fields_area.x + x,
                    y: fields_area.y + top as u16,
                    width: fields_area.width - x,
                    height: rows as u16,
                };
                frame.render_widget(e, area);
            }
        }
    }
}

fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}
