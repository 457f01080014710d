//! 25.3 DataView Objects (sec-dataview-objects): the DataView With Buffer Witness Records
//! and the abstract operations of 25.3.1, the DataView constructor (25.3.2) and
//! %DataView.prototype% (25.3.4).

use super::array_buffer_abstract_operations::{
    array_buffer_byte_length, get_value_from_buffer, is_big_int_element_type, is_detached_buffer,
    is_fixed_length_array_buffer, set_value_in_buffer, Order,
};
use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use super::typed_array::ElementType;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::{to_big_int, to_boolean, to_index, to_number, Numeric};
use crate::spec::value::Value;
use boa_gc::{Finalize, Trace};

/// The internal slots of a DataView instance (25.3.5): [[DataView]] (this variant),
/// [[ViewedArrayBuffer]], [[ByteLength]] (`None` for ~auto~), [[ByteOffset]].
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct DataViewData {
    pub viewed_array_buffer: Object,
    #[unsafe_ignore_trace]
    pub byte_length: Option<usize>,
    #[unsafe_ignore_trace]
    pub byte_offset: usize,
}

/// A DataView With Buffer Witness Record (25.3.1.1): [[Object]] and
/// [[CachedBufferByteLength]] (`None` for ~detached~). The view's slots are copied in too,
/// so the operations below read them without borrowing the object again.
pub struct DataViewWithBufferWitness {
    pub object: Object,
    pub cached_buffer_byte_length: Option<usize>,
    viewed_array_buffer: Object,
    byte_length: Option<usize>,
    byte_offset: usize,
}

/// The slots of a DataView (`None` for any other object).
fn data_view_slots(view: &Object) -> Option<(Object, Option<usize>, usize)> {
    match &view.data().kind {
        ObjectKind::DataView(d) => {
            Some((d.viewed_array_buffer.clone(), d.byte_length, d.byte_offset))
        }
        _ => None,
    }
}

/// MakeDataViewWithBufferWitnessRecord ( obj, order ) (25.3.1.2). `obj` is a DataView.
pub fn make_data_view_with_buffer_witness_record(
    obj: &Object,
    order: Order,
) -> Option<DataViewWithBufferWitness> {
    let (buffer, byte_length_slot, byte_offset) = data_view_slots(obj)?;
    // 1. Let buffer be obj.[[ViewedArrayBuffer]].
    crate::step!("sec-makedataviewwithbufferwitnessrecord", "1");
    // 2. If IsDetachedBuffer(buffer) is true, then
    crate::step!("sec-makedataviewwithbufferwitnessrecord", "2");
    let byte_length = if is_detached_buffer(&buffer) {
        // a. Let byteLength be detached.
        crate::step!("sec-makedataviewwithbufferwitnessrecord", "2.a");
        None
    } else {
        // 3. Else,
        crate::step!("sec-makedataviewwithbufferwitnessrecord", "3");
        // a. Let byteLength be ArrayBufferByteLength(buffer, order).
        crate::step!("sec-makedataviewwithbufferwitnessrecord", "3.a");
        Some(array_buffer_byte_length(&buffer, order))
    };
    // 4. Return the DataView With Buffer Witness Record { [[Object]]: obj,
    //    [[CachedBufferByteLength]]: byteLength }.
    crate::step!("sec-makedataviewwithbufferwitnessrecord", "4");
    Some(DataViewWithBufferWitness {
        object: obj.clone(),
        cached_buffer_byte_length: byte_length,
        viewed_array_buffer: buffer,
        byte_length: byte_length_slot,
        byte_offset,
    })
}

/// GetViewByteLength ( viewRecord ) (25.3.1.3).
pub fn get_view_byte_length(view_record: &DataViewWithBufferWitness) -> usize {
    // 1. Assert: IsViewOutOfBounds(viewRecord) is false.
    crate::step!("sec-getviewbytelength", "1");
    // 2. Let view be viewRecord.[[Object]].
    crate::step!("sec-getviewbytelength", "2");
    // 3. If view.[[ByteLength]] is not auto, return view.[[ByteLength]].
    crate::step!("sec-getviewbytelength", "3");
    if let Some(byte_length) = view_record.byte_length {
        return byte_length;
    }
    // 4. Assert: IsFixedLengthArrayBuffer(view.[[ViewedArrayBuffer]]) is false.
    crate::step!("sec-getviewbytelength", "4");
    // 5. Let byteOffset be view.[[ByteOffset]].
    crate::step!("sec-getviewbytelength", "5");
    let byte_offset = view_record.byte_offset;
    // 6. Let byteLength be viewRecord.[[CachedBufferByteLength]].
    crate::step!("sec-getviewbytelength", "6");
    // 7. Assert: byteLength is not detached.
    crate::step!("sec-getviewbytelength", "7");
    let byte_length = view_record.cached_buffer_byte_length.unwrap_or(0);
    // 8. Return byteLength - byteOffset.
    crate::step!("sec-getviewbytelength", "8");
    byte_length.saturating_sub(byte_offset)
}

/// IsViewOutOfBounds ( viewRecord ) (25.3.1.4).
pub fn is_view_out_of_bounds(view_record: &DataViewWithBufferWitness) -> bool {
    // 1. Let view be viewRecord.[[Object]].
    crate::step!("sec-isviewoutofbounds", "1");
    // 2. Let bufferByteLength be viewRecord.[[CachedBufferByteLength]].
    crate::step!("sec-isviewoutofbounds", "2");
    // 3. If IsDetachedBuffer(view.[[ViewedArrayBuffer]]) is true, then
    crate::step!("sec-isviewoutofbounds", "3");
    let Some(buffer_byte_length) = view_record.cached_buffer_byte_length else {
        // a. Assert: bufferByteLength is detached.
        crate::step!("sec-isviewoutofbounds", "3.a");
        // b. Return true.
        crate::step!("sec-isviewoutofbounds", "3.b");
        return true;
    };
    // 4. Assert: bufferByteLength is a non-negative integer.
    crate::step!("sec-isviewoutofbounds", "4");
    // 5. Let byteOffsetStart be view.[[ByteOffset]].
    crate::step!("sec-isviewoutofbounds", "5");
    let byte_offset_start = view_record.byte_offset;
    // 6. If view.[[ByteLength]] is auto, then
    crate::step!("sec-isviewoutofbounds", "6");
    let byte_offset_end = match view_record.byte_length {
        None => {
            // a. Let byteOffsetEnd be bufferByteLength.
            crate::step!("sec-isviewoutofbounds", "6.a");
            buffer_byte_length
        }
        Some(byte_length) => {
            // 7. Else,
            crate::step!("sec-isviewoutofbounds", "7");
            // a. Let byteOffsetEnd be byteOffsetStart + view.[[ByteLength]].
            crate::step!("sec-isviewoutofbounds", "7.a");
            byte_offset_start.saturating_add(byte_length)
        }
    };
    // 8. NOTE: A 0-length DataView whose [[ByteOffset]] is bufferByteLength is not
    //    considered out-of-bounds.
    crate::step!("sec-isviewoutofbounds", "8");
    // 9. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength, return
    //    true.
    crate::step!("sec-isviewoutofbounds", "9");
    if byte_offset_start > buffer_byte_length || byte_offset_end > buffer_byte_length {
        return true;
    }
    // 10. Return false.
    crate::step!("sec-isviewoutofbounds", "10");
    false
}

/// RequireInternalSlot(view, [[DataView]]) for the DataView.prototype methods.
fn this_data_view(agent: &mut Agent, view: &Value, method: &str) -> JsResult<Object> {
    require_internal_slot(
        agent,
        view,
        InternalSlot::DataView,
        format_args!("DataView.prototype.{method}"),
    )
}

/// GetViewValue ( view, requestIndex, isLittleEndian, type ) (25.3.1.5).
pub fn get_view_value(
    agent: &mut Agent,
    view: &Value,
    request_index: &Value,
    is_little_endian: &Value,
    t: ElementType,
    method: &str,
) -> JsResult<Value> {
    // 1. Perform ? RequireInternalSlot(view, [[DataView]]).
    crate::step!("sec-getviewvalue", "1");
    let view = this_data_view(agent, view, method)?;
    // 2. Assert: view has a [[ViewedArrayBuffer]] internal slot.
    crate::step!("sec-getviewvalue", "2");
    // 3. Let getIndex be ? ToIndex(requestIndex).
    crate::step!("sec-getviewvalue", "3");
    let get_index = to_index(agent, request_index)?;
    // 4. Set isLittleEndian to ToBoolean(isLittleEndian).
    crate::step!("sec-getviewvalue", "4");
    let is_little_endian = to_boolean(is_little_endian);
    // 5. Let viewOffset be view.[[ByteOffset]].
    crate::step!("sec-getviewvalue", "5");
    // 6. Let viewRecord be MakeDataViewWithBufferWitnessRecord(view, unordered).
    crate::step!("sec-getviewvalue", "6");
    let Some(view_record) = make_data_view_with_buffer_witness_record(&view, Order::Unordered)
    else {
        return Err(agent.type_error("not a DataView"));
    };
    let view_offset = view_record.byte_offset;
    // 7. NOTE: Bounds checking is not a synchronizing operation when view's backing buffer
    //    is a growable SharedArrayBuffer.
    crate::step!("sec-getviewvalue", "7");
    // 8. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    crate::step!("sec-getviewvalue", "8");
    if is_view_out_of_bounds(&view_record) {
        return Err(agent.type_error(&format!(
            "DataView.prototype.{method}: the view is out of its buffer's bounds (detached or \
             shrunk)"
        )));
    }
    // 9. Let viewSize be GetViewByteLength(viewRecord).
    crate::step!("sec-getviewvalue", "9");
    let view_size = get_view_byte_length(&view_record);
    // 10. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //     type.
    crate::step!("sec-getviewvalue", "10");
    let element_size = t.element_size();
    // 11. If getIndex + elementSize > viewSize, throw a RangeError exception.
    crate::step!("sec-getviewvalue", "11");
    if get_index + element_size as u64 > view_size as u64 {
        return Err(agent.range_error(&format!(
            "DataView.prototype.{method}: offset {get_index} is outside the view ({view_size} \
             bytes)"
        )));
    }
    // 12. Let bufferIndex be getIndex + viewOffset.
    crate::step!("sec-getviewvalue", "12");
    let buffer_index = get_index as usize + view_offset;
    // 13. Return GetValueFromBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, false,
    //     unordered, isLittleEndian).
    crate::step!("sec-getviewvalue", "13");
    Ok(get_value_from_buffer(
        agent,
        &view_record.viewed_array_buffer,
        buffer_index,
        t,
        false,
        Order::Unordered,
        Some(is_little_endian),
    )
    .into())
}

/// SetViewValue ( view, requestIndex, isLittleEndian, type, value ) (25.3.1.6).
pub fn set_view_value(
    agent: &mut Agent,
    view: &Value,
    request_index: &Value,
    is_little_endian: &Value,
    t: ElementType,
    value: &Value,
    method: &str,
) -> JsResult<Value> {
    // 1. Perform ? RequireInternalSlot(view, [[DataView]]).
    crate::step!("sec-setviewvalue", "1");
    let view = this_data_view(agent, view, method)?;
    // 2. Assert: view has a [[ViewedArrayBuffer]] internal slot.
    crate::step!("sec-setviewvalue", "2");
    // 3. Let getIndex be ? ToIndex(requestIndex).
    crate::step!("sec-setviewvalue", "3");
    let get_index = to_index(agent, request_index)?;
    // 4. If IsBigIntElementType(type) is true, let numberValue be ? ToBigInt(value).
    crate::step!("sec-setviewvalue", "4");
    let number_value = if is_big_int_element_type(t) {
        Numeric::BigInt(to_big_int(agent, value)?)
    } else {
        // 5. Otherwise, let numberValue be ? ToNumber(value).
        crate::step!("sec-setviewvalue", "5");
        Numeric::Number(to_number(agent, value)?)
    };
    // 6. Set isLittleEndian to ToBoolean(isLittleEndian).
    crate::step!("sec-setviewvalue", "6");
    let is_little_endian = to_boolean(is_little_endian);
    // 7. Let viewOffset be view.[[ByteOffset]].
    crate::step!("sec-setviewvalue", "7");
    // 8. Let viewRecord be MakeDataViewWithBufferWitnessRecord(view, unordered).
    crate::step!("sec-setviewvalue", "8");
    let Some(view_record) = make_data_view_with_buffer_witness_record(&view, Order::Unordered)
    else {
        return Err(agent.type_error("not a DataView"));
    };
    let view_offset = view_record.byte_offset;
    // 9. NOTE: Bounds checking is not a synchronizing operation when view's backing buffer
    //    is a growable SharedArrayBuffer.
    crate::step!("sec-setviewvalue", "9");
    // 10. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    crate::step!("sec-setviewvalue", "10");
    if is_view_out_of_bounds(&view_record) {
        return Err(agent.type_error(&format!(
            "DataView.prototype.{method}: the view is out of its buffer's bounds (detached or \
             shrunk)"
        )));
    }
    // 11. Let viewSize be GetViewByteLength(viewRecord).
    crate::step!("sec-setviewvalue", "11");
    let view_size = get_view_byte_length(&view_record);
    // 12. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //     type.
    crate::step!("sec-setviewvalue", "12");
    let element_size = t.element_size();
    // 13. If getIndex + elementSize > viewSize, throw a RangeError exception.
    crate::step!("sec-setviewvalue", "13");
    if get_index + element_size as u64 > view_size as u64 {
        return Err(agent.range_error(&format!(
            "DataView.prototype.{method}: offset {get_index} is outside the view ({view_size} \
             bytes)"
        )));
    }
    // 14. Let bufferIndex be getIndex + viewOffset.
    crate::step!("sec-setviewvalue", "14");
    let buffer_index = get_index as usize + view_offset;
    // 15. Perform SetValueInBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type,
    //     numberValue, false, unordered, isLittleEndian).
    crate::step!("sec-setviewvalue", "15");
    set_value_in_buffer(
        agent,
        &view_record.viewed_array_buffer,
        buffer_index,
        t,
        &number_value,
        false,
        Order::Unordered,
        Some(is_little_endian),
    );
    // 16. Return undefined.
    crate::step!("sec-setviewvalue", "16");
    Ok(Value::Undefined)
}

/// DataView ( buffer [ , byteOffset [ , byteLength ] ] ) (25.3.2.1).
fn data_view_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor DataView requires 'new'"));
    };
    // 2. Perform ? RequireInternalSlot(buffer, [[ArrayBufferData]]).
    let buffer = require_internal_slot(
        agent,
        &call.arg(0),
        InternalSlot::ArrayBufferData,
        "DataView",
    )?;
    let byte_length = call.arg(2);
    // 3. Let offset be ? ToIndex(byteOffset).
    let offset = to_index(agent, &call.arg(1))?;
    // 4. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(&buffer) {
        return Err(agent.type_error("DataView: the buffer is detached"));
    }
    // 5. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = array_buffer_byte_length(&buffer, Order::SeqCst) as u64;
    // 6. If offset > bufferByteLength, throw a RangeError exception.
    if offset > buffer_byte_length {
        return Err(agent.range_error(&format!(
            "DataView: the offset {offset} is beyond the buffer's {buffer_byte_length} bytes"
        )));
    }
    // 7. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let buffer_is_fixed_length = is_fixed_length_array_buffer(&buffer);
    // 8. If byteLength is undefined, then
    let view_byte_length = if byte_length.is_undefined() {
        // a. If bufferIsFixedLength is true, then
        if buffer_is_fixed_length {
            // i. Let viewByteLength be bufferByteLength - offset.
            Some(buffer_byte_length - offset)
        } else {
            // b. Else,
            //    i. Let viewByteLength be auto.
            None
        }
    } else {
        // 9. Else,
        //    a. Let viewByteLength be ? ToIndex(byteLength).
        let view_byte_length = to_index(agent, &byte_length)?;
        //    b. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
        if offset + view_byte_length > buffer_byte_length {
            return Err(agent.range_error(&format!(
                "DataView: {view_byte_length} bytes from offset {offset} do not fit in the \
                 buffer's {buffer_byte_length} bytes"
            )));
        }
        Some(view_byte_length)
    };
    // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%DataView.prototype%",
    //     « [[DataView]], [[ViewedArrayBuffer]], [[ByteLength]], [[ByteOffset]] »).
    //     (Created with its slots set to their final values: if a step below throws, the
    //     object is dropped unseen.)
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::DataViewPrototype,
        ObjectKind::DataView(Box::new(DataViewData {
            viewed_array_buffer: buffer.clone(),
            byte_length: view_byte_length.map(|l| l as usize),
            byte_offset: offset as usize,
        })),
    )?;
    // 11. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if is_detached_buffer(&buffer) {
        return Err(agent.type_error("DataView: the buffer was detached"));
    }
    // 12. Set bufferByteLength to ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = array_buffer_byte_length(&buffer, Order::SeqCst) as u64;
    // 13. If offset > bufferByteLength, throw a RangeError exception.
    if offset > buffer_byte_length {
        return Err(agent.range_error("DataView: the buffer shrank below the offset"));
    }
    // 14. If byteLength is not undefined, then
    if let (false, Some(view_byte_length)) = (byte_length.is_undefined(), view_byte_length) {
        // a. If offset + viewByteLength > bufferByteLength, throw a RangeError exception.
        if offset + view_byte_length > buffer_byte_length {
            return Err(agent.range_error("DataView: the buffer shrank below the view's end"));
        }
    }
    // 15. Set O.[[ViewedArrayBuffer]] to buffer.
    // 16. Set O.[[ByteLength]] to viewByteLength.
    // 17. Set O.[[ByteOffset]] to offset.
    // 18. Return O.
    Ok(Value::Object(o))
}

/// get DataView.prototype.buffer (25.3.4.1).
fn buffer(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[DataView]]).
    let o = this_data_view(agent, call.this, "buffer")?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let buffer be O.[[ViewedArrayBuffer]].
    // 5. Return buffer.
    Ok(data_view_slots(&o).map_or(Value::Undefined, |(buffer, _, _)| Value::Object(buffer)))
}

/// get DataView.prototype.byteLength (25.3.4.2).
fn byte_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[DataView]]).
    let o = this_data_view(agent, call.this, "byteLength")?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let viewRecord be MakeDataViewWithBufferWitnessRecord(O, seq-cst).
    let Some(view_record) = make_data_view_with_buffer_witness_record(&o, Order::SeqCst) else {
        return Err(agent.type_error("not a DataView"));
    };
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if is_view_out_of_bounds(&view_record) {
        return Err(agent
            .type_error("DataView.prototype.byteLength: the view is out of its buffer's bounds"));
    }
    // 6. Let size be GetViewByteLength(viewRecord).
    let size = get_view_byte_length(&view_record);
    // 7. Return 𝔽(size).
    Ok(Value::Number(size as f64))
}

/// get DataView.prototype.byteOffset (25.3.4.3).
fn byte_offset(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[DataView]]).
    let o = this_data_view(agent, call.this, "byteOffset")?;
    // 3. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    // 4. Let viewRecord be MakeDataViewWithBufferWitnessRecord(O, seq-cst).
    let Some(view_record) = make_data_view_with_buffer_witness_record(&o, Order::SeqCst) else {
        return Err(agent.type_error("not a DataView"));
    };
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    if is_view_out_of_bounds(&view_record) {
        return Err(agent
            .type_error("DataView.prototype.byteOffset: the view is out of its buffer's bounds"));
    }
    // 6. Let offset be O.[[ByteOffset]].
    // 7. Return 𝔽(offset).
    Ok(Value::Number(view_record.byte_offset as f64))
}

/// Defines a DataView.prototype getter (`get<Type>`, 25.3.4.5-25.3.4.15): "Let view be
/// the this value. [If littleEndian is not present, set littleEndian to false.] Return ?
/// GetViewValue(view, byteOffset, littleEndian, type)." (Int8 and Uint8 pass true; an
/// absent littleEndian is undefined, which ToBoolean makes false.)
macro_rules! view_getters {
    ($($name:ident, $method:literal, $type:ident, $little:expr;)*) => {
        $(
            fn $name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                let little: Option<bool> = $little;
                let little_endian = little.map_or_else(|| call.arg(1), Value::Boolean);
                get_view_value(
                    agent,
                    call.this,
                    &call.arg(0),
                    &little_endian,
                    ElementType::$type,
                    $method,
                )
            }
        )*
    };
}

/// Defines a DataView.prototype setter (`set<Type>`, 25.3.4.16-25.3.4.26): "Let view be
/// the this value. [If littleEndian is not present, set littleEndian to false.] Return ?
/// SetViewValue(view, byteOffset, littleEndian, type, value)."
macro_rules! view_setters {
    ($($name:ident, $method:literal, $type:ident, $little:expr;)*) => {
        $(
            fn $name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                let little: Option<bool> = $little;
                let little_endian = little.map_or_else(|| call.arg(2), Value::Boolean);
                set_view_value(
                    agent,
                    call.this,
                    &call.arg(0),
                    &little_endian,
                    ElementType::$type,
                    &call.arg(1),
                    $method,
                )
            }
        )*
    };
}

view_getters! {
    get_big_int64, "getBigInt64", BigInt64, None;
    get_big_uint64, "getBigUint64", BigUint64, None;
    get_float16, "getFloat16", Float16, None;
    get_float32, "getFloat32", Float32, None;
    get_float64, "getFloat64", Float64, None;
    get_int8, "getInt8", Int8, Some(true);
    get_int16, "getInt16", Int16, None;
    get_int32, "getInt32", Int32, None;
    get_uint8, "getUint8", Uint8, Some(true);
    get_uint16, "getUint16", Uint16, None;
    get_uint32, "getUint32", Uint32, None;
}

view_setters! {
    set_big_int64, "setBigInt64", BigInt64, None;
    set_big_uint64, "setBigUint64", BigUint64, None;
    set_float16, "setFloat16", Float16, None;
    set_float32, "setFloat32", Float32, None;
    set_float64, "setFloat64", Float64, None;
    set_int8, "setInt8", Int8, Some(true);
    set_int16, "setInt16", Int16, None;
    set_int32, "setInt32", Int32, None;
    set_uint8, "setUint8", Uint8, Some(true);
    set_uint16, "setUint16", Uint16, None;
    set_uint32, "setUint32", Uint32, None;
}

/// Creates %DataView% (25.3.2-25.3.3) and %DataView.prototype% (25.3.4).
pub fn create_data_view_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::DataViewPrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::DataView,
        "DataView",
        1,
        data_view_constructor,
        &prototype,
        None,
    );
    let getters: &[(&str, Behaviour)] = &[
        ("buffer", buffer),
        ("byteLength", byte_length),
        ("byteOffset", byte_offset),
    ];
    for &(name, getter) in getters {
        define_accessor(agent, &prototype, name, Some(getter), None);
    }
    let methods: &[(&str, u32, Behaviour)] = &[
        ("getBigInt64", 1, get_big_int64),
        ("getBigUint64", 1, get_big_uint64),
        ("getFloat16", 1, get_float16),
        ("getFloat32", 1, get_float32),
        ("getFloat64", 1, get_float64),
        ("getInt8", 1, get_int8),
        ("getInt16", 1, get_int16),
        ("getInt32", 1, get_int32),
        ("getUint8", 1, get_uint8),
        ("getUint16", 1, get_uint16),
        ("getUint32", 1, get_uint32),
        ("setBigInt64", 2, set_big_int64),
        ("setBigUint64", 2, set_big_uint64),
        ("setFloat16", 2, set_float16),
        ("setFloat32", 2, set_float32),
        ("setFloat64", 2, set_float64),
        ("setInt8", 2, set_int8),
        ("setInt16", 2, set_int16),
        ("setInt32", 2, set_int32),
        ("setUint8", 2, set_uint8),
        ("setUint16", 2, set_uint16),
        ("setUint32", 2, set_uint32),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    // 25.3.4.27 DataView.prototype [ %Symbol.toStringTag% ]: "DataView".
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("DataView"),
        false,
        false,
        true,
    );
}
