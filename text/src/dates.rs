//! Names of months, for documents and screens.

use crate::Lang;

/// Month abbreviations, January first.
pub fn months_short(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Nl => [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
    }
}

/// A month written out, January = 0: "januari", "January".
pub fn month_long(month0: usize, lang: Lang) -> &'static str {
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
    lang.pick(NL, EN)[month0 % 12]
}

/// A weekday written out, Monday = 0: "maandag", "Monday".
pub fn weekday_long(day0: usize, lang: Lang) -> &'static str {
    const NL: [&str; 7] = [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    lang.pick(NL, EN)[day0 % 7]
}

/// A weekday, short, Monday = 0: "ma", "Mon".
pub fn weekday_short(day0: usize, lang: Lang) -> &'static str {
    const NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    lang.pick(NL, EN)[day0 % 7]
}
