//! Compartments layer 4 (`4-compartment.md`): the `Compartment` constructor (informal C4.1
//! `compartments-compartment-constructor`) and %Compartment.prototype% (C4.2 globalThis,
//! C4.7 evaluate, C4.8 import, C4.9 load, C4.10 importNow, C4.11 loadNow). The loading
//! machinery is `spec/compartments/compartment_records.rs` and `module_descriptors.rs`.
//!
//! Every `Compartment` constructor belongs to a compartment — the one whose children it
//! makes: a realm's global `Compartment` (%Compartment%) makes children of the realm's
//! start compartment, and each compartment's globalThis has a `Compartment` of its own.

use super::helpers::{define_accessor, define_method, define_value};
use crate::spec::abstract_module_records::{Module, ModuleStatus};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::builtins::evaluators::{
    create_evaluators_constructor, create_evaluators_functions,
};
use crate::spec::builtins::global::GLOBAL_INTRINSICS;
use crate::spec::compartments::compartment_records::{
    begin_sync_load, compartment_load, end_sync_load, new_capability, rollback_sync_load,
    settle_with_outcome, Compartment, CompartmentRecord, LoadOutcome,
};
use crate::spec::compartments::module_descriptors::copy_with_set;
use crate::spec::completion_record::JsResult;
use crate::spec::cyclic_module_records::{
    abandon_graph_loading, evaluate, link, load_requested_modules,
    load_requested_modules_with_state,
};
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::environment_records::new_global_environment;
use crate::spec::evaluators::Evaluators;
use crate::spec::global_object::perform_eval;
use crate::spec::import_calls::continue_dynamic_import;
use crate::spec::module_semantics::get_module_namespace;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{enumerable_own_properties, get, EnumerableKind};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::promise_objects::{perform_promise_then, PromiseCapability, PromiseState};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;
use crate::step;
use crate::syntax::ast::ImportPhase;
use boa_gc::{Gc, GcRefCell};

/// The options SES and XS took that the proposal renamed or dropped, with what replaces
/// each: a TypeError names it (docs/spec-issues.md, "Layer 4").
const LEGACY_OPTIONS: &[(&str, &str)] = &[
    (
        "importHook",
        "loadHook (its descriptors replace module records)",
    ),
    ("moduleMapHook", "the modules option or loadHook"),
    (
        "importNowHook",
        "a loadHook returning a descriptor (not a promise)",
    ),
    (
        "loadNowHook",
        "a loadHook returning a descriptor (not a promise)",
    ),
    ("globalLexicals", "globals (copied onto globalThis)"),
    (
        "__shimTransforms__",
        "nothing: transforms are not part of the proposal",
    ),
];

/// The Compartment of a Compartment instance.
pub fn compartment_of(value: &Value) -> Option<Compartment> {
    match value {
        Value::Object(o) => match &o.data().kind {
            ObjectKind::Compartment(compartment) => Some(compartment.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Compartment ( options ) (C4.1), the steps of the `Compartment` constructor that belongs
/// to `parent`.
fn compartment_constructor(
    agent: &mut Agent,
    call: &BuiltinCall,
    parent: &Compartment,
) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    step!("compartments-compartment-constructor", "1");
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor Compartment requires 'new'"));
    };
    // 2. If more than one argument is present and one after the first is not undefined,
    //    throw a TypeError exception (the three-argument form of SES and XS).
    step!("compartments-compartment-constructor", "2");
    if call.args.iter().skip(1).any(|a| !a.is_undefined()) {
        return Err(agent.type_error(
            "new Compartment(globals, modules, options) is the legacy three-argument form: \
             the proposal's is new Compartment({ globals, resolveHook, modules, loadHook })",
        ));
    }
    // 3. If options is undefined, set options to OrdinaryObjectCreate(null); else if it is
    //    not an Object, throw a TypeError exception.
    step!("compartments-compartment-constructor", "3");
    let options = match call.arg(0) {
        Value::Undefined => ordinary_object_create(None),
        Value::Object(options) => options,
        other => {
            return Err(agent.type_error(&format!(
                "new Compartment(options): options must be an object, not {}",
                crate::spec::event_log::brief(&other)
            )))
        }
    };
    // 4. Let globals be ? Get(options, "globals"); if it is neither undefined nor an
    //    Object, throw a TypeError exception.
    step!("compartments-compartment-constructor", "4");
    let globals = get(agent, &options, &PropertyKey::from_str("globals"))?;
    if !globals.is_undefined() && !globals.is_object() {
        return Err(option_error(agent, "globals", "an object", &globals));
    }
    // 5. Let resolveHook be ? Get(options, "resolveHook"); if it is neither undefined nor
    //    callable, throw a TypeError exception.
    step!("compartments-compartment-constructor", "5");
    let resolve_hook = get(agent, &options, &PropertyKey::from_str("resolveHook"))?;
    if !resolve_hook.is_undefined() && !is_callable(&resolve_hook) {
        return Err(option_error(
            agent,
            "resolveHook",
            "a function",
            &resolve_hook,
        ));
    }
    // 6. Let modules be ? Get(options, "modules"); if it is neither undefined nor an
    //    Object, throw a TypeError exception.
    step!("compartments-compartment-constructor", "6");
    let modules = get(agent, &options, &PropertyKey::from_str("modules"))?;
    if !modules.is_undefined() && !modules.is_object() {
        return Err(option_error(agent, "modules", "an object", &modules));
    }
    // 7. Let loadHook be ? Get(options, "loadHook"); if it is neither undefined nor
    //    callable, throw a TypeError exception.
    step!("compartments-compartment-constructor", "7");
    let load_hook = get(agent, &options, &PropertyKey::from_str("loadHook"))?;
    if !load_hook.is_undefined() && !is_callable(&load_hook) {
        return Err(option_error(agent, "loadHook", "a function", &load_hook));
    }
    // 8. For each legacy option name of SES and XS (importHook, moduleMapHook,
    //    importNowHook, loadNowHook, globalLexicals, __shimTransforms__), if ? Get(options,
    //    name) is not undefined, throw a TypeError exception naming its replacement.
    step!("compartments-compartment-constructor", "8");
    for (name, replacement) in LEGACY_OPTIONS {
        let value = get(agent, &options, &PropertyKey::from_str(name))?;
        if !value.is_undefined() {
            return Err(agent.type_error(&format!(
                "new Compartment(options): options.{name} is not part of the proposal; use \
                 {replacement}"
            )));
        }
    }
    // 9. Let descriptors be the List of (key, value) of ? EnumerableOwnProperties(modules,
    //    key+value), if modules is not undefined; else a new empty List.
    step!("compartments-compartment-constructor", "9");
    let descriptors = match &modules {
        Value::Object(modules) => read_module_descriptors(agent, modules)?,
        _ => Vec::new(),
    };
    // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%Compartment.prototype%",
    //     « [[Compartment]] »).
    step!("compartments-compartment-constructor", "10");
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::CompartmentPrototype,
        ObjectKind::Ordinary,
    )?;
    // 11. Let global be OrdinaryObjectCreate(%Object.prototype%).
    step!("compartments-compartment-constructor", "11");
    let realm = agent.current_realm();
    let global = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    // 12. Let evaluators be a new Evaluators Record { [[Realm]]: the current Realm Record,
    //     [[GlobalObject]]: global, [[GlobalEnv]]: NewGlobalEnvironment(global, global),
    //     [[ImportHook]]: undefined, [[ImportMeta]]: undefined, [[LoadedModules]]: « » },
    //     with CreateEvaluatorsFunction's eval, Function and Module (C3.1 steps 14-17).
    step!("compartments-compartment-constructor", "12");
    agent.evaluators_count += 1;
    let evaluators = Evaluators::new(
        agent.evaluators_count,
        realm.clone(),
        global.clone(),
        new_global_environment(global.clone(), global.clone()),
        Value::Undefined,
        Value::Undefined,
    );
    create_evaluators_functions(agent, &evaluators);
    // 13. Let compartment be a new Compartment Record { [[Parent]]: the compartment this
    //     constructor belongs to, [[Evaluators]]: evaluators, [[ResolveHook]]:
    //     resolveHook, [[LoadHook]]: loadHook, [[Modules]]: descriptors, [[Memo]]: empty }.
    step!("compartments-compartment-constructor", "13");
    agent.compartments_count += 1;
    let compartment = Compartment(Gc::new(CompartmentRecord {
        id: agent.compartments_count,
        parent: Some(parent.clone()),
        evaluators: evaluators.clone(),
        resolve_hook,
        load_hook,
        modules: descriptors,
        memo: GcRefCell::new(Default::default()),
        constructor: GcRefCell::new(None),
    }));
    // 14. Set evaluators.[[ImportHook]] to CompartmentImportHook(compartment): dynamic
    //     import in the compartment's script contexts (and in Modules its Module makes
    //     without an importHook) loads through the compartment (C4.12).
    step!("compartments-compartment-constructor", "14");
    let import_hook = create_builtin_function(
        agent,
        BuiltinSteps::closure(compartment_import_hook, compartment.clone()),
        2.0,
        FunctionName::Key(PropertyKey::from_str("")),
        Some(realm.clone()),
        None,
        None,
        false,
    );
    *evaluators.0.import_hook.borrow_mut() = Value::Object(import_hook);
    // 15. Let constructor be a new Compartment constructor that belongs to compartment.
    step!("compartments-compartment-constructor", "15");
    let constructor = create_compartment_constructor(agent, &realm, &compartment);
    *compartment.0.constructor.borrow_mut() = Some(constructor.clone());
    crate::spec::event_log::compartment_created(agent, &compartment);
    // 16. Define on global the shared intrinsics: the properties SetDefaultGlobalBindings
    //     defines (globalThis being global), but eval, Function, Module and Compartment;
    //     and, if the realm is locked down (SES), but Evaluators, WeakRef,
    //     FinalizationRegistry and SharedArrayBuffer.
    step!("compartments-compartment-constructor", "16");
    let locked_down = realm.is_locked_down();
    define_shared_intrinsics(&realm, &global, locked_down);
    // 17. Define on global eval, Function and Module (evaluators.[[Eval]], [[Function]],
    //     [[Module]]), Compartment (constructor), if the realm is locked down Evaluators
    //     (CreateEvaluatorsFunction(evaluators, Evaluators)), and harden (%harden%, SES),
    //     each { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }; after
    //     lockdown all but harden are hardened first.
    step!("compartments-compartment-constructor", "17");
    let mut own = vec![
        ("eval", evaluators.eval()),
        ("Function", evaluators.function()),
        ("Module", evaluators.module()),
        ("Compartment", Some(constructor)),
    ];
    if locked_down {
        // The shared %Evaluators% takes absent options from its caller's Evaluators; a
        // compartment's own takes them from the compartment, whoever calls it
        // (docs/spec-issues.md, "SES").
        own.push((
            "Evaluators",
            Some(create_evaluators_constructor(agent, &evaluators)),
        ));
    }
    for (name, function) in own {
        let function = function.expect("made above");
        if locked_down {
            // After lockdown() a compartment's own evaluators are frozen, as the shared
            // intrinsics are (SES's draft standalone spec, "For each compartment").
            crate::spec::ses::harden::harden(agent, &Value::Object(function.clone()))?;
        }
        define_value(&global, name, Value::Object(function), true, false, true);
    }
    // (SES) Every compartment's globalThis has the shared `harden`, which works once the
    // realm is locked down.
    let harden = realm.intrinsic(Intrinsic::Harden);
    define_value(&global, "harden", Value::Object(harden), true, false, true);
    // 18. If globals is not undefined, perform ? Object.assign(global, globals): each own
    //     enumerable property of globals read with [[Get]] and written with [[Set]].
    step!("compartments-compartment-constructor", "18");
    if let Value::Object(globals) = &globals {
        copy_with_set(agent, globals, &global)?;
    }
    // 19. Set O.[[Compartment]] to compartment.
    step!("compartments-compartment-constructor", "19");
    o.data_mut().kind = ObjectKind::Compartment(compartment);
    // 20. Return O.
    step!("compartments-compartment-constructor", "20");
    Ok(Value::Object(o))
}

fn option_error(agent: &mut Agent, name: &str, what: &str, value: &Value) -> Value {
    agent.type_error(&format!(
        "new Compartment(options): options.{name} must be {what} or undefined, not {}",
        crate::spec::event_log::brief(value)
    ))
}

/// The `modules` option's own enumerable string-keyed properties, read once.
fn read_module_descriptors(agent: &mut Agent, modules: &Object) -> JsResult<Vec<(String, Value)>> {
    let mut descriptors = Vec::new();
    for entry in enumerable_own_properties(agent, modules, EnumerableKind::KeyValue)? {
        let Value::Object(pair) = entry else {
            continue;
        };
        let key = get(agent, &pair, &PropertyKey::Index(0))?;
        let value = get(agent, &pair, &PropertyKey::Index(1))?;
        descriptors.push((to_string(agent, &key)?.to_rust_string(), value));
    }
    Ok(descriptors)
}

/// The ECMA-262 global value properties, functions and constructors on a compartment's
/// new global object (C4.1 step 16): what SetDefaultGlobalBindings defines, but the
/// compartment's own eval, Function, Module and Compartment — and, after lockdown, its own
/// Evaluators, and none of the powers SES's permits leave out of compartments: WeakRef and
/// FinalizationRegistry (they observe garbage collection, a channel between compartments
/// that share nothing) and SharedArrayBuffer (Atomics.waitAsync on one is a host timer, and
/// "hosts must avoid exposing SharedArrayBuffer to guests"; docs/spec-issues.md, "SES").
fn define_shared_intrinsics(realm: &Realm, global: &Object, locked_down: bool) {
    define_value(
        global,
        "globalThis",
        Value::Object(global.clone()),
        true,
        false,
        true,
    );
    define_value(
        global,
        "Infinity",
        Value::Number(f64::INFINITY),
        false,
        false,
        false,
    );
    define_value(global, "NaN", Value::Number(f64::NAN), false, false, false);
    define_value(global, "undefined", Value::Undefined, false, false, false);
    let intrinsics = realm.0.intrinsics.borrow();
    for (name, which) in GLOBAL_INTRINSICS {
        if matches!(*name, "eval" | "Function" | "Module" | "Compartment") {
            continue;
        }
        if locked_down
            && matches!(
                *name,
                "Evaluators" | "WeakRef" | "FinalizationRegistry" | "SharedArrayBuffer"
            )
        {
            continue;
        }
        if let Some(object) = &intrinsics[*which as usize] {
            define_value(
                global,
                *name,
                Value::Object(object.clone()),
                true,
                false,
                true,
            );
        }
    }
}

/// A new `Compartment` constructor that belongs to `compartment` (its instances are that
/// compartment's children): name "Compartment", length 0, `prototype`
/// %Compartment.prototype%.
fn create_compartment_constructor(
    agent: &mut Agent,
    realm: &Realm,
    compartment: &Compartment,
) -> Object {
    let f = create_builtin_function(
        agent,
        BuiltinSteps::closure(compartment_constructor, compartment.clone()),
        0.0,
        FunctionName::Key(PropertyKey::from_str("Compartment")),
        Some(realm.clone()),
        None,
        None,
        true,
    );
    let prototype = realm.intrinsic(Intrinsic::CompartmentPrototype);
    define_value(
        &f,
        "prototype",
        Value::Object(prototype),
        false,
        false,
        false,
    );
    f
}

/// RequireInternalSlot(this, [[Compartment]]) for the prototype's methods.
fn this_compartment(agent: &mut Agent, this: &Value, method: &str) -> JsResult<Compartment> {
    let o = require_internal_slot(
        agent,
        this,
        InternalSlot::Compartment,
        format_args!("Compartment.prototype.{method}"),
    )?;
    Ok(compartment_of(&Value::Object(o)).expect("RequireInternalSlot checked [[Compartment]]"))
}

/// get Compartment.prototype.globalThis (C4.2).
fn get_global_this(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let compartment be ? RequireInternalSlot(this value, [[Compartment]]).
    step!("compartments-compartment-globalthis", "1");
    let compartment = this_compartment(agent, call.this, "globalThis")?;
    // 2. Return compartment.[[Evaluators]].[[GlobalObject]].
    step!("compartments-compartment-globalthis", "2");
    Ok(Value::Object(compartment.evaluators().global_object()))
}

/// Compartment.prototype.evaluate ( source ) (C4.7): a strict script in the compartment's
/// evaluators; let, const and class do not persist between calls.
fn evaluate_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let compartment be ? RequireInternalSlot(this value, [[Compartment]]).
    step!("compartments-compartment-evaluate", "1");
    let compartment = this_compartment(agent, call.this, "evaluate")?;
    // 2. If source is not a String, throw a TypeError exception.
    step!("compartments-compartment-evaluate", "2");
    let source = call.arg(0);
    if !matches!(source, Value::String(_)) {
        return Err(agent.type_error(&format!(
            "Compartment.prototype.evaluate: the source must be a string, not {}",
            crate::spec::event_log::brief(&source)
        )));
    }
    // 3. In an execution context whose Evaluators are compartment.[[Evaluators]], return
    //    ? PerformEval(source, true, false). (SPEC ISSUE: strictCaller true with direct
    //    false — PerformEval's step 1 asserts the opposite — makes the script strict code
    //    of an indirect eval, as SES and XS evaluate it; docs/spec-issues.md.)
    step!("compartments-compartment-evaluate", "3");
    let saved = std::mem::replace(
        &mut agent.running_execution_context_mut().evaluators,
        compartment.evaluators(),
    );
    let result = perform_eval(agent, &source, true, false);
    agent.running_execution_context_mut().evaluators = saved;
    result
}

/// Compartment.prototype.import ( fullSpecifier ) (C4.8).
fn import_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    load_or_import(agent, call, "import", true)
}

/// Compartment.prototype.load ( fullSpecifier ) (C4.9).
fn load_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    load_or_import(agent, call, "load", false)
}

/// The steps import and load share: a promise for the namespace (import) or for
/// undefined once the module and its dependencies are loaded (load).
fn load_or_import(
    agent: &mut Agent,
    call: &BuiltinCall,
    method: &str,
    evaluate_it: bool,
) -> JsResult<Value> {
    // 1. Let compartment be ? RequireInternalSlot(this value, [[Compartment]]).
    step!("compartments-compartment-import", "1");
    let compartment = this_compartment(agent, call.this, method)?;
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    step!("compartments-compartment-import", "2");
    let capability = new_capability(agent);
    let specifier = call.arg(0);
    crate::spec::event_log::name_promise(agent, &capability.promise, || {
        format!(
            "{}.{method}({})",
            compartment.name(),
            crate::spec::event_log::brief(&specifier)
        )
    });
    // 3. Let key be Completion(ToString(fullSpecifier)); IfAbruptRejectPromise(key,
    //    promiseCapability).
    step!("compartments-compartment-import", "3");
    let key = match to_string(agent, &specifier) {
        Ok(key) => key.to_rust_string(),
        Err(error) => {
            let _ = crate::spec::operations_on_objects::call(
                agent,
                &capability.reject,
                &Value::Undefined,
                &[error],
            );
            return Ok(Value::Object(capability.promise));
        }
    };
    // 4. Let loaded be a new promise settled by Load(compartment, key) (C4.3).
    step!("compartments-compartment-import", "4");
    let loaded = new_capability(agent);
    let outcome = compartment_load(agent, &compartment, &key);
    settle_with_outcome(agent, outcome, &loaded);
    // 5. When loaded is fulfilled with a Module instance whose [[Module]] is module: for
    //    import, perform ContinueDynamicImport(promiseCapability, evaluation,
    //    NormalCompletion(module)) — the module is loaded, linked and evaluated as
    //    import(module) does, and promiseCapability resolved with its namespace (a
    //    namespace exporting then is adopted as a thenable, as with import()); for load,
    //    resolve promiseCapability with undefined once module.LoadRequestedModules()
    //    fulfils. When loaded is rejected, reject promiseCapability.
    step!("compartments-compartment-import", "5");
    let captures = AfterLoad {
        capability: capability.clone(),
        evaluate: evaluate_it,
    };
    let on_fulfilled =
        crate::spec::builtin_function_objects::builtin_closure(agent, after_load, 1.0, captures);
    perform_promise_then(
        agent,
        &loaded.promise,
        Value::Object(on_fulfilled),
        capability.reject.clone(),
        None,
    );
    // 6. Return promiseCapability.[[Promise]].
    step!("compartments-compartment-import", "6");
    Ok(Value::Object(capability.promise))
}

/// What import's and load's continuation captures.
#[derive(boa_gc::Trace, boa_gc::Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct AfterLoad {
    capability: PromiseCapability,
    evaluate: bool,
}

fn after_load(agent: &mut Agent, call: &BuiltinCall, after: &AfterLoad) -> JsResult<Value> {
    let Some(module) = crate::spec::builtins::module_objects::module_of_instance(&call.arg(0))
    else {
        let error = agent.type_error("a compartment load settled without a module");
        let _ = crate::spec::operations_on_objects::call(
            agent,
            &after.capability.reject,
            &Value::Undefined,
            &[error],
        );
        return Ok(Value::Undefined);
    };
    if after.evaluate {
        continue_dynamic_import(
            agent,
            after.capability.clone(),
            ImportPhase::Evaluation,
            Ok(module),
        );
        return Ok(Value::Undefined);
    }
    let loading = load_requested_modules(agent, &module, Value::Undefined);
    let resolve_undefined = crate::spec::builtin_function_objects::builtin_closure(
        agent,
        resolve_with_undefined,
        1.0,
        after.capability.clone(),
    );
    perform_promise_then(
        agent,
        &loading,
        Value::Object(resolve_undefined),
        after.capability.reject.clone(),
        None,
    );
    Ok(Value::Undefined)
}

fn resolve_with_undefined(
    agent: &mut Agent,
    _call: &BuiltinCall,
    capability: &PromiseCapability,
) -> JsResult<Value> {
    crate::spec::operations_on_objects::call(agent, &capability.resolve, &Value::Undefined, &[])?;
    Ok(Value::Undefined)
}

/// Compartment.prototype.importNow ( fullSpecifier ) (C4.10).
fn import_now_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let compartment be ? RequireInternalSlot(this value, [[Compartment]]).
    step!("compartments-compartment-import-now", "1");
    let compartment = this_compartment(agent, call.this, "importNow")?;
    // 2. Let module be ? LoadNow(compartment, ? ToString(fullSpecifier)) (C4.11 steps 2-6).
    step!("compartments-compartment-import-now", "2");
    let key = to_string(agent, &call.arg(0))?.to_rust_string();
    let module = load_now(agent, &compartment, &key)?;
    // 3. If module.[[Status]] is evaluating, return GetModuleNamespace(module,
    //    evaluation): it is being evaluated (importNow from inside its own graph).
    step!("compartments-compartment-import-now", "3");
    if module.data().status == ModuleStatus::Evaluating {
        return Ok(Value::Object(get_module_namespace(
            agent,
            &module,
            ImportPhase::Evaluation,
        )));
    }
    // 4. Perform ? module.Link().
    step!("compartments-compartment-import-now", "4");
    link(agent, &module)?;
    // 5. Let promise be module.Evaluate(). (A module with top-level await returns here
    //    after it first awaits, as the text says.)
    step!("compartments-compartment-import-now", "5");
    let promise = evaluate(agent, &module);
    // 6. If promise is rejected, mark it handled and throw its reason.
    step!("compartments-compartment-import-now", "6");
    if let Some(Err(reason)) = settled(&promise) {
        return Err(reason);
    }
    // 7. Return GetModuleNamespace(module, evaluation).
    step!("compartments-compartment-import-now", "7");
    Ok(Value::Object(get_module_namespace(
        agent,
        &module,
        ImportPhase::Evaluation,
    )))
}

/// Compartment.prototype.loadNow ( fullSpecifier ) (C4.11).
fn load_now_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let compartment be ? RequireInternalSlot(this value, [[Compartment]]).
    step!("compartments-compartment-load-now", "1");
    let compartment = this_compartment(agent, call.this, "loadNow")?;
    let key = to_string(agent, &call.arg(0))?.to_rust_string();
    load_now(agent, &compartment, &key)?;
    Ok(Value::Undefined)
}

/// LoadNow ( compartment, key ) (C4.11 steps 2-6): the module for `key` with its whole
/// graph loaded, synchronously, or a TypeError (or the load's error) with every memo the
/// attempt touched as it was.
fn load_now(agent: &mut Agent, compartment: &Compartment, key: &str) -> JsResult<Module> {
    // 2. Begin a synchronous load: a load that would have to wait is recorded instead.
    step!("compartments-compartment-load-now", "2");
    let outer = begin_sync_load(agent);
    // 3. Let outcome be Load(compartment, key).
    step!("compartments-compartment-load-now", "3");
    let outcome = compartment_load(agent, compartment, key);
    // 4. If outcome is a module, let loading be module.LoadRequestedModules().
    step!("compartments-compartment-load-now", "4");
    let result = match outcome {
        LoadOutcome::Ready(module) => {
            let (loading, state) =
                load_requested_modules_with_state(agent, &module, Value::Undefined);
            match settled(&loading) {
                Some(Ok(_)) => Ok(module),
                Some(Err(reason)) => Err(reason),
                None => {
                    // Pending: something would wait; the graph loading is abandoned.
                    if let Some(state) = state {
                        abandon_graph_loading(&state);
                    }
                    Err(Value::Undefined)
                }
            }
        }
        LoadOutcome::Failed(error) => Err(error),
        LoadOutcome::Pending(_) => Err(Value::Undefined),
    };
    // 5. End the synchronous load: if a load would have had to wait, restore every memo it
    //    changed and throw a TypeError naming the specifier.
    step!("compartments-compartment-load-now", "5");
    let would_wait = agent
        .compartment_sync_load
        .as_ref()
        .is_some_and(|sync| sync.would_wait.is_some());
    if would_wait || result.is_err() {
        if !would_wait {
            // The load failed: nothing it half-registered stays.
            let sync = std::mem::replace(&mut agent.compartment_sync_load, outer);
            rollback_sync_load(sync.map(|s| s.undo).unwrap_or_default());
            return result;
        }
        end_sync_load(agent, outer)?;
    } else {
        end_sync_load(agent, outer)?;
    }
    // 6. Return module.
    step!("compartments-compartment-load-now", "6");
    result
}

/// A settled promise's outcome (a rejected one is marked handled), or `None` while pending.
fn settled(promise: &Object) -> Option<Result<Value, Value>> {
    let mut data = promise.data_mut();
    let ObjectKind::Promise(p) = &mut data.kind else {
        return None;
    };
    match p.state {
        PromiseState::Pending => None,
        PromiseState::Fulfilled => Some(Ok(p.result.clone())),
        PromiseState::Rejected => {
            p.is_handled = true;
            Some(Err(p.result.clone()))
        }
    }
}

/// CompartmentImportHook ( specifier, importMeta ) (C4.12): the [[ImportHook]] of a
/// compartment's Evaluators, for dynamic import in its script contexts and Modules its
/// `Module` makes without an importHook: the specifier is resolved with no referrer and
/// loaded in the compartment; the result is a promise for the Module instance.
fn compartment_import_hook(
    agent: &mut Agent,
    call: &BuiltinCall,
    compartment: &Compartment,
) -> JsResult<Value> {
    // 1. Let importSpecifier be ? ToString(specifier).
    step!("compartments-import-hook-function", "1");
    let import_specifier = to_string(agent, &call.arg(0))?.to_rust_string();
    // 2. Let fullSpecifier be ? the compartment's resolution of importSpecifier with no
    //    referrer (C4.4 step 2).
    step!("compartments-import-hook-function", "2");
    let full = crate::spec::compartments::compartment_records::resolve(
        agent,
        compartment,
        &import_specifier,
        None,
    )?;
    // 3. Let promiseCapability be ! NewPromiseCapability(%Promise%); settle it with
    //    Load(compartment, fullSpecifier)'s Module instance or error.
    step!("compartments-import-hook-function", "3");
    let capability = new_capability(agent);
    let outcome = compartment_load(agent, compartment, &full);
    settle_with_outcome(agent, outcome, &capability);
    // 4. Return promiseCapability.[[Promise]].
    step!("compartments-import-hook-function", "4");
    Ok(Value::Object(capability.promise))
}

/// The start compartment of `realm`: its parent is none, its Evaluators are the realm's
/// default, and it loads and resolves through the host.
pub fn start_compartment(agent: &mut Agent, realm: &Realm) -> Compartment {
    agent.compartments_count += 1;
    Compartment(Gc::new(CompartmentRecord {
        id: agent.compartments_count,
        parent: None,
        evaluators: realm.evaluators(),
        resolve_hook: Value::Undefined,
        load_hook: Value::Undefined,
        modules: Vec::new(),
        memo: GcRefCell::new(Default::default()),
        constructor: GcRefCell::new(None),
    }))
}

/// Creates %Compartment.prototype% and %Compartment% (the constructor of the realm's start
/// compartment).
pub fn create_compartment_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::CompartmentPrototype, prototype.clone());
    define_accessor(agent, &prototype, "globalThis", Some(get_global_this), None);
    define_method(agent, &prototype, "evaluate", 1, evaluate_method);
    define_method(agent, &prototype, "import", 1, import_method);
    define_method(agent, &prototype, "load", 1, load_method);
    define_method(agent, &prototype, "importNow", 1, import_now_method);
    define_method(agent, &prototype, "loadNow", 1, load_now_method);
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("Compartment"),
        false,
        false,
        true,
    );
    let start = start_compartment(agent, realm);
    let constructor = create_compartment_constructor(agent, realm, &start);
    *start.0.constructor.borrow_mut() = Some(constructor.clone());
    define_value(
        &prototype,
        "constructor",
        Value::Object(constructor.clone()),
        true,
        false,
        true,
    );
    realm.set_intrinsic(Intrinsic::Compartment, constructor);
}
