//! Dutch personal names: given name (or initials), surname prefix (tussenvoegsel), surname.

use super::text::fold;
use serde::{Deserialize, Serialize};

/// A person's name, with the surname prefix stored apart so that lists sort on the core surname:
/// "Jan van der Poel" files under P as "Poel, Jan van der".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PersonName {
    /// First name or initials ("Jan", "J.P.").
    pub given: String,
    /// Surname prefix, lower case as written after a first name ("van der", "de", "'t").
    pub prefix: String,
    /// The core surname ("Poel").
    pub surname: String,
}

impl PersonName {
    /// A name from its three parts (trimmed).
    pub fn new(given: &str, prefix: &str, surname: &str) -> Self {
        PersonName {
            given: given.trim().to_string(),
            prefix: prefix.trim().to_string(),
            surname: surname.trim().to_string(),
        }
    }

    /// The full name in reading order: "Jan van der Poel"; without a given name the prefix takes a
    /// capital: "Van der Poel".
    pub fn full(&self) -> String {
        let surname = self.surname_with_prefix();
        if self.given.is_empty() {
            capitalise_first(&surname)
        } else {
            format!("{} {}", self.given, surname)
        }
    }

    /// The surname with its prefix, lower case prefix: "van der Poel".
    pub fn surname_with_prefix(&self) -> String {
        if self.prefix.is_empty() {
            self.surname.clone()
        } else {
            format!("{} {}", self.prefix, self.surname)
        }
    }

    /// The name as a sorted list shows it: "Poel, Jan van der".
    pub fn sorted(&self) -> String {
        let mut out = self.surname.clone();
        if !self.given.is_empty() || !self.prefix.is_empty() {
            out.push(',');
        }
        for part in [&self.given, &self.prefix] {
            if !part.is_empty() {
                out.push(' ');
                out.push_str(part);
            }
        }
        out
    }

    /// The key Dutch lists sort on: the core surname, then the given name, then the prefix, all
    /// folded (case, diacritics and punctuation such as the apostrophe of 't ignored).
    pub fn sort_key(&self) -> (String, String, String) {
        (
            sort_fold(&self.surname),
            sort_fold(&self.given),
            sort_fold(&self.prefix),
        )
    }
}

impl PersonName {
    /// [`PersonName::sort_key`] as one string, its parts joined with NUL (which sorts before
    /// every character they hold, so the order is that of comparing the parts one by one): one
    /// allocation per name for lists sorted by name.
    pub fn order_key(&self) -> String {
        let (s, g, p) = self.sort_key();
        format!("{s}\0{g}\0{p}")
    }
}

fn sort_fold(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .trim()
        .to_string()
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_a_name() {
        let n = PersonName::new("Jan", "van der", "Poel");
        assert_eq!(n.full(), "Jan van der Poel");
        assert_eq!(n.sorted(), "Poel, Jan van der");
        let n = PersonName::new("", "van der", "Poel");
        assert_eq!(n.full(), "Van der Poel");
        assert_eq!(n.sorted(), "Poel, van der");
        let n = PersonName::new("", "'t", "Hart");
        assert_eq!(n.full(), "'t Hart");
        assert_eq!(PersonName::new("Zoë", "", "Kok").sorted(), "Kok, Zoë");
    }

    #[test]
    fn sorts_on_core_surname() {
        let mut names = [
            PersonName::new("Jan", "van der", "Poel"),
            PersonName::new("Anna", "", "Pieters"),
            PersonName::new("Piet", "de", "Vries"),
            PersonName::new("Ömer", "", "Aydın"),
            PersonName::new("Bas", "", "Öztürk"),
            PersonName::new("Kees", "", "Zwart"),
            PersonName::new("Ab", "van 't", "Zand"),
        ];
        names.sort_by_key(|n| n.sort_key());
        let order: Vec<String> = names.iter().map(|n| n.sorted()).collect();
        assert_eq!(
            order,
            [
                "Aydın, Ömer",
                "Öztürk, Bas",
                "Pieters, Anna",
                "Poel, Jan van der",
                "Vries, Piet de",
                "Zand, Ab van 't",
                "Zwart, Kees"
            ]
        );
    }
}
