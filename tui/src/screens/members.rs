//! The member register tab (list with search as you type, detail pane) and the out-of-sight tab.

use crate::i18n::{Lang, Msg};
use crate::widgets::ellipsize;
use kapstok_core::common::{format_date, Address};
use kapstok_core::members::search::{Query, SearchIndex};
use kapstok_core::members::{Member, Status};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;

/// A status in words.
pub fn status_label(status: &Status, lang: Lang) -> String {
    match status {
        Status::Active => Msg::StatusActive.text(lang).into(),
        Status::Suspended => Msg::StatusSuspended.text(lang).into(),
        Status::Ended { reason } => format!("{} ({reason})", Msg::StatusEnded.text(lang)),
        Status::Deceased => Msg::StatusDeceased.text(lang).into(),
    }
}

fn status_short(status: &Status, lang: Lang) -> &'static str {
    match status {
        Status::Active => Msg::StatusActive.text(lang),
        Status::Suspended => Msg::StatusSuspended.text(lang),
        Status::Ended { .. } => Msg::StatusEnded.text(lang),
        Status::Deceased => Msg::StatusDeceased.text(lang),
    }
}

/// The address as lines for the screen.
pub fn address_lines(address: &Address, lang: Lang) -> Vec<String> {
    match address {
        Address::CareOfOffice => vec![Msg::AddrCareOf.text(lang).into()],
        Address::Unknown => vec![Msg::AddrUnknown.text(lang).into()],
        other => other.lines().unwrap_or_default(),
    }
}

/// The member list with its search.
#[derive(Debug, Default)]
pub struct MemberList {
    members: Vec<Member>,
    index: SearchIndex,
    /// The search text.
    pub filter: String,
    /// True while the user types in the search field.
    pub filtering: bool,
    visible: Vec<usize>,
    /// Selection and scroll.
    pub state: TableState,
}

impl MemberList {
    /// Replaces the members (in register order), keeping the search and, when possible, the
    /// selected member.
    pub fn load(&mut self, members: Vec<Member>) {
        let keep = self.selected().map(|m| m.number);
        self.index = SearchIndex::new(&members);
        self.members = members;
        self.refilter();
        if let Some(n) = keep {
            self.select_number(n);
        }
    }

    fn refilter(&mut self) {
        self.visible = self.index.filter(&Query::new(&self.filter));
        let sel = if self.visible.is_empty() {
            None
        } else {
            Some(
                self.state
                    .selected()
                    .unwrap_or(0)
                    .min(self.visible.len() - 1),
            )
        };
        self.state.select(sel);
    }

    /// Sets the search text and filters.
    pub fn set_filter(&mut self, text: String) {
        self.filter = text;
        self.state.select(Some(0));
        self.refilter();
    }

    /// The number of members shown.
    pub fn shown(&self) -> usize {
        self.visible.len()
    }

    /// The selected member.
    pub fn selected(&self) -> Option<&Member> {
        let i = self.state.selected()?;
        self.members.get(*self.visible.get(i)?)
    }

    /// Selects a member by number, clearing a search that hides it.
    pub fn select_number(&mut self, number: u64) {
        let find = |list: &MemberList| {
            list.visible
                .iter()
                .position(|&i| list.members[i].number == number)
        };
        if find(self).is_none() && !self.filter.is_empty() {
            self.filter.clear();
            self.refilter();
        }
        if let Some(pos) = find(self) {
            self.state.select(Some(pos));
        }
    }

    /// Moves the selection by `delta` lines, clamped.
    pub fn move_by(&mut self, delta: i64) {
        if self.visible.is_empty() {
            return;
        }
        let last = self.visible.len() as i64 - 1;
        let at = self.state.selected().unwrap_or(0) as i64;
        self.state
            .select(Some((at + delta).clamp(0, last) as usize));
    }

    /// Draws the list with its search line.
    pub fn render(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [search, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let cursor = if self.filtering { "▏" } else { "" };
        let search_line = if self.filter.is_empty() && !self.filtering {
            Line::from(vec![
                Span::styled(
                    format!("{} ", Msg::FilterHint.text(lang)),
                    Style::new().fg(Color::DarkGray),
                ),
                Span::raw(format!(
                    "· {} {}",
                    self.shown(),
                    Msg::MembersCount.text(lang)
                )),
            ])
        } else {
            Line::from(vec![
                Span::styled(
                    format!("{}: ", Msg::Filter.text(lang)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!("{}{cursor}", self.filter),
                    Style::new().fg(Color::Yellow),
                ),
                Span::raw(format!(
                    "  · {} {}",
                    self.shown(),
                    Msg::MembersCount.text(lang)
                )),
            ])
        };
        frame.render_widget(Paragraph::new(search_line), search);
        if self.visible.is_empty() {
            frame.render_widget(
                Paragraph::new(Msg::NoMembers.text(lang)).block(Block::bordered()),
                table,
            );
            return;
        }
        let name_width = usize::from(table.width.saturating_sub(2 + 6 + 15 + 11 + 13 + 4)).max(8);
        // Only the rows that fit are built: at 100,000 members building every row for every
        // frame cost far more than the rest of the frame. The scroll offset is kept here, in
        // `state`, the way ratatui's Table keeps it (the selection stays in view, the list
        // scrolls no more than needed).
        let height = usize::from(table.height.saturating_sub(3)).max(1);
        let selected = self.state.selected().unwrap_or(0);
        let mut offset = self
            .state
            .offset()
            .min(self.visible.len().saturating_sub(1));
        if selected < offset {
            offset = selected;
        } else if selected >= offset + height {
            offset = selected + 1 - height;
        }
        *self.state.offset_mut() = offset;
        let window = &self.visible[offset..(offset + height).min(self.visible.len())];
        let rows = window.iter().map(|&i| {
            let m = &self.members[i];
            let dim = !m.status().is_member();
            let style = if dim {
                Style::new().fg(Color::DarkGray)
            } else {
                Style::new()
            };
            Row::new(vec![
                m.number.to_string(),
                ellipsize(&m.name.sorted(), name_width),
                ellipsize(&m.known_as, 14),
                status_short(m.status(), lang).to_string(),
                ellipsize(m.address.city().unwrap_or(""), 12),
            ])
            .style(style)
        });
        let header = Row::new(vec![
            Msg::ColNumber.text(lang),
            Msg::ColName.text(lang),
            Msg::ColKnownAs.text(lang),
            Msg::ColStatus.text(lang),
            Msg::ColCity.text(lang),
        ])
        .style(Style::new().add_modifier(Modifier::BOLD));
        let widths = [
            Constraint::Length(5),
            Constraint::Min(8),
            Constraint::Length(14),
            Constraint::Length(10),
            Constraint::Length(12),
        ];
        let t = Table::new(rows, widths)
            .header(header)
            .block(Block::bordered())
            .row_highlight_style(Style::new().bg(Color::Blue).fg(Color::White))
            .highlight_symbol("▸");
        let mut window_state = TableState::default()
            .with_selected(self.state.selected().map(|i| i.saturating_sub(offset)));
        frame.render_stateful_widget(t, table, &mut window_state);
    }
}

/// The detail of one member, as lines.
pub fn detail_lines(m: &Member, lang: Lang, full: bool) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let label = |msg: Msg| {
        Span::styled(
            format!("{}: ", msg.text(lang)),
            Style::new().fg(Color::Cyan),
        )
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(m.name.full(), bold),
        Span::raw(format!(
            "  ({} {})",
            Msg::ColNumber.text(lang).to_lowercase(),
            m.number
        )),
    ])];
    if !m.known_as.is_empty() {
        lines.push(Line::from(vec![
            label(Msg::ColKnownAs),
            Span::raw(m.known_as.clone()),
        ]));
    }
    lines.push(Line::from(vec![
        label(Msg::ColStatus),
        Span::raw(format!(
            "{} {} {}",
            status_label(m.status(), lang),
            Msg::Since.text(lang),
            format_date(m.status_since())
        )),
    ]));
    let addr = address_lines(&m.address, lang);
    lines.push(Line::from(vec![
        label(Msg::Address),
        Span::raw(addr.join(", ")),
    ]));
    let mut facts = vec![];
    if let Some(b) = m.birth_date {
        facts.push(format!("{} {}", Msg::Born.text(lang), format_date(b)));
    }
    facts.push(format!(
        "{} {}",
        Msg::Joined.text(lang).to_lowercase(),
        format_date(m.joined)
    ));
    lines.push(Line::from(facts.join(" · ")));
    let mut contact = Vec::new();
    if !m.phone.is_empty() {
        contact.extend([label(Msg::Phone), Span::raw(format!("{}  ", m.phone))]);
    }
    if !m.email.is_empty() {
        contact.extend([label(Msg::Email), Span::raw(m.email.clone())]);
    }
    if !contact.is_empty() {
        lines.push(Line::from(contact));
    }
    lines.push(Line::from(vec![
        label(Msg::ColLastContact),
        Span::raw(
            m.last_contact
                .map(format_date)
                .unwrap_or_else(|| Msg::Never.text(lang).into()),
        ),
    ]));
    let consents: Vec<String> = [
        (m.consents.convocation_email, Msg::FieldConsentEmail),
        (m.consents.birthday_card, Msg::FieldConsentBirthday),
        (m.consents.magazine, Msg::FieldConsentMagazine),
    ]
    .into_iter()
    .filter_map(|(d, msg)| {
        d.map(|d| {
            format!(
                "{} {}",
                msg.text(lang)
                    .replace(" (datum)", "")
                    .replace(" (date)", ""),
                format_date(d)
            )
        })
    })
    .collect();
    lines.push(Line::from(vec![
        label(Msg::Consents),
        Span::raw(if consents.is_empty() {
            Msg::ConsentNone.text(lang).to_string()
        } else {
            consents.join(", ")
        }),
    ]));
    if full {
        lines.push(Line::from(Span::styled(
            Msg::StatusHistory.text(lang),
            Style::new().fg(Color::Cyan),
        )));
        for e in &m.status_history {
            lines.push(Line::from(format!(
                "  {}  {}",
                format_date(e.since),
                status_label(&e.status, lang)
            )));
        }
    }
    if !m.notes.is_empty() {
        lines.push(Line::from(label(Msg::Notes)));
        for l in m.notes.lines() {
            lines.push(Line::from(format!("  {l}")));
        }
    }
    lines
}

/// Draws the detail pane.
pub fn render_detail(frame: &mut Frame, area: Rect, member: Option<&Member>, lang: Lang) {
    let block = Block::bordered().title(format!(" {} ", Msg::DetailTitle.text(lang)));
    let text = match member {
        Some(m) => detail_lines(m, lang, false),
        None => vec![Line::from(Msg::NothingSelected.text(lang))],
    };
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        area,
    );
}

/// The out-of-sight list.
#[derive(Debug, Default)]
pub struct OutOfSight {
    /// Members with the days since their last contact, longest first.
    pub rows: Vec<(Member, i64)>,
    /// The setting used.
    pub weeks: u32,
    /// Selection.
    pub state: TableState,
}

impl OutOfSight {
    /// Replaces the list.
    pub fn load(&mut self, rows: Vec<(Member, i64)>, weeks: u32) {
        self.rows = rows;
        self.weeks = weeks;
        let sel = if self.rows.is_empty() {
            None
        } else {
            Some(self.state.selected().unwrap_or(0).min(self.rows.len() - 1))
        };
        self.state.select(sel);
    }

    /// The selected member.
    pub fn selected(&self) -> Option<&Member> {
        self.rows.get(self.state.selected()?).map(|(m, _)| m)
    }

    /// Moves the selection.
    pub fn move_by(&mut self, delta: i64) {
        if self.rows.is_empty() {
            return;
        }
        let at = self.state.selected().unwrap_or(0) as i64;
        self.state.select(Some(
            (at + delta).clamp(0, self.rows.len() as i64 - 1) as usize
        ));
    }

    /// Draws the list.
    pub fn render(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [intro, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(
            Paragraph::new(format!(
                "{} {} · {} {}",
                Msg::OutOfSightIntro.text(lang),
                self.weeks,
                self.rows.len(),
                Msg::MembersCount.text(lang)
            )),
            intro,
        );
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Msg::NoOutOfSight.text(lang)).block(Block::bordered()),
                table,
            );
            return;
        }
        let rows = self.rows.iter().map(|(m, days)| {
            Row::new(vec![
                m.number.to_string(),
                m.name.sorted(),
                m.known_as.clone(),
                m.last_contact
                    .map(format_date)
                    .unwrap_or_else(|| Msg::Never.text(lang).into()),
                days.to_string(),
            ])
        });
        let header = Row::new(vec![
            Msg::ColNumber.text(lang),
            Msg::ColName.text(lang),
            Msg::ColKnownAs.text(lang),
            Msg::ColLastContact.text(lang),
            Msg::ColDays.text(lang),
        ])
        .style(Style::new().add_modifier(Modifier::BOLD));
        let widths = [
            Constraint::Length(5),
            Constraint::Min(10),
            Constraint::Length(14),
            Constraint::Length(15),
            Constraint::Length(6),
        ];
        let t = Table::new(rows, widths)
            .header(header)
            .block(Block::bordered())
            .row_highlight_style(Style::new().bg(Color::Blue).fg(Color::White))
            .highlight_symbol("▸");
        frame.render_stateful_widget(t, table, &mut self.state);
    }
}
