//! Errors of kapstok-core.
//!
//! Errors carry codes, not sentences meant for users: the front end translates them (the TUI speaks
//! Dutch and English). The `Display` texts are English and meant for logs and the command line.

use std::fmt;

/// The result type of every core call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a value was refused. The front end turns a reason into a sentence in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A required value is empty.
    Required,
    /// Longer than the field allows (the limit in characters).
    TooLong(usize),
    /// Not a date in a known format (`dd-mm-jjjj` or `jjjj-mm-dd`).
    BadDate,
    /// A date that lies in the future where that is impossible (a birth date).
    InFuture,
    /// A date before another date it cannot precede (the name of that field).
    Before(&'static str),
    /// A date after another date it cannot follow (the name of that field).
    After(&'static str),
    /// Not a Dutch postcode (`1234 AB`).
    BadPostcode,
    /// Not an e-mail address.
    BadEmail,
    /// Not a phone number (digits, spaces, `+`, `-`, parentheses).
    BadPhone,
    /// Not a whole positive number.
    BadNumber,
    /// Not one of the allowed values (the allowed values, for the message).
    NotOneOf(&'static [&'static str]),
    /// The value is already used by another record (e.g. a member number or user name).
    Taken,
    /// The value may not contain a line break.
    Multiline,
    /// The new value equals the current one (a status change to the status already held).
    Unchanged,
    /// Shorter than the field needs (the minimum in characters).
    TooShort(usize),
    /// A user name with other characters than a-z, digits, `.`, `-`, `_`.
    BadUserName,
    /// A date before the given year.
    BeforeYear(i32),
    /// A number outside the allowed range (inclusive).
    OutOfRange(u64, u64),
    /// A CSV file without any line.
    EmptyFile,
    /// A CSV file the reader cannot parse here (the reader's own words).
    CsvSyntax(String),
    /// A CSV column that appears twice in the header.
    DuplicateColumn,
    /// A required CSV column is missing.
    MissingColumn,
    /// A CSV row with another number of fields than the header (found, expected).
    FieldCount(usize, usize),
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// The same value is also on another line of the file (that line).
    AlsoOnLine(u64),
    /// A status history step that is not `jjjj-mm-dd status` (the step).
    BadHistoryStep(String),
    /// Steps that are not in date order.
    NotInOrder,
    /// No number is left to hand out.
    NoNumberLeft,
    /// Overlaps with another period of the same person (a stay, an agreement).
    Overlaps,
    /// The record is closed and no longer changes (a posted card run).
    Closed,
    /// No record with this number exists (e.g. a member number).
    DoesNotExist(u64),
    /// A length outside the allowed range, in hundredths of a millimetre (min, max).
    MmRange(i64, i64),
    /// A length below the minimum, in hundredths of a millimetre (0: must be positive).
    MmAtLeast(i64),
    /// Not a (finite) number.
    NotANumber,
    /// An id with other characters than a-z, 0-9 and `-`.
    BadId,
    /// Lies (partly) off the page.
    OffPage,
    /// A name that is not known here (e.g. a label sheet id).
    UnknownName(String),
    /// Outside office hours.
    OutsideOfficeHours,
    /// Someone already has another appointment then (who: `expert` or `staff`).
    DoubleBooked(&'static str),
    /// Only a draft can be changed this way.
    NotDraft,
    /// Not signed yet: only a signed agreement can have this done.
    NotSigned,
    /// Lies after the convocation deadline (the deadline).
    LateConvocation(chrono::NaiveDate),
    /// The member has no vote (suspended, ended or deceased).
    NoVotingRight,
    /// The member is not present at the meeting.
    NotPresent,
    /// The member is already present.
    AlreadyPresent,
    /// The holder already holds the most proxies allowed (the limit).
    ProxyLimit(u32),
    /// The statutes allow no proxies.
    ProxiesNotAllowed,
    /// More votes than the voting power present (the voting power).
    MoreVotesThanPower(u32),
    /// Not a time of day (`hh:mm`).
    BadTime,
    /// Two roles that must be different people are the same person (a proxy to oneself).
    SamePerson,
    /// An information item: there is nothing to vote on.
    NotADecision,
    /// No agenda item of the meeting failed its quorum, so there is no second meeting to plan.
    NoFailedQuorum,
    /// A free-text reason for refusal, for cases not covered above (English).
    Other(String),
    /// The person's data was erased: the record only keeps anonymous counts.
    Erased,
    /// Still a member (active or suspended): end the membership first.
    StillMember,
    /// Text holding a control character that the field does not allow (the first one found):
    /// NUL, ESC, DEL, a C1 code such as U+009B, or a tab or line break in a one-line field.
    ControlCharacter(char),
    /// A CSV field whose opening `"` is never closed: the rest of the file would be read as part
    /// of it. The row error's line is the line where the quote opened.
    UnclosedQuote,
    /// CSV columns that are not known: the first few names, and how many there are in all.
    UnknownColumns(Vec<String>, usize),
    /// Not an SSH public key (an OpenSSH line or an RFC 4716 block).
    BadPublicKey,
    /// The session's own account, which it may not block.
    OwnAccount,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Required => write!(f, "is required"),
            Reason::TooLong(n) => write!(f, "is longer than {n} characters"),
            Reason::BadDate => write!(f, "is not a date (dd-mm-yyyy)"),
            Reason::InFuture => write!(f, "lies in the future"),
            Reason::Before(other) => write!(f, "lies before {other}"),
            Reason::After(other) => write!(f, "lies after {other}"),
            Reason::BadPostcode => write!(f, "is not a Dutch postcode (1234 AB)"),
            Reason::BadEmail => write!(f, "is not an e-mail address"),
            Reason::BadPhone => write!(f, "is not a phone number"),
            Reason::BadNumber => write!(f, "is not a whole positive number"),
            Reason::NotOneOf(values) => write!(f, "must be one of: {}", values.join(", ")),
            Reason::Taken => write!(f, "is already in use"),
            Reason::Multiline => write!(f, "may not contain a line break"),
            Reason::Unchanged => write!(f, "is unchanged"),
            Reason::TooShort(n) => write!(f, "must be at least {n} characters"),
            Reason::BadUserName => write!(f, "may hold only letters a-z, digits, '.', '-' and '_'"),
            Reason::BeforeYear(y) => write!(f, "lies before {y}"),
            Reason::OutOfRange(min, max) => write!(f, "must be between {min} and {max}"),
            Reason::EmptyFile => write!(f, "the file is empty"),
            Reason::CsvSyntax(e) => write!(f, "cannot be read as CSV: {e}"),
            Reason::DuplicateColumn => write!(f, "column appears twice"),
            Reason::MissingColumn => write!(f, "column is missing"),
            Reason::FieldCount(found, expected) => {
                write!(f, "has {found} fields, the header has {expected}")
            }
            Reason::NotUtf8 => write!(f, "is not valid UTF-8"),
            Reason::AlsoOnLine(line) => write!(f, "also on line {line}"),
            Reason::BadHistoryStep(step) => write!(f, "\"{step}\" is not \"yyyy-mm-dd status\""),
            Reason::NotInOrder => write!(f, "steps are not in date order"),
            Reason::NoNumberLeft => write!(f, "no number is left"),
            Reason::Overlaps => write!(f, "overlaps with another period"),
            Reason::Closed => write!(f, "is closed"),
            Reason::DoesNotExist(n) => write!(f, "{n} does not exist"),
            Reason::MmRange(min, max) => {
                write!(f, "must lie between {} and {} mm", mm(*min), mm(*max))
            }
            Reason::MmAtLeast(0) => write!(f, "must be more than 0 mm"),
            Reason::MmAtLeast(min) => write!(f, "must be at least {} mm", mm(*min)),
            Reason::NotANumber => write!(f, "is not a number"),
            Reason::BadId => write!(f, "may only hold a-z, 0-9 and '-'"),
            Reason::OffPage => write!(f, "lies off the page"),
            Reason::UnknownName(name) => write!(f, "\"{name}\" is not known"),
            Reason::OutsideOfficeHours => write!(f, "lies outside office hours"),
            Reason::DoubleBooked(who) => write!(f, "the {who} has another appointment then"),
            Reason::NotDraft => write!(f, "can only be changed while a draft"),
            Reason::NotSigned => write!(f, "is not signed yet"),
            Reason::LateConvocation(deadline) => write!(
                f,
                "lies after the convocation deadline {}",
                crate::common::format_date(*deadline)
            ),
            Reason::NoVotingRight => write!(f, "has no vote (suspended or no longer a member)"),
            Reason::NotPresent => write!(f, "is not present"),
            Reason::AlreadyPresent => write!(f, "is already present"),
            Reason::ProxyLimit(n) => write!(f, "already holds the most proxies allowed ({n})"),
            Reason::ProxiesNotAllowed => write!(f, "the statutes allow no proxies"),
            Reason::MoreVotesThanPower(n) => {
                write!(f, "more votes than the voting power present ({n})")
            }
            Reason::BadTime => write!(f, "is not a time (hh:mm)"),
            Reason::SamePerson => write!(f, "is the same person"),
            Reason::NotADecision => write!(f, "is an information item without a vote"),
            Reason::NoFailedQuorum => write!(f, "no item failed its quorum"),
            Reason::Other(text) => write!(f, "{text}"),
            Reason::Erased => write!(f, "belongs to a person whose data was erased"),
            Reason::StillMember => write!(f, "is still a member: end the membership first"),
            Reason::ControlCharacter(c) => write!(
                f,
                "holds the control character U+{:04X}, which is not allowed",
                u32::from(*c)
            ),
            Reason::UnclosedQuote => write!(f, "a \" opened here is never closed"),
            Reason::UnknownColumns(names, count) => {
                write!(f, "{count} unknown column(s): ")?;
                let shown: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                write!(f, "{}", shown.join(", "))?;
                if *count > names.len() {
                    write!(f, " and {} more", count - names.len())?;
                }
                Ok(())
            }
            Reason::OwnAccount => write!(
                f,
                "is your own account: another administrator can block it"
            ),
            Reason::BadPublicKey => write!(
                f,
                "is not an SSH public key: give the .pub file (one line starting with ssh-ed25519 or ssh-rsa, or PuTTYgen's SSH2 public key)"
            ),
        }
    }
}

/// Hundredths of a millimetre as text: `150` gives `1.5`, `-500` gives `-5`.
pub fn mm(hundredths: i64) -> String {
    let text = format!("{:.2}", hundredths as f64 / 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One refused field: which field, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's stable name (`surname`, `postcode`, ...), also its CSV column name.
    pub field: &'static str,
    /// Why the value was refused.
    pub reason: Reason,
}

impl FieldError {
    /// A field error.
    pub fn new(field: &'static str, reason: Reason) -> Self {
        FieldError { field, reason }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.reason)
    }
}

/// One bad row of an import: the line of the file it starts on and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based line number in the file where the row starts.
    pub line: u64,
    /// The field errors of the row (empty when the row itself could not be read).
    pub errors: Vec<FieldError>,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.errors.iter().map(|e| e.to_string()).collect();
        write!(f, "line {}: {}", self.line, parts.join("; "))
    }
}

/// The operation a permission check was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read the member register.
    MembersRead,
    /// Change the member register.
    MembersWrite,
    /// Manage user accounts.
    UsersManage,
    /// Read the audit log.
    AuditRead,
    /// Change settings.
    SettingsWrite,
    /// Run BaseMail: compose the week's run, see its recipients and addresses, print labels,
    /// mark cards written, posted and returned.
    BaseMailRun,
    /// Manage BaseMail's institutions, recipients and their stays.
    BaseMailManage,
    /// Experts by experience: agreements and reviews.
    ExpertsManage,
    /// See the general meetings: agenda, attendance, votes, decisions, minutes.
    MeetingsRead,
    /// Prepare and run the general meetings.
    MeetingsManage,
    /// Back up the whole store and change its passphrase.
    StoreManage,
    /// Export the whole member register as one file (a CSV of every member).
    MembersExport,
}

impl Permission {
    /// Every permission, in declaration order.
    pub const ALL: [Permission; 12] = [
        Permission::MembersRead,
        Permission::MembersWrite,
        Permission::UsersManage,
        Permission::AuditRead,
        Permission::SettingsWrite,
        Permission::BaseMailRun,
        Permission::BaseMailManage,
        Permission::ExpertsManage,
        Permission::MeetingsRead,
        Permission::MeetingsManage,
        Permission::StoreManage,
        Permission::MembersExport,
    ];
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Permission::MembersRead => "read the member register",
            Permission::MembersWrite => "change the member register",
            Permission::UsersManage => "manage users",
            Permission::AuditRead => "read the audit log",
            Permission::SettingsWrite => "change settings",
            Permission::BaseMailRun => "run BaseMail",
            Permission::BaseMailManage => "manage BaseMail's institutions and recipients",
            Permission::ExpertsManage => "manage experts' agreements and reviews",
            Permission::MeetingsRead => "see the general meetings",
            Permission::MeetingsManage => "prepare and run the general meetings",
            Permission::StoreManage => "back up the store and change its passphrase",
            Permission::MembersExport => "export the whole member register",
        };
        f.write_str(s)
    }
}

/// Everything that can go wrong in a core call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input was refused; every refused field is listed.
    #[error("invalid input: {}", join(.0))]
    Invalid(Vec<FieldError>),
    /// An import was refused as a whole; every bad row is listed. Nothing was written.
    #[error("import refused, nothing was written: {}", join(.0))]
    Import(Vec<RowError>),
    /// Labels that do not fit their cells even at the smallest size; nothing was printed.
    #[error("{} label(s) do not fit, nothing was printed: {}", .0.len(), .0.iter().map(|u| u.name.as_str()).collect::<Vec<_>>().join(", "))]
    Unfit(Vec<crate::basemail::Unfit>),
    /// The session's role does not allow this.
    #[error("your role may not {0}")]
    Denied(Permission),
    /// User name or password wrong (deliberately not saying which).
    #[error("unknown user or wrong password")]
    BadLogin,
    /// The store already has users, so it cannot be set up as a new association.
    #[error("the store is not empty")]
    NotEmpty,
    /// A record that should exist does not.
    #[error("{kind} {id} does not exist")]
    NotFound {
        /// What kind of record (`member`, `user`).
        kind: &'static str,
        /// Its id or number.
        id: u64,
    },
    /// Another session changed the same fields of the record meanwhile; nothing was written.
    #[error("{} {} was changed meanwhile{}: {}", .0.kind, .0.id, .0.who.as_deref().map(|w| format!(" by {w}")).unwrap_or_default(), .0.fields.iter().map(|f| f.field).collect::<Vec<_>>().join(", "))]
    Conflict(Box<crate::common::Conflict>),
    /// Another process has the store open.
    #[error("this database is already open in another kapstok window ({path})")]
    AlreadyOpen {
        /// The store's folder.
        path: String,
    },
    /// The store was written by a newer kapstok.
    #[error("this database has format version {found}, this kapstok reads up to version {supported}: use a newer kapstok")]
    NewerFormat {
        /// The format version found on disk.
        found: u32,
        /// The newest format version this program knows.
        supported: u32,
    },
    /// A stored record could not be decoded. The store is left untouched.
    #[error("record {key} in tree {tree} cannot be read: {detail}")]
    Corrupt {
        /// The tree (table) the record is in.
        tree: String,
        /// The record's key, as text.
        key: String,
        /// What went wrong, for the developer.
        detail: String,
    },
    /// The storage engine failed (disk full, read-only, I/O error ...).
    #[error("storage error: {0}")]
    Storage(String),
    /// The store is encrypted and its key is not known yet: log in (or give the store
    /// passphrase) first.
    #[error("the store is encrypted: log in or give the store passphrase first")]
    Locked,
    /// The store passphrase is wrong.
    #[error("wrong store passphrase")]
    BadPassphrase,
    /// The store is not encrypted, so there is no passphrase to change.
    #[error("the store is not encrypted")]
    NotEncrypted,
    /// The store refused a change because it cannot be written (a read-only folder, a full disk).
    /// Nothing was written.
    #[error("the change was refused, nothing was written: the store cannot be written ({detail})")]
    ReadOnly {
        /// What the system said.
        detail: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {detail}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        detail: String,
    },
    /// An output file (a backup, an export, a PDF) was aimed inside the store's folder, its
    /// backups folder or a sibling named after the store: refused, nothing was written.
    #[error("{path} is inside the store {store} or its backups: choose a file outside them")]
    OutputInStore {
        /// The output path as given.
        path: String,
        /// The store's folder.
        store: String,
    },
    /// A backup file that cannot be restored: what is wrong, and on which line (0: the file as a
    /// whole). Nothing was written.
    #[error("{path}: line {line}: {problem}")]
    BadBackup {
        /// The backup file.
        path: String,
        /// The line (1 is the header).
        line: usize,
        /// What is wrong.
        problem: crate::store::dump::BackupProblem,
    },
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Error {
    /// A single-field validation error.
    pub fn invalid(field: &'static str, reason: Reason) -> Self {
        Error::Invalid(vec![FieldError::new(field, reason)])
    }
}

impl From<sled::Error> for Error {
    fn from(e: sled::Error) -> Self {
        match &e {
            sled::Error::Io(io) if refuses_writes(io) => Error::ReadOnly {
                detail: io.kind().to_string(),
            },
            _ => Error::Storage(e.to_string()),
        }
    }
}

/// True for an I/O error that means the disk refuses writes: read-only, no permission, full, or
/// over a file size limit.
pub(crate) fn refuses_writes(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        e.kind(),
        ErrorKind::PermissionDenied
            | ErrorKind::ReadOnlyFilesystem
            | ErrorKind::StorageFull
            | ErrorKind::FileTooLarge
            | ErrorKind::QuotaExceeded
    ) || matches!(e.raw_os_error(), Some(1 | 13 | 27 | 28 | 30 | 122))
}
