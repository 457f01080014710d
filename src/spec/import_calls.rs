//! 13.3.10 Import Calls (sec-import-calls): EvaluateImportCall (13.3.10.2),
//! ContinueDynamicImport (13.3.10.3, with source phase imports' and import defer's phases)
//! and import defer's SafePerformPromiseAll.

use super::abstract_module_records::Module;
use super::agents::Agent;
use super::builtin_function_objects::{builtin_closure, new_shared_record, BuiltinCall};
use super::builtins::module_objects::module_of_instance;
use super::builtins::promise::create_promise_all_resolve_element;
use super::completion_record::JsResult;
use super::cyclic_module_records::{
    evaluate, gather_asynchronous_transitive_dependencies, link, load_requested_modules,
};
use super::execution_contexts::{get_active_script_or_module, ScriptOrModule};
use super::module_semantics::{
    all_import_attributes_supported, get_module_namespace, load_imported_module, LoadPayload,
    Referrer,
};
use super::object_type::Object;
use super::operations_on_objects::{call, create_array_from_list, get};
use super::promise_objects::{new_promise_capability, perform_promise_then, PromiseCapability};
use super::realms::Intrinsic;
use super::string_type::JsString;
use super::type_conversion::to_string;
use super::value::Value;
use crate::spec::evaluation::evaluate_expression;
use crate::syntax::ast::{Expr, ImportPhase, ModuleRequest};
use boa_gc::{custom_trace, Finalize, Trace};

/// An ImportAttribute Record: [[Key]] and [[Value]] as code units.
type ImportAttribute = (Vec<u16>, Vec<u16>);

/// Rejects `capability` with `reason` and gives its promise (the IfAbruptRejectPromise and
/// "reject with a TypeError" steps).
fn reject(agent: &mut Agent, capability: &PromiseCapability, reason: Value) -> Value {
    let _ = call(agent, &capability.reject, &Value::Undefined, &[reason]);
    Value::Object(capability.promise.clone())
}

/// EvaluateImportCall ( specifierExpression [ , optionsExpression ] ) (13.3.10.2), with
/// source phase imports' and import defer's phase (step 13's [[Phase]]) and Compartments
/// layer 0's `import(moduleInstance)` (step 8).
///
/// Step 12.d: `enumerable_string_entries` does EnumerableOwnProperties (12.d.ii: every
/// value read first) and then the loop over its entries (12.d.iv), so `--trace` shows
/// 12.d.iv's steps before 12.d.iii's check, which the caller makes on the result.
pub fn evaluate_import_call(
    agent: &mut Agent,
    phase: ImportPhase,
    specifier_expression: &Expr,
    options_expression: Option<&Expr>,
) -> JsResult<Value> {
    // 1. Let referrer be GetActiveScriptOrModule().
    crate::step!("sec-evaluate-import-call", "1");
    // 2. If referrer is null, set referrer to the current Realm Record.
    crate::step!("sec-evaluate-import-call", "2");
    let referrer = match get_active_script_or_module(agent) {
        Some(ScriptOrModule::Script(script)) => Referrer::Script(script),
        Some(ScriptOrModule::Module(module)) => Referrer::Module(module),
        None => Referrer::Realm(agent.current_realm()),
    };
    let referrer = script_context_referrer(agent, referrer);
    // 3. Let specifierRef be ? Evaluation of specifierExpression.
    crate::step!("sec-evaluate-import-call", "3");
    // 4. Let specifier be ? GetValue(specifierRef).
    crate::step!("sec-evaluate-import-call", "4");
    let specifier = evaluate_expression(agent, specifier_expression)?;
    // 5. If optionsExpression is present, then
    crate::step!("sec-evaluate-import-call", "5");
    let options = match options_expression {
        Some(expression) => {
            // a. Let optionsRef be ? Evaluation of optionsExpression.
            crate::step!("sec-evaluate-import-call", "5.a");
            // b. Let options be ? GetValue(optionsRef).
            crate::step!("sec-evaluate-import-call", "5.b");
            evaluate_expression(agent, expression)?
        }
        None => {
            // 6. Else,
            crate::step!("sec-evaluate-import-call", "6");
            // a. Let options be undefined.
            crate::step!("sec-evaluate-import-call", "6.a");
            Value::Undefined
        }
    };
    // 7. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-evaluate-import-call", "7");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let capability = new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    super::event_log::name_promise(agent, &capability.promise, || {
        super::event_log::import_call_name(&specifier)
    });
    // 8. If specifier is an Object that has a [[Module]] internal slot, let moduleInstance
    //    be specifier.[[Module]]; otherwise let moduleInstance be empty. (Compartments layer
    //    0's `import(moduleInstance)`, merged with the phases and the options: SPEC ISSUE,
    //    the layer 0 text predates both — the instance replaces only the specifier, so the
    //    options are still validated and the phase still applies; and the proposal tests
    //    [[ModuleSourceInstance]] where every Module instance has [[Module]] too,
    //    docs/spec-issues.md.)
    crate::step!("sec-evaluate-import-call", "8");
    let module_instance = module_of_instance(&specifier);
    // 9. If moduleInstance is empty, let specifierString be Completion(ToString(specifier));
    //    otherwise let specifierString be the empty String.
    crate::step!("sec-evaluate-import-call", "9");
    let specifier_string = match module_instance {
        None => to_string(agent, &specifier),
        Some(_) => Ok(JsString::default()),
    };
    // 10. IfAbruptRejectPromise(specifierString, promiseCapability).
    crate::step!("sec-evaluate-import-call", "10");
    let specifier_string = match specifier_string {
        Ok(s) => s,
        Err(error) => return Ok(reject(agent, &capability, error)),
    };
    // 11. Let attributes be a new empty List.
    crate::step!("sec-evaluate-import-call", "11");
    let mut attributes = Vec::new();
    // 12. If options is not undefined, then
    crate::step!("sec-evaluate-import-call", "12");
    if !matches!(options, Value::Undefined) {
        // a. If options is not an Object, then
        crate::step!("sec-evaluate-import-call", "12.a");
        let Value::Object(options) = options else {
            // i. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created
            //    TypeError object »).
            crate::step!("sec-evaluate-import-call", "12.a.i");
            let error = agent.type_error("the options of import() must be an object");
            let promise = reject(agent, &capability, error);
            // ii. Return promiseCapability.[[Promise]].
            crate::step!("sec-evaluate-import-call", "12.a.ii");
            return Ok(promise);
        };
        // b. Let attributesObj be Completion(Get(options, "with")).
        crate::step!("sec-evaluate-import-call", "12.b");
        let attributes_obj = get(agent, &options, &"with".into());
        // c. IfAbruptRejectPromise(attributesObj, promiseCapability).
        crate::step!("sec-evaluate-import-call", "12.c");
        let attributes_obj = match attributes_obj {
            Ok(v) => v,
            Err(error) => return Ok(reject(agent, &capability, error)),
        };
        // d. If attributesObj is not undefined, then
        crate::step!("sec-evaluate-import-call", "12.d");
        if !matches!(attributes_obj, Value::Undefined) {
            // i. If attributesObj is not an Object, then
            crate::step!("sec-evaluate-import-call", "12.d.i");
            let Value::Object(attributes_obj) = attributes_obj else {
                // 1. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly
                //    created TypeError object »).
                crate::step!("sec-evaluate-import-call", "12.d.i.1");
                let error = agent.type_error("the 'with' option of import() must be an object");
                let promise = reject(agent, &capability, error);
                // 2. Return promiseCapability.[[Promise]].
                crate::step!("sec-evaluate-import-call", "12.d.i.2");
                return Ok(promise);
            };
            // ii. Let entries be Completion(EnumerableOwnProperties(attributesObj,
            //     key+value)).
            crate::step!("sec-evaluate-import-call", "12.d.ii");
            // (iv, the loop over the entries, runs inside, as they are enumerated.)
            let entries = enumerable_string_entries(agent, &attributes_obj);
            // iii. IfAbruptRejectPromise(entries, promiseCapability).
            crate::step!("sec-evaluate-import-call", "12.d.iii");
            match entries {
                Ok(Some(entries)) => attributes = entries,
                Ok(None) => {
                    // (iv.3.a, the value of a String key is not a String:)
                    // i. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly
                    //    created TypeError object »).
                    crate::step!("sec-evaluate-import-call", "12.d.iv.3.a.i");
                    let error = agent.type_error("import attribute values must be strings");
                    let promise = reject(agent, &capability, error);
                    // ii. Return promiseCapability.[[Promise]].
                    crate::step!("sec-evaluate-import-call", "12.d.iv.3.a.ii");
                    return Ok(promise);
                }
                Err(error) => return Ok(reject(agent, &capability, error)),
            }
        }
        // e. If AllImportAttributesSupported(attributes) is false, then
        crate::step!("sec-evaluate-import-call", "12.e");
        let probe = ModuleRequest {
            specifier: specifier_string.units().to_vec(),
            attributes: attributes.clone(),
            phase,
        };
        if !all_import_attributes_supported(&probe) {
            // i. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly created
            //    TypeError object »).
            crate::step!("sec-evaluate-import-call", "12.e.i");
            let error = agent.type_error("unsupported import attribute");
            let promise = reject(agent, &capability, error);
            // ii. Return promiseCapability.[[Promise]].
            crate::step!("sec-evaluate-import-call", "12.e.ii");
            return Ok(promise);
        }
        // f. Sort attributes according to the lexicographic order of their [[Key]] field,
        //    treating the value of each such field as a sequence of UTF-16 code unit values.
        //    NOTE: This sorting is observable only in that hosts are prohibited from changing
        //    behaviour based on the order in which attributes are enumerated.
        crate::step!("sec-evaluate-import-call", "12.f");
        attributes.sort_by(|a, b| a.0.cmp(&b.0));
    }
    // 13. Let moduleRequest be a new ModuleRequest Record { [[Specifier]]: specifierString,
    //     [[Attributes]]: attributes, [[Phase]]: phase }.
    crate::step!("sec-evaluate-import-call", "13");
    let module_request = ModuleRequest {
        specifier: specifier_string.units().to_vec(),
        attributes,
        phase,
    };
    // 14. If moduleInstance is not empty, perform ContinueDynamicImport(promiseCapability,
    //     phase, NormalCompletion(moduleInstance)); otherwise, perform
    //     LoadImportedModule(referrer, moduleRequest, empty, promiseCapability).
    crate::step!("sec-evaluate-import-call", "14");
    match module_instance {
        Some(module) => continue_dynamic_import(agent, capability.clone(), phase, Ok(module)),
        None => load_imported_module(
            agent,
            referrer,
            &module_request,
            Value::Undefined,
            LoadPayload::PromiseCapability(capability.clone()),
        ),
    }
    // 15. Return promiseCapability.[[Promise]].
    crate::step!("sec-evaluate-import-call", "15");
    Ok(Value::Object(capability.promise))
}

/// What layer 3 adds to EvaluateImportCall after step 2 (C3.5): in a script context of
/// Evaluators with an import hook, the Evaluators are the referrer.
fn script_context_referrer(agent: &Agent, referrer: Referrer) -> Referrer {
    // Without the compartments feature there is no layer 3 (no Evaluators with an import
    // hook can be made): ECMA-262's EvaluateImportCall alone.
    if !agent.features.compartments() {
        return referrer;
    }
    // 1. Let evaluators be the running execution context's Evaluators.
    crate::step!("compartments-import-call-evaluators", "1");
    let evaluators = agent.current_evaluators();
    // 2. If evaluators.[[ImportHook]] is not undefined, and referrer is not a Module
    //    Record whose [[Evaluators]] is evaluators, then
    crate::step!("compartments-import-call-evaluators", "2");
    let own_module = matches!(&referrer, Referrer::Module(m) if m.evaluators() == evaluators);
    if evaluators.import_hook().is_undefined() || own_module {
        return referrer;
    }
    // a. NOTE: This is dynamic import in a script context of evaluators.
    crate::step!("compartments-import-call-evaluators", "2.a");
    // b. Set referrer to evaluators.
    crate::step!("compartments-import-call-evaluators", "2.b");
    Referrer::Evaluators(evaluators)
}

/// EnumerableOwnProperties(obj, key+value) (EvaluateImportCall step 12.d.ii) fused with
/// the loop of step 12.d.iv over its entries: `None` when a String key has a non-String
/// value (step 12.d.iv.3.a, whose rejection the caller performs).
fn enumerable_string_entries(
    agent: &mut Agent,
    object: &Object,
) -> JsResult<Option<Vec<ImportAttribute>>> {
    // (ii.) EnumerableOwnProperties(attributesObj, key+value) reads every enumerable String
    // key's value before step iv looks at any of them.
    let mut pairs = Vec::new();
    for key in object.own_property_keys(agent)? {
        if key.is_symbol() {
            continue;
        }
        let Some(desc) = object.get_own_property(agent, &key)? else {
            continue;
        };
        if desc.enumerable != Some(true) {
            continue;
        }
        let value = get(agent, object, &key)?;
        pairs.push((key, value));
    }
    let mut entries = Vec::new();
    // iv. For each element entry of entries, do
    crate::step!("sec-evaluate-import-call", "12.d.iv");
    for (key, value) in pairs {
        // 1. Let key be ! Get(entry, "0").
        crate::step!("sec-evaluate-import-call", "12.d.iv.1");
        // 2. Let value be ! Get(entry, "1").
        crate::step!("sec-evaluate-import-call", "12.d.iv.2");
        // 3. If key is a String, then (EnumerableOwnProperties gives String keys only)
        crate::step!("sec-evaluate-import-call", "12.d.iv.3");
        let Some(key) = key.as_string() else {
            continue;
        };
        // a. If value is not a String, then
        crate::step!("sec-evaluate-import-call", "12.d.iv.3.a");
        let Value::String(value) = value else {
            return Ok(None);
        };
        // b. Append the ImportAttribute Record { [[Key]]: key, [[Value]]: value } to
        //    attributes.
        crate::step!("sec-evaluate-import-call", "12.d.iv.3.b");
        entries.push((key.units().to_vec(), value.units().to_vec()));
    }
    Ok(Some(entries))
}

/// What ContinueDynamicImport's linkAndEvaluateClosure captures: module,
/// promiseCapability, phase and onRejected.
#[derive(Finalize)]
pub struct LinkAndEvaluateCaptures {
    module: Module,
    promise_capability: PromiseCapability,
    phase: ImportPhase,
    on_rejected: Object,
}

// SAFETY: every field but the phase (a plain enum) is traced.
unsafe impl Trace for LinkAndEvaluateCaptures {
    custom_trace!(this, mark, {
        mark(&this.module);
        mark(&this.promise_capability);
        mark(&this.on_rejected);
    });
}

/// What ContinueDynamicImport's fulfilledClosure captures: module, phase and
/// promiseCapability.
#[derive(Finalize)]
pub struct DynamicImportFulfilledCaptures {
    module: Module,
    phase: ImportPhase,
    promise_capability: PromiseCapability,
}

// SAFETY: every field but the phase (a plain enum) is traced.
unsafe impl Trace for DynamicImportFulfilledCaptures {
    custom_trace!(this, mark, {
        mark(&this.module);
        mark(&this.promise_capability);
    });
}

/// ContinueDynamicImport ( promiseCapability, phase, moduleCompletion ) (13.3.10.3).
pub fn continue_dynamic_import(
    agent: &mut Agent,
    promise_capability: PromiseCapability,
    phase: ImportPhase,
    module_completion: JsResult<Module>,
) {
    // 1. If moduleCompletion is an abrupt completion, then
    crate::step!("sec-ContinueDynamicImport", "1");
    let module = match module_completion {
        Ok(module) => module,
        Err(error) => {
            // a. Perform ! Call(promiseCapability.[[Reject]], undefined,
            //    « moduleCompletion.[[Value]] »).
            crate::step!("sec-ContinueDynamicImport", "1.a");
            let _ = call(
                agent,
                &promise_capability.reject,
                &Value::Undefined,
                &[error],
            );
            // b. Return unused.
            crate::step!("sec-ContinueDynamicImport", "1.b");
            return;
        }
    };
    // 2. Let module be moduleCompletion.[[Value]].
    crate::step!("sec-ContinueDynamicImport", "2");
    // 3. If phase is source, then
    crate::step!("sec-ContinueDynamicImport", "3");
    if phase == ImportPhase::Source {
        // a. Let moduleSource be module.[[ModuleSource]].
        crate::step!("sec-ContinueDynamicImport", "3.a");
        let module_source = module.data().module_source.clone();
        // b. If moduleSource is empty, then
        crate::step!("sec-ContinueDynamicImport", "3.b");
        let (settle, value) = match module_source {
            None => {
                // i. Perform ! Call(promiseCapability.[[Reject]], undefined, « a newly
                //    created SyntaxError object »).
                crate::step!("sec-ContinueDynamicImport", "3.b.i");
                let error = agent.syntax_error(&format!(
                    "'{}' has no source phase: import.source() needs a module source object",
                    module.name()
                ));
                (promise_capability.reject.clone(), error)
            }
            Some(module_source) => {
                // c. Else,
                crate::step!("sec-ContinueDynamicImport", "3.c");
                // i. Perform ! Call(promiseCapability.[[Resolve]], undefined,
                //    « moduleSource »).
                crate::step!("sec-ContinueDynamicImport", "3.c.i");
                let resolve = promise_capability.resolve.clone();
                (resolve, Value::Object(module_source))
            }
        };
        let _ = call(agent, &settle, &Value::Undefined, &[value]);
        // d. Return unused.
        crate::step!("sec-ContinueDynamicImport", "3.d");
        return;
    }
    // 4. Let loadPromise be module.LoadRequestedModules().
    crate::step!("sec-ContinueDynamicImport", "4");
    let load_promise = load_requested_modules(agent, &module, Value::Undefined);
    // 5. Let rejectedClosure be a new Abstract Closure with parameters (reason) that
    //    captures promiseCapability and performs the following steps when called:
    crate::step!("sec-ContinueDynamicImport", "5");
    // 6. Let onRejected be CreateBuiltinFunction(rejectedClosure, 1, "", « »).
    crate::step!("sec-ContinueDynamicImport", "6");
    let on_rejected = builtin_closure(
        agent,
        dynamic_import_rejected,
        1.0,
        promise_capability.clone(),
    );
    // 7. Let linkAndEvaluateClosure be a new Abstract Closure with no parameters that
    //    captures module, promiseCapability, phase, and onRejected and performs the
    //    following steps when called:
    crate::step!("sec-ContinueDynamicImport", "7");
    // 8. Let linkAndEvaluate be CreateBuiltinFunction(linkAndEvaluateClosure, 0, "", « »).
    crate::step!("sec-ContinueDynamicImport", "8");
    let link_and_evaluate = builtin_closure(
        agent,
        link_and_evaluate_closure,
        0.0,
        LinkAndEvaluateCaptures {
            module: module.clone(),
            promise_capability: promise_capability.clone(),
            phase,
            on_rejected: on_rejected.clone(),
        },
    );
    // 9. Perform PerformPromiseThen(loadPromise, linkAndEvaluate, onRejected).
    crate::step!("sec-ContinueDynamicImport", "9");
    perform_promise_then(
        agent,
        &load_promise,
        Value::Object(link_and_evaluate),
        Value::Object(on_rejected),
        None,
    );
    // 10. Return unused.
    crate::step!("sec-ContinueDynamicImport", "10");
}

/// rejectedClosure (ContinueDynamicImport step 4).
fn dynamic_import_rejected(
    agent: &mut Agent,
    call_info: &BuiltinCall,
    promise_capability: &PromiseCapability,
) -> JsResult<Value> {
    // a. Perform ! Call(promiseCapability.[[Reject]], undefined, « reason »).
    crate::step!("sec-ContinueDynamicImport", "5.a");
    call(
        agent,
        &promise_capability.reject,
        &Value::Undefined,
        &[call_info.arg(0)],
    )?;
    // b. Return NormalCompletion(undefined).
    crate::step!("sec-ContinueDynamicImport", "5.b");
    Ok(Value::Undefined)
}

/// linkAndEvaluateClosure (ContinueDynamicImport step 6).
fn link_and_evaluate_closure(
    agent: &mut Agent,
    _call_info: &BuiltinCall,
    captures: &LinkAndEvaluateCaptures,
) -> JsResult<Value> {
    let module = &captures.module;
    let phase = captures.phase;
    // a. Let link be Completion(module.Link()).
    crate::step!("sec-ContinueDynamicImport", "7.a");
    let link_result = link(agent, module);
    // b. If link is an abrupt completion, then
    crate::step!("sec-ContinueDynamicImport", "7.b");
    if let Err(error) = link_result {
        // i. Perform ! Call(promiseCapability.[[Reject]], undefined, « link.[[Value]] »).
        crate::step!("sec-ContinueDynamicImport", "7.b.i");
        call(
            agent,
            &captures.promise_capability.reject,
            &Value::Undefined,
            &[error],
        )?;
        // ii. Return NormalCompletion(undefined).
        crate::step!("sec-ContinueDynamicImport", "7.b.ii");
        return Ok(Value::Undefined);
    }
    // c. Let fulfilledClosure be a new Abstract Closure with no parameters that captures
    //    module, phase, and promiseCapability and performs the following steps when
    //    called:
    crate::step!("sec-ContinueDynamicImport", "7.c");
    let fulfilled_captures = DynamicImportFulfilledCaptures {
        module: module.clone(),
        phase,
        promise_capability: captures.promise_capability.clone(),
    };
    let evaluate_promise = if phase == ImportPhase::Defer {
        // d. If phase is defer, then
        crate::step!("sec-ContinueDynamicImport", "7.d");
        // i. Let evaluationList be GatherAsynchronousTransitiveDependencies(module).
        crate::step!("sec-ContinueDynamicImport", "7.d.i");
        let evaluation_list = gather_asynchronous_transitive_dependencies(
            module,
            &mut crate::spec::module_lists::ModuleList::new(),
        );
        // ii. If evaluationList is empty, then
        crate::step!("sec-ContinueDynamicImport", "7.d.ii");
        if evaluation_list.is_empty() {
            // 1. Perform fulfilledClosure().
            crate::step!("sec-ContinueDynamicImport", "7.d.ii.1");
            fulfilled_closure_steps(agent, &fulfilled_captures)?;
            // 2. Return unused.
            crate::step!("sec-ContinueDynamicImport", "7.d.ii.2");
            return Ok(Value::Undefined);
        }
        // iii. Let asyncDepsEvaluationPromises be a new empty List.
        crate::step!("sec-ContinueDynamicImport", "7.d.iii");
        let mut async_deps_evaluation_promises = Vec::new();
        // iv. For each Module Record dep of evaluationList, append dep.Evaluate() to
        //     asyncDepsEvaluationPromises.
        crate::step!("sec-ContinueDynamicImport", "7.d.iv");
        for dep in &evaluation_list {
            async_deps_evaluation_promises.push(evaluate(agent, dep));
        }
        // v. Let evaluatePromise be SafePerformPromiseAll(asyncDepsEvaluationPromises).
        crate::step!("sec-ContinueDynamicImport", "7.d.v");
        safe_perform_promise_all(agent, &async_deps_evaluation_promises)
    } else {
        // e. Else,
        crate::step!("sec-ContinueDynamicImport", "7.e");
        // i. Assert: phase is evaluation.
        crate::spec_assert!(
            "sec-ContinueDynamicImport",
            "7.e.i",
            phase == ImportPhase::Evaluation
        );
        // ii. Let evaluatePromise be module.Evaluate().
        crate::step!("sec-ContinueDynamicImport", "7.e.ii");
        evaluate(agent, module)
    };
    // f. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 0, "", « »).
    crate::step!("sec-ContinueDynamicImport", "7.f");
    let on_fulfilled = builtin_closure(agent, dynamic_import_fulfilled, 0.0, fulfilled_captures);
    // g. Perform PerformPromiseThen(evaluatePromise, onFulfilled, onRejected).
    crate::step!("sec-ContinueDynamicImport", "7.g");
    perform_promise_then(
        agent,
        &evaluate_promise,
        Value::Object(on_fulfilled),
        Value::Object(captures.on_rejected.clone()),
        None,
    );
    // h. Return unused.
    crate::step!("sec-ContinueDynamicImport", "7.h");
    Ok(Value::Undefined)
}

/// fulfilledClosure (ContinueDynamicImport step 7.c), as a builtin function.
fn dynamic_import_fulfilled(
    agent: &mut Agent,
    _call_info: &BuiltinCall,
    captures: &DynamicImportFulfilledCaptures,
) -> JsResult<Value> {
    fulfilled_closure_steps(agent, captures)?;
    Ok(Value::Undefined)
}

/// The steps of fulfilledClosure (ContinueDynamicImport step 7.c), which step 7.d.ii.1
/// also performs directly.
fn fulfilled_closure_steps(
    agent: &mut Agent,
    captures: &DynamicImportFulfilledCaptures,
) -> JsResult<()> {
    // i. Let namespace be GetModuleNamespace(module, phase).
    crate::step!("sec-ContinueDynamicImport", "7.c.i");
    let namespace = get_module_namespace(agent, &captures.module, captures.phase);
    // ii. Perform ! Call(promiseCapability.[[Resolve]], undefined, « namespace »).
    crate::step!("sec-ContinueDynamicImport", "7.c.ii");
    call(
        agent,
        &captures.promise_capability.resolve,
        &Value::Undefined,
        &[Value::Object(namespace)],
    )?;
    // iii. Return NormalCompletion(undefined).
    crate::step!("sec-ContinueDynamicImport", "7.c.iii");
    Ok(())
}

/// SafePerformPromiseAll ( promises ) (import defer): a promise for all of `promises`
/// that, unlike Promise.all, calls no user code (no `then` lookup, no species). The loop
/// keeps the spec's own index variable (steps 5 and 6.c).
#[allow(clippy::explicit_counter_loop)]
pub fn safe_perform_promise_all(agent: &mut Agent, promises: &[Object]) -> Object {
    // 1. Let resultCapability be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-SafePerformPromiseAll", "1");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let result_capability =
        new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    // 2. If promises is empty, then
    crate::step!("sec-SafePerformPromiseAll", "2");
    if promises.is_empty() {
        // a. Perform ! Call(resultCapability.[[Resolve]], undefined,
        //    « CreateArrayFromList(« ») »).
        crate::step!("sec-SafePerformPromiseAll", "2.a");
        let empty = create_array_from_list(agent, Vec::new());
        let _ = call(
            agent,
            &result_capability.resolve,
            &Value::Undefined,
            &[Value::Object(empty)],
        );
        // b. Return resultCapability.[[Promise]].
        crate::step!("sec-SafePerformPromiseAll", "2.b");
        return result_capability.promise;
    }
    // 3. Let values be a new empty List.
    crate::step!("sec-SafePerformPromiseAll", "3");
    let values = new_shared_record(Vec::new());
    // 4. Let remainingElementsCount be the Record { [[Value]]: the number of elements in
    //    promises }.
    crate::step!("sec-SafePerformPromiseAll", "4");
    let remaining_elements = new_shared_record(promises.len() as f64);
    // 5. Let index be 0.
    crate::step!("sec-SafePerformPromiseAll", "5");
    let mut index = 0;
    // 6. For each element promise of promises, do
    crate::step!("sec-SafePerformPromiseAll", "6");
    for promise in promises {
        // a. Append undefined to values.
        crate::step!("sec-SafePerformPromiseAll", "6.a");
        values.borrow_mut().push(Value::Undefined);
        // b. Let onFulfilled be CreatePromiseAllResolveElement(index, values,
        //    resultCapability, remainingElementsCount).
        crate::step!("sec-SafePerformPromiseAll", "6.b");
        let on_fulfilled = create_promise_all_resolve_element(
            agent,
            index,
            &values,
            &result_capability,
            &remaining_elements,
        );
        // c. Set index to index + 1.
        crate::step!("sec-SafePerformPromiseAll", "6.c");
        index += 1;
        // d. Perform PerformPromiseThen(promise, onFulfilled, resultCapability.[[Reject]]).
        crate::step!("sec-SafePerformPromiseAll", "6.d");
        perform_promise_then(
            agent,
            promise,
            on_fulfilled,
            result_capability.reject.clone(),
            None,
        );
    }
    // 7. Return resultCapability.[[Promise]].
    crate::step!("sec-SafePerformPromiseAll", "7");
    result_capability.promise
}
