//! General meetings (ALV): planning with the agenda, the convocation in time (deadlines, e-mail
//! or letter, letters and envelope labels), the attendance register with proxies, votes with their
//! outcome by the statutes' rules, the decision register, minutes and the year's reminders.
//!
//! - [`model`]: the records and the rules from the statutes.
//! - [`rules`]: deadlines, invitations, voting power, outcomes, reminders (pure functions).
//! - [`service`]: the operations, through a session.
//! - [`pdf`]: the letters and the attendance sheet.

pub mod model;
pub mod pdf;
pub mod rules;
pub mod service;

pub use model::{
    AgendaItem, Ballots, Choice, Convocation, Decision, Fraction, Majority, Meeting, MeetingKind,
    MeetingRules, Presence, Proxy, Tally, Topic, Vote, Why,
};
pub use rules::{Channel, Deadlines, Duty, Invitee, Reminder, Standing};
pub use service::{ConvocationPack, DecisionEntry, ItemInput, MeetingInput, Meetings};
