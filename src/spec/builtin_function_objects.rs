//! 10.3 Built-in Function Objects (sec-built-in-function-objects).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::ecmascript_function_objects::{
    set_function_length, set_function_name, ClassConstructorFields, FunctionName,
};
use super::evaluators::Evaluators;
use super::execution_contexts::ExecutionContext;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object, PropertyKey};

use super::ordinary_object_internal_methods::ORDINARY_METHODS;
use super::realms::{Intrinsic, Realm};
use super::string_type::JsString;
use super::value::Value;
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};

/// What a built-in function's behaviour receives.
pub struct BuiltinCall<'a> {
    /// The function object being called (for its captured [`BuiltinFunctionData::slots`]).
    pub callee: &'a Object,
    /// The this value (undefined for [[Construct]], where it is ~uninitialized~).
    pub this: &'a Value,
    pub args: &'a [Value],
    /// NewTarget: `None` is undefined (a [[Call]]).
    pub new_target: Option<&'a Object>,
}

impl BuiltinCall<'_> {
    /// The argument at `index`, or undefined.
    pub fn arg(&self, index: usize) -> Value {
        self.args.get(index).cloned().unwrap_or_default()
    }
}

/// The behaviour of a built-in function: the steps of its specification.
pub type Behaviour = fn(&mut Agent, &BuiltinCall) -> JsResult<Value>;

/// The steps of an Abstract Closure, given the values it captured as a typed record `C`
/// ("an Abstract Closure that captures m and performs the following steps"). The record
/// also carries the additional internal slots CreateBuiltinFunction gives the function
/// (Promise resolve functions' [[Promise]] and [[AlreadyResolved]], a revoker's
/// [[RevocableProxy]], ...): a slot the steps update is a `GcRefCell` field.
pub type ClosureSteps<C> = fn(&mut Agent, &BuiltinCall, &C) -> JsResult<Value>;

/// A Record or List that several Abstract Closures capture and update together
/// (CreateResolvingFunctions' alreadyResolved, Promise.all's values and
/// remainingElementsCount, NewPromiseCapability's resolvingFunctions): shared through the
/// collector, never reachable by code.
pub type SharedRecord<T> = Gc<GcRefCell<T>>;

/// A new [`SharedRecord`] holding `value`.
pub fn new_shared_record<T: Trace + 'static>(value: T) -> SharedRecord<T> {
    Gc::new(GcRefCell::new(value))
}

/// An Abstract Closure: its steps with what it captured, behind one type for every
/// closure so that built-in function objects can hold any of them.
pub trait AbstractClosure: Trace {
    /// Performs the closure's steps.
    fn perform(&self, agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value>;
}

/// The one implementation of [`AbstractClosure`]: steps typed by their captures, so a
/// closure can only ever read the record it was created with.
struct Closure<C: Trace> {
    steps: ClosureSteps<C>,
    captures: C,
}

impl<C: Trace> Finalize for Closure<C> {}

// SAFETY: `steps` is a plain function pointer; the captures are traced.
unsafe impl<C: Trace> Trace for Closure<C> {
    custom_trace!(this, mark, {
        mark(&this.captures);
    });
}

impl<C: Trace> AbstractClosure for Closure<C> {
    fn perform(&self, agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
        (self.steps)(agent, call, &self.captures)
    }
}

/// What a built-in function object performs when called: the steps of a built-in function
/// specified in ECMA-262, or an Abstract Closure passed to CreateBuiltinFunction.
#[derive(Clone)]
pub enum BuiltinSteps {
    Behaviour(Behaviour),
    /// Shared through the collector so that a call holds it without keeping the function
    /// object borrowed (its steps may touch the function object).
    Closure(Gc<Box<dyn AbstractClosure>>),
}

impl BuiltinSteps {
    /// The closure `steps` capturing `captures`.
    pub fn closure<C: Trace + 'static>(steps: ClosureSteps<C>, captures: C) -> BuiltinSteps {
        let closure: Box<dyn AbstractClosure> = Box::new(Closure { steps, captures });
        BuiltinSteps::Closure(Gc::new(closure))
    }
}

/// The internal slots of a built-in function object.
#[derive(Finalize)]
pub struct BuiltinFunctionData {
    /// The steps it performs (with an Abstract Closure's captures and internal slots).
    pub steps: BuiltinSteps,
    /// [[Realm]].
    pub realm: Realm,
    /// The Evaluators its calls run with (`eval` and `Function` of an Evaluators record);
    /// `None` runs with its realm's default Evaluators.
    pub evaluators: Option<Evaluators>,
    /// [[InitialName]].
    pub initial_name: Option<JsString>,
    /// [[Fields]] and [[PrivateMethods]] when this is a class's default constructor.
    pub class_fields: Option<Box<ClassConstructorFields>>,
    /// [[ConstructorKind]] derived (a default constructor of a derived class).
    pub derived: bool,
}

// SAFETY: a `BuiltinSteps::Behaviour` is a plain function pointer; a closure, and every
// other field that can hold a Gc pointer, is traced.
unsafe impl Trace for BuiltinFunctionData {
    custom_trace!(this, mark, {
        if let BuiltinSteps::Closure(closure) = &this.steps {
            mark(closure);
        }
        mark(&this.realm);
        mark(&this.evaluators);
        mark(&this.class_fields);
    });
}

/// The internal methods of a built-in function that is not a constructor.
pub static BUILTIN_FUNCTION_METHODS: InternalMethods = InternalMethods {
    call: Some(builtin_call),
    ..ORDINARY_METHODS
};

/// The internal methods of a built-in constructor.
pub static BUILTIN_CONSTRUCTOR_METHODS: InternalMethods = InternalMethods {
    construct: Some(builtin_construct),
    ..BUILTIN_FUNCTION_METHODS
};

/// [[Call]] ( thisArgument, argumentsList ) (10.3.1).
fn builtin_call(
    agent: &mut Agent,
    f: &Object,
    this: &Value,
    arguments: &[Value],
) -> JsResult<Value> {
    // 1. Return ? BuiltinCallOrConstruct(F, thisArgument, argumentsList, undefined).
    crate::step!(
        "sec-built-in-function-objects-call-thisargument-argumentslist",
        "1"
    );
    builtin_call_or_construct(agent, f, this, arguments, None)
}

/// [[Construct]] ( argumentsList, newTarget ) (10.3.2).
fn builtin_construct(
    agent: &mut Agent,
    f: &Object,
    arguments: &[Value],
    new_target: &Object,
) -> JsResult<Object> {
    // 1. Let result be ? BuiltinCallOrConstruct(F, uninitialized, argumentsList,
    //    newTarget).
    crate::step!(
        "sec-built-in-function-objects-construct-argumentslist-newtarget",
        "1"
    );
    let result =
        builtin_call_or_construct(agent, f, &Value::Undefined, arguments, Some(new_target))?;
    // 2. Assert: result is an Object.
    crate::spec_assert!(
        "sec-built-in-function-objects-construct-argumentslist-newtarget",
        "2",
        matches!(result, Value::Object(_))
    );
    // 3. Return result.
    crate::step!(
        "sec-built-in-function-objects-construct-argumentslist-newtarget",
        "3"
    );
    match result {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error("a built-in constructor returned a non-object")),
    }
}

/// BuiltinCallOrConstruct ( F, thisArgument, argumentsList, newTarget ) (10.3.3).
#[crate::trace::checks_tracing_once]
pub fn builtin_call_or_construct(
    agent: &mut Agent,
    f: &Object,
    this: &Value,
    arguments: &[Value],
    new_target: Option<&Object>,
) -> JsResult<Value> {
    agent.check_stack()?;
    let (steps, realm, evaluators) = match &f.data().kind {
        ObjectKind::Builtin(b) => (b.steps.clone(), b.realm.clone(), b.evaluators.clone()),
        _ => unreachable!("a built-in function object"),
    };
    // (Steps 1-8 do no work of their own here — the context is made below — so one test
    // of the tracing flag stands for their eight markers: this runs for every built-in
    // call.)
    if crate::trace::enabled() {
        // 1. Let callerContext be the running execution context.
        crate::step!("sec-builtincallorconstruct", "1");
        // 2. If callerContext is not already suspended, suspend callerContext. (Nothing to do:
        //    the caller's state stays in its Rust frames until the callee returns.)
        crate::step!("sec-builtincallorconstruct", "2");
        // 3. Let calleeContext be a new execution context.
        crate::step!("sec-builtincallorconstruct", "3");
        // 4. Set the Function of calleeContext to F.
        crate::step!("sec-builtincallorconstruct", "4");
        // 5. Let calleeRealm be F.[[Realm]].
        crate::step!("sec-builtincallorconstruct", "5");
        // 6. Set the Realm of calleeContext to calleeRealm.
        crate::step!("sec-builtincallorconstruct", "6");
        // 7. Set the ScriptOrModule of calleeContext to null.
        crate::step!("sec-builtincallorconstruct", "7");
        // 8. Perform any necessary implementation-defined initialization of calleeContext.
        crate::step!("sec-builtincallorconstruct", "8");
    }
    //    (Compartments layer 3, SPEC ISSUE: a built-in function with no Evaluators of its
    //    own — every shared intrinsic but the function objects of an Evaluators record —
    //    acts for its caller: its context gets the caller's Evaluators when they belong
    //    to calleeRealm, else calleeRealm's default Evaluators. So a shared intrinsic can
    //    never lead code back to another Evaluators' globals; docs/spec-issues.md.)
    let evaluators = evaluators.unwrap_or_else(|| inherited_evaluators(agent, &realm));
    let callee_context = ExecutionContext::without_code_in(Some(f.clone()), evaluators, realm);
    // 9. Push calleeContext onto the execution context stack; calleeContext is now the
    //    running execution context.
    crate::step!("sec-builtincallorconstruct", "9");
    agent.execution_context_stack.push(callee_context);
    // 10. Let result be the Completion Record that is the result of evaluating F in a
    //     manner that conforms to the specification of F. If thisArgument is
    //     uninitialized, the this value is uninitialized; otherwise thisArgument provides
    //     the this value. argumentsList provides the named parameters. newTarget provides
    //     the NewTarget value.
    crate::step!("sec-builtincallorconstruct", "10");
    let call = BuiltinCall {
        callee: f,
        this,
        args: arguments,
        new_target,
    };
    let result = match &steps {
        BuiltinSteps::Behaviour(behaviour) => behaviour(agent, &call),
        BuiltinSteps::Closure(closure) => closure.perform(agent, &call),
    };
    if crate::trace::enabled() {
        // 11. NOTE: If F is defined in this document, "the specification of F" is the
        //     behaviour specified for it via algorithm steps or other means.
        crate::step!("sec-builtincallorconstruct", "11");
        // 12. Remove calleeContext from the execution context stack and restore
        //     callerContext as the running execution context.
        crate::step!("sec-builtincallorconstruct", "12");
    }
    agent.execution_context_stack.pop();
    // 13. Return ? result.
    crate::step!("sec-builtincallorconstruct", "13");
    result
}

/// The Evaluators a built-in function without its own runs with: the running execution
/// context's when they are `realm`'s, else `realm`'s default Evaluators.
pub fn inherited_evaluators(agent: &Agent, realm: &Realm) -> Evaluators {
    match agent.execution_context_stack.last() {
        Some(caller) if caller.evaluators.0.realm == *realm => caller.evaluators.clone(),
        _ => realm.evaluators(),
    }
}

/// CreateBuiltinFunction ( behaviour, length, name, additionalInternalSlotsList [ , realm
/// [ , prototype [ , prefix ] ] ] ) (10.3.4), with `constructor` saying whether the
/// function is specified as a constructor. An Abstract Closure's additional internal slots
/// are part of its captures record ([`BuiltinSteps::closure`]).
#[allow(clippy::too_many_arguments)]
#[crate::trace::checks_tracing_once]
pub fn create_builtin_function(
    agent: &mut Agent,
    behaviour: BuiltinSteps,
    length: f64,
    name: FunctionName,
    realm: Option<Realm>,
    prototype: Option<Object>,
    prefix: Option<&str>,
    constructor: bool,
) -> Object {
    // 1. If realm is not present, set realm to the current Realm Record.
    crate::step!("sec-createbuiltinfunction", "1");
    let realm = realm.unwrap_or_else(|| agent.current_realm());
    // 2. If prototype is not present, set prototype to
    //    realm.[[Intrinsics]].[[%Function.prototype%]].
    crate::step!("sec-createbuiltinfunction", "2");
    let prototype = prototype.unwrap_or_else(|| realm.intrinsic(Intrinsic::FunctionPrototype));
    // 3. Let internalSlotsList be a List containing the names of all the internal slots
    //    that 10.3 requires for the built-in function object that is about to be created.
    crate::step!("sec-createbuiltinfunction", "3");
    // 4. Append to internalSlotsList the elements of additionalInternalSlotsList. (They
    //    are the closure's captures record, in `behaviour`.)
    crate::step!("sec-createbuiltinfunction", "4");
    // 5. Let func be a new built-in function object that, when called, performs the action
    //    described by behaviour using the provided arguments as the values of the
    //    corresponding parameters specified by behaviour. The new function object has
    //    internal slots whose names are the elements of internalSlotsList, and an
    //    [[InitialName]] internal slot.
    crate::step!("sec-createbuiltinfunction", "5");
    // 6. Set func.[[Prototype]] to prototype.
    crate::step!("sec-createbuiltinfunction", "6");
    // 7. Set func.[[Extensible]] to true.
    crate::step!("sec-createbuiltinfunction", "7");
    // 8. Set func.[[Realm]] to realm.
    crate::step!("sec-createbuiltinfunction", "8");
    // 9. Set func.[[InitialName]] to null.
    crate::step!("sec-createbuiltinfunction", "9");
    let methods = if constructor {
        &BUILTIN_CONSTRUCTOR_METHODS
    } else {
        &BUILTIN_FUNCTION_METHODS
    };
    let func = Object::new(
        methods,
        Some(prototype),
        ObjectKind::Builtin(Box::new(BuiltinFunctionData {
            steps: behaviour,
            realm,
            evaluators: None,
            initial_name: None,
            class_fields: None,
            derived: false,
        })),
    );
    // 10. Perform SetFunctionLength(func, length).
    crate::step!("sec-createbuiltinfunction", "10");
    set_function_length(agent, &func, length);
    // 11. If prefix is not present, then
    crate::step!("sec-createbuiltinfunction", "11");
    if prefix.is_none() {
        // a. Perform SetFunctionName(func, name).
        crate::step!("sec-createbuiltinfunction", "11.a");
        set_function_name(agent, &func, &name, None)
            .expect("a built-in function's name is the engine's own, far below the String limit");
    } else {
        // 12. Else,
        crate::step!("sec-createbuiltinfunction", "12");
        // a. Perform SetFunctionName(func, name, prefix).
        crate::step!("sec-createbuiltinfunction", "12.a");
        set_function_name(agent, &func, &name, prefix)
            .expect("a built-in function's name is the engine's own, far below the String limit");
    }
    // 13. Return func.
    crate::step!("sec-createbuiltinfunction", "13");
    func
}

/// The common case of CreateBuiltinFunction: a named, non-constructor function of the
/// current realm with no captures.
pub fn builtin_function(
    agent: &mut Agent,
    behaviour: Behaviour,
    length: f64,
    name: &str,
) -> Object {
    create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(behaviour),
        length,
        FunctionName::Key(PropertyKey::from_str(name)),
        None,
        None,
        None,
        false,
    )
}

/// CreateBuiltinFunction(closure, length, "", « ») for the Abstract Closure `steps` that
/// captures `captures`: an anonymous function of the current realm.
pub fn builtin_closure<C: Trace + 'static>(
    agent: &mut Agent,
    steps: ClosureSteps<C>,
    length: f64,
    captures: C,
) -> Object {
    create_builtin_function(
        agent,
        BuiltinSteps::closure(steps, captures),
        length,
        FunctionName::Key(PropertyKey::from_str("")),
        None,
        None,
        None,
        false,
    )
}
