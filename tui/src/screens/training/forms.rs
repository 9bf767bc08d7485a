//! The forms of the Training tab: skills, task descriptions and courses as core takes them
//! (text, skills by name separated by `;`), and the dates of the plan's steps.

use crate::form_input;
use crate::i18n::Msg;
use crate::widgets::form::{Field, Form, FormInput};
use chrono::NaiveDate;
use kapstok_core::common::{format_date, parse_date};
use kapstok_core::error::{FieldError, Reason};
use kapstok_core::training::{Course, CourseInput, Skill, SkillInput, Step, Task, TaskInput};

form_input! {
    SkillInput {
        name: text(Msg::FieldName),
        description: multiline(Msg::FieldDescription),
        validity_months: text(Msg::FieldValidity),
    }
}

form_input! {
    TaskInput {
        name: text(Msg::FieldName),
        description: multiline(Msg::FieldDescription),
        skills: text(Msg::FieldSkills),
    }
}

form_input! {
    CourseInput {
        name: text(Msg::FieldName),
        provider: text(Msg::FieldProvider),
        skills: text(Msg::FieldSkills),
        hours: text(Msg::FieldHours),
        cost: text(Msg::FieldCost),
        place: text(Msg::FieldPlaceOnline),
    }
}

/// A skill, empty or to change.
pub(super) fn skill_form(skill: Option<&Skill>) -> Form {
    match skill {
        Some(s) => SkillInput {
            name: s.name.clone(),
            description: s.description.clone(),
            validity_months: s.validity_months.map(|m| m.to_string()).unwrap_or_default(),
        }
        .form(Msg::FormEditSkill),
        None => SkillInput::default().form(Msg::FormNewSkill),
    }
}

/// The skill typed.
pub(super) fn skill_input(form: &Form) -> SkillInput {
    SkillInput::from_form(form)
}

/// A task description, empty or to change (its skills by name).
pub(super) fn task_form(task: Option<&Task>, skills: &str) -> Form {
    let (title, name, description) = match task {
        Some(t) => (Msg::FormEditTask, t.name.clone(), t.description.clone()),
        None => (Msg::FormNewTask, String::new(), String::new()),
    };
    let input = TaskInput {
        name,
        description,
        skills: skills.to_string(),
    };
    input.form(title)
}

/// The task description typed.
pub(super) fn task_input(form: &Form) -> TaskInput {
    TaskInput::from_form(form)
}

/// A course, empty or to change (its skills by name).
pub(super) fn course_form(course: Option<&Course>, skills: &str) -> Form {
    match course {
        Some(c) => CourseInput {
            name: c.name.clone(),
            provider: c.provider.clone(),
            skills: skills.to_string(),
            hours: c.hours.to_string(),
            // "95,00", as typed
            cost: c
                .cost
                .to_string()
                .trim_start_matches('€')
                .trim()
                .to_string(),
            place: c.place.clone(),
        }
        .form(Msg::FormEditCourse),
        None => CourseInput {
            skills: skills.to_string(),
            ..CourseInput::default()
        }
        .form(Msg::FormNewCourse),
    }
}

/// The course typed.
pub(super) fn course_input(form: &Form) -> CourseInput {
    CourseInput::from_form(form)
}

/// The day of a proposal: it belongs to that day's half year.
pub(super) fn propose_form(today: NaiveDate) -> Form {
    Form::new(
        Msg::FormPropose,
        vec![Field::text("date", Msg::FieldDate, &format_date(today))],
    )
}

/// The day of a step of a plan item.
pub(super) fn step_form(step: Step, today: NaiveDate) -> Form {
    let title = match step {
        Step::Agree => Msg::FormAgree,
        Step::Enroll => Msg::FormEnroll,
        Step::Complete => Msg::FormComplete,
        Step::Cancel => Msg::FormCancelItem,
    };
    Form::new(
        title,
        vec![Field::text("on", Msg::FieldOn, &format_date(today))],
    )
}

/// A skill held from experience: which, and since when.
pub(super) fn held_form(skills: Vec<(String, String)>, today: NaiveDate) -> Form {
    Form::new(
        Msg::FormHeld,
        vec![
            Field::options("skill", Msg::FieldSkill, skills, ""),
            Field::text("acquired", Msg::FieldAcquired, &format_date(today)),
        ],
    )
}

/// A date typed in a form (core takes dates, not text, for these calls).
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
    use kapstok_core::common::Cents;

    #[test]
    fn a_course_survives_the_form() {
        let course = Course {
            name: "EHBO".into(),
            provider: "Rode Kruis".into(),
            skills: vec![1],
            hours: 16,
            cost: Cents(12_050),
            place: String::new(),
        };
        let form = course_form(Some(&course), "EHBO; Reanimatie");
        let input = course_input(&form);
        assert_eq!(input.cost, "120,50");
        assert_eq!(input.skills, "EHBO; Reanimatie");
        assert_eq!(input.place, "");
        assert_eq!(Cents::parse(&input.cost), Some(course.cost));
    }
}
