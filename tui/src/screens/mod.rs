//! One module per tab: state and drawing. Screens never call core or each other; the app does.

pub mod members;
