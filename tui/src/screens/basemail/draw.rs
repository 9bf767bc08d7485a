//! Drawing the BaseMail tab: the view bar, the week line, the tables and the detail panes.
//! House rules and "sender address required" show in yellow wherever a card is prepared.

use super::{BaseMailTab, RecipientRow, StatsView, View};
use crate::i18n::{self, args, Lang, Msg};
use crate::present::address_lines;
use crate::screens::style::{bold, label};
use crate::widgets::table::{self, Column};
use chrono::NaiveDate;
use kapstok_core::basemail::{Card, CardReason, Institution, Stay};
use kapstok_core::common::format_date;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Row, Table, Tabs, Wrap};
use ratatui::Frame;

/// From this width the detail pane stands beside the list instead of under it.
const WIDE: u16 = 110;

fn warning_style() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

fn warning(text: String) -> Line<'static> {
    Line::from(Span::styled(format!("⚠ {text}"), warning_style()))
}

/// The house rules, as a warning, line by line.
fn house_rules(rules: &str, lang: Lang) -> Vec<Line<'static>> {
    let prefix = vec![Span::styled(
        format!("⚠ {}: ", Msg::HouseRules.text(lang)),
        warning_style(),
    )];
    crate::widgets::labelled_lines(prefix, rules, warning_style())
}

fn short_date(d: NaiveDate) -> String {
    d.format("%d-%m").to_string()
}

/// List and detail: side by side when wide, else the detail under the list.
fn split(area: Rect, detail_height: u16) -> (Rect, Rect) {
    if area.width >= WIDE {
        let [a, b] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
            .areas(area);
        (a, b)
    } else {
        let [a, b] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(detail_height)]).areas(area);
        (a, b)
    }
}

fn empty(frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(text)
            .block(Block::bordered())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// A table in `area` with its columns fitted to the cells ([`table::fit`]), each row with its
/// style.
fn table(columns: &[Column], rows: Vec<(Vec<String>, Style)>, area: Rect) -> Table<'static> {
    let (cells, styles): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
    let (widths, cells) = table::fit(columns, cells, area.width.saturating_sub(2), 1);
    let header = table::headers(columns, &widths);
    let rows: Vec<Row> = cells
        .into_iter()
        .zip(styles)
        .map(|(c, style)| Row::new(c).style(style))
        .collect();
    Table::new(rows, widths)
        .header(Row::new(header).style(bold()))
        .block(Block::bordered())
        .row_highlight_style(Style::new().bg(Color::Blue).fg(Color::White))
        .highlight_symbol("▸")
}

fn pane(frame: &mut Frame, area: Rect, title: Msg, lines: Vec<Line<'static>>, lang: Lang) {
    let block = Block::bordered().title(format!(" {} ", title.text(lang)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

impl BaseMailTab {
    /// Draws the tab in `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        self.render_views(frame, bar, lang);
        match self.view {
            View::Cards | View::LeftOut => {
                let [week, rest] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
                frame.render_widget(Paragraph::new(self.week_line(lang)), week);
                if self.run.is_none() {
                    empty(frame, rest, Msg::EmptyRun.text(lang));
                } else if self.view == View::Cards {
                    self.render_cards(frame, rest, lang);
                } else {
                    self.render_left_out(frame, rest, lang);
                }
            }
            View::Institutions => self.render_institutions(frame, body, lang),
            View::Recipients => self.render_recipients(frame, body, lang),
            View::Stats => {
                if let Some(stats) = &self.stats {
                    render_stats(frame, body, stats, lang);
                }
            }
        }
    }

    fn view_title(&self, view: View, lang: Lang) -> String {
        let count = match view {
            View::Cards => self.run.as_ref().map(|r| r.cards.len()),
            View::LeftOut => self.run.as_ref().map(|r| r.left_out.len()),
            View::Institutions => Some(self.institutions.len()),
            View::Recipients => Some(self.recipients.len()),
            View::Stats => None,
        };
        let title = match view {
            View::Cards => Msg::ViewCards,
            View::LeftOut => Msg::ViewLeftOut,
            View::Institutions => Msg::ViewInstitutions,
            View::Recipients => Msg::ViewRecipients,
            View::Stats => Msg::ViewStats,
        }
        .text(lang);
        match count {
            Some(n) => format!("{title} ({n})"),
            None => title.to_string(),
        }
    }

    fn render_views(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let views = self.views();
        let titles: Vec<String> = views.iter().map(|v| self.view_title(*v, lang)).collect();
        let width: usize = titles.iter().map(|t| t.chars().count() + 3).sum();
        let hint = Msg::ViewHint.text(lang);
        let hint_width = hint.chars().count() as u16 + 1;
        let show_hint = width as u16 + hint_width <= area.width;
        let [tabs, hint_area] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(if show_hint { hint_width } else { 0 }),
        ])
        .areas(area);
        let selected = views.iter().position(|v| *v == self.view).unwrap_or(0);
        frame.render_widget(
            Tabs::new(titles)
                .select(selected)
                .highlight_style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
            tabs,
        );
        if show_hint {
            frame.render_widget(
                Line::from(Span::styled(hint, Style::new().fg(Color::DarkGray))).right_aligned(),
                hint_area,
            );
        }
    }

    /// "◀ 2026-W48 ▶ 23-11-2026 – 29-11-2026 · samengesteld 23-11-2026 · 2/12 geschreven".
    fn week_line(&self, lang: Lang) -> Line<'static> {
        let dim = Style::new().fg(Color::DarkGray);
        let mut spans = vec![
            Span::styled("◀ ", dim),
            Span::styled(self.week.to_string(), bold()),
            Span::styled(" ▶ ", dim),
            Span::raw(format!(
                "{} – {} · ",
                format_date(self.week.monday()),
                format_date(self.week.sunday())
            )),
        ];
        match &self.run {
            None => spans.push(Span::styled(
                Msg::RunNotComposed.text(lang),
                Style::new().fg(Color::Yellow),
            )),
            Some(run) => match run.closed_on {
                Some(closed) => spans.push(Span::styled(
                    format!("{} {}", Msg::RunClosedOn.text(lang), format_date(closed)),
                    Style::new().fg(Color::Green),
                )),
                None => {
                    let written = run.cards.iter().filter(|c| c.written).count();
                    spans.push(Span::raw(format!(
                        "{} {} · {written}/{} {}",
                        Msg::RunComposedOn.text(lang),
                        format_date(run.composed_on),
                        run.cards.len(),
                        Msg::RunWritten.text(lang)
                    )));
                }
            },
        }
        Line::from(spans)
    }

    fn render_cards(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let (list, detail) = split(area, 10);
        let cards = self.cards();
        if cards.is_empty() {
            empty(frame, area, Msg::NoCards.text(lang));
            return;
        }
        let rows = cards
            .iter()
            .map(|c| {
                let style = if c.returned.is_some() {
                    Style::new().fg(Color::Red)
                } else {
                    Style::new()
                };
                (
                    vec![
                        if c.written { "✓" } else { "" }.to_string(),
                        c.name.clone(),
                        i18n::card_reasons(&c.reasons, lang),
                        c.institution_name.clone(),
                        c.writer.clone(),
                        c.posted.map(short_date).unwrap_or_default(),
                        c.returned.map(short_date).unwrap_or_default(),
                    ],
                    style,
                )
            })
            .collect();
        let columns = [
            Column::new("✓", 1, 1),
            Column::new(Msg::ColName.text(lang), 12, 40),
            Column::new(Msg::ColReasons.text(lang), 6, 30),
            Column::new(Msg::ColInstitution.text(lang), 6, 34),
            Column::new(Msg::ColWriter.text(lang), 4, 20),
            Column::new(Msg::ColPosted.text(lang), 6, 6),
            Column::new(Msg::ColReturned.text(lang), 6, 6),
        ];
        frame.render_stateful_widget(table(&columns, rows, list), list, &mut self.cards);
        self.render_card_detail(frame, detail, lang);
    }

    fn render_card_detail(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let Some(card) = self.selected_card() else {
            return pane(frame, area, Msg::DetailCard, Vec::new(), lang);
        };
        if area.height > 12 {
            return pane(frame, area, Msg::DetailCard, card_lines(card, lang), lang);
        }
        // Narrow: the address as composed on the left, the rest beside it.
        let block = Block::bordered().title(format!(" {} ", Msg::DetailCard.text(lang)));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(inner);
        frame.render_widget(Paragraph::new(card_address(card, lang)), left);
        frame.render_widget(
            Paragraph::new(card_info(card, lang)).wrap(Wrap { trim: false }),
            right,
        );
    }

    fn render_left_out(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let Some(run) = &self.run else { return };
        if run.left_out.is_empty() {
            empty(frame, area, Msg::NoLeftOut.text(lang));
            return;
        }
        let [list, detail] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(4)]).areas(area);
        let rows = run
            .left_out
            .iter()
            .map(|l| {
                let cells = vec![l.name.clone(), i18n::left_out_reason(&l.reason, lang)];
                (cells, Style::new())
            })
            .collect();
        let selected = self
            .left_out
            .selected()
            .and_then(|i| run.left_out.get(i))
            .map(|l| {
                vec![
                    Line::from(Span::styled(l.name.clone(), bold())),
                    Line::from(i18n::left_out_reason(&l.reason, lang)),
                ]
            })
            .unwrap_or_default();
        let columns = [
            Column::new(Msg::ColName.text(lang), 12, 40),
            Column::new(Msg::ColReasons.text(lang), 10, 200),
        ];
        frame.render_stateful_widget(table(&columns, rows, list), list, &mut self.left_out);
        pane(frame, detail, Msg::ViewLeftOut, selected, lang);
    }

    fn render_institutions(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        if self.institutions.is_empty() {
            empty(frame, area, Msg::NoInstitutions.text(lang));
            return;
        }
        let (list, detail) = split(area, 9);
        let rows = self
            .institutions
            .iter()
            .map(|(_, i)| {
                let cells = vec![
                    i.name.clone(),
                    i18n::institution_kind(i.kind).text(lang).to_string(),
                    i.address.city().unwrap_or("").to_string(),
                    envelope_needs(i, lang, true),
                ];
                (cells, Style::new())
            })
            .collect();
        let columns = [
            Column::new(Msg::ColName.text(lang), 14, 48),
            Column::new(Msg::ColKind.text(lang), 6, 16),
            Column::new(Msg::ColCity.text(lang), 6, 20),
            Column::new(Msg::ColOnEnvelope.text(lang), 6, 24),
        ];
        frame.render_stateful_widget(table(&columns, rows, list), list, &mut self.institution);
        let lines = self
            .selected_institution()
            .map(|(_, i)| institution_lines(i, lang))
            .unwrap_or_default();
        pane(frame, detail, Msg::DetailInstitution, lines, lang);
    }

    fn render_recipients(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        if self.recipients.is_empty() {
            empty(frame, area, Msg::NoRecipients.text(lang));
            return;
        }
        let (list, detail) = split(area, 10);
        let rows = self
            .recipients
            .iter()
            .map(|r| {
                let stay = r
                    .open_stay()
                    .map(|(_, s)| institution_name(&self.institutions, s.institution))
                    .unwrap_or_default();
                let cells = vec![
                    r.name.clone(),
                    r.recipient
                        .member
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    stay,
                    if r.recipient.ill_since.is_some() {
                        Msg::Yes.text(lang)
                    } else {
                        ""
                    }
                    .to_string(),
                    if r.stay_to_check().is_some() {
                        "⚠"
                    } else {
                        ""
                    }
                    .to_string(),
                ];
                (cells, Style::new())
            })
            .collect();
        let columns = [
            Column::new(Msg::ColName.text(lang), 14, 40),
            Column::new(Msg::ColMember.text(lang), 4, 6),
            Column::new(Msg::ColStay.text(lang), 8, 34),
            Column::new(Msg::ColIll.text(lang), 3, 4),
            Column::new("", 1, 1),
        ];
        frame.render_stateful_widget(table(&columns, rows, list), list, &mut self.recipient);
        let lines = self
            .selected_recipient()
            .map(|r| recipient_lines(r, &self.institutions, lang))
            .unwrap_or_default();
        pane(frame, detail, Msg::DetailRecipient, lines, lang);
    }
}

/// The year in numbers, the posted cards of the last 12 weeks as bars, and the cards per reason:
/// under each other, or side by side when wide.
fn render_stats(frame: &mut Frame, area: Rect, view: &StatsView, lang: Lang) {
    let stats = &view.stats;
    let year = stats.year.to_string();
    let [summary, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let text = args::StatsSummary {
        year: &year,
        total: &i18n::count(stats.total, i18n::Noun::Card, lang),
        returned: &stats.returned,
    }
    .text(lang);
    let keys = Msg::StatsYearKeys.text(lang);
    frame.render_widget(Line::from(Span::styled(text, bold())), summary);
    frame.render_widget(
        Line::from(Span::styled(keys, Style::new().fg(Color::DarkGray))).right_aligned(),
        summary,
    );
    let reasons_height = u16::try_from(CardReason::ALL.len()).unwrap_or(6) + 2;
    let (weeks_area, reasons_area) = if rest.width >= WIDE {
        let [a, b] = Layout::horizontal([Constraint::Min(0), Constraint::Length(44)]).areas(rest);
        (a, b)
    } else {
        let [a, b] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(reasons_height)]).areas(rest);
        (a, b)
    };
    let bars: Vec<Bar> = view
        .weeks
        .iter()
        .map(|(week, n)| {
            Bar::with_label(format!("W{:02}", week.week()), *n as u64).text_value(if *n == 0 {
                String::new()
            } else {
                n.to_string()
            })
        })
        .collect();
    frame.render_widget(
        BarChart::vertical(bars)
            .block(Block::bordered().title(format!(" {} ", Msg::StatsPerWeek.text(lang))))
            .bar_width(4)
            .bar_gap(2)
            .bar_style(Style::new().fg(Color::Green))
            .value_style(Style::new().fg(Color::Black).bg(Color::Green)),
        weeks_area,
    );
    let title = format!(" {} ", args::StatsByReason { year: &year }.text(lang));
    if stats.total == 0 {
        let none = args::StatsNone { year: &year }.text(lang);
        frame.render_widget(
            Paragraph::new(none)
                .block(Block::bordered().title(title))
                .wrap(Wrap { trim: true }),
            reasons_area,
        );
        return;
    }
    let bars: Vec<Bar> = CardReason::ALL
        .iter()
        .map(|r| {
            let n = stats.by_reason.get(r).copied().unwrap_or(0);
            Bar::with_label(i18n::card_reason(*r).text(lang), n as u64).text_value(n.to_string())
        })
        .collect();
    frame.render_widget(
        BarChart::horizontal(bars)
            .block(Block::bordered().title(title))
            .bar_width(1)
            .bar_gap(0)
            .bar_style(Style::new().fg(Color::Cyan))
            .value_style(Style::new().fg(Color::Black).bg(Color::Cyan)),
        reasons_area,
    );
}

/// Why, the institution, its house rules, the writer and the marks.
fn card_info(card: &Card, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        label(Msg::ColReasons, lang),
        Span::raw(i18n::card_reasons(&card.reasons, lang)),
    ])];
    if !card.manual_reason.is_empty() {
        lines.push(Line::from(vec![
            label(Msg::AddedByHand, lang),
            Span::raw(card.manual_reason.clone()),
        ]));
    }
    if !card.institution_name.is_empty() {
        lines.push(Line::from(vec![
            label(Msg::ColInstitution, lang),
            Span::raw(card.institution_name.clone()),
        ]));
    }
    if !card.house_rules.is_empty() {
        lines.extend(house_rules(&card.house_rules, lang));
    }
    if card.needs_sender {
        lines.push(warning(Msg::SenderRequired.text(lang).to_string()));
    }
    let writer = if card.writer.is_empty() {
        Msg::NoWriter.text(lang).to_string()
    } else {
        card.writer.clone()
    };
    let written = if card.written {
        Msg::Written
    } else {
        Msg::NotWritten
    };
    lines.push(Line::from(vec![
        label(Msg::ColWriter, lang),
        Span::raw(format!("{writer} · {}", written.text(lang))),
    ]));
    let mut marks = Vec::new();
    if let Some(p) = card.posted {
        marks.push(Span::raw(format!(
            "{} {}",
            Msg::PostedOn.text(lang),
            format_date(p)
        )));
    }
    if let Some(r) = card.returned {
        marks.push(Span::styled(
            format!(" · {} {}", Msg::ReturnedOn.text(lang), format_date(r)),
            Style::new().fg(Color::Red),
        ));
    }
    if !marks.is_empty() {
        lines.push(Line::from(marks));
    }
    lines
}

/// The address lines as composed: what the label says.
fn card_address(card: &Card, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        Msg::AddressOnCard.text(lang),
        Style::new().fg(Color::Cyan),
    ))];
    lines.extend(card.address.iter().map(|l| Line::from(l.clone())));
    lines
}

/// A card in full: name, why, house rules, marks, and the address.
pub(super) fn card_lines(card: &Card, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(card.name.clone(), bold()))];
    lines.extend(card_info(card, lang));
    lines.push(Line::default());
    lines.extend(card_address(card, lang));
    lines
}

/// What an institution wants on the envelope: "reg.nr, cel" (short) or in full.
fn envelope_needs(i: &Institution, lang: Lang, short: bool) -> String {
    let needs = [
        (
            i.needs_registration_number,
            Msg::RegShort,
            Msg::FieldRegistrationNumber,
        ),
        (i.needs_unit, Msg::UnitShort, Msg::FieldUnit),
        (i.needs_sender, Msg::SenderShort, Msg::SenderShort),
    ];
    let words: Vec<String> = needs
        .iter()
        .filter(|(needed, _, _)| *needed)
        .map(|(_, s, full)| {
            if short {
                s.text(lang).to_string()
            } else {
                full.text(lang).to_lowercase()
            }
        })
        .collect();
    if words.is_empty() && !short {
        Msg::NothingExtra.text(lang).to_string()
    } else {
        words.join(", ")
    }
}

pub(super) fn institution_lines(i: &Institution, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled(i.name.clone(), bold())),
        Line::from(vec![
            label(Msg::ColKind, lang),
            Span::raw(i18n::institution_kind(i.kind).text(lang)),
        ]),
        Line::from(vec![
            label(Msg::Address, lang),
            Span::raw(address_lines(&i.address, lang).join(", ")),
        ]),
        Line::from(vec![
            label(Msg::OnEnvelope, lang),
            Span::raw(envelope_needs(i, lang, false)),
        ]),
    ];
    if !i.house_rules.is_empty() {
        lines.extend(house_rules(&i.house_rules, lang));
    }
    lines
}

fn institution_name(institutions: &[(u64, Institution)], id: u64) -> String {
    institutions
        .iter()
        .find(|(i, _)| *i == id)
        .map_or_else(|| format!("#{id}"), |(_, i)| i.name.clone())
}

/// One stay in the history: "01-10-2026 – nu  PI Lelystad · Afdeling B · reg.nr 123 ...".
fn stay_lines(stay: &Stay, institutions: &[(u64, Institution)], lang: Lang) -> Vec<Line<'static>> {
    let until = stay
        .ended_on
        .map(format_date)
        .unwrap_or_else(|| Msg::StayNow.text(lang).to_string());
    let mut parts = vec![institution_name(institutions, stay.institution)];
    if !stay.unit.is_empty() {
        parts.push(stay.unit.clone());
    }
    if !stay.registration_number.is_empty() {
        parts.push(format!(
            "{} {}",
            Msg::RegShort.text(lang),
            stay.registration_number
        ));
    }
    if let Some(r) = stay.expected_release {
        parts.push(format!(
            "{} {}",
            Msg::ExpectedRelease.text(lang),
            format_date(r)
        ));
    }
    if let Some(c) = stay.confirmed_on {
        parts.push(format!(
            "{} {}",
            Msg::ConfirmedOn.text(lang),
            format_date(c)
        ));
    }
    let mut lines = vec![Line::from(format!(
        "  {} – {until}  {}",
        format_date(stay.from),
        parts.join(" · ")
    ))];
    if stay.check_needed {
        lines.push(Line::from(Span::styled(
            format!("    ⚠ {}", Msg::CheckNeeded.text(lang)),
            Style::new().fg(Color::Red),
        )));
    }
    lines
}

pub(super) fn recipient_lines(
    row: &RecipientRow,
    institutions: &[(u64, Institution)],
    lang: Lang,
) -> Vec<Line<'static>> {
    let r = &row.recipient;
    let who = match r.member {
        Some(n) => format!("  ({} {n})", Msg::ColNumber.text(lang).to_lowercase()),
        None => format!("  ({})", Msg::NotAMember.text(lang)),
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(row.name.clone(), bold()),
        Span::raw(who),
    ])];
    if !r.known_as.is_empty() {
        lines.push(Line::from(vec![
            label(Msg::ColKnownAs, lang),
            Span::raw(r.known_as.clone()),
        ]));
    }
    if let Some(b) = r.birthday {
        lines.push(Line::from(vec![
            label(Msg::FieldBirthday, lang),
            Span::raw(format_date(b)),
        ]));
    }
    if let Some(ill) = r.ill_since {
        lines.push(warning(format!(
            "{} {}",
            Msg::IllSince.text(lang),
            format_date(ill)
        )));
    }
    if !r.notes.is_empty() {
        let prefix = vec![label(Msg::Notes, lang)];
        lines.extend(crate::widgets::labelled_lines(
            prefix,
            &r.notes,
            Style::new(),
        ));
    }
    lines.push(Line::from(Span::styled(
        Msg::Stays.text(lang),
        Style::new().fg(Color::Cyan),
    )));
    if row.stays.is_empty() {
        lines.push(Line::from(format!("  {}", Msg::NoStays.text(lang))));
    }
    for (_, stay) in &row.stays {
        lines.extend(stay_lines(stay, institutions, lang));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_areas_stack_and_wide_ones_stand_side_by_side() {
        let (a, b) = split(Rect::new(0, 0, 80, 20), 10);
        assert_eq!((a.height, b.height, b.y), (10, 10, 10));
        let (a, b) = split(Rect::new(0, 0, 120, 20), 10);
        assert_eq!((a.height, b.height), (20, 20));
        assert!(b.x > a.x);
    }
}
