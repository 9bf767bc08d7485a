//! Dates as users type and read them: `dd-mm-jjjj` (also `d-m-jjjj`, with `/` or `.`), and ISO
//! `jjjj-mm-dd` as spreadsheets and exports write them.

use chrono::{NaiveDate, NaiveTime};

/// Parses a date typed by a user. Returns `None` for anything that is not a real calendar date.
///
/// ```
/// use kapstok_core::common::parse_date;
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
/// assert_eq!(parse_date("03-02-2026"), Some(d));
/// assert_eq!(parse_date("3/2/2026"), Some(d));
/// assert_eq!(parse_date("2026-02-03"), Some(d));
/// assert_eq!(parse_date("30-02-2026"), None);
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        (parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)
}

/// Parses a time of day typed as `10:30`, `10.30` or `10`.
///
/// ```
/// use kapstok_core::common::parse_time;
/// use chrono::NaiveTime;
/// assert_eq!(parse_time("19.30"), NaiveTime::from_hms_opt(19, 30, 0));
/// assert_eq!(parse_time("9"), NaiveTime::from_hms_opt(9, 0, 0));
/// assert_eq!(parse_time("24:00"), None);
/// ```
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim().replace('.', ":");
    let t = if t.contains(':') {
        t
    } else {
        format!("{t}:00")
    };
    NaiveTime::parse_from_str(&t, "%H:%M").ok()
}

/// Formats a date the Dutch way, `dd-mm-jjjj`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn refuses_garbage() {
        for bad in [
            "",
            "1-1",
            "2026-13-01",
            "29-02-2025",
            "aa-bb-cccc",
            "1-1-26",
            "001-01-2026",
            "2026-1-1-1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("29-02-2024").is_some());
    }

    proptest! {
        #[test]
        fn format_parse_round_trip(days in 0i32..200_000) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_date(&format_date(date)), Some(date));
            prop_assert_eq!(parse_date(&date.to_string()), Some(date));
        }

        #[test]
        fn never_panics(text in "\\PC{0,20}") {
            let _ = parse_date(&text);
        }
    }
}
