//! The agreement as a PDF in Dutch (whatever the interface's language: it is signed here, so it
//! takes no `Lang`), in two copies (one for each party), with both parties'
//! signature blocks. The agreement is a Dutch document by nature; its wording lives here.

use super::model::{Agreement, Allowance, PeriodKind};
use crate::common::{format_date, Address};
use crate::members::Member;
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use chrono::Datelike;

/// The association as a party to the agreement.
#[derive(Debug, Clone)]
pub struct Party {
    /// Name.
    pub name: String,
    /// Postal address, if known.
    pub address: Address,
}

fn period_text(a: &Agreement) -> String {
    let kind = match a.period {
        PeriodKind::FirstHalf => format!("eerste halfjaar {}", a.start.year()),
        PeriodKind::SecondHalf => format!("tweede halfjaar {}", a.start.year()),
        PeriodKind::Custom => "zes maanden".to_string(),
    };
    format!(
        "van {} tot en met {} ({kind})",
        format_date(a.start),
        format_date(a.end)
    )
}

fn hours_text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} uur per week", minutes / 60)
    } else {
        format!(
            "{},{:02} uur per week",
            minutes / 60,
            minutes % 60 * 100 / 60
        )
    }
}

fn allowance_text(a: &Agreement) -> String {
    match a.allowance {
        Allowance::None => "geen vergoeding".into(),
        Allowance::PerHour(c) => format!("{c} per gewerkt uur"),
        Allowance::PerMonth(c) => format!("{c} per maand"),
    }
}

fn copy(w: &mut Writer, number: u32, a: &Agreement, id: u64, expert: &Member, association: &Party) {
    w.text(
        0.0,
        8.0,
        &format!("Exemplaar {number} van 2 · overeenkomst nr. {id}"),
    );
    w.text(0.0, 16.0, "Vrijwilligersovereenkomst ervaringsdeskundige");
    w.space(3.0);
    let place = association
        .address
        .lines()
        .map(|l| l.join(", "))
        .unwrap_or_default();
    w.text(
        0.0,
        10.0,
        &format!(
            "De vereniging: {}{}",
            association.name,
            if place.is_empty() {
                String::new()
            } else {
                format!(", {place}")
            }
        ),
    );
    let born = expert
        .birth_date
        .map(|b| format!(", geboren {}", format_date(b)))
        .unwrap_or_default();
    w.text(
        0.0,
        10.0,
        &format!(
            "De vrijwilliger: {}{born}, lidnummer {}",
            expert.name.full(),
            expert.number
        ),
    );
    w.space(2.0);
    w.text(0.0, 10.0, "komen het volgende overeen:");
    w.space(2.0);
    let clause = |w: &mut Writer, title: &str, body: &str| {
        w.text(0.0, 10.0, title);
        w.text(5.0, 10.0, body);
        w.space(1.5);
    };
    clause(
        w,
        "1. Periode",
        &format!("De vrijwilliger zet zich in {}.", period_text(a)),
    );
    clause(w, "2. Taken", &a.tasks.join("; "));
    clause(
        w,
        "3. Tijd",
        &format!("Gemiddeld {}.", hours_text(a.minutes_per_week)),
    );
    clause(
        w,
        "4. Vergoeding",
        &format!(
            "{}, binnen de grenzen van de belastingvrije vrijwilligersvergoeding.{}",
            capitalise(&allowance_text(a)),
            if a.expenses.is_empty() {
                String::new()
            } else {
                format!(" Onkosten: {}", a.expenses)
            }
        ),
    );
    clause(
        w,
        "5. Begeleiding en scholing",
        &if a.guidance.is_empty() {
            "De coördinator begeleidt de vrijwilliger; scholing wordt in overleg gekozen."
                .to_string()
        } else {
            format!(
                "Begeleiding door {}; scholing wordt in overleg gekozen.",
                a.guidance
            )
        },
    );
    clause(w, "6. Geheimhouding", "De vrijwilliger houdt geheim wat hij of zij in het werk over anderen hoort of ziet, ook na afloop.");
    clause(
        w,
        "7. Afwezigheid",
        "Afwezigheid wordt zo snel mogelijk gemeld bij de begeleider.",
    );
    clause(
        w,
        "8. Gesprek en opzegging",
        "Aan het eind van de periode volgt een functioneringsgesprek waarin beide partijen besluiten te stoppen, aan te passen of voort te zetten. Tussentijds beëindigen kan door elk van beide na een gesprek.",
    );
    if let Some(previous) = a.continues {
        w.text(
            0.0,
            9.0,
            &format!("Deze overeenkomst volgt op overeenkomst nr. {previous}."),
        );
    }
    w.space(6.0);
    w.keep(40.0);
    for who in ["Namens de vereniging", "De vrijwilliger"] {
        w.text(0.0, 10.0, who);
        w.text(
            0.0,
            10.0,
            "Naam: ............................................   Datum: ....................",
        );
        w.space(8.0);
        w.text(
            0.0,
            10.0,
            "Handtekening: ............................................",
        );
        w.space(5.0);
    }
}

fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The agreement, twice (a copy for each party), each copy on its own page(s).
pub fn render(
    a: &Agreement,
    id: u64,
    expert: &Member,
    association: &Party,
) -> Result<Vec<u8>, PrintError> {
    let mut pages = Vec::new();
    for number in 1..=2 {
        let mut w = Writer::new()?;
        copy(&mut w, number, a, id, expert, association);
        pages.extend(w.finish());
    }
    document::render(
        &pages,
        &format!("Vrijwilligersovereenkomst {}", expert.name.full()),
    )
}
