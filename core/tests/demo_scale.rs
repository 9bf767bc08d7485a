//! The demo at scale: proportional across the areas, deterministic from the seed, and a store
//! that keeps its rules (every record audited, counters ahead of the records, one stay and one
//! agreement at a time).

mod common;

use kapstok_core::access::AuditFilter;
use kapstok_core::demo::{self, Scale};
use kapstok_core::experts::rules::overlap;
use kapstok_core::Session;
use std::collections::{HashMap, HashSet};

const MEMBERS: usize = 1_500;

fn filled(seed: u64) -> (tempfile::TempDir, kapstok_core::Kapstok, Session) {
    let dir = tempfile::tempdir().unwrap();
    let k = common::open(&dir.path().join("store"));
    demo::fill(&k, MEMBERS, seed).unwrap();
    let admin = k.login("beheer", demo::DEMO_PASSWORD).unwrap();
    (dir, k, admin)
}

#[test]
fn the_default_size_is_the_hand_made_demo_and_larger_ones_grow_in_proportion() {
    assert_eq!(
        Scale::for_members(300),
        Scale {
            institutions: 0,
            stays: 0,
            ill: 0,
            experts: 0
        }
    );
    let big = Scale::for_members(100_000);
    assert_eq!(big.stays, 100_000 * 17 / 300 - 17);
    assert_eq!(big.ill, 100_000 * 3 / 300 - 3);
    assert_eq!(big.experts, 100_000 * 10 / 300 - 10);
    assert_eq!(big.institutions, 49);
}

#[test]
fn a_larger_demo_holds_every_area_in_proportion_and_keeps_the_stores_rules() {
    let (_dir, _k, admin) = filled(7);
    let scale = Scale::for_members(MEMBERS);
    let bm = admin.basemail();
    let recipients = bm.recipients().unwrap();
    let members: HashSet<u64> = admin
        .members()
        .list()
        .unwrap()
        .iter()
        .map(|m| m.number)
        .collect();
    assert_eq!(members.len(), MEMBERS);

    // BaseMail: at least the proportional number of recipients, each member at most once, each
    // with at most one open stay.
    assert!(
        recipients.len() >= scale.stays + scale.ill + 17,
        "{} recipients",
        recipients.len()
    );
    let mut seen = HashSet::new();
    for (id, r, _) in &recipients {
        if let Some(n) = r.member {
            assert!(members.contains(&n));
            assert!(seen.insert(n), "member {n} is two recipients");
        }
        let stays = bm.stays(*id).unwrap();
        assert!(stays.iter().filter(|(_, s)| s.ended_on.is_none()).count() <= 1);
    }
    assert!(
        recipients
            .iter()
            .filter(|(_, r, _)| r.ill_since.is_some())
            .count()
            >= scale.ill
    );

    // Experts: two agreements each, never overlapping, for members.
    let ex = admin.experts();
    let agreements = ex.agreements().unwrap();
    let mut by_expert: HashMap<u64, Vec<_>> = HashMap::new();
    for (_, a) in &agreements {
        assert!(members.contains(&a.expert));
        by_expert.entry(a.expert).or_default().push(a.clone());
    }
    assert!(
        by_expert.len() >= scale.experts,
        "{} experts",
        by_expert.len()
    );
    for list in by_expert.values() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                assert!(!overlap(a, b), "{a:?} overlaps {b:?}");
            }
        }
    }
    // Training: skills held and plan items for the new experts too; the gap still computes.
    let t = admin.training();
    let some = *by_expert.keys().max().unwrap();
    t.gap(some).unwrap();
    assert!(by_expert.keys().any(|e| !t.plan(*e).unwrap().is_empty()));

    // Every record written in bulk has its audit entry.
    let audit = admin.audit_log().entries(&AuditFilter::default()).unwrap();
    let audited: HashSet<&str> = audit.iter().map(|e| e.record.as_str()).collect();
    for (id, _, _) in &recipients {
        assert!(audited.contains(format!("recipient/{id}").as_str()));
    }
    for (id, _) in &agreements {
        assert!(audited.contains(format!("agreement/{id}").as_str()));
    }

    // The counters are ahead of the records: a new recipient gets a new number.
    let before: HashSet<u64> = recipients.iter().map(|(id, _, _)| *id).collect();
    let new = bm
        .add_recipient(&kapstok_core::basemail::service::RecipientInput {
            surname: "Nieuw".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(!before.contains(&new));

    // The past runs hold the new detainees as well, and were posted.
    let runs = bm.runs().unwrap();
    assert_eq!(runs.iter().filter(|r| r.closed_on.is_some()).count(), 4);
    let detained = runs
        .last()
        .unwrap()
        .cards
        .iter()
        .filter(|c| c.stay.is_some())
        .count();
    assert!(detained > 17, "{detained} cards with a stay");
    assert!(runs
        .iter()
        .all(|r| r.cards.iter().all(|c| c.written && !c.writer.is_empty())));

    // General meetings: attendance grows with the association (8 of every 300 come), the votes
    // stay within the voting power, the statute change still misses its quorum and the second
    // meeting adopts it.
    let meetings = admin.meetings().list().unwrap();
    assert_eq!(meetings.len(), 4);
    let held: Vec<_> = meetings.iter().filter(|(_, m)| m.held()).collect();
    assert_eq!(held.len(), 3);
    let per = MEMBERS / 300;
    for (_, m) in &held {
        let present: HashSet<u64> = m.presence.iter().map(|p| p.member).collect();
        assert!(present.len() >= 6 * per, "{} present", present.len());
        assert!(present.iter().all(|n| members.contains(n)));
        for vote in m.agenda.iter().filter_map(|i| i.vote.as_ref()) {
            assert!(vote.decision.tally.total() <= vote.power);
        }
    }
    let register = admin.meetings().decisions("").unwrap();
    assert!(register
        .iter()
        .any(|d| matches!(d.decision.why, kapstok_core::meetings::Why::NoQuorum { .. })));
    assert!(register
        .iter()
        .any(|d| d.statute_change && d.decision.adopted));
}

#[test]
fn the_same_seed_makes_the_same_store_and_another_seed_another() {
    let (_d1, _k1, a) = filled(11);
    let (_d2, _k2, b) = filled(11);
    let (_d3, _k3, c) = filled(12);
    let agreements = |s: &Session| s.experts().agreements().unwrap();
    let recipients = |s: &Session| {
        s.basemail()
            .recipients()
            .unwrap()
            .into_iter()
            .map(|(id, r, _)| (id, r.member, r.ill_since))
            .collect::<Vec<_>>()
    };
    assert_eq!(agreements(&a), agreements(&b));
    assert_eq!(recipients(&a), recipients(&b));
    assert_ne!(recipients(&a), recipients(&c));
}
