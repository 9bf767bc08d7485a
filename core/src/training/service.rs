//! Training operations, through a session (coordinators and administrators).

use super::model::{Course, Held, ItemStatus, PlanItem, Skill, Source, Task};
use super::rules::{self, Budget, Gap, Suggestion};
use crate::access::Session;
use crate::common::check::Check;
use crate::common::{fold, Cents};
use crate::error::{Error, FieldError, Permission, Reason, Result};
use crate::experts::{Agreement, AgreementState};
use crate::members::Member;
use crate::store::{abort, Record, TreeId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Settings for training.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSettings {
    /// Skills expiring within this many weeks are flagged (0: the default of 6).
    pub expiring_weeks: u32,
    /// The training budget per half year (`None`: no budget set, no warning).
    pub budget_per_half_year: Option<Cents>,
}

impl TrainingSettings {
    /// The warning period in weeks.
    pub fn weeks(&self) -> u32 {
        if self.expiring_weeks == 0 {
            6
        } else {
            self.expiring_weeks
        }
    }
}

/// The stored versions of the training settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum TrainingSettingsRecord {
    /// The first version.
    V1(TrainingSettings),
}

impl Record for TrainingSettings {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "training settings";
    type Stored = TrainingSettingsRecord;
    fn to_stored(&self) -> TrainingSettingsRecord {
        TrainingSettingsRecord::V1(*self)
    }
    fn from_stored(stored: TrainingSettingsRecord) -> Self {
        match stored {
            TrainingSettingsRecord::V1(s) => s,
        }
    }
}

/// A skill as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkillInput {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Validity in months; empty when it does not expire.
    pub validity_months: String,
}

/// A task description as typed; skills by name, separated by `;`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskInput {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Skill names, `;`-separated.
    pub skills: String,
}

/// A course as typed; skills by name, separated by `;`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseInput {
    /// Name.
    pub name: String,
    /// Provider.
    pub provider: String,
    /// Skill names, `;`-separated.
    pub skills: String,
    /// Duration in hours.
    pub hours: String,
    /// Cost (`95,00`).
    pub cost: String,
    /// Place, empty for online.
    pub place: String,
}

/// A step in a plan item's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Agreed with the expert.
    Agree,
    /// Enrolled.
    Enroll,
    /// Completed: the course's skills are added.
    Complete,
    /// Cancelled.
    Cancel,
}

/// An expert's gap with the courses that would close it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertGap {
    /// The agreement whose tasks count (the running one, else the next signed one).
    pub agreement: Option<u64>,
    /// Missing and expiring skills.
    pub gap: Gap,
    /// Courses that would close it, and skills no course teaches.
    pub suggestion: Suggestion,
}

/// The pool's coverage of the tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Each task with the number of experts (with a running agreement) who hold all its skills.
    pub tasks: Vec<(u64, Task, usize)>,
    /// Skills of those experts that expire within the warning period: expert, skill, day.
    pub expiring: Vec<(u64, u64, NaiveDate)>,
}

/// Training.
pub struct Training<'a> {
    s: &'a Session,
}

fn not_found(kind: &'static str, id: u64) -> Error {
    Error::NotFound { kind, id }
}

impl<'a> Training<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        Training { s }
    }

    /// The training settings.
    pub fn settings(&self) -> Result<TrainingSettings> {
        Ok(self
            .s
            .store()
            .setting::<TrainingSettings>()?
            .unwrap_or_default())
    }

    /// Changes the training settings (administrators).
    pub fn set_settings(&self, settings: TrainingSettings) -> Result<()> {
        self.s.require(Permission::SettingsWrite)?;
        if settings.expiring_weeks > 104 {
            return Err(Error::invalid("expiring_weeks", Reason::OutOfRange(1, 104)));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.put_setting(&settings)?;
            self.s.audit(tx, now, "settings.training", "settings", "")
        })
    }

    fn sorted<R: Record>(&self, name: impl Fn(&R) -> &str) -> Result<Vec<(u64, R)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut all = self.s.store().scan::<R>()?;
        all.sort_by_cached_key(|(_, r)| fold(name(r)));
        Ok(all)
    }

    /// Skills, by name.
    pub fn skills(&self) -> Result<Vec<(u64, Skill)>> {
        self.sorted(|s: &Skill| &s.name)
    }

    /// Task descriptions, by name.
    pub fn tasks(&self) -> Result<Vec<(u64, Task)>> {
        self.sorted(|t: &Task| &t.name)
    }

    /// Courses, by name.
    pub fn courses(&self) -> Result<Vec<(u64, Course)>> {
        self.sorted(|c: &Course| &c.name)
    }

    fn skill_ids(&self, c: &mut Check, names: &str) -> Result<Vec<u64>> {
        let skills = self.s.store().scan::<Skill>()?;
        let mut ids = Vec::new();
        for name in names
            .split([';', '\n'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match skills.iter().find(|(_, s)| fold(&s.name) == fold(name)) {
                Some((id, _)) if !ids.contains(id) => ids.push(*id),
                Some(_) => {}
                None => c.fail("skills", Reason::UnknownName(name.to_string())),
            }
        }
        Ok(ids)
    }

    fn unique<R: Record>(
        &self,
        c: &mut Check,
        own: Option<u64>,
        name: &str,
        name_of: impl Fn(&R) -> &str,
    ) -> Result<()> {
        let taken = self
            .s
            .store()
            .scan::<R>()?
            .iter()
            .any(|(id, r)| Some(*id) != own && fold(name_of(r)) == fold(name));
        if taken {
            c.fail("name", Reason::Taken);
        }
        Ok(())
    }

    fn save<R: Record>(
        &self,
        id: Option<u64>,
        record: &R,
        seq: crate::store::Counter,
        action: &str,
    ) -> Result<u64> {
        self.s.require(Permission::ExpertsManage)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = match id {
                Some(id) if tx.get::<R>(id)?.is_some() => id,
                Some(id) => return abort(not_found(R::KIND, id)),
                None => tx.next_seq(seq)?,
            };
            tx.put(id, record)?;
            self.s
                .audit(tx, now, action, &format!("{}/{id}", seq.name()), "")?;
            Ok(id)
        })
    }

    /// Adds (`id` None) or changes a skill.
    pub fn save_skill(&self, id: Option<u64>, input: &SkillInput) -> Result<u64> {
        self.s.require(Permission::ExpertsManage)?;
        let mut c = Check::default();
        let name = c.text("name", &input.name, true);
        self.unique::<Skill>(&mut c, id, &name, |s| &s.name)?;
        let validity = match input.validity_months.trim() {
            "" => None,
            t => match t.parse::<u32>() {
                Ok(m) if (1..=240).contains(&m) => Some(m),
                _ => {
                    c.fail("validity_months", Reason::OutOfRange(1, 240));
                    None
                }
            },
        };
        c.lines("description", &input.description);
        let skill = Skill {
            name,
            description: input.description.trim().to_string(),
            validity_months: validity,
        };
        let skill = c.finish(skill).map_err(Error::Invalid)?;
        self.save(id, &skill, crate::store::Counter::Skill, "skill.save")
    }

    /// Adds or changes a task description.
    pub fn save_task(&self, id: Option<u64>, input: &TaskInput) -> Result<u64> {
        self.s.require(Permission::ExpertsManage)?;
        let mut c = Check::default();
        let name = c.text("name", &input.name, true);
        self.unique::<Task>(&mut c, id, &name, |t| &t.name)?;
        let skills = self.skill_ids(&mut c, &input.skills)?;
        c.lines("description", &input.description);
        let task = Task {
            name,
            description: input.description.trim().to_string(),
            skills,
        };
        let task = c.finish(task).map_err(Error::Invalid)?;
        self.save(id, &task, crate::store::Counter::Task, "task.save")
    }

    /// Adds or changes a course.
    pub fn save_course(&self, id: Option<u64>, input: &CourseInput) -> Result<u64> {
        self.s.require(Permission::ExpertsManage)?;
        let mut c = Check::default();
        let name = c.text("name", &input.name, true);
        self.unique::<Course>(&mut c, id, &name, |c| &c.name)?;
        let provider = c.text("provider", &input.provider, false);
        let skills = self.skill_ids(&mut c, &input.skills)?;
        if skills.is_empty() && c.errors.iter().all(|e| e.field != "skills") {
            c.fail("skills", Reason::Required);
        }
        let hours = match input.hours.trim().parse::<u32>() {
            Ok(h) if h <= 1000 => h,
            _ => {
                c.fail("hours", Reason::BadNumber);
                0
            }
        };
        let cost = match input.cost.trim() {
            "" => Cents(0),
            t => Cents::parse(t).unwrap_or_else(|| {
                c.fail("cost", Reason::NotANumber);
                Cents(0)
            }),
        };
        let place = c.text("place", &input.place, false);
        let course = Course {
            name,
            provider,
            skills,
            hours,
            cost,
            place,
        };
        let course = c.finish(course).map_err(Error::Invalid)?;
        self.save(id, &course, crate::store::Counter::Course, "course.save")
    }

    /// The skills an expert holds, newest first.
    pub fn held(&self, expert: u64) -> Result<Vec<(u64, Held)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut all: Vec<(u64, Held)> = self
            .s
            .store()
            .scan::<Held>()?
            .into_iter()
            .filter(|(_, h)| h.expert == expert)
            .collect();
        all.sort_by_key(|(id, h)| (std::cmp::Reverse(h.acquired), *id));
        Ok(all)
    }

    /// Records a skill an expert acquired (from experience, or a course outside the plan).
    pub fn add_held(
        &self,
        expert: u64,
        skill: u64,
        acquired: NaiveDate,
        source: Source,
    ) -> Result<u64> {
        self.s.require(Permission::ExpertsManage)?;
        let mut errors = Vec::new();
        if self.s.store().get::<Member>(expert)?.is_none() {
            errors.push(FieldError::new("expert", Reason::DoesNotExist(expert)));
        }
        if self.s.store().get::<Skill>(skill)?.is_none() {
            errors.push(FieldError::new("skill", Reason::DoesNotExist(skill)));
        }
        if acquired > self.s.today() {
            errors.push(FieldError::new("acquired", Reason::InFuture));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let held = Held {
            expert,
            skill,
            acquired,
            source,
        };
        self.save(None, &held, crate::store::Counter::Held, "skill.held")
    }

    /// The agreement whose tasks count for an expert today: the running one, else the next
    /// signed one.
    pub fn current_agreement(&self, expert: u64) -> Result<Option<(u64, Agreement)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mine: Vec<(u64, Agreement)> = self
            .s
            .store()
            .scan::<Agreement>()?
            .into_iter()
            .filter(|(_, a)| a.expert == expert)
            .collect();
        Ok(current_of(&mine, self.s.today()))
    }

    /// [`Training::current_agreement`] of every expert that has one, from one read of the
    /// agreements.
    pub fn current_agreements(&self) -> Result<HashMap<u64, (u64, Agreement)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut by_expert: HashMap<u64, Vec<(u64, Agreement)>> = HashMap::new();
        for (id, a) in self.s.store().scan::<Agreement>()? {
            by_expert.entry(a.expert).or_default().push((id, a));
        }
        let today = self.s.today();
        Ok(by_expert
            .into_iter()
            .filter_map(|(expert, mine)| Some((expert, current_of(&mine, today)?)))
            .collect())
    }

    /// An expert's gap: the skills the tasks of their current agreement need that they do not
    /// hold validly, and those expiring soon; with the courses that would close it.
    pub fn gap(&self, expert: u64) -> Result<ExpertGap> {
        let agreement = self.current_agreement(expert)?;
        let tasks = self.s.store().scan::<Task>()?;
        let needed = agreement
            .as_ref()
            .map(|(_, a)| rules::needed(&a.tasks, &tasks))
            .unwrap_or_default();
        let skills: HashMap<u64, Skill> = self.s.store().scan::<Skill>()?.into_iter().collect();
        let held = self.held(expert)?;
        let refs: Vec<&Held> = held.iter().map(|(_, h)| h).collect();
        let gap = rules::gap(
            &needed,
            &refs,
            &skills,
            self.s.today(),
            self.settings()?.weeks(),
        );
        let courses = self.s.store().scan::<Course>()?;
        let suggestion = rules::suggest(&gap.to_cover(), &courses);
        Ok(ExpertGap {
            agreement: agreement.map(|(id, _)| id),
            gap,
            suggestion,
        })
    }

    /// An expert's plan items, by half year.
    pub fn plan(&self, expert: u64) -> Result<Vec<(u64, PlanItem)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut all: Vec<(u64, PlanItem)> = self
            .s
            .store()
            .scan::<PlanItem>()?
            .into_iter()
            .filter(|(_, i)| i.expert == expert)
            .collect();
        all.sort_by_key(|(id, i)| (i.half_year, *id));
        Ok(all)
    }

    /// Proposes a course (or a wish without a course yet) for an expert's half year.
    pub fn propose(
        &self,
        expert: u64,
        course: Option<u64>,
        wish: &str,
        day: NaiveDate,
    ) -> Result<u64> {
        self.s.require(Permission::ExpertsManage)?;
        let mut errors = Vec::new();
        if self.s.store().get::<Member>(expert)?.is_none() {
            errors.push(FieldError::new("expert", Reason::DoesNotExist(expert)));
        }
        errors.extend(crate::common::plain_text("wish", wish.trim(), true).err());
        let cost = match course {
            Some(id) => match self.s.store().get::<Course>(id)? {
                Some(c) => c.cost,
                None => {
                    errors.push(FieldError::new("course", Reason::DoesNotExist(id)));
                    Cents(0)
                }
            },
            None if wish.trim().is_empty() => {
                errors.push(FieldError::new("course", Reason::Required));
                Cents(0)
            }
            None => Cents(0),
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let item = PlanItem {
            expert,
            course,
            wish: wish.trim().to_string(),
            half_year: rules::half_year_of(day),
            cost,
            status: ItemStatus::Proposed,
            from_review: None,
        };
        self.save(None, &item, crate::store::Counter::Plan, "plan.propose")
    }

    /// Chooses the course of a proposed item (a wish becomes a course); its cost follows.
    pub fn choose_course(&self, item: u64, course: u64) -> Result<PlanItem> {
        self.s.require(Permission::ExpertsManage)?;
        let c = self
            .s
            .store()
            .get::<Course>(course)?
            .ok_or(Error::invalid("course", Reason::DoesNotExist(course)))?;
        self.change_item(item, "plan.course", |i| {
            if i.status != ItemStatus::Proposed && !matches!(i.status, ItemStatus::Agreed(_)) {
                return Err(FieldError::new("status", Reason::Closed));
            }
            i.course = Some(course);
            i.cost = c.cost;
            Ok(())
        })
        .map(|(i, _)| i)
    }

    fn change_item(
        &self,
        id: u64,
        action: &str,
        f: impl Fn(&mut PlanItem) -> std::result::Result<(), FieldError>,
    ) -> Result<(PlanItem, Vec<u64>)> {
        self.s.require(Permission::ExpertsManage)?;
        let now = self.s.now();
        let courses: HashMap<u64, Course> = self.s.store().scan::<Course>()?.into_iter().collect();
        self.s.store().transact(|tx| {
            let Some(mut item) = tx.get::<PlanItem>(id)? else {
                return abort(not_found(PlanItem::KIND, id));
            };
            if let Err(e) = f(&mut item) {
                return abort(Error::Invalid(vec![e]));
            }
            tx.put(id, &item)?;
            let mut added = Vec::new();
            if let (ItemStatus::Completed(on), Some(course)) = (&item.status, item.course) {
                for skill in courses
                    .get(&course)
                    .map(|c| c.skills.clone())
                    .unwrap_or_default()
                {
                    let hid = tx.next_seq(crate::store::Counter::Held)?;
                    tx.put(
                        hid,
                        &Held {
                            expert: item.expert,
                            skill,
                            acquired: *on,
                            source: Source::Course(course),
                        },
                    )?;
                    added.push(hid);
                }
            }
            self.s
                .audit(tx, now, action, &format!("plan/{id}"), item.status.name())?;
            Ok((item, added))
        })
    }

    /// Moves a plan item on: proposed -> agreed -> enrolled -> completed (which adds the course's
    /// skills to the expert), or cancelled from any step before completion. Returns the item and
    /// the ids of the skills added.
    pub fn advance(&self, item: u64, step: Step, on: NaiveDate) -> Result<(PlanItem, Vec<u64>)> {
        let today = self.s.today();
        self.change_item(item, "plan.step", |i| {
            if on > today {
                return Err(FieldError::new("on", Reason::InFuture));
            }
            let next = match (step, &i.status) {
                (Step::Agree, ItemStatus::Proposed) => ItemStatus::Agreed(on),
                (Step::Enroll, ItemStatus::Agreed(_)) => ItemStatus::Enrolled(on),
                (Step::Complete, ItemStatus::Enrolled(_)) => ItemStatus::Completed(on),
                (
                    Step::Cancel,
                    ItemStatus::Proposed | ItemStatus::Agreed(_) | ItemStatus::Enrolled(_),
                ) => ItemStatus::Cancelled(on),
                _ => return Err(FieldError::new("status", Reason::Closed)),
            };
            if matches!(step, Step::Agree | Step::Enroll | Step::Complete) && i.course.is_none() {
                return Err(FieldError::new("course", Reason::Required));
            }
            i.status = next;
            Ok(())
        })
    }

    /// An expert's training plan for the half year of `day` as a PDF in Dutch, to discuss with
    /// them: tasks, skills held, the gap, suggested courses, the plan items.
    pub fn plan_pdf(&self, expert: u64, day: NaiveDate) -> Result<Vec<u8>> {
        self.plan_pdf_in(expert, day, kapstok_text::Lang::Nl)
    }

    /// An expert's training plan (see [`Self::plan_pdf`]) in a language.
    pub fn plan_pdf_in(
        &self,
        expert: u64,
        day: NaiveDate,
        lang: kapstok_text::Lang,
    ) -> Result<Vec<u8>> {
        let member = self
            .s
            .store()
            .get::<Member>(expert)?
            .ok_or(not_found(Member::KIND, expert))?;
        let gap = self.gap(expert)?;
        let agreement = self.current_agreement(expert)?;
        let half_year = rules::half_year_of(day);
        let items: Vec<(u64, PlanItem)> = self
            .plan(expert)?
            .into_iter()
            .filter(|(_, i)| i.half_year == half_year)
            .collect();
        let skills: HashMap<u64, Skill> = self.s.store().scan::<Skill>()?.into_iter().collect();
        let courses: HashMap<u64, Course> = self.s.store().scan::<Course>()?.into_iter().collect();
        let held = self.held(expert)?;
        let sheet = super::pdf::PlanSheet {
            expert: &member,
            agreement: agreement.as_ref().map(|(_, a)| a),
            half_year,
            skills: &skills,
            courses: &courses,
            held: &held,
            gap: &gap.gap,
            suggestion: &gap.suggestion,
            items: &items,
        };
        super::pdf::render_in(&sheet, lang).map_err(Error::from)
    }

    /// A half year's training costs against the budget (every expert together).
    pub fn budget(&self, day: NaiveDate) -> Result<Budget> {
        self.s.require(Permission::ExpertsManage)?;
        let items = self.s.store().scan::<PlanItem>()?;
        let budget = self.settings()?.budget_per_half_year;
        let b = rules::budget(
            items.iter().map(|(_, i)| i),
            rules::half_year_of(day),
            budget.unwrap_or(Cents(0)),
        );
        Ok(Budget {
            set: budget.is_some(),
            ..b
        })
    }

    /// For each task, how many experts with a running agreement hold all its skills; and every
    /// skill held by such an expert that expires within the warning period (expert, skill, day).
    pub fn coverage(&self) -> Result<Coverage> {
        self.s.require(Permission::ExpertsManage)?;
        let today = self.s.today();
        let experts: BTreeSet<u64> = self
            .s
            .store()
            .scan::<Agreement>()?
            .into_iter()
            .filter(|(_, a)| a.state(today) == AgreementState::Active)
            .map(|(_, a)| a.expert)
            .collect();
        let tasks = self.tasks()?;
        let held = self.s.store().scan::<Held>()?;
        let skills: HashMap<u64, Skill> = self.s.store().scan::<Skill>()?.into_iter().collect();
        let counts = rules::coverage(&tasks, &experts, &held, &skills, today);
        let horizon = today + chrono::Days::new(u64::from(self.settings()?.weeks()) * 7);
        let mut expiring: Vec<(u64, u64, NaiveDate)> = held
            .iter()
            .filter(|(_, h)| experts.contains(&h.expert))
            .filter_map(|(_, h)| {
                let skill = skills.get(&h.skill)?;
                let e = rules::expires_on(h, skill)?;
                (rules::valid_on(h, skill, today) && e <= horizon).then_some((h.expert, h.skill, e))
            })
            .filter(|(expert, skill, e)| {
                // a renewal acquired later supersedes it
                !held.iter().any(|(_, o)| {
                    o.expert == *expert
                        && o.skill == *skill
                        && skills
                            .get(skill)
                            .is_some_and(|s| rules::expires_on(o, s).is_some_and(|oe| oe > *e))
                })
            })
            .collect();
        expiring.sort_by_key(|(x, s, e)| (*e, *x, *s));
        let rows = tasks.into_iter().map(|(id, t)| {
            let n = counts.get(&id).copied().unwrap_or(0);
            (id, t, n)
        });
        Ok(Coverage {
            tasks: rows.collect(),
            expiring,
        })
    }
}

/// The agreement whose tasks count on `today` among one expert's: the running one, else the next
/// signed one.
fn current_of(mine: &[(u64, Agreement)], today: NaiveDate) -> Option<(u64, Agreement)> {
    let pick = |state: AgreementState| {
        mine.iter()
            .filter(|(_, a)| a.state(today) == state)
            .min_by_key(|(_, a)| a.start)
            .cloned()
    };
    pick(AgreementState::Active).or_else(|| pick(AgreementState::Signed))
}
