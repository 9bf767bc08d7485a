//! Settings of the association, kept in the store.

use crate::error::{FieldError, Reason};
use crate::store::{Record, Store, TreeId};
use serde::{Deserialize, Serialize};

pub(crate) const SETTINGS_ID: u64 = 1;

/// Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Active members without contact for more than this many weeks are out of sight.
    pub out_of_sight_weeks: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            out_of_sight_weeks: 12,
        }
    }
}

impl Settings {
    /// Checks the values.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        if self.out_of_sight_weeks == 0 || self.out_of_sight_weeks > 520 {
            return Err(vec![FieldError::new(
                "out_of_sight_weeks",
                Reason::OutOfRange(1, 520),
            )]);
        }
        Ok(())
    }
}

/// The stored versions of the settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum SettingsRecord {
    /// The first version.
    V1(Settings),
}

impl Record for Settings {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "settings";
    type Stored = SettingsRecord;
    fn to_stored(&self) -> SettingsRecord {
        SettingsRecord::V1(self.clone())
    }
    fn from_stored(stored: SettingsRecord) -> Self {
        match stored {
            SettingsRecord::V1(s) => s,
        }
    }
}

pub(crate) fn load(store: &Store) -> crate::error::Result<Settings> {
    Ok(store.get::<Settings>(SETTINGS_ID)?.unwrap_or_default())
}
