//! A form over a screen: the fields in, a submit closure that calls core, the errors shown under
//! the fields. A warning that asks "save anyway?" is a [`super::ConfirmLayer`] pushed over the
//! form, whose yes saves and closes the form ([`crate::screen::Effect::CloseLayer`]).

use super::{keep, Layer, Next};
use crate::i18n::{self, args, Lang};
use crate::keys::{Action, Mode};
use crate::screen::{Cx, Effects, Status};
use crate::widgets::centered;
use crate::widgets::form::{Form, FormInput, Outcome};
use kapstok_core::common::Conflict;
use kapstok_core::Error;
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;
use std::marker::PhantomData;

/// What a submit did.
pub enum Submit {
    /// The form stays (errors shown under its fields, or a question pushed over it).
    Stay(Effects),
    /// Done: the form closes.
    Done(Effects),
}

impl Submit {
    /// A refusal from core: field errors under the fields (and those the form does not show on
    /// the status line), any other error on the status line; the form stays.
    pub fn refused(form: &mut Form, e: &Error, lang: Lang) -> Submit {
        match e {
            Error::Invalid(errors) => {
                let rest = form.show_errors(errors, lang);
                Submit::Stay(Effects::status(crate::screens::form_errors(rest, lang)))
            }
            e => Submit::Stay(Effects::error(e, lang)),
        }
    }

    /// Another session changed the record meanwhile, and some fields both ways
    /// ([`kapstok_core::Error::Conflict`]); nothing was saved. The form is brought up to date:
    /// fields this form left as they were take `theirs` (what is stored now), and under each
    /// field both changed stands their value and the original, while the field keeps yours.
    /// `original` becomes `theirs`, so saving again keeps your values where you both changed a
    /// field, and Esc leaves theirs.
    pub fn conflicted<I: FormInput>(
        form: &mut Form,
        original: &mut I,
        theirs: I,
        conflict: &Conflict,
        lang: Lang,
    ) -> Submit {
        let was = original.fields();
        let now = theirs.fields();
        for (was, now) in was.iter().zip(&now) {
            if was.value != now.value && form.value(was.name) == was.value {
                form.set_value(was.name, &now.value);
            }
        }
        I::show(form);
        *original = theirs;
        let notes = conflict
            .fields
            .iter()
            .map(|f| {
                let text = args::ConflictField {
                    theirs: &form.shown_value(f.field, &f.theirs, lang),
                    original: &form.shown_value(f.field, &f.original, lang),
                }
                .text(lang);
                (f.field, text)
            })
            .collect();
        let message = args::ConflictInForm {
            who: &i18n::conflict_who(conflict, lang),
            when: &i18n::conflict_when(conflict),
        }
        .text(lang);
        form.show_notes(notes, message.clone());
        Submit::Stay(Effects::status(Status {
            text: message,
            error: true,
        }))
    }

    /// Done, or refused (see [`Submit::refused`]).
    pub fn from_result(form: &mut Form, result: Result<Effects, Error>, lang: Lang) -> Submit {
        match result {
            Ok(effects) => Submit::Done(effects),
            Err(e) => Submit::refused(form, &e, lang),
        }
    }
}

type SubmitFn<S> = Box<dyn FnMut(&mut Form, &mut S, &Cx) -> Submit + Send>;

/// A form owned by a screen of type `S`.
pub struct FormLayer<S> {
    /// The form.
    pub form: Form,
    submit: SubmitFn<S>,
    on_change: Option<fn(&mut Form)>,
    on_test: Option<SubmitFn<S>>,
    width: u16,
    height: Option<u16>,
    _owner: PhantomData<fn() -> S>,
}

impl<S: 'static> FormLayer<S> {
    /// The form; `submit` runs on Ctrl+S (or Enter on the last field, where the form says so).
    pub fn new(
        form: Form,
        submit: impl FnMut(&mut Form, &mut S, &Cx) -> Submit + Send + 'static,
    ) -> FormLayer<S> {
        FormLayer {
            form,
            submit: Box::new(submit),
            on_change: None,
            on_test: None,
            width: 78,
            height: None,
            _owner: PhantomData,
        }
    }

    /// Runs after each change of a field's value (to show or hide fields).
    pub fn on_change(mut self, f: fn(&mut Form)) -> FormLayer<S> {
        self.on_change = Some(f);
        self
    }

    /// Ctrl+T: a second action of the form (the printer's test print).
    pub fn on_test(
        mut self,
        f: impl FnMut(&mut Form, &mut S, &Cx) -> Submit + Send + 'static,
    ) -> FormLayer<S> {
        self.on_test = Some(Box::new(f));
        self
    }

    /// A fixed height (else as high as its fields).
    pub fn height(mut self, height: u16) -> FormLayer<S> {
        self.height = Some(height);
        self
    }

    /// As wide as `width` columns at most.
    pub fn width(mut self, width: u16) -> FormLayer<S> {
        self.width = width;
        self
    }
}

impl<S: 'static> Layer for FormLayer<S> {
    fn mode(&self) -> Mode {
        Mode::Form
    }

    fn handle(
        mut self: Box<Self>,
        action: Action,
        owner: &mut dyn Any,
        cx: &Cx,
    ) -> (Next, Effects) {
        if action == Action::TestPrint {
            let Some(s) = owner.downcast_mut::<S>() else {
                return (None, Effects::none());
            };
            let this = &mut *self;
            let Some(test) = this.on_test.as_mut() else {
                return (Some(self), Effects::none());
            };
            return match test(&mut this.form, s, cx) {
                Submit::Stay(e) => (Some(self), e),
                Submit::Done(e) => (None, e),
            };
        }
        match self.form.handle(action) {
            Outcome::Cancel => (None, Effects::cancelled(cx.lang)),
            Outcome::Save => {
                let Some(s) = owner.downcast_mut::<S>() else {
                    return (None, Effects::none());
                };
                let this = &mut *self;
                match (this.submit)(&mut this.form, s, cx) {
                    Submit::Stay(e) => (Some(self), e),
                    Submit::Done(e) => (None, e),
                }
            }
            Outcome::Changed => {
                if let Some(f) = self.on_change {
                    f(&mut self.form);
                }
                keep(self)
            }
            Outcome::None => keep(self),
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        let width = self.width.min(body.width);
        let height = self
            .height
            .unwrap_or_else(|| self.form.height_within(width, body.height));
        self.form
            .render(frame, centered(body, width, height), cx.lang);
    }
}
