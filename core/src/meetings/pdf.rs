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
    document::render(
        &letter_pages(m, deadlines, office, invitees)?,
        &format!("Convocatie {}", format_date(m.date())),
    )
}

/// The pages of the convocation letters (the layout model [`letters`] renders). The address
/// block is the invitee's envelope lines as composed ([`crate::basemail::rules::address_lines`],
/// on [`crate::common::Address::lines`]), printed line by line as they are.
pub fn letter_pages(
    m: &Meeting,
    deadlines: &Deadlines,
    office: &Office,
    invitees: &[&Invitee],
) -> Result<Vec<Vec<document::Item>>, PrintError> {
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
    Ok(w.finish())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{Address, Postcode};
    use crate::meetings::rules::invitees;
    use crate::members::{Consents, Member, Status, StatusEntry};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member(number: u64, given: &str, address: Address) -> Member {
        Member {
            number,
            name: crate::common::PersonName::new(given, "", "Jansen"),
            known_as: String::new(),
            birth_date: None,
            phone: String::new(),
            email: String::new(),
            address,
            status_history: vec![StatusEntry {
                since: d(2020, 1, 1),
                status: Status::Active,
            }],
            joined: d(2020, 1, 1),
            consents: Consents::default(),
            last_contact: None,
            notes: String::new(),
        }
    }

    fn texts(pages: &[Vec<document::Item>]) -> Vec<String> {
        pages
            .iter()
            .flatten()
            .filter_map(|i| match i {
                document::Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn letters_print_the_address_lines_of_every_other_document() {
        let street = Address::Street {
            street: "Keizersgracht".into(),
            number: 12,
            addition: "A".into(),
            postcode: Postcode::parse("1015cs").unwrap(),
            city: "Amsterdam".into(),
        };
        let abroad = Address::Foreign {
            street: "Hauptstraße 5".into(),
            postcode: "10115".into(),
            city: "Berlin".into(),
            country: "Germany".into(),
        };
        let office = Office {
            name: "Vereniging".into(),
            address: Address::Postbus {
                number: 2170,
                postcode: Postcode::parse("8203AD").unwrap(),
                city: "Lelystad".into(),
            },
        };
        let members = [
            member(1, "Anna", street.clone()),
            member(2, "Bert", abroad.clone()),
            member(3, "Cor", Address::CareOfOffice),
        ];
        let meeting = Meeting {
            kind: MeetingKind::Spring,
            at: d(2026, 6, 16).and_hms_opt(19, 30, 0).unwrap(),
            place: "Kantoor".into(),
            agenda: Vec::new(),
            convocation: None,
            presence: Vec::new(),
            proxies: Vec::new(),
            minutes_adopted: None,
        };
        let deadlines = Deadlines {
            notice_days: 14,
            send_by: d(2026, 6, 2),
            inspection_from: None,
        };
        let all = invitees(&members, meeting.date(), &office);
        let list: Vec<&Invitee> = all.iter().collect();
        let pages = letter_pages(&meeting, &deadlines, &office, &list).unwrap();
        let text = texts(&pages);
        let mut wanted = vec!["Anna Jansen".to_string()];
        wanted.extend(street.lines().unwrap());
        wanted.push("Bert Jansen".into());
        wanted.extend(abroad.lines().unwrap());
        wanted.extend(["Cor Jansen".to_string(), "p/a Vereniging".to_string()]);
        wanted.extend(office.address.lines().unwrap());
        for line in &wanted {
            assert!(text.contains(line), "{line:?} not a line of {text:?}");
        }
        assert!(text.contains(&"1015 CS  AMSTERDAM".to_string()));
        assert!(text.contains(&"10115  Berlin".to_string()));
        assert!(text.contains(&"GERMANY".to_string()));
        // And so in the PDF.
        let bytes = letters(&meeting, &deadlines, &office, &list).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        let pdf = doc.extract_text(&numbers).unwrap();
        assert!(pdf.contains("1015 CS  AMSTERDAM"), "{pdf}");
        assert!(pdf.contains("8203 AD  LELYSTAD"), "{pdf}");
    }
}
