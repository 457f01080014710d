//! 23.2.5 The TypedArray Constructors (sec-typedarray-constructors): the twelve
//! constructors of Table 71 (one behaviour, told apart by the element type captured in the
//! function's slot), AllocateTypedArray and the InitializeTypedArrayFrom* operations
//! (23.2.5.1.1-23.2.5.1.6), and their constructor and prototype properties (23.2.6-23.2.7).

use super::array_buffer_abstract_operations::{
    allocate_array_buffer, array_buffer_byte_length, clone_array_buffer, get_value_from_buffer,
    is_detached_buffer, is_fixed_length_array_buffer, set_value_in_buffer, Order,
};
use super::helpers::{define_constructor_with_steps, define_value};
use super::typed_array::ElementType;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{BuiltinCall, BuiltinSteps};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{get_iterator_from_method, iterator_to_list};
use crate::spec::operations_on_objects::{get, get_method, index_key, length_of_array_like, set};
use crate::spec::ordinary_object_internal_methods::{
    get_prototype_from_constructor, ordinary_object_create,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::to_index;
use crate::spec::typed_array_exotic_objects::{
    is_typed_array_out_of_bounds, make_typed_array_with_buffer_witness_record, typed_array_create,
    typed_array_length, typed_array_slots,
};
use crate::spec::value::Value;

/// Sets a TypedArray's [[ViewedArrayBuffer]], [[ByteLength]], [[ByteOffset]] and
/// [[ArrayLength]] (`None` lengths are ~auto~).
fn set_slots(
    o: &Object,
    buffer: Object,
    byte_length: Option<usize>,
    byte_offset: usize,
    array_length: Option<usize>,
) {
    if let ObjectKind::TypedArray(t) = &mut o.data_mut().kind {
        t.viewed_array_buffer = Some(buffer);
        t.byte_length = byte_length;
        t.byte_offset = byte_offset;
        t.array_length = array_length;
    }
}

/// The [[TypedArrayName]] of a TypedArray being initialized.
fn element_type(o: &Object) -> ElementType {
    match &o.data().kind {
        ObjectKind::TypedArray(t) => t.typed_array_name,
        _ => ElementType::Uint8,
    }
}

/// TypedArray ( ...args ) (23.2.5.1), for the constructor whose element type is
/// `ElementType::ALL[index]` (the closure's capture).
fn typed_array_constructor(
    agent: &mut Agent,
    call: &BuiltinCall,
    index: &usize,
) -> JsResult<Value> {
    let t = ElementType::ALL[(*index).min(ElementType::ALL.len() - 1)];
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error(&format!(
            "Constructor {} requires 'new'",
            t.constructor_name()
        )));
    };
    // 2. Let constructorName be the String value of the Constructor Name value specified in
    //    Table 71 for this TypedArray constructor.
    // 3. Let proto be "%TypedArray.prototype%".
    let proto = t.prototype_intrinsic();
    // 4. Let numberOfArgs be the number of elements in args.
    let number_of_args = call.args.len();
    // 5. If numberOfArgs = 0, then
    if number_of_args == 0 {
        // a. Return ? AllocateTypedArray(constructorName, NewTarget, proto, 0).
        return Ok(Value::Object(allocate_typed_array(
            agent,
            t,
            new_target,
            proto,
            Some(0),
        )?));
    }
    // 6. Else,
    //    a. Let firstArgument be args[0].
    let first_argument = call.arg(0);
    //    b. If firstArgument is an Object, then
    if let Value::Object(first) = &first_argument {
        // i. Let O be ? AllocateTypedArray(constructorName, NewTarget, proto).
        let o = allocate_typed_array(agent, t, new_target, proto, None)?;
        let has = |slot| first.data().kind.has_internal_slot(slot);
        if has(InternalSlot::TypedArrayName) {
            // ii. If firstArgument has a [[TypedArrayName]] internal slot, then
            //     1. Perform ? InitializeTypedArrayFromTypedArray(O, firstArgument).
            initialize_typed_array_from_typed_array(agent, &o, first)?;
        } else if has(InternalSlot::ArrayBufferData) {
            // iii. Else if firstArgument has an [[ArrayBufferData]] internal slot, then
            //      1. If numberOfArgs > 1, let byteOffset be args[1]; else let byteOffset
            //         be undefined.
            //      2. If numberOfArgs > 2, let length be args[2]; else let length be
            //         undefined.
            //      3. Perform ? InitializeTypedArrayFromArrayBuffer(O, firstArgument,
            //         byteOffset, length).
            initialize_typed_array_from_array_buffer(agent, &o, first, &call.arg(1), &call.arg(2))?;
        } else {
            // iv. Else,
            //     1. Assert: firstArgument is an Object and firstArgument does not have
            //        either a [[TypedArrayName]] or an [[ArrayBufferData]] internal slot.
            //     2. Let usingIterator be ? GetMethod(firstArgument, %Symbol.iterator%).
            let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
            let using_iterator = get_method(agent, &first_argument, &iterator_key)?;
            //     3. If usingIterator is not undefined, then
            if let Some(using_iterator) = using_iterator {
                // a. Let values be ? IteratorToList(? GetIteratorFromMethod(firstArgument,
                //    usingIterator)).
                let mut record = get_iterator_from_method(agent, &first_argument, &using_iterator)?;
                let values = iterator_to_list(agent, &mut record)?;
                // b. Perform ? InitializeTypedArrayFromList(O, values).
                initialize_typed_array_from_list(agent, &o, values)?;
            } else {
                // 4. Else,
                //    a. NOTE: firstArgument is not an iterable object, so assume it is
                //       already an array-like object.
                //    b. Perform ? InitializeTypedArrayFromArrayLike(O, firstArgument).
                initialize_typed_array_from_array_like(agent, &o, first)?;
            }
        }
        // v. Return O.
        return Ok(Value::Object(o));
    }
    //    c. Else,
    //       i. Assert: firstArgument is not an Object.
    //       ii. Let elementLength be ? ToIndex(firstArgument).
    let element_length = to_index(agent, &first_argument)?;
    //       iii. Return ? AllocateTypedArray(constructorName, NewTarget, proto,
    //            elementLength).
    Ok(Value::Object(allocate_typed_array(
        agent,
        t,
        new_target,
        proto,
        Some(element_length),
    )?))
}

/// AllocateTypedArray ( constructorName, newTarget, defaultProto [ , length ] )
/// (23.2.5.1.1).
pub fn allocate_typed_array(
    agent: &mut Agent,
    constructor_name: ElementType,
    new_target: &Object,
    default_proto: Intrinsic,
    length: Option<u64>,
) -> JsResult<Object> {
    // 1. Let proto be ? GetPrototypeFromConstructor(newTarget, defaultProto).
    let proto = get_prototype_from_constructor(agent, new_target, default_proto)?;
    // 2. Let obj be TypedArrayCreate(proto).
    // 3. Assert: obj.[[ViewedArrayBuffer]] is undefined.
    // 4. Set obj.[[TypedArrayName]] to constructorName.
    // 5. If constructorName is either "BigInt64Array" or "BigUint64Array", set
    //    obj.[[ContentType]] to bigint.
    // 6. Otherwise, set obj.[[ContentType]] to number.
    let obj = typed_array_create(proto, constructor_name);
    match length {
        // 7. If length is not present, then
        //    a. Set obj.[[ByteLength]] to 0.
        //    b. Set obj.[[ByteOffset]] to 0.
        //    c. Set obj.[[ArrayLength]] to 0.
        // (TypedArrayCreate made them 0.)
        None => {}
        // 8. Else,
        //    a. Perform ? AllocateTypedArrayBuffer(obj, length).
        Some(length) => allocate_typed_array_buffer(agent, &obj, length)?,
    }
    // 9. Return obj.
    Ok(obj)
}

/// InitializeTypedArrayFromTypedArray ( O, srcArray ) (23.2.5.1.2).
fn initialize_typed_array_from_typed_array(
    agent: &mut Agent,
    o: &Object,
    src_array: &Object,
) -> JsResult<()> {
    let Some(src) = typed_array_slots(src_array) else {
        return Err(agent.type_error("not a TypedArray"));
    };
    // 1. Let srcData be srcArray.[[ViewedArrayBuffer]].
    let src_data = src.viewed_array_buffer.clone();
    // 2. Let elementType be TypedArrayElementType(O).
    let element_type = element_type(o);
    // 3. Let elementSize be TypedArrayElementSize(O).
    let element_size = element_type.element_size();
    // 4. Let srcType be TypedArrayElementType(srcArray).
    let src_type = src.element_type();
    // 5. Let srcElementSize be TypedArrayElementSize(srcArray).
    let src_element_size = src.element_size();
    // 6. Let srcByteOffset be srcArray.[[ByteOffset]].
    let src_byte_offset = src.byte_offset;
    // 7. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(srcArray, seq-cst).
    // 8. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let src_record = match make_typed_array_with_buffer_witness_record(src_array, Order::SeqCst) {
        Some(r) if !is_typed_array_out_of_bounds(&r) => r,
        _ => {
            return Err(agent.type_error(
                "cannot construct a TypedArray from one that is out of its buffer's bounds",
            ))
        }
    };
    // 9. Let elementLength be TypedArrayLength(srcRecord).
    let element_length = typed_array_length(&src_record);
    // 10. Let byteLength be elementSize × elementLength.
    let byte_length = element_size * element_length;
    // 11. If elementType is srcType, then
    let data = if element_type == src_type {
        // a. Let data be ? CloneArrayBuffer(srcData, srcByteOffset, byteLength).
        clone_array_buffer(agent, &src_data, src_byte_offset, byte_length)?
    } else {
        // 12. Else,
        //     a. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
        let array_buffer = agent.intrinsic(Intrinsic::ArrayBuffer);
        let data = allocate_array_buffer(agent, &array_buffer, byte_length as u64, None)?;
        //     b. If srcArray.[[ContentType]] is not O.[[ContentType]], throw a TypeError
        //        exception.
        if src.is_bigint() != element_type.is_bigint() {
            return Err(agent.type_error(
                "cannot construct a TypedArray from one of the other content type (BigInt vs \
                 Number)",
            ));
        }
        //     c. Let srcByteIndex be srcByteOffset.
        let mut src_byte_index = src_byte_offset;
        //     d. Let targetByteIndex be 0.
        let mut target_byte_index = 0;
        //     e. Let count be elementLength.
        //     f. Repeat, while count > 0,
        for _ in 0..element_length {
            // i. Let value be GetValueFromBuffer(srcData, srcByteIndex, srcType, true,
            //    unordered).
            let value = get_value_from_buffer(
                agent,
                &src_data,
                src_byte_index,
                src_type,
                true,
                Order::Unordered,
                None,
            );
            // ii. Perform SetValueInBuffer(data, targetByteIndex, elementType, value, true,
            //     unordered).
            set_value_in_buffer(
                agent,
                &data,
                target_byte_index,
                element_type,
                &value,
                true,
                Order::Unordered,
                None,
            );
            // iii. Set srcByteIndex to srcByteIndex + srcElementSize.
            src_byte_index += src_element_size;
            // iv. Set targetByteIndex to targetByteIndex + elementSize.
            target_byte_index += element_size;
            // v. Set count to count - 1.
        }
        data
    };
    // 13. Set O.[[ViewedArrayBuffer]] to data.
    // 14. Set O.[[ByteLength]] to byteLength.
    // 15. Set O.[[ByteOffset]] to 0.
    // 16. Set O.[[ArrayLength]] to elementLength.
    set_slots(o, data, Some(byte_length), 0, Some(element_length));
    // 17. Return unused.
    Ok(())
}

/// InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length ) (23.2.5.1.3).
fn initialize_typed_array_from_array_buffer(
    agent: &mut Agent,
    o: &Object,
    buffer: &Object,
    byte_offset: &Value,
    length: &Value,
) -> JsResult<()> {
    // 1. Let elementSize be TypedArrayElementSize(O).
    let element_size = element_type(o).element_size() as u64;
    // 2. Let offset be ? ToIndex(byteOffset).
    let offset = to_index(agent, byte_offset)?;
    // 3. If offset modulo elementSize ≠ 0, throw a RangeError exception.
    if !offset.is_multiple_of(element_size) {
        return Err(agent.range_error(&format!(
            "the byte offset {offset} is not a multiple of the element size {element_size}"
        )));
    }
    // 4. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let buffer_is_fixed_length = is_fixed_length_array_buffer(buffer);
    // 5. If length is not undefined, then
    //    a. Let newLength be ? ToIndex(length).
    let new_length = if length.is_undefined() {
        None
    } else {
        Some(to_index(agent, length)?)
    };
    // 6. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(buffer) {
        return Err(agent.type_error("cannot construct a TypedArray on a detached buffer"));
    }
    // 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = array_buffer_byte_length(buffer, Order::SeqCst) as u64;
    // 8. If length is undefined and bufferIsFixedLength is false, then
    let (byte_length, array_length) = if new_length.is_none() && !buffer_is_fixed_length {
        // a. If offset > bufferByteLength, throw a RangeError exception.
        if offset > buffer_byte_length {
            return Err(agent.range_error(&format!(
                "the byte offset {offset} is beyond the buffer's {buffer_byte_length} bytes"
            )));
        }
        // b. Set O.[[ByteLength]] to auto.
        // c. Set O.[[ArrayLength]] to auto.
        (None, None)
    } else {
        // 9. Else,
        let new_byte_length = match new_length {
            // a. If length is undefined, then
            None => {
                // i. If bufferByteLength modulo elementSize ≠ 0, throw a RangeError
                //    exception.
                if !buffer_byte_length.is_multiple_of(element_size) {
                    return Err(agent.range_error(&format!(
                        "the buffer's byte length {buffer_byte_length} is not a multiple of \
                         the element size {element_size}"
                    )));
                }
                // ii. Let newByteLength be bufferByteLength - offset.
                // iii. If newByteLength < 0, throw a RangeError exception.
                if offset > buffer_byte_length {
                    return Err(agent.range_error(&format!(
                        "the byte offset {offset} is beyond the buffer's {buffer_byte_length} \
                         bytes"
                    )));
                }
                buffer_byte_length - offset
            }
            // b. Else,
            Some(new_length) => {
                // i. Let newByteLength be newLength × elementSize.
                let new_byte_length = new_length.saturating_mul(element_size);
                // ii. If offset + newByteLength > bufferByteLength, throw a RangeError
                //     exception.
                if offset.saturating_add(new_byte_length) > buffer_byte_length {
                    return Err(agent.range_error(&format!(
                        "{new_length} elements from byte offset {offset} do not fit in the \
                         buffer's {buffer_byte_length} bytes"
                    )));
                }
                new_byte_length
            }
        };
        // c. Set O.[[ByteLength]] to newByteLength.
        // d. Set O.[[ArrayLength]] to newByteLength / elementSize.
        (
            Some(new_byte_length as usize),
            Some((new_byte_length / element_size) as usize),
        )
    };
    // 10. Set O.[[ViewedArrayBuffer]] to buffer.
    // 11. Set O.[[ByteOffset]] to offset.
    set_slots(
        o,
        buffer.clone(),
        byte_length,
        offset as usize,
        array_length,
    );
    // 12. Return unused.
    Ok(())
}

/// InitializeTypedArrayFromList ( O, values ) (23.2.5.1.4).
fn initialize_typed_array_from_list(
    agent: &mut Agent,
    o: &Object,
    values: Vec<Value>,
) -> JsResult<()> {
    // 1. Let len be the number of elements in values.
    let len = values.len();
    // 2. Perform ? AllocateTypedArrayBuffer(O, len).
    allocate_typed_array_buffer(agent, o, len as u64)?;
    // 3. Let k be 0.
    // 4. Repeat, while k < len,
    for (k, k_value) in values.into_iter().enumerate() {
        // a. Let Pk be ! ToString(𝔽(k)).
        // b. Let kValue be the first element of values.
        // c. Remove the first element from values.
        // d. Perform ? Set(O, Pk, kValue, true).
        set(agent, o, &index_key(k as u64), k_value, true)?;
        // e. Set k to k + 1.
    }
    // 5. Assert: values is now an empty List.
    // 6. Return unused.
    Ok(())
}

/// InitializeTypedArrayFromArrayLike ( O, arrayLike ) (23.2.5.1.5).
fn initialize_typed_array_from_array_like(
    agent: &mut Agent,
    o: &Object,
    array_like: &Object,
) -> JsResult<()> {
    // 1. Let len be ? LengthOfArrayLike(arrayLike).
    let len = length_of_array_like(agent, array_like)?;
    // 2. Perform ? AllocateTypedArrayBuffer(O, len).
    allocate_typed_array_buffer(agent, o, len)?;
    // 3. Let k be 0.
    // 4. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kValue be ? Get(arrayLike, Pk).
        let k_value = get(agent, array_like, &pk)?;
        // c. Perform ? Set(O, Pk, kValue, true).
        set(agent, o, &pk, k_value, true)?;
        // d. Set k to k + 1.
    }
    // 5. Return unused.
    Ok(())
}

/// AllocateTypedArrayBuffer ( O, length ) (23.2.5.1.6).
fn allocate_typed_array_buffer(agent: &mut Agent, o: &Object, length: u64) -> JsResult<()> {
    // 1. Assert: O.[[ViewedArrayBuffer]] is undefined.
    // 2. Let elementSize be TypedArrayElementSize(O).
    let element_size = element_type(o).element_size() as u64;
    // 3. Let byteLength be elementSize × length.
    let byte_length = element_size.saturating_mul(length);
    // 4. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
    let array_buffer = agent.intrinsic(Intrinsic::ArrayBuffer);
    let data = allocate_array_buffer(agent, &array_buffer, byte_length, None)?;
    // 5. Set O.[[ViewedArrayBuffer]] to data.
    // 6. Set O.[[ByteLength]] to byteLength.
    // 7. Set O.[[ByteOffset]] to 0.
    // 8. Set O.[[ArrayLength]] to length.
    set_slots(
        o,
        data,
        Some(byte_length as usize),
        0,
        Some(length as usize),
    );
    // 9. Return unused.
    Ok(())
}

/// Creates the TypedArray constructors of Table 71 (23.2.5-23.2.6) and their prototypes
/// (23.2.7).
pub fn create_typed_array_constructors(agent: &mut Agent, realm: &Realm) {
    let typed_array = realm.intrinsic(Intrinsic::TypedArray);
    let typed_array_prototype = realm.intrinsic(Intrinsic::TypedArrayPrototype);
    for (index, t) in ElementType::ALL.into_iter().enumerate() {
        // 23.2.7: "has a [[Prototype]] internal slot whose value is %TypedArray.prototype%";
        // "is an ordinary object".
        let prototype = ordinary_object_create(Some(typed_array_prototype.clone()));
        realm.set_intrinsic(t.prototype_intrinsic(), prototype.clone());
        // 23.2.6: "has a [[Prototype]] internal slot whose value is %TypedArray%"; "has a
        // "length" property whose value is 3𝔽"; "has a "name" property whose value is the
        // String value of the constructor name".
        let constructor = define_constructor_with_steps(
            agent,
            realm,
            t.constructor_intrinsic(),
            t.constructor_name(),
            3,
            BuiltinSteps::closure(typed_array_constructor, index),
            &prototype,
            Some(typed_array.clone()),
        );
        // 23.2.6.1 TypedArray.BYTES_PER_ELEMENT and 23.2.7.1
        // TypedArray.prototype.BYTES_PER_ELEMENT: the Element Size, { [[Writable]]: false,
        // [[Enumerable]]: false, [[Configurable]]: false }.
        let bytes = Value::Number(t.element_size() as f64);
        define_value(
            &constructor,
            "BYTES_PER_ELEMENT",
            bytes.clone(),
            false,
            false,
            false,
        );
        define_value(&prototype, "BYTES_PER_ELEMENT", bytes, false, false, false);
    }
}
