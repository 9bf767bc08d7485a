//! Two sessions edit the same record: a save compares, inside its transaction, what the form
//! loaded with what is stored now. Different fields merge, commuting actions (a contact recorded)
//! never conflict, and the same field changed both ways is refused with who, when and the three
//! values, writing nothing.

mod common;

use common::{add_member, member, new_store, PASSWORD};
use kapstok_core::members::{Accept, MemberInput, SaveOutcome};
use kapstok_core::{Error, Role};

fn saved(outcome: SaveOutcome) -> kapstok_core::members::Member {
    match outcome {
        SaveOutcome::Saved(saved) => saved.member,
        SaveOutcome::Warnings(w) => panic!("warnings: {w:?}"),
    }
}

#[test]
fn changes_to_different_fields_by_two_sessions_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    admin
        .users()
        .add("balie", Role::Administrator, PASSWORD)
        .unwrap();
    let other = k.login("balie", PASSWORD).unwrap();
    let number = add_member(&admin, &member("Zoë", "de", "Wit"));
    let loaded = MemberInput::from_member(&admin.members().get(number).unwrap());

    // The other session changes the phone number and records a contact.
    let mut theirs = loaded.clone();
    theirs.phone = "020-1234567".into();
    other
        .members()
        .save_over(&theirs, number, Accept::NoWarnings, &loaded)
        .unwrap();
    other
        .members()
        .record_contact(number, other.today())
        .unwrap();

    // This session, from the form loaded before, changes the notes.
    let mut yours = loaded.clone();
    yours.notes = "Post via het kantoor".into();
    let m = saved(
        admin
            .members()
            .save_over(&yours, number, Accept::NoWarnings, &loaded)
            .unwrap(),
    );
    assert_eq!(m.phone, "020-1234567", "their change is kept");
    assert_eq!(m.notes, "Post via het kantoor", "yours is written");
    assert_eq!(m.last_contact, Some(other.today()), "the contact is kept");
    assert_eq!(admin.members().get(number).unwrap(), m);
}

#[test]
fn the_same_field_changed_both_ways_is_refused_with_who_and_the_three_values() {
    let dir = tempfile::tempdir().unwrap();
    let (k, admin) = new_store(dir.path());
    admin
        .users()
        .add("balie", Role::Administrator, PASSWORD)
        .unwrap();
    let other = k.login("balie", PASSWORD).unwrap();
    let number = add_member(&admin, &member("Ömer", "", "Yılmaz"));
    let loaded = MemberInput::from_member(&admin.members().get(number).unwrap());

    let mut theirs = loaded.clone();
    theirs.known_as = "Ome".into();
    theirs.email = "omer@example.org".into();
    other
        .members()
        .save_over(&theirs, number, Accept::NoWarnings, &loaded)
        .unwrap();
    let stored = admin.members().get(number).unwrap();

    let mut yours = loaded.clone();
    yours.known_as = "Ömi".into();
    yours.phone = "06-12345678".into();
    let e = admin
        .members()
        .save_over(&yours, number, Accept::NoWarnings, &loaded)
        .unwrap_err();
    let Error::Conflict(c) = e else {
        panic!("not a conflict: {e:?}")
    };
    assert_eq!((c.kind, c.id), ("member", number));
    assert_eq!(c.who.as_deref(), Some("balie"));
    assert!(c.when.is_some());
    assert_eq!(
        c.fields.len(),
        1,
        "only the field both changed: {:?}",
        c.fields
    );
    let f = &c.fields[0];
    assert_eq!(
        (
            f.field,
            f.yours.as_str(),
            f.theirs.as_str(),
            f.original.as_str()
        ),
        ("known_as", "Ömi", "Ome", "")
    );
    assert_eq!(
        admin.members().get(number).unwrap(),
        stored,
        "nothing of yours was written, not even the phone"
    );

    // Saving again over what is stored now (the form brought up to date) keeps yours.
    let now = MemberInput::from_member(&stored);
    let mut again = now.clone();
    again.known_as = "Ömi".into();
    again.phone = "06-12345678".into();
    let m = saved(
        admin
            .members()
            .save_over(&again, number, Accept::NoWarnings, &now)
            .unwrap(),
    );
    assert_eq!(
        (m.known_as.as_str(), m.phone.as_str(), m.email.as_str()),
        ("Ömi", "06-12345678", "omer@example.org")
    );
}
