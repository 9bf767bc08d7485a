//! Operations on experts' agreements and reviews, through a session (coordinators and
//! administrators).

use super::model::{
    Agreement, AgreementState, Allowance, AllowanceLimits, Conversation, Outcome, PeriodKind,
    Review, ReviewStatus, Slot,
};
use super::rules::{self, AllowanceWarning, OfficeHours, SlotProblem};
use crate::access::{Role, Session, User};
use crate::common::check::Check;
use crate::common::{format_date, Cents};
use crate::error::{Error, FieldError, Permission, Reason, Result};
use crate::members::Member;
use crate::store::{abort, Record, TreeId};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Settings for reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertSettings {
    /// Agreements ending within this many weeks are due for a review.
    pub due_weeks: u32,
    /// When reviews can be held.
    pub hours: OfficeHours,
}

impl Default for ExpertSettings {
    fn default() -> Self {
        ExpertSettings {
            due_weeks: 6,
            hours: OfficeHours::default(),
        }
    }
}

/// The stored versions of the review settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ExpertSettingsRecord {
    /// The first version.
    V1(ExpertSettings),
}

impl Record for ExpertSettings {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "review settings";
    type Stored = ExpertSettingsRecord;
    fn to_stored(&self) -> ExpertSettingsRecord {
        ExpertSettingsRecord::V1(*self)
    }
    fn from_stored(stored: ExpertSettingsRecord) -> Self {
        match stored {
            ExpertSettingsRecord::V1(s) => s,
        }
    }
}

/// An agreement as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgreementInput {
    /// The expert's member number.
    pub expert: String,
    /// `first_half`, `second_half` or `custom`.
    pub period: String,
    /// The year (for the halves).
    pub year: String,
    /// The first day (custom periods).
    pub start: String,
    /// Tasks, one per line (or separated by `;`).
    pub tasks: String,
    /// Hours per week (`4`, `4,5`).
    pub hours_per_week: String,
    /// `none`, `per_hour` or `per_month`.
    pub allowance: String,
    /// The amount (`5,75`).
    pub amount: String,
    /// Expense rules.
    pub expenses: String,
    /// Guidance contact.
    pub guidance: String,
}

impl AgreementInput {
    /// The input that describes an agreement (to edit it or draft the next one).
    pub fn from_agreement(a: &Agreement) -> AgreementInput {
        let (allowance, amount) = match a.allowance {
            Allowance::None => ("none", String::new()),
            Allowance::PerHour(c) => ("per_hour", money_text(c)),
            Allowance::PerMonth(c) => ("per_month", money_text(c)),
        };
        let minutes = a.minutes_per_week;
        AgreementInput {
            expert: a.expert.to_string(),
            period: a.period.name().into(),
            year: a.start.year().to_string(),
            start: format_date(a.start),
            tasks: a.tasks.join("\n"),
            hours_per_week: hours_text(minutes),
            allowance: allowance.into(),
            amount,
            expenses: a.expenses.clone(),
            guidance: a.guidance.clone(),
        }
    }
}

/// Hours as typed back: `4`, `4,5`, or `4:20` (exact for any number of minutes).
fn hours_text(minutes: u32) -> String {
    match minutes % 60 {
        0 => (minutes / 60).to_string(),
        30 => format!("{},5", minutes / 60),
        m => format!("{}:{m:02}", minutes / 60),
    }
}

fn money_text(c: Cents) -> String {
    format!("{},{:02}", c.0 / 100, c.0 % 100)
}

/// An agreement as saved, with the allowance warnings that did not stop the save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAgreement {
    /// Its id.
    pub id: u64,
    /// The agreement.
    pub agreement: Agreement,
    /// Allowance warnings (the allowance would not be tax-free).
    pub warnings: Vec<AllowanceWarning>,
}

/// An agreement due for a review, with its planned review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReview {
    /// The agreement's id.
    pub agreement_id: u64,
    /// The agreement.
    pub agreement: Agreement,
    /// The planned review, if any.
    pub planned: Option<(u64, Review)>,
}

/// Experts by experience.
pub struct Experts<'a> {
    s: &'a Session,
}

fn not_found(kind: &'static str, id: u64) -> Error {
    Error::NotFound { kind, id }
}

impl<'a> Experts<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        Experts { s }
    }

    /// Every agreement with its id, by expert and start.
    pub fn agreements(&self) -> Result<Vec<(u64, Agreement)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut all = self.s.store().scan::<Agreement>()?;
        all.sort_by_key(|(id, a)| (a.expert, a.start, *id));
        Ok(all)
    }

    /// One agreement.
    pub fn agreement(&self, id: u64) -> Result<Agreement> {
        self.s.require(Permission::ExpertsManage)?;
        self.s
            .store()
            .get::<Agreement>(id)?
            .ok_or(not_found(Agreement::KIND, id))
    }

    /// The allowance limits table, by year.
    pub fn limits(&self) -> Result<Vec<AllowanceLimits>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut all: Vec<AllowanceLimits> = self
            .s
            .store()
            .scan::<AllowanceLimits>()?
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        all.sort_by_key(|l| l.year);
        Ok(all)
    }

    /// Adds or corrects a year's limits (administrators).
    pub fn set_limits(&self, limits: AllowanceLimits) -> Result<()> {
        self.s.require(Permission::SettingsWrite)?;
        let mut errors = Vec::new();
        if !(2000..=2100).contains(&limits.year) {
            errors.push(FieldError::new("year", Reason::OutOfRange(2000, 2100)));
        }
        for (field, value) in [
            ("per_hour", limits.per_hour),
            ("per_hour_under_21", limits.per_hour_under_21),
            ("per_month", limits.per_month),
            ("per_year", limits.per_year),
        ] {
            if value.0 <= 0 {
                errors.push(FieldError::new(field, Reason::Required));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.put(limits.year as u64, &limits)?;
            self.s.audit(
                tx,
                now,
                "allowance.limits",
                &format!("limits/{}", limits.year),
                "",
            )
        })
    }

    /// The review settings.
    pub fn settings(&self) -> Result<ExpertSettings> {
        Ok(self
            .s
            .store()
            .setting::<ExpertSettings>()?
            .unwrap_or_default())
    }

    /// Changes the review settings (administrators).
    pub fn set_settings(&self, settings: ExpertSettings) -> Result<()> {
        self.s.require(Permission::SettingsWrite)?;
        let mut errors = Vec::new();
        if !(1..=52).contains(&settings.due_weeks) {
            errors.push(FieldError::new("due_weeks", Reason::OutOfRange(1, 52)));
        }
        if settings.hours.open >= settings.hours.close {
            errors.push(FieldError::new("close", Reason::Before("open")));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.put_setting(&settings)?;
            self.s.audit(tx, now, "settings.reviews", "settings", "")
        })
    }

    fn parse(&self, input: &AgreementInput) -> Result<Agreement> {
        let mut c = Check::default();
        let expert = match input.expert.trim().parse::<u64>() {
            Ok(n) if self.s.store().get::<Member>(n)?.is_some() => n,
            Ok(n) => {
                c.fail("expert", Reason::DoesNotExist(n));
                0
            }
            Err(_) => {
                c.fail(
                    "expert",
                    if input.expert.trim().is_empty() {
                        Reason::Required
                    } else {
                        Reason::BadNumber
                    },
                );
                0
            }
        };
        let kind = PeriodKind::from_name(&input.period);
        if kind.is_none() {
            c.fail("period", Reason::NotOneOf(PeriodKind::NAMES));
        }
        let (year, start) = match kind {
            Some(PeriodKind::Custom) => (0, c.date("start", &input.start, true)),
            _ => {
                let y = input
                    .year
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (2000..=2100).contains(y));
                if y.is_none() {
                    c.fail("year", Reason::OutOfRange(2000, 2100));
                }
                (y.unwrap_or(2000), Some(NaiveDate::default()))
            }
        };
        let span = match (kind, start) {
            (Some(kind), Some(start)) => rules::period(kind, year, start),
            _ => None,
        };
        let tasks: Vec<String> = input
            .tasks
            .split(['\n', ';'])
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        if tasks.is_empty() {
            c.fail("tasks", Reason::Required);
        }
        let minutes = parse_hours(&input.hours_per_week);
        match minutes {
            None => c.fail("hours_per_week", Reason::NotANumber),
            Some(m) if m == 0 || m > 40 * 60 => c.fail("hours_per_week", Reason::OutOfRange(1, 40)),
            Some(_) => {}
        }
        let allowance = match input.allowance.trim() {
            "" | "none" => Allowance::None,
            kind @ ("per_hour" | "per_month") => match Cents::parse(&input.amount) {
                Some(c) if c.0 > 0 => {
                    if kind == "per_hour" {
                        Allowance::PerHour(c)
                    } else {
                        Allowance::PerMonth(c)
                    }
                }
                _ => {
                    c.fail("amount", Reason::NotANumber);
                    Allowance::None
                }
            },
            _ => {
                c.fail(
                    "allowance",
                    Reason::NotOneOf(&["none", "per_hour", "per_month"]),
                );
                Allowance::None
            }
        };
        let expenses = input.expenses.trim().to_string();
        c.lines("tasks", &input.tasks);
        c.lines("expenses", &expenses);
        let guidance = c.text("guidance", &input.guidance, false);
        let (start, end) = span.unwrap_or_default();
        let agreement = Agreement {
            expert,
            period: kind.unwrap_or(PeriodKind::Custom),
            start,
            end,
            tasks,
            minutes_per_week: minutes.unwrap_or(0),
            allowance,
            expenses,
            guidance,
            signed_on: None,
            ended_on: None,
            outcome: None,
            continues: None,
            from_review: None,
        };
        c.finish(agreement).map_err(Error::Invalid)
    }

    fn warnings_for(&self, a: &Agreement, own: Option<u64>) -> Result<Vec<AllowanceWarning>> {
        let all = self.s.store().scan::<Agreement>()?;
        if let Some((other, _)) = all
            .iter()
            .find(|(id, b)| Some(*id) != own && b.expert == a.expert && rules::overlap(a, b))
        {
            let _ = other;
            return Err(Error::invalid("start", Reason::Overlaps));
        }
        let birth = self
            .s
            .store()
            .get::<Member>(a.expert)?
            .and_then(|m| m.birth_date);
        let limits: Vec<AllowanceLimits> = self
            .s
            .store()
            .scan::<AllowanceLimits>()?
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        let others: Vec<&Agreement> = all
            .iter()
            .filter(|(id, b)| Some(*id) != own && b.expert == a.expert)
            .map(|(_, b)| b)
            .collect();
        Ok(rules::check_allowance(a, birth, &limits, &others))
    }

    /// Checks an agreement as typed without saving: field errors and an overlap with another
    /// agreement of the expert as [`Error::Invalid`], else the allowance warnings.
    pub fn check(&self, input: &AgreementInput, own: Option<u64>) -> Result<Vec<AllowanceWarning>> {
        self.s.require(Permission::ExpertsManage)?;
        let a = self.parse(input)?;
        self.warnings_for(&a, own)
    }

    /// Makes a draft agreement. Refused when it overlaps another agreement of the expert.
    pub fn create(&self, input: &AgreementInput) -> Result<SavedAgreement> {
        self.s.require(Permission::ExpertsManage)?;
        let agreement = self.parse(input)?;
        let warnings = self.warnings_for(&agreement, None)?;
        let id = self.insert(&agreement)?;
        Ok(SavedAgreement {
            id,
            agreement,
            warnings,
        })
    }

    fn insert(&self, agreement: &Agreement) -> Result<u64> {
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::Agreement)?;
            tx.put(id, agreement)?;
            self.s.audit(
                tx,
                now,
                "agreement.create",
                &format!("agreement/{id}"),
                &format!("member/{}", agreement.expert),
            )?;
            Ok(id)
        })
    }

    /// Changes a draft.
    pub fn update(&self, id: u64, input: &AgreementInput) -> Result<SavedAgreement> {
        self.s.require(Permission::ExpertsManage)?;
        let old = self.agreement(id)?;
        if old.signed_on.is_some() {
            return Err(Error::invalid("agreement", Reason::NotDraft));
        }
        let new = Agreement {
            continues: old.continues,
            from_review: old.from_review,
            ..self.parse(input)?
        };
        let warnings = self.warnings_for(&new, Some(id))?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.put(id, &new)?;
            self.s
                .audit(tx, now, "agreement.update", &format!("agreement/{id}"), "")
        })?;
        Ok(SavedAgreement {
            id,
            agreement: new,
            warnings,
        })
    }

    fn change(
        &self,
        id: u64,
        action: &str,
        f: impl Fn(&mut Agreement) -> std::result::Result<(), FieldError>,
    ) -> Result<Agreement> {
        self.s.require(Permission::ExpertsManage)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(mut a) = tx.get::<Agreement>(id)? else {
                return abort(not_found(Agreement::KIND, id));
            };
            if let Err(e) = f(&mut a) {
                return abort(Error::Invalid(vec![e]));
            }
            tx.put(id, &a)?;
            self.s
                .audit(tx, now, action, &format!("agreement/{id}"), "")?;
            Ok(a)
        })
    }

    /// Records that both parties signed a draft.
    pub fn sign(&self, id: u64, on: NaiveDate) -> Result<Agreement> {
        let today = self.s.today();
        self.change(id, "agreement.sign", |a| {
            if a.signed_on.is_some() {
                Err(FieldError::new("signed_on", Reason::Unchanged))
            } else if on > today {
                Err(FieldError::new("signed_on", Reason::InFuture))
            } else {
                a.signed_on = Some(on);
                Ok(())
            }
        })
    }

    /// Ends an agreement early (stopped before its end date), with the outcome when known.
    /// Refused when the new last day would overlap another agreement of the expert (one that
    /// was ended early already can otherwise grow back over the next one).
    pub fn end(&self, id: u64, on: NaiveDate, outcome: Option<Outcome>) -> Result<Agreement> {
        self.s.require(Permission::ExpertsManage)?;
        let today = self.s.today();
        let others = self.s.store().scan::<Agreement>()?;
        self.change(id, "agreement.end", |a| {
            let longer = Agreement {
                ended_on: Some(on),
                ..a.clone()
            };
            let overlaps = others.iter().any(|(other, b)| {
                *other != id && b.expert == a.expert && rules::overlap(&longer, b)
            });
            if a.signed_on.is_none() {
                Err(FieldError::new("agreement", Reason::NotSigned))
            } else if a.state(today) == AgreementState::Ended {
                Err(FieldError::new("agreement", Reason::Closed))
            } else if on < a.start {
                Err(FieldError::new("ended_on", Reason::Before("start")))
            } else if on > a.end {
                Err(FieldError::new("ended_on", Reason::After("end")))
            } else if overlaps {
                Err(FieldError::new("ended_on", Reason::Overlaps))
            } else {
                a.ended_on = Some(on);
                a.outcome = outcome.or(a.outcome);
                Ok(())
            }
        })
    }

    /// Agreements due for a review (ending within the setting's weeks, none held yet).
    pub fn due(&self) -> Result<Vec<DueReview>> {
        self.s.require(Permission::ExpertsManage)?;
        let agreements = self.s.store().scan::<Agreement>()?;
        let reviews = self.s.store().scan::<Review>()?;
        let weeks = self.settings()?.due_weeks;
        Ok(rules::due(&agreements, &reviews, self.s.today(), weeks)
            .into_iter()
            .map(|d| DueReview {
                agreement_id: d.id,
                agreement: d.agreement.clone(),
                planned: d.planned.map(|(id, r)| (id, r.clone())),
            })
            .collect())
    }

    /// Every review, by start time.
    pub fn reviews(&self) -> Result<Vec<(u64, Review)>> {
        self.s.require(Permission::ExpertsManage)?;
        let mut all = self.s.store().scan::<Review>()?;
        all.sort_by_key(|(id, r)| (r.slot.start, *id));
        Ok(all)
    }

    /// The staff who can hold reviews: administrators and coordinators.
    pub fn staff(&self) -> Result<Vec<String>> {
        self.s.require(Permission::ExpertsManage)?;
        Ok(self
            .s
            .store()
            .scan::<User>()?
            .into_iter()
            .filter(|(_, u)| u.active && matches!(u.role, Role::Administrator | Role::Coordinator))
            .map(|(_, u)| u.name)
            .collect())
    }

    fn check_slot(&self, slot: &Slot, expert: u64, own: Option<u64>) -> Result<()> {
        let mut errors = Vec::new();
        if !self.staff()?.contains(&slot.staff) {
            errors.push(FieldError::new(
                "staff",
                Reason::UnknownName(slot.staff.clone()),
            ));
        }
        if let Err(e) = crate::common::plain_text("place", slot.place.trim(), false) {
            errors.push(e);
        } else if slot.place.chars().count() > crate::common::check::MAX_SHORT {
            errors.push(FieldError::new(
                "place",
                Reason::TooLong(crate::common::check::MAX_SHORT),
            ));
        }
        let reviews = self.s.store().scan::<Review>()?;
        for p in rules::check_slot(slot, expert, &self.settings()?.hours, &reviews, own) {
            errors.push(match p {
                SlotProblem::OutsideHours => FieldError::new("start", Reason::OutsideOfficeHours),
                SlotProblem::ExpertBusy(_) => {
                    FieldError::new("start", Reason::DoubleBooked("expert"))
                }
                SlotProblem::StaffBusy(_) => {
                    FieldError::new("staff", Reason::DoubleBooked("staff"))
                }
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errors))
        }
    }

    /// The first free starts (not before now) for a review of an agreement with a staff member.
    pub fn suggest(
        &self,
        agreement: u64,
        from: NaiveDateTime,
        minutes: u32,
        staff: &str,
        count: usize,
    ) -> Result<Vec<NaiveDateTime>> {
        let a = self.agreement(agreement)?;
        let reviews = self.s.store().scan::<Review>()?;
        let from = from.max(self.s.now());
        Ok(rules::free_slots(
            from,
            minutes,
            a.expert,
            staff,
            &self.settings()?.hours,
            &reviews,
            count,
        ))
    }

    /// Schedules a review of an agreement.
    pub fn schedule(&self, agreement: u64, slot: Slot) -> Result<u64> {
        let a = self.agreement(agreement)?;
        // A late review of an agreement that already ended is allowed; a draft has nothing to review.
        if a.signed_on.is_none() {
            return Err(Error::invalid("agreement", Reason::NotSigned));
        }
        let planned = self.s.store().scan::<Review>()?;
        let theirs = || planned.iter().filter(|(_, r)| r.agreement == agreement);
        if theirs().any(|(_, r)| matches!(r.status, ReviewStatus::Held(_))) {
            // Its outcome is decided; a second review would decide it again.
            return Err(Error::invalid("agreement", Reason::Closed));
        }
        if theirs().any(|(_, r)| r.status == ReviewStatus::Scheduled) {
            return Err(Error::invalid("agreement", Reason::Taken));
        }
        self.check_slot(&slot, a.expert, None)?;
        let review = Review {
            agreement,
            expert: a.expert,
            slot,
            status: ReviewStatus::Scheduled,
            conversation: None,
            outcome: None,
            next_agreement: None,
        };
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::Review)?;
            tx.put(id, &review)?;
            self.s.audit(
                tx,
                now,
                "review.schedule",
                &format!("review/{id}"),
                &format!("agreement/{agreement}"),
            )?;
            Ok(id)
        })
    }

    fn change_review(
        &self,
        id: u64,
        action: &str,
        f: impl Fn(&mut Review) -> std::result::Result<(), FieldError>,
    ) -> Result<Review> {
        self.s.require(Permission::ExpertsManage)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(mut r) = tx.get::<Review>(id)? else {
                return abort(not_found(Review::KIND, id));
            };
            if r.status != ReviewStatus::Scheduled {
                return abort(Error::invalid("review", Reason::Closed));
            }
            if let Err(e) = f(&mut r) {
                return abort(Error::Invalid(vec![e]));
            }
            tx.put(id, &r)?;
            self.s.audit(tx, now, action, &format!("review/{id}"), "")?;
            Ok(r)
        })
    }

    /// Moves a planned review. A held, cancelled or missed one stays where it was.
    pub fn reschedule(&self, id: u64, slot: Slot) -> Result<Review> {
        self.s.require(Permission::ExpertsManage)?;
        let r = self
            .s
            .store()
            .get::<Review>(id)?
            .ok_or(not_found(Review::KIND, id))?;
        if r.status != ReviewStatus::Scheduled {
            return Err(Error::invalid("review", Reason::Closed));
        }
        self.check_slot(&slot, r.expert, Some(id))?;
        self.change_review(id, "review.reschedule", |r| {
            r.slot = slot.clone();
            Ok(())
        })
    }

    /// Cancels a planned review (the agreement stays due).
    pub fn cancel(&self, id: u64) -> Result<Review> {
        self.change_review(id, "review.cancel", |r| {
            r.status = ReviewStatus::Cancelled;
            Ok(())
        })
    }

    /// Records that the expert did not come (the agreement stays due).
    pub fn no_show(&self, id: u64) -> Result<Review> {
        self.change_review(id, "review.no_show", |r| {
            r.status = ReviewStatus::NoShow;
            Ok(())
        })
    }

    /// Records the conversation and its outcome. Continue drafts the next half year with the
    /// same terms; adjust drafts it for editing; stop ends the agreement on its end date. The
    /// next agreement links back to the review; training wishes become proposals in the training
    /// plan. Returns the review and the new draft's id.
    pub fn record(
        &self,
        id: u64,
        on: NaiveDate,
        conversation: Conversation,
        outcome: Outcome,
    ) -> Result<(Review, Option<u64>)> {
        self.s.require(Permission::ExpertsManage)?;
        let mut c = Check::default();
        let Conversation {
            work,
            enjoyment,
            difficulties,
            agreed,
            training_wishes,
        } = &conversation;
        for (field, text) in [
            ("work", work),
            ("enjoyment", enjoyment),
            ("difficulties", difficulties),
            ("agreed", agreed),
            ("training_wishes", training_wishes),
        ] {
            c.lines(field, text);
        }
        c.finish(()).map_err(Error::Invalid)?;
        if on > self.s.today() {
            return Err(Error::invalid("held_on", Reason::InFuture));
        }
        let review = self
            .s
            .store()
            .get::<Review>(id)?
            .ok_or(not_found(Review::KIND, id))?;
        if review.status != ReviewStatus::Scheduled {
            return Err(Error::invalid("review", Reason::Closed));
        }
        let agreement = self.agreement(review.agreement)?;
        let next = match outcome {
            Outcome::Stop => None,
            Outcome::Continue | Outcome::Adjust => {
                let (period, start, end) = rules::next_period(&agreement)
                    .ok_or(Error::invalid("start", Reason::BadDate))?;
                let next = Agreement {
                    period,
                    start,
                    end,
                    signed_on: None,
                    ended_on: None,
                    outcome: None,
                    continues: Some(review.agreement),
                    from_review: Some(id),
                    ..agreement.clone()
                };
                let all = self.s.store().scan::<Agreement>()?;
                if all
                    .iter()
                    .any(|(_, b)| b.expert == next.expert && rules::overlap(&next, b))
                {
                    return Err(Error::invalid("start", Reason::Overlaps));
                }
                Some(next)
            }
        };
        let now = self.s.now();
        let agreement_id = review.agreement;
        self.s.store().transact(|tx| {
            let next_id = match &next {
                Some(n) => {
                    let nid = tx.next_seq(crate::store::Counter::Agreement)?;
                    tx.put(nid, n)?;
                    self.s.audit(
                        tx,
                        now,
                        "agreement.create",
                        &format!("agreement/{nid}"),
                        &format!("review/{id}"),
                    )?;
                    Some(nid)
                }
                None => None,
            };
            let mut a = agreement.clone();
            a.outcome = Some(outcome);
            tx.put(agreement_id, &a)?;
            let mut r = review.clone();
            r.status = ReviewStatus::Held(on);
            r.conversation = Some(conversation.clone());
            r.outcome = Some(outcome);
            r.next_agreement = next_id;
            tx.put(id, &r)?;
            // Training wishes said in the review appear in the training plan as proposals, for
            // the half year of the next agreement (or the review's own).
            let wish = conversation.training_wishes.trim();
            if !wish.is_empty() {
                let day = next.as_ref().map_or(on, |n| n.start);
                let item = crate::training::PlanItem {
                    expert: review.expert,
                    course: None,
                    wish: wish.to_string(),
                    half_year: crate::training::rules::half_year_of(day),
                    cost: Cents(0),
                    status: crate::training::ItemStatus::Proposed,
                    from_review: Some(id),
                };
                let pid = tx.next_seq(crate::store::Counter::Plan)?;
                tx.put(pid, &item)?;
                self.s.audit(
                    tx,
                    now,
                    "plan.propose",
                    &format!("plan/{pid}"),
                    &format!("review/{id}"),
                )?;
            }
            self.s.audit(
                tx,
                now,
                "review.record",
                &format!("review/{id}"),
                outcome.name(),
            )?;
            Ok((r, next_id))
        })
    }

    /// The agreement as a PDF in whatever language the interface speaks: it stays Dutch, as it
    /// is signed here (the same document as [`Self::agreement_pdf`]). For callers that pass
    /// their language to every document.
    pub fn agreement_pdf_in(&self, id: u64, _lang: kapstok_text::Lang) -> Result<Vec<u8>> {
        self.agreement_pdf(id)
    }

    /// The agreement as a PDF in Dutch, two copies with both parties' signature blocks.
    pub fn agreement_pdf(&self, id: u64) -> Result<Vec<u8>> {
        let a = self.agreement(id)?;
        let expert = self
            .s
            .store()
            .get::<Member>(a.expert)?
            .ok_or(not_found(Member::KIND, a.expert))?;
        let settings = self.s.settings()?;
        let party = super::pdf::Party {
            name: settings.office_name,
            address: settings.office_address,
        };
        super::pdf::render(&a, id, &expert, &party).map_err(Error::from)
    }

    /// The planned reviews as an iCalendar file (RFC 5545), for the coordinator's calendar.
    pub fn ics(&self) -> Result<String> {
        let reviews = self.reviews()?;
        let names = |n: u64| -> Result<String> {
            Ok(self
                .s
                .store()
                .get::<Member>(n)?
                .map(|m| m.name.full())
                .unwrap_or_default())
        };
        let mut events = Vec::new();
        for (id, r) in reviews
            .iter()
            .filter(|(_, r)| r.status == ReviewStatus::Scheduled)
        {
            events.push(super::ics::Event {
                uid: format!("review-{id}@kapstok"),
                start: r.slot.start,
                end: r.slot.end(),
                summary: format!("Functioneringsgesprek {}", names(r.expert)?),
                location: r.slot.place.clone(),
                description: format!("Met {}", r.slot.staff),
            });
        }
        Ok(super::ics::calendar(&events, self.s.now()))
    }
}

/// Parses hours as typed: `4`, `4,5`, `4.5`, `4:30`; into minutes.
pub fn parse_hours(text: &str) -> Option<u32> {
    let t = text.trim();
    if let Some((h, m)) = t.split_once(':') {
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        return if m < 60 {
            h.checked_mul(60)?.checked_add(m)
        } else {
            None
        };
    }
    let c = Cents::parse(t)?; // the same decimal rules as money, in hundredths of an hour
    u32::try_from(c.0.checked_mul(60)? / 100).ok()
}
