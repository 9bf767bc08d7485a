//! The training plan as a PDF in the chosen language (its words from the catalogue,
//! `kapstok_text`, area `documents`), to discuss with the expert: the tasks, the skills held, the
//! gap, the suggested courses and the plan items of the half year.

use super::model::{Course, Held, PlanItem, Skill, Source};
use super::rules::{self, Gap, Suggestion};
use crate::common::format_date;
use crate::experts::Agreement;
use crate::members::Member;
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use chrono::{Datelike, NaiveDate};
use kapstok_text::{args, count, Lang, Msg, Noun};
use std::collections::HashMap;

/// What goes on the plan.
pub struct PlanSheet<'a> {
    /// The expert.
    pub expert: &'a Member,
    /// The agreement whose tasks count.
    pub agreement: Option<&'a Agreement>,
    /// The half year (its first day).
    pub half_year: NaiveDate,
    /// Skills by id.
    pub skills: &'a HashMap<u64, Skill>,
    /// Courses by id.
    pub courses: &'a HashMap<u64, Course>,
    /// Skills held.
    pub held: &'a [(u64, Held)],
    /// The gap.
    pub gap: &'a Gap,
    /// Suggested courses.
    pub suggestion: &'a Suggestion,
    /// The plan items of the half year.
    pub items: &'a [(u64, PlanItem)],
}

fn skill_name(s: &PlanSheet<'_>, id: u64, lang: Lang) -> String {
    s.skills
        .get(&id)
        .map(|k| k.name.clone())
        .unwrap_or_else(|| args::DocPlanSkillNr { id: &id }.text(lang))
}

/// Renders the plan in Dutch.
pub fn render(s: &PlanSheet<'_>) -> Result<Vec<u8>, PrintError> {
    render_in(s, Lang::Nl)
}

/// Renders the plan in a language.
pub fn render_in(s: &PlanSheet<'_>, lang: Lang) -> Result<Vec<u8>, PrintError> {
    let t = |m: Msg| m.text(lang);
    let mut w = Writer::new()?;
    let name = s.expert.name.full();
    let title = args::DocPlanTitle { name: &name }.text(lang);
    w.text(0.0, 16.0, &title);
    let (year, number) = (s.half_year.year(), s.expert.number);
    let subtitle = if s.half_year.month() <= 6 {
        args::DocPlanFirstHalf {
            year: &year,
            number: &number,
        }
        .text(lang)
    } else {
        args::DocPlanSecondHalf {
            year: &year,
            number: &number,
        }
        .text(lang)
    };
    w.text(0.0, 10.0, &subtitle);
    w.rule();
    w.text(0.0, 11.0, t(Msg::DocPlanTasks));
    let tasks = s
        .agreement
        .map(|a| a.tasks.join("; "))
        .unwrap_or_else(|| t(Msg::DocPlanNoAgreement).into());
    w.text(5.0, 10.0, &tasks);
    w.space(2.0);
    w.text(0.0, 11.0, t(Msg::DocPlanSkills));
    if s.held.is_empty() {
        w.text(5.0, 10.0, t(Msg::DocPlanNoSkills));
    }
    for (_, h) in s.held {
        let skill = s.skills.get(&h.skill);
        let until = skill.and_then(|k| rules::expires_on(h, k)).map_or(
            t(Msg::DocPlanNoExpiry).to_string(),
            |e| {
                args::DocPlanValidUntil {
                    date: &format_date(e),
                }
                .text(lang)
            },
        );
        let from = match &h.source {
            Source::Course(c) => s
                .courses
                .get(c)
                .map_or(t(Msg::DocPlanCourse).to_string(), |c| c.name.clone()),
            Source::Experience => t(Msg::DocPlanExperience).to_string(),
        };
        w.text(
            5.0,
            10.0,
            &format!(
                "{} · {} · {from} · {until}",
                skill_name(s, h.skill, lang),
                format_date(h.acquired)
            ),
        );
    }
    w.space(2.0);
    w.text(0.0, 11.0, t(Msg::DocPlanStillNeeded));
    if s.gap.is_empty() {
        w.text(5.0, 10.0, t(Msg::DocPlanNothingNeeded));
    }
    for id in &s.gap.missing {
        let skill = skill_name(s, *id, lang);
        w.text(
            5.0,
            10.0,
            &args::DocPlanMissing { skill: &skill }.text(lang),
        );
    }
    for (id, until) in &s.gap.expiring {
        let skill = skill_name(s, *id, lang);
        let date = format_date(*until);
        w.text(
            5.0,
            10.0,
            &args::DocPlanExpires {
                skill: &skill,
                date: &date,
            }
            .text(lang),
        );
    }
    if !s.suggestion.courses.is_empty() || !s.suggestion.uncovered.is_empty() {
        w.space(2.0);
        w.text(0.0, 11.0, t(Msg::DocPlanSuggested));
        for id in &s.suggestion.courses {
            if let Some(c) = s.courses.get(id) {
                let teaches: Vec<String> =
                    c.skills.iter().map(|k| skill_name(s, *k, lang)).collect();
                let place = if c.place.is_empty() {
                    t(Msg::DocPlanOnline).to_string()
                } else {
                    c.place.clone()
                };
                w.text(
                    5.0,
                    10.0,
                    &args::DocPlanSuggestion {
                        name: &c.name,
                        provider: &c.provider,
                        cost: &c.cost,
                        hours: &count(c.hours, Noun::Hour, lang),
                        place: &place,
                        teaches: &teaches.join(", "),
                    }
                    .text(lang),
                );
            }
        }
        for id in &s.suggestion.uncovered {
            let skill = skill_name(s, *id, lang);
            w.text(
                5.0,
                10.0,
                &args::DocPlanNoCourse { skill: &skill }.text(lang),
            );
        }
    }
    w.space(2.0);
    w.text(0.0, 11.0, t(Msg::DocPlanPlan));
    if s.items.is_empty() {
        w.text(5.0, 10.0, t(Msg::DocPlanNothingPlanned));
    }
    for (_, i) in s.items {
        let what = i
            .course
            .and_then(|c| s.courses.get(&c))
            .map_or(i.wish.clone(), |c| c.name.clone());
        let status = crate::privacy::pdf::item_status(&i.status, lang);
        w.boxes_then_text(&[], 10.0, &format!("{what} · {} · {status}", i.cost));
    }
    w.space(10.0);
    w.text(0.0, 10.0, t(Msg::DocPlanSignatures));
    document::render(&w.finish(), &title)
}
