//! 23.2 TypedArray Objects (sec-typedarray-objects): the element types of Table 71, the
//! %TypedArray% intrinsic object (23.2.1-23.2.2) and the abstract operations of 23.2.4.
//! The prototype's methods are in `typed_array_prototype.rs` (23.2.3), the constructors in
//! `typed_array_constructors.rs` (23.2.5-23.2.7), the exotic object in
//! `spec/typed_array_exotic_objects.rs` (10.4.5).

use super::array_buffer_abstract_operations::Order;
use super::helpers::{define_accessor, define_constructor, define_method};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::InternalSlot;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{get_iterator_from_method, iterator_to_list};
use crate::spec::operations_on_objects::{
    call as call_value, construct, get, get_method, index_key, length_of_array_like, set,
    species_constructor,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{to_number, to_object};
use crate::spec::typed_array_exotic_objects::{
    is_typed_array_out_of_bounds, make_typed_array_with_buffer_witness_record, typed_array_length,
    typed_array_slots, TypedArraySlots, TypedArrayWithBufferWitness,
};
use crate::spec::value::Value;
use std::cmp::Ordering;

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

/// The element type whose Table 71 row has the constructor name `name`.
pub fn element_type_of_name(name: &str) -> Option<ElementType> {
    ElementType::ALL
        .into_iter()
        .find(|t| t.constructor_name() == name)
}

/// %TypedArray% ( ) (23.2.1.1).
fn typed_array_constructor(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Throw a TypeError exception.
    Err(agent.type_error("%TypedArray% is an abstract class and cannot be constructed"))
}

/// %TypedArray%.from ( source [ , mapper [ , thisArg ] ] ) (23.2.2.1).
fn from(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let source = call.arg(0);
    let mapper = call.arg(1);
    let this_arg = call.arg(2);
    // 1. Let C be the this value.
    // 2. If IsConstructor(C) is false, throw a TypeError exception.
    let c = match call.this {
        Value::Object(c) if c.is_constructor() => c.clone(),
        _ => return Err(agent.type_error("%TypedArray%.from: the this value is not a constructor")),
    };
    // 3. If mapper is undefined, then
    //    a. Let mapping be false.
    // 4. Else,
    //    a. If IsCallable(mapper) is false, throw a TypeError exception.
    //    b. Let mapping be true.
    let mapping = !mapper.is_undefined();
    if mapping && !is_callable(&mapper) {
        return Err(agent.type_error("%TypedArray%.from: the mapper is not a function"));
    }
    // 5. Let usingIterator be ? GetMethod(source, %Symbol.iterator%).
    let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    let using_iterator = get_method(agent, &source, &iterator_key)?;
    // 6. If usingIterator is not undefined, then
    if let Some(using_iterator) = using_iterator {
        // a. Let values be ? IteratorToList(? GetIteratorFromMethod(source, usingIterator)).
        let mut record = get_iterator_from_method(agent, &source, &using_iterator)?;
        let values = iterator_to_list(agent, &mut record)?;
        // b. Let len be the number of elements in values.
        let len = values.len();
        // c. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
        let target_obj =
            typed_array_create_from_constructor(agent, &c, &[Value::Number(len as f64)])?;
        // d. Let k be 0.
        // e. Repeat, while k < len,
        for (k, k_value) in values.into_iter().enumerate() {
            // i. Let Pk be ! ToString(𝔽(k)).
            let pk = index_key(k as u64);
            // ii. Let kValue be the first element of values.
            // iii. Remove the first element from values.
            // iv. If mapping is true, then
            //     1. Let mappedValue be ? Call(mapper, thisArg, « kValue, 𝔽(k) »).
            // v. Else,
            //     1. Let mappedValue be kValue.
            let mapped_value = if mapping {
                call_value(
                    agent,
                    &mapper,
                    &this_arg,
                    &[k_value, Value::Number(k as f64)],
                )?
            } else {
                k_value
            };
            // vi. Perform ? Set(targetObj, Pk, mappedValue, true).
            set(agent, &target_obj, &pk, mapped_value, true)?;
            // vii. Set k to k + 1.
        }
        // f. Assert: values is now an empty List.
        // g. Return targetObj.
        return Ok(Value::Object(target_obj));
    }
    // 7. NOTE: source is not an iterable object, so assume it is already an array-like
    //    object.
    // 8. Let arrayLike be ! ToObject(source).
    let array_like = to_object(agent, &source)?;
    // 9. Let len be ? LengthOfArrayLike(arrayLike).
    let len = length_of_array_like(agent, &array_like)?;
    // 10. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let target_obj = typed_array_create_from_constructor(agent, &c, &[Value::Number(len as f64)])?;
    // 11. Let k be 0.
    // 12. Repeat, while k < len,
    for k in 0..len {
        // a. Let Pk be ! ToString(𝔽(k)).
        let pk = index_key(k);
        // b. Let kValue be ? Get(arrayLike, Pk).
        let k_value = get(agent, &array_like, &pk)?;
        // c. If mapping is true, then
        //    i. Let mappedValue be ? Call(mapper, thisArg, « kValue, 𝔽(k) »).
        // d. Else,
        //    i. Let mappedValue be kValue.
        let mapped_value = if mapping {
            call_value(
                agent,
                &mapper,
                &this_arg,
                &[k_value, Value::Number(k as f64)],
            )?
        } else {
            k_value
        };
        // e. Perform ? Set(targetObj, Pk, mappedValue, true).
        set(agent, &target_obj, &pk, mapped_value, true)?;
        // f. Set k to k + 1.
    }
    // 13. Return targetObj.
    Ok(Value::Object(target_obj))
}

/// %TypedArray%.of ( ...items ) (23.2.2.2).
fn of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let len be the number of elements in items.
    let len = call.args.len();
    // 2. Let C be the this value.
    // 3. If IsConstructor(C) is false, throw a TypeError exception.
    let c = match call.this {
        Value::Object(c) if c.is_constructor() => c.clone(),
        _ => return Err(agent.type_error("%TypedArray%.of: the this value is not a constructor")),
    };
    // 4. Let newObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let new_obj = typed_array_create_from_constructor(agent, &c, &[Value::Number(len as f64)])?;
    // 5. Let k be 0.
    // 6. Repeat, while k < len,
    for (k, k_value) in call.args.iter().enumerate() {
        // a. Let kValue be items[k].
        // b. Let Pk be ! ToString(𝔽(k)).
        // c. Perform ? Set(newObj, Pk, kValue, true).
        set(agent, &new_obj, &index_key(k as u64), k_value.clone(), true)?;
        // d. Set k to k + 1.
    }
    // 7. Return newObj.
    Ok(Value::Object(new_obj))
}

/// get %TypedArray% [ %Symbol.species% ] (23.2.2.4).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// TypedArrayCreateFromConstructor ( constructor, argumentList ) (23.2.4.1).
pub fn typed_array_create_from_constructor(
    agent: &mut Agent,
    constructor: &Object,
    argument_list: &[Value],
) -> JsResult<Object> {
    // 1. Let newTypedArray be ? Construct(constructor, argumentList).
    crate::step!("sec-typedarraycreatefromconstructor", "1");
    let new_typed_array = construct(agent, constructor, argument_list, None)?;
    // 2. Let taRecord be ? ValidateTypedArray(newTypedArray, seq-cst).
    crate::step!("sec-typedarraycreatefromconstructor", "2");
    let ta_record = validate_typed_array(
        agent,
        &Value::Object(new_typed_array.clone()),
        Order::SeqCst,
        "TypedArrayCreateFromConstructor",
    )?;
    // 3. Assert: newTypedArray has all the internal slots mentioned in 23.2.7.
    crate::spec_assert!(
        "sec-typedarraycreatefromconstructor",
        "3",
        by: "ValidateTypedArray (step 2) found its [[TypedArrayName]] and the other slots"
    );
    // 4. If the number of elements in argumentList is 1 and argumentList[0] is a Number,
    //    then
    crate::step!("sec-typedarraycreatefromconstructor", "4");
    if let [Value::Number(n)] = argument_list {
        // a. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        crate::step!("sec-typedarraycreatefromconstructor", "4.a");
        if is_typed_array_out_of_bounds(&ta_record) {
            return Err(agent.type_error("the constructed TypedArray is out of bounds"));
        }
        // b. Let length be TypedArrayLength(taRecord).
        crate::step!("sec-typedarraycreatefromconstructor", "4.b");
        let length = typed_array_length(&ta_record);
        // c. If length < ℝ(argumentList[0]), throw a TypeError exception.
        crate::step!("sec-typedarraycreatefromconstructor", "4.c");
        if (length as f64) < *n {
            return Err(agent.type_error(&format!(
                "the constructed TypedArray has {length} elements, fewer than the {n} asked for"
            )));
        }
    }
    // 5. Return newTypedArray.
    crate::step!("sec-typedarraycreatefromconstructor", "5");
    Ok(new_typed_array)
}

/// TypedArrayCreateSameType ( exemplar, length ) (23.2.4.2).
pub fn typed_array_create_same_type(
    agent: &mut Agent,
    exemplar: &TypedArraySlots,
    length: usize,
) -> JsResult<Object> {
    // 1. Let constructor be the intrinsic object associated with the constructor name
    //    exemplar.[[TypedArrayName]] in Table 71.
    crate::step!("sec-typedarray-create-same-type", "1");
    let constructor = agent.intrinsic(exemplar.typed_array_name.constructor_intrinsic());
    // 2. Let result be ? TypedArrayCreateFromConstructor(constructor, « 𝔽(length) »).
    crate::step!("sec-typedarray-create-same-type", "2");
    let result =
        typed_array_create_from_constructor(agent, &constructor, &[Value::Number(length as f64)])?;
    // 3. Assert: result has [[TypedArrayName]] and [[ContentType]] internal slots.
    crate::spec_assert!(
        "sec-typedarray-create-same-type",
        "3",
        typed_array_slots(&result).is_some()
    );
    // 4. Assert: result.[[ContentType]] is exemplar.[[ContentType]].
    crate::spec_assert!(
        "sec-typedarray-create-same-type",
        "4",
        typed_array_slots(&result).map(|r| r.is_bigint()) == Some(exemplar.is_bigint())
    );
    // 5. Return result.
    crate::step!("sec-typedarray-create-same-type", "5");
    Ok(result)
}

/// TypedArraySpeciesCreate ( exemplar, argumentList ) (23.2.4.3).
pub fn typed_array_species_create(
    agent: &mut Agent,
    exemplar: &Object,
    argument_list: &[Value],
) -> JsResult<Object> {
    let Some(slots) = typed_array_slots(exemplar) else {
        return Err(agent.type_error("not a TypedArray"));
    };
    // 1. Let defaultConstructor be the intrinsic object associated with the constructor
    //    name exemplar.[[TypedArrayName]] in Table 71.
    crate::step!("typedarray-species-create", "1");
    let default_constructor = agent.intrinsic(slots.typed_array_name.constructor_intrinsic());
    // 2. Let constructor be ? SpeciesConstructor(exemplar, defaultConstructor).
    crate::step!("typedarray-species-create", "2");
    let constructor = species_constructor(agent, exemplar, &default_constructor)?;
    // 3. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList).
    crate::step!("typedarray-species-create", "3");
    let result = typed_array_create_from_constructor(agent, &constructor, argument_list)?;
    // 4. If result.[[ContentType]] is not exemplar.[[ContentType]], throw a TypeError
    //    exception.
    crate::step!("typedarray-species-create", "4");
    if typed_array_slots(&result).map(|s| s.is_bigint()) != Some(slots.is_bigint()) {
        return Err(agent.type_error(
            "the species constructor made a TypedArray of the other content type (BigInt vs \
             Number)",
        ));
    }
    // 5. Return result.
    crate::step!("typedarray-species-create", "5");
    Ok(result)
}

/// ValidateTypedArray ( O, order ) (23.2.4.4). `method` names the caller for the error.
pub fn validate_typed_array(
    agent: &mut Agent,
    o: &Value,
    order: Order,
    method: &str,
) -> JsResult<TypedArrayWithBufferWitness> {
    // 1. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    crate::step!("sec-validatetypedarray", "1");
    let o = require_internal_slot(agent, o, InternalSlot::TypedArrayName, method)?;
    // 2. Assert: O has a [[ViewedArrayBuffer]] internal slot.
    crate::spec_assert!(
        "sec-validatetypedarray",
        "2",
        typed_array_slots(&o).is_some()
    );
    // 3. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, order).
    crate::step!("sec-validatetypedarray", "3");
    let Some(ta_record) = make_typed_array_with_buffer_witness_record(&o, order) else {
        return Err(agent.type_error(&format!("{method}: not a TypedArray")));
    };
    // 4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    crate::step!("sec-validatetypedarray", "4");
    if is_typed_array_out_of_bounds(&ta_record) {
        return Err(agent.type_error(&format!(
            "{method}: the TypedArray is out of its buffer's bounds (detached or shrunk)"
        )));
    }
    // 5. Return taRecord.
    crate::step!("sec-validatetypedarray", "5");
    Ok(ta_record)
}

/// CompareTypedArrayElements ( x, y, comparator ) (23.2.4.8).
pub fn compare_typed_array_elements(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    comparator: &Value,
) -> JsResult<f64> {
    // 1. Assert: x is a Number and y is a Number, or x is a BigInt and y is a BigInt.
    crate::spec_assert!(
        "sec-comparetypedarrayelements",
        "1",
        matches!(
            (x, y),
            (Value::Number(_), Value::Number(_)) | (Value::BigInt(_), Value::BigInt(_))
        )
    );
    // 2. If comparator is not undefined, then
    crate::step!("sec-comparetypedarrayelements", "2");
    if !comparator.is_undefined() {
        // a. Let v be ? ToNumber(? Call(comparator, undefined, « x, y »)).
        crate::step!("sec-comparetypedarrayelements", "2.a");
        let result = call_value(
            agent,
            comparator,
            &Value::Undefined,
            &[x.clone(), y.clone()],
        )?;
        let v = to_number(agent, &result)?;
        // b. If v is NaN, return +0𝔽.
        crate::step!("sec-comparetypedarrayelements", "2.b");
        if v.is_nan() {
            return Ok(0.0);
        }
        // c. Return v.
        crate::step!("sec-comparetypedarrayelements", "2.c");
        return Ok(v);
    }
    let x_is_nan = matches!(x, Value::Number(n) if n.is_nan());
    let y_is_nan = matches!(y, Value::Number(n) if n.is_nan());
    // 3. If x and y are both NaN, return +0𝔽.
    crate::step!("sec-comparetypedarrayelements", "3");
    if x_is_nan && y_is_nan {
        return Ok(0.0);
    }
    // 4. If x is NaN, return 1𝔽.
    crate::step!("sec-comparetypedarrayelements", "4");
    if x_is_nan {
        return Ok(1.0);
    }
    // 5. If y is NaN, return -1𝔽.
    crate::step!("sec-comparetypedarrayelements", "5");
    if y_is_nan {
        return Ok(-1.0);
    }
    let ordering = match (x, y) {
        (Value::BigInt(x), Value::BigInt(y)) => x.value().cmp(y.value()),
        (Value::Number(x), Value::Number(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    };
    // 6. If x < y, return -1𝔽.
    crate::step!("sec-comparetypedarrayelements", "6");
    if ordering == Ordering::Less {
        return Ok(-1.0);
    }
    // 7. If x > y, return 1𝔽.
    crate::step!("sec-comparetypedarrayelements", "7");
    if ordering == Ordering::Greater {
        return Ok(1.0);
    }
    let zeros = match (x, y) {
        (Value::Number(x), Value::Number(y)) if *x == 0.0 && *y == 0.0 => {
            Some((x.is_sign_negative(), y.is_sign_negative()))
        }
        _ => None,
    };
    // 8. If x is -0𝔽 and y is +0𝔽, return -1𝔽.
    crate::step!("sec-comparetypedarrayelements", "8");
    if zeros == Some((true, false)) {
        return Ok(-1.0);
    }
    // 9. If x is +0𝔽 and y is -0𝔽, return 1𝔽.
    crate::step!("sec-comparetypedarrayelements", "9");
    if zeros == Some((false, true)) {
        return Ok(1.0);
    }
    // 10. Return +0𝔽.
    crate::step!("sec-comparetypedarrayelements", "10");
    Ok(0.0)
}

/// Creates %TypedArray% (23.2.1-23.2.2) and %TypedArray.prototype% (23.2.3).
pub fn create_typed_array_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::TypedArrayPrototype, prototype.clone());
    // 23.2.2: "has a "name" property whose value is "TypedArray""; "The "length" property
    // of this function is +0𝔽".
    let constructor = define_constructor(
        agent,
        realm,
        Intrinsic::TypedArray,
        "TypedArray",
        0,
        typed_array_constructor,
        &prototype,
        None,
    );
    define_method(agent, &constructor, "from", 1, from);
    define_method(agent, &constructor, "of", 0, of);
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &constructor, species, Some(get_species), None);
    super::typed_array_prototype::define_typed_array_prototype(agent, realm, &prototype);
}
