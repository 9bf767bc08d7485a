//! Demo data for the general meetings, relative to today: last year's autumn meeting, this year's
//! spring meeting (annual report adopted, a statute change that missed its quorum), the second
//! meeting that adopted it by roll call, and the next meeting planned with its agenda.

use super::Rng;
use crate::access::Session;
use crate::common::format_date;
use crate::error::Result;
use crate::meetings::model::{Choice, Meeting, Presence, Tally};
use crate::meetings::rules;
use crate::meetings::service::{ItemInput, MeetingInput};
use crate::members::Member;
use crate::store::{abort, Record};
use std::collections::{HashMap, HashSet};

/// Above this many members present, the demo writes the attendance register in one go.
const BULK: usize = 20;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

fn third_tuesday(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Tue, 3).unwrap_or(NaiveDate::MIN)
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

fn item(title: &str, motion: &str, topic: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        decision: !motion.is_empty(),
        motion: motion.into(),
        topic: topic.into(),
        ..ItemInput::default()
    }
}

fn info(title: &str) -> ItemInput {
    item(title, "", "")
}

/// Plans a meeting with its agenda; returns its id.
fn plan(s: &Session, kind: &str, date: NaiveDate, items: &[ItemInput]) -> Result<u64> {
    let mt = s.meetings();
    let id = mt.plan(&MeetingInput {
        kind: kind.into(),
        date: format_date(date),
        time: "19:30".into(),
        place: "Buurtcentrum (demo-adres), Amsterdam".into(),
    })?;
    for i in items {
        mt.add_item(id, i)?;
    }
    Ok(id)
}

/// Registers `present` members (the suspended ones among them attend without a vote) and the
/// proxies, sends the convocation in time, and returns the meeting.
fn attend(
    s: &Session,
    id: u64,
    present: &[u64],
    proxies: &[(u64, u64)],
    members: &HashMap<u64, &Member>,
) -> Result<Meeting> {
    let mt = s.meetings();
    let deadline = mt.deadlines(id)?.send_by;
    mt.record_sent(id, deadline - Days::new(2), false)?;
    if present.len() <= BULK {
        for (n, who) in present.iter().enumerate() {
            mt.arrive(id, *who, time(19, 15 + (n % 15) as u32))?;
        }
    } else {
        // A large demo (`kapstok demo --members 100000`): the arrivals in one write, as the
        // attendance register would hold them after registering each.
        let now = s.now();
        s.store().transact(|tx| {
            let Some(mut m) = tx.get::<Meeting>(id)? else {
                return abort(crate::error::Error::NotFound {
                    kind: Meeting::KIND,
                    id,
                });
            };
            for (n, who) in present.iter().enumerate() {
                let voting = members
                    .get(who)
                    .is_some_and(|member| rules::may_vote(member, m.date()));
                m.presence.push(Presence {
                    member: *who,
                    arrived: time(19, 15 + (n % 15) as u32),
                    left: None,
                    voting,
                });
            }
            tx.put(id, &m)?;
            s.audit(
                tx,
                now,
                "meeting.arrive",
                &format!("meeting/{id}"),
                &format!("{} members (demo)", present.len()),
            )
        })?;
    }
    for (giver, holder) in proxies {
        mt.give_proxy(id, *giver, *holder)?;
    }
    mt.get(id)
}

/// Counts that add up to the voting power: most for, a few against, abstentions and blanks.
fn counts(rng: &mut Rng, power: u32, against_share: u32) -> Tally {
    let against = power * against_share / 100;
    let abstain = rng.below(3) as u32;
    let blank = rng.below(2) as u32;
    let rest = power.saturating_sub(against + abstain + blank);
    Tally {
        for_votes: rest,
        against,
        abstain,
        blank,
    }
}

/// Fills the meetings of the demo. `members` are the demo members.
pub(super) fn fill(s: &Session, members: &[Member], seed: u64) -> Result<()> {
    let today = s.today();
    let mut rng = Rng::new(seed ^ 0xA1F);
    let spring_year = if third_tuesday(today.year(), 6) + Days::new(60) < today {
        today.year()
    } else {
        today.year() - 1
    };
    let autumn_date = third_tuesday(spring_year - 1, 11);
    let spring_date = third_tuesday(spring_year, 6);
    let second_date = spring_date + Days::new(21);
    let active: Vec<u64> = members
        .iter()
        .filter(|m| {
            [autumn_date, spring_date, second_date]
                .iter()
                .all(|d| rules::may_vote(m, *d))
        })
        .map(|m| m.number)
        .collect();
    let suspended: Vec<u64> = members
        .iter()
        .filter(|m| rules::may_attend(m, autumn_date) && !rules::may_vote(m, autumn_date))
        .map(|m| m.number)
        .take(1)
        .collect();
    if active.len() < 12 {
        return Ok(());
    }
    // Attendance grows with the association: 8 of 300 members come to a meeting.
    let scale = (members.len() / 300).max(1);
    let by_number: HashMap<u64, &Member> = members.iter().map(|m| (m.number, m)).collect();
    let pick = |rng: &mut Rng, n: usize| -> Vec<u64> {
        let mut chosen: Vec<u64> = Vec::new();
        let mut seen = HashSet::new();
        while chosen.len() < n.min(active.len()) {
            let m = *rng.pick(&active);
            if seen.insert(m) {
                chosen.push(m);
            }
        }
        chosen
    };
    let mt = s.meetings();

    // Last year's autumn meeting: policy plan and budget adopted, a motion rejected on a tie.
    let y = spring_year;
    let autumn = plan(
        s,
        "autumn",
        autumn_date,
        &[
            info("Opening en mededelingen"),
            item(
                &format!("Beleidsplan {y}"),
                &format!("De ALV stelt het beleidsplan {y} vast."),
                "policy_plan",
            ),
            item(
                &format!("Begroting {y}"),
                &format!("De ALV stelt de begroting {y} vast."),
                "budget",
            ),
            item(
                "Openingstijden inloop",
                "De inloop gaat ook op zaterdag open.",
                "",
            ),
            info("Rondvraag en sluiting"),
        ],
    )?;
    let n = 8 * scale;
    let group = pick(&mut rng, n + 2);
    let present: Vec<u64> = group[..n].iter().chain(&suspended).copied().collect();
    let m = attend(
        s,
        autumn,
        &present,
        &[(group[n], group[0]), (group[n + 1], group[1])],
        &by_number,
    )?;
    let power = rules::voting_power(&m);
    mt.vote_counts(autumn, 1, counts(&mut rng, power, 10), time(20, 5))?;
    mt.vote_counts(autumn, 2, counts(&mut rng, power, 20), time(20, 25))?;
    let half = power / 2;
    mt.vote_counts(
        autumn,
        3,
        Tally {
            for_votes: half,
            against: half,
            abstain: power - 2 * half,
            blank: 0,
        },
        time(20, 50),
    )?;
    for (i, text) in [
        "De voorzitter opent om 19:35 en heet iedereen welkom.",
        "Het bestuur licht het beleidsplan toe; vragen over de inloop en BaseMail zijn beantwoord.",
        "De penningmeester licht de begroting toe. Vastgesteld.",
        "De stemmen staken; het voorstel is verworpen. Het bestuur komt met een nieuw voorstel.",
        "Geen vragen. Sluiting om 21:10.",
    ]
    .iter()
    .enumerate()
    {
        mt.set_minutes(autumn, i, text)?;
    }

    // This year's spring meeting: the annual report adopted, the audit committee appointed, a
    // statute change that missed its quorum.
    let last = y - 1;
    let spring = plan(
        s,
        "spring",
        spring_date,
        &[
            info("Opening en mededelingen"),
            item(
                "Notulen najaarsvergadering",
                "De ALV stelt de notulen van de najaarsvergadering vast.",
                "minutes",
            ),
            item(
                &format!("Jaarverslag en jaarrekening {last}"),
                &format!(
                    "De ALV stelt het jaarverslag en de jaarrekening {last} vast en verleent het bestuur decharge."
                ),
                "annual_report",
            ),
            item(
                &format!("Kascommissie {y}"),
                "De ALV benoemt twee leden in de kascommissie.",
                "audit_committee",
            ),
            ItemInput {
                statute_change: true,
                documents: "Het volledige voorstel tot statutenwijziging ligt ter inzage op het kantoor."
                    .into(),
                ..item(
                    "Statutenwijziging: vergaderen ook online",
                    "De ALV besluit de statuten te wijzigen zodat leden ook online kunnen deelnemen.",
                    "",
                )
            },
            info("Rondvraag en sluiting"),
        ],
    )?;
    let group = pick(&mut rng, n + 1);
    let m = attend(s, spring, &group[..n], &[(group[n], group[2])], &by_number)?;
    let power = rules::voting_power(&m);
    mt.vote_counts(spring, 1, counts(&mut rng, power, 0), time(19, 45))?;
    mt.vote_counts(spring, 2, counts(&mut rng, power, 10), time(20, 15))?;
    mt.vote_counts(spring, 3, counts(&mut rng, power, 0), time(20, 30))?;
    mt.vote_counts(spring, 4, counts(&mut rng, power, 10), time(20, 50))?;
    mt.depart(spring, group[n - 1], time(21, 0))?;
    for (i, text) in [
        "Opening om 19:32.",
        "De notulen zijn ongewijzigd vastgesteld.",
        "De kascommissie heeft de jaarrekening gecontroleerd en adviseert decharge. Vastgesteld.",
        "Twee leden melden zich voor de kascommissie en worden benoemd.",
        "Te weinig leden aanwezig voor het quorum; een tweede vergadering volgt binnen vier weken.",
        "Sluiting om 21:05.",
    ]
    .iter()
    .enumerate()
    {
        mt.set_minutes(spring, i, text)?;
    }
    mt.adopt_minutes(autumn, spring)?;

    // The second meeting adopts the statute change by roll call, regardless of attendance.
    let second = mt.plan_second(
        spring,
        &format_date(second_date),
        "19:30",
        "Kantoor (demo-adres), Amsterdam",
    )?;
    let group = pick(&mut rng, 6 * scale);
    attend(s, second, &group, &[], &by_number)?;
    // One in six against.
    let votes: Vec<(u64, Choice)> = group
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                *m,
                if i % 6 == 5 {
                    Choice::Against
                } else {
                    Choice::For
                },
            )
        })
        .collect();
    mt.vote_roll_call(second, 0, votes, time(19, 50))?;
    mt.set_minutes(
        second,
        0,
        "Hoofdelijke stemming: aangenomen. De notaris wordt gevraagd de akte op te maken.",
    )?;

    // The next meeting, planned with its agenda; the convocation is still to go out.
    let next_date = today + Days::new(24);
    let kind = if next_date.month() <= 6 {
        "spring"
    } else {
        "autumn"
    };
    let next_year = next_date.year() + 1;
    plan(
        s,
        kind,
        next_date,
        &[
            info("Opening en mededelingen"),
            item(
                "Notulen voorjaarsvergadering en tweede vergadering",
                "De ALV stelt de notulen van de voorjaarsvergadering en de tweede vergadering vast.",
                "minutes",
            ),
            item(
                &format!("Beleidsplan {next_year}"),
                &format!("De ALV stelt het beleidsplan {next_year} vast."),
                "policy_plan",
            ),
            ItemInput {
                documents: "Begroting en toelichting, op te vragen bij het kantoor.".into(),
                ..item(
                    &format!("Begroting {next_year}"),
                    &format!("De ALV stelt de begroting {next_year} vast."),
                    "budget",
                )
            },
            info("Rondvraag en sluiting"),
        ],
    )?;
    Ok(())
}
