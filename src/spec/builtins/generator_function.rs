//! 27.3 GeneratorFunction Objects (sec-generatorfunction-objects) and 27.5.1 the
//! %GeneratorPrototype% object (sec-properties-of-generator-prototype). The
//! AsyncGeneratorFunction and AsyncFunction constructors share `create_function_kind`.

use super::function::{dynamic_function_constructor, DynamicFunctionKind};
use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{
    create_builtin_function, Behaviour, BuiltinCall, BuiltinSteps,
};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::generator_objects::{generator_resume, generator_resume_abrupt, AbruptCompletion};
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;

/// A function kind's constructor (`which`, named `name`), its prototype object
/// (`prototype_which`, whose [[Prototype]] is %Function.prototype%) with @@toStringTag
/// `name`, and — for the generator kinds — that prototype's "prototype" property,
/// `instance_prototype`. The constructor's [[Prototype]] is %Function% (27.3.2, 27.4.2,
/// 27.7.2); "length" is 1.
#[allow(clippy::too_many_arguments)]
pub fn create_function_kind(
    agent: &mut Agent,
    realm: &Realm,
    which: Intrinsic,
    prototype_which: Intrinsic,
    name: &str,
    behaviour: Behaviour,
    instance_prototype: Option<&Object>,
) {
    let function_prototype = realm.intrinsic(Intrinsic::FunctionPrototype);
    let prototype = ordinary_object_create(Some(function_prototype));
    realm.set_intrinsic(prototype_which, prototype.clone());
    let constructor = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(behaviour),
        1.0,
        FunctionName::Key(PropertyKey::from_str(name)),
        Some(realm.clone()),
        Some(realm.intrinsic(Intrinsic::Function)),
        None,
        true,
    );
    realm.set_intrinsic(which, constructor.clone());
    // X.prototype: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
    define_value(
        &constructor,
        "prototype",
        Value::Object(prototype.clone()),
        false,
        false,
        false,
    );
    // X.prototype.constructor: { [[Writable]]: false, [[Enumerable]]: false,
    // [[Configurable]]: true }.
    define_value(
        &prototype,
        "constructor",
        Value::Object(constructor),
        false,
        false,
        true,
    );
    if let Some(instance_prototype) = instance_prototype {
        // X.prototype.prototype and its "constructor" back-link: { [[Writable]]: false,
        // [[Enumerable]]: false, [[Configurable]]: true }.
        define_value(
            &prototype,
            "prototype",
            Value::Object(instance_prototype.clone()),
            false,
            false,
            true,
        );
        define_value(
            instance_prototype,
            "constructor",
            Value::Object(prototype.clone()),
            false,
            false,
            true,
        );
    }
    // X.prototype [ %Symbol.toStringTag% ]: name, { [[Writable]]: false, [[Enumerable]]:
    // false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&prototype, tag, Value::string(name), false, false, true);
}

/// GeneratorFunction ( ...parameterArgs, bodyArg ) (27.3.1.1).
fn generator_function(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    dynamic_function_constructor(agent, call, DynamicFunctionKind::Generator)
}

/// Creates %GeneratorFunction%, %GeneratorFunction.prototype% and
/// %GeneratorFunction.prototype.prototype% (%GeneratorPrototype%).
pub fn create_generator_function_intrinsics(agent: &mut Agent, realm: &Realm) {
    // 27.5.1: %GeneratorPrototype% has a [[Prototype]] of %Iterator.prototype%.
    let generator_prototype =
        ordinary_object_create(Some(realm.intrinsic(Intrinsic::IteratorPrototype)));
    realm.set_intrinsic(Intrinsic::GeneratorPrototype, generator_prototype.clone());
    create_function_kind(
        agent,
        realm,
        Intrinsic::GeneratorFunction,
        Intrinsic::GeneratorFunctionPrototype,
        "GeneratorFunction",
        generator_function,
        Some(&generator_prototype),
    );
    define_method(agent, &generator_prototype, "next", 1, next);
    define_method(agent, &generator_prototype, "return", 1, generator_return);
    define_method(agent, &generator_prototype, "throw", 1, throw);
    // 27.5.1.5 %GeneratorPrototype% [ %Symbol.toStringTag% ]: "Generator".
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &generator_prototype,
        tag,
        Value::string("Generator"),
        false,
        false,
        true,
    );
}

/// %GeneratorPrototype%.next ( value ) (27.5.1.2).
fn next(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return ? GeneratorResume(this value, value, empty).
    generator_resume(agent, call.this, call.arg(0), None)
}

/// Whether `f` is %GeneratorPrototype%.next of `realm` — a built-in function whose steps
/// are [`next`], whose [[Realm]] is `realm` and that has no Evaluators of its own — so that
/// its [[Call]] is BuiltinCallOrConstruct with GeneratorResume(this value, value, empty)
/// as its steps, in a context with `realm`'s Realm.
pub fn is_generator_next_of(f: &Object, realm: &Realm) -> bool {
    match &f.data().kind {
        ObjectKind::Builtin(b) => {
            matches!(&b.steps, BuiltinSteps::Behaviour(steps) if std::ptr::fn_addr_eq(*steps, next as Behaviour))
                && b.evaluators.is_none()
                && b.realm == *realm
        }
        _ => false,
    }
}

/// %GeneratorPrototype%.return ( value ) (27.5.1.3).
fn generator_return(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let g be the this value.
    // 2. Let C be ReturnCompletion(value).
    // 3. Return ? GeneratorResumeAbrupt(g, C, empty).
    generator_resume_abrupt(
        agent,
        call.this,
        AbruptCompletion::Return(call.arg(0)),
        None,
    )
}

/// %GeneratorPrototype%.throw ( exception ) (27.5.1.4).
fn throw(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let g be the this value.
    // 2. Let C be ThrowCompletion(exception).
    // 3. Return ? GeneratorResumeAbrupt(g, C, empty).
    generator_resume_abrupt(agent, call.this, AbruptCompletion::Throw(call.arg(0)), None)
}
