//! 13.10 Relational Operators (sec-relational-operators): the abstract operation
//! InstanceofOperator, which `instanceof` (src/interp/operators.rs) and
//! OrdinaryHasInstance's bound-function step call.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_type::PropertyKey;
use super::operations_on_objects::{call, get_method, ordinary_has_instance};
use super::testing_and_comparison::is_callable;
use super::type_conversion::to_boolean;
use super::value::Value;

/// InstanceofOperator ( V, target ) (13.10.2).
pub fn instanceof_operator(agent: &mut Agent, v: &Value, target: &Value) -> JsResult<bool> {
    // 1. If target is not an Object, throw a TypeError exception.
    crate::step!("sec-instanceofoperator", "1");
    if !target.is_object() {
        return Err(agent.type_error("right-hand side of 'instanceof' is not an object"));
    }
    // 2. Let instOfHandler be ? GetMethod(target, %Symbol.hasInstance%).
    crate::step!("sec-instanceofoperator", "2");
    let key = PropertyKey::Symbol(agent.well_known.has_instance.clone());
    let inst_of_handler = get_method(agent, target, &key)?;
    // 3. If instOfHandler is not undefined, then
    crate::step!("sec-instanceofoperator", "3");
    if let Some(handler) = inst_of_handler {
        // a. Return ToBoolean(? Call(instOfHandler, target, « V »)).
        crate::step!("sec-instanceofoperator", "3.a");
        return Ok(to_boolean(&call(
            agent,
            &handler,
            target,
            std::slice::from_ref(v),
        )?));
    }
    // 4. If IsCallable(target) is false, throw a TypeError exception.
    crate::step!("sec-instanceofoperator", "4");
    if !is_callable(target) {
        return Err(agent.type_error("right-hand side of 'instanceof' is not callable"));
    }
    // 5. Return ? OrdinaryHasInstance(target, V).
    crate::step!("sec-instanceofoperator", "5");
    ordinary_has_instance(agent, target, v)
}
