//! The year's figures as labelled rows in the user's language, shared by the figures view and
//! `kapstok report year`. The words are in the catalogue (`kapstok_text`, area `today`).

use crate::i18n::{args, Lang, Msg};
use kapstok_core::basemail::CardReason;
use kapstok_core::common::format_date;
use kapstok_core::report::YearFigures;

/// Month abbreviations.
pub fn months(lang: Lang) -> [&'static str; 12] {
    kapstok_text::dates::months_short(lang)
}

/// Every figure as (label, value), in the order of the report.
pub fn rows(f: &YearFigures, lang: Lang) -> Vec<(String, String)> {
    let t = |m: Msg| m.text(lang).to_string();
    let until = format_date(f.until);
    let mut rows = vec![
        (t(Msg::FigYear), f.year.to_string()),
        (t(Msg::FigUntil), until.clone()),
        (t(Msg::FigMembersAtStart), f.members_at_start.to_string()),
        (
            args::FigMembersAt { date: &until }.text(lang),
            f.members_at_end.to_string(),
        ),
        (t(Msg::FigJoined), f.joined.to_string()),
        (t(Msg::FigLeft), f.left.to_string()),
        (t(Msg::FigDeceased), f.deceased.to_string()),
        (t(Msg::FigMeetingsHeld), f.meetings_held.to_string()),
        (t(Msg::FigVotes), f.votes.to_string()),
        (t(Msg::FigDecisions), f.decisions.to_string()),
        (t(Msg::FigExpertsActive), f.experts_active.to_string()),
        (t(Msg::FigHoursAgreed), f.hours_agreed().to_string()),
        (t(Msg::FigReviewsHeld), f.reviews_held.to_string()),
        (t(Msg::FigOutcomeStop), f.outcomes[0].to_string()),
        (t(Msg::FigOutcomeAdjust), f.outcomes[1].to_string()),
        (t(Msg::FigOutcomeContinue), f.outcomes[2].to_string()),
        (t(Msg::FigTrainings), f.trainings_completed.to_string()),
        (t(Msg::FigCardsSent), f.cards.to_string()),
    ];
    for (reason, v) in CardReason::ALL.iter().zip(f.cards_by_reason) {
        let name = crate::i18n::card_reason(*reason).text(lang).to_lowercase();
        rows.push((
            args::FigCardsFor { reason: &name }.text(lang),
            v.to_string(),
        ));
    }
    rows
}
