//! BaseMail: every week volunteers write cards to detained members and friends in Dutch and
//! foreign prisons, to clinic residents, and to members with a birthday or who are ill.
//!
//! - [`model`]: institutions, recipients, stays (a history, never one overwritten address), runs.
//! - [`rules`]: who gets a card in an ISO week and why, who is left out and why; envelope lines.
//! - [`service`]: the operations, through a session.

pub mod labels;
pub mod model;
pub mod rules;
pub mod service;

pub use labels::{LabelJob, LabelOrder, NoCards, PrintSettings, Printout, Unfit};
pub use model::{
    Card, CardReason, Institution, InstitutionKind, LeftOut, LeftOutReason, ManualChange,
    Recipient, Run, Stay, Who,
};
pub use rules::Office;
pub use service::BaseMail;
