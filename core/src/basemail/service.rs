//! BaseMail operations, through a session. Volunteers run the week (compose, print, mark);
//! coordinators and administrators also manage institutions, recipients and stays.

use super::model::{
    Card, CardReason, Institution, InstitutionKind, LeftOut, ManualChange, Recipient, Run, Stay,
    Who,
};
use super::rules::{self, Office, World};
use crate::access::Session;
use crate::common::check::Check;
use crate::common::{AddressFields, AddressKind, AddressText, IsoWeek, PersonName};
use crate::error::{Error, FieldError, Permission, Reason, Result};
use crate::members::{birthdays, Member};
use crate::store::{abort, Record, Tx, TxResult};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// An institution as typed (address fields as for members).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstitutionInput {
    /// Name on the envelope.
    pub name: String,
    /// Kind: `prison`, `detention_centre`, `long_stay_clinic`, `detox_clinic`, `hospital`,
    /// `prison_abroad`.
    pub kind: String,
    /// Address kind: `postbus`, `street` or `foreign`.
    pub address_kind: String,
    /// Street.
    pub street: String,
    /// House or Postbus number.
    pub house_number: String,
    /// Addition.
    pub addition: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Country (abroad).
    pub country: String,
    /// Registration number required on the envelope.
    pub needs_registration_number: bool,
    /// Unit or cell required.
    pub needs_unit: bool,
    /// Sender address required.
    pub needs_sender: bool,
    /// House rules.
    pub house_rules: String,
}

impl InstitutionInput {
    /// The input that describes an existing institution (to edit it).
    pub fn from_institution(i: &Institution) -> InstitutionInput {
        let a = AddressText::from(&i.address);
        InstitutionInput {
            name: i.name.clone(),
            kind: i.kind.name().into(),
            address_kind: a.kind,
            street: a.street,
            house_number: a.house_number,
            addition: a.addition,
            postcode: a.postcode,
            city: a.city,
            country: a.country,
            needs_registration_number: i.needs_registration_number,
            needs_unit: i.needs_unit,
            needs_sender: i.needs_sender,
            house_rules: i.house_rules.clone(),
        }
    }
}

/// A recipient as typed: a member by number, or a non-member by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecipientInput {
    /// Member number (empty for a non-member).
    pub member: String,
    /// Given name (non-members).
    pub given: String,
    /// Surname prefix (non-members).
    pub prefix: String,
    /// Surname (non-members; required then).
    pub surname: String,
    /// Known-as (non-members).
    pub known_as: String,
    /// Birthday (non-members, optional).
    pub birthday: String,
    /// Notes for the writers.
    pub notes: String,
}

/// A stay as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StayInput {
    /// The institution's id.
    pub institution: u64,
    /// Unit or cell.
    pub unit: String,
    /// Registration number.
    pub registration_number: String,
    /// From (date).
    pub from: String,
    /// Expected release (date, optional).
    pub expected_release: String,
}

/// Cards per week and per reason in a year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// The year.
    pub year: i32,
    /// Posted cards per ISO week number of runs in that ISO year.
    pub per_week: BTreeMap<u32, usize>,
    /// Posted cards per reason (a card with two reasons counts for both).
    pub by_reason: BTreeMap<CardReason, usize>,
    /// Posted cards.
    pub total: usize,
    /// Cards that came back.
    pub returned: usize,
}

/// BaseMail.
pub struct BaseMail<'a> {
    s: &'a Session,
}

fn not_found(kind: &'static str, id: u64) -> Error {
    Error::NotFound { kind, id }
}

fn date_field(
    c: &mut Check,
    field: &'static str,
    value: &str,
    required: bool,
) -> Option<NaiveDate> {
    c.date(field, value, required)
}

impl<'a> BaseMail<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        BaseMail { s }
    }

    pub(crate) fn session(&self) -> &'a Session {
        self.s
    }

    // ----- institutions -------------------------------------------------------------------

    /// Every institution with its id, by name.
    pub fn institutions(&self) -> Result<Vec<(u64, Institution)>> {
        self.s.require(Permission::BaseMailRun)?;
        let mut all = self.s.store().scan::<Institution>()?;
        all.sort_by_cached_key(|(_, i)| crate::common::fold(&i.name));
        Ok(all)
    }

    fn check_institution(input: &InstitutionInput) -> Result<Institution> {
        let mut c = Check::default();
        let name = c.text("name", &input.name, true);
        let kind = InstitutionKind::from_name(&input.kind);
        if kind.is_none() {
            c.fail("kind", Reason::NotOneOf(InstitutionKind::NAMES));
        }
        let address = c.address(&AddressFields {
            kind: &input.address_kind,
            street: &input.street,
            house_number: &input.house_number,
            addition: &input.addition,
            postcode: &input.postcode,
            city: &input.city,
            country: &input.country,
        });
        // Cards go to the institution's own postal address: not care of the office, not unknown.
        let address_kind = AddressKind::from_name(&input.address_kind);
        if matches!(
            address_kind,
            None | Some(AddressKind::CareOfOffice | AddressKind::Unknown)
        ) && c.errors.iter().all(|e| e.field != "address_kind")
        {
            c.fail(
                "address_kind",
                Reason::NotOneOf(&["postbus", "street", "foreign"]),
            );
        }
        c.lines("house_rules", &input.house_rules);
        if input.house_rules.chars().count() > 2000 {
            c.fail("house_rules", Reason::TooLong(2000));
        }
        let institution = Institution {
            name,
            kind: kind.unwrap_or(InstitutionKind::Prison),
            address,
            needs_registration_number: input.needs_registration_number,
            needs_unit: input.needs_unit,
            needs_sender: input.needs_sender,
            house_rules: input.house_rules.trim().to_string(),
        };
        c.finish(institution).map_err(Error::Invalid)
    }

    /// Adds an institution.
    pub fn add_institution(&self, input: &InstitutionInput) -> Result<u64> {
        self.s.require(Permission::BaseMailManage)?;
        let institution = Self::check_institution(input)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::Institution)?;
            tx.put(id, &institution)?;
            self.s
                .audit(tx, now, "institution.add", &format!("institution/{id}"), "")?;
            Ok(id)
        })
    }

    /// Changes an institution. Runs already composed keep the address they used.
    pub fn update_institution(&self, id: u64, input: &InstitutionInput) -> Result<()> {
        self.s.require(Permission::BaseMailManage)?;
        let institution = Self::check_institution(input)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            if tx.get::<Institution>(id)?.is_none() {
                return abort(not_found(Institution::KIND, id));
            }
            tx.put(id, &institution)?;
            self.s.audit(
                tx,
                now,
                "institution.update",
                &format!("institution/{id}"),
                "",
            )
        })
    }

    // ----- recipients ---------------------------------------------------------------------

    /// Every recipient with its id and display name, by name (coordinators and administrators).
    pub fn recipients(&self) -> Result<Vec<(u64, Recipient, String)>> {
        self.s.require(Permission::BaseMailManage)?;
        self.recipients_named()
    }

    fn recipients_named(&self) -> Result<Vec<(u64, Recipient, String)>> {
        let recipients = self.s.store().scan::<Recipient>()?;
        let members = self.members_of(&recipients)?;
        let mut all: Vec<(u64, Recipient, String)> = recipients
            .into_iter()
            .map(|(id, r)| {
                let name = display_name(&r, &members);
                (id, r, name)
            })
            .collect();
        all.sort_by_cached_key(|(_, _, n)| crate::common::fold(n));
        Ok(all)
    }

    /// Recipients' ids and names only: what a volunteer needs to add a card by hand.
    pub fn recipient_names(&self) -> Result<Vec<(u64, String)>> {
        self.s.require(Permission::BaseMailRun)?;
        Ok(self
            .recipients_named()?
            .into_iter()
            .map(|(id, _, n)| (id, n))
            .collect())
    }

    /// The members the recipients are, by number: read one by one, not the whole register.
    fn members_of(&self, recipients: &[(u64, Recipient)]) -> Result<HashMap<u64, Member>> {
        let store = self.s.store();
        // In number order: neighbours share sled's pages, so fewer pages are read.
        let mut numbers: Vec<u64> = recipients.iter().filter_map(|(_, r)| r.member).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let mut members = HashMap::with_capacity(numbers.len());
        for number in numbers {
            if let Some(m) = store.get::<Member>(number)? {
                members.insert(number, m);
            }
        }
        Ok(members)
    }

    fn check_recipient(&self, input: &RecipientInput, own: Option<u64>) -> Result<Recipient> {
        let mut c = Check::default();
        let member_text = input.member.trim();
        let member = if member_text.is_empty() {
            None
        } else {
            match member_text.parse::<u64>() {
                Ok(n) if self.s.store().get::<Member>(n)?.is_some() => Some(n),
                Ok(n) => {
                    c.fail("member", Reason::DoesNotExist(n));
                    None
                }
                Err(_) => {
                    c.fail("member", Reason::BadNumber);
                    None
                }
            }
        };
        if let Some(n) = member {
            let taken = self
                .s
                .store()
                .scan::<Recipient>()?
                .into_iter()
                .any(|(id, r)| r.member == Some(n) && Some(id) != own);
            if taken {
                c.fail("member", Reason::Taken);
            }
        }
        let given = c.text("given", &input.given, false);
        let prefix = c.text("prefix", &input.prefix, false);
        let surname = c.text(
            "surname",
            &input.surname,
            member.is_none() && member_text.is_empty(),
        );
        let known_as = c.text("known_as", &input.known_as, false);
        c.lines("notes", &input.notes);
        let birthday = date_field(&mut c, "birthday", &input.birthday, false);
        c.not_future("birthday", birthday, self.s.today());
        let recipient = Recipient {
            member,
            name: if member.is_some() {
                PersonName::default()
            } else {
                PersonName {
                    given,
                    prefix,
                    surname,
                }
            },
            known_as: if member.is_some() {
                String::new()
            } else {
                known_as
            },
            birthday: if member.is_some() { None } else { birthday },
            ill_since: None,
            notes: input.notes.trim().to_string(),
        };
        c.finish(recipient).map_err(Error::Invalid)
    }

    /// Adds a recipient (a member by number, or a non-member by name).
    pub fn add_recipient(&self, input: &RecipientInput) -> Result<u64> {
        self.s.require(Permission::BaseMailManage)?;
        let recipient = self.check_recipient(input, None)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::Recipient)?;
            tx.put(id, &recipient)?;
            self.s
                .audit(tx, now, "recipient.add", &format!("recipient/{id}"), "")?;
            Ok(id)
        })
    }

    /// Changes a recipient's name, birthday and notes (the ill mark and stays stay as they are).
    pub fn update_recipient(&self, id: u64, input: &RecipientInput) -> Result<()> {
        self.s.require(Permission::BaseMailManage)?;
        let new = self.check_recipient(input, Some(id))?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(old) = tx.get::<Recipient>(id)? else {
                return abort(not_found(Recipient::KIND, id));
            };
            tx.put(
                id,
                &Recipient {
                    ill_since: old.ill_since,
                    ..new.clone()
                },
            )?;
            self.s
                .audit(tx, now, "recipient.update", &format!("recipient/{id}"), "")
        })
    }

    /// The recipient record of a member, made when there is none yet.
    pub fn recipient_for_member(&self, number: u64) -> Result<u64> {
        self.s.require(Permission::BaseMailManage)?;
        if let Some((id, _)) = self
            .s
            .store()
            .scan::<Recipient>()?
            .into_iter()
            .find(|(_, r)| r.member == Some(number))
        {
            return Ok(id);
        }
        self.add_recipient(&RecipientInput {
            member: number.to_string(),
            ..RecipientInput::default()
        })
    }

    /// Marks a recipient ill from a date (a get-well card each week), or clears the mark.
    pub fn set_ill(&self, id: u64, since: Option<NaiveDate>) -> Result<()> {
        self.s.require(Permission::BaseMailManage)?;
        if since.is_some_and(|d| d > self.s.today()) {
            return Err(Error::invalid("ill_since", Reason::InFuture));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(mut r) = tx.get::<Recipient>(id)? else {
                return abort(not_found(Recipient::KIND, id));
            };
            r.ill_since = since;
            tx.put(id, &r)?;
            self.s.audit(
                tx,
                now,
                "recipient.ill",
                &format!("recipient/{id}"),
                if since.is_some() { "set" } else { "cleared" },
            )
        })
    }

    // ----- stays --------------------------------------------------------------------------

    /// A recipient's stays, oldest first.
    pub fn stays(&self, recipient: u64) -> Result<Vec<(u64, Stay)>> {
        self.s.require(Permission::BaseMailManage)?;
        let mut stays: Vec<(u64, Stay)> = self
            .s
            .store()
            .scan::<Stay>()?
            .into_iter()
            .filter(|(_, s)| s.recipient == recipient)
            .collect();
        stays.sort_by_key(|(id, s)| (s.from, *id));
        Ok(stays)
    }

    /// Every recipient's stays, oldest first, from one read of the stays (what [`BaseMail::stays`]
    /// gives per recipient, for all of them: a list of thousands of recipients reads the stays
    /// once instead of once per recipient).
    pub fn stays_by_recipient(&self) -> Result<HashMap<u64, Vec<(u64, Stay)>>> {
        self.s.require(Permission::BaseMailManage)?;
        let mut all: HashMap<u64, Vec<(u64, Stay)>> = HashMap::new();
        for (id, stay) in self.s.store().scan::<Stay>()? {
            all.entry(stay.recipient).or_default().push((id, stay));
        }
        for stays in all.values_mut() {
            stays.sort_by_key(|(id, s)| (s.from, *id));
        }
        Ok(all)
    }

    fn check_stay(&self, recipient: u64, input: &StayInput) -> Result<Stay> {
        let mut c = Check::default();
        if self
            .s
            .store()
            .get::<Institution>(input.institution)?
            .is_none()
        {
            c.fail("institution", Reason::Required);
        }
        let unit = c.text("unit", &input.unit, false);
        let registration_number = c.text("registration_number", &input.registration_number, false);
        let from = date_field(&mut c, "from", &input.from, true);
        c.not_future("from", from, self.s.today() + chrono::Days::new(31));
        let expected_release =
            date_field(&mut c, "expected_release", &input.expected_release, false);
        if let (Some(f), Some(e)) = (from, expected_release) {
            if e < f {
                c.fail("expected_release", Reason::Before("from"));
            }
        }
        let stay = Stay {
            recipient,
            institution: input.institution,
            unit,
            registration_number,
            from: from.unwrap_or_default(),
            expected_release,
            ended_on: None,
            confirmed_on: None,
            check_needed: false,
        };
        c.finish(stay).map_err(Error::Invalid)
    }

    /// Starts a stay. Refused while another stay of the recipient is open or overlaps: one place
    /// at a time. To move someone, use [`BaseMail::move_to`].
    pub fn start_stay(&self, recipient: u64, input: &StayInput) -> Result<u64> {
        self.s.require(Permission::BaseMailManage)?;
        let stay = self.check_stay(recipient, input)?;
        let existing = self.stays(recipient)?;
        self.write_stay(recipient, stay, &existing, None)
    }

    /// Moves someone: ends the open stay the day the new one starts, and starts the new one, in
    /// one step.
    pub fn move_to(&self, recipient: u64, input: &StayInput) -> Result<u64> {
        self.s.require(Permission::BaseMailManage)?;
        let stay = self.check_stay(recipient, input)?;
        let existing = self.stays(recipient)?;
        let open = existing
            .iter()
            .find(|(_, s)| s.ended_on.is_none())
            .map(|(id, _)| *id);
        self.write_stay(recipient, stay, &existing, open)
    }

    fn write_stay(
        &self,
        recipient: u64,
        stay: Stay,
        existing: &[(u64, Stay)],
        end: Option<u64>,
    ) -> Result<u64> {
        // The new stay is open-ended: it overlaps any stay that starts on or after it, and any
        // stay not ended by the day it starts (the stay being moved from ends that day).
        let overlaps = existing.iter().any(|(id, s)| {
            let ends = if Some(*id) == end {
                Some(stay.from)
            } else {
                s.ended_on
            };
            s.from >= stay.from || ends.is_none_or(|e| e > stay.from)
        });
        if overlaps {
            return Err(Error::invalid("from", Reason::Overlaps));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            if tx.get::<Recipient>(recipient)?.is_none() {
                return abort(not_found(Recipient::KIND, recipient));
            }
            if let Some(old_id) = end {
                let Some(mut old) = tx.get::<Stay>(old_id)? else {
                    return abort(not_found(Stay::KIND, old_id));
                };
                old.ended_on = Some(stay.from);
                tx.put(old_id, &old)?;
                self.s
                    .audit(tx, now, "stay.end", &format!("stay/{old_id}"), "moved")?;
            }
            let id = tx.next_seq(crate::store::Counter::Stay)?;
            tx.put(id, &stay)?;
            self.s.audit(
                tx,
                now,
                "stay.start",
                &format!("stay/{id}"),
                &format!("recipient/{recipient}"),
            )?;
            Ok(id)
        })
    }

    fn change_stay(
        &self,
        id: u64,
        action: &str,
        change: impl Fn(&mut Stay) -> std::result::Result<(), FieldError>,
    ) -> Result<Stay> {
        self.s.require(Permission::BaseMailManage)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let Some(mut stay) = tx.get::<Stay>(id)? else {
                return abort(not_found(Stay::KIND, id));
            };
            if let Err(e) = change(&mut stay) {
                return abort(Error::Invalid(vec![e]));
            }
            tx.put(id, &stay)?;
            self.s.audit(tx, now, action, &format!("stay/{id}"), "")?;
            Ok(stay)
        })
    }

    /// Ends a stay (released, or moved somewhere not known).
    pub fn end_stay(&self, id: u64, on: NaiveDate) -> Result<Stay> {
        let today = self.s.today();
        self.change_stay(id, "stay.end", |s| {
            if on < s.from {
                Err(FieldError::new("ended_on", Reason::Before("from")))
            } else if on > today {
                Err(FieldError::new("ended_on", Reason::InFuture))
            } else if s.ended_on.is_some() {
                Err(FieldError::new("ended_on", Reason::Unchanged))
            } else {
                s.ended_on = Some(on);
                Ok(())
            }
        })
    }

    /// Confirms someone is still there after the expected release passed, optionally with a new
    /// expected release date.
    pub fn confirm_stay(
        &self,
        id: u64,
        on: NaiveDate,
        new_release: Option<NaiveDate>,
    ) -> Result<Stay> {
        self.change_stay(id, "stay.confirm", |s| {
            if new_release.is_some_and(|r| r < on) {
                return Err(FieldError::new(
                    "expected_release",
                    Reason::Before("confirmed_on"),
                ));
            }
            s.confirmed_on = Some(on);
            if new_release.is_some() {
                s.expected_release = new_release;
            }
            Ok(())
        })
    }

    /// Clears the check after a returned card: the stay was checked and is right.
    pub fn checked(&self, id: u64) -> Result<Stay> {
        self.change_stay(id, "stay.checked", |s| {
            s.check_needed = false;
            Ok(())
        })
    }

    // ----- runs ---------------------------------------------------------------------------

    /// The run of a week, if composed.
    pub fn run(&self, week: IsoWeek) -> Result<Option<Run>> {
        self.s.require(Permission::BaseMailRun)?;
        self.s.store().get::<Run>(Run::key(week))
    }

    /// Every run, oldest first.
    pub fn runs(&self) -> Result<Vec<Run>> {
        self.s.require(Permission::BaseMailRun)?;
        Ok(self
            .s
            .store()
            .scan::<Run>()?
            .into_iter()
            .map(|(_, r)| r)
            .collect())
    }

    fn office(&self) -> Result<Office> {
        let settings = self.s.settings()?;
        Ok(Office {
            name: settings.office_name,
            address: settings.office_address,
        })
    }

    fn composed(
        &self,
        week: IsoWeek,
        manual: &[ManualChange],
    ) -> Result<(Vec<Card>, Vec<LeftOut>)> {
        // What composition looks at of the register: the recipients' members and this week's
        // birthdays (through the index), not all members.
        let recipients = self.s.store().scan::<Recipient>()?;
        let mut members = self.members_of(&recipients)?;
        for m in birthdays::members_with_birthday_in(self.s.store(), week)? {
            members.insert(m.number, m);
        }
        let stays = self.s.store().scan::<Stay>()?;
        let institutions: HashMap<u64, Institution> =
            self.s.store().scan::<Institution>()?.into_iter().collect();
        let office = self.office()?;
        Ok(rules::compose(
            week,
            World {
                members: &members,
                recipients: &recipients,
                stays: &stays,
                institutions: &institutions,
                office: &office,
            },
            manual,
        ))
    }

    /// Composes (or composes again) a week's run. Changes by hand and marks on cards that are
    /// still there are kept. A closed run is not composed again.
    pub fn compose(&self, week: IsoWeek) -> Result<Run> {
        self.s.require(Permission::BaseMailRun)?;
        let old = self.s.store().get::<Run>(Run::key(week))?;
        if let Some(run) = &old {
            if run.closed_on.is_some() {
                return Err(Error::invalid("week", Reason::Closed));
            }
        }
        let manual = old.as_ref().map(|r| r.manual.clone()).unwrap_or_default();
        let (mut cards, left_out) = self.composed(week, &manual)?;
        if let Some(run) = &old {
            rules::carry_marks(&run.cards, &mut cards);
        }
        let run = Run {
            week,
            cards,
            left_out,
            manual,
            composed_on: self.s.today(),
            closed_on: None,
        };
        self.save_run(&run, "run.compose", &format!("{} cards", run.cards.len()))?;
        Ok(run)
    }

    fn save_run(&self, run: &Run, action: &str, detail: &str) -> Result<()> {
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.put(Run::key(run.week), run)?;
            self.s
                .audit(tx, now, action, &format!("run/{}", run.week), detail)
        })
    }

    fn open_run(&self, week: IsoWeek) -> Result<Run> {
        let run = self
            .s
            .store()
            .get::<Run>(Run::key(week))?
            .ok_or(not_found(Run::KIND, Run::key(week)))?;
        if run.closed_on.is_some() {
            return Err(Error::invalid("week", Reason::Closed));
        }
        Ok(run)
    }

    fn change_by_hand(&self, week: IsoWeek, change: ManualChange) -> Result<Run> {
        self.s.require(Permission::BaseMailRun)?;
        let reason = match &change {
            ManualChange::Add { reason, .. } | ManualChange::Remove { reason, .. } => reason,
        };
        if reason.trim().is_empty() {
            return Err(Error::invalid("reason", Reason::Required));
        }
        let mut run = self.open_run(week)?;
        run.manual.retain(|m| !same_target(m, &change));
        run.manual.push(change);
        let (mut cards, left_out) = self.composed(week, &run.manual)?;
        rules::carry_marks(&run.cards, &mut cards);
        run.cards = cards;
        run.left_out = left_out;
        self.save_run(&run, "run.by_hand", "")?;
        Ok(run)
    }

    /// Adds a card by hand for a recipient, with a reason.
    pub fn add_by_hand(&self, week: IsoWeek, recipient: u64, reason: &str) -> Result<Run> {
        crate::common::check::refuse_control("reason", reason.trim(), false)?;
        if self.s.store().get::<Recipient>(recipient)?.is_none() {
            return Err(not_found(Recipient::KIND, recipient));
        }
        self.change_by_hand(
            week,
            ManualChange::Add {
                recipient,
                reason: reason.trim().to_string(),
            },
        )
    }

    /// Removes a card by hand, with a reason; the person shows on the left-out list.
    pub fn remove_by_hand(&self, week: IsoWeek, who: Who, reason: &str) -> Result<Run> {
        crate::common::check::refuse_control("reason", reason.trim(), false)?;
        self.change_by_hand(
            week,
            ManualChange::Remove {
                who,
                reason: reason.trim().to_string(),
            },
        )
    }

    fn change_card(
        &self,
        week: IsoWeek,
        who: Who,
        action: &str,
        allow_closed: bool,
        change: impl Fn(&mut Card),
    ) -> Result<Run> {
        self.s.require(Permission::BaseMailRun)?;
        let mut run = if allow_closed {
            self.s
                .store()
                .get::<Run>(Run::key(week))?
                .ok_or(not_found(Run::KIND, Run::key(week)))?
        } else {
            self.open_run(week)?
        };
        let card = run
            .cards
            .iter_mut()
            .find(|c| c.who == who)
            .ok_or(Error::invalid("card", Reason::Required))?;
        change(card);
        self.save_run(&run, action, "")?;
        Ok(run)
    }

    /// Assigns a writer to a card.
    pub fn assign_writer(&self, week: IsoWeek, who: Who, writer: &str) -> Result<Run> {
        let writer = writer.trim().to_string();
        crate::common::check::refuse_control("writer", &writer, false)?;
        if writer.chars().count() > crate::common::check::MAX_SHORT {
            return Err(Error::invalid(
                "writer",
                Reason::TooLong(crate::common::check::MAX_SHORT),
            ));
        }
        self.change_card(week, who, "run.writer", false, |c| {
            c.writer = writer.clone()
        })
    }

    /// Marks a card written (or not).
    pub fn mark_written(&self, week: IsoWeek, who: Who, written: bool) -> Result<Run> {
        self.change_card(week, who, "run.written", false, |c| c.written = written)
    }

    /// Posts the run: every card is marked posted on the date and the run is closed. Its
    /// history stays.
    pub fn post(&self, week: IsoWeek, on: NaiveDate) -> Result<Run> {
        self.s.require(Permission::BaseMailRun)?;
        if on > self.s.today() {
            return Err(Error::invalid("posted", Reason::InFuture));
        }
        let mut run = self.open_run(week)?;
        for card in &mut run.cards {
            card.posted = Some(on);
        }
        run.closed_on = Some(on);
        self.save_run(&run, "run.post", &format!("{} cards", run.cards.len()))?;
        Ok(run)
    }

    /// Marks a posted card as returned: its stay needs checking before the next card goes.
    pub fn mark_returned(&self, week: IsoWeek, who: Who, on: NaiveDate) -> Result<Run> {
        self.s.require(Permission::BaseMailRun)?;
        let mut run = self
            .s
            .store()
            .get::<Run>(Run::key(week))?
            .ok_or(not_found(Run::KIND, Run::key(week)))?;
        let Some(card) = run.cards.iter_mut().find(|c| c.who == who) else {
            return Err(Error::invalid("card", Reason::Required));
        };
        if card.posted.is_none_or(|p| on < p) {
            return Err(Error::invalid("returned", Reason::Before("posted")));
        }
        card.returned = Some(on);
        let stay = card.stay;
        let now = self.s.now();
        self.s.store().transact(|tx: &Tx<'_>| -> TxResult<()> {
            tx.put(Run::key(run.week), &run)?;
            if let Some(stay_id) = stay {
                if let Some(mut s) = tx.get::<Stay>(stay_id)? {
                    s.check_needed = true;
                    tx.put(stay_id, &s)?;
                }
            }
            self.s
                .audit(tx, now, "run.returned", &format!("run/{}", run.week), "")
        })?;
        Ok(run)
    }

    /// Posted cards of runs in an ISO year: per week, per reason, returned.
    pub fn stats(&self, year: i32) -> Result<Stats> {
        let mut stats = Stats {
            year,
            ..Stats::default()
        };
        for run in self.runs()?.into_iter().filter(|r| r.week.year() == year) {
            let posted: Vec<&Card> = run.cards.iter().filter(|c| c.posted.is_some()).collect();
            if posted.is_empty() {
                continue;
            }
            *stats.per_week.entry(run.week.week()).or_default() += posted.len();
            stats.total += posted.len();
            for c in posted {
                for r in &c.reasons {
                    *stats.by_reason.entry(*r).or_default() += 1;
                }
                if c.returned.is_some() {
                    stats.returned += 1;
                }
            }
        }
        Ok(stats)
    }
}

fn same_target(a: &ManualChange, b: &ManualChange) -> bool {
    match (a, b) {
        (ManualChange::Add { recipient: x, .. }, ManualChange::Add { recipient: y, .. }) => x == y,
        (ManualChange::Remove { who: x, .. }, ManualChange::Remove { who: y, .. }) => x == y,
        _ => false,
    }
}

fn display_name(r: &Recipient, members: &HashMap<u64, Member>) -> String {
    match r.member.and_then(|n| members.get(&n)) {
        Some(m) => m.name.full(),
        None => r.name.full(),
    }
}
