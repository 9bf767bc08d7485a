//! Printing: address labels on A4 label sheets, as PDF.
//!
//! Three steps, each usable on its own:
//! 1. [`sheets`]: the label sheets (eight built in, custom ones validated);
//! 2. [`layout`](mod@layout): a pure layout model in millimetres: which label in which cell, font size and
//!    line positions measured with the embedded font, or the list of labels that do not fit
//!    ([`FitProblem`]) before anything is printed;
//! 3. [`pdf`]: the model drawn with printpdf, the font embedded.
//!
//! ```
//! use kapstok_core::print::{layout, pdf, sheets, Calibration};
//! let sheet = sheets::find("avery-l7160").expect("built in");
//! let labels = vec![vec![
//!     "Łukasz Wiśniewski".to_string(),
//!     "Reg.nr. 1234567".to_string(),
//!     "Postbus 2170".to_string(),
//!     "8203 AD  LELYSTAD".to_string(),
//! ]];
//! let placed = layout::layout(&sheet, Calibration::default(), 5, &labels)?;
//! assert_eq!(placed.pages[0].labels[0].cell.position(&sheet), 5);
//! let bytes = pdf::render(&placed, "BaseMail")?;
//! assert!(bytes.starts_with(b"%PDF"));
//! # Ok::<(), kapstok_core::print::PrintError>(())
//! ```

pub mod document;
pub mod font;
pub mod layout;
pub mod pdf;
pub mod sheets;

pub use layout::{
    layout, test_print, Calibration, Cell, CellOutline, FitProblem, FitReason, LabelLayout, Page,
    PlacedLabel, PlacedLine, PrintError, RectMm,
};
pub use sheets::LabelSheet;
