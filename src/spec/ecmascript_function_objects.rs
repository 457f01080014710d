//! 10.2 ECMAScript Function Objects (sec-ecmascript-function-objects): their internal
//! slots, [[Call]] and [[Construct]], and the operations that create and shape them.
//! FunctionDeclarationInstantiation (10.2.11) has its own file.

use super::agents::Agent;
use super::class_private_elements::{
    initialize_instance_elements, ClassFieldDefinition, PrivateElement,
};
use super::completion_record::{Completion, JsResult};
use super::environment_records::{bind_this_value, new_function_environment, Env};
use super::evaluators::Evaluators;
use super::execution_contexts::{ExecutionContext, ScriptOrModule};
use super::function_declaration_instantiation::function_declaration_instantiation;
use super::generator_objects::{generator_start, GeneratorData, GeneratorState};
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, PropertyKey};
use super::operations_on_objects::define_property_or_throw;

use super::ordinary_object_internal_methods::{
    get_prototype_from_constructor, ordinary_create_from_constructor, ordinary_object_create,
    ordinary_object_create_with, ORDINARY_METHODS,
};
use super::private_environment_records::{PrivateEnv, PrivateName};
use super::property_descriptor::PropertyDescriptor;
use super::realms::{Intrinsic, Realm};
use super::source_positions::SourceText;
use super::string_type::JsString;
use super::type_conversion::to_object;
use super::value::Value;
use crate::syntax::ast::{self, FunctionBody, FunctionKind};
use crate::syntax::Span;
use boa_gc::{custom_trace, Finalize, Trace};
use std::sync::Arc;

/// [[ThisMode]].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThisMode {
    Lexical,
    Strict,
    Global,
}

/// [[ConstructorKind]].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstructorKind {
    Base,
    Derived,
}

/// The class-constructor slots that ClassDefinitionEvaluation fills on the constructor
/// function, whether it is an ECMAScript function or the built-in default constructor.
#[derive(Default, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ClassConstructorFields {
    /// [[Fields]].
    pub fields: Vec<ClassFieldDefinition>,
    /// [[PrivateMethods]].
    pub private_methods: Vec<PrivateElement>,
    /// [[SourceText]] of the class (the constructor's own span is only its method).
    pub source_text: Option<JsString>,
}

/// The name a class field initializer function gives an anonymous function it evaluates
/// ([[ClassFieldInitializerName]]).
#[derive(Clone, Debug, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum ClassFieldInitializerName {
    Key(PropertyKey),
    Private(PrivateName),
}

/// The internal slots of an ECMAScript function object (Table 28).
#[derive(Finalize)]
pub struct FunctionData {
    /// [[Environment]].
    pub environment: Env,
    /// [[PrivateEnvironment]].
    pub private_environment: Option<PrivateEnv>,
    /// [[FormalParameters]] and [[ECMAScriptCode]]: the function's parse node.
    pub code: Arc<ast::Function>,
    /// [[ConstructorKind]].
    pub constructor_kind: ConstructorKind,
    /// [[Realm]].
    pub realm: Realm,
    /// The Evaluators the function was created under (Compartments layer 3): its calls
    /// run with them, so its global environment and `eval` are theirs.
    pub evaluators: Evaluators,
    /// [[ScriptOrModule]].
    pub script_or_module: Option<ScriptOrModule>,
    /// [[ThisMode]].
    pub this_mode: ThisMode,
    /// [[Strict]].
    pub strict: bool,
    /// [[HomeObject]].
    pub home_object: Option<Object>,
    /// [[SourceText]]: the source and the span of the function in it.
    pub source_text: Arc<SourceText>,
    pub source_span: Span,
    /// [[Fields]] and [[PrivateMethods]] (class constructors).
    pub class_fields: ClassConstructorFields,
    /// [[ClassFieldInitializerName]].
    pub class_field_initializer_name: Option<ClassFieldInitializerName>,
    /// [[IsClassConstructor]].
    pub is_class_constructor: bool,
}

// SAFETY: the parse tree and source text hold no Gc pointers; every other field that can
// hold one is traced.
unsafe impl Trace for FunctionData {
    custom_trace!(this, mark, {
        mark(&this.environment);
        mark(&this.private_environment);
        mark(&this.realm);
        mark(&this.evaluators);
        mark(&this.script_or_module);
        mark(&this.home_object);
        mark(&this.class_fields);
        mark(&this.class_field_initializer_name);
    });
}

/// The internal methods of an ECMAScript function object that is not a constructor.
pub static FUNCTION_METHODS: InternalMethods = InternalMethods {
    call: Some(ecmascript_function_call),
    ..ORDINARY_METHODS
};

/// The internal methods of an ECMAScript function object that is a constructor.
pub static CONSTRUCTOR_METHODS: InternalMethods = InternalMethods {
    construct: Some(ecmascript_function_construct),
    ..FUNCTION_METHODS
};

fn function_data<R>(f: &Object, read: impl FnOnce(&FunctionData) -> R) -> R {
    match &f.data().kind {
        ObjectKind::Function(data) => read(data),
        _ => unreachable!("an ECMAScript function object"),
    }
}

/// [[Environment]] of a function object (`None` for other objects).
pub fn function_environment(f: &Object) -> Option<Env> {
    match &f.data().kind {
        ObjectKind::Function(data) => Some(data.environment.clone()),
        _ => None,
    }
}

/// Whether [[ThisMode]] is ~lexical~.
pub fn this_mode_is_lexical(f: &Object) -> bool {
    matches!(&f.data().kind, ObjectKind::Function(data) if data.this_mode == ThisMode::Lexical)
}

/// [[HomeObject]] of a function object.
pub fn home_object(f: &Object) -> Option<Object> {
    match &f.data().kind {
        ObjectKind::Function(data) => data.home_object.clone(),
        _ => None,
    }
}

/// [[Call]] ( thisArgument, argumentsList ) (10.2.1).
pub fn ecmascript_function_call(
    agent: &mut Agent,
    f: &Object,
    this_argument: &Value,
    arguments: &[Value],
) -> JsResult<Value> {
    agent.check_stack()?;
    // Where the caller is, for the locations of errors after the call returns.
    let caller_offset = agent.current_offset;
    // 1. Let callerContext be the running execution context.
    // 2. Let calleeContext be PrepareForOrdinaryCall(F, undefined).
    prepare_for_ordinary_call(agent, f, Value::Undefined);
    // 3. Assert: calleeContext is now the running execution context.
    // 4. If F.[[IsClassConstructor]] is true, then
    if function_data(f, |d| d.is_class_constructor) {
        // a. Let error be a newly created TypeError object.
        // b. NOTE: error is created in calleeContext with F's associated Realm Record.
        let error = agent.type_error("class constructors cannot be invoked without 'new'");
        // c. Remove calleeContext from the execution context stack and restore
        //    callerContext as the running execution context.
        agent.execution_context_stack.pop();
        // The error is reported where the call is (no code of F ran).
        if let Value::Object(o) = &error {
            if let ObjectKind::Error(position) = &mut o.data_mut().kind {
                *position = agent.current_position();
            }
        }
        // d. Return ThrowCompletion(error).
        return Err(error);
    }
    // 5. Perform OrdinaryCallBindThis(F, calleeContext, thisArgument).
    ordinary_call_bind_this(agent, f, this_argument);
    // 6. Let result be Completion(OrdinaryCallEvaluateBody(F, argumentsList)).
    let result = ordinary_call_evaluate_body(agent, f, arguments);
    // 7. Remove calleeContext from the execution context stack and restore callerContext
    //    as the running execution context.
    agent.execution_context_stack.pop();
    agent.current_offset = caller_offset;
    match result? {
        // 8. If result is a return completion, return result.[[Value]].
        Completion::Return(value) => Ok(value),
        // 9. Assert: result is a normal completion. 10. Return undefined.
        _ => Ok(Value::Undefined),
    }
}

/// [[Construct]] ( argumentsList, newTarget ) (10.2.2).
pub fn ecmascript_function_construct(
    agent: &mut Agent,
    f: &Object,
    arguments: &[Value],
    new_target: &Object,
) -> JsResult<Object> {
    agent.check_stack()?;
    // Where the caller is, for the locations of errors after the call returns.
    let caller_offset = agent.current_offset;
    // 1. Let callerContext be the running execution context.
    // 2. Let kind be F.[[ConstructorKind]].
    let kind = function_data(f, |d| d.constructor_kind);
    // 3. If kind is ~base~, then
    //    a. Let thisArgument be ? OrdinaryCreateFromConstructor(newTarget,
    //       "%Object.prototype%").
    let this_argument = if kind == ConstructorKind::Base {
        Some(ordinary_create_from_constructor(
            agent,
            new_target,
            Intrinsic::ObjectPrototype,
            ObjectKind::Ordinary,
        )?)
    } else {
        None
    };
    // 4. Let calleeContext be PrepareForOrdinaryCall(F, newTarget).
    prepare_for_ordinary_call(agent, f, Value::Object(new_target.clone()));
    // 5. Assert: calleeContext is now the running execution context.
    // 6. If kind is ~base~, then
    if let Some(this_argument) = &this_argument {
        // a. Perform OrdinaryCallBindThis(F, calleeContext, thisArgument).
        ordinary_call_bind_this(agent, f, &Value::Object(this_argument.clone()));
        // b. Let initializeResult be Completion(InitializeInstanceElements(thisArgument, F)).
        // c. If initializeResult is an abrupt completion, then
        if let Err(error) = initialize_instance_elements(agent, this_argument, f) {
            // i. Remove calleeContext from the execution context stack and restore
            //    callerContext as the running execution context.
            agent.execution_context_stack.pop();
            agent.current_offset = caller_offset;
            // ii. Return ? initializeResult.
            return Err(error);
        }
    }
    // 7. Let constructorEnv be the LexicalEnvironment of calleeContext.
    let constructor_env = agent
        .running_execution_context()
        .lexical_environment
        .clone()
        .expect("a function context has a LexicalEnvironment");
    // 8. Let result be Completion(OrdinaryCallEvaluateBody(F, argumentsList)).
    let result = ordinary_call_evaluate_body(agent, f, arguments);
    // 9. Remove calleeContext from the execution context stack and restore callerContext as
    //    the running execution context.
    agent.execution_context_stack.pop();
    agent.current_offset = caller_offset;
    // 10. If result is a return completion, then
    if let Completion::Return(value) = result? {
        // a. If result.[[Value]] is an Object, return result.[[Value]].
        if let Value::Object(o) = value {
            return Ok(o);
        }
        // b. If kind is ~base~, return thisArgument.
        if let Some(this_argument) = this_argument {
            return Ok(this_argument);
        }
        // c. If result.[[Value]] is not undefined, throw a TypeError exception.
        if !value.is_undefined() {
            return Err(
                agent.type_error("derived constructors may only return an object or undefined")
            );
        }
    }
    // 11. Else, ReturnIfAbrupt(result).
    // 12. Let thisBinding be ? constructorEnv.GetThisBinding().
    let this_binding = constructor_env.get_this_binding(agent)?;
    // 13. Assert: thisBinding is an Object.
    // 14. Return thisBinding.
    match this_binding {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error("constructor did not produce an object")),
    }
}

/// PrepareForOrdinaryCall ( F, newTarget ) (10.2.1.1): pushes the callee context.
pub fn prepare_for_ordinary_call(agent: &mut Agent, f: &Object, new_target: Value) {
    // 1. Let callerContext be the running execution context.
    // 2. Let calleeContext be a new ECMAScript code execution context.
    // 3. Set the Function of calleeContext to F.
    // 4. Let calleeRealm be F.[[Realm]].
    // 5. Set the Realm of calleeContext to calleeRealm (through F's Evaluators).
    // 6. Set the ScriptOrModule of calleeContext to F.[[ScriptOrModule]].
    let (evaluators, realm, script_or_module, private_environment, strict, source) =
        function_data(f, |d| {
            (
                d.evaluators.clone(),
                d.realm.clone(),
                d.script_or_module.clone(),
                d.private_environment.clone(),
                d.strict,
                d.source_text.clone(),
            )
        });
    // 7. Let localEnv be NewFunctionEnvironment(F, newTarget).
    let local_env = new_function_environment(f, new_target);
    // 8. Set the LexicalEnvironment of calleeContext to localEnv.
    // 9. Set the VariableEnvironment of calleeContext to localEnv.
    // 10. Set the PrivateEnvironment of calleeContext to F.[[PrivateEnvironment]].
    let callee_context = ExecutionContext {
        function: Some(f.clone()),
        evaluators,
        realm,
        script_or_module,
        lexical_environment: Some(local_env.clone()),
        variable_environment: Some(local_env),
        private_environment,
        source: Some(source),
        strict,
        generator: None,
    };
    // 11. If callerContext is not already suspended, suspend callerContext.
    // 12. Push calleeContext onto the execution context stack; calleeContext is now the
    //     running execution context.
    agent.execution_context_stack.push(callee_context);
    // 13. NOTE: Any exception objects produced after this point are associated with
    //     calleeRealm.
    // 14. Return calleeContext.
}

/// OrdinaryCallBindThis ( F, calleeContext, thisArgument ) (10.2.1.2), for the running
/// (callee) context.
pub fn ordinary_call_bind_this(agent: &mut Agent, f: &Object, this_argument: &Value) {
    // 1. Let thisMode be F.[[ThisMode]].
    let (this_mode, evaluators) = function_data(f, |d| (d.this_mode, d.evaluators.clone()));
    // 2. If thisMode is ~lexical~, return unused.
    if this_mode == ThisMode::Lexical {
        return;
    }
    // 3. Let calleeRealm be F.[[Realm]].
    // 4. Let localEnv be the LexicalEnvironment of calleeContext.
    let local_env = agent
        .running_execution_context()
        .lexical_environment
        .clone()
        .expect("a function context has a LexicalEnvironment");
    // 5. If thisMode is ~strict~, let thisValue be thisArgument.
    let this_value = if this_mode == ThisMode::Strict {
        this_argument.clone()
    } else if this_argument.is_nullish() {
        // 6. Else, a. If thisArgument is either undefined or null, then
        //    i. Let globalEnv be calleeRealm.[[GlobalEnv]] (F's Evaluators' [[GlobalEnv]]).
        //    ii. Assert: globalEnv is a Global Environment Record.
        //    iii. Let thisValue be globalEnv.[[GlobalThisValue]].
        evaluators
            .global_env()
            .get_this_binding(agent)
            .unwrap_or(Value::Undefined)
    } else {
        // b. Else, i. Let thisValue be ! ToObject(thisArgument).
        //    ii. NOTE: ToObject produces wrapper objects using calleeRealm.
        Value::Object(to_object(agent, this_argument).expect("ToObject of a non-nullish value"))
    };
    // 7. Assert: localEnv is a Function Environment Record.
    // 8. Assert: The next step never returns an abrupt completion because
    //    localEnv.[[ThisBindingStatus]] is not ~initialized~.
    // 9. Perform ! BindThisValue(localEnv, thisValue).
    let _ = bind_this_value(agent, &local_env, this_value);
    // 10. Return unused.
}

/// OrdinaryCallEvaluateBody ( F, argumentsList ) (10.2.1.4).
pub fn ordinary_call_evaluate_body(
    agent: &mut Agent,
    f: &Object,
    arguments: &[Value],
) -> JsResult<Completion> {
    // 1. Return ? EvaluateBody of F.[[ECMAScriptCode]] with arguments F and argumentsList.
    evaluate_body(agent, f, arguments)
}

/// Runtime Semantics: EvaluateBody (10.2.1.3).
pub fn evaluate_body(agent: &mut Agent, f: &Object, arguments: &[Value]) -> JsResult<Completion> {
    let code = function_data(f, |d| d.code.clone());
    match (code.is_generator, code.is_async) {
        (false, false) => {}
        // FunctionBody : GeneratorBody — EvaluateGeneratorBody (15.5.2).
        (true, false) => return evaluate_generator_body(agent, f, &code, arguments),
        // AsyncFunctionBody / AsyncConciseBody — EvaluateAsyncFunctionBody (15.8.4) and
        // EvaluateAsyncConciseBody (15.9.4).
        (false, true) => {
            return crate::spec::async_function_objects::evaluate_async_function_body(
                agent, f, arguments,
            )
        }
        // AsyncGeneratorBody — EvaluateAsyncGeneratorBody (15.6.2).
        (true, true) => {
            return crate::spec::async_generator_objects::evaluate_async_generator_body(
                agent, f, &code, arguments,
            )
        }
    }
    match (&code.kind, &code.body) {
        // Initializer : = AssignmentExpression (class field initializers)
        (FunctionKind::ClassField, FunctionBody::Expr(expr)) => {
            // 1. Assert: argumentsList is empty.
            // 2. Assert: functionObject.[[ClassFieldInitializerName]] is not ~empty~.
            let name = function_data(f, |d| d.class_field_initializer_name.clone());
            // 3. If IsAnonymousFunctionDefinition(AssignmentExpression) is true, then
            //    a. Let value be ? NamedEvaluation of Initializer with argument
            //       functionObject.[[ClassFieldInitializerName]].
            // 4. Else, a. Let rhs be ? Evaluation of AssignmentExpression.
            //    b. Let value be ? GetValue(rhs).
            let value = crate::spec::evaluation::evaluate_field_initializer(agent, expr, name)?;
            // 5. Return ReturnCompletion(value).
            Ok(Completion::Return(value))
        }
        // ConciseBody : ExpressionBody
        (_, FunctionBody::Expr(expr)) => {
            // 1. Perform ? FunctionDeclarationInstantiation(functionObject, argumentsList).
            function_declaration_instantiation(agent, f, &code, arguments)?;
            // 2. Let exprRef be ? Evaluation of ExpressionBody.
            // 3. Let exprValue be ? GetValue(exprRef).
            let value = crate::spec::evaluation::evaluate_expression(agent, expr)?;
            // 4. Return ReturnCompletion(exprValue).
            Ok(Completion::Return(value))
        }
        // FunctionBody : FunctionStatementList (and ClassStaticBlockBody)
        (_, FunctionBody::Block(statements)) => {
            // EvaluateFunctionBody 1. Perform ? FunctionDeclarationInstantiation(
            //    functionObject, argumentsList).
            function_declaration_instantiation(agent, f, &code, arguments)?;
            // 2. Return ? Evaluation of FunctionStatementList.
            crate::spec::evaluation::evaluate_statement_list(agent, statements)
        }
    }
}

/// EvaluateGeneratorBody (15.5.2).
fn evaluate_generator_body(
    agent: &mut Agent,
    function_object: &Object,
    code: &Arc<ast::Function>,
    arguments_list: &[Value],
) -> JsResult<Completion> {
    // 1. Perform ? FunctionDeclarationInstantiation(functionObject, argumentsList).
    function_declaration_instantiation(agent, function_object, code, arguments_list)?;
    // 2. Let G be ? OrdinaryCreateFromConstructor(functionObject,
    //    "%GeneratorFunction.prototype.prototype%", « [[GeneratorState]],
    //    [[GeneratorContext]], [[GeneratorBrand]] »).
    let prototype =
        get_prototype_from_constructor(agent, function_object, Intrinsic::GeneratorPrototype)?;
    // 3. Set G.[[GeneratorBrand]] to empty.
    // 4. Set G.[[GeneratorState]] to suspended-start.
    let g = ordinary_object_create_with(
        Some(prototype),
        ObjectKind::Generator(Box::new(GeneratorData {
            state: GeneratorState::SuspendedStart,
            brand: None,
            start: None,
            continuation: None,
        })),
    );
    // 5. Perform GeneratorStart(G, FunctionBody).
    generator_start(agent, &g, code.clone());
    // 6. Return ReturnCompletion(G).
    Ok(Completion::Return(Value::Object(g)))
}

/// The function's [[ECMAScriptCode]].
pub fn function_data_code(f: &Object) -> Arc<ast::Function> {
    function_data(f, |d| d.code.clone())
}

/// OrdinaryFunctionCreate ( functionPrototype, sourceText, ParameterList, Body, thisMode,
/// env, privateEnv ) (10.2.3).
pub fn ordinary_function_create(
    agent: &mut Agent,
    function_prototype: Object,
    code: &Arc<ast::Function>,
    lexical_this: bool,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    let context = agent.running_execution_context();
    let (evaluators, realm, source_text) = (
        context.evaluators.clone(),
        context.realm.clone(),
        context.source.clone(),
    );
    let script_or_module = super::execution_contexts::get_active_script_or_module(agent);
    // 1. Let internalSlotsList be the internal slots listed in Table 28.
    // 2. Let F be OrdinaryObjectCreate(functionPrototype, internalSlotsList).
    // 3. Set F.[[Call]] to the definition specified in 10.2.1.
    // 4. Set F.[[SourceText]] to sourceText.
    // 5. Set F.[[FormalParameters]] to ParameterList.
    // 6. Set F.[[ECMAScriptCode]] to Body.
    // 7. Let Strict be IsStrict(Body).
    // 8. Set F.[[Strict]] to Strict.
    let strict = code.strict;
    // 9. If thisMode is ~lexical-this~, set F.[[ThisMode]] to ~lexical~.
    // 10. Else if Strict is true, set F.[[ThisMode]] to ~strict~.
    // 11. Else, set F.[[ThisMode]] to ~global~.
    let this_mode = if lexical_this {
        ThisMode::Lexical
    } else if strict {
        ThisMode::Strict
    } else {
        ThisMode::Global
    };
    let source_text = source_text.unwrap_or_else(|| {
        Arc::new(SourceText {
            name: String::new(),
            text: Arc::from(""),
        })
    });
    let data = FunctionData {
        // 15. Set F.[[Environment]] to env.
        environment: env,
        // 16. Set F.[[PrivateEnvironment]] to privateEnv.
        private_environment: private_env,
        code: code.clone(),
        // 12. Set F.[[IsClassConstructor]] to false. (And [[ConstructorKind]] ~base~ until
        //     MakeConstructor / ClassDefinitionEvaluation say otherwise.)
        constructor_kind: ConstructorKind::Base,
        // 18. Set F.[[Realm]] to the current Realm Record.
        realm,
        evaluators,
        // 17. Set F.[[ScriptOrModule]] to GetActiveScriptOrModule().
        script_or_module,
        this_mode,
        strict,
        // 19. Set F.[[HomeObject]] to undefined.
        home_object: None,
        source_text,
        source_span: code.span,
        // 20. Set F.[[Fields]] to a new empty List.
        // 21. Set F.[[PrivateMethods]] to a new empty List.
        class_fields: ClassConstructorFields::default(),
        // 22. Set F.[[ClassFieldInitializerName]] to ~empty~.
        class_field_initializer_name: None,
        is_class_constructor: false,
    };
    let f = Object::new(
        &FUNCTION_METHODS,
        Some(function_prototype),
        ObjectKind::Function(Box::new(data)),
    );
    // 23. Let len be the ExpectedArgumentCount of ParameterList.
    // 24. Perform SetFunctionLength(F, len).
    set_function_length(agent, &f, expected_argument_count(code) as f64);
    // 25. Return F.
    f
}

/// Static Semantics: ExpectedArgumentCount (15.1.5): the parameters before the first one
/// with an initializer (or the rest parameter).
pub fn expected_argument_count(code: &ast::Function) -> usize {
    code.params.iter().take_while(|p| p.init.is_none()).count()
}

/// MakeConstructor ( F [ , writablePrototype [ , prototype ] ] ) (10.2.5).
pub fn make_constructor(
    agent: &mut Agent,
    f: &Object,
    writable_prototype: bool,
    prototype: Option<Object>,
) {
    // 1. If F is an ECMAScript function object, then
    //    a. Assert: IsConstructor(F) is false.
    //    b. Assert: F is an extensible object that does not have a "prototype" own property.
    //    c. Set F.[[Construct]] to the definition specified in 10.2.2.
    // 2. Else, a. Set F.[[Construct]] to the definition specified in 10.3.2.
    if matches!(f.data().kind, ObjectKind::Function(_)) {
        f.set_methods(&CONSTRUCTOR_METHODS);
    } else {
        f.set_methods(&super::builtin_function_objects::BUILTIN_CONSTRUCTOR_METHODS);
    }
    // 3. Set F.[[ConstructorKind]] to ~base~.
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.constructor_kind = ConstructorKind::Base;
    }
    // 4. If writablePrototype is not present, set writablePrototype to true.
    // 5. If prototype is not present, then
    let prototype = prototype.unwrap_or_else(|| {
        // a. Set prototype to OrdinaryObjectCreate(%Object.prototype%).
        let prototype = agent.ordinary_object();
        // b. Perform ! DefinePropertyOrThrow(prototype, "constructor", PropertyDescriptor {
        //    [[Value]]: F, [[Writable]]: writablePrototype, [[Enumerable]]: false,
        //    [[Configurable]]: true }).
        prototype.insert_property(
            "constructor".into(),
            super::object_type::Property::data(
                Value::Object(f.clone()),
                writable_prototype,
                false,
                true,
            ),
        );
        prototype
    });
    // 6. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor { [[Value]]:
    //    prototype, [[Writable]]: writablePrototype, [[Enumerable]]: false,
    //    [[Configurable]]: false }).
    f.insert_property(
        "prototype".into(),
        super::object_type::Property::data(
            Value::Object(prototype),
            writable_prototype,
            false,
            false,
        ),
    );
    // 7. Return unused.
}

/// MakeClassConstructor ( F ) (10.2.6).
pub fn make_class_constructor(f: &Object) {
    // 1. Assert: F is an ECMAScript function object.
    // 2. Assert: F.[[IsClassConstructor]] is false.
    // 3. Set F.[[IsClassConstructor]] to true.
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.is_class_constructor = true;
    }
    // 4. Return unused.
}

/// Sets [[ConstructorKind]] (ClassDefinitionEvaluation step 16.b for derived classes).
pub fn set_constructor_kind(f: &Object, kind: ConstructorKind) {
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.constructor_kind = kind;
    }
}

/// Sets [[ClassFieldInitializerName]] of a field initializer function.
pub fn set_class_field_initializer_name(f: &Object, name: ClassFieldInitializerName) {
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.class_field_initializer_name = Some(name);
    }
}

/// MakeMethod ( F, homeObject ) (10.2.7).
pub fn make_method(f: &Object, home_object: Object) {
    // 1. Assert: homeObject is an ordinary object.
    // 2. Set F.[[HomeObject]] to homeObject.
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.home_object = Some(home_object);
    }
    // 3. Return unused.
}

/// The name argument of SetFunctionName: a property key or a Private Name.
#[derive(Clone, Debug)]
pub enum FunctionName {
    Key(PropertyKey),
    Private(PrivateName),
}

/// SetFunctionName ( F, name [ , prefix ] ) (10.2.9). The spec's steps cannot fail; here a
/// name longer than the String limit (a prefix or brackets around a description that is
/// already nearly that long) is a RangeError (`resource_limits`).
pub fn set_function_name(
    agent: &mut Agent,
    f: &Object,
    name: &FunctionName,
    prefix: Option<&str>,
) -> JsResult<()> {
    // 1. Assert: F is an extensible object that does not have a "name" own property.
    let mut name: JsString = match name {
        // 2. If name is a Symbol, then
        FunctionName::Key(PropertyKey::Symbol(symbol)) => {
            // a. Let description be name.[[Description]].
            // b. If description is undefined, set name to the empty String.
            // c. Else, set name to the string-concatenation of "[", description, and "]".
            match symbol.description() {
                None => JsString::default(),
                Some(d) => JsString::from("[")
                    .concat_in(agent, d)?
                    .concat_in(agent, &JsString::from("]"))?,
            }
        }
        // 3. Else if name is a Private Name, then a. Set name to name.[[Description]].
        FunctionName::Private(p) => p.description().clone(),
        FunctionName::Key(key) => key.as_string().unwrap_or_default(),
    };
    // 4. If F has an [[InitialName]] internal slot, then
    //    a. Set F.[[InitialName]] to name.
    if let ObjectKind::Builtin(b) = &mut f.data_mut().kind {
        b.initial_name = Some(name.clone());
    }
    // 5. If prefix is present, then
    if let Some(prefix) = prefix {
        // a. Set name to the string-concatenation of prefix, the code unit 0x0020 (SPACE),
        //    and name.
        name = JsString::from(format!("{prefix} ")).concat_in(agent, &name)?;
        // b. If F has an [[InitialName]] internal slot, then
        //    i. Optionally, set F.[[InitialName]] to name.
    }
    // 6. Perform ! DefinePropertyOrThrow(F, "name", PropertyDescriptor { [[Value]]: name,
    //    [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }).
    let _ = define_property_or_throw(
        agent,
        f,
        &"name".into(),
        PropertyDescriptor::data(Value::String(name), false, false, true),
    );
    // 7. Return unused.
    Ok(())
}

/// SetFunctionLength ( F, length ) (10.2.10).
pub fn set_function_length(agent: &mut Agent, f: &Object, length: f64) {
    // 1. Assert: F is an extensible object that does not have a "length" own property.
    // 2. Perform ! DefinePropertyOrThrow(F, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(length), [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }).
    let _ = define_property_or_throw(
        agent,
        f,
        &"length".into(),
        PropertyDescriptor::data(Value::Number(length), false, false, true),
    );
    // 3. Return unused.
}

/// DefineMethodProperty ( homeObject, key, closure, enumerable ) (10.2.8).
pub fn define_method_property(
    agent: &mut Agent,
    home_object: &Object,
    key: FunctionName,
    closure: Object,
    enumerable: bool,
) -> JsResult<Option<PrivateElement>> {
    // 1. Assert: homeObject is an ordinary, extensible object.
    match key {
        // 2. If key is a Private Name, then
        //    a. Return PrivateElement { [[Key]]: key, [[Kind]]: ~method~, [[Value]]:
        //       closure }.
        FunctionName::Private(name) => Ok(Some(PrivateElement::Method {
            key: name,
            value: closure,
        })),
        // 3. Else,
        FunctionName::Key(key) => {
            // a. Let desc be the PropertyDescriptor { [[Value]]: closure, [[Writable]]:
            //    true, [[Enumerable]]: enumerable, [[Configurable]]: true }.
            // b. Perform ? DefinePropertyOrThrow(homeObject, key, desc).
            define_property_or_throw(
                agent,
                home_object,
                &key,
                PropertyDescriptor::data(Value::Object(closure), true, enumerable, true),
            )?;
            // c. NOTE: DefinePropertyOrThrow only returns an abrupt completion when
            //    attempting to define a class static method whose key is "prototype".
            // d. Return ~unused~.
            Ok(None)
        }
    }
}

/// The [[SourceText]] of a function object, for Function.prototype.toString.
pub fn function_source_text(f: &Object) -> Option<JsString> {
    match &f.data().kind {
        ObjectKind::Function(d) => {
            let text = &d.source_text.text;
            let span = d.source_span;
            text.get(span.start as usize..span.end as usize)
                .map(JsString::from)
        }
        _ => None,
    }
}

/// The class-constructor slots ([[Fields]], [[PrivateMethods]]) of `f`, read.
pub fn with_class_fields<R>(
    f: &Object,
    read: impl FnOnce(&ClassConstructorFields) -> R,
) -> Option<R> {
    match &f.data().kind {
        ObjectKind::Function(d) => Some(read(&d.class_fields)),
        ObjectKind::Builtin(b) => b.class_fields.as_deref().map(read),
        _ => None,
    }
}

/// The class-constructor slots of `f`, written.
pub fn set_class_fields(f: &Object, fields: ClassConstructorFields) {
    match &mut f.data_mut().kind {
        ObjectKind::Function(d) => d.class_fields = fields,
        ObjectKind::Builtin(b) => b.class_fields = Some(Box::new(fields)),
        _ => {}
    }
}

/// A fresh ordinary object for a function's "prototype" property.
pub fn new_prototype_object(agent: &Agent) -> Object {
    ordinary_object_create(Some(agent.intrinsic(Intrinsic::ObjectPrototype)))
}

/// The "prototype" property every generator and async generator function gets where the
/// spec instantiates one (InstantiateGeneratorFunctionObject steps 5-6 and their
/// counterparts): "Let prototype be OrdinaryObjectCreate(%GeneratorPrototype%). Perform !
/// DefinePropertyOrThrow(F, "prototype", PropertyDescriptor { [[Value]]: prototype,
/// [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false })" (with
/// %AsyncGeneratorPrototype% for async generators). Other kinds get none here.
pub fn define_generator_prototype_property(
    agent: &mut Agent,
    f: &Object,
    code: &crate::syntax::ast::Function,
) {
    let which = match (code.is_generator, code.is_async) {
        (true, false) => Intrinsic::GeneratorPrototype,
        (true, true) => Intrinsic::AsyncGeneratorPrototype,
        _ => return,
    };
    let prototype = ordinary_object_create(Some(agent.intrinsic(which)));
    let _ = define_property_or_throw(
        agent,
        f,
        &"prototype".into(),
        PropertyDescriptor::data(Value::Object(prototype), true, false, false),
    );
}
