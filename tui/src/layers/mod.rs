//! The layers over a screen: the four generic ones (a [`form::FormLayer`], a
//! [`confirm::ConfirmLayer`], a [`picker::PickerLayer`], a [`detail::DetailLayer`]) and the help.
//!
//! A layer belongs to the screen that pushed it. When a key reaches it, the shell hands it that
//! screen as `&mut dyn Any`: a generic layer typed by the screen (`FormLayer<MembersScreen>`)
//! gets it back as its own type and calls the closure it was given, so a tab's forms and
//! questions need no popup enum of their own. A layer answers with the layer to show now (itself,
//! usually; none to close) and [`Effects`](crate::screen::Effects).

pub mod confirm;
pub mod detail;
pub mod form;
pub mod help;
pub mod picker;

use crate::keys::{Action, Mode};
use crate::screen::{Cx, Effects};
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;

pub use confirm::ConfirmLayer;
pub use detail::DetailLayer;
pub use form::{FormLayer, Submit};
pub use help::HelpLayer;
pub use picker::PickerLayer;

/// What a layer shows next: itself or another layer (`Some`), or nothing (it closed).
pub type Next = Option<Box<dyn Layer>>;

/// Something over a screen that takes the keys while it shows.
pub trait Layer: Send {
    /// Where the keyboard is while it shows: the key table it reads.
    fn mode(&self) -> Mode;

    /// Handles a command. `owner` is the screen that pushed the layer.
    fn handle(self: Box<Self>, action: Action, owner: &mut dyn Any, cx: &Cx) -> (Next, Effects);

    /// Draws the layer over `body`.
    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx);

    /// The result of a background job this layer asked for; one that is not its own it gives
    /// back (it then goes to the screen).
    fn message(
        &mut self,
        message: Box<dyn Any + Send>,
        cx: &Cx,
    ) -> Result<Effects, Box<dyn Any + Send>> {
        let _ = cx;
        Err(message)
    }
}

/// The layer again, with no effect.
pub(crate) fn keep(layer: Box<dyn Layer>) -> (Next, Effects) {
    (Some(layer), Effects::none())
}
