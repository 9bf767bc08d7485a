//! A4 label sheets: the grid of labels on one sheet, in decimal millimetres.
//!
//! The eight sheets the association uses are built in ([`builtin`], [`find`]); a custom sheet
//! is checked with [`LabelSheet::validate`] before it is stored or printed. Makers' figures
//! differ by up to 1.5 mm between sources and printers shift by 1-2 mm, so the numbers are kept
//! exact (never rounded to whole millimetres) and a per-printer offset is applied at layout time.

use crate::error::{FieldError, Reason};
use serde::{Deserialize, Serialize};

/// Width of an A4 page in millimetres.
pub const A4_W_MM: f64 = 210.0;
/// Height of an A4 page in millimetres.
pub const A4_H_MM: f64 = 297.0;
/// The smallest label side accepted for a custom sheet: room for the safe margins, a 5 mm
/// calibration shift at the page edge and at least one line of 7 pt text.
pub const MIN_LABEL_MM: f64 = 10.0;
/// Tolerance for comparing millimetre figures (a thousandth of a millimetre).
const EPS_MM: f64 = 1e-3;

/// One kind of label sheet: a grid of equal labels on a page. All lengths are millimetres,
/// measured from the page's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelSheet {
    /// Stable id, lower case (`avery-l7160`); the key custom sheets are stored under.
    pub id: String,
    /// Name shown to the user (`Avery L7160 / J8160`).
    pub name: String,
    /// Labels across.
    pub columns: u32,
    /// Labels down.
    pub rows: u32,
    /// Width of one label.
    pub label_w_mm: f64,
    /// Height of one label.
    pub label_h_mm: f64,
    /// Distance from the page's left edge to the first column's left edge.
    pub left_mm: f64,
    /// Distance from the page's top edge to the first row's top edge.
    pub top_mm: f64,
    /// Distance from one column's left edge to the next column's left edge.
    pub pitch_x_mm: f64,
    /// Distance from one row's top edge to the next row's top edge.
    pub pitch_y_mm: f64,
    /// Page width (210 for A4).
    pub page_w_mm: f64,
    /// Page height (297 for A4).
    pub page_h_mm: f64,
}

impl LabelSheet {
    /// Number of labels on one sheet.
    pub fn cells(&self) -> u32 {
        self.columns.saturating_mul(self.rows)
    }

    /// Checks a (custom) sheet: positive sizes, a pitch at least the label size, and the whole
    /// grid on the page. Every problem is reported, each under its field's name.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.check_text(&mut errors);
        self.check_counts(&mut errors);
        self.check_sizes(&mut errors);
        if errors.is_empty() {
            self.check_pitch(&mut errors);
            self.check_on_page(&mut errors);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn check_text(&self, errors: &mut Vec<FieldError>) {
        let id_ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if self.id.trim().is_empty() {
            errors.push(FieldError::new("id", Reason::Required));
        } else if !self.id.chars().all(id_ok) {
            errors.push(FieldError::new("id", Reason::BadId));
        }
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", Reason::Required));
        }
        errors.extend(crate::common::plain_text("name", self.name.trim(), false).err());
    }

    fn check_counts(&self, errors: &mut Vec<FieldError>) {
        for (field, value) in [("columns", self.columns), ("rows", self.rows)] {
            if value == 0 {
                errors.push(FieldError::new(field, Reason::BadNumber));
            }
        }
    }

    fn check_sizes(&self, errors: &mut Vec<FieldError>) {
        let minimums = [
            ("label_w_mm", self.label_w_mm, MIN_LABEL_MM),
            ("label_h_mm", self.label_h_mm, MIN_LABEL_MM),
            ("page_w_mm", self.page_w_mm, MIN_LABEL_MM),
            ("page_h_mm", self.page_h_mm, MIN_LABEL_MM),
            ("pitch_x_mm", self.pitch_x_mm, f64::MIN_POSITIVE),
            ("pitch_y_mm", self.pitch_y_mm, f64::MIN_POSITIVE),
            ("left_mm", self.left_mm, 0.0),
            ("top_mm", self.top_mm, 0.0),
        ];
        for (field, value, min) in minimums {
            if !value.is_finite() {
                errors.push(FieldError::new(field, Reason::NotANumber));
            } else if value < min {
                let reason = if min > 0.0 && min < 1.0 {
                    Reason::MmAtLeast(0)
                } else {
                    Reason::MmAtLeast((min * 100.0).round() as i64)
                };
                errors.push(FieldError::new(field, reason));
            }
        }
    }

    fn check_pitch(&self, errors: &mut Vec<FieldError>) {
        let pairs = [
            ("pitch_x_mm", self.pitch_x_mm, self.label_w_mm),
            ("pitch_y_mm", self.pitch_y_mm, self.label_h_mm),
        ];
        for (field, pitch, size) in pairs {
            if pitch + EPS_MM < size {
                errors.push(FieldError::new(field, Reason::Overlaps));
            }
        }
    }

    fn check_on_page(&self, errors: &mut Vec<FieldError>) {
        let right = self.grid_extent(self.left_mm, self.columns, self.pitch_x_mm, self.label_w_mm);
        if right > self.page_w_mm + EPS_MM {
            errors.push(FieldError::new("columns", Reason::OffPage));
        }
        let bottom = self.grid_extent(self.top_mm, self.rows, self.pitch_y_mm, self.label_h_mm);
        if bottom > self.page_h_mm + EPS_MM {
            errors.push(FieldError::new("rows", Reason::OffPage));
        }
    }

    /// Where the last label in a direction ends: start + (n - 1) x pitch + size.
    fn grid_extent(&self, start: f64, n: u32, pitch: f64, size: f64) -> f64 {
        start + f64::from(n.saturating_sub(1)) * pitch + size
    }
}

/// The sheets every kapstok knows, in the order they are offered.
pub fn builtin() -> Vec<LabelSheet> {
    BUILTIN.iter().map(Spec::sheet).collect()
}

/// The built-in sheet with this id (case-insensitive; `avery-j8160` and `herma-10301` are
/// accepted as the other names of `avery-l7160` and `herma-4677`).
pub fn find(id: &str) -> Option<LabelSheet> {
    let id = id.trim().to_ascii_lowercase();
    let id = match id.as_str() {
        "avery-j8160" => "avery-l7160",
        "herma-10301" => "herma-4677",
        other => other,
    };
    BUILTIN.iter().find(|s| s.id == id).map(Spec::sheet)
}

/// A built-in sheet as a table row: id, name, columns, rows, w, h, left, top, pitch x, pitch y.
struct Spec {
    id: &'static str,
    name: &'static str,
    grid: (u32, u32),
    label: (f64, f64),
    origin: (f64, f64),
    pitch: (f64, f64),
}

impl Spec {
    fn sheet(&self) -> LabelSheet {
        LabelSheet {
            id: self.id.to_string(),
            name: self.name.to_string(),
            columns: self.grid.0,
            rows: self.grid.1,
            label_w_mm: self.label.0,
            label_h_mm: self.label.1,
            left_mm: self.origin.0,
            top_mm: self.origin.1,
            pitch_x_mm: self.pitch.0,
            pitch_y_mm: self.pitch.1,
            page_w_mm: A4_W_MM,
            page_h_mm: A4_H_MM,
        }
    }
}

/// The makers' figures (see FACTS.md, "A4 address label sheets").
const BUILTIN: [Spec; 8] = [
    Spec {
        id: "avery-l7160",
        name: "Avery L7160 / J8160",
        grid: (3, 7),
        label: (63.5, 38.1),
        origin: (7.2, 15.1),
        pitch: (66.0, 38.1),
    },
    Spec {
        id: "avery-l7161",
        name: "Avery L7161",
        grid: (3, 6),
        label: (63.5, 46.6),
        origin: (7.2, 8.8),
        pitch: (66.0, 46.6),
    },
    Spec {
        id: "avery-l7162",
        name: "Avery L7162",
        grid: (2, 8),
        label: (99.1, 33.9),
        origin: (4.7, 12.9),
        pitch: (101.6, 33.9),
    },
    Spec {
        id: "avery-l7163",
        name: "Avery L7163",
        grid: (2, 7),
        label: (99.1, 38.1),
        origin: (4.7, 15.1),
        pitch: (101.6, 38.1),
    },
    Spec {
        id: "avery-l7165",
        name: "Avery L7165",
        grid: (2, 4),
        label: (99.1, 67.7),
        origin: (4.7, 13.1),
        pitch: (101.6, 67.7),
    },
    Spec {
        id: "herma-4677",
        name: "Herma 4677 / 10301",
        grid: (3, 7),
        label: (63.5, 38.1),
        origin: (6.75, 15.5),
        pitch: (66.5, 38.1),
    },
    Spec {
        id: "zweckform-3475",
        name: "Zweckform 3475",
        grid: (3, 8),
        label: (70.0, 36.0),
        origin: (0.0, 4.5),
        pitch: (70.0, 36.0),
    },
    Spec {
        id: "zweckform-3474",
        name: "Zweckform 3474",
        grid: (3, 8),
        label: (70.0, 37.0),
        origin: (0.0, 0.0),
        pitch: (70.0, 37.0),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_builtin_sheets_all_valid_with_unique_ids() {
        let sheets = builtin();
        assert_eq!(sheets.len(), 8);
        for s in &sheets {
            assert_eq!(s.validate(), Ok(()), "{}", s.id);
        }
        let mut ids: Vec<&str> = sheets.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn figures_are_kept_exact() {
        let herma = find("herma-4677").unwrap();
        assert_eq!((herma.left_mm, herma.top_mm), (6.75, 15.5));
        assert_eq!(herma.pitch_x_mm, 66.5);
        assert_eq!(herma.cells(), 21);
        let l7162 = find("avery-l7162").unwrap();
        assert_eq!((l7162.columns, l7162.rows, l7162.label_w_mm), (2, 8, 99.1));
        assert_eq!(find("zweckform-3475").unwrap().cells(), 24);
    }

    #[test]
    fn find_knows_other_names_and_case() {
        assert_eq!(find("Avery-J8160").unwrap().id, "avery-l7160");
        assert_eq!(find(" herma-10301 ").unwrap().id, "herma-4677");
        assert_eq!(find("avery-l9999"), None);
    }

    #[test]
    fn custom_sheet_errors_name_the_fields() {
        let mut s = find("avery-l7160").unwrap();
        s.id = "Mijn Vel".into();
        s.name = " ".into();
        s.rows = 0;
        s.label_w_mm = -1.0;
        s.pitch_y_mm = f64::NAN;
        let fields: Vec<&str> = s.validate().unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["id", "name", "rows", "label_w_mm", "pitch_y_mm"]);
    }

    #[test]
    fn overlapping_pitch_and_grid_off_the_page_are_refused() {
        let mut s = find("avery-l7160").unwrap();
        s.pitch_x_mm = 60.0;
        let errors = s.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "pitch_x_mm");

        let mut s = find("avery-l7160").unwrap();
        s.rows = 8; // 15.1 + 7 x 38.1 + 38.1 = 319.9 mm > 297 mm
        let errors = s.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "rows");
        assert_eq!(errors[0].reason, Reason::OffPage);

        let mut s = find("zweckform-3474").unwrap();
        s.left_mm = 0.5; // 0.5 + 2 x 70 + 70 = 210.5 mm > 210 mm
        assert_eq!(s.validate().unwrap_err()[0].field, "columns");
    }

    #[test]
    fn sheet_round_trips_through_json() {
        let s = find("herma-4677").unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"left_mm\":6.75"), "{json}");
        let back: LabelSheet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }
}
