//! Printing the week's labels: the sheet, the first free label on a partly used sheet (with a
//! picture of the first sheet: used, to print, free), the order; the PDF goes beside the store or
//! where the user says. Layout, fitting and the PDF are core's (`kapstok_core::print`).

use crate::i18n::{self, fill, Lang, Msg};
use crate::widgets::centered;
use crate::widgets::form::{Field, Form};
use kapstok_core::basemail::{rules, Card, Run};
use kapstok_core::error::{FieldError, Reason};
use kapstok_core::print::{layout, pdf, sheets, Calibration, FitProblem, FitReason, PrintError};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use std::path::{Path, PathBuf};

/// The print dialog: a form and the picture of the first sheet.
#[derive(Debug, Clone)]
pub struct PrintDialog {
    /// The choices.
    pub form: Form,
    labels: usize,
}

/// Why nothing was printed.
pub(super) enum Failure {
    /// Fields of the form were refused.
    Fields(Vec<FieldError>),
    /// Something else, said in words.
    Message(String),
}

/// Where the labels of a week go unless the user says otherwise: beside the store.
pub(super) fn default_path(out_dir: &Path, week: &str, lang: Lang) -> PathBuf {
    out_dir.join(format!("{}-{week}.pdf", Msg::LabelsFile.text(lang)))
}

impl PrintDialog {
    /// The dialog for `labels` labels, saving to `path` by default.
    pub(super) fn new(labels: usize, path: &Path) -> PrintDialog {
        let sheets = sheets::builtin()
            .into_iter()
            .map(|s| {
                (
                    s.id.clone(),
                    format!("{} ({} x {})", s.name, s.columns, s.rows),
                )
            })
            .collect();
        let orders = vec![
            ("institution", Msg::OrderInstitution),
            ("name", Msg::OrderName),
        ];
        let mut form = Form::new(
            Msg::FormLabels,
            vec![
                Field::options("sheet", Msg::FieldSheet, sheets, ""),
                Field::text("start", Msg::FieldStart, "1"),
                Field::choice("order", Msg::FieldOrder, orders, "institution"),
                Field::text("path", Msg::FieldPath, &path.display().to_string()),
            ],
        );
        form.hint = Msg::LabelsHint;
        PrintDialog { form, labels }
    }

    fn start(&self) -> Option<u32> {
        self.form.value("start").trim().parse().ok()
    }

    /// Draws the form and, under it, the first sheet.
    pub(super) fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        let Some(sheet) = sheets::find(&self.form.value("sheet")) else {
            return;
        };
        let width = 78.min(body.width);
        let form_height = self.form.height(width);
        let picture_height = u16::try_from(sheet.rows)
            .unwrap_or(u16::MAX)
            .saturating_add(3);
        let r = centered(body, width, form_height.saturating_add(picture_height));
        frame.render_widget(Clear, r);
        let [form_area, picture] = Layout::vertical([
            Constraint::Length(form_height),
            Constraint::Length(picture_height),
        ])
        .areas(r);
        self.form.render(frame, form_area, lang);
        let start = self.start().unwrap_or(1).max(1);
        let cells = sheet.cells().max(1) as usize;
        let used = start as usize - 1;
        let sheets_needed = (used + self.labels).div_ceil(cells);
        let title = format!(
            " {} · {} ",
            Msg::FirstSheet.text(lang),
            fill(
                Msg::LabelsOnSheets,
                lang,
                &[
                    ("labels", &self.labels.to_string()),
                    ("sheets", &sheets_needed.to_string())
                ]
            )
        );
        let block = Block::bordered().title(title);
        let inner = block.inner(picture);
        frame.render_widget(block, picture);
        let mut lines = grid(sheet.columns, sheet.rows, used, self.labels);
        lines.push(legend(lang));
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The first sheet's cells, row by row: already used, printed now, left free.
fn grid(columns: u32, rows: u32, used: usize, labels: usize) -> Vec<Line<'static>> {
    (0..rows as usize)
        .map(|row| {
            let spans: Vec<Span> = (0..columns as usize)
                .map(|col| {
                    let i = row * columns as usize + col;
                    cell(if i < used {
                        Cell::Used
                    } else if i < used + labels {
                        Cell::Print
                    } else {
                        Cell::Free
                    })
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Cell {
    Used,
    Print,
    Free,
}

fn cell(c: Cell) -> Span<'static> {
    match c {
        Cell::Used => Span::styled(" ░░░░ ", Style::new().fg(Color::DarkGray)),
        Cell::Print => Span::styled(" ████ ", Style::new().fg(Color::Green)),
        Cell::Free => Span::raw(" ···· "),
    }
}

fn legend(lang: Lang) -> Line<'static> {
    Line::from(vec![
        Span::styled("░ ", Style::new().fg(Color::DarkGray)),
        Span::raw(format!("{}   ", Msg::LegendUsed.text(lang))),
        Span::styled("█ ", Style::new().fg(Color::Green)),
        Span::raw(format!("{}   ", Msg::LegendPrint.text(lang))),
        Span::raw(format!("· {}", Msg::LegendFree.text(lang))),
    ])
}

/// Lays out the run's labels in the chosen order, renders the PDF and writes it; says where.
pub(super) fn print(dialog: &PrintDialog, run: &Run, lang: Lang) -> Result<String, Failure> {
    let form = &dialog.form;
    let sheet = sheets::find(&form.value("sheet"))
        .ok_or_else(|| Failure::Fields(vec![FieldError::new("sheet", Reason::Required)]))?;
    let start = dialog
        .start()
        .ok_or_else(|| Failure::Fields(vec![FieldError::new("start", Reason::BadNumber)]))?;
    let path = PathBuf::from(form.value("path").trim());
    if path.as_os_str().is_empty() {
        return Err(Failure::Fields(vec![FieldError::new(
            "path",
            Reason::Required,
        )]));
    }
    let mut cards: Vec<Card> = run.cards.clone();
    if form.value("order") == "name" {
        rules::sort_by_name(&mut cards);
    } else {
        rules::sort_by_institution(&mut cards);
    }
    let labels: Vec<Vec<String>> = cards.iter().map(|c| c.address.clone()).collect();
    let placed = layout(&sheet, Calibration::default(), start, &labels)
        .map_err(|e| failure(e, &cards, lang))?;
    let bytes = pdf::render(&placed, &format!("BaseMail {}", run.week))
        .map_err(|e| failure(e, &cards, lang))?;
    std::fs::write(&path, bytes)
        .map_err(|e| Failure::Message(format!("{}: {e}", path.display())))?;
    Ok(fill(
        Msg::LabelsSaved,
        lang,
        &[
            ("labels", &placed.label_count().to_string()),
            ("path", &path.display().to_string()),
        ],
    ))
}

fn failure(e: PrintError, cards: &[Card], lang: Lang) -> Failure {
    match e {
        PrintError::Invalid(fields) => Failure::Fields(fields),
        PrintError::Unfit(problems) => {
            let parts: Vec<String> = problems
                .iter()
                .map(|p| fit_problem(p, cards, lang))
                .collect();
            Failure::Message(format!(
                "{}: {}",
                Msg::NotPrinted.text(lang),
                parts.join("; ")
            ))
        }
        other => Failure::Message(i18n::error(&other.into(), lang)),
    }
}

/// "Etiket voor Jan van der Poel: regel 2 is te breed, ook op 7 pt".
fn fit_problem(p: &FitProblem, cards: &[Card], lang: Lang) -> String {
    let name = cards.get(p.index).map_or("", |c| c.name.as_str());
    let why = match &p.reason {
        FitReason::TooWide { line } => {
            fill(Msg::FitTooWide, lang, &[("line", &(line + 1).to_string())])
        }
        FitReason::TooManyLines => Msg::FitTooManyLines.text(lang).to_string(),
        FitReason::MissingGlyph { line, ch } => fill(
            Msg::FitMissingGlyph,
            lang,
            &[
                ("line", &(line + 1).to_string()),
                ("ch", &format!("{ch:?}")),
            ],
        ),
        FitReason::Empty => Msg::FitEmpty.text(lang).to_string(),
    };
    format!("{}: {why}", fill(Msg::LabelFor, lang, &[("name", name)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picture_shows_used_printed_and_free_cells() {
        let lines = grid(3, 2, 2, 3);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
            .collect();
        assert_eq!(text[0], " ░░░░  ░░░░  ████ ");
        assert_eq!(text[1], " ████  ████  ···· ");
    }
}
