//! Why a value was refused (core's reason codes), and what a role may not do.

area! {
    Reasons;
    plain {
        RefusedRequired => "is verplicht", "is required";
        RefusedBadDate => "is geen datum (dd-mm-jjjj)", "is not a date (dd-mm-yyyy)";
        RefusedInFuture => "ligt in de toekomst", "lies in the future";
        RefusedBadPostcode => "is geen Nederlandse postcode (1234 AB)", "is not a Dutch postcode (1234 AB)";
        RefusedBadEmail => "is geen e-mailadres", "is not an e-mail address";
        RefusedBadPhone => "is geen telefoonnummer", "is not a phone number";
        RefusedBadNumber => "is geen geheel positief getal", "is not a whole positive number";
        RefusedTaken => "is al in gebruik", "is already in use";
        RefusedMultiline => "mag geen regelovergang bevatten", "may not contain a line break";
        RefusedUnchanged => "is ongewijzigd", "is unchanged";
        RefusedBadUserName => "mag alleen letters a-z, cijfers, '.', '-' en '_' bevatten", "may hold only letters a-z, digits, '.', '-' and '_'";
        RefusedEmptyFile => "het bestand is leeg", "the file is empty";
        RefusedDuplicateColumn => "kolom staat er twee keer in", "column appears twice";
        RefusedMissingColumn => "kolom ontbreekt", "column is missing";
        RefusedNotUtf8 => "is geen geldige UTF-8", "is not valid UTF-8";
        RefusedNotInOrder => "de stappen staan niet op datumvolgorde", "steps are not in date order";
        RefusedOverlaps => "overlapt met een andere periode", "overlaps with another period";
        RefusedClosed => "is afgesloten", "is closed";
        RefusedMmAtLeastAboveZero => "moet meer dan 0 mm zijn", "must be more than 0 mm";
        RefusedNotANumber => "is geen getal", "is not a number";
        RefusedBadId => "mag alleen a-z, 0-9 en '-' bevatten", "may only hold a-z, 0-9 and '-'";
        RefusedOffPage => "valt (deels) buiten de pagina", "lies (partly) off the page";
        RefusedOutsideOfficeHours => "valt buiten de openingstijden", "lies outside office hours";
        RefusedDoubleBookedExpert => "de ervaringsdeskundige heeft dan al een afspraak", "the expert already has an appointment then";
        RefusedDoubleBooked => "de gespreksleider heeft dan al een afspraak", "the staff member already has an appointment then";
        RefusedNotSigned => "is nog niet ondertekend", "is not signed yet";
        RefusedNotDraft => "kan alleen gewijzigd worden zolang het een concept is", "can only be changed while a draft";
        RefusedNoVotingRight => "heeft geen stemrecht (geschorst of geen lid meer)", "has no vote (suspended or no longer a member)";
        RefusedNotPresent => "is niet aanwezig", "is not present";
        RefusedAlreadyPresent => "is al aanwezig", "is already present";
        RefusedProxiesNotAllowed => "volmachten zijn volgens de statuten niet toegestaan", "the statutes allow no proxies";
        RefusedBadTime => "is geen tijd (uu:mm)", "is not a time (hh:mm)";
        RefusedSamePerson => "is dezelfde persoon", "is the same person";
        RefusedNotADecision => "is een mededeling zonder stemming", "is an information item without a vote";
        RefusedNoFailedQuorum => "er is geen agendapunt dat het quorum niet haalde", "no item failed its quorum";
        RefusedErased => "hoort bij iemand van wie de gegevens gewist zijn", "belongs to a person whose data was erased";
        RefusedStillMember => "is nog lid: beëindig eerst het lidmaatschap", "is still a member: end the membership first";
        RefusedUnclosedQuote => "hier opent een \" die niet wordt gesloten, waardoor de regels erna in dit veld belanden: sluit hem met een \" of haal hem weg (een \" in een tekst schrijf je als \"\")", "a \" opens here that is not closed, so the lines after it run into this field: close it with a \" or remove it (a \" inside a text is written as \"\")";
        RefusedLineBreak => "regelovergang", "line break";
        RefusedControlChar => "stuurteken", "control character";
        PermMembersRead => "de ledenlijst inzien", "view the member register";
        PermMembersWrite => "de ledenlijst wijzigen", "change the member register";
        PermUsersManage => "gebruikers beheren", "manage users";
        PermAuditRead => "het logboek inzien", "view the audit log";
        PermSettingsWrite => "instellingen wijzigen", "change settings";
        PermBaseMailRun => "BaseMail draaien", "run BaseMail";
        PermExpertsManage => "overeenkomsten en gesprekken van ervaringsdeskundigen beheren", "manage experts' agreements and reviews";
        PermBaseMailManage => "inrichtingen en ontvangers van BaseMail beheren", "manage BaseMail's institutions and recipients";
        PermMeetingsRead => "de ledenvergaderingen inzien", "see the general meetings";
        PermMeetingsManage => "de ledenvergaderingen voorbereiden en leiden", "prepare and run the general meetings";
        PermStoreManage => "reservekopieën maken en de wachtwoordzin van de opslag wijzigen", "back up the store and change its passphrase";
        PermMembersExport => "de hele ledenlijst exporteren", "export the whole member register";
    }
    args {
        RefusedTooLong { n } => "is langer dan {n} tekens", "is longer than {n} characters";
        RefusedBefore { other } => "ligt vóór {other}", "lies before {other}";
        RefusedAfter { other } => "ligt na {other}", "lies after {other}";
        RefusedNotOneOf { values } => "moet een van deze zijn: {values}", "must be one of: {values}";
        RefusedTooShort { n } => "moet minstens {n} tekens lang zijn", "must be at least {n} characters";
        RefusedBeforeYear { year } => "ligt vóór {year}", "lies before {year}";
        RefusedOutOfRange { min, max } => "moet tussen {min} en {max} liggen", "must be between {min} and {max}";
        RefusedCsvSyntaxEn { detail } => "cannot be read as CSV: check the quotes and the separator (; or ,) around this line ({detail})", "cannot be read as CSV ({detail}): check the quotes and the separator (; or ,) around this line";
        RefusedFieldCount { found, expected } => "heeft {found} velden, de kopregel {expected}", "has {found} fields, the header has {expected}";
        RefusedAlsoOnLine { line } => "staat ook op regel {line}", "also on line {line}";
        RefusedBadHistoryStep { step } => "\"{step}\" is niet \"jjjj-mm-dd status\"", "\"{step}\" is not \"yyyy-mm-dd status\"";
        RefusedDoesNotExist { n } => "{n} bestaat niet", "{n} does not exist";
        RefusedMmRange { min, max } => "moet tussen {min} en {max} mm liggen", "must lie between {min} and {max} mm";
        RefusedMmAtLeast { min } => "moet minstens {min} mm zijn", "must be at least {min} mm";
        RefusedUnknownName { name } => "\"{name}\" is onbekend", "\"{name}\" is not known";
        RefusedNoNumberLeft { max } => "er is geen nummer meer vrij: het volgende zou boven het hoogste lidnummer ({max}) komen; geef het lid zelf een vrij nummer of vraag hulp", "no number is left: the next would lie above the highest member number ({max}); give the member a free number yourself or ask for help";
        RefusedLateConvocation { date } => "ligt na de uiterste oproepingsdatum {date}", "lies after the convocation deadline {date}";
        RefusedProxyLimit { n } => "heeft al het maximum aantal volmachten ({n})", "already holds the most proxies allowed ({n})";
        RefusedMoreVotesThanPower { n } => "meer stemmen dan het aanwezige stemrecht ({n})", "more votes than the voting power present ({n})";
        RefusedControlCharacter { which } => "bevat een stuurteken dat hier niet mag ({which}): haal het weg (het komt meestal mee met geplakte tekst of uit een bestand) en probeer het opnieuw", "holds a control character that is not allowed here ({which}): remove it (it usually comes with pasted text or from a file) and try again";
        RefusedCsvSyntax { detail } => "is geen leesbare CSV: controleer rond deze regel de aanhalingstekens en het scheidingsteken (; of ,)", "cannot be read as CSV ({detail}): check the quotes and the separator (; or ,) around this line";
        RefusedUnknownColumn { list } => "onbekende kolom {list}", "unknown column {list}";
        RefusedUnknownColumns { count, list } => "{count} onbekende kolommen: {list}", "{count} unknown columns: {list}";
        RefusedUnknownColumnsMore { count, list, more } => "{count} onbekende kolommen: {list} en nog {more}", "{count} unknown columns: {list} and {more} more";
    }
}
