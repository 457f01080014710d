//! 16.2.1.5 Abstract Module Records (sec-abstract-module-records): the Module Record
//! handle. One record type carries the fields of Module Records (Table 43) and Cyclic
//! Module Records (Table 45); [`ModuleKind`] says which concrete subclass a record is and
//! holds that subclass's own fields: a Source Text Module Record (Table 47) or a Synthetic
//! Module Record (16.2.1.8). The algorithms are in `cyclic_module_records.rs`,
//! `source_text_module_records.rs`, `synthetic_module_records.rs` and `module_semantics.rs`.

use super::environment_records::Env;
use super::evaluators::Evaluators;
use super::execution_contexts::ExecutionContext;
use super::module_semantics::LoadPayload;
use super::object_type::Object;
use super::promise_objects::PromiseCapability;
use super::realms::Realm;
use super::source_positions::SourceText;
use super::string_type::JsString;
use super::value::Value;
use crate::syntax::ast::{ImportPhase, ModuleInfo, ModuleRequest};
use crate::syntax::Program;
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};
use std::sync::Arc;

/// [[Status]] of a Cyclic Module Record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleStatus {
    New,
    Unlinked,
    Linking,
    Linked,
    Evaluating,
    EvaluatingAsync,
    Evaluated,
}

impl ModuleStatus {
    /// The spec's name of the status (`evaluating-async`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ModuleStatus::New => "new",
            ModuleStatus::Unlinked => "unlinked",
            ModuleStatus::Linking => "linking",
            ModuleStatus::Linked => "linked",
            ModuleStatus::Evaluating => "evaluating",
            ModuleStatus::EvaluatingAsync => "evaluating-async",
            ModuleStatus::Evaluated => "evaluated",
        }
    }
}

/// [[AsyncEvaluationOrder]]: ~unset~, an integer, or ~done~ (ES2025).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncEvaluationOrder {
    Unset,
    Order(u64),
    Done,
}

/// The concrete Module Record subclass of a record, with that subclass's own fields.
pub enum ModuleKind {
    /// A Source Text Module Record (a Cyclic Module Record). [[ECMAScriptCode]]; its
    /// `module` field holds [[RequestedModules]], [[ImportEntries]],
    /// [[LocalExportEntries]], [[IndirectExportEntries]] and [[StarExportEntries]] as
    /// ParseModule computes them.
    SourceText { ecmascript_code: Arc<Program> },
    /// A Synthetic Module Record (16.2.1.8), not a Cyclic Module Record: its fields of
    /// Table 45 are unused.
    Synthetic {
        /// [[ExportNames]].
        export_names: Vec<JsString>,
        /// [[EvaluationSteps]].
        evaluation_steps: SyntheticEvaluationSteps,
        /// What GetModuleSourceKind() answers when [[ModuleSource]] is not empty.
        module_source_kind: Option<&'static str>,
    },
    /// A Virtual Module Record (Compartments layer 2, a Cyclic Module Record): a module
    /// whose bindings and behaviour a virtual module source object gives.
    Virtual(Box<super::virtual_module_records::VirtualData>),
}

/// The [[EvaluationSteps]] closures this implementation makes.
pub enum SyntheticEvaluationSteps {
    /// CreateDefaultExportSyntheticModule's setDefaultExport: SetSyntheticModuleExport(
    /// module, "default", defaultExport).
    SetDefaultExport(Value),
    /// No steps (a host module that only provides a source, such as test262's
    /// `<module source>`).
    Nothing,
}

/// The fields of a Module Record (Tables 43, 45, and its subclass's in [`ModuleKind`]).
#[derive(Finalize)]
pub struct ModuleData {
    // -- Table 43: Module Record fields --
    /// [[Realm]].
    pub realm: Realm,
    /// [[Evaluators]] (Compartments layer 3): the Evaluators whose global environment is
    /// the module environment's outer environment and whose execution contexts run the
    /// module's code — the `Module` constructor's (`evaluators.Module`), or the realm's
    /// default Evaluators for modules the host loads.
    pub evaluators: Evaluators,
    /// Compartments layer 4: the compartment that instantiated the module and the full
    /// specifier its imports are resolved against; `None` for other modules.
    pub compartment: Option<CompartmentLink>,
    /// [[Environment]]: empty until InitializeEnvironment.
    pub environment: Option<Env>,
    /// [[Namespace]]: empty until GetModuleNamespace.
    pub namespace: Option<Object>,
    /// [[DeferredNamespace]] (import defer): the namespace object whose [[Deferred]] is
    /// true, empty until GetModuleNamespace(module, defer).
    pub deferred_namespace: Option<Object>,
    /// [[ModuleSource]] (source phase imports): a module source object or empty.
    pub module_source: Option<Object>,
    /// [[HostDefined]].
    pub host_defined: Value,
    // -- Table 45: Cyclic Module Record fields --
    /// [[Status]].
    pub status: ModuleStatus,
    /// [[EvaluationError]]: a throw completion's value, or empty.
    pub evaluation_error: Option<Value>,
    /// [[DFSIndex]]: an integer or empty.
    pub dfs_index: Option<usize>,
    /// [[DFSAncestorIndex]]: an integer or empty.
    pub dfs_ancestor_index: Option<usize>,
    /// [[LoadedModules]]: (ModuleRequest Record, Module Record) pairs.
    pub loaded_modules: Vec<(ModuleRequest, Module)>,
    /// [[LoadingModules]] (Compartments layer 0): the requests being loaded, each with the
    /// load states (GraphLoadingState Records or PromiseCapability Records) waiting for it,
    /// so that the import hook is called once per specifier.
    /// Each state carries the phase its request asked for (source phase imports).
    pub loading_modules: Vec<(ModuleRequest, Vec<(LoadPayload, ImportPhase)>)>,
    /// [[ModuleInstance]] (Compartments layer 0): the Module instance made for this record
    /// by `new Module(...)`, or empty (undefined).
    pub module_instance: Option<Object>,
    /// [[CycleRoot]]: a Cyclic Module Record or empty.
    pub cycle_root: Option<Module>,
    /// [[HasTLA]].
    pub has_tla: bool,
    /// [[AsyncEvaluationOrder]].
    pub async_evaluation_order: AsyncEvaluationOrder,
    /// [[TopLevelCapability]]: a PromiseCapability Record or empty.
    pub top_level_capability: Option<PromiseCapability>,
    /// [[AsyncParentModules]].
    pub async_parent_modules: Vec<Module>,
    /// [[PendingAsyncDependencies]]: an integer or empty.
    pub pending_async_dependencies: Option<usize>,
    /// The concrete subclass and its own fields.
    pub kind: ModuleKind,
    // -- Table 47: Source Text Module Record fields (empty for other kinds) --
    /// [[Context]]: empty until InitializeEnvironment.
    pub context: Option<ExecutionContext>,
    /// [[ImportMeta]]: empty until `import.meta` is first evaluated.
    pub import_meta: Option<Object>,
    /// The source text and its name (host data: locations, Function.prototype.toString).
    pub source: Arc<SourceText>,
}

// SAFETY: the parse tree, export names, statuses, indices and source text hold no Gc
// pointers; every other field is traced.
unsafe impl Trace for ModuleData {
    custom_trace!(this, mark, {
        mark(&this.realm);
        mark(&this.evaluators);
        if let Some(link) = &this.compartment {
            mark(&link.compartment);
        }
        mark(&this.environment);
        mark(&this.namespace);
        mark(&this.deferred_namespace);
        mark(&this.module_source);
        mark(&this.host_defined);
        if let ModuleKind::Synthetic {
            evaluation_steps: SyntheticEvaluationSteps::SetDefaultExport(value),
            ..
        } = &this.kind
        {
            mark(value);
        }
        if let ModuleKind::Virtual(data) = &this.kind {
            mark(data);
        }
        mark(&this.evaluation_error);
        for (_, module) in &this.loaded_modules {
            mark(module);
        }
        for (_, states) in &this.loading_modules {
            for (state, _) in states {
                mark(state);
            }
        }
        mark(&this.module_instance);
        mark(&this.cycle_root);
        mark(&this.top_level_capability);
        mark(&this.async_parent_modules);
        mark(&this.context);
        mark(&this.import_meta);
    });
}

impl ModuleData {
    /// A record of `kind` as the operations that create one return it: [[Status]] new,
    /// [[AsyncEvaluationOrder]] unset, and every other field not given here empty.
    pub fn new(
        realm: Realm,
        kind: ModuleKind,
        has_tla: bool,
        host_defined: Value,
        source: Arc<SourceText>,
    ) -> ModuleData {
        ModuleData {
            compartment: None,
            evaluators: realm.evaluators(),
            realm,
            environment: None,
            namespace: None,
            deferred_namespace: None,
            module_source: None,
            host_defined,
            status: ModuleStatus::New,
            evaluation_error: None,
            dfs_index: None,
            dfs_ancestor_index: None,
            loaded_modules: Vec::new(),
            loading_modules: Vec::new(),
            module_instance: None,
            cycle_root: None,
            has_tla,
            async_evaluation_order: AsyncEvaluationOrder::Unset,
            top_level_capability: None,
            async_parent_modules: Vec::new(),
            pending_async_dependencies: None,
            kind,
            context: None,
            import_meta: None,
            source,
        }
    }
}

/// The compartment a module belongs to (layer 4): its imports are resolved by the
/// compartment against `specifier`, the module's full specifier there.
#[derive(Clone)]
pub struct CompartmentLink {
    pub compartment: crate::spec::compartments::compartment_records::Compartment,
    pub specifier: String,
}

/// A handle to a Module Record; equality is identity.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Module(Gc<GcRefCell<ModuleData>>);

impl PartialEq for Module {
    fn eq(&self, other: &Module) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Module({})", self.0.borrow().source.name)
    }
}

impl Module {
    pub fn new(data: ModuleData) -> Module {
        Module(Gc::new(GcRefCell::new(data)))
    }

    /// The record's identity as a number (its address, which never changes while the
    /// record is alive): equal for two handles exactly when they are `==`.
    pub fn identity(&self) -> usize {
        std::ptr::from_ref::<GcRefCell<ModuleData>>(&*self.0).addr()
    }

    pub fn data(&self) -> boa_gc::GcRef<'_, ModuleData> {
        self.0.borrow()
    }

    pub fn data_mut(&self) -> boa_gc::GcRefMut<'_, ModuleData> {
        self.0.borrow_mut()
    }

    /// The module's name (its source's name: a path or a specifier).
    pub fn name(&self) -> String {
        self.0.borrow().source.name.clone()
    }

    /// [[Environment]].
    pub fn environment(&self) -> Option<Env> {
        self.0.borrow().environment.clone()
    }

    /// [[Status]].
    pub fn status(&self) -> ModuleStatus {
        self.0.borrow().status
    }

    /// Sets [[Status]]: every status change goes through here, so that the event log
    /// (`spec::event_log`) sees each one.
    pub fn set_status(&self, agent: &super::agents::Agent, status: ModuleStatus) {
        let from = std::mem::replace(&mut self.0.borrow_mut().status, status);
        super::event_log::status_changed(agent, self, Some(from));
    }

    /// Whether the record is a Cyclic Module Record.
    pub fn is_cyclic(&self) -> bool {
        matches!(
            self.0.borrow().kind,
            ModuleKind::SourceText { .. } | ModuleKind::Virtual(_)
        )
    }

    /// Whether the record is a Virtual Module Record (Compartments layer 2).
    pub fn is_virtual(&self) -> bool {
        matches!(self.0.borrow().kind, ModuleKind::Virtual(_))
    }

    /// [[ECMAScriptCode]] of a Source Text Module Record.
    pub fn ecmascript_code(&self) -> Option<Arc<Program>> {
        match &self.0.borrow().kind {
            ModuleKind::SourceText { ecmascript_code } => Some(ecmascript_code.clone()),
            ModuleKind::Synthetic { .. } | ModuleKind::Virtual(_) => None,
        }
    }

    /// The module's static semantics (requests, import and export entries, HasTLA); empty
    /// for a record that is not a Source Text Module Record.
    pub fn info(&self) -> ModuleInfo {
        match &self.0.borrow().kind {
            ModuleKind::SourceText { ecmascript_code } => ecmascript_code.module.clone(),
            ModuleKind::Virtual(data) => data.info.clone(),
            ModuleKind::Synthetic { .. } => ModuleInfo::default(),
        }
    }

    /// [[HasTLA]].
    pub fn has_tla(&self) -> bool {
        self.0.borrow().has_tla
    }

    /// [[RequestedModules]] of a Cyclic Module Record (empty for other records).
    pub fn requested_modules(&self) -> Vec<ModuleRequest> {
        match &self.0.borrow().kind {
            ModuleKind::SourceText { ecmascript_code } => ecmascript_code.module.requests.clone(),
            ModuleKind::Virtual(data) => data.info.requests.clone(),
            ModuleKind::Synthetic { .. } => Vec::new(),
        }
    }

    /// [[Realm]].
    pub fn realm(&self) -> Realm {
        self.0.borrow().realm.clone()
    }

    /// [[Evaluators]] (Compartments layer 3).
    pub fn evaluators(&self) -> Evaluators {
        self.0.borrow().evaluators.clone()
    }

    pub fn source(&self) -> Arc<SourceText> {
        self.0.borrow().source.clone()
    }
}
