//! Drawing the Meetings tab: the view bar; the meetings with their convocation deadlines, the
//! selected meeting's agenda and the year's reminders; the attendance register with the voting
//! power and the proxies; the decision register with its search.

use super::{MeetingsTab, View};
use crate::i18n::{args, Lang, Msg};
use crate::present::meeting_text;
use crate::screens::style::{bold, dim, green, highlight, label, red};
use crate::widgets::table::{self, Column};
use kapstok_core::common::format_date;
use kapstok_core::meetings::{rules, Duty, Meeting, MeetingKind, Standing};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Tabs, Wrap};
use ratatui::Frame;

fn u16_of(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn hm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The kind in one short word, for the list.
fn kind_short(kind: MeetingKind, lang: Lang) -> &'static str {
    match kind {
        MeetingKind::Spring => Msg::KindSpringShort,
        MeetingKind::Autumn => Msg::KindAutumnShort,
        MeetingKind::Extraordinary => Msg::KindExtraShort,
        MeetingKind::Second { .. } => Msg::KindSecondShort,
    }
    .text(lang)
}

fn empty(frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(text.to_string())
            .block(Block::bordered())
            .wrap(Wrap { trim: true }),
        area,
    );
}

impl MeetingsTab {
    /// Draws the tab in `area`.
    pub(super) fn draw(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        self.render_views(frame, bar, lang);
        match self.view {
            View::Meetings => self.render_meetings(frame, body, lang),
            View::Attendance => self.render_attendance(frame, body, lang),
            View::Register => self.render_register(frame, body, lang),
        }
    }

    fn render_views(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let titles = vec![
            format!("{} ({})", Msg::ViewMeetings.text(lang), self.meetings.len()),
            Msg::ViewAttendance.text(lang).to_string(),
            format!(
                "{} ({})",
                Msg::ViewRegister.text(lang),
                self.decisions.len()
            ),
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
            View::Meetings => 0,
            View::Attendance => 1,
            View::Register => 2,
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

    /// The convocation column of a meeting: sent, or the day to send it by.
    fn convocation_cell(&self, m: &Meeting, lang: Lang) -> Span<'static> {
        let dl = self.deadlines(m);
        match &m.convocation {
            Some(c) if c.late() => Span::styled(
                args::CellSentLate {
                    date: &format_date(c.sent),
                }
                .text(lang),
                red(),
            ),
            Some(c) => Span::styled(
                args::CellSent {
                    date: &format_date(c.sent),
                }
                .text(lang),
                green(),
            ),
            None if m.date() < self.today || m.held() => {
                Span::styled(Msg::CellNotSent.text(lang).to_string(), dim())
            }
            None if dl.send_by < self.today => Span::styled(
                args::CellOverdue {
                    date: &format_date(dl.send_by),
                }
                .text(lang),
                red(),
            ),
            None => Span::styled(
                args::CellSendBy {
                    date: &format_date(dl.send_by),
                }
                .text(lang),
                Style::new().fg(Color::Yellow),
            ),
        }
    }

    fn render_meetings(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let reminders_height = u16_of(self.reminders.len() + 2);
        let [main, reminders] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(reminders_height)])
                .areas(area);
        self.render_reminders(frame, reminders, lang);
        if self.meetings.is_empty() {
            let text = if self.manage {
                Msg::NoMeetingsYet
            } else {
                Msg::NoMeetingsRead
            };
            empty(frame, main, text.text(lang));
            return;
        }
        // the whole list when the selected meeting's details still fit below it, else the
        // details get at least half
        let shown = self
            .selected()
            .map(|(_, m)| detail_lines(self, m, lang, false).0.len());
        let wanted_detail = u16_of(shown.unwrap_or(0) + 2).min(main.height / 2);
        let wanted = u16_of(self.meetings.len()).saturating_add(3);
        let height = wanted.min(main.height.saturating_sub(wanted_detail)).max(4);
        let [list, detail] =
            Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(main);
        let rows: Vec<Vec<Span<'static>>> = self
            .meetings
            .iter()
            .map(|(_, m)| {
                vec![
                    Span::raw(format_date(m.date())),
                    Span::raw(hm(m.at.time())),
                    Span::raw(kind_short(m.kind, lang)),
                    Span::raw(m.place.clone()),
                    self.convocation_cell(m, lang),
                    Span::raw(
                        args::ItemsCount {
                            n: &crate::i18n::count(
                                m.agenda.len(),
                                crate::i18n::Noun::AgendaItemShort,
                                lang,
                            ),
                        }
                        .text(lang),
                    ),
                ]
            })
            .collect();
        let columns = [
            Column::new(Msg::ColDate.text(lang), 10, 10),
            Column::new(Msg::ColTime.text(lang), 5, 5),
            Column::new(Msg::ColKind.text(lang), 4, 12),
            Column::new(Msg::ColPlace.text(lang), 8, 40),
            Column::new(Msg::ColConvocation.text(lang), 8, 30),
            Column::new(Msg::ColAgenda.text(lang), 6, 12),
        ];
        let (widths, rows) = table::fit_spans(&columns, rows, list.width.saturating_sub(2), 1);
        let header = Row::new(table::headers(&columns, &widths)).style(bold());
        let table = Table::new(rows, widths)
            .header(header)
            .block(Block::bordered())
            .row_highlight_style(highlight())
            .highlight_symbol("▸");
        frame.render_stateful_widget(table, list, &mut self.list);
        let Some((_, m)) = self.selected() else {
            return;
        };
        let (lines, focus) = detail_lines(self, m, lang, false);
        let block = Block::bordered()
            .title(format!(" {} ", self.meeting_label(m, lang)))
            .title_top(
                Line::from(Span::styled(
                    format!(" {} ", Msg::AgendaKeys.text(lang)),
                    dim(),
                ))
                .right_aligned(),
            );
        // keep the selected item in sight: count the rows the lines before it wrap to
        let width = usize::from(detail.width.saturating_sub(2)).max(1);
        let rows = |line: &Line| line.width().div_ceil(width).max(1);
        let inner = usize::from(detail.height.saturating_sub(2));
        let scroll = focus.map_or(0, |at| {
            let before: usize = lines.iter().take(at + 1).map(rows).sum();
            before.saturating_sub(inner)
        });
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((u16_of(scroll), 0)),
            detail,
        );
    }

    fn render_reminders(&self, frame: &mut Frame, area: Rect, lang: Lang) {
        let lines: Vec<Line> = self
            .reminders
            .iter()
            .map(|r| {
                let duty = match r.duty {
                    Duty::AnnualReport => Msg::DutyAnnualReport,
                    Duty::AuditCommittee => Msg::DutyAuditCommittee,
                    Duty::AutumnMeeting => Msg::DutyAutumnMeeting,
                };
                let meeting = |id: u64| {
                    self.meetings
                        .iter()
                        .find(|(x, _)| *x == id)
                        .map_or_else(String::new, |(_, m)| self.meeting_label(m, lang))
                };
                let standing = match r.standing {
                    Standing::Done(id) => Span::styled(
                        args::StandingDone {
                            meeting: &meeting(id),
                        }
                        .text(lang),
                        green(),
                    ),
                    Standing::Planned(id) => Span::styled(
                        args::StandingPlanned {
                            meeting: &meeting(id),
                        }
                        .text(lang),
                        Style::new().fg(Color::Cyan),
                    ),
                    Standing::Open => Span::styled(
                        Msg::StandingOpen.text(lang).to_string(),
                        Style::new().fg(Color::Yellow),
                    ),
                    Standing::Overdue => {
                        Span::styled(Msg::StandingOverdue.text(lang).to_string(), red())
                    }
                };
                Line::from(vec![
                    Span::raw({
                        let date = format_date(r.deadline);
                        match duty {
                            Msg::DutyAnnualReport => {
                                args::DutyAnnualReport { date: &date }.text(lang)
                            }
                            Msg::DutyAuditCommittee => {
                                args::DutyAuditCommittee { date: &date }.text(lang)
                            }
                            _ => args::DutyAutumnMeeting { date: &date }.text(lang),
                        }
                    }),
                    Span::raw(": "),
                    standing,
                ])
            })
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .block(Block::bordered().title(format!(" {} ", Msg::RemindersTitle.text(lang)))),
            area,
        );
    }

    fn render_attendance(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let Some((_, m)) = self.selected().cloned() else {
            empty(frame, area, Msg::NoMeetingSelected.text(lang));
            return;
        };
        let present = rules::present_voters(&m);
        let valid = rules::valid_proxies(&m);
        let power = rules::voting_power(&m);
        let proxies_height = u16_of(m.proxies.len().max(1) + 2)
            .min(area.height / 3)
            .max(3);
        let [head, table_area, proxies_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(4),
            Constraint::Length(proxies_height),
        ])
        .areas(area);
        let power_line = args::PowerLine {
            power: &power,
            present: &present.len().to_string(),
            proxies: &valid.len().to_string(),
            members: &self.voting_members().to_string(),
        }
        .text(lang);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                power_line,
                bold().fg(Color::Yellow),
            )))
            .block(Block::bordered().title(format!(
                " {} · {} ",
                Msg::ViewAttendance.text(lang),
                self.meeting_label(&m, lang)
            )))
            .wrap(Wrap { trim: true }),
            head,
        );
        if m.presence.is_empty() {
            empty(frame, table_area, Msg::NobodyPresent.text(lang));
        } else {
            let rows: Vec<Row> = m
                .presence
                .iter()
                .map(|p| {
                    let held: Vec<String> = valid
                        .iter()
                        .filter(|x| x.holder == p.member && p.left.is_none())
                        .map(|x| self.name(x.giver))
                        .collect();
                    let vote = if p.left.is_some() {
                        Span::styled(Msg::Left.text(lang).to_string(), dim())
                    } else if !p.voting {
                        Span::styled(Msg::NoVote.text(lang).to_string(), red())
                    } else if held.is_empty() {
                        Span::styled(Msg::Votes.text(lang).to_string(), green())
                    } else {
                        Span::styled(
                            args::VotesWithProxy {
                                names: &held.join(", "),
                            }
                            .text(lang),
                            green(),
                        )
                    };
                    Row::new(vec![
                        Span::raw(self.name(p.member)),
                        Span::raw(p.member.to_string()),
                        Span::raw(hm(p.arrived)),
                        Span::raw(p.left.map(hm).unwrap_or_default()),
                        vote,
                    ])
                })
                .collect();
            let header = Row::new(vec![
                Msg::ColName.text(lang),
                Msg::ColNumber.text(lang),
                Msg::ColArrived.text(lang),
                Msg::ColLeft.text(lang),
                Msg::ColVote.text(lang),
            ])
            .style(bold());
            let table = Table::new(
                rows,
                [
                    Constraint::Length(24),
                    Constraint::Length(5),
                    Constraint::Length(6),
                    Constraint::Length(6),
                    Constraint::Fill(1),
                ],
            )
            .header(header)
            .block(if self.manage {
                // The register's keys, for those who may keep it.
                Block::bordered().title_top(
                    Line::from(Span::styled(
                        format!(" {} ", Msg::AttendanceKeys.text(lang)),
                        dim(),
                    ))
                    .right_aligned(),
                )
            } else {
                Block::bordered()
            })
            .row_highlight_style(highlight())
            .highlight_symbol("▸");
            frame.render_stateful_widget(table, table_area, &mut self.row);
        }
        let lines: Vec<Line> = if m.proxies.is_empty() {
            vec![Line::from(Span::styled(
                Msg::NoProxies.text(lang).to_string(),
                dim(),
            ))]
        } else {
            m.proxies
                .iter()
                .map(|p| {
                    let mut spans = vec![Span::raw(format!(
                        "{} (nr {}) → {} (nr {})",
                        self.name(p.giver),
                        p.giver,
                        self.name(p.holder),
                        p.holder
                    ))];
                    if !valid.contains(p) {
                        spans.push(Span::styled(
                            format!(" · {}", Msg::ProxyNotCounting.text(lang)),
                            red(),
                        ));
                    }
                    Line::from(spans)
                })
                .collect()
        };
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(format!(
                " {} ",
                args::ProxiesMax { n: &self.rules.max_proxies }.text(lang)
            ))),
            proxies_area,
        );
    }

    fn render_register(&mut self, frame: &mut Frame, area: Rect, lang: Lang) {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let cursor = if self.filtering { "▏" } else { "" };
        frame.render_widget(
            Line::from(vec![
                Span::styled(format!("{}: ", Msg::Filter.text(lang)), bold()),
                Span::styled(
                    format!("{}{cursor}", self.query),
                    Style::new().fg(Color::Yellow),
                ),
                Span::styled(format!("  {}", Msg::RegisterHint.text(lang)), dim()),
            ]),
            bar,
        );
        if self.decisions.is_empty() {
            empty(frame, body, Msg::NoDecisions.text(lang));
            return;
        }
        let [list, detail] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(6)]).areas(body);
        let rows: Vec<Row> = self
            .decisions
            .iter()
            .map(|d| {
                let (result, style) = if d.decision.adopted {
                    (Msg::Adopted, green())
                } else {
                    (Msg::Rejected, red())
                };
                let t = &d.decision.tally;
                Row::new(vec![
                    Span::raw(format_date(d.at.date())),
                    Span::raw(d.title.clone()),
                    Span::styled(result.text(lang).to_string(), style),
                    Span::raw(format!(
                        "{}-{}-{}-{}",
                        t.for_votes, t.against, t.abstain, t.blank
                    )),
                ])
            })
            .collect();
        let header = Row::new(vec![
            Msg::ColDate.text(lang),
            Msg::ColItem.text(lang),
            Msg::ColResult.text(lang),
            Msg::ColVotes.text(lang),
        ])
        .style(bold());
        let table = Table::new(
            rows,
            [
                Constraint::Length(10),
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(11),
            ],
        )
        .header(header)
        .block(Block::bordered())
        .row_highlight_style(highlight())
        .highlight_symbol("▸");
        frame.render_stateful_widget(table, list, &mut self.register);
        let lines = self
            .register
            .selected()
            .and_then(|i| self.decisions.get(i))
            .map(|d| {
                let mut lines = crate::widgets::labelled_lines(
                    vec![label(Msg::FieldMotion, lang)],
                    &d.motion,
                    Style::new(),
                );
                if d.statute_change {
                    lines.push(Line::from(Span::styled(
                        Msg::StatuteChange.text(lang).to_string(),
                        Style::new().fg(Color::Magenta),
                    )));
                }
                lines.push(Line::from(Span::styled(
                    meeting_text::decision(&d.decision, lang),
                    if d.decision.adopted { green() } else { red() },
                )));
                lines
            })
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(lines)
                .block(Block::bordered())
                .wrap(Wrap { trim: true }),
            detail,
        );
    }
}

/// A meeting as lines: when and where, the convocation and its deadlines, the voting power,
/// the minutes' adoption, and the agenda (with `full`: each item's motion, documents, minutes
/// and vote). With the line of the selected agenda item.
fn detail_lines(
    tab: &MeetingsTab,
    m: &Meeting,
    lang: Lang,
    full: bool,
) -> (Vec<Line<'static>>, Option<usize>) {
    let mut lines = Vec::new();
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {} {}",
                meeting_text::kind(m.kind, lang),
                format_date(m.date()),
                hm(m.at.time())
            ),
            bold(),
        ),
        Span::raw(format!(" · {}", m.place)),
    ]));
    let dl = tab.deadlines(m);
    let mut conv = vec![label(Msg::Convocation, lang)];
    match &m.convocation {
        Some(c) => {
            let text = args::SentOn {
                date: &format_date(c.sent),
                email: &c.by_email.len().to_string(),
                letters: &c.by_letter.len().to_string(),
            }
            .text(lang);
            conv.push(Span::styled(text, green()));
            if c.late() {
                conv.push(Span::styled(
                    format!(
                        " · {}",
                        args::WasLate {
                            date: &format_date(c.deadline)
                        }
                        .text(lang)
                    ),
                    red(),
                ));
            }
        }
        None => {
            let text = args::SendBy {
                date: &format_date(dl.send_by),
                days: &crate::i18n::count(dl.notice_days, crate::i18n::Noun::Day, lang),
            }
            .text(lang);
            let style = if dl.send_by < tab.today && m.date() >= tab.today {
                red()
            } else {
                Style::new().fg(Color::Yellow)
            };
            conv.push(Span::styled(text, style));
        }
    }
    lines.push(Line::from(conv));
    if let Some(from) = dl.inspection_from {
        lines.push(Line::from(Span::styled(
            args::InspectionFrom {
                date: &format_date(from),
            }
            .text(lang),
            Style::new().fg(Color::Magenta),
        )));
    }
    if !m.presence.is_empty() {
        lines.push(Line::from(vec![Span::raw(
            args::PowerLine {
                power: &rules::voting_power(m).to_string(),
                present: &rules::present_voters(m).len().to_string(),
                proxies: &rules::valid_proxies(m).len().to_string(),
                members: &tab.voting_members().to_string(),
            }
            .text(lang),
        )]));
    }
    if let Some(a) = &m.minutes_adopted {
        let at = tab
            .meetings
            .iter()
            .find(|(x, _)| *x == a.meeting)
            .map_or_else(
                || format_date(a.on),
                |(_, later)| tab.meeting_label(later, lang),
            );
        lines.push(Line::from(Span::styled(
            args::MinutesAdoptedAt { meeting: &at }.text(lang),
            green(),
        )));
    }
    lines.push(Line::from(Span::styled(
        Msg::Agenda.text(lang).to_string(),
        bold().fg(Color::Yellow),
    )));
    if m.agenda.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", Msg::AgendaEmpty.text(lang)),
            dim(),
        )));
    }
    let mut focus = None;
    for (at, item) in m.agenda.iter().enumerate() {
        let selected = at == tab.item && !full;
        if selected {
            focus = Some(lines.len());
        }
        let kind = if item.statute_change {
            Msg::StatuteChange
        } else if item.decision {
            Msg::DecisionItem
        } else {
            Msg::InformationItem
        };
        let mut spans = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::raw(format!("{}. {}", at + 1, item.title)),
            Span::styled(format!(" · {}", kind.text(lang)), dim()),
        ];
        match &item.vote {
            Some(v) => spans.push(Span::styled(
                format!(" · {}", meeting_text::decision(&v.decision, lang)),
                if v.decision.adopted { green() } else { red() },
            )),
            None if item.decision => spans.push(Span::styled(
                format!(" · {}", Msg::NotVotedYet.text(lang)),
                Style::new().fg(Color::Yellow),
            )),
            None => {}
        }
        if !item.minutes.is_empty() && !full {
            spans.push(Span::styled(
                format!(" · {}", Msg::HasMinutes.text(lang)),
                dim(),
            ));
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(Style::new().add_modifier(Modifier::REVERSED));
        }
        lines.push(line);
        if full {
            let mut more = |m: Msg, text: &str| {
                if !text.is_empty() {
                    let prefix = vec![Span::raw("    "), label(m, lang)];
                    lines.extend(crate::widgets::labelled_lines(prefix, text, Style::new()));
                }
            };
            more(Msg::FieldMotion, &item.motion);
            more(Msg::FieldDocuments, &item.documents);
            more(Msg::FieldMinutesText, &item.minutes);
            if let Some(v) = &item.vote {
                more(
                    Msg::VotedAt,
                    &args::VoteDetail {
                        time: &hm(v.at),
                        power: &v.power,
                        members: &crate::i18n::count(
                            v.voting_members,
                            crate::i18n::Noun::Member,
                            lang,
                        ),
                    }
                    .text(lang),
                );
            }
        }
    }
    (lines, focus)
}

/// A meeting in full, for the detail popup.
pub(super) fn meeting_lines(tab: &MeetingsTab, m: &Meeting, lang: Lang) -> Vec<Line<'static>> {
    detail_lines(tab, m, lang, true).0
}
