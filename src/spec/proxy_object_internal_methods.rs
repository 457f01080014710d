//! 10.5 Proxy Object Internal Methods and Internal Slots
//! (sec-proxy-object-internal-methods-and-internal-slots).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object};
use super::operations_on_objects::{call, construct, create_array_from_list, get_method};
use super::type_conversion::to_boolean;
use super::value::Value;
use crate::{spec_assert, step};
use boa_gc::{Finalize, Trace};
use property_methods::{
    proxy_define_own_property, proxy_delete, proxy_get, proxy_get_own_property, proxy_has_property,
    proxy_own_property_keys, proxy_set,
};

mod property_methods;

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
    step!("sec-validatenonrevokedproxy", "1");
    let revoked = matches!(&proxy.data().kind, ObjectKind::Proxy(p) if p.target.is_none());
    if revoked {
        return Err(agent.type_error("cannot perform operation on a revoked proxy"));
    }
    // 2. Assert: proxy.[[ProxyHandler]] is not null.
    spec_assert!(
        "sec-validatenonrevokedproxy",
        "2",
        !matches!(&proxy.data().kind, ObjectKind::Proxy(p) if p.handler.is_none())
    );
    // 3. Return unused.
    step!("sec-validatenonrevokedproxy", "3");
    Ok(())
}

/// [[GetPrototypeOf]] ( ) (10.5.1).
fn proxy_get_prototype_of(agent: &mut Agent, o: &Object) -> JsResult<Option<Object>> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-getprototypeof", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "getPrototypeOf").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"getPrototypeOf".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[GetPrototypeOf]]().
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
            "6.a"
        );
        return target.get_prototype_of(agent);
    };
    // 7. Let handlerProto be ? Call(trap, handler, « target »).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "7"
    );
    let handler_proto = call(agent, &trap, &handler.into(), &[target.clone().into()])?;
    // 8. If handlerProto is not an Object and handlerProto is not null, throw a TypeError
    //    exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "8"
    );
    let handler_proto = match handler_proto {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Err(agent.type_error("getPrototypeOf trap returned neither object nor null")),
    };
    // 9. Let extensibleTarget be ? IsExtensible(target).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "9"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 10. If extensibleTarget is true, return handlerProto.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "10"
    );
    if extensible_target {
        return Ok(handler_proto);
    }
    // 11. Let targetProto be ? target.[[GetPrototypeOf]]().
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "11"
    );
    let target_proto = target.get_prototype_of(agent)?;
    // 12. If SameValue(handlerProto, targetProto) is false, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "12"
    );
    if handler_proto != target_proto {
        return Err(agent.type_error(
            "getPrototypeOf trap result differs from the non-extensible target's prototype",
        ));
    }
    // 13. Return handlerProto.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-getprototypeof",
        "13"
    );
    Ok(handler_proto)
}

/// [[SetPrototypeOf]] ( V ) (10.5.2).
fn proxy_set_prototype_of(agent: &mut Agent, o: &Object, v: Option<Object>) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "setPrototypeOf").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"setPrototypeOf".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[SetPrototypeOf]](V).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
            "6.a"
        );
        return target.set_prototype_of(agent, v);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, V »)).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "8"
    );
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 9. Let extensibleTarget be ? IsExtensible(target).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "9"
    );
    let extensible_target = target.is_extensible(agent)?;
    // 10. If extensibleTarget is true, return true.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "10"
    );
    if extensible_target {
        return Ok(true);
    }
    // 11. Let targetProto be ? target.[[GetPrototypeOf]]().
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "11"
    );
    let target_proto = target.get_prototype_of(agent)?;
    // 12. If SameValue(V, targetProto) is false, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "12"
    );
    if target_proto != v {
        return Err(agent.type_error(
            "setPrototypeOf trap returned true for a non-extensible target with another prototype",
        ));
    }
    // 13. Return true.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v",
        "13"
    );
    Ok(true)
}

/// [[IsExtensible]] ( ) (10.5.3).
fn proxy_is_extensible(agent: &mut Agent, o: &Object) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-isextensible", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "isExtensible").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"isExtensible".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? IsExtensible(target).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
            "6.a"
        );
        return target.is_extensible(agent);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "8"
    );
    let target_result = target.is_extensible(agent)?;
    // 9. If booleanTrapResult is not targetResult, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "9"
    );
    if result != target_result {
        return Err(agent.type_error("isExtensible trap result does not reflect the target"));
    }
    // 10. Return booleanTrapResult.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-isextensible",
        "10"
    );
    Ok(result)
}

/// [[PreventExtensions]] ( ) (10.5.4).
fn proxy_prevent_extensions(agent: &mut Agent, o: &Object) -> JsResult<bool> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-preventextensions", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "preventExtensions").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "5"
    );
    let trap = get_method(
        agent,
        &Value::Object(handler.clone()),
        &"preventExtensions".into(),
    )?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? target.[[PreventExtensions]]().
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
            "6.a"
        );
        return target.prevent_extensions(agent);
    };
    // 7. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "8"
    );
    if result {
        // a. Let extensibleTarget be ? IsExtensible(target).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
            "8.a"
        );
        let extensible_target = target.is_extensible(agent)?;
        // b. If extensibleTarget is true, throw a TypeError exception.
        step!(
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
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-preventextensions",
        "9"
    );
    Ok(result)
}

/// [[Call]] ( thisArgument, argumentsList ) (10.5.12).
fn proxy_call(agent: &mut Agent, o: &Object, this: &Value, arguments: &[Value]) -> JsResult<Value> {
    agent.check_stack()?;
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "2"
    );
    // 3. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "3"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 4. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist", "4", by: "step 1 found the proxy not revoked");
    // 5. Let trap be ? GetMethod(handler, "apply").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "5"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"apply".into())?;
    // 6. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "6"
    );
    let Some(trap) = trap else {
        // a. Return ? Call(target, thisArgument, argumentsList).
        step!(
            "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
            "6.a"
        );
        return call(agent, &target.into(), this, arguments);
    };
    // 7. Let argArray be CreateArrayFromList(argumentsList).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist",
        "7"
    );
    let arg_array = create_array_from_list(agent, arguments.to_vec());
    // 8. Return ? Call(trap, handler, « target, thisArgument, argArray »).
    step!(
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
    // 1. Perform ? ValidateNonRevokedProxy(O).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "1"
    );
    validate_non_revoked_proxy(agent, o)?;
    // 2. Let target be O.[[ProxyTarget]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "2"
    );
    let (target, handler) = proxy_target_and_handler(o);
    // 3. Assert: IsConstructor(target) is true.
    spec_assert!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "3",
        target.is_constructor()
    );
    // 4. Let handler be O.[[ProxyHandler]].
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "4"
    );
    // 5. Assert: handler is an Object.
    spec_assert!("sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget", "5", by: "step 1 found the proxy not revoked");
    // 6. Let trap be ? GetMethod(handler, "construct").
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "6"
    );
    let trap = get_method(agent, &Value::Object(handler.clone()), &"construct".into())?;
    // 7. If trap is undefined, then
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "7"
    );
    let Some(trap) = trap else {
        // a. Return ? Construct(target, argumentsList, newTarget).
        step!("sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget", "7.a");
        return construct(agent, &target, arguments, Some(new_target));
    };
    // 8. Let argArray be CreateArrayFromList(argumentsList).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "8"
    );
    let arg_array = create_array_from_list(agent, arguments.to_vec());
    // 9. Let newObj be ? Call(trap, handler, « target, argArray, newTarget »).
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "9"
    );
    let new_obj = call(
        agent,
        &trap,
        &handler.into(),
        &[target.into(), arg_array.into(), new_target.clone().into()],
    )?;
    // 10. If newObj is not an Object, throw a TypeError exception.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "10"
    );
    let Value::Object(new_obj) = new_obj else {
        return Err(agent.type_error("construct trap returned a non-object"));
    };
    // 11. Return newObj.
    step!(
        "sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget",
        "11"
    );
    Ok(new_obj)
}

/// ProxyCreate ( target, handler ) (10.5.15).
pub fn proxy_create(agent: &mut Agent, target: &Value, handler: &Value) -> JsResult<Object> {
    // 1. If target is not an Object, throw a TypeError exception.
    step!("sec-proxycreate", "1");
    let Value::Object(target) = target else {
        return Err(agent.type_error("Proxy target must be an object"));
    };
    // 2. If handler is not an Object, throw a TypeError exception.
    step!("sec-proxycreate", "2");
    let Value::Object(handler) = handler else {
        return Err(agent.type_error("Proxy handler must be an object"));
    };
    // (Steps 4 and 5 choose the method table P is made with in step 3.)
    // 4. Set P's essential internal methods, except for [[Call]] and [[Construct]], to the
    //    definitions specified in 10.5.
    step!("sec-proxycreate", "4");
    // 5. If IsCallable(target) is true, then
    step!("sec-proxycreate", "5");
    let methods = if target.is_callable() {
        //    a. Set P.[[Call]] as specified in 10.5.12.
        step!("sec-proxycreate", "5.a");
        //    b. If IsConstructor(target) is true, then
        step!("sec-proxycreate", "5.b");
        if target.is_constructor() {
            //       i. Set P.[[Construct]] as specified in 10.5.13.
            step!("sec-proxycreate", "5.b.i");
            &PROXY_CONSTRUCTOR_METHODS
        } else {
            &PROXY_CALLABLE_METHODS
        }
    } else {
        &PROXY_METHODS
    };
    // 3. Let P be MakeBasicObject(« [[ProxyHandler]], [[ProxyTarget]] »).
    step!("sec-proxycreate", "3");
    // 6. Set P.[[ProxyTarget]] to target.
    step!("sec-proxycreate", "6");
    // 7. Set P.[[ProxyHandler]] to handler.
    step!("sec-proxycreate", "7");
    let p = Object::new(
        methods,
        None,
        ObjectKind::Proxy(ProxyData {
            target: Some(target.clone()),
            handler: Some(handler.clone()),
        }),
    );
    // 8. Return P.
    step!("sec-proxycreate", "8");
    Ok(p)
}
