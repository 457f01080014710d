//! 6.1.4 The String Type (sec-ecmascript-language-types-string-type): a String value is a
//! finite sequence of UTF-16 code units. Lone surrogates are allowed, so strings are kept
//! as code units, never as Rust `String`s.

use boa_gc::{empty_trace, Finalize, Trace};
use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// An immutable ECMAScript String value, cheap to clone (shared code units).
///
/// A long string-concatenation is kept as its two halves until its code units are first
/// asked for (then they are copied once, and the halves let go): a chain of `bind` whose
/// names are "bound bound … f", or `s += x` in a loop, would otherwise copy every
/// intermediate String whole, quadratic in time and, while the intermediates live, in
/// memory.
#[derive(Clone)]
pub struct JsString(Repr);

#[derive(Clone)]
enum Repr {
    Flat(Rc<[u16]>),
    Concat(Rc<Concat>),
}

/// A string-concatenation not yet copied into one sequence of code units.
struct Concat {
    len: usize,
    /// The two Strings concatenated, until `flat` is filled.
    halves: RefCell<Option<(JsString, JsString)>>,
    flat: OnceCell<Rc<[u16]>>,
}

/// The length from which [`JsString::concat`] keeps the halves instead of copying them:
/// below it copying is cheaper than a node that is copied later anyway.
const CONCAT_NODE_FROM: usize = 256;

impl Concat {
    /// The code units of the concatenation, copied from its halves without recursion (a
    /// chain of concatenations can be as deep as the program made it).
    fn flatten(&self) -> Rc<[u16]> {
        let halves = self.halves.borrow_mut().take();
        let (left, right) = halves.expect("an unflattened concatenation has its halves");
        let mut units = Vec::with_capacity(self.len);
        let mut pending = vec![right, left];
        while let Some(s) = pending.pop() {
            match &s.0 {
                Repr::Flat(flat) => units.extend_from_slice(flat),
                Repr::Concat(node) => match node.flat.get() {
                    Some(flat) => units.extend_from_slice(flat),
                    None => {
                        let halves = node.halves.borrow();
                        let (l, r) = halves.as_ref().expect("unflattened: halves present");
                        pending.push(r.clone());
                        pending.push(l.clone());
                    }
                },
            }
        }
        Rc::from(units)
    }
}

impl Drop for Concat {
    /// Lets go of a deep chain of concatenations iteratively, not one native frame per
    /// level.
    fn drop(&mut self) {
        let mut pending: Vec<JsString> = match self.halves.get_mut().take() {
            Some((l, r)) => vec![l, r],
            None => return,
        };
        while let Some(s) = pending.pop() {
            if let Repr::Concat(node) = s.0 {
                if let Ok(mut node) = Rc::try_unwrap(node) {
                    if let Some((l, r)) = node.halves.get_mut().take() {
                        pending.push(l);
                        pending.push(r);
                    }
                }
            }
        }
    }
}

impl Default for JsString {
    fn default() -> JsString {
        JsString(Repr::Flat(Rc::from(&[][..])))
    }
}

impl Finalize for JsString {}
// SAFETY: boa_gc's Trace is an unsafe trait because a wrong implementation could hide a
// Gc pointer from the collector; a JsString holds only UTF-16 code units (and other
// JsStrings), no Gc pointer.
unsafe impl Trace for JsString {
    empty_trace!();
}

impl PartialEq for JsString {
    fn eq(&self, other: &JsString) -> bool {
        JsString::ptr_eq(self, other)
            || (self.len() == other.len() && self.units() == other.units())
    }
}

impl Eq for JsString {}

impl PartialOrd for JsString {
    fn partial_cmp(&self, other: &JsString) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JsString {
    fn cmp(&self, other: &JsString) -> Ordering {
        self.units().cmp(other.units())
    }
}

impl Hash for JsString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.units().hash(state)
    }
}

impl JsString {
    pub fn from_units(units: &[u16]) -> JsString {
        JsString(Repr::Flat(Rc::from(units)))
    }

    pub fn from_vec(units: Vec<u16>) -> JsString {
        JsString(Repr::Flat(Rc::from(units)))
    }

    /// The code units of `s` (UTF-8 → UTF-16).
    pub fn from_str_lossless(s: &str) -> JsString {
        let units: Vec<u16> = s.encode_utf16().collect();
        JsString::from_vec(units)
    }

    pub fn units(&self) -> &[u16] {
        match &self.0 {
            Repr::Flat(flat) => flat,
            Repr::Concat(node) => node.flat.get_or_init(|| node.flatten()),
        }
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Flat(flat) => flat.len(),
            Repr::Concat(node) => node.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The string-concatenation of `self` and `other`.
    pub fn concat(&self, other: &JsString) -> JsString {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let len = self.len() + other.len();
        if len >= CONCAT_NODE_FROM {
            return JsString(Repr::Concat(Rc::new(Concat {
                len,
                halves: RefCell::new(Some((self.clone(), other.clone()))),
                flat: OnceCell::new(),
            })));
        }
        let mut units = Vec::with_capacity(len);
        units.extend_from_slice(self.units());
        units.extend_from_slice(other.units());
        JsString::from_vec(units)
    }

    /// The substring from `start` to `end` (code unit indices, `start <= end <= len`).
    pub fn substring(&self, start: usize, end: usize) -> JsString {
        JsString::from_units(&self.units()[start..end])
    }

    /// Whether the two values are the same string (equal code units).
    pub fn eq_str(&self, s: &str) -> bool {
        self.units().iter().copied().eq(s.encode_utf16())
    }

    /// [`Self::eq_str`], quicker for an ASCII `s` (an identifier name, mostly).
    #[inline]
    pub fn eq_ascii_or_str(&self, s: &str) -> bool {
        if !s.is_ascii() {
            return self.eq_str(s);
        }
        let units = self.units();
        units.len() == s.len() && units.iter().zip(s.bytes()).all(|(u, b)| *u == u16::from(b))
    }

    /// A Rust string for messages and the host: lone surrogates become U+FFFD.
    pub fn to_rust_string(&self) -> String {
        String::from_utf16_lossy(self.units())
    }

    /// Whether the two are the same shared string (not merely equal code units).
    pub fn ptr_eq(a: &JsString, b: &JsString) -> bool {
        match (&a.0, &b.0) {
            (Repr::Flat(x), Repr::Flat(y)) => Rc::ptr_eq(x, y),
            (Repr::Concat(x), Repr::Concat(y)) => Rc::ptr_eq(x, y),
            _ => false,
        }
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
