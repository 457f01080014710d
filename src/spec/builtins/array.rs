//! 23.1 Array Objects (sec-array-objects): the Array constructor (23.1.1), its functions
//! (23.1.2) and the methods of %Array.prototype% (23.1.3) other than the iterator methods
//! (values / keys / entries / [%Symbol.iterator%], in array_iterator.rs).
//!
//! Indices are integers below 2^53 (`u64`); `index_key(k)` is ! ToString(𝔽(k)).

use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::{array_create, array_species_create, ARRAY_METHODS};
use crate::spec::builtin_function_objects::{create_builtin_function, Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::immutable_prototype_exotic_objects::IMMUTABLE_PROTOTYPE_METHODS;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    get_iterator_from_method, iterator_close, iterator_step_value,
};
use crate::spec::operations_on_objects::{
    call, construct, create_data_property_or_throw, delete_property_or_throw, get, get_method,
    has_property, index_key, invoke, length_of_array_like, set,
};
use crate::spec::ordinary_object_internal_methods::{
    get_prototype_from_constructor, ordinary_object_create, ORDINARY_METHODS,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::testing_and_comparison::{
    is_array, is_callable, is_strictly_equal, same_value_zero,
};
use crate::spec::type_conversion::{
    to_boolean, to_integer_or_infinity, to_number, to_object, to_string, to_uint32,
};
use crate::spec::value::Value;
use std::cmp::Ordering;

/// 2^53 - 1, the largest length of an array-like.
const MAX_SAFE_INTEGER: u64 = 9007199254740991;

// ---------------------------------------------------------------------------------------
// Helpers shared by the methods
// ---------------------------------------------------------------------------------------

/// The "relative index" steps most methods share: with relative the result of
/// ToIntegerOrInfinity, "If relative = -∞, let k be 0. Else if relative < 0, let k be
/// max(len + relative, 0). Else, let k be min(relative, len)."
fn relative_to_index(relative: f64, len: u64) -> u64 {
    if relative == f64::NEG_INFINITY {
        0
    } else if relative < 0.0 {
        (len as f64 + relative).max(0.0) as u64
    } else {
        relative.min(len as f64) as u64
    }
}

/// Perform ? Set(O, "length", 𝔽(len), true).
fn set_length(agent: &mut Agent, o: &Object, len: u64) -> JsResult<()> {
    set(agent, o, &"length".into(), Value::Number(len as f64), true)
}

/// "If IsCallable(callbackfn) is false, throw a TypeError exception."
fn require_callable(agent: &mut Agent, f: &Value, method: &str) -> JsResult<()> {
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
fn has_plain_index_lookup(o: &Object) -> bool {
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
fn next_present_index(o: &Object, from: u64, to: u64) -> u64 {
    let mut best = to;
    let mut current = Some(o.clone());
    while let Some(object) = current {
        let data = object.data();
        for key in data.properties.0.keys() {
            if let Some(i) = integer_index_of_key(key) {
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
            if let Some(i) = integer_index_of_key(key) {
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
const SPARSE_THRESHOLD: u64 = 10_000;

/// For an ascending loop over k < `end` that only reads indices present on `o` (HasProperty
/// then Get), the next k worth visiting: k itself unless `o` is plain and large enough
/// that skipping the unobservable missing indices matters.
fn skip_holes_ascending(o: &Object, k: u64, end: u64) -> u64 {
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
fn skip_holes_descending(o: &Object, k: u64) -> Option<u64> {
    if k > SPARSE_THRESHOLD && o.own_property(&index_key(k)).is_none() && has_plain_index_lookup(o)
    {
        previous_present_index(o, k)
    } else {
        Some(k)
    }
}

// ---------------------------------------------------------------------------------------
// 23.1.1 The Array Constructor, 23.1.2 Properties of the Array Constructor
// ---------------------------------------------------------------------------------------

/// Array ( ...values ) (23.1.1.1).
fn array_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let
    //    newTarget be NewTarget.
    let new_target = call.new_target.unwrap_or(call.callee).clone();
    // 2. Let proto be ? GetPrototypeFromConstructor(newTarget, "%Array.prototype%").
    let proto = get_prototype_from_constructor(agent, &new_target, Intrinsic::ArrayPrototype)?;
    // 3. Let numberOfArgs be the number of elements in values.
    let values = call.args;
    match values {
        // 4. If numberOfArgs = 0, then a. Return ! ArrayCreate(0, proto).
        [] => Ok(Value::Object(array_create(agent, 0, Some(proto))?)),
        // 5. Else if numberOfArgs = 1, then
        [len] => {
            // a. Let len be values[0].
            // b. Let array be ! ArrayCreate(0, proto).
            let array = array_create(agent, 0, Some(proto))?;
            // c. If len is not a Number, then
            let int_len = if let Value::Number(n) = len {
                // d. Else,
                // i. Let intLen be ! ToUint32(len).
                let int_len = to_uint32(agent, len)?;
                // ii. If SameValueZero(intLen, len) is false, throw a RangeError exception.
                if f64::from(int_len) != *n {
                    return Err(agent.range_error("Invalid array length"));
                }
                f64::from(int_len)
            } else {
                // i. Perform ! CreateDataPropertyOrThrow(array, "0", len).
                create_data_property_or_throw(agent, &array, &index_key(0), len.clone())?;
                // ii. Let intLen be 1𝔽.
                1.0
            };
            // e. Perform ! Set(array, "length", intLen, true).
            set(
                agent,
                &array,
                &"length".into(),
                Value::Number(int_len),
                true,
            )?;
            // f. Return array.
            Ok(Value::Object(array))
        }
        // 6. Else,
        _ => {
            // a. Assert: numberOfArgs ≥ 2.
            // b. Let array be ? ArrayCreate(numberOfArgs, proto).
            let array = array_create(agent, values.len() as u64, Some(proto))?;
            // c. Let k be 0.
            // d. Repeat, while k < numberOfArgs,
            for (k, item_k) in values.iter().enumerate() {
                // i. Let Pk be ! ToString(𝔽(k)).
                // ii. Let itemK be values[k].
                // iii. Perform ! CreateDataPropertyOrThrow(array, Pk, itemK).
                // iv. Set k to k + 1.
                create_data_property_or_throw(agent, &array, &index_key(k as u64), item_k.clone())?;
            }
            // e. Assert: The mathematical value of array's "length" property is
            //    numberOfArgs.
            // f. Return array.
            Ok(Value::Object(array))
        }
    }
}

/// Array.from ( items [ , mapfn [ , thisArg ] ] ) (23.1.2.1).
fn from(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let items = call.arg(0);
    let mapfn = call.arg(1);
    let this_arg = call.arg(2);
    // 1. Let C be the this value.
    let c = call.this.clone();
    // 2. If mapfn is undefined, then a. Let mapping be false.
    // 3. Else, a. If IsCallable(mapfn) is false, throw a TypeError exception.
    //    b. Let mapping be true.
    let mapping = if mapfn.is_undefined() {
        false
    } else {
        if !is_callable(&mapfn) {
            return Err(agent.type_error("Array.from: the map function is not callable"));
        }
        true
    };
    // 4. Let usingIterator be ? GetMethod(items, %Symbol.iterator%).
    let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    let using_iterator = get_method(agent, &items, &iterator_key)?;
    // 5. If usingIterator is not undefined, then
    if let Some(using_iterator) = using_iterator {
        // a. If IsConstructor(C) is true, then i. Let A be ? Construct(C).
        // b. Else, i. Let A be ! ArrayCreate(0).
        let a = match &c {
            Value::Object(constructor) if constructor.is_constructor() => {
                construct(agent, constructor, &[], None)?
            }
            _ => array_create(agent, 0, None)?,
        };
        // c. Let iteratorRecord be ? GetIteratorFromMethod(items, usingIterator).
        let mut iterator_record = get_iterator_from_method(agent, &items, &using_iterator)?;
        // d. Let k be 0.
        let mut k: u64 = 0;
        // e. Repeat,
        loop {
            // i. If k ≥ 2^53 - 1, then
            //    1. Let error be ThrowCompletion(a newly created TypeError object).
            //    2. Return ? IteratorClose(iteratorRecord, error).
            if k >= MAX_SAFE_INTEGER {
                let error = agent.type_error("Array.from: too many elements");
                return iterator_close(agent, &iterator_record, Err(error));
            }
            // ii. Let Pk be ! ToString(𝔽(k)).
            let pk = index_key(k);
            // iii. Let next be ? IteratorStepValue(iteratorRecord).
            // iv. If next is ~done~, then
            let Some(next) = iterator_step_value(agent, &mut iterator_record)? else {
                // 1. Perform ? Set(A, "length", 𝔽(k), true).
                set_length(agent, &a, k)?;
                // 2. Return A.
                return Ok(Value::Object(a));
            };
            // v. If mapping is true, then
            let mapped_value = if mapping {
                // 1. Let mappedValue be Completion(Call(mapfn, thisArg, « next, 𝔽(k) »)).
                // 2. IfAbruptCloseIterator(mappedValue, iteratorRecord).
                match call_value(agent, &mapfn, &this_arg, &[next, Value::Number(k as f64)]) {
                    Ok(v) => v,
                    Err(e) => return iterator_close(agent, &iterator_record, Err(e)),
                }
            } else {
                // vi. Else, let mappedValue be next.
                next
            };
            // vii. Let defineStatus be Completion(CreateDataPropertyOrThrow(A, Pk,
            //      mappedValue)).
            // viii. IfAbruptCloseIterator(defineStatus, iteratorRecord).
            if let Err(e) = create_data_property_or_throw(agent, &a, &pk, mapped_value) {
                return iterator_close(agent, &iterator_record, Err(e));
            }
            // ix. Set k to k + 1.
            k += 1;
        }
    }
    // 6. NOTE: items is not an Iterable so assume it is an array-like object.
    // 7. Let arrayLike be ! ToObject(items).
    let array_like = to_object(agent, &items)?;
    // 8. Let len be ? LengthOfArrayLike(arrayLike).
    let len = length_of_array_like(agent, &array_like)?;
    // 9. If IsConstructor(C) is true, then a. Let A be ? Construct(C, « 𝔽(len) »).
    // 10. Else, a. Let A be ? ArrayCreate(len).
    let a = match &c {
        Value::Object(constructor) if constructor.is_constructor() => {
            construct(agent, constructor, &[Value::Number(len as f64)], None)?
        }
        _ => array_create(agent, len, None)?,
    };
    // 11. Let k be 0.
    // 12. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kValue be ? Get(arrayLike, Pk).
        let k_value = get(agent, &array_like, &pk)?;
        // c. If mapping is true, then
        //    i. Let mappedValue be ? Call(mapfn, thisArg, « kValue, 𝔽(k) »).
        // d. Else, let mappedValue be kValue.
        let mapped_value = if mapping {
            call_value(
                agent,
                &mapfn,
                &this_arg,
                &[k_value, Value::Number(k as f64)],
            )?
        } else {
            k_value
        };
        // e. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
        create_data_property_or_throw(agent, &a, &pk, mapped_value)?;
        // f. Set k to k + 1.
    }
    // 13. Perform ? Set(A, "length", 𝔽(len), true).
    set_length(agent, &a, len)?;
    // 14. Return A.
    Ok(Value::Object(a))
}

fn call_value(agent: &mut Agent, f: &Value, this: &Value, args: &[Value]) -> JsResult<Value> {
    call(agent, f, this, args)
}

/// Array.isArray ( arg ) (23.1.2.2).
fn is_array_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? IsArray(arg).
    Ok(Value::Boolean(is_array(agent, &call.arg(0))?))
}

/// Array.of ( ...items ) (23.1.2.3).
fn of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let len be the number of elements in items.
    let len = call.args.len() as u64;
    // 2. Let lenNumber be 𝔽(len).
    let len_number = Value::Number(len as f64);
    // 3. Let C be the this value.
    // 4. If IsConstructor(C) is true, then a. Let A be ? Construct(C, « lenNumber »).
    // 5. Else, a. Let A be ? ArrayCreate(len).
    let a = match call.this {
        Value::Object(c) if c.is_constructor() => construct(agent, c, &[len_number], None)?,
        _ => array_create(agent, len, None)?,
    };
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    for (k, k_value) in call.args.iter().enumerate() {
        // a. Let kValue be items[k].
        // b. Let Pk be ! ToString(𝔽(k)).
        // c. Perform ? CreateDataPropertyOrThrow(A, Pk, kValue).
        // d. Set k to k + 1.
        create_data_property_or_throw(agent, &a, &index_key(k as u64), k_value.clone())?;
    }
    // 8. Perform ? Set(A, "length", lenNumber, true).
    set_length(agent, &a, len)?;
    // 9. Return A.
    Ok(Value::Object(a))
}

/// get Array [ %Symbol.species% ] (23.1.2.5).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

// ---------------------------------------------------------------------------------------
// 23.1.3 Properties of the Array Prototype Object
// ---------------------------------------------------------------------------------------

/// Array.prototype.at ( index ) (23.1.3.1).
fn at(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// IsConcatSpreadable ( O ) (23.1.3.2.1).
fn is_concat_spreadable(agent: &mut Agent, o: &Value) -> JsResult<bool> {
    // 1. If O is not an Object, return false.
    let Value::Object(object) = o else {
        return Ok(false);
    };
    // 2. Let spreadable be ? Get(O, %Symbol.isConcatSpreadable%).
    let key = PropertyKey::Symbol(agent.well_known.is_concat_spreadable.clone());
    let spreadable = get(agent, object, &key)?;
    // 3. If spreadable is not undefined, return ToBoolean(spreadable).
    if !spreadable.is_undefined() {
        return Ok(to_boolean(&spreadable));
    }
    // 4. Return ? IsArray(O).
    is_array(agent, o)
}

/// Array.prototype.concat ( ...items ) (23.1.3.2).
fn concat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, &o, 0)?;
    // 3. Let n be 0.
    let mut n: u64 = 0;
    // 4. Prepend O to items.
    let items = std::iter::once(Value::Object(o)).chain(call.args.iter().cloned());
    // 5. For each element E of items, do
    for e in items {
        // a. Let spreadable be ? IsConcatSpreadable(E).
        // b. If spreadable is true, then
        if is_concat_spreadable(agent, &e)? {
            let Value::Object(e) = e else {
                unreachable!("IsConcatSpreadable is false for a non-object")
            };
            // i. Let len be ? LengthOfArrayLike(E).
            let len = length_of_array_like(agent, &e)?;
            // ii. If n + len > 2^53 - 1, throw a TypeError exception.
            if n + len > MAX_SAFE_INTEGER {
                return Err(agent.type_error("Array.prototype.concat: result is too long"));
            }
            // iii. Let k be 0.
            let mut k = 0;
            // iv. Repeat, while k < len,
            while k < len {
                let next = skip_holes_ascending(&e, k, len);
                n += next - k;
                k = next;
                if k >= len {
                    break;
                }
                // 1. Let P be ! ToString(𝔽(k)).
                let p = index_key(k);
                // 2. Let exists be ? HasProperty(E, P).
                // 3. If exists is true, then
                if has_property(agent, &e, &p)? {
                    // a. Let subElement be ? Get(E, P).
                    let sub_element = get(agent, &e, &p)?;
                    // b. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)),
                    //    subElement).
                    create_data_property_or_throw(agent, &a, &index_key(n), sub_element)?;
                }
                // 4. Set n to n + 1.
                // 5. Set k to k + 1.
                n += 1;
                k += 1;
            }
        } else {
            // c. Else,
            // i. NOTE: E is added as a single item rather than spread.
            // ii. If n ≥ 2^53 - 1, throw a TypeError exception.
            if n >= MAX_SAFE_INTEGER {
                return Err(agent.type_error("Array.prototype.concat: result is too long"));
            }
            // iii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), E).
            create_data_property_or_throw(agent, &a, &index_key(n), e)?;
            // iv. Set n to n + 1.
            n += 1;
        }
    }
    // 6. Perform ? Set(A, "length", 𝔽(n), true).
    set_length(agent, &a, n)?;
    // 7. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.copyWithin ( target, start [ , end ] ) (23.1.3.4).
fn copy_within(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let relativeTarget be ? ToIntegerOrInfinity(target).
    // 4-6. Let to be the relative index of relativeTarget.
    let relative_target = to_integer_or_infinity(agent, &call.arg(0))?;
    let mut to = relative_to_index(relative_target, len) as i128;
    // 7. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 8-10. Let from be the relative index of relativeStart.
    let relative_start = to_integer_or_infinity(agent, &call.arg(1))?;
    let mut from = relative_to_index(relative_start, len) as i128;
    // 11. If end is undefined, let relativeEnd be len; else let relativeEnd be ?
    //     ToIntegerOrInfinity(end).
    let end = call.arg(2);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, &end)?
    };
    // 12-14. Let final be the relative index of relativeEnd.
    let final_ = relative_to_index(relative_end, len) as i128;
    // 15. Let count be min(final - from, len - to).
    let mut count = (final_ - from).min(len as i128 - to);
    // 16. If from < to and to < from + count, then
    let direction: i128 = if from < to && to < from + count {
        // a. Let direction be -1.
        // b. Set from to from + count - 1.
        // c. Set to to to + count - 1.
        from = from + count - 1;
        to = to + count - 1;
        -1
    } else {
        // 17. Else, a. Let direction be 1.
        1
    };
    // 18. Repeat, while count > 0,
    while count > 0 {
        // a. Let fromKey be ! ToString(𝔽(from)).
        // b. Let toKey be ! ToString(𝔽(to)).
        let from_key = index_key(from as u64);
        let to_key = index_key(to as u64);
        // c. Let fromPresent be ? HasProperty(O, fromKey).
        // d. If fromPresent is true, then
        if has_property(agent, &o, &from_key)? {
            // i. Let fromValue be ? Get(O, fromKey).
            // ii. Perform ? Set(O, toKey, fromValue, true).
            let from_value = get(agent, &o, &from_key)?;
            set(agent, &o, &to_key, from_value, true)?;
        } else {
            // e. Else, i. Assert: fromPresent is false.
            //    ii. Perform ? DeletePropertyOrThrow(O, toKey).
            delete_property_or_throw(agent, &o, &to_key)?;
        }
        // f. Set from to from + direction.
        // g. Set to to to + direction.
        // h. Set count to count - 1.
        from += direction;
        to += direction;
        count -= 1;
    }
    // 19. Return O.
    Ok(Value::Object(o))
}

/// The shape of every / some / forEach: calls callbackfn on each present element in
/// ascending order; `stop` says, from the ToBoolean of a result, when to return early
/// with `Some(value)`.
fn iterate_present(
    agent: &mut Agent,
    call: &BuiltinCall,
    method: &str,
    mut on_result: impl FnMut(Value) -> Option<Value>,
) -> JsResult<Option<Value>> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callbackfn = call.arg(0);
    require_callable(agent, &callbackfn, method)?;
    let this_arg = call.arg(1);
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Repeat, while k < len,
    while k < len {
        k = skip_holes_ascending(&o, k, len);
        if k >= len {
            break;
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let kValue be ? Get(O, Pk).
            let k_value = get(agent, &o, &pk)?;
            // ii. Let result be ? Call(callbackfn, thisArg, « kValue, 𝔽(k), O »).
            let result = call_value(
                agent,
                &callbackfn,
                &this_arg,
                &[k_value, Value::Number(k as f64), Value::Object(o.clone())],
            )?;
            if let Some(value) = on_result(result) {
                return Ok(Some(value));
            }
        }
        // d. Set k to k + 1.
        k += 1;
    }
    Ok(None)
}

/// Array.prototype.every ( callbackfn [ , thisArg ] ) (23.1.3.6).
fn every(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-5 as iterate_present; c.ii. Let testResult be ToBoolean(? Call(callbackfn,
    // thisArg, « kValue, 𝔽(k), O »)). iii. If testResult is false, return false.
    // 6. Return true.
    let result = iterate_present(agent, call, "every", |r| {
        (!to_boolean(&r)).then_some(Value::Boolean(false))
    })?;
    Ok(result.unwrap_or(Value::Boolean(true)))
}

/// Array.prototype.fill ( value [ , start [ , end ] ] ) (23.1.3.7).
fn fill(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 4-6. Let k be the relative index of relativeStart.
    let relative_start = to_integer_or_infinity(agent, &call.arg(1))?;
    let mut k = relative_to_index(relative_start, len);
    // 7. If end is undefined, let relativeEnd be len; else let relativeEnd be ?
    //    ToIntegerOrInfinity(end).
    let end = call.arg(2);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, &end)?
    };
    // 8-10. Let final be the relative index of relativeEnd.
    let final_ = relative_to_index(relative_end, len);
    // 11. Repeat, while k < final,
    let value = call.arg(0);
    while k < final_ {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Perform ? Set(O, Pk, value, true).
        // c. Set k to k + 1.
        set(agent, &o, &index_key(k), value.clone(), true)?;
        k += 1;
    }
    // 12. Return O.
    Ok(Value::Object(o))
}

/// Array.prototype.filter ( callbackfn [ , thisArg ] ) (23.1.3.8).
fn filter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callbackfn = call.arg(0);
    require_callable(agent, &callbackfn, "filter")?;
    let this_arg = call.arg(1);
    // 4. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, &o, 0)?;
    // 5. Let k be 0.
    // 6. Let to be 0.
    let mut k = 0;
    let mut to = 0;
    // 7. Repeat, while k < len,
    while k < len {
        k = skip_holes_ascending(&o, k, len);
        if k >= len {
            break;
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let kValue be ? Get(O, Pk).
            let k_value = get(agent, &o, &pk)?;
            // ii. Let selected be ToBoolean(? Call(callbackfn, thisArg, « kValue, 𝔽(k),
            //     O »)).
            let selected = call_value(
                agent,
                &callbackfn,
                &this_arg,
                &[
                    k_value.clone(),
                    Value::Number(k as f64),
                    Value::Object(o.clone()),
                ],
            )?;
            // iii. If selected is true, then
            if to_boolean(&selected) {
                // 1. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(to)), kValue).
                // 2. Set to to to + 1.
                create_data_property_or_throw(agent, &a, &index_key(to), k_value)?;
                to += 1;
            }
        }
        // d. Set k to k + 1.
        k += 1;
    }
    // 8. Return A.
    Ok(Value::Object(a))
}

/// FindViaPredicate ( O, len, direction, predicate, thisArg ) (23.1.3.12.1): the index
/// (-1 when none) and value found.
pub fn find_via_predicate(
    agent: &mut Agent,
    o: &Object,
    len: u64,
    ascending: bool,
    predicate: &Value,
    this_arg: &Value,
) -> JsResult<(f64, Value)> {
    // 1. If IsCallable(predicate) is false, throw a TypeError exception.
    if !is_callable(predicate) {
        return Err(agent.type_error("the predicate is not a function"));
    }
    // 2. If direction is ~ascending~, then a. Let indices be a List of the integers in the
    //    interval from 0 (inclusive) to len (exclusive), in ascending order.
    // 3. Else, a. Let indices be a List of the integers in the interval from 0 (inclusive)
    //    to len (exclusive), in descending order.
    // 4. For each integer k of indices, do
    for i in 0..len {
        let k = if ascending { i } else { len - 1 - i };
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. NOTE: If O is a TypedArray, the following invocation of Get will return a
        //    normal completion.
        // c. Let kValue be ? Get(O, Pk).
        let k_value = get(agent, o, &index_key(k))?;
        // d. Let testResult be ? Call(predicate, thisArg, « kValue, 𝔽(k), O »).
        let test_result = call_value(
            agent,
            predicate,
            this_arg,
            &[
                k_value.clone(),
                Value::Number(k as f64),
                Value::Object(o.clone()),
            ],
        )?;
        // e. If ToBoolean(testResult) is true, return the Record { [[Index]]: 𝔽(k),
        //    [[Value]]: kValue }.
        if to_boolean(&test_result) {
            return Ok((k as f64, k_value));
        }
    }
    // 5. Return the Record { [[Index]]: -1𝔽, [[Value]]: undefined }.
    Ok((-1.0, Value::Undefined))
}

/// find / findIndex / findLast / findLastIndex: steps 1-3 and FindViaPredicate.
fn find_common(agent: &mut Agent, call: &BuiltinCall, ascending: bool) -> JsResult<(f64, Value)> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let findRec be ? FindViaPredicate(O, len, direction, predicate, thisArg).
    find_via_predicate(agent, &o, len, ascending, &call.arg(0), &call.arg(1))
}

/// Array.prototype.find ( predicate [ , thisArg ] ) (23.1.3.9).
fn find(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Value]].
    Ok(find_common(agent, call, true)?.1)
}

/// Array.prototype.findIndex ( predicate [ , thisArg ] ) (23.1.3.10).
fn find_index(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Index]].
    Ok(Value::Number(find_common(agent, call, true)?.0))
}

/// Array.prototype.findLast ( predicate [ , thisArg ] ) (23.1.3.11).
fn find_last(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Value]].
    Ok(find_common(agent, call, false)?.1)
}

/// Array.prototype.findLastIndex ( predicate [ , thisArg ] ) (23.1.3.12).
fn find_last_index(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Index]].
    Ok(Value::Number(find_common(agent, call, false)?.0))
}

/// FlattenIntoArray ( target, source, sourceLen, start, depth [ , mapperFunction [ ,
/// thisArg ] ] ) (23.1.3.13.1).
#[allow(clippy::too_many_arguments)]
fn flatten_into_array(
    agent: &mut Agent,
    target: &Object,
    source: &Object,
    source_len: u64,
    start: u64,
    depth: f64,
    mapper: Option<(&Value, &Value)>,
) -> JsResult<u64> {
    agent.check_stack()?;
    // 1. Assert: If mapperFunction is present, then IsCallable(mapperFunction) is true,
    //    thisArg is present, and depth is 1.
    // 2. Let targetIndex be start.
    let mut target_index = start;
    // 3. Let sourceIndex be +0𝔽.
    let mut source_index = 0;
    // 4. Repeat, while ℝ(sourceIndex) < sourceLen,
    while source_index < source_len {
        source_index = skip_holes_ascending(source, source_index, source_len);
        if source_index >= source_len {
            break;
        }
        // a. Let P be ! ToString(sourceIndex).
        let p = index_key(source_index);
        // b. Let exists be ? HasProperty(source, P).
        // c. If exists is true, then
        if has_property(agent, source, &p)? {
            // i. Let element be ? Get(source, P).
            let mut element = get(agent, source, &p)?;
            // ii. If mapperFunction is present, then
            //     1. Set element to ? Call(mapperFunction, thisArg, « element,
            //        sourceIndex, source »).
            if let Some((mapper_function, this_arg)) = mapper {
                element = call_value(
                    agent,
                    mapper_function,
                    this_arg,
                    &[
                        element,
                        Value::Number(source_index as f64),
                        Value::Object(source.clone()),
                    ],
                )?;
            }
            // iii. Let shouldFlatten be false.
            // iv. If depth > 0, then 1. Set shouldFlatten to ? IsArray(element).
            let should_flatten = depth > 0.0 && is_array(agent, &element)?;
            // v. If shouldFlatten is true, then
            if should_flatten {
                let Value::Object(element) = &element else {
                    unreachable!("IsArray is false for a non-object")
                };
                // 1. If depth = +∞, let newDepth be +∞.
                // 2. Else, let newDepth be depth - 1.
                let new_depth = if depth == f64::INFINITY {
                    f64::INFINITY
                } else {
                    depth - 1.0
                };
                // 3. Let elementLen be ? LengthOfArrayLike(element).
                let element_len = length_of_array_like(agent, element)?;
                // 4. Set targetIndex to ? FlattenIntoArray(target, element, elementLen,
                //    targetIndex, newDepth).
                target_index = flatten_into_array(
                    agent,
                    target,
                    element,
                    element_len,
                    target_index,
                    new_depth,
                    None,
                )?;
            } else {
                // vi. Else,
                // 1. If targetIndex ≥ 2^53 - 1, throw a TypeError exception.
                if target_index >= MAX_SAFE_INTEGER {
                    return Err(agent.type_error("flattened array is too long"));
                }
                // 2. Perform ? CreateDataPropertyOrThrow(target, ! ToString(𝔽(targetIndex)),
                //    element).
                create_data_property_or_throw(agent, target, &index_key(target_index), element)?;
                // 3. Set targetIndex to targetIndex + 1.
                target_index += 1;
            }
        }
        // d. Set sourceIndex to sourceIndex + 1𝔽.
        source_index += 1;
    }
    // 5. Return targetIndex.
    Ok(target_index)
}

/// Array.prototype.flat ( [ depth ] ) (23.1.3.13).
fn flat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let sourceLen be ? LengthOfArrayLike(O).
    let source_len = length_of_array_like(agent, &o)?;
    // 3. Let depthNum be 1.
    // 4. If depth is not undefined, then
    //    a. Set depthNum to ? ToIntegerOrInfinity(depth).
    //    b. If depthNum < 0, set depthNum to 0.
    let depth = call.arg(0);
    let depth_num = if depth.is_undefined() {
        1.0
    } else {
        to_integer_or_infinity(agent, &depth)?.max(0.0)
    };
    // 5. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, &o, 0)?;
    // 6. Perform ? FlattenIntoArray(A, O, sourceLen, 0, depthNum).
    flatten_into_array(agent, &a, &o, source_len, 0, depth_num, None)?;
    // 7. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.flatMap ( mapperFunction [ , thisArg ] ) (23.1.3.14).
fn flat_map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let sourceLen be ? LengthOfArrayLike(O).
    let source_len = length_of_array_like(agent, &o)?;
    // 3. If IsCallable(mapperFunction) is false, throw a TypeError exception.
    let mapper_function = call.arg(0);
    require_callable(agent, &mapper_function, "flatMap")?;
    // 4. Let A be ? ArraySpeciesCreate(O, 0).
    let a = array_species_create(agent, &o, 0)?;
    // 5. Perform ? FlattenIntoArray(A, O, sourceLen, 0, 1, mapperFunction, thisArg).
    let this_arg = call.arg(1);
    flatten_into_array(
        agent,
        &a,
        &o,
        source_len,
        0,
        1.0,
        Some((&mapper_function, &this_arg)),
    )?;
    // 6. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.forEach ( callbackfn [ , thisArg ] ) (23.1.3.15).
fn for_each(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-5 as iterate_present; c.ii. Perform ? Call(callbackfn, thisArg, « kValue, 𝔽(k),
    // O »). 6. Return undefined.
    iterate_present(agent, call, "forEach", |_| None)?;
    Ok(Value::Undefined)
}

/// Array.prototype.includes ( searchElement [ , fromIndex ] ) (23.1.3.16).
fn includes(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
fn index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// Array.prototype.join ( separator ) (23.1.3.18).
fn join(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If separator is undefined, let sep be ",".
    // 4. Else, let sep be ? ToString(separator).
    let separator = call.arg(0);
    let sep = if separator.is_undefined() {
        JsString::from(",")
    } else {
        to_string(agent, &separator)?
    };
    // 5. Let R be the empty String.
    let mut r: Vec<u16> = Vec::new();
    // 6. Let k be 0.
    // 7. Repeat, while k < len,
    for k in 0..len {
        // a. If k > 0, set R to the string-concatenation of R and sep.
        if k > 0 {
            r.extend_from_slice(sep.units());
            if r.len() as u64 > (1 << 30) {
                return Err(agent.range_error("Invalid string length"));
            }
        }
        // b. Let element be ? Get(O, ! ToString(𝔽(k))).
        let element = get(agent, &o, &index_key(k))?;
        // c. If element is either undefined or null, let next be the empty String;
        //    otherwise, let next be ? ToString(element).
        // d. Set R to the string-concatenation of R and next.
        if !element.is_nullish() {
            let next = to_string(agent, &element)?;
            r.extend_from_slice(next.units());
        }
        // e. Set k to k + 1.
    }
    // 8. Return R.
    Ok(Value::String(JsString::from_vec(r)))
}

/// Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) (23.1.3.20).
fn last_index_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// Array.prototype.map ( callbackfn [ , thisArg ] ) (23.1.3.21).
fn map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callbackfn = call.arg(0);
    require_callable(agent, &callbackfn, "map")?;
    let this_arg = call.arg(1);
    // 4. Let A be ? ArraySpeciesCreate(O, len).
    let a = array_species_create(agent, &o, len)?;
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Repeat, while k < len,
    while k < len {
        k = skip_holes_ascending(&o, k, len);
        if k >= len {
            break;
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let kValue be ? Get(O, Pk).
            let k_value = get(agent, &o, &pk)?;
            // ii. Let mappedValue be ? Call(callbackfn, thisArg, « kValue, 𝔽(k), O »).
            let mapped_value = call_value(
                agent,
                &callbackfn,
                &this_arg,
                &[k_value, Value::Number(k as f64), Value::Object(o.clone())],
            )?;
            // iii. Perform ? CreateDataPropertyOrThrow(A, Pk, mappedValue).
            create_data_property_or_throw(agent, &a, &pk, mapped_value)?;
        }
        // d. Set k to k + 1.
        k += 1;
    }
    // 7. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.pop ( ) (23.1.3.22).
fn pop(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If len = 0, then
    if len == 0 {
        // a. Perform ? Set(O, "length", +0𝔽, true).
        // b. Return undefined.
        set_length(agent, &o, 0)?;
        return Ok(Value::Undefined);
    }
    // 4. Else,
    // a. Assert: len > 0.
    // b. Let newLen be 𝔽(len - 1).
    let new_len = len - 1;
    // c. Let index be ! ToString(newLen).
    let index = index_key(new_len);
    // d. Let element be ? Get(O, index).
    let element = get(agent, &o, &index)?;
    // e. Perform ? DeletePropertyOrThrow(O, index).
    delete_property_or_throw(agent, &o, &index)?;
    // f. Perform ? Set(O, "length", newLen, true).
    set_length(agent, &o, new_len)?;
    // g. Return element.
    Ok(element)
}

/// Array.prototype.push ( ...items ) (23.1.3.23).
fn push(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let mut len = length_of_array_like(agent, &o)?;
    // 3. Let argCount be the number of elements in items.
    let arg_count = call.args.len() as u64;
    // 4. If len + argCount > 2^53 - 1, throw a TypeError exception.
    if len + arg_count > MAX_SAFE_INTEGER {
        return Err(agent.type_error("Array.prototype.push: the length would exceed 2^53 - 1"));
    }
    // 5. For each element E of items, do
    for e in call.args {
        // a. Perform ? Set(O, ! ToString(𝔽(len)), E, true).
        // b. Set len to len + 1.
        set(agent, &o, &index_key(len), e.clone(), true)?;
        len += 1;
    }
    // 6. Perform ? Set(O, "length", 𝔽(len), true).
    set_length(agent, &o, len)?;
    // 7. Return 𝔽(len).
    Ok(Value::Number(len as f64))
}

/// Array.prototype.reduce ( callbackfn [ , initialValue ] ) (23.1.3.24) and
/// reduceRight (23.1.3.25), which visits the indices in descending order.
fn reduce_common(agent: &mut Agent, call: &BuiltinCall, right: bool) -> JsResult<Value> {
    let method = if right { "reduceRight" } else { "reduce" };
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    let callbackfn = call.arg(0);
    require_callable(agent, &callbackfn, method)?;
    // 4. If len = 0 and initialValue is not present, throw a TypeError exception.
    let initial_value_present = call.args.len() > 1;
    if len == 0 && !initial_value_present {
        return Err(agent.type_error(&format!(
            "Array.prototype.{method} of an empty array with no initial value"
        )));
    }
    // The visiting order as positions 0..len: k = i (reduce) or len - 1 - i (reduceRight).
    let index_at = |i: u64| if right { len - 1 - i } else { i };
    // 5. Let k be 0 (reduceRight: len - 1).
    let mut i: u64 = 0;
    // 6. Let accumulator be undefined.
    // 7. If initialValue is present, then a. Set accumulator to initialValue.
    let mut accumulator = call.arg(1);
    if !initial_value_present {
        // 8. Else,
        // a. Let kPresent be false.
        let mut k_present = false;
        // b. Repeat, while kPresent is false and k < len,
        while !k_present && i < len {
            // i. Let Pk be ! ToString(𝔽(k)).
            let pk = index_key(index_at(i));
            // ii. Set kPresent to ? HasProperty(O, Pk).
            k_present = has_property(agent, &o, &pk)?;
            // iii. If kPresent is true, then 1. Set accumulator to ? Get(O, Pk).
            if k_present {
                accumulator = get(agent, &o, &pk)?;
            }
            // iv. Set k to k + 1.
            i += 1;
        }
        // c. If kPresent is false, throw a TypeError exception.
        if !k_present {
            return Err(agent.type_error(&format!(
                "Array.prototype.{method} of an array with no elements and no initial value"
            )));
        }
    }
    // 9. Repeat, while k < len,
    while i < len {
        let k = index_at(i);
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let kValue be ? Get(O, Pk).
            let k_value = get(agent, &o, &pk)?;
            // ii. Set accumulator to ? Call(callbackfn, undefined, « accumulator, kValue,
            //     𝔽(k), O »).
            accumulator = call_value(
                agent,
                &callbackfn,
                &Value::Undefined,
                &[
                    accumulator,
                    k_value,
                    Value::Number(k as f64),
                    Value::Object(o.clone()),
                ],
            )?;
        }
        // d. Set k to k + 1.
        i += 1;
    }
    // 10. Return accumulator.
    Ok(accumulator)
}

/// Array.prototype.reduce ( callbackfn [ , initialValue ] ) (23.1.3.24).
fn reduce(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    reduce_common(agent, call, false)
}

/// Array.prototype.reduceRight ( callbackfn [ , initialValue ] ) (23.1.3.25).
fn reduce_right(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    reduce_common(agent, call, true)
}

/// Array.prototype.reverse ( ) (23.1.3.26).
fn reverse(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let middle be floor(len / 2).
    let middle = len / 2;
    // 4. Let lower be 0.
    let mut lower = 0;
    // 5. Repeat, while lower ≠ middle,
    while lower != middle {
        // a. Let upper be len - lower - 1.
        let upper = len - lower - 1;
        // b. Let upperP be ! ToString(𝔽(upper)).
        // c. Let lowerP be ! ToString(𝔽(lower)).
        let upper_p = index_key(upper);
        let lower_p = index_key(lower);
        // d. Let lowerExists be ? HasProperty(O, lowerP).
        // e. If lowerExists is true, then i. Let lowerValue be ? Get(O, lowerP).
        let lower_value = if has_property(agent, &o, &lower_p)? {
            Some(get(agent, &o, &lower_p)?)
        } else {
            None
        };
        // f. Let upperExists be ? HasProperty(O, upperP).
        // g. If upperExists is true, then i. Let upperValue be ? Get(O, upperP).
        let upper_value = if has_property(agent, &o, &upper_p)? {
            Some(get(agent, &o, &upper_p)?)
        } else {
            None
        };
        match (lower_value, upper_value) {
            // h. If lowerExists is true and upperExists is true, then
            //    i. Perform ? Set(O, lowerP, upperValue, true).
            //    ii. Perform ? Set(O, upperP, lowerValue, true).
            (Some(lower_value), Some(upper_value)) => {
                set(agent, &o, &lower_p, upper_value, true)?;
                set(agent, &o, &upper_p, lower_value, true)?;
            }
            // i. Else if lowerExists is false and upperExists is true, then
            //    i. Perform ? Set(O, lowerP, upperValue, true).
            //    ii. Perform ? DeletePropertyOrThrow(O, upperP).
            (None, Some(upper_value)) => {
                set(agent, &o, &lower_p, upper_value, true)?;
                delete_property_or_throw(agent, &o, &upper_p)?;
            }
            // j. Else if lowerExists is true and upperExists is false, then
            //    i. Perform ? DeletePropertyOrThrow(O, lowerP).
            //    ii. Perform ? Set(O, upperP, lowerValue, true).
            (Some(lower_value), None) => {
                delete_property_or_throw(agent, &o, &lower_p)?;
                set(agent, &o, &upper_p, lower_value, true)?;
            }
            // k. Else, i. Assert: lowerExists and upperExists are both false.
            //    ii. NOTE: No action is required.
            (None, None) => {}
        }
        // l. Set lower to lower + 1.
        lower += 1;
    }
    // 6. Return O.
    Ok(Value::Object(o))
}

/// Array.prototype.shift ( ) (23.1.3.27).
fn shift(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. If len = 0, then
    if len == 0 {
        // a. Perform ? Set(O, "length", +0𝔽, true).
        // b. Return undefined.
        set_length(agent, &o, 0)?;
        return Ok(Value::Undefined);
    }
    // 4. Let first be ? Get(O, "0").
    let first = get(agent, &o, &index_key(0))?;
    // 5. Let k be 1.
    // 6. Repeat, while k < len,
    for k in 1..len {
        // a. Let from be ! ToString(𝔽(k)).
        // b. Let to be ! ToString(𝔽(k - 1)).
        let from = index_key(k);
        let to = index_key(k - 1);
        // c. Let fromPresent be ? HasProperty(O, from).
        // d. If fromPresent is true, then
        if has_property(agent, &o, &from)? {
            // i. Let fromValue be ? Get(O, from).
            // ii. Perform ? Set(O, to, fromValue, true).
            let from_value = get(agent, &o, &from)?;
            set(agent, &o, &to, from_value, true)?;
        } else {
            // e. Else, i. Assert: fromPresent is false.
            //    ii. Perform ? DeletePropertyOrThrow(O, to).
            delete_property_or_throw(agent, &o, &to)?;
        }
        // f. Set k to k + 1.
    }
    // 7. Perform ? DeletePropertyOrThrow(O, ! ToString(𝔽(len - 1))).
    delete_property_or_throw(agent, &o, &index_key(len - 1))?;
    // 8. Perform ? Set(O, "length", 𝔽(len - 1), true).
    set_length(agent, &o, len - 1)?;
    // 9. Return first.
    Ok(first)
}

/// Array.prototype.slice ( start, end ) (23.1.3.28).
fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 4-6. Let k be the relative index of relativeStart.
    let relative_start = to_integer_or_infinity(agent, &call.arg(0))?;
    let mut k = relative_to_index(relative_start, len);
    // 7. If end is undefined, let relativeEnd be len; else let relativeEnd be ?
    //    ToIntegerOrInfinity(end).
    let end = call.arg(1);
    let relative_end = if end.is_undefined() {
        len as f64
    } else {
        to_integer_or_infinity(agent, &end)?
    };
    // 8-10. Let final be the relative index of relativeEnd.
    let final_ = relative_to_index(relative_end, len);
    // 11. Let count be max(final - k, 0).
    let count = final_.saturating_sub(k);
    // 12. Let A be ? ArraySpeciesCreate(O, count).
    let a = array_species_create(agent, &o, count)?;
    // 13. Let n be 0.
    let mut n: u64 = 0;
    // 14. Repeat, while k < final,
    while k < final_ {
        let next = skip_holes_ascending(&o, k, final_);
        n += next - k;
        k = next;
        if k >= final_ {
            break;
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kPresent be ? HasProperty(O, Pk).
        // c. If kPresent is true, then
        if has_property(agent, &o, &pk)? {
            // i. Let kValue be ? Get(O, Pk).
            // ii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), kValue).
            let k_value = get(agent, &o, &pk)?;
            create_data_property_or_throw(agent, &a, &index_key(n), k_value)?;
        }
        // d. Set k to k + 1.
        // e. Set n to n + 1.
        k += 1;
        n += 1;
    }
    // 15. Perform ? Set(A, "length", 𝔽(n), true).
    set_length(agent, &a, n)?;
    // 16. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.some ( callbackfn [ , thisArg ] ) (23.1.3.29).
fn some(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-5 as iterate_present; c.ii. Let testResult be ToBoolean(? Call(callbackfn,
    // thisArg, « kValue, 𝔽(k), O »)). iii. If testResult is true, return true.
    // 6. Return false.
    let result = iterate_present(agent, call, "some", |r| {
        to_boolean(&r).then_some(Value::Boolean(true))
    })?;
    Ok(result.unwrap_or(Value::Boolean(false)))
}

/// CompareArrayElements ( x, y, comparefn ) (23.1.3.30.2).
fn compare_array_elements(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    comparefn: &Value,
) -> JsResult<Ordering> {
    match (x, y) {
        // 1. If x and y are both undefined, return +0𝔽.
        (Value::Undefined, Value::Undefined) => return Ok(Ordering::Equal),
        // 2. If x is undefined, return 1𝔽.
        (Value::Undefined, _) => return Ok(Ordering::Greater),
        // 3. If y is undefined, return -1𝔽.
        (_, Value::Undefined) => return Ok(Ordering::Less),
        _ => {}
    }
    // 4. If comparefn is not undefined, then
    if !comparefn.is_undefined() {
        // a. Let v be ? ToNumber(? Call(comparefn, undefined, « x, y »)).
        let result = call_value(agent, comparefn, &Value::Undefined, &[x.clone(), y.clone()])?;
        let v = to_number(agent, &result)?;
        // b. If v is NaN, return +0𝔽.
        // c. Return v.
        return Ok(if v < 0.0 {
            Ordering::Less
        } else if v > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Equal
        });
    }
    // 5. Let xString be ? ToString(x).
    let x_string = to_string(agent, x)?;
    // 6. Let yString be ? ToString(y).
    let y_string = to_string(agent, y)?;
    // 7. Let xSmaller be ! IsLessThan(xString, yString, true).
    // 8. If xSmaller is true, return -1𝔽.
    // 9. Let ySmaller be ! IsLessThan(yString, xString, true).
    // 10. If ySmaller is true, return 1𝔽.
    // 11. Return +0𝔽.
    Ok(x_string.units().cmp(y_string.units()))
}

/// A stable merge sort whose comparator may throw: the first abrupt completion stops the
/// sort before any further comparison and is returned (SortIndexedProperties step 4).
pub fn merge_sort<T: Clone>(
    items: Vec<T>,
    compare: &mut dyn FnMut(&T, &T) -> JsResult<Ordering>,
) -> JsResult<Vec<T>> {
    let len = items.len();
    if len <= 1 {
        return Ok(items);
    }
    let mut source = items;
    let mut width = 1;
    while width < len {
        let mut merged = Vec::with_capacity(len);
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, middle);
            while i < middle && j < end {
                // Take from the right run only when it is strictly smaller: stability.
                if compare(&source[i], &source[j])? == Ordering::Greater {
                    merged.push(source[j].clone());
                    j += 1;
                } else {
                    merged.push(source[i].clone());
                    i += 1;
                }
            }
            merged.extend_from_slice(&source[i..middle]);
            merged.extend_from_slice(&source[j..end]);
            start = end;
        }
        source = merged;
        width *= 2;
    }
    Ok(source)
}

/// SortIndexedProperties ( obj, len, SortCompare, holes ) (23.1.3.30.1), with SortCompare
/// the closure of sort / toSorted: CompareArrayElements with comparefn.
fn sort_indexed_properties(
    agent: &mut Agent,
    obj: &Object,
    len: u64,
    comparefn: &Value,
    skip_holes: bool,
) -> JsResult<Vec<Value>> {
    // 1. Let items be a new empty List.
    let mut items = Vec::new();
    // 2. Let k be 0.
    let mut k = 0;
    // 3. Repeat, while k < len,
    while k < len {
        if skip_holes {
            k = skip_holes_ascending(obj, k, len);
            if k >= len {
                break;
            }
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. If holes is ~skip-holes~, then i. Let kRead be ? HasProperty(obj, Pk).
        // c. Else, i. Assert: holes is ~read-through-holes~. ii. Let kRead be true.
        let k_read = !skip_holes || has_property(agent, obj, &pk)?;
        // d. If kRead is true, then
        if k_read {
            // i. Let kValue be ? Get(obj, Pk).
            // ii. Append kValue to items.
            items.push(get(agent, obj, &pk)?);
        }
        // e. Set k to k + 1.
        k += 1;
    }
    // 4. Sort items using an implementation-defined sequence of calls to SortCompare. If
    //    any such call returns an abrupt completion, stop before performing any further
    //    calls to SortCompare and return that Completion Record.
    // 5. Return items.
    merge_sort(items, &mut |x, y| {
        compare_array_elements(agent, x, y, comparefn)
    })
}

/// Array.prototype.sort ( comparefn ) (23.1.3.30).
fn sort(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw a
    //    TypeError exception.
    let comparefn = call.arg(0);
    if !comparefn.is_undefined() && !is_callable(&comparefn) {
        return Err(
            agent.type_error("The comparison function must be either a function or undefined")
        );
    }
    // 2. Let obj be ? ToObject(this value).
    let obj = to_object(agent, call.this)?;
    // 3. Let len be ? LengthOfArrayLike(obj).
    let len = length_of_array_like(agent, &obj)?;
    // 4. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparefn and performs the following steps when called:
    //    a. Return ? CompareArrayElements(x, y, comparefn).
    // 5. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, ~skip-holes~).
    let sorted_list = sort_indexed_properties(agent, &obj, len, &comparefn, true)?;
    // 6. Let itemCount be the number of elements in sortedList.
    let item_count = sorted_list.len() as u64;
    // 7. Let j be 0.
    // 8. Repeat, while j < itemCount,
    for (j, item) in sorted_list.into_iter().enumerate() {
        // a. Perform ? Set(obj, ! ToString(𝔽(j)), sortedList[j], true).
        // b. Set j to j + 1.
        set(agent, &obj, &index_key(j as u64), item, true)?;
    }
    // 9. NOTE: The call to SortIndexedProperties in step 5 uses ~skip-holes~. The
    //    remaining indices are deleted to preserve the number of holes that were detected
    //    and excluded from the sort.
    // 10. Repeat, while j < len,
    let mut j = item_count;
    while j < len {
        let next = skip_holes_ascending(&obj, j, len);
        if next >= len {
            break;
        }
        j = next;
        // a. Perform ? DeletePropertyOrThrow(obj, ! ToString(𝔽(j))).
        // b. Set j to j + 1.
        delete_property_or_throw(agent, &obj, &index_key(j))?;
        j += 1;
    }
    // 11. Return obj.
    Ok(Value::Object(obj))
}

/// Steps 3-10 that splice (23.1.3.31) and toSpliced (23.1.3.35) share: actualStart, the
/// items, and actualDeleteCount / actualSkipCount.
fn splice_arguments<'a>(
    agent: &mut Agent,
    call: &'a BuiltinCall,
    len: u64,
) -> JsResult<(u64, &'a [Value], u64)> {
    // 3. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 4-6. Let actualStart be the relative index of relativeStart.
    let relative_start = to_integer_or_infinity(agent, &call.arg(0))?;
    let actual_start = relative_to_index(relative_start, len);
    // 7. Let itemCount (insertCount) be the number of elements in items.
    let items = call.args.get(2..).unwrap_or(&[]);
    // 8. If start is not present, then a. Let actualDeleteCount be 0.
    // 9. Else if deleteCount is not present, then a. Let actualDeleteCount be len -
    //    actualStart.
    // 10. Else, a. Let dc be ? ToIntegerOrInfinity(deleteCount). b. Let
    //     actualDeleteCount be the result of clamping dc between 0 and len - actualStart.
    let count = match call.args.len() {
        0 => 0,
        1 => len - actual_start,
        _ => {
            let dc = to_integer_or_infinity(agent, &call.arg(1))?;
            dc.max(0.0).min((len - actual_start) as f64) as u64
        }
    };
    Ok((actual_start, items, count))
}

/// Array.prototype.splice ( start, deleteCount, ...items ) (23.1.3.31).
fn splice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3-10. actualStart, items, itemCount and actualDeleteCount.
    let (actual_start, items, actual_delete_count) = splice_arguments(agent, call, len)?;
    let item_count = items.len() as u64;
    // 11. If len + itemCount - actualDeleteCount > 2^53 - 1, throw a TypeError exception.
    if len + item_count - actual_delete_count > MAX_SAFE_INTEGER {
        return Err(agent.type_error("Array.prototype.splice: the length would exceed 2^53 - 1"));
    }
    // 12. Let A be ? ArraySpeciesCreate(O, actualDeleteCount).
    let a = array_species_create(agent, &o, actual_delete_count)?;
    // 13. Let k be 0.
    // 14. Repeat, while k < actualDeleteCount,
    for k in 0..actual_delete_count {
        // a. Let from be ! ToString(𝔽(actualStart + k)).
        let from = index_key(actual_start + k);
        // b. If ? HasProperty(O, from) is true, then
        if has_property(agent, &o, &from)? {
            // i. Let fromValue be ? Get(O, from).
            // ii. Perform ? CreateDataPropertyOrThrow(A, ! ToString(𝔽(k)), fromValue).
            let from_value = get(agent, &o, &from)?;
            create_data_property_or_throw(agent, &a, &index_key(k), from_value)?;
        }
        // c. Set k to k + 1.
    }
    // 15. Perform ? Set(A, "length", 𝔽(actualDeleteCount), true).
    set_length(agent, &a, actual_delete_count)?;
    // 16. If itemCount < actualDeleteCount, then
    if item_count < actual_delete_count {
        // a. Set k to actualStart.
        // b. Repeat, while k < (len - actualDeleteCount),
        for k in actual_start..(len - actual_delete_count) {
            // i. Let from be ! ToString(𝔽(k + actualDeleteCount)).
            // ii. Let to be ! ToString(𝔽(k + itemCount)).
            let from = index_key(k + actual_delete_count);
            let to = index_key(k + item_count);
            // iii. If ? HasProperty(O, from) is true, then
            if has_property(agent, &o, &from)? {
                // 1. Let fromValue be ? Get(O, from).
                // 2. Perform ? Set(O, to, fromValue, true).
                let from_value = get(agent, &o, &from)?;
                set(agent, &o, &to, from_value, true)?;
            } else {
                // iv. Else, 1. Perform ? DeletePropertyOrThrow(O, to).
                delete_property_or_throw(agent, &o, &to)?;
            }
            // v. Set k to k + 1.
        }
        // c. Set k to len.
        // d. Repeat, while k > (len - actualDeleteCount + itemCount),
        let mut k = len;
        while k > len - actual_delete_count + item_count {
            // i. Perform ? DeletePropertyOrThrow(O, ! ToString(𝔽(k - 1))).
            // ii. Set k to k - 1.
            delete_property_or_throw(agent, &o, &index_key(k - 1))?;
            k -= 1;
        }
    } else if item_count > actual_delete_count {
        // 17. Else if itemCount > actualDeleteCount, then
        // a. Set k to (len - actualDeleteCount).
        let mut k = len - actual_delete_count;
        // b. Repeat, while k > actualStart,
        while k > actual_start {
            // i. Let from be ! ToString(𝔽(k + actualDeleteCount - 1)).
            // ii. Let to be ! ToString(𝔽(k + itemCount - 1)).
            let from = index_key(k + actual_delete_count - 1);
            let to = index_key(k + item_count - 1);
            // iii. If ? HasProperty(O, from) is true, then
            if has_property(agent, &o, &from)? {
                // 1. Let fromValue be ? Get(O, from).
                // 2. Perform ? Set(O, to, fromValue, true).
                let from_value = get(agent, &o, &from)?;
                set(agent, &o, &to, from_value, true)?;
            } else {
                // iv. Else, 1. Perform ? DeletePropertyOrThrow(O, to).
                delete_property_or_throw(agent, &o, &to)?;
            }
            // v. Set k to k - 1.
            k -= 1;
        }
    }
    // 18. Set k to actualStart.
    // 19. For each element E of items, do
    for (i, e) in items.iter().enumerate() {
        // a. Perform ? Set(O, ! ToString(𝔽(k)), E, true).
        // b. Set k to k + 1.
        set(
            agent,
            &o,
            &index_key(actual_start + i as u64),
            e.clone(),
            true,
        )?;
    }
    // 20. Perform ? Set(O, "length", 𝔽(len - actualDeleteCount + itemCount), true).
    set_length(agent, &o, len - actual_delete_count + item_count)?;
    // 21. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (23.1.3.32).
fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let array be ? ToObject(this value).
    let array = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(array).
    let len = length_of_array_like(agent, &array)?;
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
        let element = get(agent, &array, &index_key(k))?;
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

/// Array.prototype.toReversed ( ) (23.1.3.33).
fn to_reversed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None)?;
    // 4. Let k be 0.
    // 5. Repeat, while k < len,
    for k in 0..len {
        // a. Let from be ! ToString(𝔽(len - k - 1)).
        // b. Let Pk be ! ToString(𝔽(k)).
        // c. Let fromValue be ? Get(O, from).
        // d. Perform ! CreateDataPropertyOrThrow(A, Pk, fromValue).
        // e. Set k to k + 1.
        let from_value = get(agent, &o, &index_key(len - k - 1))?;
        create_data_property_or_throw(agent, &a, &index_key(k), from_value)?;
    }
    // 6. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.toSorted ( comparefn ) (23.1.3.34).
fn to_sorted(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw a
    //    TypeError exception.
    let comparefn = call.arg(0);
    if !comparefn.is_undefined() && !is_callable(&comparefn) {
        return Err(
            agent.type_error("The comparison function must be either a function or undefined")
        );
    }
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 3. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 4. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None)?;
    // 5. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparefn and performs the following steps when called:
    //    a. Return ? CompareArrayElements(x, y, comparefn).
    // 6. Let sortedList be ? SortIndexedProperties(O, len, SortCompare,
    //    ~read-through-holes~).
    let sorted_list = sort_indexed_properties(agent, &o, len, &comparefn, false)?;
    // 7. Let j be 0.
    // 8. Repeat, while j < len,
    for (j, item) in sorted_list.into_iter().enumerate() {
        // a. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(j)), sortedList[j]).
        // b. Set j to j + 1.
        create_data_property_or_throw(agent, &a, &index_key(j as u64), item)?;
    }
    // 9. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.toSpliced ( start, skipCount, ...items ) (23.1.3.35).
fn to_spliced(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3-10. actualStart, items, insertCount and actualSkipCount.
    let (actual_start, items, actual_skip_count) = splice_arguments(agent, call, len)?;
    let insert_count = items.len() as u64;
    // 11. Let newLen be len + insertCount - actualSkipCount.
    let new_len = len + insert_count - actual_skip_count;
    // 12. If newLen > 2^53 - 1, throw a TypeError exception.
    if new_len > MAX_SAFE_INTEGER {
        return Err(agent.type_error("Array.prototype.toSpliced: the length would exceed 2^53 - 1"));
    }
    // 13. Let A be ? ArrayCreate(newLen).
    let a = array_create(agent, new_len, None)?;
    // 14. Let i be 0.
    // 15. Let r be actualStart + actualSkipCount.
    let mut r = actual_start + actual_skip_count;
    // 16. Repeat, while i < actualStart,
    for i in 0..actual_start {
        // a. Let Pi be ! ToString(𝔽(i)).
        // b. Let iValue be ? Get(O, Pi).
        // c. Perform ! CreateDataPropertyOrThrow(A, Pi, iValue).
        // d. Set i to i + 1.
        let pi = index_key(i);
        let i_value = get(agent, &o, &pi)?;
        create_data_property_or_throw(agent, &a, &pi, i_value)?;
    }
    let mut i = actual_start;
    // 17. For each element E of items, do
    for e in items {
        // a. Let Pi be ! ToString(𝔽(i)).
        // b. Perform ! CreateDataPropertyOrThrow(A, Pi, E).
        // c. Set i to i + 1.
        create_data_property_or_throw(agent, &a, &index_key(i), e.clone())?;
        i += 1;
    }
    // 18. Repeat, while i < newLen,
    while i < new_len {
        // a. Let Pi be ! ToString(𝔽(i)).
        // b. Let from be ! ToString(𝔽(r)).
        // c. Let fromValue be ? Get(O, from).
        // d. Perform ! CreateDataPropertyOrThrow(A, Pi, fromValue).
        // e. Set i to i + 1.
        // f. Set r to r + 1.
        let from_value = get(agent, &o, &index_key(r))?;
        create_data_property_or_throw(agent, &a, &index_key(i), from_value)?;
        i += 1;
        r += 1;
    }
    // 19. Return A.
    Ok(Value::Object(a))
}

/// Array.prototype.toString ( ) (23.1.3.36). The callee's slot 0 is
/// %Object.prototype.toString%.
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let array be ? ToObject(this value).
    let array = to_object(agent, call.this)?;
    // 2. Let func be ? Get(array, "join").
    let mut func = get(agent, &array, &"join".into())?;
    // 3. If IsCallable(func) is false, set func to the intrinsic function
    //    %Object.prototype.toString%.
    if !is_callable(&func) {
        func = call.slot(0);
    }
    // 4. Return ? Call(func, array).
    call_value(agent, &func, &Value::Object(array), &[])
}

/// Array.prototype.unshift ( ...items ) (23.1.3.37).
fn unshift(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let argCount be the number of elements in items.
    let arg_count = call.args.len() as u64;
    // 4. If argCount > 0, then
    if arg_count > 0 {
        // a. If len + argCount > 2^53 - 1, throw a TypeError exception.
        if len + arg_count > MAX_SAFE_INTEGER {
            return Err(
                agent.type_error("Array.prototype.unshift: the length would exceed 2^53 - 1")
            );
        }
        // b. Let k be len.
        let mut k = len;
        // c. Repeat, while k > 0,
        while k > 0 {
            // i. Let from be ! ToString(𝔽(k - 1)).
            // ii. Let to be ! ToString(𝔽(k + argCount - 1)).
            let from = index_key(k - 1);
            let to = index_key(k + arg_count - 1);
            // iii. Let fromPresent be ? HasProperty(O, from).
            // iv. If fromPresent is true, then
            if has_property(agent, &o, &from)? {
                // 1. Let fromValue be ? Get(O, from).
                // 2. Perform ? Set(O, to, fromValue, true).
                let from_value = get(agent, &o, &from)?;
                set(agent, &o, &to, from_value, true)?;
            } else {
                // v. Else, 1. Assert: fromPresent is false.
                //    2. Perform ? DeletePropertyOrThrow(O, to).
                delete_property_or_throw(agent, &o, &to)?;
            }
            // vi. Set k to k - 1.
            k -= 1;
        }
        // d. Let j be +0𝔽.
        // e. For each element E of items, do
        for (j, e) in call.args.iter().enumerate() {
            // i. Perform ? Set(O, ! ToString(j), E, true).
            // ii. Set j to j + 1𝔽.
            set(agent, &o, &index_key(j as u64), e.clone(), true)?;
        }
    }
    // 5. Perform ? Set(O, "length", 𝔽(len + argCount), true).
    set_length(agent, &o, len + arg_count)?;
    // 6. Return 𝔽(len + argCount).
    Ok(Value::Number((len + arg_count) as f64))
}

/// Array.prototype.with ( index, value ) (23.1.3.39).
fn with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, &call.arg(0))?;
    // 4. If relativeIndex ≥ 0, let actualIndex be relativeIndex.
    // 5. Else, let actualIndex be len + relativeIndex.
    let actual_index = if relative_index >= 0.0 {
        relative_index
    } else {
        len as f64 + relative_index
    };
    // 6. If actualIndex ≥ len or actualIndex < 0, throw a RangeError exception.
    if actual_index >= len as f64 || actual_index < 0.0 {
        return Err(agent.range_error("Array.prototype.with: index out of range"));
    }
    let actual_index = actual_index as u64;
    // 7. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None)?;
    let value = call.arg(1);
    // 8. Let k be 0.
    // 9. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. If k = actualIndex, let fromValue be value.
        // c. Else, let fromValue be ? Get(O, Pk).
        let from_value = if k == actual_index {
            value.clone()
        } else {
            get(agent, &o, &pk)?
        };
        // d. Perform ! CreateDataPropertyOrThrow(A, Pk, fromValue).
        // e. Set k to k + 1.
        create_data_property_or_throw(agent, &a, &pk, from_value)?;
    }
    // 10. Return A.
    Ok(Value::Object(a))
}

/// Creates %Array% (23.1.2) and the methods of %Array.prototype% (23.1.3).
pub fn create_array_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::ArrayPrototype);
    let array = define_constructor(
        agent,
        realm,
        Intrinsic::Array,
        "Array",
        1,
        array_constructor,
        &prototype,
        None,
    );
    define_method(agent, &array, "from", 1, from);
    define_method(agent, &array, "isArray", 1, is_array_function);
    define_method(agent, &array, "of", 0, of);
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &array, species, Some(get_species), None);

    let methods: &[(&str, u32, Behaviour)] = &[
        ("at", 1, at),
        ("concat", 1, concat),
        ("copyWithin", 2, copy_within),
        ("every", 1, every),
        ("fill", 1, fill),
        ("filter", 1, filter),
        ("find", 1, find),
        ("findIndex", 1, find_index),
        ("findLast", 1, find_last),
        ("findLastIndex", 1, find_last_index),
        ("flat", 0, flat),
        ("flatMap", 1, flat_map),
        ("forEach", 1, for_each),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("join", 1, join),
        ("lastIndexOf", 1, last_index_of),
        ("map", 1, map),
        ("pop", 0, pop),
        ("push", 1, push),
        ("reduce", 1, reduce),
        ("reduceRight", 1, reduce_right),
        ("reverse", 0, reverse),
        ("shift", 0, shift),
        ("slice", 2, slice),
        ("some", 1, some),
        ("sort", 1, sort),
        ("splice", 2, splice),
        ("toLocaleString", 0, to_locale_string),
        ("toReversed", 0, to_reversed),
        ("toSorted", 1, to_sorted),
        ("toSpliced", 2, to_spliced),
        ("unshift", 1, unshift),
        ("with", 2, with),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, *name, *length, *behaviour);
    }
    // 23.1.3.36 Array.prototype.toString, which falls back on %Object.prototype.toString%
    // (captured here, as the intrinsic, before any script can replace the property).
    let object_to_string = match realm
        .intrinsic(Intrinsic::ObjectPrototype)
        .own_property(&"toString".into())
    {
        Some(Property::Data { value, .. }) => value,
        _ => Value::Undefined,
    };
    let to_string_fn = create_builtin_function(
        agent,
        to_string_method,
        0.0,
        FunctionName::Key("toString".into()),
        vec![object_to_string],
        Some(realm.clone()),
        None,
        None,
        false,
    );
    define_value(
        &prototype,
        "toString",
        Value::Object(to_string_fn),
        true,
        false,
        true,
    );
    // 23.1.3.41 Array.prototype [ %Symbol.unscopables% ].
    // 1. Let unscopableList be OrdinaryObjectCreate(null).
    let unscopable_list = ordinary_object_create(None);
    // 2-17. Perform ! CreateDataPropertyOrThrow(unscopableList, name, true) for "at",
    //       "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
    //       "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
    //       "toSorted", "toSpliced", "values".
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        define_value(
            &unscopable_list,
            name,
            Value::Boolean(true),
            true,
            true,
            true,
        );
    }
    // 18. Return unscopableList. "This property has the attributes { [[Writable]]: false,
    //     [[Enumerable]]: false, [[Configurable]]: true }."
    let unscopables = PropertyKey::Symbol(agent.well_known.unscopables.clone());
    define_value(
        &prototype,
        unscopables,
        Value::Object(unscopable_list),
        false,
        false,
        true,
    );
}

#[cfg(test)]
mod tests {
    use super::merge_sort;

    #[test]
    fn merge_sort_is_stable() {
        let items: Vec<(u32, usize)> = [3, 1, 2, 1, 3, 2, 1, 0, 3]
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let sorted = merge_sort(items, &mut |a, b| Ok(a.0.cmp(&b.0))).unwrap();
        let expected = vec![
            (0, 7),
            (1, 1),
            (1, 3),
            (1, 6),
            (2, 2),
            (2, 5),
            (3, 0),
            (3, 4),
            (3, 8),
        ];
        assert_eq!(sorted, expected);
    }

    #[test]
    fn merge_sort_stops_at_the_first_abrupt_comparison() {
        let mut calls = 0;
        let result = merge_sort(vec![5, 4, 3, 2, 1], &mut |a: &i32, b: &i32| {
            calls += 1;
            if calls == 3 {
                return Err(crate::spec::value::Value::Number(1.0));
            }
            Ok(a.cmp(b))
        });
        assert!(result.is_err());
        assert_eq!(calls, 3);
    }
}
