//! End-to-end tests of kapstok's command line: the real binary as a plain subprocess on a
//! temporary store.

#![cfg(unix)]

mod common;

use common::{assert_failure, assert_success, fold, Store, DEMO_PASSWORD};
use kapstok_tests::{run, stdout};

const ADMIN_PASSWORD: &str = "een-lang-geheim";

/// A store with only a first administrator `beheer` (password [`ADMIN_PASSWORD`]).
fn store_with_admin() -> Store {
    let store = Store::new();
    let out = store.run(
        &["user", "add", "beheer", "--role", "administrator"],
        &[("KAPSTOK_NEW_PASSWORD", ADMIN_PASSWORD)],
    );
    assert_success(&out, "user add on an empty store");
    assert!(
        stdout(&out).contains("Gebruiker toegevoegd: beheer (beheerder)"),
        "{}",
        stdout(&out)
    );
    store
}

fn admin_list(store: &Store) -> Vec<String> {
    let out = store.run_as("beheer", ADMIN_PASSWORD, &["members", "list"]);
    assert_success(&out, "members list");
    stdout(&out).lines().map(str::to_string).collect()
}

/// The folded sort key of a surname: as [`fold`], without punctuation.
fn sort_fold(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .trim()
        .to_string()
}

/// A list line split into (number, surname, given name) of its "Surname, Given prefix" field;
/// the prefix is the trailing words in lower case ("van der", "'t").
fn name_parts(line: &str) -> (u64, String, String) {
    let fields: Vec<&str> = line.split('\t').collect();
    assert_eq!(fields.len(), 5, "not 5 tab-separated fields: {line:?}");
    let number = fields[0]
        .parse()
        .unwrap_or_else(|_| panic!("no member number: {line:?}"));
    let (surname, rest) = fields[1].split_once(", ").unwrap_or((fields[1], ""));
    let given: Vec<&str> = rest
        .split(' ')
        .take_while(|w| !w.starts_with(|c: char| c.is_lowercase() || c == '\''))
        .collect();
    (number, surname.to_string(), given.join(" "))
}

fn position(lines: &[String], what: &str, pred: impl Fn(&str) -> bool) -> usize {
    lines
        .iter()
        .position(|l| pred(l))
        .unwrap_or_else(|| panic!("no line with {what} in the list:\n{}", lines.join("\n")))
}

fn surname_is(line: &str, surname: &str) -> bool {
    line.split('\t')
        .nth(1)
        .is_some_and(|n| n.starts_with(&format!("{surname}, ")))
}

#[test]
fn demo_members_are_listed_in_dutch_surname_order() {
    let store = Store::demo();
    let lines = store.list(None);
    assert_eq!(lines.len(), 300, "{}", lines.join("\n"));

    let mut numbers: Vec<u64> = lines.iter().map(|l| name_parts(l).0).collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=300).collect::<Vec<u64>>(),
        "every member once"
    );

    // Sorted on the core surname (prefix ignored), then the given name; case, diacritics and
    // punctuation ignored.
    for pair in lines.windows(2) {
        let (_, s1, g1) = name_parts(&pair[0]);
        let (_, s2, g2) = name_parts(&pair[1]);
        let a = (sort_fold(&s1), sort_fold(&g1));
        let b = (sort_fold(&s2), sort_fold(&g2));
        assert!(a <= b, "out of order:\n{}\n{}", pair[0], pair[1]);
    }

    let peters = position(&lines, "Peters", |l| surname_is(l, "Peters"));
    let poel = position(&lines, "Poel ... van der", |l| {
        surname_is(l, "Poel")
            && l.split('\t')
                .nth(1)
                .is_some_and(|n| n.ends_with(" van der"))
    });
    let smit = position(&lines, "Smit", |l| surname_is(l, "Smit"));
    assert!(
        peters < poel && poel < smit,
        "van der Poel belongs under P: Peters {peters}, Poel {poel}, Smit {smit}"
    );
    // Diacritics do not decide the place: Müller between Mulder and Nowak, Öztürk after Nowak.
    let mulder = position(&lines, "Mulder", |l| surname_is(l, "Mulder"));
    let muller = position(&lines, "Müller", |l| surname_is(l, "Müller"));
    let nowak = position(&lines, "Nowak", |l| surname_is(l, "Nowak"));
    let ozturk = position(&lines, "Öztürk", |l| surname_is(l, "Öztürk"));
    assert!(
        mulder < muller && muller < nowak && nowak < ozturk && ozturk < peters,
        "Mulder {mulder}, Müller {muller}, Nowak {nowak}, Öztürk {ozturk}, Peters {peters}"
    );
}

#[test]
fn members_add_reports_a_duplicate_and_saves_it_only_when_told() {
    let store = store_with_admin();
    let add = |extra: &[&str]| {
        let mut args = vec![
            "members",
            "add",
            "--given",
            "Jan",
            "--prefix",
            "van der",
            "--surname",
            "Poel",
            "--birth-date",
            "01-02-1970",
            "--joined",
            "01-03-2024",
        ];
        args.extend_from_slice(extra);
        store.run_as("beheer", ADMIN_PASSWORD, &args)
    };
    let out = add(&[]);
    assert_success(&out, "members add");
    assert!(
        stdout(&out).contains("Lid aangemaakt met nummer 1"),
        "{}",
        stdout(&out)
    );

    // The same name and date of birth: reported, refused, nothing saved.
    let out = add(&[]);
    assert_failure(&out, "members add of a duplicate");
    assert!(
        stdout(&out).contains("mogelijk dubbel met lid 1"),
        "{}",
        stdout(&out)
    );
    assert_eq!(admin_list(&store).len(), 1);

    let out = add(&["--save-anyway"]);
    assert_success(&out, "members add --save-anyway");
    assert!(
        stdout(&out).contains("Lid aangemaakt met nummer 2"),
        "{}",
        stdout(&out)
    );
    assert_eq!(admin_list(&store).len(), 2);

    // Field errors are reported and nothing is saved.
    let out = store.run_as(
        "beheer",
        ADMIN_PASSWORD,
        &["members", "add", "--given", "Els", "--joined", "gisteren"],
    );
    assert_failure(&out, "members add without a surname");
    assert_eq!(admin_list(&store).len(), 2);
}

#[test]
fn search_ignores_case_and_diacritics() {
    let store = Store::demo();
    let all = store.list(None);

    let zoe = store.list(Some("zoe"));
    assert!(!zoe.is_empty(), "'zoe' should find the demo's Zoës");
    assert!(zoe.iter().all(|l| l.contains("Zoë")), "{}", zoe.join("\n"));
    // Exactly the members whose (folded) name or known-as contains "zoe", in list order.
    let expected: Vec<String> = all
        .iter()
        .filter(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            fold(f[1]).contains("zoe") || fold(f[2]).contains("zoe")
        })
        .cloned()
        .collect();
    assert_eq!(zoe, expected);
    assert_eq!(
        store.list(Some("ZOË")),
        zoe,
        "upper case and ë find the same"
    );

    let muller = store.list(Some("muller"));
    assert!(!muller.is_empty());
    assert!(
        muller.iter().all(|l| l.contains("Müller")),
        "{}",
        muller.join("\n")
    );

    assert!(store.list(Some("xyzzy-nobody")).is_empty());
}

#[test]
fn export_import_export_gives_identical_bytes() {
    let demo = Store::demo();
    let file = demo.dir().join("leden.csv");
    let file_arg = file.to_str().expect("UTF-8 path");
    let out = demo.run_as(
        "beheer",
        DEMO_PASSWORD,
        &["export", "members", "-o", file_arg],
    );
    assert_success(&out, "export members -o");
    assert!(
        stdout(&out).contains("300 leden geëxporteerd naar"),
        "{}",
        stdout(&out)
    );
    let first = std::fs::read(&file).expect("the export file is missing");
    assert!(
        first.starts_with("\u{feff}number;given;".as_bytes()),
        "BOM and header"
    );
    assert_eq!(
        first.iter().filter(|&&b| b == b'\n').count(),
        301,
        "header and 300 rows"
    );
    let to_stdout = demo.run_as("beheer", DEMO_PASSWORD, &["export", "members"]);
    assert_success(&to_stdout, "export members");
    assert_eq!(to_stdout.stdout, first, "stdout and -o give the same CSV");

    let fresh = store_with_admin();
    let out = fresh.run_as("beheer", ADMIN_PASSWORD, &["import", "members", file_arg]);
    assert_success(&out, "import members");
    assert!(
        stdout(&out).contains("300 leden geïmporteerd (1-300)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(admin_list(&fresh), demo.list(None), "same register");

    let again = fresh.run_as("beheer", ADMIN_PASSWORD, &["export", "members"]);
    assert_success(&again, "export members of the imported store");
    assert!(
        again.stdout == first,
        "the re-export differs from the export; first differing line:\n{:?}",
        String::from_utf8_lossy(&first)
            .lines()
            .zip(String::from_utf8_lossy(&again.stdout).lines())
            .find(|(a, b)| a != b)
    );
}

#[test]
fn import_refuses_control_characters_and_runaway_quotes_by_line() {
    let store = store_with_admin();
    let bad = store.dir().join("title.csv");
    std::fs::write(
        &bad,
        format!(
            "{CSV_HEADER}\n\
             Jansen\u{1b}[31m;Piet;;01-02-2020;care_of;;;;;\n\
             Vries;\"Anna;de;01-02-2020;care_of;;;;;\n\
             Bos;Kees;;01-02-2020;care_of;;;;;\n"
        ),
    )
    .unwrap();
    let out = store.run_as(
        "beheer",
        ADMIN_PASSWORD,
        &["import", "members", bad.to_str().unwrap()],
    );
    let err = assert_failure(&out, "import with control characters");
    assert!(
        err.contains(
            "regel 2: Achternaam: bevat een stuurteken dat hier niet mag (U+001B, Escape)"
        ),
        "{err}"
    );
    assert!(
        err.contains("regel 3: Roepnaam") || err.contains("regel 3: Voornaam"),
        "{err}"
    );
    assert!(err.contains("die niet wordt gesloten"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "no escape reaches the terminal: {err:?}"
    );
    assert!(admin_list(&store).is_empty(), "nothing may be imported");
}

const CSV_HEADER: &str =
    "surname;given;prefix;joined;address_kind;street;house_number;postcode;city;email";

#[test]
fn import_with_bad_rows_reports_line_and_field_and_saves_nothing() {
    let store = store_with_admin();
    let bad = store.dir().join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "{CSV_HEADER}\n\
             Jansen;Piet;;01-02-2020;street;Damrak;1;1012 LG;Amsterdam;\n\
             Vries;Anna;de;01-02-2020;street;Damrak;2;12345;Amsterdam;\n\
             Bos;Kees;;01-02-2020;care_of;;;;;kees-at-example\n"
        ),
    )
    .unwrap();
    let bad_arg = bad.to_str().unwrap();

    let out = store.run_as("beheer", ADMIN_PASSWORD, &["import", "members", bad_arg]);
    let err = assert_failure(&out, "import of a file with bad rows");
    assert!(
        err.contains("Import geweigerd, er is niets opgeslagen"),
        "{err}"
    );
    assert!(
        err.contains("regel 3: Postcode: is geen Nederlandse postcode"),
        "{err}"
    );
    assert!(
        err.contains("regel 4: E-mail: is geen e-mailadres"),
        "{err}"
    );
    assert!(!err.contains("regel 2"), "line 2 is fine: {err}");
    assert!(admin_list(&store).is_empty(), "nothing may be imported");

    let out = store.run_as(
        "beheer",
        ADMIN_PASSWORD,
        &["import", "members", bad_arg, "--lang", "en"],
    );
    let err = assert_failure(&out, "import of a file with bad rows (en)");
    assert!(
        err.contains("line 3: Postcode: is not a Dutch postcode"),
        "{err}"
    );

    // A dry run of a good file reports and saves nothing; the real import saves.
    let good = store.dir().join("good.csv");
    std::fs::write(
        &good,
        format!(
            "{CSV_HEADER}\n\
             Jansen;Piet;;01-02-2020;street;Damrak;1;1012lg;amsterdam;\n\
             Vries;Anna;de;2021-03-04;care_of;;;;;anna@example.nl\n"
        ),
    )
    .unwrap();
    let good_arg = good.to_str().unwrap();
    let out = store.run_as(
        "beheer",
        ADMIN_PASSWORD,
        &["import", "members", good_arg, "--dry-run"],
    );
    assert_success(&out, "import --dry-run");
    assert!(
        stdout(&out).contains("Proefimport: niets opgeslagen; zou importeren: 2 leden"),
        "{}",
        stdout(&out)
    );
    assert!(admin_list(&store).is_empty(), "a dry run saves nothing");

    let out = store.run_as("beheer", ADMIN_PASSWORD, &["import", "members", good_arg]);
    assert_success(&out, "import");
    assert!(
        stdout(&out).contains("2 leden geïmporteerd"),
        "{}",
        stdout(&out)
    );
    let lines = admin_list(&store);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].ends_with("\tJansen, Piet\t\tactief\tDamrak 1, 1012 LG  AMSTERDAM"),
        "{lines:#?}"
    );
    assert!(
        lines[1].ends_with("\tVries, Anna de\t\tactief\tpost via het kantoor"),
        "{lines:#?}"
    );
}

#[test]
fn roles_and_passwords_are_checked() {
    let store = Store::demo();

    let out = store.run_as("vrijwilliger", DEMO_PASSWORD, &["members", "list"]);
    let err = assert_failure(&out, "members list as a volunteer");
    assert!(
        err.contains("Dit mag uw rol niet: de ledenlijst inzien"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "a volunteer sees no member data");

    let out = store.run_as("coordinator", DEMO_PASSWORD, &["members", "list"]);
    assert_success(&out, "members list as a coordinator");
    assert_eq!(stdout(&out).lines().count(), 300);

    // The whole register as a file is the administrator's.
    let out = store.run_as("coordinator", DEMO_PASSWORD, &["export", "members"]);
    let err = assert_failure(&out, "export members as a coordinator");
    assert!(
        err.contains("Dit mag uw rol niet: de hele ledenlijst exporteren"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no member data: {:?}", stdout(&out));

    let out = store.run_as("beheer", "verkeerd", &["members", "list"]);
    let err = assert_failure(&out, "members list with a wrong password");
    assert!(
        err.contains("Onbekende gebruiker of verkeerd wachtwoord"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let out = store.run_as("niemand", DEMO_PASSWORD, &["members", "list"]);
    let err = assert_failure(&out, "members list as an unknown user");
    assert!(
        err.contains("Onbekende gebruiker of verkeerd wachtwoord"),
        "the same message, so names cannot be guessed: {err}"
    );

    let out = store.run(&["members", "list"], &[("KAPSTOK_PASSWORD", DEMO_PASSWORD)]);
    let err = assert_failure(&out, "members list without --user");
    assert!(err.contains("--user"), "{err}");
}

#[test]
fn global_flags_work_before_and_after_the_subcommand() {
    let store = Store::demo();
    let env = store.env(&[("KAPSTOK_PASSWORD", "verkeerd")]);
    let db = store.db();
    for args in [
        vec![
            "--lang", "en", "--db", db, "--user", "beheer", "members", "list",
        ],
        vec![
            "members", "list", "--lang", "en", "--db", db, "--user", "beheer",
        ],
        vec![
            "members", "--lang", "en", "list", "--user", "beheer", "--db", db,
        ],
    ] {
        let out = run(&args, &env, None);
        let err = assert_failure(&out, &args.join(" "));
        assert!(
            err.contains("Unknown user or wrong password."),
            "{args:?}: {err}"
        );
    }

    let env = store.env(&[("KAPSTOK_PASSWORD", DEMO_PASSWORD)]);
    let out = run(
        &[
            "members",
            "list",
            "--user",
            "vrijwilliger",
            "--db",
            db,
            "--lang",
            "en",
        ],
        &env,
        None,
    );
    let err = assert_failure(&out, "volunteer, English");
    assert!(
        err.contains("Your role may not do this: view the member register"),
        "{err}"
    );

    let out = run(
        &[
            "members", "list", "--search", "zoe", "--user", "beheer", "--db", db, "--lang", "en",
        ],
        &env,
        None,
    );
    assert_success(&out, "members list, flags after the subcommand");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| l.contains("Zoë")), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l.contains("\tactive\t")),
        "statuses in English: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("\tactief\t")),
        "{lines:#?}"
    );
}

#[test]
fn the_first_user_of_an_empty_store_must_be_an_administrator() {
    let store = Store::new();
    let out = store.run(
        &["user", "add", "piet", "--role", "coordinator"],
        &[("KAPSTOK_NEW_PASSWORD", ADMIN_PASSWORD)],
    );
    let err = assert_failure(&out, "first user as coordinator");
    assert!(
        err.contains("de eerste gebruiker moet beheerder zijn"),
        "{err}"
    );
    // Still empty: the demo can be loaded.
    let out = store.run(&["demo"], &[]);
    assert_success(&out, "demo after a refused user add");
}
