//! The start screen's lists (what needs doing today, per role) and the year's figures for the
//! annual report.
//!
//! - [`today`]: the Today lists (pure functions over the records).
//! - [`year`]: the year's figures, their CSV and PDF.

pub mod today;
pub mod year;

pub use today::{AdminToday, CoordinatorToday, VolunteerToday};
pub use year::{Records, YearFigures};

use crate::access::Session;
use crate::basemail::{Run, Stay};
use crate::common::IsoWeek;
use crate::error::{Error, Permission, Result};
use crate::experts::{Agreement, Review};
use crate::meetings::{rules::Standing, Meeting};
use crate::members::Member;
use crate::training::PlanItem;

/// Today's lists and the year's figures.
pub struct Report<'a> {
    s: &'a Session,
}

impl<'a> Report<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        Report { s }
    }

    fn all<R: crate::store::Record>(&self) -> Result<Vec<R>> {
        Ok(self
            .s
            .store()
            .scan::<R>()?
            .into_iter()
            .map(|(_, r)| r)
            .collect())
    }

    /// The year's figures up to today (administrators and coordinators: they are counts, no
    /// names).
    pub fn year(&self, year: i32) -> Result<YearFigures> {
        self.s.require(Permission::MembersRead)?;
        if !(2000..=2100).contains(&year) {
            return Err(Error::invalid(
                "year",
                crate::error::Reason::OutOfRange(2000, 2100),
            ));
        }
        let members: Vec<Member> = self.all()?;
        let meetings: Vec<Meeting> = self.all()?;
        let agreements: Vec<Agreement> = self.all()?;
        let reviews: Vec<Review> = self.all()?;
        let plan_items: Vec<PlanItem> = self.all()?;
        let runs: Vec<Run> = self.all()?;
        Ok(year::figures(
            year,
            self.s.today(),
            &Records {
                members: &members,
                meetings: &meetings,
                agreements: &agreements,
                reviews: &reviews,
                plan_items: &plan_items,
                runs: &runs,
            },
        ))
    }

    /// The year's figures as a PDF with tables and charts.
    pub fn year_pdf(&self, year: i32) -> Result<Vec<u8>> {
        self.year_pdf_in(year, kapstok_text::Lang::Nl)
    }

    /// [`Self::year_pdf`] in a language.
    pub fn year_pdf_in(&self, year: i32, lang: kapstok_text::Lang) -> Result<Vec<u8>> {
        let f = self.year(year)?;
        let name = crate::settings::load(self.s.store())?.office_name;
        year::pdf_in(&f, &name, lang).map_err(Error::from)
    }

    /// The administrator's Today list. The register is read in batches for its two counts and
    /// this week's birthdays come through the birthday index, so the whole register is never
    /// held (100,000 members: about 50 MB that a full read holds for the moment).
    pub fn admin_today(&self) -> Result<AdminToday> {
        self.s.require(Permission::MeetingsManage)?;
        let (mut out_of_sight, mut retention_due) = (0, 0);
        let retention = self.s.privacy().retention_rule()?;
        self.s
            .store()
            .scan_batches::<Member>(crate::members::READ_BATCH, |batch| {
                let members: Vec<Member> = batch.into_iter().map(|(_, m)| m).collect();
                out_of_sight += self.s.members().out_of_sight_in(&members)?.len();
                retention_due += retention.due(&members).len();
                Ok(())
            })?;
        let week = IsoWeek::of(self.s.today());
        let born = crate::members::birthdays::members_with_birthday_in(self.s.store(), week)?;
        self.admin_today_of(out_of_sight, today::birthdays(&born, week), retention_due)
    }

    /// [`Report::admin_today`] over a register the caller has already read (with
    /// [`crate::members::Members::list`]): the register is read and held once, not once for each
    /// count.
    pub fn admin_today_in(&self, members: &[Member]) -> Result<AdminToday> {
        self.s.require(Permission::MeetingsManage)?;
        self.admin_today_of(
            self.s.members().out_of_sight_in(members)?.len(),
            today::birthdays(members, IsoWeek::of(self.s.today())),
            self.s.privacy().retention_in(members)?.len(),
        )
    }

    /// The Today list with the register's parts already counted.
    fn admin_today_of(
        &self,
        out_of_sight: usize,
        birthdays: Vec<(u64, String, chrono::NaiveDate)>,
        retention_due: usize,
    ) -> Result<AdminToday> {
        let mt = self.s.meetings();
        let next_meeting = match mt.next()? {
            Some((id, m)) => {
                let d = mt.deadlines(id)?;
                Some((id, m, d))
            }
            None => None,
        };
        let reminders = mt
            .reminders()?
            .into_iter()
            .filter(|r| !matches!(r.standing, Standing::Done(_)))
            .collect();
        let stays: Vec<Stay> = self.all()?;
        let day = self.s.today();
        let convocation_overdue = next_meeting
            .as_ref()
            .is_some_and(|(_, m, d)| today::convocation_overdue(m, d, day));
        Ok(AdminToday {
            settings_reset: self.s.settings_reset()?,
            next_meeting,
            convocation_overdue,
            reminders,
            out_of_sight,
            birthdays,
            returned_to_check: today::returned_to_check(&stays),
            retention_due,
        })
    }

    /// The coordinator's Today list.
    pub fn coordinator_today(&self) -> Result<CoordinatorToday> {
        self.s.require(Permission::ExpertsManage)?;
        let ex = self.s.experts();
        let tr = self.s.training();
        let day = self.s.today();
        let week = IsoWeek::of(day);
        let due = ex.due()?;
        let (unsigned, ending) =
            today::agreement_counts(&ex.agreements()?, day, ex.settings()?.due_weeks);
        let items: Vec<PlanItem> = self.all()?;
        Ok(CoordinatorToday {
            reviews_to_plan: due.iter().filter(|d| d.planned.is_none()).count(),
            reviews_this_week: today::reviews_in(&ex.reviews()?, week),
            agreements_ending: ending,
            unsigned,
            plan_items_due: today::plan_items_due(
                &items,
                crate::training::rules::half_year_of(day),
            ),
            skills_expiring: tr.coverage()?.expiring.len(),
            budget: tr.budget(day)?,
        })
    }

    /// The volunteer's Today list: this week's run.
    pub fn volunteer_today(&self) -> Result<VolunteerToday> {
        self.s.require(Permission::BaseMailRun)?;
        let week = IsoWeek::of(self.s.today());
        let run = self.s.basemail().run(week)?;
        Ok(today::run_today(week, run.as_ref()))
    }
}
