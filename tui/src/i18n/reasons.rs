//! Why a value was refused: reasons, field and row errors, permissions.

use super::*;
use kapstok_core::error::{mm, FieldError, Permission, Reason, RowError};

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
        Reason::OwnAccount => if nl {
            "is uw eigen account: een andere beheerder kan het blokkeren"
        } else {
            "is your own account: another administrator can block it"
        }
        .into(),
        Reason::BadPublicKey => if nl {
            "is geen openbare SSH-sleutel: geef het .pub-bestand (één regel die begint met ssh-ed25519 of ssh-rsa, of de SSH2-sleutel van PuTTYgen)"
        } else {
            "is not an SSH public key: give the .pub file (one line starting with ssh-ed25519 or ssh-rsa, or PuTTYgen's SSH2 public key)"
        }
        .into(),
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
pub(super) fn control_name(c: char, nl: bool) -> String {
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
pub(super) fn unknown_columns(names: &[String], count: usize, nl: bool) -> String {
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

pub(super) fn permission(p: Permission, lang: Lang) -> &'static str {
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
