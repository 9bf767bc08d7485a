//! Every setting at its own key: set everything, read everything back; and the repair of stores
//! written while the meeting rules and the retention period shared settings key 5.

mod common;

use common::{ADMIN, PASSWORD};
use kapstok_core::common::{Address, Postcode};
use kapstok_core::experts::ExpertSettings;
use kapstok_core::meetings::MeetingRules;
use kapstok_core::print::Calibration;
use kapstok_core::store::{SettingsKey, FORMAT_VERSION};
use kapstok_core::training::TrainingSettings;
use kapstok_core::Session;
use std::path::Path;

fn everything_set(admin: &Session) {
    let mut settings = admin.settings().unwrap();
    settings.out_of_sight_weeks = 20;
    settings.office_name = "De Regenboog".into();
    settings.office_address = Address::Postbus {
        number: 2170,
        postcode: Postcode::parse("8203 AD").unwrap(),
        city: "Lelystad".into(),
    };
    admin.set_settings(&settings).unwrap();
    admin
        .basemail()
        .configure_printer(
            "kantoor",
            Calibration {
                offset_x_mm: 1.5,
                offset_y_mm: -0.5,
            },
        )
        .unwrap();
    let mut experts = ExpertSettings {
        due_weeks: 9,
        ..ExpertSettings::default()
    };
    experts.hours.weekends = true;
    admin.experts().set_settings(experts).unwrap();
    admin
        .training()
        .set_settings(TrainingSettings {
            expiring_weeks: 10,
            budget_per_half_year: Some(kapstok_core::common::Cents(123_400)),
        })
        .unwrap();
    admin
        .meetings()
        .set_rules(MeetingRules {
            notice_days: 21,
            max_proxies: 2,
            ..MeetingRules::default()
        })
        .unwrap();
    admin.privacy().set_retention_months(36).unwrap();
    admin.set_backups_keep(3).unwrap();
}

fn everything_reads_back(admin: &Session) {
    let settings = admin.settings().unwrap();
    assert_eq!(settings.out_of_sight_weeks, 20);
    assert_eq!(settings.office_name, "De Regenboog");
    assert!(matches!(
        settings.office_address,
        Address::Postbus { number: 2170, .. }
    ));
    let print = admin.basemail().print_settings().unwrap();
    assert_eq!(print.printer, "kantoor");
    assert_eq!(print.calibrations["kantoor"].offset_x_mm, 1.5);
    let experts = admin.experts().settings().unwrap();
    assert_eq!(experts.due_weeks, 9);
    assert!(experts.hours.weekends);
    let training = admin.training().settings().unwrap();
    assert_eq!(training.expiring_weeks, 10);
    assert_eq!(
        training.budget_per_half_year,
        Some(kapstok_core::common::Cents(123_400))
    );
    let rules = admin.meetings().rules().unwrap();
    assert_eq!((rules.notice_days, rules.max_proxies), (21, 2));
    assert_eq!(admin.privacy().settings().unwrap().retention_months, 36);
    assert_eq!(admin.backups_keep().unwrap(), 3);
    // The meetings still list (once they failed: "settings/5 (UnexpectedEnd …)").
    admin.meetings().list().unwrap();
}

#[test]
fn every_setting_set_to_a_non_default_value_reads_back_also_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = common::new_store(dir.path());
        everything_set(&admin);
        everything_reads_back(&admin);
    }
    let k = common::open(&path);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    everything_reads_back(&admin);
    assert!(admin.settings_reset().unwrap().is_empty());
}

/// Turns a store of this kapstok into one as format 3 wrote it: the privacy settings at key 5
/// when `privacy_last` (the retention period saved after the rules), the rules there otherwise;
/// nothing at key 6.
fn as_format_3(path: &Path, privacy_last: bool) {
    let db = common::raw_sled(path);
    let settings = db.open_tree("settings").unwrap();
    let key = |k: u64| k.to_be_bytes();
    let privacy = settings.remove(key(SettingsKey::Privacy.id())).unwrap();
    if privacy_last {
        settings
            .insert(key(SettingsKey::MeetingRules.id()), privacy.unwrap())
            .unwrap();
    }
    common::set_raw_format_version(&db, 3);
    db.flush().unwrap();
}

#[test]
fn a_store_whose_retention_period_overwrote_the_meeting_rules_is_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = common::new_store(dir.path());
        admin
            .meetings()
            .set_rules(MeetingRules {
                max_proxies: 2,
                ..MeetingRules::default()
            })
            .unwrap();
        admin.privacy().set_retention_months(36).unwrap();
    }
    as_format_3(&path, true);
    let k = common::open(&path);
    assert!(matches!(
        k.opened(),
        kapstok_core::store::Opened::Migrated { from: 3, .. }
    ));
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.privacy().settings().unwrap().retention_months, 36);
    // The rules were lost when the retention period was saved over them; the audit log holds
    // no values of them, so they are the defaults, and the administrator is told to enter them.
    assert_eq!(admin.meetings().rules().unwrap(), MeetingRules::default());
    admin.meetings().list().unwrap();
    assert_eq!(
        admin.settings_reset().unwrap(),
        vec![SettingsKey::MeetingRules]
    );
    assert_eq!(
        admin.report().admin_today().unwrap().settings_reset,
        vec![SettingsKey::MeetingRules]
    );
    admin
        .meetings()
        .set_rules(MeetingRules {
            max_proxies: 2,
            ..MeetingRules::default()
        })
        .unwrap();
    assert!(admin.settings_reset().unwrap().is_empty());
    assert_eq!(admin.privacy().settings().unwrap().retention_months, 36);
}

#[test]
fn a_store_whose_meeting_rules_overwrote_the_retention_period_gets_it_back_from_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    {
        let (_k, admin) = common::new_store(dir.path());
        admin.privacy().set_retention_months(36).unwrap();
        admin
            .meetings()
            .set_rules(MeetingRules {
                max_proxies: 2,
                ..MeetingRules::default()
            })
            .unwrap();
    }
    as_format_3(&path, false);
    let k = common::open(&path);
    let admin = k.login(ADMIN, PASSWORD).unwrap();
    assert_eq!(admin.meetings().rules().unwrap().max_proxies, 2);
    assert_eq!(admin.privacy().settings().unwrap().retention_months, 36);
    assert!(admin.settings_reset().unwrap().is_empty());
}

#[test]
fn a_store_that_never_set_either_migrates_without_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    drop(common::new_store(dir.path()));
    as_format_3(&path, false);
    let (store, _) = common::open_store(&path);
    assert_eq!(store.format_version().unwrap(), Some(FORMAT_VERSION));
    assert!(store.settings_reset().unwrap().is_empty());
    drop(store);
}
