//! 23.1.1 The Array Constructor and 23.1.2 Properties of the Array Constructor
//! (Array.from, Array.isArray, Array.of, get Array [ %Symbol.species% ]).

use super::common::{set_length, MAX_SAFE_INTEGER};
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_create;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::PropertyKey;
use crate::spec::operations_on_iterator_objects::{
    get_iterator_from_method, iterator_close, iterator_step_value,
};
use crate::spec::operations_on_objects::{
    call, construct, create_data_property_or_throw, get, get_method, index_key,
    length_of_array_like, set,
};
use crate::spec::ordinary_object_internal_methods::get_prototype_from_constructor;
use crate::spec::realms::Intrinsic;
use crate::spec::testing_and_comparison::{is_array, is_callable};
use crate::spec::type_conversion::{to_object, to_uint32};
use crate::spec::value::Value;

/// Array ( ...values ) (23.1.1.1).
pub(super) fn array_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
                agent.check_limits()?;
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
pub(super) fn from(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
            agent.check_limits()?;
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
        agent.check_limits()?;
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

pub(super) fn call_value(
    agent: &mut Agent,
    f: &Value,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    call(agent, f, this, args)
}

/// Array.isArray ( arg ) (23.1.2.2).
pub(super) fn is_array_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? IsArray(arg).
    Ok(Value::Boolean(is_array(agent, &call.arg(0))?))
}

/// Array.of ( ...items ) (23.1.2.3).
pub(super) fn of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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
pub(super) fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}
