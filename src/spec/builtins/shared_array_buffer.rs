//! 25.2 SharedArrayBuffer Objects (sec-sharedarraybuffer-objects): AllocateSharedArrayBuffer
//! and HostGrowSharedArrayBuffer (25.2.2; IsSharedArrayBuffer and
//! IsGrowableSharedArrayBuffer are with the ArrayBuffer operations), the constructor and
//! %SharedArrayBuffer.prototype%.

use super::array_buffer::relative_range;
use super::array_buffer_abstract_operations::{
    array_buffer_byte_length, copy_from_buffer, get_array_buffer_max_byte_length_option,
    is_fixed_length_array_buffer, is_shared_array_buffer, shared_block, HostHandled, Order,
};
use super::helpers::{define_accessor, define_constructor, define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::data_blocks::{create_shared_byte_data_block, SharedDataBlock, MAX_BYTE_LENGTH};
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{construct, species_constructor};
use crate::spec::ordinary_object_internal_methods::{
    get_prototype_from_constructor, ordinary_object_create, ordinary_object_create_with,
    require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::to_index;
use crate::spec::value::Value;
use boa_gc::{empty_trace, Finalize, Trace};

/// The internal slots of a SharedArrayBuffer instance (25.2.6).
#[derive(Finalize)]
pub struct SharedArrayBufferData {
    /// [[ArrayBufferData]]: the Shared Data Block (shared with every other
    /// SharedArrayBuffer object on it, in any agent). [[ArrayBufferByteLength]] — or, for a
    /// growable buffer, the value in [[ArrayBufferByteLengthData]] — is its length.
    pub block: SharedDataBlock,
    /// [[ArrayBufferMaxByteLength]]: present (`Some`) only in a growable SharedArrayBuffer,
    /// which also has [[ArrayBufferByteLengthData]].
    pub max_byte_length: Option<usize>,
}

// SAFETY: a Shared Data Block holds bytes, no Gc pointer.
unsafe impl Trace for SharedArrayBufferData {
    empty_trace!();
}

/// AllocateSharedArrayBuffer ( constructor, byteLength [ , maxByteLength ] ) (25.2.2.1).
pub fn allocate_shared_array_buffer(
    agent: &mut Agent,
    constructor: &Object,
    byte_length: u64,
    max_byte_length: Option<u64>,
) -> JsResult<Object> {
    // 1. Let slots be « [[ArrayBufferData]] ».
    crate::step!("sec-allocatesharedarraybuffer", "1");
    // 2. If maxByteLength is present and maxByteLength is not empty, let
    //    allocatingGrowableBuffer be true; otherwise let allocatingGrowableBuffer be false.
    crate::step!("sec-allocatesharedarraybuffer", "2");
    // 3. If allocatingGrowableBuffer is true, then
    crate::step!("sec-allocatesharedarraybuffer", "3");
    if let Some(max_byte_length) = max_byte_length {
        // a. If byteLength > maxByteLength, throw a RangeError exception.
        crate::step!("sec-allocatesharedarraybuffer", "3.a");
        if byte_length > max_byte_length {
            return Err(agent.range_error(&format!(
                "the byte length {byte_length} exceeds the maximum byte length {max_byte_length}"
            )));
        }
        // b. Append [[ArrayBufferByteLengthData]] and [[ArrayBufferMaxByteLength]] to
        //    slots.
        crate::step!("sec-allocatesharedarraybuffer", "3.b");
    } else {
        // 4. Else,
        crate::step!("sec-allocatesharedarraybuffer", "4");
        // a. Append [[ArrayBufferByteLength]] to slots.
        crate::step!("sec-allocatesharedarraybuffer", "4.a");
    }
    // 5. Let obj be ? OrdinaryCreateFromConstructor(constructor,
    //    "%SharedArrayBuffer.prototype%", slots). (The prototype is found here; the object
    //    is made once its block exists, below: no code runs in between.)
    crate::step!("sec-allocatesharedarraybuffer", "5");
    let proto =
        get_prototype_from_constructor(agent, constructor, Intrinsic::SharedArrayBufferPrototype)?;
    // 6. If allocatingGrowableBuffer is true, let allocLength be maxByteLength; otherwise
    //    let allocLength be byteLength.
    crate::step!("sec-allocatesharedarraybuffer", "6");
    // 7. Let block be ? CreateSharedByteDataBlock(allocLength). (A growable block holds its
    //    current byte length only, and grows in place; a maxByteLength it could never
    //    reach is refused here.)
    crate::step!("sec-allocatesharedarraybuffer", "7");
    if max_byte_length.is_some_and(|max| max > MAX_BYTE_LENGTH) {
        return Err(agent.range_error(&format!(
            "cannot allocate a growable SharedArrayBuffer of up to {} bytes (the limit is \
             {MAX_BYTE_LENGTH})",
            max_byte_length.unwrap_or_default()
        )));
    }
    let block = create_shared_byte_data_block(agent, byte_length)?;
    // 8. Set obj.[[ArrayBufferData]] to block.
    crate::step!("sec-allocatesharedarraybuffer", "8");
    // 9. If allocatingGrowableBuffer is true, then
    crate::step!("sec-allocatesharedarraybuffer", "9");
    if max_byte_length.is_some() {
        // a. Assert: byteLength ≤ maxByteLength.
        crate::step!("sec-allocatesharedarraybuffer", "9.a");
        // b. Let byteLengthBlock be ? CreateSharedByteDataBlock(8).
        crate::step!("sec-allocatesharedarraybuffer", "9.b");
        // c. Perform SetValueInBuffer(byteLengthBlock, 0, biguint64, ℤ(byteLength), true,
        //    seq-cst).
        crate::step!("sec-allocatesharedarraybuffer", "9.c");
        // d. Set obj.[[ArrayBufferByteLengthData]] to byteLengthBlock.
        crate::step!("sec-allocatesharedarraybuffer", "9.d");
        // e. Set obj.[[ArrayBufferMaxByteLength]] to maxByteLength.
        crate::step!("sec-allocatesharedarraybuffer", "9.e");
    } else {
        // 10. Else,
        crate::step!("sec-allocatesharedarraybuffer", "10");
        // a. Set obj.[[ArrayBufferByteLength]] to byteLength.
        crate::step!("sec-allocatesharedarraybuffer", "10.a");
    }
    let obj = ordinary_object_create_with(
        Some(proto),
        ObjectKind::SharedArrayBuffer(Box::new(SharedArrayBufferData {
            block,
            max_byte_length: max_byte_length.map(|m| m as usize),
        })),
    );
    // 11. Return obj.
    crate::step!("sec-allocatesharedarraybuffer", "11");
    Ok(obj)
}

/// A SharedArrayBuffer object of the current realm on an existing Shared Data Block (for a
/// host that passes blocks between agents, `$262.agent.broadcast`).
pub fn shared_array_buffer_on_block(
    agent: &mut Agent,
    block: SharedDataBlock,
    max_byte_length: Option<usize>,
) -> Object {
    let proto = agent.intrinsic(Intrinsic::SharedArrayBufferPrototype);
    ordinary_object_create_with(
        Some(proto),
        ObjectKind::SharedArrayBuffer(Box::new(SharedArrayBufferData {
            block,
            max_byte_length,
        })),
    )
}

/// HostGrowSharedArrayBuffer ( buffer, newByteLength ) (25.2.2.4): this host takes the
/// default, unhandled.
fn host_grow_shared_array_buffer(
    _agent: &mut Agent,
    _buffer: &Object,
    _new_byte_length: u64,
) -> JsResult<HostHandled> {
    Ok(HostHandled::Unhandled)
}

/// RequireInternalSlot(O, [[ArrayBufferData]]) then "If IsSharedArrayBuffer(O) is false,
/// throw a TypeError exception".
fn this_shared_array_buffer(agent: &mut Agent, o: &Value, method: &str) -> JsResult<Object> {
    let o = require_internal_slot(
        agent,
        o,
        InternalSlot::ArrayBufferData,
        format_args!("SharedArrayBuffer.prototype.{method}"),
    )?;
    if !is_shared_array_buffer(&o) {
        return Err(agent.type_error(&format!(
            "SharedArrayBuffer.prototype.{method} called on an ArrayBuffer"
        )));
    }
    Ok(o)
}

/// SharedArrayBuffer ( length [ , options ] ) (25.2.3.1).
fn shared_array_buffer_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor SharedArrayBuffer requires 'new'"));
    };
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = to_index(agent, &call.arg(0))?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let requested_max_byte_length = get_array_buffer_max_byte_length_option(agent, &call.arg(1))?;
    // 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    Ok(Value::Object(allocate_shared_array_buffer(
        agent,
        new_target,
        byte_length,
        requested_max_byte_length,
    )?))
}

/// get SharedArrayBuffer [ %Symbol.species% ] (25.2.4.2).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// get SharedArrayBuffer.prototype.byteLength (25.2.5.1).
fn byte_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferData]]).
    // 3. If IsSharedArrayBuffer(O) is false, throw a TypeError exception.
    let o = this_shared_array_buffer(agent, call.this, "byteLength")?;
    // 4. Let length be ArrayBufferByteLength(O, seq-cst).
    let length = array_buffer_byte_length(&o, Order::SeqCst);
    // 5. Return 𝔽(length).
    Ok(Value::Number(length as f64))
}

/// SharedArrayBuffer.prototype.grow ( newLength ) (25.2.5.3).
fn grow(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::ArrayBufferMaxByteLength,
        "SharedArrayBuffer.prototype.grow",
    )?;
    // 3. If IsSharedArrayBuffer(O) is false, throw a TypeError exception.
    if !is_shared_array_buffer(&o) {
        return Err(agent.type_error("SharedArrayBuffer.prototype.grow called on an ArrayBuffer"));
    }
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_byte_length = to_index(agent, &call.arg(0))?;
    // 5. Let hostHandled be ? HostGrowSharedArrayBuffer(O, newByteLength).
    let host_handled = host_grow_shared_array_buffer(agent, &o, new_byte_length)?;
    // 6. If hostHandled is handled, return undefined.
    if host_handled == HostHandled::Handled {
        return Ok(Value::Undefined);
    }
    let (Some(block), Some(max)) = (
        shared_block(&o),
        match &o.data().kind {
            ObjectKind::SharedArrayBuffer(d) => d.max_byte_length,
            _ => None,
        },
    ) else {
        return Ok(Value::Undefined);
    };
    // 7. Let AR be the Agent Record of the surrounding agent.
    // 8. Let isLittleEndian be AR.[[LittleEndian]].
    // 9. Let byteLengthBlock be O.[[ArrayBufferByteLengthData]].
    // 10. Let currentByteLengthRawBytes be GetRawBytesFromSharedBlock(byteLengthBlock, 0,
    //     biguint64, true, seq-cst).
    // 11. Let newByteLengthRawBytes be NumericToRawBytes(biguint64, ℤ(newByteLength),
    //     isLittleEndian).
    // 12. Repeat,
    //     (The block's write lock makes the compare-and-exchange loop's one iteration
    //     uncontended: the current length is read, checked and replaced under it.)
    let mut bytes = block.write();
    //     a. NOTE: This is a compare-and-exchange loop to ensure that parallel, racing grows
    //        of the same buffer are totally ordered, are not lost, and do not silently do
    //        nothing. The loop exits if it was able to attempt to grow uncontended.
    //     b. Let currentByteLength be ℝ(RawBytesToNumeric(biguint64,
    //        currentByteLengthRawBytes, isLittleEndian)).
    let current_byte_length = bytes.len() as u64;
    //     c. If newByteLength = currentByteLength, return undefined.
    if new_byte_length == current_byte_length {
        return Ok(Value::Undefined);
    }
    //     d. If newByteLength < currentByteLength or newByteLength >
    //        O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
    if new_byte_length < current_byte_length || new_byte_length > max as u64 {
        drop(bytes);
        return Err(agent.range_error(&format!(
            "SharedArrayBuffer.prototype.grow: cannot grow from {current_byte_length} to \
             {new_byte_length} bytes (the maximum is {max})"
        )));
    }
    //     e. Let byteLengthDelta be newByteLength - currentByteLength.
    let byte_length_delta = (new_byte_length - current_byte_length) as usize;
    //     f. If it is impossible to create a new Shared Data Block value consisting of
    //        byteLengthDelta bytes, throw a RangeError exception.
    //     g. NOTE: No new Shared Data Block is constructed and used here. ...
    if bytes.try_reserve_exact(byte_length_delta).is_err() {
        drop(bytes);
        return Err(agent.range_error(&format!(
            "SharedArrayBuffer.prototype.grow: cannot allocate {byte_length_delta} more bytes"
        )));
    }
    //     h. Let readByteLengthRawBytes be AtomicCompareExchangeInSharedBlock(byteLengthBlock,
    //        0, 8, currentByteLengthRawBytes, newByteLengthRawBytes).
    //     i. If ByteListEqual(readByteLengthRawBytes, currentByteLengthRawBytes) is true,
    //        return undefined.
    //     j. Set currentByteLengthRawBytes to readByteLengthRawBytes.
    bytes.resize(new_byte_length as usize, 0);
    Ok(Value::Undefined)
}

/// get SharedArrayBuffer.prototype.growable (25.2.5.4).
fn growable(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); a SharedArrayBuffer.
    let o = this_shared_array_buffer(agent, call.this, "growable")?;
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    Ok(Value::Boolean(!is_fixed_length_array_buffer(&o)))
}

/// get SharedArrayBuffer.prototype.maxByteLength (25.2.5.5).
fn max_byte_length(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); a SharedArrayBuffer.
    let o = this_shared_array_buffer(agent, call.this, "maxByteLength")?;
    let length = match &o.data().kind {
        ObjectKind::SharedArrayBuffer(d) => match d.max_byte_length {
            // 4. If IsFixedLengthArrayBuffer(O) is true, then
            //    a. Let length be O.[[ArrayBufferByteLength]].
            None => d.block.len(),
            // 5. Else,
            //    a. Let length be O.[[ArrayBufferMaxByteLength]].
            Some(max) => max,
        },
        _ => 0,
    };
    // 6. Return 𝔽(length).
    Ok(Value::Number(length as f64))
}

/// SharedArrayBuffer.prototype.slice ( start, end ) (25.2.5.6).
fn slice(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2-3. RequireInternalSlot(O, [[ArrayBufferData]]); a SharedArrayBuffer.
    let o = this_shared_array_buffer(agent, call.this, "slice")?;
    // 4. Let len be ArrayBufferByteLength(O, seq-cst).
    let len = array_buffer_byte_length(&o, Order::SeqCst);
    // 5-12. first and final.
    let (first, final_) = relative_range(agent, &call.arg(0), &call.arg(1), len)?;
    // 13. Let newLen be max(final - first, 0).
    let new_len = final_.saturating_sub(first);
    // 14. Let ctor be ? SpeciesConstructor(O, %SharedArrayBuffer%).
    let default_constructor = agent.intrinsic(Intrinsic::SharedArrayBuffer);
    let ctor = species_constructor(agent, &o, &default_constructor)?;
    // 15. Let new be ? Construct(ctor, « 𝔽(newLen) »).
    let new = construct(agent, &ctor, &[Value::Number(new_len as f64)], None)?;
    // 16. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]).
    let new = require_internal_slot(
        agent,
        &Value::Object(new),
        InternalSlot::ArrayBufferData,
        "SharedArrayBuffer.prototype.slice (the species constructor's result)",
    )?;
    // 17. If IsSharedArrayBuffer(new) is false, throw a TypeError exception.
    let (Some(new_block), Some(block)) = (shared_block(&new), shared_block(&o)) else {
        return Err(agent.type_error(
            "SharedArrayBuffer.prototype.slice: the species constructor made an ArrayBuffer",
        ));
    };
    // 18. If new.[[ArrayBufferData]] is O.[[ArrayBufferData]], throw a TypeError exception.
    if new_block.same_block(&block) {
        return Err(agent.type_error(
            "SharedArrayBuffer.prototype.slice: the species constructor returned the same \
             block",
        ));
    }
    // 19. If ArrayBufferByteLength(new, seq-cst) < newLen, throw a TypeError exception.
    if array_buffer_byte_length(&new, Order::SeqCst) < new_len {
        return Err(agent.type_error(
            "SharedArrayBuffer.prototype.slice: the species constructor made a buffer too small",
        ));
    }
    // 20. Let fromBuf be O.[[ArrayBufferData]].
    // 21. Let toBuf be new.[[ArrayBufferData]].
    // 22. Perform CopyDataBlockBytes(toBuf, 0, fromBuf, first, newLen).
    copy_from_buffer(&o, first, &new, 0, new_len);
    // 23. Return new.
    Ok(Value::Object(new))
}

/// Creates %SharedArrayBuffer% (25.2.3-25.2.4) and %SharedArrayBuffer.prototype% (25.2.5).
pub fn create_shared_array_buffer_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::SharedArrayBufferPrototype, prototype.clone());
    let constructor = define_constructor(
        agent,
        realm,
        Intrinsic::SharedArrayBuffer,
        "SharedArrayBuffer",
        1,
        shared_array_buffer_constructor,
        &prototype,
        None,
    );
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &constructor, species, Some(get_species), None);
    let getters: &[(&str, Behaviour)] = &[
        ("byteLength", byte_length),
        ("growable", growable),
        ("maxByteLength", max_byte_length),
    ];
    for &(name, getter) in getters {
        define_accessor(agent, &prototype, name, Some(getter), None);
    }
    define_method(agent, &prototype, "grow", 1, grow);
    define_method(agent, &prototype, "slice", 2, slice);
    // 25.2.5.7 SharedArrayBuffer.prototype [ %Symbol.toStringTag% ]: "SharedArrayBuffer".
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("SharedArrayBuffer"),
        false,
        false,
        true,
    );
}
