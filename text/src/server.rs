//! The server (`kapstok serve`) and what it rests on: SSH keys of user accounts, where a change
//! came from.
//!
//! `plain`: texts without arguments; `args`: texts with placeholders.

area! {
    Server;
    plain {
        // why a key or an account change was refused (after the field's name)
        RefusedBadPublicKey => "is geen openbare SSH-sleutel: geef het .pub-bestand (één regel die begint met ssh-ed25519 of ssh-rsa, of de SSH2-sleutel van PuTTYgen)", "is not an SSH public key: give the .pub file (one line starting with ssh-ed25519 or ssh-rsa, or PuTTYgen's SSH2 public key)";
        RefusedOwnAccount => "is uw eigen account: een andere beheerder kan het blokkeren", "is your own account: another administrator can block it";
        FieldKey => "Sleutel", "Key";
        FieldFingerprint => "Vingerafdruk", "Fingerprint";
        CliNoKeys => "Geen SSH-sleutels.", "No SSH keys.";
        CliUserBlocked => "geblokkeerd", "blocked";
        CliUserDisabled => "Gebruiker geblokkeerd", "User blocked";
        CliUserEnabled => "Gebruiker gedeblokkeerd", "User unblocked";
        ServeNeedsTerminal => "kapstok heeft een terminal nodig: start ssh met -t (of zonder opdracht).", "kapstok needs a terminal: start ssh with -t (or without a command).";
        ServeNoCommands => "Opdrachten via ssh kan deze versie nog niet; log in zonder opdracht voor het scherm.", "This version cannot run commands over ssh yet; log in without a command for the screen.";
        ServeAccessRevoked => "Uw toegang is ingetrokken (account geblokkeerd of sleutel verwijderd). Vraag een beheerder.", "Your access was withdrawn (account blocked or key removed). Ask an administrator.";
        ServeStopped => "kapstok is gestopt", "kapstok has stopped";
        ServeFailed => "De server is met een fout gestopt; de opgeslagen gegevens zijn er nog.", "The server stopped with an error; the saved data is still there.";
        ServeStopHint => "Ctrl+C stopt de server.", "Ctrl+C stops the server.";
        OriginLocal => "op deze computer", "on this computer";
        // edit conflicts between sessions
        ConflictSomeone => "iemand anders", "someone else";
    }
    args {
        CliKeyAdded { user, fingerprint } => "SSH-sleutel toegevoegd voor {user}: {fingerprint}", "SSH key added for {user}: {fingerprint}";
        CliKeyRemoved { user, fingerprint } => "SSH-sleutel van {user} verwijderd: {fingerprint}", "SSH key of {user} removed: {fingerprint}";
        CliKeyFileUnreadable { path, error } => "Kan het sleutelbestand {path} niet lezen: {error}", "Cannot read the key file {path}: {error}";
        ServeListening { addr, fingerprint } => "kapstok luistert op {addr} (ssh). Vingerafdruk van de server: {fingerprint}", "kapstok is listening on {addr} (ssh). Server fingerprint: {fingerprint}";
        ServeCannotStart { addr } => "De server kan niet starten op {addr}: is die poort al in gebruik (een andere kapstok serve?), of mag dit adres niet? Kies een ander met --listen.", "The server cannot start on {addr}: is that port in use already (another kapstok serve?), or is the address not allowed? Choose another with --listen.";
        OriginSsh { address } => "via ssh vanaf {address}", "over ssh from {address}";
        ErrConflict { record, who, when, fields } => "{record} is intussen gewijzigd door {who} ({when}); u en zij wijzigden {fields}. Er is niets opgeslagen: open het opnieuw en voer uw wijziging weer in.", "{record} was changed meanwhile by {who} ({when}); you both changed {fields}. Nothing was saved: open it again and make your change again.";
        ConflictInForm { who, when } => "{who} heeft dit intussen gewijzigd ({when}). Wat alleen zij wijzigden staat nu in het formulier; onder de velden die u allebei wijzigde staat hun waarde. Ctrl+S slaat uw waarden op, Esc laat de hunne staan.", "{who} changed this meanwhile ({when}). What only they changed is now in the form; under the fields you both changed is their value. Ctrl+S saves your values, Esc keeps theirs.";
        ConflictField { theirs, original } => "intussen gewijzigd in «{theirs}» (was «{original}»)", "changed meanwhile to «{theirs}» (was «{original}»)";
    }
}
