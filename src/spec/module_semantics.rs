//! 16.2.1 Module Semantics (sec-module-semantics): GraphLoadingState Records,
//! GetImportedModule (16.2.1.9), HostLoadImportedModule (16.2.1.10) and its default,
//! FinishLoadingImportedModule (16.2.1.11), AllImportAttributesSupported (16.2.1.12),
//! GetModuleNamespace (16.2.1.13).

use super::abstract_module_records::{Module, ModuleStatus};
use super::agents::Agent;
use super::completion_record::JsResult;
use super::module_namespace_exotic_objects::module_namespace_create;
use super::object_type::Object;
use super::promise_objects::PromiseCapability;
use super::realms::Realm;
use super::script_records::ScriptRecord;
use super::source_text_module_records::{get_exported_names, resolve_export, Resolution};
use super::value::Value;
use crate::syntax::ast::{ImportPhase, ModuleRequest};
use crate::syntax::static_semantics::module::module_requests_equal;
use boa_gc::{Finalize, Gc, GcRefCell, Trace};

/// The referrer of HostLoadImportedModule: a Script Record, a Cyclic Module Record or a
/// Realm Record.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub enum Referrer {
    Script(ScriptRecord),
    Module(Module),
    Realm(Realm),
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
    pub visited: Vec<Module>,
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
    crate::step!("sec-GetImportedModule", "2");
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

/// FinishLoadingImportedModule ( referrer, moduleRequest, payload, result ) (16.2.1.11).
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
    if let (Ok(module), Referrer::Module(referrer)) = (&result, referrer) {
        let mut data = referrer.data_mut();
        // a. If referrer.[[LoadedModules]] contains a LoadedModuleRequest Record record
        //    such that ModuleRequestsEqual(record, moduleRequest) is true, then
        crate::step!("sec-FinishLoadingImportedModule", "1.a");
        if let Some((_, existing)) = data
            .loaded_modules
            .iter()
            .find(|(r, _)| module_requests_equal(r, request))
        {
            // i. Assert: record.[[Module]] and result.[[Value]] are the same Module Record.
            crate::step!("sec-FinishLoadingImportedModule", "1.a.i");
            debug_assert!(existing == module);
        } else {
            // b. Else,
            crate::step!("sec-FinishLoadingImportedModule", "1.b");
            // i. Append the LoadedModuleRequest Record { [[Specifier]]:
            //    moduleRequest.[[Specifier]], [[Attributes]]: moduleRequest.[[Attributes]],
            //    [[Module]]: result.[[Value]] } to referrer.[[LoadedModules]].
            crate::step!("sec-FinishLoadingImportedModule", "1.b.i");
            data.loaded_modules.push((request.clone(), module.clone()));
        }
    }
    match payload {
        // 2. If payload is a GraphLoadingState Record, then
        LoadPayload::GraphLoadingState(state) => {
            crate::step!("sec-FinishLoadingImportedModule", "2");
            // a. Perform ContinueModuleLoading(payload, moduleRequest.[[Phase]], result).
            crate::step!("sec-FinishLoadingImportedModule", "2.a");
            super::cyclic_module_records::continue_module_loading(
                agent,
                &state,
                request.phase,
                result,
            );
        }
        // 3. Else,
        LoadPayload::PromiseCapability(capability) => {
            crate::step!("sec-FinishLoadingImportedModule", "3");
            // a. Perform ContinueDynamicImport(payload, moduleRequest.[[Phase]], result).
            crate::step!("sec-FinishLoadingImportedModule", "3.a");
            super::import_calls::continue_dynamic_import(agent, capability, request.phase, result);
        }
    }
    // 4. Return unused.
    crate::step!("sec-FinishLoadingImportedModule", "4");
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
    crate::step!("sec-getmodulenamespace", "1");
    debug_assert!(!matches!(
        module.status(),
        ModuleStatus::New | ModuleStatus::Unlinked
    ));
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
    let exported_names = get_exported_names(module, &mut Vec::new());
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
