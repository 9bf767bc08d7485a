//! CSV import and export of the member register.
//!
//! Import reads UTF-8 with or without a byte-order mark, `;`- or `,`-separated (Dutch spreadsheets
//! write `;`; the separator is taken from the header line), quoted fields with line breaks. The
//! header names the columns (see [`COLUMNS`]; any order, `surname` required, unknown columns
//! refused). Dates as `dd-mm-jjjj` or `jjjj-mm-dd`. Every bad row is reported with the line it
//! starts on, the field and the reason.
//!
//! The status history goes in four columns: `status`, `status_since` and `status_reason` for the
//! status now, and `status_history` for the earlier steps, one per line as
//! `jjjj-mm-dd status` or `jjjj-mm-dd ended: reason`.

use super::model::{Consents, Member, MemberInput, Status, StatusEntry};
use super::rules::{self, Valid};
use crate::common::{parse_date, plain_text};
use crate::error::{Error, FieldError, Reason, Result, RowError};
use chrono::NaiveDate;

/// The highest member number an import accepts: far above any association's size, far below
/// the point where the counter could run out.
pub const MAX_MEMBER_NUMBER: u64 = 999_999_999;

/// The columns, in the order the export writes them.
pub const COLUMNS: &[&str] = &[
    "number",
    "given",
    "prefix",
    "surname",
    "known_as",
    "birth_date",
    "phone",
    "email",
    "address_kind",
    "street",
    "house_number",
    "addition",
    "postcode",
    "city",
    "country",
    "joined",
    "status",
    "status_since",
    "status_reason",
    "status_history",
    "consent_convocation_email",
    "consent_birthday_card",
    "consent_magazine",
    "last_contact",
    "notes",
];

/// How many unknown column names an error names; the rest are counted.
const UNKNOWN_SHOWN: usize = 5;

/// A column name from the file as an error names it: control characters replaced, at most 40
/// characters.
fn shortened(name: &str) -> String {
    let name = crate::common::printable(name);
    if name.chars().count() > 40 {
        format!("{}…", name.chars().take(40).collect::<String>())
    } else {
        name.into_owned()
    }
}

/// The columns whose text may run over several lines (and hold tabs).
const MULTILINE: &[&str] = &["notes", "status_history"];

/// A row that passed validation.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub line: u64,
    pub number: Option<u64>,
    pub valid: Valid,
    pub history: Vec<StatusEntry>,
}

fn row_error(line: u64, field: &'static str, reason: Reason) -> RowError {
    RowError {
        line,
        errors: vec![FieldError::new(field, reason)],
    }
}

/// Picks the separator from the header line (the first line that is not blank): the more
/// frequent of `;` and `,` outside quotes.
fn separator(data: &[u8]) -> u8 {
    let (mut semi, mut comma, mut quoted) = (0usize, 0usize, false);
    let start = data
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(data.len());
    for &b in data.get(start..).unwrap_or_default() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b';' if !quoted => semi += 1,
            b',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi >= comma && semi > 0 {
        b';'
    } else {
        b','
    }
}

/// Line numbers as an editor shows them, for the records the CSV reader returns.
///
/// The reader's own line numbers are off for files with Windows line endings (the `\n` of a
/// `\r\n` is only counted with the next record) and after blank lines (a record's position is
/// where the reader started looking, before the blank lines it skipped). So the line is counted
/// here from the record's byte offset: line endings (`\n`, `\r\n`, a lone `\r`) before it, after
/// skipping the line breaks at that offset.
struct Lines<'a> {
    data: &'a [u8],
    /// Bytes before this offset are counted in `line`.
    counted: usize,
    /// The 1-based line at `counted`.
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(data: &'a [u8]) -> Self {
        Lines {
            data,
            counted: 0,
            line: 1,
        }
    }

    /// The line of the record the reader started reading at `position` (records come in order).
    fn of(&mut self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else {
            return self.line;
        };
        let mut start = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.data.len());
        while matches!(self.data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.counted {
            let span = self.data.get(self.counted..start).unwrap_or_default();
            for (i, &b) in span.iter().enumerate() {
                let next = self.data.get(self.counted + i + 1);
                if b == b'\n' || (b == b'\r' && next != Some(&b'\n')) {
                    self.line += 1;
                }
            }
            self.counted = start;
        }
        self.line
    }
}

/// Quoted fields that run over a line break, found by reading the file the way the CSV reader
/// does (a `"` opens a quoted field only at the start of a field; `""` inside is a quote).
///
/// A `"` that is never closed, or closed only by a stray `"` some rows further, makes the reader
/// take the rows in between as one field, and the error would be about that merged row ("has 2
/// fields"). So a record whose quoted field runs over lines is reported as an unclosed quote on
/// the line where it opened, when the file ends inside it, when the record has the wrong number
/// of fields, or when the column is not one that holds lines.
#[derive(Debug, Default)]
struct Quotes {
    /// By the line a record starts on: the line its first multi-line quoted field opens on, and
    /// that field's index.
    multi_line: std::collections::HashMap<u64, (u64, usize)>,
    /// The file ends inside a quoted field: the record's line, the opening line, the field.
    unclosed: Option<(u64, u64, usize)>,
}

impl Quotes {
    fn scan(data: &[u8], sep: u8) -> Quotes {
        let mut quotes = Quotes::default();
        let mut line = 1u64;
        let mut record: Option<u64> = None;
        let mut field = 0usize;
        let mut at_start = true;
        // The line the open quoted field started on, and whether it ran over a line break.
        let mut open: Option<(u64, bool)> = None;
        let mut i = 0;
        while let Some(&b) = data.get(i) {
            let next = data.get(i + 1).copied();
            let line_end = b == b'\n' || (b == b'\r' && next != Some(b'\n'));
            match open {
                Some((opened, spans)) => match b {
                    b'"' if next == Some(b'"') => i += 1,
                    b'"' => {
                        if spans {
                            if let Some(r) = record {
                                quotes.multi_line.entry(r).or_insert((opened, field));
                            }
                        }
                        open = None;
                    }
                    _ if line_end => {
                        line += 1;
                        open = Some((opened, true));
                    }
                    _ => {}
                },
                None => {
                    if b == b'\n' || b == b'\r' {
                        record = None;
                        field = 0;
                        at_start = true;
                        if line_end {
                            line += 1;
                        }
                    } else {
                        record.get_or_insert(line);
                        if b == sep {
                            field += 1;
                            at_start = true;
                        } else {
                            if b == b'"' && at_start {
                                open = Some((line, false));
                            }
                            at_start = false;
                        }
                    }
                }
            }
            i += 1;
        }
        if let (Some((opened, _)), Some(r)) = (open, record) {
            quotes.unclosed = Some((r, opened, field));
        }
        quotes
    }

    /// The opening line and field of a quote that ran away in the record starting on `line`.
    fn runaway(&self, line: u64, wrong_count: bool, columns: &[&str]) -> Option<(u64, usize)> {
        if let Some((r, opened, field)) = self.unclosed {
            if r == line {
                return Some((opened, field));
            }
        }
        let &(opened, field) = self.multi_line.get(&line)?;
        let holds_lines = columns.get(field).is_some_and(|c| MULTILINE.contains(c));
        (wrong_count || !holds_lines).then_some((opened, field))
    }
}

/// Reads and validates a whole file; returns every row or every error.
pub(crate) fn parse(data: &[u8], today: NaiveDate, existing: &[Member]) -> Result<Vec<Row>> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let sep = separator(data);
    let quotes = Quotes::scan(data, sep);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(false)
        .from_reader(data);
    let mut lines = Lines::new(data);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => {
            return Err(Error::Import(vec![row_error(
                1,
                "header",
                Reason::EmptyFile,
            )]))
        }
        Some(Err(e)) => {
            return Err(Error::Import(vec![row_error(
                1,
                "header",
                Reason::CsvSyntax(e.to_string()),
            )]))
        }
        Some(Ok(h)) => h,
    };
    let header_line = lines.of(header.position());
    let mut columns: Vec<&'static str> = Vec::new();
    let mut header_errors = Vec::new();
    // Unknown columns are counted; only the first few are named (a file with 100,000 of them
    // would otherwise give a message of megabytes).
    let mut unknown: Vec<String> = Vec::new();
    let mut unknown_count = 0usize;
    for raw in header.iter() {
        let name = String::from_utf8_lossy(raw).trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if columns.contains(c) => {
                let error = FieldError::new(c, Reason::DuplicateColumn);
                if !header_errors.contains(&error) {
                    header_errors.push(error);
                }
            }
            Some(c) => columns.push(c),
            None => {
                unknown_count += 1;
                if unknown.len() < UNKNOWN_SHOWN {
                    unknown.push(shortened(&name));
                }
                columns.push("");
            }
        }
    }
    if unknown_count > 0 {
        header_errors.insert(
            0,
            FieldError::new("header", Reason::UnknownColumns(unknown, unknown_count)),
        );
    }
    if !columns.contains(&"surname") {
        header_errors.push(FieldError::new("surname", Reason::MissingColumn));
    }
    if !header_errors.is_empty() {
        return Err(Error::Import(vec![RowError {
            line: header_line,
            errors: header_errors,
        }]));
    }

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut numbers_seen: std::collections::HashMap<u64, u64> = std::collections::HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.of(e.position());
                errors.push(row_error(line, "row", Reason::CsvSyntax(e.to_string())));
                continue;
            }
        };
        let line = lines.of(record.position());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // blank line
        }
        if let Some((opened, field)) = quotes.runaway(line, record.len() != columns.len(), &columns)
        {
            let column = columns.get(field).copied().unwrap_or("row");
            errors.push(row_error(opened, column, Reason::UnclosedQuote));
            continue;
        }
        if record.len() != columns.len() {
            errors.push(row_error(
                line,
                "row",
                Reason::FieldCount(record.len(), columns.len()),
            ));
            continue;
        }
        let mut fields: Vec<(&'static str, String)> = Vec::with_capacity(columns.len());
        let mut utf8_error = None;
        for (column, raw) in columns.iter().zip(record.iter()) {
            match std::str::from_utf8(raw) {
                Ok(text) => fields.push((column, text.to_string())),
                Err(_) => utf8_error = Some(*column),
            }
        }
        if let Some(column) = utf8_error {
            errors.push(row_error(line, column, Reason::NotUtf8));
            continue;
        }
        // Every column, also one the row's address kind leaves unused, is checked for control
        // characters; only the multi-line columns may hold line breaks and tabs.
        let controls: Vec<FieldError> = fields
            .iter()
            .filter_map(|(column, text)| plain_text(column, text, MULTILINE.contains(column)).err())
            .collect();
        match parse_row(line, &fields, today, existing, &mut numbers_seen) {
            Ok(row) if controls.is_empty() => rows.push(row),
            Ok(_) => errors.push(RowError {
                line,
                errors: controls,
            }),
            Err(mut e) => {
                // One control-character error per field: the row check's, not again the
                // field check's.
                let has_control = |field: &str| controls.iter().any(|c| c.field == field);
                e.errors.retain(|f| {
                    !(matches!(f.reason, Reason::ControlCharacter(_)) && has_control(f.field))
                });
                let mut all = controls;
                all.append(&mut e.errors);
                e.errors = all;
                errors.push(e);
            }
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(Error::Import(errors))
    }
}

fn parse_row(
    line: u64,
    fields: &[(&'static str, String)],
    today: NaiveDate,
    existing: &[Member],
    numbers_seen: &mut std::collections::HashMap<u64, u64>,
) -> std::result::Result<Row, RowError> {
    let get = |name: &str| -> String {
        fields
            .iter()
            .find(|(c, _)| *c == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let input = MemberInput {
        given: get("given"),
        prefix: get("prefix"),
        surname: get("surname"),
        known_as: get("known_as"),
        birth_date: get("birth_date"),
        phone: get("phone"),
        email: get("email"),
        address_kind: get("address_kind"),
        street: get("street"),
        house_number: get("house_number"),
        addition: get("addition"),
        postcode: get("postcode"),
        city: get("city"),
        country: get("country"),
        joined: get("joined"),
        consent_convocation_email: get("consent_convocation_email"),
        consent_birthday_card: get("consent_birthday_card"),
        consent_magazine: get("consent_magazine"),
        last_contact: get("last_contact"),
        notes: get("notes"),
    };
    let mut errors = Vec::new();
    let number_text = get("number");
    let number = if number_text.trim().is_empty() {
        None
    } else {
        match number_text.trim().parse::<u64>() {
            Ok(n) if n > MAX_MEMBER_NUMBER => {
                errors.push(FieldError::new(
                    "number",
                    Reason::OutOfRange(1, MAX_MEMBER_NUMBER),
                ));
                None
            }
            Ok(n) if n > 0 => {
                if existing.iter().any(|m| m.number == n) {
                    errors.push(FieldError::new("number", Reason::Taken));
                } else if let Some(other) = numbers_seen.insert(n, line) {
                    errors.push(FieldError::new("number", Reason::AlsoOnLine(other)));
                }
                Some(n)
            }
            _ => {
                errors.push(FieldError::new("number", Reason::BadNumber));
                None
            }
        }
    };
    let valid = match rules::validate(&input, today) {
        Ok(v) => Some(v),
        Err(mut e) => {
            errors.append(&mut e);
            None
        }
    };
    let history = valid
        .as_ref()
        .and_then(|v| match parse_history(&get, v.joined, today) {
            Ok(h) => Some(h),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        });
    match (valid, history) {
        (Some(valid), Some(history)) if errors.is_empty() => Ok(Row {
            line,
            number,
            valid,
            history,
        }),
        _ => Err(RowError { line, errors }),
    }
}

fn parse_status(name: &str, reason: &str) -> Option<Status> {
    match name.trim().to_lowercase().as_str() {
        "" | "active" => Some(Status::Active),
        "suspended" => Some(Status::Suspended),
        "ended" => Some(Status::Ended {
            reason: reason.trim().to_string(),
        }),
        "deceased" => Some(Status::Deceased),
        _ => None,
    }
}

fn parse_history(
    get: &dyn Fn(&str) -> String,
    joined: NaiveDate,
    today: NaiveDate,
) -> std::result::Result<Vec<StatusEntry>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut history = Vec::new();
    // Control characters first: a step that holds one is not parsed (nor echoed in an error).
    let mut steps = get("status_history");
    for (field, multiline) in [("status_reason", false), ("status_history", true)] {
        if let Err(e) = plain_text(field, &get(field), multiline) {
            errors.push(e);
            if field == "status_history" {
                steps.clear();
            }
        }
    }
    for step in steps.lines().filter(|l| !l.trim().is_empty()) {
        let (date, rest) = step.trim().split_once(' ').unwrap_or((step.trim(), ""));
        let (name, reason) = rest.split_once(':').unwrap_or((rest, ""));
        match (parse_date(date), parse_status(name, reason)) {
            (Some(since), Some(status)) if !name.trim().is_empty() => {
                history.push(StatusEntry { since, status })
            }
            _ => errors.push(FieldError::new(
                "status_history",
                Reason::BadHistoryStep(step.trim().to_string()),
            )),
        }
    }
    let status_name = get("status");
    let since_text = get("status_since");
    let since = if since_text.trim().is_empty() {
        Some(history.last().map(|e| e.since).unwrap_or(joined))
    } else {
        let d = parse_date(&since_text);
        if d.is_none() {
            errors.push(FieldError::new("status_since", Reason::BadDate));
        }
        d
    };
    match parse_status(&status_name, &get("status_reason")) {
        None => errors.push(FieldError::new("status", Reason::NotOneOf(Status::NAMES))),
        Some(status) => {
            if let Status::Ended { reason } = &status {
                if reason.is_empty() {
                    errors.push(FieldError::new("status_reason", Reason::Required));
                }
            }
            if let Some(since) = since {
                history.push(StatusEntry { since, status });
            }
        }
    }
    if history.first().is_some_and(|e| e.since < joined) {
        errors.push(FieldError::new("status_since", Reason::Before("joined")));
    }
    if history.windows(2).any(|w| w[1].since < w[0].since) {
        errors.push(FieldError::new("status_history", Reason::NotInOrder));
    }
    if history.last().is_some_and(|e| e.since > today) {
        errors.push(FieldError::new("status_since", Reason::InFuture));
    }
    if errors.is_empty() {
        Ok(history)
    } else {
        Err(errors)
    }
}

fn iso(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn status_step(e: &StatusEntry) -> String {
    match &e.status {
        Status::Ended { reason } => format!("{} ended: {reason}", iso(Some(e.since))),
        other => format!("{} {}", iso(Some(e.since)), other.name()),
    }
}

/// Writes members as CSV: BOM, `;`, the header of [`COLUMNS`], one row per member, by number.
pub(crate) fn write(members: &[Member]) -> Result<Vec<u8>> {
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by_key(|m| m.number);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        let csv_error = |e: csv::Error| Error::Storage(format!("cannot write CSV: {e}"));
        w.write_record(COLUMNS).map_err(csv_error)?;
        for m in sorted {
            // Every field reaches a column: those of the form through `MemberInput::from_member`
            // (which takes the member apart without `..`), the others here, also without `..`.
            let Member {
                number,
                name: _,
                known_as: _,
                birth_date,
                phone: _,
                email: _,
                address: _,
                status_history,
                joined,
                consents,
                last_contact,
                notes,
            } = m;
            let Consents {
                convocation_email,
                birthday_card,
                magazine,
            } = consents;
            let input = MemberInput::from_member(m);
            let current = status_history.last();
            let earlier = &status_history[..status_history.len().saturating_sub(1)];
            let reason = match m.status() {
                Status::Ended { reason } => reason.clone(),
                _ => String::new(),
            };
            let row: Vec<String> = COLUMNS
                .iter()
                .map(|c| match *c {
                    "number" => number.to_string(),
                    "given" => input.given.clone(),
                    "prefix" => input.prefix.clone(),
                    "surname" => input.surname.clone(),
                    "known_as" => input.known_as.clone(),
                    "birth_date" => iso(*birth_date),
                    "phone" => input.phone.clone(),
                    "email" => input.email.clone(),
                    "address_kind" => input.address_kind.clone(),
                    "street" => input.street.clone(),
                    "house_number" => input.house_number.clone(),
                    "addition" => input.addition.clone(),
                    "postcode" => input.postcode.clone(),
                    "city" => input.city.clone(),
                    "country" => input.country.clone(),
                    "joined" => iso(Some(*joined)),
                    "status" => m.status().name().to_string(),
                    "status_since" => iso(current.map(|e| e.since)),
                    "status_reason" => reason.clone(),
                    "status_history" => earlier
                        .iter()
                        .map(status_step)
                        .collect::<Vec<_>>()
                        .join("\n"),
                    "consent_convocation_email" => iso(*convocation_email),
                    "consent_birthday_card" => iso(*birthday_card),
                    "consent_magazine" => iso(*magazine),
                    "last_contact" => iso(*last_contact),
                    "notes" => notes.clone(),
                    _ => String::new(),
                })
                .collect();
            w.write_record(&row).map_err(csv_error)?;
        }
        w.flush()
            .map_err(|e| Error::Storage(format!("cannot write CSV: {e}")))?;
    }
    Ok(out)
}
