//! Errors in words: what went wrong and what to do, without internals.

use super::*;
use kapstok_core::error::Error;

/// Why one label does not fit, with the card's name.
pub fn unfit(u: &kapstok_core::basemail::Unfit, lang: Lang) -> String {
    use kapstok_core::print::FitReason;
    let nl = lang == Lang::Nl;
    let line = u.line.as_deref().unwrap_or("");
    let why = match &u.reason {
        FitReason::TooWide { .. } => {
            if nl {
                format!("regel te breed: \"{line}\"")
            } else {
                format!("line too wide: \"{line}\"")
            }
        }
        FitReason::TooManyLines => if nl {
            "te veel regels"
        } else {
            "too many lines"
        }
        .to_string(),
        FitReason::MissingGlyph { ch, .. } => {
            if nl {
                format!(
                    "teken \"{}\" (U+{:04X}) kan niet gedrukt worden",
                    kapstok_core::common::printable(&ch.to_string()),
                    u32::from(*ch)
                )
            } else {
                format!(
                    "character \"{}\" (U+{:04X}) cannot be printed",
                    kapstok_core::common::printable(&ch.to_string()),
                    u32::from(*ch)
                )
            }
        }
        FitReason::Empty => if nl {
            "geen adresregels"
        } else {
            "no address lines"
        }
        .to_string(),
    };
    format!("{} ({why})", u.name)
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
    let nl = match kind {
        "member" => "lid",
        "user" => "gebruiker",
        "institution" => "inrichting",
        "recipient" => "ontvanger",
        "stay" => "verblijf",
        "card run" => "kaartronde",
        "agreement" => "overeenkomst",
        "review" => "functioneringsgesprek",
        "meeting" => "ledenvergadering",
        "skill" => "vaardigheid",
        "task" => "taakomschrijving",
        "course" => "training",
        "skill held" => "behaalde vaardigheid",
        "plan item" => "punt van een opleidingsplan",
        "audit entry" => "logregel",
        _ => return kind.to_string(),
    };
    match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => kind.to_string(),
    }
}

/// A store table (tree) in words, with its own name for whoever helps.
pub(super) fn table_name(tree: &str, lang: Lang) -> String {
    let nl = match tree {
        "meta" => "beheergegevens",
        "users" => "gebruikers",
        "audit" => "logboek",
        "members" => "leden",
        "settings" => "instellingen",
        "institutions" => "inrichtingen",
        "recipients" => "ontvangers",
        "stays" => "verblijven",
        "runs" => "kaartrondes",
        "agreements" => "overeenkomsten",
        "reviews" => "functioneringsgesprekken",
        "allowance_limits" => "vergoedingsgrenzen",
        "skills" => "vaardigheden",
        "tasks" => "taakomschrijvingen",
        "courses" => "trainingen",
        "skills_held" => "behaalde vaardigheden",
        "plan_items" => "opleidingsplannen",
        "meetings" => "ledenvergaderingen",
        "consent_history" => "toestemmingen",
        "erasures" => "gewiste personen",
        "birthdays" => "verjaardagen",
        _ => return tree.to_string(),
    };
    match lang {
        Lang::Nl => format!("{nl} ({tree})"),
        Lang::En => tree.to_string(),
    }
}

/// The system's words for a file error ("No such file or directory (os error 2)"), in the
/// user's language for the common ones; other texts as they are.
pub(super) fn io_detail(detail: &str, lang: Lang) -> String {
    let code = detail
        .rsplit_once("(os error ")
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .and_then(|n| n.parse::<i32>().ok());
    let nl = lang == Lang::Nl;
    let text = match code {
        Some(2) if nl => "bestaat niet; controleer de naam en de map",
        Some(2) => "does not exist; check the name and the folder",
        Some(13) | Some(1) if nl => "geen toegang; kies een map waar u mag schrijven",
        Some(13) | Some(1) => "permission denied; choose a folder you may write to",
        Some(17) if nl => "bestaat al; kies een andere naam",
        Some(17) => "already exists; choose another name",
        Some(20) if nl => "een deel van het pad is geen map",
        Some(20) => "part of the path is not a folder",
        Some(21) if nl => "is een map, geen bestand",
        Some(21) => "is a folder, not a file",
        Some(28) if nl => "de schijf is vol",
        Some(28) => "the disk is full",
        Some(30) if nl => "de schijf is alleen-lezen",
        Some(30) => "the disk is read-only",
        _ => return io_kind(detail, lang).unwrap_or_else(|| detail.to_string()),
    };
    text.to_string()
}

/// `std::io::ErrorKind`'s words (as `ReadOnly` carries them), in the user's language.
pub(super) fn io_kind(detail: &str, lang: Lang) -> Option<String> {
    let (nl, en) = match detail {
        "permission denied" => ("geen toegang", "permission denied"),
        "read-only filesystem or storage medium" => {
            ("de schijf is alleen-lezen", "the disk is read-only")
        }
        "no storage space" => ("de schijf is vol", "the disk is full"),
        "file too large" => ("het bestand is te groot", "the file is too large"),
        "filesystem quota exceeded" => ("uw schijfquotum is op", "your disk quota is used up"),
        "entity not found" | "not found" => ("bestaat niet", "does not exist"),
        _ => return None,
    };
    Some(match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    })
}
