//! Everything about one member, gathered area by area into one [`PersonExport`].
//!
//! Each area has one function that reads its records about the member and names the records it
//! found (`recipient/3`, `stay/7` ...), so that the audit entries about them can be found too.
//! A new area adds one function here, a field on [`PersonExport`], a section in [`super::pdf`]
//! and, when its records hold personal data beyond member numbers, its part in [`super::erase`].

use super::Erasure;
use crate::access::{AuditEntry, Session};
use crate::basemail::{CardReason, Institution, LeftOutReason, Recipient, Run, Stay, Who};
use crate::error::{Error, Result};
use crate::experts::{Agreement, Review};
use crate::members::{ConsentEvent, ConsentHistory, Member};
use crate::store::{Record, Store};
use crate::training::{Course, Held, PlanItem, Skill};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The layout version of the export file.
pub const EXPORT_VERSION: u32 = 1;

/// A record with its id.
#[derive(Debug, Clone, Serialize)]
pub struct WithId<T> {
    /// The record's id (key).
    pub id: u64,
    /// The record.
    #[serde(flatten)]
    pub record: T,
}

/// A stay with the institution's name.
#[derive(Debug, Clone, Serialize)]
pub struct StayPart {
    /// The stay's id.
    pub id: u64,
    /// The institution's name.
    pub institution: String,
    /// The stay.
    pub stay: Stay,
}

/// A BaseMail recipient record of the member, with its stays.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientPart {
    /// The recipient's id.
    pub id: u64,
    /// The record.
    pub recipient: Recipient,
    /// Stays at institutions, oldest first.
    pub stays: Vec<StayPart>,
}

/// One card for the member in a week's run, with the address as it was printed.
#[derive(Debug, Clone, Serialize)]
pub struct CardPart {
    /// The ISO week (`2026-W48`).
    pub week: String,
    /// Why.
    pub reasons: Vec<CardReason>,
    /// The reason given when added by hand.
    pub manual_reason: String,
    /// The institution's name, if any.
    pub institution: String,
    /// The address lines as printed on the label.
    pub address: Vec<String>,
    /// Who wrote it.
    pub writer: String,
    /// Written.
    pub written: bool,
    /// Posted on.
    pub posted: Option<NaiveDate>,
    /// Came back on.
    pub returned: Option<NaiveDate>,
}

/// A week the member was left out of the run, and why.
#[derive(Debug, Clone, Serialize)]
pub struct LeftOutPart {
    /// The ISO week.
    pub week: String,
    /// Why.
    pub reason: LeftOutReason,
}

/// BaseMail about the member.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BaseMailPart {
    /// Recipient records (with stays).
    pub recipients: Vec<RecipientPart>,
    /// Cards in runs, oldest week first.
    pub cards: Vec<CardPart>,
    /// Weeks left out, oldest first.
    pub left_out: Vec<LeftOutPart>,
}

/// Agreements and reviews of the member as an expert.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ExpertsPart {
    /// Agreements, in id order.
    pub agreements: Vec<WithId<Agreement>>,
    /// Reviews, in id order.
    pub reviews: Vec<WithId<Review>>,
}

/// A skill held, with its name.
#[derive(Debug, Clone, Serialize)]
pub struct HeldPart {
    /// The skill's name.
    pub skill_name: String,
    /// The record.
    #[serde(flatten)]
    pub held: Held,
}

/// A plan item, with the course's name.
#[derive(Debug, Clone, Serialize)]
pub struct PlanPart {
    /// The item's id.
    pub id: u64,
    /// The course's name, once chosen.
    pub course_name: String,
    /// The item.
    #[serde(flatten)]
    pub item: PlanItem,
}

/// Training of the member as an expert.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TrainingPart {
    /// Skills held.
    pub skills_held: Vec<HeldPart>,
    /// Plan items.
    pub plan: Vec<PlanPart>,
}

/// The member at one general meeting.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingPart {
    /// The meeting's id.
    pub id: u64,
    /// When.
    pub at: NaiveDateTime,
    /// Invited by `email` or `letter` (empty: not in the convocation, or none sent yet).
    pub invited: String,
    /// Arrivals and departures (times), with whether they could vote.
    pub presence: Vec<crate::meetings::Presence>,
    /// The member they gave a written proxy to.
    pub proxy_given_to: Option<u64>,
    /// The members whose proxy they held.
    pub proxies_held: Vec<u64>,
    /// Their votes by roll call: the item's title and the choice.
    pub roll_call_votes: Vec<(String, crate::meetings::Choice)>,
}

/// Everything kapstok holds about one member.
#[derive(Debug, Clone, Serialize)]
pub struct PersonExport {
    /// The layout version of this file ([`EXPORT_VERSION`]).
    pub kapstok_person_export: u32,
    /// When the export was made.
    pub created: NaiveDateTime,
    /// The member record.
    pub member: Member,
    /// Set when the member's data was erased.
    pub erased: Option<Erasure>,
    /// Consents given and withdrawn, oldest first.
    pub consent_history: Vec<ConsentEvent>,
    /// BaseMail.
    pub basemail: BaseMailPart,
    /// Agreements and reviews.
    pub experts: ExpertsPart,
    /// Training.
    pub training: TrainingPart,
    /// General meetings the member was invited to, attended, gave or held a proxy at, or voted
    /// in by roll call.
    pub meetings: Vec<MeetingPart>,
    /// Audit entries about the member's records, oldest first.
    pub audit: Vec<AuditEntry>,
}

/// The records an area found about the member, as audit record names (`stay/7`).
pub(crate) type Footprint = Vec<String>;

/// Gathers everything about member `number`. The caller checks the permission.
pub(crate) fn gather(s: &Session, number: u64) -> Result<PersonExport> {
    let store = s.store();
    let (member, consents, erased) = members(store, number)?;
    let mut footprint: Footprint = vec![format!("member/{number}")];
    let (basemail, found) = basemail(store, number)?;
    footprint.extend(found);
    let (experts, found) = experts(store, number)?;
    footprint.extend(found);
    let (training, found) = training(store, number)?;
    footprint.extend(found);
    let meetings = meetings(store, number)?;
    let audit = audit(store, &footprint)?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    Ok(PersonExport {
        kapstok_person_export: EXPORT_VERSION,
        created: s.now(),
        member,
        erased,
        consent_history: consents.events,
        basemail,
        experts,
        training,
        meetings,
        audit,
    })
}

/// The member's invitations, attendance, proxies and roll-call votes at general meetings. The
/// meetings hold member numbers only, so their audit entries are about the meeting, not the member.
pub(crate) fn meetings(store: &Store, number: u64) -> Result<Vec<MeetingPart>> {
    use crate::meetings::{Ballots, Meeting};
    let mut parts = Vec::new();
    for (id, m) in store.scan::<Meeting>()? {
        let invited = match &m.convocation {
            Some(c) if c.by_email.contains(&number) => "email",
            Some(c) if c.by_letter.contains(&number) => "letter",
            _ => "",
        };
        let presence: Vec<_> = m
            .presence
            .iter()
            .filter(|p| p.member == number)
            .cloned()
            .collect();
        let proxy_given_to = m
            .proxies
            .iter()
            .find(|p| p.giver == number)
            .map(|p| p.holder);
        let proxies_held: Vec<u64> = m
            .proxies
            .iter()
            .filter(|p| p.holder == number)
            .map(|p| p.giver)
            .collect();
        let roll_call_votes: Vec<_> = m
            .agenda
            .iter()
            .filter_map(|item| match item.vote.as_ref().map(|v| &v.ballots) {
                Some(Ballots::RollCall(ballots)) => ballots
                    .iter()
                    .find(|(n, _)| *n == number)
                    .map(|(_, choice)| (item.title.clone(), *choice)),
                _ => None,
            })
            .collect();
        if invited.is_empty()
            && presence.is_empty()
            && proxy_given_to.is_none()
            && proxies_held.is_empty()
            && roll_call_votes.is_empty()
        {
            continue;
        }
        parts.push(MeetingPart {
            id,
            at: m.at,
            invited: invited.to_string(),
            presence,
            proxy_given_to,
            proxies_held,
            roll_call_votes,
        });
    }
    Ok(parts)
}

/// The member record, the consent history and the erasure mark.
pub(crate) fn members(
    store: &Store,
    number: u64,
) -> Result<(Member, ConsentHistory, Option<Erasure>)> {
    let member = store.get::<Member>(number)?.ok_or(Error::NotFound {
        kind: Member::KIND,
        id: number,
    })?;
    let consents = store.get::<ConsentHistory>(number)?.unwrap_or_default();
    let erased = store.get::<Erasure>(number)?;
    Ok((member, consents, erased))
}

/// The ids of the member's BaseMail records.
pub(crate) struct BaseMailIds {
    pub recipients: Vec<u64>,
    pub stays: Vec<u64>,
    pub runs: Vec<u64>,
}

pub(crate) fn is_theirs(who: Who, number: u64, recipients: &HashSet<u64>) -> bool {
    match who {
        Who::Member(n) => n == number,
        Who::Recipient(r) => recipients.contains(&r),
    }
}

pub(crate) fn basemail_ids(store: &Store, number: u64) -> Result<BaseMailIds> {
    let recipients: Vec<u64> = store
        .scan::<Recipient>()?
        .into_iter()
        .filter(|(_, r)| r.member == Some(number))
        .map(|(id, _)| id)
        .collect();
    let set: HashSet<u64> = recipients.iter().copied().collect();
    let stays = store
        .scan::<Stay>()?
        .into_iter()
        .filter(|(_, s)| set.contains(&s.recipient))
        .map(|(id, _)| id)
        .collect();
    let runs = store
        .scan::<Run>()?
        .into_iter()
        .filter(|(_, run)| run_mentions(run, number, &set))
        .map(|(id, _)| id)
        .collect();
    Ok(BaseMailIds {
        recipients,
        stays,
        runs,
    })
}

pub(crate) fn run_mentions(run: &Run, number: u64, recipients: &HashSet<u64>) -> bool {
    run.cards
        .iter()
        .any(|c| is_theirs(c.who, number, recipients))
        || run
            .left_out
            .iter()
            .any(|l| is_theirs(l.who, number, recipients))
        || run.manual.iter().any(|m| match m {
            crate::basemail::ManualChange::Add { recipient, .. } => recipients.contains(recipient),
            crate::basemail::ManualChange::Remove { who, .. } => {
                is_theirs(*who, number, recipients)
            }
        })
}

/// Recipient records, stays and cards.
pub(crate) fn basemail(store: &Store, number: u64) -> Result<(BaseMailPart, Footprint)> {
    let ids = basemail_ids(store, number)?;
    let set: HashSet<u64> = ids.recipients.iter().copied().collect();
    let institutions: HashMap<u64, Institution> =
        store.scan::<Institution>()?.into_iter().collect();
    let all_stays = store.scan::<Stay>()?;
    let mut part = BaseMailPart::default();
    let mut footprint = Vec::new();
    for id in &ids.recipients {
        let Some(recipient) = store.get::<Recipient>(*id)? else {
            continue;
        };
        footprint.push(format!("recipient/{id}"));
        let stays = all_stays
            .iter()
            .filter(|(_, s)| s.recipient == *id)
            .map(|(sid, s)| {
                footprint.push(format!("stay/{sid}"));
                StayPart {
                    id: *sid,
                    institution: institutions
                        .get(&s.institution)
                        .map(|i| i.name.clone())
                        .unwrap_or_default(),
                    stay: s.clone(),
                }
            })
            .collect();
        part.recipients.push(RecipientPart {
            id: *id,
            recipient,
            stays,
        });
    }
    for key in &ids.runs {
        let Some(run) = store.get::<Run>(*key)? else {
            continue;
        };
        let week = run.week.to_string();
        for c in run.cards.iter().filter(|c| is_theirs(c.who, number, &set)) {
            part.cards.push(CardPart {
                week: week.clone(),
                reasons: c.reasons.clone(),
                manual_reason: c.manual_reason.clone(),
                institution: c.institution_name.clone(),
                address: c.address.clone(),
                writer: c.writer.clone(),
                written: c.written,
                posted: c.posted,
                returned: c.returned,
            });
        }
        for l in run
            .left_out
            .iter()
            .filter(|l| is_theirs(l.who, number, &set))
        {
            part.left_out.push(LeftOutPart {
                week: week.clone(),
                reason: l.reason.clone(),
            });
        }
    }
    Ok((part, footprint))
}

/// The member's agreements and reviews as an expert.
pub(crate) fn experts(store: &Store, number: u64) -> Result<(ExpertsPart, Footprint)> {
    let agreements: Vec<WithId<Agreement>> = store
        .scan::<Agreement>()?
        .into_iter()
        .filter(|(_, a)| a.expert == number)
        .map(|(id, record)| WithId { id, record })
        .collect();
    let reviews: Vec<WithId<Review>> = store
        .scan::<Review>()?
        .into_iter()
        .filter(|(_, r)| r.expert == number)
        .map(|(id, record)| WithId { id, record })
        .collect();
    let footprint = agreements
        .iter()
        .map(|a| format!("agreement/{}", a.id))
        .chain(reviews.iter().map(|r| format!("review/{}", r.id)))
        .collect();
    Ok((
        ExpertsPart {
            agreements,
            reviews,
        },
        footprint,
    ))
}

/// The member's skills held and training plan.
pub(crate) fn training(store: &Store, number: u64) -> Result<(TrainingPart, Footprint)> {
    let skills: HashMap<u64, Skill> = store.scan::<Skill>()?.into_iter().collect();
    let courses: HashMap<u64, Course> = store.scan::<Course>()?.into_iter().collect();
    let skills_held = store
        .scan::<Held>()?
        .into_iter()
        .filter(|(_, h)| h.expert == number)
        .map(|(_, held)| HeldPart {
            skill_name: skills
                .get(&held.skill)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            held,
        })
        .collect();
    let plan: Vec<PlanPart> = store
        .scan::<PlanItem>()?
        .into_iter()
        .filter(|(_, p)| p.expert == number)
        .map(|(id, item)| PlanPart {
            id,
            course_name: item
                .course
                .and_then(|c| courses.get(&c))
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            item,
        })
        .collect();
    let footprint = plan.iter().map(|p| format!("plan/{}", p.id)).collect();
    Ok((TrainingPart { skills_held, plan }, footprint))
}

/// The audit entries about any of the records named, with their ids, oldest first.
pub(crate) fn audit(store: &Store, footprint: &[String]) -> Result<Vec<(u64, AuditEntry)>> {
    let names: HashSet<&str> = footprint.iter().map(String::as_str).collect();
    Ok(store
        .scan::<AuditEntry>()?
        .into_iter()
        .filter(|(_, e)| names.contains(e.record.as_str()))
        .collect())
}
