//! Printing from the BaseMail tab: the week's labels (the sheet, the first free label on a partly
//! used sheet with a picture of the first sheet, the order), the run sheet, and the printer with
//! its calibration and a test print.
//!
//! Every rule is core's (`BaseMail::labels`, `run_sheet`, `test_print`,
//! `configure_printer`): sorting, fitting, calibration and the PDF. The tab only turns what was
//! typed into numbers, writes the bytes core returns to a file, and offers to send that file to
//! the printer with `lp` where `lp` is installed.

use super::BaseMailTab;
use crate::i18n::{self, args, Lang, Msg};
use crate::keys::{Action, Mode};
use crate::layers::{keep, FormLayer, Layer, Next, Submit};
use crate::screen::{Cx, Effects, Status};
use crate::widgets::centered;
use crate::widgets::confirm::{Answer, Question};
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
use std::any::Any;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The print dialog, a layer over the tab: a form and the picture of the first sheet. Its save
/// prints through the tab (`BaseMailTab::print_labels`); it stays open on errors.
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
pub(super) fn run_sheet_path(dir: &Path, week: &str, lang: Lang) -> PathBuf {
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
    let (printer, x, y) = (
        printer_name(&settings.printer, lang),
        mm_text(c.offset_x_mm, lang),
        mm_text(c.offset_y_mm, lang),
    );
    match m {
        Msg::PrinterSaved => args::PrinterSaved {
            printer: &printer,
            x: &x,
            y: &y,
        }
        .text(lang),
        _ => args::PrinterLine {
            printer: &printer,
            x: &x,
            y: &y,
        }
        .text(lang),
    }
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
    fn draw(&self, frame: &mut Frame, body: Rect, lang: Lang) {
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
            args::LabelsOnSheets {
                labels: &i18n::count(self.labels, i18n::Noun::Label, lang),
                sheets: &i18n::count(sheets_needed, i18n::Noun::Sheet, lang),
            }
            .text(lang)
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

impl Layer for PrintDialog {
    fn mode(&self) -> Mode {
        Mode::Form
    }

    fn handle(
        mut self: Box<Self>,
        action: Action,
        owner: &mut dyn Any,
        cx: &Cx,
    ) -> (Next, Effects) {
        match self.form.handle(action) {
            Outcome::Cancel => (None, Effects::cancelled(cx.lang)),
            Outcome::Save => match owner.downcast_mut::<BaseMailTab>() {
                Some(tab) => tab.print_labels(self, cx),
                None => (None, Effects::none()),
            },
            Outcome::Changed | Outcome::None => keep(self),
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.draw(frame, body, cx.lang);
    }
}

/// "Send it to the printer?" after a PDF was saved, a layer of its own: `y` sends it with `lp`,
/// `n` says where it stays, Esc cancels.
pub struct SendQuestion {
    question: Question,
    path: PathBuf,
    printer: String,
}

impl Layer for SendQuestion {
    fn mode(&self) -> Mode {
        self.question.mode()
    }

    fn handle(self: Box<Self>, action: Action, _: &mut dyn Any, cx: &Cx) -> (Next, Effects) {
        match action {
            Action::Yes => (
                None,
                Effects::status(send(&self.path, &self.printer, cx.lang)),
            ),
            Action::No => (None, Effects::status(not_sent(&self.path, cx.lang))),
            _ => {
                let SendQuestion {
                    question,
                    path,
                    printer,
                } = *self;
                match question.answer(action) {
                    Answer::Open(question) => keep(Box::new(SendQuestion {
                        question,
                        path,
                        printer,
                    })),
                    Answer::No => (None, Effects::cancelled(cx.lang)),
                    // A yes/no question answers yes to `y` alone, taken above.
                    Answer::Yes => (None, Effects::none()),
                }
            }
        }
    }

    fn render(&self, frame: &mut Frame, body: Rect, cx: &Cx) {
        self.question.render(frame, body, cx.lang);
    }
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
            text: args::SentToPrinter {
                job: &String::from_utf8_lossy(&o.stdout).trim(),
            }
            .text(lang),
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

/// A refused printer form: errors under the fields, the rest in the form and the status line;
/// the form stays.
fn refused(form: &mut Form, e: &Error, lang: Lang) -> Submit {
    if !matches!(e, Error::Invalid(_)) {
        form.message = Some(i18n::error(e, lang));
    }
    Submit::refused(form, e, lang)
}

/// "Not sent to the printer: ..." after a no.
fn not_sent(path: &Path, lang: Lang) -> Status {
    Status {
        text: args::NotSent {
            path: &path.display().to_string(),
        }
        .text(lang),
        error: false,
    }
}

impl BaseMailTab {
    /// The week's run as core prints it (composed again unless posted), shown in the tab;
    /// the effects to answer instead when there is nothing to print.
    fn run_to_print(&mut self, cx: &Cx) -> Result<usize, Effects> {
        if self.run.is_none() {
            return Err(Effects::info(cx.t(Msg::ComposeFirst)));
        }
        let run = cx
            .session
            .basemail()
            .run_to_print(self.week)
            .map_err(|e| Effects::error(&e, cx.lang))?;
        let cards = run.cards.len();
        let none = NoCards::of(&run);
        self.set_run(Some(run));
        if cards == 0 {
            return Err(Effects::info(i18n::no_cards(&none, cx.lang)));
        }
        Ok(cards)
    }

    /// Opens the print dialog for the week's run, composed again first unless it was posted.
    pub(super) fn open_print_dialog(&mut self, cx: &Cx) -> Effects {
        let labels = match self.run_to_print(cx) {
            Ok(labels) => labels,
            Err(effects) => return effects,
        };
        let lang = cx.lang;
        let bm = cx.session.basemail();
        let (sheets, settings) = match bm.sheets().and_then(|sh| Ok((sh, bm.print_settings()?))) {
            Ok(found) => found,
            Err(e) => return Effects::error(&e, lang),
        };
        let path = labels_path(&self.print_dir, &self.week.to_string(), lang);
        Effects::push(PrintDialog::new(
            labels,
            sheets,
            &self.sheet,
            &path,
            &settings,
            lang,
        ))
    }

    /// Prints the labels through core and writes the PDF; the dialog stays open on errors.
    /// Printing composes the run again (unless it was posted): its announcement shows the run as
    /// printed ([`super::Screen::changed`]).
    fn print_labels(&mut self, mut dialog: Box<PrintDialog>, cx: &Cx) -> (Next, Effects) {
        let lang = cx.lang;
        let back = |d: Box<PrintDialog>, status: Status| -> (Next, Effects) {
            (Some(d), Effects::status(status))
        };
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
            return back(dialog, crate::screens::form_errors(rest, lang));
        }
        let sheet = dialog.form.value("sheet");
        let bm = cx.session.basemail();
        let printed = bm.labels(self.week, &sheet, start.unwrap_or(1), dialog.order());
        let job = match printed {
            Ok(Printout::Ready(job)) => job,
            Ok(Printout::NoCards(none)) => {
                return (None, Effects::info(i18n::no_cards(&none, lang)));
            }
            Err(Error::Invalid(errors)) => {
                let rest = dialog.form.show_errors(&errors, lang);
                return back(dialog, crate::screens::form_errors(rest, lang));
            }
            Err(e) => {
                // Every card that does not fit is named (wrapped, in the dialog and in the
                // status line); nothing was printed.
                dialog.form.note = Some(i18n::error(&e, lang));
                return back(dialog, crate::screens::error_status(&e, lang));
            }
        };
        if let Err(e) = crate::files::write_atomically(&path, &job.pdf) {
            let text = format!("{}: {e}", path.display());
            dialog.form.message = Some(text.clone());
            return back(dialog, Status { text, error: true });
        }
        self.sheet = sheet;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            self.print_dir = dir.to_path_buf();
        }
        let text = args::LabelsSaved {
            labels: &i18n::count(job.labels, i18n::Noun::Label, lang),
            sheets: &i18n::count(job.pages, i18n::Noun::Sheet, lang),
            path: &path.display().to_string(),
        }
        .text(lang);
        (None, self.offer_to_send(path, text, cx))
    }

    /// Opens the printer form: Ctrl+S saves, Ctrl+T saves and makes a test print.
    pub(super) fn open_printer_form(&self, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let bm = cx.session.basemail();
        let (sheets, settings) = match bm.sheets().and_then(|sh| Ok((sh, bm.print_settings()?))) {
            Ok(found) => found,
            Err(e) => return Effects::error(&e, lang),
        };
        let form = printer_form(&settings, &sheets, &self.sheet, lang);
        let save = |form: &mut Form, _: &mut BaseMailTab, cx: &Cx| match save_printer(
            form,
            &cx.session.basemail(),
        ) {
            Ok(settings) => Submit::Done(Effects::info(printer_line(
                Msg::PrinterSaved,
                &settings,
                cx.lang,
            ))),
            Err(e) => refused(form, &e, cx.lang),
        };
        let test = |form: &mut Form, tab: &mut BaseMailTab, cx: &Cx| tab.test_print(form, cx);
        Effects::push(FormLayer::new(form, save).on_test(test))
    }

    /// Saves the printer form and makes a test print on the sheet it names.
    fn test_print(&mut self, form: &mut Form, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let bm = cx.session.basemail();
        if let Err(e) = save_printer(form, &bm) {
            return refused(form, &e, lang);
        }
        let sheet = form.value("sheet");
        let pdf = match bm.test_print(&sheet) {
            Ok(pdf) => pdf,
            Err(e) => return refused(form, &e, lang),
        };
        let path = test_print_path(&self.print_dir, &sheet, lang);
        if let Err(e) = crate::files::write_atomically(&path, &pdf) {
            let text = format!("{}: {e}", path.display());
            form.message = Some(text.clone());
            return Submit::Stay(Effects::status(Status { text, error: true }));
        }
        self.sheet = sheet;
        let text = args::TestPrintSaved {
            path: &path.display().to_string(),
        }
        .text(lang);
        Submit::Done(self.offer_to_send(path, text, cx))
    }

    /// Says where a PDF was saved and, where `lp` is installed, asks whether to send it to the
    /// printer.
    pub(super) fn offer_to_send(&mut self, path: PathBuf, text: String, cx: &Cx) -> Effects {
        let effects = Effects::info(text);
        match self.send_question(path, cx.session, cx.lang) {
            Some(question) => effects.and_push(question),
            None => effects,
        }
    }

    /// "Send it to the printer?", where `lp` is installed (asked the first time).
    fn send_question(&mut self, path: PathBuf, s: &Session, lang: Lang) -> Option<SendQuestion> {
        if !*self.lp.get_or_insert_with(lp_installed) {
            return None;
        }
        let printer = s
            .basemail()
            .print_settings()
            .map(|p| p.printer)
            .unwrap_or_default();
        let question = args::ConfirmSend {
            path: &path.display().to_string(),
            printer: &printer_name(&printer, lang),
        }
        .text(lang);
        Some(SendQuestion {
            question: Question::yes_no(question),
            path,
            printer,
        })
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
        use crate::screen::Effect;
        let dir = tempfile::tempdir().unwrap();
        let k = kapstok_core::Kapstok::open(&dir.path().join("store")).unwrap();
        let s = k.setup("beheer", "kapstok-test-wachtwoord").unwrap();
        let cx = |lang| Cx {
            k: &k,
            session: &s,
            lang,
            out_dir: dir.path(),
        };
        let status = |e: &Effect| match e {
            Effect::Status(s) => Some(s.text.clone()),
            _ => None,
        };
        let mut tab = BaseMailTab::new(&s, dir.path().to_path_buf());
        let path = dir.path().join("etiketten-2026-W48.pdf");
        tab.lp = Some(false);
        assert!(tab.send_question(path.clone(), &s, Lang::Nl).is_none());
        let effects = tab.offer_to_send(path.clone(), "opgeslagen".into(), &cx(Lang::Nl));
        let said: Vec<_> = effects.0.iter().map(status).collect();
        assert_eq!(said, [Some("opgeslagen".to_string())], "no question");
        tab.lp = Some(true);
        s.basemail().set_printer("kantoor").unwrap();
        let effects = tab.offer_to_send(path.clone(), "saved".into(), &cx(Lang::En));
        assert_eq!(effects.0.len(), 2);
        assert_eq!(status(&effects.0[0]).as_deref(), Some("saved"));
        assert!(matches!(effects.0[1], Effect::Push(_)));
        let question = tab.send_question(path.clone(), &s, Lang::En).unwrap();
        assert_eq!(
            (question.path.as_path(), question.printer.as_str()),
            (path.as_path(), "kantoor")
        );
        assert!(question
            .question
            .text()
            .contains("Send it to the printer (kantoor) with lp?"));
        let (next, no) = Box::new(question).handle(Action::No, &mut (), &cx(Lang::Nl));
        assert!(next.is_none());
        let text = no.0.first().and_then(status).unwrap_or_default();
        assert!(text.starts_with("Niet naar de printer gestuurd"), "{text}");
    }
}
