//! ISO weeks (`2026-W48`), as BaseMail runs are counted.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 8601 week: Monday to Sunday, week 1 holding the year's first Thursday, so a year has 52
/// or 53 weeks and a week can straddle New Year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The week of ISO year `year` numbered `week`, if it exists (week 53 only in long years).
    pub fn new(year: i32, week: u32) -> Option<IsoWeek> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|_| IsoWeek { year, week })
    }

    /// The week a date falls in.
    pub fn of(date: NaiveDate) -> IsoWeek {
        let w = date.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }

    /// Parses `2026-W48` (also `2026-w48`, `2026W48`, `2026-48`).
    ///
    /// ```
    /// use kapstok_core::common::IsoWeek;
    /// let w = IsoWeek::parse("2026-W48").unwrap();
    /// assert_eq!(w.monday().to_string(), "2026-11-23");
    /// assert!(IsoWeek::parse("2025-W53").is_none()); // 2025 has 52 weeks
    /// assert!(IsoWeek::parse("2026-W53").is_some());
    /// ```
    pub fn parse(text: &str) -> Option<IsoWeek> {
        let t = text.trim().to_ascii_uppercase();
        let (y, w) = t
            .split_once("-W")
            .or_else(|| t.split_once('W'))
            .or_else(|| t.split_once('-'))?;
        if y.len() != 4 || w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        IsoWeek::new(y.parse().ok()?, w.parse().ok()?)
    }

    /// The ISO year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The week number, 1 to 53.
    pub fn week(self) -> u32 {
        self.week
    }

    /// Monday of the week.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or_default()
    }

    /// Sunday of the week.
    pub fn sunday(self) -> NaiveDate {
        self.monday() + Days::new(6)
    }

    /// The seven days, Monday first.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        let monday = self.monday();
        (0..7).map(move |i| monday + Days::new(i))
    }

    /// True when the date lies in this week.
    pub fn contains(self, date: NaiveDate) -> bool {
        IsoWeek::of(date) == self
    }

    /// The week after.
    pub fn next(self) -> IsoWeek {
        IsoWeek::of(self.monday() + Days::new(7))
    }

    /// The week before.
    pub fn previous(self) -> IsoWeek {
        IsoWeek::of(self.monday() - Days::new(7))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// True when someone born on `birth` has their birthday in `week`. Someone born on 29 February
/// celebrates on 28 February in years without that day.
pub fn birthday_in(birth: NaiveDate, week: IsoWeek) -> bool {
    week.days().any(|day| {
        let (m, d) = (birth.month(), birth.day());
        if m == 2 && d == 29 && !day.leap_year() {
            day.month() == 2 && day.day() == 28
        } else {
            day.month() == m && day.day() == d
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_across_new_year_and_53_week_years() {
        assert_eq!(IsoWeek::of(d(2026, 12, 31)).to_string(), "2026-W53");
        assert_eq!(IsoWeek::of(d(2027, 1, 3)).to_string(), "2026-W53");
        assert_eq!(IsoWeek::of(d(2027, 1, 4)).to_string(), "2027-W01");
        assert_eq!(IsoWeek::of(d(2024, 12, 30)).to_string(), "2025-W01");
        assert_eq!(
            IsoWeek::parse("2026-W53").unwrap().next().to_string(),
            "2027-W01"
        );
        assert_eq!(
            IsoWeek::parse("2027-W01").unwrap().previous().to_string(),
            "2026-W53"
        );
        assert_eq!(
            IsoWeek::parse("2025-W01").unwrap().monday(),
            d(2024, 12, 30)
        );
        for bad in [
            "",
            "2026",
            "2026-W00",
            "2026-W54",
            "2025-W53",
            "26-W01",
            "2026-Wxx",
            "2026-W123",
        ] {
            assert_eq!(IsoWeek::parse(bad), None, "{bad}");
        }
        assert_eq!(IsoWeek::parse("2026w48"), IsoWeek::parse("2026-W48"));
    }

    #[test]
    fn birthdays_at_week_edges() {
        let w = IsoWeek::parse("2026-W53").unwrap(); // 28 Dec 2026 - 3 Jan 2027
        assert!(birthday_in(d(1980, 12, 28), w));
        assert!(birthday_in(d(1980, 1, 3), w));
        assert!(!birthday_in(d(1980, 1, 4), w));
        assert!(!birthday_in(d(1980, 12, 27), w));
        let feb = IsoWeek::of(d(2026, 2, 28));
        assert!(birthday_in(d(2000, 2, 29), feb));
        let leap = IsoWeek::of(d(2028, 2, 29));
        assert!(birthday_in(d(2000, 2, 29), leap));
    }

    proptest! {
        #[test]
        fn every_date_lies_in_its_week(days in 0u64..60_000) {
            let date = d(1950, 1, 1) + Days::new(days);
            let w = IsoWeek::of(date);
            prop_assert!(w.monday() <= date && date <= w.sunday());
            prop_assert_eq!(IsoWeek::parse(&w.to_string()), Some(w));
            prop_assert_eq!(w.next().previous(), w);
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,12}") {
            let _ = IsoWeek::parse(&text);
        }
    }
}
