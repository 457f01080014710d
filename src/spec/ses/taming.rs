//! What `lockdown` tames (informal S4 `ses-taming`):
//!
//! - the function constructors reached through prototype chains: the `constructor` of
//!   %Function.prototype%, %GeneratorFunction.prototype%, %AsyncFunction.prototype% and
//!   %AsyncGeneratorFunction.prototype% becomes a function that throws, so no code reaches
//!   an evaluator of the start compartment through `(function(){}).constructor` and its
//!   kin (each compartment's own `Function` stays usable); so does the `constructor` of
//!   %Compartment.prototype%, %Module.prototype% and %Evaluators.prototype% (the start
//!   compartment's `Compartment`, `Module` and `Evaluators`), and of %WeakRef.prototype%
//!   and %FinalizationRegistry.prototype% (the start compartment's, which observe garbage
//!   collection; a compartment made after lockdown has its own, which hold their targets
//!   strongly);
//! - the `Date` and `Math` that compartments other than the start one share: %SharedDate%
//!   (`Date.now()`, `new Date()` without arguments and `Date(...)` throw a TypeError) and
//!   %SharedMath% (`Math.random()` throws), as SES's guide documents; the start
//!   compartment keeps the originals (%InitialDate%, %InitialMath%);
//! - the `Atomics` those compartments share: %SharedAtomics%, whose `waitAsync` throws a
//!   TypeError where it would enqueue a timeout job (a host timer, and so a clock); the
//!   start compartment keeps %InitialAtomics%;
//! - `RegExp.prototype.compile` (regExpTaming safe), the start compartment's `eval` and
//!   `Function` (evalTaming no-eval), `harden` (__hardenTaming__ unsafe).

use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::builtins::helpers::{define_value, link_constructor_and_prototype};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::operations_on_objects::construct;
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::value::Value;
use crate::step;

/// TameFunctionConstructors ( realm ) (S4.1).
pub fn tame_function_constructors(agent: &mut Agent, realm: &Realm) {
    let prototypes = [
        (Intrinsic::FunctionPrototype, "Function"),
        (Intrinsic::GeneratorFunctionPrototype, "GeneratorFunction"),
        (Intrinsic::AsyncFunctionPrototype, "AsyncFunction"),
        (
            Intrinsic::AsyncGeneratorFunctionPrototype,
            "AsyncGeneratorFunction",
        ),
    ];
    // 1. For each of %Function.prototype%, %GeneratorFunction.prototype%,
    //    %AsyncFunction.prototype%, %AsyncGeneratorFunction.prototype% P, with the name N
    //    of its constructor:
    step!("ses-taming", "1");
    for (which, name) in prototypes {
        let prototype = realm.intrinsic(which);
        // a. Let F be a new built-in function named N, of length 1, that throws a TypeError
        //    when called or constructed.
        step!("ses-taming", "1.a");
        let f = inert_constructor(agent, realm, name, 1.0, throw_no_function_constructor);
        // b. Perform ! DefinePropertyOrThrow(F, "prototype", { [[Value]]: P, [[Writable]]:
        //    false, [[Enumerable]]: false, [[Configurable]]: false }).
        step!("ses-taming", "1.b");
        // c. Set P's "constructor" property to F (writable, not enumerable, configurable,
        //    as before).
        step!("ses-taming", "1.c");
        link_constructor_and_prototype(&f, &prototype);
    }
}

/// TameCompartmentConstructors ( realm ) (S4.5): the constructors of the Compartments
/// proposal reached through their shared prototypes — %Compartment%, %Module% and
/// %Evaluators%, the start compartment's own — become inert, as SES's
/// %InertCompartment% (its permits) and XS's lockdown make `Compartment.prototype.
/// constructor`. Otherwise code in any compartment gets the start compartment's
/// `Compartment` (children that load through the host), `Module` (modules that run in the
/// start global and load through the host) and `Evaluators` back from any instance.
pub fn tame_compartment_constructors(agent: &mut Agent, realm: &Realm) {
    type Steps = fn(&mut Agent, &BuiltinCall) -> JsResult<Value>;
    let prototypes: [(Intrinsic, &str, f64, Steps); 3] = [
        (
            Intrinsic::CompartmentPrototype,
            "Compartment",
            0.0,
            throw_no_compartment,
        ),
        (Intrinsic::ModulePrototype, "Module", 2.0, throw_no_module),
        (
            Intrinsic::EvaluatorsPrototype,
            "Evaluators",
            1.0,
            throw_no_evaluators,
        ),
    ];
    // 8. For each of %Compartment.prototype%, %Module.prototype%, %Evaluators.prototype% P,
    //    with the name N and length L of its constructor:
    step!("ses-taming", "8");
    for (which, name, length, steps) in prototypes {
        let prototype = realm.intrinsic(which);
        // a. Let F be a new built-in function named N, of length L, that throws a TypeError
        //    when called or constructed.
        step!("ses-taming", "8.a");
        let f = inert_constructor(agent, realm, name, length, steps);
        // b. Perform ! DefinePropertyOrThrow(F, "prototype", { [[Value]]: P, [[Writable]]:
        //    false, [[Enumerable]]: false, [[Configurable]]: false }), and set P's
        //    "constructor" property to F (writable, not enumerable, configurable, as
        //    before).
        step!("ses-taming", "8.b");
        link_constructor_and_prototype(&f, &prototype);
    }
}

/// TameWeakRefConstructors ( realm ) (S4.6): compartments made after lockdown get their own
/// WeakRef and FinalizationRegistry, whose instances hold their targets strongly (C4.1
/// step 17); a WeakRef or registry the start compartment hands a compartment must not lead
/// back to the start's constructors, which would let it observe the collection of any
/// object.
pub fn tame_weak_ref_constructors(agent: &mut Agent, realm: &Realm) {
    type Steps = fn(&mut Agent, &BuiltinCall) -> JsResult<Value>;
    let prototypes: [(Intrinsic, &str, Steps); 2] = [
        (Intrinsic::WeakRefPrototype, "WeakRef", throw_no_weak_ref),
        (
            Intrinsic::FinalizationRegistryPrototype,
            "FinalizationRegistry",
            throw_no_finalization_registry,
        ),
    ];
    // 9. For each of %WeakRef.prototype%, %FinalizationRegistry.prototype% P, with the name
    //    N of its constructor:
    step!("ses-taming", "9");
    for (which, name, steps) in prototypes {
        let prototype = realm.intrinsic(which);
        // a. Let F be a new built-in function named N, of length 1, that throws a TypeError
        //    when called or constructed.
        step!("ses-taming", "9.a");
        let f = inert_constructor(agent, realm, name, 1.0, steps);
        // b. Perform ! DefinePropertyOrThrow(F, "prototype", { [[Value]]: P, [[Writable]]:
        //    false, [[Enumerable]]: false, [[Configurable]]: false }), and set P's
        //    "constructor" property to F (writable, not enumerable, configurable, as
        //    before).
        step!("ses-taming", "9.b");
        link_constructor_and_prototype(&f, &prototype);
    }
}

/// A built-in constructor named `name` whose steps only throw.
fn inert_constructor(
    agent: &mut Agent,
    realm: &Realm,
    name: &str,
    length: f64,
    steps: fn(&mut Agent, &BuiltinCall) -> JsResult<Value>,
) -> Object {
    create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(steps),
        length,
        FunctionName::Key(PropertyKey::from_str(name)),
        Some(realm.clone()),
        None,
        None,
        true,
    )
}

/// The tamed function constructors' steps.
fn throw_no_function_constructor(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(agent.type_error(
        "the function constructors reached through prototypes are disabled by lockdown(); \
         use the Function of a compartment's globalThis",
    ))
}

/// The tamed Compartment, Module and Evaluators constructors' steps.
fn throw_no_compartment(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(disabled_constructor(agent, "Compartment"))
}

fn throw_no_module(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(disabled_constructor(agent, "Module"))
}

fn throw_no_evaluators(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(disabled_constructor(agent, "Evaluators"))
}

fn throw_no_weak_ref(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(disabled_weak_constructor(agent, "WeakRef"))
}

fn throw_no_finalization_registry(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(disabled_weak_constructor(agent, "FinalizationRegistry"))
}

fn disabled_weak_constructor(agent: &mut Agent, name: &str) -> Value {
    agent.type_error(&format!(
        "{name}.prototype.constructor is disabled by lockdown(); use the {name} of a \
         compartment's globalThis (its targets are held strongly: compartments do not \
         observe garbage collection)"
    ))
}

fn disabled_constructor(agent: &mut Agent, name: &str) -> Value {
    agent.type_error(&format!(
        "{name}.prototype.constructor is disabled by lockdown(); use the {name} of a \
         compartment's globalThis"
    ))
}

/// TameSharedDateAndMath ( realm ) (S4.2).
pub fn tame_shared_date_and_math(agent: &mut Agent, realm: &Realm) {
    // 2. Let date be %Date%; set %InitialDate% to date.
    step!("ses-taming", "2");
    let date = realm.intrinsic(Intrinsic::Date);
    realm.set_intrinsic(Intrinsic::StartDate, date.clone());
    // 3. Let shared be a new built-in constructor named "Date", of length 7, whose steps
    //    throw a TypeError when NewTarget is undefined or no argument is given and are
    //    otherwise Construct(date, arguments, NewTarget); its "prototype" is
    //    %Date.prototype%, and its "parse", "UTC" are date's; its "now" throws.
    step!("ses-taming", "3");
    let shared = create_builtin_function(
        agent,
        BuiltinSteps::closure(shared_date, date.clone()),
        7.0,
        FunctionName::Key(PropertyKey::from_str("Date")),
        Some(realm.clone()),
        None,
        None,
        true,
    );
    let date_prototype = realm.intrinsic(Intrinsic::DatePrototype);
    define_value(
        &shared,
        "prototype",
        Value::Object(date_prototype.clone()),
        false,
        false,
        false,
    );
    for name in ["parse", "UTC"] {
        if let Some(Property::Data { value, .. }) = date.own_property(&PropertyKey::from_str(name))
        {
            define_value(&shared, name, value, true, false, true);
        }
    }
    let now = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(throw_no_clock),
        0.0,
        FunctionName::Key(PropertyKey::from_str("now")),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    define_value(&shared, "now", Value::Object(now), true, false, true);
    // 4. Set %Date.prototype%.constructor to shared and %Date% to shared: compartments'
    //    globals get it, the start global keeps date.
    step!("ses-taming", "4");
    define_value(
        &date_prototype,
        "constructor",
        Value::Object(shared.clone()),
        true,
        false,
        true,
    );
    realm.set_intrinsic(Intrinsic::Date, shared);
    // 5. Let math be %Math%; set %InitialMath% to math; let shared be a new ordinary object
    //    with math's own properties but "random", which throws; set %Math% to it.
    step!("ses-taming", "5");
    let math = realm.intrinsic(Intrinsic::Math);
    realm.set_intrinsic(Intrinsic::StartMath, math.clone());
    let shared_math = copy_replacing(agent, realm, &math, "random", 0.0, throw_no_random);
    realm.set_intrinsic(Intrinsic::Math, shared_math);
}

/// TameSharedAtomics ( realm ) (S4.7): the `Atomics` of compartments made after lockdown
/// has no host timers.
pub fn tame_shared_atomics(agent: &mut Agent, realm: &Realm) {
    // 10. Let atomics be %Atomics%; set %InitialAtomics% to atomics; let shared be a new
    //     ordinary object with atomics' own properties but "waitAsync", a built-in
    //     function of length 4 whose steps are DoWait(async, typedArray, index, value,
    //     timeout) but throw a TypeError where step 30.a would enqueue a timeout job; set
    //     %Atomics% to shared: compartments' globals get it, the start global keeps
    //     atomics.
    step!("ses-taming", "10");
    let atomics = realm.intrinsic(Intrinsic::Atomics);
    realm.set_intrinsic(Intrinsic::StartAtomics, atomics.clone());
    let shared = copy_replacing(
        agent,
        realm,
        &atomics,
        "waitAsync",
        4.0,
        crate::spec::builtins::atomics::wait_async_without_host_timers,
    );
    realm.set_intrinsic(Intrinsic::Atomics, shared);
}

/// A new ordinary object (prototype %Object.prototype%) with `original`'s own properties,
/// but `name`, which is a new built-in function of length `length` with `steps` (writable,
/// not enumerable, configurable, as a method).
fn copy_replacing(
    agent: &mut Agent,
    realm: &Realm,
    original: &Object,
    name: &str,
    length: f64,
    steps: fn(&mut Agent, &BuiltinCall) -> JsResult<Value>,
) -> Object {
    let copy = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    let properties: Vec<(PropertyKey, Property)> = original
        .data()
        .properties
        .0
        .iter()
        .map(|(k, p)| (k, p.to_property()))
        .collect();
    for (key, property) in properties {
        let property = if key == PropertyKey::from_str(name) {
            let replacement = create_builtin_function(
                agent,
                BuiltinSteps::Behaviour(steps),
                length,
                FunctionName::Key(key.clone()),
                Some(realm.clone()),
                None,
                None,
                false,
            );
            Property::data(Value::Object(replacement), true, false, true)
        } else {
            property
        };
        copy.insert_property(key, property);
    }
    copy
}

/// %SharedDate%'s steps.
fn shared_date(agent: &mut Agent, call: &BuiltinCall, date: &Object) -> JsResult<Value> {
    let Some(new_target) = call.new_target else {
        return Err(throw_clock(agent));
    };
    if call.args.is_empty() {
        return Err(throw_clock(agent));
    }
    construct(agent, date, call.args, Some(new_target)).map(Value::Object)
}

fn throw_clock(agent: &mut Agent) -> Value {
    agent.type_error(
        "the current time is not available in a compartment after lockdown() (Date.now(), \
         new Date() and Date() are disabled; pass a clock in the compartment's globals)",
    )
}

fn throw_no_clock(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(throw_clock(agent))
}

fn throw_no_random(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(agent.type_error(
        "Math.random() is disabled in a compartment after lockdown(); pass a random source in \
         the compartment's globals",
    ))
}

/// RemoveRegExpCompile ( realm ) (S4.3): regExpTaming safe.
pub fn remove_regexp_compile(_agent: &mut Agent, realm: &Realm) {
    // 6. Perform ! %RegExp.prototype%.[[Delete]]("compile").
    step!("ses-taming", "6");
    let prototype = realm.intrinsic(Intrinsic::RegExpPrototype);
    prototype
        .data_mut()
        .properties
        .0
        .shift_remove(&PropertyKey::from_str("compile"));
}

/// NoEval ( realm ) (S4.4): evalTaming no-eval makes the start global's `eval` and
/// `Function` throw.
pub fn no_eval(agent: &mut Agent, realm: &Realm) {
    // 7. Set the start global's "eval" and "Function" to functions that throw a TypeError.
    step!("ses-taming", "7");
    let global = realm.evaluators().global_object();
    for name in ["eval", "Function"] {
        let thrower = create_builtin_function(
            agent,
            BuiltinSteps::Behaviour(throw_no_eval),
            1.0,
            FunctionName::Key(PropertyKey::from_str(name)),
            Some(realm.clone()),
            None,
            None,
            name == "Function",
        );
        define_value(&global, name, Value::Object(thrower), true, false, true);
    }
}

fn throw_no_eval(agent: &mut Agent, _call: &BuiltinCall) -> JsResult<Value> {
    Err(agent.type_error("eval and Function are disabled (lockdown evalTaming: 'no-eval')"))
}

/// __hardenTaming__ unsafe: %harden% returns its argument without hardening it.
pub fn harden_no_op(_agent: &mut Agent, realm: &Realm) {
    let harden = realm.intrinsic(Intrinsic::Harden);
    let mut data = harden.data_mut();
    if let crate::spec::object_kinds::ObjectKind::Builtin(builtin) = &mut data.kind {
        builtin.steps = BuiltinSteps::Behaviour(return_argument);
    }
}

fn return_argument(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    Ok(call.arg(0))
}
