//! Why a value was refused: reasons, field and row errors, permissions.

use super::*;
use kapstok_core::error::{mm, FieldError, Permission, Reason, RowError};

/// Why a value was refused, in a language.
pub fn reason(r: &Reason, lang: Lang) -> String {
    let other = |f: &str| field_name(f, lang).to_lowercase();
    match r {
        Reason::Required => Msg::RefusedRequired.text(lang).into(),
        Reason::TooLong(n) => args::RefusedTooLong { n }.text(lang),
        Reason::BadDate => Msg::RefusedBadDate.text(lang).into(),
        Reason::InFuture => Msg::RefusedInFuture.text(lang).into(),
        Reason::Before(f) => args::RefusedBefore { other: &other(f) }.text(lang),
        Reason::After(f) => args::RefusedAfter { other: &other(f) }.text(lang),
        Reason::BadPostcode => Msg::RefusedBadPostcode.text(lang).into(),
        Reason::BadEmail => Msg::RefusedBadEmail.text(lang).into(),
        Reason::BadPhone => Msg::RefusedBadPhone.text(lang).into(),
        Reason::BadNumber => Msg::RefusedBadNumber.text(lang).into(),
        Reason::NotOneOf(values) => args::RefusedNotOneOf {
            values: &values.join(", "),
        }
        .text(lang),
        Reason::Taken => Msg::RefusedTaken.text(lang).into(),
        Reason::Multiline => Msg::RefusedMultiline.text(lang).into(),
        Reason::Unchanged => Msg::RefusedUnchanged.text(lang).into(),
        Reason::TooShort(n) => args::RefusedTooShort { n }.text(lang),
        Reason::BadUserName => Msg::RefusedBadUserName.text(lang).into(),
        Reason::BeforeYear(y) => args::RefusedBeforeYear { year: y }.text(lang),
        Reason::OutOfRange(min, max) => args::RefusedOutOfRange { min, max }.text(lang),
        Reason::EmptyFile => Msg::RefusedEmptyFile.text(lang).into(),
        // The reader's own words are English internals: the Dutch text goes without them.
        Reason::CsvSyntax(e) => args::RefusedCsvSyntax { detail: e }.text(lang),
        Reason::DuplicateColumn => Msg::RefusedDuplicateColumn.text(lang).into(),
        Reason::UnknownColumns(names, count) => unknown_columns(names, *count, lang),
        Reason::BadPublicKey => Msg::RefusedBadPublicKey.text(lang).into(),
        Reason::OwnAccount => Msg::RefusedOwnAccount.text(lang).into(),
        Reason::MissingColumn => Msg::RefusedMissingColumn.text(lang).into(),
        Reason::FieldCount(found, expected) => {
            args::RefusedFieldCount { found, expected }.text(lang)
        }
        Reason::NotUtf8 => Msg::RefusedNotUtf8.text(lang).into(),
        Reason::AlsoOnLine(line) => args::RefusedAlsoOnLine { line }.text(lang),
        Reason::BadHistoryStep(step) => args::RefusedBadHistoryStep { step }.text(lang),
        Reason::NotInOrder => Msg::RefusedNotInOrder.text(lang).into(),
        Reason::Overlaps => Msg::RefusedOverlaps.text(lang).into(),
        Reason::Closed => Msg::RefusedClosed.text(lang).into(),
        Reason::DoesNotExist(n) => args::RefusedDoesNotExist { n }.text(lang),
        Reason::MmRange(min, max) => args::RefusedMmRange {
            min: &mm(*min),
            max: &mm(*max),
        }
        .text(lang),
        Reason::MmAtLeast(0) => Msg::RefusedMmAtLeastAboveZero.text(lang).into(),
        Reason::MmAtLeast(min) => args::RefusedMmAtLeast { min: &mm(*min) }.text(lang),
        Reason::NotANumber => Msg::RefusedNotANumber.text(lang).into(),
        Reason::BadId => Msg::RefusedBadId.text(lang).into(),
        Reason::OffPage => Msg::RefusedOffPage.text(lang).into(),
        Reason::OutsideOfficeHours => Msg::RefusedOutsideOfficeHours.text(lang).into(),
        Reason::DoubleBooked("expert") => Msg::RefusedDoubleBookedExpert.text(lang).into(),
        Reason::DoubleBooked(_) => Msg::RefusedDoubleBooked.text(lang).into(),
        Reason::NotSigned => Msg::RefusedNotSigned.text(lang).into(),
        Reason::NotDraft => Msg::RefusedNotDraft.text(lang).into(),
        Reason::UnknownName(name) => args::RefusedUnknownName { name }.text(lang),
        Reason::NoNumberLeft => args::RefusedNoNumberLeft {
            max: &kapstok_core::members::csv::MAX_MEMBER_NUMBER,
        }
        .text(lang),
        Reason::LateConvocation(deadline) => args::RefusedLateConvocation {
            date: &kapstok_core::common::format_date(*deadline),
        }
        .text(lang),
        Reason::NoVotingRight => Msg::RefusedNoVotingRight.text(lang).into(),
        Reason::NotPresent => Msg::RefusedNotPresent.text(lang).into(),
        Reason::AlreadyPresent => Msg::RefusedAlreadyPresent.text(lang).into(),
        Reason::ProxyLimit(n) => args::RefusedProxyLimit { n }.text(lang),
        Reason::ProxiesNotAllowed => Msg::RefusedProxiesNotAllowed.text(lang).into(),
        Reason::MoreVotesThanPower(n) => args::RefusedMoreVotesThanPower { n }.text(lang),
        Reason::BadTime => Msg::RefusedBadTime.text(lang).into(),
        Reason::SamePerson => Msg::RefusedSamePerson.text(lang).into(),
        Reason::NotADecision => Msg::RefusedNotADecision.text(lang).into(),
        Reason::NoFailedQuorum => Msg::RefusedNoFailedQuorum.text(lang).into(),
        Reason::Other(text) => text.clone(),
        Reason::Erased => Msg::RefusedErased.text(lang).into(),
        Reason::StillMember => Msg::RefusedStillMember.text(lang).into(),
        Reason::ControlCharacter(c) => args::RefusedControlCharacter {
            which: &control_name(*c, lang),
        }
        .text(lang),
        Reason::UnclosedQuote => Msg::RefusedUnclosedQuote.text(lang).into(),
    }
}

/// A control character as a user can find it: its code point and, for the common ones, its name.
pub(super) fn control_name(c: char, lang: Lang) -> String {
    let name = match c {
        '\0' => "NUL",
        '\u{1b}' => "Escape",
        '\u{7f}' => "Delete",
        '\t' => "tab",
        '\n' | '\r' => Msg::RefusedLineBreak.text(lang),
        _ => Msg::RefusedControlChar.text(lang),
    };
    format!("U+{:04X}, {name}", u32::from(c))
}

/// Unknown CSV columns: the first few by name, and how many more.
pub(super) fn unknown_columns(names: &[String], count: usize, lang: Lang) -> String {
    let shown: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let more = count.saturating_sub(names.len());
    let list = shown.join(", ");
    match (count, more) {
        (1, _) => args::RefusedUnknownColumn { list: &list }.text(lang),
        (_, 0) => args::RefusedUnknownColumns {
            count: &count,
            list: &list,
        }
        .text(lang),
        (_, _) => args::RefusedUnknownColumnsMore {
            count: &count,
            list: &list,
            more: &more,
        }
        .text(lang),
    }
}

/// One field error as a sentence: "Postcode: is geen Nederlandse postcode (1234 AB)".
pub fn field_error(e: &FieldError, lang: Lang) -> String {
    format!("{}: {}", field_name(e.field, lang), reason(&e.reason, lang))
}

/// One import row error: "regel 5: Postcode: ...; E-mail: ...".
pub fn row_error(e: &RowError, lang: Lang) -> String {
    let parts: Vec<String> = e.errors.iter().map(|f| field_error(f, lang)).collect();
    format!(
        "{} {}: {}",
        Msg::ErrLine.text(lang),
        e.line,
        parts.join("; ")
    )
}

pub(super) fn permission(p: Permission, lang: Lang) -> &'static str {
    match p {
        Permission::MembersRead => Msg::PermMembersRead,
        Permission::MembersWrite => Msg::PermMembersWrite,
        Permission::UsersManage => Msg::PermUsersManage,
        Permission::AuditRead => Msg::PermAuditRead,
        Permission::SettingsWrite => Msg::PermSettingsWrite,
        Permission::BaseMailRun => Msg::PermBaseMailRun,
        Permission::ExpertsManage => Msg::PermExpertsManage,
        Permission::BaseMailManage => Msg::PermBaseMailManage,
        Permission::MeetingsRead => Msg::PermMeetingsRead,
        Permission::MeetingsManage => Msg::PermMeetingsManage,
        Permission::StoreManage => Msg::PermStoreManage,
        Permission::MembersExport => Msg::PermMembersExport,
    }
    .text(lang)
}
