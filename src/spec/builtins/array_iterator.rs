//! 23.1.5 Array Iterator Objects (sec-array-iterator-objects), %Iterator.prototype%'s
//! [%Symbol.iterator%] (27.1.4.12) and Array.prototype.values / keys / entries
//! (23.1.3.38, 23.1.3.19, 23.1.3.5).

use super::array_buffer_abstract_operations::Order;
use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{ArrayIteratorData, IterationKind, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::create_iterator_result_object;
use crate::spec::operations_on_objects::{
    create_array_from_list, get, index_key, length_of_array_like,
};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create_with;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::to_object;
use crate::spec::typed_array_exotic_objects::{
    is_typed_array_out_of_bounds, make_typed_array_with_buffer_witness_record, typed_array_length,
};
use crate::spec::value::Value;

/// CreateArrayIterator ( array, kind ) (23.1.5.1).
pub fn create_array_iterator(agent: &mut Agent, array: Value, kind: IterationKind) -> Object {
    // 1. Let iterator be OrdinaryObjectCreate(%ArrayIteratorPrototype%,
    //    « [[IteratedArrayLike]], [[ArrayLikeNextIndex]], [[ArrayLikeIterationKind]] »).
    // 2. Set iterator.[[IteratedArrayLike]] to array.
    // 3. Set iterator.[[ArrayLikeNextIndex]] to 0.
    // 4. Set iterator.[[ArrayLikeIterationKind]] to kind.
    // 5. Return iterator.
    let proto = agent.intrinsic(Intrinsic::ArrayIteratorPrototype);
    ordinary_object_create_with(
        Some(proto),
        ObjectKind::ArrayIterator(Box::new(ArrayIteratorData {
            iterated: Some(array),
            next_index: 0,
            kind,
        })),
    )
}

/// %ArrayIteratorPrototype%.next ( ) (23.1.5.2.1).
fn next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("%ArrayIteratorPrototype%.next called on a non-object"));
    };
    // 3. If O does not have all of the internal slots of an Array Iterator Instance
    //    (23.1.5.3), throw a TypeError exception.
    let state = match &o.data().kind {
        ObjectKind::ArrayIterator(d) => Some((d.iterated.clone(), d.next_index, d.kind)),
        _ => None,
    };
    let Some((iterated, index, kind)) = state else {
        return Err(
            agent.type_error("%ArrayIteratorPrototype%.next called on an incompatible receiver")
        );
    };
    // 4. Let array be O.[[IteratedArrayLike]].
    // 5. If array is undefined, return CreateIteratorResultObject(undefined, true).
    let Some(array) = iterated else {
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    };
    // 6. Let index be O.[[ArrayLikeNextIndex]].
    // 7. Let kind be O.[[ArrayLikeIterationKind]].
    let array_obj = to_object(agent, &array)?;
    // 8. If array has a [[TypedArrayName]] internal slot, then
    let len = if matches!(array_obj.data().kind, ObjectKind::TypedArray(_)) {
        // a. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(array, seq-cst).
        let ta_record = make_typed_array_with_buffer_witness_record(&array_obj, Order::SeqCst);
        match ta_record {
            // b. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
            Some(r) if is_typed_array_out_of_bounds(&r) => {
                return Err(agent.type_error(
                    "%ArrayIteratorPrototype%.next: the TypedArray is out of its buffer's \
                     bounds",
                ));
            }
            // c. Let len be TypedArrayLength(taRecord).
            Some(r) => typed_array_length(&r) as u64,
            None => 0,
        }
    } else {
        // 9. Else,
        //    a. Let len be ? LengthOfArrayLike(array).
        length_of_array_like(agent, &array_obj)?
    };
    // 10. If index ≥ len, then
    if index >= len {
        // a. Set O.[[IteratedArrayLike]] to undefined.
        if let ObjectKind::ArrayIterator(d) = &mut o.data_mut().kind {
            d.iterated = None;
        }
        // b. Return CreateIteratorResultObject(undefined, true).
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    }
    // 11. Set O.[[ArrayLikeNextIndex]] to index + 1.
    if let ObjectKind::ArrayIterator(d) = &mut o.data_mut().kind {
        d.next_index = index + 1;
    }
    // 12. Let indexNumber be 𝔽(index).
    let result = match kind {
        // 13. If kind is key, then
        //     a. Let result be indexNumber.
        IterationKind::Key => Value::Number(index as f64),
        _ => {
            // 14. Else,
            //     a. Let elementKey be ! ToString(indexNumber).
            //     b. Let elementValue be ? Get(array, elementKey).
            let element_value = get(agent, &array_obj, &index_key(index))?;
            if kind == IterationKind::Value {
                // c. If kind is value, then
                //    i. Let result be elementValue.
                element_value
            } else {
                // d. Else,
                //    i. Assert: kind is key+value.
                //    ii. Let result be CreateArrayFromList(« indexNumber, elementValue »).
                Value::Object(create_array_from_list(
                    agent,
                    vec![Value::Number(index as f64), element_value],
                ))
            }
        }
    };
    // 15. Return CreateIteratorResultObject(result, false).
    Ok(Value::Object(create_iterator_result_object(
        agent, result, false,
    )))
}

fn array_iterator_method(
    agent: &mut Agent,
    call: &BuiltinCall,
    kind: IterationKind,
) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Return CreateArrayIterator(O, kind).
    Ok(Value::Object(create_array_iterator(
        agent,
        Value::Object(o),
        kind,
    )))
}

/// Array.prototype.values ( ) (23.1.3.38).
fn values(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    array_iterator_method(agent, call, IterationKind::Value)
}

/// Array.prototype.keys ( ) (23.1.3.19).
fn keys(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    array_iterator_method(agent, call, IterationKind::Key)
}

/// Array.prototype.entries ( ) (23.1.3.5).
fn entries(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    array_iterator_method(agent, call, IterationKind::KeyValue)
}

/// %Iterator.prototype% [ %Symbol.iterator% ] ( ) (27.1.4.12).
fn iterator_prototype_iterator(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// Creates %Iterator.prototype%'s [%Symbol.iterator%], %ArrayIteratorPrototype% and the
/// iterator methods of %Array.prototype% (with %Array.prototype.values% also its
/// [%Symbol.iterator%]).
pub fn create_array_iterator_intrinsics(agent: &mut Agent, realm: &Realm) {
    let iterator_prototype = realm.intrinsic(Intrinsic::IteratorPrototype);
    let iterator_key = PropertyKey::Symbol(agent.well_known.iterator.clone());
    define_method(
        agent,
        &iterator_prototype,
        iterator_key.clone(),
        0,
        iterator_prototype_iterator,
    );
    let array_iterator_prototype = realm.intrinsic(Intrinsic::ArrayIteratorPrototype);
    define_method(agent, &array_iterator_prototype, "next", 0, next);
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &array_iterator_prototype,
        tag,
        Value::string("Array Iterator"),
        false,
        false,
        true,
    );
    let array_prototype = realm.intrinsic(Intrinsic::ArrayPrototype);
    define_method(agent, &array_prototype, "entries", 0, entries);
    define_method(agent, &array_prototype, "keys", 0, keys);
    let values = define_method(agent, &array_prototype, "values", 0, values);
    define_value(
        &array_prototype,
        iterator_key,
        Value::Object(values.clone()),
        true,
        false,
        true,
    );
    realm.set_intrinsic(Intrinsic::ArrayPrototypeValues, values);
}
