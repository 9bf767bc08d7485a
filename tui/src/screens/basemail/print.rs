//! Printing from the BaseMail tab: the week's labels (the sheet, the first free label on a partly
//! used sheet with a picture of the first sheet, the order), the run sheet, and the printer with
//! its calibration and a test print.
//!
//! Every rule is core's (`BaseMail::labels`, `run_sheet`, `test_print`,
//! `configure_printer`): sorting, fitting, calibration and the PDF. The tab only turns what was
//! typed into numbers, writes the bytes core returns to a file, and offers to send that file to
//! the printer with `lp` where `lp` is installed.

use super::{error_status, form_errors, BaseMailTab, Pending, Popup, Reply, Status};
use crate::i18n::{self, fill, Lang, Msg};
use crate::keys::Action;
use crate::widgets::centered;
use crate::widgets::confirm::Question;
use crate::widgets::form::{Field, Form, Outcome};
use kapstok_core::basemail::{BaseMail, LabelOrder, NoCards, PrintSettings, Printout};
use kapstok_core::error::{Error, FieldError, Reason};
use kapstok_core::print::{Calibration, LabelSheet};
use kapstok_core::Session;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The print dialog: a form and the picture of the first sheet.
#[derive(Debug, Clone)]
pub struct PrintDialog {
    /// The choices.
    pub form: Form,
    labels: usize,
    sheets: Vec<LabelSheet>,
    printer: String,
}

/// Where the labels of a week go unless the user says otherwise.
fn labels_path(dir: &Path, week: &str, lang: Lang) -> PathBuf {
    dir.join(format!("{}-{week}.pdf", Msg::LabelsFile.text(lang)))
}

/// "rondelijst-2026-W48.pdf" / "run-sheet-2026-W48.pdf".
fn run_sheet_path(dir: &Path, week: &str, lang: Lang) -> PathBuf {
    dir.join(format!("{}-{week}.pdf", Msg::RunSheetFile.text(lang)))
}

/// "testafdruk-avery-l7160.pdf" / "test-print-avery-l7160.pdf".
fn test_print_path(dir: &Path, sheet: &str, lang: Lang) -> PathBuf {
    dir.join(format!("{}-{sheet}.pdf", Msg::TestPrintFile.text(lang)))
}

/// The sheets to choose from: value and "name (columns x rows)".
fn sheet_options(sheets: &[LabelSheet]) -> Vec<(String, String)> {
    sheets
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                format!("{} ({} x {})", s.name, s.columns, s.rows),
            )
        })
        .collect()
}

/// Millimetres as the user reads them: "+1,5" in Dutch, "+1.5" in English (to 0.01 mm).
fn mm_text(v: f64, lang: Lang) -> String {
    let text = format!("{:+}", (v * 100.0).round() / 100.0);
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A number typed with a decimal comma or point ("-1,5", "0.25", "+2"); empty is 0. Only the
/// number format: whether the value is allowed is core's to say.
fn parse_mm(text: &str) -> Option<f64> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Some(0.0);
    }
    text.parse().ok()
}

/// A value as the form shows it for editing: "1,5" / "1.5", "0".
fn mm_field(v: f64, lang: Lang) -> String {
    let text = format!("{v}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

fn printer_name(printer: &str, lang: Lang) -> String {
    if printer.is_empty() {
        Msg::DefaultPrinter.text(lang).to_string()
    } else {
        printer.to_string()
    }
}

/// "Printer: standaardprinter · x +0,0 mm · y +0,0 mm ...".
fn printer_line(m: Msg, settings: &PrintSettings, lang: Lang) -> String {
    let c = settings.calibration();
    fill(
        m,
        lang,
        &[
            ("printer", &printer_name(&settings.printer, lang)),
            ("x", &mm_text(c.offset_x_mm, lang)),
            ("y", &mm_text(c.offset_y_mm, lang)),
        ],
    )
}

impl PrintDialog {
    /// The dialog for `labels` labels on one of `sheets`, saving to `path` by default.
    fn new(
        labels: usize,
        sheets: Vec<LabelSheet>,
        sheet: &str,
        path: &Path,
        settings: &PrintSettings,
        lang: Lang,
    ) -> PrintDialog {
        let orders = vec![
            ("institution", Msg::OrderInstitution),
            ("name", Msg::OrderName),
        ];
        let mut form = Form::new(
            Msg::FormLabels,
            vec![
                Field::options("sheet", Msg::FieldSheet, sheet_options(&sheets), sheet),
                Field::text("start", Msg::FieldStart, "1"),
                Field::choice("order", Msg::FieldOrder, orders, "institution"),
                Field::text("path", Msg::FieldPath, &path.display().to_string()),
            ],
        );
        form.hint = Msg::LabelsHint;
        PrintDialog {
            form,
            labels,
            sheets,
            printer: printer_line(Msg::PrinterLine, settings, lang),
        }
    }

    fn sheet(&self) -> Option<&LabelSheet> {
        let id = self.form.value("sheet");
        self.sheets.iter().find(|s| s.id == id)
    }

    fn start(&self) -> Option<u32> {
        self.form.value("start").trim().parse().ok()
    }

    fn order(&self) -> LabelOrder {
        if self.form.value("order") == "name" {
            LabelOrder::Name
        } else {
            LabelOrder::Institution
        }
    }

    /// Draws the form and, under it, the first sheet.
    pub(super) fn render(&self, frame: &mut Frame, body: Rect, lang: Lang) {
        let width = 78.min(body.width);
        let form_height = self.form.height(width);
        let Some(sheet) = self.sheet() else {
            self.form
                .render(frame, centered(body, width, form_height), lang);
            return;
        };
        // The grid, the legend and the borders; fewer rows when the screen is low.
        let wanted = u16::try_from(sheet.rows)
            .unwrap_or(u16::MAX)
            .saturating_add(3);
        let picture_height = wanted.min(body.height.saturating_sub(form_height));
        let r = centered(body, width, form_height.saturating_add(picture_height));
        frame.render_widget(Clear, r);
        let [form_area, picture] = Layout::vertical([
            Constraint::Length(form_height),
            Constraint::Length(picture_height),
        ])
        .areas(r);
        self.form.render(frame, form_area, lang);
        if picture_height < 3 {
            return;
        }
        let start = self.start().unwrap_or(1).max(1);
        let cells = sheet.cells().max(1) as usize;
        let used = (start as usize - 1).min(cells);
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
        let block = Block::bordered().title(title).title_bottom(
            Line::from(format!(" {} ", self.printer)).style(Style::new().fg(Color::DarkGray)),
        );
        let inner = block.inner(picture);
        frame.render_widget(block, picture);
        let rows = usize::from(inner.height.saturating_sub(1));
        let mut lines = grid(sheet.columns, sheet.rows, used, self.labels);
        lines.truncate(rows);
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

/// The printer form: name, calibration offsets, and the sheet for a test print.
fn printer_form(settings: &PrintSettings, sheets: &[LabelSheet], sheet: &str, lang: Lang) -> Form {
    let c = settings.calibration();
    let mut form = Form::new(
        Msg::FormPrinter,
        vec![
            Field::text("printer", Msg::FieldPrinter, &settings.printer),
            Field::text(
                "offset_x_mm",
                Msg::FieldOffsetX,
                &mm_field(c.offset_x_mm, lang),
            ),
            Field::text(
                "offset_y_mm",
                Msg::FieldOffsetY,
                &mm_field(c.offset_y_mm, lang),
            ),
            Field::options("sheet", Msg::FieldTestSheet, sheet_options(sheets), sheet),
        ],
    );
    form.hint = Msg::PrinterHint;
    form.note = Some(Msg::PrinterNote.text(lang).to_string());
    form
}

/// Hands the printer form to core: the calibration of the named printer (core checks the ±5 mm),
/// then the printer itself. Returns the settings now stored.
fn save_printer(form: &Form, bm: &BaseMail) -> Result<PrintSettings, Error> {
    let mut errors = Vec::new();
    let mut offset = |field: &'static str| {
        parse_mm(&form.value(field)).unwrap_or_else(|| {
            errors.push(FieldError::new(field, Reason::NotANumber));
            0.0
        })
    };
    let calibration = Calibration {
        offset_x_mm: offset("offset_x_mm"),
        offset_y_mm: offset("offset_y_mm"),
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let printer = form.value("printer");
    bm.configure_printer(&printer, calibration)?;
    bm.print_settings()
}

/// Whether `lp` (CUPS) is installed: asking it for its usage prints nothing.
fn lp_installed() -> bool {
    let asked = Command::new("lp")
        .arg("--help")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    !matches!(asked, Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

/// Sends a saved PDF to the printer with `lp` (the system's default printer when none is set).
/// `lp` only queues the job, so this returns quickly.
fn send(path: &Path, printer: &str, lang: Lang) -> Status {
    match crate::files::lp(path, printer) {
        Ok(o) if o.status.success() => Status {
            text: fill(
                Msg::SentToPrinter,
                lang,
                &[("job", String::from_utf8_lossy(&o.stdout).trim())],
            ),
            error: false,
        },
        Ok(o) => Status {
            text: format!("lp: {}", String::from_utf8_lossy(&o.stderr).trim()),
            error: true,
        },
        Err(e) => Status {
            text: format!("lp: {e}"),
            error: true,
        },
    }
}

/// A refused form: errors under the fields, the rest in the status line.
fn refused(mut form: Box<Form>, e: Error, lang: Lang, popup: fn(Box<Form>) -> Popup) -> Reply {
    match e {
        Error::Invalid(errors) => {
            let rest = form.show_errors(&errors, lang);
            Reply::show(popup(form)).with_status(form_errors(rest, lang))
        }
        e => {
            form.message = Some(i18n::error(&e, lang));
            Reply::show(popup(form)).with_status(error_status(&e, lang))
        }
    }
}

impl BaseMailTab {
    /// The week's run as core prints it (composed again unless posted), shown in the tab;
    /// `None` with the reply to give when there is nothing to print.
    fn run_to_print(&mut self, s: &Session, lang: Lang) -> Result<usize, Box<Reply>> {
        if self.run.is_none() {
            return Err(Box::new(Reply::info(Msg::ComposeFirst.text(lang))));
        }
        let run = s
            .basemail()
            .run_to_print(self.week)
            .map_err(|e| Box::new(Reply::error(&e, lang)))?;
        let cards = run.cards.len();
        let none = NoCards::of(&run);
        self.set_run(Some(run));
        if cards == 0 {
            return Err(Box::new(Reply::info(i18n::no_cards(&none, lang))));
        }
        Ok(cards)
    }

    /// Opens the print dialog for the week's run, composed again first unless it was posted.
    pub(super) fn open_print_dialog(&mut self, s: &Session, lang: Lang) -> Reply {
        let labels = match self.run_to_print(s, lang) {
            Ok(labels) => labels,
            Err(reply) => return *reply,
        };
        let bm = s.basemail();
        let (sheets, settings) = match bm.sheets().and_then(|sh| Ok((sh, bm.print_settings()?))) {
            Ok(found) => found,
            Err(e) => return Reply::error(&e, lang),
        };
        let path = labels_path(&self.print_dir, &self.week.to_string(), lang);
        Reply::show(Popup::Print(Box::new(PrintDialog::new(
            labels,
            sheets,
            &self.sheet,
            &path,
            &settings,
            lang,
        ))))
    }

    /// Prints the labels through core and writes the PDF; the dialog stays open on errors.
    pub(super) fn print_labels(
        &mut self,
        mut dialog: Box<PrintDialog>,
        s: &Session,
        lang: Lang,
    ) -> Reply {
        let back = |d: Box<PrintDialog>| Reply::show(Popup::Print(d));
        dialog.form.note = None;
        let path = PathBuf::from(dialog.form.value("path").trim());
        let mut errors = Vec::new();
        if path.as_os_str().is_empty() {
            errors.push(FieldError::new("path", Reason::Required));
        }
        let start = dialog.start();
        if start.is_none() {
            errors.push(FieldError::new("start", Reason::BadNumber));
        }
        if !errors.is_empty() {
            let rest = dialog.form.show_errors(&errors, lang);
            return back(dialog).with_status(form_errors(rest, lang));
        }
        let sheet = dialog.form.value("sheet");
        let bm = s.basemail();
        let printed = bm.labels(self.week, &sheet, start.unwrap_or(1), dialog.order());
        // Printing composed the run again (unless it was posted): show it as printed.
        if let Err(e) = self.load_run(s) {
            return Reply::error(&e, lang);
        }
        let job = match printed {
            Ok(Printout::Ready(job)) => job,
            Ok(Printout::NoCards(none)) => return Reply::info(i18n::no_cards(&none, lang)),
            Err(Error::Invalid(errors)) => {
                let rest = dialog.form.show_errors(&errors, lang);
                return back(dialog).with_status(form_errors(rest, lang));
            }
            Err(e) => {
                // Every card that does not fit is named (wrapped, in the dialog and in the
                // status line); nothing was printed.
                dialog.form.note = Some(i18n::error(&e, lang));
                return back(dialog).with_status(error_status(&e, lang));
            }
        };
        if let Err(e) = crate::files::write_atomically(&path, &job.pdf) {
            let text = format!("{}: {e}", path.display());
            dialog.form.message = Some(text.clone());
            return back(dialog).with_status(Status { text, error: true });
        }
        self.sheet = sheet;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            self.print_dir = dir.to_path_buf();
        }
        let text = fill(
            Msg::LabelsSaved,
            lang,
            &[
                ("labels", &job.labels.to_string()),
                ("sheets", &job.pages.to_string()),
                ("path", &path.display().to_string()),
            ],
        );
        self.offer_to_send(path, text, s, lang)
    }

    /// Saves the run sheet of the week beside the labels.
    pub(super) fn print_run_sheet(&mut self, s: &Session, lang: Lang) -> Reply {
        if let Err(reply) = self.run_to_print(s, lang) {
            return *reply;
        }
        let bm = s.basemail();
        let pdf = match bm.run_sheet(self.week, &i18n::run_sheet_texts(lang)) {
            Ok(Printout::Ready(pdf)) => pdf,
            Ok(Printout::NoCards(none)) => return Reply::info(i18n::no_cards(&none, lang)),
            Err(e) => return Reply::error(&e, lang),
        };
        let path = run_sheet_path(&self.print_dir, &self.week.to_string(), lang);
        if let Err(e) = crate::files::write_atomically(&path, &pdf) {
            return Reply::default().with_status(Status {
                text: format!("{}: {e}", path.display()),
                error: true,
            });
        }
        let text = fill(
            Msg::RunSheetSaved,
            lang,
            &[("path", &path.display().to_string())],
        );
        self.offer_to_send(path, text, s, lang)
    }

    /// Opens the printer form.
    pub(super) fn open_printer_form(&self, s: &Session, lang: Lang) -> Reply {
        let bm = s.basemail();
        match bm.sheets().and_then(|sh| Ok((sh, bm.print_settings()?))) {
            Ok((sheets, settings)) => Reply::show(Popup::Printer(Box::new(printer_form(
                &settings,
                &sheets,
                &self.sheet,
                lang,
            )))),
            Err(e) => Reply::error(&e, lang),
        }
    }

    /// A key in the printer form: Ctrl+S saves, Ctrl+T saves and makes a test print.
    pub(super) fn printer_action(
        &mut self,
        mut form: Box<Form>,
        action: Action,
        s: &Session,
        lang: Lang,
    ) -> Reply {
        let test = action == Action::TestPrint;
        if !test {
            match form.handle(action) {
                Outcome::Cancel => return Reply::info(Msg::Cancelled.text(lang)),
                Outcome::Save => {}
                Outcome::Changed | Outcome::None => return Reply::show(Popup::Printer(form)),
            }
        }
        let bm = s.basemail();
        let settings = match save_printer(&form, &bm) {
            Ok(settings) => settings,
            Err(e) => return refused(form, e, lang, Popup::Printer),
        };
        let saved = printer_line(Msg::PrinterSaved, &settings, lang);
        if !test {
            return Reply::info(saved);
        }
        let sheet = form.value("sheet");
        let pdf = match bm.test_print(&sheet) {
            Ok(pdf) => pdf,
            Err(e) => return refused(form, e, lang, Popup::Printer),
        };
        let path = test_print_path(&self.print_dir, &sheet, lang);
        if let Err(e) = crate::files::write_atomically(&path, &pdf) {
            let text = format!("{}: {e}", path.display());
            form.message = Some(text.clone());
            return Reply::show(Popup::Printer(form)).with_status(Status { text, error: true });
        }
        self.sheet = sheet;
        let text = fill(
            Msg::TestPrintSaved,
            lang,
            &[("path", &path.display().to_string())],
        );
        self.offer_to_send(path, text, s, lang)
    }

    /// Says where a PDF was saved and, where `lp` is installed, offers to send it to the printer.
    fn offer_to_send(&mut self, path: PathBuf, text: String, s: &Session, lang: Lang) -> Reply {
        let reply = Reply::info(text);
        if !*self.lp.get_or_insert_with(lp_installed) {
            return reply;
        }
        let printer = s
            .basemail()
            .print_settings()
            .map(|p| p.printer)
            .unwrap_or_default();
        let question = fill(
            Msg::ConfirmSend,
            lang,
            &[
                ("path", &path.display().to_string()),
                ("printer", &printer_name(&printer, lang)),
            ],
        );
        Reply {
            popup: Some(Popup::Confirm(
                Question::yes_no(question),
                Pending::Send(path, printer),
            )),
            ..reply
        }
    }
}

/// The answer to "send it to the printer?".
pub(super) fn answer_send(yes: bool, path: &Path, printer: &str, lang: Lang) -> Reply {
    let status = if yes {
        send(path, printer, lang)
    } else {
        Status {
            text: fill(Msg::NotSent, lang, &[("path", &path.display().to_string())]),
            error: false,
        }
    };
    Reply {
        popup: None,
        status: Some(status),
    }
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

    #[test]
    fn millimetres_take_a_comma_or_a_point() {
        assert_eq!(parse_mm("1,5"), Some(1.5));
        assert_eq!(parse_mm(" -0.25 "), Some(-0.25));
        assert_eq!(parse_mm("+2"), Some(2.0));
        assert_eq!(parse_mm(""), Some(0.0));
        assert_eq!(parse_mm("twee"), None);
        assert_eq!(parse_mm("1,5 mm"), None);
        // out of range is a number all the same: core refuses it, not the form
        assert_eq!(parse_mm("12"), Some(12.0));
        assert_eq!(mm_text(1.5, Lang::Nl), "+1,5");
        assert_eq!(mm_text(-0.25, Lang::En), "-0.25");
        assert_eq!(mm_text(0.0, Lang::Nl), "+0");
        assert_eq!(mm_field(-1.5, Lang::Nl), "-1,5");
        assert_eq!(mm_field(0.0, Lang::En), "0");
    }

    #[test]
    fn file_names_follow_the_language() {
        let dir = Path::new("/x");
        assert_eq!(
            run_sheet_path(dir, "2026-W48", Lang::Nl),
            Path::new("/x/rondelijst-2026-W48.pdf")
        );
        assert_eq!(
            run_sheet_path(dir, "2026-W48", Lang::En),
            Path::new("/x/run-sheet-2026-W48.pdf")
        );
        assert_eq!(
            test_print_path(dir, "avery-l7160", Lang::Nl),
            Path::new("/x/testafdruk-avery-l7160.pdf")
        );
        assert_eq!(
            labels_path(dir, "2026-W48", Lang::En),
            Path::new("/x/labels-2026-W48.pdf")
        );
    }

    #[test]
    fn a_failed_write_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("etiketten.pdf");
        crate::files::write_atomically(&path, b"%PDF-1.7 one").unwrap();
        crate::files::write_atomically(&path, b"%PDF-1.7 two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7 two");
        let missing = dir.path().join("no such folder").join("etiketten.pdf");
        assert!(crate::files::write_atomically(&missing, b"%PDF").is_err());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["etiketten.pdf"], "no temporary file is left");
    }

    #[test]
    fn a_saved_pdf_is_offered_to_lp_only_where_lp_is_installed() {
        let dir = tempfile::tempdir().unwrap();
        let k = kapstok_core::Kapstok::open(&dir.path().join("store")).unwrap();
        let s = k.setup("beheer", "kapstok-test-wachtwoord").unwrap();
        let mut tab = BaseMailTab::new(&s, dir.path().to_path_buf());
        let path = dir.path().join("etiketten-2026-W48.pdf");
        tab.lp = Some(false);
        let reply = tab.offer_to_send(path.clone(), "opgeslagen".into(), &s, Lang::Nl);
        assert!(reply.popup.is_none());
        assert_eq!(reply.status.map(|s| s.text).as_deref(), Some("opgeslagen"));
        tab.lp = Some(true);
        s.basemail().set_printer("kantoor").unwrap();
        let reply = tab.offer_to_send(path.clone(), "saved".into(), &s, Lang::En);
        assert_eq!(reply.status.map(|s| s.text).as_deref(), Some("saved"));
        match reply.popup {
            Some(Popup::Confirm(question, Pending::Send(p, printer))) => {
                assert_eq!((p.as_path(), printer.as_str()), (path.as_path(), "kantoor"));
                assert!(question
                    .text()
                    .contains("Send it to the printer (kantoor) with lp?"));
            }
            _ => panic!("no question"),
        }
        let no = answer_send(false, &path, "kantoor", Lang::Nl);
        let text = no.status.map(|s| s.text).unwrap_or_default();
        assert!(text.starts_with("Niet naar de printer gestuurd"), "{text}");
    }
}
