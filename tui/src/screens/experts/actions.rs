//! What the tab's forms and questions do. Each form is a [`FormLayer`] whose submit calls core;
//! a question before a change is a [`ConfirmLayer`] over the form it came from, whose yes makes
//! the call and closes the form, or, when core refuses a field, opens the form again with the
//! error under that field. What a change asks to select (the agreement, the week of a review) is
//! selected once core's announcement of it has read the tab again.

use super::slot::{SlotDialog, SlotLayer};
use super::{forms, ExpertsTab};
use crate::i18n::{self, args, Lang, Msg};
use crate::layers::{ConfirmLayer, FormLayer, Layer, Submit};
use crate::screen::{Cx, Effect, Effects};
use crate::screens::form_errors;
use crate::widgets::confirm::Question;
use crate::widgets::form::Form;
use kapstok_core::common::{format_date, IsoWeek};
use kapstok_core::error::{Error, FieldError};
use kapstok_core::experts::{AgreementInput, Outcome, Slot};
use kapstok_core::Result;

/// A core call that worked: what to say, the agreement to select and the week to show once the
/// change has come in, and what to open next (the new draft after "adjust").
struct Done {
    message: String,
    select: Option<u64>,
    week: Option<IsoWeek>,
    then: Effects,
}

impl Done {
    fn say(message: String) -> Done {
        Done {
            message,
            select: None,
            week: None,
            then: Effects::none(),
        }
    }

    fn selecting(self, id: u64) -> Done {
        Done {
            select: Some(id),
            ..self
        }
    }

    fn showing(self, week: IsoWeek) -> Done {
        Done {
            week: Some(week),
            ..self
        }
    }
}

/// Opens a form again with core's field errors under its fields; answers the layer and the
/// errors it does not show.
type Reopen = Box<dyn FnOnce(&[FieldError], Lang) -> (Box<dyn Layer>, Vec<String>) + Send>;

/// Core's errors under the record's fields: the next agreement drafted from the outcome overlaps
/// another one (core names its start), which is the outcome's doing.
fn show_record_errors(form: &mut Form, errors: &[FieldError], lang: Lang) -> Vec<String> {
    let errors: Vec<FieldError> = errors
        .iter()
        .map(|e| match e.field {
            "start" => FieldError::new("outcome", e.reason.clone()),
            _ => e.clone(),
        })
        .collect();
    form.show_errors(&errors, lang)
}

impl ExpertsTab {
    /// A new agreement (`id` none) or a draft to change.
    pub(super) fn agreement_layer(form: Form, id: Option<u64>) -> FormLayer<ExpertsTab> {
        FormLayer::new(form, move |form, tab: &mut ExpertsTab, cx| {
            tab.submit_agreement(form, id, cx)
        })
        .on_change(forms::show_agreement_fields)
    }

    /// The signing of agreement `id`.
    pub(super) fn sign_layer(form: Form, id: u64) -> FormLayer<ExpertsTab> {
        FormLayer::new(form, move |form, tab: &mut ExpertsTab, cx| {
            tab.submit_sign(form, id, cx)
        })
    }

    /// The early end of agreement `id`.
    pub(super) fn end_layer(form: Form, id: u64) -> FormLayer<ExpertsTab> {
        FormLayer::new(form, move |form, tab: &mut ExpertsTab, cx| {
            tab.submit_end(form, id, cx)
        })
    }

    /// The record of review `review`.
    pub(super) fn record_layer(form: Form, review: u64) -> FormLayer<ExpertsTab> {
        FormLayer::new(form, move |form, tab: &mut ExpertsTab, cx| {
            tab.submit_record(form, review, cx)
        })
    }

    /// Cancelling review `review`, asked by `question`.
    pub(super) fn cancel_question(review: u64, question: Question) -> ConfirmLayer<ExpertsTab> {
        ConfirmLayer::new(question, move |tab: &mut ExpertsTab, cx: &Cx| {
            let done = cx
                .session
                .experts()
                .cancel(review)
                .map(|_| Done::say(cx.t(Msg::ReviewCancelledNow).to_string()));
            tab.answered(done, cx)
        })
    }

    /// Recording that the expert `name` did not come to review `review`.
    pub(super) fn no_show_question(
        review: u64,
        name: String,
        question: Question,
    ) -> ConfirmLayer<ExpertsTab> {
        ConfirmLayer::new(question, move |tab: &mut ExpertsTab, cx: &Cx| {
            let done = cx
                .session
                .experts()
                .no_show(review)
                .map(|_| Done::say(args::ReviewNoShowNow { name: &name }.text(cx.lang)));
            tab.answered(done, cx)
        })
    }

    fn submit_agreement(&mut self, form: &mut Form, id: Option<u64>, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let input = forms::agreement_input(form);
        match cx.session.experts().check(&input, id) {
            Err(Error::Invalid(errors)) => {
                let rest = forms::show_agreement_errors(form, &errors, lang);
                Submit::Stay(Effects::status(form_errors(rest, lang)))
            }
            Err(e) => Submit::Stay(Effects::error(&e, lang)),
            Ok(warnings) if !warnings.is_empty() => {
                let mut lines = vec![cx.t(Msg::ConfirmAllowance).to_string()];
                lines.extend(
                    i18n::allowance_warnings(&warnings, lang)
                        .into_iter()
                        .map(|w| format!("• {w}")),
                );
                lines.push(cx.t(Msg::ConfirmSaveAnyway).to_string());
                let under = form.clone();
                let reopen: Reopen = Box::new(move |errors, lang| {
                    let mut form = under;
                    let rest = forms::show_agreement_errors(&mut form, errors, lang);
                    (Box::new(ExpertsTab::agreement_layer(form, id)), rest)
                });
                Submit::Stay(Effects::push(ConfirmLayer::<ExpertsTab>::new(
                    Question::yes_no(lines.join("\n")),
                    move |tab, cx| {
                        let done = tab.save_agreement(id, &input, cx);
                        tab.answered_over(done, reopen, cx)
                    },
                )))
            }
            Ok(_) => match self.save_agreement(id, &input, cx) {
                Ok(done) => Submit::Done(self.after(done)),
                Err(Error::Invalid(errors)) => {
                    let rest = forms::show_agreement_errors(form, &errors, lang);
                    Submit::Stay(Effects::status(form_errors(rest, lang)))
                }
                Err(e) => Submit::Stay(Effects::error(&e, lang)),
            },
        }
    }

    /// Saves a new agreement (`id` none) or a draft.
    fn save_agreement(&self, id: Option<u64>, input: &AgreementInput, cx: &Cx) -> Result<Done> {
        let ex = cx.session.experts();
        let saved = match id {
            None => ex.create(input)?,
            Some(id) => ex.update(id, input)?,
        };
        let nr = saved.id.to_string();
        let message = match id {
            None => args::AgreementCreated {
                nr: &nr,
                name: &self.name_read(cx.session, saved.agreement.expert),
            }
            .text(cx.lang),
            Some(_) => args::AgreementSaved { nr: &nr }.text(cx.lang),
        };
        Ok(Done::say(message).selecting(saved.id))
    }

    fn submit_sign(&mut self, form: &mut Form, id: u64, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let on = match forms::date(form, forms::SIGNED_ON) {
            Ok(on) => on,
            Err(e) => return Submit::refused(form, &Error::Invalid(vec![e]), lang),
        };
        let Some(a) = self.agreement(id) else {
            return Submit::Done(Effects::info(cx.t(Msg::NoAgreementSelected)));
        };
        let period = format!("{} – {}", format_date(a.start), format_date(a.end));
        let text = args::ConfirmSign {
            nr: &id,
            name: &self.name(a.expert),
            period: &period,
            date: &format_date(on),
        }
        .text(lang);
        let reopen = reopen_with(form.clone(), move |form| {
            Box::new(ExpertsTab::sign_layer(form, id))
        });
        Submit::Stay(Effects::push(ConfirmLayer::<ExpertsTab>::new(
            Question::yes_no(text),
            move |tab, cx| {
                let done = cx.session.experts().sign(id, on).map(|_| {
                    Done::say(
                        args::AgreementSigned {
                            nr: &id,
                            date: &format_date(on),
                        }
                        .text(cx.lang),
                    )
                    .selecting(id)
                });
                tab.answered_over(done, reopen, cx)
            },
        )))
    }

    fn submit_end(&mut self, form: &mut Form, id: u64, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let (on, outcome) = match forms::end_values(form) {
            Ok(values) => values,
            Err(e) => return Submit::refused(form, &e, lang),
        };
        let name = self
            .agreement(id)
            .map_or(String::new(), |a| self.name(a.expert));
        let text = args::ConfirmEnd {
            nr: &id,
            name: &name,
            date: &format_date(on),
        }
        .text(lang);
        let reopen = reopen_with(form.clone(), move |form| {
            Box::new(ExpertsTab::end_layer(form, id))
        });
        Submit::Stay(Effects::push(ConfirmLayer::<ExpertsTab>::new(
            Question::typed_word(&text, Msg::WordEnd, lang),
            move |tab, cx| {
                let done = cx.session.experts().end(id, on, outcome).map(|_| {
                    Done::say(
                        args::AgreementEnded {
                            nr: &id,
                            date: &format_date(on),
                        }
                        .text(cx.lang),
                    )
                    .selecting(id)
                });
                tab.answered_over(done, reopen, cx)
            },
        )))
    }

    fn submit_record(&mut self, form: &mut Form, review: u64, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let (on, outcome) = match forms::record_values(form) {
            Ok(values) => values,
            Err(e) => return Submit::refused(form, &e, lang),
        };
        let said = forms::conversation(form);
        let ex = cx.session.experts();
        let done = ex
            .record(review, on, said, outcome)
            .and_then(|(held, next)| {
                let nr = |n: u64| n.to_string();
                Ok(match (outcome, next) {
                    (Outcome::Adjust, Some(n)) => {
                        let draft = ex.agreement(n)?;
                        Done {
                            then: Effects::push(ExpertsTab::agreement_layer(
                                forms::edit_agreement_form(Msg::FormAdjustAgreement, &draft),
                                Some(n),
                            )),
                            ..Done::say(args::RecordedAdjust { nr: &nr(n) }.text(lang))
                        }
                        .selecting(n)
                    }
                    (_, Some(n)) => {
                        Done::say(args::RecordedContinue { nr: &nr(n) }.text(lang)).selecting(n)
                    }
                    (_, None) => {
                        let ends = ex.agreement(held.agreement)?.last_day();
                        Done::say(
                            args::RecordedStop {
                                date: &format_date(ends),
                            }
                            .text(lang),
                        )
                        .selecting(held.agreement)
                    }
                })
            });
        match done {
            Ok(done) => Submit::Done(self.after(done)),
            Err(Error::Invalid(errors)) => {
                let rest = show_record_errors(form, &errors, lang);
                Submit::Stay(Effects::status(form_errors(rest, lang)))
            }
            Err(e) => Submit::Stay(Effects::error(&e, lang)),
        }
    }

    /// Ctrl+S in the slot dialog: plans the review, or asks before moving a planned one.
    pub(super) fn submit_slot(&mut self, dialog: &mut SlotDialog, cx: &Cx) -> Submit {
        let lang = cx.lang;
        let slot = match dialog.slot() {
            Ok(slot) => slot,
            Err(Error::Invalid(errors)) => {
                let rest = dialog.show_errors(&errors, lang);
                return Submit::Stay(Effects::status(form_errors(rest, lang)));
            }
            Err(e) => return Submit::Stay(Effects::error(&e, lang)),
        };
        let name = dialog.name.clone();
        match dialog.review {
            None => match schedule(cx, dialog.agreement, slot, &name) {
                Ok(done) => Submit::Done(self.after(done)),
                Err(Error::Invalid(errors)) => {
                    let rest = dialog.show_errors(&errors, lang);
                    Submit::Stay(Effects::status(form_errors(rest, lang)))
                }
                Err(e) => Submit::Stay(Effects::error(&e, lang)),
            },
            Some(review) => {
                let text = args::ConfirmReschedule {
                    name: &name,
                    when: &i18n::when(slot.start, lang),
                }
                .text(lang);
                let mut under = dialog.clone();
                let reopen: Reopen = Box::new(move |errors, lang| {
                    let rest = under.show_errors(errors, lang);
                    (Box::new(SlotLayer::new(under)), rest)
                });
                Submit::Stay(Effects::push(ConfirmLayer::<ExpertsTab>::new(
                    Question::yes_no(text),
                    move |tab, cx| {
                        let done = reschedule(cx, review, slot, &name);
                        tab.answered_over(done, reopen, cx)
                    },
                )))
            }
        }
    }

    /// After a core call from a question: what happened, on the status line.
    fn answered(&mut self, done: Result<Done>, cx: &Cx) -> Effects {
        match done {
            Ok(done) => self.after(done),
            Err(e) => Effects::error(&e, cx.lang),
        }
    }

    /// After a core call from a question over a form: done closes the form as well; core's field
    /// errors open it again with the errors under its fields; any other error leaves it as it
    /// was, with the error on the status line.
    fn answered_over(&mut self, done: Result<Done>, reopen: Reopen, cx: &Cx) -> Effects {
        match done {
            Ok(done) => Effects::one(Effect::CloseLayer).then(self.after(done)),
            Err(Error::Invalid(errors)) => {
                let (layer, rest) = reopen(&errors, cx.lang);
                Effects::one(Effect::CloseLayer)
                    .and(Effect::Push(layer))
                    .and_status(form_errors(rest, cx.lang))
            }
            Err(e) => Effects::error(&e, cx.lang),
        }
    }

    /// After a core call that worked: what to select once the change has come in, what to say,
    /// and what to open next.
    fn after(&mut self, done: Done) -> Effects {
        if done.select.is_some() {
            self.select = done.select;
        }
        if done.week.is_some() {
            self.show_week = done.week;
        }
        Effects::info(done.message).then(done.then)
    }
}

/// A [`Reopen`] of a plain form: its errors under its fields.
fn reopen_with(
    mut form: Form,
    layer: impl FnOnce(Form) -> Box<dyn Layer> + Send + 'static,
) -> Reopen {
    Box::new(move |errors, lang| {
        let rest = form.show_errors(errors, lang);
        (layer(form), rest)
    })
}

/// Plans a review of `agreement` in `slot` (`name`: the expert's, for the message).
fn schedule(cx: &Cx, agreement: u64, slot: Slot, name: &str) -> Result<Done> {
    let (week, when) = (IsoWeek::of(slot.start.date()), slot.start);
    cx.session.experts().schedule(agreement, slot)?;
    let text = args::ReviewPlanned {
        name: &name,
        when: &i18n::when(when, cx.lang),
    }
    .text(cx.lang);
    Ok(Done::say(text).showing(week))
}

/// Moves `review` to `slot`.
fn reschedule(cx: &Cx, review: u64, slot: Slot, name: &str) -> Result<Done> {
    let (week, when) = (IsoWeek::of(slot.start.date()), slot.start);
    cx.session.experts().reschedule(review, slot)?;
    let text = args::ReviewMoved {
        name: &name,
        when: &i18n::when(when, cx.lang),
    }
    .text(cx.lang);
    Ok(Done::say(text).showing(week))
}
