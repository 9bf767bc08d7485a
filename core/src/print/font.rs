//! The font every label is printed in, and its metrics.
//!
//! DejaVu Sans (a free Unicode font, licence in `core/assets/fonts/LICENSE`) is compiled into the
//! program and embedded into every PDF, so names like Łukasz, Şükrü or Zoë print as written on
//! any computer. Text is measured with the font's own advance widths, read by the same parser
//! (printpdf's `ParsedFont`, built on allsorts) that encodes the text into the PDF: what the
//! layout measures is exactly what the PDF shows (the PDF applies no kerning).

use printpdf::ParsedFont;
use std::sync::OnceLock;

/// The embedded font file (DejaVu Sans 2.37).
pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The embedded font's name.
pub const FONT_NAME: &str = "DejaVu Sans";
/// The embedded font's PostScript name, as PDF readers show it.
const POSTSCRIPT_NAME: &str = "DejaVuSans";

/// Characters below this code point have their advance in a table (Latin, Latin Extended,
/// IPA, Greek, Cyrillic: nearly every name); others are looked up in the font's cmap.
const DENSE_LIMIT: u32 = 0x0600;
/// Marks a character the font has no glyph for in the dense table.
const MISSING: u32 = u32::MAX;

/// The parsed label font with fast width look-ups.
#[derive(Debug)]
pub struct LabelFont {
    parsed: ParsedFont,
    dense: Vec<u32>,
    units_per_em: f64,
    ascent_em: f64,
    descent_em: f64,
}

/// The embedded font could not be read (a broken build, never user input).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the embedded font {FONT_NAME} cannot be read")]
pub struct FontUnreadable;

static FONT: OnceLock<Option<LabelFont>> = OnceLock::new();

/// The label font, parsed once per process.
pub fn label_font() -> Result<&'static LabelFont, FontUnreadable> {
    FONT.get_or_init(|| LabelFont::parse(FONT_BYTES))
        .as_ref()
        .ok_or(FontUnreadable)
}

impl LabelFont {
    fn parse(bytes: &[u8]) -> Option<LabelFont> {
        let mut parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        // The PostScript name, written as the PDF's /BaseFont (else a random id is used).
        parsed.font_name = Some(POSTSCRIPT_NAME.to_string());
        let units_per_em = f64::from(parsed.units_per_em);
        if units_per_em <= 0.0 {
            return None;
        }
        let ascent_em = f64::from(parsed.font_metrics.ascent) / units_per_em;
        let descent_em = -f64::from(parsed.font_metrics.descent) / units_per_em;
        let mut font = LabelFont {
            parsed,
            dense: Vec::new(),
            units_per_em,
            ascent_em,
            descent_em,
        };
        font.dense = (0..DENSE_LIMIT)
            .map(|cp| font.lookup(cp).unwrap_or(MISSING))
            .collect();
        Some(font)
    }

    fn lookup(&self, cp: u32) -> Option<u32> {
        let gid = self.parsed.lookup_glyph_index(cp).filter(|&g| g != 0)?;
        Some(u32::from(self.parsed.get_glyph_width(gid).unwrap_or(0)))
    }

    /// The font as printpdf needs it to embed it into a PDF.
    pub fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    /// Design units per em (2048 for DejaVu Sans).
    pub fn units_per_em(&self) -> f64 {
        self.units_per_em
    }

    /// Height above the baseline, as a fraction of the font size.
    pub fn ascent_em(&self) -> f64 {
        self.ascent_em
    }

    /// Depth below the baseline (positive), as a fraction of the font size.
    pub fn descent_em(&self) -> f64 {
        self.descent_em
    }

    /// Advance width of one character in design units; `None` when the font has no glyph for it
    /// (it would print as an empty box).
    pub fn advance(&self, ch: char) -> Option<u32> {
        let cp = u32::from(ch);
        match self.dense.get(cp as usize) {
            Some(&MISSING) => None,
            Some(&units) => Some(units),
            None => self.lookup(cp),
        }
    }

    /// Width of a line in design units, or the first character the font cannot print.
    pub fn measure(&self, text: &str) -> Result<u32, char> {
        text.chars().try_fold(0u32, |sum, ch| {
            self.advance(ch).map(|w| sum.saturating_add(w)).ok_or(ch)
        })
    }

    /// Width in millimetres of `units` design units at `size_pt`.
    pub fn units_to_mm(&self, units: u32, size_pt: f64) -> f64 {
        f64::from(units) / self.units_per_em * size_pt * super::layout::MM_PER_PT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_has_the_names_glyphs() {
        let f = label_font().unwrap();
        for name in [
            "Łukasz",
            "Şükrü",
            "Zoë",
            "Ğ",
            "Citroën",
            "Müller",
            "Ñ",
            "Żółć",
            "Дмитрий",
        ] {
            assert!(f.measure(name).is_ok(), "{name}");
        }
        assert_eq!(f.measure("a\u{E000}b"), Err('\u{E000}'));
        assert_eq!(f.measure("tab\there"), Err('\t'));
    }

    #[test]
    fn metrics_are_the_real_ones() {
        let f = label_font().unwrap();
        assert_eq!(f.units_per_em(), 2048.0);
        // DejaVu Sans: 'i' is narrow, 'W' is wide, digits are tabular.
        let (i, w) = (f.advance('i').unwrap(), f.advance('W').unwrap());
        assert!(w > 3 * i, "i={i} W={w}");
        assert_eq!(f.advance('1'), f.advance('8'));
        assert_eq!(
            f.measure("ab").unwrap(),
            f.advance('a').unwrap() + f.advance('b').unwrap()
        );
        // A whole line of glyphs fits within 1.2 x the font size.
        assert!(f.ascent_em() + f.descent_em() <= 1.2);
        assert!(f.ascent_em() > 0.7 && f.descent_em() > 0.1);
    }

    #[test]
    fn dense_table_agrees_with_the_cmap() {
        let f = label_font().unwrap();
        for cp in (0x20..DENSE_LIMIT).step_by(7) {
            assert_eq!(
                f.dense[cp as usize] == MISSING,
                f.lookup(cp).is_none(),
                "{cp:#x}"
            );
        }
        // Outside the table the cmap is used directly.
        assert!(f.advance('€').is_some());
    }
}
