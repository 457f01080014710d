//! 20.1 Object Objects (sec-object-objects): the Object constructor, its static methods
//! and %Object.prototype%.

use super::helpers::{define_constructor, define_method};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    create_array_from_list, define_property_or_throw, enumerable_own_properties, get,
    has_own_property, set_integrity_level, test_integrity_level, EnumerableKind, IntegrityLevel,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create,
};
use crate::spec::property_descriptor::{from_property_descriptor, to_property_descriptor};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::{is_array, same_value};
use crate::spec::type_conversion::{to_object, to_property_key};
use crate::spec::value::Value;

/// Object ( [ value ] ) (20.1.1.1).
fn object_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is neither undefined nor the active function object, then
    //    a. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Object.prototype%").
    if let Some(new_target) = call.new_target {
        if new_target != call.callee {
            let o = ordinary_create_from_constructor(
                agent,
                new_target,
                Intrinsic::ObjectPrototype,
                ObjectKind::Ordinary,
            )?;
            return Ok(Value::Object(o));
        }
    }
    // 2. If value is either undefined or null, return OrdinaryObjectCreate(%Object.prototype%).
    let value = call.arg(0);
    if value.is_nullish() {
        return Ok(Value::Object(agent.ordinary_object()));
    }
    // 3. Return ! ToObject(value).
    Ok(Value::Object(to_object(agent, &value)?))
}

fn object_arg(agent: &mut Agent, v: &Value, what: &str) -> JsResult<Object> {
    match v {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(agent.type_error(&format!("{what} called on a non-object"))),
    }
}

/// Object.defineProperty ( O, P, Attributes ) (20.1.2.4).
fn define_property(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If O is not an Object, throw a TypeError exception.
    let o = object_arg(agent, &call.arg(0), "Object.defineProperty")?;
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Let desc be ? ToPropertyDescriptor(Attributes).
    let desc = to_property_descriptor(agent, &call.arg(2))?;
    // 4. Perform ? DefinePropertyOrThrow(O, key, desc).
    define_property_or_throw(agent, &o, &key, desc)?;
    // 5. Return O.
    Ok(Value::Object(o))
}

/// Object.getOwnPropertyDescriptor ( O, P ) (20.1.2.8).
fn get_own_property_descriptor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Let desc be ? obj.[[GetOwnProperty]](key).
    let desc = obj.get_own_property(agent, &key)?;
    // 4. Return FromPropertyDescriptor(desc).
    Ok(from_property_descriptor(agent, desc.as_ref()))
}

/// GetOwnPropertyKeys ( O, type ) (20.1.2.11.1).
fn get_own_property_keys(agent: &mut Agent, o: &Value, symbols: bool) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, o)?;
    // 2. Let keys be ? obj.[[OwnPropertyKeys]]().
    let keys = obj.own_property_keys(agent)?;
    // 3. Let nameList be a new empty List.
    // 4. For each element nextKey of keys, do
    //    a. If nextKey is a Symbol and type is ~symbol~, or if nextKey is a String and type
    //       is ~string~, then i. Append nextKey to nameList.
    let name_list: Vec<Value> = keys
        .into_iter()
        .filter(|k| k.is_symbol() == symbols)
        .map(|k| k.to_value())
        .collect();
    // 5. Return CreateArrayFromList(nameList).
    Ok(Value::Object(create_array_from_list(agent, name_list)))
}

/// Object.getOwnPropertyNames ( O ) (20.1.2.10).
fn get_own_property_names(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? GetOwnPropertyKeys(O, ~string~).
    get_own_property_keys(agent, &call.arg(0), false)
}

/// Object.getOwnPropertySymbols ( O ) (20.1.2.11).
fn get_own_property_symbols(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? GetOwnPropertyKeys(O, ~symbol~).
    get_own_property_keys(agent, &call.arg(0), true)
}

/// Object.getPrototypeOf ( O ) (20.1.2.12).
fn get_prototype_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Return ? obj.[[GetPrototypeOf]]().
    Ok(obj.get_prototype_of(agent)?.into())
}

/// Object.setPrototypeOf ( O, proto ) (20.1.2.23).
fn set_prototype_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let o = call.arg(0);
    // 1. Set O to ? RequireObjectCoercible(O).
    crate::spec::testing_and_comparison::require_object_coercible(agent, &o)?;
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
    let proto = match call.arg(1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Err(agent.type_error("Object prototype may only be an Object or null")),
    };
    // 3. If O is not an Object, return O.
    let Value::Object(obj) = &o else {
        return Ok(o);
    };
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    // 5. If status is false, throw a TypeError exception.
    if !obj.set_prototype_of(agent, proto)? {
        return Err(agent.type_error("cannot set prototype"));
    }
    // 6. Return O.
    Ok(o)
}

/// Object.create ( O, Properties ) (20.1.2.2).
fn create(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If O is not an Object and O is not null, throw a TypeError exception.
    let proto = match call.arg(0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Err(agent.type_error("Object prototype may only be an Object or null")),
    };
    // 2. Let obj be OrdinaryObjectCreate(O).
    let obj = ordinary_object_create(proto);
    // 3. If Properties is not undefined, then
    //    a. Return ? ObjectDefineProperties(obj, Properties).
    let properties = call.arg(1);
    if !properties.is_undefined() {
        object_define_properties(agent, &obj, &properties)?;
    }
    // 4. Return obj.
    Ok(Value::Object(obj))
}

/// Object.defineProperties ( O, Properties ) (20.1.2.3).
fn define_properties(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If O is not an Object, throw a TypeError exception.
    let o = object_arg(agent, &call.arg(0), "Object.defineProperties")?;
    // 2. Return ? ObjectDefineProperties(O, Properties).
    object_define_properties(agent, &o, &call.arg(1))?;
    Ok(Value::Object(o))
}

/// ObjectDefineProperties ( O, Properties ) (20.1.2.3.1).
fn object_define_properties(agent: &mut Agent, o: &Object, properties: &Value) -> JsResult<()> {
    // 1. Let props be ? ToObject(Properties).
    let props = to_object(agent, properties)?;
    // 2. Let keys be ? props.[[OwnPropertyKeys]]().
    let keys = props.own_property_keys(agent)?;
    // 3. Let descriptors be a new empty List.
    let mut descriptors = Vec::new();
    // 4. For each element nextKey of keys, do
    for next_key in keys {
        // a. Let propDesc be ? props.[[GetOwnProperty]](nextKey).
        // b. If propDesc is not undefined and propDesc.[[Enumerable]] is true, then
        if let Some(prop_desc) = props.get_own_property(agent, &next_key)? {
            if prop_desc.enumerable == Some(true) {
                // i. Let descObj be ? Get(props, nextKey).
                let desc_obj = get(agent, &props, &next_key)?;
                // ii. Let desc be ? ToPropertyDescriptor(descObj).
                let desc = to_property_descriptor(agent, &desc_obj)?;
                // iii. Append the Record { [[Key]]: nextKey, [[Descriptor]]: desc } to
                //      descriptors.
                descriptors.push((next_key, desc));
            }
        }
    }
    // 5. For each element property of descriptors, do
    //    a. Perform ? DefinePropertyOrThrow(O, property.[[Key]], property.[[Descriptor]]).
    for (key, desc) in descriptors {
        define_property_or_throw(agent, o, &key, desc)?;
    }
    // 6. Return O.
    Ok(())
}

/// Object.keys ( O ) (20.1.2.19).
fn keys(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Let keyList be ? EnumerableOwnProperties(obj, ~key~).
    let key_list = enumerable_own_properties(agent, &obj, EnumerableKind::Key)?;
    // 3. Return CreateArrayFromList(keyList).
    Ok(Value::Object(create_array_from_list(agent, key_list)))
}

fn integrity(agent: &mut Agent, call: &BuiltinCall, level: IntegrityLevel) -> JsResult<Value> {
    // 1. If O is not an Object, return O.
    let o = call.arg(0);
    let Value::Object(obj) = &o else {
        return Ok(o);
    };
    // 2. Let status be ? SetIntegrityLevel(O, level).
    // 3. If status is false, throw a TypeError exception.
    if !set_integrity_level(agent, obj, level)? {
        return Err(agent.type_error("cannot change the integrity level of the object"));
    }
    // 4. Return O.
    Ok(o)
}

/// Object.freeze ( O ) (20.1.2.6).
fn freeze(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    integrity(agent, call, IntegrityLevel::Frozen)
}

/// Object.seal ( O ) (20.1.2.22).
fn seal(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    integrity(agent, call, IntegrityLevel::Sealed)
}

fn test_integrity(agent: &mut Agent, call: &BuiltinCall, level: IntegrityLevel) -> JsResult<Value> {
    // 1. If O is not an Object, return true.
    // 2. Return ? TestIntegrityLevel(O, level).
    match call.arg(0) {
        Value::Object(o) => Ok(Value::Boolean(test_integrity_level(agent, &o, level)?)),
        _ => Ok(Value::Boolean(true)),
    }
}

/// Object.isFrozen ( O ) (20.1.2.16).
fn is_frozen(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    test_integrity(agent, call, IntegrityLevel::Frozen)
}

/// Object.isSealed ( O ) (20.1.2.17).
fn is_sealed(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    test_integrity(agent, call, IntegrityLevel::Sealed)
}

/// Object.preventExtensions ( O ) (20.1.2.20).
fn prevent_extensions(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If O is not an Object, return O.
    let o = call.arg(0);
    let Value::Object(obj) = &o else {
        return Ok(o);
    };
    // 2. Let status be ? O.[[PreventExtensions]]().
    // 3. If status is false, throw a TypeError exception.
    if !obj.prevent_extensions(agent)? {
        return Err(agent.type_error("cannot prevent extensions"));
    }
    // 4. Return O.
    Ok(o)
}

/// Object.isExtensible ( O ) (20.1.2.15).
fn is_extensible(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If O is not an Object, return false.
    // 2. Return ? IsExtensible(O).
    match call.arg(0) {
        Value::Object(o) => Ok(Value::Boolean(o.is_extensible(agent)?)),
        _ => Ok(Value::Boolean(false)),
    }
}

/// Object.is ( value1, value2 ) (20.1.2.14).
fn is(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return SameValue(value1, value2).
    Ok(Value::Boolean(same_value(&call.arg(0), &call.arg(1))))
}

/// Object.prototype.hasOwnProperty ( V ) (20.1.3.2).
fn has_own_property_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let P be ? ToPropertyKey(V).
    let p = to_property_key(agent, &call.arg(0))?;
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 3. Return ? HasOwnProperty(O, P).
    Ok(Value::Boolean(has_own_property(agent, &o, &p)?))
}

/// Object.prototype.isPrototypeOf ( V ) (20.1.3.3).
fn is_prototype_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If V is not an Object, return false.
    let Value::Object(mut v) = call.arg(0) else {
        return Ok(Value::Boolean(false));
    };
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 3. Repeat,
    loop {
        // a. Set V to ? V.[[GetPrototypeOf]]().
        // b. If V is null, return false.
        let Some(next) = v.get_prototype_of(agent)? else {
            return Ok(Value::Boolean(false));
        };
        // c. If SameValue(O, V) is true, return true.
        if next == o {
            return Ok(Value::Boolean(true));
        }
        v = next;
    }
}

/// Object.prototype.propertyIsEnumerable ( V ) (20.1.3.4).
fn property_is_enumerable(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let P be ? ToPropertyKey(V).
    let p = to_property_key(agent, &call.arg(0))?;
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 3. Let desc be ? O.[[GetOwnProperty]](P).
    // 4. If desc is undefined, return false.
    // 5. Return desc.[[Enumerable]].
    let desc = o.get_own_property(agent, &p)?;
    Ok(Value::Boolean(
        desc.is_some_and(|d| d.enumerable == Some(true)),
    ))
}

/// Object.prototype.toString ( ) (20.1.3.6).
fn to_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If the this value is undefined, return "[object Undefined]".
    // 2. If the this value is null, return "[object Null]".
    match call.this {
        Value::Undefined => return Ok(Value::string("[object Undefined]")),
        Value::Null => return Ok(Value::string("[object Null]")),
        _ => {}
    }
    // 3. Let O be ! ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 4. Let isArray be ? IsArray(O).
    // 5. If isArray is true, let builtinTag be "Array".
    // 6-14. Else the tag of the internal slots O has, or "Object".
    let builtin_tag = if is_array(agent, &Value::Object(o.clone()))? {
        "Array"
    } else {
        match &o.data().kind {
            ObjectKind::Arguments(_) => "Arguments",
            ObjectKind::Function(_) | ObjectKind::Builtin(_) | ObjectKind::BoundFunction(_) => {
                "Function"
            }
            ObjectKind::Proxy(_) if o.is_callable() => "Function",
            ObjectKind::Error(_) => "Error",
            ObjectKind::Boolean(_) => "Boolean",
            ObjectKind::Number(_) => "Number",
            ObjectKind::String(_) => "String",
            _ => "Object",
        }
    };
    // 15. Let tag be ? Get(O, %Symbol.toStringTag%).
    let key = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    let tag = get(agent, &o, &key)?;
    // 16. If tag is not a String, set tag to builtinTag.
    let tag = match tag {
        Value::String(s) => s.to_rust_string(),
        _ => builtin_tag.to_string(),
    };
    // 17. Return the string-concatenation of "[object ", tag, and "]".
    Ok(Value::string(&format!("[object {tag}]")))
}

/// Object.prototype.valueOf ( ) (20.1.3.7).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ToObject(this value).
    Ok(Value::Object(to_object(agent, call.this)?))
}

/// Creates %Object% and the methods of %Object.prototype%.
pub fn create_object_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let object = define_constructor(
        agent,
        realm,
        Intrinsic::Object,
        "Object",
        1,
        object_constructor,
        &prototype,
        None,
    );
    define_method(agent, &object, "create", 2, create);
    define_method(agent, &object, "defineProperties", 2, define_properties);
    define_method(agent, &object, "defineProperty", 3, define_property);
    define_method(agent, &object, "freeze", 1, freeze);
    define_method(
        agent,
        &object,
        "getOwnPropertyDescriptor",
        2,
        get_own_property_descriptor,
    );
    define_method(
        agent,
        &object,
        "getOwnPropertyNames",
        1,
        get_own_property_names,
    );
    define_method(
        agent,
        &object,
        "getOwnPropertySymbols",
        1,
        get_own_property_symbols,
    );
    define_method(agent, &object, "getPrototypeOf", 1, get_prototype_of);
    define_method(agent, &object, "is", 2, is);
    define_method(agent, &object, "isExtensible", 1, is_extensible);
    define_method(agent, &object, "isFrozen", 1, is_frozen);
    define_method(agent, &object, "isSealed", 1, is_sealed);
    define_method(agent, &object, "keys", 1, keys);
    define_method(agent, &object, "preventExtensions", 1, prevent_extensions);
    define_method(agent, &object, "seal", 1, seal);
    define_method(agent, &object, "setPrototypeOf", 2, set_prototype_of);
    define_method(
        agent,
        &prototype,
        "hasOwnProperty",
        1,
        has_own_property_method,
    );
    define_method(agent, &prototype, "isPrototypeOf", 1, is_prototype_of);
    define_method(
        agent,
        &prototype,
        "propertyIsEnumerable",
        1,
        property_is_enumerable,
    );
    define_method(agent, &prototype, "toString", 0, to_string);
    define_method(agent, &prototype, "valueOf", 0, value_of);
}
