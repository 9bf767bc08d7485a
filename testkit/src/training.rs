//! Training's catalogue as typed: a skill and a course.

use kapstok_core::training::{CourseInput, SkillInput};

/// A skill valid for `months` (empty: it does not expire), without a description.
pub fn skill(name: &str, months: &str) -> SkillInput {
    SkillInput {
        name: name.into(),
        description: String::new(),
        validity_months: months.into(),
    }
}

/// A course by `provider` teaching `skills` (`;`-separated) in `hours` for `cost`, at `place`
/// (empty: online).
pub fn course(
    name: &str,
    provider: &str,
    skills: &str,
    hours: &str,
    cost: &str,
    place: &str,
) -> CourseInput {
    CourseInput {
        name: name.into(),
        provider: provider.into(),
        skills: skills.into(),
        hours: hours.into(),
        cost: cost.into(),
        place: place.into(),
    }
}
