//! 27.7 AsyncFunction Objects (sec-async-function-objects): the AsyncFunction constructor
//! and %AsyncFunction.prototype%. The abstract operations are in
//! spec/async_function_objects.rs.

use super::function::{dynamic_function_constructor, DynamicFunctionKind};
use super::generator_function::create_function_kind;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// AsyncFunction ( ...parameterArgs, bodyArg ) (27.7.1.1).
fn async_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    dynamic_function_constructor(agent, call, DynamicFunctionKind::Async)
}

/// Creates %AsyncFunction% and %AsyncFunction.prototype%.
pub fn create_async_function_intrinsics(agent: &mut Agent, realm: &Realm) {
    create_function_kind(
        agent,
        realm,
        Intrinsic::AsyncFunction,
        Intrinsic::AsyncFunctionPrototype,
        "AsyncFunction",
        async_function,
        None,
    );
}
