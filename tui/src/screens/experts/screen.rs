//! The experts tab as a screen: its keys on the experts and reviews views, and the layers they
//! open (the forms, questions and dialogs are built in `actions.rs` and `slot.rs`).

use super::slot::{SlotDialog, SlotLayer};
use super::{agreement_pdf_path, draw, forms, ExpertsTab, Selected, View};
use crate::files::write_atomically;
use crate::i18n::{self, args, Msg};
use crate::jobs::JobFailed;
use crate::keys::{Action, Mode};
use crate::layers::DetailLayer;
use crate::screen::{Cx, Effect, Effects, Job, Screen, Shared, Target};
use crate::screens::Status;
use crate::widgets::confirm::Question;
use kapstok_core::experts::{AgreementState, ReviewStatus};
use kapstok_core::store::TreeId;
use kapstok_core::Error;
use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;

/// How wide the detail of an agreement or a review is.
const DETAIL_WIDTH: u16 = 78;

/// What the agreement PDF job answers: the line for the status bar.
struct PdfSaved(Status);

impl Screen for ExpertsTab {
    fn title(&self) -> Msg {
        Msg::TabExperts
    }

    /// The agreements and reviews; the members for the experts' names; the settings for how
    /// many weeks ahead a review is due; the users for the staff who hold reviews.
    fn depends_on(&self) -> &'static [TreeId] {
        &[
            TreeId::Agreements,
            TreeId::Reviews,
            TreeId::Members,
            TreeId::Settings,
            TreeId::Users,
        ]
    }

    fn load(&mut self, cx: &Cx, _: &mut Shared) -> Result<(), Error> {
        self.read(cx.session)
    }

    fn mode(&self) -> Mode {
        match self.view {
            View::Experts => Mode::Experts,
            View::Reviews => Mode::Reviews,
        }
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Effects {
        if let Some(step) = action.step() {
            self.move_by(step);
            return Effects::none();
        }
        if action == Action::NextView {
            self.view = match self.view {
                View::Experts => View::Reviews,
                View::Reviews => View::Experts,
            };
            return Effects::none();
        }
        match self.view {
            View::Experts => self.expert_action(action, cx),
            View::Reviews => self.review_action(action, cx),
        }
    }

    fn open(&mut self, target: Target, _: &Cx) -> Option<Effects> {
        self.view = match target {
            Target::Experts => View::Experts,
            Target::Reviews => View::Reviews,
            _ => return None,
        };
        Some(Effects::none())
    }

    fn message(&mut self, message: Box<dyn Any + Send>, cx: &Cx) -> Effects {
        match message.downcast::<PdfSaved>() {
            Ok(saved) => Effects::status(saved.0),
            // The work panicked (the shell says so before this is reached).
            Err(other) if other.is::<JobFailed>() => Effects::status(Status {
                text: cx.t(Msg::JobFailed).into(),
                error: true,
            }),
            Err(_) => Effects::none(),
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect, cx: &Cx) {
        self.draw(frame, area, cx.lang);
    }
}

impl ExpertsTab {
    fn expert_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let today = cx.session.today();
        if action == Action::New {
            return Effects::push(ExpertsTab::agreement_layer(
                forms::new_agreement_form(today),
                None,
            ));
        }
        if matches!(action, Action::Older | Action::Newer) {
            if let Some(i) = self.expert.selected() {
                if let Some(row) = self.experts.get_mut(i) {
                    row.focus = match action {
                        Action::Older => row.focus.saturating_sub(1),
                        _ => (row.focus + 1).min(row.agreements.len().saturating_sub(1)),
                    };
                }
            }
            return Effects::none();
        }
        if !matches!(
            action,
            Action::Enter | Action::Edit | Action::Sign | Action::EndEarly | Action::Print
        ) {
            return Effects::none();
        }
        let Some((id, a)) = self.focused_agreement() else {
            return Effects::info(cx.t(Msg::NoAgreementSelected));
        };
        let nr = id.to_string();
        let state = a.state(self.today);
        match action {
            Action::Enter => match self.selected_expert() {
                Some(row) => Effects::push(
                    DetailLayer::new(
                        cx.t(Msg::DetailAgreement),
                        draw::agreement_lines(row, &self.reviews, self.today, lang, true),
                    )
                    .width(DETAIL_WIDTH),
                ),
                None => Effects::none(),
            },
            Action::Edit if a.signed_on.is_some() => Effects::info(
                args::OnlyDrafts {
                    nr: &nr,
                    state: &i18n::agreement_state(state).text(lang),
                }
                .text(lang),
            ),
            Action::Edit => Effects::push(ExpertsTab::agreement_layer(
                forms::edit_agreement_form(Msg::FormEditAgreement, &a),
                Some(id),
            )),
            Action::Sign if a.signed_on.is_some() => {
                Effects::info(args::AlreadySigned { nr: &nr }.text(lang))
            }
            Action::Sign => Effects::push(ExpertsTab::sign_layer(forms::sign_form(today), id)),
            Action::EndEarly if state == AgreementState::Ended => {
                Effects::info(args::AlreadyEnded { nr: &nr }.text(lang))
            }
            Action::EndEarly => Effects::push(ExpertsTab::end_layer(forms::end_form(today), id)),
            Action::Print => self.print(id, a.expert),
            _ => Effects::none(),
        }
    }

    /// Saves the agreement as a PDF beside the store (`overeenkomst-<nr>-<name>.pdf`), off the
    /// drawing thread.
    fn print(&self, id: u64, expert: u64) -> Effects {
        let path = agreement_pdf_path(&self.out_dir, id, &self.name(expert));
        Effects::one(Effect::Spawn(Job {
            what: Msg::BusyAgreementPdf,
            work: Box::new(move |s, lang| {
                let status = match s.experts().agreement_pdf(id) {
                    Err(e) => crate::screens::error_status(&e, lang),
                    Ok(bytes) => match write_atomically(&path, &bytes) {
                        Ok(()) => Status {
                            text: args::AgreementPdfSaved {
                                path: &path.display().to_string(),
                            }
                            .text(lang),
                            error: false,
                        },
                        Err(e) => Status {
                            text: format!("{}: {e}", path.display()),
                            error: true,
                        },
                    },
                };
                Box::new(PdfSaved(status))
            }),
        }))
    }

    fn review_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        match action {
            Action::PrevWeek | Action::NextWeek => {
                self.week = if action == Action::PrevWeek {
                    self.week.previous()
                } else {
                    self.week.next()
                };
                self.clamp_cursor();
                Effects::none()
            }
            Action::Enter => match self.selected() {
                Some(Selected::Due(d)) if d.planned.is_none() => self.schedule(cx),
                Some(Selected::Review(id, r)) if r.status != ReviewStatus::Scheduled => {
                    let name = self.name(r.expert);
                    Effects::push(
                        DetailLayer::new(
                            cx.t(Msg::DetailReview),
                            draw::review_detail(id, r, &name, lang),
                        )
                        .width(DETAIL_WIDTH),
                    )
                }
                Some(_) => self.review_action(Action::Record, cx),
                None => Effects::none(),
            },
            Action::Schedule => match self.selected() {
                Some(Selected::Due(d)) if d.planned.is_some() => {
                    Effects::info(cx.t(Msg::AlreadyPlanned))
                }
                Some(Selected::Due(_)) => self.schedule(cx),
                _ => Effects::info(cx.t(Msg::PickDueRow)),
            },
            Action::Reschedule | Action::CancelReview | Action::NoShow | Action::Record => {
                let Some((id, review)) = self.selected_review() else {
                    return Effects::info(match self.selected() {
                        Some(Selected::Due(_)) => cx.t(Msg::NotPlannedYet),
                        _ => cx.t(Msg::NoReviewSelected),
                    });
                };
                if review.status != ReviewStatus::Scheduled {
                    return Effects::info(cx.t(Msg::ReviewNotOpen));
                }
                let name = self.name(review.expert);
                let when = i18n::when(review.slot.start, lang);
                let text = |m: Msg| match m {
                    Msg::ConfirmCancel => args::ConfirmCancel {
                        name: &name,
                        when: &when,
                    }
                    .text(lang),
                    _ => args::ConfirmNoShow {
                        name: &name,
                        when: &when,
                    }
                    .text(lang),
                };
                match action {
                    Action::Reschedule => {
                        match SlotDialog::reschedule(
                            cx.session,
                            id,
                            &review,
                            name.clone(),
                            &self.staff,
                            lang,
                        ) {
                            Ok(d) => Effects::push(SlotLayer::new(d)),
                            Err(e) => Effects::error(&e, lang),
                        }
                    }
                    Action::CancelReview => Effects::push(ExpertsTab::cancel_question(
                        id,
                        Question::typed_word(&text(Msg::ConfirmCancel), Msg::WordCancel, lang),
                    )),
                    Action::NoShow => Effects::push(ExpertsTab::no_show_question(
                        id,
                        name.clone(),
                        Question::yes_no(text(Msg::ConfirmNoShow)),
                    )),
                    _ => {
                        let mut form = forms::record_form(cx.session.today(), &review);
                        form.note = Some(format!("{name} · {when}"));
                        Effects::push(ExpertsTab::record_layer(form, id))
                    }
                }
            }
            _ => Effects::none(),
        }
    }

    /// Opens the scheduling dialog for the selected agreement due.
    fn schedule(&self, cx: &Cx) -> Effects {
        let Some(Selected::Due(d)) = self.selected() else {
            return Effects::info(cx.t(Msg::PickDueRow));
        };
        let name = self.name(d.agreement.expert);
        match SlotDialog::schedule(cx.session, d.agreement_id, name, &self.staff, cx.lang) {
            Ok(dialog) => Effects::push(SlotLayer::new(dialog)),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }
}
