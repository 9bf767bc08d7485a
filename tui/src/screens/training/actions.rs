//! What the keys of the Training tab do: each form, question and course picker is a generic
//! layer ([`crate::layers`]) whose closure calls core on the tab; the plan PDF is made off the
//! drawing thread ([`crate::screen::Job`]). The tab does not read again after a change: core's
//! announcement of it does.

use super::{draw, forms, plan_pdf_path, List, TrainingTab};
use crate::files::write_atomically;
use crate::i18n::{args, Lang, Msg};
use crate::keys::Action;
use crate::layers::{ConfirmLayer, DetailLayer, FormLayer, PickerLayer, Submit};
use crate::screen::{Cx, Effect, Effects, Job};
use crate::screens::{form_errors, Status};
use crate::widgets::confirm::Question;
use crate::widgets::form::Form;
use crate::widgets::picker::Picker;
use chrono::{Months, NaiveDate};
use kapstok_core::common::format_date;
use kapstok_core::error::{Error, FieldError};
use kapstok_core::training::{Course, ItemStatus, Source, Step};
use kapstok_core::{Result, Session};
use std::any::Any;
use std::path::Path;

/// How wide the course pickers are.
const PICKER_WIDTH: u16 = 76;
/// How wide a plan or catalogue entry in full is.
const DETAIL_WIDTH: u16 = 78;

type Tab = TrainingTab;

/// Why a step of a plan item was not taken.
enum Refused {
    /// The step does not follow the item's state, or needs a course first: a sentence about the
    /// item, not about the date typed (the form closes).
    AboutItem(Status),
    /// Core's answer (field errors go under the form's fields).
    Core(Error),
}

/// A date that did not parse, under its field; the form stays.
fn invalid(form: &mut Form, e: FieldError, lang: Lang) -> Submit {
    Submit::refused(form, &Error::Invalid(vec![e]), lang)
}

/// A form for the day of a step of a plan item.
fn step_layer(form: Form, item: u64, step: Step) -> Effects {
    Effects::push(FormLayer::<Tab>::new(
        form,
        move |form, tab: &mut Tab, cx| tab.submit_step(form, item, step, cx),
    ))
}

/// A catalogue form: `save` calls core with what was typed; `saved` names the entry saved.
fn catalogue_layer(
    form: Form,
    save: impl Fn(&Form, &Session) -> Result<u64> + Send + 'static,
    saved: Msg,
) -> Effects {
    Effects::push(FormLayer::<Tab>::new(form, move |form, _: &mut Tab, cx| {
        let name = form.value("name").trim().to_string();
        let text = match saved {
            Msg::SkillSaved => args::SkillSaved { name: &name }.text(cx.lang),
            Msg::TaskSaved => args::TaskSaved { name: &name }.text(cx.lang),
            _ => args::CourseSaved { name: &name }.text(cx.lang),
        };
        let done = save(form, cx.session).map(|_| Effects::info(text));
        Submit::from_result(form, done, cx.lang)
    }))
}

impl TrainingTab {
    /// A key in the plans view.
    pub(super) fn plan_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let Some((number, name)) = self.selected_expert().map(|e| (e.number, e.name.clone()))
        else {
            return match action {
                Action::Enter | Action::Propose | Action::AddHeld | Action::Print => {
                    Effects::info(cx.t(Msg::NoExpertSelected))
                }
                _ => Effects::none(),
            };
        };
        let len = self.plan.as_ref().map_or(0, |p| p.items.len());
        match action {
            Action::PrevItem => {
                self.item = self.item.saturating_sub(1);
                return Effects::none();
            }
            Action::NextItem => {
                self.item = (self.item + 1).min(len.saturating_sub(1));
                return Effects::none();
            }
            Action::Enter => {
                let lines = self
                    .plan
                    .as_ref()
                    .map(|p| draw::plan_lines(self, p, lang).0)
                    .unwrap_or_default();
                return Effects::push(
                    DetailLayer::new(cx.t(Msg::DetailPlan), lines).width(DETAIL_WIDTH),
                );
            }
            Action::Propose => {
                if self.courses.is_empty() {
                    return Effects::info(cx.t(Msg::NoCourses));
                }
                let picker = Picker::new(Msg::PickCourse, self.course_options(true, lang));
                return Effects::push(
                    PickerLayer::<Tab>::new(picker, move |course, _, tab: &mut Tab, _| {
                        tab.propose_layer(number, course)
                    })
                    .width(PICKER_WIDTH),
                );
            }
            Action::Print => return self.print(number, &name, cx),
            Action::AddHeld => {
                if self.skills.is_empty() {
                    return Effects::info(cx.t(Msg::NoSkills));
                }
                let options = self
                    .skills
                    .iter()
                    .map(|(id, s)| (id.to_string(), s.name.clone()))
                    .collect();
                let mut form = forms::held_form(options, self.today);
                form.note = Some(name);
                return Effects::push(FormLayer::<Tab>::new(
                    form,
                    move |form, tab: &mut Tab, cx| tab.submit_held(form, number, cx),
                ));
            }
            _ => {}
        }
        let Some((item_id, item)) = self.selected_item().cloned() else {
            return match action {
                Action::ChooseCourse
                | Action::Agree
                | Action::Enroll
                | Action::Complete
                | Action::CancelItem => Effects::info(cx.t(Msg::NoItemSelected)),
                _ => Effects::none(),
            };
        };
        let note = format!("{name} · {}", self.item_title(&item, lang));
        let step = match action {
            Action::ChooseCourse => {
                if !matches!(item.status, ItemStatus::Proposed | ItemStatus::Agreed(_)) {
                    return Effects::info(cx.t(Msg::NotAWish));
                }
                if self.courses.is_empty() {
                    return Effects::info(cx.t(Msg::NoCourses));
                }
                let picker = Picker::new(Msg::PickCourse, self.course_options(false, lang));
                return Effects::push(
                    PickerLayer::<Tab>::new(picker, move |course, _, tab: &mut Tab, cx| {
                        tab.choose(item_id, course, cx)
                    })
                    .width(PICKER_WIDTH),
                );
            }
            Action::Agree => Step::Agree,
            Action::Enroll => Step::Enroll,
            Action::Complete => Step::Complete,
            Action::CancelItem => Step::Cancel,
            _ => return Effects::none(),
        };
        let mut form = forms::step_form(step, self.today);
        form.note = Some(note);
        step_layer(form, item_id, step)
    }

    /// The day of a proposal of `course` for `expert`, once the course is picked.
    fn propose_layer(&self, expert: u64, course: u64) -> Effects {
        let mut form = forms::propose_form(self.today);
        form.note = Some(format!(
            "{} · {}",
            self.name(expert),
            self.course(course).map_or("", |c| c.name.as_str())
        ));
        Effects::push(FormLayer::<Tab>::new(
            form,
            move |form, tab: &mut Tab, cx| match forms::date(form, "date") {
                Err(e) => invalid(form, e, cx.lang),
                Ok(day) => {
                    let done = tab.propose(expert, course, day, cx).map(Effects::info);
                    Submit::from_result(form, done, cx.lang)
                }
            },
        ))
    }

    fn propose(&self, expert: u64, course: u64, day: NaiveDate, cx: &Cx) -> Result<String> {
        cx.session
            .training()
            .propose(expert, Some(course), "", day)?;
        Ok(args::Proposed {
            course: &self.course_name(course),
            name: &self.name(expert),
        }
        .text(cx.lang))
    }

    /// The course picked for a plan item (a wish).
    fn choose(&self, item: u64, course: u64, cx: &Cx) -> Effects {
        match cx.session.training().choose_course(item, course) {
            Ok(_) => Effects::info(
                args::CourseChosen {
                    course: &self.course_name(course),
                }
                .text(cx.lang),
            ),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }

    /// A skill an expert holds from experience, since the day typed.
    fn submit_held(&self, form: &mut Form, expert: u64, cx: &Cx) -> Submit {
        let day = match forms::date(form, "acquired") {
            Err(e) => return invalid(form, e, cx.lang),
            Ok(day) => day,
        };
        let skill = form.value("skill").parse().unwrap_or(0);
        let done = cx
            .session
            .training()
            .add_held(expert, skill, day, Source::Experience)
            .map(|_| {
                Effects::info(
                    args::HeldAdded {
                        skill: &self.skill_name(skill),
                        name: &self.name(expert),
                    }
                    .text(cx.lang),
                )
            });
        Submit::from_result(form, done, cx.lang)
    }

    /// The day of a step typed: agreeing and enrolling are done at once; completing asks first,
    /// and cancelling (which cannot be taken back) asks for a typed word. The question's yes
    /// closes the form; core's field errors after it show under the fields of the form again.
    fn submit_step(&mut self, form: &mut Form, item: u64, step: Step, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let on = match forms::date(form, "on") {
            Err(e) => return invalid(form, e, lang),
            Ok(on) => on,
        };
        if matches!(step, Step::Agree | Step::Enroll) {
            return match self.step(item, step, on, lang, cx.session) {
                Ok(text) => Submit::Done(Effects::info(text)),
                Err(Refused::AboutItem(status)) => Submit::Done(Effects::status(status)),
                Err(Refused::Core(e)) => Submit::refused(form, &e, lang),
            };
        }
        let text = self.step_question(item, step, on, lang);
        let question = if step == Step::Cancel {
            Question::typed_word(&text, Msg::WordCancel, lang)
        } else {
            Question::yes_no(text)
        };
        let under = form.clone();
        Submit::Stay(Effects::push(ConfirmLayer::<Tab>::new(
            question,
            move |tab: &mut Tab, cx: &Cx| match tab.step(item, step, on, cx.lang, cx.session) {
                Ok(text) => Effects::info(text).and(Effect::CloseLayer),
                Err(Refused::AboutItem(status)) => Effects::status(status).and(Effect::CloseLayer),
                Err(Refused::Core(Error::Invalid(errors))) => {
                    // the form under the question, again with the errors under its fields
                    let mut form = under;
                    let rest = form.show_errors(&errors, cx.lang);
                    Effects::one(Effect::CloseLayer)
                        .then(step_layer(form, item, step))
                        .and_status(form_errors(rest, cx.lang))
                }
                Err(Refused::Core(e)) => Effects::error(&e, cx.lang),
            },
        )))
    }

    fn step_question(&self, item: u64, step: Step, on: NaiveDate, lang: Lang) -> String {
        let found = self
            .plan
            .as_ref()
            .and_then(|p| p.items.iter().find(|(x, _)| *x == item));
        let course = found.map_or(String::new(), |(_, i)| self.item_title(i, lang));
        let name = found.map_or(String::new(), |(_, i)| self.name(i.expert));
        let m = match step {
            Step::Complete => Msg::ConfirmComplete,
            _ => Msg::ConfirmCancelItem,
        };
        let date = format_date(on);
        match m {
            Msg::ConfirmComplete => args::ConfirmComplete {
                course: &course,
                name: &name,
                date: &date,
            }
            .text(lang),
            _ => args::ConfirmCancelItem {
                course: &course,
                name: &name,
                date: &date,
            }
            .text(lang),
        }
    }

    /// Moves a plan item on; what happened, in words.
    fn step(
        &self,
        item: u64,
        step: Step,
        on: NaiveDate,
        lang: Lang,
        s: &Session,
    ) -> std::result::Result<String, Refused> {
        let (after, added) = match s.training().advance(item, step, on) {
            Ok(done) => done,
            Err(Error::Invalid(errors)) => {
                let about_item = errors.iter().find_map(|e| match e.field {
                    "status" => Some(Msg::StepNotPossible),
                    "course" => Some(Msg::ChooseCourseFirst),
                    _ => None,
                });
                return Err(match about_item {
                    Some(m) => {
                        let state = self
                            .selected_item()
                            .map(|(_, i)| draw::status_text(&i.status, lang).0)
                            .unwrap_or_default();
                        Refused::AboutItem(Status {
                            text: match m {
                                Msg::StepNotPossible => {
                                    args::StepNotPossible { state: &state }.text(lang)
                                }
                                _ => m.text(lang).to_string(),
                            },
                            error: true,
                        })
                    }
                    None => Refused::Core(Error::Invalid(errors)),
                });
            }
            Err(e) => return Err(Refused::Core(e)),
        };
        let course = self.item_title(&after, lang);
        let date = format_date(on);
        Ok(match step {
            Step::Agree => args::ItemAgreedNow {
                course: &course,
                date: &date,
            }
            .text(lang),
            Step::Enroll => args::ItemEnrolledNow {
                course: &course,
                date: &date,
            }
            .text(lang),
            Step::Cancel => args::ItemCancelledNow { course: &course }.text(lang),
            Step::Complete => {
                let skills = after
                    .course
                    .and_then(|c| self.course(c))
                    .map(|c| self.skill_names(&c.skills))
                    .unwrap_or_default();
                args::ItemCompletedNow {
                    course: &course,
                    n: &added.len().to_string(),
                    skills: &skills,
                }
                .text(lang)
            }
        })
    }

    fn course_name(&self, id: u64) -> String {
        self.course(id).map_or(String::new(), |c| c.name.clone())
    }

    /// Saves the expert's plan for this half year as a PDF beside the store
    /// (`opleidingsplan-<nr>-<name>.pdf`), off the drawing thread; the result comes back as
    /// [`printed`].
    fn print(&self, expert: u64, name: &str, cx: &Cx) -> Effects {
        let path = plan_pdf_path(cx.out_dir, expert, name, cx.lang);
        let today = self.today;
        Effects::one(Effect::Spawn(Job {
            what: Msg::BusyPlanPdf,
            work: Box::new(move |s, lang| Box::new(save_plan_pdf(s, expert, today, &path, lang))),
        }))
    }

    /// The courses to pick from: with `suggested`, the selected expert's suggestion first,
    /// marked ★, with what each covers of the gap.
    fn course_options(&self, suggested: bool, lang: Lang) -> Vec<(u64, String)> {
        let first: Vec<u64> = if suggested {
            self.plan
                .as_ref()
                .map(|p| p.gap.suggestion.courses.clone())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let label = |c: &Course, star: bool| {
            format!(
                "{}{} · {} · {}: {}",
                if star { "★ " } else { "" },
                c.name,
                c.cost,
                Msg::Teaches.text(lang),
                self.skill_names(&c.skills)
            )
        };
        let mut out: Vec<(u64, String)> = first
            .iter()
            .filter_map(|id| self.course(*id).map(|c| (*id, label(c, true))))
            .collect();
        out.extend(
            self.courses
                .iter()
                .filter(|(id, _)| !first.contains(id))
                .map(|(id, c)| (*id, label(c, false))),
        );
        out
    }

    /// A key in the catalogue view.
    pub(super) fn catalogue_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let at = List::ALL.iter().position(|l| *l == self.list).unwrap_or(0);
        match action {
            Action::PrevList => {
                self.list = List::ALL[(at + 2) % 3];
                return Effects::none();
            }
            Action::NextList => {
                self.list = List::ALL[(at + 1) % 3];
                return Effects::none();
            }
            Action::New => return self.catalogue_form(self.list, None),
            _ => {}
        }
        let Some(sel) = self.lines[self.list.index()].selected() else {
            return Effects::none();
        };
        match action {
            Action::Edit => {
                let id = match self.list {
                    List::Skills => self.skills.get(sel).map(|(id, _)| *id),
                    List::Tasks => self.tasks.get(sel).map(|(id, _)| *id),
                    List::Courses => self.courses.get(sel).map(|(id, _)| *id),
                };
                match id {
                    Some(id) => self.catalogue_form(self.list, Some(id)),
                    None => Effects::none(),
                }
            }
            Action::Enter => {
                let (title, lines) = draw::catalogue_detail(self, self.list, sel, cx.lang);
                Effects::push(DetailLayer::new(cx.t(title), lines).width(DETAIL_WIDTH))
            }
            _ => Effects::none(),
        }
    }

    /// The form of a new catalogue entry (`id` none) or of the one to change.
    fn catalogue_form(&self, list: List, id: Option<u64>) -> Effects {
        match list {
            List::Skills => {
                let skill = id.and_then(|id| self.skill(id));
                catalogue_layer(
                    forms::skill_form(skill),
                    move |form, s| s.training().save_skill(id, &forms::skill_input(form)),
                    Msg::SkillSaved,
                )
            }
            List::Tasks => {
                let task = id.and_then(|id| self.tasks.iter().find(|(x, _)| *x == id));
                let names = task.map_or(String::new(), |(_, t)| self.skill_names(&t.skills));
                catalogue_layer(
                    forms::task_form(task.map(|(_, t)| t), &names),
                    move |form, s| s.training().save_task(id, &forms::task_input(form)),
                    Msg::TaskSaved,
                )
            }
            List::Courses => {
                let course = id.and_then(|id| self.course(id));
                let names = course.map_or(String::new(), |c| self.skill_names(&c.skills));
                catalogue_layer(
                    forms::course_form(course, &names),
                    move |form, s| s.training().save_course(id, &forms::course_input(form)),
                    Msg::CourseSaved,
                )
            }
        }
    }

    /// A key in the coverage view: the budget of the half year before or after.
    pub(super) fn coverage_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let half = match action {
            Action::PrevHalf => self.half.checked_sub_months(Months::new(6)),
            Action::NextHalf => self.half.checked_add_months(Months::new(6)),
            _ => return Effects::none(),
        };
        let Some(half) = half else {
            return Effects::none();
        };
        match cx.session.training().budget(half) {
            Ok(b) => {
                self.half = half;
                self.budget = b;
                Effects::none()
            }
            Err(e) => Effects::error(&e, cx.lang),
        }
    }
}

/// Makes the plan PDF and writes it (on the job's thread): what happened, for the status line.
fn save_plan_pdf(s: &Session, expert: u64, today: NaiveDate, path: &Path, lang: Lang) -> Status {
    let bytes = match s.training().plan_pdf_in(expert, today, lang) {
        Ok(bytes) => bytes,
        Err(e) => return crate::screens::error_status(&e, lang),
    };
    match write_atomically(path, &bytes) {
        Ok(()) => Status {
            text: args::PlanPdfSaved {
                path: &path.display().to_string(),
            }
            .text(lang),
            error: false,
        },
        Err(e) => Status {
            text: format!("{}: {e}", path.display()),
            error: true,
        },
    }
}

/// The result of the plan PDF's job: its status line (a job that failed: the action was not
/// carried out).
pub(super) fn printed(message: Box<dyn Any + Send>, cx: &Cx) -> Effects {
    match message.downcast::<Status>() {
        Ok(status) => Effects::status(*status),
        Err(_) => Effects::status(Status {
            text: cx.t(Msg::ErrStorage).to_string(),
            error: true,
        }),
    }
}
