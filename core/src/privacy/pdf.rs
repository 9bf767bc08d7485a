//! The printable summary of a person's data, in the chosen language (its words come from the
//! catalogue, `kapstok_text`, area `documents`): the same content as the JSON export, section by
//! section.

use super::export::PersonExport;
use crate::common::format_date;
use crate::experts::{Allowance, Outcome, ReviewStatus};
use crate::meetings::Choice;
use crate::members::{ConsentKind, Status};
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use crate::training::ItemStatus;
use chrono::NaiveDate;
use kapstok_text::{args, count, Lang, Msg, Noun};

fn date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_else(|| "-".into())
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "-"
    } else {
        text
    }
}

fn status(s: &Status, lang: Lang) -> String {
    match s {
        Status::Active => Msg::DocStatusActive.text(lang).into(),
        Status::Suspended => Msg::DocStatusSuspended.text(lang).into(),
        Status::Ended { reason } if reason.is_empty() => Msg::DocStatusEnded.text(lang).into(),
        Status::Ended { reason } => args::DocStatusEndedWhy { reason }.text(lang),
        Status::Deceased => Msg::DocStatusDeceased.text(lang).into(),
    }
}

fn consent(k: ConsentKind) -> Msg {
    match k {
        ConsentKind::ConvocationEmail => Msg::DocConsentConvocationEmail,
        ConsentKind::BirthdayCard => Msg::DocConsentBirthdayCard,
        ConsentKind::Magazine => Msg::DocConsentMagazine,
    }
}

fn outcome(o: Outcome) -> Msg {
    match o {
        Outcome::Stop => Msg::OutcomeStop,
        Outcome::Adjust => Msg::OutcomeAdjust,
        Outcome::Continue => Msg::OutcomeContinue,
    }
}

fn choice(c: Choice) -> Msg {
    match c {
        Choice::For => Msg::ChoiceFor,
        Choice::Against => Msg::ChoiceAgainst,
        Choice::Abstain => Msg::ChoiceAbstain,
        Choice::Blank => Msg::ChoiceBlank,
    }
}

/// A plan item's state in words: "afgesproken 01-02-2026" (shared with the training plan).
pub(crate) fn item_status(s: &ItemStatus, lang: Lang) -> String {
    match s {
        ItemStatus::Proposed => Msg::DocPlanProposed.text(lang).into(),
        ItemStatus::Agreed(d) => args::DocPlanAgreed {
            date: &format_date(*d),
        }
        .text(lang),
        ItemStatus::Enrolled(d) => args::DocPlanEnrolled {
            date: &format_date(*d),
        }
        .text(lang),
        ItemStatus::Completed(d) => args::DocPlanCompleted {
            date: &format_date(*d),
        }
        .text(lang),
        ItemStatus::Cancelled(d) => args::DocPlanCancelled {
            date: &format_date(*d),
        }
        .text(lang),
    }
}

fn heading(w: &mut Writer, text: &str) {
    w.space(3.0);
    w.keep(20.0);
    w.text(0.0, 12.0, text);
    w.rule();
}

fn line(w: &mut Writer, text: &str) {
    w.text(3.0, 9.5, text);
}

/// Renders the summary in Dutch.
pub fn render(p: &PersonExport) -> Result<Vec<u8>, PrintError> {
    render_in(p, Lang::Nl)
}

/// Renders the summary in a language.
pub fn render_in(p: &PersonExport, lang: Lang) -> Result<Vec<u8>, PrintError> {
    let t = |m: Msg| m.text(lang);
    let field = |m: Msg, value: &str| format!("{}: {value}", m.text(lang));
    let m = &p.member;
    let mut w = Writer::new()?;
    w.text(0.0, 16.0, t(Msg::DocPrivTitle));
    w.text(
        0.0,
        9.0,
        &args::DocPrivIntro {
            number: &m.number,
            date: &format_date(p.created.date()),
        }
        .text(lang),
    );
    if let Some(e) = &p.erased {
        w.text(
            0.0,
            10.0,
            &args::DocPrivErased {
                date: &format_date(e.on),
            }
            .text(lang),
        );
    }

    heading(&mut w, t(Msg::DocPrivMembership));
    line(&mut w, &field(Msg::DocPrivName, or_dash(&m.name.full())));
    line(&mut w, &field(Msg::DocPrivKnownAs, or_dash(&m.known_as)));
    line(&mut w, &field(Msg::DocPrivBirthDate, &date(m.birth_date)));
    line(&mut w, &field(Msg::DocPrivPhone, or_dash(&m.phone)));
    line(&mut w, &field(Msg::DocPrivEmail, or_dash(&m.email)));
    let address = m.address.lines().map(|l| l.join(", ")).unwrap_or_default();
    line(&mut w, &field(Msg::DocPrivAddress, or_dash(&address)));
    line(
        &mut w,
        &field(Msg::DocPrivMemberSince, &format_date(m.joined)),
    );
    for step in &m.status_history {
        line(
            &mut w,
            &args::DocStatusFrom {
                date: &format_date(step.since),
                status: &status(&step.status, lang),
            }
            .text(lang),
        );
    }
    line(
        &mut w,
        &field(Msg::DocPrivLastContact, &date(m.last_contact)),
    );
    line(&mut w, &field(Msg::DocPrivNotes, or_dash(&m.notes)));

    heading(&mut w, t(Msg::DocPrivConsents));
    for k in ConsentKind::ALL {
        let given = k
            .in_consents(&m.consents)
            .map(|d| {
                args::DocConsentGivenOn {
                    date: &format_date(d),
                }
                .text(lang)
            })
            .unwrap_or_else(|| t(Msg::DocConsentNotGiven).into());
        line(&mut w, &field(consent(k), &given));
    }
    for e in &p.consent_history {
        let what = if e.given {
            Msg::DocConsentGiven
        } else {
            Msg::DocConsentWithdrawn
        };
        line(
            &mut w,
            &args::DocConsentStep {
                date: &format_date(e.on),
                kind: &t(consent(e.kind)),
                what: &t(what),
                by: &or_dash(&e.by),
            }
            .text(lang),
        );
    }

    heading(&mut w, t(Msg::DocPrivBaseMail));
    if p.basemail.recipients.is_empty() && p.basemail.cards.is_empty() {
        line(&mut w, t(Msg::DocPrivNoData));
    }
    for r in &p.basemail.recipients {
        let ill = r
            .recipient
            .ill_since
            .map(|d| {
                args::DocIllSince {
                    date: &format_date(d),
                }
                .text(lang)
            })
            .unwrap_or_default();
        let notes = if r.recipient.notes.is_empty() {
            String::new()
        } else {
            args::DocNotes {
                notes: &r.recipient.notes,
            }
            .text(lang)
        };
        let head = args::DocRecipient { id: &r.id }.text(lang);
        line(&mut w, &format!("{head}{ill}{notes}"));
        for s in &r.stays {
            let unit = if s.stay.unit.is_empty() {
                String::new()
            } else {
                args::DocUnit { unit: &s.stay.unit }.text(lang)
            };
            let registration = if s.stay.registration_number.is_empty() {
                String::new()
            } else {
                args::DocRegistration {
                    number: &s.stay.registration_number,
                }
                .text(lang)
            };
            let stay = args::DocStay {
                id: &s.id,
                institution: &or_dash(&s.institution),
                from: &format_date(s.stay.from),
                until: &date(s.stay.ended_on),
            }
            .text(lang);
            line(&mut w, &format!("{stay}{unit}{registration}"));
        }
    }
    for c in &p.basemail.cards {
        let reasons: Vec<&str> = c.reasons.iter().map(|r| t(r.word())).collect();
        let posted = c
            .posted
            .map(|d| {
                args::DocCardPosted {
                    date: &format_date(d),
                }
                .text(lang)
            })
            .unwrap_or_default();
        line(
            &mut w,
            &args::DocCard {
                week: &c.week,
                reasons: &reasons.join(", "),
                posted: &posted,
                address: &or_dash(&c.address.join(" / ")),
            }
            .text(lang),
        );
    }
    if !p.basemail.left_out.is_empty() {
        line(
            &mut w,
            &args::DocLeftOut {
                weeks: &count(p.basemail.left_out.len(), Noun::Week, lang),
            }
            .text(lang),
        );
    }

    heading(&mut w, t(Msg::DocPrivVolunteering));
    if p.experts.agreements.is_empty() && p.experts.reviews.is_empty() {
        line(&mut w, t(Msg::DocPrivNoData));
    }
    for a in &p.experts.agreements {
        let allowance = match a.record.allowance {
            Allowance::None => t(Msg::DocNoAllowance).to_string(),
            Allowance::PerHour(c) => args::DocAllowancePerHour { amount: &c }.text(lang),
            Allowance::PerMonth(c) => args::DocAllowancePerMonth { amount: &c }.text(lang),
        };
        line(
            &mut w,
            &args::DocAgreement {
                id: &a.id,
                start: &format_date(a.record.start),
                end: &format_date(a.record.end),
                tasks: &a.record.tasks.join(", "),
                allowance: &allowance,
                signed: &date(a.record.signed_on),
            }
            .text(lang),
        );
    }
    for r in &p.experts.reviews {
        let status = match &r.record.status {
            ReviewStatus::Scheduled => t(Msg::DocReviewScheduled).to_string(),
            ReviewStatus::Cancelled => t(Msg::DocReviewCancelled).to_string(),
            ReviewStatus::NoShow => t(Msg::DocReviewNoShow).to_string(),
            ReviewStatus::Held(d) => args::DocReviewHeld {
                date: &format_date(*d),
            }
            .text(lang),
        };
        let outcome = r
            .record
            .outcome
            .map(|o| {
                args::DocOutcome {
                    outcome: &t(outcome(o)),
                }
                .text(lang)
            })
            .unwrap_or_default();
        let review = args::DocReview {
            id: &r.id,
            date: &format_date(r.record.slot.start.date()),
            status: &status,
        }
        .text(lang);
        line(&mut w, &format!("{review}{outcome}"));
        if let Some(c) = &r.record.conversation {
            for (label, text) in [
                (Msg::DocTalkWork, &c.work),
                (Msg::DocTalkEnjoyment, &c.enjoyment),
                (Msg::DocTalkDifficulties, &c.difficulties),
                (Msg::DocTalkAgreed, &c.agreed),
                (Msg::DocTalkTrainingWishes, &c.training_wishes),
            ] {
                if !text.is_empty() {
                    w.text(8.0, 9.0, &field(label, text));
                }
            }
        }
    }

    heading(&mut w, t(Msg::DocPrivTraining));
    if p.training.skills_held.is_empty() && p.training.plan.is_empty() {
        line(&mut w, t(Msg::DocPrivNoData));
    }
    for h in &p.training.skills_held {
        line(
            &mut w,
            &args::DocSkillHeld {
                skill: &or_dash(&h.skill_name),
                since: &format_date(h.held.acquired),
            }
            .text(lang),
        );
    }
    for item in &p.training.plan {
        let wish = if item.item.wish.is_empty() {
            String::new()
        } else {
            args::DocWish {
                wish: &item.item.wish,
            }
            .text(lang)
        };
        let plan = args::DocPlanItem {
            course: &or_dash(&item.course_name),
            status: &item_status(&item.item.status, lang),
        }
        .text(lang);
        line(&mut w, &format!("{plan}{wish}"));
    }

    heading(&mut w, t(Msg::DocPrivMeetings));
    if p.meetings.is_empty() {
        line(&mut w, t(Msg::DocPrivNoData));
    }
    for m in &p.meetings {
        let mut parts = vec![args::DocMeetingAt {
            at: &m.at.format("%d-%m-%Y %H:%M"),
        }
        .text(lang)];
        match m.invited.as_str() {
            "email" => parts.push(t(Msg::DocInvitedByEmail).into()),
            "letter" => parts.push(t(Msg::DocInvitedByLetter).into()),
            _ => {}
        }
        for p in &m.presence {
            let until = p
                .left
                .map(|l| {
                    args::DocUntil {
                        time: &l.format("%H:%M"),
                    }
                    .text(lang)
                })
                .unwrap_or_default();
            let from = args::DocPresentFrom {
                time: &p.arrived.format("%H:%M"),
            }
            .text(lang);
            let vote = if p.voting { "" } else { t(Msg::DocWithoutVote) };
            parts.push(format!("{from}{until}{vote}"));
        }
        if let Some(holder) = m.proxy_given_to {
            parts.push(args::DocProxyGivenTo { number: &holder }.text(lang));
        }
        for giver in &m.proxies_held {
            parts.push(args::DocProxyFrom { number: giver }.text(lang));
        }
        for (title, c) in &m.roll_call_votes {
            parts.push(
                args::DocRollCallVote {
                    title,
                    choice: &t(choice(*c)),
                }
                .text(lang),
            );
        }
        line(&mut w, &parts.join(" · "));
    }

    heading(&mut w, t(Msg::DocPrivAudit));
    for e in &p.audit {
        line(
            &mut w,
            &format!(
                "{} {} {} {}{}",
                e.at.format("%d-%m-%Y %H:%M"),
                e.user_name,
                e.action,
                e.record,
                if e.detail.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", e.detail)
                }
            ),
        );
    }
    document::render(
        &w.finish(),
        &args::DocPrivDocTitle { number: &m.number }.text(lang),
    )
}
