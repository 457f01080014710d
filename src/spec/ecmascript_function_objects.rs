//! 10.2 ECMAScript Function Objects (sec-ecmascript-function-objects): their internal
//! slots, [[Call]] and [[Construct]], and the operations that create and shape them.
//! FunctionDeclarationInstantiation (10.2.11) has its own file.

use super::agents::Agent;
use super::class_private_elements::{
    initialize_instance_elements, ClassFieldDefinition, PrivateElement,
};
use super::completion_record::{Completion, JsResult};
use super::environment_records::{
    bind_new_this_value, bind_this_value, new_function_environment_of, Env, SpareRecord,
    SPARE_RECORDS,
};
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

mod function_object_creation;
mod function_slots;
mod prepared_call;
pub use function_object_creation::*;
pub use function_slots::{cached_named_arrow, FunctionData, FunctionSlots, FunctionSlotsCache};
pub use prepared_call::PreparedCall;

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

/// [[Environment]] of a function object (`None` for other objects) and whether its
/// [[ThisMode]] is ~lexical~, read in one borrow.
pub fn environment_and_lexical_this_mode(f: &Object) -> (Option<Env>, bool) {
    match &f.data().kind {
        ObjectKind::Function(data) => (
            Some(data.environment.clone()),
            data.this_mode == ThisMode::Lexical,
        ),
        _ => (None, false),
    }
}

/// Whether [[ThisMode]] is ~lexical~.
pub fn this_mode_is_lexical(f: &Object) -> bool {
    matches!(&f.data().kind, ObjectKind::Function(data) if data.this_mode == ThisMode::Lexical)
}

/// [[HomeObject]] of a function object.
pub fn home_object(f: &Object) -> Option<Object> {
    match &f.data().kind {
        ObjectKind::Function(data) => data.home_object(),
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
    // (Untraced: the plain call path, for a function whose code `plain_call` takes;
    // docs/ARCHITECTURE.md, "Calls".)
    if !crate::trace::enabled() {
        match plain_call(agent, f, this_argument, arguments, caller_offset) {
            PlainCall::Done(result) => return result,
            // (A call in tail position: the body's result is written where this
            // function's caller takes it, with no copy in between.)
            PlainCall::BindsNothing => return call_binding_nothing(agent, f, caller_offset),
            PlainCall::Not => {}
        }
    }
    ecmascript_function_call_steps(agent, f, this_argument, arguments, caller_offset)
}

/// What `plain_call` did: the whole call (its result), nothing but find that F is an arrow
/// function that binds nothing (`call_binding_nothing` makes that call), or nothing.
enum PlainCall {
    Done(JsResult<Value>),
    BindsNothing,
    Not,
}

/// [[Call]]'s steps (10.2.1) for a call that `plain_call` does not take; `caller_offset`
/// is where the caller is, for the locations of errors after the call returns.
#[inline(never)]
#[crate::trace::checks_tracing_once]
fn ecmascript_function_call_steps(
    agent: &mut Agent,
    f: &Object,
    this_argument: &Value,
    arguments: &[Value],
    caller_offset: u32,
) -> JsResult<Value> {
    // (The stack's height, for step 3's Assert.)
    let depth = agent.execution_context_stack.len();
    // (One test of the tracing flag for the markers of steps 1 and 2: every call runs them.)
    if crate::trace::enabled() {
        // 1. Let callerContext be the running execution context.
        crate::step!(
            "sec-ecmascript-function-objects-call-thisargument-argumentslist",
            "1"
        );
        // 2. Let calleeContext be PrepareForOrdinaryCall(F, undefined).
        crate::step!(
            "sec-ecmascript-function-objects-call-thisargument-argumentslist",
            "2"
        );
    }
    let read = prepare_for_ordinary_call(agent, f, Value::Undefined);
    // 3. Assert: calleeContext is now the running execution context.
    crate::spec_assert!(
        "sec-ecmascript-function-objects-call-thisargument-argumentslist",
        "3",
        agent.execution_context_stack.len() == depth + 1
    );
    // 4. If F.[[IsClassConstructor]] is true, then
    crate::step!(
        "sec-ecmascript-function-objects-call-thisargument-argumentslist",
        "4"
    );
    if read.is_class_constructor {
        // a. Let error be a newly created TypeError object.
        crate::step!(
            "sec-ecmascript-function-objects-call-thisargument-argumentslist",
            "4.a"
        );
        let error = agent.type_error("class constructors cannot be invoked without 'new'");
        // b. NOTE: error is created in calleeContext with F's associated Realm Record.
        crate::step!(
            "sec-ecmascript-function-objects-call-thisargument-argumentslist",
            "4.b"
        );
        // c. Remove calleeContext from the execution context stack and restore
        //    callerContext as the running execution context.
        crate::step!(
            "sec-ecmascript-function-objects-call-thisargument-argumentslist",
            "4.c"
        );
        agent.execution_context_stack.pop();
        // The error is reported where the call is (no code of F ran).
        if let Value::Object(o) = &error {
            if let ObjectKind::Error(position) = &mut o.data_mut().kind {
                *position = agent.current_position();
            }
        }
        // d. Return ThrowCompletion(error).
        crate::step!(
            "sec-ecmascript-function-objects-call-thisargument-argumentslist",
            "4.d"
        );
        return Err(error);
    }
    // 5. Perform OrdinaryCallBindThis(F, calleeContext, thisArgument).
    crate::step!(
        "sec-ecmascript-function-objects-call-thisargument-argumentslist",
        "5"
    );
    ordinary_call_bind_this(agent, f, read.this_mode, this_argument);
    // 6. Let result be Completion(OrdinaryCallEvaluateBody(F, argumentsList)).
    crate::step!(
        "sec-ecmascript-function-objects-call-thisargument-argumentslist",
        "6"
    );
    let result = ordinary_call_evaluate_body(agent, f, &read.code, arguments);
    // 7. Remove calleeContext from the execution context stack and restore callerContext
    //    as the running execution context.
    crate::step!(
        "sec-ecmascript-function-objects-call-thisargument-argumentslist",
        "7"
    );
    let callee_context = agent.execution_context_stack.pop();
    agent.current_offset = caller_offset;
    // (Untraced: when no closure, direct eval, arguments object or generator can have
    // kept calleeContext's Function Environment Record, it is kept for reuse by a later
    // PrepareForOrdinaryCall if the context's handles are the only ones to it, else its
    // bindings are released now and their list reused; docs/ARCHITECTURE.md, "Calls". Not
    // for an arrow function that binds nothing: PrepareForOrdinaryCall made no record for
    // it, and calleeContext's VariableEnvironment is F.[[Environment]], which outlives the
    // call.)
    if read.code.scope.closure_free
        && !arrow_binds_nothing(&read.code)
        && !read.code.scope.uses_arguments
        && !read.code.scope.has_direct_eval
        && !read.code.is_generator
        && !read.code.is_async
        && !crate::trace::enabled()
    {
        if let Some(mut context) = callee_context {
            context.lexical_environment = None;
            if let Some(mut env) = context.variable_environment.take() {
                if agent.spare_function_environments.len() < SPARE_RECORDS
                    && env.recycle_function_record()
                {
                    agent.spare_function_environments.push(SpareRecord {
                        env,
                        code: None,
                        source: None,
                    });
                } else {
                    env.release_function_bindings();
                }
            }
        }
    } else {
        drop(callee_context);
    }
    // 8. If result is a return completion, return result.[[Value]].
    crate::step!(
        "sec-ecmascript-function-objects-call-thisargument-argumentslist",
        "8"
    );
    match result {
        Ok(Completion::Return(value)) => Ok(value),
        // A body that completes normally: EvaluateBody's ReturnCompletion(undefined)
        // (FunctionBody's evaluation ends with it in the draft).
        Ok(_) => Ok(Value::Undefined),
        Err(error) => {
            // 9. Assert: result is a throw completion.
            crate::spec_assert!("sec-ecmascript-function-objects-call-thisargument-argumentslist", "9", by: "an Err is a throw completion");
            // 10. Return ? result.
            crate::step!(
                "sec-ecmascript-function-objects-call-thisargument-argumentslist",
                "10"
            );
            Err(error)
        }
    }
}

/// [[Call]] ( thisArgument, argumentsList ) (10.2.1) of an ECMAScript function object
/// whose code is plain (`ScopeInfo::plain_call`: neither a generator nor async, no
/// closure, `arguments` or direct eval, a simple parameter list without duplicates, vars
/// distinct from the parameters and no lexical declaration) and that is not a class
/// constructor, when OrdinaryCallBindThis needs no ToObject (thisArgument is an Object,
/// undefined or null, or F's [[ThisMode]] is not ~global~); `None`, having done nothing,
/// for any other call (`PlainCall::Not`), and `PlainCall::BindsNothing`, having done
/// nothing, for an arrow function that binds nothing (`call_binding_nothing` makes that
/// call). Not while tracing. The steps in one pass, with every test of F's
/// code made when it was parsed:
/// - steps 1-2, PrepareForOrdinaryCall (10.2.1.1) with newTarget undefined: F's slots read
///   in one borrow; localEnv made by NewFunctionEnvironment (9.1.2.4) with its
///   [[ThisValue]] already bound as OrdinaryCallBindThis (10.2.1.2) binds it (step 5 of
///   [[Call]]; steps 5.a, 6.a.i-iii and, for an Object, 6.b.i's ToObject, which returns
///   it; the global this value is that of F's Evaluators, calleeContext's) and with the
///   bindings of FunctionDeclarationInstantiation (10.2.11) already made (each parameter
///   initialized to its argument or undefined, then each var to undefined: steps 19.b,
///   21, 24-28 with usedEnv env, and 29; steps 30-38 do nothing for such code); the
///   context pushed;
/// - step 4: F is not a class constructor;
/// - step 6, OrdinaryCallEvaluateBody: EvaluateFunctionBody or EvaluateConciseBody after
///   FunctionDeclarationInstantiation, as `evaluate_body` evaluates them;
/// - step 7, the context popped and its record recycled as the general path does;
/// - steps 8-10.
fn plain_call(
    agent: &mut Agent,
    f: &Object,
    this_argument: &Value,
    arguments: &[Value],
    caller_offset: u32,
) -> PlainCall {
    use super::environment_records::Binding;
    // (F's slots read, localEnv made and calleeContext pushed in one borrow of F: no code
    // runs in it.)
    let set_up = function_data(f, |d| {
        if !d.code.scope.plain_call || d.is_class_constructor() {
            return Err(false);
        }
        // (An arrow function that binds nothing: as PrepareForOrdinaryCall does, its
        // localEnv is F.[[Environment]], which no code can tell from a new record that
        // binds nothing; `arrow_binds_nothing`. No record is made, so none is recycled.)
        if d.this_mode == ThisMode::Lexical && arrow_binds_nothing(&d.code) {
            return Err(true);
        }
        let Some(fields) = plain_function_fields(f, d, this_argument) else {
            return Err(false);
        };
        // (A spare record last used by a plain call of this very code holds its bindings,
        // and the code: `SpareRecord`.)
        let (spare, code, source, known) = match agent.spare_function_environments.pop() {
            Some(SpareRecord {
                env,
                code: Some(code),
                source,
            }) if Arc::ptr_eq(&code, &d.code) => {
                let source = match source {
                    Some(source) if Arc::ptr_eq(&source, &d.source_text) => source,
                    _ => d.source_text.clone(),
                };
                (Some(env), code, source, true)
            }
            Some(SpareRecord { env, .. }) => {
                (Some(env), d.code.clone(), d.source_text.clone(), false)
            }
            None => (None, d.code.clone(), d.source_text.clone(), false),
        };
        let params = &code.params;
        let vars = &code.scope.var_declared_names;
        let local_env = Env::plain_function_environment(
            spare,
            d.environment.clone(),
            fields,
            params.len() + vars.len(),
            #[inline(always)]
            |bindings: &mut Vec<Binding>| {
                if known && bindings.len() == params.len() + vars.len() {
                    // (Exactly the bindings to make, uninitialized: each parameter's
                    // value set, then each var's.)
                    let (parameters, var_bindings) = bindings.split_at_mut(params.len());
                    let mut values = arguments.iter();
                    for binding in parameters {
                        match values.next() {
                            Some(Value::Number(n)) => binding.value = Some(Value::Number(*n)),
                            Some(value) => binding.value = Some(value.clone()),
                            None => binding.value = Some(Value::Undefined),
                        }
                    }
                    for binding in var_bindings {
                        binding.value = Some(Value::Undefined);
                    }
                } else {
                    fill_plain_bindings(bindings, params, vars, arguments);
                }
            },
        );
        agent
            .execution_context_stack
            .push(callee_context_of(f, d, local_env, source));
        Ok(code)
    });
    // (`Err(binds_nothing)` when nothing was done: a small value, returned in registers.)
    let code = match set_up {
        Ok(code) => code,
        Err(true) => return PlainCall::BindsNothing,
        Err(false) => return PlainCall::Not,
    };
    let result = evaluate_plain_body(agent, &code);
    // (As the general path does: the code makes no closure and has no direct eval or
    // arguments object, and is neither a generator nor async. The context's handles to
    // the record are taken before it is removed, in place.)
    let (callee_env, source) = match agent.execution_context_stack.last_mut() {
        Some(context) => {
            context.lexical_environment = None;
            (context.variable_environment.take(), context.source.take())
        }
        None => (None, None),
    };
    let depth = agent.execution_context_stack.len().saturating_sub(1);
    agent.execution_context_stack.truncate(depth);
    agent.current_offset = caller_offset;
    if let Some(mut env) = callee_env {
        if agent.spare_function_environments.len() < SPARE_RECORDS && env.recycle_function_record()
        {
            agent.spare_function_environments.push(SpareRecord {
                env,
                code: Some(code),
                source,
            });
        } else {
            env.release_function_bindings();
        }
    }
    PlainCall::Done(result)
}

/// `plain_call` of an arrow function that binds nothing (`arrow_binds_nothing`): steps 1-2
/// (PrepareForOrdinaryCall with F.[[Environment]] as localEnv: no record is made, so none
/// is recycled at step 7), step 6 (`evaluate_plain_body`), step 7, steps 8-10. When
/// calleeContext would differ from the running context only in its Function,
/// LexicalEnvironment and VariableEnvironment (`shares_context`), the body is evaluated in
/// the running context with its LexicalEnvironment set to F.[[Environment]], and the
/// caller's put back afterwards (no context made, pushed, popped and dropped).
///
/// (F's code is read through a handle to F's slot record, `FunctionData::slots_handle`,
/// whose count is not atomic, not through one to the parse node: the call makes no atomic
/// reference count change. The record's code never changes.)
#[inline(never)]
fn call_binding_nothing(agent: &mut Agent, f: &Object, caller_offset: u32) -> JsResult<Value> {
    let (slots, caller_env) = function_data(f, |d| {
        let env = d.environment.clone();
        let caller = agent.running_execution_context_mut();
        let caller_env = if shares_context(caller, d) {
            Some(caller.lexical_environment.replace(env))
        } else {
            agent
                .execution_context_stack
                .push(callee_context_of(f, d, env, d.source_text.clone()));
            None
        };
        (d.slots_handle().clone(), caller_env)
    });
    let result = evaluate_plain_body(agent, &slots.code);
    drop(slots);
    match caller_env {
        Some(caller_env) => agent.running_execution_context_mut().lexical_environment = caller_env,
        None => drop(agent.execution_context_stack.pop()),
    }
    agent.current_offset = caller_offset;
    result
}

/// Whether calleeContext of an arrow function that binds nothing (`arrow_binds_nothing`),
/// made by PrepareForOrdinaryCall (10.2.1.1) — Function F, Realm and ScriptOrModule F's,
/// F's Evaluators, LexicalEnvironment and VariableEnvironment F.[[Environment]],
/// PrivateEnvironment F.[[PrivateEnvironment]], F's source text and strictness, no
/// Generator — would differ from the running context `caller` only in its Function,
/// LexicalEnvironment and VariableEnvironment: the same Evaluators, Realm, ScriptOrModule,
/// PrivateEnvironment, source text and strictness (pointer-equal records), and no
/// Generator in `caller`. Then `plain_call` evaluates the body in `caller` with
/// F.[[Environment]] as its LexicalEnvironment and puts the caller's back afterwards
/// (docs/ARCHITECTURE.md, "Arrows in the caller's context"): the Function component has no
/// reader but the collector (F is kept alive by the caller meanwhile), and the
/// VariableEnvironment is read only by direct eval and FunctionDeclarationInstantiation,
/// neither of which such an arrow's code runs in its own context (no direct eval, nothing
/// to instantiate); every other reader of the running context, and of the stack below it
/// (GetActiveScriptOrModule, the second-to-top context of AsyncGeneratorYield, error
/// positions), finds the same values.
#[inline(always)]
fn shares_context(caller: &ExecutionContext, d: &FunctionData) -> bool {
    caller.generator.is_none()
        && caller.strict == d.strict
        && caller.evaluators == d.evaluators
        && caller.realm == d.realm
        && matches!(&caller.source, Some(source) if Arc::ptr_eq(source, &d.source_text))
        && match (&caller.private_environment, &d.private_environment) {
            (None, None) => true,
            (Some(a), Some(b)) => boa_gc::Gc::ptr_eq(&a.0, &b.0),
            _ => false,
        }
        && match (&caller.script_or_module, &d.script_or_module) {
            (Some(ScriptOrModule::Script(a)), Some(ScriptOrModule::Script(b))) => {
                boa_gc::Gc::ptr_eq(&a.0, &b.0)
            }
            (Some(ScriptOrModule::Module(a)), Some(ScriptOrModule::Module(b))) => a == b,
            (None, None) => true,
            _ => false,
        }
}

/// The fields of localEnv, F's new Function Environment Record, for the plain call paths:
/// NewFunctionEnvironment (9.1.2.4) steps 2-5 with OrdinaryCallBindThis (10.2.1.2) for
/// `this_argument` — step 2 for ~lexical~, 5.a for ~strict~, 6.a.i-iii (the global this
/// value of F's Evaluators) for undefined or null and 6.b for an object otherwise — and no
/// [[NewTarget]]. `None` when thisArgument would need ToObject (the general path does it).
/// ([[FunctionObject]] is left empty for an arrow function: every reader of it —
/// HasSuperBinding, GetNewTarget, GetSuperBase, PerformEval, super() — reaches the record
/// only when its [[ThisBindingStatus]] is not ~lexical~; memory only.)
#[inline(always)]
fn plain_function_fields(
    f: &Object,
    d: &FunctionData,
    this_argument: &Value,
) -> Option<super::environment_records::FunctionFields> {
    use super::environment_records::{FunctionFields, ThisBindingStatus};
    let (this_binding_status, this_value) = match d.this_mode {
        ThisMode::Lexical => (ThisBindingStatus::Lexical, Value::Undefined),
        ThisMode::Strict => (ThisBindingStatus::Initialized, this_argument.clone()),
        ThisMode::Global => match this_argument {
            Value::Undefined | Value::Null => (
                ThisBindingStatus::Initialized,
                d.evaluators
                    .0
                    .global_this
                    .clone()
                    .map_or(Value::Undefined, Value::Object),
            ),
            Value::Object(o) => (ThisBindingStatus::Initialized, Value::Object(o.clone())),
            _ => return None,
        },
    };
    Some(FunctionFields {
        this_value,
        function_object: (this_binding_status != ThisBindingStatus::Lexical).then(|| f.clone()),
        this_binding_status,
        new_target: None,
    })
}

/// calleeContext of PrepareForOrdinaryCall (10.2.1.1) for F, whose slots are `d`: steps
/// 3-10 (Function F, Realm and ScriptOrModule F's, its evaluators F's), with `local_env`
/// as its LexicalEnvironment and VariableEnvironment, F.[[PrivateEnvironment]] and
/// `source`, F's source text (for error locations). Memory only: one literal for the
/// untraced paths that make it from F's slots read at once.
#[inline(always)]
fn callee_context_of(
    f: &Object,
    d: &FunctionData,
    local_env: Env,
    source: Arc<SourceText>,
) -> ExecutionContext {
    ExecutionContext {
        function: Some(f.clone()),
        evaluators: d.evaluators.clone(),
        realm: d.realm.clone(),
        script_or_module: d.script_or_module.clone(),
        lexical_environment: Some(local_env.clone()),
        variable_environment: Some(local_env),
        private_environment: d.private_environment.clone(),
        source: Some(source),
        strict: d.strict,
        generator: None,
    }
}

/// OrdinaryCallEvaluateBody's EvaluateBody (10.2.1.4) for plain code
/// (`ScopeInfo::plain_call`: neither a generator nor async) whose
/// FunctionDeclarationInstantiation is done, with [[Call]]'s steps 8-10: EvaluateFunctionBody
/// or EvaluateConciseBody as `evaluate_body` evaluates them (the third round's
/// `return Expression;` path), a return completion's value or undefined.
#[inline(always)]
fn evaluate_plain_body(agent: &mut Agent, code: &ast::Function) -> JsResult<Value> {
    let result = match &code.body {
        FunctionBody::Block(statements) => match statements.as_slice() {
            [before @ .., last] if matches!(&last.kind, ast::StmtKind::Return(Some(_))) => {
                let ast::StmtKind::Return(Some(expr)) = &last.kind else {
                    unreachable!("matched above")
                };
                evaluate_ending_return(agent, before, last.span.start, expr)
            }
            _ => match crate::spec::evaluation::evaluate_statement_list(agent, statements) {
                Ok(result) if result.is_abrupt() => Ok(result),
                Ok(_) => Ok(Completion::Return(Value::Undefined)),
                Err(error) => Err(error),
            },
        },
        FunctionBody::Expr(expr) => {
            // (A binary expression without the dispatch of `evaluate_expression`.)
            return crate::spec::evaluation::evaluate_expression_body(agent, expr);
        }
    };
    match result {
        Ok(Completion::Return(value)) => Ok(value),
        Ok(_) => Ok(Value::Undefined),
        Err(error) => Err(error),
    }
}

/// The bindings `plain_call` gives a Function Environment Record, in the list of a new
/// record (empty) or of a spare one that no plain call of this code last used: the
/// bindings the spare record kept, when they are the ones to make here (each parameter's
/// shared name, then each var's, all made by Binding::mutable), get their values as they
/// are checked; a list found different is made anew ([`make_plain_bindings`]).
#[inline(never)]
fn fill_plain_bindings(
    bindings: &mut Vec<super::environment_records::Binding>,
    params: &[ast::PatternElement],
    vars: &[String],
    arguments: &[Value],
) {
    let mut kept = bindings.len() == params.len() + vars.len();
    if kept {
        for (index, parameter) in params.iter().enumerate() {
            let binding = &mut bindings[index];
            match &parameter.target {
                ast::Pattern::Ident(id)
                    if binding.name.is_shared(id.name.shared()) && binding.is_plain_mutable() =>
                {
                    binding.value = Some(match arguments.get(index) {
                        Some(value) => value.copied(),
                        None => Value::Undefined,
                    });
                }
                _ => {
                    kept = false;
                    break;
                }
            }
        }
    }
    if kept {
        for (n, binding) in vars.iter().zip(&mut bindings[params.len()..]) {
            if *binding.name == **n && binding.is_plain_mutable() {
                binding.value = Some(Value::Undefined);
            } else {
                kept = false;
                break;
            }
        }
    }
    if !kept {
        make_plain_bindings(bindings, params, vars, arguments);
    }
}

/// The bindings `plain_call` gives a new Function Environment Record, in a list that
/// may hold a spare record's other bindings (removed first): each parameter, initialized
/// to its argument or undefined, then each var, initialized to undefined
/// (FunctionDeclarationInstantiation steps 21, 24-28 and 29 for such code).
#[inline(never)]
fn make_plain_bindings(
    bindings: &mut Vec<super::environment_records::Binding>,
    params: &[ast::PatternElement],
    vars: &[String],
    arguments: &[Value],
) {
    use super::environment_records::Binding;
    bindings.clear();
    for (index, parameter) in params.iter().enumerate() {
        if let ast::Pattern::Ident(id) = &parameter.target {
            let value = arguments.get(index).map_or(Value::Undefined, Value::copied);
            bindings.push(Binding::mutable(
                id.name.shared().clone().into(),
                id.place.name_hash,
                Some(value),
            ));
        }
    }
    for n in vars {
        bindings.push(Binding::mutable(
            super::environment_records::BindingName::of(n),
            crate::syntax::ast::name_hash(n),
            Some(Value::Undefined),
        ));
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
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "1"
    );
    let depth = agent.execution_context_stack.len();
    // 2. Let kind be F.[[ConstructorKind]].
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "2"
    );
    let kind = function_data(f, |d| d.constructor_kind());
    // 3. If kind is base, then
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "3"
    );
    let this_argument = if kind == ConstructorKind::Base {
        //    a. Let thisArgument be ? OrdinaryCreateFromConstructor(newTarget,
        //       "%Object.prototype%").
        crate::step!(
            "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
            "3.a"
        );
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
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "4"
    );
    let read = prepare_for_ordinary_call(agent, f, Value::Object(new_target.clone()));
    // 5. Assert: calleeContext is now the running execution context.
    crate::spec_assert!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "5",
        agent.execution_context_stack.len() == depth + 1
    );
    // 6. If kind is base, then
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "6"
    );
    if let Some(this_argument) = &this_argument {
        // a. Perform OrdinaryCallBindThis(F, calleeContext, thisArgument).
        crate::step!(
            "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
            "6.a"
        );
        ordinary_call_bind_this(
            agent,
            f,
            read.this_mode,
            &Value::Object(this_argument.clone()),
        );
        // b. Let initializeResult be Completion(InitializeInstanceElements(thisArgument, F)).
        crate::step!(
            "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
            "6.b"
        );
        let initialize_result = initialize_instance_elements(agent, this_argument, f);
        // c. If initializeResult is an abrupt completion, then
        crate::step!(
            "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
            "6.c"
        );
        if let Err(error) = initialize_result {
            // i. Remove calleeContext from the execution context stack and restore
            //    callerContext as the running execution context.
            crate::step!(
                "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
                "6.c.i"
            );
            agent.execution_context_stack.pop();
            agent.current_offset = caller_offset;
            // ii. Return ? initializeResult.
            crate::step!(
                "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
                "6.c.ii"
            );
            return Err(error);
        }
    }
    // 7. Let constructorEnv be the LexicalEnvironment of calleeContext.
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "7"
    );
    let constructor_env = agent
        .running_execution_context()
        .lexical_environment
        .clone()
        .expect("a function context has a LexicalEnvironment");
    // 8. Let result be Completion(OrdinaryCallEvaluateBody(F, argumentsList)).
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "8"
    );
    let result = ordinary_call_evaluate_body(agent, f, &read.code, arguments);
    // 9. Remove calleeContext from the execution context stack and restore callerContext as
    //    the running execution context.
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "9"
    );
    agent.execution_context_stack.pop();
    agent.current_offset = caller_offset;
    // 10. If result is a throw completion, then
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "10"
    );
    let result = match result {
        Err(error) => {
            // a. Return ? result.
            crate::step!(
                "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
                "10.a"
            );
            return Err(error);
        }
        Ok(result) => result,
    };
    // 11. Assert: result is a return completion.
    crate::spec_assert!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "11",
        by: "a body that completes normally is EvaluateBody's ReturnCompletion(undefined)"
    );
    let value = match result {
        Completion::Return(value) => value,
        _ => Value::Undefined,
    };
    // 12. If result.[[Value]] is an Object, return result.[[Value]].
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "12"
    );
    if let Value::Object(o) = value {
        return Ok(o);
    }
    // 13. If kind is base, return thisArgument.
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "13"
    );
    if let Some(this_argument) = this_argument {
        return Ok(this_argument);
    }
    // 14. If result.[[Value]] is not undefined, throw a TypeError exception.
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "14"
    );
    if !value.is_undefined() {
        return Err(agent.type_error("derived constructors may only return an object or undefined"));
    }
    // 15. Let thisBinding be ? constructorEnv.GetThisBinding().
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "15"
    );
    let this_binding = constructor_env.get_this_binding(agent)?;
    // 16. Assert: thisBinding is an Object.
    crate::spec_assert!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "16",
        matches!(this_binding, Value::Object(_))
    );
    // 17. Return thisBinding.
    crate::step!(
        "sec-ecmascript-function-objects-construct-argumentslist-newtarget",
        "17"
    );
    match this_binding {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error("constructor did not produce an object")),
    }
}

/// What [[Call]] and [[Construct]] read of F after PrepareForOrdinaryCall: read in its
/// borrow of F's slots (memory only: one borrow of F per call).
pub struct CalleeSlots {
    /// F.[[ThisMode]] (OrdinaryCallBindThis step 1).
    pub this_mode: ThisMode,
    /// F.[[IsClassConstructor]] ([[Call]] step 4).
    pub is_class_constructor: bool,
    /// F.[[ECMAScriptCode]] (OrdinaryCallEvaluateBody step 1).
    pub code: Arc<ast::Function>,
}

/// PrepareForOrdinaryCall ( F, newTarget ) (10.2.1.1): pushes the callee context (and
/// returns what [[Call]] and [[Construct]] read of F next, read in the same borrow).
#[crate::trace::checks_tracing_once]
pub fn prepare_for_ordinary_call(agent: &mut Agent, f: &Object, new_target: Value) -> CalleeSlots {
    // (Every call runs this: one test of the tracing flag for each run of markers with no
    // work between them.)
    if crate::trace::enabled() {
        // 1. Let callerContext be the running execution context.
        crate::step!("sec-prepareforordinarycall", "1");
        // 2. Let calleeContext be a new ECMAScript code execution context. (Built below, from
        //    the fields steps 3-10 give it.)
        crate::step!("sec-prepareforordinarycall", "2");
        // 3. Set the Function of calleeContext to F.
        crate::step!("sec-prepareforordinarycall", "3");
        // 4. Let calleeRealm be F.[[Realm]].
        crate::step!("sec-prepareforordinarycall", "4");
        // 5. Set the Realm of calleeContext to calleeRealm (through F's Evaluators).
        crate::step!("sec-prepareforordinarycall", "5");
        // 6. Set the ScriptOrModule of calleeContext to F.[[ScriptOrModule]].
        crate::step!("sec-prepareforordinarycall", "6");
    }
    // (F's slots of steps 4-10, F.[[Environment]] and F.[[ThisMode]] for step 7's
    // NewFunctionEnvironment, and what the caller reads next, in one borrow of F.)
    let (evaluators, realm, script_or_module, private_environment, strict, source, outer, slots) =
        function_data(f, |d| {
            (
                d.evaluators.clone(),
                d.realm.clone(),
                d.script_or_module.clone(),
                d.private_environment.clone(),
                d.strict,
                d.source_text.clone(),
                d.environment.clone(),
                CalleeSlots {
                    this_mode: d.this_mode,
                    is_class_constructor: d.is_class_constructor(),
                    code: d.code.clone(),
                },
            )
        });
    // 7. Let localEnv be NewFunctionEnvironment(F, newTarget).
    crate::step!("sec-prepareforordinarycall", "7");
    // (Not while tracing: for an arrow function that binds nothing, localEnv would be a
    // record no code can tell from F.[[Environment]], which is used instead;
    // docs/ARCHITECTURE.md, `arrow_binds_nothing`.)
    let local_env = if slots.this_mode == ThisMode::Lexical
        && arrow_binds_nothing(&slots.code)
        && !crate::trace::enabled()
    {
        outer
    } else {
        // (A spare record, when there is one, is made the new record: memory only.)
        let spare = agent
            .spare_function_environments
            .pop()
            .map(|spare| spare.env);
        new_function_environment_of(
            f,
            Some(outer),
            slots.this_mode == ThisMode::Lexical,
            new_target,
            spare,
        )
    };
    if crate::trace::enabled() {
        // 8. Set the LexicalEnvironment of calleeContext to localEnv.
        crate::step!("sec-prepareforordinarycall", "8");
        // 9. Set the VariableEnvironment of calleeContext to localEnv.
        crate::step!("sec-prepareforordinarycall", "9");
        // 10. Set the PrivateEnvironment of calleeContext to F.[[PrivateEnvironment]].
        crate::step!("sec-prepareforordinarycall", "10");
    }
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
    if crate::trace::enabled() {
        // 11. If callerContext is not already suspended, suspend callerContext. (Nothing to
        //     do: the caller's state stays in its Rust frames until the callee returns.)
        crate::step!("sec-prepareforordinarycall", "11");
        // 12. Push calleeContext onto the execution context stack; calleeContext is now the
        //     running execution context.
        crate::step!("sec-prepareforordinarycall", "12");
    }
    agent.execution_context_stack.push(callee_context);
    if crate::trace::enabled() {
        // 13. NOTE: Any exception objects produced after this point are associated with
        //     calleeRealm.
        crate::step!("sec-prepareforordinarycall", "13");
        // 14. Return calleeContext. (It is the running execution context.)
        crate::step!("sec-prepareforordinarycall", "14");
    }
    slots
}

/// Whether `code` is a (synchronous) arrow function whose Function Environment Record
/// would get no binding at all: no parameter, no var or lexical declaration (so no
/// function to initialize either) and no direct eval that could add a var binding. Such a
/// record (NewFunctionEnvironment with [[ThisBindingStatus]] lexical: HasThisBinding and
/// HasSuperBinding false, 9.1.1.3.2-3) answers every HasBinding with false and is passed
/// over by GetThisEnvironment (9.4.3), so ResolveBinding, GetThisEnvironment and every
/// closure made in the body see exactly what they would see from its [[OuterEnv]], the
/// function's [[Environment]]: PrepareForOrdinaryCall (not while tracing) uses that as
/// localEnv, and FunctionDeclarationInstantiation, whose steps then do nothing, returns
/// at once.
#[inline]
pub fn arrow_binds_nothing(code: &ast::Function) -> bool {
    code.kind == FunctionKind::Arrow
        && !code.is_async
        && code.params.is_empty()
        && code.rest.is_none()
        && code.scope.var_scoped_declarations.is_empty()
        && code.scope.lexically_scoped_declarations.is_empty()
        && !code.scope.has_direct_eval
}

/// OrdinaryCallBindThis ( F, calleeContext, thisArgument ) (10.2.1.2), for the running
/// (callee) context; `this_mode` is F.[[ThisMode]], read by PrepareForOrdinaryCall.
#[crate::trace::checks_tracing_once]
pub fn ordinary_call_bind_this(
    agent: &mut Agent,
    // (F: its [[ThisMode]] is `this_mode`, and calleeRealm's [[GlobalEnv]] is reached
    // through calleeContext's Evaluators, which are F's.)
    _f: &Object,
    this_mode: ThisMode,
    this_argument: &Value,
) {
    // 1. Let thisMode be F.[[ThisMode]]. (`this_mode`.)
    crate::step!("sec-ordinarycallbindthis", "1");
    // 2. If thisMode is lexical, return unused.
    crate::step!("sec-ordinarycallbindthis", "2");
    if this_mode == ThisMode::Lexical {
        return;
    }
    if crate::trace::enabled() {
        // 3. Let calleeRealm be F.[[Realm]]. (Its [[GlobalEnv]] is F's Evaluators'.)
        crate::step!("sec-ordinarycallbindthis", "3");
        // 4. Let localEnv be the LexicalEnvironment of calleeContext.
        crate::step!("sec-ordinarycallbindthis", "4");
    }
    // 5. If thisMode is strict, then
    crate::step!("sec-ordinarycallbindthis", "5");
    let this_value = if this_mode == ThisMode::Strict {
        // a. Let thisValue be thisArgument.
        crate::step!("sec-ordinarycallbindthis", "5.a");
        this_argument.clone()
    } else {
        if crate::trace::enabled() {
            // 6. Else,
            crate::step!("sec-ordinarycallbindthis", "6");
            // a. If thisArgument is either undefined or null, then
            crate::step!("sec-ordinarycallbindthis", "6.a");
        }
        if this_argument.is_nullish() {
            // i. Let globalEnv be calleeRealm.[[GlobalEnv]].
            crate::step!("sec-ordinarycallbindthis", "6.a.i");
            // (calleeContext's Evaluators are F's: PrepareForOrdinaryCall step 5.)
            let global_env = &agent.running_execution_context().evaluators.0.global_env;
            // ii. Assert: globalEnv is a Global Environment Record.
            crate::spec_assert!("sec-ordinarycallbindthis", "6.a.ii", by: "Evaluators::global_env is the Global Environment Record");
            // iii. Let thisValue be globalEnv.[[GlobalThisValue]].
            crate::step!("sec-ordinarycallbindthis", "6.a.iii");
            global_env
                .global_this_value()
                .map_or(Value::Undefined, Value::Object)
        } else {
            if crate::trace::enabled() {
                // b. Else,
                crate::step!("sec-ordinarycallbindthis", "6.b");
                // i. Let thisValue be ! ToObject(thisArgument).
                crate::step!("sec-ordinarycallbindthis", "6.b.i");
            }
            let this_value =
                to_object(agent, this_argument).expect("ToObject of a non-nullish value");
            // ii. NOTE: ToObject produces wrapper objects using calleeRealm.
            crate::step!("sec-ordinarycallbindthis", "6.b.ii");
            Value::Object(this_value)
        }
    };
    // 7. Assert: localEnv is a Function Environment Record.
    crate::spec_assert!("sec-ordinarycallbindthis", "7", by: "NewFunctionEnvironment made the LexicalEnvironment of calleeContext (PrepareForOrdinaryCall step 7)");
    // 8. Assert: The next step never returns an abrupt completion because
    //    localEnv.[[ThisBindingStatus]] is not initialized.
    crate::spec_assert!("sec-ordinarycallbindthis", "8", by: "localEnv is new (PrepareForOrdinaryCall step 7) and this is its first binding of this");
    // 9. Perform ! BindThisValue(localEnv, thisValue).
    crate::step!("sec-ordinarycallbindthis", "9");
    let local_env = agent
        .running_execution_context()
        .lexical_environment
        .as_ref()
        .expect("a function context has a LexicalEnvironment");
    if crate::trace::enabled() {
        let local_env = local_env.clone();
        let _ = bind_this_value(agent, &local_env, this_value);
    } else {
        // (Untraced: BindThisValue's steps 3-4; steps 1-2 pass by steps 7-8's Asserts.)
        bind_new_this_value(local_env, this_value);
    }
    // 10. Return unused.
    crate::step!("sec-ordinarycallbindthis", "10");
}

/// OrdinaryCallEvaluateBody ( F, argumentsList ) (10.2.1.4); `code` is
/// F.[[ECMAScriptCode]], read by PrepareForOrdinaryCall.
pub fn ordinary_call_evaluate_body(
    agent: &mut Agent,
    f: &Object,
    code: &Arc<ast::Function>,
    arguments: &[Value],
) -> JsResult<Completion> {
    // 1. Return ? EvaluateBody of F.[[ECMAScriptCode]] with arguments F and argumentsList.
    crate::step!("sec-ordinarycallevaluatebody", "1");
    evaluate_body(agent, f, code, arguments)
}

/// Runtime Semantics: EvaluateBody (10.2.1.3) of `code`, F.[[ECMAScriptCode]].
#[crate::trace::checks_tracing_once]
pub fn evaluate_body(
    agent: &mut Agent,
    f: &Object,
    code: &Arc<ast::Function>,
    arguments: &[Value],
) -> JsResult<Completion> {
    match (code.is_generator, code.is_async) {
        (false, false) => {}
        // FunctionBody : GeneratorBody — EvaluateGeneratorBody (15.5.2).
        (true, false) => return evaluate_generator_body(agent, f, code, arguments),
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
                agent, f, code, arguments,
            )
        }
    }
    match (&code.kind, &code.body) {
        // Initializer : = AssignmentExpression (class field initializers)
        (FunctionKind::ClassField, FunctionBody::Expr(expr)) => {
            // 1. Assert: argumentsList is empty.
            // 2. Assert: functionObject.[[ClassFieldInitializerName]] is not ~empty~.
            let name = function_data(f, |d| d.class_field_initializer_name());
            // 3. If IsAnonymousFunctionDefinition(AssignmentExpression) is true, then
            //    a. Let value be ? NamedEvaluation of Initializer with argument
            //       functionObject.[[ClassFieldInitializerName]].
            // 4. Else, a. Let rhs be ? Evaluation of AssignmentExpression.
            //    b. Let value be ? GetValue(rhs).
            let value = crate::spec::evaluation::evaluate_field_initializer(agent, expr, name)?;
            // 5. Return ReturnCompletion(value).
            Ok(Completion::Return(value))
        }
        // ConciseBody : ExpressionBody — EvaluateConciseBody (15.3.3).
        (_, FunctionBody::Expr(expr)) => {
            // 1. Perform ? FunctionDeclarationInstantiation(functionObject, argumentsList).
            crate::step!("sec-runtime-semantics-evaluateconcisebody", "1");
            function_declaration_instantiation(agent, f, code, arguments)?;
            // 2. Return ? Evaluation of ExpressionBody.
            // (ExpressionBody : AssignmentExpression evaluates it, GetValue, and returns
            // ReturnCompletion of the value.)
            crate::step!("sec-runtime-semantics-evaluateconcisebody", "2");
            let value = crate::spec::evaluation::evaluate_expression(agent, expr)?;
            Ok(Completion::Return(value))
        }
        // ClassStaticBlockBody — EvaluateClassStaticBlockBody (15.7.12).
        (FunctionKind::ClassStaticBlock, FunctionBody::Block(statements)) => {
            // 1. Assert: functionObject is a synthetic function created by
            //    ClassStaticBlockDefinitionEvaluation step 5.
            crate::spec_assert!(
                "sec-runtime-semantics-evaluateclassstaticblockbody",
                "1",
                by: "its [[ECMAScriptCode]] is a class static block"
            );
            // 2. Perform ! FunctionDeclarationInstantiation(functionObject, « »).
            crate::step!("sec-runtime-semantics-evaluateclassstaticblockbody", "2");
            function_declaration_instantiation(agent, f, code, &[])?;
            // 3. Perform ? Evaluation of ClassStaticBlockStatementList.
            crate::step!("sec-runtime-semantics-evaluateclassstaticblockbody", "3");
            let result = crate::spec::evaluation::evaluate_statement_list(agent, statements)?;
            if result.is_abrupt() {
                return Ok(result);
            }
            // 4. Return ReturnCompletion(undefined).
            crate::step!("sec-runtime-semantics-evaluateclassstaticblockbody", "4");
            Ok(Completion::Return(Value::Undefined))
        }
        // FunctionBody : FunctionStatementList — EvaluateFunctionBody (15.2.3).
        (_, FunctionBody::Block(statements)) => {
            // 1. Perform ? FunctionDeclarationInstantiation(functionObject, argumentsList).
            crate::step!("sec-runtime-semantics-evaluatefunctionbody", "1");
            function_declaration_instantiation(agent, f, code, arguments)?;
            // 2. Perform ? Evaluation of FunctionStatementList.
            crate::step!("sec-runtime-semantics-evaluatefunctionbody", "2");
            // (Untraced: a FunctionStatementList ending in `return Expression;` evaluates
            // the statements before it, then the ReturnStatement without the statement
            // dispatch; docs/ARCHITECTURE.md, "Calls".)
            if let [before @ .., last] = statements.as_slice() {
                if let ast::StmtKind::Return(Some(expr)) = &last.kind {
                    if !crate::trace::enabled() {
                        return evaluate_ending_return(agent, before, last.span.start, expr);
                    }
                }
            }
            let result = crate::spec::evaluation::evaluate_statement_list(agent, statements)?;
            // (A return statement's completion is abrupt: ? passes it on.)
            if result.is_abrupt() {
                return Ok(result);
            }
            // 3. NOTE: If the previous step resulted in a normal completion, then
            //    evaluation finished by proceeding past the end of the
            //    FunctionStatementList.
            crate::step!("sec-runtime-semantics-evaluatefunctionbody", "3");
            // 4. Return ReturnCompletion(undefined).
            crate::step!("sec-runtime-semantics-evaluatefunctionbody", "4");
            Ok(Completion::Return(Value::Undefined))
        }
    }
}

/// EvaluateFunctionBody step 2 (15.2.3) of a FunctionStatementList `before` followed by
/// `return expr;` (at `offset`), in a function that is neither a generator nor async:
/// StatementList evaluation (14.2.2) of `before` (an abrupt completion is the result:
/// UpdateEmpty of an abrupt completion with a value keeps it, and only a return or throw
/// completion leaves a function body), then the ReturnStatement (14.10.1): 1-2. exprValue
/// is ? GetValue(? Evaluation of Expression); 3. GetGeneratorKind() is non-generator;
/// 4. ReturnCompletion(exprValue), which UpdateEmpty keeps.
fn evaluate_ending_return(
    agent: &mut Agent,
    before: &[ast::Stmt],
    offset: u32,
    expr: &ast::Expr,
) -> JsResult<Completion> {
    if !before.is_empty() {
        let result = crate::spec::evaluation::evaluate_statement_list(agent, before)?;
        if result.is_abrupt() {
            return Ok(result);
        }
    }
    // (As LabelledEvaluation does for the statement: its position, and a return signal
    // on the error channel becoming the return completion.)
    agent.current_offset = offset;
    match crate::spec::evaluation::evaluate_expression(agent, expr) {
        Ok(value) => Ok(Completion::Return(value)),
        Err(e) => crate::spec::completion_record::return_signal_to_completion(e),
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
    crate::step!("sec-runtime-semantics-evaluategeneratorbody", "1");
    function_declaration_instantiation(agent, function_object, code, arguments_list)?;
    // 2. Let G be ? OrdinaryCreateFromConstructor(functionObject,
    //    "%GeneratorFunction.prototype.prototype%", « [[GeneratorState]],
    //    [[GeneratorContext]], [[GeneratorBrand]] »).
    crate::step!("sec-runtime-semantics-evaluategeneratorbody", "2");
    let prototype =
        get_prototype_from_constructor(agent, function_object, Intrinsic::GeneratorPrototype)?;
    // 3. Set G.[[GeneratorBrand]] to empty.
    crate::step!("sec-runtime-semantics-evaluategeneratorbody", "3");
    // 4. Set G.[[GeneratorState]] to suspended-start.
    crate::step!("sec-runtime-semantics-evaluategeneratorbody", "4");
    let g = ordinary_object_create_with(
        Some(prototype),
        ObjectKind::Generator(Box::new(GeneratorData {
            state: GeneratorState::SuspendedStart,
            brand: None,
            start: None,
            continuation: None,
            raw_yield: false,
        })),
    );
    // 5. Perform GeneratorStart(G, FunctionBody).
    crate::step!("sec-runtime-semantics-evaluategeneratorbody", "5");
    generator_start(agent, &g, code.clone());
    // 6. Return ReturnCompletion(G).
    crate::step!("sec-runtime-semantics-evaluategeneratorbody", "6");
    Ok(Completion::Return(Value::Object(g)))
}

/// The function's [[ECMAScriptCode]].
pub fn function_data_code(f: &Object) -> Arc<ast::Function> {
    function_data(f, |d| d.code.clone())
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
        ObjectKind::Function(d) => Some(d.with_class_fields(read)),
        ObjectKind::Builtin(b) => b.class_fields.as_deref().map(read),
        _ => None,
    }
}

/// The class-constructor slots of `f`, written.
pub fn set_class_fields(f: &Object, fields: ClassConstructorFields) {
    match &mut f.data_mut().kind {
        ObjectKind::Function(d) => d.set_class_fields(fields),
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
