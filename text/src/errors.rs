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
    }
    args {
        ErrCorrupt { table, key } => "Gegevens in de opslag zijn beschadigd (tabel {table}, record {key}); er is niets gewijzigd. Herstel een back-up (kapstok restore) of vraag hulp.", "Data in the store is damaged (table {table}, record {key}); nothing was changed. Restore a backup (kapstok restore) or ask for help.";
    }
}
