//! 20.1 Object Objects (sec-object-objects): the Object constructor, its static methods
//! and %Object.prototype%.

use super::helpers::{define_accessor, define_constructor, define_method};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{builtin_closure, Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    get_iterator, iterator_close, iterator_step_value,
};
use crate::spec::operations_on_objects::{
    call as call_value, create_array_from_list, create_data_property_or_throw,
    define_property_or_throw, enumerable_own_properties, get, has_own_property, invoke, set,
    set_integrity_level, test_integrity_level, EnumerableKind, IntegrityLevel,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create,
};
use crate::spec::property_descriptor::{
    from_property_descriptor, to_property_descriptor, PropertyDescriptor,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::testing_and_comparison::{
    is_array, is_callable, require_object_coercible, same_value,
};
use crate::spec::type_conversion::{to_object, to_property_key};
use crate::spec::value::Value;
use crate::{spec_assert, step};

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

/// GetOwnPropertyKeys ( O, type ) (20.1.2.11.1), with type ~symbol~ when `symbols`.
fn get_own_property_keys(
    agent: &mut Agent,
    o: &Value,
    symbols: bool,
) -> JsResult<Vec<PropertyKey>> {
    // 1. Let obj be ? ToObject(O).
    crate::step!("sec-getownpropertykeys", "1");
    let obj = to_object(agent, o)?;
    // 2. Let keys be ? obj.[[OwnPropertyKeys]]().
    crate::step!("sec-getownpropertykeys", "2");
    let keys = obj.own_property_keys(agent)?;
    // 3. Let nameList be a new empty List.
    crate::step!("sec-getownpropertykeys", "3");
    let mut name_list = Vec::with_capacity(keys.len());
    // 4. For each element nextKey of keys, do
    crate::step!("sec-getownpropertykeys", "4");
    for next_key in keys {
        // a. If nextKey is a Symbol and type is symbol, or if nextKey is a String and type
        //    is string, then
        crate::step!("sec-getownpropertykeys", "4.a");
        if next_key.is_symbol() == symbols {
            // i. Append nextKey to nameList.
            crate::step!("sec-getownpropertykeys", "4.a.i");
            name_list.push(next_key);
        }
    }
    // 5. Return nameList.
    crate::step!("sec-getownpropertykeys", "5");
    Ok(name_list)
}

/// Object.getOwnPropertyNames ( O ) (20.1.2.10).
fn get_own_property_names(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return CreateArrayFromList(? GetOwnPropertyKeys(O, ~string~)).
    let keys = get_own_property_keys(agent, &call.arg(0), false)?;
    let keys = keys.iter().map(PropertyKey::to_value).collect();
    Ok(Value::Object(create_array_from_list(agent, keys)))
}

/// Object.getOwnPropertySymbols ( O ) (20.1.2.11).
fn get_own_property_symbols(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return CreateArrayFromList(? GetOwnPropertyKeys(O, ~symbol~)).
    let keys = get_own_property_keys(agent, &call.arg(0), true)?;
    let keys = keys.iter().map(PropertyKey::to_value).collect();
    Ok(Value::Object(create_array_from_list(agent, keys)))
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
    require_object_coercible(agent, &o)?;
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
    crate::step!("sec-objectdefineproperties", "1");
    let props = to_object(agent, properties)?;
    // 2. Let keys be ? props.[[OwnPropertyKeys]]().
    crate::step!("sec-objectdefineproperties", "2");
    let keys = props.own_property_keys(agent)?;
    // 3. Let descriptors be a new empty List.
    crate::step!("sec-objectdefineproperties", "3");
    let mut descriptors = Vec::new();
    // 4. For each element nextKey of keys, do
    crate::step!("sec-objectdefineproperties", "4");
    for next_key in keys {
        // a. Let propDesc be ? props.[[GetOwnProperty]](nextKey).
        crate::step!("sec-objectdefineproperties", "4.a");
        let prop_desc = props.get_own_property(agent, &next_key)?;
        // b. If propDesc is not undefined and propDesc.[[Enumerable]] is true, then
        crate::step!("sec-objectdefineproperties", "4.b");
        if prop_desc.is_some_and(|d| d.enumerable == Some(true)) {
            // i. Let descObj be ? Get(props, nextKey).
            crate::step!("sec-objectdefineproperties", "4.b.i");
            let desc_obj = get(agent, &props, &next_key)?;
            // ii. Let desc be ? ToPropertyDescriptor(descObj).
            crate::step!("sec-objectdefineproperties", "4.b.ii");
            let desc = to_property_descriptor(agent, &desc_obj)?;
            // iii. Append the Record { [[Key]]: nextKey, [[Descriptor]]: desc } to
            //      descriptors.
            crate::step!("sec-objectdefineproperties", "4.b.iii");
            descriptors.push((next_key, desc));
        }
    }
    // 5. For each element property of descriptors, do
    crate::step!("sec-objectdefineproperties", "5");
    for (key, desc) in descriptors {
        // a. Perform ? DefinePropertyOrThrow(O, property.[[Key]], property.[[Descriptor]]).
        crate::step!("sec-objectdefineproperties", "5.a");
        define_property_or_throw(agent, o, &key, desc)?;
    }
    // 6. Return O.
    crate::step!("sec-objectdefineproperties", "6");
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

/// Object.isFrozen ( O ) (20.1.2.17).
fn is_frozen(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    test_integrity(agent, call, IntegrityLevel::Frozen)
}

/// Object.isSealed ( O ) (20.1.2.18).
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

/// Object.isExtensible ( O ) (20.1.2.16).
fn is_extensible(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If O is not an Object, return false.
    // 2. Return ? IsExtensible(O).
    match call.arg(0) {
        Value::Object(o) => Ok(Value::Boolean(
            crate::spec::testing_and_comparison::is_extensible(agent, &o)?,
        )),
        _ => Ok(Value::Boolean(false)),
    }
}

/// Object.is ( value1, value2 ) (20.1.2.15).
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
    let builtin_tag = if is_array(agent, &Value::Object(o.clone()))? {
        // 5. If isArray is true, let builtinTag be "Array".
        "Array"
    } else if matches!(o.data().kind, ObjectKind::Arguments(_)) {
        // 6. Else if O has a [[ParameterMap]] internal slot, let builtinTag be "Arguments".
        "Arguments"
    } else if o.is_callable() {
        // 7. Else if O has a [[Call]] internal method, let builtinTag be "Function".
        "Function"
    } else {
        match &o.data().kind {
            // 8. Else if O has an [[ErrorData]] internal slot, let builtinTag be "Error".
            ObjectKind::Error(_) => "Error",
            // 9. Else if O has a [[BooleanData]] internal slot, let builtinTag be "Boolean".
            ObjectKind::Boolean(_) => "Boolean",
            // 10. Else if O has a [[NumberData]] internal slot, let builtinTag be "Number".
            ObjectKind::Number(_) => "Number",
            // 11. Else if O has a [[StringData]] internal slot, let builtinTag be "String".
            ObjectKind::String(_) => "String",
            // 12. Else if O has a [[DateValue]] internal slot, let builtinTag be "Date".
            ObjectKind::Date(_) => "Date",
            // 13. Else if O has a [[RegExpMatcher]] internal slot, let builtinTag be
            //     "RegExp".
            ObjectKind::RegExp(_) => "RegExp",
            // 14. Else, let builtinTag be "Object".
            _ => "Object",
        }
    };
    // 15. Let tag be ? Get(O, %Symbol.toStringTag%).
    let key = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    let tag = get(agent, &o, &key)?;
    // 16. If tag is not a String, set tag to builtinTag.
    let tag = match tag {
        Value::String(s) => s,
        _ => JsString::from(builtin_tag),
    };
    // 17. Return the string-concatenation of "[object ", tag, and "]".
    let result = JsString::from("[object ")
        .concat_in(agent, &tag)?
        .concat_in(agent, &JsString::from("]"))?;
    Ok(Value::String(result))
}

/// Object.prototype.valueOf ( ) (20.1.3.7).
fn value_of(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? ToObject(this value).
    Ok(Value::Object(to_object(agent, call.this)?))
}

/// Object.assign ( target, ...sources ) (20.1.2.1).
fn assign(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let to be ? ToObject(target).
    let to = to_object(agent, &call.arg(0))?;
    // 2. If only one argument was passed, return to.
    // 3. For each element nextSource of sources, do
    for next_source in call.args.iter().skip(1) {
        // a. If nextSource is neither undefined nor null, then
        if next_source.is_nullish() {
            continue;
        }
        // i. Let from be ! ToObject(nextSource).
        let from = to_object(agent, next_source)?;
        // ii. Let keys be ? from.[[OwnPropertyKeys]]().
        let keys = from.own_property_keys(agent)?;
        // iii. For each element nextKey of keys, do
        for next_key in keys {
            // 1. Let desc be ? from.[[GetOwnProperty]](nextKey).
            // 2. If desc is not undefined and desc.[[Enumerable]] is true, then
            let Some(desc) = from.get_own_property(agent, &next_key)? else {
                continue;
            };
            if desc.enumerable != Some(true) {
                continue;
            }
            // a. Let propValue be ? Get(from, nextKey).
            let prop_value = get(agent, &from, &next_key)?;
            // b. Perform ? Set(to, nextKey, propValue, true).
            set(agent, &to, &next_key, prop_value, true)?;
        }
    }
    // 4. Return to.
    Ok(Value::Object(to))
}

/// Object.entries ( O ) (20.1.2.5).
fn entries(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Let entryList be ? EnumerableOwnProperties(obj, ~key+value~).
    let entry_list = enumerable_own_properties(agent, &obj, EnumerableKind::KeyValue)?;
    // 3. Return CreateArrayFromList(entryList).
    Ok(Value::Object(create_array_from_list(agent, entry_list)))
}

/// The adder closure of Object.fromEntries (20.1.2.7 step 4), capturing obj.
fn from_entries_adder(agent: &mut Agent, call: &BuiltinCall, obj: &Object) -> JsResult<Value> {
    // a. Let propertyKey be ? ToPropertyKey(key).
    let property_key = to_property_key(agent, &call.arg(0))?;
    // b. Perform ! CreateDataPropertyOrThrow(obj, propertyKey, value).
    create_data_property_or_throw(agent, obj, &property_key, call.arg(1))?;
    // c. Return undefined.
    Ok(Value::Undefined)
}

/// Object.fromEntries ( iterable ) (20.1.2.7).
fn from_entries(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let iterable = call.arg(0);
    // 1. Perform ? RequireObjectCoercible(iterable).
    require_object_coercible(agent, &iterable)?;
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    // 3. Assert: obj is an extensible ordinary object with no own properties.
    let obj = agent.ordinary_object();
    // 4. Let closure be a new Abstract Closure with parameters (key, value) that captures
    //    obj and performs the following steps when called: (see from_entries_adder)
    // 5. Let adder be CreateBuiltinFunction(closure, 2, "", « »).
    let adder = builtin_closure(agent, from_entries_adder, 2.0, obj.clone());
    // 6. Return ? AddEntriesFromIterable(obj, iterable, adder).
    add_entries_from_iterable(agent, &obj, &iterable, &Value::Object(adder))?;
    Ok(Value::Object(obj))
}

/// AddEntriesFromIterable ( target, iterable, adder ) (24.1.1.2), shared with the Map
/// and WeakMap constructors.
pub fn add_entries_from_iterable(
    agent: &mut Agent,
    target: &Object,
    iterable: &Value,
    adder: &Value,
) -> JsResult<()> {
    // 1. Let iteratorRecord be ? GetIterator(iterable, sync).
    crate::step!("sec-add-entries-from-iterable", "1");
    let mut iterator_record = get_iterator(agent, iterable)?;
    // 2. Repeat,
    crate::step!("sec-add-entries-from-iterable", "2");
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        crate::step!("sec-add-entries-from-iterable", "2.a");
        let next = iterator_step_value(agent, &mut iterator_record)?;
        // b. If next is done, return target.
        crate::step!("sec-add-entries-from-iterable", "2.b");
        let Some(next) = next else {
            return Ok(());
        };
        // c. If next is not an Object, then
        crate::step!("sec-add-entries-from-iterable", "2.c");
        let Value::Object(next) = next else {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            crate::step!("sec-add-entries-from-iterable", "2.c.i");
            let error = agent.type_error("iterator value is not an entry object");
            // ii. Return ? IteratorClose(iteratorRecord, error).
            crate::step!("sec-add-entries-from-iterable", "2.c.ii");
            return iterator_close(agent, &iterator_record, Err(error));
        };
        // d. Let k be Completion(Get(next, "0")).
        crate::step!("sec-add-entries-from-iterable", "2.d");
        let k = get(agent, &next, &PropertyKey::Index(0));
        // e. IfAbruptCloseIterator(k, iteratorRecord).
        crate::step!("sec-add-entries-from-iterable", "2.e");
        let k = match k {
            Ok(k) => k,
            Err(e) => return iterator_close(agent, &iterator_record, Err(e)),
        };
        // f. Let v be Completion(Get(next, "1")).
        crate::step!("sec-add-entries-from-iterable", "2.f");
        let v = get(agent, &next, &PropertyKey::Index(1));
        // g. IfAbruptCloseIterator(v, iteratorRecord).
        crate::step!("sec-add-entries-from-iterable", "2.g");
        let v = match v {
            Ok(v) => v,
            Err(e) => return iterator_close(agent, &iterator_record, Err(e)),
        };
        // h. Let status be Completion(Call(adder, target, « k, v »)).
        crate::step!("sec-add-entries-from-iterable", "2.h");
        let status = call_value(agent, adder, &Value::Object(target.clone()), &[k, v]);
        // i. IfAbruptCloseIterator(status, iteratorRecord).
        crate::step!("sec-add-entries-from-iterable", "2.i");
        if let Err(e) = status {
            return iterator_close(agent, &iterator_record, Err(e));
        }
    }
}

/// Object.getOwnPropertyDescriptors ( O ) (20.1.2.9).
fn get_own_property_descriptors(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Let ownKeys be ? obj.[[OwnPropertyKeys]]().
    let own_keys = obj.own_property_keys(agent)?;
    // 3. Let descriptors be OrdinaryObjectCreate(%Object.prototype%).
    let descriptors = agent.ordinary_object();
    // 4. For each element key of ownKeys, do
    for key in own_keys {
        // a. Let desc be ? obj.[[GetOwnProperty]](key).
        let desc = obj.get_own_property(agent, &key)?;
        // b. Let descriptor be FromPropertyDescriptor(desc).
        let descriptor = from_property_descriptor(agent, desc.as_ref());
        // c. If descriptor is not undefined, perform ! CreateDataPropertyOrThrow(descriptors,
        //    key, descriptor).
        if !descriptor.is_undefined() {
            create_data_property_or_throw(agent, &descriptors, &key, descriptor)?;
        }
    }
    // 5. Return descriptors.
    Ok(Value::Object(descriptors))
}

/// The keyCoercion of GroupBy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCoercion {
    Property,
    Collection,
}

/// A Record { [[Key]], [[Elements]] } of GroupBy's result.
pub struct Group {
    pub key: Value,
    pub elements: Vec<Value>,
}

/// GroupBy ( items, callback, keyCoercion ) (7.3.35).
pub fn group_by(
    agent: &mut Agent,
    items: &Value,
    callback: &Value,
    key_coercion: KeyCoercion,
) -> JsResult<Vec<Group>> {
    // 1. Perform ? RequireObjectCoercible(items).
    step!("sec-groupby", "1");
    require_object_coercible(agent, items)?;
    // 2. If IsCallable(callback) is false, throw a TypeError exception.
    step!("sec-groupby", "2");
    if !is_callable(callback) {
        return Err(agent.type_error("GroupBy callback is not a function"));
    }
    // 3. Let groups be a new empty List.
    step!("sec-groupby", "3");
    let mut groups = Vec::new();
    // 4. Let iteratorRecord be ? GetIterator(items, sync).
    step!("sec-groupby", "4");
    let mut iterator_record = get_iterator(agent, items)?;
    // 5. Let k be 0.
    step!("sec-groupby", "5");
    let mut k: u64 = 0;
    // 6. Repeat,
    step!("sec-groupby", "6");
    loop {
        // a. If k ≥ 2^53 - 1, then
        step!("sec-groupby", "6.a");
        if k >= (1u64 << 53) - 1 {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            step!("sec-groupby", "6.a.i");
            let error = agent.type_error("GroupBy: too many elements");
            // ii. Return ? IteratorClose(iteratorRecord, error).
            step!("sec-groupby", "6.a.ii");
            return iterator_close(agent, &iterator_record, Err(error));
        }
        // b. Let next be ? IteratorStepValue(iteratorRecord).
        step!("sec-groupby", "6.b");
        let next = iterator_step_value(agent, &mut iterator_record)?;
        // c. If next is done, then
        step!("sec-groupby", "6.c");
        let Some(next) = next else {
            // i. Return groups.
            step!("sec-groupby", "6.c.i");
            return Ok(groups);
        };
        // d. Let value be next.
        step!("sec-groupby", "6.d");
        let value = next;
        // e. Let key be Completion(Call(callback, undefined, « value, 𝔽(k) »)).
        step!("sec-groupby", "6.e");
        let key = call_value(
            agent,
            callback,
            &Value::Undefined,
            &[value.clone(), Value::Number(k as f64)],
        );
        // f. IfAbruptCloseIterator(key, iteratorRecord).
        step!("sec-groupby", "6.f");
        let key = match key {
            Ok(key) => key,
            Err(e) => return iterator_close(agent, &iterator_record, Err(e)),
        };
        // g. If keyCoercion is property, then
        step!("sec-groupby", "6.g");
        let key = match key_coercion {
            KeyCoercion::Property => {
                // i. Set key to Completion(ToPropertyKey(key)).
                step!("sec-groupby", "6.g.i");
                let key = to_property_key(agent, &key);
                // ii. IfAbruptCloseIterator(key, iteratorRecord).
                step!("sec-groupby", "6.g.ii");
                match key {
                    Ok(key) => key.to_value(),
                    Err(e) => return iterator_close(agent, &iterator_record, Err(e)),
                }
            }
            KeyCoercion::Collection => {
                // h. Else,
                step!("sec-groupby", "6.h");
                // i. Assert: keyCoercion is collection.
                spec_assert!("sec-groupby", "6.h.i", by: "the match arm is collection's");
                // ii. Set key to CanonicalizeKeyedCollectionKey(key).
                step!("sec-groupby", "6.h.ii");
                match key {
                    // (-0𝔽 becomes +0𝔽; the pattern matches both zeros.)
                    Value::Number(0.0) => Value::Number(0.0),
                    other => other,
                }
            }
        };
        // i. Perform AddValueToKeyedGroup(groups, key, value).
        step!("sec-groupby", "6.i");
        add_value_to_keyed_group(&mut groups, key, value);
        // j. Set k to k + 1.
        step!("sec-groupby", "6.j");
        k += 1;
    }
}

/// AddValueToKeyedGroup ( groups, key, value ) (7.3.34).
fn add_value_to_keyed_group(groups: &mut Vec<Group>, key: Value, value: Value) {
    // 1. For each Record { [[Key]], [[Elements]] } g of groups, do
    step!("sec-add-value-to-keyed-group", "1");
    for g in groups.iter_mut() {
        // a. If SameValue(g.[[Key]], key) is true, then
        step!("sec-add-value-to-keyed-group", "1.a");
        if same_value(&g.key, &key) {
            // i. Assert: Exactly one element of groups meets this criterion.
            spec_assert!("sec-add-value-to-keyed-group", "1.a.i", by: "a key is added only when no group has it (steps 2-3)");
            // ii. Append value to g.[[Elements]].
            step!("sec-add-value-to-keyed-group", "1.a.ii");
            g.elements.push(value);
            // iii. Return unused.
            step!("sec-add-value-to-keyed-group", "1.a.iii");
            return;
        }
    }
    // 2. Let group be the Record { [[Key]]: key, [[Elements]]: « value » }.
    step!("sec-add-value-to-keyed-group", "2");
    let group = Group {
        key,
        elements: vec![value],
    };
    // 3. Append group to groups.
    step!("sec-add-value-to-keyed-group", "3");
    groups.push(group);
    // 4. Return unused.
    step!("sec-add-value-to-keyed-group", "4");
}

/// Object.groupBy ( items, callback ) (20.1.2.13).
fn group_by_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let groups be ? GroupBy(items, callback, ~property~).
    let groups = group_by(agent, &call.arg(0), &call.arg(1), KeyCoercion::Property)?;
    // 2. Let obj be OrdinaryObjectCreate(null).
    let obj = ordinary_object_create(None);
    // 3. For each Record { [[Key]], [[Elements]] } g of groups, do
    for g in groups {
        // a. Let elements be CreateArrayFromList(g.[[Elements]]).
        let elements = create_array_from_list(agent, g.elements);
        // b. Perform ! CreateDataPropertyOrThrow(obj, g.[[Key]], elements).
        let key = to_property_key(agent, &g.key)?;
        create_data_property_or_throw(agent, &obj, &key, Value::Object(elements))?;
    }
    // 4. Return obj.
    Ok(Value::Object(obj))
}

/// Object.hasOwn ( O, P ) (20.1.2.14).
fn has_own(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, &call.arg(1))?;
    // 3. Return ? HasOwnProperty(obj, key).
    Ok(Value::Boolean(has_own_property(agent, &obj, &key)?))
}

/// Object.values ( O ) (20.1.2.24).
fn values(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let obj be ? ToObject(O).
    let obj = to_object(agent, &call.arg(0))?;
    // 2. Let valueList be ? EnumerableOwnProperties(obj, ~value~).
    let value_list = enumerable_own_properties(agent, &obj, EnumerableKind::Value)?;
    // 3. Return CreateArrayFromList(valueList).
    Ok(Value::Object(create_array_from_list(agent, value_list)))
}

/// Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) (20.1.3.5).
fn to_locale_string(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Return ? Invoke(O, "toString").
    invoke(agent, call.this, &"toString".into(), &[])
}

/// get Object.prototype.__proto__ (B.2.2.1.1).
fn get_proto(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. Return ? O.[[GetPrototypeOf]]().
    Ok(o.get_prototype_of(agent)?.into())
}

/// set Object.prototype.__proto__ (B.2.2.1.2).
fn set_proto(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be ? RequireObjectCoercible(this value).
    let o = call.this;
    require_object_coercible(agent, o)?;
    // 2. If proto is not an Object and proto is not null, return undefined.
    let proto = match call.arg(0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    // 3. If O is not an Object, return undefined.
    let Value::Object(o) = o else {
        return Ok(Value::Undefined);
    };
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    // 5. If status is false, throw a TypeError exception.
    if !o.set_prototype_of(agent, proto)? {
        return Err(agent.type_error("Object.prototype.__proto__: cannot set prototype"));
    }
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// Object.prototype.__defineGetter__ ( P, getter ) (B.2.2.2) and __defineSetter__ ( P,
/// setter ) (B.2.2.3): they differ only in the descriptor field.
fn define_accessor_method(agent: &mut Agent, call: &BuiltinCall, getter: bool) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 2. If IsCallable(getter) is false, throw a TypeError exception.
    let function = call.arg(1);
    if !is_callable(&function) {
        return Err(agent.type_error(if getter {
            "Object.prototype.__defineGetter__: getter is not a function"
        } else {
            "Object.prototype.__defineSetter__: setter is not a function"
        }));
    }
    // 3. Let desc be PropertyDescriptor { [[Get]]: getter, [[Enumerable]]: true,
    //    [[Configurable]]: true }.
    let desc = PropertyDescriptor {
        get: getter.then(|| function.clone()),
        set: (!getter).then_some(function),
        enumerable: Some(true),
        configurable: Some(true),
        ..Default::default()
    };
    // 4. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, &call.arg(0))?;
    // 5. Perform ? DefinePropertyOrThrow(O, key, desc).
    define_property_or_throw(agent, &o, &key, desc)?;
    // 6. Return undefined.
    Ok(Value::Undefined)
}

/// Object.prototype.__defineGetter__ ( P, getter ) (B.2.2.2).
fn define_getter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    define_accessor_method(agent, call, true)
}

/// Object.prototype.__defineSetter__ ( P, setter ) (B.2.2.3).
fn define_setter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    define_accessor_method(agent, call, false)
}

/// Object.prototype.__lookupGetter__ ( P ) (B.2.2.4) and __lookupSetter__ ( P ) (B.2.2.5).
fn lookup_accessor_method(agent: &mut Agent, call: &BuiltinCall, getter: bool) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let mut o = to_object(agent, call.this)?;
    // 2. Let key be ? ToPropertyKey(P).
    let key = to_property_key(agent, &call.arg(0))?;
    // 3. Repeat,
    loop {
        // a. Let desc be ? O.[[GetOwnProperty]](key).
        // b. If desc is not undefined, then
        if let Some(desc) = o.get_own_property(agent, &key)? {
            // i. If IsAccessorDescriptor(desc) is true, return desc.[[Get]].
            if desc.is_accessor_descriptor() {
                let field = if getter { desc.get } else { desc.set };
                return Ok(field.unwrap_or_default());
            }
            // ii. Return undefined.
            return Ok(Value::Undefined);
        }
        // c. Set O to ? O.[[GetPrototypeOf]]().
        // d. If O is null, return undefined.
        match o.get_prototype_of(agent)? {
            Some(next) => o = next,
            None => return Ok(Value::Undefined),
        }
    }
}

/// Object.prototype.__lookupGetter__ ( P ) (B.2.2.4).
fn lookup_getter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    lookup_accessor_method(agent, call, true)
}

/// Object.prototype.__lookupSetter__ ( P ) (B.2.2.5).
fn lookup_setter(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    lookup_accessor_method(agent, call, false)
}

/// Creates %Object% (20.1.2) and the methods of %Object.prototype% (20.1.3, B.2.2).
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
    let statics: &[(&str, u32, Behaviour)] = &[
        ("assign", 2, assign),
        ("create", 2, create),
        ("defineProperties", 2, define_properties),
        ("defineProperty", 3, define_property),
        ("entries", 1, entries),
        ("freeze", 1, freeze),
        ("fromEntries", 1, from_entries),
        ("getOwnPropertyDescriptor", 2, get_own_property_descriptor),
        ("getOwnPropertyDescriptors", 1, get_own_property_descriptors),
        ("getOwnPropertyNames", 1, get_own_property_names),
        ("getOwnPropertySymbols", 1, get_own_property_symbols),
        ("getPrototypeOf", 1, get_prototype_of),
        ("groupBy", 2, group_by_method),
        ("hasOwn", 2, has_own),
        ("is", 2, is),
        ("isExtensible", 1, is_extensible),
        ("isFrozen", 1, is_frozen),
        ("isSealed", 1, is_sealed),
        ("keys", 1, keys),
        ("preventExtensions", 1, prevent_extensions),
        ("seal", 1, seal),
        ("setPrototypeOf", 2, set_prototype_of),
        ("values", 1, values),
    ];
    for &(name, length, behaviour) in statics {
        define_method(agent, &object, name, length, behaviour);
    }
    let methods: &[(&str, u32, Behaviour)] = &[
        ("hasOwnProperty", 1, has_own_property_method),
        ("isPrototypeOf", 1, is_prototype_of),
        ("propertyIsEnumerable", 1, property_is_enumerable),
        ("toLocaleString", 0, to_locale_string),
        ("toString", 0, to_string),
        ("valueOf", 0, value_of),
        // B.2.2.2-B.2.2.5.
        ("__defineGetter__", 2, define_getter),
        ("__defineSetter__", 2, define_setter),
        ("__lookupGetter__", 1, lookup_getter),
        ("__lookupSetter__", 1, lookup_setter),
    ];
    for &(name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    // B.2.2.1 Object.prototype.__proto__: an accessor property with attributes
    // { [[Enumerable]]: false, [[Configurable]]: true }.
    define_accessor(
        agent,
        &prototype,
        "__proto__",
        Some(get_proto),
        Some(set_proto),
    );
}
