//! The rules of the general meeting as pure functions: convocation deadlines, who is invited and
//! how, voting power, proxies, the outcome of a vote, and the year's reminders.

use super::model::{
    Decision, Majority, Meeting, MeetingKind, MeetingRules, Proxy, Tally, Topic, Why,
};
use crate::basemail::rules::address_lines;
use crate::basemail::Office;
use crate::common::is_email;
use crate::members::{Member, Status};
use chrono::{Datelike, Days, NaiveDate};

/// The convocation deadlines of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// The days of notice that apply.
    pub notice_days: u32,
    /// The last day the convocation can be sent.
    pub send_by: NaiveDate,
    /// With a statute change: the day from which the full proposal must be available for
    /// inspection at the latest.
    pub inspection_from: Option<NaiveDate>,
}

/// The deadlines for a meeting on `date`: the convocation goes out at least `notice_days` before
/// the meeting (the day of sending counted, so a meeting on 15 June with 14 days' notice is
/// convened on 1 June at the latest); with a statute change at least the statute notice (Civil
/// Code 2:42, 7 days) and the proposal is open for inspection from `inspection_days` before.
pub fn deadlines(date: NaiveDate, statute_change: bool, rules: &MeetingRules) -> Deadlines {
    let notice_days = if statute_change {
        rules.notice_days.max(rules.statute_notice_days)
    } else {
        rules.notice_days
    };
    let back = |days: u32| {
        date.checked_sub_days(Days::new(days as u64))
            .unwrap_or(date)
    };
    Deadlines {
        notice_days,
        send_by: back(notice_days),
        inspection_from: statute_change.then(|| back(rules.inspection_days)),
    }
}

/// How an invitation reaches a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Channel {
    /// By e-mail: the member consented and gave an address (Civil Code 2:41).
    Email(String),
    /// By letter, to these envelope lines (name first).
    Letter(Vec<String>),
    /// No way to reach them: what is missing (`address`, `office_address`).
    Unreachable(&'static str),
}

/// A member invited to a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    /// Member number.
    pub member: u64,
    /// Full name.
    pub name: String,
    /// Whether they may vote (suspended members attend without a vote).
    pub voting: bool,
    /// How the invitation goes.
    pub channel: Channel,
}

/// Whether a member may vote at a meeting on `date`: active on that day.
pub fn may_vote(m: &Member, date: NaiveDate) -> bool {
    matches!(m.status_on(date).unwrap_or(m.status()), Status::Active)
}

/// Whether a member may attend a meeting on `date`: active or suspended on that day (ended and
/// deceased members are not invited).
pub fn may_attend(m: &Member, date: NaiveDate) -> bool {
    m.status_on(date).unwrap_or(m.status()).is_member()
}

/// The members invited to a meeting on `date`, in the register's name order, each with the way
/// their invitation goes: e-mail for those who consented and gave a valid address, else a letter.
pub fn invitees(members: &[Member], date: NaiveDate, office: &Office) -> Vec<Invitee> {
    let mut list: Vec<&Member> = members.iter().filter(|m| may_attend(m, date)).collect();
    list.sort_by_cached_key(|m| (m.name.sort_key(), m.number));
    list.into_iter()
        .map(|m| {
            let name = m.name.full();
            let email = m.email.trim();
            let channel = if m.consents.convocation_email.is_some() && is_email(email) {
                Channel::Email(email.to_string())
            } else {
                match address_lines(&name, None, Some(&m.address), office) {
                    Ok(lines) => Channel::Letter(lines),
                    Err(missing) => Channel::Unreachable(missing),
                }
            };
            Invitee {
                member: m.number,
                name,
                voting: may_vote(m, date),
                channel,
            }
        })
        .collect()
}

/// The voting power present: the voting members present now plus the proxies they hold for
/// voting members who are not present themselves.
pub fn voting_power(meeting: &Meeting) -> u32 {
    present_voters(meeting).len() as u32 + valid_proxies(meeting).len() as u32
}

/// The voting members present now.
pub fn present_voters(meeting: &Meeting) -> Vec<u64> {
    let mut v: Vec<u64> = meeting
        .presence
        .iter()
        .filter(|p| p.left.is_none() && p.voting)
        .map(|p| p.member)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The proxies that count now: the holder is present with a vote, the giver is not present.
pub fn valid_proxies(meeting: &Meeting) -> Vec<Proxy> {
    meeting
        .proxies
        .iter()
        .filter(|p| {
            meeting.current(p.holder).is_some_and(|h| h.voting) && !meeting.is_present(p.giver)
        })
        .copied()
        .collect()
}

/// Who may vote now: the voting members present and the givers of the proxies that count.
pub fn voters(meeting: &Meeting) -> Vec<u64> {
    let mut v = present_voters(meeting);
    v.extend(valid_proxies(meeting).iter().map(|p| p.giver));
    v.sort_unstable();
    v
}

/// The outcome of a vote: first the quorum (not at a second meeting), then the majority of the
/// votes cast (blank votes and abstentions are not cast); a tie rejects, as does a vote where none
/// were cast.
pub fn decide(
    tally: Tally,
    statute_change: bool,
    second_meeting: bool,
    represented: u32,
    voting_members: u32,
    rules: &MeetingRules,
) -> Decision {
    let (quorum, needed) = if statute_change {
        (rules.quorum_statute, rules.majority_statute)
    } else {
        (rules.quorum_ordinary, rules.majority_ordinary)
    };
    let decision = |adopted, why| Decision {
        adopted,
        why,
        tally,
    };
    if let (Some(q), false) = (quorum, second_meeting) {
        if (represented as u64) * (q.den as u64) < (voting_members as u64) * (q.num as u64) {
            return decision(
                false,
                Why::NoQuorum {
                    needed: q,
                    represented,
                    voting_members,
                },
            );
        }
    }
    let cast = tally.cast();
    if cast == 0 {
        return decision(false, Why::NoneCast);
    }
    if tally.for_votes == tally.against {
        return decision(false, Why::Tie);
    }
    if reaches(tally.for_votes, cast, needed) {
        decision(true, Why::Adopted { needed })
    } else {
        decision(false, Why::NoMajority { needed })
    }
}

/// Whether `part` of `whole` reaches the majority, in exact integer arithmetic.
fn reaches(part: u32, whole: u32, m: Majority) -> bool {
    let lhs = part as u64 * m.share.den as u64;
    let rhs = whole as u64 * m.share.num as u64;
    if m.more_than {
        lhs > rhs
    } else {
        lhs >= rhs
    }
}

/// Where one of the year's duties stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Done, at this meeting.
    Done(u64),
    /// On the agenda of this planned meeting.
    Planned(u64),
    /// Not planned yet; the deadline is still ahead.
    Open,
    /// Not done and the deadline has passed.
    Overdue,
}

/// A duty of the year's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// The annual report and accounts of the previous year adopted within 6 months after year
    /// end (Civil Code 2:48).
    AnnualReport,
    /// The audit committee (kascommissie) appointed this year.
    AuditCommittee,
    /// The autumn meeting (policy plan and budget) planned this year.
    AutumnMeeting,
}

/// One reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// The duty.
    pub duty: Duty,
    /// Its deadline.
    pub deadline: NaiveDate,
    /// Where it stands.
    pub standing: Standing,
}

/// The year's reminders on `today`, from the meetings (with their ids).
pub fn reminders(meetings: &[(u64, Meeting)], today: NaiveDate) -> Vec<Reminder> {
    let year = today.year();
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or(today);
    let report_deadline = ymd(6, 30);
    let year_end = ymd(12, 31);
    let in_year = |m: &Meeting| m.date().year() == year;
    let item_standing = |topic: Topic, deadline: NaiveDate| {
        let mut planned = None;
        for (id, m) in meetings
            .iter()
            .filter(|(_, m)| in_year(m) && m.date() <= deadline)
        {
            for item in m.agenda.iter().filter(|i| i.topic == topic) {
                match &item.vote {
                    Some(v) if v.decision.adopted => return Standing::Done(*id),
                    Some(_) => {}
                    None if m.date() >= today => planned = planned.or(Some(*id)),
                    None => {}
                }
            }
        }
        match planned {
            Some(id) => Standing::Planned(id),
            None if today > deadline => Standing::Overdue,
            None => Standing::Open,
        }
    };
    let autumn = meetings
        .iter()
        .filter(|(_, m)| in_year(m) && m.kind == MeetingKind::Autumn)
        .map(|(id, m)| {
            if m.held() {
                Standing::Done(*id)
            } else {
                Standing::Planned(*id)
            }
        })
        .next()
        .unwrap_or(if today > year_end {
            Standing::Overdue
        } else {
            Standing::Open
        });
    vec![
        Reminder {
            duty: Duty::AnnualReport,
            deadline: report_deadline,
            standing: item_standing(Topic::AnnualReport, report_deadline),
        },
        Reminder {
            duty: Duty::AuditCommittee,
            deadline: year_end,
            standing: item_standing(Topic::AuditCommittee, year_end),
        },
        Reminder {
            duty: Duty::AutumnMeeting,
            deadline: year_end,
            standing: autumn,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::model::Fraction;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(f: u32, a: u32, ab: u32, b: u32) -> Tally {
        Tally {
            for_votes: f,
            against: a,
            abstain: ab,
            blank: b,
        }
    }

    #[test]
    fn fourteen_days_notice_across_a_month_end() {
        let r = MeetingRules::default();
        let dl = deadlines(d(2026, 3, 10), false, &r);
        assert_eq!(dl.send_by, d(2026, 2, 24));
        assert_eq!(dl.notice_days, 14);
        assert_eq!(dl.inspection_from, None);
        // Across a year end.
        assert_eq!(deadlines(d(2027, 1, 5), false, &r).send_by, d(2026, 12, 22));
    }

    #[test]
    fn a_statute_change_needs_seven_days_at_least_and_five_days_inspection() {
        let mut r = MeetingRules {
            notice_days: 3,
            ..MeetingRules::default()
        };
        let dl = deadlines(d(2026, 3, 3), true, &r);
        assert_eq!(dl.notice_days, 7);
        assert_eq!(dl.send_by, d(2026, 2, 24));
        assert_eq!(dl.inspection_from, Some(d(2026, 2, 26)));
        r.notice_days = 14;
        assert_eq!(deadlines(d(2026, 3, 3), true, &r).send_by, d(2026, 2, 17));
    }

    #[test]
    fn absolute_majority_at_its_boundaries() {
        let r = MeetingRules::default();
        let go = |tally| decide(tally, false, false, 10, 100, &r);
        assert!(go(t(6, 5, 0, 0)).adopted);
        assert_eq!(go(t(5, 5, 0, 0)).why, Why::Tie);
        assert!(!go(t(5, 5, 0, 0)).adopted);
        // Blank votes and abstentions are not cast.
        assert!(go(t(3, 2, 4, 4)).adopted);
        assert_eq!(go(t(0, 0, 3, 2)).why, Why::NoneCast);
        assert!(!go(t(4, 5, 0, 0)).adopted);
    }

    #[test]
    fn two_thirds_exactly_adopts_a_statute_change() {
        let r = MeetingRules {
            quorum_statute: None,
            ..MeetingRules::default()
        };
        let go = |tally| decide(tally, true, false, 10, 10, &r);
        let exact = go(t(10, 5, 0, 0));
        assert!(exact.adopted);
        assert_eq!(exact.percent_for(), Some(67));
        let short = go(t(11, 7, 0, 0));
        assert!(!short.adopted);
        assert_eq!(short.percent_for(), Some(61));
        assert_eq!(
            short.why,
            Why::NoMajority {
                needed: Majority::TWO_THIRDS
            }
        );
        // Blank votes do not count against.
        assert!(go(t(2, 1, 0, 6)).adopted);
    }

    #[test]
    fn quorum_is_checked_first_and_not_at_a_second_meeting() {
        let r = MeetingRules::default();
        let fail = decide(t(10, 0, 0, 0), true, false, 65, 99, &r);
        assert!(!fail.adopted);
        assert_eq!(
            fail.why,
            Why::NoQuorum {
                needed: Fraction::new(2, 3),
                represented: 65,
                voting_members: 99
            }
        );
        assert!(decide(t(10, 0, 0, 0), true, false, 66, 99, &r).adopted);
        assert!(decide(t(10, 0, 0, 0), true, true, 11, 99, &r).adopted);
        // No quorum for ordinary decisions by default.
        assert!(decide(t(2, 1, 0, 0), false, false, 3, 99, &r).adopted);
    }

    #[test]
    fn parses_fractions_and_majorities() {
        assert_eq!(Fraction::parse("2/3"), Some(Fraction::new(2, 3)));
        assert_eq!(Fraction::parse("60%"), Some(Fraction::new(60, 100)));
        assert_eq!(Fraction::parse("3/2"), None);
        assert_eq!(Fraction::parse("1/0"), None);
        assert_eq!(Majority::parse(">1/2"), Some(Majority::ABSOLUTE));
        assert_eq!(Majority::parse("2/3"), Some(Majority::TWO_THIRDS));
        assert_eq!(Majority::ABSOLUTE.to_string(), ">1/2");
    }
}
