//! Privacy: a person's data, retention.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Privacy;
    plain {
        // privacy: a person's data, retention (cli and tui)
        PrivEraseWord => "wissen", "erase";
        PrivCancelled => "Afgebroken: niets gewist.", "Cancelled: nothing erased.";
        PrivErasedLabel => "gewist", "erased";
        PrivLeftOn => "vertrokken", "left";
        PrivDueSince => "termijn verstreken", "period ended";
        FieldRetentionMonths => "Bewaartermijn (maanden)", "Retention period (months)";
        AuditTitle => "Logboek", "Audit log";
        AuditFilterTitle => "Logboek filteren", "Filter the audit log";
        AuditEmpty => "Geen logregels.", "No log entries.";
        AuditFiltered => " · gefilterd, Esc wist het filter", " · filtered, Esc clears the filter";
        FieldRecord => "Record (bv. member/12)", "Record (e.g. member/12)";
        FieldTo => "Tot en met", "Up to";
        RetentionTitle => "Bewaartermijn verstreken", "Retention period passed";
        RetentionEmpty => "Niemand voorbij de bewaartermijn.", "Nobody past the retention period.";
        PrivEraseTypeNumber => "Ter bevestiging: het lidnummer.", "To confirm: the member number.";
        PrivEraseTypeCount => "Ter bevestiging: het aantal mensen op de lijst.", "To confirm: the number of people on the list.";
        KeyExportPerson => "alle gegevens van het lid exporteren (JSON en PDF)", "export all data of the member (JSON and PDF)";
        KeyErasePerson => "oud-lid wissen (nummer en 'wissen' typen)", "erase an ex-member (type number, 'erase')";
        KeyEraseDue => "lijst anonimiseren (aantal en 'wissen' typen)", "anonymise the list (type count, 'erase')";
        KeyPrivacyView => "logboek en bewaartermijn (beheerder)", "audit log and retention list (administrator)";
        KeyAuditFilter => "logboek filteren: gebruiker, record, datum", "filter the log: user, record, date";
    }
    args {
        PrivErasePrompt1 { number } => "Alle persoonsgegevens van lid {number} wissen? Typ het lidnummer ter bevestiging", "Erase all personal data of member {number}? Type the member number to confirm";
        PrivErasePrompt2 { dir } => "Laatste controle: dit kan niet ongedaan worden. Back-ups in {dir} bevatten deze persoon nog tot ze worden opgeruimd. Typ 'wissen' om door te gaan", "Last check: this cannot be undone. Backups in {dir} still hold this person until they are cleaned up. Type 'erase' to go on";
        PrivErased { number, records, cards, audit } => "Lid {number} gewist: {records} records, {cards} kaarten en {audit} logregels aangepast; anonieme tellingen blijven.", "Member {number} erased: {records} records, {cards} cards and {audit} log entries changed; anonymous counts remain.";
        PrivRewritten { keys } => "Opslag herschreven: oude versies verwijderd ({keys} sleutels).", "Store rewritten: old versions removed ({keys} keys).";
        PrivBackupsWarning { dir } => "Let op: back-ups in {dir} bevatten deze persoon nog.", "Note: backups in {dir} still hold this person.";
        PrivExported { number, path } => "Gegevens van lid {number} geëxporteerd naar {path}", "Data of member {number} exported to {path}";
        PrivRetentionNone { months } => "Niemand voorbij de bewaartermijn ({months} maanden).", "Nobody past the retention period ({months} months).";
        PrivRetentionHeader { months } => "Oud-leden voorbij de bewaartermijn ({months} maanden):", "Ex-members past the retention period ({months} months):";
        PrivRetentionPrompt { count } => "Deze {count} anonimiseren? Typ het aantal ter bevestiging", "Anonymise these {count}? Type the number to confirm";
        PrivRetentionSet { months } => "Bewaartermijn: {months} maanden na vertrek", "Retention period: {months} months after leaving";
        PrivErasedAgain { number } => "Lid {number} was al gewist; de opslag wordt opnieuw herschreven, zodat er geen oude versies op schijf blijven.", "Member {number} was already erased; the store is rewritten again, so that no old versions stay on disk.";
        PrivErasedAgainTui { number } => "Lid {number} was al gewist. Voor de zekerheid wordt de opslag opnieuw herschreven als kapstok sluit, zodat er geen oude versies op schijf blijven.", "Member {number} was already erased. To be sure, the store is rewritten again when kapstok closes, so that no old versions stay on disk.";
        AuditCount { count, filter } => "{count} (nieuwste eerst){filter} · / filteren · v bewaartermijn", "{count} (newest first){filter} · / filter · v retention";
        AuditCountNewest { shown, count, filter } => "nieuwste {shown} van {count} logregels{filter} · / filteren (gebruiker, record, datum) · v bewaartermijn", "newest {shown} of {count} log entries{filter} · / filter (user, record, date) · v retention";
        RetentionIntro { months } => "Oud-leden langer dan {months} maanden weg · x exporteren · D wissen · A iedereen anonimiseren", "Ex-members gone longer than {months} months · x export · D erase · A anonymise all";
        PrivEraseAsk1 { who } => "Alle persoonsgegevens van {who} wissen? Namen, adressen, contact en notities verdwijnen overal, ook uit eerdere BaseMail-rondes en het logboek; anonieme tellingen blijven.", "Erase all personal data of {who}? Names, addresses, contact and notes go everywhere, also from past BaseMail runs and the audit log; anonymous counts remain.";
        PrivEraseAsk2 { dir } => "Laatste controle: dit kan niet ongedaan worden. Back-ups die eerder zijn gemaakt (in {dir}) bevatten deze gegevens nog tot ze worden opgeruimd.", "Last check: this cannot be undone. Backups written before (in {dir}) still hold this data until they are cleaned up.";
        PrivErasedTui { count, dir } => "{count} gewist. De oude versies verdwijnen van schijf als kapstok sluit; back-ups in {dir} bevatten ze nog.", "{count} erased. The old versions leave the disk when kapstok closes; backups in {dir} still hold them.";
        PrivExportedTui { number, json, pdf } => "Gegevens van lid {number} opgeslagen: {json} en {pdf}", "Data of member {number} saved: {json} and {pdf}";
    }
}
