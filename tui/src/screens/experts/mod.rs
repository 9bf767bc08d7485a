//! The experts tab, for coordinators and administrators: experts by experience with their
//! half-year agreements, and the review conversations (which are due, the planned ones of a
//! week, scheduling with the first free slots, recording the conversation and its outcome).
//!
//! The tab is a [`crate::screen::Screen`] (`screen.rs`): its forms and questions are the generic
//! layers with closures that call core (`actions.rs`), the review slot dialog a layer of its own
//! (`slot.rs`). Every rule is core's (`session.experts()`): overlap, the allowance limits, office
//! hours, double booking, what an outcome does. The tab turns what was typed into core's input
//! and shows core's answers, its field errors under the fields and its allowance warnings as a
//! question. After a change the tab does not read again itself: core's announcement of the
//! change does it, and what the change asked to select is selected then.

mod actions;
mod draw;
mod forms;
mod screen;
mod slot;

use super::clamp;
use chrono::NaiveDate;
use kapstok_core::common::{fold, IsoWeek, PersonName};
use kapstok_core::experts::{Agreement, AgreementState, DueReview, Review};
use kapstok_core::{Result, Session};
use ratatui::widgets::TableState;
pub use slot::SlotDialog;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The views of the tab, switched with `v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The experts and their agreements.
    Experts,
    /// The reviews due, and the planned reviews of a week.
    Reviews,
}

/// An expert (a member with at least one agreement) with the agreements, oldest first, and the
/// one the detail shows and the keys act on.
#[derive(Debug, Clone)]
pub struct ExpertRow {
    number: u64,
    name: String,
    agreements: Vec<(u64, Agreement)>,
    focus: usize,
}

impl ExpertRow {
    fn current_index(&self, today: NaiveDate) -> Option<usize> {
        let find = |state| {
            self.agreements
                .iter()
                .rposition(|(_, a)| a.state(today) == state)
        };
        find(AgreementState::Active)
            .or_else(|| find(AgreementState::Signed))
            .or_else(|| find(AgreementState::Draft))
            .or_else(|| self.agreements.len().checked_sub(1))
    }

    /// The agreement that holds: running, else signed and not started, else a draft, else the
    /// last one.
    fn current(&self, today: NaiveDate) -> Option<&(u64, Agreement)> {
        self.agreements.get(self.current_index(today)?)
    }

    /// A draft waiting for signatures comes first; else the current agreement.
    fn default_focus(&self, today: NaiveDate) -> usize {
        self.agreements
            .iter()
            .rposition(|(_, a)| a.state(today) == AgreementState::Draft)
            .or_else(|| self.current_index(today))
            .unwrap_or(0)
    }

    fn focused(&self) -> Option<&(u64, Agreement)> {
        self.agreements.get(self.focus)
    }
}

/// What a line of the reviews view is.
#[derive(Debug, Clone, Copy)]
enum Selected<'a> {
    /// An agreement due for a review.
    Due(&'a DueReview),
    /// A review in the week shown.
    Review(u64, &'a Review),
}

/// The tab's state.
#[derive(Debug)]
pub struct ExpertsTab {
    view: View,
    /// Where agreement PDFs are saved: beside the store.
    out_dir: PathBuf,
    today: NaiveDate,
    due_weeks: u32,
    names: BTreeMap<u64, PersonName>,
    experts: Vec<ExpertRow>,
    expert: TableState,
    due: Vec<DueReview>,
    reviews: Vec<(u64, Review)>,
    staff: Vec<String>,
    /// The week of planned reviews shown.
    week: IsoWeek,
    /// The line selected in the reviews view: the due list first, then the week's reviews.
    cursor: usize,
    /// The agreement to select when the change that made or changed it has come in.
    select: Option<u64>,
    /// The week to show when the change that planned or moved a review has come in.
    show_week: Option<IsoWeek>,
}

impl ExpertsTab {
    /// The tab on the experts view and the current week. PDFs are saved in `out_dir`.
    pub fn new(session: &Session, out_dir: PathBuf) -> ExpertsTab {
        let today = session.today();
        ExpertsTab {
            view: View::Experts,
            out_dir,
            today,
            due_weeks: 0,
            names: BTreeMap::new(),
            experts: Vec::new(),
            expert: TableState::default(),
            due: Vec::new(),
            reviews: Vec::new(),
            staff: Vec::new(),
            week: IsoWeek::of(today),
            cursor: 0,
            select: None,
            show_week: None,
        }
    }

    /// Reads the agreements, the due list, the reviews and the staff again, keeping what was
    /// selected; then selects what a change of the tab's own asked for.
    fn read(&mut self, s: &Session) -> Result<()> {
        let ex = s.experts();
        self.today = s.today();
        self.due_weeks = ex.settings()?.due_weeks;
        let agreements = ex.agreements()?;
        let reviews = ex.reviews()?;
        // Only the experts' names: the whole register's took 15 MB at 100,000 members.
        let mut numbers: Vec<u64> = agreements
            .iter()
            .map(|(_, a)| a.expert)
            .chain(reviews.iter().map(|(_, r)| r.expert))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        self.names = s.members().names(&numbers)?.into_iter().collect();
        let keep_expert = self.selected_expert().map(|e| e.number);
        let keep_focus: BTreeMap<u64, u64> = self
            .experts
            .iter()
            .filter_map(|e| e.focused().map(|(id, _)| (e.number, *id)))
            .collect();
        let mut by_expert: BTreeMap<u64, Vec<(u64, Agreement)>> = BTreeMap::new();
        for (id, a) in agreements {
            by_expert.entry(a.expert).or_default().push((id, a));
        }
        let today = self.today;
        let mut rows: Vec<ExpertRow> = by_expert
            .into_iter()
            .map(|(number, mut agreements)| {
                agreements.sort_by_key(|(id, a)| (a.start, *id));
                let mut row = ExpertRow {
                    number,
                    name: self.name(number),
                    agreements,
                    focus: 0,
                };
                row.focus = keep_focus
                    .get(&number)
                    .and_then(|id| row.agreements.iter().position(|(x, _)| x == id))
                    .unwrap_or_else(|| row.default_focus(today));
                row
            })
            .collect();
        rows.sort_by_cached_key(|r| {
            let key = self
                .names
                .get(&r.number)
                .map_or(String::new(), |n| fold(&n.sorted()));
            (key, r.number)
        });
        self.experts = rows;
        if let Some(n) = keep_expert {
            if let Some(i) = self.experts.iter().position(|e| e.number == n) {
                self.expert.select(Some(i));
            }
        }
        clamp(&mut self.expert, self.experts.len());
        self.due = ex.due()?;
        self.reviews = reviews;
        self.staff = ex.staff()?;
        self.clamp_cursor();
        if let Some(id) = self.select.take() {
            self.select_agreement(id);
        }
        if let Some(week) = self.show_week.take() {
            self.week = week;
            self.clamp_cursor();
        }
        Ok(())
    }

    /// A member's name; "#12" for a number no longer in the register.
    fn name(&self, number: u64) -> String {
        self.names
            .get(&number)
            .map_or_else(|| format!("#{number}"), PersonName::full)
    }

    /// [`ExpertsTab::name`], read from the register when the tab does not hold it yet (the
    /// expert of a first agreement, just made).
    fn name_read(&self, s: &Session, number: u64) -> String {
        if self.names.contains_key(&number) {
            return self.name(number);
        }
        s.members()
            .names(&[number])
            .ok()
            .and_then(|mut names| names.remove(&number))
            .map_or_else(|| format!("#{number}"), |n| n.full())
    }

    fn selected_expert(&self) -> Option<&ExpertRow> {
        self.experts.get(self.expert.selected()?)
    }

    fn focused_agreement(&self) -> Option<(u64, Agreement)> {
        self.selected_expert()?.focused().cloned()
    }

    /// Selects the expert of an agreement and focuses the agreement.
    fn select_agreement(&mut self, id: u64) {
        for (i, row) in self.experts.iter_mut().enumerate() {
            if let Some(at) = row.agreements.iter().position(|(x, _)| *x == id) {
                row.focus = at;
                self.expert.select(Some(i));
                return;
            }
        }
    }

    /// The reviews planned in the week shown, by start.
    fn week_reviews(&self) -> Vec<&(u64, Review)> {
        self.reviews
            .iter()
            .filter(|(_, r)| self.week.contains(r.slot.start.date()))
            .collect()
    }

    fn review_lines(&self) -> usize {
        self.due.len() + self.week_reviews().len()
    }

    fn clamp_cursor(&mut self) {
        self.cursor = self.cursor.min(self.review_lines().saturating_sub(1));
    }

    fn selected(&self) -> Option<Selected<'_>> {
        if let Some(d) = self.due.get(self.cursor) {
            return Some(Selected::Due(d));
        }
        let week = self.week_reviews();
        let (id, r) = week.get(self.cursor - self.due.len())?;
        Some(Selected::Review(*id, r))
    }

    /// The review of the selected line: the planned one of an agreement due, or the one shown.
    fn selected_review(&self) -> Option<(u64, Review)> {
        match self.selected()? {
            Selected::Due(d) => d.planned.clone(),
            Selected::Review(id, r) => Some((id, r.clone())),
        }
    }

    fn move_by(&mut self, delta: i64) {
        let len = match self.view {
            View::Experts => self.experts.len(),
            View::Reviews => self.review_lines(),
        };
        if len == 0 {
            return;
        }
        let at = match self.view {
            View::Experts => self.expert.selected().unwrap_or(0),
            View::Reviews => self.cursor,
        } as i64;
        let to = at.saturating_add(delta).clamp(0, len as i64 - 1) as usize;
        match self.view {
            View::Experts => self.expert.select(Some(to)),
            View::Reviews => self.cursor = to,
        }
    }

    /// The agreement `id`, if the tab holds it.
    fn agreement(&self, id: u64) -> Option<&Agreement> {
        self.experts
            .iter()
            .flat_map(|e| e.agreements.iter())
            .find(|(x, _)| *x == id)
            .map(|(_, a)| a)
    }
}

/// `overeenkomst-12-zoe-van-der-berg.pdf`: the number and the name without accents or spaces.
fn agreement_pdf_path(dir: &Path, id: u64, name: &str) -> PathBuf {
    dir.join(format!(
        "overeenkomst-{id}-{}.pdf",
        crate::files::slug(name)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_is_named_after_the_number_and_the_expert() {
        let p = agreement_pdf_path(Path::new("/data"), 12, "Zoë van der Berg");
        assert_eq!(p, Path::new("/data/overeenkomst-12-zoe-van-der-berg.pdf"));
        let p = agreement_pdf_path(Path::new("."), 3, "Şükrü  Yılmaz-Öz ");
        assert_eq!(p, Path::new("./overeenkomst-3-sukru-yilmaz-oz.pdf"));
    }
}
