//! 25.4 The Atomics Object (sec-atomics-object): the validation operations of 25.4.3, the
//! read-modify-write functions and `Atomics.pause`. Waiting and notification (Waiter and
//! WaiterList Records, DoWait, `Atomics.notify`) are in `atomics_wait.rs`.
//!
//! Every access to a Shared Data Block takes the block's lock (`spec/data_blocks.rs`), so
//! each operation here is atomic; on an ArrayBuffer the agent is alone with its bytes.

use super::array_buffer_abstract_operations::{
    get_modify_set_value_in_buffer, get_value_from_buffer, is_big_int_element_type,
    is_unclamped_integer_element_type, numeric_to_raw_bytes, raw_bytes_to_numeric,
    set_value_in_buffer, Order, RawBytes,
};
use super::atomics_wait::{do_wait, notify, WaitMode};
use super::helpers::{define_method, define_value};
use super::typed_array::{validate_typed_array, ElementType};
use crate::spec::agents::Agent;
use crate::spec::bigint_type::JsBigInt;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::{to_big_int, to_index, to_integer_or_infinity, Numeric};
use crate::spec::typed_array_exotic_objects::{
    is_typed_array_out_of_bounds, make_typed_array_with_buffer_witness_record, typed_array_length,
    TypedArrayWithBufferWitness,
};
use crate::spec::value::Value;

/// ValidateIntegerTypedArray ( typedArray, waitable ) (25.4.3.1).
pub fn validate_integer_typed_array(
    agent: &mut Agent,
    typed_array: &Value,
    waitable: bool,
    method: &str,
) -> JsResult<TypedArrayWithBufferWitness> {
    // 1. Let taRecord be ? ValidateTypedArray(typedArray, unordered).
    crate::step!("sec-validateintegertypedarray", "1");
    let ta_record = validate_typed_array(agent, typed_array, Order::Unordered, method)?;
    // 2. NOTE: Bounds checking is not a synchronizing operation when typedArray's backing
    //    buffer is a growable SharedArrayBuffer.
    crate::step!("sec-validateintegertypedarray", "2");
    let t = ta_record.slots.element_type();
    // 3. If waitable is true, then
    crate::step!("sec-validateintegertypedarray", "3");
    if waitable {
        // a. If typedArray.[[TypedArrayName]] is neither "Int32Array" nor "BigInt64Array",
        //    throw a TypeError exception.
        crate::step!("sec-validateintegertypedarray", "3.a");
        if t != ElementType::Int32 && t != ElementType::BigInt64 {
            return Err(agent.type_error(&format!(
                "{method}: an Int32Array or BigInt64Array is required, not a {}",
                t.constructor_name()
            )));
        }
    } else {
        // 4. Else,
        //    a. Let type be TypedArrayElementType(typedArray).
        //    b. If IsUnclampedIntegerElementType(type) is false and
        //       IsBigIntElementType(type) is false, throw a TypeError exception.
        crate::step!("sec-validateintegertypedarray", "4");
        crate::step!("sec-validateintegertypedarray", "4.a");
        crate::step!("sec-validateintegertypedarray", "4.b");
        if !is_unclamped_integer_element_type(t) && !is_big_int_element_type(t) {
            return Err(agent.type_error(&format!(
                "{method}: an integer TypedArray is required, not a {}",
                t.constructor_name()
            )));
        }
    }
    // 5. Return taRecord.
    crate::step!("sec-validateintegertypedarray", "5");
    Ok(ta_record)
}

/// ValidateAtomicAccess ( taRecord, requestIndex ) (25.4.3.2): the byte index of the
/// element.
pub fn validate_atomic_access(
    agent: &mut Agent,
    ta_record: &TypedArrayWithBufferWitness,
    request_index: &Value,
    method: &str,
) -> JsResult<usize> {
    // 1. Let length be TypedArrayLength(taRecord).
    crate::step!("sec-validateatomicaccess", "1");
    let length = typed_array_length(ta_record);
    // 2. Let accessIndex be ? ToIndex(requestIndex).
    crate::step!("sec-validateatomicaccess", "2");
    let access_index = to_index(agent, request_index)?;
    // 3. Assert: accessIndex ≥ 0.
    crate::spec_assert!("sec-validateatomicaccess", "3", by: "accessIndex is a u64");
    // 4. If accessIndex ≥ length, throw a RangeError exception.
    crate::step!("sec-validateatomicaccess", "4");
    if access_index >= length as u64 {
        return Err(agent.range_error(&format!(
            "{method}: the index {access_index} is out of range (the length is {length})"
        )));
    }
    // 5. Let typedArray be taRecord.[[Object]].
    crate::step!("sec-validateatomicaccess", "5");
    let typed_array = &ta_record.slots;
    // 6. Let elementSize be TypedArrayElementSize(typedArray).
    crate::step!("sec-validateatomicaccess", "6");
    let element_size = typed_array.element_size();
    // 7. Let offset be typedArray.[[ByteOffset]].
    crate::step!("sec-validateatomicaccess", "7");
    let offset = typed_array.byte_offset;
    // 8. Return (accessIndex × elementSize) + offset.
    crate::step!("sec-validateatomicaccess", "8");
    Ok(access_index as usize * element_size + offset)
}

/// ValidateAtomicAccessOnIntegerTypedArray ( typedArray, requestIndex ) (25.4.3.3): the
/// byte index, with the record for the steps that follow.
fn validate_atomic_access_on_integer_typed_array(
    agent: &mut Agent,
    typed_array: &Value,
    request_index: &Value,
    method: &str,
) -> JsResult<(TypedArrayWithBufferWitness, usize)> {
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, false).
    crate::step!("sec-validateatomicaccessonintegertypedarray", "1");
    let ta_record = validate_integer_typed_array(agent, typed_array, false, method)?;
    // 2. Return ? ValidateAtomicAccess(taRecord, requestIndex).
    crate::step!("sec-validateatomicaccessonintegertypedarray", "2");
    let byte_index = validate_atomic_access(agent, &ta_record, request_index, method)?;
    Ok((ta_record, byte_index))
}

/// RevalidateAtomicAccess ( typedArray, byteIndexInBuffer ) (25.4.3.4).
fn revalidate_atomic_access(
    agent: &mut Agent,
    typed_array: &Object,
    byte_index_in_buffer: usize,
    method: &str,
) -> JsResult<()> {
    // 1. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(typedArray, unordered).
    crate::step!("sec-revalidateatomicaccess", "1");
    let ta_record = make_typed_array_with_buffer_witness_record(typed_array, Order::Unordered);
    // 2. NOTE: Bounds checking is not a synchronizing operation when typedArray's backing
    //    buffer is a growable SharedArrayBuffer.
    crate::step!("sec-revalidateatomicaccess", "2");
    // 3. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    crate::step!("sec-revalidateatomicaccess", "3");
    let ta_record = match ta_record {
        Some(r) if !is_typed_array_out_of_bounds(&r) => r,
        _ => {
            return Err(agent.type_error(&format!(
                "{method}: the TypedArray went out of its buffer's bounds"
            )))
        }
    };
    // 4. Assert: byteIndexInBuffer ≥ typedArray.[[ByteOffset]].
    crate::spec_assert!(
        "sec-revalidateatomicaccess",
        "4",
        byte_index_in_buffer >= ta_record.slots.byte_offset
    );
    // 5. If byteIndexInBuffer ≥ taRecord.[[CachedBufferByteLength]], throw a RangeError
    //    exception.
    crate::step!("sec-revalidateatomicaccess", "5");
    if byte_index_in_buffer >= ta_record.cached_buffer_byte_length.unwrap_or(0) {
        return Err(agent.range_error(&format!(
            "{method}: the index is out of range after the arguments' conversion"
        )));
    }
    // 6. Return unused.
    crate::step!("sec-revalidateatomicaccess", "6");
    Ok(())
}

/// "If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value). Otherwise, let v
/// be 𝔽(? ToIntegerOrInfinity(value))."
fn to_element_value(agent: &mut Agent, bigint: bool, value: &Value) -> JsResult<Numeric> {
    if bigint {
        Ok(Numeric::BigInt(to_big_int(agent, value)?))
    } else {
        Ok(Numeric::Number(to_integer_or_infinity(agent, value)?))
    }
}

/// AtomicCompareExchangeInSharedBlock ( block, byteIndexInBuffer, elementSize,
/// expectedBytes, replacementBytes ) (25.4.3.16), and its non-shared counterpart
/// (Atomics.compareExchange step 16): the bytes read, the replacement stored when they
/// equal the expected ones — atomically, under a Shared Data Block's lock.
fn compare_exchange_in_buffer(
    buffer: &Object,
    byte_index_in_buffer: usize,
    element_size: usize,
    expected_bytes: RawBytes,
    replacement_bytes: RawBytes,
) -> RawBytes {
    let exchange = |block: &mut [u8]| {
        // Let rawBytesRead be a List of length elementSize whose elements are the sequence
        // of elementSize bytes starting with block[byteIndexInBuffer].
        let Some(bytes) = block.get_mut(byte_index_in_buffer..byte_index_in_buffer + element_size)
        else {
            return RawBytes::zeroed(element_size);
        };
        let raw_bytes_read = RawBytes::from_slice(bytes);
        // If ByteListEqual(rawBytesRead, expectedBytes) is true, then store the individual
        // bytes of replacementBytes into block, starting at block[byteIndexInBuffer].
        if byte_list_equal(&raw_bytes_read, &expected_bytes) {
            bytes.copy_from_slice(&replacement_bytes);
        }
        raw_bytes_read
    };
    match &mut buffer.data_mut().kind {
        ObjectKind::SharedArrayBuffer(sab) => exchange(&mut sab.block.write()),
        ObjectKind::ArrayBuffer(ab) => match &mut ab.data {
            Some(block) => exchange(block),
            None => RawBytes::zeroed(element_size),
        },
        _ => RawBytes::zeroed(element_size),
    }
}

/// AtomicReadModifyWrite ( typedArray, index, value, op ) (25.4.3.17).
fn atomic_read_modify_write(
    agent: &mut Agent,
    typed_array: &Value,
    index: &Value,
    value: &Value,
    op: &dyn Fn(ElementType, bool, RawBytes, RawBytes) -> RawBytes,
    method: &str,
) -> JsResult<Value> {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray,
    //    index).
    crate::step!("sec-atomicreadmodifywrite", "1");
    let (ta_record, byte_index_in_buffer) =
        validate_atomic_access_on_integer_typed_array(agent, typed_array, index, method)?;
    let slots = &ta_record.slots;
    // 2. If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value).
    crate::step!("sec-atomicreadmodifywrite", "2");
    // 3. Otherwise, let v be 𝔽(? ToIntegerOrInfinity(value)).
    crate::step!("sec-atomicreadmodifywrite", "3");
    let v = to_element_value(agent, slots.is_bigint(), value)?;
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    crate::step!("sec-atomicreadmodifywrite", "4");
    revalidate_atomic_access(agent, &ta_record.object, byte_index_in_buffer, method)?;
    // 5. Let buffer be typedArray.[[ViewedArrayBuffer]].
    crate::step!("sec-atomicreadmodifywrite", "5");
    // 6. Let elementType be TypedArrayElementType(typedArray).
    crate::step!("sec-atomicreadmodifywrite", "6");
    let element_type = slots.element_type();
    let little = agent.little_endian;
    // 7. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
    crate::step!("sec-atomicreadmodifywrite", "7");
    Ok(get_modify_set_value_in_buffer(
        agent,
        &slots.viewed_array_buffer,
        byte_index_in_buffer,
        element_type,
        &v,
        &|x, y| op(element_type, little, x, y),
    )
    .into())
}

/// ByteListBitwiseOp ( op, xBytes, yBytes ) (25.4.3.18).
fn byte_list_bitwise_op(op: fn(u8, u8) -> u8, x_bytes: RawBytes, y_bytes: RawBytes) -> RawBytes {
    // 1. Assert: xBytes and yBytes have the same number of elements.
    // 2. Let result be a new empty List.
    let mut result = x_bytes;
    // 3. Let i be 0.
    // 4. For each element xByte of xBytes, do
    for (i, x_byte) in x_bytes.iter().enumerate() {
        // a. Let yByte be yBytes[i].
        let y_byte = y_bytes.get(i).copied().unwrap_or(0);
        // b. If op is &, then
        //    i. Let resultByte be the result of applying the bitwise AND operation to xByte
        //       and yByte.
        // c. Else if op is ^, then
        //    i. Let resultByte be the result of applying the bitwise exclusive OR (XOR)
        //       operation to xByte and yByte.
        // d. Else,
        //    i. Assert: op is |.
        //    ii. Let resultByte be the result of applying the bitwise inclusive OR
        //        operation to xByte and yByte.
        // e. Set i to i + 1.
        // f. Append resultByte to result.
        result[i] = op(*x_byte, y_byte);
    }
    // 5. Return result.
    result
}

/// ByteListEqual ( xBytes, yBytes ) (25.4.3.19).
fn byte_list_equal(x_bytes: &[u8], y_bytes: &[u8]) -> bool {
    // 1. If xBytes and yBytes do not have the same number of elements, return false.
    crate::step!("sec-bytelistequal", "1");
    if x_bytes.len() != y_bytes.len() {
        return false;
    }
    // 2. Let i be 0.
    crate::step!("sec-bytelistequal", "2");
    // 3. For each element xByte of xBytes, do
    crate::step!("sec-bytelistequal", "3");
    for (i, x_byte) in x_bytes.iter().enumerate() {
        // a. Let yByte be yBytes[i].
        crate::step!("sec-bytelistequal", "3.a");
        let y_byte = y_bytes[i];
        // b. If xByte ≠ yByte, return false.
        crate::step!("sec-bytelistequal", "3.b");
        if *x_byte != y_byte {
            return false;
        }
        // c. Set i to i + 1.
        crate::step!("sec-bytelistequal", "3.c");
    }
    // 4. Return true.
    crate::step!("sec-bytelistequal", "4");
    true
}

/// The arithmetic modification functions of Atomics.add and Atomics.sub: "Let x be
/// RawBytesToNumeric(type, xBytes, isLittleEndian). Let y be RawBytesToNumeric(type,
/// yBytes, isLittleEndian). If x is a Number, then let sum (difference) be Number::add(x,
/// y) (Number::subtract); else BigInt::add (BigInt::subtract). Return
/// NumericToRawBytes(type, sum, isLittleEndian)."
fn arithmetic(
    t: ElementType,
    little: bool,
    x_bytes: RawBytes,
    y_bytes: RawBytes,
    subtract: bool,
) -> RawBytes {
    let x = raw_bytes_to_numeric(t, x_bytes, little);
    let y = raw_bytes_to_numeric(t, y_bytes, little);
    let result = match (x, y) {
        (Numeric::Number(x), Numeric::Number(y)) => {
            Numeric::Number(if subtract { x - y } else { x + y })
        }
        (Numeric::BigInt(x), Numeric::BigInt(y)) => Numeric::BigInt(JsBigInt::new(if subtract {
            x.value() - y.value()
        } else {
            x.value() + y.value()
        })),
        (x, _) => x,
    };
    numeric_to_raw_bytes(t, &result, little)
}

/// Atomics.add ( typedArray, index, value ) (25.4.4).
fn add(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let add be a new read-modify-write modification function with parameters (xBytes,
    //    yBytes) that captures typedArray and performs the following steps atomically when
    //    called: (see `arithmetic`)
    // 2. Return ? AtomicReadModifyWrite(typedArray, index, value, add).
    atomic_read_modify_write(
        agent,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &|t, little, x, y| arithmetic(t, little, x, y, false),
        "Atomics.add",
    )
}

/// Atomics.and ( typedArray, index, value ) (25.4.5).
fn and(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let and be a new read-modify-write modification function with parameters (xBytes,
    //    yBytes) that captures nothing and performs the following steps atomically when
    //    called:
    //    a. Return ByteListBitwiseOp(&, xBytes, yBytes).
    // 2. Return ? AtomicReadModifyWrite(typedArray, index, value, and).
    atomic_read_modify_write(
        agent,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &|_, _, x, y| byte_list_bitwise_op(|a, b| a & b, x, y),
        "Atomics.and",
    )
}

/// Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue ) (25.4.6).
fn compare_exchange(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let method = "Atomics.compareExchange";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray,
    //    index).
    let (ta_record, byte_index_in_buffer) =
        validate_atomic_access_on_integer_typed_array(agent, &call.arg(0), &call.arg(1), method)?;
    let slots = &ta_record.slots;
    // 2. Let buffer be typedArray.[[ViewedArrayBuffer]].
    // 3. Let block be buffer.[[ArrayBufferData]].
    // 4. If typedArray.[[ContentType]] is bigint, then
    //    a. Let expected be ? ToBigInt(expectedValue).
    //    b. Let replacement be ? ToBigInt(replacementValue).
    // 5. Else,
    //    a. Let expected be 𝔽(? ToIntegerOrInfinity(expectedValue)).
    //    b. Let replacement be 𝔽(? ToIntegerOrInfinity(replacementValue)).
    let expected = to_element_value(agent, slots.is_bigint(), &call.arg(2))?;
    let replacement = to_element_value(agent, slots.is_bigint(), &call.arg(3))?;
    // 6. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &ta_record.object, byte_index_in_buffer, method)?;
    // 7. Let elementType be TypedArrayElementType(typedArray).
    let element_type = slots.element_type();
    // 8. Let elementSize be TypedArrayElementSize(typedArray).
    let element_size = slots.element_size();
    // 9. Let AR be the Agent Record of the surrounding agent.
    // 10. Let isLittleEndian be AR.[[LittleEndian]].
    let is_little_endian = agent.little_endian;
    // 11. Let expectedBytes be NumericToRawBytes(elementType, expected, isLittleEndian).
    let expected_bytes = numeric_to_raw_bytes(element_type, &expected, is_little_endian);
    // 12. Let replacementBytes be NumericToRawBytes(elementType, replacement,
    //     isLittleEndian).
    let replacement_bytes = numeric_to_raw_bytes(element_type, &replacement, is_little_endian);
    // 13. If IsSharedArrayBuffer(buffer) is true, then
    //     a. Let rawBytesRead be AtomicCompareExchangeInSharedBlock(block,
    //        byteIndexInBuffer, elementSize, expectedBytes, replacementBytes).
    // 14. Else,
    //     a. Let rawBytesRead be a List of length elementSize whose elements are the
    //        sequence of elementSize bytes starting with block[byteIndexInBuffer].
    //     b. If ByteListEqual(rawBytesRead, expectedBytes) is true, then
    //        i. Store the individual bytes of replacementBytes into block, starting at
    //           block[byteIndexInBuffer].
    let raw_bytes_read = compare_exchange_in_buffer(
        &slots.viewed_array_buffer,
        byte_index_in_buffer,
        element_size,
        expected_bytes,
        replacement_bytes,
    );
    // 15. Return RawBytesToNumeric(elementType, rawBytesRead, isLittleEndian).
    Ok(raw_bytes_to_numeric(element_type, raw_bytes_read, is_little_endian).into())
}

/// Atomics.exchange ( typedArray, index, value ) (25.4.7).
fn exchange(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let second be a new read-modify-write modification function with parameters
    //    (oldBytes, newBytes) that captures nothing and performs the following steps
    //    atomically when called:
    //    a. Return newBytes.
    // 2. Return ? AtomicReadModifyWrite(typedArray, index, value, second).
    atomic_read_modify_write(
        agent,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &|_, _, _old, new| new,
        "Atomics.exchange",
    )
}

/// Atomics.isLockFree ( size ) (25.4.8).
fn is_lock_free(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let n be ? ToIntegerOrInfinity(size).
    let n = to_integer_or_infinity(agent, &call.arg(0))?;
    // 2. Let AR be the Agent Record of the surrounding agent.
    // 3. If n = 1, return AR.[[IsLockFree1]].
    // 4. If n = 2, return AR.[[IsLockFree2]].
    // 5. If n = 4, return true.
    // 6. If n = 8, return AR.[[IsLockFree8]].
    // 7. Return false.
    // ([[IsLockFree1]], [[IsLockFree2]] and [[IsLockFree8]] are false: every atomic
    // operation on a Shared Data Block takes the block's lock.)
    Ok(Value::Boolean(n == 4.0))
}

/// Atomics.load ( typedArray, index ) (25.4.9).
fn load(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let method = "Atomics.load";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray,
    //    index).
    let (ta_record, byte_index_in_buffer) =
        validate_atomic_access_on_integer_typed_array(agent, &call.arg(0), &call.arg(1), method)?;
    // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &ta_record.object, byte_index_in_buffer, method)?;
    // 3. Let buffer be typedArray.[[ViewedArrayBuffer]].
    // 4. Let elementType be TypedArrayElementType(typedArray).
    // 5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    Ok(get_value_from_buffer(
        agent,
        &ta_record.slots.viewed_array_buffer,
        byte_index_in_buffer,
        ta_record.slots.element_type(),
        true,
        Order::SeqCst,
        None,
    )
    .into())
}

/// Atomics.notify ( typedArray, index, count ) (25.4.10).
fn notify_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    notify(agent, &call.arg(0), &call.arg(1), &call.arg(2))
}

/// Atomics.or ( typedArray, index, value ) (25.4.11).
fn or(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let or be a new read-modify-write modification function with parameters (xBytes,
    //    yBytes) that captures nothing and performs the following steps atomically when
    //    called:
    //    a. Return ByteListBitwiseOp(|, xBytes, yBytes).
    // 2. Return ? AtomicReadModifyWrite(typedArray, index, value, or).
    atomic_read_modify_write(
        agent,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &|_, _, x, y| byte_list_bitwise_op(|a, b| a | b, x, y),
        "Atomics.or",
    )
}

/// The most spin-wait hints one `Atomics.pause` call gives.
const MAX_PAUSE: u32 = 1024;

/// Atomics.pause ( [ N ] ) (25.4.12; ECMAScript 2026, the Atomics.pause proposal).
fn pause(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let n = call.arg(0);
    // 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
    let times = match n {
        Value::Undefined => 1,
        Value::Number(n) if n.is_finite() && n.trunc() == n => {
            n.clamp(0.0, f64::from(MAX_PAUSE)) as u32
        }
        _ => {
            return Err(agent.type_error("Atomics.pause: N must be undefined or an integral Number"))
        }
    };
    // 2. If the execution environment of the ECMAScript implementation supports signaling
    //    to the operating system or CPU that the current executing code is in a spin-wait
    //    loop, such as executing a pause CPU instruction, send that signal. When N is not
    //    undefined, it determines the number of times that signal is sent. The number of
    //    times the signal is sent for an integral Number N is less than or equal to the
    //    number times it is sent for N + 1 if both N and N + 1 have the same sign.
    for _ in 0..times {
        std::hint::spin_loop();
    }
    // 3. Return undefined.
    Ok(Value::Undefined)
}

/// Atomics.store ( typedArray, index, value ) (25.4.13).
fn store(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let method = "Atomics.store";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray,
    //    index).
    let (ta_record, byte_index_in_buffer) =
        validate_atomic_access_on_integer_typed_array(agent, &call.arg(0), &call.arg(1), method)?;
    // 2. If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value).
    // 3. Otherwise, let v be 𝔽(? ToIntegerOrInfinity(value)).
    let v = to_element_value(agent, ta_record.slots.is_bigint(), &call.arg(2))?;
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &ta_record.object, byte_index_in_buffer, method)?;
    // 5. Let buffer be typedArray.[[ViewedArrayBuffer]].
    // 6. Let elementType be TypedArrayElementType(typedArray).
    // 7. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true,
    //    seq-cst).
    set_value_in_buffer(
        agent,
        &ta_record.slots.viewed_array_buffer,
        byte_index_in_buffer,
        ta_record.slots.element_type(),
        &v,
        true,
        Order::SeqCst,
        None,
    );
    // 8. Return v.
    Ok(v.into())
}

/// Atomics.sub ( typedArray, index, value ) (25.4.14).
fn sub(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let subtract be a new read-modify-write modification function with parameters
    //    (xBytes, yBytes) that captures typedArray and performs the following steps
    //    atomically when called: (see `arithmetic`)
    // 2. Return ? AtomicReadModifyWrite(typedArray, index, value, subtract).
    atomic_read_modify_write(
        agent,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &|t, little, x, y| arithmetic(t, little, x, y, true),
        "Atomics.sub",
    )
}

/// Atomics.wait ( typedArray, index, value, timeout ) (25.4.15).
fn wait(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? DoWait(sync, typedArray, index, value, timeout).
    do_wait(
        agent,
        WaitMode::Sync,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &call.arg(3),
        true,
    )
}

/// Atomics.waitAsync ( typedArray, index, value, timeout ) (25.4.16).
fn wait_async(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? DoWait(async, typedArray, index, value, timeout).
    do_wait(
        agent,
        WaitMode::Async,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &call.arg(3),
        true,
    )
}

/// The `waitAsync` of %SharedAtomics%, the `Atomics` of compartments made after lockdown
/// (SES, `ses::taming::tame_shared_atomics`): Atomics.waitAsync, but a wait that would
/// need a host timer (a finite, non-zero timeout on an equal value) throws a TypeError.
pub fn wait_async_without_host_timers(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    do_wait(
        agent,
        WaitMode::Async,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &call.arg(3),
        false,
    )
}

/// Atomics.xor ( typedArray, index, value ) (25.4.17).
fn xor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let xor be a new read-modify-write modification function with parameters (xBytes,
    //    yBytes) that captures nothing and performs the following steps atomically when
    //    called:
    //    a. Return ByteListBitwiseOp(^, xBytes, yBytes).
    // 2. Return ? AtomicReadModifyWrite(typedArray, index, value, xor).
    atomic_read_modify_write(
        agent,
        &call.arg(0),
        &call.arg(1),
        &call.arg(2),
        &|_, _, x, y| byte_list_bitwise_op(|a, b| a ^ b, x, y),
        "Atomics.xor",
    )
}

/// Creates %Atomics% (25.4): "is an ordinary object", "has a [[Prototype]] internal slot
/// whose value is %Object.prototype%", neither [[Call]] nor [[Construct]].
pub fn create_atomics_intrinsics(agent: &mut Agent, realm: &Realm) {
    let atomics = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    let functions: &[(&str, u32, Behaviour)] = &[
        ("add", 3, add),
        ("and", 3, and),
        ("compareExchange", 4, compare_exchange),
        ("exchange", 3, exchange),
        ("isLockFree", 1, is_lock_free),
        ("load", 2, load),
        ("notify", 3, notify_method),
        ("or", 3, or),
        ("pause", 0, pause),
        ("store", 3, store),
        ("sub", 3, sub),
        ("wait", 4, wait),
        ("waitAsync", 4, wait_async),
        ("xor", 3, xor),
    ];
    for &(name, length, behaviour) in functions {
        define_method(agent, &atomics, name, length, behaviour);
    }
    // 25.4.18 Atomics [ %Symbol.toStringTag% ]: "Atomics", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&atomics, tag, Value::string("Atomics"), false, false, true);
    realm.set_intrinsic(Intrinsic::Atomics, atomics);
}
