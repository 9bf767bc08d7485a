//! The shell: setup, login, tabs, roles.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Shell;
    plain {
        AppTitle => "kapstok · ledenadministratie", "kapstok · member register";
        TooSmall => "Venster te klein: minimaal 80 x 24 tekens.", "Window too small: at least 80 x 24 characters.";
        // work off the drawing thread: "Bezig: <what>…" while it runs, and a job that failed
        Busy => "Bezig:", "Working:";
        BusyAgreementPdf => "de overeenkomst als PDF maken", "making the agreement PDF";
        BusyPlanPdf => "het opleidingsplan als PDF maken", "making the training plan PDF";
        BusyConvocation => "de oproeping maken", "making the convocation";
        BusyAttendanceSheet => "de presentielijst maken", "making the attendance sheet";
        JobFailed => "Dit is niet gelukt; er is niets opgeslagen. Probeer het opnieuw.", "This did not work; nothing was saved. Please try again.";
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
    }
    args {
    }
}
