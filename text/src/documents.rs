//! The documents (PDFs): words for the general meeting's papers, the privacy overview, the
//! year's report, the training plans and the card run's sheet.

area! {
    Documents;
    plain {
    }
    args {
    }
}
