//! 7.3 Operations on Objects (sec-operations-on-objects), 7.3.1-7.3.25. The private
//! element operations (7.3.26-7.3.33) are in class_private_elements.rs.

use super::agents::Agent;
use super::array_exotic_objects::array_create;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{Object, PropertyKey};
use super::property_descriptor::PropertyDescriptor;
use super::realms::Realm;
use super::resource_limits::check_argument_count;
use super::testing_and_comparison::{is_callable, is_constructor};
use super::type_conversion::{to_length, to_object};
use super::value::Value;

/// Get ( O, P ) (7.3.2).
pub fn get(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<Value> {
    // 1. Return ? O.[[Get]](P, O).
    o.get(agent, p, &Value::Object(o.clone()))
}

/// GetV ( V, P ) (7.3.3).
pub fn get_v(agent: &mut Agent, v: &Value, p: &PropertyKey) -> JsResult<Value> {
    // 1. Let O be ? ToObject(V).
    let o = to_object(agent, v)?;
    // 2. Return ? O.[[Get]](P, V).
    o.get(agent, p, v)
}

/// Set ( O, P, V, Throw ) (7.3.4).
pub fn set(agent: &mut Agent, o: &Object, p: &PropertyKey, v: Value, throw: bool) -> JsResult<()> {
    // 1. Let success be ? O.[[Set]](P, V, O).
    let success = o.set(agent, p, v, &Value::Object(o.clone()))?;
    // 2. If success is false and Throw is true, throw a TypeError exception.
    if !success && throw {
        return Err(agent.type_error(&format!("cannot assign to read only property '{p}'")));
    }
    // 3. Return unused.
    Ok(())
}

/// CreateDataProperty ( O, P, V ) (7.3.5).
pub fn create_data_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
) -> JsResult<bool> {
    // Not observable: on an extensible ordinary object without property P (or with a
    // configurable one), OrdinaryDefineOwnProperty only creates or replaces it.
    if super::ordinary_object_internal_methods::defines_ordinarily(o) {
        let mut data = o.data_mut();
        if data.extensible || data.properties.0.contains_key(p) {
            match data.properties.0.get_mut(p) {
                Some(existing) if !existing.configurable() => {}
                Some(existing) => {
                    *existing = super::object_type::Property::data(v, true, true, true);
                    return Ok(true);
                }
                None => {
                    data.properties.0.insert(
                        p.clone(),
                        super::object_type::Property::data(v, true, true, true),
                    );
                    return Ok(true);
                }
            }
        }
    }
    // 1. Let newDesc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
    //    [[Enumerable]]: true, [[Configurable]]: true }.
    // 2. Return ? O.[[DefineOwnProperty]](P, newDesc).
    o.define_own_property(agent, p, PropertyDescriptor::data(v, true, true, true))
}

/// CreateDataPropertyOrThrow ( O, P, V ) (7.3.6).
pub fn create_data_property_or_throw(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
) -> JsResult<()> {
    // 1. Let success be ? CreateDataProperty(O, P, V).
    // 2. If success is false, throw a TypeError exception.
    if !create_data_property(agent, o, p, v)? {
        return Err(agent.type_error(&format!("cannot define property '{p}'")));
    }
    // 3. Return unused.
    Ok(())
}

/// CreateNonEnumerableDataPropertyOrThrow ( O, P, V ) (7.3.7).
pub fn create_non_enumerable_data_property_or_throw(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
) -> JsResult<()> {
    // 1. Assert: O is an ordinary, extensible object with no non-configurable properties.
    // 2. Let newDesc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
    //    [[Enumerable]]: false, [[Configurable]]: true }.
    // 3. Perform ! DefinePropertyOrThrow(O, P, newDesc).
    define_property_or_throw(agent, o, p, PropertyDescriptor::data(v, true, false, true))
}

/// DefinePropertyOrThrow ( O, P, desc ) (7.3.8).
pub fn define_property_or_throw(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<()> {
    // 1. Let success be ? O.[[DefineOwnProperty]](P, desc).
    // 2. If success is false, throw a TypeError exception.
    if !o.define_own_property(agent, p, desc)? {
        return Err(agent.type_error(&format!("cannot redefine property '{p}'")));
    }
    // 3. Return unused.
    Ok(())
}

/// DeletePropertyOrThrow ( O, P ) (7.3.9).
pub fn delete_property_or_throw(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<()> {
    // 1. Let success be ? O.[[Delete]](P).
    // 2. If success is false, throw a TypeError exception.
    if !o.delete(agent, p)? {
        return Err(agent.type_error(&format!("cannot delete property '{p}'")));
    }
    Ok(())
}

/// GetMethod ( V, P ) (7.3.10): `None` for undefined.
pub fn get_method(agent: &mut Agent, v: &Value, p: &PropertyKey) -> JsResult<Option<Value>> {
    // 1. Let func be ? GetV(V, P).
    let func = get_v(agent, v, p)?;
    // 2. If func is either undefined or null, return undefined.
    if func.is_nullish() {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    if !is_callable(&func) {
        return Err(agent.type_error(&format!("{p} is not a function")));
    }
    // 4. Return func.
    Ok(Some(func))
}

/// HasProperty ( O, P ) (7.3.11).
pub fn has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Return ? O.[[HasProperty]](P).
    o.has_property(agent, p)
}

/// HasOwnProperty ( O, P ) (7.3.12).
pub fn has_own_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P).
    // 2. If desc is undefined, return false.
    // 3. Return true.
    Ok(o.get_own_property(agent, p)?.is_some())
}

/// Call ( F, V [ , argumentsList ] ) (7.3.13).
pub fn call(agent: &mut Agent, f: &Value, v: &Value, arguments: &[Value]) -> JsResult<Value> {
    // 1. If argumentsList is not present, set argumentsList to a new empty List.
    // 2. If IsCallable(F) is false, throw a TypeError exception.
    let callee = match f {
        Value::Object(o) => o.methods().call.map(|call| (o, call)),
        _ => None,
    };
    let Some((object, call)) = callee else {
        return Err(agent.type_error("not a function"));
    };
    // 3. Return ? F.[[Call]](V, argumentsList).
    call(agent, object, v, arguments)
}

/// Call with an object known to be callable.
pub fn call_object(
    agent: &mut Agent,
    f: &Object,
    v: &Value,
    arguments: &[Value],
) -> JsResult<Value> {
    match f.methods().call {
        Some(call) => call(agent, f, v, arguments),
        None => Err(agent.type_error("not a function")),
    }
}

/// Construct ( F [ , argumentsList [ , newTarget ] ] ) (7.3.14).
pub fn construct(
    agent: &mut Agent,
    f: &Object,
    arguments: &[Value],
    new_target: Option<&Object>,
) -> JsResult<Object> {
    // 1. If newTarget is not present, set newTarget to F.
    let new_target = new_target.unwrap_or(f).clone();
    // 2. If argumentsList is not present, set argumentsList to a new empty List.
    // 3. Return ? F.[[Construct]](argumentsList, newTarget).
    match f.methods().construct {
        Some(construct) => construct(agent, f, arguments, &new_target),
        None => Err(agent.type_error("not a constructor")),
    }
}

/// The integrity levels of SetIntegrityLevel and TestIntegrityLevel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegrityLevel {
    Sealed,
    Frozen,
}

/// SetIntegrityLevel ( O, level ) (7.3.15).
pub fn set_integrity_level(agent: &mut Agent, o: &Object, level: IntegrityLevel) -> JsResult<bool> {
    // 1. Let status be ? O.[[PreventExtensions]]().
    // 2. If status is false, return false.
    if !o.prevent_extensions(agent)? {
        return Ok(false);
    }
    // 3. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = o.own_property_keys(agent)?;
    if level == IntegrityLevel::Sealed {
        // 4. If level is ~sealed~, then a. For each element k of keys, do
        //    i. Perform ? DefinePropertyOrThrow(O, k, PropertyDescriptor {
        //       [[Configurable]]: false }).
        for k in keys {
            let desc = PropertyDescriptor {
                configurable: Some(false),
                ..Default::default()
            };
            define_property_or_throw(agent, o, &k, desc)?;
        }
    } else {
        // 5. Else, a. Assert: level is ~frozen~. b. For each element k of keys, do
        for k in keys {
            // i. Let currentDesc be ? O.[[GetOwnProperty]](k).
            // ii. If currentDesc is not undefined, then
            if let Some(current) = o.get_own_property(agent, &k)? {
                // 1. If IsAccessorDescriptor(currentDesc) is true, then
                //    a. Let desc be the PropertyDescriptor { [[Configurable]]: false }.
                // 2. Else, a. Let desc be the PropertyDescriptor { [[Configurable]]: false,
                //    [[Writable]]: false }.
                let desc = if current.is_accessor_descriptor() {
                    PropertyDescriptor {
                        configurable: Some(false),
                        ..Default::default()
                    }
                } else {
                    PropertyDescriptor {
                        configurable: Some(false),
                        writable: Some(false),
                        ..Default::default()
                    }
                };
                // 3. Perform ? DefinePropertyOrThrow(O, k, desc).
                define_property_or_throw(agent, o, &k, desc)?;
            }
        }
    }
    // 6. Return true.
    Ok(true)
}

/// TestIntegrityLevel ( O, level ) (7.3.16).
pub fn test_integrity_level(
    agent: &mut Agent,
    o: &Object,
    level: IntegrityLevel,
) -> JsResult<bool> {
    // 1. Let extensible be ? IsExtensible(O).
    // 2. If extensible is true, return false.
    if o.is_extensible(agent)? {
        return Ok(false);
    }
    // 3. NOTE: If the object is extensible, none of its properties are examined.
    // 4. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = o.own_property_keys(agent)?;
    // 5. For each element k of keys, do
    for k in keys {
        // a. Let currentDesc be ? O.[[GetOwnProperty]](k).
        // b. If currentDesc is not undefined, then
        if let Some(current) = o.get_own_property(agent, &k)? {
            // i. If currentDesc.[[Configurable]] is true, return false.
            if current.configurable == Some(true) {
                return Ok(false);
            }
            // ii. If level is ~frozen~ and IsDataDescriptor(currentDesc) is true, then
            //     1. If currentDesc.[[Writable]] is true, return false.
            if level == IntegrityLevel::Frozen
                && current.is_data_descriptor()
                && current.writable == Some(true)
            {
                return Ok(false);
            }
        }
    }
    // 6. Return true.
    Ok(true)
}

/// CreateArrayFromList ( elements ) (7.3.17).
pub fn create_array_from_list(agent: &mut Agent, elements: Vec<Value>) -> Object {
    // 1. Let array be ! ArrayCreate(0).
    let array = array_create(agent, 0, None).expect("ArrayCreate(0) cannot fail");
    // 2. Let n be 0.
    // 3. For each element e of elements, do
    //    a. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(n)), e).
    //    b. Set n to n + 1.
    {
        let mut data = array.data_mut();
        for (n, e) in elements.into_iter().enumerate() {
            data.properties.0.insert(
                PropertyKey::from(n as u32),
                super::object_type::Property::data(e, true, true, true),
            );
        }
    }
    super::array_exotic_objects::sync_length_after_append(&array);
    // 4. Return array.
    array
}

/// LengthOfArrayLike ( obj ) (7.3.18).
pub fn length_of_array_like(agent: &mut Agent, obj: &Object) -> JsResult<u64> {
    // 1. Return ℝ(? ToLength(? Get(obj, "length"))).
    let length = get(agent, obj, &"length".into())?;
    to_length(agent, &length)
}

/// CreateListFromArrayLike ( obj [ , validElementTypes ] ) (7.3.19), with
/// validElementTypes ~all~ (`property_keys_only` false) or ~property-key~. A length above
/// `resource_limits::MAX_ARGUMENTS` is a RangeError (`Function.prototype.apply`,
/// `Reflect.apply`, `Reflect.construct`, a proxy's `ownKeys`).
pub fn create_list_from_array_like(
    agent: &mut Agent,
    obj: &Value,
    property_keys_only: bool,
) -> JsResult<Vec<Value>> {
    // 1. If validElementTypes is not present, set validElementTypes to ~all~.
    // 2. If obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj else {
        return Err(agent.type_error("CreateListFromArrayLike called on a non-object"));
    };
    // 3. Let len be ? LengthOfArrayLike(obj).
    let len = length_of_array_like(agent, obj)?;
    // (An implementation limit: the List becomes an argument list or a list of keys.)
    check_argument_count(agent, len)?;
    // 4. Let list be a new empty List.
    let mut list = Vec::new();
    agent.reserve(&mut list, len as usize)?;
    // 5. Let index be 0.
    // 6. Repeat, while index < len,
    let mut index: u64 = 0;
    while index < len {
        // a. Let indexName be ! ToString(𝔽(index)).
        // b. Let next be ? Get(obj, indexName).
        let next = get(agent, obj, &index_key(index))?;
        // c. If validElementTypes is ~property-key~ and next is not a property key, throw a
        //    TypeError exception.
        if property_keys_only && !matches!(next, Value::String(_) | Value::Symbol(_)) {
            return Err(agent.type_error("element is not a property key"));
        }
        // d. Append next to list.
        list.push(next);
        // e. Set index to index + 1.
        index += 1;
    }
    // 7. Return list.
    Ok(list)
}

/// The property key ! ToString(𝔽(index)) for an integer index.
pub fn index_key(index: u64) -> PropertyKey {
    if index < u64::from(u32::MAX) {
        PropertyKey::Index(index as u32)
    } else {
        PropertyKey::String(super::string_type::JsString::from(index.to_string()))
    }
}

/// Invoke ( V, P [ , argumentsList ] ) (7.3.20).
pub fn invoke(
    agent: &mut Agent,
    v: &Value,
    p: &PropertyKey,
    arguments: &[Value],
) -> JsResult<Value> {
    // 1. If argumentsList is not present, set argumentsList to a new empty List.
    // 2. Let func be ? GetV(V, P).
    let func = get_v(agent, v, p)?;
    // 3. Return ? Call(func, V, argumentsList).
    call(agent, &func, v, arguments)
}

/// OrdinaryHasInstance ( C, O ) (7.3.21).
pub fn ordinary_has_instance(agent: &mut Agent, c: &Value, o: &Value) -> JsResult<bool> {
    // 1. If IsCallable(C) is false, return false.
    let Value::Object(c) = c else {
        return Ok(false);
    };
    if !c.is_callable() {
        return Ok(false);
    }
    // 2. If C has a [[BoundTargetFunction]] internal slot, then
    let bound_target = match &c.data().kind {
        ObjectKind::BoundFunction(b) => Some(b.bound_target_function.clone()),
        _ => None,
    };
    if let Some(bc) = bound_target {
        // a. Let BC be C.[[BoundTargetFunction]].
        // b. Return ? InstanceofOperator(O, BC).
        return super::relational_operators::instanceof_operator(agent, o, &Value::Object(bc));
    }
    // 3. If O is not an Object, return false.
    let Value::Object(o) = o else {
        return Ok(false);
    };
    // 4. Let P be ? Get(C, "prototype").
    let p = get(agent, c, &"prototype".into())?;
    // 5. If P is not an Object, throw a TypeError exception.
    let Value::Object(p) = p else {
        return Err(agent.type_error("function has non-object prototype in instanceof check"));
    };
    // 6. Repeat,
    let mut o = o.clone();
    loop {
        // a. Set O to ? O.[[GetPrototypeOf]]().
        // b. If O is null, return false.
        let Some(next) = o.get_prototype_of(agent)? else {
            return Ok(false);
        };
        // c. If SameValue(P, O) is true, return true.
        if next == p {
            return Ok(true);
        }
        o = next;
    }
}

/// SpeciesConstructor ( O, defaultConstructor ) (7.3.22).
pub fn species_constructor(
    agent: &mut Agent,
    o: &Object,
    default_constructor: &Object,
) -> JsResult<Object> {
    // 1. Let C be ? Get(O, "constructor").
    let c = get(agent, o, &"constructor".into())?;
    // 2. If C is undefined, return defaultConstructor.
    if c.is_undefined() {
        return Ok(default_constructor.clone());
    }
    // 3. If C is not an Object, throw a TypeError exception.
    let Value::Object(c) = c else {
        return Err(agent.type_error("constructor is not an object"));
    };
    // 4. Let S be ? Get(C, %Symbol.species%).
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    let s = get(agent, &c, &species)?;
    // 5. If S is either undefined or null, return defaultConstructor.
    if s.is_nullish() {
        return Ok(default_constructor.clone());
    }
    // 6. If IsConstructor(S) is true, return S.
    if is_constructor(&s) {
        if let Value::Object(s) = s {
            return Ok(s);
        }
    }
    // 7. Throw a TypeError exception.
    Err(agent.type_error("[Symbol.species] is not a constructor"))
}

/// The kinds of EnumerableOwnProperties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnumerableKind {
    Key,
    Value,
    KeyValue,
}

/// EnumerableOwnProperties ( O, kind ) (7.3.23).
pub fn enumerable_own_properties(
    agent: &mut Agent,
    o: &Object,
    kind: EnumerableKind,
) -> JsResult<Vec<Value>> {
    // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
    let own_keys = o.own_property_keys(agent)?;
    // 2. Let results be a new empty List.
    let mut results = Vec::new();
    // 3. For each element key of ownKeys, do
    for key in own_keys {
        // a. If key is a String, then
        if key.is_symbol() {
            continue;
        }
        // i. Let desc be ? O.[[GetOwnProperty]](key).
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
        let Some(desc) = o.get_own_property(agent, &key)? else {
            continue;
        };
        if desc.enumerable != Some(true) {
            continue;
        }
        // 1. If kind is ~key~, append key to results.
        if kind == EnumerableKind::Key {
            results.push(key.to_value());
            continue;
        }
        // 2. Else, a. Let value be ? Get(O, key).
        let value = get(agent, o, &key)?;
        // b. If kind is ~value~, append value to results.
        if kind == EnumerableKind::Value {
            results.push(value);
        } else {
            // c. Else, i. Assert: kind is ~key+value~.
            //    ii. Let entry be CreateArrayFromList(« key, value »).
            //    iii. Append entry to results.
            let entry = create_array_from_list(agent, vec![key.to_value(), value]);
            results.push(Value::Object(entry));
        }
    }
    // 4. Return results.
    Ok(results)
}

/// GetFunctionRealm ( obj ) (7.3.24).
pub fn get_function_realm(agent: &mut Agent, obj: &Object) -> JsResult<Realm> {
    enum Next {
        Realm(Realm),
        Target(Object),
        Revoked,
        Current,
    }
    let mut obj = obj.clone();
    loop {
        let next = match &obj.data().kind {
            // 1. If obj has a [[Realm]] internal slot, then a. Return obj.[[Realm]].
            ObjectKind::Function(f) => Next::Realm(f.realm.clone()),
            ObjectKind::Builtin(b) => Next::Realm(b.realm.clone()),
            // 2. If obj is a bound function exotic object, then
            //    a. Let boundTargetFunction be obj.[[BoundTargetFunction]].
            //    b. Return ? GetFunctionRealm(boundTargetFunction).
            ObjectKind::BoundFunction(b) => Next::Target(b.bound_target_function.clone()),
            // 3. If obj is a Proxy exotic object, then
            //    a. Perform ? ValidateNonRevokedProxy(obj).
            //    b. Let proxyTarget be obj.[[ProxyTarget]].
            //    c. Return ? GetFunctionRealm(proxyTarget).
            ObjectKind::Proxy(p) => match &p.target {
                Some(target) => Next::Target(target.clone()),
                None => Next::Revoked,
            },
            // 4. Return the current Realm Record.
            _ => Next::Current,
        };
        match next {
            Next::Realm(realm) => return Ok(realm),
            Next::Target(target) => obj = target,
            Next::Revoked => {
                return Err(agent.type_error("cannot perform operation on a revoked proxy"))
            }
            Next::Current => return Ok(agent.current_realm()),
        }
    }
}

/// CopyDataProperties ( target, source, excludedItems ) (7.3.25).
pub fn copy_data_properties(
    agent: &mut Agent,
    target: &Object,
    source: &Value,
    excluded_items: &[PropertyKey],
) -> JsResult<()> {
    // 1. If source is either undefined or null, return unused.
    if source.is_nullish() {
        return Ok(());
    }
    // 2. Let from be ! ToObject(source).
    let from = to_object(agent, source)?;
    // 3. Let keys be ? from.[[OwnPropertyKeys]]().
    let keys = from.own_property_keys(agent)?;
    // 4. For each element nextKey of keys, do
    for next_key in keys {
        // a. Let excluded be false.
        // b. For each element e of excludedItems, do
        //    i. If SameValue(e, nextKey) is true, then 1. Set excluded to true.
        // c. If excluded is false, then
        if excluded_items.contains(&next_key) {
            continue;
        }
        // i. Let desc be ? from.[[GetOwnProperty]](nextKey).
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
        if let Some(desc) = from.get_own_property(agent, &next_key)? {
            if desc.enumerable == Some(true) {
                // 1. Let propValue be ? Get(from, nextKey).
                let value = get(agent, &from, &next_key)?;
                // 2. Perform ! CreateDataPropertyOrThrow(target, nextKey, propValue).
                create_data_property_or_throw(agent, target, &next_key, value)?;
            }
        }
    }
    // 5. Return unused.
    Ok(())
}
