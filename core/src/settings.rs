//! Settings of the association, kept in the store.

use crate::common::Address;
use crate::error::{FieldError, Reason};
use crate::store::{Record, Store, TreeId};
use serde::{Deserialize, Serialize};

/// Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Active members without contact for more than this many weeks are out of sight.
    pub out_of_sight_weeks: u32,
    /// The office's name on envelopes ("p/a ..." for post care of the office).
    pub office_name: String,
    /// The office's postal address: where care-of post goes. Unknown until set.
    pub office_address: Address,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            out_of_sight_weeks: 12,
            office_name: String::new(),
            office_address: Address::Unknown,
        }
    }
}

impl Settings {
    /// Checks the values.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.out_of_sight_weeks == 0 || self.out_of_sight_weeks > 520 {
            errors.push(FieldError::new(
                "out_of_sight_weeks",
                Reason::OutOfRange(1, 520),
            ));
        }
        if matches!(self.office_address, Address::CareOfOffice) {
            errors.push(FieldError::new(
                "address_kind",
                Reason::NotOneOf(&["street", "postbus", "foreign", "unknown"]),
            ));
        }
        errors
            .extend(crate::common::plain_text("office_name", self.office_name.trim(), false).err());
        errors.extend(crate::common::check::address_errors(&self.office_address));
        if self.office_name.chars().count() > crate::common::check::MAX_SHORT {
            errors.push(FieldError::new(
                "office_name",
                Reason::TooLong(crate::common::check::MAX_SHORT),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Settings as version 1 stored them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsV1 {
    /// Weeks out of sight.
    pub out_of_sight_weeks: u32,
}

/// The stored versions of the settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum SettingsRecord {
    /// The first version.
    V1(SettingsV1),
    /// With the office's name and address.
    V2(Settings),
}

impl Record for Settings {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "settings";
    type Stored = SettingsRecord;
    fn to_stored(&self) -> SettingsRecord {
        SettingsRecord::V2(self.clone())
    }
    fn from_stored(stored: SettingsRecord) -> Self {
        match stored {
            SettingsRecord::V1(old) => Settings {
                out_of_sight_weeks: old.out_of_sight_weeks,
                ..Settings::default()
            },
            SettingsRecord::V2(s) => s,
        }
    }
}

pub(crate) fn load(store: &Store) -> crate::error::Result<Settings> {
    Ok(store.setting::<Settings>()?.unwrap_or_default())
}
