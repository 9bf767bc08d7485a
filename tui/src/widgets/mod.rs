//! Reusable pieces of the screen: forms, yes/no questions, a list to pick from, layout helpers.

pub mod confirm;
pub mod form;
pub mod picker;

use ratatui::layout::Rect;

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
    }
}
