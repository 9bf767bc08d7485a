//! The store's files on disk, outside sled: what is done to the folder before sled opens it
//! (under the store's lock, see `lock`).

use crate::error::Result;
use std::path::Path;

/// Prepares the store's folder before sled opens it. Runs under the store's lock.
pub(crate) fn before_open(path: &Path) -> Result<()> {
    let _ = path;
    Ok(())
}
