//! 23.1.3 Properties of the Array Prototype Object: the methods that change the array in
//! place (copyWithin, fill, pop, push, reverse, shift, splice, unshift).

use super::common::{relative_to_index, set_length, MAX_SAFE_INTEGER};
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::{append_elements, array_species_create, ARRAY_METHODS};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::immutable_prototype_exotic_objects::IMMUTABLE_PROTOTYPE_METHODS;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    create_data_property_or_throw, delete_property_or_throw, get, has_property, index_key,
    length_of_array_like, set,
};
use crate::spec::ordinary_object_internal_methods::ORDINARY_METHODS;
use crate::spec::type_conversion::{to_integer_or_infinity, to_object};
use crate::spec::value::Value;

/// Array.prototype.copyWithin ( target, start [ , end ] ) (23.1.3.4).
pub(super) fn copy_within(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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

/// Array.prototype.fill ( value [ , start [ , end ] ] ) (23.1.3.7).
pub(super) fn fill(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Perform ? Set(O, Pk, value, true).
        // c. Set k to k + 1.
        set(agent, &o, &index_key(k), value.clone(), true)?;
        k += 1;
    }
    // 12. Return O.
    Ok(Value::Object(o))
}

/// Array.prototype.pop ( ) (23.1.3.22).
pub(super) fn pop(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
pub(super) fn push(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
    // (Untraced, steps 5-7 at once on an Array where each Set is a CreateDataProperty:
    // `appends_plainly`, `array_exotic_objects::append_elements`.)
    if !crate::trace::enabled() && appends_plainly(&o, len, arg_count) {
        if let Some(new_len) = append_elements(&o, call.args) {
            return Ok(Value::Number(new_len as f64));
        }
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

/// Whether, on `a`, each Set(a, ! ToString(𝔽(k)), E, true) of push for k from `len` to
/// `len + count - 1` is CreateDataProperty(a, that key, E) on an Array without that index
/// (`array_exotic_objects::create_element`), when no code runs in between: `a` is an
/// extensible Array (whose "length", `len`, `append_elements` checks is writable: then no
/// Set fails and the last Set of "length" changes nothing), and every object on its prototype
/// chain has the ordinary [[GetOwnProperty]], [[GetPrototypeOf]] and [[Set]] (ordinary
/// objects, Arrays, immutable-prototype objects) and none of these keys as an own
/// property. Then OrdinarySet 1-2 find no own property of `a` and go to the prototype's
/// [[Set]], and so on up the chain to null, where OrdinarySetWithOwnDescriptor step 1.c
/// makes ownDesc a writable data property, and 2.c-e find no own property of `a` (an
/// Array has no index at or above its length) and perform CreateDataProperty. Each key
/// is an array index (`len + count` ≤ 2^32 - 1). docs/ARCHITECTURE.md, "Cheaper common
/// paths".
fn appends_plainly(a: &Object, len: u64, count: u64) -> bool {
    if len + count > u64::from(u32::MAX) {
        return false;
    }
    let mut current = {
        let data = a.data();
        if !std::ptr::eq(data.methods, &ARRAY_METHODS) || !data.extensible {
            return false;
        }
        data.prototype.clone()
    };
    let mut depth = 0;
    while let Some(object) = current {
        let data = object.data();
        let methods = data.methods;
        if !(std::ptr::eq(methods, &ORDINARY_METHODS)
            || std::ptr::eq(methods, &ARRAY_METHODS)
            || std::ptr::eq(methods, &IMMUTABLE_PROTOTYPE_METHODS))
        {
            return false;
        }
        if (len..len + count).any(|k| {
            data.properties
                .0
                .contains_key(&PropertyKey::Index(k as u32))
        }) {
            return false;
        }
        depth += 1;
        if depth > 10_000 {
            return false;
        }
        current = data.prototype.clone();
    }
    true
}

/// Array.prototype.reverse ( ) (23.1.3.26).
pub(super) fn reverse(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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
pub(super) fn shift(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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

/// Steps 3-10 that splice (23.1.3.31) and toSpliced (23.1.3.35) share: actualStart, the
/// items, and actualDeleteCount / actualSkipCount.
pub(super) fn splice_arguments<'a>(
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
pub(super) fn splice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
        agent.check_limits()?;
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
            agent.check_limits()?;
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
            agent.check_limits()?;
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
            agent.check_limits()?;
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

/// Array.prototype.unshift ( ...items ) (23.1.3.37).
pub(super) fn unshift(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
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
            agent.check_limits()?;
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
