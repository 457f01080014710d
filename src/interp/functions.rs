//! 15.1-15.4 Function definitions: InstantiateFunctionObject, the function / arrow
//! expression instantiations, and method definitions (DefineMethod,
//! MethodDefinitionEvaluation).

use crate::spec::agents::Agent;
use crate::spec::class_private_elements::PrivateElement;
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::define_generator_prototype_property;
use crate::spec::ecmascript_function_objects::{
    define_method_property, make_constructor, make_method, ordinary_function_create,
    ordinary_function_create_named, set_function_name, ClassFieldInitializerName, FunctionName,
};
use crate::spec::environment_records::{new_declarative_environment, Env};
pub use crate::spec::execution_contexts::lexical_environment;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::define_property_or_throw;
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::private_environment_records::PrivateEnv;
use crate::spec::property_descriptor::PropertyDescriptor;
use crate::spec::realms::Intrinsic;
use crate::spec::string_type::JsString;
use crate::spec::value::Value;
use crate::syntax::ast::{self, Expr, MethodKind};
pub use crate::syntax::static_semantics::names::{
    function_declaration_at, function_declarations_to_initialize,
};
use std::sync::Arc;

/// The %Function.prototype%-like prototype for a function of this kind:
/// %GeneratorFunction.prototype%, %AsyncFunction.prototype%,
/// %AsyncGeneratorFunction.prototype% or %Function.prototype%.
fn function_prototype_for(agent: &Agent, code: &ast::Function) -> Object {
    agent.intrinsic(match (code.is_generator, code.is_async) {
        (false, false) => Intrinsic::FunctionPrototype,
        (true, false) => Intrinsic::GeneratorFunctionPrototype,
        (false, true) => Intrinsic::AsyncFunctionPrototype,
        (true, true) => Intrinsic::AsyncGeneratorFunctionPrototype,
    })
}

/// Runtime Semantics: InstantiateFunctionObject (8.6.1) with arguments env and privateEnv:
/// the algorithm of the declaration's kind.
pub fn instantiate_function_object(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    match (code.is_generator, code.is_async) {
        (false, false) => instantiate_ordinary_function_object(agent, code, env, private_env),
        (true, false) => instantiate_generator_function_object(agent, code, env, private_env),
        (false, true) => instantiate_async_function_object(agent, code, env, private_env),
        (true, true) => instantiate_async_generator_function_object(agent, code, env, private_env),
    }
}

/// InstantiateGeneratorFunctionObject (15.5.3) with arguments env and privateEnv, of a GeneratorDeclaration
/// (`export default` of an anonymous one included).
fn instantiate_generator_function_object(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    // 1. Let name be the StringValue of BindingIdentifier.
    // ("default" for an anonymous export default declaration, the second algorithm.)
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "1"
    );
    let name = code.id.as_ref().map_or("default", |id| id.name.as_str());
    // 2. Let sourceText be the source text matched by GeneratorDeclaration.
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "2"
    );
    // 3. Let F be OrdinaryFunctionCreate(%GeneratorFunction.prototype%, sourceText, FormalParameters,
    //    GeneratorBody, non-lexical-this, env, privateEnv).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "3"
    );
    let prototype = agent.intrinsic(Intrinsic::GeneratorFunctionPrototype);
    let f = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 4. Perform SetFunctionName(F, name).
    // (No prefix and a key: SetFunctionName concatenates nothing and cannot fail.)
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "4"
    );
    let _ = set_function_name(
        agent,
        &f,
        &FunctionName::Key(PropertyKey::from_str(name)),
        None,
    );
    // 5. Let prototype be OrdinaryObjectCreate(%GeneratorPrototype%).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "5"
    );
    let prototype = ordinary_object_create(Some(agent.intrinsic(Intrinsic::GeneratorPrototype)));
    // 6. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor { [[Value]]:
    //    prototype, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "6"
    );
    let _ = define_property_or_throw(
        agent,
        &f,
        &"prototype".into(),
        PropertyDescriptor::data(Value::Object(prototype), true, false, false),
    );
    // 7. Return F.
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionobject",
        "7"
    );
    f
}

/// InstantiateAsyncGeneratorFunctionObject (15.6.3) with arguments env and privateEnv, of a AsyncGeneratorDeclaration
/// (`export default` of an anonymous one included).
fn instantiate_async_generator_function_object(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    // 1. Let name be the StringValue of BindingIdentifier.
    // ("default" for an anonymous export default declaration, the second algorithm.)
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "1"
    );
    let name = code.id.as_ref().map_or("default", |id| id.name.as_str());
    // 2. Let sourceText be the source text matched by AsyncGeneratorDeclaration.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "2"
    );
    // 3. Let F be OrdinaryFunctionCreate(%AsyncGeneratorFunction.prototype%, sourceText, FormalParameters,
    //    AsyncGeneratorBody, non-lexical-this, env, privateEnv).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "3"
    );
    let prototype = agent.intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype);
    let f = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 4. Perform SetFunctionName(F, name).
    // (No prefix and a key: SetFunctionName concatenates nothing and cannot fail.)
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "4"
    );
    let _ = set_function_name(
        agent,
        &f,
        &FunctionName::Key(PropertyKey::from_str(name)),
        None,
    );
    // 5. Let prototype be OrdinaryObjectCreate(%AsyncGeneratorPrototype%).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "5"
    );
    let prototype =
        ordinary_object_create(Some(agent.intrinsic(Intrinsic::AsyncGeneratorPrototype)));
    // 6. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor { [[Value]]:
    //    prototype, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "6"
    );
    let _ = define_property_or_throw(
        agent,
        &f,
        &"prototype".into(),
        PropertyDescriptor::data(Value::Object(prototype), true, false, false),
    );
    // 7. Return F.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionobject",
        "7"
    );
    f
}

/// InstantiateAsyncFunctionObject (15.8.2) with arguments env and privateEnv, of a AsyncFunctionDeclaration
/// (`export default` of an anonymous one included).
fn instantiate_async_function_object(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    // 1. Let name be the StringValue of BindingIdentifier.
    // ("default" for an anonymous export default declaration, the second algorithm.)
    crate::step!("sec-runtime-semantics-instantiateasyncfunctionobject", "1");
    let name = code.id.as_ref().map_or("default", |id| id.name.as_str());
    // 2. Let sourceText be the source text matched by AsyncFunctionDeclaration.
    crate::step!("sec-runtime-semantics-instantiateasyncfunctionobject", "2");
    // 3. Let F be OrdinaryFunctionCreate(%AsyncFunction.prototype%, sourceText, FormalParameters,
    //    AsyncFunctionBody, non-lexical-this, env, privateEnv).
    crate::step!("sec-runtime-semantics-instantiateasyncfunctionobject", "3");
    let prototype = agent.intrinsic(Intrinsic::AsyncFunctionPrototype);
    let f = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 4. Perform SetFunctionName(F, name).
    // (No prefix and a key: SetFunctionName concatenates nothing and cannot fail.)
    crate::step!("sec-runtime-semantics-instantiateasyncfunctionobject", "4");
    let _ = set_function_name(
        agent,
        &f,
        &FunctionName::Key(PropertyKey::from_str(name)),
        None,
    );
    // 5. Return F.
    crate::step!("sec-runtime-semantics-instantiateasyncfunctionobject", "5");
    f
}

/// InstantiateOrdinaryFunctionObject (15.2.4) with arguments env and privateEnv, of a
/// FunctionDeclaration (`export default function () {}` included).
fn instantiate_ordinary_function_object(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    // 1. Let name be the StringValue of BindingIdentifier.
    // ("default" for an anonymous export default function, the second algorithm.)
    crate::step!(
        "sec-runtime-semantics-instantiateordinaryfunctionobject",
        "1"
    );
    let name = code.id.as_ref().map_or("default", |id| id.name.as_str());
    // 2. Let sourceText be the source text matched by FunctionDeclaration.
    crate::step!(
        "sec-runtime-semantics-instantiateordinaryfunctionobject",
        "2"
    );
    // 3. Let F be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
    //    FormalParameters, FunctionBody, non-lexical-this, env, privateEnv).
    crate::step!(
        "sec-runtime-semantics-instantiateordinaryfunctionobject",
        "3"
    );
    let prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
    let f = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 4. Perform SetFunctionName(F, name).
    // (No prefix and a key: SetFunctionName concatenates nothing and cannot fail.)
    crate::step!(
        "sec-runtime-semantics-instantiateordinaryfunctionobject",
        "4"
    );
    let _ = set_function_name(
        agent,
        &f,
        &FunctionName::Key(PropertyKey::from_str(name)),
        None,
    );
    // 5. Perform MakeConstructor(F).
    crate::step!(
        "sec-runtime-semantics-instantiateordinaryfunctionobject",
        "5"
    );
    make_constructor(agent, &f, true, None);
    // 6. Return F.
    crate::step!(
        "sec-runtime-semantics-instantiateordinaryfunctionobject",
        "6"
    );
    f
}

/// InstantiateOrdinaryFunctionExpression (15.2.5) with an optional name (NamedEvaluation).
pub fn instantiate_ordinary_function_expression(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: Option<FunctionName>,
) -> JsResult<Object> {
    let outer_env = lexical_environment(agent);
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone();
    let prototype = function_prototype_for(agent, code);
    match &code.id {
        None if !code.is_generator && !code.is_async => {
            // FunctionExpression : function ( FormalParameters ) { FunctionBody }
            // 1. If name is not present, set name to "".
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "1"
            );
            let name = name.unwrap_or_else(|| FunctionName::Key(PropertyKey::from_str("")));
            // 2. Let env be the LexicalEnvironment of the running execution context.
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "2"
            );
            // 3. Let privateEnv be the running execution context's PrivateEnvironment.
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "3"
            );
            // 4. Let sourceText be the source text matched by FunctionExpression.
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "4"
            );
            // 5. Let closure be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
            //    FormalParameters, FunctionBody, non-lexical-this, env, privateEnv).
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "5"
            );
            let closure =
                ordinary_function_create(agent, prototype, code, false, outer_env, private_env);
            // 6. Perform SetFunctionName(closure, name).
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "6"
            );
            set_function_name(agent, &closure, &name, None)?;
            // 7. Perform MakeConstructor(closure).
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "7"
            );
            make_constructor(agent, &closure, true, None);
            // 8. Return closure.
            crate::step!(
                "sec-runtime-semantics-instantiateordinaryfunctionexpression",
                "8"
            );
            Ok(closure)
        }
        // The anonymous generator, async and async generator expressions.
        None => match code.is_async {
            false => instantiate_generator_function_expression(
                agent,
                code,
                name,
                prototype,
                outer_env,
                private_env,
            ),
            true if code.is_generator => instantiate_async_generator_function_expression(
                agent,
                code,
                name,
                prototype,
                outer_env,
                private_env,
            ),
            true => instantiate_async_function_expression(
                agent,
                code,
                name,
                prototype,
                outer_env,
                private_env,
            ),
        },
        Some(id) => {
            // 1. Assert: name is not present.
            // 2. Set name to the StringValue of BindingIdentifier.
            // 3. Let outerEnv be the running execution context's LexicalEnvironment.
            // 4. Let funcEnv be NewDeclarativeEnvironment(outerEnv).
            let func_env = new_declarative_environment(Some(outer_env));
            // 5. Perform ! funcEnv.CreateImmutableBinding(name, false).
            let _ = func_env.create_immutable_binding(agent, &id.name, false);
            // 6. Let privateEnv be the running execution context's PrivateEnvironment.
            // 7. Let sourceText be the source text matched by FunctionExpression.
            // 8. Let closure be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
            //    FormalParameters, FunctionBody, ~non-lexical-this~, funcEnv, privateEnv).
            let closure = ordinary_function_create(
                agent,
                prototype,
                code,
                false,
                func_env.clone(),
                private_env,
            );
            // 9. Perform SetFunctionName(closure, name).
            // (A key and no prefix: nothing is concatenated, nothing can fail.)
            let _ = set_function_name(
                agent,
                &closure,
                &FunctionName::Key(PropertyKey::from_identifier(&id.name)),
                None,
            );
            // 10. Perform MakeConstructor(closure).
            if !code.is_generator && !code.is_async {
                make_constructor(agent, &closure, true, None);
            } else {
                define_generator_prototype_property(agent, &closure, code);
            }
            // 11. Perform ! funcEnv.InitializeBinding(name, closure).
            let _ = func_env.initialize_binding(agent, &id.name, Value::Object(closure.clone()));
            // 12. Return closure.
            Ok(closure)
        }
    }
}

/// InstantiateGeneratorFunctionExpression (15.5.4) of an anonymous GeneratorExpression with an optional name (NamedEvaluation);
/// `prototype` is %GeneratorFunction.prototype%, `env` and `private_env` the running execution context's.
fn instantiate_generator_function_expression(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: Option<FunctionName>,
    prototype: Object,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> JsResult<Object> {
    // 1. If name is not present, set name to "".
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "1"
    );
    let name = name.unwrap_or_else(|| FunctionName::Key(PropertyKey::from_str("")));
    // 2. Let env be the LexicalEnvironment of the running execution context.
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "2"
    );
    // 3. Let privateEnv be the running execution context's PrivateEnvironment.
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "3"
    );
    // 4. Let sourceText be the source text matched by GeneratorExpression.
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "4"
    );
    // 5. Let closure be OrdinaryFunctionCreate(%GeneratorFunction.prototype%, sourceText,
    //    FormalParameters, GeneratorBody, non-lexical-this, env, privateEnv).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "5"
    );
    let closure = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 6. Perform SetFunctionName(closure, name).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "6"
    );
    set_function_name(agent, &closure, &name, None)?;
    // 7. Let prototype be OrdinaryObjectCreate(%GeneratorPrototype%).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "7"
    );
    let prototype = ordinary_object_create(Some(agent.intrinsic(Intrinsic::GeneratorPrototype)));
    // 8. Perform ! DefinePropertyOrThrow(closure, "prototype", PropertyDescriptor {
    //    [[Value]]: prototype, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]:
    //    false }).
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "8"
    );
    let _ = define_property_or_throw(
        agent,
        &closure,
        &"prototype".into(),
        PropertyDescriptor::data(Value::Object(prototype), true, false, false),
    );
    // 9. Return closure.
    crate::step!(
        "sec-runtime-semantics-instantiategeneratorfunctionexpression",
        "9"
    );
    Ok(closure)
}

/// InstantiateAsyncGeneratorFunctionExpression (15.6.4) of an anonymous AsyncGeneratorExpression with an optional name (NamedEvaluation);
/// `prototype` is %AsyncGeneratorFunction.prototype%, `env` and `private_env` the running execution context's.
fn instantiate_async_generator_function_expression(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: Option<FunctionName>,
    prototype: Object,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> JsResult<Object> {
    // 1. If name is not present, set name to "".
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "1"
    );
    let name = name.unwrap_or_else(|| FunctionName::Key(PropertyKey::from_str("")));
    // 2. Let env be the LexicalEnvironment of the running execution context.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "2"
    );
    // 3. Let privateEnv be the running execution context's PrivateEnvironment.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "3"
    );
    // 4. Let sourceText be the source text matched by AsyncGeneratorExpression.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "4"
    );
    // 5. Let closure be OrdinaryFunctionCreate(%AsyncGeneratorFunction.prototype%, sourceText,
    //    FormalParameters, AsyncGeneratorBody, non-lexical-this, env, privateEnv).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "5"
    );
    let closure = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 6. Perform SetFunctionName(closure, name).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "6"
    );
    set_function_name(agent, &closure, &name, None)?;
    // 7. Let prototype be OrdinaryObjectCreate(%AsyncGeneratorPrototype%).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "7"
    );
    let prototype =
        ordinary_object_create(Some(agent.intrinsic(Intrinsic::AsyncGeneratorPrototype)));
    // 8. Perform ! DefinePropertyOrThrow(closure, "prototype", PropertyDescriptor {
    //    [[Value]]: prototype, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]:
    //    false }).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "8"
    );
    let _ = define_property_or_throw(
        agent,
        &closure,
        &"prototype".into(),
        PropertyDescriptor::data(Value::Object(prototype), true, false, false),
    );
    // 9. Return closure.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncgeneratorfunctionexpression",
        "9"
    );
    Ok(closure)
}

/// InstantiateAsyncFunctionExpression (15.8.3) of an anonymous AsyncFunctionExpression with an optional name (NamedEvaluation);
/// `prototype` is %AsyncFunction.prototype%, `env` and `private_env` the running execution context's.
fn instantiate_async_function_expression(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: Option<FunctionName>,
    prototype: Object,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> JsResult<Object> {
    // 1. If name is not present, set name to "".
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "1"
    );
    let name = name.unwrap_or_else(|| FunctionName::Key(PropertyKey::from_str("")));
    // 2. Let env be the LexicalEnvironment of the running execution context.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "2"
    );
    // 3. Let privateEnv be the running execution context's PrivateEnvironment.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "3"
    );
    // 4. Let sourceText be the source text matched by AsyncFunctionExpression.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "4"
    );
    // 5. Let closure be OrdinaryFunctionCreate(%AsyncFunction.prototype%, sourceText,
    //    FormalParameters, AsyncFunctionBody, non-lexical-this, env, privateEnv).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "5"
    );
    let closure = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 6. Perform SetFunctionName(closure, name).
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "6"
    );
    set_function_name(agent, &closure, &name, None)?;
    // 7. Return closure.
    crate::step!(
        "sec-runtime-semantics-instantiateasyncfunctionexpression",
        "7"
    );
    Ok(closure)
}

/// InstantiateArrowFunctionExpression (15.3.4) with an optional name.
#[crate::trace::checks_tracing_once]
pub fn instantiate_arrow_function_expression(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: Option<FunctionName>,
) -> JsResult<Object> {
    // 1. If name is not present, set name to "".
    crate::step!(
        "sec-runtime-semantics-instantiatearrowfunctionexpression",
        "1"
    );
    let name = name.unwrap_or_else(|| FunctionName::Key(PropertyKey::from_str("")));
    // (Not while tracing, a String name: the arrow function made last from this code with
    // this name in the same circumstances gives its slots, prototype and properties, as in
    // `instantiate_named_arrow_function`.)
    if let FunctionName::Key(PropertyKey::String(string)) = &name {
        if !crate::trace::enabled() {
            if let Some(closure) =
                crate::spec::ecmascript_function_objects::cached_named_arrow(agent, code, string)
            {
                return Ok(closure);
            }
        }
    }
    if crate::trace::enabled() {
        // 2. Let env be the LexicalEnvironment of the running execution context.
        crate::step!(
            "sec-runtime-semantics-instantiatearrowfunctionexpression",
            "2"
        );
        // 3. Let privateEnv be the running execution context's PrivateEnvironment.
        crate::step!(
            "sec-runtime-semantics-instantiatearrowfunctionexpression",
            "3"
        );
    }
    let env = lexical_environment(agent);
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone();
    if crate::trace::enabled() {
        // 4. Let sourceText be the source text matched by ArrowFunction.
        crate::step!(
            "sec-runtime-semantics-instantiatearrowfunctionexpression",
            "4"
        );
        // 5. Let closure be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
        //    ArrowParameters, ConciseBody, ~lexical-this~, env, privateEnv).
        crate::step!(
            "sec-runtime-semantics-instantiatearrowfunctionexpression",
            "5"
        );
    }
    let prototype = function_prototype_for(agent, code);
    // (Not while tracing, a String name: steps 5 and 6 at once, the closure made with its
    // "length" and "name" in place; `ordinary_function_create_named`.)
    let name = match name {
        FunctionName::Key(PropertyKey::String(name)) if !crate::trace::enabled() => {
            return Ok(ordinary_function_create_named(
                agent,
                prototype,
                code,
                true,
                env,
                private_env,
                Some(&name),
            ));
        }
        name => name,
    };
    let closure = ordinary_function_create(agent, prototype, code, true, env, private_env);
    // 6. Perform SetFunctionName(closure, name).
    crate::step!(
        "sec-runtime-semantics-instantiatearrowfunctionexpression",
        "6"
    );
    set_function_name(agent, &closure, &name, None)?;
    // 7. Return closure.
    crate::step!(
        "sec-runtime-semantics-instantiatearrowfunctionexpression",
        "7"
    );
    Ok(closure)
}

/// InstantiateArrowFunctionExpression (15.3.4) with the String `name` (a NamedEvaluation's
/// identifier), not while tracing: what `instantiate_arrow_function_expression` does for
/// such a name (step 1 has the name; steps 2-3 read the running execution context; steps
/// 5 and 6 at once, `ordinary_function_create_named`; step 7), without its dispatch on the
/// name (docs/ARCHITECTURE.md, "Object creation").
#[inline(never)]
pub fn instantiate_named_arrow_function(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: &JsString,
) -> Object {
    debug_assert!(!crate::trace::enabled());
    // (The arrow function made last from this code, with this name, in the same
    // circumstances: its slots, prototype and properties, shared; docs/ARCHITECTURE.md,
    // "Object creation".)
    if let Some(closure) =
        crate::spec::ecmascript_function_objects::cached_named_arrow(agent, code, name)
    {
        return closure;
    }
    let env = lexical_environment(agent);
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone();
    let prototype = function_prototype_for(agent, code);
    ordinary_function_create_named(agent, prototype, code, true, env, private_env, Some(name))
}

/// DefineMethod (15.4.4) for a method whose key is already evaluated: creates the closure
/// with [[HomeObject]] `object`.
pub fn define_method(
    agent: &mut Agent,
    object: &Object,
    code: &Arc<ast::Function>,
    function_prototype: Option<Object>,
) -> Object {
    // 1. Let propKey be ? Evaluation of ClassElementName.
    crate::step_done!(
        "sec-runtime-semantics-definemethod",
        "1",
        "by the caller, which evaluated the key first"
    );
    // 2. Let env be the running execution context's LexicalEnvironment.
    crate::step!("sec-runtime-semantics-definemethod", "2");
    let env = lexical_environment(agent);
    // 3. Let privateEnv be the running execution context's PrivateEnvironment.
    crate::step!("sec-runtime-semantics-definemethod", "3");
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone();
    // 4. If functionPrototype is present, then
    crate::step!("sec-runtime-semantics-definemethod", "4");
    let prototype = if let Some(function_prototype) = function_prototype {
        // a. Let prototype be functionPrototype.
        crate::step!("sec-runtime-semantics-definemethod", "4.a");
        function_prototype
    } else {
        // 5. Else,
        crate::step!("sec-runtime-semantics-definemethod", "5");
        // a. Let prototype be %Function.prototype%.
        // (%GeneratorFunction.prototype% and the others for the other kinds of method,
        // 15.5.4 and the like.)
        crate::step!("sec-runtime-semantics-definemethod", "5.a");
        function_prototype_for(agent, code)
    };
    // 6. Let sourceText be the source text matched by MethodDefinition.
    crate::step!("sec-runtime-semantics-definemethod", "6");
    // 7. Let closure be OrdinaryFunctionCreate(prototype, sourceText,
    //    UniqueFormalParameters, FunctionBody, non-lexical-this, env, privateEnv).
    crate::step!("sec-runtime-semantics-definemethod", "7");
    let closure = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 8. Perform MakeMethod(closure, object).
    crate::step!("sec-runtime-semantics-definemethod", "8");
    make_method(&closure, object.clone());
    // 9. Return the Record { [[Key]]: propKey, [[Closure]]: closure }.
    crate::step!("sec-runtime-semantics-definemethod", "9");
    closure
}

/// MethodDefinitionEvaluation (15.4.5) of a method, getter or setter whose key is
/// `key`, with arguments object and enumerable.
pub fn method_definition_evaluation(
    agent: &mut Agent,
    object: &Object,
    key: FunctionName,
    kind: MethodKind,
    code: &Arc<ast::Function>,
    enumerable: bool,
) -> JsResult<Option<PrivateElement>> {
    match kind {
        MethodKind::Method => {
            // 1. Let methodDef be ? DefineMethod of MethodDefinition with argument object.
            let closure = define_method(agent, object, code, None);
            // 2. Perform SetFunctionName(methodDef.[[Closure]], methodDef.[[Key]]).
            set_function_name(agent, &closure, &key, None)?;
            // (GeneratorMethod and AsyncGeneratorMethod, 15.5.4 and 15.6.4 steps 8-9:
            // their "prototype" object.)
            define_generator_prototype_property(agent, &closure, code);
            // 3. Return ? DefineMethodProperty(object, methodDef.[[Key]],
            //    methodDef.[[Closure]], enumerable).
            define_method_property(agent, object, key, closure, enumerable)
        }
        MethodKind::Get | MethodKind::Set => {
            let is_get = kind == MethodKind::Get;
            // 2-6. Let closure be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
            //    formalParameterList, FunctionBody, ~non-lexical-this~, env, privateEnv).
            // 7. Perform MakeMethod(closure, object).
            let closure = define_method(agent, object, code, None);
            // 8. Perform SetFunctionName(closure, propKey, "get" / "set").
            set_function_name(
                agent,
                &closure,
                &key,
                Some(if is_get { "get" } else { "set" }),
            )?;
            match key {
                // 9. If propKey is a Private Name, then
                //    a. Return PrivateElement { [[Key]]: propKey, [[Kind]]: ~accessor~,
                //       [[Get]]: closure, [[Set]]: undefined }.
                FunctionName::Private(name) => Ok(Some(if is_get {
                    PrivateElement::Accessor {
                        key: name,
                        get: Some(closure),
                        set: None,
                    }
                } else {
                    PrivateElement::Accessor {
                        key: name,
                        get: None,
                        set: Some(closure),
                    }
                })),
                // 10. Else,
                //     a. Let desc be the PropertyDescriptor { [[Get]]: closure,
                //        [[Enumerable]]: enumerable, [[Configurable]]: true }.
                //     b. Perform ? DefinePropertyOrThrow(object, propKey, desc).
                //     c. Return ~unused~.
                FunctionName::Key(key) => {
                    let mut desc = PropertyDescriptor {
                        enumerable: Some(enumerable),
                        configurable: Some(true),
                        ..Default::default()
                    };
                    if is_get {
                        desc.get = Some(Value::Object(closure));
                    } else {
                        desc.set = Some(Value::Object(closure));
                    }
                    define_property_or_throw(agent, object, &key, desc)?;
                    Ok(None)
                }
            }
        }
    }
}

/// EvaluateBody of a class field Initializer (10.2.1.3): NamedEvaluation with the field's
/// name for an anonymous function definition, else the value of the expression.
pub fn evaluate_field_initializer(
    agent: &mut Agent,
    expr: &Expr,
    name: Option<ClassFieldInitializerName>,
) -> JsResult<Value> {
    if super::expressions::is_anonymous_function_definition(expr) {
        let name = match name {
            Some(ClassFieldInitializerName::Key(k)) => FunctionName::Key(k),
            Some(ClassFieldInitializerName::Private(p)) => FunctionName::Private(p),
            None => FunctionName::Key(PropertyKey::from_str("")),
        };
        return super::expressions::named_evaluation(agent, expr, name);
    }
    super::expressions::evaluate_expression(agent, expr)
}
