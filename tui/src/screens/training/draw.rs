//! Drawing the Training tab: the view bar; the experts with the selected one's gap, suggested
//! courses, plan and skills; the catalogues; the coverage of the tasks, the skills expiring and
//! the half-year budget.

use super::{half_label, List, PlanData, TrainingTab, View};
use crate::i18n::{args, Lang, Msg};
use crate::screens::style::{bold, dim, highlight, label, red};
use kapstok_core::common::{format_date, Cents};
use kapstok_core::training::rules::{expires_on, half_year_of};
use kapstok_core::training::{ItemStatus, Source};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Tabs, Wrap};
use ratatui::Frame;

fn heading(text: String) -> Line<'static> {
    Line::from(Span::styled(text, bold().fg(Color::Yellow)))
}

fn empty(frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(text.to_string())
            .block(Block::bordered())
            .wrap(Wrap { trim: true }),
        area,
    );
}

pub(super) fn status_text(status: &ItemStatus, lang: Lang) -> (String, Style) {
    let on = |m: Msg, d| {
        let date = format_date(d);
        match m {
            Msg::ItemAgreed => args::ItemAgreed { date: &date }.text(lang),
            Msg::ItemEnrolled => args::ItemEnrolled { date: &date }.text(lang),
            Msg::ItemCompleted => args::ItemCompleted { date: &date }.text(lang),
            _ => args::ItemCancelled { date: &date }.text(lang),
        }
    };
    match status {
        ItemStatus::Proposed => (
            Msg::ItemProposed.text(lang).to_string(),
            Style::new().fg(Color::Yellow),
        ),
        ItemStatus::Agreed(d) => (on(Msg::ItemAgreed, *d), Style::new().fg(Color::Cyan)),
        ItemStatus::Enrolled(d) => (on(Msg::ItemEnrolled, *d), Style::new().fg(Color::Blue)),
        ItemStatus::Completed(d) => (on(Msg::ItemCompleted, *d), Style::new().fg(Color::Green)),
        ItemStatus::Cancelled(d) => (on(Msg::ItemCancelled, *d), dim()),
    }
}

fn u16_of(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl TrainingTab {
    /// Draws the tab in `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        self.render_views(frame, bar, lang);
        match self.view {
            View::Plans => self.render_plans(frame, body, lang),
            View::Catalogues => self.render_catalogues(frame, body, lang),
            View::Coverage => self.render_coverage(frame, body, lang),
        }
    }

    fn render_views(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let titles = vec![
            format!("{} ({})", Msg::ViewPlans.text(lang), self.experts.len()),
            Msg::ViewCatalogues.text(lang).to_string(),
            Msg::ViewCoverage.text(lang).to_string(),
        ];
        let width: usize = titles.iter().map(|t| t.chars().count() + 3).sum();
        let hint = Msg::ViewHint.text(lang);
        let hint_width = u16_of(hint.chars().count() + 1);
        let show_hint = u16_of(width).saturating_add(hint_width) <= area.width;
        let [tabs, hint_area] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(if show_hint { hint_width } else { 0 }),
        ])
        .areas(area);
        let selected = match self.view {
            View::Plans => 0,
            View::Catalogues => 1,
            View::Coverage => 2,
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

    fn render_plans(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        if self.experts.is_empty() {
            empty(frame, area, Msg::NoTrainingExperts.text(lang));
            return;
        }
        let (list, detail) = if area.width >= 110 {
            let [a, b] =
                Layout::horizontal([Constraint::Percentage(36), Constraint::Percentage(64)])
                    .areas(area);
            (a, b)
        } else {
            let wanted = u16_of(self.experts.len()).saturating_add(3);
            let height = wanted.clamp(4, (area.height / 3).max(4));
            let [a, b] =
                Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
            (a, b)
        };
        let rows: Vec<Row> = self
            .experts
            .iter()
            .map(|e| {
                let tasks = match &e.tasks {
                    Some(t) => Span::raw(t.join("; ")),
                    None => Span::styled(Msg::NoCurrentAgreement.text(lang).to_string(), dim()),
                };
                Row::new(vec![Span::raw(e.name.clone()), tasks])
            })
            .collect();
        let header =
            Row::new(vec![Msg::ColName.text(lang), Msg::ColTasks.text(lang)]).style(bold());
        let table = Table::new(rows, [Constraint::Length(24), Constraint::Fill(1)])
            .header(header)
            .block(Block::bordered())
            .row_highlight_style(highlight())
            .highlight_symbol("▸");
        frame.render_stateful_widget(table, list, &mut self.expert);
        let (lines, focus) = self
            .plan
            .as_ref()
            .map(|p| plan_lines(self, p, lang))
            .unwrap_or_default();
        let block = Block::bordered()
            .title(format!(" {} ", Msg::DetailPlan.text(lang)))
            .title_top(
                Line::from(Span::styled(
                    format!(" {} ", Msg::KeyPlanItem.text(lang)),
                    dim(),
                ))
                .right_aligned(),
            );
        // keep the selected plan item in sight: count the rows the lines before it wrap to
        let width = usize::from(detail.width.saturating_sub(2)).max(1);
        let rows = |line: &Line| line.width().div_ceil(width).max(1);
        let inner = usize::from(detail.height.saturating_sub(2));
        let scroll = match focus {
            Some(at) => {
                let before: usize = lines.iter().take(at + 1).map(rows).sum();
                before.saturating_sub(inner)
            }
            None => 0,
        };
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((u16_of(scroll), 0)),
            detail,
        );
    }

    fn render_catalogues(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let titles = vec![
            format!("{} ({})", Msg::ListSkills.text(lang), self.skills.len()),
            format!("{} ({})", Msg::ListTasks.text(lang), self.tasks.len()),
            format!("{} ({})", Msg::ListCourses.text(lang), self.courses.len()),
        ];
        let [tabs, hint] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(18)]).areas(bar);
        frame.render_widget(
            Tabs::new(titles)
                .select(self.list.index())
                .highlight_style(Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)),
            tabs,
        );
        frame.render_widget(
            Line::from(Span::styled(Msg::CatalogueHint.text(lang), dim())).right_aligned(),
            hint,
        );
        if self.list_len(self.list) == 0 {
            empty(frame, body, Msg::EmptyCatalogue.text(lang));
            return;
        }
        let (header, rows, widths): (Vec<&str>, Vec<Row>, Vec<Constraint>) = match self.list {
            List::Skills => (
                vec![Msg::ColName.text(lang), Msg::ColValidity.text(lang)],
                self.skills
                    .iter()
                    .map(|(_, s)| Row::new(vec![s.name.clone(), validity(s.validity_months, lang)]))
                    .collect(),
                vec![Constraint::Fill(1), Constraint::Length(16)],
            ),
            List::Tasks => (
                vec![Msg::ColName.text(lang), Msg::ColSkills.text(lang)],
                self.tasks
                    .iter()
                    .map(|(_, t)| Row::new(vec![t.name.clone(), self.skill_names(&t.skills)]))
                    .collect(),
                vec![Constraint::Length(24), Constraint::Fill(1)],
            ),
            List::Courses => (
                vec![
                    Msg::ColName.text(lang),
                    Msg::ColProvider.text(lang),
                    Msg::ColSkills.text(lang),
                    Msg::ColHoursShort.text(lang),
                    Msg::ColCost.text(lang),
                    Msg::ColPlace.text(lang),
                ],
                self.courses
                    .iter()
                    .map(|(_, c)| {
                        Row::new(vec![
                            c.name.clone(),
                            c.provider.clone(),
                            self.skill_names(&c.skills),
                            c.hours.to_string(),
                            c.cost.to_string(),
                            place(&c.place, lang),
                        ])
                    })
                    .collect(),
                vec![
                    Constraint::Fill(3),
                    Constraint::Fill(2),
                    Constraint::Fill(3),
                    Constraint::Length(5),
                    Constraint::Length(9),
                    Constraint::Fill(2),
                ],
            ),
        };
        let sel = self.lines[self.list.index()].selected().unwrap_or(0);
        let (_, detail_lines) = catalogue_detail(self, self.list, sel, lang);
        let detail_height = u16_of(detail_lines.len() + 2).min(body.height / 2).max(3);
        let [list_area, detail] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_height)]).areas(body);
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(bold()))
            .block(Block::bordered())
            .row_highlight_style(highlight())
            .highlight_symbol("▸");
        frame.render_stateful_widget(table, list_area, &mut self.lines[self.list.index()]);
        frame.render_widget(
            Paragraph::new(detail_lines)
                .block(Block::bordered())
                .wrap(Wrap { trim: false }),
            detail,
        );
    }

    fn render_coverage(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let expiring_len = self.coverage.as_ref().map_or(0, |c| c.expiring.len());
        let expiring_height = u16_of(expiring_len.max(1) + 3).min(area.height / 3).max(4);
        let [budget_area, tasks_area, expiring_area] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Min(4),
            Constraint::Length(expiring_height),
        ])
        .areas(area);
        self.render_budget(frame, budget_area, lang);
        let Some(coverage) = &self.coverage else {
            return;
        };
        if coverage.tasks.is_empty() {
            empty(frame, tasks_area, Msg::NoTasksYet.text(lang));
        } else {
            let rows: Vec<Row> = coverage
                .tasks
                .iter()
                .map(|(_, t, n)| {
                    let count = if *n == 0 {
                        Span::styled(format!("⚠ {n}"), red())
                    } else {
                        Span::styled(n.to_string(), Style::new().fg(Color::Green))
                    };
                    Row::new(vec![
                        Span::raw(t.name.clone()),
                        count,
                        Span::raw(self.skill_names(&t.skills)),
                    ])
                })
                .collect();
            let header = Row::new(vec![
                Msg::ColTask.text(lang),
                Msg::ColHolders.text(lang),
                Msg::ColSkills.text(lang),
            ])
            .style(bold());
            let table = Table::new(
                rows,
                [
                    Constraint::Length(24),
                    Constraint::Length(7),
                    Constraint::Fill(1),
                ],
            )
            .header(header)
            .block(Block::bordered().title(format!(" {} ", Msg::CoverageTitle.text(lang))));
            frame.render_widget(table, tasks_area);
        }
        let title = args::ExpiringTitle {
            weeks: &self.expiring_weeks,
        }
        .text(lang);
        let block = Block::bordered().title(format!(" {title} "));
        if coverage.expiring.is_empty() {
            frame.render_widget(
                Paragraph::new(Msg::NoneExpiring.text(lang)).block(block),
                expiring_area,
            );
            return;
        }
        let rows: Vec<Row> = coverage
            .expiring
            .iter()
            .map(|(expert, skill, day)| {
                Row::new(vec![
                    Span::raw(self.name(*expert)),
                    Span::raw(self.skill_name(*skill)),
                    Span::styled(format_date(*day), Style::new().fg(Color::Yellow)),
                ])
            })
            .collect();
        let header = Row::new(vec![
            Msg::ColExpert.text(lang),
            Msg::ColSkill.text(lang),
            Msg::ColExpires.text(lang),
        ])
        .style(bold());
        let table = Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Length(10),
            ],
        )
        .header(header)
        .block(block);
        let mut state = TableState::default();
        frame.render_stateful_widget(table, expiring_area, &mut state);
    }

    fn render_budget(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let b = &self.budget;
        let title = args::BudgetTitle {
            half: &half_label(self.half, lang),
        }
        .text(lang);
        let (budget, planned, spent) = (&b.budget, &b.planned, &b.spent);
        let mut lines = vec![Line::from(if self.budget_set {
            args::BudgetLine {
                budget,
                planned,
                spent,
            }
            .text(lang)
        } else {
            args::NoBudget { planned, spent }.text(lang)
        })];
        if self.budget_set && b.over() {
            let over = Cents(b.planned.0 - b.budget.0).to_string();
            lines.push(Line::from(Span::styled(
                args::OverBudget { over: &over }.text(lang),
                Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(Modifier::BOLD),
            )));
        } else if self.budget_set {
            lines.push(Line::from(Span::styled(
                Msg::WithinBudget.text(lang),
                Style::new().fg(Color::Green),
            )));
        }
        let current = self.half == half_year_of(self.today);
        let style = if current {
            bold()
        } else {
            bold().fg(Color::Magenta)
        };
        let block = Block::bordered()
            .title(Span::styled(format!(" {title} "), style))
            .title_top(
                Line::from(Span::styled(
                    format!(" {} ", Msg::HalfKeys.text(lang)),
                    dim(),
                ))
                .right_aligned(),
            );
        frame.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
            area,
        );
    }
}

fn validity(months: Option<u32>, lang: Lang) -> String {
    match months {
        Some(n) => args::Months { n: &n }.text(lang),
        None => Msg::DoesNotExpire.text(lang).to_string(),
    }
}

fn place(place: &str, lang: Lang) -> String {
    if place.trim().is_empty() {
        Msg::Online.text(lang).to_string()
    } else {
        place.to_string()
    }
}

/// An expert's plan as lines: name and tasks; the gap (missing, expiring with the day); the
/// suggested courses and the skills no course teaches; the plan items of this half year and of
/// others; the skills held. With the line of the selected plan item.
pub(super) fn plan_lines(
    tab: &TrainingTab,
    plan: &PlanData,
    lang: Lang,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut lines = Vec::new();
    let row = tab.experts.iter().find(|e| e.number == plan.number);
    let tasks = row
        .and_then(|r| r.tasks.as_ref())
        .map_or(Msg::NoCurrentAgreement.text(lang).to_string(), |t| {
            t.join("; ")
        });
    lines.push(Line::from(vec![
        Span::styled(tab.name(plan.number), bold()),
        Span::styled(format!("  {tasks}"), dim()),
    ]));
    let gap = &plan.gap.gap;
    let mut missing = vec![label(Msg::GapMissing, lang)];
    if gap.missing.is_empty() {
        missing.push(Span::styled(
            Msg::GapNothing.text(lang).to_string(),
            Style::new().fg(Color::Green),
        ));
    } else {
        missing.push(Span::styled(tab.skill_names(&gap.missing), red()));
    }
    lines.push(Line::from(missing));
    if !gap.expiring.is_empty() {
        let text = gap
            .expiring
            .iter()
            .map(|(s, d)| format!("⚠ {} ({})", tab.skill_name(*s), format_date(*d)))
            .collect::<Vec<_>>()
            .join("; ");
        lines.push(Line::from(vec![
            label(Msg::GapExpiring, lang),
            Span::styled(
                text,
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
        ]));
    }
    let suggestion = &plan.gap.suggestion;
    if !suggestion.courses.is_empty() {
        lines.push(Line::from(label(Msg::SuggestedCourses, lang)));
        let cover = gap.to_cover();
        for id in &suggestion.courses {
            let Some(c) = tab.course(*id) else {
                continue;
            };
            let covers: Vec<u64> = c
                .skills
                .iter()
                .copied()
                .filter(|s| cover.contains(s))
                .collect();
            lines.push(Line::from(vec![
                Span::raw(format!("  ★ {} · ", c.name)),
                Span::styled(c.cost.to_string(), bold()),
                Span::styled(
                    format!(
                        " · {}: {}",
                        Msg::Teaches.text(lang),
                        tab.skill_names(&covers)
                    ),
                    dim(),
                ),
            ]));
        }
    }
    if !suggestion.uncovered.is_empty() {
        lines.push(Line::from(vec![
            label(Msg::NoCourseFound, lang),
            Span::styled(tab.skill_names(&suggestion.uncovered), red()),
        ]));
    }
    // the plan: this half year, then the others
    let current = half_year_of(tab.today);
    lines.push(heading(
        args::PlanThisHalf {
            half: &half_label(current, lang),
        }
        .text(lang),
    ));
    let mut focus = None;
    let mut others = false;
    if !plan.items.iter().any(|(_, i)| i.half_year == current) {
        lines.push(Line::from(Span::styled(
            format!("  {}", Msg::PlanEmpty.text(lang)),
            dim(),
        )));
    }
    for (at, (_, item)) in plan.items.iter().enumerate() {
        if item.half_year != current && !others {
            others = true;
            lines.push(heading(Msg::PlanOtherHalves.text(lang).to_string()));
        }
        let selected = at == tab.item;
        if selected {
            focus = Some(lines.len());
        }
        let (status, style) = status_text(&item.status, lang);
        let mut spans = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::raw(format!("{} · {} · ", tab.item_title(item, lang), item.cost)),
            Span::styled(status, style),
        ];
        if item.half_year != current {
            spans.push(Span::styled(
                format!(" · {}", half_label(item.half_year, lang)),
                dim(),
            ));
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(Style::new().add_modifier(Modifier::REVERSED));
        }
        lines.push(line);
    }
    // the skills held
    lines.push(heading(Msg::SkillsHeld.text(lang).to_string()));
    if plan.held.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", Msg::NoSkillsHeld.text(lang)),
            dim(),
        )));
    }
    for (_, h) in &plan.held {
        let source = match &h.source {
            Source::Experience => Msg::FromExperience.text(lang).to_string(),
            Source::Course(c) => args::FromCourse {
                name: &tab.course(*c).map_or("?", |c| c.name.as_str()),
            }
            .text(lang),
        };
        let expiry = match tab.skill(h.skill).and_then(|s| expires_on(h, s)) {
            None => Span::styled(Msg::DoesNotExpire.text(lang).to_string(), dim()),
            Some(e) if e <= tab.today => Span::styled(
                args::ExpiredOn {
                    date: &format_date(e),
                }
                .text(lang),
                red(),
            ),
            Some(e) => Span::raw(
                args::ExpiresOn {
                    date: &format_date(e),
                }
                .text(lang),
            ),
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "  {} · {} · {} · ",
                tab.skill_name(h.skill),
                format_date(h.acquired),
                source
            )),
            expiry,
        ]));
    }
    (lines, focus)
}

/// A catalogue entry in full.
pub(super) fn catalogue_detail(
    tab: &TrainingTab,
    list: List,
    sel: usize,
    lang: Lang,
) -> (Msg, Vec<Line<'static>>) {
    let description = |d: &str| {
        let text = if d.is_empty() { "—" } else { d };
        crate::widgets::labelled_lines(vec![label(Msg::Description, lang)], text, Style::new())
    };
    match list {
        List::Skills => {
            let lines = tab.skills.get(sel).map_or_else(Vec::new, |(_, s)| {
                vec![Line::from(vec![
                    Span::styled(s.name.clone(), bold()),
                    Span::raw(format!(" · {}", validity(s.validity_months, lang))),
                ])]
                .into_iter()
                .chain(description(&s.description))
                .collect()
            });
            (Msg::DetailSkill, lines)
        }
        List::Tasks => {
            let lines = tab.tasks.get(sel).map_or_else(Vec::new, |(_, t)| {
                let mut lines = vec![Line::from(Span::styled(t.name.clone(), bold()))];
                lines.extend(description(&t.description));
                lines.push(Line::from(vec![
                    label(Msg::ColSkills, lang),
                    Span::raw(tab.skill_names(&t.skills)),
                ]));
                lines
            });
            (Msg::DetailTask, lines)
        }
        List::Courses => {
            let lines = tab.courses.get(sel).map_or_else(Vec::new, |(_, c)| {
                vec![
                    Line::from(vec![
                        Span::styled(c.name.clone(), bold()),
                        Span::raw(format!(
                            " · {} · {} {} · {} · {}",
                            c.provider,
                            c.hours,
                            Msg::ColHoursShort.text(lang).to_lowercase(),
                            c.cost,
                            place(&c.place, lang)
                        )),
                    ]),
                    Line::from(vec![
                        label(Msg::ColSkills, lang),
                        Span::raw(tab.skill_names(&c.skills)),
                    ]),
                ]
            });
            (Msg::DetailCourse, lines)
        }
    }
}
