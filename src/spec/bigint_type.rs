//! 6.1.6.2 The BigInt Type (sec-ecmascript-language-types-bigint-type): arbitrary-precision
//! integers. The BigInt:: operations live here; the %BigInt% built-in comes with the
//! built-in library.

use super::string_type::JsString;
use boa_gc::{empty_trace, Finalize, Trace};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::rc::Rc;

/// A BigInt value (shared, immutable).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsBigInt(Rc<BigInt>);

impl Finalize for JsBigInt {}
// SAFETY: a JsBigInt holds only digits, never a Gc pointer.
unsafe impl Trace for JsBigInt {
    empty_trace!();
}

impl JsBigInt {
    pub fn new(value: BigInt) -> JsBigInt {
        JsBigInt(Rc::new(value))
    }

    pub fn value(&self) -> &BigInt {
        &self.0
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// The digits of a BigInt literal as the builder keeps them (`0x`/`0o`/`0b` prefix
    /// allowed, separators removed).
    pub fn from_literal(digits: &str) -> Option<JsBigInt> {
        let (radix, body) = match digits.get(..2) {
            Some("0x") | Some("0X") => (16, &digits[2..]),
            Some("0o") | Some("0O") => (8, &digits[2..]),
            Some("0b") | Some("0B") => (2, &digits[2..]),
            _ => (10, digits),
        };
        BigInt::parse_bytes(body.as_bytes(), radix).map(JsBigInt::new)
    }

    /// BigInt::toString(x, 10) (6.1.6.2.23).
    pub fn to_js_string(&self) -> JsString {
        JsString::from(self.0.to_str_radix(10))
    }

    /// 𝔽(ℝ(x)) rounded to the nearest Number.
    pub fn to_f64(&self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }
}
