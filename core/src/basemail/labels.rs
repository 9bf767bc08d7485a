//! Printing BaseMail: the label sheets (built in and custom), the printer and its calibration,
//! the week's labels, a calibration test print, and the run sheet.

use super::model::{Card, LeftOutReason, Recipient, Run, Who};
use super::rules::{self, SortNames};
use super::service::BaseMail;
use crate::common::IsoWeek;
use crate::error::{Error, Permission, Reason, Result};
use crate::members::Member;
use crate::print::document::{self, Writer};
use crate::print::{layout, pdf, sheets, Calibration, FitReason, LabelSheet, PrintError};
use crate::store::{Record, TreeId};
use kapstok_text::{Lang, Msg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How printing is set up on this office PC.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrintSettings {
    /// The printer `lp` sends to (empty: the system's default printer).
    pub printer: String,
    /// Calibration per printer name (the empty name is the default printer).
    pub calibrations: BTreeMap<String, Calibration>,
    /// Custom label sheets.
    pub custom_sheets: Vec<LabelSheet>,
}

impl PrintSettings {
    /// The calibration of the configured printer.
    pub fn calibration(&self) -> Calibration {
        self.calibrations
            .get(&self.printer)
            .copied()
            .unwrap_or_default()
    }
}

/// The stored versions of the print settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum PrintSettingsRecord {
    /// The first version.
    V1(PrintSettings),
}

impl Record for PrintSettings {
    const TREE: TreeId = TreeId::Settings;
    const KIND: &'static str = "print settings";
    type Stored = PrintSettingsRecord;
    fn to_stored(&self) -> PrintSettingsRecord {
        PrintSettingsRecord::V1(self.clone())
    }
    fn from_stored(stored: PrintSettingsRecord) -> Self {
        match stored {
            PrintSettingsRecord::V1(s) => s,
        }
    }
}

/// The order labels are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelOrder {
    /// By institution, then name (cards to home addresses last).
    #[default]
    Institution,
    /// By name.
    Name,
}

/// A label that cannot be printed: whose, and why. Nothing was printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfit {
    /// The card's name.
    pub name: String,
    /// What does not fit.
    pub reason: FitReason,
    /// The line concerned, when one is.
    pub line: Option<String>,
}

/// A labels PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelJob {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Labels printed.
    pub labels: usize,
    /// Sheets used.
    pub pages: usize,
}

/// What printing a week's run gave: the document, or nothing because the run has no cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printout<T> {
    /// The document.
    Ready(T),
    /// The week's run has no cards: nothing was printed.
    NoCards(NoCards),
}

impl<T> Printout<T> {
    /// The document, if there is one.
    pub fn ready(self) -> Option<T> {
        match self {
            Printout::Ready(t) => Some(t),
            Printout::NoCards(_) => None,
        }
    }
}

/// A week's run without cards: how many people were left out, grouped by reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoCards {
    /// The week.
    pub week: IsoWeek,
    /// Each reason someone was left out for, with how many; most first.
    pub left_out: Vec<(LeftOutReason, usize)>,
}

impl NoCards {
    /// The left-out list of a run, grouped by reason (equal reasons together; the most frequent
    /// first, then in the order they first appear).
    pub fn of(run: &Run) -> NoCards {
        let mut groups: Vec<(LeftOutReason, usize)> = Vec::new();
        for l in &run.left_out {
            match groups.iter_mut().find(|(r, _)| *r == l.reason) {
                Some((_, n)) => *n += 1,
                None => groups.push((l.reason.clone(), 1)),
            }
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.1));
        NoCards {
            week: run.week,
            left_out: groups,
        }
    }

    /// How many people were left out in all.
    pub fn total(&self) -> usize {
        self.left_out.iter().map(|(_, n)| n).sum()
    }
}

fn print_error(e: PrintError) -> Error {
    Error::from(e)
}

impl BaseMail<'_> {
    /// Built-in and custom sheets.
    pub fn sheets(&self) -> Result<Vec<LabelSheet>> {
        self.session().require(Permission::BaseMailRun)?;
        let mut all = sheets::builtin();
        all.extend(self.print_settings()?.custom_sheets);
        Ok(all)
    }

    /// A sheet by id (built in or custom).
    pub fn sheet(&self, id: &str) -> Result<LabelSheet> {
        let wanted = id.trim().to_lowercase();
        if let Some(sheet) = sheets::find(&wanted) {
            return Ok(sheet);
        }
        self.print_settings()?
            .custom_sheets
            .into_iter()
            .find(|s| s.id == wanted)
            .ok_or_else(|| Error::invalid("sheet", Reason::UnknownName(id.to_string())))
    }

    /// The print settings.
    pub fn print_settings(&self) -> Result<PrintSettings> {
        self.session().require(Permission::BaseMailRun)?;
        Ok(self
            .session()
            .store()
            .setting::<PrintSettings>()?
            .unwrap_or_default())
    }

    fn save_print_settings(&self, settings: &PrintSettings, action: &str) -> Result<()> {
        let now = self.session().now();
        self.session().store().transact(|tx| {
            tx.put_setting(settings)?;
            self.session().audit(tx, now, action, "print_settings", "")
        })
    }

    /// Adds (or replaces) a custom sheet; the built-in ids are taken.
    pub fn save_sheet(&self, sheet: &LabelSheet) -> Result<()> {
        self.session().require(Permission::BaseMailManage)?;
        sheet.validate().map_err(Error::Invalid)?;
        if sheets::find(&sheet.id).is_some() {
            return Err(Error::invalid("id", Reason::Taken));
        }
        let mut settings = self.print_settings()?;
        settings.custom_sheets.retain(|s| s.id != sheet.id);
        settings.custom_sheets.push(sheet.clone());
        self.save_print_settings(&settings, "print.sheet")
    }

    /// Chooses the printer `lp` sends to (empty: the default printer), keeping its calibration.
    pub fn set_printer(&self, printer: &str) -> Result<()> {
        let calibration = self
            .print_settings()?
            .calibrations
            .get(printer.trim())
            .copied()
            .unwrap_or_default();
        self.configure_printer(printer, calibration)
    }

    /// Sets the calibration of the configured printer (±5 mm).
    pub fn set_calibration(&self, calibration: Calibration) -> Result<()> {
        let printer = self.print_settings()?.printer;
        self.configure_printer(&printer, calibration)
    }

    /// Chooses the printer and its calibration in one step: both are checked first, and nothing
    /// is saved when either is refused.
    pub fn configure_printer(&self, printer: &str, calibration: Calibration) -> Result<()> {
        self.session().require(Permission::BaseMailRun)?;
        let printer = printer.trim();
        let mut errors = Vec::new();
        if printer.chars().any(|c| c.is_whitespace() || c.is_control()) || printer.starts_with('-')
        {
            errors.push(crate::error::FieldError::new("printer", Reason::BadId));
        }
        if let Err(mut e) = calibration.validate() {
            errors.append(&mut e);
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let mut settings = self.print_settings()?;
        settings.printer = printer.to_string();
        settings
            .calibrations
            .insert(printer.to_string(), calibration);
        self.save_print_settings(&settings, "print.printer")
    }

    /// The run of a week as it is printed: a run not yet posted is composed again first, so
    /// that it follows the register (people imported or detained since it was composed are in
    /// it, people released are not), keeping the changes made by hand and the marks (writer,
    /// written) of cards still there; a posted run is printed as it was; a week not composed
    /// yet is composed.
    pub fn run_to_print(&self, week: IsoWeek) -> Result<Run> {
        match self.run(week)? {
            Some(run) if run.closed_on.is_some() => Ok(run),
            _ => self.compose(week),
        }
    }

    /// The names the cards sort on: each member's name in the register, each non-member's
    /// recipient name (read one by one in number order, so neighbours share sled's pages; not
    /// the whole register).
    fn sort_names(&self, cards: &[Card]) -> Result<SortNames> {
        let store = self.session().store();
        let mut who: Vec<Who> = cards.iter().map(|c| c.who).collect();
        who.sort_unstable();
        let mut names = SortNames::with_capacity(cards.len());
        for w in who {
            let name = match w {
                Who::Member(n) => store.get::<Member>(n)?.map(|m| m.name),
                Who::Recipient(id) => store.get::<Recipient>(id)?.map(|r| r.name),
            };
            if let Some(name) = name {
                names.insert(w, name.order_key());
            }
        }
        Ok(names)
    }

    /// The labels of a week's run ([`BaseMail::run_to_print`]: composed again unless posted),
    /// on a sheet from the 1-based `start` cell, with the configured printer's calibration, by
    /// institution or in the register's name order. A run without cards gives
    /// [`Printout::NoCards`] with who was left out and why. If any label does not fit, every
    /// such card is reported ([`Error::Unfit`]) and nothing is printed.
    pub fn labels(
        &self,
        week: IsoWeek,
        sheet_id: &str,
        start: u32,
        order: LabelOrder,
    ) -> Result<Printout<LabelJob>> {
        // The sheet first: a wrong sheet is refused before the run is composed again.
        self.sheet(sheet_id)?;
        let run = self.run_to_print(week)?;
        if run.cards.is_empty() {
            return Ok(Printout::NoCards(NoCards::of(&run)));
        }
        let composed_now = run.closed_on.is_none();
        let mut cards: Vec<Card> = run.cards;
        match order {
            // Composing leaves the cards in this order: only a posted run (composed by an
            // earlier kapstok, perhaps in another order) is sorted again.
            LabelOrder::Institution if composed_now => {}
            LabelOrder::Institution => {
                let names = self.sort_names(&cards)?;
                rules::sort_by_institution(&mut cards, &names)
            }
            LabelOrder::Name => {
                let names = self.sort_names(&cards)?;
                rules::sort_by_name(&mut cards, &names)
            }
        }
        let people: Vec<(String, Vec<String>)> =
            cards.into_iter().map(|c| (c.name, c.address)).collect();
        let record = format!("run/{week}");
        self.print_addresses(
            &people,
            sheet_id,
            start,
            &record,
            &format!("BaseMail {week}"),
        )
        .map(Printout::Ready)
    }

    /// Labels for a list of people (name, envelope lines) in this order, on a sheet from the
    /// 1-based `start` cell, with the configured printer's calibration; the print is logged against
    /// `record`; `title` is the PDF's title. If any label does not fit, every such person is reported ([`Error::Unfit`]) and
    /// nothing is printed.
    pub(crate) fn print_addresses(
        &self,
        people: &[(String, Vec<String>)],
        sheet_id: &str,
        start: u32,
        record: &str,
        title: &str,
    ) -> Result<LabelJob> {
        let sheet = self.sheet(sheet_id)?;
        let calibration = self.print_settings()?.calibration();
        let texts: Vec<Vec<String>> = people.iter().map(|(_, lines)| lines.clone()).collect();
        let placed = match layout::layout(&sheet, calibration, start, &texts) {
            Ok(placed) => placed,
            Err(PrintError::Unfit(problems)) => {
                return Err(Error::Unfit(
                    problems
                        .into_iter()
                        .map(|p| {
                            let (name, lines) = &people[p.index];
                            let line = match &p.reason {
                                FitReason::TooWide { line }
                                | FitReason::MissingGlyph { line, .. } => lines.get(*line).cloned(),
                                FitReason::TooManyLines | FitReason::Empty => None,
                            };
                            Unfit {
                                name: name.clone(),
                                reason: p.reason,
                                line,
                            }
                        })
                        .collect(),
                ))
            }
            Err(e) => return Err(print_error(e)),
        };
        let pdf = pdf::render(&placed, title).map_err(print_error)?;
        let now = self.session().now();
        self.session().store().transact(|tx| {
            self.session()
                .audit(tx, now, "print.labels", record, &texts.len().to_string())
        })?;
        Ok(LabelJob {
            pdf,
            labels: texts.len(),
            pages: placed.pages.len(),
        })
    }

    /// A calibration print on plain paper: every cell's outline and a centre cross, with the
    /// configured printer's calibration.
    pub fn test_print(&self, sheet_id: &str) -> Result<Vec<u8>> {
        let sheet = self.sheet(sheet_id)?;
        let calibration = self.print_settings()?.calibration();
        let placed = layout::test_print(&sheet, calibration).map_err(print_error)?;
        pdf::render(&placed, &format!("{} test", sheet.name)).map_err(print_error)
    }

    /// The run sheet: the week's cards ([`BaseMail::run_to_print`]: composed again unless
    /// posted) with reasons, institution, house rules, writer, and tick boxes for written and
    /// posted, in a language. A run without cards gives [`Printout::NoCards`].
    pub fn run_sheet(&self, week: IsoWeek, lang: Lang) -> Result<Printout<Vec<u8>>> {
        let t = |m: Msg| m.text(lang);
        let run: Run = self.run_to_print(week)?;
        if run.cards.is_empty() {
            return Ok(Printout::NoCards(NoCards::of(&run)));
        }
        let mut w = Writer::new().map_err(print_error)?;
        w.text(0.0, 16.0, &format!("{} {week}", t(Msg::RunSheetTitle)));
        w.text(
            0.0,
            9.0,
            &format!(
                "{} – {}",
                crate::common::format_date(week.monday()),
                crate::common::format_date(week.sunday())
            ),
        );
        w.rule();
        for card in &run.cards {
            let reasons: Vec<&str> = card.reasons.iter().map(|r| t(r.word())).collect();
            let heading = format!("{} ({})", card.name, reasons.join(", "));
            w.keep(22.0);
            w.boxes_then_text(&[t(Msg::Written), t(Msg::RunSheetPosted)], 10.0, &heading);
            w.text(5.0, 9.0, &card.address[1..].join(" · "));
            let writer = if card.writer.is_empty() {
                "…………………………".to_string()
            } else {
                card.writer.clone()
            };
            w.text(5.0, 9.0, &format!("{}: {writer}", t(Msg::ColWriter)));
            if !card.house_rules.is_empty() {
                let rules = t(Msg::HouseRules);
                w.text(5.0, 8.5, &format!("{rules}: {}", card.house_rules));
            }
            if card.needs_sender {
                w.text(5.0, 8.5, t(Msg::SenderRequired));
            }
            if !card.manual_reason.is_empty() {
                w.text(5.0, 8.5, &card.manual_reason);
            }
            w.rule();
        }
        document::render(&w.finish(), &format!("BaseMail {week}"))
            .map(Printout::Ready)
            .map_err(print_error)
    }
}
