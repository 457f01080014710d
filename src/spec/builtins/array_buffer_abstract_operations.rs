//! 25.1.3 Abstract Operations For ArrayBuffer Objects
//! (sec-abstract-operations-for-arraybuffer-objects): allocation, detaching, the byte
//! length, and the conversions between element values and bytes (RawBytesToNumeric,
//! NumericToRawBytes) with the buffer reads and writes built on them (GetValueFromBuffer,
//! SetValueInBuffer, GetModifySetValueInBuffer). These serve ArrayBuffers and
//! SharedArrayBuffers alike; how their bytes are held is in `spec/data_blocks.rs`.

use super::array_buffer::ArrayBufferData;
use super::typed_array::ElementType;
use crate::spec::agents::Agent;
use crate::spec::bigint_type::JsBigInt;
use crate::spec::completion_record::JsResult;
use crate::spec::data_blocks::{
    copy_data_block_bytes, create_byte_data_block, BlockRef, SharedDataBlock, MAX_BYTE_LENGTH,
};
use crate::spec::number_type::{from_binary16_bits, to_binary16_bits};
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::get;
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, require_internal_slot,
};
use crate::spec::realms::Intrinsic;
use crate::spec::testing_and_comparison::same_value;
use crate::spec::type_conversion::{
    big_int_to_int64, big_int_to_uint64, number_to_int16, number_to_int32, number_to_int8,
    number_to_uint16, number_to_uint32, number_to_uint8, number_to_uint8_clamp, to_index, Numeric,
};
use crate::spec::value::Value;
use std::ops::{Deref, DerefMut};

/// The memory orders of shared memory events (~seq-cst~, ~unordered~, ~init~).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    SeqCst,
    Unordered,
    Init,
}

/// ArrayBufferCopyAndDetach's preserveResizability argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreserveResizability {
    PreserveResizability,
    FixedLength,
}

/// A List of byte values of one element (at most 8 bytes): held inline, so that reading or
/// writing an element allocates nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawBytes {
    bytes: [u8; 8],
    len: usize,
}

impl RawBytes {
    /// `len` zero bytes.
    pub fn zeroed(len: usize) -> RawBytes {
        RawBytes {
            bytes: [0; 8],
            len: len.min(8),
        }
    }

    /// The bytes of `bytes` (at most 8).
    pub fn from_slice(bytes: &[u8]) -> RawBytes {
        let mut raw = RawBytes::zeroed(bytes.len());
        raw.bytes[..raw.len].copy_from_slice(&bytes[..raw.len]);
        raw
    }

    /// The first `N` bytes as an array (zero-padded).
    fn array<const N: usize>(&self) -> [u8; N] {
        let mut out = [0; N];
        out.copy_from_slice(&self.bytes[..N]);
        out
    }
}

impl Deref for RawBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl DerefMut for RawBytes {
    fn deref_mut(&mut self) -> &mut [u8] {
        &mut self.bytes[..self.len]
    }
}

/// The [[ArrayBufferData]] slots of `buffer` (an ArrayBuffer), if it is one.
pub fn with_array_buffer<R>(buffer: &Object, f: impl FnOnce(&ArrayBufferData) -> R) -> Option<R> {
    match &buffer.data().kind {
        ObjectKind::ArrayBuffer(data) => Some(f(data)),
        _ => None,
    }
}

/// The Shared Data Block of `buffer`, if it is a SharedArrayBuffer.
pub fn shared_block(buffer: &Object) -> Option<SharedDataBlock> {
    match &buffer.data().kind {
        ObjectKind::SharedArrayBuffer(data) => Some(data.block.clone()),
        _ => None,
    }
}

/// AllocateArrayBuffer ( constructor, byteLength [ , maxByteLength ] ) (25.1.3.1).
pub fn allocate_array_buffer(
    agent: &mut Agent,
    constructor: &Object,
    byte_length: u64,
    max_byte_length: Option<u64>,
) -> JsResult<Object> {
    // 1. Let slots be « [[ArrayBufferData]], [[ArrayBufferByteLength]],
    //    [[ArrayBufferDetachKey]] ».
    crate::step!("sec-allocatearraybuffer", "1");
    // 2. If maxByteLength is present and maxByteLength is not empty, let
    //    allocatingResizableBuffer be true; otherwise let allocatingResizableBuffer be
    //    false.
    crate::step!("sec-allocatearraybuffer", "2");
    let allocating_resizable_buffer = max_byte_length.is_some();
    // 3. If allocatingResizableBuffer is true, then
    crate::step!("sec-allocatearraybuffer", "3");
    if let Some(max_byte_length) = max_byte_length {
        // a. If byteLength > maxByteLength, throw a RangeError exception.
        crate::step!("sec-allocatearraybuffer", "3.a");
        if byte_length > max_byte_length {
            return Err(agent.range_error(&format!(
                "the byte length {byte_length} exceeds the maximum byte length {max_byte_length}"
            )));
        }
        // b. Append [[ArrayBufferMaxByteLength]] to slots.
        crate::step!("sec-allocatearraybuffer", "3.b");
    }
    // 4. Let obj be ? OrdinaryCreateFromConstructor(constructor, "%ArrayBuffer.prototype%",
    //    slots). (Its slots are filled below, before any code can see it.)
    crate::step!("sec-allocatearraybuffer", "4");
    let obj = ordinary_create_from_constructor(
        agent,
        constructor,
        Intrinsic::ArrayBufferPrototype,
        ObjectKind::ArrayBuffer(Box::new(ArrayBufferData {
            data: None,
            max_byte_length: None,
            detach_key: Value::Undefined,
        })),
    )?;
    // 5. Let block be ? CreateByteDataBlock(byteLength).
    crate::step!("sec-allocatearraybuffer", "5");
    let block = create_byte_data_block(agent, byte_length)?;
    // 8. If allocatingResizableBuffer is true, then (8.a-b are done before steps 6-7, so
    //    that a failure leaves no half-made buffer behind; no code runs in between)
    if allocating_resizable_buffer {
        crate::step!("sec-allocatearraybuffer", "8");
        // a. If it is not possible to create a Data Block block consisting of
        //    maxByteLength bytes, throw a RangeError exception. (Resizing copies, so
        //    nothing is reserved: "possible" means within MAX_BYTE_LENGTH.)
        crate::step!("sec-allocatearraybuffer", "8.a");
        if max_byte_length.is_some_and(|max| max > MAX_BYTE_LENGTH) {
            return Err(agent.range_error(&format!(
                "cannot allocate a resizable ArrayBuffer of up to {} bytes (the limit is \
                 {MAX_BYTE_LENGTH})",
                max_byte_length.unwrap_or_default()
            )));
        }
        // b. NOTE: Resizable ArrayBuffers are designed to be implementable with in-place
        //    growth. Implementations may throw if, for example, virtual memory cannot be
        //    reserved up front.
        crate::step!("sec-allocatearraybuffer", "8.b");
    }
    if let ObjectKind::ArrayBuffer(data) = &mut obj.data_mut().kind {
        // 6. Set obj.[[ArrayBufferData]] to block.
        crate::step!("sec-allocatearraybuffer", "6");
        // 7. Set obj.[[ArrayBufferByteLength]] to byteLength.
        crate::step!("sec-allocatearraybuffer", "7");
        data.data = Some(block);
        if let Some(max_byte_length) = max_byte_length {
            // 8.c. Set obj.[[ArrayBufferMaxByteLength]] to maxByteLength.
            crate::step!("sec-allocatearraybuffer", "8.c");
            data.max_byte_length = Some(max_byte_length as usize);
        }
    }
    // 9. Return obj.
    crate::step!("sec-allocatearraybuffer", "9");
    Ok(obj)
}

/// ArrayBufferByteLength ( arrayBuffer, order ) (25.1.3.2).
pub fn array_buffer_byte_length(array_buffer: &Object, _order: Order) -> usize {
    let data = array_buffer.data();
    // 1. If IsGrowableSharedArrayBuffer(arrayBuffer) is true, then
    crate::step!("sec-arraybufferbytelength", "1");
    if let ObjectKind::SharedArrayBuffer(sab) = &data.kind {
        if sab.max_byte_length.is_some() {
            // a. Let bufferByteLengthBlock be arrayBuffer.[[ArrayBufferByteLengthData]].
            crate::step!("sec-arraybufferbytelength", "1.a");
            // b. Let rawLength be GetRawBytesFromSharedBlock(bufferByteLengthBlock, 0,
            //    biguint64, true, order).
            crate::step!("sec-arraybufferbytelength", "1.b");
            // c. Let AR be the Agent Record of the surrounding agent.
            crate::step!("sec-arraybufferbytelength", "1.c");
            // d. Let isLittleEndian be AR.[[LittleEndian]].
            crate::step!("sec-arraybufferbytelength", "1.d");
            // e. Return ℝ(RawBytesToNumeric(biguint64, rawLength, isLittleEndian)). (A
            //    growable block holds exactly its current byte length: see
            //    data_blocks.rs.)
            crate::step!("sec-arraybufferbytelength", "1.e");
            return sab.block.len();
        }
    }
    // 2. Assert: IsDetachedBuffer(arrayBuffer) is false.
    crate::step!("sec-arraybufferbytelength", "2");
    // 3. Return arrayBuffer.[[ArrayBufferByteLength]].
    crate::step!("sec-arraybufferbytelength", "3");
    match &data.kind {
        ObjectKind::SharedArrayBuffer(sab) => sab.block.len(),
        ObjectKind::ArrayBuffer(ab) => ab.byte_length(),
        _ => 0,
    }
}

/// ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability ) (25.1.3.3).
pub fn array_buffer_copy_and_detach(
    agent: &mut Agent,
    array_buffer: &Value,
    new_length: &Value,
    preserve_resizability: PreserveResizability,
    method: &str,
) -> JsResult<Object> {
    // 1. Perform ? RequireInternalSlot(arrayBuffer, [[ArrayBufferData]]).
    crate::step!("sec-arraybuffercopyanddetach", "1");
    let array_buffer = require_internal_slot(
        agent,
        array_buffer,
        InternalSlot::ArrayBufferData,
        format_args!("ArrayBuffer.prototype.{method}"),
    )?;
    // 2. If IsSharedArrayBuffer(arrayBuffer) is true, throw a TypeError exception.
    crate::step!("sec-arraybuffercopyanddetach", "2");
    if is_shared_array_buffer(&array_buffer) {
        return Err(agent.type_error(&format!(
            "ArrayBuffer.prototype.{method} called on a SharedArrayBuffer"
        )));
    }
    // 3. If newLength is undefined, then
    crate::step!("sec-arraybuffercopyanddetach", "3");
    let new_byte_length = if new_length.is_undefined() {
        // a. Let newByteLength be arrayBuffer.[[ArrayBufferByteLength]].
        crate::step!("sec-arraybuffercopyanddetach", "3.a");
        with_array_buffer(&array_buffer, ArrayBufferData::byte_length).unwrap_or(0) as u64
    } else {
        // 4. Else,
        crate::step!("sec-arraybuffercopyanddetach", "4");
        // a. Let newByteLength be ? ToIndex(newLength).
        crate::step!("sec-arraybuffercopyanddetach", "4.a");
        to_index(agent, new_length)?
    };
    // 5. If IsDetachedBuffer(arrayBuffer) is true, throw a TypeError exception.
    crate::step!("sec-arraybuffercopyanddetach", "5");
    if is_detached_buffer(&array_buffer) {
        return Err(agent.type_error(&format!(
            "ArrayBuffer.prototype.{method} called on a detached ArrayBuffer"
        )));
    }
    // 6. If preserveResizability is preserve-resizability and
    //    IsFixedLengthArrayBuffer(arrayBuffer) is false, then
    crate::step!("sec-arraybuffercopyanddetach", "6");
    let new_max_byte_length = if preserve_resizability == PreserveResizability::PreserveResizability
        && !is_fixed_length_array_buffer(&array_buffer)
    {
        // a. Let newMaxByteLength be arrayBuffer.[[ArrayBufferMaxByteLength]].
        crate::step!("sec-arraybuffercopyanddetach", "6.a");
        with_array_buffer(&array_buffer, |d| d.max_byte_length)
            .flatten()
            .map(|m| m as u64)
    } else {
        // 7. Else,
        crate::step!("sec-arraybuffercopyanddetach", "7");
        // a. Let newMaxByteLength be empty.
        crate::step!("sec-arraybuffercopyanddetach", "7.a");
        None
    };
    // 8. If arrayBuffer.[[ArrayBufferDetachKey]] is not undefined, throw a TypeError
    //    exception.
    crate::step!("sec-arraybuffercopyanddetach", "8");
    let keyed = with_array_buffer(&array_buffer, |d| !d.detach_key.is_undefined());
    if keyed == Some(true) {
        return Err(agent.type_error(&format!(
            "ArrayBuffer.prototype.{method}: the buffer has a detach key"
        )));
    }
    // 9. Let newBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, newByteLength,
    //    newMaxByteLength).
    crate::step!("sec-arraybuffercopyanddetach", "9");
    let constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let new_buffer =
        allocate_array_buffer(agent, &constructor, new_byte_length, new_max_byte_length)?;
    // 10. Let copyLength be min(newByteLength, arrayBuffer.[[ArrayBufferByteLength]]).
    crate::step!("sec-arraybuffercopyanddetach", "10");
    // 11. Let fromBlock be arrayBuffer.[[ArrayBufferData]].
    crate::step!("sec-arraybuffercopyanddetach", "11");
    // 12. Let toBlock be newBuffer.[[ArrayBufferData]].
    crate::step!("sec-arraybuffercopyanddetach", "12");
    // 13. Perform CopyDataBlockBytes(toBlock, 0, fromBlock, 0, copyLength).
    crate::step!("sec-arraybuffercopyanddetach", "13");
    // 14. NOTE: Neither creation of the new Data Block nor copying from the old Data Block
    //     are observable. Implementations may implement this method as a zero-copy move or
    //     a realloc.
    crate::step!("sec-arraybuffercopyanddetach", "14");
    {
        let from = array_buffer.data();
        let mut to = new_buffer.data_mut();
        if let (ObjectKind::ArrayBuffer(from), ObjectKind::ArrayBuffer(to)) =
            (&from.kind, &mut to.kind)
        {
            let copy_length = (new_byte_length as usize).min(from.byte_length());
            if let (Some(from_block), Some(to_block)) = (&from.data, &mut to.data) {
                copy_data_block_bytes(to_block, 0, BlockRef::Bytes(from_block), 0, copy_length);
            }
        }
    }
    // 15. Perform ! DetachArrayBuffer(arrayBuffer).
    crate::step!("sec-arraybuffercopyanddetach", "15");
    detach_array_buffer(agent, &array_buffer, None)?;
    // 16. Return newBuffer.
    crate::step!("sec-arraybuffercopyanddetach", "16");
    Ok(new_buffer)
}

/// IsDetachedBuffer ( arrayBuffer ) (25.1.3.4).
pub fn is_detached_buffer(array_buffer: &Object) -> bool {
    // 1. If arrayBuffer.[[ArrayBufferData]] is null, return true.
    crate::step!("sec-isdetachedbuffer", "1");
    // 2. Return false.
    crate::step!("sec-isdetachedbuffer", "2");
    matches!(&array_buffer.data().kind, ObjectKind::ArrayBuffer(data) if data.data.is_none())
}

/// DetachArrayBuffer ( arrayBuffer [ , key ] ) (25.1.3.5).
pub fn detach_array_buffer(
    agent: &mut Agent,
    array_buffer: &Object,
    key: Option<Value>,
) -> JsResult<()> {
    // 1. Assert: IsSharedArrayBuffer(arrayBuffer) is false.
    crate::step!("sec-detacharraybuffer", "1");
    // 2. If key is not present, set key to undefined.
    crate::step!("sec-detacharraybuffer", "2");
    let key = key.unwrap_or_default();
    // 3. If arrayBuffer.[[ArrayBufferDetachKey]] is not key, throw a TypeError exception.
    crate::step!("sec-detacharraybuffer", "3");
    let matches = with_array_buffer(array_buffer, |d| same_value(&d.detach_key, &key));
    if matches != Some(true) {
        return Err(agent.type_error("the ArrayBuffer's detach key does not match"));
    }
    if let ObjectKind::ArrayBuffer(data) = &mut array_buffer.data_mut().kind {
        // 4. Set arrayBuffer.[[ArrayBufferData]] to null.
        crate::step!("sec-detacharraybuffer", "4");
        // 5. Set arrayBuffer.[[ArrayBufferByteLength]] to 0.
        crate::step!("sec-detacharraybuffer", "5");
        data.data = None;
    }
    // 6. Return unused.
    crate::step!("sec-detacharraybuffer", "6");
    Ok(())
}

/// CloneArrayBuffer ( srcBuffer, srcByteOffset, srcLength ) (25.1.3.6).
pub fn clone_array_buffer(
    agent: &mut Agent,
    src_buffer: &Object,
    src_byte_offset: usize,
    src_length: usize,
) -> JsResult<Object> {
    // 1. Assert: IsDetachedBuffer(srcBuffer) is false.
    crate::step!("sec-clonearraybuffer", "1");
    // 2. Let targetBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, srcLength).
    crate::step!("sec-clonearraybuffer", "2");
    let constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let target_buffer = allocate_array_buffer(agent, &constructor, src_length as u64, None)?;
    // 3. Let srcBlock be srcBuffer.[[ArrayBufferData]].
    crate::step!("sec-clonearraybuffer", "3");
    // 4. Let targetBlock be targetBuffer.[[ArrayBufferData]].
    crate::step!("sec-clonearraybuffer", "4");
    // 5. Perform CopyDataBlockBytes(targetBlock, 0, srcBlock, srcByteOffset, srcLength).
    crate::step!("sec-clonearraybuffer", "5");
    copy_from_buffer(src_buffer, src_byte_offset, &target_buffer, 0, src_length);
    // 6. Return targetBuffer.
    crate::step!("sec-clonearraybuffer", "6");
    Ok(target_buffer)
}

/// CopyDataBlockBytes from `from`'s [[ArrayBufferData]] (an ArrayBuffer's or a
/// SharedArrayBuffer's) into `to`'s, where `to` is an ArrayBuffer or a SharedArrayBuffer
/// other than `from` (the spec's "fromBlock and toBlock are distinct values").
pub fn copy_from_buffer(
    from: &Object,
    from_index: usize,
    to: &Object,
    to_index: usize,
    count: usize,
) {
    if let Some(to_block) = shared_block(to) {
        // Two SharedArrayBuffer objects on one block (passed between agents) share a lock.
        if shared_block(from).is_some_and(|from_block| from_block.same_block(&to_block)) {
            let mut bytes = to_block.write();
            if from_index.saturating_add(count) <= bytes.len()
                && to_index.saturating_add(count) <= bytes.len()
            {
                bytes.copy_within(from_index..from_index + count, to_index);
            }
            return;
        }
        let mut to_bytes = to_block.write();
        let from_data = from.data();
        match &from_data.kind {
            ObjectKind::ArrayBuffer(ab) => {
                if let Some(bytes) = &ab.data {
                    copy_data_block_bytes(
                        &mut to_bytes,
                        to_index,
                        BlockRef::Bytes(bytes),
                        from_index,
                        count,
                    );
                }
            }
            ObjectKind::SharedArrayBuffer(sab) => {
                copy_data_block_bytes(
                    &mut to_bytes,
                    to_index,
                    BlockRef::Shared(&sab.block),
                    from_index,
                    count,
                );
            }
            _ => {}
        }
        return;
    }
    // `to` is an ArrayBuffer: borrow `from` first (a SharedArrayBuffer's block is cloned
    // out, so that `to` can be borrowed mutably when it is a different object).
    let from_shared = shared_block(from);
    if let Some(block) = from_shared {
        if let ObjectKind::ArrayBuffer(to_data) = &mut to.data_mut().kind {
            if let Some(to_bytes) = &mut to_data.data {
                copy_data_block_bytes(
                    to_bytes,
                    to_index,
                    BlockRef::Shared(&block),
                    from_index,
                    count,
                );
            }
        }
        return;
    }
    let from_data = from.data();
    let mut to_data = to.data_mut();
    if let (ObjectKind::ArrayBuffer(from), ObjectKind::ArrayBuffer(to)) =
        (&from_data.kind, &mut to_data.kind)
    {
        if let (Some(from_bytes), Some(to_bytes)) = (&from.data, &mut to.data) {
            copy_data_block_bytes(
                to_bytes,
                to_index,
                BlockRef::Bytes(from_bytes),
                from_index,
                count,
            );
        }
    }
}

/// GetArrayBufferMaxByteLengthOption ( options ) (25.1.3.7): `None` for ~empty~.
pub fn get_array_buffer_max_byte_length_option(
    agent: &mut Agent,
    options: &Value,
) -> JsResult<Option<u64>> {
    // 1. If options is not an Object, return empty.
    let Value::Object(options) = options else {
        return Ok(None);
    };
    // 2. Let maxByteLength be ? Get(options, "maxByteLength").
    let max_byte_length = get(agent, options, &"maxByteLength".into())?;
    // 3. If maxByteLength is undefined, return empty.
    if max_byte_length.is_undefined() {
        return Ok(None);
    }
    // 4. Return ? ToIndex(maxByteLength).
    Ok(Some(to_index(agent, &max_byte_length)?))
}

/// The results of HostResizeArrayBuffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostHandled {
    Handled,
    Unhandled,
}

/// HostResizeArrayBuffer ( buffer, newByteLength ) (25.1.3.8): this host takes the default,
/// "to return NormalCompletion(unhandled)".
pub fn host_resize_array_buffer(
    _agent: &mut Agent,
    _buffer: &Object,
    _new_byte_length: u64,
) -> JsResult<HostHandled> {
    Ok(HostHandled::Unhandled)
}

/// IsFixedLengthArrayBuffer ( arrayBuffer ) (25.1.3.9).
pub fn is_fixed_length_array_buffer(array_buffer: &Object) -> bool {
    // 1. If arrayBuffer has an [[ArrayBufferMaxByteLength]] internal slot, return false.
    // 2. Return true.
    !array_buffer
        .data()
        .kind
        .has_internal_slot(InternalSlot::ArrayBufferMaxByteLength)
}

/// IsUnsignedElementType ( type ) (25.1.3.10).
pub fn is_unsigned_element_type(t: ElementType) -> bool {
    // 1. If type is one of uint8, uint8clamped, uint16, uint32, or biguint64, return true.
    // 2. Return false.
    matches!(
        t,
        ElementType::Uint8
            | ElementType::Uint8Clamped
            | ElementType::Uint16
            | ElementType::Uint32
            | ElementType::BigUint64
    )
}

/// IsUnclampedIntegerElementType ( type ) (25.1.3.11).
pub fn is_unclamped_integer_element_type(t: ElementType) -> bool {
    // 1. If type is one of int8, uint8, int16, uint16, int32, or uint32, return true.
    // 2. Return false.
    matches!(
        t,
        ElementType::Int8
            | ElementType::Uint8
            | ElementType::Int16
            | ElementType::Uint16
            | ElementType::Int32
            | ElementType::Uint32
    )
}

/// IsBigIntElementType ( type ) (25.1.3.12).
pub fn is_big_int_element_type(t: ElementType) -> bool {
    // 1. If type is either biguint64 or bigint64, return true.
    // 2. Return false.
    matches!(t, ElementType::BigInt64 | ElementType::BigUint64)
}

/// IsNoTearConfiguration ( type, order ) (25.1.3.13).
pub fn is_no_tear_configuration(t: ElementType, order: Order) -> bool {
    // 1. If IsUnclampedIntegerElementType(type) is true, return true.
    if is_unclamped_integer_element_type(t) {
        return true;
    }
    // 2. If IsBigIntElementType(type) is true and order is neither init nor unordered,
    //    return true.
    if is_big_int_element_type(t) && order == Order::SeqCst {
        return true;
    }
    // 3. Return false.
    false
}

/// RawBytesToNumeric ( type, rawBytes, isLittleEndian ) (25.1.3.14).
pub fn raw_bytes_to_numeric(
    t: ElementType,
    raw_bytes: RawBytes,
    is_little_endian: bool,
) -> Numeric {
    let mut raw_bytes = raw_bytes;
    // 1. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //    type.
    crate::step!("sec-rawbytestonumeric", "1");
    // 2. If isLittleEndian is false, reverse the order of the elements of rawBytes.
    crate::step!("sec-rawbytestonumeric", "2");
    if !is_little_endian {
        raw_bytes.reverse();
    }
    // 3. If type is float16, then
    crate::step!("sec-rawbytestonumeric", "3");
    if t == ElementType::Float16 {
        // a. Let value be the byte elements of rawBytes concatenated and interpreted as a
        //    little-endian bit string encoding of an IEEE 754-2019 binary16 value.
        crate::step!("sec-rawbytestonumeric", "3.a");
        // b. If value is a NaN, return NaN.
        crate::step!("sec-rawbytestonumeric", "3.b");
        // c. Return the Number value that corresponds to value.
        crate::step!("sec-rawbytestonumeric", "3.c");
        return Numeric::Number(from_binary16_bits(u16::from_le_bytes(raw_bytes.array())));
    }
    // 4. If type is float32, then
    crate::step!("sec-rawbytestonumeric", "4");
    if t == ElementType::Float32 {
        // a. Let value be the byte elements of rawBytes concatenated and interpreted as a
        //    little-endian bit string encoding of an IEEE 754-2019 binary32 value.
        crate::step!("sec-rawbytestonumeric", "4.a");
        let value = f32::from_le_bytes(raw_bytes.array());
        // b. If value is a NaN, return NaN.
        crate::step!("sec-rawbytestonumeric", "4.b");
        if value.is_nan() {
            return Numeric::Number(f64::NAN);
        }
        // c. Return the Number value that corresponds to value.
        crate::step!("sec-rawbytestonumeric", "4.c");
        return Numeric::Number(f64::from(value));
    }
    // 5. If type is float64, then
    crate::step!("sec-rawbytestonumeric", "5");
    if t == ElementType::Float64 {
        // a. Let value be the byte elements of rawBytes concatenated and interpreted as a
        //    little-endian bit string encoding of an IEEE 754-2019 binary64 value.
        crate::step!("sec-rawbytestonumeric", "5.a");
        let value = f64::from_le_bytes(raw_bytes.array());
        // b. If value is a NaN, return NaN.
        crate::step!("sec-rawbytestonumeric", "5.b");
        if value.is_nan() {
            return Numeric::Number(f64::NAN);
        }
        // c. Return the Number value that corresponds to value.
        crate::step!("sec-rawbytestonumeric", "5.c");
        return Numeric::Number(value);
    }
    // 6. If IsUnsignedElementType(type) is true, then
    crate::step!("sec-rawbytestonumeric", "6");
    // a. Let intValue be the byte elements of rawBytes concatenated and interpreted as a bit
    //    string encoding of an unsigned little-endian binary number.
    // 7. Else,
    // a. Let intValue be the byte elements of rawBytes concatenated and interpreted as a bit
    //    string encoding of a binary little-endian two's complement number of bit length
    //    elementSize × 8.
    if is_unsigned_element_type(t) {
        crate::step!("sec-rawbytestonumeric", "6.a");
    } else {
        crate::step!("sec-rawbytestonumeric", "7");
        crate::step!("sec-rawbytestonumeric", "7.a");
    }
    // 8. If IsBigIntElementType(type) is true, return the BigInt value that corresponds to
    //    intValue.
    crate::step!("sec-rawbytestonumeric", "8");
    // 9. Otherwise, return the Number value that corresponds to intValue.
    let number = |n: f64| {
        crate::step!("sec-rawbytestonumeric", "9");
        Numeric::Number(n)
    };
    match t {
        ElementType::Int8 => number(f64::from(raw_bytes[0] as i8)),
        ElementType::Uint8 | ElementType::Uint8Clamped => number(f64::from(raw_bytes[0])),
        ElementType::Int16 => number(f64::from(i16::from_le_bytes(raw_bytes.array()))),
        ElementType::Uint16 => number(f64::from(u16::from_le_bytes(raw_bytes.array()))),
        ElementType::Int32 => number(f64::from(i32::from_le_bytes(raw_bytes.array()))),
        ElementType::Uint32 => number(f64::from(u32::from_le_bytes(raw_bytes.array()))),
        ElementType::BigInt64 => Numeric::BigInt(JsBigInt::new(num_bigint::BigInt::from(
            i64::from_le_bytes(raw_bytes.array()),
        ))),
        ElementType::BigUint64 => Numeric::BigInt(JsBigInt::new(num_bigint::BigInt::from(
            u64::from_le_bytes(raw_bytes.array()),
        ))),
        // Handled above.
        ElementType::Float16 | ElementType::Float32 | ElementType::Float64 => number(f64::NAN),
    }
}

/// GetRawBytesFromSharedBlock ( block, byteIndex, type, isTypedArray, order ) (25.1.3.15):
/// the bytes, read under the block's lock (so the read is a single, untorn event whatever
/// its order).
pub fn get_raw_bytes_from_shared_block(
    block: &SharedDataBlock,
    byte_index: usize,
    t: ElementType,
    _is_typed_array: bool,
    _order: Order,
) -> RawBytes {
    // 1. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //    type.
    let element_size = t.element_size();
    // 2-5. (The agent's candidate execution and noTear: see data_blocks.rs.)
    // 6. Let rawValue be a List of length elementSize whose elements are nondeterministically
    //    chosen byte values.
    // 7. NOTE: In implementations, rawValue is the result of a non-atomic or atomic read
    //    instruction on the underlying hardware. ...
    // 8-10. The ReadSharedMemory event and its Chosen Value Record.
    let bytes = block.read();
    let mut raw_value = RawBytes::zeroed(element_size);
    read_bytes(&bytes, byte_index, &mut raw_value);
    // 11. Return rawValue.
    raw_value
}

/// Copies `out.len()` bytes of `block` from `byte_index` (the spec asserts they exist;
/// out-of-range reads, which would be a bug, read zeroes).
fn read_bytes(block: &[u8], byte_index: usize, out: &mut [u8]) {
    match block.get(byte_index..byte_index.saturating_add(out.len())) {
        Some(bytes) => out.copy_from_slice(bytes),
        None => debug_assert!(false, "a read beyond a Data Block"),
    }
}

/// Stores `bytes` into `block` from `byte_index` (see [`read_bytes`]).
fn write_bytes(block: &mut [u8], byte_index: usize, bytes: &[u8]) {
    match block.get_mut(byte_index..byte_index.saturating_add(bytes.len())) {
        Some(to) => to.copy_from_slice(bytes),
        None => debug_assert!(false, "a write beyond a Data Block"),
    }
}

/// GetValueFromBuffer ( arrayBuffer, byteIndex, type, isTypedArray, order [ ,
/// isLittleEndian ] ) (25.1.3.16).
pub fn get_value_from_buffer(
    agent: &Agent,
    array_buffer: &Object,
    byte_index: usize,
    t: ElementType,
    is_typed_array: bool,
    order: Order,
    is_little_endian: Option<bool>,
) -> Numeric {
    // 1. Assert: IsDetachedBuffer(arrayBuffer) is false.
    crate::step!("sec-getvaluefrombuffer", "1");
    // 2. Assert: There are sufficient bytes in arrayBuffer starting at byteIndex to
    //    represent a value of type.
    crate::step!("sec-getvaluefrombuffer", "2");
    // 3. Let block be arrayBuffer.[[ArrayBufferData]].
    crate::step!("sec-getvaluefrombuffer", "3");
    // 4. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //    type.
    crate::step!("sec-getvaluefrombuffer", "4");
    let element_size = t.element_size();
    let mut raw_value = RawBytes::zeroed(element_size);
    {
        let data = array_buffer.data();
        // 5. If IsSharedArrayBuffer(arrayBuffer) is true, then
        crate::step!("sec-getvaluefrombuffer", "5");
        match &data.kind {
            ObjectKind::SharedArrayBuffer(sab) => {
                // a. Assert: block is a Shared Data Block.
                crate::step!("sec-getvaluefrombuffer", "5.a");
                // b. Let rawValue be GetRawBytesFromSharedBlock(block, byteIndex, type,
                //    isTypedArray, order).
                crate::step!("sec-getvaluefrombuffer", "5.b");
                raw_value = get_raw_bytes_from_shared_block(
                    &sab.block,
                    byte_index,
                    t,
                    is_typed_array,
                    order,
                );
            }
            ObjectKind::ArrayBuffer(ab) => {
                // 6. Else,
                crate::step!("sec-getvaluefrombuffer", "6");
                // a. Let rawValue be a List whose elements are bytes from block at indices
                //    in the interval from byteIndex (inclusive) to byteIndex + elementSize
                //    (exclusive).
                crate::step!("sec-getvaluefrombuffer", "6.a");
                if let Some(block) = &ab.data {
                    read_bytes(block, byte_index, &mut raw_value);
                }
            }
            _ => {}
        }
    }
    // 7. Assert: The number of elements in rawValue is elementSize.
    crate::step!("sec-getvaluefrombuffer", "7");
    // 8. If isLittleEndian is not present, then
    crate::step!("sec-getvaluefrombuffer", "8");
    let is_little_endian = match is_little_endian {
        Some(little) => little,
        None => {
            // a. Let AR be the Agent Record of the surrounding agent.
            crate::step!("sec-getvaluefrombuffer", "8.a");
            // b. Set isLittleEndian to AR.[[LittleEndian]].
            crate::step!("sec-getvaluefrombuffer", "8.b");
            agent.little_endian
        }
    };
    // 9. Return RawBytesToNumeric(type, rawValue, isLittleEndian).
    crate::step!("sec-getvaluefrombuffer", "9");
    raw_bytes_to_numeric(t, raw_value, is_little_endian)
}

/// NumericToRawBytes ( type, value, isLittleEndian ) (25.1.3.17). `value` is a BigInt
/// when IsBigIntElementType(type) is true and a Number otherwise (the callers convert it).
pub fn numeric_to_raw_bytes(t: ElementType, value: &Numeric, is_little_endian: bool) -> RawBytes {
    let number = match value {
        Numeric::Number(n) => *n,
        Numeric::BigInt(b) => b.to_f64(),
    };
    let mut raw_bytes = match t {
        // 1. If type is float16, then
        ElementType::Float16 => {
            crate::step!("sec-numerictorawbytes", "1");
            // a. Let rawBytes be a List whose elements are the 2 bytes that are the result
            //    of converting value to IEEE 754-2019 binary16 format using roundTiesToEven
            //    mode. The bytes are arranged in little endian order. If value is NaN,
            //    rawBytes may be set to any implementation chosen IEEE 754-2019 binary16
            //    format NaN encoding. An implementation must always choose the same
            //    encoding for each implementation distinguishable NaN value.
            crate::step!("sec-numerictorawbytes", "1.a");
            RawBytes::from_slice(&to_binary16_bits(number).to_le_bytes())
        }
        // 2. Else if type is float32, then
        ElementType::Float32 => {
            crate::step!("sec-numerictorawbytes", "2");
            // a. Let rawBytes be a List whose elements are the 4 bytes that are the result
            //    of converting value to IEEE 754-2019 binary32 format using roundTiesToEven
            //    mode. The bytes are arranged in little endian order. If value is NaN,
            //    rawBytes may be set to any implementation chosen IEEE 754-2019 binary32
            //    format NaN encoding. ... (Rust's `as f32` rounds ties to even.)
            crate::step!("sec-numerictorawbytes", "2.a");
            RawBytes::from_slice(&(number as f32).to_le_bytes())
        }
        // 3. Else if type is float64, then
        ElementType::Float64 => {
            crate::step!("sec-numerictorawbytes", "3");
            // a. Let rawBytes be a List whose elements are the 8 bytes that are the IEEE
            //    754-2019 binary64 format encoding of value. The bytes are arranged in
            //    little endian order. If value is NaN, rawBytes may be set to any
            //    implementation chosen IEEE 754-2019 binary64 format NaN encoding. ...
            crate::step!("sec-numerictorawbytes", "3.a");
            RawBytes::from_slice(&number.to_le_bytes())
        }
        // 4. Else,
        _ => {
            crate::step!("sec-numerictorawbytes", "4");
            // a. Let n be the Element Size value specified in Table 71 for Element Type
            //    type.
            crate::step!("sec-numerictorawbytes", "4.a");
            // b. Let conversionOperation be the abstract operation named in the Conversion
            //    Operation column in Table 71 for Element Type type.
            crate::step!("sec-numerictorawbytes", "4.b");
            // c. Let intValue be ℝ(! conversionOperation(value)).
            crate::step!("sec-numerictorawbytes", "4.c");
            // d. If intValue ≥ 0, then
            //    i. Let rawBytes be a List whose elements are the n-byte binary encoding of
            //       intValue. The bytes are ordered in little endian order.
            // e. Else,
            //    i. Let rawBytes be a List whose elements are the n-byte binary two's
            //       complement encoding of intValue. The bytes are ordered in little endian
            //       order.
            // (Rust's to_le_bytes of the signed or unsigned integer is both.)
            crate::step!("sec-numerictorawbytes", "4.d");
            let raw = match (t, value) {
                (ElementType::Int8, _) => {
                    RawBytes::from_slice(&number_to_int8(number).to_le_bytes())
                }
                (ElementType::Uint8, _) => {
                    RawBytes::from_slice(&number_to_uint8(number).to_le_bytes())
                }
                (ElementType::Uint8Clamped, _) => {
                    RawBytes::from_slice(&number_to_uint8_clamp(number).to_le_bytes())
                }
                (ElementType::Int16, _) => {
                    RawBytes::from_slice(&number_to_int16(number).to_le_bytes())
                }
                (ElementType::Uint16, _) => {
                    RawBytes::from_slice(&number_to_uint16(number).to_le_bytes())
                }
                (ElementType::Int32, _) => {
                    RawBytes::from_slice(&number_to_int32(number).to_le_bytes())
                }
                (ElementType::Uint32, _) => {
                    RawBytes::from_slice(&number_to_uint32(number).to_le_bytes())
                }
                (ElementType::BigInt64, Numeric::BigInt(b)) => {
                    RawBytes::from_slice(&big_int_to_int64(b).to_le_bytes())
                }
                (ElementType::BigUint64, Numeric::BigInt(b)) => {
                    RawBytes::from_slice(&big_int_to_uint64(b).to_le_bytes())
                }
                // A Number for a BigInt type cannot happen (the callers convert with
                // ToBigInt).
                _ => RawBytes::zeroed(t.element_size()),
            };
            if raw.last().is_some_and(|b| b & 0x80 == 0) || is_unsigned_element_type(t) {
                crate::step!("sec-numerictorawbytes", "4.d.i");
            } else {
                crate::step!("sec-numerictorawbytes", "4.e");
                crate::step!("sec-numerictorawbytes", "4.e.i");
            }
            raw
        }
    };
    // 5. If isLittleEndian is false, reverse the order of the elements of rawBytes.
    crate::step!("sec-numerictorawbytes", "5");
    if !is_little_endian {
        raw_bytes.reverse();
    }
    // 6. Return rawBytes.
    crate::step!("sec-numerictorawbytes", "6");
    raw_bytes
}

/// SetValueInBuffer ( arrayBuffer, byteIndex, type, value, isTypedArray, order [ ,
/// isLittleEndian ] ) (25.1.3.18).
#[allow(clippy::too_many_arguments)]
pub fn set_value_in_buffer(
    agent: &Agent,
    array_buffer: &Object,
    byte_index: usize,
    t: ElementType,
    value: &Numeric,
    _is_typed_array: bool,
    _order: Order,
    is_little_endian: Option<bool>,
) {
    // 1. Assert: IsDetachedBuffer(arrayBuffer) is false.
    crate::step!("sec-setvalueinbuffer", "1");
    // 2. Assert: There are sufficient bytes in arrayBuffer starting at byteIndex to
    //    represent a value of type.
    crate::step!("sec-setvalueinbuffer", "2");
    // 3. Assert: value is a BigInt if IsBigIntElementType(type) is true; otherwise, value
    //    is a Number.
    crate::step!("sec-setvalueinbuffer", "3");
    // 4. Let block be arrayBuffer.[[ArrayBufferData]].
    crate::step!("sec-setvalueinbuffer", "4");
    // 5. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //    type.
    crate::step!("sec-setvalueinbuffer", "5");
    // 6. Let AR be the Agent Record of the surrounding agent.
    crate::step!("sec-setvalueinbuffer", "6");
    // 7. If isLittleEndian is not present, then
    crate::step!("sec-setvalueinbuffer", "7");
    let is_little_endian = match is_little_endian {
        Some(little) => little,
        None => {
            // a. Set isLittleEndian to AR.[[LittleEndian]].
            crate::step!("sec-setvalueinbuffer", "7.a");
            agent.little_endian
        }
    };
    // 8. Let rawBytes be NumericToRawBytes(type, value, isLittleEndian).
    crate::step!("sec-setvalueinbuffer", "8");
    let raw_bytes = numeric_to_raw_bytes(t, value, is_little_endian);
    let mut data = array_buffer.data_mut();
    // 9. If IsSharedArrayBuffer(arrayBuffer) is true, then
    crate::step!("sec-setvalueinbuffer", "9");
    match &mut data.kind {
        ObjectKind::SharedArrayBuffer(sab) => {
            // a. Let execution be AR.[[CandidateExecution]].
            crate::step!("sec-setvalueinbuffer", "9.a");
            // b. Let eventsRecord be the Agent Events Record of execution.[[EventsRecords]]
            //    whose [[AgentSignifier]] is AgentSignifier().
            crate::step!("sec-setvalueinbuffer", "9.b");
            // c. If isTypedArray is true and IsNoTearConfiguration(type, order) is true, let
            //    noTear be true; otherwise let noTear be false.
            crate::step!("sec-setvalueinbuffer", "9.c");
            // d. Append WriteSharedMemory { [[Order]]: order, [[NoTear]]: noTear, [[Block]]:
            //    block, [[ByteIndex]]: byteIndex, [[ElementSize]]: elementSize,
            //    [[Payload]]: rawBytes } to eventsRecord.[[EventList]]. (The write, under
            //    the block's lock.)
            crate::step!("sec-setvalueinbuffer", "9.d");
            write_bytes(&mut sab.block.write(), byte_index, &raw_bytes);
        }
        ObjectKind::ArrayBuffer(ab) => {
            // 10. Else,
            crate::step!("sec-setvalueinbuffer", "10");
            // a. Store the individual bytes of rawBytes into block, starting at
            //    block[byteIndex].
            crate::step!("sec-setvalueinbuffer", "10.a");
            if let Some(block) = &mut ab.data {
                write_bytes(block, byte_index, &raw_bytes);
            }
        }
        _ => {}
    }
    // 11. Return unused.
    crate::step!("sec-setvalueinbuffer", "11");
}

/// A read-modify-write modification function (25.1.1): two Lists of byte values in, one
/// out.
pub type ModifyOp<'a> = &'a dyn Fn(RawBytes, RawBytes) -> RawBytes;

/// GetModifySetValueInBuffer ( arrayBuffer, byteIndex, type, value, op ) (25.1.3.19).
pub fn get_modify_set_value_in_buffer(
    agent: &Agent,
    array_buffer: &Object,
    byte_index: usize,
    t: ElementType,
    value: &Numeric,
    op: ModifyOp<'_>,
) -> Numeric {
    // 1. Assert: IsDetachedBuffer(arrayBuffer) is false.
    crate::step!("sec-getmodifysetvalueinbuffer", "1");
    // 2. Assert: There are sufficient bytes in arrayBuffer starting at byteIndex to
    //    represent a value of type.
    crate::step!("sec-getmodifysetvalueinbuffer", "2");
    // 3. Assert: value is a BigInt if IsBigIntElementType(type) is true; otherwise, value
    //    is a Number.
    crate::step!("sec-getmodifysetvalueinbuffer", "3");
    // 4. Let block be arrayBuffer.[[ArrayBufferData]].
    crate::step!("sec-getmodifysetvalueinbuffer", "4");
    // 5. Let elementSize be the Element Size value specified in Table 71 for Element Type
    //    type.
    crate::step!("sec-getmodifysetvalueinbuffer", "5");
    let element_size = t.element_size();
    // 6. Let AR be the Agent Record of the surrounding agent.
    crate::step!("sec-getmodifysetvalueinbuffer", "6");
    // 7. Let isLittleEndian be AR.[[LittleEndian]].
    crate::step!("sec-getmodifysetvalueinbuffer", "7");
    let is_little_endian = agent.little_endian;
    // 8. Let rawBytes be NumericToRawBytes(type, value, isLittleEndian).
    crate::step!("sec-getmodifysetvalueinbuffer", "8");
    let raw_bytes = numeric_to_raw_bytes(t, value, is_little_endian);
    let mut raw_bytes_read = RawBytes::zeroed(element_size);
    let mut data = array_buffer.data_mut();
    // 9. If IsSharedArrayBuffer(arrayBuffer) is true, then
    crate::step!("sec-getmodifysetvalueinbuffer", "9");
    match &mut data.kind {
        ObjectKind::SharedArrayBuffer(sab) => {
            // a. Let execution be AR.[[CandidateExecution]].
            crate::step!("sec-getmodifysetvalueinbuffer", "9.a");
            // b. Let eventsRecord be the Agent Events Record of execution.[[EventsRecords]]
            //    whose [[AgentSignifier]] is AgentSignifier().
            crate::step!("sec-getmodifysetvalueinbuffer", "9.b");
            // c. Let rawBytesRead be a List of length elementSize whose elements are
            //    nondeterministically chosen byte values.
            crate::step!("sec-getmodifysetvalueinbuffer", "9.c");
            // d. NOTE: In implementations, rawBytesRead is the result of a load-link, of a
            //    load-exclusive, or of an operand of a read-modify-write instruction on the
            //    underlying hardware. ...
            crate::step!("sec-getmodifysetvalueinbuffer", "9.d");
            // e. Let rmwEvent be ReadModifyWriteSharedMemory { [[Order]]: seq-cst,
            //    [[NoTear]]: true, [[Block]]: block, [[ByteIndex]]: byteIndex,
            //    [[ElementSize]]: elementSize, [[Payload]]: rawBytes, [[ModifyOp]]: op }.
            crate::step!("sec-getmodifysetvalueinbuffer", "9.e");
            // f. Append rmwEvent to eventsRecord.[[EventList]].
            crate::step!("sec-getmodifysetvalueinbuffer", "9.f");
            // g. Append Chosen Value Record { [[Event]]: rmwEvent, [[ChosenValue]]:
            //    rawBytesRead } to execution.[[ChosenValues]].
            crate::step!("sec-getmodifysetvalueinbuffer", "9.g");
            // (The read, the modification and the write, under the block's write lock:
            // one atomic read-modify-write.)
            let mut block = sab.block.write();
            read_bytes(&block, byte_index, &mut raw_bytes_read);
            write_bytes(&mut block, byte_index, &op(raw_bytes_read, raw_bytes));
        }
        ObjectKind::ArrayBuffer(ab) => {
            // 10. Else,
            crate::step!("sec-getmodifysetvalueinbuffer", "10");
            if let Some(block) = &mut ab.data {
                // a. Let rawBytesRead be a List of length elementSize whose elements are the
                //    sequence of elementSize bytes starting with block[byteIndex].
                crate::step!("sec-getmodifysetvalueinbuffer", "10.a");
                read_bytes(block, byte_index, &mut raw_bytes_read);
                // b. Let rawBytesModified be op(rawBytesRead, rawBytes).
                crate::step!("sec-getmodifysetvalueinbuffer", "10.b");
                let raw_bytes_modified = op(raw_bytes_read, raw_bytes);
                // c. Store the individual bytes of rawBytesModified into block, starting at
                //    block[byteIndex].
                crate::step!("sec-getmodifysetvalueinbuffer", "10.c");
                write_bytes(block, byte_index, &raw_bytes_modified);
            }
        }
        _ => {}
    }
    // 11. Return RawBytesToNumeric(type, rawBytesRead, isLittleEndian).
    crate::step!("sec-getmodifysetvalueinbuffer", "11");
    raw_bytes_to_numeric(t, raw_bytes_read, is_little_endian)
}

/// IsSharedArrayBuffer ( obj ) (25.2.2.2).
pub fn is_shared_array_buffer(obj: &Object) -> bool {
    // 1. If obj.[[ArrayBufferData]] is a Shared Data Block, return true.
    // 2. Return false.
    matches!(obj.data().kind, ObjectKind::SharedArrayBuffer(_))
}

/// IsGrowableSharedArrayBuffer ( obj ) (25.2.2.3).
pub fn is_growable_shared_array_buffer(obj: &Object) -> bool {
    // 1. If IsSharedArrayBuffer(obj) is true and obj has an [[ArrayBufferByteLengthData]]
    //    internal slot, return true.
    // 2. Return false.
    matches!(&obj.data().kind, ObjectKind::SharedArrayBuffer(d) if d.max_byte_length.is_some())
}

impl From<Numeric> for Value {
    fn from(n: Numeric) -> Value {
        match n {
            Numeric::Number(n) => Value::Number(n),
            Numeric::BigInt(b) => Value::BigInt(b),
        }
    }
}

/// The byte loops of %TypedArray%.prototype.slice and SetTypedArrayFromTypedArray ("Repeat,
/// while targetByteIndex < limit: Let value be GetValueFromBuffer(srcBuffer, srcByteIndex,
/// uint8, true, unordered). Perform SetValueInBuffer(targetBuffer, targetByteIndex, uint8,
/// value, true, unordered). ..."): `count` bytes copied one at a time in ascending order,
/// which differs from a block copy only when the ranges overlap in one buffer.
pub fn copy_bytes_ascending(
    from: &Object,
    from_index: usize,
    to: &Object,
    to_index: usize,
    count: usize,
) {
    let ascending = |block: &mut [u8]| {
        for i in 0..count {
            match (
                block.get(from_index + i).copied(),
                block.get_mut(to_index + i),
            ) {
                (Some(byte), Some(to)) => *to = byte,
                _ => debug_assert!(false, "a copy beyond a Data Block"),
            }
        }
    };
    if from == to {
        match &mut from.data_mut().kind {
            ObjectKind::ArrayBuffer(ab) => {
                if let Some(block) = &mut ab.data {
                    ascending(block);
                }
            }
            ObjectKind::SharedArrayBuffer(sab) => ascending(&mut sab.block.write()),
            _ => {}
        }
        return;
    }
    if let (Some(from_block), Some(to_block)) = (shared_block(from), shared_block(to)) {
        if from_block.same_block(&to_block) {
            ascending(&mut to_block.write());
            return;
        }
    }
    copy_from_buffer(from, from_index, to, to_index, count);
}

/// The byte loop of %TypedArray%.prototype.copyWithin (step 17.l-m), within one buffer:
/// `count` bytes from `from_index` to `to_index`, in the direction that copies the source
/// before overwriting it (what the loop's direction -1 achieves), i.e. a memmove.
pub fn copy_bytes_within(buffer: &Object, from_index: usize, to_index: usize, count: usize) {
    let within = |block: &mut [u8]| {
        let fits = from_index.saturating_add(count) <= block.len()
            && to_index.saturating_add(count) <= block.len();
        if fits {
            block.copy_within(from_index..from_index + count, to_index);
        } else {
            debug_assert!(false, "a copy beyond a Data Block");
        }
    };
    match &mut buffer.data_mut().kind {
        ObjectKind::ArrayBuffer(ab) => {
            if let Some(block) = &mut ab.data {
                within(block);
            }
        }
        ObjectKind::SharedArrayBuffer(sab) => within(&mut sab.block.write()),
        _ => {}
    }
}
