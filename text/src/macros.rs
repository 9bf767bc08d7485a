//! The `area!` macro: one area's table of messages.
//!
//! ```text
//! area! {
//!     Members;
//!     plain {
//!         TabMembers => "Leden", "Members";
//!     }
//!     args {
//!         LabelsSaved { count, path } => "{count} etiketten in {path}", "{count} labels in {path}";
//!     }
//! }
//! ```
//!
//! Every message gets both languages (a missing one does not compile) and becomes a constant
//! `Msg::Name`, so `Msg::TabMembers.text(lang)` works wherever the area lives. A message in
//! `args` is also a struct `args::Name { field: &dyn Display, .. }` whose `text(lang)` fills the
//! placeholders with `format!`: a placeholder without a field, or a field no text uses, is a
//! compile error. There is no run-time substitution: every text with a placeholder is typed.

macro_rules! area {
    (
        $area:ident;
        plain { $($name:ident => $nl:expr, $en:expr;)* }
        args { $($aname:ident { $($arg:ident),* } => $anl:literal, $aen:literal;)* }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs, clippy::enum_variant_names)]
        pub(crate) enum M { $($name,)* $($aname,)* }

        impl M {
            pub(crate) const ALL: &'static [M] = &[$(M::$name,)* $(M::$aname,)*];

            pub(crate) fn text(self, lang: $crate::Lang) -> &'static str {
                match (self, lang) {
                    $((M::$name, $crate::Lang::Nl) => $nl, (M::$name, $crate::Lang::En) => $en,)*
                    $((M::$aname, $crate::Lang::Nl) => $anl, (M::$aname, $crate::Lang::En) => $aen,)*
                }
            }

            /// Whether the message has arguments (is declared in `args`).
            pub(crate) fn typed(self) -> bool {
                match self {
                    $(M::$name => false,)*
                    $(M::$aname => true,)*
                }
            }

            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(M::$name => stringify!($name),)*
                    $(M::$aname => stringify!($aname),)*
                }
            }
        }

        #[allow(non_upper_case_globals, missing_docs)]
        impl $crate::Msg {
            $(pub const $name: $crate::Msg = $crate::Msg($crate::msg::Area::$area(M::$name));)*
            $(pub const $aname: $crate::Msg = $crate::Msg($crate::msg::Area::$area(M::$aname));)*
        }

        /// This area's messages with arguments.
        pub mod args {
            #[allow(unused_imports)]
            use std::fmt::Display;
            $(
                #[allow(missing_docs)]
                #[derive(Clone, Copy)]
                pub struct $aname<'a> { $(pub $arg: &'a dyn Display,)* }

                impl $aname<'_> {
                    /// The message in a language, its placeholders filled.
                    pub fn text(&self, lang: $crate::Lang) -> String {
                        let $aname { $($arg,)* } = *self;
                        match lang {
                            $crate::Lang::Nl => format!($anl),
                            $crate::Lang::En => format!($aen),
                        }
                    }
                }
            )*
        }
    };
}
