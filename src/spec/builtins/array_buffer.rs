//! 25.1 ArrayBuffer Objects (sec-arraybuffer-objects): the ArrayBuffer constructor
//! (25.1.4-25.1.5), %ArrayBuffer.prototype% (25.1.6) and the instances' slots (25.1.7). The
//! abstract operations of 25.1.3 are in `array_buffer_abstract_operations.rs`.

use super::array_buffer_abstract_operations::{
    allocate_array_buffer, array_buffer_copy_and_detach, copy_from_buffer,
    get_array_buffer_max_byte_length_option, host_resize_array_buffer, is_detached_buffer,
    is_fixed_length_array_buffer, is_shared_array_buffer, with_array_buffer, HostHandled,
    PreserveResizability,
};
use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::data_blocks::MAX_BYTE_LENGTH;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{construct, species_constructor};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::{to_index, to_integer_or_infinity};
use crate::spec::value::Value;
use boa_gc::{custom_trace, Finalize, Trace};

/// The internal slots of an ArrayBuffer instance (25.1.7).
#[derive(Finalize)]
pub struct ArrayBufferData {
    /// [[ArrayBufferData]]: the Data Block, `None` when it is null (the buffer is
    /// detached). [[ArrayBufferByteLength]] is its length (0 when detached).
    pub data: Option<Vec<u8>>,
    /// [[ArrayBufferMaxByteLength]]: present (`Some`) only in a resizable ArrayBuffer.
    pub max_byte_length: Option<usize>,
    /// [[ArrayBufferDetachKey]].
    pub detach_key: Value,
}

impl ArrayBufferData {
    /// [[ArrayBufferByteLength]].
    pub fn byte_length(&self) -> usize {
        self.data.as_ref().map_or(0, Vec::len)
    }
}

// SAFETY: the detach key is traced; the bytes hold no Gc pointer.
unsafe impl Trace for ArrayBufferData {
    custom_trace!(this, mark, {
        mark(&this.detach_key);
    });
}

/// RequireInternalSlot(O, [[ArrayBufferData]]) then "If IsSharedArrayBuffer(O) is true,
/// throw a TypeError exception": the first steps of most ArrayBuffer.prototype methods.
fn this_array_buffer(agent: &mut Agent, o: &Value, method: &str) -> JsResult<Object> {
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]).
    let o = require_internal_slot(
        agent,
        o,
        InternalSlot::ArrayBufferData,
        format_args!("ArrayBuffer.prototype.{method}"),
    )?;
    // 3. If IsSharedArrayBuffer(O) is true, throw a TypeError exception.
    if is_shared_array_buffer(&o) {
        return Err(agent.type_error(&format!(
            "ArrayBuffer.prototype.{method} called on a SharedArrayBuffer"
        )));
    }
    Ok(o)
}

/// ArrayBuffer ( length [ , options ] ) (25.1.4.1).
fn array_buffer_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor ArrayBuffer requires 'new'"));
    };
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = to_index(agent, &call.arg(0))?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let requested_max_byte_length = get_array_buffer_max_byte_length_option(agent, &call.arg(1))?;
    // 4. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    Ok(Value::Object(allocate_array_buffer(
        agent,
        new_target,
        byte_length,
        requested_max_byte_length,
    )?))
}

/// ArrayBuffer.isView ( arg ) (25.1.5.1).
fn is_view(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If arg is not an Object, return false.
    // 2. If arg has a [[ViewedArrayBuffer]] internal slot, return true.
    // 3. Return false.
    Ok(Value::Boolean(matches!(
        call.arg(0),
        Value::Object(o) if o.data().kind.has_internal_slot(InternalSlot::ViewedArrayBuffer)
    )))
}

/// get ArrayBuffer [ %Symbol.species% ] (25.1.5.3).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// get ArrayBuffer.prototype.byteLength (25.1.6.1).
fn byte_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); not a SharedArrayBuffer.
    let o = this_array_buffer(agent, call.this, "byteLength")?;
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    // 5. Let length be O.[[ArrayBufferByteLength]].
    // 6. Return 𝔽(length).
    let length = with_array_buffer(&o, ArrayBufferData::byte_length).unwrap_or(0);
    Ok(Value::Number(length as f64))
}

/// get ArrayBuffer.prototype.detached (25.1.6.3).
fn detached(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); not a SharedArrayBuffer.
    let o = this_array_buffer(agent, call.this, "detached")?;
    // 4. Return IsDetachedBuffer(O).
    Ok(Value::Boolean(is_detached_buffer(&o)))
}

/// get ArrayBuffer.prototype.maxByteLength (25.1.6.4).
fn max_byte_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); not a SharedArrayBuffer.
    let o = this_array_buffer(agent, call.this, "maxByteLength")?;
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    if is_detached_buffer(&o) {
        return Ok(Value::Number(0.0));
    }
    let length = with_array_buffer(&o, |d| match d.max_byte_length {
        // 5. If IsFixedLengthArrayBuffer(O) is true, then
        //    a. Let length be O.[[ArrayBufferByteLength]].
        None => d.byte_length(),
        // 6. Else,
        //    a. Let length be O.[[ArrayBufferMaxByteLength]].
        Some(max) => max,
    })
    .unwrap_or(0);
    // 7. Return 𝔽(length).
    Ok(Value::Number(length as f64))
}

/// get ArrayBuffer.prototype.resizable (25.1.6.5).
fn resizable(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); not a SharedArrayBuffer.
    let o = this_array_buffer(agent, call.this, "resizable")?;
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    Ok(Value::Boolean(!is_fixed_length_array_buffer(&o)))
}

/// ArrayBuffer.prototype.resize ( newLength ) (25.1.6.6).
fn resize(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::ArrayBufferMaxByteLength,
        "ArrayBuffer.prototype.resize",
    )?;
    // 3. If IsSharedArrayBuffer(O) is true, throw a TypeError exception.
    if is_shared_array_buffer(&o) {
        return Err(agent.type_error("ArrayBuffer.prototype.resize called on a SharedArrayBuffer"));
    }
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_byte_length = to_index(agent, &call.arg(0))?;
    // 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(&o) {
        return Err(agent.type_error("ArrayBuffer.prototype.resize: the buffer is detached"));
    }
    // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
    let max = with_array_buffer(&o, |d| d.max_byte_length)
        .flatten()
        .unwrap_or(0) as u64;
    if new_byte_length > max {
        return Err(agent.range_error(&format!(
            "ArrayBuffer.prototype.resize: {new_byte_length} exceeds the maximum byte length \
             {max}"
        )));
    }
    // 7. Let hostHandled be ? HostResizeArrayBuffer(O, newByteLength).
    let host_handled = host_resize_array_buffer(agent, &o, new_byte_length)?;
    // 8. If hostHandled is handled, return undefined.
    if host_handled == HostHandled::Handled {
        return Ok(Value::Undefined);
    }
    // 9. Let oldBlock be O.[[ArrayBufferData]].
    // 10. Let newBlock be ? CreateByteDataBlock(newByteLength).
    // 11. Let copyLength be min(newByteLength, O.[[ArrayBufferByteLength]]).
    // 12. Perform CopyDataBlockBytes(newBlock, 0, oldBlock, 0, copyLength).
    // 13. NOTE: Neither creation of the new Data Block nor copying from the old Data Block
    //     are observable. Implementations may implement this method as in-place growth or
    //     shrinkage.
    // 14. Set O.[[ArrayBufferData]] to newBlock.
    // 15. Set O.[[ArrayBufferByteLength]] to newByteLength.
    // (In place: the block is truncated, or extended with zeroes after reserving the new
    // bytes, which fails with the RangeError of CreateByteDataBlock.)
    let new_len = new_byte_length as usize;
    let resized = match &mut o.data_mut().kind {
        ObjectKind::ArrayBuffer(data) => match &mut data.data {
            Some(block) if new_len <= block.len() => {
                block.truncate(new_len);
                block.shrink_to_fit();
                true
            }
            Some(block) => {
                let grown = new_byte_length <= MAX_BYTE_LENGTH
                    && block.try_reserve_exact(new_len - block.len()).is_ok();
                if grown {
                    block.resize(new_len, 0);
                }
                grown
            }
            None => true,
        },
        _ => true,
    };
    if !resized {
        return Err(agent.range_error(&format!(
            "ArrayBuffer.prototype.resize: cannot allocate {new_byte_length} bytes"
        )));
    }
    // 16. Return undefined.
    Ok(Value::Undefined)
}

/// Steps shared by ArrayBuffer.prototype.slice and SharedArrayBuffer.prototype.slice: the
/// relative start and end (steps 6-13 / 5-12) as first and final.
pub fn relative_range(
    agent: &mut Agent,
    start: &Value,
    end: &Value,
    len: usize,
) -> JsResult<(usize, usize)> {
    let len_f = len as f64;
    // Let relativeStart be ? ToIntegerOrInfinity(start).
    let relative_start = to_integer_or_infinity(agent, start)?;
    // If relativeStart = -∞, let first be 0.
    // Else if relativeStart < 0, let first be max(len + relativeStart, 0).
    // Else, let first be min(relativeStart, len).
    let first = if relative_start < 0.0 {
        (len_f + relative_start).max(0.0)
    } else {
        relative_start.min(len_f)
    };
    // If end is undefined, let relativeEnd be len; else let relativeEnd be ?
    // ToIntegerOrInfinity(end).
    let relative_end = if end.is_undefined() {
        len_f
    } else {
        to_integer_or_infinity(agent, end)?
    };
    // If relativeEnd = -∞, let final be 0.
    // Else if relativeEnd < 0, let final be max(len + relativeEnd, 0).
    // Else, let final be min(relativeEnd, len).
    let final_ = if relative_end < 0.0 {
        (len_f + relative_end).max(0.0)
    } else {
        relative_end.min(len_f)
    };
    Ok((first as usize, final_ as usize))
}

/// ArrayBuffer.prototype.slice ( start, end ) (25.1.6.7).
fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); not a SharedArrayBuffer.
    let o = this_array_buffer(agent, call.this, "slice")?;
    // 4. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(&o) {
        return Err(agent.type_error("ArrayBuffer.prototype.slice: the buffer is detached"));
    }
    // 5. Let len be O.[[ArrayBufferByteLength]].
    let len = with_array_buffer(&o, ArrayBufferData::byte_length).unwrap_or(0);
    // 6-13. first and final.
    let (first, final_) = relative_range(agent, &call.arg(0), &call.arg(1), len)?;
    // 14. Let newLen be max(final - first, 0).
    let new_len = final_.saturating_sub(first);
    // 15. Let ctor be ? SpeciesConstructor(O, %ArrayBuffer%).
    let default_constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let ctor = species_constructor(agent, &o, &default_constructor)?;
    // 16. Let new be ? Construct(ctor, « 𝔽(newLen) »).
    let new = construct(agent, &ctor, &[Value::Number(new_len as f64)], None)?;
    // 17. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]).
    let new = require_internal_slot(
        agent,
        &Value::Object(new),
        InternalSlot::ArrayBufferData,
        "ArrayBuffer.prototype.slice (the species constructor's result)",
    )?;
    // 18. If IsSharedArrayBuffer(new) is true, throw a TypeError exception.
    if is_shared_array_buffer(&new) {
        return Err(agent.type_error(
            "ArrayBuffer.prototype.slice: the species constructor made a SharedArrayBuffer",
        ));
    }
    // 19. If IsDetachedBuffer(new) is true, throw a TypeError exception.
    if is_detached_buffer(&new) {
        return Err(agent.type_error(
            "ArrayBuffer.prototype.slice: the species constructor made a detached buffer",
        ));
    }
    // 20. If SameValue(new, O) is true, throw a TypeError exception.
    if new == o {
        return Err(agent.type_error(
            "ArrayBuffer.prototype.slice: the species constructor returned the same buffer",
        ));
    }
    // 21. If new.[[ArrayBufferByteLength]] < newLen, throw a TypeError exception.
    if with_array_buffer(&new, ArrayBufferData::byte_length).unwrap_or(0) < new_len {
        return Err(agent.type_error(
            "ArrayBuffer.prototype.slice: the species constructor made a buffer too small",
        ));
    }
    // 22. NOTE: Side-effects of the above steps may have detached or resized O.
    // 23. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if is_detached_buffer(&o) {
        return Err(agent.type_error("ArrayBuffer.prototype.slice: the buffer was detached"));
    }
    // 24. Let fromBuf be O.[[ArrayBufferData]].
    // 25. Let toBuf be new.[[ArrayBufferData]].
    // 26. Let currentLen be O.[[ArrayBufferByteLength]].
    let current_len = with_array_buffer(&o, ArrayBufferData::byte_length).unwrap_or(0);
    // 27. If first < currentLen, then
    if first < current_len {
        // a. Let count be min(newLen, currentLen - first).
        let count = new_len.min(current_len - first);
        // b. Perform CopyDataBlockBytes(toBuf, 0, fromBuf, first, count).
        copy_from_buffer(&o, first, &new, 0, count);
    }
    // 28. Return new.
    Ok(Value::Object(new))
}

/// ArrayBuffer.prototype.transfer ( [ newLength ] ) (25.1.6.8).
fn transfer(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Return ? ArrayBufferCopyAndDetach(O, newLength, preserve-resizability).
    Ok(Value::Object(array_buffer_copy_and_detach(
        agent,
        call.this,
        &call.arg(0),
        PreserveResizability::PreserveResizability,
        "transfer",
    )?))
}

/// ArrayBuffer.prototype.transferToFixedLength ( [ newLength ] ) (25.1.6.9).
fn transfer_to_fixed_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Return ? ArrayBufferCopyAndDetach(O, newLength, fixed-length).
    Ok(Value::Object(array_buffer_copy_and_detach(
        agent,
        call.this,
        &call.arg(0),
        PreserveResizability::FixedLength,
        "transferToFixedLength",
    )?))
}

/// Creates %ArrayBuffer% (25.1.4-25.1.5) and %ArrayBuffer.prototype% (25.1.6).
pub fn create_array_buffer_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::ArrayBufferPrototype, prototype.clone());
    let constructor = define_constructor(
        agent,
        realm,
        Intrinsic::ArrayBuffer,
        "ArrayBuffer",
        1,
        array_buffer_constructor,
        &prototype,
        None,
    );
    define_method(agent, &constructor, "isView", 1, is_view);
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &constructor, species, Some(get_species), None);

    let getters: &[(&str, Behaviour)] = &[
        ("byteLength", byte_length),
        ("detached", detached),
        ("maxByteLength", max_byte_length),
        ("resizable", resizable),
    ];
    for &(name, getter) in getters {
        define_accessor(agent, &prototype, name, Some(getter), None);
    }
    let methods: &[(&str, u32, Behaviour)] = &[
        ("resize", 1, resize),
        ("slice", 2, slice),
        ("transfer", 0, transfer),
        ("transferToFixedLength", 0, transfer_to_fixed_length),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    // 25.1.6.10 ArrayBuffer.prototype [ %Symbol.toStringTag% ]: "ArrayBuffer", {
    // [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("ArrayBuffer"),
        false,
        false,
        true,
    );
}
