//! Search as you type over names, known-as and member number, ignoring case and diacritics.
//!
//! Each member gets a folded haystack once ([`SearchIndex`]); a query matches when every word of
//! it occurs in the haystack, so "jan poel", "poel" and "zoe" (for "Zoë") all find what a person
//! expects. A query that is a number also finds the member with that number.

use super::model::Member;
use crate::common::fold;

/// The folded text a member is found by.
pub fn haystack(m: &Member) -> String {
    fold(&format!(
        "{} {} {} {} {}",
        m.number, m.name.given, m.name.prefix, m.name.surname, m.known_as
    ))
}

/// A prepared query.
#[derive(Debug, Clone, Default)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// Prepares a query as typed.
    pub fn new(text: &str) -> Query {
        Query {
            words: fold(text)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    /// True for an empty query, which matches everyone.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word occurs in the folded haystack.
    pub fn matches(&self, haystack: &str) -> bool {
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// Members with their haystacks, in a fixed order, for repeated filtering as the user types.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    hay: Vec<String>,
}

impl SearchIndex {
    /// Builds the index of a list of members (in the list's order).
    pub fn new(members: &[Member]) -> SearchIndex {
        SearchIndex {
            hay: members.iter().map(haystack).collect(),
        }
    }

    /// The member at position `i` changed: its haystack is built again.
    pub fn set(&mut self, i: usize, m: &Member) {
        if let Some(h) = self.hay.get_mut(i) {
            *h = haystack(m);
        }
    }

    /// A member came in at position `i` (the positions after it move up by one).
    pub fn insert(&mut self, i: usize, m: &Member) {
        self.hay.insert(i.min(self.hay.len()), haystack(m));
    }

    /// The member at position `i` went (the positions after it move down by one).
    pub fn remove(&mut self, i: usize) {
        if i < self.hay.len() {
            self.hay.remove(i);
        }
    }

    /// The positions (in the list the index was built from) that match the query.
    pub fn filter(&self, query: &Query) -> Vec<usize> {
        self.hay
            .iter()
            .enumerate()
            .filter(|(_, h)| query.matches(h))
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::{Address, PersonName};
    use crate::members::model::{Consents, Status, StatusEntry};
    use chrono::NaiveDate;

    fn m(number: u64, given: &str, prefix: &str, surname: &str, known_as: &str) -> Member {
        let joined = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        Member {
            number,
            name: PersonName::new(given, prefix, surname),
            known_as: known_as.into(),
            birth_date: None,
            phone: String::new(),
            email: String::new(),
            address: Address::CareOfOffice,
            status_history: vec![StatusEntry {
                since: joined,
                status: Status::Active,
            }],
            joined,
            consents: Consents::default(),
            last_contact: None,
            notes: String::new(),
        }
    }

    #[test]
    fn finds_by_name_known_as_number_without_diacritics() {
        let list = [
            m(1, "Zoë", "", "de Wit", ""),
            m(2, "Hans", "", "Müller", "Hansje"),
            m(3, "Jan", "van der", "Poel", "Lange Jan"),
            m(120, "Łukasz", "", "Nowak", ""),
        ];
        let idx = SearchIndex::new(&list);
        let find = |q: &str| -> Vec<u64> {
            idx.filter(&Query::new(q))
                .into_iter()
                .map(|i| list[i].number)
                .collect()
        };
        assert_eq!(find("zoe"), [1]);
        assert_eq!(find("ZOË"), [1]);
        assert_eq!(find("muller"), [2]);
        assert_eq!(find("hansje"), [2]);
        assert_eq!(find("lange"), [3]);
        assert_eq!(find("jan poel"), [3]);
        assert_eq!(find("lukasz"), [4].map(|_| 120));
        assert_eq!(find("120"), [120]);
        assert_eq!(find(""), [1, 2, 3, 120]);
        assert_eq!(find("nobody"), Vec::<u64>::new());
    }
}
