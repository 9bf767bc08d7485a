//! Value types shared by the areas: dates as users type them, postcodes, e-mail addresses, names,
//! postal addresses, and text folding for search.

mod address;
pub(crate) mod check;
mod date;
pub mod merge;
mod money;
mod name;
mod text;
mod week;

pub use address::{Address, AddressKind, AddressText, Postcode};
pub use check::{parse_address, plain_text, AddressFields};
pub use date::{format_date, parse_date, parse_time};
pub use merge::{Conflict, FieldConflict, FieldText, Merge};
pub use money::Cents;
pub use name::PersonName;
pub use text::{control_character, fold, is_email, is_phone, printable, single_line};
pub use week::{birthday_in, IsoWeek};
