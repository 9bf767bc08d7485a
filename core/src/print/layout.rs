//! The layout model: which label goes in which cell of which page, at which font size, with
//! every line's position. Pure arithmetic in millimetres, measured from the page's top-left
//! corner with y growing downwards; [`super::pdf`] only draws what this module decided.
//!
//! Rules:
//! - labels fill the sheet in reading order (left to right, top to bottom), starting at a given
//!   1-based position on the first, partly used sheet and at position 1 on every later sheet;
//! - a per-printer [`Calibration`] shifts every cell; text stays inside the shifted cell minus
//!   the [`SAFE_MARGIN_MM`] and on the page (a cell pushed partly off the page keeps only what is
//!   on it);
//! - text is measured with the embedded font and printed at the largest size from 11 pt down to
//!   7 pt (0.5 pt steps, line height 1.2 x size) at which every line fits; the block is centred
//!   vertically and left-aligned;
//! - a label that does not fit at 7 pt is reported as a [`FitProblem`] before anything is
//!   printed. Text is never clipped.

use super::font::{label_font, FontUnreadable, LabelFont};
use super::sheets::LabelSheet;
use crate::error::{FieldError, Reason};
use serde::{Deserialize, Serialize};
use std::fmt;

/// White kept inside every label edge, in millimetres.
pub const SAFE_MARGIN_MM: f64 = 1.5;
/// The largest printer offset accepted, in millimetres (either direction, either axis).
pub const MAX_OFFSET_MM: f64 = 5.0;
/// The font size tried first.
pub const LARGEST_PT: f64 = 11.0;
/// The smallest font size allowed; what does not fit at this size is a [`FitProblem`].
pub const SMALLEST_PT: f64 = 7.0;
/// Font sizes are tried in steps of this many points.
pub const STEP_PT: f64 = 0.5;
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f64 = 1.2;
/// Millimetres per PostScript point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;
/// Half the length of each arm of the test print's centre cross, in millimetres.
pub const CROSS_ARM_MM: f64 = 2.0;

/// A per-printer shift of everything printed, in millimetres: positive x moves right, positive y
/// moves down. Each within ±[`MAX_OFFSET_MM`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Shift to the right (negative: to the left).
    pub offset_x_mm: f64,
    /// Shift downwards (negative: upwards).
    pub offset_y_mm: f64,
}

impl Calibration {
    /// Checks both offsets lie within ±5 mm.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let errors: Vec<FieldError> = [
            ("offset_x_mm", self.offset_x_mm),
            ("offset_y_mm", self.offset_y_mm),
        ]
        .into_iter()
        .filter(|(_, v)| !(v.is_finite() && v.abs() <= MAX_OFFSET_MM))
        .map(|(field, _)| {
            let max = (MAX_OFFSET_MM * 100.0).round() as i64;
            FieldError::new(field, Reason::MmRange(-max, max))
        })
        .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A rectangle in millimetres from the page's top-left corner (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RectMm {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl RectMm {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The centre point (x, y).
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// The rectangle shrunk by `m` on every side (never below zero size).
    pub fn inset(&self, m: f64) -> RectMm {
        RectMm {
            x: self.x + m,
            y: self.y + m,
            w: (self.w - 2.0 * m).max(0.0),
            h: (self.h - 2.0 * m).max(0.0),
        }
    }

    /// The overlap of two rectangles (zero size, not negative, when they do not overlap).
    pub fn intersect(&self, other: &RectMm) -> RectMm {
        let x = self.x.max(other.x);
        let y = self.y.max(other.y);
        RectMm {
            x,
            y,
            w: (self.right().min(other.right()) - x).max(0.0),
            h: (self.bottom().min(other.bottom()) - y).max(0.0),
        }
    }

    /// True when `inner` lies inside this rectangle, allowing `eps` of rounding.
    pub fn contains(&self, inner: &RectMm, eps: f64) -> bool {
        inner.x >= self.x - eps
            && inner.y >= self.y - eps
            && inner.right() <= self.right() + eps
            && inner.bottom() <= self.bottom() + eps
    }
}

/// A cell of the sheet's grid, 0-based: column 0 is the left column, row 0 the top row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cell {
    /// Column, from 0 at the left.
    pub col: u32,
    /// Row, from 0 at the top.
    pub row: u32,
}

impl Cell {
    /// The cell's 1-based position in reading order on a sheet (what the user types as start).
    pub fn position(&self, sheet: &LabelSheet) -> u32 {
        self.row * sheet.columns + self.col + 1
    }

    /// The cell at a 0-based reading-order index on a sheet.
    fn at(index: u32, sheet: &LabelSheet) -> Cell {
        Cell {
            col: index % sheet.columns,
            row: index / sheet.columns,
        }
    }
}

/// One line of text on a label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedLine {
    /// The text, as given.
    pub text: String,
    /// Left edge of the text.
    pub x_mm: f64,
    /// The baseline, from the top of the page.
    pub baseline_mm: f64,
    /// The text's advance width at the label's font size.
    pub width_mm: f64,
}

/// One label placed on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedLabel {
    /// Index of the label in the input list.
    pub index: usize,
    /// The cell it is printed in.
    pub cell: Cell,
    /// The cell, after the calibration offset (may reach off the page).
    pub cell_rect_mm: RectMm,
    /// Where text may go: the part of the cell on the page, minus the safe margin.
    pub safe_box_mm: RectMm,
    /// The text block itself: left edge at the margin, as wide as the widest line, as high as
    /// its lines, centred vertically in the safe box.
    pub text_box_mm: RectMm,
    /// The font size every line is printed at.
    pub font_size_pt: f64,
    /// The lines, top to bottom.
    pub lines: Vec<PlacedLine>,
}

/// A cell outline with a cross at its centre, for the calibration test print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellOutline {
    /// The cell.
    pub cell: Cell,
    /// The cell after the calibration offset.
    pub rect_mm: RectMm,
    /// Its centre (x, y), where the cross is drawn.
    pub centre_mm: (f64, f64),
}

/// One printed page (one sheet).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The labels on it, in reading order.
    pub labels: Vec<PlacedLabel>,
    /// Cell outlines (only on a test print).
    pub outlines: Vec<CellOutline>,
}

/// A whole print job, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelLayout {
    /// The sheet's id.
    pub sheet_id: String,
    /// Page width.
    pub page_w_mm: f64,
    /// Page height.
    pub page_h_mm: f64,
    /// The pages, in print order.
    pub pages: Vec<Page>,
}

impl LabelLayout {
    /// Number of labels placed.
    pub fn label_count(&self) -> usize {
        self.pages.iter().map(|p| p.labels.len()).sum()
    }

    /// The page as a rectangle.
    pub fn page_rect(&self) -> RectMm {
        RectMm {
            x: 0.0,
            y: 0.0,
            w: self.page_w_mm,
            h: self.page_h_mm,
        }
    }
}

/// Why a label cannot be printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitReason {
    /// This line (0-based) is wider than the label at 7 pt.
    TooWide {
        /// The line's index in the label.
        line: usize,
    },
    /// The lines do not fit under each other at 7 pt.
    TooManyLines,
    /// The font has no glyph for a character in this line (a tab, an emoji...): it would print
    /// as an empty box.
    MissingGlyph {
        /// The line's index in the label.
        line: usize,
        /// The character.
        ch: char,
    },
    /// The label has no lines.
    Empty,
}

/// A label that cannot be printed, and why. One label may have several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FitProblem {
    /// Index of the label in the input list.
    pub index: usize,
    /// What is wrong.
    pub reason: FitReason,
}

impl fmt::Display for FitProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.index + 1;
        match &self.reason {
            FitReason::TooWide { line } => write!(f, "label {n}: line {} too wide", line + 1),
            FitReason::TooManyLines => write!(f, "label {n}: too many lines"),
            FitReason::MissingGlyph { line, ch } => {
                write!(f, "label {n}: line {}: cannot print {ch:?}", line + 1)
            }
            FitReason::Empty => write!(f, "label {n}: no text"),
        }
    }
}

/// Why a print job cannot be laid out or rendered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrintError {
    /// The sheet, calibration or start position is invalid; every refused field is listed.
    #[error("invalid print settings: {}", join(.0))]
    Invalid(Vec<FieldError>),
    /// Some labels do not fit; nothing was laid out. Every problem is listed.
    #[error("{} label problem(s): {}", .0.len(), join(.0))]
    Unfit(Vec<FitProblem>),
    /// The embedded font cannot be read (a broken build).
    #[error(transparent)]
    Font(#[from] FontUnreadable),
    /// The PDF library reported an error while writing (for the developer).
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    let parts: Vec<String> = items.iter().map(|i| i.to_string()).collect();
    parts.join("; ")
}

impl From<PrintError> for crate::error::Error {
    /// For callers that only pass errors on: fit problems become one `labels` field error each
    /// (match on [`PrintError::Unfit`] first to show them per label).
    fn from(e: PrintError) -> Self {
        match e {
            PrintError::Invalid(errors) => crate::error::Error::Invalid(errors),
            PrintError::Unfit(problems) => crate::error::Error::Invalid(
                problems
                    .iter()
                    .map(|p| FieldError::new("labels", Reason::Other(p.to_string())))
                    .collect(),
            ),
            PrintError::Font(f) => crate::error::Error::Io {
                path: super::font::FONT_NAME.into(),
                detail: f.to_string(),
            },
            PrintError::Pdf(detail) => crate::error::Error::Io {
                path: "PDF".into(),
                detail,
            },
        }
    }
}

/// Lays out `labels` (each a list of address lines, already composed) on `sheet`, shifted by
/// `calibration`, from the 1-based cell `start` on the first sheet. Every label is measured
/// first: if any does not fit, all problems are returned and nothing is laid out.
pub fn layout(
    sheet: &LabelSheet,
    calibration: Calibration,
    start: u32,
    labels: &[Vec<String>],
) -> Result<LabelLayout, PrintError> {
    check_settings(sheet, calibration, Some(start))?;
    let font = label_font()?;
    let first = (start - 1) as usize;
    let cells = sheet.cells() as usize;
    let mut problems = Vec::new();
    let mut out = empty_layout(sheet);
    for (index, lines) in labels.iter().enumerate() {
        let slot = first + index;
        let cell = Cell::at((slot % cells) as u32, sheet);
        match place(font, sheet, calibration, cell, index, lines) {
            Ok(label) => push_label(&mut out, slot / cells, label),
            Err(reasons) => problems.extend(
                reasons
                    .into_iter()
                    .map(|reason| FitProblem { index, reason }),
            ),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(PrintError::Unfit(problems))
    }
}

/// A one-page calibration print for plain paper: every cell's outline (after the calibration
/// offset) with a small cross at its centre. Held against a label sheet to the light, it shows
/// how far the printer is off.
pub fn test_print(sheet: &LabelSheet, calibration: Calibration) -> Result<LabelLayout, PrintError> {
    check_settings(sheet, calibration, None)?;
    let outlines = (0..sheet.cells())
        .map(|i| {
            let cell = Cell::at(i, sheet);
            let rect_mm = cell_rect(sheet, calibration, cell);
            CellOutline {
                cell,
                rect_mm,
                centre_mm: rect_mm.centre(),
            }
        })
        .collect();
    let mut out = empty_layout(sheet);
    out.pages.push(Page {
        labels: Vec::new(),
        outlines,
    });
    Ok(out)
}

/// The 1-based start position must lie on the sheet; the sheet and calibration must be valid.
fn check_settings(
    sheet: &LabelSheet,
    calibration: Calibration,
    start: Option<u32>,
) -> Result<(), PrintError> {
    let mut errors = sheet.validate().err().unwrap_or_default();
    errors.extend(calibration.validate().err().unwrap_or_default());
    if let Some(start) = start {
        if start == 0 || start > sheet.cells() {
            errors.push(FieldError::new(
                "start",
                Reason::OutOfRange(1, u64::from(sheet.cells())),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PrintError::Invalid(errors))
    }
}

fn empty_layout(sheet: &LabelSheet) -> LabelLayout {
    LabelLayout {
        sheet_id: sheet.id.clone(),
        page_w_mm: sheet.page_w_mm,
        page_h_mm: sheet.page_h_mm,
        pages: Vec::new(),
    }
}

fn push_label(out: &mut LabelLayout, page: usize, label: PlacedLabel) {
    while out.pages.len() <= page {
        out.pages.push(Page::default());
    }
    if let Some(p) = out.pages.get_mut(page) {
        p.labels.push(label);
    }
}

/// The cell's rectangle after the calibration offset.
pub fn cell_rect(sheet: &LabelSheet, calibration: Calibration, cell: Cell) -> RectMm {
    RectMm {
        x: sheet.left_mm + f64::from(cell.col) * sheet.pitch_x_mm + calibration.offset_x_mm,
        y: sheet.top_mm + f64::from(cell.row) * sheet.pitch_y_mm + calibration.offset_y_mm,
        w: sheet.label_w_mm,
        h: sheet.label_h_mm,
    }
}

/// Where text may go in a (shifted) cell: its part on the page, minus the safe margin.
pub fn safe_box(sheet: &LabelSheet, cell: &RectMm) -> RectMm {
    let page = RectMm {
        x: 0.0,
        y: 0.0,
        w: sheet.page_w_mm,
        h: sheet.page_h_mm,
    };
    cell.intersect(&page).inset(SAFE_MARGIN_MM)
}

/// Places one label in its cell, or says why it cannot be printed.
fn place(
    font: &LabelFont,
    sheet: &LabelSheet,
    calibration: Calibration,
    cell: Cell,
    index: usize,
    lines: &[String],
) -> Result<PlacedLabel, Vec<FitReason>> {
    let cell_rect_mm = cell_rect(sheet, calibration, cell);
    let safe_box_mm = safe_box(sheet, &cell_rect_mm);
    let widths = measure_lines(font, lines)?;
    let size = fit_size(font, &widths, &safe_box_mm)
        .ok_or_else(|| fit_reasons(font, &widths, &safe_box_mm))?;
    let (text_box_mm, lines) = set_lines(font, lines, &widths, &safe_box_mm, size);
    Ok(PlacedLabel {
        index,
        cell,
        cell_rect_mm,
        safe_box_mm,
        text_box_mm,
        font_size_pt: size,
        lines,
    })
}

/// Each line's width in font units; the characters the font cannot print are problems.
fn measure_lines(font: &LabelFont, lines: &[String]) -> Result<Vec<u32>, Vec<FitReason>> {
    if lines.is_empty() {
        return Err(vec![FitReason::Empty]);
    }
    let mut missing = Vec::new();
    let widths = lines
        .iter()
        .enumerate()
        .map(|(line, text)| {
            font.measure(text).unwrap_or_else(|ch| {
                missing.push(FitReason::MissingGlyph { line, ch });
                0
            })
        })
        .collect();
    if missing.is_empty() {
        Ok(widths)
    } else {
        Err(missing)
    }
}

/// The font sizes to try, largest first: 11, 10.5, ... 7.
fn sizes() -> impl Iterator<Item = f64> {
    let steps = ((LARGEST_PT - SMALLEST_PT) / STEP_PT).round() as u32;
    (0..=steps).map(|k| LARGEST_PT - f64::from(k) * STEP_PT)
}

/// Height in millimetres of `n` lines at `size` points.
fn block_height(n: usize, size: f64) -> f64 {
    n as f64 * LINE_HEIGHT * size * MM_PER_PT
}

/// The largest size at which all lines fit the box.
fn fit_size(font: &LabelFont, widths: &[u32], area: &RectMm) -> Option<f64> {
    let widest = widths.iter().copied().max().unwrap_or(0);
    sizes().find(|&size| {
        block_height(widths.len(), size) <= area.h && font.units_to_mm(widest, size) <= area.w
    })
}

/// Why the lines do not fit even at the smallest size.
fn fit_reasons(font: &LabelFont, widths: &[u32], area: &RectMm) -> Vec<FitReason> {
    let mut reasons: Vec<FitReason> = widths
        .iter()
        .enumerate()
        .filter(|(_, &w)| font.units_to_mm(w, SMALLEST_PT) > area.w)
        .map(|(line, _)| FitReason::TooWide { line })
        .collect();
    if block_height(widths.len(), SMALLEST_PT) > area.h {
        reasons.push(FitReason::TooManyLines);
    }
    reasons
}

/// Positions the lines: left-aligned at the safe box's left edge, the block centred vertically,
/// each line's glyphs (ascent + descent) centred in its 1.2 x size slot.
fn set_lines(
    font: &LabelFont,
    lines: &[String],
    widths: &[u32],
    area: &RectMm,
    size: f64,
) -> (RectMm, Vec<PlacedLine>) {
    let size_mm = size * MM_PER_PT;
    let line_h = LINE_HEIGHT * size_mm;
    let block_h = block_height(lines.len(), size);
    let top = area.y + (area.h - block_h) / 2.0;
    let ink = (font.ascent_em() + font.descent_em()) * size_mm;
    let first_baseline = top + (line_h - ink) / 2.0 + font.ascent_em() * size_mm;
    let placed: Vec<PlacedLine> = lines
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (text, &w))| PlacedLine {
            text: text.clone(),
            x_mm: area.x,
            baseline_mm: first_baseline + i as f64 * line_h,
            width_mm: font.units_to_mm(w, size),
        })
        .collect();
    let widest = placed.iter().map(|l| l.width_mm).fold(0.0, f64::max);
    let text_box = RectMm {
        x: area.x,
        y: top,
        w: widest,
        h: block_h,
    };
    (text_box, placed)
}

#[cfg(test)]
mod tests {
    use super::super::sheets::{builtin, find};
    use super::*;
    use proptest::prelude::*;

    const EPS: f64 = 1e-9;

    fn address(name: &str) -> Vec<String> {
        [
            name,
            "Reg.nr. 1234567",
            "Afdeling B, cel 12",
            "Postbus 2170",
            "8203 AD  LELYSTAD",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    fn l7160() -> LabelSheet {
        find("avery-l7160").unwrap()
    }

    #[test]
    fn sizes_run_from_11_to_7_in_half_points() {
        let all: Vec<f64> = sizes().collect();
        assert_eq!(all.len(), 9);
        assert_eq!((all[0], all[1], all[8]), (11.0, 10.5, 7.0));
    }

    #[test]
    fn a_normal_address_prints_at_11_pt_centred_and_left_aligned() {
        let sheet = find("avery-l7163").unwrap();
        let out = layout(
            &sheet,
            Calibration::default(),
            1,
            &[address("Jan van der Poel")],
        )
        .unwrap();
        let label = &out.pages[0].labels[0];
        assert_eq!(label.font_size_pt, 11.0);
        assert_eq!(label.cell, Cell { col: 0, row: 0 });
        let safe = label.safe_box_mm;
        assert!((safe.x - (4.7 + 1.5)).abs() < EPS && (safe.y - (15.1 + 1.5)).abs() < EPS);
        let t = label.text_box_mm;
        assert_eq!(t.x, safe.x);
        assert!(
            ((t.y - safe.y) - (safe.bottom() - t.bottom())).abs() < 1e-9,
            "centred"
        );
        assert!(label.lines.iter().all(|l| l.x_mm == safe.x));
        let gaps: Vec<f64> = label
            .lines
            .windows(2)
            .map(|w| w[1].baseline_mm - w[0].baseline_mm)
            .collect();
        assert!(gaps
            .iter()
            .all(|g| (g - 1.2 * 11.0 * MM_PER_PT).abs() < EPS));
    }

    #[test]
    fn a_long_line_gets_a_smaller_font() {
        let sheet = l7160();
        let mut long = address("Jan");
        long[0] = "Mevrouw Ŀudmiła Wśćiekła-Szczebrzeszyńska".into();
        let out = layout(&sheet, Calibration::default(), 1, &[address("Jan"), long]).unwrap();
        let labels = &out.pages[0].labels;
        assert_eq!(labels[0].font_size_pt, 11.0);
        let small = &labels[1];
        assert!(
            small.font_size_pt < 11.0 && small.font_size_pt >= 7.0,
            "{}",
            small.font_size_pt
        );
        // The largest size that fits: half a point larger would not.
        let font = label_font().unwrap();
        let w = font.measure(&small.lines[0].text).unwrap();
        assert!(font.units_to_mm(w, small.font_size_pt + 0.5) > small.safe_box_mm.w);
        assert!(small.text_box_mm.w <= small.safe_box_mm.w);
    }

    #[test]
    fn too_wide_and_too_many_lines_are_reported_not_clipped() {
        let sheet = l7160();
        let mut wide = address("Jan");
        wide[2] = "Afdeling Zeer Langdurig Verblijf, Paviljoen De Nieuwe Hoop".into();
        let tall: Vec<String> = (1..=12).map(|i| format!("regel {i}")).collect();
        let labels = vec![address("Ok"), wide, tall, vec![], vec!["Zoë漢".into()]];
        let Err(PrintError::Unfit(problems)) = layout(&sheet, Calibration::default(), 1, &labels)
        else {
            panic!("expected fit problems");
        };
        assert_eq!(
            problems,
            vec![
                FitProblem {
                    index: 1,
                    reason: FitReason::TooWide { line: 2 }
                },
                FitProblem {
                    index: 2,
                    reason: FitReason::TooManyLines
                },
                FitProblem {
                    index: 3,
                    reason: FitReason::Empty
                },
                FitProblem {
                    index: 4,
                    reason: FitReason::MissingGlyph { line: 0, ch: '漢' }
                },
            ]
        );
        let e: crate::error::Error = PrintError::Unfit(problems).into();
        assert!(e.to_string().contains("label 2: line 3 too wide"), "{e}");
    }

    #[test]
    fn eight_lines_fit_a_l7160_at_a_smaller_size() {
        // 38.1 - 3 = 35.1 mm: 8 lines x 1.2 x 10 pt = 33.9 mm fit, at 10.5 pt (35.6 mm) they do not.
        let lines: Vec<String> = (1..=8).map(|i| format!("regel {i}")).collect();
        let out = layout(&l7160(), Calibration::default(), 1, &[lines]).unwrap();
        assert_eq!(out.pages[0].labels[0].font_size_pt, 10.0);
    }

    #[test]
    fn invalid_settings_name_their_fields() {
        let cal = Calibration {
            offset_x_mm: 5.5,
            offset_y_mm: f64::NAN,
        };
        let Err(PrintError::Invalid(errors)) = layout(&l7160(), cal, 22, &[address("A")]) else {
            panic!("expected invalid settings");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["offset_x_mm", "offset_y_mm", "start"]);
        assert!(layout(&l7160(), Calibration::default(), 0, &[]).is_err());
        let edge = Calibration {
            offset_x_mm: -5.0,
            offset_y_mm: 5.0,
        };
        assert!(layout(&l7160(), edge, 21, &[]).is_ok());
    }

    #[test]
    fn calibration_pushing_a_cell_off_the_page_shrinks_the_safe_box() {
        let sheet = find("zweckform-3474").unwrap(); // left 0, top 0
        let cal = Calibration {
            offset_x_mm: -4.0,
            offset_y_mm: -3.0,
        };
        let out = layout(&sheet, cal, 1, &[address("A")]).unwrap();
        let label = &out.pages[0].labels[0];
        assert_eq!(label.cell_rect_mm.x, -4.0);
        let safe = label.safe_box_mm;
        assert!((safe.x - 1.5).abs() < EPS && (safe.y - 1.5).abs() < EPS);
        assert!((safe.w - (70.0 - 4.0 - 3.0)).abs() < EPS, "{safe:?}");
        assert!((safe.h - (37.0 - 3.0 - 3.0)).abs() < EPS, "{safe:?}");
    }

    #[test]
    fn test_print_has_one_outline_per_cell() {
        for sheet in builtin() {
            let cal = Calibration {
                offset_x_mm: 1.0,
                offset_y_mm: -0.5,
            };
            let out = test_print(&sheet, cal).unwrap();
            assert_eq!(out.pages.len(), 1);
            let outlines = &out.pages[0].outlines;
            assert_eq!(outlines.len() as u32, sheet.cells(), "{}", sheet.id);
            let mut cells: Vec<Cell> = outlines.iter().map(|o| o.cell).collect();
            cells.sort();
            cells.dedup();
            assert_eq!(cells.len(), outlines.len());
            let first = &outlines[0];
            assert!((first.rect_mm.x - (sheet.left_mm + 1.0)).abs() < EPS);
            assert!(
                (first.centre_mm.1 - (sheet.top_mm - 0.5 + sheet.label_h_mm / 2.0)).abs() < EPS
            );
        }
    }

    fn any_sheet() -> impl Strategy<Value = LabelSheet> {
        (0..builtin().len()).prop_map(|i| builtin()[i].clone())
    }

    fn any_calibration() -> impl Strategy<Value = Calibration> {
        (
            -MAX_OFFSET_MM..=MAX_OFFSET_MM,
            -MAX_OFFSET_MM..=MAX_OFFSET_MM,
        )
            .prop_map(|(offset_x_mm, offset_y_mm)| Calibration {
                offset_x_mm,
                offset_y_mm,
            })
    }

    fn any_label() -> impl Strategy<Value = Vec<String>> {
        let line = prop::sample::select(vec![
            "Łukasz Wiśniewski",
            "Şükrü Ğüneş",
            "Zoë Citroën",
            "Reg.nr. 9876543",
            "Afd. C3, cel 214",
            "Postbus 7518",
            "1118 ZG  LUCHTHAVEN SCHIPHOL",
            "NEDERLAND",
            "W",
            "",
        ]);
        prop::collection::vec(line.prop_map(String::from), 1..=6)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn labels_stay_inside_their_cells_in_reading_order(
            sheet in any_sheet(),
            cal in any_calibration(),
            start_frac in 0.0f64..1.0,
            labels in prop::collection::vec(any_label(), 0..60),
        ) {
            let cells = sheet.cells();
            let start = 1 + ((start_frac * f64::from(cells)) as u32).min(cells - 1);
            let out = layout(&sheet, cal, start, &labels).unwrap();
            prop_assert_eq!(out.label_count(), labels.len());
            let page = out.page_rect();
            let mut slot = start - 1;
            let mut next_index = 0;
            for (p, pg) in out.pages.iter().enumerate() {
                let mut seen = std::collections::HashSet::new();
                prop_assert!(!pg.labels.is_empty());
                for label in &pg.labels {
                    // Reading order: input order, from the start cell, then cell 1 of fresh sheets.
                    prop_assert_eq!(label.index, next_index);
                    prop_assert_eq!(p as u32, slot / cells);
                    prop_assert_eq!(label.cell.position(&sheet), slot % cells + 1);
                    prop_assert!(seen.insert(label.cell), "two labels on one cell");
                    let moved = cell_rect(&sheet, cal, label.cell);
                    prop_assert_eq!(label.cell_rect_mm, moved);
                    let allowed = moved.inset(SAFE_MARGIN_MM);
                    prop_assert!(allowed.contains(&label.text_box_mm, EPS), "{:?}", label);
                    prop_assert!(page.inset(SAFE_MARGIN_MM).contains(&label.text_box_mm, EPS));
                    prop_assert!(label.safe_box_mm.contains(&label.text_box_mm, EPS));
                    prop_assert!((SMALLEST_PT..=LARGEST_PT).contains(&label.font_size_pt));
                    check_lines(label)?;
                    slot += 1;
                    next_index += 1;
                }
            }
        }
    }

    /// Every line's glyphs (ascent to descent) and advance lie inside the text box.
    fn check_lines(label: &PlacedLabel) -> Result<(), TestCaseError> {
        let font = label_font().unwrap();
        let size_mm = label.font_size_pt * MM_PER_PT;
        let t = label.text_box_mm;
        for line in &label.lines {
            prop_assert!(line.x_mm >= t.x - EPS && line.x_mm + line.width_mm <= t.right() + EPS);
            prop_assert!(line.baseline_mm - font.ascent_em() * size_mm >= t.y - EPS);
            prop_assert!(line.baseline_mm + font.descent_em() * size_mm <= t.bottom() + EPS);
        }
        Ok(())
    }
}
