//! Errors in words: what went wrong and what to do, without internals.

use super::*;
use kapstok_core::error::Error;

/// Why one label does not fit, with the card's name.
pub fn unfit(u: &kapstok_core::basemail::Unfit, lang: Lang) -> String {
    use kapstok_core::print::FitReason;
    let line = u.line.as_deref().unwrap_or("");
    let why = match &u.reason {
        FitReason::TooWide { .. } => args::UnfitTooWide { line: &line }.text(lang),
        FitReason::TooManyLines => Msg::UnfitTooManyLines.text(lang).to_string(),
        FitReason::MissingGlyph { ch, .. } => args::UnfitMissingGlyph {
            ch: &kapstok_core::common::printable(&ch.to_string()),
            code: &format!("U+{:04X}", u32::from(*ch)),
        }
        .text(lang),
        FitReason::Empty => Msg::UnfitEmpty.text(lang).to_string(),
    };
    format!("{} ({why})", u.name)
}

/// Who changed a record meanwhile ("someone else" when the audit log does not say).
pub fn conflict_who(c: &kapstok_core::common::Conflict, lang: Lang) -> String {
    c.who
        .clone()
        .unwrap_or_else(|| Msg::ConflictSomeone.text(lang).to_string())
}

/// When a record was changed meanwhile: date and time ("?" when the audit log does not say).
pub fn conflict_when(c: &kapstok_core::common::Conflict) -> String {
    c.when
        .map(|t| t.format("%d-%m-%Y %H:%M").to_string())
        .unwrap_or_else(|| "?".into())
}

/// A core error as a sentence for the user.
pub fn error(e: &Error, lang: Lang) -> String {
    match e {
        Error::Invalid(fields) => {
            let parts: Vec<String> = fields.iter().map(|f| field_error(f, lang)).collect();
            format!("{}: {}", Msg::ErrInvalid.text(lang), parts.join("; "))
        }
        Error::Import(rows) => {
            let parts: Vec<String> = rows.iter().map(|r| row_error(r, lang)).collect();
            format!("{}:\n{}", Msg::ErrImport.text(lang), parts.join("\n"))
        }
        Error::Unfit(labels) => {
            let parts: Vec<String> = labels.iter().map(|u| unfit(u, lang)).collect();
            format!("{}: {}", Msg::ErrUnfit.text(lang), parts.join("; "))
        }
        Error::Denied(p) => format!("{}: {}", Msg::ErrDenied.text(lang), permission(*p, lang)),
        Error::BadLogin => Msg::ErrBadLogin.text(lang).into(),
        Error::NotEmpty => Msg::ErrNotEmpty.text(lang).into(),
        Error::NotFound { kind, id } => format!(
            "{}: {} {id}",
            Msg::ErrNotFound.text(lang),
            record_kind(kind, lang)
        ),
        Error::Conflict(c) => args::ErrConflict {
            record: &format!("{} {}", record_kind(c.kind, lang), c.id),
            who: &conflict_who(c, lang),
            when: &conflict_when(c),
            fields: &c
                .fields
                .iter()
                .map(|f| field_name(f.field, lang))
                .collect::<Vec<_>>()
                .join(", "),
        }
        .text(lang),
        Error::AlreadyOpen { path } => format!("{} ({path}).", Msg::ErrAlreadyOpen.text(lang)),
        Error::NewerFormat { found, supported } => {
            format!("{} ({found} > {supported})", Msg::ErrNewerFormat.text(lang))
        }
        // What went wrong inside is for whoever helps: `error_detail` has it.
        Error::Corrupt { tree, key, .. } => args::ErrCorrupt {
            table: &table_name(tree, lang),
            key: &key,
        }
        .text(lang),
        Error::Storage(_) => Msg::ErrStorage.text(lang).into(),
        Error::Io { path, detail } => format!("{path}: {}", io_detail(detail, lang)),
        Error::Locked => Msg::ErrLocked.text(lang).into(),
        Error::BadPassphrase => Msg::ErrBadPassphrase.text(lang).into(),
        Error::NotEncrypted => Msg::ErrNotEncrypted.text(lang).into(),
        Error::ReadOnly { detail } => match io_kind(detail, lang) {
            Some(why) => format!("{} ({why}).", Msg::ErrReadOnly.text(lang)),
            None => format!("{}.", Msg::ErrReadOnly.text(lang)),
        },
        Error::OutputInStore { path, store } => args::ErrOutputInStore {
            path: &path,
            store: &store,
        }
        .text(lang),
        Error::BadBackup {
            path,
            line,
            problem,
        } => {
            let problem = backup_problem(problem, lang);
            if *line == 0 {
                args::ErrBadBackupWhole {
                    path: &path,
                    problem: &problem,
                }
                .text(lang)
            } else {
                args::ErrBadBackup {
                    path: &path,
                    line: &line,
                    problem: &problem,
                }
                .text(lang)
            }
        }
    }
}

/// What is wrong with a backup file, in words.
pub(super) fn backup_problem(p: &kapstok_core::store::dump::BackupProblem, lang: Lang) -> String {
    use kapstok_core::store::dump::BackupProblem as P;
    let plain = |m: Msg| m.text(lang).to_string();
    match p {
        P::Unreadable(detail) => args::BackupUnreadable { detail: &detail }.text(lang),
        P::Empty => plain(Msg::BackupEmpty),
        P::NoHeader => plain(Msg::BackupNoHeader),
        P::UnsupportedVersion(v) => args::BackupVersion { version: &v }.text(lang),
        P::AfterCheckLine(at) => args::BackupAfterCheck { at: &at }.text(lang),
        P::NotUtf8 => plain(Msg::BackupNotUtf8),
        P::NotAnEntry => plain(Msg::BackupNotAnEntry),
        P::CutShort => plain(Msg::BackupCutShort),
        P::UnknownTree(tree) => args::BackupUnknownTree { tree: &tree }.text(lang),
        P::KeyNotHex | P::ValueNotHex | P::KeyLength => plain(Msg::BackupBadEntry),
        P::UnencryptedValue => plain(Msg::BackupUnencrypted),
        P::NotARecord => plain(Msg::BackupNotARecord),
        P::Repeated => plain(Msg::BackupRepeated),
        P::Incomplete { found, expected } => args::BackupIncomplete {
            found: &found,
            expected: &expected,
        }
        .text(lang),
        P::Damaged => plain(Msg::BackupDamaged),
        P::NoCheckLine => plain(Msg::BackupNoCheckLine),
        P::BadFormatVersion
        | P::NoFormatVersion
        | P::FormatVersionDiffers
        | P::FormatVersionZero => plain(Msg::BackupFormat),
        P::ForgedOldDump => plain(Msg::BackupForgedOld),
        P::EncryptionDisagrees => plain(Msg::BackupEncryption),
        P::AlreadyEncrypted => plain(Msg::BackupAlreadyEncrypted),
    }
}

/// The technical detail of an error, for whoever helps (a developer, the log), kept out of the
/// message itself: the decoder's words about a damaged record, the storage engine's, the
/// system's. `None` when the message says it all.
pub fn error_detail(e: &Error) -> Option<String> {
    match e {
        Error::Corrupt { tree, key, detail } => Some(format!("{tree}/{key}: {detail}")),
        Error::Storage(detail) | Error::ReadOnly { detail } => Some(detail.clone()),
        Error::Io { detail, .. } if io_detail(detail, Lang::Nl) != *detail => Some(detail.clone()),
        _ => None,
    }
}

/// What kind of record, in words (`member` is "lid").
pub(super) fn record_kind(kind: &str, lang: Lang) -> String {
    let m = match kind {
        "member" => Msg::KindMember,
        "user" => Msg::KindUser,
        "institution" => Msg::KindInstitution,
        "recipient" => Msg::KindRecipient,
        "stay" => Msg::KindStay,
        "card run" => Msg::KindCardRun,
        "agreement" => Msg::KindAgreement,
        "review" => Msg::KindReview,
        "meeting" => Msg::KindMeeting,
        "skill" => Msg::KindSkill,
        "task" => Msg::KindTask,
        "course" => Msg::KindCourse,
        "skill held" => Msg::KindSkillHeld,
        "plan item" => Msg::KindPlanItem,
        "audit entry" => Msg::KindAuditEntry,
        _ => return kind.to_string(),
    };
    m.text(lang).to_string()
}

/// A store table (tree) in words, with its own name for whoever helps.
pub(super) fn table_name(tree: &str, lang: Lang) -> String {
    let m = match tree {
        "meta" => Msg::TableMeta,
        "users" => Msg::TableUsers,
        "audit" => Msg::TableAudit,
        "members" => Msg::TableMembers,
        "settings" => Msg::TableSettings,
        "institutions" => Msg::TableInstitutions,
        "recipients" => Msg::TableRecipients,
        "stays" => Msg::TableStays,
        "runs" => Msg::TableRuns,
        "agreements" => Msg::TableAgreements,
        "reviews" => Msg::TableReviews,
        "allowance_limits" => Msg::TableAllowanceLimits,
        "skills" => Msg::TableSkills,
        "tasks" => Msg::TableTasks,
        "courses" => Msg::TableCourses,
        "skills_held" => Msg::TableSkillsHeld,
        "plan_items" => Msg::TablePlanItems,
        "meetings" => Msg::TableMeetings,
        "consent_history" => Msg::TableConsentHistory,
        "erasures" => Msg::TableErasures,
        "birthdays" => Msg::TableBirthdays,
        _ => return tree.to_string(),
    };
    // In English the tree's own name says it; in Dutch the word comes first.
    args::TableNamed {
        word: &m.text(lang),
        tree: &tree,
    }
    .text(lang)
}

/// The system's words for a file error ("No such file or directory (os error 2)"), in the
/// user's language for the common ones; other texts as they are.
pub(super) fn io_detail(detail: &str, lang: Lang) -> String {
    let code = detail
        .rsplit_once("(os error ")
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .and_then(|n| n.parse::<i32>().ok());
    let m = match code {
        Some(2) => Msg::IoNotFound,
        Some(13) | Some(1) => Msg::IoDenied,
        Some(17) => Msg::IoExists,
        Some(20) => Msg::IoNotAFolder,
        Some(21) => Msg::IoIsAFolder,
        Some(28) => Msg::IoDiskFull,
        Some(30) => Msg::IoReadOnly,
        _ => return io_kind(detail, lang).unwrap_or_else(|| detail.to_string()),
    };
    m.text(lang).to_string()
}

/// `std::io::ErrorKind`'s words (as `ReadOnly` carries them), in the user's language.
pub(super) fn io_kind(detail: &str, lang: Lang) -> Option<String> {
    let m = match detail {
        "permission denied" => Msg::IoKindDenied,
        "read-only filesystem or storage medium" => Msg::IoKindReadOnly,
        "no storage space" => Msg::IoKindFull,
        "file too large" => Msg::IoKindTooLarge,
        "filesystem quota exceeded" => Msg::IoKindQuota,
        "entity not found" | "not found" => Msg::IoKindNotFound,
        _ => return None,
    };
    Some(m.text(lang).to_string())
}
