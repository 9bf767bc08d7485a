//! Scaffolding while the tabs move to the generic layers: a tab that still keeps its own popup
//! enum answers with a [`super::Reply`], and its popups ride the shell's layer stack as a
//! [`TabPopup`]. A tab converted to [`crate::layers`] no longer uses this module; when none does,
//! it goes.

use super::Reply;
use crate::i18n::Lang;
use crate::keys::{Action, Mode};
use crate::layers::{Layer, Next};
use crate::screen::{Cx, Effect, Effects, Screen};
use kapstok_core::Session;
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;

/// A tab with its own popup type.
pub(crate) trait PopupTab: Screen + Sized {
    /// The tab's popups.
    type Popup: Send + 'static;
    /// Handles a key in one of its popups.
    fn handle_popup(
        &mut self,
        popup: Self::Popup,
        action: Action,
        s: &Session,
        lang: Lang,
    ) -> Reply<Self::Popup>;
    /// The popup's key table.
    fn popup_mode(popup: &Self::Popup) -> Mode;
    /// Draws the popup.
    fn popup_render(popup: &Self::Popup, frame: &mut Frame, body: Rect, lang: Lang);
}

/// A tab's popup on the layer stack.
pub(crate) struct TabPopup<T: PopupTab>(pub T::Popup);

/// The effects of a tab's reply: its popup pushed, its status shown.
pub(crate) fn effects<T: PopupTab>(reply: Reply<T::Popup>) -> Effects {
    let mut effects = Effects::none();
    if let Some(popup) = reply.popup {
        effects = effects.and(Effect::Push(Box::new(TabPopup::<T>(popup))));
    }
    if let Some(status) = reply.status {
        effects = effects.and_status(status);
    }
    effects
}

impl<T: PopupTab> Layer for TabPopup<T> {
    fn mode(&self) -> Mode {
        T::popup_mode(&self.0)
    }

    fn handle(self: Box<Self>, action: Action, owner: &mut dyn Any, cx: &Cx) -> (Next, Effects) {
        match owner.downcast_mut::<T>() {
            Some(tab) => {
                let reply = tab.handle_popup(self.0, action, cx.session, cx.lang);
                (None, effects::<T>(reply))
            }
            None => (None, Effects::none()),
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        T::popup_render(&self.0, frame, body, cx.lang);
    }
}

/// `Screen` and `PopupTab` for a tab of the old shape (`new`, `load`, `mode`, `handle`,
/// `handle_popup`, `render`, `show(view)`; a `Popup` with `mode` and `render`).
macro_rules! legacy_tab {
    ($tab:ty, $popup:ty, $title:expr, $trees:expr, { $($target:pat => $view:expr),* $(,)? }) => {
        impl $crate::screens::legacy::PopupTab for $tab {
            type Popup = $popup;
            fn handle_popup(
                &mut self,
                popup: $popup,
                action: $crate::keys::Action,
                s: &kapstok_core::Session,
                lang: $crate::i18n::Lang,
            ) -> $crate::screens::Reply<$popup> {
                <$tab>::handle_popup(self, popup, action, s, lang)
            }
            fn popup_mode(popup: &$popup) -> $crate::keys::Mode {
                popup.mode()
            }
            fn popup_render(
                popup: &$popup,
                frame: &mut ratatui::Frame,
                body: ratatui::layout::Rect,
                lang: $crate::i18n::Lang,
            ) {
                popup.render(frame, body, lang)
            }
        }

        impl $crate::screen::Screen for $tab {
            fn title(&self) -> $crate::i18n::Msg {
                $title
            }
            fn depends_on(&self) -> &'static [kapstok_core::store::TreeId] {
                $trees
            }
            fn load(
                &mut self,
                cx: &$crate::screen::Cx,
                _shared: &mut $crate::screen::Shared,
            ) -> kapstok_core::Result<()> {
                <$tab>::load(self, cx.session)
            }
            fn mode(&self) -> $crate::keys::Mode {
                <$tab>::mode(self)
            }
            fn handle(
                &mut self,
                action: $crate::keys::Action,
                cx: &$crate::screen::Cx,
            ) -> $crate::screen::Effects {
                let reply = <$tab>::handle(self, action, cx.session, cx.lang);
                $crate::screens::legacy::effects::<$tab>(reply)
            }
            #[allow(unreachable_patterns)]
            fn open(
                &mut self,
                target: $crate::screen::Target,
                _cx: &$crate::screen::Cx,
            ) -> Option<$crate::screen::Effects> {
                match target {
                    $($target => {
                        self.show($view);
                        Some($crate::screen::Effects::none())
                    })*
                    _ => None,
                }
            }
            fn render(
                &mut self,
                frame: &mut ratatui::Frame,
                area: ratatui::layout::Rect,
                cx: &$crate::screen::Cx,
            ) {
                <$tab>::render(self, frame, area, cx.lang)
            }
        }
    };
}
pub(crate) use legacy_tab;
