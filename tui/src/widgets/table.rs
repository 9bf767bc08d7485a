//! Column widths that fit what a table shows: each column as wide as its header and the cells
//! actually shown, within its minimum and maximum; when the table is too narrow for that, every
//! column gets its minimum and the space left goes, a character at a time in turn, to the
//! columns whose cells are cut, and only then to the headers of columns with nothing shown (an
//! empty column stays narrow, its header ending in `…`). A cell that does not fit ends in `…` at a word's end
//! ([`super::ellipsize_words`]), never cut mid-word without a sign.

use super::ellipsize_words;
use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Row;

/// A column: its header, and how narrow and how wide it may be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column<'a> {
    /// The header.
    pub header: &'a str,
    /// The narrowest it is drawn (the space left is shared out above this).
    pub min: u16,
    /// The widest it is drawn, however long its cells.
    pub max: u16,
}

impl<'a> Column<'a> {
    /// A column between `min` and `max` characters wide.
    pub fn new(header: &'a str, min: u16, max: u16) -> Column<'a> {
        Column {
            header,
            min: min.min(max),
            max,
        }
    }
}

/// The width of a text as the tables count it (characters).
fn width_of(text: &str) -> u16 {
    u16::try_from(text.chars().count()).unwrap_or(u16::MAX)
}

/// The width of each column for a table `width` characters wide inside its border, with
/// `spacing` between columns and `reserved` before the first (the highlight symbol).
pub fn widths(
    columns: &[Column],
    rows: &[Vec<String>],
    width: u16,
    spacing: u16,
    reserved: u16,
) -> Vec<u16> {
    let gaps = spacing.saturating_mul(u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0));
    let mut free = width.saturating_sub(gaps).saturating_sub(reserved);
    let content: Vec<u16> = (0..columns.len())
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|t| width_of(t))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let want: Vec<u16> = columns
        .iter()
        .zip(&content)
        .map(|(c, w)| width_of(c.header).max(*w).clamp(c.min, c.max))
        .collect();
    if want.iter().map(|w| u32::from(*w)).sum::<u32>() <= u32::from(free) {
        return want;
    }
    let mut got: Vec<u16> = columns.iter().map(|c| c.min).collect();
    free = free.saturating_sub(got.iter().sum());
    // First the cells, then the headers.
    let cells: Vec<u16> = columns
        .iter()
        .zip(&content)
        .map(|(c, w)| (*w).clamp(c.min, c.max))
        .collect();
    for goal in [&cells, &want] {
        share(&mut got, goal, &mut free);
    }
    got
}

/// Gives `free` out a character at a time, in turn, to the columns below their `goal`.
fn share(got: &mut [u16], goal: &[u16], free: &mut u16) {
    while *free > 0 {
        let mut gave = false;
        for (g, w) in got.iter_mut().zip(goal) {
            if *free > 0 && *g < *w {
                *g += 1;
                *free -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
}

/// A table's widths as constraints, and its cells fitted to them (ending in `…` where cut).
pub fn fit(
    columns: &[Column],
    mut rows: Vec<Vec<String>>,
    width: u16,
    reserved: u16,
) -> (Vec<Constraint>, Vec<Vec<String>>) {
    let widths = widths(columns, &rows, width, 1, reserved);
    for row in &mut rows {
        for (cell, w) in row.iter_mut().zip(&widths) {
            if width_of(cell) > *w {
                *cell = ellipsize_words(cell, usize::from(*w));
            }
        }
    }
    (widths.into_iter().map(Constraint::Length).collect(), rows)
}

/// [`fit`] for cells with a style each: the widths, and the rows of styled cells.
pub fn fit_spans(
    columns: &[Column],
    rows: Vec<Vec<Span<'static>>>,
    width: u16,
    reserved: u16,
) -> (Vec<Constraint>, Vec<Row<'static>>) {
    let styles: Vec<Vec<Style>> = rows
        .iter()
        .map(|r| r.iter().map(|s| s.style).collect())
        .collect();
    let cells = rows
        .into_iter()
        .map(|r| r.into_iter().map(|s| s.content.into_owned()).collect())
        .collect();
    let (widths, cells) = fit(columns, cells, width, reserved);
    let rows = cells
        .into_iter()
        .zip(styles)
        .map(|(cells, styles)| {
            Row::new(
                cells
                    .into_iter()
                    .zip(styles)
                    .map(|(c, style)| Span::styled(c, style)),
            )
        })
        .collect();
    (widths, rows)
}

/// The headers, fitted to the widths as the cells are.
pub fn headers<'a>(columns: &[Column<'a>], widths: &[Constraint]) -> Vec<String> {
    columns
        .iter()
        .zip(widths)
        .map(|(c, w)| match w {
            Constraint::Length(w) if width_of(c.header) > *w => {
                ellipsize_words(c.header, usize::from(*w))
            }
            _ => c.header.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn columns_are_as_wide_as_their_content_within_their_bounds() {
        let cols = [Column::new("Naam", 4, 30), Column::new("Schrijver", 6, 20)];
        let rows = vec![row(&["Jan van der Poel", ""]), row(&["Zoë de Wit", ""])];
        // Room enough: the name as long as the longest, the empty column its header.
        assert_eq!(widths(&cols, &rows, 80, 1, 1), vec![16, 9]);
        // A name longer than the maximum stops there.
        let long = vec![row(&["Een naam die veel langer is dan dertig tekens", ""])];
        assert_eq!(widths(&cols, &long, 80, 1, 1)[0], 30);
    }

    #[test]
    fn too_narrow_the_space_goes_to_the_columns_cut_and_cells_end_in_an_ellipsis() {
        let cols = [
            Column::new("Naam", 8, 40),
            Column::new("Reden", 5, 30),
            Column::new("Gepost", 6, 6),
        ];
        let rows = vec![row(&[
            "Şükrü Yılmaz van den Berghe",
            "kliniek, verjaardag, gedetineerd",
            "",
        ])];
        // 40 wide: 2 gaps and the symbol leave 37; minimums 8 + 5 + 6, the 18 left shared by the
        // two cut columns in turn.
        let w = widths(&cols, &rows, 40, 1, 1);
        assert_eq!(w, vec![17, 14, 6]);
        let (constraints, fitted) = fit(&cols, rows, 40, 1);
        assert_eq!(constraints[0], Constraint::Length(17));
        assert_eq!(fitted[0][0], "Şükrü Yılmaz van…");
        assert_eq!(fitted[0][1], "kliniek,…");
        assert!(fitted[0].iter().zip(&w).all(|(c, w)| width_of(c) <= *w));
        // An empty column stays at its minimum while a name is cut: 20 wide leaves 18.
        let cols = [Column::new("Naam", 4, 40), Column::new("Schrijver", 3, 20)];
        let rows = vec![row(&["Jan van der Poel uit Lelystad", ""])];
        assert_eq!(widths(&cols, &rows, 20, 1, 1), vec![15, 3]);
        // A header wider than its column is cut with a sign too.
        let narrow = [Column::new("Inrichting", 4, 4)];
        assert_eq!(headers(&narrow, &[Constraint::Length(4)]), vec!["Inr…"]);
    }
}
