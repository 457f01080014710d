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
use super::testing_and_comparison::{is_callable, is_constructor, is_extensible};
use super::type_conversion::{to_length, to_object};
use super::value::Value;
use crate::{spec_assert, step};

/// Get ( O, P ) (7.3.2).
pub fn get(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<Value> {
    // 1. Return ? O.[[Get]](P, O).
    step!("sec-get-o-p", "1");
    o.get(agent, p, &Value::Object(o.clone()))
}

/// GetV ( V, P ) (7.3.3).
pub fn get_v(agent: &mut Agent, v: &Value, p: &PropertyKey) -> JsResult<Value> {
    // 1. Let O be ? ToObject(V).
    step!("sec-getv", "1");
    let o = to_object(agent, v)?;
    // 2. Return ? O.[[Get]](P, V).
    step!("sec-getv", "2");
    o.get(agent, p, v)
}

/// Set ( O, P, V, Throw ) (7.3.4).
#[crate::trace::checks_tracing_once]
pub fn set(agent: &mut Agent, o: &Object, p: &PropertyKey, v: Value, throw: bool) -> JsResult<()> {
    // 1. Let success be ? O.[[Set]](P, V, O).
    step!("sec-set-o-p-v-throw", "1");
    let success = o.set(agent, p, v, &Value::Object(o.clone()))?;
    // 2. If success is false and Throw is true, throw a TypeError exception.
    step!("sec-set-o-p-v-throw", "2");
    if !success && throw {
        return Err(agent.type_error(&format!("cannot assign to read only property '{p}'")));
    }
    // 3. Return unused.
    step!("sec-set-o-p-v-throw", "3");
    Ok(())
}

/// CreateDataProperty ( O, P, V ) (7.3.5).
#[crate::trace::checks_tracing_once]
pub fn create_data_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
) -> JsResult<bool> {
    if crate::trace::enabled() {
        // 1. Let newDesc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
        //    [[Enumerable]]: true, [[Configurable]]: true }.
        step!("sec-createdataproperty", "1");
        // 2. Return ? O.[[DefineOwnProperty]](P, newDesc).
        step!("sec-createdataproperty", "2");
    }
    // Not observable: on an extensible ordinary object without property P (or with a
    // configurable one), OrdinaryDefineOwnProperty only creates or replaces it, so the
    // fast path below does that without building newDesc.
    // An Array without the array index P: `array_exotic_objects::create_element`.
    let v = match p {
        PropertyKey::Index(index)
            if !crate::trace::enabled()
                && std::ptr::eq(o.methods(), &super::array_exotic_objects::ARRAY_METHODS) =>
        {
            match super::array_exotic_objects::create_element(o, *index, v) {
                Ok(result) => return Ok(result),
                Err(v) => v,
            }
        }
        _ => v,
    };
    if super::ordinary_object_internal_methods::defines_ordinarily(o) {
        let mut data = o.data_mut();
        if data.extensible || data.properties.0.contains_key(p) {
            match data.properties.0.get_mut(p) {
                Some(existing) if !existing.configurable() => {}
                Some(super::object_type::PropertyMut::Element(value)) => {
                    *value = v;
                    return Ok(true);
                }
                Some(super::object_type::PropertyMut::Property(_)) => {
                    data.properties.0.insert(
                        p.clone(),
                        super::object_type::Property::data(v, true, true, true),
                    );
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
    o.define_own_property(agent, p, PropertyDescriptor::data(v, true, true, true))
}

/// CreateDataPropertyOrThrow ( O, P, V ) (7.3.6).
#[crate::trace::checks_tracing_once]
pub fn create_data_property_or_throw(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
) -> JsResult<()> {
    // 1. Let success be ? CreateDataProperty(O, P, V).
    step!("sec-createdatapropertyorthrow", "1");
    let success = create_data_property(agent, o, p, v)?;
    // (Untraced, steps 2-3 are skipped when success is true: nothing is left to do.)
    if crate::trace::enabled() || !success {
        // 2. If success is false, throw a TypeError exception.
        step!("sec-createdatapropertyorthrow", "2");
        if !success {
            return Err(agent.type_error(&format!("cannot define property '{p}'")));
        }
        // 3. Return unused.
        step!("sec-createdatapropertyorthrow", "3");
    }
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
    spec_assert!(
        "sec-createnonenumerabledatapropertyorthrow",
        "1",
        // (ordinary: the callers pass new Error objects)
        o.data().extensible && o.data().properties.0.values().all(|p| p.configurable())
    );
    // 2. Let newDesc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
    //    [[Enumerable]]: false, [[Configurable]]: true }.
    step!("sec-createnonenumerabledatapropertyorthrow", "2");
    let new_desc = PropertyDescriptor::data(v, true, false, true);
    // 3. Perform ! DefinePropertyOrThrow(O, P, newDesc).
    step!("sec-createnonenumerabledatapropertyorthrow", "3");
    define_property_or_throw(agent, o, p, new_desc)?;
    // 4. Return unused.
    step!("sec-createnonenumerabledatapropertyorthrow", "4");
    Ok(())
}

/// DefinePropertyOrThrow ( O, P, desc ) (7.3.8).
#[crate::trace::checks_tracing_once]
pub fn define_property_or_throw(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<()> {
    // 1. Let success be ? O.[[DefineOwnProperty]](P, desc).
    step!("sec-definepropertyorthrow", "1");
    let success = o.define_own_property(agent, p, desc)?;
    // 2. If success is false, throw a TypeError exception.
    step!("sec-definepropertyorthrow", "2");
    if !success {
        return Err(agent.type_error(&format!("cannot redefine property '{p}'")));
    }
    // 3. Return unused.
    step!("sec-definepropertyorthrow", "3");
    Ok(())
}

/// DeletePropertyOrThrow ( O, P ) (7.3.9).
pub fn delete_property_or_throw(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<()> {
    // 1. Let success be ? O.[[Delete]](P).
    step!("sec-deletepropertyorthrow", "1");
    let success = o.delete(agent, p)?;
    // 2. If success is false, throw a TypeError exception.
    step!("sec-deletepropertyorthrow", "2");
    if !success {
        return Err(agent.type_error(&format!("cannot delete property '{p}'")));
    }
    // 3. Return unused.
    step!("sec-deletepropertyorthrow", "3");
    Ok(())
}

/// GetMethod ( V, P ) (7.3.10): `None` for undefined.
#[crate::trace::checks_tracing_once]
pub fn get_method(agent: &mut Agent, v: &Value, p: &PropertyKey) -> JsResult<Option<Value>> {
    // 1. Let func be ? GetV(V, P).
    step!("sec-getmethod", "1");
    let func = get_v(agent, v, p)?;
    // 2. If func is either undefined or null, return undefined.
    step!("sec-getmethod", "2");
    if func.is_nullish() {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    step!("sec-getmethod", "3");
    if !is_callable(&func) {
        return Err(agent.type_error(&format!("{p} is not a function")));
    }
    // 4. Return func.
    step!("sec-getmethod", "4");
    Ok(Some(func))
}

/// HasProperty ( O, P ) (7.3.11).
pub fn has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Return ? O.[[HasProperty]](P).
    step!("sec-hasproperty", "1");
    o.has_property(agent, p)
}

/// HasOwnProperty ( O, P ) (7.3.12).
pub fn has_own_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P).
    step!("sec-hasownproperty", "1");
    let desc = o.get_own_property(agent, p)?;
    // 2. If desc is undefined, return false.
    step!("sec-hasownproperty", "2");
    if desc.is_none() {
        return Ok(false);
    }
    // 3. Return true.
    step!("sec-hasownproperty", "3");
    Ok(true)
}

/// Call ( F, V [ , argumentsList ] ) (7.3.13).
#[crate::trace::checks_tracing_once]
pub fn call(agent: &mut Agent, f: &Value, v: &Value, arguments: &[Value]) -> JsResult<Value> {
    if crate::trace::enabled() {
        // 1. If argumentsList is not present, set argumentsList to a new empty List.
        //    (Callers pass an empty slice.)
        step!("sec-call", "1");
        // 2. If IsCallable(F) is false, throw a TypeError exception.
        step!("sec-call", "2");
    }
    let callee = match f {
        Value::Object(o) => o.methods().call.map(|call| (o, call)),
        _ => None,
    };
    let Some((object, call)) = callee else {
        return Err(agent.type_error("not a function"));
    };
    // 3. Return ? F.[[Call]](V, argumentsList).
    step!("sec-call", "3");
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
    step!("sec-construct", "1");
    let new_target = new_target.unwrap_or(f).clone();
    // 2. If argumentsList is not present, set argumentsList to a new empty List.
    //    (Callers pass an empty slice.)
    step!("sec-construct", "2");
    // 3. Return ? F.[[Construct]](argumentsList, newTarget).
    step!("sec-construct", "3");
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
    step!("sec-setintegritylevel", "1");
    let status = o.prevent_extensions(agent)?;
    // 2. If status is false, return false.
    step!("sec-setintegritylevel", "2");
    if !status {
        return Ok(false);
    }
    // 3. Let keys be ? O.[[OwnPropertyKeys]]().
    step!("sec-setintegritylevel", "3");
    let keys = o.own_property_keys(agent)?;
    // 4. If level is sealed, then
    step!("sec-setintegritylevel", "4");
    if level == IntegrityLevel::Sealed {
        // a. For each element k of keys, do
        step!("sec-setintegritylevel", "4.a");
        for k in keys {
            // i. Perform ? DefinePropertyOrThrow(O, k, PropertyDescriptor {
            //    [[Configurable]]: false }).
            step!("sec-setintegritylevel", "4.a.i");
            let desc = PropertyDescriptor {
                configurable: Some(false),
                ..Default::default()
            };
            define_property_or_throw(agent, o, &k, desc)?;
        }
    } else {
        // 5. Else,
        step!("sec-setintegritylevel", "5");
        // a. Assert: level is frozen.
        spec_assert!(
            "sec-setintegritylevel",
            "5.a",
            level == IntegrityLevel::Frozen
        );
        // b. For each element k of keys, do
        step!("sec-setintegritylevel", "5.b");
        for k in keys {
            // i. Let currentDesc be ? O.[[GetOwnProperty]](k).
            step!("sec-setintegritylevel", "5.b.i");
            let current_desc = o.get_own_property(agent, &k)?;
            // ii. If currentDesc is not undefined, then
            step!("sec-setintegritylevel", "5.b.ii");
            if let Some(current) = current_desc {
                // 1. If IsAccessorDescriptor(currentDesc) is true, then
                step!("sec-setintegritylevel", "5.b.ii.1");
                let desc = if current.is_accessor_descriptor() {
                    // a. Let desc be the PropertyDescriptor { [[Configurable]]: false }.
                    step!("sec-setintegritylevel", "5.b.ii.1.a");
                    PropertyDescriptor {
                        configurable: Some(false),
                        ..Default::default()
                    }
                } else {
                    // 2. Else,
                    step!("sec-setintegritylevel", "5.b.ii.2");
                    // a. Let desc be the PropertyDescriptor { [[Configurable]]: false,
                    //    [[Writable]]: false }.
                    step!("sec-setintegritylevel", "5.b.ii.2.a");
                    PropertyDescriptor {
                        configurable: Some(false),
                        writable: Some(false),
                        ..Default::default()
                    }
                };
                // 3. Perform ? DefinePropertyOrThrow(O, k, desc).
                step!("sec-setintegritylevel", "5.b.ii.3");
                define_property_or_throw(agent, o, &k, desc)?;
            }
        }
    }
    // 6. Return true.
    step!("sec-setintegritylevel", "6");
    Ok(true)
}

/// TestIntegrityLevel ( O, level ) (7.3.16).
pub fn test_integrity_level(
    agent: &mut Agent,
    o: &Object,
    level: IntegrityLevel,
) -> JsResult<bool> {
    // 1. Let extensible be ? IsExtensible(O).
    step!("sec-testintegritylevel", "1");
    let extensible = is_extensible(agent, o)?;
    // 2. If extensible is true, return false.
    step!("sec-testintegritylevel", "2");
    if extensible {
        return Ok(false);
    }
    // 3. NOTE: If the object is extensible, none of its properties are examined.
    step!("sec-testintegritylevel", "3");
    // 4. Let keys be ? O.[[OwnPropertyKeys]]().
    step!("sec-testintegritylevel", "4");
    let keys = o.own_property_keys(agent)?;
    // 5. For each element k of keys, do
    step!("sec-testintegritylevel", "5");
    for k in keys {
        // a. Let currentDesc be ? O.[[GetOwnProperty]](k).
        step!("sec-testintegritylevel", "5.a");
        let current_desc = o.get_own_property(agent, &k)?;
        // b. If currentDesc is not undefined, then
        step!("sec-testintegritylevel", "5.b");
        if let Some(current) = current_desc {
            // i. If currentDesc.[[Configurable]] is true, return false.
            step!("sec-testintegritylevel", "5.b.i");
            if current.configurable == Some(true) {
                return Ok(false);
            }
            // ii. If level is frozen and IsDataDescriptor(currentDesc) is true, then
            step!("sec-testintegritylevel", "5.b.ii");
            if level == IntegrityLevel::Frozen && current.is_data_descriptor() {
                // 1. If currentDesc.[[Writable]] is true, return false.
                step!("sec-testintegritylevel", "5.b.ii.1");
                if current.writable == Some(true) {
                    return Ok(false);
                }
            }
        }
    }
    // 6. Return true.
    step!("sec-testintegritylevel", "6");
    Ok(true)
}

/// CreateArrayFromList ( elements ) (7.3.17).
#[crate::trace::checks_tracing_once]
pub fn create_array_from_list(agent: &mut Agent, elements: Vec<Value>) -> Object {
    // (Not while tracing: steps 1-4 at once, the new Array made with the elements and
    // "length" in place, as an array literal's (`array_create_with_elements`: ArrayCreate(0)
    // cannot fail, and each CreateDataPropertyOrThrow on the new Array only adds element n
    // and sets "length" to n + 1); docs/ARCHITECTURE.md, "Object creation".)
    if !crate::trace::enabled() {
        return super::array_exotic_objects::array_create_with_elements(
            agent,
            elements.into_iter().map(Some).collect(),
        );
    }
    // 1. Let array be ! ArrayCreate(0).
    step!("sec-createarrayfromlist", "1");
    let array = array_create(agent, 0, None).expect("ArrayCreate(0) cannot fail");
    // 2. Let n be 0.
    step!("sec-createarrayfromlist", "2");
    // 3. For each element e of elements, do
    step!("sec-createarrayfromlist", "3");
    {
        // (The properties are inserted directly: on a new, extensible Array with no
        // properties but "length", CreateDataPropertyOrThrow only adds them; "length" is
        // brought up to date once, after the loop.)
        let mut data = array.data_mut();
        // (Room for every element at once rather than by doubling as they are inserted.)
        data.properties.0.try_reserve_elements(elements.len());
        for (n, e) in elements.into_iter().enumerate() {
            // a. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(n)), e).
            step!("sec-createarrayfromlist", "3.a");
            data.properties.0.insert(
                PropertyKey::from(n as u32),
                super::object_type::Property::data(e, true, true, true),
            );
            // b. Set n to n + 1.
            step!("sec-createarrayfromlist", "3.b");
        }
    }
    super::array_exotic_objects::sync_length_after_append(&array);
    // 4. Return array.
    step!("sec-createarrayfromlist", "4");
    array
}

/// LengthOfArrayLike ( obj ) (7.3.18).
pub fn length_of_array_like(agent: &mut Agent, obj: &Object) -> JsResult<u64> {
    // (Untraced, an Array's own "length" is read at once: `array_length`.)
    if !crate::trace::enabled() {
        if let Some(len) = super::array_exotic_objects::array_length(obj) {
            return Ok(len);
        }
    }
    // 1. Return ℝ(? ToLength(? Get(obj, "length"))).
    step!("sec-lengthofarraylike", "1");
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
    // 1. If validElementTypes is not present, set validElementTypes to all.
    //    (`property_keys_only` is false for all.)
    step!("sec-createlistfromarraylike", "1");
    // 2. If obj is not an Object, throw a TypeError exception.
    step!("sec-createlistfromarraylike", "2");
    let Value::Object(obj) = obj else {
        return Err(agent.type_error("CreateListFromArrayLike called on a non-object"));
    };
    // 3. Let len be ? LengthOfArrayLike(obj).
    step!("sec-createlistfromarraylike", "3");
    let len = length_of_array_like(agent, obj)?;
    // (An implementation limit: the List becomes an argument list or a list of keys.)
    check_argument_count(agent, len)?;
    // 4. Let list be a new empty List.
    step!("sec-createlistfromarraylike", "4");
    let mut list = Vec::new();
    agent.reserve(&mut list, len as usize)?;
    // 5. Let index be 0.
    step!("sec-createlistfromarraylike", "5");
    let mut index: u64 = 0;
    // 6. Repeat, while index < len,
    step!("sec-createlistfromarraylike", "6");
    // (Not while tracing: steps a-e for an own data property of an object whose [[Get]],
    // [[GetOwnProperty]] and [[GetPrototypeOf]] are the ordinary ones read its value at
    // once: Get is OrdinaryGet steps 1 and 3, no code runs, and validElementTypes ~all~
    // takes any value. `ordinary_own_data_value`; `Function.prototype.apply` of an
    // Array, the property-escape tests' harness.)
    let fast = !property_keys_only && !crate::trace::enabled();
    while index < len {
        if fast {
            // (len is at most MAX_ARGUMENTS: every index is an array index.)
            if let Some(next) = super::ordinary_object_internal_methods::ordinary_own_data_value(
                obj,
                &PropertyKey::Index(index as u32),
            ) {
                list.push(next);
                index += 1;
                continue;
            }
        }
        // a. Let indexName be ! ToString(𝔽(index)).
        step!("sec-createlistfromarraylike", "6.a");
        let index_name = index_key(index);
        // b. Let next be ? Get(obj, indexName).
        step!("sec-createlistfromarraylike", "6.b");
        let next = get(agent, obj, &index_name)?;
        // c. If validElementTypes is property-key and next is not a property key, throw a
        //    TypeError exception.
        step!("sec-createlistfromarraylike", "6.c");
        if property_keys_only && !matches!(next, Value::String(_) | Value::Symbol(_)) {
            return Err(agent.type_error("element is not a property key"));
        }
        // d. Append next to list.
        step!("sec-createlistfromarraylike", "6.d");
        list.push(next);
        // e. Set index to index + 1.
        step!("sec-createlistfromarraylike", "6.e");
        index += 1;
    }
    // 7. Return list.
    step!("sec-createlistfromarraylike", "7");
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
    //    (Callers pass an empty slice.)
    step!("sec-invoke", "1");
    // 2. Let func be ? GetV(V, P).
    step!("sec-invoke", "2");
    let func = get_v(agent, v, p)?;
    // 3. Return ? Call(func, V, argumentsList).
    step!("sec-invoke", "3");
    call(agent, &func, v, arguments)
}

/// OrdinaryHasInstance ( C, O ) (7.3.21).
pub fn ordinary_has_instance(agent: &mut Agent, c: &Value, o: &Value) -> JsResult<bool> {
    // 1. If IsCallable(C) is false, return false.
    step!("sec-ordinaryhasinstance", "1");
    let Value::Object(c) = c else {
        return Ok(false);
    };
    if !c.is_callable() {
        return Ok(false);
    }
    // 2. If C has a [[BoundTargetFunction]] internal slot, then
    step!("sec-ordinaryhasinstance", "2");
    let bound_target = match &c.data().kind {
        ObjectKind::BoundFunction(b) => Some(b.bound_target_function.clone()),
        _ => None,
    };
    if let Some(bc) = bound_target {
        // a. Let BC be C.[[BoundTargetFunction]].
        step!("sec-ordinaryhasinstance", "2.a");
        // b. Return ? InstanceofOperator(O, BC).
        step!("sec-ordinaryhasinstance", "2.b");
        return super::relational_operators::instanceof_operator(agent, o, &Value::Object(bc));
    }
    // 3. If O is not an Object, return false.
    step!("sec-ordinaryhasinstance", "3");
    let Value::Object(o) = o else {
        return Ok(false);
    };
    // 4. Let P be ? Get(C, "prototype").
    step!("sec-ordinaryhasinstance", "4");
    let p = get(agent, c, &"prototype".into())?;
    // 5. If P is not an Object, throw a TypeError exception.
    step!("sec-ordinaryhasinstance", "5");
    let Value::Object(p) = p else {
        return Err(agent.type_error("function has non-object prototype in instanceof check"));
    };
    // 6. Repeat,
    step!("sec-ordinaryhasinstance", "6");
    let mut o = o.clone();
    loop {
        // a. Set O to ? O.[[GetPrototypeOf]]().
        step!("sec-ordinaryhasinstance", "6.a");
        let next = o.get_prototype_of(agent)?;
        // b. If O is null, return false.
        step!("sec-ordinaryhasinstance", "6.b");
        let Some(next) = next else {
            return Ok(false);
        };
        // c. If SameValue(P, O) is true, return true.
        step!("sec-ordinaryhasinstance", "6.c");
        if next == p {
            return Ok(true);
        }
        o = next;
    }
}

/// SpeciesConstructor ( O, defaultConstructor ) (7.3.22).
#[crate::trace::checks_tracing_once]
pub fn species_constructor(
    agent: &mut Agent,
    o: &Object,
    default_constructor: &Object,
) -> JsResult<Object> {
    // 1. Let C be ? Get(O, "constructor").
    step!("sec-speciesconstructor", "1");
    let c = get(agent, o, &"constructor".into())?;
    // 2. If C is undefined, return defaultConstructor.
    step!("sec-speciesconstructor", "2");
    if c.is_undefined() {
        return Ok(default_constructor.clone());
    }
    // 3. If C is not an Object, throw a TypeError exception.
    step!("sec-speciesconstructor", "3");
    let Value::Object(c) = c else {
        return Err(agent.type_error("constructor is not an object"));
    };
    // 4. Let S be ? Get(C, %Symbol.species%).
    step!("sec-speciesconstructor", "4");
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    let s = get(agent, &c, &species)?;
    // 5. If S is either undefined or null, return defaultConstructor.
    step!("sec-speciesconstructor", "5");
    if s.is_nullish() {
        return Ok(default_constructor.clone());
    }
    // 6. If IsConstructor(S) is true, return S.
    step!("sec-speciesconstructor", "6");
    if is_constructor(&s) {
        if let Value::Object(s) = s {
            return Ok(s);
        }
    }
    // 7. Throw a TypeError exception.
    step!("sec-speciesconstructor", "7");
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
#[crate::trace::checks_tracing_once]
pub fn enumerable_own_properties(
    agent: &mut Agent,
    o: &Object,
    kind: EnumerableKind,
) -> JsResult<Vec<Value>> {
    // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
    step!("sec-enumerableownproperties", "1");
    let own_keys = o.own_property_keys(agent)?;
    // 2. Let results be a new empty List.
    step!("sec-enumerableownproperties", "2");
    let mut results = Vec::new();
    // 3. For each element key of ownKeys, do
    step!("sec-enumerableownproperties", "3");
    for key in own_keys {
        // a. If key is a String, then
        step!("sec-enumerableownproperties", "3.a");
        if key.is_symbol() {
            continue;
        }
        // i. Let desc be ? O.[[GetOwnProperty]](key).
        step!("sec-enumerableownproperties", "3.a.i");
        let desc = o.get_own_property(agent, &key)?;
        // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
        step!("sec-enumerableownproperties", "3.a.ii");
        if desc.is_none_or(|desc| desc.enumerable != Some(true)) {
            continue;
        }
        // 1. If kind is key, then
        step!("sec-enumerableownproperties", "3.a.ii.1");
        if kind == EnumerableKind::Key {
            // a. Append key to results.
            step!("sec-enumerableownproperties", "3.a.ii.1.a");
            results.push(key.to_value());
            continue;
        }
        // 2. Else,
        step!("sec-enumerableownproperties", "3.a.ii.2");
        // a. Let value be ? Get(O, key).
        step!("sec-enumerableownproperties", "3.a.ii.2.a");
        let value = get(agent, o, &key)?;
        // b. If kind is value, then
        step!("sec-enumerableownproperties", "3.a.ii.2.b");
        if kind == EnumerableKind::Value {
            // i. Append value to results.
            step!("sec-enumerableownproperties", "3.a.ii.2.b.i");
            results.push(value);
        } else {
            // c. Else,
            step!("sec-enumerableownproperties", "3.a.ii.2.c");
            // i. Assert: kind is ~key+value~.
            spec_assert!(
                "sec-enumerableownproperties",
                "3.a.ii.2.c.i",
                kind == EnumerableKind::KeyValue
            );
            // ii. Let entry be CreateArrayFromList(« key, value »).
            step!("sec-enumerableownproperties", "3.a.ii.2.c.ii");
            let entry = create_array_from_list(agent, vec![key.to_value(), value]);
            // iii. Append entry to results.
            step!("sec-enumerableownproperties", "3.a.ii.2.c.iii");
            results.push(Value::Object(entry));
        }
    }
    // 4. Return results.
    step!("sec-enumerableownproperties", "4");
    Ok(results)
}

/// GetFunctionRealm ( obj ) (7.3.24).
#[crate::trace::checks_tracing_once]
pub fn get_function_realm(agent: &mut Agent, obj: &Object) -> JsResult<Realm> {
    // (The recursion of steps 2.b and 3.d is a loop over the targets.)
    let mut obj = obj.clone();
    loop {
        // 1. If obj has a [[Realm]] internal slot, then
        step!("sec-getfunctionrealm", "1");
        let realm = match &obj.data().kind {
            ObjectKind::Function(f) => Some(f.realm.clone()),
            ObjectKind::Builtin(b) => Some(b.realm.clone()),
            _ => None,
        };
        if let Some(realm) = realm {
            // a. Return obj.[[Realm]].
            step!("sec-getfunctionrealm", "1.a");
            return Ok(realm);
        }
        // 2. If obj is a bound function exotic object, then
        step!("sec-getfunctionrealm", "2");
        let bound_target = match &obj.data().kind {
            ObjectKind::BoundFunction(b) => Some(b.bound_target_function.clone()),
            _ => None,
        };
        if let Some(bound_target_function) = bound_target {
            // a. Let boundTargetFunction be obj.[[BoundTargetFunction]].
            step!("sec-getfunctionrealm", "2.a");
            // b. Return ? GetFunctionRealm(boundTargetFunction).
            step!("sec-getfunctionrealm", "2.b");
            obj = bound_target_function;
            continue;
        }
        // 3. If obj is a Proxy exotic object, then
        step!("sec-getfunctionrealm", "3");
        let proxy_target = match &obj.data().kind {
            ObjectKind::Proxy(p) => Some(p.target.clone()),
            _ => None,
        };
        if let Some(target) = proxy_target {
            // a. Perform ? ValidateNonRevokedProxy(obj).
            step!("sec-getfunctionrealm", "3.a");
            let Some(proxy_target) = target else {
                return Err(agent.type_error("cannot perform operation on a revoked proxy"));
            };
            // b. Let proxyTarget be obj.[[ProxyTarget]].
            step!("sec-getfunctionrealm", "3.b");
            // c. Assert: proxyTarget is a function object.
            spec_assert!("sec-getfunctionrealm", "3.c", proxy_target.is_callable());
            // d. Return ? GetFunctionRealm(proxyTarget).
            step!("sec-getfunctionrealm", "3.d");
            obj = proxy_target;
            continue;
        }
        // 4. Return the current Realm Record.
        step!("sec-getfunctionrealm", "4");
        return Ok(agent.current_realm());
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
    step!("sec-copydataproperties", "1");
    if source.is_nullish() {
        return Ok(());
    }
    // 2. Let from be ! ToObject(source).
    step!("sec-copydataproperties", "2");
    let from = to_object(agent, source)?;
    // 3. Let keys be ? from.[[OwnPropertyKeys]]().
    step!("sec-copydataproperties", "3");
    let keys = from.own_property_keys(agent)?;
    // 4. For each element nextKey of keys, do
    step!("sec-copydataproperties", "4");
    for next_key in keys {
        // a. Let excluded be false.
        step!("sec-copydataproperties", "4.a");
        let mut excluded = false;
        // b. For each element e of excludedItems, do
        step!("sec-copydataproperties", "4.b");
        for e in excluded_items {
            // i. If SameValue(e, nextKey) is true, then
            step!("sec-copydataproperties", "4.b.i");
            if *e == next_key {
                // 1. Set excluded to true.
                step!("sec-copydataproperties", "4.b.i.1");
                excluded = true;
            }
        }
        // c. If excluded is false, then
        step!("sec-copydataproperties", "4.c");
        if !excluded {
            // i. Let desc be ? from.[[GetOwnProperty]](nextKey).
            step!("sec-copydataproperties", "4.c.i");
            let desc = from.get_own_property(agent, &next_key)?;
            // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
            step!("sec-copydataproperties", "4.c.ii");
            if desc.is_some_and(|desc| desc.enumerable == Some(true)) {
                // 1. Let propValue be ? Get(from, nextKey).
                step!("sec-copydataproperties", "4.c.ii.1");
                let value = get(agent, &from, &next_key)?;
                // 2. Perform ! CreateDataPropertyOrThrow(target, nextKey, propValue).
                step!("sec-copydataproperties", "4.c.ii.2");
                create_data_property_or_throw(agent, target, &next_key, value)?;
            }
        }
    }
    // 5. Return unused.
    step!("sec-copydataproperties", "5");
    Ok(())
}
