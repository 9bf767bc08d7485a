//! The year's figures as labelled rows in the user's language, shared by the figures view and
//! `kapstok report year`.

use crate::i18n::Lang;
use kapstok_core::basemail::CardReason;
use kapstok_core::common::format_date;
use kapstok_core::report::YearFigures;

/// Month abbreviations.
pub fn months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Nl => [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
    }
}

/// Every figure as (label, value), in the order of the report.
pub fn rows(f: &YearFigures, lang: Lang) -> Vec<(String, String)> {
    let nl = lang == Lang::Nl;
    let t = |a: &str, b: &str| if nl { a.to_string() } else { b.to_string() };
    let until = format_date(f.until);
    let mut rows = vec![
        (t("Jaar", "Year"), f.year.to_string()),
        (t("Tot en met", "Up to"), until.clone()),
        (
            t("Leden op 1 januari", "Members on 1 January"),
            f.members_at_start.to_string(),
        ),
        (
            if nl {
                format!("Leden op {until}")
            } else {
                format!("Members on {until}")
            },
            f.members_at_end.to_string(),
        ),
        (t("Nieuwe leden", "Joined"), f.joined.to_string()),
        (t("Lidmaatschap beëindigd", "Left"), f.left.to_string()),
        (t("Overleden", "Deceased"), f.deceased.to_string()),
        (
            t("Ledenvergaderingen gehouden", "General meetings held"),
            f.meetings_held.to_string(),
        ),
        (t("Stemmingen", "Votes"), f.votes.to_string()),
        (
            t("Besluiten genomen", "Decisions taken"),
            f.decisions.to_string(),
        ),
        (
            t("Ervaringsdeskundigen actief", "Experts active"),
            f.experts_active.to_string(),
        ),
        (
            t("Uren afgesproken", "Hours agreed"),
            f.hours_agreed().to_string(),
        ),
        (
            t("Functioneringsgesprekken", "Reviews held"),
            f.reviews_held.to_string(),
        ),
        (
            t("  uitkomst stoppen", "  outcome stop"),
            f.outcomes[0].to_string(),
        ),
        (
            t("  uitkomst aanpassen", "  outcome adjust"),
            f.outcomes[1].to_string(),
        ),
        (
            t("  uitkomst doorgaan", "  outcome continue"),
            f.outcomes[2].to_string(),
        ),
        (
            t("Trainingen afgerond", "Trainings completed"),
            f.trainings_completed.to_string(),
        ),
        (t("Kaarten verstuurd", "Cards sent"), f.cards.to_string()),
    ];
    for (reason, v) in CardReason::ALL.iter().zip(f.cards_by_reason) {
        let name = crate::i18n::card_reason(*reason).text(lang).to_lowercase();
        rows.push((
            if nl {
                format!("  kaarten {name}")
            } else {
                format!("  cards {name}")
            },
            v.to_string(),
        ));
    }
    rows
}
