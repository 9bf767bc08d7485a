//! How records read in words, for both front ends: the TUI's screens and the command line
//! print members' statuses and addresses, the retention list, the meetings' kinds, decisions and
//! rules, and the year's figures the same way.

pub mod figures_text;
pub mod meeting_text;

use crate::i18n::{Lang, Msg};
use kapstok_core::common::{format_date, Address};
use kapstok_core::members::Status;
use kapstok_core::privacy::Due;

/// A status in words.
pub fn status_label(status: &Status, lang: Lang) -> String {
    match status {
        Status::Active => Msg::StatusActive.text(lang).into(),
        Status::Suspended => Msg::StatusSuspended.text(lang).into(),
        Status::Ended { reason } => format!("{} ({reason})", Msg::StatusEnded.text(lang)),
        Status::Deceased => Msg::StatusDeceased.text(lang).into(),
    }
}

/// The address as lines for the screen.
pub fn address_lines(address: &Address, lang: Lang) -> Vec<String> {
    match address {
        Address::CareOfOffice => vec![Msg::AddrCareOf.text(lang).into()],
        Address::Unknown => vec![Msg::AddrUnknown.text(lang).into()],
        other => other.lines().unwrap_or_default(),
    }
}

/// A retention list row: number, name, status, when they left, when the period ended.
pub fn due_fields(d: &Due, lang: Lang) -> [String; 5] {
    [
        d.member.number.to_string(),
        d.member.name.sorted(),
        status_label(d.member.status(), lang).to_string(),
        format!("{} {}", Msg::PrivLeftOn.text(lang), format_date(d.left)),
        format!(
            "{} {}",
            Msg::PrivDueSince.text(lang),
            format_date(d.due_since)
        ),
    ]
}
