//! Work off the drawing thread: what the status line says while it runs.
//!
//! `plain`: texts without arguments; `args`: texts with placeholders.

area! {
    Work;
    plain {
        BusyReload => "de gegevens opnieuw lezen", "reading the data again";
        BusyAuditLog => "het logboek lezen", "reading the audit log";
        BusyCompose => "de ronde van deze week samenstellen", "composing this week's run";
        BusyLabels => "de etiketten als PDF maken", "making the label PDF";
        BusyRunSheet => "de rondelijst als PDF maken", "making the run sheet PDF";
        ReadingAuditLog => "Het logboek wordt gelezen…", "Reading the audit log…";
    }
    args {
    }
}
