//! 10.1 Ordinary Object Internal Methods and Internal Slots
//! (sec-ordinary-object-internal-methods-and-internal-slots), and the object-creation
//! operations of 10.1.12-10.1.15.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::{InternalSlot, ObjectKind};
use super::object_type::{InternalMethods, Object, Property, PropertyKey};
use super::operations_on_objects::{call, create_data_property, get};
use super::property_descriptor::PropertyDescriptor;
use super::realms::{Intrinsic, Realm};
use super::testing_and_comparison::same_value;
use super::value::Value;

/// The internal methods of an ordinary object.
pub static ORDINARY_METHODS: InternalMethods = InternalMethods {
    get_prototype_of: ordinary_get_prototype_of,
    set_prototype_of: ordinary_set_prototype_of,
    is_extensible: ordinary_is_extensible,
    prevent_extensions: ordinary_prevent_extensions,
    get_own_property: ordinary_get_own_property,
    define_own_property: ordinary_define_own_property,
    has_property: ordinary_has_property,
    get: ordinary_get,
    set: ordinary_set,
    delete: ordinary_delete,
    own_property_keys: ordinary_own_property_keys,
    call: None,
    construct: None,
};

/// Whether `o` uses the ordinary [[Get]], [[GetOwnProperty]] and [[GetPrototypeOf]], so
/// that a property lookup on it cannot run user code except through accessors.
#[inline]
pub fn has_ordinary_lookup(o: &Object) -> bool {
    let methods = o.methods();
    std::ptr::fn_addr_eq(methods.get, ordinary_get as fn(_, _, _, _) -> _)
        && std::ptr::fn_addr_eq(
            methods.get_own_property,
            ordinary_get_own_property as fn(_, _, _) -> _,
        )
        && std::ptr::fn_addr_eq(
            methods.get_prototype_of,
            ordinary_get_prototype_of as fn(_, _) -> _,
        )
}

/// [[GetPrototypeOf]] ( ) (10.1.1) → OrdinaryGetPrototypeOf ( O ) (10.1.1.1).
pub fn ordinary_get_prototype_of(_agent: &mut Agent, o: &Object) -> JsResult<Option<Object>> {
    // 1. Return O.[[Prototype]].
    Ok(o.data().prototype.clone())
}

/// [[SetPrototypeOf]] ( V ) (10.1.2) → OrdinarySetPrototypeOf ( O, V ) (10.1.2.1).
pub fn ordinary_set_prototype_of(
    _agent: &mut Agent,
    o: &Object,
    v: Option<Object>,
) -> JsResult<bool> {
    Ok(ordinary_set_prototype_of_steps(o, v))
}

/// The steps of OrdinarySetPrototypeOf (10.1.2.1); they cannot throw.
pub fn ordinary_set_prototype_of_steps(o: &Object, v: Option<Object>) -> bool {
    // 1. Let current be O.[[Prototype]].
    let current = o.data().prototype.clone();
    // 2. If SameValue(V, current) is true, return true.
    if v == current {
        return true;
    }
    // 3. Let extensible be O.[[Extensible]].
    // 4. If extensible is false, return false.
    if !o.data().extensible {
        return false;
    }
    // 5. Let p be V.
    let mut p = v.clone();
    // 6. Let done be false.
    // 7. Repeat, while done is false,
    while let Some(candidate) = p {
        // a. If p is null, set done to true.
        // b. Else if SameValue(p, O) is true, return false.
        if candidate == *o {
            return false;
        }
        // c. Else,
        //    i. If p.[[GetPrototypeOf]] is not the ordinary object internal method defined
        //       in 10.1.1, set done to true.
        if !std::ptr::fn_addr_eq(
            candidate.methods().get_prototype_of,
            ordinary_get_prototype_of as fn(_, _) -> _,
        ) {
            break;
        }
        //    ii. Else, set p to p.[[Prototype]].
        p = candidate.data().prototype.clone();
    }
    // 8. Set O.[[Prototype]] to V.
    o.data_mut().prototype = v;
    // 9. Return true.
    true
}

/// [[IsExtensible]] ( ) (10.1.3) → OrdinaryIsExtensible ( O ) (10.1.3.1).
pub fn ordinary_is_extensible(_agent: &mut Agent, o: &Object) -> JsResult<bool> {
    // 1. Return O.[[Extensible]].
    Ok(o.data().extensible)
}

/// [[PreventExtensions]] ( ) (10.1.4) → OrdinaryPreventExtensions ( O ) (10.1.4.1).
pub fn ordinary_prevent_extensions(_agent: &mut Agent, o: &Object) -> JsResult<bool> {
    // 1. Set O.[[Extensible]] to false.
    o.data_mut().extensible = false;
    // 2. Return true.
    Ok(true)
}

/// [[GetOwnProperty]] ( P ) (10.1.5) → OrdinaryGetOwnProperty ( O, P ) (10.1.5.1).
pub fn ordinary_get_own_property(
    _agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. If O does not have an own property with key P, return undefined.
    // 2-9. Let D be a newly created Property Descriptor with the attributes of X.
    Ok(o.data().properties.0.get(p).map(Property::to_descriptor))
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.1.6) → OrdinaryDefineOwnProperty ( O, P, Desc )
/// (10.1.6.1).
pub fn ordinary_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. Let current be ? O.[[GetOwnProperty]](P).
    let current = o.get_own_property(agent, p)?;
    // 2. Let extensible be ? IsExtensible(O).
    let extensible = o.is_extensible(agent)?;
    // 3. Return ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current).
    Ok(validate_and_apply_property_descriptor(
        Some(o),
        p,
        extensible,
        desc,
        current,
    ))
}

/// IsCompatiblePropertyDescriptor ( Extensible, Desc, Current ) (10.1.6.2).
pub fn is_compatible_property_descriptor(
    extensible: bool,
    desc: PropertyDescriptor,
    current: Option<PropertyDescriptor>,
) -> bool {
    // 1. Return ValidateAndApplyPropertyDescriptor(undefined, "", Extensible, Desc, Current).
    validate_and_apply_property_descriptor(None, &"".into(), extensible, desc, current)
}

/// ValidateAndApplyPropertyDescriptor ( O, P, extensible, Desc, current ) (10.1.6.3).
pub fn validate_and_apply_property_descriptor(
    o: Option<&Object>,
    p: &PropertyKey,
    extensible: bool,
    desc: PropertyDescriptor,
    current: Option<PropertyDescriptor>,
) -> bool {
    // 2. If current is undefined, then
    let Some(current) = current else {
        // a. If extensible is false, return false.
        if !extensible {
            return false;
        }
        // b. If O is undefined, return true.
        let Some(o) = o else {
            return true;
        };
        let enumerable = desc.enumerable.unwrap_or(false);
        let configurable = desc.configurable.unwrap_or(false);
        let property = if desc.is_accessor_descriptor() {
            // c. If IsAccessorDescriptor(Desc) is true, then
            //    i. Create an own accessor property named P of object O whose [[Get]],
            //       [[Set]], [[Enumerable]], and [[Configurable]] attributes are set to the
            //       value of the corresponding field in Desc if Desc has that field, or to
            //       the attribute's default value otherwise.
            Property::Accessor {
                get: desc.get.unwrap_or_default(),
                set: desc.set.unwrap_or_default(),
                enumerable,
                configurable,
            }
        } else {
            // d. Else, i. Create an own data property named P of object O whose [[Value]],
            //    [[Writable]], [[Enumerable]], and [[Configurable]] attributes are set to the
            //    value of the corresponding field in Desc if Desc has that field, or to the
            //    attribute's default value otherwise.
            Property::Data {
                value: desc.value.unwrap_or_default(),
                writable: desc.writable.unwrap_or(false),
                enumerable,
                configurable,
            }
        };
        o.insert_property(p.clone(), property);
        // e. Return true.
        return true;
    };
    // 3. Assert: current is a fully populated Property Descriptor.
    // 4. If Desc does not have any fields, return true.
    if desc.value.is_none()
        && desc.writable.is_none()
        && desc.get.is_none()
        && desc.set.is_none()
        && desc.enumerable.is_none()
        && desc.configurable.is_none()
    {
        return true;
    }
    // 5. If current.[[Configurable]] is false, then
    if current.configurable == Some(false) {
        // a. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return
        //    false.
        if desc.configurable == Some(true) {
            return false;
        }
        // b. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is not
        //    current.[[Enumerable]], return false.
        if desc.enumerable.is_some() && desc.enumerable != current.enumerable {
            return false;
        }
        // c. If IsGenericDescriptor(Desc) is false and IsAccessorDescriptor(Desc) is not
        //    IsAccessorDescriptor(current), return false.
        if !desc.is_generic_descriptor()
            && desc.is_accessor_descriptor() != current.is_accessor_descriptor()
        {
            return false;
        }
        // d. If IsAccessorDescriptor(current) is true, then
        if current.is_accessor_descriptor() {
            // i. If Desc has a [[Get]] field and SameValue(Desc.[[Get]], current.[[Get]]) is
            //    false, return false.
            if let (Some(g), Some(cg)) = (&desc.get, &current.get) {
                if !same_value(g, cg) {
                    return false;
                }
            }
            // ii. If Desc has a [[Set]] field and SameValue(Desc.[[Set]], current.[[Set]])
            //     is false, return false.
            if let (Some(s), Some(cs)) = (&desc.set, &current.set) {
                if !same_value(s, cs) {
                    return false;
                }
            }
        } else if current.writable == Some(false) {
            // e. Else if current.[[Writable]] is false, then
            //    i. If Desc has a [[Writable]] field and Desc.[[Writable]] is true, return
            //       false.
            if desc.writable == Some(true) {
                return false;
            }
            //    ii. If Desc has a [[Value]] field and SameValue(Desc.[[Value]],
            //        current.[[Value]]) is false, return false.
            if let (Some(v), Some(cv)) = (&desc.value, &current.value) {
                if !same_value(v, cv) {
                    return false;
                }
            }
        }
    }
    // 6. If O is not undefined, then
    if let Some(o) = o {
        let configurable = desc.configurable.or(current.configurable).unwrap_or(false);
        let enumerable = desc.enumerable.or(current.enumerable).unwrap_or(false);
        let property = if current.is_data_descriptor() && desc.is_accessor_descriptor() {
            // a. If IsDataDescriptor(current) is true and IsAccessorDescriptor(Desc) is true,
            //    then i-ii. configurable and enumerable from Desc, else from current.
            //    iii. Replace the property named P of object O with an accessor property
            //    whose [[Get]] and [[Set]] attributes are set to the value of the
            //    corresponding field in Desc if Desc has that field, or to the attribute's
            //    default value otherwise.
            Property::Accessor {
                get: desc.get.unwrap_or_default(),
                set: desc.set.unwrap_or_default(),
                enumerable,
                configurable,
            }
        } else if current.is_accessor_descriptor() && desc.is_data_descriptor() {
            // b. Else if IsAccessorDescriptor(current) is true and IsDataDescriptor(Desc) is
            //    true, then ... iii. Replace the property named P of object O with a data
            //    property whose [[Value]] and [[Writable]] attributes are set to the value
            //    of the corresponding field in Desc if Desc has that field, or to the
            //    attribute's default value otherwise.
            Property::Data {
                value: desc.value.unwrap_or_default(),
                writable: desc.writable.unwrap_or(false),
                enumerable,
                configurable,
            }
        } else if current.is_accessor_descriptor() {
            // c. Else, i. For each field of Desc, set the corresponding attribute of the
            //    property named P of object O to the value of the field.
            Property::Accessor {
                get: desc.get.or(current.get).unwrap_or_default(),
                set: desc.set.or(current.set).unwrap_or_default(),
                enumerable,
                configurable,
            }
        } else {
            Property::Data {
                value: desc.value.or(current.value).unwrap_or_default(),
                writable: desc.writable.or(current.writable).unwrap_or(false),
                enumerable,
                configurable,
            }
        };
        o.insert_property(p.clone(), property);
    }
    // 7. Return true.
    true
}

/// [[HasProperty]] ( P ) (10.1.7) → OrdinaryHasProperty ( O, P ) (10.1.7.1).
pub fn ordinary_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let hasOwn be ? O.[[GetOwnProperty]](P).
    // 2. If hasOwn is not undefined, return true.
    if o.get_own_property(agent, p)?.is_some() {
        return Ok(true);
    }
    // 3. Let parent be ? O.[[GetPrototypeOf]]().
    // 4. If parent is not null, then a. Return ? parent.[[HasProperty]](P).
    // 5. Return false.
    match o.get_prototype_of(agent)? {
        Some(parent) => {
            agent.check_stack()?;
            parent.has_property(agent, p)
        }
        None => Ok(false),
    }
}

/// [[Get]] ( P, Receiver ) (10.1.8) → OrdinaryGet ( O, P, Receiver ) (10.1.8.1).
pub fn ordinary_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // Walking a chain of ordinary objects needs no calls through the method tables: no
    // user code can run until an accessor or an exotic object is reached.
    let mut current = o.clone();
    let mut first = true;
    loop {
        let fast = has_ordinary_lookup(&current);
        if !first
            && !fast
            && !std::ptr::fn_addr_eq(current.methods().get, ordinary_get as fn(_, _, _, _) -> _)
        {
            // An exotic [[Get]] up the chain: c. Return ? parent.[[Get]](P, Receiver).
            agent.check_stack()?;
            return current.get(agent, p, receiver);
        }
        first = false;
        // 1. Let desc be ? O.[[GetOwnProperty]](P).
        let desc = if fast {
            let data = current.data();
            match data.properties.0.get(p) {
                // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
                Some(Property::Data { value, .. }) => return Ok(value.clone()),
                other => other.map(Property::to_descriptor),
            }
        } else {
            current.get_own_property(agent, p)?
        };
        let Some(desc) = desc else {
            // 2. If desc is undefined, then
            //    a. Let parent be ? O.[[GetPrototypeOf]]().
            let parent = if fast {
                current.data().prototype.clone()
            } else {
                current.get_prototype_of(agent)?
            };
            //    b. If parent is null, return undefined.
            //    c. Return ? parent.[[Get]](P, Receiver).
            match parent {
                None => return Ok(Value::Undefined),
                Some(parent) => {
                    current = parent;
                    continue;
                }
            }
        };
        // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
        if desc.is_data_descriptor() {
            return Ok(desc.value.unwrap_or_default());
        }
        // 4. Assert: IsAccessorDescriptor(desc) is true.
        // 5. Let getter be desc.[[Get]].
        let getter = desc.get.unwrap_or_default();
        // 6. If getter is undefined, return undefined.
        if getter.is_undefined() {
            return Ok(Value::Undefined);
        }
        // 7. Return ? Call(getter, Receiver).
        return call(agent, &getter, receiver, &[]);
    }
}

/// [[Set]] ( P, V, Receiver ) (10.1.9) → OrdinarySet ( O, P, V, Receiver ) (10.1.9.1).
pub fn ordinary_set(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    // Fast path, not observable: O is the receiver, an ordinary object with an own
    // writable data property P, so steps 2.c-d.iv only replace its [[Value]].
    if let Value::Object(r) = receiver {
        if r == o && has_ordinary_lookup(o) && is_ordinary_define(o) {
            let mut data = o.data_mut();
            if let Some(Property::Data {
                value, writable, ..
            }) = data.properties.0.get_mut(p)
            {
                if *writable {
                    *value = v;
                    return Ok(true);
                }
                return Ok(false);
            }
        }
    }
    // 1. Let ownDesc be ? O.[[GetOwnProperty]](P).
    let own_desc = o.get_own_property(agent, p)?;
    // 2. Return ? OrdinarySetWithOwnDescriptor(O, P, V, Receiver, ownDesc).
    ordinary_set_with_own_descriptor(agent, o, p, v, receiver, own_desc)
}

/// Whether `o`'s [[DefineOwnProperty]], [[GetOwnProperty]] and [[IsExtensible]] are the
/// ordinary ones, so that defining a property on it runs no code.
pub fn defines_ordinarily(o: &Object) -> bool {
    let methods = o.methods();
    is_ordinary_define(o)
        && std::ptr::fn_addr_eq(
            methods.get_own_property,
            ordinary_get_own_property as fn(_, _, _) -> _,
        )
        && std::ptr::fn_addr_eq(
            methods.is_extensible,
            ordinary_is_extensible as fn(_, _) -> _,
        )
}

fn is_ordinary_define(o: &Object) -> bool {
    std::ptr::fn_addr_eq(
        o.methods().define_own_property,
        ordinary_define_own_property as fn(_, _, _, _) -> _,
    )
}

/// OrdinarySetWithOwnDescriptor ( O, P, V, Receiver, ownDesc ) (10.1.9.2).
pub fn ordinary_set_with_own_descriptor(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
    own_desc: Option<PropertyDescriptor>,
) -> JsResult<bool> {
    // 1. If ownDesc is undefined, then
    let own_desc = match own_desc {
        Some(desc) => desc,
        None => {
            // a. Let parent be ? O.[[GetPrototypeOf]]().
            // b. If parent is not null, then i. Return ? parent.[[Set]](P, V, Receiver).
            if let Some(parent) = o.get_prototype_of(agent)? {
                agent.check_stack()?;
                return parent.set(agent, p, v, receiver);
            }
            // c. Else, i. Set ownDesc to the PropertyDescriptor { [[Value]]: undefined,
            //    [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true }.
            PropertyDescriptor::data(Value::Undefined, true, true, true)
        }
    };
    // 2. If IsDataDescriptor(ownDesc) is true, then
    if own_desc.is_data_descriptor() {
        // a. If ownDesc.[[Writable]] is false, return false.
        if own_desc.writable == Some(false) {
            return Ok(false);
        }
        // b. If Receiver is not an Object, return false.
        let Value::Object(receiver) = receiver else {
            return Ok(false);
        };
        // c. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P).
        // d. If existingDescriptor is not undefined, then
        if let Some(existing) = receiver.get_own_property(agent, p)? {
            // i. If IsAccessorDescriptor(existingDescriptor) is true, return false.
            if existing.is_accessor_descriptor() {
                return Ok(false);
            }
            // ii. If existingDescriptor.[[Writable]] is false, return false.
            if existing.writable == Some(false) {
                return Ok(false);
            }
            // iii. Let valueDesc be the PropertyDescriptor { [[Value]]: V }.
            // iv. Return ? Receiver.[[DefineOwnProperty]](P, valueDesc).
            return receiver.define_own_property(agent, p, PropertyDescriptor::value_only(v));
        }
        // e. Else, i. Assert: Receiver does not currently have a property P.
        //    ii. Return ? CreateDataProperty(Receiver, P, V).
        return create_data_property(agent, receiver, p, v);
    }
    // 3. Assert: IsAccessorDescriptor(ownDesc) is true.
    // 4. Let setter be ownDesc.[[Set]].
    // 5. If setter is undefined, return false.
    let setter = own_desc.set.unwrap_or_default();
    if setter.is_undefined() {
        return Ok(false);
    }
    // 6. Perform ? Call(setter, Receiver, « V »).
    call(agent, &setter, receiver, &[v])?;
    // 7. Return true.
    Ok(true)
}

/// [[Delete]] ( P ) (10.1.10) → OrdinaryDelete ( O, P ) (10.1.10.1).
pub fn ordinary_delete(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P).
    // 2. If desc is undefined, return true.
    let Some(desc) = o.get_own_property(agent, p)? else {
        return Ok(true);
    };
    // 3. If desc.[[Configurable]] is true, then
    if desc.configurable == Some(true) {
        // a. Remove the own property with name P from O.
        o.data_mut().properties.0.shift_remove(p);
        // b. Return true.
        return Ok(true);
    }
    // 4. Return false.
    Ok(false)
}

/// [[OwnPropertyKeys]] ( ) (10.1.11) → OrdinaryOwnPropertyKeys ( O ) (10.1.11.1).
pub fn ordinary_own_property_keys(_agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    Ok(ordinary_own_property_keys_of(o))
}

/// The steps of OrdinaryOwnPropertyKeys; they cannot throw.
pub fn ordinary_own_property_keys_of(o: &Object) -> Vec<PropertyKey> {
    let data = o.data();
    let keys = &data.properties.0;
    // 1. Let keys be a new empty List.
    // 2. For each own property key P of O such that P is an array index, in ascending
    //    numeric index order, do a. Append P to keys.
    let mut indices: Vec<u32> = keys
        .keys()
        .filter_map(|k| match k {
            PropertyKey::Index(i) => Some(*i),
            _ => None,
        })
        .collect();
    indices.sort_unstable();
    let mut result: Vec<PropertyKey> = indices.into_iter().map(PropertyKey::Index).collect();
    // 3. For each own property key P of O such that P is a String and P is not an array
    //    index, in ascending chronological order of property creation, do
    //    a. Append P to keys.
    result.extend(
        keys.keys()
            .filter(|k| matches!(k, PropertyKey::String(_)))
            .cloned(),
    );
    // 4. For each own property key P of O such that P is a Symbol, in ascending
    //    chronological order of property creation, do a. Append P to keys.
    result.extend(keys.keys().filter(|k| k.is_symbol()).cloned());
    // 5. Return keys.
    result
}

/// OrdinaryObjectCreate ( proto [ , additionalInternalSlotsList ] ) (10.1.12).
pub fn ordinary_object_create(proto: Option<Object>) -> Object {
    ordinary_object_create_with(proto, ObjectKind::Ordinary)
}

/// OrdinaryObjectCreate with additional internal slots (`kind`).
pub fn ordinary_object_create_with(proto: Option<Object>, kind: ObjectKind) -> Object {
    // 1. Let internalSlotsList be « [[Prototype]], [[Extensible]] ».
    // 2. If additionalInternalSlotsList is present, set internalSlotsList to the
    //    list-concatenation of internalSlotsList and additionalInternalSlotsList.
    // 3. Let O be MakeBasicObject(internalSlotsList).
    // 4. Set O.[[Prototype]] to proto.
    // 5. Return O.
    Object::new(&ORDINARY_METHODS, proto, kind)
}

/// OrdinaryCreateFromConstructor ( constructor, intrinsicDefaultProto [ ,
/// internalSlotsList ] ) (10.1.13).
pub fn ordinary_create_from_constructor(
    agent: &mut Agent,
    constructor: &Object,
    intrinsic_default_proto: Intrinsic,
    kind: ObjectKind,
) -> JsResult<Object> {
    // 1. Assert: intrinsicDefaultProto is this specification's name of an intrinsic
    //    object. The corresponding object must be an intrinsic that is intended to be used
    //    as the [[Prototype]] value of an object.
    // 2. Let proto be ? GetPrototypeFromConstructor(constructor, intrinsicDefaultProto).
    let proto = get_prototype_from_constructor(agent, constructor, intrinsic_default_proto)?;
    // 3. If internalSlotsList is present, let slotsList be internalSlotsList.
    // 4. Else, let slotsList be a new empty List.
    // 5. Return OrdinaryObjectCreate(proto, slotsList).
    Ok(ordinary_object_create_with(Some(proto), kind))
}

/// GetPrototypeFromConstructor ( constructor, intrinsicDefaultProto ) (10.1.14).
pub fn get_prototype_from_constructor(
    agent: &mut Agent,
    constructor: &Object,
    intrinsic_default_proto: Intrinsic,
) -> JsResult<Object> {
    // 1. Assert: intrinsicDefaultProto is this specification's name of an intrinsic object.
    // 2. Let proto be ? Get(constructor, "prototype").
    let proto = get(agent, constructor, &"prototype".into())?;
    // 3. If proto is not an Object, then
    match proto {
        Value::Object(proto) => Ok(proto),
        _ => {
            // a. Let realm be ? GetFunctionRealm(constructor).
            let realm: Realm =
                super::operations_on_objects::get_function_realm(agent, constructor)?;
            // b. Set proto to realm's intrinsic object named intrinsicDefaultProto.
            Ok(realm.intrinsic(intrinsic_default_proto))
        }
    }
    // 4. Return proto.
}

/// RequireInternalSlot ( O, internalSlot ) (10.1.15), returning O as an Object: the one
/// brand check of every built-in, so its TypeError reads the same everywhere.
/// `operation` names the built-in that asks ("Map.prototype.get").
pub fn require_internal_slot(
    agent: &mut Agent,
    o: &Value,
    internal_slot: InternalSlot,
    operation: impl std::fmt::Display,
) -> JsResult<Object> {
    // 1. If O is not an Object, throw a TypeError exception.
    // 2. If O does not have an internalSlot internal slot, throw a TypeError exception.
    // 3. Return unused.
    match o {
        Value::Object(object) if object.data().kind.has_internal_slot(internal_slot) => {
            Ok(object.clone())
        }
        _ => Err(brand_check_error(agent, internal_slot, operation)),
    }
}

/// The TypeError of a failed brand check ([`require_internal_slot`], and the ThisXValue
/// operations that accept a primitive too).
pub fn brand_check_error(
    agent: &mut Agent,
    internal_slot: InternalSlot,
    operation: impl std::fmt::Display,
) -> Value {
    agent.type_error(&format!(
        "{operation} requires {} (an object with a {} internal slot)",
        internal_slot.holder(),
        internal_slot.name()
    ))
}
