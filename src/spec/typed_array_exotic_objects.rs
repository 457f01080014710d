//! 10.4.5 TypedArray Exotic Objects (sec-typedarray-exotic-objects): the internal methods
//! that give canonical numeric string keys their element meaning, the TypedArray With
//! Buffer Witness Records and the operations on them (TypedArrayLength,
//! IsTypedArrayOutOfBounds, IsValidIntegerIndex, TypedArrayGetElement, ...).
//!
//! Keys: an array-index key (`PropertyKey::Index`) is a canonical numeric string whose
//! value is that integer, so it needs no conversion; other String keys go through
//! CanonicalNumericIndexString, after a check of their first character that rejects names
//! like "length" without converting them (a canonical numeric string starts with a digit,
//! "-", "I" of "Infinity" or "N" of "NaN").

use super::agents::Agent;
use super::builtins::array_buffer_abstract_operations::{
    array_buffer_byte_length, get_value_from_buffer, is_detached_buffer,
    is_fixed_length_array_buffer, is_shared_array_buffer, set_value_in_buffer, Order,
};
use super::builtins::typed_array::ElementType;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, PropertyKey};
use super::operations_on_objects::index_key;
use super::ordinary_object_internal_methods::{
    ordinary_define_own_property, ordinary_delete, ordinary_get, ordinary_get_own_property,
    ordinary_has_property, ordinary_own_property_keys_of, ordinary_prevent_extensions,
    ordinary_set, ORDINARY_METHODS,
};
use super::property_descriptor::PropertyDescriptor;
use super::type_conversion::{canonical_numeric_index_string, to_big_int, to_number, Numeric};
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// The internal methods of a TypedArray (installed by TypedArrayCreate).
pub static TYPED_ARRAY_METHODS: InternalMethods = InternalMethods {
    prevent_extensions: typed_array_prevent_extensions,
    get_own_property: typed_array_get_own_property,
    has_property: typed_array_has_property,
    define_own_property: typed_array_define_own_property,
    get: typed_array_get,
    set: typed_array_set,
    delete: typed_array_delete,
    own_property_keys: typed_array_own_property_keys,
    ..ORDINARY_METHODS
};

/// The internal slots of a TypedArray beyond an ordinary object's: [[ViewedArrayBuffer]]
/// (`None` only between TypedArrayCreate and the initialization that follows it in the
/// constructors, while no code can reach the object), [[TypedArrayName]] (with
/// [[ContentType]], which follows from it: ~bigint~ for the BigInt types), [[ByteLength]]
/// and [[ArrayLength]] (`None` for ~auto~), [[ByteOffset]].
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct TypedArrayData {
    pub viewed_array_buffer: Option<Object>,
    #[unsafe_ignore_trace]
    pub typed_array_name: ElementType,
    #[unsafe_ignore_trace]
    pub byte_length: Option<usize>,
    #[unsafe_ignore_trace]
    pub byte_offset: usize,
    #[unsafe_ignore_trace]
    pub array_length: Option<usize>,
}

/// A copy of a TypedArray's slots (the buffer handle cloned), read with one borrow.
#[derive(Clone, Debug)]
pub struct TypedArraySlots {
    pub viewed_array_buffer: Object,
    pub typed_array_name: ElementType,
    pub byte_length: Option<usize>,
    pub byte_offset: usize,
    pub array_length: Option<usize>,
}

impl TypedArraySlots {
    /// TypedArrayElementSize ( O ) (23.2.4.6).
    pub fn element_size(&self) -> usize {
        // 1. Return the Element Size value specified in Table 71 for O.[[TypedArrayName]].
        crate::step!("sec-typedarrayelementsize", "1");
        self.typed_array_name.element_size()
    }

    /// TypedArrayElementType ( O ) (23.2.4.7).
    pub fn element_type(&self) -> ElementType {
        // 1. Return the Element Type value specified in Table 71 for O.[[TypedArrayName]].
        crate::step!("sec-typedarrayelementtype", "1");
        self.typed_array_name
    }

    /// Whether O.[[ContentType]] is ~bigint~.
    pub fn is_bigint(&self) -> bool {
        self.typed_array_name.is_bigint()
    }
}

/// The slots of `o` if it is a TypedArray (with its buffer set).
pub fn typed_array_slots(o: &Object) -> Option<TypedArraySlots> {
    match &o.data().kind {
        ObjectKind::TypedArray(t) => Some(TypedArraySlots {
            viewed_array_buffer: t.viewed_array_buffer.clone()?,
            typed_array_name: t.typed_array_name,
            byte_length: t.byte_length,
            byte_offset: t.byte_offset,
            array_length: t.array_length,
        }),
        _ => None,
    }
}

/// CanonicalNumericIndexString ( P ) for a property key: `None` for a Symbol and for a
/// String that is not a canonical numeric string (see the module documentation).
pub fn canonical_numeric_index(p: &PropertyKey) -> Option<f64> {
    match p {
        PropertyKey::Index(i) => Some(f64::from(*i)),
        PropertyKey::String(s) => {
            let first = *s.units().first()?;
            let plausible = (u16::from(b'0')..=u16::from(b'9')).contains(&first)
                || first == u16::from(b'-')
                || first == u16::from(b'I')
                || first == u16::from(b'N');
            if plausible {
                canonical_numeric_index_string(s)
            } else {
                None
            }
        }
        PropertyKey::Symbol(_) => None,
    }
}

/// [[PreventExtensions]] ( ) (10.4.5.1).
fn typed_array_prevent_extensions(agent: &mut Agent, o: &Object) -> JsResult<bool> {
    // 1. NOTE: The extensibility-related invariants specified in 6.1.7.3 do not allow this
    //    method to return true when O can gain (or lose and then regain) properties, which
    //    might occur for properties with integer index names when its underlying buffer is
    //    resized.
    crate::step!("sec-typedarray-preventextensions", "1");
    // 2. If IsTypedArrayFixedLength(O) is false, return false.
    crate::step!("sec-typedarray-preventextensions", "2");
    if !is_typed_array_fixed_length(o) {
        return Ok(false);
    }
    // 3. Return OrdinaryPreventExtensions(O).
    crate::step!("sec-typedarray-preventextensions", "3");
    ordinary_prevent_extensions(agent, o)
}

/// [[GetOwnProperty]] ( P ) (10.4.5.2).
fn typed_array_get_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. If P is a String, then
    crate::step!("sec-typedarray-getownproperty", "1");
    if !p.is_symbol() {
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        crate::step!("sec-typedarray-getownproperty", "1.a");
        // b. If numericIndex is not undefined, then
        crate::step!("sec-typedarray-getownproperty", "1.b");
        if let Some(numeric_index) = canonical_numeric_index(p) {
            // i. Let value be TypedArrayGetElement(O, numericIndex).
            crate::step!("sec-typedarray-getownproperty", "1.b.i");
            let value = typed_array_get_element(agent, o, numeric_index);
            // ii. If value is undefined, return undefined.
            crate::step!("sec-typedarray-getownproperty", "1.b.ii");
            if value.is_undefined() {
                return Ok(None);
            }
            // iii. Return the PropertyDescriptor { [[Value]]: value, [[Writable]]: true,
            //      [[Enumerable]]: true, [[Configurable]]: true }.
            crate::step!("sec-typedarray-getownproperty", "1.b.iii");
            return Ok(Some(PropertyDescriptor::data(value, true, true, true)));
        }
    }
    // 2. Return OrdinaryGetOwnProperty(O, P).
    crate::step!("sec-typedarray-getownproperty", "2");
    ordinary_get_own_property(agent, o, p)
}

/// [[HasProperty]] ( P ) (10.4.5.3).
fn typed_array_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. If P is a String, then
    crate::step!("sec-typedarray-hasproperty", "1");
    if !p.is_symbol() {
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        crate::step!("sec-typedarray-hasproperty", "1.a");
        // b. If numericIndex is not undefined, return IsValidIntegerIndex(O, numericIndex).
        crate::step!("sec-typedarray-hasproperty", "1.b");
        if let Some(numeric_index) = canonical_numeric_index(p) {
            return Ok(is_valid_integer_index(o, numeric_index));
        }
    }
    // 2. Return ? OrdinaryHasProperty(O, P).
    crate::step!("sec-typedarray-hasproperty", "2");
    ordinary_has_property(agent, o, p)
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.4.5.4).
fn typed_array_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. If P is a String, then
    crate::step!("sec-typedarray-defineownproperty", "1");
    if !p.is_symbol() {
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        crate::step!("sec-typedarray-defineownproperty", "1.a");
        // b. If numericIndex is not undefined, then
        crate::step!("sec-typedarray-defineownproperty", "1.b");
        if let Some(numeric_index) = canonical_numeric_index(p) {
            // i. If IsValidIntegerIndex(O, numericIndex) is false, return false.
            crate::step!("sec-typedarray-defineownproperty", "1.b.i");
            if !is_valid_integer_index(o, numeric_index) {
                return Ok(false);
            }
            // ii. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false,
            //     return false.
            crate::step!("sec-typedarray-defineownproperty", "1.b.ii");
            if desc.configurable == Some(false) {
                return Ok(false);
            }
            // iii. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false,
            //      return false.
            crate::step!("sec-typedarray-defineownproperty", "1.b.iii");
            if desc.enumerable == Some(false) {
                return Ok(false);
            }
            // iv. If IsAccessorDescriptor(Desc) is true, return false.
            crate::step!("sec-typedarray-defineownproperty", "1.b.iv");
            if desc.is_accessor_descriptor() {
                return Ok(false);
            }
            // v. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return
            //    false.
            crate::step!("sec-typedarray-defineownproperty", "1.b.v");
            if desc.writable == Some(false) {
                return Ok(false);
            }
            // vi. If Desc has a [[Value]] field, perform ? TypedArraySetElement(O,
            //     numericIndex, Desc.[[Value]]).
            crate::step!("sec-typedarray-defineownproperty", "1.b.vi");
            if let Some(value) = &desc.value {
                typed_array_set_element(agent, o, numeric_index, value)?;
            }
            // vii. Return true.
            crate::step!("sec-typedarray-defineownproperty", "1.b.vii");
            return Ok(true);
        }
    }
    // 2. Return ! OrdinaryDefineOwnProperty(O, P, Desc).
    crate::step!("sec-typedarray-defineownproperty", "2");
    ordinary_define_own_property(agent, o, p, desc)
}

/// [[Get]] ( P, Receiver ) (10.4.5.5).
fn typed_array_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // 1. If P is a String, then
    crate::step!("sec-typedarray-get", "1");
    if !p.is_symbol() {
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        crate::step!("sec-typedarray-get", "1.a");
        // b. If numericIndex is not undefined, then
        crate::step!("sec-typedarray-get", "1.b");
        if let Some(numeric_index) = canonical_numeric_index(p) {
            // i. Return TypedArrayGetElement(O, numericIndex).
            crate::step!("sec-typedarray-get", "1.b.i");
            return Ok(typed_array_get_element(agent, o, numeric_index));
        }
    }
    // 2. Return ? OrdinaryGet(O, P, Receiver).
    crate::step!("sec-typedarray-get", "2");
    ordinary_get(agent, o, p, receiver)
}

/// [[Set]] ( P, V, Receiver ) (10.4.5.6).
fn typed_array_set(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    // 1. If P is a String, then
    crate::step!("sec-typedarray-set", "1");
    if !p.is_symbol() {
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        crate::step!("sec-typedarray-set", "1.a");
        // b. If numericIndex is not undefined, then
        crate::step!("sec-typedarray-set", "1.b");
        if let Some(numeric_index) = canonical_numeric_index(p) {
            // i. If SameValue(O, Receiver) is true, then
            crate::step!("sec-typedarray-set", "1.b.i");
            if matches!(receiver, Value::Object(r) if r == o) {
                // 1. Perform ? TypedArraySetElement(O, numericIndex, V).
                crate::step!("sec-typedarray-set", "1.b.i.1");
                typed_array_set_element(agent, o, numeric_index, &v)?;
                // 2. Return true.
                crate::step!("sec-typedarray-set", "1.b.i.2");
                return Ok(true);
            }
            // ii. If IsValidIntegerIndex(O, numericIndex) is false, return true.
            crate::step!("sec-typedarray-set", "1.b.ii");
            if !is_valid_integer_index(o, numeric_index) {
                return Ok(true);
            }
        }
    }
    // 2. Return ? OrdinarySet(O, P, V, Receiver).
    crate::step!("sec-typedarray-set", "2");
    ordinary_set(agent, o, p, v, receiver)
}

/// [[Delete]] ( P ) (10.4.5.7).
fn typed_array_delete(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. If P is a String, then
    crate::step!("sec-typedarray-delete", "1");
    if !p.is_symbol() {
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        crate::step!("sec-typedarray-delete", "1.a");
        // b. If numericIndex is not undefined, then
        crate::step!("sec-typedarray-delete", "1.b");
        if let Some(numeric_index) = canonical_numeric_index(p) {
            // i. If IsValidIntegerIndex(O, numericIndex) is false, return true; else
            //    return false.
            crate::step!("sec-typedarray-delete", "1.b.i");
            return Ok(!is_valid_integer_index(o, numeric_index));
        }
    }
    // 2. Return ! OrdinaryDelete(O, P).
    crate::step!("sec-typedarray-delete", "2");
    ordinary_delete(agent, o, p)
}

/// [[OwnPropertyKeys]] ( ) (10.4.5.8). A List of keys the machine cannot allocate (one per
/// element: billions for the largest buffers) is a RangeError, as for any allocation that
/// fails, instead of an abort.
fn typed_array_own_property_keys(agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    // 1. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    crate::step!("sec-typedarray-ownpropertykeys", "1");
    let ta_record = make_typed_array_with_buffer_witness_record(o, Order::SeqCst);
    // 2. Let keys be a new empty List.
    crate::step!("sec-typedarray-ownpropertykeys", "2");
    let mut keys = Vec::new();
    // 3. If IsTypedArrayOutOfBounds(taRecord) is false, then
    crate::step!("sec-typedarray-ownpropertykeys", "3");
    if let Some(ta_record) = ta_record.filter(|r| !is_typed_array_out_of_bounds(r)) {
        // a. Let length be TypedArrayLength(taRecord).
        crate::step!("sec-typedarray-ownpropertykeys", "3.a");
        let length = typed_array_length(&ta_record);
        // b. For each integer i such that 0 ≤ i < length, in ascending order, do
        crate::step!("sec-typedarray-ownpropertykeys", "3.b");
        if keys.try_reserve_exact(length).is_err() {
            return Err(agent.range_error(&format!(
                "cannot allocate the {length} keys of the TypedArray"
            )));
        }
        for i in 0..length {
            // i. Append ! ToString(𝔽(i)) to keys.
            crate::step!("sec-typedarray-ownpropertykeys", "3.b.i");
            keys.push(index_key(i as u64));
        }
    }
    // 4. For each own property key P of O such that P is a String and P is not an integer
    //    index, in ascending chronological order of property creation, do
    crate::step!("sec-typedarray-ownpropertykeys", "4");
    //    a. Append P to keys.
    // 5. For each own property key P of O such that P is a Symbol, in ascending
    //    chronological order of property creation, do
    //    a. Append P to keys.
    // (A TypedArray's own properties never have integer-index keys: [[DefineOwnProperty]]
    // keeps every canonical numeric key for the elements.)
    let ordinary = ordinary_own_property_keys_of(o);
    let (symbols, strings): (Vec<PropertyKey>, Vec<PropertyKey>) =
        ordinary.into_iter().partition(PropertyKey::is_symbol);
    for p in strings {
        crate::step!("sec-typedarray-ownpropertykeys", "4.a");
        keys.push(p);
    }
    crate::step!("sec-typedarray-ownpropertykeys", "5");
    for p in symbols {
        crate::step!("sec-typedarray-ownpropertykeys", "5.a");
        keys.push(p);
    }
    // 6. Return keys.
    crate::step!("sec-typedarray-ownpropertykeys", "6");
    Ok(keys)
}

/// A TypedArray With Buffer Witness Record (10.4.5.9): [[Object]] and
/// [[CachedBufferByteLength]] (`None` for ~detached~), with a copy of the object's slots.
#[derive(Clone, Debug)]
pub struct TypedArrayWithBufferWitness {
    pub object: Object,
    pub cached_buffer_byte_length: Option<usize>,
    pub slots: TypedArraySlots,
}

/// MakeTypedArrayWithBufferWitnessRecord ( obj, order ) (10.4.5.10); `None` when `obj` is
/// not a TypedArray.
pub fn make_typed_array_with_buffer_witness_record(
    obj: &Object,
    order: Order,
) -> Option<TypedArrayWithBufferWitness> {
    let slots = typed_array_slots(obj)?;
    // 1. Let buffer be obj.[[ViewedArrayBuffer]].
    crate::step!("sec-maketypedarraywithbufferwitnessrecord", "1");
    let buffer = &slots.viewed_array_buffer;
    // 2. If IsDetachedBuffer(buffer) is true, then
    crate::step!("sec-maketypedarraywithbufferwitnessrecord", "2");
    let byte_length = if is_detached_buffer(buffer) {
        // a. Let byteLength be detached.
        crate::step!("sec-maketypedarraywithbufferwitnessrecord", "2.a");
        None
    } else {
        // 3. Else,
        crate::step!("sec-maketypedarraywithbufferwitnessrecord", "3");
        // a. Let byteLength be ArrayBufferByteLength(buffer, order).
        crate::step!("sec-maketypedarraywithbufferwitnessrecord", "3.a");
        Some(array_buffer_byte_length(buffer, order))
    };
    // 4. Return the TypedArray With Buffer Witness Record { [[Object]]: obj,
    //    [[CachedBufferByteLength]]: byteLength }.
    crate::step!("sec-maketypedarraywithbufferwitnessrecord", "4");
    Some(TypedArrayWithBufferWitness {
        object: obj.clone(),
        cached_buffer_byte_length: byte_length,
        slots,
    })
}

/// TypedArrayCreate ( prototype ) (10.4.5.11), with the slots the caller sets right after
/// ([[TypedArrayName]] here; the buffer and lengths by the constructors).
pub fn typed_array_create(prototype: Object, typed_array_name: ElementType) -> Object {
    // 1. Let internalSlotsList be « [[Prototype]], [[Extensible]], [[ViewedArrayBuffer]],
    //    [[TypedArrayName]], [[ContentType]], [[ByteLength]], [[ByteOffset]],
    //    [[ArrayLength]] ».
    crate::step!("sec-typedarraycreate", "1");
    // 2. Let A be MakeBasicObject(internalSlotsList).
    crate::step!("sec-typedarraycreate", "2");
    // 3. Set A.[[PreventExtensions]] as specified in 10.4.5.1.
    crate::step!("sec-typedarraycreate", "3");
    // 4. Set A.[[GetOwnProperty]] as specified in 10.4.5.2.
    crate::step!("sec-typedarraycreate", "4");
    // 5. Set A.[[HasProperty]] as specified in 10.4.5.3.
    crate::step!("sec-typedarraycreate", "5");
    // 6. Set A.[[DefineOwnProperty]] as specified in 10.4.5.4.
    crate::step!("sec-typedarraycreate", "6");
    // 7. Set A.[[Get]] as specified in 10.4.5.5.
    crate::step!("sec-typedarraycreate", "7");
    // 8. Set A.[[Set]] as specified in 10.4.5.6.
    crate::step!("sec-typedarraycreate", "8");
    // 9. Set A.[[Delete]] as specified in 10.4.5.7.
    crate::step!("sec-typedarraycreate", "9");
    // 10. Set A.[[OwnPropertyKeys]] as specified in 10.4.5.8.
    crate::step!("sec-typedarraycreate", "10");
    // 11. Set A.[[Prototype]] to prototype.
    crate::step!("sec-typedarraycreate", "11");
    let a = Object::new(
        &TYPED_ARRAY_METHODS,
        Some(prototype),
        ObjectKind::TypedArray(Box::new(TypedArrayData {
            viewed_array_buffer: None,
            typed_array_name,
            byte_length: Some(0),
            byte_offset: 0,
            array_length: Some(0),
        })),
    );
    // 12. Return A.
    crate::step!("sec-typedarraycreate", "12");
    a
}

/// TypedArrayByteLength ( taRecord ) (10.4.5.12).
pub fn typed_array_byte_length(ta_record: &TypedArrayWithBufferWitness) -> usize {
    // 1. Assert: IsTypedArrayOutOfBounds(taRecord) is false.
    crate::spec_assert!(
        "sec-typedarraybytelength",
        "1",
        !is_typed_array_out_of_bounds(ta_record)
    );
    // 2. Let O be taRecord.[[Object]].
    crate::step!("sec-typedarraybytelength", "2");
    let o = &ta_record.slots;
    // 3. If O.[[ByteLength]] is not auto, return O.[[ByteLength]].
    crate::step!("sec-typedarraybytelength", "3");
    if let Some(byte_length) = o.byte_length {
        return byte_length;
    }
    // 4. Let length be TypedArrayLength(taRecord).
    crate::step!("sec-typedarraybytelength", "4");
    let length = typed_array_length(ta_record);
    // 5. Let elementSize be TypedArrayElementSize(O).
    crate::step!("sec-typedarraybytelength", "5");
    let element_size = o.element_size();
    // 6. NOTE: The returned byte length is always an integer multiple of elementSize, even
    //    when the underlying buffer has been resized to a non-integer multiple.
    crate::step!("sec-typedarraybytelength", "6");
    // 7. Return length × elementSize.
    crate::step!("sec-typedarraybytelength", "7");
    length * element_size
}

/// TypedArrayLength ( taRecord ) (10.4.5.13).
pub fn typed_array_length(ta_record: &TypedArrayWithBufferWitness) -> usize {
    // 1. Assert: IsTypedArrayOutOfBounds(taRecord) is false.
    crate::spec_assert!(
        "sec-typedarraylength",
        "1",
        !is_typed_array_out_of_bounds(ta_record)
    );
    // 2. Let O be taRecord.[[Object]].
    crate::step!("sec-typedarraylength", "2");
    let o = &ta_record.slots;
    // 3. If O.[[ArrayLength]] is not auto, return O.[[ArrayLength]].
    crate::step!("sec-typedarraylength", "3");
    if let Some(array_length) = o.array_length {
        return array_length;
    }
    // 4. Assert: IsFixedLengthArrayBuffer(O.[[ViewedArrayBuffer]]) is false.
    crate::spec_assert!(
        "sec-typedarraylength",
        "4",
        !is_fixed_length_array_buffer(&o.viewed_array_buffer)
    );
    // 5. Let byteOffset be O.[[ByteOffset]].
    crate::step!("sec-typedarraylength", "5");
    let byte_offset = o.byte_offset;
    // 6. Let elementSize be TypedArrayElementSize(O).
    crate::step!("sec-typedarraylength", "6");
    let element_size = o.element_size();
    // 7. Let byteLength be taRecord.[[CachedBufferByteLength]].
    crate::step!("sec-typedarraylength", "7");
    // 8. Assert: byteLength is not detached.
    crate::spec_assert!(
        "sec-typedarraylength",
        "8",
        ta_record.cached_buffer_byte_length.is_some()
    );
    let byte_length = ta_record.cached_buffer_byte_length.unwrap_or(0);
    // 9. Return floor((byteLength - byteOffset) / elementSize).
    crate::step!("sec-typedarraylength", "9");
    byte_length.saturating_sub(byte_offset) / element_size
}

/// IsTypedArrayOutOfBounds ( taRecord ) (10.4.5.14).
pub fn is_typed_array_out_of_bounds(ta_record: &TypedArrayWithBufferWitness) -> bool {
    // 1. Let O be taRecord.[[Object]].
    crate::step!("sec-istypedarrayoutofbounds", "1");
    let o = &ta_record.slots;
    // 2. Let bufferByteLength be taRecord.[[CachedBufferByteLength]].
    crate::step!("sec-istypedarrayoutofbounds", "2");
    // 3. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, then
    crate::step!("sec-istypedarrayoutofbounds", "3");
    if is_detached_buffer(&o.viewed_array_buffer) {
        // a. Assert: bufferByteLength is detached.
        crate::spec_assert!(
            "sec-istypedarrayoutofbounds",
            "3.a",
            ta_record.cached_buffer_byte_length.is_none()
        );
        // b. Return true.
        crate::step!("sec-istypedarrayoutofbounds", "3.b");
        return true;
    }
    // 4. Assert: bufferByteLength is a non-negative integer.
    crate::spec_assert!(
        "sec-istypedarrayoutofbounds",
        "4",
        ta_record.cached_buffer_byte_length.is_some()
    );
    let buffer_byte_length = ta_record.cached_buffer_byte_length.unwrap_or(0);
    // 5. Let byteOffsetStart be O.[[ByteOffset]].
    crate::step!("sec-istypedarrayoutofbounds", "5");
    let byte_offset_start = o.byte_offset;
    // 6. If O.[[ArrayLength]] is auto, then
    crate::step!("sec-istypedarrayoutofbounds", "6");
    let byte_offset_end = match o.array_length {
        None => {
            // a. Let byteOffsetEnd be bufferByteLength.
            crate::step!("sec-istypedarrayoutofbounds", "6.a");
            buffer_byte_length
        }
        Some(array_length) => {
            // 7. Else,
            crate::step!("sec-istypedarrayoutofbounds", "7");
            // a. Let elementSize be TypedArrayElementSize(O).
            crate::step!("sec-istypedarrayoutofbounds", "7.a");
            let element_size = o.element_size();
            // b. Let arrayByteLength be O.[[ArrayLength]] × elementSize.
            crate::step!("sec-istypedarrayoutofbounds", "7.b");
            let array_byte_length = array_length.saturating_mul(element_size);
            // c. Let byteOffsetEnd be byteOffsetStart + arrayByteLength.
            crate::step!("sec-istypedarrayoutofbounds", "7.c");
            byte_offset_start.saturating_add(array_byte_length)
        }
    };
    // 8. NOTE: A 0-length TypedArray whose [[ByteOffset]] is bufferByteLength is not
    //    considered out-of-bounds.
    crate::step!("sec-istypedarrayoutofbounds", "8");
    // 9. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength, return
    //    true.
    crate::step!("sec-istypedarrayoutofbounds", "9");
    if byte_offset_start > buffer_byte_length || byte_offset_end > buffer_byte_length {
        return true;
    }
    // 10. Return false.
    crate::step!("sec-istypedarrayoutofbounds", "10");
    false
}

/// IsTypedArrayFixedLength ( O ) (10.4.5.15).
pub fn is_typed_array_fixed_length(o: &Object) -> bool {
    let Some(slots) = typed_array_slots(o) else {
        return true;
    };
    // 1. If O.[[ArrayLength]] is auto, return false.
    crate::step!("sec-istypedarrayfixedlength", "1");
    if slots.array_length.is_none() {
        return false;
    }
    // 2. Let buffer be O.[[ViewedArrayBuffer]].
    crate::step!("sec-istypedarrayfixedlength", "2");
    let buffer = &slots.viewed_array_buffer;
    // 3. If IsFixedLengthArrayBuffer(buffer) is false and IsSharedArrayBuffer(buffer) is
    //    false, return false.
    crate::step!("sec-istypedarrayfixedlength", "3");
    if !is_fixed_length_array_buffer(buffer) && !is_shared_array_buffer(buffer) {
        return false;
    }
    // 4. Return true.
    crate::step!("sec-istypedarrayfixedlength", "4");
    true
}

/// IsValidIntegerIndex ( O, index ) (10.4.5.16).
pub fn is_valid_integer_index(o: &Object, index: f64) -> bool {
    valid_integer_index(o, index).is_some()
}

/// IsValidIntegerIndex's steps, returning the witness record and ℝ(index) when it is true
/// (what TypedArrayGetElement and TypedArraySetElement go on with).
fn valid_integer_index(o: &Object, index: f64) -> Option<(TypedArrayWithBufferWitness, usize)> {
    let slots = typed_array_slots(o)?;
    // 1. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return false.
    crate::step!("sec-isvalidintegerindex", "1");
    if is_detached_buffer(&slots.viewed_array_buffer) {
        return None;
    }
    // 2. If index is not an integral Number, return false.
    crate::step!("sec-isvalidintegerindex", "2");
    if !index.is_finite() || index.trunc() != index {
        return None;
    }
    // 3. If index is -0𝔽 or index < -0𝔽, return false.
    crate::step!("sec-isvalidintegerindex", "3");
    if index < 0.0 || (index == 0.0 && index.is_sign_negative()) {
        return None;
    }
    // 4. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, unordered).
    crate::step!("sec-isvalidintegerindex", "4");
    let ta_record = make_typed_array_with_buffer_witness_record(o, Order::Unordered)?;
    // 5. NOTE: Bounds checking is not a synchronizing operation when O's backing buffer is
    //    a growable SharedArrayBuffer.
    crate::step!("sec-isvalidintegerindex", "5");
    // 6. If IsTypedArrayOutOfBounds(taRecord) is true, return false.
    crate::step!("sec-isvalidintegerindex", "6");
    if is_typed_array_out_of_bounds(&ta_record) {
        return None;
    }
    // 7. Let length be TypedArrayLength(taRecord).
    crate::step!("sec-isvalidintegerindex", "7");
    let length = typed_array_length(&ta_record);
    // 8. If ℝ(index) ≥ length, return false.
    crate::step!("sec-isvalidintegerindex", "8");
    if index >= length as f64 {
        return None;
    }
    // 9. Return true.
    crate::step!("sec-isvalidintegerindex", "9");
    Some((ta_record, index as usize))
}

/// TypedArrayGetElement ( O, index ) (10.4.5.17).
pub fn typed_array_get_element(agent: &Agent, o: &Object, index: f64) -> Value {
    // 1. If IsValidIntegerIndex(O, index) is false, return undefined.
    crate::step!("sec-typedarraygetelement", "1");
    let Some((ta_record, index)) = valid_integer_index(o, index) else {
        return Value::Undefined;
    };
    let o = &ta_record.slots;
    // 2. Let offset be O.[[ByteOffset]].
    crate::step!("sec-typedarraygetelement", "2");
    let offset = o.byte_offset;
    // 3. Let elementSize be TypedArrayElementSize(O).
    crate::step!("sec-typedarraygetelement", "3");
    let element_size = o.element_size();
    // 4. Let byteIndexInBuffer be (ℝ(index) × elementSize) + offset.
    crate::step!("sec-typedarraygetelement", "4");
    let byte_index_in_buffer = index * element_size + offset;
    // 5. Let elementType be TypedArrayElementType(O).
    crate::step!("sec-typedarraygetelement", "5");
    let element_type = o.element_type();
    // 6. Return GetValueFromBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType,
    //    true, unordered).
    crate::step!("sec-typedarraygetelement", "6");
    get_value_from_buffer(
        agent,
        &o.viewed_array_buffer,
        byte_index_in_buffer,
        element_type,
        true,
        Order::Unordered,
        None,
    )
    .into()
}

/// TypedArraySetElement ( O, index, value ) (10.4.5.18).
pub fn typed_array_set_element(
    agent: &mut Agent,
    o: &Object,
    index: f64,
    value: &Value,
) -> JsResult<()> {
    let is_bigint = typed_array_slots(o).is_some_and(|s| s.is_bigint());
    // 1. If O.[[ContentType]] is bigint, let numValue be ? ToBigInt(value).
    crate::step!("sec-typedarraysetelement", "1");
    let num_value = if is_bigint {
        Numeric::BigInt(to_big_int(agent, value)?)
    } else {
        // 2. Otherwise, let numValue be ? ToNumber(value).
        crate::step!("sec-typedarraysetelement", "2");
        Numeric::Number(to_number(agent, value)?)
    };
    // 3. If IsValidIntegerIndex(O, index) is true, then
    crate::step!("sec-typedarraysetelement", "3");
    if let Some((ta_record, index)) = valid_integer_index(o, index) {
        let o = &ta_record.slots;
        // a. Let offset be O.[[ByteOffset]].
        crate::step!("sec-typedarraysetelement", "3.a");
        let offset = o.byte_offset;
        // b. Let elementSize be TypedArrayElementSize(O).
        crate::step!("sec-typedarraysetelement", "3.b");
        let element_size = o.element_size();
        // c. Let byteIndexInBuffer be (ℝ(index) × elementSize) + offset.
        crate::step!("sec-typedarraysetelement", "3.c");
        let byte_index_in_buffer = index * element_size + offset;
        // d. Let elementType be TypedArrayElementType(O).
        crate::step!("sec-typedarraysetelement", "3.d");
        let element_type = o.element_type();
        // e. Perform SetValueInBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer,
        //    elementType, numValue, true, unordered).
        crate::step!("sec-typedarraysetelement", "3.e");
        set_value_in_buffer(
            agent,
            &o.viewed_array_buffer,
            byte_index_in_buffer,
            element_type,
            &num_value,
            true,
            Order::Unordered,
            None,
        );
    }
    // 4. Return unused.
    crate::step!("sec-typedarraysetelement", "4");
    Ok(())
}

/// IsArrayBufferViewOutOfBounds ( O ) (10.4.5.19).
pub fn is_array_buffer_view_out_of_bounds(o: &Object) -> bool {
    // 1. If O has a [[DataView]] internal slot, then
    crate::step!("sec-isarraybufferviewoutofbounds", "1");
    if matches!(o.data().kind, ObjectKind::DataView(_)) {
        use super::builtins::data_view::{
            is_view_out_of_bounds, make_data_view_with_buffer_witness_record,
        };
        // a. Let viewRecord be MakeDataViewWithBufferWitnessRecord(O, seq-cst).
        crate::step!("sec-isarraybufferviewoutofbounds", "1.a");
        let view_record = make_data_view_with_buffer_witness_record(o, Order::SeqCst);
        // b. Return IsViewOutOfBounds(viewRecord).
        crate::step!("sec-isarraybufferviewoutofbounds", "1.b");
        return view_record.is_none_or(|r| is_view_out_of_bounds(&r));
    }
    // 2. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, seq-cst).
    crate::step!("sec-isarraybufferviewoutofbounds", "2");
    let ta_record = make_typed_array_with_buffer_witness_record(o, Order::SeqCst);
    // 3. Return IsTypedArrayOutOfBounds(taRecord).
    crate::step!("sec-isarraybufferviewoutofbounds", "3");
    ta_record.is_none_or(|r| is_typed_array_out_of_bounds(&r))
}
