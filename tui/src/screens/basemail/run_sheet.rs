//! The run sheet of the week, composed again (unless posted) and written as a PDF off the
//! drawing thread: one write through core, safe to finish after the tab is gone; quitting waits
//! for it.

use super::print::run_sheet_path;
use super::BaseMailTab;
use crate::i18n::{self, args, Lang, Msg};
use crate::screen::{Cx, Effect, Effects, Job, Status};
use kapstok_core::basemail::{NoCards, Printout};
use kapstok_core::common::IsoWeek;
use kapstok_core::error::Error;
use kapstok_core::Session;
use std::path::PathBuf;

/// What the run sheet's job answers.
pub(super) enum RunSheet {
    /// Saved at the path; the status line to show.
    Saved(PathBuf, String),
    /// Not saved: why.
    Not(Status),
}

/// The run sheet of `week` as core prints it (composed again unless posted), saved at `path`.
fn run_sheet(s: &Session, week: IsoWeek, path: PathBuf, lang: Lang) -> RunSheet {
    let bm = s.basemail();
    let not = |e: &Error| RunSheet::Not(crate::screens::error_status(e, lang));
    let info = |text: String| RunSheet::Not(Status { text, error: false });
    match bm.run_to_print(week) {
        Err(e) => return not(&e),
        Ok(run) if run.cards.is_empty() => return info(i18n::no_cards(&NoCards::of(&run), lang)),
        Ok(_) => {}
    }
    let pdf = match bm.run_sheet(week, lang) {
        Ok(Printout::Ready(pdf)) => pdf,
        Ok(Printout::NoCards(none)) => return info(i18n::no_cards(&none, lang)),
        Err(e) => return not(&e),
    };
    if let Err(e) = crate::files::write_atomically(&path, &pdf) {
        return RunSheet::Not(Status {
            text: format!("{}: {e}", path.display()),
            error: true,
        });
    }
    let text = args::RunSheetSaved {
        path: &path.display().to_string(),
    }
    .text(lang);
    RunSheet::Saved(path, text)
}

impl BaseMailTab {
    /// Saves the run sheet of the week beside the labels, off the drawing thread: the run is
    /// composed again unless posted (one write through core, safe to finish after the tab is
    /// gone), then the PDF is written.
    pub(super) fn print_run_sheet(&mut self, cx: &Cx) -> Effects {
        if self.run.is_none() {
            return Effects::info(cx.t(Msg::ComposeFirst));
        }
        let (week, path) = (
            self.week,
            run_sheet_path(&self.print_dir, &self.week.to_string(), cx.lang),
        );
        Effects::one(Effect::Spawn(Job {
            what: Msg::BusyRunSheet,
            work: Box::new(move |s, lang| Box::new(run_sheet(s, week, path, lang))),
        }))
    }

    /// The run sheet's job is back: where it was saved (and whether to send it to the printer),
    /// or why not.
    pub(super) fn run_sheet_saved(&mut self, saved: RunSheet, cx: &Cx) -> Effects {
        match saved {
            RunSheet::Saved(path, text) => self.offer_to_send(path, text, cx),
            RunSheet::Not(status) => Effects::status(status),
        }
    }
}
