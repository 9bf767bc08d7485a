//! Money as whole cents, typed as Dutch people write it (`5,75`, `€ 1.234,50`) and shown that way.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in euro cents.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Cents(pub i64);

impl Cents {
    /// Parses an amount: `5,75`, `5.75`, `€ 5,75`, `1.234,50`, `1234`, `0,5`. A comma is the
    /// decimal separator when there is one; dots before it are thousands separators. At most two
    /// decimals; negative amounts are refused.
    ///
    /// ```
    /// use kapstok_core::common::Cents;
    /// assert_eq!(Cents::parse("5,75"), Some(Cents(575)));
    /// assert_eq!(Cents::parse("€ 1.234,5"), Some(Cents(123450)));
    /// assert_eq!(Cents::parse("5.75"), Some(Cents(575)));
    /// assert_eq!(Cents::parse("5,755"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Cents> {
        let t: String = text
            .trim()
            .trim_start_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if t.is_empty() || t.starts_with('-') {
            return None;
        }
        let (whole, fraction) = if let Some((w, f)) = t.rsplit_once(',') {
            (w.replace('.', ""), f.to_string())
        } else if t.matches('.').count() == 1
            && t.rsplit_once('.').is_some_and(|(_, f)| f.len() <= 2)
        {
            let (w, f) = t.rsplit_once('.')?;
            (w.to_string(), f.to_string())
        } else {
            (t.replace('.', ""), String::new())
        };
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        if !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || fraction.len() > 2
        {
            return None;
        }
        let euros: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().ok()? * 10,
            _ => fraction.parse().ok()?,
        };
        euros.checked_mul(100)?.checked_add(cents).map(Cents)
    }

    /// This amount times a fraction `num / den`, rounded to the nearest cent.
    pub fn times(self, num: i64, den: i64) -> Cents {
        if den == 0 {
            return Cents(0);
        }
        let exact = i128::from(self.0) * i128::from(num);
        let den = i128::from(den);
        let rounded = (exact * 2 + den.signum() * den) / (den * 2);
        Cents(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }
}

impl fmt::Display for Cents {
    /// `€ 1.234,50`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let euros = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in euros.chars().enumerate() {
            if i > 0 && (euros.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        write!(f, "€ {sign}{grouped},{:02}", abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_dutch_and_plain_amounts() {
        for (text, cents) in [
            ("0", 0),
            ("0,5", 50),
            ("5,75", 575),
            ("€5,75", 575),
            ("1.234,50", 123_450),
            ("1234", 123_400),
            ("2.100", 210_000),
            ("5.5", 550),
        ] {
            assert_eq!(Cents::parse(text), Some(Cents(cents)), "{text}");
        }
        for bad in ["", "-5", "5,755", "abc", "5,,5", "€", "1,2,3", ","] {
            assert_eq!(Cents::parse(bad), None, "{bad}");
        }
        assert_eq!(Cents(123_450).to_string(), "€ 1.234,50");
        assert_eq!(Cents(5).to_string(), "€ 0,05");
    }

    #[test]
    fn fractions_round_to_the_nearest_cent() {
        assert_eq!(Cents(220_000).times(6, 12), Cents(110_000));
        assert_eq!(Cents(100).times(1, 3), Cents(33));
        assert_eq!(Cents(200).times(1, 3), Cents(67));
    }

    proptest! {
        #[test]
        fn display_parses_back(c in 0i64..10_000_000_000) {
            let shown = Cents(c).to_string();
            prop_assert_eq!(Cents::parse(&shown), Some(Cents(c)));
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,16}") {
            let _ = Cents::parse(&text);
        }
    }
}
