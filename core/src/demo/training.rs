//! The demo's training: skills, task descriptions, courses and plans.

use super::Rng;
use crate::access::Session;
use crate::error::Result;
use chrono::Days;

/// Training demo data: the task descriptions of FACTS.md with their skills, a course catalogue,
/// skills held by the experts (some expiring soon), a plan per expert, and a budget.
pub(super) fn fill(admin: &Session, seed: u64) -> Result<()> {
    use crate::training::{CourseInput, SkillInput, Source, Step, TaskInput, TrainingSettings};
    let t = admin.training();
    let today = admin.today();
    let mut rng = Rng::new(seed ^ 0x7A);
    t.set_settings(TrainingSettings {
        expiring_weeks: 6,
        budget_per_half_year: Some(crate::common::Cents(250_000)),
    })?;
    let skills = [
        ("EHBO", "Eerste hulp bij ongelukken", "24"),
        (
            "Naloxon toedienen",
            "Overdosis herkennen en naloxon geven",
            "12",
        ),
        ("Gespreksvoering", "Motiverende gespreksvoering", ""),
        (
            "Omgaan met agressie",
            "De-escalatie en grenzen stellen",
            "36",
        ),
        (
            "Voorlichting geven",
            "Een groep voorlichten over veilig gebruik",
            "",
        ),
        (
            "Privacy en beroepsgeheim",
            "AVG en geheimhouding in het werk",
            "",
        ),
        ("Interviewtechniek", "Interviews afnemen voor onderzoek", ""),
        ("Hygiënecode", "Veilig werken met voedsel", "60"),
        (
            "Begeleiden bij afspraken",
            "Mee naar instanties en zorgverleners",
            "",
        ),
    ];
    for (name, description, months) in skills {
        t.save_skill(
            None,
            &SkillInput {
                name: name.into(),
                description: description.into(),
                validity_months: months.into(),
            },
        )?;
    }
    let tasks = [
        (
            "individuele cliëntondersteuning",
            "Mensen begeleiden naar afspraken",
            "Begeleiden bij afspraken; Gespreksvoering; Privacy en beroepsgeheim",
        ),
        (
            "voorlichting",
            "Voorlichting over veilig gebruik",
            "Voorlichting geven; Gespreksvoering; Naloxon toedienen",
        ),
        (
            "outreach",
            "Inloophuizen, gebruiksruimtes, opvang, parken, stations, leden thuis",
            "EHBO; Naloxon toedienen; Omgaan met agressie; Gespreksvoering",
        ),
        (
            "klussen voor de vereniging",
            "Schoonmaak, inkoop en catering, reparaties",
            "Hygiënecode",
        ),
        (
            "verspreiding ledenblad Spuit 11",
            "Het ledenblad rondbrengen",
            "Privacy en beroepsgeheim",
        ),
        (
            "onderzoek en interviews",
            "Meewerken aan onderzoek",
            "Interviewtechniek; Privacy en beroepsgeheim",
        ),
    ];
    for (name, description, needs) in tasks {
        t.save_task(
            None,
            &TaskInput {
                name: name.into(),
                description: description.into(),
                skills: needs.into(),
            },
        )?;
    }
    let courses = [
        (
            "EHBO-diploma",
            "Rode Kruis",
            "EHBO",
            "16",
            "195",
            "Amsterdam",
        ),
        (
            "Naloxon-training",
            "GGD Amsterdam",
            "Naloxon toedienen",
            "3",
            "0",
            "Amsterdam",
        ),
        (
            "Eerste hulp bij drugsnoodgevallen",
            "Trimbos-instituut",
            "EHBO; Naloxon toedienen",
            "8",
            "150",
            "",
        ),
        (
            "Motiverende gespreksvoering",
            "Trimbos-instituut",
            "Gespreksvoering",
            "12",
            "275",
            "Utrecht",
        ),
        (
            "Omgaan met agressie",
            "Rode Kruis",
            "Omgaan met agressie",
            "6",
            "120",
            "Amsterdam",
        ),
        (
            "Voorlichter worden",
            "GGD Amsterdam",
            "Voorlichting geven; Gespreksvoering",
            "10",
            "90",
            "Amsterdam",
        ),
        (
            "Privacy in de praktijk",
            "Vereniging (intern)",
            "Privacy en beroepsgeheim",
            "2",
            "0",
            "",
        ),
        (
            "Interviewen voor onderzoek",
            "Universiteit van Amsterdam",
            "Interviewtechniek",
            "6",
            "60",
            "Amsterdam",
        ),
        (
            "Hygiënecode vrijwilligers",
            "Voedingscentrum",
            "Hygiënecode",
            "2",
            "25",
            "",
        ),
    ];
    for (name, provider, teaches, hours, cost, place) in courses {
        t.save_course(
            None,
            &CourseInput {
                name: name.into(),
                provider: provider.into(),
                skills: teaches.into(),
                hours: hours.into(),
                cost: cost.into(),
                place: place.into(),
            },
        )?;
    }
    let experts: std::collections::BTreeSet<u64> = admin
        .experts()
        .agreements()?
        .into_iter()
        .map(|(_, a)| a.expert)
        .collect();
    let all_skills = t.skills()?;
    for (i, expert) in experts.iter().enumerate() {
        // Some skills from experience; for every third expert one that expires in the coming
        // weeks (acquired its validity ago, less 10 to 30 days).
        for (j, (skill, s)) in all_skills.iter().enumerate() {
            let expiring_soon = i % 3 == 0 && s.validity_months.is_some() && j % 2 == 0;
            let months = s.validity_months.unwrap_or(24);
            let acquired = if expiring_soon {
                today
                    .checked_sub_months(chrono::Months::new(months))
                    .map(|d| d + Days::new(10 + rng.below(20)))
            } else if rng.chance(45) {
                today.checked_sub_months(chrono::Months::new(
                    1 + rng.below(u64::from(months.saturating_sub(2).max(1))) as u32,
                ))
            } else {
                None
            };
            if let Some(acquired) = acquired.filter(|d| *d <= today) {
                t.add_held(*expert, *skill, acquired, Source::Experience)?;
            }
        }
        // A plan: the first suggested course, moved along some steps.
        let gap = t.gap(*expert)?;
        if let Some(course) = gap.suggestion.courses.first() {
            let item = t.propose(*expert, Some(*course), "", today)?;
            let steps: &[Step] = match i % 4 {
                0 => &[],
                1 => &[Step::Agree],
                2 => &[Step::Agree, Step::Enroll],
                _ => &[Step::Agree, Step::Enroll, Step::Complete],
            };
            for (k, step) in steps.iter().enumerate() {
                t.advance(item, *step, today - Days::new(20 - 5 * k as u64))?;
            }
        }
    }
    Ok(())
}
