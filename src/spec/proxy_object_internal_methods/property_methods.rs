//! 10.5.5-10.5.11: the property internal methods of Proxy exotic objects
//! ([[GetOwnProperty]], [[DefineOwnProperty]], [[HasProperty]], [[Get]], [[Set]],
//! [[Delete]], [[OwnPropertyKeys]]); the others and the tables are in the parent module.

use super::super::agents::Agent;
use super::super::completion_record::JsResult;
use super::super::object_type::{Object, PropertyKey};
use super::super::operations_on_objects::{call, create_list_from_array_like, get_method};
use super::super::ordinary_object_internal_methods::is_compatible_property_descriptor;
use super::super::property_descriptor::{
    complete_property_descriptor, from_property_descriptor, to_property_descriptor,
    PropertyDescriptor,
};
use super::super::testing_and_comparison::same_value;
use super::super::type_conversion::to_boolean;
use super::super::value::Value;
use super::{proxy_target_and_handler, trap, validate_non_revoked_proxy};
use crate::{spec_assert, step};

/// [[GetOwnProperty]] ( P ) (10.5.5).
pub(super) fn proxy_get_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "getOwnPropertyDescriptor").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"getOwnPropertyDescriptor".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[GetOwnProperty]](P).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "6.a"
        );
        return target.get_own_property(agent, p);
    };
    // 7. Let trapResultObj be ? Call(trap, handler, « target, P »).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "7"
    );
    let trap_result_obj = call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value()],
    )?;
    // 8. If trapResultObj is not an Object and trapResultObj is not undefined, throw a
    //    TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "8"
    );
    if !trap_result_obj.is_object() && !trap_result_obj.is_undefined() {
        return Err(
            agent.type_error("getOwnPropertyDescriptor trap returned neither object nor undefined")
        );
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "9"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 10. If trapResultObj is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "10"
    );
    if trap_result_obj.is_undefined() {
        // a. If targetDesc is undefined, return undefined.
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "10.a"
        );
        let Some(target_desc) = target_desc else {
            return Ok(None);
        };
        // b. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "10.b"
        );
        if target_desc.configurable == Some(false) {
            return Err(
                agent.type_error("getOwnPropertyDescriptor trap hid a non-configurable property")
            );
        }
        // c. Let extensibleTarget be ? IsExtensible(target).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "10.c"
        );
        let extensible_target = target.is_extensible(agent)?;
        // d. If extensibleTarget is false, throw a TypeError exception.
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "10.d"
        );
        if !extensible_target {
            return Err(agent.type_error(
                "getOwnPropertyDescriptor trap hid a property of a non-extensible target",
            ));
        }
        // e. Return undefined.
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "10.e"
        );
        return Ok(None);
    }
    // 11. Let extensibleTarget be ? IsExtensible(target).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "11"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 12. Let resultDesc be ? ToPropertyDescriptor(trapResultObj).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "12"
    );
    let mut result_desc = to_property_descriptor(agent, &trap_result_obj)?;
    // 13. Perform CompletePropertyDescriptor(resultDesc).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "13"
    );
    complete_property_descriptor(&mut result_desc);
    // 14. Let valid be IsCompatiblePropertyDescriptor(extensibleTarget, resultDesc,
    //     targetDesc).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "14"
    );
    let valid = is_compatible_property_descriptor(
        extensible_target,
        result_desc.clone(),
        target_desc.clone(),
    );
    // 15. If valid is false, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "15"
    );
    if !valid {
        return Err(
            agent.type_error("getOwnPropertyDescriptor trap returned an incompatible descriptor")
        );
    }
    // 16. If resultDesc.[[Configurable]] is false, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "16"
    );
    if result_desc.configurable == Some(false) {
        // a. If targetDesc is undefined or targetDesc.[[Configurable]] is true, then
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "16.a"
        );
        let target_desc = match target_desc {
            Some(t) if t.configurable != Some(true) => t,
            _ => {
                // i. Throw a TypeError exception.
                step!(
                    "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
                    "16.a.i"
                );
                return Err(agent.type_error(
                    "getOwnPropertyDescriptor trap reported a property as non-configurable that the target has not as a non-configurable one",
                ));
            }
        };
        // b. If resultDesc has a [[Writable]] field and resultDesc.[[Writable]] is false,
        //    then
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
            "16.b"
        );
        if result_desc.writable == Some(false) {
            // i. Assert: targetDesc has a [[Writable]] field.
            spec_assert!(
                "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
                "16.b.i",
                target_desc.writable.is_some()
            );
            // ii. If targetDesc.[[Writable]] is true, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
                "16.b.ii"
            );
            if target_desc.writable == Some(true) {
                return Err(agent.type_error(
                    "getOwnPropertyDescriptor trap reported a writable property as non-writable",
                ));
            }
        }
    }
    // 17. Return resultDesc.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getownproperty-p",
        "17"
    );
    Ok(Some(result_desc))
}

/// [[DefineOwnProperty]] ( P, Desc ) (10.5.6).
pub(super) fn proxy_define_own_property(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    desc: PropertyDescriptor,
) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "defineProperty").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"defineProperty".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[DefineOwnProperty]](P, Desc).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
            "6.a"
        );
        return target.define_own_property(agent, p, desc);
    };
    // 7. Let descObj be FromPropertyDescriptor(Desc).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "7"
    );
    let desc_obj = from_property_descriptor(agent, Some(&desc));
    // 8. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, descObj »)).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "8"
    );
    let result = call(
        agent,
        &trap,
        &handler.into(),
        &[target.clone().into(), p.to_value(), desc_obj],
    )?;
    // 9. If booleanTrapResult is false, return false.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "9"
    );
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 10. Let targetDesc be ? target.[[GetOwnProperty]](P).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "10"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 11. Let extensibleTarget be ? IsExtensible(target).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "11"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 12. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "12"
    );
    let setting_config_false = if desc.configurable == Some(false) {
        // a. Let settingConfigFalse be true.
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
            "12.a"
        );
        true
    } else {
        // 13. Else,
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
            "13"
        );
        // a. Let settingConfigFalse be false.
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
            "13.a"
        );
        false
    };
    // 14. If targetDesc is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "14"
    );
    match target_desc {
        None => {
            // a. If extensibleTarget is false, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                "14.a"
            );
            if !extensible_target {
                return Err(agent.type_error(
                    "defineProperty trap added a property to a non-extensible target",
                ));
            }
            // b. If settingConfigFalse is true, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                "14.b"
            );
            if setting_config_false {
                return Err(agent.type_error(
                    "defineProperty trap defined a non-configurable property the target lacks",
                ));
            }
        }
        Some(target_desc) => {
            // 15. Else,
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                "15"
            );
            // a. If IsCompatiblePropertyDescriptor(extensibleTarget, Desc, targetDesc) is
            //    false, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                "15.a"
            );
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
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                "15.b"
            );
            if setting_config_false && target_desc.configurable == Some(true) {
                return Err(agent.type_error(
                    "defineProperty trap made a configurable property non-configurable",
                ));
            }
            // c. If IsDataDescriptor(targetDesc) is true, targetDesc.[[Configurable]] is
            //    false, and targetDesc.[[Writable]] is true, then
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                "15.c"
            );
            if target_desc.is_data_descriptor()
                && target_desc.configurable == Some(false)
                && target_desc.writable == Some(true)
            {
                // i. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, throw
                //    a TypeError exception.
                step!(
                    "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
                    "15.c.i"
                );
                if desc.writable == Some(false) {
                    return Err(agent.type_error(
                        "defineProperty trap made a non-configurable writable property non-writable",
                    ));
                }
            }
        }
    }
    // 16. Return true.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-defineownproperty-p-desc",
        "16"
    );
    Ok(true)
}

/// [[HasProperty]] ( P ) (10.5.7).
pub(super) fn proxy_has_property(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "has").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"has".into())?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[HasProperty]](P).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
            "6.a"
        );
        return target.has_property(agent, p);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "8"
    );
    if !result {
        // a. Let targetDesc be ? target.[[GetOwnProperty]](P).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
            "8.a"
        );
        let target_desc = target.get_own_property(agent, p)?;
        // b. If targetDesc is not undefined, then
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
            "8.b"
        );
        if let Some(target_desc) = target_desc {
            // i. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
                "8.b.i"
            );
            if target_desc.configurable == Some(false) {
                return Err(agent.type_error("has trap hid a non-configurable property"));
            }
            // ii. Let extensibleTarget be ? IsExtensible(target).
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
                "8.b.ii"
            );
            let extensible_target = target.is_extensible(agent)?;
            // iii. If extensibleTarget is false, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
                "8.b.iii"
            );
            if !extensible_target {
                return Err(agent.type_error("has trap hid a property of a non-extensible target"));
            }
        }
    }
    // 9. Return booleanTrapResult.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p",
        "9"
    );
    Ok(result)
}

/// [[Get]] ( P, Receiver ) (10.5.8).
pub(super) fn proxy_get(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "get").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"get".into())?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[Get]](P, Receiver).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
            "6.a"
        );
        return target.get(agent, p, receiver);
    };
    // 7. Let trapResult be ? Call(trap, handler, « target, P, Receiver »).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "8"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 9. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "9"
    );
    if let Some(target_desc) = target_desc.filter(|d| d.configurable == Some(false)) {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false,
        //    then
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
            "9.a"
        );
        if target_desc.is_data_descriptor() && target_desc.writable == Some(false) {
            // i. If SameValue(trapResult, targetDesc.[[Value]]) is false, throw a TypeError
            //    exception.
            step!(
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
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
            "9.b"
        );
        if target_desc.is_accessor_descriptor()
            && target_desc.get.as_ref().is_none_or(Value::is_undefined)
        {
            // i. If trapResult is not undefined, throw a TypeError exception.
            step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver",
        "10"
    );
    Ok(trap_result)
}

/// [[Set]] ( P, V, Receiver ) (10.5.9).
pub(super) fn proxy_set(
    agent: &mut Agent,
    o: &Object,
    p: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "set").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"set".into())?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[Set]](P, V, Receiver).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
            "6.a"
        );
        return target.set(agent, p, v, receiver);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, V,
    //    Receiver »)).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "8"
    );
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "9"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 10. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "10"
    );
    if let Some(target_desc) = target_desc.filter(|d| d.configurable == Some(false)) {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false,
        //    then
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
            "10.a"
        );
        if target_desc.is_data_descriptor() && target_desc.writable == Some(false) {
            // i. If SameValue(V, targetDesc.[[Value]]) is false, throw a TypeError
            //    exception.
            step!(
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
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
            "10.b"
        );
        if target_desc.is_accessor_descriptor() {
            // i. If targetDesc.[[Set]] is undefined, throw a TypeError exception.
            step!(
                "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
                "10.b.i"
            );
            if target_desc.set.as_ref().is_none_or(Value::is_undefined) {
                return Err(agent.type_error("set trap succeeded for an accessor without a setter"));
            }
        }
    }
    // 11. Return true.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver",
        "11"
    );
    Ok(true)
}

/// [[Delete]] ( P ) (10.5.10).
pub(super) fn proxy_delete(agent: &mut Agent, o: &Object, p: &PropertyKey) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-delete-p", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "deleteProperty").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"deleteProperty".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[Delete]](P).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
            "6.a"
        );
        return target.delete(agent, p);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "8"
    );
    if !result {
        return Ok(false);
    }
    // 9. Let targetDesc be ? target.[[GetOwnProperty]](P).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "9"
    );
    let target_desc = target.get_own_property(agent, p)?;
    // 10. If targetDesc is undefined, return true.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "10"
    );
    let Some(target_desc) = target_desc else {
        return Ok(true);
    };
    // 11. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "11"
    );
    if target_desc.configurable == Some(false) {
        return Err(agent.type_error("deleteProperty trap deleted a non-configurable property"));
    }
    // 12. Let extensibleTarget be ? IsExtensible(target).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "12"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 13. If extensibleTarget is false, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "13"
    );
    if !extensible_target {
        return Err(
            agent.type_error("deleteProperty trap deleted a property of a non-extensible target")
        );
    }
    // 14. Return true.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-delete-p",
        "14"
    );
    Ok(true)
}

/// [[OwnPropertyKeys]] ( ) (10.5.11).
pub(super) fn proxy_own_property_keys(agent: &mut Agent, o: &Object) -> JsResult<Vec<PropertyKey>> {
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
