//! One module per tab: state and drawing. Screens never call each other. The member screens
//! leave core calls to the app; the BaseMail and Volunteers tabs, with many more actions, make
//! their own on the session the app hands them and answer with what to show (see
//! [`basemail::Reply`], [`volunteers::Reply`]).

pub mod basemail;
pub mod members;
pub mod volunteers;

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text, translated.
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}
