//! Compartments layer 4 (`4-compartment.md`): the Compartment Record and its module memo,
//! and how a compartment loads a module for a full specifier (informal C4.3
//! `compartments-load`) and serves its modules' imports (C4.4
//! `compartments-import-hook`). Descriptors are interpreted in `module_descriptors.rs`,
//! the JavaScript API is `builtins/compartment_objects.rs`.
//!
//! A compartment is "an Evaluators + Module + ModuleSource", as the proposal's user-code
//! sketch decomposes it: its globals and its `eval`, `Function` and `Module` are an
//! Evaluators record (layer 3), and every module it instantiates is a Module Record made
//! from a ModuleSource or a virtual module source (layers 0-2) whose imports are resolved
//! by the compartment — natively rather than through a JavaScript importHook, so that
//! `importNow` can load a whole graph synchronously.
//!
//! The memo maps full specifiers to modules (or to the promise of a load in progress); it
//! is shared by `import`, `load`, `importNow`, `loadNow` and the imports of the
//! compartment's modules, so no module is ever instantiated twice in one compartment.
//! Failed loads are not memoised (as LoadImportedModule memoises only successes). A
//! synchronous operation keeps an undo log of the memo entries it changes and replays it
//! backwards if it ends up needing to wait (`SyncLoad`); a nested synchronous operation
//! that succeeds (an `importNow` inside a loadHook, which may evaluate modules) keeps its
//! changes even when the outer one fails — a per-entry log, rather than a snapshot of
//! whole memos, is what makes that possible.

use crate::spec::abstract_module_records::Module;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{builtin_closure, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::evaluators::Evaluators;
use crate::spec::module_semantics::{finish_loading_imported_module, LoadPayload, Referrer};
use crate::spec::object_type::Object;
use crate::spec::operations_on_objects::call;
use crate::spec::promise_objects::{
    new_promise_capability, perform_promise_then, PromiseCapability,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::value::Value;
use crate::syntax::ast::ModuleRequest;
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};

/// A memo entry: the module loaded for a full specifier, or the promise of its load.
#[derive(Clone, Finalize)]
pub enum MemoEntry {
    Loaded(Module),
    /// A load waiting for a `loadHook`'s promise (or for another compartment): the
    /// capability its waiters subscribe to, settled with the Module Record's instance
    /// or the load's error; and, for an alias, the (compartment, full specifier) whose
    /// load it waits for (to reject a cycle of aliases instead of waiting forever).
    Loading(PromiseCapability, Option<(Compartment, String)>),
}

// SAFETY: the specifiers hold no Gc pointers; the rest is traced.
unsafe impl Trace for MemoEntry {
    custom_trace!(this, mark, {
        match this {
            MemoEntry::Loaded(module) => mark(module),
            MemoEntry::Loading(capability, waits_for) => {
                mark(capability);
                if let Some((compartment, _)) = waits_for {
                    mark(compartment);
                }
            }
        }
    });
}

/// The memo: full specifier → entry.
pub type Memo = rustc_hash::FxHashMap<String, MemoEntry>;

/// A Compartment Record.
#[derive(Finalize)]
pub struct CompartmentRecord {
    /// For the event log and module names: `compartment#N`.
    pub id: u64,
    /// [[Parent]]: the compartment whose `Compartment` constructor made this one; `None`
    /// for a realm's start compartment.
    pub parent: Option<Compartment>,
    /// [[Evaluators]]: its globals and evaluators (a start compartment's are the realm's
    /// default Evaluators).
    pub evaluators: Evaluators,
    /// [[ResolveHook]]: undefined resolves as the parent does.
    pub resolve_hook: Value,
    /// [[LoadHook]]: undefined loads each module's source from the parent.
    pub load_hook: Value,
    /// [[Modules]]: the `modules` option, each own enumerable property's descriptor as it
    /// was at construction (interpreted when the specifier is first loaded).
    pub modules: Vec<(String, Value)>,
    /// [[Memo]].
    pub memo: GcRefCell<Memo>,
    /// This compartment's own `Compartment` constructor (its children's parent is this
    /// compartment).
    pub constructor: GcRefCell<Option<Object>>,
}

// SAFETY: `id` and the specifiers hold no Gc pointers; the rest is traced.
unsafe impl Trace for CompartmentRecord {
    custom_trace!(this, mark, {
        mark(&this.parent);
        mark(&this.evaluators);
        mark(&this.resolve_hook);
        mark(&this.load_hook);
        for (_, descriptor) in &this.modules {
            mark(descriptor);
        }
        for (_, entry) in this.memo.borrow().iter() {
            mark(entry);
        }
        mark(&this.constructor);
    });
}

/// A handle to a Compartment Record; equality is identity.
#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Compartment(pub Gc<CompartmentRecord>);

impl PartialEq for Compartment {
    fn eq(&self, other: &Compartment) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Compartment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

impl Compartment {
    /// The name the event log and module names use.
    pub fn name(&self) -> String {
        format!("compartment#{}", self.0.id)
    }

    pub fn evaluators(&self) -> Evaluators {
        self.0.evaluators.clone()
    }

    pub fn realm(&self) -> Realm {
        self.0.evaluators.realm()
    }

    pub fn is_start(&self) -> bool {
        self.0.parent.is_none()
    }

    fn memo_get(&self, key: &str) -> Option<MemoEntry> {
        self.0.memo.borrow().get(key).cloned()
    }

    /// Sets memo[key], logging the previous entry for a synchronous operation in progress.
    pub fn memo_set(&self, agent: &mut Agent, key: &str, entry: MemoEntry) {
        let previous = self.0.memo.borrow_mut().insert(key.to_string(), entry);
        self.log_for_sync_load(agent, key, previous);
    }

    /// Removes memo[key] (a failed load is not memoised).
    pub fn memo_remove(&self, agent: &mut Agent, key: &str) {
        let previous = self.0.memo.borrow_mut().remove(key);
        self.log_for_sync_load(agent, key, previous);
    }

    fn log_for_sync_load(&self, agent: &mut Agent, key: &str, previous: Option<MemoEntry>) {
        if let Some(sync) = agent.compartment_sync_load.as_mut() {
            sync.undo.push((self.clone(), key.to_string(), previous));
        }
    }
}

/// A synchronous load in progress (`importNow`, `loadNow`): the memo entries it changed,
/// each with the entry it replaced (the undo log), and the first full specifier whose load
/// would have had to wait.
#[derive(Default)]
pub struct SyncLoad {
    pub undo: Vec<(Compartment, String, Option<MemoEntry>)>,
    pub would_wait: Option<(Compartment, String)>,
}

/// What loading a full specifier gives: the module now, a promise of it, or an error.
pub enum LoadOutcome {
    Ready(Module),
    /// The capability the load will settle with the module's Module instance or the
    /// load's error.
    Pending(PromiseCapability),
    Failed(Value),
}

/// Starts a synchronous operation over compartments' memos.
pub fn begin_sync_load(agent: &mut Agent) -> Option<SyncLoad> {
    agent.compartment_sync_load.replace(SyncLoad::default())
}

/// Ends a synchronous operation: `Ok` when nothing had to wait (the memos keep their
/// changes, also when an outer operation fails later), else the TypeError naming the
/// specifier, with every memo entry it changed as it was.
pub fn end_sync_load(agent: &mut Agent, outer: Option<SyncLoad>) -> Result<(), Value> {
    let sync = std::mem::replace(&mut agent.compartment_sync_load, outer).unwrap_or_default();
    let Some((compartment, specifier)) = sync.would_wait else {
        return Ok(());
    };
    rollback_sync_load(sync.undo);
    Err(agent.type_error(&format!(
        "cannot load '{specifier}' synchronously in {}: it is only available asynchronously \
         (a loadHook returned a promise, or its load is in progress); nothing was loaded",
        compartment.name()
    )))
}

/// Replays an undo log backwards: every memo entry a failed synchronous operation changed
/// is as it was.
pub fn rollback_sync_load(undo: Vec<(Compartment, String, Option<MemoEntry>)>) {
    for (compartment, key, previous) in undo.into_iter().rev() {
        let mut memo = compartment.0.memo.borrow_mut();
        match previous {
            Some(entry) => memo.insert(key, entry),
            None => memo.remove(&key),
        };
    }
}

/// Whether waiting for the load of (`other`, `other_key`) from (`compartment`, `key`) would
/// close a cycle of aliases: the chain of loads each waits for leads back to `key`.
pub fn alias_cycle(
    compartment: &Compartment,
    key: &str,
    other: &Compartment,
    other_key: &str,
) -> bool {
    let mut current = (other.clone(), other_key.to_string());
    for _ in 0..100_000 {
        if current.0 == *compartment && current.1 == key {
            return true;
        }
        let next = match current.0 .0.memo.borrow().get(&current.1) {
            Some(MemoEntry::Loading(_, Some(next))) => next.clone(),
            _ => return false,
        };
        current = next;
    }
    true
}

/// Whether a synchronous operation is in progress; when it is, a load that would wait
/// records `specifier` (the first one) instead.
pub fn would_wait_in_sync_load(agent: &mut Agent, compartment: &Compartment, key: &str) -> bool {
    match agent.compartment_sync_load.as_mut() {
        Some(sync) => {
            if sync.would_wait.is_none() {
                sync.would_wait = Some((compartment.clone(), key.to_string()));
            }
            true
        }
        None => false,
    }
}

/// Load ( compartment, fullSpecifier ) (C4.3): the module the compartment has or makes for
/// `key`, without loading its dependencies.
pub fn compartment_load(agent: &mut Agent, compartment: &Compartment, key: &str) -> LoadOutcome {
    // A descriptor can name another load (an alias, a parent's source), which can name
    // another: a chain of them is followed on the native stack, so it is bounded (a
    // RangeError) and a cycle among them is a TypeError rather than a loop.
    if let Err(error) = agent.check_stack() {
        return LoadOutcome::Failed(error);
    }
    let this = (compartment.clone(), key.to_string());
    if let Some(start) = agent
        .compartment_loads
        .iter()
        .position(|load| *load == this)
    {
        let mut cycle: Vec<String> = agent.compartment_loads[start..]
            .iter()
            .map(|(c, k)| format!("'{k}' in {}", c.name()))
            .collect();
        cycle.push(format!("'{key}' in {}", compartment.name()));
        return LoadOutcome::Failed(agent.type_error(&format!(
            "module descriptors form a cycle: {}",
            cycle.join(" -> ")
        )));
    }
    agent.compartment_loads.push(this);
    let outcome = compartment_load_steps(agent, compartment, key);
    agent.compartment_loads.pop();
    outcome
}

fn compartment_load_steps(agent: &mut Agent, compartment: &Compartment, key: &str) -> LoadOutcome {
    // 1. If compartment.[[Memo]] has an entry for fullSpecifier, then
    crate::step!("compartments-load", "1");
    if let Some(entry) = compartment.memo_get(key) {
        crate::spec::event_log::memo_hit(agent, compartment, key, &entry);
        return match entry {
            // a. If the entry is a module, return it.
            MemoEntry::Loaded(module) => {
                crate::step!("compartments-load", "1.a");
                LoadOutcome::Ready(module)
            }
            // b. Else (a load in progress), wait for it.
            MemoEntry::Loading(capability, _) => {
                crate::step!("compartments-load", "1.b");
                would_wait_in_sync_load(agent, compartment, key);
                LoadOutcome::Pending(capability)
            }
        };
    }
    // 2. If compartment is a start compartment, return the module the host loads for
    //    fullSpecifier (HostLoadImportedModule with the realm as referrer).
    crate::step!("compartments-load", "2");
    if compartment.is_start() {
        return match super::module_descriptors::host_load(agent, compartment, key) {
            Ok(module) => {
                compartment.memo_set(agent, key, MemoEntry::Loaded(module.clone()));
                LoadOutcome::Ready(module)
            }
            Err(error) => LoadOutcome::Failed(error),
        };
    }
    // 3. If compartment.[[Modules]] has a descriptor for fullSpecifier, return
    //    InterpretDescriptor(compartment, fullSpecifier, descriptor).
    crate::step!("compartments-load", "3");
    let listed = compartment
        .0
        .modules
        .iter()
        .find(|(specifier, _)| specifier == key)
        .map(|(_, descriptor)| descriptor.clone());
    if let Some(descriptor) = listed {
        return super::module_descriptors::interpret_descriptor(
            agent,
            compartment,
            key,
            descriptor,
        );
    }
    // 4. If compartment.[[LoadHook]] is undefined, return InterpretDescriptor(compartment,
    //    fullSpecifier, { source: fullSpecifier }). (SPEC ISSUE: without a loadHook a
    //    compartment instantiates its parent's source for the specifier, as the text's
    //    multiple-instantiation example needs.)
    crate::step!("compartments-load", "4");
    let load_hook = compartment.0.load_hook.clone();
    if load_hook.is_undefined() {
        return super::module_descriptors::interpret_default_descriptor(agent, compartment, key);
    }
    // 5. Let result be Completion(Call(compartment.[[LoadHook]], undefined,
    //    « fullSpecifier »)).
    crate::step!("compartments-load", "5");
    let argument = Value::String(JsString::from(key));
    let result = call(
        agent,
        &load_hook,
        &Value::Undefined,
        std::slice::from_ref(&argument),
    );
    crate::spec::event_log::compartment_hook_called(
        agent,
        "loadHook",
        compartment,
        &[argument],
        &result,
    );
    // 6. If result is an abrupt completion, return it.
    crate::step!("compartments-load", "6");
    let result = match result {
        Ok(result) => result,
        Err(error) => return LoadOutcome::Failed(error),
    };
    // 7. If IsPromise(result) is false, return InterpretDescriptor(compartment,
    //    fullSpecifier, result).
    crate::step!("compartments-load", "7");
    if !crate::spec::promise_objects::is_promise(&result) {
        return super::module_descriptors::interpret_descriptor(agent, compartment, key, result);
    }
    // 8. NOTE: The load has to wait for the promise: importNow and loadNow fail here.
    crate::step!("compartments-load", "8");
    if would_wait_in_sync_load(agent, compartment, key) {
        return LoadOutcome::Failed(Value::Undefined);
    }
    // 9. Let capability be ! NewPromiseCapability(%Promise%); set
    //    compartment.[[Memo]][fullSpecifier] to capability.
    crate::step!("compartments-load", "9");
    // 10. When result settles: a descriptor d gives InterpretDescriptor(compartment,
    //     fullSpecifier, d), which settles capability (and the memo entry); an error removes
    //     the memo entry and rejects capability.
    crate::step!("compartments-load", "10");
    let Value::Object(result) = result else {
        unreachable!("IsPromise");
    };
    let capability = wait_for(agent, compartment, key, &result, Arrival::Descriptor, None);
    // 11. Return capability.[[Promise]] (as a load in progress).
    crate::step!("compartments-load", "11");
    LoadOutcome::Pending(capability)
}

/// What a load in progress does with what it waited for.
#[derive(Clone, Finalize)]
pub enum Arrival {
    /// A loadHook's promise: its value is a descriptor to interpret (C4.3 step 10).
    Descriptor,
    /// Another load's Module instance, memoised as this key's (an alias, C4.5 step 9.c).
    Alias,
    /// The parent's Module instance, whose source is instantiated here with this
    /// importMeta (ParentSource, C4.5 step 7.b).
    ParentSource(Option<Object>),
}

/// A load in progress: it waits for `promise`, memoises `key` as Loading meanwhile and
/// settles the returned capability (and the memo entry) when the promise settles, as
/// `arrival` says; a rejection removes the entry (failures are not memoised).
pub fn wait_for(
    agent: &mut Agent,
    compartment: &Compartment,
    key: &str,
    promise: &Object,
    arrival: Arrival,
    waits_for: Option<(Compartment, String)>,
) -> PromiseCapability {
    let capability = new_capability(agent);
    let entry = MemoEntry::Loading(capability.clone(), waits_for);
    compartment.memo_set(agent, key, entry);
    let captures = PendingLoad {
        compartment: compartment.clone(),
        key: key.to_string(),
        capability: capability.clone(),
        arrival,
    };
    let on_fulfilled = builtin_closure(agent, pending_load_arrived, 1.0, captures.clone());
    let on_rejected = builtin_closure(agent, pending_load_failed, 1.0, captures);
    perform_promise_then(
        agent,
        promise,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
    capability
}

/// A new capability of %Promise% for a load in progress.
pub fn new_capability(agent: &mut Agent) -> PromiseCapability {
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    new_promise_capability(agent, &promise).expect("%Promise% is a constructor")
}

/// What the settlement closures of a load in progress capture.
#[derive(Clone, Finalize)]
pub struct PendingLoad {
    pub compartment: Compartment,
    pub key: String,
    pub capability: PromiseCapability,
    pub arrival: Arrival,
}

// SAFETY: the key holds no Gc pointer; the rest is traced.
unsafe impl Trace for PendingLoad {
    custom_trace!(this, mark, {
        mark(&this.compartment);
        mark(&this.capability);
        if let Arrival::ParentSource(import_meta) = &this.arrival {
            mark(import_meta);
        }
    });
}

/// A load in progress got its value.
fn pending_load_arrived(
    agent: &mut Agent,
    call: &BuiltinCall,
    load: &PendingLoad,
) -> JsResult<Value> {
    let (compartment, key) = (&load.compartment, load.key.as_str());
    let value = call.arg(0);
    let outcome = match &load.arrival {
        Arrival::Descriptor => {
            // The Loading entry stands for this very load: take it out, so that
            // interpreting the descriptor memoises the module itself.
            compartment.memo_remove(agent, key);
            super::module_descriptors::interpret_descriptor(agent, compartment, key, value)
        }
        Arrival::Alias | Arrival::ParentSource(_) => {
            match crate::spec::builtins::module_objects::module_of_instance(&value) {
                Some(module) => match &load.arrival {
                    Arrival::ParentSource(import_meta) => {
                        compartment.memo_remove(agent, key);
                        match super::module_descriptors::instantiate_from_module(
                            agent,
                            compartment,
                            key,
                            &module,
                            import_meta.clone(),
                        ) {
                            Ok(module) => LoadOutcome::Ready(module),
                            Err(error) => LoadOutcome::Failed(error),
                        }
                    }
                    _ => {
                        compartment.memo_set(agent, key, MemoEntry::Loaded(module.clone()));
                        LoadOutcome::Ready(module)
                    }
                },
                None => LoadOutcome::Failed(
                    agent.type_error("a compartment load settled without a module"),
                ),
            }
        }
    };
    settle_with_outcome(agent, outcome, &load.capability);
    Ok(Value::Undefined)
}

/// A load in progress failed: not memoised.
fn pending_load_failed(
    agent: &mut Agent,
    call: &BuiltinCall,
    load: &PendingLoad,
) -> JsResult<Value> {
    load.compartment.memo_remove(agent, &load.key);
    reject(agent, &load.capability, call.arg(0));
    Ok(Value::Undefined)
}

/// Settles `capability` with `outcome` now, or when its load settles.
pub fn settle_with_outcome(
    agent: &mut Agent,
    outcome: LoadOutcome,
    capability: &PromiseCapability,
) {
    match outcome {
        LoadOutcome::Ready(module) => {
            let instance = super::module_descriptors::module_instance_of(agent, &module);
            let _ = call(
                agent,
                &capability.resolve,
                &Value::Undefined,
                &[Value::Object(instance)],
            );
        }
        LoadOutcome::Failed(error) => reject(agent, capability, error),
        LoadOutcome::Pending(inner) => {
            perform_promise_then(
                agent,
                &inner.promise,
                capability.resolve.clone(),
                capability.reject.clone(),
                None,
            );
        }
    }
}

fn reject(agent: &mut Agent, capability: &PromiseCapability, error: Value) {
    let _ = call(agent, &capability.reject, &Value::Undefined, &[error]);
}

/// The full specifier for `import_specifier` imported by a module of `compartment` whose
/// own full specifier is `referrer` (`None` in script contexts): the compartment's
/// resolveHook, or its parent's resolution when it has none; a start compartment resolves
/// as the host does (C4.4 steps 1-3).
pub fn resolve(
    agent: &mut Agent,
    compartment: &Compartment,
    import_specifier: &str,
    referrer: Option<&str>,
) -> JsResult<String> {
    let mut current = compartment.clone();
    loop {
        let hook = current.0.resolve_hook.clone();
        if !hook.is_undefined() {
            let arguments = [
                Value::String(JsString::from(import_specifier)),
                referrer.map_or(Value::Undefined, |r| Value::String(JsString::from(r))),
            ];
            let result = call(agent, &hook, &Value::Undefined, &arguments);
            crate::spec::event_log::compartment_hook_called(
                agent,
                "resolveHook",
                &current,
                &arguments,
                &result,
            );
            return match result? {
                Value::String(full) => Ok(full.to_rust_string()),
                other => Err(agent.type_error(&format!(
                    "the resolveHook of {} returned {} for '{import_specifier}' (imported by {}), \
                     not a string",
                    current.name(),
                    crate::spec::event_log::brief(&other),
                    referrer.unwrap_or("a script")
                ))),
            };
        }
        match current.0.parent.clone() {
            Some(parent) => current = parent,
            None => {
                return Ok(super::module_descriptors::host_resolve(
                    agent,
                    import_specifier,
                    referrer,
                ))
            }
        }
    }
}

/// The compartment's import hook for the imports of a module it instantiated (C4.4):
/// LoadImportedModule step 4 for a referrer whose Module instance is the compartment's
/// (`ModuleData::compartment`). Finishes the load synchronously whenever the module is
/// available now.
pub fn compartment_load_imported_module(
    agent: &mut Agent,
    referrer: &Module,
    compartment: &Compartment,
    referrer_specifier: &str,
    request: &ModuleRequest,
    payload: LoadPayload,
) {
    let import_specifier = String::from_utf16_lossy(&request.specifier);
    let referrer_record = Referrer::Module(referrer.clone());
    // 1. Let referrerSpecifier be the full specifier of referrer in compartment.
    crate::step!("compartments-import-hook", "1");
    // 2. Let fullSpecifier be ? the resolution of the import specifier (C4.4 resolve).
    crate::step!("compartments-import-hook", "2");
    let full = match resolve(
        agent,
        compartment,
        &import_specifier,
        Some(referrer_specifier),
    ) {
        Ok(full) => full,
        Err(error) => {
            finish_loading_imported_module(agent, &referrer_record, request, payload, Err(error));
            return;
        }
    };
    // 3. Let outcome be Load(compartment, fullSpecifier).
    crate::step!("compartments-import-hook", "3");
    match compartment_load(agent, compartment, &full) {
        // 4. If outcome is a module, perform FinishLoadingImportedModule(referrer,
        //    specifier, payload, NormalCompletion(module)).
        LoadOutcome::Ready(module) => {
            crate::step!("compartments-import-hook", "4");
            finish_loading_imported_module(agent, &referrer_record, request, payload, Ok(module));
        }
        // 5. If outcome is an error, perform FinishLoadingImportedModule(referrer,
        //    specifier, payload, outcome).
        LoadOutcome::Failed(error) => {
            crate::step!("compartments-import-hook", "5");
            if agent
                .compartment_sync_load
                .as_ref()
                .is_some_and(|sync| sync.would_wait.is_some())
            {
                // A synchronous load that would wait: the operation fails as a whole.
                return;
            }
            finish_loading_imported_module(agent, &referrer_record, request, payload, Err(error));
        }
        // 6. Else, when the load settles, perform FinishLoadingImportedModule with its
        //    module or its error.
        LoadOutcome::Pending(capability) => {
            crate::step!("compartments-import-hook", "6");
            if agent.compartment_sync_load.is_some() {
                return;
            }
            let captures = WaitingImport {
                referrer: referrer.clone(),
                request: request.clone(),
                payload,
            };
            let on_fulfilled = builtin_closure(agent, waiting_import_loaded, 1.0, captures.clone());
            let on_rejected = builtin_closure(agent, waiting_import_failed, 1.0, captures);
            perform_promise_then(
                agent,
                &capability.promise,
                Value::Object(on_fulfilled),
                Value::Object(on_rejected),
                None,
            );
        }
    }
}

/// An import waiting for a load in progress (C4.4 step 6).
#[derive(Clone, Finalize)]
pub struct WaitingImport {
    referrer: Module,
    request: ModuleRequest,
    payload: LoadPayload,
}

// SAFETY: the request holds no Gc pointer; the rest is traced.
unsafe impl Trace for WaitingImport {
    custom_trace!(this, mark, {
        mark(&this.referrer);
        mark(&this.payload);
    });
}

fn waiting_import_loaded(
    agent: &mut Agent,
    call: &BuiltinCall,
    waiting: &WaitingImport,
) -> JsResult<Value> {
    let result = crate::spec::builtins::module_objects::module_of_instance(&call.arg(0))
        .ok_or_else(|| agent.type_error("a compartment load settled without a module"));
    finish_loading_imported_module(
        agent,
        &Referrer::Module(waiting.referrer.clone()),
        &waiting.request,
        waiting.payload.clone(),
        result,
    );
    Ok(Value::Undefined)
}

fn waiting_import_failed(
    agent: &mut Agent,
    call: &BuiltinCall,
    waiting: &WaitingImport,
) -> JsResult<Value> {
    finish_loading_imported_module(
        agent,
        &Referrer::Module(waiting.referrer.clone()),
        &waiting.request,
        waiting.payload.clone(),
        Err(call.arg(0)),
    );
    Ok(Value::Undefined)
}
