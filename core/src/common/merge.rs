//! Edit conflicts between sessions: a form keeps the input as it was loaded (the *original*);
//! when it is saved, core compares that, field by field, with what is stored now (*theirs*)
//! inside the transaction that writes. A field only you changed takes yours, one only they
//! changed keeps theirs, one you both changed to the same value is fine; one you both changed to
//! different values is a conflict, and then nothing is written
//! ([`crate::Error::Conflict`]). So actions that commute with an edit (recording a contact while
//! somebody edits the address) never conflict, and changes to different fields merge without
//! asking.
//!
//! [`mergeable!`](crate::mergeable) implements [`Merge`] for an input struct from the list of
//! its fields, naming every field without `..`: a field added to the struct does not compile
//! until it is listed.

use chrono::NaiveDateTime;

/// One field both sides changed, each to a different value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// The field's name (the input struct's field, as in [`crate::FieldError`]).
    pub field: &'static str,
    /// The value this save wanted.
    pub yours: String,
    /// The value stored now (the other session's).
    pub theirs: String,
    /// The value when the form was loaded.
    pub original: String,
}

/// A save refused because another session changed the same fields meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The kind of record (`member`, `institution` ...).
    pub kind: &'static str,
    /// Its id.
    pub id: u64,
    /// Who changed it last (from the audit log), if known.
    pub who: Option<String>,
    /// When, if known.
    pub when: Option<NaiveDateTime>,
    /// The fields both changed, in the struct's order.
    pub fields: Vec<FieldConflict>,
}

/// A value of an input struct's field, as text for showing a conflict.
pub trait FieldText {
    /// The value as a person reads it.
    fn field_text(&self) -> String;
}

impl FieldText for String {
    fn field_text(&self) -> String {
        self.clone()
    }
}

impl FieldText for bool {
    fn field_text(&self) -> String {
        if *self { "✓" } else { "–" }.to_string()
    }
}

impl FieldText for u64 {
    fn field_text(&self) -> String {
        self.to_string()
    }
}

impl FieldText for u32 {
    fn field_text(&self) -> String {
        self.to_string()
    }
}

impl<T: FieldText> FieldText for Option<T> {
    fn field_text(&self) -> String {
        self.as_ref().map(FieldText::field_text).unwrap_or_default()
    }
}

impl<T: FieldText> FieldText for Vec<T> {
    fn field_text(&self) -> String {
        self.iter()
            .map(FieldText::field_text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// One field's three-way merge: yours if only you changed it, theirs otherwise; a conflict
/// (noted, theirs kept) when both changed it differently.
pub fn field<T: Clone + PartialEq + FieldText>(
    name: &'static str,
    original: &T,
    yours: &T,
    theirs: &T,
    conflicts: &mut Vec<FieldConflict>,
) -> T {
    if yours == original || yours == theirs {
        theirs.clone()
    } else if theirs == original {
        yours.clone()
    } else {
        conflicts.push(FieldConflict {
            field: name,
            yours: yours.field_text(),
            theirs: theirs.field_text(),
            original: original.field_text(),
        });
        theirs.clone()
    }
}

/// An input struct whose saves merge with what another session saved meanwhile.
pub trait Merge: Sized {
    /// Yours merged into theirs, field by field, against the original both started from; the
    /// fields both changed differently when they cannot merge.
    fn merge(original: &Self, yours: &Self, theirs: &Self) -> Result<Self, Vec<FieldConflict>>;
}

/// Implements [`Merge`] for an input struct from the list of all its fields.
#[macro_export]
macro_rules! mergeable {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl $crate::common::Merge for $ty {
            fn merge(
                original: &Self,
                yours: &Self,
                theirs: &Self,
            ) -> ::std::result::Result<Self, ::std::vec::Vec<$crate::common::FieldConflict>> {
                let mut conflicts = ::std::vec::Vec::new();
                let merged = $ty {
                    $($field: $crate::common::merge::field(
                        stringify!($field),
                        &original.$field,
                        &yours.$field,
                        &theirs.$field,
                        &mut conflicts,
                    ),)*
                };
                if conflicts.is_empty() {
                    Ok(merged)
                } else {
                    Err(conflicts)
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Default)]
    struct Sample {
        name: String,
        city: String,
        active: bool,
        tasks: Vec<String>,
    }
    mergeable!(Sample {
        name,
        city,
        active,
        tasks
    });

    fn sample(name: &str, city: &str) -> Sample {
        Sample {
            name: name.into(),
            city: city.into(),
            ..Sample::default()
        }
    }

    #[test]
    fn changes_to_different_fields_merge_and_the_same_change_is_no_conflict() {
        let original = sample("Zoë", "Amsterdam");
        let yours = sample("Zoë de Wit", "Amsterdam");
        let theirs = sample("Zoë", "Zaandam");
        assert_eq!(
            Sample::merge(&original, &yours, &theirs).unwrap(),
            sample("Zoë de Wit", "Zaandam")
        );
        let both = sample("Zoë de Wit", "Amsterdam");
        assert_eq!(Sample::merge(&original, &both, &both).unwrap(), both);
        // Nothing changed by you: theirs stays as it is.
        assert_eq!(
            Sample::merge(&original, &original, &theirs).unwrap(),
            theirs
        );
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict_with_all_three_values() {
        let original = Sample {
            tasks: vec!["koffie".into()],
            ..sample("Zoë", "Amsterdam")
        };
        let yours = Sample {
            tasks: vec!["koffie".into(), "inloop".into()],
            ..sample("Zoë", "Diemen")
        };
        let theirs = Sample {
            tasks: vec!["balie".into()],
            ..sample("Zoë", "Zaandam")
        };
        let conflicts = Sample::merge(&original, &yours, &theirs).unwrap_err();
        assert_eq!(
            conflicts,
            vec![
                FieldConflict {
                    field: "city",
                    yours: "Diemen".into(),
                    theirs: "Zaandam".into(),
                    original: "Amsterdam".into(),
                },
                FieldConflict {
                    field: "tasks",
                    yours: "koffie\ninloop".into(),
                    theirs: "balie".into(),
                    original: "koffie".into(),
                },
            ]
        );
    }
}
