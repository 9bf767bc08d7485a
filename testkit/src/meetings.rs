//! General meetings as typed: a meeting and an agenda item.

use kapstok_core::meetings::{ItemInput, MeetingInput};

/// A meeting of `kind` (`spring`, `autumn`, `extraordinary`) on `date` (dd-mm-yyyy) at 19:30 in
/// `place`.
pub fn meeting(kind: &str, date: &str, place: &str) -> MeetingInput {
    MeetingInput {
        kind: kind.into(),
        date: date.into(),
        time: "19:30".into(),
        place: place.into(),
    }
}

/// An agenda item: a decision on `motion`, or, with an empty motion, one for information only.
pub fn item(title: &str, motion: &str) -> ItemInput {
    ItemInput {
        title: title.into(),
        decision: !motion.is_empty(),
        motion: motion.into(),
        ..ItemInput::default()
    }
}
