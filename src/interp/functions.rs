//! 15.1-15.4 Function definitions: InstantiateFunctionObject, the function / arrow
//! expression instantiations, and method definitions (DefineMethod,
//! MethodDefinitionEvaluation).

use crate::spec::agents::Agent;
use crate::spec::class_private_elements::PrivateElement;
use crate::spec::completion_record::JsResult;
pub use crate::spec::ecmascript_function_objects::define_generator_prototype_property;
use crate::spec::ecmascript_function_objects::{
    define_method_property, make_constructor, make_method, ordinary_function_create,
    set_function_name, ClassFieldInitializerName, FunctionName,
};
use crate::spec::environment_records::{new_declarative_environment, Env};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::define_property_or_throw;
use crate::spec::private_environment_records::PrivateEnv;
use crate::spec::property_descriptor::PropertyDescriptor;
use crate::spec::realms::Intrinsic;
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

/// Runtime Semantics: InstantiateFunctionObject (15.2.4 InstantiateOrdinaryFunctionObject
/// and its generator / async counterparts) with arguments env and privateEnv.
pub fn instantiate_function_object(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    // 1. Let name be the StringValue of BindingIdentifier ("default" for an anonymous
    //    export default function).
    let name = code.id.as_ref().map_or("default", |id| id.name.as_str());
    // 2. Let sourceText be the source text matched by FunctionDeclaration.
    // 3. Let F be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
    //    FormalParameters, FunctionBody, ~non-lexical-this~, env, privateEnv).
    let prototype = function_prototype_for(agent, code);
    let f = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 4. Perform SetFunctionName(F, name).
    // (No prefix and a key: SetFunctionName concatenates nothing and cannot fail.)
    let _ = set_function_name(
        agent,
        &f,
        &FunctionName::Key(PropertyKey::from_str(name)),
        None,
    );
    // 5. Perform MakeConstructor(F). (Generator and async generator declarations get a
    //    "prototype" object instead; async functions neither.)
    if !code.is_generator && !code.is_async {
        make_constructor(agent, &f, true, None);
    } else {
        define_generator_prototype_property(agent, &f, code);
    }
    // 6. Return F.
    f
}

/// InstantiateOrdinaryFunctionExpression (15.2.5) with an optional name (NamedEvaluation).
pub fn instantiate_ordinary_function_expression(
    agent: &mut Agent,
    code: &Arc<ast::Function>,
    name: Option<FunctionName>,
) -> JsResult<Object> {
    let context = agent.running_execution_context();
    let outer_env = context
        .lexical_environment
        .clone()
        .expect("code runs in an environment");
    let private_env = context.private_environment.clone();
    let prototype = function_prototype_for(agent, code);
    match &code.id {
        None => {
            // 1. If name is not present, set name to "".
            let name = name.unwrap_or(FunctionName::Key(PropertyKey::from_str("")));
            // 2. Let env be the LexicalEnvironment of the running execution context.
            // 3. Let privateEnv be the running execution context's PrivateEnvironment.
            // 4. Let sourceText be the source text matched by FunctionExpression.
            // 5. Let closure be OrdinaryFunctionCreate(%Function.prototype%, sourceText,
            //    FormalParameters, FunctionBody, ~non-lexical-this~, env, privateEnv).
            let closure =
                ordinary_function_create(agent, prototype, code, false, outer_env, private_env);
            // 6. Perform SetFunctionName(closure, name).
            set_function_name(agent, &closure, &name, None)?;
            // 7. Perform MakeConstructor(closure).
            if !code.is_generator && !code.is_async {
                make_constructor(agent, &closure, true, None);
            } else {
                define_generator_prototype_property(agent, &closure, code);
            }
            // 8. Return closure.
            Ok(closure)
        }
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

/// InstantiateArrowFunctionExpression (15.3.4) with an optional name.
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
    let name = name.unwrap_or(FunctionName::Key(PropertyKey::from_str("")));
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
    let context = agent.running_execution_context();
    let env = context
        .lexical_environment
        .clone()
        .expect("code runs in an environment");
    let private_env = context.private_environment.clone();
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
    let prototype = function_prototype_for(agent, code);
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

/// DefineMethod (15.4.4) for a method whose key is already evaluated: creates the closure
/// with [[HomeObject]] `object`.
pub fn define_method(
    agent: &mut Agent,
    object: &Object,
    code: &Arc<ast::Function>,
    function_prototype: Option<Object>,
) -> Object {
    // 2. Let env be the running execution context's LexicalEnvironment.
    // 3. Let privateEnv be the running execution context's PrivateEnvironment.
    let context = agent.running_execution_context();
    let env = context
        .lexical_environment
        .clone()
        .expect("code runs in an environment");
    let private_env = context.private_environment.clone();
    // 4. If functionPrototype is present, then a. Let prototype be functionPrototype.
    // 5. Else, a. Let prototype be %Function.prototype%.
    let prototype = function_prototype.unwrap_or_else(|| function_prototype_for(agent, code));
    // 6. Let sourceText be the source text matched by MethodDefinition.
    // 7. Let closure be OrdinaryFunctionCreate(prototype, sourceText,
    //    UniqueFormalParameters, FunctionBody, ~non-lexical-this~, env, privateEnv).
    let closure = ordinary_function_create(agent, prototype, code, false, env, private_env);
    // 8. Perform MakeMethod(closure, object).
    make_method(&closure, object.clone());
    // 9. Return the Record { [[Key]]: propKey, [[Closure]]: closure }.
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
