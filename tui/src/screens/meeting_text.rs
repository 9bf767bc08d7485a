//! The general meetings' values as text in the user's language, shared by the Meetings tab and
//! the command line: kinds, majorities, a vote's result with its reason, the rules.

use crate::i18n::Lang;
use kapstok_core::meetings::{Decision, Fraction, Majority, MeetingKind, MeetingRules, Why};

/// A meeting's kind.
pub fn kind(k: MeetingKind, lang: Lang) -> &'static str {
    let nl = lang == Lang::Nl;
    match k {
        MeetingKind::Spring if nl => "voorjaarsvergadering",
        MeetingKind::Spring => "spring meeting",
        MeetingKind::Autumn if nl => "najaarsvergadering",
        MeetingKind::Autumn => "autumn meeting",
        MeetingKind::Extraordinary if nl => "buitengewone vergadering",
        MeetingKind::Extraordinary => "extraordinary meeting",
        MeetingKind::Second { .. } if nl => "tweede vergadering",
        MeetingKind::Second { .. } => "second meeting",
    }
}

/// A share: `2/3`, `60%`.
pub fn share(f: Fraction) -> String {
    f.to_string()
}

/// A majority of the votes cast: "meer dan de helft", "2/3".
pub fn majority(m: Majority, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    match (m.more_than, m.share == Fraction::new(1, 2)) {
        (true, true) if nl => "meer dan de helft".into(),
        (true, true) => "more than half".into(),
        (true, false) if nl => format!("meer dan {}", share(m.share)),
        (true, false) => format!("more than {}", share(m.share)),
        (false, _) => share(m.share),
    }
}

/// A vote's result with its reason: "verworpen: 2/3 van de uitgebrachte stemmen nodig, 61% voor".
pub fn decision(d: &Decision, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let verdict = match (d.adopted, nl) {
        (true, true) => "aangenomen",
        (true, false) => "adopted",
        (false, true) => "verworpen",
        (false, false) => "rejected",
    };
    let pct = d.percent_for().unwrap_or(0);
    let t = d.tally;
    let why = match d.why {
        Why::Adopted { needed } | Why::NoMajority { needed } => {
            if nl {
                format!(
                    "{} van de uitgebrachte stemmen nodig, {pct}% voor",
                    majority(needed, lang)
                )
            } else {
                format!(
                    "{} of votes cast needed, {pct}% for",
                    majority(needed, lang)
                )
            }
        }
        Why::Tie => {
            if nl {
                format!(
                    "de stemmen staken ({} voor, {} tegen)",
                    t.for_votes, t.against
                )
            } else {
                format!("a tie ({} for, {} against)", t.for_votes, t.against)
            }
        }
        Why::NoneCast => if nl {
            "geen stemmen uitgebracht"
        } else {
            "no votes cast"
        }
        .into(),
        Why::NoQuorum {
            needed,
            represented,
            voting_members,
        } => {
            if nl {
                format!(
                    "quorum niet gehaald: {represented} van {voting_members} stemgerechtigden aanwezig of vertegenwoordigd, {} nodig; een tweede vergadering beslist",
                    share(needed)
                )
            } else {
                format!(
                    "no quorum: {represented} of {voting_members} voting members present or represented, {} needed; a second meeting decides",
                    share(needed)
                )
            }
        }
    };
    let counts = if nl {
        format!(
            "{} voor, {} tegen, {} onthouding, {} blanco",
            t.for_votes, t.against, t.abstain, t.blank
        )
    } else {
        format!(
            "{} for, {} against, {} abstain, {} blank",
            t.for_votes, t.against, t.abstain, t.blank
        )
    };
    format!("{verdict}: {why} ({counts})")
}

/// The rules from the statutes, one line each.
pub fn rules(r: &MeetingRules, lang: Lang) -> Vec<String> {
    let nl = lang == Lang::Nl;
    let quorum = |q: Option<Fraction>| match q {
        Some(f) => share(f),
        None if nl => "geen".into(),
        None => "none".into(),
    };
    if nl {
        vec![
            format!("Oproepingstermijn: {} dagen", r.notice_days),
            format!(
                "Statutenwijziging: minstens {} dagen, ter inzage {} dagen vooraf",
                r.statute_notice_days, r.inspection_days
            ),
            if r.proxies_allowed && r.max_proxies > 0 {
                format!("Volmachten: hoogstens {} per persoon", r.max_proxies)
            } else {
                "Volmachten: niet toegestaan".into()
            },
            format!(
                "Quorum: gewone besluiten {}, statutenwijziging {} van de stemgerechtigden",
                quorum(r.quorum_ordinary),
                quorum(r.quorum_statute)
            ),
            format!(
                "Meerderheid: gewone besluiten {}, statutenwijziging {} van de uitgebrachte stemmen (blanco telt niet, staken = verworpen)",
                majority(r.majority_ordinary, lang),
                majority(r.majority_statute, lang)
            ),
            format!(
                "Tweede vergadering: binnen {} dagen na een gemist quorum",
                r.second_meeting_days
            ),
        ]
    } else {
        vec![
            format!("Notice period: {} days", r.notice_days),
            format!(
                "Statute change: at least {} days, open for inspection {} days before",
                r.statute_notice_days, r.inspection_days
            ),
            if r.proxies_allowed && r.max_proxies > 0 {
                format!("Proxies: at most {} per person", r.max_proxies)
            } else {
                "Proxies: not allowed".into()
            },
            format!(
                "Quorum: ordinary decisions {}, statute change {} of the voting members",
                quorum(r.quorum_ordinary),
                quorum(r.quorum_statute)
            ),
            format!(
                "Majority: ordinary decisions {}, statute change {} of votes cast (blank votes do not count, a tie rejects)",
                majority(r.majority_ordinary, lang),
                majority(r.majority_statute, lang)
            ),
            format!(
                "Second meeting: within {} days after a failed quorum",
                r.second_meeting_days
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kapstok_core::meetings::Tally;

    #[test]
    fn the_result_says_why() {
        let d = Decision {
            adopted: false,
            why: Why::NoMajority {
                needed: Majority::TWO_THIRDS,
            },
            tally: Tally {
                for_votes: 11,
                against: 7,
                abstain: 1,
                blank: 2,
            },
        };
        assert_eq!(
            decision(&d, Lang::En),
            "rejected: 2/3 of votes cast needed, 61% for (11 for, 7 against, 1 abstain, 2 blank)"
        );
        assert_eq!(
            decision(&d, Lang::Nl),
            "verworpen: 2/3 van de uitgebrachte stemmen nodig, 61% voor (11 voor, 7 tegen, 1 onthouding, 2 blanco)"
        );
        let adopted = Decision {
            adopted: true,
            why: Why::Adopted {
                needed: Majority::ABSOLUTE,
            },
            ..d
        };
        assert!(decision(&adopted, Lang::Nl).starts_with("aangenomen: meer dan de helft"));
    }
}
