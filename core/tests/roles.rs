//! The role table: what each role may do, three times over. The expected table here, the check
//! in core (`Role::allows`, for every role and every permission), the README's "Roles" table
//! (its permissions column), and real service calls (one or more per permission, each refused
//! with exactly that permission or allowed) must all say the same.

mod common;

use common::{member, new_store, with_roles};
use kapstok_core::meetings::MeetingInput;
use kapstok_core::print::Calibration;
use kapstok_core::{Error, Permission, Role, Session};
use std::collections::BTreeSet;

/// What each role may do.
fn expected(role: Role) -> &'static [Permission] {
    use Permission::*;
    match role {
        Role::Administrator => &Permission::ALL,
        Role::Coordinator => &[
            MembersRead,
            BaseMailRun,
            BaseMailManage,
            ExpertsManage,
            MeetingsRead,
        ],
        Role::Volunteer => &[BaseMailRun],
    }
}

#[test]
fn the_check_in_core_follows_the_table_for_every_role_and_permission() {
    for role in Role::ALL {
        for p in Permission::ALL {
            assert_eq!(
                role.allows(p),
                expected(role).contains(&p),
                "{role:?} {p:?}"
            );
        }
    }
    // ALL holds every permission once.
    let distinct: BTreeSet<String> = Permission::ALL.iter().map(|p| format!("{p:?}")).collect();
    assert_eq!(distinct.len(), Permission::ALL.len());
}

/// The README's roles table: per role (by its stable name in the first column), the permissions
/// in its last column.
fn readme_table() -> Vec<(String, BTreeSet<String>)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let section = readme
        .split("\n## Roles\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Roles section");
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| role"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let role = cells[0].split_whitespace().next().unwrap_or("").to_string();
            let permissions = cells
                .last()
                .unwrap()
                .split('`')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
            (role, permissions)
        })
        .collect()
}

#[test]
fn the_readme_table_says_the_same_as_the_check() {
    let table = readme_table();
    assert_eq!(
        table.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>(),
        Role::NAMES,
        "one row per role, in order"
    );
    for (name, listed) in table {
        let role = Role::from_name(&name).unwrap();
        let allowed: BTreeSet<String> = Permission::ALL
            .iter()
            .filter(|p| role.allows(**p))
            .map(|p| format!("{p:?}"))
            .collect();
        assert_eq!(listed, allowed, "README row {name}");
    }
}

type Call = Box<dyn Fn(&Session) -> Result<(), Error>>;

/// Real calls, each needing exactly the permission it is listed with.
fn calls(meeting: u64, dir: std::path::PathBuf) -> Vec<(Permission, &'static str, Call)> {
    use Permission::*;
    vec![
        (
            MembersRead,
            "members.list",
            Box::new(|s| s.members().list().map(drop)),
        ),
        (
            MembersRead,
            "members.get",
            Box::new(|s| s.members().get(1).map(drop)),
        ),
        (
            MembersWrite,
            "members.create",
            Box::new(|s| s.members().create(&member("Els", "", "Vos")).map(drop)),
        ),
        (
            MembersExport,
            "members.export_csv",
            Box::new(|s| s.members().export_csv().map(drop)),
        ),
        (
            UsersManage,
            "users.list",
            Box::new(|s| s.users().list().map(drop)),
        ),
        (
            AuditRead,
            "audit_log.entries",
            Box::new(|s| s.audit_log().entries(&Default::default()).map(drop)),
        ),
        (
            SettingsWrite,
            "set_settings",
            Box::new(|s| s.set_settings(&s.settings()?)),
        ),
        (
            StoreManage,
            "backup",
            Box::new(move |s| {
                s.backup(&dir.join(format!("{}.jsonl", s.user_name())))
                    .map(drop)
            }),
        ),
        (
            BaseMailRun,
            "basemail.sheets",
            Box::new(|s| s.basemail().sheets().map(drop)),
        ),
        (
            BaseMailRun,
            "basemail.configure_printer (calibration)",
            Box::new(|s| {
                s.basemail().configure_printer(
                    "",
                    Calibration {
                        offset_x_mm: 1.5,
                        offset_y_mm: -0.5,
                    },
                )
            }),
        ),
        (
            BaseMailRun,
            "basemail.test_print",
            Box::new(|s| s.basemail().test_print("avery-l7160").map(drop)),
        ),
        (
            BaseMailManage,
            "basemail.recipients",
            Box::new(|s| s.basemail().recipients().map(drop)),
        ),
        (
            ExpertsManage,
            "experts.reviews",
            Box::new(|s| s.experts().reviews().map(drop)),
        ),
        (
            ExpertsManage,
            "training.skills",
            Box::new(|s| s.training().skills().map(drop)),
        ),
        (
            MeetingsRead,
            "meetings.list",
            Box::new(|s| s.meetings().list().map(drop)),
        ),
        (
            MeetingsRead,
            "meetings.attendance_sheet",
            Box::new(move |s| s.meetings().attendance_sheet(meeting).map(drop)),
        ),
        (
            MeetingsManage,
            "meetings.plan",
            Box::new(|s| {
                s.meetings()
                    .plan(&MeetingInput {
                        kind: "extraordinary".into(),
                        date: "15-01-2027".into(),
                        time: "19:30".into(),
                        place: "Kantoor".into(),
                    })
                    .map(drop)
            }),
        ),
    ]
}

#[test]
fn the_service_calls_refuse_and_allow_as_the_table_says() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    admin.members().create(&member("Jan", "", "Poel")).unwrap();
    let meeting = admin
        .meetings()
        .plan(&common::meeting("autumn", "10-12-2026", "Kantoor"))
        .unwrap();
    let [admin, coordinator, volunteer] = with_roles(&k, &admin);
    let sessions = [
        (Role::Administrator, admin),
        (Role::Coordinator, coordinator),
        (Role::Volunteer, volunteer),
    ];
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let calls = calls(meeting, backups);
    for p in Permission::ALL {
        assert!(
            calls.iter().any(|(q, _, _)| *q == p),
            "no call checks {p:?}"
        );
    }
    for (role, s) in &sessions {
        for (p, name, call) in &calls {
            let result = call(s);
            if expected(*role).contains(p) {
                assert!(result.is_ok(), "{role:?} {name}: {result:?}");
            } else {
                assert!(
                    matches!(&result, Err(Error::Denied(q)) if q == p),
                    "{role:?} {name}: expected Denied({p:?}), got {result:?}"
                );
            }
        }
    }
}
