//! The papers of a meeting, saved beside the store: the convocation (the letters as one PDF,
//! the e-mail list as CSV), the envelope labels for the letters and the attendance sheet for
//! signatures. At 100,000 members the convocation and the sheet take a while, so each is made by
//! a background [`Job`] and what it saved comes back on the status line ([`finished`]); keys
//! keep working meanwhile. The labels are made from a form whose refusals go under its fields,
//! so they are made while it waits.

use super::actions::form_layer;
use super::{forms, MeetingsTab};
use crate::files::write_atomically;
use crate::i18n::{args, count, Lang, Msg, Noun};
use crate::jobs::JobFailed;
use crate::layers::{DetailLayer, Submit};
use crate::screen::{Cx, Effect, Effects, Job, Status};
use kapstok_core::error::{Error, FieldError, Reason};
use kapstok_core::meetings::Meeting;
use kapstok_core::Session;
use ratatui::text::Line;
use std::any::Any;
use std::path::{Path, PathBuf};

/// What a paper's job answers: the line for the status bar, and the members the papers cannot
/// reach (shown in a scrolling view: the list can be long).
struct Saved(Status, Vec<String>);

/// A job that makes a paper and says what it saved.
fn job(what: Msg, make: impl FnOnce(&Session, Lang) -> Saved + Send + 'static) -> Effects {
    Effects::one(Effect::Spawn(Job {
        what,
        work: Box::new(move |s, lang| Box::new(make(s, lang))),
    }))
}

/// The result of a paper's job, for the status line.
pub(super) fn finished(message: Box<dyn Any + Send>, cx: &Cx) -> Effects {
    match message.downcast::<Saved>() {
        Ok(saved) => {
            let Saved(status, unreachable) = *saved;
            let effects = Effects::status(status);
            if unreachable.is_empty() {
                return effects;
            }
            let lines = unreachable.into_iter().map(Line::from).collect();
            effects.and_push(DetailLayer::new(cx.t(Msg::CliMeetingUnreachable), lines))
        }
        Err(other) if other.is::<JobFailed>() => Effects::status(Status {
            text: cx.t(Msg::JobFailed).into(),
            error: true,
        }),
        Err(_) => Effects::none(),
    }
}

/// Writes the letters (one PDF) and the e-mail list (CSV) beside the store and says how many
/// go which way, naming who cannot be reached.
pub(super) fn convocation(tab: &MeetingsTab, id: u64, m: &Meeting, _: &Cx) -> Effects {
    let (stem, dir) = (file_stem(m, id), tab.out_dir.clone());
    job(Msg::BusyConvocation, move |s, lang| {
        write_convocation(s, id, &stem, &dir, lang)
    })
}

fn write_convocation(s: &Session, id: u64, stem: &str, dir: &Path, lang: Lang) -> Saved {
    let pack = match s.meetings().convocation_in(id, lang) {
        Ok(p) => p,
        Err(e) => return Saved(crate::screens::error_status(&e, lang), Vec::new()),
    };
    let mut written = Vec::new();
    if !pack.letters_pdf.is_empty() {
        let path = dir.join(args::FileMeetingLetters { date: &stem }.text(lang));
        if let Err(e) = write_atomically(&path, &pack.letters_pdf) {
            return Saved(io_error(&path, e), Vec::new());
        }
        written.push(path.display().to_string());
    }
    let path = dir.join(args::FileMeetingEmail { date: &stem }.text(lang));
    if let Err(e) = write_atomically(&path, &pack.email_csv) {
        return Saved(io_error(&path, e), Vec::new());
    }
    written.push(path.display().to_string());
    let unreachable: Vec<String> = pack
        .unreachable()
        .iter()
        .map(|i| format!("{} (nr {})", i.name, i.member))
        .collect();
    let mut text = args::ConvocationWritten {
        email: &pack.emails().to_string(),
        letters: &pack.letters().to_string(),
        files: &written.join(", "),
    }
    .text(lang);
    // How many on the status line; who, in the view that opens over the tab.
    if !unreachable.is_empty() {
        text.push_str(" · ");
        let how_many = count(unreachable.len(), Noun::Member, lang);
        text.push_str(&args::Unreachable { names: &how_many }.text(lang));
    }
    let error = !unreachable.is_empty();
    Saved(Status { text, error }, unreachable)
}

/// The label sheet and the first free cell. The labels are made while the form waits: core's
/// refusal (the first cell past the sheet's last, no letters to send) goes under its fields.
pub(super) fn labels_form(id: u64, cx: &Cx) -> Effects {
    let sheets = match cx.session.basemail().sheets() {
        Ok(list) => list,
        Err(e) => return Effects::error(&e, cx.lang),
    };
    let options = sheets.into_iter().map(|sh| (sh.id, sh.name)).collect();
    Effects::push(form_layer(
        forms::labels_form(options, "avery-l7160"),
        move |form, tab, cx| {
            let lang = cx.lang;
            let start: u32 = match form.value("start").trim().parse() {
                Ok(n) if n >= 1 => n,
                _ => {
                    let e = FieldError::new("start", Reason::BadNumber);
                    return Submit::refused(form, &Error::Invalid(vec![e]), lang);
                }
            };
            let stem = tab
                .meeting(id)
                .map_or_else(|| id.to_string(), |m| file_stem(m, id));
            let job = match cx
                .session
                .meetings()
                .envelope_labels(id, &form.value("sheet"), start)
            {
                Ok(job) => job,
                Err(e) => return Submit::refused(form, &e, lang),
            };
            let path = tab
                .out_dir
                .join(args::FileMeetingLabels { date: &stem }.text(lang));
            Submit::Done(Effects::status(match write_atomically(&path, &job.pdf) {
                Ok(()) => Status {
                    text: args::LabelsWritten {
                        labels: &count(job.labels, Noun::Label, lang),
                        pages: &count(job.pages, Noun::Sheet, lang),
                        path: &path.display().to_string(),
                    }
                    .text(lang),
                    error: false,
                },
                Err(e) => io_error(&path, e),
            }))
        },
    ))
}

/// Saves the attendance sheet for signatures beside the store.
pub(super) fn attendance_sheet(tab: &MeetingsTab, id: u64, m: &Meeting, cx: &Cx) -> Effects {
    let name = args::FileMeetingAttendance {
        date: &file_stem(m, id),
    };
    let path: PathBuf = tab.out_dir.join(name.text(cx.lang));
    job(Msg::BusyAttendanceSheet, move |s, lang| {
        let bytes = match s.meetings().attendance_sheet_in(id, lang) {
            Ok(b) => b,
            Err(e) => return Saved(crate::screens::error_status(&e, lang), Vec::new()),
        };
        let status = match write_atomically(&path, &bytes) {
            Ok(()) => Status {
                text: args::SheetSaved {
                    path: &path.display().to_string(),
                }
                .text(lang),
                error: false,
            },
            Err(e) => io_error(&path, e),
        };
        Saved(status, Vec::new())
    })
}

/// `2026-03-10`: the files of a meeting sort by date (`alv-2026-03-10-brieven.pdf`).
fn file_stem(m: &Meeting, _id: u64) -> String {
    m.date().format("%Y-%m-%d").to_string()
}

fn io_error(path: &Path, e: std::io::Error) -> Status {
    Status {
        text: format!("{}: {e}", path.display()),
        error: true,
    }
}
