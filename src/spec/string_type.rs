//! 6.1.4 The String Type (sec-ecmascript-language-types-string-type): a String value is a
//! finite sequence of UTF-16 code units. Lone surrogates are allowed, so strings are kept
//! as code units, never as Rust `String`s.

use super::agents::Agent;
use super::completion_record::JsResult;
pub use super::resource_limits::MAX_STRING_LENGTH;
use super::resource_limits::{host_heap_would_exceed, host_limit_exceeded, Termination};
use super::value::Value;
use crate::{spec_assert, step};
use boa_gc::{empty_trace, Finalize, Trace};
use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// StringIndexOf ( string, searchValue, fromIndex ) (6.1.4.1): `None` is not-found.
pub fn string_index_of(string: &[u16], search_value: &[u16], from_index: usize) -> Option<usize> {
    // 1. Let len be the length of string.
    step!("sec-stringindexof", "1");
    let len = string.len();
    // 2. If searchValue is the empty String and fromIndex ≤ len, return fromIndex.
    step!("sec-stringindexof", "2");
    if search_value.is_empty() && from_index <= len {
        return Some(from_index);
    }
    // 3. Let searchLen be the length of searchValue.
    step!("sec-stringindexof", "3");
    let search_len = search_value.len();
    // 4. For each integer i such that fromIndex ≤ i ≤ len - searchLen, in ascending order,
    //    do
    step!("sec-stringindexof", "4");
    if search_len <= len {
        for i in from_index..=len - search_len {
            // a. Let candidate be the substring of string from i to i + searchLen.
            step!("sec-stringindexof", "4.a");
            let candidate = &string[i..i + search_len];
            // b. If candidate is searchValue, return i.
            step!("sec-stringindexof", "4.b");
            if candidate == search_value {
                return Some(i);
            }
        }
    }
    // 5. Return not-found.
    step!("sec-stringindexof", "5");
    None
}

/// StringLastIndexOf ( string, searchValue, fromIndex ) (6.1.4.2): `None` is not-found.
pub fn string_last_index_of(
    string: &[u16],
    search_value: &[u16],
    from_index: usize,
) -> Option<usize> {
    // 1. Let len be the length of string.
    step!("sec-stringlastindexof", "1");
    let len = string.len();
    // 2. Let searchLen be the length of searchValue.
    step!("sec-stringlastindexof", "2");
    let search_len = search_value.len();
    // 3. Assert: fromIndex + searchLen ≤ len.
    spec_assert!("sec-stringlastindexof", "3", from_index + search_len <= len);
    // 4. For each integer i such that 0 ≤ i ≤ fromIndex, in descending order, do
    step!("sec-stringlastindexof", "4");
    for i in (0..=from_index).rev() {
        // a. Let candidate be the substring of string from i to i + searchLen.
        step!("sec-stringlastindexof", "4.a");
        let candidate = &string[i..i + search_len];
        // b. If candidate is searchValue, return i.
        step!("sec-stringlastindexof", "4.b");
        if candidate == search_value {
            return Some(i);
        }
    }
    // 5. Return not-found.
    step!("sec-stringlastindexof", "5");
    None
}

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

/// Why a String could not be made: longer than [`MAX_STRING_LENGTH`] code units (or its
/// code units could not be allocated) — a RangeError "Invalid string length" — or a host
/// limit ran out while it was being built ([`StringError::throw`] ends the run then).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringError {
    TooLong,
    Limit(Termination),
}

impl StringError {
    /// The RangeError to throw.
    pub fn throw(self, agent: &mut Agent) -> Value {
        match self {
            StringError::TooLong => agent.range_error("Invalid string length"),
            StringError::Limit(why) => agent.terminate(why),
        }
    }
}

/// `result.or_throw(agent)?`: a [`StringError`] as the RangeError it stands for.
pub trait OrThrow<T> {
    fn or_throw(self, agent: &mut Agent) -> JsResult<T>;
}

impl<T> OrThrow<T> for Result<T, StringError> {
    fn or_throw(self, agent: &mut Agent) -> JsResult<T> {
        self.map_err(|e| e.throw(agent))
    }
}

/// The one check of the String length limit ([`MAX_STRING_LENGTH`], `resource_limits`):
/// every String the engine makes is no longer, so each place that makes one from
/// program-controlled parts goes through here (concatenation, [`StringBuilder`]).
pub fn check_string_length(len: usize) -> Result<(), StringError> {
    if len > MAX_STRING_LENGTH {
        Err(StringError::TooLong)
    } else {
        Ok(())
    }
}

/// The bytes a code unit takes in a String's buffer.
const UNIT_BYTES: usize = std::mem::size_of::<u16>();

/// How many code units a [`StringBuilder`] appends between two checks of the host's limits.
const BUILDER_CHECK_EVERY: usize = 1 << 16;

/// A String being built from parts whose total length the program controls (`join`,
/// `replace`, JSON.stringify, String.raw, case mapping, ...): appending checks the length
/// limit first and grows the buffer with `try_reserve`, so a String that would be too long
/// is a RangeError before its memory is asked for, and a failed allocation is one too
/// rather than an abort. Every [`BUILDER_CHECK_EVERY`] code units it also checks the
/// host's time and heap limits (`resource_limits::host_limit_exceeded`), so that building
/// even a String of the maximum length stops soon after a limit runs out.
#[derive(Default)]
pub struct StringBuilder {
    units: Vec<u16>,
    /// Below this length [`StringBuilder::push`] needs no check: the capacity, the length
    /// limit and the next check of the host's limits, whichever comes first.
    room: usize,
}

impl StringBuilder {
    pub fn new() -> StringBuilder {
        StringBuilder::default()
    }

    /// A builder with room for `capacity` code units (as much as is allowed and can be
    /// had: capacity is only a hint).
    pub fn with_capacity(capacity: usize) -> StringBuilder {
        let mut units = Vec::new();
        let capacity = capacity.min(MAX_STRING_LENGTH);
        // A hint past the host's heap limit is not taken: the appends then stop at the
        // limit (make_room) instead of the buffer being asked for at once.
        if !host_heap_would_exceed(capacity.saturating_mul(UNIT_BYTES)) {
            let _ = units.try_reserve_exact(capacity);
        }
        StringBuilder { units, room: 0 }
    }

    /// Makes room for `additional` more code units: the length limit, the host's limits,
    /// then the capacity.
    #[cold]
    fn make_room(&mut self, additional: usize) -> Result<(), StringError> {
        let len = self.units.len().saturating_add(additional);
        check_string_length(len)?;
        if let Some(why) = host_limit_exceeded() {
            return Err(StringError::Limit(why));
        }
        if self.units.capacity() < len {
            // Doubling, but never past the limit.
            let mut wanted = len
                .max(self.units.capacity().saturating_mul(2))
                .min(MAX_STRING_LENGTH);
            // The buffer is never asked for past the host's heap limit: doubling only while
            // it fits, then exactly what is needed, then the limit's termination.
            let growth = |capacity: usize| (capacity - self.units.len()) * UNIT_BYTES;
            if host_heap_would_exceed(growth(wanted)) {
                wanted = len;
                if host_heap_would_exceed(growth(wanted)) {
                    return Err(StringError::Limit(Termination::HeapLimit));
                }
            }
            self.units
                .try_reserve_exact(wanted - self.units.len())
                .or_else(|_| self.units.try_reserve_exact(additional))
                .map_err(|_| StringError::TooLong)?;
        }
        self.room = self
            .units
            .capacity()
            .min(MAX_STRING_LENGTH)
            .min(len.saturating_add(BUILDER_CHECK_EVERY));
        Ok(())
    }

    /// Appends one code unit.
    #[inline]
    pub fn push(&mut self, unit: u16) -> Result<(), StringError> {
        if self.units.len() >= self.room {
            self.make_room(1)?;
        }
        self.units.push(unit);
        Ok(())
    }

    /// Appends code units.
    pub fn extend(&mut self, units: &[u16]) -> Result<(), StringError> {
        if self.units.len() + units.len() > self.room {
            self.make_room(units.len())?;
        }
        self.units.extend_from_slice(units);
        Ok(())
    }

    /// Appends a String's code units.
    pub fn push_string(&mut self, s: &JsString) -> Result<(), StringError> {
        self.extend(s.units())
    }

    /// Appends the UTF-16 code units of a Rust string.
    pub fn push_str(&mut self, s: &str) -> Result<(), StringError> {
        for unit in s.encode_utf16() {
            self.push(unit)?;
        }
        Ok(())
    }

    /// Appends a character's UTF-16 code units.
    pub fn push_char(&mut self, c: char) -> Result<(), StringError> {
        let mut buffer = [0u16; 2];
        self.extend(c.encode_utf16(&mut buffer))
    }

    /// Appends `unit` `count` times.
    pub fn push_repeated(&mut self, unit: u16, count: usize) -> Result<(), StringError> {
        if self.units.len() + count > self.room {
            self.make_room(count)?;
        }
        self.units.resize(self.units.len() + count, unit);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The code units so far.
    pub fn units(&self) -> &[u16] {
        &self.units
    }

    /// Removes the last `n` code units.
    pub fn truncate(&mut self, len: usize) {
        self.units.truncate(len);
    }

    /// The code units built.
    pub fn into_units(self) -> Vec<u16> {
        self.units
    }

    /// The String built.
    pub fn build(self) -> JsString {
        JsString::from_vec(self.units)
    }
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
    /// The same code units: two flat Strings sharing their code units, or of different
    /// lengths, are answered inline (property keys made from the same identifier name share
    /// them), anything else by comparing the units.
    #[inline]
    fn eq(&self, other: &JsString) -> bool {
        if let (Repr::Flat(x), Repr::Flat(y)) = (&self.0, &other.0) {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            if x.len() != y.len() {
                return false;
            }
        }
        self.eq_units(other)
    }
}

impl JsString {
    /// [`PartialEq::eq`] by the code units.
    #[inline(never)]
    fn eq_units(&self, other: &JsString) -> bool {
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
        if let [unit] = units {
            if let Some(shared) = Self::single_latin1(*unit) {
                return shared;
            }
        }
        JsString(Repr::Flat(Rc::from(units)))
    }

    pub fn from_vec(units: Vec<u16>) -> JsString {
        if let [unit] = units[..] {
            if let Some(shared) = Self::single_latin1(unit) {
                return shared;
            }
        }
        JsString(Repr::Flat(Rc::from(units)))
    }

    /// The one-code-unit String of `unit` when it is below 256, shared by every String
    /// made of that one code unit (Strings are immutable values, so sharing them is
    /// unobservable): `s[i]`, `charAt`, `split('')` and string iteration make one String per
    /// character, and would otherwise each allocate a block for one code unit.
    fn single_latin1(unit: u16) -> Option<JsString> {
        thread_local! {
            static SINGLE_LATIN1: Vec<JsString> = (0..256u16)
                .map(|unit| JsString(Repr::Flat(Rc::from(&[unit][..]))))
                .collect();
        }
        if unit < 256 {
            Some(SINGLE_LATIN1.with(|table| table[usize::from(unit)].clone()))
        } else {
            None
        }
    }

    /// The code units of `s` (UTF-8 → UTF-16).
    pub fn from_str_lossless(s: &str) -> JsString {
        if s.is_empty() {
            // (One shared empty String per thread: every anonymous function's "name" is
            // one; memory only.)
            thread_local! {
                static EMPTY: JsString = JsString::from_vec(Vec::new());
            }
            return EMPTY
                .try_with(JsString::clone)
                .unwrap_or_else(|_| JsString::from_vec(Vec::new()));
        }
        let units: Vec<u16> = s.encode_utf16().collect();
        JsString::from_vec(units)
    }

    #[inline]
    pub fn units(&self) -> &[u16] {
        match &self.0 {
            Repr::Flat(flat) => flat,
            Repr::Concat(node) => node.flat.get_or_init(|| node.flatten()),
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Flat(flat) => flat.len(),
            Repr::Concat(node) => node.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The string-concatenation of `self` and `other`: a RangeError (through
    /// [`StringError::throw`]) when it would be longer than [`MAX_STRING_LENGTH`].
    pub fn concat(&self, other: &JsString) -> Result<JsString, StringError> {
        if other.is_empty() {
            return Ok(self.clone());
        }
        if self.is_empty() {
            return Ok(other.clone());
        }
        let len = self.len() + other.len();
        check_string_length(len)?;
        // (A long String's code units are copied when it is first read: the host's limits
        // are checked as for a String being built, the heap limit for that copy — the
        // doublings `s = s + s` otherwise make a String of 2³⁰ code units out of a few
        // megabytes, and its first read asks for 2 GB.)
        if len >= 1 << 20 {
            if let Some(why) = host_limit_exceeded() {
                return Err(StringError::Limit(why));
            }
            if host_heap_would_exceed(len.saturating_mul(UNIT_BYTES)) {
                return Err(StringError::Limit(Termination::HeapLimit));
            }
        }
        if len >= CONCAT_NODE_FROM {
            return Ok(JsString(Repr::Concat(Rc::new(Concat {
                len,
                halves: RefCell::new(Some((self.clone(), other.clone()))),
                flat: OnceCell::new(),
            }))));
        }
        let mut units = Vec::with_capacity(len);
        units.extend_from_slice(self.units());
        units.extend_from_slice(other.units());
        Ok(JsString::from_vec(units))
    }

    /// The string-concatenation of `self` and `other` in an agent: a RangeError when it
    /// would be too long.
    pub fn concat_in(&self, agent: &mut Agent, other: &JsString) -> JsResult<JsString> {
        self.concat(other).map_err(|e| e.throw(agent))
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
    #[inline(always)]
    pub fn eq_ascii_or_str(&self, s: &str) -> bool {
        // (One pass for an ASCII `s`: equal exactly when each code unit is its byte. A
        // non-ASCII `s` fails that pass at its first byte above 0x7F and is compared by
        // code points, out of line.)
        let units = self.units();
        let bytes = s.as_bytes();
        if units.len() == bytes.len() {
            let mut i = 0;
            while i < bytes.len() && bytes[i] < 0x80 && units[i] == u16::from(bytes[i]) {
                i += 1;
            }
            if i == bytes.len() {
                return true;
            }
        }
        self.eq_non_ascii_str(s)
    }

    /// [`Self::eq_str`] for an `s` that is not ASCII (`false` for an ASCII one, which
    /// [`Self::eq_ascii_or_str`] has compared).
    #[inline(never)]
    fn eq_non_ascii_str(&self, s: &str) -> bool {
        !s.is_ascii() && self.eq_str(s)
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
