//! Choosing one of many, searching as you type ([`Picker`]); the choice runs a closure on the
//! screen that asked.

use super::{keep, Layer, Next};
use crate::keys::{Action, Mode};
use crate::screen::{Cx, Effects};
use crate::widgets::centered;
use crate::widgets::picker::{Picked, Picker};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;
use std::marker::PhantomData;

type ChosenFn<S> = Box<dyn FnOnce(u64, String, &mut S, &Cx) -> Effects + Send>;

/// A picker owned by a screen of type `S`.
pub struct PickerLayer<S> {
    picker: Picker,
    chosen: ChosenFn<S>,
    width: u16,
    _owner: PhantomData<fn() -> S>,
}

impl<S: 'static> PickerLayer<S> {
    /// The picker; `chosen` gets the id and the text of what was chosen.
    pub fn new(
        picker: Picker,
        chosen: impl FnOnce(u64, String, &mut S, &Cx) -> Effects + Send + 'static,
    ) -> PickerLayer<S> {
        PickerLayer {
            picker,
            chosen: Box::new(chosen),
            width: 60,
            _owner: PhantomData,
        }
    }

    /// As wide as `width` columns at most.
    pub fn width(mut self, width: u16) -> PickerLayer<S> {
        self.width = width;
        self
    }
}

impl<S: 'static> Layer for PickerLayer<S> {
    fn mode(&self) -> Mode {
        Mode::Filter
    }

    fn handle(
        mut self: Box<Self>,
        action: Action,
        owner: &mut dyn Any,
        cx: &Cx,
    ) -> (Next, Effects) {
        match self.picker.handle(action) {
            Picked::Chosen(id) => {
                let name = self
                    .picker
                    .selected()
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                match owner.downcast_mut::<S>() {
                    Some(s) => (None, (self.chosen)(id, name, s, cx)),
                    None => (None, Effects::none()),
                }
            }
            Picked::Cancel => (None, Effects::cancelled(cx.lang)),
            Picked::None => keep(self),
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.picker.render(
            frame,
            centered(body, self.width, body.height.saturating_sub(2)),
            cx.lang,
        );
    }
}
