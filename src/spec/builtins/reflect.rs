//! 28.1 The Reflect Object (sec-reflect-object): an ordinary object whose [[Prototype]] is
//! %Object.prototype%, not a function object, with one function per essential internal
//! method.

use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    call_object, construct as construct_object, create_array_from_list, create_list_from_array_like,
};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::property_descriptor::{from_property_descriptor, to_property_descriptor};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::type_conversion::to_property_key;
use crate::spec::value::Value;

/// "If target is not an Object, throw a TypeError exception."
fn target_object(agent: &mut Agent, call: &BuiltinCall, what: &str) -> JsResult<Object> {
    match call.arg(0) {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error(&format!("Reflect.{what} called on a non-object"))),
    }
}

/// Reflect.apply ( target, thisArgument, argumentsList ) (28.1.1).
fn apply(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If IsCallable(target) is false, throw a TypeError exception.
    let target = match call.arg(0) {
        Value::Object(o) if o.is_callable() => o,
        _ => return Err(agent.type_error("Reflect.apply target is not a function")),
    };
    // 2. Let args be ? CreateListFromArrayLike(argumentsList).
    let args = create_list_from_array_like(agent, &call.arg(2), false)?;
    // 3. Perform PrepareForTailCall().
    // 4. Return ? Call(target, thisArgument, args).
    call_object(agent, &target, &call.arg(1), &args)
}

/// Reflect.construct ( target, argumentsList [ , newTarget ] ) (28.1.2).
fn construct(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If IsConstructor(target) is false, throw a TypeError exception.
    let target = match call.arg(0) {
        Value::Object(o) if o.is_constructor() => o,
        _ => return Err(agent.type_error("Reflect.construct target is not a constructor")),
    };
    // 2. If newTarget is not present, set newTarget to target.
    // 3. Else if IsConstructor(newTarget) is false, throw a TypeError exception.
    let new_target = if call.args.len() < 3 {
        target.clone()
    } else {
        match call.arg(2) {
            Value::Object(o) if o.is_constructor() => o,
            _ => return Err(agent.type_error("Reflect.construct newTarget is not a constructor")),
        }
    };
    // 4. Let args be ? CreateListFromArrayLike(argumentsList).
    let args = create_list_from_array_like(agent, &call.arg(1), false)?;
    // 5. Return ? Construct(target, args, newTarget).
    Ok(Value::Object(construct_object(
        agent,
        &target,
        &args,
        Some(&new_target),
    )?))
}

/// Reflect.defineProperty ( target, propertyKey, attributes ) (28.1.3).
fn define_property(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "defineProperty")?;
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Let desc be ? ToPropertyDescriptor(attributes).
    let desc = to_property_descriptor(agent, &call.arg(2))?;
    // 4. Return ? target.[[DefineOwnProperty]](key, desc).
    Ok(Value::Boolean(
        target.define_own_property(agent, &key, desc)?,
    ))
}

/// Reflect.deleteProperty ( target, propertyKey ) (28.1.4).
fn delete_property(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "deleteProperty")?;
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Return ? target.[[Delete]](key).
    Ok(Value::Boolean(target.delete(agent, &key)?))
}

/// Reflect.get ( target, propertyKey [ , receiver ] ) (28.1.5).
fn get(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "get")?;
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. If receiver is not present, then
    //    a. Set receiver to target.
    let receiver = if call.args.len() < 3 {
        Value::Object(target.clone())
    } else {
        call.arg(2)
    };
    // 4. Return ? target.[[Get]](key, receiver).
    target.get(agent, &key, &receiver)
}

/// Reflect.getOwnPropertyDescriptor ( target, propertyKey ) (28.1.6).
fn get_own_property_descriptor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "getOwnPropertyDescriptor")?;
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Let desc be ? target.[[GetOwnProperty]](key).
    let desc = target.get_own_property(agent, &key)?;
    // 4. Return FromPropertyDescriptor(desc).
    Ok(from_property_descriptor(agent, desc.as_ref()))
}

/// Reflect.getPrototypeOf ( target ) (28.1.7).
fn get_prototype_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "getPrototypeOf")?;
    // 2. Return ? target.[[GetPrototypeOf]]().
    Ok(target.get_prototype_of(agent)?.into())
}

/// Reflect.has ( target, propertyKey ) (28.1.8).
fn has(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "has")?;
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Return ? target.[[HasProperty]](key).
    Ok(Value::Boolean(target.has_property(agent, &key)?))
}

/// Reflect.isExtensible ( target ) (28.1.9).
fn is_extensible(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "isExtensible")?;
    // 2. Return ? target.[[IsExtensible]]().
    Ok(Value::Boolean(target.is_extensible(agent)?))
}

/// Reflect.ownKeys ( target ) (28.1.10).
fn own_keys(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "ownKeys")?;
    // 2. Let keys be ? target.[[OwnPropertyKeys]]().
    let keys = target.own_property_keys(agent)?;
    // 3. Return CreateArrayFromList(keys).
    let keys = keys.iter().map(PropertyKey::to_value).collect();
    Ok(Value::Object(create_array_from_list(agent, keys)))
}

/// Reflect.preventExtensions ( target ) (28.1.11).
fn prevent_extensions(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "preventExtensions")?;
    // 2. Return ? target.[[PreventExtensions]]().
    Ok(Value::Boolean(target.prevent_extensions(agent)?))
}

/// Reflect.set ( target, propertyKey, V [ , receiver ] ) (28.1.12).
fn set(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "set")?;
    // 2. Let key be ? ToPropertyKey(propertyKey).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. If receiver is not present, then
    //    a. Set receiver to target.
    let receiver = if call.args.len() < 4 {
        Value::Object(target.clone())
    } else {
        call.arg(3)
    };
    // 4. Return ? target.[[Set]](key, V, receiver).
    Ok(Value::Boolean(target.set(
        agent,
        &key,
        call.arg(2),
        &receiver,
    )?))
}

/// Reflect.setPrototypeOf ( target, proto ) (28.1.13).
fn set_prototype_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If target is not an Object, throw a TypeError exception.
    let target = target_object(agent, call, "setPrototypeOf")?;
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    let proto = match call.arg(1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Err(agent.type_error("Object prototype may only be an Object or null")),
    };
    // 3. Return ? target.[[SetPrototypeOf]](proto).
    Ok(Value::Boolean(target.set_prototype_of(agent, proto)?))
}

/// Creates %Reflect% (28.1): "is an ordinary object", "has a [[Prototype]] internal slot
/// whose value is %Object.prototype%".
pub fn create_reflect_intrinsics(agent: &mut Agent, realm: &Realm) {
    let reflect = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    let functions: &[(&str, u32, Behaviour)] = &[
        ("apply", 3, apply),
        ("construct", 2, construct),
        ("defineProperty", 3, define_property),
        ("deleteProperty", 2, delete_property),
        ("get", 2, get),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getPrototypeOf", 1, get_prototype_of),
        ("has", 2, has),
        ("isExtensible", 1, is_extensible),
        ("ownKeys", 1, own_keys),
        ("preventExtensions", 1, prevent_extensions),
        ("set", 3, set),
        ("setPrototypeOf", 2, set_prototype_of),
    ];
    for &(name, length, behaviour) in functions {
        define_method(agent, &reflect, name, length, behaviour);
    }
    // 28.1.14 Reflect [ %Symbol.toStringTag% ]: "Reflect", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&reflect, tag, Value::string("Reflect"), false, false, true);
    realm.set_intrinsic(Intrinsic::Reflect, reflect);
}
