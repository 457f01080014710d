//! 23.1.3 Properties of the Array Prototype Object: the methods that call a callback for
//! each element (every, filter, find, findIndex, findLast, findLastIndex with FindViaPredicate
//! (23.1.3.12.1), forEach, map, reduce, reduceRight, some).

use super::common::{require_callable, skip_holes_ascending};
use super::constructor::call_value;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_species_create;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::{
    create_data_property_or_throw, get, has_property, index_key, length_of_array_like,
};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{to_boolean, to_object};
use crate::spec::value::Value;

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
pub(super) fn every(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-5 as iterate_present; c.ii. Let testResult be ToBoolean(? Call(callbackfn,
    // thisArg, « kValue, 𝔽(k), O »)). iii. If testResult is false, return false.
    // 6. Return true.
    let result = iterate_present(agent, call, "every", |r| {
        (!to_boolean(&r)).then_some(Value::Boolean(false))
    })?;
    Ok(result.unwrap_or(Value::Boolean(true)))
}

/// Array.prototype.filter ( callbackfn [ , thisArg ] ) (23.1.3.8).
pub(super) fn filter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    crate::step!("sec-findviapredicate", "1");
    if !is_callable(predicate) {
        return Err(agent.type_error("the predicate is not a function"));
    }
    // (indices is not built: the loop computes each k from its position i.)
    // 2. If direction is ascending, then
    crate::step!("sec-findviapredicate", "2");
    if ascending {
        // a. Let indices be a List of the integers in the interval from 0 (inclusive) to
        //    len (exclusive), in ascending order.
        crate::step!("sec-findviapredicate", "2.a");
    } else {
        // 3. Else,
        crate::step!("sec-findviapredicate", "3");
        // a. Let indices be a List of the integers in the interval from 0 (inclusive) to
        //    len (exclusive), in descending order.
        crate::step!("sec-findviapredicate", "3.a");
    }
    // 4. For each integer k of indices, do
    crate::step!("sec-findviapredicate", "4");
    for i in 0..len {
        let k = if ascending { i } else { len - 1 - i };
        // a. Let Pk be ! ToString(𝔽(k)).
        crate::step!("sec-findviapredicate", "4.a");
        let pk = index_key(k);
        // b. NOTE: If O is a TypedArray, the following invocation of Get will return a
        //    normal completion.
        crate::step!("sec-findviapredicate", "4.b");
        // c. Let kValue be ? Get(O, Pk).
        crate::step!("sec-findviapredicate", "4.c");
        let k_value = get(agent, o, &pk)?;
        // d. Let testResult be ? Call(predicate, thisArg, « kValue, 𝔽(k), O »).
        crate::step!("sec-findviapredicate", "4.d");
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
        crate::step!("sec-findviapredicate", "4.e");
        if to_boolean(&test_result) {
            return Ok((k as f64, k_value));
        }
    }
    // 5. Return the Record { [[Index]]: -1𝔽, [[Value]]: undefined }.
    crate::step!("sec-findviapredicate", "5");
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
pub(super) fn find(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Value]].
    Ok(find_common(agent, call, true)?.1)
}

/// Array.prototype.findIndex ( predicate [ , thisArg ] ) (23.1.3.10).
pub(super) fn find_index(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Index]].
    Ok(Value::Number(find_common(agent, call, true)?.0))
}

/// Array.prototype.findLast ( predicate [ , thisArg ] ) (23.1.3.11).
pub(super) fn find_last(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Value]].
    Ok(find_common(agent, call, false)?.1)
}

/// Array.prototype.findLastIndex ( predicate [ , thisArg ] ) (23.1.3.12).
pub(super) fn find_last_index(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 4. Return findRec.[[Index]].
    Ok(Value::Number(find_common(agent, call, false)?.0))
}

/// Array.prototype.forEach ( callbackfn [ , thisArg ] ) (23.1.3.15).
pub(super) fn for_each(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-5 as iterate_present; c.ii. Perform ? Call(callbackfn, thisArg, « kValue, 𝔽(k),
    // O »). 6. Return undefined.
    iterate_present(agent, call, "forEach", |_| None)?;
    Ok(Value::Undefined)
}

/// Array.prototype.map ( callbackfn [ , thisArg ] ) (23.1.3.21).
pub(super) fn map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
            agent.check_limits()?;
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
        agent.check_limits()?;
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
pub(super) fn reduce(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    reduce_common(agent, call, false)
}

/// Array.prototype.reduceRight ( callbackfn [ , initialValue ] ) (23.1.3.25).
pub(super) fn reduce_right(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    reduce_common(agent, call, true)
}

/// Array.prototype.some ( callbackfn [ , thisArg ] ) (23.1.3.29).
pub(super) fn some(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1-5 as iterate_present; c.ii. Let testResult be ToBoolean(? Call(callbackfn,
    // thisArg, « kValue, 𝔽(k), O »)). iii. If testResult is true, return true.
    // 6. Return false.
    let result = iterate_present(agent, call, "some", |r| {
        to_boolean(&r).then_some(Value::Boolean(true))
    })?;
    Ok(result.unwrap_or(Value::Boolean(false)))
}
