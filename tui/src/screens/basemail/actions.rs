//! What the keys of the BaseMail tab do: on the week's run and its cards, on institutions and on
//! recipients. Each answers [`Effects`]: a form or a question pushed as a generic layer whose
//! closure calls core ([`super::forms`]), or what core said on the status line.

use super::forms::{self, Done};
use super::{BaseMailTab, View};
use crate::i18n::{args, count, Msg, Noun};
use crate::keys::Action;
use crate::layers::{ConfirmLayer, PickerLayer};
use crate::screen::{Cx, Effects};
use crate::widgets::confirm::Question;
use crate::widgets::picker::Picker;
use kapstok_core::basemail::Card;
use kapstok_core::common::format_date;

impl BaseMailTab {
    /// A key on the week's cards or its left-out list.
    pub(super) fn run_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let (s, lang) = (cx.session, cx.lang);
        let bm = s.basemail();
        let today = s.today();
        match action {
            Action::PrevWeek => self.set_week(self.week.previous(), cx),
            Action::NextWeek => self.set_week(self.week.next(), cx),
            Action::Compose => match bm.compose(self.week) {
                Ok(run) => {
                    let text = args::Composed {
                        week: &self.week,
                        cards: &count(run.cards.len(), Noun::Card, lang),
                        left: &run.left_out.len(),
                    }
                    .text(lang);
                    self.set_run(Some(run));
                    Effects::info(text)
                }
                Err(e) => Effects::error(&e, lang),
            },
            Action::AddByHand if self.run.is_none() => Effects::info(cx.t(Msg::ComposeFirst)),
            Action::AddByHand => match bm.recipient_names() {
                Ok(names) if names.is_empty() => Effects::info(cx.t(Msg::NoRecipientsYet)),
                Ok(names) => Effects::push(PickerLayer::new(
                    Picker::new(Msg::PickRecipient, names),
                    |id, name, _: &mut BaseMailTab, _| Effects::push(forms::add_by_hand(id, &name)),
                )),
                Err(e) => Effects::error(&e, lang),
            },
            Action::Post => match &self.run {
                None => Effects::info(cx.t(Msg::ComposeFirst)),
                Some(run) => {
                    let text = args::ConfirmPost {
                        week: &self.week,
                        date: &format_date(today),
                        cards: &count(run.cards.len(), Noun::Card, lang),
                    }
                    .text(lang);
                    Effects::push(ConfirmLayer::new(
                        Question::typed_word(&text, Msg::WordPost, lang),
                        move |tab: &mut BaseMailTab, cx| {
                            let week = tab.week;
                            let posted = cx.session.basemail().post(week, today);
                            let done = posted.map(|run| Done {
                                run: Some(run),
                                message: args::RunPosted {
                                    week: &week,
                                    date: &format_date(today),
                                }
                                .text(cx.lang),
                                select: None,
                            });
                            tab.after(done, cx.lang)
                        },
                    ))
                }
            },
            Action::Labels => self.open_print_dialog(cx),
            Action::RunSheet => self.print_run_sheet(cx),
            Action::Calibrate => self.open_printer_form(cx),
            Action::Writer | Action::ToggleWritten | Action::RemoveByHand | Action::Returned => {
                let card = match (self.view, self.selected_card()) {
                    (View::Cards, Some(card)) => card.clone(),
                    _ => return Effects::info(cx.t(Msg::NoCardSelected)),
                };
                self.card_action(action, &card, cx)
            }
            _ => Effects::none(),
        }
    }

    /// A key on the selected card.
    fn card_action(&mut self, action: Action, card: &Card, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let today = cx.session.today();
        match action {
            Action::Writer => Effects::push(forms::writer(card, lang)),
            Action::ToggleWritten => {
                let result = cx
                    .session
                    .basemail()
                    .mark_written(self.week, card.who, !card.written);
                let done = result.map(|run| Done {
                    run: Some(run),
                    message: cx
                        .t(if card.written {
                            Msg::MarkedNotWritten
                        } else {
                            Msg::MarkedWritten
                        })
                        .to_string(),
                    select: None,
                });
                self.after(done, lang)
            }
            Action::RemoveByHand => Effects::push(forms::remove_by_hand(card)),
            Action::Returned if card.posted.is_none() => Effects::info(cx.t(Msg::NotPostedYet)),
            Action::Returned => {
                let text = args::ConfirmReturned {
                    name: &card.name,
                    date: &format_date(today),
                }
                .text(lang);
                let who = card.who;
                Effects::push(ConfirmLayer::new(
                    Question::yes_no(text),
                    move |tab: &mut BaseMailTab, cx| {
                        let returned = cx.session.basemail().mark_returned(tab.week, who, today);
                        let done = returned.map(|run| {
                            let name = run
                                .cards
                                .iter()
                                .find(|c| c.who == who)
                                .map_or(String::new(), |c| c.name.clone());
                            Done {
                                run: Some(run),
                                message: args::CardReturned { name: &name }.text(cx.lang),
                                select: None,
                            }
                        });
                        tab.after(done, cx.lang)
                    },
                ))
            }
            _ => Effects::none(),
        }
    }

    /// A key on the institutions.
    pub(super) fn institution_action(&mut self, action: Action) -> Effects {
        match action {
            Action::New => Effects::push(forms::new_institution()),
            Action::Edit => match self.selected_institution() {
                Some((id, inst)) => Effects::push(forms::edit_institution(*id, inst)),
                None => Effects::none(),
            },
            _ => Effects::none(),
        }
    }

    /// A key on the recipients.
    pub(super) fn recipient_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        if action == Action::New {
            return Effects::push(forms::new_recipient());
        }
        let Some(row) = self.selected_recipient() else {
            return Effects::info(cx.t(Msg::NothingSelectedHere));
        };
        let today = cx.session.today();
        let id = row.id;
        match action {
            Action::Edit => Effects::push(forms::edit_recipient(id, &row.recipient)),
            Action::Ill if row.recipient.ill_since.is_some() => Effects::push(ConfirmLayer::new(
                Question::yes_no(args::ConfirmWell { name: &row.name }.text(lang)),
                move |tab: &mut BaseMailTab, cx| {
                    let well = cx.session.basemail().set_ill(id, None);
                    tab.after(well.map(|()| Done::said(Msg::IllCleared, cx.lang)), cx.lang)
                },
            )),
            Action::Ill => Effects::push(forms::ill(id, today)),
            Action::StartStay => Effects::push(forms::start_stay(id, &self.institutions, today)),
            Action::MoveStay => Effects::push(forms::move_stay(
                id,
                &self.institutions,
                row.open_stay().map(|(_, s)| s),
                today,
            )),
            Action::EndStay | Action::ConfirmStay => match row.open_stay() {
                None => Effects::info(cx.t(Msg::NoOpenStay)),
                Some((stay, _)) if action == Action::EndStay => {
                    Effects::push(forms::end_stay(*stay, today))
                }
                Some((stay, _)) => Effects::push(forms::confirm_stay(*stay, today)),
            },
            Action::Checked => match row.stay_to_check() {
                None => Effects::info(cx.t(Msg::NoCheckNeeded)),
                Some((stay_id, stay)) => {
                    let place = self
                        .institutions
                        .iter()
                        .find(|(i, _)| *i == stay.institution)
                        .map_or(String::new(), |(_, i)| i.name.clone());
                    let text = args::ConfirmChecked {
                        name: &row.name,
                        place: &place,
                    }
                    .text(lang);
                    let stay_id = *stay_id;
                    Effects::push(ConfirmLayer::new(
                        Question::yes_no(text),
                        move |tab: &mut BaseMailTab, cx| {
                            let checked = cx.session.basemail().checked(stay_id);
                            tab.after(
                                checked.map(|_| Done::said(Msg::StayChecked, cx.lang)),
                                cx.lang,
                            )
                        },
                    ))
                }
            },
            _ => Effects::none(),
        }
    }
}
