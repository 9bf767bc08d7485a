//! The review slot dialog: a form for when a review is held, with the first free slots core
//! suggests for the staff member and length chosen, and the layer that shows it over the tab.

use super::forms::date;
use super::ExpertsTab;
use crate::i18n::{self, args, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::layers::{Layer, Next, Submit};
use crate::screen::{Cx, Effects};
use crate::widgets::centered;
use crate::widgets::form::{Field, Form, Outcome as FormOutcome};
use chrono::{Datelike, Days, NaiveDateTime, NaiveTime};
use kapstok_core::common::{format_date, parse_date, parse_time};
use kapstok_core::error::{Error, FieldError, Reason};
use kapstok_core::experts::{Review, Slot};
use kapstok_core::{Result, Session};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use std::any::Any;

/// Where a review is held unless the user says otherwise.
pub const DEFAULT_PLACE: &str = "kantoor";
/// A review's length unless the user says otherwise, in minutes.
pub const DEFAULT_MINUTES: u32 = 60;
/// How many free slots are suggested.
const SUGGESTIONS: usize = 5;
/// The suggestion value for a time typed by hand.
const OWN: &str = "own";

/// Choosing when a review is held: the form, and the first free slots core suggests for the
/// chosen staff member and length, picked in the form's first field.
#[derive(Debug, Clone)]
pub struct SlotDialog {
    /// The fields.
    pub form: Form,
    /// The agreement reviewed.
    pub agreement: u64,
    /// The review being moved (rescheduling), if any.
    pub review: Option<u64>,
    /// The expert's name, for the messages.
    pub name: String,
    suggestions: Vec<NaiveDateTime>,
    /// The staff member and length the suggestions are for.
    asked: (String, u32),
    lang: Lang,
}

impl SlotDialog {
    /// Scheduling a review of an agreement: the first free slot filled in.
    pub(super) fn schedule(
        s: &Session,
        agreement: u64,
        name: String,
        staff: &[String],
        lang: Lang,
    ) -> Result<SlotDialog> {
        let me = s.user_name().to_string();
        let chosen = if staff.contains(&me) {
            me
        } else {
            staff.first().cloned().unwrap_or_default()
        };
        let mut d = SlotDialog::new(Msg::FormSchedule, agreement, None, name, staff, &chosen);
        d.lang = lang;
        d.form.set_value("minutes", &DEFAULT_MINUTES.to_string());
        d.form.set_value("place", DEFAULT_PLACE);
        d.suggest(s)?;
        d.pick(0);
        Ok(d)
    }

    /// Moving a planned review: its slot filled in, the free slots to choose from.
    pub(super) fn reschedule(
        s: &Session,
        review_id: u64,
        review: &Review,
        name: String,
        staff: &[String],
        lang: Lang,
    ) -> Result<SlotDialog> {
        let slot = &review.slot;
        let mut d = SlotDialog::new(
            Msg::FormReschedule,
            review.agreement,
            Some(review_id),
            name,
            staff,
            &slot.staff,
        );
        d.lang = lang;
        d.form.set_value("date", &format_date(slot.start.date()));
        d.form
            .set_value("start", &slot.start.format("%H:%M").to_string());
        d.form.set_value("minutes", &slot.minutes.to_string());
        d.form.set_value("place", &slot.place);
        d.suggest(s)?;
        Ok(d)
    }

    fn new(
        title: Msg,
        agreement: u64,
        review: Option<u64>,
        name: String,
        staff: &[String],
        chosen: &str,
    ) -> SlotDialog {
        let staff_options = staff.iter().map(|n| (n.clone(), n.clone())).collect();
        let mut form = Form::new(
            title,
            vec![
                Field::options("suggestion", Msg::FieldSuggestion, Vec::new(), OWN),
                Field::text("date", Msg::FieldDate, ""),
                Field::text("start", Msg::FieldTime, ""),
                Field::text("minutes", Msg::FieldMinutes, ""),
                Field::options("staff", Msg::FieldStaff, staff_options, chosen),
                Field::text("place", Msg::FieldPlace, ""),
            ],
        );
        form.note = Some(name.clone());
        SlotDialog {
            form,
            agreement,
            review,
            name,
            suggestions: Vec::new(),
            asked: (String::new(), 0),
            lang: Lang::default(),
        }
    }

    fn minutes(&self) -> Option<u32> {
        self.form
            .value("minutes")
            .trim()
            .parse()
            .ok()
            .filter(|m| *m > 0)
    }

    /// Asks core for the first free slots (from tomorrow on) for the staff member and length
    /// chosen, and offers them in the first field.
    fn suggest(&mut self, s: &Session) -> Result<()> {
        let staff = self.form.value("staff");
        let minutes = self.minutes().unwrap_or(DEFAULT_MINUTES);
        let from = (s.today() + Days::new(1)).and_time(NaiveTime::MIN);
        self.suggestions = if staff.is_empty() {
            Vec::new()
        } else {
            s.experts()
                .suggest(self.agreement, from, minutes, &staff, SUGGESTIONS)?
        };
        self.asked = (staff, minutes);
        let mut options: Vec<(String, String)> = self
            .suggestions
            .iter()
            .enumerate()
            .map(|(i, at)| (i.to_string(), long_slot_label(*at, self.lang)))
            .collect();
        options.push((OWN.to_string(), Msg::OwnTime.text(self.lang).to_string()));
        // A slot picked from the old suggestions gives way to the first of the new ones.
        let picked = self.form.value("suggestion").parse::<usize>().is_ok();
        self.form.replace(Field::options(
            "suggestion",
            Msg::FieldSuggestion,
            options,
            OWN,
        ));
        if picked {
            self.pick(0);
        }
        self.sync_suggestion();
        Ok(())
    }

    /// Fills date and time from the `i`th suggestion.
    fn pick(&mut self, i: usize) {
        if let Some(at) = self.suggestions.get(i) {
            self.form.set_value("suggestion", &i.to_string());
            self.form.set_value("date", &format_date(at.date()));
            self.form
                .set_value("start", &at.format("%H:%M").to_string());
        }
    }

    /// The suggestion the date and time typed match, else "own time".
    fn sync_suggestion(&mut self) {
        let typed = self.typed_start();
        let at = self
            .suggestions
            .iter()
            .position(|s| Some(*s) == typed)
            .map_or(OWN.to_string(), |i| i.to_string());
        if let Some(f) = self.form.fields.iter_mut().find(|f| f.name == "suggestion") {
            f.value = at;
        }
    }

    fn typed_start(&self) -> Option<NaiveDateTime> {
        let day = parse_date(&self.form.value("date"))?;
        let time = parse_time(&self.form.value("start"))?;
        Some(day.and_time(time))
    }

    /// After a key: a suggestion picked fills date and time; another staff member or length
    /// asks core again; a date or time typed by hand shows as "own time".
    pub(super) fn after_key(&mut self, s: &Session, changed: bool) -> Result<()> {
        let focused = self.form.focused().map(|f| f.name).unwrap_or("");
        if changed && focused == "suggestion" {
            if let Ok(i) = self.form.value("suggestion").parse::<usize>() {
                self.pick(i);
            }
            return Ok(());
        }
        let now = (
            self.form.value("staff"),
            self.minutes().unwrap_or(DEFAULT_MINUTES),
        );
        if now != self.asked {
            self.suggest(s)?;
        } else {
            self.sync_suggestion();
        }
        Ok(())
    }

    /// The slot typed; errors under the fields they are about.
    pub(super) fn slot(&self) -> Result<Slot> {
        let mut errors = Vec::new();
        let day = date(&self.form, "date").map_err(|e| errors.push(e)).ok();
        let time = match parse_time(&self.form.value("start")) {
            Some(t) => Some(t),
            None => {
                errors.push(FieldError::new("start", Reason::Required));
                None
            }
        };
        let minutes = self.minutes();
        if minutes.is_none() {
            errors.push(FieldError::new("minutes", Reason::BadNumber));
        }
        match (day, time, minutes) {
            (Some(day), Some(time), Some(minutes)) if errors.is_empty() => Ok(Slot {
                start: day.and_time(time),
                minutes,
                staff: self.form.value("staff"),
                place: self.form.value("place").trim().to_string(),
            }),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// Shows errors under the fields; a time that is not a time says so.
    pub(super) fn show_errors(&mut self, errors: &[FieldError], lang: Lang) -> Vec<String> {
        let bad_time = !self.form.value("start").trim().is_empty()
            && parse_time(&self.form.value("start")).is_none();
        let errors: Vec<FieldError> = errors
            .iter()
            .map(|e| match (&e.reason, e.field) {
                (Reason::Required, "start") if bad_time => {
                    FieldError::new("start", Reason::BadTime)
                }
                _ => e.clone(),
            })
            .collect();
        self.form.show_errors(&errors, lang)
    }

    /// The height the dialog needs.
    fn list_height(&self) -> u16 {
        u16::try_from(self.suggestions.len().max(1)).unwrap_or(1) + 2
    }

    /// Draws the form and, under it, the free slots with the one picked marked.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        let width = 78.min(body.width);
        let form_height = self.form.height(width);
        let list_height = self.list_height();
        let r = centered(body, width, form_height + list_height);
        frame.render_widget(Clear, r);
        let [form_area, list_area] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(list_height.min(r.height / 2)),
        ])
        .areas(r);
        self.form.render(frame, form_area, lang);
        let picked = self.form.value("suggestion").parse::<usize>().ok();
        let lines: Vec<Line> = if self.suggestions.is_empty() {
            vec![Line::from(Msg::NoFreeSlots.text(lang))]
        } else {
            self.suggestions
                .iter()
                .enumerate()
                .map(|(i, at)| {
                    let text = format!(
                        "{} {}. {}",
                        if picked == Some(i) { "▸" } else { " " },
                        i + 1,
                        long_slot_label(*at, lang)
                    );
                    if picked == Some(i) {
                        Line::from(Span::styled(
                            text,
                            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                        ))
                    } else {
                        Line::from(text)
                    }
                })
                .collect()
        };
        let title = args::SuggestionsTitle {
            staff: &self.asked.0,
        }
        .text(lang);
        frame.render_widget(
            Paragraph::new(lines).block(Block::bordered().title(format!(" {title} "))),
            list_area,
        );
    }
}

/// The slot dialog over the tab: a key in the suggestions fills date and time, another staff
/// member or length asks core again; Ctrl+S schedules the review (or, moving one, asks first).
pub(super) struct SlotLayer(Box<SlotDialog>);

impl SlotLayer {
    /// The dialog as a layer.
    pub(super) fn new(dialog: SlotDialog) -> SlotLayer {
        SlotLayer(Box::new(dialog))
    }
}

impl Layer for SlotLayer {
    fn mode(&self) -> Mode {
        Mode::Form
    }

    fn handle(
        mut self: Box<Self>,
        action: Action,
        owner: &mut dyn Any,
        cx: &Cx,
    ) -> (Next, Effects) {
        match self.0.form.handle(action) {
            FormOutcome::Cancel => (None, Effects::cancelled(cx.lang)),
            FormOutcome::Save => {
                let Some(tab) = owner.downcast_mut::<ExpertsTab>() else {
                    return (None, Effects::none());
                };
                match tab.submit_slot(&mut self.0, cx) {
                    Submit::Stay(effects) => (Some(self), effects),
                    Submit::Done(effects) => (None, effects),
                }
            }
            outcome => {
                let effects = match self
                    .0
                    .after_key(cx.session, outcome == FormOutcome::Changed)
                {
                    Ok(()) => Effects::none(),
                    Err(e) => Effects::error(&e, cx.lang),
                };
                (Some(self), effects)
            }
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.0.render(frame, body, cx.lang);
    }
}

/// A suggested slot in the choice field: "24-11-2026 10:00".
fn slot_label(at: NaiveDateTime) -> String {
    at.format("%d-%m-%Y %H:%M").to_string()
}

/// A suggested slot in the list: "di 24-11-2026 10:00".
fn long_slot_label(at: NaiveDateTime, lang: Lang) -> String {
    format!(
        "{} {}",
        i18n::weekday_short(at.weekday(), lang),
        slot_label(at)
    )
}
