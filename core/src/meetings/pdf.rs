//! The general meeting's documents in the chosen language: the convocation letters (one per
//! member by letter, with the agenda) and the attendance sheet for signatures. The words come
//! from the catalogue (`kapstok_text`, area `documents`); the functions without `_in` write Dutch.

use super::model::{Meeting, MeetingKind};
use super::rules::{Channel, Deadlines, Invitee};
use crate::basemail::Office;
use crate::common::format_date;
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use chrono::Datelike;
use kapstok_text::{args, dates, Lang, Msg};

/// The meeting's date written out: `dinsdag 16 juni 2026`.
pub fn long_date(date: chrono::NaiveDate) -> String {
    long_date_in(date, Lang::Nl)
}

/// The meeting's date written out in a language: `Tuesday 16 June 2026`.
pub fn long_date_in(date: chrono::NaiveDate, lang: Lang) -> String {
    format!(
        "{} {} {} {}",
        dates::weekday_long(date.weekday().num_days_from_monday() as usize, lang),
        date.day(),
        dates::month_long(date.month0() as usize, lang),
        date.year()
    )
}

/// What the meeting is called in Dutch.
pub fn title(m: &Meeting) -> &'static str {
    title_in(m, Lang::Nl)
}

/// What the meeting is called in a language.
pub fn title_in(m: &Meeting, lang: Lang) -> &'static str {
    match m.kind {
        MeetingKind::Spring => Msg::DocMeetingSpring,
        MeetingKind::Autumn => Msg::DocMeetingAutumn,
        MeetingKind::Extraordinary => Msg::DocMeetingExtraordinary,
        MeetingKind::Second { .. } => Msg::DocMeetingSecond,
    }
    .text(lang)
}

fn agenda(w: &mut Writer, m: &Meeting, lang: Lang) {
    w.text(0.0, 11.0, Msg::DocAgenda.text(lang));
    for (n, item) in m.agenda.iter().enumerate() {
        let mark = match (item.decision, item.statute_change) {
            (_, true) => Msg::DocMarkStatuteChange.text(lang),
            (true, false) => Msg::DocMarkDecision.text(lang),
            (false, _) => "",
        };
        w.text(3.0, 10.0, &format!("{}. {}{mark}", n + 1, item.title));
        if item.decision && !item.motion.is_empty() {
            let motion = args::DocMotion {
                motion: &item.motion,
            };
            w.text(8.0, 9.0, &motion.text(lang));
        }
        if !item.documents.is_empty() {
            let documents = args::DocForInspection {
                documents: &item.documents,
            };
            w.text(8.0, 9.0, &documents.text(lang));
        }
    }
}

/// The convocation letters in Dutch (see [`letters_in`]).
pub fn letters(
    m: &Meeting,
    deadlines: &Deadlines,
    office: &Office,
    invitees: &[&Invitee],
) -> Result<Vec<u8>, PrintError> {
    letters_in(m, deadlines, office, invitees, Lang::Nl)
}

/// The convocation letters: one page (or more) per member by letter, with their address for a
/// window envelope, the meeting, the agenda and, with a statute change, where and from when the
/// full proposal can be inspected.
pub fn letters_in(
    m: &Meeting,
    deadlines: &Deadlines,
    office: &Office,
    invitees: &[&Invitee],
    lang: Lang,
) -> Result<Vec<u8>, PrintError> {
    let title = args::DocConvocationTitle {
        date: &format_date(m.date()),
    };
    document::render(
        &letter_pages_in(m, deadlines, office, invitees, lang)?,
        &title.text(lang),
    )
}

/// The pages of the convocation letters in Dutch (see [`letter_pages_in`]).
pub fn letter_pages(
    m: &Meeting,
    deadlines: &Deadlines,
    office: &Office,
    invitees: &[&Invitee],
) -> Result<Vec<Vec<document::Item>>, PrintError> {
    letter_pages_in(m, deadlines, office, invitees, Lang::Nl)
}

/// The pages of the convocation letters (the layout model [`letters_in`] renders). The address
/// block is the invitee's envelope lines as composed ([`crate::basemail::rules::address_lines`],
/// on [`crate::common::Address::lines`]), printed line by line as they are.
pub fn letter_pages_in(
    m: &Meeting,
    deadlines: &Deadlines,
    office: &Office,
    invitees: &[&Invitee],
    lang: Lang,
) -> Result<Vec<Vec<document::Item>>, PrintError> {
    let mut w = Writer::new()?;
    let title = title_in(m, lang);
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
        w.text(0.0, 14.0, &args::DocInvitation { title: &title }.text(lang));
        w.space(2.0);
        w.text(
            0.0,
            10.0,
            &args::DocDear {
                name: &invitee.name,
            }
            .text(lang),
        );
        w.space(1.0);
        let invite = args::DocInvite {
            meeting: &title.to_lowercase(),
            date: &long_date_in(m.date(), lang),
            time: &m.at.format("%H:%M"),
            place: &m.place,
        };
        w.text(0.0, 10.0, &invite.text(lang));
        if !invitee.voting {
            w.text(0.0, 10.0, Msg::DocSuspended.text(lang));
        } else {
            w.text(0.0, 10.0, Msg::DocProxyOffer.text(lang));
        }
        if let Some(from) = deadlines.inspection_from {
            w.space(2.0);
            let change = args::DocStatuteChange {
                from: &format_date(from),
            };
            w.text(0.0, 10.0, &change.text(lang));
        }
        if matches!(m.kind, MeetingKind::Second { .. }) {
            w.space(2.0);
            w.text(0.0, 10.0, Msg::DocSecondMeetingNote.text(lang));
        }
        w.space(3.0);
        agenda(&mut w, m, lang);
        w.space(6.0);
        w.text(0.0, 10.0, Msg::DocRegards.text(lang));
        w.text(0.0, 10.0, Msg::DocTheBoard.text(lang));
    }
    Ok(w.finish())
}

/// The attendance sheet in Dutch (see [`attendance_sheet_in`]).
pub fn attendance_sheet(
    m: &Meeting,
    office: &Office,
    invitees: &[Invitee],
) -> Result<Vec<u8>, PrintError> {
    attendance_sheet_in(m, office, invitees, Lang::Nl)
}

/// The attendance sheet: everyone invited in name order, whether they may vote, a proxy column
/// and a line to sign.
pub fn attendance_sheet_in(
    m: &Meeting,
    office: &Office,
    invitees: &[Invitee],
    lang: Lang,
) -> Result<Vec<u8>, PrintError> {
    let mut w = Writer::new()?;
    let heading = args::DocAttendanceTitle {
        title: &title_in(m, lang).to_lowercase(),
    };
    w.text(0.0, 14.0, &heading.text(lang));
    let org = if office.name.trim().is_empty() {
        String::new()
    } else {
        format!("{} · ", office.name.trim())
    };
    let when = args::DocAttendanceWhen {
        org: &org,
        date: &long_date_in(m.date(), lang),
        time: &m.at.format("%H:%M"),
        place: &m.place,
    };
    w.text(0.0, 10.0, &when.text(lang));
    w.text(0.0, 9.0, Msg::DocAttendanceLegend.text(lang));
    w.rule();
    for i in invitees {
        w.keep(9.0);
        w.space(3.0);
        let vote = if i.voting { Msg::DocYes } else { Msg::DocNo };
        let row = args::DocAttendanceRow {
            number: &format!("{:>6}", i.member),
            name: &i.name,
            vote: &vote.text(lang),
        };
        w.text(0.0, 10.0, &row.text(lang));
    }
    w.space(6.0);
    let invited = args::DocInvited {
        count: &invitees.len(),
    };
    w.text(0.0, 10.0, &invited.text(lang));
    let title = args::DocAttendanceTitle {
        title: &format_date(m.date()),
    };
    document::render(&w.finish(), &title.text(lang))
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
        assert!(pdf.contains("Beste Anna"), "{pdf}");
        // In English the same letters speak English, the addresses unchanged.
        let bytes = letters_in(&meeting, &deadlines, &office, &list, Lang::En).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        let pdf = doc.extract_text(&numbers).unwrap();
        for want in [
            "Dear Anna",
            "The board invites you",
            "Agenda",
            "Kind regards",
        ] {
            assert!(pdf.contains(want), "{want} in {pdf}");
        }
        assert!(!pdf.contains("Beste"), "{pdf}");
        assert!(pdf.contains("1015 CS  AMSTERDAM"), "{pdf}");
        // And the attendance sheet.
        let bytes = attendance_sheet_in(&meeting, &office, &all, Lang::En).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        let pdf = doc.extract_text(&numbers).unwrap();
        for want in ["Attendance sheet", "signature", "Invited: 3"] {
            assert!(pdf.contains(want), "{want} in {pdf}");
        }
    }

    #[test]
    fn long_dates_in_both_languages() {
        assert_eq!(long_date(d(2026, 6, 16)), "dinsdag 16 juni 2026");
        assert_eq!(
            long_date_in(d(2026, 6, 16), Lang::En),
            "Tuesday 16 June 2026"
        );
    }
}
