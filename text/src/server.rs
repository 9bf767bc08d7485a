//! The server (`kapstok serve`) and what it rests on: SSH keys of user accounts, where a change
//! came from.
//!
//! `plain`: texts without arguments; `args`: texts with placeholders.

area! {
    Server;
    plain {
        FieldKey => "Sleutel", "Key";
        FieldFingerprint => "Vingerafdruk", "Fingerprint";
        CliNoKeys => "Geen SSH-sleutels.", "No SSH keys.";
        CliUserBlocked => "geblokkeerd", "blocked";
        CliUserDisabled => "Gebruiker geblokkeerd", "User blocked";
        CliUserEnabled => "Gebruiker gedeblokkeerd", "User unblocked";
        OriginLocal => "op deze computer", "on this computer";
    }
    args {
        CliKeyAdded { user, fingerprint } => "SSH-sleutel toegevoegd voor {user}: {fingerprint}", "SSH key added for {user}: {fingerprint}";
        CliKeyRemoved { user, fingerprint } => "SSH-sleutel van {user} verwijderd: {fingerprint}", "SSH key of {user} removed: {fingerprint}";
        CliKeyFileUnreadable { path, error } => "Kan het sleutelbestand {path} niet lezen: {error}", "Cannot read the key file {path}: {error}";
        OriginSsh { address } => "via ssh vanaf {address}", "over ssh from {address}";
    }
}
