//! The Training tab, for coordinators and administrators: per expert the gap between the skills
//! the tasks of their agreement need and the skills they hold, the courses that close it, and
//! the training plan (propose, agree, enroll, complete, cancel); the catalogues of skills, task
//! descriptions and courses; and the pool's coverage of the tasks with the half-year budget.
//!
//! The tab is a [`Screen`]: a key's [`Action`] comes in, [`Effects`] go back to the shell. Its
//! forms, questions, course pickers and detail views are the generic layers
//! ([`crate::layers`]) with closures that call core on the tab (`actions.rs`). Every rule is
//! core's (`session.training()`): the gap, the course choice, which step may follow which, what
//! completing adds, the budget. The tab turns what was typed into core's input and shows core's
//! answers, its field errors under the fields. It does not read again after its own changes:
//! core's announcements bring them ([`Screen::changed`], which reads again keeping what was
//! selected).

mod actions;
mod draw;
mod forms;

use super::clamp;
use crate::i18n::{args, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::screen::{Cx, Effects, Screen, Shared, Target};
use chrono::NaiveDate;
use kapstok_core::common::{fold, PersonName};
use kapstok_core::store::TreeId;
use kapstok_core::training::rules::half_year_of;
use kapstok_core::training::service::Coverage;
use kapstok_core::training::{Budget, Course, ExpertGap, Held, PlanItem, Skill, Task};
use kapstok_core::{Result, Session};
use ratatui::layout::Rect;
use ratatui::widgets::TableState;
use ratatui::Frame;
use std::any::Any;
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

/// The tab's state.
#[derive(Debug)]
pub struct TrainingTab {
    view: View,
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

    /// The tab on the plans view and the current half year. Plan PDFs are saved in the shell's
    /// folder for files ([`Cx::out_dir`]).
    pub fn new(session: &Session) -> TrainingTab {
        let today = session.today();
        TrainingTab {
            view: View::Plans,
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

    /// Reads the experts, the catalogues, the coverage and the budget again, keeping what was
    /// selected; then the selected expert's plan.
    fn read(&mut self, s: &Session) -> Result<()> {
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
            None => args::Wish { wish: &item.wish }.text(lang),
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
}

impl Screen for TrainingTab {
    fn title(&self) -> Msg {
        Msg::TabTraining
    }

    fn depends_on(&self) -> &'static [TreeId] {
        // Members for the experts' names; Settings for the budget and the expiry warning.
        &[
            TreeId::Members,
            TreeId::Settings,
            TreeId::Agreements,
            TreeId::Skills,
            TreeId::Tasks,
            TreeId::Courses,
            TreeId::SkillsHeld,
            TreeId::PlanItems,
        ]
    }

    fn load(&mut self, cx: &Cx, _: &mut Shared) -> Result<()> {
        self.read(cx.session)
    }

    fn mode(&self) -> Mode {
        match self.view {
            View::Plans => Mode::Plans,
            View::Catalogues => Mode::Catalogues,
            View::Coverage => Mode::Coverage,
        }
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        if let Some(step) = action.step() {
            return match self.move_by(step, cx.session) {
                Ok(()) => Effects::none(),
                Err(e) => Effects::error(&e, cx.lang),
            };
        }
        if action == Action::NextView {
            self.view = match self.view {
                View::Plans => View::Catalogues,
                View::Catalogues => View::Coverage,
                View::Coverage => View::Plans,
            };
            return Effects::none();
        }
        match self.view {
            View::Plans => self.plan_action(action, cx),
            View::Catalogues => self.catalogue_action(action, cx),
            View::Coverage => self.coverage_action(action, cx),
        }
    }

    fn open(&mut self, target: Target, _: &Cx) -> Option<Effects> {
        let view = match target {
            Target::Plans => View::Plans,
            Target::Coverage => View::Coverage,
            _ => return None,
        };
        self.show(view);
        Some(Effects::none())
    }

    fn message(&mut self, message: Box<dyn Any + Send>, cx: &Cx) -> Effects {
        actions::printed(message, cx)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx) {
        self.draw(frame, area, cx.lang);
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
    let year = first.year();
    match m {
        Msg::HalfFirst => args::HalfFirst { year: &year }.text(lang),
        _ => args::HalfSecond { year: &year }.text(lang),
    }
}

/// `opleidingsplan-7-zoe-de-wit.pdf`: the member number and the name without accents or
/// spaces.
fn plan_pdf_path(dir: &Path, number: u64, name: &str, lang: Lang) -> PathBuf {
    let name = crate::files::slug(name);
    dir.join(
        args::FileTrainingPlan {
            number: &number,
            name: &name,
        }
        .text(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_pdf_is_named_after_the_number_and_the_expert() {
        let p = plan_pdf_path(Path::new("/data"), 7, "Zoë de Wit", Lang::Nl);
        assert_eq!(p, Path::new("/data/opleidingsplan-7-zoe-de-wit.pdf"));
        let p = plan_pdf_path(Path::new("/data"), 7, "Zoë de Wit", Lang::En);
        assert_eq!(p, Path::new("/data/training-plan-7-zoe-de-wit.pdf"));
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(half_label(d(2026, 7, 1), Lang::Nl), "2e halfjaar 2026");
        assert_eq!(half_label(d(2027, 1, 1), Lang::En), "first half 2027");
    }
}
