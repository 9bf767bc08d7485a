//! The forms: how fields are edited (multi-line text, the shared address input).
//!
//! `plain`: texts without arguments; `args`: texts with placeholders.

area! {
    Forms;
    plain {
        // the hint in a multi-line field: Enter makes a new line there
        MultilineHint => "Enter: nieuwe regel · Tab: volgend veld · Ctrl+S: opslaan · Esc: annuleren", "Enter: new line · Tab: next field · Ctrl+S: save · Esc: cancel";
    }
    args {
    }
}
