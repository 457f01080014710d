//! 23.2 TypedArray Objects (sec-typedarray-objects): the element types of Table 71, the
//! %TypedArray% intrinsic object (23.2.1-23.2.2) and the abstract operations of 23.2.4.
//! The prototype's methods are in `typed_array_prototype.rs` (23.2.3), the constructors in
//! `typed_array_constructors.rs` (23.2.5-23.2.7), the exotic object in
//! `spec/typed_array_exotic_objects.rs` (10.4.5).

use crate::spec::realms::Intrinsic;

/// A TypedArray element type (Table 71): the rows of the table, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementType {
    Int8,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    BigInt64,
    BigUint64,
    Float16,
    Float32,
    Float64,
}

impl ElementType {
    /// Every element type, in Table 71's order.
    pub const ALL: [ElementType; 12] = [
        ElementType::Int8,
        ElementType::Uint8,
        ElementType::Uint8Clamped,
        ElementType::Int16,
        ElementType::Uint16,
        ElementType::Int32,
        ElementType::Uint32,
        ElementType::BigInt64,
        ElementType::BigUint64,
        ElementType::Float16,
        ElementType::Float32,
        ElementType::Float64,
    ];

    /// The Element Size column.
    pub fn element_size(self) -> usize {
        match self {
            ElementType::Int8 | ElementType::Uint8 | ElementType::Uint8Clamped => 1,
            ElementType::Int16 | ElementType::Uint16 | ElementType::Float16 => 2,
            ElementType::Int32 | ElementType::Uint32 | ElementType::Float32 => 4,
            ElementType::BigInt64 | ElementType::BigUint64 | ElementType::Float64 => 8,
        }
    }

    /// The Constructor Name column ([[TypedArrayName]]).
    pub fn constructor_name(self) -> &'static str {
        match self {
            ElementType::Int8 => "Int8Array",
            ElementType::Uint8 => "Uint8Array",
            ElementType::Uint8Clamped => "Uint8ClampedArray",
            ElementType::Int16 => "Int16Array",
            ElementType::Uint16 => "Uint16Array",
            ElementType::Int32 => "Int32Array",
            ElementType::Uint32 => "Uint32Array",
            ElementType::BigInt64 => "BigInt64Array",
            ElementType::BigUint64 => "BigUint64Array",
            ElementType::Float16 => "Float16Array",
            ElementType::Float32 => "Float32Array",
            ElementType::Float64 => "Float64Array",
        }
    }

    /// The element type's name as the spec writes it (~int8~, ...), for messages.
    pub fn spec_name(self) -> &'static str {
        match self {
            ElementType::Int8 => "int8",
            ElementType::Uint8 => "uint8",
            ElementType::Uint8Clamped => "uint8clamped",
            ElementType::Int16 => "int16",
            ElementType::Uint16 => "uint16",
            ElementType::Int32 => "int32",
            ElementType::Uint32 => "uint32",
            ElementType::BigInt64 => "bigint64",
            ElementType::BigUint64 => "biguint64",
            ElementType::Float16 => "float16",
            ElementType::Float32 => "float32",
            ElementType::Float64 => "float64",
        }
    }

    /// The Intrinsic column: the constructor.
    pub fn constructor_intrinsic(self) -> Intrinsic {
        match self {
            ElementType::Int8 => Intrinsic::Int8Array,
            ElementType::Uint8 => Intrinsic::Uint8Array,
            ElementType::Uint8Clamped => Intrinsic::Uint8ClampedArray,
            ElementType::Int16 => Intrinsic::Int16Array,
            ElementType::Uint16 => Intrinsic::Uint16Array,
            ElementType::Int32 => Intrinsic::Int32Array,
            ElementType::Uint32 => Intrinsic::Uint32Array,
            ElementType::BigInt64 => Intrinsic::BigInt64Array,
            ElementType::BigUint64 => Intrinsic::BigUint64Array,
            ElementType::Float16 => Intrinsic::Float16Array,
            ElementType::Float32 => Intrinsic::Float32Array,
            ElementType::Float64 => Intrinsic::Float64Array,
        }
    }

    /// %TypedArray.prototype% of the constructor: the intrinsic "%Int8Array.prototype%".
    pub fn prototype_intrinsic(self) -> Intrinsic {
        match self {
            ElementType::Int8 => Intrinsic::Int8ArrayPrototype,
            ElementType::Uint8 => Intrinsic::Uint8ArrayPrototype,
            ElementType::Uint8Clamped => Intrinsic::Uint8ClampedArrayPrototype,
            ElementType::Int16 => Intrinsic::Int16ArrayPrototype,
            ElementType::Uint16 => Intrinsic::Uint16ArrayPrototype,
            ElementType::Int32 => Intrinsic::Int32ArrayPrototype,
            ElementType::Uint32 => Intrinsic::Uint32ArrayPrototype,
            ElementType::BigInt64 => Intrinsic::BigInt64ArrayPrototype,
            ElementType::BigUint64 => Intrinsic::BigUint64ArrayPrototype,
            ElementType::Float16 => Intrinsic::Float16ArrayPrototype,
            ElementType::Float32 => Intrinsic::Float32ArrayPrototype,
            ElementType::Float64 => Intrinsic::Float64ArrayPrototype,
        }
    }

    /// The [[ContentType]] of a TypedArray of this type: whether it is ~bigint~.
    pub fn is_bigint(self) -> bool {
        super::array_buffer_abstract_operations::is_big_int_element_type(self)
    }
}
