//! 6.1.4 The String Type (sec-ecmascript-language-types-string-type): a String value is a
//! finite sequence of UTF-16 code units. Lone surrogates are allowed, so strings are kept
//! as code units, never as Rust `String`s.

use boa_gc::{empty_trace, Finalize, Trace};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// An immutable ECMAScript String value, cheap to clone (shared code units).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct JsString(Rc<[u16]>);

impl Finalize for JsString {}
// SAFETY: boa_gc's Trace is an unsafe trait because a wrong implementation could hide a
// Gc pointer from the collector; a JsString holds only UTF-16 code units, no Gc pointer.
unsafe impl Trace for JsString {
    empty_trace!();
}

impl Hash for JsString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl JsString {
    pub fn from_units(units: &[u16]) -> JsString {
        JsString(Rc::from(units))
    }

    pub fn from_vec(units: Vec<u16>) -> JsString {
        JsString(Rc::from(units))
    }

    /// The code units of `s` (UTF-8 → UTF-16).
    pub fn from_str_lossless(s: &str) -> JsString {
        let units: Vec<u16> = s.encode_utf16().collect();
        JsString::from_vec(units)
    }

    pub fn units(&self) -> &[u16] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The string-concatenation of `self` and `other`.
    pub fn concat(&self, other: &JsString) -> JsString {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let mut units = Vec::with_capacity(self.len() + other.len());
        units.extend_from_slice(&self.0);
        units.extend_from_slice(&other.0);
        JsString::from_vec(units)
    }

    /// The substring from `start` to `end` (code unit indices, `start <= end <= len`).
    pub fn substring(&self, start: usize, end: usize) -> JsString {
        JsString::from_units(&self.0[start..end])
    }

    /// Whether the two values are the same string (equal code units).
    pub fn eq_str(&self, s: &str) -> bool {
        self.0.iter().copied().eq(s.encode_utf16())
    }

    /// A Rust string for messages and the host: lone surrogates become U+FFFD.
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(&self.0)
    }

    /// Whether this string is exactly the text of a Rust string literal.
    pub fn ptr_eq(a: &JsString, b: &JsString) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

impl From<&str> for JsString {
    fn from(s: &str) -> JsString {
        JsString::from_str_lossless(s)
    }
}

impl From<String> for JsString {
    fn from(s: String) -> JsString {
        JsString::from_str_lossless(&s)
    }
}

impl From<&[u16]> for JsString {
    fn from(units: &[u16]) -> JsString {
        JsString::from_units(units)
    }
}

impl fmt::Display for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rust_string())
    }
}

impl fmt::Debug for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_rust_string())
    }
}
