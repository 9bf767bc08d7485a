//! Errors and refusals.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Errors;
    plain {
        // errors
        ErrDenied => "Dit mag uw rol niet", "Your role may not do this";
        ErrBadLogin => "Onbekende gebruiker of verkeerd wachtwoord.", "Unknown user or wrong password.";
        ErrNotEmpty => "De opslag is niet leeg.", "The store is not empty.";
        ErrNotFound => "Bestaat niet", "Does not exist";
        ErrAlreadyOpen => "Deze database is al geopend in een ander kapstok-venster", "This database is already open in another kapstok window";
        ErrNewerFormat => "Deze database is gemaakt door een nieuwere kapstok (formaatversie). Gebruik een nieuwere kapstok.", "This database was made by a newer kapstok (format version). Use a newer kapstok.";
        ErrStorage => "De opslag gaf een fout en de handeling is niet uitgevoerd. Probeer het opnieuw; gebeurt het weer, start kapstok opnieuw of vraag hulp.", "The store reported an error and the action was not carried out. Try again; if it happens again, restart kapstok or ask for help.";
        ErrInvalid => "Ongeldige invoer", "Invalid input";
        CliTechnicalDetail => "Technische details (voor wie helpt): ", "Technical details (for whoever helps): ";
        ErrImport => "Import geweigerd, er is niets opgeslagen", "Import refused, nothing was saved";
        ErrLine => "regel", "line";
        ErrUnfit => "Deze etiketten passen niet, er is niets gedrukt", "These labels do not fit, nothing was printed";
        CliTestPrint => "Testafdruk (op gewoon papier afdrukken en tegen een etikettenvel houden)", "Test print (print on plain paper and hold against a label sheet)";
        CliBadOrder => "Onbekende volgorde; kies institution (inrichting) of name (naam)", "Unknown order; choose institution or name";
        CliBadWeek => "Geen ISO-week (zoals 2026-W48):", "Not an ISO week (like 2026-W48):";
        CliNoLp => "lp is niet gevonden: de PDF is opgeslagen maar niet naar een printer gestuurd.", "lp was not found: the PDF is saved but was not sent to a printer.";
        CliSentToPrinter => "Naar de printer gestuurd:", "Sent to the printer:";
        CliPrinter => "Printer", "Printer";
        CliReviewsWritten => "geplande gesprekken opgeslagen in", "planned reviews saved to";
        CliOffice => "Kantoor (post via het kantoor)", "Office (post care of the office)";
        CliReviewSettings => "Gesprekken: weken vooruit, openingstijden", "Reviews: weeks ahead, office hours";
        FieldOfficeOpens => "Opent", "Opens";
        FieldOfficeCloses => "Sluit", "Closes";
        FieldDueWeeks => "Weken vooruit", "Weeks ahead";
        FieldPerHour => "Per uur (21+)", "Per hour (21+)";
        FieldPerHourUnder21 => "Per uur (onder 21)", "Per hour (under 21)";
        FieldPerMonth => "Per maand", "Per month";
        FieldPerYear => "Per jaar", "Per year";
        FieldOfficeName => "Naam kantoor", "Office name";
        CliTrainingSettings => "Opleiding: budget per halfjaar, weken vooruit voor verlopende vaardigheden", "Training: budget per half year, weeks ahead for expiring skills";
        CliMeetingSent => "Convocatie verstuurd op", "Convocation sent on";
        CliMeetingSendBy => "Convocatie uiterlijk versturen op", "Send the convocation by";
        CliMeetingByEmail => "per e-mail, lijst", "by e-mail, list";
        CliMeetingByLetter => "per brief", "by letter";
        CliMeetingUnreachable => "Niet bereikbaar (adres ontbreekt)", "Cannot be reached (address missing)";
        CliMeetingLate => "te laat: besluiten van deze vergadering zijn vernietigbaar", "late: decisions of this meeting can be annulled";
        CliMeetingLateHint => "Toch vastleggen? Voeg --late toe.", "Record it anyway? Add --late.";
        CliMeetingInspection => "Statutenwijziging ter inzage uiterlijk vanaf", "Statute change open for inspection from";
        CliSavedTo => "Opgeslagen in", "Saved to";
        // what went wrong, in words (tui i18n/errors.rs)
        UnfitTooManyLines => "te veel regels", "too many lines";
        UnfitEmpty => "geen adresregels", "no address lines";
        KindMember => "lid", "member";
        KindUser => "gebruiker", "user";
        KindInstitution => "inrichting", "institution";
        KindRecipient => "ontvanger", "recipient";
        KindStay => "verblijf", "stay";
        KindCardRun => "kaartronde", "card run";
        KindAgreement => "overeenkomst", "agreement";
        KindReview => "functioneringsgesprek", "review";
        KindMeeting => "ledenvergadering", "meeting";
        KindSkill => "vaardigheid", "skill";
        KindTask => "taakomschrijving", "task";
        KindCourse => "training", "course";
        KindSkillHeld => "behaalde vaardigheid", "skill held";
        KindPlanItem => "punt van een opleidingsplan", "plan item";
        KindAuditEntry => "logregel", "audit entry";
        TableMeta => "beheergegevens", "meta";
        TableUsers => "gebruikers", "users";
        TableAudit => "logboek", "audit";
        TableMembers => "leden", "members";
        TableSettings => "instellingen", "settings";
        TableInstitutions => "inrichtingen", "institutions";
        TableRecipients => "ontvangers", "recipients";
        TableStays => "verblijven", "stays";
        TableRuns => "kaartrondes", "runs";
        TableAgreements => "overeenkomsten", "agreements";
        TableReviews => "functioneringsgesprekken", "reviews";
        TableAllowanceLimits => "vergoedingsgrenzen", "allowance_limits";
        TableSkills => "vaardigheden", "skills";
        TableTasks => "taakomschrijvingen", "tasks";
        TableCourses => "trainingen", "courses";
        TableSkillsHeld => "behaalde vaardigheden", "skills_held";
        TablePlanItems => "opleidingsplannen", "plan_items";
        TableMeetings => "ledenvergaderingen", "meetings";
        TableConsentHistory => "toestemmingen", "consent_history";
        TableErasures => "gewiste personen", "erasures";
        TableBirthdays => "verjaardagen", "birthdays";
        IoNotFound => "bestaat niet; controleer de naam en de map", "does not exist; check the name and the folder";
        IoDenied => "geen toegang; kies een map waar u mag schrijven", "permission denied; choose a folder you may write to";
        IoExists => "bestaat al; kies een andere naam", "already exists; choose another name";
        IoNotAFolder => "een deel van het pad is geen map", "part of the path is not a folder";
        IoIsAFolder => "is een map, geen bestand", "is a folder, not a file";
        IoDiskFull => "de schijf is vol", "the disk is full";
        IoReadOnly => "de schijf is alleen-lezen", "the disk is read-only";
        IoKindDenied => "geen toegang", "permission denied";
        IoKindReadOnly => "de schijf is alleen-lezen", "the disk is read-only";
        IoKindFull => "de schijf is vol", "the disk is full";
        IoKindTooLarge => "het bestand is te groot", "the file is too large";
        IoKindQuota => "uw schijfquotum is op", "your disk quota is used up";
        IoKindNotFound => "bestaat niet", "does not exist";
    }
    args {
        TableNamed { word, tree } => "{word} ({tree})", "{tree}";
        UnfitTooWide { line } => "regel te breed: \"{line}\"", "line too wide: \"{line}\"";
        UnfitMissingGlyph { ch, code } => "teken \"{ch}\" ({code}) kan niet gedrukt worden", "character \"{ch}\" ({code}) cannot be printed";
        ErrCorrupt { table, key } => "Gegevens in de opslag zijn beschadigd (tabel {table}, record {key}); er is niets gewijzigd. Herstel een back-up (kapstok restore) of vraag hulp.", "Data in the store is damaged (table {table}, record {key}); nothing was changed. Restore a backup (kapstok restore) or ask for help.";
    }
}
