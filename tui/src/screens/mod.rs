//! One module per tab, each a [`crate::screen::Screen`]; screens never call each other.
//! [`for_session`] lists the tabs a role sees: a new tab is a module here and a line there.

pub mod basemail;
pub mod experts;
pub mod meetings;
pub mod members;
pub mod privacy;
pub(crate) mod style;
pub mod today;
pub mod training;

use crate::screen::Screen;
use kapstok_core::{Kapstok, Permission, Session};
use std::path::Path;

/// The tabs of a session, in order: each role sees those its permissions open (core decides).
pub fn for_session(s: &Session, k: &Kapstok, out_dir: &Path) -> Vec<Box<dyn Screen>> {
    let dir = || out_dir.to_path_buf();
    let mut tabs: Vec<Box<dyn Screen>> = vec![Box::new(today::TodayTab::new(s, dir()))];
    if s.can(Permission::MembersRead) {
        tabs.push(Box::new(members::screen::MembersScreen::new(k)));
        tabs.push(Box::new(members::screen::OutOfSightScreen::new(k)));
    }
    if s.can(Permission::BaseMailRun) {
        tabs.push(Box::new(basemail::BaseMailTab::new(s, dir())));
    }
    if s.can(Permission::ExpertsManage) {
        tabs.push(Box::new(experts::ExpertsTab::new(s, dir())));
        tabs.push(Box::new(training::TrainingTab::new(s)));
    }
    if s.can(Permission::MeetingsRead) {
        tabs.push(Box::new(meetings::MeetingsTab::new(s, dir())));
    }
    tabs
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text, translated.
    pub text: String,
    /// Shown as an error.
    pub error: bool,
}

/// A core error for the status bar.
pub(crate) fn error_status(e: &kapstok_core::Error, lang: crate::i18n::Lang) -> Status {
    Status {
        text: crate::i18n::error(e, lang).replace('\n', " · "),
        error: true,
    }
}

/// "Not saved: correct ..." with the errors of fields the form does not show.
pub(crate) fn form_errors(rest: Vec<String>, lang: crate::i18n::Lang) -> Status {
    let mut text = crate::i18n::Msg::FormHasErrors.text(lang).to_string();
    for l in rest {
        text.push_str(" · ");
        text.push_str(&l);
    }
    Status { text, error: true }
}

/// Keeps a selection inside a list of `len` rows; the first row when nothing was selected, none
/// when the list is empty.
pub(crate) fn clamp(state: &mut ratatui::widgets::TableState, len: usize) {
    let sel = match len {
        0 => None,
        _ => Some(state.selected().unwrap_or(0).min(len - 1)),
    };
    state.select(sel);
}
