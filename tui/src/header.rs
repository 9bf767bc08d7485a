//! The header line: the program's title, the tabs with their numbers, and who is logged in. What
//! does not fit at the window's width gives way in turn: the long title to the short one, the
//! role to the user name alone, the other tabs' titles to their numbers.

use crate::i18n::{Lang, Msg};
use kapstok_core::{Role, Session};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Tabs;
use ratatui::Frame;

fn title_width(title: Msg, lang: Lang) -> u16 {
    title.text(lang).chars().count() as u16 + 3
}

/// Draws the header: before login only the title; after, the tabs (`tab` selected) and who.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    session: Option<&Session>,
    tabs: &[Msg],
    tab: usize,
    lang: Lang,
) {
    let style = Style::new()
        .add_modifier(Modifier::BOLD)
        .fg(Color::Black)
        .bg(Color::Cyan);
    let t = |m: Msg| m.text(lang);
    let Some(session) = session else {
        let title = Span::styled(format!(" {} ", t(Msg::AppTitle)), style);
        frame.render_widget(Line::from(title), area);
        return;
    };
    let name = format!("{} ", session.user_name());
    let who = format!(
        "{} ({}) ",
        session.user_name(),
        role_label(session.role(), lang)
    );
    let titles: Vec<String> = tabs
        .iter()
        .enumerate()
        .map(|(i, m)| format!("{i} {}", t(*m)))
        .collect();
    // Each title takes a space either side, with a divider between.
    let tabs_width: usize = titles.iter().map(|t| t.chars().count() + 2).sum::<usize>()
        + titles.len().saturating_sub(1);
    let (full, short) = (
        title_width(Msg::AppTitle, lang),
        title_width(Msg::AppShort, lang),
    );
    let fit = |title: u16, who: &str| {
        usize::from(title) + tabs_width + who.chars().count() <= usize::from(area.width)
    };
    let (title, title_w, who) = if fit(full, &who) {
        (Msg::AppTitle, full, who)
    } else if fit(short, &who) {
        (Msg::AppShort, short, who)
    } else if fit(short, &name) {
        (Msg::AppShort, short, name)
    } else if fit(0, &name) {
        (Msg::AppShort, 0, name)
    } else {
        (Msg::AppShort, 0, String::new())
    };
    // Still too wide (many tabs at 80 columns): the other tabs show their number only.
    let titles: Vec<String> = if tabs_width > usize::from(area.width) {
        titles
            .into_iter()
            .enumerate()
            .map(|(i, t)| if i == tab { t } else { i.to_string() })
            .collect()
    } else {
        titles
    };
    let who_width = who.chars().count() as u16;
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(who_width)]).areas(area);
    let [title_area, tabs_area] =
        Layout::horizontal([Constraint::Length(title_w), Constraint::Min(0)]).areas(left);
    frame.render_widget(
        Line::from(Span::styled(format!(" {} ", t(title)), style)),
        title_area,
    );
    frame.render_widget(
        Tabs::new(titles)
            .select(tab)
            .highlight_style(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)),
        tabs_area,
    );
    frame.render_widget(Line::from(who).right_aligned(), right);
}

/// A role in words.
pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Administrator => Msg::RoleAdministrator.text(lang),
        Role::Coordinator => Msg::RoleCoordinator.text(lang),
        Role::Volunteer => Msg::RoleVolunteer.text(lang),
    }
}
