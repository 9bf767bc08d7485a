//! One module per tab: state and drawing. Screens never call each other. The member screens
//! leave core calls to the app; the BaseMail tab, with many more actions, makes its own on the
//! session the app hands it and answers with what to show (see [`basemail::Reply`]).

pub mod basemail;
pub mod members;
