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
use boa_gc::{custom_trace, Finalize, Trace};

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

    /// The value captured in the callee's slot `index` (abstract closure captures).
    pub fn slot(&self, index: usize) -> Value {
        match &self.callee.data().kind {
            ObjectKind::Builtin(b) => b.slots.get(index).cloned().unwrap_or_default(),
            _ => Value::Undefined,
        }
    }
}

/// The behaviour of a built-in function: the steps of its specification.
pub type Behaviour = fn(&mut Agent, &BuiltinCall) -> JsResult<Value>;

/// The internal slots of a built-in function object.
#[derive(Finalize)]
pub struct BuiltinFunctionData {
    pub behaviour: Behaviour,
    /// [[Realm]].
    pub realm: Realm,
    /// The Evaluators its calls run with (`eval` and `Function` of an Evaluators record);
    /// `None` runs with its realm's default Evaluators.
    pub evaluators: Option<Evaluators>,
    /// [[InitialName]].
    pub initial_name: Option<JsString>,
    /// Values an abstract closure captured (and additional internal slots).
    pub slots: Vec<Value>,
    /// [[Fields]] and [[PrivateMethods]] when this is a class's default constructor.
    pub class_fields: Option<Box<ClassConstructorFields>>,
    /// [[ConstructorKind]] derived (a default constructor of a derived class).
    pub derived: bool,
}

// SAFETY: `behaviour` is a plain function pointer; every other field that can hold a Gc
// pointer is traced.
unsafe impl Trace for BuiltinFunctionData {
    custom_trace!(this, mark, {
        mark(&this.realm);
        mark(&this.evaluators);
        mark(&this.slots);
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
    builtin_call_or_construct(agent, f, this, arguments, None)
}

/// [[Construct]] ( argumentsList, newTarget ) (10.3.2).
fn builtin_construct(
    agent: &mut Agent,
    f: &Object,
    arguments: &[Value],
    new_target: &Object,
) -> JsResult<Object> {
    // 1. Let result be ? BuiltinCallOrConstruct(F, ~uninitialized~, argumentsList,
    //    newTarget).
    let result =
        builtin_call_or_construct(agent, f, &Value::Undefined, arguments, Some(new_target))?;
    // 2. Assert: result is an Object.
    // 3. Return result.
    match result {
        Value::Object(o) => Ok(o),
        _ => Err(agent.type_error("a built-in constructor returned a non-object")),
    }
}

/// BuiltinCallOrConstruct ( F, thisArgument, argumentsList, newTarget ) (10.3.3).
pub fn builtin_call_or_construct(
    agent: &mut Agent,
    f: &Object,
    this: &Value,
    arguments: &[Value],
    new_target: Option<&Object>,
) -> JsResult<Value> {
    agent.check_stack()?;
    let (behaviour, realm, evaluators) = match &f.data().kind {
        ObjectKind::Builtin(b) => (b.behaviour, b.realm.clone(), b.evaluators.clone()),
        _ => unreachable!("a built-in function object"),
    };
    // 1. Let callerContext be the running execution context.
    // 2. If callerContext is not already suspended, suspend callerContext.
    // 3. Let calleeContext be a new execution context.
    // 4. Set the Function of calleeContext to F.
    // 5. Let calleeRealm be F.[[Realm]].
    // 6. Set the Realm of calleeContext to calleeRealm.
    // 7. Set the ScriptOrModule of calleeContext to null.
    // 8. Perform any necessary implementation-defined initialization of calleeContext.
    let evaluators = evaluators.unwrap_or_else(|| realm.evaluators());
    let mut callee_context = ExecutionContext::without_code(Some(f.clone()), evaluators);
    callee_context.realm = realm;
    // 9. Push calleeContext onto the execution context stack; calleeContext is now the
    //    running execution context.
    agent.execution_context_stack.push(callee_context);
    // 10. Let result be the Completion Record that is the result of evaluating F in a
    //     manner that conforms to the specification of F.
    let call = BuiltinCall {
        callee: f,
        this,
        args: arguments,
        new_target,
    };
    let result = behaviour(agent, &call);
    // 11. NOTE: If F is defined in this document, "the specification of F" is the
    //     behaviour specified for it via algorithm steps or other means.
    // 12. Remove calleeContext from the execution context stack and restore callerContext
    //     as the running execution context.
    agent.execution_context_stack.pop();
    // 13. Return ? result.
    result
}

/// CreateBuiltinFunction ( behaviour, length, name, additionalInternalSlotsList [ , realm
/// [ , prototype [ , prefix ] ] ] ) (10.3.4), with `constructor` saying whether the
/// function is specified as a constructor and `slots` the closure's captures.
#[allow(clippy::too_many_arguments)]
pub fn create_builtin_function(
    agent: &mut Agent,
    behaviour: Behaviour,
    length: f64,
    name: FunctionName,
    slots: Vec<Value>,
    realm: Option<Realm>,
    prototype: Option<Object>,
    prefix: Option<&str>,
    constructor: bool,
) -> Object {
    // 1. If realm is not present, set realm to the current Realm Record.
    let realm = realm.unwrap_or_else(|| agent.current_realm());
    // 2. If prototype is not present, set prototype to realm.[[Intrinsics]].[[%Function.prototype%]].
    let prototype = prototype.unwrap_or_else(|| realm.intrinsic(Intrinsic::FunctionPrototype));
    // 3. Let internalSlotsList be a List containing the names of all the internal slots
    //    that 10.3 requires for the built-in function object that is about to be created.
    // 4. Append to internalSlotsList the elements of additionalInternalSlotsList.
    // 5. Let func be a new built-in function object that, when called, performs the action
    //    described by behaviour using the provided arguments as the values of the
    //    corresponding parameters specified by behaviour. The new function object has
    //    internal slots whose names are the elements of internalSlotsList, and an
    //    [[InitialName]] internal slot.
    // 6. Set func.[[Prototype]] to prototype.
    // 7. Set func.[[Extensible]] to true.
    // 8. Set func.[[Realm]] to realm.
    // 9. Set func.[[InitialName]] to null.
    let methods = if constructor {
        &BUILTIN_CONSTRUCTOR_METHODS
    } else {
        &BUILTIN_FUNCTION_METHODS
    };
    let func = Object::new(
        methods,
        Some(prototype),
        ObjectKind::Builtin(Box::new(BuiltinFunctionData {
            behaviour,
            realm,
            evaluators: None,
            initial_name: None,
            slots,
            class_fields: None,
            derived: false,
        })),
    );
    // 10. Perform SetFunctionLength(func, length).
    set_function_length(agent, &func, length);
    // 11. If prefix is not present, then a. Perform SetFunctionName(func, name).
    // 12. Else, a. Perform SetFunctionName(func, name, prefix).
    set_function_name(agent, &func, &name, prefix);
    // 13. Return func.
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
        behaviour,
        length,
        FunctionName::Key(PropertyKey::from_str(name)),
        Vec::new(),
        None,
        None,
        None,
        false,
    )
}

/// A built-in abstract closure: an anonymous (name "") function capturing `slots`.
pub fn builtin_closure(
    agent: &mut Agent,
    behaviour: Behaviour,
    length: f64,
    slots: Vec<Value>,
) -> Object {
    create_builtin_function(
        agent,
        behaviour,
        length,
        FunctionName::Key(PropertyKey::from_str("")),
        slots,
        None,
        None,
        None,
        false,
    )
}
