//! 23.2.3 Properties of the %TypedArray% Prototype Object, continued: the methods that
//! write or copy elements — copyWithin, fill, reverse, set (with SetTypedArrayFromTypedArray
//! and SetTypedArrayFromArrayLike), slice, sort, subarray, toReversed, toSorted, with.

use super::array::{comparison_order, merge_sort};
use super::array_buffer_abstract_operations::{
    clone_array_buffer, copy_bytes_ascending, copy_bytes_within, get_value_from_buffer,
    set_value_in_buffer, shared_block, Order,
};
use super::typed_array::{
    compare_typed_array_elements, typed_array_create_same_type, typed_array_species_create,
};
use super::typed_array_prototype::validate_this;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::InternalSlot;
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::{get, index_key, length_of_array_like, set};
use crate::spec::ordinary_object_internal_methods::require_internal_slot;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{
    to_big_int, to_integer_or_infinity, to_number, to_object, Numeric,
};
use crate::spec::typed_array_exotic_objects::{
    is_typed_array_out_of_bounds, is_valid_integer_index,
    make_typed_array_with_buffer_witness_record, typed_array_byte_length, typed_array_length,
    typed_array_set_element, typed_array_slots,
};
use crate::spec::value::Value;

/// A relative index clamped to [0, len] (the "If relativeX = -∞, let x be 0. Else if
/// relativeX < 0, let x be max(len + relativeX, 0). Else, let x be min(relativeX, len)."
/// steps).
fn clamp_relative(relative: f64, len: usize) -> usize {
    let len = len as f64;
    if relative < 0.0 {
        (len + relative).max(0.0) as usize
    } else {
        relative.min(len) as usize
    }
}

/// "If end is undefined, let relativeEnd be len; else let relativeEnd be ?
/// ToIntegerOrInfinity(end)", then clamped.
fn relative_end(agent: &mut Agent, end: &Value, len: usize) -> JsResult<usize> {
    if end.is_undefined() {
        return Ok(len);
    }
    let relative = to_integer_or_infinity(agent, end)?;
    Ok(clamp_relative(relative, len))
}

/// "Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst). If
/// IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception. Set len to
/// TypedArrayLength(taRecord)." — the re-validation after user code may have run.
fn revalidate(agent: &mut Agent, o: &Object, method: &str) -> JsResult<usize> {
    match make_typed_array_with_buffer_witness_record(o, Order::SeqCst) {
        Some(ta_record) if !is_typed_array_out_of_bounds(&ta_record) => {
            Ok(typed_array_length(&ta_record))
        }
        _ => Err(agent.type_error(&format!(
            "%TypedArray%.prototype.{method}: the TypedArray went out of its buffer's bounds"
        ))),
    }
}

/// %TypedArray%.prototype.copyWithin ( target, start [ , end ] ) (23.2.3.6).
pub fn copy_within(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "copyWithin")?;
    // 4. Let relativeTarget be ? ToIntegerOrInfinity(target).
    // 5-7. targetIndex.
    let relative_target = to_integer_or_infinity(agent, &call.arg(0))?;
    let target_index = clamp_relative(relative_target, len);
    // 8. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 9-11. startIndex.
    let relative_start = to_integer_or_infinity(agent, &call.arg(1))?;
    let start_index = clamp_relative(relative_start, len);
    // 12. If end is undefined, let relativeEnd be len; else let relativeEnd be ?
    //     ToIntegerOrInfinity(end).
    // 13-15. endIndex.
    let end_index = relative_end(agent, &call.arg(2), len)?;
    // 16. Let count be min(endIndex - startIndex, len - targetIndex).
    let count = end_index
        .saturating_sub(start_index)
        .min(len - target_index.min(len));
    // 17. If count > 0, then
    if count > 0 && end_index > start_index {
        // a. NOTE: The copying must be performed in a manner that preserves the bit-level
        //    encoding of the source data.
        // b. Let buffer be O.[[ViewedArrayBuffer]].
        // c. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
        // d. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        // e. Set len to TypedArrayLength(taRecord).
        let len = revalidate(agent, &o, "copyWithin")?;
        // f. NOTE: Side-effects of the above steps may have reduced the size of O, in which
        //    case copying should proceed with the longest still-applicable prefix.
        // g. Set count to min(count, len - startIndex, len - targetIndex).
        let count = count
            .min(len.saturating_sub(start_index))
            .min(len.saturating_sub(target_index));
        let Some(slots) = typed_array_slots(&o) else {
            return Ok(Value::Object(o));
        };
        // h. Let elementSize be TypedArrayElementSize(O).
        let element_size = slots.element_size();
        // i. Let byteOffset be O.[[ByteOffset]].
        let byte_offset = slots.byte_offset;
        // j. Let toByteIndex be (targetIndex × elementSize) + byteOffset.
        let to_byte_index = target_index * element_size + byte_offset;
        // k. Let fromByteIndex be (startIndex × elementSize) + byteOffset.
        let from_byte_index = start_index * element_size + byte_offset;
        // l. Let countBytes be count × elementSize.
        let count_bytes = count * element_size;
        // m. If fromByteIndex < toByteIndex and toByteIndex < fromByteIndex + countBytes,
        //    then
        //    i. Let direction be -1.
        //    ii. Set fromByteIndex to fromByteIndex + countBytes - 1.
        //    iii. Set toByteIndex to toByteIndex + countBytes - 1.
        // n. Else,
        //    i. Let direction be 1.
        // o. Repeat, while countBytes > 0,
        //    i. Let value be GetValueFromBuffer(buffer, fromByteIndex, uint8, true,
        //       unordered).
        //    ii. Perform SetValueInBuffer(buffer, toByteIndex, uint8, value, true,
        //        unordered).
        //    iii. Set fromByteIndex to fromByteIndex + direction.
        //    iv. Set toByteIndex to toByteIndex + direction.
        //    v. Set countBytes to countBytes - 1.
        // (The chosen direction makes the loop a memmove.)
        if count_bytes > 0 {
            copy_bytes_within(
                &slots.viewed_array_buffer,
                from_byte_index,
                to_byte_index,
                count_bytes,
            );
        }
    }
    // 18. Return O.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.fill ( value [ , start [ , end ] ] ) (23.2.3.9).
pub fn fill(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "fill")?;
    let is_bigint = typed_array_slots(&o).is_some_and(|s| s.is_bigint());
    // 4. If O.[[ContentType]] is bigint, set value to ? ToBigInt(value).
    // 5. Otherwise, set value to ? ToNumber(value).
    let value = if is_bigint {
        Value::BigInt(to_big_int(agent, &call.arg(0))?)
    } else {
        Value::Number(to_number(agent, &call.arg(0))?)
    };
    // 6. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 7-9. startIndex.
    let relative_start = to_integer_or_infinity(agent, &call.arg(1))?;
    let start_index = clamp_relative(relative_start, len);
    // 10. If end is undefined, let relativeEnd be len; else let relativeEnd be ?
    //     ToIntegerOrInfinity(end).
    // 11-13. endIndex.
    let end_index = relative_end(agent, &call.arg(2), len)?;
    // 14. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    // 15. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    // 16. Set len to TypedArrayLength(taRecord).
    let len = revalidate(agent, &o, "fill")?;
    // 17. Set endIndex to min(endIndex, len).
    let end_index = end_index.min(len);
    // 18. Let k be startIndex.
    // 19. Repeat, while k < endIndex,
    for k in start_index..end_index {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Perform ! Set(O, Pk, value, true).
        set(agent, &o, &index_key(k as u64), value.clone(), true)?;
        // c. Set k to k + 1.
    }
    // 20. Return O.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.reverse ( ) (23.2.3.25).
pub fn reverse(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "reverse")?;
    // 4. Let middle be floor(len / 2).
    let middle = len / 2;
    // 5. Let lower be 0.
    // 6. Repeat, while lower ≠ middle,
    for lower in 0..middle {
        // a. Let upper be len - lower - 1.
        let upper = len - lower - 1;
        // b. Let upperP be ! ToString(𝔽(upper)).
        let upper_p = index_key(upper as u64);
        // c. Let lowerP be ! ToString(𝔽(lower)).
        let lower_p = index_key(lower as u64);
        // d. Let lowerValue be ! Get(O, lowerP).
        let lower_value = get(agent, &o, &lower_p)?;
        // e. Let upperValue be ! Get(O, upperP).
        let upper_value = get(agent, &o, &upper_p)?;
        // f. Perform ! Set(O, lowerP, upperValue, true).
        set(agent, &o, &lower_p, upper_value, true)?;
        // g. Perform ! Set(O, upperP, lowerValue, true).
        set(agent, &o, &upper_p, lower_value, true)?;
        // h. Set lower to lower + 1.
    }
    // 7. Return O.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.set ( source [ , offset ] ) (23.2.3.26).
pub fn set_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let source = call.arg(0);
    // 1. Let target be the this value.
    // 2. Perform ? RequireInternalSlot(target, [[TypedArrayName]]).
    let target = require_internal_slot(
        agent,
        call.this,
        InternalSlot::TypedArrayName,
        "%TypedArray%.prototype.set",
    )?;
    // 3. Assert: target has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let targetOffset be ? ToIntegerOrInfinity(offset).
    let target_offset = to_integer_or_infinity(agent, &call.arg(1))?;
    // 5. If targetOffset < 0, throw a RangeError exception.
    if target_offset < 0.0 {
        return Err(agent.range_error("%TypedArray%.prototype.set: the offset is negative"));
    }
    // 6. If source is an Object that has a [[TypedArrayName]] internal slot, then
    match &source {
        Value::Object(s)
            if s.data()
                .kind
                .has_internal_slot(InternalSlot::TypedArrayName) =>
        {
            // a. Perform ? SetTypedArrayFromTypedArray(target, targetOffset, source).
            set_typed_array_from_typed_array(agent, &target, target_offset, s)?;
        }
        _ => {
            // 7. Else,
            //    a. Perform ? SetTypedArrayFromArrayLike(target, targetOffset, source).
            set_typed_array_from_array_like(agent, &target, target_offset, &source)?;
        }
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// SetTypedArrayFromTypedArray ( target, targetOffset, source ) (23.2.3.26.2).
fn set_typed_array_from_typed_array(
    agent: &mut Agent,
    target: &Object,
    target_offset: f64,
    source: &Object,
) -> JsResult<()> {
    let out_of_bounds = |agent: &mut Agent| {
        agent.type_error("%TypedArray%.prototype.set: a TypedArray is out of its buffer's bounds")
    };
    // 1. Let targetBuffer be target.[[ViewedArrayBuffer]].
    // 2. Let targetRecord be MakeTypedArrayWithBufferWitnessRecord(target, seq-cst).
    // 3. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    let target_record = match make_typed_array_with_buffer_witness_record(target, Order::SeqCst) {
        Some(r) if !is_typed_array_out_of_bounds(&r) => r,
        _ => return Err(out_of_bounds(agent)),
    };
    let target_buffer = target_record.slots.viewed_array_buffer.clone();
    // 4. Let targetLength be TypedArrayLength(targetRecord).
    let target_length = typed_array_length(&target_record);
    // 5. Let srcBuffer be source.[[ViewedArrayBuffer]].
    // 6. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(source, seq-cst).
    // 7. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let src_record = match make_typed_array_with_buffer_witness_record(source, Order::SeqCst) {
        Some(r) if !is_typed_array_out_of_bounds(&r) => r,
        _ => return Err(out_of_bounds(agent)),
    };
    let mut src_buffer = src_record.slots.viewed_array_buffer.clone();
    // 8. Let srcLength be TypedArrayLength(srcRecord).
    let src_length = typed_array_length(&src_record);
    // 9. Let targetType be TypedArrayElementType(target).
    let target_type = target_record.slots.element_type();
    // 10. Let targetElementSize be TypedArrayElementSize(target).
    let target_element_size = target_record.slots.element_size();
    // 11. Let targetByteOffset be target.[[ByteOffset]].
    let target_byte_offset = target_record.slots.byte_offset;
    // 12. Let srcType be TypedArrayElementType(source).
    let src_type = src_record.slots.element_type();
    // 13. Let srcElementSize be TypedArrayElementSize(source).
    let src_element_size = src_record.slots.element_size();
    // 14. Let srcByteOffset be source.[[ByteOffset]].
    let src_byte_offset = src_record.slots.byte_offset;
    // 15. If targetOffset = +∞, throw a RangeError exception.
    // 16. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    if target_offset == f64::INFINITY || src_length as f64 + target_offset > target_length as f64 {
        return Err(agent.range_error(
            "%TypedArray%.prototype.set: the source does not fit in the target at this offset",
        ));
    }
    let target_offset = target_offset as usize;
    // 17. If target.[[ContentType]] is not source.[[ContentType]], throw a TypeError
    //     exception.
    if target_record.slots.is_bigint() != src_record.slots.is_bigint() {
        return Err(agent
            .type_error("%TypedArray%.prototype.set: cannot mix BigInt and Number TypedArrays"));
    }
    // 18. If IsSharedArrayBuffer(srcBuffer) is true, IsSharedArrayBuffer(targetBuffer) is
    //     true, and srcBuffer.[[ArrayBufferData]] is targetBuffer.[[ArrayBufferData]], let
    //     sameSharedArrayBuffer be true; otherwise let sameSharedArrayBuffer be false.
    let same_shared_array_buffer = match (shared_block(&src_buffer), shared_block(&target_buffer)) {
        (Some(a), Some(b)) => a.same_block(&b),
        _ => false,
    };
    // 19. If SameValue(srcBuffer, targetBuffer) is true or sameSharedArrayBuffer is true,
    //     then
    let src_byte_index = if src_buffer == target_buffer || same_shared_array_buffer {
        // a. Let srcByteLength be TypedArrayByteLength(srcRecord).
        let src_byte_length = typed_array_byte_length(&src_record);
        // b. Set srcBuffer to ? CloneArrayBuffer(srcBuffer, srcByteOffset, srcByteLength).
        src_buffer = clone_array_buffer(agent, &src_buffer, src_byte_offset, src_byte_length)?;
        // c. Let srcByteIndex be 0.
        0
    } else {
        // 20. Else,
        //     a. Let srcByteIndex be srcByteOffset.
        src_byte_offset
    };
    // 21. Let targetByteIndex be (targetOffset × targetElementSize) + targetByteOffset.
    let target_byte_index = target_offset * target_element_size + target_byte_offset;
    // 22. Let limit be targetByteIndex + (targetElementSize × srcLength).
    let limit = target_byte_index + target_element_size * src_length;
    // 23. If srcType is targetType, then
    if src_type == target_type {
        // a. NOTE: The transfer must be performed in a manner that preserves the bit-level
        //    encoding of the source data.
        // b. Repeat, while targetByteIndex < limit,
        //    i. Let value be GetValueFromBuffer(srcBuffer, srcByteIndex, uint8, true,
        //       unordered).
        //    ii. Perform SetValueInBuffer(targetBuffer, targetByteIndex, uint8, value, true,
        //        unordered).
        //    iii. Set srcByteIndex to srcByteIndex + 1.
        //    iv. Set targetByteIndex to targetByteIndex + 1.
        copy_bytes_ascending(
            &src_buffer,
            src_byte_index,
            &target_buffer,
            target_byte_index,
            limit - target_byte_index,
        );
    } else {
        // 24. Else,
        //     a. Repeat, while targetByteIndex < limit,
        let (mut src_byte_index, mut target_byte_index) = (src_byte_index, target_byte_index);
        while target_byte_index < limit {
            // i. Let value be GetValueFromBuffer(srcBuffer, srcByteIndex, srcType, true,
            //    unordered).
            let value = get_value_from_buffer(
                agent,
                &src_buffer,
                src_byte_index,
                src_type,
                true,
                Order::Unordered,
                None,
            );
            // ii. Perform SetValueInBuffer(targetBuffer, targetByteIndex, targetType, value,
            //     true, unordered).
            set_value_in_buffer(
                agent,
                &target_buffer,
                target_byte_index,
                target_type,
                &value,
                true,
                Order::Unordered,
                None,
            );
            // iii. Set srcByteIndex to srcByteIndex + srcElementSize.
            src_byte_index += src_element_size;
            // iv. Set targetByteIndex to targetByteIndex + targetElementSize.
            target_byte_index += target_element_size;
        }
    }
    // 25. Return unused.
    Ok(())
}

/// SetTypedArrayFromArrayLike ( target, targetOffset, source ) (23.2.3.26.1).
fn set_typed_array_from_array_like(
    agent: &mut Agent,
    target: &Object,
    target_offset: f64,
    source: &Value,
) -> JsResult<()> {
    // 1. Let targetRecord be MakeTypedArrayWithBufferWitnessRecord(target, seq-cst).
    crate::step!("sec-settypedarrayfromarraylike", "1");
    // 2. If IsTypedArrayOutOfBounds(targetRecord) is true, throw a TypeError exception.
    crate::step!("sec-settypedarrayfromarraylike", "2");
    // 3. Let targetLength be TypedArrayLength(targetRecord).
    crate::step!("sec-settypedarrayfromarraylike", "3");
    let target_length = revalidate(agent, target, "set")?;
    // 4. Let src be ? ToObject(source).
    crate::step!("sec-settypedarrayfromarraylike", "4");
    let src = to_object(agent, source)?;
    // 5. Let srcLength be ? LengthOfArrayLike(src).
    crate::step!("sec-settypedarrayfromarraylike", "5");
    let src_length = length_of_array_like(agent, &src)?;
    // 6. If targetOffset = +∞, throw a RangeError exception.
    crate::step!("sec-settypedarrayfromarraylike", "6");
    // 7. If srcLength + targetOffset > targetLength, throw a RangeError exception.
    crate::step!("sec-settypedarrayfromarraylike", "7");
    if target_offset == f64::INFINITY || src_length as f64 + target_offset > target_length as f64 {
        return Err(agent.range_error(
            "%TypedArray%.prototype.set: the source does not fit in the target at this offset",
        ));
    }
    // 8. Let k be 0.
    crate::step!("sec-settypedarrayfromarraylike", "8");
    // 9. Repeat, while k < srcLength,
    crate::step!("sec-settypedarrayfromarraylike", "9");
    for k in 0..src_length {
        // a. Let Pk be ! ToString(𝔽(k)).
        crate::step!("sec-settypedarrayfromarraylike", "9.a");
        // b. Let value be ? Get(src, Pk).
        crate::step!("sec-settypedarrayfromarraylike", "9.b");
        let value = get(agent, &src, &index_key(k))?;
        // c. Let targetIndex be 𝔽(targetOffset + k).
        crate::step!("sec-settypedarrayfromarraylike", "9.c");
        let target_index = target_offset + k as f64;
        // d. Perform ? TypedArraySetElement(target, targetIndex, value).
        crate::step!("sec-settypedarrayfromarraylike", "9.d");
        typed_array_set_element(agent, target, target_index, &value)?;
        // e. Set k to k + 1.
        crate::step!("sec-settypedarrayfromarraylike", "9.e");
    }
    // 10. Return unused.
    crate::step!("sec-settypedarrayfromarraylike", "10");
    Ok(())
}

/// %TypedArray%.prototype.slice ( start, end ) (23.2.3.27).
pub fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let srcArrayLength be TypedArrayLength(taRecord).
    let (o, src_array_length) = validate_this(agent, call.this, "slice")?;
    // 4. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 5-7. startIndex.
    let relative_start = to_integer_or_infinity(agent, &call.arg(0))?;
    let start_index = clamp_relative(relative_start, src_array_length);
    // 8. If end is undefined, let relativeEnd be srcArrayLength; else let relativeEnd be ?
    //    ToIntegerOrInfinity(end).
    // 9-11. endIndex.
    let mut end_index = relative_end(agent, &call.arg(1), src_array_length)?;
    // 12. Let countBytes be max(endIndex - startIndex, 0).
    let mut count_bytes = end_index.saturating_sub(start_index);
    // 13. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(countBytes) »).
    let a = typed_array_species_create(agent, &o, &[Value::Number(count_bytes as f64)])?;
    // 14. If countBytes > 0, then
    if count_bytes > 0 {
        // a. Set taRecord to MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
        // b. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        // c. Set endIndex to min(endIndex, TypedArrayLength(taRecord)).
        end_index = end_index.min(revalidate(agent, &o, "slice")?);
        // d. Set countBytes to max(endIndex - startIndex, 0).
        count_bytes = end_index.saturating_sub(start_index);
        let (Some(src), Some(target)) = (typed_array_slots(&o), typed_array_slots(&a)) else {
            return Ok(Value::Object(a));
        };
        // e. Let srcType be TypedArrayElementType(O).
        // f. Let targetType be TypedArrayElementType(A).
        // g. If srcType is targetType, then
        if src.element_type() == target.element_type() {
            // i. NOTE: The transfer must be performed in a manner that preserves the
            //    bit-level encoding of the source data.
            // ii. Let srcBuffer be O.[[ViewedArrayBuffer]].
            // iii. Let targetBuffer be A.[[ViewedArrayBuffer]].
            // iv. Let elementSize be TypedArrayElementSize(O).
            let element_size = src.element_size();
            // v. Let srcByteOffset be O.[[ByteOffset]].
            // vi. Let srcByteIndex be (startIndex × elementSize) + srcByteOffset.
            let src_byte_index = start_index * element_size + src.byte_offset;
            // vii. Let targetByteIndex be A.[[ByteOffset]].
            let target_byte_index = target.byte_offset;
            // viii. Let endByteIndex be targetByteIndex + (countBytes × elementSize).
            // ix. Repeat, while targetByteIndex < endByteIndex,
            //     1. Let value be GetValueFromBuffer(srcBuffer, srcByteIndex, uint8, true,
            //        unordered).
            //     2. Perform SetValueInBuffer(targetBuffer, targetByteIndex, uint8, value,
            //        true, unordered).
            //     3. Set srcByteIndex to srcByteIndex + 1.
            //     4. Set targetByteIndex to targetByteIndex + 1.
            copy_bytes_ascending(
                &src.viewed_array_buffer,
                src_byte_index,
                &target.viewed_array_buffer,
                target_byte_index,
                count_bytes * element_size,
            );
        } else {
            // h. Else,
            //    i. Let n be 0.
            //    ii. Let k be startIndex.
            //    iii. Repeat, while k < endIndex,
            for (n, k) in (start_index..end_index).enumerate() {
                // 1. Let Pk be ! ToString(𝔽(k)).
                // 2. Let kValue be ! Get(O, Pk).
                let k_value = get(agent, &o, &index_key(k as u64))?;
                // 3. Perform ! Set(A, ! ToString(𝔽(n)), kValue, true).
                set(agent, &a, &index_key(n as u64), k_value, true)?;
                // 4. Set k to k + 1.
                // 5. Set n to n + 1.
            }
        }
    }
    // 15. Return A.
    Ok(Value::Object(a))
}

/// "If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError
/// exception."
fn check_comparator(agent: &mut Agent, comparator: &Value, method: &str) -> JsResult<()> {
    if !comparator.is_undefined() && !is_callable(comparator) {
        return Err(agent.type_error(&format!(
            "%TypedArray%.prototype.{method}: the comparator is not a function"
        )));
    }
    Ok(())
}

/// SortIndexedProperties ( obj, len, SortCompare, read-through-holes ) (23.1.3.30.1) with
/// SortCompare the closure of sort and toSorted: CompareTypedArrayElements(x, y,
/// comparator).
fn sort_indexed_properties(
    agent: &mut Agent,
    obj: &Object,
    len: usize,
    comparator: &Value,
) -> JsResult<Vec<Value>> {
    // 1. Let items be a new empty List. (A List the machine cannot allocate is a
    //    RangeError.)
    let mut items = Vec::new();
    if items.try_reserve_exact(len).is_err() {
        return Err(agent.range_error(&format!("cannot allocate a List of {len} elements")));
    }
    // 2. Let k be 0.
    // 3. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b-c. holes is read-through-holes: let kRead be true.
        // d. If kRead is true, then
        //    i. Let kValue be ? Get(obj, Pk).
        //    ii. Append kValue to items.
        items.push(get(agent, obj, &index_key(k as u64))?);
        // e. Set k to k + 1.
    }
    // 4. Sort items using an implementation-defined sequence of calls to SortCompare. If
    //    any such call returns an abrupt completion, stop before performing any further
    //    calls to SortCompare and return that Completion Record.
    // 5. Return items.
    merge_sort(items, &mut |x, y| {
        let v = compare_typed_array_elements(agent, x, y, comparator)?;
        Ok(comparison_order(v))
    })
}

/// %TypedArray%.prototype.sort ( comparator ) (23.2.3.29).
pub fn sort(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let comparator = call.arg(0);
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a
    //    TypeError exception.
    check_comparator(agent, &comparator, "sort")?;
    // 2. Let obj be the this value.
    // 3. Let taRecord be ? ValidateTypedArray(obj, seq-cst).
    // 4. Let len be TypedArrayLength(taRecord).
    let (obj, len) = validate_this(agent, call.this, "sort")?;
    // 5. NOTE: The following closure performs a numeric comparison rather than the string
    //    comparison used in 23.1.3.30.
    // 6. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparator and performs the following steps when called:
    //    a. Return ? CompareTypedArrayElements(x, y, comparator).
    // 7. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare,
    //    read-through-holes).
    let sorted_list = sort_indexed_properties(agent, &obj, len, &comparator)?;
    // 8. Let j be 0.
    // 9. Repeat, while j < len,
    for (j, value) in sorted_list.into_iter().enumerate() {
        // a. Perform ! Set(obj, ! ToString(𝔽(j)), sortedList[j], true).
        set(agent, &obj, &index_key(j as u64), value, true)?;
        // b. Set j to j + 1.
    }
    // 10. Return obj.
    Ok(Value::Object(obj))
}

/// %TypedArray%.prototype.subarray ( start, end ) (23.2.3.30).
pub fn subarray(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let end = call.arg(1);
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::TypedArrayName,
        "%TypedArray%.prototype.subarray",
    )?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    let Some(slots) = typed_array_slots(&o) else {
        return Err(agent.type_error("%TypedArray%.prototype.subarray: not a TypedArray"));
    };
    // 4. Let buffer be O.[[ViewedArrayBuffer]].
    let buffer = slots.viewed_array_buffer.clone();
    // 5. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    // 6. If IsTypedArrayOutOfBounds(srcRecord) is true, then
    //    a. Let srcLength be 0.
    // 7. Else,
    //    a. Let srcLength be TypedArrayLength(srcRecord).
    let src_length = match make_typed_array_with_buffer_witness_record(&o, Order::SeqCst) {
        Some(r) if !is_typed_array_out_of_bounds(&r) => typed_array_length(&r),
        _ => 0,
    };
    // 8. Let relativeStart be ? ToIntegerOrInfinity(start).
    // 9-11. startIndex.
    let relative_start = to_integer_or_infinity(agent, &call.arg(0))?;
    let start_index = clamp_relative(relative_start, src_length);
    // 12. Let elementSize be TypedArrayElementSize(O).
    let element_size = slots.element_size();
    // 13. Let srcByteOffset be O.[[ByteOffset]].
    // 14. Let beginByteOffset be srcByteOffset + (startIndex × elementSize).
    let begin_byte_offset = slots.byte_offset + start_index * element_size;
    // 15. If O.[[ArrayLength]] is auto and end is undefined, then
    let arguments_list = if slots.array_length.is_none() && end.is_undefined() {
        // a. Let argumentsList be « buffer, 𝔽(beginByteOffset) ».
        vec![
            Value::Object(buffer),
            Value::Number(begin_byte_offset as f64),
        ]
    } else {
        // 16. Else,
        //     a. If end is undefined, let relativeEnd be srcLength; else let relativeEnd be
        //        ? ToIntegerOrInfinity(end).
        //     b-d. endIndex.
        let end_index = relative_end(agent, &end, src_length)?;
        //     e. Let newLength be max(endIndex - startIndex, 0).
        let new_length = end_index.saturating_sub(start_index);
        //     f. Let argumentsList be « buffer, 𝔽(beginByteOffset), 𝔽(newLength) ».
        vec![
            Value::Object(buffer),
            Value::Number(begin_byte_offset as f64),
            Value::Number(new_length as f64),
        ]
    };
    // 17. Return ? TypedArraySpeciesCreate(O, argumentsList).
    Ok(Value::Object(typed_array_species_create(
        agent,
        &o,
        &arguments_list,
    )?))
}

/// %TypedArray%.prototype.toReversed ( ) (23.2.3.32).
pub fn to_reversed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "toReversed")?;
    let Some(slots) = typed_array_slots(&o) else {
        return Err(agent.type_error("%TypedArray%.prototype.toReversed: not a TypedArray"));
    };
    // 4. Let A be ? TypedArrayCreateSameType(O, len).
    let a = typed_array_create_same_type(agent, &slots, len)?;
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for k in 0..len {
        // a. Let from be ! ToString(𝔽(len - k - 1)).
        let from = index_key((len - k - 1) as u64);
        // b. Let Pk be ! ToString(𝔽(k)).
        // c. Let fromValue be ! Get(O, from).
        let from_value = get(agent, &o, &from)?;
        // d. Perform ! Set(A, Pk, fromValue, true).
        set(agent, &a, &index_key(k as u64), from_value, true)?;
        // e. Set k to k + 1.
    }
    // 7. Return A.
    Ok(Value::Object(a))
}

/// %TypedArray%.prototype.toSorted ( comparator ) (23.2.3.33).
pub fn to_sorted(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let comparator = call.arg(0);
    // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a
    //    TypeError exception.
    check_comparator(agent, &comparator, "toSorted")?;
    // 2. Let O be the this value.
    // 3. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 4. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "toSorted")?;
    let Some(slots) = typed_array_slots(&o) else {
        return Err(agent.type_error("%TypedArray%.prototype.toSorted: not a TypedArray"));
    };
    // 5. Let A be ? TypedArrayCreateSameType(O, len).
    let a = typed_array_create_same_type(agent, &slots, len)?;
    // 6. NOTE: The following closure performs a numeric comparison rather than the string
    //    comparison used in 23.1.3.34.
    // 7. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparator and performs the following steps when called:
    //    a. Return ? CompareTypedArrayElements(x, y, comparator).
    // 8. Let sortedList be ? SortIndexedProperties(O, len, SortCompare,
    //    read-through-holes).
    let sorted_list = sort_indexed_properties(agent, &o, len, &comparator)?;
    // 9. Let j be 0.
    // 10. Repeat, while j < len,
    for (j, value) in sorted_list.into_iter().enumerate() {
        // a. Perform ! Set(A, ! ToString(𝔽(j)), sortedList[j], true).
        set(agent, &a, &index_key(j as u64), value, true)?;
        // b. Set j to j + 1.
    }
    // 11. Return A.
    Ok(Value::Object(a))
}

/// %TypedArray%.prototype.with ( index, value ) (23.2.3.36).
pub fn with(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Let taRecord be ? ValidateTypedArray(O, seq-cst).
    // 3. Let len be TypedArrayLength(taRecord).
    let (o, len) = validate_this(agent, call.this, "with")?;
    let Some(slots) = typed_array_slots(&o) else {
        return Err(agent.type_error("%TypedArray%.prototype.with: not a TypedArray"));
    };
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative_index = to_integer_or_infinity(agent, &call.arg(0))?;
    // 5. If relativeIndex ≥ 0, let actualIndex be relativeIndex.
    // 6. Else, let actualIndex be len + relativeIndex.
    let actual_index = if relative_index >= 0.0 {
        relative_index
    } else {
        len as f64 + relative_index
    };
    // 7. If O.[[ContentType]] is bigint, let numericValue be ? ToBigInt(value).
    // 8. Else, let numericValue be ? ToNumber(value).
    let numeric_value = if slots.is_bigint() {
        Numeric::BigInt(to_big_int(agent, &call.arg(1))?)
    } else {
        Numeric::Number(to_number(agent, &call.arg(1))?)
    };
    // 9. If IsValidIntegerIndex(O, 𝔽(actualIndex)) is false, throw a RangeError exception.
    if !is_valid_integer_index(&o, actual_index) {
        return Err(agent.range_error(&format!(
            "%TypedArray%.prototype.with: {actual_index} is not a valid index"
        )));
    }
    // 10. Let A be ? TypedArrayCreateSameType(O, len).
    let a = typed_array_create_same_type(agent, &slots, len)?;
    let numeric_value = Value::from(numeric_value);
    // 11. Let k be 0.
    // 12. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k as u64);
        // b. If k = actualIndex, let fromValue be numericValue.
        // c. Else, let fromValue be ! Get(O, Pk).
        let from_value = if k as f64 == actual_index {
            numeric_value.clone()
        } else {
            get(agent, &o, &pk)?
        };
        // d. Perform ! Set(A, Pk, fromValue, true).
        set(agent, &a, &pk, from_value, true)?;
        // e. Set k to k + 1.
    }
    // 13. Return A.
    Ok(Value::Object(a))
}
