//! Forms made from core's input structs: [`form_input!`](crate::form_input) lists each field of
//! a struct once, with its label and how it is edited, and implements [`FormInput`] from that
//! list. A field's name in the form is the struct field's name (`stringify!`), which is also
//! the name core gives its errors about that field, so an error lands under the field it is
//! about by construction. The struct is read back with every field named and no `..`: a field
//! added to a core input struct does not compile until its form says how it is edited.

use super::{Field, Form};
use crate::i18n::Msg;

/// An input struct edited in a form.
pub trait FormInput: Sized {
    /// The fields, filled in from `self`, in the order the form shows them.
    fn fields(&self) -> Vec<Field>;

    /// The struct as typed (hidden fields read as empty).
    fn from_form(form: &Form) -> Self;

    /// Shows the fields that apply to the choices made (the address block's fields per address
    /// kind); nothing for a struct without such a rule.
    fn show(_form: &mut Form) {}

    /// A form titled `title` with the fields of `self`, those that apply shown.
    fn form(&self, title: Msg) -> Form {
        let mut form = Form::new(title, self.fields());
        Self::show(&mut form);
        form
    }
}

/// A value as a form holds it: text (a choice holds its stable name).
pub trait FormValue {
    /// The text the field starts with.
    fn to_text(&self) -> String;
    /// The value read back from what the field holds.
    fn from_text(text: &str) -> Self;
}

impl FormValue for String {
    fn to_text(&self) -> String {
        self.clone()
    }

    fn from_text(text: &str) -> String {
        text.to_string()
    }
}

/// A yes/no choice: `yes` or `no`.
impl FormValue for bool {
    fn to_text(&self) -> String {
        if *self { YES } else { NO }.to_string()
    }

    fn from_text(text: &str) -> bool {
        text == YES
    }
}

/// An id chosen from options made at run time (0 when none is chosen).
impl FormValue for u64 {
    fn to_text(&self) -> String {
        self.to_string()
    }

    fn from_text(text: &str) -> u64 {
        text.trim().parse().unwrap_or(0)
    }
}

const YES: &str = "yes";
const NO: &str = "no";

/// A yes/no choice field.
pub fn yes_no(name: &'static str, label: Msg, value: bool) -> Field {
    let options = vec![(YES, Msg::Yes), (NO, Msg::No)];
    Field::choice(name, label, options, &value.to_text())
}

/// The name a form gives field `field` of input struct `Type`, checked by the compiler:
/// `field_name!(StayInput, institution)` is `"institution"`, and does not compile when the struct
/// has no such field.
#[macro_export]
macro_rules! field_name {
    ($ty:ty, $field:ident) => {{
        let _ = |input: &$ty| {
            let _ = &input.$field;
        };
        stringify!($field)
    }};
}

/// One field of a [`form_input!`](crate::form_input) declaration (not for use on its own).
#[doc(hidden)]
#[macro_export]
macro_rules! form_field {
    ($value:expr, $name:ident, text($label:expr)) => {
        $crate::widgets::form::Field::text(
            stringify!($name),
            $label,
            &$crate::widgets::form::FormValue::to_text($value),
        )
    };
    ($value:expr, $name:ident, multiline($label:expr)) => {
        $crate::widgets::form::Field::multiline(
            stringify!($name),
            $label,
            &$crate::widgets::form::FormValue::to_text($value),
        )
    };
    ($value:expr, $name:ident, secret($label:expr)) => {{
        let mut field = $crate::widgets::form::Field::text(
            stringify!($name),
            $label,
            &$crate::widgets::form::FormValue::to_text($value),
        );
        field.kind = $crate::widgets::form::Kind::Secret;
        field
    }};
    ($value:expr, $name:ident, choice($label:expr, $options:expr)) => {
        $crate::widgets::form::Field::choice(
            stringify!($name),
            $label,
            $options,
            &$crate::widgets::form::FormValue::to_text($value),
        )
    };
    ($value:expr, $name:ident, yes_no($label:expr)) => {
        $crate::widgets::form::yes_no(stringify!($name), $label, *$value)
    };
    ($value:expr, $name:ident, options($label:expr)) => {
        $crate::widgets::form::Field::options(
            stringify!($name),
            $label,
            Vec::new(),
            &$crate::widgets::form::FormValue::to_text($value),
        )
    };
}

/// Implements [`FormInput`] for an input struct from one list of its fields, in the order the
/// form shows them, each with how it is edited:
///
/// - `text(label)`, `multiline(label)`: typed text (a multi-line field makes a new line on Enter);
/// - `secret(label)`: typed text shown as dots (a password);
/// - `choice(label, options)`: one of a list of `(stable name, label)`;
/// - `yes_no(label)`: a `bool` as a yes/no choice;
/// - `options(label)`: an id chosen from options made at run time, which the screen supplies with
///   [`Form::set_options`](super::Form::set_options) (see [`field_name!`](crate::field_name)).
///
/// `@address(kinds)` stands for the address block (`address_kind`, `street`, `house_number`,
/// `addition`, `postcode`, `city`, `country`) with the address kinds the struct offers; its
/// fields show per kind (see [`super::address`]).
#[macro_export]
macro_rules! form_input {
    (
        $ty:ty {
            $($a:ident : $ak:ident ( $($aa:tt)* )),* $(,)?
            @address($kinds:expr)
            $(, $b:ident : $bk:ident ( $($ba:tt)* ))* $(,)?
        }
    ) => {
        impl $crate::widgets::form::FormInput for $ty {
            fn fields(&self) -> Vec<$crate::widgets::form::Field> {
                let mut fields = vec![$($crate::form_field!(&self.$a, $a, $ak($($aa)*))),*];
                fields.extend($crate::widgets::form::address::fields(
                    $kinds,
                    [
                        (stringify!(address_kind), &self.address_kind),
                        (stringify!(street), &self.street),
                        (stringify!(house_number), &self.house_number),
                        (stringify!(addition), &self.addition),
                        (stringify!(postcode), &self.postcode),
                        (stringify!(city), &self.city),
                        (stringify!(country), &self.country),
                    ],
                ));
                fields.extend([$($crate::form_field!(&self.$b, $b, $bk($($ba)*))),*]);
                fields
            }

            fn from_form(form: &$crate::widgets::form::Form) -> Self {
                use $crate::widgets::form::FormValue;
                Self {
                    $($a: FormValue::from_text(&form.value(stringify!($a))),)*
                    address_kind: form.value(stringify!(address_kind)),
                    street: form.value(stringify!(street)),
                    house_number: form.value(stringify!(house_number)),
                    addition: form.value(stringify!(addition)),
                    postcode: form.value(stringify!(postcode)),
                    city: form.value(stringify!(city)),
                    country: form.value(stringify!(country)),
                    $($b: FormValue::from_text(&form.value(stringify!($b))),)*
                }
            }

            fn show(form: &mut $crate::widgets::form::Form) {
                $crate::widgets::form::address::show(form);
            }
        }
    };
    (
        $ty:ty {
            $($a:ident : $ak:ident ( $($aa:tt)* )),* $(,)?
        }
    ) => {
        impl $crate::widgets::form::FormInput for $ty {
            fn fields(&self) -> Vec<$crate::widgets::form::Field> {
                vec![$($crate::form_field!(&self.$a, $a, $ak($($aa)*))),*]
            }

            fn from_form(form: &$crate::widgets::form::Form) -> Self {
                use $crate::widgets::form::FormValue;
                Self {
                    $($a: FormValue::from_text(&form.value(stringify!($a))),)*
                }
            }
        }
    };
}
