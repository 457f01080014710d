//! 27.1.3 Iterator Objects (sec-iterator-objects): the abstract Iterator constructor,
//! Iterator.prototype, and the "constructor" and %Symbol.toStringTag% accessors of
//! %Iterator.prototype% (27.1.4.1, 27.1.4.14) with SetterThatIgnoresPrototypeProperties
//! (7.3.36). Iterator.from and the iterator helper methods are not written yet;
//! %Iterator.prototype% [ %Symbol.iterator% ] is in array_iterator.rs.

use super::helpers::{define_accessor, define_constructor};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{create_data_property_or_throw, set};
use crate::spec::ordinary_object_internal_methods::ordinary_create_from_constructor;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// Iterator ( ) (27.1.3.1.1).
fn iterator_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is either undefined or the active function object, throw a TypeError
    //    exception.
    let new_target = match call.new_target {
        Some(new_target) if new_target != call.callee => new_target,
        _ => {
            return Err(agent
                .type_error("Iterator is an abstract class: construct a subclass of it instead"))
        }
    };
    // 2. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Iterator.prototype%").
    Ok(Value::Object(ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::IteratorPrototype,
        ObjectKind::Ordinary,
    )?))
}

/// SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v ) (7.3.36).
pub fn setter_that_ignores_prototype_properties(
    agent: &mut Agent,
    this_value: &Value,
    home: &Object,
    p: &PropertyKey,
    v: Value,
) -> JsResult<()> {
    // 1. If thisValue is not an Object, then
    //    a. Throw a TypeError exception.
    let Value::Object(this_value) = this_value else {
        return Err(agent.type_error(&format!("cannot set {p} on a non-object")));
    };
    // 2. If SameValue(thisValue, home) is true, then
    //    a. NOTE: Throwing here emulates assignment to a non-writable data property on the
    //       home object in strict mode code.
    //    b. Throw a TypeError exception.
    if this_value == home {
        return Err(agent.type_error(&format!("cannot assign to read only property '{p}'")));
    }
    // 3. Let desc be ? thisValue.[[GetOwnProperty]](p).
    let desc = this_value.get_own_property(agent, p)?;
    if desc.is_none() {
        // 4. If desc is undefined, then
        //    a. Perform ? CreateDataPropertyOrThrow(thisValue, p, v).
        create_data_property_or_throw(agent, this_value, p, v)?;
    } else {
        // 5. Else,
        //    a. Perform ? Set(thisValue, p, v, true).
        set(agent, this_value, p, v, true)?;
    }
    // 6. Return unused.
    Ok(())
}

/// get Iterator.prototype.constructor (27.1.4.1.1).
fn get_constructor(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return %Iterator%.
    Ok(Value::Object(agent.intrinsic(Intrinsic::Iterator)))
}

/// set Iterator.prototype.constructor (27.1.4.1.2).
fn set_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Perform ? SetterThatIgnoresPrototypeProperties(this value, %Iterator.prototype%,
    //    "constructor", v).
    let home = agent.intrinsic(Intrinsic::IteratorPrototype);
    setter_that_ignores_prototype_properties(
        agent,
        call.this,
        &home,
        &"constructor".into(),
        call.arg(0),
    )?;
    // 2. Return undefined.
    Ok(Value::Undefined)
}

/// get Iterator.prototype [ %Symbol.toStringTag% ] (27.1.4.14.1).
fn get_to_string_tag(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return "Iterator".
    Ok(Value::string("Iterator"))
}

/// set Iterator.prototype [ %Symbol.toStringTag% ] (27.1.4.14.2).
fn set_to_string_tag(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Perform ? SetterThatIgnoresPrototypeProperties(this value, %Iterator.prototype%,
    //    %Symbol.toStringTag%, v).
    let home = agent.intrinsic(Intrinsic::IteratorPrototype);
    let key = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    setter_that_ignores_prototype_properties(agent, call.this, &home, &key, call.arg(0))?;
    // 2. Return undefined.
    Ok(Value::Undefined)
}

/// Creates %Iterator% (27.1.3.1: "is designed to be subclassable"; 27.1.3.2: its
/// [[Prototype]] is %Function.prototype%, Iterator.prototype is { [[Writable]]: false,
/// [[Enumerable]]: false, [[Configurable]]: false }) and the accessors of
/// %Iterator.prototype%.
pub fn create_iterator_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::IteratorPrototype);
    define_constructor(
        agent,
        realm,
        Intrinsic::Iterator,
        "Iterator",
        0,
        iterator_constructor,
        &prototype,
        None,
    );
    // 27.1.4.1 Iterator.prototype.constructor: "an accessor property with attributes
    // { [[Enumerable]]: false, [[Configurable]]: true }" (replacing the data property
    // define_constructor made).
    define_accessor(
        agent,
        &prototype,
        "constructor",
        Some(get_constructor),
        Some(set_constructor),
    );
    // 27.1.4.14 Iterator.prototype [ %Symbol.toStringTag% ]: likewise an accessor.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_accessor(
        agent,
        &prototype,
        tag,
        Some(get_to_string_tag),
        Some(set_to_string_tag),
    );
}
