//! iCalendar (RFC 5545) for the planned reviews: CRLF line ends, lines folded at 75 octets
//! without splitting a character, TEXT values escaped, local times with `TZID=Europe/Amsterdam`
//! and the matching VTIMEZONE, and `DTSTAMP` in UTC.

use chrono::{Local, NaiveDateTime, TimeZone, Utc};

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// A unique, stable id.
    pub uid: String,
    /// Start, office-local.
    pub start: NaiveDateTime,
    /// End, office-local.
    pub end: NaiveDateTime,
    /// Title.
    pub summary: String,
    /// Place.
    pub location: String,
    /// Description.
    pub description: String,
}

const TZID: &str = "Europe/Amsterdam";

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: at most 75 octets a line, continuation lines start with a space,
/// never inside a UTF-8 character; every line ends with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc(now: NaiveDateTime) -> String {
    let at = Local
        .from_local_datetime(&now)
        .earliest()
        .map(|l| l.with_timezone(&Utc))
        .unwrap_or_else(|| now.and_utc());
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The calendar holding the events; `now` (office-local) becomes each event's `DTSTAMP`.
pub fn calendar(events: &[Event], now: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |l: &str| fold(l, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//kapstok//functioneringsgesprekken//NL");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for l in VTIMEZONE {
        line(l);
    }
    let stamp = utc(now);
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&e.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;TZID={TZID}:{}", local(e.start)));
        line(&format!("DTEND;TZID={TZID}:{}", local(e.end)));
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        if !e.location.is_empty() {
            line(&format!("LOCATION:{}", escape(&e.location)));
        }
        if !e.description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&e.description)));
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn unfold(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for raw in text.split("\r\n") {
            if let Some(rest) = raw.strip_prefix(' ') {
                if let Some(last) = lines.last_mut() {
                    last.push_str(rest);
                }
            } else if !raw.is_empty() {
                lines.push(raw.to_string());
            }
        }
        lines
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 30)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let summary =
            "Functioneringsgesprek Łukasz Wiśniewski, Şükrü Yılmaz; Zoë de Wit — ".repeat(3);
        let e = Event {
            uid: "review-1@kapstok".into(),
            start: at,
            end: at + chrono::Duration::minutes(60),
            summary: summary.clone(),
            location: "Kantoor, spreekkamer 2".into(),
            description: "Met coordinator\nNeem het werkplan mee".into(),
        };
        let text = calendar(&[e], at);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for raw in text.split("\r\n") {
            assert!(raw.len() <= 75, "{} octets: {raw}", raw.len());
            assert!(!raw.contains('\n') && !raw.contains('\r'));
        }
        let lines = unfold(&text);
        assert!(lines.contains(&format!("SUMMARY:{}", escape(&summary))));
        assert!(lines.contains(&"LOCATION:Kantoor\\, spreekkamer 2".to_string()));
        assert!(lines.contains(&"DESCRIPTION:Met coordinator\\nNeem het werkplan mee".to_string()));
        assert!(lines.contains(&"DTSTART;TZID=Europe/Amsterdam:20261130T100000".to_string()));
        assert!(lines.contains(&"DTEND;TZID=Europe/Amsterdam:20261130T110000".to_string()));
        assert!(lines.iter().any(|l| l.starts_with("DTSTAMP:")
            && l.ends_with('Z')
            && l.len() == "DTSTAMP:20261130T090000Z".len()));
        assert!(lines.contains(&"TZID:Europe/Amsterdam".to_string()));
    }
}
