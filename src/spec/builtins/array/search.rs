//! 23.1.3 Properties of the Array Prototype Object: element access and search (at, includes,
//! indexOf, lastIndexOf).

use super::common::{
    has_plain_index_lookup, next_present_index, skip_holes_ascending, skip_holes_descending,
    SPARSE_THRESHOLD,
};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::operations_on_objects::{get, has_property, index_key, length_of_array_like};
use crate::spec::testing_and_comparison::{is_strictly_equal, same_value_zero};
use crate::spec::type_conversion::{to_integer_or_infinity, to_object};
use crate::spec::value::Value;

/// Array.prototype.at ( index ) (23.1.3.1).
pub(super) fn at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, &call.arg(0))?;
    // 4. If relativeIndex ≥ 0, then a. Let k be relativeIndex.
    // 5. Else, a. Let k be len + relativeIndex.
    let k = if relative_index >= 0.0 {
        relative_index
    } else {
        len as f64 + relative_index
    };
    // 6. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    // 7. Return ? Get(O, ! ToString(𝔽(k))).
    get(agent, &o, &index_key(k as u64))
}

/// Array.prototype.includes ( searchElement [ , fromIndex ] ) (23.1.3.16).
pub(super) fn includes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If len = 0, return false.
    if len == 0 {
        return Ok(Value::Boolean(false));
    }
    // 4. Let n be ? ToIntegerOrInfinity(fromIndex).
    // 5. Assert: If fromIndex is undefined, then n is 0.
    let n = to_integer_or_infinity(agent, &call.arg(1))?;
    // 6. If n = +∞, return false.
    // 7. Else if n = -∞, set n to 0.
    if n == f64::INFINITY {
        return Ok(Value::Boolean(false));
    }
    // 8. If n ≥ 0, then a. Let k be n.
    // 9. Else, a. Let k be len + n. b. If k < 0, set k to 0.
    let mut k = if n >= 0.0 {
        n as u64
    } else {
        (len as f64 + n).max(0.0) as u64
    };
    let search_element = call.arg(0);
    // 10. Repeat, while k < len,
    // (Every index is read here, holes included: Get of a missing index is undefined.)
    while k < len {
        agent.check_limits()?;
        if len - k > SPARSE_THRESHOLD
            && o.own_property(&index_key(k)).is_none()
            && has_plain_index_lookup(&o)
        {
            // Missing indices read as undefined without observable lookups.
            let next = next_present_index(&o, k, len);
            if next > k {
                if search_element.is_undefined() {
                    return Ok(Value::Boolean(true));
                }
                k = next;
                if k >= len {
                    break;
                }
            }
        }
        // a. Let elementK be ? Get(O, ! ToString(𝔽(k))).
        let element_k = get(agent, &o, &index_key(k))?;
        // b. If SameValueZero(searchElement, elementK) is true, return true.
        if same_value_zero(&search_element, &element_k) {
            return Ok(Value::Boolean(true));
        }
        // c. Set k to k + 1.
        k += 1;
    }
    // 11. Return false.
    Ok(Value::Boolean(false))
}

/// Array.prototype.indexOf ( searchElement [ , fromIndex ] ) (23.1.3.17).
pub(super) fn index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 4. Let n be ? ToIntegerOrInfinity(fromIndex).
    // 5. Assert: If fromIndex is undefined, then n is 0.
    let n = to_integer_or_infinity(agent, &call.arg(1))?;
    // 6. If n = +∞, return -1𝔽.
    // 7. Else if n = -∞, set n to 0.
    if n == f64::INFINITY {
        return Ok(Value::Number(-1.0));
    }
    // 8. If n ≥ 0, then a. Let k be n.
    // 9. Else, a. Let k be len + n. b. If k < 0, set k to 0.
    let mut k = if n >= 0.0 {
        n as u64
    } else {
        (len as f64 + n).max(0.0) as u64
    };
    let search_element = call.arg(0);
    // 10. Repeat, while k < len,
    while k < len {
        agent.check_limits()?;
        k = skip_holes_ascending(&o, k, len);
        if k >= len {
            break;
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let elementK be ? Get(O, Pk).
            let element_k = get(agent, &o, &pk)?;
            // ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
            if is_strictly_equal(&search_element, &element_k) {
                return Ok(Value::Number(k as f64));
            }
        }
        // d. Set k to k + 1.
        k += 1;
    }
    // 11. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) (23.1.3.20).
pub(super) fn last_index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 4. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be
    //    len - 1.
    let n = if call.args.len() > 1 {
        to_integer_or_infinity(agent, &call.arg(1))?
    } else {
        len as f64 - 1.0
    };
    // 5. If n = -∞, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return Ok(Value::Number(-1.0));
    }
    // 6. If n ≥ 0, then a. Let k be min(n, len - 1).
    // 7. Else, a. Let k be len + n.
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let mut k = k as u64;
    let search_element = call.arg(0);
    // 8. Repeat, while k ≥ 0,
    while let Some(next) = skip_holes_descending(&o, k) {
        agent.check_limits()?;
        k = next;
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let elementK be ? Get(O, Pk).
            let element_k = get(agent, &o, &pk)?;
            // ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
            if is_strictly_equal(&search_element, &element_k) {
                return Ok(Value::Number(k as f64));
            }
        }
        // d. Set k to k - 1.
        if k == 0 {
            break;
        }
        k -= 1;
    }
    // 9. Return -1𝔽.
    Ok(Value::Number(-1.0))
}
