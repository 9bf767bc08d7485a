//! Plain A4 documents (lists such as the card run sheet): text that flows down the page and
//! wraps at word boundaries by the embedded font's real widths, tick boxes, and rules; a new page
//! when the current one is full. Rendered to PDF with the same embedded font as the labels.

use super::font::{label_font, LabelFont};
use super::layout::{PrintError, LINE_HEIGHT, MM_PER_PT};
use super::sheets::{A4_H_MM, A4_W_MM};
use printpdf::{
    Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, Point, Pt, Rect,
    TextItem, TextMatrix,
};

/// Page margin on every side, in millimetres.
pub const MARGIN_MM: f64 = 15.0;
/// Side of a tick box, in millimetres.
pub const BOX_MM: f64 = 3.5;

/// One thing drawn on a page; positions in millimetres from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text with its baseline at `y`.
    Text {
        /// Left edge.
        x: f64,
        /// Baseline.
        y: f64,
        /// Size in points.
        size_pt: f64,
        /// The text.
        text: String,
    },
    /// An empty square to tick, top-left at (`x`, `y`).
    TickBox {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
    },
    /// A filled bar, top-left at (`x`, `y`).
    Bar {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
    },
    /// A line through points (x, y).
    Polyline {
        /// The points, left to right.
        points: Vec<(f64, f64)>,
    },
    /// A horizontal rule at `y`.
    Rule {
        /// Height.
        y: f64,
    },
}

/// Writes a document from top to bottom.
pub struct Writer {
    font: &'static LabelFont,
    pages: Vec<Vec<Item>>,
    y: f64,
}

impl Writer {
    /// A writer at the top of an empty first page.
    pub fn new() -> Result<Writer, PrintError> {
        Ok(Writer {
            font: label_font()?,
            pages: vec![Vec::new()],
            y: MARGIN_MM,
        })
    }

    fn width_mm(&self, text: &str, size_pt: f64) -> f64 {
        let units: u32 = text
            .chars()
            .map(|c| self.font.advance(c).unwrap_or(0))
            .sum();
        self.font.units_to_mm(units, size_pt)
    }

    fn line_mm(size_pt: f64) -> f64 {
        size_pt * MM_PER_PT * LINE_HEIGHT
    }

    /// Starts a new page when less than `needed` millimetres are left on this one.
    pub fn keep(&mut self, needed: f64) {
        if self.y + needed > A4_H_MM - MARGIN_MM && !self.current().is_empty() {
            self.pages.push(Vec::new());
            self.y = MARGIN_MM;
        }
    }

    fn current(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Text from `indent` mm past the margin, wrapped to the page width; characters the font
    /// lacks are replaced by `?` (documents are for reading, unlike labels).
    pub fn text(&mut self, indent: f64, size_pt: f64, text: &str) {
        let x = MARGIN_MM + indent;
        let width = A4_W_MM - MARGIN_MM - x;
        for line in self.wrap(text, size_pt, width) {
            let step = Self::line_mm(size_pt);
            self.keep(step);
            self.y += step;
            let y = self.y - step * 0.25;
            self.current().push(Item::Text {
                x,
                y,
                size_pt,
                text: line,
            });
        }
    }

    /// A row of tick boxes with their captions at `indent`, then text after them on the same line.
    pub fn boxes_then_text(&mut self, captions: &[&str], size_pt: f64, text: &str) {
        let step = Self::line_mm(size_pt).max(BOX_MM + 1.5);
        self.keep(step);
        self.y += step;
        let mut x = MARGIN_MM;
        let baseline = self.y - step * 0.25;
        for caption in captions {
            self.current().push(Item::TickBox {
                x,
                y: baseline - BOX_MM + 0.3,
            });
            x += BOX_MM + 1.0;
            let caption = caption.to_string();
            let w = self.width_mm(&caption, size_pt);
            self.current().push(Item::Text {
                x,
                y: baseline,
                size_pt,
                text: caption,
            });
            x += w + 4.0;
        }
        let width = A4_W_MM - MARGIN_MM - x;
        let first = self
            .wrap(text, size_pt, width)
            .into_iter()
            .next()
            .unwrap_or_default();
        self.current().push(Item::Text {
            x,
            y: baseline,
            size_pt,
            text: first,
        });
    }

    /// A bar chart across the text width: one bar per value with its label under it and the value
    /// above it, the tallest bar `height` millimetres high.
    pub fn bar_chart(&mut self, labels: &[String], values: &[u64], height: f64) {
        let label_pt = 7.0;
        let total = height + 2.0 * Self::line_mm(label_pt) + 2.0;
        self.keep(total);
        let top = self.y + Self::line_mm(label_pt) + 1.0;
        let base = top + height;
        let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
        let slot = (A4_W_MM - 2.0 * MARGIN_MM) / values.len().max(1) as f64;
        for (i, v) in values.iter().enumerate() {
            let x = MARGIN_MM + slot * i as f64;
            let h = height * *v as f64 / max;
            if *v > 0 {
                self.current().push(Item::Bar {
                    x: x + slot * 0.15,
                    y: base - h,
                    w: slot * 0.7,
                    h,
                });
            }
            let centre = |w: &Writer, text: &str| x + (slot - w.width_mm(text, label_pt)) / 2.0;
            let value = v.to_string();
            let vx = centre(self, &value);
            self.current().push(Item::Text {
                x: vx,
                y: base - h - 1.0,
                size_pt: label_pt,
                text: value,
            });
            if let Some(label) = labels.get(i) {
                let lx = centre(self, label);
                self.current().push(Item::Text {
                    x: lx,
                    y: base + Self::line_mm(label_pt),
                    size_pt: label_pt,
                    text: label.clone(),
                });
            }
        }
        self.y += total;
    }

    /// A sparkline across the text width, `height` millimetres high, with the lowest and highest
    /// value written at its end.
    pub fn sparkline(&mut self, values: &[u64], height: f64) {
        let size_pt = 7.0;
        self.keep(height + 2.0);
        let top = self.y + 1.0;
        let width = A4_W_MM - 2.0 * MARGIN_MM - 25.0;
        let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
        let step = width / (values.len().max(2) - 1) as f64;
        let points = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    MARGIN_MM + step * i as f64,
                    top + height - height * *v as f64 / max,
                )
            })
            .collect();
        self.current().push(Item::Polyline { points });
        let min = values.iter().copied().min().unwrap_or(0);
        self.current().push(Item::Text {
            x: MARGIN_MM + width + 3.0,
            y: top + height / 2.0 + 1.0,
            size_pt,
            text: format!("{min}–{}", max as u64),
        });
        self.y += height + 2.0;
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn page_break(&mut self) {
        if !self.current().is_empty() {
            self.pages.push(Vec::new());
            self.y = MARGIN_MM;
        }
    }

    /// Vertical space.
    pub fn space(&mut self, mm: f64) {
        self.y += mm;
    }

    /// A horizontal rule across the text width.
    pub fn rule(&mut self) {
        self.keep(2.0);
        self.y += 1.0;
        let y = self.y;
        self.current().push(Item::Rule { y });
        self.y += 1.0;
    }

    /// The lines of a text wrapped to `width`: each line of a multi-line text (a motion, notes)
    /// starts a new line, as written.
    fn wrap(&self, text: &str, size_pt: f64, width: f64) -> Vec<String> {
        let text = text.trim_end_matches(['\n', '\r']);
        text.split('\n')
            .flat_map(|line| self.wrap_line(line.trim_end_matches('\r'), size_pt, width))
            .collect()
    }

    fn wrap_line(&self, text: &str, size_pt: f64, width: f64) -> Vec<String> {
        let text: String = text
            .chars()
            .map(|c| {
                if c.is_whitespace() || self.font.advance(c).is_some() {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        let mut lines = Vec::new();
        let mut line = String::new();
        for (gap, word) in words(&text) {
            // The spaces between words stay as written: PostNL's `1234 AB  CITY` keeps its two.
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line}{gap}{word}")
            };
            if self.width_mm(&candidate, size_pt) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// The pages written.
    pub fn finish(self) -> Vec<Vec<Item>> {
        self.pages
    }
}

/// The words of a text, each with the spaces before it: a run of plain spaces as written, any
/// other whitespace (a tab, a line break) as one space.
fn words(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    let mut gap = "";
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push((gap, &rest[..end]));
        let after = &rest[end..];
        let next = after.trim_start();
        let spaces = &after[..after.len() - next.len()];
        gap = if spaces.chars().all(|c| c == ' ') {
            spaces
        } else {
            " "
        };
        rest = next;
    }
    out
}

/// Renders pages of items to a PDF titled `title`.
pub fn render(pages: &[Vec<Item>], title: &str) -> Result<Vec<u8>, PrintError> {
    let font = label_font()?;
    let mut doc = PdfDocument::new(title);
    let font_id = doc.add_font(font.parsed());
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|items| {
            let mut ops = vec![Op::SetOutlineThickness { pt: Pt(0.5) }];
            for item in items {
                match item {
                    Item::TickBox { x, y } => {
                        let mut rect = Rect::from_xywh(
                            pt(*x),
                            pt(A4_H_MM - y - BOX_MM),
                            pt(BOX_MM),
                            pt(BOX_MM),
                        );
                        rect.mode = Some(PaintMode::Stroke);
                        ops.push(Op::DrawRectangle { rectangle: rect });
                    }
                    Item::Rule { y } => {
                        let point = |x: f64| LinePoint {
                            p: Point {
                                x: pt(x),
                                y: pt(A4_H_MM - y),
                            },
                            bezier: false,
                        };
                        ops.push(Op::DrawLine {
                            line: Line {
                                points: vec![point(MARGIN_MM), point(A4_W_MM - MARGIN_MM)],
                                is_closed: false,
                            },
                        });
                    }
                    Item::Bar { x, y, w, h } => {
                        let mut rect = Rect::from_xywh(pt(*x), pt(A4_H_MM - y - h), pt(*w), pt(*h));
                        rect.mode = Some(PaintMode::Fill);
                        ops.push(Op::DrawRectangle { rectangle: rect });
                    }
                    Item::Polyline { points } if points.len() > 1 => {
                        ops.push(Op::DrawLine {
                            line: Line {
                                points: points
                                    .iter()
                                    .map(|(x, y)| LinePoint {
                                        p: Point {
                                            x: pt(*x),
                                            y: pt(A4_H_MM - y),
                                        },
                                        bezier: false,
                                    })
                                    .collect(),
                                is_closed: false,
                            },
                        });
                    }
                    Item::Polyline { .. } | Item::Text { .. } => {}
                }
            }
            ops.push(Op::StartTextSection);
            for item in items {
                if let Item::Text {
                    x,
                    y,
                    size_pt,
                    text,
                } = item
                {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id.clone()),
                        size: Pt(*size_pt as f32),
                    });
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(pt(*x), pt(A4_H_MM - y)),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                }
            }
            ops.push(Op::EndTextSection);
            PdfPage::new(Mm(A4_W_MM as f32), Mm(A4_H_MM as f32), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);
    super::pdf::save(doc)
}

fn pt(mm: f64) -> Pt {
    Pt((mm * 72.0 / 25.4) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts a writer put on its pages, in order.
    fn texts(w: Writer) -> Vec<String> {
        w.finish()
            .concat()
            .into_iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn each_line_of_a_multi_line_text_starts_a_line() {
        let mut w = Writer::new().unwrap();
        w.text(
            0.0,
            10.0,
            "De ALV besluit:\r\n1. de begroting\n\n2. de kascommissie\n",
        );
        let texts = texts(w);
        assert_eq!(
            texts,
            [
                "De ALV besluit:",
                "1. de begroting",
                "",
                "2. de kascommissie"
            ]
        );
    }

    #[test]
    fn text_keeps_the_spaces_between_words_and_wraps_at_them() {
        let mut w = Writer::new().unwrap();
        w.text(0.0, 10.0, "1015 CS  AMSTERDAM");
        w.text(0.0, 10.0, " Postbus 2170 ·  8203 AD  LELYSTAD\tend ");
        let long = "woord  ".repeat(60);
        w.text(0.0, 10.0, &long);
        let texts = texts(w);
        assert_eq!(texts[0], "1015 CS  AMSTERDAM");
        assert_eq!(texts[1], "Postbus 2170 ·  8203 AD  LELYSTAD end");
        assert!(texts.len() > 3, "the long text wraps");
        for line in &texts[2..] {
            assert!(
                line.starts_with("woord") && line.ends_with("woord"),
                "{line:?}"
            );
        }
        assert_eq!(texts[2..].join("  "), long.trim_end());
    }

    #[test]
    fn long_text_wraps_inside_the_margins_and_flows_onto_new_pages() {
        let mut w = Writer::new().unwrap();
        let long =
            "Alleen gewone kaarten; niets insluiten: geen stickers, foto's, postzegels of parfum. "
                .repeat(6);
        for _ in 0..40 {
            w.boxes_then_text(&["geschreven", "gepost"], 10.0, "Łukasz Wiśniewski");
            w.text(5.0, 9.0, &long);
            w.rule();
        }
        let font = label_font().unwrap();
        let pages = w.finish();
        assert!(pages.len() > 1);
        for items in &pages {
            for item in items {
                if let Item::Text {
                    x,
                    y,
                    size_pt,
                    text,
                } = item
                {
                    let width = font.units_to_mm(font.measure(text).unwrap(), *size_pt);
                    assert!(
                        *x >= MARGIN_MM && x + width <= A4_W_MM - MARGIN_MM + 0.01,
                        "{text}"
                    );
                    assert!(*y > MARGIN_MM && *y <= A4_H_MM - MARGIN_MM, "{y}");
                }
            }
        }
        let bytes = render(&pages, "Run").unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_pages().len(), pages.len());
        let text = doc.extract_text(&[1]).unwrap();
        assert!(text.contains("Łukasz"), "{text}");
    }
}
