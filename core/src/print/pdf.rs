//! Renders a [`LabelLayout`] (labels or a calibration test print) to PDF bytes with printpdf.
//!
//! The drawing follows the layout exactly: one PDF page per page, each line of text placed at its
//! baseline with an absolute text matrix, in the embedded font (the whole TrueType file is
//! embedded, so every glyph used is present and text extraction gives the names back with their
//! diacritics). The PDF's origin is the bottom-left corner; the layout's y is flipped here.

use super::font::label_font;
use super::layout::{CellOutline, LabelLayout, Page, PrintError, CROSS_ARM_MM};
use printpdf::{
    FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};

/// PostScript points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;
/// Stroke width of the test print's outlines and crosses, in points.
const OUTLINE_PT: f32 = 0.3;

/// Renders the layout to a PDF document titled `title`.
pub fn render(layout: &LabelLayout, title: &str) -> Result<Vec<u8>, PrintError> {
    let font = label_font()?;
    let mut doc = PdfDocument::new(title);
    let font_id = doc.add_font(font.parsed());
    let pages: Vec<PdfPage> = layout
        .pages
        .iter()
        .map(|page| {
            let ops = page_ops(layout.page_h_mm, page, &font_id);
            PdfPage::new(
                Mm(layout.page_w_mm as f32),
                Mm(layout.page_h_mm as f32),
                ops,
            )
        })
        .collect();
    doc.with_pages(pages);
    save(doc)
}

/// Saves a document, turning printpdf's error-level warnings into an error.
pub(crate) fn save(doc: PdfDocument) -> Result<Vec<u8>, PrintError> {
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = doc.save(&opts, &mut warnings);
    let errors: Vec<String> = warnings
        .into_iter()
        .filter(|w| w.severity == PdfParseErrorSeverity::Error)
        .map(|w| w.msg)
        .collect();
    if errors.is_empty() {
        Ok(bytes)
    } else {
        Err(PrintError::Pdf(errors.join("; ")))
    }
}

/// The drawing operations of one page: outlines first, then all text in one text section.
fn page_ops(page_h_mm: f64, page: &Page, font_id: &FontId) -> Vec<Op> {
    let mut ops = Vec::new();
    if !page.outlines.is_empty() {
        ops.push(Op::SetOutlineThickness { pt: Pt(OUTLINE_PT) });
        for outline in &page.outlines {
            outline_ops(page_h_mm, outline, &mut ops);
        }
    }
    if !page.labels.is_empty() {
        ops.push(Op::StartTextSection);
        for label in &page.labels {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id.clone()),
                size: Pt(label.font_size_pt as f32),
            });
            for line in &label.lines {
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(line.x_mm), pt(page_h_mm - line.baseline_mm)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(line.text.clone())],
                });
            }
        }
        ops.push(Op::EndTextSection);
    }
    ops
}

/// A cell's outline and the cross at its centre.
fn outline_ops(page_h_mm: f64, outline: &CellOutline, ops: &mut Vec<Op>) {
    let r = outline.rect_mm;
    let mut rect = Rect::from_xywh(pt(r.x), pt(page_h_mm - r.bottom()), pt(r.w), pt(r.h));
    rect.mode = Some(PaintMode::Stroke);
    ops.push(Op::DrawRectangle { rectangle: rect });
    let (cx, cy) = outline.centre_mm;
    let y = page_h_mm - cy;
    ops.push(segment((cx - CROSS_ARM_MM, y), (cx + CROSS_ARM_MM, y)));
    ops.push(segment((cx, y - CROSS_ARM_MM), (cx, y + CROSS_ARM_MM)));
}

/// A straight stroked line between two points given in millimetres from the bottom left.
fn segment(from: (f64, f64), to: (f64, f64)) -> Op {
    let point = |(x, y): (f64, f64)| LinePoint {
        p: Point { x: pt(x), y: pt(y) },
        bezier: false,
    };
    Op::DrawLine {
        line: Line {
            points: vec![point(from), point(to)],
            is_closed: false,
        },
    }
}

fn pt(mm: f64) -> Pt {
    Pt((mm * PT_PER_MM) as f32)
}

#[cfg(test)]
mod tests {
    use super::super::layout::{layout, test_print, Calibration};
    use super::super::sheets::find;
    use super::*;
    use lopdf::Document;

    fn names() -> Vec<Vec<String>> {
        [
            "Łukasz Wiśniewski",
            "Şükrü Yılmaz",
            "Zoë van der Berg",
            "Ğ Öztürk",
        ]
        .iter()
        .map(|name| {
            vec![
                name.to_string(),
                "Reg.nr. 1234567".into(),
                "Postbus 2170".into(),
                "8203 AD  LELYSTAD".into(),
            ]
        })
        .collect()
    }

    #[test]
    fn the_pdf_read_back_holds_the_names_with_diacritics() {
        let sheet = find("avery-l7160").unwrap();
        let out = layout(&sheet, Calibration::default(), 20, &names()).unwrap();
        assert_eq!(out.pages.len(), 2);
        let bytes = render(&out, "BaseMail").unwrap();
        let doc = Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_pages().len(), 2);
        let text = doc.extract_text(&[1, 2]).unwrap();
        for name in [
            "Łukasz",
            "Wiśniewski",
            "Şükrü",
            "Yılmaz",
            "Zoë",
            "Ğ Öztürk",
            "8203 AD  LELYSTAD",
        ] {
            assert!(text.contains(name), "{name:?} not in {text:?}");
        }
        assert!(
            !text.contains('?') && !text.contains('\u{FFFD}'),
            "{text:?}"
        );
        // Page 1 holds the labels in cells 20 and 21, page 2 the rest.
        let first = doc.extract_text(&[1]).unwrap();
        assert!(
            first.contains("Şükrü") && !first.contains("Zoë"),
            "{first:?}"
        );
    }

    #[test]
    fn the_font_is_embedded_as_truetype() {
        let sheet = find("avery-l7163").unwrap();
        let out = layout(&sheet, Calibration::default(), 1, &names()).unwrap();
        let doc = Document::load_mem(&render(&out, "BaseMail").unwrap()).unwrap();
        let font_files: Vec<&lopdf::Dictionary> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.has(b"FontFile2"))
            .collect();
        assert_eq!(font_files.len(), 1);
        let name = font_files[0].get(b"FontName").unwrap().as_name().unwrap();
        assert_eq!(name, b"DejaVuSans");
    }

    #[test]
    fn the_test_print_draws_one_outline_and_one_cross_per_cell() {
        let sheet = find("avery-l7161").unwrap();
        let cal = Calibration {
            offset_x_mm: 1.5,
            offset_y_mm: -2.0,
        };
        let bytes = render(&test_print(&sheet, cal).unwrap(), "Test").unwrap();
        let doc = Document::load_mem(&bytes).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 1);
        let page_id = *pages.values().next().unwrap();
        let content = doc.get_and_decode_page_content(page_id).unwrap();
        let count = |op: &str| {
            content
                .operations
                .iter()
                .filter(|o| o.operator == op)
                .count()
        };
        assert_eq!(count("re"), 18);
        assert_eq!(count("m"), 2 * 18);
        // The first outline starts at the calibrated corner: x = 7.2 + 1.5 mm.
        let re = content
            .operations
            .iter()
            .find(|o| o.operator == "re")
            .unwrap();
        let x = re.operands[0].as_float().unwrap();
        assert!((f64::from(x) - 8.7 * PT_PER_MM).abs() < 0.01, "{x}");
    }

    #[test]
    fn an_empty_layout_still_renders() {
        let sheet = find("avery-l7160").unwrap();
        let out = layout(&sheet, Calibration::default(), 1, &[]).unwrap();
        assert!(out.pages.is_empty());
        assert!(render(&out, "Leeg").unwrap().starts_with(b"%PDF"));
    }
}
