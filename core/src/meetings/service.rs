//! Operations on the general meetings, through a session: administrators prepare and run them,
//! coordinators read them.

use super::model::{
    Adoption, AgendaItem, Ballots, Choice, Convocation, Decision, Meeting, MeetingKind,
    MeetingRules, Presence, Proxy, Tally, Vote, Why,
};
use super::pdf;
use super::rules::{self, Channel, Deadlines, Invitee, Reminder};
use crate::access::Session;
use crate::basemail::labels::LabelJob;
use crate::basemail::Office;
use crate::common::check::Check;
use crate::common::{fold, format_date, parse_time};
use crate::error::{Error, FieldError, Permission, Reason, Result};
use crate::members::Member;
use crate::store::{abort, Record, Tx, TxResult};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::{BTreeSet, HashMap};

const MAX_TEXT: usize = 20_000;

/// A meeting as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingInput {
    /// `spring`, `autumn` or `extraordinary` (Dutch names accepted).
    pub kind: String,
    /// The date.
    pub date: String,
    /// The starting time (`19:30`).
    pub time: String,
    /// Where.
    pub place: String,
}

impl MeetingInput {
    /// The input that describes a meeting (to edit it).
    pub fn from_meeting(m: &Meeting) -> MeetingInput {
        MeetingInput {
            kind: m.kind.name().into(),
            date: format_date(m.date()),
            time: m.at.format("%H:%M").to_string(),
            place: m.place.clone(),
        }
    }
}

/// An agenda item as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemInput {
    /// Title.
    pub title: String,
    /// A decision item (with a motion) rather than information.
    pub decision: bool,
    /// The motion (decision items).
    pub motion: String,
    /// A statute change.
    pub statute_change: bool,
    /// The topic's stable name (empty: other).
    pub topic: String,
    /// Documents to inspect.
    pub documents: String,
}

impl ItemInput {
    /// The input that describes an item (to edit it).
    pub fn from_item(i: &AgendaItem) -> ItemInput {
        ItemInput {
            title: i.title.clone(),
            decision: i.decision,
            motion: i.motion.clone(),
            statute_change: i.statute_change,
            topic: i.topic.name().into(),
            documents: i.documents.clone(),
        }
    }
}

/// One decision in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionEntry {
    /// The meeting.
    pub meeting: u64,
    /// When it was held.
    pub at: NaiveDateTime,
    /// The item's index on the agenda.
    pub item: usize,
    /// The item's title.
    pub title: String,
    /// The motion.
    pub motion: String,
    /// A statute change.
    pub statute_change: bool,
    /// The result.
    pub decision: Decision,
}

/// The convocation's outputs.
#[derive(Debug, Clone)]
pub struct ConvocationPack {
    /// Everyone invited, with how.
    pub invitees: Vec<Invitee>,
    /// The letters with the agenda, one per member by letter (empty when there are none).
    pub letters_pdf: Vec<u8>,
    /// The e-mail list: `number;name;email` with a header line.
    pub email_csv: Vec<u8>,
}

impl ConvocationPack {
    /// How many go by e-mail.
    pub fn emails(&self) -> usize {
        self.count(|c| matches!(c, Channel::Email(_)))
    }

    /// How many go by letter.
    pub fn letters(&self) -> usize {
        self.count(|c| matches!(c, Channel::Letter(_)))
    }

    /// The members who cannot be reached, with what is missing.
    pub fn unreachable(&self) -> Vec<&Invitee> {
        self.invitees
            .iter()
            .filter(|i| matches!(i.channel, Channel::Unreachable(_)))
            .collect()
    }

    fn count(&self, f: impl Fn(&Channel) -> bool) -> usize {
        self.invitees.iter().filter(|i| f(&i.channel)).count()
    }
}

/// The general meetings.
pub struct Meetings<'a> {
    s: &'a Session,
}

fn not_found(id: u64) -> Error {
    Error::NotFound {
        kind: Meeting::KIND,
        id,
    }
}

impl<'a> Meetings<'a> {
    pub(crate) fn new(s: &'a Session) -> Self {
        Meetings { s }
    }

    /// The time now by the store's clock: the time a front end suggests for an arrival, a
    /// departure or a vote, for the user to correct.
    pub fn now(&self) -> NaiveTime {
        self.s.now().time()
    }

    /// The rules from the statutes (administrators and coordinators).
    pub fn rules(&self) -> Result<MeetingRules> {
        self.s.require(Permission::MeetingsRead)?;
        Ok(self
            .s
            .store()
            .setting::<MeetingRules>()?
            .unwrap_or_default())
    }

    /// Changes the rules (administrators).
    pub fn set_rules(&self, rules: MeetingRules) -> Result<()> {
        self.s.require(Permission::SettingsWrite)?;
        let mut c = Check::default();
        if !(1..=90).contains(&rules.notice_days) {
            c.fail("notice_days", Reason::OutOfRange(1, 90));
        }
        if !(7..=90).contains(&rules.statute_notice_days) {
            c.fail("statute_notice_days", Reason::OutOfRange(7, 90));
        }
        if !(5..=90).contains(&rules.inspection_days) {
            c.fail("inspection_days", Reason::OutOfRange(5, 90));
        }
        if rules.max_proxies > 10 {
            c.fail("max_proxies", Reason::OutOfRange(0, 10));
        }
        if !(1..=90).contains(&rules.second_meeting_days) {
            c.fail("second_meeting_days", Reason::OutOfRange(1, 90));
        }
        for (field, m) in [
            ("majority_ordinary", rules.majority_ordinary),
            ("majority_statute", rules.majority_statute),
        ] {
            if m.share.den == 0 || m.share.num > m.share.den || m.share.num == 0 {
                c.fail(field, Reason::OutOfRange(1, 100));
            }
        }
        for (field, q) in [
            ("quorum_ordinary", rules.quorum_ordinary),
            ("quorum_statute", rules.quorum_statute),
        ] {
            if q.is_some_and(|q| q.den == 0 || q.num > q.den) {
                c.fail(field, Reason::OutOfRange(0, 100));
            }
        }
        c.finish(()).map_err(Error::Invalid)?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            tx.put_setting(&rules)?;
            self.s.audit(tx, now, "settings.meetings", "settings", "")
        })
    }

    /// Every meeting with its id, the latest first.
    pub fn list(&self) -> Result<Vec<(u64, Meeting)>> {
        self.s.require(Permission::MeetingsRead)?;
        let mut all = self.s.store().scan::<Meeting>()?;
        all.sort_by(|a, b| b.1.at.cmp(&a.1.at).then(b.0.cmp(&a.0)));
        Ok(all)
    }

    /// One meeting.
    pub fn get(&self, id: u64) -> Result<Meeting> {
        self.s.require(Permission::MeetingsRead)?;
        self.s.store().get::<Meeting>(id)?.ok_or(not_found(id))
    }

    /// The next meeting from today on that has not been held, if any.
    pub fn next(&self) -> Result<Option<(u64, Meeting)>> {
        let today = self.s.today();
        Ok(self
            .list()?
            .into_iter()
            .filter(|(_, m)| m.date() >= today && !m.held())
            .min_by_key(|(id, m)| (m.at, *id)))
    }

    fn parse_meeting(
        &self,
        input: &MeetingInput,
    ) -> std::result::Result<(MeetingKind, NaiveDateTime, String), Vec<FieldError>> {
        let mut c = Check::default();
        let kind = MeetingKind::from_name(&input.kind);
        if kind.is_none() {
            c.fail("kind", Reason::NotOneOf(MeetingKind::NAMES));
        }
        let date = c.date("date", &input.date, true);
        let time = parse_time(&input.time);
        if time.is_none() {
            c.fail(
                "time",
                if input.time.trim().is_empty() {
                    Reason::Required
                } else {
                    Reason::BadTime
                },
            );
        }
        let place = c.text("place", &input.place, true);
        let at = date
            .zip(time)
            .map(|(d, t)| d.and_time(t))
            .unwrap_or_default();
        c.finish((kind.unwrap_or(MeetingKind::Extraordinary), at, place))
    }

    /// Plans a meeting; returns its id.
    pub fn plan(&self, input: &MeetingInput) -> Result<u64> {
        self.s.require(Permission::MeetingsManage)?;
        let (kind, at, place) = self.parse_meeting(input).map_err(Error::Invalid)?;
        let meeting = Meeting {
            kind,
            at,
            place,
            agenda: Vec::new(),
            convocation: None,
            presence: Vec::new(),
            proxies: Vec::new(),
            minutes_adopted: None,
        };
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::Meetings)?;
            tx.put(id, &meeting)?;
            self.s.audit(
                tx,
                now,
                "meeting.plan",
                &format!("meeting/{id}"),
                &format_date(at.date()),
            )?;
            Ok(id)
        })
    }

    /// Changes a meeting's kind, date, time or place. Once the convocation is sent, the date and
    /// time stay (a new date needs a new convocation: plan a new meeting).
    pub fn update(&self, id: u64, input: &MeetingInput) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        let (kind, at, place) = self.parse_meeting(input).map_err(Error::Invalid)?;
        self.change(id, "meeting.update", "", |m| {
            if m.convocation.is_some() && m.at != at {
                return Err(Error::invalid("date", Reason::Closed));
            }
            if !matches!(m.kind, MeetingKind::Second { .. }) {
                m.kind = kind;
            }
            m.at = at;
            m.place = place.clone();
            Ok(())
        })
    }

    /// Reads, changes and writes one meeting in one transaction with an audit entry.
    fn change(
        &self,
        id: u64,
        action: &str,
        detail: &str,
        f: impl Fn(&mut Meeting) -> Result<()>,
    ) -> Result<Meeting> {
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut m = tx
                .get::<Meeting>(id)?
                .ok_or(())
                .or_else(|_| abort(not_found(id)))?;
            if let Err(e) = f(&mut m) {
                return abort(e);
            }
            tx.put(id, &m)?;
            self.s
                .audit(tx, now, action, &format!("meeting/{id}"), detail)?;
            Ok(m)
        })
    }

    fn parse_item(&self, input: &ItemInput) -> Result<AgendaItem> {
        let mut c = Check::default();
        let title = c.text("title", &input.title, true);
        let topic = super::model::Topic::from_name(&input.topic);
        if topic.is_none() {
            c.fail("topic", Reason::NotOneOf(super::model::Topic::NAMES));
        }
        let motion = input.motion.trim().to_string();
        // A statute change is always decided on.
        let decision = input.decision || input.statute_change;
        if decision && motion.is_empty() {
            c.fail("motion", Reason::Required);
        }
        for (field, text) in [("motion", &motion), ("documents", &input.documents)] {
            c.lines(field, text);
            if text.chars().count() > MAX_TEXT {
                c.fail(field, Reason::TooLong(MAX_TEXT));
            }
        }
        let item = AgendaItem {
            title,
            decision,
            motion: if decision { motion } else { String::new() },
            statute_change: input.statute_change,
            topic: topic.unwrap_or_default(),
            documents: input.documents.trim().to_string(),
            minutes: String::new(),
            vote: None,
        };
        c.finish(item).map_err(Error::Invalid)
    }

    /// Adds an item at the end of the agenda; returns its index. A statute change cannot be added
    /// once the convocation is sent (the notice must say it is proposed).
    pub fn add_item(&self, id: u64, input: &ItemInput) -> Result<usize> {
        self.s.require(Permission::MeetingsManage)?;
        let item = self.parse_item(input)?;
        let m = self.change(id, "meeting.item.add", "", |m| {
            if item.statute_change && m.convocation.is_some() {
                return Err(Error::invalid("statute_change", Reason::Closed));
            }
            m.agenda.push(item.clone());
            Ok(())
        })?;
        Ok(m.agenda.len() - 1)
    }

    /// Changes an item that has not been voted on.
    pub fn update_item(&self, id: u64, index: usize, input: &ItemInput) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        let new = self.parse_item(input)?;
        self.change(id, "meeting.item.update", &index.to_string(), |m| {
            let sent = m.convocation.is_some();
            let item = item_mut(m, index)?;
            if item.vote.is_some() {
                return Err(Error::invalid("motion", Reason::Closed));
            }
            if sent && new.statute_change && !item.statute_change {
                return Err(Error::invalid("statute_change", Reason::Closed));
            }
            let minutes = std::mem::take(&mut item.minutes);
            *item = AgendaItem {
                minutes,
                ..new.clone()
            };
            Ok(())
        })
    }

    /// Removes an item that has not been voted on.
    pub fn remove_item(&self, id: u64, index: usize) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        self.change(id, "meeting.item.remove", &index.to_string(), |m| {
            if item_mut(m, index)?.vote.is_some() {
                return Err(Error::invalid("item", Reason::Closed));
            }
            m.agenda.remove(index);
            Ok(())
        })
    }

    /// Moves an item one place up (`up`) or down.
    pub fn move_item(&self, id: u64, index: usize, up: bool) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        self.change(id, "meeting.item.move", &index.to_string(), |m| {
            item_mut(m, index)?;
            let other = if up {
                index.checked_sub(1)
            } else {
                Some(index + 1)
            };
            if let Some(o) = other.filter(|o| *o < m.agenda.len()) {
                m.agenda.swap(index, o);
            }
            Ok(())
        })
    }

    /// The convocation deadlines.
    pub fn deadlines(&self, id: u64) -> Result<Deadlines> {
        let m = self.get(id)?;
        Ok(rules::deadlines(
            m.date(),
            m.has_statute_change(),
            &self.rules()?,
        ))
    }

    fn members(&self) -> Result<Vec<Member>> {
        Ok(self
            .s
            .store()
            .scan::<Member>()?
            .into_iter()
            .map(|(_, m)| m)
            .collect())
    }

    fn office(&self) -> Result<Office> {
        let settings = crate::settings::load(self.s.store())?;
        Ok(Office {
            name: settings.office_name,
            address: settings.office_address,
        })
    }

    /// The members invited (active and suspended on the day), each with how the invitation
    /// goes: e-mail with consent and an address, else a letter.
    pub fn invitees(&self, id: u64) -> Result<Vec<Invitee>> {
        self.s.require(Permission::MembersRead)?;
        let m = self.get(id)?;
        Ok(rules::invitees(&self.members()?, m.date(), &self.office()?))
    }

    /// The convocation: the letters with the agenda as one PDF, and the e-mail list as CSV
    /// (administrators: the board convenes).
    pub fn convocation(&self, id: u64) -> Result<ConvocationPack> {
        self.convocation_in(id, kapstok_text::Lang::Nl)
    }

    /// [`Self::convocation`] with the letters in a language.
    pub fn convocation_in(&self, id: u64, lang: kapstok_text::Lang) -> Result<ConvocationPack> {
        self.s.require(Permission::MeetingsManage)?;
        let m = self.get(id)?;
        let invitees = self.invitees(id)?;
        let deadlines = rules::deadlines(m.date(), m.has_statute_change(), &self.rules()?);
        let office = self.office()?;
        let letters: Vec<&Invitee> = invitees
            .iter()
            .filter(|i| matches!(i.channel, Channel::Letter(_)))
            .collect();
        let letters_pdf = if letters.is_empty() {
            Vec::new()
        } else {
            pdf::letters_in(&m, &deadlines, &office, &letters, lang).map_err(Error::from)?
        };
        let mut email_csv = Vec::new();
        {
            let mut w = csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut email_csv);
            let csv_error = |e: csv::Error| Error::Storage(format!("cannot write CSV: {e}"));
            w.write_record(["number", "name", "email"])
                .map_err(csv_error)?;
            for i in &invitees {
                if let Channel::Email(address) = &i.channel {
                    w.write_record([i.member.to_string().as_str(), &i.name, address])
                        .map_err(csv_error)?;
                }
            }
            w.flush()
                .map_err(|e| Error::Storage(format!("cannot write CSV: {e}")))?;
        }
        Ok(ConvocationPack {
            invitees,
            letters_pdf,
            email_csv,
        })
    }

    /// Envelope labels for the letters, on a label sheet from the 1-based `start` cell (the
    /// BaseMail label engine and the configured printer's calibration).
    pub fn envelope_labels(&self, id: u64, sheet_id: &str, start: u32) -> Result<LabelJob> {
        self.s.require(Permission::MeetingsManage)?;
        let invitees = self.invitees(id)?;
        let letters: Vec<(String, Vec<String>)> = invitees
            .into_iter()
            .filter_map(|i| match i.channel {
                Channel::Letter(lines) => Some((i.name, lines)),
                _ => None,
            })
            .collect();
        if letters.is_empty() {
            return Err(Error::invalid("letters", Reason::Required));
        }
        self.s.basemail().print_addresses(
            &letters,
            sheet_id,
            start,
            &format!("meeting/{id}"),
            "Convocatie ALV",
        )
    }

    /// Records the date the convocation was sent, with who was invited how. Sending after the
    /// deadline is refused unless `accept_late` (the front end warns first: a decision taken at a
    /// meeting convened too late is voidable).
    pub fn record_sent(&self, id: u64, sent: NaiveDate, accept_late: bool) -> Result<Convocation> {
        self.s.require(Permission::MeetingsManage)?;
        let m = self.get(id)?;
        let deadlines = rules::deadlines(m.date(), m.has_statute_change(), &self.rules()?);
        if sent > m.date() {
            return Err(Error::invalid("sent", Reason::After("date")));
        }
        if sent > deadlines.send_by && !accept_late {
            return Err(Error::invalid(
                "sent",
                Reason::LateConvocation(deadlines.send_by),
            ));
        }
        let invitees = self.invitees(id)?;
        let by = |email: bool| {
            invitees
                .iter()
                .filter(|i| matches!(i.channel, Channel::Email(_)) == email)
                .filter(|i| !matches!(i.channel, Channel::Unreachable(_)))
                .map(|i| i.member)
                .collect::<Vec<_>>()
        };
        let convocation = Convocation {
            sent,
            deadline: deadlines.send_by,
            by_email: by(true),
            by_letter: by(false),
        };
        let detail = if convocation.late() {
            format!("{} (late)", format_date(sent))
        } else {
            format_date(sent)
        };
        self.change(id, "meeting.convocation", &detail, |m| {
            m.convocation = Some(convocation.clone());
            Ok(())
        })?;
        Ok(convocation)
    }

    fn member(&self, tx: &Tx<'_>, field: &'static str, number: u64) -> TxResult<Member> {
        match tx.get::<Member>(number)? {
            Some(m) => Ok(m),
            None => abort(Error::invalid(field, Reason::DoesNotExist(number))),
        }
    }

    /// Registers a member present from `at` (a suspended member attends without a vote).
    pub fn arrive(&self, id: u64, member: u64, at: NaiveTime) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        self.attendance(id, "meeting.arrive", member, |m, who| {
            if !rules::may_attend(who, m.date()) {
                return Err(Error::invalid("member", Reason::NoVotingRight));
            }
            if m.is_present(member) {
                return Err(Error::invalid("member", Reason::AlreadyPresent));
            }
            m.presence.push(Presence {
                member,
                arrived: at,
                left: None,
                voting: rules::may_vote(who, m.date()),
            });
            Ok(())
        })
    }

    /// Registers that a member left at `at`: their vote and the proxies they hold leave with them.
    pub fn depart(&self, id: u64, member: u64, at: NaiveTime) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        self.attendance(id, "meeting.depart", member, |m, _| {
            let p = m
                .presence
                .iter_mut()
                .rev()
                .find(|p| p.member == member && p.left.is_none())
                .ok_or_else(|| Error::invalid("member", Reason::NotPresent))?;
            if at < p.arrived {
                return Err(Error::invalid("time", Reason::Before("arrived")));
            }
            p.left = Some(at);
            Ok(())
        })
    }

    /// Registers a written proxy: the giver is a voting member who is not present, the holder a
    /// voting member present who holds fewer than the most allowed.
    pub fn give_proxy(&self, id: u64, giver: u64, holder: u64) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        let r = self.rules()?;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut m = tx
                .get::<Meeting>(id)?
                .ok_or(())
                .or_else(|_| abort(not_found(id)))?;
            let g = self.member(tx, "giver", giver)?;
            self.member(tx, "holder", holder)?;
            let check = || -> Result<()> {
                if !r.proxies_allowed || r.max_proxies == 0 {
                    return Err(Error::invalid("holder", Reason::ProxiesNotAllowed));
                }
                if giver == holder {
                    return Err(Error::invalid("holder", Reason::SamePerson));
                }
                if !rules::may_vote(&g, m.date()) {
                    return Err(Error::invalid("giver", Reason::NoVotingRight));
                }
                if m.is_present(giver) {
                    return Err(Error::invalid("giver", Reason::AlreadyPresent));
                }
                if m.proxies.iter().any(|p| p.giver == giver) {
                    return Err(Error::invalid("giver", Reason::Taken));
                }
                match m.current(holder) {
                    None => return Err(Error::invalid("holder", Reason::NotPresent)),
                    Some(p) if !p.voting => {
                        return Err(Error::invalid("holder", Reason::NoVotingRight))
                    }
                    Some(_) => {}
                }
                let held = m.proxies.iter().filter(|p| p.holder == holder).count() as u32;
                if held >= r.max_proxies {
                    return Err(Error::invalid("holder", Reason::ProxyLimit(r.max_proxies)));
                }
                Ok(())
            };
            if let Err(e) = check() {
                return abort(e);
            }
            m.proxies.push(Proxy { giver, holder });
            tx.put(id, &m)?;
            self.s.audit(
                tx,
                now,
                "meeting.proxy",
                &format!("meeting/{id}"),
                &format!("{giver} -> {holder}"),
            )?;
            Ok(m)
        })
    }

    /// Withdraws the proxy a member gave.
    pub fn withdraw_proxy(&self, id: u64, giver: u64) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        self.change(id, "meeting.proxy.withdraw", &giver.to_string(), |m| {
            let before = m.proxies.len();
            m.proxies.retain(|p| p.giver != giver);
            if m.proxies.len() == before {
                return Err(Error::invalid("giver", Reason::DoesNotExist(giver)));
            }
            Ok(())
        })
    }

    fn attendance(
        &self,
        id: u64,
        action: &str,
        member: u64,
        f: impl Fn(&mut Meeting, &Member) -> Result<()>,
    ) -> Result<Meeting> {
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut m = tx
                .get::<Meeting>(id)?
                .ok_or(())
                .or_else(|_| abort(not_found(id)))?;
            let who = self.member(tx, "member", member)?;
            if let Err(e) = f(&mut m, &who) {
                return abort(e);
            }
            tx.put(id, &m)?;
            self.s
                .audit(
                    tx,
                    now,
                    action,
                    &format!("meeting/{id}"),
                    &member.to_string(),
                )
                .map(|_| m)
        })
    }

    /// Records the vote on a decision item by counts. The counts cannot exceed the voting power
    /// present; the result follows the item's majority and quorum.
    pub fn vote_counts(
        &self,
        id: u64,
        index: usize,
        tally: Tally,
        at: NaiveTime,
    ) -> Result<Decision> {
        self.vote(id, index, Ballots::Counts(tally), at)
    }

    /// Records the vote on a decision item by roll call: each voter present (or represented by a
    /// proxy holder) once.
    pub fn vote_roll_call(
        &self,
        id: u64,
        index: usize,
        votes: Vec<(u64, Choice)>,
        at: NaiveTime,
    ) -> Result<Decision> {
        self.vote(id, index, Ballots::RollCall(votes), at)
    }

    fn vote(&self, id: u64, index: usize, ballots: Ballots, at: NaiveTime) -> Result<Decision> {
        self.s.require(Permission::MeetingsManage)?;
        let r = self.rules()?;
        let date = self.get(id)?.date();
        let voting_members = self
            .members()?
            .iter()
            .filter(|m| rules::may_vote(m, date))
            .count() as u32;
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let mut m = tx
                .get::<Meeting>(id)?
                .ok_or(())
                .or_else(|_| abort(not_found(id)))?;
            let power = rules::voting_power(&m);
            let allowed: BTreeSet<u64> = rules::voters(&m).into_iter().collect();
            let second = matches!(m.kind, MeetingKind::Second { .. });
            let item = match item_mut(&mut m, index) {
                Ok(i) => i,
                Err(e) => return abort(e),
            };
            if !item.decision {
                return abort(Error::invalid("item", Reason::NotADecision));
            }
            if item.vote.is_some() {
                return abort(Error::invalid("item", Reason::Closed));
            }
            let tally = match &ballots {
                Ballots::Counts(t) => *t,
                Ballots::RollCall(votes) => {
                    let mut seen = BTreeSet::new();
                    for (member, _) in votes {
                        if !allowed.contains(member) {
                            return abort(Error::invalid("member", Reason::NotPresent));
                        }
                        if !seen.insert(*member) {
                            return abort(Error::invalid("member", Reason::Taken));
                        }
                    }
                    Tally::of(votes)
                }
            };
            if tally.total() > power {
                return abort(Error::invalid("votes", Reason::MoreVotesThanPower(power)));
            }
            let decision = rules::decide(
                tally,
                item.statute_change,
                second,
                power,
                voting_members,
                &r,
            );
            item.vote = Some(Vote {
                at,
                ballots: ballots.clone(),
                power,
                voting_members,
                decision,
            });
            tx.put(id, &m)?;
            let detail = format!(
                "item {index}: {} for, {} against, {} abstain, {} blank: {}",
                tally.for_votes,
                tally.against,
                tally.abstain,
                tally.blank,
                if decision.adopted {
                    "adopted"
                } else {
                    "rejected"
                }
            );
            self.s
                .audit(tx, now, "meeting.vote", &format!("meeting/{id}"), &detail)?;
            Ok(decision)
        })
    }

    /// Writes the minutes of one item (until they are adopted).
    pub fn set_minutes(&self, id: u64, index: usize, text: &str) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        crate::common::check::refuse_control("minutes", text.trim(), true)?;
        if text.chars().count() > MAX_TEXT {
            return Err(Error::invalid("minutes", Reason::TooLong(MAX_TEXT)));
        }
        let text = text.trim().to_string();
        self.change(id, "meeting.minutes", &index.to_string(), |m| {
            if m.minutes_adopted.is_some() {
                return Err(Error::invalid("minutes", Reason::Closed));
            }
            item_mut(m, index)?.minutes = text.clone();
            Ok(())
        })
    }

    /// Records that the minutes of meeting `id` were adopted at the later meeting `at_meeting`.
    pub fn adopt_minutes(&self, id: u64, at_meeting: u64) -> Result<Meeting> {
        self.s.require(Permission::MeetingsManage)?;
        let later = self.get(at_meeting)?;
        self.change(id, "meeting.minutes.adopt", &at_meeting.to_string(), |m| {
            if m.minutes_adopted.is_some() {
                return Err(Error::invalid("minutes", Reason::Closed));
            }
            if later.at <= m.at {
                return Err(Error::invalid("at_meeting", Reason::Before("date")));
            }
            if !m.agenda.iter().any(|i| !i.minutes.is_empty()) {
                return Err(Error::invalid("minutes", Reason::Required));
            }
            m.minutes_adopted = Some(Adoption {
                meeting: at_meeting,
                on: later.date(),
            });
            Ok(())
        })
    }

    /// Plans the second meeting after a failed quorum: the items that failed it, on a date after
    /// the first meeting and within the statutes' term; it decides regardless of attendance.
    pub fn plan_second(&self, first: u64, date: &str, time: &str, place: &str) -> Result<u64> {
        self.s.require(Permission::MeetingsManage)?;
        let m = self.get(first)?;
        let r = self.rules()?;
        let failed: Vec<AgendaItem> = m
            .agenda
            .iter()
            .filter(|i| {
                matches!(
                    i.vote.as_ref().map(|v| v.decision.why),
                    Some(Why::NoQuorum { .. })
                )
            })
            .map(|i| AgendaItem {
                minutes: String::new(),
                vote: None,
                ..i.clone()
            })
            .collect();
        if failed.is_empty() {
            return Err(Error::invalid("meeting", Reason::NoFailedQuorum));
        }
        let (_, at, place) = self
            .parse_meeting(&MeetingInput {
                kind: "extraordinary".into(),
                date: date.into(),
                time: time.into(),
                place: place.into(),
            })
            .map_err(Error::Invalid)?;
        let last = m
            .date()
            .checked_add_days(Days::new(r.second_meeting_days as u64))
            .unwrap_or(m.date());
        if at <= m.at {
            return Err(Error::invalid("date", Reason::Before("first")));
        }
        if at.date() > last {
            return Err(Error::invalid("date", Reason::After("second_meeting_days")));
        }
        let second = Meeting {
            kind: MeetingKind::Second { first },
            at,
            place,
            agenda: failed,
            convocation: None,
            presence: Vec::new(),
            proxies: Vec::new(),
            minutes_adopted: None,
        };
        let now = self.s.now();
        self.s.store().transact(|tx| {
            let id = tx.next_seq(crate::store::Counter::Meetings)?;
            tx.put(id, &second)?;
            self.s.audit(
                tx,
                now,
                "meeting.plan_second",
                &format!("meeting/{id}"),
                &first.to_string(),
            )?;
            Ok(id)
        })
    }

    /// The decision register across all meetings, oldest first; `query` filters on the title and
    /// motion (diacritics and case ignored; empty: all).
    pub fn decisions(&self, query: &str) -> Result<Vec<DecisionEntry>> {
        let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
        let mut all = Vec::new();
        for (id, m) in self.list()?.into_iter().rev() {
            for (index, item) in m.agenda.iter().enumerate() {
                let Some(vote) = &item.vote else { continue };
                let hay = fold(&format!("{} {}", item.title, item.motion));
                if words.iter().all(|w| hay.contains(w.as_str())) {
                    all.push(DecisionEntry {
                        meeting: id,
                        at: m.at,
                        item: index,
                        title: item.title.clone(),
                        motion: item.motion.clone(),
                        statute_change: item.statute_change,
                        decision: vote.decision,
                    });
                }
            }
        }
        Ok(all)
    }

    /// The year's reminders: annual report and accounts, audit committee, autumn meeting.
    pub fn reminders(&self) -> Result<Vec<Reminder>> {
        let all = self.list()?;
        Ok(rules::reminders(&all, self.s.today()))
    }

    /// The attendance sheet for signatures: everyone invited, pre-filled, with their vote (a
    /// read of the meeting: whoever may see the meetings).
    pub fn attendance_sheet(&self, id: u64) -> Result<Vec<u8>> {
        self.attendance_sheet_in(id, kapstok_text::Lang::Nl)
    }

    /// [`Self::attendance_sheet`] in a language.
    pub fn attendance_sheet_in(&self, id: u64, lang: kapstok_text::Lang) -> Result<Vec<u8>> {
        self.s.require(Permission::MeetingsRead)?;
        let m = self.get(id)?;
        let invitees = self.invitees(id)?;
        let office = self.office()?;
        pdf::attendance_sheet_in(&m, &office, &invitees, lang).map_err(Error::from)
    }

    /// Member names by number, for showing the attendance register and proxies.
    pub fn names(&self, numbers: &[u64]) -> Result<HashMap<u64, String>> {
        self.s.require(Permission::MembersRead)?;
        let mut out = HashMap::new();
        for n in numbers {
            if let Some(m) = self.s.store().get::<Member>(*n)? {
                out.insert(*n, m.name.full());
            }
        }
        Ok(out)
    }
}

fn item_mut(m: &mut Meeting, index: usize) -> Result<&mut AgendaItem> {
    let len = m.agenda.len();
    m.agenda
        .get_mut(index)
        .ok_or(Error::invalid("item", Reason::OutOfRange(1, len as u64)))
}
