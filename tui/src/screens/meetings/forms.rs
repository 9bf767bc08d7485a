//! The forms of the Meetings tab: a meeting, an agenda item, the convocation's date sent and
//! its envelope labels, a time during the meeting, a vote by counts, the minutes of an item,
//! the adoption of minutes and the second meeting after a failed quorum. Core takes the text
//! typed; the few values core takes as numbers, dates or times are read here with a field
//! error that names the field.

use crate::i18n::Msg;
use crate::widgets::form::{Field, Form, FormInput, FormValue};
use crate::{field_name, form_input};
use chrono::{NaiveDate, NaiveTime};
use kapstok_core::common::{format_date, parse_date, parse_time};
use kapstok_core::error::{FieldError, Reason};
use kapstok_core::meetings::{AgendaItem, ItemInput, Meeting, MeetingInput, Tally};

fn meeting_kinds() -> Vec<(&'static str, Msg)> {
    vec![
        ("spring", Msg::KindSpring),
        ("autumn", Msg::KindAutumn),
        ("extraordinary", Msg::KindExtraordinary),
    ]
}

form_input! {
    MeetingInput {
        kind: choice(Msg::FieldKind, meeting_kinds()),
        date: text(Msg::FieldDate),
        time: text(Msg::FieldTime),
        place: text(Msg::FieldPlace),
    }
}

fn topics() -> Vec<(&'static str, Msg)> {
    vec![
        ("other", Msg::TopicOther),
        ("annual_report", Msg::TopicAnnualReport),
        ("audit_committee", Msg::TopicAuditCommittee),
        ("policy_plan", Msg::TopicPolicyPlan),
        ("budget", Msg::TopicBudget),
        ("minutes", Msg::TopicMinutes),
    ]
}

form_input! {
    ItemInput {
        title: text(Msg::FieldTitle),
        decision: yes_no(Msg::FieldDecision),
        motion: multiline(Msg::FieldMotion),
        statute_change: yes_no(Msg::FieldStatuteChange),
        topic: choice(Msg::FieldTopic, topics()),
        documents: text(Msg::FieldDocuments),
    }
}

/// A meeting, new (with the kind suggested) or to change.
pub(super) fn meeting_form(meeting: Option<&Meeting>, kind: &str) -> Form {
    let (title, input) = match meeting {
        Some(m) => (Msg::FormEditMeeting, MeetingInput::from_meeting(m)),
        None => (
            Msg::FormPlanMeeting,
            MeetingInput {
                kind: kind.into(),
                time: "19:30".into(),
                ..MeetingInput::default()
            },
        ),
    };
    let second = input.kind == "second";
    let mut form = input.form(title);
    if second {
        // a second meeting stays one
        let kind = field_name!(MeetingInput, kind);
        form.fields.retain(|f| f.name != kind);
    }
    form
}

/// The meeting typed.
pub(super) fn meeting_input(form: &Form, meeting: Option<&Meeting>) -> MeetingInput {
    let mut input = MeetingInput::from_form(form);
    if let Some(m) = meeting.filter(|_| input.kind.is_empty()) {
        input.kind = m.kind.name().to_string();
    }
    if input.kind == "second" {
        // core keeps a second meeting's kind; any valid name will do
        input.kind = "extraordinary".into();
    }
    input
}

/// An agenda item, new or to change.
pub(super) fn item_form(item: Option<&AgendaItem>) -> Form {
    let (title, input) = match item {
        Some(i) => (Msg::FormEditItem, ItemInput::from_item(i)),
        None => (Msg::FormNewItem, ItemInput::default()),
    };
    let mut form = input.form(title);
    show_motion(&mut form);
    form
}

/// The motion shows for a decision item and a statute change (always decided on).
pub(super) fn show_motion(form: &mut Form) {
    let yes = |name| bool::from_text(&form.value(name));
    let decided =
        yes(field_name!(ItemInput, decision)) || yes(field_name!(ItemInput, statute_change));
    form.set_visible(field_name!(ItemInput, motion), decided);
}

/// The item typed.
pub(super) fn item_input(form: &Form) -> ItemInput {
    ItemInput::from_form(form)
}

/// The date the convocation was sent (today suggested).
pub(super) fn sent_form(today: NaiveDate) -> Form {
    let mut form = Form::new(
        Msg::FormSent,
        vec![Field::text("sent", Msg::FieldSent, &format_date(today))],
    );
    form.enter_saves_on_last = true;
    form.hint = Msg::ShortFormHint;
    form
}

/// The label sheet (value id, label name) and the first free cell.
pub(super) fn labels_form(sheets: Vec<(String, String)>, sheet: &str) -> Form {
    Form::new(
        Msg::FormEnvelopeLabels,
        vec![
            Field::options("sheet", Msg::FieldSheet, sheets, sheet),
            Field::text("start", Msg::FieldStart, "1"),
        ],
    )
}

/// A time during the meeting: now suggested, Enter saves.
pub(super) fn time_form(title: Msg, now: NaiveTime) -> Form {
    let mut form = Form::new(
        title,
        vec![Field::text(
            "time",
            Msg::FieldClock,
            &now.format("%H:%M").to_string(),
        )],
    );
    form.enter_saves_on_last = true;
    form.hint = Msg::ShortFormHint;
    form
}

/// The vote on an item by counts, at a time (now suggested).
pub(super) fn vote_form(now: NaiveTime) -> Form {
    Form::new(
        Msg::FormVote,
        vec![
            Field::text("for_votes", Msg::FieldFor, ""),
            Field::text("against", Msg::FieldAgainst, ""),
            Field::text("abstain", Msg::FieldAbstain, "0"),
            Field::text("blank", Msg::FieldBlank, "0"),
            Field::text("time", Msg::FieldClock, &now.format("%H:%M").to_string()),
        ],
    )
}

/// The counts typed, each a whole number (empty: 0 for abstentions and blank votes).
pub(super) fn tally(form: &Form) -> Result<Tally, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut count = |field: &'static str, required: bool| {
        let text = form.value(field);
        let text = text.trim();
        if text.is_empty() {
            if required {
                errors.push(FieldError::new(field, Reason::Required));
            }
            return 0;
        }
        text.parse::<u32>().unwrap_or_else(|_| {
            errors.push(FieldError::new(field, Reason::BadNumber));
            0
        })
    };
    let t = Tally {
        for_votes: count("for_votes", true),
        against: count("against", true),
        abstain: count("abstain", false),
        blank: count("blank", false),
    };
    if errors.is_empty() {
        Ok(t)
    } else {
        Err(errors)
    }
}

/// The minutes of an item.
pub(super) fn minutes_form(text: &str) -> Form {
    Form::new(
        Msg::FormMinutes,
        vec![Field::multiline("minutes", Msg::FieldMinutesText, text)],
    )
}

/// The later meeting (id, label) at which the minutes were adopted.
pub(super) fn adopt_form(later: Vec<(String, String)>) -> Form {
    Form::new(
        Msg::FormAdopt,
        vec![Field::options("at_meeting", Msg::FieldAtMeeting, later, "")],
    )
}

/// The second meeting: date, time and place (the first meeting's place suggested).
pub(super) fn second_form(place: &str) -> Form {
    Form::new(
        Msg::FormSecond,
        vec![
            Field::text("date", Msg::FieldDate, ""),
            Field::text("time", Msg::FieldTime, "19:30"),
            Field::text("place", Msg::FieldPlace, place),
        ],
    )
}

/// A time typed in a form.
pub(super) fn time(form: &Form, field: &'static str) -> Result<NaiveTime, FieldError> {
    let text = form.value(field);
    if text.trim().is_empty() {
        return Err(FieldError::new(field, Reason::Required));
    }
    parse_time(&text).ok_or_else(|| FieldError::new(field, Reason::BadTime))
}

/// A date typed in a form.
pub(super) fn date(form: &Form, field: &'static str) -> Result<NaiveDate, FieldError> {
    let text = form.value(field);
    if text.trim().is_empty() {
        return Err(FieldError::new(field, Reason::Required));
    }
    parse_date(&text).ok_or(FieldError::new(field, Reason::BadDate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Action;

    #[test]
    fn an_item_survives_the_form_and_the_motion_follows_the_choices() {
        let item = AgendaItem {
            title: "Statuten".into(),
            decision: true,
            motion: "De statuten wijzigen".into(),
            statute_change: true,
            topic: kapstok_core::meetings::Topic::Other,
            documents: "voorstel.pdf".into(),
            minutes: String::new(),
            vote: None,
        };
        let form = item_form(Some(&item));
        assert_eq!(item_input(&form), ItemInput::from_item(&item));
        let mut form = item_form(None);
        assert_eq!(form.value("motion"), "", "hidden for an information item");
        form.focus = 1;
        form.handle(Action::Right);
        show_motion(&mut form);
        assert!(form.fields.iter().any(|f| f.name == "motion" && f.visible));
    }

    #[test]
    fn counts_must_be_whole_numbers() {
        let mut form = vote_form(NaiveTime::from_hms_opt(20, 15, 0).unwrap());
        form.set_value("for_votes", "7");
        form.set_value("against", "drie");
        let errors = tally(&form).unwrap_err();
        assert_eq!(errors, [FieldError::new("against", Reason::BadNumber)]);
        form.set_value("against", "3");
        form.set_value("blank", "");
        let t = tally(&form).unwrap();
        assert_eq!((t.for_votes, t.against, t.abstain, t.blank), (7, 3, 0, 0));
        assert_eq!(time(&form, "time").unwrap().to_string(), "20:15:00");
    }
}
