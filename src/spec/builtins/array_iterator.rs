//! 23.1.5 Array Iterator Objects (sec-array-iterator-objects), %Iterator.prototype%'s
//! [%Symbol.iterator%] (27.1.4.12) and Array.prototype.values / keys / entries
//! (23.1.3.38, 23.1.3.19, 23.1.3.5).

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
    let Value::Object(o) = call.this else {
        return Err(agent.type_error("%ArrayIteratorPrototype%.next called on a non-object"));
    };
    let state = match &o.data().kind {
        ObjectKind::ArrayIterator(d) => Some((d.iterated.clone(), d.next_index, d.kind)),
        _ => None,
    };
    let Some((iterated, index, kind)) = state else {
        return Err(
            agent.type_error("%ArrayIteratorPrototype%.next called on an incompatible receiver")
        );
    };
    let Some(array) = iterated else {
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    };
    // Closure steps: a. Let len be ? LengthOfArrayLike(array) (TypedArrays come later).
    let array_obj = to_object(agent, &array)?;
    let len = length_of_array_like(agent, &array_obj)?;
    // b. If index ≥ len, return NormalCompletion(undefined) (the iterator is done).
    if index >= len {
        if let ObjectKind::ArrayIterator(d) = &mut o.data_mut().kind {
            d.iterated = None;
        }
        return Ok(Value::Object(create_iterator_result_object(
            agent,
            Value::Undefined,
            true,
        )));
    }
    // c. Let indexNumber be 𝔽(index). d. Set index to index + 1.
    if let ObjectKind::ArrayIterator(d) = &mut o.data_mut().kind {
        d.next_index = index + 1;
    }
    let result = match kind {
        // e. If kind is ~key~, let result be indexNumber.
        IterationKind::Key => Value::Number(index as f64),
        _ => {
            // f. Else, i. Let elementKey be ! ToString(indexNumber).
            //    ii. Let elementValue be ? Get(array, elementKey).
            let element_value = get(agent, &array_obj, &index_key(index))?;
            if kind == IterationKind::Value {
                // iii. If kind is ~value~, let result be elementValue.
                element_value
            } else {
                // iv. Else, 1. Assert: kind is ~key+value~.
                //     2. Let result be CreateArrayFromList(« indexNumber, elementValue »).
                Value::Object(create_array_from_list(
                    agent,
                    vec![Value::Number(index as f64), element_value],
                ))
            }
        }
    };
    // g. Perform ? GeneratorYield(CreateIteratorResultObject(result, false)).
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
