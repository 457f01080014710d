//! 23.2.3 Properties of the %TypedArray% Prototype Object
//! (sec-properties-of-the-%typedarrayprototype%-object): the accessors and the methods that
//! read elements (iteration, search, join, map, reduce). The methods that write or copy
//! elements are in `typed_array_prototype_copying.rs`.
//!
//! The methods' `! Get(O, Pk)` and `! Set(O, Pk, v, true)` go through the TypedArray's
//! [[Get]] and [[Set]] (10.4.5), as the spec writes them.

use super::array::find_via_predicate;
use super::array_buffer_abstract_operations::Order;
use super::array_iterator::create_array_iterator;
use super::helpers::{define_accessor, define_method, define_value};
use super::typed_array::{typed_array_species_create, validate_typed_array};
use super::typed_array_prototype_copying as copying;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, IterationKind, ObjectKind};
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::operations_on_objects::{
    call as call_function, get, has_property, index_key, invoke, set,
};
use crate::spec::ordinary_object_internal_methods::require_internal_slot;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::testing_and_comparison::{is_callable, is_strictly_equal, same_value_zero};
use crate::spec::type_conversion::{to_boolean, to_integer_or_infinity, to_string};
use crate::spec::typed_array_exotic_objects::{
    is_typed_array_out_of_bounds, make_typed_array_with_buffer_witness_record,
    typed_array_byte_length, typed_array_length, typed_array_slots,
};
use crate::spec::value::Value;

/// "Let O be the this value. Let taRecord be ? ValidateTypedArray(O, seq-cst). Let len be
/// TypedArrayLength(taRecord)." — the first steps of most methods: O and len.
pub fn validate_this(agent: &mut Agent, this: &Value, method: &str) -> JsResult<(Object, usize)> {
    let ta_record = validate_typed_array(
        agent,
        this,
        Order::SeqCst,
        &format!("%TypedArray%.prototype.{method}"),
    )?;
    let len = typed_array_length(&ta_record);
    Ok((ta_record.object, len))
}

/// "If IsCallable(callback) is false, throw a TypeError exception."
fn require_callable(agent: &mut Agent, f: &Value, method: &str) -> JsResult<()> {
    if is_callable(f) {
        Ok(())
    } else {
        Err(agent.type_error(&format!(
            "%TypedArray%.prototype.{method}: the callback is not a function"
        )))
    }
}

/// %TypedArray%.prototype.at ( index ) (23.2.3.1).
fn at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "at")?;
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If relativeIndex ≥ 0, then
    //    a. Let k be relativeIndex.
    // 6. Else,
    //    a. Let k be len + relativeIndex.
    let k = if relative_index >= 0.0 {
        relative_index
    } else {
        len as f64 + relative_index
    };
    // 7. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    // 8. Return ! Get(O, ! ToString(𝔽(k))).
    get(agent, &o, &index_key(k as u64))
}

/// RequireInternalSlot(O, [[TypedArrayName]]) for the accessors.
fn this_typed_array(agent: &mut Agent, o: &Value, accessor: &str) -> JsResult<Object> {
    require_internal_slot(
        agent,
        o,
        InternalSlot::TypedArrayName,
        format_args!("get %TypedArray%.prototype.{accessor}"),
    )
}

/// get %TypedArray%.prototype.buffer (23.2.3.2).
fn buffer(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let o = this_typed_array(agent, call.this, "buffer")?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let buffer be O.[[ViewedArrayBuffer]].
    // 5. Return buffer.
    Ok(typed_array_slots(&o).map_or(Value::Undefined, |s| Value::Object(s.viewed_array_buffer)))
}

/// get %TypedArray%.prototype.byteLength (23.2.3.3).
fn byte_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let o = this_typed_array(agent, call.this, "byteLength")?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    let Some(ta_record) = make_typed_array_with_buffer_witness_record(&o, Order::SeqCst) else {
        return Ok(Value::Number(0.0));
    };
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    if is_typed_array_out_of_bounds(&ta_record) {
        return Ok(Value::Number(0.0));
    }
    // 6. Let size be TypedArrayByteLength(taRecord).
    let size = typed_array_byte_length(&ta_record);
    // 7. Return 𝔽(size).
    Ok(Value::Number(size as f64))
}

/// get %TypedArray%.prototype.byteOffset (23.2.3.4).
fn byte_offset(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let o = this_typed_array(agent, call.this, "byteOffset")?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    let Some(ta_record) = make_typed_array_with_buffer_witness_record(&o, Order::SeqCst) else {
        return Ok(Value::Number(0.0));
    };
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    if is_typed_array_out_of_bounds(&ta_record) {
        return Ok(Value::Number(0.0));
    }
    // 6. Let offset be O.[[ByteOffset]].
    // 7. Return 𝔽(offset).
    Ok(Value::Number(ta_record.slots.byte_offset as f64))
}

/// get %TypedArray%.prototype.length (23.2.3.21).
fn length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let o = this_typed_array(agent, call.this, "length")?;
    // 3. Assert: O has [[ViewedArrayBuffer]] and [[ArrayLength]] internal slots.
    // 4. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    let Some(ta_record) = make_typed_array_with_buffer_witness_record(&o, Order::SeqCst) else {
        return Ok(Value::Number(0.0));
    };
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    if is_typed_array_out_of_bounds(&ta_record) {
        return Ok(Value::Number(0.0));
    }
    // 6. Let length be TypedArrayLength(taRecord).
    let length = typed_array_length(&ta_record);
    // 7. Return 𝔽(length).
    Ok(Value::Number(length as f64))
}

/// get %TypedArray%.prototype [ %Symbol.toStringTag% ] (23.2.3.38).
fn to_string_tag(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, return undefined.
    // 3. If O does not have a [[TypedArrayName]] internal slot, return undefined.
    // 4. Let name be O.[[TypedArrayName]].
    // 5. Assert: name is a String.
    // 6. Return name.
    Ok(match call.this {
        Value::Object(o) => match &o.data().kind {
            ObjectKind::TypedArray(t) => Value::string(t.typed_array_name.constructor_name()),
            _ => Value::Undefined,
        },
        _ => Value::Undefined,
    })
}

/// The iterator methods (23.2.3.6 entries, 23.2.3.19 keys, 23.2.3.37 values).
fn iterator_method(
    agent: &mut Agent,
    call: &BuiltinCall,
    kind: IterationKind,
    method: &str,
) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? ValidateTypedArray(O, seq-cst).
    let (o, _) = validate_this(agent, call.this, method)?;
    // 3. Return CreateArrayIterator(O, kind).
    Ok(Value::Object(create_array_iterator(
        agent,
        Value::Object(o),
        kind,
    )))
}

/// %TypedArray%.prototype.entries ( ) (23.2.3.7).
fn entries(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    iterator_method(agent, call, IterationKind::KeyValue, "entries")
}

/// %TypedArray%.prototype.keys ( ) (23.2.3.19).
fn keys(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    iterator_method(agent, call, IterationKind::Key, "keys")
}

/// %TypedArray%.prototype.values ( ) (23.2.3.35).
fn values(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    iterator_method(agent, call, IterationKind::Value, "values")
}

/// every (23.2.3.8) and some (23.2.3.30): stop at the first element whose ToBoolean(test
/// result) is `stop_on` and return it; otherwise return !stop_on.
fn every_or_some(
    agent: &mut Agent,
    call: &BuiltinCall,
    stop_on: bool,
    method: &str,
) -> JsResult<Value> {
    let callback = call.arg(0);
    let this_arg = call.arg(1);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, method)?;
    // 4. If IsCallable(callback) is false, throw a TypeError exception.
    require_callable(agent, &callback, method)?;
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k as u64);
        // b. Let kValue be ! Get(O, Pk).
        let k_value = get(agent, &o, &pk)?;
        // c. Let testResult be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let result = call_function(
            agent,
            &callback,
            &this_arg,
            &[k_value, Value::Number(k as f64), Value::Object(o.clone())],
        )?;
        // d. If testResult is false, return false. (some: if true, return true.)
        if to_boolean(&result) == stop_on {
            return Ok(Value::Boolean(stop_on));
        }
        // e. Set k to k + 1.
    }
    // 7. Return true. (some: return false.)
    Ok(Value::Boolean(!stop_on))
}

/// %TypedArray%.prototype.every ( callback [ , thisArg ] ) (23.2.3.8).
fn every(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    every_or_some(agent, call, false, "every")
}

/// %TypedArray%.prototype.some ( callback [ , thisArg ] ) (23.2.3.28).
fn some(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    every_or_some(agent, call, true, "some")
}

/// %TypedArray%.prototype.filter ( callback [ , thisArg ] ) (23.2.3.10).
fn filter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let callback = call.arg(0);
    let this_arg = call.arg(1);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "filter")?;
    // 4. If IsCallable(callback) is false, throw a TypeError exception.
    require_callable(agent, &callback, "filter")?;
    // 5. Let kept be a new empty List.
    let mut kept = Vec::new();
    // 6. Let captured be 0.
    // 7. Let k be 0.
    // 8. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k as u64);
        // b. Let kValue be ! Get(O, Pk).
        let k_value = get(agent, &o, &pk)?;
        // c. Let selected be ToBoolean(? Call(callback, thisArg, « kValue, 𝔽(k), O »)).
        let selected = call_function(
            agent,
            &callback,
            &this_arg,
            &[
                k_value.clone(),
                Value::Number(k as f64),
                Value::Object(o.clone()),
            ],
        )?;
        // d. If selected is true, then
        if to_boolean(&selected) {
            // i. Append kValue to kept.
            // ii. Set captured to captured + 1.
            kept.push(k_value);
        }
        // e. Set k to k + 1.
    }
    // 9. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(captured) »).
    let a = typed_array_species_create(agent, &o, &[Value::Number(kept.len() as f64)])?;
    // 10. Let n be 0.
    // 11. For each element e of kept, do
    for (n, e) in kept.into_iter().enumerate() {
        // a. Perform ! Set(A, ! ToString(𝔽(n)), e, true).
        set(agent, &a, &index_key(n as u64), e, true)?;
        // b. Set n to n + 1.
    }
    // 12. Return A.
    Ok(Value::Object(a))
}

/// find, findIndex, findLast, findLastIndex (23.2.3.11-14): steps 1-4.
fn find_common(
    agent: &mut Agent,
    call: &BuiltinCall,
    ascending: bool,
    method: &str,
) -> JsResult<(f64, Value)> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, method)?;
    // 4. Let findRec be ? FindViaPredicate(O, len, direction, predicate, thisArg).
    find_via_predicate(agent, &o, len as u64, ascending, &call.arg(0), &call.arg(1))
}

/// %TypedArray%.prototype.find ( predicate [ , thisArg ] ) (23.2.3.11).
fn find(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return findRec.[[Value]].
    Ok(find_common(agent, call, true, "find")?.1)
}

/// %TypedArray%.prototype.findIndex ( predicate [ , thisArg ] ) (23.2.3.12).
fn find_index(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return findRec.[[Index]].
    Ok(Value::Number(
        find_common(agent, call, true, "findIndex")?.0,
    ))
}

/// %TypedArray%.prototype.findLast ( predicate [ , thisArg ] ) (23.2.3.13).
fn find_last(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return findRec.[[Value]].
    Ok(find_common(agent, call, false, "findLast")?.1)
}

/// %TypedArray%.prototype.findLastIndex ( predicate [ , thisArg ] ) (23.2.3.14).
fn find_last_index(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 5. Return findRec.[[Index]].
    Ok(Value::Number(
        find_common(agent, call, false, "findLastIndex")?.0,
    ))
}

/// %TypedArray%.prototype.forEach ( callback [ , thisArg ] ) (23.2.3.15).
fn for_each(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let callback = call.arg(0);
    let this_arg = call.arg(1);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "forEach")?;
    // 4. If IsCallable(callback) is false, throw a TypeError exception.
    require_callable(agent, &callback, "forEach")?;
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kValue be ! Get(O, Pk).
        let k_value = get(agent, &o, &index_key(k as u64))?;
        // c. Perform ? Call(callback, thisArg, « kValue, 𝔽(k), O »).
        call_function(
            agent,
            &callback,
            &this_arg,
            &[k_value, Value::Number(k as f64), Value::Object(o.clone())],
        )?;
        // d. Set k to k + 1.
    }
    // 7. Return undefined.
    Ok(Value::Undefined)
}

/// The start index of includes and indexOf (steps 5-11): `None` when the search is empty.
fn search_start(agent: &mut Agent, from_index: &Value, len: usize) -> JsResult<Option<usize>> {
    // 5. Let n be ? ToIntegerOrInfinity(fromIndex).
    let n = to_integer_or_infinity(agent, from_index)?;
    // 6. Assert: If fromIndex is undefined, then n is 0.
    // 7. If n = +∞, return false (or -1𝔽).
    if n == f64::INFINITY {
        return Ok(None);
    }
    // 8. Else if n = -∞, set n to 0.
    // 9. If n ≥ 0, then
    //    a. Let k be n.
    // 10. Else,
    //    a. Let k be len + n.
    //    b. If k < 0, set k to 0.
    let k = if n >= 0.0 {
        n
    } else {
        (len as f64 + n).max(0.0)
    };
    Ok((k < len as f64).then_some(k as usize))
}

/// %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] ) (23.2.3.16).
fn includes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let search_element = call.arg(0);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "includes")?;
    // 4. If len = 0, return false.
    if len == 0 {
        return Ok(Value::Boolean(false));
    }
    // 5-10. The start index k.
    let Some(start) = search_start(agent, &call.arg(1), len)? else {
        return Ok(Value::Boolean(false));
    };
    // 11. Repeat, while k < len,
    for k in start..len {
        // a. Let elementK be ! Get(O, ! ToString(𝔽(k))).
        let element_k = get(agent, &o, &index_key(k as u64))?;
        // b. If SameValueZero(searchElement, elementK) is true, return true.
        if same_value_zero(&search_element, &element_k) {
            return Ok(Value::Boolean(true));
        }
        // c. Set k to k + 1.
    }
    // 12. Return false.
    Ok(Value::Boolean(false))
}

/// %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] ) (23.2.3.17).
fn index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let search_element = call.arg(0);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "indexOf")?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 5-10. The start index k.
    let Some(start) = search_start(agent, &call.arg(1), len)? else {
        return Ok(Value::Number(-1.0));
    };
    // 11. Repeat, while k < len,
    for k in start..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k as u64);
        // b. Let kPresent be ! HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let elementK be ! Get(O, Pk).
            let element_k = get(agent, &o, &pk)?;
            // ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
            if is_strictly_equal(&search_element, &element_k) {
                return Ok(Value::Number(k as f64));
            }
        }
        // d. Set k to k + 1.
    }
    // 12. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// %TypedArray%.prototype.join ( separator ) (23.2.3.18).
fn join(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let separator = call.arg(0);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "join")?;
    // 4. If separator is undefined, let sep be ",".
    // 5. Else, let sep be ? ToString(separator).
    let sep = if separator.is_undefined() {
        JsString::from(",")
    } else {
        to_string(agent, &separator)?
    };
    // 6. Let R be the empty String.
    let mut r: Vec<u16> = Vec::new();
    // 7. Let k be 0.
    // 8. Repeat, while k < len,
    for k in 0..len {
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if k > 0 {
            r.extend_from_slice(sep.units());
        }
        // b. Let element be ! Get(O, ! ToString(𝔽(k))).
        let element = get(agent, &o, &index_key(k as u64))?;
        // c. If element is not undefined, then
        if !element.is_undefined() {
            // i. Let S be ! ToString(element).
            // ii. Set R to the string-concatenation of R and S.
            let s = to_string(agent, &element)?;
            r.extend_from_slice(s.units());
        }
        // d. Set k to k + 1.
    }
    // 9. Return R.
    Ok(Value::String(JsString::from_vec(r)))
}

/// %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) (23.2.3.20).
fn last_index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let search_element = call.arg(0);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "lastIndexOf")?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 5. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be
    //    len - 1.
    let n = if call.args.len() > 1 {
        to_integer_or_infinity(agent, &call.arg(1))?
    } else {
        len as f64 - 1.0
    };
    // 6. If n = -∞, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return Ok(Value::Number(-1.0));
    }
    // 7. If n ≥ 0, then
    //    a. Let k be min(n, len - 1).
    // 8. Else,
    //    a. Let k be len + n.
    let mut k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    // 9. Repeat, while k ≥ 0,
    while k >= 0.0 {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k as u64);
        // b. Let kPresent be ! HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let elementK be ! Get(O, Pk).
            let element_k = get(agent, &o, &pk)?;
            // ii. If IsStrictlyEqual(searchElement, elementK) is true, return 𝔽(k).
            if is_strictly_equal(&search_element, &element_k) {
                return Ok(Value::Number(k));
            }
        }
        // d. Set k to k - 1.
        k -= 1.0;
    }
    // 10. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// %TypedArray%.prototype.map ( callback [ , thisArg ] ) (23.2.3.22).
fn map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let callback = call.arg(0);
    let this_arg = call.arg(1);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "map")?;
    // 4. If IsCallable(callback) is false, throw a TypeError exception.
    require_callable(agent, &callback, "map")?;
    // 5. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(len) »).
    let a = typed_array_species_create(agent, &o, &[Value::Number(len as f64)])?;
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k as u64);
        // b. Let kValue be ! Get(O, Pk).
        let k_value = get(agent, &o, &pk)?;
        // c. Let mappedValue be ? Call(callback, thisArg, « kValue, 𝔽(k), O »).
        let mapped_value = call_function(
            agent,
            &callback,
            &this_arg,
            &[k_value, Value::Number(k as f64), Value::Object(o.clone())],
        )?;
        // d. Perform ? Set(A, Pk, mappedValue, true).
        set(agent, &a, &pk, mapped_value, true)?;
        // e. Set k to k + 1.
    }
    // 8. Return A.
    Ok(Value::Object(a))
}

/// reduce (23.2.3.23) and reduceRight (23.2.3.24).
fn reduce_common(agent: &mut Agent, call: &BuiltinCall, right: bool) -> JsResult<Value> {
    let method = if right { "reduceRight" } else { "reduce" };
    let callback = call.arg(0);
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, method)?;
    // 4. If IsCallable(callback) is false, throw a TypeError exception.
    require_callable(agent, &callback, method)?;
    // 5. If len = 0 and initialValue is not present, throw a TypeError exception.
    let initial_value_present = call.args.len() > 1;
    if len == 0 && !initial_value_present {
        return Err(agent.type_error(&format!(
            "%TypedArray%.prototype.{method} of an empty TypedArray with no initial value"
        )));
    }
    // 6. Let k be 0. (reduceRight: len - 1; the indices below run in that order.)
    let mut indices: Box<dyn Iterator<Item = usize>> = if right {
        Box::new((0..len).rev())
    } else {
        Box::new(0..len)
    };
    // 7. Let accumulator be undefined.
    // 8. If initialValue is present, then
    //    a. Set accumulator to initialValue.
    // 9. Else,
    //    a. Let Pk be ! ToString(𝔽(k)).
    //    b. Set accumulator to ! Get(O, Pk).
    //    c. Set k to k + 1 (reduceRight: k - 1).
    let mut accumulator = if initial_value_present {
        call.arg(1)
    } else {
        match indices.next() {
            Some(k) => get(agent, &o, &index_key(k as u64))?,
            None => Value::Undefined,
        }
    };
    // 10. Repeat, while k < len (reduceRight: k ≥ 0),
    for k in indices {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kValue be ! Get(O, Pk).
        let k_value = get(agent, &o, &index_key(k as u64))?;
        // c. Set accumulator to ? Call(callback, undefined, « accumulator, kValue, 𝔽(k), O »).
        accumulator = call_function(
            agent,
            &callback,
            &Value::Undefined,
            &[
                accumulator,
                k_value,
                Value::Number(k as f64),
                Value::Object(o.clone()),
            ],
        )?;
        // d. Set k to k + 1 (reduceRight: k - 1).
    }
    // 11. Return accumulator.
    Ok(accumulator)
}

/// %TypedArray%.prototype.reduce ( callback [ , initialValue ] ) (23.2.3.23).
fn reduce(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    reduce_common(agent, call, false)
}

/// %TypedArray%.prototype.reduceRight ( callback [ , initialValue ] ) (23.2.3.24).
fn reduce_right(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    reduce_common(agent, call, true)
}

/// %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (23.2.3.31):
/// Array.prototype.toLocaleString (23.1.3.32) with TypedArrayLength for the length.
fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let array be ? ToObject(this value). (A TypedArray: ValidateTypedArray.)
    // 2. Let len be ? LengthOfArrayLike(array). (TypedArrayLength.)
    let (array, len) = validate_this(agent, call.this, "toLocaleString")?;
    // 3. Let separator be the implementation-defined list-separator String appropriate
    //    for the host environment's current locale (such as ", "). (This implementation
    //    uses ",".)
    // 4. Let R be the empty String.
    let mut r: Vec<u16> = Vec::new();
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for k in 0..len {
        // a. If k > 0, set R to the string-concatenation of R and separator.
        if k > 0 {
            r.push(u16::from(b','));
        }
        // b. Let element be ? Get(array, ! ToString(𝔽(k))).
        let element = get(agent, &array, &index_key(k as u64))?;
        // c. If element is neither undefined nor null, then
        if !element.is_nullish() {
            // i. Let S be ? ToString(? Invoke(element, "toLocaleString")).
            // ii. Set R to the string-concatenation of R and S.
            let result = invoke(agent, &element, &"toLocaleString".into(), &[])?;
            let s = to_string(agent, &result)?;
            r.extend_from_slice(s.units());
        }
        // d. Set k to k + 1.
    }
    // 7. Return R.
    Ok(Value::String(JsString::from_vec(r)))
}

/// Defines the properties of %TypedArray.prototype% (23.2.3).
pub fn define_typed_array_prototype(agent: &mut Agent, realm: &Realm, prototype: &Object) {
    let getters: &[(&str, Behaviour)] = &[
        ("buffer", buffer),
        ("byteLength", byte_length),
        ("byteOffset", byte_offset),
        ("length", length),
    ];
    for &(name, getter) in getters {
        define_accessor(agent, prototype, name, Some(getter), None);
    }
    let methods: &[(&str, u32, Behaviour)] = &[
        ("at", 1, at),
        ("copyWithin", 2, copying::copy_within),
        ("entries", 0, entries),
        ("every", 1, every),
        ("fill", 1, copying::fill),
        ("filter", 1, filter),
        ("find", 1, find),
        ("findIndex", 1, find_index),
        ("findLast", 1, find_last),
        ("findLastIndex", 1, find_last_index),
        ("forEach", 1, for_each),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("join", 1, join),
        ("keys", 0, keys),
        ("lastIndexOf", 1, last_index_of),
        ("map", 1, map),
        ("reduce", 1, reduce),
        ("reduceRight", 1, reduce_right),
        ("reverse", 0, copying::reverse),
        ("set", 1, copying::set_method),
        ("slice", 2, copying::slice),
        ("some", 1, some),
        ("sort", 1, copying::sort),
        ("subarray", 2, copying::subarray),
        ("toLocaleString", 0, to_locale_string),
        ("toReversed", 0, copying::to_reversed),
        ("toSorted", 1, copying::to_sorted),
        ("with", 2, copying::with),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, prototype, name, length, behaviour);
    }
    // 23.2.3.37 values, which is also the initial value of %Symbol.iterator% (23.2.3.39).
    let values = define_method(agent, prototype, "values", 0, values);
    let iterator = PropertyKey::Symbol(agent.well_known.iterator.clone());
    define_value(
        prototype,
        iterator,
        Value::Object(values),
        true,
        false,
        true,
    );
    // 23.2.3.35 %TypedArray%.prototype.toString: the initial value is
    // %Array.prototype.toString%.
    let array_to_string = match realm
        .intrinsic(Intrinsic::ArrayPrototype)
        .own_property(&"toString".into())
    {
        Some(Property::Data { value, .. }) => value,
        _ => Value::Undefined,
    };
    define_value(prototype, "toString", array_to_string, true, false, true);
    // 23.2.3.40 get %TypedArray%.prototype [ %Symbol.toStringTag% ].
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_accessor(agent, prototype, tag, Some(to_string_tag), None);
}
