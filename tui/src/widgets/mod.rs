//! Reusable pieces of the screen: forms, yes/no questions, a list to pick from, layout helpers.

pub mod confirm;
pub mod form;
pub mod picker;
pub mod table;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Multi-line text (notes, house rules, minutes, a motion, what was said in a review) after a
/// prefix such as a label: one screen line per line of the text, the following ones indented
/// under the first, so a line break shows as one (a single span would run the lines together:
/// ratatui drops the break). Carriage returns and tabs are shown as spaces.
pub fn labelled_lines(prefix: Vec<Span<'static>>, text: &str, style: Style) -> Vec<Line<'static>> {
    let indent = " ".repeat(prefix.iter().map(Span::width).sum());
    let mut prefix = Some(prefix);
    let mut out = Vec::new();
    for line in text.trim_end().split('\n') {
        let line = line.replace(['\r', '\t'], " ");
        let mut spans = prefix
            .take()
            .unwrap_or_else(|| vec![Span::raw(indent.clone())]);
        spans.push(Span::styled(line, style));
        out.push(Line::from(spans));
    }
    out
}

/// A rectangle of at most `width` x `height` centred in `area` (clamped to the area).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod lines_tests {
    use super::*;

    #[test]
    fn each_line_of_a_text_is_a_line_indented_under_the_first() {
        let lines = labelled_lines(
            vec![Span::raw("Notities: ")],
            "niet bellen\r\nalleen post\tbalie\n",
            Style::new(),
        );
        let shown: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            shown,
            ["Notities: niet bellen ", "          alleen post balie"]
        );
    }
}

/// Cuts text to at most `max` characters, ending with `…` when cut.
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else if max == 0 {
        String::new()
    } else {
        let mut out: String = text.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// Cuts text to at most `max` characters at the end of a word, ending with `…` when cut (in the
/// middle of a word only when the first word alone is too long).
pub fn ellipsize_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = ellipsize(text, max);
    let kept: String = cut.chars().take(max.saturating_sub(1)).collect();
    // The kept part ends at a word's end when the next character is a space.
    if text.chars().nth(kept.chars().count()) == Some(' ') {
        return format!("{}…", kept.trim_end());
    }
    match kept.trim_end().rfind(' ') {
        Some(at) if at > 0 => format!("{}…", kept[..at].trim_end()),
        _ => cut,
    }
}

/// Splits text after at most `width` characters, at the last space that fits (mid-word only
/// when a single word is longer than the width): the line, and the rest.
pub fn break_at_word(text: &str, width: usize) -> (String, String) {
    if text.chars().count() <= width {
        return (text.to_string(), String::new());
    }
    let head: String = text.chars().take(width).collect();
    let next = text.chars().nth(width);
    let at = if next == Some(' ') {
        head.len()
    } else {
        match head.rfind(' ') {
            Some(at) if at > 0 => at,
            _ => head.len(),
        }
    };
    (text[..at].to_string(), text[at..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centred_never_leaves_the_area() {
        for (w, h) in [(0, 0), (1, 1), (10, 3), (200, 100)] {
            let area = Rect::new(2, 3, w, h);
            let r = centered(area, 60, 20);
            assert!(r.x >= area.x && r.y >= area.y);
            assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
        }
        assert_eq!(ellipsize("Zoë de Wit", 5), "Zoë …");
        assert_eq!(ellipsize("Zoë", 5), "Zoë");
        assert_eq!(
            ellipsize_words("Deze etiketten passen niet: Maximiliaan Alexander", 40),
            "Deze etiketten passen niet: Maximiliaan…"
        );
        assert_eq!(ellipsize_words("Deze etiketten passen", 12), "Deze…");
        assert_eq!(ellipsize_words("Etikettenvel", 5), "Etik…");
        assert_eq!(ellipsize_words("kort", 40), "kort");
        assert_eq!(
            break_at_word("Volmacht: Dagmar Bakker", 12),
            ("Volmacht:".to_string(), " Dagmar Bakker".to_string())
        );
        assert_eq!(
            break_at_word("Volmacht: Dagmar", 9),
            ("Volmacht:".to_string(), " Dagmar".to_string())
        );
        assert_eq!(break_at_word("Etikettenvel", 5).0, "Etike");
        assert_eq!(break_at_word("kort", 40).1, "");
    }
}
