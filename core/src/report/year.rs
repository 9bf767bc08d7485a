//! The year's figures for the annual report: members, general meetings, experts, training and
//! BaseMail cards, computed from the records (pure functions), with a CSV and a PDF.

use crate::basemail::{CardReason, Run};
use crate::common::format_date;
use crate::experts::{Agreement, Outcome, Review, ReviewStatus};
use crate::meetings::Meeting;
use crate::members::{Member, Status};
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use crate::training::{ItemStatus, PlanItem};
use chrono::{Datelike, NaiveDate};
use kapstok_text::{args, count, dates, Lang, Msg, Noun};
use std::collections::BTreeSet;

/// The records the figures are computed from.
#[derive(Debug, Clone, Copy)]
pub struct Records<'a> {
    /// Members.
    pub members: &'a [Member],
    /// General meetings.
    pub meetings: &'a [Meeting],
    /// Experts' agreements.
    pub agreements: &'a [Agreement],
    /// Reviews.
    pub reviews: &'a [Review],
    /// Training plan items.
    pub plan_items: &'a [PlanItem],
    /// BaseMail card runs.
    pub runs: &'a [Run],
}

/// The figures of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures {
    /// The year.
    pub year: i32,
    /// The figures run up to this day (the year's last day, or today while the year runs).
    pub until: NaiveDate,
    /// Members (active or suspended) on 1 January.
    pub members_at_start: usize,
    /// Members on the last day counted (`until`).
    pub members_at_end: usize,
    /// Joined in the year.
    pub joined: usize,
    /// Membership ended in the year.
    pub left: usize,
    /// Died in the year.
    pub deceased: usize,
    /// General meetings held in the year.
    pub meetings_held: usize,
    /// Votes taken at them.
    pub votes: usize,
    /// Decisions taken (motions adopted).
    pub decisions: usize,
    /// Experts with a signed agreement running in the year.
    pub experts_active: usize,
    /// Hours agreed within the year (hours per week times the weeks of each signed agreement
    /// that fall in the year), in minutes.
    pub minutes_agreed: u64,
    /// Reviews held.
    pub reviews_held: usize,
    /// Their outcomes: stop, adjust, continue.
    pub outcomes: [usize; 3],
    /// Trainings completed.
    pub trainings_completed: usize,
    /// Cards posted in the year.
    pub cards: usize,
    /// Cards posted per reason, in [`CardReason::ALL`] order (a card with two reasons counts
    /// for both).
    pub cards_by_reason: [usize; 6],
    /// Cards posted per month.
    pub cards_per_month: [usize; 12],
    /// Cards posted per ISO week of the posting date, weeks 1-53 (a card posted in the first
    /// days of January that belong to the last week of the year before counts in week 1).
    pub cards_per_week: [usize; 53],
}

impl YearFigures {
    /// The hours agreed, rounded to whole hours.
    pub fn hours_agreed(&self) -> u64 {
        (self.minutes_agreed + 30) / 60
    }
}

fn member_on(m: &Member, day: NaiveDate) -> bool {
    m.joined <= day && m.status_on(day).is_some_and(|s| s.is_member())
}

/// Computes the figures of `year` up to `today` (the year's last day when it is over).
pub fn figures(year: i32, today: NaiveDate, r: &Records<'_>) -> YearFigures {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    let until = last.min(today);
    let in_year = |d: NaiveDate| d >= first && d <= until;
    let changed_to = |m: &Member, f: fn(&Status) -> bool| {
        m.status_history
            .iter()
            .any(|e| in_year(e.since) && f(&e.status))
    };
    let held: Vec<&Meeting> = r
        .meetings
        .iter()
        .filter(|m| in_year(m.date()) && m.held())
        .collect();
    let votes: Vec<_> = held
        .iter()
        .flat_map(|m| m.agenda.iter().filter_map(|i| i.vote.as_ref()))
        .collect();
    let signed: Vec<&Agreement> = r
        .agreements
        .iter()
        .filter(|a| a.signed_on.is_some() && a.start <= until && a.last_day() >= first)
        .collect();
    let experts: BTreeSet<u64> = signed.iter().map(|a| a.expert).collect();
    let minutes_agreed = signed
        .iter()
        .map(|a| {
            let from = a.start.max(first);
            let to = a.last_day().min(until);
            let days = (to - from).num_days() + 1;
            a.minutes_per_week as u64 * days.max(0) as u64 / 7
        })
        .sum();
    let held_reviews: Vec<&Review> = r
        .reviews
        .iter()
        .filter(|v| matches!(v.status, ReviewStatus::Held(d) if in_year(d)))
        .collect();
    let mut outcomes = [0; 3];
    for v in &held_reviews {
        if let Some(o) = v.outcome {
            outcomes[Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0)] += 1;
        }
    }
    let mut f = YearFigures {
        year,
        until,
        members_at_start: r.members.iter().filter(|m| member_on(m, first)).count(),
        members_at_end: r.members.iter().filter(|m| member_on(m, until)).count(),
        joined: r.members.iter().filter(|m| in_year(m.joined)).count(),
        left: r
            .members
            .iter()
            .filter(|m| changed_to(m, |s| matches!(s, Status::Ended { .. })))
            .count(),
        deceased: r
            .members
            .iter()
            .filter(|m| changed_to(m, |s| matches!(s, Status::Deceased)))
            .count(),
        meetings_held: held.len(),
        votes: votes.len(),
        decisions: votes.iter().filter(|v| v.decision.adopted).count(),
        experts_active: experts.len(),
        minutes_agreed,
        reviews_held: held_reviews.len(),
        outcomes,
        trainings_completed: r
            .plan_items
            .iter()
            .filter(|i| matches!(i.status, ItemStatus::Completed(d) if in_year(d)))
            .count(),
        cards: 0,
        cards_by_reason: [0; 6],
        cards_per_month: [0; 12],
        cards_per_week: [0; 53],
    };
    for card in r.runs.iter().flat_map(|run| run.cards.iter()) {
        let Some(posted) = card.posted.filter(|d| in_year(*d)) else {
            continue;
        };
        f.cards += 1;
        f.cards_per_month[posted.month0() as usize] += 1;
        let iso = posted.iso_week();
        let week = if iso.year() < year { 1 } else { iso.week() };
        f.cards_per_week[(week.clamp(1, 53) - 1) as usize] += 1;
        for reason in &card.reasons {
            if let Some(i) = CardReason::ALL.iter().position(|x| x == reason) {
                f.cards_by_reason[i] += 1;
            }
        }
    }
    f
}

/// The figures as CSV (`;`, UTF-8): one row per figure, `section;item;value`, for a spreadsheet.
pub fn csv(f: &YearFigures) -> Vec<u8> {
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let mut row = |s: &str, i: &str, v: String| rows.push((s.into(), i.into(), v));
    row("year", "year", f.year.to_string());
    row("year", "until", format_date(f.until));
    for (item, v) in [
        ("at_start", f.members_at_start),
        ("at_end", f.members_at_end),
        ("joined", f.joined),
        ("left", f.left),
        ("deceased", f.deceased),
    ] {
        row("members", item, v.to_string());
    }
    row("meetings", "held", f.meetings_held.to_string());
    row("meetings", "votes", f.votes.to_string());
    row("meetings", "decisions", f.decisions.to_string());
    row("experts", "active", f.experts_active.to_string());
    row("experts", "hours_agreed", f.hours_agreed().to_string());
    row("experts", "reviews_held", f.reviews_held.to_string());
    for (outcome, v) in Outcome::ALL.iter().zip(f.outcomes) {
        row("review_outcomes", outcome.name(), v.to_string());
    }
    row("training", "completed", f.trainings_completed.to_string());
    row("cards", "posted", f.cards.to_string());
    for (reason, v) in CardReason::ALL.iter().zip(f.cards_by_reason) {
        row("cards_by_reason", reason.name(), v.to_string());
    }
    for (m, v) in f.cards_per_month.iter().enumerate() {
        row(
            "cards_per_month",
            &format!("{}-{:02}", f.year, m + 1),
            v.to_string(),
        );
    }
    for (w, v) in f.cards_per_week.iter().enumerate() {
        row(
            "cards_per_week",
            &format!("{}-W{:02}", f.year, w + 1),
            v.to_string(),
        );
    }
    let mut out = String::from("section;item;value\r\n");
    for (s, i, v) in rows {
        out.push_str(&format!("{s};{i};{v}\r\n"));
    }
    out.into_bytes()
}

/// The figures as a PDF in Dutch (see [`pdf_in`]).
pub fn pdf(f: &YearFigures, association: &str) -> Result<Vec<u8>, PrintError> {
    pdf_in(f, association, Lang::Nl)
}

/// The figures as a PDF in a language, with the same tables and a bar chart of the cards per
/// month and a sparkline per week, ready for the annual report.
pub fn pdf_in(f: &YearFigures, association: &str, lang: Lang) -> Result<Vec<u8>, PrintError> {
    let t = |m: Msg| m.text(lang);
    let mut w = Writer::new()?;
    let title = args::DocYearTitle { year: &f.year }.text(lang);
    w.text(0.0, 16.0, &title);
    let org = if association.trim().is_empty() {
        String::new()
    } else {
        format!("{} · ", association.trim())
    };
    let until = args::DocYearUntil {
        org: &org,
        until: &format_date(f.until),
    };
    w.text(0.0, 9.0, &until.text(lang));
    w.rule();
    let table = |w: &mut Writer, title: &str, rows: &[(&str, String)]| {
        w.space(2.0);
        w.text(0.0, 11.0, title);
        for (label, value) in rows {
            w.text(5.0, 10.0, &format!("{label}: {value}"));
        }
    };
    let at_end = args::DocYearAt {
        date: &format_date(f.until),
    }
    .text(lang);
    table(
        &mut w,
        t(Msg::DocYearMembers),
        &[
            (t(Msg::DocYearAtStart), f.members_at_start.to_string()),
            (&at_end, f.members_at_end.to_string()),
            (t(Msg::DocYearJoined), f.joined.to_string()),
            (t(Msg::DocYearLeft), f.left.to_string()),
            (t(Msg::DocYearDeceased), f.deceased.to_string()),
        ],
    );
    table(
        &mut w,
        t(Msg::DocYearMeetings),
        &[
            (t(Msg::DocYearHeld), f.meetings_held.to_string()),
            (t(Msg::DocYearVotes), f.votes.to_string()),
            (t(Msg::DocYearDecisions), f.decisions.to_string()),
        ],
    );
    table(
        &mut w,
        t(Msg::DocYearExperts),
        &[
            (t(Msg::DocYearActive), f.experts_active.to_string()),
            (t(Msg::DocYearHours), f.hours_agreed().to_string()),
            (t(Msg::DocYearReviews), f.reviews_held.to_string()),
            (t(Msg::DocYearStop), f.outcomes[0].to_string()),
            (t(Msg::DocYearAdjust), f.outcomes[1].to_string()),
            (t(Msg::DocYearContinue), f.outcomes[2].to_string()),
            (t(Msg::DocYearTrainings), f.trainings_completed.to_string()),
        ],
    );
    let reasons: Vec<(&str, String)> = CardReason::ALL
        .iter()
        .map(|r| r.word())
        .zip(f.cards_by_reason)
        .map(|(n, v)| (n.text(lang), v.to_string()))
        .collect();
    table(&mut w, t(Msg::DocYearCardsByReason), &reasons);
    let sent = args::DocYearSent {
        cards: &count(f.cards, Noun::Card, lang),
    };
    w.text(5.0, 8.0, &sent.text(lang));
    w.space(3.0);
    w.text(0.0, 11.0, t(Msg::DocYearCardsPerMonth));
    let labels: Vec<String> = dates::months_short(lang)
        .iter()
        .map(|m| m.to_string())
        .collect();
    let months: Vec<u64> = f.cards_per_month.iter().map(|v| *v as u64).collect();
    w.bar_chart(&labels, &months, 35.0);
    w.space(3.0);
    w.text(0.0, 11.0, t(Msg::DocYearCardsPerWeek));
    let weeks: Vec<u64> = f.cards_per_week.iter().map(|v| *v as u64).collect();
    w.sparkline(&weeks, 12.0);
    document::render(&w.finish(), &title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_has_the_tables_and_charts() {
        let mut f = figures(
            2026,
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            &Records {
                members: &[],
                meetings: &[],
                agreements: &[],
                reviews: &[],
                plan_items: &[],
                runs: &[],
            },
        );
        f.cards_per_month[2] = 40;
        f.cards_per_week[10] = 12;
        let bytes = pdf(&f, "Vereniging").unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let text = doc.extract_text(&[1]).unwrap();
        for want in [
            "Jaarcijfers 2026",
            "Leden",
            "Kaarten per maand",
            "mrt",
            "40",
        ] {
            assert!(text.contains(want), "{want} in {text}");
        }
        // In English, English words (and the months' English names).
        let bytes = pdf_in(&f, "Association", Lang::En).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let en = doc.extract_text(&[1]).unwrap();
        for want in [
            "Figures 2026",
            "Members",
            "Cards per month",
            "Mar",
            "detained",
        ] {
            assert!(en.contains(want), "{want} in {en}");
        }
        for dutch in ["Jaarcijfers", "Leden", "kaarten"] {
            assert!(!en.contains(dutch), "{dutch} in {en}");
        }
        let csv = String::from_utf8(csv(&f)).unwrap();
        assert!(csv.contains("cards_per_month;2026-03;40\r\n"));
        assert!(csv.contains("cards_per_week;2026-W11;12\r\n"));
        assert_eq!(
            csv.lines().count(),
            1 + 2 + 5 + 3 + 3 + 3 + 1 + 1 + 6 + 12 + 53
        );
    }
}
