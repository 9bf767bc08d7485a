//! The training plan as a PDF in Dutch, to discuss with the expert: the tasks, the skills held,
//! the gap, the suggested courses and the plan items of the half year.

use super::model::{Course, Held, ItemStatus, PlanItem, Skill, Source};
use super::rules::{self, Gap, Suggestion};
use crate::common::format_date;
use crate::experts::Agreement;
use crate::members::Member;
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use chrono::{Datelike, NaiveDate};
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

fn skill_name(s: &PlanSheet<'_>, id: u64) -> String {
    s.skills
        .get(&id)
        .map(|k| k.name.clone())
        .unwrap_or_else(|| format!("vaardigheid {id}"))
}

fn status(i: &PlanItem) -> String {
    match &i.status {
        ItemStatus::Proposed => "voorgesteld".into(),
        ItemStatus::Agreed(d) => format!("afgesproken {}", format_date(*d)),
        ItemStatus::Enrolled(d) => format!("ingeschreven {}", format_date(*d)),
        ItemStatus::Completed(d) => format!("afgerond {}", format_date(*d)),
        ItemStatus::Cancelled(d) => format!("geannuleerd {}", format_date(*d)),
    }
}

/// Renders the plan.
pub fn render(s: &PlanSheet<'_>) -> Result<Vec<u8>, PrintError> {
    let mut w = Writer::new()?;
    let half = if s.half_year.month() <= 6 {
        "eerste"
    } else {
        "tweede"
    };
    w.text(
        0.0,
        16.0,
        &format!("Opleidingsplan {}", s.expert.name.full()),
    );
    w.text(
        0.0,
        10.0,
        &format!(
            "{half} halfjaar {} · lidnummer {}",
            s.half_year.year(),
            s.expert.number
        ),
    );
    w.rule();
    w.text(0.0, 11.0, "Taken");
    let tasks = s
        .agreement
        .map(|a| a.tasks.join("; "))
        .unwrap_or_else(|| "geen lopende overeenkomst".into());
    w.text(5.0, 10.0, &tasks);
    w.space(2.0);
    w.text(0.0, 11.0, "Vaardigheden");
    if s.held.is_empty() {
        w.text(5.0, 10.0, "nog geen vastgelegd");
    }
    for (_, h) in s.held {
        let skill = s.skills.get(&h.skill);
        let until = skill
            .and_then(|k| rules::expires_on(h, k))
            .map_or("verloopt niet".to_string(), |e| {
                format!("geldig tot {}", format_date(e))
            });
        let from = match &h.source {
            Source::Course(c) => s
                .courses
                .get(c)
                .map_or("cursus".to_string(), |c| c.name.clone()),
            Source::Experience => "ervaring".to_string(),
        };
        w.text(
            5.0,
            10.0,
            &format!(
                "{} · {} · {from} · {until}",
                skill_name(s, h.skill),
                format_date(h.acquired)
            ),
        );
    }
    w.space(2.0);
    w.text(0.0, 11.0, "Nog nodig voor de taken");
    if s.gap.is_empty() {
        w.text(5.0, 10.0, "niets: alle vaardigheden zijn er");
    }
    for id in &s.gap.missing {
        w.text(
            5.0,
            10.0,
            &format!("{} (ontbreekt of verlopen)", skill_name(s, *id)),
        );
    }
    for (id, until) in &s.gap.expiring {
        w.text(
            5.0,
            10.0,
            &format!("{} (verloopt {})", skill_name(s, *id), format_date(*until)),
        );
    }
    if !s.suggestion.courses.is_empty() || !s.suggestion.uncovered.is_empty() {
        w.space(2.0);
        w.text(0.0, 11.0, "Voorgestelde cursussen");
        for id in &s.suggestion.courses {
            if let Some(c) = s.courses.get(id) {
                let teaches: Vec<String> = c.skills.iter().map(|k| skill_name(s, *k)).collect();
                let place = if c.place.is_empty() {
                    "online".to_string()
                } else {
                    c.place.clone()
                };
                w.text(
                    5.0,
                    10.0,
                    &format!(
                        "{} ({}) · {} · {} uur · {place} · leert: {}",
                        c.name,
                        c.provider,
                        c.cost,
                        c.hours,
                        teaches.join(", ")
                    ),
                );
            }
        }
        for id in &s.suggestion.uncovered {
            w.text(
                5.0,
                10.0,
                &format!("{}: geen cursus gevonden", skill_name(s, *id)),
            );
        }
    }
    w.space(2.0);
    w.text(0.0, 11.0, "Plan");
    if s.items.is_empty() {
        w.text(5.0, 10.0, "nog niets gepland");
    }
    for (_, i) in s.items {
        let what = i
            .course
            .and_then(|c| s.courses.get(&c))
            .map_or(i.wish.clone(), |c| c.name.clone());
        w.boxes_then_text(&[], 10.0, &format!("{what} · {} · {}", i.cost, status(i)));
    }
    w.space(10.0);
    w.text(0.0, 10.0, "Besproken op: ....................   Ervaringsdeskundige: ..............................   Coördinator: ..............................");
    document::render(
        &w.finish(),
        &format!("Opleidingsplan {}", s.expert.name.full()),
    )
}
