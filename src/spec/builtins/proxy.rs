//! 28.2 Proxy Objects (sec-proxy-objects): the Proxy constructor and Proxy.revocable.

use super::helpers::define_method;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{
    builtin_closure, create_builtin_function, BuiltinCall, BuiltinSteps,
};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::create_data_property_or_throw;
use crate::spec::proxy_object_internal_methods::proxy_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use boa_gc::GcRefCell;

/// Proxy ( target, handler ) (28.2.1.1).
fn proxy_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if call.new_target.is_none() {
        return Err(agent.type_error("Constructor Proxy requires 'new'"));
    }
    // 2. Return ? ProxyCreate(target, handler).
    Ok(Value::Object(proxy_create(
        agent,
        &call.arg(0),
        &call.arg(1),
    )?))
}

/// The revoker closure of Proxy.revocable (28.2.2.1 step 2), given its
/// [[RevocableProxy]] slot (`None` is null).
fn revoke(
    _agent: &mut Agent,
    _call: &BuiltinCall,
    revocable_proxy: &GcRefCell<Option<Object>>,
) -> JsResult<Value> {
    // a. Let F be the active function object.
    // b. Let p be F.[[RevocableProxy]].
    // c. If p is null, return undefined.
    // d. Set F.[[RevocableProxy]] to null.
    let Some(p) = revocable_proxy.borrow_mut().take() else {
        return Ok(Value::Undefined);
    };
    // e. Assert: p is a Proxy exotic object.
    // f. Set p.[[ProxyTarget]] to null.
    // g. Set p.[[ProxyHandler]] to null.
    if let ObjectKind::Proxy(data) = &mut p.data_mut().kind {
        data.target = None;
        data.handler = None;
    }
    // h. Return undefined.
    Ok(Value::Undefined)
}

/// Proxy.revocable ( target, handler ) (28.2.2.1).
fn revocable(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let proxy be ? ProxyCreate(target, handler).
    let proxy = proxy_create(agent, &call.arg(0), &call.arg(1))?;
    // 2. Let revokerClosure be a new Abstract Closure with no parameters that captures
    //    nothing and performs the following steps when called: (see `revoke`)
    // 3. Let revoker be CreateBuiltinFunction(revokerClosure, 0, "", « [[RevocableProxy]] »).
    // 4. Set revoker.[[RevocableProxy]] to proxy.
    let revoker = builtin_closure(agent, revoke, 0.0, GcRefCell::new(Some(proxy.clone())));
    // 5. Let result be OrdinaryObjectCreate(%Object.prototype%).
    let result = agent.ordinary_object();
    // 6. Perform ! CreateDataPropertyOrThrow(result, "proxy", proxy).
    create_data_property_or_throw(agent, &result, &"proxy".into(), Value::Object(proxy))?;
    // 7. Perform ! CreateDataPropertyOrThrow(result, "revoke", revoker).
    create_data_property_or_throw(agent, &result, &"revoke".into(), Value::Object(revoker))?;
    // 8. Return result.
    Ok(Value::Object(result))
}

/// Creates %Proxy% (28.2.1, 28.2.2): a constructor whose [[Prototype]] is
/// %Function.prototype% and which "does not have a "prototype" property".
pub fn create_proxy_intrinsics(agent: &mut Agent, realm: &Realm) {
    let proxy = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(proxy_constructor),
        2.0,
        FunctionName::Key(PropertyKey::from_str("Proxy")),
        Some(realm.clone()),
        None,
        None,
        true,
    );
    define_method(agent, &proxy, "revocable", 2, revocable);
    realm.set_intrinsic(Intrinsic::Proxy, proxy);
}
