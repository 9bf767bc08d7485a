//! Two sessions on one store edit the same member: the form keeps the member as it was loaded,
//! and the save merges with what the other saved meanwhile. A field both changed is refused,
//! with their value and the original under it; saving again keeps yours.

use kapstok::i18n::Lang;
use kapstok_core::members::{Accept, MemberInput};
use kapstok_core::Role;
use ratatui::crossterm::event::KeyCode;

mod common;
use common::*;

const PW: &str = "geheim-wachtwoord";

#[test]
fn a_field_both_changed_shows_theirs_and_saving_again_keeps_yours_and_their_other_changes() {
    let dir = tempfile::tempdir().unwrap();
    let k = kapstok_testkit::open(&dir.path().join("store"));
    let admin = k.setup("beheer", PW).unwrap();
    admin.users().add("balie", Role::Administrator, PW).unwrap();
    let number = admin
        .members()
        .create(&MemberInput {
            given: "Anna".into(),
            surname: "Aalders".into(),
            address_kind: "care_of".into(),
            joined: "01-01-2020".into(),
            ..MemberInput::default()
        })
        .unwrap()
        .member
        .number;
    let mut app = log_in_to_first_tab(&k, "beheer", PW, Lang::Nl);
    // The form opens on the first field, the first name: yours becomes "Anna Z".
    key(&mut app, KeyCode::Char('e'));
    typ(&mut app, " Z");

    // Meanwhile, at the desk: another first name and a phone number.
    let other = k.login("balie", PW).unwrap();
    let loaded = MemberInput::from_member(&other.members().get(number).unwrap());
    let mut theirs = loaded.clone();
    theirs.given = "Annie".into();
    theirs.phone = "020-1234567".into();
    other
        .members()
        .save_over(&theirs, number, Accept::NoWarnings, &loaded)
        .unwrap();

    ctrl(&mut app, 's');
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("intussen gewijzigd in «Annie» (was «Anna»)"),
        "their value and the original under the field: {shown}"
    );
    assert!(
        shown.contains("balie heeft dit intussen gewijzigd"),
        "who: {shown}"
    );
    assert!(
        shown.contains("020-1234567"),
        "their phone is in the form now: {shown}"
    );
    assert_eq!(
        k.login("beheer", PW)
            .unwrap()
            .members()
            .get(number)
            .unwrap()
            .name
            .given,
        "Annie",
        "nothing of yours was saved"
    );

    // Saving again keeps your first name, and their phone number.
    ctrl(&mut app, 's');
    app.finish();
    let m = admin.members().get(number).unwrap();
    assert_eq!(
        (m.name.given.as_str(), m.phone.as_str()),
        ("Anna Z", "020-1234567")
    );
}
