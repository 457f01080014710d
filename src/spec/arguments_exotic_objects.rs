//! 10.4.4 Arguments Exotic Objects (sec-arguments-exotic-objects).
//!
//! The spec keeps a mapped arguments object's [[ParameterMap]] as an ordinary object whose
//! accessor properties close over the function's environment (MakeArgGetter /
//! MakeArgSetter). The map is never exposed to code, so it is kept here as what those
//! accessors amount to: for each mapped index, the parameter name whose binding in `env`
//! it reads and writes. `HasOwnProperty(map, P)`, `Get(map, P)`, `Set(map, P, V)` and
//! `map.[[Delete]](P)` are the methods of [`ParameterMap`].

use super::agents::Agent;
use super::completion_record::JsResult;
use super::environment_records::Env;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, Property, PropertyKey};
use super::ordinary_object_internal_methods::{
    ordinary_define_own_property, ordinary_delete, ordinary_get, ordinary_get_own_property,
    ordinary_object_create_with, ordinary_set, ORDINARY_METHODS,
};
use super::property_descriptor::PropertyDescriptor;
use super::realms::Intrinsic;
use super::value::Value;
use boa_gc::{custom_trace, Finalize, Trace};
use std::sync::Arc;

/// A mapped arguments object's [[ParameterMap]].
#[derive(Finalize)]
pub struct ParameterMap {
    pub env: Env,
    /// For each argument index, the parameter it is mapped to, if still mapped.
    pub names: Vec<Option<Arc<str>>>,
}

// SAFETY: only the environment holds Gc pointers; names hold none.
unsafe impl Trace for ParameterMap {
    custom_trace!(this, mark, {
        mark(&this.env);
    });
}

pub static MAPPED_ARGUMENTS_METHODS: InternalMethods = InternalMethods {
    get_own_property: arguments_get_own_property,
    define_own_property: arguments_define_own_property,
    get: arguments_get,
    set: arguments_set,
    delete: arguments_delete,
    ..ORDINARY_METHODS
};

/// HasOwnProperty(map, P): the parameter name P is mapped to.
fn mapped_name(args: &Object, p: &PropertyKey) -> Option<(Env, Arc<str>)> {
    let PropertyKey::Index(index) = p else {
        return None;
    };
    match &args.data().kind {
        ObjectKind::Arguments(Some(map)) => map
            .names
            .get(*index as usize)
            .cloned()
            .flatten()
            .map(|name| (map.env.clone(), name)),
        _ => None,
    }
}

/// map.[[Delete]](P).
fn unmap(args: &Object, p: &PropertyKey) {
    if let PropertyKey::Index(index) = p {
        if let ObjectKind::Arguments(Some(map)) = &mut args.data_mut().kind {
            if let Some(slot) = map.names.get_mut(*index as usize) {
                *slot = None;
            }
        }
    }
}

/// Get(map, P): MakeArgGetter's closure, `Return NameEnv.GetBindingValue(name, false)`.
fn map_get(agent: &mut Agent, env: &Env, name: &str) -> JsResult<Value> {
    env.get_binding_value(agent, name, false)
}

/// Set(map, P, V): MakeArgSetter's closure, `Return ! env.SetMutableBinding(name, value,
/// false)`.
fn map_set(agent: &mut Agent, env: &Env, name: &str, value: Value) -> JsResult<()> {
    env.set_mutable_binding(agent, name, value, false)
}

/// [[GetOwnProperty]] ( P ) (10.4.4.1).
fn arguments_get_own_property(
    agent: &mut Agent,
    args: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. Let desc be OrdinaryGetOwnProperty(args, P).
    crate::step!("sec-arguments-exotic-objects-getownproperty-p", "1");
    let desc = ordinary_get_own_property(agent, args, p)?;
    // 2. If desc is undefined, return undefined.
    crate::step!("sec-arguments-exotic-objects-getownproperty-p", "2");
    let Some(mut desc) = desc else {
        return Ok(None);
    };
    // 3. Let map be args.[[ParameterMap]].
    crate::step!("sec-arguments-exotic-objects-getownproperty-p", "3");
    // 4. Let isMapped be ! HasOwnProperty(map, P).
    crate::step!("sec-arguments-exotic-objects-getownproperty-p", "4");
    let is_mapped = mapped_name(args, p);
    // 5. If isMapped is true, then
    crate::step!("sec-arguments-exotic-objects-getownproperty-p", "5");
    if let Some((env, name)) = is_mapped {
        // a. Set desc.[[Value]] to ! Get(map, P).
        crate::step!("sec-arguments-exotic-objects-getownproperty-p", "5.a");
        desc.value = Some(map_get(agent, &env, &name)?);
    }
    // 6. Return desc.
    crate::step!("sec-arguments-exotic-objects-getownproperty-p", "6");
    Ok(Some(desc))
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.4.4.2).
fn arguments_define_own_property(
    agent: &mut Agent,
    args: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. Let map be args.[[ParameterMap]].
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "1");
    // 2. Let isMapped be ! HasOwnProperty(map, P).
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "2");
    let mapped = mapped_name(args, p);
    // 3. Let newArgDesc be Desc.
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "3");
    let mut new_arg_desc = desc.clone();
    // 4. If isMapped is true and IsDataDescriptor(Desc) is true, then
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "4");
    if let (Some((env, name)), true) = (&mapped, desc.is_data_descriptor()) {
        // a. If Desc does not have a [[Value]] field, Desc has a [[Writable]] field, and
        //    Desc.[[Writable]] is false, then
        crate::step!(
            "sec-arguments-exotic-objects-defineownproperty-p-desc",
            "4.a"
        );
        if desc.value.is_none() && desc.writable == Some(false) {
            // i. Set newArgDesc to a copy of Desc.
            crate::step!(
                "sec-arguments-exotic-objects-defineownproperty-p-desc",
                "4.a.i"
            );
            // ii. Set newArgDesc.[[Value]] to ! Get(map, P).
            crate::step!(
                "sec-arguments-exotic-objects-defineownproperty-p-desc",
                "4.a.ii"
            );
            new_arg_desc.value = Some(map_get(agent, env, name)?);
        }
    }
    // 5. Let allowed be ! OrdinaryDefineOwnProperty(args, P, newArgDesc).
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "5");
    let allowed = ordinary_define_own_property(agent, args, p, new_arg_desc)?;
    // 6. If allowed is false, return false.
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "6");
    if !allowed {
        return Ok(false);
    }
    // 7. If isMapped is true, then
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "7");
    if let Some((env, name)) = mapped {
        // a. If IsAccessorDescriptor(Desc) is true, then
        crate::step!(
            "sec-arguments-exotic-objects-defineownproperty-p-desc",
            "7.a"
        );
        if desc.is_accessor_descriptor() {
            // i. Perform ! map.[[Delete]](P).
            crate::step!(
                "sec-arguments-exotic-objects-defineownproperty-p-desc",
                "7.a.i"
            );
            unmap(args, p);
        } else {
            // b. Else,
            crate::step!(
                "sec-arguments-exotic-objects-defineownproperty-p-desc",
                "7.b"
            );
            // i. If Desc has a [[Value]] field, then
            crate::step!(
                "sec-arguments-exotic-objects-defineownproperty-p-desc",
                "7.b.i"
            );
            if let Some(value) = desc.value {
                // 1. Assert: The following Set will succeed, since formal parameters
                //    mapped by arguments objects are always writable.
                crate::spec_assert!(
                    "sec-arguments-exotic-objects-defineownproperty-p-desc",
                    "7.b.i.1",
                    by: "a mapped parameter's binding is a mutable binding of the function's environment"
                );
                // 2. Perform ! Set(map, P, Desc.[[Value]], false).
                crate::step!(
                    "sec-arguments-exotic-objects-defineownproperty-p-desc",
                    "7.b.i.2"
                );
                map_set(agent, &env, &name, value)?;
            }
            // ii. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, then
            crate::step!(
                "sec-arguments-exotic-objects-defineownproperty-p-desc",
                "7.b.ii"
            );
            if desc.writable == Some(false) {
                // 1. Perform ! map.[[Delete]](P).
                crate::step!(
                    "sec-arguments-exotic-objects-defineownproperty-p-desc",
                    "7.b.ii.1"
                );
                unmap(args, p);
            }
        }
    }
    // 8. Return true.
    crate::step!("sec-arguments-exotic-objects-defineownproperty-p-desc", "8");
    Ok(true)
}

/// [[Get]] ( P, Receiver ) (10.4.4.3).
fn arguments_get(
    agent: &mut Agent,
    args: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // 1. Let map be args.[[ParameterMap]].
    crate::step!("sec-arguments-exotic-objects-get-p-receiver", "1");
    // 2. Let isMapped be ! HasOwnProperty(map, P).
    crate::step!("sec-arguments-exotic-objects-get-p-receiver", "2");
    let is_mapped = mapped_name(args, p);
    // 3. If isMapped is false, then
    crate::step!("sec-arguments-exotic-objects-get-p-receiver", "3");
    match is_mapped {
        None => {
            // a. Return ? OrdinaryGet(args, P, Receiver).
            crate::step!("sec-arguments-exotic-objects-get-p-receiver", "3.a");
            ordinary_get(agent, args, p, receiver)
        }
        Some((env, name)) => {
            // 4. Else,
            crate::step!("sec-arguments-exotic-objects-get-p-receiver", "4");
            // a. Assert: map contains a formal parameter mapping for P.
            crate::spec_assert!("sec-arguments-exotic-objects-get-p-receiver", "4.a", by: "the match arm: mapped_name found the mapping");
            // b. Return ! Get(map, P).
            crate::step!("sec-arguments-exotic-objects-get-p-receiver", "4.b");
            map_get(agent, &env, &name)
        }
    }
}

/// [[Set]] ( P, V, Receiver ) (10.4.4.4).
fn arguments_set(
    agent: &mut Agent,
    args: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    // 1. If SameValue(args, Receiver) is false, then
    crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "1");
    let mapped = match receiver {
        Value::Object(r) if r == args => {
            // 2. Else,
            crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "2");
            // a. Let map be args.[[ParameterMap]].
            crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "2.a");
            // b. Let isMapped be ! HasOwnProperty(map, P).
            crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "2.b");
            mapped_name(args, p)
        }
        _ => {
            // a. Let isMapped be false.
            crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "1.a");
            None
        }
    };
    // 3. If isMapped is true, then
    crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "3");
    if let Some((env, name)) = mapped {
        // a. Assert: The following Set will succeed, since formal parameters mapped by
        //    arguments objects are always writable.
        crate::spec_assert!(
            "sec-arguments-exotic-objects-set-p-v-receiver",
            "3.a",
            by: "a mapped parameter's binding is a mutable binding of the function's environment"
        );
        // b. Perform ! Set(map, P, V, false).
        crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "3.b");
        map_set(agent, &env, &name, v.clone())?;
    }
    // 4. Return ? OrdinarySet(args, P, V, Receiver).
    crate::step!("sec-arguments-exotic-objects-set-p-v-receiver", "4");
    ordinary_set(agent, args, p, v, receiver)
}

/// [[Delete]] ( P ) (10.4.4.5).
fn arguments_delete(agent: &mut Agent, args: &Object, p: &PropertyKey) -> JsResult<bool> {
    // 1. Let map be args.[[ParameterMap]].
    crate::step!("sec-arguments-exotic-objects-delete-p", "1");
    // 2. Let isMapped be ! HasOwnProperty(map, P).
    crate::step!("sec-arguments-exotic-objects-delete-p", "2");
    let is_mapped = mapped_name(args, p).is_some();
    // 3. Let result be ? OrdinaryDelete(args, P).
    crate::step!("sec-arguments-exotic-objects-delete-p", "3");
    let result = ordinary_delete(agent, args, p)?;
    // 4. If result is true and isMapped is true, then
    crate::step!("sec-arguments-exotic-objects-delete-p", "4");
    if result && is_mapped {
        // a. Perform ! map.[[Delete]](P).
        crate::step!("sec-arguments-exotic-objects-delete-p", "4.a");
        unmap(args, p);
    }
    // 5. Return result.
    crate::step!("sec-arguments-exotic-objects-delete-p", "5");
    Ok(result)
}

/// The iterator property of an arguments object: ! DefinePropertyOrThrow(obj,
/// %Symbol.iterator%, PropertyDescriptor { [[Value]]: %Array.prototype.values%,
/// [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
fn define_iterator(agent: &mut Agent, obj: &Object) {
    let values = agent.intrinsic(Intrinsic::ArrayPrototypeValues);
    obj.insert_property(
        PropertyKey::Symbol(agent.well_known.iterator.clone()),
        Property::data(Value::Object(values), true, false, true),
    );
}

/// The length property of an arguments object: ! DefinePropertyOrThrow(obj, "length",
/// PropertyDescriptor { [[Value]]: 𝔽(len), [[Writable]]: true, [[Enumerable]]: false,
/// [[Configurable]]: true }).
fn define_length(obj: &Object, len: usize) {
    obj.insert_property(
        "length".into(),
        Property::data(Value::Number(len as f64), true, false, true),
    );
}

/// CreateUnmappedArgumentsObject ( argumentsList ) (10.4.4.6).
pub fn create_unmapped_arguments_object(agent: &mut Agent, arguments: &[Value]) -> Object {
    // 1. Let len be the number of elements in argumentsList.
    crate::step!("sec-createunmappedargumentsobject", "1");
    let len = arguments.len();
    // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%, « [[ParameterMap]] »).
    crate::step!("sec-createunmappedargumentsobject", "2");
    let proto = agent.intrinsic(Intrinsic::ObjectPrototype);
    // 3. Set obj.[[ParameterMap]] to undefined.
    crate::step!("sec-createunmappedargumentsobject", "3");
    let obj = ordinary_object_create_with(Some(proto), ObjectKind::Arguments(None));
    // 4. Perform ! DefinePropertyOrThrow(obj, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(len), [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-createunmappedargumentsobject", "4");
    define_length(&obj, len);
    // 5. Let index be 0.
    crate::step!("sec-createunmappedargumentsobject", "5");
    // 6. Repeat, while index < len,
    crate::step!("sec-createunmappedargumentsobject", "6");
    for (index, value) in arguments.iter().enumerate() {
        // a. Let val be argumentsList[index].
        crate::step!("sec-createunmappedargumentsobject", "6.a");
        // b. Perform ! CreateDataPropertyOrThrow(obj, ! ToString(𝔽(index)), val).
        crate::step!("sec-createunmappedargumentsobject", "6.b");
        obj.insert_property(
            PropertyKey::from(index as u32),
            Property::data(value.clone(), true, true, true),
        );
        // c. Set index to index + 1.
        crate::step!("sec-createunmappedargumentsobject", "6.c");
    }
    // 7. Perform ! DefinePropertyOrThrow(obj, %Symbol.iterator%, PropertyDescriptor {
    //    [[Value]]: %Array.prototype.values%, [[Writable]]: true, [[Enumerable]]: false,
    //    [[Configurable]]: true }).
    crate::step!("sec-createunmappedargumentsobject", "7");
    define_iterator(agent, &obj);
    // 8. Perform ! DefinePropertyOrThrow(obj, "callee", PropertyDescriptor { [[Get]]:
    //    %ThrowTypeError%, [[Set]]: %ThrowTypeError%, [[Enumerable]]: false,
    //    [[Configurable]]: false }).
    crate::step!("sec-createunmappedargumentsobject", "8");
    let thrower = agent.intrinsic(Intrinsic::ThrowTypeError);
    obj.insert_property(
        "callee".into(),
        Property::Accessor {
            get: Some(thrower.clone()),
            set: Some(thrower),
            enumerable: false,
            configurable: false,
        },
    );
    // 9. Return obj.
    crate::step!("sec-createunmappedargumentsobject", "9");
    obj
}

/// CreateMappedArgumentsObject ( func, formals, argumentsList, env ) (10.4.4.7);
/// `parameter_names` are the BoundNames of formals.
pub fn create_mapped_arguments_object(
    agent: &mut Agent,
    func: &Object,
    parameter_names: &[&str],
    arguments: &[Value],
    env: &Env,
) -> Object {
    // 1. Assert: formals does not contain a rest parameter, any binding patterns, or any
    //    initializers. It may contain duplicate identifiers.
    crate::spec_assert!(
        "sec-createmappedargumentsobject",
        "1",
        by: "FunctionDeclarationInstantiation passes the BoundNames of simple parameter lists only"
    );
    // 2. Let len be the number of elements in argumentsList.
    crate::step!("sec-createmappedargumentsobject", "2");
    let len = arguments.len();
    // 3. Let obj be MakeBasicObject(« [[Prototype]], [[Extensible]], [[ParameterMap]] »).
    crate::step!("sec-createmappedargumentsobject", "3");
    // 4. Set obj.[[GetOwnProperty]] as specified in 10.4.4.1.
    crate::step!("sec-createmappedargumentsobject", "4");
    // 5. Set obj.[[DefineOwnProperty]] as specified in 10.4.4.2.
    crate::step!("sec-createmappedargumentsobject", "5");
    // 6. Set obj.[[Get]] as specified in 10.4.4.3.
    crate::step!("sec-createmappedargumentsobject", "6");
    // 7. Set obj.[[Set]] as specified in 10.4.4.4.
    crate::step!("sec-createmappedargumentsobject", "7");
    // 8. Set obj.[[Delete]] as specified in 10.4.4.5.
    crate::step!("sec-createmappedargumentsobject", "8");
    // 9. Set obj.[[Prototype]] to %Object.prototype%.
    crate::step!("sec-createmappedargumentsobject", "9");
    let proto = agent.intrinsic(Intrinsic::ObjectPrototype);
    // 10. Let map be OrdinaryObjectCreate(null). (A ParameterMap: for each index, the
    //     parameter whose binding its accessors read and write; none mapped yet.)
    crate::step!("sec-createmappedargumentsobject", "10");
    let map = ParameterMap {
        env: env.clone(),
        names: vec![None; len.min(parameter_names.len())],
    };
    // 11. Set obj.[[ParameterMap]] to map.
    crate::step!("sec-createmappedargumentsobject", "11");
    let obj = Object::new(
        &MAPPED_ARGUMENTS_METHODS,
        Some(proto),
        ObjectKind::Arguments(Some(Box::new(map))),
    );
    // 12. Let parameterNames be the BoundNames of formals.
    crate::step!("sec-createmappedargumentsobject", "12");
    // 13. Let numberOfParameters be the number of elements in parameterNames.
    crate::step!("sec-createmappedargumentsobject", "13");
    let number_of_parameters = parameter_names.len();
    // 14. Let index be 0.
    crate::step!("sec-createmappedargumentsobject", "14");
    // 15. Repeat, while index < len,
    crate::step!("sec-createmappedargumentsobject", "15");
    for (index, value) in arguments.iter().enumerate() {
        // a. Let val be argumentsList[index].
        crate::step!("sec-createmappedargumentsobject", "15.a");
        // b. Perform ! CreateDataPropertyOrThrow(obj, ! ToString(𝔽(index)), val).
        crate::step!("sec-createmappedargumentsobject", "15.b");
        obj.insert_property(
            PropertyKey::from(index as u32),
            Property::data(value.clone(), true, true, true),
        );
        // c. Set index to index + 1.
        crate::step!("sec-createmappedargumentsobject", "15.c");
    }
    // 16. Perform ! DefinePropertyOrThrow(obj, "length", PropertyDescriptor { [[Value]]:
    //     𝔽(len), [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-createmappedargumentsobject", "16");
    define_length(&obj, len);
    // 17. Let mappedNames be a new empty List.
    crate::step!("sec-createmappedargumentsobject", "17");
    let mut mapped_names = super::name_lists::NameList::new();
    // 18. Set index to numberOfParameters - 1.
    crate::step!("sec-createmappedargumentsobject", "18");
    // 19. Repeat, while index ≥ 0,
    crate::step!("sec-createmappedargumentsobject", "19");
    for (index, name) in parameter_names[..number_of_parameters]
        .iter()
        .enumerate()
        .rev()
    {
        // a. Let name be parameterNames[index].
        crate::step!("sec-createmappedargumentsobject", "19.a");
        let name = *name;
        // b. If mappedNames does not contain name, then
        crate::step!("sec-createmappedargumentsobject", "19.b");
        if !mapped_names.contains(name) {
            // i. Append name to mappedNames.
            crate::step!("sec-createmappedargumentsobject", "19.b.i");
            mapped_names.push(name);
            // ii. If index < len, then
            crate::step!("sec-createmappedargumentsobject", "19.b.ii");
            if index < len {
                // 1. Let g be MakeArgGetter(name, env).
                // 2. Let p be MakeArgSetter(name, env).
                // 3. Perform ! map.[[DefineOwnProperty]](! ToString(𝔽(index)),
                //    PropertyDescriptor { [[Set]]: p, [[Get]]: g, [[Enumerable]]: false,
                //    [[Configurable]]: true }).
                // (The accessors g and p are map_get and map_set on name in env: the map
                // records name for index.)
                crate::step!("sec-createmappedargumentsobject", "19.b.ii.1");
                crate::step!("sec-createmappedargumentsobject", "19.b.ii.2");
                crate::step!("sec-createmappedargumentsobject", "19.b.ii.3");
                if let ObjectKind::Arguments(Some(map)) = &mut obj.data_mut().kind {
                    map.names[index] = Some(super::environment_records::interned_name(name));
                }
            }
        }
        // c. Set index to index - 1.
        crate::step!("sec-createmappedargumentsobject", "19.c");
    }
    // 20. Perform ! DefinePropertyOrThrow(obj, %Symbol.iterator%, PropertyDescriptor {
    //     [[Value]]: %Array.prototype.values%, [[Writable]]: true, [[Enumerable]]: false,
    //     [[Configurable]]: true }).
    crate::step!("sec-createmappedargumentsobject", "20");
    define_iterator(agent, &obj);
    // 21. Perform ! DefinePropertyOrThrow(obj, "callee", PropertyDescriptor { [[Value]]:
    //     func, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-createmappedargumentsobject", "21");
    obj.insert_property(
        "callee".into(),
        Property::data(Value::Object(func.clone()), true, false, true),
    );
    // 22. Return obj.
    crate::step!("sec-createmappedargumentsobject", "22");
    obj
}
