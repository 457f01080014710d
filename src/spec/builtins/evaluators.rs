//! Compartments layer 3 (`3-evaluator.md`): the `Evaluators` constructor (informal C3.1,
//! `compartments-evaluators-constructor`), %Evaluators.prototype%, and the `eval`,
//! `Function` and `Module` function objects each Evaluators record gets
//! (CreateEvaluatorsFunction, C3.2).
//!
//! The proposal gives the interface and prose; the readings it needed are in
//! docs/spec-issues.md ("Layer 3"): an absent option is inherited from the caller's
//! Evaluators (never the realm's start global when the caller is itself inside other
//! Evaluators), options are read in the interface's order, and the three functions are
//! enumerable data properties of the new object (so `Object.assign(globals, evaluators)`,
//! as the layer 4 sketch writes it, copies them).

use super::helpers::{define_constructor, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::environment_records::new_global_environment;
use crate::spec::evaluators::Evaluators;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{create_data_property_or_throw, get};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::value::Value;
use crate::step;

/// Evaluators ( options ) (C3.1).
fn evaluators_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let options = call.arg(0);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    step!("compartments-evaluators-constructor", "1");
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor Evaluators requires 'new'"));
    };
    // 2. Let parent be the running execution context's Evaluators. (This built-in has no
    //    Evaluators of its own, so its context has its caller's:
    //    builtin_call_or_construct.)
    step!("compartments-evaluators-constructor", "2");
    let parent = agent.current_evaluators();
    // 3. If options is undefined, set options to OrdinaryObjectCreate(null).
    step!("compartments-evaluators-constructor", "3");
    let options = match options {
        Value::Undefined => ordinary_object_create(None),
        Value::Object(options) => options,
        // 4. Else if options is not an Object, throw a TypeError exception.
        _ => {
            step!("compartments-evaluators-constructor", "4");
            return Err(agent.type_error("new Evaluators(options): options must be an object"));
        }
    };
    // 5. Let globalThis be ? Get(options, "globalThis").
    step!("compartments-evaluators-constructor", "5");
    let global_this = get(agent, &options, &PropertyKey::from_str("globalThis"))?;
    // 6. If globalThis is undefined, then
    step!("compartments-evaluators-constructor", "6");
    let (global_object, global_env) = match global_this {
        Value::Undefined => {
            // a. Let globalObject be parent.[[GlobalObject]].
            step!("compartments-evaluators-constructor", "6.a");
            // b. Let globalEnv be parent.[[GlobalEnv]].
            step!("compartments-evaluators-constructor", "6.b");
            (parent.global_object(), parent.global_env())
        }
        other => {
            // 7. Else,
            step!("compartments-evaluators-constructor", "7");
            // a. If globalThis is not an Object, throw a TypeError exception.
            step!("compartments-evaluators-constructor", "7.a");
            let Value::Object(global_object) = other else {
                return Err(agent
                    .type_error("new Evaluators(options): options.globalThis must be an object"));
            };
            // b. Let globalObject be globalThis.
            step!("compartments-evaluators-constructor", "7.b");
            // c. Let globalEnv be NewGlobalEnvironment(globalObject, globalObject).
            step!("compartments-evaluators-constructor", "7.c");
            let global_env = new_global_environment(global_object.clone(), global_object.clone());
            (global_object, global_env)
        }
    };
    // 8. Let importHook be ? Get(options, "importHook").
    step!("compartments-evaluators-constructor", "8");
    let mut import_hook = get(agent, &options, &PropertyKey::from_str("importHook"))?;
    // 9. If importHook is undefined, set importHook to parent.[[ImportHook]].
    step!("compartments-evaluators-constructor", "9");
    if import_hook.is_undefined() {
        import_hook = parent.import_hook();
    } else if !is_callable(&import_hook) {
        // 10. Else if IsCallable(importHook) is false, throw a TypeError exception.
        step!("compartments-evaluators-constructor", "10");
        return Err(
            agent.type_error("new Evaluators(options): options.importHook must be a function")
        );
    }
    // 11. Let importMeta be ? Get(options, "importMeta").
    step!("compartments-evaluators-constructor", "11");
    let mut import_meta = get(agent, &options, &PropertyKey::from_str("importMeta"))?;
    // 12. If importMeta is undefined, set importMeta to parent.[[ImportMeta]].
    step!("compartments-evaluators-constructor", "12");
    if import_meta.is_undefined() {
        import_meta = parent.import_meta();
    } else if !import_meta.is_object() {
        // 13. Else if importMeta is not an Object, throw a TypeError exception.
        step!("compartments-evaluators-constructor", "13");
        return Err(
            agent.type_error("new Evaluators(options): options.importMeta must be an object")
        );
    }
    // 14. Let evaluators be a new Evaluators Record { [[Realm]]: the current Realm Record,
    //     [[GlobalObject]]: globalObject, [[GlobalEnv]]: globalEnv, [[ImportHook]]:
    //     importHook, [[ImportMeta]]: importMeta, [[LoadedModules]]: « » }.
    step!("compartments-evaluators-constructor", "14");
    let realm = agent.current_realm();
    agent.evaluators_count += 1;
    let evaluators = Evaluators::new(
        agent.evaluators_count,
        realm,
        global_object,
        global_env,
        import_hook,
        import_meta,
    );
    // 15-17. Set evaluators.[[Eval]], [[Function]] and [[Module]] to
    //        CreateEvaluatorsFunction(evaluators, eval / Function / Module).
    step!("compartments-evaluators-constructor", "15");
    step!("compartments-evaluators-constructor", "16");
    step!("compartments-evaluators-constructor", "17");
    create_evaluators_functions(agent, &evaluators);
    crate::spec::event_log::evaluators_created(agent, &evaluators, &parent);
    // 18. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Evaluators.prototype%",
    //     « [[Evaluators]] »).
    step!("compartments-evaluators-constructor", "18");
    // 19. Set O.[[Evaluators]] to evaluators.
    step!("compartments-evaluators-constructor", "19");
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::EvaluatorsPrototype,
        ObjectKind::Evaluators(evaluators.clone()),
    )?;
    // 20-22. Perform ! CreateDataPropertyOrThrow(O, "eval" / "Function" / "Module",
    //        evaluators.[[Eval]] / [[Function]] / [[Module]]).
    let define = |agent: &mut Agent, name: &str, function: Option<Object>| {
        let function = function.expect("CreateEvaluatorsFunction made it");
        create_data_property_or_throw(
            agent,
            &o,
            &PropertyKey::from_str(name),
            Value::Object(function),
        )
    };
    step!("compartments-evaluators-constructor", "20");
    define(agent, "eval", evaluators.eval())?;
    step!("compartments-evaluators-constructor", "21");
    define(agent, "Function", evaluators.function())?;
    step!("compartments-evaluators-constructor", "22");
    define(agent, "Module", evaluators.module())?;
    // 23. Return O.
    step!("compartments-evaluators-constructor", "23");
    Ok(Value::Object(o))
}

/// Which function of an Evaluators record CreateEvaluatorsFunction makes.
#[derive(Clone, Copy)]
enum EvaluatorsFunction {
    Eval,
    Function,
    Module,
    /// An `Evaluators` constructor bound to the record: what a compartment's globalThis
    /// gets after lockdown in place of the shared, caller-sensitive %Evaluators%.
    Evaluators,
}

/// Sets evaluators.[[Eval]], [[Function]] and [[Module]] (C3.1 steps 15-17).
pub fn create_evaluators_functions(agent: &mut Agent, evaluators: &Evaluators) {
    let eval = create_evaluators_function(agent, evaluators, EvaluatorsFunction::Eval);
    let function = create_evaluators_function(agent, evaluators, EvaluatorsFunction::Function);
    let module = create_evaluators_function(agent, evaluators, EvaluatorsFunction::Module);
    *evaluators.0.eval.borrow_mut() = Some(eval);
    *evaluators.0.function.borrow_mut() = Some(function);
    *evaluators.0.module.borrow_mut() = Some(module);
}

/// CreateEvaluatorsFunction(evaluators, Evaluators) (C3.2): an `Evaluators` constructor
/// whose execution contexts have `evaluators` as their Evaluators, so that the Evaluators it
/// makes take their absent options from `evaluators` whoever calls it (C3.1 step 2). After
/// lockdown a compartment's globalThis gets one (C4.1 step 17): the shared %Evaluators%
/// takes them from its caller, and any more powerful code calling it for a sandbox (a
/// promise the start settles, a bound function or proxy the sandbox hands the host) would
/// give the sandbox its caller's global (docs/spec-issues.md, "SES").
pub fn create_evaluators_constructor(agent: &mut Agent, evaluators: &Evaluators) -> Object {
    create_evaluators_function(agent, evaluators, EvaluatorsFunction::Evaluators)
}

/// CreateEvaluatorsFunction ( evaluators, which ) (C3.2): a new `eval`, `Function`,
/// `Module` or `Evaluators` that runs in `evaluators`.
fn create_evaluators_function(
    agent: &mut Agent,
    evaluators: &Evaluators,
    which: EvaluatorsFunction,
) -> Object {
    // 1. Let realm be evaluators.[[Realm]].
    step!("compartments-create-evaluators-function", "1");
    let realm = evaluators.realm();
    // 2. Let F be a new built-in function object of realm that performs the steps of
    //    realm's %eval%, %Function%, %Module% or %Evaluators% (as which says) and whose
    //    execution contexts have evaluators as their Evaluators, with the same "length"
    //    and "name".
    step!("compartments-create-evaluators-function", "2");
    let (behaviour, length, name, constructor): (_, f64, &str, bool) = match which {
        EvaluatorsFunction::Eval => (crate::spec::global_object::eval as _, 1.0, "eval", false),
        EvaluatorsFunction::Function => (
            super::function::function_constructor as _,
            1.0,
            "Function",
            true,
        ),
        EvaluatorsFunction::Module => (
            super::module_objects::module_constructor as _,
            2.0,
            "Module",
            true,
        ),
        EvaluatorsFunction::Evaluators => (evaluators_constructor as _, 1.0, "Evaluators", true),
    };
    let f = create_builtin_function(
        agent,
        BuiltinSteps::Behaviour(behaviour),
        length,
        FunctionName::Key(PropertyKey::from_str(name)),
        Some(realm.clone()),
        None,
        None,
        constructor,
    );
    if let ObjectKind::Builtin(data) = &mut f.data_mut().kind {
        data.evaluators = Some(evaluators.clone());
    }
    // 3. If which is Function, perform ! DefinePropertyOrThrow(F, "prototype",
    //    PropertyDescriptor { [[Value]]: %Function.prototype%, [[Writable]]: false,
    //    [[Enumerable]]: false, [[Configurable]]: false }).
    step!("compartments-create-evaluators-function", "3");
    // 4. If which is Module or Evaluators, perform ! DefinePropertyOrThrow(F,
    //    "prototype", PropertyDescriptor { [[Value]]: %Module.prototype% or
    //    %Evaluators.prototype%, [[Writable]]: false, [[Enumerable]]: false,
    //    [[Configurable]]: false }).
    step!("compartments-create-evaluators-function", "4");
    let prototype = match which {
        EvaluatorsFunction::Eval => None,
        EvaluatorsFunction::Function => Some(realm.intrinsic(Intrinsic::FunctionPrototype)),
        EvaluatorsFunction::Module => Some(realm.intrinsic(Intrinsic::ModulePrototype)),
        EvaluatorsFunction::Evaluators => Some(realm.intrinsic(Intrinsic::EvaluatorsPrototype)),
    };
    if let Some(prototype) = prototype {
        define_value(
            &f,
            "prototype",
            Value::Object(prototype),
            false,
            false,
            false,
        );
    }
    // 5. Return F.
    step!("compartments-create-evaluators-function", "5");
    f
}

/// Creates %Evaluators% and %Evaluators.prototype% (layer 3), and makes the realm's
/// %eval%, %Function% and %Module% run in its default Evaluators: they are that record's
/// [[Eval]], [[Function]] and [[Module]].
pub fn create_evaluators_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::EvaluatorsPrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::Evaluators,
        "Evaluators",
        1,
        evaluators_constructor,
        &prototype,
        None,
    );
    // %Evaluators.prototype% [ %Symbol.toStringTag% ]: "Evaluators", { [[Writable]]:
    // false, [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("Evaluators"),
        false,
        false,
        true,
    );
    let default = realm.evaluators();
    let defaults = [
        (Intrinsic::Eval, Some(&default.0.eval)),
        (Intrinsic::Function, Some(&default.0.function)),
        (Intrinsic::Module, Some(&default.0.module)),
        // The other function constructors are bound to the default Evaluators as
        // %Function% is (SPEC ISSUE, docs/spec-issues.md): every constructor reached
        // through a prototype chain evaluates in the realm's start global, which is what
        // lockdown() tames.
        (Intrinsic::GeneratorFunction, None),
        (Intrinsic::AsyncFunction, None),
        (Intrinsic::AsyncGeneratorFunction, None),
    ];
    for (which, slot) in defaults {
        let f = realm.intrinsic(which);
        if let ObjectKind::Builtin(data) = &mut f.data_mut().kind {
            data.evaluators = Some(default.clone());
        }
        if let Some(slot) = slot {
            *slot.borrow_mut() = Some(f);
        }
    }
}
