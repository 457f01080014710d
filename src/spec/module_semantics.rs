//! 16.2.1 Module Semantics (sec-module-semantics): GraphLoadingState Records,
//! GetImportedModule (16.2.1.9), HostLoadImportedModule (16.2.1.10) and its default,
//! FinishLoadingImportedModule (16.2.1.11), AllImportAttributesSupported (16.2.1.12),
//! GetModuleNamespace (16.2.1.13).

use super::abstract_module_records::{Module, ModuleStatus};
use super::agents::Agent;
use super::builtin_function_objects::{builtin_closure, BuiltinCall};
use super::builtins::module_objects::{
    module_instance_hooks, module_of_instance, ModuleInstanceHooks,
};
use super::completion_record::JsResult;
use super::evaluators::Evaluators;
use super::module_lists::ModuleList;
use super::module_namespace_exotic_objects::module_namespace_create;
use super::object_type::Object;
use super::operations_on_objects::{call, create_data_property_or_throw};
use super::ordinary_object_internal_methods::ordinary_object_create;
use super::promise_objects::PromiseCapability;
use super::promise_objects::{perform_promise_then, promise_resolve};
use super::realms::Intrinsic;
use super::realms::Realm;
use super::script_records::ScriptRecord;
use super::source_text_module_records::{get_exported_names, resolve_export, Resolution};
use super::string_type::JsString;
use super::value::Value;
use crate::syntax::ast::{ImportPhase, ModuleRequest};
use crate::syntax::static_semantics::module::module_requests_equal;
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};

/// The referrer of HostLoadImportedModule: a Script Record, a Cyclic Module Record or a
/// Realm Record; and, for LoadImportedModule (Compartments layer 3, C3.3), an Evaluators
/// Record whose [[ImportHook]] serves dynamic import in script contexts.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum Referrer {
    Script(ScriptRecord),
    Module(Module),
    Realm(Realm),
    Evaluators(Evaluators),
}

impl Referrer {
    /// The module referrer.[[LoadedModules]] holds for `request`, if any (LoadImportedModule
    /// step 1). Script and Realm referrers keep none here (the hosts memoise their loads).
    fn loaded_module(&self, request: &ModuleRequest) -> Option<Module> {
        let find = |loaded: &[(ModuleRequest, Module)]| {
            loaded
                .iter()
                .find(|(r, _)| module_requests_equal(r, request))
                .map(|(_, m)| m.clone())
        };
        match self {
            Referrer::Module(module) => find(&module.data().loaded_modules),
            Referrer::Evaluators(evaluators) => find(&evaluators.0.loads.borrow().loaded),
            _ => None,
        }
    }

    /// Adds `state` to the referrer.[[LoadingModules]] record of `request` when there is
    /// one (step 2, returning true), else appends a record for it (step 3).
    fn join_or_start_loading(&self, request: &ModuleRequest, state: LoadPayload) -> bool {
        let join = |loading: &mut Vec<(ModuleRequest, Vec<(LoadPayload, ImportPhase)>)>| {
            if let Some((_, states)) = loading
                .iter_mut()
                .find(|(r, _)| module_requests_equal(r, request))
            {
                // a. Add state to loading.[[LoadStates]].
                crate::step!("sec-LoadImportedModule", "2.a");
                states.push((state, request.phase));
                // b. Return unused.
                crate::step!("sec-LoadImportedModule", "2.b");
                return true;
            }
            // 3. Append the Record { [[Specifier]]: specifier, [[LoadStates]]: « state » }
            //    to referrer.[[LoadingModules]].
            crate::step!("sec-LoadImportedModule", "3");
            loading.push((request.clone(), vec![(state, request.phase)]));
            false
        };
        match self {
            Referrer::Module(module) => join(&mut module.data_mut().loading_modules),
            Referrer::Evaluators(evaluators) => join(&mut evaluators.0.loads.borrow_mut().loading),
            _ => false,
        }
    }

    /// FinishLoadingImportedModule step 1.b.i: records `module` as loaded for `request`
    /// (step 1.a: a record that is already there is the same module); true when there
    /// was one.
    fn record_loaded(&self, request: &ModuleRequest, module: &Module) -> bool {
        let record = |loaded: &mut Vec<(ModuleRequest, Module)>| {
            // a. If referrer.[[LoadedModules]] contains a LoadedModuleRequest Record
            //    record such that ModuleRequestsEqual(record, moduleRequest) is true, then
            crate::step!("sec-FinishLoadingImportedModule", "1.a");
            if let Some((_, existing)) = loaded
                .iter()
                .find(|(r, _)| module_requests_equal(r, request))
            {
                // i. Assert: record.[[Module]] and result.[[Value]] are the same Module
                //    Record.
                crate::spec_assert!(
                    "sec-FinishLoadingImportedModule",
                    "1.a.i",
                    existing == module
                );
                true
            } else {
                // b. Else,
                crate::step!("sec-FinishLoadingImportedModule", "1.b");
                // i. Append the LoadedModuleRequest Record { [[Specifier]]:
                //    moduleRequest.[[Specifier]], [[Attributes]]:
                //    moduleRequest.[[Attributes]], [[Module]]: result.[[Value]] } to
                //    referrer.[[LoadedModules]].
                crate::step!("sec-FinishLoadingImportedModule", "1.b.i");
                loaded.push((request.clone(), module.clone()));
                false
            }
        };
        match self {
            Referrer::Module(referrer) => record(&mut referrer.data_mut().loaded_modules),
            Referrer::Evaluators(evaluators) => record(&mut evaluators.0.loads.borrow_mut().loaded),
            _ => false,
        }
    }

    /// FinishLoadingImportedModule steps 2-4: removes the referrer.[[LoadingModules]]
    /// record of `request` and gives its load states.
    fn take_loading(&self, request: &ModuleRequest) -> Option<Vec<(LoadPayload, ImportPhase)>> {
        let take = |loading: &mut Vec<(ModuleRequest, Vec<(LoadPayload, ImportPhase)>)>| {
            let index = loading
                .iter()
                .position(|(r, _)| module_requests_equal(r, request));
            index.map(|i| loading.remove(i).1)
        };
        match self {
            Referrer::Module(m) => take(&mut m.data_mut().loading_modules),
            Referrer::Evaluators(evaluators) => take(&mut evaluators.0.loads.borrow_mut().loading),
            _ => None,
        }
    }

    /// The first load state referrer.[[LoadingModules]] has for `request` (the closures of
    /// LoadImportedModule capture referrer and specifier only; FinishLoadingImportedModule
    /// continues every state of that record).
    fn first_waiting_payload(&self, request: &ModuleRequest) -> Option<LoadPayload> {
        let first = |loading: &[(ModuleRequest, Vec<(LoadPayload, ImportPhase)>)]| {
            loading
                .iter()
                .find(|(r, _)| module_requests_equal(r, request))
                .and_then(|(_, states)| states.first().map(|(state, _)| state.clone()))
        };
        match self {
            Referrer::Module(m) => first(&m.data().loading_modules),
            Referrer::Evaluators(evaluators) => first(&evaluators.0.loads.borrow().loading),
            _ => None,
        }
    }

    /// LoadImportedModule step 4's test and step 5's callee, this and extra argument: the
    /// import hook that serves the referrer, or `None` when the host loads for it.
    /// A Source Text (or other Cyclic) Module Record's is its Module instance's
    /// [[ImportHook]], called with the instance's [[HandlerValue]] and, when the instance
    /// has an [[ImportMeta]] object (layer 3), that object as a second argument; an
    /// Evaluators Record's is its [[ImportHook]], called with this undefined and its
    /// [[ImportMeta]] (layer 3: "The import hook will receive the given specifier and the
    /// [[Context]].[[Evaluators]].[[ImportMeta]]").
    fn import_hook(&self) -> Option<(Value, Value, Option<Value>)> {
        match self {
            Referrer::Module(module) => {
                let instance = module.data().module_instance.clone().map(Value::Object)?;
                let slots = module_instance_hooks(&instance)?;
                if !module.is_cyclic() || slots.import_hook.is_undefined() {
                    return None;
                }
                let import_meta = Some(slots.import_meta).filter(Value::is_object);
                Some((slots.import_hook, slots.handler, import_meta))
            }
            Referrer::Evaluators(evaluators) => {
                let hook = evaluators.import_hook();
                if hook.is_undefined() {
                    return None;
                }
                Some((hook, Value::Undefined, Some(evaluators.import_meta())))
            }
            _ => None,
        }
    }

    /// The referrer a hook's load continues with as a Module Record referrer, if it is
    /// one (for the TypeError message's name).
    fn name(&self) -> String {
        super::event_log::referrer_name(self)
    }
}

/// A GraphLoadingState Record (Table 46).
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct GraphLoadingState {
    /// [[PromiseCapability]].
    pub promise_capability: PromiseCapability,
    /// [[IsLoading]].
    pub is_loading: bool,
    /// [[PendingModulesCount]].
    pub pending_modules_count: usize,
    /// [[Visited]].
    pub visited: ModuleList,
    /// [[HostDefined]].
    pub host_defined: Value,
}

/// A shared handle to a GraphLoadingState Record (the host keeps it until it finishes
/// loading).
pub type GraphLoadingStateHandle = Gc<GcRefCell<GraphLoadingState>>;

/// The payload of HostLoadImportedModule: a GraphLoadingState Record or a PromiseCapability
/// Record (a dynamic `import()`).
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum LoadPayload {
    GraphLoadingState(GraphLoadingStateHandle),
    PromiseCapability(PromiseCapability),
}

/// What an embedder gives the default HostLoadImportedModule: given the referrer and the
/// request, the module (parsed with ParseModule, and the same Module Record each time the
/// same module is asked for) or an exception.
pub trait ModuleLoader {
    fn load(
        &self,
        agent: &mut Agent,
        referrer: &Referrer,
        request: &ModuleRequest,
    ) -> JsResult<Module>;

    /// The full specifier a start compartment (Compartments layer 4) resolves
    /// `import_specifier` to, imported by the module whose full specifier is `referrer`
    /// (`None`: no referrer). The default: a specifier starting with `./` or `../` is
    /// joined to the referrer's directory (`/`-separated, `.` and `..` folded); any other is
    /// already full.
    fn resolve(&self, import_specifier: &str, referrer: Option<&str>) -> String {
        default_resolve(import_specifier, referrer)
    }
}

/// [`ModuleLoader::resolve`]'s default.
pub fn default_resolve(import_specifier: &str, referrer: Option<&str>) -> String {
    let relative = import_specifier.starts_with("./") || import_specifier.starts_with("../");
    let Some(referrer) = referrer.filter(|_| relative) else {
        return import_specifier.to_string();
    };
    let mut parts: Vec<&str> = referrer.split('/').collect();
    parts.pop();
    for part in import_specifier.split('/') {
        match part {
            "." => {}
            ".." => {
                if parts.last().is_some_and(|p| !p.is_empty() && *p != "..") {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// GetImportedModule ( referrer, request ) (16.2.1.9).
pub fn get_imported_module(referrer: &Module, request: &ModuleRequest) -> Module {
    // 1. Let records be a List consisting of each LoadedModuleRequest Record r of
    //    referrer.[[LoadedModules]] such that ModuleRequestsEqual(r, request) is true.
    crate::step!("sec-GetImportedModule", "1");
    let data = referrer.data();
    let records: Vec<&Module> = data
        .loaded_modules
        .iter()
        .filter(|(r, _)| module_requests_equal(r, request))
        .map(|(_, m)| m)
        .collect();
    // 2. Assert: records has exactly one element, since LoadRequestedModules has completed
    //    successfully on referrer prior to invoking this abstract operation.
    crate::spec_assert!("sec-GetImportedModule", "2", records.len() == 1);
    // 3. Let record be the sole element of records.
    crate::step!("sec-GetImportedModule", "3");
    // 4. Return record.[[Module]].
    crate::step!("sec-GetImportedModule", "4");
    records
        .first()
        .map(|m| (*m).clone())
        .expect("GetImportedModule after LoadRequestedModules succeeded")
}

/// The default HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload )
/// (16.2.1.10): asks the agent's [`ModuleLoader`], when the host installed one, and
/// finishes synchronously; with no loader the load fails with a TypeError.
pub fn default_load_imported_module(
    agent: &mut Agent,
    referrer: Referrer,
    request: &ModuleRequest,
    _host_defined: Value,
    payload: LoadPayload,
) {
    let result = match agent.module_loader.clone() {
        Some(loader) => loader.load(agent, &referrer, request),
        None => Err(agent.type_error(&format!(
            "cannot import '{}': this host has no module loader",
            String::from_utf16_lossy(&request.specifier)
        ))),
    };
    finish_loading_imported_module(agent, &referrer, request, payload, result);
}

/// HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload ) (16.2.1.10),
/// through the host hook.
pub fn host_load_imported_module(
    agent: &mut Agent,
    referrer: Referrer,
    request: &ModuleRequest,
    host_defined: Value,
    payload: LoadPayload,
) {
    super::event_log::load_requested(agent, &referrer, request);
    let hook = agent.host.load_imported_module;
    hook(agent, referrer, request, host_defined, payload)
}

/// What LoadImportedModule's fulfilledClosure and rejectedClosure capture: referrer and
/// specifier (the ModuleRequest Record).
#[derive(Finalize)]
pub struct ImportHookCaptures {
    referrer: Referrer,
    request: ModuleRequest,
}

// SAFETY: the referrer is traced; a ModuleRequest Record holds strings and a phase, no Gc
// pointers.
unsafe impl Trace for ImportHookCaptures {
    custom_trace!(this, mark, {
        mark(&this.referrer);
    });
}

/// LoadImportedModule ( referrer, moduleRequest, hostDefined, payload ) (Compartments layer
/// 0, sec-LoadImportedModule): memoises loads per referrer and specifier, and calls the
/// referrer's Module instance's importHook when it has one; otherwise
/// HostLoadImportedModule. The proposal's `specifier` is ES2025's ModuleRequest Record
/// (matched with ModuleRequestsEqual), and each waiting state keeps its request's phase.
pub fn load_imported_module(
    agent: &mut Agent,
    referrer: Referrer,
    request: &ModuleRequest,
    host_defined: Value,
    payload: LoadPayload,
) {
    // Script and Realm referrers keep no [[LoadedModules]] or [[LoadingModules]] here: the
    // hosts memoise their loads, and only Module instances and Evaluators have hooks (SPEC
    // ISSUE, docs/spec-issues.md).
    if matches!(referrer, Referrer::Script(_) | Referrer::Realm(_)) {
        host_load_imported_module(agent, referrer, request, host_defined, payload);
        return;
    }
    // 1. If referrer.[[LoadedModules]] contains a Record loaded whose [[Specifier]] is
    //    specifier, then
    crate::step!("sec-LoadImportedModule", "1");
    if let Some(loaded) = referrer.loaded_module(request) {
        // a. Let module be loaded.[[Module]].
        crate::step!("sec-LoadImportedModule", "1.a");
        // b. Perform FinishLoadingImportedModule(referrer, specifier,
        //    NormalCompletion(module)).
        crate::step!("sec-LoadImportedModule", "1.b");
        finish_loading_imported_module(agent, &referrer, request, payload, Ok(loaded));
        // c. Return unused.
        crate::step!("sec-LoadImportedModule", "1.c");
        return;
    }
    // 2. If referrer.[[LoadingModules]] contains a Record loading whose [[Specifier]] is
    //    specifier, then (steps 2.a-b, and step 3 otherwise, in join_or_start_loading)
    crate::step!("sec-LoadImportedModule", "2");
    if referrer.join_or_start_loading(request, payload.clone()) {
        return;
    }
    // (SPEC ISSUE, docs/spec-issues.md "Compartments layer 4") The proposal's hooks — a
    // compartment's loads, an Evaluators' or a Module instance's importHook — take a
    // specifier only, so they cannot honour a `type` import attribute: the request fails
    // instead of loading whatever the hook gives (ECMA-262 requires a JSON module or an
    // error for `type: "json"`, and a file asked for as data must not run as code).
    let compartment_module =
        matches!(&referrer, Referrer::Module(m) if m.data().compartment.is_some());
    if compartment_module || referrer.import_hook().is_some() {
        if let Some((_, kind)) = request
            .attributes
            .iter()
            .find(|(key, _)| String::from_utf16_lossy(key) == "type")
        {
            let error = agent.type_error(&format!(
                "cannot import '{}' with type '{}' from {}: the Compartments hooks and \
                 compartment loads take no import attributes",
                String::from_utf16_lossy(&request.specifier),
                String::from_utf16_lossy(kind),
                referrer.name()
            ));
            finish_loading_imported_module(agent, &referrer, request, payload, Err(error));
            return;
        }
    }
    // Layer 4: a module a compartment instantiated has the compartment's import hook,
    // served natively (C4.4) so that the whole load can finish synchronously.
    if let Referrer::Module(module) = &referrer {
        let link = module.data().compartment.clone();
        if let Some(link) = link {
            crate::spec::compartments::compartment_records::compartment_load_imported_module(
                agent,
                module,
                &link.compartment,
                &link.specifier,
                request,
                payload,
            );
            return;
        }
    }
    // 4. If referrer is not a Source Text Module Record, referrer.[[ModuleInstance]] is
    //    undefined, or referrer.[[ModuleInstance]].[[ImportHook]] is undefined, then
    //    (layer 3: for an Evaluators Record, if referrer.[[ImportHook]] is undefined)
    crate::step!("sec-LoadImportedModule", "4");
    let Some((import_hook, handler, import_meta)) = referrer.import_hook() else {
        // a. Perform HostLoadImportedModule(referrer, specifier, hostDefined).
        crate::step!("sec-LoadImportedModule", "4.a");
        host_load_imported_module(agent, referrer, request, host_defined, payload);
        // b. Return unused.
        crate::step!("sec-LoadImportedModule", "4.b");
        return;
    };
    // 5. Let importHookResult be Completion(Call(referrer.[[ModuleInstance]].[[ImportHook]],
    //    referrer.[[ModuleInstance]].[[HandlerValue]], « specifier »)). (Layer 3: the
    //    importMeta, when there is one, is a second argument; an Evaluators Record's hook
    //    is called with this undefined.)
    crate::step!("sec-LoadImportedModule", "5");
    let mut arguments = vec![Value::String(JsString::from_units(&request.specifier))];
    arguments.extend(import_meta);
    let import_hook_result = call(agent, &import_hook, &handler, &arguments);
    super::event_log::hook_called(
        agent,
        "importHook",
        &referrer,
        &handler,
        &arguments,
        &import_hook_result,
    );
    // 6. If importHookResult is an abrupt completion, then
    crate::step!("sec-LoadImportedModule", "6");
    let import_hook_result = match import_hook_result {
        Ok(value) => value,
        Err(error) => {
            // a. Perform FinishLoadingImportedModule(referrer, specifier, importHookResult).
            crate::step!("sec-LoadImportedModule", "6.a");
            finish_loading_imported_module(agent, &referrer, request, payload, Err(error));
            // b. Return unused.
            crate::step!("sec-LoadImportedModule", "6.b");
            return;
        }
    };
    // 7. Let importHookPromise be Completion(PromiseResolve(%Promise%,
    //    importHookResult.[[Value]])).
    crate::step!("sec-LoadImportedModule", "7");
    let promise_constructor = agent.intrinsic(Intrinsic::Promise);
    let import_hook_promise = promise_resolve(agent, &promise_constructor, import_hook_result);
    // 8. If importHookPromise is an abrupt completion, then
    crate::step!("sec-LoadImportedModule", "8");
    let import_hook_promise = match import_hook_promise {
        Ok(promise) => promise,
        Err(error) => {
            // a. Perform FinishLoadingImportedModule(referrer, specifier, importHookPromise).
            crate::step!("sec-LoadImportedModule", "8.a");
            finish_loading_imported_module(agent, &referrer, request, payload, Err(error));
            // b. Return unused.
            crate::step!("sec-LoadImportedModule", "8.b");
            return;
        }
    };
    // 9. Let fulfilledClosure be a new Abstract Closure with parameters (result) that
    //    captures referrer and specifier, and performs the following steps when called:
    crate::step!("sec-LoadImportedModule", "9");
    let captures = || ImportHookCaptures {
        referrer: referrer.clone(),
        request: request.clone(),
    };
    // 10. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 0, "", « »).
    crate::step!("sec-LoadImportedModule", "10");
    let on_fulfilled = builtin_closure(agent, import_hook_fulfilled, 0.0, captures());
    // 11. Let rejectedClosure be a new Abstract Closure with parameters (error) that
    //     captures referrer and specifier, and performs the following steps when called:
    crate::step!("sec-LoadImportedModule", "11");
    // 12. Let onRejected be CreateBuiltinFunction(rejectedClosure, 1, "", « »).
    crate::step!("sec-LoadImportedModule", "12");
    let on_rejected = builtin_closure(agent, import_hook_rejected, 1.0, captures());
    // 13. Perform PerformPromiseThen(importHookPromise.[[Value]], onFulfilled, onRejected).
    crate::step!("sec-LoadImportedModule", "13");
    perform_promise_then(
        agent,
        &import_hook_promise,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
    // 14. Return unused.
    crate::step!("sec-LoadImportedModule", "14");
}

/// LoadImportedModule's fulfilledClosure (steps 9.a-9.e).
fn import_hook_fulfilled(
    agent: &mut Agent,
    call: &BuiltinCall,
    captures: &ImportHookCaptures,
) -> JsResult<Value> {
    let (referrer, request) = (&captures.referrer, &captures.request);
    let result = call.arg(0);
    // a. Let completion be null.
    crate::step!("sec-LoadImportedModule", "9.a");
    // b. If Type(result) is Object and result has a [[ImportHook]] internal slot, then
    //    (SPEC ISSUE: every Module instance has all five slots, so this is the [[Module]]
    //    test the ImportCall step makes too, docs/spec-issues.md)
    crate::step!("sec-LoadImportedModule", "9.b");
    let completion = match module_of_instance(&result) {
        // i. Set completion to NormalCompletion(result.[[Module]]).
        Some(module) => {
            crate::step!("sec-LoadImportedModule", "9.b.i");
            Ok(module)
        }
        // c. Else,
        None => {
            crate::step!("sec-LoadImportedModule", "9.c");
            // i. Set completion to ThrowCompletion(a newly created TypeError object).
            crate::step!("sec-LoadImportedModule", "9.c.i");
            Err(agent.type_error(&format!(
                "the importHook of {} resolved '{}' to {}, which is not a Module",
                referrer.name(),
                String::from_utf16_lossy(&request.specifier),
                super::event_log::brief(&result)
            )))
        }
    };
    // d. Perform FinishLoadingImportedModule(referrer, specifier, completion).
    crate::step!("sec-LoadImportedModule", "9.d");
    let payload = referrer.first_waiting_payload(request);
    if let Some(payload) = payload {
        finish_loading_imported_module(agent, referrer, request, payload, completion);
    }
    // e. Return unused.
    crate::step!("sec-LoadImportedModule", "9.e");
    Ok(Value::Undefined)
}

/// LoadImportedModule's rejectedClosure (steps 11.a-11.b).
fn import_hook_rejected(
    agent: &mut Agent,
    call: &BuiltinCall,
    captures: &ImportHookCaptures,
) -> JsResult<Value> {
    let (referrer, request) = (&captures.referrer, &captures.request);
    // a. Perform FinishLoadingImportedModule(referrer, specifier, ThrowCompletion(error)).
    crate::step!("sec-LoadImportedModule", "11.a");
    let payload = referrer.first_waiting_payload(request);
    if let Some(payload) = payload {
        finish_loading_imported_module(agent, referrer, request, payload, Err(call.arg(0)));
    }
    // b. Return unused.
    crate::step!("sec-LoadImportedModule", "11.b");
    Ok(Value::Undefined)
}

/// FinishLoadingImportedModule ( referrer, moduleRequest, payload, result ) (16.2.1.11), as
/// Compartments layer 0 changes it: every load state waiting in [[LoadingModules]] for the
/// request continues with the result.
pub fn finish_loading_imported_module(
    agent: &mut Agent,
    referrer: &Referrer,
    request: &ModuleRequest,
    payload: LoadPayload,
    result: JsResult<Module>,
) {
    super::event_log::load_finished(agent, referrer, request, &result);
    // 1. If result is a normal completion, then
    crate::step!("sec-FinishLoadingImportedModule", "1");
    let already_loaded = match &result {
        Ok(module) => referrer.record_loaded(request, module),
        Err(_) => false,
    };
    // 2. Let loading be the Record in referrer.[[LoadingModules]] whose [[Specifier]] is
    //    moduleRequest.[[Specifier]]. (A record of a request such that
    //    ModuleRequestsEqual(record, moduleRequest) is true, as step 1.a matches.)
    crate::step!("sec-FinishLoadingImportedModule", "2");
    let loading = referrer.take_loading(request);
    // 3. Assert: loading exists and is unique.
    // SPEC ISSUE: LoadImportedModule step 1.b finishes a load it never added to
    // [[LoadingModules]], and Script and Realm referrers keep no [[LoadingModules]] here;
    // then the one waiting state is the payload itself (docs/spec-issues.md). The Assert
    // is checked for the other loads.
    crate::spec_assert!(
        "sec-FinishLoadingImportedModule",
        "3",
        loading.is_some()
            || already_loaded
            || matches!(referrer, Referrer::Script(_) | Referrer::Realm(_))
    );
    // 4. Remove loading from referrer.[[LoadingModules]].
    crate::step!("sec-FinishLoadingImportedModule", "4");
    let states = loading.unwrap_or_else(|| vec![(payload, request.phase)]);
    // 5. For each Record state in loading.[[LoadStates]], do
    crate::step!("sec-FinishLoadingImportedModule", "5");
    for (state, phase) in states {
        match state {
            // a. If state is a GraphLoadingState Record, then
            LoadPayload::GraphLoadingState(state) => {
                crate::step!("sec-FinishLoadingImportedModule", "5.a");
                // i. Perform ContinueModuleLoading(state, moduleRequest.[[Phase]], result).
                //    (The phase of the request that state waits for: requests that differ
                //    only in [[Phase]] share one [[LoadingModules]] record.)
                crate::step!("sec-FinishLoadingImportedModule", "5.a.i");
                super::cyclic_module_records::continue_module_loading(
                    agent,
                    &state,
                    phase,
                    result.clone(),
                );
            }
            // b. Else,
            LoadPayload::PromiseCapability(capability) => {
                crate::step!("sec-FinishLoadingImportedModule", "5.b");
                // i. Perform ContinueDynamicImport(state, moduleRequest.[[Phase]], result).
                //    (The phase of the request that state waits for, as in 5.a.i.)
                crate::step!("sec-FinishLoadingImportedModule", "5.b.i");
                super::import_calls::continue_dynamic_import(
                    agent,
                    capability,
                    phase,
                    result.clone(),
                );
            }
        }
    }
    // 6. Return unused.
    crate::step!("sec-FinishLoadingImportedModule", "6");
}

/// AllImportAttributesSupported ( attrs ) (16.2.1.12), with HostGetSupportedImportAttributes
/// answering « "type" ».
pub fn all_import_attributes_supported(request: &ModuleRequest) -> bool {
    // 1. Let supported be HostGetSupportedImportAttributes().
    crate::step!("sec-AllImportAttributesSupported", "1");
    // 2. For each ImportAttribute Record attribute of attrs, do
    crate::step!("sec-AllImportAttributesSupported", "2");
    for (key, _) in &request.attributes {
        // a. If supported does not contain attribute.[[Key]], return false.
        crate::step!("sec-AllImportAttributesSupported", "2.a");
        if String::from_utf16_lossy(key) != "type" {
            return false;
        }
    }
    // 3. Return true.
    crate::step!("sec-AllImportAttributesSupported", "3");
    true
}

/// GetModuleNamespace ( module, phase ) (16.2.1.13, with import defer's phase).
pub fn get_module_namespace(agent: &mut Agent, module: &Module, phase: ImportPhase) -> Object {
    // 1. Assert: If module is a Cyclic Module Record, then module.[[Status]] is not new or
    //    unlinked.
    crate::spec_assert!(
        "sec-getmodulenamespace",
        "1",
        !module.is_cyclic()
            || !matches!(module.status(), ModuleStatus::New | ModuleStatus::Unlinked)
    );
    // 2. If phase is defer, let namespace be module.[[DeferredNamespace]], otherwise let
    //    namespace be module.[[Namespace]].
    crate::step!("sec-getmodulenamespace", "2");
    let namespace = if phase == ImportPhase::Defer {
        module.data().deferred_namespace.clone()
    } else {
        module.data().namespace.clone()
    };
    // 3. If namespace is empty, then
    crate::step!("sec-getmodulenamespace", "3");
    if let Some(namespace) = namespace {
        // 4. Return namespace.
        crate::step!("sec-getmodulenamespace", "4");
        return namespace;
    }
    // a. Let exportedNames be module.GetExportedNames().
    crate::step!("sec-getmodulenamespace", "3.a");
    let exported_names = get_exported_names(module, &mut ModuleList::new());
    // b. Let unambiguousNames be a new empty List.
    crate::step!("sec-getmodulenamespace", "3.b");
    let mut unambiguous_names = Vec::new();
    // c. For each element name of exportedNames, do
    crate::step!("sec-getmodulenamespace", "3.c");
    for name in exported_names {
        // i. Let resolution be module.ResolveExport(name).
        crate::step!("sec-getmodulenamespace", "3.c.i");
        let resolution = resolve_export(module, &name, &mut Vec::new());
        // ii. If resolution is a ResolvedBinding Record, append name to unambiguousNames.
        crate::step!("sec-getmodulenamespace", "3.c.ii");
        if let Resolution::Resolved { .. } = resolution {
            unambiguous_names.push(name);
        }
    }
    // d. Set namespace to ModuleNamespaceCreate(module, unambiguousNames, phase).
    crate::step!("sec-getmodulenamespace", "3.d");
    module_namespace_create(agent, module, unambiguous_names, phase)
}

/// Call(importMetaHook, handler, « importMeta ») for `module`'s Module instance, logged.
fn call_import_meta_hook(
    agent: &mut Agent,
    module: &Module,
    hooks: &ModuleInstanceHooks,
    import_meta: &Object,
) -> JsResult<()> {
    let argument = Value::Object(import_meta.clone());
    let result = call(
        agent,
        &hooks.import_meta_hook,
        &hooks.handler,
        std::slice::from_ref(&argument),
    );
    crate::spec::event_log::hook_called(
        agent,
        "importMetaHook",
        &Referrer::Module(module.clone()),
        &hooks.handler,
        &[argument],
        &result,
    );
    result.map(|_| ())
}

/// ImportMeta evaluation steps 3-5 for `module`: its import.meta object, made (through
/// its Module instance's importMetaHook or the host) on first use. A virtual module's
/// `execute` receives the same object as `importMeta` (layer 2).
pub fn module_import_meta(agent: &mut Agent, module: &Module) -> JsResult<Object> {
    let module = module.clone();
    // 3. Let importMeta be module.[[ImportMeta]].
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "3");
    let import_meta = module.data().import_meta.clone();
    // 4. If importMeta is empty, then
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4");
    if let Some(import_meta) = import_meta {
        // 5. Else,
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "5");
        // a. Assert: Type(importMeta) is Object.
        crate::spec_assert!(
            "sec-meta-properties-runtime-semantics-evaluation",
            "5.a",
            by: "module.[[ImportMeta]] holds an Object (ModuleData::import_meta's Rust type)"
        );
        // b. Return importMeta.
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "5.b");
        return Ok(import_meta);
    }
    let instance = module.data().module_instance.clone().map(Value::Object);
    let hooks = instance.as_ref().and_then(module_instance_hooks);
    // (Without the compartments feature there is no layer 3 and no Module instance:
    // ECMA-262's steps alone.)
    let given = if agent.features.compartments() {
        // Layer 3 (C3.4) 1. Before step 4.a: if module.[[ModuleInstance]] is not undefined
        //    and module.[[ModuleInstance]].[[ImportMeta]] is an Object, then
        crate::step!("compartments-import-meta-evaluators", "1");
        hooks
            .as_ref()
            .and_then(|hooks| hooks.import_meta.as_object().cloned())
    } else {
        None
    };
    let import_meta = if let Some(import_meta) = given {
        // a. Set importMeta to module.[[ModuleInstance]].[[ImportMeta]]: the Evaluators'
        //    importMeta object is the module's import.meta; the host adds no properties.
        crate::step!("compartments-import-meta-evaluators", "1.a");
        // b. Continue at step 4.d. (An [[ImportMeta]] is only adopted by a Module without
        //    an importMetaHook, C3.3 step 3.)
        crate::step!("compartments-import-meta-evaluators", "1.b");
        import_meta
    } else {
        // a. Set importMeta to OrdinaryObjectCreate(null).
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.a");
        let import_meta = ordinary_object_create(None);
        // b. If module.[[ModuleInstance]] is undefined or
        //    module.[[ModuleInstance]].[[ImportMetaHook]] is undefined, then
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.b");
        match hooks.filter(|hooks| !hooks.import_meta_hook.is_undefined()) {
            None => {
                // i. Let importMetaValues be HostGetImportMetaProperties(module).
                crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.b.i");
                let host_hook = agent.host.get_import_meta_properties;
                let import_meta_values = host_hook(agent, &module);
                // ii. For each Record { [[Key]], [[Value]] } p of importMetaValues, do
                crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.b.ii");
                for (key, value) in import_meta_values {
                    // 1. Perform ! CreateDataPropertyOrThrow(importMeta, p.[[Key]],
                    //    p.[[Value]]).
                    crate::step!(
                        "sec-meta-properties-runtime-semantics-evaluation",
                        "4.b.ii.1"
                    );
                    create_data_property_or_throw(agent, &import_meta, &key, value)?;
                }
                // iii. Perform HostFinalizeImportMeta(importMeta, module).
                crate::step!(
                    "sec-meta-properties-runtime-semantics-evaluation",
                    "4.b.iii"
                );
                let host_hook = agent.host.finalize_import_meta;
                host_hook(agent, &import_meta, &module);
            }
            Some(hooks) => {
                // c. Else,
                crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.c");
                // i. Let importMetaHook be module.[[ModuleInstance]].[[ImportMetaHook]].
                crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.c.i");
                // ii. Let handler be module.[[ModuleInstance]].[[HandlerValue]].
                crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.c.ii");
                // iii. Perform ? Call(importMetaHook, handler, « importMeta »).
                crate::step!(
                    "sec-meta-properties-runtime-semantics-evaluation",
                    "4.c.iii"
                );
                call_import_meta_hook(agent, &module, &hooks, &import_meta)?;
            }
        }
        import_meta
    };
    // d. Set module.[[ImportMeta]] to importMeta.
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.d");
    module.data_mut().import_meta = Some(import_meta.clone());
    // e. Return importMeta.
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.e");
    Ok(import_meta)
}
