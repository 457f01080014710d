//! 27.4 AsyncGeneratorFunction Objects (sec-asyncgeneratorfunction-objects), and the
//! %AsyncIteratorPrototype% (27.1.3) that %AsyncGeneratorPrototype% inherits from.
//! %AsyncGeneratorPrototype%'s methods are in builtins/async_generator_prototype.rs.

use super::function::{dynamic_function_constructor, DynamicFunctionKind};
use super::generator_function::create_function_kind;
use super::helpers::define_value;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_type::{Property, PropertyKey};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// AsyncGeneratorFunction ( ...parameterArgs, bodyArg ) (27.4.1.1).
fn async_generator_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    dynamic_function_constructor(agent, call, DynamicFunctionKind::AsyncGenerator)
}

/// %AsyncIteratorPrototype% [ %Symbol.asyncIterator% ] ( ) (27.1.3.1).
fn async_iterator(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

/// Creates %AsyncIteratorPrototype%, %AsyncGeneratorFunction%,
/// %AsyncGeneratorFunction.prototype% and %AsyncGeneratorFunction.prototype.prototype%
/// (%AsyncGeneratorPrototype%, without its methods).
pub fn create_async_generator_function_intrinsics(agent: &mut Agent, realm: &Realm) {
    let async_iterator_prototype =
        ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(
        Intrinsic::AsyncIteratorPrototype,
        async_iterator_prototype.clone(),
    );
    let key = PropertyKey::Symbol(agent.well_known.async_iterator.clone());
    let f = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(async_iterator),
        0.0,
        FunctionName::Key(key.clone()),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    async_iterator_prototype
        .insert_property(key, Property::data(Value::Object(f), true, false, true));
    // 27.6.1: %AsyncGeneratorPrototype% has a [[Prototype]] of %AsyncIteratorPrototype%.
    let async_generator_prototype = ordinary_object_create(Some(async_iterator_prototype));
    realm.set_intrinsic(
        Intrinsic::AsyncGeneratorPrototype,
        async_generator_prototype.clone(),
    );
    create_function_kind(
        agent,
        realm,
        Intrinsic::AsyncGeneratorFunction,
        Intrinsic::AsyncGeneratorFunctionPrototype,
        "AsyncGeneratorFunction",
        async_generator_function,
        Some(&async_generator_prototype),
    );
    // 27.6.1.2-27.6.1.4: next, return, throw.
    super::async_generator_prototype::define_async_generator_prototype_methods(
        agent,
        &async_generator_prototype,
    );
    // 27.6.1.5 %AsyncGeneratorPrototype% [ %Symbol.toStringTag% ]: "AsyncGenerator".
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &async_generator_prototype,
        tag,
        Value::string("AsyncGenerator"),
        false,
        false,
        true,
    );
}
