//! Operations on the member register, through a session.

use super::consent::{self, ConsentHistory, ConsentKind};
use super::csv::MAX_MEMBER_NUMBER;
use super::model::{Consents, Member, MemberInput, Status, StatusEntry};
use super::rules::{self, Warning};
use super::search::{Query, SearchIndex};
use crate::access::Session;
use crate::common::{Conflict, Merge, PersonName};
use crate::error::{Error, FieldError, Permission, Reason, Result, RowError};
use crate::store::{abort, Record, Tx, TxResult};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A name as compared for duplicates ([`crate::common::PersonName::sort_key`]).
type SortKey = (String, String, String);

/// A saved member, with the warnings that did not stop the save.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The member as stored.
    pub member: Member,
    /// For instance: another member with the same name and date of birth.
    pub warnings: Vec<Warning>,
}

/// Whether [`Members::save`] may write a member that has warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Return the warnings and write nothing (the first press of "save").
    NoWarnings,
    /// Write even with warnings (the user answered "save anyway?").
    Warnings,
}

/// What [`Members::save`] did.
#[derive(Debug, Clone)]
pub enum SaveOutcome {
    /// Nothing was written: the input has warnings that the caller did not accept.
    Warnings(Vec<Warning>),
    /// The member was written (`warnings` holds the ones that were accepted).
    Saved(Box<Saved>),
}

/// What an import did, or in a dry run would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The number of members read from the file.
    pub rows: usize,
    /// True when nothing was written (a dry run).
    pub dry_run: bool,
    /// The member numbers written (or that would be written), in file order.
    pub numbers: Vec<u64>,
    /// Warnings with the line they concern.
    pub warnings: Vec<(u64, Warning)>,
}

/// The member register.
pub struct Members<'a> {
    s: &'a Session,
}

fn record(number: u64) -> String {
    format!("member/{number}")
}

impl<'a> Members<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        Members { s }
    }

    fn all(&self) -> Result<Vec<Member>> {
        Ok(self
            .s
            .store()
            .scan::<Member>()?
            .into_iter()
            .map(|(_, m)| m)
            .collect())
    }

    /// How often this store's whole register was read since it was opened: for tests that a
    /// call reads it once.
    #[doc(hidden)]
    pub fn register_reads(&self) -> u64 {
        self.s.store().scans(crate::store::TreeId::Members)
    }

    /// Every member, in Dutch register order (core surname first).
    pub fn list(&self) -> Result<Vec<Member>> {
        self.s.require(Permission::MembersRead)?;
        let mut all = self.all()?;
        rules::sort_members(&mut all);
        Ok(all)
    }

    /// Every member in number order, [`crate::members::READ_BATCH`] at a time: for a view that
    /// keeps a little of each member (the meetings' people list), so what is held while it reads
    /// is one batch, not the whole register.
    pub fn in_batches(&self, mut visit: impl FnMut(&[Member])) -> Result<()> {
        self.s.require(Permission::MembersRead)?;
        self.s
            .store()
            .scan_batches::<Member>(super::READ_BATCH, |batch| {
                let members: Vec<Member> = batch.into_iter().map(|(_, m)| m).collect();
                visit(&members);
                Ok(())
            })
    }

    /// One member by number.
    pub fn get(&self, number: u64) -> Result<Member> {
        self.s.require(Permission::MembersRead)?;
        self.s
            .store()
            .get::<Member>(number)?
            .ok_or(Error::NotFound {
                kind: Member::KIND,
                id: number,
            })
    }

    /// Members matching a search (names, known-as, number; case and diacritics ignored), in
    /// register order.
    pub fn search(&self, text: &str) -> Result<Vec<Member>> {
        let list = self.list()?;
        let query = Query::new(text);
        let index = SearchIndex::new(&list);
        let keep = index.filter(&query);
        Ok(keep
            .into_iter()
            .filter_map(|i| list.get(i).cloned())
            .collect())
    }

    /// Validates input without saving: the field errors as [`Error::Invalid`], else the warnings
    /// (`number` is the member being edited, if any).
    pub fn check(&self, input: &MemberInput, number: Option<u64>) -> Result<Vec<Warning>> {
        Ok(self.validated(input, number)?.1)
    }

    /// Saves a member from a form: a new one (`number` is `None`, it gets the next member number)
    /// or changes to member `number`. Validates once and reads the register once. The field
    /// errors come back as [`Error::Invalid`]; warnings (a possible duplicate) come back as
    /// [`SaveOutcome::Warnings`] **without writing anything** (not even an audit entry), unless
    /// `accept` is [`Accept::Warnings`]. A form calls it with [`Accept::NoWarnings`], asks "save
    /// anyway?" on warnings, and calls it again with [`Accept::Warnings`].
    pub fn save(
        &self,
        input: &MemberInput,
        number: Option<u64>,
        accept: Accept,
    ) -> Result<SaveOutcome> {
        let (valid, warnings) = self.validated(input, number)?;
        if !warnings.is_empty() && accept == Accept::NoWarnings {
            return Ok(SaveOutcome::Warnings(warnings));
        }
        let member = match number {
            None => self.write_new(&valid)?,
            Some(n) => self.write_update(n, &valid, None)?,
        };
        Ok(SaveOutcome::Saved(Box::new(Saved { member, warnings })))
    }

    /// [`Members::save`] of changes to member `number` made in a form loaded as `original`:
    /// inside the transaction, what is stored now is compared with `original` field by field
    /// ([`crate::common::Merge`]). Fields only this form changed are written, fields another
    /// session changed meanwhile are kept, and when both changed a field differently nothing is
    /// written: [`Error::Conflict`] says who, when, and per field yours, theirs and the original.
    pub fn save_over(
        &self,
        input: &MemberInput,
        number: u64,
        accept: Accept,
        original: &MemberInput,
    ) -> Result<SaveOutcome> {
        let (valid, warnings) = self.validated(input, Some(number))?;
        if !warnings.is_empty() && accept == Accept::NoWarnings {
            return Ok(SaveOutcome::Warnings(warnings));
        }
        let member = self.write_update(number, &valid, Some((original, input)))?;
        Ok(SaveOutcome::Saved(Box::new(Saved { member, warnings })))
    }

    /// The permission check, validation and warnings of a save. A possible duplicate shares the
    /// birth date, so only the members born that day are read (through the birthday index), never
    /// the whole register: a save at 100,000 members reads a few hundred.
    fn validated(
        &self,
        input: &MemberInput,
        number: Option<u64>,
    ) -> Result<(rules::Valid, Vec<Warning>)> {
        self.s.require(Permission::MembersWrite)?;
        let valid = rules::validate(input, self.s.today()).map_err(Error::Invalid)?;
        let warnings = match valid.birth_date {
            Some(birth) => {
                let born = super::birthdays::members_born_on(self.s.store(), birth)?;
                rules::warnings(&valid, number, &born)
            }
            None => Vec::new(),
        };
        Ok((valid, warnings))
    }

    /// Adds a member with the next member number, active from the date of joining (warnings
    /// do not stop it; see [`Members::save`]).
    pub fn create(&self, input: &MemberInput) -> Result<Saved> {
        let (valid, warnings) = self.validated(input, None)?;
        let member = self.write_new(&valid)?;
        Ok(Saved { member, warnings })
    }

    /// Changes a member's data (not number or status; warnings do not stop it, see
    /// [`Members::save`]).
    pub fn update(&self, number: u64, input: &MemberInput) -> Result<Saved> {
        let (valid, warnings) = self.validated(input, Some(number))?;
        let member = self.write_update(number, &valid, None)?;
        Ok(Saved { member, warnings })
    }

    /// Writes a validated new member with the next number, its consents and an audit entry.
    fn write_new(&self, valid: &rules::Valid) -> Result<Member> {
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let number = tx.next_seq(crate::store::Counter::Member)?;
            if number > MAX_MEMBER_NUMBER {
                return abort(Error::invalid("number", Reason::NoNumberLeft));
            }
            if tx.get::<Member>(number)?.is_some() {
                return abort(Error::Storage(format!(
                    "member number {number} is already in use"
                )));
            }
            let member = valid.clone().into_member(number);
            tx.put(number, &member)?;
            self.log_consents(tx, number, &Consents::default(), &member.consents)?;
            self.s
                .audit(tx, now, "member.create", &record(number), "")?;
            Ok(member)
        })
    }

    /// Writes validated changes to member `number`, its consents and an audit entry (nothing
    /// when nothing changed). With `merge` (the form's original input and yours), yours is
    /// first merged into what is stored now ([`Members::save_over`]).
    fn write_update(
        &self,
        number: u64,
        valid: &rules::Valid,
        merge: Option<(&MemberInput, &MemberInput)>,
    ) -> Result<Member> {
        let now = self.s.now();
        let done = self.s.store().transact(|tx| {
            let old = changeable(tx, number)?;
            let merged;
            let valid = match merge {
                None => valid,
                Some((original, yours)) => {
                    let theirs = MemberInput::from_member(&old);
                    let input = match MemberInput::merge(original, yours, &theirs) {
                        Ok(input) => input,
                        Err(fields) => {
                            return abort(Error::Conflict(Box::new(Conflict {
                                kind: "member",
                                id: number,
                                who: None,
                                when: None,
                                fields,
                            })))
                        }
                    };
                    if input == *yours {
                        valid
                    } else {
                        match rules::validate(&input, self.s.today()) {
                            Ok(v) => {
                                merged = v;
                                &merged
                            }
                            Err(errors) => return abort(Error::Invalid(errors)),
                        }
                    }
                }
            };
            let mut member = old.clone();
            valid.clone().apply_to(&mut member);
            // The history starts on the date of joining: it moves along when that is corrected.
            if let Some(first) = member.status_history.first_mut() {
                if first.since == old.joined {
                    first.since = member.joined;
                }
            }
            if member
                .status_history
                .windows(2)
                .any(|w| w[1].since < w[0].since)
                || member
                    .status_history
                    .first()
                    .is_some_and(|f| f.since < member.joined)
            {
                return abort(Error::invalid("joined", Reason::After("status_since")));
            }
            if member == old {
                return Ok(member);
            }
            tx.put(number, &member)?;
            self.log_consents(tx, number, &old.consents, &member.consents)?;
            self.s.audit(
                tx,
                now,
                "member.update",
                &record(number),
                &changed_fields(&old, &member),
            )?;
            Ok(member)
        });
        done.map_err(|e| match e {
            Error::Conflict(c) => self.s.conflict(c.kind, c.id, &record(number), c.fields),
            e => e,
        })
    }

    /// Changes a member's status from a date on, keeping the history.
    pub fn change_status(&self, number: u64, status: Status, since: NaiveDate) -> Result<Member> {
        self.s.require(Permission::MembersWrite)?;
        let today = self.s.today();
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut member = changeable(tx, number)?;
            if let Err(errors) = rules::check_status_change(&member, &status, since, today) {
                return abort(Error::Invalid(errors));
            }
            member.status_history.push(StatusEntry {
                since,
                status: status.clone(),
            });
            tx.put(number, &member)?;
            self.s
                .audit(tx, now, "member.status", &record(number), status.name())?;
            Ok(member)
        })
    }

    /// Records a contact with a member on a date (today or earlier).
    pub fn record_contact(&self, number: u64, date: NaiveDate) -> Result<Member> {
        self.s.require(Permission::MembersWrite)?;
        if date > self.s.today() {
            return Err(Error::invalid("last_contact", Reason::InFuture));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut member = changeable(tx, number)?;
            if date < member.joined {
                return abort(Error::invalid("last_contact", Reason::Before("joined")));
            }
            if member.last_contact.is_some_and(|d| d >= date) {
                return Ok(member);
            }
            member.last_contact = Some(date);
            tx.put(number, &member)?;
            self.s
                .audit(tx, now, "member.contact", &record(number), "last_contact")?;
            Ok(member)
        })
    }

    /// Active members without contact for longer than the setting, longest first, with days.
    pub fn out_of_sight(&self) -> Result<Vec<(Member, i64)>> {
        self.s.require(Permission::MembersRead)?;
        let all = self.all()?;
        Ok(self
            .out_of_sight_in(&all)?
            .into_iter()
            .map(|(m, days)| (m.clone(), days))
            .collect())
    }

    /// [`Members::out_of_sight`] over a register the caller has already read (with
    /// [`Members::list`]), borrowing from it: a screen that shows the register and this list reads
    /// and holds the 100,000 members once instead of twice.
    pub fn out_of_sight_in<'m>(&self, register: &'m [Member]) -> Result<Vec<(&'m Member, i64)>> {
        self.s.require(Permission::MembersRead)?;
        let weeks = self.s.settings()?.out_of_sight_weeks;
        Ok(rules::out_of_sight(register, self.s.today(), weeks))
    }

    /// The names of the members with these numbers (numbers not in the register are left out),
    /// for screens that show a few members by name without reading the whole register.
    pub fn names(&self, numbers: &[u64]) -> Result<HashMap<u64, PersonName>> {
        self.s.require(Permission::MembersRead)?;
        let mut out = HashMap::with_capacity(numbers.len());
        for &n in numbers {
            if let Some(m) = self.s.store().get::<Member>(n)? {
                out.insert(n, m.name);
            }
        }
        Ok(out)
    }

    /// Imports members from CSV, all or nothing. Every bad row is reported with its line, field
    /// and reason, and then nothing is written. In a dry run nothing is written either way.
    pub fn import_csv(&self, data: &[u8], dry_run: bool) -> Result<ImportReport> {
        self.s.require(Permission::MembersWrite)?;
        let existing = self.all()?;
        let parsed = super::csv::parse(data, self.s.today(), &existing)?;
        let mut warnings = Vec::new();
        // Possible duplicates share date of birth and name: look them up by that instead of
        // comparing every row with every member (quadratic: 100,000 rows took half a minute).
        let mut seen: Vec<Member> = existing;
        let mut alike: HashMap<(NaiveDate, SortKey), Vec<usize>> = HashMap::new();
        for (i, m) in seen.iter().enumerate() {
            if let Some(birth) = m.birth_date {
                alike.entry((birth, m.name.sort_key())).or_default().push(i);
            }
        }
        let next = self.s.store().seq(crate::store::Counter::Member)?;
        let max_given = parsed.iter().filter_map(|r| r.number).max().unwrap_or(0);
        let mut auto = next.max(max_given);
        let mut members = Vec::with_capacity(parsed.len());
        for row in parsed {
            let number = match row.number {
                Some(n) => n,
                None => {
                    // Past the highest number the export would write a number that no longer
                    // imports: refused, like a number given above it.
                    auto = auto
                        .checked_add(1)
                        .filter(|n| *n <= MAX_MEMBER_NUMBER)
                        .ok_or_else(|| {
                            Error::Import(vec![RowError {
                                line: row.line,
                                errors: vec![FieldError::new("number", Reason::NoNumberLeft)],
                            }])
                        })?;
                    auto
                }
            };
            let key = row
                .valid
                .birth_date
                .map(|birth| (birth, row.valid.name.sort_key()));
            if let Some(same) = key.as_ref().and_then(|k| alike.get(k)) {
                let others = same.iter().map(|&i| &seen[i]);
                for w in rules::warnings(&row.valid, Some(number), others) {
                    warnings.push((row.line, w));
                }
            }
            let mut member = row.valid.into_member(number);
            member.status_history = row.history;
            if let Some(key) = key {
                alike.entry(key).or_default().push(seen.len());
            }
            seen.push(member.clone());
            members.push(member);
        }
        let numbers: Vec<u64> = members.iter().map(|m| m.number).collect();
        let report = ImportReport {
            rows: members.len(),
            dry_run,
            numbers,
            warnings,
        };
        if dry_run || members.is_empty() {
            return Ok(report);
        }
        self.insert_all(&members, "member.import")?;
        Ok(report)
    }

    /// Writes whole members with their numbers in one transaction (import, demo data).
    pub(crate) fn insert_all(&self, members: &[Member], action: &str) -> Result<()> {
        self.s.require(Permission::MembersWrite)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            for m in members {
                if tx.get::<Member>(m.number)?.is_some() {
                    return abort(Error::Storage(format!(
                        "member number {} is already in use",
                        m.number
                    )));
                }
                tx.put(m.number, m)?;
                self.log_consents(tx, m.number, &Consents::default(), &m.consents)?;
                tx.bump_seq(crate::store::Counter::Member, m.number)?;
                self.s.audit(tx, now, action, &record(m.number), "")?;
            }
            Ok(())
        })
    }

    /// Exports the whole register as CSV (UTF-8 with BOM, `;`-separated, as Dutch spreadsheets
    /// expect), in member-number order (administrators: [`Permission::MembersExport`]). The export imports into an empty store without loss.
    pub fn export_csv(&self) -> Result<Vec<u8>> {
        self.s.require(Permission::MembersExport)?;
        let all = self.all()?;
        self.s.store().transact(|tx| {
            self.s.audit(
                tx,
                self.s.now(),
                "member.export",
                "members",
                &all.len().to_string(),
            )
        })?;
        super::csv::write(&all)
    }
}

impl Members<'_> {
    /// Appends the steps from `old` to `new` consents to the member's consent history.
    fn log_consents(
        &self,
        tx: &Tx<'_>,
        number: u64,
        old: &Consents,
        new: &Consents,
    ) -> TxResult<()> {
        let events = consent::changes(old, new, self.s.today(), self.s.user_name());
        if events.is_empty() {
            return Ok(());
        }
        let mut history = tx.get::<ConsentHistory>(number)?.unwrap_or_default();
        history.events.extend(events);
        tx.put(number, &history)
    }

    /// Gives (`Some(date)`) or withdraws (`None`, as of today) one consent. It takes effect at
    /// once: the next BaseMail run and the next convocation read the consents in force. The step
    /// is kept in the consent history with who recorded it.
    pub fn set_consent(
        &self,
        number: u64,
        kind: ConsentKind,
        given: Option<NaiveDate>,
    ) -> Result<Member> {
        self.s.require(Permission::MembersWrite)?;
        let today = self.s.today();
        if given.is_some_and(|d| d > today) {
            return Err(Error::invalid(consent_field(kind), Reason::InFuture));
        }
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut member = changeable(tx, number)?;
            if given.is_some_and(|d| d < member.joined) {
                return abort(Error::invalid(
                    consent_field(kind),
                    Reason::Before("joined"),
                ));
            }
            let old = member.consents.clone();
            kind.set(&mut member.consents, given);
            if member.consents == old {
                return Ok(member);
            }
            tx.put(number, &member)?;
            self.log_consents(tx, number, &old, &member.consents)?;
            let what = if given.is_some() {
                "given"
            } else {
                "withdrawn"
            };
            self.s.audit(
                tx,
                now,
                "member.consent",
                &record(number),
                &format!("{} {what}", kind.name()),
            )?;
            Ok(member)
        })
    }

    /// A member's consent history, oldest first.
    pub fn consent_history(&self, number: u64) -> Result<ConsentHistory> {
        self.s.require(Permission::MembersRead)?;
        Ok(self
            .s
            .store()
            .get::<ConsentHistory>(number)?
            .unwrap_or_default())
    }
}

fn consent_field(kind: ConsentKind) -> &'static str {
    match kind {
        ConsentKind::ConvocationEmail => "consent_convocation_email",
        ConsentKind::BirthdayCard => "consent_birthday_card",
        ConsentKind::Magazine => "consent_magazine",
    }
}

/// The member to change inside a transaction: it must exist, and an erased member's record,
/// kept only for anonymous counts, takes no new data.
fn changeable(tx: &Tx<'_>, number: u64) -> TxResult<Member> {
    let Some(member) = tx.get::<Member>(number)? else {
        return abort(Error::NotFound {
            kind: Member::KIND,
            id: number,
        });
    };
    if tx.get::<crate::privacy::Erasure>(number)?.is_some() {
        return abort(Error::invalid("number", Reason::Erased));
    }
    Ok(member)
}

fn changed_fields(old: &Member, new: &Member) -> String {
    let mut changed = Vec::new();
    let mut check = |name: &str, same: bool| {
        if !same {
            changed.push(name.to_string());
        }
    };
    // Taken apart without `..`: a new field does not compile until it is named here.
    let Member {
        number: _,
        name,
        known_as,
        birth_date,
        phone,
        email,
        address,
        status_history: _,
        joined,
        consents,
        last_contact,
        notes,
    } = old;
    check("name", *name == new.name);
    check("known_as", *known_as == new.known_as);
    check("birth_date", *birth_date == new.birth_date);
    check("phone", *phone == new.phone);
    check("email", *email == new.email);
    check("address", *address == new.address);
    check("joined", *joined == new.joined);
    check("consents", *consents == new.consents);
    check("last_contact", *last_contact == new.last_contact);
    check("notes", *notes == new.notes);
    changed.join(",")
}
