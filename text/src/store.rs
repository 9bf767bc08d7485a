//! The command line, the store (encryption, backups, restore) and output files.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Store;
    plain {
        // command line
        CliNeedUser => "Geef een gebruiker op met --user NAAM.", "Give a user with --user NAME.";
        CliPasswordFor => "Wachtwoord voor", "Password for";
        CliNewPasswordFor => "Nieuw wachtwoord voor", "New password for";
        CliRepeatPassword => "Herhaal het wachtwoord", "Repeat the password";
        CliNoDataDir => "Geen standaardmap voor gegevens gevonden; geef --db PAD op.", "No default data folder found; give --db PATH.";
        CliDemoDone => "Demogegevens geladen", "Demo data loaded";
        CliUsers => "gebruikers", "users";
        CliImported => "leden geïmporteerd", "members imported";
        CliDryRun => "Proefimport: niets opgeslagen; zou importeren:", "Dry run: nothing saved; would import:";
        CliPossibleDuplicate => "mogelijk dubbel met lid", "possible duplicate of member";
        CliExported => "leden geëxporteerd naar", "members exported to";
        CliUserAdded => "Gebruiker toegevoegd", "User added";
        CliFirstAdmin => "De opslag is leeg: de eerste gebruiker moet beheerder zijn.", "The store is empty: the first user must be an administrator.";
        CliBadRole => "Onbekende rol; kies uit: administrator, coordinator, volunteer", "Unknown role; choose from: administrator, coordinator, volunteer";
        CliPasswordChanged => "Wachtwoord gewijzigd", "Password changed";
        CliMigrated => "De opslag is bijgewerkt; back-up:", "The store was upgraded; backup:";
        // storage: encryption, backups, restore (issue 7)
        ErrLocked => "De opslag is versleuteld: log eerst in of geef de wachtwoordzin van de opslag.", "The store is encrypted: log in or give the store passphrase first.";
        ErrBadPassphrase => "Verkeerde wachtwoordzin van de opslag.", "Wrong store passphrase.";
        ErrNotEncrypted => "De opslag is niet versleuteld.", "The store is not encrypted.";
        ErrReadOnly => "Wijziging geweigerd, er is niets opgeslagen: de opslag kan niet worden beschreven (alleen-lezen of schijf vol)", "Change refused, nothing was saved: the store cannot be written (read-only or disk full)";
        CliPassphrase => "Wachtwoordzin van de opslag", "Store passphrase";
        CliNewPassphrase => "Nieuwe wachtwoordzin van de opslag", "New store passphrase";
        CliRepeatPassphrase => "Herhaal de wachtwoordzin", "Repeat the passphrase";
        PassphrasesDiffer => "De wachtwoordzinnen zijn niet gelijk.", "The passphrases differ.";
        CliStoreCreated => "Nieuwe opslag aangemaakt", "New store created";
        CliStoreCreatedEncrypted => "Nieuwe versleutelde opslag aangemaakt", "New encrypted store created";
        CliStoreExists => "Hier staat al een opslag met gegevens; kies een nieuwe map met --db.", "A store with data already exists here; choose a new folder with --db.";
        CliBackupWritten => "Reservekopie geschreven", "Backup written";
        CliRestored => "Teruggezet: regels", "Restored: lines";
        CliRestoredLogin => "Log in met de gebruikers (en wachtwoordzin) van de reservekopie.", "Log in with the users (and passphrase) of the backup.";
        // output files and backups (see `error`)
        BackupEmpty => "dit is geen back-up van kapstok (het bestand is leeg)", "this is not a kapstok backup (the file is empty)";
        BackupNoHeader => "dit is geen back-up van kapstok (de eerste regel is geen kop van een back-up)", "this is not a kapstok backup (the first line is not a backup header)";
        BackupNotUtf8 => "de regel is geen UTF-8-tekst: het bestand is beschadigd", "the line is not UTF-8 text: the file is damaged";
        BackupNotAnEntry => "dit is geen regel van een back-up (het bestand is afgekapt of beschadigd)", "this is not a backup line (the file is cut short or damaged)";
        BackupCutShort => "de regel is afgekapt: het bestand is onvolledig", "the line is cut short: the file is incomplete";
        BackupBadEntry => "een sleutel of waarde is beschadigd", "a key or value is damaged";
        BackupUnencrypted => "een onversleutelde waarde in een versleutelde back-up: het bestand is beschadigd of gewijzigd", "an unencrypted value in an encrypted backup: the file is damaged or altered";
        BackupNotARecord => "een waarde die geen kapstok-gegeven is: het bestand is beschadigd", "a value that is not a kapstok record: the file is damaged";
        BackupRepeated => "deze sleutel staat er twee keer in: het bestand is beschadigd", "this key appears twice: the file is damaged";
        BackupDamaged => "de back-up is beschadigd: de controlesom klopt niet", "the backup is damaged: its check sum does not match";
        BackupNoCheckLine => "de back-up is onvolledig: de controleregel aan het eind ontbreekt (het bestand is afgekapt)", "the backup is incomplete: the check line at its end is missing (the file is cut short)";
        BackupFormat => "de versie van de opslag in de back-up ontbreekt of klopt niet", "the store version in the backup is missing or wrong";
        BackupForgedOld => "de kop zegt een oude back-upversie die voor deze opslagversie nooit is gemaakt: het bestand is gewijzigd", "the header names an old backup version never written for this store version: the file was altered";
        BackupEncryption => "de kop en de sleutels zijn het oneens over versleuteling: het bestand is beschadigd", "the header and the keys disagree on encryption: the file is damaged";
        BackupAlreadyEncrypted => "de back-up is al versleuteld: zet hem terug zonder --encrypt", "the backup is already encrypted: restore it without --encrypt";
        CliRekeyed => "Wachtwoordzin van de opslag gewijzigd.", "Store passphrase changed.";
        CliReencrypted => "Opslag opnieuw versleuteld met een nieuwe sleutel.", "Store re-encrypted with a new key.";
        CliNeedNewPassword => "Deze gebruikers loggen één keer in met KAPSTOK_PASSPHRASE (de nieuwe wachtwoordzin) erbij, of krijgen een nieuw wachtwoord (kapstok user passwd):", "These users log in once with KAPSTOK_PASSPHRASE (the new passphrase) set, or get a new password (kapstok user passwd):";
        CliBackupsKept => "Automatische reservekopieën bewaard:", "Automatic backups kept:";
        DailyBackupFailed => "Automatische reservekopie van vandaag mislukt:", "Today's automatic backup failed:";
        FieldPassphrase => "Wachtwoordzin opslag", "Store passphrase";
        FieldPassphraseAgain => "Wachtwoordzin (nogmaals)", "Passphrase (again)";
        NewAdminEncryptNote => "Met een wachtwoordzin wordt de opslag versleuteld (leeg laten: niet versleuteld). Bewaar hem veilig: zonder wachtwoordzin of wachtwoord is niets terug te halen.", "A passphrase encrypts the store (leave empty: not encrypted). Keep it safe: without the passphrase or a password nothing can be recovered.";
    }
    args {
        ErrOutputInStore { path, store } => "{path} ligt in de opslag {store}, in de map met zijn back-ups, of is een van de bestanden die kapstok naast de opslag zelf gebruikt (.lock, .rewrite, .old): een bestand daar kan de opslag kapotmaken. Er is niets geschreven; kies een bestand buiten die mappen.", "{path} is inside the store {store}, its backups folder, or is one of the files kapstok itself keeps beside the store (.lock, .rewrite, .old): a file there could destroy the store. Nothing was written; choose a file outside those folders.";
        CliDiskFull { path, detail } => "{path} kon niet worden geschreven: de schijf is vol of het bestand te groot ({detail}). Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw.", "{path} could not be written: the disk is full or the file too large ({detail}). Nothing was saved; free some space and try again.";
        ErrBadBackup { path, line, problem } => "{path}, regel {line}: {problem}. Er is niets teruggezet; neem een andere back-up.", "{path}, line {line}: {problem}. Nothing was restored; take another backup.";
        ErrBadBackupWhole { path, problem } => "{path}: {problem}. Er is niets teruggezet; neem een andere back-up.", "{path}: {problem}. Nothing was restored; take another backup.";
        BackupUnreadable { detail } => "het bestand is niet te lezen ({detail})", "the file cannot be read ({detail})";
        BackupVersion { version } => "back-upversie {version} kan deze kapstok niet lezen (een nieuwere kapstok wel)", "this kapstok cannot read backup version {version} (a newer kapstok can)";
        BackupAfterCheck { at } => "tekst na de controleregel (regel {at}): het bestand is beschadigd", "text after the check line (line {at}): the file is damaged";
        BackupUnknownTree { tree } => "onbekende tabel \"{tree}\" (een back-up van een ander programma of een nieuwere kapstok?)", "unknown table \"{tree}\" (a backup of another program or a newer kapstok?)";
        BackupIncomplete { found, expected } => "de back-up is onvolledig: {found} regels, de controleregel noemt er {expected}", "the backup is incomplete: {found} entries, the check line names {expected}";
    }
}
