//! The printable summary of a person's data, in Dutch (the member's language at the office): the
//! same content as the JSON export, section by section.

use super::export::PersonExport;
use crate::common::format_date;
use crate::experts::{Allowance, ReviewStatus};
use crate::members::{ConsentKind, Status};
use crate::print::document::{self, Writer};
use crate::print::PrintError;
use crate::training::ItemStatus;
use chrono::NaiveDate;

fn date(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_else(|| "-".into())
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "-"
    } else {
        text
    }
}

fn status_nl(s: &Status) -> String {
    match s {
        Status::Active => "actief".into(),
        Status::Suspended => "geschorst".into(),
        Status::Ended { reason } if reason.is_empty() => "beëindigd".into(),
        Status::Ended { reason } => format!("beëindigd ({reason})"),
        Status::Deceased => "overleden".into(),
    }
}

fn consent_nl(k: ConsentKind) -> &'static str {
    match k {
        ConsentKind::ConvocationEmail => "oproeping per e-mail",
        ConsentKind::BirthdayCard => "verjaardagskaart",
        ConsentKind::Magazine => "ledenblad",
    }
}

fn heading(w: &mut Writer, text: &str) {
    w.space(3.0);
    w.keep(20.0);
    w.text(0.0, 12.0, text);
    w.rule();
}

fn line(w: &mut Writer, text: &str) {
    w.text(3.0, 9.5, text);
}

/// Renders the summary.
pub fn render(p: &PersonExport) -> Result<Vec<u8>, PrintError> {
    let m = &p.member;
    let mut w = Writer::new()?;
    w.text(0.0, 16.0, "Overzicht van uw gegevens");
    w.text(
        0.0,
        9.0,
        &format!(
            "Lidnummer {} · gemaakt op {} · alles wat de ledenadministratie over u bewaart",
            m.number,
            format_date(p.created.date())
        ),
    );
    if let Some(e) = &p.erased {
        w.text(
            0.0,
            10.0,
            &format!(
                "Uw persoonsgegevens zijn gewist op {}; alleen anonieme tellingen zijn bewaard.",
                format_date(e.on)
            ),
        );
    }

    heading(&mut w, "Lidmaatschap");
    line(&mut w, &format!("Naam: {}", or_dash(&m.name.full())));
    line(&mut w, &format!("Roepnaam: {}", or_dash(&m.known_as)));
    line(&mut w, &format!("Geboortedatum: {}", date(m.birth_date)));
    line(&mut w, &format!("Telefoon: {}", or_dash(&m.phone)));
    line(&mut w, &format!("E-mail: {}", or_dash(&m.email)));
    let address = m.address.lines().map(|l| l.join(", ")).unwrap_or_default();
    line(&mut w, &format!("Adres: {}", or_dash(&address)));
    line(&mut w, &format!("Lid sinds: {}", format_date(m.joined)));
    for step in &m.status_history {
        line(
            &mut w,
            &format!(
                "Status vanaf {}: {}",
                format_date(step.since),
                status_nl(&step.status)
            ),
        );
    }
    line(
        &mut w,
        &format!("Laatste contact: {}", date(m.last_contact)),
    );
    line(&mut w, &format!("Notities: {}", or_dash(&m.notes)));

    heading(&mut w, "Toestemmingen");
    for k in ConsentKind::ALL {
        line(
            &mut w,
            &format!(
                "{}: {}",
                consent_nl(k),
                k.in_consents(&m.consents)
                    .map(|d| format!("gegeven op {}", format_date(d)))
                    .unwrap_or_else(|| "niet gegeven".into())
            ),
        );
    }
    for e in &p.consent_history {
        line(
            &mut w,
            &format!(
                "{} {} {} (vastgelegd door {})",
                format_date(e.on),
                consent_nl(e.kind),
                if e.given { "gegeven" } else { "ingetrokken" },
                or_dash(&e.by)
            ),
        );
    }

    heading(&mut w, "BaseMail");
    if p.basemail.recipients.is_empty() && p.basemail.cards.is_empty() {
        line(&mut w, "Geen gegevens.");
    }
    for r in &p.basemail.recipients {
        line(
            &mut w,
            &format!(
                "Ontvanger {}{}{}",
                r.id,
                r.recipient
                    .ill_since
                    .map(|d| format!(" · ziek sinds {}", format_date(d)))
                    .unwrap_or_default(),
                if r.recipient.notes.is_empty() {
                    String::new()
                } else {
                    format!(" · notities: {}", r.recipient.notes)
                }
            ),
        );
        for s in &r.stays {
            line(
                &mut w,
                &format!(
                    "Verblijf {}: {} vanaf {} tot {}{}{}",
                    s.id,
                    or_dash(&s.institution),
                    format_date(s.stay.from),
                    date(s.stay.ended_on),
                    if s.stay.unit.is_empty() {
                        String::new()
                    } else {
                        format!(" · afdeling/cel {}", s.stay.unit)
                    },
                    if s.stay.registration_number.is_empty() {
                        String::new()
                    } else {
                        format!(" · registratienummer {}", s.stay.registration_number)
                    }
                ),
            );
        }
    }
    for c in &p.basemail.cards {
        let reasons: Vec<&str> = c.reasons.iter().map(|r| r.name()).collect();
        line(
            &mut w,
            &format!(
                "Kaart week {} ({}){}: {}",
                c.week,
                reasons.join(", "),
                c.posted
                    .map(|d| format!(", verstuurd {}", format_date(d)))
                    .unwrap_or_default(),
                or_dash(&c.address.join(" / "))
            ),
        );
    }
    if !p.basemail.left_out.is_empty() {
        line(
            &mut w,
            &format!(
                "Niet in de ronde van {} week/weken.",
                p.basemail.left_out.len()
            ),
        );
    }

    heading(&mut w, "Vrijwilligerswerk (ervaringsdeskundige)");
    if p.experts.agreements.is_empty() && p.experts.reviews.is_empty() {
        line(&mut w, "Geen gegevens.");
    }
    for a in &p.experts.agreements {
        let allowance = match a.record.allowance {
            Allowance::None => "geen vergoeding".to_string(),
            Allowance::PerHour(c) => format!("{c} per uur"),
            Allowance::PerMonth(c) => format!("{c} per maand"),
        };
        line(
            &mut w,
            &format!(
                "Overeenkomst {}: {} t/m {} · {} · {} · getekend {}",
                a.id,
                format_date(a.record.start),
                format_date(a.record.end),
                a.record.tasks.join(", "),
                allowance,
                date(a.record.signed_on)
            ),
        );
    }
    for r in &p.experts.reviews {
        let status = match &r.record.status {
            ReviewStatus::Scheduled => "gepland".to_string(),
            ReviewStatus::Cancelled => "afgezegd".to_string(),
            ReviewStatus::NoShow => "niet verschenen".to_string(),
            ReviewStatus::Held(d) => format!("gehouden {}", format_date(*d)),
        };
        line(
            &mut w,
            &format!(
                "Functioneringsgesprek {} op {}: {}{}",
                r.id,
                format_date(r.record.slot.start.date()),
                status,
                r.record
                    .outcome
                    .map(|o| format!(", uitkomst {}", o.name()))
                    .unwrap_or_default()
            ),
        );
        if let Some(c) = &r.record.conversation {
            for (label, text) in [
                ("Werk", &c.work),
                ("Plezier", &c.enjoyment),
                ("Moeilijkheden", &c.difficulties),
                ("Afgesproken", &c.agreed),
                ("Scholingswensen", &c.training_wishes),
            ] {
                if !text.is_empty() {
                    w.text(8.0, 9.0, &format!("{label}: {text}"));
                }
            }
        }
    }

    heading(&mut w, "Scholing");
    if p.training.skills_held.is_empty() && p.training.plan.is_empty() {
        line(&mut w, "Geen gegevens.");
    }
    for h in &p.training.skills_held {
        line(
            &mut w,
            &format!(
                "Vaardigheid: {} (sinds {})",
                or_dash(&h.skill_name),
                format_date(h.held.acquired)
            ),
        );
    }
    for item in &p.training.plan {
        let status = match &item.item.status {
            ItemStatus::Proposed => "voorgesteld".to_string(),
            ItemStatus::Agreed(d) => format!("afgesproken {}", format_date(*d)),
            ItemStatus::Enrolled(d) => format!("ingeschreven {}", format_date(*d)),
            ItemStatus::Completed(d) => format!("afgerond {}", format_date(*d)),
            ItemStatus::Cancelled(d) => format!("geannuleerd {}", format_date(*d)),
        };
        line(
            &mut w,
            &format!(
                "Opleidingsplan: {} · {}{}",
                or_dash(&item.course_name),
                status,
                if item.item.wish.is_empty() {
                    String::new()
                } else {
                    format!(" · wens: {}", item.item.wish)
                }
            ),
        );
    }

    heading(&mut w, "Algemene ledenvergaderingen");
    if p.meetings.is_empty() {
        line(&mut w, "Geen gegevens.");
    }
    for m in &p.meetings {
        let mut parts = vec![format!("ALV {}", m.at.format("%d-%m-%Y %H:%M"))];
        match m.invited.as_str() {
            "email" => parts.push("uitgenodigd per e-mail".into()),
            "letter" => parts.push("uitgenodigd per brief".into()),
            _ => {}
        }
        for p in &m.presence {
            parts.push(format!(
                "aanwezig vanaf {}{}{}",
                p.arrived.format("%H:%M"),
                p.left
                    .map(|l| format!(" tot {}", l.format("%H:%M")))
                    .unwrap_or_default(),
                if p.voting { "" } else { " (zonder stem)" }
            ));
        }
        if let Some(holder) = m.proxy_given_to {
            parts.push(format!("volmacht gegeven aan lid {holder}"));
        }
        for giver in &m.proxies_held {
            parts.push(format!("volmacht van lid {giver}"));
        }
        for (title, choice) in &m.roll_call_votes {
            parts.push(format!("stem op \"{title}\": {}", choice.name()));
        }
        line(&mut w, &parts.join(" · "));
    }

    heading(&mut w, "Logboek (wie deed wat met uw gegevens)");
    for e in &p.audit {
        line(
            &mut w,
            &format!(
                "{} {} {} {}{}",
                e.at.format("%d-%m-%Y %H:%M"),
                e.user_name,
                e.action,
                e.record,
                if e.detail.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", e.detail)
                }
            ),
        );
    }
    document::render(&w.finish(), &format!("Overzicht gegevens lid {}", m.number))
}
