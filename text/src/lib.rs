//! Every user-facing text of kapstok, Dutch and English: the terminal UI, the command line and
//! the documents (PDFs) take their words from here.
