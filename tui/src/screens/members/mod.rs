//! The member register tab (list with search as you type, detail pane) and the out-of-sight tab:
//! the lists and their drawing here, the screens and their forms in [`screen`] and [`forms`].

pub mod forms;
pub mod screen;

use crate::i18n::{Lang, Msg};
use crate::widgets::ellipsize;
use kapstok_core::common::format_date;
use kapstok_core::members::search::{Query, SearchIndex};
use kapstok_core::members::{Member, Status};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;
use std::ops::Range;

pub use crate::present::{address_lines, status_label};

/// A status as the list shows it (the reason of an ended membership is only in the detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Short {
    Active,
    Suspended,
    Ended,
    Deceased,
}

impl Short {
    fn of(status: &Status) -> Short {
        match status {
            Status::Active => Short::Active,
            Status::Suspended => Short::Suspended,
            Status::Ended { .. } => Short::Ended,
            Status::Deceased => Short::Deceased,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Short::Active => Msg::StatusActive.text(lang),
            Short::Suspended => Msg::StatusSuspended.text(lang),
            Short::Ended => Msg::StatusEnded.text(lang),
            Short::Deceased => Msg::StatusDeceased.text(lang),
        }
    }

    fn is_member(self) -> bool {
        matches!(self, Short::Active | Short::Suspended)
    }
}

/// One line of the list: what the columns show, its text in [`MemberList::text`] from `at`
/// (sorted name, known-as, city, each ending where the next begins).
#[derive(Debug, Clone, Copy)]
struct ListRow {
    number: u64,
    status: Short,
    /// Where the sorted name, known-as and city start, and where the city ends.
    at: [u32; 4],
    /// Where its place in the register's order ends (it starts where the city ends).
    key_end: u32,
}

/// Texts kept end to end in one string, each found by its start and end offsets: 100,000 members
/// in a few allocations instead of several per member (the register in full took 50 MB).
#[derive(Debug, Default)]
struct Texts {
    all: String,
}

impl Texts {
    fn push(&mut self, text: &str) -> u32 {
        self.all.push_str(text);
        self.at()
    }

    fn at(&self) -> u32 {
        // The register's texts are far from 4 GB; saturate rather than wrap if they ever were.
        u32::try_from(self.all.len()).unwrap_or(u32::MAX)
    }

    fn get(&self, from: u32, to: u32) -> &str {
        self.all.get(from as usize..to as usize).unwrap_or("")
    }
}

/// A row for a member, its texts at the end of the shared string (the old texts of a changed
/// row stay behind unused until the next full load).
fn row(text: &mut Texts, m: &Member) -> ListRow {
    let start = text.at();
    let known_as = text.push(&m.name.sorted());
    let city = text.push(&m.known_as);
    let end = text.push(m.address.city().unwrap_or(""));
    let key_end = text.push(&kapstok_core::members::rules::register_key(m));
    ListRow {
        number: m.number,
        status: Short::of(m.status()),
        at: [start, known_as, city, end],
        key_end,
    }
}

/// The member list with its search. It keeps only what the list shows and searches; the detail
/// pane reads the selected member from the store.
#[derive(Debug, Default)]
pub struct MemberList {
    rows: Vec<ListRow>,
    text: Texts,
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
    pub fn load(&mut self, members: &[Member]) {
        let keep = self.selected_number();
        let mut rows = Vec::with_capacity(members.len());
        let mut text = Texts::default();
        for m in members {
            rows.push(row(&mut text, m));
        }
        text.all.shrink_to_fit();
        self.rows = rows;
        self.text = text;
        self.index = SearchIndex::new(members);
        self.refilter();
        if let Some(n) = keep {
            self.select_number(n);
        }
    }

    /// One member changed, came in (`Some`, by number) or went (`None` for its number): its row
    /// is made again in place, without reading the register. The search and the selected member
    /// stay.
    pub fn update(&mut self, number: u64, member: Option<&Member>) {
        let keep = self.selected_number();
        if let Some(i) = self.rows.iter().position(|r| r.number == number) {
            self.rows.remove(i);
            self.index.remove(i);
        }
        if let Some(m) = member {
            let new = row(&mut self.text, m);
            let key = self.text.get(new.at[3], new.key_end).to_string();
            let text = &self.text;
            let at = self.rows.partition_point(|r| {
                (text.get(r.at[3], r.key_end), r.number) < (key.as_str(), m.number)
            });
            self.rows.insert(at, new);
            self.index.insert(at, m);
        }
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

    /// The number of the selected member.
    pub fn selected_number(&self) -> Option<u64> {
        let i = self.state.selected()?;
        self.rows.get(*self.visible.get(i)?).map(|r| r.number)
    }

    /// Selects a member by number, clearing a search that hides it.
    pub fn select_number(&mut self, number: u64) {
        let find = |list: &MemberList| {
            list.visible
                .iter()
                .position(|&i| list.rows[i].number == number)
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
        let (range, mut window_state) = scroll_window(&mut self.state, self.visible.len(), table);
        let window = &self.visible[range];
        let rows = window.iter().map(|&i| {
            let r = &self.rows[i];
            let [name, known_as, city, end] = r.at;
            let dim = !r.status.is_member();
            let style = if dim {
                Style::new().fg(Color::DarkGray)
            } else {
                Style::new()
            };
            Row::new(vec![
                r.number.to_string(),
                ellipsize(self.text.get(name, known_as), name_width),
                ellipsize(self.text.get(known_as, city), 14),
                r.status.label(lang).to_string(),
                ellipsize(self.text.get(city, end), 12),
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
        frame.render_stateful_widget(t, table, &mut window_state);
    }
}

/// The rows of a bordered table with a header row that fit in `area`, and the state to draw
/// just those rows with. Only the rows that fit are built: at 100,000 members building every row
/// for every frame cost far more time than the rest of the frame, and tens of megabytes. The
/// scroll offset is kept in `state` the way ratatui's Table keeps it (the selection stays in
/// view, the list scrolls no more than needed).
fn scroll_window(state: &mut TableState, len: usize, area: Rect) -> (Range<usize>, TableState) {
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let selected = state.selected().unwrap_or(0);
    let mut offset = state.offset().min(len.saturating_sub(1));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    *state.offset_mut() = offset;
    let window =
        TableState::default().with_selected(state.selected().map(|i| i.saturating_sub(offset)));
    (offset..(offset + height).min(len), window)
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

/// One line of the out-of-sight list: what it shows.
#[derive(Debug, Clone)]
pub struct OutRow {
    /// Member number.
    pub number: u64,
    /// The name, surname first.
    pub name: String,
    /// Known-as.
    pub known_as: String,
    /// The last contact.
    pub last_contact: Option<chrono::NaiveDate>,
    /// Days since the last contact (or joining).
    pub days: i64,
}

/// The out-of-sight list.
#[derive(Debug, Default)]
pub struct OutOfSight {
    /// Members with the days since their last contact, longest first.
    pub rows: Vec<OutRow>,
    /// The setting used.
    pub weeks: u32,
    /// Selection.
    pub state: TableState,
}

impl OutOfSight {
    /// Replaces the list.
    pub fn load(&mut self, rows: Vec<(&Member, i64)>, weeks: u32) {
        self.rows = rows
            .into_iter()
            .map(|(m, days)| OutRow {
                number: m.number,
                name: m.name.sorted(),
                known_as: m.known_as.clone(),
                last_contact: m.last_contact,
                days,
            })
            .collect();
        self.weeks = weeks;
        let sel = if self.rows.is_empty() {
            None
        } else {
            Some(self.state.selected().unwrap_or(0).min(self.rows.len() - 1))
        };
        self.state.select(sel);
    }

    /// The number of the selected member.
    pub fn selected_number(&self) -> Option<u64> {
        self.rows.get(self.state.selected()?).map(|r| r.number)
    }

    /// One member changed (`None`: it went): it leaves the list, and comes back in its place when
    /// it is (still) out of sight on `today`.
    pub fn update(&mut self, number: u64, member: Option<&Member>, today: chrono::NaiveDate) {
        let keep = self.selected_number();
        self.rows.retain(|r| r.number != number);
        let found = member.map(|m| {
            kapstok_core::members::rules::out_of_sight(std::slice::from_ref(m), today, self.weeks)
        });
        if let Some(&(m, days)) = found.as_ref().and_then(|f| f.first()) {
            let at = self.rows.partition_point(|r| {
                (r.days, std::cmp::Reverse(r.number)) > (days, std::cmp::Reverse(m.number))
            });
            self.rows.insert(
                at,
                OutRow {
                    number: m.number,
                    name: m.name.sorted(),
                    known_as: m.known_as.clone(),
                    last_contact: m.last_contact,
                    days,
                },
            );
        }
        let at = keep
            .and_then(|n| self.rows.iter().position(|r| r.number == n))
            .or(self.state.selected());
        let sel = (!self.rows.is_empty()).then(|| at.unwrap_or(0).min(self.rows.len() - 1));
        self.state.select(sel);
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
        let (range, mut window_state) = scroll_window(&mut self.state, self.rows.len(), table);
        let t = out_table(&self.rows[range], lang);
        frame.render_stateful_widget(t, table, &mut window_state);
    }
}

/// The out-of-sight table of `rows`.
fn out_table(rows: &[OutRow], lang: Lang) -> Table<'static> {
    let rows = rows.iter().map(|r| {
        Row::new(vec![
            r.number.to_string(),
            r.name.clone(),
            r.known_as.clone(),
            r.last_contact
                .map(format_date)
                .unwrap_or_else(|| Msg::Never.text(lang).into()),
            r.days.to_string(),
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
    Table::new(rows, widths)
        .header(header)
        .block(Block::bordered())
        .row_highlight_style(Style::new().bg(Color::Blue).fg(Color::White))
        .highlight_symbol("▸")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    /// Drawing only the rows that fit looks exactly like drawing the whole table, as the
    /// selection moves down past the bottom and back up past the top.
    #[test]
    fn the_out_of_sight_window_scrolls_like_the_whole_table() {
        let rows: Vec<OutRow> = (1..=40)
            .map(|n| OutRow {
                number: n,
                name: format!("Lid {n}"),
                known_as: String::new(),
                last_contact: None,
                days: 100 + n as i64,
            })
            .collect();
        let mut out = OutOfSight {
            rows: rows.clone(),
            weeks: 12,
            state: TableState::default().with_selected(Some(0)),
        };
        let mut whole = TableState::default().with_selected(Some(0));
        let mut windowed = Terminal::new(TestBackend::new(70, 13)).unwrap();
        let mut reference = Terminal::new(TestBackend::new(70, 12)).unwrap();
        for to in [0, 3, 8, 9, 10, 17, 39, 30, 25, 5, 0, 12] {
            out.state.select(Some(to));
            whole.select(Some(to));
            windowed
                .draw(|f| out.render(f, f.area(), Lang::Nl))
                .unwrap();
            reference
                .draw(|f| {
                    f.render_stateful_widget(out_table(&rows, Lang::Nl), f.area(), &mut whole)
                })
                .unwrap();
            let drawn = windowed.backend().buffer();
            let want = reference.backend().buffer();
            for y in 0..12 {
                for x in 0..70 {
                    assert_eq!(
                        drawn[(x, y + 1)],
                        want[(x, y)],
                        "selected {to}, at ({x}, {y})"
                    );
                }
            }
        }
    }
}
