//! The records of the general meetings: the meeting with its agenda, convocation, attendance
//! register, proxies, votes and minutes; and the rules from the statutes.

use crate::store::{Record, TreeId};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// The kind of a general meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingKind {
    /// The regular spring meeting: annual report and accounts.
    Spring,
    /// The regular autumn meeting: policy plan and budget.
    Autumn,
    /// An extraordinary meeting (on request of members or the board).
    Extraordinary,
    /// A second meeting after a first one failed its quorum; it decides regardless of attendance.
    Second {
        /// The first meeting's id.
        first: u64,
    },
}

impl MeetingKind {
    /// The stable names of the kinds that can be chosen when planning (a second meeting is made
    /// from a failed quorum).
    pub const NAMES: &'static [&'static str] = &["spring", "autumn", "extraordinary"];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            MeetingKind::Spring => "spring",
            MeetingKind::Autumn => "autumn",
            MeetingKind::Extraordinary => "extraordinary",
            MeetingKind::Second { .. } => "second",
        }
    }

    /// The kind with this stable name (not `second`).
    pub fn from_name(name: &str) -> Option<MeetingKind> {
        match crate::common::fold(name).as_str() {
            "spring" | "voorjaar" => Some(MeetingKind::Spring),
            "autumn" | "najaar" => Some(MeetingKind::Autumn),
            "extraordinary" | "extra" | "buitengewoon" => Some(MeetingKind::Extraordinary),
            _ => None,
        }
    }
}

/// What an agenda item is about, as far as the year's cycle needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Topic {
    /// Anything else.
    #[default]
    Other,
    /// The annual report and accounts of the last year (within 6 months after year end).
    AnnualReport,
    /// Appointing the audit committee (kascommissie).
    AuditCommittee,
    /// The policy plan.
    PolicyPlan,
    /// The budget.
    Budget,
    /// Adopting the minutes of an earlier meeting.
    Minutes,
}

impl Topic {
    /// The stable names.
    pub const NAMES: &'static [&'static str] = &[
        "other",
        "annual_report",
        "audit_committee",
        "policy_plan",
        "budget",
        "minutes",
    ];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Other => "other",
            Topic::AnnualReport => "annual_report",
            Topic::AuditCommittee => "audit_committee",
            Topic::PolicyPlan => "policy_plan",
            Topic::Budget => "budget",
            Topic::Minutes => "minutes",
        }
    }

    /// The topic with this stable name (empty: other).
    pub fn from_name(name: &str) -> Option<Topic> {
        let name = name.trim();
        if name.is_empty() {
            return Some(Topic::Other);
        }
        Topic::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| match i {
                1 => Topic::AnnualReport,
                2 => Topic::AuditCommittee,
                3 => Topic::PolicyPlan,
                4 => Topic::Budget,
                5 => Topic::Minutes,
                _ => Topic::Other,
            })
    }
}

/// One vote in a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    /// In favour.
    For,
    /// Against.
    Against,
    /// Abstains.
    Abstain,
    /// A blank vote (counts as not cast).
    Blank,
}

impl Choice {
    /// The stable names.
    pub const NAMES: &'static [&'static str] = &["for", "against", "abstain", "blank"];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            Choice::For => "for",
            Choice::Against => "against",
            Choice::Abstain => "abstain",
            Choice::Blank => "blank",
        }
    }

    /// The choice with this stable name (Dutch names accepted too).
    pub fn from_name(name: &str) -> Option<Choice> {
        match crate::common::fold(name).as_str() {
            "for" | "voor" | "v" => Some(Choice::For),
            "against" | "tegen" | "t" => Some(Choice::Against),
            "abstain" | "onthouding" | "o" => Some(Choice::Abstain),
            "blank" | "blanco" | "b" => Some(Choice::Blank),
            _ => None,
        }
    }
}

/// The counted votes on one motion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// In favour.
    pub for_votes: u32,
    /// Against.
    pub against: u32,
    /// Abstentions (not cast).
    pub abstain: u32,
    /// Blank votes (not cast).
    pub blank: u32,
}

impl Tally {
    /// The votes cast: for and against. Blank votes and abstentions are not cast.
    pub fn cast(&self) -> u32 {
        self.for_votes + self.against
    }

    /// Every vote handed in, cast or not.
    pub fn total(&self) -> u32 {
        self.for_votes + self.against + self.abstain + self.blank
    }

    /// Counts a roll call.
    pub fn of(votes: &[(u64, Choice)]) -> Tally {
        let mut t = Tally::default();
        for (_, c) in votes {
            match c {
                Choice::For => t.for_votes += 1,
                Choice::Against => t.against += 1,
                Choice::Abstain => t.abstain += 1,
                Choice::Blank => t.blank += 1,
            }
        }
        t
    }
}

/// A fraction such as 2/3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    /// Numerator.
    pub num: u32,
    /// Denominator (never 0).
    pub den: u32,
}

impl Fraction {
    /// `num/den`.
    pub const fn new(num: u32, den: u32) -> Fraction {
        Fraction { num, den }
    }

    /// Parses `2/3`, `1/2`, or a percentage `60%`.
    pub fn parse(text: &str) -> Option<Fraction> {
        let t = text.trim();
        let f = if let Some(p) = t.strip_suffix('%') {
            Fraction::new(p.trim().parse().ok()?, 100)
        } else {
            let (a, b) = t.split_once('/')?;
            Fraction::new(a.trim().parse().ok()?, b.trim().parse().ok()?)
        };
        (f.den > 0 && f.num <= f.den).then_some(f)
    }
}

impl std::fmt::Display for Fraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.den == 100 {
            write!(f, "{}%", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// The majority a decision needs, of the votes cast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Majority {
    /// The share of the votes cast.
    pub share: Fraction,
    /// `true`: more than the share (an absolute majority is more than 1/2); `false`: at least it.
    pub more_than: bool,
}

impl Majority {
    /// More than half of the votes cast.
    pub const ABSOLUTE: Majority = Majority {
        share: Fraction::new(1, 2),
        more_than: true,
    };
    /// At least two thirds of the votes cast.
    pub const TWO_THIRDS: Majority = Majority {
        share: Fraction::new(2, 3),
        more_than: false,
    };

    /// Parses `>1/2` (more than) or `2/3` (at least).
    pub fn parse(text: &str) -> Option<Majority> {
        let t = text.trim();
        match t.strip_prefix('>') {
            Some(rest) => Fraction::parse(rest).map(|share| Majority {
                share,
                more_than: true,
            }),
            None => Fraction::parse(t).map(|share| Majority {
                share,
                more_than: false,
            }),
        }
    }
}

impl std::fmt::Display for Majority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.more_than {
            write!(f, ">{}", self.share)
        } else {
            write!(f, "{}", self.share)
        }
    }
}

/// Why a motion was adopted or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Why {
    /// The majority was reached.
    Adopted {
        /// The majority needed.
        needed: Majority,
    },
    /// The majority was not reached.
    NoMajority {
        /// The majority needed.
        needed: Majority,
    },
    /// As many votes for as against: a tie rejects.
    Tie,
    /// No votes were cast (only blank votes and abstentions, or none).
    NoneCast,
    /// Too few voting members were present or represented.
    NoQuorum {
        /// The share of the voting members that had to be present or represented.
        needed: Fraction,
        /// Present or represented.
        represented: u32,
        /// Voting members in all.
        voting_members: u32,
    },
}

/// The result of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Whether the motion was adopted.
    pub adopted: bool,
    /// Why.
    pub why: Why,
    /// The votes.
    pub tally: Tally,
}

impl Decision {
    /// The share of the votes cast that was for, in whole percent (rounded to nearest), when
    /// any were cast.
    pub fn percent_for(&self) -> Option<u32> {
        let cast = self.tally.cast();
        (cast > 0)
            .then(|| ((self.tally.for_votes as u64 * 200 + cast as u64) / (cast as u64 * 2)) as u32)
    }
}

/// The votes handed in on one motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ballots {
    /// Counted by show of hands or ballot: only the numbers.
    Counts(Tally),
    /// Per person (member number, choice), proxies voting for their givers.
    RollCall(Vec<(u64, Choice)>),
}

/// A vote taken on a decision item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// When (during the meeting).
    pub at: NaiveTime,
    /// The votes.
    pub ballots: Ballots,
    /// The voting power present then: voting members present plus the proxies they held.
    pub power: u32,
    /// The voting members of the association then.
    pub voting_members: u32,
    /// The result.
    pub decision: Decision,
}

/// One agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Title ("Jaarverslag 2025").
    pub title: String,
    /// `true`: a decision is taken (there is a motion); `false`: for information.
    pub decision: bool,
    /// The motion's text (decision items).
    pub motion: String,
    /// A statute change (longer notice, inspection, other majority and quorum).
    pub statute_change: bool,
    /// What the item is about, for the year's cycle.
    pub topic: Topic,
    /// Documents members can inspect beforehand.
    pub documents: String,
    /// The minutes of this item.
    pub minutes: String,
    /// The vote, once taken.
    pub vote: Option<Vote>,
}

/// The convocation as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Convocation {
    /// The date it was sent.
    pub sent: NaiveDate,
    /// The deadline it had to meet.
    pub deadline: NaiveDate,
    /// Invited by e-mail (member numbers).
    pub by_email: Vec<u64>,
    /// Invited by letter (member numbers).
    pub by_letter: Vec<u64>,
}

impl Convocation {
    /// Sent after the deadline.
    pub fn late(&self) -> bool {
        self.sent > self.deadline
    }
}

/// A member's presence at the meeting (a member who leaves and comes back has two).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// The member.
    pub member: u64,
    /// Arrived at.
    pub arrived: NaiveTime,
    /// Left at, when they left.
    pub left: Option<NaiveTime>,
    /// Whether they may vote (active on the day; suspended members attend without a vote).
    pub voting: bool,
}

/// A written proxy: the giver lets the holder vote for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proxy {
    /// Who gave it.
    pub giver: u64,
    /// Who holds it.
    pub holder: u64,
}

/// The minutes adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    /// The later meeting that adopted them.
    pub meeting: u64,
    /// The date.
    pub on: NaiveDate,
}

/// A general meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The kind.
    pub kind: MeetingKind,
    /// Date and time it starts.
    pub at: NaiveDateTime,
    /// Where.
    pub place: String,
    /// The agenda, in order.
    pub agenda: Vec<AgendaItem>,
    /// The convocation, once sent.
    pub convocation: Option<Convocation>,
    /// The attendance register.
    pub presence: Vec<Presence>,
    /// The proxies handed in.
    pub proxies: Vec<Proxy>,
    /// When its minutes were adopted.
    pub minutes_adopted: Option<Adoption>,
}

impl Meeting {
    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }

    /// Whether a statute change is on the agenda.
    pub fn has_statute_change(&self) -> bool {
        self.agenda.iter().any(|i| i.statute_change)
    }

    /// Whether a member is present now (arrived, not left).
    pub fn is_present(&self, member: u64) -> bool {
        self.current(member).is_some()
    }

    /// The member's presence now.
    pub fn current(&self, member: u64) -> Option<&Presence> {
        self.presence
            .iter()
            .rev()
            .find(|p| p.member == member && p.left.is_none())
    }

    /// Whether anyone was registered present or any vote was taken: the meeting was held.
    pub fn held(&self) -> bool {
        !self.presence.is_empty() || self.agenda.iter().any(|i| i.vote.is_some())
    }
}

/// The stored versions of a meeting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum MeetingRecord {
    /// The first version.
    V1(Meeting),
}

impl Record for Meeting {
    const TREE: TreeId = TreeId::Meetings;
    const KIND: &'static str = "meeting";
    type Stored = MeetingRecord;
    fn to_stored(&self) -> MeetingRecord {
        MeetingRecord::V1(self.clone())
    }
    fn from_stored(stored: MeetingRecord) -> Self {
        match stored {
            MeetingRecord::V1(m) => m,
        }
    }
}

/// The rules from the statutes (a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRules {
    /// Days of notice for a convocation.
    pub notice_days: u32,
    /// Days of notice at least when a statute change is on the agenda (Civil Code 2:42: 7).
    pub statute_notice_days: u32,
    /// Days before the meeting a statute change proposal is available for inspection (2:42: 5).
    pub inspection_days: u32,
    /// Whether members may give a written proxy.
    pub proxies_allowed: bool,
    /// The most proxies one person may hold.
    pub max_proxies: u32,
    /// The share of voting members present or represented for an ordinary decision (none: no
    /// quorum).
    pub quorum_ordinary: Option<Fraction>,
    /// The same for a statute change.
    pub quorum_statute: Option<Fraction>,
    /// The majority of votes cast for an ordinary decision.
    pub majority_ordinary: Majority,
    /// The majority of votes cast for a statute change.
    pub majority_statute: Majority,
    /// Within how many days after a failed quorum the second meeting is held.
    pub second_meeting_days: u32,
}

impl Default for MeetingRules {
    fn default() -> Self {
        MeetingRules {
            notice_days: 14,
            statute_notice_days: 7,
            inspection_days: 5,
            proxies_allowed: true,
            max_proxies: 1,
            quorum_ordinary: None,
            quorum_statute: Some(Fraction::new(2, 3)),
            majority_ordinary: Majority::ABSOLUTE,
            majority_statute: Majority::TWO_THIRDS,
            second_meeting_days: 28,
        }
    }
}

/// The stored versions of the meeting rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum MeetingRulesRecord {
    /// The first version.
    V1(MeetingRules),
}

impl Record for MeetingRules {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "meeting rules";
    type Stored = MeetingRulesRecord;
    fn to_stored(&self) -> MeetingRulesRecord {
        MeetingRulesRecord::V1(*self)
    }
    fn from_stored(stored: MeetingRulesRecord) -> Self {
        match stored {
            MeetingRulesRecord::V1(r) => r,
        }
    }
}
