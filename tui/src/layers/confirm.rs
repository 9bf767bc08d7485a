//! A question before a change: yes/no for what loses nothing, typed for what cannot be taken
//! back ([`Question`]). Its yes runs a closure on the screen that asked.

use super::{Layer, Next};
use crate::keys::{Action, Mode};
use crate::screen::{Cx, Effects};
use crate::widgets::confirm::{Answer, Question};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;
use std::marker::PhantomData;

type YesFn<S> = Box<dyn FnOnce(&mut S, &Cx) -> Effects + Send>;
type NoFn = Box<dyn FnOnce(&Cx) -> Effects + Send>;

/// A question owned by a screen of type `S`.
pub struct ConfirmLayer<S> {
    question: Question,
    yes: YesFn<S>,
    no: Option<NoFn>,
    _owner: PhantomData<fn() -> S>,
}

impl<S: 'static> ConfirmLayer<S> {
    /// The question; `yes` runs when it is answered yes.
    pub fn new(
        question: Question,
        yes: impl FnOnce(&mut S, &Cx) -> Effects + Send + 'static,
    ) -> ConfirmLayer<S> {
        ConfirmLayer {
            question,
            yes: Box::new(yes),
            no: None,
            _owner: PhantomData,
        }
    }

    /// What a no does (else: "Cancelled." on the status line).
    pub fn on_no(mut self, no: impl FnOnce(&Cx) -> Effects + Send + 'static) -> ConfirmLayer<S> {
        self.no = Some(Box::new(no));
        self
    }
}

impl<S: 'static> Layer for ConfirmLayer<S> {
    fn mode(&self) -> Mode {
        self.question.mode()
    }

    fn handle(self: Box<Self>, action: Action, owner: &mut dyn Any, cx: &Cx) -> (Next, Effects) {
        let ConfirmLayer {
            question,
            yes,
            no,
            _owner,
        } = *self;
        match question.answer(action) {
            Answer::Yes => match owner.downcast_mut::<S>() {
                Some(s) => (None, yes(s, cx)),
                None => (None, Effects::none()),
            },
            Answer::No => match no {
                Some(no) => (None, no(cx)),
                None => (None, Effects::cancelled(cx.lang)),
            },
            Answer::Open(question) => (
                Some(Box::new(ConfirmLayer {
                    question,
                    yes,
                    no,
                    _owner,
                })),
                Effects::none(),
            ),
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.question.render(frame, body, cx.lang);
    }
}
