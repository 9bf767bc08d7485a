//! Text helpers: folding for search, and small format checks.

/// Folds text for comparison: diacritics removed, lower case, runs of white space as one space.
/// "Zoë" and "zoe" fold alike, as do "Müller" and "muller", and "Łukasz" and "lukasz".
pub fn fold(text: &str) -> String {
    let plain = deunicode::deunicode_with_tofu(text, "");
    let mut out = String::with_capacity(plain.len());
    let mut space = false;
    for c in plain.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
}

/// A plausible phone number: digits with spaces, `+`, `-`, `(`, `)`; at least 6 digits.
pub fn is_phone(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && text.chars().filter(|c| c.is_ascii_digit()).count() >= 6
}

/// Text as it may go to a terminal or a log: every control character (ESC, NUL, BEL, C1 codes,
/// also line breaks and tabs) becomes U+FFFD, so stored text can never drive the terminal. Text
/// without control characters comes back borrowed.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The first character a field may not hold: any control character (C0 such as NUL and ESC,
/// DEL, C1 such as U+009B). A `multiline` field (notes, minutes, motions, house rules, what was
/// said in a review) may hold line breaks (`\n`, `\r`) and tabs; a one-line field none of them.
/// Such characters come in by pasting or from a file and can drive a terminal (an ESC sequence
/// sets a window title) or cut a record in two, so input refuses them where it is typed.
pub fn control_character(text: &str, multiline: bool) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// True when the text holds no line break.
pub fn single_line(text: &str) -> bool {
    !text.contains(['\n', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_replaces_every_control_character() {
        assert_eq!(printable("Zoë Müller"), "Zoë Müller");
        assert_eq!(
            printable("a\u{1b}]0;pwned\u{7}b\0c\u{9b}d\ne"),
            "a\u{FFFD}]0;pwned\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"
        );
    }

    #[test]
    fn control_characters_by_kind_of_field() {
        assert_eq!(control_character("Zoë Müller-Łukasz", false), None);
        for c in ['\0', '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{85}'] {
            let text = format!("a{c}b");
            assert_eq!(control_character(&text, false), Some(c), "{c:?}");
            assert_eq!(control_character(&text, true), Some(c), "{c:?}");
        }
        for c in ['\n', '\r', '\t'] {
            let text = format!("a{c}b");
            assert_eq!(control_character(&text, false), Some(c), "{c:?}");
            assert_eq!(control_character(&text, true), None, "{c:?}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("MÜLLER"), "muller");
        assert_eq!(fold("Łukasz  Şükrü"), "lukasz sukru");
        assert_eq!(fold("  van der  Poel "), "van der poel");
        assert_eq!(fold("Citroën"), "citroen");
    }

    #[test]
    fn emails() {
        assert!(is_email("jan@example.nl"));
        for bad in [
            "",
            "jan",
            "jan@",
            "@x.nl",
            "jan@x",
            "jan@@x.nl",
            "jan @x.nl",
            "jan@x..nl",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(is_phone("020-1234567"));
        assert!(is_phone("+31 6 12345678"));
        assert!(!is_phone("12345"));
        assert!(!is_phone("06-abc12345"));
    }
}
