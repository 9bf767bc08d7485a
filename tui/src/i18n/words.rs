//! Words for core's values: card reasons, institution kinds, agreement states, outcomes,
//! allowances, dates.

use super::*;
use kapstok_core::basemail::{CardReason, InstitutionKind, LeftOutReason};
use kapstok_core::common::{format_date, Cents};
use kapstok_core::experts::{
    AgreementState, Allowance, AllowanceWarning, Outcome, PeriodKind, ReviewStatus,
};

/// Why a card is sent, in words.
pub fn card_reason(r: CardReason) -> Msg {
    r.word()
}

/// The reasons of a card, in words: "gedetineerd, verjaardag".
pub fn card_reasons(reasons: &[CardReason], lang: Lang) -> String {
    let words: Vec<&str> = reasons.iter().map(|r| card_reason(*r).text(lang)).collect();
    words.join(", ")
}

/// Why someone is left out of a run, in words.
pub fn left_out_reason(r: &LeftOutReason, lang: Lang) -> String {
    let text = |m: Msg| m.text(lang).to_string();
    match r {
        LeftOutReason::Deceased => text(Msg::LeftDeceased),
        LeftOutReason::Ended => text(Msg::LeftEnded),
        LeftOutReason::NoConsent => text(Msg::LeftNoConsent),
        LeftOutReason::StayEnded => text(Msg::LeftStayEnded),
        LeftOutReason::ReleasePassed => text(Msg::LeftReleasePassed),
        LeftOutReason::NoAddress(field) => format!(
            "{}: {}",
            Msg::LeftNoAddress.text(lang),
            field_name(field, lang).to_lowercase()
        ),
        LeftOutReason::Returned => text(Msg::LeftReturned),
        LeftOutReason::RemovedByHand(why) => format!("{}: {why}", Msg::LeftRemoved.text(lang)),
    }
}

/// A week's run without cards: the week, and who was left out grouped by reason
/// ("2 × overleden, 1 × ...").
pub fn no_cards(n: &kapstok_core::basemail::NoCards, lang: Lang) -> String {
    let week = n.week.to_string();
    if n.left_out.is_empty() {
        return args::NoCardsNobodyLeftOut { week: &week }.text(lang);
    }
    let reasons: Vec<String> = n
        .left_out
        .iter()
        .map(|(reason, count)| format!("{count} × {}", left_out_reason(reason, lang)))
        .collect();
    args::NoCardsInWeek {
        week: &week,
        left: &n.total().to_string(),
        reasons: &reasons.join(", "),
    }
    .text(lang)
}

/// The kind of an institution, in words.
pub fn institution_kind(k: InstitutionKind) -> Msg {
    match k {
        InstitutionKind::Prison => Msg::KindPrison,
        InstitutionKind::DetentionCentre => Msg::KindDetentionCentre,
        InstitutionKind::LongStayClinic => Msg::KindLongStayClinic,
        InstitutionKind::DetoxClinic => Msg::KindDetoxClinic,
        InstitutionKind::Hospital => Msg::KindHospital,
        InstitutionKind::PrisonAbroad => Msg::KindPrisonAbroad,
    }
}

/// Where an agreement stands, in words.
pub fn agreement_state(s: AgreementState) -> Msg {
    match s {
        AgreementState::Draft => Msg::StateDraft,
        AgreementState::Signed => Msg::StateSigned,
        AgreementState::Active => Msg::StateActive,
        AgreementState::Ended => Msg::StateEnded,
    }
}

/// The outcome of a review, in words.
pub fn outcome(o: Outcome) -> Msg {
    match o {
        Outcome::Stop => Msg::OutcomeStop,
        Outcome::Adjust => Msg::OutcomeAdjust,
        Outcome::Continue => Msg::OutcomeContinue,
    }
}

/// How an agreement's period was chosen, in words.
pub fn period_kind(k: PeriodKind) -> Msg {
    match k {
        PeriodKind::FirstHalf => Msg::PeriodFirstHalf,
        PeriodKind::SecondHalf => Msg::PeriodSecondHalf,
        PeriodKind::Custom => Msg::PeriodCustom,
    }
}

/// An allowance in words: "€ 5,75 per uur", "geen".
pub fn allowance(a: Allowance, lang: Lang) -> String {
    match a {
        Allowance::None => Msg::AllowanceNone.text(lang).to_string(),
        Allowance::PerHour(c) => format!("{c} {}", Msg::AllowancePerHour.text(lang)),
        Allowance::PerMonth(c) => format!("{c} {}", Msg::AllowancePerMonth.text(lang)),
    }
}

/// Where a review stands, in words: "gepland", "gehouden op 30-11-2026".
pub fn review_status(s: &ReviewStatus, lang: Lang) -> String {
    match s {
        ReviewStatus::Scheduled => Msg::ReviewScheduled.text(lang).to_string(),
        ReviewStatus::Cancelled => Msg::ReviewCancelled.text(lang).to_string(),
        ReviewStatus::NoShow => Msg::ReviewNoShow.text(lang).to_string(),
        ReviewStatus::Held(on) => args::ReviewHeld {
            date: &format_date(*on),
        }
        .text(lang),
    }
}

/// The short name of a weekday: "ma" / "Mon".
pub fn weekday_short(day: chrono::Weekday, lang: Lang) -> &'static str {
    kapstok_text::dates::weekday_short(day.num_days_from_monday() as usize, lang)
}

/// The name of a month, 1-12: "juli" / "July".
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    kapstok_text::dates::month_long((month.clamp(1, 12) - 1) as usize, lang)
}

/// A moment of a review, short: "ma 30-11 10:00" / "Mon 30-11 10:00".
pub fn when(at: chrono::NaiveDateTime, lang: Lang) -> String {
    use chrono::Datelike;
    format!(
        "{} {}",
        weekday_short(at.weekday(), lang),
        at.format("%d-%m %H:%M")
    )
}

/// Months above the monthly limit, consecutive months with the same amount as one run:
/// "juli–december 2026 (€ 400,00)", "juni 2026 (€ 230,00), augustus 2026 (€ 240,00)".
pub(super) fn month_runs(months: &[&AllowanceWarning], lang: Lang) -> Vec<String> {
    /// A year and month.
    type Month = (i32, u32);
    let mut runs: Vec<(Month, Month, Cents)> = Vec::new();
    for w in months {
        let AllowanceWarning::PerMonth {
            year,
            month,
            amount,
            ..
        } = w
        else {
            continue;
        };
        let next_of = |(y, m): (i32, u32)| if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        match runs.last_mut() {
            Some((_, last, a)) if *a == *amount && next_of(*last) == (*year, *month) => {
                *last = (*year, *month);
            }
            _ => runs.push(((*year, *month), (*year, *month), *amount)),
        }
    }
    runs.into_iter()
        .map(|((y1, m1), (y2, m2), amount)| {
            let name = |m| month_name(m, lang);
            if (y1, m1) == (y2, m2) {
                format!("{} {y1} ({amount})", name(m1))
            } else if y1 == y2 {
                format!("{}–{} {y1} ({amount})", name(m1), name(m2))
            } else {
                format!("{} {y1}–{} {y2} ({amount})", name(m1), name(m2))
            }
        })
        .collect()
}

/// Why an allowance would not be tax-free, one sentence per kind of limit, with the amounts.
/// Several months above the monthly limit make one sentence.
pub fn allowance_warnings(warnings: &[AllowanceWarning], lang: Lang) -> Vec<String> {
    let months: Vec<&AllowanceWarning> = warnings
        .iter()
        .filter(|w| matches!(w, AllowanceWarning::PerMonth { .. }))
        .collect();
    let mut out = Vec::new();
    let mut months_done = false;
    for w in warnings {
        match w {
            AllowanceWarning::NoLimits { year } => {
                out.push(args::WarnNoLimits { year: &year }.text(lang))
            }
            AllowanceWarning::PerHour {
                amount,
                limit,
                under_21,
            } => out.push(if *under_21 {
                args::WarnPerHourUnder21 { amount, limit }.text(lang)
            } else {
                args::WarnPerHour { amount, limit }.text(lang)
            }),
            AllowanceWarning::PerMonth {
                year,
                month,
                amount,
                limit,
            } if months.len() == 1 => out.push(
                args::WarnPerMonth {
                    month: &format!("{} {year}", month_name(*month, lang)),
                    amount: &amount,
                    limit: &limit,
                }
                .text(lang),
            ),
            AllowanceWarning::PerMonth { limit, .. } => {
                if months_done {
                    continue;
                }
                months_done = true;
                let list = month_runs(&months, lang);
                out.push(
                    args::WarnPerMonths {
                        months: &list.join(", "),
                        limit: &limit,
                    }
                    .text(lang),
                );
            }
            AllowanceWarning::PerYear {
                year,
                amount,
                limit,
                months,
            } => out.push(
                args::WarnPerYear {
                    year: &year,
                    amount: &amount,
                    limit: &limit,
                    months: &count(*months, Noun::Month, lang),
                }
                .text(lang),
            ),
        }
    }
    out
}
