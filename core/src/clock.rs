//! Where "now" comes from. Rules take the date as an argument; services ask the clock, so tests
//! can fix the day.

use chrono::{Local, NaiveDate, NaiveDateTime};
use std::sync::Mutex;

/// A source of the current office-local date and time.
pub trait Clock: Send + Sync {
    /// The current office-local date and time.
    fn now(&self) -> NaiveDateTime;
    /// Today's date.
    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

/// The computer's clock, in local time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        Local::now().naive_local()
    }
}

/// A clock that says what it is told; for tests and reproducible demo data.
#[derive(Debug)]
pub struct FixedClock(Mutex<NaiveDateTime>);

impl FixedClock {
    /// A clock standing at the given moment.
    pub fn new(at: NaiveDateTime) -> Self {
        FixedClock(Mutex::new(at))
    }

    /// A clock standing at noon of the given day.
    pub fn at_date(date: NaiveDate) -> Self {
        Self::new(date.and_hms_opt(12, 0, 0).unwrap_or_default())
    }

    /// Moves the clock.
    pub fn set(&self, at: NaiveDateTime) {
        if let Ok(mut guard) = self.0.lock() {
            *guard = at;
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        match self.0.lock() {
            Ok(guard) => *guard,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }
}
