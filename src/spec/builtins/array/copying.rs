//! 23.1.3 Properties of the Array Prototype Object: the methods that return a new array
//! (concat with IsConcatSpreadable, flat and flatMap with FlattenIntoArray (23.1.3.13.1), slice,
//! toReversed, toSpliced, with).

use super::common::{
    relative_to_index, require_callable, set_length, skip_holes_ascending, MAX_SAFE_INTEGER,
};
use super::constructor::call_value;
use super::mutators::splice_arguments;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::{array_create, array_species_create};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    create_data_property_or_throw, get, has_property, index_key, length_of_array_like,
};
use crate::spec::testing_and_comparison::{is_array, is_callable};
use crate::spec::type_conversion::{to_boolean, to_integer_or_infinity, to_object};
use crate::spec::value::Value;

/// IsConcatSpreadable ( O ) (23.1.3.2.1).
fn is_concat_spreadable(agent: &mut Agent, o: &Value) -> JsResult<bool> {
    // 1. If O is not an Object, return false.
    crate::step!("sec-isconcatspreadable", "1");
    let Value::Object(object) = o else {
        return Ok(false);
    };
    // 2. Let spreadable be ? Get(O, %Symbol.isConcatSpreadable%).
    crate::step!("sec-isconcatspreadable", "2");
    let key = PropertyKey::Symbol(agent.well_known.is_concat_spreadable.clone());
    let spreadable = get(agent, object, &key)?;
    // 3. If spreadable is not undefined, return ToBoolean(spreadable).
    crate::step!("sec-isconcatspreadable", "3");
    if !spreadable.is_undefined() {
        return Ok(to_boolean(&spreadable));
    }
    // 4. Return ? IsArray(O).
    crate::step!("sec-isconcatspreadable", "4");
    is_array(agent, o)
}

/// Array.prototype.concat ( ...items ) (23.1.3.2).
pub(super) fn concat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
                agent.check_limits()?;
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
    crate::spec_assert!(
        "sec-flattenintoarray",
        "1",
        mapper.is_none_or(|(f, _)| is_callable(f) && depth == 1.0)
    );
    // 2. Let targetIndex be start.
    crate::step!("sec-flattenintoarray", "2");
    let mut target_index = start;
    // 3. Let sourceIndex be +0𝔽.
    crate::step!("sec-flattenintoarray", "3");
    let mut source_index = 0;
    // 4. Repeat, while ℝ(sourceIndex) < sourceLen,
    crate::step!("sec-flattenintoarray", "4");
    while source_index < source_len {
        agent.check_limits()?;
        // (A long run of holes in a plain array is skipped at once: for each of them
        // HasProperty is false and only steps a, b and d would run.)
        source_index = skip_holes_ascending(source, source_index, source_len);
        if source_index >= source_len {
            break;
        }
        // a. Let P be ! ToString(sourceIndex).
        crate::step!("sec-flattenintoarray", "4.a");
        let p = index_key(source_index);
        // b. Let exists be ? HasProperty(source, P).
        crate::step!("sec-flattenintoarray", "4.b");
        let exists = has_property(agent, source, &p)?;
        // c. If exists is true, then
        crate::step!("sec-flattenintoarray", "4.c");
        if exists {
            // i. Let element be ? Get(source, P).
            crate::step!("sec-flattenintoarray", "4.c.i");
            let mut element = get(agent, source, &p)?;
            // ii. If mapperFunction is present, then
            crate::step!("sec-flattenintoarray", "4.c.ii");
            if let Some((mapper_function, this_arg)) = mapper {
                // 1. Set element to ? Call(mapperFunction, thisArg, « element,
                //    sourceIndex, source »).
                crate::step!("sec-flattenintoarray", "4.c.ii.1");
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
            crate::step!("sec-flattenintoarray", "4.c.iii");
            let mut should_flatten = false;
            // iv. If depth > 0, then
            crate::step!("sec-flattenintoarray", "4.c.iv");
            if depth > 0.0 {
                // 1. Set shouldFlatten to ? IsArray(element).
                crate::step!("sec-flattenintoarray", "4.c.iv.1");
                should_flatten = is_array(agent, &element)?;
            }
            // v. If shouldFlatten is true, then
            crate::step!("sec-flattenintoarray", "4.c.v");
            let array_element = match &element {
                Value::Object(o) if should_flatten => Some(o.clone()),
                // (IsArray is false for a value that is not an Object.)
                _ => None,
            };
            match array_element {
                Some(element) => {
                    // 1. If depth = +∞, let newDepth be +∞.
                    crate::step!("sec-flattenintoarray", "4.c.v.1");
                    // 2. Else, let newDepth be depth - 1.
                    crate::step!("sec-flattenintoarray", "4.c.v.2");
                    let new_depth = if depth == f64::INFINITY {
                        f64::INFINITY
                    } else {
                        depth - 1.0
                    };
                    // 3. Let elementLen be ? LengthOfArrayLike(element).
                    crate::step!("sec-flattenintoarray", "4.c.v.3");
                    let element_len = length_of_array_like(agent, &element)?;
                    // 4. Set targetIndex to ? FlattenIntoArray(target, element, elementLen,
                    //    targetIndex, newDepth).
                    crate::step!("sec-flattenintoarray", "4.c.v.4");
                    target_index = flatten_into_array(
                        agent,
                        target,
                        &element,
                        element_len,
                        target_index,
                        new_depth,
                        None,
                    )?;
                }
                None => {
                    // vi. Else,
                    crate::step!("sec-flattenintoarray", "4.c.vi");
                    // 1. If targetIndex ≥ 2^53 - 1, throw a TypeError exception.
                    crate::step!("sec-flattenintoarray", "4.c.vi.1");
                    if target_index >= MAX_SAFE_INTEGER {
                        return Err(agent.type_error("flattened array is too long"));
                    }
                    // 2. Perform ? CreateDataPropertyOrThrow(target, ! ToString(𝔽(
                    //    targetIndex)), element).
                    crate::step!("sec-flattenintoarray", "4.c.vi.2");
                    create_data_property_or_throw(
                        agent,
                        target,
                        &index_key(target_index),
                        element,
                    )?;
                    // 3. Set targetIndex to targetIndex + 1.
                    crate::step!("sec-flattenintoarray", "4.c.vi.3");
                    target_index += 1;
                }
            }
        }
        // d. Set sourceIndex to sourceIndex + 1𝔽.
        crate::step!("sec-flattenintoarray", "4.d");
        source_index += 1;
    }
    // 5. Return targetIndex.
    crate::step!("sec-flattenintoarray", "5");
    Ok(target_index)
}

/// Array.prototype.flat ( [ depth ] ) (23.1.3.13).
pub(super) fn flat(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
pub(super) fn flat_map(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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

/// Array.prototype.slice ( start, end ) (23.1.3.28).
pub(super) fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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

/// Array.prototype.toReversed ( ) (23.1.3.33).
pub(super) fn to_reversed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 3. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None)?;
    // 4. Let k be 0.
    // 5. Repeat, while k < len,
    for k in 0..len {
        agent.check_limits()?;
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

/// Array.prototype.toSpliced ( start, skipCount, ...items ) (23.1.3.35).
pub(super) fn to_spliced(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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
        agent.check_limits()?;
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

/// Array.prototype.with ( index, value ) (23.1.3.39).
pub(super) fn with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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
