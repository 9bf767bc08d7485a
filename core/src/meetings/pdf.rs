//! The general meeting's documents in Dutch: the convocation letters (one per member by letter,
//! with the agenda) and the attendance sheet for signatures.

use super::model::{Meeting, MeetingKind};
use super::rules::{Channel, Deadlines, Invitee};
use crate::basemail::Office;
use crate::common::format_date;
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use chrono::Datelike;

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// The meeting's date written out: `dinsdag 16 juni 2026`.
pub fn long_date(date: chrono::NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// What the meeting is called in Dutch.
pub fn title(m: &Meeting) -> &'static str {
    match m.kind {
        MeetingKind::Spring => "Algemene ledenvergadering (voorjaar)",
        MeetingKind::Autumn => "Algemene ledenvergadering (najaar)",
        MeetingKind::Extraordinary => "Buitengewone algemene ledenvergadering",
        MeetingKind::Second { .. } => "Tweede algemene ledenvergadering",
    }
}

fn agenda(w: &mut Writer, m: &Meeting) {
    w.text(0.0, 11.0, "Agenda");
    for (n, item) in m.agenda.iter().enumerate() {
        let mark = match (item.decision, item.statute_change) {
            (_, true) => " (besluit: statutenwijziging)",
            (true, false) => " (besluit)",
            (false, _) => "",
        };
        w.text(3.0, 10.0, &format!("{}. {}{mark}", n + 1, item.title));
        if item.decision && !item.motion.is_empty() {
            w.text(8.0, 9.0, &format!("Voorstel: {}", item.motion));
        }
        if !item.documents.is_empty() {
            w.text(8.0, 9.0, &format!("Ter inzage: {}", item.documents));
        }
    }
}

/// The convocation letters: one page (or more) per member by letter, with their address for a
/// window envelope, the meeting, the agenda and, with a statute change, where and from when the
/// full proposal can be inspected.
pub fn letters(
    m: &Meeting,
    deadlines: &Deadlines,
    office: &Office,
    invitees: &[&Invitee],
) -> Result<Vec<u8>, PrintError> {
    let mut w = Writer::new()?;
    for invitee in invitees {
        w.page_break();
        let Channel::Letter(lines) = &invitee.channel else {
            continue;
        };
        if !office.name.trim().is_empty() {
            w.text(0.0, 9.0, office.name.trim());
        }
        w.space(12.0);
        for line in lines {
            w.text(0.0, 11.0, line);
        }
        w.space(12.0);
        w.text(0.0, 14.0, &format!("Uitnodiging: {}", title(m)));
        w.space(2.0);
        w.text(0.0, 10.0, &format!("Beste {},", invitee.name));
        w.space(1.0);
        w.text(
            0.0,
            10.0,
            &format!(
                "Het bestuur nodigt je uit voor de {} op {} om {} uur in {}.",
                title(m).to_lowercase(),
                long_date(m.date()),
                m.at.format("%H:%M"),
                m.place
            ),
        );
        if !invitee.voting {
            w.text(
                0.0,
                10.0,
                "Je bent geschorst: je mag de vergadering bijwonen, maar niet stemmen en geen volmacht geven.",
            );
        } else {
            w.text(
                0.0,
                10.0,
                "Kun je niet komen? Je mag een ander stemgerechtigd lid schriftelijk machtigen om voor je te stemmen.",
            );
        }
        if let Some(from) = deadlines.inspection_from {
            w.space(2.0);
            w.text(
                0.0,
                10.0,
                &format!(
                    "Op deze vergadering wordt een statutenwijziging voorgesteld. Het volledige voorstel ligt vanaf {} tot na de vergadering ter inzage op het kantoor.",
                    format_date(from)
                ),
            );
        }
        if matches!(m.kind, MeetingKind::Second { .. }) {
            w.space(2.0);
            w.text(
                0.0,
                10.0,
                "Dit is een tweede vergadering: de vorige haalde het quorum niet. Deze vergadering besluit ongeacht het aantal aanwezigen.",
            );
        }
        w.space(3.0);
        agenda(&mut w, m);
        w.space(6.0);
        w.text(0.0, 10.0, "Met vriendelijke groet,");
        w.text(0.0, 10.0, "het bestuur");
    }
    document::render(
        &w.finish(),
        &format!("Convocatie {}", format_date(m.date())),
    )
}

/// The attendance sheet: everyone invited in name order, whether they may vote, a proxy column
/// and a line to sign.
pub fn attendance_sheet(
    m: &Meeting,
    office: &Office,
    invitees: &[Invitee],
) -> Result<Vec<u8>, PrintError> {
    let mut w = Writer::new()?;
    w.text(
        0.0,
        14.0,
        &format!("Presentielijst {}", title(m).to_lowercase()),
    );
    let org = if office.name.trim().is_empty() {
        String::new()
    } else {
        format!("{} · ", office.name.trim())
    };
    w.text(
        0.0,
        10.0,
        &format!(
            "{org}{} om {} uur · {}",
            long_date(m.date()),
            m.at.format("%H:%M"),
            m.place
        ),
    );
    w.text(
        0.0,
        9.0,
        "Stem: ja = stemgerechtigd, nee = geschorst (aanwezig zonder stem). Volmacht: lidnummer van wie je machtigde.",
    );
    w.rule();
    for i in invitees {
        w.keep(9.0);
        w.space(3.0);
        w.text(
            0.0,
            10.0,
            &format!(
                "{:>6}  {}  · stem: {}  · volmacht van: ........  · handtekening: ..............................",
                i.member,
                i.name,
                if i.voting { "ja" } else { "nee" }
            ),
        );
    }
    w.space(6.0);
    w.text(
        0.0,
        10.0,
        &format!("Aantal uitgenodigd: {}", invitees.len()),
    );
    document::render(
        &w.finish(),
        &format!("Presentielijst {}", format_date(m.date())),
    )
}
