//! 10.5 Proxy Object Internal Methods and Internal Slots
//! (sec-proxy-object-internal-methods-and-internal-slots).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, PropertyKey};
use super::operations_on_objects::{
    call, construct, create_array_from_list, create_list_from_array_like, get_method,
};
use super::ordinary_object_internal_methods::is_compatible_property_descriptor;
use super::property_descriptor::{
    complete_property_descriptor, from_property_descriptor, to_property_descriptor,
    PropertyDescriptor,
};
use super::testing_and_comparison::same_value;
use super::type_conversion::to_boolean;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// [[ProxyTarget]] and [[ProxyHandler]]; both `None` once revoked.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ProxyData {
    pub target: Option<Object>,
    pub handler: Option<Object>,
}

pub static PROXY_METHODS: InternalMethods = InternalMethods {
    get_prototype_of: proxy_get_prototype_of,
    set_prototype_of: proxy_set_prototype_of,
    is_extensible: proxy_is_extensible,
    prevent_extensions: proxy_prevent_extensions,
    get_own_property: proxy_get_own_property,
    define_own_property: proxy_define_own_property,
    has_property: proxy_has_property,
    get: proxy_get,
    set: proxy_set,
    delete: proxy_delete,
    own_property_keys: proxy_own_property_keys,
    call: None,
    construct: None,
};

static PROXY_CALLABLE_METHODS: InternalMethods = InternalMethods {
    call: Some(proxy_call),
    ..PROXY_METHODS
};

static PROXY_CONSTRUCTOR_METHODS: InternalMethods = InternalMethods {
    call: Some(proxy_call),
    construct: Some(proxy_construct),
    ..PROXY_METHODS
};

/// Steps 1-4 of most proxy internal methods: ValidateNonRevokedProxy(O), then the target,
/// the handler, and ? GetMethod(handler, name).
fn trap(agent: &mut Agent, o: &Object, name: &str) -> JsResult<(Object, Object, Option<Value>)> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    // 3. Let handler be O.[[ProxyHandler]].
    // 4. Assert: handler is an Object.
    let (target, handler) = match &o.data().kind {
        ObjectKind::Proxy(p) => (p.target.clone(), p.handler.clone()),
        _ => unreachable!("a Proxy exotic object"),
    };
    let (target, handler) = (target.expect("not revoked"), handler.expect("not revoked"));
    // 5. Let trap be ? GetMethod(handler, name).
    let trap = get_method(agent, &Value::Object(handler.clone()), &name.into())?;
    Ok((target, handler, trap))
}

/// O.[[ProxyTarget]] and O.[[ProxyHandler]] of a proxy that is not revoked.
fn proxy_target_and_handler(o: &Object) -> (Object, Object) {
    match &o.data().kind {
        ObjectKind::Proxy(ProxyData {
            target: Some(target),
            handler: Some(handler),
        }) => (target.clone(), handler.clone()),
        _ => unreachable!("a Proxy exotic object that is not revoked"),
    }
}

/// ValidateNonRevokedProxy ( proxy ) (10.5.14).
pub fn validate_non_revoked_proxy(agent: &mut Agent, proxy: &Object) -> JsResult<()> {
    // 1. If proxy.[[ProxyTarget]] is null, throw a TypeError exception.
    crate::step!("sec-validatenonrevokedproxy", "1");
    let revoked = matches!(&proxy.data().kind, ObjectKind::Proxy(p) if p.target.is_none());
    if revoked {
        return Err(agent.type_error("cannot perform operation on a revoked proxy"));
    }
    // 2. Assert: proxy.[[ProxyHandler]] is not null.
    crate::spec_assert!(
        "sec-validatenonrevokedproxy",
        "2",
        !matches!(&proxy.data().kind, ObjectKind::Proxy(p) if p.handler.is_none())
    );
    // 3. Return unused.
    crate::step!("sec-validatenonrevokedproxy", "3");
    Ok(())
}

/// [[GetPrototypeOf]] ( ) (10.5.1).
fn proxy_get_prototype_of(agent: &mut Agent, o: &Object) -> JsResult<Option<Object>> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-getprototypeof", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "getPrototypeOf").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"getPrototypeOf".into(),
    )?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[GetPrototypeOf]]().
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
            "6.a"
        );
        return target.get_prototype_of(agent);
    };
    // 7. Let handlerProto be ? Call(trap, handler, « target »).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "7"
    );
    let handler_proto = call(agent, &trap, &handler.into(), &[target.clone().into()])?;
    // 8. If handlerProto is not an Object and handlerProto is not null, throw a TypeError
    //    exception.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "8"
    );
    let handler_proto = match handler_proto {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Err(agent.type_error("getPrototypeOf trap returned neither object nor null")),
    };
    // 9. Let extensibleTarget be ? IsExtensible(target).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "9"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 10. If extensibleTarget is true, return handlerProto.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "10"
    );
    if extensible_target {
        return Ok(handler_proto);
    }
    // 11. Let targetProto be ? target.[[GetPrototypeOf]]().
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "11"
    );
    let target_proto = target.get_prototype_of(agent)?;
    // 12. If SameValue(handlerProto, targetProto) is false, throw a TypeError exception.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "12"
    );
    if handler_proto != target_proto {
        return Err(agent.type_error(
            "getPrototypeOf trap result differs from the non-extensible target's prototype",
        ));
    }
    // 13. Return handlerProto.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "13"
    );
    Ok(handler_proto)
}

/// [[SetPrototypeOf]] ( V ) (10.5.2).
fn proxy_set_prototype_of(agent: &mut Agent, o: &Object, v: Option<Object>) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "setPrototypeOf").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"setPrototypeOf".into(),
    )?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[SetPrototypeOf]](V).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
            "6.a"
        );
        return target.set_prototype_of(agent, v);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, V »)).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "7"
    );
    let result = call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), v.clone().into()],
    )?;
    // 8. If booleanTrapResult is false, return false.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "8"
    );
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 9. Let extensibleTarget be ? IsExtensible(target).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "9"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 10. If extensibleTarget is true, return true.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "10"
    );
    if extensible_target {
        return Ok(true);
    }
    // 11. Let targetProto be ? target.[[GetPrototypeOf]]().
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "11"
    );
    let target_proto = target.get_prototype_of(agent)?;
    // 12. If SameValue(V, targetProto) is false, throw a TypeError exception.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "12"
    );
    if target_proto != v {
        return Err(agent.type_error(
            "setPrototypeOf trap returned true for a non-extensible target with another prototype",
        ));
    }
    // 13. Return true.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "13"
    );
    Ok(true)
}

/// [[IsExtensible]] ( ) (10.5.3).
fn proxy_is_extensible(agent: &mut Agent, o: &Object) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-isextensible", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "isExtensible").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"isExtensible".into(),
    )?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? IsExtensible(target).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
            "6.a"
        );
        return target.is_extensible(agent);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "7"
    );
    let result = to_boolean(&call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into()],
    )?);
    // 8. Let targetResult be ? IsExtensible(target).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "8"
    );
    let target_result = target.is_extensible(agent)?;
    // 9. If booleanTrapResult is not targetResult, throw a TypeError exception.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "9"
    );
    if result != target_result {
        return Err(agent.type_error("isExtensible trap result does not reflect the target"));
    }
    // 10. Return booleanTrapResult.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "10"
    );
    Ok(result)
}

/// [[PreventExtensions]] ( ) (10.5.4).
fn proxy_prevent_extensions(agent: &mut Agent, o: &Object) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-preventextensions", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "preventExtensions").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"preventExtensions".into(),
    )?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[PreventExtensions]]().
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
            "6.a"
        );
        return target.prevent_extensions(agent);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "7"
    );
    let result = to_boolean(&call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into()],
    )?);
    // 8. If booleanTrapResult is true, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "8"
    );
    if result {
        // a. Let extensibleTarget be ? IsExtensible(target).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
            "8.a"
        );
        let extensible_target = target.is_extensible(agent)?;
        // b. If extensibleTarget is true, throw a TypeError exception.
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
            "8.b"
        );
        if extensible_target {
            return Err(
                agent.type_error("preventExtensions trap returned true for an extensible target")
            );
        }
    }
    // 9. Return booleanTrapResult.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "9"
    );
    Ok(result)
}

/// [[GetOwnProperty]] ( P ) (10.5.5).
fn proxy_get_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    let (target, handler, trap) = trap(agent, o, "getOwnPropertyDescriptor")?;
    // 6. If trap is undefined, then a. Return ? target.[[GetOwnProperty]](P).
    let Some(trap) = trap else {
        return target.get_own_property(agent, p);
    };
    // 7. Let trapResultObj be ? Call(trap, handler, « target, P »).
    let trap_result_obj = call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value()],
    )?;
    // 8. If trapResultObj is not an Object and trapResultObj is not undefined, throw a
    //    TypeError exception.
    if !trap_result_obj.is_object() && !trap_result_obj.is_undefined() {
        return Err(
            agent.type_error("getOwnPropertyDescriptor trap returned neither object nor undefined")
        );
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = target.get_own_property(agent, p)?;
    // 10. If trapResultObj is undefined, then
    if trap_result_obj.is_undefined() {
        // a. If targetDesc is undefined, return undefined.
        let Some(target_desc) = target_desc else {
            return Ok(None);
        };
        // b. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
        if target_desc.configurable == Some(false) {
            return Err(
                agent.type_error("getOwnPropertyDescriptor trap hid a non-configurable property")
            );
        }
        // c. Let extensibleTarget be ? IsExtensible(target).
        // d. If extensibleTarget is false, throw a TypeError exception.
        if !target.is_extensible(agent)? {
            return Err(agent.type_error(
                "getOwnPropertyDescriptor trap hid a property of a non-extensible target",
            ));
        }
        // e. Return undefined.
        return Ok(None);
    }
    // 11. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target.is_extensible(agent)?;
    // 12. Let resultDesc be ? ToPropertyDescriptor(trapResultObj).
    let mut result_desc = to_property_descriptor(agent, &trap_result_obj)?;
    // 13. Perform CompletePropertyDescriptor(resultDesc).
    complete_property_descriptor(&mut result_desc);
    // 14. Let valid be IsCompatiblePropertyDescriptor(extensibleTarget, resultDesc,
    //     targetDesc).
    // 15. If valid is false, throw a TypeError exception.
    if !is_compatible_property_descriptor(
        extensible_target,
        result_desc.clone(),
        target_desc.clone(),
    ) {
        return Err(
            agent.type_error("getOwnPropertyDescriptor trap returned an incompatible descriptor")
        );
    }
    // 16. If resultDesc.[[Configurable]] is false, then
    if result_desc.configurable == Some(false) {
        // a. If targetDesc is undefined or targetDesc.[[Configurable]] is true, then
        //    i. Throw a TypeError exception.
        match &target_desc {
            None => return Err(agent.type_error("getOwnPropertyDescriptor trap reported a non-configurable property the target lacks")),
            Some(t) if t.configurable == Some(true) => {
                return Err(agent.type_error("getOwnPropertyDescriptor trap reported a configurable property as non-configurable"))
            }
            _ => {}
        }
        // b. If resultDesc has a [[Writable]] field and resultDesc.[[Writable]] is false,
        //    then i. Assert: targetDesc has a [[Writable]] field.
        //    ii. If targetDesc.[[Writable]] is true, throw a TypeError exception.
        if result_desc.writable == Some(false)
            && target_desc.as_ref().and_then(|t| t.writable) == Some(true)
        {
            return Err(agent.type_error(
                "getOwnPropertyDescriptor trap reported a writable property as non-writable",
            ));
        }
    }
    // 17. Return resultDesc.
    Ok(Some(result_desc))
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.5.6).
fn proxy_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    let (target, handler, trap) = trap(agent, o, "defineProperty")?;
    // 6. If trap is undefined, then a. Return ? target.[[DefineOwnProperty]](P, Desc).
    let Some(trap) = trap else {
        return target.define_own_property(agent, p, desc);
    };
    // 7. Let descObj be FromPropertyDescriptor(Desc).
    let desc_obj = from_property_descriptor(agent, Some(&desc));
    // 8. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, descObj »)).
    let result = call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value(), desc_obj],
    )?;
    // 9. If booleanTrapResult is false, return false.
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 10. Let targetDesc be ? target.[[GetOwnProperty]](P).
    let target_desc = target.get_own_property(agent, p)?;
    // 11. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target.is_extensible(agent)?;
    // 12. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false, then
    //     a. Let settingConfigFalse be true.
    // 13. Else, let settingConfigFalse be false.
    let setting_config_false = desc.configurable == Some(false);
    match target_desc {
        // 14. If targetDesc is undefined, then
        None => {
            // a. If extensibleTarget is false, throw a TypeError exception.
            if !extensible_target {
                return Err(agent.type_error(
                    "defineProperty trap added a property to a non-extensible target",
                ));
            }
            // b. If settingConfigFalse is true, throw a TypeError exception.
            if setting_config_false {
                return Err(agent.type_error(
                    "defineProperty trap defined a non-configurable property the target lacks",
                ));
            }
        }
        // 15. Else,
        Some(target_desc) => {
            // a. If IsCompatiblePropertyDescriptor(extensibleTarget, Desc, targetDesc) is
            //    false, throw a TypeError exception.
            if !is_compatible_property_descriptor(
                extensible_target,
                desc.clone(),
                Some(target_desc.clone()),
            ) {
                return Err(agent.type_error(
                    "defineProperty trap result is incompatible with the target property",
                ));
            }
            // b. If settingConfigFalse is true and targetDesc.[[Configurable]] is true,
            //    throw a TypeError exception.
            if setting_config_false && target_desc.configurable == Some(true) {
                return Err(agent.type_error(
                    "defineProperty trap made a configurable property non-configurable",
                ));
            }
            // c. If IsDataDescriptor(targetDesc) is true, targetDesc.[[Configurable]] is
            //    false, and targetDesc.[[Writable]] is true, then
            //    i. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, throw a
            //       TypeError exception.
            if target_desc.is_data_descriptor()
                && target_desc.configurable == Some(false)
                && target_desc.writable == Some(true)
                && desc.writable == Some(false)
            {
                return Err(agent.type_error(
                    "defineProperty trap made a non-configurable writable property non-writable",
                ));
            }
        }
    }
    // 16. Return true.
    Ok(true)
}

/// [[HasProperty]] ( P ) (10.5.7).
fn proxy_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "has").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"has".into())?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[HasProperty]](P).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
            "6.a"
        );
        return target.has_property(agent, p);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "7"
    );
    let result = to_boolean(&call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value()],
    )?);
    // 8. If booleanTrapResult is false, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "8"
    );
    if !result {
        // a. Let targetDesc be ? target.[[GetOwnProperty]](P).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
            "8.a"
        );
        let target_desc = target.get_own_property(agent, p)?;
        // b. If targetDesc is not undefined, then
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
            "8.b"
        );
        if let Some(target_desc) = target_desc {
            // i. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
                "8.b.i"
            );
            if target_desc.configurable == Some(false) {
                return Err(agent.type_error("has trap hid a non-configurable property"));
            }
            // ii. Let extensibleTarget be ? IsExtensible(target).
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
                "8.b.ii"
            );
            let extensible_target = target.is_extensible(agent)?;
            // iii. If extensibleTarget is false, throw a TypeError exception.
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
                "8.b.iii"
            );
            if !extensible_target {
                return Err(agent.type_error("has trap hid a property of a non-extensible target"));
            }
        }
    }
    // 9. Return booleanTrapResult.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "9"
    );
    Ok(result)
}

/// [[Get]] ( P, Receiver ) (10.5.8).
fn proxy_get(agent: &mut Agent, o: &Object, p: &PropertyKey, receiver: &Value) -> JsResult<Value> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "get").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"get".into())?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[Get]](P, Receiver).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
            "6.a"
        );
        return target.get(agent, p, receiver);
    };
    // 7. Let trapResult be ? Call(trap, handler, « target, P, Receiver »).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "7"
    );
    let trap_result = call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value(), receiver.clone()],
    )?;
    // 8. Let targetDesc be ? target.[[GetOwnProperty]](P).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "8"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 9. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "9"
    );
    if let Some(target_desc) = target_desc.filter(|d| d.configurable == Some(false)) {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false,
        //    then
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
            "9.a"
        );
        if target_desc.is_data_descriptor() && target_desc.writable == Some(false) {
            // i. If SameValue(trapResult, targetDesc.[[Value]]) is false, throw a TypeError
            //    exception.
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
                "9.a.i"
            );
            if !same_value(
                &trap_result,
                target_desc.value.as_ref().unwrap_or(&Value::Undefined),
            ) {
                return Err(agent.type_error(
                    "get trap result differs from a non-writable, non-configurable property",
                ));
            }
        }
        // b. If IsAccessorDescriptor(targetDesc) is true and targetDesc.[[Get]] is
        //    undefined, then
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
            "9.b"
        );
        if target_desc.is_accessor_descriptor()
            && target_desc.get.as_ref().is_none_or(Value::is_undefined)
        {
            // i. If trapResult is not undefined, throw a TypeError exception.
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
                "9.b.i"
            );
            if !trap_result.is_undefined() {
                return Err(
                    agent.type_error("get trap returned a value for an accessor without a getter")
                );
            }
        }
    }
    // 10. Return trapResult.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "10"
    );
    Ok(trap_result)
}

/// [[Set]] ( P, V, Receiver ) (10.5.9).
fn proxy_set(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "set").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"set".into())?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[Set]](P, V, Receiver).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
            "6.a"
        );
        return target.set(agent, p, v, receiver);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, V,
    //    Receiver »)).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "7"
    );
    let result = call(
        agent,
        &trap,
        &handler.into(),
        &[
            target.clone().into(),
            p.to_value(),
            v.clone(),
            receiver.clone(),
        ],
    )?;
    // 8. If booleanTrapResult is false, return false.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "8"
    );
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "9"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 10. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "10"
    );
    if let Some(target_desc) = target_desc.filter(|d| d.configurable == Some(false)) {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false,
        //    then
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
            "10.a"
        );
        if target_desc.is_data_descriptor() && target_desc.writable == Some(false) {
            // i. If SameValue(V, targetDesc.[[Value]]) is false, throw a TypeError
            //    exception.
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
                "10.a.i"
            );
            if !same_value(&v, target_desc.value.as_ref().unwrap_or(&Value::Undefined)) {
                return Err(
                    agent.type_error("set trap changed a non-writable, non-configurable property")
                );
            }
        }
        // b. If IsAccessorDescriptor(targetDesc) is true, then
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
            "10.b"
        );
        if target_desc.is_accessor_descriptor() {
            // i. If targetDesc.[[Set]] is undefined, throw a TypeError exception.
            crate::step!(
                "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
                "10.b.i"
            );
            if target_desc.set.as_ref().is_none_or(Value::is_undefined) {
                return Err(agent.type_error("set trap succeeded for an accessor without a setter"));
            }
        }
    }
    // 11. Return true.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "11"
    );
    Ok(true)
}

/// [[Delete]] ( P ) (10.5.10).
fn proxy_delete(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-delete-p", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "deleteProperty").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"deleteProperty".into(),
    )?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[Delete]](P).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
            "6.a"
        );
        return target.delete(agent, p);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "7"
    );
    let result = to_boolean(&call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value()],
    )?);
    // 8. If booleanTrapResult is false, return false.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "8"
    );
    if !result {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "9"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 10. If targetDesc is undefined, return true.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "10"
    );
    let Some(target_desc) = target_desc else {
        return Ok(true);
    };
    // 11. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "11"
    );
    if target_desc.configurable == Some(false) {
        return Err(agent.type_error("deleteProperty trap deleted a non-configurable property"));
    }
    // 12. Let extensibleTarget be ? IsExtensible(target).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "12"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 13. If extensibleTarget is false, throw a TypeError exception.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "13"
    );
    if !extensible_target {
        return Err(
            agent.type_error("deleteProperty trap deleted a property of a non-extensible target")
        );
    }
    // 14. Return true.
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "14"
    );
    Ok(true)
}

/// [[OwnPropertyKeys]] ( ) (10.5.11).
fn proxy_own_property_keys(agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
    let (target, handler, trap) = trap(agent, o, "ownKeys")?;
    // 6. If trap is undefined, then a. Return ? target.[[OwnPropertyKeys]]().
    let Some(trap) = trap else {
        return target.own_property_keys(agent);
    };
    // 7. Let trapResultArray be ? Call(trap, handler, « target »).
    let trap_result_array = call(agent, &trap, &handler.into(), &[target.clone().into()])?;
    // 8. Let trapResult be ? CreateListFromArrayLike(trapResultArray, ~property-key~).
    let trap_result_values = create_list_from_array_like(agent, &trap_result_array, true)?;
    let mut trap_result: Vec<PropertyKey> = Vec::with_capacity(trap_result_values.len());
    // The keys of trapResult as a set, for steps 9, 19, 21 and 22 without a scan of the
    // List per key (quadratic for long key lists).
    let mut trap_result_set = rustc_hash::FxHashSet::default();
    for v in trap_result_values {
        let key = match v {
            Value::String(s) => PropertyKey::from_string(s),
            Value::Symbol(s) => PropertyKey::Symbol(s),
            _ => unreachable!("CreateListFromArrayLike checked the element types"),
        };
        // 9. If trapResult contains any duplicate entries, throw a TypeError exception.
        if !trap_result_set.insert(key.clone()) {
            return Err(agent.type_error("ownKeys trap result contains duplicate entries"));
        }
        trap_result.push(key);
    }
    // 10. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = target.is_extensible(agent)?;
    // 11. Let targetKeys be ? target.[[OwnPropertyKeys]]().
    // 12. Assert: targetKeys is a List of property keys.
    // 13. Assert: targetKeys contains no duplicate entries.
    let target_keys = target.own_property_keys(agent)?;
    // 14. Let targetConfigurableKeys be a new empty List.
    // 15. Let targetNonconfigurableKeys be a new empty List.
    let mut target_configurable_keys = Vec::new();
    let mut target_nonconfigurable_keys = Vec::new();
    // 16. For each element key of targetKeys, do
    for key in target_keys {
        // a. Let desc be ? target.[[GetOwnProperty]](key).
        let desc = target.get_own_property(agent, &key)?;
        // b. If desc is not undefined and desc.[[Configurable]] is false, then
        //    i. Append key to targetNonconfigurableKeys.
        // c. Else, i. Append key to targetConfigurableKeys.
        if matches!(&desc, Some(d) if d.configurable == Some(false)) {
            target_nonconfigurable_keys.push(key);
        } else {
            target_configurable_keys.push(key);
        }
    }
    // 17. If extensibleTarget is true and targetNonconfigurableKeys is empty, then
    //     a. Return trapResult.
    if extensible_target && target_nonconfigurable_keys.is_empty() {
        return Ok(trap_result);
    }
    // 18. Let uncheckedResultKeys be a List whose elements are the elements of trapResult.
    //     (A set: trapResult has no duplicates, and only membership and emptiness are asked.)
    let mut unchecked = trap_result_set;
    // 19. For each element key of targetNonconfigurableKeys, do
    //     a. If uncheckedResultKeys does not contain key, throw a TypeError exception.
    //     b. Remove key from uncheckedResultKeys.
    for key in &target_nonconfigurable_keys {
        if !unchecked.remove(key) {
            return Err(agent.type_error("ownKeys trap result omits a non-configurable key"));
        }
    }
    // 20. If extensibleTarget is true, return trapResult.
    if extensible_target {
        return Ok(trap_result);
    }
    // 21. For each element key of targetConfigurableKeys, do
    //     a. If uncheckedResultKeys does not contain key, throw a TypeError exception.
    //     b. Remove key from uncheckedResultKeys.
    for key in &target_configurable_keys {
        if !unchecked.remove(key) {
            return Err(
                agent.type_error("ownKeys trap result omits a key of a non-extensible target")
            );
        }
    }
    // 22. If uncheckedResultKeys is not empty, throw a TypeError exception.
    if !unchecked.is_empty() {
        return Err(agent.type_error("ownKeys trap result adds keys to a non-extensible target"));
    }
    // 23. Return trapResult.
    Ok(trap_result)
}

/// [[Call]] ( thisArgument, argumentsList ) (10.5.12).
fn proxy_call(agent: &mut Agent, o: &Object, this: &Value, arguments: &[Value]) -> JsResult<Value> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    crate::spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "apply").
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"apply".into())?;
    // 6. If trap is undefined, then
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? Call(target, thisArgument, argumentsList).
        crate::step!(
            "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
            "6.a"
        );
        return call(agent, &target.into(), this, arguments);
    };
    // 7. Let argArray be CreateArrayFromList(argumentsList).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "7"
    );
    let arg_array = create_array_from_list(agent, arguments.to_vec());
    // 8. Return ? Call(trap, handler, « target, thisArgument, argArray »).
    crate::step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "8"
    );
    call(
        agent,
        &trap,
        &handler.into(),
        &[target.into(), this.clone(), arg_array.into()],
    )
}

/// [[Construct]] ( argumentsList, newTarget ) (10.5.13).
fn proxy_construct(
    agent: &mut Agent,
    o: &Object,
    arguments: &[Value],
    new_target: &Object,
) -> JsResult<Object> {
    agent.check_stack()?;
    let (target, handler, trap) = trap(agent, o, "construct")?;
    // 5. Assert: IsConstructor(target) is true.
    // 6. Let trap be ? GetMethod(handler, "construct").
    // 7. If trap is undefined, then a. Return ? Construct(target, argumentsList, newTarget).
    let Some(trap) = trap else {
        return construct(agent, &target, arguments, Some(new_target));
    };
    // 8. Let argArray be CreateArrayFromList(argumentsList).
    let arg_array = create_array_from_list(agent, arguments.to_vec());
    // 9. Let newObj be ? Call(trap, handler, « target, argArray, newTarget »).
    let new_obj = call(
        agent,
        &trap,
        &handler.into(),
        &[target.into(), arg_array.into(), new_target.clone().into()],
    )?;
    // 10. If newObj is not an Object, throw a TypeError exception.
    // 11. Return newObj.
    match new_obj {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error("construct trap returned a non-object")),
    }
}

/// ProxyCreate ( target, handler ) (10.5.15).
pub fn proxy_create(agent: &mut Agent, target: &Value, handler: &Value) -> JsResult<Object> {
    // 1. If target is not an Object, throw a TypeError exception.
    crate::step!("sec-proxycreate", "1");
    let Value::Object(target) = target else {
        return Err(agent.type_error("Proxy target must be an object"));
    };
    // 2. If handler is not an Object, throw a TypeError exception.
    crate::step!("sec-proxycreate", "2");
    let Value::Object(handler) = handler else {
        return Err(agent.type_error("Proxy handler must be an object"));
    };
    // (Steps 4 and 5 choose the method table P is made with in step 3.)
    // 4. Set P's essential internal methods, except for [[Call]] and [[Construct]], to the
    //    definitions specified in 10.5.
    crate::step!("sec-proxycreate", "4");
    // 5. If IsCallable(target) is true, then
    crate::step!("sec-proxycreate", "5");
    let methods = if target.is_callable() {
        //    a. Set P.[[Call]] as specified in 10.5.12.
        crate::step!("sec-proxycreate", "5.a");
        //    b. If IsConstructor(target) is true, then
        crate::step!("sec-proxycreate", "5.b");
        if target.is_constructor() {
            //       i. Set P.[[Construct]] as specified in 10.5.13.
            crate::step!("sec-proxycreate", "5.b.i");
            &PROXY_CONSTRUCTOR_METHODS
        } else {
            &PROXY_CALLABLE_METHODS
        }
    } else {
        &PROXY_METHODS
    };
    // 3. Let P be MakeBasicObject(« [[ProxyHandler]], [[ProxyTarget]] »).
    crate::step!("sec-proxycreate", "3");
    // 6. Set P.[[ProxyTarget]] to target.
    crate::step!("sec-proxycreate", "6");
    // 7. Set P.[[ProxyHandler]] to handler.
    crate::step!("sec-proxycreate", "7");
    let p = Object::new(
        methods,
        None,
        ObjectKind::Proxy(ProxyData {
            target: Some(target.clone()),
            handler: Some(handler.clone()),
        }),
    );
    // 8. Return P.
    crate::step!("sec-proxycreate", "8");
    Ok(p)
}
