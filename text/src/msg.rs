//! `Msg`: every argument-less message (and every template) of every area, as one type.

use crate::Lang;

macro_rules! areas {
    ($($area:ident($module:ident)),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Area { $($area(crate::$module::M)),* }

        impl Msg {
            /// The message in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                match self.0 { $(Area::$area(m) => m.text(lang)),* }
            }

            /// Whether the message has arguments: then its text here is the template, and
            /// `args::Name { .. }.text(lang)` is the way to show it.
            pub fn typed(self) -> bool {
                match self.0 { $(Area::$area(m) => m.typed()),* }
            }

            /// The message's name, as written in the code (`TabMembers`).
            pub fn name(self) -> &'static str {
                match self.0 { $(Area::$area(m) => m.name()),* }
            }

            /// Every message, area by area.
            pub fn all() -> impl Iterator<Item = Msg> {
                std::iter::empty()
                    $(.chain(crate::$module::M::ALL.iter().map(|m| Msg(Area::$area(*m)))))*
            }
        }

        /// Every area's messages with arguments (one struct per message).
        pub mod args {
            $(#[allow(unused_imports)] pub use crate::$module::args::*;)*
        }
    };
}

/// A user-facing message: `Msg::TabMembers.text(lang)`.
///
/// The messages are constants declared area by area (see `area!`); two areas declaring the
/// same name do not compile.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msg(pub(crate) Area);

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

areas! {
    Shell(shell),
    Members(members),
    Errors(errors),
    Today(today),
    Basemail(basemail),
    Experts(experts),
    Training(training),
    Store(store),
    Privacy(privacy),
    Reasons(reasons),
    Meetings(meetings),
    Documents(documents),
    Forms(forms),
    Work(work),
    Server(server),
}
