//! Every user-facing text of kapstok, Dutch and English: the terminal UI, the command line and
//! the documents (PDFs) take their words from here.
//!
//! - [`Msg`]: a message without arguments, `Msg::TabMembers.text(lang)`.
//! - [`args`]: a message with arguments, one struct each, its fields checked by the compiler:
//!   `args::LabelsSaved { count: &n, path: &p.display() }.text(lang)`.
//! - [`count`]: a counted noun, "1 lid", "2 leden".
//!
//! The messages are declared area by area (`shell.rs`, `members.rs`, ...) with `area!`.
#![warn(missing_docs)]
#![deny(clippy::unwrap_used)]

#[macro_use]
mod macros;
/// Names of months.
pub mod dates;
mod lang;
mod msg;
mod plural;

mod basemail;
mod documents;
mod errors;
mod experts;
mod forms;
mod meetings;
mod members;
mod privacy;
mod reasons;
mod server;
mod shell;
mod store;
mod today;
mod training;
mod work;

pub use lang::Lang;
pub use msg::{args, Msg};
pub use plural::{count, Noun};

#[cfg(test)]
mod tests;
