//! 20.2 Function Objects (sec-function-objects): the Function constructor with
//! CreateDynamicFunction (20.2.1.1.1), Function.prototype (20.2.3), %ThrowTypeError%
//! (10.2.4.1) and AddRestrictedFunctionProperties (10.2.4).

use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::bound_function_exotic_objects::bound_function_create;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::{
    function_source_text, make_constructor, ordinary_function_create, set_function_length,
    set_function_name, with_class_fields, FunctionName,
};
use crate::spec::global_object::host_ensure_can_compile_strings;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::operations_on_objects::{
    call_object, create_list_from_array_like, get, has_own_property, ordinary_has_instance,
};
use crate::spec::ordinary_object_internal_methods::get_prototype_from_constructor;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::source_positions::SourceText;
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::{integer_or_infinity, to_string};
use crate::spec::value::Value;
use crate::syntax::ast::{ExprKind, StmtKind};
use crate::{spec_assert, step};
use std::sync::Arc;

/// Function ( ...parameterArgs, bodyArg ) (20.2.1.1).
pub fn function_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let C be the active function object.
    // 2. If bodyArg is not present, set bodyArg to the empty String.
    // 3. Return ? CreateDynamicFunction(C, NewTarget, ~normal~, parameterArgs, bodyArg).
    dynamic_function_constructor(agent, call, DynamicFunctionKind::Normal)
}

/// The kind argument of CreateDynamicFunction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DynamicFunctionKind {
    Normal,
    Generator,
    Async,
    AsyncGenerator,
}

/// The constructors for the other kinds (GeneratorFunction ( ...parameterArgs, bodyArg )
/// (27.3.1.1), AsyncGeneratorFunction (27.4.1.1), AsyncFunction (27.7.1.1)):
/// 1. Let C be the active function object.
/// 2. If bodyArg is not present, set bodyArg to the empty String.
/// 3. Return ? CreateDynamicFunction(C, NewTarget, kind, parameterArgs, bodyArg).
pub fn dynamic_function_constructor(
    agent: &mut Agent,
    call: &BuiltinCall,
    kind: DynamicFunctionKind,
) -> JsResult<Value> {
    let (parameter_args, body_arg) = match call.args.split_last() {
        Some((body, params)) => (params, body.clone()),
        None => (&[][..], Value::string("")),
    };
    let f = create_dynamic_function(
        agent,
        call.callee,
        call.new_target,
        kind,
        parameter_args,
        &body_arg,
    )?;
    Ok(Value::Object(f))
}

/// CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg )
/// (20.2.1.1.1).
pub fn create_dynamic_function(
    agent: &mut Agent,
    constructor: &Object,
    new_target: Option<&Object>,
    kind: DynamicFunctionKind,
    parameter_args: &[Value],
    body_arg: &Value,
) -> JsResult<Object> {
    use DynamicFunctionKind::{Async, AsyncGenerator, Generator, Normal};
    // 1. If newTarget is undefined, set newTarget to constructor.
    step!("sec-createdynamicfunction", "1");
    let new_target = new_target.unwrap_or(constructor).clone();
    // (The grammar symbols follow from the prefix: each part is parsed inside a function
    // expression of the kind, steps 17-24.)
    // 2. If kind is normal, then
    step!("sec-createdynamicfunction", "2");
    let (prefix, fallback_proto) = if kind == Normal {
        // a. Let prefix be "function".
        step!("sec-createdynamicfunction", "2.a");
        // b. Let exprSym be the grammar symbol FunctionExpression.
        step!("sec-createdynamicfunction", "2.b");
        // c. Let bodySym be the grammar symbol FunctionBody[~Yield, ~Await].
        step!("sec-createdynamicfunction", "2.c");
        // d. Let parameterSym be the grammar symbol FormalParameters[~Yield, ~Await].
        step!("sec-createdynamicfunction", "2.d");
        // e. Let fallbackProto be "%Function.prototype%".
        step!("sec-createdynamicfunction", "2.e");
        ("function", Intrinsic::FunctionPrototype)
    } else {
        // 3. Else if kind is generator, then
        step!("sec-createdynamicfunction", "3");
        if kind == Generator {
            // a. Let prefix be "function*".
            step!("sec-createdynamicfunction", "3.a");
            // b. Let exprSym be the grammar symbol GeneratorExpression.
            step!("sec-createdynamicfunction", "3.b");
            // c. Let bodySym be the grammar symbol GeneratorBody.
            step!("sec-createdynamicfunction", "3.c");
            // d. Let parameterSym be the grammar symbol FormalParameters[+Yield, ~Await].
            step!("sec-createdynamicfunction", "3.d");
            // e. Let fallbackProto be "%GeneratorFunction.prototype%".
            step!("sec-createdynamicfunction", "3.e");
            ("function*", Intrinsic::GeneratorFunctionPrototype)
        } else {
            // 4. Else if kind is async, then
            step!("sec-createdynamicfunction", "4");
            if kind == Async {
                // a. Let prefix be "async function".
                step!("sec-createdynamicfunction", "4.a");
                // b. Let exprSym be the grammar symbol AsyncFunctionExpression.
                step!("sec-createdynamicfunction", "4.b");
                // c. Let bodySym be the grammar symbol AsyncFunctionBody.
                step!("sec-createdynamicfunction", "4.c");
                // d. Let parameterSym be the grammar symbol FormalParameters[~Yield, +Await].
                step!("sec-createdynamicfunction", "4.d");
                // e. Let fallbackProto be "%AsyncFunction.prototype%".
                step!("sec-createdynamicfunction", "4.e");
                ("async function", Intrinsic::AsyncFunctionPrototype)
            } else {
                // 5. Else,
                step!("sec-createdynamicfunction", "5");
                // a. Assert: kind is async-generator.
                spec_assert!("sec-createdynamicfunction", "5.a", kind == AsyncGenerator);
                // b. Let prefix be "async function*".
                step!("sec-createdynamicfunction", "5.b");
                // c. Let exprSym be the grammar symbol AsyncGeneratorExpression.
                step!("sec-createdynamicfunction", "5.c");
                // d. Let bodySym be the grammar symbol AsyncGeneratorBody.
                step!("sec-createdynamicfunction", "5.d");
                // e. Let parameterSym be the grammar symbol FormalParameters[+Yield, +Await].
                step!("sec-createdynamicfunction", "5.e");
                // f. Let fallbackProto be "%AsyncGeneratorFunction.prototype%".
                step!("sec-createdynamicfunction", "5.f");
                (
                    "async function*",
                    Intrinsic::AsyncGeneratorFunctionPrototype,
                )
            }
        }
    };
    // 6. Let argCount be the number of elements in parameterArgs.
    step!("sec-createdynamicfunction", "6");
    let arg_count = parameter_args.len();
    // 7. Let parameterStrings be a new empty List.
    step!("sec-createdynamicfunction", "7");
    let mut parameter_strings = Vec::with_capacity(arg_count);
    // 8. For each element arg of parameterArgs, do
    step!("sec-createdynamicfunction", "8");
    for arg in parameter_args {
        // a. Append ? ToString(arg) to parameterStrings.
        step!("sec-createdynamicfunction", "8.a");
        parameter_strings.push(to_string(agent, arg)?);
    }
    // 9. Let bodyString be ? ToString(bodyArg).
    step!("sec-createdynamicfunction", "9");
    let body_string = to_string(agent, body_arg)?;
    // 10. Let currentRealm be the current Realm Record.
    step!("sec-createdynamicfunction", "10");
    let current_realm = agent.current_realm();
    // 11. Perform ? HostEnsureCanCompileStrings(currentRealm, parameterStrings,
    //     bodyString, false).
    step!("sec-createdynamicfunction", "11");
    host_ensure_can_compile_strings(
        agent,
        &current_realm,
        &parameter_strings,
        &body_string,
        false,
    )?;
    // 12. Let P be the empty String.
    step!("sec-createdynamicfunction", "12");
    let mut p = String::new();
    // 13. If argCount > 0, then
    step!("sec-createdynamicfunction", "13");
    if let Some(first) = parameter_strings.first() {
        // a. Set P to parameterStrings[0].
        step!("sec-createdynamicfunction", "13.a");
        p = first.to_rust_string();
        // b. Let k be 1.
        step!("sec-createdynamicfunction", "13.b");
        // c. Repeat, while k < argCount,
        step!("sec-createdynamicfunction", "13.c");
        for next in &parameter_strings[1..] {
            // i. Let nextArgString be parameterStrings[k].
            step!("sec-createdynamicfunction", "13.c.i");
            // ii. Set P to the string-concatenation of P, "," (a comma), and
            //     nextArgString.
            step!("sec-createdynamicfunction", "13.c.ii");
            p.push(',');
            p.push_str(&next.to_rust_string());
            // iii. Set k to k + 1.
            step!("sec-createdynamicfunction", "13.c.iii");
        }
    }
    // 14. Let bodyParseString be the string-concatenation of 0x000A (LINE FEED),
    //     bodyString, and 0x000A (LINE FEED).
    step!("sec-createdynamicfunction", "14");
    let body_parse_string = format!("\n{}\n", body_string.to_rust_string());
    // 15. Let sourceString be the string-concatenation of prefix, " anonymous(", P, 0x000A
    //     (LINE FEED), ") {", bodyParseString, and "}".
    step!("sec-createdynamicfunction", "15");
    let source_string = format!("{prefix} anonymous({p}\n) {{{body_parse_string}}}");
    // 16. Let sourceText be StringToCodePoints(sourceString).
    step!("sec-createdynamicfunction", "16");
    // Each part is parsed alone inside an otherwise empty function expression of the kind,
    // which must be the whole text: that is ParseText with parameterSym and bodySym.
    // 17. Let parameters be ParseText(P, parameterSym).
    step!("sec-createdynamicfunction", "17");
    let parameters =
        parse_function_expression(agent, &format!("({prefix} anonymous({p}\n) {{\n}})"));
    // 18. If parameters is a List of errors, throw a SyntaxError exception.
    step!("sec-createdynamicfunction", "18");
    parameters?;
    // 19. Let body be ParseText(bodyParseString, bodySym).
    step!("sec-createdynamicfunction", "19");
    let body = parse_function_expression(
        agent,
        &format!("({prefix} anonymous(\n) {{{body_parse_string}}})"),
    );
    // 20. If body is a List of errors, throw a SyntaxError exception.
    step!("sec-createdynamicfunction", "20");
    body?;
    // 21. NOTE: The parameters and body are parsed separately to ensure that each is
    //     valid alone. For example, new Function("/*", "*/ ) {") does not evaluate to a
    //     function.
    step!("sec-createdynamicfunction", "21");
    // 22. NOTE: If this step is reached, sourceText must have the syntax of exprSym
    //     (although the reverse implication does not hold). The purpose of the next two
    //     steps is to enforce any Early Error rules which apply to exprSym directly.
    step!("sec-createdynamicfunction", "22");
    // 23. Let expr be ParseText(sourceText, exprSym).
    step!("sec-createdynamicfunction", "23");
    let wrapped = format!("({source_string})");
    let expr = parse_function_expression(agent, &wrapped);
    // 24. If expr is a List of errors, throw a SyntaxError exception.
    step!("sec-createdynamicfunction", "24");
    let code = expr?;
    // 25. Let proto be ? GetPrototypeFromConstructor(newTarget, fallbackProto).
    step!("sec-createdynamicfunction", "25");
    let proto = get_prototype_from_constructor(agent, &new_target, fallback_proto)?;
    // 26. Let env be currentRealm.[[GlobalEnv]] (the Function constructor's Evaluators'
    //     [[GlobalEnv]]).
    step!("sec-createdynamicfunction", "26");
    let env = agent.current_evaluators().global_env();
    // 27. Let privateEnv be null.
    step!("sec-createdynamicfunction", "27");
    // 28. Let F be OrdinaryFunctionCreate(proto, sourceText, parameters, body,
    //     non-lexical-this, env, privateEnv).
    step!("sec-createdynamicfunction", "28");
    let source = Arc::new(SourceText {
        name: "Function".to_string(),
        text: Arc::from(wrapped.as_str()),
    });
    let saved_source = agent.running_execution_context_mut().source.replace(source);
    let f = ordinary_function_create(agent, proto, &code, false, env, None);
    agent.running_execution_context_mut().source = saved_source;
    // 29. Perform SetFunctionName(F, "anonymous").
    step!("sec-createdynamicfunction", "29");
    set_function_name(agent, &f, &FunctionName::Key("anonymous".into()), None)?;
    // 30. If kind is generator, then
    step!("sec-createdynamicfunction", "30");
    if kind == Generator {
        // a. Let prototype be OrdinaryObjectCreate(%GeneratorPrototype%).
        step!("sec-createdynamicfunction", "30.a");
        // b. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor {
        //    [[Value]]: prototype, [[Writable]]: true, [[Enumerable]]: false,
        //    [[Configurable]]: false }).
        step!("sec-createdynamicfunction", "30.b");
        crate::spec::ecmascript_function_objects::define_generator_prototype_property(
            agent, &f, &code,
        );
    } else {
        // 31. Else if kind is async-generator, then
        step!("sec-createdynamicfunction", "31");
        if kind == AsyncGenerator {
            // a. Let prototype be OrdinaryObjectCreate(%AsyncGeneratorPrototype%).
            step!("sec-createdynamicfunction", "31.a");
            // b. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor {
            //    [[Value]]: prototype, [[Writable]]: true, [[Enumerable]]: false,
            //    [[Configurable]]: false }).
            step!("sec-createdynamicfunction", "31.b");
            crate::spec::ecmascript_function_objects::define_generator_prototype_property(
                agent, &f, &code,
            );
        } else {
            // 32. Else if kind is normal, then
            step!("sec-createdynamicfunction", "32");
            if kind == Normal {
                // a. Perform MakeConstructor(F).
                step!("sec-createdynamicfunction", "32.a");
                make_constructor(agent, &f, true, None);
            }
        }
    }
    // 33. NOTE: Functions whose kind is async are not constructable and do not have a
    //     [[Construct]] internal method or a "prototype" property.
    step!("sec-createdynamicfunction", "33");
    // 34. Return F.
    step!("sec-createdynamicfunction", "34");
    Ok(f)
}

/// Parses `text` (a parenthesized function expression and nothing else) as a Script and
/// returns the function, or throws the SyntaxError.
fn parse_function_expression(
    agent: &mut Agent,
    text: &str,
) -> JsResult<Arc<crate::syntax::ast::Function>> {
    let options = crate::syntax::ParseOptions::script().with_features(agent.features);
    let program = agent
        .on_parser_stack(|| crate::syntax::parse(text, options))
        .map_err(|e| agent.syntax_error(&e.message))?;
    if let [statement] = program.body.as_slice() {
        if let StmtKind::Expr { expr, .. } = &statement.kind {
            if let ExprKind::Paren(inner) = &expr.kind {
                if let ExprKind::Function(f) = &inner.kind {
                    if expr.span.start == 0 && expr.span.end as usize == text.len() {
                        return Ok(f.clone());
                    }
                }
            }
        }
    }
    Err(agent.syntax_error("invalid function source text"))
}

/// The behaviour of %Function.prototype% itself (20.2.3): accepts any arguments and
/// returns undefined.
fn function_prototype(_agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Ok(Value::Undefined)
}

fn this_callable<'a>(agent: &mut Agent, call: &'a BuiltinCall, what: &str) -> JsResult<&'a Object> {
    match call.this {
        Value::Object(f) if f.is_callable() => Ok(f),
        _ => Err(agent.type_error(&format!(
            "Function.prototype.{what} called on a non-callable value"
        ))),
    }
}

/// Function.prototype.apply ( thisArg, argArray ) (20.2.3.1).
fn apply(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let func be the this value.
    // 2. If IsCallable(func) is false, throw a TypeError exception.
    let func = this_callable(agent, call, "apply")?;
    let arg_array = call.arg(1);
    // 3. If argArray is either undefined or null, then
    //    a. Perform PrepareForTailCall().
    //    b. Return ? Call(func, thisArg).
    if arg_array.is_nullish() {
        return call_object(agent, func, &call.arg(0), &[]);
    }
    // 4. Let argList be ? CreateListFromArrayLike(argArray).
    let arg_list = create_list_from_array_like(agent, &arg_array, false)?;
    // 5. Perform PrepareForTailCall().
    // 6. Return ? Call(func, thisArg, argList).
    call_object(agent, func, &call.arg(0), &arg_list)
}

/// Function.prototype.bind ( thisArg, ...args ) (20.2.3.2).
fn bind(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let Target be the this value.
    // 2. If IsCallable(Target) is false, throw a TypeError exception.
    let target = this_callable(agent, call, "bind")?.clone();
    let args: Vec<Value> = call.args.get(1..).unwrap_or(&[]).to_vec();
    let arg_count = args.len() as f64;
    // 3. Let F be ? BoundFunctionCreate(Target, thisArg, args).
    let f = bound_function_create(agent, &target, call.arg(0), args)?;
    // 4. Let L be 0.
    let mut l = 0.0;
    // 5. Let targetHasLength be ? HasOwnProperty(Target, "length").
    // 6. If targetHasLength is true, then
    if has_own_property(agent, &target, &"length".into())? {
        // a. Let targetLen be ? Get(Target, "length").
        // b. If targetLen is a Number, then
        if let Value::Number(target_len) = get(agent, &target, &"length".into())? {
            l = if target_len == f64::INFINITY {
                // i. If targetLen is +∞𝔽, then 1. Set L to +∞.
                f64::INFINITY
            } else if target_len == f64::NEG_INFINITY {
                // ii. Else if targetLen is -∞𝔽, then 1. Set L to 0.
                0.0
            } else {
                // iii. Else, 1. Let targetLenAsInt be ! ToIntegerOrInfinity(targetLen).
                //      3. Let argCount be the number of elements in args.
                //      4. Set L to max(targetLenAsInt - argCount, 0).
                (integer_or_infinity(target_len) - arg_count).max(0.0)
            };
        }
    }
    // 7. Perform SetFunctionLength(F, L).
    set_function_length(agent, &f, l);
    // 8. Let targetName be ? Get(Target, "name").
    // 9. If targetName is not a String, set targetName to the empty String.
    let target_name = match get(agent, &target, &"name".into())? {
        Value::String(s) => s,
        _ => JsString::default(),
    };
    // 10. Perform SetFunctionName(F, targetName, "bound").
    set_function_name(
        agent,
        &f,
        &FunctionName::Key(PropertyKey::from_string(target_name)),
        Some("bound"),
    )?;
    // 11. Return F.
    Ok(Value::Object(f))
}

/// Function.prototype.call ( thisArg, ...args ) (20.2.3.3).
fn call_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let func be the this value.
    // 2. If IsCallable(func) is false, throw a TypeError exception.
    let func = this_callable(agent, call, "call")?;
    // 3. Perform PrepareForTailCall().
    // 4. Return ? Call(func, thisArg, args).
    call_object(agent, func, &call.arg(0), call.args.get(1..).unwrap_or(&[]))
}

/// Function.prototype.toString ( ) (20.2.3.5).
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let func be the this value.
    let Value::Object(func) = call.this else {
        return Err(
            agent.type_error("Function.prototype.toString requires that 'this' be a Function")
        );
    };
    // 2. If func is an Object, func has a [[SourceText]] internal slot, func.[[SourceText]]
    //    is a sequence of Unicode code points, and HostHasSourceTextAvailable(func) is
    //    true, then a. Return CodePointsToString(func.[[SourceText]]).
    if let Some(Some(class_source)) = with_class_fields(func, |c| c.source_text.clone()) {
        return Ok(Value::String(class_source));
    }
    if let Some(text) = function_source_text(func) {
        return Ok(Value::String(text));
    }
    // 3. If func is a built-in function object, return an implementation-defined String
    //    source code representation of func. The representation must have the syntax of
    //    a NativeFunction. Additionally, if func has an [[InitialName]] internal slot and
    //    func.[[InitialName]] is a String, the portion of the returned String that would
    //    be matched by NativeFunctionAccessor_opt PropertyName must be the value of
    //    func.[[InitialName]].
    // 4. If func is an Object and IsCallable(func) is true, return an
    //    implementation-defined String source code representation of func. The
    //    representation must have the syntax of a NativeFunction.
    if func.is_callable() {
        let name = match &func.data().kind {
            ObjectKind::Builtin(b) => b.initial_name.as_ref().map(JsString::to_rust_string),
            _ => None,
        }
        .unwrap_or_default();
        return Ok(Value::string(&format!(
            "function {name}() {{ [native code] }}"
        )));
    }
    // 5. Throw a TypeError exception.
    Err(agent.type_error("Function.prototype.toString requires that 'this' be a Function"))
}

/// Function.prototype [ %Symbol.hasInstance% ] ( V ) (20.2.3.6).
fn has_instance(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let F be the this value.
    // 2. Return ? OrdinaryHasInstance(F, V).
    Ok(Value::Boolean(ordinary_has_instance(
        agent,
        call.this,
        &call.arg(0),
    )?))
}

/// %ThrowTypeError% ( ) (10.2.4.1).
fn throw_type_error(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    // 1. Throw a TypeError exception.
    Err(agent.type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed in this context",
    ))
}

/// Creates %Function.prototype%'s behaviour object. It must exist before any other
/// built-in function (they all have it as [[Prototype]]).
pub fn create_function_prototype(agent: &mut Agent, realm: &Realm) -> Object {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let f = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(function_prototype),
        0.0,
        FunctionName::Key("".into()),
        Some(realm.clone()),
        Some(object_prototype),
        None,
        false,
    );
    realm.set_intrinsic(Intrinsic::FunctionPrototype, f.clone());
    f
}

/// Creates %Function%, the methods of %Function.prototype% and %ThrowTypeError%.
pub fn create_function_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = realm.intrinsic(Intrinsic::FunctionPrototype);
    super::helpers::define_constructor(
        agent,
        realm,
        Intrinsic::Function,
        "Function",
        1,
        function_constructor,
        &prototype,
        None,
    );
    define_method(agent, &prototype, "apply", 2, apply);
    define_method(agent, &prototype, "bind", 1, bind);
    define_method(agent, &prototype, "call", 1, call_method);
    define_method(agent, &prototype, "toString", 0, to_string_method);
    let has_instance_key = PropertyKey::Symbol(agent.well_known.has_instance.clone());
    let f = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(has_instance),
        1.0,
        FunctionName::Key(has_instance_key.clone()),
        None,
        None,
        None,
        false,
    );
    define_value(
        &prototype,
        has_instance_key,
        Value::Object(f),
        false,
        false,
        false,
    );
    // %ThrowTypeError%: [[Extensible]] false; "length" and "name" non-configurable.
    let thrower = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(throw_type_error),
        0.0,
        FunctionName::Key("".into()),
        None,
        None,
        None,
        false,
    );
    for key in ["length", "name"] {
        if let Some(Property::Data { value, .. }) = thrower.own_property(&key.into()) {
            define_value(&thrower, key, value, false, false, false);
        }
    }
    thrower.data_mut().extensible = false;
    realm.set_intrinsic(Intrinsic::ThrowTypeError, thrower.clone());
    // CreateIntrinsics step 3. Perform
    // AddRestrictedFunctionProperties(realmRec.[[Intrinsics]].[[%Function.prototype%]],
    // realmRec).
    step!("sec-createintrinsics", "3");
    crate::spec::ecmascript_function_objects::add_restricted_function_properties(&prototype, realm);
}
