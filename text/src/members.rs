//! The member register: list, statuses, details, forms, confirmations, status line, help.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Members;
    plain {
        // member list
        ColNumber => "Nr", "No";
        ColName => "Naam", "Name";
        ColKnownAs => "Roepnaam", "Known as";
        ColStatus => "Status", "Status";
        ColCity => "Plaats", "City";
        ColDays => "Dagen", "Days";
        ColLastContact => "Laatste contact", "Last contact";
        Filter => "Zoeken", "Search";
        FilterHint => "/ om te zoeken", "/ to search";
        MembersCount => "leden", "members";
        NoMembers => "Geen leden gevonden.", "No members found.";
        NoOutOfSight => "Niemand is uit beeld.", "Nobody is out of sight.";
        OutOfSightIntro => "Actieve leden zonder contact langer dan (weken):", "Active members without contact for longer than (weeks):";
        Never => "nooit", "never";
        // statuses
        StatusActive => "actief", "active";
        StatusSuspended => "geschorst", "suspended";
        StatusEnded => "beëindigd", "ended";
        StatusDeceased => "overleden", "deceased";
        // address kinds
        AddrStreet => "straatadres", "street address";
        AddrCareOf => "post via het kantoor", "care of the office";
        AddrPostbus => "Postbus", "PO box";
        AddrForeign => "buitenland", "abroad";
        AddrUnknown => "onbekend", "unknown";
        // detail
        DetailTitle => "Lid", "Member";
        Address => "Adres", "Address";
        Joined => "Lid sinds", "Member since";
        Born => "Geboren", "Born";
        Phone => "Telefoon", "Phone";
        Email => "E-mail", "E-mail";
        Consents => "Toestemming", "Consents";
        ConsentNone => "geen", "none";
        StatusHistory => "Statusgeschiedenis", "Status history";
        Notes => "Notities", "Notes";
        Since => "sinds", "since";
        // form fields
        FieldGiven => "Voornaam/voorletters", "First name/initials";
        FieldPrefix => "Tussenvoegsel", "Surname prefix";
        FieldSurname => "Achternaam", "Surname";
        FieldKnownAs => "Roepnaam/straatnaam", "Known as";
        FieldBirthDate => "Geboortedatum", "Date of birth";
        FieldPhone => "Telefoon", "Phone";
        FieldEmail => "E-mail", "E-mail";
        FieldAddressKind => "Soort adres", "Address kind";
        FieldStreet => "Straat", "Street";
        FieldHouseNumber => "Huisnummer", "House number";
        FieldPostbusNumber => "Postbusnummer", "PO box number";
        FieldAddition => "Toevoeging", "Addition";
        FieldPostcode => "Postcode", "Postcode";
        FieldCity => "Plaats", "City";
        FieldCountry => "Land (Engels)", "Country (English)";
        FieldJoined => "Lid sinds", "Member since";
        FieldConsentEmail => "Oproeping per e-mail (datum)", "Convocation by e-mail (date)";
        FieldConsentBirthday => "Verjaardagskaart (datum)", "Birthday card (date)";
        FieldConsentMagazine => "Ledenblad (datum)", "Magazine (date)";
        FieldLastContact => "Laatste contact", "Last contact";
        FieldNotes => "Notities", "Notes";
        FieldStatus => "Nieuwe status", "New status";
        FieldStatusSince => "Met ingang van", "Effective from";
        FieldStatusReason => "Reden", "Reason";
        FieldNumber => "Lidnummer", "Member number";
        FieldOutOfSightWeeks => "Weken uit beeld", "Weeks out of sight";
        FieldHeader => "Kopregel", "Header";
        FieldRow => "Regel", "Row";
        FormNewMember => "Nieuw lid", "New member";
        FormEditMember => "Lid wijzigen", "Edit member";
        FormStatus => "Status wijzigen", "Change status";
        FormHint => "Tab/↓ volgend · ⇧Tab/↑ vorig · ←/→ keuze · Ctrl+S opslaan · Esc terug", "Tab/↓ next · ⇧Tab/↑ previous · ←/→ choice · Ctrl+S save · Esc cancel";
        FormHasErrors => "Niet opgeslagen: verbeter de rood gemarkeerde velden.", "Not saved: correct the fields marked in red.";
        // confirm
        ConfirmTitle => "Bevestigen", "Confirm";
        ConfirmHint => "J/y: ja · n/Esc: nee", "y: yes · n/Esc: no";
        TypedHint => "typ de tekst · Enter: controleren · Esc: afbreken", "type the text · Enter: check · Esc: cancel";
        WordChange => "wijzigen", "change";
        WordCancel => "annuleren", "cancel";
        WordRemove => "verwijderen", "remove";
        WordEnd => "beëindigen", "end";
        WordPost => "posten", "post";
        WordLeaveOut => "weglaten", "remove";
        ConfirmDuplicate => "Er is al een lid met dezelfde naam en geboortedatum: nr", "There already is a member with the same name and date of birth: no.";
        ConfirmSaveAnyway => "Toch opslaan?", "Save anyway?";
        ConfirmStatus => "Status wijzigen van", "Change the status of";
        ConfirmStatusTo => "naar", "to";
        ConfirmStatusFrom => "met ingang van", "effective from";
        ConfirmContact => "Contact van vandaag vastleggen voor", "Record a contact today with";
        // status line
        Saved => "Opgeslagen", "Saved";
        MemberCreated => "Lid aangemaakt met nummer", "Member created with number";
        StatusChanged => "Status gewijzigd", "Status changed";
        ContactRecorded => "Contact vastgelegd", "Contact recorded";
        Cancelled => "Geannuleerd", "Cancelled";
        StoreMigrated => "De opslag is bijgewerkt naar de nieuwe versie; back-up:", "The store was upgraded to the new format; backup:";
        ReadOnlyRole => "Uw rol mag de ledenlijst alleen inzien.", "Your role may only view the member register.";
        NothingSelected => "Geen lid geselecteerd.", "No member selected.";
        // help
        HelpTitle => "Toetsen", "Keys";
        HelpClose => "Esc of ? sluit", "Esc or ? closes";
        KeyQuit => "stoppen", "quit";
        KeyHelp => "deze hulp", "this help";
        StatusKeys => "? hulp · q stoppen", "? help · q quit";
        KeyNextTab => "volgend tabblad", "next tab";
        KeyPrevTab => "vorig tabblad", "previous tab";
        KeyTabN => "tabblad kiezen", "choose tab";
        KeyMove => "regel omhoog/omlaag", "line up/down";
        KeyPage => "pagina omhoog/omlaag", "page up/down";
        KeyHomeEnd => "begin/eind", "first/last";
        KeyFilter => "zoeken (typ; Enter klaar, Esc wist)", "search (type; Enter done, Esc clears)";
        KeyNew => "nieuw lid", "new member";
        KeyEdit => "lid wijzigen", "edit member";
        KeyStatus => "status wijzigen", "change status";
        KeyContact => "contact vandaag vastleggen", "record a contact today";
        KeyOpen => "lid openen (uit beeld: naar de ledenlijst)", "open member (out of sight: to the register)";
        KeyBack => "terug / sluiten", "back / close";
    }
    args {
        TypedPrompt { text } => "Typ {text} en druk op Enter om door te gaan.", "Type {text} and press Enter to go on.";
        TypedWrong { typed, text } => "U typte '{typed}', niet {text}: er is niets veranderd.", "You typed '{typed}', not {text}: nothing was changed.";
    }
}
