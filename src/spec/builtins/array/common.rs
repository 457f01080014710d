//! Helpers the methods of 23.1 share: relative indices, the "length" write, the callback
//! check, and the walk over the present indices of sparse arrays.

use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::{has_writable_length, ARRAY_METHODS};
use crate::spec::completion_record::JsResult;
use crate::spec::immutable_prototype_exotic_objects::IMMUTABLE_PROTOTYPE_METHODS;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{index_key, set};
use crate::spec::ordinary_object_internal_methods::ORDINARY_METHODS;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::value::Value;

/// 2^53 - 1, the largest length of an array-like.
pub(super) const MAX_SAFE_INTEGER: u64 = 9007199254740991;

/// The "relative index" steps most methods share: with relative the result of
/// ToIntegerOrInfinity, "If relative = -∞, let k be 0. Else if relative < 0, let k be
/// max(len + relative, 0). Else, let k be min(relative, len)."
pub(super) fn relative_to_index(relative: f64, len: u64) -> u64 {
    if relative == f64::NEG_INFINITY {
        0
    } else if relative < 0.0 {
        (len as f64 + relative).max(0.0) as u64
    } else {
        relative.min(len as f64) as u64
    }
}

/// Perform ? Set(O, "length", 𝔽(len), true).
/// (Untraced, an Array whose writable "length" already is `len` — as after push's
/// CreateDataProperty past the end — is left as it is: the Set changes nothing and
/// succeeds; `array_exotic_objects::has_writable_length`, docs/ARCHITECTURE.md, "Cheaper
/// common paths".)
pub(super) fn set_length(agent: &mut Agent, o: &Object, len: u64) -> JsResult<()> {
    if !crate::trace::enabled() && has_writable_length(o, len) {
        return Ok(());
    }
    set(agent, o, &"length".into(), Value::Number(len as f64), true)
}

/// "If IsCallable(callbackfn) is false, throw a TypeError exception."
pub(super) fn require_callable(agent: &mut Agent, f: &Value, method: &str) -> JsResult<()> {
    if is_callable(f) {
        Ok(())
    } else {
        Err(agent.type_error(&format!(
            "Array.prototype.{method}: the callback is not a function"
        )))
    }
}

/// Whether HasProperty / [[Get]] of index keys on `o` is the ordinary lookup in own
/// property storage along the whole prototype chain (no proxies, String exotic objects,
/// arguments objects or other exotic [[GetOwnProperty]]): then a missing index key has no
/// observable lookup, and loops may skip straight to the next present index.
pub(super) fn has_plain_index_lookup(o: &Object) -> bool {
    let mut current = Some(o.clone());
    let mut depth = 0;
    while let Some(object) = current {
        let methods = object.methods();
        if !(std::ptr::eq(methods, &ORDINARY_METHODS)
            || std::ptr::eq(methods, &ARRAY_METHODS)
            || std::ptr::eq(methods, &IMMUTABLE_PROTOTYPE_METHODS))
        {
            return false;
        }
        depth += 1;
        if depth > 10_000 {
            return false;
        }
        current = object.data().prototype.clone();
    }
    true
}

/// The integer k < 2^53 whose ! ToString(𝔽(k)) is `key`, if any (keys of 2^32 - 1 and
/// above are String keys).
fn integer_index_of_key(key: &PropertyKey) -> Option<u64> {
    match key {
        PropertyKey::Index(i) => Some(u64::from(*i)),
        PropertyKey::String(s) => {
            let units = s.units();
            if units.is_empty() || units.len() > 16 || units[0] == u16::from(b'0') {
                return None;
            }
            let mut n: u64 = 0;
            for &u in units {
                let d = char::from_u32(u32::from(u))?.to_digit(10)?;
                n = n * 10 + u64::from(d);
            }
            (n <= MAX_SAFE_INTEGER).then_some(n)
        }
        PropertyKey::Symbol(_) => None,
    }
}

/// The smallest index key ≥ `from` and < `to` present on `o` or its prototype chain, for an
/// object with [`has_plain_index_lookup`]: `to` when there is none.
pub(super) fn next_present_index(o: &Object, from: u64, to: u64) -> u64 {
    let mut best = to;
    let mut current = Some(o.clone());
    while let Some(object) = current {
        let data = object.data();
        for key in data.properties.0.keys() {
            if let Some(i) = integer_index_of_key(&key) {
                if i >= from && i < best {
                    best = i;
                }
            }
        }
        current = data.prototype.clone();
    }
    best
}

/// The largest index key ≤ `from` present on `o` or its prototype chain (for descending
/// loops), `None` when there is none.
fn previous_present_index(o: &Object, from: u64) -> Option<u64> {
    let mut best: Option<u64> = None;
    let mut current = Some(o.clone());
    while let Some(object) = current {
        let data = object.data();
        for key in data.properties.0.keys() {
            if let Some(i) = integer_index_of_key(&key) {
                if i <= from && best.is_none_or(|b| i > b) {
                    best = Some(i);
                }
            }
        }
        current = data.prototype.clone();
    }
    best
}

/// The number of own index keys a loop over `len` indices would look at before skipping
/// missing ones is worthwhile.
pub(super) const SPARSE_THRESHOLD: u64 = 10_000;

/// For an ascending loop over k < `end` that only reads indices present on `o` (HasProperty
/// then Get), the next k worth visiting: k itself unless `o` is plain and large enough
/// that skipping the unobservable missing indices matters.
pub(super) fn skip_holes_ascending(o: &Object, k: u64, end: u64) -> u64 {
    if end - k > SPARSE_THRESHOLD
        && o.own_property(&index_key(k)).is_none()
        && has_plain_index_lookup(o)
    {
        next_present_index(o, k, end)
    } else {
        k
    }
}

/// The descending counterpart of [`skip_holes_ascending`]: `None` when no index ≤ k is
/// present.
pub(super) fn skip_holes_descending(o: &Object, k: u64) -> Option<u64> {
    if k > SPARSE_THRESHOLD && o.own_property(&index_key(k)).is_none() && has_plain_index_lookup(o)
    {
        previous_present_index(o, k)
    } else {
        Some(k)
    }
}
