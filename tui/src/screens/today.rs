//! The Today tab, the start screen after login: what needs doing, per role, each line leading to
//! the tab where it is done; and the year's figures with charts (`v`), saved as PDF and CSV (`p`).

use super::Status;
use crate::files::write_atomically;
use crate::i18n::{args, Lang, Msg};
use crate::jobs::{Back, Reloads};
use crate::keys::{Action, Mode};
use crate::present::{figures_text, meeting_text};
use crate::screen::Effects;
use chrono::Datelike;
use kapstok_core::common::{format_date, IsoWeek};
use kapstok_core::meetings::{Duty, Standing};
use kapstok_core::members::Member;
use kapstok_core::report::year::csv;
use kapstok_core::report::YearFigures;
use kapstok_core::store::SettingsKey;
use kapstok_core::{Permission, Role, Session};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, List, ListItem, ListState, Paragraph, Sparkline};
use ratatui::Frame;
use std::path::PathBuf;

pub use crate::screen::Target;

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayLine {
    /// The text.
    pub text: String,
    /// Where Enter leads (headings lead nowhere).
    pub target: Option<Target>,
    /// Shown as a heading.
    pub heading: bool,
    /// Shown as a warning.
    pub warn: bool,
}

impl TodayLine {
    fn heading(text: &str) -> TodayLine {
        TodayLine {
            text: text.to_string(),
            target: None,
            heading: true,
            warn: false,
        }
    }

    fn to(text: String, target: Target) -> TodayLine {
        TodayLine {
            text,
            target: Some(target),
            heading: false,
            warn: false,
        }
    }

    fn warn(mut self, warn: bool) -> TodayLine {
        self.warn = warn;
        self
    }
}

/// The tab's two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Today,
    Figures,
}

/// The Today tab.
pub struct TodayTab {
    view: View,
    lines: Vec<TodayLine>,
    state: ListState,
    year: i32,
    figures: Option<YearFigures>,
    /// Whether the role may see the year's figures (they are read from the member register):
    /// only then is `v` offered.
    may_figures: bool,
    folder: PathBuf,
    /// The lines read again off the drawing thread after a change.
    reloads: Reloads,
}

fn n(v: usize) -> String {
    v.to_string()
}

impl TodayTab {
    /// The tab for a session; PDFs and CSVs are saved in `folder`.
    pub fn new(s: &Session, folder: PathBuf) -> TodayTab {
        TodayTab {
            view: View::Today,
            lines: Vec::new(),
            state: ListState::default(),
            year: s.today().year(),
            figures: None,
            may_figures: s.can(Permission::MembersRead),
            folder,
            reloads: Reloads::default(),
        }
    }

    /// Where the keyboard is.
    pub fn mode(&self) -> Mode {
        match self.view {
            View::Today => Mode::Today,
            View::Figures => Mode::Figures,
        }
    }

    /// The lines shown (for tests).
    pub fn lines(&self) -> &[TodayLine] {
        &self.lines
    }

    /// Reads the lists again; an error goes to the status bar.
    pub fn load(&mut self, s: &Session, lang: Lang) -> Option<Status> {
        self.load_with(s, lang, None)
    }

    /// [`TodayTab::load`] with the member register when the caller has already read it (in
    /// register order, from `Members::list`), so it is not read again.
    pub fn load_with(
        &mut self,
        s: &Session,
        lang: Lang,
        register: Option<&[Member]>,
    ) -> Option<Status> {
        let result = match self.view {
            View::Today => self.load_today(s, lang, register),
            View::Figures => s.report().year(self.year).map(|f| {
                self.figures = Some(f);
            }),
        };
        result.err().map(|e| super::error_status(&e, lang))
    }

    fn load_today(
        &mut self,
        s: &Session,
        lang: Lang,
        register: Option<&[Member]>,
    ) -> kapstok_core::Result<()> {
        // Read at once: a read off the drawing thread still running is older.
        self.reloads.outdate();
        let lines = today_lines(s, lang, register)?;
        self.set_lines(lines);
        Ok(())
    }

    /// Shows the lines read, keeping the line selected where it still leads somewhere.
    fn set_lines(&mut self, lines: Vec<TodayLine>) {
        self.lines = lines;
        let first = self.lines.iter().position(|l| l.target.is_some());
        let keep = self
            .state
            .selected()
            .filter(|i| self.lines.get(*i).is_some_and(|l| l.target.is_some()));
        self.state.select(keep.or(first));
    }

    /// Reads the lines again off the drawing thread (at 100,000 members over half a second);
    /// the tab shows the lines it has until they are back ([`TodayTab::lines_back`]).
    fn ask_lines(&mut self) -> Effects {
        self.reloads
            .ask(Msg::BusyReload, |s, lang| today_lines(s, lang, None))
    }

    /// The lines read off the drawing thread came back: shown when they are the newest.
    fn lines_back(
        &mut self,
        back: Back<kapstok_core::Result<Vec<TodayLine>>>,
        lang: Lang,
    ) -> Effects {
        match back {
            Back::Fresh(Ok(lines)) if self.view == View::Today => {
                self.set_lines(lines);
                Effects::none()
            }
            Back::Fresh(Ok(_)) | Back::Outdated { again: false } => Effects::none(),
            Back::Fresh(Err(e)) => Effects::error(&e, lang),
            Back::Outdated { again: true } => self.ask_lines(),
            Back::Failed => crate::jobs::failed(lang),
        }
    }
}

/// The Today lines of the session's role. With the register already read (in register order,
/// from `Members::list`), it is not read again.
fn today_lines(
    s: &Session,
    lang: Lang,
    register: Option<&[Member]>,
) -> kapstok_core::Result<Vec<TodayLine>> {
    {
        let mut lines = Vec::new();
        match s.role() {
            Role::Administrator => {
                let t = match register {
                    Some(register) => s.report().admin_today_in(register)?,
                    None => s.report().admin_today()?,
                };
                for key in &t.settings_reset {
                    let (setting, target) = match key {
                        SettingsKey::MeetingRules => {
                            (Msg::TodayResetMeetingRules, Target::Meetings)
                        }
                        SettingsKey::Privacy => (Msg::TodayResetRetention, Target::Retention),
                        _ => (Msg::TodayResetOther, Target::Members),
                    };
                    lines.push(
                        TodayLine::to(
                            args::TodaySettingReset {
                                setting: &setting.text(lang),
                            }
                            .text(lang),
                            target,
                        )
                        .warn(true),
                    );
                }
                lines.push(TodayLine::heading(Msg::TodayMeetings.text(lang)));
                match &t.next_meeting {
                    Some((_, m, d)) => {
                        let date = format_date(m.date());
                        let kind = meeting_text::kind(m.kind, lang);
                        let text = match &m.convocation {
                            Some(c) => args::TodayMeetingSent {
                                date: &date,
                                kind: &kind,
                                sent: &format_date(c.sent),
                            }
                            .text(lang),
                            None => args::TodayNextMeeting {
                                date: &date,
                                kind: &kind,
                                deadline: &format_date(d.send_by),
                            }
                            .text(lang),
                        };
                        lines.push(
                            TodayLine::to(text, Target::Meetings).warn(t.convocation_overdue),
                        );
                        if let Some(from) = d.inspection_from {
                            lines.push(TodayLine::to(
                                args::TodayInspection {
                                    date: &format_date(from),
                                }
                                .text(lang),
                                Target::Meetings,
                            ));
                        }
                    }
                    None => lines.push(TodayLine::to(
                        Msg::TodayNoMeeting.text(lang).into(),
                        Target::Meetings,
                    )),
                }
                for r in &t.reminders {
                    let duty = match r.duty {
                        Duty::AnnualReport => Msg::TodayDutyAnnualReport,
                        Duty::AuditCommittee => Msg::TodayDutyAuditCommittee,
                        Duty::AutumnMeeting => Msg::TodayDutyAutumn,
                    };
                    let date = format_date(r.deadline);
                    let (standing, warn) = match r.standing {
                        Standing::Planned(_) | Standing::Done(_) => {
                            (Msg::TodayStandingPlanned.text(lang).to_string(), false)
                        }
                        Standing::Open => {
                            (args::TodayStandingOpen { date: &date }.text(lang), false)
                        }
                        Standing::Overdue => {
                            (args::TodayStandingOverdue { date: &date }.text(lang), true)
                        }
                    };
                    lines.push(
                        TodayLine::to(format!("{}: {standing}", duty.text(lang)), Target::Meetings)
                            .warn(warn),
                    );
                }
                lines.push(TodayLine::heading(Msg::TodayMembers.text(lang)));
                lines.push(
                    TodayLine::to(
                        args::TodayOutOfSight {
                            n: &n(t.out_of_sight),
                        }
                        .text(lang),
                        Target::OutOfSight,
                    )
                    .warn(t.out_of_sight > 0),
                );
                lines.push(TodayLine::to(
                    args::TodayBirthdays {
                        n: &n(t.birthdays.len()),
                    }
                    .text(lang),
                    Target::Members,
                ));
                for (number, name, born) in &t.birthdays {
                    lines.push(TodayLine::to(
                        format!("  {} {name} ({number})", born.format("%d-%m")),
                        Target::Members,
                    ));
                }
                if t.retention_due > 0 {
                    lines.push(
                        TodayLine::to(
                            args::TodayRetention {
                                n: &n(t.retention_due),
                            }
                            .text(lang),
                            Target::Retention,
                        )
                        .warn(true),
                    );
                }
                if t.returned_to_check > 0 {
                    lines.push(
                        TodayLine::to(
                            args::TodayReturned {
                                n: &n(t.returned_to_check),
                            }
                            .text(lang),
                            Target::Recipients,
                        )
                        .warn(true),
                    );
                }
            }
            Role::Coordinator => {
                let t = s.report().coordinator_today()?;
                lines.push(TodayLine::heading(Msg::TodayExperts.text(lang)));
                lines.push(
                    TodayLine::to(
                        args::TodayReviewsToPlan {
                            n: &n(t.reviews_to_plan),
                        }
                        .text(lang),
                        Target::Reviews,
                    )
                    .warn(t.reviews_to_plan > 0),
                );
                lines.push(TodayLine::to(
                    args::TodayReviewsThisWeek {
                        n: &n(t.reviews_this_week.len()),
                    }
                    .text(lang),
                    Target::Reviews,
                ));
                let names = s
                    .meetings()
                    .names(
                        &t.reviews_this_week
                            .iter()
                            .map(|(_, r)| r.expert)
                            .collect::<Vec<_>>(),
                    )
                    .unwrap_or_default();
                for (_, r) in &t.reviews_this_week {
                    let name = names.get(&r.expert).cloned().unwrap_or_default();
                    lines.push(TodayLine::to(
                        format!("  {} {name}", r.slot.start.format("%d-%m %H:%M")),
                        Target::Reviews,
                    ));
                }
                lines.push(TodayLine::to(
                    args::TodayEnding {
                        n: &n(t.agreements_ending),
                    }
                    .text(lang),
                    Target::Experts,
                ));
                lines.push(
                    TodayLine::to(
                        args::TodayUnsigned { n: &n(t.unsigned) }.text(lang),
                        Target::Experts,
                    )
                    .warn(t.unsigned > 0),
                );
                lines.push(TodayLine::heading(Msg::TodayTraining.text(lang)));
                lines.push(TodayLine::to(
                    args::TodayPlanItems {
                        n: &n(t.plan_items_due),
                    }
                    .text(lang),
                    Target::Plans,
                ));
                lines.push(
                    TodayLine::to(
                        args::TodayExpiring {
                            n: &n(t.skills_expiring),
                        }
                        .text(lang),
                        Target::Coverage,
                    )
                    .warn(t.skills_expiring > 0),
                );
                let b = t.budget;
                let (planned, spent, budget) = (
                    b.planned.to_string(),
                    b.spent.to_string(),
                    b.budget.to_string(),
                );
                let text = if b.set {
                    args::TodayBudget {
                        planned: &planned,
                        spent: &spent,
                        budget: &budget,
                    }
                    .text(lang)
                } else {
                    args::TodayBudgetNone { planned: &planned }.text(lang)
                };
                lines.push(TodayLine::to(text, Target::Coverage).warn(b.over()));
            }
            Role::Volunteer => {
                let t = s.report().volunteer_today()?;
                let week = t.week.to_string();
                lines.push(TodayLine::heading(Msg::TabBaseMail.text(lang)));
                if t.composed {
                    lines.push(TodayLine::to(
                        args::TodayRun {
                            week: &week,
                            cards: &n(t.cards),
                            written: &n(t.written),
                            posted: &n(t.posted),
                        }
                        .text(lang),
                        Target::Run,
                    ));
                    lines.push(
                        TodayLine::to(
                            args::TodayRunLeft { n: &n(t.to_write) }.text(lang),
                            Target::Run,
                        )
                        .warn(t.to_write > 0),
                    );
                } else {
                    lines.push(
                        TodayLine::to(
                            args::TodayRunNotComposed { week: &week }.text(lang),
                            Target::Run,
                        )
                        .warn(true),
                    );
                }
            }
        }
        Ok(lines)
    }
}

impl TodayTab {
    fn step(&mut self, down: bool) {
        let Some(current) = self.state.selected() else {
            return;
        };
        let targets: Vec<usize> = (0..self.lines.len())
            .filter(|i| self.lines[*i].target.is_some())
            .collect();
        let pos = targets.iter().position(|i| *i == current).unwrap_or(0);
        let next = if down {
            targets.get(pos + 1)
        } else {
            pos.checked_sub(1).and_then(|p| targets.get(p))
        };
        if let Some(i) = next {
            self.state.select(Some(*i));
        }
    }

    /// Handles a key: the tab to open, and a line for the status bar.
    pub fn handle(
        &mut self,
        action: Action,
        s: &Session,
        lang: Lang,
    ) -> (Option<Target>, Option<Status>) {
        match (self.view, action) {
            (View::Today, Action::Up) => self.step(false),
            (View::Today, Action::Down) => self.step(true),
            (View::Today, Action::Home) => {
                self.state
                    .select(self.lines.iter().position(|l| l.target.is_some()));
            }
            (View::Today, Action::End) => {
                self.state
                    .select(self.lines.iter().rposition(|l| l.target.is_some()));
            }
            (View::Today, Action::Enter) => {
                let target = self
                    .state
                    .selected()
                    .and_then(|i| self.lines.get(i))
                    .and_then(|l| l.target);
                return (target, None);
            }
            (View::Today, Action::NextView) => {
                // Not offered to a role without the register (a volunteer): nothing happens.
                if !s.can(Permission::MembersRead) {
                    return (None, None);
                }
                self.view = View::Figures;
                return (None, self.load(s, lang));
            }
            (View::Figures, Action::NextView | Action::Back) => {
                self.view = View::Today;
                return (None, self.load(s, lang));
            }
            (View::Figures, Action::PrevYear) => {
                self.year -= 1;
                return (None, self.load(s, lang));
            }
            (View::Figures, Action::NextYear) => {
                self.year = (self.year + 1).min(s.today().year());
                return (None, self.load(s, lang));
            }
            (View::Figures, Action::Print) => return (None, Some(self.save(s, lang))),
            _ => {}
        }
        (None, None)
    }

    fn save(&self, s: &Session, lang: Lang) -> Status {
        let name = |ext: &str| {
            crate::i18n::args::FileYearFigures {
                year: &self.year,
                ext: &ext,
            }
            .text(lang)
        };
        let (pdf, table) = (self.folder.join(name("pdf")), self.folder.join(name("csv")));
        let written = s
            .report()
            .year_pdf_in(self.year, lang)
            .map_err(|e| super::error_status(&e, lang))
            .and_then(|bytes| {
                let f = s
                    .report()
                    .year(self.year)
                    .map_err(|e| super::error_status(&e, lang))?;
                for (path, data) in [(&pdf, bytes), (&table, csv(&f))] {
                    write_atomically(path, &data).map_err(|e| Status {
                        text: format!("{}: {e}", path.display()),
                        error: true,
                    })?;
                }
                Ok(())
            });
        match written {
            Ok(()) => Status {
                text: args::FiguresSaved {
                    pdf: &pdf.display().to_string(),
                    csv: &table.display().to_string(),
                }
                .text(lang),
                error: false,
            },
            Err(status) => status,
        }
    }

    /// Draws the tab.
    pub fn render(&self, frame: &mut Frame, area: Rect, today: chrono::NaiveDate, lang: Lang) {
        match self.view {
            View::Today => self.render_today(frame, area, today, lang),
            View::Figures => self.render_figures(frame, area, lang),
        }
    }

    fn render_today(&self, frame: &mut Frame, area: Rect, today: chrono::NaiveDate, lang: Lang) {
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let title = args::TodayTitle {
            date: &format_date(today),
            week: &IsoWeek::of(today).week().to_string(),
        }
        .text(lang);
        frame.render_widget(
            Line::from(Span::styled(
                title,
                Style::new().add_modifier(Modifier::BOLD),
            )),
            head,
        );
        frame.render_widget(
            Line::from(Span::styled(
                if self.may_figures {
                    Msg::TodayKeysFigures
                } else {
                    Msg::TodayKeys
                }
                .text(lang),
                Style::new().fg(Color::DarkGray),
            ))
            .right_aligned(),
            head,
        );
        let items: Vec<ListItem> = self
            .lines
            .iter()
            .map(|l| {
                let style = if l.heading {
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                } else if l.warn {
                    Style::new().fg(Color::Yellow)
                } else {
                    Style::new()
                };
                let text = if l.heading {
                    l.text.clone()
                } else {
                    format!("  {}", l.text)
                };
                ListItem::new(Line::from(Span::styled(text, style)))
            })
            .collect();
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(Style::new().add_modifier(Modifier::REVERSED))
                .highlight_symbol("▸"),
            body,
            &mut self.state.clone(),
        );
    }

    fn render_figures(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let year = self.year.to_string();
        frame.render_widget(
            Line::from(Span::styled(
                args::FiguresTitle { year: &year }.text(lang),
                Style::new().add_modifier(Modifier::BOLD),
            )),
            head,
        );
        frame.render_widget(
            Line::from(Span::styled(
                Msg::FiguresKeys.text(lang),
                Style::new().fg(Color::DarkGray),
            ))
            .right_aligned(),
            head,
        );
        let Some(f) = &self.figures else {
            return;
        };
        let [table, charts] =
            Layout::horizontal([Constraint::Length(38), Constraint::Min(0)]).areas(body);
        let rows: Vec<Line> = figures_text::rows(f, lang)
            .into_iter()
            .skip(2)
            .map(|(label, value)| Line::from(format!("{label:<30}{value:>7}")))
            .collect();
        frame.render_widget(Paragraph::new(rows), table);
        let [months, weeks] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(5)]).areas(charts);
        let names = figures_text::months(lang);
        let bars: Vec<Bar> = f
            .cards_per_month
            .iter()
            .zip(names)
            .map(|(v, name)| Bar::with_label(name, *v as u64).text_value(v.to_string()))
            .collect();
        // Twelve bars with a gap each across the inner width.
        let bar_width = (months.width.saturating_sub(2) / 12)
            .saturating_sub(1)
            .max(1);
        frame.render_widget(
            BarChart::vertical(bars)
                .block(Block::bordered().title(format!(" {} ", Msg::FiguresPerMonth.text(lang))))
                .bar_width(bar_width)
                .bar_gap(1)
                .bar_style(Style::new().fg(Color::Green))
                .value_style(Style::new().fg(Color::Black).bg(Color::Green)),
            months,
        );
        let data: Vec<u64> = f.cards_per_week.iter().map(|v| *v as u64).collect();
        frame.render_widget(
            Sparkline::default()
                .block(Block::bordered().title(format!(" {} ", Msg::FiguresPerWeek.text(lang))))
                .data(&data)
                .style(Style::new().fg(Color::Cyan)),
            weeks,
        );
    }
}

impl crate::screen::Screen for TodayTab {
    fn title(&self) -> Msg {
        Msg::TabToday
    }

    fn depends_on(&self) -> &'static [kapstok_core::store::TreeId] {
        use kapstok_core::store::TreeId;
        // What the lines count: nearly everything; Today reads again when it is next shown.
        &[
            TreeId::Members,
            TreeId::Settings,
            TreeId::Recipients,
            TreeId::Stays,
            TreeId::Runs,
            TreeId::Agreements,
            TreeId::Reviews,
            TreeId::SkillsHeld,
            TreeId::PlanItems,
            TreeId::Courses,
            TreeId::Meetings,
        ]
    }

    fn load(
        &mut self,
        cx: &crate::screen::Cx,
        shared: &mut crate::screen::Shared,
    ) -> kapstok_core::Result<()> {
        let register = if self.may_figures && self.view == View::Today {
            Some(shared.register()?)
        } else {
            None
        };
        let result = match self.view {
            View::Today => self.load_today(cx.session, cx.lang, register),
            View::Figures => cx.session.report().year(self.year).map(|f| {
                self.figures = Some(f);
            }),
        };
        result
    }

    /// After changes, the lines are read off the drawing thread; the figures at once.
    fn reload(
        &mut self,
        cx: &crate::screen::Cx,
        shared: &mut crate::screen::Shared,
    ) -> kapstok_core::Result<Effects> {
        match self.view {
            View::Today => Ok(self.ask_lines()),
            View::Figures => {
                crate::screen::Screen::load(self, cx, shared).map(|()| Effects::none())
            }
        }
    }

    fn message(
        &mut self,
        message: Box<dyn std::any::Any + Send>,
        cx: &crate::screen::Cx,
    ) -> Effects {
        match self.reloads.take(message) {
            Ok(back) => self.lines_back(back, cx.lang),
            Err(_) => Effects::none(),
        }
    }

    fn mode(&self) -> Mode {
        TodayTab::mode(self)
    }

    fn handle(&mut self, action: Action, cx: &crate::screen::Cx) -> crate::screen::Effects {
        use crate::screen::Effect;
        // Back from the figures to the lines: read off the drawing thread (the old lines show
        // meanwhile).
        if self.view == View::Figures && matches!(action, Action::NextView | Action::Back) {
            self.view = View::Today;
            return self.ask_lines();
        }
        let (target, status) = TodayTab::handle(self, action, cx.session, cx.lang);
        let effects = Effects::from(status);
        match target {
            Some(t) => effects.and(Effect::Open(t)),
            None => effects,
        }
    }

    fn open(&mut self, target: Target, _: &crate::screen::Cx) -> Option<crate::screen::Effects> {
        let _ = target;
        None
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &crate::screen::Cx) {
        TodayTab::render(self, frame, area, cx.session.today(), cx.lang);
    }
}
