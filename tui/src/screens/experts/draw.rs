//! Drawing the experts tab: the view bar; the experts with their current agreement and the
//! chosen agreement in detail; the reviews due and the week's reviews grouped per day.

use super::{ExpertRow, ExpertsTab, View};
use crate::i18n::{self, args, Lang, Msg};
use crate::screens::style::{bold, dim, highlight, label};
use crate::widgets::table::{self, Column};
use chrono::{Datelike, NaiveDate, Weekday};
use kapstok_core::common::format_date;
use kapstok_core::experts::{Agreement, AgreementState, Review, ReviewStatus};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, List, ListItem, ListState, Paragraph, Row, Table, TableState, Tabs, Wrap,
};
use ratatui::Frame;

fn state_style(state: AgreementState) -> Style {
    match state {
        AgreementState::Draft => Style::new().fg(Color::Yellow),
        AgreementState::Signed => Style::new().fg(Color::Cyan),
        AgreementState::Active => Style::new().fg(Color::Green),
        AgreementState::Ended => dim(),
    }
}

fn review_style(status: &ReviewStatus) -> Style {
    match status {
        ReviewStatus::Scheduled => Style::new(),
        ReviewStatus::Held(_) => Style::new().fg(Color::Green),
        ReviewStatus::Cancelled | ReviewStatus::NoShow => dim(),
    }
}

/// "01-07-2026 – 31-12-2026".
fn period(a: &Agreement) -> String {
    format!("{} – {}", format_date(a.start), format_date(a.end))
}

/// Hours per week from minutes: "4", "4,5" (Dutch) / "4.5", "0,33".
fn hours(minutes: u32, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        return h.to_string();
    }
    let hundredths = (m * 100 + 30) / 60;
    let text = format!("{h}.{hundredths:02}");
    let text = text.trim_end_matches('0');
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text.to_string(),
    }
}

fn empty(frame: &mut Frame, area: Rect, title: Option<String>, text: &str) {
    let mut block = Block::bordered();
    if let Some(t) = title {
        block = block.title(format!(" {t} "));
    }
    frame.render_widget(
        Paragraph::new(text.to_string())
            .block(block)
            .wrap(Wrap { trim: true }),
        area,
    );
}

impl ExpertsTab {
    /// Draws the tab in `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        self.render_views(frame, bar, lang);
        match self.view {
            View::Experts => self.render_experts(frame, body, lang),
            View::Reviews => self.render_reviews(frame, body, lang),
        }
    }

    fn render_views(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let titles = vec![
            format!("{} ({})", Msg::ViewExperts.text(lang), self.experts.len()),
            format!("{} ({})", Msg::ViewReviews.text(lang), self.due.len()),
        ];
        let width: usize = titles.iter().map(|t| t.chars().count() + 3).sum();
        let hint = Msg::ViewHint.text(lang);
        let hint_width = hint.chars().count() as u16 + 1;
        let show_hint = width as u16 + hint_width <= area.width;
        let [tabs, hint_area] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(if show_hint { hint_width } else { 0 }),
        ])
        .areas(area);
        let selected = match self.view {
            View::Experts => 0,
            View::Reviews => 1,
        };
        frame.render_widget(
            Tabs::new(titles)
                .select(selected)
                .highlight_style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
            tabs,
        );
        if show_hint {
            frame.render_widget(
                Line::from(Span::styled(hint, dim())).right_aligned(),
                hint_area,
            );
        }
    }

    fn render_experts(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        if self.experts.is_empty() {
            empty(frame, area, None, Msg::NoExperts.text(lang));
            return;
        }
        let detail_height = (area.height * 2 / 5)
            .max(10)
            .min(area.height.saturating_sub(5));
        let [list, detail] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(detail_height)]).areas(area);
        let today = self.today;
        // The cells as text (each column as wide as what it shows, [`table::fit`]), and the
        // state's colour per row.
        let (cells, states): (Vec<Vec<String>>, Vec<Style>) = self
            .experts
            .iter()
            .map(|e| {
                let Some((_, a)) = e.current(today) else {
                    return (vec![e.name.clone()], Style::new());
                };
                let state = a.state(today);
                let cells = vec![
                    e.name.clone(),
                    period(a),
                    i18n::agreement_state(state).text(lang).to_string(),
                    hours(a.minutes_per_week, lang),
                    i18n::allowance(a.allowance, lang),
                ];
                (cells, state_style(state))
            })
            .unzip();
        let columns = [
            Column::new(Msg::ColName.text(lang), 12, 40),
            Column::new(Msg::ColPeriod.text(lang), 10, 23),
            Column::new(Msg::ColState.text(lang), 6, 24),
            Column::new(Msg::ColHours.text(lang), 5, 8),
            Column::new(Msg::ColAllowance.text(lang), 6, 24),
        ];
        let (widths, cells) = table::fit(&columns, cells, list.width.saturating_sub(2), 1);
        let header = table::headers(&columns, &widths);
        let rows: Vec<Row> = cells
            .into_iter()
            .zip(states)
            .map(|(cells, state)| {
                Row::new(cells.into_iter().enumerate().map(|(i, c)| {
                    if i == 2 {
                        Span::styled(c, state)
                    } else {
                        Span::raw(c)
                    }
                }))
            })
            .collect();
        let header = Row::new(header).style(bold());
        let table = Table::new(rows, widths)
            .header(header)
            .block(Block::bordered())
            .row_highlight_style(highlight())
            .highlight_symbol("▸");
        frame.render_stateful_widget(table, list, &mut self.expert);
        let lines = self
            .selected_expert()
            .map(|row| agreement_lines(row, &self.reviews, today, lang, false))
            .unwrap_or_default();
        let block = Block::bordered().title(format!(" {} ", Msg::DetailAgreement.text(lang)));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            detail,
        );
    }

    fn render_reviews(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let wanted = u16::try_from(self.due.len())
            .unwrap_or(u16::MAX)
            .saturating_add(3);
        let due_height = wanted.clamp(4, (area.height / 2).max(4));
        let [due_area, week_area] =
            Layout::vertical([Constraint::Length(due_height), Constraint::Min(0)]).areas(area);
        self.render_due(frame, due_area, lang);
        self.render_week(frame, week_area, lang);
    }

    fn render_due(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let weeks = i18n::count(self.due_weeks, i18n::Noun::Week, lang);
        let title = args::DueTitle { weeks: &weeks }.text(lang);
        if self.due.is_empty() {
            let text = args::NoneDue { weeks: &weeks }.text(lang);
            empty(frame, area, Some(title), &text);
            return;
        }
        let rows: Vec<Row> = self
            .due
            .iter()
            .map(|d| {
                let review = match &d.planned {
                    Some((_, r)) => Span::raw(
                        args::Planned {
                            when: &i18n::when(r.slot.start, lang),
                            staff: &r.slot.staff,
                        }
                        .text(lang),
                    ),
                    None => Span::styled(
                        Msg::NotPlanned.text(lang).to_string(),
                        Style::new().fg(Color::Yellow),
                    ),
                };
                Row::new(vec![
                    Span::raw(self.name(d.agreement.expert)),
                    Span::raw(format_date(d.agreement.last_day())),
                    review,
                ])
            })
            .collect();
        let header = Row::new(vec![
            Msg::ColExpert.text(lang),
            Msg::ColEnds.text(lang),
            Msg::ColReview.text(lang),
        ])
        .style(bold());
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Min(41),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .block(Block::bordered().title(format!(" {title} ")))
            .row_highlight_style(highlight())
            .highlight_symbol("▸");
        let mut state = TableState::default()
            .with_selected((self.cursor < self.due.len()).then_some(self.cursor));
        frame.render_stateful_widget(table, area, &mut state);
    }

    fn render_week(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let week = self.week_reviews();
        let selected = self.cursor.checked_sub(self.due.len());
        let mut items: Vec<ListItem> = Vec::new();
        let mut selected_item = None;
        let mut at = 0usize;
        for day in self.week.days() {
            let of_day: Vec<_> = week
                .iter()
                .filter(|(_, r)| r.slot.start.date() == day)
                .collect();
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend && of_day.is_empty() {
                continue;
            }
            let style = if day == self.today {
                bold().fg(Color::Yellow)
            } else {
                bold()
            };
            let mut head = vec![Span::styled(day_title(day, lang), style)];
            if of_day.is_empty() {
                head.push(Span::styled(
                    format!("  {}", Msg::NoReviewsThatDay.text(lang)),
                    dim(),
                ));
            }
            items.push(ListItem::new(Line::from(head)));
            for (_, r) in of_day {
                if selected == Some(at) {
                    selected_item = Some(items.len());
                }
                at += 1;
                items.push(ListItem::new(Line::from(Span::styled(
                    format!(
                        "  {}–{}  {} · {} · {}",
                        r.slot.start.format("%H:%M"),
                        r.slot.end().format("%H:%M"),
                        self.name(r.expert),
                        args::ReviewWith {
                            staff: &r.slot.staff,
                            place: &r.slot.place
                        }
                        .text(lang),
                        match r.status {
                            // the day is above it; held on another day, it stays in its
                            // planned slot and says when it was held
                            ReviewStatus::Held(on) if on == day => {
                                Msg::ReviewHeldShort.text(lang).to_string()
                            }
                            _ => i18n::review_status(&r.status, lang),
                        }
                    ),
                    review_style(&r.status),
                ))));
            }
        }
        let title = args::WeekTitle {
            week: &self.week,
            from: &format_date(self.week.monday()),
            to: &format_date(self.week.sunday()),
        }
        .text(lang);
        let block = Block::bordered().title(format!(" {title} ")).title_top(
            Line::from(Span::styled(
                format!(" {} ", Msg::WeekKeys.text(lang)),
                dim(),
            ))
            .right_aligned(),
        );
        let list = List::new(items)
            .block(block)
            .highlight_style(highlight())
            .highlight_symbol("▸");
        let mut state = ListState::default().with_selected(selected_item);
        frame.render_stateful_widget(list, area, &mut state);
    }
}

/// "ma 23-11-2026".
fn day_title(day: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        i18n::weekday_short(day.weekday(), lang),
        format_date(day)
    )
}

/// The chosen agreement of an expert: the agreements as a row to choose from, then the chosen
/// one's period, state, tasks, hours, allowance and links; in `full` also each agreement and
/// the reviews of the chosen one.
pub(super) fn agreement_lines(
    row: &ExpertRow,
    reviews: &[(u64, Review)],
    today: NaiveDate,
    lang: Lang,
    full: bool,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(row.name.clone(), bold()),
        Span::raw(format!(
            "  ({})",
            args::MemberNr { nr: &row.number }.text(lang)
        )),
    ])];
    let mut chips = vec![label(Msg::AgreementsHistory, lang)];
    for (i, (id, a)) in row.agreements.iter().enumerate() {
        if i > 0 {
            chips.push(Span::styled(" │ ", dim()));
        }
        let state = a.state(today);
        let text = format!("nr {id} {}", i18n::agreement_state(state).text(lang));
        let style = if i == row.focus {
            highlight().add_modifier(Modifier::BOLD)
        } else {
            state_style(state)
        };
        chips.push(Span::styled(text, style));
    }
    lines.push(Line::from(chips));
    let Some((id, a)) = row.focused() else {
        return lines;
    };
    let state = a.state(today);
    lines.push(Line::from(vec![
        label(Msg::ColPeriod, lang),
        Span::raw(format!(
            "{} · {} · nr {id}",
            period(a),
            i18n::period_kind(a.period).text(lang)
        )),
    ]));
    let mut status = vec![
        label(Msg::ColState, lang),
        Span::styled(
            i18n::agreement_state(state).text(lang).to_string(),
            state_style(state),
        ),
    ];
    let mut extra = vec![match a.signed_on {
        Some(on) => args::SignedOn {
            date: &format_date(on),
        }
        .text(lang),
        None => Msg::NotSigned.text(lang).to_string(),
    }];
    if let Some(on) = a.ended_on {
        extra.push(
            args::EndedEarly {
                date: &format_date(on),
            }
            .text(lang),
        );
    }
    if let Some(before) = a.continues {
        extra.push(args::ContinuesNr { nr: &before }.text(lang));
    }
    if let Some(review) = a.from_review {
        extra.push(args::FromReviewNr { nr: &review }.text(lang));
    }
    status.push(Span::raw(format!(" · {}", extra.join(" · "))));
    lines.push(Line::from(status));
    lines.push(Line::from(vec![
        label(Msg::Tasks, lang),
        Span::raw(a.tasks.join("; ")),
    ]));
    lines.push(Line::from(vec![
        Span::raw(
            args::HoursPerWeek {
                hours: &hours(a.minutes_per_week, lang),
            }
            .text(lang),
        ),
        Span::raw(" · "),
        label(Msg::ColAllowance, lang),
        Span::raw(i18n::allowance(a.allowance, lang)),
    ]));
    let or_dash = |t: &str| {
        if t.is_empty() {
            "—".to_string()
        } else {
            t.to_string()
        }
    };
    lines.push(Line::from(vec![
        label(Msg::Guidance, lang),
        Span::raw(or_dash(&a.guidance)),
        Span::raw(" · "),
        label(Msg::Expenses, lang),
        Span::raw(or_dash(&a.expenses)),
    ]));
    if let Some(o) = a.outcome {
        lines.push(Line::from(vec![
            label(Msg::ReviewOutcome, lang),
            Span::raw(i18n::outcome(o).text(lang)),
        ]));
    }
    if !full {
        return lines;
    }
    let of_this: Vec<&(u64, Review)> = reviews.iter().filter(|(_, r)| r.agreement == *id).collect();
    if !of_this.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            Msg::ViewReviews.text(lang),
            Style::new().fg(Color::Cyan),
        )));
        for (rid, r) in of_this {
            lines.push(Line::from(Span::styled(
                format!(
                    "  nr {rid}  {} · {} · {}",
                    i18n::when(r.slot.start, lang),
                    args::ReviewWith {
                        staff: &r.slot.staff,
                        place: &r.slot.place
                    }
                    .text(lang),
                    i18n::review_status(&r.status, lang)
                ),
                review_style(&r.status),
            )));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        Msg::DetailAgreement.text(lang),
        Style::new().fg(Color::Cyan),
    )));
    for (i, (id, a)) in row.agreements.iter().enumerate() {
        let state = a.state(today);
        let mut text = format!(
            "{} nr {id}  {}  {}",
            if i == row.focus { "▸" } else { " " },
            period(a),
            i18n::agreement_state(state).text(lang)
        );
        if let Some(o) = a.outcome {
            text.push_str(&format!(" · {}", i18n::outcome(o).text(lang)));
        }
        lines.push(Line::from(Span::styled(text, state_style(state))));
    }
    lines
}

/// A review in full: when, with whom, where, how it stands, and what was said.
pub(super) fn review_detail(id: u64, r: &Review, name: &str, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled(name.to_string(), bold())),
        Line::from(format!(
            "nr {id} · {}–{} · {}",
            i18n::when(r.slot.start, lang),
            r.slot.end().format("%H:%M"),
            args::ReviewWith {
                staff: &r.slot.staff,
                place: &r.slot.place
            }
            .text(lang)
        )),
        Line::from(vec![
            label(Msg::ColState, lang),
            Span::styled(
                i18n::review_status(&r.status, lang),
                review_style(&r.status),
            ),
        ]),
    ];
    if let Some(c) = &r.conversation {
        for (m, text) in [
            (Msg::FieldWork, &c.work),
            (Msg::FieldEnjoyment, &c.enjoyment),
            (Msg::FieldDifficulties, &c.difficulties),
            (Msg::FieldAgreed, &c.agreed),
            (Msg::FieldTrainingWishes, &c.training_wishes),
        ] {
            lines.extend(crate::widgets::labelled_lines(
                vec![label(m, lang)],
                text,
                Style::new(),
            ));
        }
    }
    if let Some(o) = r.outcome {
        let mut spans = vec![
            label(Msg::ReviewOutcome, lang),
            Span::raw(i18n::outcome(o).text(lang)),
        ];
        if let Some(n) = r.next_agreement {
            spans.push(Span::raw(format!(
                " → {}",
                args::AgreementNr { nr: &n }.text(lang)
            )));
        }
        lines.push(Line::from(spans));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_like_hours() {
        assert_eq!(hours(240, Lang::Nl), "4");
        assert_eq!(hours(270, Lang::Nl), "4,5");
        assert_eq!(hours(270, Lang::En), "4.5");
        assert_eq!(hours(20, Lang::Nl), "0,33");
        assert_eq!(hours(45, Lang::Nl), "0,75");
    }
}
