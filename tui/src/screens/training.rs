//! The Training tab, for coordinators and administrators: per expert the gap between the skills
//! the tasks of their agreement need and the skills they hold, the courses that close it, and
//! the training plan (propose, agree, enroll, complete, cancel); the catalogues of skills, task
//! descriptions and courses; and the pool's coverage of the tasks with the half-year budget.
//!
//! Like the Volunteers tab it carries out its own actions: the app hands it each key's
//! [`Action`] with the session and gets back a [`Reply`]. Every rule is core's
//! (`session.training()`): the gap, the course choice, which step may follow which, what
//! completing adds, the budget. The tab turns what was typed into core's input and shows core's
//! answers, its field errors under the fields.

mod draw;
mod forms;

use super::clamp;
use super::{error_status, form_errors};
use crate::files::write_atomically;
use crate::i18n::{fill, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::screens::Status;
use crate::widgets::centered;
use crate::widgets::confirm::{Answer, Question};
use crate::widgets::form::{Form, Outcome as FormOutcome};
use crate::widgets::picker::{Picked, Picker};
use chrono::{Months, NaiveDate};
pub use forms::FormKind;
use kapstok_core::common::{fold, format_date, PersonName};
use kapstok_core::error::{Error, FieldError};
use kapstok_core::training::rules::half_year_of;
use kapstok_core::training::service::Coverage;
use kapstok_core::training::{
    Budget, Course, ExpertGap, Held, ItemStatus, PlanItem, Skill, Source, Step, Task,
};
use kapstok_core::{Result, Session};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, TableState, Wrap};
use ratatui::Frame;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The views of the tab, switched with `v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The experts, each with their gap and plan.
    Plans,
    /// Skills, task descriptions and courses.
    Catalogues,
    /// The coverage of the tasks and the half-year budget.
    Coverage,
}

/// The lists of the catalogue view, switched with `[`/`]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Skills.
    Skills,
    /// Task descriptions.
    Tasks,
    /// Courses.
    Courses,
}

impl List {
    const ALL: [List; 3] = [List::Skills, List::Tasks, List::Courses];

    fn index(self) -> usize {
        match self {
            List::Skills => 0,
            List::Tasks => 1,
            List::Courses => 2,
        }
    }
}

/// An expert (a member with at least one agreement) and the tasks of the agreement that counts.
#[derive(Debug, Clone)]
struct ExpertRow {
    number: u64,
    name: String,
    tasks: Option<Vec<String>>,
}

/// The selected expert's gap, skills held and plan items (this half year first).
#[derive(Debug, Clone)]
struct PlanData {
    number: u64,
    gap: ExpertGap,
    held: Vec<(u64, Held)>,
    items: Vec<(u64, PlanItem)>,
}

/// What the tab asks the app to do after an action.
pub type Reply = super::Reply<Popup>;

/// A core call to make once the user says yes (or at once, when there is nothing to ask).
#[derive(Debug, Clone)]
pub enum Pending {
    /// Propose a course for an expert in the half year of a day.
    Propose(u64, u64, NaiveDate),
    /// Choose the course of a plan item.
    Choose(u64, u64),
    /// Move a plan item on.
    Step(u64, Step, NaiveDate),
    /// An expert holds a skill from experience since a day.
    Held(u64, u64, NaiveDate),
}

/// What a course picked in the picker is for.
#[derive(Debug, Clone, Copy)]
pub enum PickFor {
    /// Proposing it for an expert.
    Propose(u64),
    /// The course of a plan item (a wish).
    Choose(u64),
}

/// A popup of the tab.
pub enum Popup {
    /// A form.
    Form(Box<Form>, FormKind),
    /// Choosing a course.
    Pick(Box<Picker>, PickFor),
    /// A yes/no question over the popup it came from (shown again on "no").
    Confirm {
        /// The question: yes/no, or typed for what cannot be taken back.
        question: Question,
        /// What "yes" does.
        pending: Pending,
        /// The form it came from.
        under: Option<Box<Popup>>,
    },
    /// A plan or catalogue entry in full, scrolled down this many lines.
    Detail(Msg, Vec<Line<'static>>, u16),
}

impl Popup {
    /// Where the keyboard is while the popup shows.
    pub fn mode(&self) -> Mode {
        match self {
            Popup::Form(..) => Mode::Form,
            Popup::Pick(..) => Mode::Filter,
            Popup::Confirm { question, .. } => question.mode(),
            Popup::Detail(..) => Mode::Help,
        }
    }

    /// Draws the popup over `body`.
    pub fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        match self {
            Popup::Form(form, _) => {
                let width = 78.min(body.width);
                form.render(frame, centered(body, width, form.height(width)), lang);
            }
            Popup::Pick(picker, _) => picker.render(
                frame,
                centered(body, 76, body.height.saturating_sub(2)),
                lang,
            ),
            Popup::Confirm {
                question, under, ..
            } => {
                if let Some(under) = under {
                    under.render(frame, body, lang);
                }
                question.render(frame, body, lang);
            }
            Popup::Detail(title, lines, scroll) => {
                let r = centered(body, 78, body.height.saturating_sub(2));
                frame.render_widget(Clear, r);
                let block = Block::bordered()
                    .title(format!(" {} ", title.text(lang)))
                    .title_bottom(format!(" {} ", Msg::HelpClose.text(lang)));
                frame.render_widget(
                    Paragraph::new(lines.clone())
                        .block(block)
                        .wrap(Wrap { trim: false })
                        .scroll((*scroll, 0)),
                    r,
                );
            }
        }
    }
}

/// The tab's state.
#[derive(Debug)]
pub struct TrainingTab {
    view: View,
    /// Where plan PDFs are saved: beside the store.
    out_dir: PathBuf,
    today: NaiveDate,
    names: BTreeMap<u64, PersonName>,
    experts: Vec<ExpertRow>,
    expert: TableState,
    plan: Option<PlanData>,
    /// The plan item selected (index into `plan.items`).
    item: usize,
    skills: Vec<(u64, Skill)>,
    tasks: Vec<(u64, Task)>,
    courses: Vec<(u64, Course)>,
    list: List,
    /// The line selected in each catalogue list.
    lines: [TableState; 3],
    coverage: Option<Coverage>,
    expiring_weeks: u32,
    /// The first day of the half year whose budget is shown.
    half: NaiveDate,
    budget: Budget,
    budget_set: bool,
}

impl TrainingTab {
    /// Shows a view (the Today tab opens the one where its line's work is done).
    pub fn show(&mut self, view: View) {
        self.view = view;
    }

    /// The tab on the plans view and the current half year. PDFs are saved in `out_dir`.
    pub fn new(session: &Session, out_dir: PathBuf) -> TrainingTab {
        let today = session.today();
        TrainingTab {
            view: View::Plans,
            out_dir,
            today,
            names: BTreeMap::new(),
            experts: Vec::new(),
            expert: TableState::default(),
            plan: None,
            item: 0,
            skills: Vec::new(),
            tasks: Vec::new(),
            courses: Vec::new(),
            list: List::Skills,
            lines: Default::default(),
            coverage: None,
            expiring_weeks: 6,
            half: half_year_of(today),
            budget: Budget::default(),
            budget_set: false,
        }
    }

    /// Where the keyboard is on this tab.
    pub fn mode(&self) -> Mode {
        match self.view {
            View::Plans => Mode::Plans,
            View::Catalogues => Mode::Catalogues,
            View::Coverage => Mode::Coverage,
        }
    }

    /// Reads the experts, the catalogues, the coverage and the budget again, keeping what was
    /// selected; then the selected expert's plan.
    pub fn load(&mut self, s: &Session) -> Result<()> {
        let tr = s.training();
        self.today = s.today();
        let keep = self.selected_expert().map(|e| e.number);
        let mut numbers: Vec<u64> = s
            .experts()
            .agreements()?
            .into_iter()
            .map(|(_, a)| a.expert)
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        // Only the experts' names: the whole register's took 15 MB at 100,000 members.
        self.names = s.members().names(&numbers)?.into_iter().collect();
        let mut current = tr.current_agreements()?;
        let mut rows = Vec::new();
        for number in numbers {
            let tasks = current.remove(&number).map(|(_, a)| a.tasks);
            rows.push(ExpertRow {
                number,
                name: self.name(number),
                tasks,
            });
        }
        rows.sort_by_cached_key(|r| {
            let key = self
                .names
                .get(&r.number)
                .map_or(String::new(), |n| fold(&n.sorted()));
            (key, r.number)
        });
        self.experts = rows;
        if let Some(n) = keep {
            if let Some(i) = self.experts.iter().position(|e| e.number == n) {
                self.expert.select(Some(i));
            }
        }
        clamp(&mut self.expert, self.experts.len());
        self.skills = tr.skills()?;
        self.tasks = tr.tasks()?;
        self.courses = tr.courses()?;
        let lens = [self.skills.len(), self.tasks.len(), self.courses.len()];
        for (state, len) in self.lines.iter_mut().zip(lens) {
            clamp(state, len);
        }
        self.coverage = Some(tr.coverage()?);
        let settings = tr.settings()?;
        self.expiring_weeks = settings.weeks();
        self.budget_set = settings.budget_per_half_year.is_some();
        self.budget = tr.budget(self.half)?;
        self.load_plan(s)
    }

    /// Reads the selected expert's gap, skills held and plan, keeping the plan item selected.
    fn load_plan(&mut self, s: &Session) -> Result<()> {
        let Some(number) = self.selected_expert().map(|e| e.number) else {
            self.plan = None;
            return Ok(());
        };
        let tr = s.training();
        let kept = self
            .plan
            .as_ref()
            .filter(|p| p.number == number)
            .and_then(|p| p.items.get(self.item))
            .map(|(id, _)| *id);
        let current = half_year_of(self.today);
        let mut items = tr.plan(number)?;
        // this half year first, then the others in order
        items.sort_by_key(|(id, i)| (i.half_year != current, i.half_year, *id));
        self.item = kept
            .and_then(|id| items.iter().position(|(x, _)| *x == id))
            .unwrap_or(0);
        self.plan = Some(PlanData {
            number,
            gap: tr.gap(number)?,
            held: tr.held(number)?,
            items,
        });
        Ok(())
    }

    /// A member's name; "#12" for a number no longer in the register.
    fn name(&self, number: u64) -> String {
        self.names
            .get(&number)
            .map_or_else(|| format!("#{number}"), PersonName::full)
    }

    fn selected_expert(&self) -> Option<&ExpertRow> {
        self.experts.get(self.expert.selected()?)
    }

    fn selected_item(&self) -> Option<&(u64, PlanItem)> {
        self.plan.as_ref()?.items.get(self.item)
    }

    fn skill_name(&self, id: u64) -> String {
        self.skills
            .iter()
            .find(|(x, _)| *x == id)
            .map_or_else(|| format!("#{id}"), |(_, s)| s.name.clone())
    }

    fn skill(&self, id: u64) -> Option<&Skill> {
        self.skills.iter().find(|(x, _)| *x == id).map(|(_, s)| s)
    }

    fn course(&self, id: u64) -> Option<&Course> {
        self.courses.iter().find(|(x, _)| *x == id).map(|(_, c)| c)
    }

    /// What a plan item is about: its course's name, else the wish.
    fn item_title(&self, item: &PlanItem, lang: Lang) -> String {
        match item.course.and_then(|c| self.course(c)) {
            Some(c) => c.name.clone(),
            None => fill(Msg::Wish, lang, &[("wish", &item.wish)]),
        }
    }

    fn skill_names(&self, ids: &[u64]) -> String {
        ids.iter()
            .map(|id| self.skill_name(*id))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn list_len(&self, list: List) -> usize {
        match list {
            List::Skills => self.skills.len(),
            List::Tasks => self.tasks.len(),
            List::Courses => self.courses.len(),
        }
    }

    fn move_by(&mut self, delta: i64, s: &Session) -> Result<()> {
        let (state, len) = match self.view {
            View::Plans => (&mut self.expert, self.experts.len()),
            View::Catalogues => {
                let len = self.list_len(self.list);
                (&mut self.lines[self.list.index()], len)
            }
            View::Coverage => return Ok(()),
        };
        if len == 0 {
            return Ok(());
        }
        let at = state.selected().unwrap_or(0) as i64;
        let to = at.saturating_add(delta).clamp(0, len as i64 - 1) as usize;
        state.select(Some(to));
        if self.view == View::Plans {
            self.load_plan(s)?;
        }
        Ok(())
    }

    /// Applies a key's action on the tab (not in a popup).
    pub fn handle(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        if let Some(step) = action.step() {
            return match self.move_by(step, s) {
                Ok(()) => Reply::default(),
                Err(e) => Reply::error(&e, lang),
            };
        }
        if action == Action::NextView {
            self.view = match self.view {
                View::Plans => View::Catalogues,
                View::Catalogues => View::Coverage,
                View::Coverage => View::Plans,
            };
            return Reply::default();
        }
        match self.view {
            View::Plans => self.plan_action(action, s, lang),
            View::Catalogues => self.catalogue_action(action, lang),
            View::Coverage => self.coverage_action(action, s, lang),
        }
    }

    fn plan_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        let Some((number, name)) = self.selected_expert().map(|e| (e.number, e.name.clone()))
        else {
            return match action {
                Action::Enter | Action::Propose | Action::AddHeld | Action::Print => {
                    Reply::info(Msg::NoExpertSelected.text(lang))
                }
                _ => Reply::default(),
            };
        };
        let len = self.plan.as_ref().map_or(0, |p| p.items.len());
        match action {
            Action::PrevItem => {
                self.item = self.item.saturating_sub(1);
                return Reply::default();
            }
            Action::NextItem => {
                self.item = (self.item + 1).min(len.saturating_sub(1));
                return Reply::default();
            }
            Action::Enter => {
                let lines = self
                    .plan
                    .as_ref()
                    .map(|p| draw::plan_lines(self, p, lang).0)
                    .unwrap_or_default();
                return Reply::show(Popup::Detail(Msg::DetailPlan, lines, 0));
            }
            Action::Propose => {
                if self.courses.is_empty() {
                    return Reply::info(Msg::NoCourses.text(lang));
                }
                let picker = Picker::new(Msg::PickCourse, self.course_options(true, lang));
                return Reply::show(Popup::Pick(Box::new(picker), PickFor::Propose(number)));
            }
            Action::Print => return self.print(number, &name, s, lang),
            Action::AddHeld => {
                if self.skills.is_empty() {
                    return Reply::info(Msg::NoSkills.text(lang));
                }
                let options = self
                    .skills
                    .iter()
                    .map(|(id, s)| (id.to_string(), s.name.clone()))
                    .collect();
                let mut form = forms::held_form(options, self.today);
                form.note = Some(name);
                return Reply::show(Popup::Form(Box::new(form), FormKind::Held(number)));
            }
            _ => {}
        }
        let Some((item_id, item)) = self.selected_item().cloned() else {
            return match action {
                Action::ChooseCourse
                | Action::Agree
                | Action::Enroll
                | Action::Complete
                | Action::CancelItem => Reply::info(Msg::NoItemSelected.text(lang)),
                _ => Reply::default(),
            };
        };
        let note = format!("{name} · {}", self.item_title(&item, lang));
        let step = match action {
            Action::ChooseCourse => {
                if !matches!(item.status, ItemStatus::Proposed | ItemStatus::Agreed(_)) {
                    return Reply::info(Msg::NotAWish.text(lang));
                }
                if self.courses.is_empty() {
                    return Reply::info(Msg::NoCourses.text(lang));
                }
                let picker = Picker::new(Msg::PickCourse, self.course_options(false, lang));
                return Reply::show(Popup::Pick(Box::new(picker), PickFor::Choose(item_id)));
            }
            Action::Agree => Step::Agree,
            Action::Enroll => Step::Enroll,
            Action::Complete => Step::Complete,
            Action::CancelItem => Step::Cancel,
            _ => return Reply::default(),
        };
        let mut form = forms::step_form(step, self.today);
        form.note = Some(note);
        Reply::show(Popup::Form(Box::new(form), FormKind::Step(item_id, step)))
    }

    /// Saves the expert's plan for this half year as a PDF beside the store:
    /// `opleidingsplan-<nr>-<name>.pdf`.
    fn print(&self, expert: u64, name: &str, s: &Session, lang: Lang) -> Reply {
        let bytes = match s.training().plan_pdf(expert, self.today) {
            Ok(bytes) => bytes,
            Err(e) => return Reply::error(&e, lang),
        };
        let path = plan_pdf_path(&self.out_dir, expert, name);
        match write_atomically(&path, &bytes) {
            Ok(()) => Reply::info(fill(
                Msg::PlanPdfSaved,
                lang,
                &[("path", &path.display().to_string())],
            )),
            Err(e) => Reply::default().with_status(Status {
                text: format!("{}: {e}", path.display()),
                error: true,
            }),
        }
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

    fn catalogue_action(&mut self, action: Action, lang: Lang) -> Reply {
        let at = List::ALL.iter().position(|l| *l == self.list).unwrap_or(0);
        match action {
            Action::PrevList => {
                self.list = List::ALL[(at + 2) % 3];
                return Reply::default();
            }
            Action::NextList => {
                self.list = List::ALL[(at + 1) % 3];
                return Reply::default();
            }
            Action::New => {
                let (form, kind) = match self.list {
                    List::Skills => (forms::skill_form(None), FormKind::Skill(None)),
                    List::Tasks => (forms::task_form(None, ""), FormKind::Task(None)),
                    List::Courses => (forms::course_form(None, ""), FormKind::Course(None)),
                };
                return Reply::show(Popup::Form(Box::new(form), kind));
            }
            _ => {}
        }
        let Some(sel) = self.lines[self.list.index()].selected() else {
            return Reply::default();
        };
        match (action, self.list) {
            (Action::Edit, List::Skills) => self
                .skills
                .get(sel)
                .map(|(id, skill)| (forms::skill_form(Some(skill)), FormKind::Skill(Some(*id)))),
            (Action::Edit, List::Tasks) => self.tasks.get(sel).map(|(id, t)| {
                let names = self.skill_names(&t.skills);
                (forms::task_form(Some(t), &names), FormKind::Task(Some(*id)))
            }),
            (Action::Edit, List::Courses) => self.courses.get(sel).map(|(id, c)| {
                let names = self.skill_names(&c.skills);
                (
                    forms::course_form(Some(c), &names),
                    FormKind::Course(Some(*id)),
                )
            }),
            (Action::Enter, list) => {
                let (title, lines) = draw::catalogue_detail(self, list, sel, lang);
                return Reply::show(Popup::Detail(title, lines, 0));
            }
            _ => None,
        }
        .map(|(form, kind)| Reply::show(Popup::Form(Box::new(form), kind)))
        .unwrap_or_default()
    }

    fn coverage_action(&mut self, action: Action, s: &Session, lang: Lang) -> Reply {
        let half = match action {
            Action::PrevHalf => self.half.checked_sub_months(Months::new(6)),
            Action::NextHalf => self.half.checked_add_months(Months::new(6)),
            _ => return Reply::default(),
        };
        let Some(half) = half else {
            return Reply::default();
        };
        match s.training().budget(half) {
            Ok(b) => {
                self.half = half;
                self.budget = b;
                Reply::default()
            }
            Err(e) => Reply::error(&e, lang),
        }
    }

    /// Applies a key's action to one of the tab's popups.
    pub fn handle_popup(&mut self, popup: Popup, action: Action, s: &Session, lang: Lang) -> Reply {
        match popup {
            Popup::Detail(title, lines, scroll) => {
                match super::detail_scroll(action, scroll, lines.len()) {
                    None => Reply::default(),
                    Some(scroll) => Reply::show(Popup::Detail(title, lines, scroll)),
                }
            }
            Popup::Confirm {
                question,
                pending,
                under,
            } => match question.answer(action) {
                Answer::Yes => self.run(pending, under.map(|u| *u), s, lang),
                Answer::No => super::declined(under, lang),
                Answer::Open(question) => Reply::show(Popup::Confirm {
                    question,
                    pending,
                    under,
                }),
            },
            Popup::Pick(mut picker, what) => match picker.handle(action) {
                Picked::Chosen(course) => match what {
                    PickFor::Propose(expert) => {
                        let mut form = forms::propose_form(self.today);
                        form.note = Some(format!(
                            "{} · {}",
                            self.name(expert),
                            self.course(course).map_or("", |c| c.name.as_str())
                        ));
                        Reply::show(Popup::Form(
                            Box::new(form),
                            FormKind::Propose(expert, course),
                        ))
                    }
                    PickFor::Choose(item) => self.run(Pending::Choose(item, course), None, s, lang),
                },
                Picked::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                Picked::None => Reply::show(Popup::Pick(picker, what)),
            },
            Popup::Form(form, kind) => {
                let mut form = form;
                match form.handle(action) {
                    FormOutcome::Cancel => Reply::info(Msg::Cancelled.text(lang)),
                    FormOutcome::Save => self.submit(form, kind, s, lang),
                    FormOutcome::Changed | FormOutcome::None => {
                        Reply::show(Popup::Form(form, kind))
                    }
                }
            }
        }
    }

    fn submit(&mut self, form: Box<Form>, kind: FormKind, s: &Session, lang: Lang) -> Reply {
        let invalid = |mut form: Box<Form>, e: FieldError| {
            let rest = form.show_errors(&[e], lang);
            Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
        };
        let tr = s.training();
        let saved = |form: Box<Form>, result: Result<u64>, m: Msg| match result {
            Ok(_) => Ok(fill(m, lang, &[("name", form.value("name").trim())])),
            Err(e) => Err((form, e)),
        };
        let result = match kind {
            FormKind::Skill(id) => saved(
                form.clone(),
                tr.save_skill(id, &forms::skill_input(&form)),
                Msg::SkillSaved,
            ),
            FormKind::Task(id) => saved(
                form.clone(),
                tr.save_task(id, &forms::task_input(&form)),
                Msg::TaskSaved,
            ),
            FormKind::Course(id) => saved(
                form.clone(),
                tr.save_course(id, &forms::course_input(&form)),
                Msg::CourseSaved,
            ),
            FormKind::Propose(expert, course) => {
                return match forms::date(&form, "date") {
                    Err(e) => invalid(form, e),
                    Ok(day) => self.run(
                        Pending::Propose(expert, course, day),
                        Some(Popup::Form(form, kind)),
                        s,
                        lang,
                    ),
                };
            }
            FormKind::Held(expert) => {
                return match forms::date(&form, "acquired") {
                    Err(e) => invalid(form, e),
                    Ok(day) => {
                        let skill = form.value("skill").parse().unwrap_or(0);
                        self.run(
                            Pending::Held(expert, skill, day),
                            Some(Popup::Form(form, kind)),
                            s,
                            lang,
                        )
                    }
                };
            }
            FormKind::Step(item, step) => {
                return match forms::date(&form, "on") {
                    Err(e) => invalid(form, e),
                    Ok(on) => match step {
                        Step::Complete | Step::Cancel => {
                            let text = self.step_question(item, step, on, lang);
                            // Cancelling a plan item cannot be taken back: typed.
                            let question = if step == Step::Cancel {
                                Question::typed_word(&text, Msg::WordCancel, lang)
                            } else {
                                Question::yes_no(text)
                            };
                            Reply::show(Popup::Confirm {
                                question,
                                pending: Pending::Step(item, step, on),
                                under: Some(Box::new(Popup::Form(form, kind))),
                            })
                        }
                        Step::Agree | Step::Enroll => self.run(
                            Pending::Step(item, step, on),
                            Some(Popup::Form(form, kind)),
                            s,
                            lang,
                        ),
                    },
                };
            }
        };
        match result {
            Ok(message) => self.after(message, s, lang),
            Err((mut form, Error::Invalid(errors))) => {
                let rest = form.show_errors(&errors, lang);
                Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
            }
            Err((form, e)) => {
                Reply::show(Popup::Form(form, kind)).with_status(error_status(&e, lang))
            }
        }
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
        fill(
            m,
            lang,
            &[
                ("course", &course),
                ("name", &name),
                ("date", &format_date(on)),
            ],
        )
    }

    /// Makes the core call; its field errors go back under the fields of the form it came
    /// from.
    fn run(&mut self, pending: Pending, under: Option<Popup>, s: &Session, lang: Lang) -> Reply {
        let result = self.execute(&pending, s, lang);
        // A step that does not follow the item's state, or needs a course first, is about the
        // item, not the date typed: said as a sentence, and the form closes.
        if let (Pending::Step(..), Err(Error::Invalid(errors))) = (&pending, &result) {
            let about_item = errors.iter().find_map(|e| match e.field {
                "status" => Some(Msg::StepNotPossible),
                "course" => Some(Msg::ChooseCourseFirst),
                _ => None,
            });
            if let Some(m) = about_item {
                let state = self
                    .selected_item()
                    .map(|(_, i)| draw::status_text(&i.status, lang).0)
                    .unwrap_or_default();
                return Reply::default().with_status(Status {
                    text: fill(m, lang, &[("state", &state)]),
                    error: true,
                });
            }
        }
        match result {
            Ok(message) => self.after(message, s, lang),
            Err(Error::Invalid(errors)) => match under {
                Some(Popup::Form(mut form, kind)) => {
                    let rest = form.show_errors(&errors, lang);
                    Reply::show(Popup::Form(form, kind)).with_status(form_errors(rest, lang))
                }
                Some(other) => {
                    Reply::show(other).with_status(error_status(&Error::Invalid(errors), lang))
                }
                None => Reply::error(&Error::Invalid(errors), lang),
            },
            Err(e) => match under {
                Some(under) => Reply::show(under).with_status(error_status(&e, lang)),
                None => Reply::error(&e, lang),
            },
        }
    }

    fn execute(&self, pending: &Pending, s: &Session, lang: Lang) -> Result<String> {
        let tr = s.training();
        let course_name = |id: u64| self.course(id).map_or(String::new(), |c| c.name.clone());
        match pending {
            Pending::Propose(expert, course, day) => {
                tr.propose(*expert, Some(*course), "", *day).map(|_| {
                    fill(
                        Msg::Proposed,
                        lang,
                        &[
                            ("course", &course_name(*course)),
                            ("name", &self.name(*expert)),
                        ],
                    )
                })
            }
            Pending::Choose(item, course) => tr.choose_course(*item, *course).map(|_| {
                fill(
                    Msg::CourseChosen,
                    lang,
                    &[("course", &course_name(*course))],
                )
            }),
            Pending::Held(expert, skill, day) => tr
                .add_held(*expert, *skill, *day, Source::Experience)
                .map(|_| {
                    fill(
                        Msg::HeldAdded,
                        lang,
                        &[
                            ("skill", &self.skill_name(*skill)),
                            ("name", &self.name(*expert)),
                        ],
                    )
                }),
            Pending::Step(item, step, on) => {
                let (after, added) = tr.advance(*item, *step, *on)?;
                let course = self.item_title(&after, lang);
                let date = format_date(*on);
                Ok(match step {
                    Step::Agree => fill(
                        Msg::ItemAgreedNow,
                        lang,
                        &[("course", &course), ("date", &date)],
                    ),
                    Step::Enroll => fill(
                        Msg::ItemEnrolledNow,
                        lang,
                        &[("course", &course), ("date", &date)],
                    ),
                    Step::Cancel => fill(Msg::ItemCancelledNow, lang, &[("course", &course)]),
                    Step::Complete => {
                        let skills = after
                            .course
                            .and_then(|c| self.course(c))
                            .map(|c| self.skill_names(&c.skills))
                            .unwrap_or_default();
                        fill(
                            Msg::ItemCompletedNow,
                            lang,
                            &[
                                ("course", &course),
                                ("n", &added.len().to_string()),
                                ("skills", &skills),
                            ],
                        )
                    }
                })
            }
        }
    }

    /// After a core call: read everything again, say what happened.
    fn after(&mut self, message: String, s: &Session, lang: Lang) -> Reply {
        if let Err(e) = self.load(s) {
            return Reply::error(&e, lang);
        }
        Reply::info(message)
    }
}

/// "2e halfjaar 2026" for the half year starting on `first`.
fn half_label(first: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let m = if first.month() <= 6 {
        Msg::HalfFirst
    } else {
        Msg::HalfSecond
    };
    fill(m, lang, &[("year", &first.year().to_string())])
}

/// `opleidingsplan-7-zoe-de-wit.pdf`: the member number and the name without accents or
/// spaces.
fn plan_pdf_path(dir: &Path, number: u64, name: &str) -> PathBuf {
    let mut slug = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    dir.join(format!("opleidingsplan-{number}-{slug}.pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_pdf_is_named_after_the_number_and_the_expert() {
        let p = plan_pdf_path(Path::new("/data"), 7, "Zoë de Wit");
        assert_eq!(p, Path::new("/data/opleidingsplan-7-zoe-de-wit.pdf"));
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(half_label(d(2026, 7, 1), Lang::Nl), "2e halfjaar 2026");
        assert_eq!(half_label(d(2027, 1, 1), Lang::En), "first half 2027");
    }
}

crate::screens::legacy::legacy_tab!(
    TrainingTab,
    Popup,
    Msg::TabTraining,
    &[
        kapstok_core::store::TreeId::Members,
        kapstok_core::store::TreeId::Settings,
        kapstok_core::store::TreeId::Agreements,
        kapstok_core::store::TreeId::Skills,
        kapstok_core::store::TreeId::Tasks,
        kapstok_core::store::TreeId::Courses,
        kapstok_core::store::TreeId::SkillsHeld,
        kapstok_core::store::TreeId::PlanItems,
    ],
    {
        crate::screen::Target::Plans => View::Plans,
        crate::screen::Target::Coverage => View::Coverage,
    }
);
