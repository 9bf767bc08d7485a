//! Counted nouns: "1 lid", "2 leden"; "1 item", "2 items".

use crate::Lang;

macro_rules! nouns {
    ($($name:ident => $nl1:literal, $nl2:literal, $en1:literal, $en2:literal;)*) => {
        /// A noun that is counted somewhere in the interface or a document.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Noun { $(#[allow(missing_docs)] $name),* }

        impl Noun {
            /// Every noun.
            pub const ALL: &'static [Noun] = &[$(Noun::$name),*];

            /// The singular and the plural in a language.
            pub fn forms(self, lang: Lang) -> (&'static str, &'static str) {
                match (self, lang) {
                    $((Noun::$name, Lang::Nl) => ($nl1, $nl2), (Noun::$name, Lang::En) => ($en1, $en2),)*
                }
            }
        }
    };
}

nouns! {
    Member => "lid", "leden", "member", "members";
    ExMember => "oud-lid", "oud-leden", "ex-member", "ex-members";
    Card => "kaartje", "kaartjes", "card", "cards";
    Label => "etiket", "etiketten", "label", "labels";
    Sheet => "vel", "vellen", "sheet", "sheets";
    Page => "pagina", "pagina's", "page", "pages";
    Item => "item", "items", "item", "items";
    AgendaItem => "agendapunt", "agendapunten", "agenda item", "agenda items";
    AgendaItemShort => "pt", "ptn", "item", "items";
    Postcard => "kaart", "kaarten", "card", "cards";
    Day => "dag", "dagen", "day", "days";
    Letter => "brief", "brieven", "letter", "letters";
    Email => "e-mail", "e-mails", "e-mail", "e-mails";
    Proxy => "volmacht", "volmachten", "proxy", "proxies";
    Vote => "stem", "stemmen", "vote", "votes";
    Record => "record", "records", "record", "records";
    LogEntry => "logregel", "logregels", "log entry", "log entries";
    Row => "rij", "rijen", "row", "rows";
    Week => "week", "weken", "week", "weeks";
    Month => "maand", "maanden", "month", "months";
    Hour => "uur", "uur", "hour", "hours";
    Skill => "vaardigheid", "vaardigheden", "skill", "skills";
    Recipient => "ontvanger", "ontvangers", "recipient", "recipients";
    Stay => "verblijf", "verblijven", "stay", "stays";
    Expert => "ervaringsdeskundige", "ervaringsdeskundigen", "expert", "experts";
    Decision => "besluit", "besluiten", "decision", "decisions";
    File => "bestand", "bestanden", "file", "files";
}

impl Noun {
    /// The form for a count: singular for exactly one, plural otherwise (also for 0, in both
    /// languages: "0 leden", "0 members").
    pub fn form(self, n: u64, lang: Lang) -> &'static str {
        let (one, many) = self.forms(lang);
        if n == 1 {
            one
        } else {
            many
        }
    }
}

/// A count with its noun: `count(2, Noun::Member, Lang::Nl)` is "2 leden".
pub fn count(n: impl TryInto<u64> + Copy + std::fmt::Display, noun: Noun, lang: Lang) -> String {
    let k = n.try_into().unwrap_or(u64::MAX);
    format!("{n} {}", noun.form(k, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(1, Noun::Member, Lang::Nl), "1 lid");
        assert_eq!(count(2, Noun::Member, Lang::Nl), "2 leden");
        assert_eq!(count(0, Noun::Member, Lang::Nl), "0 leden");
        assert_eq!(count(1usize, Noun::Member, Lang::En), "1 member");
        assert_eq!(count(3u32, Noun::Member, Lang::En), "3 members");
        assert_eq!(count(1, Noun::Card, Lang::Nl), "1 kaartje");
        assert_eq!(count(2, Noun::Card, Lang::Nl), "2 kaartjes");
        assert_eq!(count(1, Noun::Item, Lang::En), "1 item");
        assert_eq!(count(2, Noun::Item, Lang::En), "2 items");
        assert_eq!(count(2, Noun::Hour, Lang::Nl), "2 uur");
        assert_eq!(count(2, Noun::Page, Lang::Nl), "2 pagina's");
        assert_eq!(count(1, Noun::LogEntry, Lang::En), "1 log entry");
    }

    #[test]
    fn a_negative_count_is_plural() {
        assert_eq!(count(-1i64, Noun::Week, Lang::En), "-1 weeks");
    }

    #[test]
    fn every_noun_has_four_non_empty_forms() {
        for noun in Noun::ALL {
            for lang in Lang::ALL {
                let (one, many) = noun.forms(lang);
                assert!(!one.is_empty() && !many.is_empty(), "{noun:?} {lang:?}");
            }
        }
    }

    #[test]
    fn every_noun_counts_one_singular_and_the_rest_plural_in_both_languages() {
        for noun in Noun::ALL {
            for lang in Lang::ALL {
                let (one, many) = noun.forms(lang);
                assert_eq!(
                    count(1, *noun, lang),
                    format!("1 {one}"),
                    "{noun:?} {lang:?}"
                );
                for n in [0u64, 2, 11] {
                    assert_eq!(
                        count(n, *noun, lang),
                        format!("{n} {many}"),
                        "{noun:?} {lang:?}"
                    );
                }
            }
        }
        assert_eq!(count(1, Noun::Sheet, Lang::Nl), "1 vel");
        assert_eq!(count(2, Noun::Sheet, Lang::Nl), "2 vellen");
        assert_eq!(count(1, Noun::AgendaItemShort, Lang::En), "1 item");
        assert_eq!(count(3, Noun::AgendaItemShort, Lang::Nl), "3 ptn");
        assert_eq!(count(1, Noun::Day, Lang::Nl), "1 dag");
    }
}
