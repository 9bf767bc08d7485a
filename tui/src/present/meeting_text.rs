//! The general meetings' values as text in the user's language, shared by the Meetings tab and
//! the command line: kinds, majorities, a vote's result with its reason, the rules. The words
//! are in the catalogue (`kapstok_text`, area `meetings`).

use crate::i18n::{args, count, Lang, Msg, Noun};
use kapstok_core::meetings::{Decision, Fraction, Majority, MeetingKind, MeetingRules, Why};

/// A meeting's kind.
pub fn kind(k: MeetingKind, lang: Lang) -> &'static str {
    match k {
        MeetingKind::Spring => Msg::KindSpring,
        MeetingKind::Autumn => Msg::KindAutumn,
        MeetingKind::Extraordinary => Msg::KindExtraordinary,
        MeetingKind::Second { .. } => Msg::KindSecond,
    }
    .text(lang)
}

/// A share: `2/3`, `60%`.
pub fn share(f: Fraction) -> String {
    f.to_string()
}

/// A majority of the votes cast: "meer dan de helft", "2/3".
pub fn majority(m: Majority, lang: Lang) -> String {
    match (m.more_than, m.share == Fraction::new(1, 2)) {
        (true, true) => Msg::MajorityHalf.text(lang).into(),
        (true, false) => args::MajorityMoreThan {
            share: &share(m.share),
        }
        .text(lang),
        (false, _) => share(m.share),
    }
}

/// A vote's result with its reason: "verworpen: 2/3 van de uitgebrachte stemmen nodig, 61% voor".
pub fn decision(d: &Decision, lang: Lang) -> String {
    let verdict = if d.adopted {
        Msg::Adopted
    } else {
        Msg::Rejected
    };
    let pct = d.percent_for().unwrap_or(0);
    let t = d.tally;
    let why = match d.why {
        Why::Adopted { needed } | Why::NoMajority { needed } => args::WhyMajority {
            needed: &majority(needed, lang),
            pct: &pct,
        }
        .text(lang),
        Why::Tie => args::WhyTie {
            yes: &t.for_votes,
            against: &t.against,
        }
        .text(lang),
        Why::NoneCast => Msg::WhyNoneCast.text(lang).into(),
        Why::NoQuorum {
            needed,
            represented,
            voting_members,
        } => args::WhyNoQuorum {
            represented: &represented,
            members: &voting_members,
            needed: &share(needed),
        }
        .text(lang),
    };
    let counts = args::VoteCounts {
        yes: &t.for_votes,
        against: &t.against,
        abstain: &t.abstain,
        blank: &t.blank,
    }
    .text(lang);
    args::VoteResult {
        verdict: &verdict.text(lang),
        why: &why,
        counts: &counts,
    }
    .text(lang)
}

/// The rules from the statutes, one line each.
pub fn rules(r: &MeetingRules, lang: Lang) -> Vec<String> {
    let days = |n| count(n, Noun::Day, lang);
    let quorum = |q: Option<Fraction>| match q {
        Some(f) => share(f),
        None => Msg::QuorumNone.text(lang).into(),
    };
    vec![
        args::RuleNotice {
            days: &days(r.notice_days),
        }
        .text(lang),
        args::RuleStatute {
            days: &days(r.statute_notice_days),
            inspection: &days(r.inspection_days),
        }
        .text(lang),
        if r.proxies_allowed && r.max_proxies > 0 {
            args::RuleProxies {
                max: &r.max_proxies,
            }
            .text(lang)
        } else {
            Msg::RuleNoProxies.text(lang).into()
        },
        args::RuleQuorum {
            ordinary: &quorum(r.quorum_ordinary),
            statute: &quorum(r.quorum_statute),
        }
        .text(lang),
        args::RuleMajority {
            ordinary: &majority(r.majority_ordinary, lang),
            statute: &majority(r.majority_statute, lang),
        }
        .text(lang),
        args::RuleSecond {
            days: &days(r.second_meeting_days),
        }
        .text(lang),
    ]
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

    #[test]
    fn the_rules_read_in_each_language() {
        let r = MeetingRules::default();
        let nl = rules(&r, Lang::Nl);
        let en = rules(&r, Lang::En);
        assert_eq!(nl.len(), en.len());
        assert!(nl[0].starts_with("Oproepingstermijn: "), "{nl:?}");
        assert!(en[0].starts_with("Notice period: "), "{en:?}");
        for line in &en {
            for dutch in ["dagen", "Volmachten", "besluiten", "stemmen"] {
                assert!(!line.contains(dutch), "{dutch} in {line}");
            }
        }
        assert_eq!(kind(MeetingKind::Spring, Lang::En), "spring meeting");
        assert_eq!(majority(Majority::ABSOLUTE, Lang::Nl), "meer dan de helft");
    }
}
