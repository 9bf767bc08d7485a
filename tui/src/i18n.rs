//! Every user-facing string, in Dutch (the default) and English.
//!
//! Messages are an enum, and the `messages!` table gives each one both languages: a message
//! without a translation does not compile.

use kapstok_core::basemail::{CardReason, InstitutionKind, LeftOutReason, RunSheetTexts};
use kapstok_core::common::{format_date, Cents};
use kapstok_core::error::{mm, Error, FieldError, Permission, Reason, RowError};
use kapstok_core::volunteers::{
    AgreementState, Allowance, AllowanceWarning, Outcome, PeriodKind, ReviewStatus,
};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch (default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// From a `--lang` value: `nl` or `en`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Some(Lang::Nl),
            "en" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! messages {
    ($($name:ident => $nl:expr, $en:expr;)*) => {
        /// A user-facing message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $(#[allow(missing_docs)] $name),* }
        impl Msg {
            /// The message in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Nl) => $nl, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppTitle => "kapstok · ledenadministratie", "kapstok · member register";
    TooSmall => "Venster te klein: minimaal 80 x 24 tekens.", "Window too small: at least 80 x 24 characters.";
    // setup and login
    SetupTitle => "Welkom bij kapstok", "Welcome to kapstok";
    SetupIntro => "Deze opslag is nog leeg. Wat wilt u doen?", "This store is still empty. What would you like to do?";
    SetupDemo => "Demogegevens laden (om uit te proberen)", "Load demo data (to try it out)";
    SetupNew => "Nieuwe vereniging (eerste beheerder aanmaken)", "New association (create the first administrator)";
    SetupQuit => "Stoppen", "Quit";
    NewAdminTitle => "Eerste beheerder", "First administrator";
    DemoLoaded => "Demo geladen; wachtwoord van beheer, coordinator en vrijwilliger:", "Demo loaded; password of beheer, coordinator and vrijwilliger:";
    LoginTitle => "Inloggen", "Log in";
    FieldUser => "Gebruiker", "User";
    FieldPassword => "Wachtwoord", "Password";
    FieldPasswordAgain => "Wachtwoord (nogmaals)", "Password (again)";
    PasswordsDiffer => "de wachtwoorden verschillen", "the passwords differ";
    LoginHint => "Enter: inloggen · Tab: volgend veld · Esc: stoppen", "Enter: log in · Tab: next field · Esc: quit";
    NewAdminHint => "Enter: volgend veld / aanmaken · Esc: terug", "Enter: next field / create · Esc: back";
    LoggedInAs => "Ingelogd als", "Logged in as";
    // tabs
    TabMembers => "Leden", "Members";
    TabOutOfSight => "Uit beeld", "Out of sight";
    NoAreas => "Voor uw rol zijn hier geen onderdelen.", "There are no areas for your role here.";
    // roles
    RoleAdministrator => "beheerder", "administrator";
    RoleCoordinator => "coördinator", "coordinator";
    RoleVolunteer => "vrijwilliger", "volunteer";
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
    TypedPrompt => "Typ {text} en druk op Enter om door te gaan.", "Type {text} and press Enter to go on.";
    TypedWrong => "U typte '{typed}', niet {text}: er is niets veranderd.", "You typed '{typed}', not {text}: nothing was changed.";
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
    Busy => "Bezig:", "Working:";
    BusyReload => "de lijsten opnieuw lezen", "reading the lists again";
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
    // errors
    ErrDenied => "Dit mag uw rol niet", "Your role may not do this";
    ErrBadLogin => "Onbekende gebruiker of verkeerd wachtwoord.", "Unknown user or wrong password.";
    ErrNotEmpty => "De opslag is niet leeg.", "The store is not empty.";
    ErrNotFound => "Bestaat niet", "Does not exist";
    ErrAlreadyOpen => "Deze database is al geopend in een ander kapstok-venster", "This database is already open in another kapstok window";
    ErrNewerFormat => "Deze database is gemaakt door een nieuwere kapstok (formaatversie). Gebruik een nieuwere kapstok.", "This database was made by a newer kapstok (format version). Use a newer kapstok.";
    ErrCorrupt => "Gegevens in de opslag zijn beschadigd (tabel {table}, record {key}); er is niets gewijzigd. Herstel een back-up (kapstok restore) of vraag hulp.", "Data in the store is damaged (table {table}, record {key}); nothing was changed. Restore a backup (kapstok restore) or ask for help.";
    ErrStorage => "De opslag gaf een fout en de handeling is niet uitgevoerd. Probeer het opnieuw; gebeurt het weer, start kapstok opnieuw of vraag hulp.", "The store reported an error and the action was not carried out. Try again; if it happens again, restart kapstok or ask for help.";
    ErrInvalid => "Ongeldige invoer", "Invalid input";
    CliTechnicalDetail => "Technische details (voor wie helpt): ", "Technical details (for whoever helps): ";
    ErrImport => "Import geweigerd, er is niets opgeslagen", "Import refused, nothing was saved";
    ErrLine => "regel", "line";
    ErrUnfit => "Deze etiketten passen niet, er is niets gedrukt", "These labels do not fit, nothing was printed";
    CliLabels => "etiketten", "labels";
    CliSheetsUsed => "vel(len)", "sheet(s)";
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
    CliMeetingLabels => "etiketten", "labels";
    CliMeetingUnreachable => "Niet bereikbaar (adres ontbreekt)", "Cannot be reached (address missing)";
    CliMeetingLate => "te laat: besluiten van deze vergadering zijn vernietigbaar", "late: decisions of this meeting can be annulled";
    CliMeetingLateHint => "Toch vastleggen? Voeg --late toe.", "Record it anyway? Add --late.";
    CliMeetingInspection => "Statutenwijziging ter inzage uiterlijk vanaf", "Statute change open for inspection from";
    CliSavedTo => "Opgeslagen in", "Saved to";
    // Today (the start screen) and the year's figures
    TabToday => "Vandaag", "Today";
    TodayTitle => "Vandaag, {date} · week {week}", "Today, {date} · week {week}";
    TodayKeys => "↑↓ kiezen · Enter openen", "↑↓ choose · Enter open";
    TodayKeysFigures => "↑↓ kiezen · Enter openen · v jaarcijfers", "↑↓ choose · Enter open · v year's figures";
    TodayMeetings => "Ledenvergadering", "General meeting";
    TodayNextMeeting => "Volgende ALV {date} ({kind}): convocatie uiterlijk {deadline} versturen", "Next general meeting {date} ({kind}): send the convocation by {deadline}";
    TodayMeetingSent => "Volgende ALV {date} ({kind}): convocatie verstuurd op {sent}", "Next general meeting {date} ({kind}): convocation sent on {sent}";
    TodayInspection => "Statutenwijziging ter inzage uiterlijk vanaf {date}", "Statute change open for inspection from {date} at the latest";
    TodayNoMeeting => "Geen ALV gepland", "No general meeting planned";
    TodayDutyAnnualReport => "Jaarverslag en jaarrekening naar de ALV", "Annual report and accounts to the general meeting";
    TodayDutyAuditCommittee => "Kascommissie benoemen", "Appoint the audit committee";
    TodayDutyAutumn => "Najaarsvergadering plannen", "Plan the autumn meeting";
    TodayStandingPlanned => "gepland", "planned";
    TodayStandingOpen => "nog niet gepland, uiterlijk {date}", "not planned yet, by {date}";
    TodayStandingOverdue => "te laat: uiterlijk {date}", "overdue: by {date}";
    TodayMembers => "Leden", "Members";
    TodayOutOfSight => "Leden uit beeld: {n}", "Members out of sight: {n}";
    TodayBirthdays => "Jarig deze week: {n}", "Birthdays this week: {n}";
    TodaySettingReset => "{setting} zijn bij de update naar deze versie teruggezet op de standaard (ze deelden een opslagplaats met een andere instelling): voer ze opnieuw in.", "{setting} were set back to their defaults by the update to this version (they shared a storage place with another setting): enter them again.";
    TodayResetMeetingRules => "De vergaderregels van de statuten (kapstok meeting rules)", "The meeting rules of the statutes (kapstok meeting rules)";
    TodayResetRetention => "De bewaartermijn (kapstok retention --months)", "The retention period (kapstok retention --months)";
    TodayResetOther => "Instellingen", "Settings";
    TodayRetention => "Oud-leden voorbij de bewaartermijn, te anonimiseren: {n}", "Ex-members past the retention period, to anonymise: {n}";
    TodayReturned => "Teruggekomen kaarten: {n} verblijven te controleren", "Returned cards: {n} stays to check";
    TodayExperts => "Ervaringsdeskundigen", "Experts by experience";
    TodayReviewsToPlan => "Functioneringsgesprekken in te plannen: {n}", "Reviews to schedule: {n}";
    TodayReviewsThisWeek => "Gesprekken deze week: {n}", "Reviews this week: {n}";
    TodayEnding => "Overeenkomsten die binnenkort aflopen: {n}", "Agreements ending soon: {n}";
    TodayUnsigned => "Nog niet ondertekende overeenkomsten: {n}", "Agreements not signed yet: {n}";
    TodayTraining => "Opleiding", "Training";
    TodayPlanItems => "Punten in opleidingsplannen nog te regelen: {n}", "Training plan items to arrange: {n}";
    TodayExpiring => "Vaardigheden die binnenkort verlopen: {n}", "Skills expiring soon: {n}";
    TodayBudget => "Budget dit halfjaar: {planned} gepland, {spent} besteed van {budget}", "Budget this half year: {planned} planned, {spent} spent of {budget}";
    TodayBudgetNone => "Budget dit halfjaar: niet ingesteld ({planned} gepland)", "Budget this half year: not set ({planned} planned)";
    TodayRun => "Kaarten week {week}: {cards} kaarten, {written} geschreven, {posted} gepost", "Cards week {week}: {cards} cards, {written} written, {posted} posted";
    TodayRunLeft => "Nog te schrijven (etiket en kaart): {n}", "Still to write (label and card): {n}";
    TodayRunNotComposed => "Kaarten week {week}: nog niet samengesteld", "Cards week {week}: not composed yet";
    FiguresTitle => "Jaarcijfers {year}", "Year's figures {year}";
    FiguresKeys => "[ ] jaar · p PDF en CSV opslaan · v terug", "[ ] year · p save PDF and CSV · v back";
    FiguresPerMonth => "Kaarten per maand", "Cards per month";
    FiguresPerWeek => "Kaarten per week", "Cards per week";
    FiguresSaved => "Opgeslagen: {pdf} en {csv}", "Saved: {pdf} and {csv}";
    KeyTodayOpen => "open waar dit gedaan wordt", "open where this is done";
    KeyFiguresSave => "jaarcijfers opslaan als PDF en CSV", "save the year's figures as PDF and CSV";
    CliDefaultPrinter => "(standaardprinter)", "(default printer)";
    // BaseMail: the tab and its views
    TabBaseMail => "BaseMail", "BaseMail";
    AppShort => "kapstok", "kapstok";
    ViewCards => "Kaartjes", "Cards";
    ViewLeftOut => "Weggelaten", "Left out";
    ViewInstitutions => "Inrichtingen", "Institutions";
    ViewRecipients => "Ontvangers", "Recipients";
    ViewHint => "v: andere weergave", "v: other view";
    Week => "Week", "Week";
    WeekKeys => "[ ]: week", "[ ]: week";
    RunNotComposed => "nog niet samengesteld", "not composed yet";
    RunComposedOn => "samengesteld", "composed";
    RunClosedOn => "gepost en afgesloten op", "posted and closed on";
    RunWritten => "geschreven", "written";
    EmptyRun => "Deze week is nog niet samengesteld: druk op r.", "This week has not been composed yet: press r.";
    NoCards => "Geen kaartjes deze week.", "No cards this week.";
    NoCardsInWeek => "Geen kaartjes in week {week}, er is niets gedrukt. {left} weggelaten: {reasons}.", "No cards in week {week}, nothing was printed. {left} left out: {reasons}.";
    NoCardsNobodyLeftOut => "Geen kaartjes in week {week}, er is niets gedrukt. Niemand weggelaten: niemand zit in een inrichting, is jarig met toestemming of is ziek gemeld.", "No cards in week {week}, nothing was printed. Nobody left out: nobody is at an institution, has a birthday with consent or is marked ill.";
    NoLeftOut => "Niemand weggelaten.", "Nobody left out.";
    NoInstitutions => "Nog geen inrichtingen: druk op n.", "No institutions yet: press n.";
    NoRecipients => "Nog geen ontvangers: druk op n.", "No recipients yet: press n.";
    NothingSelectedHere => "Niets geselecteerd.", "Nothing selected.";
    NoCardSelected => "Geen kaartje geselecteerd (weergave Kaartjes).", "No card selected (the Cards view).";
    // BaseMail: columns and details
    ColReasons => "Reden", "Reason";
    ColInstitution => "Inrichting", "Institution";
    ColWriter => "Schrijver", "Writer";
    ColPosted => "Gepost", "Posted";
    ColReturned => "Retour", "Back";
    ColKind => "Soort", "Kind";
    ColOnEnvelope => "Op envelop", "On envelope";
    ColMember => "Lid", "Member";
    ColStay => "Verblijf", "Stay";
    ColIll => "Ziek", "Ill";
    HouseRules => "Huisregels", "House rules";
    SenderRequired => "Afzender op de envelop verplicht", "Sender address required on the envelope";
    AddressOnCard => "Adres (zoals samengesteld)", "Address (as composed)";
    AddedByHand => "Met de hand toegevoegd", "Added by hand";
    NoWriter => "nog niemand", "nobody yet";
    Written => "geschreven", "written";
    NotWritten => "niet geschreven", "not written";
    PostedOn => "gepost op", "posted on";
    ReturnedOn => "teruggekomen op", "came back on";
    AtHome => "thuis / postadres", "home / care of";
    OnEnvelope => "Op de envelop", "On the envelope";
    NothingExtra => "niets extra", "nothing extra";
    SenderShort => "afzender", "sender";
    RegShort => "reg.nr", "reg.no";
    UnitShort => "cel", "unit";
    NotAMember => "geen lid", "not a member";
    IllSince => "ziek sinds", "ill since";
    Stays => "Verblijven", "Stays";
    NoStays => "geen verblijven", "no stays";
    StayNow => "nu", "now";
    ExpectedRelease => "verwachte vrijlating", "expected release";
    ConfirmedOn => "nog daar op", "still there on";
    CheckNeeded => "kaartje kwam terug: controleren (o)", "a card came back: check (o)";
    DetailCard => "Kaartje", "Card";
    DetailInstitution => "Inrichting", "Institution";
    DetailRecipient => "Ontvanger", "Recipient";
    // BaseMail: reasons, left-out reasons, institution kinds
    ReasonDetained => "gedetineerd", "detained";
    ReasonClinic => "kliniek", "clinic";
    ReasonHospital => "ziekenhuis", "hospital";
    ReasonBirthday => "verjaardag", "birthday";
    ReasonIll => "ziek", "ill";
    ReasonManual => "met de hand", "by hand";
    LeftDeceased => "overleden", "deceased";
    LeftEnded => "lidmaatschap beëindigd", "membership ended";
    LeftNoConsent => "jarig, maar geen toestemming voor een verjaardagskaart", "birthday, but no consent to birthday cards";
    LeftStayEnded => "verblijf onlangs beëindigd, geen nieuw verblijf bekend", "stay ended recently, no new stay known";
    LeftReleasePassed => "verwachte vrijlating verstreken: controleer waar hij of zij is", "expected release passed: check where they are";
    LeftNoAddress => "geen adres; ontbreekt", "no address; missing";
    LeftReturned => "kaartje kwam terug: controleer eerst het verblijf", "a card came back: check the stay first";
    LeftRemoved => "met de hand weggelaten", "removed by hand";
    KindPrison => "gevangenis (PI)", "prison";
    KindDetentionCentre => "detentiecentrum", "detention centre";
    KindLongStayClinic => "kliniek voor duurzaam verblijf", "long-stay clinic";
    KindDetoxClinic => "ontwenningskliniek", "detox clinic";
    KindHospital => "ziekenhuis", "hospital";
    KindPrisonAbroad => "gevangenis in het buitenland", "prison abroad";
    Yes => "ja", "yes";
    No => "nee", "no";
    RecipientIsMember => "een lid", "a member";
    RecipientNotMember => "geen lid", "not a member";
    // BaseMail: forms and pickers
    FormWriter => "Schrijver toewijzen", "Assign a writer";
    FormAddByHand => "Kaartje met de hand toevoegen", "Add a card by hand";
    FormRemoveByHand => "Kaartje met de hand weglaten", "Remove a card by hand";
    FormNewInstitution => "Nieuwe inrichting", "New institution";
    FormEditInstitution => "Inrichting wijzigen", "Edit institution";
    FormNewRecipient => "Nieuwe ontvanger", "New recipient";
    FormEditRecipient => "Ontvanger wijzigen", "Edit recipient";
    FormStartStay => "Verblijf beginnen", "Start a stay";
    FormMoveStay => "Overplaatsen naar een andere inrichting", "Move to another institution";
    FormEndStay => "Verblijf beëindigen", "End the stay";
    FormConfirmStay => "Bevestigen: nog daar", "Confirm: still there";
    FormIll => "Ziek melden", "Mark ill";
    ShortFormHint => "Enter: opslaan · Esc: terug", "Enter: save · Esc: back";
    PickRecipient => "Ontvanger kiezen", "Choose a recipient";
    PickHint => "typ om te zoeken · ↑/↓ · Enter: kiezen · Esc: terug", "type to search · ↑/↓ · Enter: choose · Esc: back";
    PickNone => "Geen ontvanger gevonden.", "No recipient found.";
    FieldWriter => "Schrijver", "Writer";
    FieldReason => "Reden", "Reason";
    FieldRecipient => "Ontvanger", "Recipient";
    FieldName => "Naam", "Name";
    FieldKind => "Soort", "Kind";
    FieldNeedsRegistration => "Registratienummer vermelden", "Registration number on envelope";
    FieldNeedsUnit => "Afdeling/cel vermelden", "Unit/cell on envelope";
    FieldNeedsSender => "Afzender verplicht", "Sender address required";
    FieldHouseRules => "Huisregels", "House rules";
    FieldRecipientKind => "Ontvanger is", "Recipient is";
    FieldBirthday => "Geboortedatum", "Date of birth";
    FieldInstitution => "Inrichting", "Institution";
    FieldUnit => "Afdeling/cel", "Unit/cell";
    FieldRegistrationNumber => "Registratienummer", "Registration number";
    FieldFrom => "Vanaf", "From";
    FieldExpectedRelease => "Verwachte vrijlating", "Expected release";
    FieldEndedOn => "Einddatum", "Ended on";
    FieldConfirmedOn => "Nog daar op", "Still there on";
    FieldIllSince => "Ziek sinds", "Ill since";
    FieldWeek => "Week", "Week";
    FieldCard => "Kaartje", "Card";
    FieldPosted => "Gepost op", "Posted on";
    FieldReturned => "Teruggekomen op", "Came back on";
    FieldInstitutionAddress => "adres van de inrichting", "address of the institution";
    FieldOfficeAddress => "adres van het kantoor (instellingen)", "address of the office (settings)";
    // BaseMail: questions and status line ({name}, {week}, ... are filled in)
    ConfirmRemoveCard => "Het kaartje voor {name} uit ronde {week} weglaten? Het staat dan niet meer op de etiketten van deze week.", "Remove the card for {name} from run {week}? It is then no longer on this week's labels.";
    ConfirmPost => "Ronde {week} posten op {date}? {cards} kaartjes; daarna is de ronde afgesloten en kan er niets meer aan veranderen.", "Post run {week} on {date}? {cards} cards; the run is closed afterwards and can no longer be changed.";
    ConfirmReturned => "Kaartje voor {name} teruggekomen op {date}? Er gaan geen kaartjes meer heen tot het verblijf is gecontroleerd.", "Card for {name} came back on {date}? No more cards go there until the stay is checked.";
    ConfirmChecked => "Verblijf van {name} in {place} gecontroleerd en juist? Daarna gaan er weer kaartjes.", "Stay of {name} at {place} checked and right? Cards go again afterwards.";
    ConfirmWell => "{name} is niet meer ziek?", "{name} is no longer ill?";
    Composed => "Week {week} samengesteld: {cards} kaartjes, {left} weggelaten.", "Week {week} composed: {cards} cards, {left} left out.";
    WriterSaved => "Schrijver opgeslagen.", "Writer saved.";
    MarkedWritten => "Gemarkeerd als geschreven.", "Marked written.";
    MarkedNotWritten => "Niet meer gemarkeerd als geschreven.", "No longer marked written.";
    CardAdded => "Kaartje met de hand toegevoegd.", "Card added by hand.";
    CardRemoved => "Kaartje met de hand weggelaten.", "Card removed by hand.";
    RunPosted => "Ronde {week} gepost en afgesloten op {date}.", "Run {week} posted and closed on {date}.";
    CardReturned => "Teruggekomen: controleer het verblijf van {name}.", "Came back: check the stay of {name}.";
    NotPostedYet => "Dit kaartje is nog niet gepost.", "This card has not been posted yet.";
    ComposeFirst => "Stel de week eerst samen: druk op r.", "Compose the week first: press r.";
    NoRecipientsYet => "Er zijn nog geen ontvangers; een coördinator of beheerder voegt ze toe.", "There are no recipients yet; a coordinator or administrator adds them.";
    InstitutionSaved => "Inrichting opgeslagen.", "Institution saved.";
    RecipientSaved => "Ontvanger opgeslagen.", "Recipient saved.";
    StayStarted => "Verblijf begonnen.", "Stay started.";
    StayMoved => "Overgeplaatst.", "Moved.";
    StayEnded => "Verblijf beëindigd.", "Stay ended.";
    StayConfirmed => "Bevestigd: nog daar.", "Confirmed: still there.";
    StayChecked => "Verblijf gecontroleerd; er gaan weer kaartjes.", "Stay checked; cards go again.";
    IllSet => "Ziek gemeld.", "Marked ill.";
    IllCleared => "Beter gemeld.", "Marked well again.";
    NoOpenStay => "Geen lopend verblijf.", "No current stay.";
    NoCheckNeeded => "Geen verblijf om te controleren.", "No stay needs checking.";
    // BaseMail: printing labels
    FormLabels => "Etiketten afdrukken (PDF)", "Print labels (PDF)";
    LabelsHint => "Tab volgend · ←/→ keuze · Ctrl+S afdrukken · Esc terug", "Tab next · ←/→ choice · Ctrl+S print · Esc back";
    FieldSheet => "Etikettenvel", "Label sheet";
    FieldStart => "Beginnen bij etiket", "Start at label";
    FieldOrder => "Volgorde", "Order";
    FieldPath => "Opslaan als", "Save as";
    OrderInstitution => "per inrichting", "by institution";
    OrderName => "op naam", "by name";
    FirstSheet => "Eerste vel", "First sheet";
    LegendUsed => "al gebruikt", "already used";
    LegendPrint => "deze etiketten", "these labels";
    LegendFree => "vrij", "free";
    LabelsOnSheets => "{labels} etiketten op {sheets} vel(len)", "{labels} labels on {sheets} sheet(s)";
    LabelsSaved => "{labels} etiketten op {sheets} vel(len) opgeslagen in {path}", "{labels} labels on {sheets} sheet(s) saved in {path}";
    LabelsFile => "etiketten", "labels";
    PrinterLine => "Printer: {printer} · x {x} mm · y {y} mm · c: kalibreren", "Printer: {printer} · x {x} mm · y {y} mm · c: calibrate";
    DefaultPrinter => "standaardprinter", "default printer";
    // BaseMail: the run sheet, the printer and its calibration, sending to the printer
    RunSheetTitle => "BaseMail-ronde", "BaseMail run";
    RunSheetPosted => "gepost", "posted";
    RunSheetFile => "rondelijst", "run-sheet";
    RunSheetSaved => "Rondelijst opgeslagen in {path}", "Run sheet saved in {path}";
    FormPrinter => "Printer en kalibratie", "Printer and calibration";
    PrinterHint => "Tab volgend · Ctrl+S opslaan · Ctrl+T opslaan en testafdruk · Esc terug", "Tab next · Ctrl+S save · Ctrl+T save and test print · Esc back";
    PrinterNote => "Millimeters (±5): x positief = naar rechts, y positief = omlaag.", "Millimetres (±5): positive x = to the right, positive y = down.";
    FieldPrinter => "Printer (leeg: standaard)", "Printer (empty: default)";
    FieldOffsetX => "Verschuiving x (mm)", "Shift x (mm)";
    FieldOffsetY => "Verschuiving y (mm)", "Shift y (mm)";
    FieldTestSheet => "Vel voor de testafdruk", "Sheet for the test print";
    PrinterSaved => "Printer opgeslagen: {printer} · x {x} mm · y {y} mm", "Printer saved: {printer} · x {x} mm · y {y} mm";
    TestPrintFile => "testafdruk", "test-print";
    TestPrintSaved => "Testafdruk opgeslagen in {path}: op gewoon papier afdrukken en tegen een etikettenvel houden", "Test print saved in {path}: print on plain paper and hold it against a label sheet";
    ConfirmSend => "{path} opgeslagen. Naar de printer ({printer}) sturen met lp?", "{path} saved. Send it to the printer ({printer}) with lp?";
    SentToPrinter => "Naar de printer gestuurd: {job}", "Sent to the printer: {job}";
    NotSent => "Niet naar de printer gestuurd; de PDF staat in {path}", "Not sent to the printer; the PDF is in {path}";
    // BaseMail: statistics
    ViewStats => "Statistiek", "Statistics";
    StatsSummary => "{year}: {total} kaartjes gepost · {returned} teruggekomen", "{year}: {total} cards posted · {returned} came back";
    StatsPerWeek => "Geposte kaartjes per week (laatste 12 weken)", "Cards posted per week (last 12 weeks)";
    StatsByReason => "Per reden in {year}", "By reason in {year}";
    StatsNone => "Nog geen geposte kaartjes in {year}.", "No cards posted in {year} yet.";
    StatsYearKeys => "[ ]: jaar", "[ ]: year";
    // BaseMail: keys
    KeyDetail => "details in een venster", "details in a window";
    KeyWeek => "vorige/volgende week", "previous/next week";
    KeyView => "andere weergave", "other view";
    KeyFigures => "de jaarcijfers", "the year's figures";
    KeyCompose => "week (opnieuw) samenstellen", "compose (again)";
    KeyWriter => "schrijver toewijzen", "assign a writer";
    KeyWritten => "geschreven aan/uit", "toggle written";
    KeyAddByHand => "kaartje met de hand toevoegen", "add a card by hand";
    KeyRemoveByHand => "kaartje met de hand weglaten", "remove a card by hand";
    KeyPost => "ronde posten (sluit de week af)", "post the run (closes the week)";
    KeyReturned => "gepost kaartje kwam terug", "a posted card came back";
    KeyLabels => "etiketten afdrukken (PDF)", "print labels (PDF)";
    KeyRunSheet => "rondelijst afdrukken (PDF)", "print the run sheet (PDF)";
    KeyCalibrate => "printer en kalibratie, testafdruk", "printer and calibration, test print";
    KeyYear => "vorig/volgend jaar", "previous/next year";
    KeyNewInstitution => "nieuwe inrichting", "new institution";
    KeyEditInstitution => "inrichting wijzigen", "edit institution";
    KeyNewRecipient => "nieuwe ontvanger", "new recipient";
    KeyEditRecipient => "ontvanger wijzigen", "edit recipient";
    KeyIll => "ziek / beter melden", "mark ill / well";
    KeyStartStay => "verblijf beginnen", "start a stay";
    KeyMoveStay => "overplaatsen", "move to another institution";
    KeyEndStay => "verblijf beëindigen", "end the stay";
    KeyConfirmStay => "bevestigen: nog daar", "confirm: still there";
    KeyChecked => "verblijf gecontroleerd (kaartje kwam terug)", "stay checked (a card came back)";
    // Volunteers: the tab and its views
    TabVolunteers => "Vrijwilligers", "Volunteers";
    ViewExperts => "Ervaringsdeskundigen", "Experts";
    ViewReviews => "Gesprekken", "Reviews";
    ColExpert => "Ervaringsdeskundige", "Expert";
    ColPeriod => "Periode", "Period";
    ColState => "Stand", "State";
    ColHours => "Uur/wk", "Hrs/wk";
    ColAllowance => "Vergoeding", "Allowance";
    ColEnds => "Loopt af", "Ends";
    ColReview => "Gesprek", "Review";
    NoExperts => "Nog geen ervaringsdeskundigen met een overeenkomst: druk op n.", "No experts with an agreement yet: press n.";
    DueTitle => "Te houden gesprekken (lopen af binnen {weeks} weken)", "Reviews due (ending within {weeks} weeks)";
    NoneDue => "Geen overeenkomsten die binnen {weeks} weken aflopen zonder gehouden gesprek.", "No agreements ending within {weeks} weeks without a review held.";
    WeekTitle => "Week {week}: {from} – {to}", "Week {week}: {from} – {to}";
    NoReviewsThatDay => "—", "—";
    Planned => "gepland {when} met {staff}", "planned {when} with {staff}";
    NotPlanned => "nog niet gepland", "not planned yet";
    // Volunteers: words for states, outcomes, periods, allowances, reviews
    StateDraft => "concept", "draft";
    StateSigned => "ondertekend", "signed";
    StateActive => "lopend", "active";
    StateEnded => "afgelopen", "ended";
    PeriodFirstHalf => "1e halfjaar (jan–jun)", "first half (Jan–Jun)";
    PeriodSecondHalf => "2e halfjaar (jul–dec)", "second half (Jul–Dec)";
    PeriodCustom => "zes maanden vanaf een datum", "six months from a date";
    OutcomeStop => "stoppen", "stop";
    OutcomeAdjust => "aanpassen", "adjust";
    OutcomeContinue => "voortzetten", "continue";
    OutcomeNone => "(nog) geen", "none (yet)";
    AllowanceNone => "geen", "none";
    AllowancePerHour => "per uur", "per hour";
    AllowancePerMonth => "per maand", "per month";
    ReviewScheduled => "gepland", "planned";
    ReviewCancelled => "afgezegd", "cancelled";
    ReviewNoShow => "niet gekomen", "did not come";
    ReviewHeld => "gehouden op {date}", "held on {date}";
    ReviewHeldShort => "gehouden", "held";
    // Volunteers: details
    DetailAgreement => "Overeenkomst", "Agreement";
    DetailReview => "Gesprek", "Review";
    AgreementNr => "Overeenkomst nr {nr}", "Agreement no. {nr}";
    MemberNr => "lid {nr}", "member {nr}";
    Tasks => "Taken", "Tasks";
    HoursPerWeek => "{hours} uur per week", "{hours} hours a week";
    Expenses => "Onkosten", "Expenses";
    Guidance => "Begeleiding", "Guidance";
    SignedOn => "ondertekend op {date}", "signed on {date}";
    NotSigned => "nog niet ondertekend", "not signed yet";
    EndedEarly => "vervroegd beëindigd op {date}", "ended early on {date}";
    ContinuesNr => "vervolg op nr {nr}", "continues no. {nr}";
    FromReviewNr => "uit gesprek nr {nr}", "from review no. {nr}";
    ReviewOutcome => "Uitkomst gesprek", "Review outcome";
    AgreementsHistory => "Overeenkomsten (←/→ kiest)", "Agreements (←/→ chooses)";
    ReviewWith => "met {staff} · {place}", "with {staff} · {place}";
    // Volunteers: forms
    FormNewAgreement => "Nieuwe overeenkomst", "New agreement";
    FormEditAgreement => "Concept wijzigen", "Edit the draft";
    FormAdjustAgreement => "Nieuwe overeenkomst aanpassen", "Adjust the new agreement";
    FormSign => "Ondertekening vastleggen", "Record the signing";
    FormEndAgreement => "Overeenkomst vervroegd beëindigen", "End the agreement early";
    FormSchedule => "Gesprek plannen", "Schedule a review";
    FormReschedule => "Gesprek verzetten", "Reschedule the review";
    FormRecord => "Gesprek vastleggen", "Record the review";
    FieldExpert => "Lidnummer ED'er", "Expert's member no.";
    FieldPeriod => "Periode", "Period";
    FieldYear => "Jaar", "Year";
    FieldStartDate => "Begindatum", "Start date";
    FieldTasks => "Taken (scheid met ;)", "Tasks (separate with ;)";
    FieldHoursPerWeek => "Uren per week", "Hours per week";
    FieldAllowance => "Vergoeding", "Allowance";
    FieldAmount => "Bedrag (€)", "Amount (€)";
    FieldExpenses => "Onkosten", "Expenses";
    FieldGuidance => "Begeleiding", "Guidance";
    FieldSignedOn => "Ondertekend op", "Signed on";
    FieldOutcome => "Uitkomst", "Outcome";
    FieldSuggestion => "Vrije tijd", "Free slot";
    FieldDate => "Datum", "Date";
    FieldTime => "Begintijd (uu:mm)", "Start time (hh:mm)";
    FieldMinutes => "Duur (minuten)", "Length (minutes)";
    FieldStaff => "Gespreksleider", "Held by";
    FieldPlace => "Plaats", "Place";
    FieldWork => "Het werk", "The work";
    FieldEnjoyment => "Plezier in het werk", "Enjoyment";
    FieldDifficulties => "Moeilijkheden", "Difficulties";
    FieldAgreed => "Afspraken", "Agreed";
    FieldTrainingWishes => "Trainingswensen", "Training wishes";
    FieldHeldOn => "Gehouden op", "Held on";
    FieldAgreement => "Overeenkomst", "Agreement";
    FieldReview => "Gesprek", "Review";
    OwnTime => "eigen tijd", "own time";
    SuggestionsTitle => "Eerste vrije tijden met {staff}", "First free slots with {staff}";
    NoFreeSlots => "Geen vrije tijd gevonden in de komende 60 dagen.", "No free slot found in the next 60 days.";
    // Volunteers: questions, allowance warnings, status line
    ConfirmAllowance => "De vergoeding is dan niet meer belastingvrij:", "The allowance would then not be tax-free:";
    ConfirmSign => "Overeenkomst nr {nr} met {name} ({period}) ondertekend op {date}? Daarna kan ze niet meer gewijzigd worden.", "Agreement no. {nr} with {name} ({period}) signed on {date}? It cannot be changed afterwards.";
    ConfirmEnd => "Overeenkomst nr {nr} met {name} vervroegd beëindigen op {date}? Dit kan niet ongedaan worden; daarna is een nieuwe overeenkomst nodig.", "End agreement no. {nr} with {name} early on {date}? This cannot be undone; a new agreement is needed afterwards.";
    ConfirmReschedule => "Gesprek met {name} verzetten naar {when}?", "Move the review with {name} to {when}?";
    ConfirmCancel => "Gesprek met {name} op {when} afzeggen? De overeenkomst blijft op de lijst te houden gesprekken.", "Cancel the review with {name} on {when}? The agreement stays on the list of reviews due.";
    ConfirmNoShow => "{name} is niet gekomen op {when}? De overeenkomst blijft op de lijst te houden gesprekken.", "{name} did not come on {when}? The agreement stays on the list of reviews due.";
    WarnNoLimits => "Voor {year} zijn geen grenzen voor de vrijwilligersvergoeding bekend (een beheerder kan ze toevoegen).", "No allowance limits are known for {year} (an administrator can add them).";
    WarnPerHour => "{amount} per uur is meer dan de grens van {limit} per uur voor 21 jaar en ouder.", "{amount} per hour is more than the limit of {limit} per hour for 21 and older.";
    WarnPerHourUnder21 => "{amount} per uur is meer dan de grens van {limit} per uur voor wie jonger is dan 21.", "{amount} per hour is more than the limit of {limit} per hour for those under 21.";
    WarnPerMonth => "In {month} komt de vergoeding op {amount}, meer dan de maandgrens van {limit}.", "In {month} the allowance comes to {amount}, more than the monthly limit of {limit}.";
    WarnPerMonths => "In {months} komt de vergoeding boven de maandgrens van {limit} (maanden tellen apart).", "In {months} the allowance comes above the monthly limit of {limit} (months count separately).";
    WarnPerYear => "In {year} komt de vergoeding op {amount}, meer dan de jaargrens van {limit} (naar rato voor {months} maanden).", "In {year} the allowance comes to {amount}, more than the yearly limit of {limit} (pro rata for {months} months).";
    AgreementCreated => "Overeenkomst nr {nr} voor {name} opgeslagen als concept.", "Agreement no. {nr} for {name} saved as a draft.";
    AgreementSaved => "Concept nr {nr} opgeslagen.", "Draft no. {nr} saved.";
    AgreementSigned => "Overeenkomst nr {nr} ondertekend op {date}.", "Agreement no. {nr} signed on {date}.";
    AgreementEnded => "Overeenkomst nr {nr} beëindigd op {date}.", "Agreement no. {nr} ended on {date}.";
    OnlyDrafts => "Alleen een concept kan gewijzigd worden; nr {nr} is {state}.", "Only a draft can be changed; no. {nr} is {state}.";
    AlreadySigned => "Overeenkomst nr {nr} is al ondertekend.", "Agreement no. {nr} is already signed.";
    AlreadyEnded => "Overeenkomst nr {nr} is al afgelopen.", "Agreement no. {nr} has already ended.";
    NoAgreementSelected => "Geen overeenkomst geselecteerd.", "No agreement selected.";
    AgreementPdfSaved => "Overeenkomst opgeslagen in {path}", "Agreement saved in {path}";
    ReviewPlanned => "Gesprek met {name} gepland op {when}.", "Review with {name} planned on {when}.";
    ReviewMoved => "Gesprek met {name} verzet naar {when}.", "Review with {name} moved to {when}.";
    ReviewCancelledNow => "Gesprek afgezegd; de overeenkomst blijft op de lijst.", "Review cancelled; the agreement stays on the list.";
    ReviewNoShowNow => "Vastgelegd: {name} is niet gekomen.", "Recorded: {name} did not come.";
    RecordedContinue => "Voortzetten: volgende overeenkomst klaargezet (nr {nr}).", "Continue: next agreement drafted (no. {nr}).";
    RecordedAdjust => "Aanpassen: pas de nieuwe overeenkomst nr {nr} aan en sla op.", "Adjust: change the new agreement no. {nr} and save.";
    RecordedStop => "Stoppen: de overeenkomst eindigt op {date}.", "Stop: the agreement ends on {date}.";
    AlreadyPlanned => "Er is al een gesprek gepland; r verzet het.", "A review is already planned; r moves it.";
    NotPlannedYet => "Nog geen gesprek gepland: g plant het.", "No review planned yet: g schedules it.";
    PickDueRow => "Plan een gesprek vanuit de lijst te houden gesprekken.", "Schedule a review from the list of reviews due.";
    ReviewNotOpen => "Dit gesprek is niet (meer) gepland.", "This review is not planned (any more).";
    NoReviewSelected => "Geen gesprek geselecteerd.", "No review selected.";
    // Volunteers: keys
    KeyAgreement => "vorige/volgende overeenkomst van deze ED'er", "this expert's previous/next agreement";
    KeyNewAgreement => "nieuwe overeenkomst", "new agreement";
    KeyEditAgreement => "concept wijzigen", "edit the draft";
    KeySign => "ondertekening vastleggen", "record the signing";
    KeyEndEarly => "vervroegd beëindigen", "end early";
    KeyAgreementPdf => "overeenkomst afdrukken (PDF)", "print the agreement (PDF)";
    KeyReviewEnter => "plannen, of vastleggen als het gepland is", "schedule, or record when planned";
    KeySchedule => "gesprek plannen", "schedule a review";
    KeyReschedule => "gesprek verzetten", "reschedule the review";
    KeyCancelReview => "gesprek afzeggen", "cancel the review";
    KeyNoShow => "niet gekomen", "did not come";
    KeyRecord => "gesprek vastleggen", "record the review";
    // Training: the tab and its views
    TabTraining => "Opleiding", "Training";
    ViewPlans => "Opleidingsplannen", "Training plans";
    ViewCatalogues => "Catalogus", "Catalogue";
    ViewCoverage => "Dekking en budget", "Coverage and budget";
    ListSkills => "Vaardigheden", "Skills";
    ListTasks => "Taakomschrijvingen", "Task descriptions";
    ListCourses => "Cursussen", "Courses";
    ColTasks => "Taken (huidige overeenkomst)", "Tasks (current agreement)";
    ColValidity => "Geldig", "Valid";
    ColSkills => "Vaardigheden", "Skills";
    ColProvider => "Aanbieder", "Provider";
    ColHoursShort => "Uren", "Hours";
    ColCost => "Kosten", "Cost";
    ColPlace => "Plaats", "Place";
    ColTask => "Taak", "Task";
    ColHolders => "ED'ers", "Experts";
    ColSkill => "Vaardigheid", "Skill";
    ColExpires => "Verloopt", "Expires";
    NoTrainingExperts => "Nog geen ervaringsdeskundigen met een overeenkomst (tabblad Vrijwilligers).", "No experts with an agreement yet (Volunteers tab).";
    NoCurrentAgreement => "geen lopende overeenkomst", "no current agreement";
    EmptyCatalogue => "Nog niets in deze lijst: druk op n.", "Nothing in this list yet: press n.";
    CatalogueHint => "[/]: andere lijst", "[/]: other list";
    // Training: the plan of an expert
    GapMissing => "Ontbreekt", "Missing";
    GapNothing => "niets: alle vaardigheden voor de taken zijn er", "nothing: every skill the tasks need is held";
    GapExpiring => "Verloopt binnenkort", "Expiring soon";
    GapNoTasks => "geen taken met een taakomschrijving in de huidige overeenkomst", "no tasks with a task description in the current agreement";
    SuggestedCourses => "Voorgestelde cursussen", "Suggested courses";
    NoCourseFound => "Geen cursus gevonden", "No course found";
    Teaches => "leert", "teaches";
    SkillsHeld => "Vaardigheden", "Skills held";
    NoSkillsHeld => "nog geen", "none yet";
    DoesNotExpire => "verloopt niet", "does not expire";
    ExpiresOn => "verloopt {date}", "expires {date}";
    ExpiredOn => "verlopen {date}", "expired {date}";
    FromExperience => "ervaring", "experience";
    FromCourse => "cursus {name}", "course {name}";
    PlanThisHalf => "Plan {half}", "Plan {half}";
    PlanOtherHalves => "Andere halfjaren", "Other half years";
    PlanEmpty => "nog niets gepland: a stelt een cursus voor", "nothing planned yet: a proposes a course";
    Wish => "wens: {wish}", "wish: {wish}";
    HalfFirst => "1e halfjaar {year}", "first half {year}";
    HalfSecond => "2e halfjaar {year}", "second half {year}";
    ItemProposed => "voorgesteld", "proposed";
    ItemAgreed => "afgesproken {date}", "agreed {date}";
    ItemEnrolled => "ingeschreven {date}", "enrolled {date}";
    ItemCompleted => "afgerond {date}", "completed {date}";
    ItemCancelled => "geannuleerd {date}", "cancelled {date}";
    Months => "{n} maanden", "{n} months";
    Online => "online", "online";
    DetailPlan => "Opleidingsplan", "Training plan";
    DetailSkill => "Vaardigheid", "Skill";
    DetailTask => "Taakomschrijving", "Task description";
    DetailCourse => "Cursus", "Course";
    Description => "Omschrijving", "Description";
    // Training: coverage and budget
    CoverageTitle => "Dekking: lopende ED'ers met alle vaardigheden van de taak", "Coverage: active experts holding every skill of the task";
    NoTasksYet => "Nog geen taakomschrijvingen (weergave Catalogus).", "No task descriptions yet (Catalogue view).";
    ExpiringTitle => "Vaardigheden die binnen {weeks} weken verlopen", "Skills expiring within {weeks} weeks";
    NoneExpiring => "Geen vaardigheden die binnenkort verlopen.", "No skills expiring soon.";
    BudgetTitle => "Opleidingsbudget {half}", "Training budget {half}";
    BudgetLine => "Budget {budget} · gepland {planned} · uitgegeven {spent}", "Budget {budget} · planned {planned} · spent {spent}";
    NoBudget => "Geen budget ingesteld · gepland {planned} · uitgegeven {spent}", "No budget set · planned {planned} · spent {spent}";
    OverBudget => "⚠ Gepland is {over} meer dan het budget.", "⚠ Planned is {over} over the budget.";
    WithinBudget => "binnen het budget", "within the budget";
    HalfKeys => "[/] ander halfjaar", "[/] other half year";
    // Training: forms, pickers, questions, status line
    FormNewSkill => "Nieuwe vaardigheid", "New skill";
    FormEditSkill => "Vaardigheid wijzigen", "Edit the skill";
    FormNewTask => "Nieuwe taakomschrijving", "New task description";
    FormEditTask => "Taakomschrijving wijzigen", "Edit the task description";
    FormNewCourse => "Nieuwe cursus", "New course";
    FormEditCourse => "Cursus wijzigen", "Edit the course";
    FormPropose => "Cursus voorstellen", "Propose a course";
    FormAgree => "Afgesproken met de ED'er", "Agreed with the expert";
    FormEnroll => "Ingeschreven", "Enrolled";
    FormComplete => "Cursus afgerond", "Course completed";
    FormCancelItem => "Planitem annuleren", "Cancel the plan item";
    FormHeld => "Vaardigheid uit ervaring", "Skill from experience";
    FieldDescription => "Omschrijving", "Description";
    FieldValidity => "Geldig (maanden, leeg: altijd)", "Valid (months, empty: always)";
    FieldSkills => "Vaardigheden (scheid met ;)", "Skills (separate with ;)";
    FieldProvider => "Aanbieder", "Provider";
    FieldHours => "Uren", "Hours";
    FieldCost => "Kosten (€)", "Cost (€)";
    FieldPlaceOnline => "Plaats (leeg: online)", "Place (empty: online)";
    FieldCourse => "Cursus", "Course";
    FieldSkill => "Vaardigheid", "Skill";
    FieldAcquired => "Verworven op", "Acquired on";
    FieldOn => "Datum", "Date";
    PickCourse => "Cursus kiezen (★ voorgesteld)", "Choose a course (★ suggested)";
    NoCourses => "Nog geen cursussen: voeg ze toe in de Catalogus.", "No courses yet: add them in the Catalogue.";
    NoSkills => "Nog geen vaardigheden: voeg ze toe in de Catalogus.", "No skills yet: add them in the Catalogue.";
    NoExpertSelected => "Geen ED'er geselecteerd.", "No expert selected.";
    NoItemSelected => "Geen planitem geselecteerd (←/→ kiest).", "No plan item selected (←/→ chooses).";
    StepNotPossible => "Dat kan niet meer bij dit planitem ({state}).", "That is not possible for this plan item any more ({state}).";
    ChooseCourseFirst => "Kies eerst een cursus voor deze wens (w).", "Choose a course for this wish first (w).";
    NotAWish => "Dit planitem heeft al een cursus en is niet meer open.", "This plan item already has a course and is not open any more.";
    ConfirmComplete => "{course} voor {name} afgerond op {date}? De vaardigheden van de cursus worden toegevoegd.", "{course} for {name} completed on {date}? The course's skills are added.";
    ConfirmCancelItem => "{course} voor {name} annuleren op {date}? Dit kan niet ongedaan worden.", "Cancel {course} for {name} on {date}? This cannot be undone.";
    SkillSaved => "Vaardigheid {name} opgeslagen.", "Skill {name} saved.";
    TaskSaved => "Taakomschrijving {name} opgeslagen.", "Task description {name} saved.";
    CourseSaved => "Cursus {name} opgeslagen.", "Course {name} saved.";
    Proposed => "{course} voorgesteld voor {name}.", "{course} proposed for {name}.";
    CourseChosen => "Cursus {course} gekozen.", "Course {course} chosen.";
    ItemAgreedNow => "{course}: afgesproken op {date}.", "{course}: agreed on {date}.";
    ItemEnrolledNow => "{course}: ingeschreven op {date}.", "{course}: enrolled on {date}.";
    ItemCompletedNow => "{course} afgerond: {n} vaardigheden toegevoegd ({skills}).", "{course} completed: {n} skills added ({skills}).";
    ItemCancelledNow => "{course} geannuleerd.", "{course} cancelled.";
    HeldAdded => "Vaardigheid {skill} toegevoegd voor {name}.", "Skill {skill} added for {name}.";
    PlanPdfSaved => "Opleidingsplan opgeslagen in {path}", "Training plan saved in {path}";
    // Training: keys
    KeyPlanDetail => "het hele plan van deze ED'er", "this expert's whole plan";
    KeyPlanItem => "vorig/volgend planitem", "previous/next plan item";
    KeyPropose => "cursus voorstellen", "propose a course";
    KeyChooseCourse => "cursus kiezen voor een wens", "choose the course of a wish";
    KeyAgree => "afgesproken met de ED'er", "agreed with the expert";
    KeyEnroll => "ingeschreven", "enrolled";
    KeyComplete => "afgerond (voegt de vaardigheden toe)", "completed (adds the skills)";
    KeyCancelItem => "planitem annuleren", "cancel the plan item";
    KeyAddHeld => "vaardigheid uit ervaring toevoegen", "add a skill from experience";
    KeyPlanPdf => "opleidingsplan afdrukken (PDF)", "print the training plan (PDF)";
    KeyCatalogue => "vaardigheden / taken / cursussen", "skills / tasks / courses";
    KeyNewEntry => "nieuw in deze lijst", "new in this list";
    KeyEditEntry => "wijzigen", "edit";
    KeyHalfYear => "vorig/volgend halfjaar (budget)", "previous/next half year (budget)";
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
    ErrOutputInStore => "{path} ligt in de opslag {store}, in de map met zijn back-ups, of is een van de bestanden die kapstok naast de opslag zelf gebruikt (.lock, .rewrite, .old): een bestand daar kan de opslag kapotmaken. Er is niets geschreven; kies een bestand buiten die mappen.", "{path} is inside the store {store}, its backups folder, or is one of the files kapstok itself keeps beside the store (.lock, .rewrite, .old): a file there could destroy the store. Nothing was written; choose a file outside those folders.";
    CliDiskFull => "{path} kon niet worden geschreven: de schijf is vol of het bestand te groot ({detail}). Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw.", "{path} could not be written: the disk is full or the file too large ({detail}). Nothing was saved; free some space and try again.";
    ErrBadBackup => "{path}, regel {line}: {problem}. Er is niets teruggezet; neem een andere back-up.", "{path}, line {line}: {problem}. Nothing was restored; take another backup.";
    ErrBadBackupWhole => "{path}: {problem}. Er is niets teruggezet; neem een andere back-up.", "{path}: {problem}. Nothing was restored; take another backup.";
    BackupUnreadable => "het bestand is niet te lezen ({detail})", "the file cannot be read ({detail})";
    BackupEmpty => "dit is geen back-up van kapstok (het bestand is leeg)", "this is not a kapstok backup (the file is empty)";
    BackupNoHeader => "dit is geen back-up van kapstok (de eerste regel is geen kop van een back-up)", "this is not a kapstok backup (the first line is not a backup header)";
    BackupVersion => "back-upversie {version} kan deze kapstok niet lezen (een nieuwere kapstok wel)", "this kapstok cannot read backup version {version} (a newer kapstok can)";
    BackupAfterCheck => "tekst na de controleregel (regel {at}): het bestand is beschadigd", "text after the check line (line {at}): the file is damaged";
    BackupNotUtf8 => "de regel is geen UTF-8-tekst: het bestand is beschadigd", "the line is not UTF-8 text: the file is damaged";
    BackupNotAnEntry => "dit is geen regel van een back-up (het bestand is afgekapt of beschadigd)", "this is not a backup line (the file is cut short or damaged)";
    BackupCutShort => "de regel is afgekapt: het bestand is onvolledig", "the line is cut short: the file is incomplete";
    BackupUnknownTree => "onbekende tabel \"{tree}\" (een back-up van een ander programma of een nieuwere kapstok?)", "unknown table \"{tree}\" (a backup of another program or a newer kapstok?)";
    BackupBadEntry => "een sleutel of waarde is beschadigd", "a key or value is damaged";
    BackupUnencrypted => "een onversleutelde waarde in een versleutelde back-up: het bestand is beschadigd of gewijzigd", "an unencrypted value in an encrypted backup: the file is damaged or altered";
    BackupNotARecord => "een waarde die geen kapstok-gegeven is: het bestand is beschadigd", "a value that is not a kapstok record: the file is damaged";
    BackupRepeated => "deze sleutel staat er twee keer in: het bestand is beschadigd", "this key appears twice: the file is damaged";
    BackupIncomplete => "de back-up is onvolledig: {found} regels, de controleregel noemt er {expected}", "the backup is incomplete: {found} entries, the check line names {expected}";
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
    // privacy: a person's data, retention (cli and tui)
    PrivErasePrompt1 => "Alle persoonsgegevens van lid {number} wissen? Typ het lidnummer ter bevestiging", "Erase all personal data of member {number}? Type the member number to confirm";
    PrivErasePrompt2 => "Laatste controle: dit kan niet ongedaan worden. Back-ups in {dir} bevatten deze persoon nog tot ze worden opgeruimd. Typ 'wissen' om door te gaan", "Last check: this cannot be undone. Backups in {dir} still hold this person until they are cleaned up. Type 'erase' to go on";
    PrivEraseWord => "wissen", "erase";
    PrivCancelled => "Afgebroken: niets gewist.", "Cancelled: nothing erased.";
    PrivErased => "Lid {number} gewist: {records} records, {cards} kaarten en {audit} logregels aangepast; anonieme tellingen blijven.", "Member {number} erased: {records} records, {cards} cards and {audit} log entries changed; anonymous counts remain.";
    PrivRewritten => "Opslag herschreven: oude versies verwijderd ({keys} sleutels).", "Store rewritten: old versions removed ({keys} keys).";
    PrivBackupsWarning => "Let op: back-ups in {dir} bevatten deze persoon nog.", "Note: backups in {dir} still hold this person.";
    PrivExported => "Gegevens van lid {number} geëxporteerd naar {path}", "Data of member {number} exported to {path}";
    PrivRetentionNone => "Niemand voorbij de bewaartermijn ({months} maanden).", "Nobody past the retention period ({months} months).";
    PrivRetentionHeader => "Oud-leden voorbij de bewaartermijn ({months} maanden):", "Ex-members past the retention period ({months} months):";
    PrivRetentionPrompt => "Deze {count} oud-leden anonimiseren? Typ het aantal ter bevestiging", "Anonymise these {count} ex-members? Type the number to confirm";
    PrivRetentionSet => "Bewaartermijn: {months} maanden na vertrek", "Retention period: {months} months after leaving";
    PrivErasedAgain => "Lid {number} was al gewist; de opslag wordt opnieuw herschreven, zodat er geen oude versies op schijf blijven.", "Member {number} was already erased; the store is rewritten again, so that no old versions stay on disk.";
    PrivErasedAgainTui => "Lid {number} was al gewist. Voor de zekerheid wordt de opslag opnieuw herschreven als kapstok sluit, zodat er geen oude versies op schijf blijven.", "Member {number} was already erased. To be sure, the store is rewritten again when kapstok closes, so that no old versions stay on disk.";
    PrivErasedLabel => "gewist", "erased";
    PrivLeftOn => "vertrokken", "left";
    PrivDueSince => "termijn verstreken", "period ended";
    FieldRetentionMonths => "Bewaartermijn (maanden)", "Retention period (months)";
    AuditTitle => "Logboek", "Audit log";
    AuditFilterTitle => "Logboek filteren", "Filter the audit log";
    AuditEmpty => "Geen logregels.", "No log entries.";
    AuditCount => "{count} logregels (nieuwste eerst){filter} · / filteren · v bewaartermijn", "{count} log entries (newest first){filter} · / filter · v retention";
    AuditCountNewest => "nieuwste {shown} van {count} logregels{filter} · / filteren (gebruiker, record, datum) · v bewaartermijn", "newest {shown} of {count} log entries{filter} · / filter (user, record, date) · v retention";
    AuditFiltered => " · gefilterd, Esc wist het filter", " · filtered, Esc clears the filter";
    FieldRecord => "Record (bv. member/12)", "Record (e.g. member/12)";
    FieldTo => "Tot en met", "Up to";
    RetentionTitle => "Bewaartermijn verstreken", "Retention period passed";
    RetentionIntro => "Oud-leden langer dan {months} maanden weg · x exporteren · D wissen · A iedereen anonimiseren", "Ex-members gone longer than {months} months · x export · D erase · A anonymise all";
    RetentionEmpty => "Niemand voorbij de bewaartermijn.", "Nobody past the retention period.";
    PrivEraseAsk1 => "Alle persoonsgegevens van {who} wissen? Namen, adressen, contact en notities verdwijnen overal, ook uit eerdere BaseMail-rondes en het logboek; anonieme tellingen blijven.", "Erase all personal data of {who}? Names, addresses, contact and notes go everywhere, also from past BaseMail runs and the audit log; anonymous counts remain.";
    PrivEraseAsk2 => "Laatste controle: dit kan niet ongedaan worden. Back-ups die eerder zijn gemaakt (in {dir}) bevatten deze gegevens nog tot ze worden opgeruimd.", "Last check: this cannot be undone. Backups written before (in {dir}) still hold this data until they are cleaned up.";
    PrivEraseTypeNumber => "Ter bevestiging: het lidnummer.", "To confirm: the member number.";
    PrivEraseTypeCount => "Ter bevestiging: het aantal mensen op de lijst.", "To confirm: the number of people on the list.";
    PrivErasedTui => "{count} gewist. De oude versies verdwijnen van schijf als kapstok sluit; back-ups in {dir} bevatten ze nog.", "{count} erased. The old versions leave the disk when kapstok closes; backups in {dir} still hold them.";
    PrivExportedTui => "Gegevens van lid {number} opgeslagen: {json} en {pdf}", "Data of member {number} saved: {json} and {pdf}";
    PrivMembers => "lid/leden", "member(s)";
    KeyExportPerson => "alle gegevens van het lid exporteren (JSON en PDF)", "export all data of the member (JSON and PDF)";
    KeyErasePerson => "oud-lid wissen (nummer en 'wissen' typen)", "erase an ex-member (type number, 'erase')";
    KeyEraseDue => "lijst anonimiseren (aantal en 'wissen' typen)", "anonymise the list (type count, 'erase')";
    KeyPrivacyView => "logboek en bewaartermijn (beheerder)", "audit log and retention list (administrator)";
    KeyAuditFilter => "logboek filteren: gebruiker, record, datum", "filter the log: user, record, date";
    // Meetings (general meetings, ALV): tab, views, list
    TabMeetings => "ALV", "Meetings";
    ViewMeetings => "Vergaderingen", "Meetings";
    ViewAttendance => "Aanwezigheid", "Attendance";
    ViewRegister => "Besluitenregister", "Decision register";
    KindSpring => "voorjaarsvergadering", "spring meeting";
    KindAutumn => "najaarsvergadering", "autumn meeting";
    KindExtraordinary => "buitengewone vergadering", "extraordinary meeting";
    KindSpringShort => "voorjaar", "spring";
    KindAutumnShort => "najaar", "autumn";
    KindExtraShort => "extra", "extra";
    KindSecondShort => "tweede", "second";
    ColDate => "Datum", "Date";
    ColTime => "Tijd", "Time";
    ColConvocation => "Oproeping", "Convocation";
    ColAgenda => "Agenda", "Agenda";
    ItemsCount => "{n} ptn", "{n} items";
    CellSent => "verstuurd {date}", "sent {date}";
    CellSentLate => "⚠ te laat: {date}", "⚠ late: {date}";
    CellSendBy => "uiterlijk {date}", "by {date}";
    CellOverdue => "⚠ verlopen: {date}", "⚠ overdue: {date}";
    CellNotSent => "niet verstuurd", "not sent";
    NoMeetingsYet => "Nog geen vergaderingen. n: een vergadering plannen.", "No meetings yet. n: plan a meeting.";
    NoMeetingsRead => "Nog geen vergaderingen.", "No meetings yet.";
    NoMeetingSelected => "Geen vergadering gekozen (↑/↓ in Vergaderingen).", "No meeting chosen (↑/↓ in Meetings).";
    AgendaKeys => "←/→ agendapunt · Enter: alles", "←/→ agenda item · Enter: all";
    Convocation => "Oproeping", "Convocation";
    SendBy => "uiterlijk {date} versturen ({days} dagen van tevoren)", "send by {date} ({days} days before)";
    SentOn => "verstuurd op {date} ({email} per e-mail, {letters} per brief)", "sent on {date} ({email} by e-mail, {letters} by letter)";
    WasLate => "⚠ te laat: uiterlijk {date}", "⚠ late: the deadline was {date}";
    InspectionFrom => "Statutenwijziging: het voorstel ligt ter inzage vanaf {date}", "Statute change: the proposal is open for inspection from {date}";
    MinutesAdoptedAt => "Notulen vastgesteld: {meeting}", "Minutes adopted: {meeting}";
    Agenda => "Agenda", "Agenda";
    AgendaEmpty => "nog geen agendapunten (a: toevoegen)", "no agenda items yet (a: add)";
    StatuteChange => "statutenwijziging", "statute change";
    DecisionItem => "besluit", "decision";
    InformationItem => "mededeling", "information";
    NotVotedYet => "nog niet gestemd", "not voted yet";
    HasMinutes => "notulen ✓", "minutes ✓";
    VotedAt => "Gestemd", "Voted";
    VoteDetail => "om {time}, stemrecht aanwezig {power} van {members} leden", "at {time}, voting power present {power} of {members} members";
    DetailMeeting => "Vergadering", "Meeting";
    RemindersTitle => "Dit jaar", "This year";
    DutyAnnualReport => "Jaarverslag en jaarrekening vóór {date}", "Annual report and accounts by {date}";
    DutyAuditCommittee => "Kascommissie benoemd vóór {date}", "Audit committee appointed by {date}";
    DutyAutumnMeeting => "Najaarsvergadering vóór {date}", "Autumn meeting by {date}";
    StandingDone => "✓ gedaan ({meeting})", "✓ done ({meeting})";
    StandingPlanned => "gepland ({meeting})", "planned ({meeting})";
    StandingOpen => "nog niet gepland", "not planned yet";
    StandingOverdue => "⚠ te laat", "⚠ overdue";
    // Meetings: attendance
    PowerLine => "Stemrecht aanwezig: {power} ({present} aanwezig + {proxies} volmacht) van {members} stemgerechtigde leden", "Voting power present: {power} ({present} present + {proxies} proxy) of {members} voting members";
    PowerShort => "stemrecht aanwezig: {power}", "voting power present: {power}";
    NobodyPresent => "Nog niemand aanwezig. a: een lid binnen melden.", "Nobody present yet. a: register a member arriving.";
    AttendanceKeys => "a binnen · x weg · g volmacht", "a arrives · x leaves · g proxy";
    ColArrived => "Binnen", "In";
    ColLeft => "Weg", "Left";
    ColVote => "Stem", "Vote";
    Votes => "stemt", "votes";
    VotesWithProxy => "stemt, ook voor {names}", "votes, also for {names}";
    NoVote => "geen stemrecht", "no vote";
    Left => "vertrokken", "left";
    ProxiesMax => "Volmachten (max. {n} per persoon)", "Proxies (at most {n} per person)";
    NoProxies => "Geen volmachten.", "No proxies.";
    ProxyNotCounting => "telt niet: gemachtigde niet aanwezig of volmachtgever zelf aanwezig", "does not count: holder not present or giver present";
    PickArriving => "Wie komt binnen? (naam, roepnaam of lidnummer)", "Who arrives? (name, known-as or member number)";
    PickGiver => "Wie geeft een volmacht? (stemgerechtigd, niet aanwezig)", "Who gives a proxy? (voting, not present)";
    PickHolder => "Aan wie? (stemgerechtigd en aanwezig)", "To whom? (voting and present)";
    PickWithdraw => "Welke volmacht intrekken?", "Which proxy to withdraw?";
    HolderLabel => "{name} · nr {nr} · houdt {held} van max. {max}", "{name} · no {nr} · holds {held} of at most {max}";
    NoHolders => "Niemand aanwezig die een volmacht kan houden.", "Nobody present who can hold a proxy.";
    NoProxiesAllowed => "De statuten staan geen volmachten toe (instelling).", "The statutes allow no proxies (a setting).";
    NobodyPresentSelected => "Kies een aanwezige (↑/↓) die nog niet weg is.", "Choose someone present (↑/↓) who has not left.";
    FormArrive => "Binnengekomen om", "Arrived at";
    FormDepart => "Vertrokken om", "Left at";
    Arrived => "{name} binnen om {time} · stemrecht aanwezig: {power}", "{name} arrived at {time} · voting power present: {power}";
    Departed => "{name} weg om {time} · stemrecht aanwezig: {power}", "{name} left at {time} · voting power present: {power}";
    ProxyGiven => "Volmacht: {giver} → {holder} · stemrecht aanwezig: {power}", "Proxy: {giver} → {holder} · voting power present: {power}";
    ProxyWithdrawn => "Volmacht van {giver} ingetrokken · stemrecht aanwezig: {power}", "Proxy from {giver} withdrawn · voting power present: {power}";
    // Meetings: votes and decisions
    Adopted => "aangenomen", "adopted";
    Rejected => "verworpen", "rejected";
    ColItem => "Agendapunt", "Agenda item";
    ColResult => "Uitslag", "Result";
    ColVotes => "V-T-O-B", "F-A-Ab-Bl";
    NoDecisions => "Geen besluiten (gevonden).", "No decisions (found).";
    RegisterHint => "/ zoeken in titel en voorstel · Esc: alles", "/ search title and motion · Esc: all";
    NotADecisionItem => "Dit agendapunt is een mededeling: er wordt niet over gestemd.", "This agenda item is for information: there is no vote.";
    AlreadyVoted => "Over dit agendapunt is al gestemd.", "This agenda item has been voted on.";
    NoItemOnAgenda => "Geen agendapunt gekozen (←/→; a: toevoegen).", "No agenda item chosen (←/→; a: add).";
    // Meetings: forms and what happened
    FormPlanMeeting => "Vergadering plannen", "Plan a meeting";
    FormEditMeeting => "Vergadering wijzigen", "Edit the meeting";
    FormNewItem => "Nieuw agendapunt", "New agenda item";
    FormEditItem => "Agendapunt wijzigen", "Edit the agenda item";
    FormSent => "Oproeping verstuurd op", "Convocation sent on";
    FormEnvelopeLabels => "Envelopetiketten voor de brieven", "Envelope labels for the letters";
    FormVote => "Stemming (aantallen)", "Vote (counts)";
    FormMinutes => "Notulen van het agendapunt", "Minutes of the agenda item";
    FormAdopt => "Notulen vastgesteld in", "Minutes adopted at";
    FormSecond => "Tweede vergadering (quorum niet gehaald)", "Second meeting (quorum not reached)";
    FieldTitle => "Titel", "Title";
    FieldDecision => "Besluit (stemming)", "Decision (vote)";
    FieldMotion => "Voorstel", "Motion";
    FieldStatuteChange => "Statutenwijziging", "Statute change";
    FieldTopic => "Onderwerp", "Topic";
    FieldDocuments => "Stukken ter inzage", "Documents for inspection";
    FieldSent => "Verstuurd op", "Sent on";
    FieldFor => "Voor", "For";
    FieldAgainst => "Tegen", "Against";
    FieldAbstain => "Onthouding", "Abstain";
    FieldBlank => "Blanco", "Blank";
    FieldMinutesText => "Notulen", "Minutes";
    FieldAtMeeting => "Latere vergadering", "Later meeting";
    FieldGiver => "Volmachtgever", "Proxy giver";
    FieldClock => "Tijd (uu:mm)", "Time (hh:mm)";
    FieldArrived => "Aankomst", "Arrival";
    FieldFirstMeeting => "De eerste vergadering", "The first meeting";
    FieldSecondTerm => "De termijn voor de tweede vergadering", "The term for the second meeting";
    FieldHolder => "Gemachtigde", "Proxy holder";
    FieldLetters => "Brieven", "Letters";
    TopicOther => "overig", "other";
    TopicAnnualReport => "jaarverslag en jaarrekening", "annual report and accounts";
    TopicAuditCommittee => "kascommissie benoemen", "appoint the audit committee";
    TopicPolicyPlan => "beleidsplan", "policy plan";
    TopicBudget => "begroting", "budget";
    TopicMinutes => "notulen vaststellen", "adopt minutes";
    MeetingPlanned => "Vergadering gepland op {date} om {time}.", "Meeting planned on {date} at {time}.";
    ItemAdded => "Agendapunt {title} toegevoegd.", "Agenda item {title} added.";
    ItemRemoved => "Agendapunt verwijderd.", "Agenda item removed.";
    ConfirmRemoveItem => "Agendapunt {item} verwijderen? De tekst van het punt gaat verloren.", "Remove agenda item {item}? The item's text is lost.";
    ConfirmLate => "Let op: verstuurd op {sent} is te laat, de uiterste datum was {deadline}. Besluiten van een te laat opgeroepen vergadering zijn een jaar lang vernietigbaar. Toch vastleggen?", "Note: sent on {sent} is too late, the deadline was {deadline}. Decisions of a meeting convened too late can be annulled for a year. Record it anyway?";
    SentRecorded => "Oproeping verstuurd op {date}: {email} per e-mail, {letters} per brief.", "Convocation sent on {date}: {email} by e-mail, {letters} by letter.";
    SentLateRecorded => "Oproeping verstuurd op {date} (te laat, uiterlijk {deadline}): {email} per e-mail, {letters} per brief.", "Convocation sent on {date} (late, deadline {deadline}): {email} by e-mail, {letters} by letter.";
    ConvocationWritten => "Oproeping: {email} per e-mail, {letters} per brief; opgeslagen: {files}", "Convocation: {email} by e-mail, {letters} by letter; saved: {files}";
    Unreachable => "⚠ onbereikbaar (geen adres): {names}", "⚠ unreachable (no address): {names}";
    LabelsWritten => "{labels} etiketten op {pages} vel(len) opgeslagen in {path}", "{labels} labels on {pages} sheet(s) saved in {path}";
    SheetSaved => "Presentielijst opgeslagen in {path}", "Attendance sheet saved in {path}";
    MinutesSaved => "Notulen opgeslagen.", "Minutes saved.";
    MinutesAdopted => "Notulen vastgesteld.", "Minutes adopted.";
    MinutesAlreadyAdopted => "De notulen van deze vergadering zijn al vastgesteld.", "The minutes of this meeting have been adopted.";
    NoMinutesYet => "Deze vergadering heeft nog geen notulen (m: notulen per agendapunt).", "This meeting has no minutes yet (m: minutes per agenda item).";
    NoLaterMeeting => "Er is nog geen latere vergadering om de notulen vast te stellen.", "There is no later meeting yet to adopt the minutes at.";
    NoFailedQuorumHere => "Geen agendapunt van deze vergadering haalde het quorum niet.", "No agenda item of this meeting failed its quorum.";
    SecondWithin => "De tweede vergadering uiterlijk op {date}; de agendapunten zonder quorum gaan mee.", "The second meeting by {date}; the items without a quorum go along.";
    SecondPlanned => "Tweede vergadering gepland op {date}.", "Second meeting planned on {date}.";
    MeetingsReadOnly => "Uw rol mag de ledenvergaderingen alleen inzien.", "Your role may only view the general meetings.";
    // Meetings: keys
    KeyMeetingDetail => "de hele vergadering", "the whole meeting";
    KeyAgendaItem => "vorig/volgend agendapunt", "previous/next agenda item";
    KeyPlanMeeting => "vergadering plannen", "plan a meeting";
    KeyEditMeeting => "vergadering wijzigen", "edit the meeting";
    KeyAddItem => "agendapunt toevoegen", "add an agenda item";
    KeyEditItem => "agendapunt wijzigen", "edit the agenda item";
    KeyRemoveItem => "agendapunt verwijderen", "remove the agenda item";
    KeyMoveItem => "agendapunt omhoog/omlaag", "agenda item up/down";
    KeyConvocation => "oproeping: brieven (PDF) en e-maillijst (CSV)", "convocation: letters (PDF) and e-mail list (CSV)";
    KeyEnvelopeLabels => "envelopetiketten voor de brieven", "envelope labels for the letters";
    KeySent => "oproeping verstuurd (datum)", "convocation sent (date)";
    KeyVote => "stemming over het agendapunt (aantallen)", "vote on the agenda item (counts)";
    KeyRollCall => "hoofdelijke stemming (per persoon)", "vote by roll call (per person)";
    FormRollCall => "Hoofdelijke stemming: {item}", "Roll call: {item}";
    RollCallHint => "v voor · t tegen · o onthouding · b blanco · - wis · Ctrl+S opslaan · Esc", "v for · t against · o abstain · b blank · - clear · Ctrl+S save · Esc";
    RollCallCounts => "voor {for} · tegen {against} · onthouding {abstain} · blanco {blank} · nog niet gestemd {open}", "for {for} · against {against} · abstain {abstain} · blank {blank} · not voted yet {open}";
    ChoiceFor => "voor", "for";
    ChoiceAgainst => "tegen", "against";
    ChoiceAbstain => "onthouding", "abstain";
    ChoiceBlank => "blanco", "blank";
    ViaProxy => "volmacht, stemt via {holder}", "proxy, votes through {holder}";
    KeyMinutes => "notulen van het agendapunt", "minutes of the agenda item";
    KeyAdoptMinutes => "notulen vastgesteld in een latere vergadering", "minutes adopted at a later meeting";
    KeySecondMeeting => "tweede vergadering (quorum niet gehaald)", "second meeting (no quorum)";
    KeyAttendanceSheet => "presentielijst (PDF)", "attendance sheet (PDF)";
    KeyArrive => "lid komt binnen", "a member arrives";
    KeyDepart => "gekozen lid vertrekt", "the chosen member leaves";
    KeyGiveProxy => "volmacht", "proxy";
    KeyWithdrawProxy => "volmacht intrekken", "withdraw a proxy";
    KeyFilterDecisions => "zoeken in de besluiten", "search the decisions";
    KeyClearFilter => "zoekopdracht wissen", "clear the search";
}

/// The label of a field by its stable core name.
pub fn field_label(field: &str) -> Msg {
    match field {
        "given" => Msg::FieldGiven,
        "prefix" => Msg::FieldPrefix,
        "surname" => Msg::FieldSurname,
        "known_as" => Msg::FieldKnownAs,
        "birth_date" => Msg::FieldBirthDate,
        "phone" => Msg::FieldPhone,
        "email" => Msg::FieldEmail,
        "address_kind" => Msg::FieldAddressKind,
        "street" => Msg::FieldStreet,
        "house_number" => Msg::FieldHouseNumber,
        "addition" => Msg::FieldAddition,
        "postcode" => Msg::FieldPostcode,
        "city" => Msg::FieldCity,
        "country" => Msg::FieldCountry,
        "joined" => Msg::FieldJoined,
        "consent_convocation_email" => Msg::FieldConsentEmail,
        "consent_birthday_card" => Msg::FieldConsentBirthday,
        "consent_magazine" => Msg::FieldConsentMagazine,
        "last_contact" => Msg::FieldLastContact,
        "notes" => Msg::FieldNotes,
        "status" => Msg::FieldStatus,
        "status_since" => Msg::FieldStatusSince,
        "status_reason" => Msg::FieldStatusReason,
        "number" => Msg::FieldNumber,
        "user" => Msg::FieldUser,
        "password" => Msg::FieldPassword,
        "out_of_sight_weeks" => Msg::FieldOutOfSightWeeks,
        "header" => Msg::FieldHeader,
        "row" => Msg::FieldRow,
        "status_history" => Msg::StatusHistory,
        "password_again" => Msg::FieldPasswordAgain,
        "writer" => Msg::FieldWriter,
        "reason" => Msg::FieldReason,
        "recipient" => Msg::FieldRecipient,
        "name" => Msg::FieldName,
        "kind" => Msg::FieldKind,
        "needs_registration_number" => Msg::FieldNeedsRegistration,
        "needs_unit" => Msg::FieldNeedsUnit,
        "needs_sender" => Msg::FieldNeedsSender,
        "house_rules" => Msg::FieldHouseRules,
        "recipient_kind" => Msg::FieldRecipientKind,
        "member" => Msg::FieldNumber,
        "birthday" => Msg::FieldBirthday,
        "institution" => Msg::FieldInstitution,
        "unit" => Msg::FieldUnit,
        "registration_number" => Msg::FieldRegistrationNumber,
        "from" => Msg::FieldFrom,
        "expected_release" => Msg::FieldExpectedRelease,
        "ended_on" => Msg::FieldEndedOn,
        "confirmed_on" => Msg::FieldConfirmedOn,
        "ill_since" => Msg::FieldIllSince,
        "week" => Msg::FieldWeek,
        "card" => Msg::FieldCard,
        "posted" => Msg::FieldPosted,
        "returned" => Msg::FieldReturned,
        "sheet" => Msg::FieldSheet,
        "start" => Msg::FieldStart,
        "order" => Msg::FieldOrder,
        "path" => Msg::FieldPath,
        "printer" => Msg::FieldPrinter,
        "offset_x_mm" => Msg::FieldOffsetX,
        "offset_y_mm" => Msg::FieldOffsetY,
        "address" => Msg::Address,
        "institution_address" => Msg::FieldInstitutionAddress,
        "office_address" => Msg::FieldOfficeAddress,
        "expert" => Msg::FieldExpert,
        "period" => Msg::FieldPeriod,
        "open" => Msg::FieldOfficeOpens,
        "close" => Msg::FieldOfficeCloses,
        "due_weeks" => Msg::FieldDueWeeks,
        "per_hour" => Msg::FieldPerHour,
        "per_hour_under_21" => Msg::FieldPerHourUnder21,
        "per_month" => Msg::FieldPerMonth,
        "per_year" => Msg::FieldPerYear,
        "office_name" => Msg::FieldOfficeName,
        "year" => Msg::FieldYear,
        "tasks" => Msg::FieldTasks,
        "hours_per_week" => Msg::FieldHoursPerWeek,
        "allowance" => Msg::FieldAllowance,
        "amount" => Msg::FieldAmount,
        "expenses" => Msg::FieldExpenses,
        "guidance" => Msg::FieldGuidance,
        "signed_on" => Msg::FieldSignedOn,
        "outcome" => Msg::FieldOutcome,
        "date" => Msg::FieldDate,
        "minutes" => Msg::FieldMinutes,
        "staff" => Msg::FieldStaff,
        "place" => Msg::FieldPlace,
        "held_on" => Msg::FieldHeldOn,
        "agreement" => Msg::FieldAgreement,
        "review" => Msg::FieldReview,
        "description" => Msg::FieldDescription,
        "validity_months" => Msg::FieldValidity,
        "skills" => Msg::FieldSkills,
        "provider" => Msg::FieldProvider,
        "hours" => Msg::FieldHours,
        "cost" => Msg::FieldCost,
        "course" => Msg::FieldCourse,
        "skill" => Msg::FieldSkill,
        "acquired" => Msg::FieldAcquired,
        "on" => Msg::FieldOn,
        "passphrase" => Msg::FieldPassphrase,
        "passphrase_again" => Msg::FieldPassphraseAgain,
        "retention_months" => Msg::FieldRetentionMonths,
        "record" => Msg::FieldRecord,
        "to" => Msg::FieldTo,
        "time" => Msg::FieldTime,
        "title" => Msg::FieldTitle,
        "motion" => Msg::FieldMotion,
        "statute_change" => Msg::FieldStatuteChange,
        "topic" => Msg::FieldTopic,
        "documents" => Msg::FieldDocuments,
        "sent" => Msg::FieldSent,
        "for_votes" => Msg::FieldFor,
        "against" => Msg::FieldAgainst,
        "abstain" => Msg::FieldAbstain,
        "blank" => Msg::FieldBlank,
        "votes" => Msg::ColVote,
        "item" => Msg::ColItem,
        "giver" => Msg::FieldGiver,
        "holder" => Msg::FieldHolder,
        "at_meeting" => Msg::FieldAtMeeting,
        "meeting" => Msg::DetailMeeting,
        "letters" => Msg::FieldLetters,
        "arrived" => Msg::FieldArrived,
        "first" => Msg::FieldFirstMeeting,
        "second_meeting_days" => Msg::FieldSecondTerm,
        _ => Msg::ErrInvalid,
    }
}

/// A field's label, or the raw field name when it has no label (CSV-only columns).
pub fn field_name(field: &str, lang: Lang) -> String {
    match field_label(field) {
        Msg::ErrInvalid => field.to_string(),
        m => m.text(lang).to_string(),
    }
}

/// Why a value was refused, in a language.
pub fn reason(r: &Reason, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let other = |f: &str| field_name(f, lang).to_lowercase();
    match r {
        Reason::Required => if nl { "is verplicht" } else { "is required" }.into(),
        Reason::TooLong(n) => {
            if nl {
                format!("is langer dan {n} tekens")
            } else {
                format!("is longer than {n} characters")
            }
        }
        Reason::BadDate => if nl {
            "is geen datum (dd-mm-jjjj)"
        } else {
            "is not a date (dd-mm-yyyy)"
        }
        .into(),
        Reason::InFuture => if nl {
            "ligt in de toekomst"
        } else {
            "lies in the future"
        }
        .into(),
        Reason::Before(f) => {
            if nl {
                format!("ligt vóór {}", other(f))
            } else {
                format!("lies before {}", other(f))
            }
        }
        Reason::After(f) => {
            if nl {
                format!("ligt na {}", other(f))
            } else {
                format!("lies after {}", other(f))
            }
        }
        Reason::BadPostcode => if nl {
            "is geen Nederlandse postcode (1234 AB)"
        } else {
            "is not a Dutch postcode (1234 AB)"
        }
        .into(),
        Reason::BadEmail => if nl {
            "is geen e-mailadres"
        } else {
            "is not an e-mail address"
        }
        .into(),
        Reason::BadPhone => if nl {
            "is geen telefoonnummer"
        } else {
            "is not a phone number"
        }
        .into(),
        Reason::BadNumber => if nl {
            "is geen geheel positief getal"
        } else {
            "is not a whole positive number"
        }
        .into(),
        Reason::NotOneOf(values) => {
            if nl {
                format!("moet een van deze zijn: {}", values.join(", "))
            } else {
                format!("must be one of: {}", values.join(", "))
            }
        }
        Reason::Taken => if nl {
            "is al in gebruik"
        } else {
            "is already in use"
        }
        .into(),
        Reason::Multiline => if nl {
            "mag geen regelovergang bevatten"
        } else {
            "may not contain a line break"
        }
        .into(),
        Reason::Unchanged => if nl { "is ongewijzigd" } else { "is unchanged" }.into(),
        Reason::TooShort(n) => {
            if nl {
                format!("moet minstens {n} tekens lang zijn")
            } else {
                format!("must be at least {n} characters")
            }
        }
        Reason::BadUserName => if nl {
            "mag alleen letters a-z, cijfers, '.', '-' en '_' bevatten"
        } else {
            "may hold only letters a-z, digits, '.', '-' and '_'"
        }
        .into(),
        Reason::BeforeYear(y) => {
            if nl {
                format!("ligt vóór {y}")
            } else {
                format!("lies before {y}")
            }
        }
        Reason::OutOfRange(min, max) => {
            if nl {
                format!("moet tussen {min} en {max} liggen")
            } else {
                format!("must be between {min} and {max}")
            }
        }
        Reason::EmptyFile => if nl {
            "het bestand is leeg"
        } else {
            "the file is empty"
        }
        .into(),
        // The reader's own words are English internals: the Dutch text goes without them.
        Reason::CsvSyntax(e) => {
            if nl {
                "is geen leesbare CSV: controleer rond deze regel de aanhalingstekens en het scheidingsteken (; of ,)".into()
            } else {
                format!("cannot be read as CSV ({e}): check the quotes and the separator (; or ,) around this line")
            }
        }
        Reason::DuplicateColumn => if nl {
            "kolom staat er twee keer in"
        } else {
            "column appears twice"
        }
        .into(),
        Reason::UnknownColumns(names, count) => unknown_columns(names, *count, nl),
        Reason::MissingColumn => if nl {
            "kolom ontbreekt"
        } else {
            "column is missing"
        }
        .into(),
        Reason::FieldCount(found, expected) => {
            if nl {
                format!("heeft {found} velden, de kopregel {expected}")
            } else {
                format!("has {found} fields, the header has {expected}")
            }
        }
        Reason::NotUtf8 => if nl {
            "is geen geldige UTF-8"
        } else {
            "is not valid UTF-8"
        }
        .into(),
        Reason::AlsoOnLine(line) => {
            if nl {
                format!("staat ook op regel {line}")
            } else {
                format!("also on line {line}")
            }
        }
        Reason::BadHistoryStep(step) => {
            if nl {
                format!("\"{step}\" is niet \"jjjj-mm-dd status\"")
            } else {
                format!("\"{step}\" is not \"yyyy-mm-dd status\"")
            }
        }
        Reason::NotInOrder => if nl {
            "de stappen staan niet op datumvolgorde"
        } else {
            "steps are not in date order"
        }
        .into(),
        Reason::Overlaps => if nl {
            "overlapt met een andere periode"
        } else {
            "overlaps with another period"
        }
        .into(),
        Reason::Closed => if nl { "is afgesloten" } else { "is closed" }.into(),
        Reason::DoesNotExist(n) => {
            if nl {
                format!("{n} bestaat niet")
            } else {
                format!("{n} does not exist")
            }
        }
        Reason::MmRange(min, max) => {
            if nl {
                format!("moet tussen {} en {} mm liggen", mm(*min), mm(*max))
            } else {
                format!("must lie between {} and {} mm", mm(*min), mm(*max))
            }
        }
        Reason::MmAtLeast(0) => if nl {
            "moet meer dan 0 mm zijn"
        } else {
            "must be more than 0 mm"
        }
        .into(),
        Reason::MmAtLeast(min) => {
            if nl {
                format!("moet minstens {} mm zijn", mm(*min))
            } else {
                format!("must be at least {} mm", mm(*min))
            }
        }
        Reason::NotANumber => if nl {
            "is geen getal"
        } else {
            "is not a number"
        }
        .into(),
        Reason::BadId => if nl {
            "mag alleen a-z, 0-9 en '-' bevatten"
        } else {
            "may only hold a-z, 0-9 and '-'"
        }
        .into(),
        Reason::OffPage => if nl {
            "valt (deels) buiten de pagina"
        } else {
            "lies (partly) off the page"
        }
        .into(),
        Reason::OutsideOfficeHours => if nl {
            "valt buiten de openingstijden"
        } else {
            "lies outside office hours"
        }
        .into(),
        Reason::DoubleBooked("expert") => if nl {
            "de ervaringsdeskundige heeft dan al een afspraak"
        } else {
            "the expert already has an appointment then"
        }
        .into(),
        Reason::DoubleBooked(_) => if nl {
            "de gespreksleider heeft dan al een afspraak"
        } else {
            "the staff member already has an appointment then"
        }
        .into(),
        Reason::NotSigned => if nl {
            "is nog niet ondertekend"
        } else {
            "is not signed yet"
        }
        .into(),
        Reason::NotDraft => if nl {
            "kan alleen gewijzigd worden zolang het een concept is"
        } else {
            "can only be changed while a draft"
        }
        .into(),
        Reason::UnknownName(name) => {
            if nl {
                format!("\"{name}\" is onbekend")
            } else {
                format!("\"{name}\" is not known")
            }
        }
        Reason::NoNumberLeft => {
            let max = kapstok_core::members::csv::MAX_MEMBER_NUMBER;
            if nl {
                format!("er is geen nummer meer vrij: het volgende zou boven het hoogste lidnummer ({max}) komen; geef het lid zelf een vrij nummer of vraag hulp")
            } else {
                format!("no number is left: the next would lie above the highest member number ({max}); give the member a free number yourself or ask for help")
            }
        }
        Reason::LateConvocation(deadline) => {
            let date = kapstok_core::common::format_date(*deadline);
            if nl {
                format!("ligt na de uiterste oproepingsdatum {date}")
            } else {
                format!("lies after the convocation deadline {date}")
            }
        }
        Reason::NoVotingRight => if nl {
            "heeft geen stemrecht (geschorst of geen lid meer)"
        } else {
            "has no vote (suspended or no longer a member)"
        }
        .into(),
        Reason::NotPresent => if nl {
            "is niet aanwezig"
        } else {
            "is not present"
        }
        .into(),
        Reason::AlreadyPresent => if nl {
            "is al aanwezig"
        } else {
            "is already present"
        }
        .into(),
        Reason::ProxyLimit(n) => {
            if nl {
                format!("heeft al het maximum aantal volmachten ({n})")
            } else {
                format!("already holds the most proxies allowed ({n})")
            }
        }
        Reason::ProxiesNotAllowed => if nl {
            "volmachten zijn volgens de statuten niet toegestaan"
        } else {
            "the statutes allow no proxies"
        }
        .into(),
        Reason::MoreVotesThanPower(n) => {
            if nl {
                format!("meer stemmen dan het aanwezige stemrecht ({n})")
            } else {
                format!("more votes than the voting power present ({n})")
            }
        }
        Reason::BadTime => if nl {
            "is geen tijd (uu:mm)"
        } else {
            "is not a time (hh:mm)"
        }
        .into(),
        Reason::SamePerson => if nl {
            "is dezelfde persoon"
        } else {
            "is the same person"
        }
        .into(),
        Reason::NotADecision => if nl {
            "is een mededeling zonder stemming"
        } else {
            "is an information item without a vote"
        }
        .into(),
        Reason::NoFailedQuorum => if nl {
            "er is geen agendapunt dat het quorum niet haalde"
        } else {
            "no item failed its quorum"
        }
        .into(),
        Reason::Other(text) => text.clone(),
        Reason::Erased => if nl {
            "hoort bij iemand van wie de gegevens gewist zijn"
        } else {
            "belongs to a person whose data was erased"
        }
        .into(),
        Reason::StillMember => if nl {
            "is nog lid: beëindig eerst het lidmaatschap"
        } else {
            "is still a member: end the membership first"
        }
        .into(),
        Reason::ControlCharacter(c) => {
            let which = control_name(*c, nl);
            if nl {
                format!("bevat een stuurteken dat hier niet mag ({which}): haal het weg (het komt meestal mee met geplakte tekst of uit een bestand) en probeer het opnieuw")
            } else {
                format!("holds a control character that is not allowed here ({which}): remove it (it usually comes with pasted text or from a file) and try again")
            }
        }
        Reason::UnclosedQuote => if nl {
            "hier opent een \" die niet wordt gesloten, waardoor de regels erna in dit veld belanden: sluit hem met een \" of haal hem weg (een \" in een tekst schrijf je als \"\")"
        } else {
            "a \" opens here that is not closed, so the lines after it run into this field: close it with a \" or remove it (a \" inside a text is written as \"\")"
        }
        .into(),
    }
}

/// A control character as a user can find it: its code point and, for the common ones, its name.
fn control_name(c: char, nl: bool) -> String {
    let name = match (c, nl) {
        ('\0', _) => "NUL",
        ('\u{1b}', _) => "Escape",
        ('\u{7f}', _) => "Delete",
        ('\t', _) => "tab",
        ('\n' | '\r', true) => "regelovergang",
        ('\n' | '\r', false) => "line break",
        (_, true) => "stuurteken",
        (_, false) => "control character",
    };
    format!("U+{:04X}, {name}", u32::from(c))
}

/// Unknown CSV columns: the first few by name, and how many more.
fn unknown_columns(names: &[String], count: usize, nl: bool) -> String {
    let shown: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let more = count.saturating_sub(names.len());
    let list = shown.join(", ");
    match (count, more, nl) {
        (1, _, true) => format!("onbekende kolom {list}"),
        (1, _, false) => format!("unknown column {list}"),
        (_, 0, true) => format!("{count} onbekende kolommen: {list}"),
        (_, 0, false) => format!("{count} unknown columns: {list}"),
        (_, _, true) => format!("{count} onbekende kolommen: {list} en nog {more}"),
        (_, _, false) => format!("{count} unknown columns: {list} and {more} more"),
    }
}

/// One field error as a sentence: "Postcode: is geen Nederlandse postcode (1234 AB)".
pub fn field_error(e: &FieldError, lang: Lang) -> String {
    format!("{}: {}", field_name(e.field, lang), reason(&e.reason, lang))
}

/// One import row error: "regel 5: Postcode: ...; E-mail: ...".
pub fn row_error(e: &RowError, lang: Lang) -> String {
    let parts: Vec<String> = e.errors.iter().map(|f| field_error(f, lang)).collect();
    format!(
        "{} {}: {}",
        Msg::ErrLine.text(lang),
        e.line,
        parts.join("; ")
    )
}

fn permission(p: Permission, lang: Lang) -> &'static str {
    match (p, lang) {
        (Permission::MembersRead, Lang::Nl) => "de ledenlijst inzien",
        (Permission::MembersRead, Lang::En) => "view the member register",
        (Permission::MembersWrite, Lang::Nl) => "de ledenlijst wijzigen",
        (Permission::MembersWrite, Lang::En) => "change the member register",
        (Permission::UsersManage, Lang::Nl) => "gebruikers beheren",
        (Permission::UsersManage, Lang::En) => "manage users",
        (Permission::AuditRead, Lang::Nl) => "het logboek inzien",
        (Permission::AuditRead, Lang::En) => "view the audit log",
        (Permission::SettingsWrite, Lang::Nl) => "instellingen wijzigen",
        (Permission::SettingsWrite, Lang::En) => "change settings",
        (Permission::BaseMailRun, Lang::Nl) => "BaseMail draaien",
        (Permission::BaseMailRun, Lang::En) => "run BaseMail",
        (Permission::ExpertsManage, Lang::Nl) => {
            "overeenkomsten en gesprekken van ervaringsdeskundigen beheren"
        }
        (Permission::ExpertsManage, Lang::En) => "manage experts' agreements and reviews",
        (Permission::BaseMailManage, Lang::Nl) => "inrichtingen en ontvangers van BaseMail beheren",
        (Permission::BaseMailManage, Lang::En) => "manage BaseMail's institutions and recipients",
        (Permission::MeetingsRead, Lang::Nl) => "de ledenvergaderingen inzien",
        (Permission::MeetingsRead, Lang::En) => "see the general meetings",
        (Permission::MeetingsManage, Lang::Nl) => "de ledenvergaderingen voorbereiden en leiden",
        (Permission::MeetingsManage, Lang::En) => "prepare and run the general meetings",
        (Permission::StoreManage, Lang::Nl) => {
            "reservekopieën maken en de wachtwoordzin van de opslag wijzigen"
        }
        (Permission::StoreManage, Lang::En) => "back up the store and change its passphrase",
        (Permission::MembersExport, Lang::Nl) => "de hele ledenlijst exporteren",
        (Permission::MembersExport, Lang::En) => "export the whole member register",
    }
}

/// Why one label does not fit, with the card's name.
pub fn unfit(u: &kapstok_core::basemail::Unfit, lang: Lang) -> String {
    use kapstok_core::print::FitReason;
    let nl = lang == Lang::Nl;
    let line = u.line.as_deref().unwrap_or("");
    let why = match &u.reason {
        FitReason::TooWide { .. } => {
            if nl {
                format!("regel te breed: \"{line}\"")
            } else {
                format!("line too wide: \"{line}\"")
            }
        }
        FitReason::TooManyLines => if nl {
            "te veel regels"
        } else {
            "too many lines"
        }
        .to_string(),
        FitReason::MissingGlyph { ch, .. } => {
            if nl {
                format!(
                    "teken \"{}\" (U+{:04X}) kan niet gedrukt worden",
                    kapstok_core::common::printable(&ch.to_string()),
                    u32::from(*ch)
                )
            } else {
                format!(
                    "character \"{}\" (U+{:04X}) cannot be printed",
                    kapstok_core::common::printable(&ch.to_string()),
                    u32::from(*ch)
                )
            }
        }
        FitReason::Empty => if nl {
            "geen adresregels"
        } else {
            "no address lines"
        }
        .to_string(),
    };
    format!("{} ({why})", u.name)
}

/// A core error as a sentence for the user.
pub fn error(e: &Error, lang: Lang) -> String {
    match e {
        Error::Invalid(fields) => {
            let parts: Vec<String> = fields.iter().map(|f| field_error(f, lang)).collect();
            format!("{}: {}", Msg::ErrInvalid.text(lang), parts.join("; "))
        }
        Error::Import(rows) => {
            let parts: Vec<String> = rows.iter().map(|r| row_error(r, lang)).collect();
            format!("{}:\n{}", Msg::ErrImport.text(lang), parts.join("\n"))
        }
        Error::Unfit(labels) => {
            let parts: Vec<String> = labels.iter().map(|u| unfit(u, lang)).collect();
            format!("{}: {}", Msg::ErrUnfit.text(lang), parts.join("; "))
        }
        Error::Denied(p) => format!("{}: {}", Msg::ErrDenied.text(lang), permission(*p, lang)),
        Error::BadLogin => Msg::ErrBadLogin.text(lang).into(),
        Error::NotEmpty => Msg::ErrNotEmpty.text(lang).into(),
        Error::NotFound { kind, id } => format!(
            "{}: {} {id}",
            Msg::ErrNotFound.text(lang),
            record_kind(kind, lang)
        ),
        Error::AlreadyOpen { path } => format!("{} ({path}).", Msg::ErrAlreadyOpen.text(lang)),
        Error::NewerFormat { found, supported } => {
            format!("{} ({found} > {supported})", Msg::ErrNewerFormat.text(lang))
        }
        // What went wrong inside is for whoever helps: `error_detail` has it.
        Error::Corrupt { tree, key, .. } => fill(
            Msg::ErrCorrupt,
            lang,
            &[("table", &table_name(tree, lang)), ("key", key)],
        ),
        Error::Storage(_) => Msg::ErrStorage.text(lang).into(),
        Error::Io { path, detail } => format!("{path}: {}", io_detail(detail, lang)),
        Error::Locked => Msg::ErrLocked.text(lang).into(),
        Error::BadPassphrase => Msg::ErrBadPassphrase.text(lang).into(),
        Error::NotEncrypted => Msg::ErrNotEncrypted.text(lang).into(),
        Error::ReadOnly { detail } => match io_kind(detail, lang) {
            Some(why) => format!("{} ({why}).", Msg::ErrReadOnly.text(lang)),
            None => format!("{}.", Msg::ErrReadOnly.text(lang)),
        },
        Error::OutputInStore { path, store } => fill(
            Msg::ErrOutputInStore,
            lang,
            &[("path", path), ("store", store)],
        ),
        Error::BadBackup {
            path,
            line,
            problem,
        } => {
            let problem = backup_problem(problem, lang);
            if *line == 0 {
                fill(
                    Msg::ErrBadBackupWhole,
                    lang,
                    &[("path", path), ("problem", &problem)],
                )
            } else {
                fill(
                    Msg::ErrBadBackup,
                    lang,
                    &[
                        ("path", path),
                        ("line", &line.to_string()),
                        ("problem", &problem),
                    ],
                )
            }
        }
    }
}

/// What is wrong with a backup file, in words.
fn backup_problem(p: &kapstok_core::store::dump::BackupProblem, lang: Lang) -> String {
    use kapstok_core::store::dump::BackupProblem as P;
    let plain = |m: Msg| m.text(lang).to_string();
    match p {
        P::Unreadable(detail) => fill(Msg::BackupUnreadable, lang, &[("detail", detail)]),
        P::Empty => plain(Msg::BackupEmpty),
        P::NoHeader => plain(Msg::BackupNoHeader),
        P::UnsupportedVersion(v) => fill(Msg::BackupVersion, lang, &[("version", &v.to_string())]),
        P::AfterCheckLine(at) => fill(Msg::BackupAfterCheck, lang, &[("at", &at.to_string())]),
        P::NotUtf8 => plain(Msg::BackupNotUtf8),
        P::NotAnEntry => plain(Msg::BackupNotAnEntry),
        P::CutShort => plain(Msg::BackupCutShort),
        P::UnknownTree(tree) => fill(Msg::BackupUnknownTree, lang, &[("tree", tree)]),
        P::KeyNotHex | P::ValueNotHex | P::KeyLength => plain(Msg::BackupBadEntry),
        P::UnencryptedValue => plain(Msg::BackupUnencrypted),
        P::NotARecord => plain(Msg::BackupNotARecord),
        P::Repeated => plain(Msg::BackupRepeated),
        P::Incomplete { found, expected } => fill(
            Msg::BackupIncomplete,
            lang,
            &[
                ("found", &found.to_string()),
                ("expected", &expected.to_string()),
            ],
        ),
        P::Damaged => plain(Msg::BackupDamaged),
        P::NoCheckLine => plain(Msg::BackupNoCheckLine),
        P::BadFormatVersion
        | P::NoFormatVersion
        | P::FormatVersionDiffers
        | P::FormatVersionZero => plain(Msg::BackupFormat),
        P::ForgedOldDump => plain(Msg::BackupForgedOld),
        P::EncryptionDisagrees => plain(Msg::BackupEncryption),
        P::AlreadyEncrypted => plain(Msg::BackupAlreadyEncrypted),
    }
}

/// The technical detail of an error, for whoever helps (a developer, the log), kept out of the
/// message itself: the decoder's words about a damaged record, the storage engine's, the
/// system's. `None` when the message says it all.
pub fn error_detail(e: &Error) -> Option<String> {
    match e {
        Error::Corrupt { tree, key, detail } => Some(format!("{tree}/{key}: {detail}")),
        Error::Storage(detail) | Error::ReadOnly { detail } => Some(detail.clone()),
        Error::Io { detail, .. } if io_detail(detail, Lang::Nl) != *detail => Some(detail.clone()),
        _ => None,
    }
}

/// What kind of record, in words (`member` is "lid").
fn record_kind(kind: &str, lang: Lang) -> String {
    let nl = match kind {
        "member" => "lid",
        "user" => "gebruiker",
        "institution" => "inrichting",
        "recipient" => "ontvanger",
        "stay" => "verblijf",
        "card run" => "kaartronde",
        "agreement" => "overeenkomst",
        "review" => "functioneringsgesprek",
        "meeting" => "ledenvergadering",
        "skill" => "vaardigheid",
        "task" => "taakomschrijving",
        "course" => "training",
        "skill held" => "behaalde vaardigheid",
        "plan item" => "punt van een opleidingsplan",
        "audit entry" => "logregel",
        _ => return kind.to_string(),
    };
    match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => kind.to_string(),
    }
}

/// A store table (tree) in words, with its own name for whoever helps.
fn table_name(tree: &str, lang: Lang) -> String {
    let nl = match tree {
        "meta" => "beheergegevens",
        "users" => "gebruikers",
        "audit" => "logboek",
        "members" => "leden",
        "settings" => "instellingen",
        "institutions" => "inrichtingen",
        "recipients" => "ontvangers",
        "stays" => "verblijven",
        "runs" => "kaartrondes",
        "agreements" => "overeenkomsten",
        "reviews" => "functioneringsgesprekken",
        "allowance_limits" => "vergoedingsgrenzen",
        "skills" => "vaardigheden",
        "tasks" => "taakomschrijvingen",
        "courses" => "trainingen",
        "skills_held" => "behaalde vaardigheden",
        "plan_items" => "opleidingsplannen",
        "meetings" => "ledenvergaderingen",
        "consent_history" => "toestemmingen",
        "erasures" => "gewiste personen",
        "birthdays" => "verjaardagen",
        _ => return tree.to_string(),
    };
    match lang {
        Lang::Nl => format!("{nl} ({tree})"),
        Lang::En => tree.to_string(),
    }
}

/// The system's words for a file error ("No such file or directory (os error 2)"), in the
/// user's language for the common ones; other texts as they are.
fn io_detail(detail: &str, lang: Lang) -> String {
    let code = detail
        .rsplit_once("(os error ")
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .and_then(|n| n.parse::<i32>().ok());
    let nl = lang == Lang::Nl;
    let text = match code {
        Some(2) if nl => "bestaat niet; controleer de naam en de map",
        Some(2) => "does not exist; check the name and the folder",
        Some(13) | Some(1) if nl => "geen toegang; kies een map waar u mag schrijven",
        Some(13) | Some(1) => "permission denied; choose a folder you may write to",
        Some(17) if nl => "bestaat al; kies een andere naam",
        Some(17) => "already exists; choose another name",
        Some(20) if nl => "een deel van het pad is geen map",
        Some(20) => "part of the path is not a folder",
        Some(21) if nl => "is een map, geen bestand",
        Some(21) => "is a folder, not a file",
        Some(28) if nl => "de schijf is vol",
        Some(28) => "the disk is full",
        Some(30) if nl => "de schijf is alleen-lezen",
        Some(30) => "the disk is read-only",
        _ => return io_kind(detail, lang).unwrap_or_else(|| detail.to_string()),
    };
    text.to_string()
}

/// `std::io::ErrorKind`'s words (as `ReadOnly` carries them), in the user's language.
fn io_kind(detail: &str, lang: Lang) -> Option<String> {
    let (nl, en) = match detail {
        "permission denied" => ("geen toegang", "permission denied"),
        "read-only filesystem or storage medium" => {
            ("de schijf is alleen-lezen", "the disk is read-only")
        }
        "no storage space" => ("de schijf is vol", "the disk is full"),
        "file too large" => ("het bestand is te groot", "the file is too large"),
        "filesystem quota exceeded" => ("uw schijfquotum is op", "your disk quota is used up"),
        "entity not found" | "not found" => ("bestaat niet", "does not exist"),
        _ => return None,
    };
    Some(match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    })
}

/// A message with its `{name}` places filled in.
pub fn fill(m: Msg, lang: Lang, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(m.text(lang).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Why a card is sent, in words.
pub fn card_reason(r: CardReason) -> Msg {
    match r {
        CardReason::Detained => Msg::ReasonDetained,
        CardReason::Clinic => Msg::ReasonClinic,
        CardReason::Hospital => Msg::ReasonHospital,
        CardReason::Birthday => Msg::ReasonBirthday,
        CardReason::Ill => Msg::ReasonIll,
        CardReason::Manual => Msg::ReasonManual,
    }
}

/// The reasons of a card, in words: "gedetineerd, verjaardag".
pub fn card_reasons(reasons: &[CardReason], lang: Lang) -> String {
    let words: Vec<&str> = reasons.iter().map(|r| card_reason(*r).text(lang)).collect();
    words.join(", ")
}

/// The words on the run sheet PDF, in a language; the reasons as the screens name them.
pub fn run_sheet_texts(lang: Lang) -> RunSheetTexts {
    let text = |m: Msg| m.text(lang).to_string();
    RunSheetTexts {
        title: text(Msg::RunSheetTitle),
        written: text(Msg::Written),
        posted: text(Msg::RunSheetPosted),
        writer: text(Msg::ColWriter),
        rules: text(Msg::HouseRules),
        sender: text(Msg::SenderRequired),
        reasons: CardReason::ALL
            .iter()
            .map(|r| (*r, text(card_reason(*r))))
            .collect(),
    }
}

/// Why someone is left out of a run, in words.
pub fn left_out_reason(r: &LeftOutReason, lang: Lang) -> String {
    let text = |m: Msg| m.text(lang).to_string();
    match r {
        LeftOutReason::Deceased => text(Msg::LeftDeceased),
        LeftOutReason::Ended => text(Msg::LeftEnded),
        LeftOutReason::NoConsent => text(Msg::LeftNoConsent),
        LeftOutReason::StayEnded => text(Msg::LeftStayEnded),
        LeftOutReason::ReleasePassed => text(Msg::LeftReleasePassed),
        LeftOutReason::NoAddress(field) => format!(
            "{}: {}",
            Msg::LeftNoAddress.text(lang),
            field_name(field, lang).to_lowercase()
        ),
        LeftOutReason::Returned => text(Msg::LeftReturned),
        LeftOutReason::RemovedByHand(why) => format!("{}: {why}", Msg::LeftRemoved.text(lang)),
    }
}

/// A week's run without cards: the week, and who was left out grouped by reason
/// ("2 × overleden, 1 × ...").
pub fn no_cards(n: &kapstok_core::basemail::NoCards, lang: Lang) -> String {
    let week = n.week.to_string();
    if n.left_out.is_empty() {
        return fill(Msg::NoCardsNobodyLeftOut, lang, &[("week", &week)]);
    }
    let reasons: Vec<String> = n
        .left_out
        .iter()
        .map(|(reason, count)| format!("{count} × {}", left_out_reason(reason, lang)))
        .collect();
    fill(
        Msg::NoCardsInWeek,
        lang,
        &[
            ("week", &week),
            ("left", &n.total().to_string()),
            ("reasons", &reasons.join(", ")),
        ],
    )
}

/// The kind of an institution, in words.
pub fn institution_kind(k: InstitutionKind) -> Msg {
    match k {
        InstitutionKind::Prison => Msg::KindPrison,
        InstitutionKind::DetentionCentre => Msg::KindDetentionCentre,
        InstitutionKind::LongStayClinic => Msg::KindLongStayClinic,
        InstitutionKind::DetoxClinic => Msg::KindDetoxClinic,
        InstitutionKind::Hospital => Msg::KindHospital,
        InstitutionKind::PrisonAbroad => Msg::KindPrisonAbroad,
    }
}

/// Where an agreement stands, in words.
pub fn agreement_state(s: AgreementState) -> Msg {
    match s {
        AgreementState::Draft => Msg::StateDraft,
        AgreementState::Signed => Msg::StateSigned,
        AgreementState::Active => Msg::StateActive,
        AgreementState::Ended => Msg::StateEnded,
    }
}

/// The outcome of a review, in words.
pub fn outcome(o: Outcome) -> Msg {
    match o {
        Outcome::Stop => Msg::OutcomeStop,
        Outcome::Adjust => Msg::OutcomeAdjust,
        Outcome::Continue => Msg::OutcomeContinue,
    }
}

/// How an agreement's period was chosen, in words.
pub fn period_kind(k: PeriodKind) -> Msg {
    match k {
        PeriodKind::FirstHalf => Msg::PeriodFirstHalf,
        PeriodKind::SecondHalf => Msg::PeriodSecondHalf,
        PeriodKind::Custom => Msg::PeriodCustom,
    }
}

/// An allowance in words: "€ 5,75 per uur", "geen".
pub fn allowance(a: Allowance, lang: Lang) -> String {
    match a {
        Allowance::None => Msg::AllowanceNone.text(lang).to_string(),
        Allowance::PerHour(c) => format!("{c} {}", Msg::AllowancePerHour.text(lang)),
        Allowance::PerMonth(c) => format!("{c} {}", Msg::AllowancePerMonth.text(lang)),
    }
}

/// Where a review stands, in words: "gepland", "gehouden op 30-11-2026".
pub fn review_status(s: &ReviewStatus, lang: Lang) -> String {
    match s {
        ReviewStatus::Scheduled => Msg::ReviewScheduled.text(lang).to_string(),
        ReviewStatus::Cancelled => Msg::ReviewCancelled.text(lang).to_string(),
        ReviewStatus::NoShow => Msg::ReviewNoShow.text(lang).to_string(),
        ReviewStatus::Held(on) => fill(Msg::ReviewHeld, lang, &[("date", &format_date(*on))]),
    }
}

/// The short name of a weekday: "ma" / "Mon".
pub fn weekday_short(day: chrono::Weekday, lang: Lang) -> &'static str {
    const NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::Nl => NL[i % 7],
        Lang::En => EN[i % 7],
    }
}

/// The name of a month, 1-12: "juli" / "July".
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Nl => NL[i],
        Lang::En => EN[i],
    }
}

/// A moment of a review, short: "ma 30-11 10:00" / "Mon 30-11 10:00".
pub fn when(at: chrono::NaiveDateTime, lang: Lang) -> String {
    use chrono::Datelike;
    format!(
        "{} {}",
        weekday_short(at.weekday(), lang),
        at.format("%d-%m %H:%M")
    )
}

/// Months above the monthly limit, consecutive months with the same amount as one run:
/// "juli–december 2026 (€ 400,00)", "juni 2026 (€ 230,00), augustus 2026 (€ 240,00)".
fn month_runs(months: &[&AllowanceWarning], lang: Lang) -> Vec<String> {
    /// A year and month.
    type Month = (i32, u32);
    let mut runs: Vec<(Month, Month, Cents)> = Vec::new();
    for w in months {
        let AllowanceWarning::PerMonth {
            year,
            month,
            amount,
            ..
        } = w
        else {
            continue;
        };
        let next_of = |(y, m): (i32, u32)| if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        match runs.last_mut() {
            Some((_, last, a)) if *a == *amount && next_of(*last) == (*year, *month) => {
                *last = (*year, *month);
            }
            _ => runs.push(((*year, *month), (*year, *month), *amount)),
        }
    }
    runs.into_iter()
        .map(|((y1, m1), (y2, m2), amount)| {
            let name = |m| month_name(m, lang);
            if (y1, m1) == (y2, m2) {
                format!("{} {y1} ({amount})", name(m1))
            } else if y1 == y2 {
                format!("{}–{} {y1} ({amount})", name(m1), name(m2))
            } else {
                format!("{} {y1}–{} {y2} ({amount})", name(m1), name(m2))
            }
        })
        .collect()
}

/// Why an allowance would not be tax-free, one sentence per kind of limit, with the amounts.
/// Several months above the monthly limit make one sentence.
pub fn allowance_warnings(warnings: &[AllowanceWarning], lang: Lang) -> Vec<String> {
    let months: Vec<&AllowanceWarning> = warnings
        .iter()
        .filter(|w| matches!(w, AllowanceWarning::PerMonth { .. }))
        .collect();
    let mut out = Vec::new();
    let mut months_done = false;
    for w in warnings {
        match w {
            AllowanceWarning::NoLimits { year } => out.push(fill(
                Msg::WarnNoLimits,
                lang,
                &[("year", &year.to_string())],
            )),
            AllowanceWarning::PerHour {
                amount,
                limit,
                under_21,
            } => out.push(fill(
                if *under_21 {
                    Msg::WarnPerHourUnder21
                } else {
                    Msg::WarnPerHour
                },
                lang,
                &[
                    ("amount", &amount.to_string()),
                    ("limit", &limit.to_string()),
                ],
            )),
            AllowanceWarning::PerMonth {
                year,
                month,
                amount,
                limit,
            } if months.len() == 1 => out.push(fill(
                Msg::WarnPerMonth,
                lang,
                &[
                    ("month", &format!("{} {year}", month_name(*month, lang))),
                    ("amount", &amount.to_string()),
                    ("limit", &limit.to_string()),
                ],
            )),
            AllowanceWarning::PerMonth { limit, .. } => {
                if months_done {
                    continue;
                }
                months_done = true;
                let list = month_runs(&months, lang);
                out.push(fill(
                    Msg::WarnPerMonths,
                    lang,
                    &[("months", &list.join(", ")), ("limit", &limit.to_string())],
                ));
            }
            AllowanceWarning::PerYear {
                year,
                amount,
                limit,
                months,
            } => out.push(fill(
                Msg::WarnPerYear,
                lang,
                &[
                    ("year", &year.to_string()),
                    ("amount", &amount.to_string()),
                    ("limit", &limit.to_string()),
                    ("months", &months.to_string()),
                ],
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_by_default_and_english_on_request() {
        assert_eq!(Lang::default(), Lang::Nl);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Msg::TabMembers.text(Lang::Nl), "Leden");
        assert_eq!(Msg::TabMembers.text(Lang::En), "Members");
    }

    #[test]
    fn errors_name_field_and_reason() {
        let e = Error::Import(vec![RowError {
            line: 5,
            errors: vec![FieldError::new("postcode", Reason::BadPostcode)],
        }]);
        assert!(error(&e, Lang::Nl).contains("regel 5: Postcode: is geen Nederlandse postcode"));
        assert!(error(&e, Lang::En).contains("line 5: Postcode: is not a Dutch postcode"));
        let e = Error::AlreadyOpen { path: "/x".into() };
        assert!(error(&e, Lang::En).contains("already open in another kapstok window"));
    }

    /// Debug output and English internals of the decoder and the storage engine.
    fn internals(text: &str) -> bool {
        [
            "UnexpectedEnd",
            "additional",
            "left over",
            "bytes",
            "{",
            "}",
            "Error",
            "os error",
        ]
        .iter()
        .any(|w| text.contains(w))
    }

    #[test]
    fn damaged_records_are_explained_without_internals() {
        for detail in [
            "UnexpectedEnd { additional: 1 }",
            "15 bytes left over after the record",
            "unknown codec tag 7",
        ] {
            let e = Error::Corrupt {
                tree: "members".into(),
                key: "12".into(),
                detail: detail.into(),
            };
            let nl = error(&e, Lang::Nl);
            assert_eq!(
                nl,
                "Gegevens in de opslag zijn beschadigd (tabel leden (members), record 12); er is \
                 niets gewijzigd. Herstel een back-up (kapstok restore) of vraag hulp."
            );
            let en = error(&e, Lang::En);
            assert!(en.contains("table members, record 12"), "{en}");
            assert!(en.contains("kapstok restore"), "{en}");
            assert!(!internals(&nl) && !internals(&en), "{nl} / {en}");
            // The detail is kept for whoever helps.
            assert_eq!(error_detail(&e), Some(format!("members/12: {detail}")));
        }
    }

    #[test]
    fn no_error_shows_debug_output_or_english_internals_in_dutch() {
        let errors = [
            Error::Storage("cannot encode a record: UnexpectedEnd { additional: 1 }".into()),
            Error::ReadOnly {
                detail: "read-only filesystem or storage medium".into(),
            },
            Error::ReadOnly {
                detail: "some new kind".into(),
            },
            Error::Io {
                path: "/tmp/x.csv".into(),
                detail: "No such file or directory (os error 2)".into(),
            },
            Error::Io {
                path: "/tmp/x.csv".into(),
                detail: "Permission denied (os error 13)".into(),
            },
            Error::NotFound {
                kind: "member",
                id: 12,
            },
            Error::NotFound {
                kind: "card run",
                id: 3,
            },
            Error::Denied(Permission::MembersExport),
            Error::Invalid(vec![FieldError::new(
                "surname",
                Reason::ControlCharacter('\u{1b}'),
            )]),
            Error::Import(vec![RowError {
                line: 2,
                errors: vec![FieldError::new(
                    "header",
                    Reason::CsvSyntax("CSV error: x".into()),
                )],
            }]),
        ];
        for e in &errors {
            let nl = error(e, Lang::Nl);
            assert!(!internals(&nl), "{nl}");
            for english in [
                "member",
                "card run",
                "read-only",
                "such file",
                "Permission",
                "CSV error",
            ] {
                assert!(!nl.contains(english), "{english} in {nl}");
            }
        }
        assert_eq!(error(&errors[5], Lang::Nl), "Bestaat niet: lid 12");
        assert_eq!(
            error(&errors[3], Lang::Nl),
            "/tmp/x.csv: bestaat niet; controleer de naam en de map"
        );
        assert_eq!(
            error_detail(&errors[0]).as_deref(),
            Some("cannot encode a record: UnexpectedEnd { additional: 1 }")
        );
    }

    #[test]
    fn new_reasons_say_what_and_what_to_do() {
        let nl = reason(&Reason::ControlCharacter('\u{1b}'), Lang::Nl);
        assert!(
            nl.contains("U+001B, Escape") && nl.contains("haal het weg"),
            "{nl}"
        );
        let en = reason(&Reason::ControlCharacter('\0'), Lang::En);
        assert!(
            en.contains("U+0000, NUL") && en.contains("remove it"),
            "{en}"
        );
        let nl = reason(&Reason::ControlCharacter('\t'), Lang::Nl);
        assert!(nl.contains("U+0009, tab"), "{nl}");
        let nl = row_error(
            &RowError {
                line: 2,
                errors: vec![FieldError::new("surname", Reason::UnclosedQuote)],
            },
            Lang::Nl,
        );
        assert!(
            nl.starts_with("regel 2: Achternaam: hier opent een \" die niet wordt gesloten"),
            "{nl}"
        );
        let names: Vec<String> = (0..5).map(|i| format!("k{i}")).collect();
        assert_eq!(
            reason(&Reason::UnknownColumns(names.clone(), 100_000), Lang::Nl),
            "100000 onbekende kolommen: \"k0\", \"k1\", \"k2\", \"k3\", \"k4\" en nog 99995"
        );
        assert_eq!(
            reason(
                &Reason::UnknownColumns(vec!["telefoon".into()], 1),
                Lang::En
            ),
            "unknown column \"telefoon\""
        );
        let nl = reason(&Reason::NoNumberLeft, Lang::Nl);
        assert!(nl.contains("999999999"), "{nl}");
    }

    #[test]
    fn basemail_words_in_both_languages() {
        assert_eq!(
            card_reasons(&[CardReason::Detained, CardReason::Birthday], Lang::Nl),
            "gedetineerd, verjaardag"
        );
        let missing = LeftOutReason::NoAddress("registration_number".into());
        assert_eq!(
            left_out_reason(&missing, Lang::En),
            "no address; missing: registration number"
        );
        for k in InstitutionKind::ALL {
            assert_ne!(
                institution_kind(k).text(Lang::Nl),
                institution_kind(k).text(Lang::En)
            );
        }
        assert_eq!(
            fill(
                Msg::RunPosted,
                Lang::Nl,
                &[("week", "2026-W48"), ("date", "23-11-2026")]
            ),
            "Ronde 2026-W48 gepost en afgesloten op 23-11-2026."
        );
    }

    #[test]
    fn allowance_warnings_are_sentences_with_the_amounts() {
        let hour = AllowanceWarning::PerHour {
            amount: Cents(600),
            limit: Cents(575),
            under_21: false,
        };
        assert_eq!(
            allowance_warnings(&[hour], Lang::Nl),
            ["€ 6,00 per uur is meer dan de grens van € 5,75 per uur voor 21 jaar en ouder."]
        );
        let month = |month, amount| AllowanceWarning::PerMonth {
            year: 2026,
            month,
            amount: Cents(amount),
            limit: Cents(22_000),
        };
        assert_eq!(
            allowance_warnings(&[month(7, 24_000)], Lang::En),
            [
                "In July 2026 the allowance comes to € 240,00, more than the monthly limit of \
              € 220,00."
            ]
        );
        let both = allowance_warnings(&[month(7, 24_000), month(8, 23_000)], Lang::Nl);
        assert_eq!(
            both,
            [
                "In juli 2026 (€ 240,00), augustus 2026 (€ 230,00) komt de vergoeding boven de \
              maandgrens van € 220,00 (maanden tellen apart)."
            ]
        );
        let all: Vec<AllowanceWarning> = (7..=12).map(|m| month(m, 40_000)).collect();
        assert_eq!(
            allowance_warnings(&all, Lang::Nl),
            [
                "In juli–december 2026 (€ 400,00) komt de vergoeding boven de maandgrens van \
              € 220,00 (maanden tellen apart)."
            ]
        );
        let year = AllowanceWarning::PerYear {
            year: 2026,
            amount: Cents(123_450),
            limit: Cents(110_000),
            months: 6,
        };
        assert!(allowance_warnings(&[year], Lang::Nl)[0].contains("€ 1.234,50"));
        assert!(
            allowance_warnings(&[AllowanceWarning::NoLimits { year: 2027 }], Lang::En)[0]
                .contains("No allowance limits are known for 2027")
        );
        assert_eq!(
            allowance(Allowance::PerHour(Cents(575)), Lang::Nl),
            "€ 5,75 per uur"
        );
    }

    #[test]
    fn the_run_sheet_speaks_the_users_language() {
        let nl = run_sheet_texts(Lang::Nl);
        let en = run_sheet_texts(Lang::En);
        assert_eq!(
            (nl.written.as_str(), nl.posted.as_str()),
            ("geschreven", "gepost")
        );
        assert_eq!(en.title, "BaseMail run");
        assert_eq!(nl.reasons.len(), CardReason::ALL.len());
        assert_eq!(en.reasons[&CardReason::Detained], "detained");
        assert_eq!(nl.reasons[&CardReason::Manual], "met de hand");
        assert_eq!(field_name("offset_x_mm", Lang::Nl), "Verschuiving x (mm)");
    }
}
