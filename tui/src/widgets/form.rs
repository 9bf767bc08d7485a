//! A form: labelled fields, one focused, with the validation error of each field shown under it.

use crate::i18n::{self, Lang, Msg};
use crate::keys::Action;
use kapstok_core::common::AddressKind;
use kapstok_core::error::FieldError;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// What kind of input a field takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
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
            Kind::Text | Kind::Secret => None,
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
        self.value.clear();
        self.cursor = 0;
    }

    fn shown(&self, lang: Lang) -> String {
        match &self.kind {
            Kind::Text => self.value.clone(),
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
            f.value = value.to_string();
            f.cursor = value.chars().count();
            f.error = None;
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
        match action {
            Action::Back => return Outcome::Cancel,
            Action::Save => return Outcome::Save,
            Action::Enter if last && self.enter_saves_on_last => return Outcome::Save,
            Action::Enter | Action::NextField => self.move_focus(true),
            Action::PrevField => self.move_focus(false),
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
        for f in &mut self.fields {
            f.error = None;
        }
        let mut rest = Vec::new();
        let mut first = None;
        for e in errors {
            match self
                .fields
                .iter()
                .position(|f| f.name == e.field && f.visible)
            {
                Some(i) => {
                    let text = i18n::reason(&e.reason, lang);
                    let field = &mut self.fields[i];
                    field.error = Some(match field.error.take() {
                        Some(before) => format!("{before}; {text}"),
                        None => text,
                    });
                    first = Some(first.map_or(i, |f: usize| f.min(i)));
                }
                None => rest.push(i18n::field_error(e, lang)),
            }
        }
        if let Some(i) = first {
            self.focus = i;
        }
        self.message = Some(Msg::FormHasErrors.text(lang).to_string());
        rest
    }

    /// The height the form needs in a popup `width` wide to show the note and every visible
    /// field with its error, borders included.
    pub fn height(&self, width: u16) -> u16 {
        let lines: usize = self
            .fields
            .iter()
            .filter(|f| f.visible)
            .map(|f| 1 + usize::from(f.error.is_some()))
            .sum();
        let message = usize::from(self.message.is_some());
        let note = self.note_lines(width.saturating_sub(2));
        u16::try_from(lines + message + usize::from(note) + 2).unwrap_or(u16::MAX)
    }

    /// The lines the note takes when wrapped to `width` (one spare for word wrapping).
    fn note_lines(&self, width: u16) -> u16 {
        match &self.note {
            None => 0,
            Some(note) => {
                let chars = note.chars().count().max(1);
                let lines = chars.div_ceil(usize::from(width.max(1))) + 1;
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
                Line::from(format!(" {} ", self.hint.text(lang)))
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
        let mut lines: Vec<Line> = Vec::new();
        let mut focus_line = 0usize;
        let mut cursor = None;
        for (i, f) in self.fields.iter().enumerate().filter(|(_, f)| f.visible) {
            let focused = i == self.focus;
            if focused {
                focus_line = lines.len();
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
            if focused && !f.is_choice() {
                cursor = Some((
                    label_width + 2 + f.cursor.min(f.value.chars().count()),
                    lines.len(),
                ));
            }
            lines.push(Line::from(vec![
                Span::styled(marker, label_style),
                Span::styled(label, label_style),
                Span::styled(f.shown(lang), value_style),
            ]));
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
            focus_line.saturating_sub(height.saturating_sub(2))
        };
        let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(visible), fields_area);
        if let Some((x, y)) = cursor {
            let y = y.saturating_sub(offset);
            if y < height && x < usize::from(fields_area.width) {
                frame.set_cursor_position((fields_area.x + x as u16, fields_area.y + y as u16));
            }
        }
    }
}

const ADDRESS_FIELDS: [&str; 6] = [
    "street",
    "house_number",
    "addition",
    "postcode",
    "city",
    "country",
];

/// Shows the address fields the chosen `address_kind` uses (a Postbus has only a number,
/// postcode and city), and names the number field after it.
pub fn show_address_fields(form: &mut Form) {
    let kind = AddressKind::from_name(&form.value("address_kind")).unwrap_or(AddressKind::Unknown);
    let shown: &[&str] = match kind {
        AddressKind::Street => &["street", "house_number", "addition", "postcode", "city"],
        AddressKind::Postbus => &["house_number", "postcode", "city"],
        AddressKind::Foreign => &["street", "postcode", "city", "country"],
        AddressKind::CareOfOffice | AddressKind::Unknown => &[],
    };
    for f in ADDRESS_FIELDS {
        form.set_visible(f, shown.contains(&f));
    }
    form.set_label(
        "house_number",
        if kind == AddressKind::Postbus {
            Msg::FieldPostbusNumber
        } else {
            Msg::FieldHouseNumber
        },
    );
}

fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kapstok_core::error::Reason;

    fn form() -> Form {
        Form::new(
            Msg::FormNewMember,
            vec![
                Field::text("surname", Msg::FieldSurname, ""),
                Field::choice(
                    "address_kind",
                    Msg::FieldAddressKind,
                    vec![("street", Msg::AddrStreet), ("care_of", Msg::AddrCareOf)],
                    "street",
                ),
                Field::text("postcode", Msg::FieldPostcode, ""),
            ],
        )
    }

    #[test]
    fn typing_editing_and_moving() {
        let mut f = form();
        for c in "Zoe".chars() {
            f.handle(Action::Char(c));
        }
        f.handle(Action::Left);
        f.handle(Action::Backspace);
        f.handle(Action::Char('ö'));
        assert_eq!(f.value("surname"), "Zöe");
        f.handle(Action::NextField);
        assert_eq!(f.handle(Action::Right), Outcome::Changed);
        assert_eq!(f.value("address_kind"), "care_of");
        f.handle(Action::Right);
        assert_eq!(f.value("address_kind"), "street");
        f.set_visible("postcode", false);
        f.handle(Action::NextField);
        assert_eq!(f.focus, 0, "hidden fields are skipped");
        assert_eq!(f.handle(Action::Save), Outcome::Save);
        assert_eq!(f.handle(Action::Back), Outcome::Cancel);
    }

    #[test]
    fn options_made_at_run_time_cycle_and_jump_by_letter() {
        let options = vec![
            ("3".to_string(), "PI Lelystad".to_string()),
            ("1".to_string(), "Justitieel Complex Schiphol".to_string()),
            ("7".to_string(), "JVA Moabit".to_string()),
        ];
        let mut f = Form::new(
            Msg::FormStartStay,
            vec![Field::options(
                "institution",
                Msg::FieldInstitution,
                options,
                "",
            )],
        );
        assert_eq!(f.value("institution"), "3", "the first option by default");
        assert_eq!(f.handle(Action::Left), Outcome::Changed);
        assert_eq!(f.value("institution"), "7");
        f.handle(Action::Char('j'));
        assert_eq!(f.value("institution"), "1", "next label starting with j");
        f.handle(Action::Char('J'));
        assert_eq!(f.value("institution"), "7");
        assert_eq!(f.handle(Action::Char('z')), Outcome::None);
        f.handle(Action::Backspace);
        assert_eq!(
            f.value("institution"),
            "7",
            "backspace leaves a choice alone"
        );
        assert_eq!(f.height(40), 3);
        f.note = Some("x".repeat(50));
        assert_eq!(f.height(40), 3 + 3);
    }

    #[test]
    fn errors_land_on_their_fields() {
        let mut f = form();
        let rest = f.show_errors(
            &[
                FieldError::new("postcode", Reason::BadPostcode),
                FieldError::new("number", Reason::Taken),
            ],
            Lang::Nl,
        );
        assert_eq!(f.focus, 2);
        assert_eq!(
            f.fields[2].error.as_deref(),
            Some("is geen Nederlandse postcode (1234 AB)")
        );
        assert_eq!(rest, ["Lidnummer: is al in gebruik"]);
    }
}
