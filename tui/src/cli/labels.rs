//! `kapstok labels`, `kapstok sheets` and `kapstok printer`: BaseMail's address labels.

use super::{check_output, io, write_row, CliResult, Ctx, Failure};
use crate::i18n::{self, args, count, Lang, Msg, Noun};
use kapstok_core::basemail::{LabelOrder, Printout};
use kapstok_core::common::{printable, IsoWeek};
use kapstok_core::Session;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `kapstok labels [--week WEEK] [--sheet SHEET] ...`
#[derive(Debug, clap::Args)]
pub struct LabelsArgs {
    /// ISO week, e.g. 2026-W48 (default: this week).
    #[arg(long, value_name = "WEEK")]
    pub week: Option<String>,
    /// The label sheet (see `kapstok sheets`).
    #[arg(long, value_name = "SHEET", default_value = "avery-l7160")]
    pub sheet: String,
    /// First free cell on a partly used sheet (1 = top left, reading order).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub start: u32,
    /// Order: institution or name.
    #[arg(long, value_name = "ORDER", default_value = "institution")]
    pub order: String,
    /// A calibration print instead: every cell's outline and centre, on plain paper.
    #[arg(long)]
    pub test: bool,
    /// Where to save the PDF (default: etiketten-WEEK.pdf in the current folder, labels-WEEK.pdf
    /// in English).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also send it to the configured printer with `lp`, where `lp` is available.
    #[arg(long)]
    pub print: bool,
}

/// `kapstok printer [--name NAME] [--offset-x MM] [--offset-y MM]`
#[derive(Debug, clap::Args)]
pub struct PrinterArgs {
    /// Printer name as `lpstat -p` shows it (empty: the system default).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Shift right (negative: left), in mm.
    #[arg(long, value_name = "MM", allow_hyphen_values = true)]
    pub offset_x: Option<f64>,
    /// Shift down (negative: up), in mm.
    #[arg(long, value_name = "MM", allow_hyphen_values = true)]
    pub offset_y: Option<f64>,
}

/// Runs `kapstok labels`.
pub(super) fn labels(args: LabelsArgs, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let LabelsArgs {
        week,
        sheet,
        start,
        order,
        test,
        output,
        print,
    } = args;
    if let Some(path) = &output {
        check_output(path)?;
    }
    let s = ctx.login()?;
    let bm = s.basemail();
    let week = parse_week(week.as_deref(), &s, lang)?;
    let (bytes, summary, default_name) = if test {
        let pdf = bm.test_print(&sheet).map_err(|e| Failure::core(&e, lang))?;
        (
            pdf,
            Msg::CliTestPrint.text(lang).to_string(),
            args::FileTestPrint { sheet: &sheet }.text(lang),
        )
    } else {
        let order = match order.trim().to_lowercase().as_str() {
            "institution" | "inrichting" => LabelOrder::Institution,
            "name" | "naam" => LabelOrder::Name,
            _ => return Err(Failure(Msg::CliBadOrder.text(lang).into())),
        };
        let job = match bm
            .labels(week, &sheet, start, order)
            .map_err(|e| Failure::core(&e, lang))?
        {
            Printout::Ready(job) => job,
            Printout::NoCards(none) => return Err(Failure(i18n::no_cards(&none, lang))),
        };
        let summary = args::CliLabelsSummary {
            labels: &count(job.labels, Noun::Label, lang),
            sheets: &count(job.pages, Noun::Sheet, lang),
        }
        .text(lang);
        let name = args::FileLabels { week: &week }.text(lang);
        (job.pdf, summary, name)
    };
    let path = output.unwrap_or_else(|| PathBuf::from(default_name));
    crate::files::write_atomically(&path, &bytes)
        .map_err(|e| Failure(crate::files::failure_text(path.as_ref(), &e)))?;
    writeln!(ctx.out, "{}: {}", printable(&summary), path.display()).map_err(io)?;
    if print {
        let printer = bm
            .print_settings()
            .map_err(|e| Failure::core(&e, lang))?
            .printer;
        let message = send_to_printer(&path, &printer, lang)?;
        writeln!(ctx.out, "{}", printable(&message)).map_err(io)?;
    }
    Ok(())
}

/// Runs `kapstok sheets`.
pub(super) fn sheets(mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let s = ctx.login()?;
    for sheet in s.basemail().sheets().map_err(|e| Failure::core(&e, lang))? {
        write_row(
            &mut ctx.out,
            &[
                &sheet.id,
                &sheet.name,
                &format!("{} x {} = {}", sheet.columns, sheet.rows, sheet.cells()),
                &format!("{} x {} mm", sheet.label_w_mm, sheet.label_h_mm),
            ],
        )
        .map_err(io)?;
    }
    Ok(())
}

/// Runs `kapstok printer`.
pub(super) fn printer(args: PrinterArgs, mut ctx: Ctx) -> CliResult {
    let lang = ctx.lang;
    let PrinterArgs {
        name,
        offset_x,
        offset_y,
    } = args;
    let s = ctx.login()?;
    let bm = s.basemail();
    if name.is_some() || offset_x.is_some() || offset_y.is_some() {
        let before = bm.print_settings().map_err(|e| Failure::core(&e, lang))?;
        let printer = name.unwrap_or(before.printer.clone());
        let mut c = before
            .calibrations
            .get(printer.trim())
            .copied()
            .unwrap_or_default();
        c.offset_x_mm = offset_x.unwrap_or(c.offset_x_mm);
        c.offset_y_mm = offset_y.unwrap_or(c.offset_y_mm);
        bm.configure_printer(&printer, c)
            .map_err(|e| Failure::core(&e, lang))?;
    }
    let settings = bm.print_settings().map_err(|e| Failure::core(&e, lang))?;
    let c = settings.calibration();
    let printer = if settings.printer.is_empty() {
        Msg::CliDefaultPrinter.text(lang)
    } else {
        settings.printer.as_str()
    };
    writeln!(
        ctx.out,
        "{}: {} · x {:+.1} mm · y {:+.1} mm",
        Msg::CliPrinter.text(lang),
        printable(printer),
        c.offset_x_mm,
        c.offset_y_mm
    )
    .map_err(io)?;
    Ok(())
}

fn parse_week(text: Option<&str>, s: &Session, lang: Lang) -> Result<IsoWeek, Failure> {
    match text {
        None => Ok(IsoWeek::of(s.today())),
        Some(t) => IsoWeek::parse(t)
            .ok_or_else(|| Failure(format!("{} \"{t}\"", Msg::CliBadWeek.text(lang)))),
    }
}

/// Sends a PDF to the printer with `lp` (CUPS), when it is installed.
fn send_to_printer(path: &Path, printer: &str, lang: Lang) -> Result<String, Failure> {
    match crate::files::lp(path, printer) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Msg::CliNoLp.text(lang).to_string())
        }
        Err(e) => Err(Failure(format!("lp: {e}"))),
        Ok(o) if o.status.success() => Ok(format!(
            "{} {}",
            Msg::CliSentToPrinter.text(lang),
            String::from_utf8_lossy(&o.stdout).trim()
        )),
        Ok(o) => Err(Failure(format!(
            "lp: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        ))),
    }
}
