//! The history of a member's consents: what was consented to (or withdrawn), when, and who
//! recorded it. The member record keeps the consents in force ([`super::Consents`], read by the
//! BaseMail run and the convocation); this history keeps how they came to be.
//!
//! Kept in its own tree (keyed by member number) rather than in a new member record version: the
//! member record stays as it is for the areas that read it, and no format migration is needed.

use super::model::Consents;
use crate::store::{Record, TreeId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a consent is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConsentKind {
    /// Convocations for general meetings by e-mail (Civil Code 2:41).
    ConvocationEmail,
    /// A card on their birthday (BaseMail).
    BirthdayCard,
    /// The members' magazine.
    Magazine,
}

impl ConsentKind {
    /// Every kind.
    pub const ALL: [ConsentKind; 3] = [
        ConsentKind::ConvocationEmail,
        ConsentKind::BirthdayCard,
        ConsentKind::Magazine,
    ];
    /// The stable names (as in CSV columns after `consent_`).
    pub const NAMES: &'static [&'static str] = &["convocation_email", "birthday_card", "magazine"];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            ConsentKind::ConvocationEmail => "convocation_email",
            ConsentKind::BirthdayCard => "birthday_card",
            ConsentKind::Magazine => "magazine",
        }
    }

    /// The kind with this stable name.
    pub fn from_name(name: &str) -> Option<ConsentKind> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        ConsentKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The date this consent was given, in a member's consents.
    pub fn in_consents(self, c: &Consents) -> Option<NaiveDate> {
        match self {
            ConsentKind::ConvocationEmail => c.convocation_email,
            ConsentKind::BirthdayCard => c.birthday_card,
            ConsentKind::Magazine => c.magazine,
        }
    }

    /// Sets this consent in a member's consents (`None`: not given).
    pub fn set(self, c: &mut Consents, given: Option<NaiveDate>) {
        match self {
            ConsentKind::ConvocationEmail => c.convocation_email = given,
            ConsentKind::BirthdayCard => c.birthday_card = given,
            ConsentKind::Magazine => c.magazine = given,
        }
    }
}

/// One step in the history of a consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentEvent {
    /// Which consent.
    pub kind: ConsentKind,
    /// Given (true) or withdrawn (false).
    pub given: bool,
    /// The date it took effect.
    pub on: NaiveDate,
    /// The user who recorded it.
    pub by: String,
}

/// A member's consent history, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentHistory {
    /// The steps.
    pub events: Vec<ConsentEvent>,
}

/// The stored versions of a consent history.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ConsentHistoryRecord {
    /// The first version.
    V1(ConsentHistory),
}

impl Record for ConsentHistory {
    const TREE: TreeId = TreeId::ConsentHistory;
    const KIND: &'static str = "consent history";
    type Stored = ConsentHistoryRecord;
    fn to_stored(&self) -> ConsentHistoryRecord {
        ConsentHistoryRecord::V1(self.clone())
    }
    fn from_stored(stored: ConsentHistoryRecord) -> Self {
        match stored {
            ConsentHistoryRecord::V1(h) => h,
        }
    }
}

/// The steps that lead from `old` to `new` consents: a consent given (or given on another date)
/// is a `given` step on its date; one taken away is a `withdrawn` step on `today`.
pub fn changes(old: &Consents, new: &Consents, today: NaiveDate, by: &str) -> Vec<ConsentEvent> {
    ConsentKind::ALL
        .into_iter()
        .filter_map(|kind| {
            match (kind.in_consents(old), kind.in_consents(new)) {
                (a, b) if a == b => None,
                (_, Some(on)) => Some((kind, true, on)),
                (Some(_), None) => Some((kind, false, today)),
                (None, None) => None,
            }
            .map(|(kind, given, on)| ConsentEvent {
                kind,
                given,
                on,
                by: by.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn changes_name_what_was_given_and_withdrawn() {
        let old = Consents {
            convocation_email: Some(d(2024, 1, 1)),
            birthday_card: Some(d(2024, 2, 2)),
            magazine: None,
        };
        let new = Consents {
            convocation_email: Some(d(2024, 1, 1)),
            birthday_card: None,
            magazine: Some(d(2025, 3, 3)),
        };
        let got = changes(&old, &new, d(2026, 1, 1), "beheer");
        assert_eq!(
            got,
            vec![
                ConsentEvent {
                    kind: ConsentKind::BirthdayCard,
                    given: false,
                    on: d(2026, 1, 1),
                    by: "beheer".into()
                },
                ConsentEvent {
                    kind: ConsentKind::Magazine,
                    given: true,
                    on: d(2025, 3, 3),
                    by: "beheer".into()
                },
            ]
        );
        assert!(changes(&new, &new, d(2026, 1, 1), "x").is_empty());
    }

    #[test]
    fn kinds_round_trip_their_names() {
        for k in ConsentKind::ALL {
            assert_eq!(ConsentKind::from_name(k.name()), Some(k));
            let mut c = Consents::default();
            k.set(&mut c, Some(d(2020, 1, 1)));
            assert_eq!(k.in_consents(&c), Some(d(2020, 1, 1)));
        }
        assert_eq!(
            ConsentKind::from_name("Birthday-Card"),
            Some(ConsentKind::BirthdayCard)
        );
        assert_eq!(ConsentKind::from_name("post"), None);
    }
}
