//! What the keys of the meetings and attendance views do: the forms, questions and pickers they
//! open as layers over the tab, each with the closure that makes the core call. The tab is not
//! read again here: core's announcement of the change does that ([`Screen::changed`]); a closure
//! only says what to select afterwards.
//!
//! [`Screen::changed`]: crate::screen::Screen::changed

use super::rollcall::{RollCall, RollCallLayer};
use super::{draw, forms, meeting_text, papers, MeetingsTab};
use crate::i18n::{args, Lang, Msg};
use crate::keys::Action;
use crate::layers::{ConfirmLayer, DetailLayer, FormLayer, PickerLayer, Submit};
use crate::screen::{Cx, Effect, Effects, Status};
use crate::widgets::confirm::Question;
use crate::widgets::form::Form;
use crate::widgets::picker::Picker;
use chrono::NaiveTime;
use kapstok_core::common::format_date;
use kapstok_core::error::{Error, Reason};
use kapstok_core::meetings::{rules, Convocation, Meeting, Why};
use kapstok_core::Result;

/// A form over the tab; `submit` saves it.
pub(super) fn form_layer(
    form: Form,
    submit: impl FnMut(&mut Form, &mut MeetingsTab, &Cx) -> Submit + Send + 'static,
) -> FormLayer<MeetingsTab> {
    FormLayer::<MeetingsTab>::new(form, submit)
}

/// A picker over the tab, as wide as the old one; `chosen` gets the member picked.
fn picker_layer(
    picker: Picker,
    chosen: impl FnOnce(u64, &mut MeetingsTab, &Cx) -> Effects + Send + 'static,
) -> Effects {
    Effects::push(
        PickerLayer::<MeetingsTab>::new(picker, move |member, _, tab, cx| chosen(member, tab, cx))
            .width(76),
    )
}

/// What a change said, for the status line (nothing when it says nothing).
fn said(text: String) -> Effects {
    if text.is_empty() {
        Effects::none()
    } else {
        Effects::info(text)
    }
}

/// After a core call without a form: what happened, or why not.
fn done(result: Result<String>, lang: Lang) -> Effects {
    match result {
        Ok(text) => said(text),
        Err(e) => Effects::error(&e, lang),
    }
}

/// After a form's core call: what happened (the form closes), or the refusal under its fields.
fn saved(form: &mut Form, result: Result<String>, lang: Lang) -> Submit {
    match result {
        Ok(text) => Submit::Done(said(text)),
        Err(e) => Submit::refused(form, &e, lang),
    }
}

/// Whether the action changes something, or makes the convocation's or the meeting's papers:
/// then only for those who manage the meetings.
fn changes(action: Action) -> bool {
    // The attendance sheet (`p`) is a read of the meeting, as in core: not listed.
    matches!(
        action,
        Action::New
            | Action::Edit
            | Action::AddItem
            | Action::EditItem
            | Action::RemoveItem
            | Action::ItemUp
            | Action::ItemDown
            | Action::Convocation
            | Action::EnvelopeLabels
            | Action::Sent
            | Action::Vote
            | Action::RollCall
            | Action::Minutes
            | Action::AdoptMinutes
            | Action::SecondMeeting
            | Action::Arrive
            | Action::Depart
            | Action::GiveProxy
            | Action::WithdrawProxy
    )
}

impl MeetingsTab {
    /// The keys of the meetings view.
    pub(super) fn meetings_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        if changes(action) && !self.manage {
            return Effects::info(cx.t(Msg::MeetingsReadOnly));
        }
        if action == Action::New {
            let kind = self.suggested_kind();
            return Effects::push(form_layer(
                forms::meeting_form(None, kind),
                |form, tab, cx| {
                    let input = forms::meeting_input(form, None);
                    let result = cx.session.meetings().plan(&input).map(|id| {
                        tab.select_after_load = Some(id);
                        args::MeetingPlanned {
                            date: &input.date,
                            time: &input.time,
                        }
                        .text(cx.lang)
                    });
                    saved(form, result, cx.lang)
                },
            ));
        }
        let Some((id, m)) = self.selected().cloned() else {
            return match action {
                Action::Enter | Action::Edit | Action::AddItem | Action::Print => {
                    Effects::info(cx.t(Msg::NoMeetingSelected))
                }
                _ => Effects::none(),
            };
        };
        let len = m.agenda.len();
        match action {
            Action::PrevItem => {
                self.item = self.item.saturating_sub(1);
                Effects::none()
            }
            Action::NextItem => {
                self.item = (self.item + 1).min(len.saturating_sub(1));
                Effects::none()
            }
            Action::Enter => Effects::push(
                DetailLayer::new(
                    cx.t(Msg::DetailMeeting),
                    draw::meeting_lines(self, &m, lang),
                )
                .width(78),
            ),
            Action::Edit => Effects::push(form_layer(
                forms::meeting_form(Some(&m), m.kind.name()),
                move |form, tab, cx| {
                    let input = forms::meeting_input(form, tab.meeting(id));
                    let result = cx
                        .session
                        .meetings()
                        .update(id, &input)
                        .map(|_| cx.t(Msg::Saved).to_string());
                    saved(form, result, cx.lang)
                },
            )),
            Action::AddItem => Effects::push(
                form_layer(forms::item_form(None), move |form, tab, cx| {
                    let input = forms::item_input(form);
                    let result = cx.session.meetings().add_item(id, &input).map(|at| {
                        tab.item = at;
                        args::ItemAdded {
                            title: &input.title.trim(),
                        }
                        .text(cx.lang)
                    });
                    saved(form, result, cx.lang)
                })
                .on_change(forms::show_motion),
            ),
            Action::Convocation => papers::convocation(self, id, &m, cx),
            Action::EnvelopeLabels => papers::labels_form(id, cx),
            Action::Sent => {
                let mut form = forms::sent_form(self.today);
                let dl = self.deadlines(&m);
                form.note = Some(
                    args::SendBy {
                        date: &format_date(dl.send_by),
                        days: &crate::i18n::count(dl.notice_days, crate::i18n::Noun::Day, lang),
                    }
                    .text(lang),
                );
                Effects::push(form_layer(form, move |form, _, cx| {
                    submit_sent(form, id, cx)
                }))
            }
            Action::Print => papers::attendance_sheet(self, id, &m, cx),
            Action::AdoptMinutes => {
                let later: Vec<(String, String)> = self
                    .meetings
                    .iter()
                    .rev()
                    .filter(|(_, x)| x.at > m.at)
                    .map(|(x, later)| (x.to_string(), self.meeting_label(later, lang)))
                    .collect();
                if later.is_empty() {
                    return Effects::info(cx.t(Msg::NoLaterMeeting));
                }
                let mut form = forms::adopt_form(later);
                form.note = Some(self.meeting_label(&m, lang));
                Effects::push(form_layer(form, move |form, _, cx| {
                    submit_adopt(form, id, cx)
                }))
            }
            Action::SecondMeeting => {
                let failed = m.agenda.iter().any(|i| {
                    matches!(
                        i.vote.as_ref().map(|v| v.decision.why),
                        Some(Why::NoQuorum { .. })
                    )
                });
                if !failed {
                    return Effects::info(cx.t(Msg::NoFailedQuorumHere));
                }
                let last = m
                    .date()
                    .checked_add_days(chrono::Days::new(self.rules.second_meeting_days.into()))
                    .unwrap_or(m.date());
                let mut form = forms::second_form(&m.place);
                form.note = Some(
                    args::SecondWithin {
                        date: &format_date(last),
                    }
                    .text(lang),
                );
                Effects::push(form_layer(form, move |form, tab, cx| {
                    let (date, time, place) =
                        (form.value("date"), form.value("time"), form.value("place"));
                    let result = cx
                        .session
                        .meetings()
                        .plan_second(id, &date, &time, &place)
                        .map(|new| {
                            tab.select_after_load = Some(new);
                            args::SecondPlanned { date: &date }.text(cx.lang)
                        });
                    saved(form, result, cx.lang)
                }))
            }
            _ => self.item_action(action, id, &m, cx),
        }
    }

    /// The actions on the selected agenda item.
    fn item_action(&mut self, action: Action, id: u64, m: &Meeting, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let index = self.item;
        let Some(item) = m.agenda.get(index) else {
            return match action {
                Action::EditItem
                | Action::RemoveItem
                | Action::ItemUp
                | Action::ItemDown
                | Action::Vote
                | Action::RollCall
                | Action::Minutes => Effects::info(cx.t(Msg::NoItemOnAgenda)),
                _ => Effects::none(),
            };
        };
        let note = format!("{}. {}", index + 1, item.title);
        let with_note = |mut form: Form| {
            form.note = Some(note.clone());
            form
        };
        match action {
            Action::EditItem => Effects::push(
                form_layer(
                    with_note(forms::item_form(Some(item))),
                    move |form, _, cx| {
                        let result = cx
                            .session
                            .meetings()
                            .update_item(id, index, &forms::item_input(form))
                            .map(|_| cx.t(Msg::Saved).to_string());
                        saved(form, result, cx.lang)
                    },
                )
                .on_change(forms::show_motion),
            ),
            Action::RemoveItem => Effects::push(ConfirmLayer::<MeetingsTab>::new(
                Question::typed_word(
                    &args::ConfirmRemoveItem { item: &note }.text(lang),
                    Msg::WordRemove,
                    lang,
                ),
                move |tab, cx| {
                    let result = cx.session.meetings().remove_item(id, index).map(|_| {
                        tab.item = index.saturating_sub(1);
                        cx.t(Msg::ItemRemoved).to_string()
                    });
                    done(result, cx.lang)
                },
            )),
            Action::ItemUp | Action::ItemDown => {
                let up = action == Action::ItemUp;
                match cx.session.meetings().move_item(id, index, up) {
                    Ok(_) => {
                        self.item = if up {
                            index.saturating_sub(1)
                        } else {
                            (index + 1).min(m.agenda.len().saturating_sub(1))
                        };
                        Effects::none()
                    }
                    Err(e) => Effects::error(&e, lang),
                }
            }
            Action::Vote | Action::RollCall => {
                if !item.decision {
                    return Effects::info(cx.t(Msg::NotADecisionItem));
                }
                if item.vote.is_some() {
                    return Effects::info(cx.t(Msg::AlreadyVoted));
                }
                let now = cx.session.meetings().now();
                if action == Action::RollCall {
                    let voters = self.roll_call_voters(m, lang);
                    let time = now.format("%H:%M").to_string();
                    let r = RollCall::new(id, index, note, voters, time);
                    return Effects::push(RollCallLayer::new(r));
                }
                let power = rules::voting_power(m);
                let mut form = forms::vote_form(now);
                form.note = Some(format!(
                    "{note} · {}",
                    args::PowerShort { power: &power }.text(lang)
                ));
                Effects::push(form_layer(form, move |form, _, cx| {
                    submit_vote(form, id, index, cx)
                }))
            }
            Action::Minutes => {
                if m.minutes_adopted.is_some() {
                    return Effects::info(cx.t(Msg::MinutesAlreadyAdopted));
                }
                Effects::push(form_layer(
                    with_note(forms::minutes_form(&item.minutes)),
                    move |form, _, cx| {
                        let result = cx
                            .session
                            .meetings()
                            .set_minutes(id, index, &form.value("minutes"))
                            .map(|_| cx.t(Msg::MinutesSaved).to_string());
                        saved(form, result, cx.lang)
                    },
                ))
            }
            _ => Effects::none(),
        }
    }

    /// The keys of the attendance view.
    pub(super) fn attendance_action(&mut self, action: Action, cx: &Cx) -> Effects {
        let lang = cx.lang;
        if changes(action) && !self.manage {
            return Effects::info(cx.t(Msg::MeetingsReadOnly));
        }
        let Some((id, m)) = self.selected().cloned() else {
            return match action {
                Action::Arrive | Action::Depart | Action::GiveProxy | Action::WithdrawProxy => {
                    Effects::info(cx.t(Msg::NoMeetingSelected))
                }
                _ => Effects::none(),
            };
        };
        match action {
            Action::Arrive => {
                let items: Vec<(u64, String)> = self
                    .people
                    .numbers()
                    .filter(|n| self.people.get(n).is_some_and(|p| p.attends))
                    .filter(|n| !m.is_present(**n))
                    .map(|n| {
                        let extra = if self.people.get(n).is_some_and(|p| p.votes) {
                            String::new()
                        } else {
                            format!(" · {}", Msg::NoVote.text(lang))
                        };
                        (*n, self.pick_label(*n, &extra))
                    })
                    .collect();
                picker_layer(
                    Picker::new(Msg::PickArriving, items),
                    move |member, tab, cx| tab.presence_form(Msg::FormArrive, id, member, cx),
                )
            }
            Action::Depart => {
                let Some(p) = self
                    .row
                    .selected()
                    .and_then(|r| m.presence.get(r))
                    .filter(|p| p.left.is_none())
                else {
                    return Effects::info(cx.t(Msg::NobodyPresentSelected));
                };
                self.presence_form(Msg::FormDepart, id, p.member, cx)
            }
            Action::GiveProxy => {
                if !self.rules.proxies_allowed || self.rules.max_proxies == 0 {
                    return Effects::info(cx.t(Msg::NoProxiesAllowed));
                }
                let items: Vec<(u64, String)> = self
                    .people
                    .numbers()
                    .filter(|n| self.people.get(n).is_some_and(|p| p.votes))
                    .filter(|n| !m.is_present(**n) && !m.proxies.iter().any(|p| p.giver == **n))
                    .map(|n| (*n, self.pick_label(*n, "")))
                    .collect();
                picker_layer(Picker::new(Msg::PickGiver, items), move |giver, tab, cx| {
                    tab.holder_picker(id, giver, cx)
                })
            }
            Action::WithdrawProxy => {
                if m.proxies.is_empty() {
                    return Effects::info(cx.t(Msg::NoProxies));
                }
                let items = m
                    .proxies
                    .iter()
                    .map(|p| {
                        let holder = format!(" → {}", self.name(p.holder));
                        (p.giver, self.pick_label(p.giver, &holder))
                    })
                    .collect();
                picker_layer(
                    Picker::new(Msg::PickWithdraw, items),
                    move |giver, tab, cx| {
                        let result = cx.session.meetings().withdraw_proxy(id, giver).map(|m| {
                            args::ProxyWithdrawn {
                                giver: &tab.name(giver),
                                power: &rules::voting_power(&m).to_string(),
                            }
                            .text(cx.lang)
                        });
                        done(result, cx.lang)
                    },
                )
            }
            Action::Print => papers::attendance_sheet(self, id, &m, cx),
            _ => Effects::none(),
        }
    }

    /// "Zoë de Wit (Zo) · nr 2" and what follows, in a picker of members.
    fn pick_label(&self, n: u64, extra: &str) -> String {
        let known = self
            .people
            .get(&n)
            .map(|p| &*p.known_as)
            .filter(|k| !k.is_empty())
            .map_or(String::new(), |k| format!(" ({k})"));
        format!("{}{known} · nr {n}{extra}", self.name(n))
    }

    /// The time a member arrives ([`Msg::FormArrive`]) or leaves: now suggested, Enter saves.
    fn presence_form(&self, title: Msg, id: u64, member: u64, cx: &Cx) -> Effects {
        let mut form = forms::time_form(title, cx.session.meetings().now());
        form.note = Some(self.name(member));
        let arrive = title == Msg::FormArrive;
        Effects::push(form_layer(form, move |form, tab, cx| {
            let at = match forms::time(form, "time") {
                Ok(t) => t,
                Err(e) => return Submit::refused(form, &Error::Invalid(vec![e]), cx.lang),
            };
            let mt = cx.session.meetings();
            let (result, said) = if arrive {
                (mt.arrive(id, member, at), Msg::Arrived)
            } else {
                (mt.depart(id, member, at), Msg::Departed)
            };
            let result = result.map(|m| tab.presence_text(said, member, at, &m, cx.lang));
            saved(form, result, cx.lang)
        }))
    }

    /// Who holds the proxy of `giver`: a voter present other than the giver.
    fn holder_picker(&self, id: u64, giver: u64, cx: &Cx) -> Effects {
        let lang = cx.lang;
        let Some(m) = self.meeting(id) else {
            return Effects::none();
        };
        let held = |n: u64| m.proxies.iter().filter(|p| p.holder == n).count();
        let items: Vec<(u64, String)> = rules::present_voters(m)
            .into_iter()
            .filter(|n| *n != giver)
            .map(|n| {
                let label = args::HolderLabel {
                    name: &self.name(n),
                    nr: &n,
                    held: &held(n).to_string(),
                    max: &self.rules.max_proxies,
                }
                .text(lang);
                (n, label)
            })
            .collect();
        if items.is_empty() {
            return Effects::info(cx.t(Msg::NoHolders));
        }
        picker_layer(
            Picker::new(Msg::PickHolder, items),
            move |holder, tab, cx| {
                let result = cx
                    .session
                    .meetings()
                    .give_proxy(id, giver, holder)
                    .map(|m| {
                        args::ProxyGiven {
                            giver: &tab.name(giver),
                            holder: &tab.name(holder),
                            power: &rules::voting_power(&m).to_string(),
                        }
                        .text(cx.lang)
                    });
                done(result, cx.lang)
            },
        )
    }

    /// Who votes in a roll call: the voters present, then each member represented by a proxy
    /// (voting through its holder).
    fn roll_call_voters(&self, m: &Meeting, lang: Lang) -> Vec<(u64, String)> {
        let mut voters: Vec<(u64, String)> = rules::present_voters(m)
            .into_iter()
            .map(|n| (n, format!("{} · nr {n}", self.name(n))))
            .collect();
        voters.extend(rules::valid_proxies(m).into_iter().map(|p| {
            let via = args::ViaProxy {
                holder: &self.name(p.holder),
            }
            .text(lang);
            (
                p.giver,
                format!("{} · nr {} ({via})", self.name(p.giver), p.giver),
            )
        }));
        voters
    }

    /// The kind a new meeting most likely is: spring in the first half year, else autumn.
    fn suggested_kind(&self) -> &'static str {
        use chrono::Datelike;
        if self.today.month() <= 6 {
            "spring"
        } else {
            "autumn"
        }
    }

    /// "Jan van der Poel binnen om 19:25 · stemrecht aanwezig: 6".
    fn presence_text(
        &self,
        m: Msg,
        member: u64,
        at: NaiveTime,
        meeting: &Meeting,
        lang: Lang,
    ) -> String {
        let (name, time, power) = (
            self.name(member),
            at.format("%H:%M"),
            rules::voting_power(meeting),
        );
        match m {
            Msg::Departed => args::Departed {
                name: &name,
                time: &time,
                power: &power,
            }
            .text(lang),
            _ => args::Arrived {
                name: &name,
                time: &time,
                power: &power,
            }
            .text(lang),
        }
    }
}

/// The date the convocation was sent: a date after the deadline is asked about first ("save
/// anyway?" over the form, whose yes records it and closes the form).
fn submit_sent(form: &mut Form, id: u64, cx: &Cx) -> Submit {
    let lang = cx.lang;
    let sent = match forms::date(form, "sent") {
        Ok(d) => d,
        Err(e) => return Submit::refused(form, &Error::Invalid(vec![e]), lang),
    };
    match cx.session.meetings().record_sent(id, sent, false) {
        Err(Error::Invalid(errors))
            if errors
                .iter()
                .any(|e| matches!(e.reason, Reason::LateConvocation(_))) =>
        {
            let deadline = errors
                .iter()
                .find_map(|e| match e.reason {
                    Reason::LateConvocation(d) => Some(d),
                    _ => None,
                })
                .unwrap_or(sent);
            let text = args::ConfirmLate {
                sent: &format_date(sent),
                deadline: &format_date(deadline),
            }
            .text(lang);
            Submit::Stay(Effects::push(ConfirmLayer::<MeetingsTab>::new(
                Question::yes_no(text),
                move |_, cx| match cx.session.meetings().record_sent(id, sent, true) {
                    Ok(c) => Effects::info(sent_text(&c, cx.lang)).and(Effect::CloseLayer),
                    // the form stays, with why not
                    Err(e) => Effects::error(&e, cx.lang),
                },
            )))
        }
        other => saved(form, other.map(|c| sent_text(&c, lang)), lang),
    }
}

/// The vote on an item by counts.
fn submit_vote(form: &mut Form, id: u64, index: usize, cx: &Cx) -> Submit {
    let lang = cx.lang;
    let (tally, at) = match (forms::tally(form), forms::time(form, "time")) {
        (Ok(t), Ok(at)) => (t, at),
        (t, at) => {
            let mut errors = t.err().unwrap_or_default();
            errors.extend(at.err());
            return Submit::refused(form, &Error::Invalid(errors), lang);
        }
    };
    match cx.session.meetings().vote_counts(id, index, tally, at) {
        Ok(d) => Submit::Done(Effects::info(meeting_text::decision(&d, lang))),
        Err(Error::Invalid(mut errors)) => {
            // more votes than the power present: the counts are what to correct
            for e in errors.iter_mut().filter(|e| e.field == "votes") {
                e.field = "for_votes";
            }
            Submit::refused(form, &Error::Invalid(errors), lang)
        }
        Err(e) => Submit::refused(form, &e, lang),
    }
}

/// The minutes of a meeting adopted at a later one.
fn submit_adopt(form: &mut Form, id: u64, cx: &Cx) -> Submit {
    let lang = cx.lang;
    let later: u64 = form.value("at_meeting").parse().unwrap_or(0);
    match cx.session.meetings().adopt_minutes(id, later) {
        // the form has no minutes to correct: say what is missing
        Err(Error::Invalid(errors)) if errors.iter().any(|e| e.field == "minutes") => {
            let m = if errors.iter().any(|e| e.reason == Reason::Closed) {
                Msg::MinutesAlreadyAdopted
            } else {
                Msg::NoMinutesYet
            };
            Submit::Done(Effects::status(Status {
                text: m.text(lang).to_string(),
                error: true,
            }))
        }
        other => saved(
            form,
            other.map(|_| Msg::MinutesAdopted.text(lang).to_string()),
            lang,
        ),
    }
}

/// "Oproeping verstuurd op 20-02-2026: 120 per e-mail, 80 per brief" (late: said so).
fn sent_text(c: &Convocation, lang: Lang) -> String {
    let m = if c.late() {
        Msg::SentLateRecorded
    } else {
        Msg::SentRecorded
    };
    let (date, deadline) = (format_date(c.sent), format_date(c.deadline));
    let (email, letters) = (c.by_email.len(), c.by_letter.len());
    match m {
        Msg::SentLateRecorded => args::SentLateRecorded {
            date: &date,
            deadline: &deadline,
            email: &email,
            letters: &letters,
        }
        .text(lang),
        _ => args::SentRecorded {
            date: &date,
            email: &email,
            letters: &letters,
        }
        .text(lang),
    }
}
